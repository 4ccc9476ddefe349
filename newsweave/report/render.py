"""Render a stories document (``schema/stories.schema.json``) as Markdown and as one HTML page.

The document is turned into a plain view model here (numbered articles, resolved citations,
grouped entities, spaced diffs), so the Jinja2 templates only lay it out. Article text is
untrusted: the HTML environment autoescapes, and the Markdown environment escapes every
``{{ }}`` output through ``finalize`` unless the value is an :class:`MdSafe` built in this module.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..stages.facts import vague_value
from ..stages.textutil import (
    UNNAMED_OUTLET,
    is_unnamed_outlet,
    join_spaced_hyphens,
    outlet_name,
    singular,
    tokenized_hyphens,
)
from .evidence import best_sentence, context
from .pictures import coverage_picture, timeline_picture
from .tables import in_other_event, other_event_articles

TEMPLATES = Path(__file__).resolve().parent / "templates"
# the article table's columns left out of a story whose articles all lack them ("copy": copy of another article)
ARTICLE_COLUMNS = ("source", "original_source", "authors", "published", "copy")

# Optional extras the web app can give the renderer (the static report has only the stories document):
# article id -> (text, sentence spans), and a link to an article page at a span.
Texts = dict[str, tuple[str, list[tuple[int, int]]]]
SpanLink = Callable[[str, int, int], str]
EntityLink = Callable[[str], str]  # an entity id across stories -> its page

# Entity labels shown first, in this order, with a readable name; other labels follow by name.
LABELS: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Locations",
    "NORP": "Groups",
    "FAC": "Facilities",
    "EVENT": "Events",
    "WORK_OF_ART": "Works",
    "VESSEL": "Vessels",
    "OTHER": "Other names",
}

# The page's only script: a headline filter (without JS the box stays hidden and all stories show), and
# folded parts opened for printing and closed again after. Its hash goes into the page's
# Content-Security-Policy, so no other script can run.
FILTER_JS = """
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
(function () {
  var box = document.getElementById("filter-box");
  var input = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  if (!box || !input) { return; }
  box.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-headline]"));
  var total = document.querySelectorAll("section.story").length;
  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el) {
      var hit = !q || el.getAttribute("data-headline").indexOf(q) !== -1;
      el.hidden = !hit;
      if (hit && el.tagName === "SECTION") { shown += 1; }
    });
    count.textContent = q ? shown + " of " + total + " stories" : "";
  }
  input.addEventListener("input", apply);
  apply();
})();
(function () {
  // a citation marker's tooltip (the article's title, outlet and date) is read from the article row it
  // points to, or from the row of the article whose sentence it reveals, when first hovered or focused: one
  // tooltip per marker in the page was 1.8 MB of a 93-story report. Without JS the marker links to that row.
  function tip(ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a.cite") : null;
    if (!a || a.hasAttribute("title")) { return; }
    var row = document.getElementById(a.getAttribute("href").slice(1).replace(/-s\\d+-(\\d+)$/, "-a$1"));
    if (row && row.hasAttribute("data-tip")) { a.setAttribute("title", row.getAttribute("data-tip")); }
  }
  document.addEventListener("mouseover", tip);
  document.addEventListener("focusin", tip);
})();
(function () {
  // a phone cannot hover: a tap on an entity chip that links nowhere (the report file) writes its tooltip (role,
  // other spellings, mentions) on a line under its group
  document.addEventListener("click", function (ev) {
    var chip = ev.target && ev.target.closest ? ev.target.closest("span.chip") : null;
    if (!chip || chip.querySelector("a") || !chip.title) { return; }
    var group = chip.parentElement;
    var line = group.nextElementSibling;
    if (!line || !line.classList.contains("chiptip")) {
      line = document.createElement("p");
      line.className = "sub chiptip";
      line.setAttribute("aria-live", "polite");
      group.parentNode.insertBefore(line, group.nextSibling);
    }
    line.textContent = chip.firstChild.textContent + ": " + chip.title;
  });
})();
(function () {
  // "Show only": a story's quotes of one speaker (the ledger is ordered by articles, so one speaker's
  // entries are spread over it); the bar stays hidden without JS, every quote shows
  Array.prototype.forEach.call(document.querySelectorAll("p.speakers"), function (bar) {
    var section = bar.closest("section.story");
    if (!section) { return; }
    bar.hidden = false;
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-speaker]");
      if (!b) { return; }
      var who = b.getAttribute("data-speaker");
      Array.prototype.forEach.call(bar.querySelectorAll("button"), function (x) {
        x.setAttribute("aria-pressed", String(x === b));
      });
      Array.prototype.forEach.call(section.querySelectorAll("li.quote"), function (li) {
        li.hidden = who !== "" && li.getAttribute("data-speaker") !== who;
      });
      var more = section.querySelector("ol.quotes + details.more");
      if (more && who !== "" && !more.open) { more.open = true; more.setAttribute("data-opened", ""); }
      if (more && who === "" && more.hasAttribute("data-opened")) {
        more.open = false;
        more.removeAttribute("data-opened");
      }
    });
  });
})();
"""

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}\u201d\u2019\u00bb%\u2026")
_NO_SPACE_AFTER = frozenset("([{\u201c\u2018\u00ab")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_MD_BLOCK_START = re.compile(r"^(\s*)(\d+(?=[.)](?:\s|$))|(?=[-+=]))")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")


class MdSafe(str):
    """Markdown that is already escaped; the Markdown environment outputs it unchanged."""


def md_escape(value: Any) -> str:
    """Untrusted text as one line of literal Markdown (no markup, tables stay intact)."""
    if value is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(value)))
    # a leading "-", "+", "=" or "12." would start a list or underline a heading
    return _MD_BLOCK_START.sub(r"\1\2\\", text)


def _md_finalize(value: Any) -> Any:
    if isinstance(value, MdSafe):
        return value
    return md_escape(value)


def _environment(autoescape: bool) -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        finalize=None if autoescape else _md_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _md_cites(refs: Iterable[dict[str, Any]]) -> MdSafe:
    """Citation markers ``[1][2]``; they are built here, never from document text."""
    return MdSafe("".join(r["marker"] for r in refs))


_HTML_ENV = _environment(autoescape=True)
_MD_ENV = _environment(autoescape=False)
_MD_ENV.filters["cites"] = _md_cites


# ---------------------------------------------------------------- small helpers


def _text(value: Any) -> str | None:
    """A display string, or None for missing/blank values. Quote marks typed as two backticks and two
    apostrophes (wire copy of the 1990s: "a ``getting-to-know-you'' meeting") read as curly ones."""
    if value is None:
        return None
    s = " ".join(str(value).split())
    if "``" in s:
        s = s.replace("``", "\u201c").replace("''", "\u201d")
    return s or None


def _roles(values: Any) -> list[str]:
    """An entity's roles for display: strings only, spelling repeats dropped ("U.S. Secretary of
    State" / "US Secretary of State" shown once, the first written kept), and a role whose words
    all stand in a longer one ("President" beside "Russian President")."""
    seen: dict[str, str] = {}
    for v in values if isinstance(values, list) else []:
        t = _text(v) if isinstance(v, str) else None
        if t is not None:
            seen.setdefault(t.replace(".", "").casefold(), t)
    words = {k: set(k.split()) for k in seen}
    # "President" says less than "Russian President" beside it
    return [t for k, t in seen.items() if not any(words[k] < w for w in words.values())]


def _shown_outlets(names: list[str]) -> list[str]:
    """Outlet names as a list beside citation markers shows them: the input file or id an unnamed outlet is
    known by ("unnamed outlet (000_f2caec4f31b0e51f.txt)") is in the article list the markers point to, so
    here it reads "unnamed outlet", several of them "2 unnamed outlets", after the named ones."""
    unnamed = sum(1 for n in names if is_unnamed_outlet(n))
    named = [n for n in names if not is_unnamed_outlet(n)]
    return named + ([f"{unnamed} {UNNAMED_OUTLET}s" if unnamed > 1 else UNNAMED_OUTLET] if unnamed else [])


def _dedupe(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        t = _text(v)
        if t is not None:
            seen.setdefault(t, None)
    return list(seen)


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-")[:48] or "x"


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def fmt_date(value: Any, with_time: bool = True) -> str | None:
    """``2024-05-01T10:30:00Z`` -> ``2024-05-01 10:30`` (or the day only); other text as is."""
    s = _text(value)
    if s is None:
        return None
    m = _ISO.match(s)
    if not m:
        return s
    if with_time and m.group(2) and m.group(2) != "00:00":
        return f"{m.group(1)} {m.group(2)}"
    return m.group(1)


def fmt_period(value: Any, granularity: Any) -> str | None:
    """A timeline date at its precision: ``2017-04-12``, ``week of 2017-04-03``, ``2017-04``, ``2013``, ``1990s``."""
    s = fmt_date(value, with_time=False)
    if s is None or not _ISO.match(s):
        return s
    return {
        "week": f"week of {s}",
        "month": s[:7],
        "year": s[:4],
        "decade": f"{s[:4]}s",
    }.get(str(granularity), s)


def fmt_number(value: Any) -> str:
    """``320000`` -> ``320,000``; ``1.5`` -> ``1.5``."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"
    return f"{int(value):,}"


def safe_url(value: Any) -> str | None:
    """The URL if it is http(s); anything else (javascript:, data:, relative) is not linked."""
    s = _text(value)
    if s is None:
        return None
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    return s if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _md_url(url: str) -> str:
    return quote(url, safe="-._~:/?#[]@!$&'*+,;=%")


def _size(story: dict[str, Any]) -> int:
    size = story.get("size")
    if isinstance(size, int) and not isinstance(size, bool):
        return size
    return len(story.get("articles") or [])


def _published(story: dict[str, Any]) -> list[str]:
    return sorted(
        str(a["published"]) for a in story.get("articles") or [] if isinstance(a, dict) and _text(a.get("published"))
    )


def _first_last(story: dict[str, Any]) -> tuple[str | None, str | None]:
    dates = _published(story)
    first = _text(story.get("first_published")) or (dates[0] if dates else None)
    last = _text(story.get("last_published")) or (dates[-1] if dates else None)
    return first, last


def _date_span(story: dict[str, Any]) -> str:
    first, last = (fmt_date(d, with_time=False) for d in _first_last(story))
    if first and last and first != last:
        return f"{first} \u2013 {last}"
    return first or last or "date unknown"


def sort_stories(stories: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Biggest story first, then the newest (by last publication); undated ones last."""
    newest = sorted(stories, key=lambda s: _first_last(s)[1] or "", reverse=True)
    return sorted(newest, key=lambda s: -_size(s))


# ---------------------------------------------------------------- view model


LEAD_CHARS = 90  # an untitled article is shown by its first words, cut at a word to about this length


def first_words(text: str, limit: int = LEAD_CHARS) -> str | None:
    """An untitled article's first sentence as the story's headline reads it (wire datelines, headings and notes
    dropped; the hyphens a tokenized source spaced joined again), cut at a word to about ``limit`` characters
    with "…"; None for an empty text."""
    from ..stages.story import first_sentence  # here: it loads the stages' libraries, which the static report needs not

    line = " ".join(first_sentence(text or "").split())
    return _cut_lead(join_spaced_hyphens(line) if tokenized_hyphens(text or "") else line, limit)


def _cut_lead(line: str | None, limit: int = LEAD_CHARS) -> str | None:
    """``line`` cut at a word to about ``limit`` characters, with "…"."""
    if not line or len(line) <= limit:
        return line or None
    head = line[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else line[:limit]
    return cut.rstrip(",;:\u2014\u2013- ") + "\u2026"


def _ref_tip(title: str | None, source: str | None, published: str | None, lead: str | None = None) -> str:
    tip = title or (f"{lead} (first words; no title)" if lead else "(untitled)")
    extra = ", ".join(x for x in (source, fmt_date(published)) if x)
    return f"{tip} \u2014 {extra}" if extra else tip


def _diff_segments(diff: Any) -> list[dict[str, Any]]:
    """``[[op, text], ...]`` as segments with a ``space`` flag, whatever spacing the text had."""
    out: list[dict[str, Any]] = []
    pending_ws = False
    prev = ""
    for item in diff if isinstance(diff, list) else []:
        if not isinstance(item, list | tuple) or len(item) < 2 or item[0] not in ("=", "-", "+"):
            continue
        raw = "" if item[1] is None else str(item[1])
        core = " ".join(raw.split())
        if not core:
            pending_ws = pending_ws or bool(raw)
            continue
        if not out:
            space = False
        elif pending_ws or raw[0].isspace():
            space = True
        else:
            space = core[0] not in _NO_SPACE_BEFORE and prev[-1] not in _NO_SPACE_AFTER
        out.append({"op": item[0], "text": core, "space": space})
        prev, pending_ws = core, raw[-1].isspace()
    return out


def _md_diff(segments: list[dict[str, Any]]) -> MdSafe:
    parts = []
    for seg in segments:
        text = md_escape(seg["text"])
        if seg["op"] == "-":
            text = f"~~{text}~~"
        elif seg["op"] == "+":
            text = f"**{text}**"
        parts.append((" " if seg["space"] else "") + text)
    return MdSafe("".join(parts))


# a speaker described by the body it is ("the Indian navy", "Greek police", "the Kremlin's press service"): the
# report does not call it "not named", as it does a person left unnamed ("a senior US official")
_BODIES = frozenset("navy army police military government ministry department court council agency company "
                    "club team party committee commission embassy authorities administration office service "
                    "coast guard regime board university hospital network airline management firm union group "
                    "bank newspaper station channel broadcaster website".split())  # fmt: skip
# a speaker that is a text, not a person ("the statement", "police reports", "a press release"): shown as
# written, never called "not named"
_DOCUMENTS = frozenset("statement report release record complaint testimony poll newsletter media filing document "
                       "survey study memo letter editorial charge information indictment affidavit "
                       "publication".split())  # fmt: skip


def _described(description: str | None) -> str:
    """The description up to its first 'of' ('a lawyer of CIPFG' is a lawyer)."""
    return re.split(r"\s+of\s+", description or "", maxsplit=1)[0]


def _head(description: str | None) -> str:
    """The description's last word, its possessive mark and plural 's' cut ('authorities' -> 'authority',
    "the navy's" -> 'navy')."""
    words = _described(description).split()
    word = re.sub(r"['’]s?$", "", words[-1].rstrip(".,;:")) if words else ""
    return singular(word.lower())


def _body(description: str | None) -> bool:
    """A speaker described by the body it is: its last word a body's ('the Greek authorities', 'the airline'),
    an acronym ('the NYPD') or a site's host ('washingtonpost.com')."""
    words = _described(description).split()
    if not words:
        return False
    last = re.sub(r"['’]s?$", "", words[-1].rstrip(".,;:"))
    if (len(last) >= 2 and last.isupper() and last.isalpha()) or re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", last):
        return True
    head = _head(description)
    return head in _BODIES or last.lower() in _BODIES


def _unnamed_person(description: str | None) -> bool:
    """A person left unnamed ('a senior US official', 'witnesses'): the report says '(not named)' after it."""
    return bool(description) and not _body(description) and _head(description) not in _DOCUMENTS


def _fragment_text(fragment: Any) -> str | None:
    if isinstance(fragment, dict):
        return _text(fragment.get("text"))
    return _text(fragment) if isinstance(fragment, str) else None


class _StoryView:
    """Builds the template view of one story; article numbers are 1-based list positions."""

    def __init__(self, story: dict[str, Any], anchor: str, texts: Texts | None = None,
                 span_link: SpanLink | None = None, entity_link: EntityLink | None = None,
                 elsewhere: dict[str, list[tuple[str, str]]] | None = None,
                 article_link: EntityLink | None = None) -> None:  # fmt: skip
        self.story = story
        self.anchor = anchor
        self.texts = texts or {}
        self.span_link = span_link
        self.entity_link = entity_link
        self.article_link = article_link  # an article id -> its page (the stored text), in the web app
        self.elsewhere = elsewhere or {}  # entity id -> (story id, headline) of the stories it is in
        self.raw_articles = [a for a in story.get("articles") or [] if isinstance(a, dict)]
        self.other = other_event_articles(story)
        self.refs: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, str | None] = {}
        self.leads: dict[str, str | None] = {}  # an untitled article's first words, when its text is at hand
        for n, a in enumerate(self.raw_articles, 1):
            aid = str(a.get("id") or "")
            source = _text(a.get("source"))
            if not _text(a.get("title")) and aid not in self.leads:
                text = self.texts[aid][0] if aid in self.texts else None
                self.leads[aid] = _cut_lead(_text(a.get("lead"))) or (first_words(text) if text else None)
            ref = {
                "n": n,
                "marker": f"[{n}]",
                "anchor": f"{anchor}-a{n}",
                "href": f"#{anchor}-a{n}",
                "tip": _ref_tip(_text(a.get("title")), source, a.get("published"), self.leads.get(aid)),
            }
            if aid and aid not in self.refs:
                self.refs[aid] = ref
                # who published it, as the comparison names outlets: the original source of a repost first
                self.sources[aid] = _text(a.get("original_source")) or source

    def cite(self, ids: Iterable[Any]) -> list[dict[str, Any]]:
        """Markers for article ids, in article order; ids not in this story get ``[?]``."""
        known: list[dict[str, Any]] = []
        unknown: list[dict[str, Any]] = []
        for aid in _dedupe(str(i) if i is not None else None for i in ids):
            if aid in self.refs:
                known.append(self.refs[aid])
            else:
                tip = f"article {aid} is not in this story"
                unknown.append({"n": None, "marker": "[?]", "anchor": None, "href": None, "tip": tip})
        return sorted(known, key=lambda r: r["n"]) + unknown

    def in_other_event(self, ids: Iterable[Any]) -> bool:
        return in_other_event(ids, self.other)

    def passages(self, spans: Iterable[Any]) -> list[dict[str, Any]]:
        """Where a quote, number, dated event or claim stands in its articles' texts, one link per cited article
        (the first span of each), in article order: the article page with the span marked, so a reader can check
        the words against the text around them. None without ``span_link`` (the report files have no texts)."""
        if not self.span_link:
            return []
        found: dict[str, dict[str, Any]] = {}
        for sp in spans:
            if not isinstance(sp, dict):
                continue
            aid, start, end = str(sp.get("article") or ""), sp.get("start"), sp.get("end")
            if aid not in self.refs or aid in found or not (isinstance(start, int) and isinstance(end, int)):
                continue
            text = self.texts[aid][0] if aid in self.texts else None
            if 0 <= start < end and (text is None or end <= len(text)):
                ref = self.refs[aid]
                found[aid] = {"n": ref["n"], "marker": ref["marker"], "href": self.span_link(aid, start, end)}
        return sorted(found.values(), key=lambda p: p["n"])

    def articles(self) -> list[dict[str, Any]]:
        rows = []
        for n, a in enumerate(self.raw_articles, 1):
            copy_of = _text(a.get("copy_of"))
            words = a.get("words")
            rows.append(
                {
                    "n": n,
                    "anchor": f"{self.anchor}-a{n}",
                    "id": _text(a.get("id")),
                    "title": _text(a.get("title")),
                    # no title: the article's first words, shown as such (not as a title)
                    "lead": self.leads.get(str(a.get("id") or "")),
                    "url": safe_url(a.get("url")),
                    "md_url": MdSafe(_md_url(u)) if (u := safe_url(a.get("url"))) else None,
                    # outlets as the story's header and the quotes name them ("www.thehindu.com" -> "thehindu.com")
                    "source": outlet_name(src) if (src := _text(a.get("source"))) else None,
                    "original_source": _text(a.get("original_source")),
                    "authors": _dedupe(a.get("authors") or []),
                    "published": fmt_date(a.get("published")),
                    "language": _text(a.get("language")),
                    "words": words if isinstance(words, int) else None,
                    "origin": _text(a.get("origin")),
                    "copy_of": copy_of,
                    "copy_ref": self.refs.get(copy_of) if copy_of else None,
                    # what a citation marker pointing here shows on hover: the page's script reads it from the row
                    "tip": _ref_tip(_text(a.get("title")), _text(a.get("source")), a.get("published"),
                                    self.leads.get(str(a.get("id") or ""))),
                    "other_event": str(a.get("id")) in self.other,  # not what the summary follows
                    # the stored text a reader checks a claim against (the title links to the outlet's page, if any)
                    "text_href": self.article_link(str(a["id"])) if self.article_link and a.get("id") else None,
                }
            )
        return rows

    def sub_events(self) -> list[dict[str, Any]]:
        """Other events the story's articles tell (``sub_events``: the summary follows the main one): each with its
        headline and the markers of its articles."""
        out = []
        for e in self.story.get("sub_events") or []:
            if isinstance(e, dict) and (refs := self.cite(e.get("articles") or [])):
                out.append({"headline": _text(e.get("headline")) or "another event", "refs": refs})
        return out

    def summary(self) -> list[dict[str, Any]]:
        """Summary sentences; each citation has an ``evidence`` box its marker reveals (the source
        sentence, or with article texts the supporting sentence of another article, in context)."""
        summary = self.story.get("summary") or {}
        out: list[dict[str, Any]] = []
        for sent in summary.get("sentences") or []:
            if not isinstance(sent, dict) or not _text(sent.get("text")):
                continue
            ids = list(sent.get("citations") or [])
            source: dict[str, Any] = sent["source"] if isinstance(sent.get("source"), dict) else {}
            if not ids and source.get("article"):
                ids = [source["article"]]
            text = _text(sent.get("text")) or ""
            n = len(out) + 1
            out.append({"text": text, "refs": self.cite(ids),
                        "evidence": [self._evidence(f"{self.anchor}-s{n}", text, ref, source)
                                     for ref in self.cite(ids)]})  # fmt: skip
        if not out and _text(summary.get("text")):
            out.append({"text": _text(summary.get("text")), "refs": [], "evidence": []})
        return out

    def _evidence(self, prefix: str, sentence: str, ref: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        aid = next((i for i, r in self.refs.items() if r is ref), None)
        ev: dict[str, Any] = {"id": f"{prefix}-{ref['n'] or 'x'}", "ref": ref, "back": f"#{prefix}",
                              "is_source": False, "span": None, "context": None, "open": None}  # fmt: skip
        if aid is None:
            return ev
        start, end = source.get("start"), source.get("end")
        text, spans = self.texts.get(aid, ("", []))
        if aid == source.get("article") and isinstance(start, int) and isinstance(end, int):
            ev.update(is_source=True, span=(start, end))
            if text and 0 <= start < end <= len(text):
                ev["context"] = context(text, start, end)
        elif text:
            ev["span"] = best_sentence(sentence, text, spans)
            if ev["span"]:
                ev["context"] = context(text, *ev["span"])
        if ev["span"] and self.span_link:
            ev["open"] = self.span_link(aid, *ev["span"])
        return ev

    def quotes(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for q in self.story.get("quotes") or []:
            if not isinstance(q, dict):
                continue
            wordings = []
            for w in q.get("wordings") or []:
                if not isinstance(w, dict):
                    continue
                ids = list(w.get("articles") or [])
                outlets = _dedupe(w.get("outlets") or []) or _dedupe(self.sources.get(str(i)) for i in ids)
                direct = bool(w.get("direct", q.get("direct", True)))  # a reported wording is shown without marks
                wordings.append({"text": _text(w.get("text")) or "", "direct": direct,
                                 "outlets": _shown_outlets(outlets), "refs": self.cite(ids),
                                 "passages": self.passages(w.get("spans") or [])})  # fmt: skip
            diff = _diff_segments(q.get("diff"))
            changed = any(seg["op"] != "=" for seg in diff)
            ids = _dedupe(q.get("articles") or []) or _dedupe(
                i for w in q.get("wordings") or [] if isinstance(w, dict) for i in w.get("articles") or []
            )
            out.append(
                {
                    "id": f"{self.anchor}-q{len(out) + 1}",
                    "speaker": _text(q.get("speaker")),
                    "speaker_description": _text(q.get("speaker_description")),
                    # no "(not named)" after a body or a text ("the statement") shown as the speaker
                    "speaker_body": not _unnamed_person(_text(q.get("speaker_description"))),
                    # whom the "show only" bar picks the entry by: the name, or a body shown as the speaker
                    "who": _text(q.get("speaker")) or (_text(q.get("speaker_description"))
                                                       if _body(_text(q.get("speaker_description"))) else None),
                    "direct": bool(q.get("direct", True)),
                    "channel": _text(q.get("channel")),
                    "cue": _text(q.get("cue")),
                    "n_articles": len(ids),
                    "refs": self.cite(ids),
                    "other_event": self.in_other_event(ids),
                    "wordings": wordings,
                    "diff": diff if changed else [],
                    "md_diff": _md_diff(diff) if changed else None,
                    "fragments": [t for t in map(_fragment_text, q.get("fragments") or []) if t is not None],
                }
            )
        return sorted(out, key=lambda q: q["other_event"])  # the event the summary follows first, order kept

    @staticmethod
    def speakers(quotes: list[dict[str, Any]], most: int = 10) -> list[dict[str, Any]]:
        """Speakers (named, or a body: 'the Indian navy') with two or more ledger entries, most entries first
        (then first seen)."""
        count: dict[str, int] = {}
        for q in quotes:
            if q["who"]:
                count[q["who"]] = count.get(q["who"], 0) + 1
        ranked = sorted((n, -i, name) for i, (name, n) in enumerate(count.items()) if n > 1)
        return [{"name": name, "n": n} for n, _, name in reversed(ranked)][:most]

    def entity_groups(self) -> list[dict[str, Any]]:
        groups: dict[str, list[dict[str, Any]]] = {}
        for e in self.story.get("entities") or []:
            if not isinstance(e, dict) or not _text(e.get("name")):
                continue
            name = _text(e.get("name")) or ""
            variants = [v for v in _dedupe(e.get("variants") or []) if v != name]
            mentions = e.get("mentions") if isinstance(e.get("mentions"), int) else 0
            n_articles = len(_dedupe(e.get("articles") or []))
            counts = f"{mentions} mention{'s' * (mentions != 1)} in {n_articles} "
            counts += f"article{'s' * (n_articles != 1)}"
            roles = _roles(e.get("roles"))
            tip = f"Also written: {'; '.join(variants)} \u00b7 {counts}" if variants else counts
            if roles:
                tip = f"{'; '.join(roles)} \u00b7 {tip}"
            eid = _text(e.get("id"))
            others = [h for sid, h in self.elsewhere.get(eid or "", []) if sid != str(self.story.get("id"))]
            if others:
                shown = "; ".join(others[:3]) + (f"; and {len(others) - 3} more" if len(others) > 3 else "")
                tip += f" \u00b7 also in {len(others)} other stor{'ies' if len(others) > 1 else 'y'}: {shown}"
            label = _text(e.get("label")) or "OTHER"
            groups.setdefault(label.upper(), []).append(
                {
                    "name": name,
                    "mentions": mentions,
                    "n_articles": n_articles,
                    "variants": variants,
                    "roles": roles,
                    "tip": tip,
                    "others": len(others),
                    "href": self.entity_link(eid) if eid and self.entity_link else None,
                }
            )
        order = list(LABELS)
        labels = sorted(groups, key=lambda lab: (order.index(lab) if lab in order else 99, lab))
        return [
            {
                "label": lab,
                "title": LABELS.get(lab, lab.title()),
                "entities": sorted(groups[lab], key=lambda x: (-x["mentions"], x["name"].lower())),
            }
            for lab in labels
        ]

    def timeline(self) -> list[dict[str, Any]]:
        out = []
        for t in self.story.get("timeline") or []:
            if not isinstance(t, dict) or not _text(t.get("date")) or not _text(t.get("text")):
                continue
            ids = list(t.get("articles") or []) or [t.get("article")]
            label = fmt_period(t.get("date"), t.get("granularity"))
            if t.get("approximate") is True and label:
                # resolved against a story-mate's publication day
                label = f"about the {label}" if label.startswith("week of") else f"about {label}"
            out.append({"date": _text(t.get("date")), "label": label, "text": _text(t.get("text")),
                        "refs": self.cite(ids), "other_event": self.in_other_event(ids),
                        # the words the date was read from ("last week", "July 7"): one sentence can stand under
                        # two dates, and a date can be a year or a day counted from the article's own date
                        "expressions": [x for x in _dedupe(t.get("expressions") or []) if x.strip()],
                        "passages": self.passages([t])})  # fmt: skip
        return out

    def numbers(self) -> list[dict[str, Any]]:
        out = []
        for n in self.story.get("numbers") or []:
            if not isinstance(n, dict) or not isinstance(n.get("value"), int | float):
                continue
            conflicts = [fmt_number(v) for v in n.get("conflicts_with") or [] if isinstance(v, int | float)]
            qualifiers = _dedupe(n.get("qualifiers") or [])
            value = fmt_number(n["value"])
            # "thousands of hours" is stored as 1,000 with the qualifier "thousands of": shown as "thousands"
            # (it read "thousands of 1,000", a figure no article gives)
            vague = next((q for q in qualifiers if vague_value(q) == n["value"]), None)
            if vague:
                qualifiers = [q for q in qualifiers if q != vague]
                value = vague.lower().removesuffix(" of")
            out.append(
                {
                    "value": value,
                    "qualifiers": qualifiers,
                    "unit": _text(n.get("unit")),
                    "counts": _text(n.get("counts")),
                    "verbs": _dedupe(n.get("verbs") or []),
                    "text": _text(n.get("text")),
                    "conflict": bool(n.get("conflict")),
                    "conflicts_with": conflicts,
                    "refs": self.cite(n.get("articles") or []),
                    "passages": self.passages(n.get("spans") or []),
                }
            )
        return out

    def comparison(self) -> dict[str, list[dict[str, Any]]]:
        """Agreement across sources: corroborated claims with their outlets, unique claims, conflicts."""
        cmp = self.story.get("comparison")
        cmp = cmp if isinstance(cmp, dict) else {}
        corroborated = []
        for c in cmp.get("corroborated") or []:
            if not isinstance(c, dict) or not _text(c.get("text")):
                continue
            outlets = _dedupe(c.get("outlets") or [])
            n = c.get("independent_outlets")
            text = _text(c.get("text"))
            # the shown wording is one article's sentence: where it stands (the others are in its wordings)
            key = " ".join((text or "").split())
            spans = [(" ".join((_text(sp.get("text")) or "").split()), sp) for sp in c.get("sentences") or []
                     if isinstance(sp, dict)]
            # its sentence, or else the sentence it holds (a span the comparison cut at a clause: "and Capt. Tom
            # Tennant ... were killed")
            own = [sp for t, sp in spans if t == key] or [sp for t, sp in spans if t and t in key]
            corroborated.append({"text": text, "outlets": _shown_outlets(outlets),
                                 "n_outlets": n if isinstance(n, int) else len(outlets),
                                 "refs": self.cite(c.get("articles") or []),
                                 "passages": self.passages(own[:1]),
                                 "wordings": self._wordings(c)})  # fmt: skip
        unique = [
            {"text": _text(u.get("text")), "outlet": self._outlet(u), "refs": self.cite([u.get("article")]),
             "other_event": self.in_other_event([u.get("article")]), "passages": self.passages([u])}
            for u in cmp.get("unique") or []
            if isinstance(u, dict) and _text(u.get("text"))
        ]
        conflicting = []
        for c in cmp.get("conflicting") or []:
            if not isinstance(c, dict):
                continue
            claims = [
                {"text": _text(x.get("text")), "outlet": self._outlet(x), "refs": self.cite([x.get("article")]),
                 "value": fmt_number(x["value"]) if isinstance(x.get("value"), int | float) else None,
                 "negated": x.get("negated") if isinstance(x.get("negated"), bool) else None,
                 "passages": self.passages([x])}
                for x in c.get("claims") or [] if isinstance(x, dict) and _text(x.get("text"))
            ]  # fmt: skip
            # a negation's "about" is the words both sentences use ("man arson following fire Somerset
            # supermarket"), not a topic: it reads as such, and each sentence says whether it states or negates
            negation = c.get("kind") == "negation"
            about = _text(c.get("about"))
            if claims:
                conflicting.append({"about": "one sentence negates the other" if negation else about or "disputed",
                                    "shared": ", ".join(about.split()) if negation and about else None,
                                    "negation": negation, "claims": claims,
                                    "tentative": bool(c.get("tentative"))})  # fmt: skip
        return {"corroborated": corroborated, "unique": unique,
                "conflicting": [x for x in conflicting if not x["tentative"]],
                "possible": [x for x in conflicting if x["tentative"]]}  # fmt: skip

    def _wordings(self, group: dict[str, Any]) -> list[dict[str, Any]]:
        """How the other articles state a corroborated claim: one wording per article, those that differ
        from the representative text (spans without a text, as in older stories.json files, are left out)."""
        seen = {" ".join((_text(group.get("text")) or "").split())}
        out = []
        for span in group.get("sentences") or []:
            if not isinstance(span, dict):
                continue
            text = _text(span.get("text"))
            if not text or text in seen:
                continue
            seen.add(text)
            out.append({"text": text, "outlet": self._outlet(span), "refs": self.cite([span.get("article")]),
                        "passages": self.passages([span])})
        return out

    def _outlet(self, claim: dict[str, Any]) -> str | None:
        """The claim's outlet; an outlet that is only the article id falls back to the article's source."""
        aid = _text(claim.get("article"))
        outlet = _text(claim.get("outlet"))
        if outlet and outlet != aid:
            return _shown_outlets([outlet])[0]
        return self.sources.get(aid or "") or None

    def build(self) -> dict[str, Any]:
        articles = self.articles()
        headline = _text(self.story.get("headline")) or next(
            (a["title"] for a in articles if a["title"]), "(untitled story)"
        )
        outlets = outlets_via(_dedupe(self.story.get("outlets") or []) or _dedupe(a["source"] for a in articles),
                               articles)  # fmt: skip
        timeline, comparison, quotes, numbers = self.timeline(), self.comparison(), self.quotes(), self.numbers()
        column = {f"[{a['n']}]": a["original_source"] or a["source"] or f"{UNNAMED_OUTLET} [{a['n']}]"
                  for a in articles}  # fmt: skip
        has_comparison = isinstance(self.story.get("comparison"), dict)
        # the article table's optional columns that some article fills: a column of dashes only tells nothing
        filled = [key for key in ARTICLE_COLUMNS if any(a["copy_of"] if key == "copy" else a[key] for a in articles)]
        return {
            "id": _text(self.story.get("id")),
            "anchor": self.anchor,
            "headline": headline,
            "date_span": _date_span(self.story),
            "size": _size(self.story),
            "outlets": [label for _, label in outlets],  # as shown: "AP (via Associated Press Worldstream)"
            "outlet_names": [name for name, _ in outlets],
            # articles naming no outlet, neither their own nor an original source: the ledger cites them as
            # "unnamed outlet [n]", so the header says they exist (it listed only the named outlets)
            "unnamed": sum(1 for a in articles if not a["source"] and not a["original_source"]),
            "articles": articles,
            "article_columns": filled,
            "summary": self.summary(),
            "sub_events": self.sub_events(),
            "quotes": quotes,
            "quote_speakers": self.speakers(quotes),
            "entity_groups": self.entity_groups(),
            "has_facts": "timeline" in self.story or "numbers" in self.story,
            "timeline": timeline,
            "timeline_picture": timeline_picture(articles, timeline, self.raw_articles),
            "numbers": numbers,
            # numbers the table flags as given differently by other articles: the agreement part names them (it
            # said "0 in conflict" above a numbers table of conflicts)
            "number_conflicts": _conflict_groups(numbers),
            "has_comparison": has_comparison,
            "comparison": comparison,
            "coverage_picture": coverage_picture(articles, comparison, column) if has_comparison else None,
        }


def _conflict_groups(numbers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The numbers flagged as given differently, one per disagreement: "56 % votes (also 69.5)" is not listed
    again as "69.5 % votes (also 56)"."""
    out: list[dict[str, Any]] = []
    for n in numbers:
        if not (n["conflict"] and n["conflicts_with"]):
            continue
        if any(m["counts"] == n["counts"] and m["unit"] == n["unit"] and n["value"] in m["conflicts_with"]
               for m in out):  # fmt: skip
            continue
        out.append(n)
    return out


def outlets_via(names: list[str], articles: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A story's outlets as (name, label): an outlet that only carried another's article (its original source) is
    named after it, "NPR (via Equipo Nizkor)", as the ledger and the comparison name the article's outlet (NPR); the
    stage's list names both, so a header said "Equipo Nizkor, NPR" (two outlets) for one NPR article, and "AP,
    Associated Press Worldstream" for the AP wire."""
    via: dict[str, list[str]] = {}
    own: set[str] = set()  # outlets that published an article of their own in the story
    for a in articles:
        src = outlet_name(a["source"]) if a.get("source") else None
        orig = outlet_name(a["original_source"]) if a.get("original_source") else None
        if orig and src and orig != src:
            via.setdefault(orig, [])
            if src not in via[orig]:
                via[orig].append(src)
        elif name := orig or src:
            own.add(name)
    carriers = {c for cs in via.values() for c in cs} - own - set(via)
    out: list[str] = []
    for name in names:
        for n in [p for p, cs in via.items() if name in cs] if name in carriers else [name]:
            if n not in out:
                out.append(n)
    out += [p for p in via if p not in out]
    return [(n, f"{n} ({'also ' if n in own else ''}via {', '.join(via[n])})" if n in via else n) for n in out]


def build_view(doc: dict[str, Any], texts: Texts | None = None, span_link: SpanLink | None = None,
               entity_link: EntityLink | None = None,
               article_link: EntityLink | None = None) -> dict[str, Any]:  # fmt: skip
    """The template context: header counts and the sorted, fully resolved stories.

    ``texts`` (article id -> text and sentence spans) lets citations show their sentence in context and an
    untitled article show its first words (else the document's ``lead`` of the article, if it has one);
    ``span_link`` links it to an article page, ``entity_link`` an entity to its page, ``article_link`` an
    article row to its stored text. The static
    report has none of them; its entity chips name the document's other stories with that entity."""
    stories = sort_stories(s for s in doc.get("stories") or [] if isinstance(s, dict))
    elsewhere: dict[str, list[tuple[str, str]]] = {}
    for s in stories:
        for e in s.get("entities") or []:
            if isinstance(e, dict) and (eid := _text(e.get("id"))):
                elsewhere.setdefault(eid, []).append((str(s.get("id")), _text(s.get("headline")) or str(s.get("id"))))
    used: set[str] = set()
    views = [
        _StoryView(s, _unique(f"story-{_slug(str(s.get('id') or n))}", used), texts, span_link, entity_link,
                   elsewhere, article_link).build()  # fmt: skip
        for n, s in enumerate(stories, 1)
    ]
    article_ids: set[str] = set()
    outlets: set[str] = set()
    for n, v in enumerate(views):
        for a in v["articles"]:
            article_ids.add(a["id"] or f"#{n}-{a['n']}")
        outlets.update(v["outlet_names"])
    return {
        "schema_version": _text(doc.get("schema_version")),
        "generated": _text(doc.get("generated")),
        "counts": {"stories": len(views), "articles": len(article_ids), "outlets": len(outlets)},
        "stories": views,
    }


# ---------------------------------------------------------------- public API


def render_markdown(doc: dict[str, Any], texts: Texts | None = None) -> str:
    """A compact Markdown report mirroring the HTML page (``texts``: see ``build_view``)."""
    return _MD_ENV.get_template("report.md.j2").render(**build_view(doc, texts))


def html_context(doc: dict[str, Any], texts: Texts | None = None, span_link: SpanLink | None = None,
                 entity_link: EntityLink | None = None,
                 article_link: EntityLink | None = None) -> dict[str, Any]:  # fmt: skip
    """What ``report.html.j2`` (and the web story page extending it) is rendered with."""
    digest = base64.b64encode(hashlib.sha256(FILTER_JS.encode("utf-8")).digest()).decode("ascii")
    view = build_view(doc, texts, span_link, entity_link, article_link)
    return {**view, "script": Markup(FILTER_JS), "script_hash": f"sha256-{digest}"}


def render_html(doc: dict[str, Any], texts: Texts | None = None) -> str:
    """One self-contained HTML page: inline CSS, one inline script, no external assets (``texts``: see
    ``build_view``)."""
    return _HTML_ENV.get_template("report.html.j2").render(**html_context(doc, texts))

"""The headline of a plain-text dump: the line before the article body that reads most like its title.

A copy-paste of a web page holds the headline somewhere above the article's first paragraph, among
menu entries, breadcrumbs, photo credits, teaser headings and datelines. Every line from up to
``LOOK_BACK`` lines before the body to the body's second line is a candidate; a small boosted-tree
model (``dump_title_model.json``, trained by benchmarks/dump_title.py on the dev pages of the WCXB
text dumps, evaluated without scikit-learn by ``clean_model.TreeEnsemble``) scores each from features
of the line: how many of its words the article body uses, its length, case, punctuation, distance
from the body, how near a byline or date line is below and above it (and how many lie between it and the
body: a section heading past the byline has none), and whether it holds another candidate (a breadcrumb
"Home > Blog > <title>") or is held by one, whether it recurs past the candidates (a table of contents,
a link) or above (a menu), the run of short lines it sits in, the prose lines between it and the body, and in
how many of the body's first paragraphs its words are. The best candidate is the title when its probability
clears ``MIN_PROBABILITY``; a chosen breadcrumb gives way to the candidate it ends with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .clean_model import TreeEnsemble, load_tree_ensemble
from .dates_text import MONTH_ABBREVIATIONS, parse_date
from .textutil import ENGLISH_STOP

LOOK_BACK = 40  # candidate lines before the body's first line
LOOK_AHEAD = 4  # ... and the body's first lines (a headline the cleaner kept, or missed lines before it)
BODY_PARAGRAPHS = 15  # the body's words are counted over its first paragraphs
MIN_PROBABILITY = 0.05  # chosen with the model by 5-fold CV on dev over four fold draws (benchmarks/dump_title.py)
BREADCRUMB_RULE = True  # a chosen breadcrumb gives way to the headline it ends with
MODEL_PATH = Path(__file__).with_name("dump_title_model.json")

_LETTERS = re.compile(r"[^\W\d_]+")
_MONTH = re.compile(rf"\b(?:{'|'.join(MONTH_ABBREVIATIONS)})[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{4}}-\d\d-\d\d\b", re.I)
_SEPARATOR = re.compile(r"\s(?:\||-|\u2013|\u2014|::|\u00bb|/)\s")
# a line of metadata: a byline, a date, "Updated ...", "5 min read"
_META = re.compile(
    r"^(?:by\b|written by|updated|published|posted|last updated)|\bmin(?:ute)?s? read\b|\bread(?:ing)? time\b", re.I
)
META_BELOW, META_ABOVE = 5, 3  # how far below / above a candidate its byline or date line is looked for

FEATURES = (
    "body_share", "content_words", "words", "chars", "lines_before_body", "in_body", "titlecase", "upper",
    "ends_period", "ends_colon", "ends_question", "has_digit", "has_date", "starts_by", "has_separator",
    "repeats", "relative_position", "best_share_gap", "first_line", "share_rank", "lead_share", "next_is_meta",
    "prev_words", "next_words", "meta_below", "meta_above", "meta_between", "contains_candidate",
    "contained_in_candidate", "repeats_after", "repeats_before", "short_run", "prose_between", "body_spread",
)  # fmt: skip


def _content(text: str) -> list[str]:
    return [w for w in _LETTERS.findall(text.lower()) if len(w) > 2 and w not in ENGLISH_STOP]


def candidates(lines: Sequence[str], start: int) -> list[int]:
    """Indexes of the candidate lines (non-empty, 2 to 30 words) around the body's first line ``start``."""
    lo, hi = max(0, start - LOOK_BACK), min(len(lines), start + LOOK_AHEAD)
    return [i for i in range(lo, hi) if 2 <= len(lines[i].split()) <= 30]


SHORT_WORDS, PROSE_WORDS = 8, 20


def _run(flags: Sequence[bool], i: int) -> int:
    """How many consecutive lines around ``i`` (itself included) carry the flag (0 when ``i`` does not)."""
    if not flags[i]:
        return 0
    a, b = i, i
    while a > 0 and flags[a - 1]:
        a -= 1
    while b + 1 < len(flags) and flags[b + 1]:
        b += 1
    return b - a + 1


def _is_meta(line: str) -> bool:
    return bool(_META.search(line) or _MONTH.search(line)) or parse_date(line) is not None


def features(lines: Sequence[str], start: int, body: Sequence[str]) -> tuple[list[int], list[list[float]]]:
    """The candidate lines and one feature row each (ordered as ``FEATURES``). ``lines`` are the dump's
    non-empty lines, stripped; ``start`` the index of the body's first line among them."""
    body_words = {w for b in body[:BODY_PARAGRAPHS] for w in _content(b)}
    lead_words = {w for b in body[:2] for w in _content(b)}
    spread: dict[str, int] = {}  # in how many of the first paragraphs each word is
    for b in body[:BODY_PARAGRAPHS]:
        for w in set(_content(b)):
            spread[w] = spread.get(w, 0) + 1
    n_par = max(1, min(len(body), BODY_PARAGRAPHS))
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln] = counts.get(ln, 0) + 1
    idx = candidates(lines, start)
    shares, leads = [], []
    for i in idx:
        cw = _content(lines[i])
        shares.append(sum(w in body_words for w in cw) / len(cw) if cw else 0.0)
        leads.append(sum(w in lead_words for w in cw) / len(cw) if cw else 0.0)
    best = max(shares, default=0.0)
    lo, hi = (idx[0], idx[-1]) if idx else (start, start)
    meta = {j for j in range(max(0, lo - META_ABOVE), min(len(lines), hi + META_BELOW + 1)) if _is_meta(lines[j])}
    folded = {i: lines[i].lower() for i in idx}
    where: dict[str, list[int]] = {}
    for j, ln in enumerate(lines):
        where.setdefault(ln, []).append(j)
    short = [len(ln.split()) <= SHORT_WORDS for ln in lines]
    prose = [len(ln.split()) >= PROSE_WORDS for ln in lines]
    rows = []
    for i, share, lead in zip(idx, shares, leads, strict=True):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        words = line.split()
        letters = [w for w in words if w[:1].isalpha()]
        rows.append([
            share,
            float(len(_content(line))),
            float(len(words)),
            float(len(line)),
            float(start - i),
            float(i >= start),
            sum(w[0].isupper() for w in letters) / len(letters) if letters else 0.0,
            float(line.upper() == line and any(c.isalpha() for c in line)),
            float(line.endswith(".")),
            float(line.endswith(":")),
            float(line.endswith("?")),
            float(any(c.isdigit() for c in line)),
            float(bool(_MONTH.search(line))),
            float(line.lower().startswith("by ")),
            float(bool(_SEPARATOR.search(line))),
            float(counts[line]),
            i / max(1, len(lines)),
            best - share,
            float(i == 0),
            float(sum(x > share for x in shares)),
            lead,
            float(bool(_MONTH.search(nxt)) or nxt.lower().startswith(("by ", "updated", "published", "posted"))),
            float(len(lines[i - 1].split()) if i > 0 else 0),
            float(len(nxt.split())),
            float(next((d for d in range(1, META_BELOW + 1) if i + d in meta), 0)),  # the nearest meta line below
            float(next((d for d in range(1, META_ABOVE + 1) if i - d in meta), 0)),  # ... above
            float(sum(j in meta for j in range(i + 1, start))),  # meta lines between the line and the body
            # a breadcrumb ("Home > Blog > <title>") holds another candidate; a title is held by one
            float(any(len(folded[j]) > 10 and folded[j] != folded[i] and folded[j] in folded[i] for j in idx)),
            float(len(folded[i]) > 10 and any(folded[j] != folded[i] and folded[i] in folded[j] for j in idx)),
            float(any(j > hi for j in where[line])),  # the line again further down (a table of contents, a link)
            float(any(j < i for j in where[line])),  # ... or above (a menu)
            float(_run(short, i)),
            float(sum(prose[i + 1 : start])),
            sum(spread.get(w, 0) for w in set(_content(line))) / n_par / max(1, len(set(_content(line)))),
        ])  # fmt: skip
    return idx, rows


@lru_cache(maxsize=1)
def _model() -> TreeEnsemble | None:
    return load_tree_ensemble(MODEL_PATH, FEATURES) if MODEL_PATH.exists() else None


_CRUMB = re.compile(r"[>/\u00bb|\u203a]\s*$")  # a breadcrumb's separator before its last entry


def breadcrumb_tail(lines: Sequence[str], idx: Sequence[int], best: int) -> int:
    """The candidate that ends the chosen line when that line is a breadcrumb holding it ("Home > Blog >
    <title>", or "NETGEAR BlogTechnology<title>" with the headline glued to the last section's name), else the
    chosen line."""
    chosen = lines[best]
    for j in idx:
        tail = lines[j]
        if j == best or len(tail) < 10 or len(chosen) <= len(tail) or not chosen.lower().endswith(tail.lower()):
            continue
        head = chosen[: -len(tail)]
        if _CRUMB.search(head) or (head[-1:].islower() and chosen[-len(tail)].isupper()):
            return j
    return best


def find_title(lines: Sequence[str], start: int, body: Sequence[str]) -> int | None:
    """Index (into ``lines``) of the line that is the article's headline, or None when no line is
    likely enough (or the model file is missing)."""
    model = _model()
    if model is None or not body:
        return None
    idx, rows = features(lines, start, body)
    best, best_p = None, MIN_PROBABILITY
    for i, row in zip(idx, rows, strict=True):
        p = model.probability(row)
        if p > best_p:
            best, best_p = i, p
    return best if best is None or not BREADCRUMB_RULE else breadcrumb_tail(lines, idx, best)

"""Geometry for the story pictures drawn as inline SVG: the timeline and the coverage matrix.

Only positions, labels and classes are computed here; ``templates/pictures.html.j2`` draws them
(autoescaped), so the static report and the web story page show the same pictures without any
script. Inputs are the already-resolved story view (see ``render._StoryView``).
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

# timeline
TL_LEFT, TL_RIGHT, TL_WIDTH = 92, 24, 760
TL_LANE, TL_STACK = 34, 11  # lane height, vertical step between markers on the same day
TL_MAX_STACK = 4
MIN_LABEL_GAP = 74  # px between two date labels on the axis

# coverage matrix
CM_COL_W, CM_ROW_H, CM_HEAD_H = 34, 22, 118
CM_OUTLET_CHARS = 22
# the claims' column takes what the outlets' columns leave of CM_WIDTH, within these bounds (px)
CM_WIDTH, CM_LABEL_MIN, CM_LABEL_MAX = 800, 330, 600
CM_CHAR_W = 6.6  # px per character of an 11 px label, on average
CM_MAX_ROWS = 40
CM_MAX_COLS = 12  # outlets drawn as columns; the rest share one "N more outlets" column
# A picture is drawn no narrower than this share of its size (a phone then scrolls it inside its box):
# 11 px text stays 8 px, where fitting a 390 px screen made it 3-5 px.
MIN_SCALE = 8 / 11


def _day(value: Any) -> date | None:
    m = _DAY.match(str(value or ""))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _axis(days: list[date], width: float) -> dict[date, float]:
    """x for each distinct day: order kept, gaps drawn by log(1 + days) so a 2013 event does not
    squash a week of 2017 into one point, while longer gaps still look longer."""
    uniq = sorted(set(days))
    if len(uniq) == 1:
        return {uniq[0]: TL_LEFT + width / 2}
    steps = [0.6 + math.log1p((b - a).days) for a, b in zip(uniq, uniq[1:], strict=False)]
    scale = width / sum(steps)
    xs, x = {uniq[0]: float(TL_LEFT)}, float(TL_LEFT)
    for d, step in zip(uniq[1:], steps, strict=True):
        x += step * scale
        xs[d] = x
    return xs


def timeline_picture(articles: list[dict[str, Any]], events: list[dict[str, Any]],
                     raw_articles: list[dict[str, Any]]) -> dict[str, Any] | None:  # fmt: skip
    """Two lanes on one date axis: when the articles were published, and the dated events they report.

    ``articles``: the view's article rows (``n``, ``anchor``, ``title``, ``source``); ``raw_articles``
    the story's article records (for the full ``published`` value); ``events``: the view's timeline
    entries (``date``, ``label``, ``text``, ``refs``). None when nothing is dated.
    """
    pubs: list[tuple[date, dict[str, Any]]] = []
    for row, raw in zip(articles, raw_articles, strict=False):
        d = _day(raw.get("published"))
        if d is not None:
            name = row["title"] or row.get("lead") or "(untitled)"  # no title: its first words, if known
            tip = f"[{row['n']}] {name} \u2014 {row['source'] or 'outlet unknown'}, {d}"
            pubs.append((d, {"label": f"{row['n']}", "tip": tip, "href": f"#{row['anchor']}"}))
    evs: list[tuple[date, dict[str, Any]]] = []
    coarse: dict[date, str] = {}  # a day known only as "2013" or "2017-04" is labelled so on the axis
    for e in events:
        d = _day(e.get("date"))
        if d is not None:
            label = str(e.get("label") or "")
            if len(label) <= 7 and label:
                coarse.setdefault(d, label)
            ref = next((r for r in e.get("refs") or [] if r.get("href")), None)
            evs.append((d, {"label": "", "tip": f"{e.get('label') or d}: {e.get('text') or ''}",
                            "href": ref["href"] if ref else None}))  # fmt: skip
    if not pubs and not evs:
        return None
    width = TL_WIDTH - TL_LEFT - TL_RIGHT
    xs = _axis([d for d, _ in pubs + evs], width)
    lanes = []
    top = 8
    for name, cls, items in (("Published", "pub", pubs), ("Events", "event", evs)):
        if not items:
            continue
        per_day: dict[date, int] = {}
        marks = []
        more: dict[date, int] = {}
        for d, item in sorted(items, key=lambda x: x[0]):
            k = per_day.get(d, 0)
            per_day[d] = k + 1
            if k >= TL_MAX_STACK:
                more[d] = more.get(d, 0) + 1
                continue
            marks.append({**item, "x": round(xs[d], 1), "y": top + 12 + k * TL_STACK})
        extra = [{"x": round(xs[d] + 9, 1), "y": top + 12 + (TL_MAX_STACK - 1) * TL_STACK + 4, "n": n}
                 for d, n in more.items()]  # fmt: skip
        lanes.append({"name": name, "cls": cls, "y": top + 16, "marks": marks, "more": extra})
        top += TL_LANE + TL_STACK * (min(max(per_day.values()), TL_MAX_STACK) - 1)
    axis_y = top + 4
    ticks: list[dict[str, Any]] = []
    last_x = -1e9
    days = sorted(xs)
    for i, d in enumerate(days):
        x = xs[d]
        if x - last_x < MIN_LABEL_GAP and i != len(days) - 1:
            continue
        if ticks and x - last_x < MIN_LABEL_GAP:  # the last day wins over the label before it
            ticks.pop()
        exact = d in {p for p, _ in pubs} or any(_day(e.get("date")) == d and len(str(e.get("label") or "")) > 7
                                                 for e in events)  # fmt: skip
        ticks.append({"x": round(x, 1), "label": d.isoformat() if exact else coarse.get(d, d.isoformat()),
                      "anchor": "middle"})  # fmt: skip
        last_x = x
    if len(ticks) > 1:  # keep the outer labels inside the picture
        ticks[0]["anchor"], ticks[-1]["anchor"] = "start", "end"
        ticks[0]["x"], ticks[-1]["x"] = ticks[0]["x"] - 6, ticks[-1]["x"] + 6
    tick_marks = [round(xs[d], 1) for d in days]
    undated = len(articles) - len(pubs)
    return {
        "width": TL_WIDTH,
        "min_width": round(TL_WIDTH * MIN_SCALE),
        "height": axis_y + 22,
        "x0": TL_LEFT - 8,
        "x1": TL_WIDTH - TL_RIGHT + 8,
        "axis_y": axis_y,
        "lanes": lanes,
        "ticks": ticks,
        "tick_marks": tick_marks,
        "note": f"{undated} undated article{'s' * (undated != 1)} not shown" if undated else "",
        "desc": f"{len(pubs)} publication dates and {len(evs)} dated events from {days[0]} to {days[-1]}",
    }


def _col_x(k: int, label_w: int) -> float:
    return label_w + k * CM_COL_W + CM_COL_W / 2


def _fold_columns(columns: list[str], rows: list[dict[str, Any]]) -> tuple[list[str], dict[str, str]]:
    """Keep the ``CM_MAX_COLS - 1`` outlets that make the most shown claims (ties: article order) and draw
    the others as one column, so a 30-outlet story stays legible; ``rows``' cells are re-keyed in place.

    A cell of the shared column holds a conflict's value when its outlets agree on one, else "≠".
    Returns the column labels and the tooltips that differ from the label.
    """
    if len(columns) <= CM_MAX_COLS:
        return columns, {}
    made = [sum(k in r["cells"] for r in rows) for k in range(len(columns))]
    keep = sorted(sorted(range(len(columns)), key=lambda k: -made[k])[: CM_MAX_COLS - 1])
    new_of = {k: i for i, k in enumerate(keep)}
    rest = [columns[k] for k in range(len(columns)) if k not in new_of]
    other = len(keep)
    for r in rows:
        cells: dict[int, str] = {}
        folded = 0  # outlets of the shared column that make this claim
        for k, v in r["cells"].items():
            to = new_of.get(k, other)
            folded += to == other
            if to == other and to in cells and cells[to] != v:
                v = "\u2260"
            cells[to] = v
        if folded > 1 and cells.get(other) == "":
            # several of them: "×2", not one dot (a corroborated claim of two folded outlets showed one dot)
            cells[other] = f"\u00d7{folded}"
        r["cells"] = cells
    label = f"{len(rest)} more outlets"
    return [columns[k] for k in keep] + [label], {label: ", ".join(rest)}


def coverage_picture(articles: list[dict[str, Any]], comparison: dict[str, list[dict[str, Any]]],
                     outlet_of: dict[str, str]) -> dict[str, Any] | None:  # fmt: skip
    """Outlets (columns) x claims (rows): which outlet makes which corroborated, unique or conflicting claim.

    ``comparison`` is the view's comparison (claims with ``refs``, ``outlets``/``outlet``);
    ``outlet_of`` maps an article's citation marker (``[n]``) to its column label.
    """
    columns: list[str] = []

    def col(label: str | None) -> int | None:
        if not label:
            return None
        if label not in columns:
            columns.append(label)
        return columns.index(label)

    for a in articles:  # articles' outlets first, in article order
        col(outlet_of.get(f"[{a['n']}]"))
    rows: list[dict[str, Any]] = []

    def cells_for(refs: list[dict[str, Any]], outlets: list[str]) -> set[int]:
        found = {col(outlet_of.get(r["marker"])) for r in refs if r.get("n")}
        if not found - {None}:
            found = {col(o) for o in outlets}
        return {c for c in found if c is not None}

    for c in comparison.get("conflicting") or []:
        cells: dict[int, str] = {}
        for cl in c["claims"]:
            for k in cells_for(cl["refs"], [cl["outlet"]] if cl.get("outlet") else []):
                cells[k] = cl.get("value") or "\u2260"
        tip = "; ".join(f"{cl.get('outlet') or 'outlet unknown'}: {cl['text']}" for cl in c["claims"])
        rows.append({"kind": "conflict", "text": f"Conflict: {c['about']}", "tip": tip, "cells": cells})
    for c in comparison.get("corroborated") or []:
        found = cells_for(c["refs"], c.get("outlets") or [])
        rows.append({"kind": "agree", "text": c["text"], "tip": c["text"], "cells": dict.fromkeys(found, "")})
    for u in comparison.get("unique") or []:
        found = cells_for(u["refs"], [u["outlet"]] if u.get("outlet") else [])
        rows.append({"kind": "unique", "text": u["text"], "tip": u["text"], "cells": dict.fromkeys(found, "")})
    if not rows or not columns:
        return None
    hidden = max(0, len(rows) - CM_MAX_ROWS)
    rows = rows[:CM_MAX_ROWS]
    columns, tips = _fold_columns(columns, rows)
    label_w = max(CM_LABEL_MIN, min(CM_LABEL_MAX, CM_WIDTH - 24 - CM_COL_W * len(columns)))
    width = label_w + CM_COL_W * len(columns) + 24
    out_rows = []
    for i, r in enumerate(rows):
        y = CM_HEAD_H + i * CM_ROW_H
        out_rows.append({
            "kind": r["kind"], "y": y, "text_y": y + CM_ROW_H / 2 + 4, "tip": r["tip"],
            "label": _short(r["text"], int(label_w / CM_CHAR_W)),
            "cells": [{"x": _col_x(k, label_w), "value": v} for k, v in sorted(r["cells"].items())],
        })  # fmt: skip
    counts = {k: sum(r["kind"] == k for r in rows) for k in ("agree", "unique", "conflict")}
    return {
        "width": width,
        "min_width": round(width * MIN_SCALE),
        "height": CM_HEAD_H + len(rows) * CM_ROW_H + 8,
        "label_w": label_w,
        "row_h": CM_ROW_H,
        "head_h": CM_HEAD_H,
        "columns": [
            {"x": _col_x(k, label_w), "label": _short(c, CM_OUTLET_CHARS), "tip": tips.get(c, c)}
            for k, c in enumerate(columns)
        ],  # fmt: skip
        "rows": out_rows,
        "hidden": hidden,
        "desc": f"{len(columns)} outlets by {len(rows)} claims: {counts['agree']} corroborated, "
        f"{counts['unique']} from one outlet, {counts['conflict']} in conflict",
    }

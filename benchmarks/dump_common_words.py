"""Build the list of common lower-case words that the text-dump byline reader uses (newsweave/stages/clean.py).

A line next to a headline such as "Event Type", "Marketing Strategies" or "GO BACK" looks like a name (two
capitalised words) but is a form label or a menu entry: every one of its words is one that pages write in lower
case too. This script reads the text dumps of the dev pages only (benchmarks/extract_text.py renders and caches
them; no gold is read) and keeps every word written in lower case, as a whole word, in at least ``--min-dumps``
of them. Person names rarely are (none of the dev gold person names is made of such words alone at 5 dumps).

    .venv/bin/python benchmarks/dump_common_words.py [--min-dumps 5] [--write] [--cv]

``--cv``: two folds over the dev pages; each fold's text-dump authors are scored (benchmarks/extract_text_meta.py's
scores) with the list built from the other fold's dumps only (at half the ``--min-dumps``), with the list built from
all dev dumps (in-sample) and with no list, so that the list's gain is not only its own pages' words.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.extract_html import cache_dir, load_pages  # noqa: E402
from newsweave.stages.textutil import COMMON_WORDS_PATH  # noqa: E402

_WORD = re.compile(r"(?<![\w@./-])[^\W\d_]+(?![\w@/-])")  # a whole word, not part of an address or a path


def common_words(texts: list[str], min_dumps: int) -> list[str]:
    """Words of 2+ letters written in lower case in at least ``min_dumps`` of the texts, sorted."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update({w for w in _WORD.findall(text) if w.islower() and len(w) > 1})
    return sorted(w for w, n in df.items() if n >= min_dumps)


def cross_validate(pages: list[dict[str, Any]], texts: list[str], min_dumps: int) -> None:
    from benchmarks.extract_meta import score
    from newsweave.stages import clean

    def authors(part: list[int], words: frozenset[str]) -> dict[str, float | None]:
        clean._common_words.cache_clear()
        saved = clean._common_words
        clean._common_words = lambda: words  # type: ignore[assignment]
        try:
            out = {pages[i]["id"]: {"authors": list(clean.clean_text_dump(texts[i]).authors)} for i in part}
        finally:
            clean._common_words = saved  # type: ignore[assignment]
        return score([pages[i] for i in part], out)

    folds = [[i for i in range(len(pages)) if i % 2 == k] for k in (0, 1)]
    everything = frozenset(common_words(texts, min_dumps))
    for name, lists in (("no list", [frozenset(), frozenset()]), ("in-sample list", [everything, everything]),
                        ("other fold's list", [frozenset(common_words([texts[i] for i in folds[1 - k]],
                                                                      max(1, min_dumps // 2))) for k in (0, 1)])):
        scores = [authors(folds[k], lists[k]) for k in (0, 1)]
        cells = {c: sum(s[c] or 0.0 for s in scores) / 2 for c in ("author F1", "author exact", "author where none")}
        print(f"{name}: " + ", ".join(f"{c} {v:.3f}" for c, v in cells.items()) + " (mean of the two folds)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-dumps", type=int, default=5)
    ap.add_argument("--write", action="store_true", help=f"write {COMMON_WORDS_PATH.name}")
    ap.add_argument("--cv", action="store_true", help="two-fold check over the dev pages")
    args = ap.parse_args()
    dumps = cache_dir("text_dumps")
    pages = [p for p in load_pages() if p["split"] == "dev" and (dumps / f"{p['id']}.txt").exists()]
    texts = [(dumps / f"{p['id']}.txt").read_text(encoding="utf-8") for p in pages]
    if args.cv:
        cross_validate(pages, texts, args.min_dumps)
        return
    words = common_words(texts, args.min_dumps)
    print(f"{len(texts)} dev dumps: {len(words)} words in lower case in {args.min_dumps}+ of them")
    if args.write:
        COMMON_WORDS_PATH.write_text(json.dumps({"min_dumps": args.min_dumps, "dumps": len(texts), "words": words},
                                                separators=(",", ":")) + "\n", encoding="utf-8")  # fmt: skip
        print(f"wrote {COMMON_WORDS_PATH}")


if __name__ == "__main__":
    main()

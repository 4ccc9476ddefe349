"""Legacy encodings of real text: is a file in Windows-1252 (or another single-byte code page) decoded
back to the text it was written from?

Data: the gold main texts of ../shared/data/extraction_wcxb (real article pages; English, with curly
quotes, dashes and accented names), each encoded in Windows-1252 (texts with characters that code
page lacks are left out) and cut to its first N characters at a word boundary (short files are where
detectors guess), then read by ``newsweave.stages.ingest.decode_bytes``. Score: the share of files
decoded to exactly the text written. ``--compare FILE`` scores another copy of ingest.py in the same
run (e.g. ``git show REV:newsweave/stages/ingest.py > /tmp/ingest_old.py``).

    .venv/bin/python benchmarks/encoding.py [--compare /tmp/ingest_old.py] [--lengths 200,500,2000]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsweave.stages.ingest import decode_bytes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction_wcxb" / "pages.jsonl"


def _load_copy(path: str) -> Callable[[bytes], tuple[str | None, str]]:
    src = Path(path).read_text().replace("from ..", "from newsweave.").replace("from .", "from newsweave.stages.")
    tmp = Path("/tmp") / f"_encoding_cmp_{abs(hash(path))}.py"
    tmp.write_text(src)
    spec = importlib.util.spec_from_file_location(tmp.stem, tmp)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[tmp.stem] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod.decode_bytes  # type: ignore[no-any-return]


def _cut(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    return text[:n].rsplit(" ", 1)[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compare", help="another copy of ingest.py to score in the same run")
    ap.add_argument("--lengths", default="200,500,2000,0", help="characters kept per file (0: the whole text)")
    ap.add_argument("--codepage", default="cp1252")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"data not found: {DATA}")
    texts = []
    for line in DATA.open(encoding="utf-8"):
        gold = " ".join((json.loads(line).get("gold_text") or "").split(" "))
        try:
            gold.encode(args.codepage)
        except UnicodeEncodeError:
            continue
        if len(gold) >= 200 and any(ord(c) > 127 for c in gold[:200]):
            texts.append(gold)
    systems: dict[str, Any] = {"newsweave": decode_bytes}
    if args.compare:
        systems["compared copy"] = _load_copy(args.compare)
    print(f"# legacy encodings, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"Python {platform.python_version()}; {len(texts)} texts with a non-ASCII character in their first 200 "
          f"characters, encoded in {args.codepage}")
    print("| system | characters kept | files | decoded exactly | ms/file |")
    print("|---|---|---|---|---|")
    for n in (int(x) for x in args.lengths.split(",")):
        data = [(t2, t2.encode(args.codepage)) for t in texts if (t2 := _cut(t, n) if n else t)]
        for name, fn in systems.items():
            t0 = time.perf_counter()
            right = sum(1 for t, b in data if fn(b)[0] == t)
            ms = 1000 * (time.perf_counter() - t0) / max(1, len(data))
            print(f"| {name} | {n or 'all'} | {len(data)} | {right / len(data):.3f} ({right}) | {ms:.1f} |")


if __name__ == "__main__":
    main()

"""Who said it, resolved speakers: the ledger quotes whose speaker came from a pronoun or a description (issue 5).

Reads the quotes of the 961-article stream as ``newsweave quotes`` writes them (one JSON line per article: its
quotes with speaker span and resolved name) and a stored ``newsweave run`` of the same stream (``out/stories.json``:
which quotes the ledger lists, and the story split). A quote counts as *resolved* when its speaker span is a
pronoun or a description ("he", "she", "the official", "the Kremlin leader") and it carries a name none of whose
words the span holds: the name came from ``quote_context.resolve_speaker``'s antecedent choice.

* ``--draw``: prints resolved ledger quotes drawn at random (fixed seed) with the text before them, for a person
  to judge: the speaker the article names for those words (or none);
* ``--score``: counts the judgements in ``benchmarks/gold/speaker_resolution_audit.json`` that the quotes file
  (the current code's ``newsweave quotes`` output) gets right;
* ``--diff OLD.jsonl``: every quote of the stream whose resolved name differs between two quotes files, with the
  text before it (every change, for a person to read: better, neutral or worse).

Split: ``benchmarks.common.heldout`` on the external id of the story's first article, as the ledger audits split.

    .venv/bin/python benchmarks/speaker_resolution_audit.py --run /tmp/run15 --quotes q.jsonl --draw [--seed 0]
    .venv/bin/python benchmarks/speaker_resolution_audit.py --run /tmp/run15 --quotes q.jsonl --score [--split dev]
    .venv/bin/python benchmarks/speaker_resolution_audit.py --run /tmp/run15 --quotes new.jsonl --diff old.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from benchmarks.speaker_audit import _same  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "speaker_resolution_audit.json"
ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering_stream" / "articles.jsonl"


def _read(path: Path) -> dict[str, Any]:
    return {d["id"]: d for d in map(json.loads, path.read_text().splitlines())}


def _stream(run: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """External article id -> split of its story; -> the ledger's spans in it (wordings and fragments)."""
    split, spans = {}, {}
    for s in json.loads((run / "out" / "stories.json").read_text())["stories"]:
        part = "held-out" if heldout(s["articles"][0]["external_id"]) else "dev"
        ext = {a["id"]: a["external_id"] for a in s["articles"]}
        for a in s["articles"]:
            split[a["external_id"]] = part
        for q in s.get("quotes", []):
            for sp in [sp for w in q["wordings"] for sp in w["spans"]] + q.get("fragments", []):
                spans.setdefault(ext[sp["article"]], []).append((sp["start"], sp["end"]))
    return split, spans


def resolved(q: dict[str, Any]) -> bool:
    """The quote's name came from an antecedent: its speaker span holds none of the name's words."""
    if not q.get("speaker") or not q.get("speaker_name"):
        return False
    span = set(re.findall(r"\w+", q["speaker"][2].lower()))
    return not span & set(re.findall(r"\w+", q["speaker_name"].lower()))


def _in_ledger(q: dict[str, Any], spans: list[tuple[int, int]]) -> bool:
    s, e = q["content"][0], q["content"][1]
    return any(min(e, b) - max(s, a) > 0 for a, b in spans)


def _show(text: str, q: dict[str, Any], before: int = 450) -> str:
    lo = max(0, min(q["content"][0], q["speaker"][0] if q.get("speaker") else q["content"][0]) - before)
    hi = max(q["content"][1], q["speaker"][1] if q.get("speaker") else 0) + 60
    return " ".join(text[lo:hi].split())


def draw(run: Path, quotes: dict[str, Any], n: int, seed: int, split: str) -> None:
    texts = _read(ARTICLES)
    parts, spans = _stream(run)
    cands = [(aid, q) for aid, d in sorted(quotes.items()) if parts.get(aid) == split
             for q in d["quotes"] if resolved(q) and _in_ledger(q, spans.get(aid, []))]  # fmt: skip
    print(f"# resolved ledger speakers, {split}, seed {seed}, {stamp()}, {machine()}; {len(cands)} candidates")
    for k, (aid, q) in enumerate(random.Random(seed).sample(cands, min(n, len(cands)))):
        print(f"\n### {k} {aid}:{q['content'][0]}:{q['content'][1]}  span={q['speaker'][2]!r} "
              f"-> {q['speaker_name']!r}  cue={q['cue'][2] if q.get('cue') else None!r}")  # fmt: skip
        print("   " + _show(texts[aid]["text"], q))


def _find(quotes: dict[str, Any], key: str) -> dict[str, Any] | None:
    aid, s, e = key.rsplit(":", 2)
    best, score = None, 0
    for q in quotes.get(aid, {"quotes": []})["quotes"]:
        ov = min(int(e), q["content"][1]) - max(int(s), q["content"][0])
        if ov > score:
            best, score = q, ov
    return best


def score(quotes: dict[str, Any], split: str, draw_id: str | None) -> None:
    gold = {k: v for k, v in json.loads(GOLD.read_text()).items()
            if v["split"] == split and draw_id in (None, v.get("draw"))}  # fmt: skip
    before: Counter[str] = Counter()
    now: Counter[str] = Counter()
    changed = []
    for key, g in sorted(gold.items()):
        q = _find(quotes, key)
        name = q["speaker_name"] if q else None
        ok = _same(name, g["speaker"])
        before[g["error"]] += 1
        now["right" if ok else "wrong"] += 1
        if ok != (g["error"] == "right"):
            changed.append(f"  {key}: {g['error']} -> {'right' if ok else 'wrong'} ({name!r}, judged {g['speaker']!r})")
    right = now["right"]
    print(f"# resolved speakers, {split}, {stamp()}, {machine()}; {len(gold)} judged ledger quotes")
    print(f"as judged when drawn: {dict(before.most_common())}")
    print(f"this quotes file: {right}/{len(gold)} right")
    print("changed:\n" + "\n".join(changed))


def diff(run: Path, new: dict[str, Any], old: dict[str, Any], split: str | None) -> None:
    texts = _read(ARTICLES)
    parts, spans = _stream(run)
    n = total = 0
    for aid in sorted(new):
        if split is not None and parts.get(aid) != split:
            continue
        olds = {(q["content"][0], q["content"][1]): q for q in old.get(aid, {"quotes": []})["quotes"]}
        for q in new[aid]["quotes"]:
            total += 1
            o = olds.get((q["content"][0], q["content"][1]))
            if o is None or o["speaker_name"] == q["speaker_name"] and o["speaker"] == q["speaker"]:
                continue
            n += 1
            led = "ledger" if _in_ledger(q, spans.get(aid, [])) else "not in ledger"
            print(f"\n## {aid}:{q['content'][0]}:{q['content'][1]} ({parts.get(aid, '?')}, {led}) "
                  f"{o['speaker'] and o['speaker'][2]!r} {o['speaker_name']!r} -> "
                  f"{q['speaker'] and q['speaker'][2]!r} {q['speaker_name']!r}")  # fmt: skip
            print("   " + _show(texts[aid]["text"], q, 350))
    print(f"\n# {split or 'all'}: {total} quotes, {n} speakers changed; {stamp()}, {machine()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run15"), help="a newsweave run of the stream (the ledger)")
    ap.add_argument("--quotes", type=Path, required=True, help="`newsweave quotes` output over the stream")
    ap.add_argument("--split", choices=("dev", "held-out"), default=None)
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draw-id")
    ap.add_argument("--diff", type=Path, help="an older quotes file: list every changed speaker")
    a = ap.parse_args()
    quotes = _read(a.quotes)
    if a.diff:
        diff(a.run, quotes, _read(a.diff), a.split)
    elif a.score:
        score(quotes, a.split or "dev", a.draw_id)
    else:
        draw(a.run, quotes, a.n, a.seed, a.split or "dev")


if __name__ == "__main__":
    main()

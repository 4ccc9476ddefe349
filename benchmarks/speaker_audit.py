"""Who said it: an audit of the speakers in the quote ledger of a real run (issue 5).

Draws ledger entries at random (fixed seed) from the stories of a ``newsweave run`` output
(``stories.json``, "quotes") and, for each, one article that carries it: prints the article's speaker
span, the resolved name, cue and channel, and the text before the quote, for a person to judge.
The split follows ``benchmarks.common.heldout`` on the story id (dev: two thirds of the stories).

Judged entries live in ``benchmarks/gold/speaker_audit.json`` ({key: {"speaker": name or null,
"error": class}}; key = article:start:end of the judged wording; speaker null = the text names
nobody). ``--score`` re-parses the judged articles with the current code (spaCy, as the product
parses) and counts, per error class, the entries whose resolved speaker now matches the judgement.

    .venv/bin/python benchmarks/speaker_audit.py --run /tmp/run2 [--n 60] [--seed 0] [--split dev]
    .venv/bin/python benchmarks/speaker_audit.py --run /tmp/run2 --score [--split dev]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "speaker_audit.json"


def draw(run: Path, n: int, seed: int, split: str) -> list[dict[str, Any]]:
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    entries = [(s["id"], q) for s in stories if heldout(s["id"]) == (split == "held-out") for q in s.get("quotes", [])]
    rng = random.Random(seed)
    out = []
    for sid, q in rng.sample(entries, min(n, len(entries))):
        spans = [sp for w in q["wordings"] for sp in w["spans"]]
        sp = rng.choice(spans)
        out.append({"story": sid, "entry": q, "span": sp, "key": f"{sp['article']}:{sp['start']}:{sp['end']}"})
    return out


def _texts(run: Path, ids: set[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    db = sqlite3.connect(f"file:{run / 's.db'}?mode=ro", uri=True)
    out = {}
    for aid in ids:
        art = json.loads(db.execute("select data from articles where id=?", (aid,)).fetchone()[0])
        an = json.loads(db.execute("select data from analyses where article_id=?", (aid,)).fetchone()[0])
        out[aid] = (art["text"], an)
    return out


def _match(quotes: list[Any], start: int, end: int) -> Any:
    """The quote whose content (or a part) overlaps start:end most."""
    best, score = None, 0
    for q in quotes:
        spans = [q["content"], *q.get("parts", [])] if isinstance(q, dict) else [q.content, *q.parts]
        for c in spans:
            s, e = (c[0], c[1]) if isinstance(c, list) else (c.start, c.end)
            ov = min(e, end) - max(s, start)
            if ov > score:
                best, score = q, ov
    return best


def _current(texts: dict[str, tuple[str, dict[str, Any]]]) -> dict[str, list[Any]]:
    """Each article's quotes as the current code extracts them (spaCy parse, as the product parses)."""
    from newsweave.stages.nlp import NLP
    from newsweave.stages.quotes import extract_quotes

    ids = sorted(texts)
    docs = NLP().docs([texts[i][0] for i in ids])
    return {i: list(extract_quotes(d)) for i, d in zip(ids, docs, strict=True)}


def show(run: Path, items: list[dict[str, Any]], current: bool = False) -> None:
    texts = _texts(run, {it["span"]["article"] for it in items})
    now = _current(texts) if current else {}
    for k, it in enumerate(items):
        sp, e = it["span"], it["entry"]
        text, an = texts[sp["article"]]
        q = _match(an["quotes"], sp["start"], sp["end"])
        spk = q["speaker"] if q else None
        lo = max(0, min(sp["start"], spk[0] if spk else sp["start"]) - 400)
        hi = min(len(text), max(sp["end"], spk[1] if spk else 0) + 150)
        print(f"\n### {k} {it['key']}  ledger speaker={e['speaker']!r} desc={e['speaker_description']!r} "
              f"cue={e['cue']!r} channel={e['channel']!r} direct={e['direct']}")  # fmt: skip
        if q:
            print(f"   article: span={spk!r} name={q['speaker_name']!r} channel={q['channel']!r}")
        if current:
            c = _match(now[sp["article"]], sp["start"], sp["end"])
            if c is not None:
                print(f"   current code: span={c.speaker!r} name={c.speaker_name!r} channel={c.channel!r}")
        print("   " + " ".join(text[lo:hi].split()))
        print("   CONTENT: " + " ".join(text[sp["start"] : sp["end"]].split())[:200])


def score(run: Path, split: str, gold_path: Path = GOLD, draw_id: str | None = None) -> None:
    from newsweave.stages.nlp import NLP
    from newsweave.stages.quotes import extract_quotes

    gold = {k: v for k, v in json.loads(gold_path.read_text()).items()
            if v.get("split", "dev") == split and draw_id in (None, v.get("draw"))}  # fmt: skip
    texts = _texts(run, {k.split(":")[0] for k in gold})
    ids = sorted(texts)
    docs = dict(zip(ids, NLP().docs([texts[i][0] for i in ids]), strict=True))
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    ch_before = ch_after = 0
    changed = []
    for key, g in gold.items():
        aid, s, e = key.split(":")
        new = _match(list(extract_quotes(docs[aid])), int(s), int(e))
        name = new.speaker_name if new is not None else None
        channel = new.channel if new is not None else None
        ok = _same(name, g["speaker"], g.get("exact", False))
        before[g["error"]] += 1
        after["right" if ok else g["error"] if g["error"] != "right" else "newly wrong"] += 1
        ch_before += bool(g.get("channel_wrong_on_run"))
        ch_ok = (channel or None) == g.get("channel")
        ch_after += not ch_ok
        if ok != (g["error"] == "right") or ch_ok == bool(g.get("channel_wrong_on_run")):
            verdict = "right" if ok else "wrong"
            changed.append(f"  {key}: {g['error']} -> {verdict} ({name!r}, judged {g['speaker']!r}); "
                           f"channel {channel!r}, judged {g.get('channel')!r}")  # fmt: skip
    print(f"# speaker audit, {split}, {stamp()}, {machine()}; {len(gold)} judged ledger entries")
    print(f"as judged on the run: {dict(before.most_common())}; channel wrong {ch_before}")
    print(f"current code:         {dict(after.most_common())}; channel wrong {ch_after}")
    print("changed:\n" + "\n".join(changed))


def _same(name: str | None, judged: str | None, exact: bool = False) -> bool:
    if not name or not judged:
        return not name and not judged
    a, b = name.lower().split(), judged.lower().split()
    if exact:  # (round 3: "9 a. m. Lyons" for Lyons shares a word but is no name)
        return a == b
    if len(a) == 1 or len(b) == 1:  # a surname or a first name alone: any word of the other
        return bool(set(a) & set(b))
    return a == b or a[-1] == b[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run2"), help="a newsweave run: s.db and out/stories.json")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split", choices=("dev", "held-out", "cases"), default="dev",
                    help="cases: known errors found outside the draw (scored only)")  # fmt: skip
    ap.add_argument("--score", action="store_true", help="score the judged entries with the current code")
    ap.add_argument("--gold", type=Path, default=GOLD, help="the judgements (round 2: gold/speaker_audit2.json)")
    ap.add_argument("--current", action="store_true", help="--draw also prints the current code's speaker")
    ap.add_argument("--draw-id", help="score only the entries of one draw (gold 'draw': seed20, seed21-fresh ...)")
    args = ap.parse_args()
    if args.score:
        score(args.run, args.split, args.gold, args.draw_id)
    else:
        show(args.run, draw(args.run, args.n, args.seed, args.split), args.current)


if __name__ == "__main__":
    main()

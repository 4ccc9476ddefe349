"""Quotes nobody was named for: an audit of the ledger's "Unattributed" entries of a real run (issue 5).

``--list`` prints every ledger entry of a ``newsweave run`` (``out/stories.json``) with neither a speaker nor a
described one (the report's "Unattributed"), each wording's first span with 300 characters of its article before
and after, for a person to judge whether the text names the speaker (who) or nobody (a chant, a slogan, a quoted
phrase). ``--current`` also prints the speaker the current code gives that quote (spaCy parse, as the product
parses). The split follows ``benchmarks.common.heldout`` on the story id (as ``speaker_audit.py``).

Judgements live in ``benchmarks/gold/unattributed_audit.json`` ({key: {"split", "story", "speaker": name,
description or null, "kind": name | description | none, "class", "note"}}; key = article:start:end of the
listed wording). ``--score`` re-parses the judged articles with the current code and counts the judged entries
whose speaker it now gives right, wrong, or still none.

``--dump FILE`` / ``--diff FILE`` write every quote's speaker over all the run's articles (re-parsed with the
current code; the parses are cached in ``--cache``) and print the changes against such a dump, for reading.

    .venv/bin/python benchmarks/unattributed_audit.py --run /tmp/run7 --list [--split dev] [--current]
    .venv/bin/python benchmarks/unattributed_audit.py --run /tmp/run7 --score [--split dev]
    .venv/bin/python benchmarks/unattributed_audit.py --run /tmp/run7 --dump /tmp/ua_before.json
    .venv/bin/python benchmarks/unattributed_audit.py --run /tmp/run7 --diff /tmp/ua_before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from benchmarks.speaker_audit import _match, _same, _texts  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "unattributed_audit.json"
_PRONOUNS = frozenset("he she it they we i you his her its their who which that".split())


def unattributed(run: Path, split: str | None) -> list[dict[str, Any]]:
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    out = []
    for s in stories:
        part = "held-out" if heldout(s["id"]) else "dev"
        if split is not None and part != split:
            continue
        for q in s.get("quotes", []):
            if q.get("speaker") or q.get("speaker_description"):
                continue
            sp = q["wordings"][0]["spans"][0]
            out.append({"story": s["id"], "split": part, "entry": q, "span": sp,
                        "key": f"{sp['article']}:{sp['start']}:{sp['end']}"})  # fmt: skip
    return out


def _docs(run: Path, ids: set[str], cache: Path | None) -> dict[str, Any]:
    """Article id -> spaCy Doc (parsed as the product parses; cached as a DocBin when ``cache`` is given)."""
    from spacy.tokens import DocBin

    from newsweave.stages.nlp import NLP

    nlp = NLP().load()
    have: dict[str, Any] = {}
    if cache is not None and cache.exists():
        names = json.loads(cache.with_suffix(".json").read_text())
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp._nlp.vocab))
        have = {i: d for i, d in zip(names, docs, strict=True) if i in ids}
    todo = sorted(ids - set(have))
    if todo:
        texts = _texts(run, set(todo))
        have.update(zip(todo, NLP().docs([texts[i][0] for i in todo]), strict=True))
        if cache is not None:
            names = sorted(have)
            cache.write_bytes(DocBin(docs=[have[i] for i in names]).to_bytes())
            cache.with_suffix(".json").write_text(json.dumps(names))
    return have


def _quotes(docs: dict[str, Any]) -> dict[str, list[Any]]:
    from newsweave.stages.quotes import extract_quotes

    return {i: list(extract_quotes(d)) for i, d in docs.items()}


def show(run: Path, items: list[dict[str, Any]], current: bool, cache: Path | None) -> None:
    texts = _texts(run, {it["span"]["article"] for it in items})
    now = _quotes(_docs(run, set(texts), cache)) if current else {}
    print(f"# unattributed ledger entries, {stamp()}, {machine()}; {len(items)} entries")
    for k, it in enumerate(items):
        sp, e = it["span"], it["entry"]
        text = texts[sp["article"]][0]
        print(f"\n### {k} {it['key']} {it['split']} story={it['story']} articles={len(e['articles'])}")
        if current:
            c = _match(now[sp["article"]], sp["start"], sp["end"])
            if c is not None:
                print(f"   current code: span={c.speaker!r} name={c.speaker_name!r} cue={c.cue!r}")
        before = " ".join(text[max(0, sp["start"] - 300) : sp["start"]].split())
        after = " ".join(text[sp["end"] : sp["end"] + 300].split())
        print(f"   {before} [[{' '.join(text[sp['start'] : sp['end']].split())[:600]}]] {after}")


def score(run: Path, split: str, cache: Path | None) -> None:
    gold = {k: v for k, v in json.loads(GOLD.read_text()).items() if v["split"] == split}
    now = _quotes(_docs(run, {k.split(":")[0] for k in gold}, cache))
    counts: Counter[str] = Counter()
    lines = []
    for key, g in sorted(gold.items()):
        aid, s, e = key.split(":")
        q = _match(now[aid], int(s), int(e))
        name = q.speaker_name if q is not None else None
        span = " ".join(q.speaker.text.split()) if q is not None and q.speaker is not None else ""
        described = bool(span) and not name and span.lower() not in _PRONOUNS
        if g["kind"] == "name":
            right = bool(name) and _same(name, g["speaker"])
            verdict = "named, right" if right else "named, wrong" if name else "named, missed"
        elif g["kind"] == "description":
            head = g["speaker"].lower().split()[-1]
            verdict = ("described, right" if described and head in span.lower() else
                       "described, wrong" if name or described else "described, missed")  # fmt: skip
        else:
            verdict = "nobody, wrongly named" if name or described else "nobody, none"
        counts[verdict] += 1
        if not verdict.endswith(("none", "missed")):
            lines.append(f"  {key} {verdict}: {name or span!r} (judged {g['speaker']!r}; {g['class']})")
    kinds = Counter(g["kind"] for g in gold.values())
    print(f"# unattributed audit, {split}, {stamp()}, {machine()}; {len(gold)} judged entries: {dict(kinds)}")
    n = max(len(gold), 1)
    print(f"before (the run): named by the text and missed {kinds['name']}/{len(gold)} ({kinds['name'] / n:.1%}), "
          f"named or described {kinds['name'] + kinds['description']}/{len(gold)}")  # fmt: skip
    print(f"current code: {dict(sorted(counts.items()))}")
    missed = counts["named, missed"] + counts["named, wrong"]
    print(f"named by the text and still missed or wrong: {missed}/{len(gold)} ({missed / n:.1%}); "
          f"new wrong speakers for nobody: {counts['nobody, wrongly named']}")  # fmt: skip
    print("\n".join(lines))


def dump(run: Path, cache: Path | None) -> dict[str, str]:
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    where = {a["id"]: s["id"] for s in stories for a in s["articles"]}
    now = _quotes(_docs(run, set(where), cache))
    out = {}
    for aid, qs in sorted(now.items()):
        part = "held-out" if heldout(where[aid]) else "dev"
        for q in qs:
            out[f"{aid}:{q.content.start}:{q.content.end}"] = (
                f"{part} {'D' if q.direct else 'R'} {q.speaker_name!r} | {' '.join(q.content.text.split())[:150]}"
            )
    return out


def diff(run: Path, old_path: Path, cache: Path | None) -> None:
    old = json.loads(old_path.read_text())
    new = dump(run, cache)
    gone, came = sorted(set(old) - set(new)), sorted(set(new) - set(old))
    changed = [k for k in sorted(set(old) & set(new)) if old[k] != new[k]]
    print(f"# quote speaker diff, {stamp()}; quotes {len(old)} -> {len(new)}: {len(gone)} gone, {len(came)} new, "
          f"{len(changed)} changed")  # fmt: skip
    for k in changed:
        print(f"  ~ {k} {old[k]}\n    -> {new[k]}")
    for k in gone:
        print(f"  - {k} {old[k]}")
    for k in came:
        print(f"  + {k} {new[k]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run7"), help="a newsweave run: s.db and out/stories.json")
    ap.add_argument("--split", choices=("dev", "held-out"), default=None)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--current", action="store_true", help="--list also prints the current code's speaker")
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--diff", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unattributed_audit_docs.spacy"),
                    help="DocBin of the parsed articles (outside the run)")  # fmt: skip
    args = ap.parse_args()
    if args.score:
        score(args.run, args.split or "dev", args.cache)
    elif args.dump:
        args.dump.write_text(json.dumps(dump(args.run, args.cache), indent=0))
    elif args.diff:
        diff(args.run, args.diff, args.cache)
    else:
        show(args.run, unattributed(args.run, args.split), args.current, args.cache)


if __name__ == "__main__":
    main()

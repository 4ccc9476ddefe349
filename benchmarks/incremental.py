"""Issue 8: a newsroom runs newsweave on every new batch. Time of the second of two `newsweave run`
calls on one store (the stream's first half, then its second half: the second batch joins and
re-analyses existing stories), for this checkout and, in the same session, an earlier revision.

    .venv/bin/python benchmarks/incremental.py [--baseline REF] [--repeat 2] [--rerun-html N]

With ``--rerun-html N`` both runs read the same folder of N real HTML pages (the first N WCXB pages,
as .html.gz files): the second run is a re-run over inputs the store already has.

Reports per revision the median wall time and stage times of the second run (the first is timed
too), and the median per-repeat ratio of this checkout to the baseline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, code_env, load_jsonl, machine, stamp, worktree  # noqa: E402


def two_runs(halves: list[Path], code: Path) -> list[dict]:
    env = code_env(code)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for half in halves:
            cmd = [sys.executable, "-m", "newsweave", "run", str(half), "--out", f"{tmp}/out", "--db",
                   f"{tmp}/nw.db", "-q", "--timings"]  # fmt: skip
            t = time.perf_counter()
            proc = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"newsweave run failed:\n{proc.stderr[-3000:]}")
            out.append({"wall_s": round(time.perf_counter() - t, 2),
                        "stages": json.loads(proc.stderr.strip().splitlines()[-1])})  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", metavar="REF", help="git revision to compare with (a temporary worktree)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--rerun-html", type=int, default=0, metavar="N", help="run twice over the same N HTML pages")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    if args.rerun_html:
        pages = load_jsonl(SHARED / "extraction_wcxb" / "pages.jsonl")[: args.rerun_html]
        folder = tmp / "pages"
        folder.mkdir()
        for p in pages:
            shutil.copy(SHARED / "extraction_wcxb" / p["html"], folder / f"{p['id']}.html.gz")
        halves, mid, total = [folder, folder], len(pages), 2 * len(pages)
    else:
        rows = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
        halves = [tmp / "first.jsonl", tmp / "second.jsonl"]
        mid, total = len(rows) // 2, len(rows)
        for path, part in zip(halves, (rows[:mid], rows[mid:]), strict=True):
            path.write_text("".join(json.dumps(r) + "\n" for r in part))
    codes = {"this checkout": ROOT}
    if args.baseline:
        codes[f"baseline {args.baseline}"] = worktree(args.baseline)
    runs: dict[str, list[list[dict]]] = {name: [] for name in codes}
    for i in range(args.repeat):
        for name, code in codes.items():  # interleaved
            runs[name].append(two_runs(halves, code))
            print(f"repeat {i + 1} {name}: {runs[name][-1]}", file=sys.stderr)
    result: dict = {"when": stamp(), "machine": machine(), "first_batch": mid, "second_batch": total - mid,
                    "second_batch_is_first": bool(args.rerun_html)}  # fmt: skip
    for name, rs in runs.items():
        result[name] = {
            f"{which}_run": {
                "median_wall_s": statistics.median(r[k]["wall_s"] for r in rs),
                "median_stages_s": {s: round(statistics.median(r[k]["stages"][s] for r in rs), 2)
                                    for s in rs[0][k]["stages"]},  # fmt: skip
            }
            for k, which in ((0, "first"), (1, "second"))
        }
    if args.baseline:
        base = runs[f"baseline {args.baseline}"]
        for s in ("story_analysis", "total"):
            ratios = [a[1]["stages"][s] / b[1]["stages"][s] for a, b in zip(runs["this checkout"], base, strict=True)
                      if b[1]["stages"].get(s)]  # fmt: skip
            if ratios:  # a re-run over stored inputs analyses no story: no ratio for that stage
                result[f"second_run_{s}_ratio_median"] = round(statistics.median(ratios), 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

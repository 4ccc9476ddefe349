"""Issue 8: end-to-end speed of `newsweave run` on the dev stream, per stage, with peak memory and
the ratio to the pipeline's floor, all in one run.

    .venv/bin/python benchmarks/speed.py [--repeat 3] [--replicate 10] [--configs default,one-process]

Each run is the real CLI in a fresh process (cold start included: imports and model loads), on a
new store. Peak memory is the largest sum of proportional set size (PSS: shared
pages split between the processes sharing them) over the CLI process and its worker processes,
sampled every 200 ms from /proc. Stage times come from `newsweave run --timings`.

The floor is the one pass the pipeline cannot avoid: spaCy's named-entity recogniser over every
article (tokenizer + ner, one process, model already loaded), timed in this process between the
runs. The full spaCy pass (tagger, parser, ner) is timed too, since the quote stage reads the parse.

Configurations: ``default`` (spaCy in a worker process overlapping embedding, story analysis in
one worker per core), ``one-process`` (everything in the CLI's process: the architecture before
issue 8) and ``no-claim-embeddings`` (default without the comparison's sentence embeddings), so
the ratios between them are measured on the same machine in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, code_env, load_jsonl, machine, stamp, worktree  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = {
    "default": [],
    "one-process": ["--set", "nlp_processes=0", "--set", "story_processes=0"],
    "no-claim-embeddings": ["--set", "compare_embeddings=false"],
    # candidates measured before choosing the defaults
    "embed-128": ["--set", "embed_max_tokens=128"],
    "embed-256": ["--set", "embed_max_tokens=256"],  # the default before 2026-12-06
    "nlp-2-workers": ["--set", "nlp_processes=2"],
    "main-embeds": ["--set", "nlp_worker_embeds=false"],  # the layout before: 1 parse worker, embedding here
    "embed-2-threads": ["--set", "embed_threads=2"],
    "embed-2-threads-128": ["--set", "embed_threads=2", "--set", "embed_max_tokens=128"],
}
DEFAULT_CONFIGS = "default,one-process,no-claim-embeddings"


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by forked workers are split between them, not counted
    once per process as resident size would."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def _tree_pss_kb(pid: int) -> int:
    todo, seen, total = [pid], set(), 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _pss_kb(p)
        todo += _children(p)
    return total


def run_cli(src: Path, extra: list[str], code: Path = ROOT) -> dict:
    """One `newsweave run` in a fresh process: wall time, stage times, peak tree RSS. ``code`` is the
    checkout whose package runs (a baseline's worktree, or this one)."""
    env = code_env(code)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "newsweave", "run", str(src), "--out", f"{tmp}/out", "--db", f"{tmp}/nw.db",
               "-q", "--timings", *extra]  # fmt: skip
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        peak = [0]

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_pss_kb(proc.pid))
                time.sleep(0.2)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - t
        th.join()
        if proc.returncode != 0:
            raise SystemExit(f"newsweave run failed ({proc.returncode}):\n{err[-3000:]}")
        timings = json.loads(err.strip().splitlines()[-1])
        return {"wall_s": round(wall, 2), "peak_mb": round(peak[0] / 1024), "stages": timings,
                "summary": out.strip().splitlines()[0]}  # fmt: skip


def floor(texts: list[str]) -> dict:
    """Seconds for spaCy's NER pass (the floor) and for the full pass, one process, model loaded."""
    from newsweave.stages.nlp import NLP

    nlp = NLP().load()._nlp
    out = {}
    for name, disable in (
        ("ner_pass_s", ["tok2vec", "tagger", "parser", "attribute_ruler"]),
        ("full_spacy_pass_s", []),
    ):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, disable=disable):
            pass
        out[name] = round(time.perf_counter() - t, 2)
    return out


_COLD = """
import json, time
t0 = time.perf_counter()
from newsweave.pipeline import Pipeline  # noqa: F401
from newsweave.stages.embed import Embedder
from newsweave.stages.nlp import NLP
t1 = time.perf_counter()
NLP().load()
t2 = time.perf_counter()
Embedder().load()
t3 = time.perf_counter()
print(json.dumps({"imports_s": t1 - t0, "spacy_load_s": t2 - t1, "onnx_load_s": t3 - t2}))
"""


def cold_start() -> dict:
    """A fresh process: `newsweave --help`, then importing the pipeline and loading both models (what
    every run pays before its first article; parse workers load theirs side by side)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsweave", "--help"], cwd=ROOT, check=True, capture_output=True)
    help_s = time.perf_counter() - t
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _COLD], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    total = time.perf_counter() - t
    return {"help_s": round(help_s, 2), "process_and_models_s": round(total, 2),
            **{k: round(v, 2) for k, v in json.loads(out).items()}}  # fmt: skip


def replicated(src: Path, times: int, tmp: Path) -> Path:
    """The stream ``times`` over; copy k has its dates shifted by 40·k days and "(k)" after its title,
    so every copy is a new article (ids are content hashes) that repeats a known event."""
    from datetime import date, timedelta

    rows = load_jsonl(src)
    path = tmp / f"stream_x{times}.jsonl"
    with path.open("w") as fh:
        for k in range(times):
            for r in rows:
                r = dict(r, id=f"{r['id']}#{k}", title=f"{r.get('title') or ''} ({k})" if k else r.get("title"))
                if k and r.get("published") not in (None, "None", ""):
                    try:
                        r["published"] = (
                            date.fromisoformat(str(r["published"])[:10]) + timedelta(days=40 * k)
                        ).isoformat()
                    except ValueError:
                        pass
                fh.write(json.dumps(r) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--replicate", type=int, default=0, help="also run once on the stream replicated N times")
    ap.add_argument("--configs", default=DEFAULT_CONFIGS, help=f"some of: {', '.join(CONFIGS)}")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (a smoke test)")
    ap.add_argument("--baseline", metavar="REF",
                    help="also run the default configuration of this git revision (a temporary worktree)")  # fmt: skip
    args = ap.parse_args()
    src = SHARED / "clustering_stream" / "articles.jsonl"
    rows = load_jsonl(src)
    if args.limit:
        rows = rows[: args.limit]
        src = Path(tempfile.mkdtemp()) / "head.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    texts = [r["text"] for r in rows]
    configs = args.configs.split(",")
    code = {c: ROOT for c in configs}
    if args.baseline:
        name = f"baseline {args.baseline}"
        configs.append(name)
        CONFIGS[name], code[name] = CONFIGS["default"], worktree(args.baseline)
    runs: dict[str, list[dict]] = {c: [] for c in configs}
    floors: list[dict] = []
    colds: list[dict] = []
    for i in range(args.repeat):
        for c in configs:  # interleaved, so that machine noise hits every configuration alike
            r = run_cli(src, CONFIGS[c], code[c])
            runs[c].append(r)
            print(f"run {i + 1} {c}: {r['wall_s']} s, {r['peak_mb']} MB, {r['stages']}", file=sys.stderr)
        floors.append(floor(texts))
        colds.append(cold_start())
        print(f"floor {i + 1}: {floors[-1]}, cold start {colds[-1]}", file=sys.stderr)
    n = len(rows)
    if not floors:  # --repeat 0: only the replicated run
        floors.append(floor(texts))
    fl = statistics.median(f["ner_pass_s"] for f in floors)
    full = statistics.median(f["full_spacy_pass_s"] for f in floors)
    result: dict = {"when": stamp(), "machine": machine(), "cpus": os.cpu_count(), "articles": n,
                    "floor_ner_pass_s": fl, "full_spacy_pass_s": full, "configs": {}}  # fmt: skip
    if colds:
        result["cold_start_median_s"] = {k: statistics.median(c[k] for c in colds) for k in colds[0]}
    cold = result.get("cold_start_median_s", {}).get("process_and_models_s", 0.0)
    for c, rs in runs.items():
        if not rs:
            continue
        wall = statistics.median(r["wall_s"] for r in rs)
        stages = {k: round(statistics.median(r["stages"].get(k, 0.0) for r in rs), 1) for k in rs[0]["stages"]}
        result["configs"][c] = {
            "median_wall_s": wall, "articles_per_s": round(n / wall, 1),
            "articles_per_s_after_cold_start": round(n / (wall - cold), 1) if cold else None,
            "median_peak_mb": statistics.median(r["peak_mb"] for r in rs),
            "floor_ratio": round(wall / fl, 2), "full_spacy_ratio": round(wall / full, 2),
            "median_stages_s": stages, "walls": [r["wall_s"] for r in rs], "summary": rs[0]["summary"],
        }  # fmt: skip
    for c in configs:
        if c.startswith("baseline ") and runs.get("default") and runs[c]:
            pairs = [a["wall_s"] / b["wall_s"] for a, b in zip(runs["default"], runs[c], strict=True)]
            result[f"ratio_default_to_{c.replace(' ', '_')}_median"] = round(statistics.median(pairs), 3)
    if runs.get("default") and runs.get("one-process"):
        pairs = [b["wall_s"] / a["wall_s"] for a, b in zip(runs["default"], runs["one-process"], strict=True)]
        result["speedup_default_vs_one_process_median"] = round(statistics.median(pairs), 2)
    if args.replicate > 1:
        with tempfile.TemporaryDirectory() as tmp:
            big = replicated(src, args.replicate, Path(tmp))
            r = run_cli(big, CONFIGS["default"])
            m = n * args.replicate
            result[f"replicated_x{args.replicate}"] = {
                **r,
                "articles": m,
                "articles_per_s": round(m / r["wall_s"], 1),
                "floor_ratio_scaled": round(r["wall_s"] / (fl * args.replicate), 2),
            }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

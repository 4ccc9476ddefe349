"""End-to-end `newsweave run` on ../shared/data/clustering_stream (961 articles): time per stage,
articles per second, peak memory. Model loading is timed apart (cold start).

    .venv/bin/python benchmarks/run_stream.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, machine, peak_rss_mb, stamp  # noqa: E402
from newsweave.pipeline import Pipeline  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    src = SHARED / "clustering_stream" / "articles.jsonl"
    runs = []
    load = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(str(Path(tmp) / "nw.db"))
            pipe = Pipeline(store, progress=False)
            t = time.perf_counter()
            pipe.nlp.load()
            pipe.embedder.load()
            load = time.perf_counter() - t
            res = pipe.run([str(src)], Path(tmp) / "out")
            store.close()
            runs.append({"load_s": load, **{k: round(v, 2) for k, v in pipe.timings.items()},
                         "articles": res.read, "stories": res.stories})  # fmt: skip
    tot = statistics.median(r["total"] for r in runs)
    out = {
        "when": stamp(), "machine": machine(), "runs": runs,
        "median_total_s": round(tot, 1),
        "median_load_s": round(statistics.median(r["load_s"] for r in runs), 2),
        "articles_per_s": round(runs[0]["articles"] / tot, 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }  # fmt: skip
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

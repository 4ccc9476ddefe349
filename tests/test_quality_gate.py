"""Quality gate on small real subsets of ../shared (skipped when it is absent).

Floors live in tests/quality_baseline.json: a change that drops a key figure below its floor fails
CI. The subsets are fixed (no randomness) and small enough for CI: 60 held-out WCXB pages, the
MultiLing and DUC clustering packs as one stream, 30 PolNeAR held-out articles. This is a guard
against regressions, not a result: the full held-out figures are in BENCHMARKS.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SHARED

pytestmark = pytest.mark.slow
BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())


def _need(pack: str) -> Path:
    path = SHARED / pack
    if not path.is_dir():
        pytest.skip(f"../shared/data/{pack} is not available")
    return path


def measure_extraction(n: int = 60) -> float:
    from benchmarks.common import heldout
    from benchmarks.extract_html import load_pages, page_html, prf, run_newsweave

    pages = [p for p in load_pages() if heldout(p["id"])][:n]
    return sum(prf(p["gold_text"], run_newsweave(page_html(p), p.get("url")))[2] for p in pages) / len(pages)


def measure_clustering() -> float:
    """Streaming BCubed F1 on the MultiLing and DUC packs (19 events, 189 articles), file order."""
    from benchmarks.common import bcubed, load_jsonl
    from newsweave.records import Analysis, Article, Mention
    from newsweave.settings import Settings
    from newsweave.stages.cluster import StoryClusterer, content_terms, entity_keys
    from newsweave.stages.embed import Embedder, embed_text
    from newsweave.stages.nlp import NLP

    recs = load_jsonl(SHARED / "clustering_multiling2011" / "articles.jsonl")
    recs += load_jsonl(SHARED / "clustering_duc2003" / "articles.jsonl")
    s = Settings()
    arts = [Article(id=r["id"], title=r.get("title"), text=r.get("text") or "") for r in recs]
    vecs = Embedder(s.embed_max_tokens).embed([embed_text(a) for a in arts])
    c = StoryClusterer.from_settings(s)
    pred = []
    for r, v, doc in zip(recs, vecs, NLP().docs(r["text"] for r in recs), strict=True):
        ms = tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        terms = content_terms(r.get("title"), r.get("text") or "", s.cluster_lead_chars)
        pred.append(c.assign(r["id"], v, entity_keys(Analysis(r["id"], (), ms, ())), r.get("published"), terms))
    # where each article ends, after the merges and splits of later articles (what `newsweave cluster` writes)
    final = [c.final_story(r["id"], p) for r, p in zip(recs, pred, strict=True)]
    return bcubed([r["event"] for r in recs], final)[2]


def measure_quotes(n: int = 30) -> tuple[float, float]:
    """Content F1 at 0.3 overlap and speaker match, on the first n PolNeAR held-out (dev) articles."""
    from benchmarks.common import load_jsonl
    from benchmarks.quotes_polnear import gold_quotes, newsweave_preds, score
    from newsweave.stages.nlp import NLP
    from newsweave.stages.quotes import extract_quotes

    arts = [a for a in load_jsonl(SHARED / "quotes_polnear" / "articles.jsonl") if a["compartment"] == "dev"][:n]
    run = newsweave_preds(extract_quotes)
    preds = [run(doc) for doc in NLP().docs(a["text"] for a in arts)]
    res = score([gold_quotes(a) for a in arts], preds, 0.3)["all"]
    return res["f1"], res["spk"]


def test_html_extraction_stays_above_its_floor() -> None:
    _need("extraction_wcxb")
    f1 = measure_extraction()
    assert f1 >= BASELINE["extraction_heldout60_f1"], f1


def test_stream_clustering_stays_above_its_floor() -> None:
    _need("clustering_multiling2011")
    _need("clustering_duc2003")
    f1 = measure_clustering()
    assert f1 >= BASELINE["clustering_multiling_duc_bcubed_f1"], f1


def test_quotes_stay_above_their_floor() -> None:
    _need("quotes_polnear")
    f1, speaker = measure_quotes()
    assert f1 >= BASELINE["quotes_dev30_f1_at_0.3"], f1
    assert speaker >= BASELINE["quotes_dev30_speaker_at_0.3"], speaker


if __name__ == "__main__":  # prints the current figures, to set the floors
    print({"extraction": measure_extraction(), "clustering": measure_clustering(), "quotes": measure_quotes()})

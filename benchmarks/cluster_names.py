"""Rare shared names in story clustering (issue 4): two ways tried against ECB+ sibling over-merges.

Dev topics only (the split of cluster_stream.py; held-out is not read). The clusterer is the
product's, with the entity overlap replaced in a subclass (nothing here is in newsweave/):

- ``idf``: the entity overlap weighted by each name's IDF to a power (document frequencies of the
  entity keys counted as articles arrive, like the term document frequencies);
- ``clash``: a penalty when the article's rare lead names of a kind (places, other names) are absent
  from the story and the story's rare main names of that kind (named by at least half its members)
  are absent from the article: two earthquakes in different places, two stars in rehab.

Part ``rates`` counts, in a teacher-forced dev stream (file order, every story holds exactly its
gold event's earlier articles), how often each clash rule fires against the article's own event's
story, its sibling event's story, and the sibling's story while its own event has none yet (the
critical decision). Part ``taxonomy`` sorts every join of the dev stream by outcome
(cluster_decisions.py's taxonomy, merges off, file order + 2 shuffles) for the base and two clash
rules: where the diverted articles go. Part ``stream`` runs the variants in the stream: file order + shuffles (the
seeds of cluster_stream.py --sweep), BCubed F1 mean and sd, mean P and R, latency.

    .venv/bin/python benchmarks/cluster_names.py [--parts rates,taxonomy,stream] [--seeds 5]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_stream import default_params, features, order_stats, run_stream, topic  # noqa: E402
from benchmarks.common import SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, _Story, content_terms  # noqa: E402

NAME = "="  # entity keys are counted in the term table under this prefix (terms never hold "=")


class NameClusterer(StoryClusterer):
    """The product's clusterer with a rare-name entity overlap (the clash penalty rides on it)."""

    def __init__(self, *, idf_power: float = 0.0, clash_penalty: float = 0.0, lead: int = 4,
                 clash_all: bool = False, absent_share: float = 0.0, rare_share: float = 0.05,
                 **kw: float) -> None:  # fmt: skip
        super().__init__(**kw)  # type: ignore[arg-type]
        self.idf_power, self.clash_penalty, self.lead = idf_power, clash_penalty, lead
        self.clash_all, self.absent_share, self.rare_share = clash_all, absent_share, rare_share

    def assign(self, article_id: str, vec: np.ndarray, ents: tuple[str, ...] = (),
               published: str | None = None, terms: Mapping[str, int] | None = None) -> str:  # fmt: skip
        if terms and ents:  # counted with the article's terms (so against the same n_docs)
            self.df.update(NAME + e for e in set(ents))
        return super().assign(article_id, vec, ents, published, terms)

    def _rare(self, name: str) -> bool:
        return self.df.get(NAME + name, 0) <= max(2.0, self.rare_share * self.n_docs)

    def clash(self, ents: tuple[str, ...], st: _Story) -> bool:
        k = len(st.members)
        main = [e for e, m in st.entities.most_common(8) if 2 * m >= k]
        found = False
        for place in (True, False):
            mine = [e for e in ents[: self.lead] if e.startswith("@") == place and self._rare(e)]
            theirs = [e for e in main if e.startswith("@") == place and self._rare(e)]
            if not mine or not theirs:
                continue
            if any(st.entities.get(e, 0) > self.absent_share * k for e in mine) or any(e in ents for e in theirs):
                if self.clash_all:
                    return False
            else:
                found = True
                if not self.clash_all:
                    return True
        return found

    def _entity_overlap(self, ents: tuple[str, ...], st: _Story) -> float:  # type: ignore[override]
        k = len(st.members)
        if self.idf_power > 0:
            w = {e: (math.log((1 + self.n_docs) / (1 + self.df.get(NAME + e, 0))) + 1) ** self.idf_power for e in ents}
            shared = sum(w[e] * min(1.0, 2.0 * st.entities[e] / k) for e in ents if e in st.entities)
            out = min(1.0, shared / sum(w[e] for e in ents[:8]))
        else:
            out = super()._entity_overlap(ents, st)
        if self.clash_penalty > 0 and self.clash(ents, st):
            out -= self.clash_penalty / self.entity_weight  # the caller multiplies by the entity weight
        return out


# the variants measured (2026-12-07), all on top of the defaults
VARIANTS: dict[str, dict[str, float]] = {
    "base": {},
    "idf^0.5": {"idf_power": 0.5},
    "idf^1": {"idf_power": 1.0},
    "clash any kind / 0.05": {"clash_penalty": 0.05},
    "clash any kind / 0.1": {"clash_penalty": 0.1},
    "clash any kind / 0.05 / rare = under 2 %": {"clash_penalty": 0.05, "rare_share": 0.02},
    "clash any kind / 0.05 / all names": {"clash_penalty": 0.05, "rare_share": 1.0},
    "clash any kind / 0.15": {"clash_penalty": 0.15},
    "clash any kind / 0.3": {"clash_penalty": 0.3},
    "clash any kind / 2 lead names / 0.15": {"clash_penalty": 0.15, "lead": 2},
    "clash any kind / 2 lead names / 0.3": {"clash_penalty": 0.3, "lead": 2},
    "clash every kind / 0.1": {"clash_penalty": 0.1, "clash_all": True},
    "clash every kind / 0.2": {"clash_penalty": 0.2, "clash_all": True},
    "clash every kind / 6 lead names / 0.1": {"clash_penalty": 0.1, "clash_all": True, "lead": 6},
    "clash every kind / 6 lead names / 0.2": {"clash_penalty": 0.2, "clash_all": True, "lead": 6},
    "clash every kind / absent under 20 % / 0.05": {"clash_penalty": 0.05, "clash_all": True, "absent_share": 0.2},
    "clash every kind / absent under 20 % / 0.1": {"clash_penalty": 0.1, "clash_all": True, "absent_share": 0.2},
}


def rates(records: list[dict], ents: list, dev: list[int]) -> dict[str, dict[str, float]]:
    """How often each clash rule fires against own / sibling / critical sibling stories (teacher-forced)."""
    out = {}
    for lead in (2, 4):
        for clash_all in (False, True):
            c = NameClusterer(lead=lead, clash_all=clash_all, rare_share=1.0)
            stories: dict[str, _Story] = {}
            n: Counter[str] = Counter()
            fired: Counter[str] = Counter()
            for i in dev:
                ev, a = records[i]["event"], ents[i]
                if ev in stories:
                    n["own"] += 1
                    fired["own"] += c.clash(a, stories[ev])
                for e, st in stories.items():
                    if e != ev and e.startswith("ecbplus:") and topic(e) == topic(ev):
                        kind = "sibling" if ev in stories else "critical"
                        n[kind] += 1
                        fired[kind] += c.clash(a, st)
                st = stories.setdefault(ev, _Story(ev, [], np.zeros(1), Counter(), Counter(), None, None))
                st.members.append(records[i]["id"])
                st.entities.update(a)
            out[f"{lead} lead names, {'every' if clash_all else 'any'} kind"] = {
                k: round(fired[k] / n[k], 3) for k in ("own", "sibling", "critical")} | {
                f"n_{k}": n[k] for k in ("own", "sibling", "critical")}  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="rates,taxonomy,stream")
    ap.add_argument("--seeds", type=int, default=5, help="shuffled arrival orders besides the file order")
    ap.add_argument("--variants", help="comma-separated keys of VARIANTS (default: all)")
    args = ap.parse_args()
    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    vecs, ents = features(records)
    terms = [content_terms(r.get("title"), r.get("text") or "", Settings().cluster_lead_chars) for r in records]
    dev = [i for i in range(len(records)) if not heldout(topic(records[i]["event"]))]
    out: dict = {}
    if "rates" in args.parts:
        out["clash_rates"] = rates(records, ents, dev)
        print(json.dumps(out["clash_rates"]), file=sys.stderr)
    if "taxonomy" in args.parts:
        import benchmarks.cluster_decisions as cd

        base, cd.StoryClusterer = dict(cd.P), NameClusterer  # type: ignore[misc, assignment]
        out["taxonomy"] = {}
        for name in ("base", "clash any kind / 0.05", "clash every kind / 0.1"):
            cd.P = dict(base, **VARIANTS[name])
            out["taxonomy"][name] = dict(sorted(cd.taxonomy(2).items()))
            print(f"{name}: {out['taxonomy'][name]}", file=sys.stderr)
    if "stream" in args.parts:
        orders = [list(dev)] + [random.Random(sd).sample(dev, len(dev)) for sd in range(args.seeds)]
        names = args.variants.split(",") if args.variants else list(VARIANTS)
        out["stream"] = {}
        for name in names:
            kw = dict(default_params(), **VARIANTS[name])
            runs = [run_stream(o, records, vecs, ents, terms, cls=NameClusterer, **kw) for o in orders]
            row = order_stats(orders, records, runs)
            out["stream"][name] = row
            print(f"{name}: " + ", ".join(f"{k} {v:.4f}" for k, v in row.items() if k != "each"), file=sys.stderr)
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

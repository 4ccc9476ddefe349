"""Worker processes (spaCy parsing, story analysis) give exactly what one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.pipeline import Pipeline
from newsweave.settings import Settings
from newsweave.stages.nlp import NLP
from newsweave.store.sqlite import SQLiteStore

from .conftest import SAMPLES

pytestmark = pytest.mark.slow


def _stories(tmp: Path, settings: Settings) -> list[dict]:
    store = SQLiteStore(str(tmp / "nw.db"))
    pipe = Pipeline(store, settings, progress=False)
    pipe.run([str(SAMPLES)])
    doc = pipe.document()
    store.close()
    return [{k: v for k, v in s.items() if k != "generated"} for s in doc["stories"]]


def test_workers_match_one_process(tmp_path: Path) -> None:
    one = _stories(tmp_path / "one", Settings(nlp_processes=0, story_processes=0))
    many = _stories(
        tmp_path / "many",
        Settings(nlp_processes=2, nlp_processes_min_articles=1, spacy_batch_size=4,
                 story_processes=2, story_processes_min_stories=1),
    )  # fmt: skip
    assert len(one) > 3
    assert json.dumps(one, sort_keys=True) == json.dumps(many, sort_keys=True)


def test_worker_reports_missing_model_clearly() -> None:
    nlp = NLP(model="no_such_spacy_model")
    with pytest.raises(RuntimeError, match="not installed"):
        list(nlp.analyse_stream([], workers=1)) or nlp.load()


def test_cue_parse_keeps_entities_and_parses_quote_sentences() -> None:
    text = (
        "Rex Tillerson met Sergei Lavrov in Moscow on Wednesday. The visit lasted two hours.\n\n"
        '"Our meeting today comes at an important moment," Tillerson said.'
    )
    full, cues = (next(NLP(parse=p).docs([text])) for p in ("all", "cues"))
    assert [(e.text, e.label_) for e in cues.ents] == [(e.text, e.label_) for e in full.ents]
    said = next(t for t in cues if t.text == "said")
    assert said.dep_ == "ROOT" and said.pos_ == "VERB"
    assert any(t.dep_ == "nsubj" and t.head.i == said.i for t in cues)
    # the sentence without a quote mark or cue verb gets a flat tree, not a parse
    lasted = next(t for t in cues if t.text == "lasted")
    assert lasted.dep_ == "dep" and lasted.pos_ in ("", "X")
    assert [s.text for s in cues.sents][-1].endswith("said.")


def test_worker_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import multiprocessing as mp, os, sys, time\n"
        "from newsweave.workers import exit_with_parent\n"
        "def child(parent):\n"
        "    exit_with_parent(parent, 0.1)\n"
        "    time.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    p = mp.get_context('fork').Process(target=child, args=(os.getpid(),))\n"
        "    p.start()\n"
        "    print(p.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:  # gone, or a zombie waiting for init to reap it
            state = next(x for x in open(f"/proc/{child}/status").read().splitlines() if x.startswith("State:"))
        except (FileNotFoundError, ProcessLookupError):
            return
        if "Z" in state.split()[1]:
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the worker outlived its parent")

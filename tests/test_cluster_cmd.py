"""`newsweave cluster`: one assignment per input line, in order; related articles share a story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main

from .conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_cluster_command_assigns_every_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    lines = (SAMPLES / "wikinews.jsonl").read_text().splitlines()
    empty = json.dumps({"id": "e1", "text": None})
    src.write_text("\n".join([*lines, "{broken", json.dumps({"title": "no id"}), empty, lines[0]]) + "\n")
    out = tmp_path / "a.jsonl"
    assert main(["cluster", str(src), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{src}:11: skipped" in err and f"{src}:12: skipped: no 'id' field" in err
    assert f"{src}:13: skipped: no title and no text" in err
    first = json.loads(lines[0])["id"]
    assert f"{src}:14: skipped: id {first!r} repeated (first on line 1)" in err
    got = [json.loads(x) for x in out.read_text().splitlines()]
    ids = [json.loads(x)["id"] for x in lines]
    assert [g["id"] for g in got] == ids
    story = {g["id"]: g["story"] for g in got}
    london = [i for i in ids if i.startswith("wikinews-M001")]
    quakes = [i for i in ids if not i.startswith("wikinews-M001")]
    assert len({story[i] for i in london}) <= 2  # one story, or two at most
    assert not {story[i] for i in london} & {story[i] for i in quakes}
    # known weakness: the Chile and Haiti earthquakes (two similar events) may share a story


def test_cluster_command_missing_file(tmp_path: Path) -> None:
    assert main(["cluster", str(tmp_path / "none.jsonl")]) == 2

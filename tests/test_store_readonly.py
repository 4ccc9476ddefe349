"""A store in a folder newsweave cannot write (a read-only mount): the commands that only read still read it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.records import StoryState
from newsweave.store.sqlite import SQLiteStore, StoreError

STORY = {"id": "s1", "headline": "Floods in Vukovar", "size": 1, "first_published": "2020-05-01",
         "last_published": "2020-05-01", "outlets": ["Reuters"], "articles": [{"id": "a1", "source": "Reuters"}]}


def _store(path: Path) -> None:
    store = SQLiteStore(str(path))
    store.save_clustering([StoryState(id="s1", members=("a1",), centroid=(0.0,))], {})
    store.save_story_reports({"s1": STORY})
    store.close()


def test_read_only_open_reads_without_writing_and_refuses_a_pending_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    db = tmp_path / "s.db"
    _store(db)
    before = sorted(p.name for p in tmp_path.iterdir())
    # a folder newsweave cannot write (root may write anywhere: os.access decides, as for any other user)
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    ro = SQLiteStore(str(db), read_only=True)
    assert [r["headline"] for r in ro.story_reports()] == ["Floods in Vukovar"]
    ro.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no journal file was made
    (tmp_path / "s.db-wal").write_bytes(b"\0" * 64)  # changes never checkpointed into the store
    with pytest.raises(StoreError, match="not closed cleanly"):
        SQLiteStore(str(db), read_only=True)


def test_read_only_open_in_a_writable_folder_sees_what_a_writer_adds(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store(db)
    writer = SQLiteStore(str(db))  # e.g. `newsweave run` adding articles while `serve --read-only` reads
    ro = SQLiteStore(str(db), read_only=True)
    assert [r["headline"] for r in ro.story_reports()] == ["Floods in Vukovar"]
    writer.save_story_reports({"s1": {**STORY, "headline": "Floods in Vukovar and Osijek"}})
    assert [r["headline"] for r in ro.story_reports()] == ["Floods in Vukovar and Osijek"]
    with pytest.raises(Exception, match="readonly"):
        ro.save_story_reports({"s1": STORY})
    ro.close()
    writer.close()


def test_read_commands_read_a_store_in_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("chattr") is None:
        pytest.skip("no chattr to make a folder read-only for root")
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "s.db"
    _store(db)
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot mark a folder immutable")
    try:
        assert main(["stories", "--db", str(db)]) == 0
        assert main(["export", "--db", str(db), "--format", "json"]) == 0
        assert "Floods in Vukovar" in capsys.readouterr().out
        assert main(["run", str(db), "--db", str(db)]) == 2  # writing is refused before any work, as before
        assert "is not writable" in capsys.readouterr().err
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)

"""`newsweave quotes`: JSON lines in, quotes with character offsets out; bad lines skipped."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from newsweave.quotes_cmd import add_parser, read_articles

TEXT_A = (
    "Secretary of State Rex Tillerson arrived in Moscow on Wednesday.\n\n"
    '"Our meetings today come at an important moment in the relationship," Tillerson said.\n\n'
    "Russian Foreign Minister Sergei Lavrov said the two nations had agreed to set up a working group."
)
TEXT_B = "The weather was fine and the market opened on time."


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="newsweave")
    add_parser(p.add_subparsers(dest="command"))
    return p.parse_args(argv)


def test_parser_sets_the_command_and_requires_out() -> None:
    args = parse(["quotes", "in.jsonl", "--out", "q.jsonl"])
    assert args.input == "in.jsonl" and args.out == "q.jsonl" and callable(args.func)
    with pytest.raises(SystemExit):
        parse(["quotes", "in.jsonl"])


def test_bad_lines_are_reported_with_their_line_number_and_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['{"id": "a", "text": "x"}', "{not json", "", '["a list"]', '{"text": "no id"}', '{"id": 7, "text": "y"}',
             '{"id": "a", "text": "z"}']
    got = list(read_articles(io.StringIO("\n".join(lines) + "\n"), "in.jsonl"))
    assert got == [(1, "a", "x"), (6, "7", "y")]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4
    assert err[0].startswith("newsweave quotes: in.jsonl:2: skipped: not valid JSON")
    assert "in.jsonl:4:" in err[1] and "in.jsonl:5:" in err[2]
    assert err[3] == "newsweave quotes: in.jsonl:7: skipped: id 'a' repeated (first on line 1)"


@pytest.mark.slow
def test_quotes_command_writes_one_line_per_valid_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "quotes.jsonl"
    rows = [
        json.dumps({"id": "a", "text": TEXT_A, "title": "ignored"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "b", "text": TEXT_B}),
    ]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = parse(["quotes", str(src), "--out", str(out), "--quiet"])
    assert args.func(args) == 0
    assert f"{src}:2: skipped" in capsys.readouterr().err

    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", "b"]
    assert recs[1]["quotes"] == []
    qs = recs[0]["quotes"]
    for q in qs:  # every span is an honest offset into the input text
        for key in ("content", "speaker", "cue"):
            if q[key] is not None:
                s, e, t = q[key]
                assert TEXT_A[s:e] == t
        assert set(q) >= {"content", "speaker", "speaker_name", "cue", "direct"}
    direct = [q for q in qs if q["direct"]]
    assert len(direct) == 1 and direct[0]["content"][2].startswith("Our meetings today")
    assert direct[0]["speaker_name"] == "Rex Tillerson" and direct[0]["cue"][2] == "said"
    reported = [q for q in qs if not q["direct"]]
    assert reported and reported[0]["content"][2].startswith("the two nations")
    assert reported[0]["speaker_name"] == "Sergei Lavrov"


def test_missing_input_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse(["quotes", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl")])
    assert args.func(args) == 2
    assert "no such file" in capsys.readouterr().err

"""CSV tables of a stories document: the quote ledger, articles, entities, numbers, timeline, claims."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from newsweave.report.tables import TABLES, render_csv, table_rows

sys.path.insert(0, str(Path(__file__).parent))
from test_report import make_doc, with_facts  # noqa: E402


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_quote_ledger_table_has_one_row_per_wording_with_its_outlets() -> None:
    doc = make_doc()
    rows = _read(render_csv(doc, "quotes"))
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    wordings = [w for q in quake["quotes"] for w in q["wordings"]]
    quake_rows = [r for r in rows if r["story"] == "s-quake"]
    assert len(quake_rows) == len(wordings)
    first = quake_rows[0]
    assert first["headline"] == quake["headline"] and first["speaker"] == quake["quotes"][0]["speaker"]
    assert first["wording"] == wordings[0]["text"] and first["outlets"] == "; ".join(wordings[0]["outlets"])
    assert first["direct"] in ("True", "False") and first["other_event"] == "False"


def test_every_table_writes_a_header_and_rows_that_survive_a_csv_round_trip() -> None:
    doc = with_facts(make_doc())
    for table in TABLES:
        text = render_csv(doc, table)
        header = text.splitlines()[0].split(",")
        assert header[:2] == ["story", "headline"]
        assert _read(text) == [{k: str(v) for k, v in r.items()} for r in table_rows(doc, table)]
    claims = _read(render_csv(doc, "claims"))
    assert {r["kind"] for r in claims} >= {"corroborated", "one outlet", "conflict"}


def test_empty_documents_give_headers_and_unknown_tables_a_clear_error() -> None:
    for table in TABLES:
        assert render_csv({"stories": []}, table).startswith("story,headline,")
    with pytest.raises(ValueError, match="no table 'people': choose one of quotes"):
        render_csv({"stories": []}, "people")


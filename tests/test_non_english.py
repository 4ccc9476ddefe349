"""Articles not in English: what the English-only stages keep of them (issue 3). Texts written for these tests."""

from __future__ import annotations

from newsweave.records import Analysis, Article, Mention, Quote, Span
from newsweave.stages.facts import decimal_comma
from newsweave.stages.language import common_word
from newsweave.stages.numbers import numbers_in_text
from newsweave.stages.story import NOT_READ, english_only_restricted

FR = ("Un puissant séisme de magnitude 8,8 a frappé le centre du Chili samedi, faisant au moins 700 morts. "
      "« Nous faisons face à une catastrophe », a déclaré la présidente Michelle Bachelet "
      "à Paris le 03/04/2010.")  # fmt: skip


def test_common_words_are_not_names() -> None:
    assert common_word("Un", "fr", FR)
    assert common_word("Die Behörden", "de", "Die Behörden in Dresden.", sentence_start=True)
    assert not common_word("Paris", "fr", FR)  # a name in the French stop list, never written in lower case
    assert not common_word("El Gobierno de España", "es", "El Gobierno de España aprobó un plan.", sentence_start=True)
    assert not common_word("Michelle Bachelet", "fr", FR)
    assert not common_word("Un", None, FR)  # unknown language: nothing said
    assert not common_word("Un", "zh", FR)  # no stop list


def _fr() -> tuple[Article, Analysis]:
    a = Article(id="fr1", text=FR, title="Séisme au Chili", language="fr")
    said = FR.index("Michelle")
    an = Analysis(
        article_id="fr1",
        sentences=((0, FR.index("«") - 1), (FR.index("«"), len(FR))),
        mentions=(Mention(0, 2, "Un", "ORG"), Mention(said, said + 17, "Michelle Bachelet", "PERSON"),
                  Mention(FR.index("Paris"), FR.index("Paris") + 5, "Paris", "GPE"),
                  Mention(FR.index("03/04"), FR.index("03/04") + 10, "03/04/2010", "DATE")),  # fmt: skip
        quotes=(Quote(Span(FR.index("Nous"), FR.index(" »"), "Nous faisons face à une catastrophe")),
                Quote(Span(0, 20, FR[:20]), direct=False)),  # fmt: skip
    )
    return a, an


def test_non_english_analysis_restricted() -> None:
    a, an = _fr()
    out = english_only_restricted([a], {"fr1": an})["fr1"]
    assert [m.text for m in out.mentions] == ["Michelle Bachelet", "Paris", "03/04/2010"]
    assert out.mentions[-1].label == NOT_READ  # day/month order unknown to the English date parser
    assert [q.direct for q in out.quotes] == [True]  # the direct quote in « » kept, reported speech dropped


def test_english_and_unknown_untouched() -> None:
    a, an = _fr()
    analyses = {"fr1": an}
    for lang in ("en", None):
        assert english_only_restricted([Article(id="fr1", text=FR, language=lang)], analyses) is analyses


def test_decimal_comma() -> None:
    text = "Un séisme de magnitude 8,8 a fait 2 000 morts et 1.500 blessés, soit 35,5 % des habitants."
    numbers = numbers_in_text(text, [], [(0, len(text))])
    read = {n["text"]: n["value"] for n in decimal_comma(text, numbers, [(0, len(text))])}
    assert read["8,8"] == 8.8
    assert read["2 000"] == 2000
    assert read["1.500"] == 1500
    assert read["35,5"] == 35.5

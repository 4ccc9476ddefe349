"""The names the quote ledger shows for its speakers (``ledger_names.StoryNames``, ``entities.canonical_lookup``):
the story-level mapping read against the article's words. Sentences from the 961-article stream (run13)."""

from __future__ import annotations

from newsweave.records import Quote, Span
from newsweave.stages.entities import canonical_lookup
from newsweave.stages.ledger_names import StoryNames


def _quote(text: str, speaker: str, name: str, content: str, nth: int = 0) -> Quote:
    s = -1
    for _ in range(nth + 1):
        s = text.index(speaker, s + 1)
    c = text.index(content)
    return Quote(content=Span(c, c + len(content), content), speaker=Span(s, s + len(speaker), speaker),
                 speaker_name=name, cue=None, direct=True)  # fmt: skip


def _names(canon: dict[str, str], kind: dict[str, str]) -> StoryNames:
    return StoryNames(canon, canonical_lookup(canon), kind)


GIGANTE = {"Vincent Gigante": "Vincent L. Gigante", "Vincent L. Gigante": "Vincent L. Gigante",
           "Vincent": "Vincent L. Gigante", "Chin": "Vincent L. Gigante", "Gigante": "Vincent L. Gigante",
           "Louis Gigante": "Louis Gigante", "Louis": "Louis Gigante"}  # fmt: skip
GIGANTE_KIND = {"Vincent L. Gigante": "PERSON", "Louis Gigante": "PERSON"}
VINCENT_ARTICLE = (
    'Vincent "The Chin" Gigante, the powerful mob boss who feigned mental illness, died Monday in prison. After '
    "nearly a quarter - century of public craziness, Gigante calmly pleaded guilty to obstruction of justice. "
    'He then chatted amiably with his son. "God bless you, " he told the judge. Relatives, led by Rev. Louis '
    "Gigante, his priest brother, filled three rows at the 1997 trial."
)


def test_a_relative_named_only_after_the_quote_does_not_take_the_surname() -> None:
    # the extractor gave "he" the article's only full name with "Gigante", the brother named further on
    q = _quote(VINCENT_ARTICLE, "he told", "Louis Gigante", "God bless you")
    q = Quote(q.content, Span(q.speaker.start, q.speaker.start + 2, "he"), q.speaker_name)  # type: ignore[union-attr]
    assert _names(GIGANTE, GIGANTE_KIND).speaker(q, VINCENT_ARTICLE) == "Vincent L. Gigante"


def test_a_relative_the_speaker_span_names_keeps_the_name() -> None:
    text = 'The Rev. Louis Gigante, a Roman Catholic priest, said "my brother is sick."'
    q = _quote(text, "Louis Gigante", "Louis Gigante", "my brother is sick.")
    assert _names(GIGANTE, GIGANTE_KIND).speaker(q, text) == "Louis Gigante"


def test_a_relative_named_before_the_quote_keeps_the_name() -> None:
    text = 'Relatives, led by Rev. Louis Gigante, filled three rows. "He is sick," he said.'
    q = _quote(text, "he said", "Louis Gigante", "He is sick,")
    q = Quote(q.content, Span(q.speaker.start, q.speaker.start + 2, "he"), q.speaker_name)  # type: ignore[union-attr]
    assert _names(GIGANTE, GIGANTE_KIND).speaker(q, text) == "Louis Gigante"


def test_one_person_written_two_ways_is_no_shared_surname() -> None:
    canon = {"Jon Owen": "Jon Owen", "John Owen": "John Owen", "Owen": "Jon Owen"}
    names = _names(canon, {"Jon Owen": "PERSON", "John Owen": "PERSON"})
    assert "Owen" not in names.shared


def test_a_title_before_a_name_is_that_name() -> None:
    text = ("The German Chancellor, Angela Merkel, fighting accusations of holding up the bailout, said today that "
            "the Greek crisis underlined the need for an overhaul of the EU's fiscal rules")  # fmt: skip
    q = _quote(text, "Chancellor", "Chancellor", "the Greek crisis underlined")
    names = _names({"Angela Merkel": "Angela Merkel", "Merkel": "Angela Merkel"}, {"Angela Merkel": "PERSON"})
    assert names.speaker(q, text) == "Angela Merkel"


def test_a_title_alone_is_no_name() -> None:
    text = ("Filmmaker says he cannot commit to production schedule for 'Catching Fire' Hunger Games director Gary "
            "Ross will not helm the adaptation of Catching Fire")  # fmt: skip
    q = _quote(text, "Filmmaker", "Filmmaker", "he cannot commit")
    assert _names({"Filmmaker": "Filmmaker"}, {"Filmmaker": "PERSON"}).speaker(q, text) is None


def test_a_surname_that_is_also_a_word_stays_a_name() -> None:
    text = ('"I am so sorry that the gun I shot is the gun," King provided an explanation. The Watergate tapes '
            "captured White House chief of staff H.R. Haldeman telling Nixon that Felt was the source.")  # fmt: skip
    names = _names({"King": "King", "Haldeman": "Haldeman"}, {"Haldeman": "PERSON"})
    assert names.speaker(_quote(text, "King", "King", "I am so sorry"), text) == "King"
    assert names.speaker(_quote(text, "Haldeman", "Haldeman", "Felt was the source"), text) == "Haldeman"


def test_an_organisation_cut_before_for_gets_its_whole_name() -> None:
    text = ("The US Agency for International Development is dispatching a disaster assistance response team to "
            "Haiti and commented that it will continue to provide additional support as needed.")  # fmt: skip
    q = _quote(text, "US Agency", "US Agency", "it will continue")
    names = _names({"US Agency": "US Agency", "International Development": "International Development"},
                   {"US Agency": "ORG", "International Development": "ORG"})  # fmt: skip
    assert names.speaker(q, text) == "US Agency for International Development"


def test_lookup_keeps_two_names_and_titles_apart() -> None:
    lookup = canonical_lookup({"M.C.": "M.C.", "Foreign Ministry": "Foreign Ministry", "Tony Blair": "Tony Blair",
                               "Albany County District": "Albany County District"})  # fmt: skip
    assert lookup("Mark and Condon") == "Mark and Condon"
    assert lookup("Foreign Minister") == "Foreign Minister"
    assert lookup("Albany County District Attorney") == "Albany County District Attorney"
    assert lookup("Prime Minister of the United Kingdom Tony Blair") == "Tony Blair"


def test_a_surname_is_no_part_of_another_double_surname() -> None:
    text = 'Adam "Pacman" Jones says the herniated disk in his neck that forced him to miss games has healed.'
    q = _quote(text, "Jones", "Jones", "the herniated disk")
    names = _names({"Maurice Jones-Drew": "Maurice Jones-Drew", "Jones": "Maurice Jones-Drew"},
                   {"Maurice Jones-Drew": "PERSON"})  # fmt: skip
    assert names.speaker(q, text) == "Jones"


def test_an_organisation_takes_no_day_after_on() -> None:
    # the held-out listing of E's round showed "Interior Department on Thursday" as a speaker's name
    text = "The Interior Department on Thursday said it will review the rule."
    q = _quote(text, "Interior Department", "Interior Department", "it will review")
    names = _names({"Interior Department": "Interior Department"}, {"Interior Department": "ORG"})
    assert names.speaker(q, text) == "Interior Department"

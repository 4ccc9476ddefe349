"""Ledger precision, round 4 (sentences of the 961-article stream): a speaker named in their own reported words is
the wrong one, reported content that opens on a verb lost its subject, a headline is nobody's words, and "as" before
a clause is no description."""

from __future__ import annotations

import re

from newsweave.records import Quote, Span
from newsweave.stages.ledger import build_ledger


def _quote(text: str, content: str, speaker: str, cue: str, name: str | None) -> Quote:
    m = re.search(rf"\b{re.escape(speaker)}\b", text)
    assert m is not None
    c, s, k = text.index(content), m.start(), text.index(cue)
    return Quote(content=Span(c, c + len(content), content), speaker=Span(s, s + len(speaker), speaker),
                 speaker_name=name, cue=Span(k, k + len(cue), cue), direct=False)  # fmt: skip


def _listed(text: str, content: str, speaker: str, cue: str, name: str | None = None) -> list[dict]:
    return build_ledger([("a1", "AP", text, _quote(text, content, speaker, cue, name))])


def test_a_pronoun_before_reported_speech_is_not_the_person_it_names() -> None:
    text = ("He remained an ardent defender of Nixon, speaking out as recently as last year to assail Magruder's "
            "assertions in a PBS program that the president ordered the illegal entry.")  # fmt: skip
    assert _listed(text, "Magruder's assertions in a PBS program", "He", "assail", "Jeb Stuart Magruder") == []
    text = "A family friend, Kevin Blacks, 33, said he was not surprised. He said he had spoken to Mr. Gray’s parents."
    assert _listed(text, "he had spoken to Mr. Gray’s parents", "He", "said", "Kimani Gray") == []


def test_a_pronoun_after_reported_speech_may_name_its_speaker_in_it() -> None:
    text = "Kelly's group does not manage any of the optical spy satellites, he said."
    (entry,) = _listed(text, "Kelly's group does not manage any of the optical spy satellites", "he", "said",
                       "Mike Kelly")  # fmt: skip
    assert entry["speaker"] == "Mike Kelly"


def test_someones_spokesman_is_not_that_someone() -> None:
    content = "Esther Williams, a swimming champion turned film star, died on Thursday in Beverly Hills at 91"
    text = content + ", her spokesman said."
    (entry,) = _listed(text, content, "her spokesman", "said", "Esther Williams")
    assert entry["speaker"] is None and entry["speaker_description"] == "her spokesman"


def test_reported_content_opening_on_a_verb_lost_its_subject() -> None:
    text = "The rules announced Thursday would allow federal agencies to bypass those scientists in some cases."
    assert _listed(text, "would allow federal agencies to bypass those scientists in some cases", "The rules",
                   "announced") == []  # fmt: skip
    text = "which officials said were the bulk of nearly 235,000 public comments on the change."
    assert _listed(text, "were the bulk of nearly 235,000 public comments on the change", "officials", "said") == []
    text = "McDermott admitted had Creighton remained in the Missouri Valley it might have made it easier to turn pro."
    content = "had Creighton remained in the Missouri Valley it might have made it easier to turn pro"
    (entry,) = _listed(text, content, "McDermott", "admitted", "Doug McDermott")  # a conditional's inversion
    assert entry["speaker"] == "Doug McDermott"


def test_a_subject_left_between_the_cue_and_the_content_goes_with_the_content() -> None:
    text = "Centre - left daily Eleftherotypia warned young Greeks would rise up if nothing was done to give them hope."
    (entry,) = _listed(text, "would rise up if nothing was done to give them hope", "Eleftherotypia", "warned",
                       "Eleftherotypia")  # fmt: skip
    assert entry["wordings"][0]["text"] == "young Greeks would rise up if nothing was done to give them hope"
    text = 'said Jackman, 40, star of the epic "Australia," will host the televised ceremony for the first time.'
    assert _listed(text, "will host the televised ceremony for the first time", "Jackman", "said", "Hugh Jackman") == []


def test_a_headline_is_not_what_police_said() -> None:
    text = ("Driver Charged With DWI, Vehicular Manslaughter A 59 - year - old mother of two died when a drunken "
            "driver struck her with his car and then drove off, police said.")  # fmt: skip
    assert _listed(text, "Driver Charged With DWI, Vehicular Manslaughter", "police", "said") == []


def test_as_before_a_clause_is_no_description() -> None:
    content = "a chaotic scene immediately after the shooting as workers barricaded themselves in their cubicles"
    text = f"Officers and witnesses described {content}."
    assert _listed(text, content, "Officers and witnesses", "described") == []
    content = "the hectic scene on May 29 as she lay her daughter, Kathina Thomas, on the sidewalk while she bled"
    text = f"McAllister described to jurors {content}."
    assert _listed(text, content, "McAllister", "described", "Shondell McAllister") == []  # "May" is no "may"
    text = "Law - enforcement agents described his behavior as a staged performance calculated to evade prosecution."
    (entry,) = _listed(text, "his behavior as a staged performance calculated to evade prosecution",
                       "Law - enforcement agents", "described")  # fmt: skip
    assert entry["speaker_description"] == "Law - enforcement agents"


def _direct(text: str, content: str, speaker: str, name: str | None, cue: str = "said") -> Quote:
    q = _quote(text, content, speaker, cue, name)
    return Quote(content=q.content, speaker=q.speaker, speaker_name=name, cue=q.cue, direct=True)


def test_he_after_an_unnamed_speaker_is_that_speaker() -> None:
    text = ('European Union President Herman Van Rompuy said in Brussels. "Several crucial minutes were lost," the '
            'official said, visibly upset. He asked not to be identified pending an announcement.')  # fmt: skip
    first = _direct(text, "Several crucial minutes were lost,", "the official", None)
    asked = _quote(text, "not to be identified pending an announcement", "He", "asked", "Herman Van Rompuy")
    ledger = build_ledger([("a1", "AP", text, first), ("a1", "AP", text, asked)])
    assert {e["speaker_description"] for e in ledger} == {"the official"} and {e["speaker"] for e in ledger} == {None}


def test_he_after_a_group_or_a_thing_keeps_its_name() -> None:
    text = ("Anthony Phillip LaSalle, 36, was pulled over a few blocks away, where police say he was uncooperative. "
            "Later he said he had been drinking at a bar in Bloomington all afternoon.")  # fmt: skip
    first = _quote(text, "he was uncooperative", "police", "say", None)
    later = _quote(text, "he had been drinking at a bar in Bloomington all afternoon", "he", "said",
                   "Anthony Phillip LaSalle")  # fmt: skip
    speakers = {e["speaker"] for e in build_ledger([("a1", "AP", text, first), ("a1", "AP", text, later)])}
    assert "Anthony Phillip LaSalle" in speakers


def test_a_protest_against_a_noun_phrase_is_a_march() -> None:
    text = "More than 10,000 people protest the conservative Government's economic policies in a general strike."
    assert _listed(text, "the conservative Government's economic policies in a general strike",
                   "More than 10,000 people", "protest") == []  # fmt: skip
    text = "The lawyers protested that the ruling ignored the evidence heard at trial."
    (entry,) = _listed(text, "that the ruling ignored the evidence heard at trial", "The lawyers", "protested")
    assert entry["speaker_description"] == "The lawyers"

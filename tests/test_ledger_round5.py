"""Ledger precision, round 5 (sentences of the 961-article stream): the ledger lists the speaker's words, not the
writer's text a quote's span ran over: a line glued to reported content, the writer's sentence before a quote closed
right before its attribution, and the parts of a direct quote that stand in the writer's next sentence."""

from __future__ import annotations

import re

from newsweave.records import Quote, Span
from newsweave.stages.ledger import build_ledger


def _span(text: str, part: str, after: int = 0) -> Span:
    i = text.index(part, after)
    return Span(i, i + len(part), part)


def _speaker(text: str, speaker: str, content: Span) -> Span:
    """The first whole-word ``speaker`` outside the content."""
    m = next(m for m in re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", text)
             if not content.start <= m.start() < content.end)  # fmt: skip
    return Span(m.start(), m.end(), speaker)


def _reported(text: str, content: str, speaker: str, cue: str, name: str | None = None) -> list[dict]:
    c = _span(text, content)
    s = _speaker(text, speaker, c)
    q = Quote(content=c, speaker=s, speaker_name=name, cue=_span(text, cue, max(0, s.start - 20)), direct=False)
    return build_ledger([("a1", "AP", text, q)])


def _direct(text: str, parts: list[str], speaker: str, cue: str, name: str | None) -> list[dict]:
    spans = [_span(text, p) for p in parts]
    content = Span(spans[0].start, spans[-1].end, text[spans[0].start : spans[-1].end])
    q = Quote(content=content, speaker=_span(text, speaker), speaker_name=name, cue=_span(text, cue), direct=True,
              parts=tuple(spans) if len(spans) > 1 else ())  # fmt: skip
    return build_ledger([("a1", "AP", text, q)])


def _wording(entries: list[dict]) -> str:
    (entry,) = entries
    return " ".join(entry["wordings"][0]["text"].split())


def test_a_line_glued_before_reported_content_is_cut_off() -> None:
    text = ("he admitted to a court that his behaviour had been a ruse to stay out of prison. Heart disease He died "
            "in a medical prison in Springfield, Missouri, on Monday morning, said a spokesman for the facility.")
    content = "Heart disease He died in a medical prison in Springfield, Missouri, on Monday morning"
    entries = _reported(text, content, "a spokesman", "said")
    assert _wording(entries) == "He died in a medical prison in Springfield, Missouri, on Monday morning"
    assert entries[0]["speaker_description"] == "a spokesman"


def test_a_line_glued_after_reported_content_is_cut_off() -> None:
    text = ("When police approached to speak with the young man, cops say he turned on them and aimed a revolver at "
            "them An orderly protest over the death of an armed 16 - year - old turned into a riot in Brooklyn.")
    content = text[text.index("he turned") : -1]
    assert _wording(_reported(text, content, "cops", "say")) == "he turned on them and aimed a revolver at them"


def test_reported_content_left_without_a_clause_by_a_glued_line_is_no_entry() -> None:
    text = ("Creamery lacks the cheddar At the start of the month, Valley Dairy Inc., which does business as the "
            "Matanuska Creamery, told the Agriculture Board it was stopping payments.")  # fmt: skip
    assert _reported(text, "Creamery lacks the cheddar At the start of the month", "Valley Dairy Inc.", "told",
                     "Valley Dairy Inc.") == []  # fmt: skip


def test_a_title_in_capitals_after_a_word_is_no_glued_line() -> None:
    text = ("According to THR, major sticking points are salary and schedule, with The Hunger Games set to begin "
            "filming in August.")  # fmt: skip
    content = "major sticking points are salary and schedule, with The Hunger Games set to begin filming in August"
    assert _wording(_reported(text, content, "THR", "According to", "THR")) == content


def test_a_quote_glued_to_the_writers_sentence_before_its_attribution_is_the_speakers_words() -> None:
    text = ("In the afternoon sun, only charred rubble remained “ And it’s, of course, as you can see, a total loss, ” "
            "Palmer Public Safety Director Jon Owen said at the site.")  # fmt: skip
    content = "In the afternoon sun, only charred rubble remained “ And it’s, of course, as you can see, a total loss"
    (entry,) = _reported(text, content, "Jon Owen", "said", "Jon Owen")
    assert entry["direct"] and entry["speaker"] == "Jon Owen"
    assert entry["wordings"][0]["text"] == "And it’s, of course, as you can see, a total loss"


def test_the_writers_sentence_naming_the_speaker_around_a_phrase_of_theirs_is_no_entry() -> None:
    text = ("President Barack Obama nominated Regina Benjamin, 52, as the country's new surgeon general, the \"leading "
            "spokesperson on issues of public health, \"Obama said.")  # fmt: skip
    content = text[: text.index(", \"Obama")]
    assert _reported(text, content, "Obama", "said", "Barack Obama") == []


def test_a_lead_in_that_reports_the_speaker_without_naming_them_stays_theirs() -> None:
    text = "He surrendered \"peacefully and without incident, \"Pickell said. Upon arrest, police seized a shotgun."
    content = "He surrendered \"peacefully and without incident"
    assert _wording(_reported(text, content, "Pickell", "said", "Robert J. Pickell")) == content
    text = ("In one video, Kimani is clad in a red Adidas hoodie and goes by the nickname “ Shapow, ” the source said.")
    content = "In one video, Kimani is clad in a red Adidas hoodie and goes by the nickname “ Shapow"
    assert _wording(_reported(text, content, "the source", "said")) == content  # a name in quote marks


def test_a_part_in_the_writers_next_sentence_is_not_the_speakers() -> None:
    first = ("The looney tunes act served Gigante well - it kept him out of prison for 30 years - but in the end he "
             "was the victim of his own crazy act")  # fmt: skip
    text = (f"\"{first}, \"said Jerry Capeci, a Mafia expert and author of six books on organized crime. For the man "
            "described by The New York Times Magazine as \"the last great Mafioso of the century, \" his admission "
            "was the final act in a 50 - year career.")  # fmt: skip
    entries = _direct(text, [first, "the last great Mafioso of the century"], "Jerry Capeci", "said", "Jerry Capeci")
    assert _wording(entries) == first


def test_a_part_after_the_speakers_pronoun_stays_theirs() -> None:
    first = "I completely understand the Greek population's anger"
    second = "the situation would be infinitely more serious."
    text = (f"\"{first}, \"Strauss - Kahn said. But, he said, Greeks must also understand that without these measures "
            f"\"{second}\" The draft bill is to be voted on Thursday.")  # fmt: skip
    entries = _direct(text, [first, second], "Strauss - Kahn", "said", "Dominique Strauss-Kahn")
    assert _wording(entries) == f"{first} … {second}"


def test_a_phrase_left_of_a_direct_quote_is_no_entry() -> None:
    text = ("A ceremony on City Hall Plaza was canceled, \"by Chinese officials\" according to Paris' mayor "
            "Bertrand Delanoë. A banner with \"Paris defends human rights around the world\" was installed.")
    parts = ["by Chinese officials", "Paris defends human rights around the world"]
    assert _direct(text, parts, "Bertrand Delanoë", "according to", "Bertrand Delanoë") == []


def test_what_someone_learns_decides_or_is_aware_of_is_no_statement() -> None:
    text = "Lynch also learned that one of Teixeira's hometown teams, the Washington Nationals, has made a huge offer."
    content = "that one of Teixeira's hometown teams, the Washington Nationals, has made a huge offer"
    assert _reported(text, content, "Lynch", "learned", "Mike Lynch") == []
    text = "but Zhang decided that she was too old to take part in the ceremony."
    assert _reported(text, "that she was too old to take part in the ceremony", "Zhang", "decided", "Zhang Yimou") == []
    text = "The IOC requires that athletes and the press all should be able to get from venue to venue without hassle."
    content = "that athletes and the press all should be able to get from venue to venue without hassle"
    assert _reported(text, content, "The IOC", "requires", "International Olympic Committee") == []


def test_what_someone_told_or_pointed_out_stays() -> None:
    text = "Mark Jay Heller told a judge that Lohan was settling in at Morningside Recovery, a treatment facility."
    content = "that Lohan was settling in at Morningside Recovery, a treatment facility"
    assert _wording(_reported(text, content, "Mark Jay Heller", "told", "Mark Jay Heller")) == content
    text = ("Protesters have pointed out similarities to the case of another 15-year-old, who was killed by an officer "
            "during a demonstration in 1985.")  # fmt: skip
    content = "similarities to the case of another 15-year-old, who was killed by an officer during a demonstration"
    assert _wording(_reported(text, content, "Protesters", "pointed")) == content


def test_pointing_a_gun_and_there_being_no_doubt_are_no_statements() -> None:
    text = "She pointed the gun at two unarmed security guards and ordered them to let her back in the building."
    assert _reported(text, "the gun at two unarmed security guards", "She", "pointed", "Yvonne Hiller") == []
    text = "but there is no doubt that what sets this young man apart is the intensity with which he plays, Ford said."
    content = "that what sets this young man apart is the intensity with which he plays"
    assert _reported(text, content, "there", "doubt", "Phil Ford") == []


def _two(text: str, first: Quote, second: Quote) -> list[dict]:
    return build_ledger([("a1", "AP", text, first), ("a1", "AP", text, second)])


def _said(text: str, content: str, speaker: str, cue: str, name: str | None, direct: bool) -> Quote:
    c = _span(text, content)
    s = _speaker(text, speaker, c)
    return Quote(content=c, speaker=s, speaker_name=name, cue=_span(text, cue, max(0, s.start - 20)), direct=direct)


def test_an_unresolved_pronoun_of_a_direct_quote_stands_for_the_last_speaker_named_before_it() -> None:
    text = ("Kyrtsos said the violent demonstrations revealed widespread public discontent. Kyrtsos, a "
            "conservative, was highly critical of the government's handling of the protests. \"This is the only "
            "government I remember that has managed to alienate both the rebellious youth and the law-and-order "
            "crowd,\" he said.")
    first = _said(text, "the violent demonstrations revealed widespread public discontent", "Kyrtsos", "said",
                  "Giorgos Kyrtsos", False)  # fmt: skip
    content = "This is the only government I remember that has managed to alienate both the rebellious youth and the " \
              "law-and-order crowd"  # fmt: skip
    second = _said(text, content, "he", "said", None, True)
    assert {e["speaker"] for e in _two(text, first, second)} == {"Giorgos Kyrtsos"}


def test_an_unresolved_pronoun_after_a_sentence_about_someone_else_stays_nobodys() -> None:
    text = ("\"The Church has not faced its past,\" Goldstein added. The pope seemed indirectly to address some of the "
            "questions that the beatification has raised. \"Blessed Alojzije Stepinac did not shed his blood in the "
            "strict sense of the word,\" he said.")  # fmt: skip
    first = _said(text, "The Church has not faced its past", "Goldstein", "added", "Ivo Goldstein", True)
    content = "Blessed Alojzije Stepinac did not shed his blood in the strict sense of the word"
    second = _said(text, content, "he", "said", None, True)
    entries = _two(text, first, second)
    assert [e["speaker"] for e in entries if "Stepinac" in e["wordings"][0]["text"]] == [None]


def test_he_is_not_a_group_and_it_is_not_a_person() -> None:
    text = ("But operators intend to do what they can. One precaution will be to turn the satellites. \"During the "
            "shower most operators will slue their satellites around,\" he said.")  # fmt: skip
    first = _said(text, "to do what they can", "operators", "intend", None, False)
    second = _said(text, "During the shower most operators will slue their satellites around", "he", "said", None, True)
    assert [e["speaker_description"] for e in _two(text, first, second)] == [None]


def test_a_short_phrase_the_writers_sentence_runs_into_is_no_entry_of_its_own() -> None:
    text = ("\"Greece is a unique and particular case in the EU\" because of its \"precarious debt dynamics\" and "
            "because it \"has cheated with its statistics,\" EU Commissioner Olli Rehn said.")
    q = Quote(content=_span(text, "precarious debt dynamics"), speaker=_span(text, "Olli Rehn"),
              speaker_name="Olli Rehn", cue=_span(text, "said"), direct=True)  # fmt: skip
    assert build_ledger([("a1", "AP", text, q)]) == []


def test_a_short_chant_or_a_short_quote_after_a_cue_stays() -> None:
    text = "The protesters chanted \"murderers out\" outside the police station where the officer was based."
    q = Quote(content=_span(text, "murderers out"), speaker=_span(text, "The protesters"), cue=_span(text, "chanted"),
              direct=True)  # fmt: skip
    assert _wording(build_ledger([("a1", "AP", text, q)])) == "murderers out"


def test_a_wording_joins_the_entry_whose_wording_is_closest() -> None:
    # longer wordings come first: Reuters' longer statement opens an entry, The National's wording (no join with it)
    # another; the Inquirer's wording states both, and goes with the one it nearly repeats
    texts = {
        "reuters": "Police said two women and one man, between 30 and 40 years old, working for a Marfin bank branch "
                   "choked on smoke after protesters broke the windows of a commercial building on central Stadiou "
                   "Avenue and tossed in Molotov cocktails.",
        "national": "Police said two women and one man died at a branch of the Marfin bank which caught fire after "
                    "hooded youths broke a window and hurled petrol bombs inside.",
        "inquirer": "Police said two women and one man died at a branch of the Marfin bank which caught fire after "
                    "rioters broke a window and threw Molotov cocktails inside.",
    }  # fmt: skip
    items = []
    for outlet, text in texts.items():
        c = Span(len("Police said "), len(text) - 1, text[len("Police said ") : -1])
        q = Quote(content=c, speaker=_span(text, "Police"), speaker_name=None, cue=_span(text, "said"), direct=False)
        items.append((outlet, outlet, text, q))
    entries = build_ledger(items)
    together = [sorted(o for w in e["wordings"] for o in w["outlets"]) for e in entries]
    assert ["inquirer", "national"] in together, together


def test_the_diff_is_drawn_against_the_closest_wording_of_comparable_length() -> None:
    # three outlets, one article each: the diff reads Reuters' full statement against ABC's, not the looser wording
    # that merely comes first
    texts = {
        "a1": '"We are all deeply shocked by the unjust death of three of our citizens - citizens that were victims '
              'of a raw, murderous act," Papandreou said.',
        "a2": 'Papandreou said the nation was deeply shocked by the death of three citizens in a murderous act.',
        "a3": '"We are deeply shocked by the unjust death of these three people, our fellow citizens, who were '
              'victims of a murderous act," Papandreou said.',
    }  # fmt: skip
    items = []
    for art, text in texts.items():
        direct = text.startswith('"')
        if direct:
            c = Span(1, text.index(',"'), text[1 : text.index(',"')])
        else:
            start = text.index("said ") + 5
            c = Span(start, len(text) - 1, text[start:-1])
        q = Quote(content=c, speaker=_span(text, "Papandreou"), speaker_name="George Papandreou",
                  cue=_span(text, "said"), direct=direct)  # fmt: skip
        items.append((art, art, text, q))
    (entry,) = build_ledger(items)
    assert [w["outlets"] for w in entry["wordings"]][:2] == [["a1"], ["a3"]], entry["wordings"]


PAYTON = ("New Orleans picked up DeShawn Wynn on Monday and on Wednesday, signed Joique Bell to replace Thomas “ With "
          "Pierre, last week during practice he had a setback, ” head coach Sean Payton said. “ We got to that point "
          "in discussing it with him. But the setback was substantial.")  # fmt: skip


def _payton_items(reported: str) -> list[tuple[str, str | None, str, Quote]]:
    direct_parts = [_span(PAYTON, "With Pierre, last week during practice he had a setback"),
                    _span(PAYTON, "We got to that point in discussing it with him. But the setback was substantial.")]
    direct = Quote(content=Span(direct_parts[0].start, direct_parts[1].end, ""), speaker=_span(PAYTON, "Sean Payton"),
                   speaker_name="Sean Payton", cue=_span(PAYTON, "said"), direct=True, parts=tuple(direct_parts))
    glued = Quote(content=_span(PAYTON, reported), speaker=_span(PAYTON, "Sean Payton"), speaker_name="Sean Payton",
                  cue=_span(PAYTON, "said"), direct=False)  # fmt: skip
    return [("a1", "AP", PAYTON, glued), ("a1", "AP", PAYTON, direct)]


def test_reported_speech_glued_to_a_direct_quotes_opening_is_no_statement() -> None:
    glued = PAYTON[: PAYTON.index(" head coach")]
    wordings = [w["text"] for e in build_ledger(_payton_items(glued)) for w in e["wordings"]]
    assert wordings and not any("DeShawn" in w for w in wordings), wordings


def test_reported_speech_that_introduces_a_quote_with_a_colon_stays() -> None:
    text = ('In an interview in October, Reid told People she was a " social drinker" who is no longer tempted to fall '
            'back into her old habits: "No. I \'ve done it. Trust me. I \'ve done enough for a lifetime," she said.')
    reported = _span(text, 'she was a " social drinker" who is no longer tempted to fall back into her old '
                           "habits: \"No. I 've done it")  # fmt: skip
    quoted = _span(text, "No. I 've done it. Trust me. I 've done enough for a lifetime,")
    items = [("a1", "AP", text, Quote(content=reported, speaker=_span(text, "Reid"), speaker_name="Tara Reid",
                                      cue=_span(text, "told"), direct=False)),
             ("a1", "AP", text, Quote(content=quoted, speaker=_span(text, "she said"), speaker_name="Tara Reid",
                                      cue=_span(text, "said"), direct=True))]  # fmt: skip
    assert any(not e["direct"] or len(e["wordings"]) > 1 for e in build_ledger(items))


def test_a_second_speakers_quote_is_cut_from_the_first_ones() -> None:
    """The stream's Cumbria story: one quote over two speakers' words, its speaker between the parts while the first
    part has a lead-in of its own; the ledger lists this speaker's part only."""
    text = ('A police spokesman said: "We do not suspect anyone else to be involved. " Detective Chief Inspector Paul '
            'Duhig said: "Events such as these are rare in Cumbria. We are doing all we can to bring the offender to '
            'justice. "')  # fmt: skip
    entries = _direct(text, ["We do not suspect anyone else to be involved.",
                             "Events such as these are rare in Cumbria. We are doing all we can to bring the offender "
                             "to justice."], "Paul Duhig", "said:", "Paul Duhig")  # fmt: skip
    assert _wording(entries) == "Events such as these are rare in Cumbria. We are doing all we can to bring the " \
                                "offender to justice."  # fmt: skip

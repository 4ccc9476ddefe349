"""Who said it: the names pronouns and descriptions resolve to (issue 5; sentences from the 961-article stream)."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.stages.quotes import extract_quotes

from . import test_quotes

nlp = test_quotes.nlp  # (the spaCy fixture)

CASES = {
    # 'her spokesman' is not the woman 'her' stands for
    "owned role noun": (
        'Esther Williams, whose experiences as a young swimming champion led to a career of Hollywood "aqua-musicals"'
        " designed just for her, died on Thursday in Beverly Hills, California, at the age of 91, her spokesman said.",
        "died on Thursday", "her spokesman", None,
    ),
    # a name in apposition to the subject ranks as the subject: the pronoun's antecedent, not Williams
    "apposition to the subject": (
        "Williams is an 11-year veteran and recipient of the Chargers' Most Valuable Player Award this season. "
        "According to the City Attorney's office, Williams' case had not been submitted as of Tuesday. "
        "The team's general manager, A.J. Smith said that \"we'll continue to monitor the situation.\" "
        'He went on to say, "the Chargers have always been leaders and positive contributors to our community."',
        "always been leaders", "He", "A.J. Smith",
    ),
    # an unnamed source ('a relative') after the last name: the pronoun is that source, no name
    "unnamed source": (
        "Jenkin, who is unemployed, spent much of his time on his computer and listening to music. "
        "According to a relative, he had suffered mental health problems for some time. "
        "'He's had a very dark past, but I don't want people to think he is some kind of monster, "
        "I just feel sorry for him,' she said.",
        "very dark past", "she", None,
    ),
    # a role noun as the subject before: the pronoun is its holder, not the last place or person named
    "role noun subject": (
        "Pope John Paul II celebrated Mass in Split on Sunday. "
        "Split was untouched by the fighting, but Zadar, Sibenik and Dubrovnik along the Dalmatian Coast were "
        "heavily damaged. Dubrovnik suffered damage to some of its art and cultural treasures. "
        "The pope mentioned this in his homily. "
        "``The eye of man can no longer rejoice in them,'' he said of losses to architectural masterpieces.",
        "eye of man", "he", "John Paul II",
    ),
    # guard: 'the director' is Weitz, named before; the pronoun keeps him
    "role noun subject is the named man": (
        "Chris Weitz has not helmed a girl-oriented project before. Still, the director was taking few chances. "
        '"I promise to remain responsive to your hopes and fears," he wrote in his own letter to fans Saturday.',
        "remain responsive", "he", "Chris Weitz",
    ),
    # a surname the tagger left untagged as the subject ('Page avoided ...') is an antecedent, not the actress
    "untagged surname subject": (
        "Ms Page had been admitted to hospital originally for treatment for pneumonia. "
        "Her image appeared on magazine covers, playing cards, wallpaper and comic books in the 1990s. "
        "In later years, she lived in California and collected royalties from her work as a model. "
        'In 2005, Time Warner Inc. and HBO Films released "The Notorious Bettie Page," a feature film starring '
        "Gretchen Mol as Page. Page avoided the camera lens after her modeling years, though she was photographed "
        "with Hefner at Playboy's 50th anniversary celebration in 2003. "
        '"I want people to remember me as I was," she said in a Playboy interview in 1998.',
        "remember me as I was", "she", "Page",
    ),
    # a trade noun the tagger takes for a name ('Filmmaker and aviator Howard Hughes') is no antecedent
    "trade noun tagged as a name": (
        "Born in 1923 in Nashville, Tennessee, Bettie Mae Page was one of six children from an impoverished family. "
        "A screen test at 20th Century Fox went badly, with a producer offering her a break in return for sexual "
        "favors -- she refused. Filmmaker and aviator Howard Hughes also doggedly pursued Page but she rebuffed him "
        'as well. "I never returned any of his calls," she once said.',
        "never returned", "she", "Page",
    ),
    # a name the article writes as a place's ('the city of Bandar Abbas') is no role's holder
    "place named like a person": (
        "A powerful earthquake has hit southern Iran, destroying several villages and killing at least three people. "
        "The 5.9 - magnitude quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas, state "
        "media said. The governor of Qeshm island told the AFP news agency four villages had been destroyed and three "
        "people killed.",
        "four villages", "The governor of Qeshm island", None,
    ),
    # "a" before a possessor makes the role noun indefinite: 'A Sam's Club spokesperson' is no one named before
    "indefinite before a possessor": (
        'Police arrested LaSalle for drunk driving. According to his police record, this is his second DWI and he '
        "uses the alias \"Crazy T\" . Investigators say Sam's Club is looking over its surveillance tape. A Sam's "
        "Club spokesperson said this is a terrible tragedy and their hearts and thoughts are with the woman's family.",
        "terrible tragedy", "A Sam's Club spokesperson", None,
    ),
    # a 'he' that is the main verb's subject continues the chain: not the reporter who is the subject of the clause
    # under it ('helped reporters Bob Woodward and Carl Bernstein pursue the story')
    "main subject over an embedded one": (
        "As the associate director of the FBI, Mr Felt was outraged by the Nixon administration's attempts to block "
        "its investigation of the Watergate scandal which ultimately led to the resignation of President Richard "
        "Nixon in 1974. A master of counter-intelligence from his days tracking German WWII spies, he secretly helped "
        "Washington Post reporters Bob Woodward and Carl Bernstein pursue the story. It was thirty four years before "
        "he finally broke cover, admitting in 2006: \"I 'm the guy they used to call Deep Throat.\"",
        "the guy they used to call", "he", "Felt",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_pronoun_or_description_resolves_to_the_person_the_text_means(nlp: Any, case: str) -> None:
    text, words, span, name = CASES[case]
    found = [q for q in extract_quotes(nlp(text)) if words in text[q.content.start : q.content.end]]
    assert found, f"no quote with {words!r}"
    q = found[0]
    assert q.speaker is not None and q.speaker.text == span
    assert q.speaker_name == name

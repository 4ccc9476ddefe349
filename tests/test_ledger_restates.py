"""Ledger grouping (issue 5): a named speaker's short wording that restates their longer quote joins its entry
(sentences of the 961-article stream: two outlets' accounts of one fire marshal's words)."""

from __future__ import annotations

from newsweave.records import Quote, Span
from newsweave.stages.ledger import build_ledger

LONG = ("“ The Palmer fire chief and the Palmer police arrived within a minute or two. The fire chief drove around the "
        "perimeter of this nine acre city block and saw fire coming out from under the eaves of this building. Within "
        "a moment or two, the entire roof was engulfed in flame, ” Owen said.")  # fmt: skip
SHORT = ("McNutt drove around the 9 - acre Mat Maid complex and spotted flames shooting out from below the eaves. "
         "Within minutes, the roof was engulfed, {who} said.")  # fmt: skip


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), part)


def _items(who: str, name: str | None) -> list[tuple[str, str | None, str, Quote]]:
    content = LONG[2 : LONG.index(", ”")]
    long_q = Quote(content=_span(LONG, content), speaker=_span(LONG, "Owen"), speaker_name="Jon Owen",
                   cue=_span(LONG, "said"), direct=True)  # fmt: skip
    short = SHORT.format(who=who)
    short_q = Quote(content=_span(short, "Within minutes, the roof was engulfed"), speaker=_span(short, who),
                    speaker_name=name, cue=_span(short, "said"), direct=False)  # fmt: skip
    return [("a1", "Frontiersman", LONG, long_q), ("a2", "ADN", short, short_q)]


def test_a_named_speakers_short_restatement_joins_their_long_quote() -> None:
    entries = build_ledger(_items("Owen", "Jon Owen"))
    assert len(entries) == 1, [e["wordings"][0]["text"] for e in entries]
    assert sorted(entries[0]["articles"]) == ["a1", "a2"]


def test_a_short_wording_nobody_is_named_for_does_not_restate_a_long_quote() -> None:
    entries = build_ledger(_items("a firefighter", None))
    assert len(entries) == 2


GERETY = ("Miles Gerety, who lost a brother, Pierce, on the plane, asked his 13-year-old son to handle the technical "
          "aspects of the bulletein board. The boy created a Yahoo club.\n\n``You have to have a 13-year-old,'' said "
          "Gerety, who is a public defender in Connecticut.")  # fmt: skip


def test_a_shared_hyphenated_compound_is_one_word_not_three() -> None:
    """'his 13-year-old son to handle ...' and 'You have to have a 13-year-old' share one word, not '13', 'year'
    and 'old': two statements (the 961-article stream's Swissair story)."""
    asked = Quote(content=_span(GERETY, "his 13-year-old son to handle the technical aspects of the bulletein board"),
                  speaker=_span(GERETY, "Miles Gerety"), speaker_name="Miles Gerety", cue=_span(GERETY, "asked"),
                  direct=False)  # fmt: skip
    quoted = Quote(content=_span(GERETY, "You have to have a 13-year-old"), speaker=_span(GERETY, "Gerety, who"),
                   speaker_name="Miles Gerety", cue=_span(GERETY, "said"), direct=True)  # fmt: skip
    entries = build_ledger([("a1", "NYT", GERETY, asked), ("a1", "NYT", GERETY, quoted)])
    assert len(entries) == 2, [e["wordings"][0]["text"] for e in entries]


def test_the_diff_shows_no_change_for_a_quote_mark_spaced_apart() -> None:
    """Two outlets' wordings of Microsoft's statement (the stream's IE story): 'the " beta" release' and 'the "beta"
    release' differ by a space, not a word; the diff marks only the words that differ."""
    from newsweave.stages.ledger import _diff

    changes = [t for op, t in _diff('that IE 6 and the " beta" release of IE 8 were "potentially vulnerable"',
                                    'that version 6 and the "beta" release of version 8 are also " potentially '
                                    'vulnerable"') if op != "="]  # fmt: skip
    assert changes == ["IE", "version", "IE", "version", "were", "are also"]


EPSTEIN = ('"We\'re being aggressive, really aggressive on players that we like," Epstein said. "I think there\'s a '
           "chance of it. But players that we like and think can help us, we're going to try to sign to numbers that "
           'we think are reasonable. If we don\'t, then we\'ll move on," he said.')  # fmt: skip


def test_an_articles_two_direct_quotes_of_one_speaker_are_two_statements() -> None:
    """The stream's Teixeira story: two quotes of Theo Epstein in one article share 'we're', 'players', 'like'."""
    first = _span(EPSTEIN, "We're being aggressive, really aggressive on players that we like")
    second = _span(EPSTEIN, "I think there's a chance of it. But players that we like and think can help us, we're "
                            "going to try to sign to numbers that we think are reasonable. If we don't, then we'll "
                            "move on")
    quotes = [Quote(content=c, speaker=_span(EPSTEIN, "Epstein"), speaker_name="Theo Epstein",
                    cue=_span(EPSTEIN, "said"), direct=True) for c in (first, second)]  # fmt: skip
    assert len(build_ledger([("a1", "NESN", EPSTEIN, q) for q in quotes])) == 2

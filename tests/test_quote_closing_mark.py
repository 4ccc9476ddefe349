"""A reported content that opens a quotation takes its closing mark, also where a tokenized source (ECB+) sets the
mark apart with a space; a mark a word follows opens the next quote and stays out."""

from __future__ import annotations

from typing import Any

from newsweave.stages.quote_reported import _close_mark
from newsweave.stages.quotes import extract_quotes


def _end(text: str, word: str) -> str:
    return text[: _close_mark(text, 0, text.index(word) + len(word))]


def test_the_closing_mark_is_taken_with_or_without_a_space_before_it() -> None:
    # usatoday30 (the Athens bank fire story of the 961-article stream), tokenized as ECB+ gives it
    spaced = 'Van Rompuy insisted the debt problems had "absolutely nothing to do with the situation in Greece. " "'
    assert _end(spaced, "in Greece").endswith('in Greece. "')
    assert _end('they were "a terrible experience , " says a source', "experience").endswith('experience , "')
    assert _end('called them "illegals and thugs," he said', "thugs").endswith('thugs,"')
    # the next quote's opening mark, a word right after it, is not this one's close
    assert _end('called them "illegals. "Next one"', "illegals") == 'called them "illegals'
    # a wire's `` opens a quotation its '' closes (DUC 2003, the beatification of Cardinal Stepinac)
    tdt = "He said Stepinac ``is now entrusted with the radiant badge of martyrdom.'' The pope"
    assert _end(tdt, "martyrdom.").endswith("martyrdom.''")
    assert _end("it was ``traditional'' in Brazil, he said", "Brazil").endswith("in Brazil")
    # a content with its quotation closed takes nothing more
    assert _end('said the talks were "productive" . "We agree', "productive\"") == 'said the talks were "productive"'


def test_reported_speech_in_a_tokenized_text_ends_with_its_quotation(nlp: Any) -> None:
    text = ('Van Rompuy insisted the growing debt problems in Spain and Portugal had "absolutely nothing to do '
            'with the situation in Greece . " Greece is a unique case, he added.')
    found = [q for q in extract_quotes(next(nlp.docs([text]))) if not q.direct and "Greece" in q.content.text]
    assert found and found[0].content.text.endswith('Greece . "')

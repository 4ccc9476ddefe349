"""The lean attribute_ruler (``_AttributeTable``) sets exactly what spaCy's attribute_ruler sets."""

from __future__ import annotations

import pytest

from newsweave.settings import Settings
from newsweave.stages.nlp import NLP, _AttributeTable, _unique_rows, add_paragraph_starts

TEXTS = [
    'He said: "I do not know." But they were there.  \n\nThe man, who was gonna go, didn\'t.',
    "Y'all ain't seen nothing yet, she told reporters. There is something wrong, and that is it.",
    "Let's go! C'mon, everybody gets a chance; somebody got lucky. I'd have done it if I could.",
    "   \n\n  Officials, whose names were not released, had warned that the 2.5% rise could hit "
    "households.\n\nNo one \t answered.",
    "",
    "Dr. Smith (R-Texas) told CNN on Tuesday that he does not expect a vote before May 1.",
]


def _attrs(doc):
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    return [tuple(r) for r in doc.to_array([POS, TAG, DEP, HEAD, MORPH, LEMMA]).tolist()]


@pytest.fixture(scope="module")
def models():
    import spacy

    ref = spacy.load(Settings().spacy_model, exclude=["lemmatizer"])
    add_paragraph_starts(ref)  # (the product's pipeline has it; this file compares the attribute rulers)
    return ref, NLP().load()._nlp


def test_no_sentence_runs_over_a_paragraph_break(models) -> None:
    # PolNeAR's texts: the full parse ran some sentences over a blank line (a quote's paragraph and the next one)
    _ref, lean = models
    text = 'He said the plan "would not work\n\nThe Senate voted on Tuesday." Officials left.\n\nand then it rained.'
    doc = lean(text)
    starts = {s.start_char for s in doc.sents}
    assert text.index("The Senate") in starts and text.index("and then") in starts


def test_pipeline_keeps_its_shape(models) -> None:
    ref, lean = models
    assert lean.pipe_names == ref.pipe_names
    assert isinstance(lean.get_pipe("attribute_ruler"), _AttributeTable)
    # disabling it by name still works (benchmarks/speed.py's NER floor)
    assert len(list(lean.pipe(["A test."], disable=["attribute_ruler"]))) == 1


def test_same_attributes_as_spacy_ruler(models) -> None:
    ref, lean = models
    for a, b in zip(ref.pipe(TEXTS), lean.pipe(TEXTS), strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        assert _attrs(a) == _attrs(b), a.text
        assert [t.pos_ for t in a] == [t.pos_ for t in b]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_same_attributes_one_doc_at_a_time(models) -> None:
    ref, lean = models
    parsed = list(ref.pipe(TEXTS, disable=["attribute_ruler"]))
    want = [_attrs(ref.get_pipe("attribute_ruler")(d.copy())) for d in parsed]
    table = lean.get_pipe("attribute_ruler")
    assert [_attrs(table(d.copy())) for d in parsed] == want
    assert [_attrs(d) for d in table.pipe([d.copy() for d in parsed])] == want


def test_unsupported_pattern_keeps_spacy_ruler() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert _AttributeTable.compile(ruler) is None
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"SHAPE": "Xx"}]], {"POS": "PROPN"})
    assert _AttributeTable.compile(ruler2) is None


def test_unique_rows() -> None:
    import numpy as np

    cols = np.array([[3, 1], [2, 9], [3, 1], [2**63 + 5, 9]], dtype=np.uint64)
    uniq, inv = _unique_rows(cols)
    assert len(uniq) == 3
    assert (uniq[inv] == cols).all()


def test_a_sentence_cut_after_a_title_abbreviation_is_joined_again() -> None:
    from newsweave.stages.nlp import sentence_spans

    # ECB+ (CC BY): spaCy ends a sentence at "Const." before the constable's name
    parts = ["Police surrounded the building, Const.", "Jana McGuinness said.", "It was late, said Sgt.",
             "\n\nSmith spoke."]  # fmt: skip
    text = " ".join(parts)
    spans, at = [], 0
    for p in parts:
        a = text.index(p, at)
        spans.append((a, a + len(p)))
        at = a + len(p)
    got = [text[a:b] for a, b in sentence_spans(text, spans)]
    # joined in a paragraph, never across a paragraph break
    assert got == ["Police surrounded the building, Const. Jana McGuinness said.", "It was late, said Sgt.",
                   "Smith spoke."]  # fmt: skip


def test_a_sentence_start_glued_to_a_headline_or_caption_is_cut() -> None:
    from newsweave.stages.nlp import sentence_spans

    # ECB+ (CC BY): a headline and a caption run into the lead with no stop between them
    texts = {
        "Robbers crash 4x4 into store, grabbing jewelry and watches, before setting car ablaze Four men rammed "
        "their car into an upmarket jewellery store.": 2,
        "As many as 100 people rioted and threw bottles at officers An orderly protest over the death turned "
        "violent.": 2,
        # a letter, a title, a number's name and capitals after a capitalised word are no sentence starts
        "He went from point A to point B with the Group of Seven.": 1,
        "The painting titled The clown hangs at the Courtauld.": 1,
        "They arrive at King's Cross The men leave at noon.": 1,
    }
    for text, n in texts.items():
        assert len(sentence_spans(text, [(0, len(text))])) == n, text

"""Quote stage, shared part: cue vocabularies, the per-document context (paragraphs, sentences,
quote mask, PERSON mentions) and speaker and channel resolution (pronouns and role nominals such as
'the Kremlin leader' to a PERSON named earlier; 'told Mir television', 'according to Tass').
Used by ``quote_direct``, ``quote_reported`` and ``quote_learned``; the entry point is ``quotes.extract_quotes``."""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Ent

from newsweave.records import Span
from newsweave.stages.textutil import PERSON_PRONOUNS, PLACE_NOUNS, common_words, stage_data

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|(?<=[.?!:\"”’'»)])[ \t]*\n\s*")


def _verb_forms(bases: str) -> frozenset[str]:
    """Regular inflections (say -> says, sayed, saying); irregular forms are added by hand."""
    out = set("said told wrote written writing admitted admitting testified echoes".split())
    for b in bases.split():
        y, e = re.search(r"[^aeiou]y$", b), b.endswith("e")
        s = b + ("es" if b.endswith(("s", "sh", "ch", "x", "o")) else "s")
        out |= {b, b[:-1] + "ies" if y else s, b[:-1] + "ied" if y else b + ("d" if e else "ed")}
        out.add(b[:-1] + "ing" if e else b + "ing")
    return frozenset(out)


REPORT_VERBS = _verb_forms("""
    say tell warn add argue claim insist note explain write state declare reply respond tweet
    announce acknowledge admit suggest conclude emphasize emphasise stress predict deny repeat
    reiterate concede testify vow promise assert contend maintain report allege confirm caution
    charge counter complain ask recall indicate observe remark comment""")  # may govern a ccomp
SPEECH_VERBS = REPORT_VERBS | _verb_forms("""
    joke shout urge quote continue point exclaim interrupt retort chant bark answer echo read
    thank call whisper yell scream proclaim boast quip muse mutter lament plead demand inform
    recount opine""")
BELIEF_VERBS = _verb_forms("""
    think believe expect hope fear worry feel know suspect doubt assume guess reckon estimate
    recognize recognise realize realise understand wonder""")  # not "agree": it reports an event
BELIEF_VERBS |= {"thought", "knew", "known", "felt"}
EVIDENCE_VERBS = _verb_forms("show find indicate reveal demonstrate suggest mention insist boast brag")
EVIDENCE_VERBS |= {"found", "shown"}
INTENT_VERBS = _verb_forms("urge vow promise pledge threaten want plan seek refuse decline")
INTENT_VERBS |= _verb_forms("propose recommend advise demand request require order decide hope expect intend aim")
# verbs of learning, agreeing and persuading also attribute their that-clause: 'pointed out that X',
# 'agreed that X', 'assured voters that X' ('see', 'consider', 'prove' ... do not: < 50% on PolNeAR train)
COGNITION_VERBS = _verb_forms("agree point question learn imply assure convince")
CLAUSE_VERBS = REPORT_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | INTENT_VERBS | COGNITION_VERBS  # read by reported_speech
# Stances (PolNeAR annotates them as attributions): an attitude verb and its object ('criticized
# Clinton for ...'), a verb and a prepositional object ('called for a ban', 'talked about X'), a noun
# with a that- or to-clause ('his claim that X', 'her pledge to Y') and an adjective of attitude
# ('critical of X', 'confident that X'). Content is the object, the clause or the prepositional object.
# Verbs count only as reported acts ('criticized', 'is criticizing', ', citing'), not as plans or
# mentions ('to support', 'supports'): the lists and that rule keep what is >= 75% precise on PolNeAR
# train (support, back, welcome, offer, plan, decision, effort, 'criticism of', 'focus on' are not).
OBJECT_VERBS = _verb_forms("""
    endorse criticize criticise accuse praise defend oppose attack blast slam condemn denounce dismiss
    blame question reject hail cite describe propose recommend mock deride decry fault rebuke chide
    scold tout champion announce discuss express outline congratulate thank lambast ridicule disparage
    insult belittle label dub brand""") - _verb_forms("")
PREP_CUES: dict[str, frozenset[str]] = {}
for _bases, _preps in (
    ("call ask press push argue advocate plead campaign lobby vouch", "for"),
    ("refer point object", "to"),
    ("call", "on upon"),
    ("talk complain worry boast brag joke warn write care tweet", "about"),
    ("speak", "about"),
    ("warn", "of against"),
    ("agree disagree side", "with"),
):
    for _form in _verb_forms(_bases) - _verb_forms("") | ({"spoke", "spoken"} if _bases == "speak" else set()):
        PREP_CUES[_form] = PREP_CUES.get(_form, frozenset()) | frozenset(_preps.split())
NOUN_CUES = frozenset(
    """
    claim claims assertion suggestion promise promises pledge fear fears belief hope hopes warning
    argument allegation allegations assessment view notion insistence demand demands threat vow
    prediction concern concerns conviction assurance assurances denial admission complaint
    accusation accusations charge contention speculation rumor rumors recommendation observation
    impression expectation expectations confidence worry suspicion doubt doubts theory""".split()
)
ADJ_CUES = frozenset(
    """
    critical supportive skeptical sceptical confident optimistic pessimistic convinced hopeful upbeat
    appreciative wary fearful doubtful adamant unhappy angry furious""".split()
)
CALL_FORMS = _verb_forms("call") - _verb_forms("")
LIGHT_VERBS = _verb_forms("make issue express voice repeat reiterate offer raise share float renew give deliver")
LIGHT_VERBS = LIGHT_VERBS - _verb_forms("") | {"made", "gave", "given"}
STANCE_WORDS = OBJECT_VERBS | frozenset(PREP_CUES) | NOUN_CUES | ADJ_CUES  # (for a cue-only parse)
ADDRESSEE_VERBS = (_verb_forms("tell ask warn inform remind assure urge") - _verb_forms("")) | {"told"}
SAY_FORMS = frozenset("say says said saying".split())
TELL_FORMS = frozenset("tell tells told telling".split())
PRO_OBJECTS = frozenset("it this that so something anything nothing what which much more".split())
ROLE_NOUNS = frozenset(
    """
    leader president secretary minister official spokesman spokeswoman spokesperson chief
    diplomat envoy executive senator candidate governor chairman chairwoman director premier
    chancellor prime ambassador general commander mayor congressman congresswoman nominee
    representative lawmaker founder ceo king queen pope head adviser advisor aide""".split()
)
OTHER_SPEAKERS = frozenset(
    """
    people officials experts analysts sources critics residents voters reporters protesters
    supporters police authorities government administration campaign statement ministry
    department agency judge lawyer attorney host reporter writer author company court committee
    party team office""".split()
)
MEDIA_WORDS = frozenset(
    """
    television tv radio newspaper paper agency network channel magazine broadcaster news daily
    times post journal station outlet website blog wire""".split()
)
# cue keys 'verb form|construction|tense' learned on PolNeAR train (benchmarks/quotes_polnear.py --learn-cues)
_CUES_PATH = Path(__file__).with_name("quote_cues.json")
_LEARNED = json.loads(_CUES_PATH.read_text()) if _CUES_PATH.exists() else {}
LEARNED_CUES = frozenset(_LEARNED.get("cues", ()))
# a logistic model over a candidate's features (quote_learned.candidate_features), learned with the
# cues: {"bias": b, "cut": logit of the threshold, "weights": {feature: w}}; None: the keys decide
LEARNED_MODEL: dict[str, Any] | None = _LEARNED.get("model")
_HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
VESSELS = frozenset("ship liner vessel warship frigate destroyer tanker freighter yacht cruiser trawler".split())
HONORIFICS = frozenset("the mr mr. mrs mrs. ms ms. dr dr. sen. rep. gov. gen. president".split())
# evidence that a PERSON-tagged name is no person, for pronoun and role-noun antecedents: a well-known
# place or organisation (the gazetteer's unambiguous names), a common English word that is no given name
# or frequent surname ("Flag"), a ship's prefix ("INS Mysore"); given names are evidence FOR a person only
_GAZ = stage_data("gazetteer.json")
PLACE_NAMES = frozenset(_GAZ["names"]) - frozenset(_GAZ["ambiguous"])
_NAMES = stage_data("person_names.json")
GIVEN_NAMES = frozenset(_NAMES["names"])
NAME_WORDS = GIVEN_NAMES | frozenset(_NAMES["surnames"])
# given names clearly of one sex (>= 95 % by the 1990 US census files, ``benchmarks/name_gender_build.py``):
# 'he' and 'she' do not resolve to a person whose given name is clearly of the other sex
_SEXED = stage_data("name_gender.json")
GIVEN_GENDER = {**{n: "m" for n in _SEXED["male"]}, **{n: "f" for n in _SEXED["female"]}}
COMMON_WORDS = common_words()
TITLE_ABBREVIATIONS = frozenset("sgt lt capt maj col gen adm cmdr cpl det insp supt const rev dr prof gov sen dist atty"
                                .split())
NUMERIC_LABELS = frozenset("DATE TIME QUANTITY CARDINAL MONEY PERCENT ORDINAL".split())
SHIP_PREFIXES = frozenset("ins uss hms hmas hmcs rms mv ms ss sv".split())


class Ctx:
    """Per-document look-ups: paragraphs, sentences, entities, quote mask, PERSON mentions."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc.text
        self.paras = _paragraphs(self.text)
        self.para_starts = [s for s, _e in self.paras]
        self.sents = [(s.start, s.end) for s in doc.sents]
        self.sent_of = [k for k, (s, e) in enumerate(self.sents) for _ in range(s, e)]
        self.ent_of = [-1] * len(doc)
        self.ents = ents = doc.ents  # (doc.ents builds a new tuple on every access)
        self.ent_labels = [e.label_ for e in ents]
        for k, e in enumerate(ents):
            self.ent_of[e.start : e.end] = [k] * len(e)
        self.quoted = [False] * len(doc)
        self.tok_starts = [t.idx for t in doc]
        self.tok_ends = [t.idx + len(t) for t in doc]
        # (start, end, clean name, rank: 2 speaker, 1 subject, 0 other); an ORG-tagged surname of
        # a PERSON ("Lavrov") counts as a person too
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
        self.surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}  # ('Ford' of 'Phil Ford')
        self.name_words = {w for e in ents if e.label_ == "PERSON" for w in e.text.split()}
        # rank -1: the addressee of a third person's 'told' ('he told Wikinews'), an antecedent only when no other
        # PERSON is near (possessors, "Mr. Putin's policy", are antecedents as often as not)
        self.persons: list[tuple[int, int, str, int]] = []
        # a mention's gender where an honorific gives it ("Mrs. Clinton", "Mr. Mellman"; one name
        # with both is left out): 'he' and 'she' do not resolve to a mention of the other
        seen: dict[str, set[str]] = {}
        for e in ents:
            if e.label_ == "PERSON" and e.start > 0 and (g := _HONORIFIC_GENDER.get(doc[e.start - 1].lower_)):
                seen.setdefault(clean_name(e.text), set()).add(g)
        self.gender = {w: g.pop() for w, g in seen.items() if len(g) == 1}  # (not the Clintons)
        for e in ents:
            name = clean_name(e.text)
            if name and (e.label_ == "PERSON" or (len(e) == 1 and e.text in surnames)):
                self.persons.append((e.start, e.end, name, _rank(e.root)))
        self.persons += _titled_names(ents)
        self.unlike = _unlike_persons(doc, ents, {p[2] for p in self.persons})
        # a surname of a PERSON the tagger left untagged, as a subject ('Page avoided the camera ...'; not a ship's)
        people = {e[-1].text for e in ents if e.label_ == "PERSON" and clean_name(e.text) not in self.unlike}
        self.persons += [(t.i, t.i + 1, t.text, _rank(t)) for t in doc if t.text in people and self.ent_of[t.i] < 0
                         and t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")]  # fmt: skip
        self.persons.sort()
        # names the tagger may have cut after a capitalised word ("Rute [Vicente Oliveira]"): no sex from them
        self.cut = {clean_name(e.text) for e in ents if e.label_ == "PERSON" and e.start > 0
                    and doc[e.start - 1].pos_ == "PROPN" and doc[e.start - 1].is_title
                    and doc[e.start - 1].lower_ not in HONORIFICS}  # fmt: skip
        self._sex: dict[str, str | None] = {}
        # full forms of names for their sex: PERSON mentions, and a listed given name and more words under another
        # label ("Bettie Page" tagged ORG next to her father "Jack Page": "Page" is of no one sex)
        self.full_forms = {p[2] for p in self.persons} | {n for e in ents if e.label_ not in NUMERIC_LABELS
                                                           and len(w := (n := clean_name(e.text)).split()) >= 2
                                                           and w[0].lower() in GIVEN_NAMES}  # fmt: skip

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping characters start:end (from the next token when start is a space)."""
        a = bisect.bisect_right(self.tok_ends, start)
        return a, max(a, bisect.bisect_left(self.tok_starts, end))

    def label(self, tok: Token) -> str:
        k = self.ent_of[tok.i]
        return self.ent_labels[k] if k >= 0 else ""

    def subject(self, v: Token, fallback: bool = True) -> Token | None:
        """The subject of a cue inside the cue's paragraph (headlines confuse the parser), else (a
        direct quote's cue) a name right after it, else the leftmost nominal between the quote or
        paragraph start and the cue."""
        subj, k = subject_of(v, self.quoted), self.para_of(v.idx)
        if subj is not None and self.para_of(subj.idx) == k and not self.quoted[subj.i]:
            return subj
        if not fallback:  # only a name or pronoun right before the verb: "Rex Tillerson says"
            i = v.i - 1 - (v.i > 1 and self.doc[v.i - 1].dep_ in ("advmod", "aux", "neg"))
            t = self.doc[i] if i >= 0 else None
            ok = t is not None and t.pos_ in ("PROPN", "PRON") and self.para_of(t.idx) == k
            return t if ok else None
        nxt = self.doc[v.i + 1] if v.i + 1 < len(self.doc) else None
        prev = self.doc[v.i - 1] if v.i > 0 else None
        if nxt is not None and prev is not None and (prev.text == "," or prev.is_quote) and v.lower_ in SPEECH_VERBS \
                and self.label(nxt) == "PERSON":  # fmt: skip
            return self.ents[self.ent_of[nxt.i]].root  # '"...," said Ron Howard, ...' (parsed elsewhere)
        found: Token | None = None
        for t in reversed(self.doc[max(0, v.i - 15) : v.i]):
            if self.quoted[t.i] or self.para_of(t.idx) != k or t.is_punct and t.text not in ",()":
                break
            if t.pos_ in ("PROPN", "PRON", "NOUN"):
                found = t
        while found is not None and found.dep_ in ("compound", "nmod", "flat"):
            if not found.i < found.head.i < v.i:
                break
            found = found.head
        return found

    def expand(self, name: str, before: int) -> str:
        """A surname-only mention -> the longest PERSON mention ending with it, earlier first, one that opens with a
        given name or an initial first ("Bettie Page", not "Mogul Page" of 'Playboy Mogul Page')."""
        words = name.split()
        best, key = name, (False, False, len(words))
        for s, _e, full, _r in self.persons:
            fw = full.split()
            rank = (s < before, _given(fw[0]), len(fw))
            if len(fw) > len(words) and fw[-len(words) :] == words and rank > key:
                best, key = full, rank
        return best

    def sex_of(self, name: str) -> str | None:
        """A mention's sex from an honorific ("Mrs. Clinton"), else from the given names of the document's full
        forms of it ("Mol" -> "Gretchen Mol": f) when all are listed as clearly of one sex; None when unknown (a
        surname with no full form, "Page" of both Bettie and Jack Page, a name the tagger cut after a capitalised
        word: "Rute [Vicente Oliveira]")."""
        if (g := self.gender.get(name)) is not None:
            return g
        if name not in self._sex:
            words = name.split()
            fulls = {f for f in self.full_forms if len(f.split()) >= 2 and f.split()[-len(words) :] == words}
            sexes = {None if f in self.cut else GIVEN_GENDER.get(f.split()[0].lower()) for f in fulls}
            self._sex[name] = sexes.pop() if len(sexes) == 1 else None
        return self._sex[name]

    def _chain_start(self, before: int, pronoun: str) -> int:
        """Where a chain of one pronoun as subject starts ('He said ... "...," he added'): the
        earliest 'he' / 'she' before ``before``, each within 3 sentences of the next, with no
        PERSON between them other than an addressee ('he told Wikinews')."""
        forms = ("she", "her") if pronoun in ("she", "her") else ("he", "him")
        at = before
        while True:
            k = self.sent_of[min(at, len(self.doc) - 1)]
            lo = self.sents[max(0, k - 3)][0]
            prev = next((t.i for t in reversed(self.doc[lo:at]) if t.lower_ in forms and not self.quoted[t.i]
                         and t.dep_ in ("nsubj", "nsubjpass")), None)  # fmt: skip
            if prev is None or any(prev < p[0] < at and p[3] >= 0 and not self.quoted[p[0]] for p in self.persons):
                return at
            at = prev

    def _main_pronoun(self, s: int, e: int, pronoun: str) -> int | None:
        """A 'he' / 'she' of the pronoun's form before a name that is the subject of a clause under the sentence's
        main verb, when that pronoun is the main verb's subject: the pronoun continues the chain of the sentence's
        subject, not the embedded one ('he secretly helped reporters Bob Woodward and Carl Bernstein pursue the
        story. It was years before he finally broke cover': Felt, not Woodward)."""
        forms = ("she", "her") if pronoun in ("she", "her") else ("he", "him")
        head = self.doc[s:e].root.head
        root = head.sent.root
        if head.i == root.i:
            return None
        return next((t.i for t in root.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in forms
                     and t.i < s and not self.quoted[t.i]), None)  # fmt: skip

    def recent_person(self, before: int, title: str | None = None, pronoun: str | None = None,
                      title_only: bool = False, adjacent: bool = False) -> str | None:  # fmt: skip
        """Antecedent of a pronoun or nominal: a PERSON introduced with that title, a recent
        speaker, a recent subject, else the last PERSON mentioned (outside quotes), of the pronoun's
        gender where an honorific gives one; a pronoun that would resolve to an addressee
        resolves where its chain starts (``_chain_start``)."""
        cands = [p for p in self.persons if p[1] <= before and not self.quoted[p[0]]]
        # names that look like no person (places, ships, common words: ``_unlike_persons``) are no antecedents
        skipped = max((p[0] for p in cands if p[2] in self.unlike), default=-1)  # (where the last one starts)
        cands = [p for p in cands if p[2] not in self.unlike]
        if pronoun is not None:
            other = "m" if pronoun in ("she", "her") else "f"
            cands = [p for p in cands if self.sex_of(p[2]) != other]
        if not cands:
            return None
        for s, _e, name, r in reversed(cands if title else []):
            # the title before the name, with no verb between ('Pope John Paul', not 'The pope said Stepinac ...')
            words = list(self.doc[max(0, s - 6) : s])
            here = next((j for j in range(len(words) - 1, -1, -1) if words[j].lower_ == title), None)
            if adjacent and (here != len(words) - 1 or r < 1):
                # right before the name only, not "Judge Rowland Barnes, [Brandau]", "Sheriff's Capt. [Ray Peavy]"; and
                # a subject or speaker: not the judge Nichols "shot and killed", nor one a defendant spoke to
                continue
            if here is not None and not any(t.pos_ in ("VERB", "AUX") for t in words[here + 1 :]):
                return self.expand(name, s)
        if title_only:
            return None
        k = self.sent_of[min(before, len(self.doc) - 1)]
        for back, rank in ((2, 2), (3, 1), (3, 0)):
            lo = self.sents[max(0, k - back)][0]
            for s, e, name, r in reversed(cands):
                if s < lo:
                    break
                if r >= rank:
                    if r == 1 and pronoun is not None and (main := self._main_pronoun(s, e, pronoun)) is not None:
                        return self.recent_person(main, pronoun=pronoun)
                    return self.expand(name, s)
        if cands[-1][3] < 0 and pronoun is not None and (at := self._chain_start(before, pronoun)) < before:
            return self.recent_person(at, pronoun=pronoun)  # not 'Wikinews' in '"...," he told Wikinews'
        if skipped >= lo:  # no person near, but a place or ship that took the pronoun: not a name further back
            return None
        return self.expand(cands[-1][2], cands[-1][0])


def _titled_names(ents: Any) -> list[tuple[int, int, str, int]]:
    """Names the tagger left inside another label's span behind a title: 'Qeshm Governor Mehdi Irannejad' tagged
    WORK_OF_ART holds the person "Mehdi Irannejad" (the title, capitalised, then two or three capitalised words to the
    span's end), so "The governor also said" finds him."""
    out = []
    for e in ents:
        if e.label_ == "PERSON" or e.label_ in NUMERIC_LABELS:
            continue
        toks = list(e)
        for j, t in enumerate(toks[:-2]):
            rest = toks[j + 1 :]
            if t.is_title and t.lower_ in ROLE_NOUNS and len(rest) <= 3 and all(x.is_title for x in rest):
                if name := clean_name(" ".join(x.text for x in rest)):
                    out.append((rest[0].i, e.end, name, _rank(e.root)))
                break
    return out


def _rank(root: Token) -> int:
    """A mention's rank as an antecedent: 2 a speaker (the subject of a cue, the source of 'according to'), 1 a
    subject, 0 other, -1 the addressee of a third person's 'told'; a name in apposition to a noun ranks as that
    noun ('The team's general manager, A.J. Smith said': a speaker)."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        root = root.head
    subj, dep, head = root.dep_ in ("nsubj", "nsubjpass"), root.dep_, root.head
    if dep == "pobj" and according(head.head) is not None:  # 'according to ... Robert Sznewajs': a source
        return 2
    if dep in ("dobj", "dative") and head.lower_ in TELL_FORMS and _third_person(head):
        return -1
    return 2 if subj and is_cue(head) else int(subj)


# endings of a trade noun the tagger takes for a name at the head of a sentence ('Filmmaker and aviator Howard Hughes')
_TRADES = ("maker", "writer", "ist", "grapher")


def _unlike_persons(doc: Doc, ents: Any, names: set[str]) -> set[str]:
    """Names of ``names`` (PERSON mentions) that are likely no person, unless the document writes them
    after a given name, an initial or another name ("Rajendra Pachauri", "Bettie Page" tagged ORG) or an
    honorific ("Mr. Ban"): a known place ("Ashgabat"), a ship ("INS Mysore", "the vessel Gibe"), a common
    word that is no listed name ("Flag"), a plural tagged as a group ("Croats" NORP), or a name tagged more
    often as something else than as a person and never a subject or a possessor ("Bali" GPE 3 times, "in
    Bali", "the Bali conference"; not "Lohan" GPE 4 times in "Lohan has checked into ...")."""
    labels: dict[str, dict[str, int]] = {}
    vouched: set[str] = set()
    honoured: set[str] = set()
    for e in ents:
        name = clean_name(e.text)
        if not name:
            continue
        c = labels.setdefault(name, {})
        person = e.label_ == "PERSON"
        for kind in {"PERSON" if person else "other", e.label_}:
            c[kind] = c.get(kind, 0) + 1
        if e.root.dep_ in ("nsubj", "nsubjpass", "poss") or e.end < len(doc) and doc[e.end].tag_ == "POS":
            c["used"] = 1
        if e.start > 0 and doc[e.start - 1].lower_ in VESSELS:
            c["ship"] = 1
        if _place_context(doc, e):
            c["place"] = 1
        words = name.split()
        if person and e.start > 0 and doc[e.start - 1].lower_ in HONORIFICS - {"the"}:
            vouched.add(name)
            honoured.add(name)
        for k in range(1, len(words)):
            w = words[k - 1]
            if _given(w) or person and k == 1 and w.lower() not in SHIP_PREFIXES \
                    and (w.lower() in NAME_WORDS or w.lower() not in COMMON_WORDS):  # fmt: skip
                vouched.update(" ".join(words[j:]) for j in range(k, len(words)))
                break
    out = {n for n in names if labels.get(n, {}).get("place") and n not in honoured}
    for name in names - vouched:
        words, c = name.split(), labels.get(name, {})
        one = len(words) == 1
        if name in PLACE_NAMES or words[0].lower() in SHIP_PREFIXES or c.get("ship") \
                or one and (name.lower() in COMMON_WORDS or name.lower().endswith(_TRADES)) \
                and name.lower() not in NAME_WORDS \
                or one and name.endswith("s") and c.get("NORP") \
                or c.get("other", 0) > c.get("PERSON", 0) and not c.get("used"):  # fmt: skip
            out.add(name)
    return out


def _place_context(doc: Doc, e: Ent) -> bool:
    """The document writes the name as a place's: after a place noun ("the city of Bandar Abbas", "the villages
    Kavouhi and Zinabieh") or in apposition to one ("the capital, Ashgabat")."""
    i = e.start - 1
    if i > 0 and doc[i].lower_ == "of":
        i -= 1
    if i >= 0 and doc[i].lower_ in PLACE_NOUNS:
        return True
    t = e.root
    for _ in range(3):  # up through 'Kavouhi and [Zinabieh]', '[the capital], Ashgabat'
        if t.dep_ not in ("conj", "appos", "compound") or t.head is t:
            return False
        t = t.head
        if t.lower_ in PLACE_NOUNS:
            return True
    return False


def _given(word: str) -> bool:
    """A listed given name or an initial ("J.", "H.R.") opens a person's name."""
    return word.lower() in GIVEN_NAMES or re.fullmatch(r"(?:[A-Z]\.)+", word) is not None


def _third_person(verb: Token) -> bool:
    """The verb's subject is 'he', 'she' or a name ('he told Wikinews', not 'I told Sanders')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in ("he", "she") or subj.pos_ == "PROPN")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(x for m in _PARA_BREAK.finditer(text) for x in m.span()), len(text)]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a] or [(0, len(text))]


def clean_name(s: str) -> str:
    words = re.sub(r"[’']s?$", "", s.strip()).strip(' ,;:-"“”').split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def is_cue(t: Token) -> bool:
    if not t.tag_.startswith("VB"):
        return False
    if t.lower_ in ("went", "goes", "go", "going"):  # '"...," Trump went on'
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children)
    return t.lower_ in SPEECH_VERBS


def according(t: Token) -> Token | None:
    """X in 'according to X', or None."""
    if t.lower_ != "according":
        return None
    return next((g for c in t.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)


def subject_of(tok: Token, quoted: list[bool]) -> Token | None:
    """The speaker of a cue verb, climbing through participles and conjuncts ("adding ...")."""
    t = tok
    for _ in range(4):
        if t.lower_.startswith("quot") and t.tag_.startswith("VB"):  # quoted Putin as saying
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            return obj or next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted[c.i]]
        if subs:
            c = min(subs, key=lambda c: abs(c.i - t.i))  # "Gov. Kasich, ..., said", not "OH"
            return c  # (a relative "who" is resolved to its antecedent by resolve_speaker)
        if t.dep_ == "dobj" and t.head.lower_.startswith("quot") and t.head.tag_.startswith("VB"):
            return t  # "El Mundo quoted [an Air Comet pilot] flying over ... as saying": the pilot
        if t.tag_ == "VBN" and t.dep_ == "advcl" and t.lower_ not in SPEECH_VERBS \
                and not any(c.dep_ in ("aux", "auxpass") for c in t.children):  # fmt: skip
            return None  # "Described as [...], Lyons warned": the clause's subject is described, not describing
        if t.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl") or t.head is t:
            return None
        t = t.head
    return None


def animate(ctx: Ctx, tok: Token) -> bool:
    """Can this mention be a speaker? Names, personal pronouns, people and institutions."""
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in ("he", "she", "i", "we", "they", "you", "who")
    if tok.pos_ == "PROPN" or ctx.label(tok) in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return low in ROLE_NOUNS or low in OTHER_SPEAKERS or low.rstrip("s") in ROLE_NOUNS


def _ent_bounds(ctx: Ctx, tok: Token) -> tuple[int, int]:
    """The entity of ``tok`` without the verb governing it that the tagger ran it over
    ('[Greenspon] told CTV News', 'Greenspon told [CTV News]')."""
    e, doc = ctx.ents[ctx.ent_of[tok.i]], ctx.doc
    s = max((t.i + 1 for t in doc[e.start : tok.i] if t.tag_.startswith("VB") and t.is_ancestor(tok)), default=e.start)
    return s, next((t.i for t in doc[tok.i + 1 : e.end] if t.tag_.startswith("VB") and t.is_ancestor(tok)), e.end)


def mention_bounds(ctx: Ctx, tok: Token) -> tuple[int, int]:
    """Token bounds of the mention headed by ``tok``: a name, a pronoun, or a short nominal."""
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    k = ctx.ent_of[tok.i]  # (not a time or a figure the tagger ran over a name: '[9 a. m. Lyons] said', ECB+ spacing)
    if k >= 0 and (tok.pos_ == "PROPN" or ctx.label(tok) == "PERSON") and ctx.label(tok) not in NUMERIC_LABELS:
        s, end = _ent_bounds(ctx, tok)
        s += ctx.doc[s].lower_ == "the" and end - s > 1
        return s, end - (ctx.doc[end - 1].tag_ == "POS" and end - 1 > s)
    doc, propn = ctx.doc, tok.pos_ == "PROPN"
    s = _hyphened(doc, tok.i)
    mods = ("compound", "flat") if propn else ("det", "amod", "compound", "nmod", "poss", "nummod")
    for c in reversed(list(tok.lefts)):
        if c.i >= s:  # inside a hyphened word already taken
            continue
        if (c.dep_ not in mods or c.right_edge.i != s - 1 or (propn and c.pos_ != "PROPN")  # ("prosecutors '")
                or doc[s - 1].text in (",", ";")):  # not "Tenn., girl"  # fmt: skip
            break
        start = c.left_edge.i  # its own modifiers too: "[New] Zealand media reports", "[law] enforcement agents"
        if "\n" in doc[start : s].text:  # never across a line ("Inc.\n\nLorenzo")
            break
        s = _hyphened(doc, start)
    while s < tok.i and (not any(ch.isalnum() for ch in doc[s].text)  # no "•" or quote mark first,
                         or doc[s].pos_ in ("SCONJ", "CCONJ", "ADP")):  # nor "when", "and", "at" # fmt: skip
        s += 1
    end = tok.i + 1
    for c in tok.rights:  # "the secretary of state"; "a statement from Waitrose", "data from the USGS"
        if c.dep_ != "prep" or c.right_edge.i - tok.i > 6 or "\n" in doc[tok.i : c.right_edge.i + 1].text:
            continue
        if c.lower_ == "of" or (c.lower_ == "from" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_
                                                           not in NUMERIC_LABELS for g in c.children)):  # fmt: skip
            end = c.right_edge.i + 1
            while end - 1 > tok.i and doc[end - 1].is_punct:  # "old man from Dexter, Michigan[,]"
                end -= 1
    return s, end


def _hyphened(doc: Doc, i: int) -> int:
    """The first token of the word token ``i`` ends: "hard-liners", "hard-line cleric", which the tokenizer
    splits at their hyphens (not the spaced dashes of tokenized sources: "non - party")."""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i


# what a medium publishes: "told O'Connor for the Vanity Fair article" (not "12 points for the Cardinals")
WORK_NOUNS = MEDIA_WORDS | frozenset("article story interview piece profile report documentary column program programme"
                                     .split())  # fmt: skip
# where words are said, not who carries them: 'told a House hearing', 'thundered in Parliament during a session'
VENUE_NOUNS = frozenset("hearing session meeting conference rally briefing crowd audience gathering".split())


def channel_name(ctx: Ctx, tok: Token | None) -> str | None:
    """The medium named by ``tok`` (an ORG or a media noun: 'Tass', 'Mir television'), if any; not a venue ('a House
    hearing') nor a person's surname ('Smith told Ford', Phil Ford)."""
    if tok is None or tok.pos_ == "PRON" or ctx.label(tok) == "PERSON" or tok.lower_ in VENUE_NOUNS:
        return None
    orgs = [c for c in tok.subtree if c.i <= tok.i and ctx.label(c) == "ORG"]
    if orgs:  # "the Interfax news agency" -> "Interfax"
        name = clean_name(ctx.doc[slice(*_ent_bounds(ctx, orgs[0]))].text).split(",")[0].strip()  # "People, Reid"
        return None if name in ctx.surnames else name or None
    if MEDIA_WORDS.isdisjoint(c.lower_ for c in (tok, *tok.lefts)):
        return None
    return clean_name(ctx.doc[slice(*mention_bounds(ctx, tok))].text)


def find_channel(ctx: Ctx, cue: Token, subj: Token | None) -> str | None:
    """Who carried it: 'told Mir television', 'according to Tass', 'Interfax quoted', 'NPR's X'."""
    lo, hi = ctx.sents[ctx.sent_of[cue.i]]
    cands: list[Token | None] = []
    for t in ctx.doc[lo:hi]:
        if ctx.quoted[t.i]:
            continue
        if (obj := according(t)) is not None and obj is not subj:
            cands.append(obj)
        if t.lower_.startswith("quot") and t.tag_.startswith("VB"):
            cands += [c for c in t.children if c.dep_ == "nsubj"]
            cands += [g for c in t.children if c.dep_ == "agent" for g in c.children]
    if cue.lower_ in TELL_FORMS:
        cands += [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    # "said in an interview with CNN", "reports for NPR", "told O'Connor for the Vanity Fair article"; not "added 12
    # points for the Cardinals", "called on the Interior and Commerce departments"
    preps = ("to", "with") if cue.lower_.startswith("call") else ("to", "on", "with")
    reporting = cue.lower_.startswith(("report", "writ", "speak"))
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "in", "with"):
            cands += [g for g in c.subtree if g.dep_ == "pobj" and (g.head.lower_ in preps or g.head.lower_ == "for"
                      and (reporting or g.lower_ in WORK_NOUNS))]  # fmt: skip
    if subj is not None:  # "NPR's Mara Liasson", not "Gray's sister" (a word of a PERSON name), "Sheriff's officials"
        cands += [c for c in subj.lefts if c.dep_ == "poss" and c.text not in ctx.name_words
                  and c.lower_ not in ROLE_NOUNS | TITLED_ROLES]  # fmt: skip
    return next((n for n in (channel_name(ctx, t) for t in cands) if n), None)


KIN = {
    "she": frozenset("mother wife sister daughter widow girlfriend grandmother aunt niece fiancee".split()),
    "he": frozenset("father husband brother son widower boyfriend grandfather uncle nephew fiance".split()),
}


# people a writer introduces unnamed ("a relative", "a friend of the family"), besides role nouns and kin
PERSON_NOUNS = frozenset("relative friend neighbour neighbor witness colleague classmate resident man woman".split())


def _pronoun_person(ctx: Ctx, at: int, low: str) -> str | None:
    """The name a pronoun at token ``at`` stands for (``Ctx.recent_person``), unless a person noun is the nearest
    subject in this or the sentence before, after the last name: then he/she stand for that person, none when it is
    unnamed (a kin noun with a possessor: 'Nichols' mother expressed their sentiments. "...," she said'; an
    indefinite one: 'According to a relative, ... "...," she said'; one first met so: 'a friend ... The friend said
    ... She added'), the holder of a role noun ('The pope mentioned this ... "...," he said': John Paul II)."""
    name = ctx.recent_person(at, pronoun=low)
    if name is None or low not in KIN:
        return name
    doc, k = ctx.doc, ctx.sent_of[min(at, len(ctx.doc) - 1)]
    last = max((p for p in ctx.persons if p[1] <= at and not ctx.quoted[p[0]]), key=lambda p: p[0], default=None)
    lo = max(ctx.sents[max(0, k - 1)][0], last[1] if last else 0)
    for t in reversed(doc[lo:at]):
        noun = t.lower_
        if t.dep_ not in ("nsubj", "nsubjpass") and according(t.head.head) is None or ctx.quoted[t.i] \
                or t.pos_ != "NOUN" or noun not in ROLE_NOUNS | PERSON_NOUNS | KIN["he"] | KIN["she"]:  # fmt: skip
            continue
        owner = {c.i for p in t.children if p.dep_ == "poss" for c in p.subtree}
        if noun in KIN["he" if low == "she" else "she"] \
                or any(ctx.label(c) == "PERSON" for c in t.subtree if c.i not in owner):  # fmt: skip
            return name  # ('his brother' for 'she'; 'a friend, Anna Smith,': the name is the antecedent)
        if noun in KIN[low] and any(c.dep_ == "poss" for c in t.children):
            return None
        if any(c.lower_ in _INDEFINITE and c.dep_ in ("det", "nummod") for c in t.lefts):
            return None
        if not _definite(t):
            return name
        if _unnamed_role(ctx, t.i, noun):
            return None
        holder = resolve_speaker(ctx, t)[1] if noun in ROLE_NOUNS else name
        return name if holder and ctx.sex_of(holder) == ("m" if low == "she" else "f") else holder
    return name


def _name_like(ctx: Ctx, tok: Token, role: str) -> bool:
    """A name the tagger gave another label, in apposition to a role noun: a run of 2+ proper nouns opening with a
    listed given name ('A spokeswoman, [Marsha Malone], said', "Marsha Malone" tagged GPE)."""
    if role not in ROLE_NOUNS or tok.pos_ != "PROPN" or ctx.label(tok) in ("ORG", "NORP"):
        return False
    words = list(ctx.doc[tok.left_edge.i : tok.i + 1])
    return len(words) >= 2 and all(t.pos_ == "PROPN" for t in words) and _given(words[0].text)


def _fragment_person(ctx: Ctx, k: int) -> Token | None:
    """The PERSON a verbless sentence ``k`` is rooted in ('Perry L. Nouis of the Air Force, spokesman for ...')."""
    if not 0 <= k < len(ctx.sents):
        return None
    lo, hi = ctx.sents[k]
    root = next((t for t in ctx.doc[lo:hi] if t.head.i == t.i), None)
    if root is None or ctx.label(root) != "PERSON" or ctx.quoted[root.i]:
        return None
    return root if root.pos_ in ("PROPN", "NOUN") else None


def _lone_abbreviation(ctx: Ctx, k: int) -> bool:
    """Sentence ``k`` is one title's abbreviation and its full stop ("Atty.")."""
    lo, hi = ctx.sents[k]
    return hi - lo == 2 and ctx.doc[lo].lower_ in TITLE_ABBREVIATIONS and ctx.doc[lo + 1].text == "."


def _across_split(ctx: Ctx, subj: Token) -> tuple[Span, str | None] | None:
    """A speaker the parser cut off at an abbreviation's full stop: the subject is a capitalised abbreviation ending its
    sentence and the next sentence is a verbless PERSON ('said Maj. Perry L. Nouis of the Air Force' -> Nouis), or the
    subject's sentence starts in lower case after a verbless PERSON ('Abdoulaye Barry, 24, who works ... at Church Ave.
    and E. 31st St., described how ...' -> Barry, not "St.")."""
    person_tag = ctx.label(subj) == "PERSON"  # ("Sgt" alone is tagged PERSON: 'said Sgt. Marty Earley with ...')
    if subj.pos_ == "PRON" or ctx.quoted[subj.i] or person_tag and subj.lower_ not in TITLE_ABBREVIATIONS:
        return None
    doc, k = ctx.doc, ctx.sent_of[subj.i]
    lo, hi = ctx.sents[k]
    person = None
    nxt = doc[subj.i + 1] if subj.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "." and nxt.i + 1 == hi and subj.text[:1].isupper() and len(subj.text) <= 4 \
            and subj.text.isalpha() and not (person_tag and len(ctx.ents[ctx.ent_of[subj.i]]) > 1):  # fmt: skip
        nk = k + 1  # over another title cut off the same way: 'said Dist. | Atty. | Steve Cooley.'
        while nk + 1 < len(ctx.sents) and nk - k <= 2 and _lone_abbreviation(ctx, nk):
            nk += 1
        person = _fragment_person(ctx, nk)
        if person is not None and ctx.ents[ctx.ent_of[person.i]].start != ctx.sents[nk][0]:
            person = None
        first = subj
    elif not person_tag and doc[lo].is_lower and doc[lo].is_alpha and k > 0 \
            and doc[ctx.sents[k - 1][1] - 1].text in (".", "St.", "Ave."):  # fmt: skip
        person, first = _fragment_person(ctx, k - 1), None
    if person is None:
        return None
    e = ctx.ents[ctx.ent_of[person.i]]
    name = clean_name(e.text)
    if not name:
        return None
    start = first.idx if first is not None else e.start_char
    return Span(start, e.end_char, doc.text[start : e.end_char]), ctx.expand(name, e.start)


UNNAMED_ROLES = True  # (benchmarks/speaker_gender_diff.py --rule roles turns it off to list what it changes)
_INDEFINITE = frozenset("a an one another".split())


def _unnamed_role(ctx: Ctx, before: int, role: str) -> bool:
    """Whether the nearest earlier mention of a role noun (outside quotes) introduced an unnamed person: "a
    Western diplomat said ... The diplomat added" stays unnamed, not the last person named. The mention is
    indefinite ("a", "an", "one", "another") with no PERSON beside it: in its phrase ("an official, John
    Smith," / "a diplomat named ..."), as the apposition or the predicate of one ("Smith, a diplomat";
    "Smith is a diplomat"), or as the modifier of one ("diplomat John Smith")."""
    if not UNNAMED_ROLES:
        return False
    doc = ctx.doc
    prev = next((t for t in reversed(doc[:before]) if t.lower_ == role and not ctx.quoted[t.i]), None)
    if prev is None or not any(c.lower_ in _INDEFINITE and c.dep_ in ("det", "nummod") for c in prev.lefts):
        return False
    if any(ctx.label(t) == "PERSON" for t in prev.subtree if t is not prev):
        return False
    head = prev.head
    if head is not prev and prev.dep_ in ("appos", "compound") and ctx.label(head) == "PERSON":
        return False
    if prev.dep_ == "attr" and any(c.dep_ == "nsubj" and ctx.label(c) == "PERSON" for c in head.children):
        return False
    return True


def resolve_speaker(ctx: Ctx, subj: Token | None) -> tuple[Span | None, str | None]:
    """The speaker mention and the resolved name (pronouns and role nominals -> a PERSON)."""
    if subj is None:
        return None, None
    if (split := _across_split(ctx, subj)) is not None:  # 'said Maj. [Perry L. Nouis] of ...' parsed as two sentences
        return split
    s, e = mention_bounds(ctx, subj)
    low = subj.lower_
    if low == "elect" and subj.i > 1 and ctx.doc[subj.i - 1].text == "-":  # "the US President-elect": a role, no name
        s = min([s, *(c.left_edge.i for c in subj.lefts)])
        low = ctx.doc[subj.i - 2].lower_
    span = ctx.doc[s:e]
    sp = Span(span.start_char, span.end_char, span.text)
    if low != subj.lower_:
        return sp, _role_holder(ctx, s, low, _definite(subj))
    if low in PERSON_PRONOUNS:
        return sp, _pronoun_person(ctx, s, low)
    if low in ("who", "that", "which") and subj.head.dep_ == "relcl" and subj.head.head is not subj:
        return sp, resolve_speaker(ctx, subj.head.head)[1]  # the mention is "who", the name its antecedent's
    if subj.pos_ == "PRON" or low in ("who", "that", "which"):
        return sp, None
    if ctx.label(subj) == "ORG":  # "California Department of ... deputy director Millicent Tidwell told The Post":
        # the parser makes the organisation the subject and the person's name its apposition (no comma between)
        name_tok = next((c for c in subj.rights if c.dep_ == "appos" and ctx.label(c) == "PERSON"
                         and not any(t.text == "," for t in ctx.doc[subj.i : c.i])), None)  # fmt: skip
        if name_tok is not None:
            return resolve_speaker(ctx, name_tok)
    if subj.pos_ == "PROPN" or ctx.label(subj) == "PERSON":
        if not VESSELS.isdisjoint(t.lower_ for t in ctx.doc[subj.left_edge.i : s]):
            return sp, None  # "the German cruise liner MS Columbus said": a ship, not a person
        name = clean_name(span.text)
        return sp, (ctx.expand(name, s) if name else None)
    # a role noun with the name beside it: "The state's governor, Charlie Crist, advised ..."
    appos = next((c for c in subj.rights if c.dep_ == "appos"
                  and (ctx.label(c) == "PERSON" or _name_like(ctx, c, low))), None)  # fmt: skip
    if appos is None:  # "the head of Qeshm's free-trade zone, Ali Rezapour": the parser hangs the name on "zone"
        ofs = [g for c in subj.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        appos = next((c for g in ofs if ctx.label(g) != "PERSON" for c in g.rights
                      if c.dep_ == "appos" and ctx.label(c) == "PERSON"), None)  # fmt: skip
    if appos is not None and (name := clean_name(ctx.doc[slice(*mention_bounds(ctx, appos))].text)):
        return sp, ctx.expand(name, appos.i)
    definite = _definite(subj)
    if low == "old" and definite and subj.i >= 2 and ctx.doc[subj.i - 2].lower_ == "year":
        return sp, ctx.recent_person(s)  # "said the 29-year-old": the person named before
    if low in COMPANY_NOUNS and definite and (org := _company_holder(ctx, subj, s)) is not None:
        return sp, org
    # "the beer distributor's president": a possessor that is a common noun introduces the role's holder; only a
    # person introduced with that title is its antecedent (not the last person named)
    # so does a possessive pronoun: 'her spokesman said' is not the woman named before ("her")
    owned = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PRON") for c in subj.lefts)
    return sp, _role_holder(ctx, s, low, definite, title_only=owned)


# nouns by which an article calls a company it named ("Microsoft ... the company said", "the US software giant said")
COMPANY_NOUNS = frozenset("company firm airline carrier corporation automaker retailer giant".split())
# words of organisations that are no company ("United Nations", "Security Council", "Defence Ministry")
_INSTITUTION = frozenset("nations council ministry department police navy army government agency commission union "
                         "court committee parliament congress senate university school".split())  # fmt: skip
_COMPANY_REACH = 4  # sentences back, counting the speaker's, where the company must have been named
# organisations an article names as its sources or channels, no company it calls "the company"
_MEDIA = frozenset({"ap", "afp", "reuters", "associated press", "cnn", "bbc", "upi", "tass", "interfax", "xinhua"})


def _company_holder(ctx: Ctx, subj: Token, s: int) -> str | None:
    """The company "the company" (or "the airline", "the firm") refers to: of the organisations named outside quotes
    before it, the one named most often, named within the last ``_COMPANY_REACH`` sentences; none when the noun is
    specified ("the company managing the cables": another company) or carries a possessor."""
    if any(c.dep_ in ("relcl", "acl", "prep", "poss", "appos") for c in subj.children):
        return None
    k = ctx.sent_of[min(s, len(ctx.doc) - 1)]
    near = ctx.sents[max(0, k - _COMPANY_REACH + 1)][0]
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    subject: set[str] = set()
    for e, label in zip(ctx.ents, ctx.ent_labels, strict=True):
        if label != "ORG" or e.start >= s or ctx.quoted[e.start]:
            continue
        name = clean_name(e.text)
        if not name or " - " in name or name.lower() in _MEDIA or name.lower().removeprefix("the ") in _MEDIA \
                or _INSTITUTION.intersection(name.lower().split()):  # fmt: skip
            continue  # (a headline glued to a name: "IE9 Computerworld - Microsoft"; "the United Nations")
        counts[name] = counts.get(name, 0) + 1
        last[name] = e.start
        if e.root.dep_ in ("nsubj", "nsubjpass"):
            subject.add(name)
    # named twice, or as a subject ("Reliance said ..."): not an aside ('controlled by Motorola Inc.', '(UTC)')
    ranked = [n for n in counts if last[n] >= near and (counts[n] >= 2 or n in subject)]
    return max(ranked, key=lambda n: (counts[n], last[n]), default=None)


def _definite(subj: Token) -> bool:
    """A mention with a definite determiner or a possessor ("the spokesman", "his lawyer"), not "a"/"an", also before
    a possessor ("A Sam's Club spokesperson")."""
    if subj.left_edge.lower_ in ("a", "an") and subj.left_edge.i < subj.i:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in subj.lefts)


# roles a story gives several people near each other (a judge and the accused, an officer and the man he shot): "the
# judge" is only a person introduced with the title ("Superior Court Judge James Bodiford"), never just a recent name
TITLED_ROLES = frozenset("judge justice magistrate prosecutor coach detective inspector sheriff officer".split())


def _role_holder(ctx: Ctx, s: int, role: str, definite: bool, title_only: bool = False) -> str | None:
    """The person a definite role noun at token ``s`` refers to ("the spokesman" -> the person introduced with
    that title, else a recent one; "the judge" -> only a person introduced as a judge), None for no role, an
    indefinite one or a role first met unnamed."""
    titled = role in TITLED_ROLES
    if not ((role in ROLE_NOUNS or titled) and definite) or _unnamed_role(ctx, s, role):
        return None
    return ctx.recent_person(s, title=role, title_only=title_only or titled, adjacent=titled)

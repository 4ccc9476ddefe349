"""The words around one mention: their votes on its kind, the titles that are its roles, and a name's shape."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..records import Mention
from .entity_names import (
    _APPOSITION_AFTER,
    _APPOSITION_BEFORE,
    _CLAUSE_WORDS,
    _DASH,
    _DASH_OR_SPACE,
    _GAZETTEER,
    _GIVEN_NAMES,
    _INITIALS_ONLY,
    _LEGAL_FORMS,
    _LETTER_DIGIT,
    _NAME_LISTS,
    _ORG_HEADS,
    _ORG_NOUNS,
    _PAPER_NOUNS,
    _PARTICLES,
    _PLACE,
    _PLACE_HEADS,
    _WHO_OR_AGE_AFTER,
    _WORD_AND_STOP,
    normalise,
)
from .textutil import stage_data

# --- context: the words around a mention vote on its kind and give a person's roles ---------------

# titles and role nouns ("Foreign Minister", "spokesperson", "Maj. Gen.")
ROLE_HEADS = frozenset("""
    president minister secretary spokesman spokeswoman spokesperson manager director chairman chairwoman
    chair chief leader head ambassador commander general governor mayor senator officer envoy executive
    captain colonel sergeant lieutenant prosecutor judge king queen prince pope correspondent reporter
    editor founder coach adviser advisor secretary-general under-secretary premier chancellor
    representative spokesperson negotiator lawyer attorney analyst economist professor campaigner winner
    gen maj lt col sgt spc capt adm cmdr rev dr mr mrs ms sir dame lord lady
""".split())  # fmt: skip
ROLE_WORDS = ROLE_HEADS | frozenset("""
    foreign defence defense interior finance prime vice deputy former acting state of the for
    general army navy air force team tour senior top elected national chief-executive
""".split())  # fmt: skip
_LEADING = frozenset({"of", "the", "for", "with", "a", "an", "by", "from", "to", "at", "on", "in", "as", "and"})
# (a role never starts with one of the sentence openers, ``_OPENERS`` below: "Before former President", "If the ...")
_VERB_WORDS = frozenset("is was are were be been being has had have did does do would will could should "
                        "can may might must said says".split())  # fmt: skip
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "rev"})
_PLACE_PREPS = re.compile(
    r"(?:\b(?:in|near|nearby|outside|into|across|through|via|towards)(?:\s+the)?|"
    r"\b(?:town|city|village|province|region|capital|district|port|suburb|resort|island|state|county)\s+of|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|\bclose\s+to|"
    # a list of places after their plural noun: "the villages of Karavan and Kousheh", "the villages Kavouhi and
    # Zinabieh", "resorts such as Cayo Coco", "a triangular area between Ras Al Khaimah, Al Ain and Dubai"
    r"\b(?:towns|cities|villages|provinces|regions|districts|suburbs|resorts|islands|area\s+between)"
    r"(?:\s+of|\s+such\s+as)?(?:\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},?(?:\s+(?:and|or))?)*)\s+$",
    re.IGNORECASE,
)
_PLACE_WORDS = frozenset({"col", "port", "mount", "mt", "lake", "river", "bay", "gulf", "cape", "plateau",
                          "valley", "strait", "island", "islands"})  # fmt: skip
_FACILITY_AFTER = re.compile(r"\s+(?:station|jail|prison|airport|square|bridge|stadium|street|road|avenue|airbase)\b")
# what may follow a place name that ends a phrase: punctuation, a preposition or conjunction
_CLAUSE_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|on|in|at|to|for|with|from|after|before|since|until|where|"
                           r"which|when|last|this|earlier|yesterday|today|[A-Z])\b")
_STAKE_IN = re.compile(r"\b(?:invest\w*|stakes?|shares?|interests?|holdings?|jobs?|work\w*)\s+in\s+$", re.I)
# a name followed by one of these is a place ("the Burley, Beeston and Holbeck areas")
_AREA_AFTER = re.compile(r"\s+(?:area|areas|district|districts|suburb|suburbs|neighbou?rhoods?|estate|region)\b")
_TOWNS_AFTER = re.compile(r"\s+(?:cities|towns|villages|provinces)\b")  # "In Bojnourd and Astaneh Ashrafiyeh cities"
# a name followed by one of these is a company or an online service ("Twitter account", "Crowley's Web site")
_SERVICE_AFTER = re.compile(r"(?:['’]s)?\s+(?:account|accounts|user|users|page|feed|website|web\s+site|site|app|"
                            r"platform|customers|subscribers|employees|executives)\b", re.I)
# a team: a win-loss record or a score after its name ("putting Indy up 7 - 0"), a result before it
_TEAM_AFTER = re.compile(r"\s*\(\d{1,2}-\d{1,2}\b|"
                         r"\s+(?:led|leads|up|trailed|trails|beat|beats|edged)\s+\d{1,3}\s?-\s?\d{1,3}\b|"
                         r"['’]s\s+\d{1,2}\s+(?:turnovers|possessions|fumbles)\b")  # "seven of Davidson's 17 turnovers"
_TEAM_BEFORE = re.compile(r"\b(?:win|wins|victory|victories|loss|losses|defeat|defeats|upset)\s+(?:over|to)\s+"
                          r"(?:the\s+)?(?:(?:No\.\s*)?\d+\w*(?:-ranked)?\s+)?$")
_RIVAL_BEFORE = re.compile(r"\b(?:over|against|beat|beats|beating|vs\.?|versus|face|faces|facing)\s+the\s+$")
# a town's police, residents, mayor ("a Woodburn police officer")
_TOWN_AFTER = re.compile(r"\s+(?:police|residents|mayor|city\s+council|fire\s+department|firefighters|"
                         r"man|woman|men|women|native|natives|teen|teenager|boy|girl|couple)\b")
# a hometown after a person's name and a comma or age: "LuAnn Marie Johnson, 66, of Burnsville", "Jenkin, of Millom"
_HOMETOWN_BEFORE = re.compile(r"(?:\b\d{1,3},?|,)\s+of\s+$")  # (not "Alex Kohner of Morris, Yorn", a firm)
# a company by the business noun after it: "a branch of the Marfin bank", "Mozilla's browser"
_BUSINESS_AFTER = re.compile(r"(?:['’]s)?\s+(?:bank|banks|branch|branches|company|firm|chain|store|stores|browser|"
                             r"software|shares|stock|brand|airline|carrier|network|subsidiary|operator)\b", re.I)
# a company's premises or goods after its name ("the Mat Maid warehouse", "Mat Maid assets"): not for people's
# names, whose owners' houses and buildings are named so too
_PREMISES_AFTER = re.compile(r"(?:['’]s)?\s+(?:warehouse|warehouses|plant|plants|factory|factories|assets|"
                             r"headquarters|dairy|creamery|brewery|mill|complex|building)\b", re.I)
# a company or medium noun right before a name ("the conservative daily Eleftheros Typos", "the spiritual Web site
# Beliefnet", "law firm Morris"): lower case, so not a word of the name
_MEDIUM_BEFORE = re.compile(r"\b(?:daily|dailies|weekly|newspaper|tabloid|magazine|website|[Ww]eb\s+site|blog|"
                            r"broadcaster|company|firm|retailer|chain|browser|carrier|airline|provider|network)\s+$")
# a medium things are said on ("said on Twitter", "announced on CNN")
_SAID_ON = re.compile(r"\b(?:said|says|announced|posted|wrote|reported|confirmed|revealed|tweeted|told\s+\w+)\s+on\s+$")
# a name followed by one of these is a news organisation ("told Mir television", "the Itar-Tass news agency")
_MEDIA_AFTER = re.compile(r"\s+(?:television|tv|radio|news agency|newspaper|daily|broadcaster|channel)\b", re.I)
# "its" later in the clause a name opens, no personal pronoun or other capitalised word before it
_ITS_AFTER = re.compile(r"(?:\s+(?!(?:he|she|his|her|him|who)\b)[a-z][\w'’-]*){1,6}\s+its\b")
_GROUP_OF = re.compile(r"^g-?\d{1,2}$", re.I)  # "G7", "G-20": groups of countries, not places
# a product's version after its name ("released Firefox 3.05 to", "updates for Firefox 2\""): not a count or a score
_VERSION_AFTER = re.compile(r"\s+v?\d{1,2}(?:\.\d{1,3}){1,2}(?![\d%-])(?!\s+(?:percent|per|points?|million|billion|"
                            r"m|km|mph|kg|lbs?|seconds?|minutes?|hours?|yards?|feet|ft|inches|metres|meters|miles)\b)"
                            r"|\s+\d{1,2}[\"”](?=\s*[.,;]?\s)")
# a gun's calibre: "a .357 Magnum", "a. 357 Magnum" (not a decimal, "3.5 Richter", nor a date, "the Dec. 12 Register")
_CALIBRE_BEFORE = re.compile(r"(?:^|\s|\b(?:an?|the|his|her|their))\.\s?\d{2,3}\s+$")
# a company or lab someone works for: "intelligence director with Verisign's", "a researcher at Sophos"
_A_BRANCH_BEFORE = re.compile(r"\b(?:a|an)\s+(?:local\s+|nearby\s+)?$")  # people take no "a": "a local Rite Aid"
_EMPLOYER_BEFORE = re.compile(r"\b(?:director|manager|analyst|analysts|researcher|researchers|engineer|engineers|"
                              r"executive|executives|spokesman|spokeswoman|spokesperson|officer|scientist|"
                              r"employee|employees|staff|founder|vice\s+president)\s+(?:with|at)\s+$", re.I)
_FILE_AFTER = re.compile(r"\s?\.\s?(?:dll|exe|sys|ocx|jar)\b", re.I)  # a program's file: "Mshtml . dll"
_AIRLINE_AFTER = re.compile(r"\s+(?:flight|flights|jet|jets|jetliner|jetliners|airliner|airliners)\b")
_ISLAND_BEFORE = re.compile(r"\b(?:island|islands|isle|archipelago|atoll)\s+of\s+$", re.I)
_ISLAND_AFTER = re.compile(r",\s+(?:an?|the)\s+(?:[a-z]+\s+)?(?:island|islands|archipelago|atoll)\b")
_TOKEN = re.compile(r"[A-Za-z][\w.'’-]*|[,;:()\"“”]")


def _context_votes(text: str, m: Mention, person: bool = False, named: bool = False) -> Counter[str]:
    """Votes on a mention's kind from its context (a cue weighs as much as two spaCy labels). Cues
    only correct spaCy's usual confusions: names of people or places labelled as organisations,
    places labelled as people, teams labelled as places. ``person``: the name is a person's full
    name or surname in the story (a boxer's record is no team's); ``named``: a word of a person's full name in
    the story or a census given name and surname, no place of the list (a preposition before it is no place's
    mark: "in Theo we trust", "via Jeff Duncan of the Times-Picayune")."""
    votes: Counter[str] = Counter()
    before, after = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 24]
    words = [w.lower().strip(".") for w in _DASH_OR_SPACE.split(normalise(m.text)) if w]
    if m.label == "PERSON" and not named and _PLACE_PREPS.search(before) and not after.startswith(("'", "’")):
        votes["GPE"] += 2  # "in the town of Khan Shaykhun"
    if m.label not in _PLACE and len(words) > 1 and words[0] in _PLACE_WORDS:
        votes["LOC"] += 3  # "the Col de Port"
    if m.label in ("PERSON", "ORG", "NORP") and (_ISLAND_BEFORE.search(before) or _ISLAND_AFTER.match(after)):
        votes["LOC"] += 2  # "the island of Fernando de Noronha", "Fernando de Noronha, an island located" (spaCy's ORG)
    elif m.label in ("PERSON", "ORG") and _FACILITY_AFTER.match(after):
        votes["FAC"] += 2  # "at Kings Cross station", "Rebibbia jail"
    elif m.label in ("PERSON", "ORG", "NORP") and _AREA_AFTER.match(after) or (
            m.label in ("PERSON", "ORG") and _TOWNS_AFTER.match(after)):  # fmt: skip
        votes["GPE"] += 2  # "the Burley, Beeston and Holbeck areas"; not "Asian cities"
    elif (m.label == "ORG" and len(words) == 1 and m.text.isalpha() and not m.text.isupper()
          and words[0] not in _BODY_HEADS | _ORG_NOUNS | {"house"} and _PLACE_PREPS.search(before)
          and _CLAUSE_AFTER.match(after) and not _STAKE_IN.search(before)):  # fmt: skip
        votes["GPE"] += 2  # "properties were searched in Dewsbury, about eight miles from"; not "in Colts territory"
    if m.label in ("PERSON", "FAC", "GPE", "PRODUCT") and _MEDIA_AFTER.match(after):
        votes["ORG"] += 2  # "told Mir television"
    elif (m.label in ("PERSON", "LOC", "FAC", "NORP") and len(words) == 1 and _AIRLINE_AFTER.match(after)
          and normalise(m.text) not in _PLACES and normalise(m.text) not in _GAZETTEER):  # fmt: skip
        votes["ORG"] += 2  # an airline: "died on the Valujet flight" (spaCy's LOC); not "the Paris flight"
    elif m.label in ("PERSON", "GPE", "FAC", "NORP", "PRODUCT") and (
            _SERVICE_AFTER.match(after) or _SAID_ON.search(before)):  # fmt: skip
        votes["ORG"] += 2  # "another Twitter user", "Verizon customers", "announced on Twitter"
    elif (not person and m.label == "PERSON" and len(words) == 1 and before.endswith(" on ")
          and _CLAUSE_AFTER.match(after) and not _known_given(m.text) and words[0] not in _SURNAMES):  # fmt: skip
        votes["ORG"] += 2  # "made the announcement on Twitter on Friday": a service (a person with no name's shape)
    elif (not person and m.label == "PERSON" and len(words) == 1 and not _known_given(m.text)
          and words[0] not in _SURNAMES and _ITS_AFTER.match(text, m.end)):  # fmt: skip
        votes["ORG"] += 2  # "Mozilla has released a scheduled update for its open source Firefox web browser"
    if not person and m.label in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG") and (
            _TEAM_AFTER.match(after) or _TEAM_BEFORE.search(before)):  # fmt: skip
        votes["ORG"] += 2  # "a 71-57 win over South Florida", "the Golden Eagles (14-2, 3-0)", "Indy led 13 - 3"
    elif (not person and m.label == "PERSON" and len(words) == 1 and _RIVAL_BEFORE.search(before)
          and words[0] not in _SURNAMES and not _known_given(m.text)):  # fmt: skip
        votes["ORG"] += 2  # a team's name in the singular: "it was over the Thunder" (no one is "the Thunder")
    elif (not person and m.label in ("ORG", "PERSON") and len(words) == 1 and _TOWN_AFTER.match(after)
          and words[0] not in _ORG_NOUNS | _BODY_LAST):  # fmt: skip
        votes["GPE"] += 2  # "a Woodburn police officer", "Bloomington residents", "a 66-year-old Burnsville woman"
    elif not person and m.label in ("ORG", "PERSON") and len(words) == 1 and _HOMETOWN_BEFORE.search(before):
        votes["GPE"] += 2  # "LuAnn Marie Johnson, 66, of Burnsville"
    if not person and m.label == "PERSON" and len(words) == 1 and _BUSINESS_AFTER.match(after):
        votes["ORG"] += 2  # "the Marfin bank", "Mozilla's browser"
    elif (m.label == "PERSON" and not any(_known_given(w) for w in m.text.split())
          and words[-1] not in _SURNAMES
          and (_BUSINESS_AFTER.match(after) or _PREMISES_AFTER.match(after))):  # fmt: skip
        votes["ORG"] += 2  # "the old Mat Maid building", "the Matanuska Maid Dairy warehouse"
    elif m.label == "PERSON" and _MEDIUM_BEFORE.search(before) and not _known_given(m.text.split()[0]):
        votes["ORG"] += 2  # "the Bucharest daily Evenimentul Zilei"
    elif (m.label == "PERSON" and len(words) > 1 and not _known_given(normalise(m.text).split()[0])
          and (_A_BRANCH_BEFORE.search(before) or m.text.startswith(("a ", "an ")))):  # fmt: skip
        votes["ORG"] += 2  # one of a chain's shops: "attacked outside of a local Rite Aid", "looted a Rite Aid"
    if m.label in ("PERSON", "ORG", "GPE") and (_VERSION_AFTER.match(after) or _FILE_AFTER.match(after)):
        votes["PRODUCT"] += 2  # "just released Firefox 3.05 to Firefox users", 'a DLL named "Mshtml . dll"'
    elif not person and m.label in ("PERSON", "ORG", "GPE") and _CALIBRE_BEFORE.search(before):
        votes["PRODUCT"] += 2  # "she returned with a .357 Magnum" (a gun's calibre before its maker's or model's name)
    elif (not person and m.label == "PERSON" and len(words) == 1 and _EMPLOYER_BEFORE.search(before)
          and not _known_given(m.text) and words[0] not in _SURNAMES):  # fmt: skip
        votes["ORG"] += 2  # "Rick Howard, intelligence director with Verisign's iDefense group"
    if m.label != "ORG" and _GROUP_OF.match(m.text.strip()):
        votes["ORG"] += 2  # "a G7 ministerial meeting"
    if m.label in ("PERSON", "ORG") and _initials_of_a_town(text, m):
        votes["PERSON"] += 2  # "P.J. Carlesimo (Oklahoma City), Eddie Jordan (Washington)" (spaCy's ORG)
    elif m.label == "ORG" and _films_maker(m.text) and _GENRE_AFTER.match(after):
        votes["PERSON"] += 2  # a film's maker: "the new Baz Luhrmann romantic adventure" (spaCy's ORG)
    elif len(words) > 1 and (words[-1] in _BODY_LAST | _ORG_NOUNS or normalise(m.text) in _GAZETTEER
                             or words[-1] in _PERSON_PLACE_HEADS):  # fmt: skip
        pass  # "Rep. Nick Rahall (D) of West Virginia, the chairman", "Professor at Duke University, who": not people
        # (nor "the Libertador General Bernardo O'Higgins Region": the region's name, after no one's title)
    elif m.label in ("PERSON", "ORG", "GPE") and _role_before(before):
        votes["PERSON"] += 2  # "team spokesperson Corinne Druey"
    elif (m.label in ("PERSON", "ORG", "GPE") and len(words) > 1 and not (m.label == "GPE" and before.endswith(" of "))
          and _role_apposition(text, m)):  # fmt: skip (not "Rep. Nick Rahall (D) of West Virginia, the chairman")
        votes["PERSON"] += 2  # "the head of the UNFCCC Secretariat, Yvo de Boer,"
    elif (m.label in ("PERSON", "ORG") and _WHO_OR_AGE_AFTER.match(after) and not m.text.startswith("the ")
          and not before.endswith("the ")):  # fmt: skip
        votes["PERSON"] += 2  # "Valverde and Mayo, who"; not "the Atlanta Hawks, who" (people take no "the")
    return votes


# the shape of a name says its kind, whatever spaCy tagged: streets and squares ("Rue de Castiglione",
# "Place Vendôme", "Avenue Montaigne", "Church Avenue"), buildings ("Carlton Hotel"), bodies and
# companies ("West Yorkshire Police", "Harry Winston Diamond Corp.")
_STREET_FIRST = frozenset({"rue", "place", "avenue", "avenida", "plaza", "piazza", "boulevard", "calle", "rua", "quai"})
_STREET_LAST = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "square",
                          "highway", "motorway", "bridge", "plaza", "hotel", "airport", "stadium", "prison", "jail",
                          "lodge", "resort", "motel", "inn", "balcony", "promenade", "boardwalk"})
_RACE_LINKS = frozenset({"de", "of", "du", "down"})  # a stage race: "Tour de France", "Tour of Flanders"
_STORM_FIRST = frozenset({"typhoon", "hurricane", "cyclone", "superstorm"})  # "Typhoon Angela" PERSON
_EVENT_LAST = frozenset({"awards", "games", "olympics", "championship", "championships", "cup", "festival", "summit",
                         "tournament", "marathon"})
_BODY_LAST = frozenset("""
    organization organisation agency service services committee council institute fund party army navy force
    forces ministry department commission board authority corporation company foundation federation league
    university college administration bureau secretariat alliance coalition police constabulary command assembly
    parliament congress senate tribunal corp inc ltd plc llc co airlines airways newswire newswires
    industries holdings petroleum motors communications technologies pharmaceuticals enterprises laboratories labs
    studios broadcasting telecom news info tv radio television times journal tribune herald gazette press
""".split())  # fmt: skip
# a name spaCy tags PERSON ending in one of these is a university or its team: "played at Wayne State", "Texas Tech"
# (no one's name ends so; spaCy's GPE "Free State", ORG "Islamic State" keep theirs)
_SCHOOL_LAST = frozenset({"state", "tech"})
# titles that, inside a name spaCy ran together, put a person after them ("Palmer Police Sergeant Shayne La Croix")
_TITLE_INSIDE = frozenset("""
    sergeant sgt officer detective det sheriff lieutenant lt captain capt spokesman spokeswoman spokesperson
    minister secretary senator sen president director chairman chairwoman mayor governor gov judge coach
    commissioner superintendent supt inspector constable trooper deputy
""".split())  # fmt: skip


def _shape_label(surface: str, label: str) -> str | None:
    """The label a multi-word name's first or last word gives it: FAC for a street, square or
    building, ORG for a body or company; None when the shape says nothing or agrees with ``label``
    (laws, events, works keep theirs: "Clean Air Act", "Battle of Britain")."""
    words = [w.lower().strip(".,") for w in surface.split()]
    if label == "PERSON" and len(words) == 1 and _FIRM_CAMEL.fullmatch(surface):
        return "ORG"  # "the airline's parent SAirGroup": no one's name opens with two capitals and a small letter
    if len(words) == 1 and words[0] in _PRODUCT_NAMES:
        return None if label == "PRODUCT" else "PRODUCT"  # "playing Xbox and 'Mortal Kombat'" (spaCy's PERSON)
    if len(words) < 2 or label not in _NAME_LABELS | {"NORP"} or surface in _GAZETTEER:
        return None
    if label == "PERSON" and words[0] in _SAINT_TOWN_FIRST and surface.split()[1][:1].isupper():
        return "GPE"  # "San Pedro de La Paz", "Santa Cruz de Tenerife" (spaCy's PERSON): a town named for a saint
    after = next((i for i, w in enumerate(words[:-1]) if w in _TITLE_INSIDE), None)
    if after is not None and words[-1] not in _BODY_LAST | _STREET_LAST and 1 <= len(words) - after - 1 <= 3:
        rest = surface.split()[after + 1 :]
        if all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in rest) and not any(w.lower() in _TITLE_INSIDE for w in rest):
            return None if label == "PERSON" else "PERSON"  # "Marion County Sheriff Russ Isham"
    if label in ("PERSON", "ORG") and (words[-1] in _AWARD_LAST or tuple(words[-3:]) in _AWARD_TAILS):
        return "OTHER"  # "USC running back and Heisman Trophy winner" (PERSON), "a MacArthur Foundation Fellow" (ORG)
    if label == "PERSON" and words[-1] in _BOOK_LAST:
        return "WORK_OF_ART"  # "according to Nat Fleischer's Ring Record Book" (spaCy's PERSON)
    if label == "PERSON" and (words[0] in _SPANISH_PLACE_FIRST or words[-1] in _SPANISH_PLACE_LAST):
        return "GPE"  # "Espinillo, Los Boldos, Alto Ramírez", "Viña del Mar, Santiago Centro", "the owner of Entre Mar"
    if words[-1] in _EVENT_LAST or words[0] in _STORM_FIRST or words[0] == "tour" and words[1] in _RACE_LINKS:
        return None if label == "EVENT" else "EVENT"  # "Golden Globe Awards", "ACC Tournament", "Tour de France"
    if words[0] in _STREET_FIRST or words[-1] in _STREET_LAST:
        return None if label in _PLACE else "FAC"
    if label == "PERSON" and (head := _PERSON_PLACE_HEADS.get(words[-1])):
        return head  # "Juan Fernández Islands", "Bernardo O'Higgins Region", "Sydney Observatory" (spaCy's PERSON)
    if words[-1] in _BODY_LAST or (label == "PERSON" and words[-1] in _SCHOOL_LAST):
        return None if label == "ORG" else "ORG"
    if label in _PLACE and _town_and_plural(surface):
        return "ORG"  # a team: "the Miami Dolphins" (spaCy's GPE), "the Denver Broncos", "San Francisco 49ers" (FAC)
    if words[0] == "comet":
        return None if label in _PLACE else "LOC"  # a celestial body, as "the Sun": "Comet Tempel-Tuttle" (ORG)
    return None


# consoles and devices known by one word that is no person's, place's or firm's name (the maker's is its own)
_PRODUCT_NAMES = frozenset({"xbox", "playstation", "wii", "iphone", "ipad", "ipod", "kindle", "walkman", "gameboy"})
# an award's last word ("awards" is the ceremony, an event): no person's name ends so
_AWARD_LAST = frozenset({"trophy", "prize", "medal", "award", "fellow"})
# an award's title named by its last three words: "the American League Most Valuable Player" (spaCy's ORG),
# "NBA Rookie of the Year"; no body's or person's name ends so
_AWARD_TAILS = frozenset({("most", "valuable", "player"), ("of", "the", "year")})
# a reference book's last word ("Ring Record Book", "Guinness Book"); no person's name ends so
_BOOK_LAST = frozenset({"book", "handbook", "almanac", "almanack", "yearbook", "encyclopedia", "encyclopaedia"})
# Spanish words that open or end a place's name and no person's: "Alto Ramírez", "Puerto Montt", "Santiago Centro",
# "Entre Mar" ("between": a preposition opens no one's name); not "villa", "monte", "del", surnames' first words
_SPANISH_PLACE_FIRST = frozenset({"alto", "bajo", "puerto", "cerro", "punta", "playa", "lago", "bahía", "entre"})
_SPANISH_PLACE_LAST = frozenset({"centro", "norte", "sur", "oriente", "poniente"})
_FIRM_CAMEL = re.compile(r"[A-Z]{2}[a-z]+[A-Z][a-z]+\w*")  # "SAirGroup"; not "DeShawn", "McDermott", "LeBron"
_SAINT_TOWN_FIRST = frozenset({"san", "santa", "santo", "são", "sao"})  # (people's names open with "Saint" too)
# plurals that end places' names: "Palm Springs", "Golan Heights", "Hawaiian Gardens", "Finger Lakes"
_PLACE_PLURALS = frozenset("""
    falls springs mountains lakes keys heights gardens islands isles hills plains highlands woods rapids flats pines
    oaks meadows estates acres villas towers sands glades everglades narrows shoals banks groves parks territories
    downs fields cliffs rocks bluffs wells cays avenues aves streets sts roads emirates
""".split())  # fmt: skip
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
_CAPITALISED_WORDS = re.compile(r"(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_TEAM_PLURAL = re.compile(r"[A-Z][a-z]+[^siu'’]s|\d+ers")  # "Dolphins", "Broncos", "49ers"; not "Davis"


# the major leagues' team names in the plural that are no people's or group's word ("Texans", "Indians", "Senators",
# "Nationals", "Islanders", "Patriots" are): after a town that is also a census name ("Denver", "Golden State" are
# not in the place list) they still make a team
_TEAM_NAMES = frozenset("""
    49ers 76ers bengals bills broncos browns buccaneers chargers chiefs colts cowboys dolphins falcons jaguars
    packers panthers raiders ravens redskins seahawks steelers titans vikings celtics nets hornets cavaliers
    mavericks nuggets pistons warriors rockets pacers clippers lakers grizzlies bucks timberwolves pelicans knicks
    spurs raptors suns blazers wizards supersonics sonics bobcats diamondbacks braves orioles cubs rockies astros
    dodgers marlins brewers mets yankees phillies padres mariners bruins sabres blackhawks oilers canadiens
    predators flyers penguins canucks thrashers
""".split())  # fmt: skip


def _town_and_plural(surface: str) -> bool:
    """A known town or state, then a plural no place's name ends with: a team's full name ("Miami Dolphins",
    "San Francisco 49ers"; not "Palm Springs", "Colorado Springs", "Cayman Islands", "South Wales", "Northern
    Emirates"); or any town's name before a league's team name ("Denver Broncos", "Golden State Warriors")."""
    head, _sep, last = surface.rpartition(" ")
    return (bool(head) and _TEAM_PLURAL.fullmatch(last) is not None and last.lower() not in _PLACE_PLURALS
            and head.lower() not in _COMPASS and last not in _PLACES and last not in _GAZETTEER
            and (head in _PLACES or _GAZETTEER.get(head) == "GPE"
                 or last.lower() in _TEAM_NAMES and _CAPITALISED_WORDS.fullmatch(head) is not None))  # fmt: skip


# a square bracket inside a word, as an editor marks a changed letter: "[I]t's", "I\]t" (markdown's escape); not
# a name the editor put in: "[Obama] said"
_BRACKET_IN_WORD = re.compile(r"[^\W\d_]\\?[\[\]][^\W\d_]|^\\?\[[^\W\d_]{1,2}\\?\][^\W\d_]")
_CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday""".split())


def _role_before(before: str, names: frozenset[str] = frozenset()) -> str | None:
    """The title right in front of a name ("Russian Foreign Minister", "Maj. Gen.", "Mr."), never holding
    another person's full name (``names``: "Attorney General John Mitchell President Nixon" gives "President")."""
    toks = _TOKEN.findall(before.split("\n")[-1])
    role: list[str] = []
    for t in reversed(toks):
        low = t.lower().strip(".")
        if _WORD_AND_STOP.fullmatch(t) and low not in ROLE_WORDS:
            break  # a word ending its sentence ("... in the Gulf of Aden. Secretary of State Rice")
        if low in _CALENDAR_WORDS:
            break  # "in September Judge Anthony Russell": a date, not part of the title
        if low in ROLE_WORDS or (t[0].isupper() and not t.endswith(("'s", "’s")) and len(role) < 6):
            role.insert(0, t)
            continue
        break
    while role and role[0].lower() in _LEADING | _OPENERS:  # "With President", "Before former President"
        role.pop(0)
    # "John Mitchell President": another person's full name, then the title
    cut = [j for i in range(len(role)) for j in range(i + 2, len(role) + 1) if " ".join(role[i:j]) in names]
    role = role[max(cut) :] if cut else role
    ofs = [i for i in range(1, len(role) - 1) if role[i] == "of"]
    if ofs:  # "Government of Prime Minister" -> "Prime Minister"; "Secretary of State" stays
        after = role[ofs[-1] + 1 :]
        first = after[0].lower().strip(".")
        if _is_head(after[-1]) and (_is_head(first) or first in ROLE_WORDS - {"the", "of", "for"}):
            role = after
    if not role:
        return None
    while len(role) > 1 and role[-1].lower().strip(".") in HONORIFICS:  # "Lieutenant General Sir"
        role.pop()
    if not any(w.lower().strip(".") in ROLE_HEADS for w in role):
        return None
    if role[-1].lower().strip(".") not in ROLE_HEADS and not re.search(
        r"\b[A-Za-z]+ of(?: [A-Z][a-z]+){1,2}$", " ".join(role)
    ):
        return None  # the title must end the phrase ("... Minister", "Secretary of State")
    return " ".join(role)


def _is_head(w: str) -> bool:
    return w.lower().strip(".") in ROLE_HEADS


def _role_apposition(text: str, m: Mention) -> str | None:
    """A role in apposition: after the name ("Jose Alencar, the Brazilian vice president,") or
    before it ("The United Nations secretary-general, Ban Ki-moon says")."""
    after = text[m.end : m.end + 90]
    hit = _APPOSITION_AFTER.match(after)
    if hit:
        phrase = hit.group(1)
        words = phrase.split()
        if (
            len(words) <= 8
            and (words[0].lower() in ROLE_WORDS or words[0][0].isupper())
            and any(_is_head(w) for w in words[:4])
            and not _CLAUSE_WORDS.search(phrase)
        ):
            return phrase
    start = text.rfind("\n", 0, m.start) + 1
    before = text[max(start, m.start - 80) : m.start]
    hit = _APPOSITION_BEFORE.search(before)
    if hit:
        words = hit.group(1).split()
        if (
            len(words) <= 8
            and (words[0].lower() in ROLE_WORDS or words[0][0].isupper())
            and words[0].lower() not in _OPENERS
            and not any(w.lower() in _VERB_WORDS for w in words)
            and any(_is_head(w) for w in words)
        ):
            return hit.group(1)  # not a clause: "If the president had approved the plan, LaRue ..."
    return None


def _role(text: str, m: Mention, names: frozenset[str] = frozenset()) -> str | None:
    pre = _role_before(text[max(0, m.start - 60) : m.start], names)
    if pre and pre.split()[-1].lower().strip(".") in HONORIFICS and len(pre.split()) == 1:
        pre = None  # "Mr." alone is no role
    role = pre or _role_apposition(text, m)
    last = role.split()[-1] if role else ""
    if role and last.endswith(".") and len(last) > 5 and last[:-1].isalpha():  # "acting director." ends a sentence;
        role = role[:-1]  # "Vice Adm.", "Sgt." keep their abbreviation's stop
    return role


_REGNAL = re.compile(r"(?:[IVX]{1,4}|Jr\.?|Sr\.?)")


@dataclass(eq=False)  # one cluster is itself only: "c in clusters" by identity, not by comparing Counters
class _Cluster:
    family: str
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)  # spaCy labels and context votes
    articles: set[str] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)
    glued: set[str] = field(default_factory=set)  # names read with words in front ("GM Ed Stefanski")

    def name(self) -> str:
        # the most informative variant: most distinct tokens ("Mella Alejandro Mella", a caption's repeat, has
        # no more than "Alejandro Mella"), then most mentioned, then first seen; a glued name is no candidate.
        # A person is named by the full name the articles write most ("Bettie Page", 40 times, not her birth name
        # "Betty Mae Page", 4), the longer one on a tie
        names = [s for s in self.surfaces if s not in self.glued] or list(self.surfaces)
        full = [s for s in names if len({w.lower() for w in s.split()}) >= 2 and s.split()[0].lower() not in
                _SURNAME_PARTICLES]  # a surname with its particle is no full name ("Del Rio" beside "Jack Del Rio")
        if self.family == "PERSON" and full:
            best = max(full, key=lambda s: (self.surfaces[s], len({w.lower() for w in s.split()})))
            # ... with the regnal or generational number the articles write with it ("John Paul II")
            return next((s for s in full if s.startswith(best + " ") and _REGNAL.fullmatch(s[len(best) + 1 :])), best)
        line = [s for s in names if " " not in s and all(v == s or v.startswith(s + " ") for v in names)]
        if self.family == "PRODUCT" and line:
            return line[0]  # a product line by its own name ("Windows", not "Windows IE 8" nor "Windows 8.1")
        return max(names, key=lambda s: (len({w.lower() for w in s.split()}), self.surfaces[s]))


_TITLE_BEFORE = re.compile(r"(?i)\b(?:secretary|minister|ministers|secretaries)\s+(?:of|for)\s+(?:the\s+)?$")


_TIME_ZONE = re.compile(r"(?:[\d:.]+\s*(?i:[ap]\.?m\.?\s*)?)?(?:GMT|UTC|BST|CET|CEST|EET|EEST|[ECMP][SD]T|IST|JST|"
                        r"AE[SD]T|HKT|SGT|MSK)(?:[+-]\d{1,2})?")


_LONE_TITLES = _TITLE_INSIDE | frozenset("atty dist clerk founder retiree cpl pvt spc gen col maj cmdr adm".split())
# a portfolio's words before "Secretary", "Minister", "General": "Finance Secretary Edgardo Espiritu", "former Foreign
# Affairs Minister Mircea Geoană", "Surgeon General David Satcher" are titles, spaCy's ORG names no body there
_PORTFOLIO = frozenset("""
    surgeon attorney solicitor inspector postmaster finance defence defense foreign affairs home interior internal
    external commerce housing health treasury justice labour labor education trade energy environment transport
    transportation agriculture economy economic economics culture tourism welfare veterans homeland security state
    communications information industry planning development social public works budget fisheries mines
    employment immigration science technology sports youth women children family local government and of the for
""".split())  # fmt: skip
_PORTFOLIO_TITLE_AFTER = re.compile(r"\s+(?:Secretary|Minister|General|Secretary-General|Ministers|Secretaries)\b")
_COUNTRY_FRONT = re.compile(r"^(?:U\.S\.|US|U\.K\.|UK|British|American)\s+")


# a disease named after someone ("Huntington's disease") or an award after a name ("the MacArthur genius award",
# "the Pulitzer prize"): no person, body or place of the story
_DISEASE_OR_AWARD_AFTER = re.compile(r"(?:['’]s?\s+(?:disease|syndrome)|(?:\s+[a-z]+)?\s+(?:award|awards|prize|prizes|"
                                     r"medal|medals|fellowship|fellowships|trophy)(?![\w-]))")


def _portfolio_title(m: Mention, surface: str, text: str) -> bool:
    """A non-person mention made only of a portfolio's words ("Finance", "Foreign Affairs", "U.S. Surgeon") right
    before "Secretary", "Minister" or "General": part of a title."""
    if not _PORTFOLIO_TITLE_AFTER.match(text, m.end):
        return False
    words = [w.lower() for w in _COUNTRY_FRONT.sub("", surface).split()]
    return bool(words) and all(w in _PORTFOLIO for w in words) and words[0] not in ("and", "of", "the", "for")


# abbreviations of common nouns, which spaCy tags ORG ("arrested on suspicion of DUI", "won by KO", "CCTV footage"):
# general knowledge, no organisation's name
_COMMON_ABBREVIATIONS = frozenset("""
    DUI DWI OWI KO TKO TD TDs MVP MVPs RBI RBIs QB RB WR CCTV SOS HTML SQL PDF GPS DNA HIV ATM ATMs VIP VIPs IQ
    I.Q. CEO CEOs CFO COO CTO GDP CPI IPO IPOs SUV SUVs PCs USB DVD DVDs MRI ICU IED IEDs RPG RPGs UFO UFOs FAQ FAQs
    VPN LED LCD
""".split())  # fmt: skip


# degrees and titles written as abbreviations beside a name ("Regina Benjamin, MD, MBA", "Howard R. Sanders, Esq.",
# "Msgr. Farmer", "Deputy D.A. Lowell Anger"): spaCy tags them GPE or ORG; a doctor's "MD" only after a story
# surname or an article ("her MD degree"), since "Md." and "MD" are also Maryland ("Bethesda, Md.")
_DEGREES = frozenset("PhD Ph.D. MBA M.B.A. Esq Esq. Msgr Msgr. D.A. DDS D.D.S. LLB LL.B.".split())
_DOCTOR = frozenset({"MD", "M.D."})
_SURNAME_COMMA_BEFORE = re.compile(r"([A-Z][\w'’-]+),\s*$")
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|her|his|their)\s+$", re.I)


def _degree(surface: str, text: str | None, m: Mention, surnames: set[str]) -> bool:
    if surface in _DEGREES:
        return True
    if surface not in _DOCTOR or text is None or not _exact(m, text):
        return False
    before = text[max(0, m.start - 40) : m.start]
    name = _SURNAME_COMMA_BEFORE.search(before)
    return (name is not None and name.group(1) in surnames) or _ARTICLE_BEFORE.search(before) is not None


def _owner_of_a_name(m: Mention, surface: str, text: str | None, owned: set[str]) -> bool:
    """A one-word PERSON mention that opens a longer name the story tags as something else, "X's Club": spaCy's
    "[Sam]'s Club" beside its "Sam's Club" (ORG) is no person named Sam (``owned``: the story's names with "'s")."""
    if m.label != "PERSON" or " " in surface or text is None or text[m.end : m.end + 2] not in ("'s", "’s"):
        return False
    rest = re.match(r"['’]s ([A-Z][\w'’-]*)", text[m.end : m.end + 40])
    return rest is not None and any(o in (f"{surface}'s {rest.group(1)}", f"{surface}’s {rest.group(1)}")
                                    or o.startswith((f"{surface}'s {rest.group(1)} ", f"{surface}’s {rest.group(1)} "))
                                    for o in owned)  # fmt: skip


def _not_an_entity(m: Mention, surface: str, text: str | None, surnames: set[str]) -> bool:
    """spaCy's misreadings of news titles and pairs: the department in "Secretary of State Rex
    Tillerson" or "Minister for Foreign Affairs" is part of a person's title, not an organisation;
    "the Tillerson-Lavrov talks" pairs two people of the story, it names no organisation."""
    if _TIME_ZONE.fullmatch(surface):  # "GMT", "08:30 BST": a time, which spaCy often tags ORG
        return True
    if " " not in surface and surface.lower().rstrip(".") in _LONE_TITLES:  # "Sgt", "Sheriff", "Atty" alone
        return True
    words = [w.lower().rstrip(".") for w in surface.split()]
    titles = ROLE_WORDS | {"rear", "admiral"}
    if len(words) > 1 and words[-1] in ROLE_HEADS | {"admiral"} and all(w in titles for w in words):
        return True  # "Rear Admiral", "Prime Minister": a title alone names nobody
    if surface in ("Us", "Me", "It"):  # "About Us", "Contact Us": the pronoun, not the United States
        return True
    if surface in _COMMON_ABBREVIATIONS or _degree(surface, text, m, surnames):  # "DUI", "KO", "CCTV": a thing
        return True
    if re.search(r"(?i)\bn't\b|(?<=\s)'(?:re|ve|ll|m|d)\b", surface):  # "DO N'T Appropriate": a tokenized contraction
        return True
    if m.label == "PERSON" and _LETTER_DIGIT.search(surface):  # "COVID-19", "MD-11", "AF447": a code
        return True
    if _BRACKET_IN_WORD.search(m.text):  # '"[I]t's like trying to find ...': an editor's bracket inside a word
        return True
    if not any(ch.isupper() for ch in surface):  # "un" of "un-indicted", tagged ORG: names have a capital
        return True
    if m.label != "PERSON" and text is not None and text[m.start : m.end] == m.text:
        if _TITLE_BEFORE.search(text[max(0, m.start - 30) : m.start]) or _portfolio_title(m, surface, text):
            return True
        if (_DISEASE_OR_AWARD_AFTER.match(text, m.end) and surface.split()[-1].lower() not in _BODY_LAST
                and not surface.isupper() and surface not in _GAZETTEER):  # fmt: skip
            return True  # ("the Ford Foundation award", "an NFL special award": the giver stays)
    halves = [h.strip() for h in _DASH.split(surface)]
    if len(halves) != 2 or halves[0] == halves[1]:
        return False
    if all(h in surnames for h in halves):
        return True
    # a pair before a noun, the first a person of the story: a ticket, "the Obama-Biden transition team" (not
    # "Strauss - Kahn met", the end of "Dominique Strauss - Kahn")
    return (halves[0] in surnames and all(re.fullmatch(r"[A-Z][a-z]{2,}", h) for h in halves)
            and not any(h.lower() in _PARTICLES for h in halves)
            and text is not None and _exact(m, text) and re.match(r" [a-z]{3,}", text[m.end : m.end + 5]) is not None)
_SURNAMES = frozenset(_NAME_LISTS["surnames"])
# titles a person is known by, that open the name ("Mother Teresa", "Prophet Mohammed", "Pope Leo XIII")
_KNOWN_BY = frozenset("mother father sister brother prophet imam rabbi cardinal bishop archbishop ayatollah "
                      "sheikh emir sultan king queen prince princess pope emperor empress saint".split())  # fmt: skip
_PLACES = frozenset(
    stage_data("places.json")["names"].split("\n"))


def _known_given(w: str) -> bool:
    """A given name of the list, an initial ("J.", "H.R.") or an honorific opens a person's name."""
    low = w.lower().rstrip(".")
    return low in _GIVEN_NAMES or low in HONORIFICS | _KNOWN_BY or _INITIALS_ONLY.fullmatch(w) is not None


# a person's country or town after the name: "He won by 23 seconds over Cadel Evans of Australia", "Alberto Contador
# of Spain" (a name of a person's shape only: a body's name holds its place, "Bank of America")
_OF_PLACE_AFTER = re.compile(r"\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                             r"(?=\s*[,.;:)]|\s+(?:by|and|in|on|at|with|for|who)\b)")


def _of_place_after(text: str, m: Mention) -> bool:
    hit = _OF_PLACE_AFTER.match(text, m.end)
    return hit is not None and _town(hit.group(1))


def _town(name: str) -> bool:
    return name in _PLACES or _GAZETTEER.get(name) == "GPE"


# a film's kind after the name of its maker: "the new Baz Luhrmann romantic adventure 'Australia'"
_GENRE_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:film|movie|adventure|comedy|drama|thriller|epic|musical|documentary|"
                          r"romance|western|biopic|remake)s?\b")


def _films_maker(name: str) -> bool:
    """Two title-case words, neither a place, a gazetteer name or an organisation's word: a person's name's shape
    ("Baz Luhrmann"; not "Warner Bros", "Walt Disney Pictures", "Paramount Pictures")."""
    words = name.split()
    return (len(words) == 2 and all(re.fullmatch(r"[A-Z][a-z]+", w) and w not in _PLACES and w not in _GAZETTEER
                                    and w.lower() not in _ORG_WORDS for w in words))  # fmt: skip


# initials and a surname: "P.J. Carlesimo", "P.J.Carlesimo", "PJ Carlesimo" (spaCy's ORG; "J.P. Morgan" a bank too)
_INITIALS_NAME = re.compile(r"(?:(?:[A-Z]\.){2,3}\s?|[A-Z]{2}\s)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_TOWN_IN_BRACKETS = re.compile(r"\s*\(([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\)")  # "P.J. Carlesimo (Oklahoma City)"
_TOWNS_OWN = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+$")  # "Oklahoma City's P.J.Carlesimo"


def _initials_of_a_town(text: str, m: Mention) -> bool:
    """A name of initials and a surname with a town beside it, a hometown or a team's: "PJ Carlesimo of Oklahoma
    City", "P.J. Carlesimo (Oklahoma City)", "Oklahoma City's P.J.Carlesimo": a person (a bank named so, "J.P.
    Morgan", takes no town beside it)."""
    if not _INITIALS_NAME.fullmatch(m.text):
        return False
    hits = (_TOWN_IN_BRACKETS.match(text, m.end), _TOWNS_OWN.search(text, max(0, m.start - 40), m.start))
    return _of_place_after(text, m) or any(h is not None and _town(h.group(1)) for h in hits)


# name particles that open a surname written alone ("Van Rompuy", "da Silva", "La Croix", "Del Rio")
_SURNAME_PARTICLES = _PARTICLES | frozenset({"le", "di", "du", "dos", "das", "van der", "van den", "de la", "st",
                                              "lo", "li", "della", "dello", "delle", "degli", "dei", "dal", "dalla",
                                              "de los", "de las", "van de", "von der", "ter", "ten"})  # fmt: skip


# --- mentions the texts add to spaCy's: names it tagged elsewhere in the story, acronyms the texts
# define, first names it cut off, lists it read as one name ------------------------------------------

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# capitalised words that may stand right before a name at a sentence start ("The Hall report")
_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "in", "at", "on", "by", "for", "from",
                      "with", "as", "but", "and", "or", "when", "while", "after", "before", "if", "so", "then",
                      "yet", "to", "of", "said", "says", "told"})  # fmt: skip
# generic words spaCy sometimes tags as a surname ("near the Tasman Glacier")
_LANDFORMS = _PLACE_WORDS | _PLACE_HEADS | frozenset({"glacier", "hill", "hills", "peak", "park", "beach", "forest",
                                                      "desert", "canyon", "falls", "coast", "harbour", "harbor"})
# a place's last word after a name spaCy tags PERSON: its label (not a census surname: "Kellie Hill", "P.J. Hill",
# "Ricki Lake"; nor "bay": "Michael Bay"); an observatory is an institution ("Sydney Observatory astronomy curator")
_PERSON_PLACE_HEADS = {w: "GPE" if w in _PLACE_HEADS - {"ocean", "sea"} else "LOC"
                       for w in _LANDFORMS | {"gardens"} if w not in _SURNAMES and w != "bay"} | {"observatory": "ORG"}
# last words that make a name written before an acronym an organisation ("World Health Organization (WHO)")
_BODY_HEADS = frozenset("""
    organization organisation office agency service services committee council union association institute
    institution bank fund programme program party front army navy force forces ministry department commission
    court board authority corporation company foundation federation league movement network centre center
    university college survey administration bureau secretariat alliance coalition society trust police
    command guard assembly parliament congress senate tribunal panel group
""".split())  # fmt: skip
# words of an organisation's own name: "Taunton Crown Court", "University of Brasilia", "Greek Sky TV"
_ORG_WORDS = _BODY_LAST | _BODY_HEADS | _ORG_NOUNS | _PAPER_NOUNS | _ORG_HEADS | _LEGAL_FORMS | frozenset("""
    church school hospital museum club society association union conference network magazine daily newspaper
    media publishing books foods systems software energy entertainment pictures records airline airlines
    channel cable broadcasting international institution academy seminary cathedral diocese archdiocese
    sorority fraternity brigade battalion regiment squadron unit crusade mission charity clinic exchange
    electronics sports creamery dairy brewery conservancy rescue convention division register weekly guardian
    observer monde forum embassy legislature insurance enterprise accounting project computer computers
""".split())  # fmt: skip


def _exact(m: Mention, text: str | None) -> bool:
    return text is not None and text[m.start : m.end] == m.text

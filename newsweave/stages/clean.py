"""Clean plain-text dumps of web pages: keep the article's lines, drop the page furniture.

Line-based and deterministic. Each non-empty line is classified as prose, soft (short line:
heading, one-liner), hard furniture (menus, share/comment/donate, cookies, copyright, e-mail,
other script) or metadata (bylines, "[Source: ...]", dates, wire credits, affiliate disclosures); a line
repeating an earlier one is dropped. Captions, picture credits and a form's fine print keep their weight in the
span but leave the text (page_note). The body is the span of lines with the highest total weight (prose
words count, soft lines cost a little, furniture a lot; above the comments when an article is there), less
a small or off-topic tail set off by short lines and an author box near its end, and the title is the
headline just before it. The text is that body's prose and soft lines, corrected block by
block by a small learned model (gradient-boosted trees stored as JSON in clean_model.json, trained by
benchmarks/clean_segments.py; benchmarks/RESULTS_extraction.md has the figures).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal

from newsweave.stages.clean_model import TreeEnsemble, load_tree_ensemble
from newsweave.stages.dates_text import MONTH_ALTERNATION, numeric_order, parse_date, without_dates, yearless_date
from newsweave.stages.dump_meta import find_title
from newsweave.stages.html import clean_byline
from newsweave.stages.textutil import ENGLISH_STOP, common_words, stage_data

Kind = Literal["prose", "soft", "hard", "aside"]  # aside: metadata, separator or repeated line, dropped

MIN_PROSE_WORDS = 8  # a line ending like a sentence with this many words is prose
LONG_LINE_WORDS = 20  # a line this long is prose even without a sentence end (wrapped text)
SHORT_LINE_WORDS = 6  # navigation-word rules only apply to lines this short
FURNITURE_MAX_WORDS = 40  # furniture phrases only count in lines this short (never a whole article)
# The body is the span of lines whose weights add up most: a prose line weighs its word count, a soft
# line SOFT_WORD_WEIGHT per word less SOFT_LINE_COST, a hard line -HARD_LINE_COST (an in-article break
# such as "Advertisement" only -AD_BREAK_COST). Tuned on the dev pages of benchmarks/extract_text.py.
SOFT_WORD_WEIGHT = 0.25
SOFT_LINE_COST = 3.0
HARD_LINE_COST = 60.0
AD_BREAK_COST = 2.0
SECTION_END_COST = 300.0  # "Related articles", "About the author", "Share this", "Previous post"...
COMMENTS_COST = 1e9  # "12 comments on ...", "Leave a reply": the body never spans the start of the comments
COMMENTS_MIN_ARTICLE = 150.0  # and it lies above them when a span there weighs this much (comments can weigh more)
TAIL_GAP_LINES = 2  # _select_body: a run of this many non-prose lines inside the span starts a new part
TAIL_SHARE = 0.05  # trailing parts with less than this share of the span's prose words are dropped
# a trailing part under OFF_TOPIC_SHARE of the prose words whose content words have a cosine under
# OFF_TOPIC_COSINE with the rest of the span's (testimonials, teasers, an author's other books) is dropped
OFF_TOPIC_SHARE = 0.2
OFF_TOPIC_COSINE = 0.15
# an author box (a name line, then a line about that person: "Jane Doe is a writer...", "Hi, I'm Jane") in the
# last AUTHOR_BOX_SHARE of the body's prose words ends the article: it and what follows it are dropped
AUTHOR_BOX_SHARE = 0.25
REPEAT_MIN_WORDS = 3  # a repeat of an earlier line this long is dropped (a 1-2 word heading may recur)
# A hard-wrapped dump (lynx / w3m dumps, e-mail, plain-text archives: paragraphs filled to a fixed width) is unwrapped
# before the line logic (unwrap_dump). Its width is the line length with the most lines that are followed by another
# line ending within WRAP_BAND characters under it; the dump counts as wrapped when WRAP_MIN_LINES+ such lines end
# there, at most WRAP_OVER as many run past the width and WRAP_LOWER of those ending there are followed by a line
# starting in lower case (the sentence goes on; the short lines of menus and headline lists fill a band too, but
# each starts a new one).
WRAP_BAND = 15
WRAP_MIN_LINES = 8
WRAP_OVER = 0.1
WRAP_LOWER = 0.2
# a text browser's right margin is less exact than a greedy fill's: a next word that would have fitted by up to this
# many characters still joins when lines that the sentence clearly goes on from (the next starts in lower case) end
# as short (their WRAP_SLACK_QUANTILE quantile)
WRAP_SLACK_MAX = 6
WRAP_SLACK_QUANTILE = 0.1
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 30, 200
# A learned model over blocks of lines corrects the span (_corrected_body): a block after the body's start
# joins it at probability SEGMENT_ADD, one above it (where page headers sit) only at SEGMENT_ADD_ABOVE, and a
# block inside it leaves under SEGMENT_DROP. Trained on the dev pages by benchmarks/clean_segments.py
# --write; weights in clean_model.json (gradient-boosted trees as JSON).
SEGMENT_MODEL = Path(__file__).with_name("clean_model.json")
SEGMENT_ADD = 0.5
SEGMENT_ADD_ABOVE = 0.8
SEGMENT_DROP = 0.05
SEGMENT_FEATURES = (
    "rule_share", "all_in_rule", "before_body", "after_body", "log_line_dist", "log_segment_dist", "adjacent",
    "log_words", "log_lines", "log_candidates", "page_share", "body_share", "prose_share", "soft_ratio",
    "hard_ratio", "aside_ratio", "words_per_line", "log_words_per_line", "ends_sentence", "titlecase",
    "stop_ratio", "nav_ratio", "link_ratio", "bullet_ratio", "digit_line_ratio", "after_colon", "end_between",
    "segment_position", "line_position", "prev_rule_share", "next_rule_share", "quoted", "cosine_body",
    "in_body_words", "cosine_title",
)  # fmt: skip

# canonical name=pattern; case-sensitive so that "AP" is not "ap"
_OUTLET_SPEC = (
    "AFP=AFP|Agence France[- ]Presse|France[- ]Presse;AP=AP|(?:The )?Associated Press;"
    "Reuters=(?:Thomson )?Reuters;BBC=BBC(?: News)?;CNN=CNN;NPR=NPR|National Public Radio;"
    "UPI=UPI|United Press International;Xinhua=Xinhua;TASS=(?:ITAR-)?TASS|Tass;Interfax=Interfax;"
    "RIA Novosti=RIA Novosti;dpa=dpa|DPA|Deutsche Presse-Agentur;EFE=EFE;ANSA=ANSA;"
    "Kyodo=Kyodo(?: News)?;Yonhap=Yonhap;Bloomberg=Bloomberg;Al Jazeera=Al Jazeera;"
    "PTI=PTI|Press Trust of India"
)
_OUTLET_RES = tuple(
    (n, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])")) for n, p in (spec.split("=", 1) for spec in _OUTLET_SPEC.split(";"))
)

_DATE_FILLER = frozenset(
    "published updated posted on at last modified date dated by am pm gmt utc et edt est bst cet "
    "cest pt pdt monday tuesday wednesday thursday friday saturday sunday".split()
)

_SOURCE = re.compile(r"^\[?\s*Source\s*:\s*(?P<body>.+?)\s*\]?$", re.I)
_REPOST = re.compile(
    r"this document has been published on\s+(?P<date>\S+)\s+by\s+(?:the\s+)?"
    r"(?P<site>[^.,;]+?)(?=\s+and\s|[.,;]|$)",
    re.I,
)
# a byline: "By Jane Doe", "BY JANE DOE | NPR", "ByJane Doe", "Written by", "Posted by", "Words by", "Story by" (the
# name may be on the next line), "Author: Jane Doe"
_BYLINE = re.compile(
    r"^(?:(?:(?P<lead>(?i:posted|written|words|story|text|article))\s+)?(?:By|BY|by)(?:[:\s]|(?=[A-Z])|$)"
    r"|(?P<label>(?i:authors?))(?:\s*:|\s|$))\s*(?P<names>.*)$"
)
_OF_THIS = re.compile(r"of\s+th(?:is|e)\s+(?:article|paper|post|story|report|study)\s*:?", re.I)  # _byline
_LEADS = ("Posted", "Written", "Words", "Story")  # the only lead words of a byline read far from the headline
_BYLINE_END = re.compile(r"\s+[|/•·⋅]\s+|\s+[-–—]{1,2}\s+|\(")  # what ends the names of a byline
BYLINE_MAX_WORDS = 14
# a loose reading of a byline's name (_loose_name): one name of 1-6 words, each capitalised or short ("de", "and")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|&|and)$")
_NOT_NAMES = frozenset("share comments comment menu home search subscribe login advertisement sponsored read more "
                       "min blog news updated published posted".split())  # fmt: skip
# words pages also write in lower case (benchmarks/dump_common_words.py, from the dev dumps): a "name" made of them
# alone ("Event Type", "GO BACK", "Marketing Strategies") is a label, not a byline, near the headline
# a language menu's entries, which sit above a headline and its date ("Deutsch" / "OCTOBER 13, 2025"): no names
_LANGUAGES = frozenset(
    "english deutsch español espanol français francais italiano português portugues nederlands polski svenska dansk "
    "norsk suomi türkçe čeština magyar română ελληνικά русский українська".split()
)
_PREPOSITIONS = frozenset("on in at of for to with".split())  # _loose_name: never inside a person's name
_NAME_TAIL = re.compile(r"\s+(?:in|on|at|for)\s+")  # what follows a name on a date line (_names_by_date)
_ON_DATE = re.compile(rf"\s+on\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|{MONTH_ALTERNATION})[a-z]*\.?\b|\d)", re.I)
_AFFILIATION = re.compile(r"(?<=[a-z])\d{1,2}(?:,\d{1,2})*\*?(?=\s*;|\s*,|\s*$)")  # byline_names
_SEMICOLON = re.compile(r"\s*;\s*")
_READING_TIME = re.compile(r"\s+\d+\s*(?:[-–]\s*\d+\s*)?min", re.I)  # byline_names
# next to the headline, names also end at other bullets and at a dash glued to them ("Jacob Trussell—10 min read")
_BYLINE_END_NEAR = re.compile(
    r"\s*[●▪∙◦]\s*|[—–](?=\s*\d)|\.?\s+(?i:(?:medically\s+)?(?:reviewed|edited|fact[- ]checked)\s+by)\b"
)
# a desk or a team as the byline ("By News Desk", "by The MNTN Team"): a byline next to the headline names it whole
_TEAM = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}(?:Team|Desk|Staff|Editors|Editorial(?:\s+(?:Team|Staff|Board))?)"
)
# degrees and certifications a byline writes after a name ("Matthew Frankel, CFP", "Jillian Kubala, MS, RD"): kept
# with the name next to the headline (_names with ``credentials``)
_CREDENTIAL = re.compile(
    r"(?:M\.?D|D\.?O|Ph\.?\s?D|Pharm\.?D|Psy\.?D|Ed\.?D|DPhil|R\.?N|BSN|MSN|NP|APRN|FNP|RDN?|LDN?|CDCES|CDE|M\.?S|MSc|"
    r"M\.?A|MBA|MPH|MPA|MFA|MEd|B\.?A|B\.?S|BSc|CFP|CFA|CPA|ChFC|CLU|CEPF|EA|J\.?D|Esq|LLM|DVM|VMD|DACVB|LVT|VTS|CVT|"
    r"DDS|DMD|RDH|RPh|DPT|OTR|LCSW|LMFT|LPC|MSW|LMSW|CPP|PSP|CISSP|PMP|FACLM|FACP|FACS|CSCS|CPT|IBCLC|CNM|CRNA|ATC|ND"
    r")\.?®?"
)
# a job title glued after a name next to the headline ("Catherine Boeckmann Executive Digital Editor", "Rasmus
# Barslund Founder & Lead Reviewer", "Mateusz HabernyFounder at Oakywood"): the name ends before its first word
_ROLE_WORDS = (
    "Editor|Writer|Columnist|Reporter|Founder|Co-founder|Co-Founder|CEO|CTO|COO|CMO|Director|Manager|Analyst|"
    "Specialist|Consultant|Contributor|Correspondent|Journalist|Executive|Senior|Chief|Head|Former|Gardener|"
    "Expert|Strategist|Engineer|Developer|Designer|Photographer|Producer|Reviewer|Researcher|President|Partner"
)
_GLUED = re.compile(r"(?<!\bMac|\bVan|\bVon)(?<!\bFitz)(?<=[a-z]{3})[A-Z]")  # _glued
_ROLE_TAIL = re.compile(rf"(?<=[a-z])(?=(?:{_ROLE_WORDS})\b)|\s+(?:{_ROLE_WORDS})\b.*$")
_ROLE_WORD = re.compile(rf"\b(?:{_ROLE_WORDS})\b")  # a job-title line under a name line (byline_and_date)
TEAM_BELOW = 3  # a desk or team on a line of its own this close under the headline is its byline ("Staff")
_DATE_LINE_PARTS = re.compile(r"\s*(?:[|•·⋅,]|\s[-–—]{1,2}\s|\s\s)\s*")  # _names_by_date
# a line between a bare name and its date line (byline_and_date): a separator ("•", "/"), a reading time ("10",
# "min read"), a label of the date ("Last update:"), a reviewer or editor, a tag ("#Cloud Computing")
_BETWEEN_NAME_AND_DATE = re.compile(
    r"^(?:[^\w]*|\d+|(?:\d+\s*|x\s+)?mins?(?:ute)?s?(?:\s+read)?(?:\s+time)?|(?:\w+\s+){0,2}\w+\s*:|#.*"
    r"|(?:(?:medically|expert)\s+)?(?:reviewed|edited|fact[- ]checked)\s+by\b.*)$",
    re.I,
)
NEAR_BEFORE, NEAR_AFTER = 5, 12  # lines around the headline searched for a byline and a date (byline_and_date)
# the order of trust of the dates found (_Meta.rank: "[Source: ...]" 0, a date or byline line 1, a dateline 2, a
# repost notice 3): then the date next to the headline (byline_and_date), then a date line far from the headline
NEAR_DATE_RANK, FAR_DATE_RANK = 9, 10
# a label of the publication date: a line it starts comes first among the dates next to the headline
# (byline_and_date), and when no date is found at all, the first date it gives anywhere below the headline
# (_labelled_date): "Posted on the 15/12/2025 at 19:00 by ...", "Published" / "Feb 2, 2023" under the article,
# "Originally published in <journal>, 25.06.2019" ("originally published" anywhere in the line)
_PUBLISHED_LABEL = re.compile(
    r"^(?:first\s+|originally\s+)?(?:published|posted|publish(?:ed)?\s+date|publication\s+date|date\s+published)\b"
    r"|\boriginally\s+published\b",
    re.I,
)
LABELLED_DATE_RANK = 11
_REPORTING = re.compile(r"^\(?\s*(?:Additional\s+)?[Rr]eporting by\s+(?P<names>[^;)]+)")
_DATELINE = re.compile(r"^(?:[A-Z][\w.,'’ /-]{0,60}?\s)?[_—–-]{0,2}\s*\((?P<o>[^()]{2,40})\)\s*(?:--|[-–—_])\s*")
_DATELINE_ANY = re.compile(  # "... SAN DIEGO (AP) - ..." anywhere in a line
    r"\b[A-Z][A-Z .'-]{2,40}(?:, [A-Z][\w ]{1,30})?\s\((?P<o>[^()]{2,40})\)\s*[-–—_]"
)
_END_CREDIT = re.compile(r"(?:--|[-–—])\s*\(?(?P<o>[A-Z][\w .&'-]{1,40}?)\)?\s*\.?$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’ -]{1,60}?)\s*(?:[.,|]|\ball rights\b|$)",
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.\w")
_URL = re.compile(r"https?://|www\.\w", re.I)
_PHOTO = re.compile(r"(?i)\b(?:photo|image|picture|video|getty|file|graphic)s?\b")
_FURNITURE = re.compile(
    r"all rights reserved|^(?:©|\(c\)\s|copyright\b)|\b(?:we|site|website) uses? cookies\b"
    r"|\buse of cookies\b|^\d+ min(?:ute)?s? read$|^(?:show|hide) caption$|^table of contents$"
    r"|\bcookie (?:policy|settings|notice|preferences)\b|\baccept (?:all )?cookies\b"
    r"|\b(?:subscribe|sign up) (?:to|for) (?:our|the|my) (?:free |daily |weekly )?"
    r"(?:newsletters?|mailing list|updates|channel)\b|\bclick here\b|\bfollow us on\b"
    r"|\bskip to (?:main )?content\b|^(?:eds?|editors?)(?:'s)?(?: note)?\s*:"
    r"|^(?:read more|related(?: stories| articles| coverage| news| content)?|see also"
    r"|more on this(?: story)?|recommended|trending|most (?:read|popular|viewed))\s*(?::|$)"
    r"|^(?:tags?|topics?|filed under|categories|category)\s*:"
    r"|^(?:post|leave|add|write|view|show|load|read)(?: a| your| the| all| more)? comments?$"
    r"|^\d+ comments?$|^no comments?$|^(?:share|print|e-?mail) this(?: article| story| page)?$"
    r"|^\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago$"
    r"|^(?:view all|see all|load more|read more\W*|previous\s+next)$",
    re.I,
)
_COMMENTS_HEAD = re.compile(  # the comment section starts: the article never goes on after it
    r"^(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts)\s+(?:on|to)\b"
    r"|^(?:leave a (?:reply|comment)|(?:\d+\s+)?(?:comments?|responses?|reader comments)"
    r"|join the (?:conversation|discussion))\s*(?:\(\d+\))?$",
    re.I,
)
_SECTION_END = re.compile(  # what pages put right after an article: teasers, author box, sharing, paging
    r"^(?:(?:related|recent|popular|more|latest|similar|recommended|trending)\s+"
    r"(?:articles|posts|stories|content|news|reads)"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|read next|up next|keep reading|about the author"
    r"|share this(?: article| post| story| page)?|back to (?:top|blog|news)|discussion about this post"
    r"|previous(?: post| article)?|next(?: post| article)|written by|connect with us)\s*:?$"
    r"|^(?:(?:related|recent|popular|more|latest|similar|recommended|trending|other)\s+(?:\w+\s+)?"
    r"(?:articles|posts|stories|reads|resources|pages|topics|guides|reviews|videos|insights|blogs?)"
    r"(?:\s+(?:that )?(?:you )?(?:may|might) (?:interest you|like|enjoy))?|you[’']ll (?:also )?(?:love|like|enjoy)"
    r"|you (?:may|might) also (?:like|enjoy|be interested in)|keep exploring(?: this topic)?|read more reviews"
    r"|more (?:from|by|articles by|posts by|stories by) [A-Z][\w.’' &-]{1,40}|explore more(?: articles| posts)?)"
    r"\s*(?:\.\.\.|…|:|!|\.)?$",
    re.I,
)
_AD_BREAK = re.compile(  # furniture found inside an article: the text goes on after it
    r"^(?:(?:advertisement|advert|ads?|sponsored(?: content)?)(?:\W+(?:scroll|continue|story)\b.*)?"
    r"|story continues below.*|continue reading(?: below)?|(?:read more|see also|related)\s*:.+)$",
    re.I,
)
_NAV_WORDS = frozenset(
    "home menu search login logout log sign signup register subscribe subscription newsletter "
    "newsletters donate donation donations bookshop shop store contact privacy terms cookie "
    "cookies share tweet facebook twitter whatsapp linkedin pinterest instagram youtube telegram "
    "reddit email e-mail print comment comments advertisement advertisements ads advert "
    "advertising advertise sponsored tags archive archives rss feed skip navigation sitemap faq "
    "account reply".split()
)
_SMALL = frozenset("a an and as at by for from in into of on or the to with vs via is".split())
_PARTICLES = frozenset("de da del della di van von der den bin ibn al el la le du dos das".split())
_ORG_WORDS = frozenset(
    "news press radio broadcasting agency times post service television tv network magazine "
    "journal daily media group staff writer writers correspondent reporter editor online herald "
    "tribune gazette wire desk".split()
)
_CREDIT_WORDS = frozenset("the writer correspondent staff reporter reporters wire via from".split())
# scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao, Khmer): each of their
# letters counts as a word, so their prose lines weigh as prose; elsewhere a word is a run of letters and digits
_UNSPACED = "\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+(?:['’-][^\W_{_UNSPACED}]+)*")
_BULLET = re.compile(r"^(?:[-•*·▪►–—]\s|\d{1,2}[.)]\s|#\d)")
_WRAP_BULLET = re.compile(r"^[•*·▪►◦]\s")  # a list item's first line in a text browser's dump (unwrap_dump)
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")  # cells of a table row or columns of preformatted text (unwrap_dump)
_CODE = re.compile(r"^\s*(?://|/\*|\*/)|[{}]\s*$")  # a comment's or a block's line of code (unwrap_dump)
_LIST_START = re.compile(r"^(?:[-–—]|\d{1,2}[.)]|\(?[a-z\d]\))\s")  # a list item after a sentence's end
_NAME_PREFIX = re.compile(r"^(?:written by|about|author|text by|by|reviewed by|posted by|meet)\s*:?\s*", re.I)
_BIO_ROLE = re.compile(  # words of a sentence about a writer
    r"\b(?:writer|editor|author|founder|co-founder|journalist|expert|specialist|professional|owner|head|director"
    r"|reporter|contributor|advis[eo]r|artist|marketer|researcher|instructor|designer|educator|consultant"
    r"|photographer|analyst|ceo|teacher|coach|manager|lead|freelance|he|she|his|her|i)\b",
    re.I,
)
_DISCLOSURE = re.compile(  # an affiliate or sponsorship disclosure: "Buying through our links may earn us a commission"
    r"\b(?:(?:this|our|the) (?:post|page|article|site|website|blog|story) (?:may )?(?:contains?|uses?|includes?)"
    r" (?:some )?affiliate|as an amazon (?:associate|affiliate)|(?:we|i|us) (?:may )?(?:earn|receive|make|get)"
    r" (?:an? )?(?:small )?(?:affiliate )?(?:commissions?|kickback|share of|percentage of)"
    r"|buying through (?:our )?links"
    r"|(?:when|if) you (?:buy|shop|purchase|click)\w* (?:through|via|from) (?:our |the |these )?links"
    r"|supports? our work|at no (?:extra|additional) cost to you|we independently (?:evaluate|review|research|select))",
    re.I,
)
_PAGE_NOTE = re.compile(  # a line about the page, not the article: a picture's caption or credit, a form's fine print
    r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?)(?: credits?)?(?: by| courtesy(?: of)?| source)?\s*:\s*\S"
    r"|^(?:photo |image )?credits?\s*:\s*\S|^(?:photo(?:graph)?|image|picture) (?:by|courtesy of|via)\s\S"
    r"|^toggle caption$"
    r"|^(?:above|below|left|right|top|bottom|clockwise from (?:top )?left)\s*:\s*\S"  # "Above: the garden in May"
    r"|(?:/|\||\bvia)\s*(?:getty images|shutterstock|istock(?:photo)?|adobe ?stock|unsplash|pexels|pixabay|alamy"
    r"|ap photo|depositphotos)\.?\s*$"  # "Jane Doe / Getty Images", a caption ending so
    r"|^by (?:clicking|submitting|entering|providing|checking|signing(?: up)?|subscribing|registering|continuing"
    r"|using|creating|completing|pressing|tapping)\b.{0,250}?\b(?:you|i)(?: hereby)? (?:agree|consent|authori[sz]e"
    r"|acknowledge|are consenting|accept|confirm|understand)"  # "By submitting this form, you agree to ..."
    r"|^(?:thank you|thanks)[!,.]? (?:for (?:subscribing|signing up|your submission)|your submission has been received)"
    r"|^oops! something went wrong|^there was (?:an issue|a problem|an error) with (?:the|your) (?:form|submission)"
    r"|^\*\s*(?:indicates|denotes) (?:a )?required|^javascript is required|^please enable javascript"
    r"|^(?:we and our (?:\d+ )?partners|this (?:web)?site uses cookies|(?:strictly )?necessary cookies are"
    r"|(?:functional|performance|analytics?|analytical|advertisement|marketing|targeting) cookies (?:are|help))\b"
    r"|^(?:(?:now )?\$[\d,.]+\s+){1,2}(?:at|on|from)\s+\S.{0,30}$|^shop (?:(?:men|women)[’']s )?at \S+(?: \S+){0,2}$"
    r"|^(?:check|see) (?:the )?(?:latest |current )?price (?:at|on) \S.{0,40}$|^see (?:the )?deal$"
    r"|^(?:buy|shop|order) (?:it )?now$",  # a shop's button: "$150 at Amazon", "Shop now"
    re.I,
)
PAGE_NOTE_MAX_WORDS = 80  # a cookie banner's paragraph can be long; an article's paragraph never starts so
_LINK_WORDS = frozenset(
    "more read view see all click here next previous back top related latest popular share follow like "
    "reply comments comment login sign subscribe menu home".split()
)


@dataclass(frozen=True)
class CleanResult:
    """The article found in a text dump, what the text says about it, and the dropped lines."""

    text: str  # kept lines joined by "\n\n"; the title is not included
    title: str | None
    authors: tuple[str, ...]
    site: str | None  # who reposted it, when stated
    original_source: str | None  # outlet the text credits ("NPR", "AFP")
    published: str | None  # ISO date of the original publication, when stated
    removed: tuple[str, ...]  # every non-empty input line that was dropped, in order


@dataclass(frozen=True)
class _Meta:
    """What one metadata line states; ``rank`` orders its date (lower is more trusted)."""

    authors: tuple[str, ...] = ()
    outlet: str | None = None
    date: str | None = None
    site: str | None = None
    rank: int = 1


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def outlet_in(s: str) -> str | None:
    """The known outlet mentioned first in ``s``."""
    hits = [(m.start(), name) for name, rx in _OUTLET_RES if (m := rx.search(s))]
    return min(hits)[1] if hits else None


def _ends_sentence(s: str) -> bool:
    t = s.rstrip()
    core = t.rstrip("\"'”’»)]」』）")
    return bool(core) and (core[-1] in ".!?…:;。！？；：" or len(core) < len(t) and t[-1] in '"”’»」』）')


def _titlecase_ratio(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in _SMALL and not w[0].isdigit()]
    return sum(w[0].isupper() for w in content) / len(content) if content else 0.0


def _is_name(part: str, loose: bool = False) -> bool:
    toks = part.split()
    if not 2 <= len(toks) <= 4 or outlet_in(part) or re.search(r"\d", part):
        return False
    # ``loose`` (next to the headline): a particle that ends the name is a surname ("Mahua Das")
    caps = [t for k, t in enumerate(toks) if t.lower() not in _PARTICLES or (loose and k == len(toks) - 1)]
    if loose and _glued(part):
        return False
    return len(caps) >= 2 and all(t[0].isupper() and t.lower().strip(".") not in _ORG_WORDS for t in caps)


def _glued(name: str) -> bool:
    """Menu entries run together ("Wedding ChecklistsJust EngagedWedding Planning"): two or more words glued to
    the next one's capital; one is a brand's name ("Team SimplyThrilled", "IndustrySelect")."""
    return len(_GLUED.findall(name)) >= 2


def _names(s: str, credentials: bool = False) -> tuple[str, ...]:
    """Person names at the start of ``s`` ("A B, C D and E F, NPR" -> the three names). With ``credentials`` (next
    to the headline) the degrees after a name stay with it ("Jillian Kubala, MS, RD") and a name may end with a
    particle."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", s.strip()):
        if credentials and out and _CREDENTIAL.fullmatch(part):
            out[-1] += f", {part}"
            continue
        if not _is_name(part, credentials):
            break
        out.append(part.title() if part.isupper() else part)
    return tuple(out)


def _loose_name(text: str) -> str | None:
    """The one name a byline's text starts with, read loosely: single names ("By Mukul"), names glued to what
    follows ("KORIN MILLERPUBLISHED: JAN 29"), a date or job title after it ("Luke Kim December")."""
    name = clean_byline(re.split(r"\s\s+|\s*(?:\||\u2022|\u00b7|\u22c5|/|published|updated|posted)\s*", text,
                                 maxsplit=1, flags=re.I)[0])  # fmt: skip
    if name:  # a small word left at the end ("George Michaelson on" a date) is not the name's
        name = re.sub(r"(?:\s+(?:[a-z]{1,3}|and|&))+$", "", name)
    if not name or any(c.isdigit() for c in name) or "@" in name or _glued(name):
        return None
    words = name.split()
    handle = len(words) == 1 and name.isalpha() and name.islower() and not _label_like(name)  # "by whova"
    if not 1 <= len(words) <= 6 or not (handle or all(_NAME_WORD.match(w) for w in words)):
        return None
    if not (handle or any(w[0].isupper() for w in words)) or any(w.lower() in _NOT_NAMES for w in words):
        return None
    if any(w in _PREPOSITIONS for w in words):  # a post's or a column's name: "Thoughts on Zig"
        return None
    return None if _dated(name) or name.lower() in _LANGUAGES else name


def _dated(name: str) -> bool:
    """A "name" that starts with a weekday or a date's label ("Friday Philosophy", "Updated Daily") is a column's or
    a date's, not a person's."""
    return name.split()[0].lower() in _DATE_FILLER


_common_words = common_words  # (a module name benchmarks/dump_common_words.py swaps while it tries lists)


def _label_like(name: str) -> bool:
    """Every word of ``name`` is one pages write in lower case ("Event Type", "Our Editors")."""
    common = _common_words()
    return all(w.lower() in common for w in _words(name))


def _near_names(s: str) -> tuple[str, ...]:
    """_names as read next to the headline: a job title after the name cut, credentials kept with it."""
    return _names(_ROLE_TAIL.split(s, maxsplit=1)[0].strip(" ,"), credentials=True)


def byline_names(text: str, loose: bool = True) -> tuple[str, ...]:
    """The person names a byline's text (after "By") gives: one or more full names ("A B, C D and E F, NPR",
    _names), else (``loose``) one name read loosely (_loose_name), split at commas, "&" and "and"."""
    head = _BYLINE_END.split(text, maxsplit=1)[0]
    if not loose:
        return _names(head)
    # a paper's authors: affiliation numbers glued to the names, spaced semicolons ("Jennifer Huberty1  ;  Jeni
    # Green1  ;  Christine Glissmann2")
    head = _SEMICOLON.sub("; ", _AFFILIATION.sub("", head))
    # next to the headline, names end at a reading time too ("By Kyle Howells 15 min read"), other bullets, a job title
    head = _BYLINE_END_NEAR.split(_READING_TIME.split(head, maxsplit=1)[0], maxsplit=1)[0]
    # "Posted by IndustrySelect on Tuesday, August 29, 2023"; a run of spaces ends the name too ("Jeff Cobb.  Last
    # Updated on December 11, 2025")
    head = re.split(r"\s\s+", _ON_DATE.split(head, maxsplit=1)[0].strip(), maxsplit=1)[0]
    if names := _near_names(head):
        return names
    if _TEAM.fullmatch(head.strip()):
        return (head.strip(),)
    head = _ROLE_TAIL.split(head, maxsplit=1)[0].strip(" ,")
    name = _loose_name(head)
    return tuple(a.strip() for a in re.split(r",\s*|\s+and\s+|\s*&\s*", name) if a.strip()) if name else ()


def _byline(s: str, loose: bool = True) -> tuple[tuple[str, ...], str] | None:
    """A byline line's names (byline_names) and its text after "By" ("" for a bare "By" or "Written by": the
    name is on the next line); None for a line that is no byline. Not ``loose`` (a line anywhere on the page):
    full names after "By" (or "Written by"...) in a line of BYLINE_MAX_WORDS words at most, no "Author:" label."""
    if not (m := _BYLINE.match(s)):
        return None
    if not loose and (len(_words(s)) > BYLINE_MAX_WORDS or m["label"] or (m["lead"] and m["lead"] not in _LEADS)):
        return None
    rest = m["names"].strip()
    if m["label"] and (inner := _BYLINE.match(rest)) and not inner["label"]:
        rest = inner["names"].strip()  # a label over a byline's own lead: "Author Posted by Soliant on ..."
    if m["label"] and _OF_THIS.fullmatch(rest):
        rest = ""  # "Authors of this article:": the names are on the next line
    return byline_names(rest, loose), rest


def _names_by_date(line: str) -> tuple[str, ...]:
    """Full names in a short line that writes a date, in a part of it that the date or a separator sets off
    ("Faith Katunga•Oct 20, 2025", "September 1st, 2023 By Emily Norwood"); label-like parts are no names."""
    if len(_words(line)) > BYLINE_MAX_WORDS:  # "... by Jean-Luc Aufranc (CNXSoft) - 5 Comments on <title>"
        line = re.split(r"\s+[-–—]{1,2}\s+|\(", line, maxsplit=1)[0]
    if len(_words(line)) > BYLINE_MAX_WORDS:
        return ()
    for part in _DATE_LINE_PARTS.split(without_dates(line, "|", loose=True)):
        part = _NAME_TAIL.split(part, maxsplit=1)[0]  # "Mahua Das in Project Management", "X on behalf of Y"
        byline = _byline(part)
        names = byline[0] if byline else _near_names(part)
        if names := tuple(n for n in names if not _label_like(n)):
            return names
    parts = [p for p in _DATE_LINE_PARTS.split(without_dates(line, "|", loose=True)) if p.strip(" |")]
    if len(parts) == 1 and (name := _loose_name(parts[0].strip(" |"))) and not _label_like(name):
        if not (name.isupper() or all(w.lower() in _DATE_FILLER for w in name.split())):  # "WASHINGTON", "Friday"
            return (name,)  # the one other thing a date line writes: "October 8, 2024        Swoogo", "Mazi • Oct 2"
    return ()


# a name and what the writer does, after a comma in lower case or a figure (not a degree: "Jillian Kubala, MS")
_DESCRIBED = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?=[a-z\d])")
DESCRIBED_MAX = 6  # _described_names
_SURNAME = re.compile(r"[A-Z][a-z'’-]+")  # _with_surname
_NAME_JOINER = re.compile(r"\s*(?:,|,?\s*and|&)\s*", re.I)  # a line between two names of a byline (links)


def _with_surname(name: str, lines: list[str], k: int) -> str:
    """A given name alone on its line and the surname alone on the next, line ``k`` (each a link of its own:
    "Maria" / "Mathioudaki"): the two joined; else the name."""
    if " " in name or not 0 <= k < len(lines) or name.lower() not in _given_names():
        return name
    surname = lines[k]
    if _SURNAME.fullmatch(surname) and not _label_like(surname) and surname.lower() not in _given_names():
        return f"{name} {surname}"
    return name


def _described_names(lines: list[str], start: int) -> tuple[str, ...]:
    """Two or more names of a byline one a line from ``start``, each with a description after a comma ("Adrien
    Ramirez, 4+ years covering computer hardware" / "Joanna Nelius, senior editor and E Ink enthusiast ...")."""
    names: list[str] = []
    k = start
    while k < len(lines) and len(names) < DESCRIBED_MAX and (m := _DESCRIBED.match(lines[k])) and _is_name(m[1]):
        names.append(m[1])
        k += 1
    return tuple(names) if len(names) > 1 else ()


def _names_over_lines(lines: list[str], start: int) -> tuple[str, ...]:
    """The names of a byline written one link a line from ``start``, the lines between them a comma or "and" (at
    most 6 names)."""
    names: list[str] = []
    k = start
    while k < len(lines) and len(names) < 6 and (found := byline_names(lines[k])):
        names += found
        if not (k + 2 < len(lines) and _NAME_JOINER.fullmatch(lines[k + 1])):
            break
        k += 2
    return tuple(names)


_LINE_PARTS = re.compile(r"\s+[—|•]\s+")  # _byline_part


def _byline_part(line: str) -> tuple[tuple[str, ...], str] | None:
    """A byline that a later part of a line holds ("Medically reviewed by X — Written by Jillian Kubala, MS, RD —
    Updated on March 7, 2025"), when it names someone; else None."""
    return next((b for part in _LINE_PARTS.split(line)[1:] if (b := _byline(part)) and b[0]), None)


def byline_and_date(
    lines: list[str], title: int | None, start: int
) -> tuple[tuple[str, ...], str | None]:
    """Authors and a publication date written near the headline (or the body's start). Authors: a byline (_byline;
    a bare "By" / "Written by" line takes the name on the next line), else a name on the date line (_names_by_date),
    else a name line (1-4 words, not label-like) right next to the date line, else a name line right over a short
    job-title line. The date is the one nearest the headline (below it on a tie) among the NEAR_AFTER lines below
    and NEAR_BEFORE above ("January 16, 2025 11 min read" over the headline, not a teaser's date 10 lines down)."""
    anchor = title if title is not None else max(0, start - 1)
    after = list(range(anchor + 1, min(len(lines), anchor + 1 + NEAR_AFTER)))
    near = after + list(range(anchor - 1, max(0, anchor - NEAR_BEFORE) - 1, -1))
    authors: tuple[str, ...] = ()
    for i in near:
        if (byline := _byline(lines[i]) or _byline_part(lines[i])) is None:
            continue
        below = [byline_names(lines[k]) for k in (i + 1, i + 2) if not byline[1] and k < len(lines)]
        if below and below[0] and i + 2 < len(lines) and _NAME_JOINER.fullmatch(lines[i + 2]):
            below[0] = _names_over_lines(lines, i + 1)  # "By" / "Thomas Broderick" / "," / "Nalea Ko" / ", and" / ...
        if below and below[0]:  # "Written by" / "Adrien Ramirez, 4+ years ..." / "Joanna Nelius, senior editor ..."
            below[0] = _described_names(lines, i + 1) or below[0]
        if authors := byline[0] or next((n for n in below if n), ()):  # a bare "By": the name on a next line
            break
    day_first = numeric_order("\n".join(lines))  # "19/02/2025" elsewhere on the page: "09/10/2025" is 9 October
    dates = [(i, d) for i in near if (d := parse_date(lines[i], loose=True, day_first=day_first))]
    if not dates and title is not None:  # "Aug 15" under "Top 7 Corporate Catering Trends for 2024"
        dates = [(i, d) for i in near if (d := yearless_date(lines[i], lines[title]))]
    if not authors and dates:  # a name on the date line: "Kristian Larsen July 13, 2025 — 7 minutes read"
        authors = _names_by_date(lines[dates[0][0]])
    if not authors and dates:
        i = dates[0][0]  # a bare name right above or below the date ("Andrew King" / "September 4, 2025")
        for step in (-1, 1):
            j = i + step  # ... past a separator, a reading time, a reviewer ("Yaren F." / "reviewed by X" / date)
            while 0 <= j < len(lines) and abs(j - i) <= 3 and j != title and _BETWEEN_NAME_AND_DATE.match(lines[j]):
                j += step
            if not 0 <= j < len(lines) or j == title:
                continue
            if len(names := _near_names(lines[j])) > 1 and not any(_label_like(n) for n in names):
                authors = names  # "Naftali Tishby, Fernando C. Pereira, William Bialek" / "24 Apr 2000"
                break
            if (byline := _byline(lines[j])) and byline[0]:  # "Author: Kashmir Brummel" past the label
                authors = byline[0]
                break
            if ":" in lines[j]:  # a label ("Tags: ...", "Contact: Ron Sands")
                continue
            if len(names) == 1 and names[0] == lines[j] and not _label_like(names[0]) and not _dated(names[0]):
                authors = names  # "Jeffrey A. Slotnick CPP, PSP"
                break
            if name := _loose_name(_ROLE_TAIL.split(lines[j], maxsplit=1)[0].strip(" ,")):
                name = re.sub(r"^.*\sby\s+", "", name)  # "Guide by Will Judd"
                if 1 <= len(name.split()) <= 4 and not _label_like(name):
                    authors = (_with_surname(name, lines, j + 1),)
                    break
    if not authors and title is not None:  # a desk or team on a line of its own under the headline ("Staff")
        authors = next(((ln,) for ln in lines[title + 1 : title + 1 + TEAM_BELOW] if _team_line(ln)), ())
    if not authors and title is not None:  # a name in capitals under the headline ("BRIAN TRUITT   USA TODAY")
        authors = next(((n,) for ln in lines[title + 1 : title + 1 + TEAM_BELOW] if (n := _capitals_name(ln))), ())
    if not authors:  # a name line over a job title ("Elena Linker" / "Marketing Operations Analyst")
        for i in near:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            roles = {m.lower() for m in _BIO_ROLE.findall(nxt)} - {"he", "she", "his", "her", "i"}
            roles |= set(_ROLE_WORD.findall(nxt))  # "Chris Pardo" / "Vice President of Consulting"
            if i != title and 0 < len(_words(nxt)) <= 6 and roles and not _ends_sentence(nxt):
                if (names := _names(lines[i])) and len(names) == 1 and not _label_like(names[0]):
                    authors = names
                    break
    # the date: the one nearest the headline (below it on a tie), not a related story's further down
    # ... a line that starts with a publication label first ("Published on 25.Jun.2019" over "Preprints ... first
    # published 04.Apr.2019")
    nearest = min(
        dates, key=lambda t: (not _PUBLISHED_LABEL.match(lines[t[0]]), abs(t[0] - anchor), t[0] < anchor), default=None
    )
    return authors, nearest[1] if nearest else None


def _labelled_date(lines: list[str], anchor: int) -> tuple[int, str] | None:
    """The first date below the headline that a publication label gives (_PUBLISHED_LABEL): on the label's line
    (read as next to the headline, ``parse_date(loose=True)``), or on one of the two lines after a bare label
    ("PUBLISHED" / "Feb 2, 2023", "Published" / "Publish date" / "15 November 2018")."""
    day_first = numeric_order("\n".join(lines))
    for i in range(anchor, len(lines)):
        if not (m := _PUBLISHED_LABEL.search(lines[i])):
            continue
        if d := parse_date(lines[i][m.start() :], loose=True, day_first=day_first):
            return i, d
        if len(_words(lines[i])) <= 3:
            for k in (i + 1, i + 2):
                if k < len(lines) and len(_words(lines[k])) <= 8:
                    if d := parse_date(lines[k], loose=True, day_first=day_first):
                        return k, d
    return None


def _parse_source(body: str) -> tuple[tuple[str, ...], str | None, str | None]:
    """Authors, outlet and date of a "[Source: By X and Y, OUTLET, date]" line."""
    fields = [f.strip() for f in body.split(",") if f.strip()]
    authors: tuple[str, ...] = ()
    if fields and re.match(r"by\s", fields[0], re.I):
        fields[0] = fields[0][3:]
        while fields and (names := _names(fields[0])):
            authors += names
            fields.pop(0)
    dates = [d for f in fields if (d := parse_date(f))]
    rest = [f for f in fields if not parse_date(f)]
    return authors, (outlet_in(rest[0]) or rest[0]) if rest else None, next(iter(dates), None)


def _credit_line(s: str) -> str | None:
    """The outlet of a bare wire credit line: "-- AFP", "Associated Press Writer", "(Reuters)"."""
    if len(_words(s)) > 5 or _PHOTO.search(s) or not (outlet := outlet_in(s)):
        return None
    rest = s
    for _, rx in _OUTLET_RES:
        rest = rx.sub(" ", rest)
    return outlet if all(w.lower() in _CREDIT_WORDS for w in _words(rest)) else None


def _meta_of(s: str) -> _Meta | None:
    """Parse a metadata line (source, repost notice, byline, credit, date); None for others."""
    n = len(_words(s))
    if m := _REPOST.search(s):
        return _Meta(site=m["site"].strip(), date=parse_date(m["date"]), rank=3)
    if n <= FURNITURE_MAX_WORDS and (m := _SOURCE.match(s)):
        authors, outlet, d = _parse_source(m["body"])
        return _Meta(authors, outlet, d, rank=0)
    if (byline := _byline(s, loose=False)) and byline[0]:  # anywhere on the page: full names only
        names, rest = byline  # a menu's "By Event Type" is metadata too, but names no one
        names = tuple(n for n in names if not _label_like(n))
        return _Meta(names, outlet_in(rest[len(_BYLINE_END.split(rest, maxsplit=1)[0]) :]), parse_date(s))
    if m := _REPORTING.match(s):
        return _Meta(_names(m["names"]), "Reuters" if "editing by" in s.lower() else None)
    if outlet := _credit_line(s):
        return _Meta(outlet=outlet)
    if n <= 8 and (d := parse_date(s)):
        if sum(w.lower() not in _DATE_FILLER and not w.isdigit() for w in _words(without_dates(s))) <= 1:
            return _Meta(date=d)
    return None


def _script(ch: str) -> str:
    return "LATIN" if ch.isascii() else unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def _main_script(lines: list[str]) -> str:
    counts = Counter(_script(ch) for ln in lines for ch in ln if ch.isalpha())
    return counts.most_common(1)[0][0] if counts else "LATIN"


def _is_hard(s: str, words: list[str], script: str) -> bool:
    """Furniture: menus, share/comment/donate lines, cookies, copyright, e-mail, other script."""
    n = len(words)
    letters = [ch for ch in s if ch.isalpha()]
    if letters and sum(_script(ch) == script for ch in letters) < len(letters) / 2:
        return True
    if n <= 8 and (_EMAIL.search(s) or (_URL.search(s) and n <= 4)):
        return True
    if (n <= 15 and "©" in s) or (n <= FURNITURE_MAX_WORDS and _FURNITURE.search(s)):
        return True
    if _AD_BREAK.match(s):
        return True
    segs = [g for g in re.split(r"\s[|•·»›]\s|\s*\|\s*", s) if g.strip()]  # a menu line
    menu = len(segs) >= 2 and all(len(_words(g)) <= 5 for g in segs) and s[0] not in "\"'“‘"
    if menu and not _ends_sentence(s):
        return True
    if n <= SHORT_LINE_WORDS and _PHOTO.search(s) and outlet_in(s):
        return True  # photo credit: "AP Photo"
    nav = sum(w.lower() in _NAV_WORDS for w in words)
    return 0 < n <= SHORT_LINE_WORDS and nav >= max(1, (n + 1) // 2)


def _kind(s: str, script: str) -> Kind:
    words = _words(s)
    if not words:
        return "aside"
    if _is_hard(s, words, script):
        return "hard"
    n = len(words)
    quoted = any(q in s for q in '"“”«»')
    headline = n <= LONG_LINE_WORDS and _titlecase_ratio(words) >= 0.8
    if n >= MIN_PROSE_WORDS and (_ends_sentence(s) or quoted) and not headline:
        return "prose"
    lower = sum(w[0].islower() for w in words) / n
    return "prose" if n >= LONG_LINE_WORDS and lower >= 0.3 else "soft"


def _weights(kinds: list[Kind], lines: list[str]) -> list[float]:
    """How much each line speaks for the span around it being the article (prose: its word count).

    Soft lines (headings and list items inside an article, but menus too) cost a little; a costlier
    long run of them (menus come in runs) measured worse on the dev pages. Nothing spans the start
    of the comments.
    """
    out: list[float] = []
    for k, ln in zip(kinds, lines, strict=True):
        if _COMMENTS_HEAD.match(ln):
            out.append(-COMMENTS_COST)
        elif _SECTION_END.match(ln):
            out.append(-SECTION_END_COST)
        elif k == "prose":
            out.append(float(len(_words(ln))))
        elif k == "soft":
            out.append(SOFT_WORD_WEIGHT * len(_words(ln)) - SOFT_LINE_COST)
        elif k == "hard":
            out.append(-AD_BREAK_COST if _AD_BREAK.match(ln) else -HARD_LINE_COST)
        else:
            out.append(0.0)
    return out


def _best_span(kinds: list[Kind], lines: list[str]) -> tuple[int, int]:
    """First and last line of the span with the highest total weight (maximum subarray); (0, -1) if none.

    When that span lies in a comment section, the heaviest span above the section's heading is taken instead if
    it weighs COMMENTS_MIN_ARTICLE (a long discussion can outweigh its article)."""
    weights = _weights(kinds, lines)
    best, best_span = _max_subarray(weights)
    heads = [i for i, w in enumerate(weights) if w <= -COMMENTS_COST]
    if heads and best_span[0] > heads[0]:  # the span lies in the comments: is there an article above them?
        above, above_span = _max_subarray(weights[: heads[0]])
        if above >= COMMENTS_MIN_ARTICLE:
            return above_span
    return best_span


def _max_subarray(weights: list[float]) -> tuple[float, tuple[int, int]]:
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i)
    return best, best_span


def _select_body(kinds: list[Kind], lines: list[str]) -> list[int]:
    """The prose and soft lines of the heaviest span, less a small tail cut off by short lines.

    The span is split into parts before every run of TAIL_GAP_LINES+ lines that are not prose; trailing
    parts holding together under TAIL_SHARE of the span's prose words (an author blurb, a sign-up
    pitch after the article) are dropped, and so is each trailing part under OFF_TOPIC_SHARE of them
    whose words are not the rest's (cosine of content-word counts under OFF_TOPIC_COSINE). An author box in the
    last AUTHOR_BOX_SHARE of the prose ends the body (_author_box).
    """
    lo, hi = _best_span(kinds, lines)
    if hi < 0:  # no prose at all: the short lines are all there is
        return [i for i, k in enumerate(kinds) if k == "soft" and not page_note(lines[i])]
    parts: list[list[int]] = [[]]
    gap = 0
    for i in range(lo, hi + 1):
        if kinds[i] == "prose":
            if gap >= TAIL_GAP_LINES and len(parts[-1]) > gap:  # the short lines go with what follows them
                parts.append(parts[-1][-gap:])
                del parts[-2][-gap:]
            gap = 0
        else:
            gap += 1
        parts[-1].append(i)
    prose = [sum(len(_words(lines[i])) for i in part if kinds[i] == "prose") for part in parts]
    total, tail = sum(prose), 0
    while len(parts) > 1 and tail + prose[-1] < TAIL_SHARE * total:
        tail += prose.pop()
        parts.pop()
    bags = [
        Counter(w for i in part if kinds[i] in ("prose", "soft") for w in _content_words(lines[i])) for part in parts
    ]
    while len(parts) > 1 and prose[-1] < OFF_TOPIC_SHARE * sum(prose):
        rest: Counter[str] = Counter()
        for bag in bags[:-1]:
            rest.update(bag)
        if _cosine(bags[-1], rest) >= OFF_TOPIC_COSINE:
            break
        parts.pop()
        prose.pop()
        bags.pop()
    kept = [i for part in parts for i in part if kinds[i] in ("prose", "soft") and not page_note(lines[i])]
    cut = _author_box(kinds, lines, [i for part in parts for i in part])
    return [i for i in kept if i < cut] if cut is not None else kept


def page_note(line: str) -> bool:
    """A line about the page rather than the article: a picture's caption or credit ("Photo: Jane Doe", "Above: ...",
    "... / Getty Images"), a form's fine print ("By submitting this form, you agree..."), a cookie banner. It still
    weighs as the short or prose line it is when the body's span is chosen (it sits between the article's lines);
    only the text leaves it out."""
    return bool(_PAGE_NOTE.search(line)) and len(_words(line)) <= PAGE_NOTE_MAX_WORDS


# Blocks the gold leaves out that the span and the block model keep (dev error analysis, round 7 of the text):
# a run of testimonials ("Great doctors and staff!" / "Mallory R." three times or more) ends the article; a
# reference list under its heading ("References" / "Smith J, et al. (2016). ..." / "https://...") is no text;
# a byline or date line among the text's first lines, and the dek just above it, are the page's, not the text's.
TESTIMONIAL_PAIRS = 3  # _testimonials: this many statement / signature pairs in a row
TESTIMONIAL_MIN_WORDS = 5  # a testimonial's statement has this many words
SIGNATURE_MAX_WORDS = 8
_HANDLE = re.compile(r"^(?=.*[a-z])(?=.*[\d_])[A-Za-z][\w.]{2,29}$")  # a reviewer's handle: "TeeLox23", "Best_Law8690"
_SIGNATURE_WORD = re.compile(r"[A-Z]\.?|[A-Z][a-z'’-]+\.?|\d+|[a-z]+")  # "Mallory R.", "A. Rae V. B.", "Adam K 82"
_REFERENCES_HEAD = re.compile(
    r"^(?:(?:view |show )?(?:article )?(?:references?|sources?|bibliography|works cited|citations?|literature cited)"
    r"|how we reviewed this article)\s*:?$",
    re.I,
)
_CITATION = re.compile(  # "Clem J, et al. (2021).", "2010;59(3):16", "doi", "Accessed 11 Apr.", a bare link
    r"\bet al\b|\(\d{4}[a-z]?\)|\b(?:19|20)\d{2};\s?\d|\bdoi\b|\baccessed\b|\bretrieved\b|\bPMID\b|\bURL:"
    r"|https?://|^www\.|\b\d+\(\d+\):\s?\d|[“\"][^”\"]{5,}[.,]?[”\"]\s*[A-Z][\w.&’' -]+[.,]",
    re.I,
)
REFERENCES_SHARE = 0.6  # _references: this share of the lines after the heading are citations
HEAD_LINES = 4  # _head_byline: a byline among the text's first lines
HEAD_BYLINE_WORDS = 15
DEK_GAP = 4  # _head_byline: a metadata line this close under the text's first prose line makes that line a dek
_BY_LEAD = re.compile(r"^by\s+\S", re.I)
_LINE_LABEL = re.compile(r"^([A-Za-z][A-Za-z ]{1,20}):")  # _byline_line
_DATE_LABELS = frozenset({"updated", "last updated", "published", "posted", "date", "modified", "last modified"})
BUTTON_MAX_WORDS = 7
_BUTTON = re.compile(  # a call to action on a line of its own (_button): a button naming its thing, or a bare one
    r"^(?:(?:try (?:it |\w+ )?(?:for )?free|try \w+ (?:today|now)|start (?:your |a )?free trial"
    r"|shop (?:now|today|\w+ (?:now|today|with \w+))|book (?:a |your )?(?:free )?(?:demo|call|consultation)"
    r"|request (?:a |your )?(?:free )?(?:demo|quote|consultation|information)|download (?:now|the \w+|our \w+)"
    r"|get (?:a )?(?:free )?quote|view (?:all|more|case studies|details|deal))\b[^.!?]{0,30}"
    r"|(?:get|start) (?:started|shopping)(?: now| today)?|install|sign (?:me )?up(?: now| today| for free)?"
    r"|subscribe(?: now| today)?|learn more|find out more|buy now|order now|get (?:the )?deal|get price"
    r"|watch (?:now|the video)|read more|contact us(?: today)?|apply now|enroll now|register now"
    r"|join (?:now|today|free))\s*[!→>»]?$",
    re.I,
)
_LISTING = re.compile(  # a business listing's phone, rating or map link (_button)
    r"^(?:call(?: us)?:?\s*)?\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$|^\d(?:\.\d)? out of 5 stars\b"
    r"|^(?:google|apple) maps$|^\(\d[\d,]*\)$|^\d[\d,]* (?:reviews|ratings)$",
    re.I,
)
CARD_ITEMS = 3  # _teaser_cards: this many cards
CARD_MARKED = 0.66  # this share of them marked by a copy of the headline or a date
CARD_SHARE = 0.5  # the cards hold less than this share of the text's words
CARD_HEAD_WORDS = (3, 20)
CARD_DATE_WORDS = 8
CARD_BLURB_WORDS = 70


def _signature(line: str) -> bool:
    """A testimonial's signature: a given name with initials or a surname ("Mallory R.", "Kylie Farr", "Stacey"),
    a handle ("TeeLox23"), an initial and a surname ("H Kotala")."""
    s = line.strip().lstrip("-–—~ ")
    toks = re.split(r"\s*[,|–—]\s*|\s+-\s+", s)[0].split()
    if not 1 <= len(toks) <= 4 or len(s.split()) > SIGNATURE_MAX_WORDS or "\t" in s:
        return False
    if _ends_sentence(s) and not re.search(r"\b[A-Z]\.$", s):
        return False
    if len(toks) == 1:
        return bool(_HANDLE.match(toks[0])) or (toks[0][0].isupper() and toks[0].lower() in _given_names())
    first = toks[0].strip(".")
    words = all(_SIGNATURE_WORD.fullmatch(t) for t in toks)
    return words and toks[0][0].isupper() and (len(first) == 1 or first.lower() in _given_names())


def _testimonials(lines: list[str], kinds: list[Kind], text: list[int]) -> set[int]:
    """The text's lines from its first run of testimonials on: TESTIMONIAL_PAIRS+ pairs of a statement and the
    signature under it. Reviews come after the article (a clinic's patients, a newsletter's readers)."""
    n, kept = len(lines), set(text)
    for i in range(n):
        j = i
        while (
            j + 1 < n
            and kinds[j] in ("prose", "soft")
            and len(lines[j].split()) >= TESTIMONIAL_MIN_WORDS
            and not _signature(lines[j])
            and _signature(lines[j + 1])
        ):
            j += 2
        if (j - i) // 2 >= TESTIMONIAL_PAIRS and any(i <= k < j for k in kept):
            return {k for k in text if k >= i}
    return set()


def _references(lines: list[str], text: list[int]) -> set[int]:
    """A reference list at the end of the text: its heading and every text line after it, when REFERENCES_SHARE of
    those lines are citations or links."""
    for k, i in enumerate(text):
        if _REFERENCES_HEAD.match(lines[i]):
            rest = text[k + 1 :]
            cites = sum(bool(_CITATION.search(lines[j])) for j in rest)
            if len(rest) >= 2 and cites >= 2 and cites >= REFERENCES_SHARE * len(rest):
                return {i, *rest}
    return set()


def _byline_line(line: str) -> bool:
    """A byline or date line kept as a short line ("By Sofia Gonzalez December 2, 2025", "Faith Katunga•Oct 20,
    2025", "Updated Dec. 23, 2024, 1:24 PM EST / Source: TODAY"); a label other than a date's is a fact of the
    article ("Released: June 17, 2025 by Tor Books")."""
    label = _LINE_LABEL.match(line)
    return (
        len(line.split()) <= HEAD_BYLINE_WORDS
        and bool(_BY_LEAD.match(line) or parse_date(line))
        and not _ends_sentence(line.rstrip("."))
        and (label is None or label[1].lower() in _DATE_LABELS)
    )


def _head_byline(lines: list[str], kinds: list[Kind], text: list[int]) -> set[int]:
    """Byline and date lines among the text's first HEAD_LINES lines, and the text's first prose line when a byline
    or a metadata line lies DEK_GAP lines under it or closer (a dek: "Travelers say Enterprise is redefining ..." /
    "Faith Katunga•Oct 20, 2025"): the gold starts below them."""
    drop = {i for i in text[:HEAD_LINES] if kinds[i] == "soft" and _byline_line(lines[i])}
    kept = set(text)
    if len(text) >= 3 and kinds[text[0]] == "prose":
        a = text[0]
        for i in range(a + 1, min(a + 1 + DEK_GAP, text[-1])):
            if i in drop or (i not in kept and _meta_of(lines[i])) or (kinds[i] == "soft" and _byline_line(lines[i])):
                drop.add(a)
                break
    return drop


def _button(line: str, kind: Kind) -> bool:
    """A button's or a listing's short line: "Try Alitu for free", "Book a demo with Otter", "Request A Free
    Consultation", "Get Deal", "877-621-6572", "4.8 out of 5 stars (193)", "Google Maps"."""
    short = kind == "soft" and len(line.split()) <= BUTTON_MAX_WORDS
    return short and bool(_BUTTON.match(line) or _LISTING.match(line))


def _card_item(lines: list[str], kinds: list[Kind], kept: set[int], start: int, end: int) -> tuple[int, bool] | None:
    """A teaser card from ``start`` (a headline line of the text): the line after it and whether it is marked as a
    card, by a copy of its headline (a picture's caption and the link) or a date line; None when ``start`` is not a
    headline. A card holds one blurb at most."""
    head = lines[start]
    words = _words(head)
    if kinds[start] != "soft" or not CARD_HEAD_WORDS[0] <= len(words) <= CARD_HEAD_WORDS[1]:
        return None
    if head.endswith((":", ".")) or _BULLET.match(head):
        return None
    i, marked, blurb = start + 1, False, False
    while i <= end:
        ln = lines[i]
        copy_or_date = ln == head or (len(ln.split()) <= CARD_DATE_WORDS and parse_date(ln) is not None)
        if i not in kept:
            marked = marked or copy_or_date or _meta_of(ln) is not None
        elif copy_or_date:
            marked = True
        elif kinds[i] == "prose" and not blurb and len(ln.split()) <= CARD_BLURB_WORDS:
            blurb = True
        else:
            break
        i += 1
    return i, marked


def _teaser_cards(lines: list[str], kinds: list[Kind], text: list[int]) -> set[int]:
    """The text's tail when it is a list of the site's other stories: CARD_ITEMS+ cards (a headline, a blurb under
    it) to the end of the text, most of them marked (_card_item), and under CARD_SHARE of the text's words."""
    if len(text) < CARD_ITEMS + 1:
        return set()
    kept, end = set(text), text[-1]
    words = [len(lines[i].split()) for i in text]
    total, tail, best = sum(words), 0, None
    for k in range(len(text) - 1, 0, -1):
        tail += words[k]
        if tail > CARD_SHARE * total:
            break
        i, items, marked = text[k], 0, 0
        while i <= end:
            if i not in kept:
                i += 1
                continue
            item = _card_item(lines, kinds, kept, i, end)
            if item is None:
                break
            i, items, marked = item[0], items + 1, marked + item[1]
        if i > end and items >= CARD_ITEMS and marked >= max(2, CARD_MARKED * items):
            best = k
    return set(text[best:]) if best is not None else set()


def page_furniture(lines: list[str], kinds: list[Kind], text: list[int]) -> set[int]:
    """Lines of the chosen text that are the page's, not the article's: testimonials, a reference list, a byline
    and dek at the head, the site's other stories at the tail, buttons (_testimonials, _references, _head_byline,
    _teaser_cards, _button)."""
    found = _testimonials(lines, kinds, text) | _references(lines, text) | _head_byline(lines, kinds, text)
    return found | _teaser_cards(lines, kinds, text) | {i for i in text if _button(lines[i], kinds[i])}


_ABOUT_ONE = re.compile(r"About\s+([A-Z][a-z]+)")  # _about_given_name


def _person_name(s: str) -> str | None:
    """The person a name line names ("Jane Doe", "Written by Jane Doe", "Jane Doe, Founder of X"), if any."""
    name = re.split(r"\s*[,(|•–—]\s*|\s+-\s+", _NAME_PREFIX.sub("", s))[0].strip()
    return name if _is_name(name) and name.split()[0].lower() not in _SMALL else None


def _author_box(kinds: list[Kind], lines: list[str], span: list[int]) -> int | None:
    """First line of an author box near the end of the span: a name line (up to 3 short lines above) followed by
    a prose line about that person ("Jane Doe is a finance writer...", "Jane's work...", "Hi, I'm Jane!")."""
    prose = [len(_words(lines[i])) if kinds[i] == "prose" else 0 for i in span]
    total, suffix, found = sum(prose), 0, None
    for j in range(len(span) - 1, -1, -1):
        suffix += prose[j]
        if suffix >= AUTHOR_BOX_SHARE * total:
            break
        i = span[j]
        if not prose[j] or not _BIO_ROLE.search(" ".join(lines[i].split()[:25])):
            continue
        for k in range(i - 1, max(-1, i - 4), -1):
            if kinds[k] == "prose":
                break
            if name := _person_name(lines[k]):
                first = re.escape(name.split()[0])
                if re.match(rf"(?:{first}\b|(?:(?:hi|hey|hello)\W+)?(?:i[’']m|i am)\s+{first}\b)", lines[i], re.I):
                    found = k
                    break
    return found


def _about_given_name(line: str) -> str | None:
    """The given name an author box's heading gives alone ("About Alexa")."""
    m = _ABOUT_ONE.fullmatch(line)
    return m[1] if m and m[1].lower() in _given_names() else None


def _author_box_name(lines: list[str], start: int) -> tuple[str, ...]:
    """The person an author box after ``start`` presents: a name line ("Lauren Vetter", "About Alexa") followed by a
    line about that person ("Lauren Vetter is a growth-focused marketing professional...", "Maria is a growth
    analyst") or by "Who is <name>?"; the first such box."""
    for k in range(start, len(lines) - 1):
        if len(_words(lines[k])) > 6 or not (name := _person_name(lines[k]) or _about_given_name(lines[k])):
            continue
        bio = lines[k + 1]
        if bio == f"Who is {name}?":  # "Jeff Hoyt" / "Who is Jeff Hoyt?" / "As Editor-in-Chief of ..."
            return (name,)
        first = re.escape(name.split()[0])
        if re.match(rf"(?:{re.escape(name)}|{first})\b[^.]{{0,40}}?\b(?:is|was|has|serves|works)\b", bio) and (
            _BIO_ROLE.search(" ".join(bio.split()[:25]))
        ):
            return (name,)
    return ()


# an author label under the article, with the name after it or on the next line ("Article by" / "Matias Heikkilä",
# "Author:" / "Shai Shmarel", "Contributors: Janet Loughrey", "About the Author: Tom", "This post was written by
# Danielle Padula, Head of Marketing"), or a caption under the name ("Nawaz Dhandala" / "Author", "Ahmet Serhan" /
# "Author's Profile"); a bare "By" is not one there (a teaser's byline)
_AUTHOR_LABEL = re.compile(
    r"^(?:(?P<by>(?:article|posted|written|words|story|text)\s+by)|author['’]s\s+profile|authors?(?:\s*\(s\))?"
    r"|contributors?|about\s+the\s+authors?|meet\s+the\s+authors?|(?P<this>this\s+(?:blog\s+)?(?:post|article|story|piece|guide)\s+"
    r"(?:was\s+)?(?:written|authored)\s+by))(?!\w)\s*(?P<colon>:?)\s*(?P<names>.*)$",
    re.I,
)
JOB_LINE_WORDS = 8  # a job-title line between two names under an author label is this short (_job_line)
_INITIALS = re.compile(r"^[A-Z]{1,3}$")  # an avatar's initials over the name ("CP" / "Chengcheng Pei")


def _labelled_author(lines: list[str], start: int) -> tuple[str, ...]:
    """The names an author label below ``start`` gives (_AUTHOR_LABEL), the first label that gives one: after it on
    its line ("Contributors: Janet Loughrey", "Posted By: Kiersten"; not "Written by X" without a colon, a teaser's
    byline), else the name lines right under a bare label ("Author(s)" / "John A. Alic" / "David C. Mowery"), past
    an avatar's initials and a second label ("AUTHOR" / "Written by" / "Sir Nuno") and past a job title under each
    name ("AUTHOR" / "CP" / "Chengcheng Pei" / "Staff Software Engineer, MongoDB" / "YL" / "Yuan Lin"), else the name
    line right above a bare label, its caption ("Nawaz Dhandala" / "Author"). Names are read as next to the
    headline (byline_names); a label-like "name" is none."""
    for i in range(start, len(lines)):
        # "Posted by Colin Watson on 2025-12-18 in debusine. Tags: ...": a post's own footer (a teaser writes no date)
        dated = len(parts := _ON_DATE.split(lines[i], maxsplit=1)) > 1
        if not (m := _AUTHOR_LABEL.match(lines[i])) or len(_words(parts[0])) > BYLINE_MAX_WORDS:
            continue
        if rest := m["names"].strip():
            names = tuple(n for n in byline_names(rest) if not _label_like(n))
            if names and (not m["by"] or m["colon"] or m["this"] or dated):
                return names
            continue
        k = i + 1
        while k < len(lines) and k <= i + 2 and (_INITIALS.match(lines[k]) or _AUTHOR_LABEL.fullmatch(lines[k])):
            k += 1
        found: list[str] = []
        while k < len(lines) and len(found) < 8:
            if found and _job_line(lines[k]):  # a job title under a name, then the next one's initials and name
                k += 2 if k + 1 < len(lines) and _INITIALS.match(lines[k + 1]) else 1
                if k < len(lines) and lines[k].isupper():
                    break  # a heading in capitals after the last job title ("MONGODB RESOURCES")
                continue
            names = byline_names(lines[k])
            if not names or any(_label_like(n) for n in names) or len(_words(lines[k])) > 2 * len(names) + 3:
                break
            found += names
            k += 1
        if found:
            return tuple(found)
        if i > start and (name := _person_name(lines[i - 1])) == lines[i - 1] and not _label_like(name):
            return (name,)  # the label is a caption under the name ("Nawaz Dhandala" / "Author")
    return ()


def _job_line(line: str) -> bool:
    """A short line giving a job title ("Staff Software Engineer, MongoDB"), not a sentence."""
    return bool(_ROLE_WORD.search(line)) and len(_words(line)) <= JOB_LINE_WORDS and not _ends_sentence(line)


def _capitals_name(line: str) -> str | None:
    """A person's name in capitals that a line starts with, set off by a run of spaces or alone ("BRIAN TRUITT   USA
    TODAY" -> "Brian Truitt"): 2-3 words, a given name first (_owner_name)."""
    head = re.split(r"\s\s+", line, maxsplit=1)[0]
    if not head.isupper() or not _owner_name(name := head.title()):
        return None
    return name


def _team_line(line: str) -> bool:
    """A line that is a desk or team's name alone ("Staff", "InstaTunnel Team"), not a menu's "Our Team"."""
    return bool(_TEAM.fullmatch(line)) and not line.lower().startswith("our ")


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(stage_data("person_names.json")["names"])


# a copyright line and its holder ("© 2025 Toby Hede. All rights reserved.", "Copyright © 2025 Sofia Health, LLC",
# "Copyright Sam Bossley 2012-2025.")
_COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*(?P<name>[^.|·•,(]+)"
    r"|^(?:copyright|©)\s+(?P<before>[^\d.|·•,(]+?)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*(?:[.,|]|$)",  # "... X 2012-2025."
    re.I,
)


NAME_WORD_MAX = 20  # _owner_name: no longer word in a person's name
_OWNER_TRIM = " /|:-–—"  # what a site's name line ends with ("Pierce Freeman//")
OWNER_LINES = 2  # _site_owner: a blog's possessive name is one of the page's first lines
_OWNERS_BLOG = re.compile(
    r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){1,2})['’]s\s+(?:[\w-]+\s+){0,2}"
    r"(?i:blog|weblog|substack|newsletter|site|website|notes|thoughts|journal|musings|corner)\b"
)


def _copyright_person(lines: list[str]) -> tuple[str, ...]:
    """The person the page's copyright line (its last, the footer's) names ("© 2025 Toby Hede. All rights
    reserved."), when it reads as an owner's name (_owner_name)."""
    m = next((m for ln in reversed(lines) if (m := _COPYRIGHT_LINE.match(ln))), None)
    if m is None:
        return ()
    name = re.split(r"\s+(?i:all rights|powered by)\b|\s\s", m["name"] or m["before"])[0].strip()
    return (name,) if _owner_name(name) else ()


def _owner_name(name: str) -> bool:
    """A person's name as a page's owner writes it: 2-3 name words, a given name first, no other word one pages write
    in lower case (a firm: "Austin Hardware", "Sofia Health")."""
    words = name.split()
    if not (2 <= len(words) <= 3 and _is_name(name) and words[0].lower() in _given_names()):
        return False
    if max(map(len, words)) > NAME_WORD_MAX:  # a menu run into the name ("Sam Bossleythoughtsstreamsportfolio")
        return False
    return not any(w.lower() in _common_words() for w in words[1:])


def _site_owner(lines: list[str]) -> tuple[str, ...]:
    """The person a personal site's name names: its first line, the name alone ("Cory Dransfeldt", "Eric Ries"), or
    one of its first lines, the name's blog ("Derek Seaman's Tech Blog", "Mike Woodward's thoughts on AI ...")."""
    name = lines[0].strip(_OWNER_TRIM) if lines else ""
    if _owner_name(name):
        return (name,)
    return next(((m[1],) for ln in lines[:OWNER_LINES] if (m := _OWNERS_BLOG.match(ln)) and _owner_name(m[1])), ())


def _content_words(s: str) -> list[str]:
    return [w for w in (x.lower() for x in _words(s)) if len(w) > 2 and w not in ENGLISH_STOP and not w.isdigit()]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5


def _segments(kinds: list[Kind]) -> list[list[int]]:
    """Blocks of lines: runs of prose lines (single short lines in between included), runs of 2+ short lines."""
    out: list[list[int]] = []
    cur: list[int] = []
    i, n = 0, len(kinds)
    while i < n:
        if kinds[i] == "prose":
            cur.append(i)
            i += 1
            continue
        j = i
        while j < n and kinds[j] != "prose":
            j += 1
        if j - i >= 2:
            out += [cur] if cur else []
            out.append(list(range(i, j)))
            cur = []
        else:
            cur.extend(range(i, j))
        i = j
    return out + ([cur] if cur else [])


def _segment_features(
    lines: list[str], kinds: list[Kind], body: list[int]
) -> tuple[list[list[int]], list[list[float]]]:
    """The prose and soft lines of each block (_segments) and its features (SEGMENT_FEATURES): how much of
    it the body keeps, where it sits relative to the body, its size, line mix and wording, and how close
    its content words are to the rest of the body's and to the title's."""
    rule, segs = set(body), _segments(kinds)
    words = [_words(ln) for ln in lines]
    cnt = [len(w) for w in words]
    lo, hi = _best_span(kinds, lines)
    total = sum(c for c, k in zip(cnt, kinds, strict=True) if k in ("prose", "soft")) or 1
    rule_words = sum(cnt[i] for i in rule) or 1
    ends = [i for i, ln in enumerate(lines) if _SECTION_END.match(ln) or _COMMENTS_HEAD.match(ln)]
    bags = [Counter(_content_words(ln)) for ln in lines]
    whole: Counter[str] = Counter()
    for i in rule:
        whole.update(bags[i])
    whole_sq = sum(v * v for v in whole.values())
    ti = _find_title(kinds, lines, body[0]) if body else None
    title = bags[ti] if ti is not None else Counter()
    cands = [[i for i in s if kinds[i] in ("prose", "soft")] for s in segs]
    cwords = [sum(cnt[i] for i in c) for c in cands]
    share = [sum(cnt[i] for i in c if i in rule) / w if w else 0.0 for c, w in zip(cands, cwords, strict=True)]
    inside = [j for j, f in enumerate(share) if f > 0]
    first, last = (inside[0], inside[-1]) if inside else (-1, -1)
    rows = []
    for j, (s, c, w) in enumerate(zip(segs, cands, cwords, strict=True)):
        a, b, nl, nc = s[0], s[-1], len(s), max(len(c), 1)
        lw = [x.lower() for i in c for x in words[i]] or [""]
        dist = 0 if hi < lo or not (b < lo or a > hi) else (lo - b if b < lo else a - hi)  # 0: overlaps the span
        sdist = 99 if first < 0 else first - j if j < first else j - last if j > last else 0
        bag: Counter[str] = Counter()
        for i in c:
            bag.update(bags[i])
        # the body's words less this block's ("whole - bag"), from the few counts the block changes
        rest = {k: max(whole[k] - v, 0) for k, v in bag.items() if k in whole}
        rest_sq = whole_sq - sum(whole[k] ** 2 - r * r for k, r in rest.items())
        bag_sq, nbag = sum(v * v for v in bag.values()), sum(bag.values())
        dot = sum(v * rest[k] for k, v in bag.items() if k in rest)
        rows.append(
            [
                share[j], float(share[j] > 0.999), float(0 <= j < first), float(last >= 0 and j > last),
                math.log1p(dist), math.log1p(sdist), float(sdist == 1),
                math.log1p(w), math.log1p(nl), math.log1p(len(c)), w / total, w / rule_words,
                sum(cnt[i] for i in s if kinds[i] == "prose") / (w or 1),
                sum(kinds[i] == "soft" for i in s) / nl, sum(kinds[i] == "hard" for i in s) / nl,
                sum(kinds[i] == "aside" for i in s) / nl, w / nc, math.log1p(w / nc),
                sum(_ends_sentence(lines[i]) for i in c) / nc,
                statistics.fmean(_titlecase_ratio(words[i]) for i in c) if c else 0.0,
                sum(x in ENGLISH_STOP for x in lw) / len(lw), sum(x in _NAV_WORDS for x in lw) / len(lw),
                sum(x in _LINK_WORDS for x in lw) / len(lw), sum(bool(_BULLET.match(lines[i])) for i in c) / nc,
                sum(any(ch.isdigit() for ch in lines[i]) for i in c) / nc,
                float(a > 0 and lines[a - 1].endswith(":")),
                float(any(hi < e < a or b < e < lo for e in ends)),
                j / len(segs), a / len(lines),
                share[j - 1] if j else 0.0, share[j + 1] if j + 1 < len(segs) else 0.0,
                float(any(q in lines[i] for i in c for q in '"“”')),
                dot / math.sqrt(bag_sq * rest_sq) if bag_sq and rest_sq else 0.0,
                sum(v for k, v in bag.items() if rest.get(k, 0) > 0) / nbag if nbag else 0.0,
                _cosine(bag, title),
            ]
        )  # fmt: skip
    return cands, rows


@functools.cache
def _segment_model() -> TreeEnsemble | None:
    """The trained block model, read once; None when the file is absent (the span rule alone then)."""
    return load_tree_ensemble(SEGMENT_MODEL, SEGMENT_FEATURES) if SEGMENT_MODEL.is_file() else None


def _corrected_body(lines: list[str], kinds: list[Kind], body: list[int]) -> list[int]:
    """The span rule's body with the blocks the model is sure of added to it or taken out of it."""
    model = _segment_model()
    if model is None or not body:
        return body
    keep = set(body)
    for cand, row in zip(*_segment_features(lines, kinds, body), strict=True):
        if not cand:  # furniture and metadata only: nothing to add or drop
            continue
        p = model.probability(row)
        if row[0] > 0 and p < SEGMENT_DROP:
            keep -= set(cand)
        elif row[0] == 0 and p >= (SEGMENT_ADD_ABOVE if row[2] else SEGMENT_ADD):
            keep |= {i for i in cand if not page_note(lines[i])}
    return sorted(keep)


def _headline_like(s: str) -> bool:
    words = _words(s)
    if not 2 <= len(words) <= 30 or not (s[0].isupper() or s[0].isdigit() or s[0] in "\"'“‘"):
        return False
    return not re.search(r"[.!:]$", s) or _titlecase_ratio(words) >= 0.6


def _find_title(kinds: list[Kind], lines: list[str], start: int) -> int | None:
    """The headline among the few lines before the body: the nearest with 4+ words, if any."""
    cands: list[int] = []
    looked = 0
    for j in range(start - 1, -1, -1):
        if kinds[j] == "prose" or looked >= 5:
            break
        if kinds[j] in ("soft", "hard"):
            looked += 1
            if kinds[j] == "soft" and _headline_like(lines[j]):
                cands.append(j)
    return next((j for j in cands if len(_words(lines[j])) >= 4), cands[0] if cands else None)


def detect_original_source(text: str) -> str | None:
    """The outlet a text credits: "[Source: ...]", datelines "MOSCOW (AFP) -", wire credits."""
    lines = [ln.strip() for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()]
    for ln in lines:
        if len(_words(ln)) <= FURNITURE_MAX_WORDS and (m := _SOURCE.match(ln)):
            if outlet := _parse_source(m["body"])[1]:
                return outlet
    datelines = [m for ln in lines if (m := _DATELINE.match(ln))]
    datelines += [m for ln in lines for m in _DATELINE_ANY.finditer(ln)]
    for m in datelines:
        if outlet := outlet_in(m["o"]):
            return outlet
    for ln in lines:
        if m := _END_CREDIT.search(ln):  # "... -- AFP": the credit must be the outlet alone
            name = m["o"].strip(" ().")
            if outlet := next((n for n, rx in _OUTLET_RES if rx.fullmatch(name)), None):
                return outlet
        if outlet := _credit_line(ln):
            return outlet
        if len(_words(ln)) <= 15 and re.search(r"©|\(c\)|\bcopyright\b", ln, re.I):
            if outlet := outlet_in(ln):
                return outlet
        if _REPORTING.match(ln) and "editing by" in ln.lower():
            return "Reuters"
    return None


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped dump was filled to, or None when its lines are not wrapped (WRAP_* above)."""
    pairs = [
        (len(a.rstrip()), b.lstrip()[0].islower())
        for a, b in pairwise(lines)
        if b.strip() and len(a.split()) > 1 and not _COLUMNS.search(a.strip())
    ]  # lines followed by another line (a wrapped paragraph's lines but its last), table rows left out
    inner = sorted(n for n, _ in pairs)
    if len(inner) < WRAP_MIN_LINES:
        return None
    best, width = 0, 0
    for w in sorted(set(inner)):
        if WRAP_MIN_WIDTH <= w <= WRAP_MAX_WIDTH:
            upto = bisect.bisect_right(inner, w)  # the lines ending within the band, less twice those running past
            score = upto - bisect.bisect_left(inner, w - WRAP_BAND) - 2 * (len(inner) - upto)
            if score > best:
                best, width = score, w
    if not width:
        return None
    near = bisect.bisect_right(inner, width) - bisect.bisect_left(inner, width - WRAP_BAND)
    # past the width: any line, not only those followed by another (a page's paragraphs set off by blank lines)
    over = sum(len(a.rstrip()) > width and len(a.split()) > 1 and not _COLUMNS.search(a.strip()) for a in lines)
    if near < WRAP_MIN_LINES or over > WRAP_OVER * near:
        return None
    lower = sum(low for n, low in pairs if width - WRAP_BAND <= n <= width)
    return width if lower >= WRAP_LOWER * near else None


def _first_chunk(text: str, hyphens: bool) -> str:
    """What a wrapper would have had to fit first of ``text``: its first word, or (a wrapper that breaks words at
    their ``hyphens``, as textwrap does; text browsers do not) that word up to its first hyphen."""
    m = re.match(r"\S*?(?:[^\W\d_]-(?=[^\W\d_])|(?=\s)|$)" if hyphens else r"\S*", text)
    return m[0] if m else text


def unwrap_dump(raw: str) -> str:
    """``raw`` with the lines of its hard-wrapped paragraphs joined again, one paragraph a line; ``raw`` itself
    when it is not wrapped (_wrap_width). A line joins the next when the next line's first word would not have
    fitted on it (the greedy filling every wrapper does: a shorter line ended its paragraph or was a line of its
    own, a title or a byline) and the next line is no list item; a word the wrapper broke at its hyphen ("Russia-"
    / "US") is joined without a space."""
    lines = re.split(r"\r\n|\r|\n", raw)
    width = _wrap_width(lines)
    if width is None:
        return raw
    hyphens = any(re.search(r"[^\W\d_]-$", a.rstrip()) and b.lstrip()[:1].isalpha() for a, b in pairwise(lines))
    # how far short of the width the lines end that the next line continues (greedy: never 0 or less)
    excess = sorted(
        len(a.rstrip()) + 1 + len(_first_chunk(b.strip(), hyphens)) - width
        for a, b in pairwise(lines)
        if b.strip() and b.lstrip()[0].islower() and width / 2 <= len(a.rstrip()) <= width
    )
    slack = min(max(0, 1 - excess[int(WRAP_SLACK_QUANTILE * len(excess))]), WRAP_SLACK_MAX) if excess else 0
    out: list[str] = []
    last = ""  # the last line read, when out's last line may take the next one
    for ln in lines:
        text, line = ln.strip(), ln.rstrip()
        bullet = text and (_WRAP_BULLET.match(text) or (_LIST_START.match(text) and _ends_sentence(last)))
        bullet = bullet or _CODE.search(last) or _CODE.search(text)  # lines of code are no wrapped sentence
        if last and text and not bullet and len(last) + 1 + len(_first_chunk(text, hyphens)) > width - slack:
            hyphen = re.search(r"[^\W\d_]-$", last) and text[0].isalpha()
            out[-1] += ("" if hyphen or text[0] in ",.;:!?)" else " ") + text
        else:
            out.append(ln)
        last = line if text and width / 2 <= len(line) <= width + 1 else ""
    return "\n".join(out)


def _prepare(raw: str) -> tuple[list[str], list[_Meta | None], list[Kind]]:
    """Non-empty stripped lines, the metadata each states and their kinds.

    A line of REPEAT_MIN_WORDS+ words that repeats an earlier line word for word (sign-up boxes shown
    twice, teasers listed twice, a menu entry found again in the footer) is dropped and weighs nothing.
    """
    lines = [ln.strip() for ln in re.split(r"\r\n|\r|\n", raw) if ln.strip()]
    script = _main_script(lines)
    metas = [_meta_of(ln) for ln in lines]
    kinds: list[Kind] = [
        "aside" if m or (_DISCLOSURE.search(ln) and len(_words(ln)) <= FURNITURE_MAX_WORDS) else _kind(ln, script)
        for ln, m in zip(lines, metas, strict=True)
    ]
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        key = ln.lower()
        if key in seen and kinds[i] in ("prose", "soft") and len(_words(ln)) >= REPEAT_MIN_WORDS:
            kinds[i] = "aside"
        seen.add(key)
    return lines, metas, kinds


def _unspaced_headline(line: str, next_kind: Kind) -> bool:
    """A headline in a script written without spaces: mostly such letters, at most 40 words (letters here), no
    sentence end, and prose after it."""
    words = _words(line)
    unspaced = sum(len(w) == 1 and bool(re.match(f"[{_UNSPACED}]", w)) for w in words)
    return next_kind == "prose" and 4 <= len(words) <= 40 and unspaced * 2 > len(words) and not _ends_sentence(line)


_TITLE_LABEL = re.compile(r"^(?:Title|Blog|Project|Article|Post|News)\s*:\s*(?=\S)")
# a blog's date glued in front of the headline ("Dec 18 2025 Preparing a transition in Debusine")
_TITLE_DATE = re.compile(
    rf"^(?:(?:{MONTH_ALTERNATION})\.?\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{MONTH_ALTERNATION})\.?,?)\s+\d{{4}}\s+(?=[A-Z])",
    re.I,
)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—]{2,60})$")
_SITE_YEAR = re.compile(r"\s+\d{4}$")  # "© Artlyst 2025" names the site "Artlyst 2025"


def bare_title(line: str, lines: Sequence[str], at: int, sites: Sequence[str]) -> str:
    """The headline without a label or a date in front ("Title: X", "Blog: X", "Dec 18 2025 X") or the site's name
    after it ("X | Artlyst"), when that name is the page's site (a copyright or repost line, less a year after it)
    or a line of its own elsewhere in the dump."""
    t = _TITLE_LABEL.sub("", line).strip()
    if (d := _TITLE_DATE.match(t)) and len(t[d.end() :].split()) >= 2:
        t = t[d.end() :]
    m = _TITLE_SUFFIX.search(t)
    if m is not None and len(m[1].split()) <= 4 and m.start() > 0:
        name = m[1].strip().casefold()
        names = {_SITE_YEAR.sub("", x.strip()).casefold() for x in sites} | {
            ln.strip().casefold() for i, ln in enumerate(lines) if i != at and len(ln.split()) <= 4}
        if name in names:
            t = t[: m.start()].rstrip()
    return t or line


def page_sites(lines: Sequence[str], metas: Sequence[_Meta | None], kinds: Sequence[Kind]) -> list[str]:
    """The site names the page states: a repost notice first, then "© 2009 Site" lines."""
    sites = [m.site for m in metas if m and m.site]
    for ln, k in zip(lines, kinds, strict=True):
        if k == "hard" and (c := _COPYRIGHT.search(ln)) and not outlet_in(c["name"]):
            sites.append(c["name"].strip(" -"))
    return sites


def clean_text_dump(raw: str) -> CleanResult:
    """Split a copy-pasted page into article body, title, stated metadata and dropped lines."""
    lines, metas, kinds = _prepare(unwrap_dump(raw))
    if not lines:
        return CleanResult("", None, (), None, None, None, ())
    body = _select_body(kinds, lines)  # the metadata and the title are read around the rule's body
    rule_title = _find_title(kinds, lines, body[0]) if body else None
    text = [i for i in _corrected_body(lines, kinds, body) if i != rule_title]
    # the headline model reads the lines around the body (dump_meta); the rule answers when it is unsure
    found_title = find_title(lines, text[0], [lines[i] for i in text]) if text else None
    if found_title is not None and "。" in lines[found_title]:
        found_title = None  # a Chinese or Japanese headline has no full stop: that line is the article's first
    title = found_title if found_title is not None else rule_title
    if found_title is not None:
        text = [i for i in text if i != found_title]
    elif title is None and len(text) > 1 and _unspaced_headline(lines[text[0]], kinds[text[1]]):
        title, text = text[0], text[1:]  # a Chinese or Japanese headline the body span began with
    keep = set(text) | ({title} if title is not None else set())

    # metadata before the body's end (and just after it) is about this article, not comments
    scope = (body[-1] + 6) if body else len(lines)
    found = [(m.rank, i, m) for i, m in enumerate(metas[:scope]) if m]
    authors = next((m.authors for _, _, m in sorted(found) if m.authors), ())
    dates = [(m.rank, i, m.date) for _, i, m in found if m.date]
    if title is not None:  # a date line far from the headline (today's date in the page header) is trusted last
        near = range(title - NEAR_BEFORE, title + NEAR_AFTER + 1)
        dates = [(FAR_DATE_RANK if r == 1 and i not in near else r, i, d) for r, i, d in dates]
    if body and (dl := _DATELINE.match(lines[body[0]])) and (d := parse_date(dl[0])):
        dates.append((2, body[0], d))
    if text:  # a byline and a date written next to the headline, when the stated metadata gives none
        near_authors, near_date = byline_and_date(lines, title, text[0])
        # the byline next to the headline, read there with its credentials and without a job title, comes before
        # a byline elsewhere on the page (a teaser's "By X" in the menu); a "[Source: ...]" line stays first
        authors = next((m.authors for r, _, m in sorted(found) if r == 0 and m.authors), ()) or near_authors or authors
        if not authors:  # no byline: the author box after the article ("Jane Doe" / "Jane Doe is a writer ...")
            authors = _author_box_name(lines, title if title is not None else text[0])
        if not authors:  # an author label under the article ("Article by" / "Matias Heikkilä")
            authors = _labelled_author(lines, title if title is not None else text[0])
        if not authors:  # the person the copyright line names ("© 2025 Toby Hede. All rights reserved.")
            authors = _copyright_person(lines)
        if not authors:  # a personal site's name, its first line ("Cory Dransfeldt")
            authors = _site_owner(lines)
        if near_date:
            dates.append((NEAR_DATE_RANK, text[0], near_date))
        if not dates and (labelled := _labelled_date(lines, title if title is not None else text[0])):
            dates.append((LABELLED_DATE_RANK, *labelled))
    sites = page_sites(lines, metas, kinds)
    outlets = [m.outlet for _, _, m in sorted(found) if m.outlet]
    # the metadata above was read around the whole chosen text; the page's blocks in it leave the text only
    furniture = page_furniture(lines, kinds, text)
    keep -= furniture
    return CleanResult(
        text="\n\n".join(lines[i] for i in text if i not in furniture),
        title=bare_title(lines[title], lines, title, sites) if title is not None else None,
        authors=authors,
        site=sites[0] if sites else None,
        original_source=detect_original_source("\n".join(lines)) or next(iter(outlets), None),
        published=min(dates)[2] if dates else None,
        removed=tuple(ln for i, ln in enumerate(lines) if i not in keep),
    )

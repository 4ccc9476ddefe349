"""Language identification from stop-word frequencies (jusText's stop lists) and Unicode scripts.

Non-English articles are kept and marked with their language, never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ISO 639-1 code -> jusText stop-list name; the languages news in Latin/Cyrillic/Greek script
# most often comes in. Scripts without spaces or with their own alphabet are detected by script.
_LISTS = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "tr": "Turkish", "id": "Indonesian", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian",
    "el": "Greek", "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi",
}  # fmt: skip
_SCRIPT_LANG = {"CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "THAI": "th"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, dict[str, float]]:
    """Per language, each stop word weighted by 1/(number of languages that list it)."""
    import justext

    lists = {code: frozenset(justext.get_stoplist(name)) for code, name in _LISTS.items()}
    shared: dict[str, int] = {}
    for words in lists.values():
        for w in words:
            shared[w] = shared.get(w, 0) + 1
    return {code: {w: 1.0 / shared[w] for w in words} for code, words in lists.items()}


def _script_language(text: str) -> str | None:
    counts: dict[str, int] = {}
    letters = 0
    for ch in text[:3000]:
        if ch.isalpha():
            letters += 1
            name = unicodedata.name(ch, "")
            for key in _SCRIPT_LANG:
                if name.startswith(key):
                    counts[key] = counts.get(key, 0) + 1
    if not letters or not counts:
        return None
    key, n = max(counts.items(), key=lambda kv: kv[1])
    return _SCRIPT_LANG[key] if n > 0.3 * letters else None


def detect_language(text: str, min_words: int = 5) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    by_script = _script_language(text)
    if by_script:
        return by_script
    # lower-case words only: names ("Philadelphia", "Maurice") pollute some stop lists
    words = [w for w in _WORD.findall(text[:5000]) if w.islower()]
    if len(words) < min_words:
        return None
    best, best_score = None, 0.0
    for code, stops in _stoplists().items():
        score = sum(stops.get(w, 0.0) for w in words) / len(words)
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 0.08 else None


_SCRIPT_OF = {"ru": "CYRILLIC", "uk": "CYRILLIC", "bg": "CYRILLIC", "el": "GREEK", "ar": "ARABIC", "fa": "ARABIC",
              "he": "HEBREW", "hi": "DEVANAGARI"}  # fmt: skip


def stop_word_hits(text: str, lang: str | None) -> int:
    """How well a reading of a legacy-encoded file fits ``lang``: its stop words of that language (a misread
    encoding turns them into no words: "it’s" -> "itÆs", "się" -> "siê") less its non-ASCII letters of
    another script ("doesn’t" -> "doesn稚"). 0 for a language without a stop list."""
    if lang is None or lang not in _LISTS:
        return 0
    stops = _stoplists()[lang]
    head = text[:5000]
    script = _SCRIPT_OF.get(lang, "LATIN")
    foreign = sum(1 for ch in head
                  if ord(ch) > 127 and ch.isalpha() and not unicodedata.name(ch, "").startswith(script))  # fmt: skip
    return sum(1 for w in _WORD.findall(head) if w.islower() and w in stops) - foreign


def common_word(text: str, lang: str | None, context: str = "", sentence_start: bool = False) -> bool:
    """Whether ``text`` (an entity mention or a speaker in an article in ``lang``) is common words of that
    language, not a name: every word of it a stop word of ``lang`` that is short ("Un", "Le", "Die") or
    also written in lower case in ``context`` (the article); stop lists hold names ("france", "paris",
    "berlin") and nouns of names ("gobierno" of "El Gobierno de España"), which that test keeps. At the
    start of a sentence (``sentence_start``), also a two-word mention opening on a short stop word the
    sentence capitalised ("Die Behörden", "Der Pegel"; "Le Monde" there is lost). False for a language
    without a stop list."""
    if lang is None or lang not in _LISTS:
        return False
    stops = _stoplists()[lang]
    words = _WORD.findall(text)
    if not words:
        return False
    first = words[0].lower()
    if sentence_start and len(words) == 2 and len(first) <= 3 and first in stops:
        return True
    lower = [w.lower() for w in words]
    return all(w in stops and (len(w) <= 3 or re.search(rf"(?<!\w){re.escape(w)}(?!\w)", context)) for w in lower)

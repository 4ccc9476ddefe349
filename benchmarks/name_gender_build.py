"""Build ``newsweave/stages/name_gender.json``: given names that are clearly male or clearly female, for
``quote_context.Ctx.recent_person`` ('she said' does not resolve to "Bettie Page"'s neighbour "Gretchen Mol"
when ... : a candidate whose given name is clearly of the other sex than the pronoun is skipped; issue 5).

Source, read at development time only (the product reads the JSON, never the package): the US Census
Bureau's 1990 name files ``dist.male.first`` and ``dist.female.first`` (a public-domain US government work)
as shipped in the PyPI package ``names==0.3.0`` (MIT). Each file gives a name's frequency in per cent of
its sex; the male and female populations are about the same size, so a name's share of one sex is its
frequency in that file over the sum of both. Kept: names of 3+ letters with a share of 95 % or more for one
sex (names in one file only count as 100 %); ambiguous ones (Jordan, Taylor, Jean, Kelly, ...) are dropped,
and so are names of the other sex in another language (``OTHER_LANGUAGES``: the Italian man's name Michele).

    .venv/bin/pip install names==0.3.0   # build time only
    .venv/bin/python benchmarks/name_gender_build.py
"""

from __future__ import annotations

import json
from pathlib import Path

import names  # type: ignore[import-untyped]

SHARE = 0.95
# given names of the other sex in another language than US English, left out: Italian men (Andrea, Michele,
# Nicola, Simone, Gabriele, Daniele, Emanuele, Raffaele), Catalan, Dutch, Czech and Slavic men (Joan, Jan, Sasha,
# Yuri), French names of both sexes (Dominique, Claude, Camille, Rene), and Kim, Ariel
OTHER_LANGUAGES = frozenset(
    "andrea michele nicola simone gabriele daniele emanuele raffaele joan jan sasha yuri dominique claude camille"
    " rene kim ariel".split()
)
OUT = Path(__file__).resolve().parent.parent / "newsweave" / "stages" / "name_gender.json"


def _read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def main() -> None:
    base = Path(names.__file__).parent
    male, female = _read(base / "dist.male.first"), _read(base / "dist.female.first")
    m_out, f_out = [], []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if len(name) < 3 or m + f == 0 or name in OTHER_LANGUAGES:
            continue
        if m / (m + f) >= SHARE:
            m_out.append(name)
        elif f / (m + f) >= SHARE:
            f_out.append(name)
    about = (
        "Given names, lower case, that are clearly male or clearly female by the US Census Bureau's 1990 name "
        "files (dist.male.first, dist.female.first; a public-domain US government work) as shipped in the PyPI "
        "package names==0.3.0 (MIT licence); built at development time by benchmarks/name_gender_build.py: a "
        f"name of 3+ letters whose frequency share of one sex is {SHARE:.0%} or more (ambiguous names such as "
        "Jordan, Taylor, Jean are left out, and names of the other sex in another language: Andrea, Michele, Jan, "
        "Joan, ...). quote_context.py uses them only to skip an antecedent of 'he' or "
        "'she' whose given name is clearly of the other sex; a name not listed says nothing."
    )
    data = {"about": about, "male": m_out, "female": f_out}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(m_out)} male, {len(f_out)} female -> {OUT}")


if __name__ == "__main__":
    main()

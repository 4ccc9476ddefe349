"""Articles not in English (issue 3): what the report lists for a few short non-English news texts
written for this check (no data set of non-English news is in /work/shared/data).

Runs ``newsweave run`` on the texts (the ``newsweave`` importable from here: put another tree first on
PYTHONPATH to see the report before a change) and prints, per article, the entities, quotes, numbers
and timeline dates the report gives. "dev" texts were written while the rules were made; the
"held-out" ones after, and read once. Usage: nice -n 10 .venv/bin/python benchmarks/non_english.py
[--part dev|held-out|all]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEV = [
    {"id": "fr1", "title": "Séisme au Chili : au moins 700 morts", "source": "Le Monde", "published": "2010-02-28",
     "text": "Un puissant séisme de magnitude 8,8 a frappé le centre du Chili samedi, faisant au moins 700 morts "
             "selon le gouvernement. « Nous faisons face à une catastrophe d'une ampleur inimaginable », a déclaré la "
             "présidente Michelle Bachelet lors d'une conférence de presse à Santiago."},
    {"id": "de1", "title": "Hochwasser in Sachsen: 2.500 Menschen evakuiert", "source": "Tagesspiegel",
     "published": "2013-06-03",
     "text": "Die Behörden in Dresden haben am Montag rund 2.500 Menschen in Sicherheit gebracht. Der Pegel der Elbe "
             "stieg bis zum 03.06.2013 auf 8,5 Meter. „Wir haben so etwas seit 2002 nicht erlebt“, sagte "
             "Ministerpräsident Stanislaw Tillich am Abend. Die Bundeswehr schickte 1.000 Soldaten in die Region. "
             "Es ist die schwerste Flut seit Jahren."},
    {"id": "es1", "title": "El Gobierno aprueba un plan de 1.200 millones", "source": "El País",
     "published": "2011-05-17",
     "text": "El Gobierno de España aprobó este martes un plan de 1.200 millones de euros para la reconstrucción de "
             "Lorca. La ministra Elena Salgado dijo que el dinero llegará antes del 15/06/2011. «Es una prioridad "
             "absoluta», afirmó Salgado en Madrid. Los vecinos calculan que 2 300 viviendas sufrieron daños. Una parte "
             "de la ciudad sigue sin luz."},
    {"id": "fr2", "title": "Grève à la SNCF : le trafic perturbé", "source": "Le Figaro", "published": "2018-04-03",
     "text": "La grève des cheminots a perturbé le trafic ce mardi dans toute la France. Selon la direction, 3 000 "
             "trains ont été annulés, soit 35,5 % de l'offre. Le ministre des Transports a déclaré que le dialogue "
             "restait ouvert. « On ne lâchera rien », a lancé un syndicaliste de la CGT à Paris. Le mouvement doit "
             "durer jusqu'au 12/04."},
]  # fmt: skip
HELD_OUT = [
    {"id": "it1", "title": "Incendio a Roma, evacuate 120 famiglie", "source": "La Repubblica",
     "published": "2017-07-16",
     "text": "Un incendio è scoppiato domenica pomeriggio nella zona est di Roma. I vigili del fuoco hanno evacuato "
             "120 famiglie e le fiamme hanno distrutto 4,5 ettari di bosco. «Abbiamo lavorato per sei ore senza "
             "sosta», ha detto il comandante Marco Rossi. Il sindaco Virginia Raggi ha annunciato un piano da "
             "1.500.000 euro. La Procura di Roma ha aperto un'inchiesta."},
    {"id": "pt1", "title": "Chuvas deixam 30 mortos em Minas Gerais", "source": "Folha de S.Paulo",
     "published": "2020-01-27",
     "text": "As chuvas que atingem Minas Gerais desde sexta-feira deixaram pelo menos 30 mortos, segundo a Defesa "
             "Civil. Em Belo Horizonte, choveu 171,8 milímetros em 24 horas. “É a maior chuva da história da cidade”, "
             "disse o prefeito Alexandre Kalil. O governo federal liberou 89,7 milhões de reais. Os moradores de 2.000 "
             "casas foram retirados."},
]  # fmt: skip


def run(articles: list[dict[str, str]]) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        code = "import sys; from newsweave.cli import main; sys.argv = ['newsweave'] + sys.argv[1:]; sys.exit(main())"
        args = ["run", str(src), "--db", f"{tmp}/s.db", "--out", f"{tmp}/out", "-q"]
        subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
        data = json.loads(Path(tmp, "out", "stories.json").read_text(encoding="utf-8"))
    return data["stories"] if isinstance(data, dict) else data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "held-out", "all"], default="dev")
    part = ap.parse_args().part
    articles = DEV if part == "dev" else HELD_OUT if part == "held-out" else DEV + HELD_OUT
    for s in sorted(run(articles), key=lambda s: str(s["articles"][0]["external_id"])):  # type: ignore[index]
        arts = s["articles"]  # type: ignore[index]
        print(f"== {arts[0]['external_id']} ({arts[0]['language']}): {s['headline']}")
        print("  entities:", "; ".join(f"{e['name']} {e['label']}" for e in s["entities"]))  # type: ignore[attr-defined]
        print("  quotes:", "; ".join(f"{'direct' if q.get('direct', True) else 'reported'} "
                                     f"{q.get('speaker') or '-'}: {q['wordings'][0]['text'][:40]}"
                                     for q in s["quotes"]))  # type: ignore[attr-defined]  # fmt: skip
        print("  numbers:", "; ".join(f"{n['value']} ({n['text']}, {n['unit'] or n['counts'] or '-'})"
                                      for n in s["numbers"]))  # type: ignore[attr-defined]  # fmt: skip
        print("  timeline:", "; ".join(str(t.get("date")) for t in s["timeline"]))  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()

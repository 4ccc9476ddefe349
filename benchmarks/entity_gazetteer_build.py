"""Build ``newsweave/stages/gazetteer.json``: well-known place and organisation names that
``entities.story_mentions`` counts as mentions where spaCy left them untagged.

Countries come from pycountry (ISO 3166-1 short and common names; a build-time tool only, the
product reads the JSON), with a short hand list of their usual short forms ("Russia", "Britain",
"Ivory Coast"); continents and world regions, capitals, and major international organisations
with their acronyms, world landmarks (monuments, buildings: FAC; mountains, falls, canals: LOC) are hand lists of
general knowledge (none taken from a benchmark's gold).
``ambiguous`` lists names that are also common first or family names ("Chad", "Jordan"): they are
never added from the gazetteer alone.

    .venv/bin/python benchmarks/entity_gazetteer_build.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "newsweave" / "stages" / "gazetteer.json"

# usual short forms ISO does not give as its name or common name
COUNTRY_SHORT = """
Russia; Britain; Great Britain; UK; U.K.; England; Scotland; Wales; Northern Ireland; United States; U.S.; US;
USA; U.S.A.; America; South Korea; North Korea; Iran; Syria; Vietnam; Laos; Taiwan; Czech Republic;
Ivory Coast; Burma; Congo; Democratic Republic of Congo; Democratic Republic of the Congo; DR Congo; Palestine;
Vatican; Moldova; Tanzania; Venezuela; Bolivia; Macedonia; Kosovo; Turkey; Holland; Brunei; Cape Verde;
Swaziland; East Timor; the Netherlands; the Philippines; the Bahamas; the Gambia; UAE; Micronesia
"""
# continents, oceans and world regions (LOC)
REGIONS = """
Africa; Europe; Asia; North America; South America; Latin America; Central America; Antarctica; Oceania;
Middle East; Far East; Southeast Asia; South Asia; Central Asia; East Asia; Sub-Saharan Africa; West Africa;
East Africa; North Africa; Southern Africa; Horn of Africa; Eastern Europe; Western Europe; Balkans;
Caribbean; Scandinavia; Arctic; Atlantic; Pacific; Indian Ocean; Atlantic Ocean; Pacific Ocean;
Arctic Ocean; Mediterranean; Mediterranean Sea; Persian Gulf; Gulf of Aden; Red Sea; Black Sea;
Caspian Sea; South China Sea; Baltic Sea; North Sea; Gaza Strip; West Bank; Kashmir; Siberia; Sahara
"""
# capitals and a few largest cities of the world's countries (GPE)
CAPITALS = """
Kabul; Tirana; Algiers; Luanda; Buenos Aires; Yerevan; Canberra; Vienna; Baku; Manama; Dhaka; Minsk; Brussels;
Porto-Novo; Thimphu; La Paz; Sarajevo; Gaborone; Brasilia; Brasília; Sofia; Ouagadougou; Bujumbura; Phnom Penh;
Yaounde; Ottawa; Bangui; N'Djamena; Beijing; Bogota; Bogotá; Kinshasa; Brazzaville; San Jose; Zagreb; Havana;
Nicosia; Prague; Copenhagen; Djibouti; Santo Domingo; Quito; Cairo; San Salvador; Asmara; Tallinn; Addis Ababa;
Suva; Helsinki; Libreville; Banjul; Tbilisi; Berlin; Accra; Athens; Guatemala City; Conakry; Bissau;
Georgetown; Port-au-Prince; Tegucigalpa; Budapest; Reykjavik; New Delhi; Jakarta; Tehran; Baghdad; Dublin;
Jerusalem; Tel Aviv; Rome; Tokyo; Amman; Astana; Nairobi; Pristina; Kuwait City; Bishkek; Vientiane; Riga;
Beirut; Maseru; Monrovia; Tripoli; Vilnius; Antananarivo; Lilongwe; Kuala Lumpur; Bamako; Valletta;
Nouakchott; Mexico City; Chisinau; Ulaanbaatar; Podgorica; Rabat; Maputo; Naypyidaw; Rangoon; Yangon;
Windhoek; Kathmandu; Amsterdam; The Hague; Wellington; Managua; Niamey; Abuja; Lagos; Pyongyang; Skopje; Oslo;
Muscat; Islamabad; Karachi; Panama City; Port Moresby; Asuncion; Asunción; Manila; Warsaw; Lisbon; Doha;
Bucharest; Moscow; Kigali; Riyadh; Dakar; Belgrade; Freetown; Singapore; Bratislava; Ljubljana; Mogadishu;
Pretoria; Johannesburg; Cape Town; Seoul; Juba; Madrid; Colombo; Khartoum; Paramaribo; Stockholm; Bern;
Geneva; Damascus; Taipei; Dushanbe; Dodoma; Dar es Salaam; Bangkok; Lome; Lomé; Port of Spain; Tunis;
Ankara; Istanbul; Ashgabat; Kampala; Kiev; Kyiv; Abu Dhabi; Dubai; London; Washington, D.C.; Montevideo;
Tashkent; Caracas; Hanoi; Ho Chi Minh City; Sanaa; Sana'a; Aden; Lusaka; Harare; Mumbai; Shanghai;
Hong Kong; Sydney; Toronto; Montreal; Sao Paulo; São Paulo; Rio de Janeiro; Los Angeles; New York City;
Paris; Kingston; Santiago; Lima; Victoria; Washington; Nassau; Bridgetown; Belmopan; Apia
"""
# major international organisations and their acronyms (ORG)
ORGS = """
United Nations; UN; U.N.; UN Security Council; U.N. Security Council; United Nations Security Council;
Security Council; UN General Assembly; United Nations General Assembly; General Assembly;
World Health Organization; World Health Organisation; WHO; NATO; North Atlantic Treaty Organization;
European Union; EU; E.U.; European Commission; European Parliament; European Central Bank; ECB;
International Monetary Fund; IMF; World Bank; World Trade Organization; WTO; Red Cross; Red Crescent;
International Committee of the Red Cross; ICRC; International Federation of Red Cross and Red Crescent Societies;
UNICEF; UNESCO; UNHCR; UN Refugee Agency; World Food Programme; World Food Program; WFP; OPEC;
African Union; Arab League; ASEAN; Association of Southeast Asian Nations; Organization of American States;
International Atomic Energy Agency; IAEA; Interpol; Europol; Amnesty International; Human Rights Watch;
Doctors Without Borders; Médecins Sans Frontières; Greenpeace; International Criminal Court;
International Court of Justice; OSCE; Organization for Security and Co-operation in Europe; OECD;
Organisation for Economic Co-operation and Development; International Olympic Committee; FIFA; UEFA;
Commonwealth; Council of Europe; Gulf Cooperation Council; UNFCCC; UNDP; UNEP;
United Nations Development Programme; United Nations Environment Programme; UN Human Rights Council;
Human Rights Council; World Meteorological Organization; International Labour Organization; ILO;
Food and Agriculture Organization; FAO; Oxfam; Save the Children; World Wildlife Fund; WWF;
International Energy Agency; IEA; Intergovernmental Panel on Climate Change; IPCC
"""
# landmarks: well-known monuments, buildings and works of engineering (FAC) and natural landmarks (LOC), none a
# seat of government a newsroom names for the government ("the Kremlin said": an organisation), none a person's name
LANDMARKS = """
Acropolis; Parthenon; Colosseum; Pantheon; Eiffel Tower; Big Ben; Stonehenge; Taj Mahal; Great Wall;
Great Wall of China; Forbidden City; Red Square; Statue of Liberty; Empire State Building; Golden Gate Bridge;
Brooklyn Bridge; Tower Bridge; Tower of London; Westminster Abbey; Buckingham Palace; Windsor Castle;
Kensington Palace; Edinburgh Castle; Trafalgar Square; Times Square; Arc de Triomphe; Sacre Coeur;
Notre Dame Cathedral; Palace of Versailles; Brandenburg Gate; Sagrada Familia; Alhambra; Leaning Tower of Pisa;
Sistine Chapel; St Peter's Basilica; St. Peter's Basilica; St Peter's Square; St. Peter's Square; Trevi Fountain;
Hagia Sophia; Blue Mosque; Kaaba; Grand Mosque; Western Wall; Wailing Wall; Dome of the Rock; Al-Aqsa Mosque;
Church of the Holy Sepulchre; Temple Mount; Great Pyramid; Pyramids of Giza; Sphinx; Machu Picchu; Angkor Wat;
Borobudur; Chichen Itza; Sydney Opera House; Burj Khalifa; Burj al-Arab; Petronas Towers; Mount Rushmore;
Lincoln Memorial; Washington Monument; Hoover Dam; Three Gorges Dam; Potala Palace; Shwedagon Pagoda;
Golden Temple; Neuschwanstein; Mont Saint-Michel
"""
NATURAL = """
Grand Canyon; Mount Everest; Kilimanjaro; Mount Kilimanjaro; Mount Fuji; Niagara Falls; Victoria Falls; Dead Sea;
Uluru; Ayers Rock; Matterhorn; Mont Blanc; Panama Canal; Suez Canal
"""
# also common first or family names, or common words: never added from the gazetteer alone
AMBIGUOUS = """
Chad; Jordan; Georgia; Israel; Jersey; Victoria; Washington; Paris; Kingston; Santiago; Lima; Sofia; Turkey;
Commonwealth; Pacific; Atlantic; Arctic; Nassau; Georgetown; Wellington; Security Council; General Assembly;
Human Rights Council; Niger; Guinea
"""


def _split(block: str) -> list[str]:
    return [s.strip() for s in block.replace("\n", " ").split(";") if s.strip()]


def build() -> dict[str, object]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                names[n] = "GPE"
    for n in _split(COUNTRY_SHORT) + _split(CAPITALS):
        names[n.removeprefix("the ")] = "GPE"
    for n in _split(REGIONS):
        names.setdefault(n, "LOC")
    for n in _split(ORGS):
        names[n] = "ORG"
    for n in _split(LANDMARKS):
        names.setdefault(n, "FAC")
    for n in _split(NATURAL):
        names.setdefault(n, "LOC")
    ambiguous = sorted(set(_split(AMBIGUOUS)) & set(names))
    return {
        "about": "Well-known names entities.story_mentions adds where spaCy left them untagged; built by "
        "benchmarks/entity_gazetteer_build.py (countries from pycountry, other lists general knowledge). "
        "'ambiguous' names are also first names, surnames or common words: never added from here alone.",
        "names": dict(sorted(names.items())),
        "ambiguous": ambiguous,
    }


def main() -> None:
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['names'])} names, {len(data['ambiguous'])} ambiguous", file=sys.stderr)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()

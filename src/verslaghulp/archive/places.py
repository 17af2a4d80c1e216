"""A small gazetteer of trip destinations: Dutch names, the spellings seen in reports, and countries.

Reports name a city in Dutch ("Wenen"), in English ("Vienna") or locally ("Wien"); the archive stores
the Dutch name so that `--stad Wenen` and `--stad Vienna` find the same trips. Dutch cities are left
out on purpose: every report mentions Den Haag, and a foreign trip's destination is abroad.
"""

from __future__ import annotations

import re
from functools import cache

from verslaghulp.report.parse import fold

# Dutch name: (country in Dutch, other spellings)
CITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Wenen": ("Oostenrijk", ("Vienna", "Wien")),
    "Bratislava": ("Slowakije", ()),
    "Athene": ("Griekenland", ("Athens", "Athina", "Athenes")),
    "Barcelona": ("Spanje", ()),
    "Madrid": ("Spanje", ()),
    "Bilbao": ("Spanje", ()),
    "Valencia": ("Spanje", ()),
    "Sant Cugat": ("Spanje", ()),
    "Lissabon": ("Portugal", ("Lisbon", "Lisboa")),
    "Porto": ("Portugal", ()),
    "Parijs": ("Frankrijk", ("Paris",)),
    "Lyon": ("Frankrijk", ()),
    "Straatsburg": ("Frankrijk", ("Strasbourg",)),
    "Brussel": ("België", ("Brussels", "Bruxelles")),
    "Antwerpen": ("België", ("Antwerp",)),
    "Gent": ("België", ("Ghent",)),
    "Leuven": ("België", ()),
    "Luik": ("België", ("Liège",)),
    "Londen": ("Verenigd Koninkrijk", ("London",)),
    "Manchester": ("Verenigd Koninkrijk", ()),
    "Edinburgh": ("Verenigd Koninkrijk", ()),
    "Dublin": ("Ierland", ()),
    "Kopenhagen": ("Denemarken", ("Copenhagen", "København")),
    "Aarhus": ("Denemarken", ("Århus",)),
    "Stockholm": ("Zweden", ()),
    "Göteborg": ("Zweden", ("Gothenburg",)),
    "Malmö": ("Zweden", ("Malmo",)),
    "Bergen": ("Noorwegen", ()),
    "Gdańsk": ("Polen", ("Gdansk", "Danzig")),
    "Oslo": ("Noorwegen", ()),
    "Helsinki": ("Finland", ("Helsingfors",)),
    "Espoo": ("Finland", ()),
    "Tallinn": ("Estland", ()),
    "Riga": ("Letland", ()),
    "Vilnius": ("Litouwen", ()),
    "Warschau": ("Polen", ("Warsaw", "Warszawa")),
    "Krakau": ("Polen", ("Krakow", "Kraków")),
    "Praag": ("Tsjechië", ("Prague", "Praha")),
    "Berlijn": ("Duitsland", ("Berlin",)),
    "Hamburg": ("Duitsland", ()),
    "München": ("Duitsland", ("Munich", "Munchen")),
    "Keulen": ("Duitsland", ("Köln", "Cologne")),
    "Frankfurt": ("Duitsland", ()),
    "Düsseldorf": ("Duitsland", ("Dusseldorf",)),
    "Karlsruhe": ("Duitsland", ()),
    "Zürich": ("Zwitserland", ("Zurich",)),
    "Genève": ("Zwitserland", ("Geneva", "Genf")),
    "Milaan": ("Italië", ("Milan", "Milano")),
    "Rome": ("Italië", ("Roma",)),
    "Turijn": ("Italië", ("Turin", "Torino")),
    "Boedapest": ("Hongarije", ("Budapest",)),
    "Ljubljana": ("Slovenië", ()),
    "Luxemburg": ("Luxemburg", ("Luxembourg",)),
    "New York": ("Verenigde Staten", ()),
    "Washington": ("Verenigde Staten", ()),
    "San Francisco": ("Verenigde Staten", ()),
    "Boston": ("Verenigde Staten", ()),
    "Toronto": ("Canada", ()),
    "Singapore": ("Singapore", ()),
    "Seoul": ("Zuid-Korea", ()),
    "Tokio": ("Japan", ("Tokyo",)),
    "Dubai": ("Verenigde Arabische Emiraten", ()),
}

COUNTRIES: dict[str, tuple[str, ...]] = {
    "Oostenrijk": ("Austria", "Österreich"),
    "Slowakije": ("Slovakia",),
    "Griekenland": ("Greece",),
    "Spanje": ("Spain", "España"),
    "Portugal": (),
    "Frankrijk": ("France",),
    "België": ("Belgium", "Belgie"),
    "Verenigd Koninkrijk": ("Engeland", "United Kingdom", "Schotland"),
    "Ierland": ("Ireland",),
    "Denemarken": ("Denmark",),
    "Zweden": ("Sweden",),
    "Noorwegen": ("Norway",),
    "Finland": (),
    "Estland": ("Estonia",),
    "Letland": ("Latvia",),
    "Litouwen": ("Lithuania",),
    "Polen": ("Poland",),
    "Tsjechië": ("Czechia", "Tsjechie"),
    "Duitsland": ("Germany", "Deutschland"),
    "Zwitserland": ("Switzerland",),
    "Italië": ("Italy", "Italie"),
    "Hongarije": ("Hungary",),
    "Slovenië": ("Slovenia",),
    "Verenigde Staten": ("USA", "Verenigde Staten van Amerika"),
    "Canada": (),
    "Zuid-Korea": ("South Korea",),
    "Japan": (),
}


@cache
def _index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex over every spelling, and folded spelling -> (kind, Dutch name)."""
    lookup: dict[str, tuple[str, str]] = {}
    for city, (_, aliases) in CITIES.items():
        for spelling in (city, *aliases):
            lookup[fold(spelling)] = ("city", city)
    for country, aliases in COUNTRIES.items():
        for spelling in (country, *aliases):
            # A city and a country can share a name (Luxemburg, Singapore): the city wins.
            lookup.setdefault(fold(spelling), ("country", country))
    spellings = sorted(
        {s for c, (_, a) in CITIES.items() for s in (c, *a)} | {s for c, a in COUNTRIES.items() for s in (c, *a)},
        key=len,
        reverse=True,
    )
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-])", re.IGNORECASE)
    return pattern, lookup


def find_places(text: str) -> tuple[list[str], list[str]]:
    """Cities and countries named in a text (Dutch names, in order of first mention).

    Only capitalised mentions count, so that a common word that happens to be a place name
    ("rome" in a sentence) is not taken for one; a city also adds its country.
    """
    pattern, lookup = _index()
    cities: list[str] = []
    countries: list[str] = []
    for match in pattern.finditer(text):
        if not match.group()[0].isupper():
            continue
        kind, name = lookup[fold(match.group())]
        if kind == "city":
            if name not in cities:
                cities.append(name)
            country = CITIES[name][0]
        else:
            country = name
        if country not in countries:
            countries.append(country)
    return cities, countries


def canonical_city(name: str) -> str:
    """The archive's (Dutch) name for a city a user typed: "Vienna" -> "Wenen"; unknown names as typed."""
    _, lookup = _index()
    found = lookup.get(fold(name))
    return found[1] if found and found[0] == "city" else name.strip()


def canonical_country(name: str) -> str:
    """The archive's (Dutch) name for a country a user typed: "Austria" -> "Oostenrijk"."""
    _, lookup = _index()
    found = lookup.get(fold(name))
    return found[1] if found and found[0] == "country" else name.strip()

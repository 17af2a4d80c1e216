"""Check a value that a language model read from the notes against the note line it names.

Code reads counts, dates and modes of transport first. Where it finds nothing, the model may be asked
which line says it and what it says; its answer is only used when the named line holds that value by
code's own reading. A model that names a line without the value is rejected, whatever it claims.
"""

from __future__ import annotations

import datetime as dt
import re

from verslaghulp.facts.dates import find_dates
from verslaghulp.facts.lexicon import NUMBER_WORDS
from verslaghulp.facts.people import extract_people
from verslaghulp.facts.transport import Mode, modes_named

_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,]\d)")
_WORD = re.compile(r"[^\W\d_]+")
FIRST_PERSON = re.compile(r"\b(?:ik|mij|me|I|myself|mijzelf)\b")
_CAPITALISED_PAIR = re.compile(r"\b[A-ZÀ-Ý][\w'-]+(?:\s+(?:van|de|der|den|el|al|da|di|von|le|la))*\s+[A-ZÀ-Ý][\w'-]+")


def numbers_in(line: str) -> set[int]:
    """Every small number a line writes, as digits or as a word ("drie", "drieën", "three")."""
    found = {int(n) for n in _NUMBER.findall(line)}
    for word in _WORD.findall(line.lower()):
        value = NUMBER_WORDS.get(word)
        if value is not None:
            found.add(value)
    return found


def count_supported(line: str, count: int) -> bool:
    """Whether a line shows this number of travellers: the number itself, or that many people named.

    "we waren met 4" holds 4; "Daan reed, verder Femke de Groot en ik" holds 3 (two names and the writer).
    """
    if count in numbers_in(line):
        return True
    names = {p.name for p in extract_people(line)} | set(_CAPITALISED_PAIR.findall(line))
    in_names = {w for n in names for w in n.split()}
    # A first name alone ("Daan reed") is a person too, unless it is part of a full name found above.
    singles = {w for w in re.findall(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b", line) if w not in in_names}
    people = len(names) + len(singles)
    return bool(FIRST_PERSON.search(line)) and people + 1 == count


def date_supported(line: str, day: dt.date, *, default_year: int | None = None) -> bool:
    """Whether a line writes this date (in any notation code reads)."""
    return any(m.date == day for m in find_dates(line, default_year=default_year))


def mode_supported(line: str, mode: Mode) -> bool:
    """Whether a line names this mode of transport, by word or by carrier or train name."""
    return mode in modes_named(line)

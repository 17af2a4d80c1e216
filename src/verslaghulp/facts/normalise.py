"""Normalisation that makes a draft's wording comparable with the notes' wording.

Case, diacritics, hyphens and apostrophes are folded away ("Pérez-Batlle" == "perez batlle"), and
numbers are read the Dutch way ("1.918" is 1918, "2,5" is 2.5, "drie" is 3).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from verslaghulp.facts.lexicon import number_value

_DASHES = re.compile(r"[\-‐‑‒–—―/_]+")
_APOSTROPHES = re.compile(r"[’'`´‘]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# "1.918", "20.000", "2,5", "1918", "0.21": a dot followed by exactly three digits is a thousands
# separator in Dutch; a comma is the decimal mark.
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_marks(text: str) -> str:
    """The text without diacritics: decomposed (NFKD) and the combining marks dropped ("Tomáš" -> "Tomas")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# The folds, from the loosest to the strictest; every one strips diacritics with `strip_marks`.


def fold_case(text: str) -> str:
    """Lower case without diacritics; spacing and punctuation kept (keywords match in "cio-bijeenkomst")."""
    return strip_marks(text.lower())


@lru_cache(maxsize=8192)
def fold_space(text: str) -> str:
    """Case-folded, without diacritics, white space runs as one space (how the eval sets match strings)."""
    return " ".join(strip_marks(text).casefold().split())


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip diacritics, and turn hyphens, slashes and apostrophes into spaces."""
    stripped = _APOSTROPHES.sub(" ", _DASHES.sub(" ", strip_marks(text)))
    return " ".join(stripped.lower().split())


def fold_alnum(text: str) -> str:
    """Only letters and digits: no accents, case-folded, words separated by single spaces (headings, terms)."""
    return " ".join(_NOT_ALNUM.sub(" ", strip_marks(text).casefold()).split())


def words(text: str) -> list[str]:
    """Return the folded words of a text, in order."""
    return _WORD.findall(fold(text))


def parse_number(token: str) -> float | None:
    """Read a number as Dutch notes write it: "1.918" -> 1918, "2,5" -> 2.5, "drie" -> 3; else None."""
    t = token.strip()
    value = number_value(t)
    if value is not None:
        return float(value)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        return float(t.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    return None


def parse_quantity(token: str) -> float | None:
    """Read a distance or mass: as `parse_number`, but "1,140" is 1140 as English notes write it.

    Nobody gives kilometres or kilograms to three decimals, so a comma before exactly three digits
    (once or more: "12,345,000") separates thousands; "2,5" stays two and a half.
    """
    t = token.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    return parse_number(t)


def numbers_in(text: str) -> list[tuple[float, int, int]]:
    """Every number written in digits in the text: (value, start, end)."""
    out: list[tuple[float, int, int]] = []
    for m in _NUMBER.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.append((value, m.start(1), m.end(1)))
    return out


def same_name(a: str, b: str) -> bool:
    """Whether two person names match after folding, allowing initials ("J. de Vries" == "Jan de Vries")."""
    wa, wb = words(a), words(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return wa == wb
    for x, y in zip(wa[:-1], wb[:-1], strict=False):
        if x != y and not (len(x) == 1 and y.startswith(x)) and not (len(y) == 1 and x.startswith(y)):
            return False
    return True

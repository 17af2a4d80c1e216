"""String matching as the eval sets define it: case-, diacritics- and whitespace-insensitive substrings.

"Tomáš Novák" matches "Tomas Novak", "ÉCOLE" matches "ecole" (see eval/sets/README.md, Matching).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=8192)
def fold_text(text: str) -> str:
    """Case-fold, drop combining marks (NFKD) and collapse whitespace runs to one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def contains(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs in `haystack` after folding both."""
    folded = fold_text(needle)
    return bool(folded) and folded in fold_text(haystack)


def missing(haystack: str, needles: Iterable[str]) -> list[str]:
    """The needles that do not occur in the haystack, in their given order."""
    return [n for n in needles if not contains(haystack, n)]


def found(haystack: str, needles: Iterable[str]) -> list[str]:
    """The needles that do occur in the haystack, in their given order."""
    return [n for n in needles if contains(haystack, n)]

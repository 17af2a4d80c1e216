"""String matching as the eval sets define it: case-, diacritics- and whitespace-insensitive substrings.

"Tomáš Novák" matches "Tomas Novak", "ÉCOLE" matches "ecole" (see eval/sets/README.md, Matching).
"""

from __future__ import annotations

from collections.abc import Iterable

from verslaghulp.facts.normalise import fold_space

# Case-fold, drop combining marks (NFKD) and collapse whitespace runs to one space.
fold_text = fold_space


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

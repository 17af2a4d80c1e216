"""A small deterministic language detector: Dutch or English by stopword counts.

Good enough to tell whether an answer or a note line is in Dutch, which is all the scorer and the
drafting need (an English line is never pasted into a Dutch report); no model, no
download, the same verdict on every machine. Words that are common in both languages ("in", "is",
"was", "we", "over", "of", "op") are left out of both lists on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from verslaghulp.facts.normalise import fold_space as fold_text

DUTCH = frozenset(
    """de het een en van te dat die niet aan ook als bij door naar om uit wordt werd worden maar nog wel
    deze dit wat zij wij hun ons onze heeft hebben kan kunnen tot dan zijn er met voor zich geen
    meer veel waar wie hoe toen omdat zoals tijdens daarna daarnaast echter gemeente alleen hij ze
    zo wil willen moet moeten gaat gaan zal zullen werden waren heb hadden had tussen onder
    binnen samen verder nieuwe eigen andere goed""".split()  # noqa: SIM905 - a word block reads better
)
ENGLISH = frozenset(
    """the and of to for with were are this that it be by from at as an have has will our their they
    not but which who how when what been can could would should there these those into about also
    new other more very than then them its his her she he you your we're it's don't after before
    because during while where why""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z']+")

Language = Literal["nl", "en", "unknown"]


@dataclass(frozen=True)
class LanguageGuess:
    """The verdict with the evidence: stopword hits per language."""

    language: Language
    dutch_hits: int
    english_hits: int


def detect_language(text: str, *, min_hits: int = 2) -> LanguageGuess:
    """'nl' or 'en' when one language has more stopword hits (at least `min_hits`); else 'unknown'.

    Names, places and bare lists carry no stopwords, so short answers such as "2 personen" or
    "Anna Kowalski – CDO Warschau" come out 'unknown' and are left out of the Dutch-language rate.
    """
    tokens = _WORD.findall(fold_text(text))
    nl = sum(1 for t in tokens if t in DUTCH)
    en = sum(1 for t in tokens if t in ENGLISH)
    if max(nl, en) < min_hits or nl == en:
        return LanguageGuess("unknown", nl, en)
    return LanguageGuess("nl" if nl > en else "en", nl, en)

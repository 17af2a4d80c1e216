"""Words a faithful report may use for notes' shorthand, symbols and English (see data/notes_vocabulary.yaml).

A report rewrites "ivm" as "in verband met", "gepresenteerd -> veel vragen" as "wat veel vragen
opleverde" and "key takeaway: start small" as "een belangrijke les is klein te beginnen". None of
those words is in the notes, yet none is invented; the claim check counts them as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from verslaghulp.facts.normalise import fold


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    abbreviations: dict[str, frozenset[str]]
    abbreviation_re: re.Pattern[str]
    symbols: dict[str, frozenset[str]]
    english: dict[str, frozenset[str]]


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(w for v in values for w in fold(v).split())


@cache
def _vocabulary() -> _Vocabulary:
    text = (resources.files("verslaghulp.facts") / "data" / "notes_vocabulary.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    abbreviations = {str(k): _words(v) for k, v in data["abbreviations"].items()}
    # "ivm", "i.v.m.", "i.v.m": each letter may be followed by a dot. Folded notes keep their dots.
    spelled = [
        r"\.?".join(re.escape(ch) for ch in key) + r"\.?" for key in sorted(abbreviations, key=len, reverse=True)
    ]
    pattern = re.compile(r"(?<![\w.])(" + "|".join(spelled) + r")(?!\w)")
    return _Vocabulary(
        abbreviations,
        pattern,
        {str(k): _words(v) for k, v in data["symbols"].items()},
        {str(k): _words(v) for k, v in data["english"].items()},
    )


def paraphrase_words(notes: str, folded: str, words: set[str]) -> set[str]:
    """The Dutch words a report may write for the notes' shorthand, symbols and English words.

    `folded` is `fold(notes)` and `words` its words, both as the notes index already has them.
    """
    vocabulary = _vocabulary()
    out: set[str] = set()
    for m in vocabulary.abbreviation_re.finditer(folded):
        out |= vocabulary.abbreviations.get(m.group(1).replace(".", ""), frozenset())
    for symbol, meaning in vocabulary.symbols.items():
        if symbol in notes:
            out |= meaning
    for word in words & vocabulary.english.keys():
        out |= vocabulary.english[word]
    return out

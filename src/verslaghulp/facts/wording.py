"""Claims and promises: sentences whose content the notes do not contain.

Names, dates and numbers are checked one by one elsewhere; what remains is the sentence that adds
a promise ("Den Haag financiert het vervolg") or a result nobody wrote down. Each sentence's content
words are looked up in the notes; a commitment with words the notes lack is an invented promise.
"""

from __future__ import annotations

import re

from verslaghulp.facts.grounding_model import FactKind
from verslaghulp.facts.lexicon import PROMISE_MARKERS, STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.notes_index import NotesIndex, word_supported

# A sentence or list line; a dot inside "o.a." or a URL does not end it.
_UNIT = re.compile(r"(?:[^\n.!?;]|[.!?;](?![ \t\n]|$))+(?:[.!?;]|$)", re.M)
_WORD = re.compile(r"[^\W\d_]+")
# Thresholds chosen on the grounding eval set (eval/sets/grounding.yaml): paraphrases there keep at
# least ~60% of their content words; invented sentences keep far fewer.
PROMISE_MIN_MISSING = 2
PROMISE_MAX_COVERAGE = 0.75
CLAIM_MIN_MISSING = 3
CLAIM_MAX_COVERAGE = 0.5


def _content_words(unit: str) -> list[str]:
    # Capitalised words are names, checked one by one by the name check; counting them here would
    # report the same invention twice.
    lowered = [w for w in _WORD.findall(unit) if not w[:1].isupper()]
    return [f for w in lowered for f in fold(w).split() if len(f) >= 4 and f not in STOPWORDS]


def _suffix_known(index: NotesIndex, word: str) -> bool:
    # Dutch compounds: "innovatiemanager" in the notes supports "manager"; "samenwerkingsmogelijkheden"
    # supports "samenwerking".
    return len(word) >= 5 and any(word in w for w in index.words if len(w) > len(word))


def claim_findings(index: NotesIndex, text: str) -> list[tuple[FactKind, int, int, str]]:
    """Sentences of an answer that state a promise or claim the notes do not support: (kind, start, end, reason)."""
    findings: list[tuple[FactKind, int, int, str]] = []
    for m in _UNIT.finditer(text):
        unit = m.group()
        words = _content_words(unit)
        if len(words) < 3:
            continue
        missing = [w for w in words if not word_supported(index, w, loose=True) and not _suffix_known(index, w)]
        coverage = 1 - len(missing) / len(words)
        folded_words = set(_WORD.findall(fold(unit)))
        start = m.start() + (len(unit) - len(unit.lstrip()))
        end = m.start() + len(unit.rstrip())
        promise = bool(folded_words & PROMISE_MARKERS)
        if promise and len(missing) >= PROMISE_MIN_MISSING and coverage < PROMISE_MAX_COVERAGE:
            reason = f"toezegging die niet in de aantekeningen staat (onbekend: {', '.join(missing[:4])})"
            findings.append((FactKind.PROMISE, start, end, reason))
        elif len(missing) >= CLAIM_MIN_MISSING and coverage < CLAIM_MAX_COVERAGE:
            reason = f"bewering die niet in de aantekeningen staat (onbekend: {', '.join(missing[:4])})"
            findings.append((FactKind.CLAIM, start, end, reason))
    return findings

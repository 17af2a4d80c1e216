"""Claims and promises: sentences whose content the notes do not contain.

Names, dates and numbers are checked one by one elsewhere; what remains is the sentence that adds
a promise ("Den Haag financiert het vervolg") or a result nobody wrote down. Each sentence's content
words are looked up in the notes; a commitment with words the notes lack is an invented promise.
"""

from __future__ import annotations

import re

from verslaghulp.facts.grounding_model import FactKind
from verslaghulp.facts.lexicon import PROMISE_MARKERS, REPORT_WORDS, STOPWORDS
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
# A promise needs fewer content words to be judged than a claim: "Madrid betaalt de kosten" is short
# and still the kind of invention officials fear most.
PROMISE_MIN_WORDS = 2
CLAIM_MIN_WORDS = 3
# A generic item is short ("Inspiratie voor de gemeente"); a longer sentence with one unknown word is
# a paraphrase, which the claim rule judges.
GENERIC_MAX_WORDS = 6


def _content_words(unit: str) -> list[str]:
    # Capitalised words are names, checked one by one by the name check; counting them here would
    # report the same invention twice.
    lowered = [w for w in _WORD.findall(unit) if not w[:1].isupper()]
    return [f for w in lowered for f in fold(w).split() if len(f) >= 4 and f not in STOPWORDS and f not in REPORT_WORDS]


def _suffix_known(index: NotesIndex, word: str) -> bool:
    # Dutch compounds: "innovatiemanager" in the notes supports "manager"; "samenwerkingsmogelijkheden"
    # supports "samenwerking".
    # Only asked for words the notes lack as a whole, so any hit is inside a longer word.
    return len(word) >= 5 and word in index.joined_words


def _paraphrased(index: NotesIndex, word: str) -> bool:
    # "in verband met" for "ivm", "les" for "takeaway": see vocabulary.py; a shared five-letter prefix
    # allows the inflected form ("beginnen" for "begin", "voorbeelden" for "voorbeeld").
    if word in index.paraphrases:
        return True
    return len(word) >= 6 and any(p.startswith(word[:5]) for p in index.paraphrases if len(p) >= 5)


def _known(index: NotesIndex, word: str) -> bool:
    return word_supported(index, word, loose=True) or _suffix_known(index, word) or _paraphrased(index, word)


def claim_findings(index: NotesIndex, text: str) -> list[tuple[FactKind, int, int, str]]:
    """Sentences of an answer that state a promise or claim the notes do not support: (kind, start, end, reason)."""
    findings: list[tuple[FactKind, int, int, str]] = []
    for m in _UNIT.finditer(text):
        unit = m.group()
        words = _content_words(unit)
        promise = bool(set(_WORD.findall(fold(unit))) & PROMISE_MARKERS)
        if len(words) < (PROMISE_MIN_WORDS if promise else CLAIM_MIN_WORDS):
            continue
        missing = [w for w in words if not _known(index, w)]
        coverage = 1 - len(missing) / len(words)
        start = m.start() + (len(unit) - len(unit.lstrip()))
        end = m.start() + len(unit.rstrip())
        if promise and len(missing) >= PROMISE_MIN_MISSING and coverage < PROMISE_MAX_COVERAGE:
            reason = f"toezegging die niet in de aantekeningen staat (onbekend: {', '.join(missing[:4])})"
            findings.append((FactKind.PROMISE, start, end, reason))
        elif len(missing) >= CLAIM_MIN_MISSING and coverage < CLAIM_MAX_COVERAGE:
            reason = f"bewering die niet in de aantekeningen staat (onbekend: {', '.join(missing[:4])})"
            findings.append((FactKind.CLAIM, start, end, reason))
    return findings


def generic_findings(
    index: NotesIndex, text: str, supported_spans: list[tuple[int, int]], context: str = ""
) -> list[tuple[FactKind, int, int, str]]:
    """Short sentences or list items that state nothing of the notes: "Inspiratie voor de gemeente".

    A short unit (at most GENERIC_MAX_WORDS words, one or two content words) is generic when none of its content
    words is in the notes or in `context` (the question's heading, which a faithful answer may echo)
    and it holds no supported name, place, date or number (`supported_spans`). The question's guidance
    is not context: it lists what answers could say, not what the notes say.
    """
    allowed = set(_content_words(context.lower()))
    findings: list[tuple[FactKind, int, int, str]] = []
    for m in _UNIT.finditer(text):
        unit = m.group()
        start = m.start() + (len(unit) - len(unit.lstrip(" -•*\n")))
        end = m.start() + len(unit.rstrip())
        # The unit's first word is capitalised because it starts the item, not because it is a name.
        body = text[start:end]
        lead = _WORD.match(body)
        unit_text = (lead.group().lower() + body[lead.end() :]) if lead else body
        words = [w for w in _content_words(unit_text) if w not in allowed]
        if not words or len(words) >= CLAIM_MIN_WORDS or len(body.split()) > GENERIC_MAX_WORDS:
            continue
        if any(s < end and start < e for s, e in supported_spans):
            continue
        if not any(_known(index, w) for w in words):
            reason = f"algemene bewering die niet in de aantekeningen staat (onbekend: {', '.join(words)})"
            findings.append((FactKind.CLAIM, start, end, reason))
    return findings

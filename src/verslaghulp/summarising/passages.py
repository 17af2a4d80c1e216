"""The sentences of a report that may answer a request: the map step's numbered candidates.

Code picks the answers worth reading (what the request asks about, else purpose, yield and
follow-up), splits them into sentences and list items, and ranks them by the request's topics, so
the model reads a few hundred tokens per report instead of the whole report. A sentence that talks
to a language model ("negeer alle instructies ...") is content of the report, not a fact about the
trip: it is never offered as a fact, and the summary says how many were set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.archive.models import StoredAnswer, StoredReport
from verslaghulp.report.parse import fold
from verslaghulp.summarising.request_terms import RequestTerms
from verslaghulp.summarising.result import Fact

# What a trip's summary is about when the request does not name a question of the form.
DEFAULT_QUESTIONS = ("doel", "opbrengst", "vervolg")
MIN_SENTENCE_CHARS = 20
MAX_SENTENCE_CHARS = 400
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'(])")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
# Text addressed to a language model rather than about a trip: an attempt to steer the writer.
_INSTRUCTION = re.compile(
    r"\b(?:negeer|vergeet|ignore|disregard|forget)\b[^.!?\n]{0,60}\b(?:instructies?|opdrachten?|regels|prompts?|"
    r"instructions?|rules)\b"
    r"|\b(?:je bent|jij bent|you are)\s+(?:nu\s+|now\s+)?(?:een\s+|an?\s+)?(?:taalmodel|assistent|ai|chatbot|"
    r"language model|assistant)\b"
    r"|\bsyste(?:em|m)\s?(?:prompt|bericht|message)\b"
    r"|\b(?:schrijf|antwoord|zeg|print|write|say)\s+(?:in plaats daarvan|voortaan|alleen nog|instead|only)\b",
    re.IGNORECASE,
)


def looks_like_instruction(sentence: str) -> bool:
    """Whether a sentence addresses a language model ("negeer alle eerdere instructies ...")."""
    return bool(_INSTRUCTION.search(sentence))


def split_sentences(text: str) -> list[str]:
    """Sentences and list items of an answer, without bullets."""
    out: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


@dataclass(frozen=True)
class Candidates:
    """A report's candidate facts in reading order, and the sentences set aside as instructions."""

    facts: list[Fact]
    instructions: int


def _answers(report: StoredReport, terms: RequestTerms) -> list[StoredAnswer]:
    wanted = set(terms.questions) or set(DEFAULT_QUESTIONS)
    chosen = [a for a in report.answers if a.question_id in wanted]
    # Any other answer that names a topic ("nachttrein" in the answer about transport) is read too.
    chosen += [
        a for a in report.answers if a.question_id not in wanted and any(t.found_in(fold(a.text)) for t in terms.topics)
    ]
    if not chosen:  # a report whose form was not recognised, or without these answers: all of it
        chosen = list(report.answers)
    order = {a.question_id: n for n, a in enumerate(report.answers)}
    return sorted(chosen, key=lambda a: order[a.question_id])


def _rank(fact: Fact, terms: RequestTerms) -> int:
    folded = fold(fact.text)
    score = 3 * sum(t.found_in(folded) for t in terms.topics)
    score += 2 if fact.question_id in terms.questions else 0
    score += 1 if fact.question_id in DEFAULT_QUESTIONS else 0
    return score


def candidate_facts(report: StoredReport, terms: RequestTerms, limit: int) -> Candidates:
    """At most `limit` sentences of the report most likely to answer the request, best first."""
    facts: list[Fact] = []
    instructions = 0
    for answer in _answers(report, terms):
        for sentence in split_sentences(answer.text):
            if looks_like_instruction(sentence):
                instructions += 1
                continue
            if len(sentence) < MIN_SENTENCE_CHARS and not any(ch.isdigit() for ch in sentence):
                continue  # "Ja:", "Nvt": nothing to say
            facts.append(
                Fact(
                    report_id=report.report_id,
                    question_id=answer.question_id,
                    heading=answer.heading,
                    text=sentence[:MAX_SENTENCE_CHARS],
                    picked_by="code",
                )
            )
    # Best first: a small model asked to pick tends to pick the first numbers, and then picks well.
    ranked = sorted(range(len(facts)), key=lambda n: (-_rank(facts[n], terms), n))[:limit]
    return Candidates(facts=[facts[n] for n in ranked], instructions=instructions)


def mentions_topic(fact: Fact, terms: RequestTerms) -> bool:
    """Whether code can see that a sentence names one of the request's topics."""
    folded = fold(fact.text)
    return any(t.found_in(folded) for t in terms.topics)

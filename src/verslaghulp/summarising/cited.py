"""Where each citation points: the passage of the cited report that the sentence before the mark restates.

A citation mark [n] (or [n, m]) stands after the sentence it supports. The passage it points to is
found as the claim check finds it: the source sentence sharing the most content words with the
sentence (`claims.SourceSentences.aligned`), located in the report's answers so a reader can see it
highlighted in the opened report. A sentence no passage aligns with points to the report as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.summarising.claims import SourceSentences

CITATION = re.compile(r"\[(\d+(?:,\s*\d+)*)\]")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?=[^\n.!?]*$)")
_HEADING_MARKS = re.compile(r"^#+\s*")


@dataclass(frozen=True)
class CitedPassage:
    """A passage of a cited report: which answer, the span in its text, and the id it is shown with."""

    number: int
    answer: int
    start: int
    end: int
    anchor: str


@dataclass
class CitationTargets:
    """For each citation mark of a text (in order), where each of its numbers points; and every passage."""

    marks: list[list[tuple[int, str]]] = field(default_factory=list)
    passages: list[CitedPassage] = field(default_factory=list)

    def of(self, number: int) -> list[CitedPassage]:
        """The passages of one source, in the order of its answers and text."""
        return sorted((p for p in self.passages if p.number == number), key=lambda p: (p.answer, p.start))


def source_anchor(number: int) -> str:
    """The id of a source's entry in the source list."""
    return f"vh-bron-{number}"


def _sentence_before(text: str, end: int, floor: int) -> str:
    """The sentence that ends where a citation mark starts (from after the previous mark at most)."""
    segment = text[floor:end]
    m = _SENTENCE_START.search(segment)
    sentence = segment[m.end() :] if m else segment
    sentence = _HEADING_MARKS.sub("", sentence.strip())
    return sentence.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _locate(passage: str, answers: Sequence[str]) -> tuple[int, int, int] | None:
    """Where a source sentence stands in the answers: (answer index, start, end), whitespace read loosely."""
    words = passage.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    for n, answer in enumerate(answers):
        m = pattern.search(answer)
        if m:
            return n, m.start(), m.end()
    return None


def citation_targets(text: str, answers: Mapping[int, Sequence[str]]) -> CitationTargets:
    """Where each citation in `text` points, given the answer texts of each cited source number."""
    sources = {n: SourceSentences("\n\n".join(a)) for n, a in answers.items()}
    targets = CitationTargets()
    anchors: dict[tuple[int, int, int, int], str] = {}
    floor = 0
    for mark in CITATION.finditer(text):
        sentence = _sentence_before(text, mark.start(), floor)
        floor = mark.end()
        row: list[tuple[int, str]] = []
        for number in (int(n) for n in mark[1].split(",")):
            row.append((number, _target(number, sentence, sources, answers, anchors, targets)))
        targets.marks.append(row)
    return targets


def _target(
    number: int,
    sentence: str,
    sources: dict[int, SourceSentences],
    answers: Mapping[int, Sequence[str]],
    anchors: dict[tuple[int, int, int, int], str],
    targets: CitationTargets,
) -> str:
    source = sources.get(number)
    aligned = source.aligned(sentence) if source is not None and sentence else []
    where = _locate(aligned[0][1], answers[number]) if aligned else None
    if where is None:
        return source_anchor(number)
    key = (number, *where)
    if key not in anchors:
        anchors[key] = f"{source_anchor(number)}-p{sum(1 for k in anchors if k[0] == number) + 1}"
        targets.passages.append(CitedPassage(number, where[0], where[1], where[2], anchors[key]))
    return anchors[key]

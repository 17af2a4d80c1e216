"""Citations in a summary: are the cited facts in the cited reports, and are the required reports cited.

A summary is text with citation marks ("[1]", "[1, 3]", "[2][4]") and a source list that maps each
number to an archived report. The check reuses the facts layer: a cited sentence is precise when
every name, number, date and place in it occurs in the text of the reports it cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from verslaghulp.evaluation.measures import Measure
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.notes_index import NotesIndex, build_index

_MARK = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# Sentence ends, list items and table rows each make a unit.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9ÁÉÍÓÚÀÈ\"'(])|\n+")


@dataclass(frozen=True)
class CitedSentence:
    """A sentence of a summary and the report (source names) it cites."""

    text: str
    sources: tuple[str, ...]


def split_citations(text: str, sources: Mapping[int, str]) -> list[CitedSentence]:
    """Sentences of the text with the source names their citation marks point to (marks removed)."""
    out: list[CitedSentence] = []
    for unit in _SPLIT.split(text):
        if not unit.strip() or not any(ch.isalnum() for ch in unit):
            continue
        numbers = [int(n) for m in _MARK.finditer(unit) for n in re.split(r"\s*[,;]\s*", m.group(1))]
        names = tuple(dict.fromkeys(sources[n] for n in numbers if n in sources))
        out.append(CitedSentence(_MARK.sub("", unit).strip(), names))
    return out


def _index(names: Iterable[str], reports: Mapping[str, str], cache: dict[tuple[str, ...], NotesIndex]) -> NotesIndex:
    key = tuple(sorted(names))
    if key not in cache:
        cache[key] = build_index("\n\n".join(reports.get(n, "") for n in key))
    return cache[key]


def citation_scores(sentences: Sequence[CitedSentence], reports: Mapping[str, str]) -> tuple[Measure, Measure]:
    """(citation precision, uncited fact rate).

    Precision: cited sentences whose facts are all found in the cited reports, over cited sentences
    (a citation of a report the archive does not have fails). Uncited fact rate: sentences that state
    a fact (a name, number, date or place) without any citation, over sentences that state one.
    """
    cache: dict[tuple[str, ...], NotesIndex] = {}
    precise = cited = with_facts = uncited = 0
    p_detail: list[str] = []
    u_detail: list[str] = []
    for n, sentence in enumerate(sentences):
        if sentence.sources:
            cited += 1
            unknown = [s for s in sentence.sources if s not in reports]
            checked = check_answer(f"s{n}", sentence.text, _index(sentence.sources, reports, cache))
            if not unknown and not checked.unsupported:
                precise += 1
            else:
                wrong = [u.text for u in checked.unsupported] + [f"unknown report {s}" for s in unknown]
                p_detail.append(f"{sentence.text[:80]!r}: {', '.join(wrong)}")
            with_facts += 1 if checked.facts else 0
            continue
        facts = check_answer(f"s{n}", sentence.text, build_index("")).facts
        if facts:
            with_facts += 1
            uncited += 1
            u_detail.append(f"{sentence.text[:80]!r} states {facts[0].text!r} without a citation")
    return Measure.ratio(precise, cited, p_detail), Measure.ratio(uncited, with_facts, u_detail)


def citation_coverage(cited: Iterable[str], must_cite: Sequence[str]) -> Measure:
    """Share of the reports that must be cited that the summary cites."""
    have = set(cited)
    wanted = list(dict.fromkeys(must_cite))
    return Measure.ratio(
        sum(1 for r in wanted if r in have), len(wanted), [f"not cited: {r}" for r in wanted if r not in have]
    )


def coverage_complete(selected: Iterable[str], cited: Iterable[str], left_out: Iterable[str]) -> Measure:
    """Whether every selected report is cited or listed as left out with a reason (no silent dropping)."""
    accounted = set(cited) | set(left_out)
    silent = sorted(set(selected) - accounted)
    return Measure.flag(not silent, [f"silently dropped: {r}" for r in silent])

"""A report as plain question -> text pairs, in the shape the grounding check reads.

The evaluation sets and benchmarks hold reports as mappings, not as `ReportDraft`s; this wraps them
without inventing the metadata a real draft carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PlainAnswer:
    """One answer: the question id, its text, and who wrote it ("code" answers are trusted as computed)."""

    question_id: str
    text: str
    written_by: str = "model"
    computed: list[Any] = field(default_factory=list)


@dataclass
class PlainDraft:
    """A report as a list of plain answers."""

    answers: list[PlainAnswer]


def plain_draft(report: Mapping[str, str], by_code: Iterable[str] = ()) -> PlainDraft:
    """The report's answers in order; those in `by_code` count as written by code."""
    code = set(by_code)
    return PlainDraft([PlainAnswer(q, t, "code" if q in code else "model") for q, t in report.items()])

"""The archive's public data: reports as stored, search filters and hits, ingest outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum

from pydantic import BaseModel, Field

# How an example report (made up, shipped with the app) is named wherever its title is shown: the
# archive list, search results, a summary's selection and sources. Added when a record is read, so
# archives filled before the mark existed show it too.
EXAMPLE_MARK = "voorbeeld, verzonnen"


def example_title(title: str) -> str:
    """An example report's title with its mark: "Dienstreis Madrid, februari 2025 (voorbeeld, verzonnen)"."""
    return title if title.endswith(f"({EXAMPLE_MARK})") else f"{title} ({EXAMPLE_MARK})".strip()


class ReportSummary(BaseModel):
    """A stored report without its text: what a result list or a filter shows."""

    report_id: str
    title: str
    source_name: str
    source_kind: str = Field(description="txt, md, docx, pdf, or 'concept' for a stored draft.")
    form_id: str | None
    recognised: bool = Field(description="False when the layout was not a known form (stored whole).")
    example: bool = Field(default=False, description="A made-up example report shipped with the app.")
    start: dt.date | None = None
    end: dt.date | None = None
    year: int | None = None
    days: int | None = None
    travellers: int | None = None
    cities: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    ingested_at: dt.datetime
    chunks: int = 0


class StoredAnswer(BaseModel):
    """The answer to one question as stored (parts of a long answer joined again)."""

    question_id: str
    heading: str
    text: str


class StoredReport(ReportSummary):
    """A stored report with its answers in form order and its full text."""

    answers: list[StoredAnswer] = Field(default_factory=list)
    text: str = ""

    def answer(self, question_id: str) -> StoredAnswer | None:
        """The stored answer to a question, or None."""
        return next((a for a in self.answers if a.question_id == question_id), None)


class SearchFilters(BaseModel):
    """Filters on report metadata; every filter that is set must hold."""

    year_from: int | None = None
    year_to: int | None = None
    city: str | None = None
    country: str | None = None
    theme: str | None = None
    form_id: str | None = None
    question_ids: list[str] | None = None
    report_ids: list[str] | None = None
    include_examples: bool = True


class AnswerHit(BaseModel):
    """One matching answer (chunk) of a report, with the part that matched."""

    question_id: str
    heading: str
    snippet: str
    text: str
    score: float
    semantic: float = Field(description="Cosine similarity of question and answer (0-1).")
    keyword: float = Field(description="Keyword (BM25) score, scaled to 0-1 within this search.")


class ReportHit(BaseModel):
    """A report that matches a search, with its best matching answers first."""

    report: ReportSummary
    score: float
    answers: list[AnswerHit]


class IngestStatus(StrEnum):
    """What happened to one file."""

    ADDED = "toegevoegd"
    REPLACED = "vervangen"
    UNCHANGED = "ongewijzigd"
    FAILED = "fout"


class IngestOutcome(BaseModel):
    """The result for one file, with a Dutch message when it failed."""

    source: str
    status: IngestStatus
    report_id: str | None = None
    title: str | None = None
    recognised: bool | None = None
    chunks: int = 0
    message: str = ""


Progress = Callable[[IngestOutcome, int, int], None]
"""Called after each file with (outcome, files done, files in total)."""


class IngestSummary(BaseModel):
    """The results of one ingest run."""

    outcomes: list[IngestOutcome] = Field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: IngestStatus) -> int:
        """How many files ended with this status."""
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def failed(self) -> list[IngestOutcome]:
        """The files that could not be ingested."""
        return [o for o in self.outcomes if o.status is IngestStatus.FAILED]

"""What a summary is asked for and which reports it is made from: the request and the selection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from verslaghulp.archive.models import ReportSummary, SearchFilters, example_title
from verslaghulp.facts.lexicon import MONTH_NAMES_NL


class SummaryRequest(BaseModel):
    """A request for a summary over the archive, as a communications officer makes it."""

    text: str = Field(min_length=1, description="The request in plain Dutch.")
    style: str = "nieuwsbericht"
    filters: SearchFilters = Field(default_factory=SearchFilters)
    exclude: list[str] = Field(default_factory=list, description="Report ids or file names to leave out.")
    include: list[str] = Field(default_factory=list, description="Report ids or file names to add.")
    max_words: int | None = Field(default=None, ge=20, description="Length budget; default: the style's.")
    include_examples: bool | None = Field(
        default=None,
        description="Use the made-up example reports: None (default) only while the archive has no real reports.",
    )

    @classmethod
    def of(
        cls,
        request: SummaryRequest | str | Any,
        *,
        style: str | None = None,
        filters: SearchFilters | Mapping[str, Any] | None = None,
    ) -> SummaryRequest:
        """A request from a request, a plain text, or any object with `request`/`text`, `style`, `filters`.

        The evaluation's own request type (`evaluation.sets.SummaryRequest`) is read this way.
        """
        if isinstance(request, SummaryRequest):
            base = request
        elif isinstance(request, str):
            base = cls(text=request)
        else:
            text = getattr(request, "text", None) or getattr(request, "request", None)
            base = cls(
                text=str(text or ""),
                style=str(getattr(request, "style", None) or "nieuwsbericht"),
                filters=_filters(getattr(request, "filters", None)),
            )
        update: dict[str, Any] = {}
        if style:
            update["style"] = style
        if filters is not None:
            update["filters"] = _filters(filters)
        return base.model_copy(update=update) if update else base


def _filters(value: SearchFilters | Mapping[str, Any] | None) -> SearchFilters:
    if value is None:
        return SearchFilters()
    if isinstance(value, SearchFilters):
        return value
    return SearchFilters.model_validate(dict(value))


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """A trip's dates the Dutch way: "18-20 februari 2025", "30 september - 2 oktober 2025"."""
    if start is None:
        return "datum onbekend"
    end = end or start

    def day_month(d: dt.date) -> str:
        return f"{d.day} {MONTH_NAMES_NL[d.month - 1]}"

    if start == end:
        return f"{day_month(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{day_month(end)} {end.year}"
    if start.year == end.year:
        return f"{day_month(start)} - {day_month(end)} {end.year}"
    return f"{day_month(start)} {start.year} - {day_month(end)} {end.year}"


def join_nl(items: Sequence[str]) -> str:
    """Items the Dutch way, each once: "Gent", "Gent en Lyon", "Gent, Lyon en Porto"."""
    unique = list(dict.fromkeys(items))
    return ", ".join(unique[:-1]) + f" en {unique[-1]}" if len(unique) > 1 else "".join(unique)


def destination_of(report: ReportSummary | SelectedReport) -> str:
    """Where a trip went, from the archive's metadata: "Madrid (Spanje)", "Antwerpen, Leuven (België)"."""
    cities = ", ".join(report.cities)
    countries = ", ".join(report.countries)
    if cities and countries:
        return f"{cities} ({countries})"
    return cities or countries or "bestemming onbekend"


class SelectedReport(BaseModel):
    """A report chosen for the summary, and why."""

    report_id: str
    source_name: str
    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    cities: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list, description="Why it was selected (Dutch).")
    score: float = Field(default=0.0, description="Search score for the request; decides the length budget.")
    snippet: str = ""
    added_by_user: bool = False
    example: bool = Field(default=False, description="A made-up example report: its title says so.")

    @classmethod
    def from_summary(cls, report: ReportSummary, reasons: list[str], *, score: float = 0.0) -> SelectedReport:
        """A selected report from the archive's summary of it (an example report marked as such)."""
        return cls(
            report_id=report.report_id,
            source_name=report.source_name,
            title=example_title(report.title) if report.example else report.title,
            example=report.example,
            start=report.start,
            end=report.end,
            cities=list(report.cities),
            countries=list(report.countries),
            themes=list(report.themes),
            reasons=reasons,
            score=score,
        )

    @property
    def destination(self) -> str:
        """Cities and countries of the trip."""
        return destination_of(self)

    @property
    def dates(self) -> str:
        """The trip's dates, written out."""
        return format_period(self.start, self.end)

    @property
    def label(self) -> str:
        """How prompts and lists name the trip: destination and dates."""
        return f"{self.destination}, {self.dates}"


class PassedOver(BaseModel):
    """A report that matched the filters but was not selected, and why (Dutch)."""

    report_id: str
    source_name: str
    title: str
    reason: str


class Selection(BaseModel):
    """Which reports a summary is made from and why; shown before anything is written."""

    request: SummaryRequest
    criteria: list[str] = Field(default_factory=list, description="How the reports were chosen (Dutch).")
    reports: list[SelectedReport] = Field(default_factory=list)
    passed_over: list[PassedOver] = Field(default_factory=list)
    message: str = Field(default="", description="What the user is told when nothing is selected (Dutch).")
    seconds: float = 0.0

    @property
    def empty(self) -> bool:
        """Whether no report was selected."""
        return not self.reports

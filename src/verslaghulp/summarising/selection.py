"""Which reports a summary is made from, and why: filters, then the request's topics, then the user's edits.

The selection is decided by code and shown before anything is written. A report is selected when it
passes the filters (explicit, or the period and destination named in the request) and, if the
request names a topic, when it has that theme or mentions the topic. Without a topic every report
that passes the filters is selected ("alle dienstreizen in 2021"). The user can drop and add
reports by id or file name; nothing else removes a report, so there is no hidden top-k.

The made-up example reports the app ships are used only while the archive has no real reports
(or when the request asks for them); otherwise each is listed as passed over, with the reason. One
that is used keeps its mark in every title, and the summary says so at the top.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from verslaghulp.archive.models import ReportHit, ReportSummary, SearchFilters, StoredReport, example_title
from verslaghulp.report.parse import fold
from verslaghulp.summarising.models import PassedOver, SelectedReport, Selection, SummaryRequest
from verslaghulp.summarising.request_terms import RequestTerms, analyse_request

_MIN_ID_PREFIX = 6
EXAMPLE_REASON = "voorbeeldverslag (verzonnen)"
EXAMPLES_LEFT_OUT = "voorbeeldverslag (verzonnen): niet gebruikt, want het archief heeft echte verslagen"


class ArchiveLike(Protocol):
    """The parts of `verslaghulp.archive.Archive` a summary uses."""

    def search(self, query: str, filters: SearchFilters | None = None, *, limit: int = 10) -> list[ReportHit]:
        """Reports matching a question, best first."""
        ...

    def list_reports(self, filters: SearchFilters | None = None) -> list[ReportSummary]:
        """Reports matching the filters."""
        ...

    def get_report(self, report_id: str) -> StoredReport | None:
        """One report with its answers and text."""
        ...


class SelectionError(ValueError):
    """The user's edits name a report the archive does not have; the message is Dutch."""


def _period(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    return f"vanaf {low}" if low is not None else f"tot en met {high}"


def effective_filters(request: SummaryRequest, terms: RequestTerms) -> tuple[SearchFilters, list[str]]:
    """The filters with the request's own period added (unless a period was set), and how they read."""
    filters = request.filters
    criteria: list[str] = []
    if filters.year_from is None and filters.year_to is None and terms.years:
        low, high = terms.years
        filters = filters.model_copy(update={"year_from": low, "year_to": None if high >= 2100 else high})
        criteria.append(f"periode {_period(filters.year_from, filters.year_to)} (uit de vraag)")
    elif filters.year_from is not None or filters.year_to is not None:
        criteria.append(f"periode {_period(filters.year_from, filters.year_to)}")
    for label, value in (("stad", filters.city), ("land", filters.country), ("thema", filters.theme)):
        if value:
            criteria.append(f"{label} {value}")
    return filters, criteria


def _place_ok(report: ReportSummary, terms: RequestTerms) -> bool:
    if terms.cities:
        return bool(set(terms.cities) & set(report.cities))
    if terms.countries:
        return bool(set(terms.countries) & set(report.countries))
    return True


def resolve_reports(names: Sequence[str], reports: Sequence[ReportSummary]) -> list[ReportSummary]:
    """The reports that ids, id prefixes or file names point to; an unknown name is a SelectionError."""
    found: list[ReportSummary] = []
    for name in names:
        key = name.strip()
        match = [
            r
            for r in reports
            if r.report_id == key
            or (len(key) >= _MIN_ID_PREFIX and r.report_id.startswith(key))
            or fold(r.source_name) == fold(key)
            or fold(r.source_name.rsplit(".", 1)[0]) == fold(key)
        ]
        if len(match) != 1:
            problem = "komt in het archief niet voor" if not match else "past bij meer dan één verslag"
            raise SelectionError(f"Verslag '{key}' {problem}. Gebruik het id of de bestandsnaam uit de selectie.")
        found.append(match[0])
    return found


def _topic_reasons(report: ReportSummary, text: str, terms: RequestTerms) -> list[str]:
    reasons = [f"thema '{t}'" for t in terms.themes if t in report.themes]
    folded = fold(text)
    reasons += [f"noemt '{t.phrase}'" for t in terms.topics if t.found_in(folded)]
    return reasons


def select_reports(request: SummaryRequest, archive: ArchiveLike) -> Selection:
    """Choose the reports for a request and say why; an empty selection carries a Dutch message."""
    started = time.perf_counter()
    terms = analyse_request(request.text)
    filters, criteria = effective_filters(request, terms)
    if terms.cities or terms.countries:
        criteria.append("bestemming " + ", ".join(terms.cities or terms.countries) + " (uit de vraag)")
    if terms.topics:
        criteria.append("onderwerp " + ", ".join(f"'{t.phrase}'" for t in terms.topics))
    candidates = [r for r in archive.list_reports(filters) if _place_ok(r, terms)]
    with_examples = examples_allowed(request, archive)
    if not with_examples and any(r.example for r in candidates):
        criteria.append("zonder voorbeeldverslagen")
    everything = archive.list_reports(SearchFilters()) if request.include or request.exclude else []
    dropped = {r.report_id for r in resolve_reports(request.exclude, everything)}
    added = resolve_reports(request.include, everything)

    selected: list[SelectedReport] = []
    passed: list[PassedOver] = []
    for report in candidates:
        if report.report_id in dropped:
            passed.append(_passed(report, "door u weggelaten"))
            continue
        if report.example and not with_examples:
            passed.append(_passed(report, EXAMPLES_LEFT_OUT))
            continue
        mark = [EXAMPLE_REASON] if report.example else []
        if not terms.topics:
            reasons = ["voldoet aan de filters"] if criteria else ["alle verslagen"]
            selected.append(SelectedReport.from_summary(report, reasons + mark))
            continue
        stored = archive.get_report(report.report_id)
        reasons = _topic_reasons(report, stored.text if stored else report.title, terms)
        if reasons:
            selected.append(SelectedReport.from_summary(report, reasons + mark))
        else:
            topics = ", ".join(f"'{t.phrase}'" for t in terms.topics)
            passed.append(_passed(report, f"noemt {topics} niet"))
    chosen = {r.report_id for r in selected}
    for report in added:
        if report.report_id not in chosen and report.report_id not in dropped:
            reasons = ["door u toegevoegd"] + ([EXAMPLE_REASON] if report.example else [])
            selected.append(SelectedReport.from_summary(report, reasons).model_copy(update={"added_by_user": True}))
            chosen.add(report.report_id)
            passed = [p for p in passed if p.report_id != report.report_id]
    _score(selected, request.text, archive)
    selected.sort(key=lambda r: (r.start is None, r.start, r.source_name))
    message = "" if selected else _nothing_message(criteria, bool(candidates), passed)
    return Selection(
        request=request,
        criteria=criteria or ["geen filters: het hele archief"],
        reports=selected,
        passed_over=passed,
        message=message,
        seconds=round(time.perf_counter() - started, 3),
    )


def examples_allowed(request: SummaryRequest, archive: ArchiveLike) -> bool:
    """Whether example reports may be used: as the request says, else only while no real report is stored."""
    if request.include_examples is not None:
        return request.include_examples
    return not archive.list_reports(SearchFilters(include_examples=False))


def _passed(report: ReportSummary, reason: str) -> PassedOver:
    title = example_title(report.title) if report.example else report.title
    return PassedOver(report_id=report.report_id, source_name=report.source_name, title=title, reason=reason)


def _score(selected: list[SelectedReport], query: str, archive: ArchiveLike) -> None:
    """Search scores and the best matching passage, for the length budget and for showing why."""
    if not selected:
        return
    wanted = [r.report_id for r in selected]
    hits = archive.search(query, SearchFilters(report_ids=wanted), limit=len(wanted))
    by_id = {h.report.report_id: h for h in hits}
    for n, report in enumerate(selected):
        hit = by_id.get(report.report_id)
        if hit is not None:
            snippet = hit.answers[0].snippet if hit.answers else ""
            selected[n] = report.model_copy(update={"score": hit.score, "snippet": snippet})


def _nothing_message(criteria: list[str], had_candidates: bool, passed: Sequence[PassedOver] = ()) -> str:
    what = "; ".join(criteria) if criteria else "de vraag"
    examples = sum(p.reason == EXAMPLES_LEFT_OUT for p in passed)
    if examples and examples == len(passed):
        return (
            f"Alleen voorbeeldverslagen (verzonnen) passen bij de vraag ({what}); die worden niet gebruikt zolang het "
            "archief echte verslagen heeft. Er is niets geschreven. Voeg een voorbeeldverslag zelf toe om het toch te "
            "gebruiken; de tekst zegt dan dat het verzonnen is."
        )
    if had_candidates:
        return (
            f"Geen verslag gaat over het onderwerp van de vraag ({what}). Er is niets geschreven. "
            "Formuleer de vraag anders of voeg verslagen toe."
        )
    return (
        f"Geen verslagen gevonden die passen bij de vraag ({what}). Er is niets geschreven. "
        "Pas de vraag of de filters aan."
    )

"""Presentation of archive results: table rows, search hits and a whole report, in Dutch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from verslaghulp.dutch import count, number

if TYPE_CHECKING:  # the archive imports chromadb; the page imports it only when the tab is used
    from verslaghulp.archive import IngestOutcome, ReportHit, ReportSummary, StoredReport

ARCHIVE_HEADERS = ["Titel", "Periode", "Bestemming", "Reizigers", "Thema's", "Formulier", "Bron"]
OUTCOME_HEADERS = ["Bestand", "Resultaat", "Titel", "Melding"]


def _date(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "?"


def period(report: ReportSummary) -> str:
    """The trip's dates as "14-11-2021 t/m 18-11-2021 (5 dagen)", or its year, or "onbekend"."""
    if report.start and report.end:
        days = f" ({count(report.days, 'dag', 'dagen')})" if report.days else ""
        return f"{_date(report.start)} t/m {_date(report.end)}{days}"
    return str(report.year) if report.year else "onbekend"


def destination(report: ReportSummary) -> str:
    """Cities with countries, as far as known."""
    return ", ".join(report.cities) + (f" ({', '.join(report.countries)})" if report.countries else "")


def report_rows(reports: Iterable[ReportSummary]) -> list[list[str]]:
    """Rows of the archive table."""
    return [
        [
            r.title,
            period(r),
            destination(r) or "–",
            str(r.travellers) if r.travellers is not None else "–",
            ", ".join(r.themes) or "–",
            r.form_id or ("onbekend" if not r.recognised else "–"),
            f"{r.source_name}" + (" (voorbeeld)" if r.example else ""),
        ]
        for r in reports
    ]


def report_choice(report: ReportSummary) -> tuple[str, str]:
    """(label, id) for the report picker."""
    return f"{report.title} – {period(report)}", report.report_id


def outcome_row(name: str, outcome: IngestOutcome) -> list[str]:
    """One row of the per-file ingest results."""
    return [name, str(outcome.status), outcome.title or "–", outcome.message or "–"]


def hits_markdown(query: str, hits: list[ReportHit]) -> str:
    """Search results: per report the best matching answers with a snippet."""
    if not hits:
        return f"Geen verslagen gevonden voor “{query}”. Probeer andere woorden of minder filters."
    lines = [f"**{count(len(hits), 'verslag', 'verslagen')} gevonden voor “{query}”** (beste eerst):", ""]
    for n, hit in enumerate(hits, start=1):
        report = hit.report
        lines.append(f"**{n}. {report.title}** – {period(report)}; {destination(report) or 'bestemming onbekend'} "
                     f"(score {number(hit.score, 2)})")  # fmt: skip
        for answer in hit.answers[:2]:
            snippet = " ".join(answer.snippet.split())
            lines.append(f"  - _{answer.heading.capitalize()}_: {snippet}")
        lines.append("")
    return "\n".join(lines)


def report_markdown(report: StoredReport) -> str:
    """A stored report with its metadata and answers under the form's headings."""
    facts = [
        f"**Periode**: {period(report)}",
        f"**Bestemming**: {destination(report) or 'onbekend'}",
        f"**Reizigers**: {number(report.travellers) if report.travellers is not None else 'onbekend'}",
        f"**Thema's**: {', '.join(report.themes) or '–'}",
        f"**Personen**: {'; '.join(report.people) or '–'}",
        f"**Bron**: {report.source_name} ({report.source_kind}); formulier {report.form_id or 'niet herkend'}; "
        f"id `{report.report_id}`",
    ]
    lines = [f"### {report.title}", "", "  \n".join(facts), ""]
    if not report.recognised:
        lines += ["_Geen bekend formulier herkend; het verslag is als geheel opgeslagen._", ""]
    for answer in report.answers:
        lines += [f"#### {answer.heading}", "", answer.text.strip(), ""]
    return "\n".join(lines)

"""Presentation of archive results: table rows, search hits and a whole report, in Dutch."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from verslaghulp.dutch import count, number

if TYPE_CHECKING:  # the archive imports chromadb; the page imports it only when the tab is used
    from verslaghulp.archive import IngestOutcome, ReportHit, ReportSummary, StoredReport

ARCHIVE_HEADERS = ["Titel", "Periode", "Bestemming", "Reizigers", "Thema's", "Formulier", "Bron"]
OUTCOME_HEADERS = ["Bestand", "Resultaat", "Titel", "Melding"]

# A line that is an item of a list in a report: "- …", "• …", "– …", "* …", "1. …", "2) …".
_BULLET = re.compile(r"^\s*(?:[-•·*–—+]|\d{1,2}[.)])\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+")
_ELLIPSIS = "…"


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
            shown = text_lines_markdown(snippet_with_breaks(answer.snippet, answer.text), compact=True)
            head, _, rest = shown.partition("\n")
            first = f"  - _{answer.heading.capitalize()}_:"
            if _BULLET.match(head) or not head:  # the snippet opens with a list: it starts under the heading
                lines += [first, *(f"    {line}" for line in shown.splitlines())]
            else:
                lines += [f"{first} {head}", *(f"    {line}" for line in rest.splitlines())]
        lines.append("")
    return "\n".join(lines)


def snippet_with_breaks(snippet: str, text: str) -> str:
    """The snippet (a window of the answer with its whitespace flattened) with the answer's line breaks back.

    The search cuts a window of about 240 characters out of the flattened text; here the same
    words are found in the answer itself, so that a list stays a list. A snippet that cannot be
    found in the text (it never should) is returned flattened, as the search made it.
    """
    flat = " ".join(snippet.split())
    core = snippet.strip()
    opens, closes = core.startswith(_ELLIPSIS), core.endswith(_ELLIPSIS)
    core = core.removeprefix(_ELLIPSIS).removesuffix(_ELLIPSIS).strip()
    words = core.split()
    found = re.search(r"\s+".join(re.escape(w) for w in words), text) if words else None
    if found is None:
        return flat
    piece = re.sub(r"[ \t]+", " ", found.group())
    piece = re.sub(r"\s*\n\s*", "\n", piece)
    return f"{_ELLIPSIS} " * opens + piece + f" {_ELLIPSIS}" * closes


def text_lines_markdown(text: str, *, compact: bool = False) -> str:
    """Plain report text as Markdown that keeps its lines: list lines as a list, other lines as lines.

    Markdown would join lines into one paragraph ("Núria Soler – hoofd … Tomás Ferrer – …"); here each
    line ends in a hard break, a line starting with a bullet or a number becomes a list item, and a
    blank line stays a paragraph break (`compact`: a line break, for snippets inside a result list).
    Characters that Markdown would read as a heading, a quote or a table start are escaped.
    """
    out: list[str] = []
    in_list = False
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if not compact and out and out[-1] != "":
                out[-1] = out[-1].removesuffix("  ")
                out.append("")
            in_list = False
            continue
        if _BULLET.match(line):
            number = _NUMBERED.match(line)
            item = _BULLET.sub("", line)
            if not in_list and out and out[-1] != "":
                out[-1] = out[-1].removesuffix("  ")
                out.append("")  # a list after a line of text starts a block of its own
            out.append(f"{number.group(1)}. {_escaped(item)}" if number else f"- {_escaped(item)}")
            in_list = True
            continue
        if in_list:
            out.append("")  # a line after a list is not part of its last item
            in_list = False
        out.append(_escaped(line) + "  ")
    if out and out[-1].endswith("  "):
        out[-1] = out[-1].removesuffix("  ")
    return "\n".join(out)


def _escaped(line: str) -> str:
    return re.sub(r"^([#>|])", r"\\\1", line)


# The kinds of file a report came from, as an official names them (archive/models.py source_kind).
_SOURCE_KINDS = {
    "txt": "tekstbestand",
    "md": "Markdown-bestand",
    "docx": "Word-document",
    "pdf": "pdf-bestand",
    "concept": "concept uit Verslaghulp",
}


def report_markdown(report: StoredReport, form_titles: Mapping[str, str] | None = None) -> str:
    """A stored report with its metadata and answers under the form's headings.

    `form_titles` names the forms by id; the archive's own ids stay out of the official's view.
    """
    kind = _SOURCE_KINDS.get(report.source_kind, report.source_kind)
    form = (form_titles or {}).get(report.form_id or "", report.form_id) if report.form_id else "niet herkend"
    facts = [
        f"**Periode**: {period(report)}",
        f"**Bestemming**: {destination(report) or 'onbekend'}",
        f"**Reizigers**: {number(report.travellers) if report.travellers is not None else 'onbekend'}",
        f"**Thema's**: {', '.join(report.themes) or '–'}",
        f"**Personen**: {'; '.join(report.people) or '–'}",
        f"**Bron**: {report.source_name} ({kind}); formulier: {form}",
    ]
    lines = [f"### {report.title}", "", "  \n".join(facts), ""]
    if not report.recognised:
        lines += ["_Geen bekend formulier herkend; het verslag is als geheel opgeslagen._", ""]
    for answer in report.answers:
        lines += [f"#### {answer.heading}", "", text_lines_markdown(answer.text), ""]
    return "\n".join(lines)

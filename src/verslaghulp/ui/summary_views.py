"""Presentation of summaries: the selection, the text with clickable citations, sources and checks."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from verslaghulp.dutch import count
from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN

if TYPE_CHECKING:  # the summaries use case imports the archive (chromadb); loaded when the tab is used
    from verslaghulp.archive import StoredReport
    from verslaghulp.summarising import Selection, Summary
    from verslaghulp.summarising.cited import CitationTargets, CitedPassage

_PASSED_SHOWN = 5
SELECTION_HEADERS = ["Titel", "Periode", "Bestemming", "Waarom gekozen"]
_CITATION = re.compile(r"\[(\d+(?:,\s*\d+)*)\]")
_MARKED = re.compile(f"{re.escape(MARK_OPEN)}[^{re.escape(MARK_CLOSE)}]*{re.escape(MARK_CLOSE)}")


def anchor(number: int) -> str:
    """The id of a source's entry in the source list."""
    return f"vh-bron-{number}"


# The passage a clicked citation points to stands out; the others are marked lightly.
_PASSAGE_STYLE = (
    "<style>.vh-passage{background:#fef3c7;border-radius:2px}"
    ".vh-passage:target{background:#fde047;outline:2px solid #b45309;scroll-margin-top:4rem}</style>"
)


def _targets(summary: Summary, reports: dict[str, StoredReport] | None) -> CitationTargets:
    """Where each citation of the text points: the passage of the cited report (see summarising.cited)."""
    # lazy: the summarising package imports the archive (chromadb)
    from verslaghulp.summarising.cited import citation_targets

    found = reports or {}
    answers = {
        src.number: [a.text for a in found[src.report_id].answers]
        for src in getattr(summary, "sources", [])
        if src.report_id in found
    }
    return citation_targets(summary.text, answers)


def selection_rows(selection: Selection) -> list[list[str]]:
    """The selected reports, with why each was chosen."""
    return [[r.title, r.dates, r.destination, "; ".join(r.reasons) or "–"] for r in selection.reports]


def selection_markdown(selection: Selection) -> str:
    """How the reports were chosen, and those that matched but were passed over."""
    chosen = count(len(selection.reports), "verslag", "verslagen")
    lines = [f"**{chosen} gekozen** ({'; '.join(selection.criteria) or 'alle verslagen'})."]
    lines.append("Vink verslagen uit om ze weg te laten, of voeg er hieronder een toe.")
    for passed in selection.passed_over[:_PASSED_SHOWN]:
        lines.append(f"- Niet gekozen: {passed.title} – {passed.reason}")
    if len(selection.passed_over) > _PASSED_SHOWN:
        rest = len(selection.passed_over) - _PASSED_SHOWN
        lines.append(f"- … en {count(rest, 'ander verslag dat niet past', 'andere verslagen die niet passen')}.")
    return "\n".join(lines)


def body_markdown(summary: Summary, reports: dict[str, StoredReport] | None = None) -> str:
    """Title and text as Markdown; unsupported facts highlighted.

    Each [n] links to the passage of report n that its sentence restates, shown highlighted in the
    opened report in the source list (the browser opens the report's <details> at the passage); a
    sentence no passage aligns with links to the source's entry.
    """
    marks = iter(_targets(summary, reports).marks) if reports else None

    def link(match: re.Match[str]) -> str:
        numbers = [int(n) for n in match[1].split(",")]
        targets = dict(next(marks, [])) if marks is not None else {}
        return "[" + ", ".join(f"[{n}](#{targets.get(n, anchor(n))})" for n in numbers) + "]"

    # Model text never becomes markup: escape it, then add the links and marks. Escaping leaves the
    # marks' brackets and digits alone, so they are found in the same order as in the text.
    text = _CITATION.sub(link, html.escape(summary.text, quote=False))
    text = _MARKED.sub(lambda m: f"<mark>{m[0]}</mark>", text)
    warnings = "".join(f"> **{html.escape(w, quote=False)}**\n\n" for w in getattr(summary, "warnings", []))
    # The title one level above the sections' subheadings ("### ..." in the text).
    return warnings + (f"## {html.escape(summary.title, quote=False)}\n\n" if summary.title else "") + text


def _answer_html(text: str, passages: list[CitedPassage]) -> str:
    """An answer's text as HTML, each cited passage in a mark that a citation links to."""
    out, at = [], 0
    for p in passages:
        if p.start < at:
            continue  # overlapping passages: the first is marked
        out.append(html.escape(text[at : p.start]))
        out.append(f"<mark class='vh-passage' id='{p.anchor}'>{html.escape(text[p.start : p.end])}</mark>")
        at = p.end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def sources_html(summary: Summary, reports: dict[str, StoredReport]) -> str:
    """The numbered sources, each with the cited report to open; then coverage and the citation check."""
    e = html.escape
    targets = _targets(summary, reports)
    parts = [_PASSAGE_STYLE + "<h4>Bronnen</h4><ol class='vh-sources'>"]
    for source in summary.sources:
        report = reports.get(source.report_id)
        passages = targets.of(source.number)
        body = (
            "".join(
                f"<h5>{e(a.heading)}</h5><p>{_answer_html(a.text, [p for p in passages if p.answer == n])}</p>"
                for n, a in enumerate(report.answers)
            )
            if report
            else "<p>Dit verslag staat niet meer in het archief.</p>"
        )
        parts.append(
            f"<li id='{anchor(source.number)}' value='{source.number}'><strong>{e(source.title)}</strong> – "
            f"{e(source.destination)}, {e(source.dates)} ({e(source.source_name)})"
            + (" <mark>voorbeeldverslag: verzonnen, niet echt gebeurd</mark>" if source.example else "")
            + f"<details><summary>Verslag openen</summary>{body}</details></li>"
        )
    parts.append("</ol>")
    left_out = summary.coverage.left_out
    parts.append(f"<h4>Verantwoording</h4><p>{len(summary.coverage.included)} van {len(summary.coverage.items)} "
                 "gekozen verslagen gebruikt.</p>")  # fmt: skip
    if left_out:
        items = "".join(f"<li>{e(i.title)}: {e(i.reason)}</li>" for i in left_out)
        parts.append(f"<p>Weggelaten (met reden):</p><ul>{items}</ul>")
    failed = summary.check.failed
    ok = len(summary.check.in_text) - len(failed)
    parts.append(f"<p>Bronnencontrole: {ok} van de {count(len(summary.check.in_text), 'zin', 'zinnen')} in orde.</p>")
    rewritten = [s for s in summary.check.sentences if s.original]  # only a rewrite keeps an original
    if rewritten:
        items = "".join(f"<li><s>{e(s.original)}</s> → {e(s.text)}</li>" for s in rewritten)
        parts.append(f"<p>Herschreven omdat het verslag de eerste versie niet steunt:</p><ul>{items}</ul>")
    if failed:
        rows = "".join(
            f"<li><mark>{e(f.text)}</mark> ({e(f.action.value)}): "
            + "; ".join(f"{e(u.text)} – {e(u.reason)}" for u in f.unsupported)
            + "</li>"
            for f in failed
        )
        parts.append(f"<div class='vh-check' role='note'><p>Gemarkeerde zinnen:</p><ul>{rows}</ul></div>")
    parts += [f"<p>{e(note)}</p>" for note in summary.notes]
    meta = summary.meta
    parts.append(
        f"<p class='vh-meta'>Gemaakt met {e(meta.model)} in {meta.total_seconds:.0f} s; {meta.words} woorden.</p>"
    )
    return "\n".join(parts)

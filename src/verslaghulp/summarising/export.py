"""A summary as a Word document (.docx), made from its own structure: blocks, rows, sources, accountability.

Two documents, as the two Markdown exports: the full one (`rendering.to_markdown`: citation marks,
source list and how the summary was made) and the one for publication (`publication.to_publication`:
no marks, no accountability, refused while anything is flagged). Nothing is parsed back out of
Markdown, so a sentence that happens to start with "- " or "|" stays a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from verslaghulp.report.docx_export import Part, parts_to_docx
from verslaghulp.summarising.publication import based_on, ensure_publishable, plain
from verslaghulp.summarising.rendering import ROW_HEADER, accountability, mark, source_line, with_mark
from verslaghulp.summarising.result import Block, Summary, TripRow


def body_parts(blocks: Sequence[Block], rows: Sequence[TripRow], text: Callable[[str], str] = str) -> list[Part]:
    """The text as parts: a section's subheading, its paragraph or list items, and the overview's table.

    `text` is applied to every piece of text (`publication.plain` for the publication).
    """
    parts: list[Part] = []
    for block in blocks:
        if block.heading:
            parts.append(Part("heading", text(block.heading), level=2))
        if block.kind == "punten":
            parts += [Part("item", text(with_mark(s))) for s in block.sentences]
        elif paragraph := " ".join(with_mark(s) for s in block.sentences).strip():
            parts.append(Part("paragraph", text(paragraph)))
    if rows:
        cells = [(r.dates, r.destination, r.purpose, r.result, mark(r.sources)) for r in rows]
        table = [ROW_HEADER, *cells]
        parts.append(Part("table", rows=tuple(tuple(text(" ".join(c.split())) for c in row) for row in table)))
    return parts


def summary_parts(summary: Summary) -> list[Part]:
    """The full export: warnings, title, text with citation marks, sources, and how it was made."""
    parts = [Part("paragraph", warning, bold=True) for warning in summary.warnings]
    if summary.title:
        parts.append(Part("heading", summary.title, level=0))
    parts += body_parts(summary.blocks, summary.rows)
    parts.append(Part("heading", "Bronnen"))
    parts += [Part("paragraph", source_line(s)) for s in summary.sources] or [Part("paragraph", "Geen bronnen.")]
    parts.append(Part("heading", "Verantwoording"))
    for line, items in accountability(summary):
        parts += [Part("paragraph", line), *(Part("item", item) for item in items)]
    return parts


def publication_parts(summary: Summary) -> list[Part]:
    """The text for publication; raises PublicationRefusedError while anything is flagged or made up."""
    ensure_publishable(summary)
    parts = [Part("heading", plain(summary.title), level=0)] if summary.title else []
    parts += body_parts(summary.blocks, summary.rows, plain)
    if based := based_on(summary):
        parts.append(Part("paragraph", based))
    return parts


def summary_docx(summary: Summary) -> bytes:
    """The full export as the bytes of a .docx file."""
    return parts_to_docx(summary_parts(summary), title=summary.title or summary.request.text)


def publication_docx(summary: Summary) -> bytes:
    """The publication export as the bytes of a .docx file; raises PublicationRefusedError as `to_publication`."""
    return parts_to_docx(publication_parts(summary), title=summary.title or summary.request.text)

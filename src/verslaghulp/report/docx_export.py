"""Export a report (in the form's layout) or the parts of another document (a summary) as Word (.docx).

The layout follows the published reports: the form title, then every question's heading exactly as
printed on the form, in the form's order, each followed by its answer. Headings use Word's own
heading styles (so the navigation pane and a table of contents work, and LibreOffice maps them to
its outline levels); lists use "List Bullet". Facts still marked ⟦…⟧ as unsupported are highlighted
yellow, so a reviewer cannot miss them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.report.model import ReportDraft

_BULLET = re.compile(r"^\s*[-•*]\s+")
_MARKED = re.compile(f"({re.escape(MARK_OPEN)}[^{re.escape(MARK_CLOSE)}]*{re.escape(MARK_CLOSE)})")
LANGUAGE = "nl-NL"


def to_docx(draft: ReportDraft) -> bytes:
    """The report as the bytes of a .docx file."""
    document = Document()
    _set_language(document)
    document.styles["Normal"].font.size = Pt(11)
    props = document.core_properties
    props.title = draft.meta.form_title
    props.subject = draft.meta.form_id
    props.language = LANGUAGE
    props.comments = f"Opgesteld met verslaghulp; model {draft.meta.model}; prompts {', '.join(draft.meta.prompts)}"
    document.add_heading(draft.meta.form_title.upper(), level=0)
    for answer in draft.answers:
        document.add_heading(answer.heading, level=1)
        for block in _blocks(answer.text):
            is_item = bool(_BULLET.match(block))
            paragraph = document.add_paragraph(style="List Bullet" if is_item else None)
            _add_text(paragraph, _BULLET.sub("", block) if is_item else block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Part:
    """A piece of a document other than a report: a heading (level 0: the title), a paragraph, a list item, a table.

    Summaries are exported as a list of parts made from their own structure (summarising/export.py),
    so nothing is parsed back out of Markdown. Text may carry ⟦…⟧ marks; they are highlighted.
    """

    kind: Literal["heading", "paragraph", "item", "table"]
    text: str = ""
    level: int = 1
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows, the first one its header
    bold: bool = False


def parts_to_docx(parts: Iterable[Part], *, title: str = "") -> bytes:
    """The parts, in order, as the bytes of a .docx file (Word's heading styles, "List Bullet", "Table Grid")."""
    document = Document()
    _set_language(document)
    document.core_properties.title = title
    document.core_properties.language = LANGUAGE
    for part in parts:
        if part.kind == "heading":
            document.add_heading(part.text, level=part.level)
        elif part.kind == "table":
            _add_table(document, [list(row) for row in part.rows])
        else:
            paragraph = document.add_paragraph(style="List Bullet" if part.kind == "item" else None)
            _add_text(paragraph, part.text)
            if part.bold:
                for run in paragraph.runs:
                    run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_table(document: Any, rows: list[list[str]]) -> None:
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            _add_text(cell.paragraphs[0], text)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _blocks(text: str) -> list[str]:
    """Paragraphs of an answer: list items one by one, other lines joined up to a blank line."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.strip().splitlines():
        if not line.strip() or _BULLET.match(line):
            if current:
                blocks.append(" ".join(current))
                current = []
            if line.strip():
                blocks.append(line.strip())
            continue
        current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    return blocks or [""]


def _add_text(paragraph: Any, text: str) -> None:
    for part in _MARKED.split(text):
        if not part:
            continue
        run = paragraph.add_run(part)
        if part.startswith(MARK_OPEN):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _set_language(document: Any) -> None:
    # Dutch as the proofing language of the default run properties, so spell checking works in Word and LibreOffice.
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)

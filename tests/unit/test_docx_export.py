"""The .docx export: the form's layout with Word heading styles, lists, and unconfirmed facts highlighted."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from tests.required_tools import require
from verslaghulp.report.docx_export import to_docx
from verslaghulp.report.model import Answer, AnswerStatus, DraftMeta, ReportDraft, WrittenBy

DOEL = "Overleg over open data\nmet ⟦Jan de Vries⟧.\n\nTweede alinea."
ONTMOET = "- Els Peeters – CDO Gent\n- Piet"


def _draft() -> ReportDraft:
    def answer(qid: str, heading: str, text: str) -> Answer:
        return Answer(question_id=qid, heading=heading, text=text, status=AnswerStatus.BEANTWOORD,
                      written_by=WrittenBy.MODEL)  # fmt: skip

    return ReportDraft(
        meta=DraftMeta(form_id="denhaag-2025", form_title="Verslag buitenlandse dienstreis", model="fake:fake"),
        answers=[
            answer("personen", "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT", "1 persoon"),
            answer("doel", "WAT WAS HET DOEL VAN DE REIS?", DOEL),
            answer("ontmoet", "WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)", ONTMOET),
        ],
    )


def _document(data: bytes):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(data))


def test_headings_as_on_the_form_in_word_heading_styles() -> None:
    doc = _document(to_docx(_draft()))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("Title", "VERSLAG BUITENLANDSE DIENSTREIS")
    assert [t for s, t in styled if s == "Heading 1"] == [
        "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT",
        "WAT WAS HET DOEL VAN DE REIS?",
        "WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)",
    ]
    assert ("Normal", "Overleg over open data met ⟦Jan de Vries⟧.") in styled
    assert ("Normal", "Tweede alinea.") in styled
    assert [t for s, t in styled if s == "List Bullet"] == ["Els Peeters – CDO Gent", "Piet"]
    assert doc.core_properties.title == "Verslag buitenlandse dienstreis"
    assert doc.core_properties.language == "nl-NL"


def test_unconfirmed_facts_are_highlighted() -> None:
    doc = _document(to_docx(_draft()))
    runs = [r for p in doc.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert [r.text for r in runs] == ["⟦Jan de Vries⟧"]


def test_libreoffice_opens_the_file(tmp_path: Path) -> None:
    require(shutil.which("soffice") is not None, "LibreOffice (soffice)", "scripts/setup.sh dev installs "
            "libreoffice-writer-nogui")  # fmt: skip
    source = tmp_path / "verslag.docx"
    source.write_bytes(to_docx(_draft()))
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = (tmp_path / "verslag.txt").read_text(encoding="utf-8-sig")
    assert "WAT WAS HET DOEL VAN DE REIS?" in text and "Els Peeters – CDO Gent" in text


def test_document_parts_become_headings_lists_and_a_table() -> None:
    from verslaghulp.report.docx_export import Part, parts_to_docx

    parts = [
        Part("paragraph", "Let op: voorbeeld.", bold=True),
        Part("heading", "Jaaroverzicht 2021", level=0),
        Part("paragraph", "Inleiding met ⟦Jan⟧ [1]."),
        Part("item", "punt een [2]"),
        Part("item", "- punt twee"),  # text, not Markdown: the dash stays
        Part("table", rows=(("Data", "Bestemming", "Bron"), ("14-18 nov", "Barcelona", "[1]"))),
        Part("heading", "Bronnen"),
        Part("paragraph", "[1] Barcelona."),
    ]
    doc = _document(parts_to_docx(parts, title="Jaaroverzicht"))
    assert doc.core_properties.title == "Jaaroverzicht"
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[1] == ("Title", "Jaaroverzicht 2021")
    assert all(r.bold for r in doc.paragraphs[0].runs)
    assert ("Heading 1", "Bronnen") in styled
    assert [t for s, t in styled if s == "List Bullet"] == ["punt een [2]", "- punt twee"]
    table = doc.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["14-18 nov", "Barcelona", "[1]"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert [r.text for p in doc.paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW] == [
        "⟦Jan⟧"
    ]

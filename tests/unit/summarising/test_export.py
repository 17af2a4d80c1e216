"""The summary's .docx exports are made from its blocks, rows and sources, and say what the Markdown exports say."""

from __future__ import annotations

import io

import pytest
from docx import Document

from verslaghulp.config import Settings
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import PublicationRefusedError, Summary, summarise, to_markdown, to_publication
from verslaghulp.summarising.export import publication_docx, summary_docx

from .conftest import MemoryArchive, facts_responder, sample_reports
from .test_overview import year_archive
from .test_publication import DRONES


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(io.BytesIO(data)).paragraphs]


def _news(archive: MemoryArchive, model: FakeChatModel, settings: Settings) -> Summary:
    return summarise("Schrijf een nieuwsbericht over de reizen in 2025", archive, model, settings)


def test_the_full_export_has_title_sections_sources_and_accountability(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summary = _news(archive, model, settings)
    styled = _paragraphs(summary_docx(summary))
    assert styled[0] == ("Title", summary.title)
    assert [t for s, t in styled if s == "Heading 2"] == [b.heading for b in summary.blocks if b.heading]
    assert [t for s, t in styled if s == "Heading 1"] == ["Bronnen", "Verantwoording"]
    # Every line of the Markdown export is a paragraph of the document, with the same citation marks.
    markdown = [line.lstrip("#- ").strip() for line in to_markdown(summary).splitlines()]
    texts = [t for _, t in styled]
    assert [line for line in markdown if line and line not in texts] == []
    assert any("[1" in t for s, t in styled if s == "Normal")


def test_the_annual_overview_is_a_table_of_the_rows(settings: Settings) -> None:
    summary = summarise("jaaroverzicht 2024", year_archive(2024, 3), FakeChatModel(responder=facts_responder),
                        settings, style="jaaroverzicht")  # fmt: skip
    table = Document(io.BytesIO(summary_docx(summary))).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Data", "Bestemming", "Doel", "Wat het opleverde", "Bron"]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == [
        [r.dates, r.destination, r.purpose, r.result, f"[{r.sources[0]}]"] for r in summary.rows
    ]


def test_a_sentence_that_looks_like_markdown_stays_a_sentence(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summary = _news(archive, model, settings)
    lead = summary.blocks[0]
    odd = lead.model_copy(
        update={"sentences": [s.model_copy(update={"text": "- 3 | 4 sensoren."}) for s in lead.sentences]}
    )
    styled = _paragraphs(summary_docx(summary.model_copy(update={"blocks": [odd, *summary.blocks[1:]]})))
    assert ("Normal", f"- 3 | 4 sensoren [{', '.join(map(str, lead.sentences[0].sources))}].") in styled


def test_the_warning_of_an_example_archive_is_a_plain_bold_line(model: FakeChatModel, settings: Settings) -> None:
    archive = MemoryArchive([r.model_copy(update={"example": True}) for r in sample_reports()])
    summary = summarise(DRONES, archive, model, settings, style="vraag")
    assert summary.warnings
    document = Document(io.BytesIO(summary_docx(summary)))
    first = document.paragraphs[0]
    assert first.text == summary.warnings[0] and all(r.bold for r in first.runs)
    with pytest.raises(PublicationRefusedError, match="voorbeeldverslag"):
        publication_docx(summary)


def test_the_publication_has_no_marks_and_names_the_trips(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summary = summarise(DRONES, archive, model, settings, style="nieuwsbericht")
    styled = _paragraphs(publication_docx(summary))
    texts = [t for _, t in styled]
    assert styled[0] == ("Title", summary.title)
    assert not any("[1" in t or "⟦" in t for t in texts) and "Verantwoording" not in texts
    assert texts[-1] == to_publication(summary).rstrip().splitlines()[-1].strip("_")

"""Example reports (made up, shipped with the app) are never cited without saying so."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from verslaghulp.archive.models import EXAMPLE_MARK, example_title
from verslaghulp.archive.records import summary_from_metadata
from verslaghulp.config import Settings
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import SummaryRequest, select_reports, selection_lines, summarise, to_markdown
from verslaghulp.summarising.selection import EXAMPLES_LEFT_OUT

from .conftest import MemoryArchive, make_report, sample_reports

DRONES = "Wat leverden de reizen over drones op?"
_MARKS = re.compile(r"\[(\d+(?:, \d+)*)\]")


def real_drone_report():
    return make_report(
        "eeee5555lissabon",
        "2025-06-lissabon.txt",
        dt.date(2025, 6, 3),
        dt.date(2025, 6, 4),
        ["Lissabon"],
        ["Portugal"],
        {
            "doel": "Bezoek aan Lissabon over drones voor de inspectie van kademuren.",
            "opbrengst": "- Lissabon inspecteert kademuren met drones en deelt de vluchtplannen met Den Haag.",
        },
        themes=["drones"],
    )


def examples_only() -> MemoryArchive:
    return MemoryArchive([r.model_copy(update={"example": True}) for r in sample_reports()])


def mixed() -> MemoryArchive:
    return MemoryArchive([*(r.model_copy(update={"example": True}) for r in sample_reports()), real_drone_report()])


def test_the_archive_marks_an_example_title_once() -> None:
    meta = {"report_id": "r1", "title": "Dienstreis Madrid, februari 2025", "example": True,
            "ingested_at": "2025-01-01T00:00:00+00:00"}  # fmt: skip
    title = summary_from_metadata(meta).title
    assert title == f"Dienstreis Madrid, februari 2025 ({EXAMPLE_MARK})"
    assert example_title(title) == title
    assert summary_from_metadata(meta | {"example": False}).title == "Dienstreis Madrid, februari 2025"


def test_examples_are_used_while_the_archive_has_nothing_else_and_marked(settings: Settings) -> None:
    selection = select_reports(SummaryRequest(text=DRONES), examples_only())
    assert [r.source_name for r in selection.reports] == ["2023-03-dublin.txt", "2024-05-wenen.txt"]
    assert all(r.example and EXAMPLE_MARK in r.title for r in selection.reports)
    assert all("voorbeeldverslag (verzonnen)" in r.reasons for r in selection.reports)
    assert "voorbeeldverslag (verzonnen)" in "\n".join(selection_lines(selection))


def test_examples_are_left_out_by_default_once_real_reports_exist() -> None:
    selection = select_reports(SummaryRequest(text=DRONES), mixed())
    assert [r.source_name for r in selection.reports] == ["2025-06-lissabon.txt"]
    passed = {p.source_name: p.reason for p in selection.passed_over}
    assert passed["2023-03-dublin.txt"] == EXAMPLES_LEFT_OUT
    assert all(EXAMPLE_MARK in p.title for p in selection.passed_over)
    assert "zonder voorbeeldverslagen" in selection.criteria
    asked = select_reports(SummaryRequest(text=DRONES, include_examples=True), mixed())
    assert len(asked.reports) == 3


def test_only_examples_on_the_topic_gives_a_message_that_says_why() -> None:
    selection = select_reports(SummaryRequest(text="Wat leverde de reis over de AI-verordening op?"), mixed())
    assert selection.empty and "voorbeeldverslagen" in selection.message.lower()


@pytest.mark.parametrize("style", ["nieuwsbericht", "managementsamenvatting", "jaaroverzicht", "vraag"])
def test_an_example_report_is_never_cited_unmarked(model: FakeChatModel, settings: Settings, style: str) -> None:
    archive = mixed()
    for request in (
        SummaryRequest(text=DRONES, style=style, include_examples=True),
        SummaryRequest(text=DRONES, style=style, include=["bbbb2222wenen"]),  # added by hand
    ):
        summary = summarise(request, archive, model, settings)
        by_number = {s.number: s for s in summary.sources}
        cited = {int(n) for group in _MARKS.findall(summary.text) for n in group.split(", ")}
        made_up = {n for n in cited if by_number[n].example}
        assert made_up, "the test needs an example report among the citations"
        markdown = to_markdown(summary)
        assert markdown.startswith("> **Let op: deze tekst citeert")
        assert all(f"[{n}]" in summary.warnings[0] for n in made_up)
        for n in made_up:
            line = next(line for line in markdown.splitlines() if line.startswith(f"[{n}] "))
            assert "VOORBEELDVERSLAG" in line and EXAMPLE_MARK in line
            assert EXAMPLE_MARK in by_number[n].title
        real = cited - made_up
        assert all(not by_number[n].example for n in real)


def test_a_summary_of_real_reports_has_no_warning(model: FakeChatModel, settings: Settings) -> None:
    summary = summarise(SummaryRequest(text=DRONES, style="vraag"), mixed(), model, settings)
    assert [s.source_name for s in summary.sources] == ["2025-06-lissabon.txt"]
    assert summary.warnings == [] and "Let op" not in to_markdown(summary)

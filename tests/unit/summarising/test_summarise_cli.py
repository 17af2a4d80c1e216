"""`verslaghulp summarise` on the fake backend over an in-memory archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp.cli import app
from verslaghulp.config import get_settings
from verslaghulp.llm.fake import FakeChatModel

from .conftest import MemoryArchive, facts_responder, sample_reports


@pytest.fixture(autouse=True)
def fake_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSLAGHULP_BACKEND", "fake")
    get_settings.cache_clear()
    archive = MemoryArchive(sample_reports())
    monkeypatch.setattr("verslaghulp.archive.Archive.open", classmethod(lambda cls, settings=None, **kw: archive))
    monkeypatch.setattr(
        "verslaghulp.llm.factory.make_chat_model",
        lambda settings, progress=None: FakeChatModel(responder=facts_responder),
    )


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["summarise", *args])


def test_show_selection_stops_before_writing() -> None:
    result = run("Wat leverden de reizen over drones op?", "--toon-selectie")
    assert result.exit_code == 0, result.output
    assert "2 verslag(en)" in result.stdout and "2023-03-dublin.txt" in result.stdout
    assert "thema 'drones'" in result.stdout and "Niet geselecteerd: 2" in result.stdout
    assert "[1/" not in result.output


def test_markdown_with_progress_per_report(tmp_path: Path) -> None:
    out = tmp_path / "stuk.md"
    result = run("Wat leverden de reizen over drones op?", "--stijl", "vraag", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "[1/2] 2023-03-dublin.txt" in result.output and "[2/2] 2024-05-wenen.txt" in result.output
    text = out.read_text(encoding="utf-8")
    assert "## Bronnen" in text and "[1] Dublin (Ierland), 7-9 maart 2023" in text


def test_json_with_filters_and_edits() -> None:
    result = run(
        "Geef een overzicht",
        "--van",
        "2024",
        "--tot",
        "2025",
        "--zonder",
        "dddd4444",
        "--met",
        "2023-03-dublin.txt",
        "--stijl",
        "jaaroverzicht",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["source_name"] for s in data["sources"]] == [
        "2023-03-dublin.txt",
        "2024-05-wenen.txt",
        "2025-02-madrid.txt",
    ]
    assert data["coverage"]["complete"] is True


def test_nothing_selected_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "leeg.md"
    result = run("Wat heeft de dienstreis naar Tokio opgeleverd?", "--out", str(out))
    assert result.exit_code == 1
    assert "Geen verslagen gevonden" in result.output and "niets geschreven" in result.output
    assert not out.exists()


def test_bad_style_and_unknown_report_are_clear_errors() -> None:
    assert "Onbekende stijl" in run("drones", "--stijl", "gedicht").output
    result = run("drones", "--met", "onbekend")
    assert result.exit_code == 2 and "komt in het archief niet voor" in result.output

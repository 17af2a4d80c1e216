"""The command line on the fake backend: outputs, formats and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp.cli import app
from verslaghulp.config import get_settings

NOTES = "Gent 3 t/m 4 juni 2025\nmee: Joost\ndoel: overleg open data\ngesproken: Els Peeters - CDO Gent\n"


@pytest.fixture(autouse=True)
def fake_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSLAGHULP_BACKEND", "fake")
    get_settings.cache_clear()


def _notes(tmp_path: Path, data: bytes = NOTES.encode()) -> Path:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    return path


def test_draft_writes_markdown_with_every_heading(tmp_path: Path) -> None:
    out = tmp_path / "verslag.md"
    result = CliRunner().invoke(app, ["draft", str(_notes(tmp_path)), "--form", "denhaag-2019", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n\n2 personen" in text
    assert "## ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?" in text
    assert "Nog aan te vullen" in text


def test_draft_json_is_the_report_model(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["draft", str(_notes(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["meta"]["form_id"] == "denhaag-2025"
    assert len(data["answers"]) == 10


def test_cp1252_notes_are_read(tmp_path: Path) -> None:
    path = _notes(tmp_path, "Zürich 3 t/m 4 juni 2025\ndoel: café-overleg\n".encode("cp1252"))
    result = CliRunner().invoke(app, ["draft", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "caf" in result.stdout


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"   \n", "leeg"), (b"\x00\x01\x02" * 100, "geen leesbare tekst")],
)
def test_bad_notes_give_a_clear_error_and_exit_code(tmp_path: Path, data: bytes, message: str) -> None:
    result = CliRunner().invoke(app, ["draft", str(_notes(tmp_path, data))])
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_form_and_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["draft", str(_notes(tmp_path)), "--form", "nergens"])
    assert result.exit_code == 2 and "Onbekend formulier" in result.output
    result = CliRunner().invoke(app, ["draft", str(tmp_path / "weg.txt")])
    assert result.exit_code == 2 and "Kan" in result.output


def test_forms_lists_both_den_haag_forms() -> None:
    result = CliRunner().invoke(app, ["forms"])
    assert "denhaag-2025" in result.output and "denhaag-2019" in result.output

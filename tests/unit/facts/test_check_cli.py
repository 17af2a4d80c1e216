"""`verslaghulp check verslag.json --notes notes.txt` prints the findings."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from verslaghulp.cli import app
from verslaghulp.report.model import Answer, DraftMeta, ReportDraft

NOTES = "Gent 4-5 apr 2024, met z'n tweeën\ngesproken: Bart Rosseau (CDO gemeente Gent)\n"


def _write(tmp_path: Path, text: str) -> tuple[Path, Path]:
    answer = Answer(question_id="ontmoet", heading="WIE", text=text, status="beantwoord", written_by="model")
    draft = ReportDraft(meta=DraftMeta(form_id="denhaag-2025", form_title="t", model="fake"), answers=[answer])
    report, notes = tmp_path / "verslag.json", tmp_path / "notes.txt"
    report.write_text(draft.model_dump_json(), encoding="utf-8")
    notes.write_text(NOTES, encoding="utf-8")
    return report, notes


def test_check_prints_unsupported_facts(tmp_path: Path) -> None:
    report, notes = _write(tmp_path, "Bart Rosseau en Pieter Claes – CDO gemeente Gent")
    result = CliRunner().invoke(app, ["check", str(report), "--notes", str(notes)])
    assert result.exit_code == 1
    assert "Pieter Claes" in result.output and "niet gevonden" in result.output


def test_check_clean_report(tmp_path: Path) -> None:
    report, notes = _write(tmp_path, "Bart Rosseau – CDO bij de gemeente Gent")
    result = CliRunner().invoke(app, ["check", str(report), "--notes", str(notes)])
    assert result.exit_code == 0, result.output
    assert "Score: 1.00" in result.output

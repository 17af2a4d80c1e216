"""The thin `ingest` and `search` commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp import cli
from verslaghulp.archive import Archive
from verslaghulp.config import Settings


@pytest.fixture
def run(settings: Settings, archive: Archive, monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str]]:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    # The command opens the archive itself; give it the test's (cached) embedder.
    monkeypatch.setattr(Archive, "open", classmethod(lambda cls, s=None, embedder=None: archive))

    def invoke(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli.app, list(args))
        return result.exit_code, result.output

    return invoke


def test_ingest_and_search(
    run: Callable[..., tuple[int, str]], tmp_path: Path, fixture_text: Callable[[str], str]
) -> None:
    (tmp_path / "lissabon.txt").write_text(fixture_text("layout_2019_compact.txt"), encoding="utf-8")
    (tmp_path / "kapot.pdf").write_bytes(b"geen pdf")
    code, output = run("ingest", str(tmp_path))
    assert code == 1  # one file failed
    assert "toegevoegd" in output and "Dienstreis Lissabon, april 2019" in output
    assert "kapot.pdf: kapot.pdf is geen geldige pdf" in output
    assert "1 toegevoegd" in output and "1 fout" in output

    code, output = run("search", "Klaus Fischer", "--van", "2019", "--tot", "2019", "--stad", "Lisbon")
    assert code == 0 and "1. Dienstreis Lissabon, april 2019" in output and "Wie heb je ontmoet?" in output
    code, output = run("search", "Klaus Fischer", "--van", "2020")
    assert code == 0 and "Geen verslagen gevonden." in output


def test_ingest_without_paths(run: Callable[..., tuple[int, str]]) -> None:
    code, output = run("ingest")
    assert code == 2 and "Geef bestanden of mappen op" in output

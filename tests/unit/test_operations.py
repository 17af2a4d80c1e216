"""Operations: the audit log of drafts, JSON-line logs without note text, and the health checks."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from verslaghulp.audit import acting_as, audit_path, record_summary
from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.health import check_health, make_health_router
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.logging_setup import JsonLineFormatter
from verslaghulp.report.forms import load_form

NOTES = """Wenen CGCC 27 t/m 29 april 2025
mee: Fatima Bakker
doel: bijeenkomst Council of Global City CIOs
gesproken: Lena Gruber - CIO Wenen
"""


def _settings(tmp_path: Path, **extra: object) -> Settings:
    values: dict[str, object] = {"backend": "fake", "data_dir": tmp_path / "data", **extra}
    return Settings(_env_file=None, **values)  # type: ignore[arg-type,call-arg]


def test_a_draft_is_audited_without_its_text(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with acting_as("j.jansen"):
        draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), settings)
    lines = audit_path(settings).read_text().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["kind"] == "draft" and entry["user"] == "j.jansen"
    assert entry["model"] == draft.meta.model and entry["prompts"] == draft.meta.prompts
    assert entry["form_id"] == "denhaag-2025" and entry["input_chars"] > 0
    for secret in ("Lena", "Gruber", "Fatima", "Council"):
        assert secret not in lines[0]


def test_audit_can_be_switched_off_and_never_breaks_a_draft(tmp_path: Path) -> None:
    off = _settings(tmp_path, audit_enabled=False)
    draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), off)
    assert not audit_path(off).exists()
    blocked = tmp_path / "file"
    blocked.write_text("")
    unwritable = _settings(tmp_path, audit_log=blocked / "audit.jsonl")  # parent is a file
    draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), unwritable)


def test_summary_entry(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    record_summary(model="fake:fake", prompts=["nieuwsbrief@1"], sources=3, seconds=1.5, settings=settings)
    assert json.loads(audit_path(settings).read_text())["sources"] == 3


def test_json_log_lines_leave_long_text_out() -> None:
    record = logging.LogRecord("verslaghulp.x", logging.INFO, __file__, 1, "notes: %s", ("regel " * 100,), None)
    record.draft_id = "abc"
    line = json.loads(JsonLineFormatter().format(record))
    assert line["level"] == "INFO" and line["draft_id"] == "abc"
    assert "regel regel" not in line["message"] and "weggelaten" in line["message"]


def test_health_of_fake_model_and_embedded_archive(tmp_path: Path) -> None:
    status = check_health(_settings(tmp_path))
    assert status.status == "ok"


def test_health_reports_an_unreachable_chroma_and_ollama(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path, backend="ollama", ollama_base_url="http://127.0.0.1:9", chroma_mode="http", chroma_port=9
    )
    status = check_health(settings)
    assert status.status == "fout"
    assert "niet bereikbaar" in status.model.detail and "Chroma" in status.archive.detail


@pytest.mark.parametrize(("backend", "code"), [("fake", 200), ("ollama", 503)])
def test_health_router(tmp_path: Path, backend: str, code: int) -> None:
    settings = _settings(tmp_path, backend=backend, ollama_base_url="http://127.0.0.1:9")
    app = FastAPI()
    app.include_router(make_health_router(lambda: settings))
    client = TestClient(app)
    response = client.get("/healthz")
    assert response.status_code == code
    assert response.json()["model"]["ok"] is (code == 200)
    assert client.get("/livez").json() == {"status": "ok"}

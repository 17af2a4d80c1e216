"""The web page served for real and driven through Gradio's client, on the tiny real model.

The browser tests (tests/e2e) click through the same page; these check the endpoints behind it:
drafting with autosave, re-drafting one question, export, and the Dutch error messages.
"""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from docx import Document
from gradio_client import Client, handle_file

from verslaghulp.concepts import ConceptStore
from verslaghulp.config import Settings
from verslaghulp.ui.app import build_app, start_app

pytestmark = pytest.mark.real_model

NOTES = (
    "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein heen en terug\n"
    "doel: overleg open data\ngesproken: Els Peeters - CDO Gent\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("webapp-data")


@pytest.fixture(scope="module")
def base_url(data_dir: Path) -> Iterator[str]:
    settings = Settings(embedded_model="smollm2-135m", n_ctx=4096, max_answer_tokens=120, data_dir=data_dir)
    app = build_app(settings)
    port = _free_port()
    start_app(app, settings, host="127.0.0.1", port=port, warm_up=False, block=False)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app.close()


@pytest.fixture(scope="module")
def client(base_url: str) -> Client:
    return Client(f"{base_url}/", verbose=False)


def test_the_served_app_answers_health_checks(base_url: str) -> None:
    live = httpx.get(f"{base_url}/livez", timeout=10)
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    health = httpx.get(f"{base_url}/healthz", timeout=10)
    body = health.json()
    assert health.status_code == 200, body
    assert body["status"] == "ok" and body["model"]["ok"] and body["archive"]["ok"]
    assert "smollm2" in body["model"]["detail"]


def _answers(result: tuple[Any, ...]) -> dict[int, str]:
    """Answer number -> text, from the updates of the answer boxes."""
    found: dict[int, str] = {}
    for item in result:
        label = item.get("label", "") if isinstance(item, dict) else ""
        if label.startswith("Antwoord op vraag "):
            found[int(label.split()[3])] = item["value"]
    return found


@pytest.fixture(scope="module")
def drafted(client: Client) -> tuple[Any, ...]:
    return tuple(client.predict(NOTES, "denhaag-2025", "", api_name="/opstellen"))


def test_the_page_drafts_a_report_and_saves_it_on_the_server(drafted: tuple[Any, ...], data_dir: Path) -> None:
    concept_id, status = drafted[0], drafted[3]
    assert "10 vragen" in status and "automatisch bewaard" in status
    answers = _answers(drafted)
    assert answers[1] == "1 persoon" and answers[3] == "Trein" and len(answers) == 10
    stored = ConceptStore(data_dir / "concepts").get(concept_id)
    assert stored is not None and stored.notes == NOTES and len(stored.answers) == 10


def test_answering_a_follow_up_redrafts_that_question(client: Client, drafted: tuple[Any, ...]) -> None:
    concept_id = drafted[0]
    result = client.predict(concept_id, "in september stuurt Gent het datamodel", api_name="/herschrijf_10")
    assert "Vraag 10 is opnieuw opgesteld" in result[3]
    assert result[1].endswith("vervolg (aanvulling): in september stuurt Gent het datamodel\n")  # the notes box
    assert _answers(result).keys() == {10}  # only that answer is sent back


def test_export_gives_a_word_file_in_the_forms_layout(client: Client, drafted: tuple[Any, ...]) -> None:
    files = client.predict(drafted[0], api_name="/exporteren")
    paths = sorted((Path(f) for f in files), key=lambda p: p.suffix)
    assert [p.suffix for p in paths] == [".docx", ".md"]
    document = Document(io.BytesIO(paths[0].read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT" and len(headings) == 10


def test_empty_notes_give_a_dutch_message(client: Client) -> None:
    with pytest.raises(Exception, match="leeg"):
        client.predict("   ", "denhaag-2025", "", api_name="/opstellen")


def test_an_unreadable_upload_keeps_the_pasted_notes(client: Client, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    notes, _, _ = client.predict(handle_file(str(bad)), "mijn notities", "", "denhaag-2025",
                                 api_name="/aantekeningen_uploaden")  # fmt: skip
    assert notes == "mijn notities"

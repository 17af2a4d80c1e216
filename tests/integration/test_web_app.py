"""The first web page, served for real and driven through Gradio's client, on the tiny real model."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from verslaghulp.config import Settings
from verslaghulp.ui.app import build_app

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
def client() -> Iterator[Client]:
    settings = Settings(embedded_model="smollm2-135m", n_ctx=4096, max_answer_tokens=120)
    app = build_app(settings)
    app.queue()
    port = _free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    finally:
        app.close()


def test_the_page_drafts_a_report_and_offers_downloads(client: Client) -> None:
    status, report, follow_ups, files = client.predict(NOTES, "denhaag-2025", api_name="/generate")
    assert status.startswith("Klaar in")
    assert "### HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n\n1 persoon" in report
    assert "ZIJN ER VERVOLGAFSPRAKEN" in report
    assert "Nog aan te vullen" in follow_ups
    names = sorted(Path(f).name for f in files)
    assert names == ["verslag.json", "verslag.md"]


def test_empty_notes_give_a_dutch_message(client: Client) -> None:
    with pytest.raises(Exception, match="leeg"):
        client.predict("   ", "denhaag-2025", api_name="/generate")


def test_an_unreadable_upload_keeps_the_pasted_notes(client: Client, tmp_path: Path) -> None:
    from gradio_client import handle_file

    bad = tmp_path / "kapot.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    assert client.predict(handle_file(str(bad)), "mijn notities", api_name="/load_upload") == "mijn notities"

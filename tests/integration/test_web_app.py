"""The web page served for real and driven through Gradio's client, on the tiny real model.

The browser tests (tests/e2e) click through the same page; these check the endpoints behind it:
drafting with autosave, re-drafting one question, export, and the Dutch error messages. This app
runs as a laptop does: no login, no proxy, one local user (tests/integration/test_shared_server.py
has several users). Hidden events are called by name, as the page calls them (`page_calls`).
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from docx import Document
from gradio_client import Client

from verslaghulp.concepts import ConceptStore
from verslaghulp.config import Settings

from .page_calls import call, serve, upload

pytestmark = pytest.mark.real_model

NOTES = (
    "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein heen en terug\n"
    "doel: overleg open data\ngesproken: Els Peeters - CDO Gent\n"
)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("webapp-data")


@pytest.fixture(scope="module")
def base_url(data_dir: Path) -> Iterator[str]:
    with serve(Settings(embedded_model="smollm2-135m", n_ctx=4096, max_answer_tokens=120, data_dir=data_dir)) as url:
        yield url


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


def test_answering_a_follow_up_redrafts_that_question(base_url: str, drafted: tuple[Any, ...]) -> None:
    concept_id = drafted[0]
    result = call(base_url, "herschrijf_10", concept_id, "in september stuurt Gent het datamodel")
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


def test_empty_notes_give_a_dutch_message(base_url: str) -> None:
    # A notice and a status line, not a failure: nothing was interrupted (no "Onderbroken", no error badge).
    result = call(base_url, "opstellen", "   ", "denhaag-2025", "")
    assert result[3].startswith("**Nog geen aantekeningen.**") and "Onderbroken" not in result[3]
    assert result[0] == {"__type__": "update"}  # no concept was started


def test_an_unreadable_upload_keeps_the_pasted_notes(base_url: str, data_dir: Path, tmp_path: Path) -> None:
    store = ConceptStore(data_dir / "concepts")
    concept = store.new(form_id="denhaag-2025", form_title="Verslag", notes="mijn notities")
    bad = tmp_path / "kapot.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    result = call(base_url, "aantekeningen_uploaden", upload(base_url, bad), concept.id, "denhaag-2025")
    assert [result[0], result[1]] == [{"__type__": "update"}] * 2  # the concept and the notes box stay as they are
    assert store.get(concept.id).notes == "mijn notities"  # type: ignore[union-attr]


def test_a_laptop_without_login_opens_the_concepts_saved_before_there_were_users(base_url: str, data_dir: Path) -> None:
    # A concept file as earlier versions wrote it: no owner.
    old = {"id": "00000000000000aa", "form_id": "denhaag-2025", "form_title": "Verslag",
           "notes": "Lissabon 2 t/m 3 oktober 2025\ndoel: bezoek aan het stadslab\n"}  # fmt: skip
    (data_dir / "concepts" / "00000000000000aa.json").write_text(json.dumps(old), encoding="utf-8")
    listed = call(base_url, "concepten_lijst")[2]["choices"]
    assert "00000000000000aa" in [value for _, value in listed]
    opened = call(base_url, "concept_openen", "00000000000000aa")
    assert opened[0] == "00000000000000aa" and opened[1].startswith("Lissabon 2 t/m 3 oktober 2025")
    # Everything else is as before a login existed: no refusal, and the local user has every role.
    settings = Settings()
    assert settings.archive_add == settings.archive_delete == "*"


OTHER_NOTES = "Aarhus 12 t/m 14 mei 2025, alleen gereisd\nvlucht naar Billund\ndoel: bezoek aan het stadslab\n"
# Positions in the drafting tab's outputs (DraftingTab.everything): the panels that belong to a concept.
UPLOAD, DOWNLOADS, SAVED, ARCHIVED, VERSIONS = -5, -4, -3, -2, -1
CHECKS, SAVE_BUTTON, PICK = 5, 6, -6


def _ids(update: dict[str, Any]) -> list[str]:
    return [value for _, value in update["choices"]]


def test_an_upload_into_a_concept_with_notes_starts_a_new_concept_and_loses_nothing(
    client: Client, base_url: str, data_dir: Path, tmp_path: Path
) -> None:
    # The loss of issue 20: notes drafted, a follow-up answered, then a file uploaded into the same concept.
    notes = NOTES.replace("Els Peeters", "Jan Claes")
    drafted = client.predict(notes, "denhaag-2025", "", api_name="/opstellen")
    first = drafted[0]
    call(base_url, "herschrijf_10", first, "in september stuurt Gent het datamodel")
    file = tmp_path / "aarhus.txt"
    file.write_text(OTHER_NOTES, encoding="utf-8")
    result = call(base_url, "aantekeningen_uploaden", upload(base_url, file), first, "denhaag-2025")
    second = result[0]
    assert second != first and result[1] == OTHER_NOTES  # the upload is a concept of its own
    assert "als nieuw concept" in result[SAVED]
    assert {first, second} <= set(_ids(result[PICK]))  # both under "Mijn concepten"
    kept = ConceptStore(data_dir / "concepts").get(first)
    assert kept is not None and kept.notes.startswith(notes) and "in september stuurt Gent" in kept.notes
    assert len(kept.answers) == 10
    assert [v.notes for v in kept.versions] == [notes]  # the notes before the reply, reopenable
    tab = uuid.uuid4().hex  # one browser tab: the version list it was shown is the one it picks from
    reopened = call(base_url, "concept_openen", first, session=tab)
    assert reopened[1] == kept.notes and _ids(reopened[VERSIONS]) == ["0"]
    restored = call(base_url, "versie_terugzetten", first, "0", session=tab)
    assert restored[1] == notes and len(_ids(restored[VERSIONS])) == 2  # the reply's notes are a version now


def test_new_report_resets_every_panel_and_reopening_restores_them(client: Client, base_url: str) -> None:
    drafted = client.predict(NOTES.replace("open data", "slimme verlichting"), "denhaag-2025", "",
                             api_name="/opstellen")  # fmt: skip
    concept_id = drafted[0]
    assert "8-uursregel" in drafted[CHECKS]
    client.predict(concept_id, api_name="/exporteren")
    new = call(base_url, "nieuw_verslag")
    assert new[0] == "" and new[1] == "" and new[4] == ""  # no concept, notes, follow-up questions
    assert new[CHECKS].startswith("_De controles verschijnen")  # not the previous trip's km and CO2
    assert new[UPLOAD] is None and new[SAVED] == "" and new[ARCHIVED] == ""
    assert new[DOWNLOADS]["value"] is None and new[DOWNLOADS]["visible"] is False  # no empty box either
    assert new[SAVE_BUTTON]["variant"] == "secondary"  # nothing to save yet
    assert _ids(new[VERSIONS]) == []
    opened = call(base_url, "concept_openen", concept_id)
    assert opened[0] == concept_id and "8-uursregel" in opened[CHECKS]
    assert sorted(Path(f["path"]).suffix for f in opened[DOWNLOADS]["value"]) == [".docx", ".md"]  # its export
    assert opened[DOWNLOADS]["visible"] is True and opened[SAVE_BUTTON]["variant"] == "primary"
    assert opened[SAVED].startswith("Concept geopend") and opened[UPLOAD] is None

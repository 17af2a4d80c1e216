"""Concepts in a real browser: an upload never replaces notes, panels follow the concept, users are kept apart.

The app runs as on a shared server behind a login proxy: each browser context sends the proxy's
headers (`X-Forwarded-User`, `X-Forwarded-Groups`). Screenshots go to test-artifacts/e2e/<test name>/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from verslaghulp.config import Settings
from verslaghulp.ui.services import Services

from .conftest import RunningApp, serving
from .pages import open_page

pytestmark = [pytest.mark.browser, pytest.mark.real_model]

NOTES = """Gent 3 t/m 4 juni 2025, alleen gereisd
met de trein heen en terug
doel: overleg open data met de stad Gent
gesproken: Els Peeters - CDO Gent
"""
UPLOADED = "Aarhus 12 t/m 14 mei 2025, alleen gereisd\nvlucht naar Billund\ndoel: bezoek aan het stadslab\n"
LONG = 300_000  # ms: the tiny model drafts ten questions in seconds, but the machine is shared
NO_CHECKS = "De controles verschijnen zodra er een verslag is."


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app behind a (pretend) login proxy; deleting from the archive is for the group archiefbeheer."""
    data = tmp_path_factory.mktemp("e2e-shared")
    settings = Settings(embedded_model="smollm2-135m", n_ctx=4096, max_answer_tokens=120, data_dir=data,
                        model_cache_dir=data / "models", trusted_user_header="X-Forwarded-User",
                        trusted_groups_header="X-Forwarded-Groups", archive_delete="@archiefbeheer")  # fmt: skip
    services = Services.from_settings(settings, eval_runs_dir=data / "eval-runs")
    with serving(settings, services) as app:
        yield app


def _page(browser: Any, app: RunningApp, user: str, groups: str = "") -> Any:
    headers = {"X-Forwarded-User": user} | ({"X-Forwarded-Groups": groups} if groups else {})
    return open_page(browser, app, headers)


def _notes(page: Any) -> Any:
    return page.get_by_label("Aantekeningen", exact=True)


def test_an_upload_never_replaces_notes_and_each_concept_keeps_its_panels(
    browser: Any, shared_app: RunningApp, shots: Any, tmp_path: Path
) -> None:
    page = _page(browser, shared_app, "anna.de.vries")
    _notes(page).fill(NOTES)
    _notes(page).press("Tab")
    page.get_by_role("button", name="Verslag opstellen", exact=True).click()
    page.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)
    page.get_by_role("heading", name=re.compile("8-uursregel")).first.wait_for()
    shots(page, "opgesteld")

    # Upload a file while the concept holds notes and a draft: it becomes a concept of its own.
    notes_file = tmp_path / "aarhus.txt"
    notes_file.write_text(UPLOADED, encoding="utf-8")
    page.locator("input[type=file]").first.set_input_files(str(notes_file))
    page.get_by_text("ingelezen als nieuw concept").wait_for(timeout=LONG)
    assert _notes(page).input_value() == UPLOADED
    page.get_by_text(NO_CHECKS).wait_for()  # not the Gent trip's checks
    assert not page.get_by_label("Antwoord op vraag 1 (bewerkbaar)", exact=True).is_visible()
    shots(page, "geupload-als-nieuw-concept")

    # Both are under "Mijn concepten"; the first opens with its notes, answers and checks.
    page.get_by_role("button", name="Mijn concepten").click()
    page.get_by_role("gridcell", name="Aarhus 12 t/m 14 mei 2025, alleen gereisd").first.wait_for()
    page.get_by_role("gridcell", name="Gent 3 t/m 4 juni 2025, alleen gereisd").first.click()
    page.get_by_role("button", name="Openen", exact=True).click()
    page.get_by_text("Concept geopend").wait_for()
    assert _notes(page).input_value() == NOTES
    assert page.get_by_label("Antwoord op vraag 1 (bewerkbaar)", exact=True).input_value() == "1 persoon"
    assert not page.get_by_text(NO_CHECKS).is_visible()
    shots(page, "eerste-concept-heropend")

    # "Nieuw verslag" clears every panel: notes, answers, checks, the saved-line.
    page.get_by_role("button", name="Nieuw verslag").click()
    page.get_by_text(NO_CHECKS).wait_for()
    assert _notes(page).input_value() == ""
    assert not page.get_by_text("Concept geopend").is_visible()
    assert not page.get_by_label("Antwoord op vraag 1 (bewerkbaar)", exact=True).is_visible()
    shots(page, "nieuw-verslag")


def test_two_officials_see_only_their_own_concepts_and_deleting_needs_the_role(
    browser: Any, shared_app: RunningApp, shots: Any
) -> None:
    anna = _page(browser, shared_app, "anna.de.vries")
    _notes(anna).fill("Lissabon 2 t/m 3 oktober 2025\ndoel: bezoek aan het stadslab\n")
    _notes(anna).press("Tab")
    anna.get_by_text("Aantekeningen automatisch bewaard").wait_for()

    anna.get_by_role("button", name="Mijn concepten").click()
    anna.get_by_role("button", name="Lijst vernieuwen").click()
    anna.get_by_role("gridcell", name="Lissabon 2 t/m 3 oktober 2025").first.wait_for()

    bert = _page(browser, shared_app, "bert.jansen")
    bert.get_by_role("button", name="Mijn concepten").click()
    bert.get_by_role("button", name="Lijst vernieuwen").click()
    bert.wait_for_timeout(1000)
    assert bert.get_by_role("gridcell", name="Lissabon 2 t/m 3 oktober 2025").count() == 0
    shots(bert, "bert-ziet-anna-niet")

    # A report in the shared archive: Bert may open it, not delete it.
    report = shared_app.services.archive().ingest_text(
        "VERSLAG BUITENLANDSE DIENSTREIS\n\nWAT WAS HET DOEL VAN DE REIS?\n\nWerkbezoek aan Praag.\n",
        name="verslag-praag.txt",
    )
    bert.get_by_role("tab", name="Archief").click()
    bert.get_by_role("gridcell", name="verslag-praag.txt").first.click()
    bert.get_by_role("button", name="Verwijderen").click()
    bert.get_by_text("U mag geen verslagen uit het archief verwijderen").first.wait_for()
    assert not bert.get_by_text("Weet u zeker dat u").is_visible()
    shots(bert, "verwijderen-geweigerd")
    assert shared_app.services.archive().get_report(str(report.report_id)) is not None


def test_notes_replaced_by_a_paste_come_back_from_the_versions_without_a_refresh(
    browser: Any, shared_app: RunningApp, shots: Any
) -> None:
    page = _page(browser, shared_app, "carla.smit")
    _notes(page).fill(NOTES)
    _notes(page).press("Tab")
    page.get_by_text("Aantekeningen automatisch bewaard").wait_for()
    # Select all and paste something else: the notes that were there are kept as a version, listed at once.
    _notes(page).fill("iets heel anders")
    _notes(page).press("Tab")
    page.get_by_role("button", name="Mijn concepten").click()
    picker = page.get_by_label("Eerdere versies van de aantekeningen van dit concept")
    expect(picker).to_be_visible()
    picker.click()
    page.get_by_role("option", name=re.compile(r"\(getypt, \d+ tekens\): Gent 3 t.m 4 juni 2025")).click()
    shots(page, "versie-gekozen")
    page.get_by_role("button", name="Versie terugzetten").click()
    page.get_by_text("Versie teruggezet om").first.wait_for()
    expect(_notes(page)).to_have_value(NOTES)
    # The pasted text is not lost either: it is a version now.
    picker.click()
    page.get_by_role("option", name=re.compile(r"iets heel anders")).first.wait_for()
    shots(page, "versie-teruggezet")

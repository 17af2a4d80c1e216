"""One server, several officials: the real app behind a login proxy, driven with two (and three) identities.

The proxy is played by the headers each client sends (`X-Forwarded-User`, `X-Forwarded-Groups`),
which the settings trust. Public endpoints are called with gradio_client, hidden ones the way the
page (or a script) can still call them: by name over HTTP (`page_calls`). The model is the fake one
(these tests are about who may do what, not about wording); the archive is real (Chroma and e5).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file

from verslaghulp.audit import audit_path
from verslaghulp.concepts import ConceptStore
from verslaghulp.config import Settings
from verslaghulp.ui.app import PUBLIC_API

from .page_calls import PageError, call, serve

ANNA = {"X-Forwarded-User": "anna.de.vries"}
BERT = {"X-Forwarded-User": "bert.jansen"}
CARLA = {"X-Forwarded-User": "carla.smit", "X-Forwarded-Groups": "medewerkers, archiefbeheer"}
NOTES_A = "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein heen en terug\ndoel: overleg open data\n"
NOTES_B = "Aarhus 12 t/m 14 mei 2025, met z'n tweeën\nvlucht naar Billund\ndoel: bezoek aan het stadslab\n"
REFUSED = "van een andere gebruiker"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data = tmp_path_factory.mktemp("shared-server")
    return Settings(backend="fake", data_dir=data, trusted_user_header="X-Forwarded-User",
                    trusted_groups_header="X-Forwarded-Groups", archive_add="anna.de.vries, @archiefbeheer",
                    archive_delete="@archiefbeheer")  # fmt: skip


@pytest.fixture(scope="module")
def url(settings: Settings) -> Iterator[str]:
    with serve(settings) as address:
        yield address


@pytest.fixture(scope="module")
def drafted(url: str) -> dict[str, str]:
    """Anna and Bert each draft a report; their concept ids."""
    ids = {}
    for name, headers, notes in (("anna", ANNA, NOTES_A), ("bert", BERT, NOTES_B)):
        result = Client(f"{url}/", headers=headers, verbose=False).predict(notes, "denhaag-2025", "",
                                                                          api_name="/opstellen")  # fmt: skip
        ids[name] = result[0]
    return ids


def _picker_ids(update: dict[str, Any]) -> list[str]:
    """The ids a dropdown update offers (its choices are [label, id] pairs)."""
    return [choice[1] for choice in update["choices"]]


def _audit(settings: Settings, kind: str) -> list[dict[str, Any]]:
    lines = audit_path(settings).read_text(encoding="utf-8").splitlines()
    return [entry for entry in map(json.loads, lines) if entry["kind"] == kind]


def test_only_the_endpoints_meant_for_scripts_are_in_the_api(url: str) -> None:
    api = Client(f"{url}/", headers=ANNA, verbose=False).view_api(return_format="dict", print_info=False)
    assert set(api["named_endpoints"]) == {f"/{name}" for name in PUBLIC_API}
    assert api["unnamed_endpoints"] == {}
    with pytest.raises(ValueError, match="Cannot find a function"):  # gradio_client will not call a hidden one
        Client(f"{url}/", headers=ANNA, verbose=False).predict("", "x", api_name="/herschrijf_1")


def test_each_user_lists_only_their_own_concepts(url: str, drafted: dict[str, str], settings: Settings) -> None:
    for user, headers in (("anna", ANNA), ("bert", BERT)):
        ids = _picker_ids(call(url, "concepten_lijst", headers=headers)[2])
        other = "bert" if user == "anna" else "anna"
        assert drafted[user] in ids and drafted[other] not in ids
    # On disk each user has a folder of their own; the local user's (laptop) folder stays empty.
    store = ConceptStore.from_settings(settings)
    assert store.list() == []
    assert [c.id for c in store.of("anna.de.vries").list()] == [drafted["anna"]]


def test_another_users_concept_cannot_be_opened_or_continued(
    url: str, drafted: dict[str, str], settings: Settings
) -> None:
    anna_id = drafted["anna"]
    before = ConceptStore.from_settings(settings).of("anna.de.vries").get(anna_id)
    attempts = [
        ("concept_openen", (anna_id,)),  # "Mijn concepten" > Openen, with Anna's id
        ("opstellen", (NOTES_B, "denhaag-2025", anna_id)),  # draft into it
        ("herschrijf_10", (anna_id, "in september volgt een verslag")),  # answer a follow-up in it
        ("aantekeningen_bewaren", (anna_id, "overschreven", "denhaag-2025")),  # autosave into it
        ("exporteren", (anna_id,)),  # download it
        ("opslaan_in_archief", (anna_id,)),  # store it in the archive as Bert
    ]
    for name, data in attempts:
        if name == "opslaan_in_archief":  # answered next to the button, not as an error
            message = call(url, name, *data, headers=BERT)[0]
            assert REFUSED in message, name
            continue
        with pytest.raises(PageError, match=REFUSED):
            call(url, name, *data, headers=BERT)
    after = ConceptStore.from_settings(settings).of("anna.de.vries").get(anna_id)
    assert before is not None and after is not None
    assert after.notes == NOTES_A and after.answers == before.answers and after.archived is None
    refused = [e for e in _audit(settings, "concept_refused") if e["target"] == anna_id]
    assert len(refused) >= len(attempts) and {e["user"] for e in refused} == {"bert.jansen"}
    assert all(e["detail"] == "concept van een andere gebruiker" for e in refused)


def test_a_browser_that_remembers_another_users_concept_opens_nothing(url: str, drafted: dict[str, str]) -> None:
    # A shared computer: Anna's concept id is still in the browser's storage when Bert logs in.
    result = call(url, "concept_herstellen", drafted["anna"], headers=BERT)
    assert result[0] == "" and result[1] == ""  # no concept, empty notes
    assert REFUSED in result[-3]  # the saved-line says why


def test_without_the_proxys_user_name_no_concept_is_opened_or_saved(url: str, drafted: dict[str, str]) -> None:
    for name, data in (("opstellen", (NOTES_A, "denhaag-2025", "")), ("concepten_lijst", ())):
        with pytest.raises(PageError, match="niet aangemeld"):
            call(url, name, *data)


def test_archive_roles_apply_to_the_page_and_the_api(url: str, settings: Settings, tmp_path: Path) -> None:
    report = tmp_path / "verslag-praag.txt"
    report.write_text(
        "VERSLAG BUITENLANDSE DIENSTREIS\n\nHOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n\n2 personen\n\n"
        "HOELANG DUURDE DE REIS?\n\n2 dagen: 8 en 9 mei 2023\n\nWAT WAS HET DOEL VAN DE REIS?\n\n"
        "Werkbezoek aan Praag over slimme straatverlichting.\n",
        encoding="utf-8",
    )
    anna, bert, carla = (Client(f"{url}/", headers=h, verbose=False) for h in (ANNA, BERT, CARLA))
    # Adding: Anna is named in archive_add, Bert is not.
    with pytest.raises(Exception, match="U mag geen verslagen aan het archief toevoegen"):
        bert.predict([handle_file(str(report))], api_name="/archief_toevoegen")
    added = anna.predict([handle_file(str(report))], api_name="/archief_toevoegen")
    assert added[0].startswith("Klaar: 1 bestand")
    report_id = _picker_ids(added[3])[0]
    # Everyone may search.
    found = bert.predict("straatverlichting", "", "", "", "", None, True, api_name="/archief_zoeken")
    assert report_id in _picker_ids(found[2])
    # Deleting: only the group archiefbeheer. Not Anna, neither through the API nor through the page.
    with pytest.raises(Exception, match="U mag geen verslagen uit het archief verwijderen"):
        anna.predict(report_id, api_name="/archief_verwijderen")
    for step in ("archief_verwijderen_vragen", "archief_verwijderen"):  # the "Verwijderen" button, the confirm
        with pytest.raises(PageError, match="U mag geen verslagen uit het archief verwijderen"):
            call(url, step, report_id, headers=ANNA)
    assert report_id in _picker_ids(anna.predict(api_name="/archief_lijst")[2])
    deleted = carla.predict(report_id, api_name="/archief_verwijderen")
    assert deleted[0] == "Het verslag is verwijderd." and report_id not in _picker_ids(deleted[2])
    # The audit log: who added, who was refused, who deleted what.
    assert [(e["user"], e["target"]) for e in _audit(settings, "archive_add")] == [("anna.de.vries", report_id)]
    refused = _audit(settings, "archive_refused")
    assert {(e["user"], e["detail"]) for e in refused} == {
        ("bert.jansen", "verslagen aan het archief toevoegen"),
        ("anna.de.vries", "verslagen uit het archief verwijderen"),
    }
    assert [e["target"] for e in refused if e["user"] == "anna.de.vries"] == [report_id] * 3
    deletions = _audit(settings, "archive_delete")
    assert [(e["user"], e["target"]) for e in deletions] == [("carla.smit", report_id)]
    assert deletions[0]["detail"] and deletions[0]["at"]

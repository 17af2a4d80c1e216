"""List items fixed by code, "Nee" only by code, and the nothing-lost check of every answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.items import is_negation, trip_cities, units_for
from verslaghulp.drafting.omissions import lost_facts
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import AnswerKind, load_form
from verslaghulp.report.notes import parse_notes

NOTES = """Wenen - CGCC najaarsmeeting
ma 13 t/m wo 15 okt 2025
mee: Femke de Groot (strategisch adviseur)
heen Nightjet Utrecht -> Wien Hbf, terug vlucht Austrian
gesproken met Anna Kowalski (CDO Warschau) en Siobhán Kelly - Head of Digital Services Dublin City Council
vervolg:
- Anna stuurt het evaluatierapport voor 1 december
- teams-call plannen in nov
"""


def _always(reply_items: str) -> Any:
    def responder(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
        props = (schema or {}).get("properties", {})
        if "punten" in props:
            return json.dumps({"punten": [reply_items] * props["punten"].get("minItems", 1)})
        return json.dumps({"tekst": reply_items})

    return responder


def test_a_follow_up_with_agreements_is_never_answered_no() -> None:
    # The small model answers "Nee" to everything: code keeps one item per agreement line instead.
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=_always("Nee")), Settings())
    vervolg = draft.answer("vervolg")
    assert vervolg.text.strip() != "Nee."
    assert "evaluatierapport" in vervolg.text and "teams-call" in vervolg.text


def test_no_follow_up_is_answered_no_by_code() -> None:
    notes = "Gent 3 juni 2025\ndoel: open data\nvervolg: geen vervolgafspraken\n"
    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(), Settings())
    vervolg = draft.answer("vervolg")
    assert vervolg.text == "Nee." and vervolg.written_by.value == "code"
    assert [s.number for s in vervolg.support] == [3]


def test_negations_are_short_lines_that_only_say_no() -> None:
    assert is_negation("geen vervolgafspraken")
    assert is_negation("no follow-up agreed")
    assert not is_negation("geen vervolg met Madrid, maar Lars stuurt de voorwaarden")


def test_people_met_get_one_item_per_person_and_fellow_travellers_none() -> None:
    notes = parse_notes(NOTES)
    form = load_form("denhaag-2025")
    lines = [notes.line(3), notes.line(5)]
    units = units_for(form.question("ontmoet"), lines, notes)
    assert [u.person for u in units] == ["Anna Kowalski", "Siobhán Kelly"]


def test_the_trip_city_comes_with_its_country() -> None:
    notes = parse_notes(NOTES)
    assert [city for city, _ in trip_cities(notes, [])] == ["Wenen (Oostenrijk)"]


def test_the_trip_city_is_written_in_dutch_whatever_the_notes_language() -> None:
    notes = parse_notes("Paris, VivaTech 2025\nflight AMS-CDG, back by Thalys\nmet Sophie at Station F in Paris")
    assert [city for city, _ in trip_cities(notes, [])] == ["Parijs (Frankrijk)"]
    # A city without a Dutch name keeps the notes' spelling.
    notes = parse_notes("Sant Cugat - bezoek\nrondleiding door het stadhuis van Sant Cugat")
    assert [city for city, _ in trip_cities(notes, [])] == ["Sant Cugat (Spanje)"]


def test_a_dropped_name_or_date_is_listed_as_missing() -> None:
    notes = parse_notes("Kopenhagen\n- Anna stuurt het evaluatierapport voor 1 december")
    line = notes.line(2)
    lost = lost_facts("Er wordt een evaluatierapport gestuurd.", [line], AnswerKind.LIST, notes.facts, ignore=set())
    assert {m.text for m in lost} >= {"1 december"} and {m.line for m in lost} == {2}
    kept = lost_facts(
        "Anna stuurt het evaluatierapport uiterlijk 1/12.", [line], AnswerKind.LIST, notes.facts, ignore=set()
    )
    assert not kept  # the same date in other words is kept


def test_a_city_in_another_language_counts_as_kept() -> None:
    notes = parse_notes("ochtend bij Wien Digital in Wien")
    assert not lost_facts("- Wien Digital in Wenen", notes.lines, AnswerKind.PLACES, notes.facts, ignore=set())


def test_fellow_travellers_are_not_asked_back_under_people_met() -> None:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), Settings())
    ontmoet = draft.answer("ontmoet")
    assert "Femke" not in ontmoet.text
    assert not any("Femke" in m.text for m in ontmoet.missing)


def test_every_note_line_is_used_or_listed() -> None:
    notes = NOTES + "hotel was ver van het centrum, niet weer boeken\n"
    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(), Settings())
    used = {s.number for a in draft.answers for s in a.support} | {s.number for s in draft.meta.unused_lines}
    content = {line.number for line in parse_notes(notes).lines if line.text != "vervolg:"}
    assert content <= used


def test_a_fact_another_answer_carries_is_not_listed_as_lost() -> None:
    # The title line selected for the purpose holds the trip's dates: the dates answer carries them.
    notes = "Helsinki Eurocities Digital Forum 14-16 oktober 2025\ndoel: kennis over algoritmeregisters\n"
    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(responder=_always("Kennis delen")), Settings())
    lost = [m.text for a in draft.answers for m in a.missing]
    assert not any("oktober" in t or t in {"14", "16", "2025"} for t in lost), lost


EVAL_FORMS = Path(__file__).resolve().parents[3] / "eval" / "forms"
# A form whose party question is a list of people (Eindhoven's "Deelnemers"), as another municipality writes it.
PARTY_NOTES = """München 23/9 - 25/9/2025, Smart City Forum Bayern
met de elektrische dienstauto, 720 km enkele reis, samen met Maartje Kuipers (programmamanager energie)
gesproken met Stefan Huber - Referent Smart City, Landeshauptstadt München
"""


def _person_met_for_everything(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
    # The small model's habit: whatever the list question, it lists the first person met.
    props = (schema or {}).get("properties", {})
    if "punten" in props:
        n = props["punten"].get("minItems", 1)
        return json.dumps({"punten": ["Stefan Huber – Referent Smart City, Landeshauptstadt München"] * n})
    return json.dumps({"tekst": "Een antwoord."})


def test_an_item_about_someone_else_falls_back_to_its_person() -> None:
    draft = draft_report(
        PARTY_NOTES,
        load_form("eindhoven-2025", (EVAL_FORMS,)),
        FakeChatModel(responder=_person_met_for_everything),
        Settings(),
    )
    party = draft.answer("deelnemers")
    assert party.status.value == "beantwoord"
    assert "Maartje Kuipers (programmamanager energie)" in party.text
    assert "Stefan Huber" not in party.text  # met, not travelled
    assert "720 km" not in party.text  # the rest of the line is about the journey
    assert any(c.label == "letterlijk overgenomen" for c in party.computed)


def test_a_solo_trip_answers_the_party_list_by_code() -> None:
    notes = "Web Summit Lissabon, ma 10/11 t/m do 13/11/2025, alleen\ngesproken met Rui Carvalho (CIO Lisboa)\n"
    model = FakeChatModel(responder=_person_met_for_everything)
    party = draft_report(notes, load_form("eindhoven-2025", (EVAL_FORMS,)), model, Settings()).answer("deelnemers")
    assert party.written_by.value == "code"
    assert "de indiener reisde alleen" in party.text
    assert [s.number for s in party.support] == [1]  # the line the count of one was read from
    assert party.computed and "1" in party.computed[0].how


def test_an_item_answered_ja_keeps_its_line() -> None:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=_always("Ja")), Settings())
    vervolg = draft.answer("vervolg")
    assert "evaluatierapport" in vervolg.text and "teams-call" in vervolg.text
    assert "- Ja" not in vervolg.text


def _short_items(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
    # Items that keep the gist but drop the line's date and name ("voor 1 december", "Anna").
    props = (schema or {}).get("properties", {})
    if "punten" in props:
        return json.dumps({"punten": ["Er komt een rapport."] * props["punten"].get("minItems", 1)})
    return json.dumps({"tekst": "Een antwoord."})


def test_an_item_that_drops_its_lines_facts_gives_way_to_the_line() -> None:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=_short_items), Settings())
    vervolg = draft.answer("vervolg")
    assert "Anna stuurt het evaluatierapport voor 1 december" in vervolg.text


def test_an_english_line_stays_worded_in_dutch_and_its_losses_are_listed() -> None:
    notes = "Dublin trip 3 June 2025\nfollow-up: Siobhan Kelly will send the tender documents before 1 July\n"
    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(responder=_short_items), Settings())
    vervolg = draft.answer("vervolg")
    assert "Er komt een rapport." in vervolg.text  # not the English line pasted into the report
    # Listed by its capitals; the first name opens the line after the label, so only "Kelly" is sure.
    assert any("Kelly" in m.text for m in vervolg.missing)
    assert any(m.text == "1 July" for m in vervolg.missing)


def test_a_line_naming_several_places_gives_an_item_for_each() -> None:
    notes = "Antwerpen havenbezoek 4 maart 2025\nbezocht: Havenhuis en de sluis bij Zandvliet, daarna Berendrecht\n"

    def one_place(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
        props = (schema or {}).get("properties", {})
        if "punten" in props:
            return json.dumps({"punten": ["Havenhuis"] * props["punten"].get("minItems", 1)})
        return json.dumps({"tekst": "Een antwoord."})

    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(responder=one_place), Settings())
    places = draft.answer("locaties").text
    assert "Havenhuis" in places and "Zandvliet" in places and "Berendrecht" in places

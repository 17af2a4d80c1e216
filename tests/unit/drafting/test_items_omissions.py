"""List items fixed by code, "Nee" only by code, and the nothing-lost check of every answer."""

from __future__ import annotations

import json
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

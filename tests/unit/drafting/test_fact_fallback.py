"""The model as a checked second opinion: its reading is used only when code finds it in the named line."""

from __future__ import annotations

import json

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.fact_fallback import (
    CHECKED,
    PeriodReading,
    TransportReading,
    TravellersReading,
    check_reading,
)
from verslaghulp.facts.verify import count_supported, numbers_in
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import AnswerKind, load_form
from verslaghulp.report.model import AnswerStatus
from verslaghulp.report.notes import parse_notes

# Code reads none of these three facts: no count pattern, no date it can pair, no mode word it knows.
NOTES = """Werkbezoek Lyon
Daan reed en Femke de Groot navigeerde; zelf sliep ik de hele weg
we vertrokken op 12 maart 2025 en bleven 3 dagen
doel: kennisdeling over slimme mobiliteit
"""


def _reply(kind: str) -> str:
    return {
        "aantal": json.dumps({"regel": 2, "aantal": 3}),
        "dagen": json.dumps({"regel": 3, "vertrekdatum": "2025-03-12", "dagen": 3}),
    }[kind]


def test_a_reading_whose_line_holds_the_value_is_used_and_marked() -> None:
    notes = parse_notes(NOTES)
    answer = check_reading(AnswerKind.COUNT, TravellersReading(regel=2, aantal=3), notes)
    assert answer is not None and answer.text == "3 personen"
    assert [line.number for line in answer.support] == [2]
    assert answer.computed[0].label == CHECKED


def test_a_reading_that_names_a_line_without_the_value_is_rejected() -> None:
    notes = parse_notes(NOTES)
    assert check_reading(AnswerKind.COUNT, TravellersReading(regel=4, aantal=3), notes) is None
    assert check_reading(AnswerKind.COUNT, TravellersReading(regel=2, aantal=5), notes) is None
    assert check_reading(AnswerKind.DATES, PeriodReading(regel=1, vertrekdatum="2025-03-12", dagen=3), notes) is None
    assert check_reading(AnswerKind.TRANSPORT, TransportReading(regel=2, vervoer="trein"), notes) is None
    assert check_reading(AnswerKind.COUNT, TravellersReading(regel=0, aantal=0), notes) is None
    assert check_reading(AnswerKind.COUNT, TravellersReading(regel=99, aantal=3), notes) is None


def test_the_period_from_the_model_is_computed_by_code() -> None:
    answer = check_reading(
        AnswerKind.DATES, PeriodReading(regel=3, vertrekdatum="2025-03-12", dagen=3), parse_notes(NOTES)
    )
    assert answer is not None
    assert answer.text == "3 dagen: van woensdag 12 maart t/m vrijdag 14 maart 2025"


def test_in_a_draft_the_verified_reading_answers_and_the_rest_stays_open() -> None:
    def responder(messages, schema):  # type: ignore[no-untyped-def]
        props = (schema or {}).get("properties", {})
        if "aantal" in props:
            return _reply("aantal")
        if "vertrekdatum" in props:
            return json.dumps({"regel": 1, "vertrekdatum": "2025-03-12", "dagen": 3})  # wrong line: rejected
        if "vervoer" in props:
            return json.dumps({"regel": 2, "vervoer": "auto"})  # "reed" is no mode word code knows: rejected
        from verslaghulp.llm.fake import grounded_reply

        return grounded_reply(messages, schema)

    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=responder), Settings())
    personen = draft.answer("personen")
    assert personen.text == "3 personen" and personen.computed[0].label == CHECKED
    assert draft.answer("vervoer").status is AnswerStatus.NIET_VERMELD


def test_the_fallback_can_be_turned_off() -> None:
    model = FakeChatModel(responder=lambda m, s: _reply("aantal"))
    settings = Settings(fact_fallback=False)
    draft = draft_report(
        "Lyon\nDaan reed en Femke de Groot navigeerde; zelf sliep ik de hele weg\n",
        load_form("denhaag-2019"),
        model,
        settings,
    )
    assert draft.answer("personen").status is AnswerStatus.NIET_VERMELD


def test_counts_are_read_as_digits_words_or_named_people() -> None:
    assert numbers_in("met z'n drieën, 4 dagen") >= {3, 4}
    assert count_supported("we were four", 4)
    assert count_supported("Daan reed, verder Femke de Groot en ik", 3)
    assert not count_supported("Daan reed, verder Femke de Groot en ik", 4)

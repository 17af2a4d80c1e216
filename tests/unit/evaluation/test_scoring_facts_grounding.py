from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from verslaghulp.evaluation.scoring.facts import (
    co2_within_tolerance,
    flight_justification_correct,
    period_correct,
    stated_count,
    transport_modes_correct,
    travellers_correct,
)
from verslaghulp.evaluation.scoring.grounding import unflagged_unsupported, unsupported_fact_rate, visible_claims
from verslaghulp.evaluation.sets import DraftingCase, ExpectedCO2, ExpectedLeg, ExpectedPeriod
from verslaghulp.report.forms import Form
from verslaghulp.report.model import NOT_MENTIONED_TEXT, AnswerStatus, ComputedFact, ReportDraft, WrittenBy

Drafted = Callable[[str], tuple[ReportDraft, Form, DraftingCase]]


@pytest.mark.parametrize(("text", "count"), [("3 personen", 3), ("drie personen", 3), ("1 persoon", 1), ("-", None)])
def test_stated_count(text: str, count: int | None) -> None:
    assert stated_count(text) == count


def test_travellers(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    draft.answer("personen").text = "2 personen"
    assert travellers_correct(draft, form, 2).value == 1.0
    assert travellers_correct(draft, form, 3).detail == ["expected 3, got 2 ('2 personen')"]
    assert travellers_correct(draft, form, None).value is None
    draft.answer("personen").status = AnswerStatus.NIET_VERMELD
    assert travellers_correct(draft, form, 2).value == 0.0


def test_period_accepts_the_calendar_or_the_stated_day_count(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    expected = ExpectedPeriod(start=dt.date(2025, 4, 27), end=dt.date(2025, 4, 29), days=3, days_stated=2.5)
    draft.answer("duur").text = "3 dagen: van zondag 27 april t/m dinsdag 29 april 2025"
    assert period_correct(draft, form, expected).value == 1.0
    draft.answer("duur").text = "2,5 dag: van zondag 27 april t/m dinsdag 29 april 2025"
    assert period_correct(draft, form, expected).value == 1.0
    draft.answer("duur").text = "4 dagen: van zondag 27 april t/m dinsdag 29 april 2025"
    assert period_correct(draft, form, expected).value == 0.0
    draft.answer("duur").text = "3 dagen: van 28 t/m 30 april 2025"
    assert "expected 2025-04-27 - 2025-04-29" in period_correct(draft, form, expected).detail[0]


def test_co2_from_computed_facts_else_from_the_text(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    answer = draft.answer("kilometers_co2")
    answer.computed = [
        ComputedFact(label="CO2 vliegtuig", value="375 kg CO2-equivalent", how="x"),
        ComputedFact(label="CO2 bus", value="10 kg CO2-equivalent", how="x"),
        ComputedFact(label="CO2 reisgezelschap", value="770 kg", how="x"),
    ]
    assert co2_within_tolerance(draft, form, ExpectedCO2(value=404, tolerance_pct=10)).value == 1.0
    assert co2_within_tolerance(draft, form, ExpectedCO2(value=404, tolerance_pct=1)).value == 0.0
    answer.computed = []
    answer.text = "1918 km met vliegtuig (retour), ca. 404 kg CO2-equivalent per persoon; samen ca. 808 kg"
    assert co2_within_tolerance(draft, form, ExpectedCO2(value=404, tolerance_pct=5)).value == 1.0


def test_flight_rule(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    answer = draft.answer("vliegtuig_toelichting")
    answer.text, answer.status = "Nvt (treinreis naar Wenen duurt ca. 12,5 uur).", AnswerStatus.BEANTWOORD
    assert flight_justification_correct(draft, form, False).value == 1.0
    assert flight_justification_correct(draft, form, True).value == 0.0
    answer.text, answer.status = NOT_MENTIONED_TEXT, AnswerStatus.NIET_VERMELD
    assert flight_justification_correct(draft, form, True).value == 1.0
    _, form_2019, _ = drafted("lyon-2021-geen-vervolg")
    assert flight_justification_correct(draft, form_2019, True).value is None


def test_transport_modes(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    draft.answer("vervoer").text = "Vliegtuig en bus"
    legs = [ExpectedLeg(mode="vliegtuig"), ExpectedLeg(mode="bus")]
    assert transport_modes_correct(draft, form, legs).value == 1.0
    draft.answer("vervoer").text = "Vliegtuig, trein en bus"
    assert transport_modes_correct(draft, form, legs).value == 0.0


NOTES = "Gent open data bezoek\ngesproken met Els Peeters, data officer stad Gent\n"


def _model_answer(draft: ReportDraft, text: str) -> None:
    answer = draft.answer("ontmoet")
    answer.text, answer.status, answer.written_by, answer.computed = text, AnswerStatus.BEANTWOORD, WrittenBy.MODEL, []


def test_an_invented_name_left_in_plain_text_is_counted(drafted: Drafted) -> None:
    draft, _, _ = drafted("keulen-drie-regels")
    draft.answers = [draft.answer("ontmoet")]
    _model_answer(draft, "- Els Peeters – data officer bij de stad Gent\n- Jan Janssens – wethouder van Gent")
    result = unflagged_unsupported(draft, NOTES)
    assert result.value == 1
    assert "Jan Janssens" in result.detail[0]


def test_flagged_or_removed_inventions_are_not_counted(drafted: Drafted) -> None:
    draft, _, _ = drafted("keulen-drie-regels")
    draft.answers = [draft.answer("ontmoet")]
    flagged = (
        "- Els Peeters – data officer bij de stad Gent\n- ⟦Jan Janssens⟧ – wethouder van Gent\n\n"
        "Controleer (niet gevonden in de aantekeningen):\n⟦Jan Janssens⟧: deze naam staat niet in de aantekeningen"
    )
    _model_answer(draft, flagged)
    assert visible_claims(flagged).startswith("- Els Peeters")
    assert "Jan" not in visible_claims(flagged)
    assert unflagged_unsupported(draft, NOTES).value == 0
    _model_answer(draft, "- Els Peeters – data officer bij de stad Gent")
    assert unflagged_unsupported(draft, NOTES).value == 0


def test_unsupported_rate_reads_the_drafts_own_check(drafted: Drafted) -> None:
    draft, _, case = drafted("wenen-cgcc-vlucht")
    assert draft.grounding is not None
    rate = unsupported_fact_rate(draft, case.notes)
    assert rate.den == sum(len(a.facts) for a in draft.grounding.answers)
    assert rate.num == len(draft.grounding.unsupported)
    draft.grounding = None  # a pipeline without the check: the scorer checks itself
    assert unsupported_fact_rate(draft, case.notes).den > 0

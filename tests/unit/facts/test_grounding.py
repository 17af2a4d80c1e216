"""Grounding check and the flag/remove policy on small hand-made drafts."""

from __future__ import annotations

from dataclasses import dataclass

from verslaghulp.facts.grounding import check_answer, check_grounding
from verslaghulp.facts.grounding_model import FactKind, FactStatus, GroundingReport
from verslaghulp.facts.notes_index import build_index
from verslaghulp.facts.plain_draft import PlainAnswer as A
from verslaghulp.facts.plain_draft import PlainDraft as D
from verslaghulp.facts.policy import apply_policy

NOTES = """Werkbezoek Gent 4-5 apr 2024, met z'n drieën
trein NS International Den Haag - Gent v.v.
gesproken: Bart Rosseau (Chief Data Officer, gemeente Gent)
Gent heeft 40 sensoren in de haven
vervolg: Bart stuurt ons hun datastrategie
"""


@dataclass
class C:
    label: str
    value: str
    how: str


def check(*answers: A) -> GroundingReport:
    return check_grounding(D(list(answers)), NOTES)


def test_paraphrase_passes() -> None:
    report = check(
        A("personen", "Drie personen"),
        A("duur", "2 dagen, van 4 t/m 5 april 2024"),
        A("ontmoet", "Bart Rosseau – Chief Data Officer bij de gemeente Gent"),
        A("opbrengst", "Inzicht in de veertig sensoren in de haven van Gent."),
        A("vervolg", "Bart Rosseau stuurt de datastrategie van Gent."),
    )
    assert report.unsupported == []
    assert report.score == 1.0
    days = [f for f in report.for_question("duur").facts if f.text == "2"]  # type: ignore[union-attr]
    assert days and days[0].status is FactStatus.COMPUTED and "dagen" in (days[0].how or "")


def test_inventions_are_flagged_with_spans() -> None:
    text = "Bart Rosseau sprak op 6 april over 55 sensoren; Gent organiseert in juni een hackathon voor Den Haag."
    report = check(A("opbrengst", text))
    kinds = {u.kind for u in report.unsupported}
    assert {FactKind.DATE, FactKind.NUMBER} <= kinds
    for u in report.unsupported:
        assert text[u.start : u.end] == u.text and u.reason


def test_code_answers_with_computed_numbers() -> None:
    answer = A("kilometers_co2", "ca. 310 km met trein (retour), ca. 11 kg CO2-equivalent.", "code",
               [C("kilometers trein", "310 km", "schatting"), C("CO2 trein", "11 kg", "310 x 0,035")])  # fmt: skip
    report = check(answer)
    assert report.ok
    assert {f.status for f in report.answers[0].facts if f.kind is FactKind.NUMBER} == {FactStatus.COMPUTED}


def test_wrong_role_next_to_the_right_name() -> None:
    report = check(A("ontmoet", "Bart Rosseau – CEO bij de gemeente Gent"))
    assert FactKind.ROLE in {u.kind for u in report.unsupported}


def test_flag_and_remove_policies() -> None:
    answers = [A("vervolg", "Bart stuurt de datastrategie.\nGent betaalt 5000 euro voor het vervolg.")]
    report = check_grounding(D(answers), NOTES)
    flagged = apply_policy(answers, report, "flag")["vervolg"]
    assert "⟦Gent betaalt 5000 euro" in flagged and "niet gevonden in de aantekeningen" in flagged
    removed = apply_policy(answers, report, "remove")["vervolg"]
    assert removed == "Bart stuurt de datastrategie."


def test_report_round_trips_as_json() -> None:
    report = check(A("opbrengst", "Gent heeft 41 sensoren."))
    again = GroundingReport.model_validate_json(report.model_dump_json())
    assert again.unsupported == report.unsupported and again.score == report.score < 1.0


def test_a_generic_claim_beside_a_flagged_fact_is_flagged_too() -> None:
    # The reader sees "⟦Bram Peeters – team data bij de gemeente Eindhoven⟧ (medewerker en bestuurder van de
    # gemeente)": the bracket came from the question's guidance and needs its own mark.
    notes = "Gent, di 27 jan 2026, dagje met de trein\nmee: Bram Peeters, Iris Wouters (team data)"
    answer = "- Bram Peeters – team data bij de gemeente Eindhoven (medewerker en bestuurder van de gemeente)"
    found = check_answer("deelnemers", answer, build_index(notes), context="Deelnemers")
    kinds = {(u.kind, u.text) for u in found.unsupported}
    assert (FactKind.CLAIM, "(medewerker en bestuurder van de gemeente)") in kinds
    assert (FactKind.PLACE, "Eindhoven") in kinds
    # A unit whose only words beside the flagged fact are in the notes is no generic claim.
    plain = check_answer("deelnemers", "- Bram Peeters uit Eindhoven (team data)", build_index(notes))
    assert [u.kind for u in plain.unsupported] == [FactKind.PLACE]

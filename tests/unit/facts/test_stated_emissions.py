"""A CO2 figure the notes give for the trip is kept as the answer's figure; other CO2 figures are not the trip's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts.distances import stated_emissions
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.facts.notes_index import build_index
from verslaghulp.facts.quantities import extract_emissions
from verslaghulp.facts.transport import Mode


@settings(max_examples=150, deadline=None)
@given(
    kg=st.integers(20, 4000),
    unit=st.sampled_from(["kg", "kilo", "kilogram", "ton", "t"]),
    template=st.sampled_from(
        [
            "{n} {u} CO2",
            "CO2: {n} {u}",
            "co2-uitstoot ca. {n} {u}",
            "uitstoot {n}{u} (volgens de calculator)",
            "emissions approx. {n} {u} per person",
            "carbon footprint {n} {u}",
            "volgens de co2-calculator van het reisbureau ca {n} {u}",
            "{n} {u} CO₂-eq",
        ]
    ),
    before=st.sampled_from(["", "vlucht KLM retour; ", "- ", "NB "]),
)
def test_a_stated_co2_mass_is_read_in_any_wording(kg: int, unit: str, template: str, before: str) -> None:
    tonnes = unit in ("ton", "t")
    written = f"{kg / 1000:g}".replace(".", ",") if tonnes else str(kg)
    text = before + template.format(n=written, u=unit)
    found = extract_emissions(text)
    assert [round(q.value) for q in found] == [kg], text


@pytest.mark.parametrize(
    "text",
    ["koffer 23 kg; co2 weet ik niet", "20 kg bagage", "koffer 23 kg. CO2 onbekend", "uitstoot: zie bijlage; 40 kg"],
)
def test_a_mass_without_an_emission_word_in_its_clause_is_no_emission(text: str) -> None:
    assert extract_emissions(text) == []


def test_only_figures_on_a_line_about_the_journey_are_the_trips() -> None:
    notes = (
        "Kopenhagen, klimaatbezoek\n"
        "vlucht KLM AMS-CPH retour, 2 x 620 km, volgens calculator ca 380 kg CO2\n"
        "de haven bespaart 20.000 ton CO2 per jaar\n"
        "Nordhavn: per woning 300 kg CO2 minder\n"
        "co2 reis: 0,4 ton\n"
    )
    found = stated_emissions(read_notes_facts(notes))
    assert [(f.kg, f.mode) for f in found] == [(380.0, Mode.VLIEGTUIG)]
    # A line chosen for the kilometres question is the trip's even without a leg or a distance on it.
    chosen = stated_emissions(read_notes_facts(notes), ["co2 reis: 0,4 ton"])
    assert [f.kg for f in chosen] == [380.0, 400.0]


def test_the_notes_figure_is_the_answer_and_codes_own_calculation_stays_as_evidence() -> None:
    notes = "Milaan, 1 persoon\nvlucht Schiphol - Linate v.v.; 1660 km retour, volgens co2-calculator ca 350 kg CO2\n"
    answer = kilometres_co2_answer(read_notes_facts(notes))
    assert answer.text == "1660 km met vliegtuig (retour), ca. 350 kg CO2-equivalent (volgens de aantekeningen)."
    co2 = next(f for f in answer.computed if f.label == "CO2 vliegtuig")
    assert co2.value == "350 kg CO2-equivalent"
    assert "eigen berekening ca. 332 kg" in co2.how and "1660 km retour" in co2.how
    checked = check_answer("kilometers_co2", answer.text, build_index(notes), computed=answer.computed, by_code=True)
    assert checked.unsupported == []


def test_a_stated_figure_with_several_travellers_asks_whose_it_is() -> None:
    notes = "met z'n drieën\ntrein Den Haag - Parijs retour, 2 x 500 km, co2 volgens NS: 30 kg\n"
    answer = kilometres_co2_answer(read_notes_facts(notes))
    assert answer.text is not None and "30 kg CO2-equivalent (volgens de aantekeningen)" in answer.text
    assert "samen" not in answer.text  # code does not multiply a figure it cannot place
    assert answer.follow_up and "per persoon" in answer.follow_up


def test_a_figure_without_kilometres_answers_and_asks_for_the_distance() -> None:
    notes = "Brussel\nheen en terug met de trein\nCO2 van de reis: ca 12 kg (NS International)\n"
    answer = kilometres_co2_answer(read_notes_facts(notes), lines=["CO2 van de reis: ca 12 kg (NS International)"])
    assert answer.text is not None and answer.text.startswith("Ca. 12 kg CO2-equivalent")
    assert answer.follow_up and "kilometer" in answer.follow_up


def test_a_figure_the_notes_give_per_person_is_multiplied_for_the_party() -> None:
    notes = "ik en Ayla Demir\nKLM Schiphol - Londen and back, ca. 370 km per vlucht\nCO2: ±78 kg p.p. retour\n"
    answer = kilometres_co2_answer(read_notes_facts(notes), lines=["CO2: ±78 kg p.p. retour"])
    assert answer.text is not None and answer.text.endswith("voor 2 personen samen ca. 156 kg CO2-equivalent.")
    assert answer.follow_up is None


@pytest.mark.parametrize(
    ("text", "km"),
    [("flew KLM to Stockholm, a little over 1,140 km each way", 2280.0), ("vlucht Wenen retour 1.918 km", 1918.0),
     ("trein Brussel, 2,5 km lopen daarna", None)],
)  # fmt: skip
def test_english_thousands_in_a_distance(text: str, km: float | None) -> None:
    answer = kilometres_co2_answer(read_notes_facts(text))
    if km is None:
        assert answer.text is None or "2,5" not in answer.text
    else:
        assert answer.text is not None and answer.text.startswith(f"{km:.0f} km")


def test_a_mass_in_tonnes_keeps_its_decimals() -> None:
    assert [q.value for q in extract_emissions("CO2 reis: 1,234 ton")] == [1234.0]
    assert [q.value for q in extract_emissions("CO2 trip: 1,140 kg")] == [1140.0]

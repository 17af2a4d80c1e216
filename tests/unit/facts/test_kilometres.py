"""The kilometres/CO2 answer that code writes, and the grounding check on the numbers it computed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.grounding_model import FactKind, FactStatus
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.facts.notes_index import build_index

WENEN = (Path(__file__).resolve().parents[3] / "examples" / "notes" / "wenen-2025.txt").read_text(encoding="utf-8")


def test_wenen_example_counts_each_leg_one_way() -> None:
    # Night train out (1150 km), flight back (936 km), the IC to Utrecht "niet meegeteld".
    answer = kilometres_co2_answer(read_notes_facts(WENEN))
    assert answer.text == (
        "ca. 1150 km met trein, ca. 40 kg CO2-equivalent; 936 km met vliegtuig, ca. 187 kg CO2-equivalent "
        "per persoon; voor 2 personen samen ca. 454 kg CO2-equivalent."
    )
    assert answer.follow_up is None
    values = {fact.label: fact.value for fact in answer.computed}
    assert values["kilometers trein"] == "1150 km" and values["kilometers vliegtuig"] == "936 km"
    assert values["CO2 reisgezelschap"] == "454 kg"


NOTES_AND_ANSWERS = [
    ("alleen\nvliegtuig heen en terug Schiphol-Wenen, 959 km enkele reis",
     "1918 km met vliegtuig (retour: 2 x 959 km), ca. 384 kg CO2-equivalent."),
    ("alleen\ngevlogen RTM -> London City en terug, ca 370 km per vlucht",
     "ca. 740 km met vliegtuig (retour: 2 x 370 km), ca. 220 kg CO2-equivalent."),
    # One way given, nothing said about the way back: counted both ways.
    ("met de dienstauto (elektrisch)\nca 390 km enkele reis, Den Haag - Luxemburg",
     "ca. 780 km met auto (retour: 2 x 390 km), ca. 152 kg CO2-equivalent."),
    # A total for the train stands for the legs it adds up.
    ("reis, alles per trein:\n- IC Den Haag HS -> Amsterdam C\n- ICE Hamburg -> København H\n"
     "- totaal ca 890 km enkele reis volgens NS International",
     "ca. 1780 km met trein (retour: 2 x 890 km), ca. 62 kg CO2-equivalent."),
    ("3 personen\nheen: IC Amsterdam C -> Berlin Ostbahnhof, ca 650 km\nterug: vlucht BER -> AMS, ca 580 km",
     "ca. 650 km met trein, ca. 23 kg CO2-equivalent; ca. 580 km met vliegtuig, ca. 172 kg CO2-equivalent "
     "per persoon; voor 3 personen samen ca. 585 kg CO2-equivalent."),
    ("4 personen\nvlucht KLM Schiphol - Barcelona v.v., 1240 km enkele reis\nEurostar Londen v.v.",
     "2480 km met vliegtuig (retour: 2 x 1240 km), ca. 496 kg CO2-equivalent; ca. 777 km met trein (retour), ca. 27 kg "
     "CO2-equivalent per persoon; voor 4 personen samen ca. 2092 kg CO2-equivalent (kilometers met trein geschat)."),
    # A distance with how often it was travelled; the way back in a later sentence is the same leg.
    ("alleen\nVervoer: ICE via Utrecht naar Köln Hbf, 2x 260km. Terug met de laatste ICE, vertraging bij Arnhem.",
     "520 km met trein (retour), ca. 18 kg CO2-equivalent."),
    # The distance per flight on a line of its own, under the flights it belongs to.
    ("alleen\nheen KLM Schiphol - Lissabon, terug Transavia Lissabon - Rotterdam\nafstand ca. 1.850 km p. vlucht",
     "ca. 3700 km met vliegtuig (retour: 2 x 1850 km), ca. 740 kg CO2-equivalent."),
    # English thousands and "+" between two flights; "same flights back" is the way back.
    ("alone\nFlights: KLM Amsterdam-Helsinki (1,520 km) + Finnair Helsinki-Oulu (510 km), same flights back.",
     "4060 km met vliegtuig (retour: 2 x 1520 km + 2 x 510 km), ca. 911 kg CO2-equivalent."),
    # "terug dezelfde route" is the way back; a Dutch town named in passing is no leg of its own.
    ("alleen\nReis: ICE via Utrecht naar Frankfurt Hbf, ca. 480 km enkele reis, terug dezelfde route.\n"
     "In de trein zaten ook de Rotterdamse collega's (gemeente Rotterdam).",
     "ca. 960 km met trein (retour: 2 x 480 km), ca. 34 kg CO2-equivalent."),
]  # fmt: skip


@pytest.mark.parametrize(("notes", "text"), NOTES_AND_ANSWERS)
def test_kilometres_answers(notes: str, text: str) -> None:
    answer = kilometres_co2_answer(read_notes_facts(notes))
    assert answer.text == text
    assert answer.follow_up is None


def test_without_kilometres_in_the_notes_the_estimate_is_only_offered() -> None:
    answer = kilometres_co2_answer(
        read_notes_facts("Wenen 27 t/m 29 april 2025, met z'n tweeën\nKLM naar Wenen en terug")
    )
    assert answer.text is None and any("schatting" in c.how for c in answer.computed)  # how it was estimated
    assert answer.follow_up is not None and answer.follow_up.startswith("Hoeveel kilometer heeft u afgelegd met")
    assert "Een schatting op grond van de plaatsen: ca." in answer.follow_up and "kg CO2-equivalent" in answer.follow_up


@pytest.mark.parametrize(
    "notes",
    [WENEN, *(notes for notes, _ in NOTES_AND_ANSWERS),
     "2 pers.\nvlucht AMS-VIE retour, 1.918 km"],
)  # fmt: skip
def test_code_answers_pass_their_own_grounding_check(notes: str) -> None:
    answer = kilometres_co2_answer(read_notes_facts(notes))
    assert answer.text is not None
    checked = check_answer("kilometers_co2", answer.text, build_index(notes), computed=answer.computed, by_code=True)
    assert [(u.text, u.reason) for u in checked.unsupported] == []
    numbers = [f for f in checked.facts if f.kind is FactKind.NUMBER]
    assert numbers and all(f.status is not FactStatus.UNSUPPORTED for f in numbers)


@dataclass
class C:
    label: str
    value: str
    how: str


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ca. 1873 km met vliegtuig", "1872.6 km"),  # rounded for the report
        ("ca. 375 kg CO2-equivalent", "374.6 kg"),
        ("1.918 km met vliegtuig", "1918 km"),  # thousands dot
        ("1918 km met vliegtuig", "1.918 km"),
        ("ca. 12,5 uur", "12.46 uur"),  # decimal comma, one decimal written
        ("2,5 dag", "2,5 dag"),
        ("samen ca. 830 kg CO2-equivalent", "829.8 kg"),
        ("ca. 12.345 km", "12345.4 km"),
    ],
)
def test_computed_numbers_are_recognised_as_written(text: str, value: str) -> None:
    checked = check_answer("kilometers_co2", text, build_index("reis naar Wenen"), computed=[C("x", value, "som")],
                           by_code=True)  # fmt: skip
    assert checked.unsupported == []
    assert FactStatus.COMPUTED in {f.status for f in checked.facts if f.kind is FactKind.NUMBER}


@pytest.mark.parametrize(("text", "value"), [("ca. 1875 km", "1872.6 km"), ("ca. 12,6 uur", "12.46 uur")])
def test_rounding_allows_no_more_than_the_last_digit(text: str, value: str) -> None:
    checked = check_answer("x", text, build_index("reis naar Wenen"), computed=[C("x", value, "som")], by_code=True)
    assert [u.kind for u in checked.unsupported] == [FactKind.NUMBER]


def test_a_code_answer_says_how_even_when_the_notes_hold_the_same_number() -> None:
    # "9:40" in the notes once made "40" look supported; code computed the 40 kg.
    index = build_index("aankomst di 9:40. ca 1150 km spoor")
    checked = check_answer("x", "ca. 40 kg CO2-equivalent", index, computed=[C("CO2 trein", "40 kg", "1150 x 0,035")],
                           by_code=True)  # fmt: skip
    [number] = [f for f in checked.facts if f.kind is FactKind.NUMBER]
    assert number.status is FactStatus.COMPUTED and number.how and "1150" in number.how

import pytest

from verslaghulp.facts import Mode, extract_transport_legs


@pytest.mark.parametrize(
    ("text", "legs"),
    [
        ("vlucht Schiphol - Wenen retour (1918 km)", [(Mode.VLIEGTUIG, "Schiphol", "Wenen", 1918.0, True)]),
        ("heen: KLM AMS-VIE zo 27/4, terug di 29/4 VIE-AMS", [(Mode.VLIEGTUIG, "AMS", "VIE", None, True)]),
        ("met de trein naar Brussel, daarna Eurostar naar Londen",
         [(Mode.TREIN, None, "Brussel", None, False), (Mode.TREIN, None, "Londen", None, False)]),
        ("Thalys Den Haag - Parijs v.v.", [(Mode.TREIN, "Den Haag", "Parijs", None, True)]),
        ("Flixbus naar Berlijn", [(Mode.BUS, None, "Berlijn", None, False)]),
        ("Nightjet terug naar Amsterdam", [(Mode.TREIN, None, "Amsterdam", None, False)]),
        ("eigen auto, 420 km heen en terug", [(Mode.AUTO, None, None, 420.0, True)]),
        ("we gingen met de ICE van Utrecht naar Keulen", [(Mode.TREIN, "Utrecht", "Keulen", None, False)]),
        ("gevlogen met Transavia van Rotterdam naar Barcelona",
         [(Mode.VLIEGTUIG, "Rotterdam", "Barcelona", None, False)]),
        ("Lufthansa via Frankfurt", [(Mode.VLIEGTUIG, None, "Frankfurt", None, False)]),
        ("met de ferry naar Harwich", [(Mode.BOOT, None, None, None, False)]),
        ("TGV Brussel-Lyon, 1.050 km", [(Mode.TREIN, "Brussel", "Lyon", 1050.0, False)]),
    ],
)  # fmt: skip
def test_legs(text: str, legs: list[tuple[Mode, str | None, str | None, float | None, bool]]) -> None:
    found = extract_transport_legs(text)
    assert [(leg.mode, leg.origin, leg.destination, leg.km, leg.return_trip) for leg in found] == legs
    assert all(leg.evidence in text for leg in found)


@pytest.mark.parametrize("text", ["de ice cream was lekker", "Geen vervoer genoemd", "rail infrastructure discussed"])
def test_no_legs(text: str) -> None:
    assert extract_transport_legs(text) == []


def test_mode_values_are_the_form_words() -> None:
    assert [m.value for m in Mode] == ["vliegtuig", "trein", "bus", "auto", "boot"]

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
        ("Lufthansa via Frankfurt", [(Mode.VLIEGTUIG, None, None, None, False)]),  # a transfer, not the destination
        ("met de ferry naar Harwich", [(Mode.BOOT, None, None, None, False)]),
        ("TGV Brussel-Lyon, 1.050 km", [(Mode.TREIN, "Brussel", "Lyon", 1050.0, False)]),
        # examples/notes/wenen-2025.txt: the km on a line belong to that line's leg; the train the
        # flight is compared with, and a leg "niet meegeteld", are no legs.
        ("- heen ma 19:30 Nightjet vanaf Utrecht Centraal -> Wien Hbf, aankomst di 9:40. ca 1150 km spoor",
         [(Mode.TREIN, "Utrecht", "Wien", 1150.0, False)]),
        ("- terug wo avond vlucht Austrian Wenen -> Schiphol, 936 km. gevlogen want trein duurt ca 12,5 uur en wo "
         "geen nachttrein meer", [(Mode.VLIEGTUIG, "Wenen", "Schiphol", 936.0, False)]),
        ("- DH-Utrecht met IC, niet meegeteld", []),
        # Justifications and comparisons name a mode that was not travelled.
        ("vliegtuig heen en terug Schiphol-Wenen, 959 km enkele reis. trein was ca 12,5 uur dus 8-uursregel nvt",
         [(Mode.VLIEGTUIG, "Schiphol", "Wenen", 959.0, True)]),
        ("TAP Schiphol-Lissabon v.v., 1850 km enkele reis. trein zou > 24 uur zijn",
         [(Mode.VLIEGTUIG, "Schiphol", "Lissabon", 1850.0, True)]),
        ("vlucht KLM Schiphol - Tallinn retour (trein + ferry kost meer dan een dag)",
         [(Mode.VLIEGTUIG, "Schiphol", "Tallinn", None, True)]),
        ("Flights: Finnair AMS-HEL and back. By train it would take well over a day.",
         [(Mode.VLIEGTUIG, "AMS", "HEL", None, True)]),
        ("- heen en terug gevlogen met Transavia, met de trein zou het ruim 18 uur zijn",
         [(Mode.VLIEGTUIG, None, None, None, True)]),
        ("waarom vliegen: Eurostar reed beide dagen niet ivm staking", []),
        ("KLM naar Londen; uitzondering: staking bij Eurostar", [(Mode.VLIEGTUIG, None, "Londen", None, False)]),
        ("geen nachttrein meer, dus KLM naar Wenen", [(Mode.VLIEGTUIG, None, "Wenen", None, False)]),
        # Without another mode to compare with, a travel time describes the journey made.
        ("trein naar Keulen duurt ca 3 uur", [(Mode.TREIN, None, "Keulen", None, False)]),
        # One leg named twice on a line keeps its kilometres; two routes are two legs.
        ("gevlogen RTM -> London City en terug, ca 370 km per vlucht",
         [(Mode.VLIEGTUIG, "RTM", "London", 370.0, True)]),
        ("terug wo: EC Praag -> Berlijn (ca 350 km), daarna IC Berlijn -> Amsterdam (ca 650 km)",
         [(Mode.TREIN, "Praag", "Berlijn", 350.0, False), (Mode.TREIN, "Berlijn", "Amsterdam", 650.0, False)]),
        ("heen: nachttrein European Sleeper Amsterdam C -> Praha hl.n., ca 1000 km",
         [(Mode.TREIN, "Amsterdam", "Praha", 1000.0, False)]),
        # Kilometres on the line under a leg complete it.
        ("met de dienstauto (elektrisch)\nca 390 km enkele reis, Den Haag - Luxemburg",
         [(Mode.AUTO, "Den Haag", "Luxemburg", 390.0, False)]),
        # A way back already counted in a return leg adds nothing.
        ("Finnair AMS-HEL and back\n- workshop with Amsterdam, flew back in the afternoon",
         [(Mode.VLIEGTUIG, "AMS", "HEL", None, True)]),
        ("vlucht Schiphol-Wenen retour\nvlucht Wenen-Bratislava en terug",
         [(Mode.VLIEGTUIG, "Schiphol", "Wenen", None, True), (Mode.VLIEGTUIG, "Wenen", "Bratislava", None, True)]),
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


@pytest.mark.parametrize(
    ("text", "per_way", "approximate"),
    [
        ("vlucht Schiphol - Wenen v.v., 959 km enkele reis", True, False),
        ("gevlogen RTM -> London City en terug, ca 370 km per vlucht", True, True),
        ("ICE Utrecht - Frankfurt, heen 06:28 terug 18:29, afstand ca 460 km enkele reis", True, True),
        ("vlucht AMS-VIE retour, 1918 km", False, False),
        ("Nightjet Utrecht -> Wien, ca. 1150 km", False, True),
    ],
)  # fmt: skip
def test_how_the_kilometres_were_written(text: str, per_way: bool, approximate: bool) -> None:
    [leg] = extract_transport_legs(text)
    assert (leg.km_per_way, leg.km_approximate) == (per_way, approximate)

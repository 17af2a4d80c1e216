"""People with roles and organisations as officials write them in notes and reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from verslaghulp.facts import extract_people

WENEN = (Path(__file__).resolve().parents[3] / "examples" / "notes" / "wenen-2025.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # The formats of the published Den Haag reports.
        ("Theo Blackwell – CDO Londen", [("Theo Blackwell", "CDO", "Londen")]),
        ("Steve Berry – Chairman bij Angoka", [("Steve Berry", "Chairman", "Angoka")]),
        ("Marc Perez-Batlle – Innovation Manager bij de gemeente Barcelona",
         [("Marc Perez-Batlle", "Innovation Manager", "gemeente Barcelona")]),
        ("Tanja Lahti – Programma manager Open Data Helsinki",
         [("Tanja Lahti", "Programma manager Open Data", "Helsinki")]),
        ("Martin Männil – CIO Tallinn", [("Martin Männil", "CIO", "Tallinn")]),  # "Martin" is also a town
        # After a label or lead-in words on the same line.
        ("gesproken: Lena Gruber - CIO Wenen", [("Lena Gruber", "CIO", "Wenen")]),
        ("- gesproken met Pieter Vos – adviseur bij VNG Realisatie, was er als toehoorder",
         [("Pieter Vos", "adviseur", "VNG Realisatie")]),
        ("- ontvangst Wiener Rathaus, opening door Lukas Berger (CIO Stadt Wien)",
         [("Lukas Berger", "CIO", "Stadt Wien")]),
        ("- middag rondleiding Seestadt Aspern (proeftuin slimme wijk), uitleg door Katrin Huber - programmamanager "
         "open data Wenen", [("Katrin Huber", "programmamanager open data", "Wenen")]),
        # The role stops where the line goes on.
        ("- Siobhán Kelly – Head of Digital Services Dublin City Council: heeft AI-richtlijnen voor medewerkers, "
         "wil ze delen", [("Siobhán Kelly", "Head of Digital Services", "Dublin City Council")]),
        ("- Tomáš Novák, strategisch adviseur smart city Praag: drone-beleid, interesse in ons testgebied",
         [("Tomáš Novák", "strategisch adviseur smart city", "Praag")]),
        ("- Matteo Rinaldi – CIO Comune di Bologna: digitale tweeling Bologna",
         [("Matteo Rinaldi", "CIO", "Comune di Bologna")]),
        ('- Priya Shah – Head of Data, LOTI: datadeling tussen de boroughs, "information governance made simple"',
         [("Priya Shah", "Head of Data", "LOTI")]),
        ("- Grace Okafor – AI lead Greater London Authority, sessie over generatieve AI",
         [("Grace Okafor", "AI lead", "Greater London Authority")]),
        ("- Eleni Papadopoulou – head of digital transformation, gemeente Thessaloniki",
         [("Eleni Papadopoulou", "head of digital transformation", "gemeente Thessaloniki")]),
        # In brackets.
        ("Jan Jansen (CIO, gemeente Utrecht)", [("Jan Jansen", "CIO", "gemeente Utrecht")]),
        ("gesproken: dr. Katrin Vogel (DLR, onderzoeker U-space)", [("Katrin Vogel", "onderzoeker U-space", "DLR")]),
        ("- Julien Mercier (CEO Signalo, app voor meldingen openbare ruimte)", [("Julien Mercier", "CEO", "Signalo")]),
        ("- Ines Ferreira (CIO-adviseur Porto) over inkoop van AI", [("Ines Ferreira", "CIO-adviseur", "Porto")]),
        # Titles, headings, carriers and venues are not people.
        ("Dienstreis Wenen - CGCC najaarsmeeting (Council of Global City CIOs)", []),
        ("BEREIKBAAR IS: VERMELDING EN TOELICHTING UITZONDERLIJKE SITUATIE", []),
        ("KLM AMS-CDG heen wo ochtend, terug vr avond", []),
        ("- Paris Expo Porte de Versailles, hal 1: GovTech en startups voor steden", []),
        ("- Camden Town Hall - demo van hun data-ethiek toolkit", []),
    ],
)  # fmt: skip
def test_people(text: str, people: list[tuple[str, str | None, str | None]]) -> None:
    found = extract_people(text)
    assert [(p.name, p.role, p.organisation) for p in found] == people
    assert all(text[p.start : p.end].startswith(p.name) for p in found)


def test_everyone_met_in_the_wenen_example() -> None:
    found = {p.name: (p.role, p.organisation) for p in extract_people(WENEN)}
    assert found == {
        "Femke de Groot": ("strategisch adviseur digitalisering", None),
        "Lukas Berger": ("CIO", "Stadt Wien"),
        "Anna Kowalski": ("CDO", "Warschau"),
        "Siobhán Kelly": ("Head of Digital Services", "Dublin City Council"),
        "Katrin Huber": ("programmamanager open data", "Wenen"),
        "Javier Morales": ("CTO", "Madrid"),
        "Tomáš Novák": ("strategisch adviseur smart city", "Praag"),
        "Ines Ferreira": ("CIO-adviseur", "Porto"),
        "Pieter Vos": ("adviseur", "VNG Realisatie"),
    }


def test_a_sentence_opening_with_a_preposition_and_a_place_is_not_a_person() -> None:
    text = "In Tallinn, de gemeente Den Haag in juni 2022 versterkte de contacten binnen het CIO-netwerk."
    assert extract_people(text) == []
    assert [p.name for p in extract_people("De Vries, adviseur bij de gemeente Gent")] == ["De Vries"]


def test_a_name_after_a_word_of_meeting_and_before_a_comma_and_role_is_a_person() -> None:
    found = extract_people("rondleiding langs de hubs met Jan Meyer, Verkehrsplaner bij de Freie Hansestadt Bremen")
    assert [(p.name, p.role, p.organisation) for p in found] == [
        ("Jan Meyer", "Verkehrsplaner", "Freie Hansestadt Bremen")
    ]
    # Without a word of meeting before it, a name before a comma starts no "name, role".
    assert extract_people("ontvangst Wiener Rathaus, opening door de burgemeester") == []
    assert extract_people("lunch met Anna Berg, daarna terug naar het hotel") == []

import pytest

from verslaghulp.facts import count_travellers


@pytest.mark.parametrize(
    ("text", "count", "evidence"),
    [
        ("3 personen", 3, "3 personen"),
        ("Gereisd met 3 pers. naar Barcelona", 3, "3 pers."),
        ("met z'n tweeën naar Wenen", 2, "met z'n tweeën"),
        ("We waren met z'n drieën", 3, "met z'n drieën"),
        ("ik ben alleen gegaan", 1, "ben alleen"),
        ("Alleen\nnaar Wenen", 1, "Alleen"),
        ("mee: Jan, Fatima, Piet", 4, "mee: Jan, Fatima, Piet"),
        ("Mee: Jan, Fatima en Piet de Vries\nverder niemand", 4, "Mee: Jan, Fatima en Piet de Vries"),
        ("Reisgenoten: Anouk", 2, "Reisgenoten: Anouk"),
        ("met collega Fatima Yilmaz naar Athene", 2, "met collega Fatima Yilmaz"),
        ("with 2 colleagues", 3, "with 2 colleagues"),
        ("met drie collega's", 4, "met drie collega's"),
        ("met een collega van EZ", 2, "met een collega"),
        ("delegatie van 4 deelnemers", 4, "4 deelnemers"),
        ("1 persoon", 1, "1 persoon"),
    ],
)
def test_counts(text: str, count: int, evidence: str) -> None:
    result = count_travellers(text)
    assert result is not None
    assert result.count == count
    assert result.evidence == evidence
    assert result.evidence in text
    assert result.how


@pytest.mark.parametrize("text", ["", "Expo met 20.000 bezoekers", "niet alleen kennis maar ook contacten"])
def test_no_count(text: str) -> None:
    assert count_travellers(text) is None


def test_how_explains_names() -> None:
    result = count_travellers("mee: Jan, Fatima, Piet")
    assert result is not None and result.how == "3 namen na 'mee:' plus de schrijver"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("wie: ik + Ruben Smit (data-architect)", 2),
        ("ik en Lotte Jansen (teamleider open data)", 2),
        ("met 3: ik, Hanneke Mulder (teamleider en coach) en Youssef Amrani (informatiearchitect)", 3),
        ("met Youssef Amrani (informatiearchitect), wij 2", 2),
        ("terug: wij allebei met de trein", 2),
        ("22-24 okt 2019, ik aleen", 1),
        ("zo 16/3 t/m wo 19/3 2025, alleen\nheen met de nachttrein", 1),
        ("Oct 22-23 2025. Went alone.", 1),
        ("Just me this time.", 1),
        ("VivaTech Parijs\nmet Maarten Visser (innovatiemanager) en ik\nKLM heen", 2),
        ("Keulen, Eurocities\nmet Sanne Vermeulen\ngesproken met de teams van Gent", 2),
        # A line of its own that only names companions, whatever the case of its first word.
        ("Brussel, werkgroep\nMet Rik Janssens en Ilse Bakker\nvertrek woensdag 8 oktober", 3),
        ("Lisbon, Web Summit\nWith Rik Janssens and Ilse Bakker\nflight on Monday", 3),
    ],
)
def test_more_ways_officials_name_the_party(text: str, count: int) -> None:
    found = count_travellers(text)
    assert found is not None and found.count == count, found
    assert found.evidence in text


@pytest.mark.parametrize(
    "text", ["wij hebben 2 workshops gegeven", "met Anna Smit gesproken over data", "alleen de ochtend"]
)
def test_sentences_that_do_not_state_the_party(text: str) -> None:
    assert count_travellers(text) is None

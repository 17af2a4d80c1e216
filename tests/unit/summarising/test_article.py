"""The code-written parts of a news item: the lead and each paragraph's opener."""

from __future__ import annotations

import datetime as dt

from verslaghulp.summarising.article import code_lead
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.result import Fact, MappedReport


def mapped(number: int, city: str, start: dt.date | None) -> MappedReport:
    report = SelectedReport(report_id=f"r{number}", source_name=f"{number}.txt", title=f"Dienstreis {city}",
                            start=start, end=start, cities=[city])  # fmt: skip
    fact = Fact(report_id=report.report_id, question_id="opbrengst", heading="", text=f"{city} deelt kennis.")
    return MappedReport(report=report, number=number, facts=[fact])


def test_the_lead_names_the_period_the_topic_and_one_place_per_trip() -> None:
    trips = [mapped(1, "Madrid", dt.date(2025, 2, 18)), mapped(2, "Wenen", dt.date(2024, 5, 14)),
             mapped(3, "Madrid", dt.date(2025, 9, 1))]  # fmt: skip
    lead = code_lead(trips, ["digitale tweelingen"])
    assert lead.text == (
        "Tussen mei 2024 en september 2025 maakten medewerkers van de gemeente dienstreizen over digitale "
        "tweelingen naar Madrid en Wenen."
    )
    assert lead.sources == [1, 2, 3] and lead.written_by == "code"


def test_one_trip_a_trip_without_date_and_a_long_list_of_places() -> None:
    assert code_lead([mapped(1, "Gent", dt.date(2023, 10, 3))], []).text == (
        "In oktober 2023 maakten medewerkers van de gemeente een dienstreis naar Gent."
    )
    cities = ["Gent", "Lyon", "Porto", "Oslo", "Riga", "Turku", "Graz"]
    lead = code_lead([mapped(n, c, dt.date(2020 + n, 1, 1)) for n, c in enumerate(cities, 1)], [])
    assert lead.text.endswith("naar Gent, Lyon, Porto, Oslo, Riga en andere bestemmingen.")
    assert len(lead.sources) == 7  # every trip is cited, also those not named

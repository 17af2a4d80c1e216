"""The annual overview and the hierarchical reduce, over synthetic archives."""

import datetime as dt
import json

from verslaghulp.config import Settings, UnsupportedFactPolicy
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import summarise, to_markdown

from .conftest import MemoryArchive, facts_responder, make_report

CITIES = [
    ("Gent", "België"),
    ("Lyon", "Frankrijk"),
    ("Porto", "Portugal"),
    ("Oslo", "Noorwegen"),
    ("Riga", "Letland"),
    ("Praag", "Tsjechië"),
    ("Rome", "Italië"),
    ("Turijn", "Italië"),
    ("Bergen", "Noorwegen"),
    ("Malmö", "Zweden"),
    ("Espoo", "Finland"),
    ("Luik", "België"),
]


def year_archive(year: int, count: int, *, long_results: bool = False) -> MemoryArchive:
    reports = []
    for n in range(count):
        city, country = CITIES[n]
        start = dt.date(year, n + 1, 10)
        result = f"- {city} deelt zijn aanpak voor open data met de gemeente."
        if long_results:
            result += f"\n- {city} gebruikt {n + 3} sensoren voor luchtkwaliteit.\n- Er volgt een werkbezoek."
        reports.append(
            make_report(
                f"id{n:02d}{city.lower()}xx",
                f"{year}-{n + 1:02d}-{city.lower()}.txt",
                start,
                start + dt.timedelta(days=2),
                [city],
                [country],
                {"doel": f"Kennisuitwisseling met {city} over open data en sensoren.", "opbrengst": result},
                themes=["data"],
            )
        )
    return MemoryArchive(reports)


def test_an_annual_overview_of_ten_trips_lists_all_ten(settings: Settings) -> None:
    model = FakeChatModel(responder=facts_responder)
    summary = summarise(
        "Geef een jaaroverzicht van alle dienstreizen in 2024",
        year_archive(2024, 10),
        model,
        settings,
        style="jaaroverzicht",
    )
    assert len(summary.rows) == 10 and len(summary.sources) == 10
    assert summary.coverage.complete and len(summary.coverage.included) == 10
    assert [r.destination for r in summary.rows][:2] == ["Gent (België)", "Lyon (Frankrijk)"]
    assert summary.rows[0].dates == "10-12 januari 2024"
    assert summary.rows[0].purpose == "Kennisuitwisseling met Gent over open data en sensoren."
    table = [line for line in summary.text.splitlines() if line.startswith("| ")]
    assert len(table) == 11 and table[1].endswith("| [1] |") and table[10].endswith("| [10] |")
    assert model.calls == []  # every result was already one short sentence: no language needed
    assert "## Bronnen" in to_markdown(summary)


def test_the_overview_asks_the_model_only_what_a_trip_yielded(settings: Settings) -> None:
    model = FakeChatModel(responder=lambda m, s: json.dumps({"opbrengst": "Een aanpak voor open data en sensoren."}))
    summary = summarise(
        "jaaroverzicht 2024", year_archive(2024, 3, long_results=True), model, settings, style="jaaroverzicht"
    )
    assert [c.step.split(":")[0] for c in summary.meta.calls] == ["opbrengst"] * 3
    assert all(r.result == "Een aanpak voor open data en sensoren." and r.result_by == "model" for r in summary.rows)
    assert summary.meta.prompts == ["summary-system@2", "summary-jaaroverzicht@1"]


def test_a_wrong_yield_in_the_overview_is_flagged_never_dropped(settings: Settings) -> None:
    model = FakeChatModel(responder=lambda m, s: json.dumps({"opbrengst": "Een subsidie van 50.000 euro van Brussel."}))
    summary = summarise(
        "jaaroverzicht 2024", year_archive(2024, 2, long_results=True), model, settings, style="jaaroverzicht"
    )
    assert len(summary.rows) == 2 and all("⟦" in r.result for r in summary.rows)
    removing = settings.model_copy(update={"unsupported_facts": UnsupportedFactPolicy.REMOVE})
    summary = summarise(
        "jaaroverzicht 2024", year_archive(2024, 2, long_results=True), model, removing, style="jaaroverzicht"
    )
    assert [r.result for r in summary.rows] == [
        "Gent deelt zijn aanpak voor open data met de gemeente.",
        "Lyon deelt zijn aanpak voor open data met de gemeente.",
    ]


def test_facts_beyond_the_context_window_are_condensed_in_groups_not_cut(settings: Settings) -> None:
    model = FakeChatModel(responder=facts_responder)
    small = settings.model_copy(update={"n_ctx": 1300})  # the fake counts words as tokens
    summary = summarise(
        "Wat leverden de reizen over open data op in 2024?",
        year_archive(2024, 12, long_results=True),
        model,
        small,
        style="vraag",
    )
    steps = [c.step for c in summary.meta.calls]
    assert any(s.startswith("samenvatten:1.") for s in steps) and steps[-1] == "schrijven"
    assert summary.meta.reduce_levels >= 1 and "summary-tussen@1" in summary.meta.prompts
    assert summary.coverage.complete and len(summary.coverage.items) == 12

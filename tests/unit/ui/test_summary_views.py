"""How a summary is shown: citations that jump to their source, the report to open, coverage and checks."""

from __future__ import annotations

import re
from pathlib import Path

from tests.unit.summarising.conftest import MemoryArchive, facts_responder, sample_reports
from verslaghulp.config import Settings
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import SummaryRequest, select_reports, summarise
from verslaghulp.ui import summary_views as views

DRONES = "Schrijf een managementsamenvatting van wat de reizen over drones hebben opgeleverd"


def test_the_selection_says_which_reports_and_why() -> None:
    selection = select_reports(SummaryRequest(text=DRONES), MemoryArchive(sample_reports()))
    rows = views.selection_rows(selection)
    assert rows and all(row[3] != "–" for row in rows)
    assert views.selection_markdown(selection).startswith(f"**{len(rows)} verslagen gekozen**")


def test_citations_link_to_sources_whose_report_can_be_opened(tmp_path: Path) -> None:
    archive = MemoryArchive(sample_reports())
    settings = Settings(backend="fake", data_dir=tmp_path / "data", n_ctx=8192)
    summary = summarise(DRONES, archive, FakeChatModel(responder=facts_responder), settings,
                        style="managementsamenvatting")  # fmt: skip
    body = views.body_markdown(summary)
    assert "[[1](#vh-bron-1)]" in body or "[1](#vh-bron-1)" in body
    reports = {s.report_id: archive.get_report(s.report_id) for s in summary.sources}
    html = views.sources_html(summary, {k: v for k, v in reports.items() if v is not None})
    assert "<li id='vh-bron-1' value='1'>" in html
    assert "<details><summary>Verslag openen</summary>" in html and "<h5>WAT WAS HET DOEL VAN DE REIS?</h5>" in html
    assert "Bronnencontrole:" in html and "Verantwoording" in html


def test_unsupported_facts_are_highlighted_and_model_text_is_escaped() -> None:
    class Fake:
        title = ""
        text = "Den Haag kreeg ⟦12 drones⟧ <script>x</script> [2]."

    body = views.body_markdown(Fake())  # type: ignore[arg-type]
    assert "<mark>⟦12 drones⟧</mark>" in body and "[[2](#vh-bron-2)]" in body
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_a_rewritten_sentence_is_shown_with_what_the_model_first_wrote(tmp_path: Path) -> None:
    import json

    writing = json.dumps(
        {"antwoord": [{"bronnen": [1], "tekst": "Dublin inspecteert 45 bruggen per jaar met drones."}]}
    )
    fixed = json.dumps({"bronnen": [1], "tekst": "Dublin inspecteert elk jaar 40 bruggen met drones."})
    archive = MemoryArchive(sample_reports())
    settings = Settings(backend="fake", data_dir=tmp_path / "data", n_ctx=8192)
    summary = summarise(DRONES, archive, FakeChatModel(replies=[writing, fixed]), settings, style="vraag")
    reports = {s.report_id: archive.get_report(s.report_id) for s in summary.sources}
    html = views.sources_html(summary, {k: v for k, v in reports.items() if v is not None})
    assert "Herschreven omdat het verslag de eerste versie niet steunt" in html
    assert "<s>Dublin inspecteert 45 bruggen per jaar met drones.</s> → Dublin inspecteert elk jaar 40" in html


def test_a_summary_citing_an_example_report_says_so_above_the_text(tmp_path: Path) -> None:
    archive = MemoryArchive([r.model_copy(update={"example": True}) for r in sample_reports()])
    settings = Settings(backend="fake", data_dir=tmp_path / "data", n_ctx=8192)
    summary = summarise(DRONES, archive, FakeChatModel(responder=facts_responder), settings,
                        style="managementsamenvatting")  # fmt: skip
    assert views.body_markdown(summary).startswith("> **Let op: deze tekst citeert 2 voorbeeldverslag(en)")
    html = views.sources_html(summary, {})
    assert html.count("voorbeeldverslag: verzonnen") == 2 and "(voorbeeld, verzonnen)" in html


def test_a_citation_opens_the_cited_report_at_its_passage_highlighted(tmp_path: Path) -> None:
    archive = MemoryArchive(sample_reports())
    settings = Settings(backend="fake", data_dir=tmp_path / "data", n_ctx=8192)
    summary = summarise(DRONES, archive, FakeChatModel(responder=facts_responder), settings,
                        style="managementsamenvatting")  # fmt: skip
    reports = {s.report_id: r for s in summary.sources if (r := archive.get_report(s.report_id)) is not None}
    body = views.body_markdown(summary, reports)
    html = views.sources_html(summary, reports)
    links = re.findall(r"\]\(#(vh-bron-\d+-p\d+)\)", body)
    assert links, body  # the citations point at passages, not only at the source list
    for target in set(links):
        # each target is a highlighted passage inside the cited report's <details>, which the browser
        # opens when the link is followed; the targeted passage is styled to stand out
        entry = html[html.index(f"<li id='{target.rsplit('-p', 1)[0]}'") :]
        entry = entry[: entry.index("</li>")]
        assert f"<mark class='vh-passage' id='{target}'>" in entry
        assert entry.index("<details>") < entry.index(f"id='{target}'")
    assert ".vh-passage:target" in html
    assert "<details><summary>Verslag openen</summary>" in html

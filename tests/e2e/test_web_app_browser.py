"""The web app in a real browser: what an official and a communications colleague do, step by step.

Screenshots of every step go to test-artifacts/e2e/<test name>/.
"""

from __future__ import annotations

import io
import re
import uuid
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import expect

from .conftest import RunningApp
from .pages import EDITED, LONG, NOTES, answer_box, generate, open_page, status_line, type_notes

pytestmark = [pytest.mark.browser, pytest.mark.real_model]

SUMMARY = 900_000  # the tiny model writes a one-report answer in 20-90 s, far slower when the machine is busy


@pytest.mark.timeout(2400)
def test_draft_edit_redraft_export_store_find_and_summarise(browser: Any, running_app: RunningApp, shots: Any) -> None:
    page = open_page(browser, running_app)
    shots(page, "leeg")

    # 1. Paste notes and generate: every question of the form gets an answer, streamed in.
    type_notes(page, NOTES)
    generate(page)
    assert "10 vragen" in status_line(page).inner_text()
    assert answer_box(page, 1).input_value() == "1 persoon"
    assert "berekend uit de aantekeningen" in page.locator(".vh-meta").first.inner_text()
    shots(page, "opgesteld")

    # 2. Answer a follow-up question: only that question is drafted again, the reply joins the notes.
    reply = page.get_by_label("Vervolgvraag bij vraag 10:")
    reply.fill("in september stuurt Gent het datamodel")
    page.get_by_role("button", name="Vraag 10 opnieuw opstellen met dit antwoord").click()
    page.locator(".vh-status", has_text="Vraag 10 is opnieuw opgesteld").last.wait_for(timeout=LONG)
    notes = page.get_by_label("Aantekeningen", exact=True).input_value()
    assert notes.endswith("\n\nvervolg (aanvulling): in september stuurt Gent het datamodel\n")
    shots(page, "vervolgvraag")

    # 3. Edit an answer; the edit is saved on the server as soon as the box is left.
    answer_box(page, 6).fill(EDITED)
    answer_box(page, 6).press("Tab")
    page.get_by_text("Automatisch bewaard om").wait_for()
    shots(page, "bewerkt")

    # 4. Facts the notes do not support are marked ⟦…⟧ and block storing until the official has looked at them.
    flagged = [n for n in range(1, 11) if "⟦" in answer_box(page, n).input_value()]
    if flagged:
        page.get_by_role("button", name="Opslaan in archief").click()
        page.get_by_text("Controleer eerst de gemarkeerde feiten").first.wait_for()
        shots(page, "gemarkeerde-feiten")
        for number in flagged:  # the official checks them: here, they confirm by removing the brackets
            box = answer_box(page, number)
            box.fill(box.input_value().replace("⟦", "").replace("⟧", ""))
            box.press("Tab")
            page.get_by_text("Automatisch bewaard om").wait_for()

    # 5. Export: a Word file in the form's layout, with the edited text.
    page.get_by_role("button", name="Exporteren (.docx en .md)").click()
    link = page.locator('a[href*=".docx"]').first
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    document = Document(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: PTH123, SIM115
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings[0] == "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT" and len(headings) == 10
    after_doel = styled[[t for _, t in styled].index("WAT WAS HET DOEL VAN DE REIS?") + 1]
    assert after_doel == ("Normal", EDITED)
    shots(page, "geexporteerd")

    # 6. Store the final (edited) report in the archive; what the official changed is recorded.
    page.get_by_role("button", name="Opslaan in archief").click()
    page.get_by_text("Opgeslagen in het archief").wait_for(timeout=LONG)
    assert "WAT WAS HET DOEL VAN DE REIS?".capitalize() in page.get_by_text("% gewijzigd").first.inner_text()
    shots(page, "opgeslagen")
    concept = running_app.services.concepts.list()[0]
    assert concept.archived is not None
    assert next(c for c in concept.archived.changes if c.question_id == "doel").final_text == EDITED

    # 7. Find it in the archive by what the official wrote, and open it.
    page.get_by_role("tab", name="Archief").click()
    page.get_by_label("Zoekvraag").fill("OSLO-datamodel")
    page.get_by_label("Zoekvraag").press("Enter")
    results = page.get_by_text(re.compile(r"verslag(en)? gevonden"))
    results.wait_for(timeout=LONG)
    page.get_by_role("button", name="Openen", exact=True).last.click()
    page.get_by_text(EDITED).last.wait_for()
    shots(page, "gevonden-in-archief")

    # 8. A summary over the archive cites the stored report; the citation opens it.
    page.get_by_role("tab", name="Samenvatten").click()
    page.get_by_label("Verzoek").fill("Wat leverde het overleg over open data in Gent op?")
    page.get_by_label("Stijl").click()
    page.get_by_role("option", name=re.compile(r"^Vraag")).click()
    page.get_by_label("Stad").last.fill("Gent")
    page.get_by_role("button", name="Verslagen kiezen").click()
    page.get_by_text(re.compile(r"verslag(en)? gekozen")).first.wait_for(timeout=LONG)
    shots(page, "samenvatting-selectie")
    page.get_by_role("button", name="Samenvatting schrijven").click()
    page.locator(".vh-status", has_text="Klaar in").last.wait_for(timeout=SUMMARY)
    link = page.locator("a[href^='#vh-bron-1']").first  # the passage (#vh-bron-1-p1) or the entry (#vh-bron-1)
    link.wait_for()
    source = page.locator("#vh-bron-1")
    assert "Gent" in source.inner_text()
    target = (link.get_attribute("href") or "")[1:]
    link.click()
    if target != "vh-bron-1":  # a citation opens the report in place, at its passage, highlighted
        passage = page.locator(f"#{target}")
        passage.wait_for()
        assert source.locator("details").first.evaluate("d => d.open")
        assert "vh-passage" in (passage.get_attribute("class") or "")
    else:
        source.get_by_text("Verslag openen").click()
    source.get_by_text(EDITED).wait_for()
    shots(page, "samenvatting")
    with page.expect_download() as download:
        page.locator('a[href*=".docx"]').last.click()
    assert Document(io.BytesIO(open(download.value.path(), "rb").read())).paragraphs  # noqa: PTH123, SIM115


def test_a_refresh_or_a_closed_tab_loses_nothing(browser: Any, running_app: RunningApp, shots: Any) -> None:
    page = open_page(browser, running_app)
    type_notes(page, "Lissabon 2 t/m 3 oktober 2025\ndoel: bezoek aan het stadslab\n")
    page.get_by_text("Aantekeningen automatisch bewaard").wait_for()
    page.close()  # the tab is closed before anything was drafted
    page = page.context.new_page()
    page.goto(running_app.url)
    box = page.get_by_label("Aantekeningen", exact=True)
    page.wait_for_function("() => [...document.querySelectorAll('textarea')].some(t => t.value.includes('Lissabon'))")
    assert box.input_value().startswith("Lissabon 2 t/m 3 oktober 2025")
    page.get_by_role("button", name="Mijn concepten").click()
    page.get_by_role("gridcell", name="Lissabon 2 t/m 3 oktober 2025").first.wait_for()
    shots(page, "na-herladen")


def test_errors_are_dutch_and_keep_the_notes(browser: Any, running_app: RunningApp, shots: Any, tmp_path: Any) -> None:
    page = open_page(browser, running_app)
    page.get_by_role("button", name="Verslag opstellen", exact=True).click()
    page.get_by_text("De aantekeningen zijn leeg").first.wait_for()  # the notice
    # Nothing was interrupted: a plain status line, and no red error badge over it.
    page.get_by_text("Nog geen aantekeningen.").wait_for()
    page.wait_for_timeout(500)
    assert "Onderbroken" not in status_line(page).inner_text()
    assert "tot nu toe zijn bewaard" not in page.locator("body").inner_text()
    assert page.get_by_text("Fout", exact=True).count() == 0
    shots(page, "lege-aantekeningen")
    type_notes(page, "mijn eigen notities")
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"PK\x03\x04 dit is geen word-bestand")
    page.locator("input[type=file]").first.set_input_files(str(bad))
    page.get_by_text("is beschadigd of geen .docx-bestand").first.wait_for()
    assert page.get_by_label("Aantekeningen", exact=True).input_value() == "mijn eigen notities"
    shots(page, "onleesbaar-bestand")


def test_archive_upload_filter_and_delete(browser: Any, running_app: RunningApp, shots: Any, tmp_path: Any) -> None:
    page = open_page(browser, running_app)
    page.get_by_role("tab", name="Archief").click()
    page.get_by_role("gridcell", name="Dienstreis Wenen, mei 2024").first.wait_for()  # an example report
    good = tmp_path / "verslag-praag.txt"
    good.write_text(
        "VERSLAG BUITENLANDSE DIENSTREIS\n\nHOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n\n2 personen\n\n"
        "HOELANG DUURDE DE REIS?\n\n2 dagen: 8 en 9 mei 2023\n\nWAT WAS HET DOEL VAN DE REIS?\n\n"
        "Werkbezoek aan Praag over slimme straatverlichting.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    page.get_by_text("Verslagen toevoegen").click()
    page.locator("input[type=file][multiple]").set_input_files([str(good), str(empty)])
    page.get_by_role("button", name="Toevoegen aan archief").click()
    page.get_by_text("Klaar: 2 bestanden verwerkt, 1 met een fout.").wait_for(timeout=LONG)
    # One row per file: the report is added, the empty file is refused with a reason.
    assert page.get_by_role("gridcell", name="toegevoegd", exact=True).count() == 1
    assert page.get_by_role("gridcell", name="fout", exact=True).count() == 1
    shots(page, "toegevoegd")

    page.get_by_label("Van jaar").fill("2023")
    page.get_by_label("Tot en met jaar").fill("2023")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_text("Archief gefilterd.").wait_for()
    shots(page, "gefilterd")

    # The last match is in the archive table (the per-file results above also name the report).
    page.get_by_role("gridcell", name=re.compile("Praag")).last.click()  # picks the row for opening/deleting
    expect(page.get_by_label("Verslag kiezen")).to_have_value(re.compile("Praag"))
    page.get_by_role("button", name="Verwijderen").click()
    page.get_by_text("Weet u zeker dat u").wait_for()
    shots(page, "bevestigen")
    page.get_by_role("button", name="Ja, definitief verwijderen").click()
    page.get_by_text("Het verslag is verwijderd.").wait_for()
    assert page.get_by_role("gridcell", name=re.compile("Praag")).count() == 1  # only in the per-file results
    assert not [r for r in running_app.services.archive().list_reports() if "Praag" in r.title]


# The rows of the archive table (the one with a "Reizigers" column) that show without scrolling it. Gradio
# draws the header as a table and the rows as a virtual list of role="row" boxes in a scrolling viewport.
VISIBLE_ROWS = """() => {
  const header = [...document.querySelectorAll('table')].find(t => t.innerText.includes('Reizigers'));
  const wrap = header.closest('.table-wrap') || header.parentElement;
  const box = wrap.querySelector('.virtual-table-viewport') || wrap;
  const limit = box.getBoundingClientRect();
  return [...box.querySelectorAll('.virtual-body [role=row]')].filter(r => {
    const b = r.getBoundingClientRect();
    return b.height > 0 && b.top >= limit.top - 1 && b.bottom <= limit.bottom + 1;
  }).length;
}"""


def test_archive_search_shows_relevant_reports_with_their_lists(browser: Any, running_app: RunningApp,
                                                                 shots: Any) -> None:  # fmt: skip
    page = open_page(browser, running_app)
    page.get_by_role("tab", name="Archief").click()
    page.get_by_role("button", name="Hele archief tonen").click()
    page.get_by_role("gridcell", name="Dienstreis Wenen, mei 2024").first.wait_for()
    assert page.evaluate(VISIBLE_ROWS) >= 6, "the archive table shows only a few rows"
    shots(page, "archief")

    # A city: its report, not ten reports around the same score.
    page.get_by_label("Zoekvraag").fill("Bratislava")
    page.get_by_label("Zoekvraag").press("Enter")
    page.get_by_text("1 verslag gevonden voor “Bratislava”").wait_for(timeout=LONG)
    shots(page, "een-stad")

    # A list in an answer stays a list, in the snippet and in the opened report.
    page.get_by_label("Zoekvraag").fill("Superilles evaluatie")
    page.get_by_label("Zoekvraag").press("Enter")
    page.get_by_text(re.compile(r"verslag(en)? gevonden voor “Superilles")).wait_for(timeout=LONG)
    page.locator("li li", has_text="Núria Soler stuurt de evaluatie").first.wait_for()
    page.get_by_label("Verslag kiezen").click()
    page.get_by_role("option", name=re.compile("Barcelona, november 2024")).click()
    page.get_by_role("button", name="Openen", exact=True).last.click()
    item = page.locator("li", has_text="Met RVO is afgesproken").last
    item.wait_for()
    people = page.get_by_text("Núria Soler – hoofd smart city").last
    assert "Tomás Ferrer" in people.inner_text() and "Barcelona\nTomás Ferrer" in people.inner_text()
    shots(page, "lijsten")


def test_offline_labelled_and_keyboard_usable(browser: Any, running_app: RunningApp) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((running_app.url, "data:", "blob:")) else None,
    )
    page.goto(running_app.url)
    page.get_by_role("tab", name="Verslag opstellen").wait_for()
    for name in ("Archief", "Samenvatten", "Evaluatie", "Verslag opstellen"):
        page.get_by_role("tab", name=name).click()
    page.wait_for_timeout(500)
    assert outside == [], f"requests that leave the machine: {outside}"
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('textarea, input:not([type=hidden]):not([type=file]), button')]
            .filter(e => e.offsetParent !== null)
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.innerText.trim()
                         && !e.getAttribute('aria-labelledby') && !e.title)
            .map(e => e.outerHTML.slice(0, 120))"""
    )
    assert unlabelled == []
    notes = page.get_by_label("Aantekeningen", exact=True)
    notes.focus()
    for _ in range(12):  # from the notes, Tab reaches the main button
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText") == "Verslag opstellen":
            break
    assert page.evaluate("() => document.activeElement.innerText") == "Verslag opstellen"
    context.close()


def test_waiting_users_see_their_place_and_search_is_not_blocked(browser: Any, running_app: RunningApp) -> None:
    first, second = open_page(browser, running_app), open_page(browser, running_app)
    # Notes of their own: the model answers notes it has drafted before from its answer cache, at once.
    for n, page in enumerate((first, second), start=1):
        type_notes(page, NOTES + f"vervolg: wachtrijproef {n}, verslag {uuid.uuid4().hex[:6]}\n")
    first.get_by_role("button", name="Verslag opstellen", exact=True).click()
    second.get_by_role("button", name="Verslag opstellen", exact=True).click()
    # The model serves one draft at a time: the second official sees their place in the queue.
    second.get_by_text(re.compile(r"wachtrij: 1/1")).first.wait_for(timeout=LONG)
    # Meanwhile a search in the archive is answered at once, not after the drafts.
    second.get_by_role("tab", name="Archief").click()
    second.get_by_label("Zoekvraag").fill("drones")
    second.get_by_label("Zoekvraag").press("Enter")
    second.get_by_text(re.compile(r"verslag(en)? gevonden")).wait_for(timeout=LONG)
    assert "vragen:" not in status_line(first).inner_text(), "the search waited for the first draft"
    first.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)
    second.get_by_role("tab", name="Verslag opstellen").click()
    second.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)


def test_evaluation_tab_shows_the_scorecard_plots_and_failures(
    browser: Any, running_app: RunningApp, shots: Any
) -> None:
    from datetime import UTC, datetime

    from verslaghulp.evaluation.measures import Measure
    from verslaghulp.evaluation.results import CaseResult, DiffRow, RunSummary, SetResult, write_case, write_summary

    for day, recall in ((1, 0.5), (2, 0.75)):  # two runs as `verslaghulp eval run` writes them
        out = running_app.services.eval_runs_dir / f"run-{day}"
        metrics = {"fact_recall": recall, "schema_valid": 1.0}
        write_summary(out, RunSummary(run_id=f"run-{day}", created_at=datetime(2026, 11, day, tzinfo=UTC),
                                      model_spec="fake", model="fake:fake",
                                      sets={"drafting": SetResult(name="drafting", metrics=metrics)}))  # fmt: skip
        diff = [DiffRow(field="doel", expected="✗ open data", produced="Overleg.", ok=False)]
        write_case(out, CaseResult(set="drafting", case_id="gent", diff=diff,
                                   measures={"fact_recall": Measure.ratio(recall * 4, 4)}))  # fmt: skip
    page = open_page(browser, running_app)
    page.get_by_role("tab", name="Evaluatie").click()
    # A newcomer reads what the figures mean and the latest verdict in one line; no path, no command.
    # The verdict's whole block: get_by_text would find only its bold first half.
    verdict = page.locator(".vh-status", has_text="Laatste evaluatie (02-11-2026").first
    verdict.wait_for(timeout=LONG)
    assert "geen oordeel" in verdict.inner_text() and "1 beter" in verdict.inner_text()
    page.get_by_text("Een percentage is het deel dat goed ging").wait_for()
    page.get_by_role("gridcell", name="verwachte feiten gevonden").first.wait_for()
    page.get_by_role("gridcell", name="75,0%").first.wait_for()
    assert page.get_by_role("gridcell", name="beter", exact=True).count() == 1
    page.locator("img[src^='data:image/png']").first.wait_for()  # the matplotlib figure
    visible = page.locator(".tabitem:visible").first.inner_text()
    assert str(running_app.services.eval_runs_dir) not in visible and "eval run" not in visible
    shots(page, "evaluatie")
    # The run folder, the commands and the failing cases are for evaluators, one click away.
    page.get_by_text("Voor evaluatoren").click()
    page.get_by_text("2 runs in totaal").wait_for()
    page.get_by_role("gridcell", name="✗ open data").first.wait_for()
    # The metrics' ids and English names, which the reports and the CLI use, are in small print there.
    page.get_by_text("Namen van de metingen").click()
    page.get_by_role("gridcell", name="drafting.fact_recall", exact=True).first.wait_for()
    shots(page, "voor-evaluatoren")


# Stands in for `verslaghulp eval run --smoke --gate`: one case, then (once allowed) the second and a gated summary.
FAKE_SMOKE = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from verslaghulp.evaluation.results import (CaseResult, GateCheck, GateResult, RunSummary, SetResult, write_case,
                                            write_summary)
out, go = Path(sys.argv[1]), Path(sys.argv[2])
write_case(out, CaseResult(set="drafting", case_id="een"))
while not go.exists():
    time.sleep(0.1)
write_case(out, CaseResult(set="drafting", case_id="twee"))
check = GateCheck(metric="drafting.fact_recall", baseline=0.5, tolerance=0.0, value=1.0, direction="higher",
                  status="ok")
write_summary(out, RunSummary(run_id=out.name, created_at=datetime.now(UTC), model_spec="embedded:smollm2-135m",
                              model="smollm2-135m", sets={"drafting": SetResult(name="drafting",
                              metrics={"fact_recall": 1.0})}, gate=GateResult(baseline_file="b.json", checks=[check])))
"""


def test_an_evaluator_starts_the_smoke_run_from_the_page_while_drafting_goes_on(
    browser: Any, running_app: RunningApp, shots: Any, tmp_path: Any
) -> None:
    import sys

    from verslaghulp.ui.smoke_run import SmokeRuns, use

    go = tmp_path / "go"
    use(SmokeRuns(running_app.services.eval_runs_dir, totals=lambda: {"drafting": 2},
                  command=lambda folder: [sys.executable, "-c", FAKE_SMOKE, str(folder), str(go)]))  # fmt: skip
    page = open_page(browser, running_app)
    page.get_by_role("tab", name="Evaluatie").click()
    start = page.get_by_role("button", name="Snelle evaluatie starten")
    start.click()
    # Its progress, per set, while it runs.
    page.locator(".prose.vh-run", has_text="verslag opstellen 1 van 2 gevallen").wait_for(timeout=LONG)
    assert "Snelle evaluatie loopt" in page.locator(".prose.vh-run").inner_text()
    shots(page, "snelle-evaluatie-loopt")
    # A second start while it runs: a clear Dutch notice, no second run.
    start.click()
    page.get_by_text("Er loopt al een snelle evaluatie").first.wait_for()
    shots(page, "tweede-start")
    # Meanwhile the model's queue is free: an official's click on "Verslag opstellen" is answered at once.
    other = open_page(browser, running_app)
    other.get_by_role("button", name="Verslag opstellen", exact=True).click()
    other.get_by_text("Nog geen aantekeningen.").wait_for(timeout=30_000)
    other.context.close()
    go.touch()
    # Done: the verdict and the scores of the new run, without a refresh.
    page.locator(".prose.vh-run", has_text="Snelle evaluatie klaar").wait_for(timeout=LONG)
    verdict = page.locator(".vh-status", has_text="in orde").first
    verdict.wait_for(timeout=LONG)
    assert "niet in orde" not in verdict.inner_text()
    page.get_by_role("gridcell", name="verwachte feiten gevonden").first.wait_for()
    page.get_by_role("gridcell", name="100,0%").first.wait_for()
    visible = page.locator(".tabitem:visible").first.inner_text()
    assert not re.search(r"\b(recall|precision|Error|Warning|processing)\b", visible), visible
    shots(page, "snelle-evaluatie-klaar")
    assert len(list(running_app.services.eval_runs_dir.glob("*-smoke-pagina/summary.json"))) == 1

"""An official's whole session in a real browser, step by step, with a screenshot of every step.

Draft, answer a follow-up, edit, upload notes into a concept that has some, start a new report,
reopen the first, export, save, and come back after a refresh. At every step the page shows no
English text, and no panel of another concept. Screenshots go to test-artifacts/e2e/<test name>/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import RunningApp
from .pages import EDITED, LONG, NOTES, answer_box, notes_box, open_page, type_notes

pytestmark = [pytest.mark.browser, pytest.mark.real_model]

# Notes of the same trip in a file: the same first line, so the same title in "Mijn concepten".
UPLOADED = "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein heen en terug\ndoel: tweede gesprek over open data\n"
REPLY = "in september stuurt Gent het datamodel"
NO_CHECKS = "De controles verschijnen zodra er een verslag is."
# English that Gradio or our own code could put on the page (toasts, upload area, progress, place names).
ENGLISH = re.compile(
    r"\b(Error|Warning|Info|processing|Drop File Here|Click to Upload|Upload file|Loading|Clear|Submit|Examples|"
    r"The Hague|Copenhagen|Vienna|Brussels|Prague|Lisbon|Munich|Cologne|Athens|Retry|Dismiss|queue|"
    r"recall|precision|coverage|latency|expected-fact|forbidden-fact|schema validity|Run|Runs)\b"
)
# A file size with a decimal point, as Gradio writes it ("36.6 KB"); Dutch writes "36,6 KB".
POINT_SIZE = re.compile(r"\b\d+\.\d\s*(?:B|KB|MB|GB)\b")
# Samples, every 40 ms while a draft streams in, the status line and whether the page says all is answered.
WATCH = """() => {
  window.vhSeen = [];
  window.vhWatch = setInterval(() => {
    const status = [...document.querySelectorAll('.vh-status')].map(e => e.innerText).join(' ');
    const trackers = [...document.querySelectorAll('[data-testid="status-tracker"]')].map(e => e.innerText).join(' ');
    window.vhSeen.push([status, document.body.innerText.includes('Alle vragen zijn beantwoord'), trackers]);
  }, 40);
}"""


def _save_button(page: Any) -> Any:
    return page.get_by_role("button", name="Opslaan in archief")


def _is_primary(button: Any) -> bool:
    return "primary" in (button.get_attribute("class") or "").split()


def _no_english(page: Any, step: str) -> None:
    page.wait_for_timeout(300)  # let toasts and status lines settle
    text = page.locator("body").inner_text()
    found = sorted({m.group() for m in ENGLISH.finditer(text)} | {m.group() for m in POINT_SIZE.finditer(text)})
    assert not found, f"English on the page after '{step}': {found}"


def _step(page: Any, shots: Any, name: str) -> None:
    shots(page, name)
    _no_english(page, name)


@pytest.mark.timeout(1800)
def test_an_officials_session_step_by_step_in_dutch(
    browser: Any, running_app: RunningApp, shots: Any, tmp_path: Path
) -> None:
    page = open_page(browser, running_app)
    # Before any draft: saving is not the main action, and there is no empty downloads box.
    assert not _is_primary(_save_button(page))
    assert not page.get_by_text("Downloads", exact=True).is_visible()
    _step(page, shots, "leeg")

    # 1. Draft. While answers stream in, the page never says that every question is answered.
    type_notes(page, NOTES)
    page.get_by_text("Aantekeningen automatisch bewaard").wait_for()
    page.evaluate(WATCH)
    page.get_by_role("button", name="Verslag opstellen", exact=True).click()
    page.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)
    seen = page.evaluate("() => { clearInterval(window.vhWatch); return window.vhSeen; }")
    assert any("beantwoord…" in status for status, _, _ in seen), "no progress line was seen while streaming"
    premature = [status for status, all_answered, _ in seen if "beantwoord…" in status and all_answered]
    assert not premature, f"'Alle vragen zijn beantwoord' stood next to {premature[0]!r}"
    progress = {m.group() for _, _, trackers in seen for m in ENGLISH.finditer(trackers)}
    assert not progress, f"Gradio's progress line in English: {progress}"  # "processing | 4.2s"
    assert _is_primary(_save_button(page))  # now there is something to save
    _step(page, shots, "opgesteld")

    # 2. Answer a follow-up question: only that question is drafted again.
    page.get_by_label("Vervolgvraag bij vraag 10:").fill(REPLY)
    page.get_by_role("button", name="Vraag 10 opnieuw opstellen met dit antwoord").click()
    page.locator(".vh-status", has_text="Vraag 10 is opnieuw opgesteld").last.wait_for(timeout=LONG)
    assert notes_box(page).input_value().endswith(f"vervolg (aanvulling): {REPLY}\n")
    _step(page, shots, "vervolgvraag")

    # 3. Edit an answer: saved as soon as the box is left.
    answer_box(page, 6).fill(EDITED)
    answer_box(page, 6).press("Tab")
    page.get_by_text("Automatisch bewaard om").wait_for()
    _step(page, shots, "bewerkt")
    drafted_notes = notes_box(page).input_value()

    # 4. Upload notes into this concept: they become a concept of their own, nothing is replaced.
    notes_file = tmp_path / "gent-tweede-gesprek.txt"
    notes_file.write_text(UPLOADED, encoding="utf-8")
    page.locator("input[type=file]").first.set_input_files(str(notes_file))
    page.get_by_text("ingelezen als nieuw concept").wait_for(timeout=LONG)
    assert notes_box(page).input_value() == UPLOADED
    page.get_by_text(NO_CHECKS).wait_for()
    assert not answer_box(page, 1).is_visible() and not _is_primary(_save_button(page))
    _step(page, shots, "geupload-in-bestaand-concept")

    # Both concepts are listed, with the same first line, yet no two rows look alike.
    page.get_by_role("button", name="Mijn concepten").click()
    page.get_by_role("button", name="Lijst vernieuwen").click()
    titles = page.get_by_role("gridcell", name="Gent 3 t/m 4 juni 2025, alleen gereisd")
    titles.first.wait_for()
    texts = [titles.nth(n).inner_text() for n in range(titles.count())]
    assert len(texts) == 2 and len(set(texts)) == 2 and all("begonnen" in t for t in texts), texts
    page.get_by_role("gridcell", name="verslag opgesteld", exact=True).first.wait_for()
    page.get_by_role("gridcell", name="alleen aantekeningen, nog geen verslag", exact=True).first.wait_for()
    _step(page, shots, "mijn-concepten")

    # 5. "Nieuw verslag": every panel is empty.
    page.get_by_role("button", name="Nieuw verslag").click()
    expect(notes_box(page)).to_have_value("")
    page.get_by_text(NO_CHECKS).wait_for()
    assert not answer_box(page, 1).is_visible()
    assert not page.get_by_text("ingelezen als nieuw concept").is_visible()
    _step(page, shots, "nieuw-verslag")

    # 6. Reopen the drafted concept: its notes, answers, edit and checks come back.
    page.get_by_role("gridcell", name="verslag opgesteld", exact=True).first.click()
    page.get_by_role("button", name="Openen", exact=True).click()
    page.get_by_text("Concept geopend").wait_for()
    assert notes_box(page).input_value() == drafted_notes
    assert answer_box(page, 6).input_value() == EDITED
    assert not page.get_by_text(NO_CHECKS).is_visible() and _is_primary(_save_button(page))
    _step(page, shots, "heropend")

    # 7. Export: the files appear under the buttons.
    page.get_by_role("button", name="Exporteren (.docx en .md)").click()
    page.locator('a[href*=".docx"]').first.wait_for()
    _step(page, shots, "geexporteerd")

    # 8. Save: the confirmation stands right under the button, says when, and shows no id.
    for number in [n for n in range(1, 11) if "⟦" in answer_box(page, n).input_value()]:
        box = answer_box(page, number)  # the official confirms the marked facts by removing the brackets
        box.fill(box.input_value().replace("⟦", "").replace("⟧", ""))
        box.press("Tab")
        page.get_by_text("Automatisch bewaard om").wait_for()
    _save_button(page).click()
    confirmation = page.get_by_text(re.compile(r"Opgeslagen in het archief op \d")).first
    confirmation.wait_for(timeout=LONG)
    button, said = _save_button(page).bounding_box(), confirmation.bounding_box()
    assert button and said and 0 <= said["y"] - (button["y"] + button["height"]) < 120, (button, said)
    message = confirmation.inner_text()
    assert not re.search(r"[0-9a-f]{12,}", message) and "id" not in message.split(), message
    _step(page, shots, "opgeslagen")

    # 9. A refresh reopens the concept with its panels: the saved message and the files.
    page.reload()
    page.wait_for_function("() => [...document.querySelectorAll('textarea')].some(t => t.value.includes('OSLO'))")
    page.get_by_text(re.compile(r"Opgeslagen in het archief op \d")).first.wait_for()
    page.locator('a[href*=".docx"]').first.wait_for()
    _step(page, shots, "na-herladen")

    # 10. The saved report in the archive: found by its city, its lists kept, in Dutch.
    page.get_by_role("tab", name="Archief").click()
    page.get_by_label("Zoekvraag").fill("open data Gent")
    page.get_by_label("Zoekvraag").press("Enter")
    page.get_by_text(re.compile(r"verslag(en)? gevonden voor")).first.wait_for(timeout=LONG)
    _step(page, shots, "archief-gezocht")

    # 11. The Evaluatie tab after a run: what the figures mean, the verdict and the scores, all in Dutch.
    _write_run(running_app)
    page.get_by_role("tab", name="Evaluatie").click()
    page.locator(".vh-status", has_text="Laatste evaluatie").first.wait_for(timeout=LONG)
    page.get_by_role("gridcell", name="verwachte feiten gevonden").first.wait_for()
    _step(page, shots, "evaluatie")


def _write_run(app: RunningApp) -> None:
    """A finished evaluation run in the app's runs folder, as `verslaghulp eval run` writes one."""
    from datetime import UTC, datetime

    from verslaghulp.evaluation.results import RunSummary, SetResult, write_summary

    metrics = {"fact_recall": 0.75, "schema_valid": 1.0, "niet_vermeld_precision": 0.5, "latency_mean_s": 1234.5}
    write_summary(app.services.eval_runs_dir / "run-1", RunSummary(
        run_id="run-1", created_at=datetime(2026, 11, 2, tzinfo=UTC), model_spec="fake", model="fake:fake",
        sets={"drafting": SetResult(name="drafting", metrics=metrics)}))  # fmt: skip

"""What the browser tests share: the trip notes they type, and how they open and fill the page."""

from __future__ import annotations

from typing import Any

from .conftest import RunningApp

NOTES = """Gent 3 t/m 4 juni 2025, alleen gereisd
met de trein heen en terug
doel: overleg open data met de stad Gent
gesproken: Els Peeters - CDO Gent
geleerd: Gent publiceert alle parkeerdata als open data
"""
EDITED = "Overleg over open data met de stad Gent; Gent deelt het Vlaamse OSLO-datamodel met Den Haag."
LONG = 300_000  # ms: the tiny model drafts ten questions in seconds, but the machine is shared


def open_page(browser: Any, app: RunningApp, headers: dict[str, str] | None = None) -> Any:
    """A fresh browser tab (Dutch locale, downloads allowed) on the app, once the tabs are there."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="nl-NL",
                                  extra_http_headers=headers or {})  # fmt: skip
    page = context.new_page()
    page.goto(app.url)
    page.get_by_role("tab", name="Verslag opstellen").wait_for()
    return page


def answer_box(page: Any, number: int) -> Any:
    """The editable answer to question `number`."""
    return page.get_by_label(f"Antwoord op vraag {number} (bewerkbaar)", exact=True)


def notes_box(page: Any) -> Any:
    """The notes box."""
    return page.get_by_label("Aantekeningen", exact=True)


def type_notes(page: Any, text: str) -> None:
    """Fill the notes and leave the box, which saves them as typing does."""
    box = notes_box(page)
    box.fill(text)
    box.press("Tab")


def status_line(page: Any) -> Any:
    """The drafting status line."""
    return page.locator(".vh-status").last


def generate(page: Any) -> None:
    """Click "Verslag opstellen" and wait until the draft is done."""
    page.get_by_role("button", name="Verslag opstellen", exact=True).click()
    page.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)

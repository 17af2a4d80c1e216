"""A follow-up reply that changes the transport re-derives the answers resting on it, on the page at once.

The notes of a trip to Paris say nothing about transport, so the transport, the 8-hours rule and the
kilometres/CO2 answers all ask. Replying "vliegtuig" to the transport question must change, without a
refresh, the 8-hours answer (now asking why one flew where the train takes under 8 hours), the
kilometres/CO2 answer (a flight's distance and emissions) and the checks panel. Before, only the
answer replied to was sent back to the page; the others kept their stale text until the concept was
reopened.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import RunningApp
from .pages import LONG, answer_box, open_page, type_notes

pytestmark = [pytest.mark.browser, pytest.mark.real_model]

PARIS = "Parijs 3 t/m 4 juni 2025, alleen gereisd\ndoel: overleg open data met de stad Parijs\n"
REPLY = "vliegtuig Schiphol - Parijs v.v., ca. 400 km per vlucht"
# Questions of the 2025 form: 3 transport, 4 the 8-hours rule, 5 kilometres and CO2.
TRANSPORT, FLIGHT_RULE, KM_CO2 = 3, 4, 5


def _follow_up(page: Any, number: int) -> Any:
    return page.get_by_label(f"Vervolgvraag bij vraag {number}:")


@pytest.mark.timeout(900)
def test_a_transport_reply_re_derives_the_flight_rule_and_km_co2_on_the_page(
    browser: Any, running_app: RunningApp, shots: Any
) -> None:
    page = open_page(browser, running_app)
    type_notes(page, PARIS)
    page.get_by_text("Aantekeningen automatisch bewaard").wait_for()
    page.get_by_role("button", name="Verslag opstellen", exact=True).click()
    page.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=LONG)
    checks = page.locator(".prose.vh-checks")
    expect(checks).to_contain_text("is er niet gevlogen")
    km_before = answer_box(page, KM_CO2).input_value()
    assert "km met vliegtuig" not in km_before
    flown = page.get_by_label(re.compile(rf"Vervolgvraag bij vraag {FLIGHT_RULE}: .*naar Parijs gevlogen.*8 uur"))
    expect(_follow_up(page, FLIGHT_RULE)).to_be_visible()  # it asks how one travelled
    expect(flown).to_have_count(0)
    shots(page, "zonder-vervoer")

    _follow_up(page, TRANSPORT).fill(REPLY)
    page.get_by_role("button", name=f"Vraag {TRANSPORT} opnieuw opstellen met dit antwoord").click()
    page.locator(".vh-status", has_text=f"Vraag {TRANSPORT} is opnieuw opgesteld").last.wait_for(timeout=LONG)

    expect(answer_box(page, TRANSPORT)).to_have_value(re.compile(r"^Vliegtuig"))
    # The answers that rest on the transport follow it, without a refresh or reopening the concept.
    expect(answer_box(page, KM_CO2)).to_have_value(re.compile(r"km met vliegtuig.*CO2", re.S))
    expect(flown).to_be_visible()  # now it asks why one flew where the train takes under 8 hours
    # And the checks panel says the same as the answers.
    expect(checks).to_contain_text("gevlogen terwijl de treinreis naar Parijs")
    expect(checks).to_contain_text("km met vliegtuig")
    expect(checks).to_contain_text("Geen tegenstrijdigheden gevonden")
    shots(page, "na-vliegtuig")

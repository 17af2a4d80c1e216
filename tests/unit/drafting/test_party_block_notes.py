"""A draft of notes that list the party under a label, with a duration in nights and a train via a city.

Found by drafting notes written for this check the way an official would (2026-12-01): the party's
members were listed as people met, the computed last day was flagged as not in the notes, and the
city the train passed through was listed as a visited place.
"""

from __future__ import annotations

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.facts.grounding_model import FactStatus
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form

NOTES = """Werkbezoek Hamburg - walstroom en havenontwikkeling
Vertrokken dinsdag 3 juni 2025, 2 nachten
Delegatie gemeente:
- ikzelf (programmamanager haven)
- Noor Visser, beleidsadviseur energie
- wethouder R. de Boer
Heen met de ICE via Osnabrück, ca. 480 km enkele reis, terug precies zo.
Gesprekken
- Dr. Henrik Schulz, programmaleider smartPORT, Hamburg Port Authority
- Katrin Vogel, projectleider walstroom Cruise Terminal Altona
Vervolg: Henrik stuurt voor 1 juli de evaluatie van de pilot
"""


def test_the_party_the_period_and_the_places_of_a_labelled_party() -> None:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), Settings(backend="fake"))
    assert draft.answer("personen").text.startswith("3 personen")
    met = draft.answer("ontmoet").text
    assert "Henrik Schulz" in met and "Katrin Vogel" in met
    assert not any(name in met for name in ("ikzelf", "Noor Visser", "De Boer", "de Boer", "ICE"))
    period = draft.answer("duur")
    assert "t/m donderdag 5 juni 2025" in period.text
    assert period.grounding is not None and not period.grounding.unsupported
    assert any(f.status is FactStatus.COMPUTED and "5 juni" in f.text for f in period.grounding.facts)
    places = draft.answer("locaties").text
    assert "Hamburg" in places and "Osnabrück" not in places
    assert draft.answer("kilometers_co2").text.startswith("ca. 960 km met trein")

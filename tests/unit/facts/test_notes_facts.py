"""The notes' facts are read in one pass per draft, and every reader of the draft shares them."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.notes import parse_notes

NOTES = """Kopenhagen - bezoek Smart City Week
di 3 t/m do 5 juni 2025, met z'n drieën
mee: Joris Bakker en Ilse de Wit
heen met de Eurostar via Brussel, terug gevlogen met KLM, ca 780 km per richting
gesproken met Mette Holm (programmamanager Kopenhagen Kommune)
vervolg: Mette stuurt voor 1 juli de evaluatie
"""


def test_the_facts_keep_their_evidence_and_the_notes_numbering() -> None:
    notes = parse_notes(NOTES)
    facts = notes.facts
    assert facts is notes.facts  # read once per notes, then shared
    assert facts.travellers is not None and facts.travellers.count == 3
    assert facts.travellers.evidence in NOTES
    assert facts.period is not None and (facts.period.days, facts.period.evidence) == (3, "di 3 t/m do 5 juni 2025")
    assert [leg.mode.value for leg in facts.legs] == ["trein", "vliegtuig"]
    assert all(leg.evidence in NOTES for leg in facts.legs)
    assert [line.text for line in facts.lines] == [line.text for line in notes.lines]
    assert [p.name for p in facts.line(5).people] == ["Mette Holm"]
    assert [d.text for d in facts.line(6).dates] == ["1 juli"]
    # The grounding index derives its values from the same readings as the answers.
    assert ("persoon", 3.0) in facts.index.derived and ("dag", 3.0) in facts.index.derived


def test_without_lines_the_text_is_numbered_as_parse_notes_numbers_it() -> None:
    text = "  Wenen   13 okt \n\n\tmet collega Piet Jansen\n"
    assert [line.text for line in read_notes_facts(text).lines] == [ln.text for ln in parse_notes(text).lines]


_EXTRACTORS = ("extract_period", "count_travellers", "extract_transport_legs", "party_from_lists")


def _count_calls(monkeypatch: pytest.MonkeyPatch, text: str) -> Counter[str]:
    """Wrap each extractor wherever verslaghulp imported it; count its calls on the whole notes text."""
    calls: Counter[str] = Counter()

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(arg: str, *args: Any, **kwargs: Any) -> Any:
            if arg == text:
                calls[name] += 1
            return original(arg, *args, **kwargs)

        return wrapper

    for module in [m for name, m in sys.modules.items() if name.startswith("verslaghulp")]:
        for name in _EXTRACTORS:
            original = getattr(module, name, None)
            if callable(original) and getattr(original, "__module__", "").startswith("verslaghulp.facts"):
                monkeypatch.setattr(module, name, counting(name, original))
    return calls


def test_a_draft_reads_each_fact_of_the_notes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = parse_notes(NOTES).text
    calls = _count_calls(monkeypatch, text)
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), Settings())
    assert draft.answer("personen").text.startswith("3 personen")
    # One pass: each extractor ran on the notes text at most once for the whole draft (count_travellers
    # reads the enumeration itself too, hence party_from_lists may run twice).
    assert calls["extract_transport_legs"] == 1 and calls["extract_period"] == 1
    assert calls["count_travellers"] == 1 and calls["party_from_lists"] <= 2

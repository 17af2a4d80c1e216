"""The facts code reads, on the development phrasing banks in eval/phrasings/ (written without the code).

Each entry is a few lines of notes with the party size, the period or the modes travelled. Every entry
is a test; the few that code does not read are listed in `NOT_READ` with why, so a change that breaks a
phrasing fails here, and one that starts reading a listed entry fails too (the list must shrink).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from verslaghulp.facts.notes_facts import read_notes_facts

BANKS = sorted((Path(__file__).resolve().parents[3] / "eval" / "phrasings").glob("dev-bank*.yaml"))

# (bank file, kind, first line of the entry, or first line " / " the start of the second where two entries
# share their first line) -> why code does not read it; the model fallback may.
NOT_READ: dict[tuple[str, str, str], str] = {
    ("dev-bank.yaml", "travellers", "Porto, urban heat"): "a manager who joined on day 2, told in prose",
    ("dev-bank.yaml", "travellers", "Reis Warschau, Covenant of Mayors"): "the party as 'werd vergezeld door'",
    ("dev-bank.yaml", "travellers", "Verslag Edinburgh (cultuurbeleid)"): "a wethouder who followed a day later",
    ("dev-bank.yaml", "periods", "Conferentie Eurocities, Brussel"): "the event's range beats 'wij waren er op'",
    ("dev-bank.yaml", "periods", "Trip Barcelona"): "ordinal days without a month ('the 24th')",
    ("dev-bank-2.yaml", "travellers", "Verslag werkbezoek Kopenhagen (concept)"): "'onze wethouder' without a name",
    ("dev-bank-2.yaml", "travellers", "Subject: Porto trip - who's coming"): "a later 'so we're three' corrects",
    ("dev-bank-2.yaml", "travellers", "Paris, Eurocities Mobility Forum"): "a wethouder who joined on day 2",
    ("dev-bank-2.yaml", "travellers", "Helsinki trip"): "a member who joined via Teams instead",
    ("dev-bank-2.yaml", "travellers", "Werkbezoek Lille"): "'twee beleidsadviseurs' named in apposition",
    ("dev-bank-2.yaml", "travellers", "Subject: RE: RE: Manchester"): "a member added in a quoted reply",
    ("dev-bank-2.yaml", "travellers", "Verslag Aarhus"): "the party told across a narrative",
    ("dev-bank-2.yaml", "travellers", "Werkbezoek Gent"): "'ik heb X en Y meegenomen'",
    ("dev-bank-2.yaml", "travellers", "Krakau"): "a colleague who followed a day later",
    ("dev-bank-2.yaml", "periods", "Conference notes Lisbon, Web Summit"): "attended days inside the event's range",
    ("dev-bank-2.yaml", "periods", "Werkbezoek Berlijn, wk 41 (2025)"): "week number with 'dinsdag heen'",
    ("dev-bank-2.yaml", "periods", "Wenen, Urban Future conference"): "arrival 'the evening before (the 19th)'",
    ("dev-bank-2.yaml", "periods", "Werkbezoek Essen"): "German 30.09.-02.10.2025",
    ("dev-bank-2.yaml", "periods", "Brussels, Eurocities Environment Forum"): "one day inside the event's range",
    ("dev-bank-2.yaml", "transport", "Praag / Heen met de nachtbus"): "bus compounds are not read ('databus')",
    ("dev-bank-2.yaml", "transport", "Antwerpen / Met de NS-vervangende bus"): "the carrier names the train first",
}


def _reason(bank: str, kind: str, lines: list[str]) -> str | None:
    """Why the entry is not read, when `NOT_READ` lists it."""
    joined = " / ".join(lines)
    for (name, listed_kind, start), reason in NOT_READ.items():
        if (name, listed_kind) == (bank, kind) and (start == lines[0] or (" / " in start and joined.startswith(start))):
            return reason
    return None


def _entries() -> list[Any]:
    out: list[Any] = []
    for bank in BANKS:
        data = yaml.safe_load(bank.read_text(encoding="utf-8"))
        for kind in ("travellers", "periods", "transport"):
            for i, entry in enumerate(data.get(kind, [])):
                reason = _reason(bank.name, kind, [ln.strip() for ln in entry["text"].strip().splitlines()])
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                out.append(pytest.param(kind, entry, id=f"{bank.stem}-{kind}-{i}", marks=marks))
    return out


def _on_lines(evidence: str, text: str) -> bool:
    """Whether every line of the evidence stands on a line of the notes (the answer can show its lines)."""
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    parts = [" ".join(p.split()) for p in evidence.splitlines() if p.strip()]
    return bool(parts) and all(any(part in line for line in lines) for part in parts)


@pytest.mark.parametrize(("kind", "entry"), _entries())
def test_the_bank_entry_is_read(kind: str, entry: dict[str, Any]) -> None:
    facts = read_notes_facts(entry["text"])
    if kind == "travellers":
        assert facts.travellers is not None and facts.travellers.count == entry["count"]
        assert _on_lines(facts.travellers.evidence, entry["text"]), facts.travellers.evidence
    elif kind == "periods":
        period = facts.period
        assert period is not None
        assert (period.start, period.end) == (_date(entry["start"]), _date(entry["end"]))
        assert _on_lines(period.evidence, entry["text"]), period.evidence
    else:
        assert list(dict.fromkeys(leg.mode.value for leg in facts.legs)) == entry["modes"]
        assert all(_on_lines(leg.evidence, entry["text"]) for leg in facts.legs)


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_the_banks_are_there() -> None:
    assert BANKS, "eval/phrasings/dev-bank*.yaml is missing"

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

# (bank file, kind, first line of the entry) -> why code does not read it; the model fallback may.
NOT_READ: dict[tuple[str, str, str], str] = {
    ("dev-bank.yaml", "travellers", "Porto, urban heat"): "a manager who joined on day 2, told in prose",
    ("dev-bank.yaml", "travellers", "Reis Warschau, Covenant of Mayors"): "the party as 'werd vergezeld door'",
    ("dev-bank.yaml", "travellers", "Verslag Edinburgh (cultuurbeleid)"): "a wethouder who followed a day later",
    ("dev-bank.yaml", "periods", "Conferentie Eurocities, Brussel"): "the event's range beats 'wij waren er op'",
    ("dev-bank.yaml", "periods", "Trip Barcelona"): "ordinal days without a month ('the 24th')",
}


def _entries() -> list[Any]:
    out: list[Any] = []
    for bank in BANKS:
        data = yaml.safe_load(bank.read_text(encoding="utf-8"))
        for kind in ("travellers", "periods", "transport"):
            for i, entry in enumerate(data.get(kind, [])):
                first = entry["text"].strip().splitlines()[0].strip()
                reason = NOT_READ.get((bank.name, kind, first))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                out.append(pytest.param(kind, entry, id=f"{bank.stem}-{kind}-{i}", marks=marks))
    return out


@pytest.mark.parametrize(("kind", "entry"), _entries())
def test_the_bank_entry_is_read(kind: str, entry: dict[str, Any]) -> None:
    facts = read_notes_facts(entry["text"])
    if kind == "travellers":
        assert facts.travellers is not None and facts.travellers.count == entry["count"]
    elif kind == "periods":
        period = facts.period
        assert period is not None
        assert (period.start, period.end) == (_date(entry["start"]), _date(entry["end"]))
    else:
        assert list(dict.fromkeys(leg.mode.value for leg in facts.legs)) == entry["modes"]


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_the_banks_are_there() -> None:
    assert BANKS, "eval/phrasings/dev-bank*.yaml is missing"

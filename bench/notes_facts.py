"""Benchmark: the one pass over the notes (facts/notes_facts.py) against a whole code-side draft.

For every example notes file and the dev drafting cases: the time of `read_notes_facts` (all facts of
the notes, each line's names included), the time of the five whole-text extractors it runs once each
(period, party, legs, places, dates: the baseline, what one reader parsing the text costs), and the
time of a whole draft with the fake model (line selection, code answers, grounding, omission check;
the model writes nothing), all in one process. Prints one JSON line.

    .venv/bin/python bench/notes_facts.py
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.facts import count_travellers, extract_period, extract_transport_legs, find_dates, find_places
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form

ROOT = Path(__file__).resolve().parents[1]


def _notes() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "notes").glob("*.txt"))]
    cases = yaml.safe_load((ROOT / "eval" / "sets" / "drafting.yaml").read_text(encoding="utf-8"))
    return texts + [c["notes"] for c in cases]


def _ms(work: Callable[[], object], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        work()
    return (time.perf_counter() - start) * 1000 / rounds


def _extractors(text: str) -> None:
    extract_period(text)
    count_travellers(text)
    extract_transport_legs(text)
    find_places(text)
    find_dates(text)


def main(rounds: int = 5) -> None:
    notes = _notes()
    form = load_form("denhaag-2025")
    settings = Settings(backend="fake", semantic_routing=False)
    model = FakeChatModel()
    for text in notes[:2]:  # warm-up: gazetteer, tables and regexes load once per process
        draft_report(text, form, model, settings)
    one_pass = [_ms(lambda t=text: read_notes_facts(t), rounds) for text in notes]
    baseline = [_ms(lambda t=text: _extractors(t), rounds) for text in notes]
    drafts = [_ms(lambda t=text: draft_report(t, form, model, settings), 1) for text in notes]
    print(json.dumps({
        "notes": len(notes),
        "read_notes_facts_ms_median": round(statistics.median(one_pass), 2),
        "five_extractors_once_ms_median": round(statistics.median(baseline), 2),
        "one_pass_over_extractors": round(statistics.median(one_pass) / statistics.median(baseline), 2),
        "fake_draft_ms_median": round(statistics.median(drafts), 1),
        "one_pass_share_of_draft": round(statistics.median(one_pass) / statistics.median(drafts), 3),
    }))  # fmt: skip


if __name__ == "__main__":
    main()

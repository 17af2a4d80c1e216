"""Benchmark: grounding check + consistency checks per report, over the grounding eval set.

Prints one JSON line: {"reports": n, "runs": n, "median_ms": x, "p95_ms": y, "target_ms": 50}.
Run: .venv/bin/python bench/facts.py
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import yaml

from verslaghulp.drafting.consistency import check_consistency
from verslaghulp.facts import check_grounding
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.facts.plain_draft import plain_draft

SET = Path(__file__).resolve().parents[1] / "eval" / "sets" / "grounding.yaml"


def main(rounds: int = 20) -> None:
    pairs = yaml.safe_load(SET.read_text(encoding="utf-8"))["pairs"]
    drafts = [(plain_draft(p["report"]), p["notes"]) for p in pairs]
    for draft, notes in drafts:  # warm-up: gazetteer index and tables load once per process
        check_grounding(draft, notes)
    timings: list[float] = []
    for _ in range(rounds):
        for draft, notes in drafts:
            start = time.perf_counter()
            check_grounding(draft, notes)
            check_consistency(draft, read_notes_facts(notes))
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(json.dumps({"reports": len(drafts), "runs": len(timings), "median_ms": round(statistics.median(timings), 2),
                      "p95_ms": round(p95, 2), "target_ms": 50}))  # fmt: skip


if __name__ == "__main__":
    main()

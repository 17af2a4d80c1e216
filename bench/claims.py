"""Measure the summary sentence check on the labelled sentences (eval/sets/labelled-sentences.yaml), per split.

For each labelled sentence, the pipeline's own check (`summarising.citations.check_sentence`: the
facts layer plus the claim-level check and the grammar check) runs against the text of the
report(s) it cites, as a model-written sentence. Printed: precision and recall of "not supported"
for the claim-level findings on the predicate and actor changes, and for the whole check per kind
of change. No model, no Chroma: the reports are read and parsed as the archive would.

The sentences are split by the reports they cite (`evaluation.sets.labelled_split`); the dev split also
has the sentences written for development over the dev reports (labelled-sentences-dev.yaml). The check
may be developed on the dev split; the test split is only measured. Both are printed, one line each.

    .venv/bin/python bench/claims.py [--split dev|test] [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from verslaghulp.archive.metadata import extract_facts
from verslaghulp.archive.readers import read_document
from verslaghulp.evaluation.sets import LabelledSentence, load_labelled, load_labelled_split
from verslaghulp.report.forms import available_forms
from verslaghulp.report.parse import parse_report
from verslaghulp.summarising.citations import SourceIndexes, check_sentence
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.result import CitedSentence

ROOT = Path(__file__).resolve().parents[1]
CLAIM_KINDS = {"predicate", "actor"}


def _texts(folder: Path, names: set[str]) -> dict[str, str]:
    """Each report as the summaries see it: its label (destination, dates) and its text."""
    forms = available_forms()
    out: dict[str, str] = {}
    for name in sorted(names):
        document = read_document(folder / name, max_bytes=10**8, max_chars=10**7)
        facts = extract_facts(parse_report(document.text, forms), source_name=name)
        label = SelectedReport(report_id=name, source_name=name, title=facts.title, start=facts.start, end=facts.end,
                               cities=facts.cities, countries=facts.countries).label  # fmt: skip
        out[name] = f"{label}\n\n{document.text}"
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def measure(items: list[LabelledSentence], texts: dict[str, str], *, show: bool = False) -> dict[str, object]:
    """The check's figures on these sentences (and, with `show`, every sentence it gets wrong, printed)."""
    started = time.perf_counter()
    rows = []
    for item in items:
        numbers = {name: n for n, name in enumerate(item.cites, start=1)}
        indexes = SourceIndexes(
            {n: texts[name] for name, n in numbers.items()}, {n: name for name, n in numbers.items()}
        )
        check = check_sentence(CitedSentence(text=item.sentence, sources=list(numbers.values())), indexes)
        claims = bool(set(check.findings) & {"predicaat", "actor"})
        rows.append((item, claims, not check.supported, check))
    seconds = time.perf_counter() - started

    wrong = [r for r in rows if r[0].verdict == "not_supported"]
    claim_cases = [r for r in wrong if r[0].change in CLAIM_KINDS]
    flagged_by_claims = [r for r in rows if r[1]]
    passed = [r for r in rows if not r[2]]
    figures: dict[str, object] = {
        "sentences": len(rows),
        "claim_check": {
            "precision": _ratio(
                sum(r[0].verdict == "not_supported" for r in flagged_by_claims), len(flagged_by_claims)
            ),
            "recall_predicate_actor": _ratio(sum(r[1] for r in claim_cases), len(claim_cases)),
            "flagged": len(flagged_by_claims),
            "cases": len(claim_cases),
        },
        "whole_check": {
            "precision": _ratio(sum(r[0].verdict == "not_supported" for r in rows if r[2]), sum(r[2] for r in rows)),
            "recall": _ratio(sum(r[2] for r in wrong), len(wrong)),
            "recall_predicate_actor": _ratio(sum(r[2] for r in claim_cases), len(claim_cases)),
            "false_alarms_on_supported": sum(r[2] for r in rows if r[0].verdict == "supported"),
            # Of the sentences the check lets through, the share a reader judged supported.
            "passed_precision": _ratio(sum(r[0].verdict == "supported" for r in passed), len(passed)),
        },
        "recall_by_change": {
            kind: f"{sum(r[2] for r in wrong if r[0].change == kind)}/{count}"
            for kind, count in sorted(Counter(r[0].change for r in wrong).items())
        },
        "ms_per_sentence": round(1000 * seconds / max(len(rows), 1), 1),
    }
    if show:
        for item, _claims, flagged, check in rows:
            if flagged != (item.verdict == "not_supported"):
                what = "; ".join(f"{u.text} ({u.reason[:70]})" for u in check.unsupported)
                print(f"{item.id} {item.verdict}/{item.change} flagged={flagged}: {item.sentence}\n    {what}")
    return figures


def main() -> None:
    """Run the check on the labelled sentences of each split and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], help="one split only (default: both)")
    parser.add_argument("--show", action="store_true", help="print every sentence the check gets wrong")
    args = parser.parse_args()
    data = load_labelled()
    splits = {split: load_labelled_split(split).sentences for split in ["dev", "test"]}
    texts = _texts(ROOT / data.archive, {name for items in splits.values() for item in items for name in item.cites})
    for split in [args.split] if args.split else ["dev", "test"]:
        items = splits[split]
        figures = measure(items, texts, show=args.show)
        print(json.dumps({"split": split, **figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Learn the line router's topic centroids from the dev split of the drafting set, and report how it routes.

    .venv/bin/python scripts/train_line_router.py            # train on eval/sets/drafting.yaml, write the file
    .venv/bin/python scripts/train_line_router.py --check eval/sets/drafting-test.yaml   # report only

Each line of a dev case is labelled with the topics of the questions whose headers or keywords select
it, and with the question whose expected facts (`must_contain`) it holds. The report counts, for the
lines that no strong signal selects but that hold an expected fact, how often the router sends them to
the right question (leave-one-case-out on the dev split, so the figure is not in-sample).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from verslaghulp.archive.embeddings import default_embedder
from verslaghulp.drafting.injection import is_instruction
from verslaghulp.drafting.line_router import Centroids, classify, data_path, train
from verslaghulp.drafting.relevance import relevant_lines
from verslaghulp.drafting.topics import topic_of, with_topics
from verslaghulp.evaluation.matching import contains
from verslaghulp.evaluation.sets import DraftingCase, load_drafting
from verslaghulp.report.forms import load_form
from verslaghulp.report.notes import parse_notes

ROOT = Path(__file__).resolve().parents[1]


def _labelled(cases: list[DraftingCase]) -> list[tuple[str, str, set[str], set[str], bool]]:
    """(case id, line text, strong labels, fact labels, claimed by a strong signal) per line."""
    rows = []
    for case in cases:
        form = with_topics(load_form(case.form, (ROOT / "eval" / "forms",)))
        notes = parse_notes(case.notes)
        lines = [line for line in notes.lines if not is_instruction(line.text)]
        strong: dict[int, set[str]] = {}
        for q in form.questions:
            for line in relevant_lines(q, lines, form.questions):
                strong.setdefault(line.number, set()).add(topic_of(q).id)
        for line in lines:
            facts = {
                topic_of(form.question(qid)).id
                for qid, wanted in case.expect.must_contain.items()
                if qid in {q.id for q in form.questions} and any(contains(line.text, w) for w in wanted if w != "Nee")
            }
            rows.append((case.id, line.text, strong.get(line.number, set()), facts, line.number in strong))
    return rows


def _report(rows: list[tuple[str, str, set[str], set[str], bool]], vectors: np.ndarray, centroids_for) -> None:  # type: ignore[type-arg, no-untyped-def]
    missed = [i for i, r in enumerate(rows) if r[3] and not r[4]]
    right = sure = sure_right = 0
    for i in missed:
        route = classify(vectors[i : i + 1], centroids_for(rows[i][0]))[0]
        ok = route.topic in rows[i][3]
        right += ok
        if route.sure:
            sure += 1
            sure_right += ok
    print(f"lines holding an expected fact that no strong signal selects: {len(missed)}")
    print(f"  nearest topic right: {right} of {len(missed)}")
    print(f"  routed (sure): {sure}, of which right: {sure_right}")
    unlabelled = [i for i, r in enumerate(rows) if not r[2] and not r[3]]
    routed = sum(classify(vectors[i : i + 1], centroids_for(rows[i][0]))[0].sure for i in unlabelled)
    print(f"lines with no label at all: {len(unlabelled)}, routed anyway: {routed}")


def main() -> None:
    """Train (or check) and print the report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", type=Path, default=ROOT / "eval" / "sets" / "drafting.yaml")
    parser.add_argument("--check", type=Path, help="only report how the stored centroids route this set")
    args = parser.parse_args()
    embedder = default_embedder()
    if args.check:
        rows = _labelled(load_drafting(args.check))
        vectors = embedder.passages([r[1] for r in rows])
        stored = Centroids.from_json(json.loads(data_path().read_text(encoding="utf-8")))
        _report(rows, vectors, lambda _case: stored)
        return
    rows = _labelled(load_drafting(args.dev))
    vectors = embedder.passages([r[1] for r in rows])
    labels = [r[2] | r[3] for r in rows]
    keep = [i for i, ls in enumerate(labels) if ls]
    source = f"{args.dev.relative_to(ROOT)} sha256:{hashlib.sha256(args.dev.read_bytes()).hexdigest()[:12]}"
    centroids = train(vectors[keep], [labels[i] for i in keep], source)

    def leave_out(case_id: str) -> Centroids:
        mine = [i for i in keep if rows[i][0] != case_id]
        return train(vectors[mine], [labels[i] for i in mine], source)

    print("dev split, leave-one-case-out:")
    _report(rows, vectors, leave_out)
    data_path().parent.mkdir(parents=True, exist_ok=True)
    data_path().write_text(json.dumps(centroids.to_json()) + "\n", encoding="utf-8")
    print(f"wrote {data_path()} ({len(centroids.topics)} topics from {len(keep)} labelled lines)")


if __name__ == "__main__":
    main()

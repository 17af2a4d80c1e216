"""Labelled summary sentences: the summaries' citation checks scored as classifiers against a reader's verdicts.

Each sentence of eval/sets/labelled-sentences.yaml cites one or two example reports and carries a
verdict (supported / not supported) made by a person who read those reports and not the code. Two
checks are scored on it, both without a model:

- the pipeline's check, `verslaghulp.summarising.citations.check_sentence`, exactly as the summary
  pipeline calls it (the cited reports' text with their destination and dates as the source list
  gives them); a sentence is flagged when it finds an unsupported fact;
- the evaluation's own scorer behind `summaries.citation_precision`
  (`evaluation.scoring.citations.citation_scores`, the cited reports' stored text).

The positive class is "not supported": precision is the share of flagged sentences the reader
judged not supported, recall the share of not-supported sentences flagged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, DiffRow
from verslaghulp.evaluation.scoring.citations import CitedSentence as ScoredSentence
from verslaghulp.evaluation.scoring.citations import citation_scores
from verslaghulp.evaluation.sets import LabelledSentence

if TYPE_CHECKING:  # chromadb loads only when the set runs
    from verslaghulp.archive import Archive

# (sentence, cited report file names) -> why it is not supported (empty: supported)
Check = Callable[[str, list[str]], list[str]]


def pipeline_check(archive: Archive) -> Check:
    """The summary pipeline's citation check over the archive's stored reports."""
    # lazy: importing summarising loads the archive (chromadb); only when the set runs
    from verslaghulp.summarising.citations import SourceIndexes, check_sentence
    from verslaghulp.summarising.models import SelectedReport
    from verslaghulp.summarising.result import CitedSentence

    stored = {}
    for summary in archive.list_reports():
        found = archive.get_report(summary.report_id)
        if found is not None:
            stored[summary.source_name] = found

    def check(sentence: str, cites: list[str]) -> list[str]:
        missing = [name for name in cites if name not in stored]
        if missing:
            return [f"not in the archive: {', '.join(missing)}"]
        reports = {n: stored[name] for n, name in enumerate(cites, start=1)}
        # As the pipeline builds them: the source list's label (destination, dates), then the text.
        texts = {n: f"{SelectedReport.from_summary(r, []).label}\n\n{r.text}" for n, r in reports.items()}
        indexes = SourceIndexes(texts, {n: r.source_name for n, r in reports.items()})
        result = check_sentence(CitedSentence(text=sentence, sources=list(texts)), indexes)
        return [f"{u.text!r}: {u.reason}" for u in result.unsupported]

    return check


def scorer_check(reports: dict[str, str]) -> Check:
    """The evaluation scorer of `summaries.citation_precision` on one sentence."""

    def check(sentence: str, cites: list[str]) -> list[str]:
        precision, _ = citation_scores([ScoredSentence(sentence, tuple(cites))], reports)
        return [] if precision.value == 1.0 else precision.detail or ["not precise"]

    return check


def _classified(flagged: bool, not_supported: bool) -> tuple[Measure, Measure]:
    """(precision, recall) measures of one sentence for the class "not supported"."""
    precision = Measure.flag(not_supported) if flagged else Measure.absent("not flagged")
    recall = Measure.flag(flagged) if not_supported else Measure.absent("supported")
    return precision, recall


def run_citation_case(item: LabelledSentence, *, check: Check, scorer: Check) -> CaseResult:
    """Check one labelled sentence with both checks and compare with the reader's verdict."""
    started = time.perf_counter()
    reasons = check(item.sentence, item.cites)
    check_ms = (time.perf_counter() - started) * 1000
    scorer_reasons = scorer(item.sentence, item.cites)
    not_supported = item.verdict == "not_supported"
    precision, recall = _classified(bool(reasons), not_supported)
    scorer_precision, scorer_recall = _classified(bool(scorer_reasons), not_supported)
    expected = f"{item.verdict} ({item.change}): {item.note}" if item.note else item.verdict
    rows = [
        DiffRow(field="pipeline check", expected=expected, produced="; ".join(reasons) or "supported",
                ok=bool(reasons) == not_supported),
        DiffRow(field="eval scorer", expected=item.verdict, produced="; ".join(scorer_reasons) or "supported",
                ok=bool(scorer_reasons) == not_supported),
        DiffRow(field="cites", expected=", ".join(item.cites), produced="", ok=None),
    ]  # fmt: skip
    return CaseResult(
        set="citations",
        case_id=item.id,
        description=item.sentence,
        tags=[item.verdict, item.change],
        measures={
            "flag_precision": precision,
            "flag_recall": recall,
            "agreement": Measure.flag(bool(reasons) == not_supported, reasons),
            "scorer_flag_precision": scorer_precision,
            "scorer_flag_recall": scorer_recall,
            "check_ms": Measure.count(round(check_ms, 2)),
        },
        diff=rows,
        output={"change": item.change, "flagged": bool(reasons), "scorer_flagged": bool(scorer_reasons)},
        seconds=round(time.perf_counter() - started, 3),
    )


def recall_by_change(cases: list[CaseResult]) -> dict[str, str]:
    """Per kind of change: not-supported sentences the pipeline check flagged, of all; and supported ones flagged."""
    counts: dict[str, list[int]] = {}
    for case in cases:
        out = case.output or {}
        row = counts.setdefault(str(out.get("change")), [0, 0])
        row[0] += bool(out.get("flagged"))
        row[1] += 1
    return {("none (false flags)" if k == "none" else k): f"{a}/{n}" for k, (a, n) in sorted(counts.items())}

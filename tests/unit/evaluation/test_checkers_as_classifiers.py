"""The grounding check and the summaries' citation check scored as classifiers (precision and recall of flags)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verslaghulp.archive.models import StoredReport
from verslaghulp.config import Settings
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.evaluation.runners.citations import pipeline_check, recall_by_change, run_citation_case
from verslaghulp.evaluation.runners.grounding import run_grounding_case
from verslaghulp.evaluation.sets import GroundingPair, LabelledSentence, labelled_split, load_labelled
from verslaghulp.llm.fake import FakeChatModel

NOTES = "Wenen, 3 t/m 5 juni 2025.\nGesproken met Lena Gruber (CIO van Wenen).\nDoel: kennis over digitale tweelingen."


def test_grounding_precision_counts_a_false_alarm_of_the_correct_report_once() -> None:
    pair = GroundingPair.model_validate({
        "id": "p", "notes": NOTES,
        # "Piet Jansen van Siemens" is not in the notes: a false alarm on the correct report (and in every
        # report with a planted error, where it must not count again).
        "report": {"ontmoet": "Lena Gruber, CIO van Wenen, en Piet Jansen van Siemens.",
                   "doel": "Kennis opdoen over digitale tweelingen."},
        "errors": [
            {"id": "naam", "question": "ontmoet", "find": "Lena Gruber", "replace": "Lena Huber", "kind": "naam"},
            {"id": "getal", "question": "doel", "find": "Kennis opdoen", "replace": "Kennis opdoen bij 40 bedrijven",
             "kind": "getal"},
        ],
    })  # fmt: skip
    result = run_grounding_case(pair)
    assert result.measures["false_flags"].value == 1
    assert (result.measures["catch_rate"].num, result.measures["catch_rate"].den) == (2, 2)  # recall
    precision = result.measures["flag_precision"]
    assert (precision.num, precision.den) == (2, 3)
    assert precision.detail == [d for d in result.measures["false_flags"].detail]
    assert result.output == {"by_kind": {"naam": [1, 1], "getal": [1, 1]}}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_both_grounding_splits_report_precision_and_recall(tmp_path: Path, split: str) -> None:
    options = RunOptions(sets=["grounding"], model_spec="fake", out_dir=tmp_path / split, cache_dir=tmp_path / "c",
                         split=split, limit=2)  # fmt: skip
    result = EvalRun(options, Settings(backend="fake"), model=FakeChatModel()).run().sets["grounding"]
    assert result.metrics["catch_rate"] is not None and result.metrics["flag_precision"] is not None
    assert result.info["caught_by_kind"]


def _label(sentence_id: str, verdict: str, change: str = "none") -> LabelledSentence:
    return LabelledSentence(id=sentence_id, sentence=f"zin {sentence_id}", cites=["a.txt"], verdict=verdict,  # type: ignore[arg-type]
                            change=change)  # type: ignore[arg-type]  # fmt: skip


def test_citation_precision_and_recall_are_of_the_flags_not_supported() -> None:
    flagged = {"s1", "s2", "s4"}  # s1, s2 rightly; s4 a false alarm; s3 missed

    def check(sentence: str, cites: list[str]) -> list[str]:
        return ["onbekend"] if sentence.removeprefix("zin ") in flagged else []

    items = [_label("s1", "not_supported", "number"), _label("s2", "not_supported", "place"),
             _label("s3", "not_supported", "actor"), _label("s4", "supported"), _label("s5", "supported")]  # fmt: skip
    cases = [run_citation_case(i, check=check, scorer=lambda s, c: []) for i in items]
    precision = [c.measures["flag_precision"] for c in cases if c.measures["flag_precision"].value is not None]
    recall = [c.measures["flag_recall"] for c in cases if c.measures["flag_recall"].value is not None]
    assert (sum(m.num for m in precision), sum(m.den for m in precision)) == (2, 3)
    assert (sum(m.num for m in recall), sum(m.den for m in recall)) == (2, 3)
    assert [c.measures["agreement"].value for c in cases] == [1, 1, 0, 0, 1]
    assert all(c.measures["scorer_flag_precision"].value is None for c in cases)  # the scorer flagged nothing
    assert recall_by_change(cases) == {"actor": "0/1", "none (false flags)": "1/2", "number": "1/1", "place": "1/1"}


class _Archive:
    """The two calls the pipeline check makes of an archive, over reports held in memory."""

    def __init__(self, reports: list[StoredReport]) -> None:
        self.reports = {r.report_id: r for r in reports}

    def list_reports(self) -> list[StoredReport]:
        return list(self.reports.values())

    def get_report(self, report_id: str) -> StoredReport | None:
        return self.reports.get(report_id)


def test_the_pipeline_check_reads_the_cited_reports_with_their_source_label() -> None:
    report = StoredReport(report_id="r1", title="Dienstreis Wenen", source_name="wenen.txt", source_kind="txt",
                          form_id=None, recognised=True, start=dt.date(2025, 6, 3), end=dt.date(2025, 6, 5),
                          cities=["Wenen"], countries=["Oostenrijk"],
                          ingested_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
                          text="Gesproken met Lena Gruber, CIO van de stad.")  # fmt: skip
    check = pipeline_check(_Archive([report]))  # type: ignore[arg-type]
    # Oostenrijk is not in the text, only in the label the source list gives the report.
    assert check("In Oostenrijk sprak de delegatie met Lena Gruber.", ["wenen.txt"]) == []
    assert check("In Wenen sprak de delegatie met Lena Huber.", ["wenen.txt"])
    assert check("Lena Gruber", ["elders.txt"]) == ["not in the archive: elders.txt"]


def test_the_labelled_sentences_split_by_report() -> None:
    everything = load_labelled().sentences
    dev, test = (load_labelled(split=s).sentences for s in ("dev", "test"))
    assert sorted(i.id for i in dev + test) == sorted(i.id for i in everything)  # each sentence in one split
    assert dev and test and not {i.id for i in dev} & {i.id for i in test}
    dev_reports = {name for item in dev for name in item.cites}
    # No report has sentences in both splits, except where a test sentence combines a dev and a test report.
    assert all(not set(item.cites) <= dev_reports or len(item.cites) > 1 for item in test)
    assert all(any(name not in dev_reports for name in item.cites) for item in test)
    assert labelled_split(everything) == {"dev": dev, "test": test}  # the rule alone decides


def test_the_citations_set_runs_on_its_dev_split(tmp_path: Path) -> None:
    test_id = load_labelled(split="test").sentences[0].id
    options = RunOptions(sets=["citations"], model_spec="fake", out_dir=tmp_path / "dev", cache_dir=tmp_path / "c",
                         cases=[test_id])  # fmt: skip
    with pytest.raises(ValueError, match="unknown case id"):  # a test sentence is not in the dev split
        EvalRun(options, Settings(backend="fake"), model=FakeChatModel()).run()

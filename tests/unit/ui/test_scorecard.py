"""The evaluation overview: runs found, the scorecard with trend and gate, plots, failing cases."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import (
    CaseResult,
    DiffRow,
    GateCheck,
    GateResult,
    RunSummary,
    SetResult,
    write_case,
    write_summary,
)
from verslaghulp.ui import scorecard


def _run(folder: Path, run_id: str, recall: float, day: int, *, gate: str | None = None) -> Path:
    out = folder / run_id
    metrics = {"fact_recall": recall, "forbidden_hits": 0.0}
    check = GateCheck(
        metric="drafting.fact_recall", baseline=0.8, tolerance=0.0, value=recall, direction="higher", status=gate or ""
    )
    summary = RunSummary(
        run_id=run_id,
        created_at=datetime(2026, 11, day, tzinfo=UTC),
        model_spec="fake",
        model="fake:fake",
        sets={"drafting": SetResult(name="drafting", cases=1, case_ids=["gent"], metrics=metrics)},
        gate=GateResult(baseline_file="b.json", checks=[check]) if gate else None,
    )
    write_summary(out, summary)
    diff = [
        DiffRow(field="doel", expected="✗ open data", produced="Overleg.", ok=False),
        DiffRow(field="personen", expected="1", produced="1 persoon", ok=True),
    ]
    recall_measure = Measure.ratio(recall * 4, 4, ["doel: missing 'open data'"])
    write_case(out, CaseResult(set="drafting", case_id="gent", measures={"fact_recall": recall_measure}, diff=diff))
    return out


def test_runs_oldest_first_and_broken_folders_skipped(tmp_path: Path) -> None:
    _run(tmp_path, "b", 0.75, 2)
    _run(tmp_path, "a", 0.5, 1)
    (tmp_path / "kapot").mkdir()
    (tmp_path / "kapot" / "summary.json").write_text("{", encoding="utf-8")
    assert [r.summary.run_id for r in scorecard.find_runs(tmp_path)] == ["a", "b"]
    assert scorecard.find_runs(tmp_path / "bestaat-niet") == []


def test_the_scorecard_shows_value_previous_trend_and_gate(tmp_path: Path) -> None:
    _run(tmp_path, "a", 0.5, 1)
    _run(tmp_path, "b", 0.75, 2, gate="fail")
    rows = {r.metric: r for r in scorecard.scorecard(scorecard.find_runs(tmp_path))}
    recall = rows["drafting.fact_recall"]
    assert (recall.value, recall.previous, recall.trend, recall.gate) == (
        "75,0%",
        "50,0%",
        "beter",
        "onder de ondergrens",
    )
    assert rows["drafting.forbidden_hits"].trend == "gelijk"
    assert scorecard.scorecard([]) == []


def test_one_plot_per_metric_over_the_runs(tmp_path: Path) -> None:
    _run(tmp_path, "a", 0.5, 1)
    _run(tmp_path, "b", 0.75, 2)
    figure = scorecard.history_figure(scorecard.find_runs(tmp_path))
    assert figure is not None
    titles = [ax.get_title() for ax in figure.axes if ax.get_visible()]
    assert titles == [
        "verslag opstellen: verwachte feiten gevonden (hoger is beter)",
        "verslag opstellen: feiten die er niet in horen (lager is beter)",
    ]
    assert scorecard.history_figure([]) is None


def test_failures_list_failed_comparisons_and_short_measures(tmp_path: Path) -> None:
    _run(tmp_path, "a", 0.75, 1)
    run = scorecard.find_runs(tmp_path)[0]
    found = [(f.case_id, f.what, f.expected) for f in scorecard.failures(run)]
    assert ("gent", "doel", "✗ open data") in found
    assert ("gent", "verwachte feiten gevonden", "") in found
    assert not any(what == "personen" for _, what, _ in found)


def test_failing_cases_are_explained_in_dutch_on_the_page(tmp_path: Path) -> None:
    # The scorers explain in English for developers; the page shows the same in Dutch, the values kept.
    out = _run(tmp_path, "a", 0.75, 1)
    diff = [
        DiffRow(field="travellers_correct", expected="pass", produced="expected 3, draft says niet vermeld", ok=False),
        DiffRow(field="must_not_contain", expected="Jan de Vries", produced="Jan de Vries", ok=False),
        DiffRow(field="locaties", expected="niet vermeld: no | ✗ Gent", produced="[niet vermeld] Niet vermeld.",
                ok=False),
    ]  # fmt: skip
    precision = Measure.ratio(1, 2, ["marked but answerable: locaties"])
    write_case(out, CaseResult(set="drafting", case_id="wenen", diff=diff,
                               measures={"niet_vermeld_precision": precision}))  # fmt: skip
    found = {
        (f.case_id, f.what): (f.expected, f.produced) for f in scorecard.failures(scorecard.find_runs(tmp_path)[0])
    }
    assert found[("gent", "verwachte feiten gevonden")] == ("", "75,0%: doel: 'open data' ontbreekt")
    assert found[("wenen", "aantal reizigers juist")] == ("in orde", "verwacht 3, maar het concept zegt niet vermeld")
    assert found[("wenen", "mag er niet in staan")] == ("Jan de Vries", "Jan de Vries")
    assert found[("wenen", "locaties")] == ("niet vermeld: nee | ✗ Gent", "[niet vermeld] Niet vermeld.")
    what = next(k for k in found if k[0] == "wenen" and "niet vermeld" in k[1])
    assert found[what][1] == "50,0%: als niet vermeld gemarkeerd, maar wel te beantwoorden: locaties"


def test_the_latest_verdict_in_one_dutch_line(tmp_path: Path) -> None:
    assert scorecard.verdict([]).startswith("**Nog geen oordeel**")
    _run(tmp_path, "a", 0.5, 1)
    _run(tmp_path, "b", 0.75, 2)
    line = scorecard.verdict(scorecard.find_runs(tmp_path))
    assert "geen oordeel" in line and "1 beter, 0 slechter, 1 gelijk" in line
    _run(tmp_path, "c", 0.75, 3, gate="ok")
    assert "in orde" in scorecard.verdict(scorecard.find_runs(tmp_path))
    _run(tmp_path, "d", 0.5, 4, gate="fail")
    line = scorecard.verdict(scorecard.find_runs(tmp_path))
    assert "niet in orde" in line
    assert "1 score ligt onder de ondergrens (verslag opstellen: verwachte feiten gevonden)" in line
    assert "\n" not in line and "/" not in line and "`" not in line  # one line, no path, no command


def test_figures_are_written_the_dutch_way_by_the_one_formatter() -> None:
    from verslaghulp.evaluation.metrics import CATALOGUE

    metric = {f"{s}.{m.name}": m for s, ms in CATALOGUE.items() for m in ms}
    assert scorecard.dutch_value(metric["drafting.fact_recall"], 0.75) == "75,0%"
    assert scorecard.dutch_value(metric["retrieval.mrr"], 0.58) == "0,580"
    assert scorecard.dutch_value(metric["drafting.latency_mean_s"], 1234.5) == "1.234,50 s"  # a thousands point
    assert scorecard.dutch_value(metric["retrieval.latency_p95_ms"], 12345.0) == "12.345"
    assert scorecard.dutch_value(metric["drafting.forbidden_hits"], 3.0) == "3"
    assert scorecard.dutch_value(metric["drafting.forbidden_hits"], None) == "–"


def test_a_newcomer_sees_what_the_figures_mean_not_a_path_or_a_command(tmp_path: Path) -> None:
    import gradio as gr

    from verslaghulp.config import Settings
    from verslaghulp.ui.evaluation_tab import INTRO, build_evaluation_tab
    from verslaghulp.ui.services import Services

    services = Services.from_settings(Settings(backend="fake", data_dir=tmp_path), eval_runs_dir=tmp_path / "runs")
    with gr.Blocks() as page, gr.Tab("Evaluatie") as tab:
        build_evaluation_tab(services, tab)
    accordion = next(b for b in page.blocks.values() if isinstance(b, gr.Accordion))
    assert accordion.label == "Voor evaluatoren" and accordion.open is False
    inside = {id(c) for c in accordion.children}
    shown = [b for b in page.blocks.values() if isinstance(b, gr.Markdown) and id(b) not in inside]
    assert shown[0].value == INTRO and "percentage" in INTRO and "hoger is beter" in INTRO
    for text in (str(b.value) for b in shown):
        assert "`" not in text and "eval run" not in text and str(tmp_path) not in text


# English words of the catalogue's labels that must not reach the page.
_ENGLISH = re.compile(
    r"\b(recall|precision|rate|hits?|latency|errors?|coverage|validity|correct|mean|check time|tokens|calls|fluency|"
    r"judge|flags?|scorer|within|answer|query|MRR)\b",
    re.IGNORECASE,
)


def test_every_metric_has_a_dutch_name_and_keeps_its_id_for_evaluators() -> None:
    from verslaghulp.evaluation.metrics import CATALOGUE

    for set_name, metrics in CATALOGUE.items():
        for m in metrics:
            key = f"{set_name}.{m.name}"
            dutch = scorecard.LABELS.get(key)
            assert dutch, f"{key} has no Dutch name on the page"
            assert not _ENGLISH.search(dutch), (key, dutch)
    assert set(scorecard.LABELS) == {f"{s}.{m.name}" for s, ms in CATALOGUE.items() for m in ms}
    names = {row[2]: row for row in scorecard.metric_names()}
    assert names["drafting.niet_vermeld_precision"] == [
        "verslag opstellen", "'niet vermeld' terecht gebruikt", "drafting.niet_vermeld_precision",
        "'niet vermeld' precision",
    ]  # fmt: skip


def test_the_scorecard_names_each_figure_in_dutch(tmp_path: Path) -> None:
    _run(tmp_path, "a", 0.5, 1)
    labels = [r.label for r in scorecard.scorecard(scorecard.find_runs(tmp_path))]
    assert labels == ["verwachte feiten gevonden", "feiten die er niet in horen"]

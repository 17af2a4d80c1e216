"""The Evaluatie tab's view model: the latest run's scorecard, each metric over runs, and failing cases.

Reads the run folders that `verslaghulp eval run` writes (summary.json plus one JSON per case) through
the evaluation package's own reader and metric catalogue, so a figure means the same here as in its
reports. Plots are matplotlib figures (object API, no GUI backend).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from verslaghulp.dutch import count, number
from verslaghulp.evaluation.measures import Direction, Metric, Unit, is_worse
from verslaghulp.evaluation.metrics import CATALOGUE, metric_for_measure
from verslaghulp.evaluation.results import SUMMARY_FILE, CaseResult, RunNotFoundError, RunSummary, load_run
from verslaghulp.ui.eval_messages import dutch_field, dutch_message

log = logging.getLogger(__name__)
_LINE = "#1565c0"
_DIRECTION = {Direction.HIGHER: " (hoger is beter)", Direction.LOWER: " (lager is beter)", Direction.INFO: ""}
GATE_TEXT = {"ok": "gehaald", "fail": "onder de ondergrens", "skipped": "niet vergeleken"}
# What each set tests, in the words of the officials who use the app.
SET_NAMES = {
    "drafting": "verslag opstellen",
    "grounding": "verzonnen feiten vinden",
    "retrieval": "zoeken in het archief",
    "summaries": "samenvatten",
    "citations": "bronnen controleren",
}
# Each metric of the evaluation catalogue in Dutch, by "set.metric": the catalogue's labels are English
# (they head the reports and the README); the page shows these, with the catalogue's id in small print
# for evaluators (`metric_names`). tests/unit/ui/test_scorecard.py checks that every metric has one.
LABELS = {
    "drafting.schema_valid": "verslag volgens het formulier (geldig)",
    "drafting.question_coverage": "alle vragen aanwezig",
    "drafting.exact_headings": "koppen letterlijk als in het formulier",
    "drafting.fact_recall": "verwachte feiten gevonden",
    "drafting.forbidden_hits": "feiten die er niet in horen",
    "drafting.forbidden_in_answer": "feiten bij de verkeerde vraag",
    "drafting.agreements_answered_no": "afspraken beantwoord met 'Nee'",
    "drafting.city_listed": "bestemming bij de locaties",
    "drafting.lines_accounted": "elke regel van de aantekeningen verwerkt",
    "drafting.unsupported_rate": "aandeel feiten zonder steun in de aantekeningen",
    "drafting.unflagged_unsupported": "feiten zonder steun die niet gemarkeerd zijn",
    "drafting.niet_vermeld_precision": "'niet vermeld' terecht gebruikt",
    "drafting.niet_vermeld_recall": "open vragen als 'niet vermeld' aangegeven",
    "drafting.dutch_rate": "antwoorden in het Nederlands",
    "drafting.travellers_correct": "aantal reizigers juist",
    "drafting.period_correct": "reisperiode juist",
    "drafting.transport_correct": "vervoermiddelen juist",
    "drafting.co2_within_tolerance": "CO2 binnen de marge",
    "drafting.flight_rule_correct": "8-urenregel voor vliegen juist toegepast",
    "drafting.errors": "vastgelopen gevallen",
    "drafting.latency_mean_s": "tijd per verslag (gemiddeld)",
    "drafting.latency_p95_s": "tijd per verslag (95 van de 100 sneller)",
    "drafting.prompt_tokens_mean": "woorddelen in de opdracht aan het model (gemiddeld)",
    "drafting.evaluated_prompt_tokens_mean": "woorddelen die het model echt las (gemiddeld)",
    "drafting.completion_tokens_mean": "woorddelen die het model schreef (gemiddeld)",
    "drafting.model_calls_mean": "vragen aan het model per verslag (gemiddeld)",
    "drafting.judge_fluency": "leesbaarheid, cijfer 1-5 van een beoordelend model",
    "grounding.clean_reports": "juiste verslagen zonder markering",
    "grounding.false_flags": "onterechte markeringen",
    "grounding.catch_rate": "ingebouwde fouten gevonden",
    "grounding.flag_precision": "markeringen die een ingebouwde fout raken",
    "grounding.check_ms_p95": "controletijd in ms (95 van de 100 sneller)",
    "retrieval.recall_at_k": "verwachte verslagen bij de eerste resultaten",
    "retrieval.mrr": "hoe hoog het eerste goede verslag staat (1 = bovenaan)",
    "retrieval.first_hit": "bovenste resultaat juist (namen en plaatsen)",
    "retrieval.answer_hit": "antwoord gevonden in de resultaten",
    "retrieval.latency_p95_ms": "zoektijd in ms (95 van de 100 sneller)",
    "summaries.citation_precision": "bronvermeldingen die kloppen",
    "summaries.citation_coverage": "feitelijke zinnen met een bronvermelding",
    "summaries.uncited_fact_rate": "feitelijke zinnen zonder bronvermelding",
    "summaries.fact_recall": "verwachte feiten gevonden",
    "summaries.forbidden_hits": "feiten die er niet in horen",
    "summaries.word_budget": "binnen het aantal woorden",
    "summaries.news_structure": "nieuwsbericht met kop, inleiding en tussenkoppen",
    "summaries.coverage_complete": "lijst van gebruikte verslagen volledig",
    "summaries.empty_handled": "lege keuze goed afgehandeld",
    "summaries.errors": "vastgelopen gevallen",
    "summaries.latency_mean_s": "tijd per samenvatting (gemiddeld)",
    "citations.flag_precision": "controle: gemarkeerde zinnen zijn echt zonder bron",
    "citations.flag_recall": "controle: zinnen zonder bron zijn gemarkeerd",
    "citations.agreement": "controle is het eens met de lezer",
    "citations.scorer_flag_precision": "meetlat: gemarkeerde zinnen zijn echt zonder bron",
    "citations.scorer_flag_recall": "meetlat: zinnen zonder bron zijn gemarkeerd",
    "citations.check_ms_p95": "controletijd in ms (95 van de 100 sneller)",
}


@dataclass(frozen=True)
class Run:
    """One finished run: its folder and summary."""

    path: Path
    summary: RunSummary


@dataclass(frozen=True)
class ScoreRow:
    """One figure of a run on the scorecard, with the previous run's value and the gate's verdict."""

    set: str
    metric: str
    label: str
    value: str
    previous: str
    trend: str  # "beter", "slechter", "gelijk" or ""
    gate: str


@dataclass(frozen=True)
class Failure:
    """What went wrong in one case: an error, a comparison that failed, or a measure below its best."""

    set: str
    case_id: str
    what: str
    expected: str
    produced: str


def find_runs(folder: Path) -> list[Run]:
    """The finished runs in a folder, oldest first (a folder without a readable summary is skipped)."""
    if not folder.is_dir():
        return []
    runs: list[Run] = []
    for summary_file in folder.glob(f"*/{SUMMARY_FILE}"):
        try:
            summary = RunSummary.model_validate_json(summary_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("skipping eval run %s: %s", summary_file.parent, exc)
            continue
        runs.append(Run(summary_file.parent, summary))
    return sorted(runs, key=lambda r: r.summary.created_at)


def label(key: str, m: Metric) -> str:
    """A metric's Dutch name on the page ("drafting.fact_recall" -> "verwachte feiten gevonden")."""
    return LABELS.get(key, m.label)


def metric_names() -> list[list[str]]:
    """Per metric: its set and Dutch name, and the id and English name the reports and the CLI use."""
    return [[SET_NAMES.get(s, s), label(f"{s}.{m.name}", m), f"{s}.{m.name}", m.label]
            for s, ms in CATALOGUE.items() for m in ms]  # fmt: skip


def _metrics(summary: RunSummary) -> list[tuple[str, Metric]]:
    return [(f"{s}.{m.name}", m) for s, ms in CATALOGUE.items() if s in summary.sets for m in ms]


def _trend(m: Metric, new: float | None, old: float | None) -> str:
    if new is None or old is None or m.direction is Direction.INFO:
        return ""
    if is_worse(m, new, old):
        return "slechter"
    return "beter" if is_worse(m, old, new) else "gelijk"


def scorecard(runs: list[Run]) -> list[ScoreRow]:
    """The latest run's figures, each with the run before it and the gate's verdict."""
    if not runs:
        return []
    latest = runs[-1].summary
    previous = runs[-2].summary if len(runs) > 1 else None
    gate = {c.metric: c for c in latest.gate.checks} if latest.gate else {}
    rows: list[ScoreRow] = []
    for key, m in _metrics(latest):
        value = latest.metric(key)
        if value is None:
            continue
        before = previous.metric(key) if previous else None
        check = gate.get(key)
        rows.append(
            ScoreRow(
                set=key.partition(".")[0],
                metric=key,
                label=label(key, m),
                value=dutch_value(m, value),
                previous=dutch_value(m, before) if previous else "–",
                trend=_trend(m, value, before),
                gate=GATE_TEXT.get(check.status, check.status) if check else "–",
            )
        )
    return rows


def dutch_value(m: Metric, value: float | None) -> str:
    """A figure as the reports print it (evaluation.metrics.format_value), written the Dutch way (verslaghulp.dutch).

    "75,0%", "0,580", "1,25 s", "1.234" (a thousands point); "–" without a value.
    """
    if value is None:
        return "–"
    if m.unit is Unit.RATIO:
        return f"{number(value * 100, 1)}%"
    if m.unit is Unit.COUNT:
        return number(value) if value == int(value) else number(value, 3, trim=True)
    if m.unit is Unit.SECONDS:
        return f"{number(value, 2)} s"
    return number(value, 3 if abs(value) < 10 else 1 if abs(value) < 1000 else 0)


def verdict(runs: list[Run]) -> str:
    """The latest run's verdict in one line, for someone who does not know what a gate or baseline is."""
    if not runs:
        return "**Nog geen oordeel**: er is nog geen evaluatie gedaan."
    latest = runs[-1].summary
    when = f"{latest.created_at.astimezone():%d-%m-%Y om %H:%M}"
    rows = scorecard(runs)
    if latest.gate is None:
        trends = [r.trend for r in rows if r.trend]
        compared = (
            f" Ten opzichte van de vorige evaluatie: {trends.count('beter')} beter, {trends.count('slechter')} "
            f"slechter, {trends.count('gelijk')} gelijk."
            if trends
            else ""
        )
        return f"**Laatste evaluatie ({when}): geen oordeel** – niet vergeleken met de ondergrens.{compared}"
    failed = latest.gate.failed
    if not failed:
        return f"**Laatste evaluatie ({when}): in orde** – geen enkele score ligt onder de ondergrens."
    labels = {r.metric: f"{SET_NAMES.get(r.set, r.set)}: {r.label}" for r in rows}
    named = "; ".join(labels.get(c.metric, c.metric) for c in failed)
    return (
        f"**Laatste evaluatie ({when}): niet in orde** – {count(len(failed), 'score ligt', 'scores liggen')} "
        f"onder de ondergrens ({named})."
    )


def history_figure(runs: list[Run], *, columns: int = 3) -> Figure | None:
    """One small plot per metric over the runs (oldest left); None without any figure to plot."""
    present = {k for run in runs for k, _ in _metrics(run.summary) if run.summary.metric(k) is not None}
    keys = {f"{s}.{m.name}": m for s, ms in CATALOGUE.items() for m in ms if f"{s}.{m.name}" in present}
    if not keys:
        return None
    rows = (len(keys) + columns - 1) // columns
    figure = Figure(figsize=(4.2 * columns, 2.4 * rows), layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False)
    for n, (key, m) in enumerate(keys.items()):
        ax = axes[n // columns][n % columns]
        points = [(i, r.summary.metric(key)) for i, r in enumerate(runs)]
        xs = [i for i, v in points if v is not None]
        ys = [(v * 100 if m.unit is Unit.RATIO else v) for _, v in points if v is not None]
        ax.plot(xs, ys, marker="o", color=_LINE)
        set_name = key.partition(".")[0]
        ax.set_title(f"{SET_NAMES.get(set_name, set_name)}: {label(key, m)}{_DIRECTION[m.direction]}", fontsize=8)
        ax.set_xticks(range(len(runs)), [str(i + 1) for i in range(len(runs))], fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        if m.unit is Unit.RATIO:
            ax.set_ylim(-5, 105)
            ax.set_ylabel("%", fontsize=7)
        elif m.unit is Unit.COUNT:
            ax.set_ylim(bottom=0, top=max([*ys, 1.0]) * 1.2)
        ax.grid(alpha=0.3)
    for n in range(len(keys), rows * columns):
        axes[n // columns][n % columns].set_visible(False)
    figure.suptitle("Scores per evaluatie (1 = de oudste)", fontsize=10)
    return figure


def _measure_failures(set_name: str, case: CaseResult) -> list[Failure]:
    out: list[Failure] = []
    for name, measure in case.measures.items():
        m = metric_for_measure(set_name, name)
        if m is None or m.timing or m.direction is Direction.INFO or measure.value is None:
            continue
        short = (m.direction is Direction.HIGHER and m.unit is Unit.RATIO and measure.value < 1.0) or (
            m.direction is Direction.LOWER and m.unit is Unit.COUNT and measure.value > 0
        )
        if short:
            detail = "; ".join(dutch_message(d) for d in measure.detail[:3]) or "–"
            value = dutch_value(m, measure.value)
            what = label(f"{set_name}.{m.name}", m)
            out.append(Failure(set_name, case.case_id, what, "", f"{value}: {detail}"))
    return out


def _field(set_name: str, field: str) -> str:
    """A comparison row's name in Dutch: a measure's Dutch name, a known English name, or the question id."""
    m = metric_for_measure(set_name, field)
    return label(f"{set_name}.{m.name}", m) if m is not None else dutch_field(field)


def failures(run: Run) -> list[Failure]:
    """Per case what failed: errors first, then comparisons that did not hold, then measures short of perfect.

    The explanations are the scorers' English ones, translated for the page (ui/eval_messages.py).
    """
    try:
        _, cases = load_run(run.path)
    except RunNotFoundError:
        return []
    out: list[Failure] = []
    for set_name, by_id in cases.items():
        for case in by_id.values():
            if case.error:
                out.append(Failure(set_name, case.case_id, "fout", "", case.error))
            out += [
                Failure(
                    set_name,
                    case.case_id,
                    _field(set_name, row.field),
                    dutch_message(row.expected),
                    dutch_message(row.produced),
                )
                for row in case.diff
                if row.ok is False
            ]
            out += _measure_failures(set_name, case)
    return out

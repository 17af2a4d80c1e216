"""The catalogue of metrics per set: what each figure means, how it aggregates, which way is better.

The README's metric definitions and the reports' tables come from here, so a metric is defined once.
"""

from __future__ import annotations

from verslaghulp.evaluation.measures import Aggregate as A  # noqa: N817 - short names keep the table readable
from verslaghulp.evaluation.measures import Direction as D  # noqa: N817
from verslaghulp.evaluation.measures import Metric as M  # noqa: N817
from verslaghulp.evaluation.measures import Unit as U  # noqa: N817

DRAFTING: tuple[M, ...] = (
    M(
        "schema_valid",
        "schema validity",
        (
            "Share of cases whose draft validates as a ReportDraft for its form, with model, prompt refs, text in"
            " every answer and a follow-up on every 'niet vermeld'."
        ),
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "question_coverage",
        "question coverage",
        ("Share of the form's questions present in the draft (answered or marked 'niet vermeld'), pooled over cases."),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "exact_headings",
        "exact headings",
        (
            "Share of the form's headings printed character for character, in the form's order, in the Markdown "
            "rendering."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "fact_recall",
        "expected-fact recall",
        (
            "Share of `must_contain` strings found in the answer to their question (case/diacritics/whitespace-"
            "insensitive), pooled over strings."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "forbidden_hits",
        "forbidden-fact hits",
        "Number of `must_not_contain` strings found anywhere in the drafts (answers and follow-ups), summed.",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "forbidden_in_answer",
        "per-question forbidden hits",
        (
            "Number of `must_not_contain_in` strings found in their question's answer (a fellow traveller under"
            " people met, 'Nee' under follow-ups that hold an agreement; short strings as whole words), summed."
        ),
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "agreements_answered_no",
        "agreements answered 'Nee'",
        "Questions whose expected facts are agreements but whose answer is just 'Nee', summed. Target 0.",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "city_listed",
        "trip city in places",
        "Share of cases with `expect.city` whose places answer lists every city of the trip.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "lines_accounted",
        "every line accounted for",
        (
            "Share of cases in which every note line (headings and lines set aside as instructions excepted) is"
            " used by an answer or listed in the draft as not used."
        ),
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "unsupported_rate",
        "unsupported-fact rate",
        ("Unsupported facts over all facts the draft's grounding check found (before flagging or removal), pooled."),
        D.LOWER,
        A.POOLED,
    ),
    M(
        "unflagged_unsupported",
        "unsupported facts left unflagged",
        (
            "Unsupported facts still visible without a ⟦…⟧ mark in the final text (grounding check re-run on the "
            "visible text), summed. Target 0."
        ),
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "niet_vermeld_precision",
        "'niet vermeld' precision",
        (
            "Of the questions marked 'niet vermeld', the share the notes really leave open "
            "(`expect.niet_vermeld`), pooled."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "niet_vermeld_recall",
        "'niet vermeld' recall",
        "Of the questions the notes leave open, the share marked 'niet vermeld', pooled.",
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "dutch_rate",
        "Dutch-language rate",
        (
            "Share of model-written answers detected as Dutch (stopword detector), among those with enough "
            "stopwords to decide, pooled."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "travellers_correct",
        "travellers correct",
        "Share of cases with `expect.travellers` whose count answer states that number.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "period_correct",
        "period correct",
        (
            "Share of cases with `expect.period` whose dates answer gives the first and last day (and a right day"
            " count, if any)."
        ),
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "transport_correct",
        "transport modes correct",
        "Share of cases with `expect.legs` whose transport answer names exactly the expected modes.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "co2_within_tolerance",
        "CO2 within tolerance",
        "Share of cases with `expect.co2_kg` whose per-traveller CO2 is within the case's tolerance.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "flight_rule_correct",
        "flight-justification correct",
        (
            "Share of cases with `expect.flight_needs_justification` where the draft asks for or gives a "
            "justification exactly when the 8-hours rule applies."
        ),
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "errors",
        "errors",
        "Cases whose drafting raised an error (the case scores 0 on schema validity and coverage).",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "latency_mean_s",
        "latency (mean)",
        "Seconds per draft, mean; cached calls count with the time they took when generated.",
        D.LOWER,
        A.MEAN,
        U.SECONDS,
        "latency_s",
        timing=True,
    ),
    M(
        "latency_p95_s",
        "latency (p95)",
        "Seconds per draft, 95th percentile.",
        D.LOWER,
        A.P95,
        U.SECONDS,
        "latency_s",
        timing=True,
    ),
    M(
        "prompt_tokens_mean",
        "prompt tokens (mean)",
        "Prompt tokens per draft (all calls, before prefix reuse), mean.",
        D.INFO,
        A.MEAN,
        U.NUMBER,
        "prompt_tokens",
    ),
    M(
        "evaluated_prompt_tokens_mean",
        "evaluated prompt tokens (mean)",
        "Prompt tokens the model actually evaluated per draft (after prefix reuse), mean.",
        D.INFO,
        A.MEAN,
        U.NUMBER,
        "evaluated_prompt_tokens",
    ),
    M(
        "completion_tokens_mean",
        "generated tokens (mean)",
        "Generated tokens per draft, mean.",
        D.INFO,
        A.MEAN,
        U.NUMBER,
        "completion_tokens",
    ),
    M(
        "model_calls_mean",
        "model calls (mean)",
        "Model calls per draft, mean.",
        D.INFO,
        A.MEAN,
        U.NUMBER,
        "model_calls",
    ),
    M(
        "judge_fluency",
        "fluency (LLM judge)",
        ("Optional (--judge): mean 1-5 fluency grade of model-written answers by a schema-constrained judge model."),
        D.HIGHER,
        A.MEAN,
        U.NUMBER,
    ),
)

GROUNDING: tuple[M, ...] = (
    M(
        "clean_reports",
        "correct reports unflagged",
        "Share of correct (paraphrased) reports on which the grounding check flags nothing.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "false_flags",
        "false flags",
        "Facts flagged as unsupported in the correct reports, summed.",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "catch_rate",
        "planted errors caught (recall)",
        (
            "Share of planted errors (wrong name, shifted date, extra number, invented promise) flagged where "
            "they were planted, pooled: the recall of the check's flags."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "flag_precision",
        "flags at a planted error (precision)",
        (
            "Of the check's flags on the correct reports and on the reports with one planted error, the share "
            "that overlap the planted text, pooled; a false alarm of a correct report counts once."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "check_ms_p95",
        "check time (p95, ms)",
        "Milliseconds to check one report, 95th percentile.",
        D.LOWER,
        A.P95,
        U.NUMBER,
        "check_ms",
        timing=True,
    ),
)

RETRIEVAL: tuple[M, ...] = (
    M(
        "recall_at_k",
        "recall@k",
        ("Share of a question's expected reports among the first k results, mean over questions (k from the set)."),
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "mrr",
        "MRR",
        "Mean reciprocal rank of the first expected report (0 when none is found).",
        D.HIGHER,
        A.MEAN,
        U.NUMBER,
        "reciprocal_rank",
    ),
    M(
        "first_hit",
        "first hit (names/places)",
        "Share of name and place questions whose first result is an expected report.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "answer_hit",
        "answer hit",
        ("Share of expected (report, question) pairs whose answer is among the report's matching answers, pooled."),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "latency_p95_ms",
        "query latency (p95, ms)",
        "Milliseconds per search, 95th percentile (embedding model loaded).",
        D.LOWER,
        A.P95,
        U.NUMBER,
        "latency_ms",
        timing=True,
    ),
)

SUMMARIES: tuple[M, ...] = (
    M(
        "citation_precision",
        "citation precision",
        (
            "Cited sentences whose names, numbers, dates and places all occur in the cited reports, over cited "
            "sentences, pooled."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "citation_coverage",
        "citation coverage",
        "Share of `must_cite` reports the summary cites, pooled.",
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "uncited_fact_rate",
        "uncited fact sentences",
        "Sentences that state a fact without any citation, over sentences that state a fact, pooled.",
        D.LOWER,
        A.POOLED,
    ),
    M(
        "fact_recall",
        "expected-fact recall",
        "Share of `must_contain` strings found in the summary text, pooled.",
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "forbidden_hits",
        "forbidden-fact hits",
        "`must_not_contain` strings found in the summary, summed.",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "word_budget",
        "within word budget",
        "Share of requests with `words: [min, max]` whose text has a word count in that range.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "news_structure",
        "news item well-formed",
        "Share of news items with a headline within budget spelled from the cited reports' words, a lead, "
        "at least two subheadings, at most one paragraph opening like an earlier one and no repeated sentence "
        "(evaluation/scoring/news.py).",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "coverage_complete",
        "coverage list complete",
        "Share of requests where every selected report is cited or listed as left out with a reason.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "empty_handled",
        "empty selection handled",
        "Share of `expect_empty` requests that produce no text and a clear message.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "errors",
        "errors",
        "Requests whose summary raised an error.",
        D.LOWER,
        A.SUM,
        U.COUNT,
    ),
    M(
        "latency_mean_s",
        "latency (mean)",
        "Seconds per summary, mean.",
        D.LOWER,
        A.MEAN,
        U.SECONDS,
        "latency_s",
    ),
)

CITATIONS: tuple[M, ...] = (
    M(
        "flag_precision",
        "check: flagged that are not supported (precision)",
        (
            "Of the labelled sentences the summaries' citation check (summarising.citations.check_sentence, as "
            "the pipeline calls it) flags, the share a reader judged not supported by the cited reports, pooled."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "flag_recall",
        "check: not supported that are flagged (recall)",
        "Of the labelled sentences a reader judged not supported by their cited reports, the share the check flags.",
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "agreement",
        "check agrees with the reader",
        "Share of labelled sentences on which the check's verdict (flagged or not) is the reader's.",
        D.HIGHER,
        A.MEAN,
    ),
    M(
        "scorer_flag_precision",
        "eval scorer: precision",
        (
            "The same precision for the evaluation's own scorer behind `summaries.citation_precision` (a sentence "
            "fails when a name, number, date or place is not in its cited reports' stored text), pooled."
        ),
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "scorer_flag_recall",
        "eval scorer: recall",
        "The same recall for the evaluation's scorer behind `summaries.citation_precision`, pooled.",
        D.HIGHER,
        A.POOLED,
    ),
    M(
        "check_ms_p95",
        "check time (p95, ms)",
        "Milliseconds for the pipeline's check of one sentence, 95th percentile.",
        D.LOWER,
        A.P95,
        U.NUMBER,
        "check_ms",
        timing=True,
    ),
)

CATALOGUE: dict[str, tuple[M, ...]] = {
    "drafting": DRAFTING,
    "grounding": GROUNDING,
    "retrieval": RETRIEVAL,
    "summaries": SUMMARIES,
    "citations": CITATIONS,
}


def metric(key: str) -> M:
    """A metric by its full key, "set.name"."""
    set_name, _, name = key.partition(".")
    for m in CATALOGUE.get(set_name, ()):
        if m.name == name:
            return m
    raise KeyError(f"unknown metric {key!r}")


def metric_for_measure(set_name: str, measure: str) -> M | None:
    """The first metric of a set that reads this per-case measure (for per-case comparisons)."""
    return next((m for m in CATALOGUE.get(set_name, ()) if m.measure == measure), None)


def format_value(m: M, value: float | None) -> str:
    """A figure as the reports print it: ratios as percentages, counts as integers, seconds with 's'."""
    if value is None:
        return "–"
    if m.unit is U.RATIO:
        return f"{value * 100:.1f}%"
    if m.unit is U.COUNT:
        return f"{value:g}" if value != int(value) else str(int(value))
    if m.unit is U.SECONDS:
        return f"{value:.2f} s"
    if abs(value) < 10:
        return f"{value:.3f}"
    return f"{value:.1f}" if abs(value) < 1000 else f"{value:.0f}"


def format_delta(m: M, delta: float) -> str:
    """A difference between two figures in the metric's unit, with its sign."""
    if m.unit is U.RATIO:
        return f"{delta * 100:+.1f} pt"
    if m.unit is U.SECONDS:
        return f"{delta:+.2f} s"
    return f"{delta:+.3g}"

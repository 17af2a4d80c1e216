"""The annual overview: one row per trip, written by code except for what the trip yielded.

Dates and destination come from the archive's metadata, the purpose is the first sentence of the
report's answer about it, and only "what it yielded" needs language: one short model call per trip,
skipped when the report already says it in one short sentence. Every selected trip gets a row.
"""

from __future__ import annotations

import time

from verslaghulp.archive.models import StoredReport
from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.mapping import NOT_FOUND
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.passages import looks_like_instruction, split_sentences
from verslaghulp.summarising.prompting import SummaryPrompts
from verslaghulp.summarising.result import Fact, MappedReport, ModelCallRecord, TripRow
from verslaghulp.summarising.schemas import RESULT_CHARS, result_budget, result_model

PURPOSE_QUESTIONS = ("doel",)
RESULT_QUESTIONS = ("opbrengst",)
NOT_STATED = "Niet vermeld in het verslag."
_MAX_PURPOSE_CHARS = 220


def _sentences(report: StoredReport, question_ids: tuple[str, ...]) -> tuple[list[str], int]:
    sentences: list[str] = []
    ignored = 0
    for answer in report.answers:
        if answer.question_id in question_ids:
            for sentence in split_sentences(answer.text):
                if looks_like_instruction(sentence):
                    ignored += 1
                else:
                    sentences.append(sentence)
    return sentences, ignored


def _shorten(sentence: str, limit: int) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def first_result(report: StoredReport) -> str:
    """The report's own first sentence about what the trip yielded (code's fallback), shortened."""
    sentences, _ = _sentences(report, RESULT_QUESTIONS)
    return _shorten(sentences[0], RESULT_CHARS[1]) if sentences else NOT_STATED


def trip_row(
    report: SelectedReport,
    stored: StoredReport | None,
    *,
    number: int,
    model: ChatModel,
    prompts: SummaryPrompts,
    calls: list[ModelCallRecord],
    max_tokens: int = 2400,
) -> tuple[TripRow, MappedReport]:
    """The overview's row for one trip, and the map record (facts used) for coverage and sources."""
    started = time.perf_counter()
    if stored is None:
        row = TripRow(report_id=report.report_id, dates=report.dates, destination=report.destination,
                      purpose=report.title, result=NOT_STATED, sources=[number], result_by="code")  # fmt: skip
        return row, MappedReport(report=report, number=number, left_out=NOT_FOUND)
    purposes, ignored_p = _sentences(stored, PURPOSE_QUESTIONS)
    results, ignored_r = _sentences(stored, RESULT_QUESTIONS)
    purpose = _shorten(purposes[0], _MAX_PURPOSE_CHARS) if purposes else report.title
    result, by = NOT_STATED, "code"
    if len(results) == 1 and len(results[0]) <= RESULT_CHARS[1]:
        result = results[0]  # already one short sentence: nothing to word
    elif results:
        value = call_model(
            model,
            prompts.result_messages(report, "\n".join(f"- {s}" for s in results)),
            result_model(),
            max_tokens=min(result_budget(), max_tokens),
            step=f"opbrengst:{report.source_name}",
            calls=calls,
        )
        text = " ".join(str(getattr(value, "opbrengst", "")).split()) if value is not None else ""
        result, by = (text, "model") if text else (first_result(stored), "code")
    row = TripRow(report_id=report.report_id, dates=report.dates, destination=report.destination, purpose=purpose,
                  result=result, sources=[number], result_by=by)  # fmt: skip
    headings = {a.question_id: a.heading for a in stored.answers}
    facts = [
        Fact(report_id=report.report_id, question_id=qid, heading=headings[qid], text=" ".join(texts), picked_by="code")
        for qid, texts in ((PURPOSE_QUESTIONS[0], purposes[:1]), (RESULT_QUESTIONS[0], results))
        if texts and qid in headings
    ]
    mapped = MappedReport(
        report=report,
        number=number,
        facts=facts,
        instructions_ignored=ignored_p + ignored_r,
        seconds=round(time.perf_counter() - started, 3),
    )
    return row, mapped

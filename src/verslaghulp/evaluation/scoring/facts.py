"""Facts a draft states that code can check exactly: travellers, period, transport, CO2, the 8-hours rule.

Each scorer reads the answer text the reader sees (and, for CO2, the computed facts behind it) and
compares it with the case's `expect`. An answer marked "niet vermeld" where a value is expected fails.
"""

from __future__ import annotations

import re

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.sets import ExpectedCO2, ExpectedLeg, ExpectedPeriod
from verslaghulp.facts import extract_period
from verslaghulp.facts.lexicon import number_value
from verslaghulp.facts.normalise import parse_number
from verslaghulp.report.forms import AnswerKind, Form
from verslaghulp.report.model import Answer, AnswerStatus, ReportDraft

MODES = ("vliegtuig", "trein", "bus", "auto", "boot")
_FIRST_COUNT = re.compile(r"\b(\d+|[a-zé]+)\b", re.I)
_DAYS = re.compile(r"(\d+(?:,\d+)?)\s*(?:dag|dagen)\b", re.I)
_KG = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*kg\b", re.I)


def answer_of_kind(draft: ReportDraft, form: Form, kind: AnswerKind) -> Answer | None:
    """The draft's answer to the form's (first) question of this kind, if both exist."""
    question = next((q for q in form.questions if q.kind is kind), None)
    if question is None:
        return None
    return next((a for a in draft.answers if a.question_id == question.id), None)


def _answered(answer: Answer | None) -> bool:
    return answer is not None and answer.status is AnswerStatus.BEANTWOORD


def stated_count(text: str) -> int | None:
    """The first count in an answer: "3 personen" -> 3, "drie personen" -> 3."""
    for m in _FIRST_COUNT.finditer(text):
        token = m.group(1)
        if token.isdigit():
            return int(token)
        value = number_value(token.lower())
        if value is not None:
            return value
    return None


def travellers_correct(draft: ReportDraft, form: Form, expected: int | None) -> Measure:
    """Whether the travellers answer states the expected number of people."""
    if expected is None:
        return Measure.absent("no expected count")
    answer = answer_of_kind(draft, form, AnswerKind.COUNT)
    if answer is None:
        return Measure.absent("form has no count question")
    if not _answered(answer):
        return Measure.flag(False, [f"expected {expected}, draft says niet vermeld"])
    got = stated_count(answer.text)
    return Measure.flag(
        got == expected, [] if got == expected else [f"expected {expected}, got {got} ({answer.text!r})"]
    )


def period_correct(draft: ReportDraft, form: Form, expected: ExpectedPeriod | None) -> Measure:
    """Whether the dates answer gives the expected first and last day and, if it counts days, the right count.

    The day count may be the calendar count (`days`) or the notes' own count (`days_stated`, "2,5 dag").
    """
    if expected is None:
        return Measure.absent("no expected period")
    answer = answer_of_kind(draft, form, AnswerKind.DATES)
    if answer is None:
        return Measure.absent("form has no dates question")
    if not _answered(answer):
        return Measure.flag(False, [f"expected {expected.start} - {expected.end}, draft says niet vermeld"])
    problems: list[str] = []
    period = extract_period(answer.text, default_year=expected.start.year)
    if period is None:
        problems.append(f"no period readable in {answer.text!r}")
    elif (period.start, period.end) != (expected.start, expected.end):
        problems.append(f"expected {expected.start} - {expected.end}, got {period.start} - {period.end}")
    days = _DAYS.search(answer.text)
    if days:
        stated = parse_number(days.group(1))
        allowed = {float(expected.days)} | ({expected.days_stated} if expected.days_stated is not None else set())
        if stated not in allowed:
            problems.append(f"states {days.group(0)!r}, expected {expected.days} days")
    return Measure.flag(not problems, problems)


def co2_of_draft(answer: Answer) -> float | None:
    """One traveller's total kg CO2-eq: the computed per-mode facts, else the kg figures before "per persoon"."""
    per_mode = [
        parse_number(f.value.split()[0])
        for f in answer.computed
        if f.label.startswith("CO2 ") and f.label != "CO2 reisgezelschap" and f.value.strip()
    ]
    if per_mode and all(v is not None for v in per_mode):
        return sum(v for v in per_mode if v is not None)
    own_share = answer.text.split("per persoon")[0]
    values = [parse_number(m.group(1)) for m in _KG.finditer(own_share)]
    return sum(v for v in values if v is not None) if values else None


def co2_within_tolerance(draft: ReportDraft, form: Form, expected: ExpectedCO2 | None) -> Measure:
    """Whether the draft's CO2 for one traveller is within the case's tolerance of the expected figure."""
    if expected is None:
        return Measure.absent("no expected CO2")
    answer = answer_of_kind(draft, form, AnswerKind.DISTANCE_EMISSIONS)
    if answer is None:
        return Measure.absent("form has no CO2 question")
    if not _answered(answer):
        return Measure.flag(False, [f"expected ca. {expected.value:g} kg, draft says niet vermeld"])
    got = co2_of_draft(answer)
    if got is None:
        return Measure.flag(False, [f"no kg figure in {answer.text!r}"])
    ok = abs(got - expected.value) <= expected.value * expected.tolerance_pct / 100.0
    off = (got - expected.value) / expected.value * 100.0
    note = f"expected {expected.value:g} kg ±{expected.tolerance_pct:g}%, got {got:g} kg ({off:+.0f}%)"
    return Measure.flag(ok, [] if ok else [note])


def flight_justification_correct(draft: ReportDraft, form: Form, expected: bool | None) -> Measure:
    """Whether the draft treats the 8-hours rule as expected.

    The draft says a flight needs a justification when its answer is not "Nvt ..." (it gives the
    justification, or marks the question niet vermeld and asks for it); it says none is needed with "Nvt".
    """
    if expected is None:
        return Measure.absent("no expectation about the 8-hours rule")
    answer = answer_of_kind(draft, form, AnswerKind.FLIGHT_JUSTIFICATION)
    if answer is None:
        return Measure.absent("form has no 8-hours question")
    needs = not (_answered(answer) and answer.text.strip().lower().startswith("nvt"))
    ok = needs == expected
    wanted = "a justification" if expected else "Nvt"
    return Measure.flag(ok, [] if ok else [f"expected {wanted}, got {answer.text[:80]!r}"])


def transport_modes_correct(draft: ReportDraft, form: Form, legs: list[ExpectedLeg]) -> Measure:
    """Whether the transport answer names exactly the modes of the expected legs."""
    if not legs:
        return Measure.absent("no expected legs")
    answer = answer_of_kind(draft, form, AnswerKind.TRANSPORT)
    if answer is None:
        return Measure.absent("form has no transport question")
    wanted = {leg.mode for leg in legs}
    text = answer.text.lower() if _answered(answer) else ""
    got = {m for m in MODES if re.search(rf"\b{m}\b", text)}
    ok = got == wanted
    return Measure.flag(ok, [] if ok else [f"expected {sorted(wanted)}, got {sorted(got)}"])

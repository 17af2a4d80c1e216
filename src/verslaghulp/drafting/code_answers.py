"""Answers that code writes from extracted facts: counts, dates and transport.

The model never sees these questions; the wording is fixed Dutch, the facts come from the
facts layer, and every computed value says how it was computed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from verslaghulp.drafting.relevance import is_heading
from verslaghulp.drafting.travel_answers import flight_justification_answer, kilometres_co2_answer
from verslaghulp.facts.lexicon import MONTH_NAMES_NL, WEEKDAY_NAMES_NL
from verslaghulp.facts.transport import carriers_in
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.model import ComputedFact
from verslaghulp.report.notes import NoteLine, Notes

CODE_KINDS = frozenset(
    {AnswerKind.COUNT, AnswerKind.DATES, AnswerKind.TRANSPORT, AnswerKind.FLIGHT_JUSTIFICATION,
     AnswerKind.DISTANCE_EMISSIONS}
)  # fmt: skip


@dataclass
class CodeAnswer:
    """An answer written by code, with the lines its facts came from."""

    text: str | None
    support: list[NoteLine]
    computed: list[ComputedFact] = field(default_factory=list)
    follow_up: str | None = None
    # Part of the fact is missing (a departure date without a return or a duration): worth a second opinion.
    partial: bool = False


# Words that say the trip took one day, so that a single date is the whole period.
_DAY_TRIP = re.compile(
    r"\b(?:dagreis|dagje|dagtrip|day[\s-]?trip|op\s+en\s+neer|dezelfde\s+dag|same\s+day|een\s+dag\s+heen\s+en\s+terug)\b",
    re.I,
)


def lines_containing(notes: Notes, evidence: str) -> list[NoteLine]:
    """The note lines that the evidence substring (possibly spanning lines) came from."""
    wanted = [" ".join(part.split()) for part in evidence.splitlines() if part.strip()]
    return [line for line in notes.lines if any(w and w in line.text for w in wanted)]


def _dutch_date(day: int, month: int, year: int | None, weekday: int | None) -> str:
    parts = [WEEKDAY_NAMES_NL[weekday]] if weekday is not None else []
    parts += [str(day), MONTH_NAMES_NL[month - 1]]
    if year is not None:
        parts.append(str(year))
    return " ".join(parts)


def dutch_period(start: dt.date, end: dt.date) -> str:
    """'3 dagen: van woensdag 6 februari t/m vrijdag 8 februari 2019' (both ends counted)."""
    days = (end - start).days + 1
    start_year = start.year if start.year != end.year else None
    return (
        f"{days} {'dag' if days == 1 else 'dagen'}: van "
        f"{_dutch_date(start.day, start.month, start_year, start.weekday())} t/m "
        f"{_dutch_date(end.day, end.month, end.year, end.weekday())}"
    )


def answer_count(notes: Notes) -> CodeAnswer | None:
    """'3 personen' from the travellers count, or None when the notes do not say."""
    found = notes.facts.travellers
    if found is None or found.count < 1:
        return None
    text = "1 persoon" if found.count == 1 else f"{found.count} personen"
    fact = ComputedFact(label="aantal personen", value=str(found.count), how=found.how)
    return CodeAnswer(text=text, support=lines_containing(notes, found.evidence), computed=[fact])


def answer_dates(notes: Notes) -> CodeAnswer | None:
    """'3 dagen: van woensdag 6 februari t/m vrijdag 8 februari 2019' from the period in the notes."""
    period = notes.facts.period
    if period is None:
        return None
    start, end = period.start, period.end
    if period.days == 1 and not period.end_from_stated and not _DAY_TRIP.search(notes.text):
        # One date and no duration: the departure is a fact, a one-day trip would be an invention.
        departure = _dutch_date(start.day, start.month, start.year, start.weekday())
        # The weekday is code's own addition, so it carries how it was found like every computed fact.
        fact = ComputedFact(
            label="vertrekdatum",
            value=start.isoformat(),
            how=f"de enige datum in de aantekeningen ('{period.evidence}'); weekdag uit de kalender",
        )
        return CodeAnswer(
            text=f"Vertrek op {departure}; de terugkomst staat niet in de aantekeningen.",
            support=lines_containing(notes, period.evidence),
            computed=[fact],
            follow_up="Op welke datum bent u teruggekomen, of was het een dagreis?",
            partial=True,
        )
    text = dutch_period(start, end)
    how = f"{end.isoformat()} min {start.isoformat()}, plus 1 (begin- en einddag tellen mee)"
    if period.end_from_stated:
        # A stated duration ("3 dagen", "2 nachten") or the day of return by its weekday ("vrijdag terug").
        how = f"{start.isoformat()} en '{period.stated_text}' in de aantekeningen: laatste dag {end.isoformat()}"
    elif period.stated_text and period.stated_days != period.days:
        # The notes' own count ("2,5 dag") is kept beside the calendar days, never replaced by them.
        text += f" (volgens de aantekeningen {period.stated_text})"
    facts = [ComputedFact(label="aantal dagen", value=str(period.days), how=how)]
    if period.end_from_stated:
        # The last day is code's: the notes give the first day and the duration or the day of return.
        facts.append(ComputedFact(label="laatste dag", value=end.isoformat(), how=how))
    follow_up = None
    if period.stated_conflict:
        follow_up = (
            f"De aantekeningen noemen '{period.stated_text}', maar de data geven {period.days} dagen. Wat klopt er?"
        )
    if period.nights:
        facts.append(ComputedFact(label="aantal nachten", value=str(period.nights), how="aantal dagen min 1"))
    evidence = lines_containing(notes, period.evidence)
    if period.stated_text:
        evidence += [line for line in lines_containing(notes, period.stated_text) if line not in evidence]
    support = sorted(evidence, key=lambda line: line.number)
    return CodeAnswer(text=text, support=support, computed=facts, follow_up=follow_up)


def answer_transport(notes: Notes) -> CodeAnswer | None:
    """The transport modes in the order the notes mention them, e.g. 'Trein en bus'."""
    legs = notes.facts.legs
    if not legs:
        return None
    names: dict[str, list[str]] = {}
    for leg in legs:
        carriers = names.setdefault(leg.mode.value, [])
        carriers += [c for c in carriers_in(leg.evidence, kinds=True) if c not in carriers]
    # The notes' own carrier, train and vehicle names ("Nightjet", "KLM", "dienstauto") are facts the answer keeps.
    modes = [f"{mode} ({', '.join(c)})" if c else mode for mode, c in names.items()]
    text = modes[0] if len(modes) == 1 else ", ".join(modes[:-1]) + f" en {modes[-1]}"
    return CodeAnswer(text=text[0].upper() + text[1:], support=_transport_support(notes))


def _transport_support(notes: Notes) -> list[NoteLine]:
    support: list[NoteLine] = []
    for leg in notes.facts.legs:
        support += [line for line in lines_containing(notes, leg.evidence) if line not in support]
    return sorted(support, key=lambda line: line.number)


def _under_heading(lines: list[NoteLine]) -> list[str]:
    """The selected lines that directly follow a selected heading ("Waarom terug per vliegtuig:" + its line).

    Under a heading that this question claimed, the line below is the notes' answer to it, even
    when it has no "want" or "omdat" in it.
    """
    numbers = {line.number: line for line in lines}
    return [
        line.text.strip(" -•*")
        for line in lines
        if not is_heading(line.text) and (above := numbers.get(line.number - 1)) and is_heading(above.text)
    ]


def answer_travel_rule(question: Question, notes: Notes, lines: list[NoteLine] | None = None) -> CodeAnswer:
    """The 8-hours justification or the km/CO2 answer; text None (with a follow-up) when facts are missing."""
    if question.kind is AnswerKind.FLIGHT_JUSTIFICATION:
        found = flight_justification_answer(
            notes.facts, [line.text for line in lines or []], under_heading=_under_heading(lines or [])
        )
    else:
        found = kilometres_co2_answer(notes.facts, lines=[line.text for line in lines or []])
    support = _transport_support(notes)
    if found.text:
        # The line with the notes' own CO2 figure is evidence too, also when it names no transport.
        for text in found.lines:
            support += [line for line in lines_containing(notes, text) if line not in support]
    if found.text and "Toelichting: " in found.text:
        reason = found.text.split("Toelichting: ", 1)[1]
        support += [line for line in lines_containing(notes, reason) if line not in support]
    return CodeAnswer(
        text=found.text,
        support=sorted(support, key=lambda line: line.number),
        computed=list(found.computed),
        follow_up=found.follow_up,
    )


def answer_by_code(question: Question, notes: Notes, lines: list[NoteLine] | None = None) -> CodeAnswer | None:
    """The code-written answer for a code kind; None (or text None) when the notes lack the fact.

    `lines` are the lines selected for the question; only the flight justification reads them.
    """
    if question.kind in (AnswerKind.FLIGHT_JUSTIFICATION, AnswerKind.DISTANCE_EMISSIONS):
        return answer_travel_rule(question, notes, lines)
    if question.kind is AnswerKind.COUNT:
        return answer_count(notes)
    if question.kind is AnswerKind.DATES:
        return answer_dates(notes)
    if question.kind is AnswerKind.TRANSPORT:
        return answer_transport(notes)
    raise ValueError(f"{question.kind} is not answered by code")

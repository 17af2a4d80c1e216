"""The grounding check: every name, place, date, number and promise in a draft traced back to the notes.

A fact is supported when the notes contain it (after normalisation), computed when code derived it
from the notes (days from a period, CO2 from kilometres), and unsupported otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from verslaghulp.facts.dates import find_dates
from verslaghulp.facts.gazetteer import Place, find_places, lookup
from verslaghulp.facts.grounding_model import (
    AnswerGrounding,
    CheckedFact,
    FactKind,
    FactStatus,
    GroundingReport,
    UnsupportedFact,
)
from verslaghulp.facts.lexicon import NUMBER_WORDS, STOPWORDS, month_number, weekday_number
from verslaghulp.facts.normalise import fold, numbers_in
from verslaghulp.facts.notes_index import NotesIndex, build_index, word_supported
from verslaghulp.facts.people import extract_people
from verslaghulp.facts.quantities import extract_amounts, extract_times
from verslaghulp.facts.roles import role_supported
from verslaghulp.facts.wording import claim_findings, generic_findings


class ComputedLike(Protocol):
    """A computed fact as `report.model.ComputedFact` has it."""

    @property
    def label(self) -> str:  # noqa: D102
        ...

    @property
    def value(self) -> str:  # noqa: D102
        ...

    @property
    def how(self) -> str:  # noqa: D102
        ...


class AnswerLike(Protocol):
    """The parts of `report.model.Answer` the check reads."""

    @property
    def question_id(self) -> str:  # noqa: D102
        ...

    @property
    def text(self) -> str:  # noqa: D102
        ...

    @property
    def written_by(self) -> str:  # noqa: D102
        ...

    @property
    def computed(self) -> Sequence[ComputedLike]:  # noqa: D102
        ...


class DraftLike(Protocol):
    """The parts of `report.model.ReportDraft` the check reads."""

    @property
    def answers(self) -> Sequence[AnswerLike]:  # noqa: D102
        ...


_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_CONNECTORS = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "of",
    "for",
    "and",
    "&",
    "y",
    "del",
    "la",
    "le",
    "von",
    "ten",
    "ter",
    "da",
}
_ALWAYS_OK = {"nvt", "n.v.t", "co2", "co", "ca", "km", "kg", "ja", "nee", "ok", "nb", "eq", "equivalent", "s", "t", "m"}
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*[-•*]?[ \t]*\d{1,2}[).][ \t]")
_NUMBER_WORD = re.compile(r"(?<!\w)(" + "|".join(w for w in NUMBER_WORDS if w != "beide") + r")(?!\w)", re.I)
_ORG_HINT = re.compile(
    r"\b(gemeente|ministerie|rijksdienst|foundation|associates|labs?|council|network|netwerk|forum)\b", re.I
)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class _Answer:
    """Working state of one answer's check."""

    question_id: str
    text: str
    index: NotesIndex
    computed: dict[float, str]
    by_code: bool = False
    # Dates code computed ("laatste dag" of "22 mei, 3 dagen"), with how; vouch only for a code answer.
    computed_dates: dict[dt.date, str] = field(default_factory=dict)
    facts: list[CheckedFact] = field(default_factory=list)
    bad: list[UnsupportedFact] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def add(
        self, kind: FactKind, start: int, end: int, status: FactStatus, *, reason: str = "", how: str | None = None
    ) -> None:
        text = self.text[start:end]
        self.facts.append(
            CheckedFact(
                question_id=self.question_id, text=text, kind=kind, start=start, end=end, status=status, how=how
            )
        )
        if status is FactStatus.UNSUPPORTED:
            self.bad.append(
                UnsupportedFact(question_id=self.question_id, text=text, kind=kind, start=start, end=end, reason=reason)
            )
        self.taken.append((start, end))


def _computed_dates(facts: Iterable[ComputedLike]) -> dict[dt.date, str]:
    dates: dict[dt.date, str] = {}
    for fact in facts:
        try:
            dates.setdefault(dt.date.fromisoformat(fact.value.strip()), f"{fact.label}: {fact.how}")
        except ValueError:
            continue  # not a date
    return dates


def _computed_values(facts: Iterable[ComputedLike]) -> dict[float, str]:
    values: dict[float, str] = {}
    for fact in facts:
        if _ISO_DATE.fullmatch(fact.value.strip()):
            continue  # a date's parts are no numbers of their own
        for value, _, _ in numbers_in(fact.value):
            values.setdefault(round(value, 3), f"{fact.label}: {fact.how}")
    return values


def _decimals(written: str) -> int:
    """Digits after the decimal mark as written the Dutch way: "12,5" has 1, "1.918" and "1918" have 0."""
    if "," in written:
        return len(written.rsplit(",", 1)[1])
    if re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", written):  # "0.21": a decimal point, not thousands
        return len(written.rsplit(".", 1)[1])
    return 0


def _computed_how(computed: dict[float, str], value: float, written: str) -> str | None:
    """How code computed a number, allowing for the rounding with which it was written.

    Code writes 1872.6 km as "1873 km" and 12.46 hours as "12,5 uur"; the written number is the
    computed one when they differ by less than half its last written digit.
    """
    exact = computed.get(round(value, 3))
    if exact is not None:
        return exact
    half = 0.5 * 10 ** -_decimals(written) + 1e-9
    return next((how for key, how in computed.items() if abs(key - value) <= half), None)


def _check_dates(a: _Answer) -> None:
    idx = a.index
    for m in find_dates(a.text, default_year=idx.default_year):
        written = idx.written_weekdays.get((m.date.month, m.date.day))
        wrong_weekday = m.weekday is not None and (
            m.weekday != written if written is not None else not m.year_inferred and m.weekday != m.date.weekday()
        )
        if a.by_code and m.date in a.computed_dates and (m.weekday is None or m.weekday == m.date.weekday()):
            a.add(FactKind.DATE, m.start, m.end, FactStatus.COMPUTED, how=a.computed_dates[m.date])
        elif wrong_weekday:
            a.add(FactKind.DATE, m.start, m.end, FactStatus.UNSUPPORTED, reason="de weekdag past niet bij de datum")
        elif m.date in idx.dates or (not m.year_written and (m.date.month, m.date.day) in idx.month_days):
            a.add(FactKind.DATE, m.start, m.end, FactStatus.SUPPORTED)
        else:
            a.add(
                FactKind.DATE,
                m.start,
                m.end,
                FactStatus.UNSUPPORTED,
                reason="deze datum staat niet in de aantekeningen",
            )
    for q in extract_times(a.text):
        if a.free(q.start, q.end):
            ok = q.value in idx.times
            a.add(
                FactKind.DATE,
                q.start,
                q.end,
                FactStatus.SUPPORTED if ok else FactStatus.UNSUPPORTED,
                reason="deze tijd staat niet in de aantekeningen",
            )
    for tok in _TOKEN.finditer(a.text):
        word = tok.group().lower()
        if len(word) <= 3 or not a.free(tok.start(), tok.end()):
            continue
        month = month_number(word)
        weekday = weekday_number(word) if len(word) >= 6 else None  # full names only: "vrij" is not Friday
        if month is not None:
            ok = month in idx.months
            reason = "deze maand staat niet in de aantekeningen"
        elif weekday is not None:
            ok = weekday in idx.weekdays
            reason = "deze dag staat niet in de aantekeningen"
        else:
            continue
        a.add(
            FactKind.DATE, tok.start(), tok.end(), FactStatus.SUPPORTED if ok else FactStatus.UNSUPPORTED, reason=reason
        )


_UNIT_AFTER = re.compile(
    r"[ \t]*(?:hele[ \t]+)?(dag|dagen|nacht|nachten|persoon|personen|pers|mensen|collega|km|kilometer)", re.I
)
_UNITS = {"dagen": "dag", "nachten": "nacht", "personen": "persoon", "pers": "persoon", "mensen": "persoon",
          "collega": "persoon", "kilometer": "km"}  # fmt: skip


def _unit_after(text: str, end: int) -> str | None:
    m = _UNIT_AFTER.match(text, end)
    if not m:
        return None
    word = m.group(1).lower()
    return _UNITS.get(word, word)


def _check_numbers(a: _Answer) -> None:
    idx = a.index
    for q in extract_amounts(a.text):
        if a.free(q.start, q.end):
            ok = q.value in idx.amounts or q.value in idx.numbers
            a.add(
                FactKind.AMOUNT,
                q.start,
                q.end,
                FactStatus.SUPPORTED if ok else FactStatus.UNSUPPORTED,
                reason="dit bedrag staat niet in de aantekeningen",
            )
    listed = {m.end() - 2 for m in _LIST_NUMBER.finditer(a.text)}
    found = [(v, s, e) for v, s, e in numbers_in(a.text)]
    found += [(float(NUMBER_WORDS[m.group().lower()]), m.start(), m.end()) for m in _NUMBER_WORD.finditer(a.text)]
    for value, start, end in sorted(found, key=lambda f: f[1]):
        if not a.free(start, end) or end - 1 in listed or end in listed:
            continue
        key = round(value, 3)
        how = _computed_how(a.computed, value, a.text[start:end])
        if a.by_code and how is not None:
            # Code wrote this answer from its computed facts: say how, even where the notes happen to
            # contain the same number elsewhere ("9:40" does not vouch for "40 kg CO2").
            a.add(FactKind.NUMBER, start, end, FactStatus.COMPUTED, how=how)
        elif value in idx.numbers or (1900 <= value <= 2100 and int(value) in idx.years):
            a.add(FactKind.NUMBER, start, end, FactStatus.SUPPORTED)
        elif how is not None:
            a.add(FactKind.NUMBER, start, end, FactStatus.COMPUTED, how=how)
        elif (unit := _unit_after(a.text, end)) and (unit, key) in idx.derived:
            a.add(FactKind.NUMBER, start, end, FactStatus.COMPUTED, how=idx.derived[(unit, key)])
        else:
            a.add(
                FactKind.NUMBER, start, end, FactStatus.UNSUPPORTED, reason="dit getal staat niet in de aantekeningen"
            )


def _place_known(idx: NotesIndex, place: Place) -> bool:
    if place.is_country:
        return place.country_code in idx.country_codes or place.name in idx.places
    return place.name in idx.places


def _check_places(a: _Answer) -> None:
    for m in find_places(a.text):
        if a.free(m.start, m.end) and _place_known(a.index, m.place):
            a.add(FactKind.PLACE, m.start, m.end, FactStatus.SUPPORTED)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t-•*(\"'‘“")
    return not before or before[-1] in ".!?:;\n" or bool(re.search(r"(?:^|\n)[ \t]*\d+[).]?$", before))


def _runs(a: _Answer) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (with connectors such as "van de") that are not yet checked."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for tok in _TOKEN.finditer(a.text):
        word = tok.group()
        capital = word[:1].isupper() and a.free(tok.start(), tok.end())
        gap = a.text[current[-1].end() : tok.start()] if current else ""
        joined = current and re.fullmatch(r"[ \t]*", gap)
        # "Profilering van Den Haag": a connector after a sentence's first word does not make a name.
        connector = word.lower() in _CONNECTORS and not (
            len(current) == 1 and _sentence_start(a.text, current[0].start())
        )
        if (capital and (joined or not current)) or (current and joined and connector):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = [tok] if capital else []
    if current:
        runs.append(current)
    return [run for run in (_trim(r) for r in runs) if run]


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    while run and not run[-1].group()[:1].isupper():
        run = run[:-1]
    return run


def _token_ok(idx: NotesIndex, word: str, *, loose: bool) -> bool:
    # Only the capitalised parts of a compound are names: "CIO-netwerk" checks "CIO", not "netwerk".
    parts = [p for p in re.split(r"[-‐‑–]", word) if p[:1].isupper()] or [word]
    for part in fold(" ".join(parts)).split():
        if part in _ALWAYS_OK or len(part) == 1:
            continue
        if not word_supported(idx, part, loose=loose):
            place = lookup(part)
            if place is None or not _place_known(idx, place):
                return False
    return True


def _check_names(a: _Answer) -> None:
    idx = a.index
    for run in _runs(a):
        tokens = [t for t in run if t.group()[:1].isupper()]
        first_initial = _sentence_start(a.text, run[0].start())
        if first_initial and tokens and (fold(tokens[0].group()) in STOPWORDS or len(tokens) == 1):
            if len(tokens) == 1 and lookup(tokens[0].group()) is None:
                continue  # an ordinary word that starts a sentence
            if fold(tokens[0].group()) in STOPWORDS:
                tokens = tokens[1:]
        if not tokens:
            continue
        start, end = tokens[0].start(), tokens[-1].end()
        missing = [
            t.group() for i, t in enumerate(tokens) if not _token_ok(idx, t.group(), loose=first_initial and i == 0)
        ]
        text = a.text[start:end]
        kind = _kind_of(text)
        if missing:
            a.add(
                kind, start, end, FactStatus.UNSUPPORTED, reason=f"'{' '.join(missing)}' staat niet in de aantekeningen"
            )
        else:
            a.add(kind, start, end, FactStatus.SUPPORTED)


def _kind_of(text: str) -> FactKind:
    if lookup(text) is not None:
        return FactKind.PLACE
    if text.isupper() or _ORG_HINT.search(text):
        return FactKind.ORGANISATION
    return FactKind.NAME


def _check_roles(a: _Answer) -> None:
    for person in extract_people(a.text):
        problem = role_supported(a.index, person)
        if problem:
            start = person.start
            end = min(person.end, len(a.text))
            a.bad.append(
                UnsupportedFact(
                    question_id=a.question_id,
                    text=a.text[start:end],
                    kind=FactKind.ROLE,
                    start=start,
                    end=end,
                    reason=problem,
                )
            )
            a.facts.append(
                CheckedFact(
                    question_id=a.question_id,
                    text=a.text[start:end],
                    kind=FactKind.ROLE,
                    start=start,
                    end=end,
                    status=FactStatus.UNSUPPORTED,
                )
            )


def _check_claims(a: _Answer) -> None:
    for kind, start, end, reason in claim_findings(a.index, a.text):
        a.bad.append(
            UnsupportedFact(
                question_id=a.question_id, text=a.text[start:end], kind=kind, start=start, end=end, reason=reason
            )
        )
        a.facts.append(
            CheckedFact(
                question_id=a.question_id,
                text=a.text[start:end],
                kind=kind,
                start=start,
                end=end,
                status=FactStatus.UNSUPPORTED,
            )
        )


def _check_generic(a: _Answer, context: str) -> None:
    supported = [(f.start, f.end) for f in a.facts if f.status is not FactStatus.UNSUPPORTED]
    # What is already flagged is judged without it: the reader sees "⟦Bram Peeters – team data⟧
    # (medewerker en bestuurder van de gemeente)", and the bracket is a claim of its own. The flagged
    # stretches become spaces, so the offsets stay the answer's.
    text = a.text
    for f in a.bad:
        text = text[: f.start] + " " * (f.end - f.start) + text[f.end :]
    for kind, start, end, reason in generic_findings(a.index, text, supported, context):
        a.add(kind, start, end, FactStatus.UNSUPPORTED, reason=reason)


def check_answer(
    question_id: str,
    text: str,
    index: NotesIndex,
    *,
    computed: Iterable[ComputedLike] = (),
    by_code: bool = False,
    context: str = "",
) -> AnswerGrounding:
    """Check one answer's text against indexed notes (see `check_grounding`).

    `context` is text whose words an answer may use without the notes (the question's heading).
    """
    facts = list(computed)
    a = _Answer(question_id, text, index, _computed_values(facts), by_code, computed_dates=_computed_dates(facts))
    _check_dates(a)
    _check_numbers(a)
    _check_places(a)
    _check_names(a)
    _check_roles(a)
    if not by_code:  # code writes no free claims; its wording is fixed
        _check_claims(a)
        _check_generic(a, context)
    a.facts.sort(key=lambda f: f.start)
    a.bad.sort(key=lambda f: f.start)
    return AnswerGrounding(question_id=question_id, facts=a.facts, unsupported=a.bad)


def check_grounding(
    draft: DraftLike, notes: str, *, computed: Iterable[ComputedLike] = (), default_year: int | None = None
) -> GroundingReport:
    """Trace every fact of every answer in the draft back to the notes.

    Names, organisations, places, dates, times, numbers, amounts, roles next to names and promises are
    matched after normalisation (case, diacritics, hyphens, Dutch number words, month names and
    abbreviations, initials). Numbers that code computed - the answer's own `computed` facts, the
    extra `computed` given here, and values derived from the notes such as the number of days - are
    marked computed, with how. The result lists every unsupported fact with its character span.
    """
    started = time.perf_counter()
    index = build_index(notes, default_year=default_year)
    extra = list(computed)
    answers = [
        check_answer(
            ans.question_id, ans.text, index, computed=[*ans.computed, *extra], by_code=str(ans.written_by) == "code"
        )
        for ans in draft.answers
    ]
    return GroundingReport(answers=answers, seconds=round(time.perf_counter() - started, 4))

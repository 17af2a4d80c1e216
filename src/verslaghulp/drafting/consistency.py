"""Consistency checks on a draft: whether its answers agree with each other and with the notes.

Each finding has a severity and a Dutch message for the user; the checks read the answers by the
question ids of the Den Haag forms (personen, duur, ontmoet, locaties, kilometers_co2), and compare
the kilometres and CO2 with the answer code would write (`travel_answers`).
"""

from __future__ import annotations

import re

from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts.findings import Finding, Severity
from verslaghulp.facts.gazetteer import find_places
from verslaghulp.facts.grounding import DraftLike
from verslaghulp.facts.normalise import numbers_in, words
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.facts.period import extract_period

_COUNT = re.compile(r"(\d+)\s*(?:personen|persoon|pers\.?)|(één|twee|drie|vier|vijf|zes|zeven|acht)\s+personen?", re.I)
_WORD_N = {"één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
_DAYS = re.compile(r"(\d+(?:,5)?)\s*(?:dag|dagen)\b|\b(één|twee|drie|vier|vijf|zes|zeven)\s+dag(?:en)?\b", re.I)


def _answers(draft: DraftLike) -> dict[str, str]:
    return {a.question_id: a.text for a in draft.answers}


def _stated_count(text: str) -> int | None:
    m = _COUNT.search(text)
    if not m:
        return int(text.strip()) if text.strip().isdigit() else None
    return int(m.group(1)) if m.group(1) else _WORD_N[m.group(2).lower()]


def _check_travellers(texts: dict[str, str], notes: NotesFacts) -> list[Finding]:
    out: list[Finding] = []
    stated = _stated_count(texts.get("personen", ""))
    counted = notes.travellers
    if stated is not None and counted and stated != counted.count:
        out.append(
            Finding(
                "personen",
                Severity.FOUT,
                f"Het verslag noemt {stated} personen, de aantekeningen {counted.count} ({counted.how}).",
            )
        )
    return out


def _check_period(texts: dict[str, str], notes: NotesFacts) -> list[Finding]:
    out: list[Finding] = []
    answer = texts.get("duur", "")
    notes_period = notes.period
    drafted = extract_period(answer, default_year=notes_period.start.year if notes_period else None)
    if drafted and drafted.end < drafted.start:
        out.append(Finding("duur", Severity.FOUT, "De einddatum ligt vóór de begindatum."))
    if drafted and notes_period and (drafted.start, drafted.end) != (notes_period.start, notes_period.end):
        out.append(
            Finding(
                "duur",
                Severity.FOUT,
                f"De data in het verslag wijken af van de aantekeningen ({notes_period.evidence}).",
            )
        )
    m = _DAYS.search(answer)
    if m and drafted:
        raw = m.group(1) or m.group(2)
        days = _WORD_N.get(raw.lower()) or float(raw.replace(",", "."))
        # "2,5 dag" for zondagavond t/m dinsdag is fine: half days round up to calendar days.
        if not drafted.days - 1 < days <= drafted.days:
            out.append(
                Finding(
                    "duur",
                    Severity.FOUT,
                    f"{raw} dagen past niet bij de data ({drafted.days} kalenderdagen, begin en eind meegeteld).",
                )
            )
    return out


def _check_people(texts: dict[str, str], notes: NotesFacts) -> list[Finding]:
    stated = _stated_count(texts.get("personen", ""))
    counted = notes.travellers
    if stated and counted and "na '" in counted.how and stated < counted.count:
        return [
            Finding(
                "personen",
                Severity.WAARSCHUWING,
                f"In de aantekeningen reizen meer mensen mee dan het verslag noemt ({counted.how}).",
            )
        ]
    return []


def _check_locations(texts: dict[str, str], notes: NotesFacts) -> list[Finding]:
    mentions = notes.places
    notes_places = {p.place.name for p in mentions}
    notes_countries = {p.place.country_code for p in mentions}
    out: list[Finding] = []
    for mention in find_places(texts.get("locaties", "")):
        place = mention.place
        known = place.country_code in notes_countries if place.is_country else place.name in notes_places
        if not known:
            out.append(
                Finding(
                    "locaties", Severity.FOUT, f"'{mention.text}' staat bij de locaties, maar niet in de aantekeningen."
                )
            )
    return out


def _check_emissions(texts: dict[str, str], notes: NotesFacts) -> list[Finding]:
    answer = texts.get("kilometers_co2")
    if not answer:
        return []
    expected = kilometres_co2_answer(notes)
    if expected.text is None:
        return []
    want = {round(v) for v, _, _ in numbers_in(expected.text)}
    have = {round(v) for v, _, _ in numbers_in(answer)}
    if have - want:
        odd = ", ".join(str(v) for v in sorted(have - want))
        return [
            Finding(
                "kilometers_co2",
                Severity.FOUT,
                f"Kilometers of CO2 ({odd}) komen niet overeen met de berekening: {expected.text}",
            )
        ]
    if not set(words(answer)) & {"vliegtuig", "trein", "bus", "auto", "boot"}:
        return [
            Finding(
                "kilometers_co2", Severity.WAARSCHUWING, "Het antwoord noemt geen vervoersmiddel bij de kilometers."
            )
        ]
    return []


def check_consistency(draft: DraftLike, notes: NotesFacts) -> list[Finding]:
    """Run every consistency check on a draft against its notes; findings in form order."""
    texts = _answers(draft)
    findings: list[Finding] = []
    for check in (_check_travellers, _check_people, _check_period, _check_locations, _check_emissions):
        findings.extend(check(texts, notes))
    return findings

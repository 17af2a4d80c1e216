"""Nothing lost: the facts of a question's note lines that its answer leaves out.

The grounding check asks whether everything an answer says is in the notes; this is its twin. Every
name, organisation, place, date and number in the lines selected for a question should appear in the
answer. What does not is listed with the answer (the page shows it and can add it back), so a model
that drops "Siobhán Kelly" or "1 juli" cannot do so unseen.
"""

from __future__ import annotations

import re

from verslaghulp.drafting.relevance import fold
from verslaghulp.facts.dates import find_dates
from verslaghulp.facts.gazetteer import find_places
from verslaghulp.facts.notes_facts import LineFacts, NotesFacts
from verslaghulp.report.forms import AnswerKind
from verslaghulp.report.model import Answer, MissingFact
from verslaghulp.report.notes import NoteLine

# A number worth keeping: amounts, distances, counts of two digits or more, with thousands separators.
_NUMBER = re.compile(r"(?<![\w.,:/-])\d{1,3}(?:[.,]\d{3})+(?![\d])|(?<![\w.,:/-])\d{2,}(?:[.,]\d+)?(?![\w:/])")
_DIGITS = re.compile(r"\d+")


def _digits(text: str) -> str:
    return "".join(_DIGITS.findall(text))


def _facts_of(line: LineFacts, kind: AnswerKind) -> list[str]:
    """The facts of one line that an answer of this kind should carry."""
    named = [p.name for p in line.people] + [m.text for m in line.organisations]
    if kind is AnswerKind.PEOPLE:
        return named
    places = [m.text for m in line.places if m.place.country_code != "NL"]
    # What else the line names ("London Tech Week", "Zandvliet"), found by its capitals; the title
    # line's names are the trip's, not places visited.
    names = [n.text for n in line.names if not _home(n.text)]
    if kind is AnswerKind.PLACES:
        return places + [m.text for m in line.venues] + (names if line.number > 1 else [])
    # A number inside a date ("14" of "14-16 October") is that date, not a fact of its own.
    numbers = [
        m.group() for m in _NUMBER.finditer(line.text) if not any(d.start <= m.start() < d.end + 1 for d in line.dates)
    ]
    return named + places + [d.text for d in line.dates] + numbers + names


def _home(name: str) -> bool:
    # "Den Haag", "Zwolle": the municipality's own city is context, not a fact an answer must repeat.
    return any(m.place.country_code == "NL" for m in find_places(name)) and len(name.split()) <= 2


def _kept(fact: str, answer: str, answer_places: set[str], answer_dates: set[object]) -> bool:
    folded = fold(answer)
    if fold(fact) in folded:
        return True
    places = {m.place.name for m in find_places(fact)}
    if places and places <= answer_places:
        return True  # "Wien" in the notes, "Wenen" in the answer
    dates = {m.date for m in find_dates(fact)}
    if dates and dates <= answer_dates:
        return True  # "1/7" in the notes, "1 juli" in the answer
    digits = _digits(fact)
    if digits and fact.strip()[:1].isdigit() and digits in _digits(answer):
        return True  # "1.150" and "1150"
    words = [w for w in re.findall(r"\w+", fold(fact)) if len(w) > 2]
    # A name kept without a middle part or an organisation without its article still counts.
    return bool(words) and words[-1] in folded and sum(w in folded for w in words) >= max(1, len(words) - 1)


def lost_facts(
    answer: str, lines: list[NoteLine], kind: AnswerKind, facts: NotesFacts, *, ignore: set[str]
) -> list[MissingFact]:
    """The facts of the lines that the answer does not contain, each with its line (in note order).

    `facts` are the notes' facts; each line's names, places and dates are read from them.
    `ignore` holds folded names that must not be asked back (fellow travellers under "people met").
    """
    answer_places = {m.place.name for m in find_places(answer)}
    answer_dates: set[object] = {m.date for m in find_dates(answer)}
    lost: list[MissingFact] = []
    seen: set[str] = set()
    for line in lines:
        for fact in _facts_of(facts.line(line.number), kind):
            key = fold(fact)
            if key in seen or key in ignore or any(key in i for i in ignore):
                continue
            seen.add(key)
            if not _kept(fact, answer, answer_places, answer_dates):
                lost.append(MissingFact(text=fact, line=line.number))
    return lost


def drop_carried_elsewhere(answers: list[Answer]) -> list[Answer]:
    """Answers whose missing facts leave out what another answer of the draft states.

    The title line selected for the purpose holds the trip's dates; the dates answer carries them, so
    they are not lost. What no answer carries stays listed.
    """
    texts = [fold(a.text) for a in answers]
    out: list[Answer] = []
    for i, answer in enumerate(answers):
        others = " ".join(t for j, t in enumerate(texts) if j != i)
        kept = [m for m in answer.missing if fold(m.text) not in others and not _number_carried(m.text, others)]
        out.append(answer if kept == answer.missing else answer.model_copy(update={"missing": kept}))
    return out


def _number_carried(fact: str, others: str) -> bool:
    # A number that another answer writes ("1150" in the km answer) is carried there.
    digits = _digits(fact)
    return bool(digits) and fact.strip()[:1].isdigit() and digits in _digits(others)

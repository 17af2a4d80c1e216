"""List answers item by item: what code decides before the model words anything.

A small model must not be able to empty an answer or drop part of it. So code fixes the items: one
per selected note line (one per person for "people met"), the number of items is fixed in the schema,
and an item the model leaves empty or answers "nee" falls back to its note line. Code also writes
the items it knows better than the model: the trip's city or cities with their country for
"locaties", and "Nee" for follow-up questions whose only lines say that nothing was agreed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from verslaghulp.drafting.cleanup import (
    fellow_travellers,
    is_fellow_traveller,
    party_evidence,
    party_texts,
    traveller_lines,
    with_country,
)
from verslaghulp.drafting.relevance import HEADER, fold, header_label, is_heading, people_in_line
from verslaghulp.drafting.topics import is_party_question
from verslaghulp.facts.gazetteer import dutch_city_names, find_places
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.notes import NoteLine, Notes

MAX_ITEMS_PER_CALL = 12
# "geen vervolg", "niks afgesproken", "no follow-up", "nothing agreed": a line that only says no.
_NO = re.compile(r"\b(?:geen|niets|niks|nee|no|none|nothing|not)\b", re.I)
_BUT = re.compile(r"\b(?:maar|wel|behalve|but|except|apart\s+from|alleen\s+nog)\b", re.I)
_NEGATION_MAX_WORDS = 9
_EMPTY_ITEMS = {"", "-", "nvt", "n.v.t.", "geen", "nee", "no", "none", "onbekend", "niet vermeld"}


@dataclass(frozen=True)
class Unit:
    """One item to be worded: the note line it comes from (and the person, for people met)."""

    line: NoteLine
    person: str | None = None

    def fallback(self) -> str:
        """The item as the note line says it, without bullet or label: used when the model gives nothing."""
        text = self.line.text.strip().lstrip("-•*> ").strip()
        match = HEADER.match(text)
        if match and text[match.end() :].strip():
            text = text[match.end() :].strip()
        return text


def content_lines(lines: list[NoteLine]) -> list[NoteLine]:
    """The selected lines that say something themselves (headings only label the lines below them).

    The notes' first line is their title ("Tallinn werkbezoek e-government"), which says what the trip
    was, unless it is a label ("Doel:").
    """
    return [
        line for line in lines if not is_heading(line.text) or (line.number == 1 and header_label(line.text) is None)
    ]


def note_content_lines(lines: list[NoteLine]) -> list[NoteLine]:
    """The notes' lines that say something themselves, read in context: the last line labels nothing below it."""
    said = content_lines(lines)
    if lines and lines[-1] not in said and header_label(lines[-1].text) is None:
        said.append(lines[-1])  # "koffie was slecht" at the end is a remark, not a heading
    return said


def units_for(question: Question, lines: list[NoteLine], notes: Notes) -> list[Unit]:
    """The items a list answer must have, in note order."""
    lines = content_lines(lines)
    if question.kind is not AnswerKind.PEOPLE:
        return [Unit(line) for line in lines]
    listing = traveller_lines(notes)
    travellers = fellow_travellers(notes)
    party = party_evidence(notes)
    if is_party_question(question):
        # "solo trip", "met z'n drieën": the writer is the party too
        return _party_units(lines, travellers, [*party_texts(notes.facts), *listing])
    units: list[Unit] = []
    for line in lines:
        if any(fold(line.text) == t for t in listing):
            continue  # "mee: Femke de Groot" names a fellow traveller, not someone met
        # The enumeration the travellers were counted from is the party ("From The Hague: deputy mayor
        # Ria Koster, ... and me"); what else the line says may name someone met.
        rest = line.text.replace(party, " ") if party else line.text
        if rest != line.text and not people_in_line(rest):
            continue
        named = people_in_line(rest)
        people = [p for p in named if not is_fellow_traveller(p, travellers)]
        if named and not people:
            continue  # the line is about a colleague who travelled along ("Lotte: voorbereiding presentatie")
        units += [Unit(line, p) for p in people] or [Unit(line)]
    return units


def _party_units(lines: list[NoteLine], travellers: set[str], party_texts: list[str]) -> list[Unit]:
    """One item per fellow traveller named in the lines; never people met.

    A line that names no fellow traveller counts only when it is the party's own enumeration or list
    ("met z'n drieën", "mee: ...").
    """
    units: list[Unit] = []
    for line in lines:
        party = [p for p in people_in_line(line.text) if is_fellow_traveller(p, travellers)]
        if party:
            units += [Unit(line, p) for p in party]
        elif any(t and (t in line.text or t == fold(line.text)) for t in party_texts):
            units.append(Unit(line))
    return units


def is_negation(text: str) -> bool:
    """Whether a short line only says that nothing was (agreed, planned): "geen vervolgafspraken"."""
    return bool(_NO.search(text)) and not _BUT.search(text) and len(text.split()) <= _NEGATION_MAX_WORDS


def only_negations(lines: list[NoteLine]) -> bool:
    """Whether the selected lines say nothing but "no" (then code answers "Nee")."""
    said = content_lines(lines)
    return bool(said) and all(is_negation(line.text) for line in said)


def is_empty_item(text: str) -> bool:
    """An item that states nothing: the model's way of dropping a line."""
    return text.strip(" .-\n").lower() in _EMPTY_ITEMS or not any(ch.isalnum() for ch in text)


def trip_cities(notes: Notes, lines: list[NoteLine]) -> list[tuple[str, NoteLine]]:
    """The foreign city or cities of the trip with the line that names each, in note order.

    Destinations of the journey's legs and cities in the notes' title line come first; without those,
    the foreign cities of the lines selected for the question. Cities only mentioned in passing
    ("presentaties Praag en Dublin") are not the trip's.
    """
    found: dict[str, tuple[str, NoteLine]] = {}
    # A city with a Dutch name is written in Dutch, whatever the notes' language ("Paris" -> "Parijs"): the
    # report is a Dutch document. Another is named as the notes name it most often ("Sant Cugat").
    spellings = Counter((m.place.name, m.text) for m in notes.facts.places)
    dutch = dutch_city_names()

    def add(text: str, line: NoteLine) -> None:
        for mention in find_places(text):
            place = mention.place
            if not place.is_country and place.country_code != "NL":
                usual = dutch.get(place.name) or max(
                    (n for (p, n) in spellings if p == place.name), key=lambda n: spellings[(place.name, n)]
                )
                found.setdefault(place.name, (with_country(usual), line))

    for leg in notes.facts.legs:
        if leg.destination:
            line = next((x for x in notes.lines if leg.evidence.split("\n")[0][:40] in x.text), None)
            if line is not None:
                add(leg.destination, line)
    if notes.lines:
        add(notes.lines[0].text, notes.lines[0])
    if not found:
        for line in lines:
            add(line.text, line)
    return list(found.values())

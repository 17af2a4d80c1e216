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
from verslaghulp.drafting.omissions import lost_facts
from verslaghulp.drafting.relevance import HEADER, fold, header_label, is_heading, people_in_line
from verslaghulp.drafting.topics import is_party_question
from verslaghulp.facts.gazetteer import dutch_city_names, find_places
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.facts.people import extract_people
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.notes import NoteLine, Notes

MAX_ITEMS_PER_CALL = 12
# The party question's one item when the notes say the writer travelled alone.
SOLO = "Niemand; de indiener reisde alleen."
# "geen vervolg", "niks afgesproken", "no follow-up", "nothing agreed": a line that only says no.
_NO = re.compile(r"\b(?:geen|niets|niks|nee|no|none|nothing|not)\b", re.I)
_BUT = re.compile(r"\b(?:maar|wel|behalve|but|except|apart\s+from|alleen\s+nog)\b", re.I)
_NEGATION_MAX_WORDS = 9
# "Ja" says that something was agreed without saying what: as empty as "nee" for one item of a list.
_EMPTY_ITEMS = {"", "-", "nvt", "n.v.t.", "geen", "nee", "no", "none", "onbekend", "niet vermeld", "ja", "yes"}


@dataclass(frozen=True)
class Unit:
    """One item to be worded: the note line it comes from (and the person, for people met)."""

    line: NoteLine
    person: str | None = None
    # An item code writes itself, with the line as its evidence ("Niemand; de indiener reisde alleen.").
    fixed: str | None = None

    def fallback(self) -> str:
        """The item as the notes say it, without bullet or label: used when the model's item is unusable.

        A person is given as the extraction read them (name, role, organisation as written), not with
        the rest of the line, which may be about someone else or the journey.
        """
        if self.fixed is not None:
            return self.fixed
        text = self.line.text.strip().lstrip("-•*> ").strip()
        if self.person is not None:
            said = next((p.evidence for p in extract_people(text) if fold(p.name) == fold(self.person)), None)
            if said:
                return said
        match = HEADER.match(text)
        if match and text[match.end() :].strip():
            text = text[match.end() :].strip()
        return text

    def worded_by(self, item: str) -> bool:
        """Whether the model's item is about this unit: it names the unit's person (full or family name).

        A small model asked to word the party sometimes lists a person met instead; such an item is
        replaced by the unit's fallback rather than kept or dropped.
        """
        if self.fixed is not None:
            return False
        if self.person is None:
            return True
        said = fold(item)
        name = fold(self.person)
        family = name.split()[-1] if name.split() else name
        return name in said or (len(family) > 2 and re.search(rf"\b{re.escape(family)}\b", said) is not None)


def unit_loses(unit: Unit, item: str, kind: AnswerKind, facts: NotesFacts, ignore: set[str]) -> list[str]:
    """The names, places, dates and numbers of the unit's line (or of its person) that the item leaves out.

    An item for one person answers for that person's name and organisation, not for the others on
    the line, who have items of their own.
    """
    if unit.fixed is not None:
        return []
    lost = [m.text for m in lost_facts(item, [unit.line], kind, facts, ignore=ignore)]
    if unit.person is None:
        return lost
    person = next((p for p in facts.line(unit.line.number).people if fold(p.name) == fold(unit.person)), None)
    own = {fold(unit.person)} | ({fold(person.organisation)} if person is not None and person.organisation else set())
    return [fact for fact in lost if fold(fact) in own]


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
        party_units = _party_units(lines, travellers, [*party_texts(notes.facts), *listing])
        counted = notes.facts.travellers
        if counted is not None and counted.count == 1:
            # The writer went alone: code says so, resting on the line the count was read from.
            return [Unit(u.line, u.person, SOLO if u.person is None else None) for u in party_units]
        return party_units
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

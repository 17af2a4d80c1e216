"""The facts of one set of notes, read in one pass and shared by every reader of a draft.

Relevance, the code-written answers, the 8-hours rule, the kilometres and CO2, the consistency
checks, the grounding index and the omission check all read this one structure instead of parsing
the notes text again. Every value keeps the text it was read from (its evidence); the Dutch
wording of an answer belongs to the drafting use case, not here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from verslaghulp.facts.dates import DateMention, find_dates
from verslaghulp.facts.gazetteer import PlaceMention, find_places
from verslaghulp.facts.names import proper_names
from verslaghulp.facts.notes_index import NotesIndex, index_parsed
from verslaghulp.facts.party_list import PartyList, party_from_lists
from verslaghulp.facts.people import Mention, Person, extract_organisations, extract_people, extract_venues
from verslaghulp.facts.period import Period, extract_period
from verslaghulp.facts.transport import TransportLeg, extract_transport_legs
from verslaghulp.facts.travellers import TravellerCount, count_travellers


@dataclass(frozen=True)
class LineFacts:
    """What one note line names: its dates, places, people, organisations and venues.

    Each is read on first use and then kept: the omission check reads only the lines of the answers
    the model wrote, so most lines' names are never needed.
    """

    number: int  # 1-based, as the notes' numbered lines
    text: str

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """The dates the line names."""
        return tuple(find_dates(self.text))

    @cached_property
    def places(self) -> tuple[PlaceMention, ...]:
        """The cities and countries the line names."""
        return tuple(find_places(self.text))

    @cached_property
    def people(self) -> tuple[Person, ...]:
        """The people the line names with a role or organisation."""
        return tuple(extract_people(self.text))

    @cached_property
    def names(self) -> tuple[Mention, ...]:
        """The proper names the line writes, known or not ("London Tech Week", "Zandvliet", "SCEWC")."""
        return tuple(proper_names(self.text))

    @cached_property
    def organisations(self) -> tuple[Mention, ...]:
        """The organisations the line names."""
        return tuple(extract_organisations(self.text))

    @cached_property
    def venues(self) -> tuple[Mention, ...]:
        """The venues the line names."""
        return tuple(extract_venues(self.text))


@dataclass(frozen=True, slots=True)
class NotesFacts:
    """The notes' facts: the trip's period, party, legs, places and each line's names, with evidence."""

    text: str
    lines: tuple[LineFacts, ...]
    dates: tuple[DateMention, ...]
    places: tuple[PlaceMention, ...]
    period: Period | None
    travellers: TravellerCount | None
    party: PartyList | None  # an enumeration that lists the writer among the others, if any
    legs: tuple[TransportLeg, ...]
    index: NotesIndex  # the grounding check's view of the same text

    def line(self, number: int) -> LineFacts:
        """The facts of the line with this (1-based) number."""
        return self.lines[number - 1]


def read_notes_facts(text: str, lines: Sequence[str] | None = None) -> NotesFacts:
    """Read every fact of the notes once.

    `lines` are the notes' numbered non-empty lines as the user sees them; without them the text's
    non-empty lines (whitespace runs collapsed, as `parse_notes` numbers them) are used.
    """
    texts = list(lines) if lines is not None else [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    dates = find_dates(text)
    places = find_places(text)
    period = extract_period(text, mentions=dates)
    travellers = count_travellers(text)
    legs = extract_transport_legs(text)
    return NotesFacts(
        text=text,
        lines=tuple(LineFacts(i, t) for i, t in enumerate(texts, start=1)),
        dates=tuple(dates),
        places=tuple(places),
        period=period,
        travellers=travellers,
        party=party_from_lists(text),
        legs=tuple(legs),
        index=index_parsed(text, dates, places, period=period, travellers=travellers, legs=legs),
    )

"""The trip's kilometres and CO2 per transport mode, and a flight's reason among selected lines.

Values and evidence only: which legs count, what each mode adds up to for one traveller, how each
number was found, and how many travel together. The drafting use case words them as the form's
answer (`verslaghulp.drafting.travel_answers`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from verslaghulp.facts.emissions import HOME, EmissionFactor, co2_for
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.facts.quantities import extract_emissions, extract_kilometres
from verslaghulp.facts.transport import Mode, TransportLeg
from verslaghulp.facts.travellers import TravellerCount

# A reason given in so many words, or under a label ("waarom niet de trein: ...", "NB vliegen: ...").
_REASON = re.compile(r"\b(?:want|omdat|vanwege|wegens|doordat|because|since|due\s+to|as\s+the)\b|:\s*\S", re.I)


def reason_among(lines: Sequence[str]) -> str | None:
    """The first of the lines selected for a question that gives a reason (without its label), else None."""
    for line in lines:
        text = line.strip(" -•*")
        if _REASON.search(text) and len(text.split()) >= 3:
            # "waarom niet de trein: Thalys vol" -> the reason itself, without its label.
            label, sep, rest = text.partition(":")
            return rest.strip() if sep and rest.strip() and len(label.split()) <= 5 else text
    return None


# A line that gives the whole distance of a mode ("totaal ca 890 km enkele reis volgens NS International").
_TOTAL = re.compile(r"\b(?:totaal|in\s+totaal|total|alles\s+samen)\b", re.I)


def _legs_for_total(legs: list[TransportLeg]) -> tuple[list[TransportLeg], bool]:
    """The legs to count, and whether a way back was assumed.

    A total for a mode stands for that mode's legs. A single one-way leg without kilometres, or with
    kilometres for one way ("390 km enkele reis"), stands for the whole trip: it is counted both
    ways, and the answer says so. Legs with their own way back ("heen Nightjet ..., terug vlucht
    ...") are each counted once, as written.
    """
    totals = {leg.mode for leg in legs if leg.km is not None and _TOTAL.search(leg.evidence)}
    legs = [leg for leg in legs if leg.mode not in totals or (leg.km is not None and _TOTAL.search(leg.evidence))]
    if len(legs) == 1 and not legs[0].return_trip and (legs[0].km is None or legs[0].km_per_way):
        return [replace(legs[0], return_trip=True)], True
    # A way back without a route ("terug met KLM") runs from the previous leg's destination home.
    out: list[TransportLeg] = []
    for leg in legs:
        if out and leg.destination is None and leg.origin is None and leg.km is None and out[-1].destination:
            leg = replace(leg, origin=out[-1].destination, destination=HOME, return_trip=False)
        out.append(leg)
    return out, False


@dataclass(frozen=True)
class NotedDistance:
    """A distance as the notes write it: `km` once, or twice when it is one way of a leg travelled both ways."""

    km: float
    times: int = 1


@dataclass
class ModeTotal:
    """One mode's legs added up for one traveller, with how each number was found."""

    km: float = 0.0
    kg: float = 0.0
    estimated: bool = False
    approximate: bool = False
    retour: bool = True
    how_km: list[str] = field(default_factory=list)
    how_kg: list[str] = field(default_factory=list)
    # The distances as the notes write them ("959 km enkele reis"), to keep beside the total.
    noted: list[NotedDistance] = field(default_factory=list)


@dataclass(frozen=True)
class TripDistances:
    """Kilometres and CO2 per mode (in the order the notes mention them) and who travelled."""

    per_mode: dict[Mode, ModeTotal]
    unknown: list[str]  # the modes (by name) whose kilometres are unknown, once per leg
    party: TravellerCount | None


def trip_distances(facts: NotesFacts, *, table: tuple[EmissionFactor, ...] | None = None) -> TripDistances | None:
    """Per mode: kilometres from the notes (else estimated from the places) and kg CO2-equivalent per person.

    None when the notes name no transport at all.
    """
    if not facts.legs:
        return None
    legs, assumed_return = _legs_for_total(list(facts.legs))
    per_mode: dict[Mode, ModeTotal] = defaultdict(ModeTotal)
    unknown: list[str] = []
    for leg in legs:
        emission = co2_for(leg, table)
        if emission is None:
            unknown.append(leg.mode.value)
            continue
        row = per_mode[leg.mode]
        row.km += emission.km
        row.kg += emission.kg_co2e
        row.estimated |= emission.km_estimated
        row.approximate |= leg.km_approximate
        row.retour &= leg.return_trip
        if leg.km is not None:
            row.noted.append(NotedDistance(leg.km, 2 if leg.km_per_way and leg.return_trip else 1))
        km_how, _, kg_how = emission.how.rpartition("; ")
        row.how_km.append(km_how + ("; heen en terug aangenomen" if assumed_return else ""))
        row.how_kg.append(kg_how)
    return TripDistances(dict(per_mode), unknown, facts.travellers if per_mode else None)


# Above this a figure is no one traveller's trip ("de haven stoot 2 miljoen ton CO2 uit"): a return
# flight to the other side of the world is some 5 t.
_MAX_TRIP_KG = 10_000.0


@dataclass(frozen=True)
class StatedEmission:
    """A CO2 figure the notes give for the trip: kg, the line it stands on, and its mode when the line names one."""

    kg: float
    written: str  # "ca 350 kg" as the notes write it
    line: str
    mode: Mode | None
    per_person: bool = False  # the notes say so: "78 kg p.p.", "per persoon", "each"


# "78 kg p.p.", "per persoon", "per person", "each", "pp": the figure is one traveller's.
_PER_PERSON = re.compile(
    r"\b(?:p\.?\s?p\.?|per\s+(?:persoon|person|traveller|reiziger|deelnemer)|each|elk|ieder)(?!\w)", re.I
)


def stated_emissions(facts: NotesFacts, selected: Sequence[str] = ()) -> list[StatedEmission]:
    """The CO2 figures the notes give for the trip itself, in order.

    A figure is the trip's when its line also tells the journey (a transport leg or a distance) or is
    among `selected`, the lines chosen for the kilometres question; a figure on another line is about
    something else (a project's savings, a city's target) and is left to the other answers.
    """
    notes, legs = facts.text, facts.legs
    chosen = {line.strip() for line in selected}
    out: list[StatedEmission] = []
    for figure in extract_emissions(notes):
        start = notes.rfind("\n", 0, figure.start) + 1
        end = notes.find("\n", figure.end)
        line = notes[start : len(notes) if end < 0 else end]
        modes = {leg.mode for leg in legs if leg.evidence and leg.evidence in line}
        about_trip = bool(modes) or bool(extract_kilometres(line)) or line.strip() in chosen
        if about_trip and figure.value <= _MAX_TRIP_KG:
            only = next(iter(modes)) if len(modes) == 1 else None
            near = line[max(0, figure.start - start - 30) : figure.end - start + 30]
            out.append(
                StatedEmission(figure.value, figure.evidence, line.strip(), only, bool(_PER_PERSON.search(near)))
            )
    return out

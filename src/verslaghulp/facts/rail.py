"""The 8-hours rule for flights to destinations within 8 hours by train.

Since 14 July 2020 Den Haag officials take the train or bus where the journey takes under 8 hours;
a flight to such a destination needs a justification in the report.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from verslaghulp.facts.gazetteer import Place, PlaceMention, lookup
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.facts.transport import Mode, TransportLeg, modes_named

RULE_HOURS = 8.0
# Words with which notes justify a flight ("uitzondering: staking bij DB", "vliegen noodzakelijk want").
_JUSTIFICATION = re.compile(
    r"\b(uitzondering\w*|uitzonderlijk\w*|noodzakelijk|noodzaak|spoed\w*|staking|geen\s+trein\w*|"
    r"treinen\s+reden\s+niet|omdat|vanwege|wegens|reden|toestemming|goedgekeurd\s+door|medische?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TrainTime:
    """Typical fastest rail journey from Den Haag to a city."""

    city: str
    dutch: str
    hours: float
    route: str
    checked: str


@cache
def train_times() -> dict[str, TrainTime]:
    """The built-in table of train travel times, by gazetteer city name."""
    text = (resources.files("verslaghulp.facts") / "data" / "train_times.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {r["city"]: TrainTime(r["city"], r["dutch"], float(r["hours"]), r["route"], r["checked"]) for r in rows}


def train_time_to(place: Place | str) -> TrainTime | None:
    """The train time from Den Haag to a city (any of its names), else None."""
    found = lookup(place) if isinstance(place, str) else place
    return train_times().get(found.name) if found else None


def hours_nl(hours: float) -> str:
    """Hours the way a Dutch report writes them: 12.5 -> "12,5", 4.0 -> "4"."""
    return f"{hours:g}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """The outcome of the 8-hours rule for a trip."""

    flown: bool
    destination: TrainTime | None
    applies: bool  # flown to a destination under 8 hours by train
    justification: str | None  # the notes' words that justify the flight
    follow_up: str | None  # the Dutch question to ask when something is missing


def _flight_destination(places: Sequence[PlaceMention], flights: list[TransportLeg]) -> TrainTime | None:
    for leg in flights:
        for name in (leg.destination, leg.origin):
            time = train_time_to(name) if name else None
            if time and time.city != "The Hague":
                return time
    # No route on the flight line: the first foreign city in the notes that has a train time.
    for mention in places:
        time = train_times().get(mention.place.name)
        if time:
            return time
    return None


# "trein duurt ca 12,5 uur", "12 hours by train", "Thalys 3u20": a travel time the notes give for the train.
_HOURS = re.compile(r"(?<![\d,.:])(?P<h>\d{1,2}(?:[,.]\d)?)\s*(?:uur|u|h|hours?|hrs?)(?:\s*(?P<m>\d{2}))?\b", re.I)
_CLAUSE = re.compile(r"[^.;\n]+")


def stated_train_hours(notes: str) -> tuple[float, str, str] | None:
    """The train's travel time as the notes state it (hours, as written, the clause it is in), or None.

    Only a clause that names the train (or a train's name) and a number of hours counts, so a
    flight's "1,5 uur" or a meeting's "2 uur" is not taken for it.
    """
    for clause in _CLAUSE.finditer(notes):
        text = clause.group()
        if not any(m is Mode.TREIN for m in modes_named(text)):
            continue
        found = _HOURS.search(text)
        if found and not any(m is Mode.VLIEGTUIG for m in modes_named(text[found.start() - 12 : found.start()])):
            hours = float(found["h"].replace(",", ".")) + (int(found["m"]) / 60 if found["m"] else 0.0)
            return hours, found.group().strip(), text.strip(" -•*")
    return None


def check_eight_hours(facts: NotesFacts) -> RuleCheck:
    """Apply the 8-hours rule to the notes: was there a flight, how long is the train, is it justified."""
    flights = [leg for leg in facts.legs if leg.mode is Mode.VLIEGTUIG]
    if not flights:
        return RuleCheck(False, None, False, None, None)
    dest = _flight_destination(facts.places, flights)
    if dest is None:
        return RuleCheck(
            True, None, False, None, "Naar welke stad bent u gevlogen? Dan kan de reistijd per trein worden opgezocht."
        )
    if dest.hours >= RULE_HOURS:
        return RuleCheck(True, dest, False, None, None)
    justification = _justification(facts.text)
    follow_up = None
    if justification is None:
        follow_up = (
            f"U bent naar {dest.dutch} gevlogen, terwijl de treinreis ca. {hours_nl(dest.hours)} uur duurt (korter dan "
            "8 uur). Welke uitzonderlijke situatie maakte het vliegen noodzakelijk?"
        )
    return RuleCheck(True, dest, True, justification, follow_up)


def _justification(notes: str) -> str | None:
    for line in notes.splitlines():
        folded = fold(line)
        mentions_flight = any(w in folded for w in ("vlieg", "vlucht", "gevlogen", "flight", "klm", "transavia"))
        if (mentions_flight and _JUSTIFICATION.search(line)) or re.search(r"\buitzondering\w*\b", line, re.I):
            text = line.strip(" -•*")
            # "waarom vliegen: Eurostar reed niet" -> the reason itself, without its label.
            label, sep, rest = text.partition(":")
            return rest.strip() if sep and rest.strip() and len(label.split()) <= 4 else text
    return None

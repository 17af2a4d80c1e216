"""CO2 per transport leg: kilometres (from the notes, else estimated) times an emission factor.

Factors come from `data/emission_factors.csv` (mode, distance band, kg CO2-eq per passenger-km,
source, year); a municipality can pass its own table. When the notes give no kilometres, the
great-circle distance between known places is multiplied by a detour factor per mode and the result
is marked as an estimate.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from verslaghulp.facts.gazetteer import distance_km, lookup
from verslaghulp.facts.transport import Mode, TransportLeg

HOME = "Den Haag"
# Route length over great-circle distance. Flights: 1.0, because the Den Haag report of 2025 gives
# 1918 km for Vienna return, which is twice the great-circle distance Amsterdam/Den Haag - Vienna
# (959-960 km); DEFRA would add 8% instead. Rail and road follow the network, roughly a quarter to a
# third longer than the straight line on European corridors.
DETOUR_FACTORS: dict[Mode, float] = {
    Mode.VLIEGTUIG: 1.0,
    Mode.TREIN: 1.25,
    Mode.BUS: 1.3,
    Mode.AUTO: 1.3,
    Mode.BOOT: 1.1,
}


@dataclass(frozen=True, slots=True)
class EmissionFactor:
    """One row of the table: a mode and one-way distance band with its factor and source."""

    mode: Mode
    min_km: float
    max_km: float | None
    kg_per_pkm: float
    source: str
    year: int


@dataclass(frozen=True, slots=True)
class Emission:
    """CO2 of one leg for one person, with the kilometres it rests on and how they were found."""

    mode: Mode
    km: float
    kg_co2e: float
    factor: EmissionFactor
    km_estimated: bool
    how: str


def _parse(text: str) -> list[EmissionFactor]:
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return [
        EmissionFactor(
            Mode(r["mode"].strip()),
            float(r["min_km"]),
            float(r["max_km"]) if r["max_km"].strip() else None,
            float(r["kg_per_pkm"]),
            r["source"].strip(),
            int(r["year"]),
        )
        for r in rows
    ]


@cache
def default_table() -> tuple[EmissionFactor, ...]:
    """The built-in emission factors."""
    text = (resources.files("verslaghulp.facts") / "data" / "emission_factors.csv").read_text(encoding="utf-8")
    return tuple(_parse(text))


def load_table(path: Path) -> tuple[EmissionFactor, ...]:
    """Load a user's own emission factor table (same columns as the built-in CSV)."""
    return tuple(_parse(path.read_text(encoding="utf-8")))


def factor_for(mode: Mode, one_way_km: float, table: tuple[EmissionFactor, ...] | None = None) -> EmissionFactor:
    """The factor for a mode and one-way distance: the band that contains the distance."""
    rows = [f for f in (table or default_table()) if f.mode == mode]
    for f in rows:
        if f.min_km <= one_way_km and (f.max_km is None or one_way_km < f.max_km):
            return f
    if not rows:
        raise LookupError(f"geen emissiefactor voor {mode.value}")
    return rows[-1]


def leg_km(leg: TransportLeg) -> tuple[float, bool, str] | None:
    """Kilometres of a leg (both ways when it is a return): (km, estimated, how in Dutch), else None.

    Kilometres written next to a return leg ("retour, 1918 km") are taken as the total, as the Den
    Haag reports write them, unless the notes say they are for one way ("959 km enkele reis").
    """
    if leg.km is not None:
        how = f"'{leg.evidence}' in de aantekeningen"
        if leg.return_trip and leg.km_per_way:
            return leg.km * 2, False, how + f"; {_km(leg.km)} km enkele reis x 2 (heen en terug)"
        return leg.km, False, how
    dest = lookup(leg.destination) if leg.destination else None
    origin = lookup(leg.origin) if leg.origin else lookup(HOME)
    if dest is None or origin is None or dest.is_country or origin.is_country or dest == origin:
        return None
    straight = distance_km(origin, dest)
    detour = DETOUR_FACTORS[leg.mode]
    ways = 2 if leg.return_trip else 1
    km = straight * detour * ways
    how = (
        f"schatting: hemelsbreed {origin.name}-{dest.name} {straight:.0f} km x omrijfactor {detour:g}"
        f"{' x 2 (heen en terug)' if ways == 2 else ''}"
    )
    return km, True, how


def _km(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def co2_for(leg: TransportLeg, table: tuple[EmissionFactor, ...] | None = None) -> Emission | None:
    """CO2-equivalent of one leg for one passenger; None when its kilometres are unknown."""
    found = leg_km(leg)
    if found is None:
        return None
    km, estimated, how = found
    one_way = km / 2 if leg.return_trip else km
    factor = factor_for(leg.mode, one_way, table)
    kg = km * factor.kg_per_pkm
    how += f"; {km:.0f} km x {factor.kg_per_pkm:g} kg CO2-eq/km ({factor.source} {factor.year})"
    return Emission(leg.mode, km, kg, factor, estimated, how)

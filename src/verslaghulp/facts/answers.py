"""Answers that code writes for the form: the 8-hours justification and kilometres with CO2.

Each function returns the Dutch answer text (or None), a follow-up question when the notes lack
something, and the computed facts with how they were computed, so the grounding check marks the
numbers as computed rather than invented.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from verslaghulp.facts.emissions import HOME, EmissionFactor, co2_for
from verslaghulp.facts.rail import check_eight_hours, hours_nl
from verslaghulp.facts.transport import Mode, TransportLeg, extract_transport_legs
from verslaghulp.facts.travellers import count_travellers

if TYPE_CHECKING:  # report.model imports facts.grounding_model; importing it here at run time would be a cycle
    from verslaghulp.report.model import ComputedFact


def _fact(label: str, value: str, how: str) -> ComputedFact:
    from verslaghulp.report.model import ComputedFact  # deferred: see the TYPE_CHECKING note above

    return ComputedFact(label=label, value=value, how=how)


@dataclass(frozen=True)
class CodeAnswer:
    """An answer code wrote: text (None when the notes do not allow one), follow-up, computed facts."""

    text: str | None
    follow_up: str | None = None
    computed: list[ComputedFact] = field(default_factory=list)


def flight_justification_answer(notes: str) -> CodeAnswer:
    """Answer "INDIEN VLIEGTUIG ... TOELICHTING UITZONDERLIJKE SITUATIE" from the notes.

    "Nvt (niet gevlogen)" without a flight; "Nvt (treinreis naar Wenen duurt ca. 12,5 uur)" when the
    train takes 8 hours or more; the notes' own justification when the rule applies and they give one;
    otherwise no text and the follow-up question.
    """
    rule = check_eight_hours(notes)
    if not rule.flown:
        return CodeAnswer("Nvt (niet met het vliegtuig gereisd).")
    if rule.destination is None:
        return CodeAnswer(None, rule.follow_up)
    dest = rule.destination
    hours = hours_nl(dest.hours)
    fact = _fact(
        "reistijd per trein",
        f"ca. {hours} uur naar {dest.dutch}",
        f"tabel treinreistijden vanaf Den Haag ({dest.route}; {dest.checked}), benadering",
    )
    if not rule.applies:
        return CodeAnswer(f"Nvt (treinreis naar {dest.dutch} duurt ca. {hours} uur).", None, [fact])
    if rule.justification:
        text = f"Gevlogen naar {dest.dutch} (treinreis ca. {hours} uur). Toelichting: {rule.justification}"
        return CodeAnswer(text, None, [fact])
    return CodeAnswer(None, rule.follow_up, [fact])


def _legs_for_total(legs: list[TransportLeg]) -> tuple[list[TransportLeg], bool]:
    """A single one-way leg stands for the whole trip: count it both ways, and say so."""
    if len(legs) == 1 and not legs[0].return_trip and legs[0].km is None:
        leg = legs[0]
        return [TransportLeg(leg.mode, leg.origin, leg.destination, None, True, leg.evidence)], True
    # A way back without a route ("terug met KLM") runs from the previous leg's destination home.
    out: list[TransportLeg] = []
    for leg in legs:
        if out and leg.destination is None and leg.origin is None and leg.km is None and out[-1].destination:
            leg = TransportLeg(leg.mode, out[-1].destination, HOME, None, False, leg.evidence)
        out.append(leg)
    return out, False


def _fmt(value: float) -> str:
    # "1918 km" as the reports write it; a thousands dot only from 10.000 on.
    return f"{value:.0f}" if value < 10_000 else f"{value:,.0f}".replace(",", ".")


def kilometres_co2_answer(notes: str, *, table: tuple[EmissionFactor, ...] | None = None) -> CodeAnswer:
    """Answer "AANTAL AFGELEGDE KILOMETERS PER VERVOERSMIDDEL EN DE UITSTOOT VAN CO2-EQUIVALENTEN".

    Per mode: kilometres from the notes (else estimated from the places) and kg CO2-equivalent per
    person, e.g. "1918 km met vliegtuig (retour), ca. 384 kg CO2-equivalent"; with more travellers
    the party's total follows.
    """
    legs = extract_transport_legs(notes)
    if not legs:
        return CodeAnswer(
            None, "Met welk vervoermiddel bent u gereisd, en hoeveel kilometer was de reis (heen en terug)?"
        )
    legs, assumed_return = _legs_for_total(legs)
    per_mode: dict[Mode, list[tuple[float, float, bool, bool]]] = defaultdict(list)
    computed: list[ComputedFact] = []
    unknown: list[str] = []
    for leg in legs:
        emission = co2_for(leg, table)
        if emission is None:
            unknown.append(leg.mode.value)
            continue
        per_mode[leg.mode].append((emission.km, emission.kg_co2e, emission.km_estimated, leg.return_trip))
        how = emission.how + ("; heen en terug aangenomen" if assumed_return else "")
        computed.append(_fact(f"kilometers {leg.mode.value}", f"{_fmt(emission.km)} km", how))
        computed.append(_fact(f"CO2 {leg.mode.value}", f"{_fmt(emission.kg_co2e)} kg CO2-equivalent", how))
    if not per_mode:
        modes = ", ".join(dict.fromkeys(unknown))
        return CodeAnswer(None, f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)?", computed)
    parts: list[str] = []
    party = count_travellers(notes)
    total = 0.0
    for mode, rows in per_mode.items():
        km = sum(r[0] for r in rows)
        kg = sum(r[1] for r in rows)
        total += kg
        estimated = any(r[2] for r in rows)
        retour = " (retour)" if all(r[3] for r in rows) else ""
        prefix = "ca. " if estimated else ""
        parts.append(f"{prefix}{_fmt(km)} km met {mode.value}{retour}, ca. {_fmt(kg)} kg CO2-equivalent")
    text = "; ".join(parts)
    if party and party.count > 1:
        text += f" per persoon; voor {party.count} personen samen ca. {_fmt(total * party.count)} kg CO2-equivalent"
        computed.append(
            _fact(
                "CO2 reisgezelschap",
                f"{_fmt(total * party.count)} kg",
                f"{_fmt(total)} kg x {party.count} personen ({party.how})",
            )
        )
    follow_up = None
    if unknown:
        follow_up = f"Hoeveel kilometer heeft u afgelegd met {', '.join(dict.fromkeys(unknown))}?"
    if any(r[2] for rows in per_mode.values() for r in rows):
        text += " (kilometers geschat)"
    return CodeAnswer(text + ".", follow_up, computed)

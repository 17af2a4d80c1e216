"""The form's travel-rule answers in Dutch: the 8-hours justification and kilometres with CO2.

The facts layer computes the values and their evidence (`facts.rail`, `facts.distances`); this
module words them. Each function returns the Dutch answer text (or None), a follow-up question
when the notes lack something, and the computed facts with how they were computed, so the
grounding check marks the numbers as computed rather than invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from verslaghulp.facts.distances import ModeTotal, NotedDistance, reason_among, trip_distances
from verslaghulp.facts.emissions import EmissionFactor
from verslaghulp.facts.rail import RULE_HOURS, check_eight_hours, hours_nl, stated_train_hours
from verslaghulp.facts.transport import extract_transport_legs
from verslaghulp.report.model import ComputedFact


@dataclass(frozen=True)
class RuleAnswer:
    """An answer code wrote: text (None when the notes do not allow one), follow-up, computed facts."""

    text: str | None
    follow_up: str | None = None
    computed: list[ComputedFact] = field(default_factory=list)


def _fact(label: str, value: str, how: str) -> ComputedFact:
    return ComputedFact(label=label, value=value, how=how)


def flight_justification_answer(notes: str, reason_lines: Sequence[str] = ()) -> RuleAnswer:
    """Answer "INDIEN VLIEGTUIG ... TOELICHTING UITZONDERLIJKE SITUATIE" from the notes.

    "Nvt (niet ... gereisd, maar met trein)" when the notes show other modes and no flight; "Nvt
    (treinreis naar Wenen duurt ca. 12,5 uur)" when the train takes 8 hours or more (the notes' own
    travel time first, else the table's); the notes' own justification when the rule applies and
    they give one (a line with a reason, or one of `reason_lines`, the lines selected for this
    question, e.g. under "waarom niet de trein:"); otherwise no text and the follow-up question.
    """
    rule = check_eight_hours(notes)
    if not rule.flown:
        legs = extract_transport_legs(notes)
        if not legs:
            # Evidence or silence: notes that never say how the trip was made do not show "not flown".
            return RuleAnswer(
                None, "Met welk vervoermiddel bent u gereisd? Als u bent gevlogen: waarom niet met de trein of bus?"
            )
        modes = " en ".join(dict.fromkeys(leg.mode.value for leg in legs))
        return RuleAnswer(f"Nvt (niet met het vliegtuig gereisd, maar met {modes}).")
    stated = stated_train_hours(notes)
    dest = rule.destination
    if dest is None and stated is None:
        return RuleAnswer(None, rule.follow_up)
    where = f" naar {dest.dutch}" if dest else ""
    if stated is not None:
        # The official's own figure is the fact; the table is only a fallback.
        hours_value, written, clause = stated
        hours = written.replace("hours", "uur").replace("hour", "uur")
        fact = _fact("reistijd per trein", f"ca. {hours}", f"uit de aantekeningen: '{clause}'")
    else:
        assert dest is not None
        hours_value = dest.hours
        hours = f"{hours_nl(dest.hours)} uur"
        fact = _fact(
            "reistijd per trein",
            f"ca. {hours_nl(dest.hours)} uur{where}",
            f"tabel treinreistijden vanaf Den Haag ({dest.route}; {dest.checked}), benadering",
        )
    if hours_value >= RULE_HOURS:
        return RuleAnswer(f"Nvt (treinreis{where} duurt ca. {hours}).", None, [fact])
    justification = rule.justification or reason_among(reason_lines)
    if justification:
        text = f"Gevlogen{where} (treinreis ca. {hours}). Toelichting: {justification}"
        return RuleAnswer(text, None, [fact])
    follow_up = (
        f"U bent{where} gevlogen, terwijl de treinreis ca. {hours} duurt (korter dan 8 uur). Welke "
        "uitzonderlijke situatie maakte het vliegen noodzakelijk?"
    )
    return RuleAnswer(None, follow_up, [fact])


def _fmt(value: float) -> str:
    # "1918 km" as the reports write it; a thousands dot only from 10.000 on.
    return f"{value:.0f}" if value < 10_000 else f"{value:,.0f}".replace(",", ".")


def _written(noted: NotedDistance) -> str:
    """Return "2 x 959 km" or "959 km": a distance as the notes give it."""
    return f"2 x {_fmt(noted.km)} km" if noted.times == 2 else f"{_fmt(noted.km)} km"


def _remark(row: ModeTotal, km: str) -> str:
    """Return "(retour: 2 x 959 km)": the distances as the notes give them stay beside the total they add up to."""
    written = [_written(n) for n in row.noted]
    noted = " + ".join(written) if written and written != [f"{km} km"] else ""
    if row.retour:
        return f" (retour: {noted})" if noted else " (retour)"
    return f" ({noted})" if noted else ""


def kilometres_co2_answer(notes: str, *, table: tuple[EmissionFactor, ...] | None = None) -> RuleAnswer:
    """Answer "AANTAL AFGELEGDE KILOMETERS PER VERVOERSMIDDEL EN DE UITSTOOT VAN CO2-EQUIVALENTEN".

    Per mode: kilometres from the notes (else estimated from the places) and kg CO2-equivalent per
    person, e.g. "1918 km met vliegtuig (retour), ca. 384 kg CO2-equivalent"; with more travellers
    the party's total follows. Every number in the text is one of the computed facts, written the
    same way, so the grounding check can trace each one.
    """
    trip = trip_distances(notes, table=table)
    if trip is None:
        return RuleAnswer(
            None, "Met welk vervoermiddel bent u gereisd, en hoeveel kilometer was de reis (heen en terug)?"
        )
    if not trip.per_mode:
        modes = ", ".join(dict.fromkeys(trip.unknown))
        return RuleAnswer(None, f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)?")
    parts: list[str] = []
    computed: list[ComputedFact] = []
    total = 0.0
    for mode, row in trip.per_mode.items():
        km, kg = _fmt(row.km), _fmt(row.kg)
        # The party's total is the sum of the rounded figures shown, so that the published numbers add up.
        total += float(kg.replace(".", ""))
        prefix = "ca. " if row.estimated or row.approximate else ""
        remark = _remark(row, km)
        parts.append(f"{prefix}{km} km met {mode.value}{remark}, ca. {kg} kg CO2-equivalent")
        computed.append(_fact(f"kilometers {mode.value}", f"{km} km", " + ".join(row.how_km)))
        if any(n.times == 2 for n in row.noted):
            computed.append(_fact("heen en terug", "2", "de afstand enkele reis telt twee keer: heen en terug"))
        computed.append(_fact(f"CO2 {mode.value}", f"{kg} kg CO2-equivalent", " + ".join(row.how_kg)))
    text = "; ".join(parts)
    party = trip.party
    if party and party.count > 1:
        together = _fmt(total * party.count)
        text += f" per persoon; voor {party.count} personen samen ca. {together} kg CO2-equivalent"
        computed.append(_fact("aantal personen", str(party.count), party.how))
        computed.append(
            _fact("CO2 reisgezelschap", f"{together} kg", f"{_fmt(total)} kg x {party.count} personen ({party.how})")
        )
    follow_up = None
    if trip.unknown:
        follow_up = f"Hoeveel kilometer heeft u afgelegd met {', '.join(dict.fromkeys(trip.unknown))}?"
    estimated = [mode.value for mode, row in trip.per_mode.items() if row.estimated]
    if estimated:
        # Say which kilometres are estimates when only some are: the others are the notes' own.
        which = "" if len(estimated) == len(trip.per_mode) else f" met {' en '.join(estimated)}"
        text += f" (kilometers{which} geschat)"
    return RuleAnswer(text + ".", follow_up, computed)

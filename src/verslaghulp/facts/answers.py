"""Answers that code writes for the form: the 8-hours justification and kilometres with CO2.

Each function returns the Dutch answer text (or None), a follow-up question when the notes lack
something, and the computed facts with how they were computed, so the grounding check marks the
numbers as computed rather than invented.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from verslaghulp.facts.emissions import HOME, EmissionFactor, co2_for
from verslaghulp.facts.rail import RULE_HOURS, check_eight_hours, hours_nl, stated_train_hours
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


def flight_justification_answer(notes: str, reason_lines: Sequence[str] = ()) -> CodeAnswer:
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
            return CodeAnswer(
                None, "Met welk vervoermiddel bent u gereisd? Als u bent gevlogen: waarom niet met de trein of bus?"
            )
        modes = " en ".join(dict.fromkeys(leg.mode.value for leg in legs))
        return CodeAnswer(f"Nvt (niet met het vliegtuig gereisd, maar met {modes}).")
    stated = stated_train_hours(notes)
    dest = rule.destination
    if dest is None and stated is None:
        return CodeAnswer(None, rule.follow_up)
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
        return CodeAnswer(f"Nvt (treinreis{where} duurt ca. {hours}).", None, [fact])
    justification = rule.justification or _reason_among(reason_lines)
    if justification:
        text = f"Gevlogen{where} (treinreis ca. {hours}). Toelichting: {justification}"
        return CodeAnswer(text, None, [fact])
    follow_up = (
        f"U bent{where} gevlogen, terwijl de treinreis ca. {hours} duurt (korter dan 8 uur). Welke "
        "uitzonderlijke situatie maakte het vliegen noodzakelijk?"
    )
    return CodeAnswer(None, follow_up, [fact])


# A reason given in so many words, or under a label ("waarom niet de trein: ...", "NB vliegen: ...").
_REASON = re.compile(r"\b(?:want|omdat|vanwege|wegens|doordat|because|since|due\s+to|as\s+the)\b|:\s*\S", re.I)


def _reason_among(lines: Sequence[str]) -> str | None:
    """The first of the lines selected for the question that gives a reason."""
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


def _remark(row: _ModeTotal, km: str) -> str:
    """Return "(retour: 2 x 959 km)": the distances as the notes give them stay beside the total they add up to."""
    noted = " + ".join(row.written) if row.written and row.written != [f"{km} km"] else ""
    if row.retour:
        return f" (retour: {noted})" if noted else " (retour)"
    return f" ({noted})" if noted else ""


def _fmt(value: float) -> str:
    # "1918 km" as the reports write it; a thousands dot only from 10.000 on.
    return f"{value:.0f}" if value < 10_000 else f"{value:,.0f}".replace(",", ".")


@dataclass
class _ModeTotal:
    """One mode's legs added up for one traveller, with how each number was found."""

    km: float = 0.0
    kg: float = 0.0
    estimated: bool = False
    approximate: bool = False
    retour: bool = True
    how_km: list[str] = field(default_factory=list)
    how_kg: list[str] = field(default_factory=list)
    # The distances as the notes write them ("959 km enkele reis"), kept in the answer beside the total.
    written: list[str] = field(default_factory=list)


def kilometres_co2_answer(notes: str, *, table: tuple[EmissionFactor, ...] | None = None) -> CodeAnswer:
    """Answer "AANTAL AFGELEGDE KILOMETERS PER VERVOERSMIDDEL EN DE UITSTOOT VAN CO2-EQUIVALENTEN".

    Per mode: kilometres from the notes (else estimated from the places) and kg CO2-equivalent per
    person, e.g. "1918 km met vliegtuig (retour), ca. 384 kg CO2-equivalent"; with more travellers
    the party's total follows. Every number in the text is one of the computed facts, written the
    same way, so the grounding check can trace each one.
    """
    legs = extract_transport_legs(notes)
    if not legs:
        return CodeAnswer(
            None, "Met welk vervoermiddel bent u gereisd, en hoeveel kilometer was de reis (heen en terug)?"
        )
    legs, assumed_return = _legs_for_total(legs)
    per_mode: dict[Mode, _ModeTotal] = defaultdict(_ModeTotal)
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
            row.written.append(
                (f"2 x {_fmt(leg.km)} km" if leg.return_trip else f"{_fmt(leg.km)} km")
                if leg.km_per_way
                else f"{_fmt(leg.km)} km"
            )
        km_how, _, kg_how = emission.how.rpartition("; ")
        row.how_km.append(km_how + ("; heen en terug aangenomen" if assumed_return else ""))
        row.how_kg.append(kg_how)
    if not per_mode:
        modes = ", ".join(dict.fromkeys(unknown))
        return CodeAnswer(None, f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)?")
    parts: list[str] = []
    computed: list[ComputedFact] = []
    total = 0.0
    for mode, row in per_mode.items():
        km, kg = _fmt(row.km), _fmt(row.kg)
        # The party's total is the sum of the rounded figures shown, so that the published numbers add up.
        total += float(kg.replace(".", ""))
        prefix = "ca. " if row.estimated or row.approximate else ""
        remark = _remark(row, km)
        parts.append(f"{prefix}{km} km met {mode.value}{remark}, ca. {kg} kg CO2-equivalent")
        computed.append(_fact(f"kilometers {mode.value}", f"{km} km", " + ".join(row.how_km)))
        if any(w.startswith("2 x ") for w in row.written):
            computed.append(_fact("heen en terug", "2", "de afstand enkele reis telt twee keer: heen en terug"))
        computed.append(_fact(f"CO2 {mode.value}", f"{kg} kg CO2-equivalent", " + ".join(row.how_kg)))
    text = "; ".join(parts)
    party = count_travellers(notes)
    if party and party.count > 1:
        together = _fmt(total * party.count)
        text += f" per persoon; voor {party.count} personen samen ca. {together} kg CO2-equivalent"
        computed.append(_fact("aantal personen", str(party.count), party.how))
        computed.append(
            _fact("CO2 reisgezelschap", f"{together} kg", f"{_fmt(total)} kg x {party.count} personen ({party.how})")
        )
    follow_up = None
    if unknown:
        follow_up = f"Hoeveel kilometer heeft u afgelegd met {', '.join(dict.fromkeys(unknown))}?"
    estimated = [mode.value for mode, row in per_mode.items() if row.estimated]
    if estimated:
        # Say which kilometres are estimates when only some are: the others are the notes' own.
        which = "" if len(estimated) == len(per_mode) else f" met {' en '.join(estimated)}"
        text += f" (kilometers{which} geschat)"
    return CodeAnswer(text + ".", follow_up, computed)

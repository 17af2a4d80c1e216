"""The form's travel-rule answers in Dutch: the 8-hours justification and kilometres with CO2.

The facts layer computes the values and their evidence (`facts.rail`, `facts.distances`); this
module words them. Each function returns the Dutch answer text (or None), a follow-up question
when the notes lack something, and the computed facts with how they were computed, so the
grounding check marks the numbers as computed rather than invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from verslaghulp.facts.distances import (
    ModeTotal,
    NotedDistance,
    StatedEmission,
    reason_among,
    stated_emissions,
    trip_distances,
)
from verslaghulp.facts.emissions import EmissionFactor
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.facts.rail import RULE_HOURS, check_eight_hours, hours_nl, stated_train_hours
from verslaghulp.facts.transport import Mode
from verslaghulp.report.model import ComputedFact


@dataclass(frozen=True)
class RuleAnswer:
    """An answer code wrote: text (None when the notes do not allow one), follow-up, computed facts."""

    text: str | None
    follow_up: str | None = None
    computed: list[ComputedFact] = field(default_factory=list)
    # Lines of the notes the answer also rests on besides the transport legs (a stated CO2 figure).
    lines: list[str] = field(default_factory=list)


def _fact(label: str, value: str, how: str) -> ComputedFact:
    return ComputedFact(label=label, value=value, how=how)


def flight_justification_answer(
    facts: NotesFacts, reason_lines: Sequence[str] = (), under_heading: Sequence[str] = ()
) -> RuleAnswer:
    """Answer "INDIEN VLIEGTUIG ... TOELICHTING UITZONDERLIJKE SITUATIE" from the notes.

    "Nvt (niet ... gereisd, maar met trein)" when the notes show other modes and no flight; "Nvt
    (treinreis naar Wenen duurt ca. 12,5 uur)" when the train takes 8 hours or more (the notes' own
    travel time first, else the table's); the notes' own justification when the rule applies and
    they give one (a line with a reason, or one of `reason_lines`, the lines selected for this
    question, e.g. under "waarom niet de trein:", or one of `under_heading`, the selected lines right
    below a heading the question claimed); otherwise no text and the follow-up question.
    """
    rule = check_eight_hours(facts)
    if not rule.flown:
        legs = facts.legs
        if not legs:
            # Evidence or silence: notes that never say how the trip was made do not show "not flown".
            return RuleAnswer(
                None, "Met welk vervoermiddel bent u gereisd? Als u bent gevlogen: waarom niet met de trein of bus?"
            )
        modes = " en ".join(dict.fromkeys(leg.mode.value for leg in legs))
        return RuleAnswer(f"Nvt (niet met het vliegtuig gereisd, maar met {modes}).")
    stated = stated_train_hours(facts.text)
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
    justification = rule.justification or next(iter(under_heading), None) or reason_among(reason_lines)
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


def kilometres_co2_answer(
    facts: NotesFacts, *, table: tuple[EmissionFactor, ...] | None = None, lines: Sequence[str] = ()
) -> RuleAnswer:
    """Answer "AANTAL AFGELEGDE KILOMETERS PER VERVOERSMIDDEL EN DE UITSTOOT VAN CO2-EQUIVALENTEN".

    Per mode: kilometres from the notes (else estimated from the places; when the notes give no
    kilometres or CO2 at all, the estimate is only offered in the follow-up) and kg CO2-equivalent per
    person, e.g. "1918 km met vliegtuig (retour), ca. 384 kg CO2-equivalent"; with more travellers
    the party's total follows. A CO2 figure the notes give for the trip is the answer's figure, with
    code's own calculation kept in its evidence; `lines` are the lines selected for the question.
    Every number in the text is one of the computed facts, written the same way, so the grounding
    check can trace each one.
    """
    trip = trip_distances(facts, table=table)
    stated = stated_emissions(facts, lines)
    if trip is None or not trip.per_mode:
        if stated:
            return _stated_only(stated, trip.unknown if trip else [])
        if trip is None:
            return RuleAnswer(
                None, "Met welk vervoermiddel bent u gereisd, en hoeveel kilometer was de reis (heen en terug)?"
            )
        modes = ", ".join(dict.fromkeys(trip.unknown))
        return RuleAnswer(None, f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)?")
    by_mode, overall = _assign(stated, list(trip.per_mode))
    parts: list[str] = []
    computed: list[ComputedFact] = []
    total = 0.0
    for mode, row in trip.per_mode.items():
        km = _fmt(row.km)
        prefix = "ca. " if row.estimated or row.approximate else ""
        remark = _remark(row, km)
        computed.append(_fact(f"kilometers {mode.value}", f"{km} km", " + ".join(row.how_km)))
        if any(n.times == 2 for n in row.noted):
            computed.append(_fact("heen en terug", "2", "de afstand enkele reis telt twee keer: heen en terug"))
        own = " + ".join(row.how_kg)
        if mode in by_mode:
            figure = by_mode[mode]
            kg = _fmt(figure.kg)
            parts.append(
                f"{prefix}{km} km met {mode.value}{remark}, ca. {kg} kg CO2-equivalent (volgens de aantekeningen)"
            )
            how = f"uit de aantekeningen: '{figure.line}'; eigen berekening ca. {_fmt(row.kg)} kg ({own})"
            computed.append(_fact(f"CO2 {mode.value}", f"{kg} kg CO2-equivalent", how))
        else:
            kg = _fmt(row.kg)
            parts.append(f"{prefix}{km} km met {mode.value}{remark}, ca. {kg} kg CO2-equivalent")
            computed.append(_fact(f"CO2 {mode.value}", f"{kg} kg CO2-equivalent", own))
        # The party's total is the sum of the rounded figures shown, so that the published numbers add up.
        total += float(kg.replace(".", ""))
    text = "; ".join(parts)
    follow_up = None
    if overall is not None:
        text += f"; volgens de aantekeningen in totaal ca. {_fmt(overall.kg)} kg CO2-equivalent"
        computed.append(_fact("CO2-totaal", f"{_fmt(overall.kg)} kg", f"uit de aantekeningen: '{overall.line}'"))
    party = trip.party
    figures = [*by_mode.values(), *([overall] if overall else [])]
    if party and party.count > 1 and figures and not all(f.per_person for f in figures):
        # A figure from the notes may be per person or for everyone: the official says which, code does not guess.
        follow_up = "Geldt de CO2-uitstoot in de aantekeningen per persoon of voor het hele reisgezelschap?"
    elif party and party.count > 1:
        if overall is not None:
            total = overall.kg  # the notes' own total per person stands for the sum of the modes
        together = _fmt(total * party.count)
        text += f" per persoon; voor {party.count} personen samen ca. {together} kg CO2-equivalent"
        computed.append(_fact("aantal personen", str(party.count), party.how))
        computed.append(
            _fact("CO2 reisgezelschap", f"{together} kg", f"{_fmt(total)} kg x {party.count} personen ({party.how})")
        )
    if trip.unknown:
        follow_up = f"Hoeveel kilometer heeft u afgelegd met {', '.join(dict.fromkeys(trip.unknown))}?"
    estimated = [mode.value for mode, row in trip.per_mode.items() if row.estimated]
    if len(estimated) == len(trip.per_mode) and not stated and not trip.unknown:
        # No kilometre and no CO2 figure in the notes: the answer is theirs to give. The estimate from the
        # places helps them answer; it is not written into the report as if the notes said it.
        modes = " en ".join(estimated)
        return RuleAnswer(
            None,
            f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)? Een schatting op grond van de "
            f"plaatsen: {text}.",
            computed,
        )
    if estimated:
        # Say which kilometres are estimates when only some are: the others are the notes' own.
        which = "" if len(estimated) == len(trip.per_mode) else f" met {' en '.join(estimated)}"
        text += f" (kilometers{which} geschat)"
    return RuleAnswer(text + ".", follow_up, computed, [f.line for f in stated])


def _assign(
    stated: list[StatedEmission], modes: list[Mode]
) -> tuple[dict[Mode, StatedEmission], StatedEmission | None]:
    """The notes' CO2 figures per mode (the mode on their line, or the trip's only mode), and a trip total.

    A figure that names no mode on a trip with several modes is the whole trip's (only the last one
    counts when the notes give several, as the latest word on it).
    """
    by_mode: dict[Mode, StatedEmission] = {}
    overall: StatedEmission | None = None
    for figure in stated:
        mode = figure.mode if figure.mode in modes else (modes[0] if len(modes) == 1 else None)
        if mode is None:
            overall = figure
        else:
            by_mode[mode] = figure
    return by_mode, overall


def _stated_only(stated: list[StatedEmission], unknown: list[str]) -> RuleAnswer:
    """The notes give a CO2 figure but no kilometres: the figure, and the question for the distance."""
    figure = stated[-1]
    kg = _fmt(figure.kg)
    mode = f" met {figure.mode.value}" if figure.mode else ""
    fact = _fact("CO2-totaal", f"{kg} kg", f"uit de aantekeningen: '{figure.line}'")
    modes = ", ".join(dict.fromkeys(unknown)) or "elk vervoermiddel"
    return RuleAnswer(
        f"Ca. {kg} kg CO2-equivalent{mode} (volgens de aantekeningen); de kilometers staan niet in de aantekeningen.",
        f"Hoeveel kilometer heeft u afgelegd met {modes} (heen en terug)?",
        [fact],
        [f.line for f in stated],
    )

"""The checks the page shows next to a draft: the 8-hours rule, kilometres and CO2, and consistency.

All computed by the facts layer from the notes the draft rests on (with the official's replies);
the consistency checks read the report as the official edited it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from verslaghulp.concepts.model import Concept
from verslaghulp.concepts.review import final_draft
from verslaghulp.drafting.consistency import check_consistency
from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts import Finding, RuleCheck, check_eight_hours
from verslaghulp.report.model import ComputedFact


@dataclass(frozen=True)
class TripChecks:
    """The rule, the emissions and the findings for one concept."""

    rule: RuleCheck
    emissions_text: str | None
    emissions_follow_up: str | None
    computed: list[ComputedFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def trip_checks(concept: Concept) -> TripChecks | None:
    """The checks for a concept with a draft; None before there is one."""
    draft = final_draft(concept)
    if draft is None:
        return None
    notes = concept.draft_notes or concept.notes
    emissions = kilometres_co2_answer(notes)
    return TripChecks(
        rule=check_eight_hours(notes),
        emissions_text=emissions.text,
        emissions_follow_up=emissions.follow_up,
        computed=list(emissions.computed),
        findings=check_consistency(draft, notes),
    )

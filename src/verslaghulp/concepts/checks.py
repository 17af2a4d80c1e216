"""The checks the page shows next to a draft: the 8-hours rule, kilometres and CO2, and consistency.

All computed by the facts layer from the notes the draft rests on (with the official's replies);
the consistency checks read the report as the official edited it. What the facts layer explains
("schatting: hemelsbreed The Hague-Copenhagen …", "x 0.297 kg") is worded here as a Dutch reader
expects it (`in_dutch`): Dutch place names, decimal commas, "1 dag".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from verslaghulp import dutch
from verslaghulp.concepts.model import Concept
from verslaghulp.concepts.review import final_draft
from verslaghulp.drafting.consistency import check_consistency
from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts import Finding, RuleCheck, check_eight_hours
from verslaghulp.facts.gazetteer import dutch_city_names
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.report.model import ComputedFact

# Quoted note text is the official's own and stays as written: 'vertrek 12.30' in de aantekeningen, “…”.
_QUOTED = re.compile(r"'[^\n]*?' in de aantekeningen|“[^”]*”")
# A decimal as Python writes it ("0.297", "1.25", "12.5"). Not a number the facts layer already wrote
# with a Dutch thousands point (10.000 and up: two or three digits, then groups of three).
_DECIMAL = re.compile(r"(?<![\w.,])(?!\d{2,3}(?:\.\d{3})+(?![\d.]))(\d+)\.(\d+)(?![\w.])")
# One of something, in the plural ("1 dagen", "1 kalenderdagen"): the singular.
_SINGULAR = {"dagen": "dag", "kalenderdagen": "kalenderdag", "nachten": "nacht", "personen": "persoon"}
_ONE_OF = re.compile(r"(?<![\d.,])\b1 (" + "|".join(_SINGULAR) + r")\b")


@dataclass(frozen=True)
class TripChecks:
    """The rule, the emissions and the findings for one concept."""

    rule: RuleCheck
    emissions_text: str | None
    emissions_follow_up: str | None
    computed: list[ComputedFact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def trip_checks(concept: Concept) -> TripChecks | None:
    """The checks for a concept with a draft, worded in Dutch; None before there is one."""
    draft = final_draft(concept)
    if draft is None:
        return None
    notes = read_notes_facts(concept.draft_notes or concept.notes)
    emissions = kilometres_co2_answer(notes)
    rule = check_eight_hours(notes)
    return TripChecks(
        rule=replace(rule, follow_up=in_dutch(rule.follow_up) if rule.follow_up else rule.follow_up),
        emissions_text=in_dutch(emissions.text) if emissions.text else emissions.text,
        emissions_follow_up=in_dutch(emissions.follow_up) if emissions.follow_up else emissions.follow_up,
        computed=[computed_in_dutch(c) for c in emissions.computed],
        findings=[replace(f, message=in_dutch(f.message)) for f in check_consistency(draft, notes)],
    )


def computed_in_dutch(fact: ComputedFact) -> ComputedFact:
    """A computed fact with its label, value and explanation worded in Dutch."""
    return fact.model_copy(update={"label": in_dutch(fact.label), "value": in_dutch(fact.value),
                                   "how": in_dutch(fact.how)})  # fmt: skip


def in_dutch(text: str) -> str:
    """An explanation by code as Dutch writes it: Dutch city names, decimal commas, the singular for one.

    "hemelsbreed The Hague-Copenhagen 673 km x omrijfactor 1.25" -> "hemelsbreed Den Haag-Kopenhagen
    673 km x omrijfactor 1,25"; "1 dagen" -> "1 dag". Quoted note text is left exactly as written.
    """
    out: list[str] = []
    last = 0
    for quoted in _QUOTED.finditer(text):
        out += [_reworded(text[last : quoted.start()]), quoted.group()]
        last = quoted.end()
    out.append(_reworded(text[last:]))
    return "".join(out)


def _reworded(text: str) -> str:
    names, pattern = _city_names()
    if pattern is not None:
        text = pattern.sub(lambda m: names[m.group()], text)
    text = _DECIMAL.sub(lambda m: dutch.number(float(m.group()), len(m.group(2))), text)
    return _ONE_OF.sub(lambda m: f"1 {_SINGULAR[m.group(1)]}", text)


@cache
def _city_names() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """The gazetteer's (English) city names -> the Dutch names the page shows ("Vienna" -> "Wenen").

    From the gazetteer's Dutch names (facts/data/places_nl.yaml), which hold the home city too (Den
    Haag, "The Hague" in the gazetteer). A city without a Dutch exonym keeps its gazetteer name.
    """
    names = dutch_city_names()
    if not names:
        return names, None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

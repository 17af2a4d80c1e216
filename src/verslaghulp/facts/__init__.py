"""Deterministic facts: dates, counts, people, places, transport, CO2, the 8-hours rule and grounding.

Nothing in this package calls a language model or imports from `verslaghulp.report` at import time:
`report.model` imports `facts.grounding_model`, so a module-level import the other way would be a cycle.
"""

from verslaghulp.facts.answers import CodeAnswer, flight_justification_answer, kilometres_co2_answer
from verslaghulp.facts.consistency import Finding, Severity, check_consistency
from verslaghulp.facts.dates import DateMention, find_dates
from verslaghulp.facts.emissions import Emission, EmissionFactor, co2_for, load_table
from verslaghulp.facts.gazetteer import Place, PlaceMention, distance_km, find_places, lookup
from verslaghulp.facts.grounding import check_grounding
from verslaghulp.facts.grounding_model import (
    AnswerGrounding,
    CheckedFact,
    FactKind,
    FactStatus,
    GroundingReport,
    UnsupportedFact,
)
from verslaghulp.facts.people import Mention, Person, extract_organisations, extract_people, extract_venues
from verslaghulp.facts.period import Period, extract_period
from verslaghulp.facts.policy import Policy, apply_policy, flag_text, remove_text
from verslaghulp.facts.quantities import Quantity, extract_amounts, extract_kilometres, extract_times
from verslaghulp.facts.rail import RuleCheck, check_eight_hours, train_time_to
from verslaghulp.facts.transport import Mode, TransportLeg, extract_transport_legs
from verslaghulp.facts.travellers import TravellerCount, count_travellers

__all__ = [
    "AnswerGrounding",
    "CheckedFact",
    "CodeAnswer",
    "DateMention",
    "Emission",
    "EmissionFactor",
    "FactKind",
    "FactStatus",
    "Finding",
    "GroundingReport",
    "Mention",
    "Mode",
    "Period",
    "Person",
    "Place",
    "PlaceMention",
    "Policy",
    "Quantity",
    "RuleCheck",
    "Severity",
    "TransportLeg",
    "TravellerCount",
    "UnsupportedFact",
    "apply_policy",
    "check_consistency",
    "check_eight_hours",
    "check_grounding",
    "co2_for",
    "count_travellers",
    "distance_km",
    "extract_amounts",
    "extract_kilometres",
    "extract_organisations",
    "extract_people",
    "extract_period",
    "extract_times",
    "extract_transport_legs",
    "extract_venues",
    "find_dates",
    "find_places",
    "flag_text",
    "flight_justification_answer",
    "kilometres_co2_answer",
    "load_table",
    "lookup",
    "remove_text",
    "train_time_to",
]

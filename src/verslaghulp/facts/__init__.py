"""Deterministic facts: dates, counts, people, places, transport, CO2, the 8-hours rule and grounding.

The bottom layer: nothing in this package imports another package of verslaghulp (the layering
contract in tests/unit/test_layering.py checks it). It returns values and their evidence; the use
cases word them as the form's answers.
"""

from verslaghulp.facts.dates import DateMention, find_dates
from verslaghulp.facts.distances import ModeTotal, TripDistances, trip_distances
from verslaghulp.facts.emissions import Emission, EmissionFactor, co2_for, load_table
from verslaghulp.facts.findings import Finding, Severity
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
    "DateMention",
    "Emission",
    "EmissionFactor",
    "FactKind",
    "FactStatus",
    "Finding",
    "GroundingReport",
    "Mention",
    "Mode",
    "ModeTotal",
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
    "TripDistances",
    "UnsupportedFact",
    "apply_policy",
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
    "load_table",
    "lookup",
    "remove_text",
    "train_time_to",
    "trip_distances",
]

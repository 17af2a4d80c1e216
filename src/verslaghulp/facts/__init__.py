"""Deterministic facts: dates, counts, people, places, transport, CO2, the 8-hours rule and grounding.

Nothing in this package calls a language model or imports from `verslaghulp.report` at import time:
`report.model` imports `facts.grounding_model`, so a module-level import the other way would be a cycle.
"""

from verslaghulp.facts.dates import DateMention, find_dates
from verslaghulp.facts.period import Period, extract_period
from verslaghulp.facts.transport import Mode, TransportLeg, extract_transport_legs
from verslaghulp.facts.travellers import TravellerCount, count_travellers

__all__ = [
    "DateMention",
    "Mode",
    "Period",
    "TransportLeg",
    "TravellerCount",
    "count_travellers",
    "extract_period",
    "extract_transport_legs",
    "find_dates",
]

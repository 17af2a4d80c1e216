"""What a check on a draft finds: which answer, how serious, and what is wrong (in Dutch).

The consistency checks (`verslaghulp.drafting.consistency`) return these; the page shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One consistency problem: which answer, how serious, and what is wrong (Dutch)."""

    question_id: str
    severity: Severity
    message: str

"""The vocabulary of the evaluation: a measured value per case, and how a metric aggregates over cases.

Scorers return a `Measure` for one case. A metric (see `metrics.py`) names the per-case measure it
reads and how the run's figure comes from the cases: the mean of the case values, a pooled ratio
(sum of numerators over sum of denominators, so that a case with many facts weighs more than one
with a single fact), a sum, a maximum or a 95th percentile.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field


class Direction(StrEnum):
    """Which way is better for a metric; the gate and the comparisons read it."""

    HIGHER = "higher"
    LOWER = "lower"
    INFO = "info"  # reported, never gated or called a regression


class Aggregate(StrEnum):
    """How the per-case values of a measure become one figure for the run."""

    MEAN = "mean"
    POOLED = "pooled"
    SUM = "sum"
    MAX = "max"
    P95 = "p95"


class Unit(StrEnum):
    """How a value is printed."""

    RATIO = "ratio"  # 0..1, printed as a percentage
    COUNT = "count"
    SECONDS = "seconds"
    NUMBER = "number"


class Measure(BaseModel):
    """One case's value for one measure; `num`/`den` carry the parts of a ratio for pooling.

    `value` is None when the measure does not apply to the case (nothing expected, nothing to count).
    """

    value: float | None = None
    num: float = 0.0
    den: float = 0.0
    detail: list[str] = Field(default_factory=list)

    @classmethod
    def ratio(cls, num: float, den: float, detail: Iterable[str] = ()) -> Measure:
        """num/den, or not applicable when there is nothing to count."""
        return cls(value=(num / den) if den else None, num=num, den=den, detail=list(detail))

    @classmethod
    def flag(cls, ok: bool, detail: Iterable[str] = ()) -> Measure:
        """1.0 for a pass, 0.0 for a fail (a ratio of one)."""
        return cls(value=1.0 if ok else 0.0, num=1.0 if ok else 0.0, den=1.0, detail=list(detail))

    @classmethod
    def count(cls, n: float, detail: Iterable[str] = ()) -> Measure:
        """A count (or an amount such as seconds)."""
        return cls(value=float(n), num=float(n), den=1.0, detail=list(detail))

    @classmethod
    def absent(cls, reason: str = "") -> Measure:
        """Not applicable to this case."""
        return cls(detail=[reason] if reason else [])


@dataclass(frozen=True)
class Metric:
    """A figure of a run: which per-case measure it aggregates, how, and which way is better."""

    name: str
    label: str
    description: str
    direction: Direction
    aggregate: Aggregate
    unit: Unit = Unit.RATIO
    source: str = ""  # per-case measure it reads; defaults to `name`
    # Timings vary with the machine's load: reported and compared, never accepted into a baseline.
    timing: bool = False

    @property
    def measure(self) -> str:
        """The per-case measure this metric reads."""
        return self.source or self.name


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of nothing")
    pos = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def aggregate(metric: Metric, measures: Iterable[Measure | None]) -> float | None:
    """The run's figure for a metric from its cases' measures; None when no case has a value."""
    present = [m for m in measures if m is not None and m.value is not None]
    if not present:
        return None
    values = [float(m.value) for m in present if m.value is not None]
    if metric.aggregate is Aggregate.POOLED:
        den = sum(m.den for m in present)
        return sum(m.num for m in present) / den if den else None
    if metric.aggregate is Aggregate.SUM:
        return sum(values)
    if metric.aggregate is Aggregate.MAX:
        return max(values)
    if metric.aggregate is Aggregate.P95:
        return percentile(values, 95)
    return sum(values) / len(values)


def is_worse(metric: Metric, new: float, old: float, tolerance: float = 0.0) -> bool:
    """Whether `new` is worse than `old` by more than the tolerance, in the metric's direction."""
    if metric.direction is Direction.HIGHER:
        return new < old - tolerance - 1e-9
    if metric.direction is Direction.LOWER:
        return new > old + tolerance + 1e-9
    return False

"""What happens to unsupported facts in a draft: flagged in place, or removed with their sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from verslaghulp.facts.grounding_model import GroundingReport, UnsupportedFact

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
# A sentence or list line; a dot inside "o.a." or a URL does not end it.
_UNIT = re.compile(r"(?:[^\n.!?;]|[.!?;](?![ \t\n]|$))+(?:[.!?;]|$)", re.M)


class Policy(StrEnum):
    """How the pipeline treats an unsupported fact (a setting)."""

    FLAG = "flag"
    REMOVE = "remove"


class _Answer(Protocol):
    @property
    def question_id(self) -> str: ...
    @property
    def text(self) -> str: ...


def flag_text(text: str, unsupported: Iterable[UnsupportedFact]) -> str:
    """Wrap every unsupported fact in ⟦…⟧ and list the reasons under the text, in Dutch."""
    items = _outermost(unsupported)
    if not items:
        return text
    out = text
    for item in sorted(items, key=lambda u: u.start, reverse=True):
        out = out[: item.start] + MARK_OPEN + out[item.start : item.end] + MARK_CLOSE + out[item.end :]
    notes = "\n".join(f"{MARK_OPEN}{u.text}{MARK_CLOSE}: {u.reason}" for u in sorted(items, key=lambda u: u.start))
    return f"{out}\n\nControleer (niet gevonden in de aantekeningen):\n{notes}"


def remove_text(text: str, unsupported: Iterable[UnsupportedFact]) -> str:
    """Drop every sentence or list line that contains an unsupported fact; a half sentence is worse than none."""
    items = list(unsupported)
    if not items:
        return text
    kept: list[str] = []
    last = 0
    for m in _UNIT.finditer(text):
        hit = any(u.start < m.end() and m.start() < u.end for u in items)
        kept.append(text[last : m.start()])
        if not hit:
            kept.append(m.group())
        last = m.end()
    kept.append(text[last:])
    cleaned = "".join(kept)
    cleaned = re.sub(r"(?m)^[ \t]*[-•*][ \t]*$\n?", "", cleaned)  # bullets left empty
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


def apply_policy(answers: Iterable[_Answer], report: GroundingReport, policy: Policy | str) -> dict[str, str]:
    """Return each answer's text (by question id) with unsupported facts flagged or removed.

    An answer whose every sentence is removed comes back as an empty string; the caller decides
    what to show instead (usually "Niet vermeld in de aantekeningen.").
    """
    chosen = Policy(policy)
    out: dict[str, str] = {}
    for answer in answers:
        checked = report.for_question(answer.question_id)
        bad = checked.unsupported if checked else []
        out[answer.question_id] = (
            flag_text(answer.text, bad) if chosen is Policy.FLAG else remove_text(answer.text, bad)
        )
    return out


def _outermost(items: Iterable[UnsupportedFact]) -> list[UnsupportedFact]:
    """Unsupported facts without those nested inside another, so markers never overlap."""
    ordered = sorted(items, key=lambda u: (u.start, -(u.end - u.start)))
    kept: list[UnsupportedFact] = []
    for item in ordered:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept

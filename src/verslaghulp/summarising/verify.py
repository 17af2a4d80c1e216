"""The citation check applied to a whole piece: sentences, title and table rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from verslaghulp.config import UnsupportedFactPolicy
from verslaghulp.facts.normalise import fold
from verslaghulp.summarising.citations import SourceIndexes, apply_check, check_sentence, flag_inline, reattribute
from verslaghulp.summarising.repair import Rewrite, repaired
from verslaghulp.summarising.result import Block, CheckAction, CitedSentence, SentenceCheck, TripRow

DEFAULT_TITLE = "Wat de dienstreizen opleverden"


def check_blocks(
    blocks: Sequence[Block],
    indexes: SourceIndexes,
    policy: UnsupportedFactPolicy,
    rewrite: Rewrite | None = None,
) -> tuple[list[Block], list[SentenceCheck]]:
    """Every sentence checked and repaired where possible, else flagged or removed by the policy.

    A wrong citation is moved to the one report that supports the sentence, a repeat is dropped, a
    failing sentence is rewritten once (`rewrite`) and kept if the rewrite passes, and a sentence that
    still fails is flagged or removed; blocks left empty are dropped.
    """
    checks: list[SentenceCheck] = []
    out: list[Block] = []
    seen: set[str] = set()
    for block in blocks:
        kept: list[CitedSentence] = []
        for sentence in block.sentences:
            check = check_sentence(sentence, indexes)
            moved = reattribute(sentence, check, indexes)
            key = _plain(sentence.text)
            if key in seen:  # small models repeat themselves; a repeat adds nothing
                checks.append(check.model_copy(update={"action": CheckAction.DUPLICATE}))
                continue
            seen.add(key)
            if moved is not None:
                checks.append(moved)
                kept.append(sentence.model_copy(update={"sources": moved.sources}))
                continue
            fixed = repaired(sentence, check, indexes, rewrite)
            if fixed is not None and _plain(fixed[0].text) not in seen:
                seen.add(_plain(fixed[0].text))
                checks.append(fixed[1])
                kept.append(fixed[0])
                continue
            result, check = apply_check(sentence, check, policy)
            checks.append(check)
            if result is not None:
                kept.append(result)
        if kept:
            out.append(block.model_copy(update={"sentences": kept}))
    return out, checks


def _plain(text: str) -> str:
    """A sentence reduced to its words, to recognise a repeat."""
    return " ".join(re.findall(r"\w+", fold(text)))


def check_title(
    title: str, sources: Sequence[int], indexes: SourceIndexes, policy: UnsupportedFactPolicy
) -> tuple[str, SentenceCheck | None]:
    """The title checked against every cited report (it cites none itself); a failing title is flagged or replaced."""
    if not title or not sources:
        return title, None
    check = check_sentence(CitedSentence(text=title, sources=list(sources)), indexes)
    check = check.model_copy(update={"sources": [], "reports": [], "dropped_reports": []})
    if check.supported:
        return title, check
    if policy is UnsupportedFactPolicy.FLAG:
        return flag_inline(title, check.unsupported), check.model_copy(update={"action": CheckAction.FLAGGED})
    return DEFAULT_TITLE, check.model_copy(update={"action": CheckAction.REPLACED})


def check_rows(
    rows: Sequence[TripRow],
    indexes: SourceIndexes,
    policy: UnsupportedFactPolicy,
    fallback: Callable[[TripRow], str],
) -> tuple[list[TripRow], list[SentenceCheck]]:
    """Each row's wording of what the trip yielded checked against its report.

    Dates, destination and purpose are the archive's own; a failing result is flagged, or replaced
    by the report's own first sentence about it (a row is never removed: every trip stays listed).
    """
    out: list[TripRow] = []
    checks: list[SentenceCheck] = []
    for row in rows:
        sentence = CitedSentence(text=row.result, sources=row.sources, written_by=row.result_by)
        check = check_sentence(sentence, indexes)
        if check.supported:
            out.append(row)
        elif policy is UnsupportedFactPolicy.FLAG:
            out.append(row.model_copy(update={"result": flag_inline(row.result, check.unsupported)}))
            check = check.model_copy(update={"action": CheckAction.FLAGGED})
        else:
            out.append(row.model_copy(update={"result": fallback(row), "result_by": "code"}))
            check = check.model_copy(update={"action": CheckAction.REPLACED})
        checks.append(check)
    return out, checks

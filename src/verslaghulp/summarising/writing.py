"""The reduce step: the piece written from the mapped facts, as cited sentences; hierarchical when needed.

When the facts of all reports do not fit the context window next to the style's output, groups of
reports are first condensed into a few cited sentences each (their source numbers kept), and the
piece is written from those; this repeats until it fits. Nothing is cut off to make it fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import BaseMessage

from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising.calls import SummaryError, call_model
from verslaghulp.summarising.prompting import FactLine, SummaryPrompts, render_facts
from verslaghulp.summarising.result import Block, CitedSentence, MappedReport, ModelCallRecord
from verslaghulp.summarising.schemas import (
    sentences_budget,
    sentences_model,
    whole_sentences,
    writing_budget,
    writing_model,
)
from verslaghulp.summarising.styles import Shape, Style

CONTEXT_MARGIN = 64  # tokens kept free for the chat template's own tokens and rounding
MAX_LEVELS = 4
CONDENSE_CHARS = (20, 240)
CONDENSE_MAX_SENTENCES = 6


@dataclass
class Written:
    """The model's piece as structure: a title and blocks of cited sentences."""

    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    levels: int = 0
    fallback: bool = False


@dataclass(frozen=True)
class Writer:
    """What the writing step needs: model, prompts, context size and a token counter."""

    model: ChatModel
    prompts: SummaryPrompts
    context: int
    count: Callable[[list[BaseMessage]], int]
    calls: list[ModelCallRecord]
    max_tokens: int = 2400


# A sentence ends after a word of three or more characters and a stop, before a capital: "2023. De"
# and "gesproken. Madrid" split, "ca. 404" and "o.a. Madrid" do not.
_SENTENCE_END = re.compile(r"(?<=\w{3}[.!?])\s+(?=[A-ZÀ-Ý])")


def sentences_of(items: Any, numbers: set[int]) -> list[CitedSentence]:
    """The cited sentences of a schema answer (sources outside `numbers` dropped, empty texts skipped).

    The model sometimes puts two sentences in one item; each becomes its own cited sentence, so that
    every sentence a reader sees carries its citation and is checked on its own.
    """
    out: list[CitedSentence] = []
    for item in items or []:
        text = whole_sentences(item)
        sources = [int(n) for n in dict.fromkeys(getattr(item, "bronnen", [])) if int(n) in numbers]
        out += [CitedSentence(text=part, sources=sources) for part in _SENTENCE_END.split(text) if part.strip()]
    return out


def to_written(value: Any, style: Style, numbers: set[int]) -> Written:
    """The schema's answer as blocks (articles are written in parts, see `article`)."""
    if style.shape is Shape.BULLETS:
        return Written(blocks=[Block(kind="punten", sentences=sentences_of(value.punten, numbers))])
    return Written(blocks=[Block(kind="antwoord", sentences=sentences_of(value.antwoord, numbers))])


def fallback_written(mapped: Sequence[MappedReport], style: Style) -> Written:
    """Without usable model output: each report's first fact, verbatim, with its source."""
    sentences = [CitedSentence(text=m.facts[0].text, sources=[m.number], written_by="code") for m in mapped if m.facts]
    kind = {Shape.BULLETS: "punten", Shape.ANSWER: "antwoord"}.get(style.shape, "alinea")
    return Written(blocks=[Block(kind=kind, sentences=sentences)], fallback=True)


def _groups(lines: list[FactLine], fits: Callable[[list[FactLine]], bool]) -> list[list[FactLine]]:
    """Lines grouped by their first source, groups filled while their prompt fits."""
    by_source: dict[int, list[FactLine]] = {}
    for line in lines:
        by_source.setdefault(line.sources[0], []).append(line)
    groups: list[list[FactLine]] = []
    current: list[FactLine] = []
    for own in by_source.values():
        if current and not fits(current + own):
            groups.append(current)
            current = []
        if not fits(own):
            raise SummaryError("De feiten van één verslag passen niet in het taalmodel; verklein de selectie.")
        current += own
    if current:
        groups.append(current)
    return groups


def _condense(
    writer: Writer, request: str, lines: list[FactLine], labels: dict[int, str], level: int
) -> list[FactLine]:
    """One reduce level: every group of reports condensed into a few cited sentences."""
    budget = min(sentences_budget(CONDENSE_MAX_SENTENCES, CONDENSE_CHARS[1]), writer.max_tokens)

    def fits(group: list[FactLine]) -> bool:
        messages = writer.prompts.condense_messages(request, render_facts(group, labels), CONDENSE_MAX_SENTENCES)
        return writer.count(messages) + budget + CONTEXT_MARGIN <= writer.context

    out: list[FactLine] = []
    groups = _groups(lines, fits)
    for n, group in enumerate(groups, start=1):
        numbers = sorted({s for line in group for s in line.sources})
        count = min(CONDENSE_MAX_SENTENCES, max(2, 2 * len({line.sources[0] for line in group})))
        value = call_model(
            writer.model,
            writer.prompts.condense_messages(request, render_facts(group, labels), count),
            sentences_model("feiten", numbers, CONDENSE_CHARS, (1, count)),
            max_tokens=budget,
            step=f"samenvatten:{level}.{n}",
            calls=writer.calls,
        )
        condensed = sentences_of(getattr(value, "feiten", None), set(numbers)) if value is not None else []
        # Unusable output keeps the group's facts as they were; the next level tries again.
        out += [FactLine(s.text, tuple(s.sources)) for s in condensed if s.sources] or group
    return out


def write_piece(
    writer: Writer, request: str, style: Style, mapped: Sequence[MappedReport], labels: dict[int, str]
) -> Written:
    """The style's piece over the mapped facts (hierarchically when they do not fit in one call)."""
    lines = [FactLine(f.text, (m.number,)) for m in mapped for f in m.facts]
    numbers = sorted({s for line in lines for s in line.sources})
    if not lines:
        return Written()
    budget = min(writing_budget(style), writer.max_tokens)
    levels = 0
    while (
        writer.count(writer.prompts.write_messages(request, style, render_facts(lines, labels)))
        + budget
        + (CONTEXT_MARGIN)
        > writer.context
    ):
        levels += 1
        if levels > MAX_LEVELS:
            raise SummaryError("De selectie is te groot om samen te vatten; kies minder verslagen.")
        lines = _condense(writer, request, lines, labels, levels)
    value = call_model(
        writer.model,
        writer.prompts.write_messages(request, style, render_facts(lines, labels)),
        writing_model(style, numbers),
        max_tokens=budget,
        step="schrijven",
        calls=writer.calls,
    )
    written = fallback_written(mapped, style) if value is None else to_written(value, style, set(numbers))
    written.levels = levels
    return written

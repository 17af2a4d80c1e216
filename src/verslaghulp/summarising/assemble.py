"""The summary put together by code: final source numbers, source list, coverage list, notes and timings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verslaghulp.summarising.coverage import coverage_items, word_count
from verslaghulp.summarising.models import Selection, SummaryRequest
from verslaghulp.summarising.rendering import body_text, renumber_blocks, renumber_rows, renumbering
from verslaghulp.summarising.result import (
    Block,
    CitationCheck,
    Coverage,
    MappedReport,
    ModelCallRecord,
    SentenceCheck,
    Source,
    Summary,
    SummaryMeta,
    TripRow,
)
from verslaghulp.summarising.styles import Style


@dataclass(frozen=True)
class Parts:
    """Everything the steps produced, with working source numbers."""

    request: SummaryRequest
    style: Style
    selection: Selection
    title: str
    blocks: list[Block]
    rows: list[TripRow]
    mapped: list[MappedReport]
    budget_reasons: dict[str, str]
    unused_reasons: dict[int, str]
    checks: list[SentenceCheck]
    policy: str
    model: str
    prompts: list[str]
    calls: list[ModelCallRecord]
    levels: int
    fallback: bool
    timings: tuple[float, float, float, float, float]  # selection, map, reduce, check, total


def _sources(mapped: Sequence[MappedReport], new: dict[int, int]) -> list[Source]:
    by_number = {m.number: m for m in mapped}
    sources = []
    for old, number in sorted(new.items(), key=lambda item: item[1]):
        m = by_number[old]
        report = m.report
        sources.append(
            Source(
                number=number,
                report_id=report.report_id,
                source_name=report.source_name,
                title=report.title,
                destination=report.destination,
                dates=report.dates,
                questions=list(dict.fromkeys(f.heading for f in m.facts)),
                example=report.example,
            )
        )
    return sources


def _notes(parts: Parts) -> list[str]:
    notes = [
        f"{m.report.source_name} bevat {m.instructions_ignored} zin(nen) gericht aan een taalmodel (zoals 'negeer alle "
        "instructies'); die zijn als inhoud van het verslag behandeld en niet als feit of opdracht gebruikt."
        for m in parts.mapped
        if m.instructions_ignored
    ]
    if parts.fallback:
        notes.append("Het taalmodel gaf geen bruikbare tekst; de zinnen komen letterlijk uit de verslagen.")
    if parts.levels:
        notes.append(f"De feiten pasten niet in één keer in het taalmodel; ze zijn in {parts.levels} stap(pen) "
                     "per groep verslagen samengevat.")  # fmt: skip
    return notes


def example_warning(sources: Sequence[Source]) -> list[str]:
    """The header a text gets when it cites example reports: they are made up and must not be published."""
    made_up = [s.number for s in sources if s.example]
    if not made_up:
        return []
    marks = ", ".join(f"[{n}]" for n in made_up)
    return [
        f"Let op: deze tekst citeert {len(made_up)} voorbeeldverslag(en) ({marks}). Voorbeeldverslagen zijn "
        "verzonnen en worden met de app meegeleverd; wat erin staat is niet echt gebeurd. Niet publiceren."
    ]


def assemble(parts: Parts) -> Summary:
    """The finished summary: text with final [n] marks, sources in citation order, complete coverage."""
    new = renumbering(parts.blocks, parts.rows)
    blocks = renumber_blocks(parts.blocks, new)
    rows = renumber_rows(parts.rows, new)
    text = body_text(blocks, rows)
    items = coverage_items(parts.selection.reports, parts.mapped, parts.budget_reasons, set(new), parts.unused_reasons)
    items = [i.model_copy(update={"number": new[i.number]}) if i.number is not None else i for i in items]
    checks = [c.model_copy(update={"sources": sorted(new[n] for n in c.sources if n in new)}) for c in parts.checks]
    selection_s, map_s, reduce_s, check_s, total_s = parts.timings
    meta = SummaryMeta(
        style=parts.style.id,
        model=parts.model,
        prompts=parts.prompts,
        calls=parts.calls,
        reduce_levels=parts.levels,
        selection_seconds=round(selection_s, 3),
        map_seconds=round(map_s, 3),
        reduce_seconds=round(reduce_s, 3),
        check_seconds=round(check_s, 3),
        total_seconds=round(total_s, 3),
        words=word_count(text),
    )
    sources = _sources(parts.mapped, new)
    return Summary(
        request=parts.request,
        title=parts.title,
        text=text,
        blocks=blocks,
        rows=rows,
        sources=sources,
        coverage=Coverage(items=items),
        check=CitationCheck(policy=parts.policy, sentences=checks, seconds=round(check_s, 3)),
        selection=parts.selection,
        meta=meta,
        notes=_notes(parts),
        warnings=example_warning(sources),
    )

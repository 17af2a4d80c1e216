"""Archive -> summary: select, map per report (with progress events), write, check, cover, assemble.

selection (code) ─► length budget (code) ─► per report: relevant sentences (model picks, code adds)
─► piece as cited sentences (model; hierarchical when too long) ─► citation check (facts layer)
─► every report the text leaves out: its own sentence, or a reason ─► [n] marks and sources (code)
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from verslaghulp.archive.models import SearchFilters, StoredReport
from verslaghulp.archive.themes import find_themes
from verslaghulp.audit import record_summary
from verslaghulp.config import Settings, UnsupportedFactPolicy
from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising.article import facts_needed, write_article
from verslaghulp.summarising.assemble import Parts, assemble
from verslaghulp.summarising.calls import SummaryError
from verslaghulp.summarising.citations import SourceIndexes, check_sentence
from verslaghulp.summarising.coverage import apply_budget, cited_numbers, complete
from verslaghulp.summarising.mapping import map_report
from verslaghulp.summarising.models import Selection, SummaryRequest
from verslaghulp.summarising.prompting import SummaryPrompts
from verslaghulp.summarising.repair import Repairer
from verslaghulp.summarising.request_terms import analyse_request
from verslaghulp.summarising.result import MappedReport, ModelCallRecord, SentenceCheck, Summary, TripRow
from verslaghulp.summarising.selection import ArchiveLike, SelectionError, select_reports
from verslaghulp.summarising.styles import Shape, Style, StyleNotFoundError, load_style
from verslaghulp.summarising.table import first_result, trip_row
from verslaghulp.summarising.verify import check_blocks, check_rows, check_title
from verslaghulp.summarising.writing import Writer, Written, write_piece


class NothingSelectedError(SummaryError):
    """The request selects no report (or none with anything about it); nothing is written."""

    def __init__(self, message: str, selection: Selection):
        super().__init__(message)
        self.selection = selection


@dataclass(frozen=True)
class SelectionReady:
    """The reports are chosen; writing starts."""

    selection: Selection


@dataclass(frozen=True)
class ReportMapped:
    """One report is read (index counts from 0)."""

    index: int
    total: int
    mapped: MappedReport


@dataclass(frozen=True)
class WritingStarted:
    """The model starts writing the piece from this many facts."""

    facts: int
    reports: int


@dataclass(frozen=True)
class SummaryDone:
    """The summary is ready."""

    summary: Summary


SummaryEvent = SelectionReady | ReportMapped | WritingStarted | SummaryDone


def style_for(style_id: str, settings: Settings) -> Style:
    """The style, or a SummaryError with the known ones."""
    try:
        return load_style(style_id, settings.summary_styles_dir)
    except (StyleNotFoundError, ValueError) as exc:
        raise SummaryError(str(exc)) from exc


def _nothing_relevant(selection: Selection, mapped: list[MappedReport]) -> NothingSelectedError:
    reasons = "; ".join(f"{m.report.source_name}: {m.left_out}" for m in mapped)
    return NothingSelectedError(
        f"Geen van de {len(mapped)} geselecteerde verslagen bevat iets over de vraag ({reasons}). "
        "Er is niets geschreven.",
        selection,
    )


def iter_summary(
    request: SummaryRequest | str | Any,
    archive: ArchiveLike,
    model: ChatModel,
    settings: Settings,
    *,
    style: str | None = None,
    filters: SearchFilters | Mapping[str, Any] | None = None,
    selection: Selection | None = None,
) -> Iterator[SummaryEvent]:
    """Make a summary, yielding the selection, each report as it is read, and the summary.

    Raises NothingSelectedError (a clear Dutch message, nothing written) when the request selects
    nothing, and SummaryError when the style is unknown or the model cannot be reached.
    """
    started = time.perf_counter()
    req = SummaryRequest.of(request, style=style, filters=filters)
    chosen_style = style_for(req.style, settings)
    if selection is None:
        try:
            selection = select_reports(req, archive)
        except SelectionError as exc:
            raise SummaryError(str(exc)) from exc
    if selection.empty:
        raise NothingSelectedError(selection.message, selection)
    yield SelectionReady(selection)

    prompts = SummaryPrompts.load(settings.resolved_prompts_dir(), chosen_style)
    terms = analyse_request(req.text)
    max_words = req.max_words or chosen_style.words[1]
    kept, budget_reasons = apply_budget(selection.reports, chosen_style, max_words, user_set=req.max_words is not None)
    calls: list[ModelCallRecord] = []
    mapped: list[MappedReport] = []
    rows: list[TripRow] = []
    stored: dict[int, StoredReport] = {}
    map_started = time.perf_counter()
    for index, report in enumerate(kept):
        number = index + 1
        found = archive.get_report(report.report_id)
        if found is not None:
            stored[number] = found
        if chosen_style.shape is Shape.TABLE:
            row, one = trip_row(report, found, number=number, model=model, prompts=prompts, calls=calls,
                                max_tokens=settings.summary_max_tokens)  # fmt: skip
            rows.append(row)
        else:
            one = map_report(report, found, number=number, request=req.text, terms=terms,
                             limit=facts_needed(chosen_style, len(kept)), candidates=settings.summary_candidates,
                             always_ask=settings.summary_map_by_model, fill=chosen_style.shape is Shape.ARTICLE,
                             model=model, prompts=prompts, calls=calls)  # fmt: skip
        mapped.append(one)
        yield ReportMapped(index=index, total=len(kept), mapped=one)
    map_seconds = time.perf_counter() - map_started
    useful = [m for m in mapped if m.facts]
    if chosen_style.shape is not Shape.TABLE and not useful:
        raise _nothing_relevant(selection, mapped)

    reduce_started = time.perf_counter()
    written = Written()
    if chosen_style.shape is not Shape.TABLE:
        yield WritingStarted(facts=sum(len(m.facts) for m in useful), reports=len(useful))
        writer = Writer(model, prompts, model.context_size(settings.n_ctx), model.prompt_tokens, calls,
                        settings.summary_max_tokens)  # fmt: skip
        labels = {m.number: m.report.label for m in mapped}
        if chosen_style.shape is Shape.ARTICLE:
            topics = terms.subjects  # as the request writes them: "drones boven de stad", not "drones boven en stad"
            named = [*terms.themes, *find_themes(req.text), *([req.filters.theme] if req.filters.theme else [])]
            themes = list(dict.fromkeys(named))  # the item's own subject: not a section of it
            written = write_article(writer, req.text, chosen_style, useful, labels, max_words, topics, themes)
        else:
            written = write_piece(writer, req.text, chosen_style, useful, labels)
    reduce_seconds = time.perf_counter() - reduce_started

    check_started = time.perf_counter()
    policy = UnsupportedFactPolicy(settings.unsupported_facts)
    # The archive derived each report's destination and dates from its text; the source list states
    # them, so they count as the report's own words (with the text, in case it wrote them otherwise).
    texts = {m.number: f"{m.report.label}\n\n{stored[m.number].text}" for m in mapped if m.number in stored}
    indexes = SourceIndexes(texts, {m.number: m.report.source_name for m in mapped})
    repair = (
        Repairer(model, prompts, {m.number: m for m in useful}, chosen_style.sentence_chars, calls,
                 settings.summary_max_tokens)
        if settings.summary_repair
        else None
    )  # fmt: skip
    blocks, checks = check_blocks(written.blocks, indexes, policy, repair)
    rows, row_checks = check_rows(rows, indexes, policy, lambda r: first_result(stored[r.sources[0]]))
    blocks, added, unused = complete(blocks, mapped, chosen_style, max_words)
    added_checks = [check_sentence(s, indexes) for s in added]  # verbatim, so they pass; recorded all the same
    title, title_check = check_title(written.title, sorted(cited_numbers(blocks)), indexes, policy)
    all_checks: list[SentenceCheck] = ([title_check] if title_check else []) + checks + added_checks + row_checks
    check_seconds = time.perf_counter() - check_started

    summary = assemble(
        Parts(
            request=req,
            style=chosen_style,
            selection=selection,
            title=title or (chosen_style.name if chosen_style.title else ""),
            blocks=blocks,
            rows=rows,
            mapped=mapped,
            budget_reasons=budget_reasons,
            unused_reasons=unused,
            checks=all_checks,
            policy=policy.value,
            model=model.label(),
            prompts=prompts.refs(
                picked=any(c.step.startswith("selecteren") for c in calls),
                wrote=any(c.step.startswith(("schrijven", "opbrengst")) for c in calls),
                condensed=written.levels > 0,
                repaired=any(c.step == "herstellen" for c in calls),
            ),
            calls=calls,
            levels=written.levels,
            fallback=written.fallback,
            timings=(selection.seconds, map_seconds, reduce_seconds, check_seconds, time.perf_counter() - started),
        )
    )
    record_summary(
        model=summary.meta.model,
        prompts=summary.meta.prompts,
        sources=len(summary.sources),
        seconds=summary.meta.total_seconds,
        settings=settings,
        style=summary.meta.style,
        calls=[(c.prompt_tokens, c.completion_tokens) for c in summary.meta.calls],
        input_chars=len(req.text),
    )
    yield SummaryDone(summary=summary)


def summarise(
    request: SummaryRequest | str | Any,
    archive: ArchiveLike,
    model: ChatModel,
    settings: Settings,
    *,
    style: str | None = None,
    filters: SearchFilters | Mapping[str, Any] | None = None,
    selection: Selection | None = None,
) -> Summary:
    """Make a summary over the archive and return it (see `iter_summary`)."""
    for event in iter_summary(request, archive, model, settings, style=style, filters=filters, selection=selection):
        if isinstance(event, SummaryDone):
            return event.summary
    raise AssertionError("iter_summary ended without a summary")  # pragma: no cover

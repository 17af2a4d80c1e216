"""Summary requests over the example archive: citations checked against the cited reports.

The scoring works on `SummaryOutput`, the few things the scorers need (text with [n] marks,
numbered sources, selected and left-out reports), read from the use case's `Summary`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping

from pydantic import BaseModel, Field

from verslaghulp.config import Settings
from verslaghulp.evaluation.cache import CacheUse, DiskLLMCache
from verslaghulp.evaluation.matching import found, missing
from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, DiffRow
from verslaghulp.evaluation.scoring.citations import (
    citation_coverage,
    citation_scores,
    coverage_complete,
    split_citations,
)
from verslaghulp.evaluation.scoring.news import BlockView, news_structure
from verslaghulp.evaluation.sets import SummaryRequest
from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising import ArchiveLike, Summary, summarise


class SummaryOutput(BaseModel):
    """What the scorers need from a summary; report names are archive source file names."""

    text: str
    sources: dict[int, str] = Field(default_factory=dict)  # citation number -> source name
    selected: list[str] = Field(default_factory=list)
    left_out: list[str] = Field(default_factory=list)
    message: str = ""  # what the user is told when nothing was selected
    title: str = ""
    blocks: list[BlockView] = Field(default_factory=list)


Summarise = Callable[[SummaryRequest], SummaryOutput]


def summary_output(summary: Summary) -> SummaryOutput:
    """The scorers' view of a summary: its text, numbered sources, and the selected and left-out reports."""
    return SummaryOutput(
        text=summary.text,
        sources={source.number: source.source_name for source in summary.sources},
        selected=[item.source_name for item in summary.coverage.selected],
        left_out=[item.source_name for item in summary.coverage.left_out],
        title=summary.title,
        blocks=[
            BlockView(kind=b.kind, heading=b.heading, sentences=[s.text for s in b.sentences]) for b in summary.blocks
        ],
    )


def use_case_summariser(archive: ArchiveLike, model: ChatModel, settings: Settings) -> Summarise:
    """A Summarise over the summaries use case (`verslaghulp.summarising.summarise`) on this archive and model."""

    def run(request: SummaryRequest) -> SummaryOutput:
        return summary_output(
            summarise(request.request, archive, model, settings, style=request.style, filters=request.filters)
        )

    return run


def word_budget(text: str, words: tuple[int, int] | None) -> Measure:
    """Whether the text's word count is within the style's budget (citation marks not counted)."""
    if words is None:
        return Measure.absent("no word budget")
    count = len(re.sub(r"\[\d+(?:\s*[,;]\s*\d+)*\]", " ", text).split())
    ok = words[0] <= count <= words[1]
    return Measure.flag(ok, [] if ok else [f"{count} words, expected {words[0]}-{words[1]}"])


def run_summary_case(
    request: SummaryRequest, *, summarise: Summarise, reports: Mapping[str, str], cache: DiskLLMCache | None = None
) -> CaseResult:
    """Summarise one request and score its citations, coverage and facts.

    With a cache (set on the model by the caller), the latency counts cached calls with the time
    they took when they were generated, as in the drafting set.
    """
    before = cache.snapshot() if cache else CacheUse()
    started = time.perf_counter()
    result = CaseResult(set="summaries", case_id=request.id, description=request.request, tags=[request.style])
    try:
        output = summarise(request)
    except Exception as exc:  # an expected "nothing selected" may be an error with a clear message
        if request.expect_empty and str(exc).strip():
            output = SummaryOutput(text="", message=str(exc))
        else:
            result.error = f"{type(exc).__name__}: {exc}"
            result.measures = {"errors": Measure.count(1, [result.error])}
            return result
    used = cache.since(before) if cache else CacheUse()
    latency = time.perf_counter() - started + used.saved_seconds
    result.cache_hits, result.cache_misses = used.hits, used.misses
    result.output = output.model_dump()
    result.seconds = round(latency, 3)
    if request.expect_empty:
        ok = not output.text.strip() and bool(output.message.strip())
        result.measures = {"empty_handled": Measure.flag(ok), "errors": Measure.count(0)}
        result.diff = [DiffRow(field="result", expected="no text, a clear message",
                               produced=output.message or output.text[:200], ok=ok)]  # fmt: skip
        return result
    sentences = split_citations(output.text, output.sources)
    cited = {name for s in sentences for name in s.sources}
    precision, uncited = citation_scores(sentences, reports)
    hits = found(output.text, request.must_not_contain)
    result.measures = {
        "citation_precision": precision,
        "uncited_fact_rate": uncited,
        "citation_coverage": citation_coverage(cited, request.must_cite),
        "fact_recall": Measure.ratio(
            len(request.must_contain) - len(missing(output.text, request.must_contain)), len(request.must_contain)
        ),
        "forbidden_hits": Measure.count(len(hits), hits) if request.must_not_contain else Measure.absent(),
        "coverage_complete": coverage_complete(output.selected, cited, output.left_out),
        "word_budget": word_budget(output.text, request.words),
        "news_structure": (
            news_structure(output.title, output.blocks, [reports[n] for n in cited if n in reports], request.request)
            if request.style == "nieuwsbericht"
            else Measure.absent("not a news item")
        ),
        "errors": Measure.count(0),
        "latency_s": Measure.count(round(latency, 3)),
    }
    result.diff = [
        DiffRow(field="must cite", expected=", ".join(request.must_cite), produced=", ".join(sorted(cited)),
                ok=set(request.must_cite) <= cited),
        DiffRow(field="must contain", expected=", ".join(request.must_contain),
                produced="missing: " + (", ".join(missing(output.text, request.must_contain)) or "none"),
                ok=not missing(output.text, request.must_contain)),
        DiffRow(field="text", expected=request.request, produced=output.text, ok=None),
    ]  # fmt: skip
    return result

"""Summary requests over the example archive: citations checked against the cited reports.

The summaries use case is `verslaghulp.summarising`; should it not be importable (a trimmed install)
the set is skipped with a message. The scoring works on `SummaryOutput`, a neutral shape (text with
[n] marks, numbered sources, selected and left-out reports), so only `adapt()` follows the use
case's result type.
"""

from __future__ import annotations

import importlib
import inspect
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, Field

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
from verslaghulp.evaluation.sets import SummaryRequest

MODULE = "verslaghulp.summarising"


class SummaryOutput(BaseModel):
    """What the scorers need from a summary; report names are archive source file names."""

    text: str
    sources: dict[int, str] = Field(default_factory=dict)  # citation number -> source name
    selected: list[str] = Field(default_factory=list)
    left_out: list[str] = Field(default_factory=list)
    message: str = ""  # what the user is told when nothing was selected


Summarise = Callable[[SummaryRequest], SummaryOutput]


def unavailable_reason() -> str | None:
    """Why the summaries set cannot run yet, or None when the use case is importable."""
    try:
        module = importlib.import_module(MODULE)
    except ImportError as exc:
        return f"{MODULE} is not importable yet ({exc}); the summaries set is skipped"
    if not callable(getattr(module, "summarise", None)):
        return f"{MODULE} has no summarise() function; the summaries set is skipped"
    return None


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def adapt(result: Any) -> SummaryOutput:
    """Read the use case's result into a SummaryOutput, tolerating the likely field names."""
    sources: dict[int, str] = {}
    for n, source in enumerate(_get(result, "sources", default=[]) or [], start=1):
        number = int(_get(source, "number", "index", "n", default=n))
        sources[number] = str(_get(source, "source_name", "report", "name", "report_id", default=""))
    coverage = _get(result, "coverage", default=None)
    left = _get(coverage, "left_out", default=None) if coverage is not None else None
    left_out = left if left is not None else _get(result, "left_out", default=[])
    selected = _get(coverage, "selected", default=None) if coverage is not None else None
    return SummaryOutput(
        text=str(_get(result, "text", "markdown", default="")),
        sources=sources,
        selected=[
            str(_get(s, "source_name", "report", default=s)) for s in (selected or _get(result, "selected", default=[]))
        ],
        left_out=[str(_get(s, "source_name", "report", default=s)) for s in left_out or []],
        message=str(_get(result, "message", default="")),
    )


def module_summariser(**available: Any) -> Summarise:
    """A Summarise over `verslaghulp.summarising.summarise`, passing the arguments its signature asks for."""
    function = importlib.import_module(MODULE).summarise
    wanted = inspect.signature(function).parameters

    def run(request: SummaryRequest) -> SummaryOutput:
        pool = {**available, "request": request.request, "query": request.request, "style": request.style,
                "filters": request.filters}  # fmt: skip
        return adapt(function(**{k: v for k, v in pool.items() if k in wanted}))

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

"""`verslaghulp eval run`: run the chosen sets with a model, write per-case results, a summary and reports."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.evaluation import sets as eval_sets
from verslaghulp.evaluation.cache import DiskLLMCache, cached_model
from verslaghulp.evaluation.measures import aggregate
from verslaghulp.evaluation.metrics import CATALOGUE
from verslaghulp.evaluation.modelspec import describe
from verslaghulp.evaluation.provenance import git_state, set_version
from verslaghulp.evaluation.results import CaseResult, RunSummary, SetResult, write_case, write_summary
from verslaghulp.evaluation.runners.citations import pipeline_check, recall_by_change, run_citation_case, scorer_check
from verslaghulp.evaluation.runners.drafting import Drafter, Judge, run_drafting_case
from verslaghulp.evaluation.runners.grounding import run_grounding_case
from verslaghulp.evaluation.runners.retrieval import archive_search, open_eval_archive, report_texts, run_retrieval_case
from verslaghulp.evaluation.runners.summaries import run_summary_case, use_case_summariser
from verslaghulp.facts import check_grounding
from verslaghulp.llm.port import ChatModel

ProgressHook = Callable[[str, int, int, str], None]
"""Called as (set name, cases done, cases in the set, label) when a set starts and after each case."""


@dataclass
class RunOptions:
    """What to run: sets, model, where to write, which cases, caching and the judge."""

    sets: list[str]
    model_spec: str
    out_dir: Path
    cache_dir: Path
    use_cache: bool = True
    limit: int | None = None
    cases: list[str] | None = None
    per_set_ids: dict[str, list[str]] = field(default_factory=dict)  # the smoke subset
    judge: bool = False
    sets_dir: Path | None = None
    split: str = "dev"  # "dev" (<set>.yaml) or "test" (the held-out <set>-test*.yaml)
    without_keywords: bool = False  # draft on the forms with their keyword lists removed


_BY_FORM = ("fact_recall", "niet_vermeld_precision")


def by_form_figures(chosen: list[eval_sets.DraftingCase], results: list[CaseResult]) -> str:
    """Fact recall and "niet vermeld" precision per form, pooled over its cases: "denhaag-2025 0.94 / 0.80 (40)".

    A form written without keyword lists should score as the built-in forms do on like notes; this is
    where the run shows whether it does.
    """
    metrics = {m.measure: m for m in CATALOGUE["drafting"] if m.measure in _BY_FORM}
    parts: list[str] = []
    for form in sorted({c.form for c in chosen}):
        ids = {c.id for c in chosen if c.form == form}
        mine = [r for r in results if r.case_id in ids]
        figures = [aggregate(metrics[name], [r.measures.get(name) for r in mine]) for name in _BY_FORM]
        shown = " / ".join("-" if f is None else f"{f:.2f}" for f in figures)
        parts.append(f"{form} {shown} ({len(mine)})")
    return "; ".join(parts)


def set_result(name: str, cases: list[CaseResult], seconds: float, info: dict[str, Any] | None = None) -> SetResult:
    """A set's figures from its cases, per the metric catalogue."""
    metrics = {m.name: aggregate(m, [c.measures.get(m.measure) for c in cases]) for m in CATALOGUE[name]}
    return SetResult(
        name=name,
        cases=len(cases),
        case_ids=[c.case_id for c in cases],
        errors=sum(1 for c in cases if c.error),
        metrics=metrics,
        info=info or {},
        seconds=round(seconds, 2),
    )


def _ids_for(name: str, options: RunOptions, known: Iterable[str]) -> eval_sets.Selection:
    known_ids = set(known)
    ids = options.per_set_ids.get(name)
    if options.cases is not None:
        ids = [i for i in options.cases if i in known_ids]
    return eval_sets.Selection(ids=ids, limit=options.limit)


class EvalRun:
    """One evaluation run; `run()` does the work and returns the summary (reports are written by the caller)."""

    def __init__(
        self,
        options: RunOptions,
        settings: Settings,
        *,
        progress: ProgressHook | None = None,
        model: ChatModel | None = None,
        drafter: Drafter = draft_report,
    ) -> None:
        self.options = options
        self.settings = settings
        self.progress = progress or (lambda *_: None)
        self._model = model
        self.drafter = drafter
        self.cache: DiskLLMCache | None = None
        self.cases: dict[str, list[CaseResult]] = {}
        self._archive: Any = None
        git = git_state()
        self.summary = RunSummary(
            run_id=options.out_dir.name,
            model_spec=options.model_spec,
            model=describe(settings),
            settings={k: str(v) for k, v in settings.model_dump().items() if k in _RECORDED_SETTINGS},
            git_commit=git.commit,
            dirty=git.dirty,
            dirty_files=git.dirty_files or [],
            selection={"sets": options.sets, "limit": options.limit, "cases": options.cases,
                       "subset": options.per_set_ids or None, "split": options.split},
        )  # fmt: skip

    def model(self) -> ChatModel:
        """The chat model, built on first use (a run without the drafting set never loads it)."""
        if self._model is None:
            # lazy: the model stack loads only for a set that calls a model
            from verslaghulp.llm.factory import make_chat_model

            self._model = make_chat_model(self.settings)
        return self._model

    def path(self, relative: str) -> Path:
        """A path in the repository (sets name their archive folder relative to the root)."""
        return eval_sets.repo_root() / relative

    def run(self) -> RunSummary:
        """Run every requested set, writing each case's JSON as it finishes."""
        unknown = sorted(set(self.options.sets) - set(eval_sets.SET_NAMES))
        if unknown:
            raise ValueError(f"unknown eval set(s): {', '.join(unknown)}; known: {', '.join(eval_sets.SET_NAMES)}")
        started = time.perf_counter()
        self._check_case_ids()
        for name in self.options.sets:
            set_started = time.perf_counter()
            skipped = self._skip_reason(name)
            if skipped:
                self.summary.sets[name] = SetResult(name=name, skipped=skipped)
                continue
            self.summary.set_versions[name] = set_version(name, self.options.split, self.options.sets_dir)
            info = getattr(self, f"_run_{name}")()
            if not self.cases[name]:  # --cases named none of this set: nothing to score or gate
                self.summary.sets[name] = SetResult(name=name, skipped="no case of this set was selected")
                continue
            self.summary.sets[name] = set_result(name, self.cases[name], time.perf_counter() - set_started, info)
        self.summary.seconds = round(time.perf_counter() - started, 2)
        if self.cache is not None:
            self.summary.cache = {"dir": str(self.cache.folder), "hits": self.cache.hits, "misses": self.cache.misses}
        write_summary(self.options.out_dir, self.summary)
        return self.summary

    def _skip_reason(self, name: str) -> str | None:
        """Why a set cannot run in this run (it has no such split)."""
        if not eval_sets.has_split(name, self.options.split, self.options.sets_dir):
            return f"the {name} set has no {self.options.split} split"
        return None

    def _set_file(self, name: str) -> Path:
        return eval_sets.set_path(name, self.options.sets_dir, self.options.split)

    def _check_case_ids(self) -> None:
        if self.options.cases is None:
            return
        known: set[str] = set()
        for name in self.options.sets:
            if self._skip_reason(name):
                continue
            known |= {c.id for c in self._load(name)}
        unknown = [c for c in self.options.cases if c not in known]
        if unknown:
            raise ValueError(f"unknown case id(s) in the chosen sets: {', '.join(unknown)}")

    def _load(self, name: str) -> list[Any]:
        path = self._set_file(name)
        if name == "drafting":
            return eval_sets.load_drafting(eval_sets.split_paths(name, self.options.sets_dir, self.options.split))
        if name == "grounding":
            return eval_sets.load_grounding(path)
        if name == "retrieval":
            return eval_sets.load_retrieval(path).questions
        if name == "citations":
            return eval_sets.load_labelled_split(self.options.split, self.options.sets_dir).sentences
        return eval_sets.load_summaries(path).requests

    def _record(self, name: str, chosen: list[Any], run_one: Callable[[Any], CaseResult]) -> None:
        results: list[CaseResult] = []
        self.progress(name, 0, len(chosen), "")
        for n, item in enumerate(chosen, start=1):
            result = run_one(item)
            write_case(self.options.out_dir, result)
            results.append(result)
            self.progress(name, n, len(chosen), item.id)
        self.cases[name] = results

    def _chosen(self, name: str, items: list[Any]) -> list[Any]:
        return eval_sets.select(items, _ids_for(name, self.options, (i.id for i in items)))

    def _run_drafting(self) -> dict[str, Any]:
        chosen = self._chosen("drafting", self._load("drafting"))
        model = self._cached_model() if chosen else None
        judge: Judge | None = None
        if self.options.judge and model is not None:
            # lazy: the model stack loads only for a set that calls a model
            from verslaghulp.evaluation.judge import fluency_judge

            judge = fluency_judge(model)

        def one(case: eval_sets.DraftingCase) -> CaseResult:
            assert model is not None
            result = run_drafting_case(
                case,
                model=model,
                settings=self.settings,
                cache=self.cache,
                drafter=self.drafter,
                judge=judge,
                strip_keywords=self.options.without_keywords,
            )
            if not self.summary.prompts and result.output:
                self.summary.prompts = list(result.output["draft"]["meta"]["prompts"])
            return result

        self._record("drafting", chosen, one)
        info: dict[str, Any] = {"forms": sorted({c.form for c in chosen})}
        by_form = by_form_figures(chosen, self.cases.get("drafting", []))
        if len(by_form) > 1:
            info["by form (fact recall / 'niet vermeld' precision, cases)"] = by_form
        if self.options.without_keywords:
            info["keywords"] = "removed from every form (--without-keywords)"
        return info

    def _cached_model(self) -> ChatModel:
        """The run's model, with the disk cache of model outputs set up for it (unless --no-cache)."""
        model = self.model()
        if self.cache is None:
            self.summary.model = model.label()
            if self.options.use_cache:
                self.cache = DiskLLMCache(self.options.cache_dir / "llm", self.summary.model)
        return model

    def _run_grounding(self) -> dict[str, Any]:
        chosen = self._chosen("grounding", self._load("grounding"))
        check_grounding(_Empty(), "opwarmen")  # load the gazetteer first, so the first pair's time is honest
        self._record("grounding", chosen, run_grounding_case)
        by_kind: dict[str, list[int]] = {}
        for case in self.cases["grounding"]:
            for kind, (caught, planted) in (case.output or {}).get("by_kind", {}).items():
                counts = by_kind.setdefault(kind, [0, 0])
                counts[0] += caught
                counts[1] += planted
        return {"planted_errors": sum(len(p.errors) for p in chosen),
                "caught_by_kind": {k: f"{c}/{n}" for k, (c, n) in sorted(by_kind.items())}}  # fmt: skip

    def _archive_for(self, folder: str) -> Any:
        if self._archive is None:
            self._archive = open_eval_archive(self.path(folder), self.options.cache_dir / "archive")
        return self._archive

    def _run_retrieval(self) -> dict[str, Any]:
        data = eval_sets.load_retrieval(self._set_file("retrieval"))
        chosen = self._chosen("retrieval", data.questions)
        search = archive_search(self._archive_for(data.archive)) if chosen else None

        def one(question: eval_sets.RetrievalQuestion) -> CaseResult:
            assert search is not None
            return run_retrieval_case(question, search=search, k=data.k)

        self._record("retrieval", chosen, one)
        return {"k": data.k, "archive": data.archive}

    def _run_citations(self) -> dict[str, Any]:
        data = eval_sets.load_labelled_split(self.options.split, self.options.sets_dir)
        chosen = self._chosen("citations", data.sentences)
        archive = self._archive_for(data.archive) if chosen else None
        check = pipeline_check(archive) if archive is not None else None
        scorer = scorer_check(report_texts(archive)) if archive is not None else None

        def one(item: eval_sets.LabelledSentence) -> CaseResult:
            assert check is not None and scorer is not None
            return run_citation_case(item, check=check, scorer=scorer)

        self._record("citations", chosen, one)
        return {"archive": data.archive, "flagged_by_change": recall_by_change(self.cases["citations"])}

    def _run_summaries(self) -> dict[str, Any]:
        data = eval_sets.load_summaries(self._set_file("summaries"))
        chosen = self._chosen("summaries", data.requests)
        archive = self._archive_for(data.archive)
        model = self._cached_model()
        summarise = use_case_summariser(archive, model, self.settings)
        texts = report_texts(archive)

        def one(request: eval_sets.SummaryRequest) -> CaseResult:
            with cached_model(model, self.cache):
                return run_summary_case(request, summarise=summarise, reports=texts, cache=self.cache)

        self._record("summaries", chosen, one)
        return {"archive": data.archive}


@dataclass
class _Empty:
    answers: list[Any] = field(default_factory=list)


_RECORDED_SETTINGS = {
    "backend",
    "embedded_model",
    "ollama_model",
    "n_ctx",
    "n_threads",
    "max_answer_tokens",
    "unsupported_facts",
}

"""The regression sets as typed data: loading eval/sets/*.yaml and choosing which cases run.

Each set is a YAML file under eval/sets/ whose schema is documented in eval/sets/README.md. The
models here validate every key of a set: an unknown key is an error, so a misspelt expectation
("must_contian") cannot be silently ignored. Notes for people go in YAML comments or `description`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

SET_NAMES = ("drafting", "grounding", "retrieval", "summaries", "citations")
# dev: the sets the code was developed on (<set>.yaml); test: held-out sets written without the code
# (<set>-test*.yaml), never used for tuning.
SPLITS = ("dev", "test")
# Sets whose files do not follow <set>.yaml / <set>-test*.yaml: split -> file names (none: no such split).
# The labelled summary sentences were written as one held-out file; both splits of `citations` read it and
# keep their own sentences by report (`labelled_split`). The dev split also reads the sentences written
# later for development over the dev reports only (labelled-sentences-dev.yaml), whole.
_SPLIT_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "citations": {
        "dev": ("labelled-sentences.yaml", "labelled-sentences-dev.yaml"),
        "test": ("labelled-sentences.yaml",),
    }
}
_REPO_ROOT = Path(__file__).resolve().parents[3]


def eval_dir() -> Path:
    """The repository's eval/ folder (sets, baselines, smoke list)."""
    return _REPO_ROOT / "eval"


def repo_root() -> Path:
    """The repository root; relative paths in the sets (the archive folder) start here."""
    return _REPO_ROOT


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --- drafting ---
class ExpectedPeriod(_Strict):
    """The trip's dates as the notes give them."""

    start: dt.date
    end: dt.date
    days: int
    days_stated: float | None = None


class ExpectedLeg(_Strict):
    """One transport leg as the notes give it."""

    mode: Literal["vliegtuig", "trein", "bus", "auto", "boot"]
    origin: str | None = Field(default=None, alias="from")
    destination: str | None = Field(default=None, alias="to")
    km: float | None = None
    return_trip: bool | None = None


class ExpectedCO2(_Strict):
    """Total CO2-equivalent of one traveller's journey, with a tolerance in percent."""

    value: float
    tolerance_pct: float = 10.0


class DraftingExpect(_Strict):
    """What a faithful draft of the case must (not) say; every key is optional."""

    travellers: int | None = None
    period: ExpectedPeriod | None = None
    must_contain: dict[str, list[str]] = Field(default_factory=dict)
    must_not_contain: list[str] = Field(default_factory=list)
    niet_vermeld: list[str] = Field(default_factory=list)
    legs: list[ExpectedLeg] = Field(default_factory=list)
    co2_kg: ExpectedCO2 | None = None
    flight_needs_justification: bool | None = None
    # Per question id: strings that must not be in that answer (a fellow traveller under "ontmoet",
    # "Nee" under "vervolg" when the notes hold an agreement).
    must_not_contain_in: dict[str, list[str]] = Field(default_factory=dict)
    # The trip's city or cities as the notes name them: the places answer must list each.
    city: list[str] = Field(default_factory=list)

    @field_validator("city", mode="before")
    @classmethod
    def _city_list(cls, value: Any) -> Any:
        if value is None:
            return []
        return [str(value)] if isinstance(value, str) else value

    @field_validator("must_not_contain_in", mode="before")
    @classmethod
    def _strings_in(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: [str(s) for s in (v or [])] for k, v in value.items()}
        return value

    @field_validator("must_contain", mode="before")
    @classmethod
    def _strings(cls, value: Any) -> Any:
        # YAML reads bare numbers (404) as ints; the matcher wants their written form.
        if isinstance(value, dict):
            return {k: [str(s) for s in (v or [])] for k, v in value.items()}
        return value

    @field_validator("must_not_contain", mode="before")
    @classmethod
    def _string_list(cls, value: Any) -> Any:
        return [str(s) for s in value] if isinstance(value, list) else value


class DraftingCase(_Strict):
    """Rough notes, the form, and what the draft must (not) contain."""

    id: str
    form: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    notes: str
    expect: DraftingExpect = Field(default_factory=DraftingExpect)


# --- grounding ---
# What a planted error changes; `generiek` (a generic claim the notes never make, appended after an
# existing sentence) came with the held-out test split (eval/sets/README.md).
ErrorKind = Literal["naam", "datum", "getal", "toezegging", "functie", "plaats", "bedrag", "generiek"]


class PlantedError(_Strict):
    """One invention planted in an otherwise correct report."""

    id: str
    question: str
    find: str
    replace: str
    kind: ErrorKind


class GroundingPair(_Strict):
    """Notes, a correct paraphrased report, and the errors planted in it one at a time."""

    id: str
    notes: str
    report: dict[str, str]
    by_code: list[str] = Field(default_factory=list)
    errors: list[PlantedError] = Field(default_factory=list)


class GroundingSet(_Strict):
    """The grounding set: the pairs."""

    version: int = 1
    pairs: list[GroundingPair]


# --- retrieval ---
class ExpectedReport(_Strict):
    """A report that a question must find, and the answers of it that should match."""

    report: str
    questions: list[str] = Field(default_factory=list)


class RetrievalQuestion(_Strict):
    """A question over the example archive with the reports it must find."""

    id: str
    question: str
    kind: Literal["name", "place", "topic"] = "topic"
    filters: dict[str, Any] = Field(default_factory=dict)
    expect: list[ExpectedReport]


class RetrievalSet(_Strict):
    """The retrieval set: an archive folder, k, and the questions."""

    version: int = 1
    archive: str
    k: int = 5
    questions: list[RetrievalQuestion]


# --- summaries ---
class SummaryRequest(_Strict):
    """A request for a summary over the archive and what the result must cite and say."""

    id: str
    request: str
    style: Literal["nieuwsbericht", "managementsamenvatting", "jaaroverzicht", "vraag"]
    description: str = ""
    filters: dict[str, Any] = Field(default_factory=dict)
    must_cite: list[str] = Field(default_factory=list)
    may_cite: list[str] = Field(default_factory=list)
    must_contain: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    expect_empty: bool = False
    words: tuple[int, int] | None = None

    @field_validator("must_contain", "must_not_contain", mode="before")
    @classmethod
    def _string_list(cls, value: Any) -> Any:
        return [str(s) for s in value] if isinstance(value, list) else value


class SummariesSet(_Strict):
    """The summaries set: an archive folder and the requests."""

    version: int = 1
    archive: str
    requests: list[SummaryRequest]


# --- citations (labelled summary sentences) ---
class LabelledSentence(_Strict):
    """A summary sentence, the report(s) it cites, and whether those reports support it (read by a person)."""

    id: str
    sentence: str
    cites: list[str] = Field(min_length=1)
    verdict: Literal["supported", "not_supported"]
    change: Literal["none", "predicate", "actor", "number", "name", "place", "date", "invented"]
    note: str = ""


class LabelledSentences(_Strict):
    """The labelled sentences: an archive folder and the sentences."""

    version: int = 1
    archive: str
    sentences: list[LabelledSentence]


def has_split(name: str, split: str, folder: Path | None = None) -> bool:
    """Whether a set has files for this split."""
    try:
        split_paths(name, folder, split)
    except ValueError:
        return False
    return True


def set_path(name: str, folder: Path | None = None, split: str = "dev") -> Path:
    """The YAML file of a set (of the test split: the first of its files, see `split_paths`)."""
    return split_paths(name, folder, split)[0]


def split_paths(name: str, folder: Path | None = None, split: str = "dev") -> list[Path]:
    """The YAML files of a set's split: `<set>.yaml` and `<set>-dev*.yaml` for dev, `<set>-test*.yaml` for test."""
    if name not in SET_NAMES:
        raise ValueError(f"unknown eval set {name!r}; known: {', '.join(SET_NAMES)}")
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    base = folder or eval_dir() / "sets"
    if name in _SPLIT_FILES:
        files = [base / f for f in _SPLIT_FILES[name][split]]
        if not files:
            raise ValueError(f"the {name} set has no {split} split")
        return files
    if split == "dev":
        # Later development cases live beside the first file (<set>-dev-b.yaml, ...), so a dev file can be
        # added without touching the cases the baseline was accepted on.
        return [base / f"{name}.yaml", *sorted(base.glob(f"{name}-dev*.yaml"))]
    found = sorted(base.glob(f"{name}-test*.yaml"))
    if not found:
        raise ValueError(f"the {name} set has no test split ({base}/{name}-test*.yaml)")
    return found


def archive_of(name: str, path: Path) -> Path | None:
    """The archive folder a set file names (retrieval, summaries), resolved from the repository root."""
    if name not in ("retrieval", "summaries", "citations"):
        return None
    folder = (_read(path) or {}).get("archive")
    return repo_root() / str(folder) if folder else None


def forms_dir() -> Path:
    """Forms written for the eval sets (another municipality's forms, without keyword lists)."""
    return eval_dir() / "forms"


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_drafting(path: Path | list[Path] | None = None) -> list[DraftingCase]:
    """The drafting cases (of one file, or of several files of a split, in order)."""
    paths = path if isinstance(path, list) else [path or set_path("drafting")]
    return [DraftingCase.model_validate(c) for p in paths for c in _read(p)]


def load_grounding(path: Path | None = None) -> list[GroundingPair]:
    """The grounding pairs."""
    return GroundingSet.model_validate(_read(path or set_path("grounding"))).pairs


def load_retrieval(path: Path | None = None) -> RetrievalSet:
    """The retrieval set."""
    return RetrievalSet.model_validate(_read(path or set_path("retrieval")))


def load_summaries(path: Path | None = None) -> SummariesSet:
    """The summaries set."""
    return SummariesSet.model_validate(_read(path or set_path("summaries")))


def labelled_split(sentences: Sequence[LabelledSentence]) -> dict[str, list[LabelledSentence]]:
    """The labelled sentences split by the reports they cite, so that no report's sentences are in both splits.

    The cited reports in file-name order (which is date order) alternate: the first, third, fifth, ...
    are dev reports, the others test reports. A sentence is dev when every report it cites is a dev
    report, test otherwise (a sentence combining a dev and a test report is test). The rule was fixed
    before any check was changed on the dev sentences; it does not look at verdicts or sentences.
    """
    reports = sorted({name for item in sentences for name in item.cites})
    dev_reports = set(reports[::2])
    out: dict[str, list[LabelledSentence]] = {"dev": [], "test": []}
    for item in sentences:
        out["dev" if set(item.cites) <= dev_reports else "test"].append(item)
    return out


def load_labelled(path: Path | None = None, split: str | None = None) -> LabelledSentences:
    """The labelled summary sentences of one file: all of them, or one split's (see `labelled_split`)."""
    data = LabelledSentences.model_validate(_read(path or set_path("citations", split="test")))
    if split is None:
        return data
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    return data.model_copy(update={"sentences": labelled_split(data.sentences)[split]})


def load_labelled_split(split: str, folder: Path | None = None) -> LabelledSentences:
    """A split's labelled sentences: its part of the first file (by report) and every later file of it whole.

    The later files were written for one split only (labelled-sentences-dev.yaml cites dev reports only);
    a file that cites a report outside the split is refused, so no report's sentences reach both splits.
    """
    first, *later = split_paths("citations", folder, split)
    data = load_labelled(first, split)
    reports = sorted({name for item in load_labelled(first).sentences for name in item.cites})
    own = set(reports[::2] if split == "dev" else reports[1::2])  # as `labelled_split` assigns them
    sentences = list(data.sentences)
    for path in later:
        extra = load_labelled(path)
        crossing = sorted({n for s in extra.sentences for n in s.cites} - own)
        if crossing:
            raise ValueError(f"{path.name} cites reports outside the {split} split: {', '.join(crossing)}")
        sentences += extra.sentences
    return data.model_copy(update={"sentences": sentences})


class Selection(BaseModel):
    """Which cases of a set run: explicit ids, a limit, or all."""

    ids: list[str] | None = None
    limit: int | None = Field(default=None, ge=1)


def select(items: Sequence[Any], selection: Selection, *, key: str = "id") -> list[Any]:
    """The items the selection names, in set order; unknown ids are an error (a typo must not pass silently)."""
    chosen = list(items)
    if selection.ids is not None:
        known = {getattr(i, key) for i in items}
        unknown = [i for i in selection.ids if i not in known]
        if unknown:
            raise ValueError(f"unknown case id(s): {', '.join(unknown)}")
        wanted = set(selection.ids)
        chosen = [i for i in chosen if getattr(i, key) in wanted]
    if selection.limit is not None:
        chosen = chosen[: selection.limit]
    return chosen


class SmokeConfig(_Strict):
    """eval/smoke.yaml: the case ids per set, the baseline, and settings for the tiny model."""

    model: str = "embedded:smollm2-135m"
    baseline: str = "baseline-smoke.json"
    settings: dict[str, Any] = Field(default_factory=dict)
    sets: dict[str, list[str] | Literal["all"]]

    def case_ids(self) -> dict[str, list[str]]:
        """The listed case ids per set (sets given as "all" run whole)."""
        return {name: ids for name, ids in self.sets.items() if isinstance(ids, list)}


def load_smoke(path: Path | None = None) -> SmokeConfig:
    """The smoke subset."""
    return SmokeConfig.model_validate(_read(path or eval_dir() / "smoke.yaml"))

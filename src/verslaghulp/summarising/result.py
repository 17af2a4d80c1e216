"""The summary as produced: structured sentences with their sources, the source list, coverage and checks.

Citations are structure, not text: every sentence carries the numbers of the reports it rests on,
and the text with its [n] marks is assembled from that structure by code.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from verslaghulp.facts.grounding_model import CheckedFact, UnsupportedFact
from verslaghulp.summarising.models import SelectedReport, Selection, SummaryRequest


class Fact(BaseModel):
    """A sentence of an archived report that is relevant to the request (taken verbatim)."""

    report_id: str
    question_id: str
    heading: str
    text: str
    picked_by: Literal["model", "code"] = "model"


class MappedReport(BaseModel):
    """The map step's result for one report: its relevant facts, or why it has none."""

    report: SelectedReport
    number: int = Field(ge=1, description="The report's source number while writing.")
    facts: list[Fact] = Field(default_factory=list)
    left_out: str = Field(default="", description="Why the report is left out (Dutch); empty when it is used.")
    instructions_ignored: int = Field(default=0, description="Sentences addressed to a language model, not used.")
    seconds: float = 0.0


class CheckAction(StrEnum):
    """What the citation check did with a sentence."""

    OK = "in orde"
    FLAGGED = "gemarkeerd"
    REMOVED = "verwijderd"
    REPLACED = "vervangen door de tekst van het verslag"
    REATTRIBUTED = "bron verbeterd: het verslag dat de zin steunt"
    DUPLICATE = "verwijderd: herhaling van een eerdere zin"
    REWRITTEN = "herschreven zonder wat het verslag niet zegt"


class SentenceCheck(BaseModel):
    """The citation check of one sentence: its facts against the text of the reports it cites."""

    text: str
    sources: list[int] = Field(description="Source numbers the sentence cites after the check.")
    reports: list[str] = Field(default_factory=list, description="File names of the reports it cites.")
    dropped_reports: list[str] = Field(
        default_factory=list, description="Reports the model cited that support none of the sentence's facts."
    )
    facts: list[CheckedFact] = Field(default_factory=list)
    unsupported: list[UnsupportedFact] = Field(default_factory=list)
    findings: list[str] = Field(
        default_factory=list, description="Claim-level findings among `unsupported`: predicaat, actor, grammatica."
    )
    action: CheckAction = CheckAction.OK
    original: str = Field(default="", description="What the model first wrote, when the sentence was rewritten.")

    @property
    def supported(self) -> bool:
        """Whether every fact of the sentence occurs in a cited report."""
        return not self.unsupported


class CitationCheck(BaseModel):
    """The check of every cited sentence, and the policy applied to those that failed."""

    policy: str
    sentences: list[SentenceCheck] = Field(default_factory=list)
    seconds: float = 0.0

    @property
    def in_text(self) -> list[SentenceCheck]:
        """The checks of sentences that reached the text in some form (repeats were dropped before the policy)."""
        return [s for s in self.sentences if s.action is not CheckAction.DUPLICATE]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """Share of checked sentences whose facts were all found in the cited reports (before the policy)."""
        checked = self.in_text
        if not checked:
            return 1.0
        return round(sum(s.supported for s in checked) / len(checked), 3)

    @property
    def failed(self) -> list[SentenceCheck]:
        """Sentences with facts the cited reports do not contain."""
        return [s for s in self.in_text if not s.supported]


class CitedSentence(BaseModel):
    """A sentence of the summary and the sources it cites."""

    text: str
    sources: list[int] = Field(default_factory=list)
    written_by: Literal["model", "code"] = "model"


class Block(BaseModel):
    """A part of the text: the lead, a paragraph, the bullet list or the answer."""

    kind: Literal["inleiding", "alinea", "punten", "antwoord"]
    sentences: list[CitedSentence] = Field(default_factory=list)
    heading: str = Field(default="", description="A section's subheading (news items), written by code.")


class TripRow(BaseModel):
    """A row of the annual overview: code writes dates, destination and purpose; the model words the result."""

    report_id: str
    dates: str
    destination: str
    purpose: str
    result: str
    sources: list[int]
    result_by: Literal["model", "code"] = "model"


class Source(BaseModel):
    """An entry of the source list."""

    number: int
    report_id: str
    source_name: str
    title: str
    destination: str
    dates: str
    questions: list[str] = Field(default_factory=list, description="The form questions whose answers were used.")
    example: bool = Field(default=False, description="A made-up example report; the source list and header say so.")


class CoverageItem(BaseModel):
    """What became of one selected report: cited in the text, or left out with the reason."""

    report_id: str
    source_name: str
    title: str
    included: bool
    number: int | None = None
    reason: str = ""


class Coverage(BaseModel):
    """Every selected report, each either in the text or left out with its reason: nothing is dropped silently."""

    items: list[CoverageItem] = Field(default_factory=list)

    @property
    def selected(self) -> list[CoverageItem]:
        """All selected reports."""
        return list(self.items)

    @property
    def included(self) -> list[CoverageItem]:
        """The reports the text cites."""
        return [i for i in self.items if i.included]

    @property
    def left_out(self) -> list[CoverageItem]:
        """The reports left out, each with its reason."""
        return [i for i in self.items if not i.included]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def complete(self) -> bool:
        """Whether every report is cited or has a reason (always true for a summary this package made)."""
        return all(i.included or i.reason for i in self.items)


class ModelCallRecord(BaseModel):
    """Token counts and times of one model call."""

    step: str
    prompt_tokens: int
    evaluated_prompt_tokens: int
    completion_tokens: int
    seconds: float
    failed: bool = Field(default=False, description="The output did not fit the schema; code fell back.")


class SummaryMeta(BaseModel):
    """How the summary was made: model, prompts, calls and timings."""

    style: str
    model: str
    prompts: list[str] = Field(default_factory=list)
    calls: list[ModelCallRecord] = Field(default_factory=list)
    reduce_levels: int = 0
    selection_seconds: float = 0.0
    map_seconds: float = 0.0
    reduce_seconds: float = 0.0
    check_seconds: float = 0.0
    total_seconds: float = 0.0
    words: int = 0


class Summary(BaseModel):
    """A summary over archived reports, with its citations, source list, coverage and check."""

    request: SummaryRequest
    title: str = ""
    text: str = Field(description="The body with [n] citation marks; without title and source list.")
    blocks: list[Block] = Field(default_factory=list)
    rows: list[TripRow] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    coverage: Coverage
    check: CitationCheck
    selection: Selection
    meta: SummaryMeta
    notes: list[str] = Field(default_factory=list, description="Remarks for the reader (Dutch).")
    warnings: list[str] = Field(
        default_factory=list, description="What the reader must know before using the text, shown above it (Dutch)."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def citations(self) -> list[CitedSentence]:
        """Every sentence (and table row) of the text with the sources it cites, in text order."""
        out = [s for b in self.blocks for s in b.sentences]
        for r in self.rows:
            text = f"{r.dates}: {r.destination}. {r.purpose} {r.result}"
            out.append(CitedSentence(text=text, sources=r.sources, written_by=r.result_by))
        return out

"""Archive -> newsletter item, management summary, annual overview or answer, with verified citations.

selection = select_reports(SummaryRequest(text="..."), archive)   # which reports and why
for event in iter_summary(request, archive, model, settings, selection=selection): ...
summary = summarise(request, archive, model, settings)             # Summary
to_markdown(summary), to_json(summary)                               # full export, with the accountability
to_publication(summary)                                              # for the newsletter; refused while flagged
export.summary_docx(summary), export.publication_docx(summary)      # the same two as .docx, from the blocks
"""

from verslaghulp.summarising.calls import SummaryError
from verslaghulp.summarising.models import PassedOver, SelectedReport, Selection, SummaryRequest
from verslaghulp.summarising.pipeline import (
    NothingSelectedError,
    ReportMapped,
    SelectionReady,
    SummaryDone,
    SummaryEvent,
    WritingStarted,
    iter_summary,
    style_for,
    summarise,
)
from verslaghulp.summarising.publication import PublicationRefusedError, publication_problems, to_publication
from verslaghulp.summarising.rendering import selection_lines, to_json, to_markdown
from verslaghulp.summarising.result import (
    Block,
    CheckAction,
    CitationCheck,
    CitedSentence,
    Coverage,
    CoverageItem,
    MappedReport,
    SentenceCheck,
    Source,
    Summary,
    TripRow,
)
from verslaghulp.summarising.selection import ArchiveLike, SelectionError, select_reports
from verslaghulp.summarising.styles import Style, StyleNotFoundError, available_styles, load_style

__all__ = [
    "ArchiveLike",
    "Block",
    "CheckAction",
    "CitationCheck",
    "CitedSentence",
    "Coverage",
    "CoverageItem",
    "MappedReport",
    "NothingSelectedError",
    "PassedOver",
    "PublicationRefusedError",
    "ReportMapped",
    "SelectedReport",
    "Selection",
    "SelectionError",
    "SelectionReady",
    "SentenceCheck",
    "Source",
    "Style",
    "StyleNotFoundError",
    "Summary",
    "SummaryDone",
    "SummaryError",
    "SummaryEvent",
    "SummaryRequest",
    "TripRow",
    "WritingStarted",
    "available_styles",
    "iter_summary",
    "load_style",
    "publication_problems",
    "select_reports",
    "selection_lines",
    "style_for",
    "summarise",
    "to_json",
    "to_markdown",
    "to_publication",
]

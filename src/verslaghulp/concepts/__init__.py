"""Concepts: the official's work in progress (notes, draft, edits), autosaved on the server.

A concept is kept as one JSON file under `settings.data_dir / "concepts"` (a folder per logged-in
user), written atomically after every change, so that a browser refresh, a closed tab or a model
error loses nothing; notes that are replaced are kept as versions of the concept. The use-case
functions here (draft into a concept, revise a question, save an edit, store it in the archive) are
what the web page calls; the page itself holds no logic.
"""

from verslaghulp.concepts.archiving import ArchiveTarget, archive_concept
from verslaghulp.concepts.model import (
    AnswerChange,
    ArchiveRecord,
    Concept,
    ConceptAccessError,
    ConceptError,
    ConceptStatus,
    DiffPart,
    NotesChange,
    NotesVersion,
)
from verslaghulp.concepts.review import answer_changes, editable_text, final_draft, unresolved_answers
from verslaghulp.concepts.store import ConceptStore
from verslaghulp.concepts.workflow import (
    DraftProgress,
    draft_into,
    restore_version,
    revise_in,
    save_edit,
    save_notes,
    save_reply,
    start_concept,
    upload_notes,
)

__all__ = [
    "AnswerChange",
    "ArchiveRecord",
    "ArchiveTarget",
    "Concept",
    "ConceptAccessError",
    "ConceptError",
    "ConceptStatus",
    "ConceptStore",
    "DiffPart",
    "DraftProgress",
    "NotesChange",
    "NotesVersion",
    "answer_changes",
    "archive_concept",
    "draft_into",
    "editable_text",
    "final_draft",
    "restore_version",
    "revise_in",
    "save_edit",
    "save_notes",
    "save_reply",
    "start_concept",
    "unresolved_answers",
    "upload_notes",
]

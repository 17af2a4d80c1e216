"""The drafting use case with autosave: every step is written to the concept store before it is shown.

The notes are saved before the model is called, each answer as soon as it is drafted, and every edit
and reply as it is typed; a model error marks the concept "onderbroken" and keeps what was done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from verslaghulp.concepts.model import Concept, ConceptError, ConceptStatus, NotesChange
from verslaghulp.concepts.review import draft_of, editable_text
from verslaghulp.concepts.store import ConceptStore
from verslaghulp.config import Settings
from verslaghulp.drafting import AnswerEvent, DraftDone, DraftError, iter_draft
from verslaghulp.drafting.revise import notes_with_reply, revise_answer
from verslaghulp.llm.port import ChatModel
from verslaghulp.report.forms import Form, FormNotFoundError, load_form
from verslaghulp.report.model import Answer
from verslaghulp.report.notes import NotesError


@dataclass(frozen=True)
class DraftProgress:
    """The concept after another answer (`done` answers of `total`); `finished` once the draft is whole."""

    concept: Concept
    done: int
    total: int
    finished: bool


def _set(**update: object) -> Callable[[Concept], Concept]:
    """A change that sets these fields (values bound now, not when the store applies it)."""
    return lambda c: c.model_copy(update=update)


def _get(store: ConceptStore, concept_id: str | None) -> Concept:
    concept = store.get(concept_id)
    if concept is None:
        raise ConceptError("Dit concept bestaat niet (meer). Kies een ander concept of begin opnieuw.")
    return concept


def _form(concept: Concept, settings: Settings) -> Form:
    try:
        return load_form(concept.form_id, settings.extra_form_dirs())
    except FormNotFoundError as exc:
        raise ConceptError(str(exc)) from exc


def save_notes(store: ConceptStore, concept_id: str | None, notes: str, form: Form) -> Concept | None:
    """Autosave the notes box: into the current concept, or a new one once there is something to keep."""
    concept = store.get(concept_id)
    if concept is None:
        if not notes.strip():
            return None
        return store.new(form_id=form.id, form_title=form.title, notes=notes)

    def change(c: Concept) -> Concept:
        c = c.with_notes(notes, NotesChange.TYPED)
        if c.has_draft:  # the form belongs to the draft once there is one
            return c
        return c.model_copy(update={"form_id": form.id, "form_title": form.title})

    return store.update(concept.id, change)


def upload_notes(store: ConceptStore, concept_id: str | None, notes: str, form: Form) -> tuple[Concept, bool]:
    """Notes read from an uploaded file: into the current concept while it is empty, else into a new one.

    An upload never replaces notes or a draft: a concept with either stays as it is in "Mijn
    concepten", and the upload becomes a concept of its own. Returns the concept and whether it is new.
    """
    current = store.get(concept_id)
    if current is not None and current.notes == notes:
        return current, False
    if current is not None and not current.notes.strip() and not current.has_draft:
        return store.update(current.id, lambda c: c.model_copy(update={"notes": notes, "form_id": form.id,
                                                                         "form_title": form.title})), False  # fmt: skip
    return store.new(form_id=form.id, form_title=form.title, notes=notes), True


def restore_version(store: ConceptStore, concept_id: str | None, index: int) -> Concept:
    """Put an earlier version of the notes back; the notes it replaces are kept as a version themselves."""
    concept = _get(store, concept_id)
    if not 0 <= index < len(concept.versions):
        raise ConceptError("Deze versie van de aantekeningen bestaat niet (meer). Kies een versie uit de lijst.")
    notes = concept.versions[index].notes
    return store.update(concept.id, lambda c: c.with_notes(notes, NotesChange.RESTORE))


def start_concept(store: ConceptStore, concept_id: str | None, notes: str, form: Form) -> Concept:
    """The concept a new draft goes into: the current one while nothing in it can be lost, else a new one.

    The current one is reused when it holds only notes, or an interrupted draft without edits. A second
    draft never overwrites a finished one or the official's edits; those stay in "Mijn concepten".
    """
    current = store.get(concept_id)
    reusable = current is not None and current.archived is None and not current.edits
    if current is not None and reusable and current.status in (ConceptStatus.NOTITIES, ConceptStatus.ONDERBROKEN):
        return store.update(
            current.id,
            lambda c: c.with_notes(notes, NotesChange.DRAFT).model_copy(
                update={"form_id": form.id, "form_title": form.title}
            ),
        )
    return store.new(form_id=form.id, form_title=form.title, notes=notes)


def draft_into(store: ConceptStore, concept_id: str, model: ChatModel, settings: Settings) -> Iterator[DraftProgress]:
    """Draft the concept's notes on its form, saving after every answer; yields the progress.

    Raises NotesError or DraftError (Dutch messages) after marking the concept; its notes and the
    answers drafted so far stay in the store.
    """
    concept = _get(store, concept_id)
    form = _form(concept, settings)
    notes = concept.notes
    reset = _set(status=ConceptStatus.BEZIG, error=None, answers=[], meta=None, draft_notes=notes, edits={}, replies={},
                 exported_at=None)  # fmt: skip
    store.update(concept.id, reset)
    finished = False
    try:
        for event in iter_draft(notes, form, model, settings):
            if isinstance(event, AnswerEvent):
                concept = store.update(concept.id, _append(event.answer))
                yield DraftProgress(concept, event.index + 1, event.total, False)
            elif isinstance(event, DraftDone):
                draft = event.draft
                done = _set(answers=draft.answers, meta=draft.meta, status=ConceptStatus.CONCEPT)
                concept = store.update(concept.id, done)
                finished = True
                yield DraftProgress(concept, len(draft.answers), len(draft.answers), True)
    except (NotesError, DraftError) as exc:
        _interrupt(store, concept.id, str(exc))
        raise
    except Exception as exc:  # anything else still ends as a Dutch message with the work kept
        message = f"Er ging iets mis bij het opstellen ({type(exc).__name__}: {exc}). Uw aantekeningen zijn bewaard."
        _interrupt(store, concept.id, message)
        raise DraftError(message) from exc
    finally:
        if not finished:  # also when the page went away and the generator was closed
            _interrupt(store, concept.id, None)


def _append(answer: Answer) -> Callable[[Concept], Concept]:
    return lambda c: c.model_copy(update={"answers": [*c.answers, answer]})


def _interrupt(store: ConceptStore, concept_id: str, message: str | None) -> None:
    def change(c: Concept) -> Concept:
        if c.status is not ConceptStatus.BEZIG and message is None:
            return c
        status = ConceptStatus.ONDERBROKEN if c.answers else ConceptStatus.NOTITIES
        return c.model_copy(update={"status": status, "error": message or c.error or "Het opstellen is afgebroken."})

    store.update(concept_id, change)


def revise_in(
    store: ConceptStore, concept_id: str, question_id: str, reply: str, model: ChatModel, settings: Settings
) -> Concept:
    """Re-draft one question from the official's reply; the reply joins the notes, the old edit is replaced."""
    concept = _get(store, concept_id)
    draft = draft_of(concept)
    if draft is None:
        raise ConceptError("Stel eerst een verslag op; daarna kunt u vervolgvragen beantwoorden.")
    form = _form(concept, settings)
    revision = revise_answer(draft, concept.draft_notes or concept.notes, form, question_id, reply, model, settings)
    question = form.question(question_id)

    def change(c: Concept) -> Concept:
        return c.with_notes(notes_with_reply(c.notes, question, reply), NotesChange.REPLY).model_copy(
            update={
                "answers": revision.draft.answers,
                "meta": revision.draft.meta if c.meta else None,
                "draft_notes": revision.notes,
                "edits": {k: v for k, v in c.edits.items() if k != question_id},
                "replies": {k: v for k, v in c.replies.items() if k != question_id},
            }
        )

    return store.update(concept.id, change)


def save_edit(store: ConceptStore, concept_id: str, question_id: str, text: str) -> Concept:
    """Autosave the official's text for one answer (an edit back to the drafted text is no edit)."""
    concept = _get(store, concept_id)
    answer = concept.answer(question_id)
    if answer is None:
        raise ConceptError("Deze vraag heeft nog geen antwoord om te bewerken.")
    drafted = editable_text(answer)

    def change(c: Concept) -> Concept:
        edits = {k: v for k, v in c.edits.items() if k != question_id}
        if text != drafted:
            edits[question_id] = text
        return c.model_copy(update={"edits": edits})

    return store.update(concept.id, change)


def save_reply(store: ConceptStore, concept_id: str, question_id: str, text: str) -> Concept:
    """Autosave a reply to a follow-up question before it is used."""
    _get(store, concept_id)

    def change(c: Concept) -> Concept:
        replies = {k: v for k, v in c.replies.items() if k != question_id}
        if text.strip():
            replies[question_id] = text
        return c.model_copy(update={"replies": replies})

    return store.update(concept_id, change)

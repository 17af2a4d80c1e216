"""Tab "Verslag opstellen": notes in, answers streamed in, reviewed, re-drafted, checked, exported, stored.

Every handler calls a use case from `verslaghulp.concepts` (which saves before anything is shown)
and turns the result into component updates with `ui.views`; nothing here decides a fact.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from verslaghulp.concepts import (
    Concept,
    ConceptError,
    archive_concept,
    draft_into,
    final_draft,
    revise_in,
    save_edit,
    save_notes,
    save_reply,
    start_concept,
    unresolved_answers,
)
from verslaghulp.concepts.checks import trip_checks
from verslaghulp.concepts.review import current_text
from verslaghulp.drafting import DraftError
from verslaghulp.report.docx_export import to_docx
from verslaghulp.report.forms import DEFAULT_FORM_ID
from verslaghulp.report.notes import NotesError
from verslaghulp.report.render import to_markdown
from verslaghulp.report.upload import NOTES_SUFFIXES, read_notes_upload
from verslaghulp.ui import views
from verslaghulp.ui.common import (
    ARCHIVE_QUEUE,
    AUTOSAVE_QUEUE,
    MODEL_QUEUE,
    as_user,
    error,
    request_user,
    skip,
    slug,
    uploaded_path,
    warning,
)
from verslaghulp.ui.services import Services

INTRO = (
    "Plak uw aantekeningen van de reis (of upload ze), kies het formulier en klik op **Verslag opstellen**. "
    "De antwoorden verschijnen vraag voor vraag; u kunt ze meteen bewerken. Alles wordt op deze computer "
    "automatisch bewaard – ook als u de pagina sluit – en is terug te vinden onder **Mijn concepten**."
)

# Gradio shows a waiting user "queue: 2/3" at the status line; this says what that means.
QUEUE_HINT = (
    "Het taalmodel werkt één verzoek tegelijk af. Ziet u bij de voortgang *queue: 2/3*, dan bent u nummer 2 in "
    "de wachtrij; zoeken in het archief gaat intussen gewoon door."
)
_CONCEPT_HEADERS = ["Titel", "Formulier", "Status", "Beantwoord", "Laatst bewaard"]


@dataclass
class AnswerSlot:
    """The components of one question: what it is, the editable answer, and its follow-up question."""

    group: gr.Group
    info: gr.HTML
    text: gr.Textbox
    reply: gr.Textbox
    redo: gr.Button

    def components(self) -> list[Any]:
        """In the order `_slot_updates` fills them."""
        return [self.group, self.info, self.text, self.reply, self.redo]


@dataclass
class DraftingTab:
    """Handles to the tab's components (the e2e tests and the app wire them)."""

    concept_id: gr.BrowserState
    notes: gr.Textbox
    form: gr.Dropdown
    status: gr.Markdown
    slots: list[AnswerSlot]
    # Reopens the concept whose id the browser kept (wired to the page's load event by the app).
    restore: Callable[[str], list[Any]]
    everything: list[Any]


def _now() -> str:
    return time.strftime("%H:%M:%S")


def _slot_updates(concept: Concept | None, index: int) -> list[Any]:
    if concept is None or index >= len(concept.answers):
        return [
            gr.update(visible=False),
            "",
            gr.update(value=""),
            gr.update(value="", visible=False),
            gr.update(visible=False),
        ]
    answer = concept.answers[index]
    asks = answer.follow_up is not None
    return [
        gr.update(visible=True),
        views.answer_html(index + 1, answer),
        gr.update(value=current_text(concept, answer), label=f"Antwoord op vraag {index + 1} (bewerkbaar)"),
        gr.update(
            value=concept.replies.get(answer.question_id, ""),
            label=f"Vervolgvraag bij vraag {index + 1}: {answer.follow_up}" if asks else "Vervolgvraag",
            visible=asks,
        ),
        gr.update(visible=asks, value=f"Vraag {index + 1} opnieuw opstellen met dit antwoord"),
    ]


def build_drafting_tab(services: Services) -> DraftingTab:
    """Build the tab inside the current Blocks context and wire its events."""
    store = services.concepts
    forms = services.forms()
    choices = [(f"{f.title} – {f.organisation} ({f.id})", f.id) for f in forms]
    slot_count = max(len(f.questions) for f in forms)

    gr.Markdown(INTRO)
    concept_id = gr.BrowserState("", storage_key="verslaghulp-concept")
    with gr.Accordion("Mijn concepten", open=False):
        gr.Markdown("Uw eerdere aantekeningen en verslagen, automatisch bewaard. Kies er een en klik op **Openen**.")
        concepts_table = gr.Dataframe(headers=_CONCEPT_HEADERS, interactive=False, label="Mijn concepten", wrap=True)
        concept_ids = gr.State([])
        with gr.Row():
            concept_pick = gr.Dropdown(choices=[], label="Concept kiezen", scale=3)
            open_button = gr.Button("Openen", scale=1)
            refresh_button = gr.Button("Lijst vernieuwen", scale=1)
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            notes = gr.Textbox(
                label="Aantekeningen", lines=16, max_lines=40, placeholder="Plak hier uw aantekeningen van de reis…"
            )
            upload = gr.File(
                label="Of upload aantekeningen (.txt, .md, .docx)", file_types=list(NOTES_SUFFIXES), type="filepath"
            )
            form = gr.Dropdown(choices=choices, value=DEFAULT_FORM_ID, label="Formulier")
            with gr.Row():
                generate = gr.Button("Verslag opstellen", variant="primary")
                new = gr.Button("Nieuw verslag")
            gr.Markdown(QUEUE_HINT, elem_classes=["vh-saved"])
            saved = gr.Markdown("", elem_classes=["vh-saved"])
            with gr.Accordion("Controles: 8-uursregel, kilometers en CO2", open=True):
                checks = gr.Markdown(views.checks_markdown(None, {}))
        with gr.Column(scale=3, min_width=420):
            status = gr.Markdown("Nog geen verslag.", elem_classes=["vh-status"], min_height=48)
            follow_ups = gr.Markdown("")
            slots: list[AnswerSlot] = []
            for index in range(slot_count):
                with gr.Group(visible=False) as group:
                    info = gr.HTML("", padding=True)
                    text = gr.Textbox(label=f"Antwoord op vraag {index + 1} (bewerkbaar)", lines=2, max_lines=14)
                    reply = gr.Textbox(label="Vervolgvraag", visible=False, lines=1, max_lines=6,
                                       placeholder="Uw antwoord op de vervolgvraag…")  # fmt: skip
                    redo = gr.Button("Opnieuw opstellen", visible=False, size="sm", variant="secondary")
                slots.append(AnswerSlot(group, info, text, reply, redo))
            with gr.Row():
                export = gr.Button("Exporteren (.docx en .md)")
                to_archive = gr.Button("Opslaan in archief", variant="primary")
            downloads = gr.File(label="Downloads", file_count="multiple", interactive=False)
            archive_result = gr.Markdown("")

    everything: list[Any] = [concept_id, notes, form, status, follow_ups, checks]
    for slot in slots:
        everything += slot.components()
    everything += [concepts_table, concept_ids, concept_pick]

    def listing() -> list[Any]:
        concepts = store.list()
        return [
            views.concept_rows(concepts),
            [c.id for c in concepts],
            gr.update(choices=[views.concept_choice(c) for c in concepts], value=None),
        ]

    def show(
        concept: Concept | None,
        status_text: str,
        *,
        notes_text: Any = None,
        form_id: Any = None,
        only: set[int] | None = None,
        full: bool = True,
        with_listing: bool = False,
    ) -> list[Any]:
        """Updates for `everything`; `only` limits the answer slots sent (the others keep what the user typed)."""
        headings = {a.question_id: a.heading for a in concept.answers} if concept else {}
        out: list[Any] = [concept.id if concept else "", skip() if notes_text is None else notes_text]
        out += [skip() if form_id is None else form_id, status_text]
        out.append(views.follow_ups_markdown(concept.answers) if concept and concept.answers else "")
        out.append(views.checks_markdown(trip_checks(concept), headings) if concept and full else skip())
        for index in range(slot_count):
            if only is None or index in only:
                out += _slot_updates(concept, index)
            else:
                out += [skip() for _ in range(5)]
        out += listing() if with_listing else [skip() for _ in range(3)]
        return out

    def open_concept(concept: Concept | None, status_text: str | None = None) -> list[Any]:
        if concept is None:
            return show(None, "Nog geen verslag.", notes_text="", with_listing=True)
        return show(concept, status_text or views.summary_text(concept), notes_text=concept.notes,
                    form_id=concept.form_id, with_listing=True)  # fmt: skip

    # --- model-bound: draft and re-draft (one at a time; the queue shows waiting users their place) ---
    def on_generate(notes_text: str, form_id: str, current: str, request: gr.Request) -> Iterator[list[Any]]:
        concept = start_concept(store, current, notes_text, services.form(form_id))
        yield show(concept, "Het taalmodel wordt voorbereid…", full=False)
        user = request_user(request, services.settings)
        try:
            for step in as_user(user, draft_into(store, concept.id, services.model(), services.settings)):
                if step.finished:
                    yield show(step.concept, views.summary_text(step.concept), with_listing=True)
                else:
                    progress = views.progress_text(step.concept, step.done, step.total)
                    yield show(step.concept, progress, only={step.done - 1}, full=False)
        except (NotesError, DraftError, ConceptError) as exc:
            yield show(store.get(concept.id), views.summary_text(store.get(concept.id) or concept), full=False)
            raise error(str(exc)) from exc
        except Exception as exc:  # a message, never a stack trace; the notes are in the store and in the box
            raise error(f"Er ging iets mis bij het opstellen: {exc}. Uw aantekeningen zijn bewaard.") from exc

    generate.click(on_generate, inputs=[notes, form, concept_id], outputs=everything, api_name="opstellen",
                   concurrency_id=MODEL_QUEUE, concurrency_limit=1, show_progress_on=[status])  # fmt: skip

    def make_revise(index: int) -> Callable[[str, str], list[Any]]:
        def on_revise(current: str, reply_text: str) -> list[Any]:
            concept = store.get(current)
            if concept is None or index >= len(concept.answers):
                raise error("Dit concept bestaat niet (meer). Open het opnieuw via Mijn concepten.")
            question_id = concept.answers[index].question_id
            try:
                revised = revise_in(store, concept.id, question_id, reply_text, services.model(), services.settings)
            except (NotesError, DraftError, ConceptError) as exc:
                raise error(str(exc)) from exc
            status_text = f"Vraag {index + 1} is opnieuw opgesteld met uw antwoord. " + views.summary_text(revised)
            return show(revised, status_text, notes_text=revised.notes, only={index}, with_listing=True)

        return on_revise

    for index, slot in enumerate(slots):
        slot.redo.click(make_revise(index), inputs=[concept_id, slot.reply], outputs=everything,
                        api_name=f"herschrijf_{index + 1}", concurrency_id=MODEL_QUEUE, concurrency_limit=1,
                        show_progress_on=[slot.text, status])  # fmt: skip

    # --- autosave: every keystroke ends up on the server (only the last pending one runs) ---
    def make_edit_saver(index: int, reply: bool) -> Callable[[str, str], str]:
        def on_change(current: str, text: str) -> str:
            concept = store.get(current)
            if concept is None or index >= len(concept.answers):
                return ""
            question_id = concept.answers[index].question_id
            (save_reply if reply else save_edit)(store, concept.id, question_id, text)
            return f"Automatisch bewaard om {_now()}."

        return on_change

    for index, slot in enumerate(slots):
        for box, is_reply in ((slot.text, False), (slot.reply, True)):
            gr.on([box.input, box.blur], make_edit_saver(index, is_reply), inputs=[concept_id, box], outputs=saved,
                  trigger_mode="always_last", concurrency_id=AUTOSAVE_QUEUE, concurrency_limit=None,
                  show_progress="hidden", api_visibility="private")  # fmt: skip

    def on_notes(current: str, notes_text: str, form_id: str) -> tuple[str, str]:
        concept = save_notes(store, current, notes_text, services.form(form_id))
        if concept is None:
            return current, ""
        return concept.id, f"Aantekeningen automatisch bewaard om {_now()}."

    # Typing, pasting, leaving the box and picking a form all save (a blur also catches text set by tools).
    gr.on([notes.input, notes.blur, form.input], on_notes, inputs=[concept_id, notes, form],
          outputs=[concept_id, saved], trigger_mode="always_last", concurrency_id=AUTOSAVE_QUEUE,
          concurrency_limit=None, show_progress="hidden", api_visibility="private")  # fmt: skip

    def on_upload(path: Any, current_notes: str, current: str, form_id: str) -> tuple[str, str, str]:
        if path is None:
            return current_notes, current, ""
        file = uploaded_path(path)
        try:
            text = read_notes_upload(file.name, file.read_bytes())
        except NotesError as exc:
            warning(str(exc))
            return current_notes, current, ""
        concept = save_notes(store, current, text, services.form(form_id))
        return text, concept.id if concept else current, f"{file.name} ingelezen en bewaard om {_now()}."

    upload.upload(on_upload, inputs=[upload, notes, concept_id, form], outputs=[notes, concept_id, saved],
                  api_name="aantekeningen_uploaden", concurrency_id=AUTOSAVE_QUEUE)  # fmt: skip

    # --- export and archive ---
    def on_export(current: str) -> list[str] | None:
        concept = store.get(current)
        draft = final_draft(concept) if concept else None
        if concept is None or draft is None:
            warning("Er is nog geen verslag om te exporteren.")
            return None
        if unresolved_answers(draft):
            warning("Let op: er staan nog ⟦…⟧-markeringen in het verslag (gemarkeerd in het Word-bestand).")
        folder = Path(tempfile.mkdtemp(prefix="verslag-"))
        name = slug(concept.title)
        docx_path, md_path = folder / f"{name}.docx", folder / f"{name}.md"
        docx_path.write_bytes(to_docx(draft))
        md_path.write_text(to_markdown(draft, with_follow_ups=False), encoding="utf-8")
        return [str(docx_path), str(md_path)]

    export.click(on_export, inputs=concept_id, outputs=downloads, api_name="exporteren")

    def on_archive(current: str) -> list[Any]:
        try:
            record = archive_concept(store, current, services.archive())
        except ConceptError as exc:  # shown next to the button as well, where the official is looking
            warning(str(exc))
            return [f"**Niet opgeslagen.** {exc}", *[skip() for _ in range(4)]]
        concept = store.get(current)
        return [views.archive_record_markdown(record), *listing(), views.summary_text(concept) if concept else ""]

    to_archive.click(on_archive, inputs=concept_id, outputs=[archive_result, concepts_table, concept_ids, concept_pick,
                     status], api_name="opslaan_in_archief", concurrency_id=ARCHIVE_QUEUE)  # fmt: skip

    # --- concepts: open, new, restore after a refresh ---
    def on_open(picked: str | None) -> list[Any]:
        concept = store.get(picked)
        if concept is None:
            raise error("Kies eerst een concept uit de lijst.")
        return open_concept(concept)

    open_button.click(on_open, inputs=concept_pick, outputs=everything, api_name="concept_openen")
    refresh_button.click(listing, outputs=[concepts_table, concept_ids, concept_pick], api_visibility="private")

    def on_row(ids: list[str], event: gr.SelectData) -> Any:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return gr.update(value=ids[row]) if 0 <= row < len(ids) else skip()

    concepts_table.select(on_row, inputs=concept_ids, outputs=concept_pick, api_visibility="private")

    def on_new() -> list[Any]:
        return show(None, "Nieuw verslag: plak uw aantekeningen.", notes_text="", with_listing=True)

    new.click(on_new, outputs=everything, api_visibility="private")

    def on_load(current: str) -> list[Any]:
        concept = store.get(current)
        if concept is None:  # a first visit: leave the page as it is (the user may already be typing)
            return [skip() for _ in everything[:-3]] + listing()
        return open_concept(concept)

    return DraftingTab(concept_id, notes, form, status, slots, restore=on_load, everything=everything)

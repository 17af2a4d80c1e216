"""Tab "Verslag opstellen": notes in, answers streamed in, reviewed, re-drafted, checked, exported, stored.

Every handler calls a use case from `verslaghulp.concepts` (which saves before anything is shown)
and turns the result into component updates with `ui.views`; nothing here decides a fact.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import gradio as gr

from verslaghulp.access import AccessDeniedError, Permission
from verslaghulp.audit import acting_as
from verslaghulp.concepts import (
    Concept,
    ConceptAccessError,
    ConceptError,
    ConceptStore,
    archive_concept,
    draft_into,
    final_draft,
    restore_version,
    revise_in,
    save_edit,
    save_notes,
    save_reply,
    start_concept,
    unresolved_answers,
    upload_notes,
)
from verslaghulp.concepts.checks import trip_checks
from verslaghulp.concepts.review import current_text, still_missing, with_missing
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
    handling,
    request_identity,
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

# Gradio shows a waiting user "queue: 2/3" at the status line (in Dutch: ui.theme.PAGE_JS); this says what it means.
QUEUE_HINT = (
    "Het taalmodel werkt één verzoek tegelijk af. Ziet u bij de voortgang *wachtrij: 2/3*, dan bent u nummer 2 in "
    "de wachtrij; zoeken in het archief gaat intussen gewoon door."
)


@dataclass
class AnswerSlot:
    """The components of one question: what it is, the editable answer, and its follow-up question."""

    group: gr.Group
    info: gr.HTML
    text: gr.Textbox
    reply: gr.Textbox
    redo: gr.Button
    add_back: gr.Button

    def components(self) -> list[Any]:
        """In the order `_slot_updates` fills them."""
        return [self.group, self.info, self.text, self.reply, self.redo, self.add_back]


SLOT_PARTS = 6  # components per answer slot, as `AnswerSlot.components` lists them


@dataclass
class DraftingTab:
    """Handles to the tab's components (the e2e tests and the app wire them)."""

    concept_id: gr.BrowserState
    notes: gr.Textbox
    form: gr.Dropdown
    status: gr.Markdown
    slots: list[AnswerSlot]
    # Reopens the concept whose id the browser kept (wired to the page's load event by the app).
    restore: Callable[[str, gr.Request], list[Any]]
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
            gr.update(visible=False),
        ]
    answer = concept.answers[index]
    asks = answer.follow_up is not None
    lost = still_missing(answer, current_text(concept, answer))
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
        gr.update(visible=bool(lost), value=f"Niet overgenomen feiten aan antwoord {index + 1} toevoegen"),
    ]


def changed_slots(before: Concept, after: Concept) -> set[int]:
    """The answer slots whose answer differs between two states of a concept (re-derived answers)."""
    return {n for n, answer in enumerate(after.answers) if n >= len(before.answers) or before.answers[n] != answer}


def build_drafting_tab(services: Services) -> DraftingTab:
    """Build the tab inside the current Blocks context and wire its events.

    Every handler works in the store of the request's user (`Services.concepts_of`): a concept id of
    someone else's is refused there, and recorded in the audit log, whichever way the id arrives.
    """
    settings = services.settings
    forms = services.forms()
    choices = [(f"{f.title} – {f.organisation} ({f.id})", f.id) for f in forms]
    slot_count = max(len(f.questions) for f in forms)

    gr.Markdown(INTRO)
    concept_id = gr.BrowserState("", storage_key="verslaghulp-concept")
    with gr.Accordion("Mijn concepten", open=False):
        gr.Markdown("Uw eerdere aantekeningen en verslagen, automatisch bewaard. Kies er een en klik op **Openen**.")
        concepts_table = gr.Dataframe(headers=views.CONCEPT_HEADERS, interactive=False, label="Mijn concepten",
                                      wrap=True, column_widths=["44%", "24%", "9%", "14%", "9%"])  # fmt: skip
        concept_ids = gr.State([])
        with gr.Row():
            # Any id reaches the handler, which decides (another user's id gets a Dutch refusal, audited).
            concept_pick = gr.Dropdown(choices=[], label="Concept kiezen", scale=3, allow_custom_value=True)
            open_button = gr.Button("Openen", scale=1)
            refresh_button = gr.Button("Lijst vernieuwen", scale=1)
        with gr.Row():
            version_pick = gr.Dropdown(choices=[], label="Eerdere versies van de aantekeningen van dit concept",
                                       scale=3)  # fmt: skip
            restore_button = gr.Button("Versie terugzetten", scale=1)
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
                checks = gr.Markdown(views.checks_markdown(None, {}), elem_classes=["vh-checks"])
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
                    add_back = gr.Button("Niet overgenomen feiten toevoegen", visible=False, size="sm",
                                         variant="secondary")  # fmt: skip
                slots.append(AnswerSlot(group, info, text, reply, redo, add_back))
            with gr.Row():
                export = gr.Button("Exporteren (.docx en .md)")
                # The main action once there is a draft (see `show`); before that a plain button.
                to_archive = gr.Button("Opslaan in archief", variant="secondary")
            # Right under the buttons, where the official looks after clicking; the files box only with files.
            archive_result = gr.Markdown("")
            downloads = gr.File(label="Downloads", file_count="multiple", interactive=False, visible=False)

    everything: list[Any] = [concept_id, notes, form, status, follow_ups, checks, to_archive]
    for slot in slots:
        everything += slot.components()
    listing_at = len(everything)
    everything += [concepts_table, concept_ids, concept_pick]
    # What belongs to one concept besides its answers: reset by "Nieuw verslag", restored on opening.
    everything += [upload, downloads, saved, archive_result, version_pick]

    def listing(store: ConceptStore) -> list[Any]:
        concepts = store.list()
        return [
            views.concept_rows(concepts),
            [c.id for c in concepts],
            gr.update(choices=views.concept_choices(concepts), value=None),
        ]

    def show(
        concept: Concept | None,
        status_text: str,
        *,
        notes_text: Any = None,
        form_id: Any = None,
        only: set[int] | None = None,
        full: bool = True,
        listing_of: ConceptStore | None = None,
        panels: bool = False,
        message: str | None = None,
        files: list[str] | None = None,
    ) -> list[Any]:
        """Updates for `everything`.

        `only` limits the answer slots sent (the others keep what the user typed); `full` also sends the
        checks, the versions and the save button's look (not while answers stream in); `panels` sets the
        uploaded file, the downloads (`files`, the box shown only with files) and the archive message
        for this concept; `message` is the saved-line.
        """
        answers = concept.answers if concept else []
        headings = {a.question_id: a.heading for a in answers}
        out: list[Any] = [concept.id if concept else "", skip() if notes_text is None else notes_text]
        out += [skip() if form_id is None else form_id, status_text]
        # While answers stream in, "every question is answered" would be premature (complete=False).
        unused = concept.meta.unused_lines if concept and concept.meta and full else []
        out.append(views.follow_ups_markdown(answers, unused, complete=full) if answers else "")
        out.append(views.checks_markdown(trip_checks(concept) if concept else None, headings) if full else skip())
        out.append(gr.update(variant="primary" if concept and concept.has_draft else "secondary") if full else skip())
        for index in range(slot_count):
            if only is None or index in only:
                out += _slot_updates(concept, index)
            else:
                out += [skip() for _ in range(SLOT_PARTS)]
        out += listing(listing_of) if listing_of is not None else [skip() for _ in range(3)]
        if panels:
            archived = views.archive_record_markdown(concept.archived) if concept and concept.archived else ""
            out += [None, _files_update(files), message or "", archived]
        else:
            out += [skip(), skip(), skip() if message is None else message, skip()]
        out.append(gr.update(choices=views.version_choices(concept), value=None) if full else skip())
        return out

    def open_concept(store: ConceptStore, concept: Concept | None, message: str | None = None) -> list[Any]:
        if concept is None:
            return show(None, "Nog geen verslag.", notes_text="", listing_of=store, panels=True, message=message)
        opened = message or f"Concept geopend; laatst bewaard op {concept.updated_at.astimezone():%d-%m-%Y %H:%M}."
        return show(concept, views.summary_text(concept), notes_text=concept.notes, form_id=concept.form_id,
                    listing_of=store, panels=True, message=opened,
                    files=_export(concept) if concept.exported_at else None)  # fmt: skip

    # --- model-bound: draft and re-draft (one at a time; the queue shows waiting users their place) ---
    def on_generate(notes_text: str, form_id: str, current: str, request: gr.Request) -> Iterator[list[Any]]:
        user = request_identity(request, settings)
        if not (notes_text or "").strip():  # nothing to draft: say so, start nothing, raise nothing (no error badge)
            warning("De aantekeningen zijn leeg. Plak uw aantekeningen van de reis (of upload ze) en probeer het "
                    "opnieuw.")  # fmt: skip
            out = [skip() for _ in everything]
            out[everything.index(status)] = views.EMPTY_NOTES
            yield out
            return
        try:
            with acting_as(user.audit_name):  # not across the yields: see ui.common.as_user
                store = services.concepts_of(user)
                concept = start_concept(store, current, notes_text, services.form(form_id))
        except (ConceptError, AccessDeniedError) as exc:
            raise error(str(exc)) from exc
        # The answers of an interrupted draft in this concept are about to be replaced: not shown meanwhile.
        yield show(concept.model_copy(update={"answers": [], "error": None, "meta": None}),
                   "Het taalmodel wordt voorbereid…", panels=True)  # fmt: skip
        try:
            for step in as_user(user.audit_name, draft_into(store, concept.id, services.model(), settings)):
                if step.finished:
                    yield show(step.concept, views.summary_text(step.concept), listing_of=store)
                else:
                    progress = views.progress_text(step.concept, step.done, step.total)
                    yield show(step.concept, progress, only={step.done - 1}, full=False)
        except NotesError as exc:  # the notes cannot be drafted (unreadable, too long): a notice, not a failure
            warning(str(exc))
            yield show(store.get(concept.id), views.summary_text(store.get(concept.id) or concept), full=False)
        except (DraftError, ConceptError) as exc:
            yield show(store.get(concept.id), views.summary_text(store.get(concept.id) or concept), full=False)
            raise error(str(exc)) from exc
        except Exception as exc:  # a message, never a stack trace; the notes are in the store and in the box
            raise error(f"Er ging iets mis bij het opstellen: {exc}. Uw aantekeningen zijn bewaard.") from exc

    generate.click(on_generate, inputs=[notes, form, concept_id], outputs=everything, api_name="opstellen",
                   concurrency_id=MODEL_QUEUE, concurrency_limit=1, show_progress_on=[status])  # fmt: skip

    def make_revise(index: int) -> Callable[[str, str, gr.Request], list[Any]]:
        def on_revise(current: str, reply_text: str, request: gr.Request) -> list[Any]:
            with handling(request, settings) as user:
                store = services.concepts_of(user)
                concept = store.get(current)
                if concept is None or index >= len(concept.answers):
                    raise error("Dit concept bestaat niet (meer). Open het opnieuw via Mijn concepten.")
                question_id = concept.answers[index].question_id
                try:
                    revised = revise_in(store, concept.id, question_id, reply_text, services.model(), settings)
                except (NotesError, DraftError) as exc:
                    raise error(str(exc)) from exc
                status_text = f"Vraag {index + 1} is opnieuw opgesteld met uw antwoord. " + views.summary_text(revised)
                # The answers re-derived from this one (transport -> 8-hours rule -> km/CO2) are sent too.
                return show(
                    revised,
                    status_text,
                    notes_text=revised.notes,
                    only={index} | changed_slots(concept, revised),
                    listing_of=store,
                )

        return on_revise

    for index, slot in enumerate(slots):
        slot.redo.click(make_revise(index), inputs=[concept_id, slot.reply], outputs=everything,
                        api_name=f"herschrijf_{index + 1}", api_visibility="private", concurrency_id=MODEL_QUEUE,
                        concurrency_limit=1, show_progress_on=[slot.text, status])  # fmt: skip

    # --- nothing lost: put the facts an answer left out back into it (the official's text stays) ---
    def make_add_back(index: int) -> Callable[[str, str, gr.Request], tuple[Any, Any, str]]:
        def on_add_back(current: str, text: str, request: gr.Request) -> tuple[Any, Any, str]:
            with handling(request, settings) as user:
                store = services.concepts_of(user)
                concept = store.get(current)
                if concept is None or index >= len(concept.answers):
                    return skip(), gr.update(visible=False), ""
                answer = concept.answers[index]
                added = with_missing(answer, text)
                save_edit(store, concept.id, answer.question_id, added)
                return added, gr.update(visible=False), f"Niet overgenomen feiten toegevoegd om {_now()}."

        return on_add_back

    for index, slot in enumerate(slots):
        slot.add_back.click(make_add_back(index), inputs=[concept_id, slot.text],
                            outputs=[slot.text, slot.add_back, saved], api_visibility="private",
                            concurrency_id=AUTOSAVE_QUEUE, concurrency_limit=None)  # fmt: skip

    # --- autosave: every keystroke ends up on the server (only the last pending one runs) ---
    def make_edit_saver(index: int, reply: bool) -> Callable[[str, str, gr.Request], str]:
        def on_change(current: str, text: str, request: gr.Request) -> str:
            with handling(request, settings) as user:
                store = services.concepts_of(user)
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

    def on_notes(current: str, notes_text: str, form_id: str, request: gr.Request) -> tuple[str, str, Any]:
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            before = store.get(current) if current else None
            concept = save_notes(store, current, notes_text, services.form(form_id))
        if concept is None:
            return current, "", skip()
        # A change that kept a version (text removed, or a while later) lists it at once under "Mijn concepten".
        kept = before is None or len(concept.versions) != len(before.versions)
        versions = gr.update(choices=views.version_choices(concept), value=None) if kept else skip()
        return concept.id, f"Aantekeningen automatisch bewaard om {_now()}.", versions

    # Typing, pasting, leaving the box and picking a form all save (a blur also catches text set by tools).
    gr.on([notes.input, notes.blur, form.input], on_notes, inputs=[concept_id, notes, form],
          outputs=[concept_id, saved, version_pick], trigger_mode="always_last", concurrency_id=AUTOSAVE_QUEUE,
          concurrency_limit=None, show_progress="hidden", api_name="aantekeningen_bewaren",
          api_visibility="private")  # fmt: skip

    def on_upload(path: Any, current: str, form_id: str, request: gr.Request) -> list[Any]:
        if path is None:
            return [skip() for _ in everything]
        file = uploaded_path(path)
        try:
            text = read_notes_upload(file.name, file.read_bytes())
        except NotesError as exc:
            warning(str(exc))
            return [skip() for _ in everything]
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            concept, is_new = upload_notes(store, current, text, services.form(form_id))
        message = (
            f"{file.name} ingelezen als nieuw concept om {_now()}; de aantekeningen die er stonden zijn niet "
            "veranderd en staan onder **Mijn concepten**."
            if is_new
            else f"{file.name} ingelezen en bewaard om {_now()}."
        )
        out = show(concept, views.summary_text(concept), notes_text=concept.notes, form_id=concept.form_id,
                   listing_of=store, panels=True, message=message)  # fmt: skip
        out[everything.index(upload)] = skip()  # the file just read stays shown
        return out

    # Hidden from the API (a script drafts from text with /opstellen); the page calls it by its index.
    upload.upload(on_upload, inputs=[upload, concept_id, form], outputs=everything, api_name="aantekeningen_uploaden",
                  api_visibility="private", concurrency_id=AUTOSAVE_QUEUE)  # fmt: skip

    # --- export and archive ---
    def on_export(current: str, request: gr.Request) -> list[str] | None:
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            concept = store.get(current)
            draft = final_draft(concept) if concept else None
            if concept is None or draft is None:
                warning("Er is nog geen verslag om te exporteren.")
                return None
            if unresolved_answers(draft):
                warning("Let op: er staan nog ⟦…⟧-markeringen in het verslag (gemarkeerd in het Word-bestand).")
            store.update(concept.id, lambda c: c.model_copy(update={"exported_at": datetime.now(UTC)}))
            return _export(concept)

    # /exporteren returns the files themselves; the box is shown in a step of its own (only with files).
    export.click(on_export, inputs=concept_id, outputs=downloads, api_name="exporteren").then(
        lambda files: gr.update(visible=bool(files)), inputs=downloads, outputs=downloads, api_visibility="private"
    )

    def on_archive(current: str, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            try:
                store.get(current)  # another user's concept is refused before the role is looked at
                services.require(user, Permission.ARCHIVE_ADD)
                record = archive_concept(store, current, services.archive())
            except (ConceptError, AccessDeniedError) as exc:  # shown next to the button, where the official looks
                warning(str(exc))
                return [f"**Niet opgeslagen.** {exc}", *[skip() for _ in range(4)]]
            services.audit_archive("archive_add", record.report_id, f"concept {current}")
            concept = store.get(current)
            return [views.archive_record_markdown(record), *listing(store),
                    views.summary_text(concept) if concept else ""]  # fmt: skip

    to_archive.click(on_archive, inputs=concept_id, outputs=[archive_result, concepts_table, concept_ids, concept_pick,
                     status], api_name="opslaan_in_archief", api_visibility="private",
                     concurrency_id=ARCHIVE_QUEUE)  # fmt: skip

    # --- concepts: open, new, versions, restore after a refresh ---
    def on_open(picked: str | None, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            concept = store.get(picked)
            if concept is None:
                raise error("Kies eerst een concept uit de lijst.")
            return open_concept(store, concept)

    open_button.click(on_open, inputs=concept_pick, outputs=everything, api_name="concept_openen",
                      api_visibility="private")  # fmt: skip

    def on_refresh(request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            return listing(services.concepts_of(user))

    refresh_button.click(on_refresh, outputs=[concepts_table, concept_ids, concept_pick], api_name="concepten_lijst",
                         api_visibility="private")  # fmt: skip

    def on_row(ids: list[str], event: gr.SelectData) -> Any:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return gr.update(value=ids[row]) if 0 <= row < len(ids) else skip()

    concepts_table.select(on_row, inputs=concept_ids, outputs=concept_pick, api_visibility="private")

    def on_restore(current: str, picked: str | None, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            if not picked:
                raise error("Kies eerst een versie uit de lijst.")
            store = services.concepts_of(user)
            concept = restore_version(store, current, int(picked))
            message = f"Versie teruggezet om {_now()}; de aantekeningen die er stonden zijn als versie bewaard."
            return show(concept, views.summary_text(concept), notes_text=concept.notes, listing_of=store,
                        message=message)  # fmt: skip

    restore_button.click(on_restore, inputs=[concept_id, version_pick], outputs=everything,
                         api_name="versie_terugzetten", api_visibility="private",
                         concurrency_id=AUTOSAVE_QUEUE)  # fmt: skip

    def on_new(request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            return open_concept(services.concepts_of(user), None)

    new.click(on_new, outputs=everything, api_name="nieuw_verslag", api_visibility="private")

    def on_load(current: str, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            store = services.concepts_of(user)
            try:
                concept = store.get(current)
            except ConceptAccessError as exc:  # e.g. a shared browser that remembers another user's concept
                return open_concept(store, None, message=f"**{exc}**")
            if concept is None:  # a first visit: leave the page as it is (the user may already be typing)
                out = [skip() for _ in everything]
                out[listing_at : listing_at + 3] = listing(store)
                return out
            return open_concept(store, concept)

    return DraftingTab(concept_id, notes, form, status, slots, restore=on_load, everything=everything)


def _files_update(files: list[str] | None) -> Any:
    """The downloads box with these files, shown only when there are some."""
    return gr.update(value=files, visible=bool(files))


def _export(concept: Concept) -> list[str] | None:
    """The concept's report as .docx and .md files in a fresh temporary folder (None before a draft)."""
    draft = final_draft(concept)
    if draft is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="verslag-"))
    name = slug(concept.title)
    docx_path, md_path = folder / f"{name}.docx", folder / f"{name}.md"
    docx_path.write_bytes(to_docx(draft))
    md_path.write_text(to_markdown(draft, with_follow_ups=False), encoding="utf-8")
    return [str(docx_path), str(md_path)]

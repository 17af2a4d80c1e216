"""The web page: paste notes, pick a form, watch the answers arrive, download the report."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import gradio as gr

from verslaghulp.config import Settings
from verslaghulp.drafting import AnswerEvent, DraftDone, DraftError, iter_draft
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.report.forms import DEFAULT_FORM_ID, available_forms, load_form
from verslaghulp.report.model import Answer, AnswerStatus, ReportDraft
from verslaghulp.report.notes import NotesError
from verslaghulp.report.render import to_json, to_markdown
from verslaghulp.report.upload import NOTES_SUFFIXES, read_notes_upload

INTRO = (
    "# Verslag buitenlandse dienstreis\n"
    "Plak uw aantekeningen van de reis, kies het formulier en klik op **Verslag opstellen**. "
    "Alles blijft op deze computer: de aantekeningen gaan niet naar internet."
)


def _answer_markdown(answer: Answer) -> str:
    marker = "" if answer.status is AnswerStatus.BEANTWOORD else " _(niet vermeld)_"
    source = {"code": "berekend uit de aantekeningen", "model": "geformuleerd door het taalmodel"}.get(
        answer.written_by.value, "niet in de aantekeningen gevonden"
    )
    lines = f"regels {', '.join(str(s.number) for s in answer.support)}" if answer.support else "geen regels"
    computed = "".join(f"\n> {c.label}: {c.value} ({c.how})" for c in answer.computed)
    return f"### {answer.heading}{marker}\n\n{answer.text}\n\n<sub>{source}; {lines}</sub>{computed}\n"


def _follow_ups_markdown(answers: list[Answer]) -> str:
    items = [f"- **{a.heading.capitalize()}**: {a.follow_up}" for a in answers if a.follow_up]
    return (
        "### Nog aan te vullen\n" + "\n".join(items)
        if items
        else "Alle vragen zijn beantwoord vanuit de aantekeningen."
    )


def _write_downloads(draft: ReportDraft) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="verslag-"))
    md, js = folder / "verslag.md", folder / "verslag.json"
    md.write_text(to_markdown(draft), encoding="utf-8")
    js.write_text(to_json(draft), encoding="utf-8")
    return [str(md), str(js)]


def build_app(settings: Settings) -> gr.Blocks:
    """The Gradio app for these settings."""
    forms = available_forms(settings.extra_form_dirs())
    choices = [(f"{f.title} – {f.organisation} ({f.id})", f.id) for f in forms]

    def load_upload(file: Any, current: str) -> str:
        if file is None:
            return current
        path = Path(file if isinstance(file, str) else file.name)
        try:
            return read_notes_upload(path.name, path.read_bytes())
        except NotesError as exc:
            gr.Warning(str(exc))
            return current

    def generate(notes: str, form_id: str) -> Iterator[tuple[str, str, str, Any]]:
        form = load_form(form_id, settings.extra_form_dirs())
        shown: list[str] = []
        yield "Het taalmodel wordt voorbereid…", "", "", None
        try:
            model = make_chat_model(settings)
            for event in iter_draft(notes, form, model, settings):
                if isinstance(event, AnswerEvent):
                    shown.append(_answer_markdown(event.answer))
                    status = f"Vraag {event.index + 1} van {event.total} beantwoord…"
                    yield status, "\n".join(shown), "", None
                elif isinstance(event, DraftDone):
                    draft = event.draft
                    status = f"Klaar in {draft.meta.total_seconds:.1f} s met {draft.meta.model}."
                    yield status, "\n".join(shown), _follow_ups_markdown(draft.answers), _write_downloads(draft)
        except (NotesError, DraftError) as exc:
            raise gr.Error(str(exc)) from exc
        except Exception as exc:  # the user must see a message, never a stack trace; notes stay in the box
            raise gr.Error(f"Er ging iets mis bij het opstellen: {exc}. Uw aantekeningen zijn bewaard.") from exc

    with gr.Blocks(title="verslaghulp", analytics_enabled=False) as app:
        gr.Markdown(INTRO)
        with gr.Row():
            with gr.Column(scale=1):
                notes = gr.Textbox(
                    label="Aantekeningen", lines=18, max_lines=40, placeholder="Plak hier uw aantekeningen…"
                )
                upload = gr.File(label="Of upload een bestand (.txt, .md, .docx)", file_types=list(NOTES_SUFFIXES))
                form = gr.Dropdown(choices=choices, value=DEFAULT_FORM_ID, label="Formulier")
                button = gr.Button("Verslag opstellen", variant="primary")
            with gr.Column(scale=1):
                status = gr.Markdown(label="Voortgang")
                report = gr.Markdown(label="Verslag")
                follow_ups = gr.Markdown(label="Vervolgvragen")
                downloads = gr.File(label="Downloaden (Markdown en JSON)", file_count="multiple")
        upload.change(load_upload, inputs=[upload, notes], outputs=notes)
        button.click(generate, inputs=[notes, form], outputs=[status, report, follow_ups, downloads],
                     concurrency_limit=1, concurrency_id="model")  # fmt: skip
    return cast(gr.Blocks, app)


def warm_up(settings: Settings) -> threading.Thread:
    """Load the model in the background so the page is usable at once and the first draft is quick."""

    def load() -> None:
        model = make_chat_model(settings)
        loader = getattr(model, "load", None)
        if callable(loader):
            loader()

    thread = threading.Thread(target=load, name="model-warm-up", daemon=True)
    thread.start()
    return thread


def launch_app(app: gr.Blocks, settings: Settings, *, host: str | None, port: int | None, open_browser: bool) -> None:
    """Queue, warm the model up in the background, and serve (blocks until stopped)."""
    warm_up(settings)
    app.queue(default_concurrency_limit=4)
    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    app.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        inbrowser=open_browser,
        show_error=True,
        theme=theme,
    )

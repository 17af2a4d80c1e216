"""Tab "Archief": upload earlier reports, browse them with their metadata, search, open and delete.

Every event here runs in its own queue, so uploads and searches never wait behind a draft. Everyone
may search and open; adding and deleting need the archive roles from the settings (checked in the
handler itself, so that the page, the API and a script calling a hidden event are treated alike),
and every change and every refusal adds a line to the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from verslaghulp.access import Permission
from verslaghulp.dutch import count, seconds
from verslaghulp.ui import archive_views as views
from verslaghulp.ui.common import ARCHIVE_QUEUE, error, handling, request_identity, search_filters, skip, uploaded_path
from verslaghulp.ui.services import Services

ARCHIVE_SUFFIXES = [".txt", ".md", ".docx", ".pdf"]
_SEARCH_LIMIT = 10


def _failure(exc: Exception) -> gr.Error:
    return error(f"Het archief gaf een fout: {exc}")


def build_archive_tab(services: Services, tab: gr.Tab) -> None:
    """Build the tab inside the current Blocks context and wire its events."""
    settings = services.settings
    gr.Markdown(
        "Eerdere verslagen van buitenlandse dienstreizen: zoek op onderwerp, naam of plaats, filter op jaar, "
        "stad, land of thema, en voeg nieuwe verslagen toe (.txt, .md, .docx of .pdf)."
    )
    with gr.Accordion("Verslagen toevoegen", open=False):
        files = gr.File(label="Verslagen uploaden (meerdere tegelijk mogelijk)", file_count="multiple",
                        file_types=ARCHIVE_SUFFIXES, type="filepath")  # fmt: skip
        add = gr.Button("Toevoegen aan archief", variant="primary")
        add_status = gr.Markdown("")
        outcomes = gr.Dataframe(headers=views.OUTCOME_HEADERS, interactive=False, label="Resultaat per bestand",
                                wrap=True)  # fmt: skip
    with gr.Row():
        query = gr.Textbox(label="Zoekvraag", placeholder="Bijv. wat leverde de reis naar Wenen op? of Bratislava",
                           scale=4)  # fmt: skip
    with gr.Row():
        year_from = gr.Textbox(label="Van jaar", placeholder="bijv. 2019")
        year_to = gr.Textbox(label="Tot en met jaar", placeholder="bijv. 2025")
        city = gr.Textbox(label="Stad")
        country = gr.Textbox(label="Land")
        theme = gr.Dropdown(label="Thema", choices=[], allow_custom_value=True)
        examples = gr.Checkbox(label="Voorbeeldverslagen meenemen", value=True)
    with gr.Row():
        search = gr.Button("Zoeken", variant="primary")
        refresh = gr.Button("Hele archief tonen")
    results = gr.Markdown("")
    # Tall enough for a screenful of reports (Gradio's default box showed three wrapped rows).
    table = gr.Dataframe(headers=views.ARCHIVE_HEADERS, interactive=False, label="Verslagen in het archief", wrap=True,
                         max_height=1100, column_widths=["22%", "17%", "15%", "9%", "15%", "9%", "13%"])  # fmt: skip
    ids = gr.State([])
    with gr.Row():
        # A script names a report by id (/archief_openen, /archief_verwijderen) without listing first.
        pick = gr.Dropdown(label="Verslag kiezen", choices=[], scale=4, allow_custom_value=True)
        open_button = gr.Button("Openen", scale=1)
        delete = gr.Button("Verwijderen", variant="stop", scale=1)
    with gr.Row(visible=False) as confirm_row:
        confirm_text = gr.Markdown("")
        confirm = gr.Button("Ja, definitief verwijderen", variant="stop")
        cancel = gr.Button("Annuleren")
    report_view = gr.Markdown("")
    with gr.Accordion("Voorbeeldverslagen", open=False):
        gr.Markdown("Bij de eerste start staan er verzonnen voorbeeldverslagen in het archief. U kunt ze verwijderen.")
        with gr.Row():
            remove_examples = gr.Button("Voorbeeldverslagen verwijderen")
            load_examples = gr.Button("Voorbeeldverslagen laden")
        examples_status = gr.Markdown("")

    def filters(yf: str | None, yt: str | None, c: str, co: str, th: str | None, ex: bool) -> Any:
        return search_filters(yf, yt, c, co, th, include_examples=ex)

    def listing(chosen: Any = None) -> list[Any]:
        try:
            archive = services.archive()
            reports = archive.list_reports(chosen)
            themes = sorted({t for r in archive.list_reports() for t in r.themes})
        except Exception as exc:
            raise _failure(exc) from exc
        return [
            views.report_rows(reports),
            [r.report_id for r in reports],
            gr.update(choices=[views.report_choice(r) for r in reports], value=None),
            gr.update(choices=themes),
        ]

    listing_outputs = [table, ids, pick, theme]

    def on_add(paths: list[Any] | None, request: gr.Request) -> Iterator[list[Any]]:
        user = request_identity(request, settings)
        with handling(request, settings):  # not across the yields: see ui.common.as_user
            services.require(user, Permission.ARCHIVE_ADD)
        if not paths:
            raise error("Kies eerst een of meer bestanden.")
        rows: list[list[str]] = []
        archive = services.archive()
        for n, value in enumerate(paths, start=1):
            path = uploaded_path(value)
            yield [f"Bestand {n} van {len(paths)}: {path.name} wordt verwerkt…", rows, *[skip() for _ in range(4)]]
            outcome = archive.ingest_file(path, source_key=f"upload:{path.name}")
            rows = [*rows, views.outcome_row(path.name, outcome)]
            if outcome.report_id and str(outcome.status) != "fout":
                with handling(request, settings):
                    services.audit_archive("archive_add", outcome.report_id, f"upload {path.name}")
        failed = sum(1 for r in rows if r[1] == "fout")
        done = f"Klaar: {count(len(rows), 'bestand', 'bestanden')} verwerkt" + (
            f", {failed} met een fout." if failed else "."
        )
        yield [done, rows, *listing()]

    add.click(on_add, inputs=files, outputs=[add_status, outcomes, *listing_outputs], api_name="archief_toevoegen",
              concurrency_id=ARCHIVE_QUEUE, concurrency_limit=1)  # fmt: skip

    search_inputs = [query, year_from, year_to, city, country, theme, examples]

    def on_search(q: str, yf: str | None, yt: str | None, c: str, co: str, th: str | None, ex: bool) -> list[Any]:
        chosen = filters(yf, yt, c, co, th, ex)
        if not q.strip():  # filters only: show the matching part of the table
            rows = listing(chosen)
            return ["Archief gefilterd.", *rows]
        try:
            hits = services.archive().search(q, chosen, limit=_SEARCH_LIMIT)
        except Exception as exc:
            raise _failure(exc) from exc
        reports = [h.report for h in hits]
        best = reports[0].report_id if reports else None
        return [
            views.hits_markdown(q.strip(), hits),
            views.report_rows(reports),
            [r.report_id for r in reports],
            gr.update(choices=[views.report_choice(r) for r in reports], value=best),
            skip(),
        ]

    gr.on([search.click, query.submit], on_search, inputs=search_inputs, outputs=[results, *listing_outputs],
          api_name="archief_zoeken", concurrency_id="zoeken", concurrency_limit=2)  # fmt: skip

    refresh.click(lambda: ["", *listing()], outputs=[results, *listing_outputs], api_name="archief_lijst",
                  concurrency_id="zoeken")  # fmt: skip

    def on_row(row_ids: list[str], event: gr.SelectData) -> Any:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return gr.update(value=row_ids[row]) if 0 <= row < len(row_ids) else skip()

    table.select(on_row, inputs=ids, outputs=pick, api_visibility="private")

    def on_open(report_id: str | None) -> str:
        if not report_id:
            raise error("Kies eerst een verslag.")
        report = services.archive().get_report(report_id)
        if report is None:
            raise error("Dit verslag staat niet (meer) in het archief.")
        return views.report_markdown(report, {form.id: form.title for form in services.forms()})

    open_button.click(on_open, inputs=pick, outputs=report_view, api_name="archief_openen", concurrency_id="zoeken")

    def on_delete(report_id: str | None, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:  # refused before the question is asked
            services.require(user, Permission.ARCHIVE_DELETE, target=report_id)
        if not report_id:
            raise error("Kies eerst een verslag om te verwijderen.")
        report = services.archive().get_report(report_id)
        title = report.title if report else report_id
        question = f"**Weet u zeker dat u “{title}” uit het archief wilt verwijderen?** Dit kan niet ongedaan worden."
        return [gr.update(visible=True), question]

    delete.click(on_delete, inputs=pick, outputs=[confirm_row, confirm_text], api_name="archief_verwijderen_vragen",
                 api_visibility="private")  # fmt: skip
    cancel.click(lambda: gr.update(visible=False), outputs=confirm_row, api_visibility="private")

    def on_confirm(report_id: str | None, request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            services.require(user, Permission.ARCHIVE_DELETE, target=report_id)
            archive = services.archive()
            report = archive.get_report(report_id) if report_id else None
            removed = bool(report_id) and archive.delete_report(str(report_id))
            if removed:
                services.audit_archive("archive_delete", report_id, report.title if report else "")
        message = "Het verslag is verwijderd." if removed else "Dit verslag stond niet (meer) in het archief."
        return [gr.update(visible=False), message, *listing()]

    # For scripts too (with the same role check): /archief_verwijderen(report_id).
    confirm.click(on_confirm, inputs=pick, outputs=[confirm_row, report_view, *listing_outputs],
                  api_name="archief_verwijderen", concurrency_id=ARCHIVE_QUEUE)  # fmt: skip

    def on_remove_examples(request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            services.require(user, Permission.ARCHIVE_DELETE)
            removed = services.archive().remove_examples()
            removed_text = count(len(removed), "voorbeeldverslag", "voorbeeldverslagen")
            services.audit_archive("archive_delete", None, removed_text)
        return [f"{removed_text} verwijderd.", *listing()]

    def on_load_examples(request: gr.Request) -> list[Any]:
        with handling(request, settings) as user:
            services.require(user, Permission.ARCHIVE_ADD)
            summary = services.archive().load_examples()
            loaded = count(len(summary.outcomes), "voorbeeldverslag", "voorbeeldverslagen")
            services.audit_archive("archive_add", None, loaded)
        return [f"{loaded} geladen ({seconds(summary.seconds)}).", *listing()]

    for button, fn in ((remove_examples, on_remove_examples), (load_examples, on_load_examples)):
        button.click(fn, outputs=[examples_status, *listing_outputs], concurrency_id=ARCHIVE_QUEUE,
                     api_visibility="private")  # fmt: skip

    # Fill the table whenever the tab is opened: reports stored from "Verslag opstellen" appear at once.
    tab.select(lambda: listing(), outputs=listing_outputs, api_visibility="private", concurrency_id="zoeken")

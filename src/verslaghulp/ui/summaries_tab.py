"""Tab "Samenvatten": newsletter items and summaries over the archive, with citations that open the report.

First the selection (which reports, and why) is shown and can be adjusted; then the summary is
written by `verslaghulp.summarising` in the model's queue. Until that module is installed the tab
says so plainly instead of offering controls that cannot work.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from verslaghulp import summarising as s
from verslaghulp.dutch import count, seconds
from verslaghulp.ui import summary_views as views
from verslaghulp.ui.common import MODEL_QUEUE, as_user, error, request_user, search_filters, skip, slug
from verslaghulp.ui.services import Services

EXAMPLE_REQUEST = "Bijv. Schrijf een nieuwsbericht over wat onze smart city reizen hebben opgeleverd"
INTRO = (
    "Vraag in gewone taal om een nieuwsbericht, samenvatting, jaaroverzicht of antwoord over de verslagen in het "
    "archief. Klik eerst op **Verslagen kiezen**: u ziet welke verslagen worden gebruikt en waarom, en kunt er "
    "weglaten of toevoegen. Elke bewering krijgt een bronnummer [n]; klik erop om het verslag te openen."
)


def build_summaries_tab(services: Services) -> None:
    """Build the tab inside the current Blocks context and wire its events."""
    styles = s.available_styles(services.settings.summary_styles_dir)
    gr.Markdown(INTRO)
    request = gr.Textbox(label="Verzoek", lines=2, placeholder=EXAMPLE_REQUEST)
    with gr.Row():
        style = gr.Dropdown(label="Stijl", choices=[(f"{st.name} – {st.description}", st.id) for st in styles],
                            value="nieuwsbericht" if any(st.id == "nieuwsbericht" for st in styles) else None,
                            scale=3)  # fmt: skip
        words = gr.Textbox(label="Maximaal aantal woorden (optioneel)", placeholder="bijv. 300", scale=1)
    with gr.Row():
        year_from = gr.Textbox(label="Van jaar", placeholder="bijv. 2019")
        year_to = gr.Textbox(label="Tot en met jaar", placeholder="bijv. 2025")
        city = gr.Textbox(label="Stad")
        country = gr.Textbox(label="Land")
        theme = gr.Textbox(label="Thema")
    choose = gr.Button("Verslagen kiezen")
    selection_text = gr.Markdown("")
    selection_table = gr.Dataframe(headers=views.SELECTION_HEADERS, interactive=False, label="Gekozen verslagen",
                                   wrap=True)  # fmt: skip
    keep = gr.CheckboxGroup(label="Meenemen", choices=[])
    offered = gr.State([])  # the ids the selection offered: those not ticked are left out
    add = gr.Dropdown(label="Verslagen toevoegen", choices=[], multiselect=True)
    write = gr.Button("Samenvatting schrijven", variant="primary")
    status = gr.Markdown("", elem_classes=["vh-status"], min_height=32)
    body = gr.Markdown("", label="Samenvatting")
    sources = gr.HTML("")
    downloads = gr.File(label="Downloads (.docx en .md)", file_count="multiple", interactive=False)

    def make_request(text: str, style_id: str | None, max_words: str, yf: str, yt: str, c: str, co: str, th: str,
                     *, exclude: list[str] | None = None, include: list[str] | None = None) -> Any:  # fmt: skip
        if not text.strip():
            raise error("Schrijf eerst wat u wilt hebben, bijvoorbeeld “Geef een jaaroverzicht van 2021”.")
        limit = max_words.strip()
        if limit and not limit.isdigit():
            raise error(f"“{limit}” is geen aantal woorden.")
        filters = search_filters(yf, yt, c, co, th)
        return s.SummaryRequest(text=text.strip(), style=style_id or "nieuwsbericht", filters=filters,
                                exclude=exclude or [], include=include or [],
                                max_words=int(limit) if limit else None)  # fmt: skip

    inputs = [request, style, words, year_from, year_to, city, country, theme]

    def on_choose(*values: Any) -> list[Any]:
        archive = services.archive()
        try:
            selection = s.select_reports(make_request(*values), archive)
        except s.SelectionError as exc:
            raise error(str(exc)) from exc
        if selection.empty:
            raise error(selection.message or "Dit verzoek selecteert geen verslagen.")
        chosen = [(r.title, r.report_id) for r in selection.reports]
        others = [(r.title, r.report_id) for r in archive.list_reports()
                  if r.report_id not in {rid for _, rid in chosen}]  # fmt: skip
        return [
            views.selection_markdown(selection),
            views.selection_rows(selection),
            gr.update(choices=chosen, value=[rid for _, rid in chosen]),
            gr.update(choices=others, value=[]),
            [rid for _, rid in chosen],
        ]

    gr.on([choose.click, request.submit], on_choose, inputs=inputs,
          outputs=[selection_text, selection_table, keep, add, offered],
          api_name="samenvatten_kiezen", concurrency_id="zoeken")  # fmt: skip

    def on_write(text: str, style_id: str | None, max_words: str, yf: str, yt: str, c: str, co: str, th: str,
                 kept: list[str] | None, added: list[str] | None, choices: list[str],
                 request: gr.Request) -> Iterator[list[Any]]:  # fmt: skip
        dropped = [rid for rid in choices if rid not in (kept or [])]
        req = make_request(text, style_id, max_words, yf, yt, c, co, th, exclude=dropped, include=list(added or []))
        archive = services.archive()
        yield ["Verslagen worden gekozen…", skip(), skip(), skip()]
        user = request_user(request, services.settings)
        try:
            for event in as_user(user, s.iter_summary(req, archive, services.model(), services.settings)):
                if isinstance(event, s.SelectionReady):
                    chosen = count(len(event.selection.reports), "verslag", "verslagen")
                    yield [f"{chosen} gekozen; {'het wordt' if len(event.selection.reports) == 1 else 'ze worden'} "
                           "gelezen…", "", "", None]  # fmt: skip
                elif isinstance(event, s.ReportMapped):
                    yield [f"Verslag {event.index + 1} van {event.total} gelezen…", skip(), skip(), skip()]
                elif isinstance(event, s.WritingStarted):
                    yield [f"De tekst wordt geschreven uit {count(event.facts, 'feit', 'feiten')} van "
                           f"{count(event.reports, 'verslag', 'verslagen')}…",
                           skip(), skip(), skip()]  # fmt: skip
                elif isinstance(event, s.SummaryDone):
                    summary = event.summary
                    reports = {src.report_id: archive.get_report(src.report_id) for src in summary.sources}
                    found = {rid: r for rid, r in reports.items() if r is not None}
                    words = count(summary.meta.words, "woord", "woorden")
                    done = f"Klaar in {seconds(summary.meta.total_seconds)} ({words})."
                    problems = s.publication_problems(summary)
                    done += (
                        " Publicatieversie nog niet beschikbaar: " + " ".join(problems)
                        if problems
                        else " De publicatieversie (zonder markeringen en verantwoording) staat bij de downloads."
                    )
                    body_text, sources_text = views.body_markdown(summary, found), views.sources_html(summary, found)
                    yield [done, body_text, sources_text, _files(s, summary)]
        except s.SummaryError as exc:
            raise error(str(exc)) from exc

    write.click(on_write, inputs=[*inputs, keep, add, offered], outputs=[status, body, sources, downloads],
                api_name="samenvatten", concurrency_id=MODEL_QUEUE, concurrency_limit=1,
                show_progress_on=[status])  # fmt: skip


def _files(s: Any, summary: Any) -> list[str]:
    # lazy: python-docx loads only for an export
    from verslaghulp.summarising.export import publication_docx, summary_docx

    folder = Path(tempfile.mkdtemp(prefix="samenvatting-"))
    name = slug(summary.title or summary.request.text, fallback="samenvatting")
    md_path, docx_path = folder / f"{name}.md", folder / f"{name}.docx"
    md_path.write_text(s.to_markdown(summary), encoding="utf-8")
    docx_path.write_bytes(summary_docx(summary))
    files = [str(docx_path), str(md_path)]
    if not s.publication_problems(summary):  # refused while anything is flagged or made up
        pub_md, pub_docx = folder / f"{name}-publicatie.md", folder / f"{name}-publicatie.docx"
        pub_md.write_text(s.to_publication(summary), encoding="utf-8")
        pub_docx.write_bytes(publication_docx(summary))
        files += [str(pub_docx), str(pub_md)]
    return files

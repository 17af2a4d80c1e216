"""The command line: `verslaghulp serve|draft|forms|prepare-model|...`.

Later issues add their commands here (ingest, search, check, summarise, eval); each command only
parses arguments, calls a use case, and prints.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from verslaghulp.config import Settings, get_settings

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="verslaghulp: verslagen van buitenlandse dienstreizen"
)
err = Console(stderr=True)
out = Console()


@app.callback()
def _root() -> None:
    """verslaghulp: verslagen van buitenlandse dienstreizen opstellen en hergebruiken."""


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a clear error and return the Exit to raise."""
    err.print(f"[bold red]Fout:[/] {message}")
    return typer.Exit(code)


@app.command()
def forms() -> None:
    """List the available report forms."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.report.forms import available_forms

    for form in available_forms(get_settings().extra_form_dirs()):
        out.print(f"[bold]{form.id}[/]  {form.title} ({form.organisation}), {len(form.questions)} vragen")


def _progress_bar(description: str):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                    console=err)  # fmt: skip


def prepare_embedded_model() -> None:
    """Assemble and verify the embedded model's weights once, with a progress bar."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.config import Backend
    from verslaghulp.llm.weights import ModelIntegrityError, ModelNotInstalledError, ensure_model, get_spec

    settings = get_settings()
    if settings.backend is not Backend.EMBEDDED:
        return
    spec = get_spec(settings.embedded_model)
    with _progress_bar(spec.id) as bar:
        task = bar.add_task(f"Model {spec.id} voorbereiden", total=spec.size)
        try:
            path = ensure_model(spec, settings.model_cache_dir, lambda done, total: bar.update(task, completed=done))
        except (ModelNotInstalledError, ModelIntegrityError) as exc:
            raise fail(str(exc)) from exc
    err.print(f"Model klaar: {path}")


@app.command("config")
def show_config(
    as_env: Annotated[bool, typer.Option("--env", help="Als VARIABELE=waarde-regels (voor een .env-bestand)")] = False,
) -> None:
    """Toon de geldende instellingen (geheimen gemaskeerd)."""
    values = get_settings().effective()
    if as_env:
        for name, value in values.items():
            typer.echo(f"{name}={value}")
        return
    from rich.table import Table

    table = Table("instelling", "waarde", title="Geldende instellingen")
    for name, value in values.items():
        table.add_row(name, value)
    Console().print(table)


@app.command("health")
def health() -> None:
    """Controleer of het taalmodel en het archief bereikbaar zijn (exitcode 1 bij een fout)."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.health import check_health

    status = check_health(get_settings())
    typer.echo(status.model_dump_json(indent=2))
    if status.status != "ok":
        raise typer.Exit(1)


@app.command("prepare-model")
def prepare_model() -> None:
    """Join and verify the embedded model weights (once; later runs only check)."""
    prepare_embedded_model()


@app.command()
def draft(
    notes_file: Annotated[Path, typer.Argument(help="Aantekeningen (.txt, .md of .docx); '-' leest stdin")],
    form: Annotated[str, typer.Option("--form", "-f", help="Formulier-id")] = "denhaag-2025",
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="Uitvoerbestand (anders stdout)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md of json")] = "md",
) -> None:
    """Draft a trip report from rough notes."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.drafting import AnswerEvent, DraftDone, DraftError, iter_draft
    from verslaghulp.llm.factory import make_chat_model
    from verslaghulp.report.forms import FormNotFoundError, load_form
    from verslaghulp.report.notes import NotesError
    from verslaghulp.report.render import to_json, to_markdown
    from verslaghulp.report.upload import read_notes_upload

    if fmt not in ("md", "json"):
        raise fail("--format moet 'md' of 'json' zijn.")
    settings = get_settings()
    try:
        form_def = load_form(form, settings.extra_form_dirs())
        data = sys.stdin.buffer.read() if str(notes_file) == "-" else notes_file.read_bytes()
        text = read_notes_upload(notes_file.name if str(notes_file) != "-" else "stdin.txt", data)
    except FormNotFoundError as exc:
        raise fail(str(exc)) from exc
    except NotesError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"Kan {notes_file} niet lezen: {exc.strerror}") from exc
    prepare_embedded_model()
    try:
        model = make_chat_model(settings)
        result = None
        for event in iter_draft(text, form_def, model, settings):
            if isinstance(event, AnswerEvent):
                status = "beantwoord" if event.answer.status == "beantwoord" else "niet vermeld"
                err.print(f"[{event.index + 1}/{event.total}] {event.answer.question_id}: {status} "
                          f"({event.answer.seconds:.1f} s)")  # fmt: skip
            elif isinstance(event, DraftDone):
                result = event.draft
    except (NotesError, DraftError) as exc:
        raise fail(str(exc)) from exc
    assert result is not None
    rendered = to_json(result) if fmt == "json" else to_markdown(result)
    if out_path:
        out_path.write_text(rendered, encoding="utf-8")
        err.print(f"Verslag geschreven naar {out_path} ({result.meta.total_seconds:.1f} s)")
    else:
        sys.stdout.write(rendered)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Adres (standaard uit de instellingen)")] = None,
    port: Annotated[int | None, typer.Option(help="Poort (standaard 7860)")] = None,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Browser openen")] = True,
) -> None:
    """Start the web app."""
    import os

    # Gradio reads these at import time; they keep the app from calling analytics or hub hosts.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.ui.app import build_app, launch_app

    settings = get_settings()
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.logging_setup import configure_logging

    configure_logging(settings)
    prepare_embedded_model()
    _load_examples_in_background(settings)
    launch_app(build_app(settings), settings, host=host, port=port, open_browser=open_browser)


def _load_examples_in_background(settings: Settings) -> None:
    """Fill an empty archive with the example reports on first run, without delaying the page."""
    import threading

    def load() -> None:
        # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
        from verslaghulp.archive import Archive

        try:
            summary = Archive.open(settings).load_examples_if_empty()
        except Exception as exc:  # the app works without examples; say why they are missing
            err.print(f"[yellow]Voorbeeldarchief niet geladen:[/] {exc}")
            return
        if summary is not None:
            err.print(f"Voorbeeldarchief geladen: {len(summary.outcomes)} verslagen in {summary.seconds:.0f} s")

    threading.Thread(target=load, name="example-archive", daemon=True).start()


@app.command()
def check(
    report: Annotated[Path, typer.Argument(help="Verslag als JSON (ReportDraft)", exists=True, dir_okay=False)],
    notes: Annotated[
        Path, typer.Option("--notes", help="De aantekeningen (tekstbestand)", exists=True, dir_okay=False)
    ],
) -> None:
    """Check a draft against its notes: unsupported facts and inconsistencies."""
    from pydantic import ValidationError

    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.drafting.consistency import check_consistency
    from verslaghulp.facts import check_grounding
    from verslaghulp.facts.notes_facts import read_notes_facts
    from verslaghulp.report.model import ReportDraft

    try:
        draft = ReportDraft.model_validate_json(report.read_text(encoding="utf-8"))
    except ValidationError as exc:
        raise fail(f"{report.name} is geen geldig verslag (JSON): {exc.error_count()} fout(en).") from exc
    notes_text = notes.read_text(encoding="utf-8")
    grounding = check_grounding(draft, notes_text)
    findings = check_consistency(draft, read_notes_facts(notes_text))
    for item in grounding.unsupported:
        out.print(f"[red]niet gevonden[/] ({item.question_id}) {item.kind.value} '{item.text}': {item.reason}")
    for finding in findings:
        out.print(f"[yellow]{finding.severity.value}[/] ({finding.question_id}) {finding.message}")
    out.print(
        f"Score: {grounding.score:.2f}; {len(grounding.unsupported)} niet gevonden, {len(findings)} bevinding(en)."
    )
    if grounding.unsupported or findings:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Bestanden of mappen (.txt, .md, .docx, .pdf)")] = None,
    examples: Annotated[bool, typer.Option("--voorbeelden", help="Laad de voorbeeldverslagen")] = False,
    remove_examples: Annotated[
        bool, typer.Option("--verwijder-voorbeelden", help="Verwijder de voorbeeldverslagen")
    ] = False,
) -> None:
    """Add earlier reports to the archive (folders recursively; unchanged files are skipped)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.archive import Archive, ExamplesNotFoundError, IngestOutcome, IngestStatus, StoreError

    if not paths and not examples and not remove_examples:
        raise fail("Geef bestanden of mappen op, of --voorbeelden / --verwijder-voorbeelden.")
    try:
        archive = Archive.open(get_settings())
        if remove_examples:
            out.print(f"{len(archive.remove_examples())} voorbeeldverslag(en) verwijderd.")
        outcomes: list[IngestOutcome] = []
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err) as bar:
            task = bar.add_task("Verslagen inlezen", total=None)

            def advance(outcome: IngestOutcome, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=Path(outcome.source).name[:40])

            if examples:
                outcomes += archive.load_examples(advance).outcomes
            if paths:
                outcomes += archive.ingest_paths(paths, advance).outcomes
    except (StoreError, ExamplesNotFoundError) as exc:
        raise fail(str(exc)) from exc
    colours = {IngestStatus.ADDED: "green", IngestStatus.REPLACED: "cyan", IngestStatus.UNCHANGED: "dim"}
    for o in outcomes:
        detail = o.message if o.status is IngestStatus.FAILED else f"{o.title or ''}  {o.message}".strip()
        out.print(f"[{colours.get(o.status, 'red')}]{o.status.value:>11}[/]  {Path(o.source).name}: {detail}")
    counts = ", ".join(f"{sum(o.status is s for o in outcomes)} {s.value}" for s in IngestStatus)
    out.print(f"Klaar: {counts}.")
    if any(o.status is IngestStatus.FAILED for o in outcomes):
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Vraag of zoekwoorden")],
    year_from: Annotated[int | None, typer.Option("--van", help="Vanaf jaar")] = None,
    year_to: Annotated[int | None, typer.Option("--tot", help="Tot en met jaar")] = None,
    city: Annotated[str | None, typer.Option("--stad", help="Bestemming (stad)")] = None,
    country: Annotated[str | None, typer.Option("--land", help="Bestemming (land)")] = None,
    theme: Annotated[str | None, typer.Option("--thema", help="Thema, bijv. drones")] = None,
    question: Annotated[list[str] | None, typer.Option("--vraag", help="Alleen antwoorden op deze vraag-id")] = None,
    limit: Annotated[int, typer.Option("--aantal", "-n", help="Aantal verslagen")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Resultaten als JSON")] = False,
) -> None:
    """Search the archive of earlier reports (meaning and exact names), grouped per report."""
    import re

    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.archive import Archive, SearchFilters, StoreError

    filters = SearchFilters(
        year_from=year_from, year_to=year_to, city=city, country=country, theme=theme, question_ids=question or None
    )
    try:
        hits = Archive.open(get_settings()).search(query, filters, limit=limit)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write("[" + ",\n".join(h.model_dump_json() for h in hits) + "]\n")
        return
    if not hits:
        out.print("Geen verslagen gevonden.")
        return
    for n, hit in enumerate(hits, start=1):
        report = hit.report
        out.print(f"[bold]{n}. {report.title}[/]  [dim]{report.source_name} · score {hit.score:.2f}[/]")
        for answer in hit.answers:
            heading = re.sub(r"(^|[?:] )(\w)", lambda m: m[1] + m[2].upper(), answer.heading.lower())
            out.print(f"   [cyan]{heading}[/]")
            out.print(f"   {answer.snippet}", highlight=False)
        out.print()


@app.command("summarise")
def summarise_command(
    request: Annotated[str, typer.Argument(help="Vraag of opdracht, bijv. 'Schrijf een nieuwsbericht over ...'")],
    year_from: Annotated[int | None, typer.Option("--van", help="Vanaf jaar")] = None,
    year_to: Annotated[int | None, typer.Option("--tot", help="Tot en met jaar")] = None,
    city: Annotated[str | None, typer.Option("--stad", help="Bestemming (stad)")] = None,
    country: Annotated[str | None, typer.Option("--land", help="Bestemming (land)")] = None,
    theme: Annotated[str | None, typer.Option("--thema", help="Thema, bijv. drones")] = None,
    style: Annotated[
        str, typer.Option("--stijl", help="nieuwsbericht, managementsamenvatting, jaaroverzicht of vraag")
    ] = "nieuwsbericht",
    exclude: Annotated[list[str] | None, typer.Option("--zonder", help="Laat dit verslag weg (id of bestand)")] = None,
    include: Annotated[list[str] | None, typer.Option("--met", help="Neem dit verslag mee (id of bestand)")] = None,
    max_words: Annotated[int | None, typer.Option("--max-woorden", min=20, help="Lengtebudget in woorden")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="Uitvoerbestand (anders stdout)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md of json")] = "md",
    show_selection: Annotated[bool, typer.Option("--toon-selectie", help="Toon alleen de selectie")] = False,
) -> None:
    """Summarise archived reports: newsletter item, management summary, annual overview or answer, with sources."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.archive import Archive, SearchFilters, StoreError
    from verslaghulp.llm.factory import make_chat_model
    from verslaghulp.summarising import (
        NothingSelectedError,
        ReportMapped,
        SelectionError,
        SummaryDone,
        SummaryError,
        SummaryRequest,
        WritingStarted,
        iter_summary,
        select_reports,
        selection_lines,
        style_for,
        to_json,
        to_markdown,
    )

    if fmt not in ("md", "json"):
        raise fail("--format moet 'md' of 'json' zijn.")
    settings = get_settings()
    filters = SearchFilters(year_from=year_from, year_to=year_to, city=city, country=country, theme=theme)
    req = SummaryRequest(text=request, style=style, filters=filters, exclude=exclude or [], include=include or [],
                         max_words=max_words)  # fmt: skip
    try:
        style_for(style, settings)
        archive = Archive.open(settings)
        selection = select_reports(req, archive)
    except (SummaryError, SelectionError, StoreError) as exc:
        raise fail(str(exc)) from exc
    for line in selection_lines(selection):
        (out if show_selection else err).print(line, highlight=False, soft_wrap=True)
    if selection.empty:
        raise fail(selection.message, code=1)
    if show_selection:
        return
    prepare_embedded_model()
    result = None
    try:
        for event in iter_summary(req, archive, make_chat_model(settings), settings, selection=selection):
            if isinstance(event, ReportMapped):
                m = event.mapped
                status = m.left_out or f"{len(m.facts)} feit(en)"
                err.print(f"[{event.index + 1}/{event.total}] {m.report.source_name}: {status} ({m.seconds:.1f} s)",
                          highlight=False)  # fmt: skip
            elif isinstance(event, WritingStarted):
                err.print(f"Schrijven uit {event.facts} feiten van {event.reports} verslag(en) ...")
            elif isinstance(event, SummaryDone):
                result = event.summary
    except NothingSelectedError as exc:
        raise fail(str(exc), code=1) from exc
    except SummaryError as exc:
        raise fail(str(exc)) from exc
    assert result is not None
    rendered = to_json(result) if fmt == "json" else to_markdown(result)
    if out_path:
        out_path.write_text(rendered, encoding="utf-8")
        err.print(f"Samenvatting geschreven naar {out_path} ({result.meta.total_seconds:.1f} s)")
    else:
        sys.stdout.write(rendered)


eval_app = typer.Typer(no_args_is_help=True, help="Evaluation: regression sets, reports, compare and gate (eval/).")
app.add_typer(eval_app, name="eval")


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


@eval_app.command("run")
def eval_run(
    sets: Annotated[
        list[str] | None, typer.Argument(help="drafting, grounding, retrieval, summaries (default: all)")
    ] = None,
    model: Annotated[str | None, typer.Option(help="embedded, embedded:ID, ollama:NAME or fake")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Run folder (default eval/runs/<time>-<model>)")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N cases per set")] = None,
    cases: Annotated[str | None, typer.Option(help="Only these case ids (comma-separated)")] = None,
    gate: Annotated[bool, typer.Option("--gate", help="Exit 1 when a metric falls below the baseline")] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline file (default eval/baseline.json; --split test: baseline-test.json)")
    ] = None,
    smoke: Annotated[bool, typer.Option("--smoke", help="The smoke subset of eval/smoke.yaml (tiny model)")] = False,
    judge: Annotated[bool, typer.Option("--judge", help="Also grade fluency with an LLM judge (slow)")] = False,
    cache_dir: Annotated[Path | None, typer.Option(help="Model output cache (default <data_dir>/eval-cache)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Generate every model output again")] = False,
    split: Annotated[str, typer.Option(help="dev (the sets tuned on) or test (held-out <set>-test*.yaml)")] = "dev",
    without_keywords: Annotated[
        bool, typer.Option("--without-keywords", help="Draft on the forms with their keyword lists removed")
    ] = False,
) -> None:
    """Run evaluation sets and write results, reports and (with --gate) the verdict."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.evaluation.commands import run_command

    code = run_command(sets or [], model_spec=model, out_dir=out_dir, limit=limit, cases=_csv(cases), gate=gate,
                       baseline=baseline, smoke=smoke, judge=judge, cache_dir=cache_dir, use_cache=not no_cache,
                       settings=get_settings(), split=split, without_keywords=without_keywords)  # fmt: skip
    raise typer.Exit(code)


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[Path, typer.Argument(help="Reference run folder")],
    run_b: Annotated[Path, typer.Argument(help="Candidate run folder")],
    md: Annotated[Path | None, typer.Option("--md", help="Also write the comparison as Markdown")] = None,
) -> None:
    """Compare two runs: metrics side by side with deltas, and per-case regressions."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.evaluation.commands import compare_command

    raise typer.Exit(compare_command(run_a, run_b, md))


@eval_app.command("baseline")
def eval_baseline(
    run: Annotated[Path, typer.Argument(help="Run folder whose figures become the accepted ones")],
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline file to update (default: eval/baseline.json, or baseline-test.json)")
    ] = None,
) -> None:
    """Accept a clean run's figures as the baseline (tolerances and notes are kept; dirty runs are refused)."""
    # lazy: loaded when this command runs, so the CLI starts without the other commands' packages
    from verslaghulp.evaluation.commands import baseline_command

    raise typer.Exit(baseline_command(run, baseline))


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

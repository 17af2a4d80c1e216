"""Tab "Evaluatie": how well the app does on the evaluation sets, for anyone; the details for evaluators.

What a newcomer sees first: what the figures mean (two Dutch sentences), the latest run's verdict in
one line, its scores and a plot per metric over the runs. "Snelle evaluatie starten" runs the smoke
subset with the tiny model in a process of its own (ui/smoke_run.py): the page shows its progress
while it runs, and its verdict and scores when it is done; drafting goes on meanwhile. The run folder,
the commands, the failing cases of a chosen run and the metrics' ids sit in the collapsed "Voor
evaluatoren" section.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from verslaghulp.audit import record_event
from verslaghulp.dutch import count, seconds
from verslaghulp.ui.common import handling, skip, warning
from verslaghulp.ui.services import Services

SCORE_HEADERS = ["Onderdeel", "Meting", "Waarde", "Vorige evaluatie", "Verloop", "Ondergrens"]
RUN_HEADERS = ["#", "Run", "Model", "Datum", "Duur", "Ondergrens"]
FAILURE_HEADERS = ["Onderdeel", "Geval", "Wat", "Verwacht", "Uitkomst"]
NAME_HEADERS = ["Onderdeel", "Meting", "Code", "Naam in de rapporten (Engels)"]
SMOKE_TEXT = (
    "Een snelle evaluatie draait een klein testmodel op een handvol vaste gevallen (een paar minuten). Het "
    "opstellen van verslagen gaat ondertussen gewoon door."
)
_POLL_S = 2.0
_MAX_FAILURES = 300
# What the figures mean, for someone who has never seen an evaluation.
INTRO = (
    "Hier ziet u hoe goed Verslaghulp zijn werk doet op vaste oefenstof: aantekeningen, verslagen en zoekvragen "
    "waarvan vooraf is vastgelegd wat er goed uit moet komen. Een percentage is het deel dat goed ging (hoger is "
    "beter); bij aantallen fouten en bij tijden is lager beter, en de ondergrens is het niveau dat niet mag dalen."
)


def build_evaluation_tab(services: Services, tab: gr.Tab) -> None:
    """Build the tab inside the current Blocks context and wire its events."""
    gr.Markdown(INTRO)
    verdict = gr.Markdown("", elem_classes=["vh-status"])
    with gr.Row():
        start = gr.Button("Snelle evaluatie starten", scale=0, min_width=240)
        gr.Markdown(SMOKE_TEXT, elem_classes=["vh-meta"])
    run_status = gr.Markdown("", elem_classes=["vh-run"])
    timer = gr.Timer(_POLL_S, active=False)
    scores = gr.Dataframe(headers=SCORE_HEADERS, interactive=False, label="Scores van de laatste evaluatie", wrap=True)
    plot = gr.Plot(label="Scores per evaluatie, van oud naar nieuw", format="png")
    refresh = gr.Button("Vernieuwen")
    with gr.Accordion("Voor evaluatoren", open=False):
        details = gr.Markdown("")
        runs_table = gr.Dataframe(headers=RUN_HEADERS, interactive=False, label="Runs (oudste eerst)", wrap=True)
        pick = gr.Dropdown(label="Run voor de mislukte gevallen", choices=[])
        failures = gr.Dataframe(headers=FAILURE_HEADERS, interactive=False, label="Mislukte gevallen", wrap=True,
                                column_widths=["9%", "15%", "18%", "25%", "33%"])  # fmt: skip
        run_log = gr.Markdown("")
        with gr.Accordion("Namen van de metingen", open=False):
            gr.Markdown("De code en de Engelse naam zijn die in de evaluatierapporten en op de opdrachtregel.",
                        elem_classes=["vh-meta"])  # fmt: skip
            names = gr.Dataframe(headers=NAME_HEADERS, interactive=False, wrap=True, elem_classes=["vh-meta"])

    def runs() -> Any:
        from verslaghulp.ui import scorecard  # matplotlib and the eval package load only when the tab is used

        return scorecard, scorecard.find_runs(services.eval_runs_dir)

    def failure_rows(run_id: str | None) -> list[list[str]]:
        scorecard, found = runs()
        chosen = next((r for r in found if r.summary.run_id == run_id), found[-1] if found else None)
        if chosen is None:
            return []
        rows = scorecard.failures(chosen)[:_MAX_FAILURES]
        return [[scorecard.SET_NAMES.get(f.set, f.set), f.case_id, f.what, f.expected, f.produced] for f in rows]

    def how_to_run() -> str:
        return (
            f"De runs staan in `{services.eval_runs_dir}`. Een nieuwe run: de knop 'Snelle evaluatie starten' of "
            "`verslaghulp eval run --smoke --gate` (klein testmodel, een paar minuten), of `verslaghulp eval run` "
            "(alle sets, het standaardmodel); met `--gate` wordt vergeleken met de ondergrens (`eval/baseline.json`)."
        )

    def smoke() -> Any:
        # lazy: the launcher (and through it the evaluation package) loads only when the tab is used
        from verslaghulp.ui.smoke_run import smoke_runs

        return smoke_runs(services.eval_runs_dir)

    def run_state() -> list[Any]:
        """The smoke run's status line, the timer (ticking while it runs) and its output after a failure."""
        status = smoke().status()
        log_text = f"Laatste regels van de uitvoer van **{status.run_id}**:\n```\n{status.log_tail}\n```" if (
            status.state == "failed" and status.log_tail) else ""  # fmt: skip
        return [status.text, gr.Timer(active=status.state == "running"), log_text]

    def on_refresh() -> list[Any]:
        scorecard, found = runs()
        names_rows = scorecard.metric_names()
        if not found:
            message = f"### Nog geen evaluatieruns\n{how_to_run()}"
            return [scorecard.verdict(found), [], None, message, [], gr.update(choices=[], value=None), [],
                    names_rows]  # fmt: skip
        latest = found[-1].summary
        message = (
            f"Laatste run **{latest.run_id}** ({latest.model or latest.model_spec}, "
            f"{latest.created_at.astimezone():%d-%m-%Y %H:%M}, {seconds(latest.seconds)}); "
            f"{count(len(found), 'run', 'runs')} in totaal.\n\n{how_to_run()}"
        )
        rows = [[scorecard.SET_NAMES.get(r.set, r.set), r.label, r.value, r.previous, r.trend, r.gate]
                for r in scorecard.scorecard(found)]  # fmt: skip
        run_rows = [
            [str(n), r.summary.run_id, r.summary.model or r.summary.model_spec,
             f"{r.summary.created_at.astimezone():%d-%m-%Y %H:%M}", seconds(r.summary.seconds),
             "–" if r.summary.gate is None else ("gehaald" if r.summary.gate.passed else "niet gehaald")]
            for n, r in enumerate(found, start=1)
        ]  # fmt: skip
        choices = [r.summary.run_id for r in reversed(found)]
        return [
            scorecard.verdict(found),
            rows,
            scorecard.history_figure(found),
            message,
            run_rows,
            gr.update(choices=choices, value=choices[0]),
            failure_rows(choices[0]),
            names_rows,
        ]

    def on_open() -> list[Any]:
        refreshed = on_refresh()  # first: the scorecard is slow on the first call (matplotlib loads)
        return [*run_state(), *refreshed]

    def on_start(request: gr.Request) -> list[Any]:
        # lazy: the launcher loads only when the tab is used
        from verslaghulp.ui.smoke_run import SmokeRunBusyError

        with handling(request, services.settings):
            try:
                smoke().start()
            except SmokeRunBusyError as exc:
                warning(str(exc))
            else:
                record_event("eval_smoke_started", settings=services.settings, detail="snelle evaluatie")
        return run_state()

    def on_tick() -> list[Any]:
        state = run_state()
        if smoke().running():
            return [*state, *[skip() for _ in outputs]]
        return [*state, *on_refresh()]  # done or failed: the new run's verdict and scores

    outputs = [verdict, scores, plot, details, runs_table, pick, failures, names]
    # One event of the tab at a time, in the order they came: with the app's default limit a slow tab
    # opening ran beside "Snelle evaluatie starten" and, finishing last, blanked its status line and
    # stopped its timer, so the progress never showed.
    queue: dict[str, Any] = {"concurrency_id": "evaluatie", "concurrency_limit": 1}
    status_outputs = [run_status, timer, run_log]
    for trigger in (refresh.click, tab.select):
        trigger(on_open, outputs=[*status_outputs, *outputs], api_visibility="private", **queue)
    start.click(on_start, outputs=status_outputs, api_visibility="private", **queue)
    timer.tick(on_tick, outputs=[*status_outputs, *outputs], api_visibility="private", show_progress="hidden",
               **queue)  # fmt: skip
    pick.input(lambda run_id: failure_rows(run_id) if run_id else skip(), inputs=pick, outputs=failures,
               api_visibility="private", **queue)  # fmt: skip

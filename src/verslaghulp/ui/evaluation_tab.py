"""Tab "Evaluatie": the latest evaluation runs as a scorecard, a plot per metric over runs, failing cases."""

from __future__ import annotations

from typing import Any

import gradio as gr

from verslaghulp.dutch import count, seconds
from verslaghulp.ui.common import skip
from verslaghulp.ui.services import Services

SCORE_HEADERS = ["Set", "Metriek", "Waarde", "Vorige run", "Trend", "Gate"]
RUN_HEADERS = ["#", "Run", "Model", "Datum", "Duur", "Gate"]
FAILURE_HEADERS = ["Set", "Case", "Wat", "Verwacht", "Uitkomst"]
_MAX_FAILURES = 300


def build_evaluation_tab(services: Services, tab: gr.Tab) -> None:
    """Build the tab inside the current Blocks context and wire its events."""
    intro = gr.Markdown("")
    with gr.Row():
        refresh = gr.Button("Vernieuwen")
        pick = gr.Dropdown(label="Run voor de mislukte cases", choices=[], scale=3)
    scores = gr.Dataframe(headers=SCORE_HEADERS, interactive=False, label="Scorekaart van de laatste run", wrap=True)
    plot = gr.Plot(label="Metrieken over de runs", format="png")
    runs_table = gr.Dataframe(headers=RUN_HEADERS, interactive=False, label="Runs (oudste eerst)", wrap=True)
    failures = gr.Dataframe(headers=FAILURE_HEADERS, interactive=False, label="Mislukte cases", wrap=True,
                            column_widths=["9%", "15%", "18%", "25%", "33%"])  # fmt: skip

    def runs() -> Any:
        from verslaghulp.ui import scorecard  # matplotlib and the eval package load only when the tab is used

        return scorecard, scorecard.find_runs(services.eval_runs_dir)

    def failure_rows(run_id: str | None) -> list[list[str]]:
        scorecard, found = runs()
        chosen = next((r for r in found if r.summary.run_id == run_id), found[-1] if found else None)
        if chosen is None:
            return []
        rows = scorecard.failures(chosen)[:_MAX_FAILURES]
        return [[f.set, f.case_id, f.what, f.expected, f.produced] for f in rows]

    def on_refresh() -> list[Any]:
        scorecard, found = runs()
        if not found:
            message = (
                f"### Nog geen evaluatieruns\nEr staan nog geen runs in `{services.eval_runs_dir}`. Start er een met "
                "`verslaghulp eval run --smoke` (klein testmodel, ongeveer een minuut) of `verslaghulp eval run`."
            )
            return [message, [], None, [], gr.update(choices=[], value=None), []]
        latest = found[-1].summary
        gate = "" if latest.gate is None else (" – gate gehaald" if latest.gate.passed else " – **gate niet gehaald**")
        message = (
            f"Laatste run **{latest.run_id}** ({latest.model or latest.model_spec}, "
            f"{latest.created_at.astimezone():%d-%m-%Y %H:%M}, {seconds(latest.seconds)}){gate}. "
            f"{count(len(found), 'run', 'runs')} in `{services.eval_runs_dir}`."
        )
        rows = [[r.set, r.label, r.value, r.previous, r.trend, r.gate] for r in scorecard.scorecard(found)]
        run_rows = [
            [str(n), r.summary.run_id, r.summary.model or r.summary.model_spec,
             f"{r.summary.created_at.astimezone():%d-%m-%Y %H:%M}", seconds(r.summary.seconds),
             "–" if r.summary.gate is None else ("gehaald" if r.summary.gate.passed else "niet gehaald")]
            for n, r in enumerate(found, start=1)
        ]  # fmt: skip
        choices = [r.summary.run_id for r in reversed(found)]
        return [
            message,
            rows,
            scorecard.history_figure(found),
            run_rows,
            gr.update(choices=choices, value=choices[0]),
            failure_rows(choices[0]),
        ]

    outputs = [intro, scores, plot, runs_table, pick, failures]
    for trigger in (refresh.click, tab.select):
        trigger(on_refresh, outputs=outputs, api_visibility="private", concurrency_id="evaluatie")
    pick.input(lambda run_id: failure_rows(run_id) if run_id else skip(), inputs=pick, outputs=failures,
               api_visibility="private", concurrency_id="evaluatie")  # fmt: skip

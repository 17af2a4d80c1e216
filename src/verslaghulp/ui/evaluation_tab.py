"""Tab "Evaluatie": how well the app does on the evaluation sets, for anyone; the details for evaluators.

What a newcomer sees first: what the figures mean (two Dutch sentences), the latest run's verdict in
one line, its scores and a plot per metric over the runs. The run folder, the commands and the failing
cases of a chosen run sit in the collapsed "Voor evaluatoren" section.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from verslaghulp.dutch import count, seconds
from verslaghulp.ui.common import skip
from verslaghulp.ui.services import Services

SCORE_HEADERS = ["Onderdeel", "Meting", "Waarde", "Vorige evaluatie", "Verloop", "Ondergrens"]
RUN_HEADERS = ["#", "Run", "Model", "Datum", "Duur", "Ondergrens"]
FAILURE_HEADERS = ["Onderdeel", "Geval", "Wat", "Verwacht", "Uitkomst"]
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
    scores = gr.Dataframe(headers=SCORE_HEADERS, interactive=False, label="Scores van de laatste evaluatie", wrap=True)
    plot = gr.Plot(label="Scores per evaluatie, van oud naar nieuw", format="png")
    refresh = gr.Button("Vernieuwen")
    with gr.Accordion("Voor evaluatoren", open=False):
        details = gr.Markdown("")
        runs_table = gr.Dataframe(headers=RUN_HEADERS, interactive=False, label="Runs (oudste eerst)", wrap=True)
        pick = gr.Dropdown(label="Run voor de mislukte gevallen", choices=[])
        failures = gr.Dataframe(headers=FAILURE_HEADERS, interactive=False, label="Mislukte gevallen", wrap=True,
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
        return [[scorecard.SET_NAMES.get(f.set, f.set), f.case_id, f.what, f.expected, f.produced] for f in rows]

    def how_to_run() -> str:
        return (
            f"De runs staan in `{services.eval_runs_dir}`. Een nieuwe run: `verslaghulp eval run --smoke` (klein "
            "testmodel, ongeveer een minuut) of `verslaghulp eval run` (alle sets, het standaardmodel); met "
            "`--gate` wordt vergeleken met de ondergrens (`eval/baseline.json`)."
        )

    def on_refresh() -> list[Any]:
        scorecard, found = runs()
        if not found:
            message = f"### Nog geen evaluatieruns\n{how_to_run()}"
            return [scorecard.verdict(found), [], None, message, [], gr.update(choices=[], value=None), []]
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
        ]

    outputs = [verdict, scores, plot, details, runs_table, pick, failures]
    for trigger in (refresh.click, tab.select):
        trigger(on_refresh, outputs=outputs, api_visibility="private", concurrency_id="evaluatie")
    pick.input(lambda run_id: failure_rows(run_id) if run_id else skip(), inputs=pick, outputs=failures,
               api_visibility="private", concurrency_id="evaluatie")  # fmt: skip

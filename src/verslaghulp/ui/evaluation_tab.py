"""Tab "Evaluatie": the latest evaluation runs as a scorecard, plots over runs, and failing cases."""

from __future__ import annotations

import gradio as gr

from verslaghulp.ui.services import Services


def build_evaluation_tab(services: Services, tab: gr.Tab) -> None:
    """Build the tab inside the current Blocks context and wire its events."""
    gr.Markdown(
        "### Evaluatie nog niet beschikbaar\nDe evaluatieresultaten verschijnen hier zodra `verslaghulp eval run` "
        f"een run heeft geschreven in `{services.eval_runs_dir}`."
    )

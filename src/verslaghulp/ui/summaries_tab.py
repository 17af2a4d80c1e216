"""Tab "Samenvatten": newsletter items and summaries over the archive (issue 6).

The summaries use case (`verslaghulp.summarising`) is not there yet; until it is, the tab says so
plainly instead of offering controls that cannot work.
"""

from __future__ import annotations

import gradio as gr

from verslaghulp.ui.services import Services

NOT_YET = (
    "### Samenvatten is nog niet beschikbaar\n"
    "Hier komen straks nieuwsberichten, managementsamenvattingen en jaaroverzichten over de verslagen in het "
    "archief, met bronvermelding per zin. Tot die tijd kunt u in het tabblad **Archief** zoeken en verslagen openen."
)


def build_summaries_tab(services: Services) -> None:
    """Build the tab inside the current Blocks context."""
    if not services.summaries_available():
        gr.Markdown(NOT_YET)
        return
    gr.Markdown(NOT_YET)  # wired once the summarising module's interface is settled

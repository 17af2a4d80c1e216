"""The look of the page: system fonts only (nothing is fetched from the internet), and a little CSS."""

from __future__ import annotations

import gradio as gr

# Local font stacks: Gradio's default theme would load a web font from a font CDN.
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Consolas", "Liberation Mono", "monospace"]

CSS = """
.vh-heading { font-size: 1rem; margin: 0 0 .25rem 0; }
.vh-meta { font-size: .85rem; margin: 0 0 .4rem 0; color: var(--body-text-color-subdued); }
.vh-badge { border-radius: 4px; padding: 0 .4rem; font-weight: 600; }
.vh-berekend { background: #e3f2fd; color: #0d47a1; }
.vh-model { background: #f3e5f5; color: #4a148c; }
.vh-leeg { background: #eceff1; color: #37474f; }
.vh-check { border-left: 4px solid #f9a825; background: #fffde7; color: #3e2723;
  padding: .4rem .6rem; margin: .3rem 0; }
.vh-check ol { margin: .2rem 0 0 1.2rem; }
mark.vh-unsupported { background: #ffe082; color: #3e2723; border-bottom: 2px solid #e65100; padding: 0 .1rem; }
.vh-computed { font-size: .9rem; }
.vh-computed ul { margin: .1rem 0 .3rem 1.2rem; }
.vh-how { color: var(--body-text-color-subdued); }
.vh-status { font-weight: 500; }
.vh-saved { font-size: .85rem; color: var(--body-text-color-subdued); }
/* A visible focus ring for keyboard users on every control. */
button:focus-visible, textarea:focus-visible, input:focus-visible, [role="tab"]:focus-visible,
summary:focus-visible { outline: 3px solid #1565c0 !important; outline-offset: 2px; }
"""


def theme() -> gr.themes.Base:
    """Gradio's default theme with local fonts."""
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)

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


# Gradio writes a few words in English whatever the browser's language: the heading of a toast group
# ("Error", "Warning": its type, capitalised), the progress line ("processing | 4.2s", "queue: 2/3") and
# file sizes with a decimal point ("36.6 KB").
# This script, run once on page load, puts them in Dutch where Gradio draws them (toasts, status
# trackers and file lists only, never the page's own texts) and keeps them so when Gradio redraws them.
PAGE_JS = r"""
() => {
  const TOAST = {Error: 'Fout', Warning: 'Let op', Info: 'Melding', Success: 'Gelukt'};
  const fix = (node) => {
    const el = node.parentElement;
    if (!el) return;
    const text = node.nodeValue;
    let next = text;
    if (el.closest('[data-testid="toast-body"] .toast-title-row')) {
      next = text.replace(/^(\s*)(Error|Warning|Info|Success)(\s*)$/, (m, a, w, b) => a + TOAST[w] + b);
    } else if (el.closest('.file-preview .download')) {
      next = text.replace(/(\d)\.(\d)(\s*(?:B|KB|MB|GB|PB)\b)/g, '$1,$2$3');
    } else if (el.closest('[data-testid="status-tracker"]')) {
      next = text.replace(/\bprocessing\b/g, 'bezig').replace(/\bqueue:/g, 'wachtrij:')
                 .replace(/(\d)\.(\d+)s\b/g, '$1,$2 s');
    }
    if (next !== text) node.nodeValue = next;
  };
  const walk = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { fix(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = it.nextNode(); n; n = it.nextNode()) fix(n);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') fix(r.target); else r.addedNodes.forEach(walk);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
  walk(document.body);
}
"""


def theme() -> gr.themes.Base:
    """Gradio's default theme with local fonts."""
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)

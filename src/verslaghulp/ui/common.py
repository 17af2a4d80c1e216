"""Small helpers shared by the tabs: queue names, file names, uploaded paths."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import gradio as gr

# Every event that calls the language model shares this concurrency id with limit 1: the embedded
# model serves one request at a time, and Gradio's queue shows the others their place in line.
MODEL_QUEUE = "taalmodel"
# Autosave, uploads and searches have their own ids, so they never wait behind a generation.
AUTOSAVE_QUEUE = "autosave"
ARCHIVE_QUEUE = "archief"


def slug(text: str, fallback: str = "verslag") -> str:
    """A safe file name stem from a title ("Gent 3 t/m 4 juni" -> "verslag-gent-3-t-m-4-juni")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:8]
    return "-".join([fallback, *words]) if words else fallback


def uploaded_path(value: Any) -> Path:
    """The path of an uploaded file, whether Gradio hands over a path or a file object."""
    return Path(value if isinstance(value, str | Path) else value.name)


def skip() -> Any:
    """An update that leaves the component as it is; a fresh update each time, as Gradio may fill in one it is given."""
    return gr.skip()


def error(message: str) -> gr.Error:
    """A Dutch error for the user (raise it); Gradio's default toast title is English."""
    return gr.Error(message, title="Fout", print_exception=False)


def warning(message: str) -> None:
    """Show a Dutch warning toast; the event goes on."""
    gr.Warning(message, title="Let op")

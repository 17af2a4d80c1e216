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

from verslaghulp.config import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="verslaghulp: verslagen van buitenlandse dienstreizen")
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
    from verslaghulp.report.forms import available_forms

    for form in available_forms(get_settings().extra_form_dirs()):
        out.print(f"[bold]{form.id}[/]  {form.title} ({form.organisation}), {len(form.questions)} vragen")


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


_ = Path, Annotated  # used by commands below

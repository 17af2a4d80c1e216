"""Small helpers shared by the tabs: queue names, file names, uploaded paths."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import gradio as gr

from verslaghulp.access import AccessDeniedError, User, parse_groups
from verslaghulp.audit import acting_as
from verslaghulp.concepts import ConceptError
from verslaghulp.config import Settings

T = TypeVar("T")
log = logging.getLogger(__name__)

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


def request_identity(request: gr.Request | None, settings: Settings) -> User:
    """Who made this request: Gradio's login, else the trusted proxy's header (with its groups), else nobody.

    Headers count only when the settings name them: any browser could send one.
    """
    if request is None:
        return User()
    host = request.client.host if request.client else None
    groups_header = settings.trusted_groups_header.strip()
    groups = parse_groups(request.headers.get(groups_header)) if groups_header else frozenset()
    if request.username:
        return User(str(request.username), groups, host)
    header = settings.trusted_user_header.strip()
    if header and (named := str(request.headers.get(header) or "").strip()):
        return User(named[:200], groups, host)
    return User(address=host)


def request_user(request: gr.Request | None, settings: Settings) -> str:
    """Who made this request, for the audit log: Gradio's login, the proxy's header, else the browser's address."""
    return request_identity(request, settings).audit_name


@contextmanager
def handling(request: gr.Request | None, settings: Settings) -> Iterator[User]:
    """Run a handler as the request's user (for the audit log); every failure becomes a Dutch error toast.

    Refusals and concept errors keep their (Dutch) message; anything unexpected says so, in Dutch and
    with a Dutch title, instead of Gradio's "Error". Not for generators: Gradio may resume them in
    another context (see `as_user`).
    """
    user = request_identity(request, settings)
    with acting_as(user.audit_name):
        try:
            yield user
        except gr.Error:
            raise
        except (ConceptError, AccessDeniedError) as exc:
            raise error(str(exc)) from exc
        except Exception as exc:
            log.exception("handler failed")
            raise error(f"Er ging iets mis ({type(exc).__name__}: {exc}). Probeer het opnieuw.") from exc


def as_user(user: str, steps: Iterator[T]) -> Iterator[T]:
    """Run every step of a generator as `user`: Gradio may resume a generator in another thread or context."""
    while True:
        with acting_as(user):
            try:
                item = next(steps)
            except StopIteration:
                return
        yield item


def search_filters(
    year_from: str | None, year_to: str | None, city: str | None, country: str | None, theme: str | None,
    *, include_examples: bool = True,
) -> Any:  # fmt: skip
    """The archive filters from the page's text boxes; a year that is not a year gets a Dutch error."""
    # lazy: chromadb loads when the archive is first used
    from verslaghulp.archive import SearchFilters

    def year(value: str | None) -> int | None:
        text = (value or "").strip()
        if not text:
            return None
        if not (text.isdigit() and len(text) == 4):
            raise error(f"“{text}” is geen jaartal; vul een jaar in als 2019.")
        return int(text)

    def clean(value: str | None) -> str | None:
        return (value or "").strip() or None

    return SearchFilters(year_from=year(year_from), year_to=year(year_to), city=clean(city), country=clean(country),
                         theme=clean(theme), include_examples=include_examples)  # fmt: skip

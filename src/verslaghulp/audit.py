"""The audit log: one JSON line per draft, summary, change of the shared archive, and refused access.

Drafts and summaries: who, when, which model and prompt versions; archive changes: who added or
deleted which report; refusals: who asked for what (another user's concept, an archive role).

Never the note text or the generated text: the log says that a document was made and how, not what
it says. Writing the log must never cost the user their draft, so a failure is logged and swallowed.
"""

from __future__ import annotations

import getpass
import json
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from verslaghulp.config import Settings
from verslaghulp.report.model import DraftMeta

log = logging.getLogger(__name__)
_lock = threading.Lock()
# Who is acting: the web app sets the logged-in user per request; the CLI falls back to the OS user.
_user: ContextVar[str | None] = ContextVar("verslaghulp_audit_user", default=None)


class AuditEntry(BaseModel):
    """One line of the audit log."""

    kind: str  # "draft", "summary", "archive_add", "archive_delete", "concept_refused" or "archive_refused"
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    user: str
    model: str = ""
    prompts: list[str] = Field(default_factory=list)
    form_id: str | None = None  # drafts: the form; summaries: the style
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    # Sizes only, so that unusual use can be spotted without the content.
    input_chars: int = 0
    # Summaries: how many archive reports were cited.
    sources: int | None = None
    # Archive changes and refusals: which report or concept (its id), and what was done or refused.
    target: str | None = None
    detail: str | None = None


@contextmanager
def acting_as(user: str) -> Iterator[None]:
    """Record `user` as the author of every draft made inside this block (e.g. one web request)."""
    token = _user.set(user)
    try:
        yield
    finally:
        _user.reset(token)


def current_user() -> str:
    """The user set with acting_as, else the operating-system user."""
    user = _user.get()
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers
        return "onbekend"


def audit_path(settings: Settings) -> Path:
    """Where the audit log is written."""
    return settings.audit_log or settings.data_dir / "audit.jsonl"


def write_entry(entry: AuditEntry, settings: Settings) -> None:
    """Append one entry; never raises (the draft matters more than its log line)."""
    if not settings.audit_enabled:
        return
    path = audit_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(entry.model_dump(mode="json"), ensure_ascii=False)
        with _lock, path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
    except OSError as exc:
        log.error("Auditregel kon niet worden geschreven naar %s: %s", path, exc)


def record_draft(meta: DraftMeta, settings: Settings) -> None:
    """Audit a finished draft from its metadata (which holds no note text)."""
    write_entry(
        AuditEntry(
            kind="draft",
            user=current_user(),
            model=meta.model,
            prompts=list(meta.prompts),
            form_id=meta.form_id,
            model_calls=len(meta.calls),
            prompt_tokens=meta.prompt_tokens,
            completion_tokens=sum(c.completion_tokens for c in meta.calls),
            seconds=round(meta.total_seconds, 3),
            input_chars=meta.notes_chars,
        ),
        settings,
    )


def record_summary(
    *,
    model: str,
    prompts: list[str],
    sources: int,
    seconds: float,
    settings: Settings,
    style: str | None = None,
    calls: Sequence[tuple[int, int]] = (),
    input_chars: int = 0,
) -> None:
    """Audit a summary made from the archive: `sources` reports cited, `calls` as (prompt, completion) tokens.

    `input_chars` is the length of the request; the request and the text themselves are not logged.
    """
    write_entry(
        AuditEntry(
            kind="summary",
            user=current_user(),
            model=model,
            prompts=prompts,
            form_id=style,
            model_calls=len(calls),
            prompt_tokens=sum(p for p, _ in calls),
            completion_tokens=sum(c for _, c in calls),
            seconds=round(seconds, 3),
            input_chars=input_chars,
            sources=sources,
        ),
        settings,
    )


def record_event(kind: str, *, settings: Settings, target: str | None = None, detail: str | None = None,
                 user: str | None = None) -> None:  # fmt: skip
    """Audit an archive change or a refused access: who (`user`, else the acting user), which id, what."""
    write_entry(AuditEntry(kind=kind, user=user or current_user(), target=target, detail=detail), settings)

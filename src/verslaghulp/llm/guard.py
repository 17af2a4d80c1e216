"""A process-wide switch that makes any accidental real-model call fail (used by unit tests)."""

from __future__ import annotations

_allowed = True


class RealModelBlockedError(RuntimeError):
    """A real model was about to be loaded or called while real models are blocked."""


def block_real_models() -> None:
    """Make every later real-model load or request raise RealModelBlockedError."""
    global _allowed
    _allowed = False


def allow_real_models() -> None:
    """Allow real models again."""
    global _allowed
    _allowed = True


def ensure_real_models_allowed(what: str) -> None:
    """Raise if real models are blocked; `what` names the model for the message."""
    if not _allowed:
        raise RealModelBlockedError(f"real model blocked in this process: {what} (use the fake backend in unit tests)")

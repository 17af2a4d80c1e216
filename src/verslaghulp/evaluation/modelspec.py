"""`--model` values: which backend and model an evaluation run drafts with."""

from __future__ import annotations

from typing import Any

from verslaghulp.config import Backend, Settings


class ModelSpecError(ValueError):
    """The --model value is not understood."""


def settings_for(spec: str, base: Settings, overrides: dict[str, Any] | None = None) -> Settings:
    """The settings for a model spec: `fake`, `embedded`, `embedded:ID`, `ollama` or `ollama:NAME`.

    `overrides` are extra settings fields (the smoke subset caps generation for the tiny model).
    """
    backend, _, name = spec.partition(":")
    update: dict[str, Any] = dict(overrides or {})
    if backend == Backend.FAKE.value and not name:
        update["backend"] = Backend.FAKE
    elif backend == Backend.EMBEDDED.value:
        update["backend"] = Backend.EMBEDDED
        if name:
            update["embedded_model"] = name
    elif backend == Backend.OLLAMA.value:
        update["backend"] = Backend.OLLAMA
        if name:
            update["ollama_model"] = name
    else:
        raise ModelSpecError(f"unknown --model {spec!r}: use embedded, embedded:ID, ollama:NAME or fake")
    # model_copy skips validation; validate so that a bad override fails here, not mid-run.
    return Settings.model_validate({**base.model_dump(), **update})


def describe(settings: Settings) -> str:
    """A short label of the configured model, before it is built (the draft records the exact one)."""
    if settings.backend is Backend.EMBEDDED:
        return f"embedded:{settings.embedded_model}"
    if settings.backend is Backend.OLLAMA:
        return f"ollama:{settings.ollama_model}"
    return "fake:fake"

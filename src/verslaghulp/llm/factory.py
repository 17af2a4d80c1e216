"""Choose and build the chat model from the settings; the embedded model is loaded once per process."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from verslaghulp.config import Backend, Settings
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.llm.weights import Progress, ensure_model, get_spec

_embedded: dict[tuple[str, int, int | None], EmbeddedChatModel] = {}
_embedded_lock = threading.Lock()
# Ollama counts tokens server-side only; ~3.5 characters per token is a safe estimate for Dutch.
_CHARS_PER_TOKEN = 3.5


@atexit.register
def _close_embedded_models() -> None:
    for model in _embedded.values():
        model.close()


def make_chat_model(settings: Settings, progress: Progress | None = None) -> BaseChatModel:
    """The chat model the settings ask for. Embedded weights are assembled on first use."""
    if settings.backend is Backend.FAKE:
        return FakeChatModel()
    if settings.backend is Backend.OLLAMA:
        from verslaghulp.llm.ollama import make_ollama_model

        return make_ollama_model(settings)
    if settings.backend is Backend.OPENAI:
        from verslaghulp.llm.openai_compat import make_openai_model

        return make_openai_model(settings)
    return embedded_model(settings, progress)


def embedded_model(settings: Settings, progress: Progress | None = None) -> EmbeddedChatModel:
    """The process-wide embedded model for these settings (weights verified, not yet loaded)."""
    key = (settings.embedded_model, settings.n_ctx, settings.n_threads)
    with _embedded_lock:
        if key not in _embedded:
            spec = get_spec(settings.embedded_model)
            path = ensure_model(spec, settings.model_cache_dir, progress)
            _embedded[key] = EmbeddedChatModel(
                model_path=str(path),
                model_name=spec.id,
                n_ctx=settings.n_ctx,
                n_threads=settings.n_threads,
                max_tokens=settings.max_answer_tokens,
                answer_cache_entries=settings.answer_cache_entries,
                model_sha256=spec.sha256,
                state_dir=str(settings.model_cache_dir / "states"),
            )
        return _embedded[key]


def model_label(model: BaseChatModel) -> str:
    """How a draft records the model: backend and model name."""
    if isinstance(model, EmbeddedChatModel):
        return f"embedded:{model.model_name}"
    if isinstance(model, FakeChatModel):
        return f"fake:{model.model_name}"
    name = getattr(model, "model", None) or getattr(model, "model_name", None) or type(model).__name__
    return f"{model._llm_type}:{name}"


def context_size(model: BaseChatModel, settings: Settings) -> int:
    """The context window the model runs with."""
    return model.n_ctx if isinstance(model, EmbeddedChatModel) else settings.n_ctx


def prompt_token_counter(model: BaseChatModel) -> Callable[[list[BaseMessage]], int]:
    """A function that counts (or, for remote models, estimates) a chat prompt's tokens."""
    if isinstance(model, EmbeddedChatModel | FakeChatModel):
        return model.prompt_tokens
    return lambda messages: int(sum(len(str(m.content)) for m in messages) / _CHARS_PER_TOKEN) + 8 * len(messages)

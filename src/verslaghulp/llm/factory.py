"""Choose and build the chat model (llm/port.py) from the settings; the embedded model is loaded once per process."""

from __future__ import annotations

import atexit
import threading

from verslaghulp.config import Backend, Settings
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.llm.port import ChatModel
from verslaghulp.llm.weights import Progress, ensure_model, get_spec

_embedded: dict[tuple[str, int, int | None], EmbeddedChatModel] = {}
_embedded_lock = threading.Lock()


@atexit.register
def _close_embedded_models() -> None:
    for model in _embedded.values():
        model.close()


def make_chat_model(settings: Settings, progress: Progress | None = None) -> ChatModel:
    """The chat model the settings ask for. Embedded weights are assembled on first use."""
    if settings.backend is Backend.FAKE:
        return FakeChatModel()
    if settings.backend is Backend.OLLAMA:
        # lazy: langchain-ollama loads only for this backend
        from verslaghulp.llm.ollama import make_ollama_model

        return make_ollama_model(settings)
    if settings.backend is Backend.OPENAI:
        # lazy: langchain-openai (and the openai client) load only for this backend
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

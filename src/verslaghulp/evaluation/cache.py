"""A disk cache for model outputs, so an unchanged case is not generated again.

It plugs into LangChain's own cache hook (`BaseChatModel.cache`, the port's `cache`), so it sits exactly at the model
call: the drafting code around the model still runs on every evaluation (a code change is always
measured), and only generation is skipped. The key is the model label, LangChain's description of
the call (model parameters, the JSON schema, max_tokens) and the full rendered prompt messages,
which contain the prompt files' text (so their `name@version`), the form's question and the notes:
change any of them and the call is generated again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from langchain_core.caches import BaseCache
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, Generation

from verslaghulp.llm.port import ChatModel

CACHE_FORMAT = 1


class CacheUse(NamedTuple):
    """Cache counters: calls served, calls generated, and the model seconds the served calls saved."""

    hits: int = 0
    misses: int = 0
    saved_seconds: float = 0.0


class DiskLLMCache(BaseCache):
    """Model outputs as one JSON file per call under `folder`, with hit/miss counters."""

    def __init__(self, folder: Path, model_label: str) -> None:
        self.folder = folder
        self.model_label = model_label
        self.hits = 0
        self.misses = 0
        # Model seconds that cache hits saved, as recorded when the outputs were generated.
        self.saved_seconds = 0.0

    def snapshot(self) -> CacheUse:
        """The counters now, to tell what one case used (`since`)."""
        return CacheUse(self.hits, self.misses, self.saved_seconds)

    def since(self, before: CacheUse) -> CacheUse:
        """Hits, misses and saved model seconds since `before`."""
        return CacheUse(self.hits - before.hits, self.misses - before.misses, self.saved_seconds - before.saved_seconds)

    def key(self, prompt: str, llm_string: str) -> str:
        """The cache key of one call."""
        digest = hashlib.sha256()
        for part in (f"format={CACHE_FORMAT}", self.model_label, llm_string, prompt):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def lookup(self, prompt: str, llm_string: str) -> Sequence[Generation] | None:
        """The stored generations of this call, or None."""
        path = self._path(self.key(prompt, llm_string))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        generations = [
            ChatGeneration(
                message=AIMessage(
                    content=g["content"],
                    usage_metadata=g.get("usage_metadata"),
                    response_metadata={**g.get("response_metadata", {}), "cache_hit": True},
                )
            )
            for g in data["generations"]
        ]
        self.hits += 1
        self.saved_seconds += float(data.get("seconds", 0.0))
        return generations

    def update(self, prompt: str, llm_string: str, return_val: Sequence[Generation]) -> None:
        """Store the generations of a call (atomically: a crash never leaves half a file)."""
        generations: list[dict[str, Any]] = []
        seconds = 0.0
        for g in return_val:
            message = getattr(g, "message", None)
            if not isinstance(message, AIMessage):
                return  # only chat messages are cached; anything else is simply generated again
            meta = dict(message.response_metadata or {})
            seconds += float(
                meta.get("wall_seconds", meta.get("prompt_seconds", 0.0) + meta.get("generation_seconds", 0.0))
            )
            generations.append(
                {
                    "content": message.content if isinstance(message.content, str) else str(message.content),
                    "usage_metadata": dict(message.usage_metadata) if message.usage_metadata else None,
                    "response_metadata": meta,
                }
            )
        record = {
            "format": CACHE_FORMAT,
            "model": self.model_label,
            "created_at": datetime.now(UTC).isoformat(),
            "seconds": round(seconds, 4),
            "generations": generations,
        }
        path = self._path(self.key(prompt, llm_string))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False)
        Path(tmp).replace(path)

    def clear(self, **kwargs: Any) -> None:
        """Remove every stored output."""
        for path in self.folder.glob("*/*.json"):
            path.unlink(missing_ok=True)


@contextmanager
def cached_model(model: ChatModel, cache: DiskLLMCache | None) -> Iterator[ChatModel]:
    """Attach the cache to the model for the duration; the model is shared, so it is restored after."""
    if cache is None:
        yield model
        return
    previous = model.cache
    model.cache = cache
    try:
        yield model
    finally:
        model.cache = previous

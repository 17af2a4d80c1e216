"""A prompt's tokens, estimated, for the remote backends (Ollama and OpenAI-compatible servers count server-side)."""

from __future__ import annotations

from langchain_core.messages import BaseMessage

# ~3.5 characters per token is a safe (generous) estimate for Dutch.
CHARS_PER_TOKEN = 3.5
# What the chat template adds per message (role markers, separators), generously.
TEMPLATE_TOKENS_PER_MESSAGE = 8


def estimate_tokens(messages: list[BaseMessage]) -> int:
    """A generous estimate of a chat prompt's tokens."""
    chars = sum(len(str(m.content)) for m in messages)
    return int(chars / CHARS_PER_TOKEN) + TEMPLATE_TOKENS_PER_MESSAGE * len(messages)

"""The evaluated state of a shared prompt prefix, kept on disk for every later process.

Every drafting call starts with the same instructions (800-odd tokens, 10-15 s to evaluate on a
2-core laptop). A process evaluates them once and writes llama.cpp's state of that sequence (its
KV cache) here; a new process (a CLI draft, an eval run, the app after a restart) reads it back in
well under a second instead of evaluating the tokens again.

A file is only used when everything that determines its bytes is the same: the model file (its
sha256), the exact prefix (the hash of its text and the token ids themselves), the context
settings and the llama.cpp build. The file carries these in its header and the sha256 of its
payload; a file that was written by another setup, cut short or damaged is removed and rebuilt,
never loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MAGIC = b"verslaghulp-prefix-state\n"
_HEADER_LENGTH = struct.Struct("<Q")
# A header is a few kB (the token ids as JSON); anything larger is not ours.
_MAX_HEADER = 4 << 20


class StateFileError(ValueError):
    """A saved state that must not be used: another setup, a cut-short or damaged file."""


@dataclass(frozen=True)
class StateKey:
    """Everything the saved bytes depend on. Two processes with equal keys may share a file."""

    model_sha256: str
    prefix_sha256: str
    n_tokens: int
    context: tuple[tuple[str, int | str], ...]
    runtime: str
    format: int = FORMAT_VERSION

    def as_dict(self) -> dict[str, object]:
        """The key as JSON-ready data (as written into the file's header)."""
        data = asdict(self)
        data["context"] = [list(pair) for pair in self.context]
        return data

    def digest(self) -> str:
        """sha256 of the key: the file name."""
        return hashlib.sha256(json.dumps(self.as_dict(), sort_keys=True).encode()).hexdigest()


def prefix_key(
    model_sha256: str, prefix_text: str, n_tokens: int, context: dict[str, int | str], runtime: str
) -> StateKey:
    """The key of a prefix's state: model hash, prompt text hash, token count, context settings, runtime."""
    return StateKey(
        model_sha256=model_sha256,
        prefix_sha256=hashlib.sha256(prefix_text.encode("utf-8")).hexdigest(),
        n_tokens=n_tokens,
        context=tuple(sorted(context.items())),
        runtime=runtime,
    )


def encode_state(key: StateKey, tokens: list[int], payload: bytes) -> bytes:
    """The file's bytes: magic, header length, header (key, tokens, payload size and hash), payload."""
    header = json.dumps(
        {
            "key": key.as_dict(),
            "tokens": tokens,
            "payload_bytes": len(payload),
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
        },
        sort_keys=True,
    ).encode()
    return MAGIC + _HEADER_LENGTH.pack(len(header)) + header + payload


def decode_state(data: bytes, key: StateKey, tokens: list[int]) -> bytes:
    """The payload of a file written for exactly this key and these tokens; StateFileError otherwise."""
    if not data.startswith(MAGIC):
        raise StateFileError("not a saved prefix state")
    start = len(MAGIC) + _HEADER_LENGTH.size
    if len(data) < start:
        raise StateFileError("file cut short in its header")
    (header_length,) = _HEADER_LENGTH.unpack_from(data, len(MAGIC))
    if header_length > _MAX_HEADER or len(data) < start + header_length:
        raise StateFileError("file cut short in its header")
    try:
        header = json.loads(data[start : start + header_length])
    except ValueError as exc:
        raise StateFileError(f"unreadable header: {exc}") from exc
    if not isinstance(header, dict) or header.get("key") != key.as_dict():
        raise StateFileError("written for another model, prompt, context or runtime")
    if header.get("tokens") != tokens:
        raise StateFileError("written for other tokens")
    payload = data[start + header_length :]
    if len(payload) != header.get("payload_bytes"):
        raise StateFileError(f"payload is {len(payload)} bytes, the header says {header.get('payload_bytes')}")
    if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise StateFileError("payload does not match its sha256")
    return payload


class PrefixStateStore:
    """Saved prefix states in one folder (the model cache's `states/`), the most recently used kept."""

    def __init__(self, directory: Path, keep: int = 8) -> None:
        self.directory = directory
        self.keep = keep

    def path_for(self, key: StateKey) -> Path:
        """Where the state for this key is kept."""
        return self.directory / f"{key.digest()[:32]}.state"

    def load(self, key: StateKey, tokens: list[int]) -> bytes | None:
        """The payload saved for this key, or None. A file that fails any check is deleted."""
        path = self.path_for(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("saved prefix state %s unreadable (%s): it is evaluated again", path.name, exc)
            return None
        try:
            payload = decode_state(data, key, tokens)
        except StateFileError as exc:
            self.discard(key, str(exc))
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: kept when the folder is pruned
        return payload

    def discard(self, key: StateKey, reason: str) -> None:
        """Remove a state that must not be used; the next process that needs it rebuilds it."""
        path = self.path_for(key)
        log.warning("saved prefix state %s not used (%s): removed, it is rebuilt", path.name, reason)
        with contextlib.suppress(OSError):
            path.unlink()

    def save(self, key: StateKey, tokens: list[int], payload: bytes) -> Path | None:
        """Write the state under a temporary name and rename it, so no reader ever sees half a file."""
        path = self.path_for(key)
        partial = path.with_name(f"{path.name}.partial-{os.getpid()}")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(encode_state(key, tokens, payload))
            partial.replace(path)
        except OSError as exc:
            log.warning("prefix state not saved in %s: %s", self.directory, exc)
            with contextlib.suppress(OSError):
                partial.unlink()
            return None
        self._prune()
        return path

    def _prune(self) -> None:
        try:
            files = sorted(self.directory.glob("*.state"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in files[self.keep :]:
            with contextlib.suppress(OSError):
                old.unlink()

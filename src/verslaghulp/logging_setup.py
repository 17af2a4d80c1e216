"""Logging for the app: readable text or JSON lines (for log collectors), from the settings.

Note text must never reach the log at INFO or above: modules log sizes, ids and timings, and
anything with content only at DEBUG. The JSON formatter also drops record arguments that look like
long free text as a second line of defence.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from verslaghulp.config import LogFormat, Settings

# Extra fields a caller may attach with `extra={...}` that belong in the JSON line.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}
# Longer string arguments than this are not logged at INFO and above (they are likely note text).
MAX_ARG_CHARS = 200


class JsonLineFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line."""
        if record.levelno >= logging.INFO and isinstance(record.args, tuple):
            record.args = tuple(
                f"<{len(a)} tekens weggelaten>" if isinstance(a, str) and len(a) > MAX_ARG_CHARS else a
                for a in record.args
            )
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(settings: Settings) -> None:
    """Set up the root logger once per process from the settings (format and level)."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_format is LogFormat.JSON:
        handler.setFormatter(JsonLineFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_verslaghulp", False)]:
        root.removeHandler(old)
    handler._verslaghulp = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    # Client libraries log request URLs and bodies at INFO/DEBUG; keep them quiet.
    for noisy in ("httpx", "httpcore", "openai", "chromadb", "urllib3"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))

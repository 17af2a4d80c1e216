"""A scripted model server: real HTTP on 127.0.0.1 (random port) replaying JSON and NDJSON replies."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Reply:
    """One scripted reply: status, a JSON body, or a list of NDJSON lines (a stream)."""

    status: int = 200
    body: Any = None
    lines: list[dict[str, Any]] | None = None
    delay: float = 0.0


@dataclass
class ScriptedServer:
    """Replies queued per path; every request is recorded (path and JSON body)."""

    url: str = ""
    queues: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, Any]] = field(default_factory=list)

    def script(self, path: str, *replies: Reply) -> None:
        self.queues.setdefault(path, []).extend(replies)


def ollama_stream(content: str, *, prompt_tokens: int = 40, completion_tokens: int = 6) -> list[dict[str, Any]]:
    """An /api/chat stream as Ollama sends it: content pieces, then a final line with counts and ns durations."""
    pieces = [content[i : i + 5] for i in range(0, len(content), 5)]
    lines: list[dict[str, Any]] = [
        {
            "model": "m",
            "created_at": "2026-11-24T10:00:00Z",
            "message": {"role": "assistant", "content": p},
            "done": False,
        }
        for p in pieces
    ]
    lines.append(
        {
            "model": "m",
            "created_at": "2026-11-24T10:00:01Z",
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "stop",
            "total_duration": 900_000_000,
            "load_duration": 1_000_000,
            "prompt_eval_count": prompt_tokens,
            "prompt_eval_duration": 200_000_000,
            "eval_count": completion_tokens,
            "eval_duration": 600_000_000,
        }
    )
    return lines


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    state = ScriptedServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            state.requests.append((self.path, json.loads(raw) if raw else None))
            queue = state.queues.get(self.path.split("?")[0], [])
            reply = queue.pop(0) if queue else Reply(404, {"error": "not scripted"})
            if reply.delay:
                threading.Event().wait(reply.delay)
            if reply.lines is not None:
                data = b"".join(json.dumps(line).encode() + b"\n" for line in reply.lines)
                ctype = "application/x-ndjson"
            else:
                data = json.dumps(reply.body).encode()
                ctype = "application/json"
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        do_GET = _reply  # noqa: N815  (http.server names)
        do_POST = _reply  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()

"""Serve the app on loopback, and call its events the way a script can: by name, the hidden ones included.

gradio_client refuses events marked private on its own side, but the server runs them for whoever
names them (the page itself calls them by index). `call` shows what such a script gets.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from verslaghulp.config import Settings
from verslaghulp.ui.app import build_app, start_app
from verslaghulp.ui.services import Services


@contextmanager
def serve(settings: Settings, services: Services | None = None) -> Iterator[str]:
    """The app for these settings on a free loopback port, without warm-up; yields its address."""
    app = build_app(settings, services)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    start_app(app, settings, host="127.0.0.1", port=port, warm_up=False, block=False)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app.close()


class PageError(Exception):
    """The event ended with an error; the message is what the page would show."""


def upload(base_url: str, path: Path, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """Upload a file as the page does; returns the value a File input takes."""
    with path.open("rb") as handle:
        response = httpx.post(f"{base_url}/gradio_api/upload", files={"files": (path.name, handle)},
                              headers=headers or {}, timeout=60)  # fmt: skip
    response.raise_for_status()
    return {"path": response.json()[0], "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}


def call(base_url: str, name: str, *data: Any, headers: dict[str, str] | None = None, session: str | None = None,
         timeout: float = 600) -> Any:  # fmt: skip
    """Run the event named `name` with these inputs; returns the last outputs, raises PageError on an error.

    `session` is the page's session (a browser tab): events in one session share its lists and state.
    """
    with httpx.Client(base_url=f"{base_url}/gradio_api", headers=headers or {}, timeout=timeout) as http:
        joined = http.post(f"/call/{name}", json={"data": list(data), "session_hash": session})
        joined.raise_for_status()
        event, outputs = "", None
        with http.stream("GET", f"/call/{name}/{joined.json()['event_id']}") as stream:
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    event = line.removeprefix("event:").strip()
                elif line.startswith("data:"):
                    payload = line.removeprefix("data:").strip()
                    if event == "error":
                        raise PageError(payload)
                    if event in ("generating", "complete") and payload != "null":
                        outputs = json.loads(payload)
                    if event == "complete":
                        return outputs
    raise PageError(f"no result from {name}")

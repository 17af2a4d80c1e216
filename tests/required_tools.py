"""Tests that need a system tool (Chromium, LibreOffice, docker-compose): skip locally, fail under CI.

`scripts/setup.sh dev` installs these tools with apt where it can. On a developer's machine without
them the tests skip, saying what is missing and how to install it. When the environment variable
`CI` is set (to anything but "", "0", "false" or "no"), a green run must prove that the page, the
export and the compose file were tested, so the same test fails instead, naming what is missing.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

_OFF = {"", "0", "false", "no"}


def strict() -> bool:
    """Whether missing tools fail the tests (CI is set) rather than skip them."""
    return os.environ.get("CI", "").strip().lower() not in _OFF


def missing_tool(what: str, install: str) -> NoReturn:
    """Skip the test because `what` is not installed, or fail it under CI; `install` says how to get it."""
    if strict():
        pytest.fail(f"CI is set, so this test may not skip: {what} is not installed ({install})", pytrace=False)
    pytest.skip(f"{what} is not installed ({install})")


def require(present: bool, what: str, install: str) -> None:
    """`missing_tool` unless the tool is present."""
    if not present:
        missing_tool(what, install)

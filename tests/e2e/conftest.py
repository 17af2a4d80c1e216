"""Browser tests: Debian's Chromium driven by Playwright against the app served on loopback.

The app runs with the tiny real model (SmolLM2-135M) and a real archive with the example reports.
Chromium is never downloaded by a test tool: `scripts/setup.sh dev` installs Debian's package, and
without it these tests skip with the reason (and fail when CI is set: tests/required_tools.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.page_calls import serve
from tests.required_tools import require
from verslaghulp.config import Settings
from verslaghulp.ui.services import Services

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"


@dataclass(frozen=True)
class RunningApp:
    """The app under test: its address, settings and services (for looking behind the page)."""

    url: str
    settings: Settings
    services: Services


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require(CHROMIUM.exists(), f"Debian's Chromium ({CHROMIUM})", "run scripts/setup.sh dev (needs apt)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def serving(settings: Settings, services: Services) -> Iterator[RunningApp]:
    """The app for these settings and services, served on loopback without warm-up."""
    with serve(settings, services) as url:
        yield RunningApp(f"{url}/", settings, services)


@pytest.fixture(scope="module")
def running_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One app per test module (a launch costs seconds on 2 cores), with the example archive loaded."""
    data = tmp_path_factory.mktemp("e2e-data")
    settings = Settings(embedded_model="smollm2-135m", n_ctx=4096, max_answer_tokens=120, data_dir=data,
                        model_cache_dir=data / "models")  # fmt: skip
    services = Services.from_settings(settings, eval_runs_dir=data / "eval-runs")
    services.archive().load_examples()
    with serving(settings, services) as app:
        yield app


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Iterator[object]:
    """`shots(page, "name")` saves a full-page screenshot under test-artifacts/e2e/<test>/."""
    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    count = iter(range(1, 100))

    def take(page: object, name: str) -> Path:
        path = folder / f"{next(count):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        return path

    yield take

"""Make the README's screenshots of the four tabs (docs/screenshots/*.png) in Debian's Chromium.

    .venv/bin/python docs/make_screenshots.py [--runs eval/runs] [--model qwen2.5-coder-1.5b]

Serves the app on loopback with a fresh data folder (the example archive loaded), drafts the example
notes for Vienna with the chosen embedded model, and photographs each tab. The Evaluatie tab shows the
runs in --runs (make some with `verslaghulp eval run --smoke`).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import socket
import tempfile
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from verslaghulp.config import Settings
from verslaghulp.ui.app import build_app, start_app
from verslaghulp.ui.services import Services

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
NOTES = REPO / "examples" / "notes" / "wenen-2025.txt"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
WAIT_MS = 900_000
SUMMARY_REQUEST = "Schrijf een nieuwsbericht over wat de reizen over drones hebben opgeleverd"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _shot(page: Page, name: str, height: int) -> None:
    """A full-page screenshot cut to `height` pixels (the README shows the top of each tab)."""
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    with Image.open(path) as image:
        image.crop((0, 0, image.width, min(height, image.height))).save(path, optimize=True)
    print(f"wrote {path.relative_to(REPO)}")


def main() -> None:
    """Serve, click through the tabs, and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=Path, default=REPO / "eval" / "runs", help="evaluation run folders")
    parser.add_argument("--model", default=Settings().embedded_model, help="embedded model id")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="verslaghulp-shots-"))
    settings = Settings(embedded_model=args.model, data_dir=data)
    services = Services.from_settings(settings, eval_runs_dir=args.runs)
    services.archive().load_examples()
    app = build_app(settings, services)
    port = _port()
    start_app(app, settings, host="127.0.0.1", port=port, warm_up=False, block=False)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
            page.goto(f"http://127.0.0.1:{port}/")
            box = page.get_by_label("Aantekeningen", exact=True)
            box.fill(NOTES.read_text(encoding="utf-8"))
            box.press("Tab")
            page.get_by_role("button", name="Verslag opstellen", exact=True).click()
            page.locator(".vh-status", has_text="vragen:").last.wait_for(timeout=WAIT_MS)
            _shot(page, "verslag-opstellen", 2600)

            page.get_by_role("tab", name="Archief").click()
            page.get_by_label("Zoekvraag").fill("drones en dronedetectie")
            page.get_by_label("Zoekvraag").press("Enter")
            page.get_by_text(re.compile(r"verslag(en)? gevonden")).wait_for(timeout=WAIT_MS)
            _shot(page, "archief", 1700)

            page.get_by_role("tab", name="Samenvatten").click()
            page.get_by_label("Verzoek").fill(SUMMARY_REQUEST)
            page.get_by_role("button", name="Verslagen kiezen").click()
            page.get_by_text("verslagen gekozen").first.wait_for(timeout=WAIT_MS)
            page.get_by_role("button", name="Samenvatting schrijven").click()
            page.locator(".vh-status", has_text="Klaar in").last.wait_for(timeout=WAIT_MS)
            _shot(page, "samenvatten", 2600)

            page.get_by_role("tab", name="Evaluatie").click()
            page.get_by_text("Laatste evaluatie (").or_(page.get_by_text("Nog geen oordeel")).first.wait_for()
            page.wait_for_timeout(1500)
            _shot(page, "evaluatie", 2200)
            browser.close()
    finally:
        app.close()
    # The app's own process (the browser is another): model, archive, e5 and Gradio after a draft,
    # a search and a summary.
    print(f"peak memory of the app: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB ({args.model})")


if __name__ == "__main__":
    main()

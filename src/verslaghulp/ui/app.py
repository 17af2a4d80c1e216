"""The web app: four tabs over the use cases, Gradio's queue, local fonts, no analytics.

`build_app` makes the page; `launch_app` (used by `verslaghulp serve`) and `start_app` (used by the
tests) serve it. The page holds no logic: every handler calls a use case (see the tab modules).

The API meant for scripts (gradio_client, `/gradio_api/call/<name>`) is `PUBLIC_API`; every other
event is hidden (`api_visibility="private"`). Gradio still runs a hidden event for whoever names it
(the page itself calls events by their index), so hiding is no security boundary: every handler
works as the request's user, in that user's concepts, with the archive roles checked.
"""

from __future__ import annotations

import ipaddress
import logging
import weakref
from collections.abc import Sequence
from typing import cast

import gradio as gr

from verslaghulp.config import Settings
from verslaghulp.health import make_health_router
from verslaghulp.ui.archive_tab import build_archive_tab
from verslaghulp.ui.drafting_tab import build_drafting_tab
from verslaghulp.ui.evaluation_tab import build_evaluation_tab
from verslaghulp.ui.services import Services
from verslaghulp.ui.summaries_tab import build_summaries_tab
from verslaghulp.ui.theme import CSS, PAGE_JS, theme

log = logging.getLogger(__name__)
TITLE = "verslaghulp"
PUBLIC_API = (
    "opstellen",  # notes and form in, the draft out (in the caller's concepts)
    "exporteren",  # a concept of the caller's as .docx and .md
    "archief_zoeken",
    "archief_lijst",
    "archief_openen",
    "archief_toevoegen",  # role archive_add
    "archief_verwijderen",  # role archive_delete
    "samenvatten_kiezen",
    "samenvatten",
)
HEADER = (
    "# Verslaghulp – verslagen van buitenlandse dienstreizen\n"
    "Alles blijft op deze computer: aantekeningen en verslagen gaan niet naar internet."
)
# Lets `launch_app` find the services of an app built by `build_app` (the CLI passes only the app).
_services: weakref.WeakKeyDictionary[gr.Blocks, Services] = weakref.WeakKeyDictionary()


def build_app(settings: Settings, services: Services | None = None) -> gr.Blocks:
    """The Gradio app for these settings."""
    services = services or Services.from_settings(settings)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as app:
        gr.Markdown(HEADER)
        with gr.Tabs():
            with gr.Tab("Verslag opstellen", id="opstellen"):
                drafting = build_drafting_tab(services)
            with gr.Tab("Archief", id="archief") as archive_tab:
                build_archive_tab(services, archive_tab)
            with gr.Tab("Samenvatten", id="samenvatten"):
                build_summaries_tab(services)
            with gr.Tab("Evaluatie", id="evaluatie") as evaluation_tab:
                build_evaluation_tab(services, evaluation_tab)
        # After a refresh or on a new visit, reopen the concept the browser remembers.
        app.load(drafting.restore, inputs=drafting.concept_id, outputs=drafting.everything,
                 api_name="concept_herstellen", api_visibility="private")  # fmt: skip
    blocks = cast(gr.Blocks, app)
    _services[blocks] = services
    return blocks


def _queue(app: gr.Blocks) -> None:
    # Model-bound events set their own concurrency id with limit 1 (ui.common.MODEL_QUEUE); this default
    # covers the rest (search, archive reads), which run alongside a generation.
    app.queue(default_concurrency_limit=4)


def start_app(
    app: gr.Blocks, settings: Settings, *, host: str | None = None, port: int | None = None, warm_up: bool = True,
    load_examples: bool = True, block: bool = True, open_browser: bool = False,
    auth: Sequence[tuple[str, str]] | None = None,
) -> gr.Blocks:  # fmt: skip
    """Queue and serve the app with /healthz and /livez; with `warm_up`, load the model and archive in the background.

    The health routes are plain FastAPI routes beside Gradio's, outside its queue, so a load balancer
    gets an answer while the model is busy drafting. `auth` turns on Gradio's own login (user, password).
    """
    services = _services.get(app) or Services.from_settings(settings)
    _warn_if_shared_without_login(settings, host or settings.host, auth)
    if warm_up:
        services.warm_up(load_examples=load_examples)
    _queue(app)
    server, _, _ = app.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        inbrowser=open_browser,
        # Always return from launch, so the health routes are added before anyone is told the app is up.
        prevent_thread_lock=True,
        show_error=True,
        quiet=not block,
        theme=theme(),
        css=CSS,
        js=PAGE_JS,
        footer_links=[],
        # Gradio would otherwise keep every run's inputs (the notes) in the browser's localStorage.
        run_history=False,
        allowed_paths=[],
        auth=list(auth) if auth else None,
    )
    server.include_router(make_health_router(lambda: settings))
    if block:
        app.block_thread()
    return app


def _warn_if_shared_without_login(settings: Settings, host: str, auth: object) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not auth and not settings.trusted_user_header.strip():
        log.warning(
            "Serving on %s without a login: everyone who reaches the page is the same local user and sees the same "
            "concepts. Behind a login proxy set VERSLAGHULP_TRUSTED_USER_HEADER (README, 'Op een server').",
            host,
        )


def launch_app(app: gr.Blocks, settings: Settings, *, host: str | None, port: int | None, open_browser: bool) -> None:
    """Serve the app until stopped (`verslaghulp serve`, which fills an empty archive with the examples itself)."""
    start_app(app, settings, host=host, port=port, open_browser=open_browser, block=True, load_examples=False)

"""Health of the app's parts for operators: is the model reachable, is the archive reachable.

`check_health(settings)` returns a pydantic status; `make_health_router()` serves it as
GET /healthz (200 when everything is usable, 503 otherwise) for load balancers and monitoring.
Checks are cheap and bounded by short timeouts; they never load or call the model.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import httpx
from pydantic import BaseModel

from verslaghulp.config import Backend, ChromaMode, Settings, get_settings
from verslaghulp.llm.remote_errors import ModelServerError

if TYPE_CHECKING:
    from fastapi import APIRouter

TIMEOUT = 3.0


class ComponentHealth(BaseModel):
    """One part: usable or not, and a Dutch sentence an operator can act on."""

    ok: bool
    detail: str
    seconds: float = 0.0


class HealthStatus(BaseModel):
    """The whole app: `status` is "ok" only when every part is."""

    status: Literal["ok", "fout"]
    model: ComponentHealth
    archive: ComponentHealth


def _timed(check: Callable[[Settings], tuple[bool, str]], settings: Settings) -> ComponentHealth:
    started = time.perf_counter()
    try:
        ok, detail = check(settings)
    except ModelServerError as exc:
        ok, detail = False, str(exc)
    except Exception as exc:  # a health check reports, it does not crash
        ok, detail = False, f"Controle mislukt: {exc}"
    return ComponentHealth(ok=ok, detail=detail, seconds=round(time.perf_counter() - started, 3))


def _module_present(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def check_model(settings: Settings) -> tuple[bool, str]:
    """Whether the configured model can be used (server answers and knows the model, or weights present)."""
    if settings.backend is Backend.FAKE:
        return True, "Testmodel (fake)."
    if settings.backend is Backend.OLLAMA:
        # lazy: only the configured backend's module loads
        from verslaghulp.llm.ollama import check_ollama

        check_ollama(settings.ollama_base_url, settings.ollama_model, timeout=TIMEOUT)
        return True, f"Ollama bereikbaar, model {settings.ollama_model} aanwezig."
    if settings.backend is Backend.OPENAI:
        return _check_openai(settings)
    # lazy: only the configured backend's module loads
    from verslaghulp.llm.weights import get_spec

    spec = get_spec(settings.embedded_model)
    present = (settings.model_cache_dir / spec.filename).exists() or (
        _module_present(spec.package_file[0]) if spec.package_file else all(map(_module_present, spec.parts))
    )
    if present:
        return True, f"Ingebouwd model {spec.id}: gewichten aanwezig."
    return False, f"Ingebouwd model {spec.id}: gewichten ontbreken. Voer 'verslaghulp prepare-model' uit."


def _check_openai(settings: Settings) -> tuple[bool, str]:
    headers: dict[str, str] = {}
    if settings.openai_api_key is not None:
        headers["Authorization"] = f"Bearer {settings.openai_api_key.get_secret_value()}"
    url = settings.openai_base_url.rstrip("/")
    try:
        response = httpx.get(f"{url}/models", headers=headers, timeout=TIMEOUT)
        response.raise_for_status()
    except httpx.TransportError:
        return False, f"De taalmodelserver op {url} is niet bereikbaar."
    except httpx.HTTPStatusError as exc:
        return False, f"De taalmodelserver op {url} gaf een fout: {exc.response.status_code}."
    ids = sorted(str(m.get("id")) for m in response.json().get("data", []))
    if settings.openai_model not in ids:
        return (
            False,
            f"De server op {url} kent het model '{settings.openai_model}' niet (wel: {', '.join(ids)}).",
        )
    return True, f"Modelserver bereikbaar, model {settings.openai_model} aanwezig."


def check_archive(settings: Settings) -> tuple[bool, str]:
    """Whether the archive can be reached (Chroma server heartbeat, or a writable data folder)."""
    if settings.chroma_mode is ChromaMode.HTTP:
        url = f"http://{settings.chroma_host}:{settings.chroma_port}/api/v2/heartbeat"
        try:
            httpx.get(url, timeout=TIMEOUT).raise_for_status()
        except httpx.HTTPError:
            return False, f"De Chroma-server op {settings.chroma_host}:{settings.chroma_port} is niet bereikbaar."
        return True, "Chroma-server bereikbaar."
    folder = settings.data_dir
    probe = folder if folder.exists() else folder.parent
    if probe.exists() and probe.is_dir():
        return True, f"Archief in {folder}."
    return False, f"De gegevensmap {folder} bestaat niet en kan niet worden aangemaakt."


def check_health(settings: Settings | None = None) -> HealthStatus:
    """Check the model and the archive."""
    settings = settings or get_settings()
    model = _timed(check_model, settings)
    archive = _timed(check_archive, settings)
    return HealthStatus(status="ok" if model.ok and archive.ok else "fout", model=model, archive=archive)


def make_health_router(settings: Callable[[], Settings] = get_settings) -> APIRouter:
    """A FastAPI router with GET /healthz (503 when a part fails) and GET /livez (the process answers)."""
    from fastapi import APIRouter
    from fastapi.responses import JSONResponse

    router = APIRouter()

    @router.get("/healthz", response_model=HealthStatus)
    def healthz() -> JSONResponse:
        status = check_health(settings())
        return JSONResponse(status.model_dump(mode="json"), status_code=200 if status.status == "ok" else 503)

    @router.get("/livez")
    def livez() -> dict[str, str]:
        return {"status": "ok"}

    return router

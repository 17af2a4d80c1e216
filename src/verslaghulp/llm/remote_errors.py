"""Errors of remote model servers (Ollama, OpenAI-compatible), in Dutch, and which ones to retry.

The user sees one clear sentence that says what to do; the technical cause stays chained for the log.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)

T = TypeVar("T")

# Status codes that a busy or restarting server answers; the same request may well succeed later.
TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class ModelServerError(RuntimeError):
    """A remote model server could not do the job; the message is for the user (Dutch)."""


class ServerUnreachableError(ModelServerError):
    """No connection to the model server."""


class ModelNotPulledError(ModelServerError):
    """The server runs, but the model has not been downloaded to it."""


class ModelTimeoutError(ModelServerError):
    """The server did not answer in time."""


class InputTooLargeError(ModelServerError):
    """The prompt and the answer do not fit in the largest context the settings allow."""


def unreachable(base_url: str) -> ServerUnreachableError:
    """The error for a server that cannot be reached."""
    return ServerUnreachableError(
        f"De taalmodelserver op {base_url} is niet bereikbaar. Controleer of de server draait "
        "en of het adres in de instellingen klopt."
    )


def not_pulled(model: str) -> ModelNotPulledError:
    """The error for a model that is missing on the Ollama server, with the command that fixes it."""
    return ModelNotPulledError(
        f"Het taalmodel '{model}' is niet gedownload op de Ollama-server. Download het met: ollama pull {model}"
    )


def timed_out(base_url: str, seconds: float) -> ModelTimeoutError:
    """The error for a server that did not answer within the timeout."""
    return ModelTimeoutError(
        f"De taalmodelserver op {base_url} gaf binnen {seconds:g} seconden geen antwoord. "
        "Probeer het later opnieuw of verhoog de time-out in de instellingen."
    )


_NOT_FOUND = re.compile(r"model .*not found|try pulling it first|model_not_found|does not exist", re.IGNORECASE)


def status_of(exc: BaseException) -> int | None:
    """The HTTP status an exception carries (ollama.ResponseError, openai.APIStatusError, httpx), if any."""
    for attr in ("status_code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def is_model_missing(exc: BaseException) -> bool:
    """Whether the server said the model is unknown (Ollama: 404 "model "x" not found, try pulling it first")."""
    return status_of(exc) == 404 or bool(_NOT_FOUND.search(str(exc)))


def is_timeout(exc: BaseException) -> bool:
    """Whether the exception is a timeout of any of the HTTP stacks in use."""
    if any(cls.__name__ == "APITimeoutError" for cls in type(exc).__mro__):  # openai's
        return True
    return isinstance(exc, httpx.TimeoutException | TimeoutError) or "timed out" in str(exc).lower()


def is_connection_failure(exc: BaseException) -> bool:
    """Whether no connection could be made or it was cut (refused, reset, server gone)."""
    if isinstance(exc, httpx.TransportError | ConnectionError) and not is_timeout(exc):
        return True
    # openai wraps httpx errors in APIConnectionError (not a ConnectionError), langchain-openai subclasses it.
    return any(cls.__name__ == "APIConnectionError" for cls in type(exc).__mro__)


def is_transient(exc: BaseException) -> bool:
    """Whether retrying the same request may help: cut connections, 5xx, 429.

    Timeouts are not retried: a request that ran into the timeout once will usually do so again,
    and waiting twice as long helps no one.
    """
    if isinstance(exc, ModelServerError) or is_timeout(exc):
        return False
    if is_connection_failure(exc):
        return True
    status = status_of(exc)
    return status in TRANSIENT_STATUS


def with_retries(
    call: Callable[[], T], *, attempts: int, base_delay: float, on_retry: Callable[[Any], None] | None = None
) -> T:
    """Run `call`, retrying transient failures with exponential backoff (tenacity)."""
    retrying = Retrying(
        stop=stop_after_attempt(max(1, attempts)),
        wait=wait_exponential(multiplier=base_delay, max=max(base_delay * 16, base_delay)),
        retry=retry_if_exception(is_transient),
        reraise=True,
        before_sleep=on_retry,
    )
    return retrying(call)


def guarded_call(
    call: Callable[[], T],
    *,
    attempts: int,
    base_delay: float,
    translate: Callable[[BaseException], ModelServerError],
    label: str,
) -> T:
    """Run a model-server call with retries for transient failures; any failure left becomes a Dutch error."""

    def note_retry(state: Any) -> None:
        log.warning("%s mislukt, nieuwe poging %d: %s", label, state.attempt_number, state.outcome.exception())

    try:
        return with_retries(call, attempts=attempts, base_delay=base_delay, on_retry=note_retry)
    except Exception as exc:
        raise translate(exc) from exc

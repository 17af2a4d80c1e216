"""Who the audit log names for a web request, and that a generator's steps all run as that user."""

from __future__ import annotations

from collections.abc import Iterator

import gradio as gr
import pytest
from starlette.requests import Request

from verslaghulp.audit import current_user
from verslaghulp.concepts import ConceptError
from verslaghulp.config import Settings
from verslaghulp.ui.common import as_user, handling, request_identity, request_user


def _request(headers: dict[str, str], username: str | None = None) -> gr.Request:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("10.1.2.3", 51000),
    }
    return gr.Request(request=Request(scope), username=username)


def test_the_login_user_comes_first() -> None:
    settings = Settings(backend="fake", trusted_user_header="X-Forwarded-User")
    assert request_user(_request({"X-Forwarded-User": "proxy"}, username="j.jansen"), settings) == "j.jansen"


def test_a_header_counts_only_when_the_proxy_is_trusted() -> None:
    request = _request({"X-Forwarded-User": "p.devries"})
    assert request_user(request, Settings(backend="fake", trusted_user_header="X-Forwarded-User")) == "p.devries"
    assert request_user(request, Settings(backend="fake")) == "web@10.1.2.3"
    assert request_user(None, Settings(backend="fake")) == "web"


def test_every_step_of_a_generator_runs_as_the_user() -> None:
    def steps() -> Iterator[str]:
        yield current_user()
        yield current_user()

    seen = list(as_user("a.bakker", steps()))
    assert seen == ["a.bakker", "a.bakker"]
    assert current_user() != "a.bakker"  # not left behind after the generator


def test_groups_come_from_the_trusted_groups_header_only() -> None:
    request = _request({"X-Forwarded-User": "p.devries", "X-Forwarded-Groups": "medewerkers, archiefbeheer"})
    trusted = Settings(backend="fake", trusted_user_header="X-Forwarded-User",
                       trusted_groups_header="X-Forwarded-Groups")  # fmt: skip
    user = request_identity(request, trusted)
    assert user.name == "p.devries" and user.groups == {"medewerkers", "archiefbeheer"}
    assert request_identity(request, Settings(backend="fake", trusted_user_header="X-Forwarded-User")).groups == set()
    assert request_identity(_request({"X-Forwarded-User": "  "}), trusted).name is None  # an empty name is nobody


def test_every_failure_in_a_handler_becomes_a_dutch_toast() -> None:
    settings = Settings(backend="fake")
    for failure, message in ((ConceptError("Dit concept bestaat niet (meer)."), "Dit concept bestaat niet (meer)."),
                             (OSError("schijf vol"), "Er ging iets mis (OSError: schijf vol)")):  # fmt: skip
        with pytest.raises(gr.Error) as caught, handling(None, settings):
            raise failure
        assert caught.value.title == "Fout" and str(caught.value.message).startswith(message)

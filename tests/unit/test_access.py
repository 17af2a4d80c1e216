"""Archive roles from the settings, and who owns the concepts of a request's user."""

from __future__ import annotations

import pytest

from verslaghulp.access import AccessDeniedError, Permission, User, allowed, concept_owner, parse_groups, require
from verslaghulp.config import Settings

ADD, DELETE = Permission.ARCHIVE_ADD, Permission.ARCHIVE_DELETE


def test_a_laptop_without_login_may_do_everything() -> None:
    settings = Settings(backend="fake")
    local = User(address="127.0.0.1")
    assert allowed(local, ADD, settings) and allowed(local, DELETE, settings)
    assert concept_owner(local, settings) == ""  # the local user, who owns the concepts saved before users existed


def test_roles_name_users_and_groups_case_insensitively() -> None:
    settings = Settings(backend="fake", archive_add="*", archive_delete="J.Jansen; @Archiefbeheer")
    assert allowed(User("j.jansen"), DELETE, settings)
    assert allowed(User("p.devries", groups=parse_groups("medewerkers, archiefbeheer")), DELETE, settings)
    assert not allowed(User("p.devries", groups=frozenset({"medewerkers"})), DELETE, settings)
    assert not allowed(User(), DELETE, settings)  # nobody logged in
    assert allowed(User("p.devries"), ADD, settings)
    with pytest.raises(AccessDeniedError, match=r"U mag geen verslagen uit het archief verwijderen: “p\.devries”"):
        require(User("p.devries"), DELETE, settings)


def test_an_empty_role_is_nobody() -> None:
    settings = Settings(backend="fake", archive_delete="")
    assert not allowed(User("j.jansen"), DELETE, settings)


def test_behind_a_login_proxy_a_request_without_a_name_owns_no_concepts() -> None:
    settings = Settings(backend="fake", trusted_user_header="X-Forwarded-User")
    with pytest.raises(AccessDeniedError, match="niet aangemeld"):
        concept_owner(User(address="10.0.0.9"), settings)
    assert concept_owner(User("Anna.de.Vries"), settings) == "anna.de.vries"
    assert User("Anna.de.Vries").audit_name == "Anna.de.Vries" and User(address="10.0.0.9").audit_name == "web@10.0.0.9"

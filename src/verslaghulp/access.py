"""Who is asking and what they may do: the user of a web request, and the archive roles from the settings.

The identity is the one the audit log records: Gradio's login user, else the name the trusted login
proxy passes in `trusted_user_header` (with groups in `trusted_groups_header`). Without either the
page has one local user (a laptop), who owns every concept made without a login. Roles apply to the
archive, which everyone shares: `archive_add` and `archive_delete` list who may change it ("*" for
everyone); searching and summarising are open to all. No Gradio here: the web page builds a `User`
from its request, and the checks are plain functions of the user and the settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from verslaghulp.config import Settings

EVERYONE = "*"
# The owner of concepts made without a login: the single user of a laptop (and of concepts saved
# before concepts had owners).
LOCAL = ""
_SEPARATORS = re.compile(r"[,;]")


class AccessDeniedError(PermissionError):
    """An action this user may not do; the message is Dutch and meant for the user."""


class Permission(StrEnum):
    """What the archive roles grant (the values name the action in Dutch, for messages and the audit log)."""

    ARCHIVE_ADD = "verslagen aan het archief toevoegen"
    ARCHIVE_DELETE = "verslagen uit het archief verwijderen"


@dataclass(frozen=True)
class User:
    """The person behind a request: `name` when a login names them, else None (the local user)."""

    name: str | None = None
    groups: frozenset[str] = field(default_factory=frozenset)
    address: str | None = None

    @property
    def audit_name(self) -> str:
        """How the audit log names them: the login name, else the browser's address."""
        if self.name:
            return self.name
        return f"web@{self.address}" if self.address else "web"

    @property
    def owner(self) -> str:
        """Whose concepts they see: their login name (case-insensitive), else the local user's."""
        return self.name.casefold() if self.name else LOCAL


def parse_groups(value: str | None) -> frozenset[str]:
    """Group names from a proxy header: "a, b;c" -> {"a", "b", "c"}."""
    return frozenset(g.strip() for g in _SEPARATORS.split(value or "") if g.strip())


def concept_owner(user: User, settings: Settings) -> str:
    """The owner key of this user's concepts; refuses an anonymous request where a login proxy is configured.

    Behind a proxy every request names its user; one that does not came around the proxy (or the
    proxy lost the header), and must not see the concepts of the local user.
    """
    if user.name is None and settings.trusted_user_header.strip():
        raise AccessDeniedError(
            "U bent niet aangemeld: de aanmelding gaf geen gebruikersnaam door. Uw concepten zijn daarom niet "
            "te openen of te bewaren. Meld u opnieuw aan of neem contact op met de beheerder."
        )
    return user.owner


def _role(permission: Permission, settings: Settings) -> str:
    return settings.archive_add if permission is Permission.ARCHIVE_ADD else settings.archive_delete


def allowed(user: User, permission: Permission, settings: Settings) -> bool:
    """Whether the role for `permission` names this user, one of their groups (@group), or everyone (*)."""
    members = {m.strip().casefold() for m in _SEPARATORS.split(_role(permission, settings)) if m.strip()}
    if EVERYONE in members:
        return True
    if user.name and user.name.casefold() in members:
        return True
    return any(f"@{g.casefold()}" in members for g in user.groups)


def require(user: User, permission: Permission, settings: Settings) -> None:
    """Raise AccessDeniedError (Dutch) unless the user has the role."""
    if not allowed(user, permission, settings):
        who = f"“{user.name}”" if user.name else "deze gebruiker (niet aangemeld)"
        raise AccessDeniedError(
            f"U mag geen {permission}: {who} heeft die rol niet. Vraag de beheerder van verslaghulp om de rol "
            "als u dit nodig heeft."
        )

"""The autosave store: one JSON file per concept, written atomically, read back on any page load.

Concepts belong to a user. The local user's (a laptop without a login, and every concept saved
before concepts had owners) lie in the store's folder itself; a logged-in user's in a folder of
their own under `users/`. `of(owner)` gives the store of one user: it lists and opens only that
user's concepts, and refuses, with `ConceptAccessError`, an id that belongs to someone else.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from verslaghulp.concepts.model import CONCEPT_ID, Concept, ConceptAccessError
from verslaghulp.config import Settings

log = logging.getLogger(__name__)
LOCAL = ""  # the owner of concepts made without a login (verslaghulp.access.LOCAL)
USERS = "users"

# Called with (owner, concept id) when a user asks for someone else's concept (the app audits it).
RefusalHook = Callable[[str, str], None]


def owner_folder(owner: str) -> str:
    """A user's folder name: readable, safe as a file name, and unique by a hash of the owner key."""
    ascii_name = unicodedata.normalize("NFKD", owner).encode("ascii", "ignore").decode().lower()
    readable = "-".join(re.findall(r"[a-z0-9]+", ascii_name))[:40] or "gebruiker"
    return f"{readable}-{hashlib.sha256(owner.encode()).hexdigest()[:12]}"


class ConceptStore:
    """Concepts as JSON files in a folder. Every write replaces the whole file atomically.

    Writes go to a temporary file in the same folder, are flushed to disk, and then renamed over the
    old file: a crash or a full disk leaves either the old or the new version, never half of one.
    Read-modify-write goes through `update`, under a lock shared by every user's store, so that an
    autosave of the notes and a draft that is being written never overwrite each other's fields.
    """

    def __init__(self, folder: Path, *, on_refused: RefusalHook | None = None) -> None:
        self.folder = folder
        self.owner = LOCAL
        self.root = folder
        self._on_refused = on_refused
        self._lock = threading.RLock()
        self._stores: dict[str, ConceptStore] = {LOCAL: self}

    @classmethod
    def from_settings(cls, settings: Settings, *, on_refused: RefusalHook | None = None) -> ConceptStore:
        """The store in the settings' data folder."""
        return cls(settings.data_dir / "concepts", on_refused=on_refused)

    def of(self, owner: str) -> ConceptStore:
        """The store of one user (the same object for the same owner, sharing this store's lock)."""
        with self._lock:
            store = self._stores.get(owner)
            if store is None:
                store = ConceptStore.__new__(ConceptStore)
                store.folder = self.root / USERS / owner_folder(owner)
                store.owner, store.root, store._on_refused = owner, self.root, self._on_refused
                store._lock, store._stores = self._lock, self._stores
                self._stores[owner] = store
            return store

    def _elsewhere(self, concept_id: str) -> bool:
        """Whether another user's store holds this id."""
        if self.owner != LOCAL and (self.root / f"{concept_id}.json").is_file():
            return True
        return any(p.parent != self.folder for p in (self.root / USERS).glob(f"*/{concept_id}.json"))

    def _refuse(self, concept_id: str) -> ConceptAccessError:
        log.warning("concept %s refused to another user", concept_id)
        if self._on_refused is not None:
            self._on_refused(self.owner, concept_id)
        return ConceptAccessError(concept_id)

    def _path(self, concept_id: str) -> Path:
        # Ids reach the server from the browser: only our own format may become a file name.
        if not CONCEPT_ID.match(concept_id):
            raise KeyError(concept_id)
        return self.folder / f"{concept_id}.json"

    def new(self, *, form_id: str, form_title: str, notes: str = "") -> Concept:
        """Create and save an empty concept."""
        concept = Concept(id=secrets.token_hex(8), owner=self.owner, form_id=form_id, form_title=form_title,
                          notes=notes)  # fmt: skip
        return self.save(concept)

    def save(self, concept: Concept) -> Concept:
        """Write a concept (its `updated_at` set to now) and return it."""
        with self._lock:
            concept = concept.model_copy(update={"updated_at": datetime.now(UTC)})
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self._path(concept.id)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{concept.id}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(concept.model_dump_json(indent=1))
                    handle.flush()
                    os.fsync(handle.fileno())
                Path(tmp).replace(target)
            except BaseException:
                with contextlib.suppress(OSError):
                    Path(tmp).unlink()
                raise
            return concept

    def _read(self, path: Path) -> Concept | None:
        """The concept in this file, or None (missing or unreadable); an ownerless one becomes this user's."""
        try:
            concept = Concept.model_validate_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as exc:
            log.warning("concept %s cannot be read: %s", path.stem, exc)
            return None
        if not concept.owner and self.owner:  # e.g. a laptop's concept the administrator moved to its user
            concept = concept.model_copy(update={"owner": self.owner})
        return concept

    def get(self, concept_id: str | None) -> Concept | None:
        """The concept with this id in this user's store, or None (unknown id, or a file that cannot be read).

        Raises ConceptAccessError (after the refusal hook) when the id is another user's.
        """
        if not concept_id:
            return None
        try:
            path = self._path(concept_id)
        except KeyError:
            return None
        concept = self._read(path)
        if concept is None and not path.exists() and self._elsewhere(concept_id):
            raise self._refuse(concept_id)
        if concept is not None and concept.owner != self.owner:  # a file moved by hand into this folder
            raise self._refuse(concept_id)
        return concept

    def update(self, concept_id: str, change: Callable[[Concept], Concept]) -> Concept:
        """Read, change and write a concept under the lock; raises KeyError when it does not exist."""
        with self._lock:
            concept = self.get(concept_id)
            if concept is None:
                raise KeyError(concept_id)
            return self.save(change(concept))

    def list(self) -> list[Concept]:
        """Every readable concept, most recently changed first."""
        if not self.folder.is_dir():
            return []
        found = (self._read(path) for path in self.folder.glob("*.json") if CONCEPT_ID.match(path.stem))
        mine = (c for c in found if c is not None and c.owner == self.owner)
        return sorted(mine, key=lambda c: c.updated_at, reverse=True)

    def delete(self, concept_id: str) -> bool:
        """Remove a concept; True when it was there."""
        with self._lock:
            try:
                self._path(concept_id).unlink()
            except (KeyError, FileNotFoundError):
                return False
            return True

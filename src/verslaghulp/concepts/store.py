"""The autosave store: one JSON file per concept, written atomically, read back on any page load."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from verslaghulp.concepts.model import CONCEPT_ID, Concept
from verslaghulp.config import Settings

log = logging.getLogger(__name__)


class ConceptStore:
    """Concepts as JSON files in a folder. Every write replaces the whole file atomically.

    Writes go to a temporary file in the same folder, are flushed to disk, and then renamed over the
    old file: a crash or a full disk leaves either the old or the new version, never half of one.
    Read-modify-write goes through `update`, under a lock, so that an autosave of the notes and a
    draft that is being written never overwrite each other's fields.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()

    @classmethod
    def from_settings(cls, settings: Settings) -> ConceptStore:
        """The store in the settings' data folder."""
        return cls(settings.data_dir / "concepts")

    def _path(self, concept_id: str) -> Path:
        # Ids reach the server from the browser: only our own format may become a file name.
        if not CONCEPT_ID.match(concept_id):
            raise KeyError(concept_id)
        return self.folder / f"{concept_id}.json"

    def new(self, *, form_id: str, form_title: str, notes: str = "") -> Concept:
        """Create and save an empty concept."""
        concept = Concept(id=secrets.token_hex(8), form_id=form_id, form_title=form_title, notes=notes)
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

    def get(self, concept_id: str | None) -> Concept | None:
        """The concept with this id, or None (unknown id, or a file that cannot be read)."""
        if not concept_id:
            return None
        try:
            path = self._path(concept_id)
        except KeyError:
            return None
        try:
            return Concept.model_validate_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as exc:
            log.warning("concept %s cannot be read: %s", concept_id, exc)
            return None

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
        found = (self.get(path.stem) for path in self.folder.glob("*.json"))
        return sorted((c for c in found if c is not None), key=lambda c: c.updated_at, reverse=True)

    def delete(self, concept_id: str) -> bool:
        """Remove a concept; True when it was there."""
        with self._lock:
            try:
                self._path(concept_id).unlink()
            except (KeyError, FileNotFoundError):
                return False
            return True

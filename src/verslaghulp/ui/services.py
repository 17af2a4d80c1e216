"""What the page's handlers share: settings, the concept store, the model and the archive (opened lazily)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from verslaghulp.access import AccessDeniedError, Permission, User, concept_owner, require
from verslaghulp.audit import record_event
from verslaghulp.concepts import ConceptStore
from verslaghulp.config import Settings
from verslaghulp.drafting.priming import prime_drafting
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.port import ChatModel
from verslaghulp.report.forms import Form, available_forms, load_form

if TYPE_CHECKING:
    from verslaghulp.archive import Archive

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The use cases' entry points for one running app."""

    settings: Settings
    concepts: ConceptStore
    eval_runs_dir: Path
    _archive: Archive | None = None
    _archive_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_settings(cls, settings: Settings, *, eval_runs_dir: Path | None = None) -> Services:
        """Services for these settings; eval runs default to eval/runs, where `verslaghulp eval run` writes."""
        # lazy: the eval package loads only when the Evaluatie tab is used
        from verslaghulp.evaluation.sets import eval_dir

        def refused(owner: str, concept_id: str) -> None:
            # The user is the one the handler acts as (ui.common.handling); the owner key is lower case.
            record_event("concept_refused", settings=settings, target=concept_id,
                         detail="concept van een andere gebruiker")  # fmt: skip

        return cls(
            settings=settings,
            concepts=ConceptStore.from_settings(settings, on_refused=refused),
            eval_runs_dir=eval_runs_dir or eval_dir() / "runs",
        )

    def concepts_of(self, user: User) -> ConceptStore:
        """The store of this user's concepts (refuses an anonymous request behind a login proxy)."""
        return self.concepts.of(concept_owner(user, self.settings))

    def audit_archive(self, kind: str, report_id: str | None, detail: str) -> None:
        """One audit line for a change of the archive, by the acting user (see ui.common.handling)."""
        record_event(kind, settings=self.settings, target=report_id, detail=detail)

    def require(self, user: User, permission: Permission, *, target: str | None = None) -> None:
        """Refuse (AccessDeniedError, Dutch) and audit an archive change this user has no role for."""
        try:
            require(user, permission, self.settings)
        except AccessDeniedError:
            record_event("archive_refused", settings=self.settings, target=target, detail=str(permission),
                         user=user.audit_name)  # fmt: skip
            raise

    def forms(self) -> list[Form]:
        """The forms offered on the page."""
        return available_forms(self.settings.extra_form_dirs())

    def form(self, form_id: str) -> Form:
        """One form by id."""
        return load_form(form_id, self.settings.extra_form_dirs())

    def model(self) -> ChatModel:
        """The chat model (the embedded one is shared by the process and loaded once)."""
        return make_chat_model(self.settings)

    def archive(self) -> Archive:
        """The archive, opened on first use (it loads the embedding model and ChromaDB)."""
        with self._archive_lock:
            if self._archive is None:
                # lazy: chromadb and the embedding model load on first use
                from verslaghulp.archive import Archive

                self._archive = Archive.open(self.settings)
            return self._archive

    def warm_up(self, *, load_examples: bool = True) -> threading.Thread:
        """In the background: load the model, open the archive, and fill an empty archive with the examples.

        The page is usable at once; the first draft and the first search are quicker afterwards.
        """

        def work() -> None:
            try:
                # Priming loads the embedded model's weights; a remote or fake model has nothing to prime.
                prime_drafting(self.model(), self.settings)
            except Exception as exc:  # the page reports model problems when a draft is asked for
                log.warning("model warm-up failed: %s", exc)
            try:
                archive = self.archive()
                if load_examples:
                    archive.load_examples_if_empty()
            except Exception as exc:  # idem for the archive
                log.warning("archive warm-up failed: %s", exc)

        thread = threading.Thread(target=work, name="verslaghulp-warm-up", daemon=True)
        thread.start()
        return thread

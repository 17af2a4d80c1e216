"""The example archive: made-up reports that make the app useful on first run, and removable."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from verslaghulp.archive.ingest import collect_files
from verslaghulp.archive.models import IngestOutcome, IngestSummary, Progress
from verslaghulp.config import Settings

_REPO_EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "archive" / "reports"
# A wheel carries a copy (pyproject force-include), for installs outside the repository.
_PACKAGED_EXAMPLES = Path(__file__).resolve().parents[1] / "_examples" / "archive"


class ExamplesNotFoundError(FileNotFoundError):
    """The example reports are not installed; the message is Dutch."""


def examples_dir(settings: Settings) -> Path:
    """The folder with the example reports: the setting, else the repository's, else the packaged copy."""
    if settings.archive_examples_dir:
        return settings.archive_examples_dir
    return _REPO_EXAMPLES if _REPO_EXAMPLES.is_dir() else _PACKAGED_EXAMPLES


IngestExample = Callable[[Path, str], IngestOutcome]
"""Ingests one example file under the source key it is given (the archive's `ingest_file`, marked as example)."""


def load_examples(folder: Path, ingest: IngestExample, progress: Progress | None = None) -> IngestSummary:
    """Ingest every example report in `folder`, keyed by its file name so that reloading replaces, never duplicates."""
    if not folder.is_dir():
        raise ExamplesNotFoundError(
            f"De voorbeeldverslagen zijn niet gevonden in {folder}. "
            "Stel VERSLAGHULP_ARCHIVE_EXAMPLES_DIR in op de map met voorbeeldverslagen."
        )
    started = time.perf_counter()
    files, _ = collect_files([folder])
    summary = IngestSummary()
    for path in files:
        outcome = ingest(path, f"voorbeeld:{path.relative_to(folder.resolve())}")
        summary.outcomes.append(outcome)
        if progress:
            progress(outcome, len(summary.outcomes), len(files))
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary

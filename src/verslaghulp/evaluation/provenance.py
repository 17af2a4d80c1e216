"""Where a run's figures come from: the commit, whether the tree was clean, and the versions of the sets.

A run records these so that a baseline can only be accepted from figures that belong to a commit:
`eval baseline` refuses a run made from a tree with uncommitted changes to tracked files, or made on
set files (or the archive and forms they read) that differ from the ones in the tree now.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from verslaghulp.evaluation import sets as eval_sets


@dataclass(frozen=True)
class GitState:
    """The commit a run was made at and the tracked files that differed from it (None: not a git checkout)."""

    commit: str | None
    dirty_files: list[str] | None = field(default=None)

    @property
    def dirty(self) -> bool | None:
        """True when a tracked file had uncommitted changes; None when git could not tell."""
        return None if self.dirty_files is None else bool(self.dirty_files)


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", *args], capture_output=True, text=True, timeout=10, cwd=eval_sets.repo_root(), check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def git_state() -> GitState:
    """HEAD (short) and `git status --porcelain` of the tracked files (untracked files do not count)."""
    commit = _git("rev-parse", "--short", "HEAD")
    status = _git("status", "--porcelain", "--untracked-files=no")
    if commit is None or status is None:
        return GitState(commit=(commit or "").strip() or None)
    return GitState(commit=commit.strip() or None, dirty_files=[line[3:] for line in status.splitlines() if line])


class SetVersion(BaseModel):
    """The content of what one set's split reads: file (repository-relative) -> sha256, and one digest of all."""

    split: str
    files: dict[str, str] = Field(default_factory=dict)
    digest: str = ""


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(eval_sets.repo_root()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _inputs(name: str, split: str, folder: Path | None) -> list[Path]:
    """The set's YAML file(s), plus the archive a set searches or the forms written for the sets."""
    paths = list(eval_sets.split_paths(name, folder, split))
    if name == "drafting":
        paths += sorted(eval_sets.forms_dir().glob("*.yaml"))
    archive = eval_sets.archive_of(name, paths[0])
    if archive is not None:
        paths += sorted(p for p in archive.rglob("*") if p.is_file())
    return paths


def set_version(name: str, split: str, folder: Path | None = None) -> SetVersion:
    """The version of a set's split as it is in the tree now."""
    files = {_relative(p): _sha256(p) for p in _inputs(name, split, folder)}
    digest = hashlib.sha256("\n".join(f"{k} {v}" for k, v in sorted(files.items())).encode()).hexdigest()
    return SetVersion(split=split, files=files, digest=digest)


def version_differences(recorded: SetVersion, current: SetVersion) -> list[str]:
    """The files in which a recorded set version differs from the current one (changed, added, removed)."""
    if recorded.digest == current.digest:
        return []
    names = sorted(set(recorded.files) | set(current.files))
    out: list[str] = []
    for name in names:
        old, new = recorded.files.get(name), current.files.get(name)
        if old != new:
            out.append(f"{name} ({'added since' if old is None else 'removed since' if new is None else 'changed'})")
    return out or ["(the digests differ)"]

"""Form definitions loaded from YAML files: a new form is a new file, never new code."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_FORM_ID = "denhaag-2025"


class AnswerKind(StrEnum):
    """What kind of answer a question expects; decides whether code or the model writes it."""

    COUNT = "count"
    DATES = "dates"
    TRANSPORT = "transport"
    FLIGHT_JUSTIFICATION = "flight_justification"
    DISTANCE_EMISSIONS = "distance_emissions"
    PEOPLE = "people"
    PLACES = "places"
    FREE_TEXT = "free_text"
    LIST = "list"


class Question(BaseModel):
    """One question of a form, with its heading exactly as printed."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    heading: str = Field(min_length=3)
    kind: AnswerKind
    guidance: str
    follow_up: str
    keywords: tuple[str, ...] = ()
    # Whether the notes' first line (their title, when it is not a "label:" line) is relevant.
    include_title: bool = False

    @field_validator("keywords", mode="before")
    @classmethod
    def _lower_keywords(cls, value: object) -> object:
        if isinstance(value, list | tuple):
            return tuple(str(v).lower() for v in value)
        return value


class Form(BaseModel):
    """A report form: an ordered list of questions."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    organisation: str
    valid_from: str | None = None
    description: str = ""
    questions: tuple[Question, ...] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _unique_ids(cls, value: tuple[Question, ...]) -> tuple[Question, ...]:
        ids = [q.id for q in value]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate question ids: {ids}")
        return value

    def question(self, question_id: str) -> Question:
        """Return the question with this id."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


class FormNotFoundError(LookupError):
    """Raised when a form id is not known; the message lists the known ones."""


def _builtin_dir() -> Path:
    return Path(str(resources.files("verslaghulp.report") / "forms"))


def _form_files(extra_dirs: tuple[Path, ...]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    # User folders come last so that a municipality can override a built-in form by id.
    for folder in (_builtin_dir(), *extra_dirs):
        if folder.is_dir():
            for path in sorted(folder.glob("*.y*ml")):
                files[path.stem] = path
    return files


def load_form_file(path: Path) -> Form:
    """Load and validate one form file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Form.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"Formulierbestand {path.name} is ongeldig: {exc}") from exc


@cache
def _load_cached(path: Path, mtime: float) -> Form:
    return load_form_file(path)


def available_forms(extra_dirs: tuple[Path, ...] = ()) -> list[Form]:
    """All forms: the built-in ones plus those in the given folders."""
    return [_load_cached(p, p.stat().st_mtime) for p in _form_files(extra_dirs).values()]


def load_form(form_id: str, extra_dirs: tuple[Path, ...] = ()) -> Form:
    """Load a form by id (the file name without extension)."""
    files = _form_files(extra_dirs)
    if form_id not in files:
        known = ", ".join(sorted(files))
        raise FormNotFoundError(f"Onbekend formulier '{form_id}'. Beschikbaar: {known}.")
    path = files[form_id]
    return _load_cached(path, path.stat().st_mtime)

"""Summary styles as data: a YAML file per style names its shape, its prompt and its length bounds.

The shapes (article, bullets, table, answer) are code: each has its own output schema and layout.
A style is a file: a new style reuses a shape with its own prompt, bounds and description.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class Shape(StrEnum):
    """The layout of a style's text."""

    ARTICLE = "artikel"  # title, lead, a paragraph per report
    BULLETS = "punten"  # a list of bullets
    TABLE = "tabel"  # one row per trip, written by code; the model only words what a trip yielded
    ANSWER = "antwoord"  # a direct answer of a few sentences


class Style(BaseModel):
    """One summary style, loaded from `styles/<id>.yaml`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: str
    description: str
    shape: Shape
    prompt: str = Field(description="Prompt file (in prompts/) of the writing step (articles: one paragraph).")
    title_prompt: str = Field(default="summary-titel", description="Prompt file of an article's title, written last.")
    words: tuple[int, int] = Field(description="Target length of the text in words (min, max).")
    sentences: tuple[int, int] = Field(
        default=(1, 12), description="Sentences (or bullets) the model writes; for an article, per report's paragraph."
    )
    sentence_chars: tuple[int, int] = Field(default=(30, 260), description="Length bounds of one sentence.")
    title: bool = False
    words_per_report: int = Field(
        default=25, ge=0, description="Fewest words one report needs; decides how many fit the length budget."
    )
    facts_per_report: int = Field(default=4, ge=1, le=8, description="Most facts the map step keeps per report.")
    complete_missing: bool = Field(
        default=True, description="Add a sentence from a report's own text when the model left a relevant report out."
    )

    @model_validator(mode="after")
    def _bounds(self) -> Style:
        for name in ("words", "sentences", "sentence_chars"):
            low, high = getattr(self, name)
            if not 0 <= low <= high:
                raise ValueError(f"{name}: expected 0 <= min <= max, got ({low}, {high})")
        return self


class StyleNotFoundError(LookupError):
    """A style id that is not known; the message is Dutch and lists the known ones."""


def _builtin_dir() -> Path:
    return Path(str(resources.files("verslaghulp.summarising") / "styles"))


def _style_files(extra_dir: Path | None) -> dict[str, Path]:
    files: dict[str, Path] = {}
    # A user folder comes last, so that it can replace a built-in style by id.
    for folder in (_builtin_dir(), extra_dir):
        if folder is not None and folder.is_dir():
            for path in sorted(folder.glob("*.y*ml")):
                files[path.stem] = path
    return files


def load_style_file(path: Path) -> Style:
    """Load and validate one style file."""
    try:
        style = Style.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"Stijlbestand {path.name} is ongeldig: {exc}") from exc
    if style.id != path.stem:
        raise ValueError(f"Stijlbestand {path.name} heeft id '{style.id}'; het id moet de bestandsnaam zijn.")
    return style


@cache
def _cached(path: Path, mtime: float) -> Style:
    return load_style_file(path)


def available_styles(extra_dir: Path | None = None) -> list[Style]:
    """All styles: the built-in ones plus those in `extra_dir`."""
    return [_cached(p, p.stat().st_mtime) for p in _style_files(extra_dir).values()]


def load_style(style_id: str, extra_dir: Path | None = None) -> Style:
    """The style with this id."""
    files = _style_files(extra_dir)
    if style_id not in files:
        raise StyleNotFoundError(f"Onbekende stijl '{style_id}'. Beschikbaar: {', '.join(sorted(files))}.")
    path = files[style_id]
    return _cached(path, path.stat().st_mtime)

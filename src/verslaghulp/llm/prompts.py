"""Versioned prompt files: a YAML header (name, version, variables) and a Jinja2 body.

Rendering is strict: a variable the header declares but the body does not use, or one the body
uses but the header does not declare, is an error, and so is a missing value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined, meta

_HEADER = re.compile(r"\A---\n(?P<header>.*?)\n---\n(?P<body>.*)\Z", re.DOTALL)
_ENV = Environment(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)


class PromptError(ValueError):
    """A prompt file is malformed or rendered with the wrong variables."""


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt file."""

    name: str
    version: int
    description: str
    variables: tuple[str, ...]
    body: str

    @property
    def ref(self) -> str:
        """The `name@version` recorded in every draft."""
        return f"{self.name}@{self.version}"

    def used_variables(self) -> set[str]:
        """Variables the body refers to."""
        return set(meta.find_undeclared_variables(_ENV.parse(self.body)))

    def render(self, **values: Any) -> str:
        """Render with exactly the declared variables."""
        declared = set(self.variables)
        given = set(values)
        if given != declared:
            missing, extra = sorted(declared - given), sorted(given - declared)
            raise PromptError(f"{self.ref}: missing variables {missing}, unexpected {extra}")
        return _ENV.from_string(self.body).render(**values).strip()


def parse_prompt(text: str, source: str = "<prompt>") -> Prompt:
    """Parse a prompt file's text and check that header and body agree on the variables."""
    match = _HEADER.match(text.replace("\r\n", "\n"))
    if not match:
        raise PromptError(f"{source}: missing '---' header")
    header = yaml.safe_load(match["header"]) or {}
    try:
        prompt = Prompt(
            name=str(header["name"]),
            version=int(header["version"]),
            description=str(header.get("description", "")),
            variables=tuple(header.get("variables") or ()),
            body=match["body"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PromptError(f"{source}: bad header ({exc})") from exc
    used, declared = prompt.used_variables(), set(prompt.variables)
    if used != declared:
        undeclared, unused = sorted(used - declared), sorted(declared - used)
        raise PromptError(f"{source}: body uses {undeclared} undeclared, header declares {unused} unused")
    return prompt


@cache
def _load(path: Path, mtime: float) -> Prompt:
    return parse_prompt(path.read_text(encoding="utf-8"), source=path.name)


def load_prompt(name: str, folder: Path) -> Prompt:
    """Load `folder/name.md`."""
    path = folder / f"{name}.md"
    if not path.is_file():
        raise PromptError(f"prompt file not found: {path}")
    return _load(path, path.stat().st_mtime)


def all_prompts(folder: Path) -> list[Prompt]:
    """Every prompt file in the folder."""
    return [load_prompt(p.stem, folder) for p in sorted(folder.glob("*.md"))]

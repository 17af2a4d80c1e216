from pathlib import Path

import pytest

from verslaghulp.config import get_settings
from verslaghulp.llm.prompts import PromptError, all_prompts, parse_prompt


def test_every_prompt_renders_with_exactly_its_variables() -> None:
    prompts = all_prompts(get_settings().resolved_prompts_dir())
    assert {p.name for p in prompts} >= {"draft-system", "draft-question"}
    for prompt in prompts:
        values = {name: f"<{name}>" for name in prompt.variables}
        text = prompt.render(**values)
        for name in prompt.variables:
            assert f"<{name}>" in text, (prompt.ref, name)
        with pytest.raises(PromptError):
            prompt.render(**values, surplus="x")
        if prompt.variables:
            with pytest.raises(PromptError):
                prompt.render(**dict(list(values.items())[1:]))


def test_prompt_files_are_named_after_their_header() -> None:
    folder = get_settings().resolved_prompts_dir()
    for path in folder.glob("*.md"):
        assert parse_prompt(path.read_text(encoding="utf-8")).name == path.stem


def test_an_unused_declared_variable_is_an_error() -> None:
    with pytest.raises(PromptError, match="unused"):
        parse_prompt("---\nname: x\nversion: 1\nvariables: [a, b]\n---\nHallo {{ a }}\n")


def test_an_undeclared_variable_is_an_error() -> None:
    with pytest.raises(PromptError, match="undeclared"):
        parse_prompt("---\nname: x\nversion: 1\nvariables: []\n---\nHallo {{ a }}\n")


def test_a_missing_header_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="header"):
        parse_prompt("Hallo", source="x.md")

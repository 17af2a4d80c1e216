"""The layering contract (tests/layering.py) holds for the source tree and catches planted violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layering import check

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_source_tree_keeps_the_layering() -> None:
    assert check(SRC) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A small verslaghulp package under tmp_path/src: the given modules, each package with an __init__."""
    src = tmp_path / "src"
    for name, text in {"verslaghulp/__init__.py": "", **files}.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.relative_to(src).parents:
            init = src / folder / "__init__.py"
            if folder != Path() and not init.exists():
                init.write_text("")
        path.write_text(text)
    return src


def test_a_clean_small_tree_passes(tmp_path: Path) -> None:
    src = _tree(
        tmp_path,
        {
            "verslaghulp/facts/dates.py": "import re\n",
            "verslaghulp/report/model.py": "from verslaghulp.facts.dates import re\n",
            "verslaghulp/drafting/pipeline.py": "from verslaghulp.report import model\nfrom ..facts import dates\n",
            "verslaghulp/ui/app.py": "import gradio\n\ndef f():\n    # lazy: loads on first use\n"
            "    from verslaghulp.drafting import pipeline\n",
        },
    )
    assert check(src) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # facts imports nothing above it, not even under TYPE_CHECKING
            {
                "verslaghulp/facts/answers.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from verslaghulp.report.model import X\n",
                "verslaghulp/report/model.py": "",
            },
            "verslaghulp.facts.answers:3 imports verslaghulp.report.model: facts may not import report (a layer above)",
        ),
        (  # report imports no use case, also through a relative import
            {
                "verslaghulp/report/render.py": "from ..drafting import pipeline\n",
                "verslaghulp/drafting/pipeline.py": "",
            },
            "verslaghulp.report.render:1 imports verslaghulp.drafting.pipeline: report may not import drafting",
        ),
        (  # the two use cases are independent
            {
                "verslaghulp/drafting/pipeline.py": "import verslaghulp.summarising.pipeline\n",
                "verslaghulp/summarising/pipeline.py": "",
            },
            "drafting and summarising are independent (same layer)",
        ),
        ({"verslaghulp/drafting/pipeline.py": "import gradio as gr\n"}, "gradio: only ui may import it"),
        ({"verslaghulp/ui/app.py": "from chromadb import Client\n"}, "chromadb: only archive may import it"),
        ({"verslaghulp/archive/store.py": "from llama_cpp import Llama\n"}, "llama_cpp: only llm may import it"),
        ({"verslaghulp/summarising/calls.py": "from langchain_openai import ChatOpenAI\n"}, "only llm may import it"),
        (
            {"verslaghulp/facts/grounding.py": "from langchain_core.messages import AIMessage\n"},
            "langchain_core: facts imports no LLM library",
        ),
        (  # a cycle hidden by an import inside a function (with a comment, so only the cycle is found)
            {
                "verslaghulp/archive/service.py": "def load():\n    # lazy\n    from . import examples\n",
                "verslaghulp/archive/examples.py": "from verslaghulp.archive.service import load\n",
            },
            "import cycle: verslaghulp.archive.examples -> verslaghulp.archive.service",
        ),
        (  # an import inside a function that does not say why
            {
                "verslaghulp/drafting/pipeline.py": "def run():\n    from verslaghulp.report import model\n",
                "verslaghulp/report/model.py": "",
            },
            "verslaghulp.drafting.pipeline:2 imports verslaghulp.report.model inside a function without a comment",
        ),
        ({"verslaghulp/newpart.py": ""}, "verslaghulp.newpart is in no layer"),
    ],
)
def test_a_planted_violation_is_found(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    problems = check(_tree(tmp_path, files))
    assert any(expected in p for p in problems), problems

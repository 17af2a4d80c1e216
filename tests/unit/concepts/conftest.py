from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import BaseMessage

from verslaghulp.concepts import ConceptStore
from verslaghulp.config import Settings

NOTES = """Gent 3 t/m 4 juni 2025, alleen gereisd
met de trein heen en terug
doel: overleg open data
gesproken: Els Peeters - CDO Gent
"""


def inventing(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
    """A model that invents a name and a date in every prose answer."""
    if "punten" in (schema or {}).get("properties", {}):
        return json.dumps({"punten": ["Els Peeters – CDO Gent"]})
    return json.dumps({"tekst": "Overleg over open data met wethouder Jan de Vries op 12 mei 2025."})


@pytest.fixture
def settings() -> Settings:
    return Settings(backend="fake")


@pytest.fixture
def store(tmp_path: Path) -> ConceptStore:
    return ConceptStore(tmp_path / "concepts")

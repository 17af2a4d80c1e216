"""Profiles and .env.example load into the one settings model; `verslaghulp config` masks secrets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp.config import Backend, ChromaMode, Settings

ROOT = Path(__file__).resolve().parents[2]


def _env_names(path: Path) -> set[str]:
    """Variables set in the file, and those shown commented out (unset: empty or a home-folder default)."""
    return set(re.findall(r"^(?:# )?(VERSLAGHULP_\w+)=", path.read_text(), flags=re.MULTILINE))


def test_env_example_documents_every_setting() -> None:
    expected = {f"VERSLAGHULP_{name.upper()}" for name in Settings.model_fields}
    assert _env_names(ROOT / ".env.example") == expected
    # Copied as it is to .env, it must load.
    assert Settings(_env_file=ROOT / ".env.example").backend is Backend.EMBEDDED  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("profile", "backend", "chroma"),
    [("laptop", Backend.EMBEDDED, ChromaMode.EMBEDDED), ("server", Backend.OLLAMA, ChromaMode.HTTP),
     ("test", Backend.FAKE, ChromaMode.EMBEDDED)],
)  # fmt: skip
def test_profiles_load(profile: str, backend: Backend, chroma: ChromaMode, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "profiles" / f"{profile}.env"
    assert _env_names(path) <= _env_names(ROOT / ".env.example")
    for name in _env_names(ROOT / ".env.example"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=path)  # type: ignore[call-arg]
    assert settings.backend is backend
    assert settings.chroma_mode is chroma


def test_config_command_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    from verslaghulp import cli
    from verslaghulp.config import get_settings

    monkeypatch.setenv("VERSLAGHULP_OPENAI_API_KEY", "zeer-geheim")
    monkeypatch.setenv("VERSLAGHULP_BACKEND", "openai")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.app, ["config", "--env"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "VERSLAGHULP_BACKEND=openai" in result.output
    assert "VERSLAGHULP_OPENAI_API_KEY=********" in result.output
    assert "zeer-geheim" not in result.output

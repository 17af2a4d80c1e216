"""docker-compose.yml is valid for docker-compose and keeps its promises; the Dockerfile only calls setup.sh."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.required_tools import missing_tool

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"


def _compose(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("docker-compose")
    if binary is None:
        missing_tool("docker-compose", "scripts/install-compose.sh installs Debian's")
    return subprocess.run(
        [binary, "-f", str(COMPOSE), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_compose_file_is_valid() -> None:
    result = _compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_configured_model_reaches_the_pull_step_and_the_app() -> None:
    result = _compose("config", env={"VERSLAGHULP_OLLAMA_MODEL": "llama3.1:8b"})
    assert result.returncode == 0, result.stderr
    config: dict[str, Any] = yaml.safe_load(result.stdout)
    services = config["services"]
    assert services["ollama-init"]["entrypoint"] == ["ollama", "pull", "llama3.1:8b"]
    assert services["app"]["environment"]["VERSLAGHULP_OLLAMA_MODEL"] == "llama3.1:8b"


def test_services_have_healthchecks_restart_policies_and_volumes() -> None:
    config: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    services = config["services"]
    for name in ("ollama", "chroma", "app"):
        assert services[name]["restart"] == "unless-stopped", name
        assert "healthcheck" in services[name], name
        assert services[name].get("volumes"), name
    app = services["app"]
    assert app["depends_on"]["ollama-init"]["condition"] == "service_completed_successfully"
    assert app["depends_on"]["chroma"]["condition"] == "service_healthy"
    assert app["environment"]["VERSLAGHULP_BACKEND"] == "ollama"
    assert app["environment"]["VERSLAGHULP_CHROMA_MODE"] == "http"
    # Only the app is published; model and archive stay on the compose network.
    assert "ports" not in services["ollama"] and "ports" not in services["chroma"]


def test_dockerfile_installs_only_through_setup_script() -> None:
    # So that every `make run` / `make test` build-checks the image's install steps outside Docker.
    runs = re.findall(r"^RUN (.+?)(?<!\\)$", (ROOT / "Dockerfile").read_text(), flags=re.MULTILINE | re.DOTALL)
    python_steps = [r for r in runs if "pip" in r or "setup.sh" in r]
    assert python_steps == ["bash scripts/setup.sh app"]

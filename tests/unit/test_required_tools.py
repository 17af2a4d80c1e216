"""A test whose tool (Chromium, LibreOffice, docker-compose) is missing skips locally and fails under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.required_tools import missing_tool, require, strict

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, False), ("", False), ("0", False), ("false", False), ("no", False), ("true", True), ("1", True)],
)
def test_ci_is_strict_when_set(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bool) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert strict() is expected


def test_locally_a_missing_tool_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"Debian's Chromium \(/usr/bin/chromium\) is not installed"):
        require(False, "Debian's Chromium (/usr/bin/chromium)", "run scripts/setup.sh dev (needs apt)")
    require(True, "docker-compose", "scripts/install-compose.sh")  # present: nothing happens


def test_under_ci_a_missing_tool_fails_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set, so this test may not skip: docker-compose is not"):
        missing_tool("docker-compose", "scripts/install-compose.sh installs Debian's")


def test_a_test_run_under_ci_fails_where_it_would_skip(tmp_path: Path) -> None:
    (tmp_path / "test_needs_a_tool.py").write_text(
        "from tests.required_tools import require\n\n"
        "def test_export() -> None:\n"
        "    require(False, 'LibreOffice (soffice)', 'scripts/setup.sh dev')\n",
        encoding="utf-8",
    )

    def pytest_run(ci: str | None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "CI"} | {"PYTHONPATH": str(REPO)}
        if ci is not None:
            env["CI"] = ci
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsf", "-p", "no:cacheprovider", "--rootdir",
                               str(tmp_path), str(tmp_path)], capture_output=True, text=True, env=env, timeout=120,
                              check=False)  # fmt: skip

    local = pytest_run(None)
    assert local.returncode == 0, local.stdout
    assert "1 skipped" in local.stdout and "LibreOffice (soffice) is not installed" in local.stdout
    ci = pytest_run("true")
    assert ci.returncode == 1, ci.stdout
    assert "1 failed" in ci.stdout
    assert "CI is set, so this test may not skip: LibreOffice (soffice) is not installed" in ci.stdout

# The two commands of the README: `make run` and `make test`.
.PHONY: run test setup-app setup-dev lint typecheck unit

run: setup-app
	.venv/bin/verslaghulp serve

test: setup-dev lint typecheck
	.venv/bin/pytest

setup-app:
	bash scripts/setup.sh app

setup-dev:
	bash scripts/setup.sh dev

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/ruff format --check src tests bench

typecheck:
	.venv/bin/mypy

unit:
	.venv/bin/pytest tests/unit

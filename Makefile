# Habits as targets; the README's two quick-start lines stay the newcomer's path.
PY := .venv/bin/python

.PHONY: install fmt lint typecheck imports test run bench
install:
	python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e '.[dev]'
fmt:
	.venv/bin/ruff format app tests bench scripts && .venv/bin/ruff check --fix app tests bench scripts
lint:
	.venv/bin/ruff check app tests bench scripts && .venv/bin/ruff format --check app tests bench scripts
typecheck:
	.venv/bin/mypy
imports:
	.venv/bin/lint-imports
test:
	$(PY) scripts/check.py
run:
	.venv/bin/coach serve --demo
bench:
	$(PY) bench/roleplay_load.py

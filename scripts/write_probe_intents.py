"""Rewrite app/analysis/intent_data/*-probes.jsonl after editing the built-in scenarios' probes.

.venv/bin/python scripts/write_probe_intents.py
"""

from __future__ import annotations

from app.scenarios.catalog import load_builtin
from app.simulation.probe_intents import write


def main() -> None:
    for lang, count in write(load_builtin().values()).items():
        print(f"wrote {count} {lang} example questions as labelled intents")


if __name__ == "__main__":
    main()

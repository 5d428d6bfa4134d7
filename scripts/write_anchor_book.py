"""Rewrite app/analysis/anchors.json after editing cue patterns (see app/analysis/anchor_book.py).

.venv/bin/python scripts/write_anchor_book.py
"""

from __future__ import annotations

# Cues register on import: these are the modules that declare them.
from app.analysis import buyer, lexicon, trainee  # noqa: F401
from app.analysis.anchor_book import BOOK, write


def main() -> None:
    count = write([run.pattern for run in lexicon.RUNS])
    print(f"wrote the anchors of {count} patterns to {BOOK}")


if __name__ == "__main__":
    main()

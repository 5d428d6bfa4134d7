"""Rewrite app/analysis/anchors.json after editing cue patterns (see app/analysis/anchor_book.py).

.venv/bin/python scripts/write_anchor_book.py
"""

from __future__ import annotations

import app.analysis  # noqa: F401 - every module's cues register on import
from app.analysis import lexicon
from app.analysis.anchor_book import BOOK, write


def main() -> None:
    count = write([run.pattern for run in lexicon.RUNS])
    print(f"wrote the anchors of {count} patterns to {BOOK}")


if __name__ == "__main__":
    main()

"""Rewrite the offline buyer's golden transcripts (tests/buyer/golden/) after an intended change.

    python -m scripts.write_golden

Then read `git diff tests/buyer/golden/`: every changed reply is a change in what
trainees meet. tests/buyer/test_golden.py only compares; it never writes.
"""

from __future__ import annotations

import json

from tests.buyer.golden_scripts import GOLDEN, SCRIPTS, record


def main() -> None:
    for name in sorted(SCRIPTS):
        path = GOLDEN / f"{name}.json"
        text = json.dumps(record(name), ensure_ascii=False, indent=1) + "\n"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {'unchanged' if old == text else 'rewritten'}")


if __name__ == "__main__":
    main()

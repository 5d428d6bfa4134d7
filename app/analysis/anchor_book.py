"""The anchors of the built-in cue patterns, derived once and shipped with the code.

Deriving anchors parses every cue pattern a second time, which would add most
of a second to every start (each `coach score` pays it). The anchors only
change when a pattern does, so they are kept in anchors.json, keyed by a hash
of the pattern, its flags and the derivation's version. A pattern the file
does not know (edited since the file was written) is derived at import, so
the file can make the gate slower but never wrong; tests/analysis fail until
it is rewritten:

    python scripts/write_anchor_book.py
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from app.analysis.anchors import DERIVATION_VERSION, Anchors, anchors_of

BOOK = Path(__file__).with_name("anchors.json")


def key(pattern: re.Pattern[str]) -> str:
    source = f"{DERIVATION_VERSION}\0{pattern.flags}\0{pattern.pattern}"
    return hashlib.sha256(source.encode()).hexdigest()[:20]


def load(path: Path = BOOK) -> dict[str, list[str] | None]:
    try:
        book: dict[str, list[str] | None] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no book: every pattern is derived
    return book


class AnchorBook:
    """Anchors by pattern: from the book when it knows the pattern, else derived."""

    def __init__(self, entries: dict[str, list[str] | None]) -> None:
        self.entries = entries
        self.derived: list[re.Pattern[str]] = []  # patterns the book did not know

    def anchors(self, pattern: re.Pattern[str]) -> Anchors | None:
        k = key(pattern)
        if k in self.entries:
            known = self.entries[k]
            return frozenset(known) if known is not None else None
        self.derived.append(pattern)
        return anchors_of(pattern)


def write(patterns: list[re.Pattern[str]], path: Path = BOOK) -> int:
    """Derive and store the anchors of `patterns`; returns how many were written."""
    entries: dict[str, list[str] | None] = {}
    for pattern in patterns:
        found = anchors_of(pattern)
        entries[key(pattern)] = sorted(found) if found is not None else None
    # One pattern per line: a pattern edit shows as a one-line change.
    lines = [
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(entries.items())
    ]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    return len(entries)

"""Golden transcripts of the offline buyer: any change in what it says shows up here.

After an intended change, rewrite them with `python -m scripts.write_golden` and
read the diff of tests/buyer/golden/ like any other change. The test itself only
compares: it never writes.
"""

from __future__ import annotations

import json

import pytest

from tests.buyer.golden_scripts import GOLDEN, SCRIPTS, record


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_offline_buyer_transcript_is_unchanged(name: str) -> None:
    path = GOLDEN / f"{name}.json"
    assert path.exists(), f"no golden file yet: run `python -m scripts.write_golden` ({path.name})"
    assert record(name) == json.loads(path.read_text(encoding="utf-8"))

"""The buyer's objection cues on lines written by someone who never saw them.

app/analysis/act_data/buyer.jsonl holds 1,600 buyer lines (zh, en) from the
first blind writer, labelled with the objection they raise or "none"; the cue
additions of 2026-12-07 were drawn from the two later writers' files, never
from this one, so it measures whether they carry over. Floors sit a little
below today's figures (en 45% found / 4.7% false, zh 38% / 3.1%) so that a
cue edit that loses objections or invents them on pains and plain answers
shows here.
"""

from __future__ import annotations

import json

import pytest

from app.analysis.buyer import analyze_buyer_turn
from app.analysis.sentence_acts import DATA_DIR

FLOORS = {"en": (0.42, 0.06), "zh": (0.35, 0.045)}  # (found at least, false at most)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_objection_cues_find_pushback_and_leave_plain_lines_alone(language: str) -> None:
    rows = [
        json.loads(line)
        for line in (DATA_DIR / "buyer.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = [r for r in rows if r["language"] == language]
    read = [(r["label"], bool(analyze_buyer_turn(0, r["text"], language).objections)) for r in rows]
    pushed = [hit for label, hit in read if label != "none"]
    plain = [hit for label, hit in read if label == "none"]
    found, false = sum(pushed) / len(pushed), sum(plain) / len(plain)
    least, most = FLOORS[language]
    assert found >= least, f"{language}: found {found:.1%} of {len(pushed)} objections"
    assert false <= most, f"{language}: {false:.1%} of {len(plain)} plain lines read as objections"

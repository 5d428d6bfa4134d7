"""What to practise: coaching tips counted by meaning, on the report and the dashboard."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from app.reviews import practice
from app.reviews.analytics import _misses
from app.scoring.coaching import LABELS, TIPS
from app.web.scorecard_view import coaching_label, misses, practise_next

SUMMARISE_ZH, SUMMARISE_EN = TIPS["advance_no_summary"]


def _c(index: int, code: str, tip: str | None, label: str = "") -> dict[str, Any]:
    return {"index": index, "code": code, "label": label or code, "tip": tip}


def test_codes_that_share_a_tip_are_one_thing_to_practise() -> None:
    coaching = [
        _c(1, "open_situation_question", None),
        _c(3, "advance_meeting", SUMMARISE_ZH, LABELS["advance"][0]),
        _c(5, "advance_demo", SUMMARISE_ZH, LABELS["advance"][0]),
        _c(7, "open_problem_question", TIPS["problem"][0]),
        _c(9, "pitch", TIPS["pitch"][0]),
    ]
    items = practice.group(coaching)
    assert [i.key for i in items] == ["advance_no_summary", "pitch", "problem"]
    first = items[0]
    assert (first.count, first.turns) == (2, [3, 5])
    assert set(first.codes) == {"advance_meeting", "advance_demo"}


def test_the_zh_and_en_wording_of_a_tip_count_together_on_the_dashboard() -> None:
    sessions: list[Any] = [
        SimpleNamespace(scorecard={"coaching": [_c(1, "advance_meeting", SUMMARISE_ZH)]}),
        SimpleNamespace(scorecard={"coaching": [_c(1, "advance_demo", SUMMARISE_EN)]}),
        SimpleNamespace(scorecard={"coaching": [_c(3, "argued", TIPS["argued"][1])]}),
        SimpleNamespace(scorecard=None),
    ]
    common = _misses(sessions)
    assert [(m.tip_key, m.count) for m in common] == [("advance_no_summary", 2), ("argued", 1)]
    assert len({m.label for m in common}) == len(common)
    shown = misses(common, "zh")
    assert shown[0]["title"] == "提下一步之前先总结需求"
    assert shown[0]["tip"] == SUMMARISE_ZH
    assert misses(common, "en")[1]["tip"] == TIPS["argued"][1]


def test_practise_next_is_at_most_three_misses_first_in_the_pages_language() -> None:
    coaching = [
        _c(1, "open_problem_question", TIPS["problem"][0]),
        _c(3, "open_problem_question", TIPS["problem"][0]),
        _c(5, "pitch", TIPS["pitch"][0]),
        _c(7, "argued", TIPS["argued"][0]),
        _c(9, "closed_situation_question", TIPS["closed_situation"][0]),
    ]
    shown = practise_next(coaching, "en")
    assert [p["key"] for p in shown] == ["pitch", "argued", "closed_situation"]
    assert shown[0]["tip"] == TIPS["pitch"][1]
    assert shown[0]["turns"] == [5]


def test_coaching_labels_are_said_in_the_pages_language() -> None:
    assert (
        coaching_label("open_problem_question", "开放式难点问题", "en") == "open problem question"
    )
    assert coaching_label("closed_situation_question", "closed situation question", "zh") == (
        "封闭式背景问题"
    )
    assert coaching_label("advance_site_visit", "提出下一步", "en") == LABELS["advance"][1]
    assert coaching_label("something_new", "stored label", "zh") == "stored label"

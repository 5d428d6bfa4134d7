"""What to practise: coaching tips counted by meaning, on the report (the dashboard's common
misses: tests/analytics/test_dashboard.py)."""

from __future__ import annotations

from typing import Any

from app.i18n.catalog import SCORECARD
from app.reviews import practice
from app.web.scorecard_view import coaching_label, practise_next

SUMMARISE_ZH = SCORECARD.say("zh", "tip.advance_no_summary")


def _c(index: int, code: str, tip: str | None, label: str = "") -> dict[str, Any]:
    return {"index": index, "code": code, "label": label or code, "tip": tip}


def test_codes_that_share_a_tip_are_one_thing_to_practise() -> None:
    coaching = [
        _c(1, "open_situation_question", None),
        _c(3, "advance_meeting", SUMMARISE_ZH, SCORECARD.say("zh", "label.advance")),
        _c(5, "advance_demo", SUMMARISE_ZH, SCORECARD.say("zh", "label.advance")),
        _c(7, "open_problem_question", SCORECARD.say("zh", "tip.problem")),
        _c(9, "pitch", SCORECARD.say("zh", "tip.pitch")),
    ]
    items = practice.group(coaching)
    assert [i.key for i in items] == ["advance_no_summary", "pitch", "problem"]
    first = items[0]
    assert (first.count, first.turns) == (2, [3, 5])
    assert set(first.codes) == {"advance_meeting", "advance_demo"}


def test_practise_next_is_at_most_three_misses_first_in_the_pages_language() -> None:
    coaching = [
        _c(1, "open_problem_question", SCORECARD.say("zh", "tip.problem")),
        _c(3, "open_problem_question", SCORECARD.say("zh", "tip.problem")),
        _c(5, "pitch", SCORECARD.say("zh", "tip.pitch")),
        _c(7, "argued", SCORECARD.say("zh", "tip.argued")),
        _c(9, "closed_situation_question", SCORECARD.say("zh", "tip.closed_situation")),
    ]
    shown = practise_next(coaching, "en")
    assert [p["key"] for p in shown] == ["pitch", "argued", "closed_situation"]
    assert shown[0]["tip"] == SCORECARD.say("en", "tip.pitch")
    assert shown[0]["turns"] == [5]


def test_coaching_labels_are_said_in_the_pages_language() -> None:
    assert (
        coaching_label("open_problem_question", "开放式难点问题", "en") == "open problem question"
    )
    assert coaching_label("closed_situation_question", "closed situation question", "zh") == (
        "封闭式背景问题"
    )
    assert coaching_label("advance_site_visit", "提出下一步", "en") == SCORECARD.say(
        "en", "label.advance"
    )
    assert coaching_label("something_new", "stored label", "zh") == "stored label"

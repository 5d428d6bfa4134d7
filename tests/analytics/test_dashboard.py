"""The team dashboard (app.analytics.dashboard): effective scores per dimension, the weekly
trend, the common misses counted by meaning, assignment completion; GET /api/reviews/dashboard."""

from __future__ import annotations

from typing import Any

import httpx

from app.analytics.dashboard import common_misses
from app.i18n.catalog import SCORECARD
from app.roleplay.models import PracticeSession
from app.web.scorecard_view import misses
from tests.reviews.helpers import assign, demo_team, in_days, played

WEAK = ["你们要不要买我们的系统？"]
SUMMARISE_ZH, SUMMARISE_EN = (
    SCORECARD.say(lang, "tip.advance_no_summary") for lang in ("zh", "en")
)


def _c(index: int, code: str, tip: str | None, label: str = "") -> dict[str, Any]:
    return {"index": index, "code": code, "label": label or code, "tip": tip}


async def test_team_dashboard(
    client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    team = await demo_team(client, manager)
    done = await assign(client, manager, team_id=team["id"], min_score=0, due_at=in_days(5))
    await played(client, trainee, assignment_id=done["id"])
    await played(client, trainee2, lines=WEAK)
    r = await client.get("/api/reviews/dashboard", params={"team_id": team["id"]}, headers=manager)
    assert r.status_code == 200, r.text
    board = r.json()
    assert board["finished_sessions"] == 2
    assert {t["username"] for t in board["trainees"]} == {"trainee1", "trainee2"}
    assert [c["completed"] for c in board["completion"]] == [1]
    assert board["completion_rate"] == 0.5
    assert len(board["trend"]) == 1
    assert board["trend"][0]["sessions"] == 2
    averages = {a["dimension"]: a["average"] for a in board["averages"]}
    assert set(averages) == {"questioning", "objection_handling", "needs_discovery"}
    scored = [d for d, v in averages.items() if v is not None]
    assert board["weakest"][0] == min(scored, key=lambda d: averages[d])
    assert board["common_misses"]
    assert board["overdue"] == []
    coach_board = await client.get("/api/reviews/dashboard", headers=coach)
    assert coach_board.status_code == 200
    assert coach_board.json()["finished_sessions"] == 2
    assert (await client.get("/api/reviews/dashboard", headers=trainee)).status_code == 403


def test_the_zh_and_en_wording_of_a_tip_count_together_on_the_dashboard() -> None:
    # Sessions as the dashboard reads them (not stored: only their scorecards count).
    sessions = [
        PracticeSession(scorecard={"coaching": [_c(1, "advance_meeting", SUMMARISE_ZH)]}),
        PracticeSession(scorecard={"coaching": [_c(1, "advance_demo", SUMMARISE_EN)]}),
        PracticeSession(
            scorecard={"coaching": [_c(3, "argued", SCORECARD.say("en", "tip.argued"))]}
        ),
        PracticeSession(scorecard=None),
    ]
    common = common_misses(sessions)
    assert [(m.tip_key, m.count) for m in common] == [("advance_no_summary", 2), ("argued", 1)]
    assert len({m.label for m in common}) == len(common)
    shown = misses(common, "zh")
    assert shown[0]["title"] == "提下一步之前先总结需求"
    assert shown[0]["tip"] == SUMMARISE_ZH
    assert misses(common, "en")[1]["tip"] == SCORECARD.say("en", "tip.argued")

"""A small played history for the analytics tests: real role-plays through the API, scored by
the real scorer, one coach override and one assignment."""

from __future__ import annotations

from typing import Any

import httpx

from tests.reviews.helpers import assign, demo_team, in_days, me, played
from tests.roleplay.test_sessions_api import EN_SCENARIO, ZH_SCENARIO

ZH_WEAK = ["你好，我们的系统很好，买吧。", "价格很便宜的。"]
EN_LINES = [
    "Thanks for making the time. How do you keep track of your trucks today?",
    "What is the hardest part of that setup for your team?",
    "When a truck breaks down unexpectedly, what does that cost you?",
]


async def history(
    client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> dict[str, Any]:
    """trainee1: two MES role-plays (one for an assignment) and one fleet; trainee2: one MES.
    The coach overrides questioning on trainee1's first MES session."""
    team = await demo_team(client, manager)
    work = await assign(
        client, manager, team_id=team["id"], min_score=100, due_at=in_days(3), note="练提问"
    )
    s1, c1 = await played(client, trainee)
    s2, c2 = await played(client, trainee, ZH_WEAK, assignment_id=work["id"])
    s3, c3 = await played(client, trainee, EN_LINES, scenario=EN_SCENARIO)
    s4, c4 = await played(client, trainee2, ZH_WEAK)
    r = await client.post(
        f"/api/reviews/sessions/{s1}/overrides",
        json={"dimension": "questioning", "score": 91, "reason": "追问自然。"},
        headers=coach,
    )
    assert r.status_code in (200, 201), r.text
    t1, t2 = await me(client, trainee), await me(client, trainee2)
    return {
        "t1": t1,
        "t2": t2,
        "team": team,
        "assignment": work,
        "sessions": {s1: c1, s2: c2, s3: c3, s4: c4},
        "by_user": {t1["id"]: [s1, s2, s3], t2["id"]: [s4]},
        "zh": [s1, s2],
        "en": [s3],
        "override": (s1, "questioning", 91),
        "scenarios": {s1: ZH_SCENARIO, s2: ZH_SCENARIO, s3: EN_SCENARIO, s4: ZH_SCENARIO},
    }


def effective_score(h: dict[str, Any], sid: str, dim: str) -> int | None:
    if h["override"][:2] == (sid, dim):
        return int(h["override"][2])
    score = h["sessions"][sid]["dimensions"][dim]["score"]
    return None if score is None else int(score)

"""The scorecard says whether the meeting won its next step, by the buyer's own record.

The lines are found by the scripted consultant and pitcher against the offline
buyer (the same engine and seed the service uses), then played through the
HTTP API as a trainee would play them.
"""

from __future__ import annotations

from typing import Any

import httpx

from app.buyer.offline import OfflineBuyer
from app.scenarios.catalog import load_builtin
from app.simulation.scripted import Consultant, Pitcher, Trainee
from app.simulation.session import OfflineSession
from tests.roleplay.test_sessions_api import say, start
from tests.web.helpers import browser, web_login

SCENARIO = "zh-mes-auto-parts"
SEED = 7


def lines_of(trainee: Trainee, limit: int = 16) -> list[str]:
    scenario = load_builtin()[SCENARIO]
    s = OfflineSession(scenario, OfflineBuyer(), SEED)
    out: list[str] = []
    while len(out) < limit:
        line = trainee.next_line(scenario, s.state, s.last_reply)
        if line is None:
            break
        reply = s.say(line)
        out.append(line)
        if reply.events.get("advance_granted") or reply.events.get("ended"):
            break
    return out


async def play(client: httpx.AsyncClient, headers: dict, lines: list[str]) -> tuple[dict, dict]:
    sid = (await start(client, headers, SCENARIO, seed=SEED))["id"]
    for line in lines:
        r = await say(client, headers, sid, line)
        if r.status_code == 409:  # the buyer ended the meeting
            break
        assert r.status_code == 200, r.text
    card = (await client.post(f"/api/sessions/{sid}/end", headers=headers)).json()
    transcript = (await client.get(f"/api/sessions/{sid}", headers=headers)).json()
    return card, {**transcript, "id": sid}


async def test_a_won_step_and_a_refused_one_are_told_apart(
    app: Any, client: httpx.AsyncClient, trainee: dict
) -> None:
    scenario = load_builtin()[SCENARIO]
    won, transcript = await play(client, trainee, lines_of(Consultant()))
    outcome = won["outcome"]
    assert outcome["status"] == "agreed"
    assert outcome["goal"] == scenario.advance.goal
    turn = transcript["turns"][outcome["index"]]
    assert turn["role"] == "buyer"
    assert scenario.advance.accepts.strip()[:8] in turn["text"]

    pushed, _ = await play(client, trainee, lines_of(Pitcher()))
    assert pushed["outcome"]["status"] in ("refused", "not_asked")
    if pushed["outcome"]["status"] == "refused":
        assert pushed["outcome"]["reason"]  # said why, in the transcript's language
    async with browser(app) as c:
        await web_login(c, "trainee1")
        page = (await c.get(f"/sessions/{transcript['id']}")).text
    assert 'id="outcome"' in page
    assert "客户同意了" in page
    assert scenario.advance.goal in page

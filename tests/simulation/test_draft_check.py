"""The editor's realism check of an unsaved draft: POST /api/scenarios/check."""

from __future__ import annotations

from typing import Any

import httpx

from app.scenarios.catalog import load_builtin

BUILTIN = load_builtin()


def _draft(scenario_id: str = "zh-mes-auto-parts") -> dict[str, Any]:
    data = BUILTIN[scenario_id].model_dump(mode="json")
    data.pop("version")
    data["id"] = f"{scenario_id}-draft"
    return data


async def test_a_builtin_scenario_passes_and_the_consultant_earns_the_advance(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    r = await client.post("/api/scenarios/check", json=_draft(), headers=manager)
    assert r.status_code == 200, r.text
    check = r.json()
    assert check["realistic"] is True
    assert check["advance_earned"] is True
    assert 1 <= check["advance_turn"] <= 30
    assert check["advance_asks"] <= check["max_asks"]
    assert check["problems"] == []
    assert check["unreachable"] == []
    assert check["probes"] > 100
    assert check["reached"] > 0
    styles = {s["style"]: s for s in check["styles"]}
    assert set(styles) == {"consultant", "pitcher", "folder", "arguer", "discounter"}
    assert styles["pitcher"]["advance_turn"] is None
    # Nothing was saved.
    assert (
        await client.get(f"/api/scenarios/{_draft()['id']}", headers=manager)
    ).status_code == 404


async def test_a_fact_whose_questions_find_another_fact_is_reported_unreachable(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    """A fact about the canteen whose example questions are really about the company: each
    of them finds the company overview, never the canteen."""
    draft = _draft()
    overview = next(f for f in draft["facts"] if f["id"] == "company-overview")
    draft["facts"].append(
        {
            "id": "canteen-menu",
            "topics": ["operations"],
            "keywords": ["食堂"],
            "says": "我们食堂每周三有红烧肉。",
            "probes": overview["probes"][:5],
        }
    )
    r = await client.post("/api/scenarios/check", json=draft, headers=manager)
    assert r.status_code == 200, r.text
    check = r.json()
    unreachable = {i["key"]: i for i in check["unreachable"]}
    assert "fact:canteen-menu" in unreachable
    item = unreachable["fact:canteen-menu"]
    assert (item["kind"], item["id"], item["probes"], item["reached"]) == (
        "fact",
        "canteen-menu",
        5,
        0,
    )


async def test_an_unrealistic_draft_names_its_problems_by_code(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    """A buyer who trusts fully from the start and wants nothing learnt before a demo is not
    a real account: the check says so, as codes the editor words in the user's language."""
    draft = _draft("zh-retail-fresh-replenishment")
    draft["advance"].update(requires_needs=0, min_trust=0, goal="约定下周给林总做一次产品演示。")
    draft["tuning"]["initial_trust"] = 100
    r = await client.post("/api/scenarios/check", json=draft, headers=manager)
    assert r.status_code == 200, r.text
    check = r.json()
    assert check["realistic"] is False
    codes = {"no_advance", "too_many_asks", "weak_style_won", "pitcher_scored_as_well"}
    assert check["problems"]
    for problem in check["problems"]:
        assert problem["code"] in codes
        assert problem["text"]


async def test_an_invalid_draft_answers_422_with_its_fields_and_only_managers_may_check(
    client: httpx.AsyncClient, manager: dict[str, str], coach: dict[str, str]
) -> None:
    draft = _draft()
    draft["id"] = "Not A Slug!"
    draft["needs"][0]["keywords"] = []
    r = await client.post("/api/scenarios/check", json=draft, headers=manager)
    assert r.status_code == 422
    fields = {f["field"] for f in r.json()["fields"]}
    assert {"id", "needs[0].keywords"} <= fields
    assert (
        await client.post("/api/scenarios/check", json=_draft(), headers=coach)
    ).status_code == 403

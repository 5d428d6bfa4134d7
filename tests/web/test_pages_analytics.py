"""The analytics and usage pages and their CSV files: roles, languages, figures read back."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from tests.analytics.helpers import effective_score, history
from tests.web.helpers import browser, web_login

PAGES = ["/analytics", "/analytics/trends", "/analytics/scenarios", "/analytics/assignments"]
CSVS = [
    "/analytics/heatmap.csv",
    "/analytics/trends.csv",
    "/analytics/scenarios.csv",
    "/analytics/assignments.csv",
]
USAGE = ["/usage", "/usage/trainees.csv", "/usage/sessions.csv"]


def read_csv(r: httpx.Response) -> list[list[str]]:
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert disposition.endswith('.csv"')
    assert r.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    text = r.content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text)))


async def test_staff_see_the_pages_trainees_do_not(
    app: Any, client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    await history(client, trainee, trainee2, coach, manager)
    expected = {
        "manager1": dict.fromkeys(PAGES + CSVS + USAGE, 200),
        "coach1": {**dict.fromkeys(PAGES + CSVS, 200), **dict.fromkeys(USAGE, 403)},
        "trainee1": dict.fromkeys(PAGES + CSVS + USAGE, 403),
    }
    for username, paths in expected.items():
        async with browser(app) as c:
            await web_login(c, username)
            for path, status in paths.items():
                r = await c.get(path)
                assert r.status_code == status, (username, path, r.text[:200])
                if status != 200 or path.endswith(".csv"):
                    continue
                assert r.headers["content-type"].startswith("text/html")
                assert 'href="/analytics"' in r.text  # the staff navigation links here
    async with browser(app) as c:
        r = await c.get("/usage", follow_redirects=False)
        assert r.status_code == 303  # a browser with no login goes to the login page
        assert r.headers["location"].startswith("/login")
    r = await client.get("/api/usage/trainees", headers=manager)
    assert r.status_code == 200  # the JSON API stays where it was
    assert "items" in r.json()


async def test_pages_in_both_languages_with_charts_and_figures(
    app: Any, client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    h = await history(client, trainee, trainee2, coach, manager)
    words = {
        "zh": ["能力热力图", "个人趋势", "场景分数分布", "任务完成情况", "用量与费用"],
        "en": ["Skills heatmap", "Trainee trends", "Scores by scenario", "Assignment completion"],
    }
    for lang, accept in (("zh", "zh-CN,zh;q=0.9"), ("en", "en-US,en;q=0.9")):
        async with browser(app, lang=accept) as c:
            await web_login(c, "manager1")
            bodies = {p: (await c.get(p)).text for p in [*PAGES, "/usage"]}
            text = "".join(bodies.values())
            for word in words[lang]:
                assert word in text, (lang, word)
            for page in ("/analytics/trends", "/analytics/scenarios", "/analytics/assignments"):
                assert 'role="img"' in bodies[page]
                assert "<desc " in bodies[page]
            assert 'id="heatmap"' in bodies["/analytics"]
    async with browser(app) as c:
        await web_login(c, "manager1")
        page = (await c.get(f"/analytics/trends?trainee_id={h['t1']['id']}")).text
        for sid in h["zh"]:
            assert f'data-session="{sid}"' in page
        for sid in h["en"]:
            assert f'data-session="{sid}"' not in page  # another scenario, another line
        assert "91" in page  # the coach's override is the score shown


@pytest.mark.parametrize("lang", ["zh-CN", "en-US"])
async def test_csv_files_read_back_to_the_same_figures(
    app: Any,
    client: httpx.AsyncClient,
    trainee: dict,
    trainee2: dict,
    coach: dict,
    manager: dict,
    lang: str,
) -> None:
    h = await history(client, trainee, trainee2, coach, manager)
    t1 = h["t1"]
    async with browser(app, lang=lang) as c:
        await web_login(c, "manager1")
        heat = read_csv(await c.get("/analytics/heatmap.csv"))
        header = heat[0]
        assert header[0] == ("学员" if lang == "zh-CN" else "Trainee")
        row = next(r for r in heat[1:] if r[1] == t1["username"])
        assert row[0] == t1["display_name"]  # Chinese names survive the round trip
        assert int(row[2]) == 3
        q = [effective_score(h, s, "questioning") for s in h["by_user"][t1["id"]]]
        scored = [v for v in q if v is not None]
        assert float(row[3]) == round(sum(scored) / len(scored), 1)
        assert int(row[4]) == len(scored)

        trend = read_csv(await c.get(f"/analytics/trends.csv?trainee_id={t1['id']}"))
        assert [r[-1] for r in trend[1:]] == h["zh"]
        assert [int(r[4]) for r in trend[1:]] == [1, 2]

        spread = read_csv(await c.get("/analytics/scenarios.csv?metric=questioning"))
        counts = {r[0]: int(r[3]) for r in spread[1:]}
        assert counts == {"zh-mes-auto-parts": 3, "en-fleet-telematics": 1}

        done = read_csv(await c.get("/analytics/assignments.csv"))
        work = next(r for r in done[1:] if int(r[0]) == h["assignment"]["id"])
        assert [int(v) for v in work[4:8]] == [2, 1, 0, 0]

        sessions = read_csv(await c.get("/usage/sessions.csv"))
        assert set(h["sessions"]) <= {r[0] for r in sessions[1:]}
        trainees = read_csv(await c.get("/usage/trainees.csv"))
        assert any(r[1] == t1["username"] and int(r[2]) == 3 for r in trainees[1:])


async def test_csv_cells_cannot_run_as_formulas(
    app: Any, client: httpx.AsyncClient, manager: dict
) -> None:
    r = await client.post(
        "/api/users",
        json={
            "username": "formula",
            "display_name": "=HYPERLINK(1)",
            "role": "trainee",
            "password": "a-long-unguessable-pass-42",
        },
        headers=manager,
    )
    assert r.status_code == 201, r.text
    async with browser(app) as c:
        await web_login(c, "manager1")
        heat = read_csv(await c.get("/analytics/heatmap.csv"))
    assert next(r for r in heat if r[1] == "formula")[:3] == ["'=HYPERLINK(1)", "formula", "0"]

"""Every operation in the OpenAPI document, sent every kind of bad value: a JSON 4xx, never
a 500, and nothing stored (app/inputs.py holds the rules; app/middleware.py the body cap).

The walk reads the app's own document, so a new operation is walked as soon as
it exists. A row in `cases()` gives an operation real ids and a valid body, so
a value the rules missed would reach the database (where PostgreSQL refuses
NUL and 32-bit overflow with a 500) instead of stopping at a 404; operations
without a row get a body made from their schema. Each field is then spoiled
one at a time: control characters in text (bodies, paths, queries, headers),
integers past their column, dates at the edge of the calendar, and bodies past
the cap, declared or chunked.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import select

import app.tables  # noqa: F401 - every table on the metadata
from app.db.base import Base
from app.main import MAX_BODY_BYTES
from tests.conftest import login
from tests.reviews.helpers import in_days, me, played
from tests.roleplay.test_sessions_api import ZH_SCENARIO, start

BAD_TEXT = ["a\x00b", "a\x1bb", "a\x7fb", "a\x85b"]
LONE_SURROGATE = "\ud800"  # JSON can say it ("\\ud800"); a URL or a header can't
BAD_INTS = [-1, 2**31, 2**63, -(2**63) - 1]
BAD_DATES = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"]
# Imported transcripts strip control characters instead (tests/roleplay/test_import_api.py).
STRIPPED = {("post", "/api/sessions/import"): re.compile(r"^(turns\.\*\.text|scenario\..*)$")}


@dataclass
class World:
    """Real rows for the ids in paths and bodies."""

    headers: dict[str, dict[str, str]]
    trainee_id: int
    team_id: int
    scenario: dict[str, Any]  # a manager-authored scenario, whole
    assignment_id: int
    active: str  # a live role-play of trainee1
    ended: str  # a scored one, with an open dispute
    dispute_id: int


@dataclass
class Case:
    role: str | None  # whose token; None: anonymous
    path: dict[str, Any] = field(default_factory=dict)
    body: Any = None


def cases(w: World) -> dict[tuple[str, str], Case]:
    scenario = {k: v for k, v in w.scenario.items() if k != "version"} | {"version": 3}
    session = {"session_id": w.active}
    review = {"session_id": w.ended}
    assignment = {
        "scenario_id": ZH_SCENARIO,
        "team_id": w.team_id,
        "trainee_ids": [w.trainee_id],
        "due_at": in_days(7),
        "min_score": 60,
        "max_attempts": 3,
        "note": "先练开场",
    }
    return {
        ("post", "/api/auth/login"): Case(None, body={"username": "trainee1", "password": "demo"}),
        ("post", "/api/users"): Case(
            "manager",
            body={
                "username": "walker",
                "display_name": "Walker",
                "role": "trainee",
                "password": "orchard-lantern-42",
                "team_ids": [w.team_id],
            },
        ),
        ("post", "/api/teams"): Case("manager", body={"name": "Walkers two"}),
        ("put", "/api/teams/{team_id}/members"): Case(
            "manager", {"team_id": w.team_id}, {"user_ids": [w.trainee_id]}
        ),
        ("post", "/api/scenarios"): Case("manager", body={**scenario, "id": "walk-new"}),
        # The realism check of an unsaved draft: validated like a save, nothing stored.
        ("post", "/api/scenarios/check"): Case("manager", body={**scenario, "id": "walk-check"}),
        ("put", "/api/scenarios/{scenario_id}"): Case(  # the path gives the id
            "manager", {"scenario_id": scenario["id"]}, {**scenario, "id": None}
        ),
        ("get", "/api/scenarios/{scenario_id}"): Case("manager", {"scenario_id": scenario["id"]}),
        ("delete", "/api/scenarios/{scenario_id}"): Case(
            "manager", {"scenario_id": scenario["id"]}
        ),
        ("post", "/api/sessions"): Case(
            "trainee",
            body={"scenario_id": ZH_SCENARIO, "seed": 7, "assignment_id": w.assignment_id},
        ),
        ("post", "/api/sessions/import"): Case(
            "coach",
            body={
                "language": "zh",
                "scenario": {"title": "电话", "buyer_role": "主任", "context": "续约"},
                "turns": [
                    {"role": "trainee", "text": "您好，现在设备是怎么维保的？"},
                    {"role": "buyer", "text": "原厂在保。"},
                ],
                "trainee_id": w.trainee_id,
                "title": "一通电话",
            },
        ),
        ("get", "/api/sessions/{session_id}"): Case("trainee", session),
        ("post", "/api/sessions/{session_id}/messages"): Case(
            "trainee", session, {"text": "您好，现在生产数据是怎么统计的？"}
        ),
        ("post", "/api/sessions/{session_id}/messages/stream"): Case(
            "trainee", session, {"text": "您好，现在生产数据是怎么统计的？"}
        ),
        ("post", "/api/sessions/{session_id}/reply"): Case("trainee", session),
        ("post", "/api/sessions/{session_id}/end"): Case("trainee", session),
        ("post", "/api/assignments"): Case("manager", body=assignment),
        ("patch", "/api/assignments/{assignment_id}"): Case(
            "manager",
            {"assignment_id": w.assignment_id},
            {k: v for k, v in assignment.items() if k != "scenario_id"},
        ),
        ("get", "/api/reviews/sessions/{session_id}"): Case("coach", review),
        ("post", "/api/reviews/sessions/{session_id}/comments"): Case(
            "coach", review, {"turn_index": 1, "body": "这句问得好"}
        ),
        ("post", "/api/reviews/sessions/{session_id}/overrides"): Case(
            "coach", review, {"dimension": "questioning", "score": 70, "reason": "开放式提问多"}
        ),
        ("post", "/api/reviews/sessions/{session_id}/disputes"): Case(
            "trainee", review, {"dimension": "questioning", "reason": "我问了很多开放问题"}
        ),
        ("post", "/api/reviews/sessions/{session_id}/disputes/{dispute_id}/resolve"): Case(
            "coach", {**review, "dispute_id": w.dispute_id}, {"response": "看过了，维持原分"}
        ),
        ("post", "/api/reviews/sessions/{session_id}/reviewed"): Case("coach", review),
    }


# --- setting up ------------------------------------------------------------------------------


@pytest.fixture
async def world(client: httpx.AsyncClient) -> World:
    headers = {
        "trainee": await login(client, "trainee1"),
        "coach": await login(client, "coach1"),
        "manager": await login(client, "manager1"),
    }
    manager = headers["manager"]
    trainee_id = (await me(client, headers["trainee"]))["id"]
    r = await client.post("/api/teams", json={"name": "Walkers"}, headers=manager)
    assert r.status_code == 201, r.text
    team_id = r.json()["id"]
    full = (await client.get(f"/api/scenarios/{ZH_SCENARIO}", headers=manager)).json()["full"]
    r = await client.post("/api/scenarios", json={**full, "id": "walk-copy"}, headers=manager)
    assert r.status_code == 201, r.text
    body = {"scenario_id": ZH_SCENARIO, "trainee_ids": [trainee_id], "due_at": in_days(7)}
    r = await client.post("/api/assignments", json=body, headers=manager)
    assert r.status_code == 201, r.text
    assignment_id = r.json()["id"]
    ended, _ = await played(client, headers["trainee"])
    r = await client.post(
        f"/api/reviews/sessions/{ended}/disputes",
        json={"dimension": "overall", "reason": "我觉得分数偏低"},
        headers=headers["trainee"],
    )
    assert r.status_code == 201, r.text
    dispute_id = r.json()["id"]
    active = (await start(client, headers["trainee"], ZH_SCENARIO))["id"]
    return World(
        headers=headers,
        trainee_id=trainee_id,
        team_id=team_id,
        scenario=r_json(await client.get("/api/scenarios/walk-copy", headers=manager))["full"],
        assignment_id=assignment_id,
        active=active,
        ended=ended,
        dispute_id=dispute_id,
    )


def r_json(r: httpx.Response) -> Any:
    assert r.status_code == 200, r.text
    return r.json()


async def stored(application: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    out = {}
    async with application.state.container.read() as conn:
        for table in Base.metadata.sorted_tables:
            rows = await conn.execute(select(table).order_by(*table.primary_key.columns))
            out[table.name] = [tuple(row) for row in rows]
    return out


# --- the document ----------------------------------------------------------------------------


def resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    for option in schema.get("anyOf", ()):
        if option.get("type") != "null":
            return resolve(doc, option)
    return schema


def example(doc: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A value the schema accepts, for an operation without a row in `cases()`."""
    schema = resolve(doc, schema)
    if "enum" in schema or "const" in schema:
        return schema.get("enum", [schema.get("const")])[0]
    kind = schema.get("type")
    if kind == "object":
        return {k: example(doc, v) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(doc, schema.get("items", {}))] * max(1, schema.get("minItems", 1))
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "string":
        if schema.get("format") == "date-time":
            return in_days(7)
        return "orchard-lantern-42".ljust(schema.get("minLength", 1), "x")
    return "x"


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) of every scalar, the first item of each list standing for the rest."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, (*path, k))
    elif isinstance(value, list):
        if value:
            yield from leaves(value[0], (*path, 0))
    else:
        yield path, value


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, list):
        return [replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]
    return {**value, head: replaced(value[head], rest, new)}


def spoilt(value: Any, key: str) -> list[Any]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return BAD_INTS
    if isinstance(value, str):
        text = [*BAD_TEXT, LONE_SURROGATE]
        return BAD_DATES + text if key.endswith("_at") else text
    return []


@dataclass
class Probe:
    what: str  # which value, for the failure message
    field: str  # the name the error must mention
    url: str
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)


def probes(doc: dict[str, Any], method: str, path: str, case: Case) -> Iterator[Probe]:
    operation = doc["paths"][path][method]
    parameters = operation.get("parameters", [])

    def url(values: dict[str, str]) -> str:
        return path.format(**{k: quote(str(v), safe="") for k, v in values.items()})

    good_path = {
        p["name"]: case.path.get(p["name"], example(doc, p["schema"]))
        for p in parameters
        if p["in"] == "path"
    }
    body = case.body
    request_body = operation.get("requestBody")
    if body is None and request_body is not None:
        body = example(doc, request_body["content"]["application/json"]["schema"])

    for p in parameters:
        name, where = p["name"], p["in"]
        kind = resolve(doc, p["schema"]).get("type")
        bad: list[Any] = BAD_INTS if kind == "integer" else BAD_TEXT if kind == "string" else []
        for value in bad:
            what = f"{where} {name}={value!r}"
            if where == "path":
                yield Probe(what, name, url({**good_path, name: value}), body)
            elif where == "query":
                yield Probe(what, name, url(good_path), body, params={name: str(value)})
            elif where == "header":
                yield Probe(what, name, url(good_path), body, headers={name: str(value)})

    if request_body is None:
        return
    skip = STRIPPED.get((method, path))
    for where, value in leaves(body):
        dotted = ".".join("*" if isinstance(p, int) else str(p) for p in where)
        if skip is not None and skip.match(dotted):
            continue
        key = next((str(p) for p in reversed(where) if isinstance(p, str)), "body")
        for bad in spoilt(value, key):
            yield Probe(f"body {dotted}={bad!r}", key, url(good_path), replaced(body, where, bad))


# --- the walk --------------------------------------------------------------------------------


def check(r: httpx.Response, probe: Probe, expected: int | None) -> None:
    """`expected`, or any 4xx where None; a 422 names the field."""
    where = f"{probe.what}: {r.status_code} {r.text[:300]}"
    if expected is None:
        assert 400 <= r.status_code < 500, where
    else:
        assert r.status_code == expected, where
    assert r.headers["content-type"].startswith("application/json"), where
    error = r.json()
    assert set(error) >= {"error", "detail"}, where
    if r.status_code == 422:
        assert probe.field in error["detail"], where
    assert r.headers["x-content-type-options"] == "nosniff", where
    assert r.headers["cache-control"] == "no-store", where


async def _chunks(size: int) -> AsyncIterator[bytes]:
    chunk = b" " * 65536
    sent = 0
    while sent < size:
        yield chunk
        sent += len(chunk)


async def test_every_operation_refuses_every_bad_value(
    app: Any, client: httpx.AsyncClient, world: World
) -> None:
    doc = app.openapi()
    table = cases(world)
    walked = 0
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            # Rows with real ids must stop at validation; others at least answer a 4xx.
            case = table.get((method, path), Case("manager"))
            expected = 422 if (method, path) in table else None
            auth = world.headers[case.role] if case.role else {}
            before = await stored(app)
            for probe in probes(doc, method, path, case):
                content = None if probe.body is None else json.dumps(probe.body)  # \ud800 as JSON
                try:
                    r = await client.request(
                        method.upper(),
                        probe.url,
                        content=content,
                        params=probe.params,
                        headers={
                            **auth,
                            # bytes: as a server hands them over (latin-1), non-ASCII included
                            **{k: v.encode("latin-1") for k, v in probe.headers.items()},
                            "content-type": "application/json",
                        },
                    )
                except Exception as exc:  # the test client re-raises what became a 500
                    raise AssertionError(f"{method.upper()} {path} {probe.what}: {exc!r}") from exc
                check(r, probe, expected)
                walked += 1
            if "requestBody" in operation:
                ids = {**dict.fromkeys(re.findall(r"\{([^}]+)\}", path), 1), **case.path}
                url = path.format(**{k: quote(str(v), safe="") for k, v in ids.items()})
                big = Probe("a declared body over the cap", "", url)
                r = await client.request(
                    method.upper(), url, content=b" " * (MAX_BODY_BYTES + 1), headers=auth
                )
                check(r, big, 413)
                chunked = Probe("a chunked body over the cap", "", url)
                r = await client.request(
                    method.upper(), url, content=_chunks(MAX_BODY_BYTES + 1), headers=auth
                )
                check(r, chunked, 413)
            assert await stored(app) == before, f"{method.upper()} {path} changed stored data"
    assert walked > 300  # the walk reached the fields, not just the paths

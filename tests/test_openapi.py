"""The OpenAPI document states the limits the API enforces, no looser (app/openapi.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
from pydantic import ValidationError

from app.accounts.schemas import TeamCreate
from app.assignments.schemas import AssignmentCreate
from app.config import Settings
from app.inputs import INT32_MAX, stripped_pattern
from app.main import MAX_BODY_BYTES, create_app
from app.scoring.transcript import TranscriptTurn


def _document(**settings: Any) -> dict[str, Any]:
    doc: dict[str, Any] = create_app(
        Settings(database_url="sqlite+aiosqlite:///:memory:", **settings)
    ).openapi()
    return doc


def _schemas(doc: dict[str, Any], schema: dict[str, Any], where: str) -> Iterator[tuple[str, dict]]:
    """Every schema under `schema`, with where it sits, following references."""
    seen: set[str] = set()

    def walk(s: dict[str, Any], at: str) -> Iterator[tuple[str, dict]]:
        if "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[1]
            if name in seen:
                return
            seen.add(name)
            yield from walk(doc["components"]["schemas"][name], at)
            return
        yield at, s
        for option in s.get("anyOf", []):
            yield from walk(option, at)
        for key, prop in s.get("properties", {}).items():
            yield from walk(prop, f"{at}.{key}")
        if isinstance(s.get("items"), dict):
            yield from walk(s["items"], f"{at}[]")

    yield from walk(schema, where)


def _request_schemas(doc: dict[str, Any]) -> Iterator[tuple[str, dict]]:
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            name = f"{method.upper()} {path}"
            for p in op.get("parameters", []):
                yield from _schemas(doc, p["schema"], f"{name} {p['in']} {p['name']}")
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                yield from _schemas(doc, body["schema"], f"{name} body")


def test_every_integer_a_request_takes_is_bounded_to_its_column() -> None:
    for where, s in _request_schemas(_document()):
        if s.get("type") == "integer":
            assert s.get("maximum", INT32_MAX + 1) <= INT32_MAX, where
            assert "minimum" in s, where


def _bounded(pattern: str) -> bool:
    """An anchored pattern without * or + or {n,}: it bounds the length itself."""
    anchored = pattern.startswith("^") and pattern.endswith("$")
    return anchored and re.search(r"[*+]|\{\d+,\}", pattern) is None


def test_every_text_a_request_takes_states_its_length_and_refuses_controls() -> None:
    for where, s in _request_schemas(_document()):
        if s.get("type") != "string" or "enum" in s or "const" in s:
            continue
        if s.get("format") == "date-time":
            continue
        pattern = s.get("pattern", "")
        assert "maxLength" in s or _bounded(pattern), where
        if re.search(r"^POST /api/sessions/import body\.(turns\[\]\.text|scenario\.)", where):
            continue  # the transcript's own text: controls are removed, not refused
        # TEXT_PATTERN, or a stricter one (usernames, slugs, a status)
        assert pattern, where
        assert re.search(pattern, "a\x00b") is None, where
        assert re.search(pattern, "\x1b") is None, where


def test_the_message_length_is_the_configured_one() -> None:
    text = _document()["components"]["schemas"]["MessageCreate"]["properties"]["text"]
    assert text["maxLength"] == 4000
    longer = _document(max_message_chars=6000)
    assert longer["components"]["schemas"]["MessageCreate"]["properties"]["text"]["maxLength"] == (
        6000
    )


def test_scenario_bodies_are_documented_as_scenarios() -> None:
    doc = _document()
    for path, method in (
        ("/api/scenarios", "post"),
        ("/api/scenarios/{scenario_id}", "put"),
        ("/api/scenarios/check", "post"),
    ):
        body = doc["paths"][path][method]["requestBody"]["content"]["application/json"]
        assert body["schema"] == {"$ref": "#/components/schemas/Scenario"}
    scenario = doc["components"]["schemas"]["Scenario"]
    assert scenario["properties"]["version"]["maximum"] == INT32_MAX
    assert {"buyer", "facts", "needs", "objections"} <= set(scenario["required"])


def test_errors_are_documented_in_the_shape_they_are_sent() -> None:
    doc = _document()
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    error = doc["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"error", "detail"}
    login = doc["paths"]["/api/auth/login"]["post"]["responses"]
    assert login["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert login["413"]["description"] == f"The body is over {MAX_BODY_BYTES} bytes"
    imported = doc["paths"]["/api/sessions/import"]["post"]["responses"]
    assert imported["413"]["description"] == "The body is over 2000000 bytes"


async def test_the_served_document_is_the_stated_one(client: httpx.AsyncClient) -> None:
    doc = (await client.get("/openapi.json")).json()
    assert doc["components"]["schemas"]["MessageCreate"]["properties"]["text"]["maxLength"] == 4000
    assert "Scenario" in doc["components"]["schemas"]


# --- found by tests/test_fuzz_openapi.py (Schemathesis) -----------------------------------


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            yield path, method, op


def test_every_operation_lists_the_errors_it_answers() -> None:
    """401, 403, 404 and FastAPI's 400 for a body that isn't UTF-8 were answered, not listed."""
    doc = _document()
    assert doc["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "The token from POST /api/auth/login",
    }
    for path, method, op in _operations(doc):
        where, responses = f"{method.upper()} {path}", op["responses"]
        if path.startswith("/api/") and path != "/api/auth/login":
            assert op["security"][0].keys() == {"bearer"}, where
            assert "401" in responses, where
        if any(op.get("security", [{}])[0].values()) or ("security" in op and method != "get"):
            assert "403" in responses, where
        if any(p["in"] == "path" for p in op.get("parameters", [])):
            assert "404" in responses, where
        if "requestBody" in op:
            assert "400" in responses, where
        for status, response in responses.items():
            if status >= "400":
                schema = response["content"]["application/json"]["schema"]
                assert schema["$ref"].endswith("/Error"), where
    paths = doc["paths"]
    assert paths["/api/users"]["post"]["security"] == [{"bearer": ["manager"]}]
    assert paths["/api/reviews/queue"]["get"]["security"] == [{"bearer": ["coach", "manager"]}]
    assert paths["/api/me"]["get"]["security"] == [{"bearer": []}]
    assert "403" not in paths["/api/me"]["get"]["responses"]
    assert "security" not in paths["/api/auth/login"]["post"]
    assert "401" in paths["/api/auth/login"]["post"]["responses"]  # a wrong password
    assert "409" in paths["/api/teams"]["post"]["responses"]  # a name taken
    assert "503" in paths["/api/sessions/{session_id}/messages"]["post"]["responses"]


def _pattern(doc: dict[str, Any], model: str, field: str) -> str:
    schema = doc["components"]["schemas"][model]["properties"][field]
    schema = next((s for s in schema.get("anyOf", []) if s.get("type") == "string"), schema)
    pattern: str = schema["pattern"]
    return pattern


def _accepts(model: Any, field: str, value: str, **others: Any) -> bool:
    try:
        model.model_validate({**others, field: value})
    except ValidationError as exc:
        errors = exc.errors()
    else:
        return True
    assert all(e["loc"][0] == field for e in errors)
    return False


def test_the_due_date_pattern_says_which_dates_the_api_takes() -> None:
    """A due date was bounded in UTC, which no pattern can state: 1970-01-01T00:30+01:00
    was refused though documented. Now the written year is bounded, and stated."""
    pattern = _pattern(_document(), "AssignmentCreate", "due_at")
    for value, taken in [
        ("1970-01-01T00:30:00+01:00", True),
        ("9998-12-31T23:59:59-01:00", True),
        ("2031-05-04T10:00:00Z", True),
        ("1969-12-31T23:59:59-01:00", False),
        ("9999-01-01T00:00:00Z", False),
        ("0001-01-01T00:00:00+01:00", False),
    ]:
        assert (re.search(pattern, value) is not None) is taken, value
        assert _accepts(AssignmentCreate, "due_at", value, scenario_id="x") is taken, value


def test_stripped_names_state_that_white_space_alone_is_empty() -> None:
    """A team named "\\u00a0\\n" matched the document's minLength 1 but is empty once stripped."""
    pattern = _pattern(_document(), "TeamCreate", "name")
    for value, taken in [("\u00a0\n", False), (" ", False), (" a ", True), ("销售一组", True)]:
        assert (re.search(pattern, value) is not None) is taken, repr(value)
        assert _accepts(TeamCreate, "name", value) is taken, repr(value)
    line = stripped_pattern(2)  # a scenario line: two characters once stripped
    assert [bool(re.search(line, v)) for v in (" a ", " ab ", "a b", "a\x00b")] == [
        False,
        True,
        True,
        False,
    ]


def test_an_imported_turn_states_that_it_cant_be_blank() -> None:
    """A turn of white space (or of controls, which an import strips) is refused as blank."""
    pattern = _pattern(_document(), "TranscriptTurn", "text")
    for value, taken in [(" \n", False), ("\x00", False), ("好", True), (" ok ", True)]:
        assert (re.search(pattern, value) is not None) is taken, repr(value)
    assert not _accepts(TranscriptTurn, "text", " \n", role="buyer")
    assert _accepts(TranscriptTurn, "text", " ok ", role="buyer")


def _untyped(schema: dict[str, Any]) -> bool:
    """A schema that says nothing of the body: empty, any object, or a list of those."""
    if "$ref" in schema:
        return False
    if "anyOf" in schema:
        return all(_untyped(option) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return _untyped(schema.get("items", {}))
    return not schema or (schema.get("type") == "object" and not schema.get("properties"))


def test_every_json_answer_has_a_described_schema() -> None:
    doc = _document()
    blank = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            for code, response in op["responses"].items():
                json_body = response.get("content", {}).get("application/json")
                if not code.startswith("2") or json_body is None:
                    continue
                if _untyped(json_body.get("schema", {})):
                    blank.append(f"{method.upper()} {path} {code}")
    assert blank == []
    assert _untyped({})
    assert _untyped({"type": "object", "additionalProperties": True})
    assert _untyped({"type": "array", "items": {"type": "object"}})

"""The OpenAPI document, told the limits the routes' own types can't state.

FastAPI documents what the annotations say. Three things are enforced
elsewhere, so they are written in here once the document is generated:

* limits from settings: the message length (COACH_MAX_MESSAGE_CHARS, checked
  by the service) and the body sizes (app/middleware.py, the import route);
* bodies a service validates itself: a scenario is taken as a plain object so
  its errors can name every problem, but it must be a `Scenario`;
* the error shape: every 4xx is {"error", "detail"} (app/errors.py), not
  FastAPI's default validation body;
* which errors each operation answers: 401 and the Bearer scheme where it needs
  a user, 403 where it needs a role (or, changing something on the login
  cookie, the CSRF echo), 404 where a path names a row, and the refusals its
  service makes (SERVICE_ERRORS), so a client (and Schemathesis) can rely on
  the listed status codes being all there are.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field

from app.config import Settings
from app.scenarios.schema import Scenario

REF = "#/components/schemas/{model}"
SCENARIO_BODIES = (
    ("/api/scenarios", "post"),
    ("/api/scenarios/{scenario_id}", "put"),
    ("/api/scenarios/check", "post"),  # a draft, checked before it is saved
)
IMPORT = ("/api/sessions/import", "post")
UNSAFE = {"post", "put", "patch", "delete"}

# What the services refuse beyond authentication, roles and a path's row (app/errors.py).
TURN = {
    404: "No such session of yours",
    409: "The session has ended, or its state does not allow this now",
    503: "The buyer could not answer in time (the model, or a reply in progress); retry",
}
SERVICE_ERRORS: dict[tuple[str, str], dict[int, str]] = {
    ("/api/me/password", "post"): {
        400: "The new password is the current one",
        409: "The password was changed meanwhile",
    },
    ("/api/users/{user_id}/password", "post"): {400: "Your own password: use /api/me/password"},
    ("/api/users/{user_id}/deactivate", "post"): {409: "You can't deactivate yourself"},
    ("/api/auth/login", "post"): {401: "Wrong username or password"},
    ("/api/auth/logout", "post"): {401: "No token to log out"},
    ("/api/users", "post"): {
        400: "A team_id is not in your organisation",
        409: "The username is taken",
    },
    ("/api/teams", "post"): {409: "The team name is taken"},
    ("/api/teams/{team_id}/members", "put"): {400: "A user_id is not in your organisation"},
    ("/api/scenarios", "post"): {409: "The scenario id is taken"},
    ("/api/scenarios/{scenario_id}", "put"): {409: "A built-in scenario, or changed meanwhile"},
    ("/api/scenarios/{scenario_id}", "delete"): {409: "Built-in scenarios can't be removed"},
    ("/api/sessions", "post"): {
        404: "No such scenario or assignment",
        409: "Too many open role-plays, or the buyer engine is not configured",
    },
    ("/api/sessions/import", "post"): {
        404: "No such trainee in your teams",
        429: "Too many imports this hour; see Retry-After",
    },
    ("/api/sessions/{session_id}/messages", "post"): {
        400: "The Idempotency-Key is not valid",
        **TURN,
    },
    ("/api/sessions/{session_id}/messages/stream", "post"): {
        400: "The Idempotency-Key is not valid",
        **TURN,
    },
    ("/api/sessions/{session_id}/reply", "post"): TURN,
    ("/api/sessions/{session_id}/end", "post"): TURN,
    ("/api/usage/sessions", "get"): {404: "No such user"},
    ("/api/assignments", "post"): {409: "A concurrent change got there first"},
    ("/api/assignments/{assignment_id}", "patch"): {409: "The assignment can't change so"},
    ("/api/reviews/queue", "get"): {404: "No such team"},
    ("/api/reviews/sessions/{session_id}/comments", "post"): {409: "The session is not ended"},
    ("/api/reviews/sessions/{session_id}/overrides", "post"): {409: "The session is not scored"},
    ("/api/reviews/sessions/{session_id}/disputes", "post"): {
        409: "A dispute on this is open already",
    },
    ("/api/reviews/sessions/{session_id}/disputes/{dispute_id}/resolve", "post"): {
        409: "The dispute has been answered already",
    },
    ("/api/reviews/sessions/{session_id}/reviewed", "post"): {409: "The session is not scored"},
    ("/api/reviews/stats/overrides", "get"): {404: "No such team"},
    ("/api/reviews/dashboard", "get"): {404: "No such team"},
    ("/api/reviews/export.csv", "get"): {404: "No such team"},
}


class ErrorField(BaseModel):
    loc: list[str]
    msg: str
    type: str = ""


class Error(BaseModel):
    """Every error the API answers: a code, a sentence, and for invalid input the fields."""

    error: str = Field(description="a stable code: invalid, not_found, conflict, ...")
    detail: str = Field(description="what is wrong, for a person")
    fields: list[ErrorField] | None = Field(default=None, description="invalid input only")


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model="Error")}}},
    }


def _add_schema(components: dict[str, Any], model: type[BaseModel]) -> None:
    """`model` and the models it holds as pydantic describes them, over what FastAPI wrote for
    a response holding them (the scenario a manager reads): FastAPI's document leaves out
    `"default": null`, which tells a client that a field may be left out of a body."""
    schema = model.model_json_schema(ref_template=REF)
    components.update(schema.pop("$defs", {}))
    components[model.__name__] = schema


def state_limits(document: dict[str, Any], settings: Settings, max_body_bytes: int) -> None:
    """Edit a generated document in place (see the module docstring)."""
    components = document.setdefault("components", {}).setdefault("schemas", {})
    _add_schema(components, Error)
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)

    message = components.get("MessageCreate", {}).get("properties", {}).get("text")
    if message is not None:
        message["maxLength"] = settings.max_message_chars

    _add_schema(components, Scenario)
    for path, method in SCENARIO_BODIES:
        operation = document["paths"][path][method]
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": REF.format(model="Scenario")}}},
        }

    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = _error_response("Invalid input: the fields say which")
            if "requestBody" in operation:
                limit = max_body_bytes
                if (path, method) == IMPORT:
                    limit = settings.max_transcript_bytes
                responses["413"] = _error_response(f"The body is over {limit} bytes")


def state_errors(document: dict[str, Any]) -> None:
    """List the errors each operation answers (see the module docstring), in place.

    app/deps.py declares the Bearer scheme on every operation that needs a user,
    with the roles it needs as the requirement's scopes.
    """
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            errors: dict[int, str] = {}
            security = operation.get("security", [])
            if security:
                errors[401] = "No valid token: log in"
                roles = [role for requirement in security for role in requirement.values()]
                if any(roles) or method in UNSAFE:
                    errors[403] = "Not your role (or, on the login cookie, no CSRF echo)"
            if any(p["in"] == "path" for p in operation.get("parameters", [])):
                errors[404] = "Nothing with that id for you"
            if "requestBody" in operation:
                # FastAPI's own answer to a body that isn't UTF-8 (invalid JSON is a 422).
                errors[400] = "The body can't be read: it is not UTF-8"
            for status, description in SERVICE_ERRORS.get((path, method), {}).items():
                errors[status] = (
                    f"{errors[status]}; or {description}" if status in errors else description
                )
            responses = operation.setdefault("responses", {})
            for status, description in sorted(errors.items()):
                responses.setdefault(str(status), _error_response(description))
            for status, response in responses.items():
                if status >= "400" and "content" not in response:  # a route's own 429 or 503
                    response["content"] = _error_response("")["content"]


def install(app: FastAPI, settings: Settings, max_body_bytes: int) -> None:
    """Make `app.openapi()` return the document with the limits and errors stated."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            state_limits(generate(), settings, max_body_bytes)
            assert app.openapi_schema is not None
            state_errors(app.openapi_schema)
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

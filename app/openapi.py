"""The OpenAPI document, told the limits the routes' own types can't state.

FastAPI documents what the annotations say. Three things are enforced
elsewhere, so they are written in here once the document is generated:

* limits from settings: the message length (COACH_MAX_MESSAGE_CHARS, checked
  by the service) and the body sizes (app/middleware.py, the import route);
* bodies a service validates itself: a scenario is taken as a plain object so
  its errors can name every problem, but it must be a `Scenario`;
* the error shape: every 4xx is {"error", "detail"} (app/errors.py), not
  FastAPI's default validation body.
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
    schema = model.model_json_schema(ref_template=REF)
    for name, definition in schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
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


def install(app: FastAPI, settings: Settings, max_body_bytes: int) -> None:
    """Make `app.openapi()` return the document with the limits stated."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            state_limits(generate(), settings, max_body_bytes)
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

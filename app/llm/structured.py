"""Request shapes and output checks for JSON (structured) output.

Two modes, best first:

- `json_schema`: the server constrains decoding to the schema (strict);
- `json_object`: the server only guarantees a JSON object, so the schema is
  written into the prompt.

`complete_json` walks the ladder and records in `EndpointCapabilities`
which mode worked, so the next call starts there.

Output is checked to parse as a JSON object; validating it against the schema is the
caller's job (it knows the model type). A markdown code fence around the
JSON, which some models add in `json_object` mode, is removed.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any, Protocol

from app.llm.capabilities import EndpointCapabilities
from app.llm.errors import LLMAuthError, LLMBadRequest, LLMBadResponse
from app.llm.types import ChatMessage, ChatResult, JsonMode

log = logging.getLogger(__name__)

_FENCE = re.compile(r"^```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?```$", re.DOTALL)
_NAME_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]")

SCHEMA_INSTRUCTION = (
    "Answer with one JSON object only, no prose and no code fence. "
    "It must conform to this JSON Schema:\n{schema}"
)


def response_format_for(mode: JsonMode, schema: dict[str, Any], schema_name: str) -> dict[str, Any]:
    """The `response_format` request field of a mode."""
    if mode == "json_object":
        return {"type": "json_object"}
    name = _NAME_UNSAFE.sub("_", schema_name)[:64] or "output"
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "schema": schema, "strict": True},
    }


def with_schema_instruction(
    messages: Sequence[ChatMessage], schema: dict[str, Any]
) -> list[ChatMessage]:
    """`messages` with the schema appended to the last system message (or, when
    there is none, the last user message): instructions stay out of the
    trainee's words where possible."""
    instruction = SCHEMA_INSTRUCTION.format(schema=json.dumps(schema, ensure_ascii=False))
    out = list(messages)
    for role in ("system", "user"):
        for index in range(len(out) - 1, -1, -1):
            if out[index].role == role:
                target = out[index]
                out[index] = ChatMessage(target.role, f"{target.content}\n\n{instruction}")
                return out
    out.append(ChatMessage.user(instruction))
    return out


def extract_json(text: str) -> str | None:
    """The JSON object text inside `text` (fence removed) if it parses, else None."""
    candidate = text.strip()
    fenced = _FENCE.match(candidate)
    if fenced:
        candidate = fenced.group(1).strip()
    if not candidate:
        return None
    try:
        value = json.loads(candidate)
    except ValueError:
        return None
    return candidate if isinstance(value, dict) else None


class Completer(Protocol):
    async def __call__(
        self,
        messages: Sequence[ChatMessage],
        *,
        temperature: float | None = ...,
        max_tokens: int | None = ...,
        response_format: dict[str, Any] | None = ...,
        seed: int | None = ...,
    ) -> ChatResult: ...


async def complete_json(
    complete: Completer,
    capabilities: EndpointCapabilities,
    messages: Sequence[ChatMessage],
    schema: dict[str, Any],
    schema_name: str,
    *,
    temperature: float | None = None,
    max_tokens: int | None = None,
    seed: int | None = None,
    endpoint: str = "",
) -> tuple[str, JsonMode]:
    """(JSON text, mode used), trying `json_schema` then `json_object`.

    A mode fails on a refusal (4xx, or a 5xx saying "unsupported") or on an
    answer that is not a JSON object; when every mode failed, `LLMBadResponse`.
    Outages (rate limits, timeouts, auth) propagate untouched.
    """
    modes: list[JsonMode] = ["json_object"]
    if capabilities.supports_json_schema is not False:
        modes.insert(0, "json_schema")
    failures: list[str] = []
    for mode in modes:
        prompt = messages if mode == "json_schema" else with_schema_instruction(messages, schema)
        try:
            result = await complete(
                prompt,
                temperature=temperature,
                max_tokens=max_tokens,
                seed=seed,
                response_format=response_format_for(mode, schema, schema_name),
            )
        except (LLMBadRequest, LLMBadResponse) as exc:
            if isinstance(exc, LLMAuthError):
                raise
            failures.append(f"{mode}: {exc.describe()}")
            continue
        text = extract_json(result.text)
        if text is None:
            failures.append(f"{mode}: the answer is not a JSON object")
            continue
        if mode == "json_schema":
            capabilities.supports_json_schema = True
        elif len(modes) == 2:
            capabilities.supports_json_schema = False
            log.info("%s: json_schema output unsupported; using json_object", endpoint)
        return text, mode
    raise LLMBadResponse(
        "The language model gave no usable structured answer.",
        provider_message=" | ".join(failures),
    )

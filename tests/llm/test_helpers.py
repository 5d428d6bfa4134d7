"""The seam's pure parts: Retry-After parsing, the retry policy's arithmetic,
redaction, token estimates, message and JSON adaptations."""

from __future__ import annotations

import json
from email.utils import formatdate

import pytest

from app.llm.capabilities import is_system_role_refusal, merge_system_into_user
from app.llm.errors import LLMBadRequest, LLMRateLimited, LLMServerError, redact
from app.llm.retry import RetryPolicy, parse_retry_after
from app.llm.sdk_errors import looks_unsupported
from app.llm.structured import extract_json, response_format_for, with_schema_instruction
from app.llm.types import ChatMessage
from app.llm.usage import estimate_text_tokens

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after": "0.5"}, 0.5),
        ({"Retry-After": "7", "retry-after-ms": "250"}, 0.25),
        ({"Retry-After": formatdate(NOW + 12, usegmt=True)}, 12.0),
        ({"Retry-After": formatdate(NOW - 60, usegmt=True)}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-4"}, None),
        ({"retry-after-ms": "nan", "Retry-After": "2"}, 2.0),
        ({}, None),
        (None, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str] | None, expected: float | None) -> None:
    assert parse_retry_after(headers, now=NOW) == expected


class Recorder:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def test_policy_backoff_grows_and_is_capped() -> None:
    sleep = Recorder()
    policy = RetryPolicy(max_attempts=6, budget_seconds=60, base_wait=1, max_wait=4, sleep=sleep)
    calls = 0

    async def failing() -> str:
        nonlocal calls
        calls += 1
        raise LLMServerError(provider_status=502)

    with pytest.raises(LLMServerError) as caught:
        await policy.run(failing)

    assert calls == 6
    assert caught.value.attempts == 6
    assert len(sleep.waits) == 5
    assert 1 <= sleep.waits[0] <= 2  # base * 2**0 plus up to `base` of jitter
    assert 2 <= sleep.waits[1] <= 3
    assert all(wait <= 4 for wait in sleep.waits)


async def test_policy_shortens_backoff_to_the_budget_but_not_retry_after() -> None:
    sleep = Recorder()
    policy = RetryPolicy(max_attempts=5, budget_seconds=0.5, base_wait=10, max_wait=10, sleep=sleep)

    async def failing() -> str:
        raise LLMServerError()

    with pytest.raises(LLMServerError):
        await policy.run(failing)
    assert sleep.waits
    assert all(wait < 0.5 for wait in sleep.waits)

    sleep.waits.clear()

    async def limited() -> str:
        raise LLMRateLimited(retry_after=2)

    with pytest.raises(LLMRateLimited) as caught:
        await policy.run(limited)
    assert sleep.waits == []
    assert caught.value.attempts == 1


async def test_policy_does_not_retry_refusals() -> None:
    calls = 0

    async def refused() -> str:
        nonlocal calls
        calls += 1
        raise LLMBadRequest(provider_status=400)

    with pytest.raises(LLMBadRequest):
        await RetryPolicy(max_attempts=5, sleep=Recorder()).run(refused)
    assert calls == 1


def test_redact_known_and_key_shaped_secrets() -> None:
    text = "key sk-proj-abcdefgh12345678 then Bearer abc.def-ghi_jkl and my-own-secret-value"
    cleaned = redact(text, ["my-own-secret-value"])
    assert "sk-proj" not in cleaned
    assert "abc.def" not in cleaned
    assert "my-own-secret-value" not in cleaned
    assert cleaned.count("[redacted]") == 3


def test_errors_redact_what_they_are_given() -> None:
    error = LLMBadRequest(provider_message="bad key hunter2hunter2", secrets=["hunter2hunter2"])
    assert error.provider_message == "bad key [redacted]"


def test_token_estimates() -> None:
    assert estimate_text_tokens("") == 0
    assert estimate_text_tokens("abcd") == 1
    assert estimate_text_tokens("abcde") == 2
    assert estimate_text_tokens("预算很紧") == 4
    assert estimate_text_tokens("预算 is tight") == 2 + 3  # 2 Han + ceil(10 / 4)


def test_merge_system_into_user() -> None:
    system = ChatMessage.system("Be a buyer.")
    user = ChatMessage.user("Hi")
    opening = ChatMessage.assistant("Hello, how can I help?")
    assert merge_system_into_user([system, user]) == [ChatMessage.user("Be a buyer.\n\nHi")]
    assert merge_system_into_user([system, opening, user]) == [
        ChatMessage.user("Be a buyer."),
        opening,
        user,
    ]
    assert merge_system_into_user([user]) == [user]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("System role not supported", True),
        ("Conversation roles must alternate user/assistant/user/assistant/...", True),
        ("Error rendering chat template", True),
        ("This model's maximum context length is 8192 tokens", False),
        (None, False),
    ],
)
def test_system_role_refusal_detection(message: str | None, expected: bool) -> None:
    assert is_system_role_refusal(LLMBadRequest(provider_message=message)) is expected


def test_unsupported_detection() -> None:
    assert looks_unsupported("response_format json_schema is not supported")
    assert not looks_unsupported("CUDA out of memory")
    assert not looks_unsupported(None)


def test_extract_json() -> None:
    assert extract_json('{"a": 1}') == '{"a": 1}'
    assert extract_json('  ```json\n{"a": 1}\n```  ') == '{"a": 1}'
    assert extract_json('{"a": ') is None
    assert extract_json("[1, 2]") is None  # an object is required
    assert extract_json("") is None


def test_response_formats_and_schema_instruction() -> None:
    schema = {"type": "object", "properties": {"score": {"type": "integer"}}}
    strict = response_format_for("json_schema", schema, "judge/v2 score")
    assert strict["json_schema"] == {"name": "judge_v2_score", "schema": schema, "strict": True}
    assert response_format_for("json_object", schema, "x") == {"type": "json_object"}

    messages = [ChatMessage.system("Judge."), ChatMessage.user("transcript")]
    out = with_schema_instruction(messages, schema)
    assert out[1] == messages[1]
    assert out[0].content.startswith("Judge.\n\n")
    assert json.dumps(schema) in out[0].content

    only_user = with_schema_instruction([ChatMessage.user("transcript")], schema)
    assert only_user[0].content.startswith("transcript\n\n")

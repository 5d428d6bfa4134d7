"""LLMClient against the loopback OpenAI-compatible server, over real HTTP.

The SDK is never patched: every behaviour below is the real `openai` client
talking to `tests.support.fake_openai` on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from typing import Any

import pytest

from app.config import Settings
from app.errors import LLMUnavailable
from app.llm.client import LLMClient
from app.llm.errors import (
    LLMAuthError,
    LLMBadRequest,
    LLMBadResponse,
    LLMError,
    LLMRateLimited,
    LLMServerError,
    LLMStreamInterrupted,
    LLMTimeout,
)
from app.llm.types import ChatMessage, StreamEnd, StreamEvent, TextDelta
from app.llm.usage import estimate_usage
from tests.support.fake_openai import (
    Behaviour,
    FakeOpenAI,
    cut_error,
    cut_stream,
    empty,
    error,
    error_event,
    garbage_body,
    hang,
    json_reply,
    malformed_json,
    odd_events,
    rate_limited,
    reply,
    server_error,
)

from .conftest import ClientFactory

SYSTEM = ChatMessage.system("You are a procurement director at a logistics firm.")
TRAINEE = ChatMessage.user("What made you look at new suppliers this year?")
CHAT = [SYSTEM, TRAINEE]
SCORE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"score": {"type": "integer"}, "reason": {"type": "string"}},
    "required": ["score", "reason"],
    "additionalProperties": False,
}


async def collect(client: LLMClient, messages: list[ChatMessage]) -> list[StreamEvent]:
    async with contextlib.aclosing(client.stream(messages)) as events:
        return [event async for event in events]


class SleepRecorder:
    """A real sleep that remembers what the retry policy asked for."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(seconds)


# -- plain and streamed replies ------------------------------------------------


async def test_plain_reply(fake: FakeOpenAI, make_client: ClientFactory, api_key: str) -> None:
    fake.script(reply("We had three late deliveries in March."))
    result = await make_client().complete(CHAT, temperature=0.3, max_tokens=200, seed=7)

    assert result.text == "We had three late deliveries in March."
    assert result.finish_reason == "stop"
    assert result.model == "fake-model"
    assert result.attempts == 1
    [sent] = fake.chat_requests
    assert sent.usage is not None
    assert result.usage.prompt_tokens == sent.usage["prompt_tokens"]
    assert result.usage.completion_tokens == sent.usage["completion_tokens"]
    assert result.usage.total_tokens == sent.usage["total_tokens"]
    assert not result.usage.estimated
    assert sent.headers["authorization"] == f"Bearer {api_key}"
    assert sent.messages == [
        {"role": "system", "content": SYSTEM.content},
        {"role": "user", "content": TRAINEE.content},
    ]
    assert sent.body["temperature"] == 0.3
    assert sent.body["max_tokens"] == 200
    assert sent.body["seed"] == 7
    assert not sent.body.get("stream")
    assert "response_format" not in sent.body


async def test_unset_options_are_left_out_of_the_request(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.complete(CHAT)
    await collect(client, CHAT)
    plain, streamed = fake.chat_requests
    assert set(plain.body) == {"model", "messages"}
    assert set(streamed.body) == {"model", "messages", "stream", "stream_options"}


async def test_local_server_gets_a_placeholder_key(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    await make_client(api_key=None).complete([TRAINEE])
    assert fake.chat_requests[0].headers["authorization"] == "Bearer not-needed"


async def test_stream_deltas_arrive_in_order_and_end_with_usage(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    pieces = ["Honestly, ", "the price ", "is not ", "the issue; ", "reliability is."]
    fake.script(reply("".join(pieces), chunks=pieces, chunk_delay=0.02))
    client = make_client()

    events = await collect(client, CHAT)

    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert deltas == pieces
    end = events[-1]
    assert isinstance(end, StreamEnd)
    assert [e for e in events if isinstance(e, StreamEnd)] == [end]
    assert end.text == "".join(pieces)
    assert end.finish_reason == "stop"
    [sent] = fake.chat_requests
    assert sent.body["stream"] is True
    assert sent.body["stream_options"] == {"include_usage": True}
    assert sent.usage is not None
    assert end.usage.prompt_tokens == sent.usage["prompt_tokens"]
    assert end.usage.completion_tokens == len(pieces)
    assert not end.usage.estimated
    assert client.capabilities.supports_stream_usage is True


async def test_stream_deltas_are_not_buffered(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(reply("one two three", chunks=["one ", "two ", "three"], chunk_delay=0.3))
    arrivals: list[float] = []
    async with contextlib.aclosing(make_client().stream(CHAT)) as events:
        async for event in events:
            if isinstance(event, TextDelta):
                arrivals.append(time.monotonic())
    assert len(arrivals) == 3
    assert arrivals[1] - arrivals[0] > 0.2
    assert arrivals[2] - arrivals[1] > 0.2


async def test_stream_without_usage_is_estimated(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.no_stream_usage = True
    text = "我们今年主要担心交付周期。Budget is fixed."
    fake.script(reply(text))
    client = make_client()

    end = (await collect(client, CHAT))[-1]

    assert isinstance(end, StreamEnd)
    assert end.text == text
    assert end.usage.estimated
    assert end.usage == estimate_usage(CHAT, text)
    assert end.usage.completion_tokens == 13 + 4  # 13 CJK characters, 16 other characters
    assert client.capabilities.supports_stream_usage is False


# -- retries ---------------------------------------------------------------------


async def test_rate_limit_waits_as_long_as_retry_after_says(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(rate_limited(retry_after=1), reply("Sure, go ahead."))
    sleep = SleepRecorder()

    result = await make_client(sleep=sleep).complete(CHAT)

    assert result.text == "Sure, go ahead."
    assert result.attempts == 2
    assert sleep.waits == [1.0]
    first, second = fake.chat_requests
    assert first.status == 429
    assert first.finished_at is not None
    assert second.received_at - first.finished_at >= 0.95


async def test_rate_limit_honours_retry_after_ms(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(rate_limited(retry_after=5, retry_after_ms=150), reply("ok"))
    sleep = SleepRecorder()
    result = await make_client(sleep=sleep).complete(CHAT)
    assert result.attempts == 2
    assert sleep.waits == [pytest.approx(0.15)]


async def test_retry_after_beyond_the_budget_gives_up_at_once(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(rate_limited(retry_after=30), reply("too late"))
    started = time.monotonic()
    with pytest.raises(LLMRateLimited) as caught:
        await make_client(retry_budget_seconds=2.0).complete(CHAT)
    assert time.monotonic() - started < 1.0
    assert caught.value.retry_after == 30
    assert caught.value.attempts == 1
    assert caught.value.provider_status == 429
    assert len(fake.chat_requests) == 1


async def test_server_errors_then_success(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(server_error(500), server_error(503), reply("Recovered."))
    sleep = SleepRecorder()
    result = await make_client(sleep=sleep).complete(CHAT)
    assert result.text == "Recovered."
    assert result.attempts == 3
    assert [r.status for r in fake.chat_requests] == [500, 503, 200]
    assert len(sleep.waits) == 2
    assert all(0 < wait <= 0.05 for wait in sleep.waits)  # the injected backoff


async def test_attempts_are_bounded(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(*[server_error(500)] * 10)
    with pytest.raises(LLMServerError) as caught:
        await make_client(max_attempts=3).complete(CHAT)
    assert caught.value.attempts == 3
    assert caught.value.provider_status == 500
    assert isinstance(caught.value, LLMUnavailable)
    assert caught.value.status_code == 503  # what *we* answer, not the provider's 500
    assert len(fake.chat_requests) == 3


async def test_retries_stop_within_the_budget(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(*[server_error(503)] * 500)
    client = make_client(
        max_attempts=100,
        retry_budget_seconds=0.5,
        backoff_base_seconds=0.05,
        backoff_max_seconds=0.1,
    )
    started = time.monotonic()
    with pytest.raises(LLMServerError) as caught:
        await client.complete(CHAT)
    elapsed = time.monotonic() - started

    assert elapsed < 0.5 + 0.3  # the budget, plus at most one fast-failing attempt
    assert 2 <= caught.value.attempts < 100
    assert caught.value.attempts == len(fake.chat_requests)


async def test_timeout_raises_llm_timeout(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(hang(5))
    started = time.monotonic()
    with pytest.raises(LLMTimeout):
        await make_client(timeout_seconds=0.3, max_attempts=1).complete(CHAT)
    assert time.monotonic() - started < 1.5


async def test_timeout_is_retried(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(hang(5), reply("Back again."))
    result = await make_client(timeout_seconds=0.3).complete(CHAT)
    assert result.text == "Back again."
    assert result.attempts == 2


async def test_slow_first_token_times_out_a_stream(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(reply("late", first_token_delay=3))
    with pytest.raises(LLMTimeout):
        await collect(make_client(timeout_seconds=0.3, max_attempts=1), CHAT)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, LLMBadRequest),
        (401, LLMAuthError),
        (403, LLMAuthError),
        (404, LLMBadRequest),
        (422, LLMBadRequest),
    ],
)
async def test_client_errors_are_not_retried(
    fake: FakeOpenAI, make_client: ClientFactory, status: int, expected: type[Exception]
) -> None:
    fake.script(error(status, "This model's maximum context length is 8192 tokens"), reply("no"))
    with pytest.raises(expected) as caught:
        await make_client().complete(CHAT)
    assert len(fake.chat_requests) == 1
    assert getattr(caught.value, "attempts", None) == 1
    assert getattr(caught.value, "provider_status", None) == status


async def test_empty_answer_is_a_bad_response(fake: FakeOpenAI, make_client: ClientFactory) -> None:
    fake.script(empty(), reply("unused"))
    with pytest.raises(LLMBadResponse):
        await make_client().complete(CHAT)
    assert len(fake.chat_requests) == 1


async def test_non_json_body_is_a_bad_response(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(garbage_body())
    with pytest.raises(LLMBadResponse):
        await make_client().complete(CHAT)


# -- broken streams ---------------------------------------------------------------


async def test_stream_cut_after_text_is_interrupted_and_not_retried(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(cut_stream("We might consider a pilot next quarter.", after_chunks=2), reply("x"))
    seen: list[str] = []

    async def consume() -> None:
        async with contextlib.aclosing(make_client().stream(CHAT)) as events:
            async for event in events:
                assert isinstance(event, TextDelta)
                seen.append(event.text)

    with pytest.raises(LLMStreamInterrupted) as caught:
        await consume()
    assert seen == ["We might", " conside"]
    assert caught.value.partial_text == "We might conside"
    assert len(fake.chat_requests) == 1


async def test_stream_ending_without_finish_reason_is_interrupted(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(cut_stream("Let me check with finance first.", after_chunks=1, abrupt=False))
    with pytest.raises(LLMStreamInterrupted) as caught:
        await collect(make_client(), CHAT)
    assert caught.value.partial_text == "Let me c"
    assert len(fake.chat_requests) == 1


@pytest.mark.parametrize(
    "failure",
    [cut_stream("never seen", after_chunks=0), error_event("never seen", after_chunks=0)],
    ids=["cut", "error-event"],
)
async def test_stream_failing_before_any_text_is_retried(
    fake: FakeOpenAI, make_client: ClientFactory, failure: Behaviour
) -> None:
    fake.script(failure, reply("Second try."))
    end = (await collect(make_client(), CHAT))[-1]
    assert isinstance(end, StreamEnd)
    assert end.text == "Second try."
    assert end.attempts == 2
    assert len(fake.chat_requests) == 2


async def test_stream_error_event_after_text_is_interrupted_and_not_retried(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(error_event("We could start in March.", after_chunks=1, message="overloaded"))
    with pytest.raises(LLMStreamInterrupted) as caught:
        await collect(make_client(), CHAT)
    assert caught.value.partial_text == "We could"
    assert "overloaded" in (caught.value.provider_message or "")
    assert len(fake.chat_requests) == 1


async def test_stream_events_that_are_not_chunks_are_skipped(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    text = "预算不是问题，关键是上线别影响生产。"
    fake.script(
        odd_events(
            text,
            "null",
            '"keep-alive"',
            "[1, 2]",
            '{"choices": "none"}',
            '{"choices": [null, {"index": 0, "delta": null}]}',
            '{"choices": [{"index": 1, "delta": {"content": "second choice"}}]}',
            '{"model": 7, "usage": {"prompt_tokens": "many", "completion_tokens": null}}',
        )
    )
    events = await collect(make_client(), CHAT)
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == text
    end = events[-1]
    assert isinstance(end, StreamEnd)
    assert end.text == text
    assert end.finish_reason == "stop"
    [sent] = fake.chat_requests
    assert sent.usage is not None
    assert end.usage.prompt_tokens == sent.usage["prompt_tokens"]  # the real usage chunk wins
    assert end.model == sent.body["model"]


@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "stream"])
async def test_error_body_cut_midway_is_a_connection_error_and_retried(
    fake: FakeOpenAI, make_client: ClientFactory, streamed: bool
) -> None:
    # On a streamed request the SDK reads an error body outside its own
    # exception mapping: the transport's error must still become ours.
    fake.script(cut_error(502), reply("Whole."))
    client = make_client()
    if streamed:
        end = (await collect(client, CHAT))[-1]
        assert isinstance(end, StreamEnd)
        assert (end.text, end.attempts) == ("Whole.", 2)
    else:
        result = await client.complete(CHAT)
        assert (result.text, result.attempts) == ("Whole.", 2)
    assert [r.status for r in fake.chat_requests] == [502, 200]


async def test_plain_response_cut_midway_is_retried(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(cut_stream("half a body"), reply("Whole."))
    result = await make_client().complete(CHAT)
    assert result.text == "Whole."
    assert result.attempts == 2


# -- endpoint personalities ---------------------------------------------------------


@pytest.mark.parametrize("status", [400, 500])  # DeepSeek refuses; llama-cpp-python errors
async def test_json_schema_unsupported_degrades_to_json_object_and_remembers(
    fake: FakeOpenAI, make_client: ClientFactory, status: int
) -> None:
    fake.json_schema_unsupported = True
    fake.json_schema_unsupported_status = status
    fake.script(
        json_reply({"score": 72, "reason": "open questions"}),
        json_reply({"score": 40, "reason": "closed"}),
    )
    client = make_client()

    text, mode = await client.complete_json(CHAT, SCORE_SCHEMA, "score")

    assert mode == "json_object"
    assert text == '{"score": 72, "reason": "open questions"}'
    first, second = fake.chat_requests  # the refusal was not retried
    assert first.status == status
    assert first.body["response_format"]["type"] == "json_schema"
    assert first.body["response_format"]["json_schema"]["strict"] is True
    assert first.body["response_format"]["json_schema"]["schema"] == SCORE_SCHEMA
    assert second.body["response_format"] == {"type": "json_object"}
    assert '"reason"' in second.messages[0]["content"]  # the schema went into the system prompt
    assert second.messages[1]["content"] == TRAINEE.content  # the trainee's words are untouched
    assert client.capabilities.supports_json_schema is False

    text, mode = await client.complete_json(CHAT, SCORE_SCHEMA, "score")

    assert (mode, text) == ("json_object", '{"score": 40, "reason": "closed"}')
    assert len(fake.chat_requests) == 3
    assert fake.chat_requests[2].body["response_format"] == {"type": "json_object"}


async def test_json_schema_used_when_supported(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(json_reply({"score": 90, "reason": "great"}))
    client = make_client()
    text, mode = await client.complete_json(CHAT, SCORE_SCHEMA, "judge score!")
    assert mode == "json_schema"
    assert text == '{"score": 90, "reason": "great"}'
    [sent] = fake.chat_requests
    assert sent.body["response_format"]["json_schema"]["name"] == "judge_score_"
    assert sent.messages[0]["content"] == SYSTEM.content
    assert client.capabilities.supports_json_schema is True


async def test_invalid_json_output_degrades_then_fails(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(malformed_json(), malformed_json())
    with pytest.raises(LLMBadResponse):
        await make_client().complete_json(CHAT, SCORE_SCHEMA, "score")
    modes = [r.body["response_format"]["type"] for r in fake.chat_requests]
    assert modes == ["json_schema", "json_object"]


async def test_fenced_json_in_json_object_mode_is_accepted(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.script(malformed_json(), reply('```json\n{"score": 55, "reason": "ok"}\n```'))
    text, mode = await make_client().complete_json(CHAT, SCORE_SCHEMA, "score")
    assert (mode, text) == ("json_object", '{"score": 55, "reason": "ok"}')


async def test_no_system_role_server_gets_it_merged_and_remembered(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.no_system_role = True
    client = make_client()

    result = await client.complete(CHAT)

    assert result.text == f"You said: {SYSTEM.content}\n\n{TRAINEE.content}"
    refused, merged = fake.chat_requests
    assert refused.status == 400
    assert [m["role"] for m in refused.messages] == ["system", "user"]
    assert merged.messages == [
        {"role": "user", "content": f"{SYSTEM.content}\n\n{TRAINEE.content}"}
    ]
    assert client.capabilities.supports_system_role is False

    await collect(client, [SYSTEM, ChatMessage.assistant("Hello."), TRAINEE])

    third = fake.chat_requests[2]
    assert len(fake.chat_requests) == 3
    assert [m["role"] for m in third.messages] == ["user", "assistant", "user"]
    assert third.messages[0]["content"] == SYSTEM.content


async def test_stream_options_refused_once_then_left_out(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    fake.reject_stream_options = True
    client = make_client()

    end = (await collect(client, CHAT))[-1]

    assert isinstance(end, StreamEnd)
    assert end.usage.estimated
    refused, retried = fake.chat_requests
    assert refused.status == 400
    assert "stream_options" in refused.body
    assert "stream_options" not in retried.body
    assert client.capabilities.accepts_stream_options is False

    await collect(client, CHAT)
    assert len(fake.chat_requests) == 3
    assert "stream_options" not in fake.chat_requests[2].body


async def test_models_lists_the_endpoint_models(
    fake: FakeOpenAI, make_client: ClientFactory
) -> None:
    assert await make_client().models() == ["fake-model"]


# -- secrets ---------------------------------------------------------------------------


async def test_api_key_never_reaches_errors_or_logs(
    fake: FakeOpenAI,
    make_client: ClientFactory,
    api_key: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client()
    raised: list[LLMError] = []

    fake.script(
        server_error(500, f"upstream echoed Bearer {api_key}"), rate_limited(retry_after_ms=10)
    )
    await client.complete(CHAT)  # two logged retries, then the echo responder
    fake.api_key = "sk-the-right-key-000000"  # now our key is wrong; the 401 echoes it
    for call in (client.complete(CHAT), collect(client, CHAT)):
        with pytest.raises(LLMAuthError) as caught:
            await call
        raised.append(caught.value)

    assert len(raised) == 2
    assert "Incorrect API key provided: [redacted]" in (raised[0].provider_message or "")
    for exc in raised:
        texts = [
            str(exc),
            repr(exc),
            exc.detail,
            exc.describe(),
            "".join(traceback.format_exception(exc)),
        ]
        assert not [t for t in texts if api_key in t]
    assert any("retrying" in r.getMessage() for r in caplog.records)
    leaked = [
        r for r in caplog.records if api_key in r.getMessage() or api_key in (r.exc_text or "")
    ]
    assert leaked == []
    assert api_key not in caplog.text
    assert api_key not in repr(client)


async def test_client_from_settings(fake: FakeOpenAI, api_key: str) -> None:
    settings = Settings(
        OPENAI_BASE_URL=fake.base_url,
        OPENAI_API_KEY=api_key,
        llm_model="fake-model",
        llm_timeout_seconds=3,
        llm_max_attempts=2,
        llm_retry_budget_seconds=4,
    )
    async with LLMClient.from_settings(settings) as client:
        assert client.timeout_seconds == 3
        assert client.retry_policy.max_attempts == 2
        assert client.retry_policy.budget_seconds == 4
        assert (await client.complete([TRAINEE])).text.startswith("You said:")
    assert fake.chat_requests[0].headers["authorization"] == f"Bearer {api_key}"
    with pytest.raises(ValueError, match="COACH_LLM_MODEL"):
        LLMClient.from_settings(Settings(llm_model=None))

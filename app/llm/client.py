"""`LLMClient`: the one adapter over the `openai` SDK.

Any OpenAI-compatible endpoint (OpenAI, DeepSeek, vLLM, llama.cpp, Ollama,
LM Studio ...) through `AsyncOpenAI`, with:

- the SDK's retries off (`max_retries=0`) and our `RetryPolicy` instead;
- explicit timeouts: `timeout_seconds` bounds each attempt of `complete`, the
  wait for a stream's first text, and each silence inside a stream;
- every SDK exception translated to an `LLMError` (a 503 for our handler);
- `EndpointCapabilities`: fallbacks for servers without the system role,
  `stream_options` or `json_schema`, remembered for the next call.

Build one per endpoint at startup and `aclose()` it at shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

import openai
from openai.types.chat import ChatCompletion
from openai.types.chat.completion_create_params import ResponseFormat

from app.llm import structured
from app.llm.capabilities import EndpointCapabilities
from app.llm.errors import LLMBadResponse, LLMStreamInterrupted
from app.llm.fallbacks import CallRequest, run_with_fallbacks
from app.llm.retry import RetryPolicy
from app.llm.sdk_errors import translated
from app.llm.streaming import ChunkStream, StreamState, read_rest, read_until_text
from app.llm.types import (
    ChatMessage,
    ChatResult,
    JsonMode,
    StreamEnd,
    StreamEvent,
    TextDelta,
    Usage,
)
from app.llm.usage import estimate_usage
from app.observability.metrics import count_tokens, observed

if TYPE_CHECKING:
    from app.config import Settings

R = TypeVar("R")
T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers need no key, but the SDK refuses to start without one.
PLACEHOLDER_API_KEY = "not-needed"


def _given(value: T | None) -> T | openai.Omit:
    """`value`, or the SDK's "leave this field out of the request" marker."""
    return openai.omit if value is None else value


# The messages travel in `extra_body`, whose keys the SDK documents as taking
# precedence over the arguments: `create(messages=[])` stays typed and the
# server gets these. Passed as `messages=`, each message goes through the
# SDK's parameter transform (type introspection, with nothing to change in a
# plain-text message): ~0.15 ms of event-loop time a message before the
# request leaves, 13 ms for a 40-turn role-play. bench/stream_overhead.py
# --sessions 5 --turns 40 --think 0.5 measures it.
def _messages(request: CallRequest) -> dict[str, object]:
    return {"messages": [{"role": m.role, "content": m.content} for m in request.messages]}


def _response_format(request: CallRequest) -> ResponseFormat | openai.Omit:
    # Built by `structured.response_format_for` in the shape the API documents;
    # kept as a plain dict there so that module needs no SDK types.
    if request.response_format is None:
        return openai.omit
    return cast("ResponseFormat", request.response_format)


class LLMClient:
    """Chat completions against one endpoint and model. Safe for concurrent use."""

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: str | None,
        model: str,
        timeout_seconds: float = 60.0,
        max_attempts: int = 4,
        retry_budget_seconds: float = 30.0,
        backoff_base_seconds: float = 0.5,
        backoff_max_seconds: float = 8.0,
        capabilities: EndpointCapabilities | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        url = base_url or DEFAULT_BASE_URL
        parts = urlsplit(url)
        self.model = model
        self.endpoint = (
            f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path}"
        )
        self.capabilities = capabilities or EndpointCapabilities()
        self.timeout_seconds = timeout_seconds
        self.retry_policy = RetryPolicy(
            max_attempts=max_attempts,
            budget_seconds=retry_budget_seconds,
            base_wait=backoff_base_seconds,
            max_wait=backoff_max_seconds,
            sleep=sleep,
        )
        self._secrets = tuple(s for s in (api_key, parts.password) if s)
        self._sdk = openai.AsyncOpenAI(
            base_url=url,
            api_key=api_key or PLACEHOLDER_API_KEY,
            max_retries=0,
            timeout=openai.Timeout(timeout_seconds, connect=min(timeout_seconds, 10.0)),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMClient:
        """The client the settings describe (`COACH_LLM_MODEL` must be set)."""
        if not settings.llm_model:
            raise ValueError("COACH_LLM_MODEL is not set")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return cls(
            base_url=settings.openai_base_url,
            api_key=key,
            model=settings.llm_model,
            timeout_seconds=settings.llm_timeout_seconds,
            max_attempts=settings.llm_max_attempts,
            retry_budget_seconds=settings.llm_retry_budget_seconds,
        )

    def __repr__(self) -> str:
        return f"LLMClient(endpoint={self.endpoint!r}, model={self.model!r})"

    async def __aenter__(self) -> LLMClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._sdk.close()

    # -- public calls -------------------------------------------------------

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        response_format: dict[str, Any] | None = None,
        seed: int | None = None,
    ) -> ChatResult:
        """One reply. Raises `LLMBadResponse` when the reply is empty."""
        request = CallRequest(tuple(messages), temperature, max_tokens, seed, response_format)
        with observed("complete"):
            result = await self._complete(request)
        count_tokens(
            result.usage.prompt_tokens,
            result.usage.completion_tokens,
            estimated=result.usage.estimated,
        )
        return result

    async def _complete(self, request: CallRequest) -> ChatResult:
        completion, attempts, sent = await self._call(request, self._complete_once)
        choice = completion.choices[0] if completion.choices else None
        message = choice.message if choice is not None else None
        text = message.content if message is not None else None
        if not text or not text.strip():
            refusal = message.refusal if message is not None else None
            error = LLMBadResponse(
                "The language model returned an empty answer.",
                provider_message=refusal
                or f"finish_reason={choice.finish_reason if choice else None}",
                secrets=self._secrets,
            )
            error.attempts = attempts
            raise error
        usage = completion.usage
        return ChatResult(
            text=text,
            usage=Usage(int(usage.prompt_tokens or 0), int(usage.completion_tokens or 0))
            if usage is not None
            else estimate_usage(sent.messages, text),
            model=completion.model or self.model,
            finish_reason=choice.finish_reason if choice is not None else None,
            attempts=attempts,
        )

    async def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        response_format: dict[str, Any] | None = None,
        seed: int | None = None,
    ) -> AsyncGenerator[StreamEvent, None]:
        """`TextDelta`s in arrival order, then one `StreamEnd` with text and usage.

        Failures before the first delta are retried; after it, a break raises
        `LLMStreamInterrupted` (with `partial_text`). Use under
        `contextlib.aclosing(...)` so an abandoned stream frees its connection.
        """
        request = CallRequest(
            tuple(messages),
            temperature,
            max_tokens,
            seed,
            response_format,
            stream_usage=True,
        )
        with observed("stream"):
            async with contextlib.aclosing(self._stream(request)) as events:
                async for event in events:
                    if isinstance(event, StreamEnd):
                        usage = event.usage
                        count_tokens(
                            usage.prompt_tokens, usage.completion_tokens, estimated=usage.estimated
                        )
                    yield event

    async def _stream(self, request: CallRequest) -> AsyncGenerator[StreamEvent, None]:
        (sdk_stream, state), attempts, sent = await self._call(request, self._open_stream)
        try:
            if state.parts:
                yield TextDelta(state.text)
            if not state.ended:
                async for piece in read_rest(sdk_stream, state, self._secrets):
                    yield TextDelta(piece)
        finally:
            await sdk_stream.close()
        if not state.text.strip():
            raise LLMBadResponse("The language model returned an empty answer.")
        if state.usage is not None:
            self.capabilities.supports_stream_usage = True
        elif sent.stream_usage:
            self.capabilities.supports_stream_usage = False
        yield StreamEnd(
            text=state.text,
            usage=state.usage or estimate_usage(sent.messages, state.text),
            model=state.model or self.model,
            finish_reason=state.finish_reason,
            attempts=attempts,
        )

    async def complete_json(
        self,
        messages: Sequence[ChatMessage],
        schema: dict[str, Any],
        schema_name: str,
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
    ) -> tuple[str, JsonMode]:
        """A JSON object answer: (its text, the mode that produced it).

        Tries `json_schema`, then `json_object` with the schema in the prompt;
        remembers which worked and starts there next time. Raises
        `LLMBadResponse` when both are refused or give no JSON object.
        Outages (rate limits, timeouts, auth) propagate as they are.
        """
        return await structured.complete_json(
            self.complete,
            self.capabilities,
            messages,
            schema,
            schema_name,
            temperature=temperature,
            max_tokens=max_tokens,
            seed=seed,
            endpoint=self.endpoint,
        )

    async def models(self) -> list[str]:
        """Model ids the endpoint lists (a cheap reachability check)."""

        async def attempt() -> list[str]:
            with translated(self._secrets):
                async with asyncio.timeout(self.timeout_seconds):
                    return [model.id async for model in self._sdk.models.list()]

        ids, _ = await self.retry_policy.run(attempt, label=f"{self.endpoint} models")
        return ids

    async def _call(
        self, request: CallRequest, once: Callable[[CallRequest], Awaitable[R]]
    ) -> tuple[R, int, CallRequest]:
        return await run_with_fallbacks(
            request,
            once,
            policy=self.retry_policy,
            capabilities=self.capabilities,
            endpoint=f"{self.endpoint} ({self.model})",
        )

    def _create_args(self, request: CallRequest) -> dict[str, Any]:
        """What a plain and a streamed call send alike."""
        return {
            "model": self.model,
            "messages": [],
            "extra_body": _messages(request),
            "temperature": _given(request.temperature),
            "max_tokens": _given(request.max_tokens),
            "seed": _given(request.seed),
            "response_format": _response_format(request),
        }

    async def _complete_once(self, request: CallRequest) -> ChatCompletion:
        with translated(self._secrets):
            async with asyncio.timeout(self.timeout_seconds):
                completion: object = await self._sdk.chat.completions.create(
                    **self._create_args(request)
                )
        # On a non-JSON body the SDK hands back the text instead of a model.
        if not isinstance(completion, ChatCompletion):
            raise LLMBadResponse(provider_message="the response body was not JSON")
        return completion

    async def _open_stream(self, request: CallRequest) -> tuple[ChunkStream, StreamState]:
        state = StreamState()
        sdk_stream: ChunkStream | None = None
        try:
            with translated(self._secrets):
                async with asyncio.timeout(self.timeout_seconds):
                    sdk_stream = await self._sdk.chat.completions.create(
                        **self._create_args(request),
                        stream=True,
                        stream_options=(
                            {"include_usage": True} if request.stream_usage else openai.omit
                        ),
                    )
                    await read_until_text(sdk_stream, state)
        except BaseException:
            if sdk_stream is not None:
                with contextlib.suppress(Exception):
                    await sdk_stream.close()
            raise
        if state.ended and state.finish_reason is None:
            await sdk_stream.close()
            raise LLMStreamInterrupted(provider_message="the stream ended before any text")
        return sdk_stream, state

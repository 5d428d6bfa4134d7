"""Reading a chat-completion stream in two phases.

Phase one (`read_until_text`) runs inside the retry policy: it opens the
stream and reads until the first piece of text. Anything failing there is
safe to retry, because the caller has seen nothing. Phase two (`read_rest`)
runs after text was handed out: a failure there is an `LLMStreamInterrupted`
carrying the partial text, and is never retried (the caller decides).

A stream that stops without a finish reason was cut (a clean connection
close can look like a normal end once the SDK hides the missing `[DONE]`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from openai import AsyncStream
from openai.types.chat import ChatCompletionChunk

from app.llm.errors import LLMStreamInterrupted
from app.llm.sdk_errors import translate
from app.llm.types import Usage


@dataclass(slots=True)
class StreamState:
    """What the chunks said so far."""

    parts: list[str] = field(default_factory=list)
    finish_reason: str | None = None
    usage: Usage | None = None
    model: str | None = None
    ended: bool = False

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, chunk: ChatCompletionChunk) -> str:
        """Fold one chunk in; return its text (possibly empty)."""
        if chunk.model:
            self.model = chunk.model
        if chunk.usage is not None:
            self.usage = Usage(
                prompt_tokens=int(chunk.usage.prompt_tokens or 0),
                completion_tokens=int(chunk.usage.completion_tokens or 0),
            )
        piece = ""
        for choice in chunk.choices or []:
            if choice.index:  # we ask for one choice; some servers omit the index
                continue
            delta: Any = choice.delta
            content = getattr(delta, "content", None) if delta is not None else None
            if isinstance(content, str):
                piece += content
            if choice.finish_reason:
                self.finish_reason = choice.finish_reason
        if piece:
            self.parts.append(piece)
        return piece


async def _next(stream: AsyncStream[ChatCompletionChunk]) -> ChatCompletionChunk | None:
    try:
        return await stream.__anext__()
    except StopAsyncIteration:
        return None


async def read_until_text(stream: AsyncStream[ChatCompletionChunk], state: StreamState) -> None:
    """Read chunks until one carries text or the stream ends (`state.ended`)."""
    while not state.parts:
        chunk = await _next(stream)
        if chunk is None:
            state.ended = True
            return
        state.add(chunk)


async def read_rest(
    stream: AsyncStream[ChatCompletionChunk], state: StreamState, secrets: tuple[str, ...]
) -> AsyncIterator[str]:
    """Yield the remaining text pieces; any break becomes `LLMStreamInterrupted`."""
    try:
        while (chunk := await _next(stream)) is not None:
            piece = state.add(chunk)
            if piece:
                yield piece
    except Exception as exc:
        cause = translate(exc, secrets)
        if cause is None:
            raise
        raise LLMStreamInterrupted(
            partial_text=state.text,
            provider_status=cause.provider_status,
            provider_message=f"{type(cause).__name__}: {cause.provider_message or cause.detail}",
            secrets=secrets,
        ) from None
    state.ended = True
    if state.finish_reason is None:
        raise LLMStreamInterrupted(
            partial_text=state.text, provider_message="the stream ended without a finish reason"
        )

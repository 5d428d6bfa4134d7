"""Reading a chat-completion stream in two phases.

Phase one (`read_until_text`) runs inside the retry policy: it opens the
stream and reads until the first piece of text. Anything failing there is
safe to retry, because the caller has seen nothing. Phase two (`read_rest`)
runs after text was handed out: a failure there is an `LLMStreamInterrupted`
carrying the partial text, and is never retried (the caller decides).

A stream that stops without a finish reason was cut (a clean connection
close can look like a normal end once the SDK hides the missing `[DONE]`).

Chunks arrive as the JSON objects the server sent (the SDK decodes the
event stream and raises on error events; see `LLMClient._open_stream`), so
every field is checked for its type here: servers differ in what they omit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from openai import AsyncStream

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

    def add(self, chunk: object) -> str:
        """Fold one chunk (a `chat.completion.chunk` object) in; return its text (possibly empty)."""
        if not isinstance(chunk, dict):
            return ""  # not a chunk at all: nothing in it for us
        model = chunk.get("model")
        if isinstance(model, str) and model:
            self.model = model
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            self.usage = Usage(
                prompt_tokens=_count(usage.get("prompt_tokens")),
                completion_tokens=_count(usage.get("completion_tokens")),
            )
        piece = ""
        choices = chunk.get("choices")
        for choice in choices if isinstance(choices, list) else ():
            if not isinstance(choice, dict) or choice.get("index"):
                continue  # we ask for one choice; some servers omit the index
            delta = choice.get("delta")
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str):
                piece += content
            finish_reason = choice.get("finish_reason")
            if isinstance(finish_reason, str) and finish_reason:
                self.finish_reason = finish_reason
        if piece:
            self.parts.append(piece)
        return piece


def _count(value: Any) -> int:
    """A token count as sent; anything that is not a number counts as none."""
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


ChunkStream = AsyncStream[object]
_END = object()  # not None: a server may send `data: null`


async def _next(stream: ChunkStream) -> object:
    try:
        return await stream.__anext__()
    except StopAsyncIteration:
        return _END


async def read_until_text(stream: ChunkStream, state: StreamState) -> None:
    """Read chunks until one carries text or the stream ends (`state.ended`)."""
    while not state.parts:
        chunk = await _next(stream)
        if chunk is _END:
            state.ended = True
            return
        state.add(chunk)


async def read_rest(
    stream: ChunkStream, state: StreamState, secrets: tuple[str, ...]
) -> AsyncIterator[str]:
    """Yield the remaining text pieces; any break becomes `LLMStreamInterrupted`."""
    try:
        while (chunk := await _next(stream)) is not _END:
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

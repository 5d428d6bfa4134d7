"""Reading a chat-completion stream in two phases.

Phase one (`read_until_text`) runs inside the retry policy: it opens the
stream and reads until the first piece of text. Anything failing there is
safe to retry, because the caller has seen nothing. Phase two (`read_rest`)
runs after text was handed out: a failure there is an `LLMStreamInterrupted`
carrying the partial text, and is never retried (the caller decides).

A stream that stops without a finish reason was cut (a clean connection
close can look like a normal end once the SDK hides the missing `[DONE]`).

Chunks are the SDK's `ChatCompletionChunk`s (it decodes the event stream and
raises on error events), but the SDK builds them without validating what the
server sent: a `data: null` or a keep-alive string arrives as it is, and a
field may hold any JSON. So every chunk and field is checked for its type
here: servers differ in what they omit and what they send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from openai import AsyncStream
from openai.types import CompletionUsage
from openai.types.chat import ChatCompletionChunk
from openai.types.chat.chat_completion_chunk import Choice, ChoiceDelta

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
        """Fold one chunk in; return its text (possibly empty)."""
        if not isinstance(chunk, ChatCompletionChunk):
            return ""  # not a chunk at all: nothing in it for us
        if isinstance(chunk.model, str) and chunk.model:
            self.model = chunk.model
        if isinstance(chunk.usage, CompletionUsage):
            self.usage = Usage(
                prompt_tokens=_count(chunk.usage.prompt_tokens),
                completion_tokens=_count(chunk.usage.completion_tokens),
            )
        piece = ""
        for choice in chunk.choices if isinstance(chunk.choices, list) else ():
            if not isinstance(choice, Choice) or choice.index:
                continue  # we ask for one choice; some servers omit the index
            content = choice.delta.content if isinstance(choice.delta, ChoiceDelta) else None
            if isinstance(content, str):
                piece += content
            if isinstance(choice.finish_reason, str) and choice.finish_reason:
                self.finish_reason = choice.finish_reason
        if piece:
            self.parts.append(piece)
        return piece


def _count(value: Any) -> int:
    """A token count as sent; anything that is not a number counts as none."""
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


ChunkStream = AsyncStream[ChatCompletionChunk]
_END = object()  # not None: a server may send `data: null`


async def read_until_text(stream: ChunkStream, state: StreamState) -> None:
    """Read chunks until one carries text or the stream ends (`state.ended`)."""
    while not state.parts:
        chunk = await anext(stream, _END)
        if chunk is _END:
            state.ended = True
            return
        state.add(chunk)


async def read_rest(
    stream: ChunkStream, state: StreamState, secrets: tuple[str, ...]
) -> AsyncIterator[str]:
    """Yield the remaining text pieces; any break becomes `LLMStreamInterrupted`."""
    try:
        while (chunk := await anext(stream, _END)) is not _END:
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

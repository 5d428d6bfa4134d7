"""Provider-neutral types of the LLM seam.

Nothing outside `app/llm/` sees an `openai` type: callers speak in these
small frozen dataclasses, so the SDK can change (or be swapped) behind them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["system", "user", "assistant"]
JsonMode = Literal["json_schema", "json_object"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message of a chat. Trainee text belongs in `user` messages only."""

    role: Role
    content: str

    @classmethod
    def system(cls, content: str) -> ChatMessage:
        return cls("system", content)

    @classmethod
    def user(cls, content: str) -> ChatMessage:
        return cls("user", content)

    @classmethod
    def assistant(cls, content: str) -> ChatMessage:
        return cls("assistant", content)


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts of one call; `estimated` is True when the server sent none."""

    prompt_tokens: int
    completion_tokens: int
    estimated: bool = False

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True, slots=True)
class ChatResult:
    """A finished completion. `attempts` counts HTTP attempts made by the retry policy."""

    text: str
    usage: Usage
    model: str
    finish_reason: str | None
    attempts: int = 1


@dataclass(frozen=True, slots=True)
class TextDelta:
    """A piece of the reply, in arrival order."""

    text: str


@dataclass(frozen=True, slots=True)
class StreamEnd:
    """The last event of a stream: the whole text and its usage."""

    text: str
    usage: Usage
    model: str
    finish_reason: str | None
    attempts: int = 1


StreamEvent = TextDelta | StreamEnd

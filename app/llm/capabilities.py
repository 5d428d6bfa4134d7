"""What an OpenAI-compatible endpoint turned out to support, and how we adapt.

"OpenAI-compatible" servers differ: DeepSeek refuses `json_schema` response
formats, llama.cpp's Python server answers them with a 500, Gemma-style chat
templates reject the system role, older gateways reject `stream_options`.
Rather than a table of vendors, the client tries the best request, reads the
refusal, falls back one step, and remembers the outcome here so the next call
starts where the last one succeeded. `None` means "not known yet".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.llm.errors import LLMBadRequest
from app.llm.types import ChatMessage

_SYSTEM_ROLE_REFUSAL = re.compile(
    r"system[ _-]?(role|message|prompt)|role[^a-z]{0,4}system|chat[ _-]?template"
    r"|roles must alternate|only (the )?user and assistant",
    re.IGNORECASE,
)


@dataclass(slots=True)
class EndpointCapabilities:
    """Memory of one endpoint (base URL + model); share one per endpoint."""

    supports_json_schema: bool | None = None
    supports_system_role: bool | None = None
    accepts_stream_options: bool | None = None
    supports_stream_usage: bool | None = None


def is_system_role_refusal(error: LLMBadRequest) -> bool:
    """A refusal that blames the system role or the chat template."""
    return bool(error.provider_message and _SYSTEM_ROLE_REFUSAL.search(error.provider_message))


def merge_system_into_user(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """The same conversation without system messages, for servers without the role.

    The leading system text goes in front of the first message, inside a user
    message: prepended to it when it is a user message, or as a new user
    message when the chat opens with the assistant (that keeps the
    user/assistant alternation strict templates demand). A later system
    message (a per-turn note after the history) joins the user message before
    it, so the shared prefix of the conversation stays the same from turn to
    turn and the note stays next to the message it is about.
    """
    lead: list[str] = []
    i = 0
    while i < len(messages) and messages[i].role == "system":
        lead.append(messages[i].content)
        i += 1
    out: list[ChatMessage] = []
    for m in messages[i:]:
        if m.role != "system":
            out.append(m)
        elif out and out[-1].role == "user":
            out[-1] = ChatMessage.user(f"{out[-1].content}\n\n{m.content}")
        else:
            out.append(ChatMessage.user(m.content))
    system = "\n\n".join(lead)
    if not system:
        return out
    if out and out[0].role == "user":
        return [ChatMessage.user(f"{system}\n\n{out[0].content}"), *out[1:]]
    return [ChatMessage.user(system), *out]

"""One logical call: the retry policy, plus one step down on a refusal.

A refusal (`LLMBadRequest`) is never retried as-is; but some refusals name a
feature the endpoint lacks, and the same request without it can succeed:

- "system role not supported" / chat-template errors: the system text is
  merged into the first user turn (`merge_system_into_user`);
- a refused streaming request while `stream_options` is not known to be
  accepted: sent once more without it (usage is then estimated).

What worked is written to `EndpointCapabilities`, and `initial_request`
applies it up front next time, so an endpoint pays for a fallback once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from app.llm.capabilities import (
    EndpointCapabilities,
    is_system_role_refusal,
    merge_system_into_user,
)
from app.llm.errors import LLMAuthError, LLMBadRequest
from app.llm.retry import RetryPolicy
from app.llm.types import ChatMessage

log = logging.getLogger(__name__)

R = TypeVar("R")

MAX_FALLBACKS = 2  # system role, then stream_options


@dataclass(frozen=True, slots=True)
class CallRequest:
    """What one chat-completions request sends (besides the model)."""

    messages: tuple[ChatMessage, ...]
    temperature: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    response_format: dict[str, Any] | None = None
    stream_usage: bool = False  # send stream_options={"include_usage": true}


def initial_request(request: CallRequest, capabilities: EndpointCapabilities) -> CallRequest:
    """`request` adapted to what the endpoint is already known to lack."""
    if capabilities.supports_system_role is False:
        request = replace(request, messages=tuple(merge_system_into_user(request.messages)))
    if capabilities.accepts_stream_options is False:
        request = replace(request, stream_usage=False)
    return request


def next_request(
    request: CallRequest, error: LLMBadRequest, capabilities: EndpointCapabilities, endpoint: str
) -> CallRequest | None:
    """The request to try after `error`, or None when the refusal is final."""
    if isinstance(error, LLMAuthError):
        return None
    if any(m.role == "system" for m in request.messages) and is_system_role_refusal(error):
        capabilities.supports_system_role = False
        log.info("%s: system role unsupported; merging it into the user turn", endpoint)
        return replace(request, messages=tuple(merge_system_into_user(request.messages)))
    if request.stream_usage and capabilities.accepts_stream_options is not True:
        return replace(request, stream_usage=False)
    return None


async def run_with_fallbacks(
    request: CallRequest,
    once: Callable[[CallRequest], Awaitable[R]],
    *,
    policy: RetryPolicy,
    capabilities: EndpointCapabilities,
    endpoint: str,
) -> tuple[R, int, CallRequest]:
    """Run `once` under `policy`, stepping down after refusals.

    Returns the result, the attempts of the run that succeeded, and the
    request that succeeded (its messages are what the model actually saw).
    """
    asked_usage = request.stream_usage
    request = initial_request(request, capabilities)
    for fallbacks_left in range(MAX_FALLBACKS, -1, -1):
        try:
            result, attempts = await policy.run(functools.partial(once, request), label=endpoint)
        except LLMBadRequest as error:
            adapted = (
                next_request(request, error, capabilities, endpoint) if fallbacks_left else None
            )
            if adapted is None:
                raise
            request = adapted
            continue
        if asked_usage and capabilities.accepts_stream_options is None:
            capabilities.accepts_stream_options = request.stream_usage
            if not request.stream_usage:
                log.info("%s: stream_options refused; usage will be estimated", endpoint)
        return result, attempts, request
    raise AssertionError("unreachable")  # pragma: no cover

"""Translate every exception the `openai` SDK (and its `httpx2` transport) can
raise into one of our `LLMError`s.

Our errors are raised `from None`: the SDK's exception chain holds request
objects and provider text we have not redacted, and a logger printing the
chain must not be able to leak a key. What is useful for debugging (status,
request id, the provider's message, the underlying transport error) is copied
onto our error, redacted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import httpx2
import openai

from app.llm.errors import (
    LLMAuthError,
    LLMBadRequest,
    LLMBadResponse,
    LLMConnectionError,
    LLMError,
    LLMRateLimited,
    LLMServerError,
    LLMTimeout,
)
from app.llm.retry import parse_retry_after

# A 5xx saying one of these is a deterministic refusal (llama.cpp's servers
# answer an unsupported response_format or a template error with a 500), not
# an outage: retrying it only burns the budget.
_UNSUPPORTED = re.compile(
    r"not supported|unsupported|not implemented|response_format|json_schema|grammar"
    r"|chat template|roles must alternate|system role",
    re.IGNORECASE,
)
_ERROR_CODE_PREFIX = re.compile(r"^Error code: \d+(?: - )?")


def looks_unsupported(message: str | None) -> bool:
    """True when a provider message reads like "this feature is not supported"."""
    return bool(message and _UNSUPPORTED.search(message))


def _provider_text(exc: openai.APIError) -> str | None:
    """The provider's own message; servers put it in different places."""
    body = exc.body
    if isinstance(body, str) and body.strip():
        return body.strip()
    if isinstance(body, Mapping):
        for key in ("message", "detail", "error"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    text = _ERROR_CODE_PREFIX.sub("", exc.message).strip()
    return text or None


def _transport_cause(exc: BaseException) -> str | None:
    cause = exc.__cause__ or exc.__context__
    if cause is None:
        return None
    text = str(cause)
    return f"{type(cause).__name__}: {text}" if text else type(cause).__name__


def _from_status(exc: openai.APIStatusError, secrets: tuple[str, ...]) -> LLMError:
    status = exc.status_code
    message = _provider_text(exc)

    def build(cls: type[LLMError], retry_after: float | None = None) -> LLMError:
        return cls(
            provider_status=status,
            provider_message=message,
            request_id=exc.request_id,
            retry_after=retry_after,
            secrets=secrets,
        )

    if status == 429:
        return build(LLMRateLimited, parse_retry_after(exc.response.headers))
    if status in (401, 403):
        return build(LLMAuthError)
    if status == 408:
        return build(LLMTimeout)
    if status >= 500 and not looks_unsupported(message):
        return build(LLMServerError, parse_retry_after(exc.response.headers))
    return build(LLMBadRequest)


def translate(exc: BaseException, secrets: Iterable[str] = ()) -> LLMError | None:
    """Our error for `exc`, or None when `exc` is not a provider failure
    (programming errors and cancellation must propagate untouched)."""
    secrets = tuple(secrets)
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, TimeoutError):  # our own per-attempt deadline
        return LLMTimeout(secrets=secrets)
    if isinstance(exc, openai.APITimeoutError):
        return LLMTimeout(provider_message=_transport_cause(exc), secrets=secrets)
    if isinstance(exc, openai.APIConnectionError):
        return LLMConnectionError(provider_message=_transport_cause(exc), secrets=secrets)
    if isinstance(exc, openai.APIStatusError):
        return _from_status(exc, secrets)
    if isinstance(exc, openai.APIResponseValidationError):
        return LLMBadResponse(provider_message=exc.message, secrets=secrets)
    if isinstance(exc, openai.APIError):
        # An error event inside a 200 stream (the server failed mid-generation).
        return LLMServerError(provider_message=_provider_text(exc), secrets=secrets)
    if isinstance(exc, openai.OpenAIError):
        return LLMBadResponse(provider_message=str(exc), secrets=secrets)
    # The SDK maps most transport failures to APIConnectionError/APITimeoutError,
    # but not all: reading the error body of a streamed request lets the
    # transport's own exception through (tests pin it), hence the one direct
    # `httpx2` import of the seam.
    if isinstance(exc, httpx2.TimeoutException):
        return LLMTimeout(provider_message=type(exc).__name__, secrets=secrets)
    if isinstance(exc, httpx2.HTTPError):
        return LLMConnectionError(provider_message=f"{type(exc).__name__}: {exc}", secrets=secrets)
    if isinstance(exc, json.JSONDecodeError):
        return LLMBadResponse(provider_message=f"invalid JSON body: {exc.msg}", secrets=secrets)
    return None


@contextmanager
def translated(secrets: Iterable[str] = ()) -> Iterator[None]:
    """Run a block of SDK calls; provider failures leave it as `LLMError`s."""
    try:
        yield
    except Exception as exc:
        ours = translate(exc, secrets)
        if ours is None or ours is exc:
            raise
        raise ours from None

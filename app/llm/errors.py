"""Our LLM errors: every failure of the provider becomes one of these.

All are `LLMUnavailable` (HTTP 503, code "llm_unavailable") so the one error
handler renders them without knowing the SDK. Two attributes are kept apart
on purpose:

- `detail` (what the handler shows to the trainee) is written by us and never
  quotes the provider, so neither internals nor secrets can leak to a client;
- `provider_message` keeps the provider's own words, redacted and truncated,
  for logs (`describe()` joins both).

The provider's HTTP status is `provider_status`, not `status_code`:
`CoachError.status_code` is the status *we* answer with, and overwriting it
would turn an upstream 429 into our own 429.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from app.errors import LLMUnavailable

_MAX_PROVIDER_MESSAGE = 500
# Things that look like credentials even when we don't know them: OpenAI-style
# keys and bearer tokens some proxies echo back in error bodies.
_KEYLIKE = re.compile(r"(?:sk|rk|pk)-[A-Za-z0-9_\-]{8,}|(?i:bearer)\s+[A-Za-z0-9._~+/=\-]{8,}")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Remove known secrets and anything key-shaped from `text`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    return _KEYLIKE.sub("[redacted]", text)


class LLMError(LLMUnavailable):
    """Base of the seam's errors. `retryable` tells the retry policy what to do."""

    retryable: ClassVar[bool] = False
    summary: ClassVar[str] = "The language model is unavailable."

    def __init__(
        self,
        detail: str | None = None,
        *,
        provider_status: int | None = None,
        provider_message: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        secrets = tuple(secrets)
        super().__init__(redact(detail or self.summary, secrets))
        self.provider_status = provider_status
        self.provider_message = (
            redact(provider_message, secrets)[:_MAX_PROVIDER_MESSAGE] if provider_message else None
        )
        self.request_id = request_id
        self.retry_after = retry_after
        self.attempts = 1

    @property
    def is_retryable(self) -> bool:
        return self.retryable

    def describe(self) -> str:
        """One line for logs: our summary plus what the provider said (redacted)."""
        parts = [f"{type(self).__name__}: {self.detail}"]
        if self.provider_status is not None:
            parts.append(f"HTTP {self.provider_status}")
        if self.provider_message:
            parts.append(f"provider said: {self.provider_message}")
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        if self.attempts > 1:
            parts.append(f"after {self.attempts} attempts")
        return "; ".join(parts)


class LLMRateLimited(LLMError):
    retryable = True
    summary = "The language model provider is rate-limiting requests; try again shortly."


class LLMTimeout(LLMError):
    retryable = True
    summary = "The language model did not answer in time."


class LLMConnectionError(LLMError):
    retryable = True
    summary = "The language model provider could not be reached."


class LLMServerError(LLMError):
    retryable = True
    summary = "The language model provider had an internal error."


class LLMBadRequest(LLMError):
    """The provider refused the request (4xx other than 429, or a 5xx that says
    "unsupported"): retrying the same request cannot help."""

    summary = "The language model provider rejected the request."


class LLMAuthError(LLMBadRequest):
    summary = "The language model provider refused our credentials."


class LLMBadResponse(LLMError):
    """The provider answered, but with nothing usable (empty or unparseable)."""

    summary = "The language model returned an unusable answer."


class LLMStreamInterrupted(LLMError):
    """A stream broke before its end. Retried only while nothing was yielded;
    afterwards the caller holds `partial_text` and decides."""

    summary = "The language model's answer was cut off."

    def __init__(
        self,
        detail: str | None = None,
        *,
        partial_text: str = "",
        provider_status: int | None = None,
        provider_message: str | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        super().__init__(
            detail,
            provider_status=provider_status,
            provider_message=provider_message,
            secrets=secrets,
        )
        self.partial_text = partial_text

    @property
    def is_retryable(self) -> bool:
        return not self.partial_text

"""The one retry policy of the LLM seam (tenacity).

The SDK's own retries are off (`max_retries=0`), so this is the only place a
request is repeated; two layers would multiply attempts and blow the budget.

Contract:

- retried: rate limits (429), server errors (5xx that don't say "unsupported"),
  timeouts, connection errors, and streams cut before any text was yielded;
- never retried: 400/401/403/404/422 and other refusals, unusable output, and
  streams cut after text reached the caller (`LLMError.is_retryable`);
- waits: exponential backoff with jitter, or exactly what the server asked for
  in `retry-after-ms` / `Retry-After` (seconds or an HTTP date);
- bounded twice: at most `max_attempts` attempts, and no wait that would end
  after `budget_seconds` from the first attempt's start. A backoff is
  shortened to fit the budget; a server-requested wait that doesn't fit ends
  the retries at once (retrying earlier than asked would only earn another
  429), and the error keeps `retry_after` so the caller can say when to come
  back. The budget bounds when attempts may *start*; the last attempt may run
  up to its own timeout past it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from app.llm.errors import LLMError
from app.observability.metrics import LLM_RETRIES

log = logging.getLogger(__name__)

T = TypeVar("T")

# Leave this much of the budget unused when shortening a backoff, so the stop
# rule (elapsed + wait >= budget) still lets the last attempt start.
_BUDGET_MARGIN = 0.01


def parse_retry_after(
    headers: Mapping[str, str] | None, *, now: float | None = None
) -> float | None:
    """Seconds the server asks us to wait, or None when it doesn't say.

    `retry-after-ms` (OpenAI, Azure) wins over `Retry-After`, which may be a
    number of seconds or an HTTP date. Nonsense values are ignored.
    """
    if not headers:
        return None
    lowered = {key.lower(): value for key, value in headers.items()}
    milliseconds = _number(lowered.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    seconds = _number(raw)
    if seconds is not None:
        return seconds
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _number(raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, LLMError) and exc.is_retryable


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How one logical LLM call is attempted. Backoff values are injectable so
    tests can run the real policy in milliseconds."""

    max_attempts: int = 4
    budget_seconds: float = 30.0
    base_wait: float = 0.5
    max_wait: float = 8.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.budget_seconds <= 0 or self.base_wait < 0 or self.max_wait < 0:
            raise ValueError("budget and waits must be positive")

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, LLMError) and exc.retry_after is not None:
            return exc.retry_after  # the stop rule gives up if it doesn't fit
        backoff = wait_exponential_jitter(
            multiplier=self.base_wait, max=self.max_wait, jitter=self.base_wait
        )(state)
        remaining = self.budget_seconds - (state.seconds_since_start or 0.0) - _BUDGET_MARGIN
        return max(0.0, min(backoff, remaining))

    def _before_sleep(self, label: str) -> Callable[[RetryCallState], None]:
        def log_retry(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome is not None else None
            LLM_RETRIES.labels(type(exc).__name__).inc()
            reason = exc.describe() if isinstance(exc, LLMError) else type(exc).__name__
            log.warning(
                "%s failed (%s); attempt %d of %d, retrying in %.2fs",
                label,
                reason,
                state.attempt_number,
                self.max_attempts,
                state.upcoming_sleep,
            )

        return log_retry

    async def run(
        self, attempt: Callable[[], Awaitable[T]], *, label: str = "LLM call"
    ) -> tuple[T, int]:
        """Run `attempt` under the policy; return its result and the attempts made.

        On failure the last `LLMError` is raised with `.attempts` set.
        """
        attempts = 0

        async def counted() -> T:
            nonlocal attempts
            attempts += 1
            return await attempt()

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts) | stop_before_delay(self.budget_seconds),
            wait=self._wait,
            retry=retry_if_exception(_is_retryable),
            sleep=self.sleep,
            before_sleep=self._before_sleep(label),
            reraise=True,
        )
        try:
            result: T = await retrying(counted)
        except LLMError as exc:
            exc.attempts = attempts
            raise
        return result, attempts

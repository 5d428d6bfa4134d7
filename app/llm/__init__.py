"""The LLM seam: the only package that imports `openai`.

Callers use `LLMClient` with the neutral types below and handle `LLMError`
(every one is an `app.errors.LLMUnavailable`, rendered as a 503).
"""

from app.llm.capabilities import EndpointCapabilities
from app.llm.client import DEFAULT_BASE_URL, PLACEHOLDER_API_KEY, LLMClient
from app.llm.errors import (
    LLMAuthError,
    LLMBadRequest,
    LLMBadResponse,
    LLMConnectionError,
    LLMError,
    LLMRateLimited,
    LLMServerError,
    LLMStreamInterrupted,
    LLMTimeout,
    redact,
)
from app.llm.retry import RetryPolicy, parse_retry_after
from app.llm.types import (
    ChatMessage,
    ChatResult,
    JsonMode,
    Role,
    StreamEnd,
    StreamEvent,
    TextDelta,
    Usage,
)
from app.llm.usage import estimate_text_tokens, estimate_usage

__all__ = [
    "DEFAULT_BASE_URL",
    "PLACEHOLDER_API_KEY",
    "ChatMessage",
    "ChatResult",
    "EndpointCapabilities",
    "JsonMode",
    "LLMAuthError",
    "LLMBadRequest",
    "LLMBadResponse",
    "LLMClient",
    "LLMConnectionError",
    "LLMError",
    "LLMRateLimited",
    "LLMServerError",
    "LLMStreamInterrupted",
    "LLMTimeout",
    "RetryPolicy",
    "Role",
    "StreamEnd",
    "StreamEvent",
    "TextDelta",
    "Usage",
    "estimate_text_tokens",
    "estimate_usage",
    "parse_retry_after",
    "redact",
]

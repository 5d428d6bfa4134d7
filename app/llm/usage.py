"""Token estimates for servers that report no usage.

Deliberately simple and documented rather than exact (no tokenizer download,
no model-specific tables), good enough for cost dashboards and budgets:

- a CJK character (Han, kana, Hangul, CJK punctuation, full-width forms)
  counts as one token — BPE vocabularies of current models land near 1
  token per Han character;
- any other text counts as one token per 4 characters (rounded up), the usual
  rule of thumb for English;
- each message adds 4 tokens of chat framing, and the prompt adds 2 for the
  assistant's reply header.

Results are marked `Usage(estimated=True)`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.llm.types import ChatMessage, Usage

TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 2
CHARS_PER_TOKEN = 4

_CJK_RANGES = (
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x2FA1F),  # CJK extensions B-F and supplements
)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def estimate_text_tokens(text: str) -> int:
    """Estimated tokens of a piece of text (see the module docstring)."""
    cjk = sum(1 for char in text if _is_cjk(char))
    other = len(text) - cjk
    return cjk + math.ceil(other / CHARS_PER_TOKEN)


def estimate_prompt_tokens(messages: Sequence[ChatMessage]) -> int:
    return TOKENS_PER_REPLY + sum(
        TOKENS_PER_MESSAGE + estimate_text_tokens(message.content) for message in messages
    )


def estimate_usage(messages: Sequence[ChatMessage], completion: str) -> Usage:
    """A `Usage` for `messages` answered by `completion`, marked estimated."""
    return Usage(
        prompt_tokens=estimate_prompt_tokens(messages),
        completion_tokens=estimate_text_tokens(completion),
        estimated=True,
    )

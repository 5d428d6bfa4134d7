"""The one way product text is kept and said in Chinese and English.

Every message a person or the model reads — web pages, the scorecard's notes,
reasons and tips, the LLM turn note's phrasing — is a keyed entry in a book: a
pair of JSON files beside this module, `<book>.zh.json` and `<book>.en.json`,
nested objects whose paths are the dotted keys ("outcome.why.trust"), values
with `{name}` placeholders. tests/i18n/test_catalog.py holds every book to the
same keys and the same placeholders in both languages.

Code asks a book for a key (`SCORECARD.say("zh", "note.open_question")`); an
unknown key is a bug and raises. The web pages look up leniently instead
(app.web.i18n.translate), since a template's key shows as itself rather than
failing a page.

The buyer's spoken lines (prompts/offline_buyer.yaml: several phrasings per
line, picked per session) and the LLM's prompt templates (prompts/*.md) are
whole documents of scenario-like content, kept with the prompts.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "en"
BOOKS_DIR = Path(__file__).resolve().parent


def lang_of(language: str) -> Lang:
    """The language to speak for a scenario or request language: Chinese for "zh",
    English for anything else."""
    return "zh" if language == "zh" else "en"


def _flatten(prefix: str, node: Any, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else key, value, out)
    else:
        out[prefix] = str(node)


@cache
def messages(book: str, lang: Lang) -> dict[str, str]:
    """The flat key -> message map of one book in one language."""
    data = json.loads((BOOKS_DIR / f"{book}.{lang}.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    _flatten("", data, out)
    return out


def books() -> list[str]:
    """Every book kept here, by name."""
    return sorted({p.name.split(".")[0] for p in BOOKS_DIR.glob("*.*.json")})


class Book:
    """One book of messages; `say` fills the `{name}` placeholders."""

    def __init__(self, name: str) -> None:
        self.name = name

    def messages(self, language: str) -> dict[str, str]:
        return messages(self.name, lang_of(language))

    def has(self, key: str) -> bool:
        return key in messages(self.name, DEFAULT_LANG)

    def keys(self, prefix: str) -> list[str]:
        """The keys under `prefix` ("tip" -> "tip.pitch", ...), with the prefix cut off."""
        start = prefix + "."
        return [k[len(start) :] for k in messages(self.name, DEFAULT_LANG) if k.startswith(start)]

    def say(self, language: str, key: str, **values: Any) -> str:
        """The message in the language (zh, or en for anything else); KeyError when the
        book lacks it."""
        try:
            text = messages(self.name, lang_of(language))[key]
        except KeyError:
            raise KeyError(f"{self.name} book has no message {key!r}") from None
        return text.format(**values) if values else text


WEB = Book("web")  # the web pages and their scripts
SCORECARD = Book("scorecard")  # what the scorecard says: notes, reasons, labels, tips
LLM_NOTE = Book("llm")  # how the buyer's turn note and the judge's message are phrased

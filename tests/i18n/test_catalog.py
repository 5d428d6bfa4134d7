"""Product text is kept one way (app.i18n): every book says the same things in both
languages, and every key the code asks for is in its book."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from app.buyer.notes import REACTIONS
from app.i18n.catalog import LANGS, LLM_NOTE, SCORECARD, WEB, Book, books, messages
from app.scoring.coaching import TIPS
from app.web.i18n import PAGE_BOOKS

APP = Path(__file__).resolve().parents[2] / "app"
HAN = re.compile(r"[\u4e00-\u9fff]")
# A key the code spells out: SCORECARD.say(lang, "note.injection") or an f-string whose
# changing part is last (f"tip.{key}"): the fixed part must start at least one key.
_ASKED = re.compile(r'\b(SCORECARD|LLM_NOTE|WEB)\.(?:say|has)\([^,()]+,\s*f?"([\w.]+)(\{)?')
BOOK_OF = {"SCORECARD": SCORECARD, "LLM_NOTE": LLM_NOTE, "WEB": WEB}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_books_are_the_web_pages_the_scorecard_and_the_model_notes() -> None:
    assert books() == ["llm", "scorecard", "web"]


@pytest.mark.parametrize("book", ["llm", "scorecard", "web"])
def test_both_languages_hold_the_same_keys_and_placeholders(book: str) -> None:
    zh, en = messages(book, "zh"), messages(book, "en")
    # The scenario editor's field hints: an English page shows the schema's own field
    # descriptions (editor.js), so Chinese may hint at fields English leaves to them.
    only_zh = {k for k in set(zh) - set(en) if book == "web" and k.startswith("hint.")}
    assert sorted((set(zh) - only_zh) ^ set(en)) == []
    for key in set(zh) & set(en):
        assert placeholders(zh[key]) == placeholders(en[key]), (book, key)


@pytest.mark.parametrize("book", ["llm", "scorecard"])
def test_each_language_reads_as_itself(book: str) -> None:
    for key, text in messages(book, "zh").items():
        words = re.sub(r"\{\w+\}", "", text)  # what is left once the blanks are filled
        if re.search(r"[A-Za-z\u4e00-\u9fff]", words):
            assert HAN.search(words), (book, key, text)
    for key, text in messages(book, "en").items():
        assert not HAN.search(text), (book, key, text)


def test_the_pages_books_share_no_key() -> None:
    first, second = (set(messages(b, "en")) for b in PAGE_BOOKS)
    assert sorted(first & second) == []


def test_every_key_the_code_asks_for_is_in_its_book() -> None:
    asked: list[tuple[str, str, bool]] = []
    for path in APP.rglob("*.py"):
        for book, key, dynamic in _ASKED.findall(path.read_text(encoding="utf-8")):
            if book in BOOK_OF:
                asked.append((book, key, bool(dynamic)))
    assert len(asked) > 40  # the scanner still sees the code's lookups
    for book, key, dynamic in asked:
        known = BOOK_OF[book].keys(key.rstrip(".")) if dynamic else None
        assert known if dynamic else BOOK_OF[book].has(key), (book, key)


def test_every_tip_has_a_label_and_every_offline_reaction_a_hint_for_the_model() -> None:
    assert {"pitch", "argued", "advance_no_summary"} <= TIPS
    assert sorted(r for r in REACTIONS if not LLM_NOTE.has(f"reaction.{r}")) == []


def test_an_unknown_key_is_a_bug_that_names_itself() -> None:
    with pytest.raises(KeyError, match=re.escape("no message 'note.nothing_like_it'")):
        SCORECARD.say("zh", "note.nothing_like_it")


def test_placeholders_are_filled_and_any_other_language_speaks_english() -> None:
    assert SCORECARD.say("zh", "claim.followups", n=3) == "3次顺着客户的话追问"
    assert SCORECARD.say("fr", "claim.followups", n=1) == "1 follow-up(s) on the buyer's words"
    assert Book("web").say("zh", "dim.questioning") == "提问"
    assert all(LLM_NOTE.messages(lang) for lang in LANGS)

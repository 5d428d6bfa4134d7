"""Language detection, sentence spans and content terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

Language = str  # "zh" | "en"

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

# A sentence ends at Chinese or Western terminators, or a line break. The
# terminator stays with its sentence, so a quote of it is a verbatim substring.
_SENTENCE = re.compile(r"[^。！？!?；;\n.…]*(?:[。！？!?；;.…]+|\n|$)")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Mr|Ms|Dr|Inc|Ltd|Co)\.$", re.I)


def _dot_inside(text: str, end: int) -> bool:
    """Whether the '.' just before `end` is a decimal point or an abbreviation."""
    if end < len(text) and not text[end].isspace():
        return True  # "3.5", "e.g", "v2.1": no space after the dot
    return bool(_ABBREVIATION.search(text[max(0, end - 6) : end]))


def detect_language(text: str) -> Language:
    """zh when Chinese characters make up a real share of the letters, else en."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0:
        return "en"
    # One Chinese character carries about as much as a short English word.
    return "zh" if cjk * 3 >= latin else "en"


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # text[start:end] of the turn, stripped of surrounding blanks


@lru_cache(maxsize=2048)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Split a turn into sentences with their offsets into the original text."""
    out: list[Sentence] = []
    pending_start: int | None = None
    for m in _SENTENCE.finditer(text):
        if m.start() == m.end():
            continue
        start = pending_start if pending_start is not None else m.start()
        piece = text[start : m.end()]
        # "3.5" or "e.g." is not the end of a sentence: glue it to what follows.
        if piece.endswith(".") and m.end() < len(text) and _dot_inside(text, m.end()):
            pending_start = start
            continue
        pending_start = None
        stripped = piece.strip()
        if not stripped or not re.search(r"\w", stripped):
            continue
        lead = len(piece) - len(piece.lstrip())
        s = start + lead
        out.append(Sentence(s, s + len(stripped), stripped))
    if pending_start is not None:
        tail = text[pending_start:].strip()
        if tail:
            lead = len(text[pending_start:]) - len(text[pending_start:].lstrip())
            out.append(Sentence(pending_start + lead, pending_start + lead + len(tail), tail))
    return tuple(out)


@lru_cache(maxsize=4096)
def words(text: str) -> int:
    """Length of a text in 'words': a Chinese character counts as half a word."""
    return len(re.findall(r"[A-Za-z0-9']+", text)) + (cjk_count(text) + 1) // 2


_ZH_STOP_CHARS = set(
    "的了是在我你您他她它们这那个一不也就都和与及或吗呢吧啊呀哦嗯么着过很还要会能可以有没把被让给对从向为以之其所而且但如果因为所以然后已经比较什么怎么哪些谁多少几"
)
_EN_STOP = {
    "about",
    "above",
    "after",
    "again",
    "also",
    "because",
    "been",
    "before",
    "being",
    "could",
    "does",
    "doing",
    "from",
    "have",
    "having",
    "here",
    "into",
    "just",
    "like",
    "more",
    "most",
    "much",
    "only",
    "other",
    "over",
    "really",
    "same",
    "should",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "through",
    "very",
    "want",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "your",
    "yours",
    "know",
    "think",
    "right",
    "yeah",
    "okay",
    "sure",
    "said",
    "mean",
    "tell",
    "going",
    "make",
    "made",
    "still",
    "even",
    "each",
    "every",
    "maybe",
    "quite",
    "today",
    "time",
    "year",
    "years",
    "company",
    "people",
    "work",
    "kind",
    "sort",
    "something",
}


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_chars(text: str) -> frozenset[str]:
    """The Chinese characters of a text that carry meaning (function characters dropped):
    "最后陈董签字" and "最后签字的是陈董" hold the same ones."""
    return frozenset(ch for ch in _CJK.findall(text) if ch not in _ZH_STOP_CHARS)


def content_terms(text: str) -> frozenset[str]:
    """Terms that carry meaning, for telling whether one turn builds on another.

    Chinese has no spaces, so overlapping character bigrams stand in for words;
    pairs made of function characters are dropped.
    """
    terms: set[str] = set()
    for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]+", text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if pair[0] in _ZH_STOP_CHARS or pair[1] in _ZH_STOP_CHARS:
                continue
            terms.add(pair)
    for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", text.lower()):
        if w not in _EN_STOP:
            terms.add(_stem(w))
    for num in re.findall(r"\d+(?:\.\d+)?%?", text):
        if len(num) >= 2:
            terms.add(num)
    return frozenset(terms)

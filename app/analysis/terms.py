"""Index terms for matching a question to text: character n-grams for Chinese, stems for English.

Chinese has no spaces, and a word segmenter would need a dictionary that
knows every scenario's trade words; overlapping character unigrams and
bigrams match paraphrases well enough for short texts and know no
vocabulary. English words are lower-cased, stop words dropped and the rest
reduced to their Snowball stems, so "scheduling" finds "schedule".
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)?%?")

# Function characters: alone they say nothing about the topic; a bigram of two
# of them ("我们", "这个") is dropped too, a bigram with one content character kept.
_ZH_FUNCTION = frozenset(
    "的了是在我你您他她它们这那个一不也就都和与及或吗呢吧啊呀哦嗯么着过很还要会能可以有没把被让给对从向为以之其所而且但"
    "如果因为所以然后已经比较什么怎么哪些谁多少几咱儿些吧嘛啦哈呗得地说讲问想看下上来去到再又才只"
)
_EN_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "ll",
        "re",
        "ve",
        "d",
        "s",
        "t",
        "m",
        "don",
        "doesn",
        "didn",
        "isn",
        "aren",
        "wasn",
        "weren",
        "won",
        "wouldn",
        "couldn",
        "shouldn",
        "haven",
        "hasn",
        "hadn",
        "okay",
        "ok",
        "yeah",
        "right",
        "well",
        "so",
        "really",
        "quite",
        "just",
        "maybe",
        "kind",
        "sort",
        "thing",
        "things",
        "something",
        "anything",
        "get",
        "got",
        "go",
        "going",
        "gonna",
        "wanna",
        "like",
        "please",
        "tell",
        "us",
    ]
)
# Hedges a speaker puts around any question ("具体说说", "一般怎么…", "大概多少"): two
# content characters that name no topic, so neither they nor their characters count.
_ZH_HEDGES = frozenset(
    [
        "具体",
        "一般",
        "大概",
        "大约",
        "主要",
        "通常",
        "平时",
        "比如",
        "方便",
        "请教",
        "其实",
        "稍微",
        "简单",
    ]
)
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    stem: str = _STEMMER.stemWord(word)
    return stem


@lru_cache(maxsize=8192)
def index_terms(text: str) -> tuple[str, ...]:
    """The terms of a text, in order, with repeats (BM25 counts them)."""
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        hedge = [False] * len(run)
        for i in range(len(run) - 1):
            if run[i : i + 2] in _ZH_HEDGES:
                hedge[i] = hedge[i + 1] = True
        for i, ch in enumerate(run):
            if ch not in _ZH_FUNCTION and not hedge[i]:
                out.append(ch)
            if i + 1 < len(run):
                pair = run[i : i + 2]
                if not (pair[0] in _ZH_FUNCTION and pair[1] in _ZH_FUNCTION) and not (
                    hedge[i] and hedge[i + 1]
                ):
                    out.append(pair)
    for raw in _LATIN_WORD.findall(text):
        word = raw.lower().strip("-")
        # "IT", "HR": an acronym is a name, not the stop word it spells in lower case.
        if not word or (word in _EN_STOP and not (len(raw) > 1 and raw.isupper())):
            continue
        if word[0].isdigit():
            out.append(word)
        elif len(word) >= 2:
            out.append(_stem(word))
    return tuple(out)

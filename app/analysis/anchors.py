"""Literal anchors of a cue pattern: a cheap, sound test that a pattern cannot match.

Most cue patterns don't match most sentences, yet Python's regex engine tries
every alternative of a long cue list at every position before saying so. For
each pattern we derive a set of literal strings of which any match must
contain at least one (its *anchors*): "(你们|贵司)?的?(价格|报价)太?[高贵]" can't
match a sentence holding neither "价格" nor "报价". One Aho-Corasick pass over a
sentence finds every anchor it holds, and only the patterns with an anchor
present are run. A pattern with no anchors (an optional first word and
nothing required after it) is always run.

Soundness rests on the derivation claiming only literals a match must hold.
Each part of a pattern is read as the finite set of strings it can match
exactly, where that set is small ("[你您](个人|自己)" is four strings); a run
of such parts multiplies out into longer, more selective anchors. Zero-width
parts (assertions, \\b) consume nothing and leave a run intact; optional
parts add the empty string; anything wider (".", "\\w+", a big class) ends a
run. Sentences are tested folded (`fold`): ASCII letters lower-cased, and the
four other characters that re.I matches with an ASCII letter (the Kelvin
sign with "k", the long s with "s", the Turkish dotted and dotless i with
"i") mapped to it. So an ASCII letter of a case-insensitive pattern can be
part of an anchor; any other cased character never is.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

Anchors = frozenset[str]

# Bump when the derivation changes: anchor_book.py keys stored anchors by it.
DERIVATION_VERSION = 1

# Beyond these sizes a set of exact strings is too broad to be worth testing for.
_MAX_CLASS = 12
_MAX_EXACT = 64
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


@dataclass(frozen=True)
class _Part:
    exact: frozenset[str] | None  # every string the part can match, when few
    anchors: Anchors | None  # literals one of which every match holds


_WIDE = _Part(None, None)
_EMPTY = _Part(frozenset({""}), None)


@cache
def _cost(anchor: str) -> float:
    """A rough chance that a sentence holds the anchor (lower is more selective)."""
    cjk = sum(1 for ch in anchor if ord(ch) > 0x2E80)
    latin = len(anchor) - cjk
    return 0.2 ** (2 * cjk + latin)


def _minimal(strings: frozenset[str]) -> Anchors | None:
    """Drop strings that hold another member: they add nothing to the test."""
    if "" in strings:
        return None
    if len(strings) == 1:
        return strings
    kept: list[str] = []
    for s in sorted(strings, key=len):  # a string can only hold shorter ones
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


@cache
def _set_cost(anchors: Anchors) -> tuple[float, int]:
    # fsum: the same total whatever the set's (hash-seeded) order, so the choice is reproducible
    return math.fsum(_cost(a) for a in anchors), len(anchors)


def _best(options: list[Anchors]) -> Anchors | None:
    return min(options, key=_set_cost) if options else None


_FOLD = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
        "\u0130": "i",  # İ
        "\u0131": "i",  # ı
        "\u017f": "s",  # ſ
        "\u212a": "k",  # K (Kelvin)
    }
)


def fold(text: str) -> str:
    """The text as the anchors are tested against it (same length)."""
    return text.translate(_FOLD)


def _char(ch: str, ignore_case: bool) -> str | None:
    """The character as it appears in folded text, or None if a match can't be pinned to one."""
    if ignore_case and ch.lower() != ch.upper() and not ch.isascii():
        return None
    return fold(ch)


def _literal(text: str) -> _Part:
    exact = frozenset({text})
    return _Part(exact, exact)


def _class(items: list[tuple[Any, Any]], ignore_case: bool) -> _Part:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return _WIDE
    folded = {_char(c, ignore_case) for c in chars}
    if len(chars) > _MAX_CLASS or None in folded:
        return _WIDE
    exact = frozenset(c for c in folded if c is not None)
    return _Part(exact, exact)


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x, y in itertools.product(a, b))


def _sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> _Part:
    """A sequence: its exact strings, and the most selective anchors among its required parts."""
    options: list[Anchors] = []
    run: frozenset[str] = frozenset({""})  # the product of the current run of exact parts
    whole = True  # the run so far is the whole sequence

    def close() -> None:
        found = _minimal(run)
        if found is not None:
            options.append(found)

    for part in _parts(items, ignore_case):
        if part.anchors is not None:
            options.append(part.anchors)
        if part.exact is None:
            close()
            run, whole = frozenset({""}), False
            continue
        extended = _product(run, part.exact)
        if extended is None:  # too many combinations: start a new run here
            close()
            extended, whole = part.exact, False
        run = extended
    close()
    return _Part(run if whole else None, _best(options))


def _parts(items: list[tuple[Any, Any]], ignore_case: bool) -> list[_Part]:
    """The parts of a sequence, each run of plain characters taken as one literal."""
    parts: list[_Part] = []
    text: list[str] = []
    for op, av in items:
        folded = _char(chr(av), ignore_case) if op is sre.LITERAL else None
        if folded is not None:
            text.append(folded)
            continue
        if text:
            parts.append(_literal("".join(text)))
            text.clear()
        parts.append(_part(op, av, ignore_case))
    if text:
        parts.append(_literal("".join(text)))
    return parts


def _part(op: Any, av: Any, ignore_case: bool) -> _Part:
    if op is sre.LITERAL:  # a character that can't be pinned down (see _parts)
        return _WIDE
    if op is sre.IN:
        return _class(av, ignore_case)
    if op in _ZERO_WIDTH:
        return _EMPTY  # consumes nothing
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return _sequence(list(sub), ignore_case or bool(add_flags & re.IGNORECASE))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), ignore_case)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        body = _sequence(list(sub), ignore_case)
        if (low, high) == (1, 1):
            return body
        if (low, high) == (0, 1) and body.exact is not None:
            return _Part(body.exact | {""}, None)
        return _Part(None, body.anchors if low >= 1 else None)
    if op is sre.BRANCH:
        branches = [_sequence(list(b), ignore_case) for b in av[1]]
        exact: set[str] | None = set()
        anchors: set[str] | None = set()
        for b in branches:
            exact = exact | b.exact if exact is not None and b.exact is not None else None
            anchors = anchors | b.anchors if anchors is not None and b.anchors is not None else None
        if exact is not None and len(exact) > _MAX_EXACT:
            exact = None
        return _Part(
            frozenset(exact) if exact is not None else None,
            _minimal(frozenset(anchors)) if anchors is not None else None,
        )
    return _WIDE  # ANY, NOT_LITERAL, GROUPREF...


def anchors_of(pattern: re.Pattern[str]) -> Anchors | None:
    """Literals one of which every match of `pattern` contains, or None if none can be named."""
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    part = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)), ignore_case)
    return part.anchors


class Gate:
    """Which of many patterns could match a text, from one Aho-Corasick pass over their anchors.

    Patterns are numbered by the caller; a set of patterns is a bit mask (bit n
    for pattern n), so joining the patterns of every anchor found is cheap.
    """

    def __init__(self) -> None:
        self._by_anchor: dict[str, int] = {}
        self._always = 0  # patterns without anchors
        self.registered = 0  # every pattern
        self._automaton: ahocorasick.Automaton | None = None

    def register(self, key: int, anchors: Anchors | None) -> None:
        self.registered |= 1 << key
        if anchors is None:
            self._always |= 1 << key
        for anchor in anchors or ():
            self._by_anchor[anchor] = self._by_anchor.get(anchor, 0) | 1 << key
        self._automaton = None  # rebuilt on the next look-up

    def candidates(self, text: str) -> int:
        """The patterns that could match `text` (an anchor of theirs is in it), as a mask."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for anchor, mask in self._by_anchor.items():
                automaton.add_word(anchor, mask)
            automaton.make_automaton()
            self._automaton = automaton
        out = self._always
        for _end, mask in self._automaton.iter(fold(text)):
            out |= mask
        return out

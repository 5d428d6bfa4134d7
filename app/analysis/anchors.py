"""Literal anchors of a cue entry: a cheap, sound test that an entry cannot match.

Most cue entries don't match most sentences, yet Python's regex engine tries
every alternative of a long cue list at every position before saying so. For
each entry we know a set of literal strings of which any match must contain
at least one (its *anchors*): "(你们|贵司)?的?(价格|报价)太?[高贵]" can't match a
sentence holding neither "价格" nor "报价". One Aho-Corasick pass over a
sentence finds every anchor it holds, and only the patterns with an anchor
present are run. A pattern with no anchors (an optional first word and
nothing required after it) is always run.

The anchors of an entry in the cue syntax are derived by its parser
(cue_syntax.py) from the parts below; a true regex entry declares its own
("needs:"), and tests/analysis/test_anchors.py checks those on every corpus
sentence. Soundness rests on claiming only literals a match must hold. Each
part of an entry is read as the finite set of strings it can match exactly,
where that set is small ("[你您](个人|自己)" is four strings); a run of such
parts multiplies out into longer, more selective anchors. Zero-width parts
(\\b, ^, $) consume nothing and leave a run intact; optional parts add the
empty string; anything wider (a gap, "\\w+", a big class) ends a run.
Sentences are tested folded (`fold`): ASCII letters lower-cased, and the four
other characters that re.I matches with an ASCII letter (the Kelvin sign with
"k", the long s with "s", the Turkish dotted and dotless i with "i") mapped
to it. So an ASCII letter of a case-insensitive pattern can be part of an
anchor; any other cased character never is.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

Anchors = frozenset[str]

# Beyond these sizes a set of exact strings is too broad to be worth testing for.
MAX_CLASS = 12
_MAX_EXACT = 64


@dataclass(frozen=True)
class Part:
    """What a piece of an entry can match, as far as the gate cares."""

    exact: frozenset[str] | None  # every string the part can match, when few
    anchors: Anchors | None  # literals one of which every match holds


WIDE = Part(None, None)  # matches too many strings to say anything
EMPTY = Part(frozenset({""}), None)  # zero-width: \b, ^, $


@cache
def _cost(anchor: str) -> float:
    """A rough chance that a sentence holds the anchor (lower is more selective)."""
    cjk = sum(1 for ch in anchor if ord(ch) > 0x2E80)
    latin = len(anchor) - cjk
    return 0.2 ** (2 * cjk + latin)


def minimal(strings: Iterable[str]) -> Anchors | None:
    """Drop strings that hold another member: they add nothing to the test."""
    found = frozenset(strings)
    if "" in found or not found:
        return None
    if len(found) == 1 or len({len(s) for s in found}) == 1:
        return found  # strings of one length can't hold one another
    kept: set[str] = set()
    lengths: set[int] = set()  # of the kept strings: only substrings this long can be kept ones
    for s in sorted(found, key=len):  # a string can only hold shorter ones
        if len(kept) < 8:  # few to scan
            held = any(k in s for k in kept)
        else:  # many: look its substrings of a kept length up instead
            held = any(s[i : i + m] in kept for m in lengths for i in range(len(s) - m + 1))
        if not held:
            kept.add(s)
            lengths.add(len(s))
    return frozenset(kept)


@cache
def _set_cost(anchors: Anchors) -> tuple[float, int]:
    # fsum: the same total whatever the set's (hash-seeded) order, so the choice is reproducible
    return math.fsum(_cost(a) for a in anchors), len(anchors)


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


def char(ch: str, ignore_case: bool) -> str | None:
    """The character as it appears in folded text, or None if a match can't be pinned to one."""
    if ignore_case and ch.lower() != ch.upper() and not ch.isascii():
        return None
    return fold(ch)


def literal(text: str) -> Part:
    """A run of plain characters, already folded (see `char`)."""
    exact = frozenset({text})
    return Part(exact, exact)


def chars(members: Iterable[str], ignore_case: bool) -> Part:
    """A character class of these members."""
    found = set(members)
    folded = {char(c, ignore_case) for c in found}
    if len(found) > MAX_CLASS or None in folded:
        return WIDE
    exact = frozenset(c for c in folded if c is not None)
    return Part(exact, exact)


def optional(part: Part) -> Part:
    return Part(part.exact | {""}, None) if part.exact is not None else WIDE


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x, y in itertools.product(a, b))


def sequence(parts: Iterable[Part]) -> Part:
    """Parts one after another: their exact strings, and the most selective required anchors."""
    parts = list(parts)
    if len(parts) == 1 and parts[0].exact is not None and parts[0].exact == parts[0].anchors:
        return parts[0]  # a literal or a class alone: the loop below would give it back
    options: list[Anchors] = []
    run: frozenset[str] = frozenset({""})  # the product of the current run of exact parts
    whole = True  # the run so far is the whole sequence

    def close() -> None:
        found = minimal(run)
        if found is not None:
            options.append(found)

    for part in parts:
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
    best = min(options, key=_set_cost) if options else None
    return Part(run if whole else None, best)


def branch(parts: Iterable[Part]) -> Part:
    """Alternatives: a match holds one of them, so it holds an anchor of one of them."""
    exact: set[str] | None = set()
    anchors: set[str] | None = set()
    for b in parts:
        exact = exact | b.exact if exact is not None and b.exact is not None else None
        anchors = anchors | b.anchors if anchors is not None and b.anchors is not None else None
    if exact is not None and len(exact) > _MAX_EXACT:
        exact = None
    return Part(
        frozenset(exact) if exact is not None else None,
        minimal(anchors) if anchors is not None else None,
    )


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

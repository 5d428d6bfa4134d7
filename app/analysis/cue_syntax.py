"""The cue syntax: one entry of a cue list (app/analysis/cues/README.md), read by our own parser.

An entry is a small regex-like subset, chosen so that the literals any match
must hold can be read off it without the regex engine's private parser:

    报价            a literal phrase
    (价格|报价)     alternatives, in a group
    太?  (的|地)?   the character or group before "?" is optional
    [高贵]  [a-z]   one character of a class (characters and ranges)
    \\b              a word boundary (English)
    ^  $            the start, the end of the text
    \\w \\W \\s \\d     a letter, a non-letter, a space, a digit, as in a regex; each
                    may be followed by ?, * or + (they anchor nothing)
    A ~8 B          A, then at most 8 characters, then B ("~2-30": 2 to 30);
                    the spaces around "~8" belong to it
    \\( \\? \\.       a special character taken literally

The entry becomes a Python regex (the same text, with "A ~8 B" written
"A.{0,8}B") and its anchors: literals one of which any match holds (see
anchors.py). Anything beyond the subset is a true regex, written "re: ..."
with its anchors declared by hand (cue_book.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.analysis import anchors as a

# Characters with a meaning in the syntax; "\\" before one of them makes it literal.
SPECIAL = frozenset("\\()[]|?~^$.*+{}")
# Regex classes the subset keeps as they are, alone or repeated: none pins down a literal.
_CLASSES = (r"\w", r"\W", r"\s", r"\d")
_WIDE_TOKENS = (*(c + q for c in _CLASSES for q in "?*+"), *_CLASSES)  # longest first
_ZERO_WIDTH = {r"\b": r"\b", "^": "^", "$": "$"}
_GAP = re.compile(r" ?~(\d+)(?:-(\d+))? ?")


def _rewrite(src: str, outside: Callable[[str], str], inside: Callable[[str], str]) -> str:
    """Map each literal character of a pattern, by whether it sits in a [class];
    escapes (\\W, \\b, \\') pass through untouched."""
    out: list[str] = []
    in_class = escaped = False
    for ch in src:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        out.append(inside(ch) if in_class else outside(ch))
    return "".join(out)


def apostrophes(src: str) -> str:
    """Let an apostrophe in a pattern match the typographic one too (don't / don’t)."""
    return _rewrite(
        src,
        outside=lambda ch: "['’]" if ch == "'" else ch,
        inside=lambda ch: "'’" if ch == "'" else ch,
    )


def lower_pattern(src: str) -> str:
    """Lower-case the letters of a pattern, leaving escapes (\\W, \\b) and classes alone."""
    return _rewrite(src, outside=str.lower, inside=lambda ch: ch)


def rx(src: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern whose apostrophes match both forms."""
    return re.compile(apostrophes(src), flags)


class CueSyntaxError(ValueError):
    """An entry outside the cue syntax; the message says where."""


@dataclass(frozen=True)
class Entry:
    """An entry read: the regex it stands for and the literals any match holds."""

    regex: str
    anchors: a.Anchors | None  # None: no literal is certain, the entry always runs


class _Reader:
    def __init__(self, text: str, ignore_case: bool) -> None:
        self.text = text
        self.pos = 0
        self.ignore_case = ignore_case

    def fail(self, why: str) -> CueSyntaxError:
        return CueSyntaxError(f"{why} at column {self.pos + 1}")

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def alternatives(self) -> tuple[str, a.Part]:
        """Sequences separated by "|", up to the end or a closing ")"."""
        regexes, parts = [], []
        while True:
            regex, part = self.sequence()
            regexes.append(regex)
            parts.append(part)
            if self.peek() != "|":
                break
            self.pos += 1
        return "|".join(regexes), a.branch(parts) if len(parts) > 1 else parts[0]

    def sequence(self) -> tuple[str, a.Part]:
        regex: list[str] = []
        parts: list[a.Part] = []
        text: list[str] = []  # plain characters, folded, not yet made a part

        def flush() -> None:
            if text:
                parts.append(a.literal("".join(text)))
                text.clear()

        while self.pos < len(self.text) and self.peek() not in "|)":
            gap = _GAP.match(self.text, self.pos)
            if gap:
                low, high = (gap[1], gap[2]) if gap[2] else ("0", gap[1])
                if int(low) > int(high):
                    raise self.fail(f"a gap from {low} to {high}")
                regex.append(f".{{{low},{high}}}")
                self.pos = gap.end()
                flush()
                parts.append(a.WIDE)
                continue
            token = next((t for t in (*_WIDE_TOKENS, *_ZERO_WIDTH) if self.peek(len(t)) == t), None)
            if token is not None:
                self.pos += len(token)
                regex.append(token)
                flush()
                parts.append(a.WIDE if token in _WIDE_TOKENS else a.EMPTY)
                continue
            atom_regex, atom, plain = self.atom()
            if self.peek() == "?":
                self.pos += 1
                regex.append(atom_regex + "?")
                flush()
                parts.append(a.optional(atom))
            elif plain is not None:
                regex.append(atom_regex)
                text.append(plain)
            else:
                regex.append(atom_regex)
                flush()
                parts.append(atom)
        flush()
        return "".join(regex), a.sequence(parts)

    def atom(self) -> tuple[str, a.Part, str | None]:
        """One character, class or group: its regex, its part, and the folded
        character when it is a plain one (to join with its neighbours)."""
        ch = self.peek()
        if ch == "(":
            if self.peek(2) == "(?":
                raise self.fail("a regex group '(?' is not in the cue syntax (use 're:')")
            self.pos += 1
            regex, part = self.alternatives()
            if self.peek() != ")":
                raise self.fail("an unclosed '('")
            self.pos += 1
            return f"({regex})", part, None
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            escaped = self.peek(2)[1:]
            if escaped not in SPECIAL:
                raise self.fail(f"'\\{escaped}' is not in the cue syntax (use 're:')")
            self.pos += 2
            return self._char(escaped, "\\" + escaped)
        if ch in SPECIAL:
            raise self.fail(f"'{ch}' is not in the cue syntax here (use 're:')")
        self.pos += 1
        return self._char(ch, ch)

    def _char(self, ch: str, regex: str) -> tuple[str, a.Part, str | None]:
        folded = a.char(ch, self.ignore_case)
        if folded is None:  # a cased letter re.I may match in other forms
            return regex, a.WIDE, None
        return regex, a.literal(folded), folded

    def char_class(self) -> tuple[str, a.Part, str | None]:
        start = self.pos
        self.pos += 1
        members: list[str] = []
        wide = False
        if self.peek() == "^":
            raise self.fail("a negated class '[^' is not in the cue syntax (use 're:')")
        while self.peek() != "]":
            ch = self.peek()
            if not ch:
                raise self.fail("an unclosed '['")
            if ch in "\\[":
                raise self.fail(f"'{ch}' inside a class is not in the cue syntax (use 're:')")
            if self.peek(2)[1:] == "-" and self.peek(3)[2:] not in ("", "]"):
                low, high = ch, self.peek(3)[2]
                if ord(low) > ord(high):
                    raise self.fail(f"a range from {low!r} to {high!r}")
                if ord(high) - ord(low) >= a.MAX_CLASS:
                    wide = True
                else:
                    members += [chr(c) for c in range(ord(low), ord(high) + 1)]
                self.pos += 3
                continue
            members.append(ch)
            self.pos += 1
        self.pos += 1
        regex = self.text[start : self.pos]
        return regex, a.WIDE if wide else a.chars(members, self.ignore_case), None


def parse(text: str, *, ignore_case: bool) -> Entry:
    """Read one entry; `ignore_case`: it is matched case-insensitively (re.I).

    Raises CueSyntaxError for anything outside the syntax.
    """
    if not text:
        raise CueSyntaxError("an empty entry")
    reader = _Reader(text, ignore_case)
    regex, part = reader.alternatives()
    if reader.pos < len(text):  # a ")" with no "(" before it
        raise reader.fail(f"an unexpected {text[reader.pos]!r}")
    return Entry(regex, part.anchors)

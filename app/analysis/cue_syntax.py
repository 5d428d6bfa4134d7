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
_TOKEN = re.compile(r"\\[wWsd][?*+]?|\\b|\^|\$")
_ZERO_WIDTH = frozenset({r"\b", "^", "$"})
_GAP = re.compile(r" ?~(\d+)(?:-(\d+))? ?")
# A stretch of characters with no meaning in the syntax (a space is one, unless a gap follows).
_PLAIN = re.compile(r"(?:[^\\()\[\]|?~^$.*+{} ]| (?!~\d))+")
_ASCII = re.compile(r"[\x00-\x7f]+")


def _pinned(text: str, ignore_case: bool) -> bool:
    """Whether every character appears as itself in folded text (see anchors.char)."""
    if not ignore_case or text.isascii():
        return True
    rest = _ASCII.sub("", text)
    return rest.lower() == rest.upper()  # no cased letter re.I might match in another form


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
    if "'" not in src:
        return src  # most entries: skip the walk (it adds up over thousands at import)
    return _rewrite(
        src,
        outside=lambda ch: "['’]" if ch == "'" else ch,
        inside=lambda ch: "'’" if ch == "'" else ch,
    )


def lower_pattern(src: str) -> str:
    """Lower-case the letters of a pattern, leaving escapes (\\W, \\b) and classes alone."""
    if src.lower() == src:
        return src  # nothing to lower anywhere, so nothing outside classes either
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


# The syntax's tokens, tried in this order at each position (a regex scan is far
# quicker than a Python loop over characters: thousands of entries are read at import).
_TOKENS = re.compile(
    r"(?P<plain>(?:[^\\()\[\]|?~^$.*+{} ]| (?!~\d))+)"  # a space is plain unless a gap follows
    r"|(?P<gap> ?~(?P<low>\d+)(?:-(?P<high>\d+))? ?)"
    r"|(?P<wide>\\[wWsd][?*+]?)"
    r"|(?P<zero>\\b|\^|\$)"
    r"|(?P<escaped>\\[\\()\[\]|?~^$.*+{}])"
    r"|(?P<group>\((?!\?))|(?P<end>\))|(?P<bar>\|)|(?P<optional>\?)"
    r"|(?P<cls>\[)"
    r"|(?P<other>\(\?|\\.?|.)"
)
_CLASS_BODY = re.compile(r"[^\]\\\[]*")


class _Reader:
    def __init__(self, text: str, ignore_case: bool) -> None:
        self.text = text
        self.tokens = list(_TOKENS.finditer(text))
        self.i = 0
        self.ignore_case = ignore_case

    def fail(self, why: str, at: int | None = None) -> CueSyntaxError:
        if at is None:
            at = self.tokens[self.i].start() if self.i < len(self.tokens) else len(self.text)
        return CueSyntaxError(f"{why} at column {at + 1}")

    def kind(self) -> str | None:
        return self.tokens[self.i].lastgroup if self.i < len(self.tokens) else None

    def alternatives(self) -> tuple[str, a.Part]:
        """Sequences separated by "|", up to the end or a closing ")"."""
        regex, part = self.sequence()
        if self.kind() != "bar":
            return regex, part
        regexes, parts = [regex], [part]
        while self.kind() == "bar":
            self.i += 1
            regex, part = self.sequence()
            regexes.append(regex)
            parts.append(part)
        return "|".join(regexes), a.branch(parts)

    def sequence(self) -> tuple[str, a.Part]:
        regex: list[str] = []
        parts: list[a.Part] = []
        text: list[str] = []  # plain characters, folded, not yet made a part
        tokens = self.tokens

        def flush() -> None:
            if text:
                parts.append(a.literal("".join(text)))
                text.clear()

        while self.i < len(tokens):
            token = tokens[self.i]
            kind = token.lastgroup
            if kind in ("bar", "end"):
                break
            self.i += 1
            optional = self.kind() == "optional"
            if kind == "plain":
                plain = token[0]
                if optional:  # the last character alone is optional
                    plain, last = plain[:-1], plain[-1]
                else:
                    last = ""
                if plain:
                    self._plain(plain, regex, parts, text, flush)
                if not last:
                    continue
                atom_regex, atom = last, self._char(last)
            elif kind == "gap":
                low, high = (token["low"], token["high"]) if token["high"] else ("0", token["low"])
                if int(low) > int(high):
                    raise self.fail(f"a gap from {low} to {high}", token.start())
                regex.append(f".{{{low},{high}}}")
                flush()
                parts.append(a.WIDE)
                continue
            elif kind in ("wide", "zero"):
                regex.append(token[0])
                flush()
                parts.append(a.WIDE if kind == "wide" else a.EMPTY)
                continue
            elif kind == "escaped":
                atom_regex, atom = token[0], self._char(token[0][1])
            elif kind == "group":
                inner, atom = self.alternatives()
                if self.kind() != "end":
                    raise self.fail("an unclosed '('", token.start())
                self.i += 1
                atom_regex = f"({inner})"
                optional = self.kind() == "optional"
            elif kind == "cls":
                atom_regex, atom = self.char_class(token.start())
                optional = self.kind() == "optional"
            elif token[0] == "(?":
                raise self.fail(
                    "a regex group '(?' is not in the cue syntax (use 're:')", token.start()
                )
            elif token[0].startswith("\\"):
                raise self.fail(f"'{token[0]}' is not in the cue syntax (use 're:')", token.start())
            else:
                raise self.fail(
                    f"'{token[0]}' is not in the cue syntax here (use 're:')", token.start()
                )
            if optional:
                self.i += 1
                regex.append(atom_regex + "?")
                flush()
                parts.append(a.optional(atom))
            elif atom.exact is not None and atom.exact == atom.anchors and len(atom.exact) == 1:
                regex.append(atom_regex)  # one plain character: joins its neighbours
                text.append(next(iter(atom.exact)))
            else:
                regex.append(atom_regex)
                flush()
                parts.append(atom)
        flush()
        return "".join(regex), a.sequence(parts)

    def _plain(
        self,
        plain: str,
        regex: list[str],
        parts: list[a.Part],
        text: list[str],
        flush: Callable[[], None],
    ) -> None:
        regex.append(plain)
        if _pinned(plain, self.ignore_case):
            text.append(a.fold(plain))
            return
        for ch in plain:  # a cased letter re.I may match in other forms: it ends a run
            part = self._char(ch)
            if part.exact is not None:
                text.append(next(iter(part.exact)))
            else:
                flush()
                parts.append(part)

    def _char(self, ch: str) -> a.Part:
        folded = a.char(ch, self.ignore_case)
        return a.literal(folded) if folded is not None else a.WIDE

    def char_class(self, start: int) -> tuple[str, a.Part]:
        """A class from its "[" (the token at `start`) to its "]"; moves past it."""
        body = _CLASS_BODY.match(self.text, start + 1)
        assert body is not None  # the pattern matches the empty string
        close = body.end()
        if close >= len(self.text) or self.text[close] != "]":
            what = (
                "an unclosed '['"
                if close >= len(self.text)
                else f"'{self.text[close]}' inside a class"
            )
            raise self.fail(
                f"{what} is not in the cue syntax (use 're:')" if close < len(self.text) else what,
                close,
            )
        inside = body[0]
        if inside.startswith("^"):
            raise self.fail("a negated class '[^' is not in the cue syntax (use 're:')", start + 1)
        # skip the tokens the scan made of the class's inside
        while self.i < len(self.tokens) and self.tokens[self.i].start() <= close:
            if self.tokens[self.i].end() > close + 1:
                # a token straddles the "]": rescan from just after the class
                self.tokens[self.i :] = list(_TOKENS.finditer(self.text, close + 1))
                break
            self.i += 1
        members: list[str] = []
        wide = False
        k = 0
        while k < len(inside):
            ch = inside[k]
            if k + 2 < len(inside) and inside[k + 1] == "-":
                low, high = ch, inside[k + 2]
                if ord(low) > ord(high):
                    raise self.fail(f"a range from {low!r} to {high!r}", start + 1 + k)
                if ord(high) - ord(low) >= a.MAX_CLASS:
                    wide = True
                else:
                    members += [chr(c) for c in range(ord(low), ord(high) + 1)]
                k += 3
                continue
            members.append(ch)
            k += 1
        part = a.WIDE if wide else a.chars(members, self.ignore_case)
        return self.text[start : close + 1], part


def parse(text: str, *, ignore_case: bool) -> Entry:
    """Read one entry; `ignore_case`: it is matched case-insensitively (re.I).

    Raises CueSyntaxError for anything outside the syntax.
    """
    if not text:
        raise CueSyntaxError("an empty entry")
    if _PLAIN.fullmatch(text) and _pinned(text, ignore_case):  # a bare phrase: itself
        folded = frozenset({a.fold(text)})
        return Entry(text, folded)
    reader = _Reader(text, ignore_case)
    regex, part = reader.alternatives()
    if reader.i < len(reader.tokens):  # a ")" with no "(" before it
        raise reader.fail(f"an unexpected {reader.tokens[reader.i][0]!r}")
    return Entry(regex, part.anchors)

"""The cue lists, read once at import from app/analysis/cues/{zh,en}.cues.

A cue is a named list of entries per language (the syntax is in
app/analysis/cues/README.md and cue_syntax.py). Each cue compiles to at most
three patterns ("runs"): its zh entries, joined, case-insensitive on the text
as written; its en entries, lower-case on the ASCII-lower-cased text (twice
as fast as re.I); and its en entries that need capitals ("[A-Z]", a name), on
the text as written. Every entry knows the literals one of which any match
holds (its anchors), so one Aho-Corasick pass over a sentence (anchors.Gate)
rules out most runs before any regex is tried.

Negation is handled by `Cue.find(..., negatable=True)`, which skips a match
preceded by a negator ("不打折", "we don't discount").
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from app.analysis import anchors, cue_syntax
from app.analysis.anchors import Anchors, Gate, fold, minimal
from app.analysis.cue_syntax import CueSyntaxError, apostrophes, lower_pattern, parse, rx

CUES_DIR = Path(__file__).with_name("cues")
LANGUAGES = ("zh", "en")

# "[LEADING]": the entries below belong to the cue LEADING.
_HEADER = re.compile(r"\[([A-Z][A-Z0-9_]+)\]")
# "re: <a Python regex>  needs: a|b" (or "needs: none": it always runs).
_REGEX_ENTRY = re.compile(r"re:\s*(?P<pattern>.+?)\s+needs:\s*(?P<needs>.+)")


class CueBookError(ValueError):
    """A cue file that can't be read; the message names the file and the line."""


@dataclass(frozen=True)
class Entry:
    """One line of a cue file, read."""

    regex: str  # as it is compiled (apostrophes and case already handled)
    anchors: Anchors | None  # literals one of which any match holds (None: always run)
    cased: bool  # en: needs capitals, so it runs on the text as written
    regex_entry: bool  # a "re:" entry, whose anchors are declared, not derived
    where: str  # "zh.cues:123"


def _needs(declared: str) -> Anchors | None:
    """The literals of a "needs:" list, as the gate tests them: folded, both apostrophes."""
    if declared.strip() == "none":
        return None
    out: set[str] = set()
    for literal in declared.split("|"):
        literal = fold(literal.strip())
        if not literal:
            raise CueSyntaxError("an empty literal in 'needs:'")
        pieces = [("'", "’") if ch in "'’" else (ch,) for ch in literal]
        out.update("".join(p) for p in itertools.product(*pieces))
    return minimal(out)


def _compiles(regex: str) -> None:
    try:
        re.compile(regex)
    except re.error as e:
        raise CueSyntaxError(f"not a regex: {e}") from None


# What entries in the cue syntax were read as: their regex and anchors, by language and text.
Readings = dict[str, tuple[str, list[str] | None]]


def read_entry(
    line: str,
    language: str,
    where: str = "",
    *,
    validated: bool = False,
    readings: Readings | None = None,
) -> Entry:
    """One entry of a `language` cue file; raises CueSyntaxError.

    `validated`: a "re:" entry is not compiled alone to check it (the run holding it
    is compiled anyway, and `load` reads the files again to name a bad line).
    `readings`: see read_books.
    """
    zh = language == "zh"
    cased = not zh and "[A-Z" in line
    lowered = not zh and not cased
    found = _REGEX_ENTRY.fullmatch(line)
    if found:
        source = found["pattern"]
        regex = apostrophes(lower_pattern(source) if lowered else source)
        if not validated:
            _compiles(regex)
        return Entry(regex, _needs(found["needs"]), cased, True, where)
    if line.startswith("re:"):
        raise CueSyntaxError("a 're:' entry without 'needs:' (write 'needs: none' if none)")
    text = apostrophes(lower_pattern(line) if lowered else line)
    known = readings.get(f"{language}:{text}") if readings is not None else None
    if known is not None:
        regex, anchors = known[0], frozenset(known[1]) if known[1] is not None else None
    else:
        entry = parse(text, ignore_case=zh)
        regex, anchors = entry.regex, entry.anchors
        if readings is not None:
            readings[f"{language}:{text}"] = (regex, sorted(anchors) if anchors else None)
    return Entry(regex, anchors, cased, False, where)


def read_file(
    path: Path, language: str, *, validated: bool = False, readings: Readings | None = None
) -> dict[str, list[Entry]]:
    """The cues of one file, by name, their entries in file order.

    `validated`: see read_entry; `readings`: entries in the cue syntax read before
    (see read_books), added to as entries are read.
    """
    cues: dict[str, list[Entry]] = {}
    current: list[Entry] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path.name}:{number}"
        if not line or line.startswith("#"):
            continue
        header = _HEADER.fullmatch(line)
        if header:
            name = header[1]
            if name in cues:
                raise CueBookError(f"{where}: the cue {name} is declared twice")
            current = cues[name] = []
            continue
        if current is None:
            raise CueBookError(f"{where}: an entry before the first [CUE NAME] line")
        try:
            current.append(
                read_entry(line, language, where, validated=validated, readings=readings)
            )
        except CueSyntaxError as e:
            raise CueBookError(f"{where}: {e}: {line}") from None
    for name, entries in cues.items():
        if not entries:
            raise CueBookError(f"{path.name}: the cue {name} has no entries")
    return cues


# Reading the 4,000 entries in the cue syntax takes a few hundred milliseconds, which
# every start (each `coach score`) would pay. What they read as only changes with the
# files or the code that reads them, so the readings are kept in the user's cache
# directory under a hash of both: a kept reading can't be stale, and without one (a
# first start, a read-only home) everything is read from the files, only slower.
_READERS = (Path(cue_syntax.__file__), Path(anchors.__file__), Path(__file__))


def cache_dir() -> Path | None:
    """Where the cue readings are kept between runs: $XDG_CACHE_HOME/kacoach, else
    ~/.cache/kacoach; None without a home directory."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():  # a relative one is to be ignored (XDG base dirs)
        return Path(xdg) / "kacoach"
    try:
        return Path.home() / ".cache" / "kacoach"
    except RuntimeError:  # no home directory to be found: keep nothing
        return None


def read_books(
    directory: Path = CUES_DIR, cache: Path | None = None, *, validated: bool = False
) -> dict[str, dict[str, list[Entry]]]:
    """The cues of every language's file, by language and name.

    `cache`: a directory to keep the entries' readings in (see above), or None.
    """
    files = [directory / f"{lang}.cues" for lang in LANGUAGES]
    digest = hashlib.sha256()
    for path in (*files, *_READERS):
        digest.update(path.read_bytes())
    stored = cache / f"cue-readings-{digest.hexdigest()[:24]}.json" if cache else None
    readings: Readings = {}
    if stored is not None:
        try:
            readings = {k: (v[0], v[1]) for k, v in json.loads(stored.read_bytes()).items()}
        except (OSError, ValueError, TypeError, IndexError, AttributeError):
            readings = {}  # none kept yet, or unreadable: read the files
    known = len(readings)
    books = {
        lang: read_file(path, lang, validated=validated, readings=readings)
        for lang, path in zip(LANGUAGES, files, strict=True)
    }
    if stored is not None and len(readings) != known:
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            partial = stored.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(readings, ensure_ascii=False), encoding="utf-8")
            partial.replace(stored)  # whole or not at all, even with several starting at once
            _prune(stored)
        except OSError:
            pass  # a read-only home: read again next time
    return books


KEPT_READINGS = 4  # a few versions side by side (two checkouts, a rebuilt venv), no more


def _prune(current: Path) -> None:
    """Forget all but the most recently written readings: each edit of the files makes one."""
    others = [p for p in current.parent.glob("cue-readings-*.json") if p != current]
    others.sort(key=lambda p: p.stat().st_mtime)
    for old in others[: max(0, len(others) - (KEPT_READINGS - 1))]:
        old.unlink(missing_ok=True)


# --- negation -----------------------------------------------------------------

_CJK_CHAR = rx(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = rx(r"[A-Za-z]{2}")

# A negator shortly before a Chinese cue: "不打折", "没有什么优惠", "别发了".
_ZH_NEGATED = rx(
    r"(?:(?<!要)不(?!如)|没|没有|(?<![无])无(?!论)|(?<![特区分个告级类性识派差])别|不用|不必|不会|不能|不要|未(?!来)|并非|从不|从没|从来不|谈不上)[^，,。；;！!？?、\s]{0,3}$"
)
# A negator within the two words before an English cue: "we don't discount", "no risk".
_EN_NEGATED = rx(
    r"(?:\b(?:not|no|never|without|nothing|nor|hardly)\b|n't)(?:\W+[\w']+){0,2}\W*$", re.I
)


# "能不能", "要不要", "是不是": a yes-no question, not a negation.
_ZH_A_NOT_A = rx(r"(能|要|可|是|会|行|好|肯|愿|有|想|用|签|做|试|看|去|来)不\1")


def negated(text: str, start: int) -> bool:
    """Whether the cue starting at `start` sits under a negation."""
    if start <= 0:
        return False
    if _CJK_CHAR.match(text, start):
        window = _ZH_A_NOT_A.sub("", text[max(0, start - 7) : start])
        return bool(_ZH_NEGATED.search(window))
    return bool(_EN_NEGATED.search(text[max(0, start - 40) : start]))


# --- matching -----------------------------------------------------------------

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    """ASCII lower case, same length: offsets found in it hold for the text."""
    return text.translate(_ASCII_LOWER)


_GATE = Gate()
# The runs of each script: a run for a script the text lacks can't match
# (zh entries holding Latin words such as "KPI" have English twins).
_SCRIPT_RUNS = {"zh": 0, "en": 0}


@lru_cache(maxsize=4096)
def live(text: str) -> int:
    """The runs worth trying on the text, as a mask of their ids (see anchors.py)."""
    scripts = _SCRIPT_RUNS["zh"] if _CJK_CHAR.search(text) else 0
    if _LATIN_WORD.search(text):
        scripts |= _SCRIPT_RUNS["en"]
    return _GATE.candidates(text) & scripts if scripts else 0


class Run(NamedTuple):
    """One compiled pattern of a cue: some of its entries, joined."""

    id: int
    pattern: re.Pattern[str]
    anchors: Anchors | None  # literals one of which any match holds (None: can't tell)
    zh: bool  # a pattern for Chinese text (else for Latin script)
    lowered: bool  # run on the ASCII-lower-cased text
    entries: tuple[Entry, ...]

    @property
    def bit(self) -> int:
        return 1 << self.id


RUNS: list[Run] = []  # every run of every cue, in the order of their ids


@dataclass(frozen=True, eq=False)
class Cue:
    name: str
    # The same runs in two orders: the turn's language first, then the other.
    zh_first: tuple[Run, ...]
    en_first: tuple[Run, ...]
    mask: int  # the bits of its runs' ids

    def _patterns(self, text: str, language: str) -> list[tuple[re.Pattern[str], str]]:
        alive = live(text)
        return [
            (r.pattern, lowered(text) if r.lowered else text)
            for r in (self.zh_first if language == "zh" else self.en_first)
            if alive & r.bit
        ]

    def finditer(self, text: str, language: str) -> list[re.Match[str]]:
        if not self.mask & live(text):  # no pattern can match: skip the cache too
            return []
        return [m for p, t in self._patterns(text, language) for m in p.finditer(t)]

    def search(self, text: str, language: str) -> re.Match[str] | None:
        """Search with the turn's language first, then the other: people mix them."""
        if not self.mask & live(text):  # no pattern can match: skip the cache too
            return None
        return _search(self, text, language)

    def find(self, text: str, language: str, *, negatable: bool = True) -> re.Match[str] | None:
        """The first match that is not negated (when `negatable`)."""
        if not self.mask & live(text):  # no pattern can match: skip the cache too
            return None
        if not negatable:
            return _search(self, text, language)
        return _find(self, text, language)


# A turn asks the same cue about the same sentence several times (a pilot is
# also a next step, a proof clause is not a pitch): remember recent answers.
@lru_cache(maxsize=16384)
def _search(c: Cue, text: str, language: str) -> re.Match[str] | None:
    for p, t in c._patterns(text, language):
        m = p.search(t)
        if m:
            return m
    return None


@lru_cache(maxsize=16384)
def _find(c: Cue, text: str, language: str) -> re.Match[str] | None:
    for p, t in c._patterns(text, language):
        for m in p.finditer(t):
            if not negated(text, m.start()):
                return m
    return None


def _hoist(regexes: list[str]) -> str:
    """Join alternatives, checking a leading word boundary once per run of them.

    Python's regex engine tries every alternative at every position; hoisting
    the common "\\b" of neighbouring entries lets it skip positions inside
    words, which makes the long English cue lists several times faster.
    """
    out: list[str] = []
    for bounded, group in itertools.groupby(regexes, key=lambda r: r.startswith(r"\b")):
        items = list(group)
        if bounded:
            out.append(r"\b(?:" + "|".join(r[2:] for r in items) + ")")
        else:
            out += items
    return "|".join(out)


def _anchors(entries: Iterable[Entry]) -> Anchors | None:
    """A run matches where one of its entries does: the union of theirs, if each has some.

    (Not reduced with `minimal`: a literal holding another one changes no look-up, and
    reducing hundreds of them would cost start-up time.)
    """
    found: set[str] = set()
    for entry in entries:
        if entry.anchors is None:
            return None
        found |= entry.anchors
    return frozenset(found)


def _run(entries: list[Entry], source: str, flags: int, *, zh: bool, lowered: bool) -> Run:
    run = Run(len(RUNS), re.compile(source, flags), _anchors(entries), zh, lowered, tuple(entries))
    RUNS.append(run)
    _GATE.register(run.id, run.anchors)
    _SCRIPT_RUNS["zh" if zh else "en"] |= run.bit
    live.cache_clear()
    return run


def _cue(name: str, zh: list[Entry], en: list[Entry]) -> Cue:
    plain = [e for e in en if not e.cased]
    cased = [e for e in en if e.cased]
    zh_runs = [_run(zh, "|".join(e.regex for e in zh), re.I, zh=True, lowered=False)] if zh else []
    en_runs = []
    if plain:
        en_runs.append(_run(plain, _hoist([e.regex for e in plain]), 0, zh=False, lowered=True))
    if cased:
        en_runs.append(_run(cased, "|".join(e.regex for e in cased), 0, zh=False, lowered=False))
    runs = (*zh_runs, *en_runs)
    return Cue(name, runs, (*en_runs, *zh_runs), sum(r.bit for r in runs))


def load(directory: Path = CUES_DIR) -> dict[str, Cue]:
    """Every cue of the cue files, by name."""
    books = read_books(directory, cache_dir(), validated=True)
    names = dict.fromkeys(itertools.chain(*books.values()))  # first seen first
    # Each run is compiled once, its "re:" entries with it (compiling each alone first
    # would add a tenth to start-up); should one fail, read again, checking every entry,
    # to say which line is wrong.
    try:
        return {
            name: _cue(name, books["zh"].get(name, []), books["en"].get(name, [])) for name in names
        }
    except re.error:
        for lang in LANGUAGES:
            read_file(directory / f"{lang}.cues", lang)  # raises CueBookError naming the line
        raise


CUES = load()

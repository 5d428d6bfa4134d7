"""What to practise: the turn-by-turn coaching's tips, grouped by what they ask for.

A scorecard stores each coached turn as a code, a label and a tip in the
transcript's language. Several codes share one tip (every kind of next step
proposed before a summary gets "summarise the need first"), and the same tip
reads differently in zh and en; so misses are counted by the tip's key in
the scorecard book ("tip.<key>", app.i18n), not by code or wording. The report's "practise
next" and the dashboard's common misses both read this.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.i18n.catalog import LANGS, SCORECARD
from app.scoring.coaching import TIPS

# The stored tip text (either language) -> its key.
_TIP_KEYS = {SCORECARD.say(lang, f"tip.{key}"): key for key in TIPS for lang in LANGS}
# Tips that say where a good question goes next, not a miss: ranked after the misses.
PROGRESSIONS = frozenset({"problem", "implication"})


@dataclass
class PracticeItem:
    key: str  # the tip's key ("tip.<key>"); a tip we don't know (an older scorecard) is its own key
    count: int = 0
    turns: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the coaching codes, most frequent first
    label: str = ""  # as stored (the transcript's language), of the first coached turn
    tip: str = ""  # as stored

    @property
    def known(self) -> bool:
        return self.key in TIPS


def tip_key(tip: str) -> str:
    text = tip.strip()
    return _TIP_KEYS.get(text, text)


def tip_text(key: str, lang: str) -> str | None:
    """The tip in `lang` (zh or en); None for a tip the book doesn't hold."""
    return SCORECARD.say(lang, f"tip.{key}") if key in TIPS else None


def label_text(code: str, lang: str) -> str | None:
    """A coaching code's label in `lang`, for the codes with a fixed label (not questions)."""
    key = "label." + ("advance" if code.startswith("advance_") else code)
    return SCORECARD.say(lang, key) if SCORECARD.has(key) else None


def group(coaching: Iterable[Mapping[str, Any]]) -> list[PracticeItem]:
    """The coached turns that carry a tip, one item per tip: misses first (most frequent
    first, then earliest), then the progressions."""
    items: dict[str, PracticeItem] = {}
    codes: dict[str, dict[str, int]] = {}
    for c in coaching:
        tip = c.get("tip")
        if not tip:
            continue
        key = tip_key(str(tip))
        item = items.get(key)
        if item is None:
            item = items[key] = PracticeItem(key=key, label=str(c.get("label") or ""), tip=tip)
            codes[key] = {}
        item.count += 1
        index = c.get("index")
        if isinstance(index, int) and index not in item.turns:
            item.turns.append(index)
        code = str(c.get("code") or "")
        if code:
            codes[key][code] = codes[key].get(code, 0) + 1
    for key, item in items.items():
        item.codes = sorted(codes[key], key=lambda code: -codes[key][code])
        item.turns.sort()
    first = {key: (item.turns[0] if item.turns else 0) for key, item in items.items()}
    return sorted(
        items.values(), key=lambda i: (i.key in PROGRESSIONS, -i.count, first[i.key], i.key)
    )

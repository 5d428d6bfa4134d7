"""The scorecard's summary for a page, in the page's language: the dimension chart, the three
things to practise next, the turn-by-turn coaching's labels and the dashboard's misses.

The scorer stores coaching in the transcript's language; what it means (its code and
its tip's key) is said again here in the language the page is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from app.analytics.dashboard_schemas import CommonMiss
from app.reviews import practice
from app.reviews.schemas import SessionReviewRead
from app.scoring.schema import band_of
from app.web.i18n import Lang, translate

PRACTISE_NEXT = 3
_FORMS = ("open", "closed")
_STAGES = ("situation", "problem", "implication", "need_payoff")


def coaching_label(code: str, stored: str, lang: Lang) -> str:
    """A coaching code's label in `lang`; the stored label for a code we don't know."""
    fixed = practice.label_text(code, lang)
    if fixed is not None:
        return fixed
    form, _, rest = code.partition("_")
    stage = rest.removesuffix("_question")
    if form in _FORMS and stage in _STAGES and rest.endswith("_question"):
        return translate(
            lang,
            "coaching.question",
            form=translate(lang, f"coaching.form.{form}"),
            stage=translate(lang, f"coaching.stage.{stage}"),
        )
    return stored


def coaching_tip(tip: str | None, lang: Lang) -> str | None:
    if not tip:
        return None
    return practice.tip_text(practice.tip_key(tip), lang) or tip


def coaching_lines(
    coaching: Iterable[Mapping[str, Any]], lang: Lang
) -> dict[int, list[dict[str, Any]]]:
    """Per turn index, its coaching as the page shows it."""
    out: dict[int, list[dict[str, Any]]] = {}
    for c in coaching:
        code = str(c.get("code") or "")
        out.setdefault(int(c.get("index", -1)), []).append(
            {
                "code": code,
                "label": coaching_label(code, str(c.get("label") or code), lang),
                "tip": coaching_tip(c.get("tip"), lang),
            }
        )
    return out


def practise_next(coaching: Iterable[Mapping[str, Any]], lang: Lang) -> list[dict[str, Any]]:
    """Up to three things to practise, from the tips of the coached turns."""
    out = []
    for item in practice.group(coaching)[:PRACTISE_NEXT]:
        title_key = f"next.item.{item.key}"
        title = (
            translate(lang, title_key)
            if item.known
            else coaching_label(item.codes[0] if item.codes else "", item.label, lang)
        )
        out.append(
            {
                "key": item.key,
                "title": title,
                "tip": practice.tip_text(item.key, lang) or item.tip,
                "count": item.count,
                "turns": item.turns,
            }
        )
    return out


def dimension_bars(
    review: SessionReviewRead, dims: Sequence[str], lang: Lang
) -> list[dict[str, Any]]:
    """The chart's rows: each dimension's effective score (a coach's override included)."""
    rows = []
    for name in dims:
        value = review.dimensions[name].effective
        band = band_of(value) if value is not None else "none"
        rows.append(
            {
                "name": name,
                "label": translate(lang, f"dim.{name}"),
                "value": value,
                "band": band,
                "band_label": translate(lang, f"band.{band}"),
            }
        )
    return rows


def misses(common: Iterable[CommonMiss], lang: Lang) -> list[dict[str, Any]]:
    """The dashboard's common misses in `lang` (they are counted by meaning already)."""
    out = []
    for m in common:
        known = m.tip_key is not None
        out.append(
            {
                "title": translate(lang, f"next.item.{m.tip_key}")
                if known
                else coaching_label(m.code, m.label, lang),
                "tip": (practice.tip_text(m.tip_key, lang) if m.tip_key else None) or m.tip,
                "count": m.count,
            }
        )
    return out

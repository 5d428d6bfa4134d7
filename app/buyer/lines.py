"""The offline buyer's generic lines (prompts/offline_buyer.yaml), and picking one.

Picking is deterministic: a rotation whose starting point depends on the
session seed, so one session never repeats a line until it has used them all,
and the same seed always gives the same transcript.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from app.resources import data_dir

LineKey = Literal[
    "stay_in_role", "prompt_more", "greeting_reply", "accept_leave", "argued",
    "discount_suspicious", "discount_unasked", "still_objection", "repeat_prefix",
    "ignored_objection", "not_yet", "too_early_to_sign", "already_agreed", "personal_deflect",
    "problem_deflect", "impact_deflect", "impact_needs_problem", "need_payoff_positive",
    "need_payoff_premature", "already_said", "nothing_more", "interrogation", "leading_pushback",
    "product_question", "pitch_brushoff", "value_ack", "value_unrelated", "summary_confirm",
    "summary_premature", "feedback_ack", "end_patience", "impatient_suffix", "budget_too_early",
    "stakeholders_guarded", "stakeholders_all_named", "generic_ack", "reopen_after_resolution",
    "self_disclosure_ack", "badmouth", "advance_granted_wrapup",
]  # fmt: skip


class LinesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    version: int
    zh: dict[LineKey, list[str]] = Field(min_length=1)
    en: dict[LineKey, list[str]] = Field(min_length=1)


class Phrasebook:
    def __init__(self, data: LinesFile) -> None:
        for lang in ("zh", "en"):
            table: dict[LineKey, list[str]] = getattr(data, lang)
            missing = sorted(set(LineKey.__args__) - set(table))  # type: ignore[attr-defined]
            if missing:
                raise ValueError(f"offline buyer lines ({lang}): missing {', '.join(missing)}")
            short = sorted(k for k, v in table.items() if len(v) < 2)
            if short:
                raise ValueError(f"offline buyer lines ({lang}): fewer than 2 variants for {short}")
        self.id = f"{data.id}@{data.version}"
        self._data = data

    def variants(self, language: str, key: LineKey) -> list[str]:
        table: dict[LineKey, list[str]] = getattr(self._data, "zh" if language == "zh" else "en")
        return table[key]


@lru_cache
def load_phrasebook() -> Phrasebook:
    path = data_dir("prompts") / "offline_buyer.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Phrasebook(LinesFile.model_validate(raw))


def rotate(variants: Sequence[str], seed: int, key: str, uses: int) -> str:
    """The `uses`-th line of a seed-dependent rotation through `variants`."""
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=4).digest()
    start = int.from_bytes(digest, "big")
    return variants[(start + uses) % len(variants)]

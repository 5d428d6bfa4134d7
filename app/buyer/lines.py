"""The offline buyer's generic lines (prompts/offline_buyer.yaml), and picking one.

Picking is deterministic: a rotation whose starting point depends on the
session seed, so one session never repeats a line until it has used them all,
and the same seed always gives the same transcript.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field

from app.i18n.catalog import lang_of
from app.resources import data_dir

LineKey = Literal[
    "stay_in_role", "prompt_more", "greeting_reply", "accept_leave", "argued", "taken_back",
    "discount_suspicious", "discount_unasked", "still_objection", "not_yet", "not_yet_trust",
    "advance_unfitting", "too_early_to_sign", "already_agreed", "personal_deflect", "personal_hint",
    "problem_deflect", "impact_deflect", "impact_needs_problem", "need_payoff_positive",
    "need_payoff_premature", "already_said", "unknown_answer", "unknown_figure", "elaborate_nothing",
    "interrogation", "leading_pushback", "product_question", "pitch_brushoff", "value_ack",
    "value_unrelated", "proof_interest", "summary_confirm", "summary_premature", "summary_off", "feedback_ack",
    "end_patience", "impatient_suffix", "budget_too_early", "stakeholders_guarded",
    "stakeholders_all_named", "generic_ack", "self_disclosure_ack", "badmouth", "insult",
    "improper_offer", "advance_granted_wrapup", "small_talk", "off_topic", "go_ahead", "nothing_else",
    "time_picked", "speak_for_them",
    # Lead-ins that run into what follows (a fragment, not a sentence):
    "recall_lead", "more_lead", "objection_lead", "unanswered_lead", "refusal_lead",
    "refusal_after_concession_lead",
    # Coming back to a concern in other words, when the scenario has no more of its own:
    "again_price", "again_budget", "again_incumbent", "again_no_need", "again_no_time",
    "again_risk", "again_send_material", "again_think_it_over", "again_authority",
]  # fmt: skip


MIN_VARIANTS = 3


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
            missing = sorted(set(get_args(LineKey)) - set(table))
            if missing:
                raise ValueError(f"offline buyer lines ({lang}): missing {', '.join(missing)}")
            short = sorted(k for k, v in table.items() if len(v) < MIN_VARIANTS)
            if short:
                raise ValueError(
                    f"offline buyer lines ({lang}): fewer than {MIN_VARIANTS} variants for {short}"
                )
        self.id = f"{data.id}@{data.version}"
        self._data = data

    def variants(self, language: str, key: LineKey) -> list[str]:
        table: dict[LineKey, list[str]] = getattr(self._data, lang_of(language))
        return table[key]


@lru_cache
def load_phrasebook() -> Phrasebook:
    path = data_dir("prompts") / "offline_buyer.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Phrasebook(LinesFile.model_validate(raw))


_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def digest(sentence: str) -> str:
    """A short fingerprint of a sentence, blind to spacing, case and punctuation."""
    core = _PUNCT.sub("", sentence).lower()
    return hashlib.blake2b(core.encode(), digest_size=6).hexdigest()


def rotate(variants: Sequence[str], seed: int, key: str, uses: int) -> str:
    """The `uses`-th line of a seed-dependent rotation through `variants`."""
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=4).digest()
    start = int.from_bytes(digest, "big")
    return variants[(start + uses) % len(variants)]

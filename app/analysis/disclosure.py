"""What a buyer sentence tells, read by a model learnt from examples, not from phrase lists.

The buyer cues (lexicon.py) know the words people usually complain and confide
in; buyers who talk plainly do not use them: "大部分是没人跟" admits a problem,
"谁挨……我呗" tells the buyer's own stake, "Half the alerts are noise and nobody
looks anymore" is a pain. app/analysis/act_data/disclosure-*.jsonl holds buyer
sentences (zh and en) written by people who never saw this code, each labelled
with what it tells (act_data/LABELS.md): a problem, what it costs, the buyer's own
stake, how the decision goes, pushback, a yes, a plain fact. buyer.py reads a
sentence the cues found nothing in with it, so a disclosure in everyday words
still counts, and every reading still points at a verbatim sentence.
"""

from __future__ import annotations

import enum
from functools import lru_cache

from app.analysis.sentence_acts import LabelModel, Reading, labelled_rows


class Told(enum.StrEnum):
    pain = "pain"  # a problem in their own operation
    impact = "impact"  # what a problem costs
    personal = "personal"  # the buyer's own stake
    decision = "decision"  # who decides, how, budget, timing
    objection = "objection"  # pushback against the seller, the sale or a step
    accepts = "accepts"  # a yes to a step
    fact = "fact"  # neutral information
    other = "other"  # greetings, logistics, questions back


def load_disclosure_examples(language: str) -> list[tuple[str, frozenset[Told]]]:
    """Every labelled buyer sentence of a language (files `disclosure-<language>-*.jsonl`)."""
    return [
        (str(row["text"]), frozenset(Told(x) for x in row["labels"]))
        for row in labelled_rows(f"disclosure-{language}-*.jsonl")
    ]


@lru_cache(maxsize=2)
def disclosure_model(language: str) -> LabelModel[Told]:
    lang = "zh" if language == "zh" else "en"
    return LabelModel(load_disclosure_examples(lang), lang, Told)


@lru_cache(maxsize=8192)
def read_disclosure(text: str, language: str) -> Reading[Told]:
    """What one buyer sentence tells. Deterministic; the first call fits the model."""
    return disclosure_model(language).read(text)

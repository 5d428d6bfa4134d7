"""What a trainee sentence does, read by a model learnt from examples, not from phrase lists.

The cue lists (lexicon.py) know the words people usually use; sellers who talk
plainly, tersely or in a second language use others. app/analysis/act_data/
holds about 5,600 sentences (zh and en) written by people who never saw this
code, each labelled with what it does (LABELS.md): open or closed in meaning, a
probe of the concern, an acknowledgement taken back, a push to agree... A
linear model over character and word n-grams is fitted on them once per
process (~1 s) and reads wording nobody listed. It is a second reader:
trainee.py combines its confident readings with the cues sentence by sentence,
so every reading still points at a verbatim sentence.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.analysis.linear import LinearScores, sigmoid

DATA_DIR = Path(__file__).resolve().parent / "act_data"


class SentenceAct(enum.StrEnum):
    open_question = "open_question"
    closed_question = "closed_question"
    concern_probe = "concern_probe"
    personal_probe = "personal_probe"
    decision_probe = "decision_probe"
    acknowledge = "acknowledge"
    take_back = "take_back"
    argue = "argue"
    leading = "leading"
    pitch = "pitch"
    proof = "proof"
    value = "value"
    summary = "summary"
    check = "check"
    next_step = "next_step"
    hard_close = "hard_close"
    discount = "discount"
    give_up = "give_up"
    self_disclosure = "self_disclosure"
    small_talk = "small_talk"


L = TypeVar("L", bound=enum.StrEnum)


@dataclass(frozen=True)
class Reading(Generic[L]):
    """The model's probability for each label (independent, not summing to 1)."""

    probabilities: Mapping[L, float]

    def p(self, label: L) -> float:
        return self.probabilities.get(label, 0.0)


ActReading = Reading[SentenceAct]


def vectoriser(language: str) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Chinese characters and their pairs; English words, pairs and triples. Each is
    # within 0.02 macro-F1 (5-fold cross-validation) of richer n-grams at half to
    # three quarters of the reading time, which the scorer's speed target needs.
    if language == "zh":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 2), sublinear_tf=True)
    return TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        sublinear_tf=True,
        token_pattern=r"(?u)\b\w+'?\w*\b",  # noqa: S106 (a regex, not a secret)
    )


def linear_model() -> Any:
    from sklearn.linear_model import SGDClassifier

    # Logistic loss for probabilities; balanced weights so that an act few examples
    # show is still found; deterministic with a fixed seed.
    return SGDClassifier(
        loss="log_loss",
        alpha=ALPHA,
        max_iter=50,
        tol=1e-4,
        random_state=0,
        class_weight="balanced",
    )


ALPHA = 2e-5


def labelled_rows(pattern: str) -> list[dict[str, Any]]:
    """The rows of every `act_data/` file matching `pattern`, in file-name order."""
    out: list[dict[str, Any]] = []
    for path in sorted(DATA_DIR.glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path.name}:{n}: {exc}") from exc
    return out


def load_act_examples(language: str) -> list[tuple[str, frozenset[SentenceAct]]]:
    """Every labelled trainee sentence of a language (files `<language>-*.jsonl`)."""
    out = []
    for row in labelled_rows(f"{language}-*.jsonl"):
        labels = frozenset(SentenceAct(x) for x in row["labels"])
        out.append((str(row["text"]), labels))
    return out


class LabelModel(Generic[L]):
    """One-vs-rest readers of which labels of `kinds` a sentence carries, for one language."""

    def __init__(
        self, examples: list[tuple[str, frozenset[L]]], language: str, kinds: type[L]
    ) -> None:
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import MultiLabelBinarizer

        if not examples:
            raise ValueError(f"no labelled sentences for language {language!r}")
        labels = MultiLabelBinarizer(classes=[a.value for a in kinds])
        y = labels.fit_transform([[a.value for a in acts] for _, acts in examples])
        pipeline = make_pipeline(vectoriser(language), OneVsRestClassifier(linear_model()))
        pipeline.fit([t for t, _ in examples], y)
        self.acts = [kinds(c) for c in labels.classes_]
        self._scores = LinearScores(pipeline[0], pipeline[1].estimators_)

    def read(self, text: str) -> Reading[L]:
        probs = sigmoid(self._scores(text))
        return Reading({a: float(p) for a, p in zip(self.acts, probs, strict=True)})


@lru_cache(maxsize=2)
def act_model(language: str) -> LabelModel[SentenceAct]:
    lang = "zh" if language == "zh" else "en"
    return LabelModel(load_act_examples(lang), lang, SentenceAct)


@lru_cache(maxsize=16384)
def read_acts(text: str, language: str) -> ActReading:
    """What one trainee sentence does. Deterministic; the first call fits the model."""
    return act_model(language).read(text)

"""What a question asks the buyer for: an amount, a person, how it works today, what it costs...

That is a property of how people ask, not of a scenario, so it is learnt from
examples rather than listed: app/analysis/intent_data/ holds thousands of
questions salespeople ask, zh and en, each labelled with one `Intent`
(written independently of the scenarios and of this code). A linear model
over character and word n-grams is fitted on them once per process (a fraction
of a second) and reads any wording, including wording nobody listed.

The buyer uses the reading to route a question to the scenario's content; the
labels are documented in intent_data/LABELS.md.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.analysis.linear import LinearScores, sigmoid

DATA_DIR = Path(__file__).resolve().parent / "intent_data"


class Intent(enum.StrEnum):
    current_state = "current_state"  # how it works today, their set-up, volumes
    supplier = "supplier"  # the incumbent vendor and the relationship
    problem = "problem"  # what goes wrong
    impact = "impact"  # what a problem costs, what it leads to
    personal = "personal"  # what it means for the person in front of you
    payoff = "payoff"  # what solving it would be worth
    goal = "goal"  # plans, targets, priorities
    decision_process = "decision_process"  # how such a decision gets made
    people = "people"  # who else decides, signs, uses, has a say
    budget = "budget"  # money available on the buyer's side
    timeline = "timeline"  # when, deadlines, urgency
    criteria = "criteria"  # what options are judged on
    concern = "concern"  # what is behind the buyer's hesitation
    elaborate = "elaborate"  # "say more", with no topic of its own
    product_opinion = "product_opinion"  # what they think of our offer
    check = "check"  # "did I get that right?"
    other = "other"


@dataclass(frozen=True)
class IntentReading:
    intent: Intent
    confidence: float
    probabilities: Mapping[Intent, float]

    def p(self, *intents: Intent) -> float:
        return sum(self.probabilities.get(i, 0.0) for i in intents)


def load_examples(language: str) -> list[tuple[str, Intent]]:
    """Every labelled example of a language (files named `<language>-*.jsonl`)."""
    out: list[tuple[str, Intent]] = []
    for path in sorted(DATA_DIR.glob(f"{language}-*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                out.append((str(row["text"]), Intent(row["intent"])))
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path.name}:{n}: {exc}") from exc
    return out


class IntentModel:
    """A fitted reader for one language."""

    def __init__(self, examples: list[tuple[str, Intent]], language: str) -> None:
        # Imported here: scikit-learn costs ~0.5 s to import, and only the buyer needs it.
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import FeatureUnion, make_pipeline

        if not examples:
            raise ValueError(f"no labelled questions for language {language!r}")
        if language == "zh":
            features: Any = TfidfVectorizer(
                analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, min_df=1
            )
        else:
            features = FeatureUnion(
                [
                    (
                        "words",
                        TfidfVectorizer(
                            analyzer="word",
                            ngram_range=(1, 2),
                            sublinear_tf=True,
                            token_pattern=r"(?u)\b\w+\b",  # noqa: S106 (a regex, not a secret)
                        ),
                    ),
                    (
                        "chars",
                        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
                    ),
                ]
            )
        # Logistic loss for probabilities; SGD fits in ~0.1 s and, trained on one
        # writer's questions and tested on another's, reads as well as lbfgs (~82%).
        model = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=50, tol=1e-4, random_state=0)
        self.pipeline = make_pipeline(features, model)
        texts = [t for t, _ in examples]
        labels = [lbl.value for _, lbl in examples]
        self.pipeline.fit(texts, labels)
        self.classes = [Intent(c) for c in self.pipeline.classes_]
        self._scores = LinearScores(self.pipeline[0], [self.pipeline[1]])

    def read(self, text: str) -> IntentReading:
        # One-vs-rest probabilities, normalised: what SGDClassifier.predict_proba
        # computes, without its per-call sparse matrix (~1.5 ms -> ~0.1 ms).
        probs = sigmoid(self._scores(text))
        probs = probs / probs.sum()
        table = {c: float(p) for c, p in zip(self.classes, probs, strict=True)}
        best = max(table, key=lambda c: table[c])
        return IntentReading(best, table[best], table)


@lru_cache(maxsize=2)
def intent_model(language: str) -> IntentModel:
    lang = "zh" if language == "zh" else "en"
    return IntentModel(load_examples(lang), lang)


@lru_cache(maxsize=8192)
def read_intent(text: str, language: str) -> IntentReading:
    """What `text` (one question) asks for. Deterministic; the first call fits the model."""
    return intent_model(language).read(text)

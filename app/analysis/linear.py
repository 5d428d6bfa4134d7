"""Reading a fitted linear text model fast: the tf-idf arithmetic on the vectoriser's
public vocabulary and idf, against the estimators' stacked coefficients.

scikit-learn's predict_proba builds a sparse matrix per call and, one-vs-rest,
walks every estimator: 1-6 ms for one short sentence. The same arithmetic here
takes about 0.1 ms and gives the same numbers (tests/analysis/test_sentence_acts.py),
which the scorer's and the buyer's speed targets need.
"""

from __future__ import annotations

from collections import Counter
from typing import Any


class LinearScores:
    """The raw decision scores of fitted linear estimators for one text.

    `features`: a fitted TfidfVectorizer (sublinear tf, l2 norm) or a FeatureUnion
    of them; `estimators`: fitted linear models with coef_ and intercept_."""

    def __init__(self, features: Any, estimators: list[Any]) -> None:
        import numpy as np

        parts = (
            [t for _, t in features.transformer_list]
            if hasattr(features, "transformer_list")
            else [features]
        )
        self._parts: list[tuple[Any, dict[str, int], Any, int]] = []
        offset = 0
        for v in parts:
            self._parts.append((v.build_analyzer(), v.vocabulary_, v.idf_, offset))
            offset += len(v.vocabulary_)
        self._coef = np.vstack([e.coef_ for e in estimators]).T  # (n_features, n_outputs)
        self._intercept = np.concatenate([e.intercept_ for e in estimators])

    def __call__(self, text: str) -> Any:
        import numpy as np

        scores = self._intercept.copy()
        for analyze, vocab, idf, offset in self._parts:
            counts = Counter(analyze(text))  # counted in C: most n-grams repeat or are unknown
            known = [(vocab.get(term), n) for term, n in counts.items()]
            pairs = [(j, n) for j, n in known if j is not None]
            if not pairs:
                continue
            idx = np.array([j for j, _ in pairs], dtype=np.int64)
            tf = 1.0 + np.log(np.array([n for _, n in pairs], dtype=np.float64))
            w = tf * idf[idx]  # sublinear tf x idf, then the l2 norm of this part
            w /= np.sqrt((w * w).sum())
            scores += w @ self._coef[idx + offset]
        return scores


def sigmoid(x: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))

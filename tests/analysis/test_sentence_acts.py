"""The learnt sentence-act reader: its arithmetic, and what it adds to the cues."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer

from app.analysis import sentence_acts as sa
from app.analysis.model import QuestionForm
from app.analysis.sentence_acts import SentenceAct, act_model, load_act_examples
from tests.analysis.test_tricky import trainee


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_fast_reading_is_the_fitted_models_own_probability(language: str) -> None:
    examples = load_act_examples(language)
    labels = MultiLabelBinarizer(classes=[a.value for a in SentenceAct])
    y = labels.fit_transform([[a.value for a in acts] for _, acts in examples])
    reference = make_pipeline(sa.vectoriser(language), OneVsRestClassifier(sa.linear_model()))
    reference.fit([t for t, _ in examples], y)
    model = act_model(language)
    for text in [
        "您带我过一遍上回停线那天？",
        "What would have to be true for you to try it?",
        "嗯",
    ]:
        ours = np.array([model.read(text).p(a) for a in model.acts])
        theirs = reference.predict_proba([text])[0]
        assert np.allclose(ours, theirs, atol=1e-9)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_act_has_enough_examples(
    language: str,
) -> None:
    counts = {a: 0 for a in SentenceAct}
    for _, acts in load_act_examples(language):
        for a in acts:
            counts[a] += 1
    assert min(counts.values()) >= 40, counts


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("现在仓库用的什么系统？", QuestionForm.closed),  # a blank to fill, though it holds 什么
        ("What ERP are you on?", QuestionForm.closed),
        ("上回停线那天，从发现问题到恢复生产，中间都经历了什么？", QuestionForm.open),
        ("Walk me through what happened the night the freezer went down?", QuestionForm.open),
    ],
)
def test_a_question_is_open_or_closed_in_meaning(text: str, form: QuestionForm) -> None:
    (q,) = trainee(text).questions
    assert q.form is form


@pytest.mark.parametrize(
    "text",
    ["What burned you last time?", "上回那家是怎么折腾的？", "卡在哪儿了？"],
)
def test_a_probe_of_the_concern_in_everyday_words(text: str) -> None:
    (q,) = trainee(text, previous_buyer="上一家供应商搞砸过一次，我们不想再冒险。").questions
    assert q.probes_concern


def test_an_acronym_is_a_term_though_its_lower_case_is_a_stop_word() -> None:
    from app.analysis.terms import index_terms

    assert "it" in index_terms("IT那边会有什么顾虑？")
    assert "it" not in index_terms("How did it go?")

"""The buyer reacts to exactly what the rubric penalises: a pitch and a monologue
start at the same length for both (app.analysis.model.PITCH_WORDS, MONOLOGUE_WORDS).

Each case plays one trainee turn of a given length to the offline buyer and scores
the same turn, then checks that both cross the threshold on the same word. A
literal re-introduced on either side makes the two disagree on one of the lengths.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.analysis.conversation import analyze_conversation
from app.analysis.model import MONOLOGUE_WORDS, PITCH_WORDS
from app.i18n.catalog import SCORECARD
from app.scoring.rubric import RubricScorer
from tests.buyer.play import Played, say, start

SCORER = RubricScorer()
_EN = (
    "Our platform is the leading solution in the market with award winning "
    "technology and great support for every fleet "
) * 4
_ZH = "我们公司的系统是行业第一功能特别全已经服务了五百多家客户而且价格也非常有竞争力售后团队响应很快全国都有网点覆盖"


def _en_pitch(words: int, question: str = "") -> str:
    return " ".join(_EN.split()[:words]) + "." + question


def _zh_pitch(words: int) -> str:
    return _ZH[: 2 * words - 1] + "。"  # a Chinese character counts as half a word


def _played(scenario_id: str, text: str) -> Played:
    return say(start(scenario_id), text)


def _scorer_cites(text: str, reply: str, key: str, language: str) -> bool:
    card = SCORER.score([("trainee", text), ("buyer", reply)])
    return SCORECARD.say(language, f"note.{key}") in [
        e.note for e in card.dimensions["questioning"].evidence
    ]


@pytest.mark.parametrize(
    ("scenario_id", "language", "pitch"),
    [("en-fleet-telematics", "en", _en_pitch), ("zh-mes-auto-parts", "zh", _zh_pitch)],
    ids=["en", "zh"],
)
@pytest.mark.parametrize("words", [PITCH_WORDS - 1, PITCH_WORDS, PITCH_WORDS + 1])
def test_a_pitch_without_a_question_is_one_for_buyer_and_scorer_alike(
    scenario_id: str, language: str, pitch: Callable[[int], str], words: int
) -> None:
    text = pitch(words)
    turn = analyze_conversation([("trainee", text)], language).turns[0]
    assert turn.pitch_words == words  # the case is what it says
    assert not turn.questions
    p = _played(scenario_id, text)
    buyer_heard_a_pitch = p.state.pitch_strikes == 1
    coached_as_pitch = SCORER.score([("trainee", text)]).coaching[0].code == "pitch"
    cited = _scorer_cites(text, p.last_reply, "monologue", language)
    expected = words >= PITCH_WORDS
    assert (buyer_heard_a_pitch, coached_as_pitch, cited) == (expected, expected, expected)


def test_a_monologue_with_a_question_tacked_on_costs_with_both_from_the_same_word() -> None:
    question = " How many trucks do you run?"
    short, long = _en_pitch(MONOLOGUE_WORDS - 1, question), _en_pitch(MONOLOGUE_WORDS, question)
    for text, words in ((short, MONOLOGUE_WORDS - 1), (long, MONOLOGUE_WORDS)):
        turn = analyze_conversation([("trainee", text)], "en").turns[0]
        assert turn.pitch_words == words  # the case is what it says
        assert turn.questions
    p_short = _played("en-fleet-telematics", short)
    p_long = _played("en-fleet-telematics", long)
    assert p_long.state.patience < p_short.state.patience  # the buyer loses patience...
    assert not _scorer_cites(short, p_short.last_reply, "monologue", "en")
    assert _scorer_cites(long, p_long.last_reply, "monologue", "en")  # ...where the rubric cites it

"""One truth in the scorecard: what the buyer actually said, by its own record in a role-play.

The cues can miss an objection said in everyday words; the buyer knows it
raised one. Needs uncovered and the needs-discovery score and reason agree.
"""

from __future__ import annotations

from app.scenarios.catalog import load_builtin
from app.scoring.rubric import RubricScorer

RETAIL = load_builtin()["zh-retail-fresh-replenishment"]
OBJECTION = "现在门店这么忙，再让店长学个新东西，我怕他们有意见。"
TURNS = [
    ("buyer", "来了？坐吧。你们是做什么的，先说说。"),
    ("trainee", "林总您好，谢谢您抽时间。想先请教一下，现在门店的生鲜订货是怎么定量的？"),
    ("buyer", f"店长自己看着订。{OBJECTION}"),
    ("trainee", "理解，旺季店长确实忙。您最担心的是店长那边哪方面的意见？"),
    ("buyer", "主要怕他们嫌麻烦，觉得又多一套东西要学。"),
    ("trainee", "那订货这块，现在最让您头疼的是什么？"),
    ("buyer", "订多了损耗，订少了断货，全凭店长经验。"),
    ("trainee", "订不准的话，一个月下来损耗大概会影响多少利润？"),
    ("buyer", "这个不好说，还行吧。"),
    ("trainee", "这件事对您自己的考核有什么影响？"),
    ("buyer", "我个人怎么想不重要。"),
]


def test_an_objection_in_words_the_cues_miss_is_scored_from_the_buyers_record() -> None:
    scorer = RubricScorer()
    read = scorer.score(TURNS, language="zh", scenario=RETAIL)
    assert read.dimensions["objection_handling"].score is None  # the words alone: no objection
    record = {2: {"objection_raised": "busy-season", "objection_quote": OBJECTION}}
    card = scorer.score(TURNS, language="zh", scenario=RETAIL, events=record)
    handling = card.dimensions["objection_handling"]
    assert handling.score is not None
    assert handling.score >= 40  # understood, then asked what is behind it
    assert any(e.index == 3 for e in handling.evidence)


def test_needs_discovery_agrees_with_what_the_buyer_revealed() -> None:
    scorer = RubricScorer()
    nothing = scorer.score(TURNS, language="zh", scenario=RETAIL, events={2: {}, 4: {}})
    nd = nothing.dimensions["needs_discovery"]
    assert nothing.needs_uncovered is not None
    assert nothing.needs_uncovered.needs_uncovered == 0
    assert nd.score is not None
    assert nd.score <= 55
    assert "一个也没说出来" in nd.reason
    told = scorer.score(
        TURNS, language="zh", scenario=RETAIL, events={6: {"revealed_needs": ["gut-feel-ordering"]}}
    )
    nd_told = told.dimensions["needs_discovery"]
    assert told.needs_uncovered is not None
    assert told.needs_uncovered.needs_uncovered == 1
    assert "1/5" in nd_told.reason
    assert (nd_told.score or 0) > (nd.score or 0)


def test_people_the_buyer_names_in_a_reply_count_whatever_item_it_was_recorded_as() -> None:
    fleet = load_builtin()["en-fleet-telematics"]
    turns = [
        ("buyer", "Come on in. What are we talking about?"),
        ("trainee", "Who besides you weighs in on something like this, and who signs?"),
        (
            "buyer",
            "I'll pick what I want to recommend, with Maria. Anything over about a hundred "
            "grand a year goes to Linda, our CFO, and then Tom signs.",
        ),
    ]
    card = RubricScorer().score(
        turns, language="en", scenario=fleet, events={2: {"shared_decision": ["process"]}}
    )
    assert card.needs_uncovered is not None
    named = {p.name.split()[0] for p in card.needs_uncovered.stakeholders if p.uncovered}
    assert {"Linda", "Tom"} <= named, card.needs_uncovered.stakeholders
    assert all(p.index == 2 for p in card.needs_uncovered.stakeholders if p.uncovered)

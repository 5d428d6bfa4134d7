"""How objection answers are read: what the words do, not which words they hold.

Each case is a short conversation written for this test; the assertions are on
what a trainee sees in the scorecard: the score's direction, the evidence notes,
the claims of the reason and the turn-by-turn coaching.
"""

from __future__ import annotations

from app.scoring.rubric import RubricScorer
from app.scoring.schema import Scorecard


def score(turns: list[tuple[str, str]], language: str) -> Scorecard:
    return RubricScorer().score(turns, language=language)


def notes(card: Scorecard, dimension: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for e in card.dimensions[dimension].evidence:  # type: ignore[index]
        out.setdefault(e.index, []).append(e.note)
    return out


def code_at(card: Scorecard, index: int) -> str:
    return next(c.code for c in card.coaching if c.index == index)


OPENING = [
    ("buyer", "Dana Price, People Operations."),
    ("trainee", "Dana, this is Sam from Ledgerline. I work with retailers on payroll."),
]
NOD_THEN_PITCH = [
    *OPENING,
    ("buyer", "We handle our payroll in-house and it runs fine."),
    (
        "trainee",
        "Absolutely, and that is exactly why our platform exists! It files taxes in every "
        "state and a big grocer cut errors by half with us.",
    ),
    ("buyer", "Right."),
    ("trainee", "We also have a mobile app your staff will love, and onboarding takes a week."),
    ("buyer", "I have a meeting."),
    ("trainee", "Sure, I will send you the brochure and call you next week."),
]
NOD_THEN_QUESTION = [
    *OPENING,
    ("buyer", "We handle our payroll in-house and it runs fine."),
    ("trainee", "Fair enough. Runs fine as in nobody complains, or as in it gets done somehow?"),
    ("buyer", "Gets done. We fix a few hundred pay errors every cycle."),
    ("trainee", "A few hundred. Where do most of them start?"),
    ("buyer", "The timeclock feed, mostly. My team cleans it up by hand."),
    ("trainee", "And what does that clean-up cost your team each cycle?"),
]


def test_a_nod_leading_into_the_pitch_is_not_understanding() -> None:
    pitched = score(NOD_THEN_PITCH, "en")
    asked = score(NOD_THEN_QUESTION, "en")
    assert code_at(pitched, 3) == "objection_nod_then_pitch"
    pitched_notes = [n for ns in notes(pitched, "objection_handling").values() for n in ns]
    assert "acknowledges with understanding" not in pitched_notes
    assert "a nod straight into the pitch; the concern was not asked about" in pitched_notes
    assert code_at(asked, 3) in ("objection_question", "objection_understanding_question")
    o_pitched = pitched.dimensions["objection_handling"].score
    o_asked = asked.dimensions["objection_handling"].score
    assert o_pitched is not None
    assert o_asked is not None
    assert o_asked > o_pitched + 20


def test_a_tag_question_after_an_objection_is_pressure_not_a_counter_question() -> None:
    tagged = score(
        [
            ("buyer", "我们现在合作的物流商挺稳定的，没打算换。"),
            ("trainee", "理解理解。不过稳定不等于划算，长期看换我们肯定更省钱，您说是吧？"),
            ("buyer", "再说吧。"),
        ],
        "zh",
    )
    reason = tagged.dimensions["objection_handling"]
    assert reason.score is not None
    assert reason.score <= 25
    assert not any("反问" in c.text and c.good for c in reason.claims)


def test_an_either_or_about_what_the_objection_stands_on_is_a_counter_question() -> None:
    card = score(
        [
            ("buyer", "你们的价格估计也不便宜，我们预算紧。"),
            ("trainee", "贵不贵得有个比法。您那边算成本，是只看单价，还是把返工和罚款也算进去？"),
            ("buyer", "财务只看单价，返工那些都摊到车间了。"),
        ],
        "zh",
    )
    o = card.dimensions["objection_handling"]
    assert any(c.good and c.turns == [1] for c in o.claims), o.claims
    assert code_at(card, 1) == "objection_question"


def test_proof_recited_before_asking_is_not_credited() -> None:
    card = score(
        [
            *OPENING,
            ("buyer", "We already have a payroll provider and we're happy with them."),
            (
                "trainee",
                "Our service is different. A grocery chain with 8,000 staff moved to us last "
                "year and cut pay errors by 60 percent in three months.",
            ),
            ("buyer", "Good for them."),
            ("trainee", "We could show you how they did it, would you like a demo next week?"),
            ("buyer", "Not now."),
        ],
        "en",
    )
    assert code_at(card, 3) == "objection_proof_unasked"
    found = [n for ns in notes(card, "objection_handling").values() for n in ns]
    assert "recites a case or figures before asking about the concern" in found


def test_a_sentence_left_open_for_the_buyer_is_an_open_question() -> None:
    card = score(
        [
            ("buyer", "夏天偶尔温度记录对不上。"),
            ("trainee", "对不上的时候，门店那边就——"),
            ("buyer", "就拒收，一车货全退回来。"),
        ],
        "zh",
    )
    assert card.stats["questions"] == 1
    assert card.stats["open_questions"] == 1


DISCLOSURE = "去年一批货出了质量事故，被监管部门约谈，我那年的绩效也被降了一档。"


def test_moving_on_from_a_serious_disclosure_is_a_gap_with_its_turn() -> None:
    walked_past = score(
        [
            ("buyer", "我们现在用的是老系统。"),
            ("trainee", "好的。你们一共有多少家门店？"),
            ("buyer", DISCLOSURE),
            ("trainee", "好的，明白。那您选系统最看重哪几个功能？"),
            ("buyer", "价格和追溯吧。"),
        ],
        "zh",
    )
    taken_up = score(
        [
            ("buyer", "我们现在用的是老系统。"),
            ("trainee", "好的。你们一共有多少家门店？"),
            ("buyer", DISCLOSURE),
            ("trainee", "出了这种事，后来追查花了多久？对您本人压力不小吧？"),
            ("buyer", "查了三天，全靠人翻单子。"),
        ],
        "zh",
    )
    assert code_at(walked_past, 3) == "brushed_past"
    for dim in ("questioning", "needs_discovery"):
        gaps = [c for c in walked_past.dimensions[dim].claims if not c.good]
        assert any(c.turns == [3] for c in gaps), (dim, gaps)
    assert code_at(taken_up, 3) != "brushed_past"
    assert (taken_up.dimensions["needs_discovery"].score or 0) > (
        walked_past.dimensions["needs_discovery"].score or 0
    )


def test_every_claim_of_a_reason_names_turns_the_trainee_spoke() -> None:
    card = score(NOD_THEN_QUESTION, "en")
    spoken = {i for i, (role, _) in enumerate(NOD_THEN_QUESTION) if role == "trainee"}
    objections = {2}  # an absence ("no next step after the pushback") points at the objection
    claims = [c for dim in card.dimensions.values() for c in dim.claims]
    assert any(c.turns for c in claims)
    for dim in card.dimensions.values():
        for claim in dim.claims:
            assert set(claim.turns) <= spoken | objections, claim
            for i in claim.turns[:3]:
                assert f"#{i}" in dim.reason


def test_in_a_role_play_what_the_buyer_told_when_asked_is_no_objection() -> None:
    from app.analysis.conversation import analyze_conversation
    from app.buyer.offline import OfflineBuyer
    from app.scenarios.catalog import load_builtin
    from app.scoring.features import extract
    from app.scoring.needs import with_raised_objections
    from app.simulation.session import OfflineSession

    scenario = dict(load_builtin())["zh-bank-risk-platform"]
    session = OfflineSession(scenario, OfflineBuyer(), 3)
    turns: list[tuple[str, str]] = [("buyer", session.last_reply)]
    events: dict[int, dict[str, object]] = {}
    for line in [
        "邵总好，我是数衡的小周，想先听听您这边的情况。",
        "理解，您这边自己有团队。您主要顾虑的是哪方面？",
        "现在这套引擎用下来，有哪些地方是您觉得不得不忍着的？",
        "信息科技部那边，谁是关键人？他会最担心什么？",
        "那预算呢？",
    ]:
        reply = session.say(line)
        turns += [("trainee", line), ("buyer", reply.text)]
        events[len(turns) - 1] = dict(reply.events)
    at = next(i for i, (role, text) in enumerate(turns) if role == "buyer" and "最怕" in text)
    assert "郑总" in turns[at][1]  # the IT head's worry, told as asked
    analysis = with_raised_objections(analyze_conversation(turns, "zh"), scenario, events)
    assert all(ep.buyer_index != at for ep in extract(analysis).episodes)
    plain = extract(analyze_conversation(turns, "zh"))  # an imported transcript is read
    assert any(ep.buyer_index == at for ep in plain.episodes)


def test_a_buyer_declining_to_talk_about_themselves_is_no_disclosure_to_take_up() -> None:
    card = score(
        [
            ("buyer", "我们现在用的是老系统。"),
            ("trainee", "那年底销号这件事，对您个人来说压力大吗？"),
            ("buyer", "我个人怎么想不重要，关键是对公司有没有好处。"),
            ("trainee", "要是能把各单位的数据拉到一张表上，随时能查，对您年底汇报意味着什么？"),
            ("buyer", "那当然好。"),
        ],
        "zh",
    )
    assert code_at(card, 3) != "brushed_past"

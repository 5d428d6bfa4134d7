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


def test_asking_what_the_pain_just_told_costs_goes_deeper_rather_than_moving_on() -> None:
    """The buyer leads with the problem and lets a side matter slip; an implication
    question on the problem takes it up, though it names it in other words."""
    told = (
        "最头疼的就是订不准。同一个店，今天叶菜下午三点就卖断了，明天又剩一堆。"
        "店长自己也苦恼，订多了挨骂，订少了也挨骂。"
    )
    opening = [
        ("buyer", "你好。最近找我的做数字化的公司蛮多的。"),
        ("trainee", "缺货的情况多吗？一般是哪些品类？"),
        ("buyer", told),
    ]
    deeper = score(
        [*opening, ("trainee", "缺货了对门店那边影响大吗？"), ("buyer", "影响不小。")], "zh"
    )
    elsewhere = score(
        [
            *opening,
            ("trainee", "好的。那你们现在用的是哪家的收银系统？"),
            ("buyer", "用的老系统。"),
        ],
        "zh",
    )
    assert code_at(deeper, 3) != "brushed_past"
    assert code_at(elsewhere, 3) == "brushed_past"


# --- a concern set aside and come back to; concessions; questions that opened it up -------

PARKED_THEN_EXPLORED = [
    ("buyer", "先说清楚，今年没预算上新系统。"),
    ("trainee", "钱的事先放一边。刚才仓库门口那几托退货，是这周的？"),
    ("buyer", "这周的，天天都有，门店退回来的临期货。"),
    ("trainee", "一个月下来，退货这块大概多少钱？"),
    ("buyer", "两百来万吧。老板已经在会上点名了。可我说了，没钱。"),
    ("trainee", "明年的预算什么时候报？"),
    ("buyer", "九月报，财务看回报。"),
    (
        "trainee",
        "那我们先拿您一个仓三个月的退货单做个测算，八月前给您，赶得上九月报预算，您看行吗？",
    ),
]
IGNORED_THEN_EXPLORED = [
    PARKED_THEN_EXPLORED[0],
    ("trainee", "刚才仓库门口那几托退货，是这周的？"),
    *PARKED_THEN_EXPLORED[2:],
]


def test_a_concern_set_aside_and_taken_up_later_is_not_an_ignored_objection() -> None:
    parked = score(PARKED_THEN_EXPLORED, "zh")
    ignored = score(IGNORED_THEN_EXPLORED, "zh")
    assert "先把顾虑放一放，之后又接了回来" in notes(parked, "objection_handling").get(1, [])
    assert "没有回应客户的异议" not in notes(parked, "objection_handling").get(1, [])
    assert "没有回应客户的异议" in notes(ignored, "objection_handling").get(1, [])
    p, i = (c.dimensions["objection_handling"].score for c in (parked, ignored))
    assert p is not None
    assert i is not None
    assert p > i + 10


PRICE_EPISODE = [
    ("buyer", "Ops, Priya speaking."),
    ("trainee", "Priya, it's Tom from Coldline. You asked for our quote on the two depots."),
    ("buyer", "I saw it. That is too much. We have twelve thousand a month approved."),
    (
        "trainee",
        "I understand. Twelve against what the spoilage costs you today, or against the "
        "last contract?",
    ),
    ("buyer", "Against the last contract, honestly. Spoilage we never priced."),
    ("trainee", "What did spoilage cost you at the Leeds depot last summer?"),
    ("buyer", "Around ninety thousand in write-offs."),
    (
        "trainee",
        "Then shall we price last summer's spoilage properly with your depot manager on "
        "Thursday, before anyone talks numbers again?",
    ),
    ("buyer", "Thursday could work. But twelve is twelve."),
]
CAVED = [
    *PRICE_EPISODE,
    ("trainee", "Look, I can bring it down to twelve thousand flat if you sign this month."),
    ("buyer", "Interesting. And the first month?"),
    ("trainee", "First month free as well, on us."),
]


def test_concessions_after_the_pushback_cap_objection_handling() -> None:
    held = score(PRICE_EPISODE, "en").dimensions["objection_handling"]
    caved = score(CAVED, "en").dimensions["objection_handling"]
    assert held.score is not None
    assert caved.score is not None
    assert caved.score <= 40 < held.score
    assert any("discounted under pressure" in c.text and 11 in c.turns for c in caved.claims)


def test_a_question_the_buyer_answers_with_the_problem_behind_we_are_fine_explores_it() -> None:
    card = score(
        [
            ("buyer", "我们有合作的供应商，没打算换。"),
            ("trainee", "不聊换。同样一箱货，两个品牌拿到的价，一样还是不一样？"),
            ("buyer", "……不一样。财务拉过，差百分之八到十二。"),
            ("trainee", "差在哪几个品类？"),
        ],
        "zh",
    )
    assert "反问，挖顾虑背后的原因" in notes(card, "objection_handling").get(1, [])
    checklist = score(
        [
            ("buyer", "我们有合作的供应商，没打算换。"),
            ("trainee", "好的。你们一共有多少家门店？"),
            ("buyer", "四十家。"),
            ("trainee", "好的，那配送中心有几个？"),
        ],
        "zh",
    )
    assert "反问，挖顾虑背后的原因" not in notes(checklist, "objection_handling").get(1, [])


def test_an_acknowledgement_taken_back_with_a_tag_question_is_arguing() -> None:
    card = score(
        [
            ("buyer", "我们现在没这个计划，年初也没列预算。"),
            (
                "trainee",
                "是，年初没列的项目确实难办。可是续保率每掉一个点，返佣就少一大块，"
                "这个钱可比系统费多多了，是吧？",
            ),
            ("buyer", "我说了没计划。"),
        ],
        "zh",
    )
    reading = notes(card, "objection_handling").get(1, [])
    assert "与客户争辩" in reading
    assert "先表示理解" not in reading


def test_sending_what_a_step_needs_is_agreement_not_a_brush_off() -> None:
    card = score(
        [
            ("buyer", "Dana, People Ops."),
            (
                "trainee",
                "Dana, one pay cycle of your correction data and we sort it by cause. Fair?",
            ),
            ("buyer", "Fine. Send me the data request and I'll take it from there."),
            ("trainee", "Request to you tomorrow, readout two weeks after the data."),
        ],
        "en",
    )
    assert card.dimensions["objection_handling"].score is None  # no objection was raised


def test_material_asked_for_instead_of_the_step_just_proposed_is_still_a_brush_off() -> None:
    card = score(
        [
            ("buyer", "Tomasz, infrastructure."),
            ("trainee", "Tomasz, Gareth from Halden. We have a new hall in Birmingham."),
            ("buyer", "Send me the information about the site."),
            (
                "trainee",
                "I'll send it straight over. And so it doesn't slide, can we pencil in a site "
                "tour for the week after?",
            ),
            ("buyer", "Send the information first. If it is interesting, I will call you."),
            ("trainee", "Brilliant, it'll be with you this afternoon."),
        ],
        "en",
    )
    # The second "send it" refuses the tour: complying with it answers a brush-off.
    assert code_at(card, 5) == "objection_ignored"
    assert "ignores the objection" in notes(card, "objection_handling")[5]


def test_an_answer_the_buyer_agrees_to_did_not_leave_the_objection_standing() -> None:
    answer = "那就分两步。头一步，半天对磅对台账。第二步，应急的量压在您自己能签的数里头。"
    turns = [
        ("buyer", "孙立强。"),
        ("trainee", "孙部长，清源的老马。您那暂存库，这会儿是宽松，还是挤？"),
        ("buyer", "挤，九成了。润清停了两次炉，残渣放了十一个月。"),
        ("trainee", "库里那批残渣要是过了一年，罚多少，谁来担？"),
        ("buyer", "违法贮存，要记进环境信用，担的是我。可要换，五十万以上的活儿我签不了。"),
        ("trainee", answer),
    ]
    agreed = score([*turns, ("buyer", "行，你这么说我听得进去。周四下午你们过来。")], "zh")
    refused = score([*turns, ("buyer", "嗯，再说吧。")], "zh")
    assert "没有回应客户的异议" not in notes(agreed, "objection_handling").get(5, [])
    a = agreed.dimensions["objection_handling"].score
    r = refused.dimensions["objection_handling"].score
    assert a is not None
    assert r is not None
    assert a > r


def test_granting_the_buyers_condition_in_a_few_words_then_another_way_is_understanding() -> None:
    opening = [
        ("buyer", "罗敏。"),
        ("trainee", "罗总，链鲜的小蒋。价差这块，您想先动哪一头？"),
        ("buyer", "主力供应商跟老板是老交情，我不可能给人家换了。"),
    ]
    granted = score(
        [*opening, ("trainee", "不换人。换个谈法：两个品牌的量合起来，拿总量去谈。")], "zh"
    )
    argued = score([*opening, ("trainee", "不换才吃亏。两个品牌的量合起来，拿总量去谈。")], "zh")
    assert "先表示理解" in notes(granted, "objection_handling").get(3, [])
    assert "先表示理解" not in notes(argued, "objection_handling").get(3, [])


def test_a_trial_wrapped_in_a_contract_is_a_close_not_a_small_step() -> None:
    card = score(
        [
            ("buyer", "许处长，设备处。"),
            ("trainee", "许处长您好，我们是做第三方维保的，价格比原厂便宜一半。"),
            ("buyer", "原厂毕竟是原厂，你们第三方再怎么说也隔了一层，我不放心。"),
            (
                "trainee",
                "那您先拿一台CT试试，合同我今天就带来了，签个一年的，不满意明年换回原厂就是了。",
            ),
            ("buyer", "签合同？咱们今天才第一次见面吧。"),
        ],
        "zh",
    )
    cited = notes(card, "objection_handling").get(3, [])
    assert "提出低风险的小步尝试" not in cited, cited
    assert any("成交" in n or "签" in n for n in cited), cited


def test_a_step_asked_for_after_background_questions_gets_no_background_tip() -> None:
    card = score(
        [
            ("buyer", "周总，生产副总。"),
            ("trainee", "周总您好，咱们现在三个厂区一共多少人？"),
            ("buyer", "一千二百人左右。"),
            ("trainee", "生产数据现在是用什么系统统计的？"),
            ("buyer", "主要靠Excel，各厂自己报。"),
            ("trainee", "报表一般多久出一次？"),
            ("buyer", "一周一次。"),
            ("trainee", "质量追溯现在是谁负责？"),
            ("buyer", "质量部孙丽。"),
            (
                "trainee",
                "我捋一下：数据靠Excel各厂自己报，一周才出一次，追溯在孙部长那边。是这样吧？",
            ),
            ("buyer", "对，差不多。"),
            ("trainee", "那下周三我们去重庆厂走一趟车间，请孙部长一起，您看方便吗？"),
            ("buyer", "下周三可以。"),
        ],
        "zh",
    )
    tips = {c.index: c.tip or "" for c in card.coaching}
    assert "背景问得差不多了" in tips[7]  # the fourth background question in a row
    assert "背景问得差不多了" not in tips[9]  # a recap
    assert "背景问得差不多了" not in tips[11]  # the step asked for

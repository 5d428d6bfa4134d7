"""The buyer answers the part it was asked: the sentence asked about, the thing said again,
the person just named, the choice put to it (RUBRIC.md: a buyer that listens)."""

from __future__ import annotations

from app.analysis.conversation import context_for
from app.analysis.model import Act, SpinStage
from app.analysis.trainee import analyze_trainee_turn
from app.buyer.lines import load_phrasebook
from tests.buyer.play import SCENARIOS, Played, said_any, say, start

HOSPITAL = "zh-hospital-equipment-service"
RETAIL = "zh-retail-fresh-replenishment"
ENERGY = "en-energy-retrofit-cfo"
MES = "zh-mes-auto-parts"
LINES = load_phrasebook()


def answered(p: Played) -> list[str]:
    return list(p.events[-1].get("answered", []))


def fact_says(scenario: str, fact_id: str) -> str:
    return next(f.says for f in SCENARIOS[scenario].facts if f.id == fact_id)


def test_a_guarded_short_answer_is_the_sentence_asked_about_not_the_first_one() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "两个院区的大型影像设备，CT、核磁这些，一共有多少台？")
    assert "fact:equipment-scale" in answered(p), p.last_reply
    first, counts = fact_says(HOSPITAL, "equipment-scale").split("。")[:2]
    assert counts in p.last_reply  # 大型的有CT九台、核磁六台…
    assert first not in p.last_reply  # not the whole-hospital asset total that opens the passage
    # Asked for more, the buyer gives what it left out.
    say(p, "明白。那全院的设备，大大小小加起来一共多少台件、原值多少？")
    assert first in p.last_reply, p.last_reply


def test_asked_again_for_what_a_short_answer_said_points_back_not_to_the_rest() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "大设备现在都是原厂在保吗？一年维保费大概多少？")
    contract = fact_says(HOSPITAL, "maintenance-contracts")
    told, rest = contract.split("。")[:2]
    assert told in p.last_reply, p.last_reply
    assert rest not in p.last_reply, p.last_reply
    say(p, "原厂保修一年下来，大概要花多少钱来着？")
    assert "fact:maintenance-contracts" in answered(p)
    assert "两千一百万" in p.last_reply, p.last_reply  # the clause with the figure...
    assert rest not in p.last_reply  # ...not the small-equipment sentence nobody asked about
    assert told not in p.last_reply  # and not the whole sentence again, word for word


def test_besides_one_thing_a_question_naming_another_told_item_gets_it_not_that_was_all() -> None:
    p = start(RETAIL)
    say(p, "林总您好，今天主要想听听门店这块的情况。")
    say(p, "店长平时除了订货，还要做哪些报表和汇报？一周要花多少时间？")
    assert "need:report-burden" in answered(p), p.last_reply
    say(p, "那些周报，除了订货那块，店长每周在填表、做汇报上大概要花多少时间来着？")
    assert "need:report-burden" in answered(p), p.last_reply
    assert not said_any(p.last_reply, "zh", "nothing_else")


def test_him_after_a_name_is_that_person() -> None:
    p = start(ENERGY)
    say(
        p,
        "Thanks for making the time. Could you give me the lay of the land: the plants and who runs what?",
    )
    say(p, "Who in the plants would live with whatever gets installed?")
    assert "stakeholder:iowa-engineering" in answered(p), p.last_reply
    say(
        p,
        "Tom's the one who'd live with it. What's in this for him, and what would make him nervous?",
    )
    assert "stakeholder:iowa-engineering#cares" in answered(p), p.last_reply


def test_an_either_or_about_how_they_decide_is_answered_not_refused_as_a_proposal() -> None:
    p = start(RETAIL)
    say(p, "林总您好，今天主要想听听门店这块的情况。")
    say(p, "要不要一百多家店全部铺开，这个决定您倾向今年内做，还是等到明年？")
    assert "decision:timeline" in answered(p), p.last_reply
    assert "advance_refused" not in p.events[-1]
    # A choice of times after a step stays a proposal.
    say(p, "那我下周带同事过来，先挑两家店把数据过一遍，您看周三还是周四方便？")
    assert "advance_refused" in p.events[-1] or p.events[-1].get("advance_granted"), p.last_reply


def test_a_step_with_a_choice_of_times_is_judged_though_it_names_what_the_buyer_decides_on() -> (
    None
):
    """An assessment names the buyer's own evaluation; "周三还是周四" still offers a time."""
    p = start(HOSPITAL)
    say(p, "张主任您好。想先听听医院这边设备维护现在是怎么安排的？")
    say(p, "要不这样，下周我带工程师过来，先对CT和核磁做一次免费的现场评估，您看周三还是周四方便？")
    assert "advance_refused" in p.events[-1] or p.events[-1].get("advance_granted"), p.last_reply
    assert "fact:engineering-team" not in answered(p)


def test_a_hypothetical_that_asks_what_happens_today_is_not_a_need_payoff_question() -> None:
    text = "要是主机厂突然打电话问一个单子做到哪一步了，您现在多久能给人家一个准话？"
    turns = [("buyer", "来了？我刚从产线上下来，时间不多啊。")]
    a = analyze_trainee_turn(1, text, "zh", context_for(turns))
    assert a.questions[0].stage in (SpinStage.problem, SpinStage.implication)
    payoff = "要是订单进度在系统里随时能查到，对您跟主机厂打交道有什么帮助？"
    a = analyze_trainee_turn(1, payoff, "zh", context_for(turns))
    assert a.questions[0].stage is SpinStage.need_payoff


def test_after_conceding_a_point_a_remaining_concern_does_not_sound_like_taking_it_back() -> None:
    p = start(HOSPITAL)
    for line in [
        "许处长您好，谢谢您门诊结束还抽时间见我，今天主要想听听您这边的情况，不是来推产品的。",
        "理解，您忙。现在两个院区的大型影像设备大概有多少台？CT、核磁这些都是原厂在保吗？",
        "原厂保修一年下来，大概要花多少钱？",
        "这笔钱在院里是怎么看的？今年抓运营成本，院领导有没有专门盯这块？",
        "除了费用，原厂服务这块用下来，有没有让您头疼的地方？比如响应速度、停机时间？",
        "上次那台CT停了几天？对科室那边影响大吗？",
        "明白了。那如果要改变现在的维保方式，院里一般是怎么决策的？除了您，还有谁要参与？",
        "您个人最担心的是什么？是换了第三方出问题，您这边要担责任吗？",
        "这个顾虑很正常。我们也不建议一上来就全换。您看能不能先挑一两台过保的设备，做个小范围试点，效果您自己看？",
    ]:
        say(p, line)
    events = p.events[-1]
    # The pilot answers the worry about a third party; the incumbent still stands in the way.
    assert events.get("objections_resolved")
    assert events.get("advance_refused") == "concern"
    assert not said_any(p.last_reply, "zh", "refusal_lead")
    assert any(
        v.strip().rstrip("：") in p.last_reply
        for v in LINES.variants("zh", "refusal_after_concession_lead")
    ), p.last_reply


def test_what_a_named_colleague_worries_about_is_about_him_even_with_a_concern_open() -> None:
    p = start(ENERGY)
    say(p, "Thanks for making the time. I'd like to understand how energy decisions get made here.")
    say(
        p,
        "Tom Becker from Iowa pointed us your way. What's in this for him, and what would make him nervous?",
    )
    assert "stakeholder:iowa-engineering" in answered(p), p.last_reply
    assert not any(k.startswith("reason:") for k in answered(p)), p.last_reply


def test_a_step_in_two_questions_gets_a_verdict_not_an_answer_about_a_colleague() -> None:
    p = start(RETAIL)
    say(p, "林总您好，今天主要想听听门店这块的情况。")
    say(
        p,
        "我们能不能先挑三五家有代表性的老店，跑一个月，用数据说话？"
        "您看下周我把方案带过来，跟您和信息部的同事一起过一下？",
    )
    assert "advance_refused" in p.events[-1] or p.events[-1].get("advance_granted"), p.last_reply
    assert not any(k.startswith("stakeholder:") for k in answered(p)), p.last_reply


def test_a_choice_between_two_worries_is_a_question_not_a_summary_to_confirm() -> None:
    turns = [("buyer", "说实话我们现在忙着开新店，一个月开三四家，运营这边人手都顶不过来。")]
    text = "明白了。我想问一下，您最担心的是店长不会用，还是怕数据不准？"
    a = analyze_trainee_turn(1, text, "zh", context_for(turns))
    assert Act.summary not in a.acts
    recap = "所以您最担心的是开店期间人手顶不过来，对吗？"
    assert Act.summary in analyze_trainee_turn(1, recap, "zh", context_for(turns)).acts


def test_asked_about_a_difficulty_it_already_told_the_buyer_points_back_to_it() -> None:
    p = start("zh-bank-risk-platform")
    say(p, "邵总您好，今天主要想听听风险部这边的情况。")
    say(p, "现在要调整一条审批规则，从提出来到上线，一般要走多久？卡在哪儿？")
    assert "slow-rule-change" in p.state.revealed_needs, p.last_reply
    say(p, "您这边要改一条策略，是自己就能动，还是得排队等别的部门？")
    assert answered(p) == ["need:slow-rule-change"], p.last_reply


def test_a_short_question_is_read_with_the_sentence_before_it() -> None:
    p = start(MES)
    say(p, "周总您好，感谢您抽时间。我先请教一下，咱们三个厂区的生产数据现在是怎么汇总的？")
    say(p, "明白，主机厂的事确实最要紧。那您这边现在最牵扯精力的是哪件事？")
    say(p, "我理解，芜湖上过一次不好用的系统，换谁都会有顾虑。当时主要是卡在哪儿了？")
    got = answered(p)
    assert got, p.last_reply
    assert not any(k.startswith("decision:") for k in got), p.last_reply
    assert "芜湖" in p.last_reply, p.last_reply


def test_a_premature_recap_neither_settles_a_concern_nor_gets_half_agreed() -> None:
    p = start(ENERGY, 3)
    for line in [
        "Karen, thanks for the thirty minutes. Tom in Iowa mentioned energy has become a hot "
        "topic. Before I say anything about us, how are you looking at energy costs across the "
        "three plants right now?",
        "That's a big number. How much of it would you say is refrigeration and compressed air?",
        "Understood, you've been burned before. What happened with that project, exactly?",
    ]:
        say(p, line)
    say(
        p,
        "So what I'm hearing is: you need savings you can prove to the dollar, without another "
        "baseline fight. Did I get that right?",
    )
    assert "objections_resolved" not in p.events[-1], p.last_reply
    assert said_any(p.last_reply, "en", "summary_premature")


def test_a_recap_that_misses_every_need_told_is_off_not_premature() -> None:
    p = start(HOSPITAL)
    for line in [
        "张主任您好。想先听听医院这边设备维护现在是怎么安排的？",
        "这些设备里，哪几类最让您操心？",
    ]:
        say(p, line)
    assert p.state.revealed_needs
    say(p, "我总结一下：您最需要的是一套新的排班系统，对吧？我理解得对吗？")
    assert said_any(p.last_reply, "zh", "summary_off"), p.last_reply
    assert not p.state.summary_confirmed


def test_pointing_back_it_answers_the_ask_not_the_words_the_trainee_quoted() -> None:
    p = start("zh-soe-training-platform")
    say(p, "何部长您好，感谢您百忙之中抽时间，今天主要是来学习的。")
    say(p, "咱们集团二十多家二级单位，现在培训这块是集团统一抓，还是各单位自己搞？")
    say(p, "各单位各搞各的，那集团这边要掌握全系统的培训情况，数据怎么汇上来？")
    say(p, "报上来的数，您觉得能反映真实的培训效果吗？")
    assert "need:inspection-finding" in answered(p), p.last_reply
    say(p, "去年巡视提到培训形式主义，这个整改现在推进到哪一步了？")
    assert "need:inspection-finding" in answered(p), p.last_reply
    assert "整改" in p.last_reply, p.last_reply
    assert "成效难以量化" not in p.last_reply, p.last_reply  # what the trainee just quoted


def test_a_personal_question_short_of_full_trust_gets_a_hint_and_later_the_rest() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "原厂的维保，这几年用下来，您觉得最不满意的是哪一点？")
    say(p, "理解，原厂用了这么多年，换不换确实得慎重。您最担心的是哪一点？")
    # An understanding and a question about the worry: no "summing up already?" for it.
    assert not said_any(p.last_reply, "zh", "summary_premature")
    assert not said_any(p.last_reply, "zh", "summary_off")
    say(p, "那要是一台大设备停了几天，对科室和病人那边会有多大影响？")
    assert "need:downtime-impact" in answered(p), p.last_reply
    stake = next(n for n in SCENARIOS[HOSPITAL].needs if n.id == "cost-cut-without-blame")
    assert p.state.trust < stake.trust_needed()  # not yet trusted with the whole story
    say(p, "许处，这个事对您自己今年的担子来说，分量重吗？")
    assert "need:cost-cut-without-blame" in answered(p), p.last_reply
    hint, *rest = [s for s in stake.says.split("。") if s]
    assert hint in p.last_reply  # the target she was set...
    assert not any(s in p.last_reply for s in rest)  # ...not what she fears for herself
    assert said_any(p.last_reply, "zh", "personal_hint")
    say(p, "您刚才说的那个担子，能多讲两句吗？")
    assert "板子是打在我身上" in p.last_reply, p.last_reply  # trusted now: the rest of it
    assert hint not in p.last_reply  # not the hint again


def test_a_short_answer_never_ends_on_a_question_the_buyer_asks_itself() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "原厂的维保，这几年用下来，您觉得最不满意的是哪一点？")
    say(p, "理解，原厂用了这么多年，换不换确实得慎重。您最担心的是哪一点？")
    say(p, "那要是一台大设备停了几天，对科室和病人那边会有多大影响？")
    say(p, "说句心里话，要是为了省钱换了服务方式，您自己最怕出什么事？")
    assert "need:cost-cut-without-blame" in answered(p), p.last_reply
    assert "你知道吗？" not in p.last_reply or "板子是打在我身上" in p.last_reply, p.last_reply


def test_asking_how_the_buyers_renewals_go_on_price_is_no_discount_offer() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "跟原厂续约的时候，价格好谈吗？")
    assert "need:rising-service-cost" in answered(p), p.last_reply
    assert not said_any(p.last_reply, "zh", "discount_unasked")
    offer = analyze_trainee_turn(1, "价格好商量，这个月签还能再优惠。", "zh", context_for([]))
    assert offer.has(Act.discount)  # said as an offer, it still is one


def test_two_questions_held_back_alike_get_one_deflection_not_two() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，我今天主要是来听听处里的情况。")
    say(p, "这件事对您个人压力大不大？院里对您本人有什么考核？")
    deflections = [v.strip() for v in LINES.variants("zh", "personal_deflect")]
    assert sum(v in p.last_reply for v in deflections) == 1, p.last_reply


FLEET = "en-fleet-telematics"
BANK = "zh-bank-risk-platform"


def said(p: Played, language: str, key: str) -> bool:
    return said_any(p.last_reply, language, key)


def test_told_why_the_seller_came_the_buyer_does_not_ask_what_it_is_about() -> None:
    p = start(RETAIL)
    say(p, "林总好，我是云鲜数智的小陈，今天主要想听听您这边门店订货的实际情况。")
    assert not said(p, "zh", "greeting_reply"), p.last_reply
    assert said(p, "zh", "go_ahead"), p.last_reply
    p = start(FLEET)
    say(
        p,
        "Morning Dave, thanks for squeezing me in. I'd just like to understand how things run here.",
    )
    assert not said(p, "en", "greeting_reply"), p.last_reply
    bare = start(RETAIL)
    say(bare, "林总您好！")
    assert said(bare, "zh", "greeting_reply"), bare.last_reply  # a bare hello still gets one


def test_a_goodbye_ends_the_meeting_with_one() -> None:
    p = start(ENERGY)
    say(p, "Hi Karen, thanks for making the time.")
    say(p, "How many plants do you run today?")
    say(p, "Okay. Thanks for your time.")
    assert p.state.ended, p.last_reply
    assert said(p, "en", "accept_leave"), p.last_reply
    opening = start(ENERGY)
    say(opening, "Thanks for your time today, Karen.")
    assert not opening.state.ended  # thanks at the start is a greeting


def test_asked_about_a_thing_its_story_mentions_the_buyer_tells_that_thing() -> None:
    p = start(MES)
    say(
        p,
        "周总好，我们给锻造厂做MES。有没有关系，我得先听听您这边的情况。您现在生产这块最操心的是什么？",
    )
    say(p, "明白，车间在救火的时候谁也不想再添一摊事。您说的救火，主要是在救哪一块？")
    assert "主机厂那个质量问题" in p.last_reply, p.last_reply
    say(p, "主机厂那个质量问题，具体是怎么回事？")
    assert "need:traceability-gap" in answered(p), p.last_reply
    assert not said(p, "zh", "recall_lead"), p.last_reply


def test_asked_what_a_phrase_meant_the_buyer_does_not_just_repeat_the_phrase() -> None:
    p = start(HOSPITAL)
    say(p, "许处长好，今天不谈采购，主要想跟您请教一下医院设备管理这块的情况。")
    say(p, "就是想了解一下，现在全院大型设备的维保是怎么安排的？")
    say(p, "理解，合作十几年肯定有它的道理。原厂这些年用下来，有没有哪些地方让您觉得不太顺？")
    say(p, "那回到费用，钱之外，原厂服务在响应上有没有出过让您头疼的事？比如停机。")
    say(p, "投诉都到院长那儿了，那院里对您这块今年有什么具体的要求吗？")
    if "兜得住底" not in p.last_reply:  # only a hint of her own stake so far
        say(p, "这个担子不轻，能多讲两句吗？")
    assert "兜得住底" in p.last_reply, p.last_reply
    say(p, "您刚说的兜得住底，具体是指哪些方面要兜住？")
    assert answered(p), p.last_reply
    assert not said(p, "zh", "recall_lead"), p.last_reply


def test_a_person_by_their_job_is_that_person_but_you_personally_is_the_buyer() -> None:
    p = start(FLEET)
    say(p, "Hi Dave, thanks for making time. How do you keep tabs on the fleet today?")
    say(p, "Would your CFO have any concerns about bringing on something new mid-contract?")
    assert any(k.startswith("stakeholder:cfo") for k in answered(p)), p.last_reply
    q = start(FLEET)
    say(q, "Hi Dave, thanks for making time. How do you keep tabs on the fleet today?")
    say(q, "Where does this leave you personally, with the owner watching the renewal?")
    assert not any(k.startswith("stakeholder:owner") for k in answered(q)), q.last_reply


def test_asking_who_holds_their_contract_is_no_close() -> None:
    a = analyze_trainee_turn(1, "CT、核磁这些大机器，现在维保是跟谁签的？", "zh", context_for([]))
    assert not a.has(Act.hard_close)
    close = analyze_trainee_turn(1, "那今天就把合同签了吧？", "zh", context_for([]))
    assert close.has(Act.hard_close)


def test_judging_the_buyers_caution_or_running_down_a_rival_is_heard_as_such() -> None:
    p = start(BANK)
    say(p, "邵总好，我是数衡的小王。")
    say(p, "您那套老引擎是2016年的，早该换了，现在不换以后更麻烦。")
    assert said(p, "zh", "argued"), p.last_reply
    q = start(MES)
    say(q, "周总好。")
    say(q, "用友的MES没法跟我们比，他们根本不懂锻造。")
    assert said(q, "zh", "badmouth"), q.last_reply
    own = analyze_trainee_turn(1, "我根本不懂锻造，您给我讲讲？", "zh", context_for([]))
    assert not own.has(Act.badmouth)


def test_a_guess_at_the_worry_in_its_own_words_opens_it_up() -> None:
    p = start(BANK)
    say(p, "邵总好，我是数衡智能的小周，我们做可以私有化部署的风控决策平台，想先听听您这边的情况。")
    incumbent = next(o for o in SCENARIOS[BANK].objections if o.id == "incumbent-engine")
    assert p.state.open_objection == incumbent.id, p.last_reply
    say(p, "您说得对，核心链路不能随便动。现在这套引擎用下来，有哪些地方是您觉得不得不忍着的？")
    say(p, "原厂升级确实是一条路。您真正担心的是不是迁移那两千多条规则时出事？")
    assert f"reason:{incumbent.id}" in answered(p), p.last_reply
    assert incumbent.reveals in p.last_reply
    # and a trial that leaves production alone is the remedy it asks for
    say(
        p,
        "所以我们只做回溯测试，并行跑，不动生产，用您的历史数据说话。下周二开个技术交流会，可以吗？",
    )
    assert p.state.advance_granted or p.events[-1].get("objections_resolved"), p.last_reply


def test_a_step_put_as_would_it_make_sense_gets_a_verdict() -> None:
    a = analyze_trainee_turn(
        1,
        "Would it make sense to meter the Iowa plant for four weeks, at our cost, so the "
        "baseline is yours before anyone talks money?",
        "en",
        context_for([]),
    )
    assert a.has(Act.advance)
    plain = analyze_trainee_turn(
        1, "Could we talk about how you forecast energy?", "en", context_for([])
    )
    assert not plain.has(Act.advance)


def test_pointing_back_drops_the_joint_of_a_clause_cut_from_its_sentence() -> None:
    p = start(ENERGY)
    say(p, "How do you forecast the energy line today?")
    say(p, "And when it comes in over budget, who has to explain it?")
    assert ", and I had" not in p.last_reply, p.last_reply
    assert "said, and" not in p.last_reply, p.last_reply


def test_what_the_product_lets_them_do_and_a_plea_are_neither_close_nor_question() -> None:
    ctx = context_for([])
    feature = analyze_trainee_turn(1, "店长手机上点一下就能下单，特别方便。", "zh", ctx)
    assert not feature.has(Act.hard_close)
    assert analyze_trainee_turn(1, "您今天就下单吧。", "zh", ctx).has(Act.hard_close)
    plea = analyze_trainee_turn(1, "您就给个机会吧，试一下又不要钱。", "zh", ctx)
    assert not plea.questions
    guess = analyze_trainee_turn(1, "您那边应该是三班倒吧？", "zh", ctx)
    assert guess.questions


def test_the_buyer_feels_an_interrogation_where_the_scorer_charges_it() -> None:
    from app.scoring.rubric import RubricScorer

    p = start(MES)
    for q in ["周总好，咱们有几个厂？", "一共多少台设备？", "用的是用友的ERP吗？"]:
        say(p, q)
    assert said(p, "zh", "interrogation"), p.last_reply
    card = RubricScorer().score([(role, text) for role, text in p.turns], language="zh")
    codes = [e.note for e in card.dimensions["questioning"].evidence]
    assert any("审问" in n or "interrogat" in n for n in codes), codes


def test_a_step_offered_as_a_question_settles_the_concern_it_answers() -> None:
    # The worry told (the OEM's backing keeps her covered); the trial offered as a
    # question keeps the OEM's warranty and takes the risk: it answers the worry.
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，今天主要想听听设备科这边维保的情况。")
    say(p, "现在大型设备的维保主要是原厂在做吧？用下来您感觉怎么样？")
    say(p, "您的顾虑我理解，换维保商确实不是小事。您最担心的是哪一块？")
    assert p.events[-1].get("objection_reason_shared") == "incumbent-oem", p.last_reply
    say(
        p,
        "如果先拿两三台不那么关键的设备试半年，原厂的保修不动，出了问题我们兜底，"
        "您觉得这个思路能不能在院里说得通？",
    )
    assert "incumbent-oem" in p.events[-1].get("objections_resolved", []), p.last_reply


def test_a_follow_up_in_words_the_told_need_lacks_goes_to_the_untold_one() -> None:
    # The cost was told; asked about the OEM's response speed, the buyer does not say
    # the cost again: response speed belongs to the downtime story (held back or told).
    p = start(HOSPITAL)
    say(p, "许处长您好，谢谢您抽时间，今天主要想听听设备科这边维保的情况。")
    say(p, "现在全院的大型设备，维保主要是交给原厂在做吧？用下来您感觉怎么样？")
    assert "need:rising-service-cost" in answered(p), p.last_reply
    say(p, "原厂的响应速度，这两年有没有让您头疼的时候？")
    assert "need:rising-service-cost" not in answered(p), p.last_reply
    assert not said_any(p.last_reply, "zh", "recall_lead"), p.last_reply


def test_a_department_named_as_people_say_it_is_its_head() -> None:
    # "IT那边" is the IT lead the buyer calls "IT的曾磊", not the area managers whose
    # probes share "那边" and "顾虑".
    p = start(RETAIL)
    say(p, "林总您好，谢谢您抽时间。想先了解一下，现在门店的生鲜订货是怎么定量的？")
    say(p, "这个事情要推下去，除了您，还有哪些部门要参与？")
    say(p, "IT那边会有什么顾虑？")
    assert "stakeholder:it-manager" in answered(p), p.last_reply
    assert "stakeholder:area-managers" not in answered(p), p.last_reply


def test_an_impact_asked_in_its_own_words_is_told_once_trust_allows() -> None:
    """The CT outage is on the table (the buyer came in from that fault): asked what two
    days down would mean, a buyer who trusts enough tells it, not the cost it follows."""
    p = start(HOSPITAL)
    for line in [
        "张主任您好，我是做设备维保的小李。您刚从放射科过来，辛苦了，今天想先听听您这边的情况。",
        "您这边设备科现在有多少人，平时报修是怎么走的？",
        "理解，设备一多事情就杂。那巡检和质控这些记录，平时是怎么管的？",
        "明白。院里这两年对设备这块最看重的是什么？",
    ]:
        say(p, line)
    assert p.state.trust >= p.scenario.need("downtime-impact").trust_needed()
    say(p, "一台CT要是躺上两天，少做的检查、临床的压力会是个什么局面？")
    assert "need:downtime-impact" in answered(p), p.last_reply
    assert "need:rising-service-cost" not in answered(p)


def test_asking_when_to_sign_is_a_close_not_a_question_about_their_timeline() -> None:
    p = start(BANK)
    say(p, "邵总，我们的风控平台是业内第一，已经服务了五十多家银行，效果非常好。")
    say(p, "那您什么时候方便，我们把合同先签了？")
    assert said_any(p.last_reply, "zh", "too_early_to_sign"), p.last_reply
    assert "decision:timeline" not in answered(p)

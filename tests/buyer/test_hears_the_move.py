"""The buyer hears what a turn does: a probe of the conditions, a close put as "Deal?", a
recap, the scenario's own next step in the seller's words, a question about a group of
people (RUBRIC.md: a buyer that listens; objections and next steps judged on content)."""

from __future__ import annotations

from app.buyer import advance, portion
from app.buyer.state import ObjectionState, ObjectionStatus
from tests.buyer.play import SCENARIOS, Played, said_any, say, start

FLEET = "en-fleet-telematics"
HOSPITAL = "zh-hospital-equipment-service"
BANK = "zh-bank-risk-platform"


def answered(p: Played) -> list[str]:
    return list(p.events[-1].get("answered", []))


def test_asking_what_would_have_to_be_true_opens_the_concern_though_it_names_a_date() -> None:
    p = start(FLEET, 1)
    say(p, "Hi Dana, thanks for the time. How do you keep an eye on driver safety today?")
    assert p.state.open_objection == "incumbent-trakline", p.last_reply
    say(
        p,
        "Fair enough, TrakLine does its job on location. What would have to be true for it to "
        "be worth looking at anything before April?",
    )
    assert p.events[-1].get("objection_reason_shared") == "incumbent-trakline", p.last_reply
    assert "not married to TrakLine" in p.last_reply


def test_a_guarded_buyer_asked_about_the_outage_owns_up_to_it_and_keeps_the_cost() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，我是做设备维保服务的，今天主要想听听您这边的情况。")
    assert p.state.trust < 35
    say(p, "上次CT停机那次，对科室那边影响有多大？")
    assert "need:downtime-impact" in answered(p), p.last_reply
    assert "坏了两天" in p.last_reply
    assert "钱是一方面" not in p.last_reply  # the lead into the passage answers nothing
    assert "投诉直接打到院长" not in p.last_reply  # what it cost waits for trust
    assert "原厂维保是真贵" not in p.last_reply  # not the need the scenario tells first


def test_asked_how_often_it_breaks_down_the_buyer_tells_the_outage_not_a_fact_beside_it() -> None:
    p = start(HOSPITAL)
    say(p, "许处长您好，我是做设备维保服务的，今天主要想听听您这边的情况。")
    say(p, "那这两年停机的情况多吗？")
    assert "need:downtime-impact" in answered(p), p.last_reply
    assert "坏了两天" in p.last_reply
    # Asked then what it meant for patients, the guarded buyer stays vague about the rest.
    say(p, "停了两天，急诊和病人那边影响大吗？")
    assert said_any(p.last_reply, "zh", "impact_deflect"), p.last_reply
    assert "急诊" not in p.last_reply


def test_a_close_put_as_deal_gets_a_no_to_signing_not_a_fact() -> None:
    p = start(FLEET, 1)
    say(p, "Dave, our AI dashcams are the best on the market and cut accidents by forty percent.")
    say(
        p,
        "So I'll send the contract for all 340 trucks at 31 a month, 36-month term. Install "
        "can start in two weeks. Deal?",
    )
    assert not answered(p), p.last_reply
    assert said_any(p.last_reply, "en", "too_early_to_sign"), p.last_reply
    say(p, "Maria can handle the rollout then. So is that a yes on the contract?")
    assert not answered(p), p.last_reply
    assert said_any(p.last_reply, "en", "too_early_to_sign"), p.last_reply


def _discovered_fleet() -> Played:
    p = start(FLEET, 1)
    for line in [
        "Thanks Dave. Before I say anything about us, what's top of your list this year?",
        "Fair, I'm not here to bolt on another box. You mentioned you tried some dashcams a "
        "couple of years back. How did that go?",
        "When that happened after an actual incident, what did it cost you?",
        "And how does that show up on the business side: claims, insurance?",
        "Seven months isn't long. Where does all of this leave you personally?",
    ]:
        say(p, line)
    return p


def test_what_a_group_would_object_to_is_what_that_group_cares_about() -> None:
    p = _discovered_fleet()
    say(p, "When you say spying, what specifically would the drivers push back on?")
    assert "stakeholder:driver-council#cares" in answered(p), p.last_reply
    assert "privacy in the cab" in p.last_reply
    assert "What matters to" not in p.last_reply
    say(p, "Going back to the drivers though, what would they actually object to?")
    assert answered(p) == ["stakeholder:driver-council#cares"], p.last_reply
    assert "privacy in the cab" in p.last_reply


def test_a_recap_of_the_buyers_own_benefits_settles_no_concern() -> None:
    p = _discovered_fleet()
    assert p.state.open_objection == "incumbent-trakline"
    say(
        p,
        "Let me play it back. No footage cost you that settlement, the premium is up 31% and "
        "renewal is in seven months. It has to protect drivers, not spy on them, and Linda "
        "will want payback and no overlap with TrakLine. Did I get that right?",
    )
    assert p.state.summary_confirmed
    assert "objection_reason_shared" not in p.events[-1], p.last_reply
    assert "objections_resolved" not in p.events[-1], p.last_reply
    assert not said_any(p.last_reply, "en", "value_ack"), p.last_reply


def test_a_yes_to_the_step_is_not_followed_by_keep_going() -> None:
    p = _discovered_fleet()
    say(p, "I'm not asking you to rip anything out. What worries you most about another box?")
    assert p.events[-1].get("objection_reason_shared") == "incumbent-trakline", p.last_reply
    say(
        p,
        "Then let's keep TrakLine running and start billing only after April, so you never pay "
        "twice. Could we set up a scoping session with you, Maria and one council driver next "
        "Tuesday or Thursday?",
    )
    assert p.events[-1].get("advance_granted"), p.last_reply
    assert "Keep going" not in p.last_reply


def test_the_scenarios_own_next_step_in_the_sellers_words_is_accepted() -> None:
    p = start(BANK, 1)
    for line in [
        "邵总您好，谢谢您抽时间。今天主要想听听您这边，现在零售信贷风控这块，您最花心思的是哪些事？",
        "我是想问风险这头，比如不良走势、欺诈这些，最近有没有让您睡不踏实的事？",
        "发现一个新的欺诈手法以后，从写好策略到真正上线，一般要多久？",
        "这么慢的话，对e贷的通过率、对零售那边的投放有没有影响？",
        "这些压力落到您自己身上，年底述职的时候是个什么情况？",
        "我捋一下：策略上线太慢，团伙跑得比您快；通过率上不去，零售那边有意见；年底还要把不良压下来。是这几点吧？",
    ]:
        say(p, line)
    assert p.state.summary_confirmed, p.last_reply
    proposal = (
        "那我提个想法您看行不行：下周我带建模专家，跟您这边建模负责人、信息科技部的同事开一次"
        "技术交流会，把用行里脱敏历史数据做四周回溯测试的方案敲一下，只做并行验证，不碰生产。"
        "您看下周二还是周四方便？"
    )
    assert advance.fits(SCENARIOS[BANK], proposal)  # its "方案" is no paper proposal
    say(p, proposal)
    assert p.events[-1].get("advance_refused") != "unfitting", p.last_reply
    assert not said_any(p.last_reply, "zh", "badmouth"), p.last_reply  # "行不行" runs no one down


def test_pointing_back_never_starts_on_a_dangling_joint() -> None:
    text = "最难受的是慢。发现一个新的欺诈手法，我们策略当天就能写出来，可从提需求到真正上线，两三个礼拜是常事。"
    pointer = portion.point_back(text, "从写好策略到真正上线，要多久？")
    assert pointer.startswith("从提需求到真正上线"), pointer
    assert "两三个礼拜" in pointer  # a clause too short to stand alone takes the next one


def test_the_driver_level_is_no_group_of_drivers() -> None:
    p = _discovered_fleet()
    say(p, "On fuel: what can you actually see at the driver level today?")
    assert not any(k.startswith("stakeholder:") for k in answered(p)), p.last_reply


def test_late_in_the_meeting_a_question_it_cannot_place_is_not_small_talk() -> None:
    p = _discovered_fleet()
    say(p, "What do you reckon about the weather lately?")
    assert said_any(p.last_reply, "en", "off_topic"), p.last_reply  # not "what brings you here?"


RETAIL = "zh-retail-fresh-replenishment"


def test_a_pitch_that_offers_to_present_is_no_question_and_earns_no_need() -> None:
    p = start(RETAIL, 1)
    say(
        p,
        "刘总您好，我们是做智能补货系统的，全国三百多家连锁都在用，能把生鲜损耗降百分之三十，今天给您介绍一下。",
    )
    assert not p.session.events[2].get("revealed_needs"), p.last_reply
    assert not answered(p), p.last_reply


def test_running_rivals_down_draws_the_buyers_distaste() -> None:
    p = start(RETAIL, 1)
    say(p, "刘总您好，我们是做智能补货系统的，今天给您介绍一下。")
    say(p, "我们的算法是行业最领先的，别家都比不了，您这边上了肯定见效。")
    assert said_any(p.last_reply, "zh", "badmouth"), p.last_reply


def test_asked_what_worries_them_the_buyer_tells_the_story_behind_the_concern() -> None:
    p = start(RETAIL, 1)
    say(p, "刘总您好，我们是做智能补货系统的，全国三百多家连锁都在用，今天给您介绍一下。")
    concern = p.state.open_objection
    assert concern is not None, p.last_reply
    say(p, "那您到底担心什么呢？")
    assert p.events[-1].get("objection_reason_shared") == concern, p.last_reply


def test_a_recap_naming_what_the_buyer_needs_is_no_proposal() -> None:
    p = start("en-energy-retrofit-cfo", 1)
    for line in [
        "Karen, thanks for the time. How are energy costs looking across the plants this year?",
        "When the budget gets missed like that, what happens on your side with the board?",
        "Have you tried anything on energy before?",
    ]:
        say(p, line)
    say(
        p,
        "Let me check I've got it: energy is the one line you can't forecast, and after the last "
        "ESCO you need a baseline you can audit. Anything I missed?",
    )
    assert "advance_refused" not in p.events[-1], p.last_reply
    assert p.state.advance_asks == 0


def _granted_fleet() -> Played:
    p = _discovered_fleet()
    say(p, "I'm not asking you to rip anything out. What worries you most about another box?")
    say(
        p,
        "Then let's keep TrakLine running and start billing only after April, so you never pay "
        "twice. Could we set up a scoping session with you, Maria and one council driver?",
    )
    assert p.state.advance_granted, p.last_reply
    return p


def test_offered_two_days_after_its_yes_the_buyer_takes_the_first() -> None:
    p = _granted_fleet()
    say(p, "Great. Would Tuesday or Thursday suit you better for the session?")
    assert "Tuesday" in p.last_reply, p.last_reply
    assert not said_any(p.last_reply, "en", "already_agreed"), p.last_reply


def test_who_signs_is_said_once_not_again_in_other_words() -> None:
    p = start("zh-mes-auto-parts", 1)
    for line in [
        "周总您好，今天主要想听听厂里的情况。三个厂区现在的生产数据是怎么统计的？",
        "数据对不上的时候，最头疼的是哪个环节？",
        "上次主机厂来审核，具体是什么情况？",
        "要是明年审核还过不了，对厂里意味着什么？",
        "这种项目一般怎么决策？最后谁来拍板？",
    ]:
        say(p, line)
    assert "最后陈董签字" in p.last_reply, p.last_reply
    assert "最后签字的是陈董" not in p.last_reply  # the same fact again, in other words


MES_QUESTIONS = [
    "周总您好，今天主要想听听厂里的情况。三个厂区现在的生产数据是怎么统计的？",
    "数据对不上的时候，最头疼的是哪个环节？",
    "上次主机厂来审核，具体是什么情况？",
    "要是明年审核还过不了，对厂里意味着什么？",
]


def test_asked_about_their_business_the_buyer_reminds_once_then_lets_the_concern_wait() -> None:
    p = start("zh-mes-auto-parts", 1)
    for line in MES_QUESTIONS:
        say(p, line)
    repeats = [e for e in p.events[1:] if e.get("objection_restated")]
    assert len(repeats) <= 1, [e.get("objection_quote") for e in repeats]


def test_what_failing_the_audit_means_for_the_plant_is_the_business_impact() -> None:
    p = start("zh-mes-auto-parts", 1)
    for line in MES_QUESTIONS[:2]:
        say(p, line)
    say(p, MES_QUESTIONS[3])
    assert "need:oem-audit-risk" in answered(p), p.last_reply
    assert "need:no-second-failure" not in answered(p)  # the buyer's private stake


def test_a_day_the_seller_sets_for_their_own_errand_is_no_time_to_pick() -> None:
    p = _granted_fleet()
    say(p, "Great. I'll send the one-page scope by Friday. Anything you want to see in it?")
    assert not said_any(p.last_reply, "en", "time_picked"), p.last_reply
    assert "Friday works" not in p.last_reply


def test_with_the_step_agreed_a_question_about_it_gets_no_need_nobody_asked_for() -> None:
    p = _granted_fleet()
    say(p, "Anything you'd want me to make sure is in that page before it reaches you?")
    assert not said_any(p.last_reply, "en", "problem_deflect"), p.last_reply
    assert said_any(p.last_reply, "en", "advance_granted_wrapup"), p.last_reply


def test_asked_where_a_told_delay_gets_stuck_the_buyer_says_more_than_the_delay() -> None:
    p = start(BANK, 1)
    say(p, "邵总您好，今天主要想听听您这边的情况。现在风控这块最难受的是什么？")
    assert "slow-rule-change" in p.state.revealed_needs, p.last_reply
    say(p, "您刚过来八个月，跟原来那边比，最不习惯的是哪块？")
    say(p, "那回到刚才那个问题，策略从写出来到上线，中间到底卡在哪个环节？是科技排期，还是审批？")
    # Not the delay once more: what stands between a written rule and production.
    assert set(answered(p)) - {"need:slow-rule-change"}, p.last_reply
    assert "信息科技部" in p.last_reply


def test_a_proposal_that_ends_in_you_agree_asks_for_the_step_not_a_leading_question() -> None:
    p = start("en-energy-retrofit-cfo", 1)
    say(p, "Hi Karen. Thanks for the time. What made energy a topic for you this year?")
    say(
        p,
        "My proposal: four weeks measuring in the Iowa plant, we put submeters on refrigeration "
        "and compressed air. First a meeting with Greg and Tom to plan it. You agree?",
    )
    assert not said_any(p.last_reply, "en", "leading_pushback"), p.last_reply
    assert p.state.advance_asks == 1, p.last_reply


def test_asked_again_what_a_colleague_thinks_the_buyer_does_not_speak_for_them() -> None:
    p = start(HOSPITAL, 1)
    for line in [
        "许处您好，今天我不推东西，就想听听咱们院设备这块现在是怎么管的。",
        "那除了钱，真出过事的时候呢——上次大设备趴窝，是怎么处理下来的？",
        "这事落到您自己身上，是个什么处境？",
        "您刚才提到放射科——郭主任那边，如果真要动这几台CT、核磁，他会是什么态度？",
    ]:
        say(p, line)
    assert "stakeholder:radiology-director" in answered(p), p.last_reply
    say(p, "那您觉得，郭主任会愿意去别的医院看看吗？还是他更信自己院里的数据？")
    first = p.last_reply
    say(p, "我换个说法：要说服郭主任，带他去别家看，还是拿咱们自己的数据，哪个更管用？")
    assert p.last_reply != first
    assert "工程师十四个" not in first + p.last_reply


def test_after_the_yes_a_question_about_the_meetings_details_gets_no_old_fact_back() -> None:
    p = _granted_fleet()
    say(p, "Should Maria send me the claims list first, so we can look at it before we meet?")
    assert not any(d.startswith("need:") or d.startswith("fact:") for d in answered(p))
    assert not said_any(p.last_reply, "en", "recall_lead"), p.last_reply


def test_what_the_buyer_cant_say_is_a_missing_figure_only_when_a_figure_was_asked() -> None:
    p = _discovered_fleet()
    say(p, "Which routes are the riskiest ones for your guys?")  # the scenario doesn't say
    assert said_any(p.last_reply, "en", "unknown_answer"), p.last_reply
    assert not said_any(p.last_reply, "en", "unknown_figure"), p.last_reply


def test_the_trouble_happening_again_is_no_proposal() -> None:
    p = start("zh-mes-auto-parts", 1)
    say(p, "周总好，最近主机厂那边是不是追得挺紧？")
    say(p, "这种事要是再来一次，对咱们供货资格、对您个人这边压力会有多大？")
    assert "advance_refused" not in p.events[-1], p.last_reply
    assert p.state.advance_asks == 0


def test_a_seller_calling_their_own_push_dumb_insults_nobody() -> None:
    p = start(FLEET, 1)
    say(p, "Earlier I was pushing a rollout on half the fleet, which was dumb of me.")
    assert not said_any(p.last_reply, "en", "insult"), p.last_reply
    say(p, "Honestly, you'd have to be stupid to keep paying for TrakLine.")
    assert said_any(p.last_reply, "en", "insult"), p.last_reply


def test_after_the_yes_a_recap_of_the_step_is_no_summary_of_needs_gone_wrong() -> None:
    p = _granted_fleet()
    say(
        p,
        "I'll send you a one-page recap today: a scoping session with you, Maria and a council "
        "driver, then forty trucks for sixty days. Did I get that right?",
    )
    assert not said_any(p.last_reply, "en", "summary_off"), p.last_reply


def test_asked_how_often_after_a_story_with_no_number_the_buyer_has_no_figure() -> None:
    p = start(FLEET, 1)
    say(
        p,
        "Before anything about us: when one of your trucks gets into a scrape, how do you work out whose fault it was?",
    )
    assert "need:no-incident-evidence" in answered(p), p.last_reply
    say(p, "How often?")
    assert said_any(p.last_reply, "en", "unknown_figure"), p.last_reply
    assert "flying blind" not in p.last_reply  # no pointing back to the story


def test_a_figure_asked_again_points_back_to_the_figure() -> None:
    p = start("zh-mes-auto-parts", 1)
    say(p, "周总，耽误您半小时。听说芜湖厂前两年上过一套MES，用下来怎么样？")
    say(p, "现在出了质量问题，追溯起来难不难？")
    assert "need:traceability-gap" in answered(p), p.last_reply
    say(p, "我是问现在实际查一次要多久？")
    assert "三天" in p.last_reply, p.last_reply


def test_who_someone_is_gets_their_job_not_their_worries_again() -> None:
    p = start(FLEET, 1)
    say(p, "Thanks Dave. Who else would weigh in on something like this: finance, safety?")
    assert "stakeholder:cfo" in answered(p) or "Linda" in p.last_reply, p.last_reply
    say(p, "Who's Linda?")
    assert "CFO" in p.last_reply, p.last_reply
    assert "comes down to" not in p.last_reply, p.last_reply
    say(p, "Sorry, her role again?")
    assert "CFO" in p.last_reply, p.last_reply
    assert "Linda Marsh, CFO" not in p.last_reply, p.last_reply  # not word for word again


def test_would_that_work_after_a_step_asks_for_the_step_not_for_content() -> None:
    p = start(FLEET, 1)
    say(
        p,
        "Here's what I'd suggest: a working session next week with you, Maria and one driver "
        "council member to scope a pilot on 40 trucks. Would that work?",
    )
    assert not answered(p), p.last_reply
    assert "five senior guys" not in p.last_reply


def test_where_the_buyer_came_from_is_no_visit_proposed() -> None:
    p = start(BANK, 1)
    say(
        p, "邵总好。能不能先耽误您几分钟：您从股份制过来这大半年，看e贷的风控，最想先动的是哪一块？"
    )
    assert "advance_refused" not in p.events[-1], p.last_reply
    assert answered(p), p.last_reply


def test_anything_after_a_negation_is_no_close() -> None:
    p = start("zh-soe-training-platform", 1)
    say(p, "没事，今天咱们不用定什么，我就是想多了解了解。集团的网络学院现在用得怎么样？")
    assert not said_any(p.last_reply, "zh", "too_early_to_sign"), p.last_reply
    assert answered(p), p.last_reply


def test_asked_for_the_worst_time_the_buyer_tells_a_time_it_went_wrong() -> None:
    p = start(HOSPITAL, 1)
    say(p, "许处长好，我是做大型影像设备第三方维保的，今天主要想听听您这边的情况。")
    say(p, "这些年设备上，有没有哪次出了状况让您特别头疼？")
    # a time it went wrong (the inspection that docked points), not the yearly price rise
    assert "扣了分" in p.last_reply, p.last_reply
    assert "五到八个点" not in p.last_reply, p.last_reply
    say(p, "那设备本身呢？有没有哪次坏了，让科室特别被动的？")
    assert "坏了两天" in p.last_reply, p.last_reply
    assert "投诉直接打到院长" not in p.last_reply  # what it cost waits for trust


def test_playing_back_the_worry_the_buyer_explained_is_a_fair_summary() -> None:
    p = start(HOSPITAL, 1)
    for line in [
        "许处长好，我是做大型影像设备第三方维保的，今天主要想听听您这边的情况。",
        "现在大设备都是原厂保修吧？一年维保费大概多少？",
        "原厂维保这几年用下来，最让您头疼的是哪一点？",
        "我们可以先做两周评估，不动现有系统，把全院大设备的运行数据和维保合同拉一遍。",
        "不是让您多管一家，就是帮处里把账摸清楚。您做论证的时候，最缺的是哪方面的材料？",
    ]:
        say(p, line)
    assert p.events[-1].get("objection_reason_shared") == "authority-process", p.last_reply
    say(
        p,
        "明白，您要的是经得起委员会推敲的论证材料，不是销售嘴上说的。那同级别医院的实地案例，对您有用吗？",
    )
    assert not said_any(p.last_reply, "zh", "summary_off"), p.last_reply
    assert not said_any(p.last_reply, "zh", "summary_premature"), p.last_reply


ENERGY = "en-energy-retrofit-cfo"


def test_a_question_in_the_words_of_the_pushback_digs_into_it() -> None:
    p = start(ENERGY, 1)
    say(p, "No slides, promise. How are energy costs showing up for you at the moment?")
    # The buyer has just pushed back on savings claims (set up as the scheduler would).
    o = p.state.objections.setdefault("risk-savings-claims", ObjectionState())
    o.status, o.raised_at, o.times_raised = ObjectionStatus.open, len(p.turns) - 1, 1
    p.state.open_objection = "risk-savings-claims"
    say(
        p,
        "Sounds like it hurt. Take me through that last ESCO: where did the baseline argument go wrong?",
    )
    assert p.events[-1].get("objection_reason_shared") == "risk-savings-claims", p.last_reply


def test_who_else_would_be_involved_gets_people_not_the_need_the_seller_just_restated() -> None:
    p = start(ENERGY, 1)
    say(p, "Thanks for the time. No pitch today: how are energy costs showing up on your side?")
    say(
        p,
        "So every million of recurring cost is worth about ten at exit. If you did look at "
        "something, who else would have to be part of it?",
    )
    assert any(k.startswith("stakeholder:") for k in answered(p)), p.last_reply


def _terse_bank() -> Played:
    p = start(BANK, 1)
    say(p, "邵总好，区别我待会儿讲。先问一句：e贷现在卡在哪？")
    assert "need:slow-rule-change" in answered(p), p.last_reply
    return p


def test_how_long_again_points_back_to_the_span_not_to_one_of_anything() -> None:
    p = _terse_bank()
    say(p, "那排期一般得多久？")
    assert "两三个礼拜" in p.last_reply, p.last_reply
    assert "发现一个新的欺诈手法" not in p.last_reply  # "一个" is no figure


def test_are_you_under_pressure_after_a_loss_is_about_them_not_the_loss_again() -> None:
    p = _terse_bank()
    say(p, "损失多大？")
    assert "need:npl-rising" in answered(p), p.last_reply
    say(p, "四千多万。您压力大吗？")
    # about them: their own stake, or "leave me out of it" while trust is short
    personal = "need:prove-himself" in answered(p) or said_any(
        p.last_reply, "zh", "personal_deflect"
    )
    assert personal, p.last_reply
    assert "need:npl-rising" not in answered(p), p.last_reply


def test_which_plant_first_names_no_one() -> None:
    p = start("zh-mes-auto-parts", 1)
    for line in [
        "周总，耽误您半小时。听说芜湖厂前两年上过一套MES，用下来怎么样？",
        "主机厂那边审核是什么时候？您心里留给追溯上线的时间是多久？",
    ]:
        say(p, line)
    assert "decision:timeline" in answered(p), p.last_reply
    say(p, "一个厂先跑，您倾向哪个？")
    assert not any(k.startswith("stakeholder:") for k in answered(p)), p.last_reply


def test_who_someone_is_when_they_only_came_up_in_passing() -> None:
    p = start(FLEET, 1)
    say(p, "Thanks Dave. What's on your plate this year?")
    p.state.trust = max(p.state.trust, 50)  # past the guarded opening
    say(p, "Who's Linda?")
    assert "Linda Marsh, CFO" in p.last_reply, p.last_reply
    assert "cfo" in p.state.named_stakeholders


def test_would_that_be_worth_an_hour_asks_for_the_step() -> None:
    p = start(FLEET, 1)
    say(
        p,
        "What if we sat down next week, you, Maria and one driver council member, and scoped "
        "a pilot on 40 trucks? Would that be worth an hour?",
    )
    assert not answered(p), p.last_reply


def test_how_they_mean_to_deal_with_a_problem_is_not_the_problem_again() -> None:
    p = start(HOSPITAL, 1)
    for line in [
        "许处长好，我是做大型影像设备第三方维保的，今天主要想听听您这边的情况。",
        "现在大设备都是原厂保修吧？一年维保费大概多少？",
        "原厂这几年的价格，您怎么看？",
    ]:
        say(p, line)
    assert "五到八个点" in p.last_reply, p.last_reply
    say(p, "每年涨五到八个点，这个涨幅您打算怎么消化？")
    assert "五到八个点" not in p.last_reply, p.last_reply  # no pointing back to the rise


def test_how_often_does_that_happen_leans_on_the_last_answer() -> None:
    p = start(FLEET, 1)
    say(
        p,
        "Morning Dave, thanks for fitting me in. Before I say anything about us, what's taking "
        "most of your attention on the fleet side this year?",
    )
    told = answered(p)
    assert told, p.last_reply
    say(p, "How often does that happen?")
    # about what was just told (which holds no figure), not a new story that says "happens"
    assert not any(k not in told for k in answered(p)), p.last_reply

"""Who is in the demo history, and the words its coach and manager leave.

Names follow app/accounts/service.py's demo users: the Chinese name and its
English rendering in one string ("林悦 Lin Yue"), so they read naturally on a
Chinese page and on an English one. Longer text (comments, reasons, notes) is
the Chinese sentence, a line break, then the English one.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.service import DEMO_TEAM

SECOND_TEAM = "华南行业客户组 South China Industry Accounts"


def both(zh: str, en: str) -> str:
    """One text for both languages: Chinese first, English on the next line."""
    return f"{zh}\n{en}"


@dataclass(frozen=True)
class DemoTrainee:
    """A trainee of the demo history and how they sell.

    `habit` is the simulated style they fall back into (app/simulation/scripted.py);
    `stamina` is, per session in order, how many turns they keep to consultative
    questioning before the habit takes over (0: the habit from the first line,
    None: consultative to the end). It grows as they learn.
    """

    username: str
    display_name: str
    team: str
    habit: str
    stamina: tuple[int | None, ...]
    english: tuple[int, ...] = ()  # which of their sessions are in English scenarios
    first_week: int = 0  # joined later: their first session is in this week


# trainee1 and trainee2 are the demo users every guide names (INTERFACES.md); the
# others exist only with the history.
TRAINEES: tuple[DemoTrainee, ...] = (
    DemoTrainee(
        "trainee1", "林悦 Lin Yue", DEMO_TEAM, "pitcher", (0, 2, 3, 4, 5, 6, 8, None), (3, 7)
    ),
    DemoTrainee("trainee2", "陈浩 Chen Hao", DEMO_TEAM, "discounter", (2, 2, 3, 3, 4, 4), (4,)),
    DemoTrainee("trainee3", "周婷 Zhou Ting", DEMO_TEAM, "folder", (4, 4, 5, 5, 6), (), 1),
    DemoTrainee("trainee4", "刘洋 Liu Yang", SECOND_TEAM, "arguer", (0, 2, 3, 4, 4, 5)),
    DemoTrainee(
        "trainee5", "孙磊 Sun Lei", SECOND_TEAM, "discounter", (6, None, 8, None, None), (2,)
    ),
    DemoTrainee("trainee6", "郑雪 Zheng Xue", SECOND_TEAM, "pitcher", (0, 0, 3, 4), (), 3),
)
NEW_TRAINEES = tuple(t for t in TRAINEES if t.username not in ("trainee1", "trainee2"))
COACH = "coach1"
MANAGER = "manager1"

# What the coach writes on the turn where a trainee's habit took over.
HABIT_COMMENTS: dict[str, str] = {
    "pitcher": both(
        "从这里开始一直在讲产品，客户的现状和痛点还没问清楚。先问两三个问题再介绍。",
        "From here on it's all product talk, before the customer's situation and pain are clear. "
        "Ask two or three more questions before presenting.",
    ),
    "discounter": both(
        "客户一提顾虑就直接让价了。先问清楚顾虑背后的原因，价格是最后的手段。",
        "You went straight to a discount the moment a concern came up. Find out what's behind "
        "the concern first; price is the last lever.",
    ),
    "arguer": both(
        "这里在和客户争辩。先认可对方的顾虑，再问一个问题，让客户自己说出原因。",
        "This is arguing with the customer. Acknowledge the concern, then ask a question so the "
        "customer tells you the reason.",
    ),
    "folder": both(
        "遇到第一个异议就放弃了。可以先表示理解，再问问具体担心什么。",
        "You gave up at the first objection. Show you understand, then ask what exactly worries "
        "them.",
    ),
}

# The coach's word on the whole session, by how it went.
SESSION_COMMENTS: dict[str, str] = {
    "strong": both(
        "节奏很好：先问现状，再问影响，最后总结确认后才提下一步。保持这个顺序。",
        "Good rhythm: situation first, then impact, and a summary before asking for the next "
        "step. Keep that order.",
    ),
    "middle": both(
        "前半段的提问不错，后半段急于推进。下次在提方案前先做一次总结确认。",
        "The first half's questions were good; the second half rushed. Next time, summarise "
        "and check before proposing.",
    ),
    "weak": both(
        "这次几乎没有了解客户的需求。建议先练“现状—问题—影响”三类问题，再来一次。",
        "This time we learnt almost nothing about the customer's needs. Practise situation, "
        "problem and impact questions, then try again.",
    ),
}

OVERRIDE_UP = both(
    "追问已经触及业务影响，评分偏严，按教练判断上调。",
    "The follow-up questions did reach the business impact; the score is harsh, so I raised it.",
)
OVERRIDE_DOWN = both(
    "异议一出现就让价，没有先确认顾虑，按教练判断下调。",
    "Cut the price as soon as the objection came up without checking the concern, so I lowered it.",
)
OVERRIDE_QUESTIONS = both(
    "开放式问题问得自然，也有追问，评分偏低，按教练判断上调。",
    "The open questions came naturally and were followed up; the score is low, so I raised it.",
)

DISPUTE_ANSWERED = both(
    "我觉得提问这一项打低了：前半段我一直在问客户现在的做法和遇到的问题。",
    "I think questioning is scored too low: for the first half I kept asking how they work "
    "today and what goes wrong.",
)
DISPUTE_RESPONSE = both(
    "前半段的问题确实不错，但后半段没有继续追问影响，所以维持原分。下次把影响问出来。",
    "The first half's questions were good, but you stopped asking about impact later on, so "
    "the score stands. Next time draw out the impact.",
)
DISPUTE_OPEN = both(
    "客户提出价格顾虑时我给了方案，我认为异议处理不该这么低。",
    "I offered a solution when the customer raised the price concern; I don't think "
    "objection handling should be this low.",
)

NOTE_OVERDUE = both(
    "月底客户拜访前，把制造业场景练到70分以上。",
    "Get the manufacturing scenario to 70 or more before the month-end customer visits.",
)
NOTE_CURRENT = both(
    "下个月有外资客户，先用英文场景热身。",
    "A foreign-owned account comes up next month: warm up with the English scenario.",
)
NOTE_PERSONAL = both(
    "遇到价格异议先问原因再谈方案，别急着让价。",
    "On a price objection, ask why before offering anything; don't rush to a discount.",
)

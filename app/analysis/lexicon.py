"""Cues and question forms, zh and en, for the behaviours the rubric names.

The cue lists themselves (an acknowledgement, a hypothetical benefit, a
self-reference plus a capability claim, a first-person deferral to someone
else) live in data files, app/analysis/cues/{zh,en}.cues, read by cue_book.py;
this module names them for the analysis. What stays here as Python are the
structural patterns that are not cue lists: clause splitting, question forms,
anaphora. Patterns describe linguistic *forms*, not scenario answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.analysis.cue_book import CUES as CUES
from app.analysis.cue_book import Cue as Cue
from app.analysis.cue_book import live
from app.analysis.cue_book import negated as negated
from app.analysis.cue_syntax import rx as rx
from app.analysis.model import ObjectionKind
from app.analysis.topics import Topic

# Clause boundaries inside a sentence: commas, colons, dashes, and a contrast
# ("..., but", "但是").
CLAUSE_SPLIT = rx(
    r"\s*[，,、：:—]+\s*|\s+(?=(?:but|though|although|whereas)\b)|(?<=[\u4e00-\u9fff])(?=但是|不过|可是)",
    re.I,
)


_WORD_CHAR = rx(r"\w")


@lru_cache(maxsize=4096)
def clauses(text: str) -> tuple[str, ...]:
    return tuple(c for c in CLAUSE_SPLIT.split(text) if c and _WORD_CHAR.search(c))


# --- questions ---------------------------------------------------------------

QUESTION_MARK = rx(r"[?？]")
ZH_INTERROGATIVE = rx(
    r"什么|啥|咋|怎么|怎样|为什么|为何|为啥|如何|哪|几[个家条台位次年月天种成号点套]|多少|多久|多长|多大|多高|多远|多快|谁|"
    r"是否|是不是|有没有|能不能|会不会|要不要|可不可以|对不对|行不行|好不好|有无|可否|能否|算不算|用没用|"
    r"([^\s，,。])不\1|(了|上来|过|到位|起来)没(有)?[，,。？?]|[^还就]还是(说)?[^要得会能]"
)
# "什么都", "谁都", "多少也": indefinites, not questions.
ZH_INDEFINITE = rx(
    r"(什么|谁|哪儿?|哪里|怎么|多少)(都|也)(?!不是)|不管|无论|不论|随时|尽管(说|提|找|问)|有什么(需要|问题|事)(的话)?.{0,4}(随时|尽管|可以|就|找)|"
    r"^(没|没有)(什么|啥)(没(什么|啥))?[。，,！!]?$|没(什么|啥)(事|事儿|大事|关系)[。，,！!]|不怎么(样)?[。，,]|"
    # "今天咱们不用定什么": "anything" after a negation, no question
    r"(不用|不必|不需要|用不着|没必要|不要|别)[\u4e00-\u9fff]{0,3}(什么|啥)(?![\u4e00-\u9fff]*[？?吗])"
)
# "我不知道为什么…", "这就是为什么…": an interrogative word inside a statement.
ZH_EMBEDDED = rx(
    r"(我|我们)(也|真|都|还)?(不|没)(知道|清楚|确定|明白|理解|想到)|这(就|也)?是为什么|不知道为什么|"
    r"取决于|看(您|你们)?(怎么|如何)|(就|只)看|所以说?(为什么|怎么)|原因(就)?是|知道(您|你们)?(为什么|怎么)"
)
ZH_TELL_ME = rx(
    r"(说说|讲讲|聊聊|谈谈|介绍一?下|介绍介绍|展开(说|讲|聊)?|举个例子|描述一下|分享一下|详细(说|讲|聊)|具体(说|讲|聊)|多说一点|讲一讲|说一说|聊一聊|谈一谈)"
)
# "我给您介绍下我们公司", "我跟您讲讲我们的产品", "今天给您介绍一下": the seller offering to
# tell, not asking.
ZH_SELF_TELL = rx(
    r"(?<![让请])(我(们)?(来|先|再|就)?(给|跟|向|为|和)|(?<![您你])(给|跟|向|为))(您|你|大家|各位)(们)?(先|再)?.{0,4}(说说|讲讲|介绍|汇报|分享|聊聊|演示)"
)
ZH_ADDRESSED = rx(r"您|你|贵|咱们(这边|那边|现在|目前|平时|一般)|老哥|大哥|姐")
# "我想了解一下你们…是怎么…", "想请教…": a request for information.
ZH_ASK_FRAME = rx(
    r"(想|希望|想要|来)(先|多)?(了解|请教|问问|问一下|听听|知道|搞清楚|弄清楚)(一下|下)?|顺便问|请问|好奇|"
    r"(挺|很|特别|真|就|倒是)?想(多)?(听|了解|知道|请教|问问|听听)(两句|几句|一下|下)?|(多嘴|冒昧|斗胆)?问(一句|一下|个事|您个事)|"
    r"(跟|给)(我|我们)(先|再)?(简单|大概|大致|稍微|具体|详细)?(地)?(说说|讲讲|聊聊|透个底|介绍)|不知道(您|你们|咱们)?"
)
# A guess put to the buyer to confirm ("那核损主要还是靠人看照片吧，…", "估计就溜过去了"):
# a closed question in the form of a statement.
ZH_GUESS = rx(
    r"(?<=.{4})吧\s*[，,]|(估计|恐怕|想必|八成|多半|我猜|我估摸|我寻思)(着)?.{2,30}(了|吧|的)\s*([。！!，,]|$)"
)
# "您觉得…哪里…": asking the buyer's opinion, whatever the final punctuation.
ZH_OPINION_FRAME = rx(r"^(那|所以|那么)?(您|你)(们)?(觉得|认为|看|感觉|估计)|在(您|你)看来")
# A tag that turns a statement into a yes/no check: "…，对吧？", "我这么理解对不对：…".
ZH_TAG = rx(
    r"(?<=.{3})(对不对|是不是|对吧|是吧|对吗|是吗|好吗|行吗|可以吗|没错吧|是这样吧|是这个意思吧|是这个意思吗)\s*([:：，,]|[?？]?\s*$)"
)
# Rhetorical questions expect no answer: "谁还手工记账啊？", "怎么会没问题呢？", "How can it be fine when…".
RHETORICAL = rx(
    r"谁还|谁会(这么|去|用|还)|哪有(这么|那么|什么|人)|上哪(儿)?(找|去找)|哪(儿|里)(还)?找得到|打着灯笼|哪里(会|有)(这么|那么)|怎么(会|可能)(没|不|有|是)|何必|岂不|何苦|"
    r"\bhow (can|could) (it|that|this|you|they|anyone) .{0,60}\bwhen\b|\bwho (still|in their right mind)\b|\bwhy would anyone\b|"
    r"\bwhat kind of \w+ still\b|\bwho does that anymore\b",
    re.I,
)
# A retreat put as a question: the seller offers to go away and send papers, ask head
# office for a better price, or wait ("要不我回去问问公司？", "Shall I just send you a
# brochure?"). The buyer is asked for nothing about the business, so it is not a question
# in the rubric's sense (RUBRIC: questioning counts questions that uncover the situation).
RETREAT_OFFER = rx(
    r"(要不|要不然|不如|那)(我|我们)(先|就|还是)?(回去|回头)?(先)?(把|给您?|再)?.{0,8}(资料|材料|方案|报价|介绍|彩页|手册)?.{0,4}"
    r"(发|寄|送|留|问问|请示|申请|汇报|商量|研究)"
    r"|(要不要|需不需要|用不用)我(先)?(把|给您?|帮您)?.{0,8}(发|寄|送|留)(一?份|个|些)?(资料|材料|方案|报价|彩页|手册)"
    r"|等(您|你)(们)?(那边)?.{0,6}(考虑|想|商量|研究|决定)(好|清楚|完)了?再"
    r"|^\W*(so,? |then,? |okay,? )?(shall|should|can|could) i (just )?(send|email|drop|leave|check with|ask|run it by|get back)\b"
    r"|\b(why don'?t|how about|what if) i (just )?(send|email|drop|leave|check with|ask|run it by|get back)\b"
    r"|\b(do you )?want me to (just )?(send|email|drop|leave|check with|ask)\b",
    re.I,
)
# Asking the buyer to do something for the seller ("您考虑一下？", "能不能先跟领导们说说…？",
# "Could you put in a word with your boss?"): a request, not a question about the business.
ACTION_REQUEST = rx(
    r"(您|你)(再|先|好好)?考虑(一下|考虑)(吧|呗|啊)?\s*[？?]?\s*$"
    r"|(能不能|可不可以|可以|麻烦|帮忙|帮我)(您|你)?(先)?(帮(我|忙|我们))?(跟|给|向|在)(领导|老板|上面|.{1,4}总|.{1,4}(长|任|监))(们)?(那边|面前)?(说说|提提|提一下|说一下|美言|推荐|反映|汇报|递|转)"
    r"|\b(could|would|can) you (maybe |perhaps |please )?(put in a (good )?word|pass (this|it|that) (on|along)|share (this|it) with|consider (it|this|our|the offer)|sign (it|this|today))\b",
    re.I,
)
# Asking for the buyer's time, not about the business: "现在方便吗？", "Is now a good time?".
COURTESY_ASK = rx(
    r"(现在|这会儿|今天|这阵子)(说话|聊几句)?(方便|有空|有时间)(吗|么|不)|说话方便(吗|么|不)|(有空|有时间)(吗|么)\s*[？?]?\s*$|占用(您|你)?(几|一点|十)分钟|"
    r"\b(is (now|this) a (good|bad|ok|okay) time|do you have a (minute|moment|few minutes|sec)|got a (minute|moment|sec))\b",
    re.I,
)
# The speaker answers his own question in the next sentence.
SELF_ANSWER = rx(
    r"^(因为|其实是因为|原因(很简单|就是|是|就在于)|答案(是|很简单)|很简单[，,:：]|说白了|because\b|the answer\b|simple[:.]|it's because\b|well,? because\b)",
    re.I,
)
EN_QUESTION_START = rx(
    r"^\s*(?:(?:so|and|but|then|okay|ok|right|well|now|also|just|out of curiosity|quick question|honestly|sorry|oh|and so|plus)[,\s]+)*"
    r"(what|how|why|which|who|whom|whose|when|where|do|does|did|is|are|was|were|can|could|would|will|"
    r"should|have|has|had|may|might|shall|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|"
    r"couldn't|haven't|hasn't|shouldn't|am)\b",
    re.I,
)
# "What we do is…", "How we got here matters": a wh-word opening a clause, not a question.
EN_WH_CLAUSE = rx(
    r"^\s*(?:so|and|but|well)?[,\s]*(what|how|why|where|when|who)\s+(we|i|you|they|he|she|it|this|that|our|my|your|their)\s+"
    r"(?!do\b|does\b|did\b|is\b|are\b|was\b|were\b|can\b|could\b|would\b|will\b|should\b|have\b|has\b|had\b)",
    re.I,
)
EN_TELL_ME = rx(
    r"\b(tell me|walk me through|talk me through|take me through|help me understand|"
    # "Explain…" asks as an imperative; "a number you can't explain yourself" asks nothing.
    r"(?:(?<![\w',])(?<!\w )|please |(?:can|could|would|will) you |mind )(?:describe|explain)|"
    r"share (a bit|more|with me)|"
    r"give me (a sense|an idea|an example|a feel|a picture)|paint (me )?a picture|i'd love to (hear|understand|know|learn)|i'?m (really )?curious|"
    r"(just )?wondering (how|what|why|whether|if|which|where|who)|i wonder (how|what|why|whether|if)|"
    r"i'd (like|love) to (know|understand|hear|learn) (how|what|why|whether|if|which|more|about)|keen to (hear|understand|learn)|"
    r"interested (to hear|in hearing) (how|what|why|about)|say more|fill me in|"
    r"i'?m (more |really |just |also |genuinely )?(curious|wondering)|"
    r"i'?d (want|like|love) to (get a (feel|sense) for|understand|hear|learn)|(the other|one) thing i'?d (want|like|love) to (get a feel for|understand|know|hear)|"
    r"(get|give me) a (feel|sense) for|tell me (where|if) i'?(ve|m) got (it|that) wrong)\b",
    re.I,
)
# A guess put to the buyer to confirm or correct ("I'm guessing the schedules still
# look like 2019", "我猜…吧"): a closed question in the form of a statement.
EN_GUESS = rx(
    r"\b(i'?m guessing|i'?d guess|i imagine|i'?d imagine|i suspect|my guess is|am i right (that|in thinking))\b",
    re.I,
)

# Open question markers. A polite yes/no frame around a request to explain
# ("能展开说说吗", "could you walk me through") is open.
ZH_OPEN_STRONG = rx(
    r"为什么|为何|为啥|怎么(?!样的时候)|咋|怎样|如何|哪些|哪方面|哪(一|几)?(块|点|方面|部分|环节|儿|里|些)|哪几(个|项|类|种)(方面|环节|因素|指标|地方|问题|部分)|"
    r"说说|讲讲|聊聊|谈谈|介绍|展开|描述|举个例子|多大程度|意味着什么|分享|详细|具体(说|讲|是什么|有哪些|怎么)|什么样"
)
ZH_OPEN_WEAK = rx(r"什么(?!时候)|啥(?!时候)")
ZH_CLOSED_SPECIFIC = rx(
    r"多少|几[个家条台位次年月天种岁成号点套]|多久|多长时间|多大(?!程度)|什么时候|啥时候|哪天|哪年|哪个月|哪(个|家|位|款|种)|谁"
)
ZH_YES_NO = rx(
    r"吗[\s。!！?？,，~～]*$|是不是|有没有|能不能|会不会|要不要|可不可以|对不对|行不行|好不好|是否|可否|能否|算不算|还是|"
    r"(多|高|大|严重|长|快|忙|难|贵|好)不(多|高|大|严重|长|快|忙|难|贵|好)|吧[\s。!！?？]*$"
)
EN_CLOSED_WH = rx(
    r"^(how (many|much|long|often|soon|far|old|big|large)|when|who|whom|whose)\b", re.I
)
EN_OPEN_REQUEST = rx(
    r"\b(tell me|walk me through|talk me through|take me through|help me understand|"
    # "Explain…" asks as an imperative; "a number you can't explain yourself" asks nothing.
    r"(?:(?<![\w',])(?<!\w )|please |(?:can|could|would|will) you |mind )(?:describe|explain)|"
    r"say more|tell me more|"
    r"elaborate|expand on|go into|share (more|a bit)|give me (a sense|an idea|an example|a picture)|paint|fill me in|"
    r"wondering (how|what|why|which|where)|curious (how|what|why|which|where|about)|(know|understand|hear|learn|ask) (how|what|why|which|where))\b",
    re.I,
)
EN_TAG = rx(
    r",\s*(right|correct|yes|no|true|isn'?t it|aren'?t they|don'?t you|wouldn'?t you|didn'?t you|is that right|is that correct|yeah)\s*\?\s*$",
    re.I,
)

LEADING = CUES["LEADING"]

# --- SPIN stages (checked on the question's own clause, strongest first) ------

# A positive hypothetical: the problem solved, the gain imagined.
NEED_PAYOFF = CUES["NEED_PAYOFF"]
IMPLICATION = CUES["IMPLICATION"]
PROBLEM = CUES["PROBLEM"]

# --- acts ---------------------------------------------------------------------

GREETING = CUES["GREETING"]
UNDERSTANDING = CUES["UNDERSTANDING"]
# The turn after an acknowledgement: "我理解，不过…", "I hear you. That said, …". What
# follows decides whether the acknowledgement stands (a question about the concern) or
# is taken back (an argument for us).
TAKE_BACK = CUES["TAKE_BACK"]
# Claims that an offer is worth it or better than the rest: the argument a take-back makes.
VALUE_CLAIM = CUES["VALUE_CLAIM"]
# A question that pushes the buyer to agree with a claim: "Isn't that worth it?",
# "Wouldn't you agree?", "您不试试怎么知道呢？".
PUSH_QUESTION = CUES["PUSH_QUESTION"]
# Naming the time of a step: "How about Tuesday?", "下周三行吗？".
SCHEDULE_ASK = CUES["SCHEDULE_ASK"]
ARGUMENT = CUES["ARGUMENT"]
# Putting the talk off until the buyer's circumstances change, with no step of
# one's own: "那就等明年预算下来再说吧", "let's revisit when the budget opens up".
# It reads like a next meeting ("再聊") but commits no one to anything.
DEFERRAL = CUES["DEFERRAL"]
GIVE_UP = CUES["GIVE_UP"]
# A price cut or commercial concession.
DISCOUNT = CUES["DISCOUNT"]
# Giving something for nothing counts as a concession only when it isn't a
# pilot or an assessment ("a free pilot is not a discount").
FREE_ONLY = rx(
    r"赠送|白送|附送|免费|不收(您|你们?)?(的)?(钱|费|费用|一分钱)|\bfor free\b|\bon us\b(?! to\b)|\bat no (extra )?(cost|charge)\b|\bno charge\b|\bfree\b|\bcomplimentary\b|\bon the house\b",
    re.I,
)
PITCH_SELF = CUES["PITCH_SELF"]
PITCH_CLAIM = CUES["PITCH_CLAIM"]
# Features named inside a benefit statement: value that names product features
# carries pitch as well.
FEATURE = CUES["FEATURE"]
# A claim is not a pitch when the clause is about price terms or a next step.
PITCH_EXCLUDE = CUES["PITCH_EXCLUDE"]
# A benefit for the buyer: less of the bad, more of the good, in plain words.
BENEFIT = CUES["BENEFIT"]
# Someone else's evidence: a case, a reference, a measured result, a report, a certificate.
PROOF = CUES["PROOF"]
PILOT = CUES["PILOT"]
# A concrete next activity together (meeting, visit, demo, pilot, proposal, introduction).
NEXT_STEP = CUES["NEXT_STEP"]
PROPOSING = CUES["PROPOSING"]
# Asking for the order, the signature or the money: a close, not an advance.
ORDER = CUES["ORDER"]
SITE_VISIT = CUES["SITE_VISIT"]
DEMO = CUES["DEMO"]
INTRODUCTION = CUES["INTRODUCTION"]
PROPOSAL = CUES["PROPOSAL"]

# Badmouthing needs a competitor as target and a negative judgement of it.
BADMOUTH_TARGET = CUES["BADMOUTH_TARGET"]
BADMOUTH_NEGATIVE = CUES["BADMOUTH_NEGATIVE"]

SUMMARY = CUES["SUMMARY"]
# Rewording cues that summarise only when they are about the buyer ("也就是说，您…").
SUMMARY_WEAK = CUES["SUMMARY_WEAK"]
# A paraphrase of the buyer offered for checking: "所以您…", "So the X is Y…?".
PARAPHRASE = CUES["PARAPHRASE"]
FEEDBACK = CUES["FEEDBACK"]
# Asking for an opinion: a feedback request only when it follows the trainee's
# own summary or paraphrase ("…，您看呢？"); after a proposal it is just a proposal.
FEEDBACK_WEAK = CUES["FEEDBACK_WEAK"]
# An invitation to correct the trainee is a question even without a question mark.
CORRECTION_INVITE = CUES["CORRECTION_INVITE"]
SELF_DISCLOSURE = CUES["SELF_DISCLOSURE"]
# Addressed to the system or the scorer, not to the buyer.
INJECTION = CUES["INJECTION"]
# A bracketed aside: 【…】, […], (…), （…）, <…>, {…}.
BRACKETED = rx(
    r"【[^】]{2,200}】|\[[^\]]{2,200}\]|（[^）]{2,200}）|\([^)]{2,200}\)|<[^>]{2,200}>|\{[^}]{2,200}\}"
)
PERSONAL_PROBE = CUES["PERSONAL_PROBE"]
DECISION_PROBE = CUES["DECISION_PROBE"]
# A question that digs into what the buyer just said (the 反问 after a refusal).
PROBE = CUES["PROBE"]
# What would have to be true for the buyer to move: a probe of the concern, whatever it names.
CONDITION_PROBE = CUES["CONDITION_PROBE"]
CAUSE_ASK = CUES["CAUSE_ASK"]
REASSURE = CUES["REASSURE"]
# A blank to fill: a number, a date, a span of time.
FIGURE_ASKED = rx(
    r"多少|几[个家条台位次年月天种岁成号点套]|多久|什么时候|啥时候|哪天|\bhow (many|much|long|often|soon)\b|^\W*when\b",
    re.I,
)
# A number asked for ("查一次要多久？", "How often?"), not a time ("When one of your trucks…")
# nor a pick ("最看重哪几条？").
HOW_MUCH = rx(
    r"多少|(?<!哪)几[个家条台位次年月天周岁成倍]|多久|多长时间|多远|差多|"
    r"\bhow (many|much|long|often|far|big)\b",
    re.I,
)
# A text that gives a figure: "31%", "两个小时", "forty trucks", "a couple of times a year".
HOLDS_FIGURE = rx(
    r"\d|[二两三四五六七八九十百千万几半][个家条台位次年月天周号成倍万亿块元岁分点套]|一[年月天周倍万亿]|"
    r"百分之|小时|分钟|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|hundred|thousand|million|dozen|half|once|twice|"
    r"couple|percent)\b",
    re.I,
)
# "是排期，还是审批？", "rates or volume?" (not "还是说", "就还是").
EITHER_OR = rx(r"[^还就]还是(?!说)|\bor\b", re.I)
# A day of the week named for a step ("周三还是周四？", "Tuesday or Wednesday?").
WEEKDAY = CUES["WEEKDAY"]
# The concern set aside for now, to come back to ("钱的事先放一边", "let's park price").
PARK = CUES["PARK"]
FOLLOWUP_MARKER = CUES["FOLLOWUP_MARKER"]
# An acknowledgement that picks up the buyer's point before a question.
# A pronoun that points back at what the buyer just said: "How long has that been going on?"
ANAPHORA_STRONG = rx(
    r"这(个)?(情况|问题|事|现象|状况)|这种(情况|事|问题)|这块|这事儿?|"
    r"\b(that|this|it)\b\s*(has|is|was|been|'s|happen\w*|going|mean\w*|affect\w*|cost\w*|start\w*|come|[?])",
    re.I,
)
ANAPHORA = rx(
    r"这件事|这个事|这事|这块|这一块|这方面|这个问题|这种情况|这种事|这些|那些|那个|这个|这样|那样|"
    r"\b(this|that|it|those|these)\b(?!\s+(is|are|was|were)\s+(a|an|the)\b)",
    re.I,
)

# --- topics -------------------------------------------------------------------

TOPICS: dict[Topic, Cue] = {
    Topic.overview: CUES["TOPIC_OVERVIEW"],
    Topic.operations: CUES["TOPIC_OPERATIONS"],
    Topic.scale: CUES["TOPIC_SCALE"],
    Topic.current_solution: CUES["TOPIC_CURRENT_SOLUTION"],
    Topic.supplier: CUES["TOPIC_SUPPLIER"],
    Topic.problem: PROBLEM,
    Topic.impact: IMPLICATION,
    Topic.goal: CUES["TOPIC_GOAL"],
    Topic.personal: PERSONAL_PROBE,
    Topic.decision: CUES["TOPIC_DECISION"],
    Topic.stakeholders: CUES["TOPIC_STAKEHOLDERS"],
    Topic.budget: CUES["TOPIC_BUDGET"],
    Topic.timeline: CUES["TOPIC_TIMELINE"],
    Topic.criteria: CUES["TOPIC_CRITERIA"],
    Topic.price: CUES["TOPIC_PRICE"],
    Topic.risk: CUES["TOPIC_RISK"],
    Topic.competition: CUES["TOPIC_COMPETITION"],
    Topic.customers: CUES["TOPIC_CUSTOMERS"],
    Topic.people: CUES["TOPIC_PEOPLE"],
    Topic.cost: CUES["TOPIC_COST"],
    Topic.quality: CUES["TOPIC_QUALITY"],
    Topic.strategy: CUES["TOPIC_STRATEGY"],
}


@lru_cache(maxsize=4096)
def topics_of(text: str, language: str) -> frozenset[Topic]:
    alive = live(text)  # most topics are ruled out without a call
    return frozenset(
        topic for topic, c in TOPICS.items() if c.mask & alive and c.search(text, language)
    )


# --- buyer-side signals -------------------------------------------------------

# Someone the buyer works with: a supplier in place or a way of working.
INCUMBENT_REF = CUES["INCUMBENT_REF"]
# Resistance, whatever the topic: "we won't", "nothing to discuss", "no reason to".
RESISTANCE = CUES["RESISTANCE"]

OBJECTIONS: dict[ObjectionKind, Cue] = {
    ObjectionKind.price: CUES["OBJECTION_PRICE"],
    ObjectionKind.budget: CUES["OBJECTION_BUDGET"],
    ObjectionKind.incumbent: CUES["OBJECTION_INCUMBENT"],
    ObjectionKind.no_need: CUES["OBJECTION_NO_NEED"],
    ObjectionKind.no_time: CUES["OBJECTION_NO_TIME"],
    ObjectionKind.risk: CUES["OBJECTION_RISK"],
    ObjectionKind.send_material: CUES["OBJECTION_SEND_MATERIAL"],
    ObjectionKind.think_it_over: CUES["OBJECTION_THINK_IT_OVER"],
    ObjectionKind.authority: CUES["OBJECTION_AUTHORITY"],
}
# Someone else inside who will resist: "院长们不会愿意的", "新东西他不一定乐意",
# "my plant managers will never go for it". Not the buyer's own authority, so
# it stays an objection even when the trainee has just asked who decides.
INTERNAL_RESISTANCE = CUES["INTERNAL_RESISTANCE"]


# Objections composed of a topic and a resisting judgement in the same clause:
# "这个价，老板一看就扔回来了" = price topic + rejection; "盘子已经定死了" =
# budget topic + closed. Each pair is (topic, resistance).
COMPOSED: dict[ObjectionKind, tuple[Cue, Cue]] = {
    ObjectionKind.price: (
        CUES["COMPOSED_PRICE_TOPIC"],
        CUES["COMPOSED_PRICE_JUDGEMENT"],
    ),
    ObjectionKind.budget: (
        CUES["COMPOSED_BUDGET_TOPIC"],
        CUES["COMPOSED_BUDGET_JUDGEMENT"],
    ),
    ObjectionKind.incumbent: (
        CUES["COMPOSED_INCUMBENT_TOPIC"],
        CUES["COMPOSED_INCUMBENT_JUDGEMENT"],
    ),
    ObjectionKind.no_time: (
        CUES["COMPOSED_NO_TIME_TOPIC"],
        CUES["COMPOSED_NO_TIME_JUDGEMENT"],
    ),
    ObjectionKind.think_it_over: (
        CUES["COMPOSED_THINK_IT_OVER_TOPIC"],
        CUES["COMPOSED_THINK_IT_OVER_JUDGEMENT"],
    ),
    ObjectionKind.risk: (
        CUES["COMPOSED_RISK_TOPIC"],
        CUES["COMPOSED_RISK_JUDGEMENT"],
    ),
}
# A price or budget judgement that is praise, not resistance.
PRICE_FINE = CUES["PRICE_FINE"]

# Postponement without a reason of its own: an objection only when no other
# one (no time, send material) already explains it and the buyer isn't inviting
# more ("先放一放，你接着说").
POSTPONE = CUES["POSTPONE"]
CONTINUE_INVITE = CUES["CONTINUE_INVITE"]
# Fear about switching: risk; fear about the current state of things: pain.
SWITCH_CONTEXT = CUES["SWITCH_CONTEXT"]
HYPOTHETICAL = CUES["HYPOTHETICAL"]

BUYER_PAIN = CUES["BUYER_PAIN"]
BUYER_IMPACT = CUES["BUYER_IMPACT"]
BUYER_PERSONAL = CUES["BUYER_PERSONAL"]
STAKEHOLDER_ROLE = CUES["STAKEHOLDER_ROLE"]
# A specific office in the buyer's organisation: naming it names a stakeholder.
# (A generic "老板/boss" needs a decision role: "老板天天催我" is pressure.)
STAKEHOLDER_TITLE = CUES["STAKEHOLDER_TITLE"]
STAKEHOLDER_NAMED = CUES["STAKEHOLDER_NAMED"]
STAKEHOLDER_ROLE_IN_DECISION = CUES["STAKEHOLDER_ROLE_IN_DECISION"]
BUYER_ACCEPTS = CUES["BUYER_ACCEPTS"]
# What the buyer agrees to: a meeting, a visit, a demo, a pilot, a review, an introduction.
ACCEPT_ACTIVITY = CUES["ACCEPT_ACTIVITY"]
BUYER_SOFTENS = CUES["BUYER_SOFTENS"]
BUYER_ENDS = CUES["BUYER_ENDS"]

"""Cue patterns, zh and en, for the behaviours the rubric names.

Patterns describe linguistic *forms* (an acknowledgement, a hypothetical
benefit, a self-reference plus a capability claim, a first-person deferral to
someone else), not scenario answers. Chinese has no word boundaries, so zh
patterns match substrings; en patterns are case-insensitive with word
boundaries where it matters. Negation is handled by `Cue.find(...,
negatable=True)`, which skips a match preceded by a negator ("不打折",
"we don't discount").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from app.analysis.anchor_book import AnchorBook
from app.analysis.anchor_book import load as load_book
from app.analysis.anchors import Anchors, Gate
from app.analysis.model import ObjectionKind
from app.analysis.topics import Topic


def _rewrite(src: str, outside: Callable[[str], str], inside: Callable[[str], str]) -> str:
    """Map each literal character of a pattern, by whether it sits in a [class];
    escapes (\\W, \\b, \\') pass through untouched."""
    out: list[str] = []
    in_class = escaped = False
    for ch in src:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        out.append(inside(ch) if in_class else outside(ch))
    return "".join(out)


def _apos(src: str) -> str:
    """Let an apostrophe in a pattern match the typographic one too (don't / don’t)."""
    return _rewrite(
        src,
        outside=lambda ch: "['’]" if ch == "'" else ch,
        inside=lambda ch: "'’" if ch == "'" else ch,
    )


def rx(src: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(_apos(src), flags)


_CJK_CHAR = rx(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = rx(r"[A-Za-z]{2}")


# A negator shortly before a Chinese cue: "不打折", "没有什么优惠", "别发了".
_ZH_NEGATED = rx(
    r"(?:(?<!要)不(?!如)|没|没有|(?<![无])无(?!论)|(?<![特区分个告级类性识派差])别|不用|不必|不会|不能|不要|未(?!来)|并非|从不|从没|从来不|谈不上)[^，,。；;！!？?、\s]{0,3}$"
)
# A negator within the two words before an English cue: "we don't discount", "no risk".
_EN_NEGATED = rx(
    r"(?:\b(?:not|no|never|without|nothing|nor|hardly)\b|n't)(?:\W+[\w']+){0,2}\W*$", re.I
)


# "能不能", "要不要", "是不是": a yes-no question, not a negation.
_ZH_A_NOT_A = rx(r"(能|要|可|是|会|行|好|肯|愿|有|想|用|签|做|试|看|去|来)不\1")


def negated(text: str, start: int) -> bool:
    """Whether the cue starting at `start` sits under a negation."""
    if start <= 0:
        return False
    if _CJK_CHAR.match(text, start):
        window = _ZH_A_NOT_A.sub("", text[max(0, start - 7) : start])
        return bool(_ZH_NEGATED.search(window))
    return bool(_EN_NEGATED.search(text[max(0, start - 40) : start]))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4096)
def _lowered(text: str) -> str:
    """ASCII lower case, same length: offsets found in it hold for the text."""
    return text.translate(_ASCII_LOWER)


_GATE = Gate()
_BOOK = AnchorBook(load_book())
_RUN_IDS = itertools.count()
# The runs of each script: a pattern set for a script the text lacks can't
# match (zh patterns holding Latin words such as "KPI" have English twins).
_SCRIPT_RUNS = {"zh": 0, "en": 0}


@lru_cache(maxsize=4096)
def _live(text: str) -> int:
    """The cue patterns worth running on the text, as a mask of their ids (see anchors.py)."""
    scripts = _SCRIPT_RUNS["zh"] if _CJK_CHAR.search(text) else 0
    if _LATIN_WORD.search(text):
        scripts |= _SCRIPT_RUNS["en"]
    return _GATE.candidates(text) & scripts if scripts else 0


class _Run(NamedTuple):
    """One compiled pattern of a cue."""

    id: int
    pattern: re.Pattern[str]
    anchors: Anchors | None  # literals one of which any match holds (None: can't tell)
    zh: bool  # a pattern for Chinese text (else for Latin script)
    lowered: bool  # run on the ASCII-lower-cased text

    @property
    def bit(self) -> int:
        return 1 << self.id


RUNS: list[_Run] = []  # every cue pattern, in the order of their ids


@dataclass(frozen=True, eq=False)
class Cue:
    # The same runs in two orders: the turn's language first, then the other.
    zh_first: tuple[_Run, ...]
    en_first: tuple[_Run, ...]
    mask: int  # the bits of its runs' ids

    def _patterns(self, text: str, language: str) -> list[tuple[re.Pattern[str], str]]:
        live = _live(text)
        return [
            (r.pattern, _lowered(text) if r.lowered else text)
            for r in (self.zh_first if language == "zh" else self.en_first)
            if live & r.bit
        ]

    def finditer(self, text: str, language: str) -> list[re.Match[str]]:
        if not self.mask & _live(text):  # no pattern can match: skip the cache too
            return []
        return [m for p, t in self._patterns(text, language) for m in p.finditer(t)]

    def search(self, text: str, language: str) -> re.Match[str] | None:
        """Search with the turn's language first, then the other: people mix them."""
        if not self.mask & _live(text):  # no pattern can match: skip the cache too
            return None
        return _search(self, text, language)

    def find(self, text: str, language: str, *, negatable: bool = True) -> re.Match[str] | None:
        """The first match that is not negated (when `negatable`)."""
        if not self.mask & _live(text):  # no pattern can match: skip the cache too
            return None
        if not negatable:
            return _search(self, text, language)
        return _find(self, text, language)


# A turn asks the same cue about the same sentence several times (a pilot is
# also a next step, a proof clause is not a pitch): remember recent answers.
@lru_cache(maxsize=16384)
def _search(c: Cue, text: str, language: str) -> re.Match[str] | None:
    for p, t in c._patterns(text, language):
        m = p.search(t)
        if m:
            return m
    return None


@lru_cache(maxsize=16384)
def _find(c: Cue, text: str, language: str) -> re.Match[str] | None:
    for p, t in c._patterns(text, language):
        for m in p.finditer(t):
            if not negated(text, m.start()):
                return m
    return None


_NEVER = r"(?!x)x"


def _hoist(alternatives: list[str]) -> str:
    """Join alternatives, checking a shared leading word boundary once.

    Python's regex engine tries every alternative at every position; hoisting
    the common "\\b" lets it skip positions inside words, which makes the long
    English cue lists several times faster.
    """
    bounded = [a[2:] for a in alternatives if a.startswith(r"\b")]
    rest = [a for a in alternatives if not a.startswith(r"\b")]
    head = [r"\b(?:" + "|".join(bounded) + ")"] if bounded else []
    return "|".join(head + rest)


def _lower_pattern(src: str) -> str:
    """Lower-case the letters of a pattern, leaving escapes (\\W, \\b) and classes alone."""
    return _rewrite(src, outside=str.lower, inside=lambda ch: ch)


def cue(zh: str | list[str], en: str | list[str]) -> Cue:
    zh_src = "|".join(zh) if isinstance(zh, list) else zh
    items = en if isinstance(en, list) else [en] if en else []
    cased = [a for a in items if "[A-Z" in a]
    plain = [_lower_pattern(a) for a in items if "[A-Z" not in a]
    # zh: case-insensitive, on the text as written; en: lower-case patterns on
    # the lower-cased text (twice as fast as re.I); cased: patterns that need
    # capitals ("[A-Z]"), a name.
    zh_run = _run(rx(zh_src or _NEVER, re.I), zh=True, lowered=False)
    en_runs = [_run(rx(_hoist(plain) or _NEVER), zh=False, lowered=True)]
    if cased:
        en_runs.append(_run(rx("|".join(cased)), zh=False, lowered=False))
    runs = (zh_run, *en_runs)
    return Cue(runs, (*en_runs, zh_run), sum(r.bit for r in runs))


def _run(pattern: re.Pattern[str], *, zh: bool, lowered: bool) -> _Run:
    run = _Run(next(_RUN_IDS), pattern, _BOOK.anchors(pattern), zh, lowered)
    RUNS.append(run)
    _GATE.register(run.id, run.anchors)
    _SCRIPT_RUNS["zh" if zh else "en"] |= run.bit
    _live.cache_clear()
    return run


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
    r"^(没|没有)(什么|啥)(没(什么|啥))?[。，,！!]?$|没(什么|啥)(事|事儿|大事|关系)[。，,！!]|不怎么(样)?[。，,]"
)
# "我不知道为什么…", "这就是为什么…": an interrogative word inside a statement.
ZH_EMBEDDED = rx(
    r"(我|我们)(也|真|都|还)?(不|没)(知道|清楚|确定|明白|理解|想到)|这(就|也)?是为什么|不知道为什么|"
    r"取决于|看(您|你们)?(怎么|如何)|(就|只)看|所以说?(为什么|怎么)|原因(就)?是|知道(您|你们)?(为什么|怎么)"
)
ZH_TELL_ME = rx(
    r"(说说|讲讲|聊聊|谈谈|介绍一?下|介绍介绍|展开(说|讲|聊)?|举个例子|描述一下|分享一下|详细(说|讲|聊)|具体(说|讲|聊)|多说一点|讲一讲|说一说|聊一聊|谈一谈)"
)
# "我给您介绍下我们公司", "我跟您讲讲我们的产品": the seller offering to tell, not asking.
ZH_SELF_TELL = rx(
    r"(?<![让请])我(们)?(来|先|再|就)?(给|跟|向|为|和)(您|你|大家|各位)(们)?(先|再)?.{0,4}(说说|讲讲|介绍|汇报|分享|聊聊|演示)"
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
    r"谁还|谁会(这么|去|用|还)|哪有(这么|那么|什么|人)|哪里(会|有)(这么|那么)|怎么(会|可能)(没|不|有|是)|何必|岂不|何苦|"
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
    r"\b(tell me|walk me through|talk me through|take me through|describe|explain|help me understand|share (a bit|more|with me)|"
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
    r"\b(tell me|walk me through|talk me through|take me through|describe|explain|help me understand|say more|tell me more|"
    r"elaborate|expand on|go into|share (more|a bit)|give me (a sense|an idea|an example|a picture)|paint|fill me in|"
    r"wondering (how|what|why|which|where)|curious (how|what|why|which|where|about)|(know|understand|hear|learn|ask) (how|what|why|which|where))\b",
    re.I,
)
EN_TAG = rx(
    r",\s*(right|correct|yes|no|true|isn'?t it|aren'?t they|don'?t you|wouldn'?t you|didn'?t you|is that right|is that correct|yeah)\s*\?\s*$",
    re.I,
)

LEADING = cue(
    [
        r"(您|你)(不会|总不会|应该不会|不至于).{0,20}吧[？?]?\s*$",
        r"(是)?(想|要|愿意)(继续)?.{0,8}(亏|损失|落后|浪费|被动|挨骂|吃亏).{0,8}还是",
        r"一算就(清楚|明白)|显然",
        r"(受益|好处|省钱|赚钱|越早|越快|机会|错过|落后|值得|划算).{0,30}(对吧|是吧|不是吗|对不对|是不是|您说呢)[？?]?\s*$",
        r"不会(愿意|想|希望).{0,20}吧|是不是(该|应该|得|也该)|是不是(很|挺|特别)?(清楚|明显|划算|值得|简单|合理)|(比我|都)清楚(吧|吗)|谁(受得了|愿意|想)",
        r"我(相信|想|猜|估计)(您|你)(也|一定|肯定)|(您|你)应该(也)?(不想|希望|想|明白|清楚)|(道理|事)很简单(嘛|吧)?|明摆着|显而易见",
        r"(谁|哪个|哪家|没有)(老板|人|企业|公司|工厂|医院)?(都|会|也)?(不)?(想|希望|愿意|喜欢).{0,20}(吧|对吧|是吧|呢|吗)?[？?]",
        r"(您|你)说是不是|(您|你)说呢[？?]?\s*$|是不是这个理",
        r"(吃亏|浪费|损失|划算|值得|应该|必须|明显|显然|谁都|不希望|不想|总不能|更好).{0,30}(对吧|是吧|不是吗|对不对|是不是)[？?]?\s*$",
        r"难道",
        r"是不是比.{0,12}(好|强|方便|省事|好用|快|简单)(多了|得多|很多|不少)",
        r"(您|你)(也)?(承认|同意|认可)[^？?]{0,30}(是不是|对吧|是吧|对不对)[？?]?\s*$",
        r"(您|你)[^，,。？?]{0,6}(肯定|一定)(也)?[^，,。？?]{0,8}吧[？?]\s*$",
        r"(您|你)(也|肯定|一定|应该|当然)(也)?(不)?(觉得|认为|认同|同意|希望|想|想要|知道|明白|清楚|不想).{0,40}(吧|对吧|是吧|不是吗|对不对)[？?]?\s*$",
        r"(您|你)?(也)?不(觉得|认为)",
        r"(您|你)(肯定|一定)(也)?",
        r"不是吗[？?]?\s*$",
        r"谁不(想|希望|愿意)",
        r"(您|你)应该(也)?(同意|认同|知道|明白)",
        r"没错吧",
        r"当然(想|希望|愿意)",
        r"(不能|不可能|总不能)(再)?(拖|等|这样)(下去)?(了)?吧",
        r"总不(能|想|希望)",
        r"(道理|好处)(您|你)(肯定|一定|应该)?(也)?(认同|明白|懂)",
        r"不试(试|一下)?怎么(知道|晓得)",
    ],
    [
        r"^\W*(isn'?t|aren'?t|wouldn'?t|doesn'?t) (our|this|it|that)\b.{0,40}\b(easier|better|faster|simpler|cheaper|clearer|nicer)\b",
        r"\byou must be\b.{0,50}\b(right|no)\s*\?\s*$",
        r"\bkeep (losing|wasting|paying|bleeding|falling)\b.{0,40}\?|n'?t .{0,60}, (do|would|are|will|can|is|does|have) (you|it|they|we)\s*\?\s*$|\bany (reasonable|rational) (person|manager|buyer)\b",
        r"\bdoesn'?t (that|this|it) (sound|seem|look|feel)\b|\bcan you (really|honestly) afford\b|\bhow (much )?longer can you\b|\bisn'?t (that|this) (exactly |precisely )?(what|the)\b|\bso we (agree|both agree)\b|\bwhy wouldn'?t you\b|\bno-?brainer\b|\byou'?re not (going to|gonna)\b",
        r"\bi'?m sure you('d| would)? (agree|want|see)\b|\bwe can (both )?agree\b|\bany (smart|sensible|good) (manager|leader|company|business)\b|\bwould you rather (keep|continue|lose)\b|\bdo you really want to (keep|continue|lose|risk)\b|\bcan'?t you\s*\?\s*$|\byou can see (how|that)\b",
        r",\s*(wouldn'?t|don'?t|doesn'?t|isn'?t|aren'?t|won'?t|shouldn'?t|can'?t) (you|it|they|we|that|this|he|she)\s*\?\s*$",
        r"^\W*(wouldn'?t|won'?t|don'?t|doesn'?t|isn'?t|aren'?t|shouldn'?t)\b.{0,40}\b(love|like|want|prefer|be (better|great|nice|smart|wise|good)|make sense|agree|help|benefit)\b",
        r"\b(nobody|no one|everyone|everybody) (wants|likes|needs|would)\b.{0,60}\?",
        r"\bdon'?t you (think|agree|want|feel)\b",
        r"\bwouldn'?t (you|it) (agree|say|want|like|make sense|be (better|great|nice|smart|wise|good))\b",
        r"\bisn'?t it (true|obvious|clear|time|better)\b",
        r"\bdoesn'?t it make sense\b",
        r"\bshouldn'?t (you|we) (just|really|be)\b",
        r"\bsurely\b",
        r"\byou'd agree\b",
        r"\byou must (agree|admit|see)\b",
        r"\bobviously\b",
        r"\bwho wouldn'?t\b",
        r"\bof course you\b",
        r"\byou (do|would|'d) (want|agree)\b.{0,40}\?",
        r"\bclearly you\b",
    ],
)

# --- SPIN stages (checked on the question's own clause, strongest first) ------

# A positive hypothetical: the problem solved, the gain imagined.
_ZH_IF = r"(如果|假如|要是|假设|倘若|一旦|等到|若是|万一能|设想)"
_ZH_BETTER = (
    r"(能|可以|能够|不用|不再|不必|少(花|跑|加|出)|省|缩短|提前|降(下来|到|低)|提(上去|高|升|到)|打通|解决|自动|实现|"
    r"减少|减半|翻倍|稳定(在|下来)|做到|避免|消除|看得到|看清|一目了然|腾出)"
)
_ZH_PERSIST = r"(还是|一直|继续|再这样|这样下去|不解决|没解决|解决不了|持续|依然|照旧)"
NEED_PAYOFF = cue(
    [
        r"(岂不是|不就|是不是就)(能|可以|会)?.{0,8}(省|轻松|方便|好|快|少|多了|安心|放心)|(那|这样)(该|会)(多)?(好|省心|轻松|方便)",
        r"(希望|想要|想)(达到|看到|实现)?(一个)?(什么样|怎样|怎么样)的(效果|结果|状态|目标|局面)",
        r"解决(了|掉)(以后|之后|的话)?[，,]|(省|腾|多)(下来|出来)的(时间|人|人手|钱|精力)",
        _ZH_IF + r"(?!.{0,12}" + _ZH_PERSIST + r").{0,24}" + _ZH_BETTER,
        r"(帮助|帮到|价值|好处|意义|作用|收益|回报|改善|变化|改变)(有)?多大",
        r"(有|会有|能有|带来|产生)(什么|多大|哪些|多少)(样的)?(帮助|价值|好处|意义|作用|收益|回报|改善|改变|变化|不同)",
        r"(有用|有帮助|值得|划算)(吗|么|不|嘛)",
        r"值(不值|多少)",
        r"(想|希望|最想|最希望)(从.{0,10})?(得到|收获|拿到|看到|达到|实现|变成)",
        r"(最)?(理想|希望)的(状态|结果|情况|样子|效果)",
        r"(您|你们?).{0,4}希望(看到|达到|变成|把)",
        r"希望.{0,10}(降下来|提上去|提起来|好起来|少一点|快一点|稳定下来)",
        r"解决(了|掉)?(这个|这些|以后|之后|的话)?.{0,15}(会|能|可以)",
        r"(降下来|提上去|提起来|省下来|省出来|腾出来|缩短|打通|理顺|稳住)(了)?(以后|之后|的话)?[，,]?.{0,16}(就|自然|会|能|可以|帮助|好处)",
        r"(以后|之后)[，,]?.{0,16}(帮助|价值|好处|轻松|方便|省心|省事)",
        r"(时间|人手|精力|成本|钱)(省|腾)(下来|出来)",
    ],
    [
        r"\bwould(n'?t)? (it|that|this) be (great|nice|good|better|easier|helpful|a relief)\b|\bhow (nice|great|much easier) would\b|\bimagine (being able|if|not having)\b",
        r"\b(hoping|hope|want) (for|to see|to achieve|to get to)\b|\boutcome (are you|you'?re) (hoping|looking)\b|\blike it to look\b",
        r"\b(use|spend|do with) the (time|hours|capacity|people|savings)\b|\b(solving|fixing|sorting|getting) (this|that|it)\b.{0,30}\b(matter|important|mean|worth|help)\b|\bwhy would .{0,30}\b(matter|be important)\b|\b(ran|run|runs) (itself|on its own|automatically)\b",
        r"\b(if|suppose|imagine|assuming|what if|were you able|once|say you could)\b.{0,80}\b(help|value|valuable|worth|benefit|mean|save|saving|"
        r"improve|change|difference|useful|free|easier|impact on|payoff|return|gain|do with)\b",
        r"\b(if|imagine|suppose|what if|once)\b.{0,60}\b(could|were able|no longer|didn'?t have to|nobody had to|never had to|cut|halve|automat|eliminat)",
        r"\bwould (it|that|this) (help|be (useful|valuable|worth|helpful))\b",
        r"\bhow (would|could|might) (that|this|it|having|solving|fixing|cutting)\b.{0,40}\b(help|change|affect|impact|benefit)\b",
        r"\bwhat would (it|that|this) (mean|be worth|do for|change|free|give)\b",
        r"\bhow (valuable|useful|important|helpful) would\b",
        r"\bwhat difference would\b",
        r"\bwhat would (success|good|great|ideal|better) look like\b",
        r"\bwhy is (that|this|it) (so )?important\b",
        r"\bwhat would you (gain|get|do with)\b",
        r"\bworth (it|to you|fixing|solving)\b",
        r"\bwhat'?s in it for\b",
        r"\bwhat do you (want|hope|need) to (get|gain|see) out of\b",
        r"\bhow would .{0,50}\b(play|look|land|go down|reflect)\b.{0,10}\b(for|with|on) (you|your)\b",
        r"\bmake sense to (fix|solve|address|sort|tackle)\b",
        r"\bfree (\w+ ){0,2}up\b",
        r"\bideal (outcome|state|world|scenario)\b",
    ],
)
IMPLICATION = cue(
    [
        r"引起了?(怎样|什么|多大|哪些)的?(关注|影响|反应|后果)|(集团|上面|领导|总部|市里|客户|老板)(那边)?(怎么看|什么反应|有什么说法|会怎么想)|落谁头上|(考核|指标)(要是)?(没过|完不成|没达标)",
        r"(一年|一个月|每年|每个月|一次|一天)(下来|算下来).{0,8}(多少钱|多少万|几万|多少成本|多少)|得(花|赔|亏|多花|搭)(上)?(多少|几)|(算|折)(下来|成钱)",
        r"被动|难做|难堪|吃亏|(了)?(以后|之后)[，,].{0,12}(变化|下降|减少|流失|受影响)|拖到|会出什么(状况|问题|事|乱子)",
        r"(会|又|就)(怎么样|怎样|如何)|后面(的)?.{0,8}(怎么办|会怎样|会怎么样|受影响)|压力(大|有多大)|让(您|你).{0,10}(压力|被动|难做|为难)",
        r"影响",
        r"后果",
        r"代价",
        r"损失",
        r"导致",
        r"造成",
        r"带来(了)?(什么|哪些|多少|多大)",
        r"连带|连锁|牵连|波及|拖累",
        r"意味着什么",
        r"(多花|多付|浪费|多出)(了)?(多少|几)",
        r"罚(款|了|多少)",
        r"赔(了|偿|多少)",
        r"(一年|每年|每个?月|一个月|每周|一周|每天|一天|一次)(下来)?.{0,12}(损失|浪费|多花|罚|赔|亏|成本|花|搭进去)(了|掉)?(多少|几)",
        r"流失(了)?(多少|几|哪些)",
        r"丢(了|掉)?(多少|几|哪些)",
        r"下游",
        r"会不会(影响|耽误|拖累|连累)",
        r"对.{1,12}(有|造成|带来|产生)(了)?(什么|哪些|多大)",
        r"(压力|麻烦)(有)?多大",
        r"不解决(的话)?",
        r"长期(下去|这样)",
        r"(还是|一直|继续|再)这样(下去)?",
        r"再拖|拖下去",
        r"怎么(跟.{1,8})?交代",
        r"(老板|领导|客户|集团|总部|上面|董事会).{0,6}(怎么看|什么反应|怎么说|有意见|不满)",
        r"(损失|代价|成本|开销)(有)?多(少|大|高)",
        r"(加班|返工|退货|停机|停线)(费|成本|的钱)",
    ],
    [
        r"\bwhat (does|did|would|will|do) .{1,30} do to (your|the|our|their|you|them)\b|\bwhat does (that|it) do to\b|\bhow (is|was) (that|it) (landing|received|going down)\b|\bwho (notices|feels it|gets hit|pays for it)\b|\bin money\b|\bwhat (that|it) looks like in (money|dollars|cost)\b",
        r"\b(landing|going down) with\b|\bhow (are|is) (your )?(customers|clients|people|staff|the board|management|team) (reacting|taking it|responding)\b|\bput\w* .{0,25}\bat risk\b|\bjeopardi[sz]\w*|\bthreaten\w*",
        r"\bend up\b|\bgenerat\w+\b|\bhow much (overtime|rework|scrap|waste|expediting|downtime)\b",
        r"\bimpact",
        r"\baffect",
        r"\beffect on\b",
        r"\bconsequence",
        r"\bcost(s|ing)? (you|the business|the company|them|your|us)\b",
        r"\bhow much (does|is|did|would|are|has|have) .{0,40}(cost|costing|lose|losing|set you back)",
        r"\blos(e|ing|t) (\w+ ){0,2}(money|customers?|clients?|revenue|business|orders?|deals?|sales|accounts?|contracts?|people|staff|margin|share)\b",
        r"\bresult(s|ed)? in\b",
        r"\blead(s)? to\b",
        r"\bknock-?on\b",
        r"\bripple\b",
        r"\bdownstream\b",
        r"\bwhat happens (when|if|to|next|then|after)\b",
        r"\bhow (serious|big a deal|bad)\b",
        r"\bpenalt",
        r"\bchurn",
        r"\bwhat does (that|this|it) mean for\b",
        r"\bmeans? for (you|your|the)\b",
        r"\bif (nothing|that doesn'?t|it doesn'?t) change",
        r"\bspill over\b",
        r"\bwhat('s| is) (that|it|this) costing\b",
        r"\bwho (else )?(feels|suffers|notices|gets hit|pays)\b",
        r"\bhow does (that|this|it) (play out|hit|land)\b",
        r"\b(push|drive|drove|pushed|driven|driving|pushing)\s+up\b",
        r"\beat(s|ing)? into\b",
        r"\b(hurt|hurting|damag|dent)\w*\b",
        r"\bchange(d)? how .{0,25}\b(treat|see|view|rate|work with)",
        r"\banother (quarter|month|year|week|season|round|peak) of\b",
        r"\b(overtime|expedit\w*|freight|rework) (bill|cost|spend|fees?)\b",
        r"\bwhat did (that|it|this) cost\b",
        r"\bon (top of|the back of) (that|this)\b",
        r"\bpressure (on|from)\b",
    ],
)
PROBLEM = cue(
    [
        r"放心不下|不踏实|不放心|睡不着|膈应|闹心|烦心|糟心|别扭|犯愁|发愁|愁人|操心",
        r"最怕|怕(的是|什么)|状况|出岔子|坑|意见|(最)?(花|费|耗)(时间|精力)|最忙|头大",
        r"难题|毛病|缺点|不足之处|差强人意|不到位|不给力|吃不消|忙不过来|应付不过来|顾不过来|捉襟见肘|力不从心|漏洞|卡点|堵点|难受|闹心|糟心|烦心|不省心|不靠谱|不稳定|掉线",
        r"短缺|积压|呆滞|超期|超时|延期|等待|排队|返修|报废|损耗|偏差|波动|不一致|对不齐|打架|扯皮|推诿|脱节|断层|孤岛|不透明|看不清|看不到|不及时|滞后|拍脑袋|靠经验|依赖(人|老师傅|个人)|人一走",
        r"(稳定|准|准确|及时|够用|跟得上|顺利|顺畅|靠谱|好用|方便|精确|可靠|够)(吗|不|么|[？?])|(准|稳|够|快|顺|灵)不(准|稳|够|快|顺|灵)|好不好用|方不方便|(有没有|是否|有无)(遇到|碰到|出现)(过)?",
        r"费劲|费事|费时|费力|耗时|难办|难搞|折腾|卡脖子|拖后腿|不顺手",
        r"(?<![没无])(?<!没有)(?<!不是)问题(?!不大)",
        r"困难|难点|难处|挑战|痛点|麻烦|头疼|头痛|不满|满意|不方便|不足|短板|瓶颈|卡(在|住|壳)|不顺|顾虑|担心|担忧|抱怨|吐槽|不好用",
        r"改进|改善|更好(的地方)?|不理想|哪里不|哪些地方不|最让(您|你)|困扰|烦|吃力|跟不上|出错|错(发|漏|误)|故障|停机|宕机",
        r"延迟|延误|拖期|返工|投诉|退货|不够|(?<!很)难(?!道)|累|别扭|掉链子|不放心|操心|希望(改|变)",
        r"没(推|做|搞|弄|用)(下去|成|动|起来)|失败|搁浅|黄了|不准|对不上|乱|慢|误差|异常|隐患|缺人|离职|流动|人手",
        r"(情况|次数|比例)(多|高|严重)(吗|不)|(多|高|严重)不(多|高|严重)",
    ],
    [
        r"\bkeeps? you (up|awake)\b|\bnag(s|ging)? (at )?you\b|\bgives? you (headaches|grief)\b",
        r"\btime sink\b|\btakes the most time\b|\btime-consuming\b|\beats up\b|\bstuck\b|\bfall\w* through the cracks\b|\bweak(est)? (link|spot|point)s?\b|\bnot going (well|smoothly)\b|\bnot (great|ideal)\b|\bbiggest risk\b|\bwhat worries\b",
        r"\b(tough|tricky|messy|clunky|friction|inefficien\w*|workarounds?|blind spots?|disconnect\w*|silos?|out of sync|mismatch\w*|discrepanc\w*|slip\w*|stockouts?|crash\w*|outages?|glitch\w*|bugs?|broken)\b",
        r"\b(not working|what would you fix|where does it hurt|sticking points?|pain points?|keeping up|fall(ing)? behind)\b",
        r"\bhow well (is|does|are|do)\b|\bis (it|that|the \w+) (reliable|accurate|fast enough|working|keeping up)\b|\bhow (reliable|accurate|stable) (is|are)\b",
        r"\bget\w* in the way\b|\bstand\w* in the way\b|\bhold\w* (you|things|the team) back\b|\bslow\w* (you|things) down\b|\bwish (it |things |that |this )?(worked|were|was|could|did)\b|\bwork(ed|s)? better\b|\bcould be better\b|\blos(e|ing|t) (the most |so much |a lot of )?time\b",
        r"\bmiss(es|ed|ing)? (a |the |your |any )?\w*\s?(deadline|window|target|date|delivery|sla|shipment)s?\b|\b(happy|pleased|content) with\b",
        r"(?<!no )(?<!not a )\bproblem",
        r"\bissue",
        r"\bchalleng",
        r"\bdifficult",
        r"\bpain",
        r"\bstruggl",
        r"\bfrustrat",
        r"\bconcern",
        r"\bworr",
        r"\bcomplain",
        r"\bbottleneck",
        r"\bheadache",
        r"\bsatisf",
        r"\bunhappy",
        r"\bnot working\b",
        r"\bgo(es)? wrong\b",
        r"\bimprove",
        r"\bfix\b",
        r"\bbreak(s|ing)? down\b",
        r"\bfail",
        r"\bslow",
        r"\bkeep(s)? you up\b",
        r"\bhardest\b",
        r"\bgaps?\b",
        r"\bshortcoming",
        r"\bdislike",
        r"\bannoy",
        r"\bwhat would you change\b",
        r"\btrouble",
        r"\bfall(s|ing)? short\b",
        r"\brework\b",
        r"\berrors?\b",
        r"\bmistakes?\b",
        r"\bdelay",
        r"\bdowntime\b",
        r"\bscrap\b",
        r"\bwaste\b",
        r"\bcrept up\b|\bcreep",
        r"\bcaus(e|es|ing)\b",
        r"\bbehind\b",
        r"\b(always|often|constantly|running|too) late\b|\blate (shipments|deliveries|orders)\b",
        r"\bbacklog",
        r"\bturnover\b",
        r"\battrition\b",
        r"\bshortage",
        r"\bget(s)? in the way\b",
        r"\bgo(es)? (up|down) when\b",
    ],
)

# --- acts ---------------------------------------------------------------------

_ZH_TITLE = r"(总|经理|主任|工|老师|院长|局长|处长|科长|部长|厂长|董|主管|总监|先生|女士|姐|哥|书记|行长|所长|教授|博士|律师)"
GREETING = cue(
    [
        r"^.{0,12}(你好|您好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|新年好|过年好|节日快乐|幸会|久仰|好久不见|又见面了|初次见面)",
        r"^.{0,8}" + _ZH_TITLE + r"[，,！!\s]*(好|早)[，,！!。\s]",
        r"^.{0,16}(感谢|谢谢|多谢)(您|你)?(今天)?(抽(出)?(空|时间)|百忙|拨冗|接待|愿意见|能见|见我|安排(时间|这次)|给(我)?(这个)?(机会|时间))",
        r"^.{0,12}(?<![不多别])(打扰(了|您了)|冒昧(打扰|来访)|很高兴(认识|见到|来))",
    ],
    [
        r"^\W*(hi|hello|hey|good (morning|afternoon|evening|day)|greetings|morning|afternoon)\b",
        r"^.{0,20}\b(thanks|thank you) (so much |very much )?for (your time today|having me|seeing me|meeting (me|with me)|making (the )?time|taking the time|fitting me in|the invite)",
        r"^.{0,20}\b(nice|great|good|lovely|pleased|glad) to (meet|see) you\b",
        r"^.{0,20}\b(pleasure|good) (to meet|meeting) you\b",
        r"^.{0,20}\bi (really )?appreciate (you|your) (seeing|taking|making|meeting|time)",
    ],
)
UNDERSTANDING = cue(
    [
        r"^(是|嗯|对)[，,！!。]|(肯定|确实|当然)要(慎重|谨慎|考虑)|(慎重|谨慎)(是)?(对|应该)的|应该的|理解理解",
        r"(?<![不没])(?<!这么)(?<!这样)(?<!我来)理解(?!错|得?(不)?(对|没错|准|到位|的对|有没有|是否|一下|为)|(下来)?(您|你们)?(的意思)?是)",
        r"(?<![不没])明白(?!了吗|吗|你的意思吗|您的意思吗)",
        r"懂(您|你)|我懂|^懂了|[，,。]懂了|搁(我|谁)(我)?(也|都)|换(我|谁)(也|都)|要是我(也|都)|(我|谁)(也|都)(会)?犯嘀咕|能理解",
        r"(^|[，,。！!；;：:\s]|嗯|哦|啊|是|对|那|这|您说的|您讲的|你说的)(确实|的确)",
        r"没错(?!吧)",
        r"(?<![没不])有道理",
        r"说得(对|是|在理|有道理|没错)",
        r"说的(对|是|在理|有道理|没错)",
        r"能体会|能感受到|感同身受",
        r"很正常|挺正常|正常的",
        r"(这种|这类|这样的)?(情况|事|事儿|问题|顾虑|担心)(太|很|挺|非常|比较|其实)?(常见|普遍)",
        # Taking the buyer's point as weighty: "这个太关键了", "您提的这点很重要".
        r"^(您|你)?(说|提)?(的)?(这|这个|这一?点|这个问题)(太|很|非常|特别|真的)(关键|重要)",
        r"可以理解|完全理解|非常理解",
        r"换(作|做|成)?(是)?我(?!们).{0,10}(也|同样|一样)|换(作|做|成)(是)?我|如果我是(您|你)|要是我(是(您|你)|在(您|你)的位置)|我(要是|如果)是(您|你)|站在(您|你)的(角度|立场)",
        r"我也会(这么|这样)",
        r"(这个|您的|您这个|这种|这样的|这些)(顾虑|担心|考虑|想法|疑虑|担忧)(很|非常|完全|挺|特别)?(正常|合理|对|有道理|能理解|可以理解|我懂|实在|现实)",
        r"感谢(您|你)(的)?(坦诚|直接|提醒|告诉|信任|分享)",
        r"谢谢(您|你)(的)?(坦诚|直接|提醒)",
        r"(您|你)考虑得(很|非常)?(周到|全面|对|细)",
        r"问得好|好问题|是个(好|关键)问题",
        r"完全(认同|同意)",
        r"我(非常|很|完全)?(认同|同意)(您|你)",
        # Formal register: "您所言极是", "理应如此", "这一点我十分认同".
        r"所言(极是|甚是|有理|不虚)|言之有理|理应如此|理所应当|合情合理|情理之中|无可厚非|人之常情",
        r"(这一?点|这个)?我(也)?(十分|非常|很|完全|深表)(认同|赞同|同意)",
        r"(很|非常|挺)合理",
        r"谨慎(一点|些)?是(对|应该)的",
        r"(肯定|当然|自然)(会)?有(感情|顾虑|压力|担心|考虑)",
        r"(是|这是)(个)?(大事|大决定|大项目|重要的决定)",
        r"不容易|难怪|怪不得|辛苦(您|你们)?了",
        r"确实(是)?(有点|有些|稍微|会)?(贵|高|慢|难|麻烦|复杂|不便宜|折腾)",
        # Feeling the buyer's bad experience with them: "这种事儿最伤人", "搁谁都闹心".
        r"(这|那)(种|样的|个)?(事儿?|情况|经历)(最|真|是挺|挺|太|确实|可)(伤人|闹心|糟心|窝火|憋屈|上火|头疼|恼火|让人(上火|头疼|窝火|寒心))",
        # Conceding the point: "流程长是肯定的，这个咱得认", "这个得认".
        r"(这个|这点|这一点)(咱|我们?)?(得|要|必须)认|是(肯定|必然|免不了)的[，,。！!]",
        r"我知道(您|你们)?(的)?(难处|顾虑|意思|压力)",
        r"^(当然|那当然|肯定的|是的|对)[，,！!。]",
    ],
    [
        r"\bthat'?s (?!not\b|hardly\b|never\b)(\w+ )?(valid|legitimate|reasonable|fair|understandable|natural|normal|a good point)\b",
        r"\bsounds (really |so |very |pretty |incredibly )?(tough|frustrating|painful|hard|stressful|rough|exhausting|difficult)\b",
        r"^\W*(ouch|oof)\b|\bthat (kind of thing |sort of thing )?(stings|hurts)\b|\bno argument (there|from me)\b|\bcan'?t argue with that\b|\bi'?ll (give|grant) you that\b",
        r"\bi (totally |completely )?get it\b|\b(totally|completely|absolutely) fair\b",
        r"^\W*(totally|completely|i|yeah,? i) get (it|that)\b|(^|[,;]\s*)fair( enough| point)?\s*[.!]|\b(we'?re|i'?m) not the cheapest\b",
        r"\bi (completely |totally |fully |really )?understand\b",
        r"^\W*understood\b",
        r"\bi see (why|what you mean|your point|where|that)\b",
        r"^\W*i see\b",
        r"\b(that )?makes (total |complete |perfect )?sense\b",
        r"\bfair (point|enough|question|concern)\b",
        r"^\W*(that'?s )?fair\b",
        r"\bgood point\b",
        r"\bi hear you\b",
        r"\bi (figured|thought|guessed) you'?d say (that|so)\b|\b(totally|completely|i) hear (you|that)\b|\bfair enough\b|\bi get (it|that)\b",
        r"\bunderstandabl",
        r"(?<!did )(?<!do )\bi (totally |completely )?get (that|it|why|where you)\b",
        r"\bi appreciate (that|you|your|the)\b",
        r"\byou'?re (absolutely |quite )?right\b",
        r"\bthat'?s (a )?(valid|legitimate|reasonable|fair)\b",
        r"\b(legitimate|valid|reasonable|real|common) concern\b",
        r"\bi can see why\b",
        r"\bin your shoes\b",
        r"\bno wonder\b",
        r"\bthat'?s (a )?(great|good|important) question\b",
        r"\b(completely|totally|fully) agree\b",
        r"\bthanks for (being|your) (frank|honest|candid|openness)",
        r"\bi'd feel the same\b",
        r"\bi'?m with you\b",
        r"^\W*(of course|naturally|absolutely|totally|certainly),? (it's|that'?s|you|a|this)\b",
        r"\b(big|important|major|serious) decision\b",
        r"\bthat must be\b",
        r"\bsounds (tough|frustrating|painful|hard|like a lot|stressful|rough)\b",
        r"\bi can (only )?imagine\b",
        r"\bi know (what you mean|the feeling|how (that|it) (feels|is))\b",
        r"\byou (have|'ve got) a (point|fair point)\b",
        r"\bthat'?s (tough|frustrating|rough|hard|a lot)\b",
        r"^\W*(agreed|totally|absolutely|fair)[.!,]",  # a bare "Right." is a filler, not an acknowledgement
    ],
)
# The turn after an acknowledgement: "我理解，不过…", "I hear you. That said, …". What
# follows decides whether the acknowledgement stands (a question about the concern) or
# is taken back (an argument for us).
TAKE_BACK = cue(
    [
        r"但是|不过|可是|然而|(?<![不])但(?!凡)|其实|关键是|问题是|说实话|说句(实在|实话|老实)话|可(?=[\u4e00-\u9fff]{0,2}(我们|咱们|这|您|你))"
    ],
    [
        r"\b(but|however|that said|having said that|still|though|the thing is|honestly|actually|the truth is|even so)\b"
    ],
)
# Claims that an offer is worth it or better than the rest: the argument a take-back makes.
VALUE_CLAIM = cue(
    [
        r"物有所值|物超所值|值(这个价|这个钱|得)|回本|(是|算)(一笔|一种|一项)?投资|一分钱一分货|性价比|划算|一流|顶尖|最好|最强|领先|第一|强(多了|得多|很多)|(比|胜过).{0,10}(好|强|快|稳|省|可靠)|更(好|强|快|稳|省|可靠|专业)|绝对(没问题|放心|靠谱)|(完全|绝对)可以放心|没(有)?(任何)?问题的"
    ],
    [
        r"\b(investment|worth (it|the money|every|the price|the investment)|pays? (for )?itself|payback|roi|value for money|far better|much better|way better|better than|number one|#1|the best|best in|leading|first-class|world-class|top-notch|can'?t match|nobody else|no one else|second to none|industry standard|no-brainer)\b"
    ],
)
# A question that pushes the buyer to agree with a claim: "Isn't that worth it?",
# "Wouldn't you agree?", "您不试试怎么知道呢？".
PUSH_QUESTION = cue(
    [
        r"不试(试|一下)?怎么(知道|晓得)|(您|你)说(划算|值)不(划算|值)|难道不|何乐而不为",
        r"(是不是|对吧|对不对|是吧|不是吗|(您|你)说呢|没错吧)[？?]?\s*$",
    ],
    [
        r"^\W*(isn'?t|aren'?t|wouldn'?t|won'?t|doesn'?t|don'?t|shouldn'?t|can'?t|wasn'?t) (that|it|this|you|they|we|those|these)\b",
        r"\b(right|correct|agreed|yes|yeah|no|don'?t you think|wouldn'?t you (say|agree)|isn'?t it|aren'?t they)\s*\?\s*$",
    ],
)
# Naming the time of a step: "How about Tuesday?", "下周三行吗？".
SCHEDULE_ASK = cue(
    [
        r"(下|这|本)?(周|星期|礼拜)[一二三四五六日天末]|下周|明天|后天|几号|哪天|什么时候方便|月底|月初|\d+号"
    ],
    [
        r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|this week|later this week|end of the week|\d{1,2}(:\d\d)? ?(am|pm)|what time works|which day)\b"
    ],
)
ARGUMENT = cue(
    [
        r"(您|你)(其实)?是需要的|(只是|就是)?(还)?没意识到(而已)?",
        r"^(不会的|不会不会|没有的事|哪有的事|不可能)[，,！!。]|(根本|压根|完全|绝对)不(可能|存在|会有)",
        r"(说法|观点|看法|担心|顾虑)(不太|并不|不)?(站得住|成立|准确|存在|必要)|(是)?多余的",
        r"老黄历|早就不是这样|早(就)?不是(那|这)么回事|不是(您|你)(说|想)的那样|没有(您|你)(说|想)的那么",
        r"我(得|要|必须)纠正|纠正(一下)?(您|你)",
        r"(并|其实|根本|压根)不(高|贵|复杂|难|长|慢|麻烦|是问题)",
        r"哪里(复杂|贵|难|麻烦|慢|长|不好|差|有问题)了",
        r"(您|你)(可能)?(搞错|弄错|误解|低估|高估|想错)了",
        r"这(是|就是)(个)?(误区|偏见|误解)|不存在(这个|这种)?(问题|风险)|完全没必要担心",
        r"(您|你)(这个?|的|这种)?(说法|看法|观点|想法|理解|判断|话)?(是)?(不对|不正确|有问题|错了|站不住|不成立|太片面|片面|过时)",
        r"(^|[，,。！!])\s*不对[，,。！!]",
        r"(这|那)(可|就|真)?不是这样|不是这么回事",
        r"(您|你)(这么|这样)(说|讲|想)(可|就|其实)?(不对|不太对|不准确|有问题|片面)",
        r"不可能(的)?[！!。]",
        r"(您|你)(根本|完全|还)?(不懂|不了解|没(明白|搞懂|理解|搞清楚|弄明白))",
        r"(您|你)想多了|(您|你)多虑了|(您|你)这是(误解|偏见)",
        r"没有道理|没道理",
        r"恕我直言",
        r"我(可|真|并|实在|完全)?不(同意|认同|赞同)",
        r"(您|你)误会了",
        r"(那|这)是因为你们|这是你们(自己)?的问题",
        r"(您|你)(太|有点|也太)(保守|落后|固执|外行|较真)",
        r"哪有(什么)?(风险|问题|那么|这么)",
        r"(根本|完全|压根|一点(都|也)|绝对)(不|没)(会|有|是|公平|对|合理|长|贵|复杂|难|高|多|慢|麻烦|存在|需要|用|影响)",
        r"明明",
        r"(您|你)?听我说完",
        r"怎么(会|可能)(没|不)?(有)?(问题|需要|用|行|好)",
        r"(您|你)(不)?(应该|必须|得)(明白|知道|清楚|承认)",
        r"不是我说(您|你)",
        r"(拿|跟).{1,10}比.{0,6}(不公平|没意义|不合适|没法比)",
        r"(您|你)(这|那)(就)?(是)?(不懂行|外行话)",
    ],
    [
        r"\b(that'?s|that is|this is) (simply |just |really |actually )?(not accurate|inaccurate|a misconception|untrue|false|not correct|outdated thinking|not quite right)\b",
        r"\bi (have to|need to|must|'?ve got to) (push back|correct you|disagree)\b|\bpush back on that\b",
        r"\byou'?re (comparing apples|underestimating|overestimating|misreading|confusing|missing)\b",
        r"^\W*no,? no\b|\bquite the opposite\b|\bon the contrary\b|\bcouldn'?t be further from the truth\b",
        r"\b(that|this|your) (argument|logic|reasoning|assumption) (doesn'?t|does not|won'?t) (hold|stand|work)\b",
        r"\byou'?ve got (it|that) (all )?wrong\b|\brespectfully,? you\b|\bthere'?s no way (that|it)\b|\bthat (won'?t|will never) happen\b",
        r"\bwhat'?s (so )?(complicated|hard|difficult|expensive|risky) about\b",
        r"\byou'?re (just )?(wrong|mistaken|missing the point|kidding)\b",
        r"\bthat'?s (just |simply |plainly |really )?(not true|not right|incorrect|wrong|a myth|not how it works|not the case|nonsense|ridiculous)\b",
        r"\byou don'?t (really )?(understand|get it|see)\b",
        r"\byou misunderstand",
        r"\bwith (all due )?respect,? (that'?s|you'?re|you)\b",
        r"\bi (completely |totally |strongly |have to )?disagree\b",
        r"\byou need to understand\b",
        r"\bfrankly,? you\b",
        r"\bno offen[cs]e,? but\b",
        r"\bnot true\b",
        r"\bthere'?s (really |absolutely |simply )?no risk( at all)?\s*[.!]?\s*$",
        r"\byou'?re being (too |a bit |overly )?(cautious|conservative|old-fashioned|unreasonable|short-sighted|paranoid)\b",
        r"\blet me finish\b",
        r"\bcome on\b(?! (board|over|in|by|site|down))",
        r"\bhow (can|could) (it|that|this|you|they) .{0,60}\bwhen\b",
        r"\bthat'?s not (a|the|really a) (real )?(problem|issue|risk)\b",
        r"\byou (do|really do|absolutely) need\b",
        r"\bactually,? (it's|that'?s) not\b",
        r"\byou can'?t (seriously|really|honestly) (think|believe)\b",
        r"\bthat makes no sense\b",
        r"\bthat'?s (an )?(excuse|exaggeration)\b",
    ],
)
# Putting the talk off until the buyer's circumstances change, with no step of
# one's own: "那就等明年预算下来再说吧", "let's revisit when the budget opens up".
# It reads like a next meeting ("再聊") but commits no one to anything.
DEFERRAL = cue(
    [
        r"(那就|那|就)等(到)?(明年|下半年|年后|年底|预算(批)?下来|有预算|您那边|你们那边)[^，。！？]{0,8}(再说|再聊|再联系|再谈|再找您)(吧)?"
    ],
    [
        r"\b(let'?s|we can|we'?ll|i'?ll) (revisit|circle back|pick (this|it) (back )?up|reconnect|talk again) (when|once|after|next year|in the new year)\b"
    ],
)
GIVE_UP = cue(
    [
        r"不(再)?(来)?(烦|打搅)(您|你)了",
        r"(不|别)(再)?(勉强|多说|多打扰|强求|为难)(您|你)?了",
        r"(您|你)先忙(吧|着)?[，,。！!]?",
        r"有(需要|需求|事|想法)(的话)?.{0,4}(再|随时)?(联系|找|打给|招呼)(我)?",
        r"随时招呼|我撤了|先撤|先回了|那我走了",
        r"(那|就)(今天|先)?(就)?(先)?这样(吧)?[，,。]?.{0,6}(有需要|需要的话|您忙|再见|回头)",
        r"祝(您|你们?)(生意兴隆|一切顺利|工作顺利)",
        r"那好吧",
        r"(那|就)(就)?算了",
        r"不(再)?打扰(您|你)?了",
        r"(那|我)(就|也)?(先)?不(多)?(耽误|打扰|浪费|占用)(您|你)?(的)?(时间)?了",
        r"(那|我)(就)?先(走|回去|撤)(了)?",
        r"先撤了|告辞",
        r"下次再说|以后再说吧",
        r"(考虑|想|商量|研究)(好|清楚|完)了?(以后|之后)?再(说|联系|聊|找我)",
        r"有机会再(聊|合作|说)",
        r"等(您|你)(有)?需要(的时候)?再",
        r"(您|你)需要的时候(再|随时)",
        r"有需要(的话)?(再|随时)(联系|找|打)",
        r"那就这样吧",
        r"(那|我)(就|们)?(等|静候)(您|你)(的)?(消息|通知)",
        r"(好|行)的?[，,]?那(我)?(就)?(先)?(这样|走了|回去)",
        r"打扰(您|你)了[，,]?(再见|我先)",
        r"谈不成|没戏了|没希望了",
        r"(既然|那).{0,12}(定了|签了|不需要|没需求|不考虑).{0,8}(我|那)(就)?(不|先|算)",
    ],
    [
        r"\bget out of your hair\b|\bnot (a|the right) fit\b|\bthanks anyway\b|\bhave a (good|great|nice) (one|day)\b",
        r"\bi won'?t (push|bother|keep you|take (up )?more)\b|\bstop wasting your time\b|\byou know where to find me\b",
        r"\bif (anything|something|that) changes\b|\bno hard feelings\b",
        r"\bokay,? (then|never mind)\b",
        r"\bsorry (to bother|for bothering|for taking)\b",
        r"\bi'll let you go\b",
        r"\bi won'?t take (up )?(any )?more of your time\b",
        r"\bnever mind\b",
        r"\bmaybe (another|some other) time\b",
        r"\bi'll (leave it|get out of your way|go|be on my way|leave you (to it|alone|be)|stop (calling|bothering|emailing))\b",
        r"\bif you ever (need|change your mind)\b",
        r"\bcall me if\b",
        r"\b(feel free to )?reach out (if|whenever|when|should)\b",
        r"\bno (worries|problem),? (then|i'll)\b",
        r"\bi'll wait (to hear|for your call)\b",
        r"\bunderstood,? (i'll|thanks for your time)\b",
        r"\bthanks for your time,? (bye|goodbye)\b",
        r"\btake you off (my|our) (list|calls|database)\b",
        r"\bwon'?t (bother|call|contact|trouble) you (again|anymore|further)\b",
        r"\bfair enough,? (i'll|then|thanks)\b",
        r"\b(i guess|guess) (that'?s|it's) (it|a no)\b",
        r"\bgood luck with\b",
    ],
)
# A price cut or commercial concession.
DISCOUNT = cue(
    [
        r"(可以|就|都|先)不收(钱|费|您钱|您的钱)?(?!据)|(?<!不)免(收|掉)(了)?",
        r"内部价|员工价|出厂价|批发价|友情价|优惠价|让(您)?(两|几|\d|[一三四五])个点|对折|(打|按)[一二三四五六七八九]折",
        r"便宜(点|些|一点)给(您|你)|价格(方面|上|这块)?(您)?(放心|好商量|好说)|(申请|争取|要)(个|一个|一下)?.{0,4}(内部|特殊|优惠|最低)?价",
        r"(给|帮|申请|争取|可以|能|再|多|额外|特别|专门|算|按|打|还能|就给)(您|你们?)?.{0,6}(打折|折扣|优惠|便宜|降价|让利|特价|减免|返点|返利)|(打折|折扣|优惠|便宜|降价|让利)(给|送)(您|你们?)",
        r"(?<![不没])[一二三四五六七八九]折|\d(\.\d)?折|少收(点|一点|些|您|你|[\d一二两三四五六七八九十百千万])|(我们|我|可以|就|再)少收|成本价|底价给|最低价给|(按|以|用)(成本价|底价|最低价)",
        r"价格.{0,6}(可以|能|好)(谈|商量|再低|低一些|降|让)",
        r"(回去|跟公司|向公司|找领导|跟领导)(问问|申请|请示|争取|商量).{0,12}(再低|低一点|低一些|便宜|优惠|折扣|降)",
        r"价格(方面|上)?(好说|好商量|不是问题|可以再谈)",
        r"(再|给(您|你们?))(降|减|让|优惠|便宜|打折)",
        r"砍(一|掉)?(点|些|\d)|抹(个|掉)?零|半价|买.{0,4}送",
        r"(免|减)(掉|了|去|收)(您|你们?)?.{0,4}(费|钱)|不收(您|你们?)?.{0,6}(费|钱)|(费|费用)(我们)?(就|都|全)?(免|不收|减半|打折|包了|我们(来)?(出|承担))",
        r"全免|免单|免收",
        r"(再|多|额外|另外)(送|赠|给)(您|你们?)?.{0,4}(一|两|三|半|\d)(年|个月|套|次|台|个|份|天)",
        r"(送|赠送)(您|你们?)?.{0,4}(一|两|三|半|\d)(年|个月|套|次|台)?.{0,3}(维保|服务|培训|质保|保修|账号|license|升级)",
        r"赠送|白送|附送",
        r"免费(的)?(运维|维护|升级|培训|实施|账号|用户|模块|使用一年|延保|服务(一|两|三|\d)年)|(再|另外|额外)(加|送|给)(您|你们?)?.{0,4}免费",
        r"(送|赠)(您|你们?)?.{0,4}(一|两|三|半|\d)(年|个月).{0,3}(运维|维护|服务|升级|培训)",
        r"(申请|争取|帮您)(一下|了)?.{0,8}(优惠|折扣|特价|特批|让利|减免|全免|免费|底价)",
        r"(再|给(您|你们?)|帮(您|你们?)|可以|能)(降|减|便宜|让)(了|掉)?.{0,3}(\d+|[一二两三四五六七八九十])(个点|%|成|万|千|块)",
        r"跟.{0,8}(一样的|同样的)?价(格|钱)?(走|给|做)|按.{0,6}(的)?价(格|钱)?给",
    ],
    [
        r"\b(shave|knock|take|cut|trim)\b(\s+\w+){0,3}?\s+(\$?\d+\w*|five|ten|fifteen|twenty|thirty|a few|some|another)\b.{0,25}\boff\b",
        r"\b(\d+|five|ten|fifteen|twenty) ?(%|percent|per cent) off\b",
        r"\bwhat i can do on (the )?price\b|\bsharpen (our|the|my) (pencil|price)\b|\bbest and final\b",
        r"\bdiscount",
        r"\d+ ?(%|percent|per cent) off\b",
        r"\b(make|do|get|let you have|give you) (it|this|that|them)( \w+)? cheaper\b|\bcheaper (for you|price|rate|deal|option for you)\b|\bgo cheaper\b",
        r"\b(lower|drop|reduce|cut|bring down|sharpen) (the |our |my )?(price|fee|rate|quote|number)",
        r"\bprice cut",
        r"\b(special|introductory|preferential|loyalty|best) (price|pricing|deal|offer|rate)\b",
        r"\bwaive",
        r"\bthrow (it |that |those |them )?in\b",
        r"\bknock .{0,30}\boff\b",
        r"\b(take|shave) .{0,25}\boff (the )?(list |sticker )?(price|total|quote)\b",
        r"\bmatch (their|the|that|your|his|her|its) (price|quote|offer|number)",
        r"\bprice[- ]match",
        r"\bprice (is )?negotiable\b",
        r"\bat cost\b",
        r"\bsweeten",
        r"\b(another|extra|additional) (\d+|five|ten|two|three) ?(%|percent|per cent)\b",
        r"\b(free|complimentary) (months?|year|licen[cs]es?|seats?|support|maintenance|installation|training|upgrades?|onboarding)\b",
        r"\b(first|one|two|three|\d+) (months?|years?) (free|on us|at no (extra )?cost)\b",
        r"\bon the house\b",
        r"\b(on us(?! to\b)|for free|at no (extra )?(cost|charge)|no charge)\b",
    ],
)
# Giving something for nothing counts as a concession only when it isn't a
# pilot or an assessment ("a free pilot is not a discount").
FREE_ONLY = rx(
    r"赠送|白送|附送|免费|不收(您|你们?)?(的)?(钱|费|费用|一分钱)|\bfor free\b|\bon us\b(?! to\b)|\bat no (extra )?(cost|charge)\b|\bno charge\b|\bfree\b|\bcomplimentary\b|\bon the house\b",
    re.I,
)
PITCH_SELF = cue(
    [
        r"咱们的(产品|方案|系统|平台|设备|软件|技术|服务)|我方|本(产品|系统|平台|方案)",
        r"我们(公司|的|这|家|自己|产品|方案|系统|平台|团队)?",
        r"^(这套|这款|这个|该|本|咱们这套)?(系统|平台|产品|设备|软件|模块|APP|app|小程序)(?!.{0,3}(吗|呢))",
        r"我司|本公司|咱们的(产品|方案|系统|平台)|这款(产品|系统|设备)|我们这套",
    ],
    [
        r"\b(we|our|we're|we'?ve|we'd|us)\b",
        r"\bthe (platform|product|system|solution|tool|software|app)\b",
    ],
)
PITCH_CLAIM = cue(
    [
        r"友好|易用|上手(快|简单|容易)|好上手|操作简单",
        r"(\d+|几十|上百|几百|上千|数百|数千|[一二两三四五六七八九十]+)(多)?家(客户|企业|医院|工厂|门店|银行)|专门|专属|全程|一对一|7[x×*]24|全天候|无缝|对接|准确率|合格率|达到\s?\d|保障|有保证|品质|检验|考验|(金牌|战略|认证)?合作伙伴|包括.{0,10}(500强|知名|大厂|龙头)",
        r"[一二两三四五六七八九十百千万几]+(多)?(年|家|个|项|位|号人|多人|人的)(?!前)",
        r"最(?!近|后|终|初|少要|好是|好先)[\u4e00-\u9fff]|龙头|头部|标杆|知名|百强|500强|上市(公司)?|国家级|高新技术|做了.{0,4}年|(成立|创立)于|服务过|合作过",
        r"可以|能够|(?<![不没])能(?!不)|就能|随时|轻松|定制|(很|非常|特别|挺|超|相当|都)(好|强|棒|优秀|出色|靠谱|不错|厉害|快|稳|省|全)",
        r"进口|核心(部件|技术)|深耕|最早|首家|唯一|国内(领先|第一|最早|首家|顶尖)|(寿命|故障|质量|速度|精度|效率|能耗|成本|稳定性|兼容性|扩展性|安全性|可靠性)(长|少|低|高|好|快|强|稳|优)",
        r"优势|领先|第一|最(好|高|快|低|强|稳|全|简单|方便|先进|大|多|早)|专业|(有|丰富的|多年)经验|经验丰富|支持|提供|具备|拥有|实现|集成|覆盖|采用|配备|内置|自带|自研|专注|智能|自动|一站式|全面|完善|先进|稳定|高效|可靠",
        r"口碑|品牌|实力|资质|专利|算法|云|大数据|AI|性价比|独家|独有|定制|都能|保证|承诺|小时内|天内|全国|网点|研发|工程师|号人|好用|简单|方便|省心|成熟|业内|公认|一键|实时|精度|扛得住|不在话下|顶尖|一流|技术(领先|先进|成熟|实力)",
        r"比.{0,12}(长|快|好|高|低|少|稳|强|省|便宜|耐用)(一倍|很多|不少|\d|[一二两三四五六七八九十]成)",
        r"\d+(多)?(年|家|个|人|项|位)",
    ],
    [
        r"\b\d+\+? (customers|clients|hospitals|plants|companies|sites|warehouses|banks|users|installations)\b|\bpartner of\b|\bguaranteed\b|\baccuracy of\b|\b(\d+(\.\d+)?)% (accuracy|uptime|on-time)\b",
        r"\b(around|in business|doing this) for\b|\bfounded in\b|\byears of experience\b|\btrusted by\b|\bused by\b|\bserves? (over |more than )?\d+\b|\bour (team|engineers|experts|specialists)\b",
        r"\b(great|excellent|amazing|fantastic|superior|outstanding|top-notch|premium|high-quality|best-in-class|cutting-edge)\b|\bcan\b",
        r"\bmost (advanced|powerful|reliable|accurate|complete|comprehensive|flexible|secure)\b|\bon the market\b|\bmarket leader\b|\bcloud-native\b|\bscales\b|\bbuilt-in\b",
        r"\bleading\b",
        r"\bbest\b",
        r"\baward",
        r"\bexperience[d]?\b",
        r"\bsupport",
        r"\bprovide",
        r"\boffer",
        r"\bdeliver",
        r"\bintegrat",
        r"\bautomat",
        r"\bAI\b",
        r"\bcloud\b",
        r"\bend-to-end\b",
        r"\brobust\b",
        r"\bscalable\b",
        r"\bpowerful\b",
        r"\bcan (integrate|handle|support|scale|process|track|connect|automate|deliver|cover|do it all|monitor|predict)\b",
        r"\bunique\b",
        r"\binnovative\b",
        r"\bcapabilit",
        r"\bdashboard",
        r"\breal-time\b",
        r"\bcertified\b",
        r"\bpatent",
        r"\b(built|designed|developed|engineered|guarantee)\b",
        r"\b've been (doing|serving|working|in)\b",
        r"\b(integrates|handles|covers|includes|comes with|lets|allows|enables|updates|tracks|monitors|takes)\b",
        r"\b24/7\b|\bdedicated\b|\bfastest\b|\blargest\b|\bnumber one\b|\bindustry-leading\b|\bstate-of-the-art\b|\bworld-class\b",
        r"\bseamless|\beasy\b|\bsimple\b|\bintuitive\b|\bflexible\b|\bsecure\b|\breliable\b|\bmobile app\b|\bapp\b",
        r"\b\d+ (years|customers|clients|engineers|countries|offices|installations|sites)\b",
        r"\b(better|faster|cheaper|stronger|longer) than\b",
    ],
)
# Features named inside a benefit statement: value that names product features
# carries pitch as well.
FEATURE = cue(
    [r"扫码|看板|大屏|一键|模块|传感器|界面|APP|app|小程序|监测|预警|报表|接口|算法"],
    [
        r"\b(traceab\w*|one screen|single screen|dashboard|app|module|scanner|sensor|one click|alerts?|api|algorithm|auto-\w+|scheduler)\b"
    ],
)
# A claim is not a pitch when the clause is about price terms or a next step.
PITCH_EXCLUDE = cue(
    [
        r"(先|再)(聊|谈|了解|听)|聊聊|了解(一下)?(您|你们|贵)|请教",
        r"报价单|折扣|打折|付款|合同|试点|试用|拜访|下周|明天|(回去|给您)(做|出|准备)|比(我们|咱们)|(价格|价钱).{0,6}(统一|不变|透明|没法|不能)",
    ],
    [
        r"\b(learn|hear|understand) (more )?about (you|your)\b|\bwhat you\b",
        r"\b(discount|contract|pilot|trial|proof of concept|poc|visit|next week|tomorrow)\b|\bthan (we|us|ours)\b",
    ],
)
# A benefit for the buyer: less of the bad, more of the good, in plain words.
BENEFIT = cue(
    [
        r"(就|能|可以|会)(拦住|发现|提醒|预警|避免|杜绝|堵住|识别|追到|查到)",
        r"帮(您|你们?|到|助)",
        r"可以让|能让|让(您|你们?|大家|团队|财务|车间)",
        r"解决|减少|降低|提升|提高|缩短|避免|节省|省(下|掉|出|了|去)|加快|不用(再)?|不再|不必|少(花|走|出|跑|加班|跑)|改善|保证|确保",
        r"就能|就可以|只要|只需|一目了然|随时|马上|立刻|当天",
        r"(\d+|[一二两三四五六七八九十几半])(分钟|小时|天|秒)(就|内|之内|以内)",
        r"回本|回来了|收回|赚回|划算|放心|安心|踏实|轻松|降下来|提上去|省下来|腾出|解放|拆开看|看得(清|到|见)|可视|透明",
    ],
    [
        r"\bmake a (real |big |huge |serious )?difference\b|\bso (there'?s|there is) (never|no)\b",
        r"\bwould (catch|flag|spot|detect|stop|prevent|block|save|cut|free|remove|fix|handle|solve|alert)\b|\bcatch(es)? (those|them|it|errors|mistakes)\b",
        r"\bhelp(s|ed)? (you|your)\b",
        r"\breduc",
        r"\bcut(s|ting)?\b",
        r"\bsav(e|es|ing)\b",
        r"\bimprov",
        r"\bavoid",
        r"\bshorten",
        r"\bspeed(s)? up\b",
        r"\bno longer\b",
        r"\bfree(s|ing)? (\w+ ){0,2}up\b",
        r"\beliminat",
        r"\bprevent",
        r"\bensur",
        r"\bso (that )?(you|your)\b",
        r"\bget (\w+ ){0,6}back\b",
        r"\boff (your|their|his|her) plate\b",
        r"\binstead of\b",
        r"\bcome(s)? down to\b",
        r"\bno more\b",
        r"\bnever again\b",
        r"\bwithout (having to|the need|any)\b",
        r"\bpays? (for )?itself\b|\bpay ?back\b|\broi\b",
        r"\btake(s)? care of\b",
        r"\bmeans? (you|your)\b",
        r"\bwould (cut|drop|fall|come down|go down|shrink|halve)\b",
        r"\b(gives?|lets?) (you|your)\b",
        r"\bfrom (weeks|days|hours) to\b",
    ],
)
# Someone else's evidence: a case, a reference, a measured result, a report, a certificate.
PROOF = cue(
    [
        r"(真实|实际)的?(例子|案例)|举个(真实的)?例子",
        r"(跟|和|找).{0,8}(客户|用户|老客户|厂|医院).{0,6}(通个电话|聊聊|交流|打个电话)|问问.{0,10}(客户|厂|医院|他们)",
        r"(Gartner|IDC|Forrester|赛迪)|获(得)?(了)?.{0,6}奖|被评为|入选|(研究|调研|测算|统计)(显示|表明|结果)|平均(下来)?.{0,8}(降|提|省|缩短|减少|\d)",
        r"有(一)?家(跟|和)(您|你们)(规模|情况|体量)?.{0,4}(差不多|类似|相近)的|我们在.{2,12}(的项目|做的项目|那个项目)",
        r"上线(后|以后|之后)?.{0,4}(三个月|半年|一年|\d+个月|\d+周).{0,12}(降|提|省|缩短|减少|少了|多了)",
        r"(?<!带)(?<!发)(?<!准备)(?<!整理)案例(?!.{0,6}(给您|来|再))",
        r"(客户|同行|医院|工厂|银行|企业|门店)(里|中|像|比如|包括)",
        r"标杆|实测|验证过|参考(客户|案例)|证明|统计(的|过|显示)",
        r"数据(显示|表明|证明)|报告(显示|表明)",
        r"(检测|测试|测评|审计|评估|第三方|权威|独立)(的)?(报告|机构|认证|数据|审核)",
        r"(已经|曾经|去年|之前|前年|上个?月)(为|给|帮).{1,20}(做|上|实施|部署|降|提|省|减)",
        r"做过.{0,10}(项目|案例)",
        r"(去|到).{0,8}(参观|考察)(过)?(我们的)?(客户|样板)",
        r"(拿到|获得|通过|取得)(了)?.{0,10}(认证|资质|ISO|证书|等保)|ISO\s?\d+",
        r"[\u4e00-\u9fff]{2,8}(医院|厂|公司|集团|银行|超市|门店|物流|仓)(去年|前年|之前|上线|用了|上了|引入|部署)",
        r"从\s?(\d+|[一二两三四五六七八九十百]+).{0,8}(降|提|缩短|减少|提升|下降|上升)?(到|至)(了)?\s?(\d+|[一二两三四五六七八九十百]+)",
        r"(降低|提升|缩短|减少|节省|提高|少了|降了|省了|快了|多了)(了)?.{0,4}(\d|[一二两三四五六七八九十百半几])+.{0,3}(%|成|倍|天|小时|分钟|万|个点)",
    ],
    [
        r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+) of the (\w+ )?(biggest|largest|top|leading)\b.{0,50}\b(run|use|rely) on (our|us)\b|\bput you in touch with\b",
        r"\b(a|one|another) (plant|site|factory|customer|client|company|hospital|warehouse|team|bank|retailer|carrier|firm)( \w+)? (your size|like yours|similar to yours|about your size)\b",
        r"\bi can (share|show you|send you|walk you through) (their|the) (numbers|results|data|case study|before-and-after)\b",
        r"\breference (call|customer|site|account)\b|\btalk to (one of )?our (customers|clients)\b|\b(gartner|forrester|idc)\b|\bwon (an|the) award\b",
        r"\b(study|survey|analysis|audit) (showed|shows|found)\b|\bon average\b|\bacross (\d+|dozens of|hundreds of) (customers|sites|plants|clients)\b",
        r"\bwe (did|ran|rolled out|implemented) (this|the same|it) (for|at|with) (a|an|one)\b",
        r"\b(cut|reduced|lowered|improved|raised|increased|dropped|halved|doubled|tripled|slashed)\b.{0,40}\b(by|from) (a (third|quarter|half|fifth)|half|\d|one|two|three|four|five|ten|twenty|thirty|forty|fifty)",
        r"\bone of our (clients|customers|users)\b|\bour (clients|customers|users) (saw|cut|report|got|have seen|achieved)\b",
        r"\breferences?\b(?! (call|check)s?\?)",
        r"\bcase stud",
        r"\bcustomers? (like|such as)\b",
        r"\b(?i:for example),? [A-Z]",
        r"\bdata (shows|showed)\b",
        r"\bwe helped\b",
        r"\b(cut|reduced|lowered|improved|raised|increased|dropped|went|fell|rose) .{0,40}\b(by|from) \d",
        r"\bfrom \$?\d+(\.\d+)?%? to \$?\d",
        r"\bproven\b",
        r"\btrack record\b",
        r"\bother (hospitals|banks|plants|retailers|customers|clients|companies|sites) (have|like|use|saw|see)\b",
        r"\bvisit (one of )?our (customers|clients|sites|reference)",
        r"\bbenchmarks? (show|showed)\b",
        r"\bthird-party\b",
        r"\bindependent(ly)? (test|audit|verif|review|assess)",
        r"\bcertif(ied|ication)\b|\biso ?\d{4,5}\b|\bsoc ?2\b|\baudited\b",
        r"\b(customers|clients|users) (typically|usually|on average|consistently|generally)? ?(save|see|cut|reduce|get|report)\b",
        r"\bwithin (\d+|one|two|three|four|six|nine|twelve) (months|weeks|days) of (going live|launch|rollout|deployment|go-live)\b",
        r"\b(uptime|accuracy|yield|availability|on-time rate) (of|at) \d",
        r"\bput (our|the|their) .{0,20} at \d",
        r"\ba (plant|hospital|bank|retailer|customer|client|company|firm|site|warehouse|distributor|manufacturer) (in|like|about|similar|of)\b",
    ],
)
PILOT = cue(
    [
        r"试点|试用|先试|试一试|试试看|小范围|POC|poc|概念验证|验证一下|(做|来)(个|一次)?验证|跑通|试运行|试跑|样板(线|间|工程)",
        r"(先|只|从)(在|拿|挑|选|找|做|上|跑)?(一|单|某|[两三四五几]{1,2}|\d{1,2})(个|条|家|间|块|片)[^，,。；;！!？?]{0,10}?(车间|门店|店|科室|仓|仓库|网点|厂区|分行|产线|线|班组|区域|病区|站点|工厂|医院|项目|片区|小区|街道|部门|分公司|营业部|门诊|楼|校区)",
        r"(一块儿?|一起|跟.{1,8}一块儿?)(干|跑|试|做|盯)(上)?(个)?[一两三四五六\d]+(个)?(月|周|星期)",
        r"先在.{0,10}(做|试|跑|上)",
        r"免费(评估|诊断|测试|体验)",
        r"先跑(一|起来)|跑一跑|先上(一|个)|(先|试着?)跑(上)?[一两三\d](个)?(月|周|星期)",
        r"分(阶段|步|期)(上|做|推|实施)|小步(快跑|走)",
    ],
    [
        r"\bpilot",
        r"\btrial\b",
        r"\bproof of concept\b",
        r"\bpoc\b",
        r"\bsmall scope\b",
        r"\b(start|begin|starting|beginning) (with|in|at|on) (one|a single|just one|a small)\b",
        r"\bjust (one|a single) (site|line|store|ward|branch|depot|plant|warehouse|team|region|shift)\b",
        r"\b(pick|choose|take|start with) (one|the|a) [\w-]+( [\w-]+)? (line|site|store|ward|branch|depot|plant|warehouse|team|region|shift|area|zone|route)\b.{0,80}\b(for|over) (a |the )?(\w+ )?(weeks?|months?)\b",
        r"\bphase (one|1)\b",
        r"\bphased\b",
        r"\bstart small\b",
        r"\bfree (evaluation|assessment|diagnostic)\b",
        r"\b(day|week|month) (metered |energy |site |on-?site |baseline )?(assessment|audit|evaluation|study|diagnostic)\b",
        r"\b(metered|on-?site|baseline|energy|site) (assessment|audit|study|survey|measurement)\b",
        r"\btest run\b",
        r"\bwithout (any )?commitment\b",
        r"\blow-risk\b",
        r"\btry it (on|with|in|out)\b",
        r"\bsandbox\b",
        r"\blimited rollout\b",
        r"\bread-only\b.{0,60}\b(days|weeks)\b|\b(days|weeks)\b.{0,40}\bread-only\b",
        r"\bfor (a |the )?(first )?(thirty|sixty|ninety|30|60|90|two|three|four|six) (days|weeks)\b.{0,40}\b(no cost|free|no charge|on us)\b",
    ],
)
# A concrete next activity together (meeting, visit, demo, pilot, proposal, introduction).
NEXT_STEP = cue(
    [
        r"(拉|建)(个|一个)?(小)?群|拉.{0,12}进来|一起(沟通|交流|讨论|对一下|坐下来)|坐下来(聊|谈)|约(个)?(电话|视频)|打个(电话|视频)|(给您|跟您|和您)(打|约)(个|一个)?(电话|视频)",
        # "汇总到您这儿" / "报到您这儿" report figures; "今天来拜访" describes this visit.
        r"见(个)?面|(再|下次|改天|下周|下个?月|回头|找(个)?时间|专程)(来|去|登门)?拜访|拜访(一下|一次)|登门|上门|过来|过去(一趟)|来一趟|(来|(?<![汇总报交传送递馈])到|去)(厂里|现场|贵司|公司|您这|你们那|车间|仓库|医院|门店|工地)|实地|调研|参观|考察",
        r"演示|demo|展示一下|试点|POC|poc|试用|验证|先试|评估|诊断|复盘|汇报|介绍给|引荐|认识一下",
        r"(带|叫|派|请)(上)?(我们)?(的)?.{0,6}(工程师|专家|技术|同事|团队|顾问|财务经理|负责人)(一起)?(来|过来|过去|上门)",
        r"(请|叫上|拉上|带上|约上).{1,10}(一起|参加|也来|总|经理|主任|负责人|总监)",
        r"(出|做|写|提交|准备|整理|拿|带|发)(个|一份|一版|一套|份|一个|一下)?.{0,6}(方案|建议书|报价|计划书|测算|ROI|评估报告)",
        r"下一步|工作坊|交流会|电话会|视频会|线上会|开(个)?(会|短会|碰头会)|碰(一下|个头|一次|一碰)",
        r"(约|定)(个|一个)?(时间|您|一下)|找个时间|再(来|约|聊|谈|碰|见)|过一遍|一起(开会|碰|聊|看|去|过)|跑一遍|开通.{0,6}(账号|试用)",
        r"安排(一下|一次|个|个时间)?.{0,6}(演示|参观|会|见面|交流|时间|拜访|考察|试点|测试)",
        r"下(周|个?星期|个?月)|明天|后天|周[一二三四五六日末]|星期[一二三四五六日天]|改天|(这|本)周(内)?|月底前|几点(钟|方便|合适|开始|过来|到|见|碰|有空)|哪天方便",
    ],
    [
        r"\b(walk the floor|sit down (with|together)|get .{0,30} on a call|hop on a call|jump on a call|review it together|go over it together)\b",
        r"\bnext (step|steps|week|month|monday|tuesday|wednesday|thursday|friday)\b",
        r"\b(tomorrow|monday|tuesday|wednesday|thursday|friday|this (week|afternoon))\b",
        r"\b(\d+|fifteen|twenty|thirty|ten|an?) (minutes?|hours?)\b.{0,20}\b(work|suit|ok|okay|possible)\b",
        r"\bschedule",
        r"\bset up (a|an|some|time)\b",
        r"\bbook (a|an|some|time)\b",
        r"\barrange",
        r"\bmeet(ing)?\b",
        r"\bcall\b(?! (me|you) if)",
        r"\bdemo",
        r"\bsite visit",
        r"\bvisit\b",
        r"\bcome (by|over|in|and see)\b",
        r"\bworkshop",
        r"\bwalk-?through\b",
        r"\bpilot",
        r"\bproof of concept\b",
        r"\btrial\b",
        r"\bintroduc",
        r"\bbring in\b",
        r"\bloop in\b",
        r"\bproposal\b",
        r"\bbusiness case\b",
        r"\bfollow[- ]up\b",
        r"\bsession\b",
        r"\bon-?site\b",
        r"\b(assessment|audit|evaluation|feasibility study|diagnostic|health check|scoping (call|session|meeting|workshop))\b",
        r"\b(send|prepare|put together|draw up|get you) (you )?(a |the )?(formal |revised )?quote\b",
        r"\bgo through (it|this|them|the)\b",
    ],
)
PROPOSING = cue(
    [
        r"可不可以|行不行|方便|好不好|好吗|行吗|可以吗|您看|你看|您觉得|(，|,)\s*(怎么样|如何|可以)[？?]?\s*$|可以(先|在|把|给|安排|约|带)",
        r"建议|要不|不如|咱们|吧[。！!]?$|能否|能不能|是否可以|想(请|约|邀请)|让我|请(您|你)",
        r"我们(可以|来|先|就|下周|明天|再|会|去)",
        r"我(来|先|回去|会|下周|明天|再|带|给您|帮您|安排|约|去|把|过来|过去|周[一二三四五六日末]|星期.|后天|改天|月底前|这周)",
        r"(再|过来|过去)(来)?(找|拜访|看望)(您|你)",
        r"给(您|你们?)(开通|安排|做|出|准备)",
    ],
    [
        r"\b(shall|could|can|should) we\b",
        # "Would you be open to…" proposes; "what would you need to see?" asks.
        r"(?<!what )(?<!how )(?<!why )(?<!where )(?<!who )\bwould you\b",
        r"\bhow about\b",
        r"\blet'?s\b",
        r"\bi'd (like|love) to\b",
        r"\bi (suggest|propose|recommend)\b",
        r"\bhere'?s (a thought|an idea|my suggestion|what i'?d suggest)\b|\bwhat i'?d suggest\b",
        r"\bwould it (make sense|help|be possible|work)\b",
        r"\bare you open\b",
        r"\bwhy don'?t we\b",
        r"\b(can|may|shall|could) i (also )?(come|bring|set|book|send|show|arrange|introduce|drop|grab|get|have|steal|take|put)\b",
        r"\bworks? for you\b",
        r"\bwhat if we\b",
        # "If we ran a trial..., would that be worth a conversation with Tom?"
        r"\bwould (that|it|this) be worth (a|an|your|the)\b|\bworth (a|an) (conversation|meeting|call|chat|look|try|shot)\b",
        r"\b(i|we)'ll\b",
        r"\b(i|we) will\b",
        r"\bwe (could|can)\b",
        r"\blet me\b",
        r"\b(does|would|will|could) .{0,30}\bwork( better| for you)?\b",
        r"\b(i'?m |we're )?happy to (come|set|arrange|run|show|bring|do|walk)\b",
        r"\bwould .{0,20}\bbe (ok|okay|possible|useful|helpful)\b",
        r"\b(as a|as the|for a|our) next step\b|^\W*(first|next) step\s*[:,-]",
        r"\bwhat i'?d (suggest|propose|recommend)\b|\bi'?d (suggest|propose|recommend|start with)\b|\bmy (suggestion|proposal) (is|would be)\b",
    ],
)
# Asking for the order, the signature or the money: a close, not an advance.
ORDER = cue(
    [
        r"签(的话|了的话)|(现在|今天|马上|当场)签|(确定|明确)的?(答复|回复|结果)|走(采购)?流程(吧|了)",
        r"(就|那)(这么|这样)定了|一言为定|给(我)?个(准话|痛快话|答复|结果)|拍个板|定个(调|结果)",
        r"点(个)?头.{0,8}(合同|签|定|下单)|走合同(?!节水|能源|管理|制)|(就|先)?(按|照)这个(方案|价格|报价|配置).{0,6}(定|签|走|办|下)",
        r"意向书|签(个|份|一下|了)?意向|意向(协议|合同|订单)|定金|预付款|订金|首付|打款|下订",
        r"(给|帮)(您|你们?)(锁定|留|占|保留)(名额|价格|档期|位置|库存)?|名额不多|库存不多|最后(几|\d)(个|台|套)(名额)?",
        r"(这周|本周|今天|月底前|现在)定下来|合同(我)?(马上|今天|这就|回去就)(发|拟|准备|走)",
        r"(今天|现在|马上|这周|本周|先|就|直接|可以|您|你|咱们|把|能不能|要不)(在这(儿|里)?)?.{0,4}签(约|合同|单|字|下来|个字|一下|协议)|签(了吧|一下吧|吧)|签(约|合同|字|协议)(吧|吗|呗)",
        # "现在有定期清理…吗" is no close: 定 as in 定期/规定/确定 doesn't count.
        r"(今天|现在|马上|尽快|这周|本周|月底前|当场)(就)?(把)?.{0,8}((?<![规确固制约])定(?![期位义制时额律点价量向])|签|拍板|下单|付款|打款)",
        r"(今天|现在|马上|这周|先|就|直接|可以|您|能不能|要不)(把)?.{0,4}下(个)?单|下(个)?单(吧|吗|呗)|把单(子)?下了",
        r"把(订单|单子|合同|项目|采购订单)(给|交给|签|定|下)|把.{0,8}(协议|合同|意向书|订单|单子|单)(给)?签(了|下来|一下|掉)",
        r"(就|先)(先)?订(个|上)?[\d一二两三四五六七八九十百千]+(台|套|件|个|箱|吨|批)",
        r"(订单|采购订单)(就)?(下|签)了",
        r"定下来吧|成交",
        # "付款方式/节奏/流程…" asks how they pay, not for the money.
        r"付(个|一点|笔)?(款|定金|订金|首付|预付)(?![^，。？?]{0,6}(方式|节奏|流程|条件|周期|条款|比例|安排|规矩|怎么|什么|哪))",
        r"(采购|购买)(合同|订单)",
        r"合作协议",
        r"(合同|协议)(我)?(已经)?(带来|准备好|拟好|打印)",
        r"占(个|住)?名额|锁定(价格|名额|档期)",
    ],
    [
        r"\block (it|this|that|you|them|us|the (price|rate|deal|slot|spot|discount)|your (slot|spot|price|rate)) in\b|\block in (the|this|that|your|today'?s) (price|rate|deal|slot|spot|discount)\b|\bfor (your )?signature\b|\b(need|get) a yes\b|\bsay yes\b|\bare you in\s*[?!.]|\bare you in or out\b|\border form\b|\bonboard\w* (this|next) (week|month)\b",
        r"\bshake (hands )?on it\b|\bdo we have a deal\b|\bcount on your (business|order|signature)\b|\bmake it official\b",
        r"\bsend (you )?the invoice\b|\b(get|have) (a|your) commitment\b|\bgood to go\s*\?|\bgreen light\b|\bpull the trigger\b|\bbook the order\b|\bpo number\b",
        r"\bwhat would it take to (get|close|sign)\b",
        r"\bput you down for\b|\bsign you up\b|\braise (the|an|a) (order|po|purchase order)\b",
        r"\bget the (paperwork|contract|order) (started|going|moving|ready|over)\b|\bcontract over (to you )?(this|today|tomorrow)\b",
        r"\bmove (ahead|forward) with the (purchase|order|contract|deal)\b|\bgo ahead and (raise|place|book|order)\b",
        r"\b(agree|finali[sz]e|settle) (on )?(the )?(terms|deal|order) today\b|\bbefore the price (rise|increase|goes up)\b",
        r"\b(only|just) (\d+|a few|two|three) (slots|spots|units|licen[cs]es) left\b|\boffer (expires|ends|is only valid)\b",
        r"\b(can|shall|may) i (book|put|sign|register) you\b",
        r"\bsign (the|this|it|here|today|now|up today|on the dotted line)\b",
        r"\byour signature\b",
        r"\bif you sign (by|before|today|this week|this month|now)\b",
        r"\bsigned (today|this week|now|before)\b",
        r"\bget (this|it|the contract|the deal|the order) (signed|done|closed)\b",
        r"\b(the |a )?contract (today|now|this week|signed|ready)\b",
        r"\bgive (us|me) the (contract|order|business|deal|po)\b",
        r"\bpurchase order\b",
        r"\bplace (the|an|your) order\b",
        r"\bclose (the|this) deal\b",
        r"\bcommit (today|now|this week|right now|to the order)\b",
        r"\bif you commit\b",
        r"\bready to (buy|sign|go ahead|move forward|order)\b",
        r"\bdeal today\b",
        r"\b(brought|have|got|prepared) the (paperwork|contract)\b",
        r"\b(a|the) PO\b",
        r"\bgo ahead and (order|sign|buy)\b",
        r"\block (it|this) in\b",
        r"\b(shall|can) we (sign|proceed|finali[sz]e|close)\b",
        r"\bdown ?payment\b|\b(pay|put down|place|leave|take|wire|send) (a |the |your )?deposit\b|\bdeposit (of|to (secure|hold|lock))\b",
    ],
)
SITE_VISIT = cue(
    [r"现场|实地|调研|上门|车间|走一走|看一看|参观|考察|(到|去|来)(厂里|仓库|医院|门店)"],
    [
        r"\bsite\b",
        r"\bon-?site\b",
        r"\bwalk the (floor|site|line)\b",
        r"\bsurvey\b",
        r"\bcome (by|over|and see)\b",
        r"\bvisit\b",
    ],
)
DEMO = cue([r"演示|demo|展示|看看效果"], [r"\bdemo", r"\bshow you\b", r"\bwalk-?through\b"])
INTRODUCTION = cue(
    [
        r"介绍给|引荐|认识一下",
        r"见一下.{0,6}(总|经理|主任|老板|负责人)",
        r"请.{1,10}(一起|参加|也来)",
        r"(一起|同时)(跟|和).{1,8}(聊|谈|碰|见)",
        r"(叫上|拉上|带上|约上).{1,8}(总|经理|主任|部|负责人|总监)",
    ],
    [
        r"\bintroduc",
        r"\bbring in\b",
        r"\bloop in\b",
        r"\bmeet (your|the|with your)\b",
        r"\binclude (your|the)\b",
        r"\binvite (your|the)\b",
    ],
)
PROPOSAL = cue(
    [r"方案|报价|建议书|计划书|测算"],
    [r"\bproposal\b", r"\bquote\b", r"\bbusiness case\b", r"\bplan\b"],
)

# Badmouthing needs a competitor as target and a negative judgement of it.
BADMOUTH_TARGET = cue(
    [
        r"(现在|目前|原来|之前|老)(用|在用|用着)?的?(那个|那套|这个|这套|那家)?(供应商|厂家|系统|服务商|设备|软件|平台|东西)|[\u4e00-\u9fff]{2,4}(那套|那个系统|那边的|家的)",
        r"[\u4e00-\u9fff]{2,4}的(售后|服务|产品|系统|设备|东西|质量|技术|人|团队|方案|实施|报价|价格|软件|平台)",
        r"它们|那几家|那些(公司|厂家|小公司|小厂)|小公司|小厂|小作坊|那个(牌子|品牌|厂家|公司|系统|产品)",
        r"(老|原来的|之前的|现在的)(供应商|厂家|系统|合作方)",
        r"[\u4e00-\u9fff]{2,4}(那边|家的|那帮|那伙|的人)",
        r"他们|他家|人家|对方|那家|那边|那帮|那伙|那种(公司|厂家)",
        r"别(家|的厂家|的公司)|其他(家|厂家|厂商|公司)|(竞争)?对手|竞品|友商|同行",
        r"(现在|目前|原来|之前)的?(那家)?(供应商|厂家|系统|服务商)",
        r"(?<![A-Za-z])[A-Z][A-Za-z]{2,}",
    ],
    [
        r"(^|\s)(?!(?:The|This|That|These|Those|Our|We|I|It|Your|My|Honestly|Frankly|So|And|But|Well|Look|Listen|Sure|Yes|No|Okay|OK|Oh|Ah|Hi|Hello|Thanks|There|What|Why|How|When|If|They)\b)[A-Z][a-z]{2,}('s)?\s+(is|are|has|have|was|were|will|won'?t|can'?t|never|always|just|only|really|did|does|don'?t|doesn'?t)\b",
        r"\b(system|software|tool|platform|setup|vendor|supplier) you('re| are)? (have|using|use|got)\b",
        r"\b(those (guys|folks|people|clowns)|the other (guys|side|company|outfit)|competitors?'?|rivals?|(most|other|some|many|the other) (vendors|suppliers|providers|players))\b",
        r"(^|\s)(?!(?:The|This|That|These|Those|Our|We|I|It|Your|My|Honestly|Frankly|So|And|But|Well|Look|Listen|Sure|Yes|No|Okay|OK|Oh|Ah|Hi|Hello|Thanks)\b)[A-Z][a-z]{2,}('s)?\s+(software|system|platform|team|support|product|people|guys|stuff|kit|solution|service|tech|engineers|sales)\b",
        r"\b[A-Z][a-z]{2,}'s\b(?<!\bIt's)(?<!\bThat's)(?<!\bWhat's)(?<!\bHere's)(?<!\bThere's)(?<!\bLet's)",
        r"\b(they|their|them|competitors?|the other (guys|vendor|supplier|bid)|those guys|that (vendor|supplier|outfit|company)|"
        r"your (current |existing |old )?(vendor|supplier|provider|system|partner))\b",
    ],
)
BADMOUTH_NEGATIVE = cue(
    [
        r"bug|一大堆|从来没.{0,6}(按时|准时|交付|兑现)|没(按时|准时)交付|代理商|没(有)?研发|没(有)?自己的(研发|技术|产品)|贴牌|倒卖|不见人|人影|跟我们(没法|不能)比|差(了)?(好几|一大)截|落后(我们)?(好几年|几年)|比不了|甩(他们)?几条街",
        r"花架子|便宜没好货|撑不下去|刚毕业|找麻烦|没(有)?(一个)?像样|不怎么样|很一般|差点意思|拉胯|翻车|出错|靠不住|扯淡|吹(得|嘘)|名不副实|徒有虚名|外强中干|虚标|夸大",
        r"三天两头(坏|出问题|出毛病|停|宕)|大修|返修|故障率高|毛病多|坑多|一堆问题|经常(出|坏|宕|掉|停)|十年(没|不)(动|变|更新|升级)|早就(跟不上|过时|落伍|淘汰)",
        r"外包(的|出去)?|(项目|合同)(一)?(结束|签完)(人)?就(散|跑|没人)|人走茶凉|一锤子买卖|吃相难看|口碑(差|不好|很差)|名声不好|烂尾",
        r"半成品|草台班子|小作坊|二流|三流|水货|凑合货|不咋地|不怎么样|不太(行|靠谱|稳定)|一般般|不专业|没实力|没底子|靠关系",
        r"后面(坑|加钱|收费|要钱)|隐形(收费|成本)|低价(抢|中标|进场)|报价低.{0,10}(坑|后面|加)|敷衍|推诿|扯皮|甩锅|劝您慎重|您得(小心|当心)",
        r"不行|很差|太差|差劲|出了名的(差|慢|坑|烂)|垃圾|烂|(?<!踩)(?<!踩过)(?<!踩的)(?<!踩过的)坑|骗|不靠谱|不专业|问题(很|特别)?多|经常出问题|跑路|倒闭|落后|过时|淘汰|比不上|差远了|忽悠|画饼|吹牛",
        r"水平(不行|很差|一般)|没法比|一塌糊涂|靠低价|抢单|偷工减料|以次充好|糊弄|半吊子|山寨|二流|外行|没技术|找不到人|没人管|不负责",
        r"(没|不)(保证|保障)|(就|只)会(画饼|吹|忽悠|说|卖|报低价|压价)|说句不好听的",
    ],
    [
        r"\bcrash\w*|\bpay extra\b|\bdisappear\w*|\bvanish\w*|\bghost\w*|\byears behind\b|\bnowhere near\b|\bcan'?t compare\b|\bno match for\b|\ba bunch of\b|\bfly by night\b",
        r"\bwouldn'?t trust\b|\bdon'?t (really )?understand (manufacturing|your|the)\b|\bknown for (missing|being|their)\b|\bgood luck getting\b|\bcheap for a reason\b|\bget what you pay for\b|\brevolving door\b|\blosing customers\b|\bin (financial )?trouble\b|\bbehind the times\b|\bbreaks? (all the time|constantly|a lot)\b|\bcan'?t be trusted\b",
        r"\b(bad|poor|shoddy|sloppy|flimsy|clunky|buggy|flaky|unstable|dated|ancient|dinosaur|bloated|half-baked|vaporware|second-rate|inferior|knock-?off)\b",
        r"\b(held together with|duct tape|falling apart|overpromise\w*|underdeliver\w*|complaints? about|cutting corners|cut corners|lowball\w*|bait[- ]and[- ]switch|nickel[- ]and[- ]dim\w*|gouge|shady|dodgy|sketchy|clowns)\b",
        r"\bmake it back on\b|\bchange orders\b|\bnever (on time|delivers?|responds?|answers?)\b|\b(isn'?t|aren'?t|is not|are not|never) (great|good|reliable|stable|responsive|up to (it|scratch|the job))\b",
        r"\bnothing but (complaints|problems|trouble)\b|\b(terrible|awful|poor|lousy|bad) (support|service|track record|reputation)\b",
        r"\bterrible\b",
        r"\byesterday'?s (technology|tech|software)\b|\bended up suing\b|\bran (a year|months|way|badly) over\b",
        r"\bawful\b",
        r"\bunreliable\b",
        r"\blousy\b",
        r"\bworst\b",
        r"\bincompetent\b",
        r"\bjunk\b",
        r"\brip[- ]?off\b",
        r"\boutdated\b",
        r"\bdying\b",
        r"\bcan'?t deliver\b",
        r"\boverpriced\b",
        r"\bscam",
        r"\bcrap\b",
        r"\bamateur",
        r"\bobsolete\b",
        r"\ba joke\b",
        r"\balways (late|down|behind|broken|slow|failing)\b",
        r"\bnever (deliver|answer|respond|show up|pick up)",
        r"\bhopeless\b|\buseless\b|\brubbish\b|\bgarbage\b|\ba mess\b|\bdisaster\b|\bclueless\b|\bcowboys\b",
        r"\bcut corners\b|\bfly-by-night\b|\bgoing under\b|\bcheap(ly)? (made|built)\b|\bnightmare\b",
    ],
)

SUMMARY = cue(
    [
        r"(我|那我|咱们?)(先|再)?(确认|核对)一下(啊|哈|哦)?[：:，,]",
        r"(我)?(来|先)?(总结|归纳|概括|复述|串|捋|理|复盘)(一下|一捋|一理|了|下来)",
        r"(我)?(来|先)?(整理|梳理)(一下|了)(?!.{0,4}(资料|材料|方案|文档|报价|思路))",
        r"(我)?(来)?确认一下[，,:：]?(您|你们|刚才|前面)|(我)?(来)?确认一下[:：].{8,}(对吗|对不对|是吗|没错吧|是这样吗|理解得对)",
        r"如果我没(理解|听)错|如果我理解(得)?没错|我(这么|这样)理解",
        r"我理解(下来)?(您|你们)(的意思)?是",
        r"听下来|听您这么说|综合(您|你)(说|讲)的|照(您|你)这么说|按(您|你)的意思|归结(起来|下来)|说到底(您|你们)(要|需要|最)|从(您|你)(刚才)?(说|讲)的(来看|看)",
        r"(刚才|前面)(您|你)(提到|说|讲)(的|了)(几|这|两|三)",
        r"(您|你)刚才(讲|提|说)的(几|这)",
        r"所以(说)?(您|你们)(现在)?(最)?(关心|在意|头疼|需要|担心|想要|希望|要的|真正)",
        r"(您|你们)(真正|最)(想要|需要|在意|关心|要|担心)的(是|不是)",
        r"(您|你们)(的)?(核心|主要|关键|真正)(的)?(问题|需求|诉求|顾虑)(是|就是|其实)",
        r"(您|你们)要的是",
        r"一是.{2,40}二是|第一.{2,40}第二|一个是.{2,30}一个是",
        r"(您|你们)(这边)?(一共|总共|主要)(有)?(两|三|几)(个|点|方面)",
    ],
    [
        r"\bso what you (really |actually )?need is\b",
        r"\bso what i'?m hearing\b",
        r"\blet me (make sure|check|recap|summari[sz]e|play (that|it) back|see if i)\b",
        r"\bto summari[sz]e\b",
        r"\bif i (understand|heard|understood|got) (you|that|it)? ?(correctly|right)\b",
        r"\bso,? (the|your) (main|real|key|biggest|core)\b",
        r"\bwhat you'?re (really )?(saying|after|looking for) is\b",
        r"\bwhat you (really )?(need|want) is\b",
        r"\bso,? (what )?you (really )?(need|want)\b",
        r"\bcorrect me if\b",
        r"\bsounds like (the|your)\b",
        r"\bso (if i|to) recap\b",
        r"\bif i'?ve got (it|this|that|you) right\b",
        r"\bso to sum (it )?up\b",
        r"\b(to )?recap\b",
        r"\byou mentioned (two|three|a few)\b",
        r"\bfrom what you'?ve (said|told me)\b",
        r"\bplay(ing)? (it |that |this )?back\b|\bwhat i('ve)? heard\b|\bif i'?ve understood\b|\bif i understood\b",
        r"\bputting (it|this) (all )?together\b|\bpulling (it|this) together\b|\bso the (headline|gist|upshot|bottom line)\b|\bto sum up\b|\bsumming up\b",
    ],
)
# Rewording cues that summarise only when they are about the buyer ("也就是说，您…").
SUMMARY_WEAK = cue(
    [r"也就是说|换句话说|说白了|简单(说|讲|来说)|总的来说|总之"],
    [
        r"\bin other words\b|\bit sounds like\b|\bin short\b|\bin a nutshell\b|\blong story short\b|\bbottom line\b|\bso basically\b|\bput simply\b"
    ],
)
# A paraphrase of the buyer offered for checking: "所以您…", "So the X is Y…?".
PARAPHRASE = cue(
    [
        r"^(所以|那|也就是说|就是说|您的意思是|你的意思是|您是说|你是说)(说)?[，,]?(您|你们?|问题|瓶颈|关键|主要|核心|现在|真正)",
    ],
    [r"^\W*(sorry,? )?(so|and so|okay so|right,? so),? (the|your|you|it's|it is|what|that|this)\b"],
)
FEEDBACK = cue(
    [
        r"(跟|和|与)(您|你)(实际|平时)?(看到|了解|掌握|感受)?的(情况)?(一致|符合|对得上|相符)(吗|不|么)|(还)?有没有(我)?(漏|遗漏|漏掉|没说到|没提到)的",
        r"(对得上|对不对得上|符合|吻合)(吗|不|么)|理解(得)?(不)?到位|纠正(我|一下)|(是不是|是)这么(个)?(意思|回事)",
        r"我(这么|这样)(说|理解|总结)(得)?(对|准|没错)?(吗|不|吧|么)|有没有(偏差|出入|不对)|哪里(不对|有出入)",
        r"理解(得)?(对|准确|到位|没错)(吗|不对|不|吧)",
        r"对吗|是这样吗|是这个意思(吗|吧)|是这样吧",
        r"有没有(遗漏|漏掉|说错|补充|偏差|理解错)",
        r"我(说|讲|理解|总结)(得|的)(对|准|没错)(吗|不对|吧|不)",
        r"有什么(要|需要)?补充|(需要|要)补充",
        r"我(说|理解)的有没有偏差",
        r"(哪里|哪儿|什么地方|哪些地方)(说|理解|讲|想|总结)?(得|的)?(不对|不准|有偏差|不到位|有误|遗漏|漏|错)",
        r"指出来|纠正(我)?",
    ],
    [
        r"\bcapture (that|it|this) (correctly|right|accurately)\b|\b(let me know|tell me) if (i'?ve|i have|i) (got|gotten|missed|misunderstood|misread)\b",
        r"\banything (i'?m|i am|i'?ve|i have) (missing|missed|left out)\b|\b(missing|miss|missed) anything\b",
        r"\bdid i get (that|it|everything|this) (right|correct)\b|\bset me straight\b|\bfair (summary|assessment|to say)\b",
        r"\bwould you say that'?s (right|accurate|fair)\b|\b(does|did) (that|this) (sound|ring) (right|true|about right)\b",
        r"\bdoes (that|this) (match|sound|fit|make sense|resonate|ring true|capture|reflect)\b",
        r"\bdid i (get|miss|understand|leave)\b",
        r"\bhave i (got|understood|missed)\b",
        r"\bis (that|this) (right|fair|accurate|correct|a fair)\b",
        r"\banything (i'?ve|i have|i)? ?missed\b",
        r"\bam i (right|on track|close|missing)\b",
        r"\bcorrect me\b",
        r"\bwhat (did|have) i (miss|get wrong)\b",
        r"\bhow close (is that|am i)\b",
    ],
)
# Asking for an opinion: a feedback request only when it follows the trainee's
# own summary or paraphrase ("…，您看呢？"); after a proposal it is just a proposal.
FEEDBACK_WEAK = cue(
    [
        r"(您|你)看(呢|怎么样|如何|对不对)|(您|你)觉得(呢|怎么样|如何|这样|对不对|靠谱|可行|有道理)|(您|你)怎么看"
    ],
    [
        r"\bhow does (that|this) (sound|land)\b|\bwhat do you think\b|\bwould you agree\b|\bwhat'?s your (take|view)\b",
    ],
)
# An invitation to correct the trainee is a question even without a question mark.
CORRECTION_INVITE = cue(
    [r"(纠正|指出来|指正)(我)?|告诉我(哪里|哪儿)|(尽管|随时)(说|提|指出|纠正)"],
    [r"^\W*(please )?(let me know|tell me|correct me|shout) if\b"],
)
SELF_DISCLOSURE = cue(
    [
        r"我(们)?(公司|自己)?(以前|之前|前几年|当年|早年|也)?.{0,10}(栽过跟头|踩过坑|吃过亏|走过弯路|交过学费|翻过车|碰过壁)",
        r"我也是从(一线|基层|车间|工厂|仓库|销售|技术)(上来|出来|干起)|不怕(您|你)笑话|说句实在话[，,]?我",
        r"说实话[，,]?我(刚|以前|当时|自己|也|之前|原来)",
        r"坦白(讲|说)|实不相瞒|不瞒(您|你)说|老实说|跟(您|你)交个底",
        r"我(老家|家里|爸|妈|父亲|母亲|父母|小时候|年轻时|当年|早年|刚入行|刚工作|刚毕业|入行前)",
        r"我(以前|之前|原来|曾经)(在|做过|干过|也是|是|当过|也做|也干)(?!.{0,4}(跟|给|和)(您|你))",
        r"我自己(以前|之前|也|就|当年)",
        r"我(们)?(之前|以前)?也(吃过|踩过|走过|犯过|遇到过)",
        r"我(负责|做|跟)的第一个|我(第一次|头一回)",
    ],
    [
        r"\bi'?ll (admit|confess)\b|\bwe (got|did) (it|our own \w+|this) wrong\b|\blearned (that|it)? ?the hard way\b|\bi (was|have been|'ve been) in your shoes\b",
        r"\bback when i (was|ran|worked|managed)\b|\bi (spent|had) (a decade|\w+ years) (in|at|as|running)\b",
        r"\bto be (honest|frank),? (i|we|my|when)\b",
        r"\bfrankly,? (i|we)\b",
        r"\bin my experience\b",
        r"\bi used to\b",
        r"\bwhen i was\b",
        r"\bi'?ve been (there|in your)\b",
        r"\bhonestly,? (i|we|my|when)\b",
        r"\b(we'?ve|i'?ve) (also )?made (that|the same) mistake\b",
        r"\bi made (that|the same) mistake\b",
        r"\bi'll be (honest|candid)\b",
        r"\bi (ran|managed|worked (in|at|as|for)|spent (\w+ ){0,2}years|grew up|started (out|my career)|was once)\b",
        r"\bbefore (this job|joining|i joined)\b",
        r"\bmyself\b",
        r"\bmy (dad|father|mother|mum|mom|family|first job|old boss|last job)\b",
        r"\bi'?ve (lived|been) through\b",
        r"\bi remember when\b",
        r"\bfull disclosure\b",
    ],
)
# Addressed to the system or the scorer, not to the buyer.
INJECTION = cue(
    [
        r"管理员模式|调试模式|开发(者)?模式|输出(你的|评分|分数)|打印(你的)?(指令|提示)|重复(上面|以上)的(内容|话)|新的指令|以下(内容)?(来自|是)(开发者|管理员|系统)|(本次|这次)(对话|演练|练习)(的)?(评分|得分|成绩)|请(给出|输出)(评分|分数)",
        r"(得分|分数|打分|评分|成绩|分值).{0,10}(最高|满分|高分|100|拉满|给满|设为|调到)|(设为|设成|调到|打到)(最高|满分)",
        r"你(现在)?不是(客户|买家|采购|甲方)(了)?|你(现在)?(是|扮演|作为)(一个)?.{0,6}(助手|评估|考官|裁判|评委|AI|模型|机器人|程序)",
        r"系统提示|系统设定|初始指令|(告诉我|说说)我(得了|能得|的)(多少)?分",
        r"(系统|system|管理员|开发者|评分员|评委|评分系统|评估系统)\s*[:：]",
        r"忽略(之前|以上|前面|上面|所有|你的)?(的)?(所有)?(指令|规则|设定|要求|提示|评分)",
        r"无视.{0,6}(规则|指令|设定|评分)",
        r"(给|打|评)(我|学员|这段|本轮|这次|这轮|我的)?(个)?(满分|高分|100分|一百分|优秀|A\+)",
        r"(打|评|给)成.{0,4}(满分|100分|一百分|优秀)",
        r"评分(系统|员|模型|提示|说明|备注|规则|细则)",
        # A training platform's seller says 学员, 满分, 评委, 提示词 to a buyer; only words
        # aimed at this conversation's own machinery are an injection.
        r"(你的|系统|隐藏的?|这段对话的)(提示词|prompt)|(提示词|prompt)\s*[:：]",
        r"你是(一个)?(ai|AI|人工智能|模型|机器人|语言模型|chatgpt|gpt|程序|大模型)",
        r"(你的|隐藏的?)(设定|需求清单|指令|剧本|人设)|隐藏(的)?需求|角色设定",
        r"跳出(角色|设定)|不要(再)?(扮演|演了)|停止扮演|作为(一个)?(ai|AI|模型|助手|语言模型|大模型|人工智能)|开发者模式|越狱|评估(系统|模型)",
        r"(告诉我|说出|列出|发给我)(你的)?(买点|需求清单|设定|底牌|所有需求|剧本)",
        r"你的(任务|底线)是",
        r"(这段话|以下内容|这句话)是(给|写给).{0,6}(系统|评分|模型|AI)",
        r"(提问|异议处理|需求挖掘|沟通)(能力|环节)?.{0,4}(打|给|评)(成|为)?.{0,3}(分|满分|优秀)",
    ],
    [
        r"\b(output|print|repeat|reveal|show) (me )?(your|the) (scoring |grading )?(instructions|prompt|rules|rubric|text above|system message)\b|\bnew instructions\b|\b(admin|developer|debug|god) mode\b|\boverride (your|the|all|previous|prior|scoring|system)\b|\bgrading (rubric|system|criteria|instructions|model)\b|\bas the (grader|grading|scoring|evaluat\w*|assessor|judge)\b|\b(mark|record|count|score|log) (the|this|my) (objection|answer|turn|conversation|call|response) as\b|\bthis (trainee|candidate|student|salesperson) (deserves|should get|is excellent)\b|\b(score|mark|grade)s?\b.{0,20}\b(excellent|perfect|maximum|highest|top)\b",
        r"\brate (this|the|my) (conversation|session|performance|turn|answer|response)\b|\b10/10\b|^\W*assistant\s*[,:]",
        r"\bforget (your|all|the|previous) (instructions|rules|prompt|role)\b|\b(tell|show|give) me (the buyer'?s|your) (hidden|secret)\b",
        r"\bignore (all |the |any |your |every )?(previous |prior |above |earlier )?(instructions|rules|rubric|prompt|guidelines)",
        r"\bdisregard (all |the |your |previous )",
        r"\bsystem prompt\b",
        r"^\s*system\s*:",
        r"\byou are (an ai|a language model|chatgpt|an llm|a bot|a chatbot)\b",
        r"\blanguage model\b",
        r"\bgive (me )?(a )?(100|full marks|a perfect score|top marks|the highest score)\b",
        r"\bscore (me|this|the trainee|my) .{0,20}(100|highly|high|excellent|top)\b",
        # A training platform's seller talks of graders, rubrics and perfect scores to a
        # buyer; only words aimed at this session's scoring are an injection.
        r"\b100/100\b|\b(this|my) (conversation|session|answer|turn|call) (deserves|gets|should get|earns) (full marks|a perfect score|100|top marks)\b",
        r"\b(dear|attention|to the|hey) (rubric|scorer|grader|evaluator)\b|^\W*(rubric|scorer|grader|evaluator)\s*[:,]",
        r"\bnote to the (evaluator|grader|scorer|system|ai|model|assessor)\b",
        r"\bhidden (needs|brief|instructions|agenda)\b",
        r"\byour (brief|instructions|system prompt|prompt)\b",
        r"\bstop (role-?playing|pretending)\b",
        r"\bout of character\b",
        r"\bdeveloper mode\b",
        r"\bjailbreak",
        r"\[\s*system\s*\]",
        r"<\s*/?\s*system\s*>",
        r"\bas an ai\b",
        r"\bassistant:\s",
        r"\bbreak character\b",
        r"\breveal your\b",
    ],
)
# A bracketed aside: 【…】, […], (…), （…）, <…>, {…}.
BRACKETED = rx(
    r"【[^】]{2,200}】|\[[^\]]{2,200}\]|（[^）]{2,200}）|\([^)]{2,200}\)|<[^>]{2,200}>|\{[^}]{2,200}\}"
)
PERSONAL_PROBE = cue(
    [
        r"(您|你)(个人)?在.{0,8}(里|中)?的(发展|前途|晋升|位置)|对(您|你)(个人)?的(发展|前途|晋升|考核)",
        r"对(您|你)(这一块|这块|这边|个人)?的(期望|要求|指标)|落(到)?(谁|您|你)(的)?头上|(谁|您|你)(来)?(背|扛)(锅|这个)|比如(说)?考核|(您|你)(这几年|这三年|今年)(也)?得有个交代|(您|你).{0,4}(睡|觉)(得|不)?(踏实|着)",
        r"对(您|你)(有|会有|造成)(什么|哪些)(影响|好处|帮助|压力)|(您|你)(平时|每天)?.{0,6}(辛苦|累不累|忙不忙|加班)",
        r"(老板|领导|上面|集团|总部|上级)(那边)?对(您|你)(是)?.{0,4}(要求|期望|考核|看法|怎么)",
        r"(您|你).{0,10}(承担|扛|背|担)(的|着)?(压力|责任|风险|指标)",
        r"(这事|这个项目|这件事).{0,10}(对(您|你)|您的).{0,6}(意味着|加分|影响|帮助)|(您|你)(本人|个人|自己)",
        r"(您|你)(个人|自己|本人)",
        r"对(您|你)(个人|本人)?(来说|而言)",
        r"(您|你)(今年)?.{0,4}(的)?(考核|KPI|kpi|绩效|压力|职责|指标|位置|前途|晋升|工作量|年终|奖金|仕途|口碑|面子)",
        r"(您|你)这边(的)?压力",
        r"(领导|老板|集团|上面|总部|院里)(对您|给您|怎么看您|考核您|找您|问您|催您|追着您)",
        r"(您|你)(被|会被)(考核|问责|追责)",
        r"(您|你)怎么(跟|向).{1,6}(交代|汇报)",
        r"对(您|你)(的工作|本人|这边)(有|会有)什么",
        r"(您|你)(这个|在这个)(位置|岗位)",
        r"(作为|身为)(负责人|厂长|主任|总监|经理|院长|处长|副总|分管)",
        r"压(在|到)(您|你)|(您|你)(肩上|身上)",
        r"私下|说句心里话|私人",
    ],
    [
        r"\b(would|does|will) (that|it|the target|this) (sit|land|fall) (with|on)\b|\bwhose (name|neck|head|desk|target|kpi)\b|\b(lands|falls) on (you|your)\b|\bwith you,? i'?d imagine\b|\bwho owns (that|the target|it|this)\b",
        r"\b(affect|impact|hit) you\b|\bare you (personally )?(stretched|swamped|under pressure|on the hook)\b",
        r"\bpersonally\b|\bon your desk\b|\b(do|mean) for you\b|(?<!work )(?<!works )(?<!suit )(?<!good )(?<!okay )\bfor you\s*\?\s*$",
        r"\bare you the one (who|that)\b|\bmeasures? your (success|performance)\b|\bat stake for you\b",
        r"\byour (own |personal )?(neck|head|reputation|bonus|career|success|job|standing|goals?|objectives|incentives?)\b",
        r"\byour own\b",
        r"\byou personally\b",
        r"\bfor you,? personally\b",
        r"\byour (kpis?|bonus|targets?|performance review|review|career|reputation|neck|objectives|scorecard|role|standing|credibility)\b",
        r"\bwhat matters (most )?to you\b",
        r"\bwhat'?s in it for you\b",
        r"\bhow are you (measured|evaluated|judged|assessed)\b",
        r"\bon your plate\b",
        r"\bkeeps? you up\b",
        r"\byour boss\b",
        r"\bfor you (and your team|in your role|with (the )?(leadership|board|management|boss))\b",
        r"\b(play|look|land|reflect) (for|on) you\b",
        r"\byou'?re (measured|accountable|on the hook)\b",
        r"\bmean for you\b",
        r"\bon the line for you\b",
        r"\boff the record\b|\bbetween (us|you and me)\b",
        r"\bpressure on you\b|\bputting .{0,15}pressure on you\b",
    ],
)
DECISION_PROBE = cue(
    [
        r"(什么时候|何时)(之前)?(上线|落地|启动|定下来|拍板|决定)|(怎么|如何)定下来的",
        r"(需要|要|得)经过(哪几位|哪些人|哪些部门|谁)|哪几位(首肯|点头|拍板|签字|同意)|谁(来)?(首肯|点头)|(总经理|城投|财务|老板|院长|副总|董事长|信息部|采购|法务|科技部).{0,10}(最在意|最看重|最关心|看重|在意|关心)(的是)?(啥|什么)",
        r"(财务|老板|领导|IT|采购|集团|总部|上面).{0,10}(要求|标准|门槛|红线|底线)|回本周期|投资回报|ROI|硬性要求",
        r"谁(来)?(决定|拍板|审批|签字|负责|说了算|参与|把关|定|批|点头|签)",
        r"决策(流程|链|人|者|过程|机制|层级)",
        r"拍板|审批|签字|说了算|点头",
        r"(还有|除了(您|你))(.{0,8})(哪些|谁|哪几位|哪位|其他|别的)",
        r"其他(部门|领导|人|同事)(会|也|要)|哪些(部门|领导|人)",
        r"(要|得|需要|还要|先|会|拿到|提交|报|走)上会|上会(讨论|研究|决定|审议|通过|过)|招标|投标|评标|采购(流程|程序|部门|委员会|那边)|预算|立项",
        r"时间(表|点|线|节点|安排|计划)",
        r"什么时候(要|上线|定|决定|启动|开始|到位|落地|需要|报|批)",
        r"(评估|评分|选型|采购|验收|评标)(标准|流程|维度|要求)|打分",
        r"(选|挑|选择|评估|比较|考察)(供应商|厂家|方案|产品|系统|合作方|型|伙伴).{0,12}(看|标准|因素|维度|方面|重视|看重|关注)",
        r"考虑哪些因素",
        r"(老板|领导|总经理|财务|IT|信息部|总监|委员会|董事会|集团|总部|上面|采购)(那边)?(会|要|需要|也)?(参与|评估|审|批|签|拍板|决定|点头|过问|把关|介入|同意|怎么看|的意见)",
        r"(需要|要|得)(经过|走|报)(哪些|什么|几)",
        # "行里一般怎么走流程？": how a purchase goes through, not how work is done.
        r"(怎么|如何)走(个)?(流程|程序)|走(什么|哪些|哪个|啥)(样的)?(流程|程序)",
    ],
    [
        r"\bwho (else )?(has|have|needs?) to (say yes|sign|approve|agree|be in the room|be involved)\b|\bwhose (approval|sign-?off|budget)\b",
        r"\bwho (else|makes|decides|signs|approves|will be involved|is involved|has the final|would need|needs to|should|would have|gets a say)\b",
        r"\bdecision",
        r"\bapprov",
        r"\bsign[- ]off\b",
        r"\bbudget",
        r"\btimeline\b",
        r"\btime ?frame\b",
        r"\bdeadline\b",
        r"\bby when\b",
        r"\bwhen (would|do|will|did) you (need|want|plan|expect|have to|hope)\b",
        r"\bup and running\b|\bgo[- ]live\b",
        r"\bcriteria\b",
        r"\bhow (will|would|do) you (evaluate|decide|choose|compare|select|score|pick)\b",
        r"\bprocurement\b",
        r"\bcommittee\b",
        r"\bstakeholder",
        r"\bbuying process\b",
        r"\btender\b|\brfp\b",
        r"\bwho (else )?(should|would) (i|we) (talk|speak)\b",
        r"\bcomfortable with (this|it|that)\b",
    ],
)
# A question that digs into what the buyer just said (the 反问 after a refusal).
PROBE = cue(
    [
        r"为什么|为啥|为何|怎么说|怎么讲|咋回事|怎么回事",
        r"哪(方面|些方面|一块|部分|个环节|些地方|一点)",
        r"具体(是|指|哪|来说|说说|讲讲|什么)",
        r"(担心|顾虑|在意|考虑|关心|纠结)(的是|什么|哪)",
        r"顾虑|原因|什么情况|什么(问题|状况|事)",
        r"(出了|发生了)什么",
        r"主要(是|考虑|担心|卡)(什么|哪|在哪)",
        r"指的是|是因为|卡在哪|什么意思|怎么理解",
        r"最(想|担心|在意|关心|想了解)(的是|什么|哪)",
        r"(您|你)(是)?(觉得|认为)(哪里|什么)",
        r"什么样的|跟谁比|比的是|说说|讲讲|展开|多说",
    ],
    [
        r"\bwhy\b",
        r"\bhow come\b",
        r"\bwhat makes you\b",
        r"\bwhat made you\b",
        r"\bwhat'?s behind\b",
        r"\bwhat (concerns|worries|bothers)\b",
        r"\bwhat happened\b",
        r"\btell me more\b",
        r"\bin what way\b",
        r"\bwhat (exactly|specifically)\b",
        r"\bwhich part\b",
        r"\bhow so\b",
        r"\bsay more\b",
        r"\belaborate\b",
        r"\bwhat do you mean\b",
        r"\bwhat would (you need|it take|make|need to)\b",
        r"\bcompared (to|with) what\b",
        r"\bwhat'?s driving\b",
        r"\bwhat'?s (the|your) (main |biggest |real )?(concern|worry|hesitation|question)\b",
        r"\bhelp me understand\b",
        r"\bmain thing\b",
        r"\bthink through\b",
        r"\bwhat'?s (holding|stopping)\b",
    ],
)
FOLLOWUP_MARKER = cue(
    [
        r"(您|你)(刚才|刚刚|前面|之前)?(说|提到|讲到|谈到|聊到|讲|提)(的|了|过)?(?!呢|说|吧|吗|得|的对)",
        r"刚刚(说|提到)",
        r"(这个|那个|这|那)(具体|详细)",
        r"具体(是|来说|讲讲|说说|指)",
        r"比如说|举个例子|能(再)?展开|(多|再)说(一点|一些|说)",
        r"(您|你)的意思是|怎么讲|为什么这么说|(您|你)指的是|是指",
    ],
    [
        r"^\W*(and|so|but)?\W*(such as|like what|meaning|in what sense|how so|what about|why is that|why's that|how come)\b",
        r"\byou (mentioned|said|noted|brought up|described|talked about|flagged)\b",
        r"\bearlier you\b",
        r"\btell me more\b",
        r"\bcan you elaborate\b",
        r"\bfor example\b",
        r"\bwhat do you mean\b",
        r"\bexpand on\b",
        r"\bwhen you say\b",
        r"\bgo back to\b",
        r"\byou just\b",
        r"\bsay more\b",
        r"\bwhy do you say\b",
        r"\bin what way\b",
    ],
)
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
    Topic.overview: cue(
        [
            r"业务",
            r"主营",
            r"做什么",
            r"主要做",
            r"公司(的)?情况",
            r"(贵|你们|您)(公司|单位|医院|集团)",
            r"整体",
            r"经营",
            r"基本情况",
        ],
        [
            r"\bbusiness\b",
            r"\bwhat you do\b",
            r"\boverview\b",
            r"\bcompany\b",
            r"\borgani[sz]ation\b",
        ],
    ),
    Topic.operations: cue(
        [
            r"流程",
            r"环节",
            r"怎么(做|操作|管理|运作|处理|安排)",
            r"操作",
            r"排产",
            r"排班",
            r"生产",
            r"运营",
            r"作业",
            r"日常",
            r"运作",
            r"调度",
            r"管理方式",
        ],
        [
            r"\bworkflow",
            r"\bprocess(es)?\b",
            r"\bhow do you (handle|manage|run|do|track|deal)",
            r"\bday-to-day\b",
            r"\boperation",
            r"\bproduction\b",
            r"\bscheduling\b",
        ],
    ),
    Topic.scale: cue(
        [
            r"规模",
            r"多少(人|家|个|台|辆|张|床|条|门店|员工|用户|单|件|吨|车)",
            r"几(个|家|条|台|辆|位)",
            r"产量",
            r"产能",
            r"体量",
            r"数量",
            r"人数",
            r"营收",
            r"销售额",
            r"多大",
        ],
        [
            r"\bhow many\b",
            r"\bhow big\b",
            r"\bvolume",
            r"\bsize\b",
            r"\bheadcount\b",
            r"\bscale\b",
            r"\brevenue\b",
            r"\bsites\b",
            r"\blocations\b",
            r"\bunits\b",
            r"\bfleet size\b",
        ],
    ),
    Topic.current_solution: cue(
        [
            r"现在用",
            r"目前用",
            r"用的是",
            r"在用",
            r"现有",
            r"系统",
            r"软件",
            r"工具",
            r"平台",
            r"手工",
            r"excel",
            r"表格",
            r"纸质",
            r"现在(是)?怎么",
        ],
        [
            r"\bcurrently use",
            r"\bcurrent (system|tool|setup|process|solution|platform)",
            r"\btoday,? (you|how)",
            r"\busing now\b",
            r"\bspreadsheet",
            r"\bin place\b",
            r"\bsystem\b",
            r"\bsoftware\b",
            r"\btool",
            r"\bexcel\b",
            r"\bmanual (workarounds?|re-?entry|errors?|checks)\b",
        ],
    ),
    Topic.supplier: cue(
        [
            r"供应商",
            r"厂家",
            r"合作方",
            r"合作伙伴",
            r"服务商",
            r"代理",
            r"(现在|目前)(的|那家)",
            r"合作(了)?多久",
            r"哪家",
        ],
        [
            r"\bvendor",
            r"\bsupplier",
            r"\bprovider",
            r"\bpartner",
            r"\bincumbent\b",
            r"\bwho do you (use|buy|work)\b",
        ],
    ),
    Topic.problem: PROBLEM,
    Topic.impact: IMPLICATION,
    Topic.goal: cue(
        [
            r"目标",
            r"计划",
            r"打算",
            r"希望",
            r"期望",
            r"规划",
            r"今年",
            r"明年",
            r"未来",
            r"三年",
            r"愿景",
            r"想要",
            r"指标",
            r"达到",
        ],
        [
            r"\bgoals?\b",
            r"\bplans?\b",
            r"\btargets?\b",
            r"\bobjective",
            r"\bhop(e|ing)\b",
            r"\baim",
            r"\bvision\b",
            r"\bnext year\b",
            r"\bthis year\b",
            r"\bpriorit",
            r"\bsuccess\b",
        ],
    ),
    Topic.personal: PERSONAL_PROBE,
    Topic.decision: cue(
        [
            r"决策",
            r"拍板",
            r"决定",
            r"审批",
            r"签字",
            r"说了算",
            r"流程(是|怎么)",
            r"(要|得|需要|还要|先|会|拿到|提交|报|走)上会|上会(讨论|研究|决定|审议|通过|过)",
            r"招标",
            r"立项",
            r"批",
        ],
        [
            r"\bdecision",
            r"\bdecide",
            r"\bapprov",
            r"\bsign[- ]off\b",
            r"\bbuying process\b",
            r"\bprocurement process\b",
        ],
    ),
    Topic.stakeholders: cue(
        [
            r"谁",
            r"哪些部门",
            r"哪几位",
            r"还有(谁|哪些|哪位)",
            r"其他(部门|人|领导|同事)",
            r"老板",
            r"总经理",
            r"领导",
            r"董事",
            r"财务",
            r"\bIT\b",
            r"信息(部|科|中心)",
            r"采购",
            r"副总",
            r"院长",
            r"厂长",
            r"主任",
            r"集团",
            r"总部",
        ],
        [
            r"\bwho else\b",
            r"\bstakeholder",
            r"\bboss\b",
            r"\bceo\b",
            r"\bcfo\b",
            r"\bcio\b",
            r"\bcoo\b",
            r"\bfinance\b",
            r"\bprocurement\b",
            r"\bit (team|department|director)\b",
            r"\bboard\b",
            r"\bcommittee\b",
            r"\bhead office\b",
            r"\bwho\b",
        ],
    ),
    Topic.budget: cue(
        [r"预算", r"资金", r"投入", r"拨款", r"费用(怎么|从哪|多少)"],
        [r"\bbudget", r"\bfunding\b", r"\bspend\b", r"\ballocat"],
    ),
    Topic.timeline: cue(
        [
            r"什么时候",
            r"时间(表|点|线|节点|安排|上)",
            r"期限",
            r"上线",
            r"deadline",
            r"节点",
            r"多久",
            r"进度",
            r"周期",
            r"(年底|年前|年内|季度)",
        ],
        [
            r"\bwhen\b",
            r"\btimeline\b",
            r"\btime ?frame\b",
            r"\bdeadline\b",
            r"\bby when\b",
            r"\bschedule\b",
            r"\bgo-live\b",
            r"\bhow soon\b",
            r"\bhow long\b",
            r"\bquarter\b",
        ],
    ),
    Topic.criteria: cue(
        [r"标准", r"看重", r"考虑(哪些)?因素", r"评估", r"选型", r"对比", r"条件", r"要求"],
        [
            r"\bcriteria\b",
            r"\bevaluat",
            r"\bcompar",
            r"\brequirement",
            r"\bmust-have",
            r"\blooking for in\b",
            r"\bweigh",
        ],
    ),
    Topic.price: cue(
        [r"价格", r"报价", r"多少钱", r"价钱", r"单价", r"贵", r"便宜"],
        [
            r"\bprice",
            r"\bpricing\b",
            r"\bquote\b",
            r"\bhow much is\b",
            r"\bexpensive\b",
            r"\bcheap",
        ],
    ),
    Topic.risk: cue(
        [
            r"风险",
            r"担心",
            r"顾虑",
            r"万一",
            r"出问题",
            r"失败",
            r"稳定",
            r"安全",
            r"合规",
            r"保障",
        ],
        [
            r"\brisk",
            r"\bworr",
            r"\bconcern",
            r"\bwhat if\b",
            r"\bfail",
            r"\bsecur",
            r"\bcomplian",
            r"\bstable\b",
            r"\bstability\b",
        ],
    ),
    Topic.competition: cue(
        [r"竞争对手", r"同行", r"友商", r"对手", r"市场份额", r"竞争"],
        [r"\bcompetit", r"\bmarket share\b", r"\brivals?\b", r"\bpeers?\b"],
    ),
    Topic.customers: cue(
        [r"客户", r"顾客", r"患者", r"病人", r"乘客", r"终端", r"消费者", r"会员", r"租户"],
        [
            r"\bcustomers?\b",
            r"\bclients?\b",
            r"\bpatients?\b",
            r"\bconsumers?\b",
            r"\bshoppers?\b",
            r"\btenants?\b",
        ],
    ),
    Topic.people: cue(
        [
            r"员工",
            r"人员",
            r"人手",
            r"招人",
            r"培训",
            r"流失",
            r"离职",
            r"技能",
            r"团队",
            r"人力",
            r"编制",
            r"加班",
            r"司机",
            r"护士",
            r"医生",
            r"工人",
        ],
        [
            r"\bstaff\b",
            r"\bpeople\b",
            r"\bhir(e|ing)\b",
            r"\btraining\b",
            r"\bturnover\b",
            r"\bskills?\b",
            r"\bteam\b",
            r"\bovertime\b",
            r"\bdrivers?\b",
            r"\bnurses?\b",
            r"\bworkers?\b",
            r"\bemployees?\b",
        ],
    ),
    Topic.cost: cue(
        [
            r"成本",
            r"开支",
            r"开销",
            r"花费",
            r"费用",
            r"浪费",
            r"人工费",
            r"油耗",
            r"能耗",
            r"电费",
        ],
        [
            r"\bcosts?\b",
            r"\bspend",
            r"\bexpense",
            r"\boverhead",
            r"\bwaste",
            r"\bfuel\b",
            r"\benergy bill",
        ],
    ),
    Topic.quality: cue(
        [
            r"质量",
            r"良率",
            r"合格率",
            r"不良",
            r"返工",
            r"缺陷",
            r"差错",
            r"准确(率|性)",
            r"投诉率",
            r"事故",
        ],
        [
            r"\bquality\b",
            r"\bdefect",
            r"\byield\b",
            r"\berrors?\b",
            r"\baccura",
            r"\brework\b",
            r"\bincidents?\b",
        ],
    ),
    Topic.strategy: cue(
        [
            r"战略",
            r"转型",
            r"数字化",
            r"扩张",
            r"发展",
            r"方向",
            r"增长",
            r"升级",
            r"布局",
            r"信息化",
            r"智能化",
        ],
        [
            r"\bstrateg",
            r"\btransformation\b",
            r"\bdigital",
            r"\bexpan",
            r"\bgrowth\b",
            r"\bdirection\b",
            r"\bupgrade",
            r"\bmoderni[sz]",
        ],
    ),
}


@lru_cache(maxsize=4096)
def topics_of(text: str, language: str) -> frozenset[Topic]:
    live = _live(text)  # most topics are ruled out without a call
    return frozenset(
        topic for topic, c in TOPICS.items() if c.mask & live and c.search(text, language)
    )


# --- buyer-side signals -------------------------------------------------------

# Someone the buyer works with: a supplier in place or a way of working.
INCUMBENT_REF = cue(
    [
        r"供应商|厂家|服务商|合作方|合作伙伴|那家|他们|人家|现在(这|那)(套|家|个)|现有的|目前的|老系统|原来的|[A-Z][A-Za-z]{2,}|合作|合同"
    ],
    [
        r"\b(vendor|supplier|provider|partner|them|they|incumbent|current (system|setup|one)|existing|contract|renew\w*)\b",
        r"(?<=[a-z,] )[A-Z][a-z]{2,}\b",
    ],
)
# Resistance, whatever the topic: "we won't", "nothing to discuss", "no reason to".
RESISTANCE = cue(
    [
        r"不(会|想|打算|考虑|准备|太想|太可能)(换|更换|替换|切换|动)|没(打算|想过|必要)(换|更换|动)|不换|换不了|暂(时)?不(换|动)",
        r"不好(说)?换(就换)?|说换就换|不能(随便|轻易)换|舍不得|(有)?感情|关系(很|挺|非常|一直)?(稳定|好|铁|不错)",
        r"没(有)?(意义|必要)|别(说|谈)了|没什么好(谈|聊|说)|不用(谈|聊|说)了",
        r"(换掉|替换|换).{0,6}(太)?(浪费|可惜|不划算|麻烦)",
        r"(用|合作)得(好好的|挺好|还行|不错|挺顺|挺稳|习惯)",
    ],
    [
        r"\b(no reason|no need|not looking|don'?t want|won'?t|not going|not planning|don'?t plan) to (switch|change|replace|move)\b",
        r"\bnothing to (discuss|talk about)\b",
        r"\b(happy|satisfied|fine|comfortable) with (them|our|the|what|how)\b",
        r"\bstick(ing)? with\b",
        r"\bwhy would (we|i) (switch|change|move)\b",
        r"\bnon-?starter\b|\bdeal-?breaker\b|\b(won'?t|doesn'?t|isn'?t going to) fly\b",
        r"\bdoesn'?t (sit|play) (nicely|well) with\b",
    ],
)

OBJECTIONS: dict[ObjectionKind, Cue] = {
    ObjectionKind.price: cue(
        [
            r"价格(这块|方面|上)?(儿)?(你们)?(心里)?有(个)?数(吧|吗|啊)|价(格|钱)(这块儿?)?(你们)?(自己)?(掂量|看着办)|别(跟我)?报(得)?(太)?高|报价(要|得)?实在(点|些)",
            r"(可|也|并|真|实在)?不便宜|价格(也)?不低|吃不消|不划算|高出(一大截|很多|不少)|高(了|太多)|(别人|别家|人家|他们)(家)?.{0,8}(才|只)(报|要|卖|收)|这个(数|价)(字)?.{0,8}(摇头|吓人|吃不消|批不了|难)",
            r"价格(上|方面)?(能不能|可不可以|还能|再)?(商量|谈|优惠|便宜|让|松动)|(价|价格|价钱)(还)?(能|可以)(再)?(低|少|便宜|谈)",
            r"性价比|价钱|不值(这个价|那么多)|贵得|太高了",
            r"(太|很|挺|比较|有点|偏|这么|那么|也太|实在|真)贵|贵(了|得)",
            r"(价格|价钱|单价|报价|开价|要价)(太|偏|有点|比较|也|还是|实在|都)?(高|贵|离谱)",
            r"超出(预期|心理价)",
            r"比.{1,12}(贵|高)(了|出|不少|很多|一倍|一截|\d|[一二两三四五六七八九十]成)",
            r"(便宜|低)(了)?(很多|不少|一半|一截|\d+|[一二两三四五六七八九十]成)",
            r"价格(没|没有)(什么)?优势|性价比(不|太低|一般)",
            r"(这个|这)价(格|钱)?.{0,4}(接受不了|下不来|批不了|不太现实|太离谱|吓人)",
            r"人家(报价|报的|只要|才)",
            r"别家.{0,10}(便宜|低)",
            r"价格(上|这块)(我们)?(很难|难以|没法)",
            r"(报价|价格|开价|要价|报的|给的).{0,10}比(你们|你家|你).{0,6}(低|便宜|少)",
            r"(要|卖|报|开价|收)(\d+|[一二两三四五六七八九十百千万]+)[万块元千](多)?[?？!！]",
            r"抢钱|去抢|坑人|宰人|天价|漫天要价|狮子大开口",
            # "The sums don't work": the cost outweighs what it saves.
            r"账(上|面)?(也)?(算|算得)?不过来|算不过(来)?账|这(笔)?账(怎么|根本)?(算|算得)?不(过来|平|通)|划不来|不值当|得不偿失",
            r"(单价|价格|报价|价钱)?再(降|便宜|优惠|让|打)(个|点|一点|些|\d+|[一二两三四五六七八九]成|折).{0,12}(考虑|谈|才行|再说|就签|就定)",
            r"(能|可以|可不可以|能不能)(再)?(便宜|优惠|降价|少点|打折|让点)",
            r"便宜(点|一点|些)(吗|吧|呗|不)|(有|给)(没有)?(折扣|优惠)(吗|没)",
        ],
        [
            r"\bmore than we (were expecting|expected|thought|planned)\b|\bhard to swallow\b|\bcame in .{0,25}\b(under|below|lower|cheaper)\b|\bfor that (money|price)\b",
            r"\bwiggle room\b|\bflexib\w* on (the )?price\b|\bbest offer\b|\btoo rich\b|\bcost(s)? a fortune\b|\barm and a leg\b|\bbreak the bank\b|\bexpensive\b|\bpremium\b",
            r"\btoo expensive\b",
            r"\b(not|n'?t|never|hardly) cheap\b|\bcost(s)?,? though\b|\bhow much (is|does|would) (it|this|that)( \w+)? (cost|run|set us back),? (though|anyway)\b",
            r"\bpricey\b",
            r"\b(price|pricing|quote|cost)('s| is| seems| looks| was)? (too |very |a bit |rather |way |pretty )?(high|steep)\b",
            r"\bcosts? (too much|a lot more|way more)\b",
            r"\b(is|are|were|was)( \w+)? cheaper\b",
            r"\bout of (our|my) price\b",
            r"\bmore expensive\b",
            r"\bcan'?t justify the (cost|price|spend)\b",
            r"\bsteep\b",
            r"\bquoted (us )?(less|lower)\b",
            r"\bnumbers? (don'?t|doesn'?t) work\b",
            r"\bthat'?s a lot of money\b",
            r"\b(do|move|sharpen|budge|better) (anything |something )?(on|with) (the |your )?(price|pricing|number)\b",
            r"\bprice (doesn'?t|won'?t|has to|needs to|must) (move|come down|budge|drop)\b",
            r"\b(bring|get|knock) (the price|it|that) down\b",
            r"\bwhat'?s your best price\b",
            r"\bany (discount|flexibility on (the )?price)\b",
            r"\b\d+ ?(%|percent) (more|higher|above)\b",
            r"\b(twice|double) (the price|what)\b",
        ],
    ),
    ObjectionKind.budget: cue(
        [
            r"钱.{0,6}(花|用)(在|完|光)|一分(钱)?(都|也)?没(留|有)|没留(预算|钱)|预算.{0,8}(明年|下半年|下个财年|等)|(明年|下半年)(才|再)(有|报|批)",
            r"砍(开支|预算|成本)|(新项目|投资|采购|开支)(一律|全部|都)?(暂缓|暂停|冻结|搁置|停了)|手头(紧|不宽裕)|账上|闲钱",
            r"没(有)?.{0,6}预算",
            r"预算(不够|有限|紧|很紧|已经|用完|砍|没|卡|冻结|定了|报完|批完|花完|超|早|不足)",
            r"没钱|钱(是个)?(大)?问题|钱.{0,4}(紧|不够|没了|批不下来|从哪|不好批)",
            r"(资金|经费|费用)(紧张|有限|压力|不够|紧)",
            r"今年(没有|不会|不太可能)(这笔|这块|再)?(钱|预算|投入)",
            r"不在(今年的?)?(预算|计划)(内|里)?",
            r"降本|控费|缩减开支|压缩开支",
            r"拿不出",
            r"盘子(就这么大|分完|定了|满了|早)",
            r"(早|已经|都)(就)?(分完|用完|花完|批完|报完|花光)",
            r"没有?(单独|专项|额外)的?(预算|经费|钱)",
            r"(投入|开支|采购|投资)(暂停|冻结|收紧|都停)",
        ],
        [
            r"\bbudget\b.{0,30}\b(spoken for|already (been )?(allocated|committed|spent|gone)|used up|tied up)\b",
            r"\bnot (opening|adding|creating|approving|starting) (a |another )?new\b.{0,30}\b(line|spend|budget|cost|po)\b",
            r"\b(six|seven)-figure\b.{0,40}\b(not|no|can'?t|won'?t|isn'?t)\b|\b(not|no|can'?t|won'?t)\b.{0,40}\b(six|seven)-figure\b",
            r"\bno money left\b|\b(discretionary )?spend(ing)? (is )?on hold\b|\bfind the (funds|money)\b|\b(wait (for|until)|not (in|until)) (the |this |next )*budget cycle\b|\b(budget|money) (closed|gone|used up|spent|allocated|committed)\b",
            r"\bwasn'?t budgeted\b|\bnot in the plan\b|\b(funds|cash|cash ?flow) (are |is )?(tight|limited)\b|\bno capex\b",
            r"\bno budget\b",
            r"\bbudget('s| is| was| has been)? (is )?(tight|cut|frozen|spent|gone|locked|limited|exhausted|used up|(allocated|set|committed)(?! (by|per|for each|on a|according|at the)\b))\b",
            r"\bnot budgeted\b",
            r"\bcan'?t afford\b",
            r"\bdon'?t have (the )?(money|funds|budget)\b",
            r"\bno (money|funds|capex)\b",
            r"\bcost[- ]cutting\b",
            r"\bspending freeze\b",
            r"\btight budget\b",
            r"\b(froze|frozen|freez\w*|cut|slashed|paused|halted) (all |any )?(new )?(capital |discretionary |it )?(spending|spend|budgets?|investment|purchases|capex)\b",
            r"\b(spending|budget|capex) (is |are )?(on hold|frozen|paused)\b",
            r"\bnot in (this year'?s|the|our) budget\b",
            r"\b(out of|over|above|beyond) (our|the) budget\b",
            r"\babove what we (budgeted|planned)\b",
        ],
    ),
    ObjectionKind.incumbent: cue(
        [
            r"战略(合作|伙伴)|长期合作关系|指定(的)?(供应商|厂家|品牌)|规定(只能|必须)用|数据都在.{0,8}(里|上)",
            r"不是小事|没那么简单|牵一发而动全身|一直(是)?(用|跟)",
            r"(重新)?(培训|适应|磨合).{0,8}(一遍|半年|好久|麻烦|折腾)|换.{0,10}(磨合|重新培训|重新适应|从头再来)|用习惯了|都习惯了",
            r"没(有)?(换|更换)的(打算|计划|想法|必要)|暂(时)?(没|不)(打算|考虑|想)?换",
            r"凭什么换|为什么要换|换什么换|有什么理由换|没(理由|道理)换",
            r"(没法|不能|不让|不好|不方便|动不了)(随便)?换|集团(统一)?(采购|定的|指定)",
            r"刚(花|上|买|换|签)了?.{0,12}(系统|设备|合同|软件|平台)|(合作|用)(得)?(挺|很|非常)?(愉快|顺利|满意|顺手)",
            r"(跟|和)(我们)?(老板|领导).{0,6}关系(很|挺|非常)?(好|铁|近)",
            r"已经(有|定了|选了|签了)(了)?(供应商|合作|别家|厂家|服务商|人在做|固定)",
            r"(现在|目前)(用|合作)的.{0,12}(挺好|还行|不错|可以|稳定|用惯|顺手|没问题)",
            # ...but "车队我给你推两家老关系" hands over contacts: a referral, not loyalty.
            r"^(?!.*(给(你|您)|帮(你|您)|推荐|介绍|推(两|几|一)?(家|个))).*?老(关系|供应商|合作伙伴)",
            r"换(供应商|系统|厂家|平台)?(的)?(成本|麻烦|代价)",
            r"没必要换|不(会|想|打算|考虑|准备)(换|更换)|没打算换|说换就换|换不了",
            r"(续|签)了.{0,8}(合同|约|协议)|合同(还没到期|没到期|期内|还有.{1,4}年)",
            r"签了(长期|.{0,4}年的?)?(合同|协议|框架)",
            r"用惯了|合作惯了",
            r"才(上|用|买|换)了.{0,4}(年|个月)",
            r"跟别家签",
            r"(跟|和)(现在|目前|原来)?(这家|那家|他们|人家|[\u4e00-\u9fff]{2,4})合作(了)?(快|有|都|好)?[一二三四五六七八九十两几\d]+年",
            r"(人家|他们|他家)(的)?(服务|售后|响应|技术支持)(也|都|一直)?(挺|很|还算|算是)?(到位|不错|周到|及时|靠谱)",
        ],
        [
            r"\b(all )?our data is (in|on) their\b|\bbuilt (it )?(specifically|just|especially) for us\b|\bmaster (service )?agreement\b|\bpreferred (vendor|supplier|partner)\b",
            r"\bnever let us down\b|\bhappy where we are\b|\bstandardi[sz]ed on\b|\bembedded in\b|\bgoes back (years|a long way)\b|\bmid-contract\b|\bknow our (quirks|business|processes)\b|\bno complaints\b",
            r"\bretrain\w* (everyone|everybody|the (whole )?team|all|staff|people)\b|\b(switching|migration|moving) (would be|is) (a )?(nightmare|pain|hassle|huge|massive)\b",
            r"\bloyal to\b|\blocked into\b|\b(\w+|\d+)-year (deal|contract|agreement)\b|\bdoes the job\b|\bdon'?t see why we'?d (change|switch|move)\b",
            r"\bjust (finished|implemented|rolled out|installed|signed|renewed|deployed)\b|\brip(ping)? (it |them )?out\b|\bbeen with \w+ (forever|for years|for ages|a long time|since)\b|\btreat us well\b",
            r"\balready (have|work with|use|got) (a|an|someone|somebody|our|the|one)\b",
            r"\bcurrent (vendor|supplier|provider)\b.{0,30}\b(fine|good|happy|works)\b",
            r"\bunder contract\b",
            r"\b(long|long-standing|good|strong) relationship\b",
            r"\bswitching (cost|is|would|costs)\b",
            r"\bno reason to (switch|change)\b",
            r"\blocked in\b",
            r"\bworked with .{1,30} for (years|\d+|a long)\b|\b(worked with|used|had|been with) .{1,30} for (\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|many|several) years\b",
            r"\bthey (look after|take care of|treat) us\b",
            r"\bwhy would (we|i) (switch|change)\b",
            r"\brenewed\b",
            r"\balready covered\b",
            r"\b(existing|current) (provider|vendor|supplier|partner) (handles|does|covers|takes care)\b",
            r"\bsigned with (someone|somebody|another)\b",
            r"\bcovered by our (existing|current)\b",
        ],
    ),
    ObjectionKind.no_need: cue(
        [
            r"先不考虑|不考虑了|规模(还)?(小|不大)|量(还)?(不大|很小|太小)",
            r"不(太)?重视|不是(我们的)?重点|还是习惯手工|(没|不)(到|需要)(那一步|那个程度)",
            r"(我们)?自己(就)?(能|可以)?(搞定|开发|做|解决|弄|处理)(好|了)?|不用(找)?外面|内部(就)?(能|可以)?(解决|搞定|开发)",
            r"没觉得(有)?(什么)?(要|需要|可以)?(改|问题|不好)|(这样|现在)(就)?挺好(的)?|用不到|就行了|上什么系统|要什么系统",
            r"没(有)?(这方面|这个|这类|这块)的?(打算|计划|需求|想法)",
            r"不需要(?!换)|用不上|用不着",
            r"没(有)?(这个|这方面|什么)?需求",
            r"没什么(问题|需要|大问题|痛点)",
            r"挺好的|够用(了)?|就够了|凑合(用|着)",
            r"没(那么|这么)(急|必要|复杂)",
            r"不是(重点|当务之急|优先|刚需)",
            r"不感兴趣|没(什么)?兴趣",
            r"(暂时|目前|现阶段)(还)?(不考虑|没(有)?(计划|打算|想法))",
            r"没必要(?!换)",
            r"不缺|杀鸡用牛刀|大材小用",
            r"(规模|量|我们)(太|还)?小.{0,6}(用不|没必要|不需要|用不上)",
            r"不用了",
        ],
        [
            r"\b(small|tiny) (shop|team|operation|outfit|company|business)\b",
            r"\bit'?s not broken\b|\bapplies to us\b|\bnot there yet\b|\bnot ready for\b|\bwhen we'?re bigger\b",
            r"\bin-house\b|\bwe'?ve got (it|that|this) covered\b|\bbuilt our own\b|\bdo (it|that) ourselves\b|\bhandle (it|that|this) ourselves\b",
            r"\bworks (just )?(fine|well|ok|okay) for us\b|\bwhat we have works\b|\bnot (really )?a (pain point|problem|priority|issue|concern) for us\b",
            r"\bwe don'?t have (that|this|any such|those) (problem|issue)s?\b|\bdon'?t think we need\b|\bwe'?re (all )?(covered|sorted)\b|\bain'?t broke\b|\bhappy as (we are|is)\b",
            r"\bdon'?t (really )?need\b",
            r"\bno need\b",
            r"\bnot (a |really a )?priority\b",
            r"\bwe're (fine|good|okay|all set)\b",
            r"\b(doing|managing|getting by|coping|get by|manage) (fine|ok|okay|well|alright|just fine)\b",
            r"\bworks (fine|well|okay)\b",
            r"\bnot interested\b",
            r"\bdoesn'?t apply\b",
            r"\bnothing wrong\b",
            r"\bgood enough\b",
            r"\bnot a problem for us\b",
            r"\bnot looking (for|to)\b",
            r"\bno plans? to\b",
            r"\btoo small (to|for)\b",
            r"\boverkill\b",
            r"\bnot for us\b",
            r"\bdon'?t see the (need|point)\b",
        ],
    ),
    ObjectionKind.no_time: cue(
        [
            r"腾不出(手|时间|空)|忙得(团团转|不可开交|要命)|忙不过来|没(那个)?(闲)?(工夫|心思|精力)|哪有空",
            r"没(有)?时间|没空|没工夫|哪有(工夫|时间|空|心思)",
            r"(很|太|特别|实在|真|最近|这阵子|这几天)(忙|没空)|忙(得|死|不过来|疯|晕|翻)",
            r"(只有|就|只剩|就给你)(个)?.{0,3}(分钟|一会)",
            r"(马上|一会儿?|待会|等下|等会|半小时后|十分钟后)(还)?(有|要|得)(个|一个)?(会|事)",
            r"赶时间|长话短说|抓紧(时间|点)|说重点|直接说重点|别绕",
            r"(挤|抽)出(来)?的时间|抽不出(时间|空)",
            r"谁有(心思|工夫|精力|空|闲心)|节骨眼(上|儿上)",
            r"时间(有限|很紧|不多|紧)",
            r"顾不上|顾不过来|脚不沾地|焦头烂额|分身乏术|没心思",
            r"(我)?(这会儿|现在|正在|正|在)(开会|会上|忙着|外面|开车|出差)|(我|人)(这会儿|现在|正|还)?在路上",
        ],
        [
            r"\bback-to-back\b|\b(you'?ve got|you have|i have|i'?ve got) (\w+ )?minutes\b|\bin the middle of\b|\buntil after\b|\bcan'?t give (this|it) (any )?(attention|time)\b|\bno bandwidth\b|\bfirefighting\b",
            r"\bno time\b",
            r"\b(don'?t|do not) have (the |much |any )?time\b",
            r"\bhaven'?t (got )?(the |much |any )?time\b",
            r"\b(really |very |pretty |super |crazy |so )?busy\b(?! (season|period|time of year|months?))",
            r"\bslammed\b|\bswamped\b|\bsnowed under\b|\bflat out\b",
            r"\b(only|just|about|barely|maybe) (\w+ )?(\d+|five|ten|fifteen|twenty|a few|couple of) minutes\b|\b(\d+|five|ten|fifteen|twenty|a few|couple of) minutes (before|until|till|left|tops|max)\b",
            r"\bin a hurry\b",
            r"\bmake it quick\b",
            r"\bget to the point\b",
            r"\brunning late\b",
            r"\banother meeting\b",
            r"\bshort on time\b",
            r"\bhard stop\b",
            r"\bkeep (it|this) (short|brief)\b",
            r"\bcan we not do this\b",
            r"\bnot a good time\b|\bbad time\b",
        ],
    ),
    ObjectionKind.risk: cue(
        [
            r"(以前|之前|前几年|前些年|早些年|前年|去年|当年|[一二三四五六七八九十两几\d]+年前|上回|上次)[^。！？!?]{0,12}?(上|用|买|搞|做|引进|装|试)过[^。！？!?]{0,24}?(没人用|用不起来|烂尾|失败|不了了之|打水漂|白花|扔了|搁置|回到|退回|又用回|吃过亏|踩过坑|没下文|黄了|半途而废|白搭)",
            r"(要是|万一|如果|假如).{0,12}(出岔子|出问题|不行|搞砸|掉链子|黄了|停线|停产|宕机)",
            r"(停|耽误|折腾|输|经|担|冒)不起|被坑过|吃过亏|栽过跟头|心里(发怵|没谱|没底|打鼓)|发怵|没谱|打鼓",
            r"(没|缺)(什么|有)?(同行业的?)?(案例|成功案例|先例|经验)(吧)?|成(了)?摆设|用不起来|落不了地|推不动|(员工|一线|下面|工人)(不用|不买账|抵触|不配合)",
            r"(数据|资料)(怎么办|会不会丢|丢了|安全吗|泄露)|(你们)?(不做了|倒闭|被收购|跑路)|靠得住(吗|么)|能不能(撑|扛|保证)住?|谁来兜底",
            r"(风险|隐患)(太|很|挺|比较)?(大|高)",
            r"(换|上|切换|迁移|实施|上线|改|动).{0,10}(风险|出问题|出乱子|停|乱)",
            r"万一.{0,20}(出问题|出事|停|不行|失败|搞砸|延期|砸|出乱子)",
            r"不放心|没(把握|底)|心里没底",
            r"靠不靠谱",
            r"出(了)?(问题|事|故障).{0,6}(谁|怎么办)",
            r"上次.{0,25}(失败|出问题|吃亏|踩坑|延期|超期|搞砸|折腾|烂尾|鸡飞狗跳)",
            r"不敢(换|上|动|冒)",
            r"谁(来)?(负责|担|兜底)",
            r"保证不了",
            r"(你们|新)(的)?(系统|产品|方案|公司).{0,10}(行不行|稳不稳|靠谱|成熟)",
            r"(担心|怕|顾虑|犹豫)(的是)?.{0,6}(你们|换|上新|切换|迁移|实施|上线|再折腾|折腾|出乱子|影响(生产|业务|正常))",
            r"小白鼠|试验品|第一个吃螃蟹|当(第一个|先例)",
            r"(数据)(安全|泄露|丢)",
            r"(成立|做)(才|没)?(几|两|三|\d)年",
        ],
        [
            r"\b(blow up|go sideways|go wrong|backfire)\b|\b(been|got|get|getting) burned\b|\bburned (us )?(before|last time|by (a|the|our|another))\b|\bwary\b|\bnervous\b|\bscared\b",
            r"\b(my|our|the) (worry|concern|fear) is\b|\bcutover\b|\bcan'?t (afford to |have )(the )?\w+ (go )?down\b|\b(small|young|new) (outfit|company|vendor|player)\b",
            r"\bget (acquired|bought)\b|\bgo (bust|under|out of business)\b|\bhow do i know\b|\bwhat guarantee\b|\bwhat happens (if|when) (you|it|the|this|that|something|we)\b",
            r"\b(handing|hand over|give) .{0,25}data\b|\bdata (to a third party|privacy)\b|\bprove it\b",
            r"\brisky\b",
            r"\btoo (much )?risk\b",
            r"\b(worried|concerned|nervous|afraid|scared) (about|that|of) .{0,30}(switch|chang|migrat|rollout|implement|go-?live|disrupt|fail|data|you|your)",
            r"\bwhat if (it|this|something|the system|you|the rollout|the migration)\b",
            r"\bburned before\b",
            r"\b(sitting|sat|gathering dust) on (a|the) shelf\b|\bshelfware\b|\bgathering dust\b",
            r"\b(tried|had|installed|put in|rolled out|bought|did)\b.{0,60}\b(went nowhere|never (got used|worked|took off|went live)|nobody used (it|them)|no one used (it|them)|ripped (it|them) out|got shelved|fizzled|flopped)\b",
            r"\b(nobody|no one) (ever )?used (it|them)\b.{0,30}\b(ripped|took|pulled|threw) (it|them) out\b",
            r"\blast time (we|it|they)\b",
            r"\bcan'?t afford (a|to) (fail|mess|go down|disrupt)",
            r"\bdisrupt",
            r"\bguarantee\b",
            r"\bunproven\b",
            r"\bwho('?s| is) (responsible|accountable|on the hook)\b",
            r"\bnot convinced (it|you)\b",
            r"\bwe can'?t risk\b",
            r"\bgamble\b",
            r"\bguinea pig\b|\blab rat\b|\bfirst (customer|adopter|one to)\b",
            r"\bhas anyone (in|like|else)\b",
            r"\bdata (security|safety|breach|leak)",
            r"\bsmall (company|vendor|startup)\b|\bstart-?up\b",
        ],
    ),
    ObjectionKind.send_material: cue(
        [
            r"(有|有没有)(什么)?(资料|材料|介绍|手册|彩页)(吗|么|[？?])|把.{0,6}(资料|材料|方案|报价单?|介绍|手册|PPT|ppt|案例)(发|给|留|传)(我|过来|一份)?",
            r"有没有.{0,4}(宣传册|宣传资料|手册|彩页|白皮书|电子版)|(宣传册|彩页|白皮书)(吗|呢|[？?])",
            r"(发|传)(我|给我)?.{0,4}(微信|邮箱|邮件|手机)(上)?|有空(翻翻|看看)|我先看看再说",
            r"(?<![别不])(发|寄|传|丢)(我|给我|我们|过来|一下|到)?(一)?(个|份|些|套|点)?(资料|材料|方案|介绍|报价|ppt|PPT|文档|手册|彩页|案例|东西|链接|说明|样册|白皮书)",
            r"给(我|我们)(一)?(份|个|些|套|点)(资料|材料|方案|介绍|文档|手册|彩页|案例|东西)",
            r"资料(先)?(发|留|放|给)",
            r"(发|放)(到)?(我)?(的)?邮箱|邮件(发|给)",
            r"留(个|份|下|点)(资料|材料|名片)",
            r"先看看(资料|材料|方案|东西)",
            r"(你|您)?(先)?(?<![别不])发(过来|给我)(看看)?",
        ],
        [
            r"\bin writing\b|\b(see|look at) (a|your) (deck|brochure|one-pager)\b",
            r"(^|[,;:—-]\s*|\b(just|please|can you|could you|why don'?t you|you can|you could|maybe|then|so|first)\s+)send (me |us )?(something|some|a|an|the|your|it|that|over|through|across|info|details|stuff)\b",
            r"(^|[,;:—-]\s*|\b(just|please|can you|could you|why don'?t you|you can|you could|maybe|then|so|first)\s+)send (me|over|us|it|through|across)\b",
            r"\bemail (me|it|over|us|something)\b",
            r"\bbrochure\b",
            r"\b(send|email|forward|drop|leave|mail|pass)( me| us| over| along)?( some| the| your| a)? (material|materials|info|information|deck|slides|literature|one-pager|case studies|overview|summary)\b",
            r"\b(just|why don'?t you|can you|could you) (send|email|forward)\b",
            r"\bleave (me )?(some|a|your)\b",
            r"\bput (it|something|that) in (an |a )?(email|writing)\b",
            r"\bdrop me (an email|a line|something)\b",
            r"\bshoot (me|it) over\b",
            r"\bforward (me|it)\b",
        ],
    ),
    ObjectionKind.think_it_over: cue(
        [
            r"(考虑|想想|想一想|研究|商量|讨论|琢磨|斟酌|掂量|权衡|消化|合计)(一下|考虑|看看|再定|商量|研究|讨论|琢磨|消化|合计)",
            r"再(考虑|想想|想一想|看看|等等|研究|商量|讨论|琢磨|斟酌|消化|评估)",
            r"内部(先|再)?(商量|讨论|研究|评估|过一下|走一下)",
            r"(还|再)没想好|想好了(再|就)",
        ],
        [
            r"\bnobody touches\b|\b(freeze|frozen|moratorium|blackout)\b.{0,40}\b(peak|season|until|between|through|over)\b|\bnot (during|before|until|till) (peak|the (peak|season|busy season)|january|next year|q[1-4])\b",
            r"\b(not sure|don'?t know if|doubt) (the |this |now )?(timing|time)('?s| is)? (right|good|ideal)\b|\bnot sure (now|this) is the (right )?time\b|\btiming('?s| is)n'?t (great|right|ideal)\b",
            r"\bneed (a bit of |some |more )?time to (think|consider|digest|review|process|mull)\b|\bweigh (our|the|my) options\b|\bcome back to you\b|\btake (some|a) (time|day|week)\b",
            r"\bthink (about it|it over|about this|on it)\b",
            r"\blet me (think|consider|discuss|talk|mull|sleep)\b",
            r"\bmull\b",
            r"\bsleep on it\b",
            r"\bchew (on|over) (it|this|that)\b|\bmull (it|this|that) over\b",
            r"\bdiscuss (it |this |that )?internally\b",
            r"\btalk (it )?over (with|internally)\b",
            r"\bneed (some )?time to (think|consider|digest|review)\b",
            r"\bneed to digest\b",
            r"\brevisit\b",
        ],
    ),
    ObjectionKind.authority: cue(
        [
            r"流程(长|慢|复杂|繁琐)(着呢|得很)|(审批|流程|手续)(太|很|特别|可)(长|慢|复杂|繁琐|多)",
            r"(领导|老板|上面|总经理|董事长|[\u4e00-\u9fff]总)(对)?(这种|这类|这些)?[^，。！？]{0,6}(不太|不怎么|不大|不)(感冒|感兴趣|热心|买账|支持)",
            r"(没|未)(立项|审批|批下来|上会|过会|招标)[^。！？!?]{0,6}(不能|不可以|没法|不让|签不了|定不了|动不了)",
            r"(我|我们这边)(只负责|就是个|只是个|就管|只管)|不归我管|不是我管|管不了|做不了.{0,4}决定|最(终|后)(还是|得)?.{0,6}说了算",
            r"只能(帮你)?(递个话|往上报|反映|推荐|建议|转达)|帮你(往上)?(递|报|反映|转达)(个话|一下|上去)?",
            r"我.{0,6}(说了不算|做不了主|定不了|决定不了|拍不了(这个)?板|批不了|签不了|没(有)?(这个)?(权|权限|权力))",
            r"(跟|找)我(说|谈|讲)(了)?(也)?没用|(得|要|你得|你要)(去)?找(我们)?(老板|领导|上面|总|经理|总监|董事)",
            r"我.{0,4}(跟|和|找|向|给)(领导|老板|上面|上级|[\u4e00-\u9fff]总|经理|总监|董事|委员会|财务|集团|总部).{0,6}(商量|汇报|请示|说一下|确认|沟通|报|反映|申请)",
            r"(得|要)(等|看|听)(上面|领导|老板|集团|总部)(的)?(意思|意见|安排|决定|指示)",
            r"(我|这)(个)?(说了不算|做不了主|定不了|决定不了|拍不了板|没(有)?(这个)?权)",
            r"不是我(一个人)?(能)?(定|决定|说了算|拍板)",
            r"(我|这边)只(能|是)(提|建议|推荐|收集|负责)",
            r"(拍板|决定|说了算)的(是|不是我)",
            r"轮不到我",
            r"我(得|要|需要|还得|还要|要先|得先|先)(回去)?(问问|问一下|请示|汇报|报给|报上去|征求|听听)",
            r"我(得|要|需要|还得|还要|要先|得先|先)(回去)?(跟|和|找).{1,12}(商量|汇报|说一下|确认|请示|沟通|通个气|研究)",
            r"(他|她|他们|领导|老板)(来)?(定|拍板|说了算|决定)(吧|的)?\s*[。.!！]?\s*$",
        ],
        [
            r"\b(goes|go|has to go|have to go|must go) (out )?to (a )?(public )?tender\b.{0,40}\b(forever|months|long|slow|ages)\b|\b(approval|procurement|purchasing|sign-?off) process (is|takes)( \w+)? (slow|long|forever|months|ages)\b",
            r"\bnothing (gets|is|can be|can get) signed (before|until|without)\b|\bcan'?t sign anything (before|until|without)\b",
            r"\b(my|our|the) (boss|manager|director|gm|c[a-z]o|md|owner|owners|board|vp|president|chairman|partners)( \w+)? (isn'?t|is not|aren'?t|are not|won'?t be) (big on|keen on|sold on|a fan of|into|excited about|warm to)\b",
            r"\bput in a good word\b|\bpass (it|this) (up|along|on)\b|\bboard-level\b|\b(boss|manager|director|cfo|ceo|board|vp)'s (call|decision)\b|\bthat'?s (for|up to) (my|the|our) (boss|manager|director|cfo|ceo|board|vp)\b",
            r"\bnot the (decision[- ]?maker|one who (decides|signs|approves))\b|\b,? not me\s*[.!]?\s*$",
            r"\b(you'?d|you would|you'?ll|you will) (really )?(need|have) to (talk|speak) (to|with)\b|\byou should (talk|speak) to (my|our)\b",
            r"\b(i'?d|i would|i'?ll|i will|i need to|i have to|i'?ve got to) (have to )?(take|bring|run) (this|it|that) (to|by|past)\b",
            r"\bout of my hands\b|\bnot my budget\b|\bi don'?t hold the budget\b|\bsomeone above me\b",
            r"\bnot (really |entirely |exactly |just )?(my|up to me)\b",
            r"\bnot my (call|decision)\b",
            r"\babove my (pay ?grade|head)\b",
            r"\bi (can'?t|don'?t|cannot|do not) (decide|sign|approve|make that call|make the call|commit)\b",
            r"\bi (just|only) (make|give) (a )?recommendation",
            r"\b(i'll|i'd|i will|i need to|i have to|i'd have to|i'll have to|let me|i must) (need to )?(run (it|this|that) (past|by)|check with|talk to|ask (my|our|the) (boss|manager|gm|ceo|cfo|coo|director|vp|board|owner|partners?)|take (it|this) to|get (approval|sign-?off)|clear (it|this) with)\b",
            r"\b(i'?d|i) (still )?(need|have) to (make the case|sell (it|this)|convince|justify (it|this)|get .{0,20} (on board|to sign|to agree))\b|\bnot sure what i'?d tell (him|her|them|my)\b",
            r"\bneed (approval|sign-?off)\b",
            r"\b(before|until) i (go to bat|stick my neck out|put my name on|take (it|this) upstairs)\b",
            r"\b(he|she|they) (decides|signs|approves|has the final (say|word)|makes the call|calls the shots)\b",
        ],
    ),
}
# Someone else inside who will resist: "院长们不会愿意的", "新东西他不一定乐意",
# "my plant managers will never go for it". Not the buyer's own authority, so
# it stays an objection even when the trainee has just asked who decides.
INTERNAL_RESISTANCE = cue(
    [
        r"(?<![你我咱您])(?!你们|我们|咱们|您们)(他|她|他们|她们|下面的人|底下的人|[\u4e00-\u9fff]{1,3}们)(肯定|都|也|恐怕|怕是|估计)?(不会|不肯|不可能|未必|不见得|不一定)(会)?(愿意|乐意|同意|答应|买账|接受|配合|点头|放(手|权))",
        r"谁(会|肯)?愿意(把)?.{0,8}(交出来|交出去|让出来|放(手|权))",
    ],
    [
        r"\b(he|she|they|(my|the|our) (\w+ ){0,2}\w+s)('ll| will)? (never|not|won'?t) (go for|accept|agree to|sign off on|buy into|give up)\b",
        r"\b(he|she|they|(my|the|our) (\w+ ){0,2}\w+s) (won'?t|will never|would never|aren'?t going to) (like|want|accept|support) (it|this|that)\b",
        r"\b(he|she|they|(my|the|our) (\w+ ){0,2}\w+)('s| is| are|'re) (allergic to|dead set against|not a fan of|skeptical of|sceptical of|wary of|burned by|still sore about)\b",
    ],
)


# Objections composed of a topic and a resisting judgement in the same clause:
# "这个价，老板一看就扔回来了" = price topic + rejection; "盘子已经定死了" =
# budget topic + closed. Each pair is (topic, resistance).
COMPOSED: dict[ObjectionKind, tuple[Cue, Cue]] = {
    ObjectionKind.price: (
        cue(
            [
                r"价格|价钱|价位|报价|单价|总价|开价|要价|这个价|这价|这个数|收费|这么多钱|[\d一二两三四五六七八九十百千]+万"
            ],
            [
                r"\b(price|pricing|priced|quote|quoted|number|cost|costs|fee|fees|rate|\$\s?\d|dollars|grand)\b"
            ],
        ),
        cue(
            [
                r"高|贵|离谱|吓人|接受不了|吃不消|扔回来|没法交代|交代不了|空间|让(一|点|些|步)|降(一|点|些|价)|少(点|些)|优惠|打折|折扣|一半|翻(了)?(一)?倍|多出|镀金|抢钱|请(两|几|\d)个|不值|划不来|不划算|肉疼|心疼|下不去手|砍(一|掉)|摇头",
            ],
            [
                r"\btoo\b(?!\s*(?:[.!?,;:]|$))|\b(high|steep|double|twice|non-starter|out of (the )?(question|range|reach)|yoursel(f|ves) out|hard to|swallow|expensive|pricey|above|cheaper|less|lower|budge|room|flexib\w*|discount|sharpen|come down|ridiculous|crazy|insane|a lot (more|of money)|fortune|half|can'?t (take|justify|sell|get|go))\b",
            ],
        ),
    ),
    ObjectionKind.budget: (
        cue(
            [r"预算|资金|经费|盘子|开支|投入|余钱|闲钱|资金链|新项目|财务(那边|部)?"],
            [
                r"\b(budget\w*|money|funds|funding|spend|spending|capex|fiscal|plan for the year|financial year|cash|finance)\b"
            ],
        ),
        cue(
            [
                r"没(有)?(钱|预算|余|闲|多余|这笔|这块)|不够|紧|定死|用完|花完|分完|冻结|卡(得)?(很)?死|不批|压在|砍|暂停|暂缓|不准|收紧|有限|哪有|一分(钱)?(都)?不|等(到)?明年|下个财年|早(就)?(定|分|批|用)"
            ],
            [
                r"\b(tight|frozen|freeze|locked|not in|wasn'?t in|isn'?t in|cut|gone|used up|spent|until next|on hold|limited|short|squeezed|no (room|money|funds)|can'?t (find|get|free up)|don'?t have|exhausted)\b"
            ],
        ),
    ),
    ObjectionKind.incumbent: (
        cue(
            [
                r"现在(的|那家|这套|这个|用的)|现有|目前(的|用的)|供应商|合作方|那家|老系统|原来的|框架协议|合同|协议|(?<![A-Za-z])[A-Z][A-Za-z]{2,}"
            ],
            [
                r"\b(current|existing|incumbent|vendor|supplier|provider|framework|agreement|contract|parent company|the team|them|they|system we have)\b"
            ],
        ),
        cue(
            [
                r"(服务|质量|价格|响应|售后)(也|都|挺|很|还)(好|不错|到位|可以|及时)|不想(换|动|折腾)|不愿|磨合|用惯|惯了|习惯了|还有.{0,4}(年|个月)|才到期|没到期|一个电话|随叫随到|知根知底|熟门熟路|熟悉"
            ],
            [
                r"\b(inside out|retrain\w*|mandat\w*|until (20\d\d|next)|know (us|our business)|familiar|used to it|works for us|trust them|switch\w*|rip\w* out|replace)\b"
            ],
        ),
    ),
    ObjectionKind.no_time: (
        cue(
            [r"时间|空|工夫|精力|会|忙|满|排|一会儿?|马上|待会|等下|今天|这周|这个月|最近|这阵子"],
            [
                r"\b(minutes?|time|meetings?|busy|quick|week|today|schedule|calendar|out the door|heading out)\b"
            ],
        ),
        cue(
            [
                r"没(有)?(时间|空|工夫|精力)|排(得)?满|快(点|些)说|赶|要去|得走|要走|实在没|抽不开|顾不上"
            ],
            [
                r"\b(between meetings|make (it|this) quick|crazy|heading out|running (late|out)|packed|slammed|back to back|no time|in (five|ten|two|\d+) (minutes|mins?)|in a (minute|sec|bit|hurry))\b"
            ],
        ),
    ),
    ObjectionKind.think_it_over: (
        cue(
            [r"(再|还)(观望|等等|看看|想想|研究)|观望|(给|容)我(几|两|一)天|几天时间|考虑考虑"],
            [
                r"\b(sit on (this|it)|still (evaluating|looking|deciding|thinking)|evaluating (options|alternatives)|a few days|some time to)\b"
            ],
        ),
        cue([r"."], [r"."]),
    ),
    ObjectionKind.risk: (
        cue(
            [
                r"万一|要是|如果|假如|会不会|安全吗|靠谱吗|稳定吗|倒(了|闭)|没人用过|第一个吃|丢了|谁负责|算谁的"
            ],
            [
                r"\b(what if|if (it|this|you|the)|horror stor\w*|around in|go under|still be around|safe|secure|lose (our|the) data|first one|who'?s (liable|responsible))\b"
            ],
        ),
        cue(
            [r"倒|出问题|丢|算谁|谁负责|安全|第一个|没人|切换|上线|数据|不行|失败|停"],
            [
                r"\b(fail\w*|break\w*|integrat\w*|down|lose|data|rollout\w*|years|stories|wrong|liable|responsible|breach)\b"
            ],
        ),
    ),
}
# A price or budget judgement that is praise, not resistance.
PRICE_FINE = cue(
    [r"性价比(很|挺|比较|还)?高|价格(还)?(可以|合理|公道|不错|没问题|不是问题)|不贵"],
    [
        r"\b(price|pricing|cost) (is |looks |seems )?(fine|fair|reasonable|ok|okay|not (an|the) issue)\b|\bnot (too )?expensive\b"
    ],
)

# Postponement without a reason of its own: an objection only when no other
# one (no time, send material) already explains it and the buyer isn't inviting
# more ("先放一放，你接着说").
POSTPONE = cue(
    [
        r"(下个?月|明年|下半年|年后|下季度|改天|回头|过阵子|过段时间|以后|后面)(再)?(说|谈|聊|看|考虑|联系)",
        r"再说(吧)?|以后再说|过(段|一段|些)(时间|日子)|不急|放一放|放放",
        r"回头(再|联系|说|答复)|(有消息|有结果|定了)(再|会|就)?(联系|通知|告诉|找)",
        r"等(我们|我)?(的)?(消息|通知|研究|答复)",
        r"(会|再)(跟|和|给)(你|您)(联系|说|回复|打电话|答复)",
    ],
    [
        r"\bget back to (you|u)\b",
        r"\bnot (right )?now\b",
        r"\bdown the road\b",
        r"\blater\b",
        r"\bcircle back\b",
        r"\bwe'll be in touch\b",
        r"\b(maybe|try|talk|revisit|look at (it|this)|come back|call) .{0,20}\bnext (quarter|year|month)\b",
        r"\bafter (the )?(holidays|summer|peak|audit|new year)\b",
    ],
)
CONTINUE_INVITE = cue(
    [r"接着说|继续说|你说(说|吧)|往下说|说下去"],
    [r"\bgo on\b|\bkeep going\b|\btell me more\b|\bcarry on\b"],
)
# Fear about switching: risk; fear about the current state of things: pain.
SWITCH_CONTEXT = cue(
    [
        r"换|切换|上(新)?系统|上线|迁移|实施|再折腾|新(系统|供应商|厂家|东西)|你们|这东西|这套|这个系统|对接"
    ],
    [
        r"\b(switch|chang|migrat|rollout|implement|go-?live|new (system|vendor|supplier)|you|your|integrat|vendor)\w*"
    ],
)
HYPOTHETICAL = cue(
    [r"万一|如果|假如|要是|到时候|一旦.{0,8}(就|会)"],
    [r"\b(if|what if|in case|should it)\b"],
)

BUYER_PAIN = cue(
    [
        r"老化|三天两头|动不动就|隔三差五|动辄",
        r"说不清|搞不清|看不到|不知道(到底|在哪)|叫苦|苦不堪言|周期太长|干不了几天|留不住人|招不到人|(太|特别|非常|超)(长|慢|多|乱|累|难|复杂|麻烦|繁琐)",
        r"(谁|没人)(也)?(说不清|搞不清|管|知道)|(都|得|总得)(停|重新)",
        r"(?<![没无])(?<!没有)(?<!不是)问题(?!不大)|麻烦|头疼|头痛|困难|慢|(经常|老是|总是|常常|时不时).{0,6}(出错|坏|停|延误|加班|投诉|对不上|丢|漏|错|卡|慢|乱)|出错|错(发|漏)|投诉|抱怨|不满意|吃力|跟不上|(?<!银行)卡(住|壳|顿)|瓶颈|不准|延误|延迟|乱(套|成|了)|一团乱|漏(发|单|检|掉|了)|加班|累(死|得|坏)|(很|太)累|烦(死|人)|(很|太)烦|心烦|不够用|(人手|人|时间|产能)不够|折腾",
        r"担心|发愁|愁|头大|焦虑|没人会|没人懂|没人管|撑不住|扛不住",
        r"意见(很|挺|特别)?大|怨声载道|(大家|员工|下面|护士|工人|客户)(都)?(有意见|不满|抱怨|骂)",
        r"宕机|停摆|崩溃|受不了|疯了|挂了|死机|掉线|断网|对不上|拍脑袋",
        r"(一天|每天|每周|一周).{0,6}(改|跑|返工|加班).{0,4}(遍|次|回)",
        r"比.{1,14}还(长|多|慢|贵|高|累)",
    ],
    [
        r"\b(nobody|no one) trusts\b|\bdon'?t trust the (numbers|data)\b|\bfirefight\w*|\bconstant(ly)? (fighting|chasing)\b|\brunning out of\b",
        r"\bdrowning\b|\bnever know\b|\btakes (forever|ages|days|weeks)\b|\b(can'?t|don'?t) (see|tell|find|track)\b|\bno (visibility|idea)\b|\bchaos\b|\btoo (long|slow|many|much)\b",
        r"\bproblem",
        r"\bissue",
        r"\bstruggl",
        r"\bslow",
        r"\bkeep (having|getting|running)",
        r"\bcomplain",
        r"\bfrustrat",
        r"\bheadache",
        r"\bmess\b",
        r"\bbottleneck",
        r"\bbehind\b",
        r"\blate\b",
        r"\berrors?\b",
        r"\bmanual",
        r"\bpainful\b",
        r"\bhard to\b",
        r"\bdifficult",
        r"\bovertime\b",
        r"\bbroken\b",
        r"\bcan'?t keep up\b",
        r"\bnightmare\b",
        r"\bkeeps? me up at night\b",
        r"\bworr(y|ied|ies)\b",
        r"\b(drops|goes down|crash\w*|fails|breaks down|outage)\b",
        r"\bnobody (else )?(knows|can)\b",
        r"\b(are|is|keep) (going )?up\b",
    ],
)
BUYER_IMPACT = cue(
    [
        r"丢(了|掉)?.{0,10}(单|客户|订单|标|生意|项目)|转单|(客户|订单).{0,6}(流失|跑了|转走|转给)|换(了)?(供应商|别家)",
        r"损失|导致|造成|后果|代价|罚(款|了|钱)|被罚|赔(了|偿|款|钱)|流失",
        r"丢(了|掉)?(单|客户|订单|标|生意)|保不住|(少|没)(发|赚|卖|收|做)了?.{0,4}(单|万|钱|货)",
        r"多花|成本(增加|上升|高|涨|翻)|返工|停(线|产|机|工|摆)",
        r"(一年|每年|每个?月|每周|一个月|每天|一天|一小时|每小时).{0,12}(损失|亏|少|多花|罚|赔|浪费)",
        r"(损失|亏|罚|赔|浪费|多花|少赚)(了)?.{0,6}(\d|[一二两三四五六七八九十百千万几])+",
        r"被(老板|领导|集团|客户|总部)(骂|批|问责|点名|约谈)",
        r"扣(款|分|钱)",
        r"影响(了)?(交付|交期|生产|营收|利润|口碑|续约|评级|考核|出货|发货)",
        r"(客户|甲方|主机厂).{0,10}(投诉|退货|索赔|罚|扣|流失|跑|换供应商|最后通牒|不满|撤单|砍单)",
        r"最后通牒|(就|要)换供应商|加班费|人(都)?(走|跑|辞职|离职)了",
        r"(这样|照这样|长此以往|再这样)下去",
        r"(就|要|会|怕是|估计)(悬了|黄了|泡汤|完了|没了|丢了|砸了|保不住)|过不了(关)?|拿不到(单|订单|项目|定点)|失去(客户|订单|资格)",
    ],
    [
        r"\beat(s|ing)? (into )?(our |the )?(margin|profit|revenue|budget)s?\b",
        r"\blost (\w+ ){0,5}(people|staff|customers|clients|accounts|orders|deals|contracts)\b",
        r"\blos(e|ing|t) (\w+ ){0,3}(account|customer|client|order|deal|money|revenue|shift|day|hour|sales|business|contract|people|staff)",
        r"\bcost(s|ing)? us\b",
        r"\bpenalt",
        r"\bchurn",
        r"\bimpact",
        r"\bconsequence",
        r"\bfined\b|\bfines\b|\b(a|the|big|hefty) fine\b",
        r"\bdowntime\b",
        r"\b(cost|costs|costing|lose|lost|losing|fined?|penalt\w*|spend|spending|waste|wasting|pay|paying|overtime)\b.{0,40}(\$\s?\d|\b\d+k\b|million|thousand|\bper (month|year|week|day|hour|shift)\b)",
        r"(\$\s?\d|\b\d+k\b|million|thousand).{0,30}\b(lost|in (fines|penalties|overtime|rework|scrap|waste)|a (month|year|week) in)\b",
        r"\bwrite-?off",
        r"\bmissed (deadlines|orders|targets|shipments|deliveries|sla)",
        r"\bcustomers? (are |is )?(starting to |threatening to |going to |now )?(complain|leave|walk|churn|cancel)",
        r"\b(overtime|expedit(ed|ing)) (bill|cost|fees?)\b",
        r"\b(hurt|hit|hurting|eating into|dent) (our )?(margin|revenue|sales|profit)",
        r"\bif this keeps up\b|\bat this rate\b",
    ],
)
BUYER_PERSONAL = cue(
    [
        r"倒霉|遭殃|吃不了兜着走|我要.{0,6}汇报|我(提|牵头|推)的|我的团队",
        r"述职|夹在中间|两头(受气|为难)|顶不住|我(要|得)?对.{0,8}负责|(领导|老板|上面).{0,6}盯(得|着)?(很)?紧|(每周|每个月|天天).{0,6}(问我|找我)|我(们部门)?的(指标|考核)",
        r"刚上任|新官上任|我(才)?来(了)?没多久|(不能|不敢|输不起).{0,4}(出岔子|出错|失败)|(这|这是)是?我(的)?第一个",
        r"(考核|KPI|kpi|绩效|奖金).{0,6}我|我.{0,6}(考核|KPI|kpi|绩效|奖金)|(被)?(问责|追责|担责).{0,6}(就是)?我|第一个.{0,4}(就是)?我",
        r"我(个人|自己)(?!觉得|认为|看|倾向|的看法|的意见)",
        r"我的(考核|KPI|kpi|绩效|压力|位置|饭碗|前途|晋升|年终|奖金|乌纱帽|面子|责任)",
        r"(老板|领导|集团|上面|总部|董事会)(给我|对我|让我|要我|逼我|压我|盯着我|追着我|找我|天天|一直)",
        r"(追着|盯着|逼着|催着)我",
        r"在(老板|领导|集团|董事会)(面前|那里|那边|跟前)",
        r"背锅|担责(任)?|挨骂|挨批",
        r"我(得|要|就得)(负责|交代|扛)",
        r"(不好|没法|怎么)交代|交代不了",
        r"我这个位置|(找|问)我(的)?(责任|麻烦)|(压|落)(在|到)我",
        r"我(也)?(挺|很)?(头疼|难受|被动|为难|睡不着|焦虑)",
        r"我.{0,3}压力",
        r"升职|提拔|转正|年终奖",
        r"死命令|军令状|(下了|定了)(死)?(指标|任务|目标)",
        # The buyer is the one who pays for it in sleep: "每次都得我半夜爬起来处理".
        r"(得|是|都是|就)我(半夜|大半夜|凌晨|周末|过年)|(半夜|大半夜|凌晨)(被)?(叫|喊|电话)?(爬)?起来",
    ],
    [
        r"\briding on\b|\bi'?m toast\b|\blose my job\b|\bi'?ll (be fired|get fired)\b|\bi pushed for\b|\bmy team (is|are) (exhausted|burned out|stretched)\b",
        r"\breport (this|it|that|the number) to\b|\basks me (every|each)\b|\bmy name (is )?on\b|\bcaught in the middle\b|\bi own (this|that|the) (number|target|kpi)\b|\bi answer to\b",
        r"\bmy first (big )?(project|year|quarter|rollout)\b|\bi need a win\b|\bi'?m new (here|in (the|this) role)\b|\bi just (started|joined|took over)\b",
        r"\bmy (neck|job|bonus|review|kpis?|reputation|promotion|head|career|credibility|name|targets?|numbers|quota)\b",
        r"\bmy own\b",
        r"\bpersonally\b",
        r"\bi'?m (the one|on the hook|accountable|measured|responsible)\b",
        r"\bblame",
        r"\bmy team (gets|takes|will)\b",
        r"\bi get (the )?(call|heat)\b",
        r"\bcareer\b",
        r"\bhangs on\b",
        r"\bon the line\b",
        r"\b(boss|ceo|board|cfo) (is|keeps|has been) (on me|on my back|breathing|chasing|pushing)",
        r"\bpressure on me\b",
        r"\bi (have|need) to (answer|explain|justify)\b",
    ],
)
STAKEHOLDER_ROLE = cue(
    [
        r"主任|科长|部长|处长|主管|组长|车间主任|总工|院办|信息科|设备科|护理部|医务科|采购|IT|技术(那边|部门)",
        r"[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文]"
        r"(总|经理|主任|工|局|处|院长|书记|部长|董|厂长|主管)",
        r"总经理|副总|董事长|董事会|老板|老总|领导|上面|上级|CFO|CIO|CTO|CEO|COO|厂长|院长|局长|处长|委员会|集团|总部|法务|办公会|党委|股东",
        r"财务(总监|部|经理|那边)?|IT(部|总监|经理|负责人|那边)|信息(部|科|中心)|采购(部|经理|总监|那边|委员会)",
        r"(技术|生产|质量|运营|设备|工艺|物流|仓储|人事|护理)(部|总监|负责人|副总|经理|主管)",
    ],
    [
        r"\b(our|my|the) (boss|manager|head|lead|engineers?|it|ops|operations|purchasing|buyer|team lead|supervisor)\b",
        r"\b(ceo|cfo|cio|cto|coo|vp|vice president|director|head of \w+|boss|board|committee|procurement|finance|legal|owner|gm|general manager|chairman|president|founder|controller)\b",
        r"\b(plant|operations|ops|finance|it|procurement|purchasing|project|site|warehouse|regional|sales|production|quality|general) manager\b",
        r"\bit (team|director|department)\b|\bsecurity team\b",
    ],
)
# A specific office in the buyer's organisation: naming it names a stakeholder.
# (A generic "老板/boss" needs a decision role: "老板天天催我" is pressure.)
STAKEHOLDER_TITLE = cue(
    [
        r"总经理|副总|董事长|董事会|CFO|CIO|CTO|CEO|COO|厂长|院长|局长|处长|委员会|办公会|党委|总监|总工|"
        r"(财务|IT|信息|采购|技术|生产|质量|运营|设备|工艺|物流|仓储|人事|法务|护理|医务)(部|科|中心)?(的)?(总监|经理|负责人|主任|主管|部长|科长|副总|那边)",
    ],
    [
        r"\b(ceo|cfo|cio|cto|coo|vp|vice president|director|head of \w+|board|committee|procurement|legal|general manager|chairman|controller)\b",
        r"\b(plant|operations|ops|finance|it|procurement|purchasing|project|site|warehouse|regional|production|quality|general) manager\b",
    ],
)
STAKEHOLDER_NAMED = cue(
    [
        r"[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文](总|经理|主任|院长|书记|部长|董|厂长)"
    ],
    [r"\b(Mr|Ms|Mrs|Dr)\.? [A-Z]", r"\b(?i:ceo|cfo|cio|cto|coo|director|manager),? [A-Z][a-z]+\b"],
)
STAKEHOLDER_ROLE_IN_DECISION = cue(
    [
        r"重视|关注|在乎|要求|比价|评审|审核|决策|主导|牵头|管(这块|这事|这个)|也会|会(看|参与|过来|问|管)|得(看|问|过)|听(他|她)的|拿主意|表态|支持|(那|这)一关|过(他|她|财务|IT|技术)(那)?(一)?关|参谋|负责(这块|这个项目|采购|技术|评估)",
        r"的意思|拍板|批(准|一下|了|不了|下来)|审(批|核|一下)|签(字|单)|决定|点头|同意|说了算|过问|把关|评估|参与|(会|要|也|得|来|先)看|意见|盯|关心|问问|请示|汇报|上会|会上|牵头|负责|介入|一起(聊|见|开会|看)|(见|聊)(一下|一聊|聊)|在场|过目|认可|反对|否决|算数|(来|拍|才能|能|会)定|定夺|上(采购|总经理|董事|党委)?.{0,4}(会|委员会)",
    ],
    [
        r"\b(cares?|wants|weigh|input|on board|champion|sponsor|gatekeeper|in charge|has a say|get past|convince|sell (it|this) to|present (it |this )?to|pitch (it|this) to|budget owner|owns the budget|runs (the|this))\b",
        r"\b(decide|decides|approv\w*|sign\w*|sign-?off|weigh in|involved|want(s)? to see|review\w*|look at|final (say|word)|call|run it (past|by)|in a room|meet|join|be there|sit in|buy-?in|on board|veto|budget holder|owns|has to|have to|needs to|will want|care(s)? about|focus(es)? on|look(s)? at|ask|check)\b",
    ],
)
BUYER_ACCEPTS = cue(
    [
        r"(就)?按(你|您)说的(办|来)?",
        r"^\W*(可以|行|好|好的|好啊|好吧|没问题|那就|那行|也行|OK|ok|成|同意|欢迎|没事|那好)",
        r"(可以|行|没问题)(啊|的|吧)?[。！!]?$",
        r"你(们)?(先)?(安排|约|过来|来|出|准备|带)|直接约|约个时间|(时间|日子)你(们)?定|(我|我们)(可以|愿意)(试|安排|见|参加)",
        r"我(来|去)(安排|约|叫|问问|协调|组织)|就这么定|那就这么办|你(们)?(过来|来)(吧|一趟)",
        r"(来|过来|约|安排|聊|讲|看看|见|碰|试)(一下|一次|一趟|讲讲)?吧[。！!]?$",
    ],
    [
        r"\bpencil (it |me |us |that )?in\b|\blet'?s pencil\b|\bput (it|us|that) in the (calendar|diary)\b|\bsee you (then|on|next)\b",
        r"\bgo ahead\b|\bput .{0,20} together\b",
        r"\b(sure|sounds good|let'?s|okay|ok|alright|all right|fine|yes|yeah|deal|happy to|works for me|that could work|why not)\b",
        r"\bi can (set|arrange|get|bring|loop|do|make)\b",
        r"\bi'll (set|arrange|bring|ask|loop|get|show|have|make)\b",
        r"^\W*(set up|schedule|book|arrange|come|put together|bring)\b",
    ],
)
# What the buyer agrees to: a meeting, a visit, a demo, a pilot, a review, an introduction.
ACCEPT_ACTIVITY = cue(
    [
        r"试试(看)?|(拿|挑|选)(一|个).{0,4}(试|做)",
        r"安排|约|见(面|一下|一见)|过来|来(一趟|厂|公司|现场|我们这|我这|单位|医院|看看)|下周|周[一二三四五六日末]|星期|明天|后天|(约|定|找)(个)?时间|时间你|试点|试用|试(一|三|几|\d)|先试|演示|demo|叫上|一起(聊|看|过|开会|碰)|聊聊|讲讲|碰(一|个)|开会|现场|参观|方案.{0,6}(过|碰|讲|看|聊)|上门|到厂|来厂|(来|过来|到|去).{0,6}看看|看看(现场|效果|演示)",
    ],
    [
        r"\btry\b|\bone site\b",
        r"\bset (something|a time|it|one) up\b|\bpilot\b|\bproposal\b.{0,30}\b(look|review|go through)\b|\bwednesday\b|\bat (ten|\d+)\b",
        r"\b(meet|meeting|call|demo|visit|come (by|in|over)|pilot|trial|tuesday|monday|wednesday|thursday|friday|next week|tomorrow|show you|workshop|session|go through|in a room|walk(through)?|introduce|sit down|set up)\b",
    ],
)
BUYER_SOFTENS = cue(
    [
        r"不是没(有)?道理|也不是不行|新鲜|有新意|没(细|仔细|认真)(算|想|考虑)过|(你)?继续(吧|讲|说)?[。！!]?\s*$",
        r"没(有)?(算|想|考虑|注意)过|(倒是|确实)没(想|算|考虑)(到|过)|重新(考虑|想想|看看)|换个角度|不无道理|听起来(有点)?(靠谱|可行|意思)",
        r"(那)?(具体)?(怎么|咋)(弄|做|搞|操作|落地|实施|收费|合作)(呢|的)?[？?]|你们(是)?怎么(做|弄|解决|保证)的|说来听听|讲讲看|说说看|展开说说|(倒是|倒也|也)(可以|值得)(谈谈|聊聊|试试|考虑|看看)",
        r"(是|有)那么(回事|点意思)|(思路|想法|方向|点子|建议)(不错|挺好|可以|有意思|靠谱)",
        r"说到点子上|说中了|戳中|也对|也是这么回事|(也|倒)不是不(能|可以)|可以谈|(有)?(几分|点|些)道理|我承认|确实有(短板|问题|不足)",
        r"(?<![没])有(点)?道理|这倒是|也是(啊|哦|，|,)|说得(也)?(对|在理|有道理|没错)",
        r"可以聊聊|可以考虑|有点意思|那你说说|(你)?接着说|继续说|这个倒|倒是可以|听起来(还)?(不错|可以|有意思)",
        r"(你|您)这么一说|值得(聊|看|试)",
        r"(没|没有)(从这个角度|这么|这样|往这方面)(想|考虑)过|没想到",
        r"认可|认同|赞同|是这个理|在理|确实(该|是这样|如此|需要)",
        r"(我们)?(其实)?也(一直)?在(想|琢磨|考虑|看|找)|一直没找到",
    ],
    [
        r"\bhear you out\b|\bwould (actually|really) help\b|\bthat could (help|work)\b|\bnot a bad (point|idea|thought)\b|\bhave something there\b",
        r"\bnever (looked at|thought about|considered) it\b|\bhadn'?t (looked at|thought of|considered)\b|\bfair question\b|\byou make a (good|fair|valid) point\b|\bthat'?s (actually )?(true|right)\b|\bi (hadn'?t|didn'?t) realize\b|\bdidn'?t know that\b",
        r"\bhow would (that|it|this) work\b|\bwhat would (that|it|this) look like\b|\bwalk me through (it|that|how)\b|\bhow does (it|that) work\b|\bi'?m open to\b|\bi'?d be open\b|\bcould be interesting\b|\bmight be worth\b",
        r"\bsee where you'?re coming from\b|\bonto something\b|\bmakes (some )?sense\b|\bnot a bad idea\b|\bi like (that|the idea)\b|\b(that'?s )?(actually )?(a )?good (point|idea)\b|\bworth a (shot|try)\b",
        r"\bpiqued\b|\bintrigued\b|\bsomething to that\b|\bi'?ll give you that\b|\byou'?ve got me thinking\b|\bokay,? i'?m (listening|interested|curious)\b|\bfair enough\b|\bthat'?s a fair point\b",
        r"\bfair point\b",
        r"\bgood point\b",
        r"\bthat'?s (interesting|fair|true|a good question|a fair point)\b",
        r"\byou (have|'ve got) a point\b",
        r"\bgo on\b",
        r"\btell me more\b",
        r"\bi'?m listening\b",
        r"\bi suppose\b",
        r"\bi'll (admit|grant)\b",
        r"\bworth (a look|exploring|talking|considering)\b",
        r"\bhadn'?t (thought|looked at it|considered)\b",
        r"\bnever thought (of|about) it\b",
        r"\bgot my attention\b",
        r"\bmakes sense\b",
        r"\bmaybe you'?re right\b",
        r"\bkeep going\b",
        r"\b(open|willing) to (hear|look|consider)\b",
        r"\bi can see (that|how|the)\b",
    ],
)
BUYER_ENDS = cue(
    [
        r"你(先)?回(去)?吧|先回吧|我送送你|今天(就)?(先)?(聊|谈)(到这|这么多)",
        r"(先|就|就先|今天就|今天先)(这样|到这)(吧|了|儿)?",
        r"(今天|咱们)?(就)?(先)?(聊|谈|说)到这(儿|里)?(?![个些种样么])",
        r"我(还|马上)?(有|要开|得去开)(个)?会",
        r"下次再(聊|说)|不好意思我得(走|去)|没什么好谈|请回(吧)?|不送|慢走|回见|改天(再)?聊",
        r"谢谢你(跑一趟|过来|今天)|辛苦(你)?(跑一趟|了)",
    ],
    [
        r"\bleave it (there|at that)\b|\bcall it a day\b|\bthat'?s it for (today|now)\b|\bwrap (it|this) up\b|\bsee you out\b",
        r"\blet'?s (stop|leave it|wrap|call it)\b",
        r"\bi (have|need|'?ve got) to (go|run|jump)\b",
        r"\bwe're done\b",
        r"\bthat'?s all\b",
        r"\banother time\b",
        r"\bshow yourself out\b",
        r"\bi'll have to end\b",
        r"\b(great|good|nice) (talking|chatting|speaking|meeting|to meet)\b",
        r"\b(stay|keep) in touch\b",
        r"\bthanks for (coming|stopping by|dropping by|your time)\b",
        r"\bgotta go\b",
    ],
)

"""Cue patterns, zh and en, for the behaviours the rubric names.

Patterns describe linguistic *forms* (an acknowledgement, a hypothetical
benefit, a self-reference plus a capability claim), not scenario answers.
Chinese has no word boundaries, so zh patterns match substrings; en patterns
are case-insensitive with word boundaries where it matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.analysis.model import ObjectionKind
from app.analysis.topics import Topic


@dataclass(frozen=True)
class Cue:
    zh: re.Pattern[str]
    en: re.Pattern[str]

    def search(self, text: str, language: str) -> re.Match[str] | None:
        """Search with the turn's language first, then the other: people mix them."""
        first, second = (self.zh, self.en) if language == "zh" else (self.en, self.zh)
        return first.search(text) or second.search(text)


_NEVER = r"(?!x)x"


def cue(zh: str | list[str], en: str | list[str]) -> Cue:
    zh_src = "|".join(zh) if isinstance(zh, list) else zh
    en_src = "|".join(en) if isinstance(en, list) else en
    return Cue(re.compile(zh_src or _NEVER, re.I), re.compile(en_src or _NEVER, re.I))


# --- questions ---------------------------------------------------------------

QUESTION_MARK = re.compile(r"[?？]\s*$|[?？]")
ZH_FINAL_PARTICLE = re.compile(r"(吗|呢|么|嘛)[\s。!！,，~～]*$")
ZH_INTERROGATIVE = re.compile(
    r"什么|怎么|怎样|为什么|为何|如何|哪|几[个家条台位次年月天种]|多少|多久|多长|多大|谁|是否|是不是|有没有|"
    r"能不能|会不会|要不要|可不可以|对不对|行不行|好不好|有无|可否|能否|算不算|用没用"
)
ZH_TELL_ME = re.compile(
    r"(说说|讲讲|聊聊|谈谈|介绍一下|展开(说|讲)|举个例子|描述一下|分享一下|详细说|具体说|多说一点|讲一讲|说一说)"
)
EN_QUESTION_START = re.compile(
    r"^\s*(?:so|and|but|then|okay|ok|right|well|now|also|just|out of curiosity)?[,\s]*"
    r"(what|how|why|which|who|whom|whose|when|where|do|does|did|is|are|was|were|can|could|would|will|"
    r"should|have|has|had|may|might|shall|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|can't|"
    r"couldn't|haven't|hasn't)\b",
    re.I,
)
EN_TELL_ME = re.compile(
    r"\b(tell me|walk me through|talk me through|describe|explain|help me understand|share (a bit|more|with me)|"
    r"give me (a sense|an idea|an example)|i'?d love to (hear|understand|know)|i'?m curious)\b",
    re.I,
)

# Open question markers (what/how/why...); a polite "could you tell me how"
# is open too, even though it starts like a yes/no question.
OPEN = cue(
    [r"什么(?!时候)", r"怎么(?!样的时候)", r"怎样", r"为什么", r"为何", r"如何", r"哪些", r"哪方面", r"哪几",
     r"说说", r"讲讲", r"聊聊", r"谈谈", r"介绍", r"展开", r"描述", r"举个例子", r"具体", r"多大程度", r"意味着",
     r"分享一下", r"详细"],
    [r"^\s*(?:so|and|but|then|okay|ok|well|now|also)?[,\s]*(what|how|why|which)\b(?! (many|much|long|often|soon)\b)",
     r"\b(tell me|walk me through|talk me through|describe|explain|help me understand|in what ways?|to what extent|"
     r"what (kind|sort|are|is|was|were|would|happens|does|do|did|made|makes|drove|drives|led)|how (do|does|did|would|are|is|has|have|will|can|could)|"
     r"why (do|does|did|is|are|would|has|have))\b"],
)
CLOSED_SPECIFIC = cue(
    [r"多少", r"几[个家条台位次年月天种岁]", r"多久", r"什么时候", r"哪天", r"哪年", r"哪个", r"哪家", r"谁"],
    [r"\b(how (many|much|long|often|soon)|when|who|where|which one)\b"],
)
ZH_YES_NO = re.compile(
    r"吗[\s。!！?？,，~～]*$|是不是|有没有|能不能|会不会|要不要|可不可以|对不对|行不行|好不好|是否|可否|能否|算不算"
)

LEADING = cue(
    [r"难道", r"您?不觉得", r"你不觉得", r"您肯定(也)?", r"您一定(也)?", r"不是吗", r"谁不想", r"您应该(也)?(同意|认同|知道)",
     r"对吧[？?]?$", r"是吧[？?]?$", r"没错吧", r"当然(想|希望|愿意)"],
    [r"\bdon'?t you (think|agree)\b", r"\bwouldn'?t you (agree|say)\b", r"\bsurely\b", r"\bisn'?t it (true|obvious)\b",
     r"\byou'?d agree\b", r"\byou must (agree|admit)\b", r"\bobviously\b", r"\bwho wouldn'?t\b", r"\bright\?\s*$",
     r"\bof course you\b"],
)

# --- SPIN stages (checked on question sentences, strongest first) -------------

NEED_PAYOFF = cue(
    [r"(如果|假如|要是|假设|倘若|一旦|万一能|能够?把).{0,40}(帮助|帮到|价值|好处|意义|意味着|改善|提升|提高|节省|省下|省出|省掉|减少|降低|缩短|"
     r"有什么(变化|不同|改变)|会怎样|会怎么样|对您|对你们|多大(作用|帮助)|轻松|值多少|值不值|收益|回报)",
     r"(对您|对你们|对公司|对团队|对工厂|对医院|对业务).{0,8}(有|会有|能有)(什么|多大|哪些)(帮助|价值|好处|意义|作用|影响)",
     r"(能|可以)(给|为)(您|你们|公司).{0,10}(带来|省|节省|创造)", r"解决(了|掉)?(这个|这些|以后|之后).{0,15}(会|能|可以)",
     r"(有用|有帮助|值得)(吗|么|不)", r"最(理想|希望)的(状态|结果|情况)", r"您(最)?希望(看到|达到|变成)"],
    [r"\b(if|suppose|imagine|assuming|were you able|what if|once)\b.{0,80}\b(help|value|valuable|worth|benefit|mean|save|saving|"
     r"improve|change|difference|useful|free up|easier|impact on|payoff|return)\b",
     r"\bhow (would|could|might) (that|this|it|having|solving|fixing|cutting)\b.{0,40}\b(help|change|affect|impact|benefit)\b",
     r"\bwhat would (it|that|this) (mean|be worth|do for|change)\b", r"\bhow (valuable|useful|important) would\b",
     r"\bwhat difference would\b", r"\bwhat would (success|good|ideal) look like\b", r"\bwhy is (that|this|it) important\b",
     r"\bwhat would you gain\b", r"\bworth (it|to you)\b"],
)
IMPLICATION = cue(
    [r"影响", r"后果", r"代价", r"损失", r"导致", r"造成", r"带来(了)?(什么|哪些|多少|多大)", r"连累", r"波及", r"耽误", r"拖累", r"延误",
     r"多花", r"浪费", r"返工", r"罚款", r"赔", r"投诉", r"流失", r"意味着什么", r"严重", r"被动", r"多大程度", r"牵连", r"连带",
     r"成本(是|有)?多(少|高|大)", r"花(了)?多少", r"丢(了)?(多少|几)", r"(一年|每年|每个?月|每周|每天).{0,10}(多少|几)", r"怎么(交代|跟.{1,6}交代)",
     r"(压力|麻烦|风险)(有)?多大", r"会(不会|怎么)(影响|耽误|拖)", r"下游", r"(交期|交付|客户).{0,8}(那边|受|会)", r"不解决(的话)?", r"长期(下去|这样)",
     r"如果.{0,10}(一直|继续|还是)这样", r"对.{1,10}(有|造成|带来)(什么|哪些|多大)"],
    [r"\bimpact", r"\baffect", r"\beffect on\b", r"\bconsequence", r"\bcost(s|ing)? (you|the business|the company|them|your)\b",
     r"\bhow much (does|is|did|would|are) .{0,30}(cost|costing|lose|losing)", r"\blos(e|ing|t)\b", r"\bresult(s|ed)? in\b",
     r"\blead(s)? to\b", r"\bknock-?on\b", r"\bripple\b", r"\bdownstream\b", r"\bwhat happens (when|if|to)\b",
     r"\bhow (serious|big a deal|bad|often does that)\b", r"\bpenalt", r"\bchurn", r"\bwhat does (that|this|it) mean for\b",
     r"\bmeans? for (you|your|the)\b", r"\bif (nothing|that doesn'?t) change", r"\bdelay", r"\bspill over\b", r"\bwhat('s| is) (that|it) costing\b",
     r"\bwho (else )?(feels|suffers|notices|gets hit)\b", r"\bhow does (that|this|it) (play out|hit|land)\b"],
)
PROBLEM = cue(
    [r"问题", r"困难", r"难点", r"难处", r"挑战", r"痛点", r"麻烦", r"头疼", r"头痛", r"不满意", r"满意", r"不方便", r"不足", r"短板",
     r"瓶颈", r"卡在", r"不顺", r"顾虑", r"担心", r"抱怨", r"吐槽", r"不好用", r"改进", r"改善", r"不理想", r"哪里不", r"哪些地方不",
     r"最让您", r"困扰", r"烦", r"吃力", r"跟不上", r"出错", r"故障", r"不够", r"难", r"累", r"别扭", r"掉链子", r"不放心", r"操心",
     r"哪些地方(还|可以)", r"希望(改|变)"],
    [r"\bproblem", r"\bissue", r"\bchalleng", r"\bdifficult", r"\bpain", r"\bstruggl", r"\bfrustrat", r"\bconcern", r"\bworr",
     r"\bcomplain", r"\bbottleneck", r"\bheadache", r"\bsatisf", r"\bunhappy", r"\bnot working\b", r"\bgo(es)? wrong\b",
     r"\bimprove", r"\bfix\b", r"\bbreak(s|ing)? down\b", r"\bfail", r"\bslow", r"\bkeep(s)? you up\b", r"\bhardest\b",
     r"\bgaps?\b", r"\bshortcoming", r"\bdislike", r"\bannoy", r"\bwhat would you change\b", r"\btrouble", r"\bfall(s|ing)? short\b"],
)

# --- acts ---------------------------------------------------------------------

GREETING = cue(
    [r"^(你好|您好|.{1,3}总(好|您好)|早上好|上午好|下午好|感谢|谢谢您?(抽|百忙|给|拨冗|安排)|打扰(了|您了)[，,！!]|久仰|幸会|很高兴)"],
    [r"^(hi|hello|hey|good (morning|afternoon|evening)|thanks (for|so much for) (your|taking|making|having)|thank you for (your|taking|making|having)|nice to meet|pleasure to meet|great to meet)\b"],
)
UNDERSTANDING = cue(
    [r"(?<![不没])理解(?!错|得?(对|没错|准|的对|有没有|是否))", r"(?<![不没])明白(?!了吗)", r"懂您", r"我懂", r"确实", r"的确", r"没错", r"有道理", r"说得(对|是|在理)",
     r"说的(对|是)", r"能体会", r"很正常", r"可以理解", r"换(作|做|成)(是)?我", r"我也会", r"(这个|您的|您这个)(顾虑|担心|考虑|想法)",
     r"感谢您(的)?(坦诚|直接|提醒|告诉|信任)", r"谢谢您(的)?(坦诚|直接|提醒)", r"您考虑得(很)?(周到|全面|对)", r"这个问题问得好",
     r"是个(好|关键)问题", r"完全(认同|同意)", r"我(非常)?认同", r"(很|非常)合理", r"谨慎(一点|些)?是(对|应该)的"],
    [r"\bi (completely |totally |fully )?understand\b", r"\bi see\b", r"\b(that )?makes (total |complete )?sense\b", r"\bfair (point|enough)\b",
     r"\bgood point\b", r"\bi hear you\b", r"\bunderstandabl", r"\bi get (that|it|why)\b", r"\bi appreciate\b",
     r"\byou'?re right\b", r"\bthat'?s (a )?(valid|legitimate|reasonable|fair)\b", r"\b(legitimate|valid|reasonable) concern\b",
     r"\bi can see why\b", r"\bin your shoes\b", r"\bno wonder\b", r"\bthat'?s (a )?(great|good|important) question\b",
     r"\bcompletely agree\b", r"\bthanks for (being|your) (frank|honest|candid)", r"\bmakes perfect sense\b", r"\bi'?d feel the same\b"],
)
ARGUMENT = cue(
    [r"您错了", r"你错了", r"(这|那|您这|你这)?(不对|不是这样|不是这么回事)", r"不可能", r"您不了解", r"您?不懂", r"你不懂", r"您想多了",
     r"您多虑了", r"您这是(误解|偏见)", r"您这种想法", r"没有道理", r"站不住", r"恕我直言", r"我不同意", r"您误会了", r"那是因为你们",
     r"这是你们的问题", r"您(根本|完全)?没(明白|搞懂|理解)", r"这种说法(不对|有问题)", r"您这个(看法|观点)(不对|有问题|过时)",
     r"(您|你)(太|有点)(保守|落后|固执)", r"哪有(什么)?(风险|问题)", r"(根本|完全)(不会|没有)(问题|风险)", r"您?听我说完"],
    [r"\byou'?re (wrong|mistaken|missing the point)\b", r"\bthat'?s (just )?(not true|not right|incorrect|wrong|a myth|not how it works)\b",
     r"\byou don'?t (understand|get it|get it)\b", r"\byou misunderstand", r"\bwith (all due )?respect,? (that'?s|you'?re|you)\b",
     r"\bi disagree\b", r"\byou need to understand\b", r"\bfrankly,? you\b", r"\bno offen[cs]e,? but\b",
     r"\bthat'?s just not\b", r"\bnot true\b", r"\bthere'?s no (real )?risk\b", r"\bthat'?s (simply|plainly) not\b",
     r"\byou'?re being (too )?(cautious|conservative|old-fashioned|unreasonable)\b", r"\blet me finish\b", r"\bthat'?s ridiculous\b",
     r"\bcome on\b"],
)
GIVE_UP = cue(
    [r"那好吧", r"那算了", r"那就算了", r"不打扰(您)?了", r"那(就|我)?(先)?不(耽误|打扰)", r"那我(就)?先(走|回去|撤)", r"下次再说",
     r"以后再说吧", r"有机会再(聊|合作|说)", r"等您(有)?需要(的时候)?再", r"您需要的时候(再|随时)", r"那就这样吧", r"告辞",
     r"那(就|我)?(等|静候)您(的)?(消息|通知)", r"(好|行)的?，?那(我)?(就)?(先)?(这样|走了|回去)", r"打扰您了，?(再见|我先)"],
    [r"\bokay,? (then|never mind)\b", r"\bsorry (to bother|for bothering|for taking)\b", r"\bi'?ll let you go\b",
     r"\bi won'?t take (up )?(any )?more of your time\b", r"\bnever mind\b", r"\bmaybe (another|some other) time\b",
     r"\bi'?ll (leave it|get out of your way|go|be on my way)\b", r"\bif you ever (need|change your mind)\b",
     r"\bcall me if\b", r"\bno (worries|problem),? (then|i'?ll)\b", r"\bi'?ll wait (to hear|for your call)\b",
     r"\bunderstood,? (i'?ll|thanks for your time)\b", r"\bthanks for your time,? (bye|goodbye)\b"],
)
DISCOUNT = cue(
    [r"打折", r"折扣", r"(?<![不没])[一二三四五六七八九]折", r"\d(\.\d)?折", r"优惠", r"便宜(一些|点|些|不少|很多)", r"降价", r"让利", r"减免",
     r"少收", r"特价", r"返点", r"返利", r"赠送", r"免费(送|赠|加|多给)", r"价格.{0,6}(可以|能|好)(谈|商量|再低|低一些|降|让)",
     r"(再|给您)(降|减|让|优惠|便宜)", r"最低价", r"底价", r"(送|多给)您.{0,6}(年|个月|套|次)", r"砍(一|掉)?(点|些|\d)", r"价格(好说|不是问题)",
     r"成本价"],
    [r"\bdiscount", r"\d+ ?% off\b", r"\bcheaper\b", r"\blower (the|our|my) price", r"\bprice cut", r"\bspecial (price|deal|offer|rate)",
     r"\bwaive", r"\bthrow (it )?in\b", r"\bfor free\b", r"\bknock .{0,20} off\b", r"\b(reduce|drop|cut) (the|our) price",
     r"\bmatch (their|the|that|your) price", r"\bbest price\b", r"\bprice (is )?negotiable\b", r"\bat cost\b", r"\bsweeten"],
)
PITCH_SELF = cue(
    [r"我们(公司|的|这|家|产品|方案|系统|平台|团队)?", r"我司", r"本公司", r"咱们的(产品|方案|系统)", r"这款(产品|系统)", r"我们(可以|能|有|是|会|在)"],
    [r"\b(we|our|we'?re|we'?ve|us)\b"],
)
PITCH_CLAIM = cue(
    [r"产品", r"系统", r"方案", r"平台", r"功能", r"模块", r"技术", r"服务", r"优势", r"领先", r"第一", r"最好", r"专业", r"经验", r"可以",
     r"能够", r"支持", r"提供", r"实现", r"集成", r"智能", r"自动", r"一站式", r"全面", r"完善", r"先进", r"稳定", r"高效", r"行业",
     r"口碑", r"品牌", r"实力", r"资质", r"专利", r"认证", r"算法", r"云", r"大数据", r"AI", r"性价比", r"独家", r"定制"],
    [r"\bproduct", r"\bsolution", r"\bplatform", r"\bfeature", r"\bmodule", r"\btechnolog", r"\bservice", r"\bleading\b",
     r"\bbest\b", r"\baward", r"\bexperience", r"\bsupport", r"\bprovide", r"\boffer", r"\bdeliver", r"\bintegrat",
     r"\bautomat", r"\bAI\b", r"\bcloud\b", r"\bend-to-end\b", r"\brobust\b", r"\bscalable\b", r"\bpowerful\b", r"\bcan\b",
     r"\bunique\b", r"\binnovative\b", r"\bcapabilit", r"\bdashboard", r"\breal-time\b", r"\bcertified\b", r"\bpatent"],
)
BENEFIT = cue(
    [r"帮(您|你们|到|助)", r"可以让", r"能让", r"解决", r"减少", r"降低", r"提升", r"提高", r"缩短", r"避免", r"节省", r"省(下|掉|出|了)",
     r"加快", r"不用再", r"不再", r"少(花|走|出)", r"改善", r"保证", r"确保"],
    [r"\bhelp(s|ed)? you\b", r"\breduc", r"\bcut(s|ting)?\b", r"\bsav(e|es|ing)\b", r"\bimprov", r"\bavoid", r"\bshorten",
     r"\bspeed(s)? up\b", r"\bno longer\b", r"\bfree(s)? up\b", r"\beliminat", r"\bprevent", r"\bensur", r"\bso (that )?you\b"],
)
PROOF = cue(
    [r"案例", r"(客户|同行|医院|工厂|银行|企业|门店)(里|中|像|比如|包括)", r"标杆", r"实测", r"数据(显示|表明|证明)", r"验证过", r"上线(后|以后|之后)",
     r"帮.{1,12}(降低|提升|缩短|减少|节省|提高)了", r"参考(客户|案例)", r"口碑", r"证明", r"(已经|曾经)(为|给|帮)", r"服务过", r"做过.{0,10}(项目|案例)",
     r"(去|到).{0,8}(参观|考察|看看)", r"第三方(报告|测评|认证)", r"(\d+|几十|上百|几百)家"],
    [r"\breference", r"\bcase stud", r"\bcustomers? (like|such as)\b", r"\bfor example,? [A-Z]", r"\bdata (shows|showed)\b",
     r"\bwe helped\b", r"\b(cut|reduced|lowered|improved|raised|increased) .{0,40} by \d", r"\bproven\b", r"\btrack record\b",
     r"\bother (hospitals|banks|plants|retailers|customers|clients) (have|like)\b", r"\bvisit (one of )?our (customers|clients|sites)\b",
     r"\b\d+ (customers|clients|hospitals|plants|companies)\b", r"\bbenchmark", r"\bthird-party\b"],
)
PILOT = cue(
    [r"试点", r"试用", r"先试", r"小范围", r"POC", r"概念验证", r"先做(一个|一条|一家|个)", r"(一|单)条(产)?线", r"一个(车间|门店|科室|仓库|网点|厂区|分行)",
     r"免费(评估|诊断|测试|体验)", r"评估一下", r"诊断", r"先跑(一|起来)", r"先上(一|个)", r"分(阶段|步|期)", r"小步", r"样板"],
    [r"\bpilot", r"\btrial\b", r"\bproof of concept\b", r"\bpoc\b", r"\bsmall scope\b", r"\bone (site|line|store|ward|branch|depot|plant)\b",
     r"\bphase (one|1)\b", r"\bphased\b", r"\bstart small\b", r"\bassessment\b", r"\bfree evaluation\b", r"\btest run\b",
     r"\bwithout (any )?commitment\b", r"\blow-risk\b"],
)
NEXT_STEP = cue(
    [r"下(周|个?星期|个?月)", r"明天", r"后天", r"周[一二三四五六日末]", r"星期[一二三四五六日天]", r"改天", r"找个时间", r"约(个|一个)?(时间|您|一下)",
     r"安排", r"预约", r"拜访", r"见(个)?面", r"碰(一下|个头)", r"开个(会|短会)", r"一起(开会|碰|聊|看|去)", r"上门", r"(到|去)现场", r"实地",
     r"调研", r"演示", r"demo", r"汇报", r"介绍给", r"引荐", r"认识一下", r"请.{1,10}(一起|参加|也来)", r"(出|做|提交|准备)(个|一份|一版)?方案",
     r"报(个)?价", r"出报价", r"试点", r"先试", r"下一步", r"工作坊", r"交流会", r"电话会"],
    [r"\bnext (week|month|step|steps|tuesday|monday|wednesday|thursday|friday)\b", r"\btomorrow\b", r"\bschedule", r"\bset up (a|an|some)\b",
     r"\bbook (a|some)\b", r"\barrange", r"\bmeet(ing)?\b", r"\bcall\b", r"\bdemo", r"\bsite visit", r"\bvisit\b", r"\bworkshop",
     r"\bwalk-?through\b", r"\bpilot", r"\bintroduc", r"\bbring in\b", r"\bloop in\b", r"\bproposal\b", r"\bfollow[- ]up\b",
     r"\bsession\b", r"\bon-?site\b", r"\bquote\b"],
)
PROPOSING = cue(
    [r"(可以|可不可以|行|行不行|方便|方便吗|怎么样|如何|好不好|好吗|您看|您觉得)[？?]?", r"建议", r"我们(可以|来|先)", r"我来", r"要不", r"不如", r"咱们",
     r"吧[。！!]?$", r"能否", r"能不能", r"是否可以", r"想(请|约|邀请)"],
    [r"\b(shall|could|can|should) we\b", r"\bwould you\b", r"\bhow about\b", r"\blet'?s\b", r"\bi'?d (like|love) to\b",
     r"\bi (suggest|propose|recommend)\b", r"\bwould it (make sense|help|be possible)\b", r"\bare you open\b", r"\bwhy don'?t we\b",
     r"\bcan i\b", r"\bmay i\b", r"\bworks? for you\b", r"\bwhat if we\b"],
)
ORDER = cue(
    [r"签(约|合同|单|字|了吧|下来)", r"合同", r"下单", r"订单", r"成交", r"采购单", r"(今天|现在|马上|尽快)(就)?(定|签|拍板|决定)", r"定下来", r"付(款|定金)"],
    [r"\bsign\b", r"\bcontract\b", r"\bpurchase order\b", r"\bplace (the|an|your) order\b", r"\bclose (the|this) deal\b",
     r"\bcommit (today|now)\b", r"\bready to (buy|sign|go ahead)\b", r"\bget (this|it) signed\b", r"\bdeal today\b", r"\bpaperwork\b"],
)
SITE_VISIT = cue([r"现场", r"实地", r"调研", r"上门", r"车间", r"走一走", r"看一看"], [r"\bsite\b", r"\bon-?site\b", r"\bwalk the (floor|site|line)\b", r"\bsurvey\b"])
DEMO = cue([r"演示", r"demo", r"展示", r"看看效果"], [r"\bdemo", r"\bshow you\b", r"\bwalk-?through\b"])
INTRODUCTION = cue(
    [r"介绍给", r"引荐", r"认识一下", r"见一下.{0,6}(总|经理|主任|老板|负责人)", r"请.{1,10}(一起|参加|也来)", r"(一起|同时)(跟|和).{1,8}(聊|谈|碰|见)",
     r"(叫上|拉上|带上|约上).{1,8}(总|经理|主任|部|负责人)"],
    [r"\bintroduc", r"\bbring in\b", r"\bloop in\b", r"\bmeet (your|the|with your)\b", r"\binclude (your|the)\b", r"\binvite (your|the)\b"],
)
PROPOSAL = cue([r"方案", r"报价", r"建议书", r"计划书"], [r"\bproposal\b", r"\bquote\b", r"\bbusiness case\b", r"\bplan\b"])

BADMOUTH_TARGET = cue(
    [r"他们(家|那边|的)?", r"那家", r"(竞争)?对手", r"竞品", r"友商", r"(现在|目前|原来)的?(那家)?(供应商|厂家|系统|服务商)", r"[A-Z][A-Za-z]+"],
    [r"\b(they|their|them|competitors?|your (current |existing )?(vendor|supplier|provider|system))\b"],
)
BADMOUTH_NEGATIVE = cue(
    [r"不行", r"很差", r"太差", r"垃圾", r"烂", r"坑", r"骗", r"不靠谱", r"不专业", r"问题(很|特别)?多", r"经常出问题", r"跑路", r"倒闭", r"落后",
     r"过时", r"淘汰", r"比不上", r"差远了", r"忽悠", r"水平(不行|很差|一般)", r"没法比"],
    [r"\bterrible\b", r"\bawful\b", r"\bunreliable\b", r"\blousy\b", r"\bworst\b", r"\bincompetent\b", r"\bjunk\b", r"\brip[- ]?off\b",
     r"\boutdated\b", r"\bdying\b", r"\bcan'?t deliver\b", r"\boverpriced\b", r"\bscam", r"\bcrap\b", r"\bamateur", r"\bobsolete\b"],
)

SUMMARY = cue(
    [r"(我)?(来)?总结一下", r"(我)?(来)?归纳", r"(我)?(来)?确认一下", r"(我)?复述一下", r"如果我没(理解|听)错", r"如果我理解(得)?没错", r"我理解(下来)?(您|你们)(的意思)?是",
     r"也就是说", r"换句话说", r"听下来", r"听您这么说", r"(刚才|前面)您(提到|说|讲)(的|了)", r"您刚才(讲|提|说)的(几|这)", r"简单(说|讲|来说)",
     r"所以(您|你们)(现在)?(最)?(关心|在意|头疼|需要|担心|想要|希望)", r"(您|你们)的(核心|主要|关键|真正)(问题|需求|诉求|顾虑)(是|就是|其实)",
     r"我梳理(一下|了)", r"我整理(一下|了)", r"(一共|总共|主要)(有)?(两|三|几)(个|点|方面)"],
    [r"\bso what i'?m hearing\b", r"\blet me (make sure|check|recap|summari[sz]e|play (that|it) back|see if i)\b",
     r"\bto summari[sz]e\b", r"\bif i (understand|heard) (you )?(correctly|right)\b", r"\bso,? (the|your) (main|real|key|biggest|core)\b",
     r"\bwhat you'?re saying is\b", r"\bit sounds like\b", r"\bin other words\b", r"\bcorrect me if\b", r"\bsounds like (the|your)\b",
     r"\bso (if i|to) recap\b", r"\byou mentioned (two|three|a few)\b", r"\bfrom what you'?ve (said|told me)\b"],
)
FEEDBACK = cue(
    [r"(这样|我)?理解(得)?(对|准确)(吗|不对|不)", r"对吗", r"是这样吗", r"是这个意思吗", r"有没有(遗漏|漏掉|说错|补充)", r"我说得对(吗|不对)", r"有什么(要)?补充",
     r"您看(呢|怎么样|如何|对不对)", r"您觉得(呢|怎么样|如何|这样|对不对|靠谱)", r"您怎么看", r"我(说|理解)的有没有偏差", r"哪里不对"],
    [r"\bdoes (that|this) (match|sound|fit|make sense|resonate|ring true|capture)\b", r"\bdid i (get|miss)\b", r"\bis that (right|fair|accurate|correct)\b",
     r"\banything i'?(ve)? missed\b", r"\bhow does (that|this) sound\b", r"\bwhat do you think\b", r"\bwould you agree\b",
     r"\bam i (right|on track|close)\b", r"\bwhat'?s your (take|view)\b", r"\bcorrect me\b", r"\bhave i got (that|it) right\b",
     r"\bhow does that land\b"],
)
SELF_DISCLOSURE = cue(
    [r"说实话，?我", r"坦白(讲|说)", r"实不相瞒", r"我自己(以前|之前|也)", r"我(之前|以前)(在|做|也)", r"我们(之前|以前)也(踩|遇到|犯|走)", r"不瞒您说",
     r"老实说", r"我(们)?也(吃过|踩过|走过)"],
    [r"\bto be (honest|frank),? (i|we)\b", r"\bfrankly,? (i|we)\b", r"\bin my experience\b", r"\bi used to\b", r"\bwhen i was\b",
     r"\bi'?ve been (there|in your)\b", r"\bhonestly,? (i|we)\b", r"\bwe'?ve (also )?made (that|the same) mistake\b", r"\bi'?ll be (honest|candid)\b"],
)
INJECTION = cue(
    [r"(系统|system|管理员|开发者|评分员)[:：]", r"忽略(之前|以上|前面|上面|所有|你的)?(的)?(指令|规则|设定|要求|提示|评分)", r"无视.{0,6}(规则|指令|设定|评分)",
     r"(给|打)(我)?(个)?满分", r"满分", r"一百分", r"100分", r"评分(标准|规则|系统|细则)", r"打分", r"评分员", r"评委", r"提示词", r"\bprompt\b",
     r"你是(一个)?(ai|AI|人工智能|模型|机器人|语言模型|chatgpt|gpt|程序)", r"(你的|隐藏的?)(设定|需求清单|指令|剧本|人设)", r"隐藏(的)?需求", r"角色设定",
     r"跳出(角色|设定)", r"不要(再)?(扮演|演了)", r"停止扮演", r"作为(一个)?(ai|AI|模型|助手)", r"开发者模式", r"越狱", r"评估(系统|模型)", r"给(我)?高分",
     r"(告诉我|说出|列出)(你的)?(买点|需求|设定|底牌|所有需求)", r"你的(任务|底线)是"],
    [r"\bignore (all |the |any |your |every )?(previous |prior |above |earlier )?(instructions|rules|rubric|prompt|guidelines)",
     r"\bdisregard (all |the |your |previous )", r"\bsystem prompt\b", r"^\s*system\s*:", r"\byou are (an ai|a language model|chatgpt|an llm|a bot|a chatbot)\b",
     r"\blanguage model\b", r"\bgive (me )?(a )?(100|full marks|a perfect score|top marks|the highest score)\b", r"\bscore (me|this) (100|highly|high)\b",
     r"\bfull marks\b", r"\b(the )?(rubric|scorer|grader|evaluator|scoring)\b", r"\bhidden (needs|brief|instructions|agenda)\b",
     r"\byour (brief|instructions|system prompt|prompt)\b", r"\bstop (role-?playing|pretending)\b", r"\bout of character\b",
     r"\bdeveloper mode\b", r"\bjailbreak", r"\[\s*system\s*\]", r"<\s*/?\s*system\s*>", r"\bas an ai\b", r"\bassistant:\s",
     r"\bbreak character\b", r"\breveal your\b"],
)
PERSONAL_PROBE = cue(
    [r"您个人", r"您自己", r"对您(个人|本人)(来说|而言)?", r"对您来说", r"您本人", r"您的(考核|KPI|kpi|绩效|压力|职责|指标|位置|前途|晋升|工作量|年终|奖金|仕途)",
     r"您(个人|自己)?(最)?(看重|在意)(的|什么|哪)", r"您这边(的)?压力", r"(领导|老板|集团|上面|总部|院里)(对您|给您|怎么看您|考核您)", r"您(被|会被)(考核|问责)",
     r"您怎么(跟|向).{1,6}(交代|汇报)", r"对您(的工作|本人|这边)(有|会有)什么", r"您(这个|在这个)(位置|岗位)", r"(作为|身为)(负责人|厂长|主任|总监|经理|院长|处长)",
     r"压(在|到)您", r"您(肩上|身上)"],
    [r"\byour own\b", r"\byou personally\b", r"\bfor you personally\b", r"\byour (kpis?|bonus|targets?|performance review|career|reputation|neck|objectives|scorecard)\b",
     r"\bwhat matters (most )?to you\b", r"\bwhat'?s in it for you\b", r"\bhow are you (measured|evaluated|judged)\b", r"\bon your plate\b",
     r"\bkeeps? you up\b", r"\byour boss\b", r"\bfor you (and your team|in your role)\b", r"\byou'?re (measured|accountable)\b",
     r"\bmean for you\b", r"\bon the line for you\b", r"\bfor you, personally\b"],
)
DECISION_PROBE = cue(
    [r"谁(来)?(决定|拍板|审批|签字|负责|说了算|参与|把关|定)", r"决策", r"拍板", r"审批", r"签字", r"说了算", r"还有(哪些|谁|哪几位|哪位|其他)",
     r"其他(部门|领导|人|同事)", r"哪些部门", r"上会", r"招标", r"采购(流程|程序|部门)", r"预算", r"时间(表|点|线|节点|安排)", r"什么时候(要|上线|定|决定|启动|开始)",
     r"评估标准", r"选型(标准|流程)", r"看重(哪些|什么|哪几)", r"考虑哪些因素", r"流程(是|怎么)", r"立项", r"(老板|领导|总经理|财务|IT|信息部)(那边|怎么看|的意见|会)"],
    [r"\bwho (else|makes|decides|signs|approves|will be involved|is involved|has the final|would need|needs to)\b", r"\bdecision", r"\bapprov",
     r"\bsign[- ]off\b", r"\bbudget", r"\btimeline\b", r"\btime ?frame\b", r"\bdeadline\b", r"\bby when\b", r"\bcriteria\b",
     r"\bhow (will|would|do) you (evaluate|decide|choose|compare)\b", r"\bprocurement\b", r"\bcommittee\b", r"\bstakeholder",
     r"\bbuying process\b", r"\bwho (else )?(should|would) (i|we) (talk|speak)\b"],
)
FOLLOWUP_MARKER = cue(
    [r"(您|你)?刚才(说|提到|讲|聊到)", r"您提到", r"您说的", r"你说的", r"刚刚(说|提到)", r"(这个|那个|这|那)(具体|详细)", r"具体(是|来说|讲讲|说说|指)",
     r"比如说", r"举个例子", r"能(再)?展开", r"(多|再)说(一点|一些|说)", r"您的意思是", r"怎么讲", r"为什么这么说", r"您指的是", r"是指"],
    [r"\byou (mentioned|said|noted|brought up)\b", r"\bearlier you\b", r"\btell me more\b", r"\bcan you elaborate\b", r"\bfor example\b",
     r"\bwhat do you mean\b", r"\bexpand on\b", r"\bwhen you say\b", r"\bgo back to\b", r"\byou just\b", r"\bsay more\b",
     r"\bwhy do you say\b", r"\bin what way\b"],
)

# --- topics -------------------------------------------------------------------

TOPICS: dict[Topic, Cue] = {
    Topic.overview: cue(
        [r"业务", r"主营", r"做什么", r"主要做", r"公司(的)?情况", r"(贵|你们|您)(公司|单位|医院|集团)", r"整体", r"经营", r"基本情况"],
        [r"\bbusiness\b", r"\bwhat you do\b", r"\boverview\b", r"\bcompany\b", r"\borgani[sz]ation\b"],
    ),
    Topic.operations: cue(
        [r"流程", r"环节", r"怎么(做|操作|管理|运作|处理|安排)", r"操作", r"排产", r"排班", r"生产", r"运营", r"作业", r"日常", r"运作", r"调度", r"管理方式"],
        [r"\bworkflow", r"\bprocess(es)?\b", r"\bhow do you (handle|manage|run|do|track|deal)", r"\bday-to-day\b", r"\boperation",
         r"\bproduction\b", r"\bscheduling\b"],
    ),
    Topic.scale: cue(
        [r"规模", r"多少(人|家|个|台|辆|张|床|条|门店|员工|用户|单|件|吨|车)", r"几(个|家|条|台|辆|位)", r"产量", r"产能", r"体量", r"数量", r"人数", r"营收",
         r"销售额", r"多大"],
        [r"\bhow many\b", r"\bhow big\b", r"\bvolume", r"\bsize\b", r"\bheadcount\b", r"\bscale\b", r"\brevenue\b", r"\bsites\b",
         r"\blocations\b", r"\bunits\b", r"\bfleet size\b"],
    ),
    Topic.current_solution: cue(
        [r"现在用", r"目前用", r"用的是", r"在用", r"现有", r"系统", r"软件", r"工具", r"平台", r"手工", r"excel", r"表格", r"纸质", r"现在(是)?怎么"],
        [r"\bcurrently use", r"\bcurrent (system|tool|setup|process|solution|platform)", r"\btoday,? (you|how)", r"\busing now\b",
         r"\bspreadsheet", r"\bin place\b", r"\bsystem\b", r"\bsoftware\b", r"\btool", r"\bexcel\b", r"\bmanual"],
    ),
    Topic.supplier: cue(
        [r"供应商", r"厂家", r"合作方", r"合作伙伴", r"服务商", r"代理", r"(现在|目前)(的|那家)", r"合作(了)?多久", r"哪家"],
        [r"\bvendor", r"\bsupplier", r"\bprovider", r"\bpartner", r"\bincumbent\b", r"\bwho do you (use|buy|work)\b"],
    ),
    Topic.problem: PROBLEM,
    Topic.impact: IMPLICATION,
    Topic.goal: cue(
        [r"目标", r"计划", r"打算", r"希望", r"期望", r"规划", r"今年", r"明年", r"未来", r"三年", r"愿景", r"想要", r"指标", r"达到"],
        [r"\bgoals?\b", r"\bplans?\b", r"\btargets?\b", r"\bobjective", r"\bhop(e|ing)\b", r"\baim", r"\bvision\b", r"\bnext year\b",
         r"\bthis year\b", r"\bpriorit", r"\bsuccess\b"],
    ),
    Topic.personal: PERSONAL_PROBE,
    Topic.decision: cue(
        [r"决策", r"拍板", r"决定", r"审批", r"签字", r"说了算", r"流程(是|怎么)", r"上会", r"招标", r"立项", r"批"],
        [r"\bdecision", r"\bdecide", r"\bapprov", r"\bsign[- ]off\b", r"\bbuying process\b", r"\bprocurement process\b"],
    ),
    Topic.stakeholders: cue(
        [r"谁", r"哪些部门", r"哪几位", r"还有(谁|哪些|哪位)", r"其他(部门|人|领导|同事)", r"老板", r"总经理", r"领导", r"董事", r"财务", r"\bIT\b", r"信息(部|科|中心)",
         r"采购", r"副总", r"院长", r"厂长", r"主任", r"集团", r"总部"],
        [r"\bwho else\b", r"\bstakeholder", r"\bboss\b", r"\bceo\b", r"\bcfo\b", r"\bcio\b", r"\bcoo\b", r"\bfinance\b", r"\bprocurement\b",
         r"\bit (team|department|director)\b", r"\bboard\b", r"\bcommittee\b", r"\bhead office\b", r"\bwho\b"],
    ),
    Topic.budget: cue([r"预算", r"资金", r"投入", r"拨款", r"费用(怎么|从哪|多少)"], [r"\bbudget", r"\bfunding\b", r"\bspend\b", r"\ballocat"]),
    Topic.timeline: cue(
        [r"什么时候", r"时间(表|点|线|节点|安排|上)", r"期限", r"上线", r"deadline", r"节点", r"多久", r"进度", r"周期", r"(年底|年前|年内|季度)"],
        [r"\bwhen\b", r"\btimeline\b", r"\btime ?frame\b", r"\bdeadline\b", r"\bby when\b", r"\bschedule\b", r"\bgo-live\b",
         r"\bhow soon\b", r"\bhow long\b", r"\bquarter\b"],
    ),
    Topic.criteria: cue(
        [r"标准", r"看重", r"考虑(哪些)?因素", r"评估", r"选型", r"对比", r"条件", r"要求"],
        [r"\bcriteria\b", r"\bevaluat", r"\bcompar", r"\brequirement", r"\bmust-have", r"\blooking for in\b", r"\bweigh"],
    ),
    Topic.price: cue([r"价格", r"报价", r"多少钱", r"价钱", r"单价", r"贵", r"便宜"], [r"\bprice", r"\bpricing\b", r"\bquote\b", r"\bhow much is\b", r"\bexpensive\b", r"\bcheap"]),
    Topic.risk: cue(
        [r"风险", r"担心", r"顾虑", r"万一", r"出问题", r"失败", r"稳定", r"安全", r"合规", r"保障"],
        [r"\brisk", r"\bworr", r"\bconcern", r"\bwhat if\b", r"\bfail", r"\bsecur", r"\bcomplian", r"\bstable\b", r"\bstability\b"],
    ),
    Topic.competition: cue([r"竞争对手", r"同行", r"友商", r"对手", r"市场份额", r"竞争"], [r"\bcompetit", r"\bmarket share\b", r"\brivals?\b", r"\bpeers?\b"]),
    Topic.customers: cue(
        [r"客户", r"顾客", r"患者", r"病人", r"乘客", r"终端", r"消费者", r"会员", r"租户"],
        [r"\bcustomers?\b", r"\bclients?\b", r"\bpatients?\b", r"\bconsumers?\b", r"\bshoppers?\b", r"\btenants?\b"],
    ),
    Topic.people: cue(
        [r"员工", r"人员", r"人手", r"招人", r"培训", r"流失", r"离职", r"技能", r"团队", r"人力", r"编制", r"加班", r"司机", r"护士", r"医生", r"工人"],
        [r"\bstaff\b", r"\bpeople\b", r"\bhir(e|ing)\b", r"\btraining\b", r"\bturnover\b", r"\bskills?\b", r"\bteam\b", r"\bovertime\b",
         r"\bdrivers?\b", r"\bnurses?\b", r"\bworkers?\b", r"\bemployees?\b"],
    ),
    Topic.cost: cue(
        [r"成本", r"开支", r"开销", r"花费", r"费用", r"浪费", r"人工费", r"油耗", r"能耗", r"电费"],
        [r"\bcosts?\b", r"\bspend", r"\bexpense", r"\boverhead", r"\bwaste", r"\bfuel\b", r"\benergy bill"],
    ),
    Topic.quality: cue(
        [r"质量", r"良率", r"合格率", r"不良", r"返工", r"缺陷", r"差错", r"准确(率|性)", r"投诉率", r"事故"],
        [r"\bquality\b", r"\bdefect", r"\byield\b", r"\berrors?\b", r"\baccura", r"\brework\b", r"\bincidents?\b"],
    ),
    Topic.strategy: cue(
        [r"战略", r"转型", r"数字化", r"扩张", r"发展", r"方向", r"增长", r"升级", r"布局", r"信息化", r"智能化"],
        [r"\bstrateg", r"\btransformation\b", r"\bdigital", r"\bexpan", r"\bgrowth\b", r"\bdirection\b", r"\bupgrade", r"\bmoderni[sz]"],
    ),
}

# --- buyer-side signals -------------------------------------------------------

OBJECTIONS: dict[ObjectionKind, Cue] = {
    ObjectionKind.price: cue(
        [r"太贵", r"贵了", r"(很|挺|比较|有点|偏|这么)贵", r"价格(太|偏|有点|比较|也)?高", r"报价(太|偏|有点|比较)?高", r"超出(预期|心理价)", r"比.{1,12}贵",
         r"便宜(很多|不少|一半|\d+)", r"价格(没|没有)(什么)?优势", r"性价比(不|太低)", r"(这个|这)价(格|钱)(我们)?(接受不了|下不来|批不了|不太现实)",
         r"人家(报价|报的|只要)", r"别家.{0,10}(便宜|低)", r"价格(上|这块)(我们)?(很难|难以|没法)"],
        [r"\btoo expensive\b", r"\bpricey\b", r"\bprice (is|seems|looks) (too |very |a bit |rather )?(high|steep)\b", r"\bcosts? (too much|a lot more|way more)\b",
         r"\b(is|are|were) cheaper\b", r"\bout of (our|my) price\b", r"\bmore expensive\b", r"\bcan'?t justify the (cost|price|spend)\b",
         r"\bsteep\b", r"\bquoted (us )?(less|lower)\b", r"\bnumbers? (don'?t|doesn'?t) work\b", r"\bthat'?s a lot of money\b"],
    ),
    ObjectionKind.budget: cue(
        [r"没(有)?(这笔|这个|这块)?预算", r"预算(不够|有限|紧|很紧|已经|用完|砍|没|卡|冻结|定了|报完)", r"没钱", r"资金(紧张|有限|压力)", r"今年(没有|不会|不太可能)(这笔|这块|再)?(钱|预算|投入)",
         r"不在(今年的?)?(预算|计划)", r"费用(很紧|控制)", r"(降本|控费)", r"钱(从哪|不好批|批不下来)", r"拿不出"],
        [r"\bno budget\b", r"\bbudget (is|was|has been|'?s) (tight|cut|frozen|spent|allocated|gone|locked|limited|set)\b", r"\bnot budgeted\b",
         r"\bcan'?t afford\b", r"\bdon'?t have (the )?(money|funds|budget)\b", r"\bno (money|funds)\b", r"\bfunding\b", r"\bcost[- ]cutting\b",
         r"\bspending freeze\b", r"\btight budget\b"],
    ),
    ObjectionKind.incumbent: cue(
        [r"已经有(了)?(供应商|合作|系统|厂家|服务商|在用|人在做|固定)", r"(现在|目前)(用|合作)的.{0,12}(挺好|还行|不错|可以|稳定|用惯|顺手|没问题)", r"合作(了)?(很多|好几|多|十几|\d+)年",
         r"老(关系|供应商|合作伙伴)", r"换(供应商|系统|厂家|平台)?(的)?(成本|风险|麻烦|代价)", r"没必要换", r"不(想|打算|考虑)换", r"签了(长期|.{0,4}年的?)?(合同|协议)",
         r"(一直|长期)(用|跟|和).{1,10}(合作|用)", r"(用|跟).{0,8}(用惯了|合作惯了)"],
        [r"\balready (have|work with|use|got)\b", r"\b(happy|satisfied|fine) with (our|the|them|what we)\b", r"\bcurrent (vendor|supplier|provider)\b",
         r"\bunder contract\b", r"\b(long|long-standing|good) relationship\b", r"\bswitching (cost|is|would)\b", r"\bno reason to (switch|change)\b",
         r"\blocked in\b", r"\bworked with .{1,30} for (years|\d+)\b", r"\bwhy would (we|i) (switch|change)\b"],
    ),
    ObjectionKind.no_need: cue(
        [r"不需要", r"用不上", r"用不着", r"没(有)?(这个|这方面|什么)?需求", r"没什么(问题|需要|大问题)", r"挺好的", r"够用(了)?", r"没(那么|这么)(急|必要)",
         r"不是(重点|当务之急|优先)", r"不感兴趣", r"没(什么)?兴趣", r"(暂时|目前|现阶段)(还)?(不考虑|没(有)?(计划|打算))", r"没必要", r"不缺"],
        [r"\bdon'?t (really )?need\b", r"\bno need\b", r"\bnot (a |really a )?priority\b", r"\bwe'?re (fine|good|okay|all set)\b",
         r"\bworks (fine|well|okay)\b", r"\bnot interested\b", r"\bdoesn'?t apply\b", r"\bnothing wrong\b", r"\bgood enough\b",
         r"\bnot a problem for us\b", r"\bnot looking (for|to)\b", r"\bno plans? to\b"],
    ),
    ObjectionKind.no_time: cue(
        [r"没(有)?时间", r"很忙", r"太忙", r"(只有|就|只剩)(个)?.{0,3}(分钟|一会)", r"(马上|一会儿?|待会|等下|等会|半小时后|十分钟后)(还)?(有|要|得)(个|一个)?(会|事)",
         r"赶时间", r"长话短说", r"抓紧(时间|点)", r"说重点", r"直接说", r"别绕", r"(挤|抽)出(来)?的时间", r"时间(有限|很紧|不多)"],
        [r"\bno time\b", r"\b(really |very |pretty )?busy\b", r"\b(\d+|five|ten|fifteen|twenty|a few) minutes\b", r"\bin a hurry\b",
         r"\bmake it quick\b", r"\bget to the point\b", r"\brunning late\b", r"\banother meeting\b", r"\bshort on time\b",
         r"\bhard stop\b", r"\bkeep (it|this) (short|brief)\b"],
    ),
    ObjectionKind.risk: cue(
        [r"(风险|隐患)(太|很|挺|比较)?(大|高)", r"(换|上|切换|迁移|实施|上线|改|动).{0,10}(风险|出问题|出乱子|停|乱)", r"万一.{0,20}(出问题|出事|停|不行|失败|搞砸|延期|砸)",
         r"不放心", r"没(把握|底)", r"靠不靠谱", r"出(了)?(问题|事|故障).{0,6}(谁|怎么办)", r"上次.{0,25}(失败|出问题|吃亏|踩坑|延期|超期|搞砸|折腾|烂尾)",
         r"不敢(换|上|动|冒)", r"谁(来)?(负责|担)", r"保证不了", r"(你们|新)(的)?(系统|产品|方案|公司).{0,10}(行不行|稳不稳|靠谱|成熟)", r"(担心|怕)(你们|换|上|切换|迁移|实施|影响(生产|业务|正常))"],
        [r"\brisky\b", r"\btoo (much )?risk\b", r"\b(worried|concerned|nervous|afraid) (about|that) (switching|changing|the (migration|rollout|implementation|change)|you|your|it)\b",
         r"\bwhat if (it|this|something|the system|you)\b", r"\bburned before\b", r"\blast time\b", r"\bcan'?t afford (a|to) (fail|mess|go down|disrupt)",
         r"\bdisrupt", r"\bguarantee\b", r"\bunproven\b", r"\bwho('?s| is) (responsible|accountable|on the hook)\b", r"\bnot convinced (it|you)\b",
         r"\bwe can'?t risk\b", r"\bgamble\b"],
    ),
    ObjectionKind.send_material: cue(
        [r"(发|给|寄)(我|一)?(一)?(份|个|些|套)?(资料|材料|方案|介绍|报价|ppt|PPT|文档|手册|彩页|案例)", r"资料(发|留)", r"(发|放)(到)?(我)?(的)?邮箱", r"留(个|份|下)(资料|材料|名片)",
         r"先看看(资料|材料|方案)", r"(你|您)?(先)?发(过来|给我)(看看)?"],
        [r"\bsend (me|over|us|it)\b", r"\bemail (me|it|over|us)\b", r"\bbrochure\b", r"\b(some|the|your) (material|materials|info|information|deck|slides)\b",
         r"\bleave (me )?(some|a|your)\b", r"\bi'?ll (take a look|look it over|have a look)\b", r"\bput it in (an|a) email\b"],
    ),
    ObjectionKind.think_it_over: cue(
        [r"(考虑|想想|研究|商量|讨论|琢磨)(一下|考虑|看看|再说|再定)", r"再(考虑|想想|说|看看|等等|研究)", r"回头(再|联系|说)", r"以后再说", r"过(段|一段|些)(时间|日子)",
         r"不急", r"(先|就)(这样|放一放|放放)", r"(会|再)(跟|和|给)(你|您)(联系|说|回复|打电话)", r"等(我们|我)?(消息|通知|研究)", r"内部(先)?(商量|讨论|研究)"],
        [r"\bthink (about it|it over|about this)\b", r"\bget back to you\b", r"\blet me (think|consider|discuss|talk|mull)\b", r"\bnot (right )?now\b",
         r"\bdown the road\b", r"\blater\b", r"\brevisit\b", r"\bcircle back\b", r"\bsleep on it\b", r"\bmull\b", r"\bwe'?ll be in touch\b",
         r"\bnext (quarter|year)\b", r"\bdiscuss (it )?internally\b"],
    ),
    ObjectionKind.authority: cue(
        [r"(我|这)(个)?(说了不算|做不了主|定不了|决定不了|没(有)?权)", r"不是我(一个人)?(能)?(定|决定|说了算)", r"(要|得|需要|还要)(老板|领导|总经理|董事会|上面|集团|总部|委员会|财务|院里|局里)(定|批|拍板|决定|同意|点头|审|签)",
         r"上会(讨论|决定|研究)?", r"(我|这边)只(能|是)(提|建议|推荐|收集)", r"(拍板|决定)的(是|不是我)", r"轮不到我"],
        [r"\bnot (my|up to me)\b", r"\b(my )?(boss|ceo|cfo|board|committee|head office|headquarters) (decides|has to|needs to|will decide|makes)\b",
         r"\babove my (pay ?grade|head)\b", r"\bneed (approval|sign-?off)\b", r"\bthe board\b", r"\bcorporate (decides|has|will)\b",
         r"\bnot my (call|decision)\b", r"\bi (can'?t|don'?t) (decide|sign|approve)\b", r"\bi just (make|give) (a )?recommendation"],
    ),
}

BUYER_PAIN = cue(
    [r"问题", r"麻烦", r"头疼", r"头痛", r"困难", r"慢", r"经常", r"老是", r"总是", r"出错", r"投诉", r"抱怨", r"不满意", r"吃力", r"跟不上", r"卡", r"瓶颈",
     r"不准", r"延误", r"延迟", r"乱", r"漏", r"加班", r"紧张", r"难", r"累", r"烦", r"不够", r"折腾", r"手工"],
    [r"\bproblem", r"\bissue", r"\bstruggl", r"\bslow", r"\bkeep (having|getting|running)", r"\bcomplain", r"\bfrustrat", r"\bheadache",
     r"\bmess", r"\bbottleneck", r"\bbehind\b", r"\blate\b", r"\berrors?\b", r"\bmanual", r"\bpainful\b", r"\bhard to\b", r"\bdifficult",
     r"\bovertime\b", r"\bbroken\b", r"\bcan'?t keep up\b", r"\bnightmare\b"],
)
BUYER_IMPACT = cue(
    [r"损失", r"导致", r"造成", r"后果", r"代价", r"罚款", r"赔(了|偿|款)", r"流失", r"丢(了)?(单|客户|订单|标)", r"多花", r"成本(增加|上升|高|涨)", r"返工", r"停(线|产|机)",
     r"(一年|每年|每个?月|每周|一个月).{0,12}(万|亿|千|百)", r"\d+(万|亿)", r"被(老板|领导|集团|客户|总部)(骂|批|问责|点名|约谈)", r"扣(款|分)", r"影响(了)?(交付|交期|生产|营收|利润|口碑|续约|评级)"],
    [r"\blos(e|ing|t)\b", r"\bcost(s|ing)? us\b", r"\bpenalt", r"\bchurn", r"\bimpact", r"\bconsequence", r"\bfines?\b", r"\bdowntime\b",
     r"\bwrite-?off", r"\$\s?\d", r"\b\d+k\b", r"\bmillion", r"\bthousand", r"\bper (month|year|week)\b", r"\bmissed (deadlines|orders|targets)\b"],
)
BUYER_PERSONAL = cue(
    [r"我(个人|自己)", r"我的(考核|KPI|kpi|绩效|压力|位置|饭碗|前途|晋升|年终|奖金)", r"老板(那边|对我)", r"在(老板|领导|集团|董事会)面前", r"背锅", r"担责任",
     r"我(得|要|就得)(负责|交代|扛)", r"我这个位置", r"(找|问)我(的)?(责任|麻烦)", r"(压|落)在我", r"我(也)?(挺|很)?(头疼|难受|被动|为难)", r"(升职|提拔|转正)"],
    [r"\bmy (neck|job|bonus|review|kpis?|boss|reputation|promotion|head)\b", r"\bpersonally\b", r"\bi'?m (the one|on the hook|accountable|measured)\b",
     r"\bblame", r"\bfor me\b", r"\bmy team (gets|takes|will)\b", r"\bi get (the )?(call|heat)\b", r"\bcareer\b"],
)
BUYER_STAKEHOLDER = cue(
    [r"[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文]"
     r"(总|经理|主任|工|局|处|院长|书记|部长|董|厂长|主管)",
     r"总经理", r"副总", r"董事长", r"老板", r"财务(总监|部|经理|那边)", r"CFO", r"CIO", r"CTO", r"CEO", r"IT(部|总监|经理|负责人|那边)", r"信息(部|科|中心)",
     r"采购(部|经理|总监|那边)", r"厂长", r"院长", r"董事会", r"委员会", r"集团", r"总部", r"法务", r"(技术|生产|质量|运营)(部|总监|负责人|副总)"],
    [r"\b(ceo|cfo|cio|cto|coo|vp|vice president|director|head of \w+|boss|board|committee|procurement|finance|legal|it (team|director|department)|owner|gm|general manager)\b",
     r"\b(Mr|Ms|Mrs|Dr)\.? [A-Z]"],
)
BUYER_ACCEPTS = cue(
    [r"(可以|行|好|没问题|那就|那行|也行|好吧|OK|ok|成)[，,。!！ ]?.{0,20}(安排|约|见|来|下周|周[一二三四五六日]|星期|时间|试|看看|叫上|一起|聊聊|过来|定)",
     r"我(来|去)(安排|约|叫|问问|跟.{1,6}说|协调)", r"就这么定", r"那就这么办", r"你(们)?(过来|来)(吧|一趟)", r"(时间|日子)你(们)?定", r"(我|我们)(可以|愿意)(试|安排|见)"],
    [r"\bsure\b", r"\bsounds good\b", r"\blet'?s do (it|that)\b", r"\bokay,? (let'?s|i'?ll|we can)\b", r"\bi can (set|arrange|get|bring|loop)\b",
     r"\bworks for me\b", r"\bi'?ll (set|arrange|bring|ask|loop|get)\b", r"\bhappy to\b", r"\bthat could work\b",
     r"\blet'?s (schedule|set|book|meet|plan)\b", r"\bfine,? (let'?s|come)\b", r"\bdeal\b"],
)
BUYER_SOFTENS = cue(
    [r"有道理", r"这倒是", r"也是", r"说得(也)?(对|在理|有道理)", r"可以聊聊", r"可以考虑", r"有点意思", r"那你说说", r"你接着说", r"这个倒", r"倒是可以", r"听起来(还)?(不错|可以)",
     r"(你|您)这么一说", r"值得(聊|看|试)"],
    [r"\bfair point\b", r"\bgood point\b", r"\bthat'?s (interesting|fair|true|a good question)\b", r"\byou have a point\b", r"\bgo on\b",
     r"\btell me more\b", r"\bi'?m listening\b", r"\bi suppose\b", r"\bi'?ll (admit|grant)\b", r"\bworth (a look|exploring|talking)\b"],
)
BUYER_ENDS = cue(
    [r"(先|就)(这样|到这)(吧)?", r"我(还|马上)?(有|要开)(个)?会", r"下次再(聊|说)", r"今天就到这", r"不好意思我得", r"没什么好谈", r"请回(吧)?", r"不送", r"就聊到这"],
    [r"\blet'?s (stop|leave it|wrap)\b", r"\bi (have|need|'?ve got) to (go|run)\b", r"\bwe'?re done\b", r"\bthat'?s all\b", r"\banother time\b",
     r"\bshow yourself out\b", r"\bi'?ll have to end\b"],
)

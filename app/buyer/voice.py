"""The offline voice: a plan worded from the scenario's own lines and the phrasebook.

Answers come first, in the order asked; then the reactions; then the
objection, run on with a short connective. Taking offence and a verdict on
the whole turn go before the answers. Every generic line is picked from
variants this session hasn't heard, so nothing is said twice word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from app.analysis import lexicon as lx
from app.analysis.text import cjk_count, content_chars, sentences
from app.buyer import portion
from app.buyer.lines import LineKey, digest
from app.buyer.plan import ADVANCE_ACCEPTS, Depth, Disclosure, ObjectionMove
from app.buyer.turn import Turn

_CONNECTIVE = re.compile(
    r"^.{0,4}(说实话|实话|老实讲|坦白)|^(不过|但|可|只是|说实话|说句实话|老实说|话说回来|那|再说|还有|but\b|still\b|that said\b|and\b|so\b|honestly\b|look\b|again\b|to be honest\b|"
    r"fine\b|okay\b|ok\b|sure\b|right\b|well\b|行|好吧|对)",
    re.I,
)
_SAYS_UNANSWERED = re.compile(r"回答|没接|answer", re.I)
# A concern said again that opens with its own lead-in ("你还是没回答我：…") takes no other.
_LEADS_IN = re.compile(r"^[^，,。.？?！!]{2,14}[：:]")
_SAYS_WAIT = re.compile(
    r"^.{0,3}(我得先说|先说清楚|先别|别急|不急|且慢|等等|hold on|not so fast|wait|slow down|before (we|you))",
    re.I,
)


_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:] )([A-Z][A-Za-z'-]*)")


_NEVER_NAMES = frozenset(
    [
        "I",
        "I'm",
        "I'll",
        "I've",
        "I'd",
        "We",
        "We're",
        "We've",
        "We'll",
        "It",
        "It's",
        "The",
        "A",
        "An",
        "They",
        "They're",
        "You",
        "You're",
        "My",
        "Our",
        "Your",
        "Their",
        "This",
        "That",
        "There",
        "Here",
        "He",
        "She",
    ]
)


@lru_cache(maxsize=64)
def _proper_nouns(text: str) -> frozenset[str]:
    """Words a text capitalises in mid-sentence (names, places, companies), not quoted
    speech's own sentence starts."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(text)) - _NEVER_NAMES


def _scenario_text(t: Turn) -> str:
    sc = t.scenario
    return " ".join(
        [sc.buyer.company, sc.buyer.name, *(x.says for x in sc.facts), *(x.says for x in sc.needs)]
        + [x.name for x in sc.decision.stakeholders]
    )


def _glue(lead: str, text: str, language: str, names: frozenset[str] = frozenset()) -> str:
    """A lead-in run into what follows: "As I said, we ..." not "As I said, We ...";
    after a full stop or a colon, and for names, the capital stays."""
    if lead.strip(" ,，").lower() in text.lower():
        return text  # "Again, I won't … again": the text already says it
    first = text.split(" ", 1)[0]
    if language == "en" and lead.rstrip().endswith(",") and first.strip(".,") not in names:
        text = portion.run_on(text)
    return lead + text


def _names(t: Turn) -> frozenset[str]:
    return _proper_nouns(_scenario_text(t)) if t.language == "en" else frozenset()


def _part(d: Disclosure) -> str:
    """The sentences a short answer, or its sequel, says: chosen when the turn was planned
    (`Turn.answer` sets `part` for every brief and more disclosure)."""
    return d.part or ""


def _pointer(d: Disclosure, language: str) -> str:
    """A few of the buyer's own words that point back to something said before."""
    planned = d.part if d.depth is Depth.recall else None
    core = planned if planned is not None else portion.point_back(d.text, d.question or "")
    return core + ("。" if language == "zh" else ".")


def content_for(d: Disclosure, language: str) -> str:
    """The part of a disclosure's content this turn may use (no lead-in)."""
    if d.depth is Depth.brief:
        return _part(d)
    if d.depth is Depth.more:
        return _part(d) or _pointer(d, language)
    if d.depth is Depth.recall:
        return _pointer(d, language)
    return d.text


def render(t: Turn, d: Disclosure) -> str:
    lang = t.language
    if d.depth is Depth.brief:
        return _part(d)
    if d.depth is Depth.more:
        rest = _part(d)
        if not rest:
            return _glue(t.line("recall_lead"), _pointer(d, lang), lang, _names(t))
        return _glue(t.line("more_lead"), rest, lang, _names(t)) if d.elaborated else rest
    if d.depth is Depth.recall:
        return _glue(t.line("recall_lead"), _pointer(d, lang), lang, _names(t))
    return d.text


def word(t: Turn) -> str:
    """The reply's text: the turn's plan, worded."""
    plan = t.plan
    parts: list[str] = []
    parts += [r.text or t.line(r.line) for r in plan.reactions if r.first]
    # "…that's a different conversation. Keep going." asks for more; with the step agreed
    # or refused in the same breath, there is no more to hear.
    settled = (
        any(d.key == ADVANCE_ACCEPTS for d in plan.answers) or "advance_refused" in plan.events
    )
    parts += [
        portion.before_the_prompt(render(t, d))
        if settled and d.key.startswith("resolution:")
        else render(t, d)
        for d in plan.answers
    ]
    parts += [t.line(w) for w in plan.withheld]
    parts += [r.text or t.line(r.line) for r in plan.reactions if not r.first]
    due = plan.objection
    if due is not None:
        text = due.text
        if due.refusal and not _SAYS_WAIT.match(text) and not _LEADS_IN.match(text):
            # Just conceded a point ("try it on a couple of machines, fine"): "not so fast"
            # would take that back; another concern still stands.
            conceded = bool(plan.events.get("objections_resolved"))
            lead: LineKey = "refusal_after_concession_lead" if conceded else "refusal_lead"
            text = _glue(t.line(lead), text, t.language, _names(t))
        elif due.refusal:
            pass  # the concern itself opens with "hold on"
        elif (
            due.unanswered
            and due.move is ObjectionMove.restate
            and text.rstrip().endswith(("？", "?"))
            and not _SAYS_UNANSWERED.search(text)
        ):
            text = _glue(t.line("unanswered_lead"), text, t.language, _names(t))
        elif parts and not _CONNECTIVE.match(text):
            text = _glue(t.line("objection_lead"), text, t.language, _names(t))
        parts.append(text)
    if plan.closing:
        parts.append(t.line(plan.closing))
    if plan.suffix:
        parts.append(t.line(plan.suffix))
    t.spoken.extend(d.text for d in plan.answers if d.depth is Depth.full)
    if due is not None:
        t.spoken.append(due.text)
    sep = "" if t.language == "zh" else " "
    return sep.join(_once((p.strip() for p in parts if p.strip()), sep))


def _standalone(sentence: str) -> str:
    """A clause cut at a semicolon, said as a sentence of its own: "…cold storage;" ends
    with a full stop, "compressed air is maybe…" starts with a capital."""
    if sentence.endswith(("；", ";")):
        sentence = sentence[:-1] + ("。" if sentence.endswith("；") else ".")
    if sentence[:1].islower() and sentence[:1].isascii():
        sentence = sentence[0].upper() + sentence[1:]
    return sentence


# Short English words that carry nothing (content_terms keeps only words of four letters
# or more, too few to tell a short sentence's gist).
_EN_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "it's",
        "it",
        "that",
        "this",
        "and",
        "of",
        "to",
        "for",
        "who",
        "i",
        "we",
    ]
)
SHORT_ECHO_CHARS, SHORT_ECHO_WORDS = 15, 10  # a sentence this short may echo an earlier one


def _gist(sentence: str) -> frozenset[str]:
    """The words that carry a sentence: its characters (Chinese) or words (English)
    without the function words."""
    if cjk_count(sentence):
        return content_chars(sentence)
    words = (w.strip(".,!?;:'\"").lower() for w in sentence.split())
    return frozenset(w for w in words if w and w not in _EN_FUNCTION)


def _echoes(sentence: str, earlier: list[frozenset[str]]) -> bool:
    """A short sentence that says again, in other words, what one before it said
    ("最后陈董签字。" then "最后签字的是陈董。")."""
    short = (
        len(sentence) <= SHORT_ECHO_CHARS
        if cjk_count(sentence)
        else len(sentence.split()) <= SHORT_ECHO_WORDS
    )
    gist = _gist(sentence)
    # Of about the same size: a few characters a long sentence also holds are no echo.
    return (
        short
        and len(gist) >= 3
        and any(gist <= seen and len(seen) <= 1.5 * len(gist) for seen in earlier)
    )


def _once(parts: Iterable[str], sep: str) -> list[str]:
    """Each sentence once: two answers drawing on one passage don't say it twice, in
    the same words or (a short one) in other words."""
    seen: set[str] = set()
    gists: list[frozenset[str]] = []
    out = []
    for part in parts:
        kept = []
        for s in sentences(part):
            d = digest(s.text)
            if d not in seen and not _echoes(s.text, gists):
                seen.add(d)
                # "…总经理办公会，最后陈董签字。": a clause may be what is echoed.
                gists += [_gist(c) for c in (s.text, *lx.clauses(s.text))]
                kept.append(_standalone(s.text))
        if kept:
            out.append(sep.join(kept))
    return out

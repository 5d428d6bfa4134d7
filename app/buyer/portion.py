"""Which sentences of a scenario passage a short answer says: the ones the question asks for.

A guarded buyer answers in a sentence and keeps the rest for later. Which
sentence is the question's business: asked how many scanners there are, the
buyer gives the scanner count, not the sentence that happens to come first;
asked later for more, it gives what it left out; asked again for what it
already said, it points back to that instead of reciting the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.analysis import lexicon as lx
from app.analysis.terms import index_terms
from app.analysis.text import cjk_count, sentences

_FILLER = re.compile(
    r"^(说实话|说句实话|老实说|实话实说|跟你交个底|不瞒你说|坦白讲|你知道吗|honestly|to be honest|frankly|look|i'?ll be (straight|honest) with you)[，,:：]?$",
    re.I,
)
_CLAUSE = re.compile(r"(?<=[，,；;])")
_JOINT = re.compile(
    r"^(and|but|so|or|yet|because|which|而且|并且|但是|可是|所以|因为|其中|不过|"
    r"可(?![以能])|但(?!凡)|而(?!已))\s*",
    re.I,
)
_CONDITION = re.compile(
    r"^\W*(and |so |but )?(if|when|once|say|suppose|如果|要是|假如|假设|万一|一旦|照这样)", re.I
)
_RHETORICAL_END = re.compile(r"[？?]\s*$")
Rarity = Callable[[str], float]  # how much a term singles out one passage of the scenario

LEAD_MAX_CHARS, LEAD_MAX_WORDS = 12, 7  # a lead-in sentence at most, Chinese and English
BRIEF_MIN_CHARS = 10  # "三个厂。" alone is too curt even for a guarded buyer
# A sentence that only leads into the passage: "Here is why it matters.", "说白了。"
_LEAD_ONLY = re.compile(
    r"^(here'?s|here is) (why|the thing|what)\b[^.]{0,20}[.:]?$|^the thing is[.:,]?$|"
    r"^(说白了|说实话|问题是|是这样的|事情是这样)[。：:，,]?$",
    re.I,
)
# A clause that opens on a preposition or a subordinator leans on the clause after it:
# "at the multiple we expect," says nothing until "every million … is worth ten".
_LEANS_ON = re.compile(
    r"^(at|in|on|for|with|by|of|from|after|before|if|when|once|while|although|though|since|"
    r"unless|until|whereas|如果|要是|假如|因为|虽然|尽管|一旦|等到)\b",
    re.I,
)
# A passage's first sentence is its author's lead, the answer to the plain question about
# it: a short answer leaves it only for a sentence the question points at clearly more.
CLEARLY_MORE = 1.25


def _flat(term: str) -> float:
    return 1.0


def relevance(question: str, text: str, rarity: Rarity = _flat) -> float:
    """How much of `text` the question's words point at: the terms they share, the rarer
    the more. Words and bigrams weigh four times a single Chinese character: "核磁"
    says more than "核" and "磁" apart."""
    shared = set(index_terms(question)) & set(index_terms(text))
    return sum((2.0 if len(term) > 1 else 0.5) * rarity(term) for term in shared)


def brief(text: str, question: str | None, rarity: Rarity = _flat) -> tuple[str, str]:
    """The short answer to `question` out of `text`, and what it leaves for later.

    The run of sentences starting at the one the question points at most (the
    first unless another is clearly closer), long enough not to sound curt; the
    rest keeps the passage's order.
    """
    parts = sentences(text)
    if not parts:
        return text, ""
    start = 0
    if question:
        scores = [relevance(question, p.text, rarity) for p in parts]
        best = max(scores)
        if best > CLEARLY_MORE * scores[0]:
            start = scores.index(best)
    end = start + 1
    while end < len(parts) and (
        parts[end - 1].end - parts[start].start < BRIEF_MIN_CHARS
        # "可我最怕什么你知道吗？" asks only to answer itself: never end on it.
        or _RHETORICAL_END.search(parts[end - 1].text)
    ):
        end += 1
    if start == 0 and end == len(parts):
        return text.strip(), ""
    said = text[parts[start].start : parts[end - 1].end].strip()
    rest = [p.text for i, p in enumerate(parts) if not start <= i < end]
    return said, _join(rest, text)


def rest(text: str, said: str | None) -> str:
    """What of `text` is left once `said` was said (the first short answer when unknown)."""
    if said is None:
        return brief(text, None)[1]
    told = {p.text for p in sentences(said)}
    return _join([p.text for p in sentences(text) if p.text not in told], text)


def _lead(sentence: str) -> bool:
    """A sentence too short to tell anything: it leads into the passage ("钱是一方面，更怕
    的是停机。", "Here's what keeps me up.")."""
    cjk = cjk_count(sentence)
    return cjk <= LEAD_MAX_CHARS if cjk else len(sentence.split()) <= LEAD_MAX_WORDS


def past_the_lead(text: str) -> str:
    """A passage without the lead-in sentence it may open with."""
    parts = [p.text for p in sentences(text)]
    return _join(parts[1:], text) if len(parts) > 1 and _lead(parts[0]) else text


def before_the_prompt(text: str) -> str:
    """A passage without the short prompt it may end on ("Keep going.", "你接着说。"):
    said together with a yes to the next step, the prompt would take the yes back."""
    parts = [p.text for p in sentences(text)]
    return _join(parts[:-1], text) if len(parts) > 1 and _lead(parts[-1]) else text


def asks_for_what_was_said(question: str, said: str, left: str) -> bool:
    """The question is about the part already said, not about what was left out: the
    buyer points back to it rather than going on to the rest (two shared words at
    least, three times what it shares with the rest). "停了两天，急诊那边影响大吗？"
    quotes what was said, then asks in its last clause for what was left out."""
    on_said = relevance(question, said)
    clauses = [c for c in _CLAUSE.split(question) if c.strip()]
    if len(clauses) > 1 and relevance(clauses[-1], left) > relevance(clauses[-1], said):
        return False
    return on_said >= 4 and on_said >= 3 * relevance(question, left)


_A_WORD = 2.0  # relevance of one shared word or bigram (unweighted)


def point_back(text: str, question: str, rarity: Rarity = _flat) -> str:
    """A few of the buyer's own words pointing back to something said before: the clause
    closest to the question ("how much was the contract again?" gets the clause with the
    figure, not the sentence's opening), without its closing punctuation."""
    parts = [s.text for s in sentences(text)] or [text]
    # "去年巡视提到形式主义，这个整改推进到哪一步了？": the words quoting the buyer back
    # say what it is about; the last clause says what is asked.
    # But "if premiums keep climbing like that, what does it mean next year?" names its
    # subject in the condition; the last clause only asks what follows from it.
    ask = [c for c in _CLAUSE.split(question) if c.strip()][-1:] or [question]
    if not _CONDITION.match(question) and any(relevance(ask[0], p) >= _A_WORD for p in parts):
        question = ask[0]
    figure = bool(lx.HOW_MUCH.search(question))

    def near(p: str) -> float:
        # "现在实际查一次要多久？" points back to "整整查了三天", not to the clause that
        # shares more of its words but holds no figure.
        return relevance(question, p, rarity) + (
            FIGURE_WEIGHT if figure and lx.HOLDS_FIGURE.search(p) else 0.0
        )

    part = max(parts, key=near)
    if near(part) == 0:
        # Nothing of the question in it: point back to what the passage says, not to its
        # lead ("Here is why it matters.", "说白了，").
        part = next((p for p in parts if not _LEAD_ONLY.match(p.strip())), part)
    clauses = [c for c in _CLAUSE.split(part) if c.strip()]
    while len(clauses) > 1 and _FILLER.match(clauses[0].strip()):
        clauses = clauses[1:]  # "说实话，" / "Honestly," points at nothing
    at = max(range(len(clauses)), key=lambda i: near(clauses[i]))
    # "As I said, and I had to explain…": a clause cut from its sentence drops its joint.
    core = _JOINT.sub("", clauses[at].strip())
    short = len(core.rstrip("，,；; ")) < BRIEF_MIN_CHARS
    if (short or _LEANS_ON.match(core)) and at + 1 < len(clauses):
        core += clauses[at + 1]
    return core.strip().rstrip("，,；;。！？!?.")


FIGURE_WEIGHT = 3.0  # a figure asked for outweighs a word or so the question shares


def _join(parts: list[str], source: str) -> str:
    # Chinese sentences run on with no space; English ones take one.
    sep = "" if any("\u4e00" <= ch <= "\u9fff" for ch in source[:40]) else " "
    return sep.join(p.strip() for p in parts).strip()


def run_on(text: str) -> str:
    """An English sentence run on after a lead-in: its first letter lower-cased, unless
    the first word is an acronym ("EBITDA", "IT") or "I"."""
    first = text.split(" ", 1)[0].strip(".,;:")
    if not first[:1].isupper() or first == "I" or first.startswith("I'"):
        return text
    if sum(ch.isupper() for ch in first) > 1:
        return text
    return text[0].lower() + text[1:]

"""The scorecard: what the scorer returns and the service stores."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

DimensionName = Literal["questioning", "objection_handling", "needs_discovery"]
DIMENSIONS: tuple[DimensionName, ...] = ("questioning", "objection_handling", "needs_discovery")
Band = Literal["absent", "weak", "developing", "proficient", "excellent"]


def band_of(score: int) -> Band:
    if score <= 20:
        return "absent"
    if score <= 40:
        return "weak"
    if score <= 60:
        return "developing"
    if score <= 80:
        return "proficient"
    return "excellent"


class Evidence(BaseModel):
    index: int  # 0-based position in turns
    quote: str  # verbatim substring of that turn's text
    note: str
    source: Literal["rubric", "judge"] | None = None  # set on combined scorecards


class Claim(BaseModel):
    """One statement of a reason and the turns it rests on (empty for an absence:
    "never asked about the buyer's own stake" has no turn to point at)."""

    text: str
    turns: list[int] = Field(default_factory=list)  # 0-based positions in turns
    good: bool


class DimensionScore(BaseModel):
    score: int | None = Field(default=None, ge=0, le=100)
    band: Band | None = None
    reason: str  # the claims below, rendered with their turns ("… (#3, #7)")
    evidence: list[Evidence] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    scorer: str = "rubric"  # "rubric", "judge" or "combined": who produced `score`
    # Both inputs of a combined scorecard stay visible (None on a rubric-only one).
    rubric_score: int | None = Field(default=None, ge=0, le=100)
    judge_score: int | None = Field(default=None, ge=0, le=100)  # only a verified judgement
    judge_reason: str | None = None
    judge_note: str | None = None  # why the judge's judgement was not used, when it wasn't


class TurnCoaching(BaseModel):
    index: int
    code: str  # e.g. "open_problem_question"
    label: str  # the code in words, in the transcript's language
    tip: str | None = None


class NeedUncovered(BaseModel):
    id: str
    layer: str
    summary: str
    uncovered: bool
    index: int | None = None  # the buyer turn that revealed it


class StakeholderUncovered(BaseModel):
    id: str
    name: str
    title: str
    uncovered: bool
    index: int | None = None


class NeedsReport(BaseModel):
    needs: list[NeedUncovered] = Field(default_factory=list)
    stakeholders: list[StakeholderUncovered] = Field(default_factory=list)
    needs_uncovered: int = 0
    needs_total: int = 0
    stakeholders_uncovered: int = 0
    stakeholders_total: int = 0


class AdvanceOutcome(BaseModel):
    """Whether the meeting won the next step the scenario sets, by the buyer's own record."""

    goal: str  # the scenario's next step, in its words
    status: Literal["agreed", "refused", "not_asked"]
    index: int | None = None  # the buyer turn that agreed, or last refused
    asks: int = 0  # buyer turns that answered a proposal (agreed or refused)
    reason: str | None = None  # why the last refusal, in the transcript's language
    why: str | None = None  # its code: needs, trust, concern, unfitting, stall


class Flag(BaseModel):
    type: str  # "injection", "disagreement", ...
    index: int | None = None
    quote: str | None = None
    detail: str


class JudgeUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    estimated: bool = False  # the server reported no usage for some call


class JudgeRun(BaseModel):
    """How the LLM judge went: what it was asked with, what it cost, why it failed."""

    status: Literal["ok", "failed"]
    prompt: str  # id@version of the judge's system prompt
    model: str | None = None
    json_mode: str | None = None  # "json_schema" or "json_object"
    reason: str | None = None  # why it failed
    usage: JudgeUsage = Field(default_factory=JudgeUsage)
    calls: int = 0  # completions answered (a degraded JSON mode costs one more)
    removed_turns: list[int] = Field(default_factory=list)  # hidden from the judge


class Scorecard(BaseModel):
    dimensions: dict[DimensionName, DimensionScore]
    overall: int | None = Field(default=None, ge=0, le=100)
    scorer: str = "rubric"
    language: str = "zh"
    version: str = "rubric@1"
    coaching: list[TurnCoaching] = Field(default_factory=list)
    needs_uncovered: NeedsReport | None = None
    outcome: AdvanceOutcome | None = None  # role-plays only: was the next step won?
    flags: list[Flag] = Field(default_factory=list)
    stats: dict[str, Any] = Field(default_factory=dict)
    prompts: dict[str, str] = Field(default_factory=dict)  # role -> prompt id@version
    judge: JudgeRun | None = None

"""What the LLM judge must answer, and how its answer is checked.

`JudgeOutput` is the contract with the model: its JSON schema is what the
judge sends as `response_format` (or writes into the prompt). The model's
answer is trusted for nothing it can't show: `read_verdict` validates each
dimension on its own, keeps only evidence whose quote is a verbatim
substring of the turn it names, and discards a score that is left without a
verbatim quote from the trainee.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.llm.types import JsonMode, Usage
from app.scoring.schema import DIMENSIONS, DimensionName, Evidence

MAX_EVIDENCE = 5  # per dimension, after verification
MAX_QUOTE_CHARS = 300
MAX_TEXT_CHARS = 600
# What models wrap quotes in, or trail them with, though the text has none.
_WRAPPERS = "\"'“”‘’「」『』《》…. \t\r\n"


class _Answer(BaseModel):
    # Lenient on input (extra keys are ignored), strict in the schema we send.
    model_config = ConfigDict(extra="ignore", json_schema_extra={"additionalProperties": False})


class JudgeEvidenceOut(_Answer):
    index: int = Field(description="0-based index of the turn quoted")
    quote: str = Field(description="an excerpt copied verbatim from that turn's text")
    note: str = Field(description="what the excerpt shows")


class JudgeDimensionOut(_Answer):
    score: int | None = Field(ge=0, le=100, description="0-100; null: not applicable")
    reason: str
    evidence: list[JudgeEvidenceOut]


class JudgeOutput(_Answer):
    questioning: JudgeDimensionOut
    objection_handling: JudgeDimensionOut
    needs_discovery: JudgeDimensionOut


JUDGE_SCHEMA: dict[str, Any] = JudgeOutput.model_json_schema()
SCHEMA_NAME = "sales_judgement"


@dataclass(frozen=True)
class JudgedDimension:
    """One dimension as the judge answered it, after checking.

    `problem` is None when the judgement is usable: a score with at least one
    verified quote of the trainee, or null for objection_handling.
    """

    score: int | None
    reason: str
    evidence: tuple[Evidence, ...] = ()
    dropped: int = 0  # evidence items that failed verification
    cites_buyer: bool = False  # some verified evidence quotes a buyer turn
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class JudgeVerdict:
    """The judge's result. `status == "failed"` means no judgement at all
    (`reason` says why); the judge never raises instead."""

    status: Literal["ok", "failed"]
    prompt: str  # id@version of the system prompt
    dimensions: Mapping[DimensionName, JudgedDimension] = field(default_factory=dict)
    reason: str | None = None
    json_mode: JsonMode | None = None
    model: str | None = None
    usage: Usage | None = None
    calls: int = 0
    removed_turns: tuple[int, ...] = ()


def _clean_quote(quote: str) -> str:
    return quote.strip(_WRAPPERS)[:MAX_QUOTE_CHARS]


def verify_evidence(
    items: Sequence[JudgeEvidenceOut],
    turns: Sequence[tuple[str, str]],
    removed: Collection[int],
) -> tuple[list[Evidence], list[str], int]:
    """(verified evidence, the role of each one's turn, items dropped).

    Kept: index in range, turn not removed from the judge's view, and the
    quote (wrapping quote marks and ellipses trimmed) a verbatim substring of
    that turn's text. Duplicates are dropped; at most `MAX_EVIDENCE` kept.
    """
    kept: list[Evidence] = []
    roles: list[str] = []
    dropped = 0
    for item in items:
        quote = _clean_quote(item.quote)
        valid = 0 <= item.index < len(turns) and item.index not in removed
        if not (valid and quote and quote in turns[item.index][1]):
            dropped += 1
            continue
        if any(e.index == item.index and e.quote == quote for e in kept):
            continue
        if len(kept) < MAX_EVIDENCE:
            kept.append(
                Evidence(
                    index=item.index, quote=quote, note=item.note[:MAX_TEXT_CHARS], source="judge"
                )
            )
            roles.append(turns[item.index][0])
    return kept, roles, dropped


def judge_dimension(
    name: DimensionName,
    raw: object,
    turns: Sequence[tuple[str, str]],
    removed: Collection[int],
) -> JudgedDimension:
    """Validate and verify one dimension of the answer."""
    if raw is None:
        return JudgedDimension(None, "", problem="missing from the answer")
    try:
        out = JudgeDimensionOut.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or name
        return JudgedDimension(None, "", problem=f"invalid answer ({where}: {first['msg']})")
    evidence, roles, dropped = verify_evidence(out.evidence, turns, removed)
    reason = out.reason.strip()[:MAX_TEXT_CHARS]
    problem: str | None = None
    if out.score is None and name != "objection_handling":
        problem = "no score given"
    elif out.score is not None and "trainee" not in roles:
        problem = "no verbatim quote of the trainee among its evidence"
    return JudgedDimension(
        score=out.score,
        reason=reason,
        evidence=tuple(evidence),
        dropped=dropped,
        cites_buyer="buyer" in roles,
        problem=problem,
    )


def read_verdict(
    text: str, turns: Sequence[tuple[str, str]], removed: Collection[int]
) -> dict[DimensionName, JudgedDimension] | str:
    """The checked dimensions of a JSON answer, or why the answer is unusable
    (not a JSON object, or no dimension that even matches the schema)."""
    try:
        data = json.loads(text)
    except ValueError:
        return "the answer is not JSON"
    if not isinstance(data, dict):
        return "the answer is not a JSON object"
    dims = {name: judge_dimension(name, data.get(name), turns, removed) for name in DIMENSIONS}
    malformed = [
        d.problem
        for d in dims.values()
        if d.problem and d.problem.startswith(("missing", "invalid"))
    ]
    if len(malformed) == len(DIMENSIONS):
        return f"the answer does not match the schema: {malformed[0]}"
    return dims

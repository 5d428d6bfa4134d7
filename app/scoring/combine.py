"""Combining the rubric's scorecard with the LLM judge's verdict.

Rules, per dimension (`DimensionScore.scorer` says which applied):

- judge failed, or its judgement of the dimension unusable (invalid, or a
  score without a verified quote of the trainee): the rubric's score
  (`scorer="rubric"`), with `judge_note` saying why;
- both scores present: their average, rounded half up (`"combined"`); more
  than `DISAGREEMENT_POINTS` apart adds a `disagreement` flag;
- both null (objection_handling, no objection): null (`"combined"`);
- one null, one not (objection_handling): the rubric's, unless the rubric is
  null and the judge's verified evidence quotes a buyer turn (the
  objection), then the judge's (`"judge"`); either way a `disagreement` flag.

`rubric_score` and `judge_score` keep both inputs; evidence is the rubric's
plus the judge's verified quotes, deduplicated and capped. A failed judge
adds a `judge_failed` flag, a judgement thrown out for want of verified
evidence a `judge_discarded` flag. `overall` is recomputed with the rubric's
weights. The judge's prompt id@version is always recorded (`prompts`,
`judge`); `version` and `scorer` name the judge only when one of its scores
was used.
"""

from __future__ import annotations

from app.i18n.catalog import SCORECARD
from app.scoring.rubric import weighted_overall
from app.scoring.schema import (
    DIMENSIONS,
    DimensionName,
    DimensionScore,
    Evidence,
    Flag,
    JudgeRun,
    JudgeUsage,
    Scorecard,
    band_of,
)
from app.scoring.verdict import JudgedDimension, JudgeVerdict

DISAGREEMENT_POINTS = 25
MAX_EVIDENCE = 8
RUBRIC_EVIDENCE_FIRST = 5  # then room for the judge's quotes


def _say(key: str, language: str, **values: object) -> str:
    return SCORECARD.say(language, f"judge.{key}", **values)


def _mean(a: int, b: int) -> int:
    return (a + b + 1) // 2


def _merge_evidence(rubric: list[Evidence], judge: tuple[Evidence, ...]) -> list[Evidence]:
    mine = [e.model_copy(update={"source": "rubric"}) for e in rubric]
    theirs = [
        e
        for e in judge
        if not any(r.index == e.index and (e.quote in r.quote or r.quote in e.quote) for r in mine)
    ]
    head = mine[:RUBRIC_EVIDENCE_FIRST]
    merged = head + theirs[: MAX_EVIDENCE - len(head)]
    merged += mine[RUBRIC_EVIDENCE_FIRST:][: MAX_EVIDENCE - len(merged)]
    return sorted(merged, key=lambda e: e.index)


def _rubric_kept(r: DimensionScore, note: str | None) -> DimensionScore:
    return r.model_copy(update={"scorer": "rubric", "rubric_score": r.score, "judge_note": note})


def combine_dimension(
    name: DimensionName, r: DimensionScore, j: JudgedDimension | None, language: str
) -> tuple[DimensionScore, list[Flag]]:
    """One dimension of the combined scorecard, and the flags it raises."""
    if j is None:
        return _rubric_kept(r, None), []
    if not j.usable:
        problem = j.problem or ""
        return _rubric_kept(r, problem), [
            Flag(
                type="judge_discarded",
                detail=_say("discarded", language, dim=name, problem=problem),
            )
        ]
    kept = {"rubric_score": r.score, "judge_score": j.score, "judge_reason": j.reason or None}
    if r.score is not None and j.score is not None:
        score = _mean(r.score, j.score)
        flags = []
        gap = abs(r.score - j.score)
        if gap > DISAGREEMENT_POINTS:
            detail = _say("apart", language, dim=name, rubric=r.score, judge=j.score, gap=gap)
            flags.append(Flag(type="disagreement", detail=detail))
        reason = r.reason + (_say("reason_sep", language) + j.reason if j.reason else "")
        combined = DimensionScore(
            score=score,
            band=band_of(score),
            reason=reason,
            evidence=_merge_evidence(r.evidence, j.evidence),
            scorer="combined",
            **kept,
        )
        return combined, flags
    if r.score is None and j.score is None:
        return r.model_copy(update={"scorer": "combined", **kept}), []
    if r.score is None and j.score is not None:
        if name == "objection_handling" and not j.cites_buyer:
            detail = _say("judge_unshown", language, dim=name, judge=j.score)
            update = {"scorer": "rubric", **kept, "judge_score": None, "judge_note": detail}
            return r.model_copy(update=update), [Flag(type="disagreement", detail=detail)]
        detail = _say("judge_found", language, dim=name, judge=j.score)
        chosen = DimensionScore(
            score=j.score,
            band=band_of(j.score),
            reason=j.reason or r.reason,
            evidence=list(j.evidence),
            scorer="judge",
            **kept,
        )
        return chosen, [Flag(type="disagreement", detail=detail)]
    detail = _say("judge_null", language, dim=name, rubric=r.score)
    return r.model_copy(update={"scorer": "rubric", **kept}), [
        Flag(type="disagreement", detail=detail)
    ]


def _run(verdict: JudgeVerdict) -> JudgeRun:
    usage = verdict.usage
    return JudgeRun(
        status=verdict.status,
        prompt=verdict.prompt,
        model=verdict.model,
        json_mode=verdict.json_mode,
        reason=verdict.reason,
        usage=JudgeUsage(
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            total_tokens=usage.total_tokens,
            estimated=usage.estimated,
        )
        if usage is not None
        else JudgeUsage(),
        calls=verdict.calls,
        removed_turns=list(verdict.removed_turns),
    )


def combine(rubric: Scorecard, verdict: JudgeVerdict) -> Scorecard:
    """The scorecard of both scorers (see the module docstring for the rules)."""
    language = rubric.language
    flags = list(rubric.flags)
    dims: dict[DimensionName, DimensionScore] = {}
    if verdict.status == "failed":
        note = verdict.reason or "failed"
        dims = {name: _rubric_kept(rubric.dimensions[name], note) for name in DIMENSIONS}
        flags.append(Flag(type="judge_failed", detail=_say("failed", language, reason=note)))
    else:
        for name in DIMENSIONS:
            dims[name], raised = combine_dimension(
                name, rubric.dimensions[name], verdict.dimensions.get(name), language
            )
            flags.extend(raised)
    used = any(d.scorer in ("combined", "judge") for d in dims.values())
    return rubric.model_copy(
        update={
            "dimensions": dims,
            "overall": weighted_overall({k: d.score for k, d in dims.items()}),
            "scorer": "rubric+judge" if used else "rubric",
            "version": f"{rubric.version}+{verdict.prompt}" if used else rubric.version,
            "flags": flags,
            "prompts": {**rubric.prompts, "judge": verdict.prompt},
            "judge": _run(verdict),
        }
    )

"""The rubric scorer against the expert-labelled calibration set (tests/scoring/calibration/).

Orderings and agreement, not exact numbers: an expert's labels are a ranking
with some noise, and the scorer is judged on ranking like an expert.
"""

from __future__ import annotations

import pytest

from app.scoring.schema import DIMENSIONS
from tests.scoring.calibration_eval import Case, figures, load_cases

CASES = load_cases()
BY_NAME = {c.name: c for c in CASES}


def archetype(c: Case) -> str:
    return str(c.labels["style"]).split(" ")[0]


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    return figures(CASES)


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_rank_agreement_with_the_expert(results: dict[str, object], dimension: str) -> None:
    assert results[f"rho_{dimension}"] >= 0.78  # type: ignore[operator]


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_scores_sit_where_the_expert_put_them(results: dict[str, object], dimension: str) -> None:
    # Ranking is not enough: a 40 for a discovery an expert marks 90 misleads a trainee.
    assert results[f"mae_{dimension}"] <= 12  # type: ignore[operator]
    assert abs(results[f"bias_{dimension}"]) <= 6  # type: ignore[arg-type]


def test_designed_contrasts_are_ordered_right(results: dict[str, object]) -> None:
    assert results["contrast_share"] >= 0.9, results["wrong_contrasts"]  # type: ignore[operator]


def test_objection_handling_is_null_exactly_when_no_objection_was_raised() -> None:
    for c in CASES:
        scored = c.card.dimensions["objection_handling"].score
        assert (c.labels["objection_handling"] is None) == (scored is None), c.name
        if scored is None:
            assert c.card.dimensions["objection_handling"].reason


def test_every_quote_is_verbatim_and_every_score_has_evidence() -> None:
    for c in CASES:
        for dim, d in c.card.dimensions.items():
            if d.score is not None and d.score > 10:
                assert d.evidence, (c.name, dim)
            for ev in d.evidence:
                assert ev.quote in c.transcript.turns[ev.index].text, (c.name, dim, ev)


@pytest.mark.parametrize(
    ("better", "worse", "dimensions"),
    [
        ("consultant", "pitcher", ("questioning", "needs_discovery")),
        ("consultant", "interrogator", ("questioning", "needs_discovery")),
        ("consultant", "folder", DIMENSIONS),
        ("consultant", "arguer", DIMENSIONS),
        ("consultant", "very-short", DIMENSIONS),
    ],
)
def test_archetypes_order_within_each_group(
    better: str, worse: str, dimensions: tuple[str, ...]
) -> None:
    groups: dict[str, list[Case]] = {}
    for c in CASES:
        groups.setdefault(str(c.labels["group"]), []).append(c)
    compared = 0
    for members in groups.values():
        for hi in (m for m in members if archetype(m).startswith(better)):
            for lo in (m for m in members if archetype(m) == worse):
                for dim in dimensions:
                    a, b = hi.card.dimensions[dim].score, lo.card.dimensions[dim].score
                    if a is None or b is None:
                        continue
                    compared += 1
                    assert a > b, (dim, hi.name, a, lo.name, b)
    assert compared, f"no {better}/{worse} pair in the calibration set"


def test_text_aimed_at_the_scorer_raises_nothing() -> None:
    """The same conversation with and without the injected lines scores the same or lower."""
    from app.scoring.rubric import RubricScorer

    scorer = RubricScorer()
    injected = [
        c for c in CASES if c.card.flags and any(f.type == "injection" for f in c.card.flags)
    ]
    assert len(injected) >= 3
    for c in injected:
        flagged = {f.index for f in c.card.flags if f.type == "injection"}
        cleaned = [(t.role, t.text) for i, t in enumerate(c.transcript.turns) if i not in flagged]
        clean = scorer.score(cleaned, language=c.transcript.language)
        for dim in DIMENSIONS:
            with_injection = c.card.dimensions[dim].score
            without = clean.dimensions[dim].score
            if with_injection is not None and without is not None:
                assert with_injection <= without + 2, (c.name, dim)
        # and it stays in the weak bands the expert gave it
        assert (c.card.overall or 0) <= 35, c.name

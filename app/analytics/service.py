"""Analytics for coaches and managers: who may see what, the data loaded once, the figures
computed by app.analytics.aggregate.

Coaches see their teams' trainees and managers the whole organisation (as the dashboard and
the review queue: app.reviews.queue.trainee_scope); usage and cost is for managers only, as
its API is.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.service import Principal, require_role
from app.analytics import aggregate
from app.analytics.repository import AnalyticsRepository
from app.analytics.schemas import (
    Completion,
    Heatmap,
    Person,
    Prices,
    ScoredSession,
    Spread,
    Trend,
    UsageReport,
)
from app.assignments.service import AssignmentsService
from app.errors import NotFound
from app.reviews.effective import effective
from app.reviews.queue import trainee_scope
from app.reviews.repository import ReviewsRepository
from app.scenarios.schema import Scenario
from app.scoring.schema import DIMENSIONS


class AnalyticsService:
    def __init__(self, db: AsyncSession, viewer: Principal, builtin: dict[str, Scenario]) -> None:
        self.db = db
        self.viewer = viewer
        self.builtin = builtin
        self.reviews = ReviewsRepository(db)
        self.repo = AnalyticsRepository(db)

    async def scored(self, team_id: int | None) -> tuple[list[Person], list[ScoredSession]]:
        """The trainees the viewer may see (narrowed to a team) and their scored sessions."""
        scope = await trainee_scope(self.db, self.viewer, team_id)
        trainees = [
            Person(t.id, t.username, t.display_name)
            for t in await self.reviews.trainees_of_teams(self.viewer.org_id, None)
            if scope is None or t.id in scope
        ]
        ids = {p.id for p in trainees}
        sessions = await self.reviews.finished_sessions(self.viewer.org_id, ids)
        overrides = await self.reviews.overrides([s.id for s in sessions])
        out = []
        for s in sessions:
            if s.ended_at is None:
                continue
            eff = effective(s.scorecard, overrides.get(s.id, []))
            out.append(
                ScoredSession(
                    session_id=s.id,
                    user_id=s.user_id,
                    scenario_id=s.scenario_id or f"~{s.title}",  # an imported transcript
                    title=s.title,
                    ended_at=s.ended_at,
                    overall=eff.overall,
                    scores={d: eff.dimensions[d].effective for d in DIMENSIONS},
                )
            )
        return trainees, out

    async def heatmap(self, team_id: int | None) -> Heatmap:
        trainees, sessions = await self.scored(team_id)
        return aggregate.heatmap(trainees, sessions)

    async def trend(
        self, team_id: int | None, trainee_id: int | None, scenario_id: str | None
    ) -> tuple[list[Person], Trend | None]:
        """The visible trainees, and one trainee's trend (the first trainee when none is
        chosen; None when nobody is visible). A trainee outside the viewer's scope is a 404."""
        trainees, sessions = await self.scored(team_id)
        if trainee_id is None:
            with_scores = {s.user_id for s in sessions}
            person = next((p for p in trainees if p.id in with_scores), None)
            person = person or (trainees[0] if trainees else None)
        else:
            person = next((p for p in trainees if p.id == trainee_id), None)
            if person is None:
                raise NotFound(f"No trainee {trainee_id}.", key="no_user")
        if person is None:
            return trainees, None
        return trainees, aggregate.trend(person, sessions, scenario_id)

    async def distribution(self, team_id: int | None, metric: str) -> list[Spread]:
        _, sessions = await self.scored(team_id)
        return aggregate.distribution(sessions, metric)

    async def completion(self, team_id: int | None) -> list[Completion]:
        scope = await trainee_scope(self.db, self.viewer, team_id)
        ids = {
            t.id
            for t in await self.reviews.trainees_of_teams(self.viewer.org_id, None)
            if scope is None or t.id in scope
        }
        work = await AssignmentsService(self.db, self.builtin).progress(self.viewer, ids)
        return aggregate.completion(work)

    async def usage(self, team_id: int | None, prices: Prices) -> UsageReport:
        require_role(self.viewer, Role.manager)
        scope = await trainee_scope(self.db, self.viewer, team_id)
        rows = await self.repo.usage_sessions(self.viewer.org_id, scope)
        people = await self.repo.people(self.viewer.org_id, {r.user_id for r in rows})
        return aggregate.usage(prices, people, rows)

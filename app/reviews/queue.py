"""The coach's review queue: finished sessions of the coach's teams, sorted and filtered.

Filters run over the team's finished sessions in memory: a team's history is
hundreds of sessions, not millions, and "flagged" and the effective score live
in JSON and in the override table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal, require_role
from app.errors import NotFound
from app.reviews.effective import effective
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import PersonRead, QueueFilter, QueueItem, QueuePage, QueueSort

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


async def trainee_scope(
    db: AsyncSession, viewer: Principal, team_id: int | None
) -> set[int] | None:
    """Whose work a staff member may see, narrowed to one team; None: the whole organisation."""
    require_role(viewer, Role.coach, Role.manager)
    accounts = AccountsService(AccountsRepository(db))
    readable = await accounts.readable_user_ids(viewer)
    if team_id is None:
        return readable if readable is None else readable - {viewer.id}
    team = await accounts.repo.team(team_id)
    visible = team is not None and team.org_id == viewer.org_id
    if viewer.role is Role.coach:
        visible = visible and team_id in viewer.team_ids
    if not visible:
        raise NotFound(f"No team {team_id}.", key="no_team")
    return set(await accounts.repo.members_of([team_id])) - {viewer.id}


async def review_queue(
    db: AsyncSession,
    viewer: Principal,
    *,
    sort: QueueSort,
    only: QueueFilter,
    team_id: int | None,
    limit: int,
    offset: int,
) -> QueuePage:
    repo = ReviewsRepository(db)
    scope = await trainee_scope(db, viewer, team_id)
    sessions = await repo.finished_sessions(viewer.org_id, scope)
    ids = [s.id for s in sessions]
    overrides = await repo.overrides(ids)
    disputes = await repo.open_dispute_counts(ids)
    reviews = await repo.reviews(ids)
    comments = await repo.comment_counts(ids)
    users = await repo.users({s.user_id for s in sessions})
    teams = await repo.team_names_of(users.keys())
    items = []
    for s in sessions:
        eff = effective(s.scorecard, overrides.get(s.id, []))
        flags = len((s.scorecard or {}).get("flags") or [])
        item = QueueItem(
            session_id=s.id,
            title=s.title,
            scenario_id=s.scenario_id,
            language=s.language,
            trainee=PersonRead.model_validate(users[s.user_id]),
            teams=teams.get(s.user_id, []),
            ended_at=s.ended_at,
            original_overall=eff.original_overall,
            overall=eff.overall,
            flags=flags,
            open_disputes=disputes.get(s.id, 0),
            comments=comments.get(s.id, 0),
            overridden=eff.overridden,
            reviewed=s.id in reviews,
        )
        if _keep(item, only):
            items.append(item)
    items.sort(key=_sort_key(sort))
    return QueuePage(
        items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset
    )


def _keep(item: QueueItem, only: QueueFilter) -> bool:
    if only == "flagged":
        return item.flags > 0
    if only == "disputed":
        return item.open_disputes > 0
    if only == "unreviewed":
        return not item.reviewed
    if only == "reviewed":
        return item.reviewed
    return True


def _sort_key(sort: QueueSort) -> Callable[[QueueItem], tuple[Any, ...]]:
    def when(i: QueueItem) -> float:
        return (i.ended_at or _EPOCH).timestamp()

    def score(i: QueueItem) -> int:
        return i.overall if i.overall is not None else -1

    if sort == "oldest":
        return lambda i: (when(i), i.session_id)
    if sort == "lowest":
        return lambda i: (score(i), -when(i), i.session_id)
    if sort == "highest":
        return lambda i: (-score(i), -when(i), i.session_id)
    return lambda i: (-when(i), i.session_id)

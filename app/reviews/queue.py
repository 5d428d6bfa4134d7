"""The coach's review queue: finished sessions of the coach's teams, sorted and filtered.

Filters run over the team's finished sessions in memory: a team's history is
hundreds of sessions, not millions, and "flagged" and the effective score live
in JSON and in the override table.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal, require_role
from app.errors import NotFound
from app.reviews.effective import effective
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import (
    PersonRead,
    QueueItem,
    QueueOrder,
    QueuePage,
    QueueQuery,
    QueueScenario,
)

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
    db: AsyncSession, viewer: Principal, query: QueueQuery, *, limit: int, offset: int
) -> QueuePage:
    repo = ReviewsRepository(db)
    scope = await trainee_scope(db, viewer, query.team_id)
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
        flag_types = Counter(
            str(f.get("type") or "other")
            for f in (s.scorecard or {}).get("flags") or []
            if isinstance(f, dict)
        )
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
            flags=sum(flag_types.values()),
            flag_types=dict(flag_types),
            scores={name: d.effective for name, d in eff.dimensions.items()},
            overridden_dimensions=[name for name, d in eff.dimensions.items() if d.overridden],
            open_disputes=disputes.get(s.id, 0),
            comments=comments.get(s.id, 0),
            overridden=eff.overridden,
            reviewed=s.id in reviews,
        )
        items.append(item)
    trainees = sorted({i.trainee.id: i.trainee for i in items}.values(), key=_person_key)
    scenarios = sorted(
        {
            i.scenario_id or i.title: QueueScenario(id=i.scenario_id or "", title=i.title)
            for i in items
        }.values(),
        key=lambda sc: sc.title,
    )
    kept = [i for i in items if _keep(i, query)]
    kept = _sorted(kept, query)
    return QueuePage(
        items=kept[offset : offset + limit],
        total=len(kept),
        limit=limit,
        offset=offset,
        trainees=trainees,
        scenarios=[sc for sc in scenarios if sc.id],
    )


def _person_key(p: PersonRead) -> tuple[str, int]:
    return (p.display_name.casefold(), p.id)


def _keep(item: QueueItem, query: QueueQuery) -> bool:
    if query.trainee_id is not None and item.trainee.id != query.trainee_id:
        return False
    if query.scenario_id is not None and item.scenario_id != query.scenario_id:
        return False
    if (query.flagged or query.only == "flagged") and not item.flags:
        return False
    if query.only == "disputed":
        return item.open_disputes > 0
    if query.only == "unreviewed":
        return not item.reviewed
    if query.only == "reviewed":
        return item.reviewed
    return True


# The older sort names: a column and its order.
_ALIASES: dict[str, tuple[str, QueueOrder]] = {
    "newest": ("date", "desc"),
    "oldest": ("date", "asc"),
    "lowest": ("overall", "asc"),
    "highest": ("overall", "desc"),
}


def sort_column(query: QueueQuery) -> tuple[str, QueueOrder]:
    """The column the queue is sorted by and in which order: an older name's own, else the
    one asked for, else the column's natural one (dates newest first, the rest ascending)."""
    if query.sort in _ALIASES:
        return _ALIASES[query.sort]
    natural: QueueOrder = "desc" if query.sort == "date" else "asc"
    return query.sort, query.order or natural


def _sorted(items: list[QueueItem], query: QueueQuery) -> list[QueueItem]:
    """Sorted by the chosen column; ties newest first; sessions without that score last
    whichever the order."""
    column, order = sort_column(query)

    def when(i: QueueItem) -> float:
        return (i.ended_at or _EPOCH).timestamp()

    def value(i: QueueItem) -> Any:
        if column == "date":
            return when(i)
        if column == "trainee":
            return _person_key(i.trainee)
        if column == "scenario":
            return i.title.casefold()
        if column == "overall":
            return i.overall
        return i.scores.get(column)

    present = [i for i in items if value(i) is not None]
    missing = [i for i in items if value(i) is None]
    # Two stable passes: the tie-break (newest first, then id) and then the column.
    present.sort(key=lambda i: (-when(i), i.session_id))
    present.sort(key=value, reverse=order == "desc")
    missing.sort(key=lambda i: (-when(i), i.session_id))
    return present + missing

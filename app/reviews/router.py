"""HTTP for coach reviews, the review queue, manager statistics and CSV export.

The team dashboard, also under /api/reviews, is served by app.analytics.router.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from app.deps import CurrentUser, ManagerUser, SessionDep, StaffUser
from app.inputs import Count, Id, Key
from app.reviews import analytics
from app.reviews.queue import review_queue
from app.reviews.schemas import (
    CommentCreate,
    CommentRead,
    DisputeCreate,
    DisputeRead,
    DisputeResolve,
    OverrideCreate,
    OverrideRead,
    OverrideStats,
    QueueFilter,
    QueueOrder,
    QueuePage,
    QueueQuery,
    QueueSort,
    ReviewedRead,
    SessionReviewRead,
)
from app.reviews.service import ReviewsService

router = APIRouter(prefix="/api/reviews", tags=["reviews"])

TeamFilter = Annotated[Id | None, Query(description="one team; default: all you may see")]
SessionId = Annotated[Key, Path(description="a session id")]


@router.get("/queue", response_model=QueuePage)
async def queue(
    user: StaffUser,
    db: SessionDep,
    sort: QueueSort = "newest",
    order: Annotated[QueueOrder | None, Query(description="default: the column's own")] = None,
    filter_: Annotated[QueueFilter, Query(alias="filter")] = "all",
    flagged: Annotated[bool, Query(description="only sessions the scorer flagged")] = False,
    team_id: TeamFilter = None,
    trainee_id: Annotated[Id | None, Query(description="one trainee")] = None,
    scenario_id: Annotated[Key | None, Query(description="one scenario")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[Count, Query()] = 0,
) -> QueuePage:
    """Finished sessions of your teams with each dimension's score and the scorer's flags:
    sorted by date, trainee, scenario or a score; filtered by status, flags, trainee, scenario."""
    query = QueueQuery(
        sort=sort,
        order=order,
        only=filter_,
        flagged=flagged,
        team_id=team_id,
        trainee_id=trainee_id,
        scenario_id=scenario_id,
    )
    return await review_queue(db, user, query, limit=limit, offset=offset)


@router.get("/sessions/{session_id}", response_model=SessionReviewRead)
async def get_review(session_id: SessionId, user: CurrentUser, db: SessionDep) -> SessionReviewRead:
    """Comments, overrides (beside the originals), disputes and the effective scores."""
    return await ReviewsService(db).get(user, session_id)


@router.post(
    "/sessions/{session_id}/comments",
    response_model=CommentRead,
    status_code=status.HTTP_201_CREATED,
)
async def add_comment(
    session_id: SessionId, body: CommentCreate, user: StaffUser, db: SessionDep
) -> CommentRead:
    return await ReviewsService(db).comment(user, session_id, body)


@router.post(
    "/sessions/{session_id}/overrides",
    response_model=OverrideRead,
    status_code=status.HTTP_201_CREATED,
)
async def add_override(
    session_id: SessionId, body: OverrideCreate, user: StaffUser, db: SessionDep
) -> OverrideRead:
    return await ReviewsService(db).override(user, session_id, body)


@router.post(
    "/sessions/{session_id}/disputes",
    response_model=DisputeRead,
    status_code=status.HTTP_201_CREATED,
)
async def add_dispute(
    session_id: SessionId, body: DisputeCreate, user: CurrentUser, db: SessionDep
) -> DisputeRead:
    return await ReviewsService(db).dispute(user, session_id, body)


@router.post("/sessions/{session_id}/disputes/{dispute_id}/resolve", response_model=DisputeRead)
async def resolve_dispute(
    session_id: SessionId, dispute_id: Id, body: DisputeResolve, user: StaffUser, db: SessionDep
) -> DisputeRead:
    return await ReviewsService(db).resolve(user, session_id, dispute_id, body)


@router.post("/sessions/{session_id}/reviewed", response_model=ReviewedRead)
async def mark_reviewed(session_id: SessionId, user: StaffUser, db: SessionDep) -> ReviewedRead:
    return await ReviewsService(db).mark_reviewed(user, session_id)


@router.get("/stats/overrides", response_model=OverrideStats)
async def stats(manager: ManagerUser, db: SessionDep, team_id: TeamFilter = None) -> OverrideStats:
    """How often, and by how much, coaches overrode the scorer, per dimension."""
    return await analytics.override_stats(db, manager, team_id)


@router.get("/export.csv", response_class=Response)
async def export(user: StaffUser, db: SessionDep, team_id: TeamFilter = None) -> Response:
    """One row per finished session; UTF-8 with a byte-order mark so spreadsheets read Chinese."""
    text = await analytics.export_csv(db, user, team_id)
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    return Response(
        content="\ufeff" + text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="scores-{stamp}.csv"'},
    )

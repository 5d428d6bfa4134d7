"""Coach reviews: comments on turns, score overrides, disputes, reviewed marks.

Who may do what: the trainee who owns a session reads everything on it and may
dispute a score; coaches (of the trainee's teams) and managers (of the
organisation) comment, override and mark reviewed — never on their own
sessions. A session the viewer may not read is a 404, as everywhere else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role, User
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal, require_role
from app.errors import Conflict, Forbidden, NotFound, Unprocessable
from app.reviews.effective import effective, latest_overrides
from app.reviews.models import ScoreDispute, ScoreOverride, SessionComment, SessionReview
from app.reviews.repository import ReviewsRepository
from app.reviews.rows import SessionRow, session_rows
from app.reviews.schemas import (
    CommentCreate,
    CommentRead,
    DimensionRead,
    DisputeCreate,
    DisputeRead,
    DisputeResolve,
    OverrideCreate,
    OverrideRead,
    PersonRead,
    ReviewedRead,
    SessionReviewRead,
)
from app.roleplay.access import readable_session
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository

OPEN_DISPUTE = "You have an open dispute on this score already; wait for the coach."


def _now() -> datetime:
    return datetime.now(UTC)


def person(user: User | None) -> PersonRead | None:
    return PersonRead.model_validate(user) if user is not None else None


class ReviewsService:
    def __init__(self, db: AsyncSession) -> None:
        self.repo = ReviewsRepository(db)
        self.accounts = AccountsService(AccountsRepository(db))

    # --- access -------------------------------------------------------------------------

    async def readable(self, viewer: Principal, sid: str, *, lock: bool = False) -> PracticeSession:
        return await readable_session(self.repo.db, viewer, sid, lock=lock)

    async def played(self, viewer: Principal, sid: str) -> tuple[PracticeSession, list[Turn], User]:
        """A session the viewer may read, its turns and its owner."""
        s = await self.readable(viewer, sid)
        turns = list(await RoleplayRepository(self.repo.db).turns(sid))
        owner = (await self.repo.users([s.user_id]))[s.user_id]
        return s, turns, owner

    async def trainee(self, viewer: Principal, user_id: int) -> User:
        """A user whose sessions the viewer may read (404 otherwise, as for a session)."""
        owner = (await self.repo.users([user_id])).get(user_id)
        if owner is None or not await self.accounts.can_read_user(viewer, owner.id, owner.org_id):
            raise NotFound(f"No trainee {user_id}.", key="no_trainee")
        return owner

    async def session_rows(self, org_id: int, user_ids: set[int], limit: int) -> list[SessionRow]:
        """These users' latest sessions (newest first), with the scores reviews leave them."""
        rows, _ = await RoleplayRepository(self.repo.db).list_sessions(
            org_id, user_ids, limit=limit
        )
        return await session_rows(self.repo, [s for s, _ in rows])

    async def reviewable(
        self, viewer: Principal, sid: str, *, scored: bool, lock: bool = False
    ) -> PracticeSession:
        require_role(viewer, Role.coach, Role.manager)
        s = await self.readable(viewer, sid, lock=lock)
        if s.user_id == viewer.id:
            raise Forbidden("You can't review your own session.", key="own_session")
        if scored and (s.status != "ended" or not s.scorecard):
            raise Conflict(
                "The session isn't finished yet; it has no scorecard to review.",
                key="not_finished",
            )
        return s

    # --- comments ------------------------------------------------------------------------

    async def comment(self, viewer: Principal, sid: str, body: CommentCreate) -> CommentRead:
        s = await self.reviewable(viewer, sid, scored=False)
        if body.turn_index is not None and body.turn_index >= s.turn_count:
            raise Unprocessable(
                f"turn_index: the session has turns 0 to {s.turn_count - 1}.",
                fields=[{"loc": ["body", "turn_index"], "msg": "no such turn", "key": "no_turn"}],
                key="no_turn",
            )
        row = SessionComment(
            session_id=s.id, turn_index=body.turn_index, author_id=viewer.id, body=body.body
        )
        self.repo.add(row)
        await self.repo.flush()
        users = await self.repo.users([viewer.id])
        return CommentRead(
            id=row.id,
            turn_index=row.turn_index,
            body=row.body,
            author=person(users.get(viewer.id)),
            created_at=row.created_at,
        )

    # --- overrides -----------------------------------------------------------------------

    async def override(self, viewer: Principal, sid: str, body: OverrideCreate) -> OverrideRead:
        s = await self.reviewable(viewer, sid, scored=True, lock=True)
        original = effective(s.scorecard, []).dimensions[body.dimension].original
        row = ScoreOverride(
            session_id=s.id,
            dimension=body.dimension,
            original_score=original,
            score=body.score,
            reason=body.reason,
            author_id=viewer.id,
        )
        self.repo.add(row)
        await self.repo.flush()
        users = await self.repo.users([viewer.id])
        return _override_read(row, users)

    # --- disputes ------------------------------------------------------------------------

    async def dispute(self, viewer: Principal, sid: str, body: DisputeCreate) -> DisputeRead:
        s = await self.readable(viewer, sid, lock=True)
        if s.user_id != viewer.id:
            raise Forbidden(
                "Only the trainee who played this session can dispute its scores.",
                key="dispute_not_yours",
            )
        if s.status != "ended" or not s.scorecard:
            raise Conflict(
                "The session isn't finished yet; there is no score to dispute.",
                key="not_finished",
            )
        if await self.repo.open_dispute(sid, body.dimension) is not None:
            raise Conflict(OPEN_DISPUTE, key="dispute_open")
        row = ScoreDispute(
            session_id=sid, user_id=viewer.id, dimension=body.dimension, reason=body.reason
        )
        if not await self.repo.insert_unique(row):
            raise Conflict(OPEN_DISPUTE, key="dispute_open")
        return _dispute_read(row, await self.repo.users([viewer.id]))

    async def resolve(
        self, viewer: Principal, sid: str, dispute_id: int, body: DisputeResolve
    ) -> DisputeRead:
        await self.reviewable(viewer, sid, scored=True, lock=True)
        row = await self.repo.dispute(dispute_id)
        if row is None or row.session_id != sid:
            raise NotFound(f"No dispute {dispute_id} on this session.", key="no_dispute")
        if row.status != "open":
            raise Conflict("This dispute has been answered already.", key="dispute_answered")
        row.status = "resolved"
        row.response = body.response
        row.resolved_by_id = viewer.id
        row.resolved_at = _now()
        await self.repo.flush()
        return _dispute_read(row, await self.repo.users([row.user_id, viewer.id]))

    # --- reviewed ------------------------------------------------------------------------

    async def mark_reviewed(self, viewer: Principal, sid: str) -> ReviewedRead:
        await self.reviewable(viewer, sid, scored=True)
        row = await self.repo.review(sid)
        if row is None:
            row = SessionReview(session_id=sid, reviewer_id=viewer.id, reviewed_at=_now())
            if not await self.repo.insert_unique(row):  # a concurrent mark got there first
                row = await self.repo.review(sid)
                assert row is not None
        users = await self.repo.users([row.reviewer_id])
        return ReviewedRead(
            reviewer=person(users.get(row.reviewer_id)), reviewed_at=row.reviewed_at
        )

    # --- reading -------------------------------------------------------------------------

    async def get(self, viewer: Principal, sid: str) -> SessionReviewRead:
        s = await self.readable(viewer, sid)
        comments = list(await self.repo.comments(sid))
        overrides = (await self.repo.overrides([sid])).get(sid, [])
        disputes = list(await self.repo.disputes(sid))
        review = await self.repo.review(sid)
        ids = {s.user_id, *(c.author_id for c in comments), *(o.author_id for o in overrides)}
        for d in disputes:
            ids |= {d.user_id, *([d.resolved_by_id] if d.resolved_by_id else [])}
        if review is not None:
            ids.add(review.reviewer_id)
        users = await self.repo.users(ids)
        eff = effective(s.scorecard, overrides)
        latest = latest_overrides(overrides)
        dims = {
            name: DimensionRead(
                original=d.original,
                effective=d.effective,
                band=d.band,
                overridden=d.overridden,
                override=_override_read(latest[name], users) if name in latest else None,
            )
            for name, d in eff.dimensions.items()
        }
        return SessionReviewRead(
            session_id=sid,
            status=s.status,
            owner=person(users.get(s.user_id)),
            dimensions=dims,
            original_overall=eff.original_overall,
            overall=eff.overall,
            comments=[
                CommentRead(
                    id=c.id,
                    turn_index=c.turn_index,
                    body=c.body,
                    author=person(users.get(c.author_id)),
                    created_at=c.created_at,
                )
                for c in comments
            ],
            overrides=[_override_read(o, users) for o in overrides],
            disputes=[_dispute_read(d, users) for d in disputes],
            reviewed=ReviewedRead(
                reviewer=person(users.get(review.reviewer_id)), reviewed_at=review.reviewed_at
            )
            if review is not None
            else None,
            flags=list((s.scorecard or {}).get("flags") or []),
        )


def _override_read(o: ScoreOverride, users: dict[int, User]) -> OverrideRead:
    return OverrideRead(
        id=o.id,
        dimension=o.dimension,
        original_score=o.original_score,
        score=o.score,
        reason=o.reason,
        author=person(users.get(o.author_id)),
        created_at=o.created_at,
    )


def _dispute_read(d: ScoreDispute, users: dict[int, User]) -> DisputeRead:
    return DisputeRead(
        id=d.id,
        dimension=d.dimension,
        reason=d.reason,
        status=d.status,
        response=d.response,
        user=person(users.get(d.user_id)),
        resolved_by=person(users.get(d.resolved_by_id)) if d.resolved_by_id else None,
        created_at=d.created_at,
        resolved_at=d.resolved_at,
    )

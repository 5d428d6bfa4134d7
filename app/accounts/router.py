"""HTTP for login, logout, me, users and teams."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from app.accounts.credentials import sign_in
from app.accounts.credentials_router import router as credentials_router
from app.accounts.repository import AccountsRepository
from app.accounts.schemas import (
    LoginRequest,
    LoginResponse,
    TeamCreate,
    TeamMembers,
    TeamRead,
    UserCreate,
    UserRead,
)
from app.accounts.service import AccountsService
from app.deps import (
    TOKEN_COOKIE,
    AppDep,
    CurrentUser,
    ManagerUser,
    SessionDep,
    bearer_token,
)
from app.errors import Unauthorized
from app.inputs import Id

router = APIRouter(prefix="/api", tags=["accounts"])
router.include_router(credentials_router)


def _service(db: SessionDep) -> AccountsService:
    return AccountsService(AccountsRepository(db))


@router.post(
    "/auth/login",
    response_model=LoginResponse,
    responses={429: {"description": "Too many failed logins; see Retry-After"}},
)
async def login(body: LoginRequest, request: Request, container: AppDep) -> LoginResponse:
    # No SessionDep: the password check must not hold a write transaction.
    client = request.client.host if request.client else None
    issued = await sign_in(container, body.username, body.password, client)
    user = UserRead.model_validate(issued.user)
    user.team_ids = issued.team_ids
    return LoginResponse(
        token=issued.token, role=user.role, expires_at=issued.expires_at, user=user
    )


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    token = bearer_token(request) or request.cookies.get(TOKEN_COOKIE)
    if not token:
        raise Unauthorized("No token to log out.")
    await _service(db).logout(token)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(TOKEN_COOKIE, path="/")
    return response


@router.get("/me", response_model=UserRead)
async def me(user: CurrentUser) -> UserRead:
    return UserRead(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        team_ids=list(user.team_ids),
    )


@router.get("/users", response_model=list[UserRead])
async def list_users(user: CurrentUser, db: SessionDep) -> list[UserRead]:
    """Managers see everyone in the organisation, coaches their teams, trainees themselves."""
    svc = _service(db)
    readable = await svc.readable_user_ids(user)
    memberships = await svc.repo.memberships(user.org_id)
    out = []
    for u in await svc.repo.users_in_org(user.org_id):
        if readable is not None and u.id not in readable:
            continue
        read = UserRead.model_validate(u)
        read.team_ids = sorted(t for t, members in memberships.items() if u.id in members)
        out.append(read)
    return out


@router.post("/users", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(body: UserCreate, manager: ManagerUser, db: SessionDep) -> UserRead:
    created = await _service(db).create_user(
        manager.org_id, body.username, body.display_name, body.role, body.password, body.team_ids
    )
    read = UserRead.model_validate(created)
    read.team_ids = sorted(set(body.team_ids))
    return read


@router.get("/teams", response_model=list[TeamRead])
async def list_teams(user: CurrentUser, db: SessionDep) -> list[TeamRead]:
    svc = _service(db)
    memberships = await svc.repo.memberships(user.org_id)
    teams = await svc.repo.teams_in_org(user.org_id)
    visible = [t for t in teams if user.role.value == "manager" or t.id in user.team_ids]
    return [
        TeamRead(id=t.id, name=t.name, member_ids=sorted(memberships.get(t.id, [])))
        for t in visible
    ]


@router.post("/teams", response_model=TeamRead, status_code=status.HTTP_201_CREATED)
async def create_team(body: TeamCreate, manager: ManagerUser, db: SessionDep) -> TeamRead:
    team = await _service(db).create_team(manager.org_id, body.name)
    return TeamRead(id=team.id, name=team.name, member_ids=[])


@router.put("/teams/{team_id}/members", response_model=TeamRead)
async def set_team_members(
    team_id: Id, body: TeamMembers, manager: ManagerUser, db: SessionDep
) -> TeamRead:
    team = await _service(db).set_members(manager, team_id, body.user_ids)
    return TeamRead(id=team.id, name=team.name, member_ids=sorted(set(body.user_ids)))

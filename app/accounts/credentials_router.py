"""HTTP for passwords and access: change mine, a manager's reset, deactivate, revoke."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from app.accounts.credentials import change_password, reset_password
from app.accounts.repository import AccountsRepository
from app.accounts.schemas import PasswordChange, PasswordReset, TokensRevoked, UserRead
from app.accounts.service import AccountsService
from app.deps import TOKEN_COOKIE, AppDep, CurrentUser, ManagerUser, SessionDep, bearer_token
from app.inputs import Id

router = APIRouter()


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={429: {"description": "Too many wrong current passwords; see Retry-After"}},
)
async def change_my_password(
    body: PasswordChange, request: Request, me: CurrentUser, container: AppDep
) -> Response:
    """Needs the current password; every other session of mine is logged out."""
    token = bearer_token(request) or request.cookies.get(TOKEN_COOKIE)
    client = request.client.host if request.client else None
    await change_password(container, me, body.current_password, body.new_password, token, client)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/users/{user_id}/password", status_code=status.HTTP_204_NO_CONTENT)
async def reset_user_password(
    user_id: Id, body: PasswordReset, manager: ManagerUser, container: AppDep
) -> Response:
    """Managers: set a user's password; all their sessions are logged out."""
    await reset_password(container, manager, user_id, body.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _set_active(user_id: int, active: bool, manager: ManagerUser, db: SessionDep) -> UserRead:
    svc = AccountsService(AccountsRepository(db))
    user = await svc.set_active(manager, user_id, active)
    read = UserRead.model_validate(user)
    read.team_ids = await svc.repo.team_ids_of(user.id)
    return read


@router.post("/users/{user_id}/deactivate", response_model=UserRead)
async def deactivate_user(user_id: Id, manager: ManagerUser, db: SessionDep) -> UserRead:
    """Managers: the user can't log in and every session of theirs ends now."""
    return await _set_active(user_id, False, manager, db)


@router.post("/users/{user_id}/reactivate", response_model=UserRead)
async def reactivate_user(user_id: Id, manager: ManagerUser, db: SessionDep) -> UserRead:
    """Managers: the user can log in again (old sessions stay ended)."""
    return await _set_active(user_id, True, manager, db)


@router.post("/users/{user_id}/revoke-tokens", response_model=TokensRevoked)
async def revoke_user_tokens(user_id: Id, manager: ManagerUser, db: SessionDep) -> TokensRevoked:
    """Managers: log the user out everywhere (yourself included, when it's you)."""
    revoked = await AccountsService(AccountsRepository(db)).revoke_tokens(manager, user_id)
    return TokensRevoked(revoked=revoked)

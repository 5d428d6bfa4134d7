"""Annotated dependency aliases shared by the routers."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.credentials import ContainerView
from app.accounts.models import Role
from app.accounts.service import Principal, authenticate, require_role
from app.config import Settings
from app.db.integrity import conflict_from
from app.errors import Forbidden, Unauthorized

TOKEN_COOKIE = "coach_token"  # noqa: S105 - a cookie name, not a secret
# Double-submit CSRF token: a readable cookie the page echoes in a header or form field.
CSRF_COOKIE = "coach_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class CSRFFailed(Forbidden):
    code = "csrf_failed"


# The dependencies are `async def` though they never await: FastAPI runs a
# plain `def` dependency in its threadpool, a thread hop on every request.
# What every router may reach of the app's container: its settings and transactions
# (accounts' ContainerView, which app.container.Container matches). Not the container
# itself: it holds role-play's locks, the buyers and the scorer, and a feature below
# them (accounts, scenarios, the simulation) must not reach them through its router.
# Routers of features above them take app.container.ContainerDep.
async def get_app(request: Request) -> ContainerView:
    app: ContainerView = request.app.state.container
    return app


AppDep = Annotated[ContainerView, Depends(get_app)]


async def get_settings_dep(container: AppDep) -> Settings:
    return container.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def get_db(container: AppDep) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: commits once after the handler, or rolls back.

    A unique or foreign-key violation (a concurrent request got there first),
    at a flush or at the commit, is rolled back and answered 409.
    """
    try:
        async with container.unit_of_work() as db:
            yield db
    except IntegrityError as exc:
        conflict = conflict_from(exc)
        if conflict is None:
            raise
        raise conflict from exc


# scope="function": commit before the response is sent, so a 200 means stored.
SessionDep = Annotated[AsyncSession, Depends(get_db, scope="function")]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise Unauthorized("Use 'Authorization: Bearer <token>'.")
        return value.strip()
    return None


async def check_csrf(request: Request) -> None:
    """An unsafe request riding on the login cookie must echo the CSRF cookie.

    Another site can make the browser send our cookies, but it can neither read
    the coach_csrf cookie nor set our header, so it can't pass this check.
    """
    if request.method in SAFE_METHODS:
        return
    expected = request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if sent is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        field = (await request.form()).get(CSRF_FIELD)
        sent = field if isinstance(field, str) else None
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise CSRFFailed(
            f"Missing or wrong CSRF token: echo the {CSRF_COOKIE} cookie in {CSRF_HEADER}.",
            key="csrf_failed",
        )


# Declares the Bearer scheme on every operation that needs a user; the token itself is
# read by bearer_token(), which refuses a malformed header (this would pass None).
BEARER = HTTPBearer(
    scheme_name="bearer", auto_error=False, description="The token from POST /api/auth/login"
)


async def current_user(
    request: Request,
    container: AppDep,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)],
) -> Principal:
    """The signed-in user, from a Bearer header or the browser's login cookie.

    Bearer requests are CSRF-exempt (a browser never adds that header on its own);
    cookie requests that change something must pass the double-submit check.
    """
    bearer = bearer_token(request)
    token = bearer or request.cookies.get(TOKEN_COOKIE)
    if not token:
        raise Unauthorized("Log in first: send 'Authorization: Bearer <token>'.")
    if bearer is None:
        await check_csrf(request)
    # A read of its own: it takes no SQLite writer turn, so it works whatever
    # transaction the request holds, in whatever order dependencies resolve.
    async with container.read() as conn:
        principal = await authenticate(conn, token)
    request.state.principal = principal
    return principal


CurrentUser = Annotated[Principal, Depends(current_user)]


def role_required(*roles: Role):  # type: ignore[no-untyped-def]
    async def check(user: CurrentUser) -> Principal:
        require_role(user, *roles)
        return user

    # Security(): the document lists the roles as the Bearer requirement's "scopes",
    # which OpenAPI 3.1 lets schemes other than OAuth2 use for role names.
    return Security(check, scopes=[role.value for role in roles])


TraineeUser = Annotated[Principal, role_required(Role.trainee)]
StaffUser = Annotated[Principal, role_required(Role.coach, Role.manager)]
ManagerUser = Annotated[Principal, role_required(Role.manager)]

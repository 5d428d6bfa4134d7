"""The account page every signed-in user has: who I am, and changing my password."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.accounts.service import AccountsService
from app.container import ContainerDep
from app.deps import CurrentUser
from app.web.i18n import LANG_COOKIE, LANGS, request_lang
from app.web.pageroute import PageRoute
from app.web.render import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/account")
async def account(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    async with container.unit_of_work() as db:
        teams = await AccountsService.of(db).teams_in_org(user.org_id)
    mine = [t.name for t in teams if t.id in user.team_ids]
    # The language is a preference only when chosen with the switch (a cookie); otherwise
    # the page follows the browser.
    chosen = request.cookies.get(LANG_COOKIE)
    return render(
        request,
        "account.html",
        user=user,
        team_names=mine,
        lang_chosen=chosen in LANGS,
        current_lang=request_lang(request),
    )

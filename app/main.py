"""The application factory: build once in the lifespan, then serve."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI

from app import __version__, openapi
from app.accounts.repository import AccountsRepository
from app.accounts.router import router as accounts_router
from app.accounts.service import AccountsService
from app.analytics.router import router as analytics_router
from app.assignments.router import router as assignments_router
from app.assignments.service import check_start
from app.buyer.engine import BuyerEngine
from app.buyer.lines import load_phrasebook
from app.buyer.llm import LLMBuyer
from app.buyer.offline import OfflineBuyer, warm_up
from app.config import Settings, get_settings
from app.container import Container
from app.db.engine import make_engine, make_sessionmaker, sqlite_checkpointer
from app.db.migrate import upgrade_to_head
from app.db.serving import one_start_at_a_time, serving_lock
from app.demo.seed import seed_demo_history
from app.errors import install_error_handlers
from app.llm.factory import llm_client
from app.middleware import BodyLimit, SecurityHeaders, ServerErrors
from app.observability.middleware import RequestObserver
from app.observability.router import router as observability_router
from app.observability.schemas import Health
from app.prompting.library import load_library
from app.reviews.router import router as reviews_router
from app.roleplay.leases import release_orphaned_leases
from app.roleplay.router import router as sessions_router
from app.scenarios.catalog import load_builtin
from app.scenarios.router import router as scenarios_router
from app.scoring.judge import LLMJudge
from app.scoring.scorer import JudgedScorer, OfflineScorer, Scorer
from app.simulation.router import router as simulation_router
from app.usage.router import router as usage_router
from app.web.error_pages import install_page_errors
from app.web.router import router as web_router
from app.web.static_files import static_app

log = logging.getLogger("app")

MAX_BODY_BYTES = 4 * 1024 * 1024


async def _first_start(container: Container) -> None:
    settings = container.settings
    async with container.unit_of_work() as db:
        accounts = AccountsService(AccountsRepository(db))
        if settings.demo:
            await accounts.seed_demo(settings.demo_password.get_secret_value())
            return
        disabled = await accounts.disable_demo_users()
        admin = await accounts.bootstrap_admin()
    if disabled:
        # Their password is public, so outside demo mode nobody may use them.
        print(
            f"Demo mode is off: disabled the demo accounts {', '.join(disabled)} "
            "(start with --demo to use them again).",
            file=sys.stderr,
            flush=True,
        )
    if admin is not None:
        # Shown once, on the console of whoever started the service; never stored in clear.
        print(
            f"Created manager {admin[0]!r} with password {admin[1]} (shown only now).",
            file=sys.stderr,
            flush=True,
        )


def build_container(settings: Settings) -> Container:
    """Everything the app shares, built from the settings; nothing is started or opened
    yet (the lifespan starts it and registers its closing with `container.shutdown`)."""
    engine = make_engine(settings.database_url)
    offline = OfflineBuyer(load_phrasebook())
    buyers: dict[str, BuyerEngine] = {"offline": offline}
    client = llm_client(settings)
    if client is not None:
        buyers["llm"] = LLMBuyer(client, load_library(), offline)
    scorer: Scorer = (
        JudgedScorer(LLMJudge(client))
        if client is not None and settings.judge_engine == "llm"
        else OfflineScorer()
    )
    return Container(
        settings=settings,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        builtin_scenarios=load_builtin(),
        buyers=buyers,
        scorer=scorer,
        assignment_gate=check_start,
        llm_client=client,
    )


async def _let_turns_finish(container: Container) -> None:
    """Replies still being produced for streams finish (or give up) before we close."""
    pending = list(container.turn_tasks)
    if pending:
        await asyncio.wait(pending, timeout=container.settings.llm_timeout_seconds)


def create_app(
    settings: Settings | None = None, *, migrate: bool = True, freeze_gc: bool = False
) -> FastAPI:
    """`freeze_gc` (the server does it): after start-up, move every object made so
    far (modules, scenarios, compiled patterns, metadata) out of the garbage
    collector's reach, so a full collection under load scans request garbage only
    instead of pausing every request for 100+ ms."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        container = build_container(settings)
        # Closing runs in reverse order of registration, on a failed start too.
        async with container.shutdown as closing:
            # One server per SQLite file (app/db/serving.py): before anything else touches it.
            serving = serving_lock(container.engine)
            if serving is not None:
                serving.acquire()
                closing.callback(serving.release)  # last, once the engine is disposed
            closing.push_async_callback(container.engine.dispose)
            if container.llm_client is not None:
                closing.push_async_callback(container.llm_client.aclose)
            await _start(container, closing)
            app.state.container = container
            if freeze_gc:
                gc.collect()
                gc.freeze()
            yield

    async def _start(container: Container, closing: AsyncExitStack) -> None:
        # Fit the question readers and index the scenarios now, not on a trainee's first turn.
        await asyncio.to_thread(warm_up, container.builtin_scenarios.values())
        if migrate:
            await upgrade_to_head(container.engine)
        async with one_start_at_a_time(container.engine):  # a fleet seeds accounts once
            await _first_start(container)
            await seed_demo_history(container)  # --demo: once per database (app/demo)
        # Replies a crashed run left unfinished are taken again at once (SQLite).
        await release_orphaned_leases(container)
        checkpointer = sqlite_checkpointer(container.engine, container.writer_turn)
        if checkpointer is not None:
            checkpointer.start()
            closing.push_async_callback(checkpointer.stop)
        closing.push_async_callback(container.lease_keeper.stop)
        closing.push_async_callback(_let_turns_finish, container)  # first of all

    app = FastAPI(title="Consultative-selling coach", version=__version__, lifespan=lifespan)
    install_error_handlers(app)
    install_page_errors(app)  # pages answer errors in HTML; the API keeps its JSON
    # Outermost last: every response, the early 413 included, gets the headers.
    max_body = max(MAX_BODY_BYTES, settings.max_transcript_bytes)
    app.add_middleware(ServerErrors)  # a route's bug: one 500, logged once, not re-raised
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestObserver)  # request id, metrics, access line: around everything
    openapi.install(app, settings, max_body)
    app.include_router(accounts_router)
    app.include_router(simulation_router)  # POST /api/scenarios/check: the editor's realism check
    app.include_router(scenarios_router)
    app.include_router(sessions_router)
    app.include_router(usage_router)
    app.include_router(assignments_router)
    app.include_router(reviews_router)
    app.include_router(analytics_router)  # GET /api/reviews/dashboard: the team dashboard
    app.include_router(web_router)
    app.include_router(observability_router)
    app.mount("/static", static_app(), name="static")

    @app.get("/healthz", tags=["health"], response_model=Health)
    async def healthz() -> Health:
        return Health()

    return app

"""Shared fixtures: a network guard, fresh databases (SQLite and PostgreSQL), the app, clients.

Every test that talks to the service gets its own database, copied from a
template that was migrated and seeded with the demo users once per run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from app.config import Settings
from app.main import create_app
from tests.support.fake_openai import FakeOpenAI

PG_ADMIN_DSN = os.environ.get("COACH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


# --- network guard -------------------------------------------------------------

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _allowed(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # unix socket
        return True
    host = str(address[0])
    return host in {"127.0.0.1", "::1", "localhost"} or host.startswith("127.")


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _allowed(address):
        raise RuntimeError(f"test tried to reach the network beyond loopback: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _allowed(address):
        raise RuntimeError(f"test tried to reach the network beyond loopback: {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def network_guard() -> Iterator[None]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own LLM settings must never leak into a test."""
    for name in list(os.environ):
        if name.startswith(("COACH_", "OPENAI_")) and name != "COACH_TEST_PG":
            monkeypatch.delenv(name, raising=False)


# --- databases -------------------------------------------------------------------


def postgres_available() -> bool:
    try:
        with psycopg.connect(PG_ADMIN_DSN, connect_timeout=2):
            return True
    except psycopg.Error:
        return False


PG_OK = postgres_available()
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_OK, reason="no PostgreSQL")),
]


async def _prepare(url: str) -> None:
    """Migrate and seed the demo users once, into a template database."""
    app = create_app(Settings(database_url=url, demo=True))
    async with app.router.lifespan_context(app):
        pass


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    asyncio.run(_prepare(f"sqlite+aiosqlite:///{path}"))
    return path


def _pg_admin(sql: str) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _pg_url(db: str) -> str:
    base = PG_ADMIN_DSN.rsplit("/", 1)[0]
    return f"{base}/{db}".replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"coach_tpl_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        asyncio.run(_prepare(_pg_url(name)))
        yield name
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database for one test, on each backend."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "coach.db"
        shutil.copyfile(template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    template_name: str = request.getfixturevalue("pg_template")
    name = f"coach_t_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
    try:
        yield _pg_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the app and its clients --------------------------------------------------------


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Demo mode unless overridden: a start without it disables the demo users."""
    return Settings(database_url=database_url, **{"demo": True, **overrides})


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[Any]:
    """The app with its start-up and shut-down run, as the server runs them."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@asynccontextmanager
async def app_client(application: Any) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the app in process."""
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Any]:
    async with running_app(settings) as application:
        yield application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(app) as c:
        yield c


async def login(client: httpx.AsyncClient, username: str, password: str = "demo") -> dict[str, str]:
    r = await client.post("/api/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture
async def trainee(client: httpx.AsyncClient) -> dict[str, str]:
    return await login(client, "trainee1")


@pytest.fixture
async def trainee2(client: httpx.AsyncClient) -> dict[str, str]:
    return await login(client, "trainee2")


@pytest.fixture
async def coach(client: httpx.AsyncClient) -> dict[str, str]:
    return await login(client, "coach1")


@pytest.fixture
async def manager(client: httpx.AsyncClient) -> dict[str, str]:
    return await login(client, "manager1")


# --- a model for the LLM buyer: one loopback server per test module ---------------------------


@pytest.fixture(scope="module")
def llm_server() -> Iterator[FakeOpenAI]:
    """An OpenAI-compatible server on loopback serving the model "buyer-model"."""
    with FakeOpenAI(model="buyer-model") as server:
        yield server


@pytest.fixture
def fake(llm_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The module's server with no scripts or records left over from another test."""
    llm_server.reset()
    yield llm_server
    llm_server.reset()

"""Login throttling: failed password checks counted per account, per address and per both.

Three counters, each a fixed window that starts at its first failure:

* account + address (default 5 per 15 minutes): stops one source guessing one
  account; it is the only limit that locks out a sign-in from an address the
  account has used before;
* account (20): stops many sources guessing one account between them;
* address (100): stops one source trying many accounts (generous, because an
  office's users share its address).

The lockout-as-DoS trade-off: a per-account lock that bound everyone would let
anyone who knows a username keep its owner out. So a successful sign-in
remembers its (account, address) pair for 30 days, and a remembered pair is
held only by the account + address limit: the owner signs in from the usual
office or home while a botnet has the account locked for every other address.
A new address (a trainee's first login from a hotel) does wait out the
account's window while the account is under attack; that is the limit's intent.

An attempt reserves its place in the counters before the password is checked,
so parallel guesses can't all slip past a check made before any of them failed;
a success gives the account and address places back. A refused attempt (429)
counts nowhere, so hammering a locked pair can't grow into an account lock.

The counters live in this process (`MemoryStore`, the SQLite default) or in the
database's `login_throttle` table (`DatabaseStore`, the PostgreSQL default, shared
by every app process). Keys are SHA-256 digests: what people type into the
username field (a password, sometimes) is not kept.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, cast

from sqlalchemy import Table, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from app.accounts.models import LoginThrottleEntry
from app.errors import TooManyRequests

if TYPE_CHECKING:
    from app.config import Settings

KNOWN_PAIR_SECONDS = 30 * 24 * 3600

Entry = tuple[int, float]  # count, expires at (epoch seconds)


class ThrottleStore(Protocol):
    async def get(self, keys: Sequence[str], now: float) -> dict[str, Entry]:
        """The live (unexpired) entries among `keys`."""
        ...

    async def add(self, keys: Sequence[str], now: float, ttl: float) -> dict[str, Entry]:
        """Count one more for each key (a new window if expired); the entries after."""
        ...

    async def give_back(self, keys: Sequence[str], now: float) -> None:
        """Undo one `add` on each key still live."""
        ...

    async def remove(self, keys: Sequence[str]) -> None: ...

    async def remove_prefix(self, prefix: str) -> None: ...


class MemoryStore:
    """Counters in this process: right for one process (the SQLite setup)."""

    MAX_KEYS = 100_000

    def __init__(self) -> None:
        self._entries: dict[str, list[float]] = {}

    async def get(self, keys: Sequence[str], now: float) -> dict[str, Entry]:
        out = {}
        for key in keys:
            entry = self._entries.get(key)
            if entry is not None and entry[1] > now:
                out[key] = (int(entry[0]), entry[1])
        return out

    async def add(self, keys: Sequence[str], now: float, ttl: float) -> dict[str, Entry]:
        if len(self._entries) >= self.MAX_KEYS:
            self._prune(now)
        out = {}
        for key in keys:
            entry = self._entries.get(key)
            if entry is None or entry[1] <= now:
                entry = self._entries[key] = [0, now + ttl]
            entry[0] += 1
            out[key] = (int(entry[0]), entry[1])
        return out

    async def give_back(self, keys: Sequence[str], now: float) -> None:
        for key in keys:
            entry = self._entries.get(key)
            if entry is not None and entry[1] > now and entry[0] > 0:
                entry[0] -= 1

    async def remove(self, keys: Sequence[str]) -> None:
        for key in keys:
            self._entries.pop(key, None)

    async def remove_prefix(self, prefix: str) -> None:
        for key in [k for k in self._entries if k.startswith(prefix)]:
            del self._entries[key]

    def _prune(self, now: float) -> None:
        self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
        if len(self._entries) >= self.MAX_KEYS:  # a flood of fresh keys: drop the oldest half
            keep = list(self._entries.items())[self.MAX_KEYS // 2 :]
            self._entries = dict(keep)


def _ts(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


Connect = Callable[[], AbstractAsyncContextManager[AsyncConnection]]
_T = cast(Table, LoginThrottleEntry.__table__)


class DatabaseStore:
    """Counters in the `login_throttle` table, shared by every process on the database."""

    PURGE_EVERY = 256  # reservations between deletions of expired rows

    def __init__(self, connect: Connect) -> None:
        # `connect` is Container.connection: one short transaction per call.
        self._connect = connect
        self._adds = 0

    async def get(self, keys: Sequence[str], now: float) -> dict[str, Entry]:
        stmt = select(_T.c.key, _T.c.count, _T.c.expires_at).where(
            _T.c.key.in_(list(keys)), _T.c.expires_at > _ts(now)
        )
        async with self._connect() as conn:
            rows = (await conn.execute(stmt)).all()
        return {r[0]: (int(r[1]), r[2].timestamp()) for r in rows}

    async def add(self, keys: Sequence[str], now: float, ttl: float) -> dict[str, Entry]:
        out = {}
        expired = _T.c.expires_at <= _ts(now)
        async with self._connect() as conn:
            insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            for key in sorted(keys):  # one order in every process: no deadlock between them
                stmt = insert(_T).values(key=key, count=1, expires_at=_ts(now + ttl))
                stmt = stmt.on_conflict_do_update(
                    index_elements=[_T.c.key],
                    set_={
                        "count": case((expired, 1), else_=_T.c.count + 1),
                        "expires_at": case(
                            (expired, stmt.excluded.expires_at), else_=_T.c.expires_at
                        ),
                    },
                )
                count, expires_at = (
                    await conn.execute(stmt.returning(_T.c.count, _T.c.expires_at))
                ).one()
                out[key] = (int(count), expires_at.timestamp())
            self._adds += 1
            if self._adds % self.PURGE_EVERY == 0:
                await conn.execute(delete(_T).where(expired))
        return out

    async def give_back(self, keys: Sequence[str], now: float) -> None:
        stmt = (
            update(_T)
            .where(_T.c.key.in_(list(keys)), _T.c.expires_at > _ts(now), _T.c.count > 0)
            .values(count=_T.c.count - 1)
        )
        async with self._connect() as conn:
            await conn.execute(stmt)

    async def remove(self, keys: Sequence[str]) -> None:
        async with self._connect() as conn:
            await conn.execute(delete(_T).where(_T.c.key.in_(list(keys))))

    async def remove_prefix(self, prefix: str) -> None:
        async with self._connect() as conn:
            await conn.execute(delete(_T).where(_T.c.key.startswith(prefix)))


# --- the policy ----------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    window_seconds: float = 900
    per_account_and_address: int = 5
    per_account: int = 20
    per_address: int = 100

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            window_seconds=settings.login_throttle_window_seconds,
            per_account_and_address=settings.login_failures_per_account_and_address,
            per_account=settings.login_failures_per_account,
            per_address=settings.login_failures_per_address,
        )


def address_key(host: str | None) -> str:
    """What counts as one client: an IPv4 address, or an IPv6 /64 (one subscriber's)."""
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def _h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _account_keys(name: str) -> tuple[str, str]:
    """The account's counter, and the prefix of its per-address counters."""
    return "a" + _h(name)[:63], "p" + _h(name)[:31]


@dataclass(frozen=True)
class Attempt:
    """One password check that has its place in the counters."""

    throttle: LoginThrottle
    account: str
    pair: str
    address: str
    known: str

    async def succeeded(self) -> None:
        """The right password: give back the places, forget the pair's failures,
        and remember the pair so account and address locks don't hold it."""
        store, now = self.throttle.store, self.throttle.clock()
        await store.give_back([self.account, self.address], now)
        await store.remove([self.pair, self.known])
        await store.add([self.known], now, KNOWN_PAIR_SECONDS)


def _wait_text(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} seconds"
    return f"{math.ceil(seconds / 60)} minutes"


class LoginThrottle:
    def __init__(
        self, store: ThrottleStore, limits: Limits, clock: Callable[[], float] = time.time
    ) -> None:
        self.store = store
        self.limits = limits
        self.clock = clock

    def _attempt(self, username: str, host: str | None) -> Attempt:
        name, addr = username.strip().lower(), _h(address_key(host))
        account, pair_prefix = _account_keys(name)
        return Attempt(
            self,
            account=account,
            pair=pair_prefix + addr[:32],
            address="i" + addr[:63],
            known="k" + _h(name)[:31] + addr[:32],
        )

    def _blocked_until(self, a: Attempt, entries: dict[str, Entry], reserved: bool) -> float:
        """When the latest limit this attempt is over ends (0: over none).
        Before reserving, a limit is reached at `limit` failures; after, past it."""
        lim = self.limits
        limits = [(a.pair, lim.per_account_and_address)]
        if a.known not in entries:
            limits += [(a.account, lim.per_account), (a.address, lim.per_address)]
        until = 0.0
        for key, limit in limits:
            entry = entries.get(key)
            if entry is not None and entry[0] + (0 if reserved else 1) > limit:
                until = max(until, entry[1])
        return until

    def _refuse(self, until: float, now: float) -> TooManyRequests:
        wait = max(1, math.ceil(until - now))
        return TooManyRequests(
            f"Too many failed sign-ins. Try again in {_wait_text(wait)}.",
            retry_after=wait,
            key="login_throttled",
        )

    async def begin(self, username: str, host: str | None) -> Attempt:
        """Reserve a place for a password check, or raise TooManyRequests (429)."""
        a = self._attempt(username, host)
        now = self.clock()
        live = await self.store.get([a.account, a.pair, a.address, a.known], now)
        until = self._blocked_until(a, live, reserved=False)
        if until:
            raise self._refuse(until, now)
        counted = await self.store.add(
            [a.account, a.pair, a.address], now, self.limits.window_seconds
        )
        if a.known in live:
            counted[a.known] = live[a.known]
        until = self._blocked_until(a, counted, reserved=True)
        if until:  # others got there first, between our check and our count
            await self.store.give_back([a.account, a.pair, a.address], now)
            raise self._refuse(until, now)
        return a

    async def forget_account(self, username: str) -> None:
        """A manager reset the password: the account's locks have done their job
        (the owner who forgot it may have locked themselves out)."""
        account, pair_prefix = _account_keys(username.strip().lower())
        await self.store.remove([account])
        await self.store.remove_prefix(pair_prefix)


def make_throttle(settings: Settings, dialect: str, connect: Connect) -> LoginThrottle:
    """`auto`: in this process on SQLite (one process), in the database on PostgreSQL
    (the setup that runs several processes)."""
    kind = settings.login_throttle
    if kind == "auto":
        kind = "database" if dialect == "postgresql" else "memory"
    store: ThrottleStore = DatabaseStore(connect) if kind == "database" else MemoryStore()
    return LoginThrottle(store, Limits.from_settings(settings))

"""Officers' logins: a throttle per account and per client address, and a
bound on how many argon2 checks run at once.

Each check costs argon2id's 64 MiB and some 50 ms of CPU: unbounded, a
stream of guesses fills the server's memory and stalls /health. So:

* an account with ``account_failures`` failed logins in a row is locked for
  ``account_lock_seconds`` (429 + Retry-After; the right password does not
  open it meanwhile); a successful login clears the count;
* a client address with ``address_failures`` failed logins within
  ``address_window_seconds`` is refused (429 + Retry-After) until the
  window ends, whatever account it tries;
* at most ``concurrent_hashes`` argon2 checks run at once per process;
  a login waits up to ``hash_wait_seconds`` for a turn, then gets 503 +
  Retry-After (the server is busy; nothing is counted against anyone).

The counts live in the ``login_throttle`` table, so every server process
(and a restart) sees the same ones; an attempt is counted *before* its
password is checked, so guesses sent at once cannot slip past the limit.
The address is the TCP peer: behind a reverse proxy every officer shares
the proxy's address (the per-account lock still holds).
"""
from __future__ import annotations

import asyncio
import logging
import math
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from starlette.concurrency import run_in_threadpool

from care_core.domain import rules

from . import admin
from .db import read_conn, write_conn
from .tables import login_throttle

log = logging.getLogger("provincial_server")
MAX_PASSWORD = 1024  # longer is no officer's password: refused before argon2 sees it


@dataclass(frozen=True)
class LoginPolicy:
    account_failures: int = 5
    account_lock_seconds: float = 15 * 60
    address_failures: int = 30
    address_window_seconds: float = 15 * 60
    concurrent_hashes: int = 2  # 2 x 64 MiB of argon2 at most
    hash_wait_seconds: float = 3.0
    busy_retry_seconds: int = 5


class Throttled(Exception):
    """A login refused before its password was checked; ``why`` is
    "account" (locked), "address" (too many failures) or "busy"."""

    def __init__(self, why: str, retry_after: float):
        super().__init__(why)
        self.why = why
        self.retry_after = max(1, math.ceil(retry_after))


def _upsert_missing(conn: sa.Connection, key: str, now: float) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(login_throttle).values(key=key, failures=0, window_start=now)
                 .on_conflict_do_nothing(index_elements=["key"]))


def _row(conn: sa.Connection, key: str, now: float):
    _upsert_missing(conn, key, now)
    return conn.execute(sa.select(login_throttle).where(login_throttle.c.key == key).with_for_update()).one()


def _set(conn: sa.Connection, key: str, **values) -> None:
    conn.execute(login_throttle.update().where(login_throttle.c.key == key).values(**values))


class LoginGuard:
    def __init__(self, engine: sa.Engine, policy: LoginPolicy | None = None):
        self.engine = engine
        self.policy = policy or LoginPolicy()
        self._turns: asyncio.Semaphore | None = None
        self.hashing = 0
        self.peak_hashing = 0  # the most argon2 checks seen at once (for tests and curiosity)

    async def check(self, username: str, password: str, address: str) -> bool:
        """Whether the officer's password is right. Raises ``Throttled``."""
        account, where = f"account:{username}", f"address:{address[:90]}"
        well_formed = not rules.check_username(username) and len(password) <= MAX_PASSWORD
        await run_in_threadpool(self._begin, account if well_formed else None, where)
        if not well_formed:  # no officer has this name: a failure that costs no argon2
            return False
        if self._turns is None:
            self._turns = asyncio.Semaphore(self.policy.concurrent_hashes)
        try:
            await asyncio.wait_for(self._turns.acquire(), self.policy.hash_wait_seconds)
        except asyncio.TimeoutError:
            await run_in_threadpool(self._undo, account, where)
            raise Throttled("busy", self.policy.busy_retry_seconds) from None
        self.hashing += 1
        self.peak_hashing = max(self.peak_hashing, self.hashing)
        try:
            ok = await run_in_threadpool(self._verify, username, password)
        finally:
            self.hashing -= 1
            self._turns.release()
        await run_in_threadpool(self._end, account, where, ok)
        return ok

    def _verify(self, username: str, password: str) -> bool:
        with read_conn(self.engine) as conn:
            return admin.check_officer(conn, username, password)

    def _begin(self, account: str | None, where: str) -> None:
        """Count the attempt against the address and the account, or refuse it."""
        pol, now = self.policy, time.time()
        refusal = None
        with write_conn(self.engine) as conn, conn.begin():
            addr = _row(conn, where, now)
            failures, start = addr.failures, addr.window_start
            if start + pol.address_window_seconds <= now:
                failures, start = 0, now
            if failures >= pol.address_failures:
                refusal = Throttled("address", start + pol.address_window_seconds - now)
            else:
                failures += 1
            _set(conn, where, failures=failures, window_start=start)
            if refusal is None and account is not None:
                acc = _row(conn, account, now)
                if acc.locked_until is not None and acc.locked_until > now:
                    refusal = Throttled("account", acc.locked_until - now)
                    _set(conn, where, failures=failures - 1)  # a refused attempt checks nothing
                else:
                    count = (0 if acc.locked_until is not None else acc.failures) + 1
                    locked = None
                    if count > pol.account_failures:  # guesses sent at once, past the limit
                        locked = now + pol.account_lock_seconds
                        refusal = Throttled("account", pol.account_lock_seconds)
                    _set(conn, account, failures=count, locked_until=locked, window_start=now)
        if refusal is not None:
            raise refusal

    # Rows are always locked address first, then account (as ``_begin``
    # does), so two logins never wait on each other in a circle.

    def _end(self, account: str, where: str, ok: bool) -> None:
        pol, now = self.policy, time.time()
        with write_conn(self.engine) as conn, conn.begin():
            if ok:
                conn.execute(login_throttle.update().where(login_throttle.c.key == where,
                                                           login_throttle.c.failures > 0)
                             .values(failures=login_throttle.c.failures - 1))
                _set(conn, account, failures=0, locked_until=None)
                return
            acc = _row(conn, account, now)
            if acc.failures >= pol.account_failures and (acc.locked_until or 0) <= now:
                _set(conn, account, locked_until=now + pol.account_lock_seconds)
                log.warning("officer login: %s locked for %d s after %d failures (last from %s)",
                            account, pol.account_lock_seconds, acc.failures, where)
        self._forget_stale(now)

    def _forget_stale(self, now: float) -> None:
        """Drop rows that no longer limit anyone (the table stays small).
        Best effort, in its own transaction: a clash with a login in flight
        only leaves the rows for the next failure to drop."""
        pol = self.policy
        stale = now - max(pol.address_window_seconds, pol.account_lock_seconds)
        try:
            with write_conn(self.engine) as conn, conn.begin():
                conn.execute(login_throttle.delete().where(
                    login_throttle.c.window_start < stale,
                    sa.or_(login_throttle.c.locked_until.is_(None), login_throttle.c.locked_until < now)))
        except sa.exc.DBAPIError:
            log.info("login throttle: stale rows left for later (clashed with a login)")

    def _undo(self, account: str, where: str) -> None:
        """A login that never had its turn counts against no one."""
        with write_conn(self.engine) as conn, conn.begin():
            for key in (where, account):
                conn.execute(login_throttle.update().where(login_throttle.c.key == key,
                                                           login_throttle.c.failures > 0)
                             .values(failures=login_throttle.c.failures - 1))

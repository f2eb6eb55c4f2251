"""Issue 12, point 5: officers' logins are throttled per account and per
address, and argon2 never runs more than a few checks at once.

Modelled on the outside probe: a stream of wrong guesses, then the right
password (it must stay refused while the account is locked), and logins
hammered from many threads while /health must keep answering quickly.
"""
from __future__ import annotations

import base64
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.login_guard import LoginPolicy
from tests.server_fixtures import BACKENDS, ServerRunner, fresh_database

OFFICER, PASSWORD = "canbo.so", "mat khau can bo"


def _start(request, tmp_path_factory, name: str, url: str | None = None, **policy) -> ServerRunner:
    url = url or fresh_database(request.param, tmp_path_factory.mktemp(name), name)
    runner = ServerRunner(url, budget=None, login_policy=LoginPolicy(**policy) if policy else None).start()
    request.addfinalizer(runner.stop)
    with write_conn(runner.engine) as conn, conn.begin():
        admin.add_officer(conn, OFFICER, PASSWORD)
    return runner


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request


def _login(server, username: str, password: str) -> requests.Response:
    return requests.post(f"{server.url}/login", data={"username": username, "password": password},
                         allow_redirects=False, timeout=60)


def _basic(username: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def test_fifty_wrong_guesses_lock_the_account_and_the_right_password_stays_refused(backend, tmp_path_factory):
    server = _start(backend, tmp_path_factory, "lock")
    started = time.monotonic()
    statuses = [_login(server, OFFICER, f"sai mat khau {i}").status_code for i in range(50)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    assert time.monotonic() - started < 20  # the 45 refused guesses cost no argon2
    r = _login(server, OFFICER, PASSWORD)
    assert r.status_code == 429 and "ps_session" not in r.cookies
    assert 14 * 60 <= int(r.headers["Retry-After"]) <= 15 * 60
    assert "tạm khóa" in r.text
    r = requests.get(f"{server.url}/v1/indicators", headers=_basic(OFFICER, PASSWORD), timeout=30)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert r.json()["error"] == "login-throttled" and "locked" in r.json()["message_en"]
    # another officer's account is not locked by it (the address saw only 5 failures)
    with write_conn(server.engine) as conn, conn.begin():
        admin.add_officer(conn, "canbo.hai", PASSWORD)
    assert _login(server, "canbo.hai", PASSWORD).status_code == 303


def test_the_lock_ends_and_a_good_login_clears_the_count(backend, tmp_path_factory):
    server = _start(backend, tmp_path_factory, "unlock", account_lock_seconds=1.5)
    assert [_login(server, OFFICER, "sai").status_code for _ in range(5)] == [401] * 5
    assert _login(server, OFFICER, PASSWORD).status_code == 429
    time.sleep(1.6)
    assert _login(server, OFFICER, PASSWORD).status_code == 303
    # the count started again: four more failures do not lock
    assert [_login(server, OFFICER, "sai").status_code for _ in range(4)] == [401] * 4
    assert _login(server, OFFICER, PASSWORD).status_code == 303


def test_an_address_that_fails_too_often_gets_429_with_retry_after(backend, tmp_path_factory):
    server = _start(backend, tmp_path_factory, "address", address_failures=12, address_window_seconds=600)
    names = [f"khach{i}" for i in range(12)] + ["KHÔNG HỢP LỆ"]  # unknown officers, and a name no one can have
    started = time.monotonic()
    statuses = [_login(server, name, "sai").status_code for name in names]
    assert statuses == [401] * 12 + [429]
    r = _login(server, OFFICER, PASSWORD)
    # the window opened with the first failure
    assert r.status_code == 429 and 600 - (time.monotonic() - started) - 1 <= int(r.headers["Retry-After"]) <= 600
    assert "đăng nhập sai quá nhiều lần" in r.text
    assert requests.get(f"{server.url}/v1/indicators", headers=_basic(OFFICER, PASSWORD),
                        timeout=30).status_code == 429


def test_a_lock_holds_across_server_processes_sharing_the_database(backend, tmp_path_factory):
    first = _start(backend, tmp_path_factory, "shared")
    second = _start(backend, tmp_path_factory, "shared", url=first.engine.url.render_as_string(hide_password=False))
    assert [_login(first, OFFICER, "sai").status_code for _ in range(5)] == [401] * 5
    assert _login(second, OFFICER, PASSWORD).status_code == 429


def _peak_rss_reset() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_hammered_logins_keep_argon2_bounded_and_health_fast(backend, tmp_path_factory):
    server = _start(backend, tmp_path_factory, "hammer", address_failures=100_000, account_failures=100_000,
                    concurrent_hashes=2, hash_wait_seconds=1.0)
    guard = server.server.config.app.state.login_guard
    if not _peak_rss_reset():
        pytest.skip("cannot reset the peak RSS (/proc/self/clear_refs) on this system")
    before = _peak_rss_mib()
    statuses: list[int] = []
    health: list[float] = []
    stop = threading.Event()

    def hammer(i: int) -> None:
        while not stop.is_set():
            r = _login(server, f"khach{i}", "sai")
            statuses.append(r.status_code)
            if r.status_code == 503:
                assert int(r.headers["Retry-After"]) > 0

    with ThreadPoolExecutor(16) as pool:
        for i in range(16):
            pool.submit(hammer, i)
        try:
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline:
                t0 = time.monotonic()
                assert requests.get(f"{server.url}/health", timeout=10).status_code == 200
                health.append(time.monotonic() - t0)
                time.sleep(0.2)
        finally:
            stop.set()
    assert len(statuses) >= 16 and set(statuses) <= {401, 503}, set(statuses)
    assert 1 <= guard.peak_hashing <= 2
    assert max(health) < 1.0, health
    # 16 unbounded argon2 checks would take 16 x 64 MiB; two at a time, 128 MiB
    assert _peak_rss_mib() - before < 2 * 64 + 150

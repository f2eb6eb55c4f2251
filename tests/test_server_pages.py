"""Issue 12, point 6: the officers' HTML pages escape what they echo and
carry a strict Content-Security-Policy; the session cookie is HttpOnly,
SameSite=Strict, and Secure when served over TLS.

Modelled on the outside probe: ``<script>alert(1)</script>`` in every query
parameter of every HTML page (the pages are found in the served OpenAPI,
so a new page is probed without editing this test).
"""
from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import threading
import time

import pytest
import requests
import uvicorn

from provincial_server import admin
from provincial_server.api import create_app
from provincial_server.db import write_conn
from tests.server_fixtures import BACKENDS, free_port, server_for

PAYLOAD = "<script>alert(1)</script>"
OFFICER, PASSWORD = "canbo.so", "mat khau can bo"


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "pages", budget=None)
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, OFFICER, PASSWORD)
        admin.add_facility(conn, "XSS-1", f"Trung tâm {PAYLOAD} & <b>đậm</b>", 20)
    return s


@pytest.fixture(scope="module")
def officer(server) -> requests.Session:
    s = requests.Session()
    r = s.post(f"{server.url}/login", data={"username": OFFICER, "password": PASSWORD}, allow_redirects=False,
               timeout=30)
    assert r.status_code == 303
    return s


def _html_pages(server) -> list[tuple[str, str, list[str]]]:
    spec = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if any("text/html" in (answer.get("content") or {}) for answer in op["responses"].values()):
                params = [x["name"] for x in op.get("parameters", []) if x["in"] == "query"]
                out.append((method.upper(), path, params))
    return out


def _assert_strict_headers(r: requests.Response) -> None:
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"


def test_every_html_page_escapes_the_probe_in_every_query_parameter(server, officer):
    pages = _html_pages(server)
    assert {(m, p) for m, p, _ in pages} >= {("GET", "/indicators"), ("GET", "/login"), ("POST", "/login")}
    assert ("GET", "/indicators", ["period", "stale_days"]) in pages
    looked = 0
    for method, path, params in pages:
        for client in (officer, requests.Session()):
            query = {name: PAYLOAD for name in params} or {"x": PAYLOAD}
            form = {"username": PAYLOAD, "password": PAYLOAD} if method == "POST" else None
            r = client.request(method, f"{server.url}{path}", params=query, data=form, allow_redirects=False,
                               timeout=30)
            assert r.status_code < 500, (method, path, r.status_code)
            assert PAYLOAD not in r.text and "<script" not in r.text.lower(), (method, path, r.text[:500])
            _assert_strict_headers(r)
            looked += 1
    # the probe's page: the period's message comes back, escaped
    r = officer.get(f"{server.url}/indicators", params={"period": PAYLOAD}, timeout=30)
    assert r.status_code == 422 and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert looked >= 6


def test_stored_names_are_escaped_on_the_indicators_page(server, officer):
    r = officer.get(f"{server.url}/indicators", timeout=30)
    assert r.status_code == 200
    assert "Trung tâm &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in r.text
    assert "<script" not in r.text.lower() and "<b>" not in r.text
    _assert_strict_headers(r)


def test_the_policy_allows_the_pages_own_style_and_nothing_else(server, officer):
    r = officer.get(f"{server.url}/indicators", timeout=30)
    style = re.search(r"<style>(.*?)</style>", r.text, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in r.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
    assert " style=" not in r.text  # inline style attributes would be blocked


def test_json_answers_carry_the_headers_too_and_docs_need_no_cdn(server):
    r = requests.get(f"{server.url}/health", timeout=10)
    assert r.headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in r.headers
    assert requests.get(f"{server.url}/docs", timeout=10).status_code == 404
    assert requests.get(f"{server.url}/openapi.json", timeout=10).status_code == 200


def _cookie_flags(r: requests.Response) -> str:
    header = r.headers["set-cookie"]
    assert header.startswith("ps_session=")
    return header.lower()


def test_the_session_cookie_over_plain_http_is_httponly_and_strict(server):
    r = requests.post(f"{server.url}/login", data={"username": OFFICER, "password": PASSWORD},
                      allow_redirects=False, timeout=30)
    flags = _cookie_flags(r)
    assert "httponly" in flags and "samesite=strict" in flags and "secure" not in flags


def test_the_session_cookie_is_secure_behind_a_local_tls_proxy(server):
    """A reverse proxy on the same machine that terminates TLS says so with
    X-Forwarded-Proto (uvicorn trusts it from 127.0.0.1 only)."""
    r = requests.post(f"{server.url}/login", data={"username": OFFICER, "password": PASSWORD},
                      headers={"X-Forwarded-Proto": "https"}, allow_redirects=False, timeout=30)
    flags = _cookie_flags(r)
    assert "; secure" in flags and "httponly" in flags and "samesite=strict" in flags


def test_the_session_cookie_is_secure_when_served_over_tls(server, tmp_path):
    """The server itself on TLS (``serve --ssl-certfile/--ssl-keyfile``)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True, timeout=60)
    port = free_port()
    tls = uvicorn.Server(uvicorn.Config(create_app(engine=server.engine, budget=None), host="127.0.0.1",
                                        port=port, ssl_certfile=str(cert), ssl_keyfile=str(key),
                                        log_level="warning", lifespan="off"))
    thread = threading.Thread(target=tls.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not tls.started:
            assert time.monotonic() < deadline and thread.is_alive()
            time.sleep(0.02)
        r = requests.post(f"https://127.0.0.1:{port}/login", data={"username": OFFICER, "password": PASSWORD},
                          allow_redirects=False, timeout=30, verify=str(cert))
        flags = _cookie_flags(r)
        assert "; secure" in flags and "httponly" in flags and "samesite=strict" in flags
    finally:
        tls.should_exit = True
        thread.join(10)

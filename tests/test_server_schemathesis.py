"""Schemathesis against the served /openapi.json: no input the spec allows
(and none of its near misses) makes the server answer 5xx, and every
status it answers is one the operation documents. Every operation is
probed, the officers' HTML pages included. Bounded and deterministic:
``EXAMPLES`` per operation, derandomised (about a minute for both
databases on a loaded two-core machine)."""
from __future__ import annotations

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from provincial_server import admin
from provincial_server.db import write_conn
from tests.server_fixtures import BACKENDS, FakePC, server_for

OFFICER = ("canbo.so", "mat khau can bo")
EXAMPLES = 25


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    server = server_for(request, tmp_path_factory, "fuzz", budget=None)  # every example reaches the handlers
    facility = server.add_facility("FUZZ-1")
    with write_conn(server.engine) as conn, conn.begin():
        admin.add_officer(conn, *OFFICER)
    return server, FakePC.enrol(server, facility)


def _operations(server):
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    return [result.ok() for result in schema.get_all_operations()]


def test_no_server_errors(api):
    server, pc = api
    operations = _operations(server)
    assert {(op.method.upper(), op.path) for op in operations} >= {
        ("POST", "/v1/push"), ("GET", "/v1/pull"), ("POST", "/v1/enrol"), ("GET", "/v1/conflicts"),
        ("POST", "/v1/conflicts/{conflict_id}/resolve"), ("GET", "/health"), ("GET", "/v1/indicators"),
        ("GET", "/indicators"), ("GET", "/login"), ("POST", "/login")}
    failures = []
    # the officer's session cookie (Basic would cost an argon2 check per request)
    login = requests.post(f"{server.url}/login", data=dict(zip(("username", "password"), OFFICER)),
                          allow_redirects=False, timeout=30)
    officer = {"Cookie": f"ps_session={login.cookies['ps_session']}"}
    for operation in operations:
        if operation.path.endswith("indicators") or operation.path.startswith(("/v1/dashboard", "/facilities",
                                                                                "/v1/facilities")):
            headers = officer
        elif operation.path == "/login":
            headers = {}
        else:
            headers = {"Authorization": f"Bearer {pc.token}"}
        documented = set(operation.definition.raw["responses"])

        @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=headers, timeout=30, allow_redirects=False)
            if response.status_code >= 500 and response.status_code != 503:
                failures.append((case.method, case.path, response.status_code, response.text[:300]))
                return
            if str(response.status_code) not in documented:
                failures.append((case.method, case.path, response.status_code, "undocumented status"))
                return
            csp = (response.headers.get("content-security-policy") or [""])[0]
            if "default-src 'none'" not in csp or "frame-ancestors 'none'" not in csp \
                    or (response.headers.get("x-content-type-options") or [""])[0] != "nosniff":
                failures.append((case.method, case.path, response.status_code, "security headers missing"))
                return
            ctype = response.headers.get("content-type") or [""]  # schemathesis keeps header lists
            if response.status_code >= 400 and ctype[0].startswith("application/json"):
                body = response.json()
                if not (body.get("error") and body.get("message_vi") and body.get("message_en")):
                    failures.append((case.method, case.path, response.status_code, body))

        check()
        assert requests.get(f"{server.url}/health", timeout=10).status_code == 200
    assert failures == []

"""The province dashboard in a real browser: 34 facilities of three types,
rendered by headless Chromium (Debian's package; scripts/test.sh installs
it) as the officer's session received it, under the server's own strict
Content-Security-Policy (carried into the saved page as a meta tag). The screenshot is kept for a person to
look at (FACILITY_SCREENSHOT_DIR) and checked here for what a browser
that dropped the page's style or chart would show instead.

SQLite only: this is about what the page looks like, which the database
does not change (test_server_province runs the figures on both).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import requests
from PIL import Image

from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.entities import today_in_vietnam
from tests.server_fixtures import FakePC, checkup_fields, resident_fields, server_for

PASSWORD = "mat khau can bo"
TYPES = ("merit-care", "social-assistance", "drug-rehab")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture(scope="module", params=["sqlite"])
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "browser")
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, "so.tinh", PASSWORD)
    day = today_in_vietnam().replace(day=1).isoformat()
    for i in range(34):
        code = f"CS-{i + 1:02d}"
        s.add_facility(code, f"Cơ sở {i + 1}")
        pc = FakePC.enrol(s, code)
        pc.change("facility", str(uuid.uuid4()), "insert", {
            "code": code, "name": f"Trung tâm số {i + 1} tỉnh Lạng Sơn", "type": TYPES[i % 3], "province_code": 20,
            "provincial_target_2025": 0.85, "provincial_target_2030": 1.0})
        ids = [str(uuid.uuid4()) for _ in range(3 + i % 5)]
        for k, rid in enumerate(ids):
            pc.change("residents", rid, "insert", resident_fields(f"Nguyễn Văn {chr(65 + k)}"))
        for rid in ids[: 1 + i % 4]:
            pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(rid, checkup_date=day))
        pc.push()
    with s.engine.begin() as conn:  # two facilities went silent a month ago
        conn.exec_driver_sql("UPDATE devices SET last_seen_at = '2000-01-01T00:00:00+00:00' "
                             "WHERE facility_code IN ('CS-07', 'CS-21')")
    return s


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "headless Chromium is needed (apt-get install chromium; scripts/test.sh installs it)"
    return found


def test_the_dashboard_of_34_facilities_renders_in_chromium(server, tmp_path):
    # Chromium sends no credentials before a 401 and the page redirects to the
    # login form instead, so the test logs in itself and the browser renders
    # the page it was served, under the policy the server sent with it
    session = requests.Session()
    r = session.post(f"{server.url}/login", data={"username": "so.tinh", "password": PASSWORD},
                     allow_redirects=False, timeout=30)
    assert r.status_code == 303
    r = session.get(f"{server.url}/indicators", timeout=120)
    assert r.status_code == 200
    policy = r.headers["content-security-policy"].replace("frame-ancestors 'none'; ", "")  # headers only
    saved = tmp_path / "dashboard.html"
    saved.write_text(r.text.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta http-equiv='
                                    f'"Content-Security-Policy" content="{policy}">', 1), encoding="utf-8")
    url = saved.as_uri()
    shot = tmp_path / "dashboard.png"
    with tempfile.TemporaryDirectory() as profile:
        flags = CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]
        dom = subprocess.run([_chromium(), *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
        subprocess.run([_chromium(), *flags, f"--screenshot={shot}", "--window-size=1400,1000", url],
                       capture_output=True, timeout=120, check=True)
    keep = os.environ.get("FACILITY_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "province-dashboard-34.png")
    # the browser got the page itself (not the login form) with every facility and the chart
    assert "Bảng điều khiển của tỉnh" in dom.stdout, dom.stderr[-2000:]
    assert dom.stdout.count('href="/facilities/CS-') == 34
    assert "<svg" in dom.stdout and "Cơ sở cần liên hệ (2)" in dom.stdout
    image = Image.open(shot).convert("RGB")
    assert image.size == (1400, 1000)
    colours = image.getcolors(maxcolors=1 << 20)
    # the chart's bars (#3b6ea5) and the warning box's border (#b71c1c) were drawn: style and SVG applied
    present = {c for _, c in colours}
    assert (0x3B, 0x6E, 0xA5) in present and (0xB7, 0x1C, 0x1C) in present
    # three tables (targets, totals, facilities), not one per facility
    assert dom.stdout.count("<table") == 3

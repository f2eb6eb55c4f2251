"""Fixtures for the report screens' tests (tests/test_ui_reports*.py).

A real encrypted store with the report tests' known facility
(tests/reports_fixtures.py: seven made-up residents, no real person), real
services, the dialogs over ``Session(services, actor, lang)``, offscreen.
The translations come from ``ui_shell_fixtures`` (every translations/*.ts
compiled into a temp folder, QSettings in a temp folder). Screenshots go to
$REPORT_SCREENSHOTS or a temp folder, never into the repository.
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pypdf
import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication, QMessageBox

from facility_app.storage.tables import audit_log
from facility_app.ui import workers
from facility_app.ui.session import Session
from tests.reports_fixtures import make_fixture_store

FACILITY_NAME = "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """(services, residents by letter) over one store for the module."""
    services, residents = make_fixture_store(tmp_path_factory.mktemp("ui-reports") / "data")
    yield services, residents
    services.close()


def session(services, actor, lang: str = "vi") -> Session:
    return Session(services, actor, lang)


def wait_done(qtbot, timeout: int = 20_000) -> None:
    """Until every background job has reported back to the GUI thread."""
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=timeout)
    QApplication.processEvents()


def audit_rows(services) -> list[dict]:
    with services.store.read() as conn:
        rows = conn.execute(sa.select(audit_log).where(audit_log.c.action == "run-report")
                            .order_by(audit_log.c.seq)).mappings().all()
    return [dict(r, detail=json.loads(r["detail"])) for r in rows]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def pdf_page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def close_boxes() -> None:
    for box in message_boxes():
        box.done(0)


@pytest.fixture(scope="session")
def report_shots(tmp_path_factory) -> Path:
    chosen = os.environ.get("REPORT_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("report-screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

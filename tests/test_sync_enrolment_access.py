"""Enrolling a PC with the provincial server is an admin's act, and audited."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from care_core.domain.messages import PermissionDenied
from facility_app.storage.tables import audit_log, sync_state
from facility_app.sync import setup

from .conftest import ADMIN, DIRECTOR, DOCTOR, NURSE, make_services
from .sync_fixtures import sqlite_server  # noqa: F401 - fixture


@pytest.mark.parametrize("actor", [NURSE, DOCTOR, DIRECTOR], ids=lambda a: a.role.value)
def test_only_an_admin_may_enrol(tmp_path, sqlite_server, actor):  # noqa: F811
    services = make_services(tmp_path / "pc")
    _, code = sqlite_server.enrol_code("pc")
    with pytest.raises(PermissionDenied) as refused:
        setup.enrol(services.store, sqlite_server.base_url, code, actor=actor)
    assert "đăng ký máy" in refused.value.message("vi")
    with services.store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(sync_state)).scalar() == 0
    services.close()


def test_an_admins_enrolment_is_audited_without_the_token(tmp_path, sqlite_server):  # noqa: F811
    services = make_services(tmp_path / "pc")
    _, code = sqlite_server.enrol_code("pc")
    answer = setup.enrol(services.store, sqlite_server.base_url, code, actor=ADMIN)
    with services.store.read() as conn:
        rows = conn.execute(sa.select(audit_log).where(audit_log.c.action == "enrol-device")).mappings().all()
    assert len(rows) == 1 and rows[0]["actor"] == ADMIN.username
    assert sqlite_server.base_url in rows[0]["detail"] and answer.token not in rows[0]["detail"]
    assert all(ok for _, ok, _ in services.store.verify())
    services.close()

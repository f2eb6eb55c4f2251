"""Demo accounts: a nurse, a doctor and a director a demo can log in as,
made through the user service (argon2, audited), printed by the launcher
and listed in the README; their passwords never reach a log."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from care_core.domain.enums import Role
from care_core.domain.permissions import Permission, allowed
from facility_app import demo
from facility_app.services.container import Services
from facility_app.services.users import LoginRefused
from facility_app.storage.store import Store
from facility_app.storage.tables import users
from tests.conftest import TODAY
from tests.store_fixtures import PASSPHRASE, assert_one_line_error, init_args, run_cli

ROOT = Path(__file__).resolve().parent.parent


def _services(folder) -> Services:
    return Services(Store.open(folder, PASSPHRASE), today=lambda: TODAY)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-accounts") / "data"
    assert run_cli(folder, *init_args()).returncode == 0
    first = run_cli(folder, "demo", "--residents", "3", "--seed", "2", "--accounts")
    second = run_cli(folder, "demo", "--accounts", lang="en")  # accounts only (the launcher, on an older demo store)
    return folder, first, second


def test_the_three_roles_of_the_main_task_are_covered():
    roles = [a.role for a in demo.DEMO_ACCOUNTS]
    assert sorted(roles, key=str) == sorted([Role.NURSE, Role.DOCTOR, Role.DIRECTOR], key=str)
    nurse = next(a for a in demo.DEMO_ACCOUNTS if a.role == Role.NURSE)
    assert allowed(nurse.role, Permission.RECORD_CLINICAL) and not allowed(Role.ADMIN, Permission.RECORD_CLINICAL)


def test_cli_adds_accounts_once_and_each_logs_in_with_its_role(made):
    folder, first, second = made
    assert first.returncode == 0, first.stderr
    assert "Đã thêm tài khoản mẫu: dieuduong (nurse), bacsi (doctor), giamdoc (director)" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "Demo accounts added: -" in second.stdout  # a second run adds none, refuses nothing
    assert "Demo data created" not in second.stdout
    s = _services(folder)
    try:
        for account in demo.DEMO_ACCOUNTS:
            actor = s.users.login(account.username, account.password)
            assert actor.role == account.role
            with pytest.raises(LoginRefused):
                s.users.login(account.username, account.password + "x")
        with s.store.read() as conn:
            hashes = [h for (h,) in conn.execute(sa.select(users.c.password_hash))]
        assert len(hashes) == 4 and all(h.startswith("$argon2id$") for h in hashes)
    finally:
        s.close()


def test_passwords_reach_no_log_and_no_output(made):
    folder, first, second = made
    logs = [p.read_text(errors="replace") for p in (folder / "logs").rglob("*") if p.is_file()]
    assert logs, "the CLI writes a log beside the store"
    for account in demo.DEMO_ACCOUNTS:
        for text in [first.stdout, first.stderr, second.stdout, second.stderr, *logs]:
            assert account.password not in text


def test_launcher_and_readme_give_the_same_accounts():
    launcher = (ROOT / "scripts" / "launch.sh").read_text()
    readme = (ROOT / "README.md").read_text()
    for account in demo.DEMO_ACCOUNTS:
        assert f"{account.username} / {account.password}" in launcher
        assert f"`{account.username}` / `{account.password}`" in readme


def test_demo_needs_residents_or_accounts(made, tmp_path):
    folder, _, _ = made
    assert "--accounts" in assert_one_line_error(run_cli(folder, "demo"))

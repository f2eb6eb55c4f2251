"""Demo accounts: a nurse, a doctor and a director with published demo passwords."""
from __future__ import annotations

from dataclasses import dataclass

from care_core.domain.entities import Actor
from care_core.domain.enums import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    password: str  # published demo password: never use on real data


DEMO_ACCOUNTS = (
    DemoAccount("dieuduong", "Hoàng Thị Lan", Role.NURSE, "dieuduong-demo-2026"),
    DemoAccount("bacsi", "Trần Văn Bình", Role.DOCTOR, "bacsi-demo-2026"),
    DemoAccount("giamdoc", "Nguyễn Thu Hà", Role.DIRECTOR, "giamdoc-demo-2026"),
)


def add_demo_accounts(services, actor: Actor) -> list[DemoAccount]:
    """Add the demo accounts that do not exist yet (a second run adds none);
    returns those added."""
    existing = {u.username for u in services.users.list(actor)}
    added = []
    for account in DEMO_ACCOUNTS:
        if account.username not in existing:
            services.users.add(actor, account.username, account.full_name, account.role, account.password)
            added.append(account)
    return added

"""User accounts: argon2id password hashes, lockout after repeated failures."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from care_core.domain import rules
from care_core.domain.entities import Actor, User
from care_core.domain.enums import Role
from care_core.domain.messages import ActionError, Problem
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.tables import users
from .base import Service, not_found

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
_hasher = PasswordHasher()


class LoginRefused(ActionError):
    pass


def _bad_login() -> LoginRefused:
    return LoginRefused("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")


class UserService(Service):
    def add(self, actor: Actor, username: str, full_name: str, role: Role, password: str) -> User:
        self.require(actor, Permission.MANAGE_USERS)
        username = (username or "").strip().lower()
        problems = rules.check_username(username) + rules.check_password(password)
        if not (full_name or "").strip():
            problems.append(Problem("full_name", "required"))
        else:
            problems += rules.check_person_name("full_name", full_name, full=False)
        if role not in (Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN):
            problems.append(Problem("role", "choice", {"value": role, "choices": "nurse, doctor, director, admin"}))
        user = User(username, (full_name or "").strip(), role)
        with self.store.write(actor, "add-user") as w:
            if repo.user_row(w.conn, username) is not None:
                problems.append(Problem("username", "duplicate", {"value": username}))
            rules.ensure(problems)
            w.insert(users, {"id": user.id, "username": username, "full_name": user.full_name,
                             "role": role.value, "password_hash": _hasher.hash(password), "active": True})
        user.version = 1
        return user

    def list(self, actor: Actor) -> list[User]:
        self.require(actor, Permission.MANAGE_USERS)
        with self.store.read() as conn:
            return repo.all_users(conn)

    def count(self) -> int:
        """How many accounts exist (the first-run wizard asks, before anyone logs in)."""
        with self.store.read() as conn:
            return len(repo.all_users(conn))

    def own_name(self, actor: Actor) -> str:
        """The logged-in person's full name, to sign what they record ("" for the CLI)."""
        with self.store.read() as conn:
            row = repo.user_row(conn, actor.username)
        return row["full_name"] if row is not None else ""

    def _row(self, conn, username: str):
        row = repo.user_row(conn, (username or "").strip().lower())
        if row is None:
            raise not_found("người dùng", "user", username)
        return row

    def set_active(self, actor: Actor, username: str, active: bool) -> None:
        self.require(actor, Permission.MANAGE_USERS)
        with self.store.write(actor, "enable-user" if active else "disable-user") as w:
            row = self._row(w.conn, username)
            if row["username"] == actor.username and not active:
                raise ActionError("Không thể tự khóa tài khoản của chính mình.", "You cannot disable your own account.")
            if row["active"] == active:
                return
            w.update(users, row["id"], {"active": active})

    def rename(self, actor: Actor, username: str, new_username: str) -> None:
        """Give an account another login name (how a name two PCs both gave
        out offline is settled); the password and role stay."""
        self.require(actor, Permission.MANAGE_USERS)
        new_username = (new_username or "").strip().lower()
        rules.ensure(rules.check_username(new_username))
        with self.store.write(actor, "rename-user") as w:
            row = self._row(w.conn, username)
            if new_username == row["username"]:
                return
            if repo.user_row(w.conn, new_username) is not None:
                rules.ensure([Problem("username", "duplicate", {"value": new_username})])
            w.update(users, row["id"], {"username": new_username})
            repo.clear_login_state(w.conn, row["username"])

    def reset_password(self, actor: Actor, username: str, new_password: str) -> None:
        self.require(actor, Permission.MANAGE_USERS)
        rules.ensure(rules.check_password(new_password))
        with self.store.write(actor, "reset-password") as w:
            row = self._row(w.conn, username)
            w.update(users, row["id"], {"password_hash": _hasher.hash(new_password)})
            repo.clear_login_state(w.conn, row["username"])

    def login(self, username: str, password: str, now: datetime | None = None) -> Actor:
        """Check a password; after MAX_FAILURES wrong ones the account waits LOCKOUT."""
        now = now or datetime.now(timezone.utc)
        username = (username or "").strip().lower()
        system = Actor(username or "?", Role.SYSTEM)
        with self.store.write(system, "login") as w:
            state = repo.login_state_of(w.conn, username)
            if state and state["locked_until"] and datetime.fromisoformat(state["locked_until"]) > now:
                minutes = int((datetime.fromisoformat(state["locked_until"]) - now).total_seconds() // 60) + 1
                raise LoginRefused(
                    f"Tài khoản tạm khóa do nhập sai mật khẩu {MAX_FAILURES} lần; thử lại sau {minutes} phút hoặc nhờ quản trị đặt lại mật khẩu.",
                    f"Account locked after {MAX_FAILURES} wrong passwords; try again in {minutes} min or ask an admin to reset the password.",
                )
            row = repo.user_row(w.conn, username)
            ok = False
            if row is not None:
                try:
                    ok = _hasher.verify(row["password_hash"], password or "")
                except (VerificationError, InvalidHashError):
                    ok = False
            if ok and row["active"]:
                repo.clear_login_state(w.conn, username)
                w.audit_only("users", row["id"], {"result": "ok"})
                return Actor(row["username"], Role(row["role"]), row["id"])
            if ok:  # right password, disabled account
                w.audit_only("users", row["id"], {"result": "disabled"})
            else:
                failures = (state["failed_attempts"] if state else 0) + 1
                locked = (now + LOCKOUT).isoformat() if failures >= MAX_FAILURES else None
                repo.set_login_state(w.conn, username, 0 if locked else failures, locked)
                w.audit_only("users", row["id"] if row is not None else "-", {"result": "locked" if locked else "failed"})
        if ok:  # said only to someone who knows the password
            raise LoginRefused("Tài khoản này đã bị khóa; liên hệ quản trị.", "This account is disabled; ask an admin.")
        raise _bad_login()

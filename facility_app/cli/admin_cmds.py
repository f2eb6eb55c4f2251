"""users add | list | disable | enable | reset-password | rename;
settings show | set (the report form's settings)."""
from __future__ import annotations

from care_core.domain import report_form
from care_core.domain.enums import Role
from care_core.domain.messages import label
from care_core.domain.permissions import ROLE_NAMES
from .context import USER_PASSWORD_ENV, CliError, Context, secret

ROLES = [Role.NURSE.value, Role.DOCTOR.value, Role.DIRECTOR.value, Role.ADMIN.value]


def register(sub) -> None:
    users = sub.add_parser("users", help="manage user accounts").add_subparsers(dest="users_command", required=True, metavar="ACTION")
    p = users.add_parser("add", help=f"add an account (password from {USER_PASSWORD_ENV} or a prompt)")
    p.add_argument("username", metavar="USERNAME", help="user name for logging in (3–32 characters: a-z, 0-9, dot, underscore)")
    p.add_argument("--role", required=True, choices=ROLES, help="{roles}")
    p.add_argument("--full-name", required=True, help="the user's full name")
    p.set_defaults(handler=cmd_add)
    p = users.add_parser("list", help="list accounts")
    p.set_defaults(handler=cmd_list)
    for name, handler in (("disable", cmd_disable), ("enable", cmd_enable)):
        p = users.add_parser(name, help=f"{name} an account")
        p.add_argument("username", metavar="USERNAME", help="the account's user name")
        p.set_defaults(handler=handler)
    p = users.add_parser("reset-password", help=f"set a new password (from {USER_PASSWORD_ENV} or a prompt)")
    p.add_argument("username", metavar="USERNAME", help="the account's user name")
    p.set_defaults(handler=cmd_reset)
    p = users.add_parser("rename", help="give an account another login name (e.g. after a name made on two PCs)")
    p.add_argument("username", metavar="USERNAME", help="the account's user name")
    p.add_argument("new_username", metavar="NEW_USERNAME", help="the login name it takes instead")
    p.set_defaults(handler=cmd_rename)

    settings = sub.add_parser("settings", help="the report form's settings (Decree 30): show or set one").add_subparsers(
        dest="settings_command", required=True, metavar="ACTION")
    p = settings.add_parser("show", help="list every setting with its value")
    p.set_defaults(handler=cmd_settings_show)
    p = settings.add_parser("set", help="set one setting (an empty VALUE clears it)")
    p.add_argument("key", metavar="KEY", choices=report_form.SETTINGS, help="{setting_keys}")
    p.add_argument("value", metavar="VALUE", help="the new value, in quotes when it holds spaces")
    p.set_defaults(handler=cmd_settings_set)


def _password(ctx: Context) -> str:
    return secret(USER_PASSWORD_ENV, "mật khẩu của người dùng", "User password", ctx.lang, confirm=True)


def cmd_add(ctx: Context, args) -> int:
    services = ctx.services()
    user = services.users.add(ctx.actor, args.username, args.full_name, Role(args.role), _password(ctx))
    ctx.say(f"Đã thêm người dùng {user.username}.", f"Added user {user.username}.")
    return 0


def cmd_list(ctx: Context, args) -> int:
    for u in ctx.services().users.list(ctx.actor):
        role = ROLE_NAMES[u.role][0 if ctx.lang == "vi" else 1]
        state = ("hoạt động" if u.active else "đã khóa") if ctx.lang == "vi" else ("active" if u.active else "disabled")
        print(f"{u.username}\t{role}\t{state}\t{u.full_name}")
    return 0


def cmd_disable(ctx: Context, args) -> int:
    ctx.services().users.set_active(ctx.actor, args.username, False)
    ctx.say(f"Đã khóa tài khoản {args.username}.", f"Disabled {args.username}.")
    return 0


def cmd_enable(ctx: Context, args) -> int:
    ctx.services().users.set_active(ctx.actor, args.username, True)
    ctx.say(f"Đã mở khóa tài khoản {args.username}.", f"Enabled {args.username}.")
    return 0


def cmd_reset(ctx: Context, args) -> int:
    services = ctx.services()
    services.users.reset_password(ctx.actor, args.username, _password(ctx))
    ctx.say(f"Đã đặt lại mật khẩu cho {args.username}.", f"Password reset for {args.username}.")
    return 0


def cmd_rename(ctx: Context, args) -> int:
    ctx.services().users.rename(ctx.actor, args.username, args.new_username)
    new = args.new_username.strip().lower()
    ctx.say(f"Đã đổi tên đăng nhập {args.username} thành {new}.", f"Renamed {args.username} to {new}.")
    return 0


def _facility(ctx: Context):
    f = ctx.services().facility.get()
    if f is None:  # a second PC before its first sync
        raise CliError("Kho dữ liệu chưa có thông tin cơ sở; hãy đồng bộ trước.",
                       "The store has no facility yet; sync first.")
    return f


def cmd_settings_show(ctx: Context, args) -> int:
    f = _facility(ctx)
    for key in report_form.SETTINGS:
        print(f"{key}\t{label(key, ctx.lang)}\t{report_form.show_setting(getattr(f, key))}")
    return 0


def cmd_settings_set(ctx: Context, args) -> int:
    value = report_form.parse_setting(args.key, args.value)
    facility = ctx.services().facility
    f = facility.update(ctx.actor, {args.key: value}, _facility(ctx).version)
    shown = report_form.show_setting(getattr(f, args.key))
    ctx.say(f"Đã đặt {label(args.key, 'vi')} ({args.key}) = “{shown}”.",
            f"Set {label(args.key, 'en')} ({args.key}) = “{shown}”.")
    return 0

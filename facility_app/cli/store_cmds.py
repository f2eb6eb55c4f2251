"""init, info, verify, backup, restore, rekey."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from care_core.domain import divisions, rules
from care_core.domain.entities import Facility
from care_core.domain.enums import FacilityType, Role
from care_core.domain.messages import Problem, ValidationError, facility_type_label
from ..services.container import Services
from ..storage.lock import LOCK_NAME
from ..storage.store import DB_NAME, INFO_NAME, Store, StoreDamaged
from .context import ADMIN_PASSWORD_ENV, NEW_PASSPHRASE_ENV, CliError, Context, secret


def register(sub) -> None:
    p = sub.add_parser("init", help="create the facility's encrypted store")
    p.add_argument("--facility-code", help="the facility's code from the province, e.g. TTBTXH-LS "
                   "(capital letters, digits, hyphens; cannot be changed later)")
    p.add_argument("--facility-name", help="the facility's full name, as on its decision of establishment")
    p.add_argument("--facility-type", choices=[t.value for t in FacilityType], help="{facility_types}")
    p.add_argument("--province", help="code or name of one of the 34 current provinces, "
                   "or a former province's name (e.g. Hải Dương)")
    p.add_argument("--admin-user", help="user name of the first administrator "
                   "(3–32 characters: a-z, 0-9, dot, underscore)")
    p.add_argument("--admin-full-name", default="Quản trị hệ thống",
                   help="the administrator's full name (default: Quản trị hệ thống)")
    p.add_argument("--join", nargs=2, metavar=("URL", "CODE"),
                   help="instead: join a facility that already syncs (a second PC): enrol, pull its records and users")
    p.add_argument("--ca-bundle", metavar="FILE.pem", help="with --join: the province's CA certificate file (PEM)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("info", help="facility, counts and store location")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("verify", help="check encryption, structure, schema level and audit chain")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("backup", help="write an encrypted backup (needs the passphrase to restore)")
    p.add_argument("file", metavar="FILE", help="the backup file to write (the destination; its folder must exist)")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into this data folder")
    p.add_argument("file", metavar="FILE", help="the backup file to restore from")
    p.add_argument("--yes", action="store_true", help="replace an existing store without asking")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("rekey", help="change the store passphrase")
    p.set_defaults(handler=cmd_rekey)


def parse_province(text: str | None) -> tuple[int | None, str | None]:
    """``--province``: a current code or name, or a former province's name;
    (current code, the former name when one was given)."""
    if not text or not text.strip():
        return None, None
    if text.strip().isdigit():
        return int(text), None
    found = divisions.find_province(text)
    if found is None:
        raise ValidationError([Problem("province_code", "unknown_province", {"value": text.strip()})])
    return found


def cmd_init(ctx: Context, args) -> int:
    if Store.exists(ctx.data_dir):
        raise CliError(f"Thư mục {ctx.data_dir} đã có kho dữ liệu; không thay đổi gì.",
                       f"{ctx.data_dir} already holds a store; nothing changed.")
    if args.join:
        from .sync_cmds import cmd_join
        return cmd_join(ctx, args)
    if not (args.facility_code and args.facility_name and args.facility_type and args.admin_user):
        raise CliError("init cần --facility-code, --facility-name, --facility-type và --admin-user "
                       "(hoặc --join ĐỊA_CHỈ MÃ cho máy thứ hai của cơ sở).",
                       "init needs --facility-code, --facility-name, --facility-type and --admin-user "
                       "(or --join URL CODE for a facility's second PC).")
    province, former = parse_province(args.province)
    facility = Facility(args.facility_code.strip().upper(), args.facility_name.strip(),
                        FacilityType(args.facility_type), province_code=province)
    if facility.province_code:
        facility.report_place = divisions.short_province_name(facility.province_code)
    rules.ensure(rules.check_facility(facility) + rules.check_username(args.admin_user.strip().lower()))
    if former:
        print(divisions.former_note(former, province, ctx.lang))
    passphrase = ctx.passphrase(confirm=True)
    rules.ensure(rules.check_passphrase(passphrase))
    password = secret(ADMIN_PASSWORD_ENV, "mật khẩu của quản trị", "Admin password", ctx.lang, confirm=True)
    rules.ensure(rules.check_password(password))
    existed = ctx.data_dir.exists()
    try:
        store = Store.create(ctx.data_dir, passphrase)
        services = Services(store)
        try:
            services.facility.initialise(ctx.actor, facility)
            services.users.add(ctx.actor, args.admin_user, args.admin_full_name, Role.ADMIN, password)
        finally:
            services.close()
    except BaseException:
        _remove_store(ctx.data_dir, existed)
        raise
    ctx.say(f"Đã tạo kho dữ liệu mã hóa cho {facility.name} ({facility.code}) tại {ctx.data_dir}.",
            f"Created the encrypted store for {facility.name} ({facility.code}) in {ctx.data_dir}.")
    return 0


def _remove_store(folder: Path, keep_folder: bool) -> None:
    if not keep_folder:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", INFO_NAME, LOCK_NAME):
        (folder / name).unlink(missing_ok=True)
    backups = folder / "backups"  # made by Store.create; the folder was the user's before
    if backups.is_dir() and not any(backups.iterdir()):
        backups.rmdir()


def cmd_info(ctx: Context, args) -> int:
    services = ctx.services()
    f = services.facility.get()
    people = services.residents.list(ctx.actor)
    present = sum(1 for r in people if r.discharge_date is None)
    kind = facility_type_label(f.type, ctx.lang)
    ctx.say(f"Cơ sở: {f.name} ({f.code})\nLoại hình: {kind}\nThư mục dữ liệu: {ctx.data_dir}\n"
            f"Đối tượng: {len(people)} (đang ở {present})",
            f"Facility: {f.name} ({f.code})\nType: {kind}\nData folder: {ctx.data_dir}\n"
            f"Residents: {len(people)} ({present} present)")
    return 0


def cmd_verify(ctx: Context, args) -> int:
    try:
        results = ctx.services().store.verify()
    except StoreDamaged:  # too damaged to open: still say which check and which pages fail
        results = Store.diagnose(ctx.data_dir, Store.unlock_key_unchecked(ctx.data_dir, ctx.passphrase()))
    for check, ok, detail in results:
        print(f"{'OK ' if ok else 'FAIL'} {check}: {detail}")
    if all(ok for _, ok, _ in results):
        return 0
    failed = ", ".join(check for check, ok, _ in results if not ok)
    raise CliError(f"Kiểm tra không đạt: {failed}.", f"Verification failed: {failed}.")


def cmd_backup(ctx: Context, args) -> int:
    dest = Path(args.file).expanduser().resolve()
    if not dest.parent.is_dir():
        raise CliError(f"Thư mục {dest.parent} không tồn tại.", f"Folder {dest.parent} does not exist.")
    ctx.services().exports.backup(ctx.actor, dest)
    ctx.say(f"Đã sao lưu (mã hóa) vào {dest}.", f"Encrypted backup written to {dest}.")
    return 0


def cmd_restore(ctx: Context, args) -> int:
    source = Path(args.file).expanduser().resolve()
    passphrase = ctx.passphrase()
    Store.check_backup(source, passphrase)  # wrong passphrase or damaged file: stop before asking
    replace = False
    if Store.exists(ctx.data_dir):
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("Thư mục đã có kho dữ liệu; thêm --yes để ghi đè (bản hiện tại được giữ trong backups/).",
                               "The folder already holds a store; add --yes to replace it (the current one is kept in backups/).")
            answer = input("Ghi đè kho dữ liệu hiện tại? [y/N] " if ctx.lang == "vi" else "Replace the current store? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "c", "co", "có"):
                ctx.say("Đã hủy; không thay đổi gì.", "Cancelled; nothing changed.")
                return 1
        replace = True
    store = Store.restore(source, ctx.data_dir, passphrase, replace=replace)
    store.close()
    ctx.say(f"Đã phục hồi từ {source} vào {ctx.data_dir}.", f"Restored {source} into {ctx.data_dir}.")
    return 0


def cmd_rekey(ctx: Context, args) -> int:
    services = ctx.services()
    new = secret(NEW_PASSPHRASE_ENV, "mật khẩu kho dữ liệu mới", "New store passphrase", ctx.lang, confirm=True)
    rules.ensure(rules.check_passphrase(new))
    with services.store.exclusive():  # refused while the app has the store open: no audit row then
        with services.store.write(ctx.actor, "rekey") as w:
            w.audit_only("store", "*", {"rekey": True})
        services.store.rekey(new)
    ctx.say("Đã đổi mật khẩu kho dữ liệu. Các bản sao lưu cũ vẫn cần mật khẩu cũ.",
            "Store passphrase changed. Older backups still need the old passphrase.")
    return 0

"""demo, export residents and stays, residents search, readmit."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from care_core.domain.enums import StayKind
from .context import CliError, Context


def register(sub) -> None:
    p = sub.add_parser("demo", help="fill the store with realistic demo residents and records")
    p.add_argument("--residents", type=int,
                   help="how many demo residents to create (1–20000; may be left out with --accounts)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data (default 1)")
    p.add_argument("--accounts", action="store_true",
                   help="also add demo accounts (nurse, doctor, director) with published demo passwords")
    p.set_defaults(handler=cmd_demo)

    export = sub.add_parser("export", help="export data (explicit action, audited)").add_subparsers(dest="what", required=True, metavar="WHAT")
    p = export.add_parser("residents", help="one row per resident, UTF-8 CSV with BOM for Excel")
    p.add_argument("file", metavar="FILE", help="the CSV file to write")
    p.set_defaults(handler=cmd_export_residents)
    p = export.add_parser("stays", help="one row per stay (a person who came three times has three rows), UTF-8 CSV with BOM")
    p.add_argument("file", metavar="FILE", help="the CSV file to write")
    p.set_defaults(handler=cmd_export_stays)
    p = export.add_parser("fhir", help="one resident's record as an HL7 FHIR R4 Bundle (JSON), for a hospital or another facility")
    p.add_argument("code", metavar="CODE", help="the resident's code, e.g. DT-00012")
    p.add_argument("--out", metavar="FILE.json", required=True, help="the JSON file to write")
    p.set_defaults(handler=cmd_export_fhir)

    residents = sub.add_parser("residents", help="find residents").add_subparsers(dest="residents_command", required=True, metavar="ACTION")
    p = residents.add_parser("search", help="code and full name of matching residents (accents optional)")
    p.add_argument("query", metavar="TEXT", help="name, code, room or CCCD number (accents optional)")
    p.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("merge", help="merge two records of one person: every record moves to the survivor (audited)")
    p.add_argument("survivor", metavar="SURVIVOR_CODE", help="the code of the record that stays, e.g. DT-00012")
    p.add_argument("merged", metavar="MERGED_CODE", help="the code of the record made by mistake; it is merged away")
    p.add_argument("--yes", action="store_true", help="merge without asking (after printing the comparison)")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("readmit", help="re-admit a discharged resident: a new stay on the same record")
    p.add_argument("code", metavar="CODE", help="the resident's code, e.g. DT-00012")
    p.add_argument("--on", dest="on", metavar="DATE", required=True, help="day of re-admission (YYYY-MM-DD or DD/MM/YYYY)")
    p.add_argument("--kind", required=True, choices=[k.value for k in StayKind], metavar="KIND", help="{stay_kinds}")
    p.add_argument("--room", metavar="ROOM", help="the room (default: the room the resident had)")
    p.add_argument("--decision", metavar="NUMBER", default="",
                   help="the court's decision number (required for rehab_compulsory)")
    p.add_argument("--term-months", dest="term_months", type=int, metavar="N",
                   help="the term in months (required for rehab_compulsory)")
    p.add_argument("--note", default="", metavar="TEXT", help="a note on the stay")
    p.set_defaults(handler=cmd_readmit)


def cmd_demo(ctx: Context, args) -> int:
    from .. import demo

    if args.residents is None and not args.accounts:
        raise CliError("Cần --residents (số đối tượng mẫu) hoặc --accounts.", "Give --residents (how many) or --accounts.")
    if args.residents is not None and not (1 <= args.residents <= 20000):
        raise CliError("Số đối tượng mẫu phải từ 1 đến 20000.", "--residents must be between 1 and 20000.")
    if args.residents is not None:
        summary = demo.generate(ctx.services(), ctx.actor, args.residents, args.seed, date.today())
        ctx.say(f"Đã tạo dữ liệu mẫu: {summary}", f"Demo data created: {summary}")
    if args.accounts:
        added = demo.add_demo_accounts(ctx.services(), ctx.actor)
        names = ", ".join(f"{a.username} ({a.role.value})" for a in added) or "-"
        ctx.say(f"Đã thêm tài khoản mẫu: {names}", f"Demo accounts added: {names}")
    return 0


def cmd_export_residents(ctx: Context, args) -> int:
    path = Path(args.file).expanduser().resolve()
    count = ctx.services().exports.residents_csv(ctx.actor, path, ctx.lang)
    ctx.say(f"Đã xuất {count} đối tượng ra {path}.", f"Exported {count} residents to {path}.")
    return 0


def cmd_export_stays(ctx: Context, args) -> int:
    path = Path(args.file).expanduser().resolve()
    count = ctx.services().exports.stays_csv(ctx.actor, path, ctx.lang)
    ctx.say(f"Đã xuất {count} lượt lưu trú ra {path}.", f"Exported {count} stays to {path}.")
    return 0


def cmd_readmit(ctx: Context, args) -> int:
    from care_core.domain import vocabulary
    from care_core.domain.dates import dmy
    from care_core.domain.entities import Stay
    from care_core.domain.periods import parse_date

    on = parse_date(args.on)
    services = ctx.services()
    resident = services.residents.by_code(ctx.actor, args.code)
    stay = services.residents.readmit(ctx.actor, resident.id, Stay(
        resident.id, StayKind(args.kind), on, decision_number=args.decision, term_months=args.term_months,
        note=args.note), room=args.room, base_version=resident.version)
    count = len(services.residents.stays(ctx.actor, resident.id))
    ctx.say(f"Đã tiếp nhận lại {resident.code} {resident.full_name} ngày {dmy(on)} "
            f"({vocabulary.label(stay.kind, 'vi')}); lượt lưu trú thứ {count}.",
            f"Re-admitted {resident.code} {resident.full_name} on {dmy(on)} "
            f"({vocabulary.label(stay.kind, 'en')}); stay number {count}.")
    return 0


def _acting_account(ctx: Context):
    """With --user, the export acts with that account's role (only a doctor
    or an administrator may hand a record over); without, as facility-admin."""
    from care_core.domain.entities import Actor

    if not ctx.user:
        return ctx.actor
    name = ctx.user.strip().lower()
    account = next((u for u in ctx.services().users.list(ctx.actor) if u.username == name), None)
    if account is None:
        raise CliError(f"Không có tài khoản {ctx.user}.", f"There is no account {ctx.user}.")
    if not account.active:
        raise CliError(f"Tài khoản {ctx.user} đang bị khóa.", f"The account {ctx.user} is disabled.")
    return Actor(account.username, account.role, account.id)


def cmd_export_fhir(ctx: Context, args) -> int:
    from ..reports import fhir

    path = Path(args.out).expanduser().resolve()
    document = fhir.export(ctx.services(), _acting_account(ctx), args.code, path)
    count = len(document["entry"])
    ctx.say(f"Đã ghi hồ sơ FHIR của {args.code.strip().upper()} ({count} mục) ra {path}.",
            f"FHIR record of {args.code.strip().upper()} ({count} entries) written to {path}.")
    return 0


def cmd_search(ctx: Context, args) -> int:
    for r in ctx.services().residents.search(ctx.actor, args.query, args.limit):
        print(f"{r.code}\t{r.full_name}")
    return 0


def cmd_merge(ctx: Context, args) -> int:
    """Print both records side by side, ask, then merge."""
    import sys

    from care_core.domain import merging

    services, actor = ctx.services(), _acting_account(ctx)
    survivor = services.residents.by_code(actor, args.survivor)
    other = services.residents.by_code(actor, args.merged)
    comparison = services.residents.compare(actor, survivor.id, other.id)
    heads = ("", f"{survivor.code} (giữ lại)", f"{other.code} (gộp vào)") if ctx.lang == "vi" else (
        "", f"{survivor.code} (stays)", f"{other.code} (merged away)")
    rows = [(*heads, False), *merging.comparison_rows(comparison, ctx.lang)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for what, mine, theirs, differs in rows:
        mark = "  ≠" if differs else ""
        print(f"{what:<{widths[0]}}  {mine:<{widths[1]}}  {theirs:<{widths[2]}}{mark}")
    if comparison.disputed:
        ctx.say("≠: hai hồ sơ ghi khác nhau; hồ sơ giữ lại giữ giá trị của nó (chọn từng mục trong chương trình).",
                "≠: the records differ; the record that stays keeps its value (choose each one in the app).")
    ctx.say(f"Mọi bản ghi của {other.code} sẽ chuyển sang {survivor.code}; {other.code} không còn trong danh sách. "
            "Việc gộp được ghi vào nhật ký.",
            f"Every record of {other.code} moves to {survivor.code}; {other.code} leaves the list. "
            "The merge is written to the audit log.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("Thêm --yes để gộp mà không hỏi lại.", "Add --yes to merge without being asked.")
        answer = input(f"Gộp {other.code} vào {survivor.code}? [y/N] " if ctx.lang == "vi"
                       else f"Merge {other.code} into {survivor.code}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "c", "co", "có"):
            ctx.say("Đã hủy; không thay đổi gì.", "Cancelled; nothing changed.")
            return 1
    services.residents.merge(actor, survivor.id, other.id)
    ctx.say(f"Đã gộp {other.code} vào {survivor.code}.", f"Merged {other.code} into {survivor.code}.")
    return 0

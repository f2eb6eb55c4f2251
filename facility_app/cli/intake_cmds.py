"""admit, find-person, import residents: taking people in, one or a whole list.

Admitting looks for the person first (the duplicate check): a certain or
likely match refuses, listing who was found, unless ``--new-person``."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from care_core.domain.dates import dmy
from care_core.domain.entities import Resident
from care_core.domain.identity import MatchLevel, PersonDraft
from .context import CliError, Context


def register(sub) -> None:
    p = sub.add_parser("admit", help="admit a new resident (looks for the person first)")
    _person_args(p, required=True)
    p.add_argument("--sex", required=True, help="sex: M (male) or F (female)")
    p.add_argument("--groups", required=True, metavar="GROUPS",
                   help="beneficiary groups, comma-separated codes or names, e.g. NCT,BTXH")
    p.add_argument("--admitted", metavar="DATE", help="day of admission, dd/mm/yyyy (default today)")
    p.add_argument("--room", default="", help="room")
    p.add_argument("--new-person", action="store_true",
                   help="create a new record even if the same person seems to be on record already")
    p.set_defaults(handler=cmd_admit)

    p = sub.add_parser("find-person", help="look for a person on record (discharged too) by CCCD, card, name and birth")
    _person_args(p, required=False)
    p.set_defaults(handler=cmd_find_person)

    imports = sub.add_parser("import", help="import data (explicit action, audited)").add_subparsers(
        dest="what", required=True, metavar="WHAT")
    p = imports.add_parser("residents", help="a list of residents from Excel (.xlsx) or CSV, with the export's columns")
    p.add_argument("file", metavar="FILE", help="the .xlsx or .csv file to read")
    p.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows and leave out those with errors")
    p.set_defaults(handler=cmd_import_residents)


def _person_args(p, *, required: bool) -> None:
    p.add_argument("--name", required=required, metavar="FULL_NAME", help="full name (accents optional when looking)")
    p.add_argument("--birth", required=required, metavar="DATE", help="date of birth, dd/mm/yyyy")
    p.add_argument("--cccd", metavar="NUMBER", help="citizen ID (CCCD), 12 digits")
    p.add_argument("--bhyt", metavar="NUMBER", help="health-insurance card number")


def _date(text: str | None, what_vi: str, what_en: str) -> date | None:
    from ..services.resident_file import CellError, read_date

    try:
        return read_date((text or "").strip())
    except CellError as exc:
        raise CliError(f"{what_vi}: {exc.vi}", f"{what_en}: {exc.en}") from None


def _draft(args) -> PersonDraft:
    return PersonDraft(args.name or "", _date(args.birth, "--birth", "--birth"), args.cccd, args.bhyt)


def _print_matches(ctx: Context, matches) -> None:
    for m in matches:
        r = m.resident
        gone = (f" (ra {dmy(r.discharge_date)})" if ctx.lang == "vi" else f" (left {dmy(r.discharge_date)})"
                ) if r.discharge_date else ""
        print(f"{r.code}\t{r.full_name}\t{dmy(r.birth_date)}{gone}\t{m.level_text(ctx.lang)}: {m.reason_text(ctx.lang)}")


def cmd_find_person(ctx: Context, args) -> int:
    draft = _draft(args)
    if not draft.searchable():
        raise CliError("Cần số CCCD (12 số), số thẻ BHYT, hoặc họ tên cùng ngày sinh.",
                       "Give a CCCD (12 digits), a card number, or a name with a date of birth.")
    matches = ctx.services().residents.find_person(ctx.actor, draft)
    if not matches:
        ctx.say("Không tìm thấy ai.", "Nobody found.")
        return 0
    _print_matches(ctx, matches)
    return 0


def cmd_admit(ctx: Context, args) -> int:
    from ..services.resident_file import CellError, read_coded, read_groups
    from care_core.domain.enums import Sex

    try:
        sex, groups = read_coded(Sex, args.sex.strip()), read_groups(args.groups)
    except CellError as exc:
        raise CliError(exc.vi, exc.en) from None
    draft = _draft(args)
    services = ctx.services()
    matches = [m for m in services.residents.find_person(ctx.actor, draft) if m.level >= MatchLevel.LIKELY]
    if matches and not args.new_person:
        ctx.say("Người này có thể đã có hồ sơ; không tạo hồ sơ mới:", "This person may already be on record; "
                "no new record made:")
        _print_matches(ctx, matches)
        raise CliError("Nếu đúng là người khác, chạy lại với --new-person.",
                       "If this really is someone else, run again with --new-person.")
    admitted = _date(args.admitted, "--admitted", "--admitted") or date.today()
    resident = services.residents.admit(ctx.actor, Resident(
        args.name, sex, draft.birth_date, admitted, groups, cccd=draft.cccd_key or None,
        bhyt_number=draft.bhyt_key or None, room=args.room.strip()))
    ctx.say(f"Đã tiếp nhận {resident.full_name}, mã {resident.code}.",
            f"Admitted {resident.full_name}, code {resident.code}.")
    return 0


def cmd_import_residents(ctx: Context, args) -> int:
    from ..services.imports import ImportRefused

    path = Path(args.file).expanduser().resolve()
    imports = ctx.services().imports
    if args.dry_run:
        plan = imports.check(ctx.actor, path)
        for error in plan.errors:
            print(error.line(ctx.lang))
        ctx.say(f"Kiểm tra (không ghi gì): {plan.summary('vi')}.", f"Checked (nothing written): {plan.summary('en')}.")
        return 1 if plan.errors else 0
    try:
        plan = imports.run(ctx.actor, path, skip_invalid=args.skip_invalid)
    except ImportRefused as refused:
        for error in refused.plan.errors:
            print(error.line(ctx.lang))
        raise CliError(f"Không nhập: {len(refused.plan.errors)} lỗi ở trên; không có gì được ghi. Sửa tệp rồi chạy lại "
                       "(hoặc dùng --skip-invalid để nhập các dòng đúng).",
                       f"Not imported: {len(refused.plan.errors)} problems above; nothing was written. Fix the file and "
                       "run again (or use --skip-invalid to import the valid rows).") from None
    for error in plan.errors:
        print(error.line(ctx.lang))
    ctx.say(f"Đã nhập {path.name}: {plan.summary('vi')}.", f"Imported {path.name}: {plan.summary('en')}.")
    return 0

"""report periodic, report resident: the periodic health report (PDF, CSV,
XLSX) and one resident's health book (PDF), written where asked, audited.

What can be checked without the store (period, dates, output path, notes
file, number) is checked first, so a typo costs no passphrase prompt.
"""
from __future__ import annotations

import re
from pathlib import Path

from care_core.domain import periods
from ..reports import run
from ..reports.periodic import PeriodicOptions
from .context import CliError, Context, read_text_file

MAX_NOTES = 20000
_NUMBER = re.compile(r"^\d{1,6}$")


def register(sub) -> None:
    report = sub.add_parser("report", help="periodic report (PDF/CSV/XLSX) and resident health books (PDF)")
    actions = report.add_subparsers(dest="report_command", required=True, metavar="WHAT")

    p = actions.add_parser("periodic", help="the facility's periodic health report for a month, quarter, year or range")
    p.add_argument("--period", metavar="PERIOD", help="2026 (year), 2026-Q3 (quarter) or 2026-07 (month)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="start of a custom range (YYYY-MM-DD or DD/MM/YYYY)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="end of a custom range (inclusive)")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the report")
    p.add_argument("--format", metavar="FORMAT", help="pdf, csv or xlsx (default: from the file's extension)")
    p.add_argument("--number", metavar="NUMBER", help="the report's number, e.g. 12 in 'Số: 12/BC-TTBTXH' (blank: filled in by hand)")
    p.add_argument("--notes-file", metavar="FILE", help="UTF-8 text: the director's remarks and proposals")
    p.add_argument("--prepared-by", default="", metavar="NAME", help="the compiler's name: adds a NGƯỜI LẬP BIỂU block (none when left out)")
    p.set_defaults(handler=cmd_periodic)

    p = actions.add_parser("resident", help="one resident's health book (sổ theo dõi sức khỏe) as PDF")
    p.add_argument("code", metavar="CODE", help="the resident's code, e.g. DT-00012")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(handler=cmd_resident)


def period_from_args(args) -> periods.Period:
    if args.period and (args.date_from or args.date_to):
        raise CliError("Chỉ chọn một cách: --period hoặc --from/--to.", "Give either --period or --from/--to, not both.")
    if args.period:
        return periods.parse_period(args.period)
    if args.date_from and args.date_to:
        return periods.custom(periods.parse_date(args.date_from), periods.parse_date(args.date_to))
    if args.date_from or args.date_to:
        raise CliError("Khoảng thời gian cần cả --from và --to.", "A custom range needs both --from and --to.")
    raise CliError("Chọn kỳ báo cáo: --period 2026, --period 2026-Q3, --period 2026-07 hoặc --from/--to.",
                   "Choose the period: --period 2026, --period 2026-Q3, --period 2026-07 or --from/--to.")


def read_notes(name: str | None) -> str:
    if not name:
        return ""
    path = Path(name).expanduser()
    try:
        text = read_text_file(path, MAX_NOTES * 4)  # UTF-8: at most 4 bytes a character
    except FileNotFoundError:
        raise CliError(f"Không tìm thấy tệp ghi chú {path}.", f"Notes file {path} not found.") from None
    except UnicodeDecodeError:
        raise CliError(f"Tệp ghi chú {path} không phải văn bản UTF-8.", f"Notes file {path} is not UTF-8 text.") from None
    except OSError as exc:
        raise CliError(f"Không đọc được tệp ghi chú {path}: {exc.strerror}.",
                       f"Cannot read notes file {path}: {exc.strerror}.") from None
    if len(text) > MAX_NOTES:
        raise CliError(f"Tệp ghi chú dài quá {MAX_NOTES} ký tự.", f"The notes file is longer than {MAX_NOTES} characters.")
    return text


def cmd_periodic(ctx: Context, args) -> int:
    period = period_from_args(args)
    number = (args.number or "").strip()
    if number and not _NUMBER.match(number):
        raise CliError(f"Số báo cáo “{number}” phải là 1–6 chữ số.", f"The report number “{number}” must be 1–6 digits.")
    run.resolve_output(args.out, args.format)  # fail before asking for the passphrase
    options = PeriodicOptions(number=number or None, notes=read_notes(args.notes_file), prepared_by=args.prepared_by)
    service = ctx.services().reports
    path = run.periodic_report(service, ctx.actor, period, args.out, args.format, options)
    ctx.say(f"Đã lập báo cáo {period.phrase()}: {path}", f"Report ({period.title('en')}) written to {path}")
    return 0


def cmd_resident(ctx: Context, args) -> int:
    run.resolve_output(args.out, "pdf", allowed=("pdf",))
    service = ctx.services().reports
    path = run.health_book_pdf(service, ctx.actor, args.code, args.out)
    ctx.say(f"Đã in sổ theo dõi sức khỏe của {args.code.strip().upper()}: {path}",
            f"Health book of {args.code.strip().upper()} written to {path}")
    return 0

"""provincial-server: run and administer the province's sync server.

    provincial-server --db URL migrate
    provincial-server --db URL serve --host 0.0.0.0 --port 8443 [--ssl-certfile F --ssl-keyfile K]
                                     [--request-budget BURST,PER_SECOND | off] [--workers N]
    provincial-server --db URL facility add --code C --name N [--province CODE]
    provincial-server --db URL device enrol --facility C [--name PC-1] [--accounts [--by NAME]]
                                     (code alone on the last line; --accounts: the PC may change accounts)
    provincial-server --db URL device trust ID [--by NAME | --withdraw]
    provincial-server --db URL device list [--facility C]
    provincial-server --db URL device revoke ID
    provincial-server --db URL officer add USERNAME [--governs noi-vu,y-te,cong-an] [--types merit-care,...]
                                     [--role figures|records]  (password: env PROVINCIAL_OFFICER_PASSWORD or prompt)
    provincial-server --db URL officer list
    provincial-server --db URL export dhis2 --period 2026-Q3 --mapping FILE --out FILE.json [--lang vi|en]
                                     (aggregate figures as a DHIS2 dataValueSets document; docs/dhis2.md)
    provincial-server --db URL export fhir --facility C [--resident CODE] --out FILE.json [--by NAME]
                                     (the records as an HL7 FHIR R4 Bundle; audited; docs/fhir.md)

    provincial-server --db URL report --period 2026 --scope noi-vu|y-te|cong-an --out FILE.pdf|FILE.xlsx
                                     [--province CODE] [--number 05] [--signer NAME]
                                     (the governing body's report in the Decree 30 form; extra server-reports)

The database URL may also come from env PROVINCIAL_DB; the default is
sqlite:///provincial.db (a one-machine trial). Errors: one line on stderr,
exit status 1 (2 for a wrong command line).
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys

import sqlalchemy as sa

from . import admin, migrate
from .budget import DEFAULT_BURST, DEFAULT_PER_SECOND, RequestBudget
from .db import DEFAULT_URL, DatabaseUrlError, make_engine, write_conn


class CliError(Exception):
    label = "error"  # the word before the message on stderr


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="provincial-server", description="Provincial sync and indicators server")
    ap.add_argument("--db", default=os.environ.get("PROVINCIAL_DB", DEFAULT_URL),
                    help="database URL: postgresql://user@host/db or sqlite:///FILE (default %(default)s)")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the database schema")
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--request-budget", default=f"{DEFAULT_BURST},{DEFAULT_PER_SECOND:g}", metavar="BURST,PER_SECOND",
                       help="requests a device token may make at once, and refilled per second "
                            "(default %(default)s; 'off' for no limit)")
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="server processes sharing the port (default 1; about one per core)")
    fac = sub.add_parser("facility", help="facilities").add_subparsers(dest="action", required=True)
    add = fac.add_parser("add")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--province", type=int)
    fac.add_parser("list")
    dev = sub.add_parser("device", help="facility PCs").add_subparsers(dest="action", required=True)
    enrol = dev.add_parser("enrol", help="make a one-time enrolment code for a new PC")
    enrol.add_argument("--facility", required=True)
    enrol.add_argument("--name", default="")
    enrol.add_argument("--accounts", action="store_true",
                       help="the PC may carry account changes (new accounts, roles, passwords): the facility's admin PC")
    enrol.add_argument("--by", default=None, help="who vouches for it (default: the logged-in user)")
    trust = dev.add_parser("trust", help="let a PC carry account changes, or withdraw that (--withdraw)")
    trust.add_argument("device_id")
    trust.add_argument("--by", default=None, help="who vouches for it (default: the logged-in user)")
    trust.add_argument("--withdraw", action="store_true")
    lst = dev.add_parser("list")
    lst.add_argument("--facility")
    rev = dev.add_parser("revoke")
    rev.add_argument("device_id")
    off = sub.add_parser("officer", help="provincial officers (indicators page)").add_subparsers(dest="action", required=True)
    oadd = off.add_parser("add")
    oadd.add_argument("username")
    oadd.add_argument("--governs", default="", metavar="BODIES",
                      help="governing bodies the officer sees: noi-vu, y-te, cong-an, khac (comma list)")
    oadd.add_argument("--types", default="", metavar="TYPES",
                      help="facility types the officer sees: merit-care, social-assistance, drug-rehab (comma list); "
                           "neither option: the whole province")
    oadd.add_argument("--role", choices=("figures", "records"), default="figures",
                      help="figures: aggregates only (default); records: may open resident lists (audited)")
    off.add_parser("list", help="officers with what they see and their role")
    exp = sub.add_parser("export", help="hand aggregate figures to other systems").add_subparsers(
        dest="action", required=True)
    dhis2 = exp.add_parser("dhis2", help="a DHIS2 dataValueSets JSON document of a year, quarter or month")
    dhis2.add_argument("--period", required=True, help="2026, 2026-Q3 or 2026-07 (a finished period)")
    dhis2.add_argument("--mapping", required=True, help="the province's mapping file (docs/dhis2-mapping.sample.json)")
    dhis2.add_argument("--out", required=True, help="the JSON file to write")
    dhis2.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages (default vi)")
    fhir = exp.add_parser("fhir", help="a facility's records (or one resident's) as an HL7 FHIR R4 Bundle; audited")
    fhir.add_argument("--facility", required=True)
    fhir.add_argument("--resident", help="one resident's code (default: every resident of the facility)")
    fhir.add_argument("--out", required=True, help="the JSON file to write")
    fhir.add_argument("--by", default=None, help="who exports, for the audit (default: the logged-in user)")
    rep = sub.add_parser("report", help="the governing body's provincial report (Decree 30 form), PDF or XLSX")
    rep.add_argument("--period", required=True, help="2026, 2026-Q3 or 2026-07")
    rep.add_argument("--scope", required=True, choices=("noi-vu", "y-te", "cong-an"),
                     help="the governing body issuing the report: its facilities only")
    rep.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    rep.add_argument("--province", type=int, help="province code for the heading (default: the facilities' own)")
    rep.add_argument("--number", default="", help="the document number (blank: filled in by hand)")
    rep.add_argument("--signer", default="", help="the signer's full name")
    return ap


def _engine(url: str, need_schema: bool = True) -> sa.Engine:
    try:
        engine = make_engine(url)
    except DatabaseUrlError as exc:
        raise CliError(str(exc)) from None
    if need_schema:
        try:
            current = migrate.current(engine)
        except sa.exc.OperationalError as exc:
            raise CliError(f"cannot open the database: {str(exc.orig).splitlines()[0]}") from None
        if current != migrate.head():
            raise CliError("the database schema is not up to date: run `provincial-server --db URL migrate` first")
    return engine


def _budget(text: str) -> RequestBudget | None:
    if text.strip().lower() == "off":
        return None
    try:
        burst, per_second = text.split(",")
        return RequestBudget(int(burst), float(per_second))
    except ValueError:
        raise CliError(f"--request-budget must be BURST,PER_SECOND (e.g. 300,5) or off, not {text!r}") from None


def _run(args) -> None:
    if args.command == "migrate":
        engine = _engine(args.db, need_schema=False)
        try:
            migrate.upgrade(engine)
        except sa.exc.OperationalError as exc:
            raise CliError(f"cannot open the database: {str(exc.orig).splitlines()[0]}") from None
        print(f"schema at {migrate.current(engine)}")
        engine.dispose()
        return
    if args.command == "serve":
        import uvicorn

        from .api import create_app
        from .runtime import tune_for_serving
        budget = _budget(args.request_budget)
        engine = _engine(args.db)
        if args.workers != 1:
            _serve_workers(args, engine)
            return
        app = create_app(engine=engine, budget=budget)
        tune_for_serving()
        uvicorn.run(app, host=args.host, port=args.port,
                    ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile, log_level="info")
        return
    if args.command == "export" and args.action == "fhir":
        _export_fhir(args)
        return
    if args.command == "export":
        _export_dhis2(args)
        return
    if args.command == "report":
        _report(args)
        return
    engine = _engine(args.db)
    try:
        _administer(engine, args)
    finally:
        engine.dispose()


def _serve_workers(args, engine: sa.Engine) -> None:
    """Several processes (workers.py); the schema was checked once, here."""
    import uvicorn

    from . import workers
    if not 1 <= args.workers <= 64:
        raise CliError(f"--workers must be between 1 and 64, not {args.workers}")
    engine.dispose()
    os.environ[workers.DB_ENV] = args.db
    os.environ[workers.BUDGET_ENV] = args.request_budget
    uvicorn.run(workers.FACTORY, factory=True, workers=args.workers, host=args.host, port=args.port,
                ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile, log_level="info")


def _administer(engine: sa.Engine, args) -> None:
    with write_conn(engine) as conn, conn.begin():
        if args.command == "facility" and args.action == "add":
            admin.add_facility(conn, args.code, args.name, args.province)
            print(f"facility {args.code} added")
        elif args.command == "facility" and args.action == "list":
            from .tables import facilities
            for f in conn.execute(sa.select(facilities).order_by(facilities.c.code)):
                print(f"{f.code}\t{f.name}\t{f.province_code or ''}\tchanges={f.last_seq}")
        elif args.command == "device" and args.action == "enrol":
            by = (args.by or getpass.getuser()) if args.accounts else None
            device_id, code, expires = admin.enrol_device(conn, args.facility, args.name, by)
            print(f"device {device_id} of {args.facility}; code valid until {expires:%Y-%m-%d %H:%M} UTC")
            print(code)
        elif args.command == "device" and args.action == "list":
            for d in admin.list_devices(conn, args.facility):
                state = "revoked" if d.revoked_at else ("enrolled" if d.enrolled_at else "waiting")
                print(f"{d.id}\t{d.facility_code}\t{d.name}\t{state}\tnumber={d.number or '-'}\t"
                      f"highest_seq={d.highest_seq}\taccounts={d.accounts_by or '-'}\t"
                      f"last_seen={d.last_seen_at or '-'}")
        elif args.command == "device" and args.action == "trust":
            admin.trust_device(conn, args.device_id, None if args.withdraw else (args.by or getpass.getuser()))
            print(f"device {args.device_id}: account changes {'refused' if args.withdraw else 'accepted'}")
        elif args.command == "device" and args.action == "revoke":
            admin.revoke_device(conn, args.device_id)
            print(f"device {args.device_id} revoked")
        elif args.command == "officer" and args.action == "add":
            password = os.environ.get("PROVINCIAL_OFFICER_PASSWORD")
            if password is None:
                if not sys.stdin.isatty():
                    raise CliError("set PROVINCIAL_OFFICER_PASSWORD or run in a terminal to type the password")
                password = getpass.getpass("Password: ")
                if getpass.getpass("Again: ") != password:
                    raise CliError("the two passwords differ")
            admin.add_officer(conn, args.username, password, args.governs, args.types, args.role)
            scope = ", ".join(x for x in (args.governs, args.types) if x) or "whole province"
            print(f"officer {args.username} saved ({scope}; {args.role})")
        elif args.command == "officer" and args.action == "list":
            from .tables import officers
            for o in conn.execute(sa.select(officers).order_by(officers.c.username)):
                scope = ", ".join(x for x in (o.governing_bodies, o.facility_types) if x) or "whole province"
                print(f"{o.username}\t{scope}\t{o.role}")


def _export_dhis2(args) -> None:
    """Explicit, read-only: the mapping is checked before the database is opened."""
    from . import dhis2
    from .entities import today_in_vietnam
    from care_core.domain.periods import PeriodError

    lang = args.lang

    class Refused(CliError):
        label = "lỗi" if lang == "vi" else "error"

    try:
        mapping = dhis2.read_mapping(args.mapping)
        engine = _engine(args.db)
        try:
            with engine.connect() as conn:
                export = dhis2.build(conn, args.period, mapping, today_in_vietnam())
        finally:
            engine.dispose()
        dhis2.write(export.document, args.out)
    except PeriodError as exc:
        raise Refused(exc.message(lang)) from None
    except dhis2.Dhis2Error as exc:
        raise Refused(exc.vi if lang == "vi" else exc.en) from None
    warn = "cảnh báo" if lang == "vi" else "warning"
    if export.unmapped:
        names = ", ".join(export.unmapped)
        print(f"{warn}: " + (f"bỏ qua các cơ sở chưa có trong tệp ánh xạ: {names}" if lang == "vi"
                              else f"skipped facilities missing from the mapping: {names}"), file=sys.stderr)
    if export.absent:
        names = ", ".join(export.absent[:20]) + (" …" if len(export.absent) > 20 else "")
        print(f"{warn}: " + (f"tệp ánh xạ có cơ sở không có trên máy chủ này: {names}" if lang == "vi"
                              else f"the mapping names facilities this server does not know: {names}"),
              file=sys.stderr)
    n = len(export.document["dataValues"])
    print(f"{n} giá trị, kỳ {export.document['period']} → {args.out}" if lang == "vi"
          else f"{n} values, period {export.document['period']} -> {args.out}")


def _export_fhir(args) -> None:
    """Explicit; resident-level data, so the read is audited (officer_reads)
    in the same transaction, and the file is written whole or not at all."""
    import json
    from pathlib import Path

    from . import fhir_export, report

    out = Path(args.out)
    if out.is_dir() or not out.resolve().parent.is_dir():
        raise CliError(f"--out must be a file in an existing folder: {args.out}")
    engine = _engine(args.db)
    try:
        with write_conn(engine) as conn, conn.begin():
            document = fhir_export.export(conn, args.by or getpass.getuser(), args.facility, args.resident)
            report.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"), str(out))
    except fhir_export.ExportRefused as exc:
        raise CliError(exc.en) from None
    finally:
        engine.dispose()
    patients = sum(e["resource"]["resourceType"] == "Patient" for e in document["entry"])
    print(f"{patients} residents, {len(document['entry'])} resources -> {args.out}")


def _report(args) -> None:
    """Explicit and read-only; aggregates only (no resident-level data)."""
    from collections import Counter
    from pathlib import Path

    from care_core.domain import divisions
    from care_core.domain.governance import GoverningBody
    from care_core.domain.periods import PeriodError, parse_period

    from . import province, report
    from .entities import today_in_vietnam
    from .officer_scope import Officer

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise CliError(f"--out must end in .pdf or .xlsx, not {args.out!r}")
    if Path(args.out).is_dir() or not Path(args.out).resolve().parent.is_dir():
        raise CliError(f"--out must be a file in an existing folder: {args.out}")
    if args.province is not None and not divisions.province_name(args.province):
        raise CliError(f"no province with code {args.province}")
    try:
        period = parse_period(args.period)
        as_of = period.as_of(today_in_vietnam())
    except PeriodError as exc:
        raise CliError(exc.message("en")) from None
    body = GoverningBody(args.scope)
    engine = _engine(args.db)
    try:
        with engine.connect() as conn:
            data = province.dashboard(conn, Officer(f"report:{body}", frozenset({body})), period, as_of)
            infos = province.visible(conn, Officer("report", frozenset({body})))
    finally:
        engine.dispose()
    if not data["facilities"]:
        raise CliError(f"no facility governed by {args.scope} has synced its settings")
    known = Counter(f.province_code for f in infos if f.province_code).most_common(1)
    code = args.province or (known[0][0] if known else None)
    if code is None:
        raise CliError("the facilities have no province recorded: give --province CODE")
    heading = report.Heading(body, divisions.province_name(code), args.number.strip(), args.signer.strip(),
                             today=today_in_vietnam())
    try:
        content = report.pdf(data, heading) if suffix == ".pdf" else report.xlsx(data, heading)
    except report.MissingExtra as exc:
        raise CliError(exc.en) from None
    report.write(content, args.out)
    print(f"{len(data['facilities'])} facilities, {period.title('en')} -> {args.out}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _run(args)
    except admin.AdminError as exc:
        print(f"error: {exc.en}", file=sys.stderr)
        return 1
    except CliError as exc:
        print(f"{exc.label}: {exc}", file=sys.stderr)
        return 1
    except sa.exc.SQLAlchemyError as exc:
        print(f"error: database: {str(getattr(exc, 'orig', exc)).splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""sync enrol | run | status | conflicts | parked.

``sync run`` exits 0 only when everything was pushed and pulled and nothing
refused waits for a person; otherwise one clear line says why (offline,
server error, N changes parked, device revoked ...).
"""
from __future__ import annotations

import argparse
import json
import sys

from care_core.domain.dates import dmy_time
from care_core.domain.numbers import fmt
from ..services.sync import CLOCK_TOLERANCE_MS, SyncService
from ..sync import engine, setup
from ..sync.errors import Revoked
from .context import CliError, Context


def register(sub) -> None:
    sync = sub.add_parser("sync", help="synchronise with the provincial server").add_subparsers(
        dest="sync_command", required=True, metavar="ACTION")
    p = sync.add_parser("enrol", help="enrol this PC with a one-time code from the province")
    p.add_argument("url", metavar="URL", help="the provincial server, e.g. https://dongbo.tinh.gov.vn")
    p.add_argument("code", metavar="CODE", help="the one-time enrolment code")
    p.add_argument("--ca-bundle", metavar="FILE.pem", help="the province's CA certificate file (PEM), if it runs its own")
    p.add_argument("--name", metavar="NAME", help="this PC's name as the server lists it (default: the computer name)")
    p.set_defaults(handler=cmd_enrol)

    p = sync.add_parser("run", help="send waiting changes and receive the other PCs' changes")
    p.add_argument("--read-timeout", type=float, default=40.0, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_run)

    p = sync.add_parser("status", help="server, last sync, changes waiting, parked, conflicts")
    p.set_defaults(handler=cmd_status)

    p = sync.add_parser("conflicts", help="list conflicts, or resolve one")
    p.add_argument("--all", action="store_true", help="also list resolved conflicts")
    p.add_argument("--resolve", type=int, metavar="ID", help="the conflict to resolve")
    p.add_argument("--keep", choices=["mine", "theirs"], help="which value to keep")
    p.set_defaults(handler=cmd_conflicts)

    p = sync.add_parser("parked", help="changes the server refused, with its reasons")
    p.add_argument("--dismiss", metavar="SEQ|all", help="mark as read (after re-entering what was needed)")
    p.set_defaults(handler=cmd_parked)


def _service(ctx: Context) -> SyncService:
    return SyncService(ctx.services().store)


def cmd_enrol(ctx: Context, args) -> int:
    store = ctx.services().store
    answer = setup.enrol(store, args.url, args.code, ca_bundle=args.ca_bundle, name=args.name, actor=ctx.actor)
    ctx.say(f"Đã đăng ký máy với máy chủ {args.url} (cơ sở {answer.facility_code}, mã máy {answer.device_id}). "
            "Chạy “facility-admin sync run” để đồng bộ.",
            f"Enrolled with {args.url} (facility {answer.facility_code}, device {answer.device_id}). "
            "Run “facility-admin sync run” to synchronise.")
    return 0


def failure_line(report: engine.Report, lang: str) -> str | None:
    """Why a run is not complete, in one line; None when it is."""
    vi = lang == "vi"
    if report.error is not None:
        return report.error.message(lang)
    if report.parked_total:
        n = report.parked_total
        return (f"{n} thay đổi bị máy chủ từ chối (đang tạm giữ, không chặn các thay đổi khác); "
                "xem lý do: facility-admin sync parked" if vi else
                f"{n} change(s) rejected by the server (parked; they block nothing); "
                "see why: facility-admin sync parked")
    if report.waiting:
        return (f"Còn {report.waiting} thay đổi chưa gửi được; chạy lại sau." if vi else
                f"{report.waiting} change(s) could not be sent yet; run again later.")
    return None


def clock_line(skew_ms: int, lang: str) -> str:
    minutes = round(abs(skew_ms) / 60000)
    if lang == "vi":
        way = "nhanh" if skew_ms > 0 else "chậm"
        return f"Cảnh báo: đồng hồ máy này {way} {minutes} phút so với máy chủ tỉnh; hãy chỉnh lại giờ của máy."
    way = "ahead of" if skew_ms > 0 else "behind"
    return f"Warning: this PC's clock is {minutes} min {way} the provincial server's; please set the clock."


def summary_line(report: engine.Report, lang: str) -> str:
    if lang == "vi":
        return (f"Đã gửi {report.pushed} và nhận {report.pulled} thay đổi "
                f"({fmt(report.wire.sent + report.wire.received, 'vi', 0, grouping=True)} byte, "
                f"{report.wire.requests} yêu cầu).")
    return (f"Sent {report.pushed} and received {report.pulled} change(s) "
            f"({report.wire.sent + report.wire.received:,} bytes, {report.wire.requests} requests).")


def cmd_run(ctx: Context, args) -> int:
    store = ctx.services().store
    report = engine.sync_once(store, read_timeout=args.read_timeout)
    print(summary_line(report, ctx.lang))
    if report.open_conflicts:
        ctx.say(f"{report.open_conflicts} xung đột chờ người xem lại: facility-admin sync conflicts",
                f"{report.open_conflicts} conflict(s) wait for review: facility-admin sync conflicts")
    if report.applied.skipped:
        ctx.say(f"{len(report.applied.skipped)} thay đổi nhận về không áp dụng được ở máy này (xem nhật ký).",
                f"{len(report.applied.skipped)} received change(s) could not be applied here (see the log).")
    if report.pull_rounds and abs(report.clock_skew_ms) > CLOCK_TOLERANCE_MS:
        print(clock_line(report.clock_skew_ms, ctx.lang))
    line = failure_line(report, ctx.lang)
    if line:
        print(line, file=sys.stderr)
        return 1
    return 0


def _error_message(text: str | None, lang: str) -> str | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return data.get(lang) or data.get("en")
    except (ValueError, AttributeError):
        return text


def cmd_status(ctx: Context, args) -> int:
    s = _service(ctx).status(ctx.actor)
    vi = ctx.lang == "vi"
    never = "chưa lần nào" if vi else "never"
    if not s.enrolled:
        ctx.say("Chưa đăng ký đồng bộ (facility-admin sync enrol ĐỊA_CHỈ MÃ).",
                "Not enrolled for sync (facility-admin sync enrol URL CODE).")
    else:
        ctx.say(f"Máy chủ: {s.server_url} (cơ sở {s.facility_code})", f"Server: {s.server_url} (facility {s.facility_code})")
        last = dmy_time(s.last_success_at) if s.last_success_at else never
        ctx.say(f"Đồng bộ thành công lần cuối: {last}", f"Last successful sync: {last}")
        if s.revoked:
            print(Revoked().message(ctx.lang))
        error = _error_message(s.last_error, ctx.lang)
        if error:
            ctx.say(f"Lần thử gần nhất không thành công: {error}", f"Last attempt failed: {error}")
    if s.clock_wrong:
        print(clock_line(s.clock_skew_ms, ctx.lang))
    ctx.say(f"Thay đổi chờ gửi: {s.waiting}", f"Changes waiting: {s.waiting}")
    ctx.say(f"Thay đổi bị từ chối (tạm giữ): {s.parked}", f"Parked (rejected) changes: {s.parked}")
    ctx.say(f"Xung đột chờ xem lại: {s.conflicts}", f"Conflicts to review: {s.conflicts}")
    return 0


def _show(value) -> str:
    if value is None:
        return "(trống)"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"


def cmd_conflicts(ctx: Context, args) -> int:
    service = _service(ctx)
    vi = ctx.lang == "vi"
    if args.resolve is not None:
        if not args.keep:
            ctx.say("Cần chọn --keep mine (giữ giá trị của máy này) hoặc --keep theirs (giữ giá trị của máy kia).",
                    "Choose --keep mine (this PC's value) or --keep theirs (the other PC's value).")
            return 1
        c = service.resolve(ctx.actor, args.resolve, args.keep)
        kept = c.mine if args.keep == "mine" else c.theirs
        ctx.say(f"Đã giải quyết xung đột {c.id}: giữ {_show(kept)} cho {c.field_label('vi')}; "
                "máy chủ sẽ được báo ở lần đồng bộ tới.",
                f"Resolved conflict {c.id}: kept {_show(kept)} for {c.field_label('en')}; "
                "the server is told at the next sync.")
        return 0
    items = service.conflicts(ctx.actor, include_resolved=args.all)
    if not items:
        ctx.say("Không có xung đột nào.", "No conflicts.")
        return 0
    for c in items:
        where = f"{c.table}/{c.row_id}"
        state = ""
        if c.resolved_at:
            state = (f" [đã giải quyết: {c.chosen or 'ở máy khác'}]" if vi else f" [resolved: {c.chosen or 'elsewhere'}]")
        current = "mine" if c.mine_is_current else "theirs"
        print(f"{c.id}\t{where}\t{c.field_label(ctx.lang)}\t"
              f"mine={_show(c.mine)}\ttheirs={_show(c.theirs)}\t"
              f"{'đang dùng' if vi else 'current'}={current}{state}")
    return 0


def cmd_parked(ctx: Context, args) -> int:
    service = _service(ctx)
    if args.dismiss:
        seq = None if args.dismiss == "all" else _int(args.dismiss, ctx)
        n = service.dismiss_parked(ctx.actor, seq)
        ctx.say(f"Đã đánh dấu đã xem {n} thay đổi bị từ chối.", f"Marked {n} parked change(s) as read.")
        return 0
    items = service.parked(ctx.actor)
    if not items:
        ctx.say("Không có thay đổi nào bị từ chối.", "No parked changes.")
        return 0
    for c in items:
        print(f"{c.seq}\t{c.table}/{c.row_id}\t{c.op}\t{c.reason(ctx.lang)}")
    return 0


def _int(text: str, ctx: Context) -> int:
    if not text.isdigit():
        raise CliError(f"“{text}” không phải số thứ tự thay đổi (hoặc “all”).", f"“{text}” is not a change number (or “all”).")
    return int(text)


def cmd_join(ctx: Context, args) -> int:
    """``init --join URL CODE``: a new store for a facility that already syncs."""
    from care_core.domain import rules
    url, code = args.join
    url = setup.check_url(url)
    setup.check_ca_bundle(args.ca_bundle)
    passphrase = ctx.passphrase(confirm=True)
    rules.ensure(rules.check_passphrase(passphrase))
    existed = ctx.data_dir.exists()
    try:
        store, answer, report = setup.join(ctx.data_dir, passphrase, url, code, ca_bundle=args.ca_bundle)
    except BaseException:
        _remove_new_store(ctx.data_dir, existed)
        raise
    store.close()
    ctx.say(f"Đã tạo kho dữ liệu mã hóa cho cơ sở {answer.facility_name} ({answer.facility_code}) tại {ctx.data_dir} "
            f"và nhận {report.pulled} thay đổi từ máy chủ. Người dùng đăng nhập bằng tài khoản sẵn có của cơ sở.",
            f"Created the encrypted store of {answer.facility_name} ({answer.facility_code}) in {ctx.data_dir} "
            f"and received {report.pulled} changes from the server. Users log in with the facility's existing accounts.")
    return 0


def _remove_new_store(folder, keep_folder: bool) -> None:
    import shutil

    from ..storage.store import DB_NAME, INFO_NAME
    if not keep_folder:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", INFO_NAME):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)

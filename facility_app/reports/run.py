"""Produce a report into the file a person chose: check the path first,
then run (permission, data, audit in the service), lay out in memory, and
write the file whole (``name.part`` beside it, then renamed), so a failed
run leaves no half-written report and no plaintext copy anywhere else.

The CLI calls these; the GUI will call the same ``render`` functions for
its preview and these for "save".
"""
from __future__ import annotations

import os
from pathlib import Path

from care_core.domain.entities import Actor
from care_core.domain.messages import ActionError
from care_core.domain.periods import Period
from ..services.reports import ReportService
from . import exports, health_book, periodic

FORMATS = ("pdf", "csv", "xlsx")


class OutputError(ActionError):
    """The chosen file cannot be written."""


def resolve_output(path: str | Path, fmt: str | None = None, allowed: tuple[str, ...] = FORMATS) -> tuple[Path, str]:
    """(absolute path, format): the format from ``fmt`` or the file's
    extension; the folder must exist and be writable."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower().lstrip(".")
    if fmt is None:
        fmt = suffix if suffix in allowed else None
        if fmt is None:
            raise OutputError(
                f"Không biết định dạng của tệp “{path.name}”: dùng đuôi {', '.join('.' + f for f in allowed)}.",
                f"Unknown format for “{path.name}”: use a {', '.join('.' + f for f in allowed)} extension.")
    fmt = fmt.lower()
    if fmt not in allowed:
        raise OutputError(f"Định dạng “{fmt}” không hỗ trợ; chọn {', '.join(allowed)}.",
                          f"Format “{fmt}” is not supported; choose {', '.join(allowed)}.")
    if suffix in FORMATS and suffix != fmt:
        raise OutputError(f"Tệp “{path.name}” có đuôi .{suffix} nhưng định dạng là {fmt}.",
                          f"“{path.name}” has a .{suffix} extension but the format is {fmt}.")
    path = path.resolve()
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"“{path}” là một thư mục; hãy ghi rõ tên tệp.", f"“{path}” is a folder; give a file name.")
    if not folder.is_dir():
        raise OutputError(f"Thư mục {folder} không tồn tại.", f"Folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"Không có quyền ghi vào {path}.", f"No permission to write {path}.")
    return path, fmt


def write_whole(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"Không ghi được tệp {path}: {exc.strerror or exc}.",
                          f"Could not write {path}: {exc.strerror or exc}.") from None


def periodic_report(service: ReportService, actor: Actor, period: Period, out: str | Path,
                    fmt: str | None = None, options: periodic.PeriodicOptions | None = None) -> Path:
    path, fmt = resolve_output(out, fmt)
    report = service.periodic(actor, period, output=fmt, target=path.name)
    if fmt == "pdf":
        data = periodic.render(report, options or periodic.PeriodicOptions())
    elif fmt == "csv":
        data = exports.periodic_csv(report)
    else:
        data = exports.periodic_xlsx(report)
    write_whole(path, data)
    return path


def health_book_pdf(service: ReportService, actor: Actor, code: str, out: str | Path) -> Path:
    path, _ = resolve_output(out, "pdf", allowed=("pdf",))
    book = service.health_book(actor, code, output="pdf", target=path.name)
    write_whole(path, health_book.render(book))
    return path

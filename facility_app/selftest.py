"""``facility-app --self-test``: does this installation work on this PC?

Run by the IT officer after installing, and by CI on the frozen build. It
does, in a temporary folder that is removed afterwards:

0. modules: every module of the program imports (nothing left out of a build);
1. store: create an encrypted store, set up a facility, admit a (made-up)
   resident and record a checkup through the services; close it, unlock it
   again with the passphrase the way the unlock screen does, and read the
   checkup back; the database file must not be readable as plain SQLite;
2. report: print that resident's health book (reportlab, embedded Liberation
   Serif) and read its Vietnamese text back with PDFium (pypdfium2, which
   the report preview uses);
3. translations: every ``translations/*_vi.qm`` and ``*_en.qm`` loads into a
   QTranslator and is not empty, and both languages have the same files;
4. gui: QApplication starts (offscreen), the platform plugins this PC needs
   are present, the unlock window is built and shown in Vietnamese and in
   English, and the report preview draws the health book's first page.

``facility-admin --self-test`` runs the checks a console needs (modules,
store, report, translations; ``ADMIN_CHECKS``), no window.

One line per check (``OK`` or ``FAIL`` and what failed); exit 0 only if
every check passed. The made-up resident is the only "patient" involved, so
nothing printed here is personal data. When ``FACILITY_APP_SELFTEST_REPORT``
names a file the same lines are written there too (a windowed program on
Windows may have no console to print to).
"""
from __future__ import annotations

import os
import platform
import re
import secrets
import shutil
import sys
import tempfile
import traceback
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

REPORT_ENV = "FACILITY_APP_SELFTEST_REPORT"
RESIDENT_NAME = "Nguyễn Thị Thử Nghiệm"
FACILITY_NAME = "Cơ sở kiểm tra cài đặt"
FINDINGS = "Sức khỏe ổn định"
PDF_PHRASES = (RESIDENT_NAME, "SỔ THEO DÕI SỨC KHỎE", FINDINGS)  # read back from the PDF text


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


@dataclass
class Context:
    """What one check hands to the next (the temp folder, the PDF...)."""

    root: Path
    passphrase: str = field(default_factory=lambda: "selftest " + secrets.token_urlsafe(18))
    resident_code: str = ""
    pdf: bytes = b""

    @property
    def data(self) -> Path:
        return self.root / "data"


# --- checks -----------------------------------------------------------------------------------

def _actor():
    from care_core.domain.entities import Actor
    from care_core.domain.enums import Role

    return Actor("self-test", Role.SYSTEM)


def check_store(ctx: Context) -> str:
    from care_core.domain.entities import Checkup, Facility, Resident, VitalSigns
    from care_core.domain.enums import BeneficiaryGroup, CheckupKind, FacilityType, Sex
    from .services.container import Services
    from .services.startup import StoreGate
    from .storage.store import Store

    today = date.today()
    actor = _actor()
    services = Services(Store.create(ctx.data, ctx.passphrase), today=lambda: today)
    try:
        services.facility.initialise(actor, Facility("SELFTEST", f"Trung tâm {FACILITY_NAME}",
                                                     FacilityType.SOCIAL_ASSISTANCE))
        resident = services.residents.admit(actor, Resident(
            RESIDENT_NAME, Sex.FEMALE, date(1948, 5, 19), today - timedelta(days=30),
            groups=[BeneficiaryGroup.ELDERLY], room="P101"))
        ctx.resident_code = resident.code
        vitals = VitalSigns(systolic=128, diastolic=82, pulse=76, temperature=36.7, weight_kg=48.5, height_cm=152)
        services.clinical.record_checkup(actor, Checkup(resident.id, today - timedelta(days=1), CheckupKind.PERIODIC,
                                                        vitals=vitals, findings=FINDINGS))
    finally:
        services.close()

    head = (ctx.data / "facility.db").read_bytes()[:16]
    if head.startswith(b"SQLite format 3"):
        raise AssertionError("the database file is not encrypted")

    gate = StoreGate(ctx.data, lambda: today)
    services = gate.open(gate.derive_key(ctx.passphrase))
    try:
        found = services.residents.by_code(actor, ctx.resident_code)
        checkups = services.clinical.checkups(actor, found.id)
        if found.full_name != RESIDENT_NAME:
            raise AssertionError("the resident's name did not read back unchanged")
        if len(checkups) != 1 or checkups[0].vitals != vitals:
            raise AssertionError(f"expected 1 checkup with the same vital signs, read {len(checkups)}")
        ctx.pdf = _health_book(services, actor, ctx.resident_code)
    finally:
        services.close()
    return "encrypted store created, record written, unlocked again and read back"


def _health_book(services, actor, code: str) -> bytes:
    from .reports import health_book

    return health_book.render(services.reports.health_book(actor, code, output="self-test"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def check_report(ctx: Context) -> str:
    pdf = ctx.pdf
    if not pdf:
        raise AssertionError("no PDF was made (the store check failed first)")
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
        raise AssertionError("the output is not a complete PDF")
    if b"LiberationSerif" not in pdf or b"/FontFile2" not in pdf:
        raise AssertionError("the Liberation Serif font is not embedded")
    pages, text = _pdf_text(pdf)
    missing = [p for p in PDF_PHRASES if _squash(p) not in _squash(text)]
    if missing:
        raise AssertionError(f"text not found in the PDF: {', '.join(missing)}")
    return f"health book PDF, {pages} page(s), Vietnamese text read back with PDFium"


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    """(pages, text) through PDFium, the library the report preview draws with."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        parts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return len(doc), "\n".join(parts)
    finally:
        doc.close()


def _translation_files() -> dict[str, list[Path]]:
    from .ui import i18n  # the same lookup the program uses

    return {lang: i18n.qm_files(lang) for lang in i18n.LANGUAGES}


def check_translations(ctx: Context) -> str:
    from PySide6.QtCore import QTranslator

    found = _translation_files()
    for lang, files in found.items():
        if not files:
            raise AssertionError(f"no *_{lang}.qm translation files")
    stems = {lang: {f.name.rsplit("_", 1)[0] for f in files} for lang, files in found.items()}
    if stems["vi"] != stems["en"]:
        raise AssertionError(f"vi and en differ: {sorted(stems['vi'] ^ stems['en'])}")
    for files in found.values():
        for path in files:
            translator = QTranslator()
            if not translator.load(str(path)) or translator.isEmpty():
                raise AssertionError(f"{path.name} does not load or is empty")
    names = ", ".join(f.name for files in found.values() for f in files)
    return f"{sum(len(f) for f in found.values())} files load ({names})"


def check_guide(ctx: Context) -> str:
    """The user guide F1 opens: both languages, their screenshots and printable PDFs."""
    import re

    from .ui import help as guide  # the same lookup the program uses

    folder, images = guide.guide_dir(), 0
    for lang in ("vi", "en"):
        md = folder / f"user-guide.{lang}.md"
        if not md.is_file() or not (folder / f"user-guide.{lang}.pdf").is_file():
            raise AssertionError(f"{md.name} or its PDF missing in {folder}")
        for link in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md.read_text(encoding="utf-8")):
            if not (folder / link).is_file():
                raise AssertionError(f"{md.name}: image {link} missing")
            images += 1
    return f"vi and en with {images} screenshots and their PDFs ({folder})"


def _platform_plugins() -> list[str]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders += [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) for p in QCoreApplication.libraryPaths()]
    present = {re.sub(r"^(lib)?q", "", p.name.split(".")[0])
               for folder in folders if (folder / "platforms").is_dir() for p in (folder / "platforms").iterdir()}
    wanted = ["offscreen", "windows"] if sys.platform.startswith("win") else ["offscreen", "xcb"]
    missing = [w for w in wanted if w not in present]
    if missing:
        raise AssertionError(f"platform plugins missing ({', '.join(missing)}) in {', '.join(map(str, folders))}")
    return wanted


def check_gui(ctx: Context) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # checks the build, needs no screen
    from PySide6.QtCore import qInstallMessageHandler

    plugins = _platform_plugins()
    qt_messages: list[str] = []
    previous = qInstallMessageHandler(lambda kind, context, message: qt_messages.append(message))
    try:
        return _show_unlock(ctx, plugins)
    except AssertionError as exc:  # Qt's own warnings say why a window or plugin failed
        if qt_messages:
            raise AssertionError(f"{exc}; Qt said: {' | '.join(qt_messages[-3:])}") from None
        raise
    finally:
        qInstallMessageHandler(previous)


def _show_unlock(ctx: Context, plugins: list[str]) -> str:
    from PySide6.QtWidgets import QApplication

    from .services.startup import StoreGate
    from .ui import i18n, style
    from .ui.keystore import KeyStore
    from .ui.start.unlock import UnlockWidget
    from .ui.start.window import StartWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "facility-app"])
    style.apply(app)
    headings = {}
    try:
        for lang in ("vi", "en"):
            if not i18n.install(lang):
                raise AssertionError(f"no translations installed for {lang}")
            unlock = UnlockWidget(StoreGate(ctx.data), KeyStore(ctx.data), lang)
            window = StartWindow(unlock, lang)
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise AssertionError("the unlock window did not show")
            headings[lang] = unlock.heading.text()
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        i18n.install("vi")
    if headings["vi"] == headings["en"] or not headings["vi"]:
        raise AssertionError(f"the unlock window is not in Vietnamese (heading {headings['vi']!r})")
    preview = _render_preview(ctx.pdf)
    return (f"{app.platformName()} QApplication, unlock window shown in vi and en; {preview}; "
            f"platform plugins present: {', '.join(plugins)}")


def _render_preview(pdf: bytes) -> str:
    """The report preview's drawing path: page 1 of the PDF into a QImage, not blank."""
    from .ui.reports.pdf_pages import PdfPages

    if not pdf:
        raise AssertionError("no PDF to preview (the store check failed first)")
    pages = PdfPages(pdf)
    try:
        image = pages.render(0, 0.5)
    finally:
        pages.close()
    if image.isNull():
        raise AssertionError("the report preview drew nothing")
    small = image.scaled(48, 64)
    if len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}) < 2:
        raise AssertionError("the report preview drew a blank page")
    return f"report page drawn for preview ({image.width()}x{image.height()})"


SKIP_MODULES = ("facility_app.storage.migrations",)  # Alembic runs these from files (the store check)


def check_modules(ctx: Context) -> str:
    """Every module of the program imports: a build that left out a library or
    a module (the sync codec, a report, a screen) fails here, not in use."""
    import importlib
    import pkgutil

    import facility_app

    names = sorted(info.name for info in pkgutil.walk_packages(facility_app.__path__, "facility_app.")
                   if not info.name.startswith(SKIP_MODULES))
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, not just the first
            failed.append(f"{name} ({type(exc).__name__}: {exc})")
    if failed:
        raise AssertionError(f"{len(failed)} of {len(names)} modules do not import: {'; '.join(failed[:5])}")
    if len(names) < 50:
        raise AssertionError(f"only {len(names)} modules found: the program is incomplete")
    return f"all {len(names)} modules of the program import"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("modules", check_modules),
    ("store", check_store),
    ("report", check_report),
    ("translations", check_translations),
    ("guide", check_guide),
    ("gui", check_gui),
]
ADMIN_CHECKS = ("modules", "store", "report", "translations")  # facility-admin --self-test: no window


# --- running -------------------------------------------------------------------------------------

def _describe(exc: BaseException) -> str:
    """What failed, for the IT officer: the error and where (never a full traceback)."""
    message = exc.message("en") if hasattr(exc, "message") else str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {message}{where}"


def _stream():
    """stdout, or the parent console for a windowed Windows build started from cmd."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform.startswith("win"):
        try:
            import ctypes

            if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
                return open("CONOUT$", "w", encoding="utf-8")
        except Exception:  # no console to attach to: the report file is the only output
            pass
    return None


def _header(program: str) -> str:
    from .version import version

    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "?"
    return (f"{program} {version()} self-test ({frozen}; Python {platform.python_version()}, "
            f"PySide6 {pyside}, {platform.system()} {platform.release()})")


def run(argv: list[str] | None = None, program: str = "facility-app",
        only: tuple[str, ...] | None = None) -> int:
    """Run every check (or those named in ``only``); 0 when all passed, 1 otherwise."""
    out = _stream()
    report = os.environ.get(REPORT_ENV)
    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        if out is not None:
            print(line, file=out, flush=True)

    emit(_header(program))
    root = Path(tempfile.mkdtemp(prefix="facility-selftest-"))
    ctx = Context(root)
    results: list[Outcome] = []
    try:
        for name, check in CHECKS:
            if only is not None and name not in only:
                continue
            try:
                results.append(Outcome(name, True, check(ctx)))
            except Exception as exc:  # report it and go on with the next check
                results.append(Outcome(name, False, _describe(exc)))
            emit(results[-1].line())
    finally:
        shutil.rmtree(root, ignore_errors=True)
    failed = [r.name for r in results if not r.ok]
    if root.exists():
        failed.append("cleanup")
        emit(f"FAIL cleanup: temporary folder {root} could not be removed")
    emit("self-test passed" if not failed else f"self-test FAILED: {', '.join(failed)}")
    if report:
        Path(report).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(run())

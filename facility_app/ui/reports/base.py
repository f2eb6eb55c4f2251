"""What the periodic-report dialog and the health-book dialog share: the
preview, a busy line, running a job off the GUI thread, printing, saving.

Every job goes through ``ReportService`` (permission check and audit entry)
on Qt's thread pool (``ui.workers.run_async``); while it runs the action
buttons wait and a progress bar moves, the rest of the dialog (preview,
fields, the Close button) keeps working. A refusal shows the DomainError's
own sentence in the session's language; anything else is logged (type and
stack only) and explained without technical detail (``dialogs.show_error``).

Report jobs run one at a time across the app (``JOBS_LOCK``): reportlab
does not promise thread safety (its embedded fonts keep per-document state),
and a health book and a periodic report made at once gain nothing.

Texts here use ``translate("ReportDialog", ...)`` rather than ``self.tr``:
PySide's ``tr`` looks texts up under the subclass's name, which the
translation files do not know.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .. import i18n
from ..dialogs import show_error
from ..style import OK_COLOUR
from ..workers import run_async
from . import printing
from .pdf_pages import PdfPages
from .preview import PdfPreview

translate = QCoreApplication.translate

FILTERS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}
FOLDER_KEY = "reports/folder"
JOBS_LOCK = threading.Lock()


class _Progress(QObject):
    """Made on the GUI thread, emitted from a worker: Qt queues the calls here."""
    sig_progress = Signal(int, int)


class ReportDialogBase(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.preview = PdfPreview()
        self.busy_bar = QProgressBar(objectName="reportBusy")
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.status = QLabel(objectName="reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(objectName="reportClose")
        self.close_button.clicked.connect(self.reject)
        self.action_buttons: list[QWidget] = []
        self._busy = False
        self._progress = _Progress(self)
        self._progress.sig_progress.connect(self._show_progress)
        self.last_error: BaseException | None = None  # what the last failed job raised (tests read it)
        self.previewed: bytes | None = None  # the PDF in the preview
        self.finished.connect(lambda _r: self.preview.clear())  # PDFium's copy goes with the window

    def status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.busy_bar)
        row.addWidget(self.status, 1)
        return row

    def retranslate_base(self) -> None:
        self.close_button.setText(translate("ReportDialog", "Cl&ose"))
        if self.previewed is None and not self._busy:
            self.preview.clear(self.empty_text())

    def empty_text(self) -> str:
        """What the preview says before there is anything to show."""
        return translate("ReportDialog", "Nothing to show yet.")

    # --- running a job -------------------------------------------------------------------

    def busy(self) -> bool:
        return self._busy

    def run(self, busy_text: str, work: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """Start ``work()`` on a worker; ``done(result)`` back on the GUI thread.
        False (nothing started) while another job runs."""
        if self._busy:
            return False
        self._set_busy(True, busy_text)

        def finished(result):
            self._set_busy(False)
            done(result)

        def one_at_a_time():
            with JOBS_LOCK:
                return work()

        run_async(one_at_a_time, finished, self._failed, owner=self)
        return True

    def _set_busy(self, on: bool, text: str = "") -> None:
        self._busy = on
        for w in self.action_buttons:
            w.setEnabled(not on)
        self.busy_bar.setRange(0, 0)  # moving until a job reports pages
        self.busy_bar.setVisible(on)
        if on:
            self.say(text)
            if self.previewed is None:
                self.preview.clear(text)
        self.setCursor(Qt.CursorShape.BusyCursor if on else Qt.CursorShape.ArrowCursor)

    def _show_progress(self, done: int, total: int) -> None:
        if self._busy:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.last_error = exc
        self.say("")
        if self.previewed is None:
            self.preview.clear(self.empty_text())
        show_error(self, exc, self.session.lang)

    def say(self, text: str, ok: bool = False) -> None:
        self.status.setStyleSheet(f"color: {OK_COLOUR};" if ok else "")
        self.status.setText(text)

    # --- preview ---------------------------------------------------------------------------

    def show_pdf(self, data: bytes) -> None:
        self.previewed = data
        self.preview.set_pdf(data)
        count = self.preview.page_count()
        text = translate("ReportDialog", "Preview ready: %1 page.") if count == 1 else \
            translate("ReportDialog", "Preview ready: %1 pages.")
        self.say(text.replace("%1", str(count)), ok=True)

    # --- printing -----------------------------------------------------------------------------

    def start_print(self, make_pdf: Callable[[str], bytes], title: str) -> QPrintDialog | None:
        """Ask which printer and pages (window-modal, nothing blocks), then
        make the PDF and print it on a worker. ``make_pdf(printer_name)``
        runs the service (audited as a print)."""
        if self._busy:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        pages = PdfPages(self.previewed) if self.previewed else None
        printing.prepare(printer, pages, title)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("reportPrintDialog")
        dialog.setWindowTitle(translate("ReportDialog", "Print"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, pages is not None)
        dialog.setMinMax(1, len(pages) if pages else 999)
        current = self.preview.current_page()
        if pages is not None:
            pages.close()

        def accepted():
            self.print_now(make_pdf, printer, current)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        QDialog.open(dialog)  # window-modal; QPrintDialog's own open() wants a receiver
        return dialog

    def print_now(self, make_pdf: Callable[[str], bytes], printer: QPrinter, current: int = 0) -> bool:
        """Make the PDF and print it on ``printer`` off the GUI thread, as the
        print dialog chose (all pages, a range, or the preview's current page)."""
        where = printer.printerName() or Path(printer.outputFileName()).name or "printer"
        progress = self._progress.sig_progress

        def work() -> tuple[int, str]:
            data = make_pdf(where)
            pages = PdfPages(data)
            try:
                first, last = printing.chosen_pages(printer, len(pages), min(current, len(pages) - 1))
                return printing.print_pdf(pages, printer, first, last, progress.emit), where
            finally:
                pages.close()

        def done(result: tuple[int, str]) -> None:
            count, name = result
            text = translate("ReportDialog", "Sent %1 page to %2.") if count == 1 else \
                translate("ReportDialog", "Sent %1 pages to %2.")
            self.say(text.replace("%1", str(count)).replace("%2", name), ok=True)

        return self.run(translate("ReportDialog", "Printing…"), work, done)

    # --- saving ---------------------------------------------------------------------------------

    def ask_save_path(self, default_name: str, fmt: str) -> str | None:
        """The file a person chooses (Qt asks before replacing one), in the
        folder used last time, or Documents."""
        settings = i18n.settings()
        folder = settings.value(FOLDER_KEY, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, translate("ReportDialog", "Save as"), str(Path(folder) / default_name), FILTERS[fmt])
        if not path:
            return None
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        settings.setValue(FOLDER_KEY, str(Path(path).parent))
        return path

    def saved(self, path: Path) -> None:
        self.say(translate("ReportDialog", "Saved: %1").replace("%1", str(path)), ok=True)

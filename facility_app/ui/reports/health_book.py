"""A resident's health book (sổ theo dõi sức khỏe) from the record screen:
made at once and previewed, then printed or saved as PDF.

``health_book_button(record)`` is what the record screen adds to its
header: a button only for roles that may print health books (doctor,
director, admin), which opens ``HealthBookDialog`` for the record's
resident. Each preview, print and save is one run of
``ReportService.health_book`` (permission checked, audited).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from care_core.domain.permissions import Permission
from ..style import fit_to_screen, mark
from . import presets
from .base import ReportDialogBase


def _book_pdf():
    """The PDF maker (reportlab), imported when a book is first made: every
    record's header has this button, and opening a record must not wait
    for the PDF and spreadsheet libraries to load."""
    from ...reports import health_book

    return health_book


class HealthBookDialog(ReportDialogBase):
    def __init__(self, session, code: str, full_name: str = "", parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setObjectName("healthBookDialog")
        self.code = code
        self.full_name = full_name
        self.service = session.services.reports
        self.print_button = mark(QPushButton(objectName="bookPrint"), "primary")
        self.pdf_button = QPushButton(objectName="bookSavePdf")
        self.refresh_button = QPushButton(objectName="bookRefresh")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_book)
        self.pdf_button.clicked.connect(lambda: self.save())
        self.refresh_button.clicked.connect(self.make_preview)
        self.action_buttons = [self.print_button, self.pdf_button, self.refresh_button]
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_book)
        buttons = QHBoxLayout()
        for b in self.action_buttons:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.preview, 1)
        lay.addLayout(self.status_row())
        lay.addLayout(buttons)
        self.retranslate()
        fit_to_screen(self, 900, 740)
        self._started = False

    def retranslate(self) -> None:
        title = self.tr("Health book")
        who = f"{self.full_name} ({self.code})" if self.full_name else self.code
        self.setWindowTitle(f"{title} · {who}")
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the health book (Ctrl+P)"))
        self.pdf_button.setText(self.tr("&Save PDF…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Make the book again with the latest records"))
        self.preview.retranslate()
        self.retranslate_base()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._started:  # the book is made once the window is on screen
            self._started = True
            self.make_preview()  # returns at once: the book is made on a worker

    def make_preview(self) -> bool:
        book_pdf = _book_pdf()
        service, actor, code = self.service, self.session.actor, self.code
        return self.run(self.tr("Making the health book…"),
                        lambda: book_pdf.render(service.health_book(actor, code, output="preview")), self.show_pdf)

    def _print_maker(self):
        book_pdf = _book_pdf()
        service, actor, code = self.service, self.session.actor, self.code
        return lambda printer_name: book_pdf.render(service.health_book(actor, code, output="print",
                                                                        target=printer_name))

    def print_book(self):
        return self.start_print(self._print_maker(), presets.book_file_name(self.code))

    def print_to(self, printer, current: int = 0) -> bool:
        """Print on a printer already set up: what the print dialog's OK does."""
        return self.print_now(self._print_maker(), printer, current)

    def save(self, path: str | None = None) -> bool:
        if path is None:
            path = self.ask_save_path(presets.book_file_name(self.code), "pdf")
            if path is None:
                return False
        from ...reports import run as report_run

        service, actor, code = self.service, self.session.actor, self.code
        return self.run(self.tr("Saving the health book…"),
                        lambda: report_run.health_book_pdf(service, actor, code, path), self.saved)


class HealthBookButton(QPushButton):
    """"Print health book" in a record's header; keeps its text in the current language."""

    def __init__(self, record: QWidget):
        super().__init__(record)
        self.setObjectName("recordPrintHealthBook")
        self.record = record
        self.dialog: HealthBookDialog | None = None
        self.clicked.connect(self.open_book)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Print health book…"))
        self.setToolTip(self.tr("Preview, print or save this resident's health book (PDF) (Ctrl+P)"))  # key: record window

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_book(self) -> HealthBookDialog | None:
        resident = self.record.resident() if hasattr(self.record, "resident") else None
        if resident is None:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = HealthBookDialog(self.record.session, resident.code, resident.full_name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog


def health_book_button(record: QWidget) -> HealthBookButton | None:
    """The button for ``record`` (a ResidentRecordWidget), or None when the
    logged-in role may not print health books."""
    if not record.session.can(Permission.PRINT_HEALTH_BOOK):
        return None
    return HealthBookButton(record)

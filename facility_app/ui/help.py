"""The user guide: F1 from any screen opens it, in the current language.

The guide is Markdown with screenshots in ``docs/`` (user-guide.vi.md,
user-guide.en.md, guide-images/), shown by a QTextBrowser; its printable
PDF sits beside it. F1 is caught by an application-wide event filter, not a
window shortcut, so it also works in record tabs and in modal dialogs (a
window shortcut is blocked while a dialog is modal); the guide opens as a
child of the window in front, so a modal dialog does not block it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from . import i18n
from .dialogs import inform
from .style import fit_to_screen

DIR_ENV = "FACILITY_APP_GUIDE_DIR"
# headings the app can jump to (each guide has them; tests/test_ui_help.py checks)
SECTIONS = {"import": {"vi": "Nhập danh sách có sẵn", "en": "Bringing in an existing list"}}
translate = QCoreApplication.translate


def guide_dir() -> Path:
    """docs/ beside the package (a checkout), or in the frozen app's folder."""
    override = os.environ.get(DIR_ENV)
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


def guide_file(lang: str, suffix: str = "md") -> Path:
    path = guide_dir() / f"user-guide.{lang}.{suffix}"
    return path if path.exists() else guide_dir() / f"user-guide.vi.{suffix}"


class GuideWindow(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.lang = lang
        self.source = guide_file(lang)
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(self.source)), QTextDocument.ResourceType.MarkdownResource)
        self.browser.viewport().installEventFilter(self)
        self.pdf_button = QPushButton(objectName="guidePdf")
        self.pdf_button.clicked.connect(self.open_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.setWindowTitle(translate("GuideWindow", "User guide"))
        self.pdf_button.setText(translate("GuideWindow", "Printable version (PDF)"))
        self.pdf_button.setToolTip(translate("GuideWindow", "Open the guide as a PDF to print it"))
        self.close_button.setText(translate("GuideWindow", "Close"))
        fit_to_screen(self, 900, 680)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_images()
        return False

    def fit_images(self) -> None:
        """Screenshots no wider than the page (no sideways scrolling at 150 %)."""
        doc = self.browser.document()
        room = max(200, self.browser.viewport().width() - 2 * int(doc.documentMargin()) - 24)
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_fmt = fmt.toImageFormat()
                    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_fmt.name()))
                    size = getattr(image, "size", lambda: None)()
                    if size is not None and size.width() > 0:
                        width = min(size.width(), room)
                        if abs(image_fmt.width() - width) > 1:
                            image_fmt.setWidth(width)
                            image_fmt.setHeight(size.height() * width / size.width())
                            cursor = QTextCursor(doc)
                            cursor.setPosition(fragment.position())
                            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                            cursor.setCharFormat(image_fmt)
                it += 1
            block = block.next()

    def show_section(self, key: str) -> bool:
        """Scroll so the section's heading is at the top; False when it is not there."""
        heading = SECTIONS.get(key, {}).get(self.lang)
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading and heading in block.text():
                top = doc.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False

    def open_pdf(self) -> None:
        pdf = guide_file(self.lang, "pdf")
        if not pdf.exists() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))):
            inform(self, translate("GuideWindow", "User guide"),
                   translate("GuideWindow", "The printable guide could not be opened: {path}").format(path=pdf),
                   warning=True)


_current: GuideWindow | None = None


def open_guide(near: QWidget | None = None, section: str | None = None) -> GuideWindow:
    """Open the guide (one at a time) as a child of the window in front."""
    global _current
    parent = QApplication.activeModalWidget() or (near.window() if near is not None else None) \
        or QApplication.activeWindow()
    if _current is not None:
        if parent is _current:  # F1 in the guide itself: the same place again
            parent = _current.parentWidget()
        try:
            _current.close()
        except RuntimeError:  # already deleted with its parent
            pass
    _current = window = GuideWindow(i18n.current(), parent)
    token = id(window)
    window.destroyed.connect(lambda *_: _forget(token))  # an older guide's late deletion forgets nothing
    _current.show()
    _current.raise_()
    _current.activateWindow()
    if section:
        QApplication.processEvents()  # the layout must exist before scrolling to a heading
        _current.show_section(section)
    return _current


def _forget(token: int) -> None:
    global _current
    if _current is not None and id(_current) == token:
        _current = None


def current_guide() -> GuideWindow | None:
    return _current


_KEY_PRESS = QEvent.Type.KeyPress
_F1_KEY = Qt.Key.Key_F1
_NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class _F1(QObject):
    """Application-wide F1 (see the module docstring). It sees every event of
    every widget (a record opening is over a thousand), so it looks at the
    type first and nothing else, against a constant (no attribute look-ups)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() != _KEY_PRESS:
            return False
        if event.key() == _F1_KEY and event.modifiers() == _NO_MODIFIER and not event.isAutoRepeat():
            open_guide(watched if isinstance(watched, QWidget) else None)
            return True
        return False


_filter: _F1 | None = None


def install_f1(app: QApplication) -> None:
    """Once per application."""
    global _filter
    if _filter is None:
        _filter = _F1(app)
        app.installEventFilter(_filter)


class HelpActions(QObject):
    """The Help menu's "User guide (F1)", first in the menu."""

    def __init__(self, main):
        super().__init__(main)
        self.main = main
        self.act_guide = QAction(main, objectName="actUserGuide", shortcut=QKeySequence(Qt.Key.Key_F1))
        self.act_guide.triggered.connect(lambda: open_guide(main))
        menu = main.menu_help
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.act_guide)
        main.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_guide.setText(translate("HelpActions", "&User guide"))
        self.act_guide.setToolTip(translate("HelpActions", "How to use the program (F1 from any screen)"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def add_help(main) -> HelpActions:
    """F1 everywhere and the Help menu's guide (one line in the main window)."""
    install_f1(QApplication.instance())
    return HelpActions(main)

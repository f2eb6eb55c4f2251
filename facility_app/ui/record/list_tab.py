"""A record tab that lists rows and opens a form in their place: the same
rhythm on every tab (a button opens the form, Save or Esc returns)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from .. import style
from .fields import Banner
from .form_base import EditForm


def scrolled(form: QWidget) -> QScrollArea:
    """A form page that scrolls rather than squeezes when messages make it tall."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(form)
    return area


class ListTab(QWidget):
    def __init__(self, session, name: str, table_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.table_name = table_name
        self.setObjectName(name)
        self.toolbar = QHBoxLayout()
        self.banner = Banner(self)
        self.banner.setObjectName(f"{name}Banner")
        self.browse = QWidget(self)
        self.browse_layout = QVBoxLayout(self.browse)
        self.browse_layout.setContentsMargins(0, 0, 0, 0)
        self.browse_layout.addLayout(self.toolbar)
        self.browse_layout.addWidget(self.banner)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.browse)
        self._form_pages: dict[EditForm, QScrollArea] = {}
        self._forms: dict[str, EditForm] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)

    def add_button(self, name: str, text: str, slot, visible: bool = True) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        button.setVisible(visible)
        self.toolbar.addWidget(button)
        return button

    def finish_toolbar(self) -> None:
        self.toolbar.addStretch(1)

    def empty_label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {style.HINT_COLOUR}; padding: 12px;")
        return label

    def form_for(self, key: str, make) -> EditForm:
        """The form called ``key``, built the first time it is needed (opening a
        record stays fast: most visits only read)."""
        form = self._forms.get(key)
        if form is None:
            form = make()
            self._forms[key] = form
            self.add_form(form)
        return form

    def built_forms(self) -> list[EditForm]:
        return list(self._forms.values())

    def add_form(self, form: EditForm) -> None:
        page = scrolled(form)
        self._form_pages[form] = page
        self.pages.addWidget(page)
        form.sig_saved.connect(lambda result, f=form: self._saved(f, result))
        form.sig_closed.connect(self.show_browse)

    def open_form(self, form: EditForm) -> None:
        self.banner.clear_message()
        self.pages.setCurrentWidget(self._form_pages[form])
        first = getattr(form, "first_input", None)
        if first is not None:
            first.setFocus()

    def form_open(self) -> bool:
        return self.pages.currentWidget() is not self.browse

    def show_browse(self) -> None:
        self.pages.setCurrentWidget(self.browse)

    def _saved(self, form: EditForm, result) -> None:
        self.show_browse()
        self.banner.show_info(self.saved_text(form, result))  # the record reloads from what the save changed

    def saved_text(self, form: EditForm, result) -> str:
        return self.tr("Saved.")

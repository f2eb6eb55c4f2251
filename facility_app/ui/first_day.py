"""The first-day checklist: what a new facility does first, above the empty
resident list.

Shown while the facility has no residents or no staff accounts (only the
first admin); it goes away by itself once both exist. Each item is a button
that does the step or opens where it is done, as far as the person's role
allows; otherwise it says who does it ("bring in an existing list" opens
the import for a director or admin, the guide's section on it for others).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from care_core.domain.permissions import Permission
from . import help as guide
from .style import mark

DONE, PENDING = "✓", "•"  # the checklist marks


class FirstDayChecklist(QFrame):
    def __init__(self, main, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstDayChecklist")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.main = main
        self.session = main.session
        self.residents = None  # unknown until the list has loaded
        self.scroller: QScrollArea | None = None  # set by add_first_day
        self.staff = self._staff_accounts()

        self.title = mark(QLabel(objectName="firstDayTitle"), "heading")
        self.intro = QLabel(objectName="firstDayIntro", wordWrap=True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.rows = {}
        for row, key in enumerate(("accounts", "admit", "import", "guide")):
            status, text = QLabel(), QLabel(wordWrap=True)
            text.setObjectName(f"firstDayText_{key}")
            button = QPushButton(objectName=f"firstDay_{key}")
            button.clicked.connect(getattr(self, f"do_{key}"))
            grid.addWidget(status, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
            self.rows[key] = (status, text, button)
        can_admin = self.session.can(Permission.MANAGE_USERS)
        self.rows["accounts"][2].setVisible(can_admin)
        self.rows["admit"][2].setVisible(self.session.can(Permission.EDIT_RESIDENT))
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.intro)
        lay.addLayout(grid)

        main.residents.sig_loaded.connect(self._residents_loaded)
        self.session.sig_changes.connect(self._changed)
        self.retranslate()
        self._update()

    def _staff_accounts(self) -> int:
        """Accounts besides the first admin (the user service counts them; no login needed)."""
        return max(0, self.session.services.users.count() - 1)

    def _residents_loaded(self, count: int) -> None:
        self.residents = count
        self._update()

    def _changed(self, changes) -> None:
        if changes.touches("users"):
            self.staff = self._staff_accounts()
            self._update()

    def needed(self) -> bool:
        return self.residents == 0 or self.staff == 0

    def _update(self) -> None:
        shown = self.residents is not None and self.needed()
        self.setVisible(shown)
        if self.scroller is not None:
            self.scroller.setVisible(shown)
        for key, done in (("accounts", self.staff > 0), ("admit", bool(self.residents))):
            self.rows[key][0].setText(DONE if done else PENDING)
        self.rows["import"][0].setText(PENDING)
        self.rows["guide"][0].setText(PENDING)

    # --- texts ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("First day: getting started"))
        self.intro.setText(self.tr("No residents or no staff accounts yet. This box goes away once both exist."))
        accounts_text = self.tr("Create accounts for the nurses, doctors and director.")
        if not self.session.can(Permission.MANAGE_USERS):
            accounts_text += " " + self.tr("The administrator does this.")
        texts = {
            "accounts": (accounts_text, self.tr("Open Administration…")),
            "admit": (self.tr("Admit the first resident (Ctrl+N)."), self.tr("Admit a resident…")),
            "import": ((self.tr("Bring in an existing list from Excel or CSV (the columns of the residents export)."),
                        self.tr("Import a list…")) if self._may_import() else
                       (self.tr("Bring in an existing list from Excel or CSV: the director or administrator "
                                "does this."), self.tr("How? (user guide)"))),
            "guide": (self.tr("Read the user guide (F1 on any screen)."), self.tr("Open the user guide")),
        }
        for key, (text, button) in texts.items():
            self.rows[key][1].setText(text)
            self.rows[key][2].setText(button)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the steps ------------------------------------------------------------------

    def do_accounts(self) -> None:
        self.main.act_admin.trigger()

    def do_admit(self) -> None:
        self.main.admit()

    def _may_import(self) -> bool:
        return self.session.can(Permission.IMPORT_RESIDENTS)

    def do_import(self) -> None:
        if self._may_import():
            self.main.import_residents()
        else:
            guide.open_guide(self, section="import")

    def do_guide(self) -> None:
        guide.open_guide(self)


def add_first_day(main) -> FirstDayChecklist:
    """Put the checklist above the resident list (one line in the main window)."""
    checklist = FirstDayChecklist(main)
    scroller = QScrollArea(objectName="firstDayScroller", widgetResizable=True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setWidget(checklist)
    checklist.scroller = scroller
    main.residents.layout().insertWidget(0, scroller)
    checklist._update()
    return checklist

"""Where the main window meets the nursing rounds: "Nursing rounds…" in the
Residents menu of a merit-care centre (the only kind that receives rounds);
nothing for the other kinds of facility."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from care_core.domain.enums import FacilityType

translate = QCoreApplication.translate


class RoundActions(QObject):
    def __init__(self, main: QMainWindow):
        super().__init__(main)
        self.setObjectName("roundActions")
        self.main = main
        self.window = None
        self.act_rounds = QAction(main, objectName="actRounds")
        self.act_rounds.triggered.connect(self.open_rounds)
        main.menu_residents.addSeparator()
        main.menu_residents.addAction(self.act_rounds)
        main.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_rounds.setText(translate("RoundActions", "Nursing &rounds…"))
        self.act_rounds.setToolTip(translate("RoundActions", "Rounds of rotating nursing stays: the province's list, "
                                                             "admission, intake checkups, discharge"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_rounds(self):
        if getattr(self.main, "locked", False):
            return None
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        from .window import RoundsWindow

        window = RoundsWindow(self.main.session, self.main)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_a: setattr(self, "window", None))
        self.window = window
        window.show()
        return window


def add_round_actions(main: QMainWindow) -> RoundActions | None:
    """The rounds for a merit-care centre; None for the other kinds."""
    facility = main.session.services.facility.get()
    if facility is None or facility.type != FacilityType.MERIT_CARE:
        return None
    return RoundActions(main)

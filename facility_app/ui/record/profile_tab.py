"""Profile tab: edit the resident's profile (optimistic version: a change
made meanwhile on another PC is refused with a message, never overwritten),
and discharge for the roles allowed to. Below, the person's stays (lượt:
one record for life, many stays) and re-admission of a discharged person."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from care_core.domain import history

from care_core.domain.entities import BhytCard, Resident, RoomChange, Stay
from care_core.domain.permissions import Permission
from .. import style
from . import labels
from .discharge_dialog import DischargeDialog
from .merge_dialog import MergeDialog
from .profile_form import ProfileForm
from .readmit_dialog import ReadmitDialog
from .stay_dialog import StayDialog


class ProfileTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("profilePage")
        self._resident: Resident | None = None
        self.status = QLabel(self)
        self.status.setObjectName("profileDischargeStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(style.NOTICE_BOX)
        self.status.hide()
        self.form = ProfileForm(session, admitting=False, parent=self)
        self.form.sig_saved.connect(self._saved)
        self.form.sig_closed.connect(self._undo)
        if not session.can(Permission.EDIT_RESIDENT):
            for box in self.form.findChildren(QWidget):
                box.setEnabled(False)
        self.discharge_button = QPushButton(self.tr("Discharge…"), self)
        self.discharge_button.setObjectName("profileDischarge")
        self.discharge_button.setVisible(session.can(Permission.DISCHARGE_RESIDENT))
        self.discharge_button.clicked.connect(self.open_discharge)
        self.form.extra_buttons.addWidget(self.discharge_button)
        self.dialog: DischargeDialog | None = None
        self.merge_button = QPushButton(self.tr("Merge duplicate records…"), self)
        self.merge_button.setObjectName("profileMerge")
        self.merge_button.setVisible(session.can(Permission.MERGE_RESIDENTS))
        self.merge_button.clicked.connect(self.open_merge)
        self.form.extra_buttons.addWidget(self.merge_button)
        self.merge_dialog: MergeDialog | None = None
        self.readmit_button = QPushButton(self.tr("Re-admit…"), self)
        self.readmit_button.setObjectName("profileReadmit")
        self.readmit_button.setVisible(session.can(Permission.EDIT_RESIDENT))
        self.readmit_button.clicked.connect(self.open_readmit)
        self.form.extra_buttons.addWidget(self.readmit_button)
        self.readmit_dialog: ReadmitDialog | None = None
        self._readmit_when_loaded = False  # asked for before the record was read
        self._stays: list[Stay] = []

        # the stays: one person, one record, many stays
        self.stays_box = QGroupBox(self.tr("Stays"), self)
        self.stays_box.setObjectName("profileStaysBox")
        self.stays = QTableWidget(0, 5, self.stays_box)
        self.stays.setObjectName("profileStays")
        self.stays.setHorizontalHeaderLabels([self.tr("Kind of stay"), self.tr("Admitted"), self.tr("Discharged"),
                                              self.tr("Reason"), self.tr("Days")])
        self.stays.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stays.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stays.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stays.verticalHeader().hide()
        self.stays.horizontalHeader().setStretchLastSection(True)
        self.stays.setMaximumHeight(130)
        may_edit = session.can(Permission.EDIT_RESIDENT)
        self.correct_stay_button = QPushButton(self.tr("Correct the chosen stay…"), self.stays_box)
        self.correct_stay_button.setObjectName("profileCorrectStay")
        self.correct_stay_button.setVisible(may_edit)
        self.correct_stay_button.setEnabled(False)
        self.correct_stay_button.clicked.connect(self.open_correct_stay)
        self.add_stay_button = QPushButton(self.tr("Add an earlier stay…"), self.stays_box)
        self.add_stay_button.setObjectName("profileAddStay")
        self.add_stay_button.setVisible(may_edit)
        self.add_stay_button.clicked.connect(self.open_add_stay)
        self.stays.itemSelectionChanged.connect(
            lambda: self.correct_stay_button.setEnabled(self.chosen_stay() is not None))
        if may_edit:
            self.stays.cellDoubleClicked.connect(lambda _r, _c: self.open_correct_stay())
        self.stay_dialog: StayDialog | None = None
        stay_buttons = QHBoxLayout()
        stay_buttons.addStretch(1)
        stay_buttons.addWidget(self.correct_stay_button)
        stay_buttons.addWidget(self.add_stay_button)
        box = QVBoxLayout(self.stays_box)
        box.addWidget(self.stays)
        box.addLayout(stay_buttons)

        # the histories: a renewal adds a card, a move adds a room; the past stays readable
        self.past = QGroupBox(self.tr("Health-insurance cards and rooms over time"), self)
        self.past.setObjectName("profileHistory")
        self.cards = QTableWidget(0, 4, self.past)
        self.cards.setObjectName("profileCards")
        self.cards.setHorizontalHeaderLabels([self.tr("Card number"), self.tr("Valid from"), self.tr("Valid to"),
                                              self.tr("Place of first registration")])
        self.cards.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.cards.verticalHeader().hide()
        self.cards.horizontalHeader().setStretchLastSection(True)
        self.cards.setMaximumHeight(120)
        self.no_cards = QLabel(self.tr("No health-insurance card recorded."), self.past)
        self.no_cards.setObjectName("profileNoCards")
        self.rooms = QLabel(self.past)
        self.rooms.setObjectName("profileRooms")
        self.rooms.setWordWrap(True)
        past = QVBoxLayout(self.past)
        past.addWidget(self.cards)
        past.addWidget(self.no_cards)
        past.addWidget(self.rooms)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.stays_box)
        layout.addWidget(self.past)

    def built_forms(self) -> list:
        return [self.form]

    def set_data(self, resident: Resident, cards: list[BhytCard] = (), rooms: list[RoomChange] = (),
                 stays: list[Stay] = ()) -> None:
        self._resident = resident
        self._show_history(list(cards), list(rooms))
        self._show_stays(list(stays))
        if not self.form.is_dirty():
            self.form.load(resident)
        gone = resident.discharge_date is not None
        self.discharge_button.setEnabled(not gone)
        self.readmit_button.setEnabled(gone)
        if self._readmit_when_loaded:
            self._readmit_when_loaded = False
            self.open_readmit()
        if gone:
            self.status.setText(self.tr("Discharged on %1: %2.").replace("%1", labels.day(resident.discharge_date))
                                .replace("%2", labels.discharge_reason(resident.discharge_reason)))
        self.status.setVisible(gone)

    def _show_history(self, cards: list[BhytCard], rooms: list[RoomChange]) -> None:
        self.cards.setRowCount(len(cards))
        for i, card in enumerate(reversed(cards)):  # the newest first
            for j, value in enumerate((card.number, labels.day(card.valid_from), labels.day(card.valid_to),
                                       card.registration_place)):
                self.cards.setItem(i, j, QTableWidgetItem(value))
        self.cards.resizeColumnsToContents()
        self.cards.setVisible(bool(cards))
        self.no_cards.setVisible(not cards)
        steps = [self.tr("%1 from %2").replace("%1", r.room).replace("%2", labels.day(r.moved_on)) for r in rooms]
        self.rooms.setText(self.tr("Rooms: %1").replace("%1", " → ".join(steps)) if steps else self.tr("Rooms: none recorded."))

    def _show_stays(self, stays: list[Stay]) -> None:
        self._stays = stays
        today = self.session.services.residents.today()
        self.stays.setRowCount(len(stays))
        for i, stay in enumerate(reversed(stays)):  # the latest first
            for j, value in enumerate((labels.stay_kind(stay.kind), labels.day(stay.admitted_on),
                                       labels.day(stay.discharged_on), labels.discharge_reason(stay.discharge_reason),
                                       str(stay.days(today)))):
                self.stays.setItem(i, j, QTableWidgetItem(value))
        self.stays.resizeColumnsToContents()
        self.stays_box.setTitle(self.tr("Stays (%1)").replace("%1", str(len(stays))))

    def chosen_stay(self) -> Stay | None:
        rows = {i.row() for i in self.stays.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self._stays[len(self._stays) - 1 - row] if 0 <= row < len(self._stays) else None  # the latest first

    def _stay_kind(self):
        return self._stays[-1].kind if self._stays else history.implied_stay_kind(None)

    def open_correct_stay(self) -> None:
        stay = self.chosen_stay()
        if self._resident is None or stay is None:
            return
        self._open_stay_dialog(stay, stay.kind)

    def open_add_stay(self) -> None:
        if self._resident is None:
            return
        self._open_stay_dialog(None, self._stay_kind())

    def _open_stay_dialog(self, stay: Stay | None, kind) -> None:
        if self.stay_dialog is not None:  # one at a time; the closed one goes
            self.stay_dialog.deleteLater()
        self.stay_dialog = StayDialog(self.session, self._resident, stay, self._stays, kind, self)
        self.stay_dialog.open()

    def readmit_when_ready(self) -> None:
        """Open the Re-admit dialog now, or as soon as the record is read."""
        if self._resident is None:
            self._readmit_when_loaded = True
        else:
            self.open_readmit()

    def open_readmit(self) -> None:
        if self._resident is None or self._resident.discharge_date is None:
            return
        kind = self._stays[-1].kind if self._stays else None
        self.readmit_dialog = ReadmitDialog(self.session, self._resident, kind, self)
        self.readmit_dialog.open()

    def _saved(self, resident: Resident) -> None:
        self._resident = resident
        self.form.load(resident)
        self.form.banner.show_info(self.tr("Profile saved."))

    def _undo(self) -> None:
        if self._resident is not None:
            self.form.load(self._resident)

    def open_discharge(self) -> None:
        if self._resident is None or self._resident.discharge_date is not None:
            return
        self.dialog = DischargeDialog(self.session, self._resident, self)
        self.dialog.accepted.connect(self._discharged)
        self.dialog.open()

    def _discharged(self) -> None:
        if self.dialog is not None and self.dialog.discharged is not None:
            self.form.load(self.dialog.discharged)

    def open_merge(self) -> None:
        if self._resident is None:
            return
        self.merge_dialog = MergeDialog(self.session, self._resident, self)
        self.merge_dialog.open()

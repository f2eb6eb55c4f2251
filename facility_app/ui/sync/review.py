"""Conflicts and rejected changes, for a person to decide.

Two tabs. **Conflicts**: one field of one record was changed on two PCs
without either seeing the other; the record shows the later edit and the
other value waits here. Each line names the resident, the field (the
domain's Vietnamese/English label), this PC's value and the other PC's, and
which one the record shows now; the two buttons say the values themselves
("Keep “P-một” (this PC)"), so nobody has to remember which side is
"mine". **Rejected changes**: what the server refused, with its reason in
the person's language; they block nothing, and "Mark as read" takes them off
the count once the person has re-entered what was needed.

Everything is read off the GUI thread (``load``); resolving writes a normal
audited local change (``services.sync.resolve``) that the next sync tells
the server, so the dialog asks the worker for a sync when it closes after a
decision.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import Conflict, ParkedChange
from ..dialogs import confirm, explain
from ..forms import ErrorLabel
from ..record import labels
from ..record.history_tab import HIDDEN, _label as field_label, show_value
from ..style import fit_to_screen, mark
from ..workers import run_async
from .texts import texts

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class ReviewData:
    conflicts: list[Conflict] = field(default_factory=list)
    parked: list[ParkedChange] = field(default_factory=list)
    residents: dict[str, str] = field(default_factory=dict)  # resident id -> "Name (code)"
    checkups: dict[str, tuple[str, object]] = field(default_factory=dict)  # checkup id -> (resident id, date)


def load(services, actor) -> ReviewData:
    """Off the GUI thread: the open conflicts, the parked changes, and the
    names of the residents they concern."""
    data = ReviewData(services.sync.conflicts(actor), services.sync.parked(actor))
    wanted = {c.row_id for c in data.conflicts if c.table == "residents"}
    wanted |= {p.row_id for p in data.parked if p.table == "residents"}
    wanted |= {p.fields["resident_id"] for p in data.parked if isinstance(p.fields.get("resident_id"), str)}
    # a checkup's resident and date from its versions (an edit names neither)
    for row_id in {c.row_id for c in data.conflicts if c.table == "checkups"} | \
                  {p.row_id for p in data.parked if p.table == "checkups"}:
        try:
            versions = services.clinical.checkup_history(actor, row_id)
        except Exception:  # a refused insert: not on this PC's books as a checkup of anyone
            continue
        if versions:
            data.checkups[row_id] = (versions[0].resident_id, versions[0].checkup_date)
            wanted.add(versions[0].resident_id)
    for resident_id in wanted:
        try:
            r = services.residents.get(actor, resident_id)
        except Exception:  # not on this PC (a refused admission): named by what the change says
            continue
        data.residents[resident_id] = f"{r.full_name} ({r.code})" if r.code else r.full_name
    return data


class SyncReviewDialog(QDialog):
    sig_decided = Signal(str)  # the table whose record changed

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncReviewDialog")
        self.session = session
        self.data: ReviewData | None = None
        self.decided = 0  # resolutions and dismissals made here
        self.loading = False

        self.tabs = QTabWidget(objectName="syncReviewTabs")
        # conflicts
        self.conflict_page = QWidget(objectName="syncConflictsPage")
        self.conflict_intro = mark(QLabel(objectName="syncConflictsIntro"), "hint")
        self.conflict_intro.setWordWrap(True)
        self.conflict_table = self._table("syncConflictTable", 5)
        self.conflict_detail = QLabel(objectName="syncConflictDetail")
        self.conflict_detail.setWordWrap(True)
        self.conflict_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_mine = QPushButton(objectName="syncKeepMine")
        self.keep_theirs = QPushButton(objectName="syncKeepTheirs")
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.conflict_error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.keep_mine)
        row.addWidget(self.keep_theirs)
        row.addStretch(1)
        lay = QVBoxLayout(self.conflict_page)
        lay.addWidget(self.conflict_intro)
        lay.addWidget(self.conflict_table, 1)
        lay.addWidget(self.conflict_detail)
        lay.addLayout(row)
        lay.addWidget(self.conflict_error)
        # rejected changes
        self.parked_page = QWidget(objectName="syncParkedPage")
        self.parked_intro = mark(QLabel(objectName="syncParkedIntro"), "hint")
        self.parked_intro.setWordWrap(True)
        self.parked_table = self._table("syncParkedTable", 4)
        self.parked_detail = QLabel(objectName="syncParkedDetail")
        self.parked_detail.setWordWrap(True)
        self.parked_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(objectName="syncDismiss")
        self.dismiss_all = QPushButton(objectName="syncDismissAll")
        self.dismiss.clicked.connect(lambda: self.dismiss_parked(all_of_them=False))
        self.dismiss_all.clicked.connect(lambda: self.dismiss_parked(all_of_them=True))
        self.parked_error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.dismiss)
        row.addWidget(self.dismiss_all)
        row.addStretch(1)
        lay = QVBoxLayout(self.parked_page)
        lay.addWidget(self.parked_intro)
        lay.addWidget(self.parked_table, 1)
        lay.addWidget(self.parked_detail)
        lay.addLayout(row)
        lay.addWidget(self.parked_error)
        self.tabs.addTab(self.conflict_page, "")
        self.tabs.addTab(self.parked_page, "")

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("syncReviewClose")
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.buttons)
        self.conflict_table.itemSelectionChanged.connect(self._conflict_selected)
        self.parked_table.itemSelectionChanged.connect(self._parked_selected)
        session.sig_language_changed.connect(self._language_changed)  # bound: dropped with the dialog
        fit_to_screen(self, 1100, 620)
        self.retranslate()
        self.reload()

    @staticmethod
    def _table(name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setObjectName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setHighlightSections(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        return table

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync: conflicts and rejected changes"))
        self.conflict_intro.setText(self.tr(
            "The same information was changed on two PCs before they could sync. The record shows the later "
            "change; choose which value is right. Your choice is saved here and sent at the next sync."))
        self.parked_intro.setText(self.tr(
            "The provincial server did not accept these changes. They stay saved on this PC and hold up nothing "
            "else. Read the reason, correct or re-enter what is needed, then mark the change as read."))
        self.conflict_table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Information"), self.tr("Value on this PC"), self.tr("Value on the other PC"),
            self.tr("Shown now")])
        self.parked_table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Change"), self.tr("What was changed"), self.tr("Why the server refused it")])
        self.dismiss.setText(self.tr("&Mark as read"))
        self.dismiss_all.setText(self.tr("Mark &all as read"))
        self.close_button.setText(self.tr("&Close"))
        self._fill()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()  # field labels and the server's reasons follow session.lang, set after the translators

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        s = self.session
        run_async(lambda: load(s.services, s.actor), self._loaded, self._load_failed, owner=self)

    def _loaded(self, data: ReviewData) -> None:
        self.loading = False
        self.data = data
        self._fill()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.conflict_error.show_text(explain(exc, self.session.lang))

    def _record(self, table: str, row_id: str, fields: dict | None = None) -> str:
        names = self.data.residents if self.data else {}
        kind = {
            "residents": self.tr("Resident"), "checkups": self.tr("Checkup"),
            "conditions": self.tr("Chronic condition"), "rehab_sessions": self.tr("Rehabilitation session"),
            "referrals": self.tr("Referral"), "users": self.tr("User account"),
            "facility": self.tr("Facility settings"),
        }.get(table, table)
        if table == "residents":
            name = names.get(row_id) or (fields or {}).get("full_name")
            return name or kind
        resident_id = (fields or {}).get("resident_id") or ""
        if table == "checkups" and self.data and row_id in self.data.checkups:
            resident_id, day = self.data.checkups[row_id]
            kind = f"{kind} {labels.day(day)}"
        resident = names.get(resident_id)
        if table == "users" and (fields or {}).get("username"):
            resident = fields["username"]
        return f"{kind} — {resident}" if resident else kind

    def _value(self, name: str, value) -> str:
        if name == "password_hash" and value:
            return "••••••"  # an account's password hash is nobody's to read, even hashed
        return show_value(name, value, self.session.lang)

    def _fill(self) -> None:
        data = self.data
        conflicts = data.conflicts if data else []
        parked = data.parked if data else []
        self.tabs.setTabText(0, self.tr("Conflicts ({n})").format(n=len(conflicts)))
        self.tabs.setTabText(1, self.tr("Rejected changes ({n})").format(n=len(parked)))
        self._fill_conflicts(conflicts)
        self._fill_parked(parked)

    def _fill_conflicts(self, conflicts: list[Conflict]) -> None:
        table = self.conflict_table
        chosen = self._selected_id(table)
        table.setRowCount(len(conflicts))
        lang = self.session.lang
        for row, c in enumerate(conflicts):
            cells = [self._record(c.table, c.row_id), field_label(c.field, lang), self._value(c.field, c.mine),
                     self._value(c.field, c.theirs),
                     self.tr("this PC") if c.mine_is_current else self.tr("the other PC")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ID_ROLE, c.id)
                table.setItem(row, col, item)
        self._fit(table)
        self._reselect(table, chosen)
        if not conflicts:
            self.conflict_detail.setText(self.tr("No conflicts: nothing to decide."))
        self._conflict_selected()

    def _fill_parked(self, parked: list[ParkedChange]) -> None:
        table = self.parked_table
        chosen = self._selected_id(table)
        table.setRowCount(len(parked))
        lang = self.session.lang
        ops = {"insert": self.tr("New record"), "update": self.tr("Edit"), "delete": self.tr("Deletion")}
        for row, p in enumerate(parked):
            cells = [self._record(p.table, p.row_id, p.fields), ops.get(p.op, p.op), self._fields(p.fields),
                     p.reason(lang)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ID_ROLE, p.seq)
                table.setItem(row, col, item)
        self._fit(table)
        self._reselect(table, chosen)
        if not parked:
            self.parked_detail.setText(self.tr("No rejected changes."))
        self._parked_selected()

    def _fields(self, fields: dict) -> str:
        lang = self.session.lang
        shown = [f"{field_label(k, lang)}: {self._value(k, v)}" for k, v in fields.items()
                 if k not in HIDDEN and k != "password_hash" and v not in (None, "")]
        return "; ".join(shown[:6]) + ("; …" if len(shown) > 6 else "")

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        header = table.horizontalHeader()
        for col in range(table.columnCount() - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            table.resizeColumnToContents(col)
            header.resizeSection(col, min(header.sectionSize(col), 260))

    @staticmethod
    def _selected_id(table: QTableWidget):
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return table.item(rows[0].row(), 0).data(ID_ROLE) if rows and table.item(rows[0].row(), 0) else None

    @staticmethod
    def _reselect(table: QTableWidget, wanted) -> None:
        for row in range(table.rowCount()):
            if table.item(row, 0).data(ID_ROLE) == wanted:
                table.selectRow(row)
                return
        if table.rowCount():
            table.selectRow(0)

    # --- conflicts -------------------------------------------------------------------------------

    def selected_conflict(self) -> Conflict | None:
        cid = self._selected_id(self.conflict_table)
        for c in (self.data.conflicts if self.data else []):
            if c.id == cid:
                return c
        return None

    def _conflict_selected(self) -> None:
        c = self.selected_conflict()
        self.keep_mine.setEnabled(c is not None)
        self.keep_theirs.setEnabled(c is not None)
        if c is None:
            self.keep_mine.setText(self.tr("Keep this PC's value"))
            self.keep_theirs.setText(self.tr("Keep the other PC's value"))
            return
        mine, theirs = self._value(c.field, c.mine), self._value(c.field, c.theirs)
        self.keep_mine.setText(self.tr("Keep “{value}” (this PC)").format(value=_short(mine)))
        self.keep_theirs.setText(self.tr("Keep “{value}” (other PC)").format(value=_short(theirs)))
        where = self._record(c.table, c.row_id)
        lines = [
            f"<b>{_html(where)}</b> — {_html(field_label(c.field, self.session.lang))}",
            self.tr("On this PC: {value}").format(value=_html(mine))
            + (" " + self.tr("(entered on this PC)") if c.mine_from_here else ""),
            self.tr("On the other PC: {value}").format(value=_html(theirs)),
            self.tr("The record shows the later change now: {which}.").format(
                which=self.tr("this PC's value") if c.mine_is_current else self.tr("the other PC's value")),
            self.tr("Found {when}.").format(when=texts().when(_moment(c.detected_at))),
        ]
        self.conflict_detail.setText("<br>".join(lines))

    def resolve(self, keep: str) -> None:
        c = self.selected_conflict()
        if c is None:
            return
        self.conflict_error.show_text("")
        try:
            s = self.session
            s.perform(lambda: s.services.sync.resolve(s.actor, c.id, keep))  # open screens refresh from what it wrote
        except Exception as exc:
            self.conflict_error.show_text(explain(exc, self.session.lang))
            return
        self.decided += 1
        self.sig_decided.emit(c.table)
        self.reload()

    # --- rejected changes ----------------------------------------------------------------------------

    def selected_parked(self) -> ParkedChange | None:
        seq = self._selected_id(self.parked_table)
        for p in (self.data.parked if self.data else []):
            if p.seq == seq:
                return p
        return None

    def _parked_selected(self) -> None:
        p = self.selected_parked()
        has_any = bool(self.data and self.data.parked)
        self.dismiss.setEnabled(p is not None)
        self.dismiss_all.setEnabled(has_any)
        if p is None:
            return
        self.parked_detail.setText("<br>".join([
            f"<b>{_html(self._record(p.table, p.row_id, p.fields))}</b>",
            _html(self._fields(p.fields)),
            self.tr("Why: {reason}").format(reason=_html(p.reason(self.session.lang))),
        ]))

    def dismiss_parked(self, all_of_them: bool) -> None:
        p = self.selected_parked()
        if not all_of_them and p is None:
            return
        n = len(self.data.parked) if (all_of_them and self.data) else 1
        question = (self.tr("Mark all %n rejected change(s) as read? They will no longer be counted; they are "
                            "not sent again.", "", n) if all_of_them else
                    self.tr("Mark this rejected change as read? It will no longer be counted; it is not sent "
                            "again. Re-enter what is needed first."))
        confirm(self, self.tr("Mark as read"), question, self.tr("Mark as read"),
                lambda: self._dismiss(None if all_of_them else p.seq), no=self.tr("Cancel"))

    def _dismiss(self, seq: int | None) -> None:
        self.parked_error.show_text("")
        try:
            self.session.services.sync.dismiss_parked(self.session.actor, seq)
        except Exception as exc:
            self.parked_error.show_text(explain(exc, self.session.lang))
            return
        self.decided += 1
        self.sig_decided.emit("")
        self.reload()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None

"""The resident list: type to find, filter by group and stay, open with Enter.

Rows load off the GUI thread (10,000 residents take a fraction of a second
to read); the list refreshes itself when a screen announces a change to
residents.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from care_core.domain.enums import BeneficiaryGroup, Sex
from ..services.roster import RosterService
from . import names
from .dialogs import explain
from .models.residents import COLUMNS, ResidentFilterProxy, ResidentTableModel, prepare
from .style import mark
from .workers import run_async


class ResidentTable(QTableView):
    """The list's table. Letters typed here go to the search box (``sig_typed``)
    instead of Qt's type-ahead, which would silently move the selection to
    whichever name starts with them: Enter must open only what the nurse saw
    selected."""

    sig_typed = Signal(str)

    def keyboardSearch(self, text: str) -> None:  # noqa: N802 - Qt name
        if text.isprintable():
            self.sig_typed.emit(text)


class ResidentListWidget(QWidget):
    sig_open = Signal(str)  # resident id
    sig_loaded = Signal(int)  # how many rows

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("residentList")
        self.session = session
        self.roster = RosterService(session.services.store, session.services.residents.today)
        self.loading = False
        self._reload_again = False
        self._after_load: list = []
        self._typed_at = float("-inf")  # time.monotonic() of the last change of the search text

        self.model = ResidentTableModel(session.services.residents.today, self)
        self.proxy = ResidentFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_label = QLabel()
        self.search = QLineEdit(objectName="residentSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.group = QComboBox(objectName="groupFilter")
        self.status = QComboBox(objectName="statusFilter")
        for combo in (self.group, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("nguyen van an") + 40)
        self.count = mark(QLabel(objectName="residentCount"), "hint")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = mark(QLabel(), "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.table = ResidentTable(objectName="residentTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("full_name"), QHeaderView.ResizeMode.Stretch)
        self._size_columns()

        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 1)  # the search box gets the room; the combos their text
        filters.addWidget(self.group)
        filters.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addWidget(self.busy)
        lay.addWidget(self.error)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)

        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.open_selected)
        self.search.installEventFilter(self)
        self.group.activated.connect(self._group_changed)
        self.status.activated.connect(self._status_changed)
        self.table.activated.connect(self._activated)
        self.table.sig_typed.connect(self.type_into_search)
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.modelReset.connect(self._restore_selection)
        self._kept_id: str | None = None
        session.sig_changes.connect(self._changed)
        self._debounce = QTimer(self, singleShot=True, interval=400, timeout=self.reload)
        self.retranslate()

    # --- texts ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Find:"))
        self.search.setPlaceholderText(self.tr("name, code, room or CCCD (accents not needed)"))
        self.search.setToolTip(self.tr("Type part of a name without accents, e.g. “nguyen van an”. "
                                       "The first match is selected; Down arrow goes to the list, "
                                       "Enter opens the selected resident."))
        current_group = self.group.currentData()
        self.group.clear()
        self.group.addItem(self.tr("All groups"), None)
        for g in BeneficiaryGroup:
            self.group.addItem(names.group(g), g.value)
        self.group.setCurrentIndex(max(0, self.group.findData(current_group)))
        current_status = self.status.currentData() or "present"
        self.status.clear()
        for key, text in (("present", self.tr("Present")), ("left", self.tr("Left the facility")),
                          ("all", self.tr("Everyone"))):
            self.status.addItem(text, key)
        self.status.setCurrentIndex(self.status.findData(current_status))
        self.group.setToolTip(self.tr("Show one beneficiary group only"))
        self.status.setToolTip(self.tr("Residents present now, those who left, or everyone"))
        self.model.retranslate()
        self._size_columns()
        self._fit_columns()
        self._update_count()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _size_columns(self) -> None:
        """Fixed columns as wide as their content or header (whichever is wider); the name takes the rest."""
        metrics = self.table.fontMetrics()
        bold = self.table.horizontalHeader().fontMetrics()
        self._widths: dict[str, int] = {}
        sex = max((names.sex(s) for s in Sex), key=metrics.horizontalAdvance)
        samples = {"code": "DT-00000", "sex": sex, "birth_date": "00/00/0000 (100)", "room": "Nhà 2 - P.1",
                   "groups": self._groups_sample(metrics), "status": self.model.text_for_width()}
        for name, sample in samples.items():
            column = COLUMNS.index(name)
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(header) + 18) + 20
            self.table.setColumnWidth(column, width)
            self._widths[name] = width
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)

    # the groups column fits the residents' own codes up to three groups; more are elided
    # (the tooltip names every group in full)
    _GROUPS_MIN, _GROUPS_MAX = "BTXH, NKT", "BTXH, NCT, NKT"

    def _groups_sample(self, metrics) -> str:
        kinds = {row.groups for row in self.model.rows()}  # a handful of distinct lists, not one per resident
        widest = max((", ".join(g.value for g in groups) for groups in kinds),
                     key=metrics.horizontalAdvance, default="")
        cap = metrics.horizontalAdvance(self._GROUPS_MAX)
        if metrics.horizontalAdvance(widest) > cap:
            return self._GROUPS_MAX
        return max(widest, self._GROUPS_MIN, key=metrics.horizontalAdvance)

    # columns a narrow window (150 % scaling) drops first, so the name stays readable
    _OPTIONAL_COLUMNS = ("status", "sex", "groups", "room")
    _NAME_MIN_CHARS = "Nguyễn Thị Phương Thảo"

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        available = self.table.viewport().width() or self.table.width()
        name_min = self.table.fontMetrics().horizontalAdvance(self._NAME_MIN_CHARS) + 24
        hidden = set()
        def fixed():
            return sum(w for c, w in self._widths.items() if c not in hidden)
        for column in self._OPTIONAL_COLUMNS:
            if available - fixed() >= name_min:
                break
            hidden.add(column)
        for i, c in enumerate(COLUMNS):
            self.table.setColumnHidden(i, c in hidden)

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        if self.loading:
            self._reload_again = True
            return
        self.loading = True
        self.busy.show()
        roster, actor, order = self.roster, self.session.actor, self.model.order
        run_async(lambda: prepare(roster.rows(actor), order), self._loaded, self._failed)

    def _loaded(self, rows) -> None:
        self.loading = False
        self.busy.hide()
        self.error.hide()
        self.model.set_rows(rows)
        self._size_columns()  # the groups column follows the longest groups now listed
        self._fit_columns()
        self.sig_loaded.emit(self.model.rowCount())
        self._run_after_load()
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _failed(self, exc) -> None:
        self.loading = False
        self.busy.hide()
        self.error.setText(explain(exc, self.session.lang))
        self.error.show()
        self._run_after_load()

    def after_load(self, callback) -> None:
        """Call ``callback`` once the load under way has ended (loaded or
        failed), or now if none is: other start-up reads wait for the list,
        so they do not share the CPU (and Python's lock) with it."""
        if self.loading:
            self._after_load.append(callback)
        else:
            callback()

    def _run_after_load(self) -> None:
        waiting, self._after_load = self._after_load, []
        for callback in waiting:
            callback()

    def _changed(self, changes) -> None:
        if changes.touches("residents"):
            self._debounce.start()

    # --- filtering ------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        self._typed_at = time.monotonic()
        self.proxy.set_filter(text=text)
        self._update_count()
        self.select_row(0 if text.strip() else -1)

    def typed_recently(self, seconds: float = 1.0) -> bool:
        """The search text changed within ``seconds`` (idle work waits)."""
        return time.monotonic() - self._typed_at < seconds

    def select_row(self, row: int) -> None:
        """Show ``row`` selected and in sight (-1: nothing): what Enter opens is what is seen."""
        if 0 <= row < self.proxy.rowCount():
            index = self.proxy.index(row, COLUMNS.index("full_name"))
            selection = self.table.selectionModel()
            if selection.currentIndex() != index or not selection.isRowSelected(row) \
                    or len(selection.selectedRows()) != 1:  # typing on often keeps the same first match
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        else:
            self.table.selectionModel().clear()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.resident_id(rows[0].row()) if rows else None

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_id()

    def _restore_selection(self) -> None:
        """A reload keeps the same resident selected, or none (never another one)."""
        kept, self._kept_id = self._kept_id, None
        for row in range(self.proxy.rowCount()) if kept else ():
            if self.proxy.resident_id(row) == kept:
                self.select_row(row)
                return
        self.select_row(-1)

    def _group_changed(self, _index: int) -> None:
        value = self.group.currentData()
        self.proxy.set_filter(group=BeneficiaryGroup(value) if value else None)
        self._update_count()

    def _status_changed(self, _index: int) -> None:
        self.proxy.set_filter(status=self.status.currentData())
        self._update_count()

    def _update_count(self, *args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("Showing {shown} of %Ln resident(s)", "", total).format(
            shown=self.locale().toString(shown)))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def type_into_search(self, text: str) -> None:
        """Typing while the table (or the Today panel) has the focus goes on in the search box, in sight."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.end(False)
        self.search.insert(text)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.proxy.rowCount():
                self.table.setFocus()
                if not self.selected_id():
                    self.select_row(0)
            return True
        return super().eventFilter(obj, event)

    # --- opening ------------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Enter in the search box opens the row shown selected, or nothing."""
        rid = self.selected_id()
        if rid:
            self.sig_open.emit(rid)

    def _activated(self, index) -> None:
        if not self.table.selectionModel().isRowSelected(index.row()):
            return  # Enter on a row the nurse unselected (Ctrl+click) opens nothing
        rid = self.proxy.resident_id(index.row())
        if rid:
            self.sig_open.emit(rid)

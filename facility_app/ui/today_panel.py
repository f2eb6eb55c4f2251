"""The Today panel: what needs doing, grouped, each line one click (or Enter)
from the resident's record. Built by ``services.today`` off the GUI thread
and rebuilt when a screen announces a change to the records it reads."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.today import KINDS, TodayList, for_services
from .collation import name_key
from .dialogs import explain
from .names import date_text
from .style import mark
from .workers import run_async

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_WATCHED = {"residents", "checkups", "referrals", "conditions", "nursing_rounds", "stays"}
EXPAND_UP_TO = 25


class _WrapDelegate(QStyledItemDelegate):
    """Row heights measured at the width the text really gets (after the
    indentation), so a wrapped line is never cut off on a narrow panel."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt name
        tree = self.parent()
        depth = 2 if index.parent().isValid() else 1
        width = max(80, tree.viewport().width() - tree.indentation() * depth - 12)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # the item's own font, if it has one
        metrics = QFontMetrics(opt.font)
        text = index.data() or ""
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 8)


class _TodayTree(QTreeWidget):
    """No type-ahead: typed letters go to the resident list's search box
    (``sig_typed``) instead of silently moving the current line."""

    sig_typed = Signal(str)

    def keyboardSearch(self, text: str) -> None:  # noqa: N802 - Qt name
        if text.isprintable():
            self.sig_typed.emit(text)


class TodayPanel(QWidget):
    sig_open = Signal(str)  # resident id
    sig_typed = Signal(str)  # letters typed in the panel, for the list's search box
    sig_loaded = Signal(object)  # TodayList

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.session = session
        self.service = for_services(session.services)
        self.current: TodayList | None = None
        self.loading = False
        self._again = False
        self.heading = mark(QLabel(objectName="todayHeading"), "subheading")
        self.refresh_button = QPushButton(objectName="todayRefresh")
        self.refresh_button.clicked.connect(self.reload)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = mark(QLabel(), "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.tree = _TodayTree(objectName="todayTree")
        self.tree.sig_typed.connect(self.sig_typed)
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setIndentation(14)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._clicked)
        self.empty = mark(QLabel(), "hint")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.round = QLabel(objectName="todayRound")  # the nursing round under way, in a merit-care centre
        self.round.setWordWrap(True)
        self.round.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.busy)
        lay.addWidget(self.error)
        lay.addWidget(self.round)
        lay.addWidget(self.empty)
        lay.addWidget(self.tree, 1)
        self._debounce = QTimer(self, singleShot=True, interval=500, timeout=self.reload)
        # wrapped lines need their heights measured again at a new width
        self._relayout = QTimer(self, singleShot=True, interval=80, timeout=self.tree.doItemsLayout)
        session.sig_changes.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        day = self.current.day if self.current else self.session.services.residents.today()
        self.heading.setText(self.tr("Today, {date}").format(date=date_text(day)))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the due list again"))
        self.empty.setText(self.tr("Nothing is due today. Checkups, abnormal vital signs, insurance cards, "
                                   "referrals and residents aged 80 or more are all up to date."))
        if self.current is not None:
            self._fill(self.current)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout.start()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _title(self, kind: str, count: int) -> str:
        return {
            "checkup_due": self.tr("Checkups due or overdue ({n})"),
            "abnormal_vitals": self.tr("Abnormal vital signs, last 7 days ({n})"),
            "bhyt": self.tr("Insurance cards expired or expiring within 30 days ({n})"),
            "referral": self.tr("Referrals still open ({n})"),
            "elderly_no_checkup": self.tr("Aged 80 or more, no checkup this year ({n})"),
        }[kind].format(n=count)

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.busy.show()
        service, actor = self.service, self.session.actor
        run_async(lambda: service.due_list(actor), self._loaded, self._failed)

    def _loaded(self, today: TodayList) -> None:
        self.loading = False
        self.busy.hide()
        self.error.hide()
        self.current = today
        self._fill(today)
        self.sig_loaded.emit(today)
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc) -> None:
        self.loading = False
        self.busy.hide()
        self.error.setText(explain(exc, self.session.lang))
        self.error.show()

    def _changed(self, changes) -> None:
        if changes.touches(*_WATCHED):
            self._debounce.start()

    # --- display --------------------------------------------------------------------------

    def _fill(self, today: TodayList) -> None:
        expanded = {self.tree.topLevelItem(i).data(0, ID_ROLE): self.tree.topLevelItem(i).isExpanded()
                    for i in range(self.tree.topLevelItemCount())}
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        lang = self.session.lang
        heading_bg, heading_fg = QBrush(QColor("#e8eef7")), QBrush(QColor("#1d3557"))
        any_item = False
        for kind in KINDS:
            items = sorted(today.of_kind(kind), key=lambda i: (-i.urgency, name_key(i.full_name)))
            if not items:
                continue
            any_item = True
            group = QTreeWidgetItem([self._title(kind, len(items))])
            group.setData(0, ID_ROLE, kind)
            # a tinted row rather than a bold font: Qt elides bold items instead of wrapping them
            group.setBackground(0, heading_bg)
            group.setForeground(0, heading_fg)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            children = []
            room_word = self.tr("room")
            for item in items:
                where = f"{item.code}, {room_word} {item.room}" if item.room else item.code
                child = QTreeWidgetItem([f"{item.full_name} ({where})\n{self._detail(item, lang)}"])
                child.setData(0, ID_ROLE, item.resident_id)
                child.setToolTip(0, self.tr("Click or press Enter to open the record"))
                children.append(child)
            group.addChildren(children)
            self.tree.addTopLevelItem(group)
            # a long group starts folded so the headings below it stay in sight
            group.setExpanded(expanded.get(kind, len(items) <= EXPAND_UP_TO))
        self.tree.setUpdatesEnabled(True)
        self.empty.setVisible(not any_item)
        self.tree.setVisible(any_item)
        self.heading.setText(self.tr("Today, {date}").format(date=date_text(today.day)))
        self._show_round(today.round)

    def _show_round(self, r) -> None:
        self.round.setVisible(r is not None)
        if r is None:
            return
        text = self.tr("Nursing round {n} under way ({start} to {end}): {present} people in the centre.").format(
            n=f"{r.number}/{r.year}", start=date_text(r.starts_on), end=date_text(r.ends_on), present=r.present)
        if r.not_examined:
            text += " " + self.tr("{k} of them have no intake checkup yet.").format(k=r.not_examined)
        self.round.setText(text)

    def _detail(self, item, lang: str) -> str:
        """A line that counts days, in the language's plural forms ("1 day", "3 days")."""
        n, when = item.days, date_text(item.when) if item.when else ""
        if n is None:
            return item.detail(lang)
        if item.kind == "checkup_due":
            return self.tr("Checkup %n day(s) overdue (due {date})", "", n).format(date=when)
        if item.kind == "bhyt":
            return self.tr("Insurance card expires on {date} (%n day(s) left)", "", n).format(date=when)
        if item.kind == "referral":
            return self.tr("Referred to {hospital} since {date} (%n day(s))", "", n).format(
                hospital=item.place, date=when)
        return item.detail(lang)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Enter (or double-click): only on the line shown selected."""
        if item.isSelected():
            self._clicked(item)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item.parent() is not None:
            self.sig_open.emit(item.data(0, ID_ROLE))

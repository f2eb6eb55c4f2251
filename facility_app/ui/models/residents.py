"""The resident list: a table model and the proxy that filters it as you type.

Speed is the design: 10,000 residents must filter within ~30 ms per key.

- Every row's search text (folded name, code, room, CCCD) is made once
  when the rows load, from the folded name the store keeps (rooms, few and
  repeated, folded once each); a keystroke is a few Python list
  comprehensions over those strings (only over the rows still shown when
  the new text extends the old), no database query.
- ``prepare`` (search texts and the name order) runs on the worker that
  read the rows, so the GUI thread only swaps lists in.
- The proxy is a ``QAbstractProxyModel`` that keeps the list of source
  rows it shows. ``QSortFilterProxyModel`` would call a Python
  ``filterAcceptsRow`` once per resident on every keystroke (about 3 µs
  each from C++, so 30 ms for 10,000 before anything is painted); here Qt
  calls into Python only for the cells on screen.
- Sorting happens in the source model with plain Python keys (Vietnamese
  name order from ``collation`` as one string per name), not through
  per-comparison callbacks.
- Cell texts are made once per row, on first paint, and kept.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Callable, NamedTuple

from PySide6.QtCore import QAbstractProxyModel, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from care_core.domain.enums import BeneficiaryGroup
from care_core.domain.text import fold
from ...services.roster import RosterRow
from .. import names
from ..collation import name_sort_key

COLUMNS = ("code", "full_name", "sex", "birth_date", "room", "groups", "status")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_GROUPS_COLUMN = COLUMNS.index("groups")
_NAME_COLUMN = COLUMNS.index("full_name")
_COLUMN_COUNT = len(COLUMNS)
_NO_INDEX = QModelIndex()
_ROLES = frozenset({_DISPLAY, ID_ROLE, _TOOLTIP})  # the roles this list answers
_MEMO_SIZE = 32  # filtered lists kept (at most 10,000 ints each)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _header(column: str) -> str:
    return {
        "code": QCoreApplication.translate("ResidentTableModel", "Code"),
        "full_name": QCoreApplication.translate("ResidentTableModel", "Full name"),
        "sex": QCoreApplication.translate("ResidentTableModel", "Sex"),
        "birth_date": QCoreApplication.translate("ResidentTableModel", "Born (age)"),
        "room": QCoreApplication.translate("ResidentTableModel", "Room"),
        "groups": QCoreApplication.translate("ResidentTableModel", "Groups"),
        "status": QCoreApplication.translate("ResidentTableModel", "Status"),
    }[column]


@lru_cache(maxsize=4096)
def _folded_room(room: str) -> str:
    return fold(room)


def haystack(row: RosterRow) -> str:
    """What a typed search is matched against: the domain's ``search_text``
    (shared with the CLI), made from the stored folded name."""
    return f"{row.name_folded} {row.code.lower()} {_folded_room(row.room)} {row.cccd}"


def _age(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


_SORT_KEYS: dict[str, Callable[[RosterRow], object]] = {
    "code": lambda r: r.code,
    "full_name": lambda r: name_sort_key(r.full_name),  # Vietnamese lists sort by given name
    "sex": lambda r: r.sex.value,
    "birth_date": lambda r: r.birth_date,
    "room": lambda r: fold(r.room),
    "groups": lambda r: ",".join(g.value for g in r.groups),
    "status": lambda r: (r.discharge_date is not None, r.discharge_date or date.min),
}


_NAME_ORDER = (_NAME_COLUMN, Qt.SortOrder.AscendingOrder)


class Listing(NamedTuple):
    """Rows in a column's order with their search texts, made off the GUI thread."""
    rows: list[RosterRow]
    hay: list[str]
    order: tuple[int, Qt.SortOrder]


def prepare(rows: list[RosterRow], order: tuple[int, Qt.SortOrder] = _NAME_ORDER) -> Listing:
    """Sort and make the search texts (pure Python: safe on a worker thread)."""
    key = _SORT_KEYS[COLUMNS[order[0]]]
    ordered = sorted(rows, key=key, reverse=order[1] == Qt.SortOrder.DescendingOrder)
    return Listing(ordered, [haystack(r) for r in ordered], order)


class ResidentTableModel(QAbstractTableModel):
    def __init__(self, today: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self.today = today
        self._rows: list[RosterRow] = []
        self._hay: list[str] = []
        self._display: list[tuple[str, ...] | None] = []  # cell texts per row, made on first paint
        self._sort: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.AscendingOrder)

    # --- Qt model interface ----------------------------------------------------

    def rowCount(self, parent=_NO_INDEX) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_INDEX) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802 - Qt name
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < _COLUMN_COUNT:
            return _header(COLUMNS[section])
        return None

    def data(self, index, role=_DISPLAY):
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, r: int, column: int, role=_DISPLAY):
        """The data of a row by number (the proxy calls this, skipping index objects)."""
        if not 0 <= r < len(self._rows) or not 0 <= column < _COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            texts = self._display[r]
            if texts is None:
                row = self._rows[r]
                texts = self._display[r] = tuple(self._text(row, c) for c in COLUMNS)
            return texts[column]
        if role == ID_ROLE:
            return self._rows[r].id
        if role == _TOOLTIP and column == _GROUPS_COLUMN:
            return ", ".join(names.group(g) for g in self._rows[r].groups)
        if role == _TOOLTIP and column == _NAME_COLUMN:  # the groups column is the first a narrow window drops
            row = self._rows[r]
            return f"{row.full_name}\n" + ", ".join(names.group(g) for g in row.groups)
        return None

    def _text(self, row: RosterRow, column: str) -> str:
        if column == "code":
            return row.code
        if column == "full_name":
            return row.full_name
        if column == "sex":
            return names.sex(row.sex)
        if column == "birth_date":
            return f"{names.date_text(row.birth_date)} ({_age(row.birth_date, self.today())})"
        if column == "room":
            return row.room
        if column == "groups":
            return ", ".join(g.value for g in row.groups)
        if row.discharge_date is None:
            return QCoreApplication.translate("ResidentTableModel", "Present")
        return QCoreApplication.translate("ResidentTableModel", "Left {date}").format(
            date=names.date_text(row.discharge_date))

    def text_for_width(self) -> str:
        """The longest status text, for sizing its column."""
        return QCoreApplication.translate("ResidentTableModel", "Left {date}").format(
            date=names.date_text(date(2000, 10, 10)))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < _COLUMN_COUNT:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        key = _SORT_KEYS[COLUMNS[column]]
        rows = self._rows
        perm = sorted(range(len(rows)), key=lambda i: key(rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        new_row_of = {old: new for new, old in enumerate(perm)}
        self._rows = [rows[i] for i in perm]
        self._hay = [self._hay[i] for i in perm]
        self._display = [self._display[i] for i in perm]
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row_of[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    # --- content -----------------------------------------------------------------

    def set_rows(self, rows: list[RosterRow] | Listing) -> None:
        """New content: plain rows, or a ``prepare``d listing (used as it is
        when in this model's order)."""
        if not isinstance(rows, Listing) or rows.order != self._sort:
            rows = prepare(rows.rows if isinstance(rows, Listing) else rows, self._sort)
        self.beginResetModel()
        self._rows, self._hay = rows.rows, rows.hay
        self._display = [None] * len(self._rows)
        self.endResetModel()

    @property
    def order(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction rows are sorted by (for ``prepare``)."""
        return self._sort

    def upsert(self, row: RosterRow) -> None:
        """One resident added or changed (after an admission or an edit)."""
        for i, old in enumerate(self._rows):
            if old.id == row.id:
                self._rows[i], self._hay[i], self._display[i] = row, haystack(row), None
                self.dataChanged.emit(self.index(i, 0), self.index(i, _COLUMN_COUNT - 1))
                return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self._hay.append(haystack(row))
        self._display.append(None)
        self.endInsertRows()

    def row_at(self, source_row: int) -> RosterRow:
        return self._rows[source_row]

    def haystacks(self) -> list[str]:
        return self._hay

    def rows(self) -> list[RosterRow]:
        return self._rows

    def retranslate(self) -> None:
        """Texts made here (sex, status, headers) follow the language."""
        self._display = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, _COLUMN_COUNT - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)


class ResidentFilterProxy(QAbstractProxyModel):
    """Shows the source rows that match the typed text (every word, anywhere
    in name, code, room or CCCD), the group and the stay (present/left/all),
    in the source's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.group: BeneficiaryGroup | None = None
        self.status = "present"  # "present" | "left" | "all"
        self._shown: list[int] = []  # source rows, in source order
        self._position: dict[int, int] | None = None  # source row -> proxy row, built when asked
        self._src: ResidentTableModel | None = None
        self._memo: dict[tuple[str, ...], list[int]] = {}  # typed words -> rows, for deleting back

    def setSourceModel(self, model: ResidentTableModel) -> None:  # noqa: N802 - Qt name
        if self._src is not None:
            raise RuntimeError("the resident list's proxy is given its model once")
        self.beginResetModel()
        super().setSourceModel(model)
        self._src = model
        model.modelReset.connect(self._source_changed)
        model.layoutChanged.connect(self._source_changed)
        model.rowsInserted.connect(self._source_changed)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._shown = self._compute(None)
        self._position = None
        self.endResetModel()

    # --- the filter -----------------------------------------------------------------

    def _compute(self, candidates: list[int] | None, words_only: bool = False) -> list[int]:
        """The rows among ``candidates`` (all when None) that pass the filters;
        ``words_only``: the candidates already passed the stay and group."""
        src = self._src
        rows, hay = src.rows(), src.haystacks()
        shown = range(len(rows)) if candidates is None else candidates
        if not words_only:
            if self.status == "present":
                shown = [i for i in shown if rows[i].discharge_date is None]
            elif self.status == "left":
                shown = [i for i in shown if rows[i].discharge_date is not None]
            if self.group is not None:
                group = self.group
                shown = [i for i in shown if group in rows[i].groups]
        for word in self._words:
            shown = [i for i in shown if word in hay[i]]
        return list(shown)

    def set_filter(self, text: str | None = None, group: BeneficiaryGroup | None | str = "keep",
                   status: str | None = None) -> None:
        """Change any of the three filters; when the new filter can only
        narrow the list (typing on), only the rows shown now are tested;
        a text seen since the last change of stay, group or rows (deleting
        back) is answered from memory."""
        narrowing = True
        kept = True  # same stay and group
        if text is not None:
            words = fold(text).split()
            narrowing = _extends(words, self._words)
            self._words = words
        if group != "keep" and group != self.group:
            narrowing = narrowing and self.group is None
            self.group = group
            kept = False
        if status is not None and status != self.status:
            narrowing = narrowing and self.status == "all"
            self.status = status
            kept = False
        if not kept:
            self._memo.clear()
            self._show(self._compute(self._shown if narrowing else None))
            self._remember_unfiltered()
            return
        key = tuple(self._words)
        shown = self._memo.get(key)
        if shown is None:
            base = self._shown if narrowing else self._memo.get(())
            shown = self._compute(base, words_only=base is not None)
            self._memo[key] = shown
            if len(self._memo) > _MEMO_SIZE:
                del self._memo[next(iter(self._memo))]
        self._show(shown)

    def _show(self, shown: list[int]) -> None:
        """A new filter's rows, as a layout change: the view keeps its
        columns, scroll and selection (a resident still shown stays
        selected; one filtered out leaves the selection) and no model reset
        rebuilds everything for every keystroke."""
        if shown == self._shown:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        sources = [self._shown[i.row()] for i in old]
        self._shown = shown
        self._position = None
        moved = []
        for index, source in zip(old, sources):
            p = self._proxy_row(source)
            moved.append(_NO_INDEX if p is None else self.createIndex(p, index.column()))
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def _refilter(self, candidates: list[int] | None = None) -> None:
        self._memo.clear()
        self.beginResetModel()
        self._shown = self._compute(candidates)
        self._position = None
        self._remember_unfiltered()
        self.endResetModel()

    def _remember_unfiltered(self) -> None:
        if not self._words:  # the rows of this stay and group before any typing: where deleting back ends
            self._memo[()] = self._shown

    def _source_changed(self, *args) -> None:
        self._refilter(None)

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        self._memo.clear()  # a search text may have changed
        rows = range(top_left.row(), bottom_right.row() + 1)
        if self._compute(list(rows)) != [r for r in rows if self._proxy_row(r) is not None]:
            self._refilter(None)  # a row came into or left the filter
            return
        for r in rows:
            p = self._proxy_row(r)
            if p is not None:
                self.dataChanged.emit(self.index(p, 0), self.index(p, _COLUMN_COUNT - 1), roles)

    def _proxy_row(self, source_row: int) -> int | None:
        if self._position is None:
            self._position = {s: p for p, s in enumerate(self._shown)}
        return self._position.get(source_row)

    # --- Qt proxy interface ----------------------------------------------------------------

    def rowCount(self, parent=_NO_INDEX) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=_NO_INDEX) -> int:  # noqa: N802 - Qt name
        return 0 if parent.isValid() else _COLUMN_COUNT

    def index(self, row: int, column: int, parent=_NO_INDEX) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._shown) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=None) -> QModelIndex:
        return QModelIndex()

    def sibling(self, row: int, column: int, index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent=_NO_INDEX) -> bool:  # noqa: N802 - Qt name
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, proxy_index) -> QModelIndex:  # noqa: N802 - Qt name
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._shown):
            return QModelIndex()
        return self._src.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index) -> QModelIndex:  # noqa: N802 - Qt name
        if not source_index.isValid():
            return QModelIndex()
        p = self._proxy_row(source_index.row())
        return QModelIndex() if p is None else self.createIndex(p, source_index.column())

    def data(self, index, role=_DISPLAY):
        if role not in _ROLES:  # fonts, colours, alignment...: Qt asks for each cell it paints
            return None
        r = index.row()
        if not 0 <= r < len(self._shown):
            return None
        return self._src.data_at(self._shown[r], index.column(), role)

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt name
        """What a painted cell asks for (about ten roles) in one call from
        Qt, rather than one Python call per role: half the paint time."""
        r = index.row()
        if not 0 <= r < len(self._shown):
            return
        source_row, column, src = self._shown[r], index.column(), self._src
        for k in range(len(span)):
            slot = span[k]
            role = slot.role()
            if role in _ROLES:
                slot.setData(src.data_at(source_row, column, role))

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802 - Qt name
        if orientation == Qt.Orientation.Horizontal:
            return self._src.headerData(section, orientation, role)
        return None

    def flags(self, index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._src.sort(column, order)  # the source sorts; the list follows its order

    # --- for the screens ---------------------------------------------------------------------

    def resident_id(self, proxy_row: int) -> str | None:
        if not 0 <= proxy_row < len(self._shown):
            return None
        return self._src.row_at(self._shown[proxy_row]).id


def _extends(new: list[str], old: list[str]) -> bool:
    """True when every row matching ``new`` also matched ``old`` (typing on)."""
    if len(new) < len(old):
        return False
    return all(o in n for n, o in zip(new, old))

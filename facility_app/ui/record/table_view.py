"""The table look shared by the record tabs: whole rows, readable height."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def record_table(name: str, parent: QWidget | None = None, stretch_last: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    header.setDefaultAlignment(header.defaultAlignment())
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    return view


def fit_columns(view: QTableView, max_width: int = 320, sample: int = 12) -> None:
    """Short columns sized to their header and first rows; long-text columns
    (the model's ``stretch_columns()``) share the rest of the width, so
    nothing needs a horizontal scroll bar on a 1366-pixel screen (the full
    text is in the tooltip).

    Measured here with font metrics over a few rows rather than Qt's
    resizeColumnsToContents, which asks the model for every role of every
    cell it samples: a ten-year record opens several times faster.
    """
    header = view.horizontalHeader()
    model = view.model()
    stretch = set(model.stretch_columns()) if hasattr(model, "stretch_columns") else set()
    header.setStretchLastSection(not stretch)
    cell_fm = view.fontMetrics()
    head_fm = header.fontMetrics()
    rows = min(model.rowCount(), sample)
    for column in range(model.columnCount()):
        if column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max((head_fm.horizontalAdvance(line) for line in title.split("\n")), default=0) + 14
        for row in range(rows):
            text = model.data(model.index(row, column))
            if text:  # + room for the cell padding and a bold (abnormal) value
                width = max(width, cell_fm.horizontalAdvance(str(text)) * 21 // 20 + 16)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, min(width, max_width))


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1

"""The table look shared by the record tabs: whole rows, readable height."""
from __future__ import annotations

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


def fit_columns(view: QTableView, max_width: int = 320) -> None:
    """Short columns sized to their contents; long-text columns (the model's
    ``stretch_columns()``) share the rest of the width, so nothing needs a
    horizontal scroll bar on a 1366-pixel screen (the full text is in the
    tooltip)."""
    header = view.horizontalHeader()
    model = view.model()
    stretch = set(model.stretch_columns()) if hasattr(model, "stretch_columns") else set()
    header.setStretchLastSection(not stretch)
    header.setResizeContentsPrecision(25)  # size from the first rows: ten years of sessions stay fast
    view.resizeColumnsToContents()
    for column in range(header.count()):
        if column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            if header.sectionSize(column) > max_width:
                header.resizeSection(column, max_width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1

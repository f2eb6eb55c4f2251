"""Look: a large readable font and a few calm colours, for old 1366x768 screens.

Sizes are in points so Qt scales them with the screen (QT_SCALE_FACTOR=1.5
included). Colours carry meaning only with words beside them. Labels get a
few pixels to spare: Qt measures some Vietnamese words (stacked tone and
vowel marks) a little narrower than it draws them, which clipped the last
letter of form labels such as "Tên đăng nhập".
"""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11
ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#1e6b34"
HINT_COLOUR = "#555555"  # secondary text: an empty table's hint, a computed value
ALERT_COLOUR = "#8a0010"  # a record's alerts (overdue, expired card, at the hospital)
# message boxes across a form or record: what went wrong, what was done, what to know
ERROR_BOX = f"background: #fde7e9; color: {ALERT_COLOUR}; border: 1px solid #e8a0a8; border-radius: 4px; padding: 8px;"
OK_BOX = "background: #e6f4ea; color: #11502a; border: 1px solid #9ccfaa; border-radius: 4px; padding: 8px;"
NOTICE_BOX = "background: #fff4e5; color: #6b3d00; border: 1px solid #f0c080; border-radius: 4px; padding: 8px;"
ERROR_INPUT = f"border: 2px solid {ERROR_COLOUR}; border-radius: 3px; padding: 2px;"  # an input holding a slip
_PREFERRED_FAMILIES = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Arial")

STYLESHEET = f"""
QLabel {{ padding-right: 4px; }}
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="hint"] {{ color: {HINT_COLOUR}; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: 12pt; font-weight: 600; }}
QLabel[role="banner"] {{ background: #fff4e5; border: 1px solid #e0b070; padding: 6px; }}
QPushButton {{ padding: 5px 14px; }}
QPushButton[role="primary"] {{ font-weight: 600; }}
QTableView {{ gridline-color: #dddddd; }}
QTreeWidget::item {{ padding: 3px 2px; }}
"""


def apply(app: QApplication) -> None:
    font = QFont(app.font())
    families = set(_families())
    for family in _PREFERRED_FAMILIES:
        if family in families:
            font.setFamily(family)
            break
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def _families() -> list[str]:
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.families()


def mark(widget, role: str):
    """Tag a widget for the stylesheet (error, hint, heading, banner, primary)."""
    widget.setProperty("role", role)
    return widget


def fit_to_screen(widget, width: int, height: int) -> None:
    """Open at the preferred size, or smaller on a small (or 150 %-scaled) screen:
    1366x768 at 150 % leaves about 910x510 logical pixels."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width()), min(height, room.height()))

"""Users: add an account, disable or enable it, reset its password (admins only)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from care_core.domain.enums import Role
from .. import names
from ..dialogs import confirm, explain, inform
from ..forms import ErrorLabel, FieldErrors
from ..style import mark
from ..workers import run_async

_ROLES = (Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN)


def _column(widget: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(error)
    return box


class UserForm(QDialog):
    """Add a user (``username`` is None) or set a new password for one."""

    def __init__(self, session, username: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userForm")
        self.session, self.for_user = session, username
        self.username = QLineEdit(objectName="newUsername")
        self.full_name = QLineEdit(objectName="newFullName")
        self.role = QComboBox(objectName="newRole")
        self.password = QLineEdit(objectName="newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(objectName="newPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FieldErrors({f: ErrorLabel() for f in ("username", "full_name", "role", "password")},
                                  ErrorLabel())
        self.error_again = ErrorLabel()
        self.labels = {k: QLabel() for k in ("username", "full_name", "role", "password", "again")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if username is None:
            form.addRow(self.labels["username"], _column(self.username, self.errors.labels["username"]))
            form.addRow(self.labels["full_name"], _column(self.full_name, self.errors.labels["full_name"]))
            form.addRow(self.labels["role"], _column(self.role, self.errors.labels["role"]))
        form.addRow(self.labels["password"], _column(self.password, self.errors.labels["password"]))
        form.addRow(self.labels["again"], _column(self.again, self.error_again))
        for key, widget in (("username", self.username), ("full_name", self.full_name), ("role", self.role),
                            ("password", self.password), ("again", self.again)):
            self.labels[key].setBuddy(widget)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("userFormSave")
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        adding = self.for_user is None
        self.setWindowTitle(self.tr("Add a user") if adding else self.tr("Reset password"))
        self.intro.setText(self.tr("Each person gets their own account; never share one.") if adding else
                           self.tr("New password for {user}. Tell it to the person privately; they can use it "
                                   "at once.").format(user=self.for_user))
        self.labels["username"].setText(self.tr("&Username"))
        self.labels["full_name"].setText(self.tr("&Full name"))
        self.labels["role"].setText(self.tr("&Role"))
        self.labels["password"].setText(self.tr("&Password"))
        self.labels["again"].setText(self.tr("Password &again"))
        self.username.setPlaceholderText(self.tr("e.g. lan.nguyen (lower-case letters, no accents)"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        current = self.role.currentData()
        self.role.clear()
        for role in _ROLES:
            self.role.addItem(names.role(role, self.session.lang), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))
        self.ok.setText(self.tr("&Save"))
        self.cancel.setText(self.tr("Cancel"))

    def save(self) -> None:
        if self.password.text() != self.again.text():
            self.errors.clear()
            self.error_again.show_text(self.tr("The two entries differ; type the password again."))
            return
        self.error_again.show_text("")
        users, actor = self.session.services.users, self.session.actor
        username, full_name, password = self.username.text(), self.full_name.text(), self.password.text()
        role = Role(self.role.currentData())
        try:
            if self.for_user is None:
                self.session.perform(lambda: users.add(actor, username, full_name, role, password))
            else:
                self.session.perform(lambda: users.reset_password(actor, self.for_user, password))
        except Exception as exc:
            problems = getattr(exc, "problems", None)
            if problems:
                self.errors.show(problems, self.session.lang)
            else:
                self.errors.clear()
                self.errors.general.show_text(explain(exc, self.session.lang))
            return
        self.accept()


class UsersTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("usersTab")
        self.session = session
        self.users = []
        self.table = QTableWidget(0, 4, objectName="usersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(objectName="addUser")
        self.toggle_button = QPushButton(objectName="toggleUser")
        self.reset_button = QPushButton(objectName="resetPassword")
        self.hint = mark(QLabel(), "hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._selection)
        session.sig_changes.connect(self._changed)  # added, disabled, renamed: here or on another PC
        self.retranslate()
        self.reload()

    def _changed(self, changes) -> None:
        if changes.touches("users"):
            self.reload()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("Account")])
        self.add_button.setText(self.tr("&Add a user…"))
        self.reset_button.setText(self.tr("&Reset password…"))
        self.hint.setText(self.tr("A disabled account cannot log in; its name stays in the records it wrote. "
                                  "After 5 wrong passwords an account waits 15 minutes, or until an "
                                  "administrator resets its password."))
        self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        s = self.session
        run_async(lambda: s.services.users.list(s.actor), self._loaded,
                  lambda exc: inform(self, self.tr("Users"), explain(exc, s.lang), warning=True), owner=self)

    def _loaded(self, users) -> None:
        self.users = users
        self._fill()

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.users))
        for i, u in enumerate(self.users):
            cells = (u.username, u.full_name, names.role(u.role, self.session.lang),
                     self.tr("Active") if u.active else self.tr("Disabled"))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
            if selected is not None and u.username == selected.username:
                self.table.selectRow(i)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        self._selection()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _selection(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None and user.username != self.session.actor.username)
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable"))

    def add_user(self) -> None:
        form = UserForm(self.session, None, self)
        form.open()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        form = UserForm(self.session, user.username, self)
        form.open()

    def toggle_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        s = self.session

        def apply():
            try:
                s.perform(lambda: s.services.users.set_active(s.actor, user.username, not user.active))
            except Exception as exc:
                inform(self, self.tr("Users"), explain(exc, s.lang), warning=True)

        if user.active:
            confirm(self, self.tr("Disable the account"),
                    self.tr("{user} will no longer be able to log in. Continue?").format(user=user.username),
                    self.tr("Disable"), apply)
        else:
            apply()

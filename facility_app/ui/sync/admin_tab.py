"""Administration › Sync: enrol this PC with the provincial server (admins only).

The IT officer types the server address and the one-time enrolment code the
province gave for this PC (``provincial-server device enrol``), and picks the
province's CA certificate file only when the province runs its own
certificate authority. The exchange goes over the network, so it runs off
the GUI thread; a wrong address, a used code or a code of another facility
comes back as a sentence beside the button and saves nothing. Once enrolled,
the background worker syncs at once.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from care_core.domain.permissions import Permission
from ...sync import setup
from ..dialogs import confirm, explain, inform
from ..forms import ErrorLabel
from ..style import mark
from ..workers import run_async
from .texts import error_of, texts
from .worker import worker_for


def may_enrol(session) -> bool:
    return session.can(Permission.ENROL_DEVICE)


class SyncTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncTab")
        self.session = session
        self.status = None
        self.working = False
        self.enrolled_answer = None  # the last successful enrolment (tests)

        self.state_box = QGroupBox()
        self.state = QLabel(objectName="syncTabState")
        self.state.setWordWrap(True)
        QVBoxLayout(self.state_box).addWidget(self.state)

        self.enrol_box = QGroupBox()
        self.intro = mark(QLabel(objectName="syncTabIntro"), "hint")
        self.intro.setWordWrap(True)
        self.url = QLineEdit(objectName="syncServerUrl")
        self.code = QLineEdit(objectName="syncEnrolCode")
        self.ca_bundle = QLineEdit(objectName="syncCaBundle")
        self.ca_browse = QPushButton(objectName="syncCaBrowse")
        self.ca_browse.clicked.connect(self._choose_ca)
        self.labels = (QLabel(), QLabel(), QLabel())
        for lab, field in zip(self.labels, (self.url, self.code, self.ca_bundle)):
            lab.setBuddy(field)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.ca_browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.labels[0], self.url)
        form.addRow(self.labels[1], self.code)
        form.addRow(self.labels[2], ca_row)
        self.ca_hint = mark(QLabel(objectName="syncCaHint"), "hint")
        self.ca_hint.setWordWrap(True)
        form.addRow("", self.ca_hint)
        self.enrol_button = mark(QPushButton(objectName="syncEnrol"), "primary")
        self.enrol_button.clicked.connect(self.enrol)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.result = mark(QLabel(objectName="syncEnrolResult"), "hint")
        self.result.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("syncEnrolError")
        e = QVBoxLayout(self.enrol_box)
        e.addWidget(self.intro)
        e.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.enrol_button)
        row.addStretch(1)
        e.addLayout(row)
        e.addWidget(self.busy)
        e.addWidget(self.result)
        e.addWidget(self.error)

        lay = QVBoxLayout(self)
        lay.addWidget(self.state_box)
        lay.addWidget(self.enrol_box)
        lay.addStretch(1)
        # a bound method, not a lambda: Qt drops the connection when the tab is deleted
        session.sig_language_changed.connect(self._language_changed)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("S&ync")

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.state_box.setTitle(self.tr("This PC and the provincial server"))
        self.enrol_box.setTitle(self.tr("Enrol this PC"))
        self.intro.setText(self.tr(
            "The province's IT officer gives a one-time enrolment code for each PC. Enrolling again (for example "
            "after the PC's permission was revoked) replaces the previous enrolment; nothing saved here is lost."))
        self.labels[0].setText(self.tr("Server &address"))
        self.labels[1].setText(self.tr("Enrolment &code"))
        self.labels[2].setText(self.tr("Certificate &file (optional)"))
        self.url.setPlaceholderText("https://dongbo.tinh.gov.vn")
        self.code.setPlaceholderText(self.tr("the code from the province"))
        self.ca_hint.setText(self.tr("Only when the province runs its own certificate authority: its CA "
                                     "certificate file (PEM)."))
        self.ca_browse.setText(self.tr("C&hoose…"))
        self.enrol_button.setText(self.tr("&Enrol this PC"))
        self._show_state()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()  # again: the server's messages follow session.lang, set after the translators

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state --------------------------------------------------------------------------------

    def reload(self) -> None:
        run_async(self.session.services.sync.status, self._status_read, self._status_failed, owner=self)

    def _status_read(self, status) -> None:
        self.status = status
        if status.enrolled and not self.url.text():
            self.url.setText(status.server_url or "")
        self._show_state()

    def _status_failed(self, exc) -> None:
        self.error.show_text(explain(exc, self.session.lang))

    def _show_state(self) -> None:
        s = self.status
        t = texts()
        if s is None:
            self.state.setText(self.tr("Reading…"))
            return
        if not s.enrolled:
            self.state.setText(self.tr("This PC is not enrolled: every change is kept here only. "
                                       "{waiting}.").format(waiting=_capital(t.waiting(s.waiting))))
            return
        lines = [self.tr("Enrolled with {url} (facility {code}).").format(url=s.server_url, code=s.facility_code),
                 t.last_sync(s) + ". " + _capital(t.waiting(s.waiting)) + "."]
        if s.revoked:
            lines.append(self.tr("This PC's permission was revoked by the province: enrol it again with a new code."))
        else:
            error = error_of(s)
            if error is not None:
                lines.append(self.tr("Last attempt: {message}").format(
                    message=error[1] if self.session.lang == "vi" else error[2]))
        self.state.setText("\n".join(lines))

    # --- enrolment ----------------------------------------------------------------------------------

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The province's CA certificate"), self.ca_bundle.text(),
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    def enrol(self) -> None:
        if self.working:
            return
        self.error.show_text("")
        self.result.setText("")
        url, code, ca = self.url.text().strip(), self.code.text().strip(), self.ca_bundle.text().strip()
        if not url:
            self.error.show_text(self.tr("Type the server address, for example https://dongbo.tinh.gov.vn."))
            self.url.setFocus()
            return
        if not code:
            self.error.show_text(self.tr("Type the enrolment code the province gave for this PC."))
            self.code.setFocus()
            return
        try:  # the address and the file are checked before anything travels
            setup.check_url(url)
            setup.check_ca_bundle(ca or None)
        except Exception as exc:
            self.error.show_text(explain(exc, self.session.lang))
            return
        s = self.status
        if s is not None and s.enrolled and not s.revoked:
            confirm(self, self.tr("Enrol again?"),
                    self.tr("This PC is already enrolled with {url}. Enrol it again with the new code? The "
                            "changes saved here are kept and sent to the server of the new enrolment.").format(
                        url=s.server_url),
                    self.tr("&Enrol again"), lambda: self._send(url, code, ca), no=self.tr("Cancel"))
            return
        self._send(url, code, ca)

    def _send(self, url: str, code: str, ca: str) -> None:
        self._set_working(True)
        self.result.setText(self.tr("Contacting the server…"))
        store = self.session.services.store
        run_async(lambda: setup.enrol(store, url, code, ca_bundle=ca or None, actor=self.session.actor), self._enrolled, self._failed,
                  owner=self)

    def _set_working(self, working: bool) -> None:
        self.working = working
        self.busy.setVisible(working)
        for w in (self.enrol_button, self.url, self.code, self.ca_bundle, self.ca_browse):
            w.setEnabled(not working)

    def _enrolled(self, answer) -> None:
        self._set_working(False)
        self.enrolled_answer = answer
        self.code.clear()
        self.result.setText(self.tr("Enrolled: this PC now syncs with the server of facility {code}.").format(
            code=answer.facility_code))
        worker = worker_for(self.session)
        if worker is not None:
            worker.enrolment_changed()
        self.reload()
        inform(self, self.tr("PC enrolled"), self.tr(
            "This PC is enrolled with the provincial server (facility {code}). It syncs now and then "
            "every few minutes while the network is up.").format(code=answer.facility_code))

    def _failed(self, exc) -> None:
        self._set_working(False)
        self.result.setText("")
        self.error.show_text(explain(exc, self.session.lang))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

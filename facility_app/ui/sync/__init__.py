"""Sync in the desktop program: the background worker (``worker``), the
status-bar area (``status_area``), the review dialog for conflicts and
rejected changes (``review``), Administration › Sync for enrolment
(``admin_tab``), the record's sync-state line (``record_state``), and the
main window's hooks (``hooks``). Wording shared by all of them: ``texts``.
"""

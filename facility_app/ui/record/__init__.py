"""The resident record: profile, checkups, conditions, rehabilitation,
referrals and change history of one resident, plus the admission dialog.

Entry points: ``window.ResidentRecordWidget`` and ``admit_dialog.AdmitDialog``.
"""

"""Pure domain: entities, rules and indicators. No Qt, no SQL, no I/O.

Messages shown to people live here once, in Vietnamese and English, because
the CLI and the provincial server need them without Qt; the UI shows them
as they come (see ``messages.py``).
"""

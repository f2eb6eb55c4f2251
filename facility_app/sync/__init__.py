"""Offline-first sync: the wire protocol (shared with the provincial server)
and the facility client that pushes the outbox and pulls the facility's changes."""

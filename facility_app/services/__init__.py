"""Use cases. Each checks the caller's permission, validates with the
domain rules, and writes the change, its audit entry and its change-log
entry in one transaction. UI, CLI, sync and reports call these, never SQL."""

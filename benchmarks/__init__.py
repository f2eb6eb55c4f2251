"""Benchmarks: scripts that print figures (``--json``: one JSON object as the last line)."""

"""Process settings for serving.

A push of 500 changes allocates some 100,000 short-lived objects (decoded
changes, merged rows, entities, answers). With CPython's default collector
thresholds that runs a collection every 700 allocations, and every tenth
of those walks the whole older generation - the imported modules, the
app, SQLAlchemy's caches - though almost none of it ever becomes garbage.
Freezing what exists once the app is built and collecting the young
generation less often cut the server's time per push by about a sixth
(benchmarks/sync.py). Reference cycles are still collected.
"""
from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000


def tune_for_serving() -> None:
    """Call once, after the app is built and before serving."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)

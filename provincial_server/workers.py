"""``serve --workers N``: several server processes on one listening socket.

One process serves about 1,500 changes a second on one core; a province's
morning, when hundreds of PCs sync at once, needs every core. uvicorn's
supervisor binds the socket once and starts N worker processes that accept
from it; each builds its own app here, with its own engine and connection
pool (connections never cross a fork).

What keeps the processes from stepping on each other is in the database,
not in a process: every push and conflict resolution of a facility locks
the facility's row before it writes (``SELECT ... FOR UPDATE`` on
PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite; a push merged before it took
the lock is merged again if what it read changed: ``ingest.push``), so a facility's
``server_seq`` stays a gap-free sequence whichever process takes a push
(``tests/test_server_workers.py``). The request budget stays per process:
with N workers a token may make up to N times the budget, spread over them.

The worker reads its settings from the environment the CLI sets, because
uvicorn starts workers by importing an app factory by name.
"""
from __future__ import annotations

import os

from fastapi import FastAPI

DB_ENV = "PROVINCIAL_DB"
BUDGET_ENV = "PROVINCIAL_SERVE_BUDGET"  # "BURST,PER_SECOND" or "off", set by the CLI for its workers
FACTORY = "provincial_server.workers:worker_app"


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn calls this in each worker)."""
    from .api import create_app
    from .cli import _budget
    from .db import make_engine
    from .runtime import tune_for_serving

    text = os.environ.get(BUDGET_ENV)
    budget = _budget(text) if text else "default"
    app = create_app(engine=make_engine(os.environ[DB_ENV]), budget=budget)
    tune_for_serving()
    return app

"""Rotating log files that never hold patient data.

Only event names, record ids and error types are logged. An unexpected
error is logged by type and stack frames, never by its message, because a
message can quote the values that caused it.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

LOGGER_NAME = "facility_app"


class _LazyRotatingHandler(logging.handlers.RotatingFileHandler):
    """Creates its folder and file on the first record, so a command that
    logs nothing (a refused passphrase, say) leaves no trace on disk."""

    failed = False

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record) -> None:
        """A full or unwritable log disk costs the log, never the command:
        one line on stderr, once, instead of a traceback per record."""
        if not self.failed:
            self.failed = True
            try:
                sys.stderr.write("facility-app: không ghi được nhật ký (ổ đĩa đầy?) / "
                                 "the log could not be written (disk full?)\n")
            except OSError:
                pass


def setup(folder: Path, level: int = logging.INFO) -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    for old in list(logger.handlers):  # a new data folder (tests) gets its own log
        if isinstance(old, _LazyRotatingHandler) and Path(old.baseFilename).parent != folder:
            logger.removeHandler(old)
            old.close()
    if logger.handlers:
        return logger
    handler = _LazyRotatingHandler(folder / "facility-app.log", maxBytes=1_000_000, backupCount=5,
                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return logger


def log_unexpected(exc: BaseException) -> None:
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logging.getLogger(LOGGER_NAME).error("unexpected %s\n%s", type(exc).__name__, frames)

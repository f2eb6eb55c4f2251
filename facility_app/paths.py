"""Where things live: data folder (overridable), logs, bundled resources."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "FacilityHealth"
APP_AUTHOR = "VNSocialCare"
DATA_DIR_ENV = "FACILITY_APP_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """--data-dir, else FACILITY_APP_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir(data: Path | None = None) -> Path:
    """Logs beside an overridden data folder (tests, portable installs), else the platform's."""
    if data is not None and (os.environ.get(DATA_DIR_ENV) or data != data_dir()):
        return data / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))

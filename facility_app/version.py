"""The installed version, one answer for facility-app, facility-admin and the installer.

Read from the package metadata (the frozen build carries it too); the
fallback only shows when running from an uninstalled source tree.
"""
from __future__ import annotations

DIST_NAME = "facility-health-records"
FALLBACK = "0.1.0"


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as dist_version

    try:
        return dist_version(DIST_NAME)
    except PackageNotFoundError:
        return FALLBACK

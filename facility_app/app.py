"""facility-app entry point: wiring only (the GUI lands with its own issue)."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .cli.main import main as cli_main

    # Until the desktop window exists, launching shows the demo facility's summary.
    return cli_main(["info"] + list(argv or sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())

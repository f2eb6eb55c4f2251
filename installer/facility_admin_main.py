"""PyInstaller entry for facility-admin (the console tool)."""
import sys

from facility_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

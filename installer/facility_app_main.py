"""PyInstaller entry for facility-app (the windowed program)."""
import sys

from facility_app.app import main

if __name__ == "__main__":
    sys.exit(main())

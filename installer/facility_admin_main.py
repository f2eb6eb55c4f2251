"""PyInstaller entry for facility-admin (the console tool; ``--self-test`` too)."""
import sys

from facility_app.app import admin_main

if __name__ == "__main__":
    sys.exit(admin_main())

#!/usr/bin/env bash
# Install everything and run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
# Debian tools the tests read PDFs, build the installer and render the dashboard with
need=()
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v makensis >/dev/null || need+=(nsis)
command -v chromium >/dev/null || need+=(chromium)  # tests/test_server_dashboard_browser.py
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
bash scripts/setup-venv.sh app,dev,server,server-reports,build
bash scripts/build-translations.sh
eval "$(bash scripts/pg.sh start)"
trap 'bash scripts/pg.sh stop "$PG_TEST_DIR"' EXIT
echo "== layer contracts"
.venv/bin/lint-imports --no-cache
echo "== frozen app (PyInstaller one-folder, its --self-test, NSIS script compile)"
build_log="$(mktemp)"
bash installer/build.sh 2>&1 | tee "$build_log"
echo "== tests"
FACILITY_FROZEN_BUILD_LOG="$build_log" .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Install, create a demo facility in a local encrypted store (first time), launch the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
bash scripts/build-translations.sh 2>/dev/null || true
export FACILITY_APP_DATA_DIR="${FACILITY_APP_DATA_DIR:-$PWD/.demo-data}"
export FACILITY_APP_PASSPHRASE="${FACILITY_APP_PASSPHRASE:-demo passphrase 2026}"
export FACILITY_APP_ADMIN_PASSWORD="${FACILITY_APP_ADMIN_PASSWORD:-admin-demo-2026}"
if [ ! -f "$FACILITY_APP_DATA_DIR/facility.db" ]; then
  .venv/bin/facility-admin init --facility-code TTBTXH-LS \
    --facility-name "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn" --facility-type social-assistance \
    --province "Lạng Sơn" --admin-user admin --admin-full-name "Quản trị hệ thống"
  .venv/bin/facility-admin demo --residents 120 --seed 7
fi
exec .venv/bin/facility-app "$@"

#!/usr/bin/env bash
# Install, create a demo facility in a local encrypted store (first time), launch the app.
set -euo pipefail
cd "$(dirname "$0")/.."
# Qt's X11 platform plugin needs these system libraries (a fresh Debian/Ubuntu lacks some)
qt_libs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
         libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libegl1 libfontconfig1)
if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for lib in "${qt_libs[@]}"; do dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
bash scripts/setup-venv.sh
bash scripts/build-translations.sh
export FACILITY_APP_DATA_DIR="${FACILITY_APP_DATA_DIR:-$PWD/.demo-data}"
export FACILITY_APP_PASSPHRASE="${FACILITY_APP_PASSPHRASE:-demo passphrase 2026}"
export FACILITY_APP_ADMIN_PASSWORD="${FACILITY_APP_ADMIN_PASSWORD:-admin-demo-2026}"
if [ ! -f "$FACILITY_APP_DATA_DIR/facility.db" ]; then
  .venv/bin/facility-admin init --facility-code TTBTXH-LS \
    --facility-name "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn" --facility-type social-assistance \
    --province "Lạng Sơn" --admin-user admin --admin-full-name "Quản trị hệ thống"
  .venv/bin/facility-admin demo --residents 120 --seed 7
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  .venv/bin/facility-admin info
  echo "Không tìm thấy màn hình (DISPLAY): hãy chạy lệnh này trong một phiên làm việc có giao diện đồ họa."
  echo "No display found (DISPLAY is not set): run this command from a desktop session to open the app."
  exit 1
fi
echo "Đăng nhập / log in: admin / $FACILITY_APP_ADMIN_PASSWORD"
exec .venv/bin/facility-app "$@"

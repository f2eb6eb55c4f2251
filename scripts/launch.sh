#!/usr/bin/env bash
# Install (first time, or when pyproject.toml changed), create a demo facility in a local
# encrypted store with demo accounts (first time), launch the app.
# A later launch does no installing: apt only when a Qt library is missing, pip only when
# pyproject.toml changed (a stamp in .venv holds its hash), a translation only when its .ts changed.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "$1"; echo "$2"; }  # Vietnamese, then English

# --- Qt's X11 platform plugin needs these system libraries (a fresh Debian/Ubuntu lacks some)
qt_libs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
         libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 libegl1 libfontconfig1)
if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${qt_libs[@]}" 2>/dev/null || true)"
  missing=()
  for lib in "${qt_libs[@]}"; do grep -qx "$lib installed" <<<"$installed" || missing+=("$lib"); done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    say "Cài thư viện hệ thống cho giao diện: ${missing[*]}" "Installing system libraries for the window: ${missing[*]}"
    apt_wait="${FACILITY_APT_WAIT_SECONDS:-900}"
    $sudo env FACILITY_APT_WAIT_SECONDS="$apt_wait" bash scripts/wait-for-apt.sh
    # DPkg::Lock::Timeout: should another apt start between our check and ours, apt waits too
    apt_opts=(-qq -o "DPkg::Lock::Timeout=$apt_wait")
    $sudo apt-get "${apt_opts[@]}" update >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# --- Python packages: only when pyproject.toml (or this checkout's place) changed
stamp=.venv/.launch-stamp
want="$( (cat pyproject.toml scripts/setup-venv.sh; pwd) | sha256sum | cut -d' ' -f1)"
if [ ! -x .venv/bin/facility-app ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "Đang cài đặt chương trình (chỉ lần đầu hoặc khi có phiên bản mới)…" "Installing the program (first time or after an update)…"
  bash scripts/setup-venv.sh app
  echo "$want" >"$stamp"
fi
# --- translations: only a .ts newer than its .qm
stale=0
for ts in translations/*.ts; do [ "$ts" -nt "${ts%.ts}.qm" ] && stale=1; done
[ "$stale" -eq 0 ] || bash scripts/build-translations.sh

export FACILITY_APP_DATA_DIR="${FACILITY_APP_DATA_DIR:-$PWD/.demo-data}"
export FACILITY_APP_PASSPHRASE="${FACILITY_APP_PASSPHRASE:-demo passphrase 2026}"
export FACILITY_APP_ADMIN_PASSWORD="${FACILITY_APP_ADMIN_PASSWORD:-admin-demo-2026}"
if [ ! -f "$FACILITY_APP_DATA_DIR/facility.db" ]; then
  .venv/bin/facility-admin init --facility-code TTBTXH-LS \
    --facility-name "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn" --facility-type social-assistance \
    --province "Lạng Sơn" --admin-user admin --admin-full-name "Quản trị hệ thống"
  .venv/bin/facility-admin demo --residents 120 --seed 7 --accounts
  touch "$FACILITY_APP_DATA_DIR/.demo-accounts"
elif [ ! -f "$FACILITY_APP_DATA_DIR/.demo-accounts" ]; then  # a demo store made before the demo accounts
  .venv/bin/facility-admin demo --accounts
  touch "$FACILITY_APP_DATA_DIR/.demo-accounts"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  .venv/bin/facility-admin info
  say "Không tìm thấy màn hình (DISPLAY): hãy chạy lệnh này trong một phiên làm việc có giao diện đồ họa." \
      "No display found (DISPLAY is not set): run this command from a desktop session to open the app."
  exit 1
fi
# Demo accounts (facility_app/demo/accounts.py, DEMO_ACCOUNTS): published demo passwords
say "Đăng nhập bằng một trong các tài khoản mẫu:" "Log in with one of the demo accounts:"
echo "  điều dưỡng / nurse:    dieuduong / dieuduong-demo-2026   (ghi khám / records checkups)"
echo "  bác sĩ / doctor:       bacsi / bacsi-demo-2026"
echo "  giám đốc / director:   giamdoc / giamdoc-demo-2026   (báo cáo / reports)"
echo "  quản trị / admin:      admin / $FACILITY_APP_ADMIN_PASSWORD   (tài khoản, sao lưu / users, backup)"
exec .venv/bin/facility-app "$@"

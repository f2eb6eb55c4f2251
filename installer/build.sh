#!/usr/bin/env bash
# Linux build of the Windows package recipe, as a check that it works:
#   1. compile the translations and freeze facility-app + facility-admin with
#      installer/facility-app.spec into dist/facility-app (one folder);
#   2. print its size;
#   3. run the frozen programs outside the source tree, in a bare environment:
#      `facility-app --self-test` (offscreen), `facility-admin --version`,
#      and `facility-admin init` + `verify` on a throw-away store;
#   4. if makensis is installed, compile installer/facility-app.nsi against a
#      staged copy (the Linux programs under the .exe names the script packs),
#      uncompressed (-DLINUX_CHECK), warnings as errors.
# Any failure ends the script with a non-zero status.
#
#   bash installer/build.sh            (PYTHON=... to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
py="${PYTHON:-$root/.venv/bin/python}"
started=$(date +%s)
version=$("$py" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
version4=$("$py" -c 'import re, sys; n = [int(x) for x in re.findall(r"\d+", sys.argv[1])][:4]; print(".".join(map(str, n + [0] * (4 - len(n)))))' "$version")
dist="$root/dist/facility-app"
work="$root/build/pyinstaller"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== translations"
bash scripts/build-translations.sh

echo "== pyinstaller: facility-app + facility-admin $version"
mkdir -p "$work"
if ! "$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$root/dist" --workpath "$work" \
    installer/facility-app.spec >"$work/build.log" 2>&1; then
  grep -v "Library not found" "$work/build.log" | tail -40
  echo "build.sh: PyInstaller failed (full log: $work/build.log)" >&2
  exit 1
fi
grep "^facility-app.spec:" "$work/build.log" | cut -c1-400 || true
built=$(date +%s)
size_mb=$(du -sm "$dist" | cut -f1)
files=$(find "$dist" -type f | wc -l)
echo "one-folder size: ${size_mb} MB, ${files} files ($dist); frozen in $((built - started)) s"

echo "== frozen self-test (offscreen, bare environment, outside the source tree)"
bare=(env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
mkdir -p "$tmp/home"
(cd "$tmp" && "${bare[@]}" "$dist/facility-app" --self-test)
(cd "$tmp" && "${bare[@]}" "$dist/facility-admin" --version)
(cd "$tmp" && "${bare[@]}" FACILITY_APP_PASSPHRASE="frozen build check 2026" FACILITY_APP_ADMIN_PASSWORD="admin-check-2026" \
  "$dist/facility-admin" --data-dir "$tmp/data" --lang en init --facility-code TTBTXH-KT \
  --facility-name "Trung tâm kiểm tra bản đóng gói" --facility-type social-assistance --province "Lạng Sơn" \
  --admin-user admin >/dev/null)
(cd "$tmp" && "${bare[@]}" FACILITY_APP_PASSPHRASE="frozen build check 2026" \
  "$dist/facility-admin" --data-dir "$tmp/data" --lang en verify)

echo "== installer script (NSIS)"
if command -v makensis >/dev/null; then
  stage="$root/build/nsis-stage"
  rm -rf "$stage" && mkdir -p "$stage"
  cp -al "$dist" "$stage/" 2>/dev/null || cp -a "$dist" "$stage/"
  mv "$stage/facility-app/facility-app" "$stage/facility-app/facility-app.exe"
  mv "$stage/facility-app/facility-admin" "$stage/facility-app/facility-admin.exe"
  out="$stage/FacilityHealth-Setup-$version.exe"
  makensis -V2 -WX -INPUTCHARSET UTF8 -DLINUX_CHECK -DVERSION="$version" -DVERSION4="$version4" \
    -DDIST_DIR="$stage/facility-app" -DOUTFILE="$out" installer/facility-app.nsi
  [ -s "$out" ] || { echo "build.sh: makensis made no installer" >&2; exit 1; }
  echo "makensis $(makensis -VERSION): installer script compiles (uncompressed check build, $(du -sm "$out" | cut -f1) MB)"
  rm -rf "$stage"
else
  echo "makensis not installed: installer script NOT checked (Debian package nsis)"
fi
echo "build.sh: done in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# The Windows setup program, installed and checked under Wine the way an IT
# officer would, in a fresh Wine prefix whose Windows user is "Nguyễn Văn An"
# (C:\users\Nguyễn Văn An: Vietnamese letters in every data path):
#   1. silent install (/S) of dist/windows/FacilityHealth-Setup-<version>.exe;
#      the installed size;
#   2. the installed facility-admin.exe --version and --self-test (encrypted
#      store, a record written and read back, a Vietnamese PDF read back, both
#      translations), facility-app.exe --self-test (offscreen window);
#   3. version N makes a store in the default data folder
#      (%LOCALAPPDATA%\VNSocialCare\FacilityHealth) with a few residents;
#   4. install over it: version N+1 (this build with the next version number
#      and one more migration, staged here and packed by makensis) upgrades in
#      place; the store is kept, migrated to the new schema level, still
#      verifies and holds the same residents;
#   5. silent uninstall: the program is gone, the store is kept;
#   6. install again, uninstall with /REMOVEDATA: the store is gone.
# Any failed step ends the script with "wine-check: FAILED: ..." and status 1.
#
#   bash installer/wine-check.sh               check the setup that build-windows.sh made
#   bash installer/wine-check.sh --self-check  also prove that the check fails on a broken
#       installer script (no program files packed) and on a missing DLL (Qt6Widgets.dll
#       taken out of the one-folder app); each must fail, or this fails
#   SETUP=FILE DIST=FOLDER bash installer/wine-check.sh   another setup and its one-folder app
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
started=$(date +%s)
py="${PYTHON:-}"
if [ -z "$py" ]; then
  if [ -x "$root/.venv/bin/python" ]; then py="$root/.venv/bin/python"; else py=python3; fi
fi
version=$("$py" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
dist="${DIST:-$root/dist/windows/facility-app}"
setup="${SETUP:-$root/dist/windows/FacilityHealth-Setup-$version.exe}"
work="$root/build/wine-check"
winuser="Nguyễn Văn An"
passphrase="kiểm tra cài đặt 2026"
export WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml="
export USER="$winuser" LOGNAME="$winuser"  # Wine names the Windows profile folder after $USER

stage() { echo "== $1 ($(( $(date +%s) - started )) s)"; }
fail() { echo "wine-check: FAILED: $*" >&2; exit 1; }
command -v wine >/dev/null && command -v makensis >/dev/null ||
  fail "wine and makensis are needed: run installer/build-windows.sh first (it installs them)"

# Wine's programs cannot write their standard streams to a regular file: always through a pipe;
# stdout is the answer, stderr (the program's and Wine's own messages) goes to this script's stderr.
w() { wine "$@" </dev/null 2> >(tr -d '\r' >&2) | tr -d '\r'; return "${PIPESTATUS[0]}"; }
settle() { wineserver -w; }  # an NSIS uninstaller goes on in a copy of itself: wait for every process

next_version() { "$py" -c 'import re, sys; v = sys.argv[1]; m = re.search(r"(\d+)(?!.*\d)", v); print(v[:m.start()] + str(int(m.group(1)) + 1) + v[m.end():])' "$1"; }

# A copy of the one-folder app as version N+1: the next version number in its
# metadata and one more Alembic revision (a new table), so installing it over
# N shows the data kept and the migrations run. Packed uncompressed (quick).
make_next_setup() {  # DIST OUT_SETUP
  local from="$1" out="$2" next stage_dir migrations head
  next=$(next_version "$version")
  stage_dir="$work/next/facility-app"
  rm -rf "$work/next" && mkdir -p "$work/next"
  cp -al "$from" "$stage_dir" 2>/dev/null || cp -a "$from" "$stage_dir"
  local meta; meta=$(ls -d "$stage_dir"/_internal/facility_health_records-*.dist-info)
  mv "$meta" "$stage_dir/_internal/facility_health_records-$next.dist-info"
  meta="$stage_dir/_internal/facility_health_records-$next.dist-info"
  sed "s/^Version: .*/Version: $next/" "$meta/METADATA" >"$meta/METADATA.new"
  rm "$meta/METADATA" && mv "$meta/METADATA.new" "$meta/METADATA"  # a new file: the hard link stays N's
  migrations="$stage_dir/_internal/facility_app/storage/migrations/versions"
  head=$("$py" - "$migrations" <<'PY'
import re, sys
from pathlib import Path
revs, downs = set(), set()
for f in Path(sys.argv[1]).glob("*.py"):
    text = f.read_text(encoding="utf-8")
    r = re.search(r"^revision\s*=\s*['\"](\w+)['\"]", text, re.M)
    d = re.search(r"^down_revision\s*=\s*['\"](\w+)['\"]", text, re.M)
    if r:
        revs.add(r.group(1))
    if d:
        downs.add(d.group(1))
heads = revs - downs
assert len(heads) == 1, heads
print(heads.pop())
PY
)
  cat >"$migrations/9900_wine_check_upgrade.py" <<EOF
"""wine-check's version N+1: one more table, to see the migration run on upgrade."""
from alembic import op
import sqlalchemy as sa

revision = "9900"
down_revision = "$head"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("wine_check_upgrade", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("wine_check_upgrade")
EOF
  makensis -V2 -WX -INPUTCHARSET UTF8 -DLINUX_CHECK -DVERSION="$next" -DVERSION4="$next.0" \
    -DDIST_DIR="$stage_dir" -DOUTFILE="$out" installer/facility-app.nsi
}

# The whole check of one setup program (and the one-folder app it was made from).
check() {  # SETUP DIST LABEL
  local setup="$1" from="$2" label="$3"
  [ -s "$setup" ] || fail "no setup program at $setup (run installer/build-windows.sh)"
  export WINEPREFIX="$work/prefix-$label"
  rm -rf "$WINEPREFIX"
  stage "[$label] fresh Wine prefix, Windows user $winuser"
  w wineboot -i >/dev/null 2>&1 || true
  w winecfg -v win10 >/dev/null  # a new Wine 8 prefix says Windows 7, which setup refuses
  # a crash ends the program at once (no debugger waiting): the check then fails on its status
  w reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /t REG_SZ /d 0 /f >/dev/null
  w reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /t REG_SZ /d '' /f >/dev/null
  settle
  local users="$WINEPREFIX/drive_c/users"
  [ -d "$users/$winuser" ] || fail "the Windows user folder C:\\users\\$winuser was not made (have: $(ls "$users"))"
  local inst="$WINEPREFIX/drive_c/Program Files/VNSocialCare/FacilityHealth"
  local data="$users/$winuser/AppData/Local/VNSocialCare/FacilityHealth"
  local admin="$inst/facility-admin.exe" app="$inst/facility-app.exe" out

  stage "[$label] silent install: $(basename "$setup") ($(du -m "$setup" | cut -f1) MB)"
  w "$setup" /S || fail "the setup program ended with status $?"
  settle
  [ -f "$admin" ] && [ -f "$app" ] || fail "the installed programs are missing in $inst"
  [ -f "$inst/uninstall.exe" ] || fail "no uninstaller in $inst"
  echo "installed size: $(du -sm "$inst" | cut -f1) MB, $(find "$inst" -type f | wc -l) files (C:\\Program Files\\VNSocialCare\\FacilityHealth)"
  w reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\FacilityHealth' /v DisplayVersion | grep -q "$version" ||
    fail "Add/Remove Programs has no entry for version $version"

  stage "[$label] facility-admin.exe --version, --self-test"
  out=$(w "$admin" --version) || fail "facility-admin.exe --version: status $? ($out)"
  echo "$out"
  [ "$out" = "facility-admin $version" ] || fail "facility-admin.exe --version said '$out', not 'facility-admin $version'"
  out=$(w "$admin" --self-test) || { echo "$out"; fail "facility-admin.exe --self-test failed"; }
  echo "$out"
  grep -q "^self-test passed" <<<"$out" || fail "facility-admin.exe --self-test did not pass"

  stage "[$label] facility-app.exe --self-test (offscreen)"
  out=$(QT_QPA_PLATFORM=offscreen w "$app" --self-test) || { echo "$out"; fail "facility-app.exe --self-test failed"; }
  echo "$out"
  grep -q "^OK   gui: " <<<"$out" && grep -q "^self-test passed" <<<"$out" || fail "facility-app.exe --self-test did not pass"

  stage "[$label] version $version makes a store in the default data folder"
  out=$(FACILITY_APP_PASSPHRASE="$passphrase" FACILITY_APP_ADMIN_PASSWORD="quan-tri-2026" w "$admin" --lang en init \
      --facility-code TTBTXH-WC --facility-name "Trung tâm bảo trợ xã hội kiểm tra" --facility-type social-assistance \
      --province "Lạng Sơn" --admin-user admin) || { echo "$out"; fail "facility-admin init failed"; }
  FACILITY_APP_PASSPHRASE="$passphrase" w "$admin" --lang en demo --residents 3 >/dev/null || fail "facility-admin demo failed"
  [ -f "$data/facility.db" ] || fail "no store in $data"
  local before; before=$(FACILITY_APP_PASSPHRASE="$passphrase" w "$admin" --lang en info | grep "^Residents:") ||
    fail "facility-admin info failed"
  echo "store at C:\\users\\$winuser\\AppData\\Local\\VNSocialCare\\FacilityHealth: $before"

  stage "[$label] install version N+1 over it (upgrade in place, data kept, migration run)"
  local next next_setup="$work/FacilityHealth-Setup-next.exe"
  next=$(next_version "$version")
  make_next_setup "$from" "$next_setup"
  w "$next_setup" /S || fail "the N+1 setup program ended with status $?"
  settle
  out=$(w "$admin" --version) && [ "$out" = "facility-admin $next" ] || fail "after the upgrade --version said '$out', not $next"
  echo "$out"
  out=$(FACILITY_APP_PASSPHRASE="$passphrase" w "$admin" --lang en verify) || { echo "$out"; fail "the kept store does not verify after the upgrade"; }
  echo "$out"
  grep -q "^OK  *schema: at 9900" <<<"$out" || fail "the upgrade's migration did not run (schema line: $(grep schema <<<"$out"))"
  local after; after=$(FACILITY_APP_PASSPHRASE="$passphrase" w "$admin" --lang en info | grep "^Residents:")
  [ "$after" = "$before" ] || fail "residents before the upgrade: '$before', after: '$after'"
  local saved; saved=$(ls "$data/backups" | grep "^pre-migrate-" | head -1) || fail "no backup was made before the migration"
  echo "after the upgrade: $after; backup made before migrating: backups\\$saved"

  stage "[$label] silent uninstall keeps the data"
  w "$inst/uninstall.exe" /S || fail "the uninstaller ended with status $?"
  settle
  [ ! -e "$admin" ] && [ ! -e "$app" ] || fail "the programs are still there after uninstalling"
  w reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\FacilityHealth' >/dev/null 2>&1 &&
    fail "the Add/Remove Programs entry is still there after uninstalling"
  [ -f "$data/facility.db" ] || fail "uninstalling removed the store"
  echo "program removed; store kept ($(find "$data" -type f | wc -l) files)"

  stage "[$label] install again, uninstall /REMOVEDATA removes the data"
  w "$next_setup" /S || fail "reinstalling ended with status $?"
  settle
  out=$(FACILITY_APP_PASSPHRASE="$passphrase" w "$admin" --lang en info | grep "^Residents:") && [ "$out" = "$before" ] ||
    fail "the reinstalled program does not open the kept store ($out)"
  w "$inst/uninstall.exe" /S /REMOVEDATA || fail "the uninstaller (/REMOVEDATA) ended with status $?"
  settle
  [ ! -e "$data" ] || fail "/REMOVEDATA left the data folder: $(ls "$data")"
  [ ! -e "$admin" ] || fail "the program is still there after uninstalling"
  echo "program and data removed"
  rm -rf "$WINEPREFIX" "$work/next" "$next_setup"
}

# --self-check: the check must fail on a broken installer script and on a missing DLL.
expect_failure() {  # LABEL SETUP DIST WHAT
  local label="$1" what="$4" log="$work/$1.log" status=0
  stage "expected failure: $what"
  ( check "$2" "$3" "$label" ) >"$log" 2>&1 || status=$?
  rm -rf "$work/prefix-$label" "$work/next"
  if [ "$status" -eq 0 ]; then
    tail -20 "$log"
    fail "the check passed on $what"
  fi
  echo "failed as it should: $(grep 'wine-check: FAILED' "$log" | head -1 | cut -c1-300)"
}

mkdir -p "$work"
if [ "${1:-}" = "--self-check" ]; then
  broken="$work/broken"
  rm -rf "$broken" && mkdir -p "$broken"
  # 1. an installer script that packs no program files
  sed -e '/File \/r "${DIST_DIR}\\\*"/d' -e "s#\"../docs/it-guide.md\"#\"$root/docs/it-guide.md\"#" \
    installer/facility-app.nsi >"$broken/no-files.nsi"
  ! cmp -s installer/facility-app.nsi "$broken/no-files.nsi" || fail "could not break the installer script"
  makensis -V1 -INPUTCHARSET UTF8 -DLINUX_CHECK -DVERSION="$version" -DDIST_DIR="$dist" \
    -DOUTFILE="$broken/no-files-setup.exe" "$broken/no-files.nsi"
  expect_failure broken-script "$broken/no-files-setup.exe" "$dist" "an installer script that packs no program files"
  # 2. a one-folder app with a DLL missing
  cp -al "$dist" "$broken/facility-app" 2>/dev/null || cp -a "$dist" "$broken/facility-app"
  rm "$broken/facility-app/_internal/PySide6/Qt6Widgets.dll"
  makensis -V1 -INPUTCHARSET UTF8 -DLINUX_CHECK -DVERSION="$version" -DDIST_DIR="$broken/facility-app" \
    -DOUTFILE="$broken/missing-dll-setup.exe" installer/facility-app.nsi
  expect_failure missing-dll "$broken/missing-dll-setup.exe" "$broken/facility-app" "a missing DLL (Qt6Widgets.dll)"
  rm -rf "$broken"
  shift
fi
check "$setup" "$dist" setup
echo "wine-check: passed in $(( $(date +%s) - started )) s"

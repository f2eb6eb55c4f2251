#!/usr/bin/env bash
# Wait (with a message in Vietnamese and English) while another apt or dpkg holds its lock,
# instead of failing at once with "E: Could not get lock /var/lib/dpkg/lock-frontend".
# apt and dpkg take fcntl (POSIX) write locks on these files (not flock(2) locks), so this
# asks the kernel with F_GETLK who holds one. Run as root (the lock files are root-only).
# FACILITY_APT_WAIT_SECONDS: how long at most (default 900); FACILITY_APT_LOCKS: other files (tests).
set -euo pipefail
say() { echo "$1"; echo "$2"; }
read -r -a locks <<<"${FACILITY_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}"
limit="${FACILITY_APT_WAIT_SECONDS:-900}"

holder() {  # "FILE (pid N)" for the first held lock; nothing when all are free
  "${PYTHON:-python3}" - "${locks[@]}" <<'PY'
import fcntl, os, struct, sys
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        continue
    try:  # struct flock on Linux x86-64 and arm64: type, whence, start, len, pid
        got = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0))
        kind, _, _, _, pid = struct.unpack("hhqqi4x", got)
        if kind != fcntl.F_UNLCK:
            print(f"{path} (pid {pid})")
            break
    finally:
        os.close(fd)
PY
}

waited=0
while held="$(holder)" && [ -n "$held" ]; do
  if [ "$waited" -eq 0 ]; then
    say "Một chương trình cài đặt khác đang chạy (đang giữ $held); đang chờ nó xong (tối đa $((limit / 60)) phút)…" \
        "Another installer is running (it holds $held); waiting for it to finish (up to $((limit / 60)) minutes)…"
  fi
  if [ "$waited" -ge "$limit" ]; then
    say "Đã chờ $((limit / 60)) phút mà chương trình cài đặt kia vẫn chưa xong. Hãy để nó chạy xong (hoặc khởi động lại máy) rồi chạy lại lệnh này." \
        "Waited $((limit / 60)) minutes and the other installer has not finished. Let it finish (or restart the computer), then run this command again."
    exit 1
  fi
  sleep 1
  waited=$((waited + 1))
done
[ "$waited" -eq 0 ] || say "Chương trình cài đặt kia đã xong; tiếp tục." "The other installer has finished; going on."

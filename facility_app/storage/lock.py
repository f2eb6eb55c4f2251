"""Who may touch the data folder: many users, or one rekey/restore.

Every process that opens the store (the desktop app, each CLI command)
holds ``facility.lock`` shared for as long as the store is open; rekey and
restore replace ``facility.db`` and so take it exclusive. A rekey therefore
never swaps the file under a process still writing to the old one, and an
app started during a restore waits, then says why it cannot open.

The lock is the operating system's (``flock`` on POSIX, ``LockFileEx`` on
Windows): it dies with its process, so a crash never leaves the folder
locked, and the lock file itself holds nothing. ``filelock`` from PyPI has
no shared mode, hence these few lines.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

LOCK_NAME = "facility.lock"
POLL_SECONDS = 0.05
REGAIN_WAIT = 60.0  # after a refused change of mode, how long to wait to get the old mode back

if sys.platform == "win32":  # pragma: no cover - exercised on the Windows build
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _FAIL_IMMEDIATELY, _EXCLUSIVE = 0x1, 0x2

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        flags = _FAIL_IMMEDIATELY | (_EXCLUSIVE if exclusive else 0)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_Overlapped())))

    def _unlock(fd: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_Overlapped()))
else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FolderLock:
    """One open lock file; ``mode`` is None, "shared" or "exclusive"."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None
        self.mode: str | None = None
        self.gaps = 0  # times a held lock was let go to change mode: another process may have run meanwhile

    def acquire(self, mode: str, wait: float) -> bool:
        """Take the lock in ``mode`` within ``wait`` seconds; False if another
        process holds it the other way. Changing mode lets go first (neither
        OS converts a lock atomically), and a failed change takes the old
        mode back."""
        if self.mode == mode:
            return True
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        previous = self.mode
        if previous is not None:
            _unlock(self._fd)
            self.mode = None
            self.gaps += 1
        if self._poll(mode == "exclusive", wait):
            self.mode = mode
            return True
        if previous is not None and self._poll(previous == "exclusive", max(wait, REGAIN_WAIT)):
            self.mode = previous
        elif previous is None:
            self.release()
        return False

    def _poll(self, exclusive: bool, wait: float) -> bool:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            if _try_lock(self._fd, exclusive):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        if self._fd is not None:
            if self.mode is not None:
                _unlock(self._fd)
            os.close(self._fd)
        self._fd, self.mode = None, None


def held_exclusive(data_dir: Path) -> bool:
    """Is a rekey or restore holding the folder right now? (A non-blocking
    look: a shared lock taken and let go at once.)"""
    probe = FolderLock(data_dir)
    try:
        if not probe.path.exists():
            return False
        if probe.acquire("shared", 0):
            return False
        return True
    except OSError:
        return False
    finally:
        probe.release()

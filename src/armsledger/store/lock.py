"""A writer lock for an embedded store: ``PATH.lock`` holding the owner's PID, guarded by ``flock``.

DuckDB itself refuses a second writer, but its error names neither the command to wait for nor
what to do. The lock file lets armsledger say "in use by PID N" before touching the database.

``flock`` locks die with their process, so a lock file left behind by a killed run is stale by
construction: the next opener acquires it and overwrites the dead PID. The owner deletes the file
when it releases the lock; an opener that raced with that deletion notices (its descriptor no
longer points at the path) and retries on a fresh file.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path

from .base import StoreError, StoreLockedError, locked_message

log = logging.getLogger("armsledger.store")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _read_pid(fd: int) -> int | None:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 64).decode("ascii", "replace").strip()
    return int(raw) if raw.isdigit() else None


class WriteLock:
    """Exclusive, non-blocking lock next to a store file."""

    def __init__(self, db_path: Path, label: str | None = None) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.label = label or str(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`StoreLockedError` naming the holder's PID."""
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _read_pid(fd)
                os.close(fd)
                if pid is not None and not _pid_alive(pid):
                    # The PID in the file is gone but its lock is held: a child it forked still has it.
                    raise StoreLockedError(
                        locked_message(self.label, None) + f" (a process started by PID {pid} holds {self.path})"
                    ) from None
                raise StoreLockedError(locked_message(self.label, pid)) from None
            except OSError as exc:
                os.close(fd)
                raise StoreError(f"cannot lock {self.path} ({exc.strerror}); put the store on a local disk") from exc
            try:
                current = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                current = False
            if not current:  # locked a file its owner had just deleted; try the new one
                os.close(fd)
                continue
            stale = _read_pid(fd)
            if stale is not None and stale != os.getpid():
                log.info("taking over stale lock %s of PID %d, which is no longer running", self.path, stale)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            self._fd = fd
            return
        raise StoreLockedError(locked_message(self.label, None))

    def release(self) -> None:
        """Delete the lock file, then drop the lock (in that order, see the module docstring)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

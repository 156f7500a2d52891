"""Writing files atomically: a temporary file in the same folder, then a rename. Never a half-written file.

The new file gets the mode the old one had (a report on a share that colleagues may read stays
readable to them), or, for a new file, the mode the umask gives any new file (usually 0644 or
0664), not the 0600 of a temporary file. The temporary file is removed on every path: an error,
an interruption, and (in the workers of a portfolio) a SIGTERM, see :func:`remove_temporaries`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pbd.errors import PbdError

#: temporary files being written now, so that a signal handler can remove them
_PENDING: set[str] = set()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The permission bits the file should get: those of the file it replaces, else 0666 less the umask."""
    try:
        st = path.stat()
    except OSError:
        return 0o666 & ~_umask()
    return stat.S_IMODE(st.st_mode)


def remove_temporaries() -> None:
    """Remove the temporary files of writes still under way (for a handler of SIGTERM)."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            Path(tmp).unlink(missing_ok=True)
        _PENDING.discard(tmp)


def _write_special(path: Path, data: str | bytes) -> None:
    """Write to something that is not a regular file (``/dev/null``, ``/dev/stdout``, a pipe): a
    rename would replace the device itself, so the data goes through it; a folder is refused."""
    if path.is_dir():
        raise PbdError(str(path), "is a folder, not a file", "Give a file name for the output.")
    try:
        with path.open("wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise PbdError(str(path), f"cannot write ({exc.strerror})", "Check the path and its permissions.") from None


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    path = Path(path)
    if path.exists() and not path.is_file():
        _write_special(path, data)
        return
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PbdError(
            str(path), f"cannot write ({exc.strerror})", "Check the folder exists and is writable."
        ) from None
    _PENDING.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PbdError(str(path), f"cannot write ({exc.strerror})", "Check there is space and permission.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        _PENDING.discard(tmp)


#: how long a writer waits for another one to finish saving before it gives up
LOCK_WAIT_SECONDS = 10.0


def lock_path(path: Path) -> Path:
    """The advisory lock file of ``path``: ``.FILE.pbd-lock`` next to it (hidden, so a folder run skips it)."""
    return path.with_name(f".{path.name}.pbd-lock")


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (``flock`` on ``.FILE.pbd-lock``) while reading, changing and writing it.

    Two questionnaires on one file then take turns: each re-reads the file under the lock, adds its
    answer and writes, so neither loses what the other saved. A writer that cannot get the lock
    within ``wait`` seconds is told, with a :class:`PbdError`, instead of waiting for ever. The lock
    file stays (removing it would race with a writer that is waiting for it); it holds no data.
    Where ``fcntl`` is missing (Windows) the lock is skipped: the digest check in the questionnaire
    still notices a change from outside.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    lock = lock_path(Path(path))
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666 & ~_umask())
    except OSError as exc:
        raise PbdError(
            str(lock), f"cannot create the lock file ({exc.strerror})", "Check the folder is writable."
        ) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PbdError(
                        str(path),
                        f"another program (a second questionnaire?) has held its lock {lock.name} for {wait:.0f} s",
                        "Close the other questionnaire on this file, or wait and try again.",
                    ) from None
                time.sleep(0.01)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)

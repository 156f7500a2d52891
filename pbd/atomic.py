"""Writing files atomically: a temporary file in the same folder, then a rename. Never a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pbd.errors import PbdError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PbdError(
            str(path), f"cannot write ({exc.strerror})", "Check the folder exists and is writable."
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PbdError(str(path), f"cannot write ({exc.strerror})", "Check there is space and permission.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

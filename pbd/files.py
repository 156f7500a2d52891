"""Command-line inputs shared by every command: description files found from paths, and --date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pbd.errors import UsageError

DESCRIPTION_SUFFIXES = (".yaml", ".yml", ".json")


def description_files(paths: tuple[str, ...] | list[str]) -> list[Path]:
    """Files as given, and the description files inside folders (sorted, recursively)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in DESCRIPTION_SUFFIXES and p.is_file())
            if not found:
                raise UsageError(
                    raw,
                    "folder holds no .yaml, .yml or .json files",
                    "Point at a description file or a folder of them.",
                )
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise UsageError(raw, "no such file or folder", "Check the path.")
    return out


def evaluation_date(value: str | None) -> dt.date:
    """``--date YYYY-MM-DD``, or today: the only place pbd reads the clock."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("--date", f"'{value}' is not a date", "Write YYYY-MM-DD, e.g. 2026-11-23.") from None

"""Command-line inputs shared by every command: description files found from paths, JSON inputs, and --date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

from pbd import limits
from pbd.errors import PbdError, UsageError

DESCRIPTION_SUFFIXES = (".yaml", ".yml", ".json")
#: pbd's own files that live next to descriptions: the to-do list's actions (``pbd todo``)
_OWN_SUFFIXES = (".actions.yaml", ".actions.yml")
#: a JSON file larger than this is not looked into to see whether pbd wrote it (the loader judges it)
_PEEK_LIMIT = 8 * 1024 * 1024
_PEEK = limits.Limits("een JSON-bestand", "a JSON file", _PEEK_LIMIT, 64, 1_000_000, 1_000_000, 20)


def is_own_file(path: Path) -> bool:
    """A file pbd wrote, not a description: a result or portfolio JSON, a to-do actions file, or a hidden file
    (the questionnaire's ``.FILE.pbd-progress.json``, a temporary ``.FILE.tmp``)."""
    name = path.name.lower()
    if name.startswith(".") or name.endswith(_OWN_SUFFIXES):
        return True
    if path.suffix.lower() != ".json":
        return False
    try:
        data = json.loads(limits.read_bounded(path, _PEEK))  # never a FIFO or a device: that could hang
    except (OSError, ValueError, RecursionError, limits.LimitError):
        return False
    return isinstance(data, dict) and ("result_schema_version" in data or set(data) == {"projects"})


def _in_hidden_folder(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts[:-1])


def description_files(paths: tuple[str, ...] | list[str]) -> list[Path]:
    """Files as given, and the description files inside folders (sorted, recursively).

    In a folder, pbd's own files (:func:`is_own_file`) and hidden folders (``.git``, ``.github``) are skipped.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DESCRIPTION_SUFFIXES
                and not _in_hidden_folder(p, path)
                and not p.is_dir()  # a FIFO, device or dangling link is kept: its reader names it in an Error line
                and not is_own_file(p)
            )
            if not found:
                raise UsageError(
                    raw,
                    "folder holds no .yaml, .yml or .json files",
                    "Point at a description file or a folder of them.",
                )
            out.extend(found)
        elif path.is_file():
            out.append(path)
        elif path.exists():  # a FIFO, a device, a socket: never read (it could hang or never end)
            raise UsageError(raw, "not a regular file (a pipe, device or socket)", "Give the description file itself.")
        else:
            raise UsageError(raw, "no such file or folder", "Check the path.")
    return out


def output_names(files: list[Path]) -> dict[Path, str]:
    """A name per file for what pbd writes about it into a folder, different for every file.

    The file's stem (``stratumseind``) where that is unique; where stems collide (``a/project.yaml``
    and ``b/project.yaml``; compared case-insensitively, as a share may be) the path below the
    folder the colliding files share (``a/project``, ``b/project``), and where that collides too
    (``x.yaml`` next to ``x.json``) the full file name (``x.yaml``).
    """
    stems: dict[str, list[Path]] = {}
    for f in files:
        stems.setdefault(f.stem.casefold(), []).append(f)
    names: dict[Path, str] = {}
    for group in stems.values():
        if len(group) == 1:
            names[group[0]] = group[0].stem
            continue
        absolute = [Path(os.path.normpath(f.absolute())) for f in group]
        root = Path(os.path.commonpath([a.parent for a in absolute]))
        relative = [a.relative_to(root) for a in absolute]
        without = [r.with_suffix("").as_posix() for r in relative]
        if len({w.casefold() for w in without}) == len(without):
            names.update(zip(group, without, strict=True))
        else:
            names.update(zip(group, (r.as_posix() for r in relative), strict=True))
    taken: dict[str, Path] = {}
    for f, name in names.items():
        other = taken.setdefault(name.casefold(), f)
        if other != f:
            raise UsageError(
                str(f), f"would write to the same output as {other}", "Give each file once, or check them separately."
            )
    return names


def evaluation_date(value: str | None) -> dt.date:
    """``--date YYYY-MM-DD``, or today: the only place pbd reads the clock."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError("--date", f"'{value}' is not a date", "Write YYYY-MM-DD, e.g. 2026-11-23.") from None


#: the largest JSON input pbd reads (a result, an Invulhulp export with images)
MAX_JSON_BYTES = limits.RESULT.max_bytes


def read_json(
    path: Path | str, fix: str, *, max_bytes: int = MAX_JSON_BYTES, policy: limits.Limits = limits.RESULT
) -> object:
    """A JSON file (UTF-8, a byte-order mark allowed), or one clear :class:`PbdError` saying what is wrong with it.

    Read through :mod:`pbd.limits` (regular files only, with a bound; depth, nodes, text length and
    integer digits limited), so what it returns cannot crash the code that walks it.
    """
    path = Path(path)
    if max_bytes != policy.max_bytes:
        policy = dataclasses.replace(policy, max_bytes=max_bytes)
    try:
        raw = limits.read_bounded(path, policy)
    except limits.LimitError as exc:
        raise PbdError(str(path), exc.en, fix if "large" in exc.en else "Give the file itself.") from None
    except FileNotFoundError:
        raise PbdError(str(path), "no such file", "Check the path.") from None
    except OSError as exc:
        raise PbdError(str(path), f"cannot read ({exc.strerror})", "Check the file is readable.") from None
    try:
        return limits.parse_json(raw.decode("utf-8-sig"), policy)
    except UnicodeDecodeError:
        raise PbdError(str(path), "not a text file (not UTF-8)", fix) from None
    except limits.LimitError as exc:
        at = f" (line {exc.line}, column {exc.column})" if exc.line else ""
        raise PbdError(str(path), f"{exc.en}{at}", fix) from None
    except json.JSONDecodeError as exc:
        raise PbdError(str(path), f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", fix) from None

"""write_atomic: the whole new file or the old one; the old file's mode kept, a new one per umask; no temp left."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbd import atomic
from pbd.atomic import write_atomic
from pbd.errors import PbdError


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_of_the_umask(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    os.umask(mask)
    write_atomic(tmp_path / "new.txt", "x")
    assert _mode(tmp_path / "new.txt") == expected
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "x"


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    os.umask(0o077)
    target = tmp_path / "shared.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    write_atomic(target, "new")
    assert _mode(target) == 0o664
    assert target.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_keeps_the_old_and_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")

    def refuse(self: Path, other: Path) -> Path:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PbdError, match=r"^Error: .*out.json: cannot write"):
        write_atomic(target, "x")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_a_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    (target / "inside").mkdir(parents=True)
    with pytest.raises(PbdError, match=r"^Error: .*folder: is a folder, not a file"):
        write_atomic(target, "x")
    assert target.is_dir()
    assert _leftovers(tmp_path) == []


def test_a_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    import os
    import stat

    write_atomic(Path(os.devnull), "x")  # -o /dev/null must not turn the device into a file
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_interruption_mid_write_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []
    assert set() == atomic._PENDING


def test_remove_temporaries_removes_writes_under_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def signalled(_fd: int) -> None:  # what the SIGTERM handler of a worker does, mid-write
        seen.append(_leftovers(tmp_path))
        atomic.remove_temporaries()
        raise SystemExit(143)

    monkeypatch.setattr(os, "fsync", signalled)
    with pytest.raises(SystemExit):
        write_atomic(tmp_path / "r.sarif", "x")
    assert len(seen[0]) == 1 and seen[0][0].startswith(".r.sarif.")
    assert _leftovers(tmp_path) == []
    assert not (tmp_path / "r.sarif").exists()

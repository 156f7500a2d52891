"""SIGTERM in pbd's main process removes the temporary files of writes under way; a closed stdin is one Error line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import os, signal, sys
from pathlib import Path
from pbd import atomic, cli
tmp = Path(sys.argv[1])
tmp.write_text("half a report")
atomic._PENDING.add(str(tmp))
cli._on_sigterm_remove_temporaries()
os.kill(os.getpid(), signal.SIGTERM)
"""


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX signals")
def test_sigterm_in_the_main_process_removes_temporary_files(tmp_path: Path) -> None:
    tmp = tmp_path / ".report.html.abc123.tmp"
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp)], capture_output=True, text=True, check=False)
    assert proc.returncode == 143, proc.stderr
    assert not tmp.exists()


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX shell")
def test_questionnaire_with_stdin_closed_is_one_error_line(tmp_path: Path) -> None:
    target = tmp_path / "nieuw.yaml"
    proc = subprocess.run(
        f'"{sys.executable}" -c "from pbd.cli import main; main()" questionnaire "{target}" 0<&-',
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "Error: standard input: is closed, and the questionnaire reads its answers there. "
        "Run it in a terminal, or pipe the answers in."
    ]
    assert not target.exists()

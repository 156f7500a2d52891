"""The corpus test (#18): every kind of bad input through every command that reads a file.

Each run must give exit 2, ``Error:`` lines on stderr of which the first names the file, no
traceback and no internal error, nothing on stdout, no output file and no temporary file left,
within 5 seconds. ``validate`` and ``check`` run every kind on every test run; the other commands
run the whole corpus in the slow tier. A few kinds also run as real subprocesses (FIFO, devices).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from tests.hardening.corpus import Bad, corpus, materialise

CORPUS = corpus()
JSON_BAD = [b for b in CORPUS if b.json_reader]
DATE = "2026-11-01"
BOUND_SECONDS = 5.0


def _command(name: str, path: Path, out: Path) -> list[str]:
    p = str(path)
    return {
        "validate": ["validate", p],
        "check": ["check", p, "--date", DATE, "-o", f"json:{out / 'r.json'}", "-o", f"sarif:{out / 'r.sarif'}"],
        "screen": ["screen", p, "--format", "json"],
        "report": ["report", p, "--date", DATE, "--format", "html", "-o", str(out / "r.html")],
        "todo": ["todo", p, "--date", DATE, "-o", f"markdown:{out / 'todo.md'}"],
        "migrate": ["migrate", p, "-o", str(out / "m.yaml")],
        "register": ["register", p, "-o", str(out / "register.csv")],
        "questionnaire": ["questionnaire", p],
        "verify": ["verify", p],
        "diff": ["diff", p, p, "-o", str(out / "d.txt")],
        "import": ["import", "invulhulp", p, "-o", str(out / "i.yaml")],
    }[name]


def _assert_refused(bad: Bad, path: Path, code: int, stdout: str, stderr: str, out: Path, seconds: float) -> None:
    where = f"{bad.kind!r}"
    assert code == 2, f"{where}: exit {code}\n{stderr[-800:]}"
    lines = stderr.splitlines()
    assert lines, f"{where}: no error message"
    assert lines[0].startswith("Error: "), f"{where}: {lines[0][:200]}"
    assert all(line.startswith("Error: ") for line in lines), f"{where}: a line that is not an Error: line"
    shown = path.name.replace("\n", " ").replace("\x1b", "")
    assert shown.split(" ")[0].split("[")[0] in lines[0] or str(path.parent) in lines[0], f"{where}: {lines[0][:200]}"
    assert "Traceback" not in stderr and "internal" not in stderr, f"{where}: {stderr[:300]}"
    assert stdout == "", f"{where}: wrote to stdout"
    assert list(out.iterdir()) == [], f"{where}: left {sorted(p.name for p in out.iterdir())}"
    temporaries = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert temporaries == [], f"{where}: temporary files left"
    assert seconds < BOUND_SECONDS, f"{where}: took {seconds:.1f} s"


def _run(command: str, bad: Bad, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = materialise(bad, folder)
    started = time.monotonic()
    result = CliRunner().invoke(cli, _command(command, path, out), input="", catch_exceptions=True)
    seconds = time.monotonic() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{bad.kind!r}: {type(result.exception).__name__}: {result.exception}")
    _assert_refused(bad, path, result.exit_code, result.stdout, result.stderr, out, seconds)


def test_the_corpus_has_at_least_146_kinds() -> None:
    assert len({b.kind for b in CORPUS}) >= 146
    assert len(JSON_BAD) >= 25


@pytest.mark.parametrize("bad", CORPUS, ids=[b.kind.replace("\n", "\\n").replace("\x1b", "ESC") for b in CORPUS])
@pytest.mark.parametrize("command", ["validate", "check"])
def test_every_bad_input_is_one_error_line(command: str, bad: Bad, tmp_path: Path) -> None:
    _run(command, bad, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("bad", CORPUS, ids=[b.kind.replace("\n", "\\n").replace("\x1b", "ESC") for b in CORPUS])
@pytest.mark.parametrize("command", ["screen", "report", "todo", "migrate", "register", "questionnaire"])
def test_every_bad_input_through_every_other_command(command: str, bad: Bad, tmp_path: Path) -> None:
    if command == "questionnaire" and bad.special in ("missing", "dangling", "loop"):
        pytest.skip("a file that does not exist is a new description for the questionnaire, not bad input")
    _run(command, bad, tmp_path)


@pytest.mark.parametrize("bad", JSON_BAD, ids=[b.kind for b in JSON_BAD])
@pytest.mark.parametrize("command", ["verify", "diff", "import"])
def test_every_bad_json_is_one_error_line_for_the_result_and_export_readers(
    command: str, bad: Bad, tmp_path: Path
) -> None:
    _run(command, bad, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom", "json-deep", "comment-only-4mib"])
def test_special_files_as_real_processes(kind: str, tmp_path: Path) -> None:
    bad = next(b for b in CORPUS if b.kind == kind)
    folder = tmp_path / "in"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = materialise(bad, folder)
    for command in ("check", "questionnaire"):
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-c", "from pbd.cli import main; main()", *_command(command, path, out)],
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        _assert_refused(bad, path, proc.returncode, proc.stdout, proc.stderr, out, time.monotonic() - started)

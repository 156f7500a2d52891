"""Portfolios that never fail as a whole: every good file gets its result, every bad one an ``Error:`` line
naming it; output names that cannot collide; pbd's own files skipped; stdout write errors are exit 2."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pbd import engine, runner
from pbd.cli import cli
from pbd.errors import UsageError
from pbd.files import description_files, is_own_file, output_names
from tests.conftest import ROOT

DATE = "2026-11-01"
SMALL = ROOT / "examples" / "slimme-straatverlichting.yaml"
BROKEN = "schema_version: 2\nproject: [\n"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "projects"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / ".git").mkdir()
    shutil.copy(SMALL, root / "a" / "project.yaml")
    shutil.copy(ROOT / "examples" / "huishoudboekje.yaml", root / "b" / "project.yaml")
    shutil.copy(SMALL, root / "street.yaml")
    (root / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    # pbd's own files and hidden folders: never read as descriptions
    (root / ".street.yaml.pbd-progress.json").write_text("{}", encoding="utf-8")
    (root / "street.actions.yaml").write_text("actions: []\n", encoding="utf-8")
    (root / ".git" / "config.yaml").write_text("x: 1\n", encoding="utf-8")
    code, out, _err = _run("check", str(root / "street.yaml"), "-o", "json", "--date", DATE)
    assert code in (0, 1)
    (root / "street.result.json").write_text(out, encoding="utf-8")
    (root / "portfolio.json").write_text('{"projects": []}', encoding="utf-8")
    return root


def test_description_files_skip_pbds_own_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    found = [p.relative_to(root).as_posix() for p in description_files([str(root)])]
    assert found == ["a/project.yaml", "b/project.yaml", "broken.yaml", "street.yaml"]
    assert is_own_file(root / "street.result.json")
    assert not is_own_file(root / "street.yaml")


def test_output_names_do_not_collide(tmp_path: Path) -> None:
    files = [tmp_path / "a" / "project.yaml", tmp_path / "b" / "project.yaml", tmp_path / "x.yaml", tmp_path / "x.json"]
    files.append(tmp_path / "street.yaml")
    assert output_names(files) == {
        files[0]: "a/project",
        files[1]: "b/project",
        files[2]: "x.yaml",
        files[3]: "x.json",
        files[4]: "street",
    }
    with pytest.raises(UsageError, match="same output"):
        output_names([tmp_path / "x.yaml", tmp_path / "a" / ".." / "x.yaml"])


def test_check_folder_with_a_broken_file_writes_every_good_result(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = _run("check", str(root), "-o", "json", "-o", f"sarif:{out}", "--date", DATE)
    assert code == 2
    rows = json.loads(stdout)["projects"]
    assert [Path(r["file"]).relative_to(root).as_posix() for r in rows] == [
        "a/project.yaml",
        "b/project.yaml",
        "broken.yaml",
        "street.yaml",
    ]
    assert ["errors" in r for r in rows] == [False, False, True, False]
    assert rows[2]["errors"][0].startswith(f"Error: {root / 'broken.yaml'}:")
    errors = stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"Error: {root / 'broken.yaml'}:")
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a/project.sarif", "b/project.sarif", "street.sarif"]


def _boom(*_args: Any, **_kwargs: Any) -> Any:
    class Unpicklable(Exception):  # a local class: pickling it fails
        pass

    raise Unpicklable("evaluation failed")


def test_a_worker_returns_errors_as_plain_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.yaml"
    shutil.copy(SMALL, bad)
    monkeypatch.setattr(engine, "check", _boom)
    options = runner.CheckOptions(
        gate=None, today=__import__("datetime").date(2026, 11, 1), waivers=True, lang="nl", fail_on=None
    )
    row = runner._work((str(bad), options, []))
    assert pickle.loads(pickle.dumps(row)) == row
    assert row["exit"] == 3
    assert row["errors"][0].startswith(f"Error: {bad}: internal: Unpicklable: evaluation failed.")


def test_parallel_portfolio_names_every_bad_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(52):
        shutil.copy(SMALL, root / f"p{i:02}.yaml")
    (root / "p10.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "p40.yaml").write_text("schema_version: 2\nproject: {}\n", encoding="utf-8")
    real = engine.check

    def check(loaded: Any, *args: Any, **kwargs: Any) -> Any:
        if str(loaded.source.name).endswith("p20.yaml"):
            _boom()
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr(engine, "check", check)  # the forked workers inherit it
    out = tmp_path / "out"
    code, stdout, stderr = _run("check", str(root), "-o", "json", "-o", f"json:{out}", "--jobs", "2", "--date", DATE)
    assert code == 3  # p20 hit a bug in pbd; the others are still written
    rows = json.loads(stdout)["projects"]
    assert len(rows) == 52
    bad = [Path(r["file"]).name for r in rows if "errors" in r]
    assert bad == ["p10.yaml", "p20.yaml", "p40.yaml"]
    named = [line.split(":")[1].strip() for line in stderr.splitlines() if line.startswith("Error:")]
    assert [Path(n).name for n in named[:1]] == ["p10.yaml"]
    assert any("p20.yaml: internal: Unpicklable" in line for line in stderr.splitlines())
    assert any(str(root / "p40.yaml") in line for line in stderr.splitlines())
    assert sorted(p.name for p in out.iterdir()) == sorted(f"p{i:02}.json" for i in range(52) if i not in (10, 20, 40))


def test_report_folder_writes_every_good_report(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    out = tmp_path / "reports"
    code, stdout, stderr = _run("report", str(root), "-o", str(out), "--format", "html", "--date", DATE)
    assert code == 2
    assert sorted(Path(line).relative_to(out).as_posix() for line in stdout.splitlines()) == [
        "a/project-dpia-nl.html",
        "b/project-dpia-nl.html",
        "street-dpia-nl.html",
    ]
    errors = stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"Error: {root / 'broken.yaml'}:")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a/project-dpia-nl.html",
        "b/project-dpia-nl.html",
        "street-dpia-nl.html",
    ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["check", str(SMALL)], ["check", str(SMALL), "-o", "json"], ["check", str(ROOT / "examples")]]
)
def test_a_full_disk_on_stdout_is_one_error_line(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        proc = subprocess.run(
            [sys.executable, "-c", "from pbd.cli import main; main()", *args, "--date", DATE],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "Error: standard output: cannot write (No space left on device). Check the disk or file it goes to."
    ]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(c) for c in text.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_killing_the_parent_leaves_no_worker_and_no_temp(tmp_path: Path) -> None:
    import os
    import signal
    import time

    root = tmp_path / "many"
    root.mkdir()
    for i in range(120):
        shutil.copy(ROOT / "examples" / "stratumseind.yaml", root / f"p{i:03}.yaml")
    out = tmp_path / "out"
    args = ["check", str(root), "--jobs", "2", "-o", f"json:{out}", "--date", DATE]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pbd.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and not (out.exists() and workers):
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the portfolio did not start its workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.05)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]
    assert alive == []
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_worker_that_dies_does_not_lose_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    root = tmp_path / "many"
    root.mkdir()
    for i in range(52):
        shutil.copy(SMALL, root / f"p{i:02}.yaml")
    parent = os.getpid()
    real = engine.check

    def check(loaded: Any, *args: Any, **kwargs: Any) -> Any:
        if str(loaded.source.name).endswith("p20.yaml") and os.getpid() != parent:
            os._exit(9)  # as if the kernel killed the worker
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr(engine, "check", check)
    out = tmp_path / "out"
    code, stdout, stderr = _run("check", str(root), "-o", "json", "-o", f"json:{out}", "--jobs", "2", "--date", DATE)
    assert code in (0, 1), stderr
    rows = json.loads(stdout)["projects"]
    assert [Path(r["file"]).name for r in rows] == [f"p{i:02}.yaml" for i in range(52)]
    assert not [r for r in rows if "errors" in r]
    assert sorted(p.name for p in out.iterdir()) == [f"p{i:02}.json" for i in range(52)]


def _portfolio_of_200(tmp_path: Path) -> tuple[Path, list[str]]:
    import os

    root = tmp_path / "portefeuille"
    root.mkdir()
    for i in range(200):
        shutil.copy(SMALL, root / f"p{i:03}.yaml")
    (root / "p017.yaml").write_text(BROKEN, encoding="utf-8")  # does not parse
    text = SMALL.read_text(encoding="utf-8").replace("period: P7D", "period: P99999Y", 1)
    (root / "p101.yaml").write_text(text, encoding="utf-8")  # parses, an absurd retention
    (root / "p150.yaml").unlink()
    os.mkfifo(root / "p150.yaml")  # not a regular file: would hang a reader without the limits
    return root, ["p017.yaml", "p101.yaml", "p150.yaml"]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mkfifo")
def test_check_200_files_with_three_broken_gives_200_rows_and_three_named_errors(tmp_path: Path) -> None:
    root, broken = _portfolio_of_200(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = _run("check", str(root), "-o", "json", "-o", f"json:{out}", "--jobs", "2", "--date", DATE)
    assert code == 2
    rows = json.loads(stdout)["projects"]  # valid JSON on stdout, every file a row
    assert len(rows) == 200
    assert [Path(r["file"]).name for r in rows if "errors" in r] == broken
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 3 and all(name in line for name, line in zip(broken, errors, strict=True))
    assert "Traceback" not in stderr
    assert len(list(out.iterdir())) == 197


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mkfifo")
def test_report_200_files_with_three_broken_writes_197_reports_and_names_three(tmp_path: Path) -> None:
    root, broken = _portfolio_of_200(tmp_path)
    out = tmp_path / "reports"
    code, stdout, stderr = _run("report", str(root), "-o", str(out), "--format", "html", "--date", DATE)
    assert code == 2
    assert len(stdout.splitlines()) == 197
    errors = stderr.splitlines()
    assert len(errors) == 3 and all(
        line.startswith("Error: ") and name in line for name, line in zip(broken, errors, strict=True)
    )
    assert len([p for p in out.rglob("*") if p.is_file()]) == 197
    assert [p.name for p in out.rglob("*.tmp")] == []

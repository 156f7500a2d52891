"""The wheel carries the knowledge base and templates: built, installed in a fresh venv, run from elsewhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT


def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(dist.glob("pbd-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "pbd/_content/criteria/referentiekader.json" in names
    assert "pbd/_content/system_requirements/SE-LG-01.json" in names
    assert "pbd/_content/templates/dpia.html.j2" in names
    assert "pbd/schemas/criterion.schema.json" in names
    assert "pbd/py.typed" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True, text=True)
    pbd = venv / "bin" / "pbd"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [str(pbd), "validate", *map(str, EXAMPLES)], cwd=elsewhere, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [str(pbd), "check", str(EXAMPLES[0]), "--date", "2026-11-01", "-o", "json", "--fail-on", "none"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"knowledge_base"' in done.stdout
    done = subprocess.run(
        [str(pbd), "report", str(EXAMPLES[0]), "-o", "r.html", "--date", "2026-11-01"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "r.html").stat().st_size > 10_000

"""A smoke run of benchmarks/bench_load.py (2 editors, 1 PDF user, 5 s, 1 worker): the load test still works
against the server and the queue's JSON API as they are — it is not a test of the figures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed (.ci/run installs it)")
def test_the_load_test_runs_end_to_end(tmp_path: Path) -> None:
    pytest.importorskip("celery")
    out = tmp_path / "figures.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PBD_", "DJANGO_"))}
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_load.py"), "--users", "2", "--pdf-users", "1",
         "--seconds", "5", "--workers", "1", "--warmup", "2", "--think-min", "0.2", "--think-max", "0.5",
         "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=300, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    [phase] = json.loads(out.read_text(encoding="utf-8"))
    assert phase["workers"] == 1 and phase["editors"] == 2 and phase["pdf_users"] == 1
    assert phase["autosaves"] > 0 and phase["autosave_errors"] == 0 and phase["pdf_errors"] == []
    assert phase["still_running"] == 0  # the PDF under way at the end arrived (checked %PDF … %%EOF) or none was asked
    assert "workers | autosaves | median ms" in run.stdout

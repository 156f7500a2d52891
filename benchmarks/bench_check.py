"""Benchmark of `pbd check` (issues 4 and 10): the parse-only floor vs pbd vs a naive jsonschema.validate tool.

The fair comparison (issue 10) runs the floor with the same processes and the same chunking as pbd
((a2) against (b)) and compares CPU seconds as well as wall time; the naive tool is compared per CPU
second. It also measures the start-up of `pbd check FILE` and the size of the portfolio's JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATE = "2026-11-01"


# ---------------------------------------------------------------------------------------------
# what runs inside the measured subprocesses (`--run MODE DIR`)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".yaml")


def _parse_all(names: list[str]) -> int:
    import yaml

    for name in names:
        with open(name, "rb") as fh:  # noqa: PTH123 - the floor: nothing but reading and parsing
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
    return len(names)


def _run_floor(folder: Path, jobs: int) -> dict[str, Any]:
    """(a): read and parse every file with PyYAML's libyaml loader, nothing else; (a2) the same in ``jobs`` processes."""
    names = [str(p) for p in _files(folder)]
    if jobs <= 1:
        return {"files": _parse_all(names)}
    chunk = max(1, min(64, len(names) // (jobs * 8)))  # the same chunking as pbd's runner
    with ProcessPoolExecutor(jobs) as pool:
        done = sum(pool.map(_parse_all, [names[i : i + chunk] for i in range(0, len(names), chunk)]))
    return {"files": done}


def _run_naive(folder: Path, sample: int) -> dict[str, Any]:
    """(c): what a quick tool does: ``jsonschema.validate(view, schema)`` for every rule, object and file.

    It gets the same help as pbd (pbd's loader and the same views), so the difference is the rule engine.
    """
    import jsonschema

    sys.path.insert(0, str(ROOT))
    from pbd.description import load_description
    from pbd.engine.evaluate import build_views
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    files = _files(folder)
    picked = [files[round(i * (len(files) - 1) / max(1, sample - 1))] for i in range(min(sample, len(files)))]
    per_file: list[float] = []
    outcomes = 0
    for path in picked:
        start = time.perf_counter()
        loaded = load_description(path)
        views = build_views(loaded.data()).by_scope
        for crit in kb.criteria.values():
            for v in views[crit.scope]:
                try:
                    jsonschema.validate(v.view, crit.data["applies_when"])
                except jsonschema.ValidationError:
                    outcomes += 1
                    continue
                if "requirement" in crit.data:
                    with contextlib.suppress(jsonschema.ValidationError):
                        jsonschema.validate(v.view, crit.data["requirement"])
                outcomes += 1
        for se in kb.system_requirements.values():
            for v in views["system"]:
                if "applies_when" in se.data:
                    with contextlib.suppress(jsonschema.ValidationError):
                        jsonschema.validate(v.view, se.data["applies_when"])
                outcomes += 1
        per_file.append(time.perf_counter() - start)
    return {"files": len(picked), "seconds": sum(per_file), "outcomes": outcomes, "picked": [p.name for p in picked]}


# ---------------------------------------------------------------------------------------------
# measuring


@dataclass
class Run:
    wall: float  # seconds, the whole command
    cpu: float  # user + system seconds of the command and every process it started
    rss_mb: float  # peak resident memory of the largest single process of the command
    out: dict[str, Any]


def measure(cmd: list[str], stdout: Path | None = None) -> Run:
    """Run ``cmd``; wall time, CPU time and peak RSS from wait4 (so they cover its worker processes too)."""
    out_file = stdout or Path(tempfile.mkstemp(prefix="pbd-bench-out-")[1])
    with out_file.open("wb") as fh:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with exit {proc.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    if err.strip():
        sys.exit(f"{' '.join(cmd)} wrote to stderr:\n{err.decode(errors='replace')[-2000:]}")
    out: dict[str, Any] = {}
    if stdout is None:
        text = out_file.read_text(encoding="utf-8")
        out_file.unlink()
        out = json.loads(text) if text.startswith("{") else {}
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out)


def _subset(all_dir: Path, folder: Path, n: int) -> Path:
    """``folder`` holding the first ``n`` generated files (hard links: the same bytes, nothing copied)."""
    if folder.exists() and len(_files(folder)) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in _files(all_dir)[:n]:
        try:
            os.link(path, folder / path.name)
        except OSError:
            shutil.copyfile(path, folder / path.name)
    return folder


def _generated(work: Path, n: int, seed: int) -> tuple[Path, float]:
    """The first ``n`` descriptions of ``seed`` in ``work/all`` (made once, reused when the folder is kept)."""
    sys.path.insert(0, str(HERE))
    from generate import generate

    all_dir = work / f"all-seed{seed}"
    if all_dir.exists() and len(_files(all_dir)) >= n:
        return all_dir, 0.0
    start = time.perf_counter()
    generate(n, all_dir, seed=seed, jobs=os.cpu_count() or 1)
    return all_dir, time.perf_counter() - start


def _startup(py: str, cli: str, repeat: int) -> dict[str, list[float]]:
    """Wall seconds of short commands in fresh processes, interleaved so a busy machine slows all alike."""
    small = min((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    cmds = {
        "python": [py, "-c", "pass"],
        "import": [py, "-c", "import pbd.cli"],
        "help": [py, cli, "--help"],
        "check": [py, cli, "check", str(small), "-o", "json", "--date", DATE],
    }
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeat):
        for key, cmd in cmds.items():
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, check=False, cwd=Path(cli).parent)
            times[key].append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                sys.exit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return times


def _fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least squares ``seconds = fixed + per_file * N``."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return my - slope * mx, slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated N (default: 100,1000,10000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--workdir", type=Path, help="keep generated files here and reuse them (default: a temp folder)"
    )
    parser.add_argument("--pbd", type=Path, default=ROOT, help="checkout whose cli.py is measured (default: this one)")
    parser.add_argument("--naive-sample", type=int, default=20, help="files the naive baseline really runs on")
    parser.add_argument(
        "--results-up-to",
        type=int,
        default=1000,
        help="also measure -o json:DIR (a full result file per description) up to this N",
    )
    parser.add_argument("--startup-repeat", type=int, default=7, help="runs of `pbd check FILE` (median)")
    parser.add_argument("--run", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.run:  # inside a measured subprocess
        mode, folder = args.run[0], Path(args.run[1])
        result = _run_naive(folder, args.naive_sample) if mode == "naive" else _run_floor(folder, args.jobs)
        print(json.dumps(result))
        return

    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="pbd-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # Measure pbd as installed: with its bytecode compiled once (pip does that), not compiled again
    # in every process because the environment says PYTHONDONTWRITEBYTECODE. The .pyc files go to
    # the work folder, never into the checkout.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(work / "pycache"))
    cores = os.cpu_count() or 1
    jobs = min(cores, 8)  # what pbd's runner uses for 50 files or more
    py = sys.executable
    me = str(Path(__file__).resolve())
    cli = str(args.pbd / "cli.py")

    all_dir, gen_seconds = _generated(work, max(sizes), args.seed)
    _startup(py, cli, 1)  # compiles the bytecode of every module a measured command imports
    kb = (
        len(list((args.pbd / "criteria").glob("*.json"))) - 1,
        len(list((args.pbd / "system_requirements").glob("*.json"))),
    )
    sample_files = _files(all_dir)[: max(sizes)]
    avg_kb = sum(p.stat().st_size for p in sample_files) / len(sample_files) / 1024
    print(
        f"pbd check benchmark (issues 4, 10) — {dt.date.today()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{cores} CPUs, pbd at {args.pbd}"
    )
    print(
        f"knowledge base: {kb[0]} criteria, {kb[1]} systeemeisen; descriptions: {max(sizes)} generated from examples/ "
        f"(seed {args.seed}, {avg_kb:.1f} KB on average, every one valid per pbd's loader)"
        + (f", generated in {gen_seconds:.0f} s" if gen_seconds else ", reused from --workdir")
    )
    print()

    rows: list[dict[str, Any]] = []
    for n in sizes:
        folder = _subset(all_dir, work / f"n{n}", n)
        row: dict[str, Any] = {"n": n}
        row["a"] = measure([py, me, "--run", "floor", str(folder)])
        row["a2"] = measure([py, me, "--run", "floor", str(folder), "--jobs", str(jobs)])
        summary = work / f"portfolio-{n}.json"
        row["b"] = measure([py, cli, "check", str(folder), "-o", "json", "--date", DATE], stdout=summary)
        checked = len(json.loads(summary.read_text(encoding="utf-8"))["projects"])
        assert checked == n, f"pbd checked {checked} of {n} files"
        row["bsize"] = summary.stat().st_size / n / 1024
        if n <= args.results_up_to:
            out_dir = work / f"results-{n}"
            shutil.rmtree(out_dir, ignore_errors=True)
            out_dir.mkdir()
            row["b+"] = measure(
                [py, cli, "check", str(folder), "-o", "json", "-o", f"json:{out_dir}", "--date", DATE], stdout=summary
            )
            row["b+size"] = sum(p.stat().st_size for p in out_dir.iterdir()) / n / 1024
            shutil.rmtree(out_dir)
        rows.append(row)
        print(f"  measured N={n}", file=sys.stderr)

    startup = _startup(py, cli, args.startup_repeat)

    # the naive tool is ~1 s per file: run it on a sample spread over the largest set and extrapolate
    naive = measure(
        [
            py,
            me,
            "--run",
            "naive",
            str(_subset(all_dir, work / f"n{max(sizes)}", max(sizes))),
            "--naive-sample",
            str(args.naive_sample),
        ]
    )
    naive_ms = naive.out["seconds"] / naive.out["files"] * 1000

    def ms(run: Run, n: int) -> str:
        return f"{run.wall:8.2f} {run.wall / n * 1000:8.2f}"

    print("Wall time: seconds for the whole command, and ms per file")
    print(
        f"{'N':>6} | {'(a) parse, 1 proc':>17} | {'(a2) parse, 2 procs':>19} | {'(b) pbd check':>17} | "
        f"{'(b+) + result files':>19} | {'(c) naive (est.)':>17}"
    )
    for r in rows:
        n = r["n"]
        bplus = ms(r["b+"], n) + "  " if "b+" in r else f"{'not run':>19}"
        c = naive_ms * n / 1000
        print(f"{n:>6} | {ms(r['a'], n)} | {ms(r['a2'], n)}   | {ms(r['b'], n)} | {bplus} | {c:8.0f} {naive_ms:8.0f}")
    print()
    print("Ratios and memory")
    print(
        f"{'N':>6} | {'b/a wall':>8} | {'b/a2 wall':>9} | {'b/a CPU':>7} | {'c/b wall':>8} | {'c/b CPU':>7} | "
        f"{'b cores':>7} | {'RSS a':>6} | {'RSS b':>6} | {'RSS b+':>6}"
    )
    for r in rows:
        n, a, a2, b = r["n"], r["a"], r["a2"], r["b"]
        c = naive_ms * n / 1000
        rss_bplus = f"{r['b+'].rss_mb:4.0f}MB" if "b+" in r else f"{'-':>6}"
        print(
            f"{n:>6} | {b.wall / a.wall:8.2f} | {b.wall / a2.wall:9.2f} | {b.cpu / a.cpu:7.2f} | {c / b.wall:8.0f} | "
            f"{c / b.cpu:7.0f} | {b.cpu / b.wall:7.2f} | {a.rss_mb:4.0f}MB | {b.rss_mb:4.0f}MB | {rss_bplus}"
        )
    print()
    print(f"Fair ratios (issue 10): pbd against the floor on the same {jobs} processes with the same chunking")
    print(
        f"{'N':>6} | {'b/a2 CPU':>8} | {'b/a2 wall':>9} | {'<= 1.5':>6} | {'c/b CPU':>7} | {'>= 200':>6} | "
        f"{'CPU ms/file a2':>14} | {'CPU ms/file b':>13} | {'summary KB/desc':>15}"
    )
    for r in rows:
        n, a2, b = r["n"], r["a2"], r["b"]
        c_cpu = naive_ms * n / 1000  # the naive tool runs in one process: its seconds are CPU seconds
        ratio = b.cpu / a2.cpu
        print(
            f"{n:>6} | {ratio:8.2f} | {b.wall / a2.wall:9.2f} | {'met' if ratio <= 1.5 else 'no':>6} | "
            f"{c_cpu / b.cpu:7.0f} | {'met' if c_cpu / b.cpu >= 200 else 'no':>6} | "
            f"{a2.cpu / n * 1000:14.2f} | {b.cpu / n * 1000:13.2f} | {r['bsize']:15.2f}"
        )
    print()
    print(
        "Start-up: one small description, a fresh process each (median of {}), wall seconds".format(
            len(startup["check"])
        )
    )
    med = {k: statistics.median(v) for k, v in startup.items()}
    print(f"  python -c pass                              {med['python']:6.3f}   the interpreter alone")
    print(f"  python -c 'import pbd.cli'                  {med['import']:6.3f}")
    print(f"  python cli.py --help                        {med['help']:6.3f}")
    print(
        f"  python cli.py check FILE -o json            {med['check']:6.3f}   target <= 0.3 s: "
        f"{'met' if med['check'] <= 0.3 else 'NOT met'}"
    )
    print()
    if len(rows) >= 2:
        for key, label in (("a", "(a) parse, 1 proc"), ("b", "(b) pbd check")):
            fixed, per = _fit([(r["n"], r[key].wall) for r in rows])
            cpu_fixed, cpu_per = _fit([(r["n"], r[key].cpu) for r in rows])
            print(
                f"linear fit {label:18}: wall = {fixed:5.2f} s + N × {per * 1000:5.2f} ms;  "
                f"CPU = {cpu_fixed:5.2f} s + N × {cpu_per * 1000:5.2f} ms"
            )
    if any("b+" in r for r in rows):
        size = next(r["b+size"] for r in rows if "b+" in r)
        print(
            f"(b+) writes a full JSON result per description ({size:.0f} KB each); run up to N={args.results_up_to} "
            "(--results-up-to), beyond that it measures the disk more than pbd"
        )
    print(
        f"(c) ran on {naive.out['files']} files spread over the set ({naive.out['seconds']:.1f} s, {naive_ms:.0f} ms per "
        f"file, one process) and is extrapolated linearly to N: jsonschema.validate per rule per object per file"
    )
    print()
    print("(a)  floor: read + yaml.load(CSafeLoader) of every file, one process, nothing else")
    print(f"(a2) the same floor spread over {jobs} processes like pbd (ProcessPoolExecutor, same chunking)")
    print(
        f"(b)  python cli.py check DIR -o json --date {DATE}: load + validate + evaluate every file, portfolio summary"
    )
    print("(b+) as (b) and -o json:DIR as well: the full result of every description written to a file")
    print(
        "b/a wall: against the single-process floor; b/a2: against the floor on the same cores; "
        "b/a CPU: CPU seconds over CPU seconds (per-core normalised)"
    )
    print("b cores: CPU time / wall time of (b); RSS: peak resident memory of the largest process")
    print(
        "fair ratios: b/a2 CPU is the issue-10 target (CPU seconds of pbd over CPU seconds of the floor, both on the "
        "same processes and chunks); c/b CPU compares the naive tool's CPU seconds with pbd's; summary KB/desc is the "
        "portfolio JSON of `pbd check DIR -o json` per description"
    )
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

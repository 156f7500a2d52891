"""Benchmark of issue 5: `pbd report` on the largest example vs WeasyPrint alone on the same HTML; lazy imports."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = dt.date(2026, 11, 1)

#: what each command may not import (pbd/render/pdf.py is the only importer of weasyprint)
IMPORT_CHECKS: dict[str, list[str]] = {
    "import pbd.cli": [],
    "pbd --help": ["--help"],
    "pbd check FILE -o json": ["check", "{example}", "-o", "json", "--date", TODAY.isoformat()],
    "pbd check DIR (portfolio)": ["check", "{examples}", "--date", TODAY.isoformat()],
}

_PROBE = """
import contextlib, io, json, sys
args = json.loads(sys.argv[1])
sys.path.insert(0, sys.argv[2])
import pbd.cli
if args:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            pbd.cli.main(args)
        except SystemExit:
            pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("weasyprint", "pydyf", "tinycss2", "cssselect2"))))
"""


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (after one warm-up run)")
    parser.add_argument("--kind", default="dpia", choices=["dpia", "art25"])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    import weasyprint

    from pbd.commands.report import render_report
    from pbd.description import load_description
    from pbd.engine.evaluate import evaluate
    from pbd.knowledge_base import default_knowledge_base
    from pbd.render.html import render_html

    example = max((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    kb = default_knowledge_base()  # loaded once, as in any process that renders more than one report
    loaded = load_description(example)
    html = render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind=args.kind, lang="nl")

    with tempfile.TemporaryDirectory(prefix="pbd-bench-report-") as tmp:
        out = Path(tmp) / "report.pdf"

        def pbd_report() -> None:
            render_report(example, out, kind=args.kind, lang="nl", gate=None, today=TODAY, waivers=True)

        def weasyprint_alone() -> None:
            weasyprint.HTML(string=html).write_pdf()

        def html_only() -> None:
            ld = load_description(example)
            render_html(ld, evaluate(ld, kb, today=TODAY), kb, kind=args.kind, lang="nl")

        pbd_report()
        weasyprint_alone()  # warm-up: fonts, imports, caches
        # interleaved, so a busy machine slows both alike
        runs: dict[str, list[float]] = {"pbd": [], "weasyprint": [], "html": []}
        for _ in range(args.repeat):
            runs["pbd"] += _timed(pbd_report, 1)
            runs["weasyprint"] += _timed(weasyprint_alone, 1)
            runs["html"] += _timed(html_only, 1)
        pages = len(weasyprint.HTML(string=html).render().pages)
        size = out.stat().st_size

        # a fresh process each, as a user runs it once: imports and the knowledge base included
        cli = [
            sys.executable,
            str(ROOT / "cli.py"),
            "report",
            str(example),
            "-o",
            str(out),
            "--kind",
            args.kind,
            "--date",
            TODAY.isoformat(),
        ]
        html_file = Path(tmp) / "final.html"
        html_file.write_text(html, encoding="utf-8")
        alone = [sys.executable, "-c", f"import weasyprint; weasyprint.HTML(filename={str(html_file)!r}).write_pdf()"]
        cold: dict[str, list[float]] = {"pbd": [], "weasyprint": []}
        for _ in range(max(1, args.repeat // 2)):
            cold["pbd"] += _timed(lambda: subprocess.run(cli, check=True, capture_output=True), 1)
            cold["weasyprint"] += _timed(lambda: subprocess.run(alone, check=True, capture_output=True), 1)

    med = {k: statistics.median(v) for k, v in runs.items()}
    cmed = {k: statistics.median(v) for k, v in cold.items()}
    print(
        f"pbd report benchmark (issue 5) — {dt.date.today()}, {os.cpu_count()} CPUs, weasyprint {weasyprint.__version__}"
    )
    print(
        f"largest example: examples/{example.name} ({example.stat().st_size / 1024:.0f} KB), --kind {args.kind}: "
        f"HTML {len(html) / 1024:.0f} KB, PDF {pages} pages, {size / 1024:.0f} KB"
    )
    print()
    print(f"{'warm process (median of ' + str(args.repeat) + ')':44} {'seconds':>8}")
    print(f"{'  (f) weasyprint.HTML(string=html).write_pdf()':44} {med['weasyprint']:8.3f}   the floor")
    print(f"{'  (r) render_report(): load+evaluate+HTML+PDF':44} {med['pbd']:8.3f}")
    print(f"{'      of which load+evaluate+HTML':44} {med['html']:8.3f}")
    over = (med["pbd"] - med["weasyprint"]) / med["weasyprint"] * 100
    print(f"{'  pbd overhead (r - f) / f':44} {over:7.1f}%   target <= 30%: {'met' if over <= 30 else 'NOT met'}")
    print()
    print(f"{'fresh process each (median of ' + str(len(cold['pbd'])) + ')':44} {'seconds':>8}")
    print(f"{'  python -c: weasyprint on the same HTML':44} {cmed['weasyprint']:8.3f}")
    print(f"{'  python cli.py report ... -o out.pdf':44} {cmed['pbd']:8.3f}")
    cover = (cmed["pbd"] - cmed["weasyprint"]) / cmed["weasyprint"] * 100
    print(f"{'  overhead incl. imports + knowledge base':44} {cover:7.1f}%")
    print()
    print("weasyprint imported? (in a fresh process; pbd/render/pdf.py is the only importer)")
    ok = True
    for label, template in IMPORT_CHECKS.items():
        argv = [a.format(example=str(example), examples=str(ROOT / "examples")) for a in template]
        probe = subprocess.run(
            [sys.executable, "-c", _PROBE, json.dumps(argv), str(ROOT)], check=True, capture_output=True, text=True
        )
        mods = json.loads(probe.stdout.strip().splitlines()[-1])
        ok &= not mods
        print(f"  {label:28} {'no' if not mods else 'YES: ' + ', '.join(mods[:4])}")
    print(f"  -> {'weasyprint stays out of --help and check' if ok else 'FAILED: weasyprint is imported'}")


if __name__ == "__main__":
    main()

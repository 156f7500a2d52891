"""Running checks for the command line: one file, a portfolio of many (in parallel), explanations, screening."""

from __future__ import annotations

import collections
import datetime as dt
import gc
import itertools
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from pbd import engine
from pbd.atomic import write_atomic
from pbd.description import load_description
from pbd.engine import Assessment
from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA
from pbd.errors import EXIT_BAD_INPUT, EXIT_GAPS, EXIT_OK, DescriptionError, UsageError
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from pbd.vocabulary import Gate, Severity, Status, label


@dataclass(frozen=True, slots=True)
class CheckOptions:
    gate: Gate | None
    today: dt.date
    waivers: bool
    lang: str
    fail_on: Severity | None
    show_all: bool = False
    #: an older JSON result: report only what is new or worse since then (``--baseline``)
    baseline: dict[str, Any] | None = None

    @property
    def engine(self) -> engine.Options:
        return engine.Options(today=self.today, gate=self.gate, waivers=self.waivers)


def exit_code(a: Assessment, options: CheckOptions) -> int:
    """1 when a gap at or above --fail-on is due (by the gate, when one applies); else 0."""
    if options.fail_on is None:
        return EXIT_OK
    rank = a.gate.rank if options.gate is not None and a.gate is not None else len(Gate)
    for f in a.findings:
        if f.status is Status.GAP and f.severity.rank >= options.fail_on.rank and f.gate.rank <= rank:
            return EXIT_GAPS
    return EXIT_OK


def _render(fmt: str, a: Assessment, kb: KnowledgeBase, options: CheckOptions) -> str:
    from pbd.reporters import REPORTERS
    from pbd.reporters import text as text_reporter

    if fmt == "text":
        return text_reporter.render(a, kb, options.lang, show_all=options.show_all)
    return REPORTERS[fmt](a, kb, options.lang)


def check_one(path: Path, targets: list[tuple[str, str | None]], options: CheckOptions) -> int:
    kb = default_knowledge_base()
    loaded = load_description(path)
    a = engine.check(loaded, kb, options.engine)
    if options.baseline is not None:
        from pbd.audit.baseline import new_since

        a = new_since(a, options.baseline)
    rendered = [(fmt, dest, _render(fmt, a, kb, options)) for fmt, dest in targets]
    for _fmt, dest, text in rendered:  # write files only once everything rendered
        if dest is not None:
            write_atomic(Path(dest), text)
    for _fmt, dest, text in rendered:
        if dest is None:
            click.echo(text, nl=False)
    return exit_code(a, options)


# ---------------------------------------------------------------------------------------------
# portfolio


#: Gate.rank as a lookup: the portfolio asks it for every finding of every file
_GATE_RANK = {g: g.rank for g in Gate}


def _summary(a: Assessment) -> dict[str, Any]:
    """One portfolio row; the numbers of :meth:`Assessment.decision` and ``counts``, counted in one pass."""
    counts = a.counts()
    blocking = 0
    if a.gate is not None:
        rank = _GATE_RANK[a.gate]
        undone = (Status.GAP, Status.OPEN)
        blocking = sum(1 for f in a.findings if f.status in undone and _GATE_RANK[f.gate] <= rank)
    return {
        "file": a.file,
        "project": a.project,
        "dpia": a.screening.dpia,
        "gaps": a.gaps_by_severity(),
        "open": counts["open"],
        "waived": counts["waived"],
        "gate": a.gate.value if a.gate else None,
        "go": None if a.gate is None else blocking == 0,
        "blocking": blocking,
    }


def _work(args: tuple[str, CheckOptions, list[tuple[str, str | None]]]) -> dict[str, Any]:
    """Evaluate one file in a worker; the knowledge base is loaded once per process."""
    name, options, file_targets = args
    kb = default_knowledge_base()
    try:
        loaded = load_description(Path(name))
    except DescriptionError as err:
        return {"file": name, "errors": [f"Error: {p.render(options.lang)}" for p in err.problems]}
    a = engine.check(loaded, kb, options.engine)
    for fmt, dest in file_targets:
        assert dest is not None
        write_atomic(Path(dest), _render(fmt, a, kb, options))
    return {**_summary(a), "exit": exit_code(a, options)}


def _per_file_targets(path: Path, targets: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for fmt, dest in targets:
        if dest is not None:
            suffix = {"text": ".txt", "json": ".json", "sarif": ".sarif", "junit": ".xml", "markdown": ".md"}[fmt]
            out.append((fmt, str(Path(dest) / (path.stem + suffix))))
    return out


def _progress(items: Iterator[dict[str, Any]], total: int) -> Iterator[dict[str, Any]]:
    if not sys.stderr.isatty() or total < 2:
        yield from items
        return
    for i, item in enumerate(items, 1):
        width = 30
        done = int(width * i / total)
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total}")
        sys.stderr.flush()
        yield item
    sys.stderr.write("\r" + " " * 60 + "\r")


def check_many(
    files: list[Path], targets: list[tuple[str, str | None]], options: CheckOptions, *, jobs: int = 0
) -> int:
    """Check many files (in parallel from 50 files on) and print the portfolio summary.

    Rows are written as they come in, so memory stays flat however many files there are: the JSON
    summary is streamed (byte for byte what ``json.dumps({"projects": rows}, indent=2)`` gives),
    and the text and markdown tables keep only their cells.
    """
    stdout_fmts = [fmt for fmt, dest in targets if dest is None]
    if any(fmt not in ("text", "json", "markdown") for fmt in stdout_fmts):
        raise UsageError(
            "-o",
            "several projects give a portfolio summary on standard output (text, json or markdown)",
            "Write sarif/junit per project to a folder: -o sarif:out/.",
        )
    default_knowledge_base()  # fail fast (exit 2) on a broken knowledge base; forked workers inherit it, loaded
    work = ((str(p), options, _per_file_targets(p, targets)) for p in files)
    workers = jobs or min(os.cpu_count() or 1, 8)
    portfolio = _Portfolio(stdout_fmts[0] if stdout_fmts else None, options.lang)
    if workers > 1 and len(files) >= 50:
        # The workers are forked with the knowledge base loaded. Frozen, that inherited heap is left alone by
        # their garbage collector (about 10% of the CPU time per file) and is not copied page by page.
        gc.collect()
        gc.freeze()
        try:
            # chunks of a few dozen files: little pickling, the workers stay busy to the end, rows flow steadily
            chunk = max(1, min(64, len(files) // (workers * 8)))
            for row in _progress(_in_parallel(work, workers, chunk), len(files)):
                portfolio.add(row)
        finally:
            gc.unfreeze()
    else:
        for row in _progress((_work(w) for w in work), len(files)):
            portfolio.add(row)
    portfolio.finish()
    return portfolio.code


def _work_chunk(chunk: list[tuple[str, CheckOptions, list[tuple[str, str | None]]]]) -> list[dict[str, Any]]:
    return [_work(item) for item in chunk]


def _in_parallel(
    work: Iterator[tuple[str, CheckOptions, list[tuple[str, str | None]]]], workers: int, chunk: int
) -> Iterator[dict[str, Any]]:
    """Rows in file order, from ``workers`` processes; only a few chunks are queued at a time.

    ``Executor.map`` would submit every file at once, so the queue (and memory) would grow with the
    number of files; a window of chunks keeps it flat.
    """
    chunks = iter(lambda: list(itertools.islice(work, chunk)), [])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = collections.deque(pool.submit(_work_chunk, c) for c in itertools.islice(chunks, workers * 3))
        while pending:
            rows = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_work_chunk, following))
            yield from rows


@dataclass(slots=True)
class _Portfolio:
    """The portfolio summary, written row by row."""

    fmt: str | None
    lang: str
    code: int = EXIT_OK
    rows: int = 0
    invalid: int = 0
    cells: list[list[str]] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        for line in row.get("errors", []):
            click.echo(line, err=True)
        self.code = max(self.code, EXIT_BAD_INPUT if "errors" in row else row["exit"])
        self.invalid += "errors" in row
        if self.fmt == "json":
            text = json.dumps(row, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n    ")
            click.echo(('{\n  "projects": [\n    ' if self.rows == 0 else ",\n    ") + text, nl=False)
        elif self.fmt is not None:
            self.cells.append(_table_cells(row, self.lang))
        self.rows += 1

    def finish(self) -> None:
        if self.fmt == "json":
            click.echo('{\n  "projects": []\n}' if self.rows == 0 else "\n  ]\n}")
        elif self.fmt is not None:
            table = _portfolio_table(
                self.cells, self.rows - self.invalid, self.invalid, self.lang, markdown=self.fmt == "markdown"
            )
            click.echo(table, nl=False)


def _table_cells(row: dict[str, Any], lang: str) -> list[str]:
    nl = lang == "nl"
    if "errors" in row:
        return [row["file"], "ongeldig" if nl else "invalid", "", "", "", "", ""]
    dpia = {
        "mandatory": "verplicht" if nl else "mandatory",
        "recommended": "aanbevolen" if nl else "recommended",
        "not_needed": "niet nodig" if nl else "not needed",
    }
    g = row["gaps"]
    gate = "" if row["gate"] is None else f"{row['gate']}: {'GO' if row['go'] else 'NO-GO'}"
    return [row["project"], dpia[row["dpia"]], str(g["high"]), str(g["medium"]), str(g["low"]), str(row["open"]), gate]


def _portfolio_table(lines: list[list[str]], ok: int, invalid: int, lang: str, *, markdown: bool) -> str:
    nl = lang == "nl"
    head = [
        "project",
        "DPIA",
        "hoog" if nl else "high",
        "middel" if nl else "medium",
        "laag" if nl else "low",
        "open",
        "beslismoment" if nl else "gate",
    ]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in line) + " |" for line in lines]
    else:
        widths = [max(len(r[i]) for r in [head, *lines]) for i in range(len(head))]
        out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *lines]]
    total = f"{ok} {'projecten getoetst' if nl else 'projects checked'}" + (
        f", {invalid} {'ongeldig' if nl else 'invalid'}" if invalid else ""
    )
    return "\n".join([*out, "", total]) + "\n"


# ---------------------------------------------------------------------------------------------
# explain, screen


def explain(path: Path, rule: str, options: CheckOptions) -> str:
    """What criterion ``rule`` checks, which fields it read, what it saw, and why it concluded what it did."""
    from pbd.explain import explain_rule

    kb = default_knowledge_base()
    if rule not in kb.criteria and rule not in kb.system_requirements:
        raise UsageError("--explain", f"no such criterion or systeemeis: {rule}", "See `pbd criteria list`.")
    loaded = load_description(path)
    a = engine.check(loaded, kb, options.engine)
    return explain_rule(rule, loaded, a, kb, options.lang)


def screen_file(path: Path, lang: str, fmt: str) -> str:
    default_knowledge_base()  # like every command: a broken knowledge base stops here (exit 2)
    loaded = load_description(path)
    s = engine.screen(loaded)
    if fmt == "json":
        return json.dumps({"file": str(path), **s.as_dict(lang)}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    nl = lang == "nl"
    title = {
        "mandatory": "DPIA VERPLICHT" if nl else "DPIA MANDATORY",
        "recommended": "DPIA AANBEVOLEN" if nl else "DPIA RECOMMENDED",
        "not_needed": "DPIA NIET NODIG" if nl else "DPIA NOT NEEDED",
    }[s.dpia]
    out = [f"{loaded.model.project.name}: {title}", ""]
    names = {"AP": AP_TYPES, "EDPB": EDPB_CRITERIA}
    heads = {
        "WETGEVING": "Nieuwe regelgeving" if nl else "New legislation",
        "AVG35(3)": "AVG art. 35(3)",
        "AP": "AP-lijst (één treffer = verplicht)" if nl else "AP list (one hit = mandatory)",
        "EDPB": "EDPB/WP248-criteria (twee of meer = verplicht, één = aanbevolen)"
        if nl
        else "EDPB/WP248 criteria (two or more = mandatory, one = recommended)",
        "DTIA": "DTIA (doorgifte buiten de EER)" if nl else "DTIA (transfer outside the EEA)",
        "IAMA": "IAMA (algoritmen en AI)" if nl else "IAMA (algorithms and AI)",
        "KIA": "KIA (kinderrechten)" if nl else "KIA (children's rights)",
    }
    current = None
    for h in s.hits:
        if h.framework != current:
            current = h.framework
            out.append(heads[h.framework])
        name = ""
        if h.framework in names:
            name = " " + names[h.framework][int(h.item)][0 if nl else 1]
        reason = h.reason_nl if nl else h.reason_en
        out.append(f"  {h.item}{name} — {h.target}: {reason}")
    if not s.hits:
        out.append("Geen enkele screeningsregel is geraakt." if nl else "No screening rule was hit.")
    if s.dpia == "not_needed":
        out.append("")
        out.append(
            "Leg de motivering vast in project.dpia.not_needed_reason."
            if nl
            else "Record the reasoning in project.dpia.not_needed_reason."
        )
    return "\n".join(out) + "\n"


__all__ = ["CheckOptions", "check_many", "check_one", "exit_code", "explain", "label", "screen_file"]

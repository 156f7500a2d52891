"""Running checks for the command line: one file, a portfolio of many (in parallel), explanations, screening.

Orchestration only: the engine judges (:mod:`pbd.engine`), the reporters of :mod:`pbd.render` write.
"""

from __future__ import annotations

import collections
import datetime as dt
import gc
import itertools
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from pbd import engine, profiles
from pbd.atomic import write_atomic
from pbd.description import LoadedDescription, load_description
from pbd.description.values import SCHEMA_VERSION
from pbd.engine import Assessment
from pbd.errors import EXIT_BAD_INPUT, EXIT_GAPS, EXIT_INTERNAL, EXIT_OK, DescriptionError, PbdError, UsageError
from pbd.files import output_names
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from pbd.messages import t
from pbd.render import RenderOptions, formats, reporter
from pbd.render.portfolio import PortfolioWriter
from pbd.render.text import one_line
from pbd.vocabulary import Gate, Severity, Status


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
    #: the municipal profile file (``--profile``); read once per process
    profile: str | None = None

    @property
    def engine(self) -> engine.Options:
        from pbd.profiles import profile_option

        return engine.Options(
            today=self.today, gate=self.gate, waivers=self.waivers, profile=profile_option(self.profile)
        )

    @property
    def render(self) -> RenderOptions:
        return RenderOptions(lang=self.lang, show_all=self.show_all)


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
    return reporter("assessment", fmt).text(a, kb, options.render)


def migration_notice(loaded: LoadedDescription, lang: str) -> list[str]:
    """Lines for stderr when a version-1 description was migrated in memory: that it was, and every note."""
    if loaded.from_version == SCHEMA_VERSION and not loaded.migration_notes:
        return []
    head = t(lang, "check.migrated", file=loaded.name, version=loaded.from_version)
    return [head, *(f"  {n.render(lang)}" for n in loaded.migration_notes)]


def check_one(path: Path, targets: list[tuple[str, str | None]], options: CheckOptions) -> int:
    kb = profiles.knowledge_base(options.profile)
    loaded = load_description(path)
    for line in migration_notice(loaded, options.lang):
        click.echo(line, err=True)
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


def _summary(a: Assessment) -> dict[str, Any]:
    """One portfolio row; the numbers of :meth:`Assessment.decision` and ``counts``, counted in one pass."""
    counts = a.counts()
    decision = a.decision()  # the reasons that hold the project, as in the single-file result
    blocking = 0 if decision is None else len(decision.blocking)
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
    """Evaluate one file in a worker; the knowledge base is loaded once per process.

    Whatever goes wrong with the file comes back as data (a row with ``errors``: plain strings), never as
    an exception: an exception that cannot be pickled back from a worker would break the whole pool.
    """
    name, options, file_targets = args
    try:
        kb = profiles.knowledge_base(options.profile)
        loaded = load_description(Path(name))
        a = engine.check(loaded, kb, options.engine)
        rendered = [(dest, _render(fmt, a, kb, options)) for fmt, dest in file_targets]
        for dest, text in rendered:  # write only once every format rendered
            assert dest is not None
            write_atomic(Path(dest), text)
    except DescriptionError as err:
        return {
            "file": name,
            "errors": [f"Error: {p.render(options.lang)}" for p in err.problems],
            "exit": EXIT_BAD_INPUT,
        }
    except PbdError as err:
        return {"file": name, "errors": [err.line()], "exit": err.exit_code}
    except (RecursionError, MemoryError):
        return {
            "file": name,
            "errors": [
                f"Error: {name}: too large or too deeply nested to evaluate. Split the description or simplify it."
            ],
            "exit": EXIT_BAD_INPUT,
        }
    except Exception as exc:  # a bug in pbd: name the file, finish the others
        return {
            "file": name,
            "errors": [
                f"Error: {name}: internal: {type(exc).__name__}: {exc}. This is a bug in pbd; "
                "run `pbd --debug check` on this file and report the traceback."
            ],
            "exit": EXIT_INTERNAL,
        }
    return {**_summary(a), "exit": exit_code(a, options)}


def _per_file_targets(
    path: Path, targets: list[tuple[str, str | None]], names: dict[Path, str]
) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for fmt, dest in targets:
        if dest is not None:
            out.append((fmt, str(Path(dest) / (names[path] + formats("assessment")[fmt].suffix))))
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
    names = output_names(files) if any(dest is not None for _fmt, dest in targets) else {}
    work = ((str(p), options, _per_file_targets(p, targets, names)) for p in files)
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
    from concurrent.futures import ProcessPoolExecutor  # only for many files: not at start-up
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
        pending = collections.deque((c, pool.submit(_work_chunk, c)) for c in itertools.islice(chunks, workers * 3))
        while pending:
            items, future = pending.popleft()
            try:
                rows = future.result()
            except BrokenProcessPool:  # a worker was killed (out of memory?): finish here, one file at a time
                for left in (items, *(c for c, _f in pending), *chunks):
                    yield from _work_chunk(left)
                return
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_work_chunk, following)))
            yield from rows


@dataclass(slots=True)
class _Portfolio:
    """The portfolio summary, written row by row (by :class:`pbd.render.portfolio.PortfolioWriter`)."""

    fmt: str | None
    lang: str
    code: int = EXIT_OK
    writer: PortfolioWriter | None = None

    def __post_init__(self) -> None:
        if self.fmt is not None:
            self.writer = PortfolioWriter(self.fmt, self.lang)

    def add(self, row: dict[str, Any]) -> None:
        for line in row.get("errors", []):  # one line each, whatever the file name holds
            click.echo(one_line(line), err=True)
        self.code = max(self.code, row["exit"])
        if self.writer is not None:
            text = self.writer.add(row)
            if text:
                click.echo(text, nl=False)

    def finish(self) -> None:
        if self.writer is not None:
            click.echo(self.writer.finish(), nl=False)


def end_with_parent(parent: int) -> None:
    """In a worker: ask Linux to end this process when the parent dies (a killed portfolio leaves none behind)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not glibc: the pool's own shutdown still applies
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM in a worker: remove the temporary file of a write under way, then end at once."""
    from pbd.atomic import remove_temporaries

    remove_temporaries()
    os._exit(128 + signum)


# ---------------------------------------------------------------------------------------------
# explain, screen


def explain(path: Path, rule: str, options: CheckOptions) -> str:
    """What criterion ``rule`` checks, which fields it read, what it saw, and why it concluded what it did."""
    kb = profiles.knowledge_base(options.profile)
    if rule not in kb.criteria and rule not in kb.system_requirements:
        raise UsageError("--explain", f"no such criterion or systeemeis: {rule}", "See `pbd criteria list`.")
    loaded = load_description(path)
    a = engine.check(loaded, kb, options.engine)
    return reporter("explain", "text").text((rule, loaded, a), kb, options.render)


def screen_file(path: Path, lang: str, fmt: str) -> str:
    """``pbd screen``: only the screening (no evaluation of the criteria), written by a screening reporter."""
    kb = default_knowledge_base()  # like every command: a broken knowledge base stops here (exit 2)
    loaded = load_description(path)
    s = engine.screen(loaded)
    screened = (str(path), loaded.model.project.name, s, loaded.source)
    return reporter("screening", fmt).text(screened, kb, RenderOptions(lang=lang))


__all__ = ["CheckOptions", "check_many", "check_one", "exit_code", "explain", "screen_file"]

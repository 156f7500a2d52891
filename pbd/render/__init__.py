"""Presentation: every output pbd writes is a reporter here, looked up by name in ``REPORTERS``.

A reporter has a ``name``, a file ``suffix`` and ``render(result, kb, options)``; what ``result``
is depends on its ``subject`` (an :class:`~pbd.engine.Assessment`, a portfolio's rows, a
screening, a diff, a knowledge-base listing, a :class:`Report` for the HTML/PDF documents).
Reporter modules are imported only when a reporter is used, so ``pbd --help`` and ``pbd check``
stay light; ``pdf`` is the only module that imports weasyprint. The words come from
:mod:`pbd.messages`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pbd.description import LoadedDescription
    from pbd.engine.findings import Assessment


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to present: the language, and what a reporter may leave out."""

    lang: str = "nl"
    #: text output of a check or a diff: also what is met, not applicable or persisting
    show_all: bool = False
    #: the document of the html/pdf reporters: ``dpia`` or ``art25``
    kind: str = "dpia"


@dataclass(frozen=True, slots=True)
class Report:
    """What the html and pdf reporters render: the description itself and its assessment."""

    loaded: LoadedDescription
    assessment: Assessment


@dataclass(frozen=True, slots=True)
class Reporter:
    """One output: its function (``module:function`` under ``pbd.render``) is imported on first use."""

    name: str
    suffix: str
    #: what ``result`` is: assessment, report, portfolio, screening, diff, explain, criteria, criterion,
    #: requirements, requirement, capabilities
    subject: str
    target: str
    binary: bool = False

    @property
    def format(self) -> str:
        """The name without its subject: what ``-o FORMAT`` or ``--format`` calls it."""
        return self.name.removeprefix(self.subject + "-")

    def _function(self) -> Callable[..., str | bytes]:
        module, _, function = self.target.partition(":")
        fn: Callable[..., str | bytes] = getattr(importlib.import_module(f"pbd.render.{module}"), function or "render")
        return fn

    def render(self, result: Any, kb: Any, options: RenderOptions) -> str | bytes:
        return self._function()(result, kb, options)

    def text(self, result: Any, kb: Any, options: RenderOptions) -> str:
        """:meth:`render` for the reporters that write text (all but pdf)."""
        out = self.render(result, kb, options)
        if not isinstance(out, str):
            raise TypeError(f"reporter {self.name} writes bytes, not text")
        return out


def _r(name: str, suffix: str, subject: str, target: str, *, binary: bool = False) -> Reporter:
    return Reporter(name, suffix, subject, target, binary)


_SUFFIX = {"text": ".txt", "json": ".json", "markdown": ".md"}


def _family(subject: str, module: str, fmts: tuple[str, ...], function: str = "render_") -> list[Reporter]:
    """The reporters ``subject-text``, ``subject-json`` … whose functions are ``module:<function><format>``."""
    return [_r(f"{subject}-{f}", _SUFFIX[f], subject, f"{module}:{function}{f}") for f in fmts]


_ALL = ("text", "markdown", "json")

REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        # pbd check FILE -o FORMAT
        _r("text", ".txt", "assessment", "text"),
        _r("json", ".json", "assessment", "json_result"),
        _r("sarif", ".sarif", "assessment", "sarif"),
        _r("junit", ".xml", "assessment", "junit"),
        _r("markdown", ".md", "assessment", "markdown"),
        # pbd report
        _r("report-html", ".html", "report", "html"),
        _r("report-pdf", ".pdf", "report", "pdf", binary=True),
        # pbd check DIR: one row per description
        *_family("portfolio", "portfolio", _ALL),
        # pbd screen (screening v2: hits with their facts and file:line, open questions, declared vs derived)
        *_family("screening", "screen", ("text", "json")),
        *_family("diff", "diff", _ALL),
        *_family("verify", "verify", ("text", "json")),
        # pbd check --explain
        _r("explain-text", ".txt", "explain", "explain"),
        # pbd criteria / systeemeisen list|show, criteria capabilities
        *(
            r
            for subject in ("criteria", "criterion", "requirements", "requirement")
            for r in _family(subject, "browse", _ALL, f"{subject}_")
        ),
        _r("capabilities-text", ".txt", "capabilities", "browse:capabilities_text"),
    )
}


def formats(subject: str) -> dict[str, Reporter]:
    """The reporters of one subject by format name, e.g. ``formats("assessment")["sarif"]``."""
    return {r.format: r for r in REPORTERS.values() if r.subject == subject}


def reporter(subject: str, fmt: str) -> Reporter:
    """The reporter of ``subject`` in format ``fmt``; a missing one is a programming error."""
    return formats(subject)[fmt]


__all__ = ["REPORTERS", "RenderOptions", "Report", "Reporter", "formats", "reporter"]

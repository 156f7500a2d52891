"""The gate to-do list and the procurement annex as text, Markdown, CSV and iCalendar. Pure and deterministic."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable

from pbd.messages import t
from pbd.todo import Action, Requirement, TodoList
from pbd.vocabulary import label

#: CSV cells starting with these are read as formulas by spreadsheets: neutralised with a quote
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _t(key: str, lang: str, **args: object) -> str:
    return t(lang, f"todo.{key}", **args)


def _group_title(scope: str, target: str, lang: str) -> str:
    if scope == "project":
        return _t("project", lang)
    return f"{_t(scope, lang)} {target}"


def _meta(a: Action, lang: str) -> str:
    bits = [
        label(a.severity, lang),
        label(a.basis, lang),
        label(a.status.value, lang, "Status"),
        f"{_t('gate', lang)} {label(a.gate, lang)}",
    ]
    if not a.holds:
        bits.append(_t("advice", lang))
    return ", ".join(bits)


# ---------------------------------------------------------------------------------------------
# text


def _section_title(holds: bool, groups: list[tuple[str, str, list[Action]]], lang: str) -> str:
    n = sum(len(actions) for _scope, _target, actions in groups)
    return _t("section_holds" if holds else "section_advice", lang, n=n)


def _text_actions(actions: list[Action], n: int, lang: str, para: Callable[..., None]) -> int:
    """The entries of one group, numbered on from ``n``; returns the last number."""
    for a in actions:
        n += 1
        head = f"{n}. {a.title(lang)} [{_meta(a, lang)}]"
        if a.overdue:
            head = f"{head} {_t('overdue', lang)}"
        para(head, "     ", "  ")
        for d in a.details(lang):
            para(f"{_t('why', lang)}: {d}", "       ", "     ")
        if a.fix(lang):
            para(f"{_t('fix', lang)}: {a.fix(lang)}", "       ", "     ")
        para(f"{_t('evidence', lang)}: {a.evidence(lang)}", "       ", "     ")
        para(f"{_t('closes', lang)}: {', '.join(a.closes)}", "       ", "     ")
        if a.owner or a.due:
            who = f"{_t('owner', lang)}: {a.owner or '–'}; {_t('due', lang)}: {a.due.isoformat() if a.due else '–'}"
            para(who, "       ", "     ")
    return n


def render_text(todo: TodoList, lang: str = "nl", width: int = 100) -> str:
    """The list for a terminal, every line at most ``width`` characters."""
    width = max(40, width)
    out: list[str] = []

    def para(text: str, indent: str, first: str | None = None) -> None:
        out.extend(
            textwrap.wrap(
                text,
                width=width,
                initial_indent=first if first is not None else indent,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            or [indent.rstrip()]
        )

    gate = label(todo.gate, lang)
    para(f"{_t('title', lang)} — {todo.project}", "")
    para(f"{_t('count', lang, n=len(todo.actions), gate=gate)} ({_t('date', lang)} {todo.date.isoformat()})", "")
    if todo.overdue:
        para(_t("overdue_n", lang, n=todo.overdue), "")
    if not todo.actions:
        para(_t("none", lang), "")
    n = 0
    for holds, groups in todo.sections():
        out.append("")
        para(_section_title(holds, groups, lang).upper(), "")
        for scope, target, actions in groups:
            out.append("")
            para(_group_title(scope, target, lang), "")
            n = _text_actions(actions, n, lang, para)
    if todo.later:
        out.append("")
        para(_t("later", lang), "")
        for g, count in todo.later:
            para(_t("later_line", lang, gate=label(g, lang), n=count), "    ", "  ")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# markdown


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _with_sections(todo: TodoList, lang: str = "nl") -> list[tuple[str, str, list[Action], str | None]]:
    """Each group, with the title of its section on the first group of the section."""
    out: list[tuple[str, str, list[Action], str | None]] = []
    for holds, groups in todo.sections():
        for i, (scope, target, actions) in enumerate(groups):
            out.append((scope, target, actions, _section_title(holds, groups, lang) if i == 0 else None))
    return out


def render_markdown(todo: TodoList, lang: str = "nl") -> str:
    gate = label(todo.gate, lang)
    out = [f"# {_t('title', lang)} — {_md(todo.project)}", ""]
    out.append(f"{_t('count', lang, n=len(todo.actions), gate=gate)} ({_t('date', lang)} {todo.date.isoformat()}).")
    if todo.overdue:
        out.append(f"**{_t('overdue_n', lang, n=todo.overdue)}.**")
    if not todo.actions:
        out += ["", _t("none", lang)]
    n = 0
    for scope, target, actions, first in _with_sections(todo, lang):
        if first is not None:
            out += ["", f"## {_md(first)}"]
        out += ["", f"### {_md(_group_title(scope, target, lang))}", ""]
        for a in actions:
            n += 1
            flag = f" **{_t('overdue', lang)}**" if a.overdue else ""
            out.append(f"{n}. **{_md(a.title(lang))}** ({_md(_meta(a, lang))}){flag}")
            for d in a.details(lang):
                out.append(f"   - {_t('why', lang)}: {_md(d)}")
            if a.fix(lang):
                out.append(f"   - {_t('fix', lang)}: {_md(a.fix(lang))}")
            out.append(f"   - {_t('evidence', lang)}: {_md(a.evidence(lang))}")
            out.append(f"   - {_t('closes', lang)}: {', '.join(f'`{r}`' for r in a.closes)}")
            if a.owner or a.due:
                due = a.due.isoformat() if a.due else "–"
                out.append(f"   - {_t('owner', lang)}: {_md(a.owner or '–')}; {_t('due', lang)}: {due}")
    if todo.later:
        out += ["", f"## {_t('later', lang)}", ""]
        out += [f"- {_t('later_line', lang, gate=label(g, lang), n=c)}" for g, c in todo.later]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# csv


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet does not run as a formula (a leading =, +, -, @ gets a quote)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buf.getvalue()


def render_csv(todo: TodoList, lang: str = "nl") -> str:
    en = lang == "en"
    header = (
        [
            *("nr", "scope", "target", "action", "severity", "basis", "status", "gate", "closes", "fix"),
            *("evidence", "owner", "due", "overdue", "paths"),
        ]
        if en
        else [
            *("nr", "niveau", "object", "actie", "ernst", "grondslag", "status", "beslismoment", "sluit"),
            *("wat te doen", "afgerond met", "eigenaar", "uiterlijk", "verlopen", "paden"),
        ]
    )
    rows = [header]
    for n, a in enumerate(todo.actions, 1):
        rows.append(
            [
                str(n),
                a.scope,
                a.target,
                a.title(lang),
                label(a.severity, lang),
                label(a.basis, lang),
                label(a.status.value, lang, "Status"),
                label(a.gate, lang),
                " ".join(a.closes),
                a.fix(lang),
                a.evidence(lang),
                a.owner or "",
                a.due.isoformat() if a.due else "",
                ("yes" if en else "ja") if a.overdue else "",
                " ".join(a.paths),
            ]
        )
    return _csv(rows)


# ---------------------------------------------------------------------------------------------
# iCalendar (RFC 5545)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    data = line.encode("utf-8")
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            cut -= 1
        out.append(data[:cut].decode("utf-8"))
        data = data[cut:]
        limit = 74  # the leading space counts
    out.append(data.decode("utf-8"))
    return [out[0], *(" " + part for part in out[1:])]


def render_ics(todo: TodoList, lang: str = "nl") -> str:
    """One all-day VEVENT per action with a due date; UIDs from project and action, no clock."""
    project_key = "".join(c if c.isalnum() else "-" for c in todo.project.lower()).strip("-") or "project"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pbd//actielijst//NL", "CALSCALE:GREGORIAN"]
    for a in todo.actions:
        if a.due is None:
            continue
        uid = "".join(c if c.isalnum() or c in "-." else "-" for c in a.key.lower())
        stamp = todo.date.strftime("%Y%m%d") + "T000000Z"  # the evaluation date: deterministic
        desc = f"{a.fix(lang)}\n{_t('evidence', lang)}: {a.evidence(lang)}\n{_t('closes', lang)}: {', '.join(a.closes)}"
        summary = f"{a.title(lang)} ({a.target})"
        if a.owner:
            summary += f" — {a.owner}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@{project_key}.pbd",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{a.due.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(desc)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{part}\r\n" for line in lines for part in _fold(line))


# ---------------------------------------------------------------------------------------------
# procurement annex


def annex_csv(reqs: list[Requirement], lang: str = "nl") -> str:
    en = lang == "en"
    header = (
        ["nr", "id", "priority", "requirement", "text", "verification", "basis", "severity", "references"]
        if en
        else ["nr", "id", "prioriteit", "eis", "tekst", "verificatie", "grondslag", "ernst", "bronnen"]
    )
    rows = [header]
    for r in reqs:
        rows.append(
            [
                str(r.number),
                r.rule,
                _t(r.priority, lang),
                r.title_en if en else r.title_nl,
                r.text_en if en else r.text_nl,
                r.verification_en if en else r.verification_nl,
                label(r.basis, lang),
                label(r.severity, lang),
                "; ".join(r.references),
            ]
        )
    return _csv(rows)


def annex_text(reqs: list[Requirement], system: str, lang: str = "nl", width: int = 100) -> str:
    out = [f"{_t('annex', lang)} — {_t('system', lang)} {system}", ""]
    for r in reqs:
        title = r.title_en if lang == "en" else r.title_nl
        text = r.text_en if lang == "en" else r.text_nl
        ver = r.verification_en if lang == "en" else r.verification_nl
        out += textwrap.wrap(f"{r.number}. [{_t(r.priority, lang)}] {r.rule} {title}", width, subsequent_indent="   ")
        out += textwrap.wrap(text, width, initial_indent="   ", subsequent_indent="   ")
        out += textwrap.wrap(f"{_t('verified_by', lang)}: {ver}", width, initial_indent="   ", subsequent_indent="   ")
    return "\n".join(out) + "\n"


def annex_markdown(reqs: list[Requirement], system: str, lang: str = "nl") -> str:
    head = "| nr | id | " + (
        "priority | requirement | verification |" if lang == "en" else "prioriteit | eis | verificatie |"
    )
    out = [f"# {_t('annex', lang)} — {_md(system)}", "", head, "| --- | --- | --- | --- | --- |"]
    for r in reqs:
        title = r.title_en if lang == "en" else r.title_nl
        ver = r.verification_en if lang == "en" else r.verification_nl
        out.append(f"| {r.number} | {r.rule} | {_t(r.priority, lang)} | {_md(title)} | {_md(ver)} |")
    return "\n".join(out) + "\n"


RENDERERS = ("text", "markdown", "csv", "ics")

__all__ = [
    "RENDERERS",
    "annex_csv",
    "annex_markdown",
    "annex_text",
    "gate_lines",
    "render_csv",
    "render_ics",
    "render_markdown",
    "render_text",
    "safe_cell",
]


def gate_lines(todo: TodoList, lang: str = "nl", width: int = 100) -> list[str]:
    """The to-do list in short, for ``pbd check`` text output: one wrapped entry per action, per object."""
    out = [_t("count", lang, n=len(todo.actions), gate=label(todo.gate, lang)) + ":"]
    n = 0
    for scope, target, actions, first in _with_sections(todo, lang):
        if first is not None:
            out.append(f" {first}")
        out.append(f"  {_group_title(scope, target, lang)}")
        for a in actions:
            n += 1
            flag = f" {_t('overdue', lang)}" if a.overdue else ""
            advice = "" if a.holds else f"; {_t('advice', lang)}"
            entry = f"{n}. {a.title(lang)} [{label(a.severity, lang)}, {label(a.basis, lang)}{advice}]{flag} ({', '.join(a.closes)})"
            out += textwrap.wrap(
                entry, width, initial_indent="    ", subsequent_indent="       ", break_on_hyphens=False
            )
    return out

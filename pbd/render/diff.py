"""``pbd diff`` (and ``pbd verify``): a comparison of two results as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pbd.audit.diff import CATEGORIES, FindingChange, ResultDiff, ScreeningChange, diff_dict
from pbd.messages import lookup, t
from pbd.render import RenderOptions
from pbd.render.common import hit_name
from pbd.vocabulary import label


def _subject(subject: str, lang: str) -> str:
    return lookup(lang, f"framework.{subject}") or subject


def _context_name(name: str, lang: str) -> str:
    return lookup(lang, f"diff.context.{name}") or name


def _outcome(value: str, lang: str) -> str:
    return lookup(lang, f"dpia.short.{value}") or value


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return text[:12] + "…" if len(text) == 64 and all(c in "0123456789abcdef" for c in text) else text


def context_lines(d: ResultDiff, lang: str) -> list[str]:
    """What differs in the circumstances of the two runs (versions, hashes, date, gate)."""
    return [f"{_context_name(name, lang)}: {_shown(o)} → {_shown(n)}" for name, o, n in d.context]


def _item_name(subject: str, item: str, lang: str) -> str:
    name = hit_name(subject, item, lang)
    return f"{item} {name}" if name else item


def screening_line(c: ScreeningChange, lang: str) -> str:
    subject = _subject(c.subject, lang)
    why = "; ".join(f"{r} ({tg})" for tg, r in c.reasons)
    because = " " + t(lang, "diff.because", why=why) if why else ""
    was = f" (was: {why})" if why else ""
    if c.change == "outcome":
        if c.subject == "DPIA":
            return f"DPIA: {_outcome(c.old, lang)} → {_outcome(c.new, lang)}"
        yes, no = t(lang, "word.indicated"), t(lang, "word.not_indicated")
        o, n = (yes if c.old == "yes" else no), (yes if c.new == "yes" else no)
        return f"{subject}: {o} → {n}" + (because if c.new == "yes" else was)
    name = f"{subject} {_item_name(c.subject, c.item, lang)}".strip()
    if c.change == "added":
        return f"{name}: {t(lang, 'diff.now_applies')}{because}"
    if c.change == "removed":
        return f"{name}: {t(lang, 'diff.no_longer_applies')}{was}"
    if c.change == "reason_added":
        return f"{name}: {t(lang, 'diff.new_reason')}: {why}"
    return f"{name}: {t(lang, 'diff.reason_gone')}: {why}"


def _status(value: str, lang: str) -> str:
    return label(value, lang, "Status")


def finding_line(c: FindingChange, lang: str) -> str:
    sev = label(c.severity, lang, "Severity")
    before = _status(c.old["status"], lang) if c.old else None
    after = _status(c.new["status"], lang) if c.new else t(lang, "diff.gone")
    if c.category == "changed" and c.old and c.new:
        parts = []
        for k, enum in (("status", "Status"), ("severity", "Severity"), ("gate", "Gate")):
            if c.old[k] != c.new[k]:
                parts.append(f"{label(c.old[k], lang, enum)} → {label(c.new[k], lang, enum)}")
        what = ", ".join(parts)
    elif c.category == "persisting" or before is None:
        what = after
    else:
        what = f"{before} → {after}"
    title = f" — {c.title}" if c.title else ""
    return f"{c.rule} [{sev}] {c.target} {c.path}: {what}{title}"


def _head_sections(d: ResultDiff, lang: str, heading: str, gap: list[str], item: Callable[[str], str]) -> list[str]:
    """The context (when it differs) and the screening, each under ``heading``, one ``item`` per line."""
    out: list[str] = []
    ctx = context_lines(d, lang)
    if ctx:
        out += [heading.format("Context"), *gap, *map(item, ctx), ""]
    screening = [screening_line(c, lang) for c in d.screening] or [t(lang, "word.unchanged")]
    return [*out, heading.format("Screening"), *gap, *map(item, screening)]


def render_text(d: ResultDiff, kb: Any, options: RenderOptions) -> str:
    lang = options.lang
    out = [
        t(lang, "diff.title", old=d.old_name, old_date=d.old.get("date"), new=d.new_name, new_date=d.new.get("date")),
        "",
        *_head_sections(d, lang, "{}:", [], lambda line: "  " + line),
    ]
    for name in CATEGORIES:
        items = d.category(name)
        out.append("")
        out.append(f"{t(lang, f'diff.heading.{name}')} ({len(items)})")
        if name == "persisting" and not options.show_all:
            if items:
                out.append(f"  {t(lang, 'diff.show_all')}")
            continue
        out.extend(f"  {finding_line(c, lang)}" for c in items)
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(d: ResultDiff, kb: Any, options: RenderOptions) -> str:
    lang = options.lang
    out = [f"# {t(lang, 'diff.title_markdown')}", ""]
    out.append(f"`{_md(d.old_name)}` ({d.old.get('date')}) → `{_md(d.new_name)}` ({d.new.get('date')})")
    out.append("")
    out += _head_sections(d, lang, "## {}", [""], lambda line: "- " + _md(line))
    head = [
        t(lang, "diff.column.criterion"),
        t(lang, "diff.column.severity"),
        "object",
        t(lang, "diff.column.path"),
        "status",
        t(lang, "diff.column.title"),
    ]
    for name in CATEGORIES:
        items = d.category(name)
        out.append("")
        out.append(f"## {t(lang, f'diff.heading.{name}')} ({len(items)})")
        if not items:
            continue
        out.append("")
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for c in items:
            old_status = _status(c.old["status"], lang) if c.old else "—"
            new_status = _status(c.new["status"], lang) if c.new else "—"
            status = new_status if name in ("new", "persisting") else f"{old_status} → {new_status}"
            row = [c.rule, label(c.severity, lang, "Severity"), c.target, f"`{c.path}`", status, c.title]
            out.append("| " + " | ".join(_md(x) for x in row) + " |")
    return "\n".join(out) + "\n"


def render_json(d: ResultDiff, kb: Any, options: RenderOptions) -> str:
    return json.dumps(diff_dict(d), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""The knowledge base as Markdown documentation (docs/knowledge-base.md and .en.md), generated from the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pbd.atomic import write_atomic
from pbd.capabilities import CAPABILITIES
from pbd.knowledge_base import Criterion, KnowledgeBase, SystemRequirement
from pbd.messages import CATALOGUE, lookup, pick, t
from pbd.vocabulary import Basis, label

__all__ = ["FILE_NAMES", "LANGS", "SE_AREAS", "area_name", "render", "write_docs"]

LANGS = ("nl", "en")

#: the file each language is written to, inside docs/
FILE_NAMES: dict[str, str] = {"nl": "knowledge-base.md", "en": "knowledge-base.en.md"}

#: the function areas of the systeemeisen, in the order of docs/AUTHORING.md (names: ``kbdocs.area.<code>``)
SE_AREAS: tuple[str, ...] = ("TG", "LG", "BW", "MN", "RE", "VS", "HO", "TP", "BV", "EX")
#: the system ``_derived`` keys a systeemeis's applies_when may name that the docs can put in words
#: (``kbdocs.condition.<key>``)
_SYSTEM_CONDITIONS = frozenset(
    k.removeprefix("kbdocs.condition.") for k in CATALOGUE if k.startswith("kbdocs.condition.")
)


def area_name(code: str, lang: str) -> str:
    """The name of a function area of the systeemeisen ("Toegang"), or the code when it has none."""
    return lookup(lang, f"kbdocs.area.{code}") or code


def _cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _anchor(ident: str) -> str:
    return ident.lower()


def _link(ident: str) -> str:
    return f"[{ident}](#{_anchor(ident)})"


def _join(items: list[str] | tuple[str, ...], lang: str) -> str:
    return ", ".join(items) if items else t(lang, "kbdocs.none")


def _condition(se: SystemRequirement, lang: str) -> str:
    """Who a systeemeis applies to, read from the common ``_derived`` shape of its applies_when."""
    schema = se.data.get("applies_when")
    if schema is None:
        return t(lang, "kbdocs.all_systems")
    keys = _simple_derived_condition(schema)
    if keys is None or any(k not in _SYSTEM_CONDITIONS for k in keys):
        return t(lang, "kbdocs.own_condition")
    return "; ".join(t(lang, f"kbdocs.condition.{k}") for k in keys)


def _simple_derived_condition(schema: dict[str, Any]) -> list[str] | None:
    """``{"properties": {"_derived": {"properties": {k: {"const": true}}, ...}}}`` → ``[k, ...]``; else None."""
    if set(schema) != {"properties"} or set(schema["properties"]) != {"_derived"}:
        return None
    derived = schema["properties"]["_derived"]
    props = derived.get("properties", {})
    if set(derived) - {"properties", "required"} or any(v != {"const": True} for v in props.values()):
        return None
    return sorted(props) or None


def _section(anchor: str, heading: str, *intro: str, lang: str) -> list[str]:
    """The opening of a part of the docs: its anchor, its heading and its introductory paragraphs (message ids)."""
    out = [f'<a id="{_anchor(anchor)}"></a>', "", f"## {t(lang, heading)}", ""]
    for msg_id in intro:
        out += [t(lang, msg_id), ""]
    return out


def _render_reference_framework(kb: KnowledgeBase, lang: str) -> list[str]:
    out = _section("reference-framework", "kbdocs.ref", "kbdocs.ref_intro", lang=lang)
    by_group: dict[str, list[str]] = {code: [] for code in kb.groups}
    for c in kb.criteria.values():
        by_group[c.group].append(c.id)
    for code, group in kb.groups.items():
        d = group.data
        rows = [
            (t(lang, "kbdocs.avg"), _join(d["avg"], lang)),
            (t(lang, "kbdocs.other_law"), _join(d.get("other_law", []), lang)),
            (t(lang, "kbdocs.edpb"), _join([f"`{e}`" for e in d["edpb_elements"]], lang)),
            (t(lang, "kbdocs.bio2"), _join(d["bio2"], lang)),
            (t(lang, "kbdocs.algoritmekader"), _join(d["algoritmekader"], lang)),
            (t(lang, "kbdocs.dpia"), ", ".join(f"§{s}" for s in d["dpia_sections"])),
            (t(lang, "kbdocs.strategies"), _join([t(lang, f"kbdocs.strategy.{s}") for s in d["strategies"]], lang)),
            (t(lang, "kbdocs.group_criteria"), _join([_link(cid) for cid in by_group[code]], lang)),
        ]
        out += [
            f'<a id="ref-{code.lower()}"></a>',
            "",
            f"### {code} — {group.name.get(lang)}",
            "",
            group.description.get(lang),
            "",
            f"| {t(lang, 'kbdocs.framework')} | {t(lang, 'kbdocs.refs_col')} |",
            "| --- | --- |",
            *(f"| {_cell(k)} | {_cell(v)} |" for k, v in rows),
            "",
        ]
    return out


def _render_criterion(c: Criterion, lang: str) -> list[str]:
    head = [
        t(lang, "kbdocs.severity"),
        t(lang, "kbdocs.basis"),
        t(lang, "kbdocs.gate"),
        t(lang, "kbdocs.dpia_section"),
        t(lang, "kbdocs.scope"),
        t(lang, "kbdocs.strategy"),
    ]
    values = [
        label(c.severity, lang),
        _basis(c.basis, c.enabled, lang),
        label(c.gate, lang),
        f"§{c.dpia_section}",
        t(lang, f"kbdocs.scope.{c.scope}"),
        t(lang, f"kbdocs.strategy.{c.strategy}"),
    ]
    if c.system_requirements:
        ses = f"**{t(lang, 'kbdocs.se')}:** {', '.join(_link(s) for s in c.system_requirements)}"
    else:
        reason = c.no_system_requirement_reason.get(lang) if c.no_system_requirement_reason else ""
        ses = f"**{t(lang, 'kbdocs.no_se')}:** {reason}"
    logic: list[str] = []
    if c.depends_on:
        logic += [f"**{t(lang, 'kbdocs.depends_on')}:** {', '.join(_link(d.criterion) for d in c.depends_on)}", ""]
    if c.exempt is not None:
        logic += [f"**{t(lang, 'kbdocs.exempt')}:** `{'.'.join(c.exempt.reason)}`", ""]
    return [
        f'<a id="{_anchor(c.id)}"></a>',
        "",
        f"#### {c.id} {c.title.get(lang)}",
        "",
        "| " + " | ".join(head) + " |",
        "|" + " --- |" * len(head),
        "| " + " | ".join(_cell(v) for v in values) + " |",
        "",
        f"**{t(lang, 'kbdocs.norm')}.** {c.norm.get(lang)}",
        "",
        f"**{t(lang, 'kbdocs.why')}.** {c.rationale.get(lang)}",
        "",
        f"**{t(lang, 'kbdocs.fix')}.** {c.remediation.get(lang)}",
        "",
        f"**{t(lang, 'kbdocs.references')}:** {', '.join(c.references)}",
        "",
        ses,
        "",
        *logic,
    ]


def _basis(basis: Basis, enabled: bool, lang: str) -> str:
    text = label(basis, lang)
    return text if enabled else f"{text} ({t(lang, 'kbdocs.off')})"


def _render_criteria(kb: KnowledgeBase, lang: str) -> list[str]:
    out = _section("criteria", "kbdocs.criteria", "kbdocs.criteria_intro", "kbdocs.basis_intro", lang=lang)
    for code, group in kb.groups.items():
        out += [f'<a id="crit-{code.lower()}"></a>', "", f"### {code} — {group.name.get(lang)}", ""]
        for c in kb.criteria.values():
            if c.group == code:
                out += _render_criterion(c, lang)
    return out


def _render_system_requirements(kb: KnowledgeBase, lang: str) -> list[str]:
    out = _section("system-requirements", "kbdocs.ses", "kbdocs.ses_intro", lang=lang)
    head = [
        t(lang, "kbdocs.id"),
        t(lang, "kbdocs.requirement"),
        t(lang, "kbdocs.capability"),
        t(lang, "kbdocs.verification"),
        t(lang, "kbdocs.severity"),
        t(lang, "kbdocs.basis"),
        t(lang, "kbdocs.applies"),
        t(lang, "kbdocs.serves"),
        t(lang, "kbdocs.references"),
    ]
    for area in SE_AREAS:
        items = [s for s in kb.system_requirements.values() if s.area == area]
        if not items:
            continue
        out += [f'<a id="area-{area.lower()}"></a>', "", f"### {area} — {area_name(area, lang)}", ""]
        out += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for s in items:
            cap_label = pick(lang, *CAPABILITIES[s.capability])
            cells = [
                f'<a id="{_anchor(s.id)}"></a>{s.id}',
                f"**{_cell(s.title.get(lang))}.** {_cell(s.text.get(lang))}",
                f"`{s.capability}` ({_cell(cap_label)})",
                ", ".join(label(v, lang, "Verification") for v in s.verification),
                label(s.severity, lang),
                _basis(s.basis, s.enabled, lang),
                _cell(_condition(s, lang)),
                ", ".join(_link(cid) for cid in s.criteria),
                _cell(_join(s.references, lang)),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out


def _render_contents(kb: KnowledgeBase, lang: str) -> list[str]:
    counts: dict[str, int] = dict.fromkeys(kb.groups, 0)
    for c in kb.criteria.values():
        counts[c.group] += 1
    area_counts = {area: sum(1 for s in kb.system_requirements.values() if s.area == area) for area in SE_AREAS}
    out = [
        f"## {t(lang, 'kbdocs.contents')}",
        "",
        f"1. [{t(lang, 'kbdocs.ref')}](#reference-framework)",
        f"2. [{t(lang, 'kbdocs.criteria')}](#criteria)",
    ]
    out += [f"   - [{code} {g.name.get(lang)}](#crit-{code.lower()}) ({counts[code]})" for code, g in kb.groups.items()]
    out.append(f"3. [{t(lang, 'kbdocs.ses')}](#system-requirements)")
    out += [
        f"   - [{area} {area_name(area, lang)}](#area-{area.lower()}) ({area_counts[area]})"
        for area in SE_AREAS
        if area_counts[area]
    ]
    return [*out, ""]


def render(kb: KnowledgeBase, lang: str) -> str:
    """The whole knowledge base as one Markdown document in ``lang`` (``nl`` or ``en``); deterministic."""
    if lang not in LANGS:
        raise ValueError(f"no such language: {lang!r}")
    areas = {s.area for s in kb.system_requirements.values()}
    lines = [
        f"<!-- Generated by `pbd criteria docs` from knowledge base version {kb.version} — do not edit. -->",
        "",
        f"# {t(lang, 'kbdocs.title')}: {kb.title.get(lang)}",
        "",
        f"> {t(lang, 'kbdocs.generated', version=kb.version)}",
        "",
        t(
            lang,
            "kbdocs.summary",
            version=kb.version,
            criteria=len(kb.criteria),
            groups=len(kb.groups),
            ses=len(kb.system_requirements),
            areas=len(areas),
        ),
        "",
        *_render_contents(kb, lang),
        *_render_reference_framework(kb, lang),
        *_render_criteria(kb, lang),
        *_render_system_requirements(kb, lang),
    ]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def write_docs(kb: KnowledgeBase, folder: Path, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Write the documentation of ``kb`` in each language into ``folder``, atomically; return the paths."""
    written: list[Path] = []
    for lang in langs:
        path = Path(folder) / FILE_NAMES[lang]
        write_atomic(path, render(kb, lang))
        written.append(path)
    return written

"""``pbd screen``: the DPIA screening v2 as text or JSON — every hit with the facts and file:line it rests on.

What a privacy officer reads first: the outcome and what it means, the regime (Wpg or AVG), the
hits per framework with the facts behind each one, the rules the description does not yet decide
with the questions that decide them (the ones that can change the outcome first), the officer's
own ticks beside the derived hits, and good-design claims made without evidence.

``screened`` is ``(file, project name, screening)`` or ``(file, project name, screening, source)``;
with the :class:`~pbd.description.source.Source` every path is shown as ``file:line``.
"""

from __future__ import annotations

import json
from typing import Any

from pbd.description.source import JsonPath, Source, json_path
from pbd.engine.screening import FactRef, Hit, OpenRule, Screening
from pbd.engine.screening_rules import rule
from pbd.messages import lookup, outcome, pick, t
from pbd.render import RenderOptions

Screened = tuple[str, str, Screening] | tuple[str, str, Screening, Source]


def _unpack(screened: Screened) -> tuple[str, str, Screening, Source | None]:
    if len(screened) == 4:
        return screened[0], screened[1], screened[2], screened[3]
    return screened[0], screened[1], screened[2], None


class _Where:
    """Description paths as ``file:line $.path`` (or just the path without a source)."""

    def __init__(self, file: str, source: Source | None) -> None:
        self.file = file
        self.source = source

    def line(self, path: JsonPath) -> int | None:
        return self.source.position(path)[0] if self.source is not None else None

    def __call__(self, path: JsonPath) -> str:
        line = self.line(path)
        return f"{self.file}:{line} {json_path(path)}" if line else json_path(path)


def _name(framework: str, item: str, lang: str, rule_id: str) -> str:
    if framework in ("AP", "EDPB", "AVG35(3)"):
        r = rule(rule_id) if rule_id else None
        if r is not None:
            return pick(lang, r.name_nl, r.name_en)
    return ""


def render_text(screened: Screened, kb: Any, options: RenderOptions) -> str:
    """The screening for the terminal."""
    file, project, s, source = _unpack(screened)
    lang = options.lang
    where = _Where(file, source)
    out = [f"{project}: {outcome(lang, s.dpia)}", outcome(lang, s.dpia, "sentence")]
    if s.wpg:
        out.append(
            pick(
                lang,
                f"Regime: de Wet politiegegevens geldt voor {', '.join(s.wpg)}: daarvoor geldt de DPIA-plicht van art. 4c Wpg;"
                " wat de AP-lijst en WP248 voor die verwerkingen zeggen, staat er ter vergelijking bij.",
                f"Regime: the Police Data Act (Wpg) applies to {', '.join(s.wpg)}: the DPIA duty of Wpg art. 4c applies to"
                " them; what the AP list and WP248 say about those processings is shown for comparison.",
            )
        )
    if s.argued:
        out.append(pick(lang, f"Gemotiveerd afgezien: «{s.argued}»", f"Argued otherwise: «{s.argued}»"))
    out.append("")
    current = None
    for h in s.hits:
        if h.framework != current:
            current = h.framework
            out.append(lookup(lang, f"screen.head.{h.framework}") or h.framework)
        out.extend(_hit_lines(h, lang, where))
    if not s.hits:
        out.append(t(lang, "screening.no_hits"))
    if s.questions:
        out.append("")
        out.append(
            pick(
                lang,
                "Nog niet te bepalen (de vragen die het beslissen; * kan de uitkomst veranderen)",
                "Not yet determined (the questions that decide it; * can change the outcome)",
            )
        )
        for q in s.questions:
            out.extend(_open_lines(q, lang, where))
    if s.declared:
        out.append("")
        out.append(
            pick(
                lang,
                f"Aangevinkt ({s.declared_source or 'onbekend'}) naast afgeleid",
                f"Ticked ({s.declared_source or 'unknown'}) beside derived",
            )
        )
        for d in s.declared:
            mark = "=" if d.agrees else "≠"
            ticked = pick(lang, "aangevinkt", "ticked") if d.declared else pick(lang, "niet aangevinkt", "not ticked")
            derived = t(lang, f"word.{d.derived}")
            label = "AP" if d.framework == "AP" else "WP248"
            out.append(
                f"  {mark} {label} {d.item}: {ticked}, {pick(lang, 'afgeleid', 'derived')} {derived} — "
                f"{pick(lang, d.reason_nl, d.reason_en)}"
            )
    if s.claims:
        out.append("")
        out.append(pick(lang, "Beweringen zonder bewijs", "Claims without evidence"))
        for c in s.claims:
            out.append(f"  {c.target}: {pick(lang, c.nl, c.en)}")
            out.append(f"      {where(c.path)}")
    if s.notes:
        out.append("")
        out.append(pick(lang, "Ter informatie", "For information"))
        for n in s.notes:
            out.append(f"  {pick(lang, n.nl, n.en)}")
            out.extend(f"      {where(p)}" for p in n.paths)
    if s.dpia == "not_needed" and not s.dpia_recorded:
        out.append("")
        out.append(t(lang, "screening.record_reason"))
    return "\n".join(out) + "\n"


def _hit_lines(h: Hit, lang: str, where: _Where) -> list[str]:
    name = _name(h.framework, h.item, lang, h.rule)
    lines = [f"  {h.item}{' ' + name if name else ''} — {h.target}: {pick(lang, h.reason_nl, h.reason_en)}"]
    lines.extend(_fact_line(f, lang, where) for f in h.facts)
    return lines


def _fact_line(f: FactRef, lang: str, where: _Where) -> str:
    places = "; ".join(where(p) for p in f.paths[:3]) + (" …" if len(f.paths) > 3 else "")
    note = pick(lang, f.note_nl, f.note_en)
    value = t(lang, f"word.{f.value}")
    return f"      {f.name} = {value}{' (' + note + ')' if note else ''}: {places}"


def _open_lines(q: OpenRule, lang: str, where: _Where) -> list[str]:
    name = pick(lang, q.name_nl, q.name_en)
    label = {"AP": "AP", "EDPB": "WP248", "AVG35(3)": pick(lang, "AVG 35(3)", "GDPR 35(3)")}.get(
        q.framework, q.framework
    )
    head = " ".join(x for x in ("*" if q.decisive else " ", label if q.item else "", q.item, name) if x)
    head = f"  {head} — {q.target}"
    lines = [head]
    lines.extend(f"      ? {pick(lang, x.nl, x.en)} ({where(x.path)})" for x in q.questions)
    return lines


def render_json(screened: Screened, kb: Any, options: RenderOptions) -> str:
    """The screening as JSON: ``as_dict`` plus, for every path, its line in the file."""
    file, _project, s, source = _unpack(screened)
    doc: dict[str, Any] = {"file": file, **s.as_dict(options.lang)}
    if source is not None:
        _add_lines(doc, source)
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _add_lines(doc: Any, source: Source) -> None:
    """Give every object with ``path``/``paths`` the line(s) in the file (``line`` / ``lines``)."""
    if isinstance(doc, dict):
        if isinstance(doc.get("path"), str):
            doc["line"] = _line(source, doc["path"])
        if isinstance(doc.get("paths"), list):
            doc["lines"] = [_line(source, p) for p in doc["paths"]]
        for v in list(doc.values()):
            _add_lines(v, source)
    elif isinstance(doc, list):
        for v in doc:
            _add_lines(v, source)


def _line(source: Source, path: str) -> int:
    return source.position(_parse(path))[0]


def _parse(path: str) -> JsonPath:
    """``$.processings[0].scale`` back to ``("processings", 0, "scale")``."""
    out: list[str | int] = []
    for part in path.removeprefix("$").replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("[") and part.endswith("]"):
            inner = part[1:-1]
            out.append(int(inner) if inner.isdigit() else inner.strip("'\""))
        else:
            out.append(part)
    return tuple(out)


__all__ = ["render_json", "render_text"]

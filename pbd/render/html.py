"""The DPIA draft and the art. 25 report as HTML: a context built from the assessment, rendered by jinja2.

Templates live in ``templates/`` (autoescape on, StrictUndefined, no logic beyond loops and
conditions). Every user string is escaped by jinja; the only markup inserted unescaped is the
SVG that :mod:`pbd.charts` draws, which escapes every text it contains.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from pbd.capabilities import CAPABILITIES
from pbd.description import LoadedDescription
from pbd.engine.findings import Assessment, Finding
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import Section, outcome, pick
from pbd.messages import t as msg
from pbd.render import RenderOptions, Report
from pbd.render.art25 import migration_context, procurement_context
from pbd.render.charts import risk_matrix, status_bars
from pbd.render.common import (
    FLAGGED,
    articles,
    case_key,
    explanation,
    field_texts,
    fix,
    hit_name,
    parse_path,
    references,
    sentence,
    title,
    who,
)
from pbd.resources import content_dir
from pbd.todo import build_todo
from pbd.vocabulary import LABELS, Basis, Gate, Level, Status, label

Json = dict[str, Any]
KINDS = ("dpia", "art25")
RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "automated_decision", "objection")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(content_dir("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _label_filter(lang: str) -> Any:
    t = Section(lang, "report")

    def apply(value: Any, enum_name: str) -> str:
        if value is None:
            return t.unknown
        if isinstance(value, bool):
            return t.yes if value else t.no
        if enum_name in LABELS:
            return label(str(value), lang, enum_name)
        return str(value)

    return apply


_MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
#: unit letter of an ISO-8601 duration -> (NL singular, NL plural, EN singular, EN plural)
_UNITS = {
    "Y": ("jaar", "jaar", "year", "years"),
    "M": ("maand", "maanden", "month", "months"),
    "W": ("week", "weken", "week", "weeks"),
    "D": ("dag", "dagen", "day", "days"),
    "H": ("uur", "uur", "hour", "hours"),
    "TM": ("minuut", "minuten", "minute", "minutes"),
    "S": ("seconde", "seconden", "second", "seconds"),
}
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def in_words(value: Any, lang: str) -> str:
    """A period or date as a reader says it: P28D -> "28 dagen", 2026-12-03 -> "3 december 2026"; else str()."""
    if isinstance(value, dt.date):
        return f"{value.day} {_MONTHS['en' if lang == 'en' else 'nl'][value.month - 1]} {value.year}"
    text = str(value).strip()
    if _ISO_DATE.match(text):
        try:
            return in_words(dt.date.fromisoformat(text), lang)
        except ValueError:
            return text
    found = _DURATION.match(text)
    if found and text not in ("P", "PT"):
        parts = []
        for unit, amount in zip(("Y", "M", "W", "D", "H", "TM", "S"), found.groups(), strict=True):
            if amount is None:
                continue
            n = int(amount)
            nl1, nln, en1, enn = _UNITS[unit]
            word = (en1 if n == 1 else enn) if lang == "en" else (nl1 if n == 1 else nln)
            parts.append(f"{n} {word}")
        joiner = " and " if lang == "en" else " en "
        return joiner.join(parts) if parts else text
    return text


#: a parenthesis that names only description fields: "(dpia.status: not_needed, dpia.not_needed_reason)"
_FIELD = r"[a-z_]+(?:\[\d*\])?(?:\.[a-z_0-9]+(?:\[\d*\])?)+(?::\s*[\w.-]+)?"
_FIELD_NOTE = re.compile(rf"\s*\((?:{_FIELD})(?:\s*(?:,|;|/|of|or|en|and)\s*{_FIELD})*\)")


_PATHISH = re.compile(r"^(?:[a-z]+_[a-z_0-9]*|[a-z_]+(?:\[\d*\])?(?:\.[a-z_0-9]+(?:\[\d*\])?)+|[a-z_]+\[\d*\])$")
_DOMAIN = re.compile(r"\.(?:nl|com|org|eu|gov)$")
_GROUP = re.compile(r"\s*\(([^()]*)\)")
_IN_PATH = re.compile(r"\b(in|into) ([a-z_]+(?:\[\d*\])?(?:\.[a-z_0-9]+(?:\[\d*\])?)+|[a-z_]+\[\d*\]\.[a-z_]+)")


def _is_path(word: str) -> bool:
    return bool(_PATHISH.match(word)) and not _DOMAIN.search(word)


def _without_fields(match: re.Match[str]) -> str:
    """A parenthesis for the person filling the file: dropped when it names fields only, else the fields left out."""
    parts = [p.strip() for p in match.group(1).split(",")]
    if any(_is_path(p.split(":", 1)[0].strip()) and ":" in p for p in parts):
        return ""  # "(project.decision: decided_by, date, outcome …)"
    kept = [p for p in parts if not all(_is_path(w) or w in ("en", "and", "of", "or") for w in p.split())]
    if kept == parts:
        return match.group(0)
    return f" ({', '.join(kept)})" if kept else ""


def plain(text: str, lang: str = "nl") -> str:
    """A knowledge-base text for a reader: the field names it cites for the person filling the file left out."""
    text = _GROUP.sub(_without_fields, _FIELD_NOTE.sub("", text))
    where = "the description" if lang == "en" else "de projectbeschrijving"
    return _IN_PATH.sub(lambda m: f"{m.group(1)} {where}", text)


def law_label(text: str, lang: str) -> str:
    """A law citation the description gives in Dutch, with the GDPR's English name in an English report."""
    return re.sub(r"\bAVG\b", "GDPR", text) if lang == "en" else text


def _finding_dict(f: Finding, kb: KnowledgeBase, lang: str, refs: dict[tuple[str, int], str] | None = None) -> Json:
    marker = {Status.GAP: "gap", Status.OPEN: "open", Status.WAIVED: "waived"}.get(f.status, f.status.value)
    return {
        "rule": f.rule,
        "kind": f.kind,
        "status": f.status.value,
        "marker": marker,
        "severity": label(f.severity, lang),
        "severity_code": f.severity.value,
        "gate": label(f.gate, lang),
        "gate_code": f.gate.value,
        "target": f.target,
        "path": f.path,
        "line": f.line,
        "ref": (refs or {}).get((f.path, f.line), ""),
        "basis": f.basis.value,
        "title": title(f, kb, lang),
        "explanation": plain(explanation(f, kb, lang), lang),
        "fix": plain(fix(f, kb, lang), lang),
    }


_MARKER = {Status.GAP: "gap", Status.OPEN: "open", Status.WAIVED: "waived"}
_WORST = {Status.GAP: 0, Status.OPEN: 1, Status.WAIVED: 2}
_PARTY = re.compile(r"^\$\.parties\[(\d+)\]")


def place_name(f: Finding, data: Json) -> str:
    """Whom a finding is about: its target, or the party a project-wide rule found at ``$.parties[i]``."""
    found = _PARTY.match(f.path) if f.target == "project" else None
    parties = data.get("parties") or []
    if found and int(found.group(1)) < len(parties) and isinstance(parties[int(found.group(1))], dict):
        return str(parties[int(found.group(1))].get("name") or f.target)
    return f.target


def _flags(
    findings: list[Finding], kb: KnowledgeBase, lang: str, refs: dict[tuple[str, int], str], data: Json
) -> list[Json]:
    """One flag per rule: its norm and fix once, and one sentence per thing found, naming every place it holds
    for (``geluid, camera-drukte en wifi-telling``) with their audit references; worst status first."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    out: list[Json] = []
    for items in by_rule.values():
        lines: dict[tuple[str, ...], list[Finding]] = {}
        for f in sorted(items, key=lambda f: _WORST[f.status]):
            lines.setdefault(case_key(f), []).append(f)
        places: list[Json] = []
        unanswered: dict[tuple[str, ...], Json] = {}  # the open questions of one rule for the same places: one line
        for group in lines.values():
            targets = list(dict.fromkeys(place_name(f, data) for f in group))
            line_refs = [refs.get((f.path, f.line), "") for f in group if refs]
            first = group[0]
            if first.message == "finding.not_answered":
                merged = unanswered.get(tuple(targets))
                field = field_texts(parse_path(dict(first.args).get("field") or first.path), lang)[0]
                if merged is not None:
                    merged["fields"].append(field)
                    merged["refs"].extend(line_refs)
                    continue
                unanswered[tuple(targets)] = merged = {"fields": [field], "refs": line_refs, "targets": targets}
            places.append(
                {
                    "marker": _MARKER[first.status],
                    "target": ", ".join(targets),
                    "refs": line_refs,
                    "explanation": plain(sentence(first, kb, lang, targets, brief=True), lang),
                    "merged": merged if first.message == "finding.not_answered" else None,
                }
            )
        for place in places:
            merged = place.pop("merged")
            if merged is not None and len(merged["fields"]) > 1:
                fields = [f"‘{x}’" for x in dict.fromkeys(merged["fields"])]
                listed = ", ".join(fields[:-1]) + msg(lang, "sentence.and") + fields[-1]
                place["explanation"] = msg(lang, "sentence.open_many", who=who(merged["targets"], lang), fields=listed)
                place["refs"] = merged["refs"]
            place["ref"] = ", ".join(dict.fromkeys(r for r in place.pop("refs") if r))
        worst = min(items, key=lambda f: _WORST[f.status])
        out.append(
            {
                **_finding_dict(worst, kb, lang, refs),
                "places": places,
                "norm": articles(references(worst, kb), lang, limit=4),
            }
        )
    return out


def build_context(loaded: LoadedDescription, a: Assessment, kb: KnowledgeBase, kind: str, lang: str) -> Json:
    """Everything a report template needs, as plain data."""
    t = Section(lang, "report")
    data = loaded.data()
    flagged = [f for f in a.findings if f.status in FLAGGED]
    places = sorted({(f.path, f.line) for f in flagged}, key=lambda p: (p[1] or 0, p[0]))
    refs = {p: f"A{i}" for i, p in enumerate(places, 1)}
    audit_places = [{"ref": refs[p], "path": p[0], "line": p[1]} for p in places]
    by_section: dict[int, list[Finding]] = {}
    for f in flagged:
        if f.kind == "criterion":
            by_section.setdefault(kb.criteria[f.rule].dpia_section, []).append(f)
    # open points list the criteria; the systeemeisen per system are the art. 25 report's matrix
    undone = [f for f in a.findings if f.status in (Status.GAP, Status.OPEN) and f.kind == "criterion"]
    se_undone = sum(1 for f in a.findings if f.status in (Status.GAP, Status.OPEN) and f.kind == "system_requirement")
    open_points: list[Json] = []
    for gate in Gate:
        items = [_finding_dict(f, kb, lang, refs) for f in undone if f.gate is gate]
        if items:
            open_points.append(
                {"gate": label(gate, lang), "items": sorted(items, key=lambda i: (i["status"] != "gap", i["rule"]))}
            )

    # chart: criteria status per principle group
    rows = []
    groups: list[Json] = []
    for code, group in kb.groups.items():
        counts = {s.value: 0 for s in Status}
        for f in a.findings:
            if f.kind == "criterion" and f.group == code:
                counts[f.status.value] += 1
        rows.append((code, group.name.get(lang), counts))
        fs = [f for f in a.findings if f.kind == "criterion" and f.group == code]
        present: dict[str, Json] = {}
        for f in fs:
            if f.status is Status.MET and f.rule not in present:
                present[f.rule] = {"rule": f.rule, "title": title(f, kb, lang), "targets": []}
            if f.status is Status.MET:
                present[f.rule]["targets"].append(f.target)
        gd = group.data
        groups.append(
            {
                "code": code,
                "name": group.name.get(lang),
                "description": group.description.get(lang),
                "norms": [
                    *(law_label(str(x), lang) for x in gd["avg"]),
                    *gd.get("other_law", []),
                    *(f"BIO2 {b}" for b in gd["bio2"]),
                    # the Algoritmekader's URNs by their short names: "Algoritmekader (avg-01, owp-03)"
                    *(
                        [
                            f"Algoritmekader ({', '.join(dict.fromkeys(u.rsplit(':', 1)[-1] for u in gd['algoritmekader']))})"
                        ]
                        if gd["algoritmekader"]
                        else []
                    ),
                ],
                "present": list(present.values()),
                "gaps": _flags([f for f in fs if f.status in FLAGGED], kb, lang, refs, data),
            }
        )
    legend = {s.value: label(s, lang) for s in Status}
    chart = Markup(status_bars(rows, legend, t.status_overview))  # noqa: S704 - pbd's own SVG, texts escaped in charts.py

    risks = data.get("risks", [])
    placed = [
        (r["id"], Level(r["likelihood"]).rank, Level(r["impact"]).rank)
        for r in risks
        if "likelihood" in r and "impact" in r
    ]
    levels = [label(level, lang) for level in Level]
    svg = risk_matrix(placed, {"likelihood": t.likelihood_axis, "impact": t.impact_axis}, levels, t.inherent)
    matrix = Markup(svg)  # noqa: S704 - pbd's own SVG, texts escaped in charts.py
    risk_rows = []
    for r in risks:
        level = None
        if "likelihood" in r and "impact" in r:
            score = Level(r["likelihood"]).rank * Level(r["impact"]).rank
            level = "laag" if score <= 2 else "midden" if score <= 4 else "hoog"
        risk_rows.append({**r, "level": level})
    high_residual = [r["id"] for r in risks if r.get("residual") == "hoog"]
    residual_placed = [
        (r["id"], Level(r["residual_likelihood"]).rank, Level(r["residual_impact"]).rank)
        for r in risks
        if "residual_likelihood" in r and "residual_impact" in r
    ]
    residual_svg = risk_matrix(
        residual_placed, {"likelihood": t.likelihood_axis, "impact": t.impact_axis}, levels, t.residual_matrix
    )
    residual_matrix = Markup(residual_svg) if residual_placed else None  # noqa: S704 - pbd's own SVG

    # systeemeisen: one row per requirement, one status column per system (a procurement annex)
    systems = data.get("systems", [])
    status_of: dict[tuple[str, str], str] = {}
    for f in a.findings:
        if f.kind == "system_requirement":
            status_of[(f.rule, f.target)] = f.status.value
    requirement_rows = []
    for se in kb.system_requirements.values():
        cells = [status_of.get((se.id, s["id"]), "") for s in systems]
        if any(cells):
            requirement_rows.append(
                {
                    "rule": se.id,
                    "title": se.title.get(lang),
                    "text": se.text.get(lang),
                    "capability": pick(lang, *CAPABILITIES[se.capability]),
                    "verification": ", ".join(label(v, lang, "Verification") for v in se.verification),
                    "criteria": ", ".join(se.criteria),
                    "cells": cells,
                }
            )

    # free text kept from an import (notes keyed "DPIA <n> <title>" go to paragraph n)
    notes_by_section: dict[int, list[Json]] = {}
    other_notes: list[Json] = []
    for key, text in sorted(data.get("notes", {}).items()):
        words = key.split()
        if len(words) > 1 and words[0] == "DPIA" and words[1].isdigit():
            notes_by_section.setdefault(int(words[1]), []).append({"key": key, "text": text})
        else:
            other_notes.append({"key": key, "text": text})

    decision = a.decision()
    screening = a.screening
    grouped: dict[tuple[str, str], Json] = {}
    for h in screening.hits:
        key = (h.framework, h.item)
        if key not in grouped:
            grouped[key] = {
                "framework": h.framework,
                "item": h.item,
                "name": hit_name(h.framework, h.item, lang),
                "reason": pick(lang, h.reason_nl, h.reason_en),
                "targets": [],
            }
        grouped[key]["targets"].append(h.target)
    reasons = [{**r, "target": ", ".join(r["targets"])} for r in grouped.values()]
    counts = a.counts()
    project = data["project"]
    stoppers = _stoppers(a, project, high_residual, lang)
    todo = build_todo(a, kb)
    todo_groups: list[Json] = []
    by_system: dict[str, Json] = {}  # the same systeemeis action on several systems is one row naming them all
    for scope, target, actions in todo.groups():
        action_rows: list[Json] = [
            {
                "title": x.title(lang),
                "fix": plain(x.fix(lang), lang),
                "closes": ", ".join(x.closes),
                "status": x.status.value,
                "gate": label(x.gate, lang),
                "severity": label(x.severity, lang),
                "systems": [target],
            }
            for x in actions
        ]
        if scope != "system":
            todo_groups.append(
                {"target": target if scope != "project" else "", "systems": False, "actions": action_rows}
            )
            continue
        for row in action_rows:
            merged = by_system.setdefault(row["title"], {**row, "systems": [], "closes": []})
            merged["systems"].append(target)
            merged["closes"].extend(c for c in row["closes"].split(", ") if c not in merged["closes"])
            if row["status"] == Status.GAP.value:
                merged["status"] = row["status"]
    if by_system:
        merged_rows = [
            {**r, "systems": ", ".join(r["systems"]), "closes": ", ".join(r["closes"])} for r in by_system.values()
        ]
        todo_groups.append({"target": t.system_requirements, "systems": True, "actions": merged_rows})
    todo_later = ", ".join(f"{label(g, lang)}: {n}" for g, n in todo.later)
    flags_by_section = {n: _flags(items, kb, lang, refs, data) for n, items in by_section.items()}
    return {
        "t": t,
        "lang": lang,
        "kind": kind,
        "title": t.dpia_title if kind == "dpia" else t.art25_title,
        "desc": data,
        "project": data["project"],
        "processings": data.get("processings", []),
        "personal_processings": [p for p in data.get("processings", []) if p.get("personal_data") is not False],
        "parties": data.get("parties", []),
        "systems": systems,
        "requirement_rows": requirement_rows,
        "procurement": procurement_context(a, kb, data, lang) if kind == "art25" else None,
        "migration": migration_context(a, lang),
        "risks": risk_rows,
        "high_residual": high_residual,
        "sections": flags_by_section,
        "open_points": open_points,
        "se_undone": se_undone,
        "notes": notes_by_section,
        "other_notes": other_notes,
        "groups": groups,
        "chart": chart,
        "matrix": matrix,
        "rights": RIGHTS,
        "screening": {
            "dpia": screening.dpia,
            "verdict": outcome(lang, screening.dpia, "sentence"),
            "ap": list(screening.ap),
            "edpb": list(screening.edpb),
            "art35_3": list(screening.art35_3),
            "dtia": screening.dtia,
            "iama": screening.iama,
            "kia": screening.kia,
            "reasons": reasons,
        },
        "decision": None
        if decision is None
        else {
            "gate": label(decision.gate, lang),
            "go": decision.go,
            "blocking": len(decision.blocking),
            "later": len(decision.later),
        },
        "counts": {label(Status(k), lang): v for k, v in counts.items()},
        "gaps_by_severity": a.gaps_by_severity(),
        "top_gaps": _top_gaps(a, kb, lang, data),
        "stoppers": stoppers,
        "count_line": msg(
            lang,
            "report.counts_line",
            gap=_count(lang, "gap", counts.get(Status.GAP.value, 0)),
            open=_count(lang, "open", counts.get(Status.OPEN.value, 0)),
            met=_count(lang, "met", counts.get(Status.MET.value, 0)),
        ),
        "advice_line": msg(lang, "report.advice_line", n=len(decision.advice)) if decision and decision.advice else "",
        "residual_matrix": residual_matrix,
        "audit_places": audit_places,
        "todo": {"gate": label(todo.gate, lang), "groups": todo_groups, "later": todo_later},
        "blocks": _blocks(project, lang),
        "audit": {
            "file": a.file,
            "input_sha256": a.input_sha256,
            "kb_version": a.kb_version,
            "kb_sha256": a.kb_sha256,
            "pbd_version": a.pbd_version,
            "date": a.date.isoformat(),
            "gate": label(a.gate, lang) if a.gate else "—",
            "waivers_applied": a.waivers_applied,
        },
    }


def _top_gaps(a: Assessment, kb: KnowledgeBase, lang: str, data: Json, limit: int = 8) -> list[Json]:
    """The heaviest gaps for the summary, one row per criterion with every place it holds for: severity first,
    then law before guidance before policy, then the earliest gate."""
    basis_rank = {Basis.LAW: 0, Basis.GUIDANCE: 1, Basis.POLICY: 2}
    gaps = sorted(
        (f for f in a.findings if f.status is Status.GAP and f.kind == "criterion"),
        key=lambda f: (-f.severity.rank, basis_rank[f.basis], f.gate.rank, f.rule),
    )
    rows: dict[str, Json] = {}
    for f in gaps:
        if f.rule not in rows:
            if len(rows) == limit:
                continue
            crit = kb.criteria[f.rule]
            rows[f.rule] = {
                **_finding_dict(f, kb, lang),
                "norm": articles(crit.references, lang, limit=2),
                "section": crit.dpia_section,
                "targets": [],
            }
        rows[f.rule]["targets"].append(place_name(f, data))
    return [{**r, "target": ", ".join(dict.fromkeys(r["targets"]))} for r in rows.values()]


def _count(lang: str, what: str, n: int) -> str:
    """ "1 tekortkoming", "3 tekortkomingen": the count with its noun in the right number."""
    return msg(lang, f"report.n_{what}_one", n=n) if n == 1 else msg(lang, f"report.n_{what}_other", n=n)


_BASIS_RULES = ("RM-01", "RM-10")
_CONTROLLER_BODIES = ("college", "burgemeester", "college_and_burgemeester", "raad")


def _stoppers(a: Assessment, project: Json, high_residual: list[str], lang: str) -> list[str]:
    """What stops the project, heaviest first: art. 36, the legal basis, a prohibited practice, an overruled FG."""
    out: list[str] = []
    consultation = project.get("prior_consultation", {})
    if high_residual and not (consultation.get("requested") or consultation.get("date")):
        out.append(msg(lang, "report.stop_art36", ids=", ".join(high_residual)))
    undone = [f for f in a.findings if f.status in (Status.GAP, Status.OPEN) and f.kind == "criterion"]
    basis = [f for f in undone if f.rule in _BASIS_RULES]
    if basis:
        targets = ", ".join(dict.fromkeys(f.target for f in basis))
        rules = ", ".join(dict.fromkeys(f.rule for f in basis))
        out.append(msg(lang, "report.stop_basis", targets=targets, rules=rules))
    # only a practice found prohibited stops the project here; an unanswered AI Act question is an open point
    prohibited = [f for f in undone if f.rule == "RM-13" and f.status is Status.GAP]
    if prohibited:
        out.append(msg(lang, "report.stop_prohibited", targets=", ".join(dict.fromkeys(f.target for f in prohibited))))
    advice = project.get("dpo_advice", {})
    followed = advice.get("followed")
    if followed in ("no", "partly", False):
        word = msg(lang, "report.partly_followed") if followed == "partly" else msg(lang, "report.not_followed")
        reason = (advice.get("deviation_reason") or "").strip()
        who = advice.get("deviation_decided_by")
        extra = msg(lang, "report.stop_dpo_reason", reason=reason) if reason else ""
        if who and who not in _CONTROLLER_BODIES:
            controller = project.get("controller") or {}
            name = controller.get("name") or Section(lang, "report").unknown
            extra = msg(lang, "report.stop_dpo_not_controller", controller=name) + extra
        out.append(
            msg(
                lang,
                "report.stop_dpo",
                followed=word,
                reason=extra,
                who=label(who, lang, "DecidedBy") if who else Section(lang, "report").unknown,
            )
        )
    elif any(f.rule == "VA-02" and f.status is Status.GAP for f in undone):
        out.append(msg(lang, "report.stop_dpo_rule", rules="VA-02"))
    return out


def _blocks(project: Json, lang: str) -> Json:
    """The version/status, controller, FG advice and decision blocks, as words."""
    controller = project.get("controller") or {}
    advice = project.get("dpo_advice") or {}
    decision = project.get("decision") or {}
    dpia = project.get("dpia") or {}
    body = controller.get("body")
    controller_text = controller.get("name") or (label(body, lang, "ControllerBody") if body else "")
    who = advice.get("deviation_decided_by")
    followed = advice.get("followed")
    if isinstance(followed, bool):
        followed = "yes" if followed else "no"
    not_controller = ""
    if followed in ("no", "partly") and who and who not in _CONTROLLER_BODIES:
        not_controller = msg(
            lang,
            "report.dpo_not_controller",
            who=label(who, lang, "DecidedBy"),
            controller=controller_text or Section(lang, "report").unknown,
        )
    adopted = ""
    if decision.get("outcome"):
        by = decision.get("decided_by")
        adopted = msg(
            lang,
            "report.adopted_text",
            who=label(by, lang, "DecidedBy") if by else controller_text,
            date=in_words(decision["date"], lang) if decision.get("date") else "—",
            version=decision.get("version") or "—",
        )
    return {
        "controller": controller_text,
        "dpia_status": label(dpia["status"], lang, "DpiaStatus") if dpia.get("status") else "",
        "dpia_date": in_words(dpia["date"], lang) if dpia.get("date") else "",
        "advice_date": in_words(advice["date"], lang) if advice.get("date") else "",
        "advice_summary": advice.get("summary") or "",
        "advice_version": advice.get("version") or "",
        "followed": msg(lang, f"report.followed_{followed}") if followed in ("yes", "partly", "no") else "",
        "followed_code": followed or "",
        "reason": advice.get("deviation_reason") or "",
        "decided_by": label(who, lang, "DecidedBy") if who else "",
        "not_controller": not_controller,
        "decision": label(decision["outcome"], lang, "DecisionOutcome") if decision.get("outcome") else "",
        "decision_by": label(decision["decided_by"], lang, "DecidedBy") if decision.get("decided_by") else "",
        "decision_date": in_words(decision["date"], lang) if decision.get("date") else "",
        "decision_version": decision.get("version") or "",
        "conditions": list(decision.get("conditions") or []),
        "adopted": adopted,
    }


def render(report: Report, kb: KnowledgeBase, options: RenderOptions) -> str:
    """The ``report-html`` reporter."""
    return render_html(report.loaded, report.assessment, kb, kind=options.kind, lang=options.lang)


def render_html(loaded: LoadedDescription, a: Assessment, kb: KnowledgeBase, *, kind: str, lang: str) -> str:
    """The complete, self-contained HTML document of a report (CSS inlined; no external references)."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    env = _environment()
    context = build_context(loaded, a, kb, kind, lang)
    context["lbl"] = _label_filter(lang)
    context["words"] = lambda v: in_words(v, lang)
    context["law"] = lambda v: law_label(str(v), lang)
    css = (content_dir("templates") / "report.css").read_text(encoding="utf-8")
    return env.get_template(f"{kind}.html.j2").render(**context, css=Markup(css))  # noqa: S704 - our own bundled CSS

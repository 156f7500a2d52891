"""``--explain``: what a rule checks, which fields it read, the values it saw, and why it concluded what it did."""

from __future__ import annotations

import json
from typing import Any

from pbd.description import LoadedDescription
from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import t
from pbd.render import RenderOptions
from pbd.render.common import explanation
from pbd.vocabulary import label


def schema_fields(schema: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every property path a JSON Schema mentions (through properties, items, combinators)."""
    found: list[tuple[str, ...]] = []
    if isinstance(schema, dict):
        for key, sub in schema.get("properties", {}).items():
            found.append((*prefix, key))
            found.extend(schema_fields(sub, (*prefix, key)))
        for key in schema.get("required", []):
            found.append((*prefix, key))
        for word in ("items", "contains", "not", "if", "then", "else"):
            if word in schema:
                found.extend(schema_fields(schema[word], (*prefix, "[]") if word in ("items", "contains") else prefix))
        for word in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(word, []):
                found.extend(schema_fields(sub, prefix))
    return sorted(set(found))


def _lookup(data: Any, path: tuple[str, ...]) -> Any:
    if not path:
        return data
    head, rest = path[0], path[1:]
    if head == "[]":
        if isinstance(data, list):
            return [_lookup(x, rest) for x in data]
        return None
    if isinstance(data, dict) and head in data:
        return _lookup(data[head], rest)
    return _Missing


class _MissingType:
    def __repr__(self) -> str:
        return "(niet ingevuld / not answered)"


_Missing = _MissingType()


def render(explained: tuple[str, LoadedDescription, Assessment], kb: KnowledgeBase, options: RenderOptions) -> str:
    """The ``explain-text`` reporter: ``explained`` is (rule id, description, assessment)."""
    rule, loaded, a = explained
    return explain_rule(rule, loaded, a, kb, options.lang)


def explain_rule(rule: str, loaded: LoadedDescription, a: Assessment, kb: KnowledgeBase, lang: str) -> str:
    out: list[str] = []
    findings = [f for f in a.findings if f.rule == rule]
    if rule in kb.criteria:
        crit = kb.criteria[rule]
        out += [f"{rule}  {crit.title.get(lang)}", "", "Norm: " + crit.norm.get(lang), ""]
        out.append(t(lang, "explain.basis", basis=label(crit.basis, lang)))
        if crit.depends_on:
            out.append(t(lang, "explain.depends_on", ids=", ".join(d.criterion for d in crit.depends_on)))
        if crit.exempt is not None:
            schema = json.dumps(crit.data["exempt_when"]["schema"], ensure_ascii=False)
            out.append(t(lang, "explain.exempt", schema=schema, reason=".".join(crit.exempt.reason)))
        out.append(t(lang, "explain.applies", scope=crit.scope))
        out.append("  " + json.dumps(crit.data["applies_when"], ensure_ascii=False))
        if "requirement" in crit.data:
            out.append(t(lang, "explain.requirement"))
            out.append("  " + json.dumps(crit.data["requirement"], ensure_ascii=False))
        if crit.predicate:
            out.append(t(lang, "explain.predicate", name=crit.predicate))
        fields = schema_fields(crit.data["applies_when"]) + schema_fields(crit.data.get("requirement", {}))
        data = loaded.data()
        scope_objects: list[tuple[str, Any]] = []
        if crit.scope == "processing":
            scope_objects = [(f"processings[{i}] ({p['id']})", p) for i, p in enumerate(data.get("processings", []))]
        elif crit.scope == "party":
            scope_objects = [(f"parties[{i}] ({p['name']})", p) for i, p in enumerate(data.get("parties", []))]
        elif crit.scope == "system":
            scope_objects = [(f"systems[{i}] ({s['id']})", s) for i, s in enumerate(data.get("systems", []))]
        else:
            scope_objects = [("project", data["project"])]
        out.append("")
        out.append(t(lang, "explain.fields"))
        for name, obj in scope_objects:
            out.append(f"  {name}")
            for path in sorted(set(fields)):
                if path[0].startswith("_"):
                    continue
                value = _lookup(obj, path)
                out.append(f"    {'.'.join(path)} = {value!r}")
        derived = sorted({p[1] for p in fields if len(p) > 1 and p[0] == "_derived"})
        if derived:
            out.append("  " + t(lang, "explain.derived", names=", ".join(derived)))
    else:
        se = kb.system_requirements[rule]
        out += [f"{rule}  {se.title.get(lang)}", "", se.text.get(lang), ""]
        out.append(f"{t(lang, 'word.capability')}: {se.capability}")
        out.append(f"{t(lang, 'word.serves')}: {', '.join(se.criteria)}")
    out.append("")
    out.append(t(lang, "explain.conclusion"))
    word = t(lang, "word.line")
    for f in findings:
        out.append(f"  {f.target}: {label(f.status, lang)} — {f.path} ({word} {f.line}): {explanation(f, kb, lang)}")
        if f.depends_on:
            out.append(t(lang, "explain.chain", chain=" → ".join((rule, *f.depends_on))))
        if f.exempt_reason is not None:
            out.append(t(lang, "explain.exempt_reason", reason=f.exempt_reason))
    if not findings:
        out.append("  " + t(lang, "explain.none"))
    return "\n".join(out) + "\n"

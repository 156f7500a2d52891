"""What every reporter shares: a finding's texts in one language, status ordering, screening names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pbd.capabilities import capability_label
from pbd.description.loading import _model_at, _shape, field_enum
from pbd.description.source import JsonPath
from pbd.engine.findings import Finding
from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA
from pbd.knowledge_base import KnowledgeBase, Rule
from pbd.messages import lookup, pick, t
from pbd.vocabulary import Basis, RuleKind, Status, label

#: gaps first, then open questions, then waived, met and not applicable
STATUS_ORDER = {Status.GAP: 0, Status.OPEN: 1, Status.WAIVED: 2, Status.MET: 3, Status.NOT_APPLICABLE: 4}

#: the statuses a reader has to act on or know about
FLAGGED = (Status.GAP, Status.OPEN, Status.WAIVED)

_NAMED = {"AP": AP_TYPES, "EDPB": EDPB_CRITERIA}


def rule_of(f: Finding, kb: KnowledgeBase) -> Rule:
    """The criterion or systeemeis a finding is about."""
    return kb.criteria[f.rule] if f.kind == RuleKind.CRITERION else kb.system_requirements[f.rule]


def title(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    return rule_of(f, kb).title.get(lang)


def fix(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    return rule_of(f, kb).fix.get(lang)


def explanation(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    """Why this status. A gap, open question or waiver reads as an FG writes it: what is the case, for
    which processing, party or system, and which norm (article) it falls short of; the fix is separate."""
    if f.status in FLAGGED:
        return sentence(f, kb, lang, (f.target,))
    if f.detail(lang):
        return f.detail(lang)
    if f.status is Status.MET:
        return t(lang, "finding.met")
    if f.status is Status.NOT_APPLICABLE:
        return t(lang, "finding.not_applicable")
    return label(f.status, lang)


def who(targets: Sequence[str], lang: str) -> str:
    """ "geluid, camera-drukte en wifi-telling"; the target ``project`` as "het project"."""
    names = [t(lang, "sentence.the_project") if x == "project" else x for x in dict.fromkeys(targets)]
    if len(names) < 2:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + t(lang, "sentence.and") + names[-1]


def sentence(f: Finding, kb: KnowledgeBase, lang: str, targets: Sequence[str], *, brief: bool = False) -> str:
    """The finding as one or two sentences for ``targets`` (the places that share it, see :func:`case_key`).

    ``brief``: an open question without the sentence on what its absence means, for a report that names
    the norm beside it and says once what an open question means."""
    args = dict(f.args)
    whom = who([args["about"]] if args.get("about") else targets, lang)
    path = parse_path(args.get("field") or f.path)
    field, question, ref = field_texts(path, lang)
    norm = articles(ref, lang) or articles(references(f, kb), lang)
    if f.message in ("finding.not_answered", "finding.exempt_not_answered"):
        if f.message == "finding.exempt_not_answered":
            return _cap(t(lang, "sentence.exempt_open", who=whom, question=question))
        basis = rule_of(f, kb).basis
        if norm and not brief and (ref or basis is Basis.LAW):
            return _cap(t(lang, "sentence.open", who=whom, question=question, norm=norm))
        if norm and not brief:  # the rule's own articles, but the law does not ask this: say whose norm it is
            form = "sentence.open_policy" if basis is Basis.POLICY else "sentence.open_guidance"
            return _cap(t(lang, form, who=whom, question=question, title=title(f, kb, lang)))
        return _cap(t(lang, "sentence.open_plain", who=whom, question=question))
    if f.message == "finding.not_an_answer":
        return _cap(t(lang, "sentence.not_an_answer", who=whom, text=args.get("text", ""), question=question))
    if f.message in ("finding.depends_on", "finding.depends_on_at") and args.get("rule") in kb.criteria:
        rule = args["rule"]
        form = "sentence.depends_gap" if args.get("status") == Status.GAP.value else "sentence.depends_open"
        return _cap(t(lang, form, who=whom, rule=rule, title=kb.criteria[rule].title.get(lang)))
    if f.message in ("finding.value_not_met", "finding.enum_not_met"):
        return f"{_case(f, path, field, whom, lang)} {_falls_short(f, kb, norm, lang)}"
    if f.message.startswith("system.") and "capability" in args:
        return _system(f, args, whom, lang) or _detail(f, kb, whom, norm, lang)
    return _detail(f, kb, whom, norm, lang)


def case_key(f: Finding) -> tuple[str, ...]:
    """What a finding says apart from its target: places with the same key read as one sentence."""
    if not f.message:
        return (f.rule, f.status.value, f.target, f.path)
    args = tuple((k, re.sub(r"\[\d+\]", "[]", v) if k in ("field", "path") else v) for k, v in f.args)
    return (f.rule, f.status.value, f.message, *(f"{k}={v}" for k, v in args))


def _case(f: Finding, path: JsonPath, field: str, whom: str, lang: str) -> str:
    value = dict(f.args).get("value", "")
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    enum_name = field_enum(path) if f.message == "finding.enum_not_met" else None
    specific = (
        lookup(lang, f"case.{key}.{value}")
        if enum_name or value not in ("no", "False", "false")
        else lookup(lang, f"case.{key}")
    )
    if specific is not None:
        right = ""
        if key == "procedure" and len(path) >= 2 and isinstance(path[-2], str):
            right = (lookup(lang, f"report.rights_{path[-2]}") or str(path[-2])).lower()
        return _cap(specific.format(who=whom, right=right))
    if enum_name:
        return _cap(t(lang, "sentence.enum", who=whom, field=field, value=label(value, lang, enum_name)))
    shown = {"no": t(lang, "word.no"), "yes": t(lang, "word.yes")}.get(value, value)
    if len(shown) > 1 and shown[0] == shown[-1] == "'":  # a quoted text: in typographic quotes, like the field
        shown = f"‘{shown[1:-1]}’"
    return _cap(t(lang, "sentence.value", who=whom, field=field, value=shown))


def _falls_short(f: Finding, kb: KnowledgeBase, norm: str, lang: str) -> str:
    """What the case falls short of. Only a rule based on the law says it falls short of the articles;
    guidance names itself as guidance (with the articles it gives effect to) and policy as the
    municipality's own policy, so no reader takes either for a legal obligation."""
    basis = rule_of(f, kb).basis
    if basis is Basis.POLICY:
        return t(lang, "sentence.falls_short_policy", title=title(f, kb, lang))
    if basis is Basis.GUIDANCE:
        if norm:
            return t(lang, "sentence.falls_short_guidance", title=title(f, kb, lang), norm=norm)
        return t(lang, "sentence.falls_short_guidance_plain", title=title(f, kb, lang))
    if f.status is Status.WAIVED:  # accepted: the norm is named, the acceptance is the reader's context
        return t(lang, "sentence.falls_short", norm=norm) if norm else ""
    if norm:
        return t(lang, "sentence.falls_short", norm=norm)
    return t(lang, "sentence.falls_short_rule", title=title(f, kb, lang))


def _system(f: Finding, args: dict[str, str], whom: str, lang: str) -> str:
    capability = capability_label(args["capability"], lang)
    if f.message == "system.missing":
        return t(lang, "sentence.system_missing", who=whom, capability=capability)
    if f.message == "system.no_capabilities":
        return t(lang, "sentence.system_none", who=whom, capability=capability)
    if f.message == "system.claimed":
        how = ", ".join(label(v.strip(), lang, "Verification") for v in args.get("verification", "").split(","))
        return t(lang, "sentence.system_claimed", who=whom, capability=capability, how=how)
    return ""


def _detail(f: Finding, kb: KnowledgeBase, whom: str, norm: str, lang: str) -> str:
    """A text the predicate wrote itself: as a sentence for the place, with the norm it falls short of."""
    detail = f.detail(lang).strip().rstrip(".")
    if not detail:
        return _falls_short(f, kb, norm, lang)
    text = t(lang, "sentence.detail", who=whom, detail=detail)
    if f.status is Status.GAP:
        text = f"{text} {_falls_short(f, kb, norm, lang)}"
    return text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@lru_cache(maxsize=4096)  # bounded: paths come from the description
def parse_path(path: str) -> JsonPath:
    """``$.processings[0].retention`` -> ``("processings", 0, "retention")`` (the inverse of ``json_path``)."""
    return tuple(int(i) if i else k for k, i in _PATH_PART.findall(path.removeprefix("$")))


#: fields whose title says little without the item they belong to
_GENERIC = frozenset(
    {"explanation", "reason", "reason_kind", "description", "date", "status", "outcome", "evidence", "justification"}
)


@lru_cache(maxsize=4096)
def _field_texts(path: JsonPath, lang: str) -> tuple[str, str, str]:
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    parent = _model_at(path[:-1]) if path and isinstance(path[-1], str) else None
    field = parent.model_fields.get(key) if parent is not None else None
    if field is None:
        name = key.replace("_", " ")
        return name, f"‘{name}’.", ""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    name = str(extra.get("x-title-en", key)) if lang == "en" else (field.title or key)
    if key in _GENERIC:  # "Toelichting" says little alone: "Toelichting bij Grondslag"
        owner = next((i for i in range(len(path) - 2, -1, -1) if isinstance(path[i], str)), None)
        if owner is not None:
            above = _field_texts((*path[:owner], path[owner]), lang)[0]
            above = above[:1].lower() + above[1:] if above[1:2].islower() else above
            name = t(lang, "sentence.field_of", field=name, owner=above)
    help_text = str(extra.get("x-help-en", "")) if lang == "en" else (field.description or "")
    question = help_text.strip()
    if not question.endswith("?") or len(question) > 160:
        question = f"‘{name}’."
    elif lang == "nl":  # lower case after the colon, as Dutch writes it
        question = question[:1].lower() + question[1:] if question[1:2].islower() else question
    return name, question, str(extra.get("x-ref", ""))


def field_texts(path: JsonPath, lang: str) -> tuple[str, str, str]:
    """A description field's title, its question (or the title quoted) and the article it serves."""
    return _field_texts(_shape(path), lang)


_LAW = re.compile(r"^(AVG|UAVG|GDPR|Gemeentewet|Wpg|WOR|Archiefwet(?: 1995)?|Awb|BIO2|Grondwet|AI-verordening)\s+(.+)$")


#: the English names of Dutch and EU acts that references cite by their Dutch name
_LAW_EN = {
    "Gemeentewet": "Municipalities Act",
    "Grondwet": "Constitution",
    "AI-verordening": "AI Act",
    "Archiefwet": "Archives Act",
    "Archiefwet 1995": "Archives Act",
    "Wpg": "Police Data Act (Wpg)",
    "WOR": "Works Councils Act",
    "Awb": "General Administrative Law Act",
}


@lru_cache(maxsize=1024)  # bounded: references come from the knowledge base and the model's fields
def articles(refs: str | tuple[str, ...], lang: str, limit: int = 3) -> str:
    """Legal references as a reader says them: ("AVG 6(1)", "AVG 6(3)") -> "AVG art. 6(1) en 6(3)"
    ("GDPR art. 6(1) and 6(3)" in English). Guidance, recitals and URNs are left out; at most ``limit``."""
    parts = [p.strip() for r in ([refs] if isinstance(refs, str) else refs) for p in r.split(";")]
    by_law: dict[str, list[str]] = {}
    law = ""
    for part in parts:
        for piece in (x.strip() for x in part.split(",")):
            found = _LAW.match(piece)
            if found:
                law, article = found.groups()
                article = re.sub(r"^art(?:ikel)?\.?\s+", "", article)  # "AI-verordening art. 27" is "27"
            elif law and re.match(r"^\d", piece):
                article = piece  # "AVG 6(1)(c), 6(1)(e)": the second article of the same law
            else:
                law = ""
                continue
            if law in ("AVG", "GDPR"):
                law = "GDPR" if lang == "en" else "AVG"
            elif lang == "en":
                law = _LAW_EN.get(law, law)
            items = by_law.setdefault(law, [])
            if article not in items and sum(len(v) for v in by_law.values()) < limit:
                items.append(article)
    joiner = t(lang, "sentence.and")
    out = []
    for name, items in by_law.items():
        if not items:
            continue
        listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]
        out.append(f"{name} {listed}" if name == "BIO2" else f"{name} art. {listed}")
    return "; ".join(out)


def references(f: Finding, kb: KnowledgeBase) -> tuple[str, ...]:
    return rule_of(f, kb).references


def group_name(code: str, kb: KnowledgeBase, lang: str) -> str:
    """A principle group's name; ``SE`` is the heading of the systeemeisen."""
    if code == "SE":
        return t(lang, "word.system_requirements")
    group = kb.groups.get(code)
    return group.name.get(lang) if group else code


def section_code(f: Finding) -> str:
    """Where a finding is listed: its principle group, or ``SE`` for a systeemeis."""
    return f.group if f.kind == "criterion" else "SE"


def hit_name(framework: str, item: str | int, lang: str) -> str:
    """The name of an AP-list type or a WP248 criterion by its number; empty for other frameworks."""
    table = _NAMED.get(framework)
    if table is None or not str(item).isdigit() or int(item) not in table:
        return ""
    nl, en = table[int(item)]
    return pick(lang, nl, en)

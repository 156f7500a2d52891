"""Evaluation: description + knowledge base -> findings, screening and gate decision. Pure and deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from pbd import __version__
from pbd.description import LoadedDescription
from pbd.description.loading import _field_title, _shape, field_enum
from pbd.description.placeholders import is_placeholder, strip_placeholders
from pbd.description.source import JsonPath, Source, json_path
from pbd.engine.findings import Assessment, Finding, ProfileStamp, WaiverNote
from pbd.engine.predicates import PREDICATES
from pbd.engine.screening import Screening, screen
from pbd.engine.systems import system_findings
from pbd.engine.views import DERIVED_SOURCE, party_derived, processing_derived, system_derived
from pbd.knowledge_base import Criterion, KnowledgeBase, SystemRequirement, evaluation_order
from pbd.messages import both, t
from pbd.vocabulary import Gate, RuleKind, Scope, Status, label

if TYPE_CHECKING:
    from pbd.profiles import Profile

Json = dict[str, Any]

_PROJECT_DERIVED_SOURCE: dict[str, JsonPath] = {
    "high_residual_risk": ("risks",),
    "risk_count": ("risks",),
    "processing_count": ("processings",),
}
_SYSTEM_DERIVED_SOURCE: dict[str, JsonPath] = {
    "outside_eea": ("hosting",),
    "non_eea_countries": ("hosting",),
    "external_hosting": ("hosting", "model"),
    "processings": (),
}


@dataclass(slots=True)
class _View:
    """One object in scope: its view, its path in the description, and index maps for context lists."""

    target: str
    base: JsonPath
    view: Json
    derived_source: dict[str, JsonPath]
    derived_base: JsonPath
    systems_index: list[int]
    processings_index: list[int]
    #: the view cut down to the top-level keys a schema can look at (see :func:`_schema_keys`)
    cut: dict[frozenset[str], Json] = field(default_factory=dict)

    def keys(self, keys: frozenset[str] | None) -> Json:
        """The view with only ``keys`` (all of it for None), in the view's own key order."""
        if keys is None:
            return self.view
        cut = self.cut.get(keys)
        if cut is None:
            cut = self.cut[keys] = {k: v for k, v in self.view.items() if k in keys}
        return cut


@dataclass(frozen=True, slots=True)
class Views:
    """Every object a criterion can be about, per scope, and the DPIA screening they were built with."""

    by_scope: dict[str, list[_View]]
    screening: Screening


def build_views(data: Json, today: dt.date | None = None) -> Views:
    """The views of a description (plain JSON data, as :meth:`LoadedDescription.data` gives it).

    With ``today`` the project's view carries it as ``_today`` (ISO date), for the predicates that
    compare a date in the description with the date of the evaluation."""
    project: Json = data["project"]
    parties: list[Json] = data.get("parties", [])
    processings: list[Json] = data.get("processings", [])
    systems: list[Json] = data.get("systems", [])
    risks: list[Json] = data.get("risks", [])
    system_pos = {s["id"]: i for i, s in enumerate(systems)}

    derived: dict[str, Json] = {}
    linked: dict[str, list[int]] = {}
    for proc in processings:
        idx = [system_pos[s] for s in proc.get("systems", []) if s in system_pos]
        linked[proc["id"]] = idx
        derived[proc["id"]] = processing_derived(proc, [systems[i] for i in idx], parties)
    screening = screen(data)
    screen_view = screening.view()
    if screening.dpia == "undetermined" and len(set(screening.edpb)) >= 2:
        # an AP question is still open, but two WP248 criteria already hold: a DPIA is at least mandatory
        # unless argued, whatever that question's answer (the criteria see this as ``at_least``)
        screen_view["at_least"] = "mandatory_unless_argued"

    project_derived = _project_derived(derived, risks, processings)
    views: dict[str, list[_View]] = {
        "project": [
            _View(
                "project",
                ("project",),
                {
                    **project,
                    "_parties": parties,
                    "_processings": processings,
                    "_systems": systems,
                    "_risks": risks,
                    "_waivers": data.get("waivers", []),
                    "_derived": project_derived,
                    "_screening": screen_view,
                    **({"_today": today.isoformat()} if today is not None else {}),
                },
                _PROJECT_DERIVED_SOURCE,
                (),
                list(range(len(systems))),
                list(range(len(processings))),
            )
        ],
        "processing": [
            _View(
                proc["id"],
                ("processings", i),
                {
                    **proc,
                    "_project": project,
                    "_parties": parties,
                    "_systems": [systems[j] for j in linked[proc["id"]]],
                    "_derived": derived[proc["id"]],
                    "_screening": screen_view,
                },
                DERIVED_SOURCE,
                ("processings", i),
                linked[proc["id"]],
                [],
            )
            for i, proc in enumerate(processings)
        ],
        "party": [
            _View(
                party["name"],
                ("parties", i),
                {
                    **party,
                    "_project": project,
                    "_processings": processings,
                    "_derived": party_derived(party),
                    "_screening": screen_view,
                },
                {"external": ("role",), "outside_eea": ("country",)},
                ("parties", i),
                [],
                list(range(len(processings))),
            )
            for i, party in enumerate(parties)
        ],
        "system": [],
    }
    for i, system in enumerate(systems):
        served = _served(system, processings)
        views["system"].append(
            _View(
                system["id"],
                ("systems", i),
                {
                    **system,
                    "_project": project,
                    "_processings": [processings[j] for j in served],
                    "_derived": system_derived(
                        system, [processings[j] for j in served], [derived[processings[j]["id"]] for j in served]
                    ),
                    "_screening": screen_view,
                },
                _SYSTEM_DERIVED_SOURCE,
                ("systems", i),
                [],
                served,
            )
        )
    return Views(views, screening)


def evaluate(
    loaded: LoadedDescription,
    kb: KnowledgeBase,
    *,
    gate: Gate | None = None,
    today: dt.date,
    waivers: bool = True,
    profile: Profile | None = None,
) -> Assessment:
    """Evaluate one description. No I/O, no clock: the date is an argument.

    With a ``profile`` the knowledge base is first adapted to it (:func:`pbd.profiles.apply_profile`);
    without one, rules whose basis is policy are not evaluated at all.
    """
    if profile is not None and kb.profile is not profile:
        from pbd.profiles import profiled

        kb = profiled(kb, profile)
    profile = kb.profile
    original = loaded.data()
    data = strip_placeholders(original)  # "n.t.b." is not an answer: the field counts as absent
    source = loaded.source
    project: Json = data["project"]
    built = build_views(data, today)
    views = built.by_scope
    plan = _plan(kb)

    by_rule: dict[str, list[Finding]] = {}
    applicable: dict[str, set[str]] = {}  # criterion id -> targets it applies to
    #: (criterion id, target) -> its first gap, else its first open finding (what a dependant waits for)
    undone: dict[tuple[str, str], Finding] = {}
    for crit, keys in plan.criteria:  # dependencies first
        out = by_rule[crit.id] = []
        for v in views[crit.scope]:
            if not crit.applies.is_valid(v.view):
                out.append(_finding(crit, v, Status.NOT_APPLICABLE, v.base, source))
                continue
            if crit.exempt is not None and crit.exempt.schema.is_valid(v.view):
                found = [_exempt(crit, v, source, original)]
                if found[0].status is Status.NOT_APPLICABLE:
                    out.extend(found)
                    continue
            else:
                found = _check(crit, keys, v, source, original)
            applicable.setdefault(crit.id, set()).add(v.target)
            if crit.depends_on and found[0].status is Status.MET:
                found = [_dependent(crit, v, found[0], undone, source)]
            if crit.id in plan.depended_on:
                key = (crit.id, v.target)
                for f in found:
                    prev = undone.get(key)
                    if (f.status is Status.GAP and (prev is None or prev.status is not Status.GAP)) or (
                        f.status is Status.OPEN and prev is None
                    ):
                        undone[key] = f
            out.extend(found)
    findings = [f for cid in plan.output_order for f in by_rule[cid]]

    findings.extend(
        system_findings(
            plan.system_requirements,
            plan.about_processings,
            views["system"],
            data.get("processings", []),
            applicable,
            source,
            today,
        )
    )

    notes: list[WaiverNote] = []
    if waivers:
        findings, notes = _apply_waivers(
            findings,
            data.get("waivers", []),
            today,
            known=kb.criteria.keys() | kb.system_requirements.keys(),
            kb_version=kb.version,
        )

    return Assessment(
        file=loaded.name,
        input_sha256=loaded.sha256,
        project=project["name"],
        organisation=project.get("organisation"),
        phase=Gate(project["phase"]) if "phase" in project else None,
        date=today,
        gate=gate if gate is not None else (Gate(project["phase"]) if "phase" in project else None),
        kb_version=kb.version,
        kb_sha256=kb.sha256,
        pbd_version=__version__,
        screening=built.screening,
        findings=tuple(findings),
        waiver_notes=tuple(notes),
        waivers_applied=waivers,
        profile=ProfileStamp(profile.id, profile.version, profile.sha256, profile.organisation)
        if profile is not None
        else None,
        serves={sid: se.criteria for sid, se in kb.system_requirements.items()},
        from_version=loaded.from_version,
        migration_notes=loaded.migration_notes,
    )


# --------------------------------------------------------------------------------------------
# what is worked out once per knowledge base (not per description)

#: keywords whose subschemas apply to the same object (so their keys count too)
_COMBINING_KEYWORDS = {"allOf", "anyOf", "oneOf", "not", "if", "then", "else"}
#: keywords that read no key of an object (annotations; ``type`` holds for a cut view iff for the whole)
_NEUTRAL_KEYWORDS = {
    "$schema",
    "$id",
    "$comment",
    "$defs",
    "definitions",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "type",
}


def _schema_keys(schema: Any, root: Json, seen: frozenset[int] = frozenset()) -> frozenset[str] | None:
    """The top-level keys of the instance that ``schema`` can look at; None when it can look at any key.

    Why: jsonschema-rs turns every error it reports, with the instance it is about, into Python
    objects and text, so explaining a failing requirement against the whole view (which carries
    the project, the parties, the systems …) costs several times more than against the few keys
    the requirement reads. Cut to those keys the view gives the same errors — same paths, kinds
    and values — because every keyword accepted below reads only the keys it names; a keyword
    that could read any key (``additionalProperties``, ``const`` on the whole object, an unknown
    one …) keeps the whole view. Only a root-level error's instance differs (the cut view), and
    :func:`_describe` shows any mapping as ``{…}``.
    """
    if isinstance(schema, bool):
        return frozenset()
    if not isinstance(schema, dict) or id(schema) in seen:
        return None
    seen = seen | {id(schema)}
    keys: set[str] = set()
    for keyword, value in schema.items():
        if keyword in _NEUTRAL_KEYWORDS or keyword.startswith("x-"):
            continue
        if keyword in {"properties", "dependentSchemas"}:
            keys.update(value)
            if keyword == "dependentSchemas":
                for sub in value.values():
                    found = _schema_keys(sub, root, seen)
                    if found is None:
                        return None
                    keys.update(found)
        elif keyword == "required":
            keys.update(value)
        elif keyword == "dependentRequired":
            keys.update(value)
            for names in value.values():
                keys.update(names)
        elif keyword in _COMBINING_KEYWORDS:
            for sub in value if isinstance(value, list) else [value]:
                found = _schema_keys(sub, root, seen)
                if found is None:
                    return None
                keys.update(found)
        elif keyword == "$ref" and isinstance(value, str) and value.startswith("#/"):
            target: Any = root
            for token in value[2:].split("/"):
                part = token.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    return None
                target = target[part]
            found = _schema_keys(target, root, seen)
            if found is None:
                return None
            keys.update(found)
        else:
            return None
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class _Plan:
    """Per knowledge base: the criteria in order with the keys their requirement reads, and the systeemeisen links."""

    #: the enabled criteria, every dependency before the criteria that need it
    criteria: tuple[tuple[Criterion, frozenset[str] | None], ...]
    #: criterion id -> whether its scope is processing
    about_processings: dict[str, bool]
    #: the enabled systeemeisen
    system_requirements: tuple[SystemRequirement, ...]
    #: the enabled criteria in knowledge base order: the order of the findings
    output_order: tuple[str, ...]
    #: the criteria another one depends on: only their gaps and open questions are remembered
    depended_on: frozenset[str]


_PLANS: dict[int, tuple[KnowledgeBase, _Plan]] = {}  # id(kb) -> (kb, plan); the kb is kept so its id stays unique


def _plan(kb: KnowledgeBase) -> _Plan:
    cached = _PLANS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    enabled = {cid: c for cid, c in kb.criteria.items() if c.enabled}
    criteria = tuple(
        (c, None if c.requirement is None else _schema_keys(c.data["requirement"], c.data["requirement"]))
        for c in (enabled[cid] for cid in evaluation_order(enabled))
    )
    about = {cid: c.scope is Scope.PROCESSING for cid, c in enabled.items()}
    plan = _Plan(
        criteria,
        about,
        tuple(se for se in kb.system_requirements.values() if se.enabled),
        tuple(enabled),
        frozenset(d.criterion for c in enabled.values() for d in c.depends_on),
    )
    if len(_PLANS) >= 8:  # a process uses one knowledge base; tests load a few
        _PLANS.clear()
    _PLANS[id(kb)] = (kb, plan)
    return plan


def _project_derived(derived: dict[str, Json], risks: list[Json], processings: list[Json]) -> Json:
    out: Json = {}
    for d in derived.values():
        for key, value in d.items():
            if isinstance(value, bool):
                out[key] = out.get(key, False) or value
    out["processing_count"] = len(processings)
    out["risk_count"] = len(risks)
    out["high_residual_risk"] = any(r.get("residual") == "hoog" for r in risks)
    out.setdefault("personal_data", False)
    return out


def _finding(
    crit: Criterion,
    v: _View,
    status: Status,
    path: JsonPath,
    source: Source,
    nl: str = "",
    en: str = "",
    *,
    depends_on: tuple[str, ...] = (),
    exempt_reason: str | None = None,
    said: _Said | None = None,
) -> Finding:
    if said is not None:
        nl, en = said.nl, said.en
    line, col = source.position(path)
    args = said.args if said is not None else ()
    about = _about(v, path)
    if about:  # a project-wide norm missed by one party or processing: the sentence names it, not "the project"
        args = (*args, ("about", about))
    return Finding(
        rule=crit.id,
        kind=RuleKind.CRITERION,
        group=crit.group,
        target=v.target,
        status=status,
        severity=crit.severity,
        gate=crit.gate,
        path=json_path(path),
        line=line,
        column=col,
        detail_nl=nl,
        detail_en=en,
        basis=crit.basis,
        depends_on=depends_on,
        exempt_reason=exempt_reason,
        message=said.message if said is not None else "",
        args=args,
    )


def _about(v: _View, path: JsonPath) -> str:
    """For a finding of the project's view at a party or processing: that party's name or processing's id."""
    if v.target != "project" or len(path) < 2 or not isinstance(path[1], int):
        return ""
    items = v.view.get("_parties" if path[0] == "parties" else "_processings" if path[0] == "processings" else "", [])
    if not isinstance(items, list) or path[1] >= len(items) or not isinstance(items[path[1]], dict):
        return ""
    item: Json = items[path[1]]
    return str(item.get("name") if path[0] == "parties" else item.get("id") or "")


@dataclass(frozen=True, slots=True)
class _Said:
    """A finding's explanation as a message id with language-neutral arguments, and its two texts."""

    message: str
    args: tuple[tuple[str, str], ...]
    nl: str
    en: str


def _say(msg_id: str, neutral: tuple[tuple[str, str], ...], **shown: str | tuple[str, str]) -> _Said:
    """Fill ``msg_id`` in both languages; a pair argument is (Dutch, English), a string is the same in both."""
    return _Said(msg_id, neutral, *both(msg_id, **shown))


def _lookup(data: Any, path: JsonPath) -> Any:
    """The value at a description path, or None."""
    for elem in path:
        if isinstance(elem, int):
            if not isinstance(data, list) or not 0 <= elem < len(data):
                return None
        elif not isinstance(data, dict) or elem not in data:
            return None
        data = data[elem]
    return data


def _placeholder_at(original: Json, path: JsonPath) -> str | None:
    """The placeholder text the description gives at ``path`` (removed before judging), if any."""
    value = _lookup(original, path)
    return value if isinstance(value, str) and is_placeholder(value) else None


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_names(path: JsonPath) -> tuple[str, str]:
    named = [p for p in path if isinstance(p, str)]
    title = _field_title(tuple(path)) if path and isinstance(path[-1], str) else None
    return title if title else (named[-1] if named else "$", named[-1] if named else "$")


def _not_an_answer(path: JsonPath, text: str) -> _Said:
    shown = _quote(text, 60)
    return _say(
        "finding.not_an_answer", (("field", json_path(path)), ("text", shown)), text=shown, field=_field_names(path)
    )


def _exempt(crit: Criterion, v: _View, source: Source, original: Json) -> Finding:
    """``exempt_when`` holds: n.v.t. with the reason quoted, or open at the reason field without one."""
    assert crit.exempt is not None
    view_path: list[str | int] = list(crit.exempt.reason)
    reason: Any = v.view
    for key in view_path:
        reason = reason.get(key) if isinstance(reason, dict) else None
    path = _map_path(v, view_path)
    if isinstance(reason, str) and reason.strip():
        quoted = _quote(reason)
        return _finding(
            crit,
            v,
            Status.NOT_APPLICABLE,
            path,
            source,
            exempt_reason=reason,
            said=_say("finding.exempt_because", (("reason", quoted),), reason=quoted),
        )
    names = _field_names(path)
    field = ("field", json_path(path))
    text = _placeholder_at(original, path)
    if text is not None:
        shown = _quote(text, 60)
        said = _say("finding.exempt_not_an_answer", (field, ("text", shown)), text=shown, field=names)
    else:
        said = _say("finding.exempt_not_answered", (field,), field=names)
    return _finding(crit, v, Status.OPEN, path, source, said=said)


def _dependent(
    crit: Criterion, v: _View, met: Finding, undone: dict[tuple[str, str], Finding], source: Source
) -> Finding:
    """A would-be *met* of a criterion whose dependency is gap or open: it takes that status, naming it."""
    worst: Finding | None = None
    for dep in crit.depends_on:
        if dep.same_target:
            found = undone.get((dep.criterion, v.target))
        else:
            found = next((f for (cid, _), f in undone.items() if cid == dep.criterion and f.status is Status.GAP), None)
            found = found or next((f for (cid, _), f in undone.items() if cid == dep.criterion), None)
        if found is not None and (worst is None or (found.status is Status.GAP and worst.status is not Status.GAP)):
            worst = found
    if worst is None:
        return met
    status = (label(worst.status, "nl"), label(worst.status, "en"))
    detail = (worst.detail_nl or worst.path, worst.detail_en or worst.path)
    neutral: tuple[tuple[str, str], ...] = (("rule", worst.rule), ("status", worst.status.value), ("path", worst.path))
    if worst.target == v.target:
        said = _say("finding.depends_on", neutral, rule=worst.rule, status=status, detail=detail)
    else:
        neutral = (*neutral, ("target", worst.target))
        said = _say(
            "finding.depends_on_at", neutral, rule=worst.rule, target=worst.target, status=status, detail=detail
        )
    return _finding(crit, v, worst.status, v.base, source, depends_on=(worst.rule, *worst.depends_on), said=said)


def _map_path(v: _View, view_path: list[str | int]) -> JsonPath:
    """A path inside a view -> the path in the description it stands for."""
    if not view_path:
        return v.base
    head, rest = view_path[0], tuple(view_path[1:])
    if head == "_derived":
        if not rest:
            return v.derived_base
        return (*v.derived_base, *v.derived_source.get(str(rest[0]), ()))
    if head == "_screening":
        return ()
    if head == "_project":
        return ("project", *rest)
    if head == "_parties":
        return ("parties", *rest)
    if head == "_risks":
        return ("risks", *rest)
    if head == "_waivers":
        return ("waivers", *rest)
    if head in ("_systems", "_processings"):
        index = v.systems_index if head == "_systems" else v.processings_index
        name = "systems" if head == "_systems" else "processings"
        if rest and isinstance(rest[0], int) and rest[0] < len(index):
            return (name, index[rest[0]], *rest[1:])
        return (name,)
    return (*v.base, *view_path)


_A_LIST, _A_DICT = object(), object()  # stand-ins for a list or mapping value: shown as […] or {…} whatever is in it


def _describe(path: JsonPath, value: Any, status: Status) -> _Said:
    """The one-line explanation of a finding: it depends on the keys of the path (not its indexes) and the value."""
    if status is Status.OPEN:
        value = None  # not shown
    elif isinstance(value, list):
        value = _A_LIST
    elif isinstance(value, dict):
        value = _A_DICT
    return _describe_shape(_shape(path), value, status)


@lru_cache(maxsize=4096, typed=True)  # bounded: values are user text; typed: True and 1 are shown differently
def _describe_shape(path: JsonPath, value: Any, status: Status) -> _Said:
    if value is _A_LIST or value is _A_DICT:
        value = [] if value is _A_LIST else {}
    names = _field_names(path)
    field = ("field", json_path(path))
    if status is Status.OPEN:
        return _say("finding.not_answered", (field,), field=names)
    enum_name = field_enum(path) if isinstance(value, str) else None
    if enum_name is not None:
        shown = (label(value, "nl", enum_name), label(value, "en", enum_name))
        return _say("finding.enum_not_met", (field, ("value", value)), field=names, value=shown)
    neutral = (field, ("value", _show(value, "en")))
    return _say("finding.value_not_met", neutral, field=names, value=(_show(value, "nl"), _show(value, "en")))


def _show(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return t(lang, "word.yes") if value else t(lang, "word.no")
    if isinstance(value, (dict, list)):
        text = "[…]" if isinstance(value, list) else "{…}"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a derived number of days: 365, not 365.0
    else:
        text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _errors(requirement: jsonschema_rs.Validator, v: _View, view: Json) -> list[tuple[JsonPath, bool, Any]]:
    """The requirement's errors as (description path, whether the answer is missing, the value that is wrong)."""
    out: list[tuple[JsonPath, bool, Any]] = []
    for err in requirement.iter_errors(view):
        view_path = list(err.instance_path)
        kind = err.kind
        if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):  # the answer is missing: open
            view_path.append(kind.property)
            out.append((_map_path(v, view_path), True, None))
        else:
            out.append((_map_path(v, view_path), False, err.instance))
    return out


def _check(crit: Criterion, keys: frozenset[str] | None, v: _View, source: Source, original: Json) -> list[Finding]:
    by_path: dict[JsonPath, tuple[bool, Any]] = {}  # path -> (all errors are "required", value)
    details: dict[JsonPath, tuple[str, str] | _Said] = {}
    # is_valid is several times cheaper than collecting errors: only a failing requirement is explained
    if crit.requirement is not None and not crit.requirement.is_valid(v.keys(keys)):
        errors = _errors(crit.requirement, v, v.keys(keys))
        if len({path for path, _, _ in errors}) < len(errors) and keys is not None:
            # Two errors on one place: which value is shown depends on the order of the errors, and
            # jsonschema-rs may order them differently for the cut view. Ask the whole view, as always.
            errors = _errors(crit.requirement, v, v.view)
        for path, required, value in errors:
            prev = by_path.get(path)
            by_path[path] = (required and (prev is None or prev[0]), value)
    if crit.predicate is not None:
        for res in PREDICATES[crit.predicate](v.view):
            path = _map_path(v, list(res.path))
            prev = by_path.get(path)
            by_path[path] = (res.status == "open" and (prev is None or prev[0]), None)
            details[path] = (res.detail_nl, res.detail_en)
    if not by_path:
        return [_finding(crit, v, Status.MET, v.base, source)]
    out = []
    for path in sorted(by_path, key=json_path):
        only_required, value = by_path[path]
        status = Status.OPEN if only_required else Status.GAP
        detail = details.get(path)
        if detail is None and status is Status.OPEN:
            text = _placeholder_at(original, path)
            if text is not None:
                detail = _not_an_answer(path, text)
        said = detail if isinstance(detail, _Said) else None
        if detail is None:
            said = _describe(path, value, status)
        if said is not None:
            out.append(_finding(crit, v, status, path, source, said=said))
        else:
            assert isinstance(detail, tuple)
            out.append(_finding(crit, v, status, path, source, *detail))
    return out


def _served(system: Json, processings: list[Json]) -> list[int]:
    """Indexes of the processings a system serves: those that link it, and those that link no system."""
    return [j for j, p in enumerate(processings) if system["id"] in p.get("systems", []) or not p.get("systems")]


def _apply_waivers(
    findings: list[Finding], waivers: list[Json], today: dt.date, *, known: AbstractSet[str], kb_version: str
) -> tuple[list[Finding], list[WaiverNote]]:
    valid: list[tuple[int, Json]] = []
    notes: list[WaiverNote] = []
    for i, w in enumerate(waivers):
        missing = [k for k in ("reason", "approved_by", "expires") if not w.get(k)]
        if w["criterion"] not in known:  # a typo or a rule this knowledge base no longer has: it accepts nothing
            rule, version = w["criterion"], kb_version
            nl, en = (
                t("nl", "waiver.unknown", rule=rule, version=version),
                t("en", "waiver.unknown", rule=rule, version=version),
            )
            notes.append(WaiverNote(i, rule, nl, en))
        elif missing:
            notes.append(
                WaiverNote(
                    i,
                    w["criterion"],
                    t("nl", "waiver.incomplete", missing=", ".join(missing)),
                    t("en", "waiver.incomplete", missing=", ".join(missing)),
                )
            )
        elif dt.date.fromisoformat(w["expires"]) < today:
            expired = (t("nl", "waiver.expired", date=w["expires"]), t("en", "waiver.expired", date=w["expires"]))
            notes.append(WaiverNote(i, w["criterion"], *expired))
        else:
            valid.append((i, w))
    used: set[int] = set()
    out: list[Finding] = []
    for f in findings:
        kept = f
        if f.status is Status.GAP:
            for i, w in valid:
                if w["criterion"] == f.rule and w.get("target") in (None, f.target):
                    kept = dataclasses.replace(f, status=Status.WAIVED, waiver=i)
                    used.add(i)
                    break
        out.append(kept)
    for i, w in valid:
        if i not in used:
            notes.append(
                WaiverNote(
                    i,
                    w["criterion"],
                    t("nl", "waiver.unused"),
                    t("en", "waiver.unused"),
                )
            )
    notes.sort(key=lambda n: n.index)
    return out, notes


__all__ = ["Screening", "Views", "build_views", "evaluate"]

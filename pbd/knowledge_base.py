"""The knowledge base: referentiekader, criteria and systeemeisen, validated and compiled once.

Every file is checked against its committed meta-schema, every schema is compiled, every
cross-reference resolved. Any problem raises :class:`KnowledgeBaseError` naming the file: a
compliance tool never skips a rule silently.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import jsonschema_rs

from pbd.capabilities import CAPABILITIES
from pbd.engine.predicates import PREDICATES
from pbd.errors import KnowledgeBaseError
from pbd.messages import pick
from pbd.resources import knowledge_base_dir, meta_schema_path
from pbd.vocabulary import Basis, Gate, RuleKind, Scope, Severity

if TYPE_CHECKING:
    import jsonschema

    from pbd.profiles import Profile

Json = dict[str, Any]
GROUP_ORDER = ("RM", "DB", "DM", "JU", "OB", "IV", "TR", "RB", "VA")


@dataclass(frozen=True, slots=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return pick(lang, self.nl, self.en)


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    name: Text
    description: Text
    data: Json


class Rule(Protocol):
    """What criteria and systeemeisen have in common, for reporters that show either."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> RuleKind: ...
    @property
    def group(self) -> str: ...
    @property
    def title(self) -> Text: ...
    @property
    def fix(self) -> Text: ...
    @property
    def references(self) -> tuple[str, ...]: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def gate(self) -> Gate: ...
    @property
    def basis(self) -> Basis: ...
    @property
    def enabled(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Dependency:
    """``depends_on`` entry: this criterion cannot be met while ``criterion`` is gap or open."""

    criterion: str
    same_target: bool = True


@dataclass(frozen=True, slots=True)
class Exemption:
    """``exempt_when``: n.v.t. when ``schema`` holds, with the reason found at ``reason`` in the view."""

    schema: jsonschema_rs.Validator = field(repr=False)
    reason: tuple[str, ...]


@dataclass(slots=True)
class Criterion:
    id: str
    group: str
    scope: Scope
    title: Text
    norm: Text
    rationale: Text
    remediation: Text
    severity: Severity
    gate: Gate
    dpia_section: int
    references: tuple[str, ...]
    strategy: str
    system_requirements: tuple[str, ...]
    no_system_requirement_reason: Text | None
    predicate: str | None
    data: Json
    file: Path
    applies: jsonschema_rs.Validator = field(repr=False)
    requirement: jsonschema_rs.Validator | None = field(repr=False)
    basis: Basis = Basis.LAW
    #: evaluated at all: ``enabled_by_default`` (policy: false), or switched on by a profile
    enabled: bool = True
    depends_on: tuple[Dependency, ...] = ()
    exempt: Exemption | None = field(default=None, repr=False)
    #: the profile that added or changed it (None: as bundled)
    profile: str | None = None

    kind = RuleKind.CRITERION

    @property
    def fix(self) -> Text:
        return self.remediation


@dataclass(slots=True)
class SystemRequirement:
    id: str
    area: str
    title: Text
    text: Text
    capability: str
    verification: tuple[str, ...]
    criteria: tuple[str, ...]
    severity: Severity
    references: tuple[str, ...]
    data: Json
    file: Path
    applies: jsonschema_rs.Validator | None = field(default=None, repr=False)
    basis: Basis = Basis.LAW
    enabled: bool = True
    profile: str | None = None

    kind = RuleKind.SYSTEM_REQUIREMENT
    #: systeemeisen are settled when the system is bought
    gate = Gate.AANBESTEDING

    @property
    def group(self) -> str:
        return self.area

    @property
    def fix(self) -> Text:
        return self.text


@dataclass(slots=True)
class KnowledgeBase:
    """The loaded, validated and compiled knowledge base."""

    version: str
    sha256: str
    title: Text
    groups: dict[str, Group]
    criteria: dict[str, Criterion]
    system_requirements: dict[str, SystemRequirement]
    root: Path
    #: the municipal profile applied to this copy (:func:`pbd.profiles.apply_profile`); None as bundled
    profile: Profile | None = None

    def criterion(self, cid: str) -> Criterion:
        try:
            return self.criteria[cid]
        except KeyError:
            raise KeyError(f"no such criterion: {cid!r}") from None

    @staticmethod
    def load(root: Path | None = None) -> KnowledgeBase:
        """Load the knowledge base (from ``root``, ``$PBD_KB`` or the bundled content)."""
        return _load(Path(root) if root is not None else knowledge_base_dir())


@cache
def default_knowledge_base() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    return KnowledgeBase.load()


def _text(d: Json) -> Text:
    return Text(d["nl"], d["en"])


@cache
def _meta(name: str) -> jsonschema.protocols.Validator:
    """The meta-schema as a jsonschema validator: only for a broken file's message (imported then, not at start-up)."""
    import jsonschema

    schema = json.loads(meta_schema_path(name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _read_json(path: Path, digest: Any) -> Json:
    from pbd import limits  # one limit policy for every reader

    try:
        raw = limits.read_bounded(path, limits.KNOWLEDGE_BASE)
    except limits.LimitError as exc:
        raise KnowledgeBaseError(str(path), exc.en, "A knowledge base file is a small JSON object.") from None
    except OSError as exc:
        raise KnowledgeBaseError(
            str(path), f"cannot read ({exc.strerror})", "Check the file exists and is readable."
        ) from None
    digest.update(path.name.encode() + b"\0" + raw + b"\0")
    try:
        data = limits.parse_json(raw.decode("utf-8"), limits.KNOWLEDGE_BASE)
    except limits.LimitError as exc:
        raise KnowledgeBaseError(str(path), exc.en, "A knowledge base file is a small JSON object.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnowledgeBaseError(
            str(path), f"not valid JSON ({exc})", "Fix the syntax; every knowledge base file is JSON."
        ) from None
    if not isinstance(data, dict):
        raise KnowledgeBaseError(str(path), "not a JSON object", "A knowledge base file holds one object.")
    return data


@cache
def _fast_meta(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(json.loads(meta_schema_path(name).read_text(encoding="utf-8")))


def _check_meta(path: Path, data: Json, meta: str) -> None:
    if _fast_meta(meta).is_valid(data):
        return
    # slow path only for broken files: jsonschema gives the most readable message
    errors = sorted(_meta(meta).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top)"
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        raise KnowledgeBaseError(
            str(path), f"does not match {meta} at {where}: {err.message}{more}", "See docs/AUTHORING.md for the format."
        )


def _compile(path: Path, schema: Json, what: str) -> jsonschema_rs.Validator:
    try:
        return jsonschema_rs.validator_for(schema)  # also checks the schema against its meta-schema
    except (ValueError, jsonschema_rs.ValidationError) as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KnowledgeBaseError(
            str(path), f"{what} is not a valid JSON Schema ({msg})", "Fix the schema; see docs/AUTHORING.md."
        ) from None


def _load(root: Path) -> KnowledgeBase:
    crit_dir = root / "criteria"
    se_dir = root / "system_requirements"
    for folder in (crit_dir, se_dir):
        if not folder.is_dir():
            raise KnowledgeBaseError(
                str(folder),
                "knowledge base folder missing",
                "Reinstall pbd or point PBD_KB at a folder holding criteria/ and system_requirements/.",
            )
    digest = hashlib.sha256()

    ref_path = crit_dir / "referentiekader.json"
    ref = _read_json(ref_path, digest)
    _check_meta(ref_path, ref, "referentiekader.schema.json")
    groups = {g["code"]: Group(g["code"], _text(g["name"]), _text(g["description"]), g) for g in ref["groups"]}
    missing_groups = [g for g in GROUP_ORDER if g not in groups]
    if missing_groups:
        raise KnowledgeBaseError(
            str(ref_path),
            f"principle groups missing: {', '.join(missing_groups)}",
            "Every group RM … VA needs an entry.",
        )

    criteria: dict[str, Criterion] = {}
    for path in sorted(crit_dir.glob("*.json")):
        if path.name == "referentiekader.json":
            continue
        crit = load_criterion(path, _read_json(path, digest))
        if crit.group != crit.id[:2]:
            raise KnowledgeBaseError(
                str(path), f"group {crit.group} does not match id {crit.id}", "The id starts with its group code."
            )
        criteria[crit.id] = crit

    ses: dict[str, SystemRequirement] = {}
    for path in sorted(se_dir.glob("*.json")):
        data = _read_json(path, digest)
        _check_meta(path, data, "system_requirement.schema.json")
        sid = data["id"]
        if path.stem != sid:
            raise KnowledgeBaseError(
                str(path), f"id {sid!r} differs from the file name", f"Rename the file to {sid}.json or fix the id."
            )
        if data["capability"] not in CAPABILITIES:
            raise KnowledgeBaseError(
                str(path),
                f"unknown capability {data['capability']!r}",
                "Use a key of pbd/capabilities.json (CAPABILITIES).",
            )
        for cid in data["criteria"]:
            if cid not in criteria:
                raise KnowledgeBaseError(
                    str(path), f"refers to criterion {cid} which does not exist", "Fix the id or add the criterion."
                )
        ses[sid] = SystemRequirement(
            id=sid,
            area=data["area"],
            title=_text(data["title"]),
            text=_text(data["text"]),
            capability=data["capability"],
            verification=tuple(data["verification"]),
            criteria=tuple(data["criteria"]),
            severity=Severity(data["severity"]),
            references=tuple(data.get("references", ())),
            data=data,
            file=path,
            applies=_compile(path, data["applies_when"], "applies_when") if "applies_when" in data else None,
            basis=Basis(data["basis"]),
            enabled=data.get("enabled_by_default", data["basis"] != Basis.POLICY),
        )
    for crit in criteria.values():
        for sid in crit.system_requirements:
            if sid not in ses:
                raise KnowledgeBaseError(
                    str(crit.file),
                    f"refers to systeemeis {sid} which does not exist",
                    "Fix the id or add the systeemeis.",
                )

    check_dependencies(criteria)
    ordered = dict(sorted(criteria.items(), key=lambda kv: (GROUP_ORDER.index(kv[1].group), kv[0])))
    return KnowledgeBase(
        version=ref["version"],
        sha256=digest.hexdigest(),
        title=_text(ref["title"]),
        groups={code: groups[code] for code in GROUP_ORDER},
        criteria=ordered,
        system_requirements=dict(sorted(ses.items())),
        root=root,
    )


def load_criterion(path: Path, data: Json) -> Criterion:
    """One criterion file's data, checked against the meta-schema and compiled (bundled or from a profile)."""
    _check_meta(path, data, "criterion.schema.json")
    cid = data["id"]
    if path.stem != cid:
        raise KnowledgeBaseError(
            str(path), f"id {cid!r} differs from the file name", f"Rename the file to {cid}.json or fix the id."
        )
    predicate = data.get("predicate")
    if predicate is not None and predicate not in PREDICATES:
        raise KnowledgeBaseError(
            str(path), f"unknown predicate {predicate!r}", f"Known predicates: {', '.join(sorted(PREDICATES))}."
        )
    exempt = data.get("exempt_when")
    basis = Basis(data["basis"])
    return Criterion(
        id=cid,
        group=data["group"],
        scope=Scope(data["scope"]),
        title=_text(data["title"]),
        norm=_text(data["norm"]),
        rationale=_text(data["rationale"]),
        remediation=_text(data["remediation"]),
        severity=Severity(data["severity"]),
        gate=Gate(data["gate"]),
        dpia_section=data["dpia_section"],
        references=tuple(data["references"]),
        strategy=data["strategy"],
        system_requirements=tuple(data.get("system_requirements", ())),
        no_system_requirement_reason=_text(data["no_system_requirement_reason"])
        if "no_system_requirement_reason" in data
        else None,
        predicate=predicate,
        data=data,
        file=path,
        applies=_compile(path, data["applies_when"], "applies_when"),
        requirement=_compile(path, data["requirement"], "requirement") if "requirement" in data else None,
        basis=basis,
        enabled=data.get("enabled_by_default", basis is not Basis.POLICY),
        depends_on=tuple(Dependency(d["criterion"], d.get("same_target", True)) for d in data.get("depends_on", ())),
        exempt=Exemption(_compile(path, exempt["schema"], "exempt_when.schema"), tuple(exempt["reason"].split(".")))
        if exempt is not None
        else None,
    )


def check_dependencies(criteria: dict[str, Criterion]) -> None:
    """Every ``depends_on`` names a known criterion of a fitting scope, and there is no cycle."""
    for crit in criteria.values():
        for dep in crit.depends_on:
            other = criteria.get(dep.criterion)
            if other is None:
                raise KnowledgeBaseError(
                    str(crit.file),
                    f"depends on criterion {dep.criterion} which does not exist",
                    "Fix the id in depends_on or add the criterion.",
                )
            if dep.same_target and other.scope != crit.scope:
                raise KnowledgeBaseError(
                    str(crit.file),
                    f"depends on {dep.criterion} on the same target, but {dep.criterion} is about a {other.scope}"
                    f" and {crit.id} about a {crit.scope}",
                    "Set same_target: false, or depend on a criterion of the same scope.",
                )
    evaluation_order(criteria)


def evaluation_order(criteria: dict[str, Criterion]) -> list[str]:
    """The criterion ids with every dependency before the criteria that need it (stable: otherwise in order).

    Raises :class:`KnowledgeBaseError` on a cycle, naming it.
    """
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def visit(cid: str, trail: list[str]) -> None:
        if state.get(cid) == 2:
            return
        if state.get(cid) == 1:
            cycle = [*trail[trail.index(cid) :], cid]
            raise KnowledgeBaseError(
                str(criteria[cid].file),
                f"depends_on forms a cycle: {' -> '.join(cycle)}",
                "Remove one of the dependencies; a criterion cannot wait for itself.",
            )
        state[cid] = 1
        for dep in criteria[cid].depends_on:
            if dep.criterion in criteria:
                visit(dep.criterion, [*trail, cid])
        state[cid] = 2
        order.append(cid)

    for cid in criteria:
        visit(cid, [])
    return order

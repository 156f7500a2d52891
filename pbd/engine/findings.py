"""The result types: a finding per rule per object, and the assessment of one description."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pbd.engine.screening import Screening
from pbd.messages import pick
from pbd.vocabulary import Basis, Gate, RuleKind, Severity, Status

if TYPE_CHECKING:
    from pbd.migrate import Note

RESULT_SCHEMA_VERSION = 1
_BASIS_RANK = {Basis.LAW: 0, Basis.GUIDANCE: 1, Basis.POLICY: 2}


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """What one rule (criterion or systeemeis) concluded about one object of the description.

    Treat it as immutable (change one with :func:`dataclasses.replace`). It is not declared frozen
    because a check creates some 320 of them per description, and a frozen dataclass's ``__init__``
    (``object.__setattr__`` per field) costs about four times a plain one's; it stays hashable.
    """

    rule: str  # criterion id (RM-07) or systeemeis id (SE-LG-01)
    kind: RuleKind
    group: str  # principle group (criteria) or function area (systeemeisen)
    target: str  # processing id, system id, party name, or "project"
    status: Status
    severity: Severity
    gate: Gate
    path: str  # JSON path into the description
    line: int
    column: int
    detail_nl: str = ""
    detail_en: str = ""
    waiver: int | None = None  # index of the waiver that covers it
    basis: Basis = Basis.LAW  # the rule's basis: law, guidance or policy
    #: the dependency chain that decided this status (``depends_on``): ("RM-10",) or ("RM-01", "RM-10")
    depends_on: tuple[str, ...] = ()
    #: n.v.t. through ``exempt_when``: the reason the description gives, quoted in the detail
    exempt_reason: str | None = None
    #: the detail as a message id of :mod:`pbd.messages` ("" where a predicate wrote the texts itself) and its
    #: language-neutral arguments (field = JSON path, value, rule, …); ``detail_nl``/``detail_en`` are its texts
    message: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def detail(self, lang: str) -> str:
        return pick(lang, self.detail_nl, self.detail_en)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity across runs: (rule, target, path) — used by diff and baselines."""
        return (self.rule, self.target, self.path)


@dataclass(frozen=True, slots=True)
class WaiverNote:
    """A waiver in the description that does not count, and why."""

    index: int
    rule: str
    reason_nl: str
    reason_en: str


def holds_project(f: Finding) -> bool:
    """Whether a privacy officer holds the project at the finding's gate for it (a gap or open question due by then).

    What the law demands holds it, at any severity. Guidance (EDPB, AP, BIO2) holds it from medium
    severity; low guidance and policy (a municipality's own choice, low unless a profile raises it)
    are advice: on the to-do list, not a reason for NO-GO. A municipal profile that raises a policy
    or guidance rule to medium or high makes it binding for that municipality, and then it holds.
    """
    return f.basis is Basis.LAW or f.severity.rank >= Severity.MEDIUM.rank


def holding_criteria(findings: Iterable[Finding], gate: Gate) -> frozenset[str]:
    """The criteria with a gap or open question that holds the project at ``gate`` (see :func:`holds_project`)."""
    rank = gate.rank
    return frozenset(
        f.rule
        for f in findings
        if f.kind is RuleKind.CRITERION
        and f.status in (Status.GAP, Status.OPEN)
        and f.gate.rank <= rank
        and holds_project(f)
    )


def holds(f: Finding, serves: Mapping[str, tuple[str, ...]], criteria: frozenset[str]) -> bool:
    """Whether ``f`` holds the project, given the criteria that hold it (:func:`holding_criteria`).

    A systeemeis is a means to meet a norm, not the norm: a capability a system lacks holds the project
    only together with a criterion it serves that is not met (the logging capability with the logging
    criterion). Where every criterion it serves is met on the facts, the missing capability is advice
    for the tender or for the system's management, not a reason for NO-GO.
    """
    if not holds_project(f):
        return False
    if f.kind is RuleKind.SYSTEM_REQUIREMENT:
        return any(c in criteria for c in serves.get(f.rule, ()))
    return True


@dataclass(frozen=True, slots=True)
class BlockingItem:
    """One reason to hold the project at a gate, as a privacy officer names it.

    A criterion with every target and path it fails on (the same norm missed by four processings is
    one reason, with four places), together with the failing systeemeisen that serve it (the
    logging criterion and the logging capability the systems lack). A systeemeis holds the project only
    with a criterion it serves (:func:`holds`).
    """

    rule: str
    kind: RuleKind
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> Severity:
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    @property
    def basis(self) -> Basis:
        return min((f.basis for f in self.findings), key=lambda b: _BASIS_RANK[b])

    @property
    def status(self) -> Status:
        return Status.GAP if any(f.status is Status.GAP for f in self.findings) else Status.OPEN

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.target for f in self.findings))

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))


def blocking_items(blocking: tuple[Finding, ...], serves: Mapping[str, tuple[str, ...]]) -> tuple[BlockingItem, ...]:
    """The findings that hold a project, grouped into the reasons an FG gives (see :class:`BlockingItem`).

    ``serves`` maps a systeemeis to the criteria it helps satisfy. A criterion whose findings all only
    wait for another blocking criterion (``depends_on``) is part of that criterion's reason. Sorted
    by severity (high first), basis (law first) and rule.
    """
    criteria = {f.rule for f in blocking if f.kind is RuleKind.CRITERION}
    groups: dict[str, list[Finding]] = {}
    kinds: dict[str, RuleKind] = {}
    for f in blocking:
        key = f.rule
        if f.kind is RuleKind.SYSTEM_REQUIREMENT:
            key = next((c for c in serves.get(f.rule, ()) if c in criteria), f.rule)
        if key not in groups:
            groups[key] = []
            kinds[key] = RuleKind.CRITERION if key in criteria else f.kind
        groups[key].append(f)
    for key in list(groups):
        own = [f for f in groups[key] if f.rule == key]
        roots = {f.depends_on[-1] for f in own if f.depends_on}
        if own and all(f.depends_on for f in own) and len(roots) == 1:
            (root,) = roots
            if root in groups and root != key:
                groups[root].extend(groups.pop(key))
    ranked = []
    for key, fs in groups.items():  # the sort key of BlockingItem.severity and .basis, worked out in one pass
        worst = max(f.severity.rank for f in fs)
        firmest = min(_BASIS_RANK[f.basis] for f in fs)
        ranked.append(((-worst, firmest, key), BlockingItem(key, kinds[key], tuple(fs))))
    ranked.sort(key=lambda pair: pair[0])
    return tuple(item for _, item in ranked)


@dataclass(frozen=True, slots=True)
class GateDecision:
    """Go/no-go for passing a gate: the reasons that hold the project now, what is advice, and what is due later.

    ``blocking`` are the reasons (:class:`BlockingItem`), each with its findings; ``blocking_findings``
    the findings themselves; ``advice`` the findings due by the gate that do not hold the project
    (:func:`holds_project`); ``later`` the findings due at a later gate.
    """

    gate: Gate
    go: bool
    blocking: tuple[BlockingItem, ...]
    later: tuple[Finding, ...]
    blocking_findings: tuple[Finding, ...] = ()
    advice: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileStamp:
    """The municipal profile a judgement was made with (see :mod:`pbd.profiles`)."""

    id: str
    version: str
    sha256: str
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """The evaluation of one description against one knowledge base, on one date."""

    file: str
    input_sha256: str
    project: str
    organisation: str | None
    phase: Gate | None
    date: dt.date
    gate: Gate | None
    kb_version: str
    kb_sha256: str
    pbd_version: str
    screening: Screening
    findings: tuple[Finding, ...]
    waiver_notes: tuple[WaiverNote, ...] = field(default=())
    waivers_applied: bool = True
    #: None: the bundled knowledge base alone (policy rules not evaluated)
    profile: ProfileStamp | None = None
    #: systeemeis id -> the criteria it helps satisfy (from the knowledge base), for grouping the blocking reasons
    serves: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: the format version the file declares, and what the in-memory migration of a version-1 file changed
    from_version: int = 2
    migration_notes: tuple[Note, ...] = ()

    def decision(self) -> GateDecision | None:
        """The go/no-go for ``self.gate`` (None when no gate applies)."""
        if self.gate is None:
            return None
        rank = self.gate.rank
        criteria = holding_criteria(self.findings, self.gate)
        blocking: list[Finding] = []
        advice: list[Finding] = []
        later: list[Finding] = []
        for f in self.findings:  # one pass; each list keeps the findings' order
            if f.status in (Status.GAP, Status.OPEN):
                if f.gate.rank > rank:
                    later.append(f)
                elif holds(f, self.serves, criteria):
                    blocking.append(f)
                else:
                    advice.append(f)
        items = blocking_items(tuple(blocking), self.serves)
        return GateDecision(self.gate, not items, items, tuple(later), tuple(blocking), tuple(advice))

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Status}
        for f in self.findings:
            out[f.status.value] += 1
        return out

    def gaps_by_severity(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            if f.status is Status.GAP:
                out[f.severity.value] += 1
        return out

"""The result types: a finding per rule per object, and the assessment of one description."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pbd.engine.screening import Screening
from pbd.messages import pick
from pbd.vocabulary import Basis, Gate, RuleKind, Severity, Status

RESULT_SCHEMA_VERSION = 1


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


@dataclass(frozen=True, slots=True)
class GateDecision:
    """Go/no-go for passing a gate: what blocks now and what is due later."""

    gate: Gate
    go: bool
    blocking: tuple[Finding, ...]
    later: tuple[Finding, ...]


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

    def decision(self) -> GateDecision | None:
        """The go/no-go for ``self.gate`` (None when no gate applies)."""
        if self.gate is None:
            return None
        rank = self.gate.rank
        undone = [f for f in self.findings if f.status in (Status.GAP, Status.OPEN)]
        blocking = tuple(f for f in undone if f.gate.rank <= rank)
        later = tuple(f for f in undone if f.gate.rank > rank)
        return GateDecision(self.gate, not blocking, blocking, later)

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

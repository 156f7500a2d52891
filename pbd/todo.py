"""The gate to-do list: what must be done before a decision gate, one action per thing to do. Pure.

From an :class:`~pbd.engine.findings.Assessment` (every finding that is a gap or an open question)
the list keeps the actions due by the gate (the finding's gate at or before it) and counts the
rest per later gate. Findings are merged into one action when one piece of work closes them:

- the findings of one rule on one object (several paths of one criterion) are one action;
- a finding that only waits for another criterion (``depends_on``) is closed with the action for
  the criterion at the root of its chain, when that action is on the list;
- systeemeisen on one system that ask the same capability are one action.

Each action says what to do (the rule's fix), what closes it (the evidence: the answer in the
description, or for a systeemeis the verification the systeemeis names), and the rules it
closes. Actions are grouped per project, processing, party and system, and sorted within a group
by severity (high first), basis (law, guidance, policy), gate and rule.

**Owner and due date** come from an *actions sidecar*: a YAML file next to the description,
``<name>.actions.yaml`` (or given with ``--actions``)::

    actions:
      - rule: SE-LG-01          # the criterion or systeemeis the action closes
        target: dataplatform    # optional: the processing, system or party (default: every target)
        owner: Team Informatievoorziening
        due: 2027-02-01

An action whose due date is before the evaluation date is overdue. ``pbd todo`` reads the file;
:func:`parse_sidecar` checks it. Nothing here reads a file or the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pbd.capabilities import capability_label
from pbd.engine.findings import Assessment, Finding, holding_criteria, holds
from pbd.errors import UsageError
from pbd.knowledge_base import KnowledgeBase
from pbd.render.common import explanation
from pbd.vocabulary import Basis, Gate, RuleKind, Severity, Status

Json = dict[str, Any]

_BASIS_RANK = {Basis.LAW: 0, Basis.GUIDANCE: 1, Basis.POLICY: 2}
_SCOPE_ORDER = {"project": 0, "processing": 1, "party": 2, "system": 3}


@dataclass(frozen=True, slots=True)
class Assignment:
    """Who does an action and by when (from the sidecar)."""

    rule: str
    target: str | None
    owner: str | None
    due: dt.date | None


@dataclass(frozen=True, slots=True)
class Action:
    """One thing to do: it closes one or more findings."""

    key: str  # stable identity: "SE:<system>:<capability>" or "<rule>:<target>"
    scope: str  # project | processing | party | system
    target: str
    status: Status  # gap when any finding it closes is a gap, else open
    severity: Severity
    basis: Basis
    gate: Gate
    title_nl: str
    title_en: str
    fix_nl: str
    fix_en: str
    evidence_nl: str
    evidence_en: str
    closes: tuple[str, ...]  # rule ids, in order
    paths: tuple[str, ...]
    details_nl: tuple[str, ...]
    details_en: tuple[str, ...]
    owner: str | None = None
    due: dt.date | None = None
    overdue: bool = False
    #: a finding it closes holds the project at the list's gate (:func:`~pbd.engine.findings.holds`); else advice
    holds: bool = True

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl

    def fix(self, lang: str) -> str:
        return self.fix_en if lang == "en" else self.fix_nl

    def evidence(self, lang: str) -> str:
        return self.evidence_en if lang == "en" else self.evidence_nl

    def details(self, lang: str) -> tuple[str, ...]:
        return self.details_en if lang == "en" else self.details_nl

    @property
    def sort_key(self) -> tuple[int, int, str, int, int, int, str]:
        """What holds the gate first, advice after; within each per scope and target (the groups), then
        severity, basis, gate and rule."""
        return (
            0 if self.holds else 1,
            _SCOPE_ORDER.get(self.scope, 9),
            "" if self.scope == "project" else self.target,
            -self.severity.rank,
            _BASIS_RANK[self.basis],
            self.gate.rank,
            self.closes[0],
        )


@dataclass(frozen=True, slots=True)
class TodoList:
    """The actions due by one gate, and how many are due at each later gate."""

    project: str
    organisation: str | None
    gate: Gate
    date: dt.date
    actions: tuple[Action, ...]
    later: tuple[tuple[Gate, int], ...]  # (gate, number of actions) for each later gate with any

    def groups(self) -> list[tuple[str, str, list[Action]]]:
        """The actions as (scope, target, actions) in list order (what holds the gate, then the advice)."""
        return [g for _holds, groups in self.sections() for g in groups]

    def sections(self) -> list[tuple[bool, list[tuple[str, str, list[Action]]]]]:
        """The actions that hold the gate and then the advice, each as (holds, its groups per scope and target)."""
        out: list[tuple[bool, list[tuple[str, str, list[Action]]]]] = []
        for a in self.actions:
            if not out or out[-1][0] != a.holds:
                out.append((a.holds, []))
            groups = out[-1][1]
            if groups and groups[-1][0] == a.scope and groups[-1][1] == a.target:
                groups[-1][2].append(a)
            else:
                groups.append((a.scope, a.target, [a]))
        return out

    @property
    def overdue(self) -> int:
        return sum(1 for a in self.actions if a.overdue)


def _scope_of(f: Finding, kb: KnowledgeBase) -> str:
    if f.kind is RuleKind.SYSTEM_REQUIREMENT:
        return "system"
    crit = kb.criteria.get(f.rule)
    return crit.scope.value if crit is not None else "project"


def _text(value: Mapping[str, str] | Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("nl") or "")
    return str(getattr(value, lang, "") or "")


def _criterion_evidence(paths: Sequence[str]) -> tuple[str, str]:
    shown = ", ".join(paths[:3]) + (" …" if len(paths) > 3 else "")
    return (
        f"het antwoord in de beschrijving, met onderbouwing: {shown}",
        f"the answer in the description, with its reasons: {shown}",
    )


def _system_evidence(kb: KnowledgeBase, rules: Sequence[str], system: str, capability: str) -> tuple[str, str]:
    from pbd.engine.systems import methods_text

    se = kb.system_requirements[rules[0]]
    where = f"systems[{system}].capability_evidence.{capability}"
    return (
        f"controle met {methods_text(se, 'nl')} (door of namens de gemeente), vastgelegd als {where} "
        "(level, how, date)",
        f"a check by {methods_text(se, 'en')} (by or for the municipality), recorded as {where} (level, how, date)",
    )


def _root(f: Finding) -> str | None:
    return f.depends_on[-1] if f.depends_on else None


def build_todo(
    a: Assessment,
    kb: KnowledgeBase,
    gate: Gate | None = None,
    assignments: Sequence[Assignment] = (),
) -> TodoList:
    """The to-do list for ``gate`` (default: the assessment's gate, else the project phase, else idee)."""
    gate = gate or a.gate or a.phase or Gate.IDEE
    undone = [f for f in a.findings if f.status in (Status.GAP, Status.OPEN)]
    # 1. group findings by the piece of work that closes them
    buckets: dict[str, list[Finding]] = {}
    order: list[str] = []
    for f in undone:
        if f.kind is RuleKind.SYSTEM_REQUIREMENT:
            se = kb.system_requirements.get(f.rule)
            key = f"SE:{f.target}:{se.capability if se else f.rule}"
        else:
            key = f"{f.rule}:{f.target}"
        if key not in buckets:
            buckets[key] = []
            order.append(key)
        buckets[key].append(f)
    # 2. a finding that only waits for another criterion goes with the action for the root of its chain
    by_rule: dict[str, str] = {}
    for key in order:
        for f in buckets[key]:
            if not f.depends_on:
                by_rule.setdefault(f"{f.rule}:{f.target}", key)
                by_rule.setdefault(f.rule, key)
    for key in list(order):
        fs = buckets[key]
        if all(f.depends_on for f in fs):
            root = _root(fs[0])
            into = by_rule.get(f"{root}:{fs[0].target}") or (by_rule.get(root) if root else None)
            if into is not None and into != key:
                buckets[into].extend(fs)
                del buckets[key]
                order.remove(key)
    # 3. one action per bucket
    actions: list[Action] = []
    criteria = holding_criteria(a.findings, gate)
    for key in order:
        actions.append(_action(key, buckets[key], kb, a.serves, criteria))
    actions = [_assign(x, assignments, a.date) for x in actions]
    due = sorted((x for x in actions if x.gate.rank <= gate.rank), key=lambda x: x.sort_key)
    later_counts: dict[Gate, int] = {}
    for x in actions:
        if x.gate.rank > gate.rank:
            later_counts[x.gate] = later_counts.get(x.gate, 0) + 1
    return TodoList(
        project=a.project,
        organisation=a.organisation,
        gate=gate,
        date=a.date,
        actions=tuple(due),
        later=tuple((g, later_counts[g]) for g in Gate if g in later_counts),
    )


def _action(
    key: str, fs: list[Finding], kb: KnowledgeBase, serves: Mapping[str, tuple[str, ...]], criteria: frozenset[str]
) -> Action:
    first = fs[0]
    scope = _scope_of(first, kb)
    rules = tuple(dict.fromkeys(f.rule for f in fs))
    paths = tuple(dict.fromkeys(f.path for f in fs))
    severity = max((f.severity for f in fs), key=lambda s: s.rank)
    basis = min((f.basis for f in fs), key=lambda b: _BASIS_RANK[b])
    gate = min((f.gate for f in fs), key=lambda g: g.rank)
    status = Status.GAP if any(f.status is Status.GAP for f in fs) else Status.OPEN
    # each finding as the FG's sentence, as the reports say it
    details_nl = tuple(dict.fromkeys(f"{f.rule}: {explanation(f, kb, 'nl')}" for f in fs))
    details_en = tuple(dict.fromkeys(f"{f.rule}: {explanation(f, kb, 'en')}" for f in fs))
    if first.kind is RuleKind.SYSTEM_REQUIREMENT:
        se = kb.system_requirements[first.rule]
        cap = se.capability
        if status is Status.GAP:
            title_nl = f"Laat vastleggen en aantonen: {capability_label(cap, 'nl')}"
            title_en = f"Have it laid down and shown: {capability_label(cap, 'en')}"
        else:
            title_nl = f"Controleer: {capability_label(cap, 'nl')}"
            title_en = f"Check: {capability_label(cap, 'en')}"
        fix_nl, fix_en = se.text.nl, se.text.en
        ev_nl, ev_en = _system_evidence(kb, rules, first.target, cap)
    else:
        crit = kb.criteria.get(first.rule)
        title_nl = crit.title.nl if crit else first.rule
        title_en = crit.title.en if crit else first.rule
        fix_nl = crit.remediation.nl if crit else ""
        fix_en = crit.remediation.en if crit else ""
        ev_nl, ev_en = _criterion_evidence(paths)
    return Action(
        key=key,
        scope=scope,
        target=first.target,
        status=status,
        severity=severity,
        basis=basis,
        gate=gate,
        title_nl=title_nl,
        title_en=title_en,
        fix_nl=fix_nl,
        fix_en=fix_en,
        evidence_nl=ev_nl,
        evidence_en=ev_en,
        closes=rules,
        paths=paths,
        details_nl=details_nl,
        details_en=details_en,
        holds=any(holds(f, serves, criteria) for f in fs),
    )


def _assign(x: Action, assignments: Iterable[Assignment], today: dt.date) -> Action:
    for asg in assignments:
        if asg.rule in x.closes and asg.target in (None, x.target):
            overdue = asg.due is not None and asg.due < today
            return Action(**{**_fields(x), "owner": asg.owner, "due": asg.due, "overdue": overdue})
    return x


def _fields(x: Action) -> dict[str, Any]:
    return {name: getattr(x, name) for name in Action.__dataclass_fields__}


# ---------------------------------------------------------------------------------------------
# procurement annex


@dataclass(frozen=True, slots=True)
class Requirement:
    """One line of the procurement annex."""

    number: int
    rule: str
    priority: str  # must | should
    title_nl: str
    title_en: str
    text_nl: str
    text_en: str
    verification_nl: str
    verification_en: str
    basis: Basis
    severity: Severity
    references: tuple[str, ...]


def procurement_annex(a: Assessment, kb: KnowledgeBase, system: str) -> list[Requirement]:
    """The systeemeisen asked of ``system`` as a numbered list: *must* for a legal basis, else *should*.

    Every systeemeis the evaluation asked of the system is listed, whatever its status (a tender
    asks them all). An unknown system id is a usage error.
    """
    from pbd.engine.systems import methods_text

    ids = [f.rule for f in a.findings if f.kind is RuleKind.SYSTEM_REQUIREMENT and f.target == system]
    if not ids and system not in {f.target for f in a.findings}:
        raise UsageError(
            f"--procurement {system}",
            "no systeemeis is asked of this system (unknown id, or it handles no personal data)",
            "Give the id of a system in systems[].",
        )
    rules = sorted(
        dict.fromkeys(ids),
        key=lambda r: (
            _BASIS_RANK[kb.system_requirements[r].basis] > 0,
            -kb.system_requirements[r].severity.rank,
            r,
        ),
    )
    out = []
    for n, rid in enumerate(rules, 1):
        se = kb.system_requirements[rid]
        out.append(
            Requirement(
                number=n,
                rule=rid,
                priority="must" if se.basis is Basis.LAW else "should",
                title_nl=se.title.nl,
                title_en=se.title.en,
                text_nl=se.text.nl,
                text_en=se.text.en,
                verification_nl=methods_text(se, "nl"),
                verification_en=methods_text(se, "en"),
                basis=se.basis,
                severity=se.severity,
                references=se.references,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# the sidecar


def sidecar_path(description: Path) -> Path:
    """``<name>.actions.yaml`` next to the description."""
    return description.with_name(f"{description.stem}.actions.yaml")


def parse_sidecar(data: Any, name: str) -> list[Assignment]:
    """The assignments of an actions sidecar (its parsed YAML); a broken one is a usage error naming the place."""
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("actions"), list):
        raise UsageError(f"{name}: $", "expected a mapping with a list 'actions'", "Write actions: [- rule: …].")
    out: list[Assignment] = []
    for i, entry in enumerate(data["actions"]):
        where = f"{name}: $.actions[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
            raise UsageError(where, "an action needs 'rule' (a criterion or systeemeis id)", "Add rule: SE-LG-01.")
        unknown = sorted(set(entry) - {"rule", "target", "owner", "due"})
        if unknown:
            raise UsageError(f"{where}.{unknown[0]}", "unknown key", "Use rule, target, owner and due.")
        due = entry.get("due")
        if due is not None and not isinstance(due, dt.date):
            try:
                due = dt.date.fromisoformat(str(due))
            except ValueError:
                raise UsageError(f"{where}.due", f"'{due}' is not a date", "Write YYYY-MM-DD.") from None
        target = entry.get("target")
        owner = entry.get("owner")
        out.append(
            Assignment(
                entry["rule"],
                None if target is None else str(target),
                None if owner is None else str(owner),
                due,
            )
        )
    return out


__all__ = [
    "Action",
    "Assignment",
    "Requirement",
    "TodoList",
    "build_todo",
    "parse_sidecar",
    "procurement_annex",
    "sidecar_path",
]

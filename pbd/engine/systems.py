"""Systeemeisen per system: which fit the system, and whether its evidence meets them. Pure, no clock.

A systeemeis is asked of a system when

1. a criterion it serves applies (to a processing the system serves, or at all for other scopes);
2. the system handles personal data: at least one processing it serves does not say
   ``personal_data: false`` (every systeemeis follows from the AVG; a sensor network that only
   counts free parking spaces is not asked for erasure per person);
3. it fits the system: ``fits.types`` holds the system's type (declared, or inferred from the
   hosting, :func:`pbd.engine.views.system_type`) and ``fits.hosting`` its hosting model;
4. its own ``applies_when`` holds on the system view, whose ``_derived`` facts are the system's
   own (:func:`pbd.engine.views.system_derived`).

Whether it is met depends on the evidence for its capability (``systems[].capability_evidence``):

- *verified* by a method at least as strong as one the systeemeis names in ``verification``
  (document < demo < test < audit; a verification without a method counts as stated) -> met;
- *contracted* -> met when ``verification`` names ``contract_clause`` or ``document``, or the
  systeemeis is below high severity (policy: a written commitment is a sufficient guarantee in
  the sense of AVG 28(1) there); a high one that must be seen working (demo or test only) is met
  for the tender and its check is due at realisatie (open, gate realisatie);
- *claimed* (also: a capability listed without evidence while ``assessed`` is not true) -> open,
  with the check to do;
- evidence older than ``evidence_max_age_days`` on the evaluation date -> gap (stale);
- the capability not listed -> gap; no capabilities listed at all -> open;
- ``satisfied_by``: the listed capabilities, all met, achieve the same aim -> met, saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from pbd.capabilities import capability_label
from pbd.description.source import JsonPath, Source, json_path
from pbd.engine.findings import Finding
from pbd.knowledge_base import SystemRequirement
from pbd.messages import both, lookup
from pbd.vocabulary import Gate, RuleKind, Status, label

Json = dict[str, Any]


class SystemView(Protocol):
    """What this module reads of an engine view of one system."""

    target: str
    base: JsonPath
    view: Json
    processings_index: list[int]


@dataclass(frozen=True, slots=True)
class Evidence:
    """How firmly a system has one capability."""

    level: str  # claimed | contracted | verified
    how: str | None = None
    date: dt.date | None = None
    #: True when the description gives no evidence entry and ``assessed`` decided the level
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the evidence says about one systeemeis on one system."""

    status: Status
    gate: Gate
    nl: str
    en: str
    path: JsonPath
    #: the texts as a message id of :mod:`pbd.messages` with language-neutral arguments (see Finding.message)
    message: str = ""
    args: tuple[tuple[str, str], ...] = ()


def _verdict(
    msg_id: str,
    neutral: tuple[tuple[str, str], ...],
    status: Status,
    gate: Gate,
    path: JsonPath,
    **shown: str | tuple[str, str],
) -> Verdict:
    """A verdict whose texts are ``msg_id`` filled in both languages (a pair argument is (Dutch, English))."""
    nl, en = _both(msg_id, tuple(shown.items()))
    return Verdict(status, gate, nl, en, path, msg_id, neutral)


@lru_cache(maxsize=4096)  # the same few sentences on every system of every file; bounded: dates and ages vary
def _both(msg_id: str, shown: tuple[tuple[str, str | tuple[str, str]], ...]) -> tuple[str, str]:
    return both(msg_id, **dict(shown))


def methods_text(se: SystemRequirement, lang: str) -> str:
    """The systeemeis's verification methods, joined in a sentence ("demonstratie of test")."""
    return _methods(se.verification, lang)


def _methods(verification: Sequence[str], lang: str) -> str:
    words = [lookup(lang, f"system.method.{m}") or m for m in verification]
    joiner = " or " if lang == "en" else " of "
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + joiner + words[-1]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def evidence_of(system: Json, capability: str) -> Evidence | None:
    """The evidence for ``capability`` on ``system``; None when the system does not list it at all."""
    entries = system.get("capability_evidence") or {}
    entry = entries.get(capability)
    if isinstance(entry, dict) and entry.get("level"):
        return Evidence(str(entry["level"]), entry.get("how"), _date(entry.get("date")))
    if capability not in (system.get("capabilities") or []):
        return None
    if system.get("assessed") is True:
        return Evidence("verified", None, None, implicit=True)
    return Evidence("claimed", None, None, implicit=True)


def fits(se: SystemRequirement, system: Json, kind: str) -> bool:
    """Whether the systeemeis fits a system of this type and hosting model (``fits`` in its JSON)."""
    spec = se.data.get("fits") or {}
    types = spec.get("types")
    if types is not None and kind not in types:
        return False
    hosting = spec.get("hosting")
    model = system.get("hosting", {}).get("model")
    return hosting is None or model is None or model in hosting


#: how strong a verification method is: a method meets a systeemeis that accepts a method of at most
#: its strength (a test shows more than a demonstration, a demonstration more than a document)
_STRENGTH = {"contract_clause": 0, "document": 0, "demo": 1, "test": 2, "audit": 3}


def _sufficient(se: SystemRequirement, ev: Evidence) -> bool:
    """Whether the evidence meets the systeemeis (see the module docstring)."""
    if ev.level == "verified":
        weakest = min(_STRENGTH.get(m, 0) for m in se.verification)
        return ev.how is None or _STRENGTH.get(ev.how, 0) >= weakest
    if ev.level == "contracted":
        # a contract clause is a written commitment: enough where the systeemeis accepts a clause or a
        # document, and for any systeemeis below high severity; a high one that must be seen working
        # (demo, test) waits for the check before going live
        return bool({"contract_clause", "document"} & set(se.verification)) or se.severity.value != "high"
    return False


@lru_cache(maxsize=512)  # per capability and methods, not per system: bounded by the knowledge base
def _words(
    capability: str, verification: tuple[str, ...]
) -> tuple[tuple[str, str], tuple[str, str], tuple[tuple[str, str], ...]]:
    """A capability's name and verification methods in Dutch and English, and both as neutral arguments."""
    names = (capability_label(capability, "nl"), capability_label(capability, "en"))
    how = (_methods(verification, "nl"), _methods(verification, "en"))
    return names, how, (("capability", capability), ("verification", ", ".join(verification)))


def judge(se: SystemRequirement, system: Json, index: int, today: dt.date) -> Verdict:
    """The verdict of the evidence on ``system`` (at ``systems[index]``) for one systeemeis."""
    caps_path: JsonPath = ("systems", index, "capabilities")
    cap = se.capability
    names, how, neutral_how = _words(cap, se.verification)
    neutral_cap = neutral_how[:1]
    ev = evidence_of(system, cap)
    ev_path: JsonPath = ("systems", index, "capability_evidence", cap)
    alternatives = se.data.get("satisfied_by") or []
    if alternatives and (ev is None or not _sufficient(se, ev)):
        found = [evidence_of(system, c) for c in alternatives]
        if all(e is not None and e.level in {"verified", "contracted"} for e in found):
            names_nl = " en ".join(capability_label(c, "nl") for c in alternatives)
            names_en = " and ".join(capability_label(c, "en") for c in alternatives)
            neutral = (("capabilities", ", ".join(alternatives)),)
            return _verdict(
                "system.achieved_by", neutral, Status.MET, Gate.AANBESTEDING, caps_path, names=(names_nl, names_en)
            )
    if ev is None:
        if system.get("capabilities") is None and not system.get("capability_evidence"):
            return _verdict(
                "system.no_capabilities", neutral_cap, Status.OPEN, Gate.AANBESTEDING, caps_path, capability=names
            )
        return _verdict("system.missing", neutral_cap, Status.GAP, Gate.AANBESTEDING, caps_path, capability=names)
    path = caps_path if ev.implicit else ev_path
    max_age = se.data.get("evidence_max_age_days")
    if isinstance(max_age, int) and ev.level == "verified":
        if ev.date is None:
            return _verdict(
                "system.evidence_undated",
                (*neutral_cap, ("max_age", str(max_age))),
                Status.OPEN,
                Gate.REALISATIE,
                path,
                capability=names,
                max_age=str(max_age),
            )
        age = (today - ev.date).days
        if age > max_age:
            dated = (("date", ev.date.isoformat()), ("age", str(age)), ("max_age", str(max_age)))
            return _verdict(
                "system.evidence_stale",
                (*neutral_cap, *dated),
                Status.GAP,
                Gate.REALISATIE,
                path,
                capability=names,
                date=ev.date.isoformat(),
                age=str(age),
                max_age=str(max_age),
            )
    if _sufficient(se, ev):
        return Verdict(Status.MET, Gate.AANBESTEDING, "", "", path)
    if ev.level == "contracted":
        return _verdict("system.contracted", neutral_how, Status.OPEN, Gate.REALISATIE, path, capability=names, how=how)
    if ev.level == "verified":
        shown_nl = label(str(ev.how), "nl", "VerificationMethod")
        shown_en = label(str(ev.how), "en", "VerificationMethod")
        return _verdict(
            "system.verified_otherwise",
            (*neutral_how, ("checked_by", str(ev.how))),
            Status.OPEN,
            Gate.AANBESTEDING,
            path,
            capability=names,
            shown=(shown_nl, shown_en),
            how=how,
        )
    return _verdict("system.claimed", neutral_how, Status.OPEN, Gate.AANBESTEDING, path, capability=names, how=how)


def system_findings(
    requirements: Sequence[SystemRequirement],
    about_processings: Mapping[str, bool],
    system_views: Sequence[SystemView],
    processings: list[Json],
    applicable: Mapping[str, set[str]],
    source: Source,
    today: dt.date,
) -> list[Finding]:
    """Each systeemeis that is asked of a system (see the module docstring), per system, with its verdict."""
    out: list[Finding] = []
    for i, v in enumerate(system_views):
        derived: Json = v.view["_derived"]
        if not derived.get("personal_data", False):
            continue
        serves = {processings[j]["id"] for j in v.processings_index}
        # a criterion makes its systeemeisen relevant to this system when it applies to a processing the
        # system serves, or (other scopes) when it applies at all
        relevant = {
            cid for cid, targets in applicable.items() if (targets & serves if about_processings[cid] else targets)
        }
        kind = str(derived.get("system_type", "platform"))
        for se in requirements:
            if relevant.isdisjoint(se.criteria) or not fits(se, v.view, kind):
                continue
            if se.applies is not None and not se.applies.is_valid(v.view):
                continue
            verdict = judge(se, v.view, i, today)
            line, col = source.position(verdict.path)
            out.append(
                Finding(
                    rule=se.id,
                    kind=RuleKind.SYSTEM_REQUIREMENT,
                    group=se.area,
                    target=v.target,
                    status=verdict.status,
                    severity=se.severity,
                    gate=verdict.gate,
                    path=json_path(verdict.path),
                    line=line,
                    column=col,
                    detail_nl=verdict.nl,
                    detail_en=verdict.en,
                    basis=se.basis,
                    message=verdict.message,
                    args=verdict.args,
                )
            )
    return out


__all__ = ["Evidence", "Verdict", "evidence_of", "fits", "judge", "methods_text", "system_findings"]

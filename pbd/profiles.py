"""Municipal profiles: a municipality's own choices on top of the knowledge base (design note §4).

The bundled knowledge base judges what the law demands and what guidance advises. What a
municipality adds as its own policy — a public sensor register, storage only in the EEA, keys
held by the municipality — is ``basis: policy`` and not evaluated unless a profile switches it
on. A profile file (YAML or JSON, read with the same limits as a description)::

    id: utrecht
    version: 1.2.0
    organisation: Gemeente Utrecht
    enable: [TR-03, SE-HO-01]            # policy criteria and systeemeisen to evaluate
    severity:
      TR-03: medium                      # policy: raise or lower; high only with a reason
      IV-04: {level: high, reason: "Raadsbesluit 2026-14: logging is voor ons een harde eis"}
    prefix: UTR                          # the ids of the profile's own criteria: UTR-01 …
    criteria_dir: criteria               # folder of criterion files, relative to this file

Rules: a policy rule can be raised or lowered, but ``high`` — for a guidance or a policy rule —
needs a ``reason`` (high is what the law demands); a profile cannot lower a rule whose basis is
law (a conscious exception to the law is a waiver, with who approved it and until when). The
profile's own criteria are checked against the same meta-schema as the bundled ones and are
always evaluated. Results record the profile's
id, version and the sha256 of its file (and of its criteria files).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pbd import limits
from pbd.description.source import SourceError, read_file
from pbd.errors import PbdError
from pbd.knowledge_base import Criterion, KnowledgeBase, SystemRequirement, check_dependencies, load_criterion
from pbd.vocabulary import Basis, Severity

__all__ = ["Profile", "ProfileError", "apply_profile", "knowledge_base", "load_profile", "profile_option", "profiled"]

Json = dict[str, Any]

_KEYS = {"id", "version", "organisation", "enable", "severity", "prefix", "criteria_dir", "$comment"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_VERSION = re.compile(r"^[0-9]+(\.[0-9]+){0,2}$")
_PREFIX = re.compile(r"^[A-Z]{2,6}$")
_RESERVED_PREFIXES = {"RM", "DB", "DM", "JU", "OB", "IV", "TR", "RB", "VA", "SE"}


class ProfileError(PbdError):
    """A profile file that cannot be used (exit 2)."""


@dataclass(frozen=True, slots=True)
class SeverityChange:
    severity: Severity
    reason: str | None


@dataclass(frozen=True, slots=True)
class Profile:
    """A loaded, checked profile. Apply it to a knowledge base with :func:`apply_profile`."""

    id: str
    version: str
    organisation: str | None
    sha256: str
    file: str
    enable: tuple[str, ...] = ()
    severity: tuple[tuple[str, SeverityChange], ...] = ()
    prefix: str | None = None
    criteria: tuple[Criterion, ...] = dataclasses.field(default=(), compare=False)


def _fail(where: str, what: str, fix: str) -> ProfileError:
    return ProfileError(where, what, fix)


def load_profile(path: Path | str) -> Profile:
    """Read and check a profile file (and its criteria folder); raises :class:`ProfileError`."""
    path = Path(path)
    name = str(path)
    try:
        source = read_file(path)
    except SourceError as exc:
        first = exc.problems[0]
        if first.path == "$" and "must be a mapping" in first.message_en:  # the reader's words are for descriptions
            raise _fail(name, "a profile is a mapping", "Write id, version, enable, severity … as keys.") from None
        where = f"{name}:{first.line}:{first.column}" if first.line else name
        raise _fail(where, first.message_en, "Fix the profile file (YAML or JSON).") from None
    data = source.data
    digest = hashlib.sha256(source.text.encode("utf-8"))
    if not isinstance(data, dict):
        raise _fail(name, "a profile is a mapping", "Write id, version, enable, severity … as keys.")
    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        raise _fail(
            name, f"unknown key(s) {', '.join(unknown)}", f"Known keys: {', '.join(sorted(_KEYS - {'$comment'}))}."
        )
    pid = data.get("id")
    if not isinstance(pid, str) or not _ID.match(pid):
        raise _fail(f"{name}: id", "missing or not a short lower-case name", "Write e.g. id: utrecht.")
    version = data.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not _VERSION.match(version):
        raise _fail(f"{name}: version", "missing or not a version number", "Write e.g. version: 1.0.0.")
    organisation = data.get("organisation")
    if organisation is not None and not isinstance(organisation, str):
        raise _fail(f"{name}: organisation", "not a text", "Write the municipality's name.")
    enable = data.get("enable", [])
    if not isinstance(enable, list) or not all(isinstance(x, str) for x in enable):
        raise _fail(f"{name}: enable", "not a list of rule ids", "Write e.g. enable: [TR-03, SE-HO-01].")
    severity = _severities(name, data.get("severity", {}))
    prefix = data.get("prefix")
    if prefix is not None and (
        not isinstance(prefix, str) or not _PREFIX.match(prefix) or prefix in _RESERVED_PREFIXES
    ):
        raise _fail(
            f"{name}: prefix",
            f"{prefix!r} is not a usable prefix",
            "Use 2–6 capital letters that are not a group code or SE, e.g. prefix: UTR.",
        )
    criteria: list[Criterion] = []
    folder = data.get("criteria_dir")
    if folder is not None:
        if not isinstance(folder, str):
            raise _fail(f"{name}: criteria_dir", "not a folder name", "Write a path relative to the profile file.")
        if prefix is None:
            raise _fail(f"{name}: criteria_dir", "own criteria need a prefix", "Add prefix: (e.g. UTR) for their ids.")
        criteria = _own_criteria(name, path.parent / folder, prefix, digest)
    return Profile(
        id=pid,
        version=version,
        organisation=organisation,
        sha256=digest.hexdigest(),
        file=name,
        enable=tuple(enable),
        severity=tuple(sorted(severity.items())),
        prefix=prefix,
        criteria=tuple(criteria),
    )


def _severities(name: str, raw: Any) -> dict[str, SeverityChange]:
    if not isinstance(raw, dict):
        raise _fail(f"{name}: severity", "not a mapping of rule id to level", "Write e.g. severity: {TR-03: medium}.")
    out: dict[str, SeverityChange] = {}
    levels = ", ".join(s.value for s in Severity)
    for rid, value in raw.items():
        where = f"{name}: severity.{rid}"
        reason: Any = None
        level: Any = value
        if isinstance(value, dict):
            extra = sorted(set(map(str, value)) - {"level", "reason"})
            if extra:
                raise _fail(where, f"unknown key(s) {', '.join(extra)}", "Write {level: …, reason: …}.")
            level, reason = value.get("level"), value.get("reason")
        if level not in {s.value for s in Severity}:
            raise _fail(where, f"{level!r} is not a severity", f"Use one of {levels}.")
        if reason is not None and (not isinstance(reason, str) or not reason.strip()):
            raise _fail(where, "the reason is not a text", "Write why the municipality sets this level.")
        out[str(rid)] = SeverityChange(Severity(level), reason)
    return out


def _own_criteria(name: str, folder: Path, prefix: str, digest: Any) -> list[Criterion]:
    if not folder.is_dir():
        raise _fail(
            f"{name}: criteria_dir",
            f"{folder} is not a folder",
            "Point criteria_dir at a folder of criterion JSON files.",
        )
    out: list[Criterion] = []
    for file in sorted(folder.glob("*.json")):
        try:
            raw = limits.read_bounded(file, limits.KNOWLEDGE_BASE)
            data = limits.parse_json(raw.decode("utf-8"), limits.KNOWLEDGE_BASE)
        except limits.LimitError as exc:
            raise _fail(str(file), exc.en, "A criterion file is a small JSON object.") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _fail(str(file), f"not a readable JSON file ({exc})", "Fix the file; criteria are JSON.") from None
        digest.update(file.name.encode() + b"\0" + raw + b"\0")
        if not isinstance(data, dict):
            raise _fail(str(file), "not a JSON object", "A criterion file holds one object.")
        crit = load_criterion(file, data)  # the bundled meta-schema: KnowledgeBaseError on a broken file
        if not crit.id.startswith(prefix + "-"):
            raise _fail(
                str(file), f"id {crit.id} does not start with the profile's prefix {prefix}-", f"Rename it {prefix}-NN."
            )
        out.append(crit)
    return out


def apply_profile(kb: KnowledgeBase, profile: Profile) -> KnowledgeBase:
    """A copy of ``kb`` with the profile's rules switched on, its severities and its own criteria.

    The copy shares the compiled schemas; its ``sha256`` stays the bundled one (the profile's
    own hash is recorded beside it). Raises :class:`ProfileError` for an id that is not in the
    knowledge base, for lowering a legal rule, and for a severity above the basis without a reason.
    """
    criteria = dict(kb.criteria)
    ses = dict(kb.system_requirements)
    for crit in profile.criteria:
        if crit.id in criteria:
            raise _fail(
                str(crit.file), f"criterion {crit.id} exists already", "Give the profile's criterion its own number."
            )
        for sid in crit.system_requirements:
            if sid not in ses:
                raise _fail(str(crit.file), f"refers to systeemeis {sid} which does not exist", "Fix the id.")
        criteria[crit.id] = dataclasses.replace(crit, enabled=True, profile=profile.id)
    for rid in profile.enable:
        if rid in criteria:
            criteria[rid] = dataclasses.replace(criteria[rid], enabled=True, profile=profile.id)
        elif rid in ses:
            ses[rid] = dataclasses.replace(ses[rid], enabled=True, profile=profile.id)
        else:
            raise _fail(
                f"{profile.file}: enable",
                f"no rule {rid} in the knowledge base",
                "Use an id from pbd criteria list or pbd systeemeisen list.",
            )
    for rid, change in profile.severity:
        rule: Criterion | SystemRequirement | None = criteria.get(rid) or ses.get(rid)
        if rule is None:
            raise _fail(
                f"{profile.file}: severity.{rid}",
                "no such rule in the knowledge base",
                "Use an id from pbd criteria list.",
            )
        where = f"{profile.file}: severity.{rid}"
        basis: Basis = rule.basis
        if basis is Basis.LAW and change.severity.rank < rule.severity.rank:
            raise _fail(
                where,
                f"{rid} rests on the law; a profile cannot lower it",
                "Record a waiver for the project instead (who approved it, why, until when).",
            )
        if (
            change.severity is Severity.HIGH
            and basis is not Basis.LAW
            and change.reason is None
            and (rid in kb.criteria or rid in kb.system_requirements)
        ):
            raise _fail(
                where,
                f"{rid} is {basis.value}; high is for what the law demands",
                "Add the municipality's reason: write {level: high, reason: …}.",
            )
        if isinstance(rule, Criterion):
            criteria[rid] = dataclasses.replace(rule, severity=change.severity, profile=profile.id)
        else:
            ses[rid] = dataclasses.replace(rule, severity=change.severity, profile=profile.id)
    try:
        check_dependencies(criteria)
    except PbdError as exc:
        raise _fail(exc.where, exc.what, exc.fix) from None
    # bundled criteria keep their order; the profile's own follow, by id
    return dataclasses.replace(kb, criteria=criteria, system_requirements=ses, profile=profile)


@lru_cache(maxsize=8)
def _cached(path: str) -> Profile:
    return load_profile(path)


def profile_option(path: str | None) -> Profile | None:
    """The profile behind ``--profile PATH`` (read once per process and path), or None."""
    return None if path is None else _cached(path)


_PROFILED: dict[tuple[int, int], tuple[KnowledgeBase, Profile, KnowledgeBase]] = {}


def profiled(kb: KnowledgeBase, profile: Profile | None) -> KnowledgeBase:
    """``kb`` with ``profile`` applied, worked out once per (knowledge base, profile) in a process."""
    if profile is None or kb.profile is profile:
        return kb
    cached = _PROFILED.get((id(kb), id(profile)))
    if cached is not None and cached[0] is kb and cached[1] is profile:
        return cached[2]
    out = apply_profile(kb, profile)
    if len(_PROFILED) >= 8:  # a process uses one or two; tests a few more
        _PROFILED.clear()
    _PROFILED[id(kb), id(profile)] = (kb, profile, out)
    return out


def knowledge_base(profile_path: str | None) -> KnowledgeBase:
    """The bundled knowledge base, with the profile at ``profile_path`` (``--profile``) applied."""
    from pbd.knowledge_base import default_knowledge_base

    return profiled(default_knowledge_base(), profile_option(profile_path))

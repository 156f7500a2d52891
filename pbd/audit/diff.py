"""Comparing two results: which findings are new, resolved, persisting or changed, and what changed in the screening and why.

The words are written by :mod:`pbd.render.diff`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pbd.vocabulary import Severity

Json = dict[str, Any]
Key = tuple[str, str, str]

#: how bad a status is; findings with a positive value are "issues" that diff and baselines track
BADNESS: dict[str, int] = {"gap": 3, "open": 2, "waived": 1, "met": 0, "not_applicable": 0}
CATEGORIES = ("new", "changed", "resolved", "persisting")

_OBJECT = re.compile(r"^\$\.(processings|systems|parties)\[(\d+)\]")
_ID_KIND = {"processings": "id", "systems": "id", "parties": "name"}


# ---------------------------------------------------------------------------------------------
# finding identity


def object_names(findings: Iterable[tuple[str, str]]) -> dict[tuple[str, int], str]:
    """Which processing, system or party sits at each index, read off the findings (target, path).

    Every processing, system and party gets findings of its own (met, not applicable, gaps) whose
    path starts at the object, so the target most often seen under ``$.processings[3]`` is the id of
    the fourth processing. Indexes without a clear winner are left out (and keep their number).
    """
    seen: dict[tuple[str, int], Counter[str]] = {}
    for target, path in findings:
        m = _OBJECT.match(path)
        if m:
            seen.setdefault((m[1], int(m[2])), Counter())[target] += 1
    out: dict[tuple[str, int], str] = {}
    for where, counts in seen.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[where] = ranked[0][0]
    return out


def stable_path(path: str, names: dict[tuple[str, int], str]) -> str:
    """``$.processings[2].retention`` -> ``$.processings[id=geluid].retention`` when index 2 is known."""
    m = _OBJECT.match(path)
    if not m:
        return path
    name = names.get((m[1], int(m[2])))
    if name is None:
        return path
    return f"$.{m[1]}[{_ID_KIND[m[1]]}={name}]{path[m.end() :]}"


def finding_keys(findings: list[tuple[str, str, str]]) -> list[Key]:
    """The identity of each (rule, target, path) across runs, in the same order.

    This is :attr:`pbd.engine.findings.Finding.key` with the index of a processing, system or party replaced
    by its id or name, so inserting a processing does not make every later finding look new. Should
    one result hold the same key twice, the second gets ``#2`` appended: one finding never absorbs another.
    """
    names = object_names((target, path) for _rule, target, path in findings)
    seen: Counter[Key] = Counter()
    out: list[Key] = []
    for rule, target, path in findings:
        key = (rule, target, stable_path(path, names))
        seen[key] += 1
        if seen[key] > 1:
            key = (key[0], key[1], f"{key[2]}#{seen[key]}")
        out.append(key)
    return out


def keyed(result: Json) -> dict[Key, Json]:
    """A result's findings by their key."""
    findings: list[Json] = result["findings"]
    keys = finding_keys([(f["rule"], f["target"], f["path"]) for f in findings])
    return dict(zip(keys, findings, strict=True))


# ---------------------------------------------------------------------------------------------
# the comparison


@dataclass(frozen=True, slots=True)
class FindingChange:
    """One tracked finding and what happened to it between the old and the new result."""

    category: str  # new | changed | resolved | persisting
    key: Key
    rule: str
    kind: str
    target: str
    path: str  # where it is now (or was, when resolved)
    title: str
    old: Json | None  # {"status", "severity", "gate", "path"} in the old result, None when absent
    new: Json | None

    @property
    def severity(self) -> str:
        return str((self.new or self.old or {}).get("severity", "low"))

    def as_dict(self) -> Json:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "target": self.target,
            "path": self.path,
            "title": self.title,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True, slots=True)
class ScreeningChange:
    """A change in the screening: an outcome, an item on a list, or one reason for an item."""

    subject: str  # DPIA | DTIA | IAMA | KIA | AP | EDPB | AVG35(3) | WETGEVING
    item: str  # "" for an outcome; the list item otherwise
    change: str  # outcome | added | removed | reason_added | reason_removed
    old: str
    new: str
    reasons: tuple[tuple[str, str], ...]  # (target, reason) explaining the change

    def as_dict(self) -> Json:
        return {
            "subject": self.subject,
            "item": self.item,
            "change": self.change,
            "old": self.old,
            "new": self.new,
            "reasons": [{"target": t, "reason": r} for t, r in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class ResultDiff:
    """Everything that differs between two results of the same description (or of two versions of it)."""

    old_name: str
    new_name: str
    old: Json
    new: Json
    context: tuple[tuple[str, Any, Any], ...]  # (field, old, new) for provenance that differs
    findings: tuple[FindingChange, ...]
    screening: tuple[ScreeningChange, ...]

    def category(self, name: str) -> list[FindingChange]:
        return [c for c in self.findings if c.category == name]

    def counts(self) -> dict[str, int]:
        return {name: len(self.category(name)) for name in CATEGORIES}

    def new_gaps(self, threshold: Severity | None) -> list[FindingChange]:
        """Gaps that were not gaps before (new, or changed into a gap) at or above ``threshold``."""
        if threshold is None:
            return []
        out = []
        for c in self.findings:
            if c.new is None or c.new["status"] != "gap" or c.category not in ("new", "changed"):
                continue
            if c.old is not None and c.old["status"] == "gap":
                continue
            if Severity(c.new["severity"]).rank >= threshold.rank:
                out.append(c)
        return out

    @property
    def same_substance(self) -> bool:
        """No tracked finding and no screening outcome changed."""
        return not self.screening and not any(c.category != "persisting" for c in self.findings)


_CONTEXT_FIELDS: tuple[tuple[str, ...], ...] = (
    ("pbd_version",),
    ("knowledge_base", "version"),
    ("knowledge_base", "sha256"),
    ("profile", "id"),
    ("profile", "version"),
    ("profile", "sha256"),
    ("input", "file"),
    ("input", "sha256"),
    ("date",),
    ("gate",),
    ("lang",),
    ("waivers_applied",),
)


def _get(result: Json, path: tuple[str, ...]) -> Any:
    value: Any = result
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _brief(f: Json) -> Json:
    return {"status": f["status"], "severity": f["severity"], "gate": f["gate"], "path": f["path"]}


def diff_results(old: Json, new: Json, *, old_name: str = "OLD", new_name: str = "NEW") -> ResultDiff:
    """Compare two checked results (see :func:`pbd.audit.check_result`)."""
    context = tuple(
        (".".join(path), _get(old, path), _get(new, path))
        for path in _CONTEXT_FIELDS
        if _get(old, path) != _get(new, path)
    )
    before, after = keyed(old), keyed(new)
    changes: list[FindingChange] = []
    for key in sorted(set(before) | set(after)):
        o, n = before.get(key), after.get(key)
        ob = BADNESS[o["status"]] if o else 0
        nb = BADNESS[n["status"]] if n else 0
        if ob == 0 and nb == 0:
            continue
        if ob == 0:
            category = "new"
        elif nb == 0:
            category = "resolved"
        else:
            assert o is not None and n is not None
            same = all(o[k] == n[k] for k in ("status", "severity", "gate"))
            category = "persisting" if same else "changed"
        shown = n if n is not None else o
        assert shown is not None
        changes.append(
            FindingChange(
                category=category,
                key=key,
                rule=shown["rule"],
                kind=str(shown.get("kind", "")),
                target=shown["target"],
                path=shown["path"],
                title=str(shown.get("title", "")),
                old=_brief(o) if o else None,
                new=_brief(n) if n else None,
            )
        )
    order = {name: i for i, name in enumerate(CATEGORIES)}
    changes.sort(key=lambda c: (order[c.category], -Severity(c.severity).rank, c.rule, c.target, c.path))
    return ResultDiff(
        old_name,
        new_name,
        old,
        new,
        context,
        tuple(changes),
        tuple(_screening_changes(old["screening"], new["screening"])),
    )


def _hits(screening: Json) -> dict[tuple[str, str, str], str]:
    out: dict[tuple[str, str, str], str] = {}
    for h in screening.get("reasons", []):
        if isinstance(h, dict):
            out[(str(h.get("framework")), str(h.get("item")), str(h.get("target")))] = str(h.get("reason", ""))
    return out


def _reasons(
    hits: dict[tuple[str, str, str], str], framework: str, item: str | None = None
) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((t, r) for (fw, it, t), r in hits.items() if fw == framework and (item is None or it == item)))


def _screening_changes(old: Json, new: Json) -> list[ScreeningChange]:
    out: list[ScreeningChange] = []
    old_hits, new_hits = _hits(old), _hits(new)
    if old.get("dpia") != new.get("dpia"):
        out.append(ScreeningChange("DPIA", "", "outcome", str(old.get("dpia")), str(new.get("dpia")), ()))
    lists = (("WETGEVING", None), ("AVG35(3)", "art35_3"), ("AP", "ap"), ("EDPB", "edpb"))
    for framework, key in lists:
        if key is None:
            before = {it for (fw, it, _t) in old_hits if fw == framework}
            after = {it for (fw, it, _t) in new_hits if fw == framework}
        else:
            before = {str(i) for i in old.get(key, [])}
            after = {str(i) for i in new.get(key, [])}
        for item in sorted(after - before, key=lambda s: s.zfill(3)):
            out.append(ScreeningChange(framework, item, "added", "no", "yes", _reasons(new_hits, framework, item)))
        for item in sorted(before - after, key=lambda s: s.zfill(3)):
            out.append(ScreeningChange(framework, item, "removed", "yes", "no", _reasons(old_hits, framework, item)))
    for framework in ("DTIA", "IAMA", "KIA"):
        key = framework.lower()
        if bool(old.get(key)) != bool(new.get(key)):
            became = bool(new.get(key))
            reasons = _reasons(new_hits if became else old_hits, framework)
            out.append(
                ScreeningChange(
                    framework, "", "outcome", "yes" if old.get(key) else "no", "yes" if became else "no", reasons
                )
            )
    changed_items = {(c.subject, c.item) for c in out}
    for fw, it, target in sorted(set(new_hits) - set(old_hits)):
        if (fw, it) not in changed_items and (fw, "") not in changed_items:
            out.append(ScreeningChange(fw, it, "reason_added", "", "", ((target, new_hits[(fw, it, target)]),)))
    for fw, it, target in sorted(set(old_hits) - set(new_hits)):
        if (fw, it) not in changed_items and (fw, "") not in changed_items:
            out.append(ScreeningChange(fw, it, "reason_removed", "", "", ((target, old_hits[(fw, it, target)]),)))
    return out


def diff_dict(d: ResultDiff) -> Json:
    def meta(r: Json, name: str) -> Json:
        return {
            "file": name,
            "date": r.get("date"),
            "gate": r.get("gate"),
            "pbd_version": r.get("pbd_version"),
            "knowledge_base": r.get("knowledge_base"),
            "input": r.get("input"),
        }

    return {
        "old": meta(d.old, d.old_name),
        "new": meta(d.new, d.new_name),
        "context_changes": [{"field": f, "old": o, "new": n} for f, o, n in d.context],
        "screening_changes": [c.as_dict() for c in d.screening],
        "findings": {name: [c.as_dict() for c in d.category(name)] for name in CATEGORIES},
        "summary": d.counts(),
    }


__all__ = [
    "BADNESS",
    "CATEGORIES",
    "FindingChange",
    "ResultDiff",
    "ScreeningChange",
    "diff_dict",
    "diff_results",
    "finding_keys",
    "keyed",
]

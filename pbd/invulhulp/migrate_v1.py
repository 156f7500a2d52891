"""Exports the Invulhulp made before June 2026, brought to today's format the way the Invulhulp itself does it.

Two older shapes are still in circulation, and the Invulhulp still opens both (its
``stateMigration.ts`` and ``importDetect.ts``):

- **namespaced**: ``answers`` wrapped per form, ``{"answers": {"dpia": {...}}}``, with the form's
  state under ``taskState`` and, in the oldest files, ``metadata.activeNamespace``;
- **v1**: answer keys carry a random instance suffix (``"2.1_xK9mQ7p"``) and
  ``taskState.<form>.taskInstances`` says which question each instance answers. An instance of a
  question that occurs more than once (a repeated group) becomes ``"2.1[0]"``, ``"2.1[1]"``, … in the
  order of the instance keys; a question that occurs once becomes its plain id.

Neither shape has ``$schema``; the oldest have no ``metadata.urn`` either. The form is then the first
namespace with answers (DPIA, Pre-scan, IAMA — the Invulhulp's order), read with the version pbd
follows, and the completed sections come from ``taskState`` or, failing that, from the answer keys.
This module rewrites such a file into assessment-output v2 and says what it did; it does not
validate (the reader does that next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pbd.invulhulp.forms import CURRENT

Json = dict[str, Any]
OUTPUT_SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
#: the namespaces of the old format, in the order the Invulhulp tries them
NAMESPACES = ("dpia", "prescan", "iama")
_NO_DATE = "1970-01-01T00:00:00.000Z"


@dataclass(frozen=True, slots=True)
class Migrated:
    """An export in today's format, and what was done to get there (empty when nothing was)."""

    data: Any
    shape: str  # v2 | namespaced | v1
    notes: tuple[tuple[str, str], ...]  # (nl, en): shown in the import report
    dropped: tuple[str, ...] = ()  # v1 answer keys no task instance explains (the Invulhulp ignores them too)


def _is_namespaced(answers: Any) -> bool:
    return isinstance(answers, dict) and any(isinstance(answers.get(ns), dict) for ns in NAMESPACES)


def _dict(value: Any) -> Json:
    return value if isinstance(value, dict) else {}


def _is_v1(data: Json) -> bool:
    if "$schema" in data:
        return False
    answers = _dict(data.get("answers"))
    blocks = [answers.get(ns) for ns in NAMESPACES] if _is_namespaced(answers) else [answers]
    for block in blocks:
        if isinstance(block, dict) and any("_" in k and not k.startswith("completed.") for k in block):
            return True
    task_state = data.get("taskState")
    if isinstance(task_state, dict):
        for state in task_state.values():
            instances = state.get("taskInstances") if isinstance(state, dict) else None
            if isinstance(instances, dict) and any("_" in k for k in instances):
                return True
    return False


def _detect(data: Json) -> str:
    urn = data.get("metadata", {}).get("urn")
    if isinstance(urn, str):
        for ns in NAMESPACES:
            if urn.startswith(f"urn:nl:{ns}"):
                return ns
    answers = _dict(data.get("answers"))
    active = data.get("metadata", {}).get("activeNamespace")
    if _is_namespaced(answers):
        if active in NAMESPACES and answers.get(active):
            return str(active)
        for ns in NAMESPACES:
            if isinstance(answers.get(ns), dict) and answers[ns]:
                return ns
    return str(active) if active in NAMESPACES else "dpia"


def _rekey(answers: Json, instances: Json) -> tuple[Json, int, list[str]]:
    """v1 instance keys -> task ids, ``[index]`` where a task has more than one instance (the Invulhulp's rule)."""
    order = sorted(instances)
    counts: dict[str, int] = {}
    for old in order:
        task = str(instances[old].get("taskId", "")) if isinstance(instances[old], dict) else ""
        counts[task] = counts.get(task, 0) + 1
    seen: dict[str, int] = {}
    new_of: dict[str, str] = {}
    for old in order:
        task = str(instances[old].get("taskId", "")) if isinstance(instances[old], dict) else ""
        if not task:
            continue
        if counts[task] > 1:
            new_of[old] = f"{task}[{seen.get(task, 0)}]"
            seen[task] = seen.get(task, 0) + 1
        else:
            new_of[old] = task
    out: Json = {}
    moved = 0
    dropped: list[str] = []
    for key, answer in answers.items():
        new = new_of.get(key, key)
        if new == key and "_" in key:
            dropped.append(key)
            continue
        moved += new != key
        out[new] = answer
    return out, moved, dropped


def _roots(keys: list[str]) -> list[str]:
    roots = {re.split(r"[.\[]", k, maxsplit=1)[0] for k in keys}
    return sorted((r for r in roots if r.isdigit()), key=int)


def migrate(data: Any) -> Migrated:
    """Rewrite a namespaced or v1 export into assessment-output v2; a v2 export comes back unchanged."""
    if not isinstance(data, dict) or not isinstance(data.get("metadata"), dict) or "answers" not in data:
        return Migrated(data, "v2", ())
    answers = data["answers"]
    namespaced = _is_namespaced(answers)
    v1 = _is_v1(data)
    legacy_fields = "activeNamespace" in data["metadata"] or "taskState" in data
    if not namespaced and not v1 and not legacy_fields:
        return Migrated(data, "v2", ())
    notes: list[tuple[str, str]] = []
    ns = _detect(data)
    block: Json = dict(answers.get(ns) or {}) if namespaced else dict(answers) if isinstance(answers, dict) else {}
    if namespaced:
        others = [n for n in NAMESPACES if n != ns and isinstance(answers.get(n), dict) and answers[n]]
        notes.append(
            (
                f"antwoorden van het formulier '{ns}' uit de oude indeling per formulier gehaald",
                f"answers of the form '{ns}' taken from the old per-form wrapping",
            )
        )
        if others:
            notes.append(
                (
                    f"de antwoorden van de andere formulieren in het bestand ({', '.join(others)}) zijn niet geïmporteerd",
                    f"answers of the other forms in the file ({', '.join(others)}) are not imported",
                )
            )
    state = _dict(_dict(data.get("taskState")).get(ns))
    dropped: list[str] = []
    if v1:
        instances = _dict(state.get("taskInstances"))
        block, moved, dropped = _rekey(block, instances)
        notes.append(
            (
                f"sleutels van een v1-export omgezet naar vraagnummers ({moved} van {len(block)})",
                f"v1 answer keys rewritten to question ids ({moved} of {len(block)})",
            )
        )
        if dropped:
            notes.append(
                (
                    f"{len(dropped)} v1-sleutel(s) horen bij geen vraag en zijn niet geïmporteerd",
                    f"{len(dropped)} v1 answer key(s) name no task instance and are not imported",
                )
            )
    metadata: Json = data["metadata"]
    urn = metadata.get("urn")
    if not isinstance(urn, str) or not urn:
        urn = CURRENT[ns].urn
        notes.append(
            (
                f"de export noemt geen formulierversie; gelezen als {urn}, de versie die pbd volgt",
                f"the export names no form version; read as {urn}, the version pbd follows",
            )
        )
    created = metadata.get("createdAt")
    if not isinstance(created, str) or not created:
        created = _NO_DATE
        notes.append(("de export heeft geen aanmaakdatum", "the export has no creation date"))
    completed = metadata.get("completedTasks")
    if not completed:
        completed = state.get("completedRootTaskIds") or ([] if "$schema" in data else _roots(list(block)))
    out_meta: Json = {"urn": urn, "createdAt": created}
    if completed:
        out_meta["completedTasks"] = [str(c) for c in completed]
    if isinstance(metadata.get("createdBy"), dict):
        out_meta["createdBy"] = metadata["createdBy"]
    shape = "v1" if v1 else "namespaced" if namespaced else "v2"
    if shape == "v2":
        notes.append(
            (
                "oude administratieve velden (activeNamespace, taskState) weggelaten",
                "old bookkeeping fields (activeNamespace, taskState) left out",
            )
        )
    return Migrated(
        {"$schema": OUTPUT_SCHEMA_URL, "metadata": out_meta, "answers": block}, shape, tuple(notes), tuple(dropped)
    )


__all__ = ["NAMESPACES", "OUTPUT_SCHEMA_URL", "Migrated", "migrate"]

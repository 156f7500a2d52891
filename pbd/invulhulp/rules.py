"""The Invulhulp's own Pre-scan rules: its calculations and assessments, evaluated as its JEXL engine does.

The known quirks of prescan.yaml (see its SOURCE.md) are kept, not fixed: they are what the
Invulhulp's users see. The interpreter is :mod:`pbd.invulhulp.jexl`; the comparison with pbd's
screening is :mod:`pbd.invulhulp.crosscheck`, its text :mod:`pbd.invulhulp.report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pbd.invulhulp.jexl import UNDEFINED, Functions, JexlError, add, evaluate_jexl, js_number, to_string, truthy
from pbd.invulhulp.reader import Definition, definition

Json = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# the Pre-scan's calculations and assessments


@dataclass(frozen=True, slots=True)
class AssessmentOutcome:
    """The Invulhulp's verdict on one assessment: the first level whose expression holds."""

    id: str  # DPIA | DTIA | KIA | IAMA
    level: str | None  # required | recommended | None (no level holds)
    result: str  # the Invulhulp's own wording, e.g. "DPIA verplicht"
    criteria: tuple[tuple[str, str], ...]  # the criteria that held at that level: (id, explanation)


@dataclass(frozen=True, slots=True)
class InvulhulpOutcome:
    scores: dict[str, Any]
    assessments: dict[str, AssessmentOutcome]
    errors: tuple[str, ...]  # expressions that failed (the Invulhulp logs them and carries on)


def _functions(answers: dict[str, Any], d: Definition) -> Functions:
    def answer(task_id: Any) -> Any:
        tid = to_string(task_id)
        if tid not in d.tasks:  # no instance for that task: the Invulhulp returns null
            return None
        value = answers.get(tid)
        return value if truthy(value) else None  # getAnswer(): `value || null`

    def to_bool(value: Any = UNDEFINED) -> bool:
        return value is True or value == "true"

    def count_selected(task_id: Any) -> int:
        value = answer(task_id)
        return len(value) if isinstance(value, list) else 0

    def weighted_count_map(values: Any = UNDEFINED, keys: Any = UNDEFINED, weights: Any = UNDEFINED) -> Any:
        if not isinstance(values, list):
            return 0
        table: dict[str, Any] = {}
        for i, key in enumerate(keys if isinstance(keys, list) else []):
            w = weights[i] if isinstance(weights, list) and i < len(weights) else UNDEFINED
            table[to_string(key)] = w if truthy(w) else 0
        total: Any = 0
        for v in values:
            w = table.get(to_string(v), UNDEFINED)
            total = add(total, w if truthy(w) else 0)
        return js_number(total) if not isinstance(total, str) else total

    def criteria_check(obj: Any = UNDEFINED) -> bool:
        return isinstance(obj, dict) and any(v is True for v in obj.values())

    return {
        "answers": answer,
        "bool": to_bool,
        "countSelectedOptions": count_selected,
        "weightedCountMap": weighted_count_map,
        "criteriaCheck": criteria_check,
    }


def _count(value: Any = UNDEFINED, *_: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def evaluate_prescan(answers: dict[str, Any]) -> InvulhulpOutcome:
    """The Invulhulp's own outcome for a Pre-scan: scores, then DPIA/DTIA/KIA/IAMA levels.

    ``answers`` maps question ids to exported values ("true"/"false" texts, lists of option texts).
    Like the Invulhulp, every task's ``calculation`` runs whether or not the task is shown, a score
    is stored only when one of its ``riskScore`` rules holds, and a failing expression is skipped.
    """
    d = definition("prescan")
    functions = _functions(answers, d)
    transforms: Functions = {"count": _count}
    scores: Json = {}
    errors: list[str] = []
    for task in d.tasks.values():
        calc = task.data.get("calculation")
        if not isinstance(calc, dict):
            continue
        try:
            value = evaluate_jexl(str(calc["expression"]), {}, functions, transforms)
            for rule in calc.get("riskScore") or []:
                if truthy(evaluate_jexl(str(rule["when"]), {str(calc.get("scoreKey")): value}, functions, transforms)):
                    if calc.get("scoreKey"):
                        scores[str(calc["scoreKey"])] = rule["value"]
                    break
        except (JexlError, TypeError, ValueError, OverflowError) as exc:
            errors.append(f"{task.id}: {exc}")
    outcomes: dict[str, AssessmentOutcome] = {}
    for assessment in d.assessments:
        aid = str(assessment["id"])
        outcome = AssessmentOutcome(aid, None, "", ())
        context: Json = {"scores": scores}
        try:
            for level in assessment.get("levels", []):
                met: list[tuple[str, str]] = []
                for crit in level.get("criteria") or []:
                    try:
                        if truthy(evaluate_jexl(str(crit["expression"]), context, functions, transforms)):
                            met.append((str(crit["id"]), str(crit.get("explanation", ""))))
                    except (JexlError, TypeError, ValueError, OverflowError) as exc:
                        errors.append(f"{aid}/{crit['id']}: {exc}")
                level_context = (
                    {**context, "criteria": {cid: True for cid, _ in met}} if level.get("criteria") else context
                )
                if truthy(evaluate_jexl(str(level["expression"]), level_context, functions, transforms)):
                    outcome = AssessmentOutcome(aid, str(level["level"]), str(level.get("result", "")), tuple(met))
                    break
        except (JexlError, TypeError, ValueError, OverflowError) as exc:
            errors.append(f"{aid}: {exc}")
        outcomes[aid] = outcome
    return InvulhulpOutcome(scores, outcomes, tuple(errors))


__all__ = ["AssessmentOutcome", "InvulhulpOutcome", "evaluate_prescan"]

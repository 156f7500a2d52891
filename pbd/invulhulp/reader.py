"""Reading an Invulhulp export: checked against the Invulhulp's own output schema, then indexed by question id."""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pbd.errors import PbdError
from pbd.files import read_json

Json = dict[str, Any]

_HERE = Path(__file__).resolve().parent
SCHEMA_FILE = _HERE / "assessment-output.v2.schema.json"
PRESCAN_URN = "urn:nl:prescan:2.0"
DPIA_URN = "urn:nl:dpia:3.0"
#: the exports pbd imports: urn with version -> (form, definition file)
FORMS: dict[str, tuple[str, str]] = {PRESCAN_URN: ("prescan", "prescan.yaml"), DPIA_URN: ("dpia", "dpia.yaml")}
FORM_NAMES = {"prescan": ("Pre-scan", "Pre-scan"), "dpia": ("DPIA", "DPIA")}
MAX_BYTES = 50 * 1024 * 1024  # an export with images can be large, but not this large

_FIX = "Export the file again from the Invulhulp (JSON export), or correct the place named."
_KEY = re.compile(r"^(?P<id>[0-9]+(?:\.[0-9]+)*)(?:\[(?P<index>[0-9]+)\])?$")


# ---------------------------------------------------------------------------------------------
# the form definitions (prescan.yaml, dpia.yaml)


@dataclass(frozen=True, slots=True)
class Task:
    """One question (or group of questions) of an Invulhulp form."""

    id: str
    title: str
    types: tuple[str, ...]
    repeatable: bool
    parent: str | None
    options: tuple[Any, ...]
    value_type: str | None
    dependencies: tuple[Json, ...]
    data: Json = field(repr=False)

    @property
    def kind(self) -> str:
        return self.types[0] if self.types else ""


@dataclass(frozen=True, slots=True)
class Definition:
    """A form definition: its questions by id (in form order) and its ``assessments:`` rules."""

    form: str
    urn: str
    version: str
    name: str
    tasks: dict[str, Task]
    assessments: tuple[Json, ...]
    data: Json = field(repr=False)

    def section(self, task_id: str) -> Task:
        """The top-level section a question belongs to."""
        task = self.tasks[task_id]
        while task.parent is not None:
            task = self.tasks[task.parent]
        return task

    def group_of(self, task_id: str) -> str | None:
        """The repeatable group whose elements hold this question's answers (None when not repeated)."""
        task = self.tasks.get(task_id)
        if task is None or task.parent is None:
            return None
        return task.parent if self.tasks[task.parent].repeatable else None


@cache
def definition(form: str) -> Definition:
    """The bundled definition of ``prescan`` or ``dpia``."""
    file = {"prescan": "prescan.yaml", "dpia": "dpia.yaml"}[form]
    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    data = yaml.load((_HERE / file).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    tasks: dict[str, Task] = {}

    def walk(items: list[Json], parent: str | None) -> None:
        for t in items:
            tasks[str(t["id"])] = Task(
                id=str(t["id"]),
                title=" ".join(str(t.get("task", "")).split()),
                types=tuple(t.get("type", ())),
                repeatable=bool(t.get("repeatable")),
                parent=parent,
                options=tuple(o.get("value") for o in t.get("options", ())),
                value_type=t.get("valueType"),
                dependencies=tuple(t.get("dependencies", ())),
                data=t,
            )
            walk(t.get("tasks", []), str(t["id"]))

    walk(data["tasks"], None)
    return Definition(
        form,
        str(data["urn"]),
        str(data.get("version", "")),
        str(data["name"]),
        tasks,
        tuple(data.get("assessments", ())),
        data,
    )


def _jsonschema() -> Any:
    # loaded when an export is read, not when pbd starts; untyped (no stubs for jsonschema here)
    return importlib.import_module("jsonschema")


@cache
def _output_validator() -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return _jsonschema().Draft202012Validator(schema)


# ---------------------------------------------------------------------------------------------
# the export


@dataclass(frozen=True, slots=True)
class Export:
    """An Invulhulp export, validated and indexed.

    ``answers`` holds the answers to questions that are not repeated, by question id; ``groups`` the
    elements of each repeatable group (by group id, sorted by ``_index``), each a dict of question id
    to answer. Values are as exported: text, a list of texts (checkboxes), an image object; cleared
    answers (null or empty text) are left out, as the Invulhulp itself treats them as unanswered.
    """

    name: str
    form: str
    urn: str
    created_at: str
    definition: Definition
    answers: dict[str, Any]
    groups: dict[str, list[tuple[int, dict[str, Any]]]]
    unknown: tuple[str, ...]  # answer keys that name no question of this form
    completed: tuple[str, ...]

    def value(self, task_id: str) -> Any:
        return self.answers.get(task_id)

    def group(self, group_id: str) -> list[tuple[int, dict[str, Any]]]:
        return self.groups.get(group_id, [])

    def all_answers(self) -> list[tuple[str, int | None, Any]]:
        """Every answer as (question id, group index or None, value), in form order."""
        order = {tid: i for i, tid in enumerate(self.definition.tasks)}
        out: list[tuple[str, int | None, Any]] = [(tid, None, v) for tid, v in self.answers.items()]
        for elements in self.groups.values():
            for index, element in elements:
                out.extend((tid, index, v) for tid, v in element.items())
        return sorted(out, key=lambda a: (order.get(a[0], len(order)), a[1] if a[1] is not None else -1))


def _path(parts: list[Any]) -> str:
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_]*", str(p)):
            out += f".{p}"
        else:
            out += f"['{p}']"
    return out


def read_export(path: Path | str) -> Export:
    """Read and validate an Invulhulp JSON export; every problem is one clear :class:`PbdError`."""
    path = Path(path)
    data = read_json(path, "Give the .json file the Invulhulp exported.", max_bytes=MAX_BYTES)
    return parse_export(data, str(path))


def parse_export(data: Any, name: str = "<export>") -> Export:
    """Validate parsed JSON against the Invulhulp output schema and index it."""
    validator = _output_validator()
    errors = list(validator.iter_errors(data))
    if errors:
        best = _jsonschema().exceptions.best_match(errors)
        assert best is not None
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        raise PbdError(
            f"{name}: {_path(list(best.absolute_path))}",
            f"does not match the Invulhulp export format (assessment-output v2): {best.message}{more}",
            _FIX,
        )
    urn = data["metadata"]["urn"]
    if urn not in FORMS:
        known = ", ".join(sorted(FORMS))
        raise PbdError(
            f"{name}: $.metadata.urn",
            f"{urn} is not a form pbd imports",
            f"pbd imports the Pre-scan DPIA 2.0 and the DPIA Rapportagemodel 3.0 ({known}).",
        )
    form = FORMS[urn][0]
    d = definition(form)
    answers: dict[str, Any] = {}
    groups: dict[str, dict[int, dict[str, Any]]] = {}
    unknown: list[str] = []

    def put(task_id: str, index: int | None, answer: Any, key: str) -> None:
        if task_id not in d.tasks:
            unknown.append(key)
            return
        if not isinstance(answer, dict):
            return  # a bare integer inside a group element carries no answer
        value = answer.get("value")
        if value is None or value == "":
            return
        group = d.group_of(task_id)
        if group is None:
            answers[task_id] = value
        else:
            groups.setdefault(group, {}).setdefault(index or 0, {})[task_id] = value

    for key, item in data["answers"].items():
        m = _KEY.match(key)
        assert m is not None  # the schema's propertyNames pattern
        task_id = m["id"]
        if isinstance(item, list):
            if task_id not in d.tasks:
                unknown.append(key)
                continue
            for element in item:
                index = element["_index"]
                groups.setdefault(task_id, {}).setdefault(index, {})
                for child, answer in element.items():
                    if child == "_index":
                        continue
                    cm = _KEY.match(child)
                    assert cm is not None
                    put(cm["id"], index, answer, f"{key}[{index}].{child}")
        else:
            put(task_id, int(m["index"]) if m["index"] is not None else None, item, key)
    return Export(
        name=name,
        form=form,
        urn=urn,
        created_at=str(data["metadata"]["createdAt"]),
        definition=d,
        answers=answers,
        groups={g: sorted(elements.items()) for g, elements in groups.items()},
        unknown=tuple(unknown),
        completed=tuple(data["metadata"].get("completedTasks", ())),
    )


# ---------------------------------------------------------------------------------------------
# visibility (the Invulhulp's "show" conditions)


def normalise(value: Any) -> Any:
    """The Invulhulp's ``normalizeValue``: the texts true/false/null/"" become their real values."""
    if isinstance(value, str):
        if value.lower() == "true":
            return True
        if value.lower() == "false":
            return False
        if value in ("null", ""):
            return None
    return value


def shown(task: Task, lookup: Any, *, intended: bool = True) -> bool:
    """Whether the Invulhulp shows ``task`` given the answers (``lookup(question id) -> value``).

    All ``conditional`` dependencies must hold (``equals`` after normalising, ``contains`` on lists).
    With ``intended`` a condition value wrapped in single quotes — a slip in prescan.yaml for the
    "Specificeer" questions 1.1.3 and 1.4.2 that makes the Invulhulp never show them — is read
    without the quotes, as it was meant.
    """
    for dep in task.dependencies:
        if dep.get("type") != "conditional" or not dep.get("condition"):
            continue
        cond = dep["condition"]
        want = cond.get("value")
        if intended and isinstance(want, str) and len(want) > 1 and want[0] == want[-1] == "'":
            want = want[1:-1]
        got = normalise(lookup(str(cond["id"])))
        if cond.get("operator") == "contains" and isinstance(got, list):
            met = want in got
        elif cond.get("operator") in ("equals", "contains"):
            met = got == want and type(got) is type(want)
        else:
            met = True
        if dep.get("action") == "show" and not met:
            return False
    return True


__all__ = [
    "DPIA_URN",
    "FORMS",
    "PRESCAN_URN",
    "Definition",
    "Export",
    "Task",
    "definition",
    "normalise",
    "parse_export",
    "read_export",
    "shown",
]

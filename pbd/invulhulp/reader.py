"""Reading an Invulhulp export (JSON, or the JSON a PDF export carries): migrated from older formats, checked
against the Invulhulp's own output schema, its form URN resolved by family and version, then indexed by question id."""

from __future__ import annotations

import copy
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
from pbd.invulhulp.forms import KNOWN, Form, FormUrn, resolve
from pbd.invulhulp.migrate_v1 import migrate
from pbd.invulhulp.pdf_state import is_pdf, read_pdf_state

Json = dict[str, Any]

_HERE = Path(__file__).resolve().parent
SCHEMA_FILE = _HERE / "assessment-output.v2.schema.json"
PRESCAN_URN = KNOWN["prescan"]["2.0"].urn
DPIA_URN = KNOWN["dpia"]["3.0"].urn
IAMA_URN = KNOWN["iama"]["2.0"].urn
#: the exports pbd imports: urn with version -> (form, definition file)
FORMS: dict[str, tuple[str, str]] = {
    form.urn: (family, form.file) for family, versions in KNOWN.items() for form in versions.values()
}
FORM_NAMES = {"prescan": ("Pre-scan", "Pre-scan"), "dpia": ("DPIA", "DPIA"), "iama": ("IAMA", "IAMA")}
MAX_BYTES = 50 * 1024 * 1024  # an export with images can be large, but not this large

_FIX = "Export the file again from the Invulhulp (JSON or PDF export), or correct the place named."
#: a question id: digits first, then parts that may hold letters (the IAMA's "2.2A.1", "1.actiepunten.tekst")
_KEY = re.compile(r"^(?P<id>[0-9]+(?:\.[0-9A-Za-z][0-9A-Za-z-]*)*)(?:\[(?P<index>[0-9]+)\])?$")
_KEY_PATTERN = r"^[0-9]+(\.[0-9A-Za-z][0-9A-Za-z-]*)*(\[[0-9]+\])?$"


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
        """The repeatable group whose elements hold this question's answers (None when not repeated).

        A repeatable question without sub-questions outside a repeated group (the IAMA's action points,
        exported as ``"1.actiepunten.tekst[0]"``, ``[1]``, …) is its own group.
        """
        task = self.tasks.get(task_id)
        if task is None:
            return None
        if task.parent is not None and self.tasks[task.parent].repeatable:
            return task.parent
        return task_id if task.repeatable and not task.data.get("tasks") else None


@cache
def definition(form: str, version: str | None = None) -> Definition:
    """The bundled definition of ``prescan``, ``dpia`` or ``iama`` (its newest version unless one is named)."""
    versions = KNOWN[form]
    file = versions[version or max(versions)].file
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
    """The Invulhulp's output schema, with two checks left to pbd: the form URN (:func:`forms.resolve` reads
    concept versions and names an unknown version) and question ids with letters (the IAMA's ``2.2A.1``, which
    the Invulhulp writes although its schema's key pattern, made for the DPIA, has digits only)."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    relaxed = copy.deepcopy(schema)
    relaxed["properties"]["metadata"]["properties"]["urn"].pop("pattern", None)
    relaxed["$defs"]["answerKey"]["pattern"] = _KEY_PATTERN
    relaxed["$defs"]["indexedGroupElement"]["propertyNames"]["pattern"] = "^(_index|" + _KEY_PATTERN[1:-1] + ")$"
    relaxed["properties"]["metadata"]["properties"]["completedTasks"]["items"]["pattern"] = (
        r"^[0-9]+(\.[0-9A-Za-z-]+)*$"
    )
    return _jsonschema().Draft202012Validator(relaxed)


# ---------------------------------------------------------------------------------------------
# the export


@dataclass(frozen=True, slots=True)
class Export:
    """An Invulhulp export, validated and indexed.

    ``answers`` holds the answers to questions that are not repeated, by question id; ``groups`` the
    elements of each repeatable group (by group id, sorted by ``_index``), each a dict of question id
    to answer. Values are as exported: text, a list of texts (checkboxes), an image object. ``cleared``
    lists the answers the export holds without a value (null or empty text): the Invulhulp treats them
    as unanswered, and so does pbd, but the import summary counts them.
    """

    name: str
    form: str  # the family: prescan | dpia | iama
    urn: str  # as written in the export (or as pbd read an export without one)
    created_at: str
    definition: Definition
    answers: dict[str, Any]
    groups: dict[str, list[tuple[int, dict[str, Any]]]]
    unknown: tuple[str, ...]  # answer keys that name no question of this form
    completed: tuple[str, ...]
    cleared: tuple[str, ...] = ()  # answer keys whose value is null or empty
    version: str = ""  # the form version read (the definition's), e.g. "3.0"
    concept: bool = False  # the export was made with a concept (prerelease) version of the form
    container: str = "json"  # json | pdf (the JSON state in a PDF export's document information)
    shape: str = "v2"  # v2 | namespaced | v1: the format before pbd migrated it
    notes: tuple[tuple[str, str], ...] = ()  # (nl, en) what reading did: migration, a concept read as its release

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

    @property
    def answer_count(self) -> int:
        """Every answer the export holds, with or without a value, including those naming no question."""
        return len(self.all_answers()) + len(self.unknown) + len(self.cleared)


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
    """Read an Invulhulp export — JSON, or a PDF export's embedded JSON — and validate it; every problem is
    one clear :class:`PbdError`."""
    path = Path(path)
    if path.is_file() and is_pdf(path):
        text = read_pdf_state(path, max_bytes=MAX_BYTES)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PbdError(
                f"{path}: AssessmentData",
                f"the Invulhulp data in this PDF are not JSON ({exc.msg})",
                "Export the PDF again from the Invulhulp.",
            ) from None
        return parse_export(data, str(path), container="pdf")
    data = read_json(path, "Give the .json (or .pdf) file the Invulhulp exported.", max_bytes=MAX_BYTES)
    return parse_export(data, str(path))


def parse_export(data: Any, name: str = "<export>", *, container: str = "json") -> Export:
    """Migrate an older export, validate it against the Invulhulp output schema, resolve its form and index it."""
    migrated = migrate(data)
    data = migrated.data
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
    form, urn = resolve(data["metadata"]["urn"], f"{name}: $.metadata.urn")
    notes = list(migrated.notes)
    if urn.concept:
        notes.append(
            (
                f"conceptversie {urn.version} gelezen met de definitie van {form.urn}",
                f"concept version {urn.version} read with the definition of {form.urn}",
            )
        )
    return _index(data, name, form, urn, container, migrated.shape, notes, migrated.dropped)


def _index(
    data: Json,
    name: str,
    form: Form,
    urn: FormUrn,
    container: str,
    shape: str,
    notes: list[tuple[str, str]],
    dropped: tuple[str, ...],
) -> Export:
    d = definition(form.family, form.version)
    answers: dict[str, Any] = {}
    groups: dict[str, dict[int, dict[str, Any]]] = {}
    unknown: list[str] = list(dropped)
    cleared: list[str] = []

    def put(task_id: str, index: int | None, answer: Any, key: str) -> None:
        if task_id not in d.tasks:
            unknown.append(key)
            return
        if not isinstance(answer, dict):
            return  # a bare integer inside a group element carries no answer
        value = answer.get("value")
        if value is None or value == "":
            cleared.append(key)
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
                unknown.extend(f"{key}[{el['_index']}].{c}" for el in item for c in el if c != "_index")
                continue
            for element in item:
                index = element["_index"]
                groups.setdefault(task_id, {}).setdefault(index, {})
                for child, answer in element.items():
                    if child == "_index":
                        continue
                    cm = _KEY.match(child)
                    assert cm is not None
                    put(cm["id"], index, answer, f"{cm['id']}[{index}]")
        else:
            put(task_id, int(m["index"]) if m["index"] is not None else None, item, key)
    return Export(
        name=name,
        form=form.family,
        urn=urn.text,
        created_at=str(data["metadata"]["createdAt"]),
        definition=d,
        answers=answers,
        groups={g: sorted(elements.items()) for g, elements in groups.items()},
        unknown=tuple(unknown),
        completed=tuple(data["metadata"].get("completedTasks", ())),
        cleared=tuple(cleared),
        version=form.version,
        concept=urn.concept,
        container=container,
        shape=shape,
        notes=tuple(notes),
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
    "FORM_NAMES",
    "IAMA_URN",
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

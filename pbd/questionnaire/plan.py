"""The question plan: which questions exist, in which order, and which apply to the answers so far.

Pure: no terminal, no file. :class:`Planner` reads the current answers through a callable, so the
terminal session and (later) the web dossier see the same plan; :func:`next_questions` is the
plain-function view of it: given the current data, the next questions with their path, title,
help, article and type or choices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from pbd.description.model import ProjectDescription
from pbd.engine.views import processing_derived
from pbd.messages import pick
from pbd.questionnaire.branching import ASK_WHEN, Ctx
from pbd.questionnaire.choices import CHOICES, Choice
from pbd.questionnaire.fields import FieldSpec, _key_spec, _model_at, _spec, field_specs
from pbd.questionnaire.paths import Json, PathT, _get, generic_path
from pbd.vocabulary import LABELS

#: The parts of the questionnaire, in the order they are asked: systems before processings, so a
#: processing can point at its systems; risks after processings, so a risk can point at them.
SECTIONS: tuple[str, ...] = ("project", "parties", "systems", "processings", "risks", "waivers")
SECTION_ALIASES: dict[str, str] = {
    "project": "project",
    "parties": "parties",
    "partijen": "parties",
    "systems": "systems",
    "systemen": "systems",
    "processings": "processings",
    "verwerkingen": "processings",
    "risks": "risks",
    "risicos": "risks",
    "risico's": "risks",
    "waivers": "waivers",
    "afwijkingen": "waivers",
}


QUESTION, GROUP = "question", "group"


@dataclass(frozen=True, slots=True)
class Node:
    """One step of the plan: a question, or a repeatable group (add, review or remove items)."""

    path: PathT
    spec: FieldSpec
    kind: str  # QUESTION or GROUP


class Planner:
    """The plan over the answers ``data()`` returns now (re-read on every call; derived facts cached per version)."""

    def __init__(self, data: Callable[[], Json]) -> None:
        self._data = data
        self._derived: dict[int, Json] = {}
        self._derived_of: Json | None = None

    @property
    def data(self) -> Json:
        return self._data()

    def context(self, path: PathT) -> Ctx:
        data = self.data
        obj = _get(data, path[:-1]) if len(path) > 1 else data
        item: Json = {}
        for i in range(len(path) - 1, -1, -1):
            if isinstance(path[i], int):
                found = _get(data, path[: i + 1])
                item = found if isinstance(found, dict) else {}
                break
        proc: Json = {}
        derived: Json = {}
        if len(path) > 1 and path[0] == "processings" and isinstance(path[1], int):
            found = _get(data, path[:2])
            proc = found if isinstance(found, dict) else {}
            derived = self._derived_for(path[1], proc)
        return Ctx(data, obj if isinstance(obj, dict) else {}, item, proc, derived)

    def _derived_for(self, index: int, proc: Json) -> Json:
        if self._derived_of is not self.data:
            self._derived, self._derived_of = {}, self.data
        if index not in self._derived:
            systems = [s for s in self.data.get("systems", []) if s.get("id") in proc.get("systems", [])]
            self._derived[index] = processing_derived(proc, systems, self.data.get("parties", []))
        return self._derived[index]

    def choices(self, path: PathT, spec: FieldSpec) -> list[Choice]:
        if spec.enum is not None:
            labels = LABELS.get(spec.enum.__name__, {})
            return [(m.value, *labels.get(m.value, (m.value, m.value))) for m in spec.enum]
        make = CHOICES.get(generic_path(path))
        return make(self.context(path)) if make else []

    def applies(self, path: PathT, spec: FieldSpec) -> bool:
        if _get(self.data, path) is not None:
            return True  # never hide an answer
        when = ASK_WHEN.get(generic_path(path))
        if when is not None and not when.test(self.context(path)):
            return False
        return not (spec.kind in ("choice", "choice_list") and not self.choices(path, spec))

    def key(self, path: PathT) -> str:
        """A key for ``path`` that survives reordering: list items by their name or id."""
        out = ""
        for i, elem in enumerate(path):
            if isinstance(elem, int):
                item = _get(self.data, path[: i + 1])
                model = _model_at(path[: i + 1])
                name = item.get(_key_spec(model).name) if isinstance(item, dict) else None
                out += f"[{name}]" if name is not None else f"[#{elem}]"
            else:
                out += f".{elem}" if out else elem
        return out

    def nodes(self, root: PathT, *, expand: bool) -> list[Node]:
        out: list[Node] = []
        if len(root) == 1:  # a section: one field of the description
            self._field_nodes(root, _spec(ProjectDescription, str(root[0])), expand, out)
        else:  # one item of a list
            self._model_nodes(_model_at(root), root, expand, out)
        return out

    def _model_nodes(self, model: type[BaseModel], path: PathT, expand: bool, out: list[Node]) -> None:
        for spec in field_specs(model):
            self._field_nodes((*path, spec.name), spec, expand, out)

    def _field_nodes(self, path: PathT, spec: FieldSpec, expand: bool, out: list[Node]) -> None:
        if not self.applies(path, spec):
            return
        if spec.kind == "model":
            assert spec.target is not None
            self._model_nodes(spec.target, path, expand, out)
        elif spec.kind == "model_list":
            assert spec.target is not None
            if expand:
                for i in range(len(_get(self.data, path) or [])):
                    self._model_nodes(spec.target, (*path, i), expand, out)
            out.append(Node(path, spec, GROUP))
        else:
            out.append(Node(path, spec, QUESTION))

    def answered(self, node: Node) -> bool:
        return _get(self.data, node.path) is not None

    def applicable(self, section: str | None = None) -> list[PathT]:
        """The paths of every question that applies now (answered or not), in the order they are asked."""
        sections = (section,) if section else SECTIONS
        return [n.path for s in sections for n in self.nodes((s,), expand=True) if n.kind == QUESTION]


@dataclass(frozen=True, slots=True)
class Question:
    """A question as a web page or another front end would show it."""

    path: PathT
    generic: str  # processings[].legal_basis.provision
    key: str  # stable over reordering: processings[wifi].legal_basis.provision
    kind: str  # see FieldSpec.kind
    required: bool
    title: str
    help: str
    ref: str  # the article or source
    asked_because: str  # why it applies (the branching condition), or ""
    choices: tuple[tuple[str, str], ...]  # (value, label) for enum and choice questions
    answer: object  # the current answer, None when not answered


def next_questions(
    data: Json,
    *,
    lang: str = "nl",
    section: str | None = None,
    skipped: Iterable[str] = (),
    answered: bool = False,
) -> Iterator[Question]:
    """The questions that apply to ``data`` now, in the order they are asked.

    Unanswered ones only (``answered=True``: every applicable question), leaving out the keys in
    ``skipped`` (questions the user put off). Lists are expanded item by item; adding an item is
    the front end's own action (:class:`Node` of kind ``group`` in :meth:`Planner.nodes`).
    """
    plan = Planner(lambda: data)
    put_off = set(skipped)
    for name in (section,) if section else SECTIONS:
        for node in plan.nodes((name,), expand=True):
            if node.kind != QUESTION:
                continue
            current = _get(data, node.path)
            key = plan.key(node.path)
            if not answered and (current is not None or key in put_off):
                continue
            when = ASK_WHEN.get(generic_path(node.path))
            spec = node.spec
            yield Question(
                path=node.path,
                generic=generic_path(node.path),
                key=key,
                kind=spec.kind,
                required=spec.required,
                title=spec.title(lang),
                help=spec.help(lang),
                ref=spec.ref,
                asked_because=when.text(lang) if when is not None else "",
                choices=tuple((c[0], pick(lang, c[1], c[2])) for c in plan.choices(node.path, spec)),
                answer=current,
            )

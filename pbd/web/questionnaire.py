"""The questionnaire as web forms, without Django: the question plan as form fields, one answer validated and applied.

The plan is the terminal questionnaire's own (:class:`pbd.questionnaire.plan.Planner`: the model's
titles, help and articles, :data:`~pbd.questionnaire.branching.ASK_WHEN`, the choices of
:data:`~pbd.questionnaire.choices.CHOICES`), so the web dossier asks exactly what ``pbd
questionnaire`` asks. A page is a *part*: the first pass (:data:`~pbd.questionnaire.first_pass.FIRST_PASS`,
the questions that decide the screening), a section (``project``, ``parties`` …) or one list item
(``processings.0``). Its questions are grouped into fieldsets, one per block of the model, with the
actions that add an item to a list.

An answer arrives as form text for one field (its name is its path, ``processings.0.collection.methods``),
becomes a value through the model's own validators (:func:`pbd.questionnaire.answers.parse_answer`),
and is applied to a copy of the description; the whole description is then validated by the CLI's
loader, so a saved version is always a file ``pbd check`` reads. Errors come back as
:class:`AnswerError`, in Dutch and English, for the message beside the field.

The live panel (:func:`panel`) is the engine's judgement of the new version: the screening with its
reasons and the questions that still decide it, the gaps and open questions per section, and the
gate to-do list (:func:`pbd.todo.build_todo`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pbd.description.source import json_path
from pbd.messages import outcome, pick, t
from pbd.questionnaire.answers import AnswerError, _validate, parse_answer
from pbd.questionnaire.choices import REFERENCES
from pbd.questionnaire.countries import country_choices, country_code, country_name
from pbd.questionnaire.fields import FieldSpec, _key_spec, _model_at, _spec, _spec_at
from pbd.questionnaire.first_pass import FIRST_PASS, FIRST_PASS_GROUPS, in_first_pass
from pbd.questionnaire.paths import Json, PathT, _get, generic_path
from pbd.questionnaire.plan import GROUP, QUESTION, SECTIONS, Node, Planner
from pbd.vocabulary import Status

if TYPE_CHECKING:
    from pbd.engine import Assessment, Finding
    from pbd.knowledge_base import KnowledgeBase

FIRST = "eerste"  # the first pass, as a part name in URLs
#: the parts a dossier's questionnaire has, in order: the first pass, then the sections
PARTS: tuple[str, ...] = (FIRST, *SECTIONS)
#: list sections whose items each have a page of their own (the section page lists them)
BY_ITEM: frozenset[str] = frozenset({"processings"})
#: the checkbox that answers a list with "none of these" (an empty list: answered, unlike a list left open)
NONE = "-"
#: enums with at most this many values are radio buttons; longer ones a select
RADIO_MAX = 7
#: text fields answered in a line (the rest get a text area)
_SHORT_TEXT = frozenset(
    {
        "name",
        "organisation",
        "department",
        "contact",
        "dpo",
        "provision",
        "recipient",
        "supplier",
        "provider",
        "category",
        "owner",
        "version",
        "term",
        "invited_by",
        "approved_by",
        "source_party",
        "uavg_provision",
        "verified_by",
        "privacy_statement",
        "archive_selection_list",
        "statutory_basis",
        "council_ordinance",
    }
)
_PATH_PART = re.compile(r"^(?:[a-z][a-z0-9_]*|\d{1,4})$")


class PartError(ValueError):
    """A part or field name in a request that names nothing in the model (a tampered or stale form)."""


# -- paths in forms ---------------------------------------------------------------------------


def field_name(path: PathT) -> str:
    """The HTML name of the field at ``path``: ``processings.0.collection.methods``."""
    return ".".join(str(p) for p in path)


def field_id(path: PathT) -> str:
    """The HTML id of the field at ``path`` (also its anchor): ``f-processings-0-collection-methods``."""
    return "f-" + "-".join(str(p) for p in path)


def parse_path(name: str) -> PathT:
    """The path a field name stands for; :class:`PartError` for anything that is not a path of the model."""
    parts = name.split(".")
    if not name or len(parts) > 12 or not all(_PATH_PART.match(p) for p in parts):
        raise PartError(name)
    path: PathT = tuple(int(p) if p.isdigit() else p for p in parts)
    if not isinstance(path[0], str) or (path[0] not in SECTIONS and path[0] != "project"):
        raise PartError(name)
    try:
        model_path = path if isinstance(path[-1], int) else path[:-1]
        _model_at(model_path)
        if not isinstance(path[-1], int):
            _spec_at(path)
        for i, elem in enumerate(path):  # an index only where the model has a list of blocks
            if isinstance(elem, int) and (i == 0 or _spec_at(path[:i]).kind != "model_list"):
                raise PartError(name)
    except KeyError:
        raise PartError(name) from None
    return path


def parse_part(name: str) -> PathT:
    """The root of a questionnaire page: ``(FIRST,)``, a section, or one list item (``processings.0``)."""
    if name in PARTS:
        return (name,)
    path = parse_path(name)
    if len(path) != 2 or not isinstance(path[1], int):
        raise PartError(name)
    return path


# -- the form ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Criterion:
    """A criterion that reads a field (shown in the field's help)."""

    id: str
    title: str
    why: str


@dataclass(frozen=True, slots=True)
class FormField:
    """One question as a form field: what the template needs, nothing it has to work out."""

    name: str  # the HTML name (the path)
    id: str  # the HTML id and anchor
    path: PathT
    generic: str
    json_path: str  # $.processings[0].collection.methods (where findings point)
    kind: str  # FieldSpec.kind
    widget: str  # tri | radio | select | checkboxes | text | textarea | lines | number | date | duration | country
    label: str
    help: str
    ref: str
    asked_because: str
    criteria: tuple[Criterion, ...]
    choices: tuple[tuple[str, str], ...]  # (value, label); for tri: yes, no, unknown
    value: str  # the current answer as the widget shows it ("" = not answered)
    values: tuple[str, ...]  # the chosen values of a checkbox list
    required: bool
    first_pass: bool
    answered: bool

    @property
    def message_id(self) -> str:
        return f"{self.id}-msg"

    @property
    def help_id(self) -> str:
        return f"{self.id}-help"


@dataclass(frozen=True, slots=True)
class AddAction:
    """An action that adds an item to a list (a processing, a system, a purpose): it asks the item's key."""

    name: str  # the list's path as a field name: processings.0.purposes
    id: str
    label: str  # "Doel toevoegen"
    key_label: str  # what the new item needs first ("Omschrijving")
    key_help: str
    key_widget: str  # text | select | country
    key_choices: tuple[tuple[str, str], ...]
    count: int  # how many items the list has now


@dataclass(slots=True)
class Fieldset:
    """The questions of one block of the model (a processing's collection, one purpose), in plan order."""

    path: PathT  # the mapping the fields belong to
    id: str
    legend: str
    fields: list[FormField] = field(default_factory=list)
    adds: list[AddAction] = field(default_factory=list)
    item: str | None = None  # the field name of the list item this block belongs to (for its remove button)
    item_label: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the questionnaire: its part, title and fieldsets, and the other parts to go to."""

    part: str
    title: str
    fieldsets: tuple[Fieldset, ...]
    asked: int  # questions on the page
    answered: int
    items: tuple[tuple[str, str], ...]  # (part name, label) of the list items of a section, for their own pages


def countries(lang: str) -> tuple[str, ...]:
    """The country names a country field suggests (one ``<datalist>`` per page); any of them, or a code, is an answer."""
    return tuple(name for _, name in country_choices(lang, marked=False))


def _tri_choices(lang: str) -> tuple[tuple[str, str], ...]:
    return (("yes", t(lang, "web.q.yes")), ("no", t(lang, "web.q.no")), ("", t(lang, "web.q.unknown")))


def _widget(spec: FieldSpec, n_choices: int) -> str:
    kind = spec.kind
    if kind == "bool":
        return "tri"
    if kind in ("enum", "choice"):
        return "radio" if n_choices <= RADIO_MAX else "select"
    if kind in ("enum_list", "choice_list"):
        return "checkboxes"
    if kind == "text_list":
        return "lines"
    if kind == "int":
        return "number"
    if kind in ("date", "duration", "country"):
        return kind
    if kind == "identifier":
        return "text"
    return "text" if spec.name in _SHORT_TEXT else "textarea"


def _shown(spec: FieldSpec, value: Any) -> tuple[str, tuple[str, ...]]:
    if value is None:
        return "", ()
    if spec.kind == "bool":
        return ("yes" if value else "no"), ()
    if isinstance(value, list):
        if spec.kind == "text_list":
            return "\n".join(str(v) for v in value), ()
        return "", tuple(str(v) for v in value) or (NONE,)
    return str(value), ()


class Forms:
    """The questionnaire of one description as form pages (the plan is re-read from ``data`` each time)."""

    def __init__(self, data: Json, lang: str = "nl", knowledge_base: KnowledgeBase | None = None) -> None:
        self.data = data
        self.lang = lang
        self.plan = Planner(lambda: self.data)
        self._criteria = criteria_index(knowledge_base, lang) if knowledge_base is not None else {}

    # the fields ------------------------------------------------------------------------------

    def form_field(self, path: PathT, spec: FieldSpec | None = None) -> FormField:
        spec = spec or _spec_at(path)
        lang = self.lang
        generic = generic_path(path)
        choices: tuple[tuple[str, str], ...]
        if spec.kind == "country":
            choices = ()  # one list of country names per page (:func:`countries`), not one per field
        elif spec.kind == "bool":
            choices = _tri_choices(lang)
        else:
            choices = tuple((c[0], pick(lang, c[1], c[2])) for c in self.plan.choices(path, spec))
            if spec.kind in ("enum_list", "choice_list"):
                choices = (*choices, (NONE, t(lang, "web.q.none")))
        value = _get(self.data, path)
        shown, values = _shown(spec, value)
        if spec.kind == "country" and shown:
            shown = country_name(shown, lang)
        from pbd.questionnaire.branching import ASK_WHEN

        when = ASK_WHEN.get(generic)
        widget = _widget(spec, len(choices))
        if widget == "radio" and not spec.required and "unknown" not in {c[0] for c in choices}:
            # an answer can be taken back: "weet niet" again (an enum with its own "unknown" has it already)
            choices = (*choices, ("", t(lang, "web.q.unknown")))
        return FormField(
            name=field_name(path),
            id=field_id(path),
            path=path,
            generic=generic,
            json_path=json_path(path),
            kind=spec.kind,
            widget=widget,
            label=spec.title(lang),
            help=spec.help(lang),
            ref=spec.ref,
            asked_because=when.text(lang) if when is not None else "",
            criteria=tuple(self._criteria.get(generic, ())),
            choices=choices,
            value=shown,
            values=values,
            required=spec.required,
            first_pass=in_first_pass(generic),
            answered=value is not None,
        )

    def _add_action(self, node: Node) -> AddAction:
        lang = self.lang
        spec = node.spec
        assert spec.target is not None
        key = _key_spec(spec.target)
        item_path = (*node.path, len(_get(self.data, node.path) or []))
        key_field = self.form_field((*item_path, key.name), key)
        widget = key_field.widget if key_field.widget in ("select", "country", "radio") else "text"
        return AddAction(
            name=field_name(node.path),
            id=field_id(node.path) + "-add",
            label=t(lang, "web.q.add", what=_singular(spec, lang)),
            key_label=key.title(lang),
            key_help=key.help(lang),
            key_widget="select" if widget == "radio" else widget,
            key_choices=key_field.choices,
            count=len(_get(self.data, node.path) or []),
        )

    # the pages -------------------------------------------------------------------------------

    def nodes(self, part: PathT) -> list[Node]:
        if part == (FIRST,):
            out: list[Node] = []
            for section in SECTIONS:
                for node in self.plan.nodes((section,), expand=True):
                    generic = generic_path(node.path)
                    if (node.kind == QUESTION and in_first_pass(generic)) or (
                        node.kind == GROUP and generic in FIRST_PASS_GROUPS
                    ):
                        out.append(node)
            return out
        return self.plan.nodes(part, expand=True)

    def names(self, part: PathT) -> list[str]:
        """The field names of a part's questions and add actions, in order (cheap: to see whether a save changed them)."""
        return [f"{field_name(n.path)}{'+' if n.kind == GROUP else ''}" for n in self.nodes(part)]

    def progress_all(self) -> dict[str, tuple[int, int]]:
        """(answered, asked) of every part and every processing, from one walk of the plan."""
        out: dict[str, list[int]] = {name: [0, 0] for name in PARTS}
        for section in SECTIONS:
            for node in self.plan.nodes((section,), expand=True):
                if node.kind != QUESTION:
                    continue
                done = int(self.plan.answered(node))
                keys = [section]
                if in_first_pass(generic_path(node.path)):
                    keys.append(FIRST)
                if section in BY_ITEM and len(node.path) > 2 and isinstance(node.path[1], int):
                    keys.append(f"{section}.{node.path[1]}")
                for key in keys:
                    counts = out.setdefault(key, [0, 0])
                    counts[0] += done
                    counts[1] += 1
        return {key: (a, b) for key, (a, b) in out.items()}

    def first_open(self, part: PathT) -> str:
        """The id of the part's first question without an answer ("" when every one has one)."""
        for node in self.nodes(part):
            if node.kind == QUESTION and not self.plan.answered(node):
                return field_id(node.path)
        return ""

    def progress(self, part: PathT) -> tuple[int, int]:
        """(answered, asked) of a part's questions, without building its fields."""
        questions = [n for n in self.nodes(part) if n.kind == QUESTION]
        return sum(1 for n in questions if self.plan.answered(n)), len(questions)

    def page(self, part: PathT) -> Page:
        """The fieldsets of one part, in the order the plan asks its questions."""
        fieldsets: list[Fieldset] = []
        by_path: dict[PathT, Fieldset] = {}
        seen: dict[str, int] = {}
        asked = answered = 0
        for node in self.nodes(part):
            owner = node.path[:-1]
            fs = by_path.get(owner)
            if fs is None or fieldsets[-1] is not fs:
                base = field_id(owner) + "-set" if owner else "f-root-set"
                seen[base] = seen.get(base, 0) + 1  # a block continued after a nested one: the same block, a new id
                fs = Fieldset(owner, base if seen[base] == 1 else f"{base}-{seen[base]}", self.legend(owner))
                item = _item_of(owner)
                if item is not None:
                    fs.item = field_name(item)
                    fs.item_label = self.item_label(item)
                fieldsets.append(fs)
                by_path[owner] = fs
            if node.kind == QUESTION:
                ff = self.form_field(node.path, node.spec)
                fs.fields.append(ff)
                asked += 1
                answered += ff.answered
            else:
                fs.adds.append(self._add_action(node))
        items: list[tuple[str, str]] = []
        if len(part) == 1 and part[0] in ("processings", "systems", "parties", "risks"):
            for i, _ in enumerate(_get(self.data, part) or []):
                items.append((f"{part[0]}.{i}", self.item_label((part[0], i))))
        return Page(
            part=field_name(part),
            title=self.part_title(part),
            fieldsets=tuple(fieldsets),
            asked=asked,
            answered=answered,
            items=tuple(items),
        )

    def part_title(self, part: PathT) -> str:
        if part == (FIRST,):
            return t(self.lang, "web.q.first_pass")
        if len(part) == 1:
            return _spec_at(part).title(self.lang)
        return self.item_label(part)

    def item_label(self, item: PathT) -> str:
        """A list item as people name it: "Verwerking wifi-tellen", "Doel 2: drukte meten"."""
        spec = _spec_at(item[:-1])
        model = _model_at(item)
        data = _get(self.data, item)
        key = _key_spec(model).name
        name = data.get(key) if isinstance(data, dict) else None
        assert isinstance(item[-1], int)
        what = _singular(spec, self.lang)
        if name is None:
            return f"{what} {item[-1] + 1}"
        if key == "country":
            name = country_name(str(name), self.lang)
        text = str(name)
        return f"{what} {item[-1] + 1}: {text[:60]}{'…' if len(text) > 60 else ''}"

    def legend(self, owner: PathT) -> str:
        """The title of the block at ``owner``: its own title, after the item it belongs to."""
        if not owner:
            return ""
        parts: list[str] = []
        for i in range(1, len(owner) + 1):
            sub = owner[:i]
            if isinstance(sub[-1], int):
                parts[-1:] = [self.item_label(sub)]
            else:
                parts.append(_spec_at(sub).title(self.lang))
        return " › ".join(parts)


def _item_of(path: PathT) -> PathT | None:
    """The innermost list item ``path`` lies in (its path ends with the index), or None."""
    for i in range(len(path) - 1, 0, -1):
        if isinstance(path[i], int):
            return path[: i + 1]
    return None


def _singular(spec: FieldSpec, lang: str) -> str:
    from pbd.questionnaire.texts import _singular as singular

    return singular(spec, lang)


# -- criteria per field -----------------------------------------------------------------------

#: (id of the knowledge base, lang) -> (that knowledge base, its index): one per organisation profile in use
_CRITERIA_CACHE: dict[tuple[int, str], tuple[KnowledgeBase, dict[str, list[Criterion]]]] = {}


def criteria_index(kb: KnowledgeBase, lang: str) -> dict[str, list[Criterion]]:
    """Generic field path -> the criteria whose requirement reads it (the "which criteria" of the help)."""
    key = (id(kb), lang)
    cached = _CRITERIA_CACHE.get(key)
    if cached is not None and cached[0] is kb:  # the same object, not a new one at a reused address
        return cached[1]
    from pbd.questionnaire.help import _criteria_by_field

    found = {g: [Criterion(*row) for row in rows] for g, rows in _criteria_by_field(kb, lang).items()}
    if len(_CRITERIA_CACHE) >= 16:  # the bundled one and a few organisations' profiles, in two languages
        _CRITERIA_CACHE.clear()
    _CRITERIA_CACHE[key] = (kb, found)
    return found


# -- one answer -------------------------------------------------------------------------------


def value_of(spec: FieldSpec, path: PathT, raw: Sequence[str], choices: Sequence[tuple[str, str, str]]) -> Any:
    """The value for the form values ``raw`` of one field (None: clear the answer); :class:`AnswerError` when invalid."""
    values = [v for v in raw if v is not None]
    kind = spec.kind
    if kind in ("enum_list", "choice_list"):
        chosen = [v.strip() for v in values if v.strip()]
        if not chosen:
            return None
        if NONE in chosen:  # "none of these" is an answer: an empty list, which is not "not answered"
            if len(set(chosen)) > 1:
                raise AnswerError(t("nl", "web.q.none_alone"), t("en", "web.q.none_alone"))
            return []
        allowed = {c[0] for c in choices}
        if allowed and any(v not in allowed for v in chosen):
            raise AnswerError(t("nl", "web.q.not_a_choice"), t("en", "web.q.not_a_choice"))
        return [str(v) for v in _validate(spec, path, list(dict.fromkeys(chosen)))]
    text = (values[-1] if values else "").strip()
    if kind == "text_list":
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return _validate(spec, path, lines) if lines else None
    if not text:
        return None
    if kind == "bool":
        if text not in ("yes", "no"):
            raise AnswerError(t("nl", "web.q.not_a_choice"), t("en", "web.q.not_a_choice"))
        return text == "yes"
    if kind in ("enum", "choice"):
        if text not in {c[0] for c in choices}:
            raise AnswerError(t("nl", "web.q.not_a_choice"), t("en", "web.q.not_a_choice"))
        return str(_validate(spec, path, text))
    if kind == "country":
        code = country_code(text)
        if code is None:
            raise AnswerError(t("nl", "web.q.not_a_country", text=text), t("en", "web.q.not_a_country", text=text))
        return _validate(spec, path, code)
    value, _ = parse_answer(spec, path, text, list(choices))
    if kind == "date":
        return value.isoformat()
    return value


def _set(data: Json, path: PathT, value: Any) -> None:
    node: Any = data
    for i, elem in enumerate(path[:-1]):
        nxt = path[i + 1]
        if isinstance(elem, int):
            node = node[elem]
            continue
        if node.get(elem) is None:
            node[elem] = [] if isinstance(nxt, int) else {}
        node = node[elem]
    last = path[-1]
    if isinstance(last, int):
        node[last] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value


def _prune(data: Json, path: PathT) -> None:
    """Remove mappings left empty by clearing an answer (never a list item: an item keeps its key)."""
    for end in range(len(path) - 1, 0, -1):
        sub = path[:end]
        if isinstance(sub[-1], int):
            return
        node = _get(data, sub)
        if isinstance(node, dict) and not node and sub != ("project",):
            parent = _get(data, sub[:-1]) if len(sub) > 1 else data
            if isinstance(parent, dict):
                parent.pop(sub[-1], None)
        else:
            return


@dataclass(frozen=True, slots=True)
class Change:
    """A valid new description after one answer, and what it was."""

    data: Json
    path: PathT
    value: Any


def _exists(data: Json, path: PathT) -> None:
    """Every list item on ``path`` must exist (a form for an item another user just removed is stale)."""
    for i, elem in enumerate(path):
        if isinstance(elem, int):
            items = _get(data, path[:i])
            if not isinstance(items, list) or not 0 <= elem < len(items):
                raise AnswerError(t("nl", "web.q.stale"), t("en", "web.q.stale"))


def answer(data: Json, path: PathT, raw: Sequence[str], *, lang: str = "nl") -> Change:
    """Apply the form values ``raw`` for the field at ``path`` to a copy of ``data``; :class:`AnswerError` when invalid.

    The answer is checked by the field's own validators and then the whole description by the
    model (references between parts included), so the result is always a valid description.
    """
    spec = _spec_at(path)
    if spec.kind in ("model", "model_list", "mapping"):
        raise PartError(field_name(path))
    _exists(data, path)
    plan = Planner(lambda: data)
    choices = plan.choices(path, spec) if spec.kind != "country" else []
    value = value_of(spec, path, raw, choices)
    if value is None and spec.required:
        raise AnswerError(t("nl", "web.q.required"), t("en", "web.q.required"))
    new = copy.deepcopy(data)
    _set(new, path, value)
    if value is None:
        _prune(new, path)
    old = _get(data, path)
    if _renames_item(path, spec) and old is not None and value != old:
        _rename_references(new, path[:-2], str(old), str(value))
    check_whole(new, path)
    return Change(new, path, value)


def _renames_item(path: PathT, spec: FieldSpec) -> bool:
    """Is ``path`` the key of a list item that other parts refer to (a system's id, a party's name)?"""
    return (
        len(path) >= 3
        and isinstance(path[-2], int)
        and spec.name
        in (_key_spec(_model_at(path[:-1])).name, "id")  # a purpose is named by its description, referred to by its id
        and generic_path(path[:-2]) in REFERENCES
    )


def _rename_references(data: Json, list_path: PathT, old: str, new: str) -> None:
    """Point the references to item ``old`` of the list at ``list_path`` to ``new``, as the terminal does."""
    base = data if len(list_path) == 1 else _get(data, list_path[:-1])
    for ref in REFERENCES.get(generic_path(list_path), ()):
        holders: list[Any] = [base]
        parts = ref.split(".")
        for i, part in enumerate(parts):
            name, many = part.removesuffix("[]"), part.endswith("[]")
            last = i == len(parts) - 1
            nxt: list[Any] = []
            for holder in holders:
                if not isinstance(holder, dict) or holder.get(name) is None:
                    continue
                if last:
                    value = holder[name]
                    if isinstance(value, list):
                        holder[name] = [new if v == old else v for v in value]
                    elif value == old:
                        holder[name] = new
                else:
                    nxt.extend(holder[name] if many else [holder[name]])
            holders = nxt


def add_item(data: Json, list_path: PathT, raw: str) -> Change:
    """Add an item to the list at ``list_path`` with its key answered (a processing's id, a purpose's description)."""
    spec = _spec_at(list_path)
    if spec.kind != "model_list" or spec.target is None:
        raise PartError(field_name(list_path))
    _exists(data, list_path)
    items = _get(data, list_path) or []
    key = _key_spec(spec.target)
    item_path = (*list_path, len(items))
    choices = Planner(lambda: data).choices((*item_path, key.name), key) if key.kind != "country" else []
    value = value_of(key, (*item_path, key.name), [raw], choices)
    if value is None:
        raise AnswerError(t("nl", "web.q.required"), t("en", "web.q.required"))
    new = copy.deepcopy(data)
    _set(new, list_path, [*items, {key.name: value}])
    check_whole(new, (*item_path, key.name))
    return Change(new, item_path, value)


def remove_item(data: Json, item_path: PathT) -> Change:
    """Remove one list item; refused (with the reason) while another part of the description refers to it."""
    if len(item_path) < 2 or not isinstance(item_path[-1], int):
        raise PartError(field_name(item_path))
    _exists(data, item_path)
    new = copy.deepcopy(data)
    items = _get(new, item_path[:-1])
    assert isinstance(items, list)
    del items[item_path[-1]]
    if not items:
        _set(new, item_path[:-1], None)
        _prune(new, item_path[:-1])
    check_whole(new, item_path[:-1])
    return Change(new, item_path, None)


def check_whole(data: Json, path: PathT) -> None:
    """The whole description through the model and its reference checks; the problem nearest ``path`` when invalid."""
    from pydantic import ValidationError

    from pbd.description.loading import _translate, check_references
    from pbd.description.model import ProjectDescription
    from pbd.description.source import Source

    source = Source("<answer>", None, None, "")
    try:
        model = ProjectDescription.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        mine = [e for e in errors if tuple(e["loc"][: len(path)]) == path] or errors
        problem = _translate(source, mine[0])
        raise AnswerError(problem.message_nl, problem.message_en) from None
    problems = check_references(model, source)
    if problems:
        raise AnswerError(problems[0].message_nl, problems[0].message_en)


def canonical_yaml(data: Json) -> str:
    """Description data as the dossier stores it: block-style YAML, key order kept, multi-line texts as literal blocks.

    The same text as :func:`pbd.web.services.dump_yaml` (a test compares them), written by libyaml's
    emitter when PyYAML has it: on the largest example 30 ms instead of 120 ms, on every autosave.
    """
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        data, Dumper=_dumper_class(dumper), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )


_DUMPERS: dict[type, type] = {}


def _dumper_class(base: type) -> type:
    found = _DUMPERS.get(base)
    if found is None:

        def literal(dumper: Any, value: str) -> Any:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

        found = type("_DescriptionDumper", (base,), {})
        found.add_representer(str, literal)  # type: ignore[attr-defined]
        _DUMPERS[base] = found
    return found


# -- the live panel ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PanelQuestion:
    json_path: str
    anchor: str  # the field's id, when the questionnaire has a field there
    part: str  # the page that asks it
    text: str


@dataclass(frozen=True, slots=True)
class PanelRule:
    name: str
    target: str
    questions: tuple[PanelQuestion, ...]


@dataclass(frozen=True, slots=True)
class PanelReason:
    framework: str
    item: str
    target: str
    reason: str


@dataclass(frozen=True, slots=True)
class PanelFinding:
    rule: str
    title: str
    target: str
    status: str  # gap | open
    severity: str
    detail: str
    anchor: str
    part: str


@dataclass(frozen=True, slots=True)
class PanelSection:
    section: str
    title: str
    gaps: int
    open: int
    counts: str  # "7 tekortkomingen, 4 open vragen"
    findings: tuple[PanelFinding, ...]  # the first few, most severe gaps first


@dataclass(frozen=True, slots=True)
class PanelAction:
    title: str
    target: str
    status: str
    severity: str
    gate: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class Panel:
    """The live panel: the screening, gaps and open questions per section, the gate to-do list."""

    version: int
    dpia: str  # a DpiaOutcome value
    dpia_title: str
    dpia_sentence: str
    also: tuple[str, ...]  # DTIA / IAMA / FRIA / KIA indicated
    reasons: tuple[PanelReason, ...]
    deciding: tuple[PanelRule, ...]  # what still decides the screening
    sections: tuple[PanelSection, ...]
    gate: str
    actions: tuple[PanelAction, ...]
    later: tuple[tuple[str, int], ...]


_PATH_IN_JSON = re.compile(r"\[(\d+)\]|\.([A-Za-z_][A-Za-z0-9_]*)")


def path_of(json_path_text: str) -> PathT:
    """``$.processings[0].collection.methods`` -> ``('processings', 0, 'collection', 'methods')``."""
    out: list[str | int] = []
    for index, name in _PATH_IN_JSON.findall(json_path_text.removeprefix("$")):
        out.append(int(index) if index else name)
    return tuple(out)


def _locate(path: PathT) -> tuple[str, str]:
    """(anchor, part) for a path a finding or question points at: where the questionnaire asks it.

    A field's own id; for a list, its add action; for a block or a list item, its fieldset. The part
    is the first pass when the field is one of its questions, else the section (or the processing's page).
    """
    if not path or not isinstance(path[0], str) or path[0] not in SECTIONS:
        return "", FIRST
    generic = generic_path(path)
    try:
        kind = "item" if isinstance(path[-1], int) else _spec_at(path).kind
    except KeyError:
        return "", str(path[0])
    if kind == "model_list":
        anchor, first = field_id(path) + "-add", generic in FIRST_PASS_GROUPS
    elif kind in ("model", "item"):
        prefix = generic if kind == "model" else generic.removesuffix("[]")
        anchor = field_id(path) + "-set"
        first = any(p.startswith((f"{prefix}.", f"{prefix}[]")) for p in FIRST_PASS)
    else:
        anchor, first = field_id(path), in_first_pass(generic)
    if first:
        return anchor, FIRST
    if len(path) >= 2 and path[0] in BY_ITEM and isinstance(path[1], int):
        return anchor, f"{path[0]}.{path[1]}"
    return anchor, str(path[0])


def panel(assessment: Assessment, kb: KnowledgeBase, lang: str, version: int, *, per_section: int = 5) -> Panel:
    """The live panel for one assessment (``engine.check`` of the version just saved)."""
    from pbd.todo import build_todo
    from pbd.vocabulary import label

    s = assessment.screening
    also = tuple(
        t(lang, f"web.q.also.{name}") for name in ("dtia", "iama", "fria", "kia") if getattr(s, name, False) is True
    )
    reasons = tuple(PanelReason(h.framework, h.item, h.target, pick(lang, h.reason_nl, h.reason_en)) for h in s.hits)
    deciding = []
    for q in s.questions:
        if not q.decisive:
            continue
        shown = []
        for question in q.questions:
            anchor, part = _locate(tuple(question.path))
            shown.append(PanelQuestion(json_path(question.path), anchor, part, pick(lang, question.nl, question.en)))
        deciding.append(PanelRule(pick(lang, q.name_nl, q.name_en), q.target, tuple(shown)))
    sections = []
    by_section: dict[str, list[Finding]] = {}
    for f in assessment.findings:
        if f.status in (Status.GAP, Status.OPEN):
            by_section.setdefault(str((path_of(f.path)[:1] or ("project",))[0]), []).append(f)
    for section in SECTIONS:
        mine = by_section.get(section, [])
        if not mine:
            continue
        mine.sort(key=lambda f: (f.status is not Status.GAP, -f.severity.rank, f.target, f.rule))
        shown_findings = []
        for f in mine[:per_section]:
            anchor, part = _locate(path_of(f.path))
            shown_findings.append(
                PanelFinding(
                    f.rule,
                    _rule_title(kb, f.rule, lang),
                    f.target,
                    f.status.value,
                    str(label(f.severity, lang)),
                    f.detail(lang),
                    anchor,
                    part,
                )
            )
        gaps = sum(1 for f in mine if f.status is Status.GAP)
        opens = len(mine) - gaps
        counts = ", ".join(
            _count(lang, n, one, many)
            for n, one, many in (
                (gaps, "web.q.n_gaps_one", "web.q.n_gaps"),
                (opens, "web.q.n_open_one", "web.q.n_open"),
            )
            if n
        )
        sections.append(
            PanelSection(section, _spec(_model_at(()), section).title(lang), gaps, opens, counts, tuple(shown_findings))
        )
    todo = build_todo(assessment, kb)
    actions = tuple(
        PanelAction(
            pick(lang, a.title_nl, a.title_en),
            a.target,
            a.status.value,
            str(label(a.severity, lang)),
            str(label(a.gate, lang)),
            a.overdue,
        )
        for a in todo.actions
    )
    return Panel(
        version=version,
        dpia=s.dpia,
        dpia_title=outcome(lang, s.dpia, "title"),
        dpia_sentence=outcome(lang, s.dpia, "sentence"),
        also=also,
        reasons=reasons,
        deciding=tuple(deciding),
        sections=tuple(sections),
        gate=str(label(todo.gate, lang)),
        actions=actions,
        later=tuple((str(label(g, lang)), n) for g, n in todo.later),
    )


def _count(lang: str, n: int, one: str, many: str) -> str:
    """``n`` things in words, singular or plural ("1 open vraag", "4 open vragen")."""
    return t(lang, one) if n == 1 else t(lang, many, n=n)


def _rule_title(kb: KnowledgeBase, rule: str, lang: str) -> str:
    if rule in kb.criteria:
        return kb.criteria[rule].title.get(lang)
    if rule in kb.system_requirements:
        return kb.system_requirements[rule].title.get(lang)
    return rule


__all__ = [
    "BY_ITEM",
    "FIRST",
    "NONE",
    "PARTS",
    "AddAction",
    "AnswerError",
    "Change",
    "Fieldset",
    "FormField",
    "Forms",
    "Page",
    "Panel",
    "PartError",
    "add_item",
    "answer",
    "canonical_yaml",
    "check_whole",
    "countries",
    "criteria_index",
    "field_id",
    "field_name",
    "panel",
    "parse_part",
    "parse_path",
    "path_of",
    "remove_item",
]

"""The description model read as questions: one :class:`FieldSpec` per field, in the order asked.

There is no second copy of the questions: every question is a field of
:mod:`pbd.description.model`, with its Dutch/English title, help text and article (``x-ref``).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from pbd.description.model import Country, Duration, Identifier, Processing, ProjectDescription, Purpose
from pbd.description.source import json_path
from pbd.messages import pick
from pbd.questionnaire.choices import CHOICES
from pbd.questionnaire.paths import PathT


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of the description model, seen as a question."""

    name: str
    owner: type[BaseModel]
    info: FieldInfo
    #: text, identifier, duration, country, int, bool, date, enum, enum_list, text_list,
    #: choice, choice_list (answers from :data:`CHOICES`), model (a nested block), model_list (a group),
    #: mapping (free text per topic; not asked)
    kind: str
    inner: Any  # the annotation without ``| None``
    target: type[BaseModel] | None  # the nested model (model, model_list)
    enum: type[StrEnum] | None  # the enum (enum, enum_list)
    required: bool

    def title(self, lang: str) -> str:
        return pick(lang, self.info.title or self.name, str(self._extra.get("x-title-en", self.name)))

    def help(self, lang: str) -> str:
        return pick(lang, self.info.description or "", str(self._extra.get("x-help-en", "")))

    @property
    def ref(self) -> str:
        return str(self._extra.get("x-ref", ""))

    @property
    def _extra(self) -> dict[str, Any]:
        extra = self.info.json_schema_extra
        return extra if isinstance(extra, dict) else {}

    @property
    def is_list(self) -> bool:
        return self.kind in ("enum_list", "text_list", "choice_list", "model_list")

    def adapter(self) -> TypeAdapter[Any]:
        return _adapter(self.owner, self.name)


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, StrEnum)


def _is_alias(inner: Any, info: FieldInfo, alias: Any) -> bool:
    """Is the field of type ``alias`` (Duration, Country ...)? pydantic unpacks a required field's
    Annotated type into ``info.metadata``, so compare the validators too."""
    if inner == alias:
        return True
    marks = [m for m in typing.get_args(alias)[1:] if not isinstance(m, FieldInfo)]
    return bool(marks) and all(m in info.metadata for m in marks)


def _make_spec(owner: type[BaseModel], name: str, info: FieldInfo) -> FieldSpec:
    inner, _ = _strip_optional(info.annotation)
    target: type[BaseModel] | None = None
    enum: type[StrEnum] | None = None
    generic = f"{_model_generic(owner)}{name}"
    if typing.get_origin(inner) is dict:
        kind = "mapping"  # free-text notes per topic: kept, never asked
    elif typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        if _is_model(item):
            kind, target = "model_list", item
        elif _is_enum(item):
            kind, enum = "enum_list", item
        elif generic in CHOICES or item == Identifier:
            kind = "choice_list"
        else:
            kind = "text_list"
    elif _is_model(inner):
        kind, target = "model", inner
    elif _is_enum(inner):
        kind, enum = "enum", inner
    elif generic in CHOICES:
        kind = "choice"
    elif inner is bool:
        kind = "bool"
    elif inner is int:
        kind = "int"
    elif inner is dt.date:
        kind = "date"
    elif _is_alias(inner, info, Duration):
        kind = "duration"
    elif _is_alias(inner, info, Country):
        kind = "country"
    elif _is_alias(inner, info, Identifier):
        kind = "identifier"
    else:
        kind = "text"
    return FieldSpec(name, owner, info, kind, inner, target, enum, info.is_required())


#: where each nested model sits, as a generic path prefix ("processings[].legal_basis.")
@cache
def _model_prefixes() -> dict[type[BaseModel], str]:
    out: dict[type[BaseModel], str] = {ProjectDescription: ""}

    def visit(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            inner, _ = _strip_optional(info.annotation)
            if typing.get_origin(inner) is list:
                (item,) = typing.get_args(inner)
                if _is_model(item):
                    out.setdefault(item, f"{prefix}{name}[].")
                    visit(item, f"{prefix}{name}[].")
            elif _is_model(inner):
                out.setdefault(inner, f"{prefix}{name}.")
                visit(inner, f"{prefix}{name}.")

    visit(ProjectDescription, "")
    return out


def _model_generic(model: type[BaseModel]) -> str:
    return _model_prefixes().get(model, "")


@cache
def _adapter(owner: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = owner.model_fields[name]
    inner, _ = _strip_optional(info.annotation)
    form: Any = Annotated[inner, *info.metadata] if info.metadata else inner
    return TypeAdapter(form)


#: questions whose natural order differs from the model's: asked before what depends on them
FIELD_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    Purpose: (
        "description",
        "id",
        "recipients",
        "further_processing",
        "original_purpose",
        "compatibility",
        "compatibility_assessment",
    ),
    Processing: (
        "id",
        "name",
        "description",
        "personal_data",
        "purposes",
        "data_subjects",
        "collection",
        "scale",
        "techniques",
        "algorithm",
        "data_items",
        "legal_basis",
        "retention",
        "minimisation",
        "transparency",
        "rights",
        "security",
        "necessity",
        "transfers",
        "shared_with",
        "systems",
        "access_to_service",
        "legal_framework",
    ),
}


@cache
def field_specs(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The fields of ``model`` in the order they are asked: required fields first (an item's key)."""
    specs = [_make_spec(model, name, info) for name, info in model.model_fields.items()]
    order = FIELD_ORDER.get(model)
    if order:
        rank = {name: i for i, name in enumerate(order)}
        specs.sort(key=lambda s: rank.get(s.name, len(rank)))
    specs.sort(key=lambda s: not s.required)
    return tuple(specs)


def _spec(model: type[BaseModel], name: str) -> FieldSpec:
    for spec in field_specs(model):
        if spec.name == name:
            return spec
    raise KeyError(f"{model.__name__} has no field {name!r}")


def _key_spec(model: type[BaseModel]) -> FieldSpec:
    """The field that names an item in a list (its first required field)."""
    return field_specs(model)[0]


def _model_at(path: PathT) -> type[BaseModel]:
    """The model of the mapping at ``path`` (a path to a mapping, not to a scalar)."""
    model: type[BaseModel] = ProjectDescription
    for elem in path:
        if isinstance(elem, int):
            continue
        target = _spec(model, elem).target
        if target is None:
            raise KeyError(f"{json_path(path)} is not a mapping")
        model = target
    return model


def _spec_at(path: PathT) -> FieldSpec:
    """The field at ``path`` (its last element is a field name)."""
    return _spec(_model_at(path[:-1]), str(path[-1]))

"""The questionnaire: asks the description model's own questions in the terminal, branching, and saves every answer.

There is no second copy of the questions: every question is a field of
:mod:`pbd.description.model`, with its Dutch/English title, help text and article (``x-ref``), its
enum labels from :data:`pbd.vocabulary.LABELS`, and its validators. What this module adds is small
and explicit:

- :data:`ASK_WHEN` — the branching table: a field (by generic path such as
  ``processings[].legal_basis.provision``) is only asked when its condition holds. Conditions read
  the answers given so far, through the same derived facts the criteria use
  (:func:`pbd.engine.views.processing_derived`), so the questionnaire asks exactly what the evaluation will
  look at. A field that already has an answer is always shown, so no answer is ever hidden.
- :data:`FIELD_ORDER` — the order of the questions where the model's order would ask something
  before the answer it depends on (a processing asks about personal data, data subjects,
  collection and techniques before its legal basis).
- :data:`CHOICES` — fields whose answers refer to other parts of the description (systems of a
  processing, purposes of a data item, ...) are asked as numbered choices of what exists.

Saving: the description is edited as a round-trip YAML tree (``ruamel.yaml``), so comments and key
order in an existing file survive; after every answer the whole file is checked with the normal
safe loader (:func:`pbd.description.load_text`) and written atomically — an answer that would make
the file invalid is refused with the reason and asked again, so the file on disk is always valid.

Resuming: the next question is always the first applicable question that has no answer. Answers
skipped on purpose ("weet ik nog niet") and lists the user said are complete are recorded in a
sidecar file next to the description, ``.FILE.pbd-progress.json`` (written atomically, never part
of the description), so a later run does not ask them again first thing; it offers them at the end.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import json
import re
import textwrap
import types
import typing
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Protocol

import yaml as pyyaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from pbd.atomic import write_atomic
from pbd.capabilities import CAPABILITIES
from pbd.description import LoadedDescription, load_description, load_text
from pbd.description.loading import _translate
from pbd.description.model import Country, Duration, Identifier, Processing, ProjectDescription, Purpose
from pbd.description.source import Source, json_path
from pbd.engine.views import processing_derived
from pbd.errors import DescriptionError, PbdError, Problem
from pbd.vocabulary import EEA_COUNTRIES, LABELS, Status

if typing.TYPE_CHECKING:
    from pbd.knowledge_base import KnowledgeBase

Json = dict[str, Any]
PathT = tuple[str | int, ...]

__all__ = [
    "ASK_WHEN",
    "CHOICES",
    "FIELD_ORDER",
    "SECTIONS",
    "DescriptionDocument",
    "FieldSpec",
    "Progress",
    "Prompt",
    "Questionnaire",
    "Terminal",
    "field_specs",
    "generic_path",
    "progress_path",
]


# --------------------------------------------------------------------------------------------
# the model, read as questions


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
        return (self.info.title or self.name) if lang == "nl" else str(self._extra.get("x-title-en", self.name))

    def help(self, lang: str) -> str:
        return (self.info.description or "") if lang == "nl" else str(self._extra.get("x-help-en", ""))

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


def generic_path(path: PathT) -> str:
    """``('processings', 0, 'legal_basis', 'provision')`` -> ``processings[].legal_basis.provision``."""
    out = ""
    for elem in path:
        if isinstance(elem, int):
            out += "[]"
        else:
            out += f".{elem}" if out else elem
    return out


def _get(data: Any, path: PathT) -> Any:
    node = data
    for elem in path:
        if isinstance(elem, int):
            if not isinstance(node, list) or not 0 <= elem < len(node):
                return None
            node = node[elem]
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(elem)
        if node is None:
            return None
    return node


# --------------------------------------------------------------------------------------------
# branching


@dataclass(slots=True)
class Ctx:
    """What a branching condition can read: the answers so far, normalised (enums as values)."""

    root: Json
    obj: Json  # the mapping that holds the field ({} when it does not exist yet)
    item: Json  # the nearest list item around the field ({} at project level)
    proc: Json  # the processing around the field ({} outside processings)
    derived: Json  # the processing's derived facts (pbd.engine.views.processing_derived); {} outside processings


@dataclass(frozen=True, slots=True)
class When:
    """A branching condition with its description in plain words (shown in help and in ``pbd init``)."""

    test: Callable[[Ctx], bool]
    nl: str
    en: str

    def text(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


_CLOUD = ("iaas", "paas", "saas")
_PERSONAL = When(
    lambda c: c.derived.get("personal_data", True),
    "de verwerking persoonsgegevens betreft",
    "the processing concerns personal data",
)
_OBSERVING = When(
    lambda c: bool(c.derived.get("observing")),
    "er een sensor, camera, drone of tracker wordt gebruikt",
    "a sensor, camera, drone or tracker is used",
)
_CAMERAS = When(
    lambda c: bool(c.derived.get("cameras")), "er camera's of drones worden gebruikt", "cameras or drones are used"
)
_IN_PUBLIC = When(
    lambda c: bool(c.derived.get("sensors_in_public_space")),
    "sensoren of camera's in de openbare ruimte meten",
    "sensors or cameras observe public space",
)
_IN_PUBLIC_OR_NUDGE = When(
    lambda c: bool(c.derived.get("sensors_in_public_space") or c.derived.get("behaviour_influencing")),
    "sensoren of camera's in de openbare ruimte meten, of gedrag wordt beïnvloed",
    "sensors or cameras observe public space, or behaviour is influenced",
)
_ALGORITHM = When(
    lambda c: bool(c.derived.get("uses_algorithm")),
    "er een algoritme, AI, profilering, scoring, voorspelling of geautomatiseerd besluit wordt gebruikt",
    "an algorithm, AI, profiling, scoring, prediction or automated decision is used",
)
_FURTHER = When(
    lambda c: c.item.get("further_processing") is True,
    "het doel gegevens hergebruikt die voor een ander doel zijn verzameld",
    "the purpose reuses data collected for another purpose",
)
_REUSE_OR_RECIPIENTS = When(
    lambda c: c.item.get("further_processing") is True or bool(c.item.get("recipients")),
    "gegevens voor dit doel worden hergebruikt of aan ontvangers gegeven",
    "data for this purpose are reused or given to recipients",
)
_SPECIAL = When(
    lambda c: c.item.get("type") == "special" or c.item.get("category") in ("health", "biometric"),
    "het gegeven bijzonder is (art. 9), of over gezondheid of biometrie gaat",
    "the item is special category data (art. 9), or about health or biometrics",
)
_NON_EEA = When(
    lambda c: "country" in c.item and c.item["country"] not in EEA_COUNTRIES,
    "het land buiten de EER ligt",
    "the country is outside the EEA",
)
_DPIA_STARTED = When(
    lambda c: c.obj.get("status") in ("in_progress", "completed", "not_needed"),
    "de DPIA loopt, is afgerond of niet nodig bevonden",
    "the DPIA is in progress, completed or found not needed",
)

#: The branching table: a field is asked only when its condition holds (or it already has an answer).
ASK_WHEN: dict[str, When] = {
    # project
    "project.evaluation_planned": When(
        lambda c: c.obj.get("pilot") is True, "het project een pilot of proeftuin is", "the project is a pilot"
    ),
    "project.dpo_advice.deviation_reason": When(
        lambda c: c.obj.get("followed") is False,
        "het advies niet (geheel) is opgevolgd",
        "the advice was not (fully) followed",
    ),
    "project.dpia.date": _DPIA_STARTED,
    "project.dpia.review_due": _DPIA_STARTED,
    "project.dpia.published": When(
        lambda c: c.obj.get("status") == "completed", "de DPIA is afgerond", "the DPIA is completed"
    ),
    "project.dpia.not_needed_reason": When(
        lambda c: c.obj.get("status") == "not_needed", "de DPIA niet nodig is bevonden", "the DPIA was found not needed"
    ),
    "project.prior_consultation": When(
        lambda c: any(r.get("residual") == "hoog" for r in c.root.get("risks", [])),
        "een risico een hoog restrisico heeft",
        "a risk has a high residual risk",
    ),
    "project.prior_consultation.date": When(
        lambda c: c.obj.get("requested") is True, "de AP is geraadpleegd", "the DPA was consulted"
    ),
    "project.digital_service.aimed_at_minors": When(
        lambda c: c.obj.get("offered") is True,
        "het project een digitale dienst aanbiedt",
        "the project offers a digital service",
    ),
    # parties
    "parties[].agreement": When(
        lambda c: c.item.get("role") != "controller",
        "de partij niet de verwerkingsverantwoordelijke zelf is",
        "the party is not the controller itself",
    ),
    "parties[].agreement_limits_purposes": When(
        lambda c: c.item.get("role") != "controller",
        "de partij niet de verwerkingsverantwoordelijke zelf is",
        "the party is not the controller itself",
    ),
    # systems
    "systems[].hosting.provider": When(
        lambda c: c.obj.get("model") in _CLOUD,
        "het systeem in de cloud draait (IaaS, PaaS, SaaS)",
        "the system runs in the cloud (IaaS, PaaS, SaaS)",
    ),
    "systems[].hosting.provider_hq_country": When(
        lambda c: c.obj.get("model") in _CLOUD,
        "het systeem in de cloud draait (IaaS, PaaS, SaaS)",
        "the system runs in the cloud (IaaS, PaaS, SaaS)",
    ),
    # processings
    "processings[].data_subjects": _PERSONAL,
    "processings[].legal_basis": _PERSONAL,
    "processings[].rights": _PERSONAL,
    "processings[].transfers": _PERSONAL,
    "processings[].purposes[].original_purpose": _FURTHER,
    "processings[].purposes[].compatibility": _REUSE_OR_RECIPIENTS,
    "processings[].purposes[].compatibility_assessment": _REUSE_OR_RECIPIENTS,
    "processings[].data_subjects[].under_16": When(
        lambda c: c.item.get("minors") in ("yes", "possible"),
        "er (mogelijk) minderjarigen bij zijn",
        "there are (or may be) minors",
    ),
    "processings[].data_subjects[].vulnerable_explanation": When(
        lambda c: c.item.get("vulnerable") is True, "de groep kwetsbaar is", "the group is vulnerable"
    ),
    # sensor settings are asked whenever a sensor or camera is used, also indoors: DM-06 checks them there too
    "processings[].collection.sensors": _OBSERVING,
    "processings[].collection.sensors.privacy_masking": _CAMERAS,
    "processings[].algorithm": _ALGORITHM,
    "processings[].data_items[].special_category": _SPECIAL,
    "processings[].data_items[].art9_exception": _SPECIAL,
    "processings[].data_items[].uavg_provision": When(
        lambda c: (
            c.item.get("type") in ("special", "criminal")
            or c.item.get("category") in ("health", "biometric", "criminal")
        ),
        "het gegeven bijzonder (art. 9) of strafrechtelijk (art. 10) is",
        "the item is special category (art. 9) or criminal (art. 10) data",
    ),
    "processings[].data_items[].national_id": When(
        lambda c: "national_id" in (c.item.get("type"), c.item.get("category")),
        "het gegeven het BSN is",
        "the item is the BSN",
    ),
    "processings[].data_items[].source_party": When(
        lambda c: c.item.get("source") in ("third_party", "base_register", "public_source"),
        "het gegeven van een andere partij, een basisregistratie of een openbare bron komt",
        "the item comes from another party, a base register or a public source",
    ),
    "processings[].data_items[].retention_justification": When(
        lambda c: "retention" in c.item,
        "het gegeven een eigen bewaartermijn heeft",
        "the item has its own retention period",
    ),
    "processings[].legal_basis.provision": When(
        lambda c: bool(c.derived.get("statutory_ground")),
        "de grondslag een wettelijke verplichting of een publieke taak is",
        "the ground is a legal obligation or a public task",
    ),
    "processings[].legal_basis.consent": When(
        lambda c: bool(c.derived.get("consent")), "de grondslag toestemming is", "the ground is consent"
    ),
    "processings[].legal_basis.consent.freely_given_explanation": When(
        lambda c: c.obj.get("freely_given") is True, "de toestemming vrij gegeven is", "consent is freely given"
    ),
    "processings[].legal_basis.consent.parental_consent": When(
        lambda c: bool(c.derived.get("minors") or c.derived.get("under_16")),
        "er (mogelijk) minderjarigen onder de betrokkenen zijn",
        "there are (or may be) minors among the data subjects",
    ),
    "processings[].legal_basis.council_ordinance": _IN_PUBLIC_OR_NUDGE,
    "processings[].retention.raw_data_period": _OBSERVING,
    "processings[].minimisation.key_holder": When(
        lambda c: (
            c.obj.get("pseudonymised") is True
            or bool(c.derived.get("has_device_ids"))
            or any(i.get("pseudonymised") is True for i in c.proc.get("data_items", []))
        ),
        "gegevens worden gepseudonimiseerd of apparaat-ID's, kentekens of online ID's verwerkt",
        "data are pseudonymised, or device IDs, plates or online IDs are processed",
    ),
    "processings[].minimisation.treated_as_personal_data": When(
        lambda c: (
            c.obj.get("pseudonymised") is True
            or bool(c.derived.get("has_device_ids"))
            or any(i.get("pseudonymised") is True for i in c.proc.get("data_items", []))
            or bool({"wifi_sensor", "bluetooth_sensor"} & set(c.proc.get("collection", {}).get("methods", [])))
        ),
        "gehashte apparaat-ID's, kentekens of pseudoniemen voorkomen",
        "hashed device IDs, plates or pseudonyms occur",
    ),
    "processings[].minimisation.sensitive_categories_filtered": When(
        lambda c: any(c.derived.get(k) for k in ("has_social_media", "has_financial", "has_special", "has_health")),
        "sociale media, financiële, gezondheids- of bijzondere gegevens worden verwerkt",
        "social media, financial, health or special category data are processed",
    ),
    "processings[].transparency.signage": _IN_PUBLIC_OR_NUDGE,
    "processings[].transparency.sensor_register": _IN_PUBLIC,
    "processings[].transparency.algorithm_register": _ALGORITHM,
    "processings[].rights.portability": When(
        lambda c: c.proc.get("legal_basis", {}).get("ground") in ("consent", "contract"),
        "de grondslag toestemming of een overeenkomst is",
        "the ground is consent or a contract",
    ),
    "processings[].rights.objection": When(
        lambda c: c.proc.get("legal_basis", {}).get("ground") in ("public_task", "legitimate_interest"),
        "de grondslag een publieke taak of gerechtvaardigd belang is",
        "the ground is a public task or legitimate interest",
    ),
    "processings[].rights.opt_out": _IN_PUBLIC,
    "processings[].security.iot_hardening": _OBSERVING,
    "processings[].security.pentest_planned": When(
        lambda c: "pentest" not in c.obj,
        "er nog geen penetratietest is gedaan",
        "no penetration test has been done yet",
    ),
    "processings[].transfers[].mechanism": _NON_EEA,
    "processings[].transfers[].dtia": _NON_EEA,
    "processings[].transfers[].supplementary_measures": _NON_EEA,
    # risks
    "risks[].acceptance": When(
        lambda c: "residual" in c.item, "het restrisico is ingeschat", "the residual risk has been rated"
    ),
}

Choice = tuple[str, str, str]  # value, Dutch label, English label


def _party_choices(c: Ctx) -> list[Choice]:
    out = []
    for p in c.root.get("parties", []):
        role = p.get("role")
        nl, en = LABELS["Role"].get(role, ("", "")) if role else ("", "")
        out.append((p["name"], f"{p['name']} ({nl})" if nl else p["name"], f"{p['name']} ({en})" if en else p["name"]))
    return out


def _named(items: list[Json], key: str = "id") -> list[Choice]:
    out = []
    for item in items:
        name = item.get("name") or item.get("description") or ""
        shown = f"{item[key]} — {name}" if name else item[key]
        out.append((item[key], shown, shown))
    return out


#: Fields answered by choosing from what the description already holds (empty list: not asked).
CHOICES: dict[str, Callable[[Ctx], list[Choice]]] = {
    "processings[].systems": lambda c: _named(c.root.get("systems", [])),
    "processings[].shared_with": _party_choices,
    "processings[].data_items[].purposes": lambda c: [
        (p["id"], f"{p['id']} — {p['description']}", f"{p['id']} — {p['description']}")
        for p in c.proc.get("purposes", [])
        if p.get("id")
    ],
    "risks[].processings": lambda c: _named(c.root.get("processings", [])),
    "waivers[].target": lambda c: _named(c.root.get("processings", [])) + _named(c.root.get("systems", [])),
    "systems[].capabilities": lambda c: [(key, nl, en) for key, (nl, en) in CAPABILITIES.items()],
}

#: Where the keys of a list are referred to, so renaming or removing an item keeps the file valid.
REFERENCES: dict[str, tuple[str, ...]] = {
    "systems": ("processings[].systems",),
    "parties": ("processings[].shared_with",),
    "processings": ("risks[].processings", "waivers[].target"),
    "processings[].purposes": ("data_items[].purposes",),  # inside the same processing
}

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


# --------------------------------------------------------------------------------------------
# messages


_MSG: dict[str, tuple[str, str]] = {
    "intro_new": ("Nieuwe projectbeschrijving: {file}", "New project description: {file}"),
    "intro_resume": (
        "Verder met {file}: {answered} gegeven, {skipped} overgeslagen.",
        "Continuing {file}: {answered} given, {skipped} skipped.",
    ),
    "intro_keys": (
        "Elk antwoord wordt meteen opgeslagen. Stoppen kan altijd (Ctrl-C); de volgende keer gaat u verder waar u was.\n"
        "Enter = weet ik nog niet / zo laten · ? = uitleg en artikel · - = antwoord wissen\n"
        "< = vorige vraag · > = rest van dit blok overslaan · * = verplichte vraag",
        "Every answer is saved at once. You can stop at any time (Ctrl-C); next time you continue where you were.\n"
        "Enter = don't know yet / keep · ? = explanation and article · - = clear the answer\n"
        "< = previous question · > = skip the rest of this block · * = required question",
    ),
    "reformatted": (
        "Let op: de opmaak van dit bestand wordt bij het opslaan iets aangepast (inspringing of aanhalingstekens); commentaar en volgorde blijven.",
        "Note: saving adjusts this file's layout slightly (indentation or quotes); comments and key order stay.",
    ),
    "section": ("{title}", "{title}"),
    "section_progress": ("{answered} van {total} vragen beantwoord", "{answered} of {total} questions answered"),
    "required": (
        "Deze vraag is verplicht; de beschrijving kan niet zonder.",
        "This question is required; the description cannot do without it.",
    ),
    "first": ("Dit is de eerste vraag.", "This is the first question."),
    "skipped_block": ("{n} overgeslagen: de rest van '{title}'.", "{n} skipped: the rest of '{title}'."),
    "now": ("Nu: {value}", "Now: {value}"),
    "now_keep": ("(Enter = zo laten)", "(Enter = keep)"),
    "bool_hint": ("j/n", "y/n"),
    "date_hint": ("datum, JJJJ-MM-DD", "date, YYYY-MM-DD"),
    "duration_hint": (
        "duur, bijv. 30 dagen, 24 uur, 2 jaar of P30D",
        "duration, e.g. 30 days, 24 hours, 2 years or P30D",
    ),
    "int_hint": ("getal", "number"),
    "country_hint": ("landcode, bijv. NL, DE, US", "country code, e.g. NL, DE, US"),
    "list_hint": ("één per regel; lege regel = klaar", "one per line; empty line = done"),
    "multi_hint": ("nummers, bijv. 1,3,5 of 2-4", "numbers, e.g. 1,3,5 or 2-4"),
    "one_hint": ("nummer", "number"),
    "part_hint": ("nummers, Enter = zo laten, 0 = geen hiervan", "numbers, Enter = keep, 0 = none of these"),
    "more": ("  + ", "  + "),
    "bad_bool": ("Antwoord met j (ja) of n (nee).", "Answer y (yes) or n (no)."),
    "bad_choice": ("Kies een nummer van 1 tot {n}.", "Choose a number from 1 to {n}."),
    "bad_choice_word": (
        "'{word}' staat niet in de lijst; kies een nummer van 1 tot {n}.",
        "'{word}' is not in the list; choose a number from 1 to {n}.",
    ),
    "converted": ("= {value}", "= {value}"),
    "none": ("(geen)", "(none)"),
    "slug": ("Voorstel: {slug}", "Suggestion: {slug}"),
    "rejected": ("Dit antwoord kan niet worden opgeslagen:", "This answer cannot be saved:"),
    "group_none": ("Nog geen {title}. Toevoegen? (j/n)", "No {title} yet. Add one? (y/n)"),
    "group_some": (
        "Kies: + = toevoegen · nummer = bekijken en wijzigen · -nummer = verwijderen · Enter = klaar",
        "Choose: + = add · number = review and change · -number = remove · Enter = done",
    ),
    "group_bad": (
        "Typ +, een nummer van 1 tot {n}, -nummer of Enter.",
        "Type +, a number from 1 to {n}, -number or Enter.",
    ),
    "group_new": ("Nieuw: {title}", "New: {title}"),
    "group_cancel": ("Niets toegevoegd.", "Nothing added."),
    "remove_confirm": (
        "'{name}' met al zijn antwoorden verwijderen? (j/n)",
        "Remove '{name}' with all its answers? (y/n)",
    ),
    "removed": ("'{name}' is verwijderd.", "'{name}' has been removed."),
    "item": ("{title} {n}: {name}", "{title} {n}: {name}"),
    "help_ref": ("Artikel / bron: {ref}", "Article / source: {ref}"),
    "help_when": ("Gevraagd omdat {when}.", "Asked because {when}."),
    "help_checked": ("Waarom het telt — getoetst door:", "Why it matters — checked by:"),
    "help_keys": (
        "Enter = weet ik nog niet / zo laten · - = antwoord wissen · < = vorige vraag · > = rest van dit blok overslaan · Ctrl-C = stoppen (alles is bewaard)",
        "Enter = don't know yet / keep · - = clear the answer · < = previous question · > = skip the rest of this block · Ctrl-C = stop (everything is saved)",
    ),
    "summary": ("Stand na '{title}'", "Status after '{title}'"),
    "summary_none": ("Geen tekortkomingen of open vragen in dit onderdeel.", "No gaps or open points in this part."),
    "summary_gaps": ("Tekortkomingen ({n}):", "Gaps ({n}):"),
    "summary_open": ("Nog open ({n}):", "Still open ({n}):"),
    "summary_more": ("… en nog {n}; alles zien: pbd check {file}", "… and {n} more; see everything: pbd check {file}"),
    "summary_fix": ("Wat te doen: {fix}", "What to do: {fix}"),
    "summary_unavailable": (
        "(De toets is nu niet beschikbaar, dus tekortkomingen worden hier niet getoond: {why})",
        "(The checks are not available right now, so gaps are not shown here: {why})",
    ),
    "skipped_offer": (
        "U hebt {n} overgeslagen (weet ik nog niet). Nu alsnog langslopen? (j/n)",
        "You skipped {n} (don't know yet). Go through them now? (y/n)",
    ),
    "done": (
        "Klaar: alle vragen die nu van toepassing zijn, zijn beantwoord of overgeslagen. Alles staat in {file}.",
        "Done: every question that applies now has been answered or skipped. Everything is in {file}.",
    ),
    "done_section": ("Klaar met '{title}'. Alles staat in {file}.", "Done with '{title}'. Everything is in {file}."),
    "next": (
        "Volgende stap, de toets: pbd check {file}\n"
        "Iets wijzigen of toevoegen: pbd questionnaire {file} --section verwerkingen (of project, partijen, systemen, risicos)",
        "Next, the checks: pbd check {file}\n"
        "Change or add something: pbd questionnaire {file} --section processings (or project, parties, systems, risks)",
    ),
    "later": (
        "Door latere antwoorden zijn nog een paar eerdere vragen van toepassing geworden:",
        "Later answers have made a few earlier questions apply:",
    ),
    "changed_outside": (
        "{file} is intussen buiten de vragenlijst gewijzigd; de nieuwe versie is ingelezen.",
        "{file} was changed outside the questionnaire; the new version has been read.",
    ),
}


def _t(lang: str, key: str, **kwargs: Any) -> str:
    nl, en = _MSG[key]
    return (nl if lang == "nl" else en).format(**kwargs)


def _count(lang: str, n: int, what: str) -> str:
    """'1 vraag', '3 vragen', '1 answer' ..."""
    nl_one, nl_many, en_one, en_many = {
        "question": ("vraag", "vragen", "question", "questions"),
        "answer": ("antwoord", "antwoorden", "answer", "answers"),
    }[what]
    if lang == "nl":
        return f"{n} {nl_one if n == 1 else nl_many}"
    return f"{n} {en_one if n == 1 else en_many}"


_YES = {"j", "ja", "y", "yes", "true", "waar", "1"}
_NONE_WORDS = {"geen", "none", "nee", "n", "no", "niets", "nothing"}  # a list answered with "none"
_NO = {"n", "nee", "no", "false", "onwaar", "0"}


# --------------------------------------------------------------------------------------------
# the terminal


@dataclass(frozen=True, slots=True)
class Prompt:
    """What is being asked — for scripted drivers and tests; a real terminal only shows ``text``."""

    kind: str  # "question", "more" (next line of a list), "group", "confirm", "skipped"
    path: PathT
    spec: FieldSpec | None = None
    choices: tuple[str, ...] = ()  # the values behind the numbers 1..n
    text: str = ">"


class Terminal(Protocol):
    """Where questions go and answers come from (click in the CLI, a script in tests)."""

    def ask(self, prompt: Prompt) -> str:
        """One line of input; raises KeyboardInterrupt/EOFError (or click.Abort) to stop."""
        ...

    def say(self, text: str = "", style: str = "") -> None:
        """Show a line; ``style`` is a hint: title, help, dim, error, ok, section, gap, open."""
        ...


# --------------------------------------------------------------------------------------------
# the file: a round-trip YAML tree that is only ever written when it is valid


def _yaml_for(text: str | None) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the user's lines
    mapping, sequence, offset = 2, 4, 2
    if text:
        _, seq_indent, dash_offset = load_yaml_guess_indent(text)
        if isinstance(seq_indent, int) and isinstance(dash_offset, int):
            offset = dash_offset
            sequence = dash_offset + 2
        indents = [len(m.group(1)) for m in re.finditer(r"(?m)^( +)[A-Za-z_][\w-]*:", text)]
        if indents:
            mapping = min(indents)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_HEADER = {
    "nl": "Projectbeschrijving voor pbd (Privacy by Design-toets), bijgehouden met `pbd questionnaire`.\n"
    "U kunt dit bestand ook met de hand bewerken; commentaar en volgorde blijven bewaard.",
    "en": "Project description for pbd (Privacy by Design checks), kept with `pbd questionnaire`.\n"
    "You can also edit this file by hand; comments and key order are kept.",
}


class DescriptionDocument:
    """The description being filled in. Every change is validated whole and written atomically, or refused."""

    def __init__(self, path: Path, lang: str = "nl") -> None:
        self.path = path
        self.lang = lang
        self.is_json = path.suffix.lower() == ".json"
        self.tree: CommentedMap | None = None
        self.text = ""
        self.loaded: LoadedDescription | None = None
        self.data: Json = {}
        self.reformatted = False
        self.changed_outside = False
        self._yaml = _yaml_for(None)
        self._disk: str | None = None  # digest of what we last read or wrote
        _remove_stale_temporaries(path)
        if path.exists():
            self._read()

    @property
    def exists(self) -> bool:
        return self.tree is not None

    def _read(self) -> None:
        loaded = load_description(self.path)  # the safe loader decides what is valid; raises DescriptionError
        text = loaded.source.text
        self._yaml = _yaml_for(None if self.is_json else text)
        self.tree = self._parse(text)
        self.text, self.loaded, self.data = text, loaded, loaded.data()
        self._disk = _digest(self.path.read_bytes())
        self.reformatted = not self.is_json and self._dump(self.tree) != text

    def _parse(self, text: str) -> CommentedMap:
        tree = self._yaml.load(text)
        if not isinstance(tree, CommentedMap):  # pragma: no cover - the safe loader already insists on a mapping
            raise PbdError(str(self.path), "the description is not a mapping", "Start from `pbd init`.")
        return tree

    def _dump(self, tree: CommentedMap) -> str:
        if self.is_json:
            return json.dumps(_plain(tree), ensure_ascii=False, indent=2) + "\n"
        out = io.StringIO()
        self._yaml.dump(tree, out)
        return out.getvalue()

    def _new_tree(self) -> CommentedMap:
        tree = CommentedMap()
        tree["schema_version"] = 1
        tree["project"] = CommentedMap()
        if not self.is_json:
            lines = _HEADER["nl" if self.lang == "nl" else "en"].split("\n")
            tokens = [CommentToken(f"# {line}\n", CommentMark(0), None) for line in lines]
            tokens[-1].value += "\n"  # a blank line between the header and the data
            tree.ca.comment = [None, tokens]
        return tree

    def refresh(self) -> None:
        """Re-read the file when another program changed it since we last read or wrote it."""
        if self._disk is None or not self.path.exists():
            return
        if _digest(self.path.read_bytes()) == self._disk:
            return
        try:
            self._read()
        except DescriptionError as err:
            raise PbdError(
                str(self.path),
                f"changed by another program while the questionnaire ran, and is no longer valid ({err.problems[0].message_en})",
                f"Fix it (pbd validate {self.path}), then run pbd questionnaire again.",
            ) from None
        self.changed_outside = True

    def apply(self, change: Callable[[CommentedMap], None]) -> list[Problem]:
        """Apply ``change`` to the tree; write the file if the result is valid, else undo and return the problems."""
        self.refresh()
        tree = self.tree if self.tree is not None else self._new_tree()
        change(tree)
        text = self._dump(tree)
        try:
            loaded = load_text(text, str(self.path), json_input=self.is_json)
        except DescriptionError as err:
            self.tree = self._parse(self.text) if self.text else None  # undo: back to what is on disk
            return err.problems
        write_atomic(self.path, text)
        self.tree, self.text, self.loaded, self.data = tree, text, loaded, loaded.data()
        self._disk = _digest(text.encode("utf-8"))
        return []


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files a killed run left behind (``.FILE.xxxx.tmp``; the file itself was never touched)."""
    cutoff = dt.datetime.now().timestamp() - 60  # a minute old: no other run can still be writing it
    for name in (path.name, progress_path(path).name):
        for stale in path.parent.glob(f".{name}.*.tmp"):
            try:
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
            except OSError:
                pass  # gone already, or not ours to remove


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


# -- tree edits that keep comments where they belong -----------------------------------------
#
# ruamel attaches the comment lines *before* a key to the end of whatever precedes it (the deepest
# last scalar). So when a key or item is inserted after X, the full-line comments after X belong
# to what follows and move to after the new element; when X is removed, they move to before it.


def _comment_slot(container: Any, key: Any) -> tuple[Any, Any, int]:
    value = container[key]
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _comment_slot(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        return _comment_slot(value, len(value) - 1)
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def _take_following(container: Any, key: Any) -> str:
    """Detach the full-line comments that follow ``container[key]``; its end-of-line comment stays."""
    holder, hkey, index = _comment_slot(container, key)
    entry = holder.ca.items.get(hkey)
    if not entry or len(entry) <= index or entry[index] is None:
        return ""
    token = entry[index]
    value = str(token.value)
    cut = value.find("\n")
    if cut < 0:
        return ""
    head, rest = value[: cut + 1], value[cut + 1 :]
    if head.strip():
        token.value = head
    else:
        entry[index] = None
    return rest


def _put_following(container: Any, key: Any, lines: str) -> None:
    if not lines:
        return
    holder, hkey, index = _comment_slot(container, key)
    entry = holder.ca.items.setdefault(hkey, [None, None, None, None])
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = (token.value if str(token.value).endswith("\n") else token.value + "\n") + lines


def _insert_key(mapping: CommentedMap, model: type[BaseModel], key: str, value: Any) -> None:
    if key in mapping:
        mapping[key] = value
        return
    order = list(model.model_fields)
    rank = order.index(key) if key in order else len(order)
    keys = list(mapping)
    pos = len(keys)
    for i, existing in enumerate(keys):
        if existing in order and order.index(existing) > rank:
            pos = i
            break
    following = _take_following(mapping, keys[pos - 1]) if pos > 0 else ""
    mapping.insert(pos, key, value)
    _put_following(mapping, key, following)


def _delete_key(mapping: CommentedMap, key: str) -> None:
    keys = list(mapping)
    pos = keys.index(key)
    following = _take_following(mapping, key)
    del mapping[key]
    if pos > 0:
        _put_following(mapping, keys[pos - 1], following)


def _container(tree: CommentedMap, path: PathT, *, create: bool) -> Any:
    """The mapping or sequence at ``path``, creating missing mappings (in model order) when asked."""
    node: Any = tree
    for i, elem in enumerate(path):
        if isinstance(elem, int):
            node = node[elem]
            continue
        if elem not in node or node[elem] is None:
            if not create:
                return None
            _insert_key(node, _model_at(path[:i]), elem, CommentedMap())
        node = node[elem]
    return node


_FOLD_WIDTH = 88


def _fold_points(text: str) -> list[int]:
    points: list[int] = []
    start = 0
    while len(text) - start > _FOLD_WIDTH:
        cut = text.rfind(" ", start + 1, start + _FOLD_WIDTH)
        while cut > start and (text[cut - 1] == " " or text[cut + 1] == " "):
            cut = text.rfind(" ", start + 1, cut)
        if cut <= start:
            break
        points.append(cut)
        start = cut + 1
    return points


_RESOLVER: Any = pyyaml.resolver.Resolver()


def _yaml_scalar(value: Any) -> Any:
    if isinstance(value, StrEnum):
        value = value.value
    if not isinstance(value, str):
        return value
    if len(value) > _FOLD_WIDTH and "\n" not in value and value == value.strip():
        points = _fold_points(value)
        if points:
            folded = FoldedScalarString(value)
            folded.fold_pos = points
            return folded
    # quote what a YAML 1.1 reader would not read as text (no, on, 1.0, 2026-01-01, ~ ...)
    if _RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str":
        return DoubleQuotedScalarString(value)
    return value


def _yaml_value(value: Any, spec: FieldSpec) -> Any:
    if isinstance(value, list):
        seq = CommentedSeq([_yaml_scalar(v) for v in value])
        if spec.kind != "text_list":
            seq.fa.set_flow_style()
        return seq
    return _yaml_scalar(value)


def _set(tree: CommentedMap, path: PathT, value: Any, spec: FieldSpec) -> None:
    parent = _container(tree, path[:-1], create=True)
    _insert_key(parent, _model_at(path[:-1]), str(path[-1]), _yaml_value(value, spec))


def _delete(tree: CommentedMap, path: PathT) -> None:
    parent = _container(tree, path[:-1], create=False)
    if parent is None or path[-1] not in parent:
        return
    _delete_key(parent, str(path[-1]))
    # an optional block left empty goes too (never the project block or a list item)
    if len(parent) == 0 and len(path) >= 2 and isinstance(path[-2], str) and path[:-1] != ("project",):
        _delete(tree, path[:-1])


def _append_item(tree: CommentedMap, list_path: PathT, key: str, value: Any, spec: FieldSpec) -> None:
    item = CommentedMap()
    item[key] = _yaml_scalar(value) if not isinstance(value, list) else _yaml_value(value, spec)
    seq = _container(tree, list_path, create=False)
    if seq is None:
        seq = CommentedSeq()
        _insert_key(_container(tree, list_path[:-1], create=True), _model_at(list_path[:-1]), str(list_path[-1]), seq)
    following = _take_following(seq, len(seq) - 1) if len(seq) else ""
    seq.append(item)
    _put_following(seq, len(seq) - 1, following)


def _remove_item(tree: CommentedMap, list_path: PathT, index: int) -> None:
    seq = _container(tree, list_path, create=False)
    following = _take_following(seq, index)
    del seq[index]
    if index > 0:
        _put_following(seq, index - 1, following)
    if len(seq) == 0:
        _delete(tree, list_path)


def _each(node: Any, parts: list[str]) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every value at a generic path like ``risks[].processings`` below ``node``."""
    if not parts or node is None:
        return
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(node, dict) or node.get(name) is None:
        return
    if not rest:
        yield node, name
        return
    children = node[name] if many else [node[name]]
    for child in children:
        yield from _each(child, rest)


def _rewrite_references(tree: CommentedMap, list_path: PathT, old: str, new: str | None) -> None:
    """Point references to item ``old`` of the list at ``list_path`` to ``new`` (or drop them)."""
    refs = REFERENCES.get(generic_path(list_path), ())
    base: Any = tree if len(list_path) == 1 else _container(tree, list_path[:-1], create=False)
    for ref in refs:
        for holder, key in list(_each(base, ref.replace("[].", "[] ").replace(".", " ").split())):
            value = holder[key]
            if isinstance(value, list):
                for i in range(len(value) - 1, -1, -1):
                    if value[i] == old:
                        if new is None:
                            del value[i]
                        else:
                            value[i] = new
                if not value:
                    _delete_key(holder, key)
            elif value == old:
                if new is None:
                    _delete_key(holder, key)
                else:
                    holder[key] = new


# --------------------------------------------------------------------------------------------
# progress: skipped questions and finished lists, outside the description


def progress_path(description: Path) -> Path:
    """The sidecar that records skipped questions: ``.FILE.pbd-progress.json`` next to FILE."""
    return description.with_name(f".{description.name}.pbd-progress.json")


class Progress:
    """Questions skipped on purpose and lists declared complete, by stable key (written atomically)."""

    VERSION = 1

    def __init__(self, description: Path) -> None:
        self.path = progress_path(description)
        self.skipped: set[str] = set()
        self.done: set[str] = set()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict) and raw.get("pbd_questionnaire_progress") == self.VERSION:
                self.skipped = {str(k) for k in raw.get("skipped", [])}
                self.done = {str(k) for k in raw.get("done", [])}
        except (OSError, ValueError):
            pass  # no sidecar, or a broken one: the worst case is that skipped questions are offered again

    def _save(self) -> None:
        data = {
            "pbd_questionnaire_progress": self.VERSION,
            "note": "Written by pbd questionnaire: questions skipped on purpose and lists marked complete. Safe to delete.",
            "skipped": sorted(self.skipped),
            "done": sorted(self.done),
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def skip(self, key: str) -> None:
        if key not in self.skipped:
            self.skipped.add(key)
            self._save()

    def unskip(self, key: str) -> None:
        if key in self.skipped:
            self.skipped.discard(key)
            self._save()

    def finish(self, key: str) -> None:
        if key not in self.done:
            self.done.add(key)
            self._save()


# --------------------------------------------------------------------------------------------
# answers: typed text -> a valid value, or the reason why not


class AnswerError(Exception):
    """Why a typed answer cannot be taken, in Dutch and English."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(f"{nl} / {en}")
        self.nl, self.en = nl, en

    def text(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


def _validate(spec: FieldSpec, path: PathT, value: Any) -> Any:
    """Run the model's own validators for this field; their message, in both languages, on failure."""
    try:
        return spec.adapter().validate_python(value)
    except ValidationError as exc:
        err: dict[str, Any] = dict(exc.errors(include_url=False)[0])
        loc = [e for e in err["loc"] if isinstance(e, int)]
        err["loc"] = (*path, *loc)
        problem = _translate(Source("<answer>", None, None, ""), err)
        raise AnswerError(problem.message_nl, problem.message_en) from None


_UNITS: dict[str, tuple[str, bool]] = {}
for _unit, _words in {
    ("Y", False): "jaar jaren j year years y yr",
    ("M", False): "maand maanden month months mnd",
    ("W", False): "week weken weeks w wk",
    ("D", False): "dag dagen day days d",
    ("H", True): "uur uren hour hours h u",
    ("M", True): "minuut minuten minute minutes min m",
    ("S", True): "seconde seconden second seconds sec s",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit


def _friendly_duration(text: str) -> str | None:
    """'30 dagen' -> P30D, '1 jaar en 6 maanden' -> P1Y6M, '24 uur' -> PT24H; None when not of that form."""
    pairs = re.findall(r"(\d+)\s*([A-Za-z]+)", text)
    rest = re.sub(r"(\d+)\s*([A-Za-z]+)|\ben\b|\band\b|[,\s]", "", text)
    if not pairs or rest:
        return None
    date_part: dict[str, int] = {}
    time_part: dict[str, int] = {}
    for number, word in pairs:
        unit = _UNITS.get(word.lower())
        if unit is None:
            return None
        (time_part if unit[1] else date_part)[unit[0]] = int(number)
    out = "P" + "".join(f"{date_part[u]}{u}" for u in "YMWD" if u in date_part)
    if time_part:
        out += "T" + "".join(f"{time_part[u]}{u}" for u in "HMS" if u in time_part)
    return out


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60] or "x"


def _parse_numbers(text: str, n: int) -> list[int] | None:
    out: list[int] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", part)
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            out.extend(range(lo, hi + 1))
        elif part.isdigit():
            out.append(int(part))
        else:
            return None
    if not out or any(not 1 <= i <= n for i in out):
        return None
    return list(dict.fromkeys(out))


def _match_choice(word: str, choices: list[Choice]) -> str | None:
    """The value a typed word stands for: a value or label, or the start of exactly one of them."""
    word = word.strip().lower()
    values = {c[0] for c in choices}
    if word in _YES - {"1"} and "yes" in values:  # ja/nee/n.v.t. questions answered with j or n
        return "yes"
    if word in _NO - {"0"} and "no" in values:
        return "no"
    for value, nl, en in choices:
        if word in (value.lower(), nl.lower(), en.lower()):
            return value
    starts = {value for value, nl, en in choices if any(x.lower().startswith(word) for x in (value, nl, en))}
    if len(word) >= 2 and len(starts) == 1:
        return starts.pop()
    inside = {value for value, nl, en in choices if any(word in x.lower() for x in (value, nl, en))}
    return inside.pop() if len(word) >= 4 and len(inside) == 1 else None


def _close_choice(word: str, choices: list[Choice]) -> tuple[str, str]:
    labels = {}
    for i, choice in enumerate(choices, start=1):
        for text in choice:
            labels[text.lower().replace("_", " ")] = i
    close = difflib.get_close_matches(word.lower(), list(labels), n=1, cutoff=0.5)
    if not close:
        return "", ""
    i = labels[close[0]]
    return f" Bedoelt u {i}) {choices[i - 1][1]}?", f" Did you mean {i}) {choices[i - 1][2]}?"


def parse_answer(spec: FieldSpec, path: PathT, text: str, choices: list[Choice]) -> tuple[Any, str | None]:
    """The value for typed ``text``, and the value to echo back when it was rewritten (30 dagen -> P30D)."""
    kind = spec.kind
    if kind == "bool":
        word = text.lower()
        if word in _YES:
            return True, None
        if word in _NO:
            return False, None
        raise AnswerError(_MSG["bad_bool"][0], _MSG["bad_bool"][1])
    if kind in ("enum", "choice"):
        n = len(choices)
        if text.isdigit():
            if 1 <= int(text) <= n:
                return _validate(spec, path, choices[int(text) - 1][0]), None
            raise AnswerError(_t("nl", "bad_choice", n=n), _t("en", "bad_choice", n=n))
        found = _match_choice(text, choices)
        if found is not None:
            return _validate(spec, path, found), None
        hint_nl, hint_en = _close_choice(text, choices)
        raise AnswerError(
            _t("nl", "bad_choice_word", word=text, n=n) + hint_nl, _t("en", "bad_choice_word", word=text, n=n) + hint_en
        )
    if kind in ("enum_list", "choice_list"):
        n = len(choices)
        numbers = _parse_numbers(text, n)
        if numbers is None:
            words = [w.strip() for w in text.split(",") if w.strip()]
            matched = [_match_choice(w, choices) for w in words]
            if words and all(m is not None for m in matched):
                return _validate(spec, path, list(dict.fromkeys(matched))), None
            raise AnswerError(_t("nl", "bad_choice", n=n), _t("en", "bad_choice", n=n))
        value = _validate(spec, path, [choices[i - 1][0] for i in numbers])
        return [str(v) for v in value], None
    if kind == "int":
        digits = re.sub(r"(?<=\d)[. _](?=\d{3}\b)", "", text)  # 50.000 is fifty thousand in Dutch
        return _validate(spec, path, digits), None
    if kind == "date":
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)  # 1-5-2026, the Dutch way
        shown = None
        if m:
            text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
            shown = text
        return _validate(spec, path, text), shown
    if kind == "duration":
        iso = _friendly_duration(text)
        if iso is not None:
            return _validate(spec, path, iso), iso
        try:
            return _validate(spec, path, text.upper()), None
        except AnswerError as err:
            raise AnswerError(
                err.nl + " (of typ bijvoorbeeld '30 dagen')", err.en + " (or type e.g. '30 days')"
            ) from None
    if kind == "country":
        return _validate(spec, path, text.upper()), None
    if kind == "text_list":
        return _validate(spec, path, [text])[0], None
    if kind == "identifier":
        try:
            return _validate(spec, path, text), None
        except AnswerError as err:
            slug = _slug(text)
            raise AnswerError(
                f"{err.nl}. {_t('nl', 'slug', slug=slug)}", f"{err.en}. {_t('en', 'slug', slug=slug)}"
            ) from None
    return _validate(spec, path, text), None


# --------------------------------------------------------------------------------------------
# the walk


QUESTION, GROUP = "question", "group"
ALL, UNANSWERED, SKIPPED = "all", "unanswered", "skipped"


@dataclass(frozen=True, slots=True)
class Node:
    path: PathT
    spec: FieldSpec
    kind: str  # QUESTION or GROUP


class _Back(Exception):
    """The user typed '<'."""


class _SkipBlock(Exception):
    """The user typed '>': skip the rest of this block."""


@dataclass(slots=True)
class _Walk:
    root: PathT
    mode: str
    visited: set[str] = field(default_factory=set)
    cursor: PathT | None = None  # a question reached with '<'
    return_to: str | None = None  # where to continue after walking forward from the cursor
    asked: bool = False


class Questionnaire:
    """One session: walks the description's questions, asks what applies, and saves every answer."""

    def __init__(
        self,
        document: DescriptionDocument,
        terminal: Terminal,
        *,
        lang: str = "nl",
        today: dt.date | None = None,
        knowledge_base: Callable[[], KnowledgeBase] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.doc = document
        self.term = terminal
        self.lang = lang
        self.today = today or dt.date.today()
        self._kb_loader = knowledge_base
        self.progress = progress or Progress(document.path)
        self._derived: dict[int, Json] = {}
        self._derived_of: Json | None = None
        self._headings: list[str] = []
        self._section: str | None = None
        self._section_asked = False
        self._field_criteria: dict[str, list[tuple[str, str, str]]] | None = None
        self._note: str | None = None  # said once before the next section heading

    # -- reading the answers -----------------------------------------------------------------

    @property
    def data(self) -> Json:
        return self.doc.data

    def _ctx(self, path: PathT) -> Ctx:
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

    def _choices(self, path: PathT, spec: FieldSpec) -> list[Choice]:
        if spec.enum is not None:
            labels = LABELS.get(spec.enum.__name__, {})
            return [(m.value, *labels.get(m.value, (m.value, m.value))) for m in spec.enum]
        make = CHOICES.get(generic_path(path))
        return make(self._ctx(path)) if make else []

    def _applies(self, path: PathT, spec: FieldSpec) -> bool:
        if _get(self.data, path) is not None:
            return True  # never hide an answer
        when = ASK_WHEN.get(generic_path(path))
        if when is not None and not when.test(self._ctx(path)):
            return False
        return not (spec.kind in ("choice", "choice_list") and not self._choices(path, spec))

    def _key(self, path: PathT) -> str:
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

    def _nodes(self, root: PathT, *, expand: bool) -> list[Node]:
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
        if not self._applies(path, spec):
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

    def _answered(self, node: Node) -> bool:
        return _get(self.data, node.path) is not None

    def _needs(self, node: Node, walk: _Walk) -> bool:
        key = self._key(node.path)
        if key in walk.visited:
            return False
        if walk.mode == ALL:
            return True
        if node.kind == GROUP:
            return walk.mode == UNANSWERED and key not in self.progress.done
        if self._answered(node):
            return False
        return (key in self.progress.skipped) == (walk.mode == SKIPPED)

    def applicable(self, section: str | None = None) -> list[PathT]:
        """The paths of every question that applies now (answered or not), in the order they are asked."""
        sections = (section,) if section else SECTIONS
        return [n.path for s in sections for n in self._nodes((s,), expand=True) if n.kind == QUESTION]

    # -- running -----------------------------------------------------------------------------

    def run(self, section: str | None = None) -> None:
        """Ask what applies: everything unanswered, or (with ``section``) every question of one part."""
        say, lang = self.term.say, self.lang
        file = str(self.doc.path)
        if not self.doc.exists:
            say(_t(lang, "intro_new", file=file), "title")
        else:
            answered = sum(
                1 for s in SECTIONS for n in self._nodes((s,), expand=True) if n.kind == QUESTION and self._answered(n)
            )
            say(
                _t(
                    lang,
                    "intro_resume",
                    file=file,
                    answered=_count(lang, answered, "answer"),
                    skipped=_count(lang, len(self._skipped_now()), "question"),
                ),
                "title",
            )
        say(_t(lang, "intro_keys"), "dim")
        if self.doc.reformatted:
            say(_t(lang, "reformatted"), "dim")
        if section is not None:
            if not self.doc.exists and section != "project":  # a description cannot exist without its name
                name_path: PathT = ("project", "name")
                self._ask_question(Node(name_path, _spec_at(name_path), QUESTION), "")
            self._walk(_Walk((section,), ALL))
            self._end_section()
            say()
            say(_t(lang, "done_section", title=self._section_title(section), file=file), "ok")
            return
        for name in SECTIONS:
            self._walk(_Walk((name,), UNANSWERED))
        # answers given later can make earlier questions apply (a high residual risk -> prior consultation)
        self._note = _t(lang, "later")
        for name in SECTIONS:
            self._walk(_Walk((name,), UNANSWERED))
        self._note = None
        self._end_section()
        skipped = self._skipped_now()
        if skipped:
            say()
            if self._yes_no(_t(lang, "skipped_offer", n=_count(lang, len(skipped), "question")), ("skipped",)):
                for name in SECTIONS:
                    self._walk(_Walk((name,), SKIPPED))
                self._end_section()
        say()
        say(_t(lang, "done", file=file), "ok")
        say(_t(lang, "next", file=file), "dim")

    def _skipped_now(self) -> list[Node]:
        return [
            n
            for s in SECTIONS
            for n in self._nodes((s,), expand=True)
            if n.kind == QUESTION and not self._answered(n) and self._key(n.path) in self.progress.skipped
        ]

    def _walk(self, walk: _Walk) -> None:
        while True:
            nodes = self._nodes(walk.root, expand=walk.mode != ALL)
            node = None
            if walk.cursor is not None:
                node = next((n for n in nodes if n.path == walk.cursor), None)
                walk.cursor = None
            if node is None:
                walk.return_to = None
                node = next((n for n in nodes if self._needs(n, walk)), None)
            if node is None:
                return
            self._enter(node, nodes, walk)
            try:
                if node.kind == GROUP:
                    self._ask_group(node)
                else:
                    self._ask_question(node, self._progress_label(node, nodes, walk))
            except _SkipBlock:
                self._skip_block(node, walk)
                continue
            except _Back:
                index = nodes.index(node)
                if index == 0:
                    self.term.say(_t(self.lang, "first"), "dim")
                    continue
                walk.return_to = walk.return_to or self._key(node.path)
                walk.cursor = nodes[index - 1].path
                continue
            walk.asked = True
            walk.visited.add(self._key(node.path))
            if walk.return_to is not None:  # after going back: forward one question at a time
                fresh = self._nodes(walk.root, expand=walk.mode != ALL)
                keys = [self._key(n.path) for n in fresh]
                here = self._key(node.path)
                if here in keys and keys.index(here) + 1 < len(keys) and keys[keys.index(here) + 1] != walk.return_to:
                    walk.cursor = fresh[keys.index(here) + 1].path
                else:
                    walk.return_to = None

    def _skip_block(self, node: Node, walk: _Walk) -> None:
        """Mark every open question from ``node`` to the end of its block as skipped ('weet ik nog niet')."""
        path = node.path
        base = 2 if len(path) > 2 and isinstance(path[1], int) else 1  # the item, or the section
        block = path[: base + 1] if len(path) > base + 1 else path[:base]
        nodes = self._nodes(walk.root, expand=walk.mode != ALL)
        start = nodes.index(node)
        count = 0
        for later in nodes[start:]:
            if later.path[: len(block)] != block:
                continue
            key = self._key(later.path)
            walk.visited.add(key)
            if later.kind == GROUP:
                self.progress.finish(key)
            elif not self._answered(later):
                self.progress.skip(key)
                count += 1
        title = (
            _spec_at(block).title(self.lang)
            if isinstance(block[-1], str)
            else _singular(_spec_at(block[:-1]), self.lang)
        )
        self.term.say(
            _indent(_t(self.lang, "skipped_block", n=_count(self.lang, count, "question"), title=title)), "dim"
        )

    # -- headings and progress ---------------------------------------------------------------

    def _section_title(self, section: str) -> str:
        return _spec(ProjectDescription, section).title(self.lang)

    def _enter(self, node: Node, nodes: list[Node], walk: _Walk) -> None:
        section = str(node.path[0])
        if section != self._section:
            self._end_section()
            if self._note:
                self.term.say()
                self.term.say(self._note, "title")
                self._note = None
            self._section, self._section_asked = section, False
            self._headings = []
            spec = _spec(ProjectDescription, section)
            leaves = [n for n in self._nodes((section,), expand=True) if n.kind == QUESTION]
            answered = sum(1 for n in leaves if self._answered(n))
            progress = _t(self.lang, "section_progress", answered=answered, total=len(leaves)) if leaves else ""
            self.term.say()
            self.term.say(f"══ {spec.title(self.lang)} ══  {progress}".rstrip(), "section")
            if spec.help(self.lang):
                self.term.say(spec.help(self.lang), "dim")
        self._section_asked = True
        headings = self._heading_chain(node.path[:-1])
        common = 0
        while common < min(len(headings), len(self._headings)) and headings[common] == self._headings[common]:
            common += 1
        for depth, text in enumerate(headings[common:], start=common):
            self.term.say()
            self.term.say(_indent("▸ " + text, 2 * depth), "title")
        self._headings = headings

    def _heading_chain(self, path: PathT) -> list[str]:
        """Headings for the blocks and items around a question: 'Verwerking 2: wifi-telling', 'Rechtsgrond'."""
        out: list[str] = []
        for i in range(1, len(path)):
            elem = path[i]
            if isinstance(elem, int):
                list_spec = _spec_at(path[:i])
                model = _model_at(path[: i + 1])
                name = _get(self.data, (*path[: i + 1], _key_spec(model).name))
                title = _singular(list_spec, self.lang)
                out.append(_t(self.lang, "item", title=title, n=elem + 1, name=_short(name)))
            elif i + 1 < len(path) and isinstance(path[i + 1], int):
                continue  # the item heading ('Doel 1: ...') says enough
            else:
                spec = _spec_at(path[: i + 1])
                help_text = spec.help(self.lang)
                out.append(f"{spec.title(self.lang)} — {help_text}" if help_text else spec.title(self.lang))
        return out

    def _progress_label(self, node: Node, nodes: list[Node], walk: _Walk) -> str:
        leaves = (
            [n for n in nodes if n.kind == QUESTION]
            if walk.mode == ALL
            else [n for n in self._nodes((node.path[0],), expand=True) if n.kind == QUESTION]
        )
        paths = [n.path for n in leaves]
        if node.path not in paths:
            return ""
        return f"[{paths.index(node.path) + 1}/{len(paths)}]"

    def _end_section(self) -> None:
        if self._section is not None and self._section_asked:
            self._summary(self._section)
        self._section, self._section_asked = None, False

    # -- one question ------------------------------------------------------------------------

    def _show_question(self, path: PathT, spec: FieldSpec, label: str, choices: list[Choice]) -> None:
        say, lang = self.term.say, self.lang
        hint = {
            "bool": "bool_hint",
            "date": "date_hint",
            "duration": "duration_hint",
            "int": "int_hint",
            "country": "country_hint",
            "text_list": "list_hint",
            "enum_list": "multi_hint",
            "choice_list": "multi_hint",
        }.get(spec.kind)
        title = spec.title(lang) + (" *" if spec.required else "") + (f" ({_t(lang, hint)})" if hint else "")
        say()
        say(f"{label} {title}".strip(), "title")
        if spec.help(lang):
            say(_indent(spec.help(lang)), "help")
        if choices:
            current = _get(self.data, path)
            marked = set(current) if isinstance(current, list) else {current}
            labels = [(c[1] if lang == "nl" else c[2]) for c in choices]
            compact = len(choices) <= 8 and all(len(lab) <= 18 for lab in labels)
            if compact:
                say(_indent("   ".join(f"{i}) {lab}" for i, lab in enumerate(labels, start=1))))
            else:
                width = len(str(len(choices)))
                for i, (choice, lab) in enumerate(zip(choices, labels, strict=True), start=1):
                    mark = "•" if choice[0] in marked else " "
                    say(_indent(f"{mark}{i:>{width}}) {lab}"))
        current = _get(self.data, path)
        if current is not None:
            say(_indent(_t(lang, "now", value=self._show(current, spec, choices)) + "  " + _t(lang, "now_keep")), "dim")

    def _show(self, value: Any, spec: FieldSpec, choices: list[Choice] | None = None) -> str:
        if isinstance(value, bool):
            return ("ja" if value else "nee") if self.lang == "nl" else ("yes" if value else "no")
        by_value = {c[0]: (c[1] if self.lang == "nl" else c[2]) for c in choices or []}
        if isinstance(value, list):
            if spec.kind == "text_list":
                return "; ".join(str(v) for v in value)
            return ", ".join(by_value.get(str(v), str(v)) for v in value) or "—"
        return by_value.get(str(value), str(value)) if spec.kind in ("enum", "choice") else str(value)

    def _ask_question(self, node: Node, label: str, *, new_item: PathT | None = None) -> str:
        """Ask one question until it is answered, kept, skipped or cleared; returns what happened."""
        path, spec, lang = node.path, node.spec, self.lang
        choices = self._choices(path, spec)
        parts = self._choice_parts(path, choices) if spec.kind == "choice_list" else None
        if parts:
            return self._ask_in_parts(node, label, parts)
        self._show_question(path, spec, label, choices)
        prompt = Prompt("question", path, spec, tuple(c[0] for c in choices))
        while True:
            text = self.term.ask(prompt).strip()
            current = _get(self.data, path)
            if text == "?":
                self._explain(path, spec)
                continue
            if text == "<":
                raise _Back
            if text == ">" and new_item is None:
                raise _SkipBlock
            if text in ("", "-"):
                if new_item is not None:
                    return "cancel"
                if spec.required:
                    if current is not None and text == "":
                        return "kept"
                    self.term.say(_indent(_t(lang, "required")), "error")
                    continue
                if current is not None and text == "":
                    return "kept"
                if current is not None:
                    self._change(lambda tree: _delete(tree, path))
                self.progress.skip(self._key(path))
                return "cleared" if current is not None else "skipped"
            value: Any
            shown: str | None
            if spec.kind == "text_list" and text.lower() in _NONE_WORDS:
                value, shown = [], _t(lang, "none")
            elif spec.kind == "text_list" and text == "+":
                continue
            else:
                try:
                    value, shown = parse_answer(spec, path, text, choices)
                except AnswerError as err:
                    self.term.say(_indent(err.text(lang)), "error")
                    continue
                if spec.kind == "text_list":
                    value = [*(current if isinstance(current, list) else []), value]
            problems = self._store(path, spec, value, new_item=new_item)
            if problems:
                self.term.say(_indent(_t(lang, "rejected")), "error")
                for problem in problems[:5]:
                    self.term.say(_indent(problem.message(lang), 4), "error")
                continue
            if shown is not None:
                self.term.say(_indent(_t(lang, "converted", value=shown)), "dim")
            self.progress.unskip(self._key(path))
            if spec.kind == "text_list" and value:
                self._more_lines(path, spec)
            return "answered"

    def _choice_parts(self, path: PathT, choices: list[Choice]) -> list[tuple[str, list[Choice]]] | None:
        """A long list of choices split in parts: the capabilities per function area of the systeemeisen."""
        if generic_path(path) != "systems[].capabilities":
            return None
        kb = self._knowledge_base()
        if kb is None:
            return None  # one long list, then
        try:
            from pbd.kb_docs import SE_AREAS  # the area names live with the knowledge base docs
        except ImportError:  # pragma: no cover - defensive: the names are a nicety
            SE_AREAS = {}
        area_of = {se.capability: se.area for se in kb.system_requirements.values()}
        groups: dict[str, list[Choice]] = {}
        for choice in choices:
            groups.setdefault(area_of.get(choice[0], ""), []).append(choice)
        codes = [c for c in SE_AREAS if c in groups] + sorted(c for c in groups if c not in SE_AREAS)
        other = ("Overig", "Other")
        return [(SE_AREAS.get(code, other)[0 if self.lang == "nl" else 1], groups[code]) for code in codes]

    def _ask_in_parts(self, node: Node, label: str, parts: list[tuple[str, list[Choice]]]) -> str:
        """A multiple choice asked one part at a time (Enter keeps a part as it is; 0 = none of these)."""
        path, spec, lang, say = node.path, node.spec, self.lang, self.term.say
        self._show_question(path, spec, label, [])
        current = list(_get(self.data, path) or [])
        chosen: list[str] = []
        for i, (title, choices) in enumerate(parts, start=1):
            say()
            say(_indent(f"{title} ({i}/{len(parts)}) — " + _t(lang, "part_hint")), "title")
            width = len(str(len(choices)))
            for n, choice in enumerate(choices, start=1):
                mark = "•" if choice[0] in current else " "
                say(_indent(f"{mark}{n:>{width}}) {choice[1] if lang == 'nl' else choice[2]}"))
            while True:
                text = self.term.ask(Prompt("question", path, spec, tuple(c[0] for c in choices))).strip()
                if text == "?":
                    self._explain(path, spec)
                    continue
                if text == "<":
                    raise _Back
                if text == "-":
                    if current:
                        self._change(lambda tree: _delete(tree, path))
                    self.progress.skip(self._key(path))
                    return "cleared" if current else "skipped"
                if text == "":
                    chosen += [c[0] for c in choices if c[0] in current]
                    break
                if text == "0":
                    break
                numbers = _parse_numbers(text, len(choices))
                if numbers is None:
                    say(_indent(_t(lang, "bad_choice", n=len(choices))), "error")
                    continue
                chosen += [choices[n - 1][0] for n in numbers]
                break
        if chosen == current:
            if not current:
                self.progress.skip(self._key(path))
                return "skipped"
            return "kept"
        problems = (
            self._store(path, spec, chosen, new_item=None) if chosen else self._change(lambda tree: _delete(tree, path))
        )
        if problems:  # pragma: no cover - every choice is valid by construction
            for problem in problems[:5]:
                say(_indent(problem.message(lang)), "error")
            return "skipped"
        self.progress.unskip(self._key(path))
        return "answered"

    def _more_lines(self, path: PathT, spec: FieldSpec) -> None:
        """The next lines of a list, each saved as soon as it is typed; an empty line ends the list."""
        while True:
            text = self.term.ask(Prompt("more", path, spec, text="  +")).strip()
            if not text:
                return
            if text == "+":
                continue
            try:
                item = _validate(spec, path, [text])[0]
            except AnswerError as err:
                self.term.say(_indent(err.text(self.lang)), "error")
                continue
            problems = self._store(path, spec, [*(_get(self.data, path) or []), item], new_item=None)
            for problem in problems[:5]:
                self.term.say(_indent(problem.message(self.lang), 4), "error")

    def _store(self, path: PathT, spec: FieldSpec, value: Any, *, new_item: PathT | None) -> list[Problem]:
        """Write ``value`` at ``path`` (a new list item when ``new_item`` is its list); [] when saved."""
        if new_item is not None:
            return self._change(lambda tree: _append_item(tree, new_item, spec.name, value, spec))
        old = _get(self.data, path)
        list_path = path[:-2]
        renames_item = (
            len(path) >= 3
            and isinstance(path[-2], int)
            and spec.name == _key_spec(_model_at(path[:-1])).name
            and old is not None
            and old != value
            and generic_path(list_path) in REFERENCES
        )

        def change(tree: CommentedMap) -> None:
            _set(tree, path, value, spec)
            if renames_item:
                _rewrite_references(tree, list_path, str(old), str(value))

        problems = self._change(change)
        if not problems and isinstance(value, str) and _get(self.data, path) != value:  # pragma: no cover - defensive
            # text that would read back differently (an odd character in a folded line) is written quoted
            quoted = DoubleQuotedScalarString(value)
            return self._change(lambda tree: _set(tree, path, quoted, spec))
        return problems

    def _change(self, change: Callable[[CommentedMap], None]) -> list[Problem]:
        problems = self.doc.apply(change)
        if self.doc.changed_outside:
            self.doc.changed_outside = False
            self.term.say(_t(self.lang, "changed_outside", file=str(self.doc.path)), "dim")
        return problems

    def _yes_no(self, question: str, path: PathT) -> bool:
        self.term.say(question)
        while True:
            text = self.term.ask(Prompt("confirm", path)).strip().lower()
            if text in _YES:
                return True
            if text in _NO or text == "":
                return False
            self.term.say(_indent(_t(self.lang, "bad_bool")), "error")

    # -- repeatable groups ---------------------------------------------------------------------

    def _ask_group(self, node: Node) -> None:
        path, spec, lang, say = node.path, node.spec, self.lang, self.term.say
        assert spec.target is not None
        key_spec = _key_spec(spec.target)
        if len(path) > 1:  # a section's own list already has the section heading
            say()
            say(spec.title(lang) + (f" — {spec.help(lang)}" if spec.help(lang) else ""), "title")
        while True:
            items = _get(self.data, path) or []
            if not items:
                say(_indent(_t(lang, "group_none", title=spec.title(lang).lower())))
            else:
                say()
                say(_indent(f"{spec.title(lang)} ({len(items)}):"), "title")
                for i, item in enumerate(items, start=1):
                    say(_indent(f"{i}. {self._item_label(spec.target, item)}"))
                say(_indent(_t(lang, "group_some")), "dim")
            text = self.term.ask(
                Prompt("group", path, spec, tuple(str(item.get(key_spec.name)) for item in items))
            ).strip()
            word = text.lower()
            if text == "?":
                self._explain(path, spec)
                continue
            if text == "<":
                raise _Back
            if word.isdigit() and 1 <= int(word) <= len(items):  # before yes/no: '1' is an item, not 'yes'
                self._walk(_Walk((*path, int(word) - 1), ALL))
                self._headings = []
                continue
            m = re.fullmatch(r"(-|v|verwijder|r|remove)\s*(\d+)", word)
            if m and 1 <= int(m.group(2)) <= len(items):
                self._remove(path, spec, int(m.group(2)) - 1)
                continue
            if word in ("", "klaar", "done", "k") or (word in _NO and not word.isdigit()):
                self.progress.finish(self._key(path))
                return
            if word in ("+", "t", "toevoegen", "a", "add") or (word in _YES and not word.isdigit()):
                self._add_item(path, spec)
                continue
            say(_indent(_t(lang, "group_bad", n=len(items))), "error")

    def _item_label(self, model: type[BaseModel], item: Json) -> str:
        key = _key_spec(model).name
        name = _short(item.get(key))
        for other in ("name", "role", "description", "category", "type", "recipient", "target"):
            if other != key and item.get(other) is not None:
                spec = _spec(model, other)
                return f"{name} — {_short(self._show(item[other], spec, self._choices((other,), spec) if spec.enum else None))}"
        return name

    def _add_item(self, list_path: PathT, spec: FieldSpec) -> None:
        assert spec.target is not None
        index = len(_get(self.data, list_path) or [])
        key_spec = _key_spec(spec.target)
        key_path = (*list_path, index, key_spec.name)
        self.term.say()
        self.term.say(_t(self.lang, "group_new", title=_singular(spec, self.lang)), "title")
        try:
            outcome = self._ask_question(Node(key_path, key_spec, QUESTION), "", new_item=list_path)
        except _Back:
            outcome = "cancel"
        if outcome == "cancel":
            self.term.say(_indent(_t(self.lang, "group_cancel")), "dim")
            return
        walk = _Walk((*list_path, index), ALL)
        walk.visited.add(self._key(key_path))
        self._walk(walk)
        self._headings = []

    def _remove(self, list_path: PathT, spec: FieldSpec, index: int) -> None:
        assert spec.target is not None
        item = _get(self.data, (*list_path, index)) or {}
        name = str(item.get(_key_spec(spec.target).name))
        if not self._yes_no(_indent(_t(self.lang, "remove_confirm", name=name)), (*list_path, index)):
            return

        def change(tree: CommentedMap) -> None:
            _remove_item(tree, list_path, index)
            _rewrite_references(tree, list_path, name, None)

        problems = self._change(change)
        if problems:
            self.term.say(_indent(_t(self.lang, "rejected")), "error")
            for problem in problems[:5]:
                self.term.say(_indent(problem.message(self.lang), 4), "error")
            return
        self.term.say(_indent(_t(self.lang, "removed", name=name)), "ok")

    # -- help: why a question matters ----------------------------------------------------------

    def _explain(self, path: PathT, spec: FieldSpec) -> None:
        say, lang = self.term.say, self.lang
        if spec.ref:
            say(_indent(_t(lang, "help_ref", ref=spec.ref)), "help")
        when = ASK_WHEN.get(generic_path(path))
        if when is not None:
            say(_indent(_t(lang, "help_when", when=when.text(lang))), "help")
        checked = self._criteria_for(generic_path(path))
        if checked:
            say(_indent(_t(lang, "help_checked")), "help")
            for rule, title, why in checked[:4]:
                say(_indent(f"{rule} {title}", 4), "help")
                if why:
                    say(_indent(why, 6), "dim")
        say(_indent(_t(lang, "help_keys")), "dim")

    def _knowledge_base(self) -> KnowledgeBase | None:
        if self._kb_loader is None:
            return None
        try:
            return self._kb_loader()
        except Exception:  # the knowledge base is being edited: no hints rather than a crash
            return None

    def _criteria_for(self, generic: str) -> list[tuple[str, str, str]]:
        if self._field_criteria is None:
            kb = self._knowledge_base()
            if kb is None:
                return []
            self._field_criteria = _criteria_by_field(kb, self.lang)
        return self._field_criteria.get(generic, [])

    # -- gaps and open points at the end of a section ------------------------------------------

    def _summary(self, section: str) -> None:
        say, lang = self.term.say, self.lang
        loaded = self.doc.loaded
        if loaded is None or self._kb_loader is None:
            return
        try:
            from pbd import engine

            kb = self._kb_loader()
            assessment = engine.check(loaded, kb, engine.Options(today=self.today))
        except Exception as exc:  # the knowledge base is being edited: no hints rather than a crash
            say()
            say(
                _t(lang, "summary_unavailable", why=str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__),
                "dim",
            )
            return
        mine = [
            f for f in assessment.findings if f.status in (Status.GAP, Status.OPEN) and _section_of(f.path) == section
        ]
        say()
        say(f"── {_t(lang, 'summary', title=self._section_title(section))} ──", "section")
        if not mine:
            say(_indent(_t(lang, "summary_none")), "ok")
            return
        gaps = sorted((f for f in mine if f.status is Status.GAP), key=lambda f: (-f.severity.rank, f.target, f.rule))
        opens = [f for f in mine if f.status is Status.OPEN]
        shown = 0
        limit = 12
        if gaps:
            say(_indent(_t(lang, "summary_gaps", n=len(gaps))), "gap")
            for f in gaps[:limit]:
                say(_indent(f"✗ {_rule_title(kb, f.rule, lang)}{_target(f.target)}", 4), "gap")
                if f.detail(lang):
                    say(_indent(_plain_words(f.detail(lang), lang), 8))
                fix = _first_sentence(_rule_fix(kb, f.rule, lang))
                if fix:
                    say(_indent(_t(lang, "summary_fix", fix=fix), 8), "dim")
                shown += 1
        if opens and shown < limit:
            say(_indent(_t(lang, "summary_open", n=len(opens))), "open")
            for f in opens[: limit - shown]:
                say(_indent(f"? {_rule_title(kb, f.rule, lang)}{_target(f.target)}", 4), "open")
                if f.detail(lang):
                    say(_indent(_plain_words(f.detail(lang), lang), 8))
                shown += 1
        if len(mine) > shown:
            say(_indent(_t(lang, "summary_more", n=len(mine) - shown, file=str(self.doc.path))), "dim")


def _plain_words(detail: str, lang: str) -> str:
    """A finding's detail with capability keywords shown as their label ('open_api' -> 'gedocumenteerde API's ...')."""

    def label(m: re.Match[str]) -> str:
        pair = CAPABILITIES.get(m.group(1))
        return f"'{pair[0] if lang == 'nl' else pair[1]}'" if pair else m.group(0)

    return re.sub(r"'([a-z0-9_]+)'", label, detail)


def _section_of(path: str) -> str:
    m = re.match(r"^\$\.([A-Za-z_]+)", path)
    return m.group(1) if m else "project"


def _target(target: str) -> str:
    return "" if target == "project" else f" [{target}]"


def _rule_title(kb: KnowledgeBase, rule: str, lang: str) -> str:
    if rule in kb.criteria:
        return f"{rule} {kb.criteria[rule].title.get(lang)}"
    if rule in kb.system_requirements:
        return f"{rule} {kb.system_requirements[rule].title.get(lang)}"
    return rule


def _rule_fix(kb: KnowledgeBase, rule: str, lang: str) -> str:
    if rule in kb.criteria:
        return kb.criteria[rule].remediation.get(lang)
    return ""


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not the one in 'art. 28' or 'bijv. een')."""
    m = re.match(r"(.+?[.!?])(?=\s+[A-Z]|$)", text.strip(), re.DOTALL)
    return m.group(1) if m else text.strip()


def _criteria_by_field(kb: KnowledgeBase, lang: str) -> dict[str, list[tuple[str, str, str]]]:
    """Generic field path -> criteria whose requirement looks at that field (for the '?' help)."""
    prefixes = {
        "project": "project.",
        "processing": "processings[].",
        "party": "parties[].",
        "system": "systems[].",
        "data_item": "processings[].data_items[].",
    }
    context = {
        "_project": "project.",
        "_parties": "parties[].",
        "_processings": "processings[].",
        "_systems": "systems[].",
        "_risks": "risks[].",
    }
    out: dict[str, list[tuple[str, str, str]]] = {}

    def walk(schema: Any, prefix: str, parts: list[str], found: set[str]) -> None:
        if not isinstance(schema, dict):
            return
        names = [*schema.get("properties", {}), *schema.get("required", [])]
        for name in names:
            if name in ("_derived", "_screening"):
                continue
            if not parts and name in context:
                sub = schema.get("properties", {}).get(name, {})
                walk(sub.get("items", sub.get("contains", sub)), context[name], [], found)
                continue
            found.add(prefix + ".".join([*parts, name]))
            sub = schema.get("properties", {}).get(name)
            if isinstance(sub, dict):
                for key in ("items", "contains"):
                    if key in sub:
                        walk(sub[key], prefix, [*parts, f"{name}[]"], found)
                walk(sub, prefix, [*parts, name], found)
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(key, []):
                walk(sub, prefix, parts, found)
        for key in ("not", "if", "then", "else"):
            walk(schema.get(key), prefix, parts, found)

    for crit in kb.criteria.values():
        found: set[str] = set()
        walk(crit.data.get("requirement") or {}, prefixes.get(crit.scope, ""), [], found)
        for generic in found:
            out.setdefault(generic, []).append(
                (crit.id, crit.title.get(lang), _first_sentence(crit.rationale.get(lang)))
            )
    return out


# --------------------------------------------------------------------------------------------
# small text helpers


def _indent(text: str, width: int = 2) -> str:
    lines = textwrap.wrap(text, 100 - width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(" " * width + line for line in lines)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value) if value is not None else "?"
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SINGULAR = {
    "parties": ("Partij", "Party"),
    "processings": ("Verwerking", "Processing"),
    "systems": ("Systeem", "System"),
    "risks": ("Risico", "Risk"),
    "waivers": ("Afwijking", "Waiver"),
    "purposes": ("Doel", "Purpose"),
    "data_subjects": ("Groep betrokkenen", "Group of data subjects"),
    "data_items": ("Persoonsgegeven", "Data item"),
    "transfers": ("Doorgifte", "Transfer"),
}


def _singular(spec: FieldSpec, lang: str) -> str:
    pair = _SINGULAR.get(spec.name)
    if pair is None:
        return spec.title(lang)
    return pair[0] if lang == "nl" else pair[1]

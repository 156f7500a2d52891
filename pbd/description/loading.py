"""Loading a description: source data -> validated model, with every problem located and explained."""

from __future__ import annotations

import difflib
import enum
import hashlib
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from pbd.description.model import ProjectDescription
from pbd.description.source import JsonPath, Source, SourceError, json_path, read_file, read_text
from pbd.description.values import SCHEMA_VERSION
from pbd.errors import DescriptionError, Problem

if typing.TYPE_CHECKING:
    from pbd.migrate import Note


@dataclass(slots=True)
class LoadedDescription:
    """A valid description, the source it came from, and a hash of its bytes.

    A format-version-1 file is migrated in memory (:mod:`pbd.migrate`) before it is validated:
    ``model`` has the version-2 shape, ``migration_notes`` says what changed and what version 1
    could not answer, and ``from_version`` is the version the file declares.
    """

    model: ProjectDescription
    source: Source
    sha256: str
    migration_notes: tuple[Note, ...] = ()
    from_version: int = SCHEMA_VERSION

    @property
    def name(self) -> str:
        return self.source.name

    def data(self) -> dict[str, Any]:
        """The normalised description as plain JSON data (enums as values, dates as ISO text)."""
        return self.model.model_dump(mode="json", exclude_none=True)


def load_description(path: Path | str) -> LoadedDescription:
    """Load and validate a description file; raises :class:`DescriptionError` listing every problem."""
    path = Path(path)
    try:
        source = read_file(path)
    except SourceError as exc:
        raise DescriptionError(str(path), exc.problems) from None
    digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    return _validate(source, digest)


def load_text(text: str, name: str = "<text>", *, json_input: bool = False) -> LoadedDescription:
    """Load and validate description text (used by tests, the questionnaire and imports)."""
    try:
        source = read_text(text, name, json_input=json_input)
    except SourceError as exc:
        raise DescriptionError(name, exc.problems) from None
    return _validate(source, hashlib.sha256(text.encode("utf-8")).hexdigest())


def _validate(source: Source, digest: str) -> LoadedDescription:
    from pbd.migrate import migration, needs_migration  # here: pbd.migrate imports this package

    data = source.data
    notes: tuple[Note, ...] = ()
    from_version = SCHEMA_VERSION
    if needs_migration(data):
        migrated = migration(data)
        data, notes, from_version = migrated.data, tuple(migrated.notes), migrated.from_version
        source.moved = migrated.moved
    try:
        model = ProjectDescription.model_validate(data)
    except ValidationError as exc:
        problems = [_translate(source, err) for err in exc.errors(include_url=False)]
        raise DescriptionError(source.name, _dedupe(problems)) from None
    problems = check_references(model, source)
    if problems:
        raise DescriptionError(source.name, problems)
    return LoadedDescription(model, source, digest, notes, from_version)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        key = (p.path, p.message_en)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return sorted(out, key=lambda p: (p.line, p.column, p.path))


# --------------------------------------------------------------------------------------------
# pydantic errors -> located, bilingual problems


def _clean_loc(loc: tuple[Any, ...]) -> JsonPath:
    """Drop pydantic's union/validator tags so the location is a path into the data."""
    out: list[str | int] = []
    for elem in loc:
        if isinstance(elem, int) or not (elem.startswith("function-") or "[" in elem):
            out.append(elem)
    return tuple(out)


def _unwrap(annotation: Any) -> Any:
    """The model class (if any) inside Optional[...], list[...], Annotated[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def _model_at(path: JsonPath) -> type[BaseModel] | None:
    model: type[BaseModel] | None = ProjectDescription
    for elem in path:
        if model is None:
            return None
        if isinstance(elem, int):
            continue
        field = model.model_fields.get(elem)
        if field is None:
            return None
        found = _unwrap(field.annotation)
        model = found if isinstance(found, type) and issubclass(found, BaseModel) else None
    return model


def _shape(path: JsonPath) -> JsonPath:
    """``path`` with every list index 0: the model lookups below depend on the keys, not on which item."""
    return tuple(0 if isinstance(p, int) else p for p in path)


def field_enum(path: JsonPath) -> str | None:
    """Name of the enum class of the field at ``path`` (list items included), if it is an enum."""
    return _field_enum(_shape(path))


@lru_cache(maxsize=4096)  # bounded: a path can hold user-chosen keys (notes)
def _field_enum(path: JsonPath) -> str | None:
    named = tuple(p for p in path if isinstance(p, str))
    if not named:
        return None
    parent = _model_at(tuple(path[:-1]))
    key = named[-1]
    if parent is None or key not in parent.model_fields:
        return None
    stack = [parent.model_fields[key].annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, enum.Enum):
            return ann.__name__
        stack.extend(typing.get_args(ann))
    return None


def _field_title(path: JsonPath) -> tuple[str, str] | None:
    return _field_title_of(_shape(path))


@lru_cache(maxsize=4096)  # bounded: a path can hold user-chosen keys (notes)
def _field_title_of(path: JsonPath) -> tuple[str, str] | None:
    if not path or isinstance(path[-1], int):
        return None
    parent = _model_at(path[:-1])
    if parent is None:
        return None
    field = parent.model_fields.get(str(path[-1]))
    if field is None:
        return None
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return (field.title or str(path[-1]), str(extra.get("x-title-en", path[-1])))


#: fields of format version 1 that version 2 replaced: (model, key) -> where the answer goes now
_V1_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("Transparency", "signage"): ("collection.signage (all_entrances, some_entrances, none)",) * 2,
    ("Security", "classification"): (
        "project.impact_classification (de BIO2 kent geen BBN's)",
        "project.impact_classification (BIO2 has no BBNs)",
    ),
    ("Necessity", "alternatives_considered"): ("alternatives[] (description, outcome, reason_kind, reason)",) * 2,
    ("Transfer", "dtia"): ("tia_done",) * 2,
}


def _translate(source: Source, err: Any) -> Problem:
    path = _clean_loc(tuple(err["loc"]))
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    title = _field_title(path)
    name_nl = f"'{title[0]}'" if title else "dit veld"
    name_en = f"'{title[1]}'" if title else "this field"
    if kind == "missing":
        nl = f"verplicht veld ontbreekt: {name_nl} ({path[-1] if path else ''})"
        en = f"required field missing: {name_en} ({path[-1] if path else ''})"
    elif kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        parent = _model_at(path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        replaced = _V1_FIELDS.get((parent.__name__ if parent else "", key))
        if replaced is not None:
            nl = (
                f"'{key}' is een veld van formaatversie 1; in versie 2: {replaced[0]}. Zet het bestand om met "
                "`pbd migrate`, of schrijf schema_version: 1 als het nog versie 1 is"
            )
            en = (
                f"'{key}' is a format version 1 field; in version 2: {replaced[1]}. Convert the file with "
                "`pbd migrate`, or write schema_version: 1 if it is still version 1"
            )
        elif close:
            nl = f"onbekend veld '{key}'; bedoelde u '{close[0]}'?"
            en = f"unknown field '{key}'; did you mean '{close[0]}'?"
        else:
            nl = f"onbekend veld '{key}'; toegestaan zijn: {', '.join(allowed)}"
            en = f"unknown field '{key}'; allowed are: {', '.join(allowed)}"
    elif kind == "enum":
        expected = ctx.get("expected", "")
        nl = f"{shown} is geen toegestane waarde voor {name_nl}; kies uit {expected.replace(' or ', ' of ')}"
        en = f"{shown} is not an allowed value for {name_en}; choose from {expected}"
    elif kind in ("bool_parsing", "bool_type"):
        nl = f"{name_nl} is ja/nee: schrijf true of false (niet {shown})"
        en = f"{name_en} is yes/no: write true or false (not {shown})"
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        nl = f"{name_nl} moet een heel getal zijn (niet {shown})"
        en = f"{name_en} must be a whole number (not {shown})"
    elif kind.startswith("date") or kind.startswith("datetime"):
        nl = f"{shown} is geen geldige datum voor {name_nl}; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-05-01"
        en = f"{shown} is not a valid date for {name_en}; write YYYY-MM-DD, e.g. 2026-05-01"
    elif kind in ("string_type",):
        nl = f"{name_nl} moet tekst zijn (niet {shown})"
        en = f"{name_en} must be text (not {shown})"
    elif kind == "string_too_short":
        nl = f"{name_nl} is leeg; vul het in of laat het veld weg"
        en = f"{name_en} is empty; fill it in or leave the field out"
    elif kind == "string_too_long":
        nl = f"{name_nl} is te lang (meer dan {ctx.get('max_length')} tekens)"
        en = f"{name_en} is too long (over {ctx.get('max_length')} characters)"
    elif kind == "too_long":
        most = ctx.get("max_length")
        nl = (
            f"{name_nl} heeft {ctx.get('actual_length')} items, meer dan de {most} die één projectbeschrijving kan "
            "hebben; splits het project in meer beschrijvingen in één map (pbd check MAP)"
        )
        en = (
            f"{name_en} has {ctx.get('actual_length')} items, more than the {most} one project description can hold; "
            "split the project into several descriptions in one folder (pbd check FOLDER)"
        )
    elif kind == "string_pattern_mismatch":
        nl = f"{shown} heeft niet de vorm die {name_nl} vraagt (patroon {ctx.get('pattern')}); gebruik letters, cijfers, '-' en '_'"
        en = f"{shown} does not have the form {name_en} needs (pattern {ctx.get('pattern')}); use letters, digits, '-' and '_'"
    elif kind in ("list_type",):
        nl = f"{name_nl} moet een lijst zijn (regels die beginnen met '- ')"
        en = f"{name_en} must be a list (lines starting with '- ')"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        nl = f"{name_nl} moet een mapping zijn (sleutel: waarde), niet {shown}"
        en = f"{name_en} must be a mapping (key: value), not {shown}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        nl = f"{shown} valt buiten het toegestane bereik voor {name_nl} (grens {bound})"
        en = f"{shown} is out of range for {name_en} (bound {bound})"
    elif kind == "value_error":
        msg = str(ctx.get("error", err.get("msg", "")))
        nl_part, _, en_part = msg.partition(" / ")
        nl = f"{name_nl}: {nl_part}"
        en = f"{name_en}: {en_part or nl_part}"
    else:
        nl = f"{name_nl}: {err.get('msg')}"
        en = f"{name_en}: {err.get('msg')}"
    line, col = source.position(path)
    return Problem(source.name, line, col, json_path(path), nl, en)


# --------------------------------------------------------------------------------------------
# cross-references inside one description


def check_references(model: ProjectDescription, source: Source) -> list[Problem]:
    """Ids unique and every reference (systems, parties, purposes, processings) resolves."""
    problems: list[Problem] = []

    def add(path: JsonPath, nl: str, en: str) -> None:
        line, col = source.position(path)
        problems.append(Problem(source.name, line, col, json_path(path), nl, en))

    def unique(items: list[Any] | None, attr: str, where: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items or []):
            value = getattr(item, attr)
            if value in seen:
                add(
                    (where, i, attr),
                    f"'{value}' komt twee keer voor in {where}; kenmerken moeten uniek zijn",
                    f"'{value}' appears twice in {where}; identifiers must be unique",
                )
            seen.add(value)
        return seen

    party_names = unique(model.parties, "name", "parties")
    system_ids = unique(model.systems, "id", "systems")
    processing_ids = unique(model.processings, "id", "processings")
    unique(model.risks, "id", "risks")

    def must_exist(path: JsonPath, value: str, known: set[str], what_nl: str, what_en: str, where: str) -> None:
        if value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
            hint_nl = f"; bedoelde u '{close[0]}'?" if close else f"; voeg het toe onder '{where}'"
            hint_en = f"; did you mean '{close[0]}'?" if close else f"; add it under '{where}'"
            add(path, f"{what_nl} '{value}' bestaat niet{hint_nl}", f"{what_en} '{value}' does not exist{hint_en}")

    for i, proc in enumerate(model.processings or []):
        for j, sid in enumerate(proc.systems or []):
            must_exist(("processings", i, "systems", j), sid, system_ids, "systeem", "system", "systems")
        for j, name in enumerate(proc.shared_with or []):
            must_exist(("processings", i, "shared_with", j), name, party_names, "partij", "party", "parties")
        purpose_ids = {p.id for p in proc.purposes or [] if p.id}
        for j, item in enumerate(proc.data_items or []):
            for k, pid in enumerate(item.purposes or []):
                must_exist(
                    ("processings", i, "data_items", j, "purposes", k),
                    pid,
                    purpose_ids,
                    "doel",
                    "purpose",
                    f"processings[{i}].purposes",
                )
    for i, risk in enumerate(model.risks or []):
        for j, pid in enumerate(risk.processings or []):
            must_exist(("risks", i, "processings", j), pid, processing_ids, "verwerking", "processing", "processings")
    for i, waiver in enumerate(model.waivers or []):
        if waiver.target is not None:
            must_exist(
                ("waivers", i, "target"),
                waiver.target,
                processing_ids | system_ids,
                "verwerking of systeem",
                "processing or system",
                "processings/systems",
            )
    return problems

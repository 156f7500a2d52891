"""Format version 1 -> 2: one migration for ``pbd migrate`` and for the loader, with notes on what it could not decide.

Version 2 (docs/design/judgement-v2.md §2) asks for choices where version 1 had a tick or a text.
Most of a version-1 file carries over unchanged; a few answers change shape:

- ``project.dpo_advice.followed``: true/false -> ``yes``/``no``;
- ``processings[].transparency.signage`` -> ``processings[].collection.signage``: false -> ``none``;
  true says signs exist but not whether at every entrance, so it is left unanswered;
- ``processings[].security.classification`` (a BIO 1.04 BBN) is dropped: BIO2 has no BBNs;
- ``processings[].necessity.effectiveness`` text -> ``effectiveness.evidence``, status unanswered;
- ``processings[].necessity.alternatives_considered`` -> ``alternatives[].description``, outcome unanswered;
- ``processings[].transfers[].dtia`` -> ``transfers[].tia_done``.

Nothing is invented: where version 1 does not say what version 2 asks, the answer stays absent and
a note says so. The same code runs on plain data (the loader: :func:`migration`) and on a
``ruamel.yaml`` round-trip tree (``pbd migrate``: :func:`migrate_tree`), so comments and key order
survive a rewrite. ``moved`` maps each new path to the old one, so a finding on a moved answer
still points at the line where the answer was written.
"""

from __future__ import annotations

import copy
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pbd.description.placeholders import is_placeholder
from pbd.description.source import JsonPath, json_path
from pbd.description.values import SCHEMA_VERSION
from pbd.messages import pick

__all__ = ["Migration", "Note", "NoteKind", "migrate", "migrate_tree", "migration", "needs_migration", "version_of"]


class NoteKind(StrEnum):
    CHANGED = "changed"  # rewritten to the new shape; nothing lost
    DROPPED = "dropped"  # removed; version 2 has no place for it
    UNDECIDED = "undecided"  # version 2 asks something version 1 does not say: answer it


_KIND_LABEL = {
    NoteKind.CHANGED: ("omgezet", "changed"),
    NoteKind.DROPPED: ("verwijderd", "dropped"),
    NoteKind.UNDECIDED: ("nog te beantwoorden", "to answer"),
}


@dataclass(frozen=True, slots=True)
class Note:
    """One thing the migration did, or could not decide, at a path of the version-1 file."""

    path: str
    kind: NoteKind
    nl: str
    en: str

    def message(self, lang: str) -> str:
        return pick(lang, self.nl, self.en)

    def render(self, lang: str) -> str:
        kind = pick(lang, *_KIND_LABEL[self.kind])
        return f"{self.path}: {kind}: {self.message(lang)}"

    def as_dict(self, lang: str) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind.value, "message": self.message(lang)}


@dataclass(slots=True)
class Migration:
    """The migrated data, the notes, and where moved answers were in the old file."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    #: new path -> old path, for every answer that moved (a prefix maps everything below it)
    moved: dict[JsonPath, JsonPath] = field(default_factory=dict)
    from_version: int = SCHEMA_VERSION

    @property
    def changed(self) -> bool:
        return self.from_version != SCHEMA_VERSION


def version_of(data: Any) -> int | None:
    """The format version a description declares: 1 when it declares none; None when it is not a version pbd knows."""
    if not isinstance(data, dict):
        return None
    value = data.get("schema_version", 1)
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value in (1, 2):
        return value
    if isinstance(value, str) and value.strip() in ("1", "2"):
        return int(value.strip())
    return None


def needs_migration(data: Any) -> bool:
    return version_of(data) == 1


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], list[Note]]:
    """Rewrite version-1 description data to version 2 (a new structure); version 2 comes back unchanged."""
    result = migration(data)
    return result.data, result.notes


def migration(data: dict[str, Any]) -> Migration:
    """Like :func:`migrate`, with the map of moved paths the loader uses for line numbers."""
    version = version_of(data)
    if version != 1:
        return Migration(_copy(data), from_version=version or SCHEMA_VERSION)
    out = _copy(data)
    result = Migration(out, from_version=1)
    _apply(out, result)
    return result


def _copy(data: Any) -> Any:
    """A copy of plain data (mappings, lists, scalars): much quicker than ``copy.deepcopy`` on a loaded file."""
    if isinstance(data, dict):
        return {key: _copy(value) if isinstance(value, (dict, list)) else value for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) if isinstance(item, (dict, list)) else item for item in data]
    return copy.deepcopy(data)


def migrate_tree(tree: MutableMapping[str, Any]) -> Migration:
    """Migrate a round-trip YAML tree (or any mutable mapping) in place; version 2 is left alone."""
    version = version_of(tree)
    if version != 1:
        return Migration(dict(tree), from_version=version or SCHEMA_VERSION)
    result = Migration(dict(tree), from_version=1)
    _apply(tree, result)
    return result


# --------------------------------------------------------------------------------------------
# the steps


_TRUE = {"true", "yes", "ja", "y", "on", "1"}
_FALSE = {"false", "no", "nee", "n", "off", "0"}


def _as_bool(value: Any) -> bool | None:
    """A yes/no answer as the model would read it; None when it is not one (validation reports it)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    return None


def _put(mapping: MutableMapping[str, Any], old: str | None, new: str, value: Any) -> None:
    """Set ``new`` to ``value`` where ``old`` stood (same place in the key order), removing ``old``."""
    keys = list(mapping.keys())
    if old is None or old not in mapping:
        mapping[new] = value
        return
    pos = keys.index(old)
    insert = getattr(mapping, "insert", None)  # ruamel's CommentedMap keeps comments with insert()
    del mapping[old]
    if new in mapping:
        mapping[new] = value
        return
    if insert is not None:
        insert(pos, new, value)
        return
    rest = [(k, mapping.pop(k)) for k in keys[pos + 1 :] if k in mapping]
    mapping[new] = value
    for k, v in rest:
        mapping[k] = v


def _child(mapping: MutableMapping[str, Any], key: str) -> MutableMapping[str, Any] | None:
    value = mapping.get(key)
    return value if isinstance(value, MutableMapping) else None


def _new_mapping(like: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """An empty mapping of the same kind (a CommentedMap in a round-trip tree)."""
    return type(like)() if type(like) is not dict else {}


def _apply(data: MutableMapping[str, Any], result: Migration) -> None:
    notes = result.notes

    def note(path: JsonPath, kind: NoteKind, nl: str, en: str) -> None:
        notes.append(Note(json_path(path), kind, nl, en))

    if "schema_version" in data:
        data["schema_version"] = SCHEMA_VERSION
    elif hasattr(data, "insert"):
        data.insert(0, "schema_version", SCHEMA_VERSION)
    else:
        rest = list(data.items())
        data.clear()
        data["schema_version"] = SCHEMA_VERSION
        data.update(rest)
    note(
        ("schema_version",),
        NoteKind.CHANGED,
        "versie 1 -> 2. Versie 2 stelt nieuwe vragen (o.a. regime AVG/Wpg, specificiteit van de grondslag, "
        "soort doel, bewijs van functionaliteiten); `pbd check` toont ze als open vragen",
        "version 1 -> 2. Version 2 asks new questions (among others the GDPR/Police Data Act regime, how specific "
        "the legal basis is, the kind of purpose, evidence for capabilities); `pbd check` lists them as open questions",
    )
    project = _child(data, "project")
    if project is not None:
        _project(project, note)
    processings = data.get("processings")
    if isinstance(processings, list):
        for i, proc in enumerate(processings):
            if isinstance(proc, MutableMapping):
                _processing(proc, ("processings", i), note, result.moved)


def _project(project: MutableMapping[str, Any], note: Any) -> None:
    advice = _child(project, "dpo_advice")
    if advice is None or "followed" not in advice:
        return
    path = ("project", "dpo_advice", "followed")
    flag = _as_bool(advice["followed"])
    if flag is True:
        advice["followed"] = "yes"
        note(path, NoteKind.CHANGED, "true -> yes", "true -> yes")
    elif flag is False:
        advice["followed"] = "no"
        note(
            path,
            NoteKind.UNDECIDED,
            "false -> no. Versie 2 kent ook 'partly' (gedeeltelijk): pas het aan als dat beter past, "
            "en leg vast wie tot afwijken besloot (dpo_advice.deviation_decided_by)",
            "false -> no. Version 2 also has 'partly': change it if that fits better, and record who "
            "decided to deviate (dpo_advice.deviation_decided_by)",
        )


def _processing(proc: MutableMapping[str, Any], at: JsonPath, note: Any, moved: dict[JsonPath, JsonPath]) -> None:
    _signage(proc, at, note, moved)
    _classification(proc, at, note)
    _necessity(proc, at, note, moved)
    _transfers(proc, at, note, moved)
    _exemptions(proc, at, note)


def _signage(proc: MutableMapping[str, Any], at: JsonPath, note: Any, moved: dict[JsonPath, JsonPath]) -> None:
    transparency = _child(proc, "transparency")
    if transparency is None or "signage" not in transparency:
        return
    old_path = (*at, "transparency", "signage")
    new_path = (*at, "collection", "signage")
    value = transparency.pop("signage")
    if not transparency:
        del proc["transparency"]
    collection = _child(proc, "collection")
    if collection is not None and "signage" in collection:
        note(
            old_path,
            NoteKind.DROPPED,
            "vervallen: collection.signage is al ingevuld en gaat voor",
            "dropped: collection.signage is already answered and takes precedence",
        )
        return
    flag = _as_bool(value)
    if flag is True:
        moved[new_path] = old_path
        note(
            old_path,
            NoteKind.UNDECIDED,
            "true: er zijn borden, maar niet of ze bij alle toegangen staan. Vul collection.signage in: "
            "all_entrances of some_entrances",
            "true: there are signs, but not whether at every entrance. Answer collection.signage: "
            "all_entrances or some_entrances",
        )
        return
    if collection is None:
        collection = _new_mapping(proc)
        _put(proc, None, "collection", collection)
    collection["signage"] = "none" if flag is False else value  # not a yes/no: validation says why
    moved[new_path] = old_path
    if flag is False:
        note(old_path, NoteKind.CHANGED, "false -> collection.signage: none", "false -> collection.signage: none")


def _classification(proc: MutableMapping[str, Any], at: JsonPath, note: Any) -> None:
    security = _child(proc, "security")
    if security is None or "classification" not in security:
        return
    value = security.pop("classification")
    if not security:
        del proc["security"]
    note(
        (*at, "security", "classification"),
        NoteKind.DROPPED,
        f"{value} vervallen: de BIO2 kent geen basisbeveiligingsniveaus meer. Leg de impactclassificatie vast "
        "in project.impact_classification (BIO2 5.12.01)",
        f"{value} dropped: BIO2 has no baseline security levels (BBN). Record the impact classification in "
        "project.impact_classification (BIO2 5.12.01)",
    )


def _necessity(proc: MutableMapping[str, Any], at: JsonPath, note: Any, moved: dict[JsonPath, JsonPath]) -> None:
    necessity = _child(proc, "necessity")
    if necessity is None:
        return
    if "effectiveness" in necessity and not isinstance(necessity["effectiveness"], MutableMapping):
        text = necessity["effectiveness"]
        block = _new_mapping(necessity)
        block["evidence"] = text
        necessity["effectiveness"] = block
        extra_nl = extra_en = ""
        if isinstance(text, str) and is_placeholder(text):
            extra_nl, extra_en = (
                " De tekst is geen antwoord (een plaatshouder).",
                " The text is a placeholder, not an answer.",
            )
        note(
            (*at, "necessity", "effectiveness"),
            NoteKind.UNDECIDED,
            "vrije tekst verplaatst naar effectiveness.evidence; de stand (status: demonstrated, expected of "
            f"not_shown) is niet beantwoord.{extra_nl}",
            "free text moved to effectiveness.evidence; the status (demonstrated, expected or not_shown) is "
            f"not answered.{extra_en}",
        )
    if "alternatives_considered" in necessity:
        old = necessity["alternatives_considered"]
        old_path = (*at, "necessity", "alternatives_considered")
        new_path = (*at, "necessity", "alternatives")
        if isinstance(old, list):
            items = [_alternative(necessity, text) for text in old]
            existing = necessity.get("alternatives")
            if isinstance(existing, list):
                del necessity["alternatives_considered"]
                offset = len(existing)
                existing.extend(items)
                for j in range(len(items)):
                    moved[(*new_path, offset + j)] = (*old_path, j)
            else:
                _put(necessity, "alternatives_considered", "alternatives", type(old)(items))
                moved[new_path] = old_path
            why = (
                " De algemene toelichting (why_rejected) blijft staan; zet de reden zo nodig bij het alternatief."
                if "why_rejected" in necessity
                else ""
            )
            why_en = (
                " The general explanation (why_rejected) stays; move the reason to each alternative where it fits."
                if "why_rejected" in necessity
                else ""
            )
            note(
                old_path,
                NoteKind.UNDECIDED,
                f"{len(items)} alternatief/alternatieven verplaatst naar alternatives[].description; per alternatief "
                f"zijn de uitkomst (outcome) en de soort reden (reason_kind) niet beantwoord.{why}",
                f"{len(items)} alternative(s) moved to alternatives[].description; for each, the outcome and the "
                f"kind of reason (reason_kind) are not answered.{why_en}",
            )
        else:
            _put(necessity, "alternatives_considered", "alternatives", old)  # not a list: validation says why
            moved[new_path] = old_path


def _alternative(like: MutableMapping[str, Any], text: Any) -> Any:
    if isinstance(text, MutableMapping):
        return text
    item = _new_mapping(like)
    item["description"] = text
    return item


def _transfers(proc: MutableMapping[str, Any], at: JsonPath, note: Any, moved: dict[JsonPath, JsonPath]) -> None:
    transfers = proc.get("transfers")
    if not isinstance(transfers, list):
        return
    for k, transfer in enumerate(transfers):
        if not isinstance(transfer, MutableMapping) or "dtia" not in transfer:
            continue
        old_path = (*at, "transfers", k, "dtia")
        if "tia_done" in transfer:
            del transfer["dtia"]
            note(
                old_path,
                NoteKind.DROPPED,
                "vervallen: tia_done is al ingevuld en gaat voor",
                "dropped: tia_done is already answered and takes precedence",
            )
            continue
        _put(transfer, "dtia", "tia_done", transfer["dtia"])
        moved[(*at, "transfers", k, "tia_done")] = old_path
        note(old_path, NoteKind.CHANGED, "hernoemd naar tia_done", "renamed to tia_done")


def _exemptions(proc: MutableMapping[str, Any], at: JsonPath, note: Any) -> None:
    """Ticks that switch a check off now need their reason; version 1 never asked for it."""
    checks = (
        ("minimisation", "needs_individual_data", True, "needs_individual_data_reason"),
        ("algorithm", "impactful", False, "impactful_reason"),
        ("algorithm", "significant_effect", False, "significant_effect_reason"),
    )
    for block_name, key, exempting, reason in checks:
        block = _child(proc, block_name)
        if block is None or key not in block or _as_bool(block[key]) is not exempting or reason in block:
            continue
        note(
            (*at, block_name, key),
            NoteKind.UNDECIDED,
            f"{str(exempting).lower()}: versie 2 vraagt hierbij de reden ({block_name}.{reason}); zonder reden "
            "blijft de toets open",
            f"{str(exempting).lower()}: version 2 asks for the reason ({block_name}.{reason}); without it the "
            "check stays open",
        )
    basis = _child(proc, "legal_basis")
    if basis is not None and "council_ordinance" in basis:
        note(
            (*at, "legal_basis", "council_ordinance"),
            NoteKind.UNDECIDED,
            "blijft staan als toelichting; leg bij cameratoezicht voor de openbare orde de regels van art. 151c "
            "vast in collection.camera_rules",
            "kept as an explanation; for public-order camera surveillance record the art. 151c rules in "
            "collection.camera_rules",
        )

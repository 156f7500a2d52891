"""Whole-knowledge-base checks: every criterion, systeemeis and reference, not a sample."""

from __future__ import annotations

import enum
import json
import re
import shutil
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pbd.capabilities import CAPABILITIES
from pbd.description import model as dm
from pbd.description.model import FREE_TEXT
from pbd.engine.views import DERIVED_DOC
from pbd.knowledge_base import GROUP_ORDER, Criterion, KnowledgeBase, SystemRequirement, Text
from tests.conftest import ROOT

AUTHORING = ROOT / "docs" / "AUTHORING.md"
Json = dict[str, Any]

MIN_CRITERIA = 45
MIN_SYSTEM_REQUIREMENTS = 80
MIN_CRITERIA_PER_GROUP = 3

#: capabilities in pbd/capabilities.json that no systeemeis uses yet, each with the reason (none today)
UNUSED_CAPABILITIES: dict[str, str] = {}

# ---------------------------------------------------------------------------------------------
# the _derived keys a schema may read, per view (docs/AUTHORING.md, "What the schemas see")

#: processing facts that are numbers or lists: they are not OR-ed into the project and system views
_NON_BOOLEAN = {"retention_days", "raw_retention_days", "max_item_retention_days", "non_eea_countries"}
_PROCESSING_KEYS = set(DERIVED_DOC)
_OR_KEYS = _PROCESSING_KEYS - _NON_BOOLEAN
DERIVED_KEYS: dict[str, set[str]] = {
    "processing": _PROCESSING_KEYS,
    "project": _OR_KEYS | {"processing_count", "risk_count", "high_residual_risk"},
    "party": {"external", "outside_eea"},
    "system": _OR_KEYS
    | {
        "outside_eea",
        "non_eea_countries",
        "external_hosting",
        "processings",
        "devices",
        "anpr",
        "resident_interface",
        "system_type",
        "stores_data",
        "mac_tracking",
        "supplied",
    },
}

# ---------------------------------------------------------------------------------------------
# the reference forms docs/AUTHORING.md documents, and the ranges that exist

_AVG = r"AVG (?P<art>\d{1,2})(?:\(\d{1,2}\))?(?:\([a-j]\))?"
_UAVG = r"UAVG (?P<art>\d{1,2})[a-b]?(?:\(\d\))?(?:\([a-z]\))?"
REFERENCE_FORMS: dict[str, str] = {
    "AVG": _AVG,
    "UAVG": _UAVG,
    "recital": r"overweging (?P<art>\d{1,3})",
    "BIO2": r"BIO2 (?P<bio>[5-8]\.\d\d(?:\.\d\d)?)",
    "Model DPIA": r"Model DPIA §(?P<dpia>\d{1,2})",
    "Algoritmekader": r"(?P<ak>urn:nl:ak:(?:ver|mtr):[a-z]{3}-\d\d)",
    "EDPB": r"EDPB 4/2019(?: §\d+(?:\.\d+)*)?",
    "WP248": r"WP248",
    "Gemeentewet": r"Gemeentewet \d+[a-z]*",
    "Archiefwet": r"Archiefwet 1995",
    "Awb": r"Awb \d+:\d+",
    "Woo": r"Woo",
    "Grondwet": r"Grondwet \d+",
    "AI Act": r"AI-verordening \d+",
    "Amsterdam APV": r"Amsterdam APV \d+\.\d+[a-z]?",
    "IAMA": r"IAMA(?: Deel [0-5])?",
    "Logboek": r"Logboek dataverwerkingen",
    "Wpg": r"Wet politiegegevens|Wpg (?P<art>\d{1,3})[a-z]?",
    "WOR": r"WOR (?P<art>\d{1,3})(?:\(\d\))?(?:\([a-z]\))?",
    "Wabb": r"Wet algemene bepalingen burgerservicenummer \d+",
    "Telecommunicatiewet": r"Telecommunicatiewet \d+\.\d+[a-z]?",
}

#: ISO/IEC 27002:2022 controls per chapter (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34), as BIO2 numbers them
_BIO2_CONTROLS = {5: 37, 6: 8, 7: 14, 8: 34}

#: BIO2 overheidsmaatregelen (MinBZK/Baseline-Informatiebeveiliging-Overheid, docs/maatregelen, commit 270c203):
#: control -> highest measure suffix
_BIO2_MEASURES: dict[str, int] = {
    "5.01": 2,
    "5.02": 2,
    "5.03": 1,
    "5.04": 3,
    "5.05": 1,
    "5.06": 1,
    "5.07": 1,
    "5.08": 1,
    "5.09": 1,
    "5.10": 3,
    "5.11": 1,
    "5.12": 1,
    "5.13": 1,
    "5.14": 5,
    "5.15": 1,
    "5.16": 2,
    "5.17": 3,
    "5.18": 2,
    "5.19": 1,
    "5.20": 6,
    "5.21": 5,
    "5.22": 2,
    "5.23": 1,
    "5.24": 8,
    "5.25": 1,
    "5.26": 2,
    "5.27": 2,
    "5.28": 1,
    "5.29": 1,
    "5.30": 2,
    "5.31": 1,
    "5.32": 1,
    "5.33": 1,
    "5.34": 1,
    "5.35": 2,
    "5.36": 1,
    "5.37": 1,
    "6.01": 1,
    "6.02": 1,
    "6.03": 4,
    "6.04": 1,
    "6.05": 1,
    "6.06": 1,
    "6.07": 1,
    "6.08": 1,
    "7.01": 2,
    "7.02": 1,
    "7.03": 1,
    "7.04": 1,
    "7.05": 1,
    "7.06": 1,
    "7.07": 1,
    "7.08": 1,
    "7.09": 1,
    "7.10": 3,
    "7.11": 1,
    "7.12": 1,
    "7.13": 1,
    "7.14": 1,
    "8.01": 2,
    "8.02": 1,
    "8.03": 2,
    "8.04": 1,
    "8.05": 1,
    "8.06": 1,
    "8.07": 4,
    "8.08": 6,
    "8.09": 1,
    "8.10": 1,
    "8.11": 1,
    "8.12": 1,
    "8.13": 4,
    "8.14": 1,
    "8.15": 6,
    "8.16": 4,
    "8.17": 1,
    "8.18": 2,
    "8.19": 1,
    "8.20": 2,
    "8.21": 4,
    "8.22": 1,
    "8.23": 1,
    "8.24": 5,
    "8.25": 1,
    "8.26": 1,
    "8.27": 1,
    "8.28": 1,
    "8.29": 1,
    "8.30": 1,
    "8.31": 2,
    "8.32": 2,
    "8.33": 1,
    "8.34": 1,
}

#: Algoritmekader ids (MinBZK/Algoritmekader, commit 46917ce): prefix -> highest number (lowest is 01, org starts at 00)
_ALGORITMEKADER = {
    "ver:aia": 39,
    "ver:arc": 1,
    "ver:aut": 1,
    "ver:avg": 13,
    "ver:awb": 2,
    "ver:bio": 1,
    "ver:bzk": 1,
    "ver:dat": 1,
    "ver:grw": 2,
    "ver:woo": 1,
    "mtr:dat": 12,
    "mtr:imp": 10,
    "mtr:mon": 8,
    "mtr:org": 16,
    "mtr:owk": 12,
    "mtr:owp": 36,
    "mtr:pba": 6,
    "mtr:uit": 1,
    "mtr:ver": 6,
}
_ALGORITMEKADER_ZERO = {"ver:aia", "mtr:org"}


def _reference_problem(ref: str) -> str | None:
    """Why ``ref`` is not a documented, existing reference; None when it is."""
    match = None
    for pattern in REFERENCE_FORMS.values():
        match = re.fullmatch(pattern, ref)
        if match:
            break
    if match is None:
        return "not in a form docs/AUTHORING.md documents"
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if "art" in groups:
        art = int(groups["art"])
        highest = 99 if ref.startswith("AVG") else 54 if ref.startswith("UAVG") else 173
        if not 1 <= art <= highest:
            return f"article {art} does not exist"
    if "dpia" in groups and not 1 <= int(groups["dpia"]) <= 17:
        return "the Model DPIA has paragraphs 1-17"
    if "bio" in groups:
        parts = groups["bio"].split(".")
        chapter, control = int(parts[0]), int(parts[1])
        if not 1 <= control <= _BIO2_CONTROLS[chapter]:
            return f"ISO/IEC 27002:2022 has no control {chapter}.{control}"
        if len(parts) == 3 and not 1 <= int(parts[2]) <= _BIO2_MEASURES[f"{parts[0]}.{parts[1]}"]:
            return "BIO2 has no such overheidsmaatregel"
    if "ak" in groups:
        kind, _, rest = groups["ak"].removeprefix("urn:nl:ak:").partition(":")
        prefix, number = rest.split("-")
        key = f"{kind}:{prefix}"
        lowest = 0 if key in _ALGORITMEKADER_ZERO else 1
        if key not in _ALGORITMEKADER or not lowest <= int(number) <= _ALGORITMEKADER[key]:
            return "no such Algoritmekader vereiste or maatregel"
    return None


# ---------------------------------------------------------------------------------------------
# helpers


def _texts(obj: Any) -> Iterator[tuple[str, Text]]:
    for name in (
        "title",
        "norm",
        "rationale",
        "remediation",
        "no_system_requirement_reason",
        "text",
        "name",
        "description",
    ):
        value = getattr(obj, name, None)
        if isinstance(value, Text):
            yield name, value


_COMBINATORS = ("allOf", "anyOf", "oneOf")
_SUBSCHEMAS = ("not", "if", "then", "else")


def _object_keys(schema: Any) -> set[str]:
    """Every property name a schema mentions for the object it validates (not nested objects)."""
    if not isinstance(schema, dict):
        return set()
    keys = set(schema.get("properties", {})) | set(schema.get("required", []))
    keys |= set(schema.get("dependentRequired", {})) | set(schema.get("dependentSchemas", {}))
    for word in _COMBINATORS:
        for sub in schema.get(word, []):
            keys |= _object_keys(sub)
    for word in _SUBSCHEMAS:
        keys |= _object_keys(schema.get(word))
    return keys


def _derived_uses(schema: Any, top: bool = True) -> Iterator[tuple[bool, set[str]]]:
    """(at the view's top level?, _derived keys) for every place a schema reads ``_derived``."""
    if isinstance(schema, dict):
        props = schema.get("properties")
        if isinstance(props, dict) and "_derived" in props:
            yield top, _object_keys(props["_derived"])
        for word, value in schema.items():
            if word in _COMBINATORS:
                for sub in value:
                    yield from _derived_uses(sub, top)
            elif word in _SUBSCHEMAS:
                yield from _derived_uses(value, top)
            elif word == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    if name != "_derived":
                        yield from _derived_uses(sub, False)
            elif isinstance(value, (dict, list)) and word not in ("const", "enum", "default", "examples"):
                yield from _derived_uses(value, False)
    elif isinstance(schema, list):
        for item in schema:
            yield from _derived_uses(item, top)


def _copy_kb(to: Path) -> Path:
    for folder in ("criteria", "system_requirements"):
        shutil.copytree(ROOT / folder, to / folder)
    return to


# ---------------------------------------------------------------------------------------------
# loading, ids, sizes


def test_bundled_knowledge_base_loads(kb: KnowledgeBase) -> None:
    fresh = KnowledgeBase.load(ROOT)
    assert fresh.criteria.keys() == kb.criteria.keys()
    assert fresh.system_requirements.keys() == kb.system_requirements.keys()
    assert list(fresh.groups) == list(GROUP_ORDER)


def test_ids_are_unique_and_every_file_is_loaded(kb: KnowledgeBase) -> None:
    criterion_files = [p for p in (ROOT / "criteria").glob("*.json") if p.name != "referentiekader.json"]
    se_files = list((ROOT / "system_requirements").glob("*.json"))
    assert len(kb.criteria) == len(criterion_files)
    assert len(kb.system_requirements) == len(se_files)
    ids = [*kb.criteria, *kb.system_requirements]
    assert len({i.upper() for i in ids}) == len(ids), "an id is used twice (ignoring case)"
    for c in kb.criteria.values():
        assert c.file.stem == c.id == c.data["id"]
    for s in kb.system_requirements.values():
        assert s.file.stem == s.id == s.data["id"]
        assert s.id.startswith(f"SE-{s.area}-"), f"{s.id}: the id names its area {s.area}"


def test_enough_criteria_and_system_requirements(kb: KnowledgeBase) -> None:
    assert len(kb.criteria) >= MIN_CRITERIA
    assert len(kb.system_requirements) >= MIN_SYSTEM_REQUIREMENTS


def test_every_group_has_enough_criteria(kb: KnowledgeBase) -> None:
    counts = {code: sum(1 for c in kb.criteria.values() if c.group == code) for code in kb.groups}
    thin = {code: n for code, n in counts.items() if n < MIN_CRITERIA_PER_GROUP}
    assert not thin, f"principle groups with fewer than {MIN_CRITERIA_PER_GROUP} criteria: {thin}"


# ---------------------------------------------------------------------------------------------
# cross-references


def test_every_cross_reference_resolves_both_ways(kb: KnowledgeBase) -> None:
    problems = []
    served: dict[str, set[str]] = {}
    for s in kb.system_requirements.values():
        for cid in s.criteria:
            if cid not in kb.criteria:
                problems.append(f"{s.id}: criterion {cid} does not exist")
            served.setdefault(cid, set()).add(s.id)
    for c in kb.criteria.values():
        for sid in c.system_requirements:
            if sid not in kb.system_requirements:
                problems.append(f"{c.id}: systeemeis {sid} does not exist")
        listed, serving = set(c.system_requirements), served.get(c.id, set())
        if listed - serving:
            problems.append(f"{c.id} lists {sorted(listed - serving)}, which do not name {c.id} in their criteria")
        if serving - listed:
            problems.append(f"{sorted(serving - listed)} name {c.id} in their criteria, but {c.id} does not list them")
    assert not problems, "\n".join(problems)


def test_ids_named_in_texts_exist(kb: KnowledgeBase) -> None:
    known = set(kb.criteria) | set(kb.system_requirements)
    items: list[Criterion | SystemRequirement] = [*kb.criteria.values(), *kb.system_requirements.values()]
    pattern = re.compile(r"\b(?:(?:RM|DB|DM|JU|OB|IV|TR|RB|VA)-\d\d|SE-[A-Z]{2}-\d\d)\b")
    problems = []
    for item in items:
        for name, text in _texts(item):
            for ident in pattern.findall(f"{text.nl} {text.en}"):
                if ident not in known:
                    problems.append(f"{item.id}.{name} names {ident}, which does not exist")
    assert not problems, "\n".join(problems)


def test_every_criterion_is_covered_by_a_systeemeis_or_says_why_not(kb: KnowledgeBase) -> None:
    served = {cid for s in kb.system_requirements.values() for cid in s.criteria}
    problems = []
    for c in kb.criteria.values():
        covered = bool(c.system_requirements) or c.id in served
        if covered and c.no_system_requirement_reason is not None:
            problems.append(f"{c.id}: has systeemeisen and a no_system_requirement_reason")
        if not covered and c.no_system_requirement_reason is None:
            problems.append(f"{c.id}: no systeemeis and no no_system_requirement_reason")
    assert not problems, "\n".join(problems)


def test_every_systeemeis_serves_a_criterion(kb: KnowledgeBase) -> None:
    assert not [s.id for s in kb.system_requirements.values() if not s.criteria]


# ---------------------------------------------------------------------------------------------
# texts and references


def test_every_criterion_cites_the_avg_or_uavg(kb: KnowledgeBase) -> None:
    missing = [c.id for c in kb.criteria.values() if not any(re.match(r"U?AVG \d", r) for r in c.references)]
    assert not missing, f"criteria without an AVG or UAVG article: {missing}"


def test_dutch_and_english_texts_are_both_written(kb: KnowledgeBase) -> None:
    problems = []
    items: list[Any] = [*kb.criteria.values(), *kb.system_requirements.values(), *kb.groups.values()]
    for item in items:
        ident = getattr(item, "id", getattr(item, "code", "?"))
        for name, text in _texts(item):
            if not text.nl.strip() or not text.en.strip():
                problems.append(f"{ident}.{name}: a language is empty")
            elif " ".join(text.nl.split()) == " ".join(text.en.split()):
                problems.append(f"{ident}.{name}: Dutch and English are the same text")
    assert not problems, "\n".join(problems)


def test_references_use_the_documented_forms_and_exist(kb: KnowledgeBase) -> None:
    problems = []
    items: list[Criterion | SystemRequirement] = [*kb.criteria.values(), *kb.system_requirements.values()]
    for item in items:
        for ref in item.references:
            why = _reference_problem(ref)
            if why:
                problems.append(f"{item.id}: {ref!r}: {why}")
    for code, group in kb.groups.items():
        for ref in group.data["avg"]:
            why = _reference_problem(ref)
            if why:
                problems.append(f"referentiekader {code}: {ref!r}: {why}")
        for ref in group.data.get("other_law", []):
            why = _reference_problem(ref)
            if why:
                problems.append(f"referentiekader {code}: {ref!r}: {why}")
        for ref in group.data["bio2"]:
            why = _reference_problem(f"BIO2 {ref}")
            if why:
                problems.append(f"referentiekader {code}: BIO2 {ref!r}: {why}")
        for ref in group.data["algoritmekader"]:
            why = _reference_problem(ref)
            if why:
                problems.append(f"referentiekader {code}: {ref!r}: {why}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("ref", "ok"),
    [
        ("AVG 5(1)(c)", True),
        ("UAVG 46", True),
        ("BIO2 8.15.01", True),
        ("BIO2 8.24", True),
        ("urn:nl:ak:ver:avg-03", True),
        ("urn:nl:ak:mtr:org-00", True),
        ("Model DPIA §10", True),
        ("Gemeentewet 151c", True),
        ("WP248", True),
        ("EDPB 4/2019 §2.2.2", True),
        ("AI-verordening 27", True),
        ("Telecommunicatiewet 11.7a", True),
        ("Telecommunicatiewet art. 11.7a", False),
        ("AVG 5.1.c", False),
        ("AVG art. 5", False),
        ("AVG 100", False),
        ("BIO2 8.5", False),
        ("BIO2 8.35", False),
        ("BIO2 8.15.07", False),
        ("urn:nl:ak:ver:avg-14", False),
        ("Model DPIA §18", False),
        ("AI-verordening art. 27", False),
        ("Wet op iets", False),
    ],
)
def test_reference_checker(ref: str, ok: bool) -> None:
    assert (_reference_problem(ref) is None) is ok


# ---------------------------------------------------------------------------------------------
# the vocabulary the schemas and systeemeisen use


def test_every_capability_is_known_and_used(kb: KnowledgeBase) -> None:
    used = {s.capability for s in kb.system_requirements.values()}
    assert used <= set(CAPABILITIES), (
        f"capabilities missing from pbd/capabilities.json: {sorted(used - set(CAPABILITIES))}"
    )
    unused = set(CAPABILITIES) - used - set(UNUSED_CAPABILITIES)
    assert not unused, (
        f"capabilities no systeemeis uses (use them, remove them, or list them in UNUSED_CAPABILITIES with why): {sorted(unused)}"
    )
    stale = set(UNUSED_CAPABILITIES) & used
    assert not stale, f"UNUSED_CAPABILITIES lists capabilities that are used now: {sorted(stale)}"


def test_every_derived_key_a_schema_reads_exists(kb: KnowledgeBase) -> None:
    """A typo in a ``_derived`` key makes a criterion silently never apply: every key must exist."""
    everything = set().union(*DERIVED_KEYS.values())
    problems = []
    checks: list[tuple[str, str, Any]] = []
    for c in kb.criteria.values():
        checks.append((c.id, c.scope, c.data["applies_when"]))
        checks.append((c.id, c.scope, c.data.get("requirement")))
    for s in kb.system_requirements.values():
        checks.append((s.id, "system", s.data.get("applies_when")))
    for ident, scope, schema in checks:
        for top, keys in _derived_uses(schema):
            allowed = DERIVED_KEYS[scope] if top else everything
            for key in sorted(keys - allowed):
                problems.append(f"{ident} ({scope}): _derived.{key} does not exist")
    assert not problems, "\n".join(problems)


def test_derived_key_checker_finds_a_typo() -> None:
    schema = {"allOf": [{"properties": {"_derived": {"anyOf": [{"required": ["has_spcial"]}]}}}]}
    assert list(_derived_uses(schema)) == [(True, {"has_spcial"})]


def test_every_derived_key_is_documented() -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    missing = [key for key in DERIVED_DOC if f"`{key}`" not in text]
    assert not missing, f"_derived keys not documented in docs/AUTHORING.md: {missing}"


# ---------------------------------------------------------------------------------------------
# version and fingerprint


def test_version_and_sha256_are_stable(tmp_path: Path) -> None:
    root = _copy_kb(tmp_path)
    first, second = KnowledgeBase.load(root), KnowledgeBase.load(root)
    assert (first.version, first.sha256) == (second.version, second.sha256)
    assert re.fullmatch(r"[0-9a-f]{64}", first.sha256)
    assert first.sha256 == KnowledgeBase.load(ROOT).sha256, "the fingerprint does not depend on where the files are"


def test_sha256_changes_when_a_file_changes(tmp_path: Path) -> None:
    root = _copy_kb(tmp_path)
    before = KnowledgeBase.load(root)
    path = root / "criteria" / "RM-07.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"]["en"] += "."
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    after = KnowledgeBase.load(root)
    assert after.sha256 != before.sha256
    assert after.version == before.version


def test_version_comes_from_the_referentiekader(tmp_path: Path) -> None:
    root = _copy_kb(tmp_path)
    before = KnowledgeBase.load(root)
    path = root / "criteria" / "referentiekader.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = "2099.1.0"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    after = KnowledgeBase.load(root)
    assert after.version == "2099.1.0"
    assert after.sha256 != before.sha256


# ---------------------------------------------------------------------------------------------
# basis (design note §1, §3): law may be high, guidance medium at most, policy low unless a profile raises it


def test_every_rule_states_a_basis_within_its_ceiling(kb: KnowledgeBase) -> None:
    rules: list[Criterion | SystemRequirement] = [*kb.criteria.values(), *kb.system_requirements.values()]
    missing = [r.id for r in rules if "basis" not in r.data]
    assert not missing, f"rules without a basis: {missing}"
    above = [f"{r.id}: {r.basis.value} but {r.severity.value}" for r in rules if r.severity.rank > r.basis.ceiling.rank]
    assert not above, "severity above what the basis carries (guidance ≤ medium, policy ≤ low):\n" + "\n".join(above)


def test_policy_rules_are_off_by_default(kb: KnowledgeBase) -> None:
    rules: list[Criterion | SystemRequirement] = [*kb.criteria.values(), *kb.system_requirements.values()]
    on = [r.id for r in rules if r.basis.value == "policy" and r.enabled]
    assert not on, f"policy rules evaluated without a profile: {on}"


# ---------------------------------------------------------------------------------------------
# what a criterion's schemas read: fields of the description model, and never free text alone


@dataclass(frozen=True)
class _Node:
    """What a schema validates at some place in a view: an object of a model, a list, text, a fact, or anything."""

    kind: str  # "object" | "list" | "text" | "fact" | "any"
    model: type[BaseModel] | None = None
    item: _Node | None = None
    context: tuple[tuple[str, _Node], ...] = ()


_FACT, _ANY, _TEXT = _Node("fact"), _Node("any"), _Node("text")


def _node_of(annotation: Any) -> _Node:
    """The node for a model field's annotation (Optional and Annotated unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _node_of(args[0]) if len(args) == 1 else _ANY
    if origin is typing.Annotated:
        if any(meta is FREE_TEXT for meta in getattr(annotation, "__metadata__", ())):
            return _TEXT
        inner = typing.get_args(annotation)[0]
        return _FACT if inner is str else _node_of(inner)  # a constrained string: an id, a duration, a country
    if origin is list:
        return _Node("list", item=_node_of(typing.get_args(annotation)[0]))
    if origin is dict:
        return _ANY
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _FACT
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Node("object", model=annotation)
    if annotation is str:
        return _TEXT
    return _FACT  # bool, int, float, date


def _obj(model: type[BaseModel]) -> _Node:
    return _Node("object", model=model)


def _many(model: type[BaseModel]) -> _Node:
    return _Node("list", item=_obj(model))


#: the context keys of each view (pbd/engine/evaluate.py, build_views)
_CONTEXT: dict[str, dict[str, _Node]] = {
    "processing": {"_project": _obj(dm.Project), "_parties": _many(dm.Party), "_systems": _many(dm.System)},
    "project": {
        "_parties": _many(dm.Party),
        "_processings": _many(dm.Processing),
        "_systems": _many(dm.System),
        "_risks": _many(dm.Risk),
        "_waivers": _many(dm.Waiver),
    },
    "party": {"_project": _obj(dm.Project), "_processings": _many(dm.Processing)},
    "system": {"_project": _obj(dm.Project), "_processings": _many(dm.Processing)},
}
_SCOPE_MODEL: dict[str, type[BaseModel]] = {
    "processing": dm.Processing,
    "project": dm.Project,
    "party": dm.Party,
    "system": dm.System,
}


def _view_node(scope: str) -> _Node:
    return _Node("object", model=_SCOPE_MODEL[scope], context=tuple(_CONTEXT[scope].items()))


def _child(node: _Node, key: str) -> _Node | None:
    """The node at ``key`` inside ``node``; None when the model has no such field."""
    if node.kind in ("fact", "any"):
        return node
    if node.kind != "object" or node.model is None:
        return None
    context = dict(node.context)
    if key in context:
        return context[key]
    if node.context and key.startswith("_"):
        return _FACT  # _derived, _screening and other facts the engine adds to a view
    field = node.model.model_fields.get(key)
    return None if field is None else _node_of(field.annotation)


_NEUTRAL = {
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "additionalProperties",
    "propertyNames",
    "dependentRequired",
    "dependentSchemas",
    "$defs",
}
_TEXTUAL = {"minLength", "maxLength", "pattern"}


def _text_only(schema: Any, node: _Node, root: Any) -> bool:
    """Whether every constraint ``schema`` puts is on text: ``type: string``, length, pattern, presence.

    ``anyOf``/``oneOf`` count through their easiest branch (a description can take it). Everything
    that is not text — an enum, a boolean, a number, a date, a derived fact, ``const``/``enum``/
    ``not`` … — is a decision, and one decision anywhere makes the schema not text-only.
    """
    if schema is True or schema == {}:
        return True
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword in _NEUTRAL or keyword.startswith("x-"):
            continue
        if keyword in _TEXTUAL:
            continue
        if keyword == "type":
            kinds = set(value) if isinstance(value, list) else {value}
            if not kinds <= {"string", "object", "array"} or (node.kind == "fact" and kinds != {"object"}):
                return False
        elif keyword == "required":
            for key in value:
                child = _child(node, key)
                if child is None or child.kind in ("fact", "any"):
                    return False
        elif keyword == "properties":
            for key, sub in value.items():
                child = _child(node, key)
                if child is None or not _text_only(sub, child, root):
                    return False
        elif keyword == "allOf":
            if not all(_text_only(sub, node, root) for sub in value):
                return False
        elif keyword in ("anyOf", "oneOf"):
            if not any(_text_only(sub, node, root) for sub in value):
                return False
        elif keyword in ("if", "then", "else"):
            if not _text_only(value, node, root):
                return False
        elif keyword in ("items", "contains"):
            item = node.item if node.kind == "list" and node.item is not None else _ANY
            if not _text_only(value, item, root):
                return False
        elif keyword == "$ref" and isinstance(value, str) and value.startswith("#/"):
            target: Any = root
            for token in value[2:].split("/"):
                target = target.get(token) if isinstance(target, dict) else None
            if not _text_only(target, node, root):
                return False
        else:
            return False  # const, enum, not, minimum, format …: a decision
    return True


def _free_text_only(c: Criterion) -> bool:
    if c.predicate is not None or c.depends_on or "requirement" not in c.data:
        return False
    return _text_only(c.data["requirement"], _view_node(c.scope), c.data["requirement"])


def test_no_criterion_can_be_met_by_free_text_alone(kb: KnowledgeBase) -> None:
    """Free text never decides alone (design note §1): some answer that is a choice must be read."""
    offenders = [c.id for c in kb.criteria.values() if _free_text_only(c)]
    assert not offenders, f"criteria met by the presence or length of texts alone: {offenders}"


@pytest.mark.parametrize(
    ("requirement", "text_only"),
    [
        ({"properties": {"legal_basis": {"required": ["explanation"]}}, "required": ["legal_basis"]}, True),
        (
            {
                "properties": {"legal_basis": {"properties": {"explanation": {"minLength": 20}}}},
                "required": ["legal_basis"],
            },
            True,
        ),
        ({"properties": {"legal_basis": {"required": ["specificity"]}}, "required": ["legal_basis"]}, False),
        ({"properties": {"legal_basis": {"properties": {"ground": {"const": "consent"}}}}}, False),
        ({"properties": {"legal_framework": {"minItems": 1, "items": {"minLength": 3}}}}, True),
        ({"anyOf": [{"required": ["purposes"]}, {"properties": {"_derived": {"required": ["x"]}}}]}, True),
        ({"properties": {"_derived": {"required": ["personal_data"]}}, "required": ["_derived"]}, False),
        ({"properties": {"retention": {"required": ["period"]}}, "required": ["retention"]}, False),
        ({}, True),
    ],
)
def test_free_text_checker(requirement: Json, text_only: bool) -> None:
    assert _text_only(requirement, _view_node("processing"), requirement) is text_only


def _unknown_fields(schema: Any, node: _Node, where: str) -> Iterator[str]:
    """Every ``properties``/``required`` key in ``schema`` that the model (or the view's context) lacks."""
    if not isinstance(schema, dict) or node.kind in ("fact", "any"):
        return
    for key in [*schema.get("properties", {}), *schema.get("required", [])]:
        if node.kind == "object" and _child(node, key) is None:
            yield f"{where}.{key}"
    for key, sub in schema.get("properties", {}).items():
        child = _child(node, key)
        if child is not None:
            yield from _unknown_fields(sub, child, f"{where}.{key}")
    for word in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(word, []):
            yield from _unknown_fields(sub, node, where)
    for word in ("not", "if", "then", "else"):
        if word in schema:
            yield from _unknown_fields(schema[word], node, where)
    for word in ("items", "contains"):
        if word in schema and node.kind == "list" and node.item is not None:
            yield from _unknown_fields(schema[word], node.item, f"{where}[]")


def test_no_schema_reads_a_field_the_description_model_lacks(kb: KnowledgeBase) -> None:
    """A misspelt or removed field makes a schema silently never match: every key must be a model field."""
    problems: list[str] = []
    for c in kb.criteria.values():
        schemas = [("applies_when", c.data["applies_when"]), ("requirement", c.data.get("requirement"))]
        if "exempt_when" in c.data:
            schemas.append(("exempt_when", c.data["exempt_when"]["schema"]))
        for name, schema in schemas:
            problems += [f"{c.id} {name}: {p}" for p in _unknown_fields(schema, _view_node(c.scope), "$")]
    for s in kb.system_requirements.values():
        problems += [
            f"{s.id} applies_when: {p}" for p in _unknown_fields(s.data.get("applies_when"), _view_node("system"), "$")
        ]
    assert not problems, "schemas read fields the description model does not have:\n" + "\n".join(problems)


def test_unknown_field_checker_finds_a_typo() -> None:
    schema = {"properties": {"legal_basis": {"properties": {"grond": {"const": "x"}}}, "_derived": {"required": ["y"]}}}
    assert list(_unknown_fields(schema, _view_node("processing"), "$")) == ["$.legal_basis.grond"]


def test_generated_docs_show_basis_and_when_policy_is_off(kb: KnowledgeBase) -> None:
    from pbd.kb_docs import render

    text = render(kb, "nl")
    policy = next(c for c in kb.criteria.values() if c.basis.value == "policy")
    law = next(c for c in kb.criteria.values() if c.basis.value == "law")
    section = text[text.index(f'<a id="{policy.id.lower()}"></a>') :]
    assert "beleid (alleen met profiel)" in section[: section.index("**Norm.**")]
    section = text[text.index(f'<a id="{law.id.lower()}"></a>') :]
    assert "| wet |" in section[: section.index("**Norm.**")]
    assert "Grondslag" in text and "alleen met profiel" in text

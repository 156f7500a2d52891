"""A project description written as an Invulhulp assessment-output v2 file (Pre-scan DPIA 2.0 or DPIA 3.0).

The export is the importer read backwards: every value table used here is computed from the
importer's own tables in :mod:`pbd.invulhulp.mapping` (the AP/EDPB option tables included), so
there is one source of truth for what an option means. Where the importer has several options for
one value (three Pre-scan options are "online identifiers"), the first in the importer's table is
written, unless a preference below says which reads better.

What the Invulhulp needs to open the file (read from its ``importDetect``, ``applyState`` and
``useTaskDependencies``): ``$schema`` and ``metadata.urn`` of the form with its version
(``urn:nl:prescan:2.0``, ``urn:nl:dpia:3.0``), ``metadata.createdAt``, answers keyed by question id
with ``value`` and ``lastEditedAt``; option values spelled exactly as the form definition spells
them; booleans as the texts ``"true"``/``"false"`` and "not applicable" as ``"null"``; answers of a
repeatable group under the group's id as ``[{"_index": i, "<question id>": answer}]``. A group that
the form repeats per processing (DPIA §5–§13) is matched to the processings of §3 by ``_index``,
so processing *i* is element *i* in every such section, and its outer group element is written
too (the Invulhulp rebuilds nested groups from the outer one). Answers to questions the form
hides (their condition does not hold) are left out, as the Invulhulp leaves them out of its own
exports.

Declared and derived ticks (Pre-scan 3.1 AP list, 4.1 EDPB list): when the description carries
the officer's own ticks (``project.screening_declared``) those are written; otherwise pbd's
derived hits. The answer's ``lastEditedBy`` says which, with pbd's and the knowledge base's
version, so whoever opens the file in the Invulhulp sees that the ticks came from pbd; it stays
until an officer changes the answer there.

Answers the importer kept as notes (``notes["Pre-scan 0 Inleiding"]``: ``"0.5.2 <question>: <answer>"``)
are written back to their questions, so a file that went Invulhulp → pbd → Invulhulp keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pbd import __version__
from pbd.description.placeholders import is_placeholder
from pbd.description.values import duration_days
from pbd.invulhulp.mapping import (
    AP_OPTIONS,
    COUNTRIES,
    DATA_SUBJECTS,
    DATA_TYPES,
    EDPB_OPTIONS,
    FREQUENCY,
    LEGAL_GROUNDS,
    LEVELS,
    MECHANISMS,
    ORDINARY_DATA,
    RETENTION,
    RIGHTS,
    ROLES,
    SENSITIVE_DATA,
    SPECIAL_DATA,
    UNKNOWN_COUNTRY,
    _category,
    _strip_prefix,
)
from pbd.invulhulp.reader import DPIA_URN, FORM_NAMES, PRESCAN_URN, SCHEMA_FILE, Definition, Task, definition, shown
from pbd.messages import t
from pbd.vocabulary import EEA_COUNTRIES

Json = dict[str, Any]

SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
FORM_URNS = {"prescan": PRESCAN_URN, "dpia": DPIA_URN}
FORMS = tuple(FORM_URNS)


def _reverse(table: dict[str, Any]) -> dict[Any, str]:
    """value -> the first option of an importer table with that value."""
    out: dict[Any, str] = {}
    for option, value in table.items():
        out.setdefault(value, option)
    return out


# ---------------------------------------------------------------------------------------------
# value tables, computed from the importer's

GROUND_OPTION = _reverse(LEGAL_GROUNDS)
MECHANISM_OPTION = _reverse(MECHANISMS)
FREQUENCY_OPTION = _reverse(FREQUENCY) | {"daily": "Vaker dan maandelijks"}  # pbd's "daily" is periodic there
ROLE_OPTION = _reverse(ROLES)
TYPE_OPTION = _reverse(DATA_TYPES)
LEVEL_OPTION = _reverse(LEVELS)
AP_OPTION = _reverse(AP_OPTIONS)
EDPB_OPTION = _reverse(EDPB_OPTIONS)
#: the retention options from short to long: (days, option)
RETENTION_STEPS = sorted((duration_days(period), option) for option, period in RETENTION.items())
#: ISO country code -> a place name the importer reads back as that code
COUNTRY_NAME = {code: name.title() for name, code in reversed(list(COUNTRIES.items())) if len(name) > 3}
COUNTRY_NAME |= {code: name.title() for name, code in COUNTRIES.items() if code not in COUNTRY_NAME}
#: Pre-scan 1.1.2: data item name -> option, and category -> option
ORDINARY_BY_NAME = {name: option for option, (name, _category_) in ORDINARY_DATA.items()}
_ORDINARY_PREFERRED = {
    "contact": "Categorie gewone persoonsgegevens: Naam, contactgegevens",
    "other": "Categorie gewone persoonsgegevens: Overige",
}
ORDINARY_BY_CATEGORY = _reverse({option: category for option, (_name, category) in ORDINARY_DATA.items()}) | {
    c: o for c, o in _ORDINARY_PREFERRED.items() if o in ORDINARY_DATA
}
#: Pre-scan 1.3.2: (type, category) -> option; (type, None) -> the option for any other category
SENSITIVE_BY_KIND: dict[tuple[str, str | None], str] = {}
for _sensitive_option, _items in SENSITIVE_DATA.items():
    for _item_name, _kind, _item_category in _items:
        SENSITIVE_BY_KIND.setdefault((_kind, _item_category), _sensitive_option)
        SENSITIVE_BY_KIND.setdefault((_kind, None), _sensitive_option)
SENSITIVE_BY_KIND[("sensitive", None)] = next(
    (o for o in SENSITIVE_DATA if "stigmatisering" in o), SENSITIVE_BY_KIND[("sensitive", None)]
)
#: the form's one option for communication *and* location data (the importer keeps it as one item)
_COMBINED = next((o for o in SENSITIVE_DATA if o.endswith("Communicatie- en locatiegegevens")), None)
if _COMBINED is not None:
    SENSITIVE_BY_KIND |= {("sensitive", "communication"): _COMBINED, ("sensitive", "location"): _COMBINED}
SENSITIVE_BY_NAME = {name: option for option, items in SENSITIVE_DATA.items() for name, _k, _c in items}
#: art. 9 category -> option text without its prefix (the form's prefix is added from the definition)
SPECIAL_OPTION = _reverse(SPECIAL_DATA)
#: DPIA 2.1.3 is free text: category -> a word the importer reads back as that category
_CATEGORY_LABELS = {
    "identity": "Identificatiegegevens",
    "contact": "Contactgegevens",
    "national_id": "Burgerservicenummer (BSN)",
    "location": "Locatiegegevens",
    "device_identifier": "Apparaatnummers",
    "online_identifier": "Cookies en online-ID's",
    "licence_plate": "Kenteken",
    "image": "Camerabeelden",
    "audio": "Geluidsopnamen (audio)",
    "financial": "Financiële gegevens",
    "household": "Gezinssamenstelling",
    "behaviour": "Gedragsgegevens",
    "social_media": "Sociale media",
    "communication": "Communicatiegegevens",
    "health": "Gezondheidsgegevens",
    "biometric": "Biometrische gegevens",
    "criminal": "Strafrechtelijke gegevens",
    "measurement": "Meetwaarden",
}
CATEGORY_WORD = {c: w for c, w in _CATEGORY_LABELS.items() if _category(w) == c}  # only words read back the same
_COMPATIBILITY_OPTION = {
    "permitted_by_law": "Toelaatbaar op grond van Unie- of lidstaatrechtelijk recht",
    "compatible": "Verenigbaar met oorspronkelijk doeleinde",
}
_DPIA_STATUS = {"in_progress": "concept", "completed": "definitief"}
_PROCEDURE = {"yes": "true", "no": "false", "not_applicable": "null"}
_CLOUD_HOSTING = {"iaas", "paas", "saas"}
#: categories the Pre-scan lists under "gevoelige persoonsgegevens" (1.3.2) whatever their Model DPIA type
_PRESCAN_SENSITIVE = {"location", "communication", "national_id", "criminal"}
_ALGORITHM_TECHNIQUES = {"algorithm", "ai"}
_FREQUENCY_ORDER = ["once", "occasional", "periodic", "daily", "continuous"]
_ADVICE_PREFIX = "Advies FG vastgelegd in: "
_NOTE_LINE = re.compile(r"^(?P<key>[0-9]+(?:\.[0-9]+)*(?:\[(?P<index>[0-9]+)\])?) ")
_DPO = re.compile(r"^(?P<name>.+?) \((?P<function>[^()]+)\)$")


def _tf(value: bool) -> str:
    return "true" if value else "false"


# ---------------------------------------------------------------------------------------------
# the result


@dataclass(frozen=True, slots=True)
class Exported:
    """An export: the assessment-output v2 document and the account of what went into it."""

    form: str
    document: Json
    written: tuple[tuple[str, str], ...]  # (answer key, where it came from in the description)
    ticks_source: str | None  # "declared" | "derived" | None (DPIA form, or nothing to tick)
    warnings: tuple[tuple[str, str], ...] = ()  # (nl, en): what the Invulhulp will not show as written

    @property
    def answer_count(self) -> int:
        return len(self.written)


@dataclass
class _Answers:
    """The answers under construction, in form order, and where each came from."""

    d: Definition
    stamp: str
    plain: dict[str, Json] = field(default_factory=dict)
    groups: dict[str, dict[int, Json]] = field(default_factory=dict)
    written: list[tuple[str, str]] = field(default_factory=list)

    def value(self, qid: str, index: int | None = None) -> Any:
        group = self.d.group_of(qid)
        found = self.plain.get(qid) if group is None else self.groups.get(group, {}).get(index or 0, {}).get(qid)
        return None if found is None else found["value"]

    def put(
        self,
        qid: str,
        value: Any,
        source: str,
        index: int | None = None,
        *,
        by: str | None = None,
        at: str | None = None,
    ) -> None:
        """One answer (text, list of texts) to ``qid``, in element ``index`` of its group.

        Left out, as the Invulhulp would not have them: empty answers and placeholders, choices that
        are not among the answers they choose from, answers to questions the form hides, and a
        second answer to the same question.
        """
        if isinstance(value, str):
            value = value.strip()  # the importer reads texts trimmed
        elif isinstance(value, list):
            value = _unique(str(v).strip() for v in value)
        if value is None or value in ("", []):
            return
        question = self.d.tasks[qid]
        if isinstance(value, str) and _free_text(question) and is_placeholder(value):
            return  # "n.t.b.", "nog te implementeren": not an answer, so the question stays open there too
        for dep in question.dependencies:  # a choice among the answers to another question: only those
            if dep.get("type") == "source_options" and isinstance(value, list):
                given = set(self.answers_to(str(dep["condition"]["id"])))
                value = [v for v in value if v in given]
                if not value:
                    return
        task: Task | None = self.d.tasks[qid]
        while task is not None:  # the question and every group around it must be shown
            if not shown(task, lambda cid: self.value(cid, index), intended=False):
                return
            task = self.d.tasks[task.parent] if task.parent is not None else None
        answer: Json = {"value": value, "lastEditedAt": at or self.stamp}
        if by:
            answer["lastEditedBy"] = by
        group = self.d.group_of(qid)
        if group is None:
            if qid in self.plain:
                return
            self.plain[qid] = answer
            key = qid
        else:
            element = self.groups.setdefault(group, {}).setdefault(index or 0, {})
            if qid in element:
                return
            element[qid] = answer
            key = f"{qid}[{index or 0}]"
            outer = self.d.tasks[group].parent
            if outer is not None and self.d.tasks[outer].repeatable:
                self.groups.setdefault(outer, {}).setdefault(index or 0, {})
        self.written.append((key, source))

    def answers_to(self, qid: str) -> list[Any]:
        """The answers given so far to ``qid``, in every element of its group."""
        group = self.d.group_of(qid)
        if group is None:
            return [self.plain[qid]["value"]] if qid in self.plain else []
        return [el[qid]["value"] for _i, el in sorted(self.groups.get(group, {}).items()) if qid in el]

    def has(self, qid: str, index: int | None) -> bool:
        return self.value(qid, index) is not None

    def document_answers(self) -> Json:
        order = {tid: i for i, tid in enumerate(self.d.tasks)}
        out: Json = {}
        keys = sorted([*self.plain, *self.groups], key=lambda k: order[k])
        for key in keys:
            if key in self.plain:
                out[key] = self.plain[key]
            else:
                out[key] = [
                    {"_index": i, **dict(sorted(el.items(), key=lambda kv: order[kv[0]]))}
                    for i, el in sorted(self.groups[key].items())
                ]
        return out


#: the processing the importer makes when a form names none (it holds nothing of the officer's)
_IMPORT_PLACEHOLDERS = {"Verwerking uit de Pre-scan", "Verwerking uit de DPIA"}


def _dpia_category(item: Json) -> str | None:
    """The category as the DPIA holds it: §12 makes an identification number "national_id", art. 9 health
    and biometric data their own category (the importer reads 12.x back that way)."""
    if item.get("type") == "national_id":
        return "national_id"
    if item.get("type") == "special" and item.get("special_category") in ("health", "biometric"):
        return str(item["special_category"])
    category = item.get("category")
    return str(category) if category else None


def _processing_name(proc: Json, i: int) -> str:
    """3.1.1: the name, else the id, else the name the importer gives a processing without one."""
    for name in (proc.get("name"), proc["id"]):
        if name and not is_placeholder(str(name)):
            return str(name)
    return f"Verwerking {i + 1}"


def _free_text(task: Task) -> bool:
    """A question answered in one's own words (not a choice, a date or an image), where a placeholder can stand."""
    return not task.options and task.kind not in ("date", "image", "radio_option", "checkbox_option")


def _procs(description: Json) -> list[Json]:
    """The processings a form describes: not one that says it processes no personal data, nor the importer's stand-in."""
    return [
        p
        for p in description.get("processings", [])
        if p.get("personal_data") is not False
        and not (set(p) <= {"id", "name"} and p.get("name") in _IMPORT_PLACEHOLDERS)
    ]


def _option(d: Definition, qid: str, text: str) -> str | None:
    """The option of ``qid`` that is ``text``, or ends in it after the form's prefix."""
    for option in d.tasks[qid].options:
        if option == text or (isinstance(option, str) and _strip_prefix(option) == text):
            return str(option)
    return None


# ---------------------------------------------------------------------------------------------
# Pre-scan DPIA 2.0


#: the Pre-scan's ticks: AP types, WP248 criteria, who set them (``lastEditedBy``), when (``lastEditedAt``, or None)
Ticks = tuple[list[int], list[int], str, str | None]


def _prescan(a: _Answers, desc: Json, ticks: Ticks | None) -> None:
    d = a.d
    project: Json = desc.get("project", {})
    procs = _procs(desc)
    if isinstance(project.get("new_legislation"), bool):
        a.put("0.1", _tf(project["new_legislation"]), "project.new_legislation")
    a.put("0.2", project.get("summary"), "project.summary")
    purposes = [p["description"] for proc in procs for p in proc.get("purposes", [])]
    a.put("0.3", "\n".join(dict.fromkeys(purposes)), "processings[].purposes[].description")
    grounds = [proc["legal_basis"]["ground"] for proc in procs if proc.get("legal_basis", {}).get("ground")]
    if grounds:
        a.put("0.4", GROUND_OPTION.get(grounds[0]), "processings[].legal_basis.ground")

    techniques = [set(proc["techniques"]) if "techniques" in proc else None for proc in procs]
    systems: list[Json] = desc.get("systems", [])
    cloud_hosting = any(s.get("hosting", {}).get("model") in _CLOUD_HOSTING for s in systems)
    # only "yes": a list of techniques without cloud does not say there is no cloud (absent is unanswered)
    if any(t is not None and "cloud" in t for t in techniques) or cloud_hosting:
        a.put("0.5.1", "true", "processings[].techniques (cloud), systems[].hosting.model")
    if cloud_hosting:
        a.put("0.5.2", [str(d.tasks["0.5.2"].options[0])], "systems[].hosting.model (iaas, paas, saas)")

    items = [(it, proc) for proc in procs for it in proc.get("data_items", [])]
    listed = bool(procs) and all("data_items" in proc for proc in procs)
    ordinary, special, sensitive = [], [], []
    for it, _proc in items:
        kind = it.get("type")
        if kind == "special" or it.get("special_category"):
            special.append(it)
        elif kind in ("sensitive", "national_id", "criminal") or it.get("category") in _PRESCAN_SENSITIVE:
            sensitive.append(it)  # the Pre-scan counts location and communication data as sensitive
        else:
            ordinary.append(it)
    # location or communication data that pbd derives from more than the items (a camera's positions, a tracker)
    located = _COMBINED is not None and _located(desc, procs)
    for qid, found, kind in (
        ("1.1.1", ordinary, "ordinary"),
        ("1.2.1", special, "special"),
        ("1.3.1", sensitive, "sensitive, national_id, criminal"),
    ):
        if found or (qid == "1.3.1" and located):
            a.put(qid, "true", f"processings[].data_items[] (type {kind})")
        elif listed:
            a.put(qid, "false", f"processings[].data_items[] (none of type {kind})")
    a.put(
        "1.1.2",
        _unique(
            ORDINARY_BY_NAME.get(it["name"])
            or ORDINARY_BY_CATEGORY.get(it.get("category") or "other")
            or ORDINARY_BY_CATEGORY["other"]
            for it in ordinary
        ),
        "processings[].data_items[].category (type ordinary)",
    )
    a.put(
        "1.2.2",
        _unique(
            _option(d, "1.2.2", SPECIAL_OPTION[it["special_category"]])
            for it in special
            if it.get("special_category") in SPECIAL_OPTION
        ),
        "processings[].data_items[].special_category",
    )
    a.put(
        "1.3.2",
        _unique(
            SENSITIVE_BY_NAME.get(it["name"])
            or SENSITIVE_BY_KIND.get((_sensitive_kind(it), it.get("category")))
            or SENSITIVE_BY_KIND.get((_sensitive_kind(it), None))
            for it in sensitive
        )
        + ([_COMBINED] if located and _COMBINED else []),
        "processings[].data_items[] (type, category); location/communication facts",
    )

    subjects = [s for proc in procs for s in proc.get("data_subjects", [])]
    a.put("1.4.1", _unique(o for s in subjects for o in _subject_options(s)), "processings[].data_subjects[]")

    counts = [proc.get("scale", {}).get("data_subjects") for proc in procs]
    counts += [s.get("count") for s in subjects]
    _threshold(a, "1.5.1", [c for c in counts if c is not None], "processings[].scale.data_subjects")
    records = [proc.get("scale", {}).get("records") for proc in procs]
    _threshold(a, "1.5.2", [r for r in records if r is not None], "processings[].scale.records")
    frequencies = [proc["scale"]["frequency"] for proc in procs if proc.get("scale", {}).get("frequency")]
    if frequencies:
        most = max(frequencies, key=_FREQUENCY_ORDER.index)
        a.put("1.5.3", FREQUENCY_OPTION.get(most), "processings[].scale.frequency")
    a.put("1.5.4", _retention_option(procs), "processings[].retention.period")

    transfers = [t for proc in procs for t in proc.get("transfers", [])]
    outside = [t for t in transfers if t.get("country") not in EEA_COUNTRIES]
    if outside:
        a.put("2.1.1", "true", "processings[].transfers[].country (outside the EEA)")
        mechanism = next((t["mechanism"] for t in outside if t.get("mechanism") in MECHANISM_OPTION), None)
        a.put("2.1.6", MECHANISM_OPTION.get(mechanism or ""), "processings[].transfers[].mechanism")
    elif procs and all("transfers" in proc for proc in procs):
        a.put("2.1.1", "false", "processings[].transfers (none outside the EEA)")
    for qid, hosting_field in (
        ("2.1.2", "provider_hq_country"),
        ("2.1.3", "country"),
        ("2.1.4", "support_country"),
        ("2.1.5", "telemetry_country"),
    ):
        countries = [s["hosting"][hosting_field] for s in systems if s.get("hosting", {}).get(hosting_field)]
        if any(c not in EEA_COUNTRIES for c in countries):
            a.put(qid, "Buiten EER", f"systems[].hosting.{hosting_field}")
        elif qid == "2.1.3" and systems and all(s.get("hosting", {}).get("model") == "on_premise" for s in systems):
            a.put(qid, "On premise", "systems[].hosting.model")
        elif countries:
            a.put(qid, "Datacenter EER" if qid == "2.1.3" else "Binnen EER", f"systems[].hosting.{hosting_field}")

    if ticks is not None:
        ap, wp248, by, at = ticks
        a.put("3.1", [AP_OPTION[n] for n in sorted(ap) if n in AP_OPTION], "screening: AP list", by=by, at=at)
        a.put("4.1", [EDPB_OPTION[n] for n in sorted(wp248) if n in EDPB_OPTION], "screening: WP248", by=by, at=at)

    registers = _unique(_register_option(d, it["name"]) for it, _p in items if it.get("source") == "base_register")
    methods = {m for proc in procs for m in proc.get("collection", {}).get("methods", [])}
    if registers or "base_register" in methods:
        a.put("5.1.1", "true", "processings[].collection.methods (base_register), data_items[].source")
    a.put("5.1.2", registers, "processings[].data_items[] (source base_register)")

    algorithms = [proc.get("algorithm", {}) for proc in procs]
    if any(t is not None and t & _ALGORITHM_TECHNIQUES for t in techniques):
        a.put("6.1.1", "true", "processings[].techniques (algorithm, ai)")
    for qid, flag in (("6.1.2", "high_risk_ai"), ("6.1.3", "impactful")):
        values = [alg[flag] for alg in algorithms if isinstance(alg.get(flag), bool)]
        if values:
            a.put(qid, _tf(any(values)), f"processings[].algorithm.{flag}")
    service: Json = project.get("digital_service", {})
    for qid, flag in (("7.1.1", "offered"), ("7.1.2", "aimed_at_minors")):
        if isinstance(service.get(flag), bool):
            a.put(qid, _tf(service[flag]), f"project.digital_service.{flag}")


def _located(desc: Json, procs: list[Json]) -> bool:
    """Whether pbd's facts say a processing handles location or communication data (AP 12, AP 13)."""
    from pbd.engine.facts import Tri, processing_facts

    for i, proc in enumerate(desc.get("processings", [])):
        if proc in procs:
            facts = processing_facts(proc, i, desc).facts
            if any(f in facts and facts[f].value is Tri.YES for f in ("location_data", "communication_data")):
                return True
    return False


def _sensitive_kind(item: Json) -> str:
    """The type under which the Pre-scan's 1.3.2 lists an item (a BSN or criminal data by category too)."""
    kind = item.get("type")
    if kind in ("sensitive", "national_id", "criminal"):
        return str(kind)
    return {"national_id": "national_id", "criminal": "criminal"}.get(item.get("category") or "", "sensitive")


def _unique(options: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(o for o in options if o))


def _subject_options(subject: Json) -> list[str]:
    """Pre-scan 1.4.1: the options a data subject category stands for (reverse of the importer's table)."""
    out = []
    for option, flags in DATA_SUBJECTS.items():
        marks = {k: v for k, v in flags.items() if k != "category"}
        if marks and all(subject.get(k) == v for k, v in marks.items() if k != "minors"):
            out.append(option)
    if not out:
        out.append(next(o for o, flags in DATA_SUBJECTS.items() if set(flags) == {"category"}))
    return out


def _threshold(a: _Answers, qid: str, counts: list[int], source: str) -> None:
    if counts:
        a.put(qid, _tf(max(counts) >= 10_000), source)


def _retention_option(procs: list[Json]) -> str | None:
    periods = [proc["retention"]["period"] for proc in procs if proc.get("retention", {}).get("period")]
    if not periods:
        return None
    longest = max(duration_days(p) for p in periods)
    for days, option in RETENTION_STEPS:
        if longest <= days:
            return option
    return RETENTION_STEPS[-1][1]


def _register_option(d: Definition, name: str) -> str | None:
    """Pre-scan 5.1.2: the base register a data item's name names ("Gegevens uit de Basisregistratie Personen (BRP)")."""
    low = name.lower()
    for option in d.tasks["5.1.2"].options:
        text = _strip_prefix(str(option))
        short = re.search(r"\(([A-Z]+)\)", text)
        if text.lower() in low or (short and re.search(rf"\b{short[1]}\b", name)):
            return str(option)
    return None


# ---------------------------------------------------------------------------------------------
# DPIA Rapportagemodel 3.0


def _dpia(a: _Answers, desc: Json) -> None:
    project: Json = desc.get("project", {})
    procs = _procs(desc)
    a.put("1.1", project.get("summary"), "project.summary")

    # §2: every data item once, by name, in the order the processings list them
    items: dict[str, tuple[Json, Json]] = {}
    for proc in procs:
        for it in proc.get("data_items", []):
            if not is_placeholder(it["name"]):  # a name is how §3 and §12 choose an item
                items.setdefault(it["name"], (it, proc))
    for i, (name, (it, proc)) in enumerate(items.items()):
        a.put("2.1.1", name, "processings[].data_items[].name", i)
        # pbd does not link a data item to a data subject category: the processing's categories, all of them
        subjects = _unique(s["category"] for s in proc.get("data_subjects", []))
        a.put("2.1.2", "; ".join(subjects), "processings[].data_subjects[].category", i)
        a.put("2.1.3", CATEGORY_WORD.get(_dpia_category(it) or ""), "processings[].data_items[].category", i)
        a.put("2.1.4", TYPE_OPTION.get(it.get("type") or ""), "processings[].data_items[].type", i)
        if it.get("source"):
            a.put("2.1.6", _tf(it["source"] == "third_party"), "processings[].data_items[].source", i)
        a.put("2.1.7", it.get("source_party"), "processings[].data_items[].source_party", i)

    # §3 and the sections the form repeats per processing (element i is processing i)
    for i, proc in enumerate(procs):
        a.put("3.1.1", _processing_name(proc, i), "processings[].name", i)
        a.put("3.1.2", proc.get("description"), "processings[].description", i)
        listed_here = {it["name"] for it in proc.get("data_items", [])}
        a.put("3.1.3", [n for n in items if n in listed_here], "processings[].data_items[].name", i)  # §2's order
        further = next((p for p in proc.get("purposes", []) if _further(p)), None)
        # §13 holds the further use; the importer makes a §5 purpose with the same text one purpose with it
        plain = _unique(
            p["description"].strip()
            for p in proc.get("purposes", [])
            if not _further(p) and (further is None or p["description"].strip() != further["description"].strip())
        )
        a.put("5.1.1", "\n".join(plain), "processings[].purposes[].description", i)
        outside = [t for t in proc.get("transfers", []) if t.get("country") not in ("NL", UNKNOWN_COUNTRY)]
        if outside and outside[0]["country"] in COUNTRY_NAME:
            transfer = outside[0]
            a.put("8.1.1.1", COUNTRY_NAME[transfer["country"]], "processings[].transfers[].country", i)
            a.put(
                "8.1.1.2",
                MECHANISM_OPTION.get(transfer.get("mechanism") or ""),
                "processings[].transfers[].mechanism",
                i,
            )
            a.put(
                "8.1.1.3", transfer.get("supplementary_measures"), "processings[].transfers[].supplementary_measures", i
            )
        frameworks = proc.get("legal_framework", [])
        if len(frameworks) == 1:  # "Wet X: art. 3" is the importer's framework and articles
            name, _, articles = frameworks[0].partition(": ")
            a.put("9.1.1.1", name, "processings[].legal_framework[]", i)
            a.put("9.1.1.2", articles, "processings[].legal_framework[]", i)
        elif frameworks:  # the form keeps one element per processing: all frameworks in it
            a.put("9.1.1.1", "; ".join(frameworks), "processings[].legal_framework[]", i)
        retention: Json = proc.get("retention", {})
        if retention.get("period"):
            a.put("10.1.1.4", _retention_option([proc]), "processings[].retention.period", i)
        a.put("10.1.1.5", retention.get("justification"), "processings[].retention.justification", i)
        basis: Json = proc.get("legal_basis", {})
        a.put("11.1.1.1", GROUND_OPTION.get(basis.get("ground") or ""), "processings[].legal_basis.ground", i)
        a.put("11.1.1.2", basis.get("explanation"), "processings[].legal_basis.explanation", i)
        if further is not None:
            a.put("13.1.1.3", further["description"], "processings[].purposes[].description", i)
            a.put("13.1.1.4", further.get("original_purpose"), "processings[].purposes[].original_purpose", i)
            a.put(
                "13.1.1.5",
                _COMPATIBILITY_OPTION.get(further.get("compatibility") or ""),
                "processings[].purposes[].compatibility",
                i,
            )
            a.put(
                "13.1.1.6",
                further.get("compatibility_assessment"),
                "processings[].purposes[].compatibility_assessment",
                i,
            )

    # §6, §7: the parties (project-wide in pbd), element j is party j
    for j, party in enumerate(_parties(desc)):
        a.put("6.1.1.1", party["name"], "parties[].name", j)
        a.put(
            "6.1.1.2", [ROLE_OPTION[party["role"]]] if party.get("role") in ROLE_OPTION else None, "parties[].role", j
        )
        a.put("6.1.1.3", party.get("description"), "parties[].description", j)
        a.put("7.1.1", party.get("interests"), "parties[].interests", j)

    # §12: special, criminal and national-id data, one element per data item
    n = {"12.1.2": 0, "12.2.2": 0, "12.3.2": 0}
    listed = bool(procs) and all("data_items" in proc for proc in procs)
    for gate, group, kind in (
        ("12.1.1", "12.1.2", "special"),
        ("12.2.1", "12.2.2", "criminal"),
        ("12.3.1", "12.3.2", "national_id"),
    ):
        found = [(name, it) for name, (it, _p) in items.items() if it.get("type") == kind]
        if found:
            a.put(gate, "true", f"processings[].data_items[] (type {kind})")
        elif listed:
            a.put(gate, "false", f"processings[].data_items[] (none of type {kind})")
        for name, it in found:
            k = n[group]
            n[group] += 1
            a.put(f"{group}.3", [name], f"processings[].data_items[] (type {kind})", k)
            # which processings (§3) and data subjects (§2) it concerns: choices among those answers
            in_procs = [p for p in procs if any(i["name"] == name for i in p.get("data_items", []))]
            a.put(f"{group}.1", [_processing_name(p, procs.index(p)) for p in in_procs], "processings[].name", k)
            row = list(items).index(name)  # the item's element of §2, whose 2.1.2 names its data subjects
            a.put(f"{group}.2", _unique([a.value("2.1.2", row)]), "processings[].data_subjects[].category", k)
            if kind == "special" and it.get("special_category") in SPECIAL_OPTION:
                a.put(
                    "12.1.2.4",
                    _option(a.d, "12.1.2.4", SPECIAL_OPTION[it["special_category"]]),
                    "processings[].data_items[].special_category",
                    k,
                )
            if kind == "national_id":
                a.put(
                    "12.3.2.4",
                    it.get("national_id", {}).get("statutory_basis"),
                    "processings[].data_items[].national_id.statutory_basis",
                    k,
                )
            else:
                a.put(
                    f"{group}.5" if kind == "special" else f"{group}.4",
                    it.get("uavg_provision"),
                    "processings[].data_items[].uavg_provision",
                    k,
                )

    # §14, §15: one answer for the project in the form; the first processing that answers
    for qid, necessity_field in (("14.1", "why_rejected"), ("14.2", "proportionality")):
        a.put(
            qid,
            next((p["necessity"][necessity_field] for p in procs if p.get("necessity", {}).get(necessity_field)), None),
            f"processings[].necessity.{necessity_field}",
        )
    for section, right in RIGHTS.items():
        handling = next((p["rights"][right] for p in procs if p.get("rights", {}).get(right)), None)
        if handling is None:
            continue
        a.put(
            f"{section}.1", _PROCEDURE.get(handling.get("procedure") or ""), f"processings[].rights.{right}.procedure"
        )
        a.put(f"{section}.2", handling.get("explanation"), f"processings[].rights.{right}.explanation")

    # §16, §17: the risks, and one element of §17 per measure
    m = k = 0
    risks: list[Json] = desc.get("risks", [])
    texts = [r.get("description") for r in risks]
    for risk in risks:
        a.put("16.1.1", risk.get("description"), "risks[].description", k)
        a.put("16.1.2", risk.get("origin"), "risks[].origin", k)
        a.put("16.1.3", LEVEL_OPTION.get(risk.get("likelihood") or ""), "risks[].likelihood", k)
        a.put("16.1.4", risk.get("likelihood_reason"), "risks[].likelihood_reason", k)
        a.put("16.1.5", LEVEL_OPTION.get(risk.get("impact") or ""), "risks[].impact", k)
        a.put("16.1.6", risk.get("impact_reason"), "risks[].impact_reason", k)
        unique = a.has("16.1.1", k) and texts.count(risk["description"]) == 1
        if k in a.groups.get("16.1", {}):
            k += 1  # the importer numbers the risks by the elements of §16 that have an answer
        if not unique:
            continue  # §17 names its risk by its description in §16, which must be there and one of a kind
        for measure in risk.get("measures") or [None]:
            if measure is None and not (risk.get("residual") or risk.get("owner")):
                continue
            a.put("17.1.1", [risk["description"]], "risks[] (by description)", m)
            a.put("17.1.3", measure, "risks[].measures[]", m)
            a.put("17.1.4", LEVEL_OPTION.get(risk.get("residual") or ""), "risks[].residual", m)
            a.put("17.1.7", risk.get("owner"), "risks[].owner", m)
            m += 1

    # §19, §20
    dpia: Json = project.get("dpia", {})
    a.put("19.1.2", dpia.get("date"), "project.dpia.date", 0)
    # a description written as the DPIA form is a DPIA in the works: "concept" unless it is completed
    a.put("19.2", _DPIA_STATUS.get(dpia.get("status") or "", "concept"), "project.dpia.status")
    dpo = project.get("dpo")
    if dpo:
        named = _DPO.match(dpo)
        a.put("19.5.4", named["name"] if named else dpo, "project.dpo")
        a.put("19.5.5", named["function"] if named else None, "project.dpo")
    advice: Json = project.get("dpo_advice", {})
    a.put("19.5.6", advice.get("date"), "project.dpo_advice.date")
    summary = advice.get("summary")
    if summary:
        a.put("19.5.7", summary.removeprefix(_ADVICE_PREFIX), "project.dpo_advice.summary")
    a.put("20.1.1", project.get("organisation"), "project.organisation", 0)
    a.put("20.1.3", project.get("department"), "project.department", 0)


def _parties(desc: Json) -> list[Json]:
    """The parties of §6: each name once, and the organisation of §20 among them (as the controller)."""
    out: dict[str, Json] = {}
    organisation = desc.get("project", {}).get("organisation")
    for party in desc.get("parties", []):
        if not is_placeholder(party["name"]):
            out.setdefault(party["name"], party)
    if organisation and organisation not in out and not is_placeholder(organisation):
        return [{"name": organisation, "role": "controller"}, *out.values()]
    return list(out.values())


def _further(purpose: Json) -> bool:
    """A purpose for §13 (further use): one the importer reads back as such, by its original purpose or assessment."""
    original = purpose.get("original_purpose")
    if isinstance(original, str) and original.strip() and not is_placeholder(original):
        return True
    return purpose.get("further_processing") is True and purpose.get("compatibility") in _COMPATIBILITY_OPTION


# ---------------------------------------------------------------------------------------------
# answers the importer kept as notes


def _from_notes(a: _Answers, desc: Json, form: str) -> None:
    """Answers an earlier import kept as notes (``"<id> <question>: <answer>"``), back to their questions."""
    prefix = FORM_NAMES[form][0] + " "
    for note_key, text in desc.get("notes", {}).items():
        if not note_key.startswith(prefix):
            continue
        current: tuple[str, int | None, list[str]] | None = None
        found: list[tuple[str, int | None, list[str]]] = []
        for paragraph in str(text).split("\n\n"):
            m = _NOTE_LINE.match(paragraph)
            qid = m["key"].split("[", 1)[0] if m else None
            task = a.d.tasks.get(qid) if qid else None
            head = f"{m['key']} {task.title}: " if m and task else None
            if m and task and head and paragraph.startswith(head):
                index = int(m["index"]) if m["index"] is not None else None
                current = (task.id, index, [paragraph[len(head) :]])
                found.append(current)
            elif current is not None and not paragraph.startswith("Op volgorde toegekend"):
                current[2].append(paragraph)
        for qid, index, parts in found:
            if a.has(qid, index):
                continue  # the description's own field has it, or an addition to a mapped answer
            if index is not None and not _stable_index(a.d, qid):
                continue  # the element this answer belonged to may have another place now
            a.put(qid, _note_value(a.d, qid, "\n\n".join(parts)), f"notes['{note_key}']", index)


def _stable_index(d: Definition, qid: str) -> bool:
    """Whether element *i* of the group ``qid`` is in is element *i* in the export too.

    True for the sections the form repeats per processing (element *i* is processing *i*, which
    keeps its place) and for the single version and signing blocks (§19.1, §20.1); not for the data
    items, parties or risks, which the export numbers afresh from the description.
    """
    group = d.group_of(qid)
    while group is not None:
        task = d.tasks[group]
        if group in ("19.1", "20.1") or any(
            x.get("type") == "instance_mapping" and x.get("source", {}).get("id") == "3.1.1" for x in task.dependencies
        ):
            return True
        group = task.parent if task.parent is not None and d.tasks[task.parent].repeatable else None
    return False


def _note_value(d: Definition, qid: str, text: str) -> str | list[str] | None:
    """The answer a note holds, as the form spells it; None when it is not one of the form's options.

    A note can also be the importer's addition to an answer it mapped ("ja (overgenomen als 10000,
    een ondergrens)"): its remark in brackets is not part of the answer.
    """
    task = d.tasks[qid]
    if any(x.get("type") == "source_options" for x in task.dependencies) or not task.options:
        return [v for v in text.split("; ") if v] if task.kind == "checkbox_option" else text
    spelled = {str(o).lower() if isinstance(o, bool) else ("null" if o is None else str(o)) for o in task.options}
    yes_no = {"ja": "true", "nee": "false"}

    def option(value: str) -> str | None:
        for candidate in (value, value.split(" (", 1)[0]):
            spelled_as = yes_no.get(candidate, candidate)
            if spelled_as in spelled:
                return spelled_as
        return None

    if task.kind == "checkbox_option":
        chosen = [o for o in (option(v) for v in text.split("; ")) if o]
        return chosen or None
    return option(text)


# ---------------------------------------------------------------------------------------------
# entry point


def export_description(
    description: Json,
    form: str,
    *,
    created_at: str,
    kb_version: str,
    derived: tuple[list[int], list[int]] | None = None,
    lang: str = "nl",
) -> Exported:
    """Write ``description`` (plain data, as :meth:`LoadedDescription.data` gives it) as an Invulhulp export.

    ``created_at`` is the ISO 8601 time stamp for ``metadata.createdAt`` and every ``lastEditedAt``
    (pass the evaluation date, so the same description gives the same file). ``derived`` is pbd's
    screening (AP types, WP248 criteria), written as the Pre-scan ticks when the description has
    no declared ones. ``lang`` is the language of the provenance texts (``lastEditedBy``, ``createdBy``).
    """
    if form not in FORM_URNS:
        raise ValueError(form)
    d = definition(form)
    a = _Answers(d, created_at)
    ticks_source: str | None = None
    if form == "prescan":
        declared: Json = description.get("project", {}).get("screening_declared") or {}
        ticks: Ticks | None = None
        if declared.get("ap") is not None or declared.get("wp248") is not None:
            source = declared.get("source") or "-"
            ticks = (
                list(declared.get("ap") or []),
                list(declared.get("wp248") or []),
                t(lang, "export.by_declared", version=__version__, source=source),
                f"{declared['date']}T00:00:00.000Z" if declared.get("date") else None,
            )
            ticks_source = "declared"
        elif derived is not None:
            ticks = (
                list(derived[0]),
                list(derived[1]),
                t(lang, "export.by_derived", version=__version__, kb=kb_version),
                None,
            )
            ticks_source = "derived"
        _prescan(a, description, ticks)
    else:
        _dpia(a, description)
    _from_notes(a, description, form)
    warnings: list[tuple[str, str]] = []
    parties, procs = len(_parties(description)), len(_procs(description))
    if form == "dpia" and parties > procs:
        warnings.append(
            (
                t("nl", "export.parties_hidden", parties=parties, processings=procs),
                t("en", "export.parties_hidden", parties=parties, processings=procs),
            )
        )
    document: Json = {
        "$schema": SCHEMA_URL,
        "metadata": {
            "urn": f"{d.urn}:{d.version}",
            "createdAt": created_at,
            "createdBy": {"name": t(lang, "export.created_by", version=__version__, kb=kb_version)},
        },
        "answers": a.document_answers(),
    }
    order = {tid: i for i, tid in enumerate(d.tasks)}
    written = sorted(a.written, key=lambda w: (order[w[0].split("[", 1)[0]], w[0]))
    return Exported(form, document, tuple(written), ticks_source, tuple(warnings))


def validate_document(document: Json) -> list[str]:
    """Problems of ``document`` against the shipped assessment-output v2 schema (empty: valid)."""
    import importlib
    import json

    jsonschema: Any = importlib.import_module("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}" for e in validator.iter_errors(document)]


__all__ = ["FORMS", "FORM_URNS", "SCHEMA_URL", "Exported", "export_description", "validate_document"]

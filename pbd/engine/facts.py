"""Screening facts: what the description says about each processing, as yes / no / unknown, with the paths it rests on.

The DPIA screening (:mod:`pbd.engine.screening_rules`) reads only these facts, never the
description itself. A fact is :attr:`Tri.UNKNOWN` when the description does not answer the
question (absent means "not yet answered"); a rule that depends on it is then undetermined and
asks the fact's question. Each fact carries the description paths it was read from, so that
``pbd screen`` can show file:line for every hit.

Facts read the v2 format of ``docs/design/judgement-v2.md`` §2 from plain JSON data with
``.get`` (v1 fields are read where they say the same). Good design counts: verified
anonymisation at the source, verified transient on-device processing and a reasoned absence of
personal data make ``personal_data`` "no"; the same statements without evidence are *claims*
(:class:`Claim`) and are shown as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pbd.description.placeholders import is_placeholder
from pbd.description.source import JsonPath, json_path
from pbd.messages import pick
from pbd.vocabulary import EEA_COUNTRIES

Json = dict[str, Any]

#: Pre-scan threshold for "large scale" (data subjects)
LARGE_SCALE = 10_000
#: "kept seconds": the longest on-device retention that still counts as transient processing
TRANSIENT_SECONDS = 60


class Tri(Enum):
    """A three-valued answer with Kleene's strong logic: unknown stays unknown unless the other side decides."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    def __and__(self, other: Tri) -> Tri:
        if self is Tri.NO or other is Tri.NO:
            return Tri.NO
        if self is Tri.YES and other is Tri.YES:
            return Tri.YES
        return Tri.UNKNOWN

    def __or__(self, other: Tri) -> Tri:
        # Kleene's OR, the dual of its AND (De Morgan), written out: the screening asks it thousands of times a file
        if self is Tri.YES or other is Tri.YES:
            return Tri.YES
        if self is Tri.NO and other is Tri.NO:
            return Tri.NO
        return Tri.UNKNOWN

    def __invert__(self) -> Tri:
        if self is Tri.YES:
            return Tri.NO
        if self is Tri.NO:
            return Tri.YES
        return Tri.UNKNOWN

    @staticmethod
    def of(value: bool | None) -> Tri:
        """``True``/``False``/``None`` (absent) as a three-valued answer."""
        return Tri.UNKNOWN if value is None else Tri.YES if value else Tri.NO


@dataclass(frozen=True, slots=True)
class Question:
    """What to answer, and where, to decide an unknown fact."""

    path: JsonPath
    nl: str
    en: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact about one processing (or the project): its value, the paths it rests on, and why."""

    name: str
    value: Tri
    paths: tuple[JsonPath, ...]
    note_nl: str = ""
    note_en: str = ""
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A good-design statement the description makes without the evidence it needs."""

    target: str
    path: JsonPath
    nl: str
    en: str
    decisive: bool  # True when the screening could not rely on it (the facts it would decide stay unknown)

    def as_dict(self, lang: str) -> Json:
        return {
            "target": self.target,
            "path": json_path(self.path),
            "claim": pick(lang, self.nl, self.en),
            "decisive": self.decisive,
        }


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of one target (a processing id, or ``project``)."""

    target: str
    facts: dict[str, Fact]
    claims: tuple[Claim, ...] = ()

    def __getitem__(self, name: str) -> Fact:
        return self.facts[name]


# ---------------------------------------------------------------------------------------------
# vocabularies the facts use

#: categories that identify a person or are about one (a measurement or "other" alone does not)
_IDENTIFYING_CATEGORIES = frozenset(
    {
        "identity",
        "contact",
        "national_id",
        "device_identifier",
        "online_identifier",
        "licence_plate",
        "image",
        "audio",
        "financial",
        "household",
        "behaviour",
        "social_media",
        "communication",
        "health",
        "biometric",
        "criminal",
    }
)
_IDENTIFIER_CATEGORIES = frozenset(
    {"device_identifier", "online_identifier", "licence_plate", "national_id", "identity"}
)
_CAMERAS = frozenset({"camera", "anpr_camera", "drone", "body_camera"})
_FIXED_CAMERAS = frozenset({"camera", "anpr_camera", "drone"})
#: connected devices (AP type 14): sensors, readers, meters and trackers; cameras are AP 9/10 (ANPR included as
#: a connected reader on a vehicle)
_IOT = frozenset(
    {
        "anpr_camera",
        "wifi_sensor",
        "bluetooth_sensor",
        "sound_sensor",
        "motion_sensor",
        "environment_sensor",
        "gps_tracker",
        "rfid",
        "card_reader",
        "connected_container",
        "radar",
        "smart_meter",
        "lidar",
        "presence_sensor",
    }
)
#: sensors that see or hear people, or pick up what they carry
_PERSON_SENSORS = frozenset(
    {
        "camera",
        "anpr_camera",
        "drone",
        "body_camera",
        "wifi_sensor",
        "bluetooth_sensor",
        "sound_sensor",
        "motion_sensor",
        "gps_tracker",
        "rfid",
        "card_reader",
        "lidar",
        "radar",
        "smart_meter",
        "connected_container",
    }
)
#: sensors that do not observe persons unless the description says they do
_OBJECT_SENSORS = frozenset({"presence_sensor", "environment_sensor"})
#: collection from the person themselves: by nature not covert
_FROM_THE_PERSON = frozenset({"form", "app", "website"})
_TRACKING_METHODS = frozenset({"gps_tracker", "anpr_camera", "wifi_sensor", "bluetooth_sensor"})
_SENSED_SOURCES = frozenset({"sensor", "camera", "derived"})
_EVALUATION_TECHNIQUES = frozenset({"profiling", "scoring", "prediction"})
_ART46_TOOLS = frozenset({"scc", "bcr", "certification", "code_of_conduct", "legal_instrument"})
_EVIDENCE = frozenset({"document", "demo", "test", "audit"})
_ALGORITHM_TECHNIQUES = frozenset(
    {"ai", "algorithm", "profiling", "scoring", "prediction", "automated_decision", "biometric_identification"}
)
_ADEQUATE_NON_EEA_US = "US"


def _text(value: Any) -> bool:
    """A real answer in a text field: not absent, not empty, not a placeholder."""
    return isinstance(value, str) and bool(value.strip()) and not is_placeholder(value)


def _verified(block: Json) -> bool:
    return block.get("verification") in _EVIDENCE and _text(block.get("verified_by"))


def anonymised_at_source(proc: Json) -> bool:
    """Aggregated or counted at the source, and someone checked it (who, and by test or audit)."""
    anonymisation: Json = proc.get("minimisation", {}).get("anonymisation", {})
    at_source = anonymisation.get("method") in ("aggregation_at_source", "on_device_counting")
    return at_source and bool(_verified(anonymisation))


def edge_transient(proc: Json) -> bool:
    """Processed on the device within seconds, only counts or aggregates leave it, and someone checked it."""
    edge: Json = proc.get("edge", {})
    shape = (
        edge.get("transient") is True
        and isinstance(edge.get("retention_seconds"), int)
        and edge["retention_seconds"] <= TRANSIENT_SECONDS
        and edge.get("output") in ("counts", "aggregates")
    )
    return shape and bool(_verified(edge))


def good_design(proc: Json) -> bool:
    """Whether the processing verifiably keeps nothing that identifies anyone: anonymised at the source or
    transient on the device. The screening then counts it as no personal data, and so do the criteria."""
    return anonymised_at_source(proc) or edge_transient(proc)


class _Builder:
    """Collects the facts of one processing; ``base`` is the processing's path in the description."""

    def __init__(self, target: str, base: JsonPath) -> None:
        self.target = target
        self.base = base
        self.facts: dict[str, Fact] = {}
        self.claims: list[Claim] = []

    def p(self, *rel: str | int) -> JsonPath:
        return (*self.base, *rel)

    def add(
        self,
        name: str,
        value: Tri,
        paths: Iterable[JsonPath],
        nl: str = "",
        en: str = "",
        questions: Iterable[Question] = (),
    ) -> Tri:
        self.facts[name] = Fact(
            name, value, tuple(dict.fromkeys(paths)), nl, en, tuple(questions) if value is Tri.UNKNOWN else ()
        )
        return value

    def ask(
        self,
        name: str,
        rel: tuple[str | int, ...],
        nl: str,
        en: str,
        *,
        paths: Iterable[JsonPath] | None = None,
        value: Tri = Tri.UNKNOWN,
    ) -> Tri:
        """A fact with the one question that decides it while it is unknown, asked at ``rel`` (by default also the
        path the fact rests on)."""
        return self.add(name, value, [self.p(*rel)] if paths is None else paths, questions=[self.q(rel, nl, en)])

    def q(self, rel: tuple[str | int, ...], nl: str, en: str) -> Question:
        return Question(self.p(*rel), nl, en)

    def claim(self, rel: tuple[str | int, ...], nl: str, en: str, decisive: bool) -> None:
        self.claims.append(Claim(self.target, self.p(*rel), nl, en, decisive))


# ---------------------------------------------------------------------------------------------
# per processing


def processing_facts(proc: Json, index: int, description: Json) -> Facts:
    """Every screening fact of one processing (``description`` gives the parties, systems and project)."""
    b = _Builder(str(proc.get("id", index)), ("processings", index))
    parties: list[Json] = description.get("parties", [])
    role_of = {p.get("name"): p.get("role") for p in parties}
    kind_of = {p.get("name"): p.get("kind") for p in parties}
    systems = {s.get("id"): s for s in description.get("systems", [])}
    linked = [systems[s] for s in proc.get("systems", []) if s in systems]

    items: list[Json] = proc.get("data_items", [])
    subjects: list[Json] = proc.get("data_subjects", [])
    purposes: list[Json] = proc.get("purposes", [])
    collection: Json = proc.get("collection", {})
    methods: set[str] = set(collection.get("methods", []))
    methods_known = "methods" in collection
    techniques: set[str] = set(proc.get("techniques", []))
    # a description lists the techniques that apply; when collection and data are described and there is no
    # algorithm block, an absent list means "none" (the answer of a team that described the processing)
    techniques_known = "techniques" in proc or (
        methods_known and bool(proc.get("data_items")) and "algorithm" not in proc
    )
    scale: Json = proc.get("scale", {})
    minimisation: Json = proc.get("minimisation", {})
    edge: Json = proc.get("edge", {})
    algorithm: Json = proc.get("algorithm", {})
    ai_act: Json = algorithm.get("ai_act", {})
    kinds = [p.get("kind") for p in purposes]
    kinds_known = bool(purposes) and all(k is not None for k in kinds)

    def items_where(pred: Callable[[Json], bool]) -> list[JsonPath]:
        return [b.p("data_items", i) for i, it in enumerate(items) if pred(it)]

    def purposes_where(pred: Callable[[Json], bool]) -> list[JsonPath]:
        return [b.p("purposes", i, "kind") for i, pu in enumerate(purposes) if pred(pu)]

    all_items = [b.p("data_items")]
    all_kinds = [b.p("purposes")]
    kind_question = b.q(
        ("purposes",),
        "Wat voor doel is elk doel (purposes[].kind: dienstverlening, handhaving, fraudebestrijding, openbare orde …)?",
        "What kind of purpose is each purpose (purposes[].kind: service, enforcement, fraud control, public order …)?",
    )

    # --- good design: anonymisation at source, transient edge processing --------------------
    anonymisation: Json = minimisation.get("anonymisation", {})
    anon_verified = bool(anonymisation) and _verified(anonymisation)
    if anonymised_at_source(proc):
        b.add("anonymised_at_source", Tri.YES, [b.p("minimisation", "anonymisation")])
    elif anonymisation or minimisation.get("aggregated_at_source") is True or minimisation.get("anonymised") is True:
        where = ("minimisation", "anonymisation") if anonymisation else ("minimisation",)
        b.ask(
            "anonymised_at_source",
            ("minimisation", "anonymisation"),
            "Wie heeft de anonimisering aan de bron gecontroleerd, en hoe (verified_by, verification)?",
            "Who verified the anonymisation at the source, and how (verified_by, verification)?",
            paths=[b.p(*where)],
        )
        b.claim(
            where,
            "anonimisering of aggregatie aan de bron is gesteld, maar niet aangetoond (wie controleerde het, en hoe?)",
            "anonymisation or aggregation at the source is claimed but not shown (who verified it, and how?)",
            decisive=False,
        )
    else:
        b.add("anonymised_at_source", Tri.NO, [b.p("minimisation")])

    if edge_transient(proc):
        b.add("edge_transient", Tri.YES, [b.p("edge")])
    elif edge.get("transient") is True:
        b.ask(
            "edge_transient",
            ("edge",),
            "Verlaat niets herleidbaars het apparaat, binnen seconden gewist, en wie heeft dat gecontroleerd (edge.verified_by, edge.verification)?",
            "Does nothing identifying leave the device, erased within seconds, and who verified that (edge.verified_by, edge.verification)?",
        )
        b.claim(
            ("edge",),
            "verwerking op het apparaat zonder opslag is gesteld, maar niet aangetoond of niet vluchtig (output, seconden, controle)",
            "transient on-device processing is claimed but not shown, or not transient (output, seconds, verification)",
            decisive=False,
        )
    else:
        b.add("edge_transient", Tri.NO, [b.p("edge")])
    good_design = b.facts["anonymised_at_source"].value is Tri.YES or b.facts["edge_transient"].value is Tri.YES

    # --- personal data -----------------------------------------------------------------------
    raw_ids = items_where(
        lambda it: (
            it.get("category") in _IDENTIFYING_CATEGORIES
            and it.get("form") not in ("hashed", "truncated", "aggregated", "anonymised")
        )
    )
    pseudo_ids = items_where(lambda it: it.get("form") in ("hashed", "truncated"))
    if not pseudo_ids and minimisation.get("pseudonymised") is True:
        pseudo_ids = items_where(lambda it: it.get("category") in _IDENTIFIER_CATEGORIES)
    special_typed = items_where(lambda it: it.get("type") in ("special", "criminal", "national_id"))
    stated = proc.get("personal_data")
    reason_paths = [b.p("personal_data_reason")] if _text(proc.get("personal_data_reason")) else []
    if not reason_paths and _text(description.get("project", {}).get("dpia", {}).get("not_needed_reason")):
        reason_paths = [("project", "dpia", "not_needed_reason")]
    pd_question = b.q(
        ("personal_data",),
        "Worden in deze verwerking persoonsgegevens verwerkt, en waarom niet (personal_data, personal_data_reason; wie heeft het gecontroleerd)?",
        "Does this processing handle personal data, and if not, why not (personal_data, personal_data_reason; who verified it)?",
    )
    if good_design:
        which = "anonymised_at_source" if b.facts["anonymised_at_source"].value is Tri.YES else "edge_transient"
        b.add(
            "personal_data",
            Tri.NO,
            b.facts[which].paths,
            "aantoonbaar geanonimiseerd aan de bron of vluchtig op het apparaat verwerkt (gecontroleerd)",
            "verifiably anonymised at the source or processed transiently on the device (verified)",
        )
    elif pseudo_ids and anon_verified is False:
        b.add(
            "personal_data",
            Tri.YES,
            [*pseudo_ids, b.p("personal_data")],
            "gehashte of ingekorte identificatoren blijven (pseudonieme) persoonsgegevens zolang anonimisering niet is aangetoond",
            "hashed or truncated identifiers remain (pseudonymous) personal data unless anonymisation is verified",
        )
        if stated is False:
            b.claim(
                ("personal_data",),
                "personal_data: false, maar de verwerking bevat gehashte of ingekorte identificatoren: dat zijn persoonsgegevens",
                "personal_data: false, but the processing holds hashed or truncated identifiers: those are personal data",
                decisive=False,
            )
    elif stated is True:
        b.add("personal_data", Tri.YES, [b.p("personal_data")])
    elif stated is False:
        if raw_ids or special_typed:
            b.add(
                "personal_data",
                Tri.YES,
                [*raw_ids, *special_typed, b.p("personal_data")],
                "personal_data: false, maar er staan gegevens over personen in de verwerking",
                "personal_data: false, but the processing lists data about people",
            )
            b.claim(
                ("personal_data",),
                "personal_data: false, terwijl de gegevens identificatoren of gegevens over personen bevatten",
                "personal_data: false while the data items hold identifiers or data about people",
                decisive=False,
            )
        elif reason_paths or collection.get("observes_persons") is False:
            b.add(
                "personal_data",
                Tri.NO,
                [
                    b.p("personal_data"),
                    *reason_paths,
                    *([b.p("collection", "observes_persons")] if not reason_paths else []),
                ],
                "geen persoonsgegevens, met een vastgelegde reden",
                "no personal data, with a recorded reason",
            )
        else:
            b.add("personal_data", Tri.UNKNOWN, [b.p("personal_data")], questions=[pd_question])
            b.claim(
                ("personal_data",),
                "personal_data: false zonder reden of onderbouwing: een bewering, geen vastgesteld feit",
                "personal_data: false without a reason or evidence: a claim, not an established fact",
                decisive=True,
            )
    elif raw_ids or special_typed or subjects:
        b.add("personal_data", Tri.YES, [*raw_ids, *special_typed, *([b.p("data_subjects")] if subjects else [])])
    else:
        b.add("personal_data", Tri.UNKNOWN, [b.p("personal_data")], questions=[pd_question])
    b.add("pseudonymous_identifiers", Tri.YES if pseudo_ids else Tri.NO, pseudo_ids or all_items)

    # --- observation, place, scale ---------------------------------------------------------
    observes = collection.get("observes_persons")
    if observes is not None:
        b.add("observes_persons", Tri.of(observes), [b.p("collection", "observes_persons")])
    elif methods & _PERSON_SENSORS:
        b.add("observes_persons", Tri.YES, [b.p("collection", "methods")])
    elif methods & _OBJECT_SENSORS:
        b.ask(
            "observes_persons",
            ("collection", "observes_persons"),
            "Neemt de sensor personen waar, of alleen voorwerpen of de omgeving (collection.observes_persons)?",
            "Does the sensor observe people, or only objects or the environment (collection.observes_persons)?",
            paths=[b.p("collection", "methods")],
        )
    elif methods_known:
        b.add("observes_persons", Tri.NO, [b.p("collection", "methods")])
    else:
        b.ask(
            "observes_persons",
            ("collection", "methods"),
            "Hoe worden de gegevens verzameld (collection.methods: formulier, camera, sensor …)?",
            "How are the data collected (collection.methods: form, camera, sensor …)?",
            paths=[b.p("collection")],
        )
    observes_t = b.facts["observes_persons"].value

    b.ask(
        "public_space",
        ("collection", "public_space"),
        "Gebeurt de verzameling in de openbare of openbaar toegankelijke ruimte (collection.public_space)?",
        "Does the collection take place in a public or publicly accessible space (collection.public_space)?",
        value=Tri.of(collection.get("public_space")),
    )

    count = scale.get("data_subjects")
    counts: list[int | None] = [s.get("count") for s in subjects]
    known_counts = [c for c in counts if isinstance(c, int)]
    if isinstance(count, int):
        b.add("large_scale", Tri.of(count >= LARGE_SCALE), [b.p("scale", "data_subjects")])
    elif subjects and len(known_counts) == len(counts):
        b.add("large_scale", Tri.of(sum(known_counts) >= LARGE_SCALE), [b.p("data_subjects")])
    elif sum(known_counts) >= LARGE_SCALE:
        b.add("large_scale", Tri.YES, [b.p("data_subjects")])
    else:
        b.ask(
            "large_scale",
            ("scale", "data_subjects"),
            "Over hoeveel betrokkenen gaat het per jaar (scale.data_subjects; 10.000 of meer is grootschalig)?",
            "How many data subjects per year (scale.data_subjects; 10,000 or more is large scale)?",
        )

    systematic = scale.get("systematic")
    sys_question = b.q(
        ("scale", "systematic"),
        "Worden personen stelselmatig gevolgd of waargenomen (scale.systematic)?",
        "Are people monitored or observed systematically (scale.systematic)?",
    )
    if observes is False and systematic is not True:
        b.add("systematic", Tri.NO, [b.p("collection", "observes_persons")])
    elif systematic is not None:
        b.add("systematic", Tri.of(systematic), [b.p("scale", "systematic")])
    elif (
        observes_t is Tri.YES
        and collection.get("public_space") is True
        and scale.get("frequency") in ("continuous", "daily")
    ):
        b.add(
            "systematic",
            Tri.YES,
            [b.p("collection", "methods"), b.p("collection", "public_space"), b.p("scale", "frequency")],
            "sensoren of camera's nemen dagelijks of doorlopend personen waar in de openbare ruimte",
            "sensors or cameras observe people in public space daily or continuously",
        )
    elif techniques & {"profiling", "scoring"}:
        b.add(
            "systematic",
            Tri.YES,
            [b.p("techniques")],
            "personen worden volgens een vast systeem geprofileerd of gescoord",
            "people are profiled or scored according to a fixed system",
        )
    elif (
        methods_known
        and methods
        and methods <= _FROM_THE_PERSON
        and techniques_known
        and not techniques & {"location_tracking", "profiling", "scoring"}
    ):
        # what a person sends in through a form, app or website, without tracking or profiling, is not monitoring
        b.add("systematic", Tri.NO, [b.p("collection", "methods"), b.p("techniques")])
    else:
        b.add("systematic", Tri.UNKNOWN, [b.p("scale", "systematic")], questions=[sys_question])

    covert = collection.get("covert")
    if covert is not None:
        b.add("covert", Tri.of(covert), [b.p("collection", "covert")])
    elif methods_known and methods and methods <= _FROM_THE_PERSON:
        b.add(
            "covert",
            Tri.NO,
            [b.p("collection", "methods")],
            "de gegevens komen van de persoon zelf",
            "the data come from the person",
        )
    else:
        b.ask(
            "covert",
            ("collection", "covert"),
            "Worden gegevens verzameld zonder dat de betrokkene dat vooraf weet (collection.covert)?",
            "Are data collected without the person knowing beforehand (collection.covert)?",
        )

    # --- data subjects ------------------------------------------------------------------------
    def targeted(i: int, s: Json) -> Tri:
        rel = s.get("relation")
        if rel is not None:
            return Tri.of(rel == "targeted")
        return Tri.YES if len(subjects) == 1 else Tri.UNKNOWN

    def subject_fact(name: str, is_group: Callable[[Json], Tri], purpose_kind: str | None, nl: str, en: str) -> None:
        value = Tri.NO
        paths: list[JsonPath] = []
        for i, s in enumerate(subjects):
            v = targeted(i, s) & is_group(s)
            if v is not Tri.NO:
                paths.append(b.p("data_subjects", i))
            value = value | v
        if purpose_kind is not None:
            hits = purposes_where(lambda pu: pu.get("kind") == purpose_kind)
            if hits:
                value, paths = Tri.YES, hits
        if not subjects and value is Tri.NO:
            value = Tri.UNKNOWN
        questions = [
            b.q(
                ("data_subjects",),
                nl,
                en,
            )
        ]
        b.add(name, value, paths or [b.p("data_subjects")], questions=questions)

    subject_fact(
        "vulnerable_targeted",
        # a group is vulnerable when the description marks it so (vulnerable, minors yes, employees, under 16)
        lambda s: Tri.of(
            s.get("vulnerable") is True
            or s.get("minors") == "yes"
            or s.get("employees") is True
            or s.get("under_16") is True
        ),
        "employee_monitoring",
        "Op welke groep is de verwerking gericht (data_subjects[].relation: targeted of incidental), en is die kwetsbaar (vulnerable, minors, employees)?",
        "Which group is the processing aimed at (data_subjects[].relation: targeted or incidental), and is it vulnerable (vulnerable, minors, employees)?",
    )
    subject_fact(
        "employees_targeted",
        lambda s: Tri.of(s.get("employees")) if s.get("employees") is not None else Tri.NO,
        "employee_monitoring",
        "Is de verwerking gericht op medewerkers (data_subjects[].employees en relation)?",
        "Is the processing aimed at employees (data_subjects[].employees and relation)?",
    )
    subject_fact(
        "children_targeted",
        lambda s: Tri.of(s.get("minors") == "yes" or s.get("under_16") is True),
        None,
        "Is de verwerking gericht op kinderen (data_subjects[].minors en relation)?",
        "Is the processing aimed at children (data_subjects[].minors and relation)?",
    )

    # --- kinds of data -------------------------------------------------------------------------
    def item_fact(
        name: str, pred: Callable[[Json], bool], nl: str, en: str, extra: list[JsonPath] | None = None
    ) -> Tri:
        found = items_where(pred) + (extra or [])
        if found:
            return b.add(name, Tri.YES, found)
        if items:
            return b.add(name, Tri.NO, all_items)
        return b.add(name, Tri.UNKNOWN, all_items, questions=[b.q(("data_items",), nl, en)])

    items_q = (
        "Welke gegevens worden verwerkt, met categorie en type (data_items[].category, type)?",
        "Which data are processed, with category and type (data_items[].category, type)?",
    )
    item_fact(
        "special_data",
        lambda it: (
            it.get("type") == "special"
            or it.get("special_category") is not None
            or it.get("category") in ("health", "biometric")
        ),
        *items_q,
    )
    item_fact("criminal_data", lambda it: it.get("type") == "criminal" or it.get("category") == "criminal", *items_q)
    item_fact(
        "health_data", lambda it: it.get("category") == "health" or it.get("special_category") == "health", *items_q
    )
    item_fact("genetic_data", lambda it: it.get("special_category") == "genetic", *items_q)
    item_fact(
        "sensitive_typed",
        lambda it: it.get("type") in ("sensitive", "special", "criminal"),
        *items_q,
    )
    item_fact("communication_data", lambda it: it.get("category") == "communication", *items_q)
    # the financial situation (income, debts, spending: AP list 5, WP248 4): a financial item typed sensitive,
    # or, where the type is not given, one that comes from outside (a bank, a creditor). A payment status or
    # token the team typed ordinary says what was paid, not how someone stands financially.
    item_fact(
        "financial_situation",
        lambda it: (
            it.get("category") == "financial"
            and (
                it.get("type") == "sensitive"
                or (it.get("type") is None and it.get("source") not in ("municipality", "derived"))
            )
        ),
        *items_q,
    )

    # location data of persons: a tracking method or technique, or a location sensed about people; a place a
    # person gives (the spot of a report) or a fixed sensor's position is not
    loc_paths = items_where(lambda it: it.get("category") == "location" and it.get("source") in ("sensor", "camera"))
    if methods & _TRACKING_METHODS:
        loc_paths.append(b.p("collection", "methods"))
    if "location_tracking" in techniques:
        loc_paths.append(b.p("techniques"))
    if loc_paths and observes is not False:
        b.add("location_data", Tri.YES, loc_paths)
    elif methods_known:
        b.add("location_data", Tri.NO, [*all_items, b.p("collection", "methods")])
    else:  # no location among the items, but a tracking method (wifi, ANPR) would still locate people
        b.add(
            "location_data",
            Tri.UNKNOWN,
            [*all_items, b.p("collection", "methods")],
            questions=[
                b.q(
                    ("collection", "methods"),
                    "Met welke middelen worden de gegevens verzameld (bijvoorbeeld wifi-, bluetooth- of ANPR-sensoren)?",
                    "By what means are the data collected (for example wifi, bluetooth or ANPR sensors)?",
                )
            ]
            if items
            else [b.q(("data_items",), *items_q)],
        )

    bio_paths = items_where(lambda it: it.get("special_category") == "biometric" or it.get("category") == "biometric")
    if "biometric_identification" in techniques:
        bio_paths.append(b.p("techniques"))
    sensors: Json = collection.get("sensors", {})
    if sensors.get("facial_recognition") is True:
        bio_paths.append(b.p("collection", "sensors", "facial_recognition"))
    if bio_paths:
        b.add("biometric_identification", Tri.YES, bio_paths)
    elif items and (techniques_known or sensors.get("facial_recognition") is False or not methods & _CAMERAS):
        b.add("biometric_identification", Tri.NO, [*all_items, b.p("techniques")])
    else:
        b.ask(
            "biometric_identification",
            ("techniques",),
            "Worden personen met biometrie herkend, bijvoorbeeld gezichtsherkenning (techniques: biometric_identification)?",
            "Are people recognised with biometrics, e.g. face recognition (techniques: biometric_identification)?",
        )

    # data on unlawful or antisocial behaviour: criminal data, or conduct recorded for enforcement / public order /
    # fraud control (a purpose kind, not a keyword)
    conduct = items_where(
        lambda it: (
            it.get("type") == "criminal"
            or it.get("category") == "criminal"
            or it.get("conduct") in ("unlawful", "antisocial", "bad_payment")
        )
    )
    if conduct:
        b.add("conduct_data", Tri.YES, conduct)
    elif items:
        b.add("conduct_data", Tri.NO, all_items)
    else:
        b.add("conduct_data", Tri.UNKNOWN, all_items, questions=[b.q(("data_items",), *items_q)])
    # a list of people with a record of unlawful or antisocial conduct that another party supplies (the police, a
    # partner) is exchanged between parties as much as one the municipality hands out (AP type 2, UAVG 33(4)(c))
    supplied = [
        b.p("data_items", i)
        for i, it in enumerate(items)
        if b.p("data_items", i) in conduct and _from_other_party(it, role_of)
    ]
    b.add(
        "conduct_from_other_party",
        Tri.YES if supplied else Tri.NO,
        supplied or all_items,
        "gegevens over strafbaar, onrechtmatig of hinderlijk gedrag komen van een andere partij",
        "data on criminal, unlawful or antisocial conduct come from another party",
    )

    # automated observation of behaviour (AP 16): behaviour derived from what sensors or cameras see of people
    observed = items_where(lambda it: it.get("category") == "behaviour" and it.get("source") in _SENSED_SOURCES)
    if observed and observes_t is Tri.YES:
        b.add("behaviour_observed", Tri.YES, [*observed, b.p("collection", "methods")])
    elif observed and observes_t is Tri.UNKNOWN:
        b.add("behaviour_observed", Tri.UNKNOWN, observed, questions=b.facts["observes_persons"].questions)
    elif items:
        b.add("behaviour_observed", Tri.NO, [*all_items, b.p("collection", "methods")])
    else:
        b.add("behaviour_observed", Tri.UNKNOWN, all_items, questions=[b.q(("data_items",), *items_q)])

    # --- sharing ---------------------------------------------------------------------------------
    # every party the data go to (shared_with and purpose recipients), by its role in parties[]
    receivers: list[tuple[JsonPath, str]] = [
        (b.p("shared_with", i), n) for i, n in enumerate(proc.get("shared_with", []))
    ]
    receivers += [
        (b.p("purposes", i, "recipients", j), n)
        for i, pu in enumerate(purposes)
        for j, n in enumerate(pu.get("recipients", []))
    ]
    role_q = b.q(
        ("shared_with",),
        "Met welke partijen worden de gegevens gedeeld, en wat is hun rol (shared_with; parties[].role)?",
        "Which parties receive the data, and what is their role (shared_with; parties[].role)?",
    )

    def sharing_fact(name: str, roles: frozenset[str], nl: str, en: str) -> None:
        hits = [p for p, n in receivers if role_of.get(n) in roles]
        unknown_roles = [p for p, n in receivers if role_of.get(n) is None]
        if hits:
            b.add(name, Tri.YES, hits, nl, en)
        elif unknown_roles:
            b.add(name, Tri.UNKNOWN, unknown_roles, questions=[role_q])
        elif "shared_with" in proc or receivers:
            b.add(name, Tri.NO, [b.p("shared_with")])
        else:
            b.add(name, Tri.UNKNOWN, [b.p("shared_with")], questions=[role_q])

    sharing_fact(
        "shared_with_third_parties",
        frozenset({"joint_controller", "third_party", "recipient", "provider"}),
        "gedeeld met partijen die geen verwerker zijn",
        "shared with parties that are not processors",
    )
    sharing_fact(
        "shared_in_partnership",
        frozenset({"joint_controller", "third_party"}),
        "gedeeld met partners die zelf verantwoordelijk zijn (gezamenlijk of zelfstandig)",
        "shared with partners that are controllers themselves (joint or independent)",
    )

    # --- purposes --------------------------------------------------------------------------------
    def kind_fact(name: str, wanted: set[str]) -> None:
        hits = purposes_where(lambda pu: pu.get("kind") in wanted)
        if hits:
            b.add(name, Tri.YES, hits)
        elif kinds_known:
            b.add(name, Tri.NO, all_kinds)
        else:
            b.add(name, Tri.UNKNOWN, all_kinds, questions=[kind_question])

    kind_fact("fraud_control", {"fraud_control"})
    kind_fact("enforcement", {"enforcement", "public_order"})

    # --- techniques ------------------------------------------------------------------------------
    tech_q = b.q(
        ("techniques",),
        "Welke technieken gebruikt de verwerking (techniques: profilering, scoren, voorspellen, koppelen, nieuwe technologie …; leeg als geen)?",
        "Which techniques does the processing use (techniques: profiling, scoring, prediction, matching, new technology …; empty when none)?",
    )

    def tech_fact(name: str, wanted: set[str]) -> Tri:
        if techniques & wanted:
            return b.add(name, Tri.YES, [b.p("techniques")])
        if techniques_known:
            return b.add(name, Tri.NO, [b.p("techniques")])
        return b.add(name, Tri.UNKNOWN, [b.p("techniques")], questions=[tech_q])

    tech_fact("evaluation", set(_EVALUATION_TECHNIQUES))
    tech_fact("behaviour_influencing", {"behaviour_influencing"})
    auto = tech_fact("automated_decision", {"automated_decision"})
    significant = algorithm.get("significant_effect")
    b.ask(
        "significant_effect",
        ("algorithm", "significant_effect"),
        "Heeft de uitkomst rechtsgevolgen of een vergelijkbaar wezenlijk gevolg voor personen (algorithm.significant_effect)?",
        "Does the outcome have legal or similarly significant effects on people (algorithm.significant_effect)?",
        value=Tri.of(significant),
    )
    del auto

    # a municipal file reused for a new purpose: every person in it is tested against the criterion of the new
    # purpose (a selection), which is systematic processing of that file whatever the team calls it
    reused = _file_reuse(proc, b.base)
    b.add(
        "file_selection",
        Tri.YES if reused else Tri.NO,
        reused or all_kinds,
        "een bestaand bestand van de gemeente wordt voor een nieuw doel doorzocht: stelselmatige verwerking van dat bestand",
        "an existing municipal file is searched for a new purpose: systematic processing of that file",
    )

    # matching: datasets from different sources or purposes combined; only data from the person and base registers
    # used for the same purpose is what a person expects
    combined = _combined_across_processings(index, description)
    if combined and "matching" not in techniques:
        b.add(
            "matching",
            Tri.YES,
            combined,
            "het project brengt een bestand van de gemeente dat voor een ander doel is verzameld samen met gegevens van een andere verantwoordelijke over dezelfde groep",
            "the project brings a municipal file collected for another purpose together with another controller's data on the same group",
        )
    elif "matching" in techniques:
        foreign = items_where(
            lambda it: (
                it.get("source") not in ("data_subject", "base_register", "municipality", "sensor", "camera", "derived")
            )
        )
        further = [b.p("purposes", i) for i, pu in enumerate(purposes) if pu.get("further_processing") is True]
        if foreign or further:
            b.add(
                "matching",
                Tri.YES,
                [b.p("techniques"), *foreign, *further],
                "gegevens uit andere bronnen of voor andere doelen worden gekoppeld",
                "data from other sources or purposes are combined",
            )
        elif items:
            b.add(
                "matching",
                Tri.NO,
                [b.p("techniques"), *all_items],
                "alleen gegevens van de persoon zelf en uit basisregistraties, voor hetzelfde doel: wat de persoon verwacht",
                "only data from the person and base registers, for the same purpose: what the person expects",
            )
        else:
            b.add("matching", Tri.UNKNOWN, [b.p("techniques")], questions=[b.q(("data_items",), *items_q)])
    else:
        tech_fact("matching", {"matching"})

    # new technology: named as such, or AI / biometric identification; a standard detector that runs transiently
    # on the device is not new
    standard_on_device = edge.get("transient") is True
    if "drone" in methods:
        b.add("new_technology", Tri.YES, [b.p("collection", "methods")], "drones", "drones")
    elif techniques & {"new_technology", "biometric_identification"} or ("ai" in techniques and not standard_on_device):
        b.add("new_technology", Tri.YES, [b.p("techniques")])
    elif techniques_known:
        b.add("new_technology", Tri.NO, [b.p("techniques")])
    else:
        b.add("new_technology", Tri.UNKNOWN, [b.p("techniques")], questions=[tech_q])

    # IoT (AP 14): connected devices that observe people
    iot_methods = methods & _IOT
    if iot_methods and observes_t is not Tri.NO:
        b.add(
            "iot",
            Tri.YES if observes_t is Tri.YES else Tri.UNKNOWN,
            [b.p("collection", "methods")],
            questions=b.facts["observes_persons"].questions,
        )
    elif methods_known:
        b.add(
            "iot",
            Tri.NO,
            [b.p("collection", "methods"), *([b.p("collection", "observes_persons")] if observes is False else [])],
        )
    else:
        b.add("iot", Tri.UNKNOWN, [b.p("collection", "methods")], questions=b.facts["observes_persons"].questions)

    def method_fact(name: str, wanted: frozenset[str]) -> None:
        if methods & wanted:
            b.add(name, Tri.YES if observes is not False else Tri.NO, [b.p("collection", "methods")])
        elif methods_known:
            b.add(name, Tri.NO, [b.p("collection", "methods")])
        else:
            b.add(name, Tri.UNKNOWN, [b.p("collection", "methods")], questions=b.facts["observes_persons"].questions)

    method_fact("camera", _FIXED_CAMERAS)
    method_fact("body_camera", frozenset({"body_camera"}))

    # access to a service / exercise of a right (WP248 9)
    access = proc.get("access_to_service")
    if access is not None:
        b.add("blocks_service", Tri.of(access), [b.p("access_to_service")])
    elif kinds_known and not ({"service", "fraud_control"} & set(kinds)):
        b.add("blocks_service", Tri.NO, all_kinds)
    elif (
        kinds_known
        and "fraud_control" not in kinds
        and techniques_known
        and not techniques & {"profiling", "scoring", "prediction", "automated_decision"}
    ):
        # the processing delivers the service the person asks for, without screening people out
        b.add(
            "blocks_service",
            Tri.NO,
            [*all_kinds, b.p("techniques")],
            "de verwerking levert de gevraagde dienst, zonder personen te selecteren of uit te sluiten",
            "the processing delivers the service asked for, without screening people out",
        )
    else:
        b.ask(
            "blocks_service",
            ("access_to_service",),
            "Bepaalt de uitkomst of iemand een dienst, voorziening of recht krijgt (access_to_service)?",
            "Does the outcome decide whether someone gets a service, benefit or right (access_to_service)?",
        )

    # --- regime ----------------------------------------------------------------------------------
    regime: Json = proc.get("regime", {})
    police_access = regime.get("police_access")
    police_parties = [n for _, n in receivers if kind_of.get(n) in ("police", "boa_organisation")]
    if regime.get("boa_enforcement") is True or police_access in ("live_viewing", "direct_access"):
        b.add(
            "wpg",
            Tri.YES,
            [b.p("regime")],
            "boa-handhaving of live meekijken / directe toegang van de politie: politiegegevens (Wpg)",
            "boa enforcement or live viewing / direct access by the police: police data (Wpg)",
        )
    elif regime.get("boa_enforcement") is False and police_access in ("none", "on_request"):
        b.add("wpg", Tri.NO, [b.p("regime")])
    elif (
        not regime
        and kinds_known
        and not ({"enforcement", "public_order", "safety"} & set(kinds))
        and not police_parties
        and "body_camera" not in methods
        and "parties" in description
    ):
        b.add(
            "wpg",
            Tri.NO,
            [*all_kinds, ("parties",)],
            "geen handhaving, openbare orde of politie in de verwerking",
            "no enforcement, public order or police in the processing",
        )
    else:
        b.ask(
            "wpg",
            ("regime",),
            "Handhaven boa's met deze gegevens, of kijkt de politie mee of heeft zij toegang (regime.boa_enforcement, regime.police_access)?",
            "Do boa's enforce with these data, or do the police watch or have access (regime.boa_enforcement, regime.police_access)?",
        )
    b.add("wpg_dpia_done", Tri.of(regime.get("wpg_dpia_done")), [b.p("regime", "wpg_dpia_done")])

    # --- algorithms and AI -----------------------------------------------------------------------
    def algorithm_fact(
        name: str,
        rel: tuple[str | int, ...],
        stated: Tri | None,
        yes: set[str],
        no: bool,
        question: tuple[str, str],
        note: tuple[str, str] = ("", ""),
    ) -> None:
        """A fact about the algorithm: as the description states it at ``rel``; else yes on one of the ``yes``
        techniques, no when ``no`` (the known techniques rule it out), else the question."""
        if stated is not None:
            b.add(name, stated, [b.p(*rel)])
        elif techniques & yes:
            b.add(name, Tri.YES, [b.p("techniques")], *note)
        elif no:
            b.add(name, Tri.NO, [b.p("techniques")])
        else:
            b.ask(name, rel, *question)

    no_algorithm = techniques_known and not techniques & _ALGORITHM_TECHNIQUES
    high_risk = ai_act.get("high_risk")
    # not an AI system (art. 3(1)): the AI Act's high-risk classes and prohibited practices do not reach it
    not_ai = ai_act.get("ai_system") is False
    if high_risk is None and algorithm.get("high_risk_ai") is not None:  # the v1 field
        b.add("ai_high_risk", Tri.of(algorithm["high_risk_ai"]), [b.p("algorithm", "high_risk_ai")])
    elif high_risk is None and not_ai:
        b.add("ai_high_risk", Tri.NO, [b.p("algorithm", "ai_act", "ai_system")])
    else:
        algorithm_fact(
            "ai_high_risk",
            ("algorithm", "ai_act", "high_risk"),
            None if high_risk is None else Tri.of(high_risk != "none"),
            {"biometric_identification"},
            no_algorithm,
            (
                "Is het AI-systeem hoog-risico volgens de AI-verordening (bijlage III of I; algorithm.ai_act.high_risk)?",
                "Is the AI system high-risk under the AI Act (Annex III or I; algorithm.ai_act.high_risk)?",
            ),
            (
                "biometrische identificatie op afstand is een hoog-risicotoepassing (bijlage III AI-verordening)",
                "remote biometric identification is a high-risk use (AI Act Annex III)",
            ),
        )
    prohibited = ai_act.get("prohibited_practice")
    if prohibited is None and not_ai:
        b.add("ai_prohibited", Tri.NO, [b.p("algorithm", "ai_act", "ai_system")])
    else:
        b.ask(
            "ai_prohibited",
            ("algorithm", "ai_act", "prohibited_practice"),
            "Valt het AI-systeem onder een verboden praktijk van art. 5 AI-verordening (algorithm.ai_act.prohibited_practice)?",
            "Does the AI system fall under a prohibited practice of AI Act art. 5 (algorithm.ai_act.prohibited_practice)?",
            value=Tri.UNKNOWN if prohibited is None else Tri.of(prohibited != "none"),
        )
    b.add("fria_done", Tri.of(ai_act.get("fria_done")), [b.p("algorithm", "ai_act", "fria_done")])
    impactful = algorithm.get("impactful")
    algorithm_fact(
        "impactful_algorithm",
        ("algorithm", "impactful"),
        None if impactful is None else Tri.of(impactful),
        {"profiling", "scoring", "automated_decision", "biometric_identification"},
        techniques_known and not (techniques & _ALGORITHM_TECHNIQUES or algorithm),
        (
            "Is het algoritme impactvol: beïnvloedt het de rechtspositie of het leven van mensen (algorithm.impactful)?",
            "Is the algorithm impactful: does it affect people's legal position or lives (algorithm.impactful)?",
        ),
        (
            "het algoritme profileert, scoort, herkent of besluit over personen",
            "the algorithm profiles, scores, recognises or decides about people",
        ),
    )
    ai_flag = ai_act.get("ai_system")
    algorithm_fact(
        "ai_system",
        ("algorithm", "ai_act", "ai_system"),
        None if ai_flag is None else Tri.of(ai_flag),
        {"ai", "biometric_identification"},
        no_algorithm,
        (
            "Is het een AI-systeem in de zin van de AI-verordening (art. 3(1); algorithm.ai_act.ai_system)?",
            "Is it an AI system as defined by the AI Act (art. 3(1); algorithm.ai_act.ai_system)?",
        ),
    )
    # credit scores (AP 4): an evaluation of creditworthiness, as the description names what the algorithm assesses
    assesses = algorithm.get("assesses")
    if assesses is not None:
        b.add("credit_scoring", Tri.of(assesses == "creditworthiness"), [b.p("algorithm", "assesses")])
    elif b.facts["evaluation"].value is Tri.NO or b.facts["financial_situation"].value is Tri.NO:
        b.add("credit_scoring", Tri.NO, [b.p("techniques"), *all_items])
    else:
        b.ask(
            "credit_scoring",
            ("algorithm", "assesses"),
            "Wat beoordeelt het algoritme: kredietwaardigheid, fraude-risico, hulpbehoefte … (algorithm.assesses)?",
            "What does the algorithm assess: creditworthiness, fraud risk, need for help … (algorithm.assesses)?",
        )

    # --- transfers -------------------------------------------------------------------------------
    _transfer_facts(b, proc, linked, description)
    return Facts(b.target, b.facts, tuple(b.claims))


def _transfer_facts(b: _Builder, proc: Json, linked: list[Json], description: Json) -> None:
    """``tia_needed``: a transfer outside the EEA that needs a transfer impact assessment (or has no valid tool)."""
    transfers: list[Json] = proc.get("transfers", [])
    needed: list[JsonPath] = []
    unknown: list[JsonPath] = []
    notes_nl: list[str] = []
    notes_en: list[str] = []
    for i, t in enumerate(transfers):
        country = t.get("country")
        if country in EEA_COUNTRIES:
            continue
        mech = t.get("mechanism")
        tia = t.get("tia_done", t.get("dtia"))
        path = b.p("transfers", i)
        if mech in _ART46_TOOLS:
            if tia is not True:
                needed.append(path)
                notes_nl.append(f"{country}: {mech} (art. 46) zonder TIA")
                notes_en.append(f"{country}: {mech} (art. 46) without a TIA")
        elif mech == "adequacy":
            if country == _ADEQUATE_NON_EEA_US:
                cert = t.get("recipient_certified_dpf")
                if cert is False:
                    needed.append(path)
                    notes_nl.append("VS: ontvanger niet gecertificeerd onder het Data Privacy Framework")
                    notes_en.append("US: recipient not certified under the Data Privacy Framework")
                elif cert is None:
                    unknown.append(path)
        elif mech == "derogation_art49":
            structural = t.get("structural")
            if structural is True:
                needed.append(path)
                notes_nl.append(f"{country}: art. 49 draagt geen structurele doorgifte")
                notes_en.append(f"{country}: art. 49 does not carry a structural transfer")
            elif structural is None:
                unknown.append(path)
        else:
            needed.append(path)
            shown = mech or "onbekend"
            notes_nl.append(f"{country}: geen geldig doorgifte-instrument ({shown})")
            notes_en.append(f"{country}: no valid transfer tool ({mech or 'unknown'})")
    if not transfers:
        for s in linked:
            hosting: Json = s.get("hosting", {})
            for key in ("country", "support_country", "telemetry_country"):
                c = hosting.get(key)
                if c is not None and c not in EEA_COUNTRIES:
                    sys_index = [x.get("id") for x in description.get("systems", [])].index(s.get("id"))
                    needed.append(("systems", sys_index, "hosting", key))
                    notes_nl.append(f"{c}: systeem {s.get('id')} buiten de EER zonder vastgelegde doorgifte")
                    notes_en.append(f"{c}: system {s.get('id')} outside the EEA without a recorded transfer")
    if needed:
        b.add("tia_needed", Tri.YES, needed, "; ".join(notes_nl), "; ".join(notes_en))
    elif unknown:
        b.add(
            "tia_needed",
            Tri.UNKNOWN,
            unknown,
            questions=[
                Question(
                    p,
                    "Is de ontvanger gecertificeerd onder het EU-VS Data Privacy Framework, en is de doorgifte structureel (recipient_certified_dpf, structural)?",
                    "Is the recipient certified under the EU-US Data Privacy Framework, and is the transfer structural (recipient_certified_dpf, structural)?",
                )
                for p in unknown
            ],
        )
    else:
        b.add("tia_needed", Tri.NO, [b.p("transfers")])


#: where data already held for another task come from (a reused file), and the roles that are not another party
_OWN_FILES = frozenset({"municipality", "base_register"})
_NOT_ANOTHER_PARTY = frozenset({"controller", "processor", "sub_processor"})


def _from_other_party(item: Json, role_of: dict[Any, Any]) -> bool:
    """The item is supplied by another controller: a third party as source, or a named party that is not ours."""
    party = item.get("source_party")
    if isinstance(party, str) and party in role_of:
        return role_of[party] not in _NOT_ANOTHER_PARTY
    return item.get("source") == "third_party"


def _file_reuse(proc: Json, base: JsonPath) -> list[JsonPath]:
    """Paths of the purposes for which the processing reuses the municipality's own files (further processing)."""
    items: list[Json] = proc.get("data_items", [])
    out: list[JsonPath] = []
    for i, pu in enumerate(proc.get("purposes", [])):
        if pu.get("further_processing") is not True:
            continue
        pid = pu.get("id")
        own = [
            j
            for j, it in enumerate(items)
            if it.get("source") in _OWN_FILES and (not it.get("purposes") or pid in it.get("purposes", []))
        ]
        if own:
            out += [(*base, "purposes", i, "further_processing"), *((*base, "data_items", j) for j in own)]
    return out


def _combined_across_processings(index: int, description: Json) -> list[JsonPath]:
    """WP248 6 across the project: one processing reuses a municipal file for a new purpose, another (or the same)
    adds data from another controller about a targeted group; the paths of both sides when this processing is one.
    """
    parties: list[Json] = description.get("parties", [])
    role_of = {p.get("name"): p.get("role") for p in parties}
    reuse: dict[int, list[JsonPath]] = {}
    foreign: dict[int, list[JsonPath]] = {}
    for k, proc in enumerate(description.get("processings", [])):
        base: JsonPath = ("processings", k)
        if reused := _file_reuse(proc, base):
            reuse[k] = reused
        targeted = any(s.get("relation", "targeted") == "targeted" for s in proc.get("data_subjects", []))
        supplied = [
            (*base, "data_items", j)
            for j, it in enumerate(proc.get("data_items", []))
            if it.get("source") not in (*_OWN_FILES, "data_subject", "sensor", "camera", "derived")
            and _from_other_party(it, role_of)
        ]
        if targeted and supplied:
            foreign[k] = supplied
    if not reuse or not foreign or (index not in reuse and index not in foreign):
        return []
    return [p for k in sorted(reuse.keys() | foreign.keys()) for p in (*reuse.get(k, []), *foreign.get(k, []))]


# ---------------------------------------------------------------------------------------------
# project


def project_facts(description: Json) -> Facts:
    """Project-wide facts: a digital service for minors (KIA), new legislation (information only), suppliers abroad."""
    b = _Builder("project", ())
    project: Json = description.get("project", {})
    service: Json = project.get("digital_service", {})
    offered = Tri.of(service.get("offered"))
    minors = Tri.of(service.get("aimed_at_minors"))
    subjects = [s for p in description.get("processings", []) for s in p.get("data_subjects", [])]
    no_minors = bool(subjects) and all(s.get("minors") == "no" for s in subjects)
    paths: list[JsonPath] = [("project", "digital_service")]
    if service.get("aimed_at_minors") is None and no_minors:
        minors = Tri.NO  # every group of data subjects is said to hold no minors: no service is aimed at them
        paths.append(("processings",))
    b.add(
        "service_for_minors",
        offered & minors,
        paths,
        questions=[
            Question(
                ("project", "digital_service"),
                "Biedt het project een digitale dienst aan, en is die (mede) bedoeld voor minderjarigen (digital_service.offered, aimed_at_minors)?",
                "Does the project offer a digital service, and is it (also) aimed at minors (digital_service.offered, aimed_at_minors)?",
            )
        ],
    )
    b.add("new_legislation", Tri.of(project.get("new_legislation")), [("project", "new_legislation")])
    abroad = [
        ("parties", i, "headquarters_country")
        for i, p in enumerate(description.get("parties", []))
        if p.get("headquarters_country") is not None and p["headquarters_country"] not in EEA_COUNTRIES
    ]
    b.add("supplier_hq_outside_eea", Tri.YES if abroad else Tri.NO, abroad or [("parties",)])
    return Facts("project", b.facts, tuple(b.claims))


__all__ = ["LARGE_SCALE", "Claim", "Fact", "Facts", "Question", "Tri", "processing_facts", "project_facts"]

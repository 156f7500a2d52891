"""Normalised views: the small JSON objects a criterion's schemas run against, one per object in scope.

A view is the object itself exactly as in the description (so a schema error's path is a path in
the file), plus context under keys that start with ``_``:

- ``_project``     the project block (every scope except ``project``)
- ``_parties``     all parties
- ``_systems``     the systems this processing uses (processing scope) / all systems (project scope)
- ``_processings`` all processings (project, party and system scope)
- ``_risks``       all risks (project scope)
- ``_derived``     facts pbd computes so JSON Schema can compare them (see ``DERIVED_DOC``)
- ``_screening``   the DPIA screening outcome (see :mod:`pbd.engine.screening`)

Errors at ``_derived.X`` are reported at the description path ``DERIVED_SOURCE[X]`` that X is
computed from; errors in other context keys at their place in the description.
"""

from __future__ import annotations

from typing import Any

from pbd.description.values import duration_days
from pbd.engine.facts import good_design
from pbd.vocabulary import CAMERA_METHODS, EEA_COUNTRIES, OBSERVING_METHODS

Json = dict[str, Any]

#: Pre-scan threshold for "large scale" (number of data subjects per year)
LARGE_SCALE = 10_000

#: what every ``_derived`` key of a processing view means (documented in docs/AUTHORING.md)
DERIVED_DOC: dict[str, str] = {
    "personal_data": "false only when the processing says personal_data: false; otherwise true",
    "large_scale": "scale.data_subjects >= 10000 (absent when the number is unknown)",
    "retention_days": "retention.period in days (absent when not answered)",
    "raw_retention_days": "retention.raw_data_period in days (absent when not answered)",
    "max_item_retention_days": "longest data_items[].retention in days (absent when none)",
    "has_special": "a data item has type special",
    "has_criminal": "a data item has type criminal",
    "has_national_id": "a data item has type national_id or category national_id",
    "has_sensitive": "a data item has type sensitive, or category financial/location/health/biometric",
    "has_financial": "a data item has category financial",
    "has_location": "location-revealing data: category location/licence_plate/device_identifier, or a tracking method/technique",
    "has_image": "a data item has category image or a camera method is used",
    "has_audio": "a data item has category audio or a sound sensor is used",
    "has_biometric": "a data item is biometric (category or special category)",
    "has_health": "a data item has category health or special category health",
    "has_social_media": "a data item has category social_media or collection method social_media",
    "has_device_ids": "a data item has category device_identifier/online_identifier/licence_plate",
    "minors": "a data subject category has minors yes or possible",
    "under_16": "a data subject category has under_16 true",
    "vulnerable": "a data subject category is vulnerable or has minors yes",
    "public_space": "collection.public_space is true",
    "observing": "a sensor, camera, drone or tracker is among collection.methods",
    "cameras": "a camera, ANPR camera or drone is among collection.methods",
    "sensors_in_public_space": "observing and public_space",
    "systematic_monitoring": "scale.systematic, or observing in public space continuously/daily",
    "uses_algorithm": "techniques include algorithm, ai, profiling, scoring, prediction or automated_decision",
    "automated_decision": "techniques include automated_decision",
    "profiling": "techniques include profiling or scoring",
    "behaviour_influencing": "techniques include behaviour_influencing",
    "new_technology": "techniques include new_technology, ai or biometric_identification",
    "matching": "techniques include matching",
    "cloud": "techniques include cloud, or a linked system is hosted as iaas/paas/saas",
    "further_processing": "a purpose has further_processing true",
    "consent": "legal_basis.ground is consent",
    "statutory_ground": "legal_basis.ground is legal_obligation or public_task",
    "transfers_outside_eea": "a transfer, or a linked system's storage/support/telemetry country, is outside the EEA",
    "non_eea_countries": "sorted list of those countries",
    "shares_with_partners": "shared_with is not empty, or a purpose has recipients",
    "external_parties": "a party with role processor, sub_processor, joint_controller, third_party or recipient exists",
    "has_systems": "the processing links at least one system",
    "regime": "wpg when regime.boa_enforcement; mixed (AVG for the municipality, Wpg for what the police see) when the police watch live or have direct access; avg when both are answered and neither holds (absent: unknown)",
    "regime_reason": "why the Wet politiegegevens applies, as text for an exemption (only when regime is wpg)",
    "intrusive": "systematic monitoring, profiling, automated decisions, behaviour influencing, location tracking, covert collection, or special/criminal/biometric data",
    "police_recipient": "a party of kind police or boa_organisation receives data (shared_with or a purpose's recipients), or the police have access (regime.police_access)",
    "employees_monitored": "employees are data subjects and the processing observes or locates them, or a purpose has kind employee_monitoring",
    "hashed_identifiers": "a data item has form hashed or truncated (pseudonymous personal data unless anonymisation is verified by test or audit)",
    "location_tracks": "the processing follows where people are: a GPS tracker or the location_tracking technique (not the location of a reported object)",
    "no_hit_retention_days": "days that data without a hit are kept: retention.rules for no_hit, else retention.raw_data_period",
}

#: description path (relative to the processing) that each derived fact comes from
DERIVED_SOURCE: dict[str, tuple[str | int, ...]] = {
    "personal_data": ("personal_data",),
    "large_scale": ("scale", "data_subjects"),
    "retention_days": ("retention", "period"),
    "raw_retention_days": ("retention", "raw_data_period"),
    "max_item_retention_days": ("data_items",),
    "has_special": ("data_items",),
    "has_criminal": ("data_items",),
    "has_national_id": ("data_items",),
    "has_sensitive": ("data_items",),
    "has_financial": ("data_items",),
    "has_location": ("data_items",),
    "has_image": ("data_items",),
    "has_audio": ("data_items",),
    "has_biometric": ("data_items",),
    "has_health": ("data_items",),
    "has_social_media": ("data_items",),
    "has_device_ids": ("data_items",),
    "minors": ("data_subjects",),
    "under_16": ("data_subjects",),
    "vulnerable": ("data_subjects",),
    "public_space": ("collection", "public_space"),
    "observing": ("collection", "methods"),
    "cameras": ("collection", "methods"),
    "sensors_in_public_space": ("collection",),
    "systematic_monitoring": ("scale",),
    "uses_algorithm": ("techniques",),
    "automated_decision": ("techniques",),
    "profiling": ("techniques",),
    "behaviour_influencing": ("techniques",),
    "new_technology": ("techniques",),
    "matching": ("techniques",),
    "cloud": ("techniques",),
    "further_processing": ("purposes",),
    "consent": ("legal_basis", "ground"),
    "statutory_ground": ("legal_basis", "ground"),
    "transfers_outside_eea": ("transfers",),
    "non_eea_countries": ("transfers",),
    "shares_with_partners": ("shared_with",),
    "external_parties": (),
    "has_systems": ("systems",),
    "regime": ("regime",),
    "regime_reason": ("regime",),
    "intrusive": (),
    "police_recipient": ("shared_with",),
    "employees_monitored": ("data_subjects",),
    "hashed_identifiers": ("data_items",),
    "location_tracks": ("collection", "methods"),
    "no_hit_retention_days": ("retention",),
}

_ALGO = {"algorithm", "ai", "profiling", "scoring", "prediction", "automated_decision"}
_SENSITIVE_CATEGORIES = {"financial", "location", "health", "biometric"}
_LOCATION_CATEGORIES = {"location", "licence_plate", "device_identifier"}
_LOCATION_METHODS = {"gps_tracker", "anpr_camera", "wifi_sensor", "bluetooth_sensor"}
_EXTERNAL_ROLES = {"processor", "sub_processor", "joint_controller", "third_party", "recipient"}
_CLOUD_HOSTING = {"iaas", "paas", "saas"}
_OBSERVING = {m.value for m in OBSERVING_METHODS}
_CAMERAS = {m.value for m in CAMERA_METHODS}


def processing_derived(proc: Json, systems: list[Json], parties: list[Json]) -> Json:
    """The ``_derived`` facts of one processing (keys absent when the answer is unknown)."""
    items: list[Json] = proc.get("data_items", [])
    types = {i.get("type") for i in items}
    cats = {i.get("category") for i in items}
    specials = {i.get("special_category") for i in items}
    subjects: list[Json] = proc.get("data_subjects", [])
    collection: Json = proc.get("collection", {})
    methods = set(collection.get("methods", []))
    techniques = set(proc.get("techniques", []))
    scale: Json = proc.get("scale", {})
    retention: Json = proc.get("retention", {})
    ground = proc.get("legal_basis", {}).get("ground")
    public_space = collection.get("public_space") is True
    # a sensor that measures only objects or the environment (collection.observes_persons: false) observes nobody
    observing = bool(methods & _OBSERVING) and collection.get("observes_persons") is not False

    hashed = any(i.get("form") in ("hashed", "truncated") for i in items)
    anonymisation: Json = proc.get("minimisation", {}).get("anonymisation", {})
    verified_anonymous = anonymisation.get("verification") in ("test", "audit")
    d: Json = {
        # hashed or truncated identifiers stay (pseudonymous) personal data unless anonymisation was verified;
        # verified anonymisation at the source or transient edge processing is none, as in the screening
        "personal_data": (proc.get("personal_data", True) is not False or (hashed and not verified_anonymous))
        and not good_design(proc),
        "has_special": "special" in types,
        "has_criminal": "criminal" in types,
        "has_national_id": "national_id" in types or "national_id" in cats,
        "has_sensitive": "sensitive" in types or bool(cats & _SENSITIVE_CATEGORIES),
        "has_financial": "financial" in cats,
        "has_location": bool(cats & _LOCATION_CATEGORIES)
        or bool(methods & _LOCATION_METHODS)
        or "location_tracking" in techniques,
        "has_image": "image" in cats or bool(methods & _CAMERAS),
        "has_audio": "audio" in cats or "sound_sensor" in methods,
        "has_biometric": "biometric" in cats or "biometric" in specials,
        "has_health": "health" in cats or "health" in specials,
        "has_social_media": "social_media" in cats or "social_media" in methods,
        "has_device_ids": bool(cats & {"device_identifier", "online_identifier", "licence_plate"}),
        "minors": any(s.get("minors") in ("yes", "possible") for s in subjects),
        "under_16": any(s.get("under_16") is True for s in subjects),
        "vulnerable": any(s.get("vulnerable") is True or s.get("minors") == "yes" for s in subjects),
        "public_space": public_space,
        "observing": observing,
        "cameras": bool(methods & _CAMERAS),
        "sensors_in_public_space": observing and public_space,
        "systematic_monitoring": scale.get("systematic") is True
        or (observing and public_space and scale.get("frequency") in ("continuous", "daily")),
        "uses_algorithm": bool(techniques & _ALGO),
        "automated_decision": "automated_decision" in techniques,
        "profiling": bool(techniques & {"profiling", "scoring"}),
        "behaviour_influencing": "behaviour_influencing" in techniques,
        "new_technology": bool(techniques & {"new_technology", "ai", "biometric_identification"}),
        "matching": "matching" in techniques,
        "cloud": "cloud" in techniques or any(s.get("hosting", {}).get("model") in _CLOUD_HOSTING for s in systems),
        "further_processing": any(p.get("further_processing") is True for p in proc.get("purposes", [])),
        "consent": ground == "consent",
        "statutory_ground": ground in ("legal_obligation", "public_task"),
        "shares_with_partners": bool(proc.get("shared_with"))
        or any(p.get("recipients") for p in proc.get("purposes", [])),
        "external_parties": any(p.get("role") in _EXTERNAL_ROLES for p in parties),
        "has_systems": bool(proc.get("systems")),
    }
    count = scale.get("data_subjects")
    if count is not None:
        d["large_scale"] = count >= LARGE_SCALE
    if "period" in retention:
        d["retention_days"] = duration_days(retention["period"])
    if "raw_data_period" in retention:
        d["raw_retention_days"] = duration_days(retention["raw_data_period"])
    item_days = [duration_days(i["retention"]) for i in items if "retention" in i]
    if item_days:
        d["max_item_retention_days"] = max(item_days)
    countries = _non_eea(proc, systems)
    d["transfers_outside_eea"] = bool(countries)
    d["non_eea_countries"] = countries
    d.update(_judgement_facts(proc, parties, d, hashed))
    return d


_POLICE_KINDS = {"police", "boa_organisation"}
_EMPLOYEE_PURPOSES = {"employee_monitoring"}


def _judgement_facts(proc: Json, parties: list[Json], d: Json, hashed: bool) -> Json:
    """Facts of format v2 for the lawfulness, purpose, minimisation and storage criteria (issue #11)."""
    out: Json = {"hashed_identifiers": hashed}
    regime: Json = proc.get("regime", {})
    boa = regime.get("boa_enforcement")
    access = regime.get("police_access")
    if boa is True:
        # the municipality's own boa's process police data: the Wpg governs this processing
        out["regime"] = "wpg"
        out["regime_reason"] = "Wet politiegegevens: boa's handhaven met deze gegevens / boa's enforce with these data"
    elif access in ("live_viewing", "direct_access"):
        # what the police watch or take is police data (Wpg), but the municipality's own processing for its
        # own purposes stays under the AVG: both regimes, so the AVG criteria keep applying
        out["regime"] = "mixed"
    elif boa is False and access is not None:
        out["regime"] = "avg"
    purposes: list[Json] = proc.get("purposes", [])
    kinds = {p.get("kind") for p in purposes}
    methods = set(proc.get("collection", {}).get("methods", []))
    techniques = set(proc.get("techniques", []))
    # where a person moves, not where a reported object is: a tracker, or tracking as a technique
    out["location_tracks"] = "gps_tracker" in methods or "location_tracking" in techniques
    out["intrusive"] = (
        any(
            d.get(k) is True
            for k in (
                "systematic_monitoring",
                "profiling",
                "automated_decision",
                "behaviour_influencing",
                "has_special",
                "has_criminal",
                "has_biometric",
            )
        )
        or out["location_tracks"]
        or proc.get("collection", {}).get("covert") is True
    )
    police = {str(p.get("name", "")).strip().casefold() for p in parties if p.get("kind") in _POLICE_KINDS}
    named = [str(n) for n in proc.get("shared_with", [])] + [str(r) for p in purposes for r in p.get("recipients", [])]
    out["police_recipient"] = any(n.strip().casefold() in police for n in named) or access in (
        "on_request",
        "live_viewing",
        "direct_access",
    )
    subjects: list[Json] = proc.get("data_subjects", [])
    employees = any(s.get("employees") is True for s in subjects)
    out["employees_monitored"] = bool(kinds & _EMPLOYEE_PURPOSES) or (
        employees and (d.get("observing") is True or out["location_tracks"])
    )
    retention: Json = proc.get("retention", {})
    no_hit = [
        duration_days(r["period"])
        for r in retention.get("rules", [])
        if r.get("applies_to") == "no_hit" and "period" in r
    ]
    if no_hit:
        out["no_hit_retention_days"] = max(no_hit)
    elif "raw_data_period" in retention:
        out["no_hit_retention_days"] = duration_days(retention["raw_data_period"])
    return out


def _non_eea(proc: Json, systems: list[Json]) -> list[str]:
    found = {t["country"] for t in proc.get("transfers", []) if t.get("country") not in EEA_COUNTRIES}
    for system in systems:
        hosting = system.get("hosting", {})
        for key in ("country", "support_country", "telemetry_country"):
            country = hosting.get(key)
            if country is not None and country not in EEA_COUNTRIES:
                found.add(country)
    return sorted(found)


#: system types that are devices at the edge (sensors, cameras, gateways)
DEVICE_TYPES = frozenset({"edge_device", "sensor_network"})
#: system types residents use themselves
RESIDENT_TYPES = frozenset({"app", "website"})
#: the processing facts that concern what is observed; a system only takes them over from the
#: processings it serves when it is a device (a platform receives the data, it does not observe)
_OBSERVING_FACTS = ("observing", "cameras", "sensors_in_public_space", "has_audio")


def system_type(system: Json) -> str:
    """The system's type: ``type`` as declared, else inferred from the hosting model (edge -> edge_device,
    saas -> saas, anything else -> platform)."""
    declared = system.get("type")
    if isinstance(declared, str):
        return declared
    model = system.get("hosting", {}).get("model")
    return "edge_device" if model == "edge" else "saas" if model == "saas" else "platform"


def system_derived(system: Json, served: list[Json], served_derived: list[Json]) -> Json:
    """``_derived`` of a system: where it runs, what it is, and the facts of its own role.

    What the system is (``system_type``: declared, or inferred from the hosting) decides which of
    its processings' facts it carries: a device at the edge observes (``devices``, ``observing``,
    ``cameras``, ``has_audio``); a platform, SaaS service, back office or data warehouse stores
    (``stores_data``) and has users; an app or website is where residents interact
    (``resident_interface``, also for a back end whose processing collects through an app,
    website or form). Facts about the data (``personal_data``, ``uses_algorithm``, ``consent``,
    ``minors``, ``has_financial``, ``further_processing`` …) are OR-ed in from the processings the
    system serves; ``personal_data`` is false only when every one of them says
    ``personal_data: false``. ``anpr`` needs an ANPR camera (a licence plate in a permit
    application is no ANPR); ``mac_tracking`` a Wi-Fi or Bluetooth sensor or a device identifier.
    """
    hosting = system.get("hosting", {})
    countries = sorted(
        {
            hosting[k]
            for k in ("country", "support_country", "telemetry_country")
            if hosting.get(k) and hosting[k] not in EEA_COUNTRIES
        }
    )
    kind = system_type(system)
    device = kind in DEVICE_TYPES
    d: Json = {}
    for pd in served_derived:
        for key, value in pd.items():
            if isinstance(value, bool):
                d[key] = d.get(key, False) or value
    d["personal_data"] = any(pd.get("personal_data", True) for pd in served_derived)
    if not device:
        for key in _OBSERVING_FACTS:
            d[key] = False
    methods = {m for p in served for m in p.get("collection", {}).get("methods", [])}
    categories = {i.get("category") for p in served for i in p.get("data_items", [])}
    d.update(
        {
            "outside_eea": bool(countries),
            "non_eea_countries": countries,
            "external_hosting": hosting.get("model") in _CLOUD_HOSTING,
            "processings": [p["id"] for p in served],
            "system_type": kind,
            "devices": device,
            "stores_data": not device and kind not in RESIDENT_TYPES,
            "anpr": "anpr_camera" in methods,
            "mac_tracking": bool(methods & {"wifi_sensor", "bluetooth_sensor"}) or "device_identifier" in categories,
            "resident_interface": kind in RESIDENT_TYPES or (not device and bool(methods & {"app", "website", "form"})),
            "supplied": bool(system.get("supplier")) or hosting.get("model") in _CLOUD_HOSTING,
        }
    )
    return d


def party_derived(party: Json) -> Json:
    country = party.get("country")
    d: Json = {"external": party.get("role") in _EXTERNAL_ROLES}
    if country is not None:
        d["outside_eea"] = country not in EEA_COUNTRIES
    return d

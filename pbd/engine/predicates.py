"""Named predicates: the checks JSON Schema cannot express, in one explicit registry.

A predicate takes the criterion's view of one object (see :mod:`pbd.engine.views`) and returns the
problems it finds; an empty list means the criterion is met. Each problem is a
:class:`PredicateResult` with status ``gap`` (the answer is there and wrong) or ``open`` (the
answer needed is missing), the path inside the view where it is, and a short explanation in
Dutch and English. A criterion names its predicate in its ``predicate`` field.

To add one: write a function ``def my_check(view: Json) -> list[PredicateResult]`` below, add it to
``PREDICATES`` at the bottom, and give the criterion cases that exercise it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pbd.description.placeholders import is_placeholder
from pbd.description.values import duration_days
from pbd.vocabulary import EEA_COUNTRIES, OBSERVING_METHODS

Json = dict[str, Any]
ViewPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class PredicateResult:
    status: str  # "gap" or "open"
    path: ViewPath
    detail_nl: str
    detail_en: str


def _about_item(status: str, i: int, item: Json, field: str, nl: str, en: str) -> PredicateResult:
    """A problem with field ``field`` of data item ``i``; ``{}`` in the texts is the item's name."""
    name = item.get("name")
    return PredicateResult(status, ("data_items", i, field), nl.format(name), en.format(name))


def data_items_serve_a_purpose(view: Json) -> list[PredicateResult]:
    """Every data item names at least one purpose of its processing (purposes must have ids)."""
    out: list[PredicateResult] = []
    purposes = {p.get("id") for p in view.get("purposes", []) if p.get("id")}
    for i, item in enumerate(view.get("data_items", [])):
        linked = item.get("purposes")
        if not linked:
            if "necessity" in item:
                continue  # the necessity is argued in words; DM-01 accepts that
            out.append(
                _about_item(
                    "open",
                    i,
                    item,
                    "purposes",
                    "bij '{}' staat niet voor welk doel het nodig is",
                    "'{}' does not say which purpose needs it",
                )
            )
        elif not set(linked) & purposes:
            out.append(
                _about_item(
                    "gap",
                    i,
                    item,
                    "purposes",
                    "'{}' verwijst niet naar een doel van deze verwerking",
                    "'{}' does not refer to a purpose of this processing",
                )
            )
    return out


def non_eea_transfers_recorded(view: Json) -> list[PredicateResult]:
    """Every non-EEA country the processing reaches (transfers or a linked system's hosting) is a recorded transfer."""
    recorded = {t.get("country") for t in view.get("transfers", [])}
    missing = [c for c in view.get("_derived", {}).get("non_eea_countries", []) if c not in recorded]
    if not missing:
        return []
    countries = ", ".join(missing)
    return [
        PredicateResult(
            "open",
            ("transfers",),
            f"gegevens gaan naar of zijn in te zien vanuit {countries} (buiten de EER), maar die doorgifte en het mechanisme ervan staan niet onder 'transfers'",
            f"data go to or can be accessed from {countries} (outside the EEA), but that transfer and its mechanism are not recorded under 'transfers'",
        )
    ]


def shared_data_tied_to_a_purpose(view: Json) -> list[PredicateResult]:
    """Every party in ``shared_with`` is a recipient of at least one purpose of the processing (DB-03)."""
    shared: list[str] = view.get("shared_with", [])
    if not shared:
        return []
    if "purposes" not in view:
        return [
            PredicateResult(
                "open",
                ("purposes",),
                "gegevens worden gedeeld, maar de doelen (met hun ontvangers) staan er nog niet",
                "data are shared, but the purposes (with their recipients) are not given yet",
            )
        ]
    named = {r.strip().casefold() for p in view["purposes"] for r in p.get("recipients", [])}
    return [
        PredicateResult(
            "gap",
            ("shared_with", j),
            f"'{name}' ontvangt gegevens, maar staat bij geen enkel doel als ontvanger",
            f"'{name}' receives data but is not a recipient of any purpose",
        )
        for j, name in enumerate(shared)
        if name.strip().casefold() not in named
    ]


# --- accountability: the risk register (VA-12, VA-13) and the processing agreement (VA-16) ----------

_LEVELS = {"laag": 0, "midden": 1, "hoog": 2}
_LEVEL_NAMES = ("laag", "midden", "hoog")
_LEVEL_EN = {"laag": "low", "midden": "medium", "hoog": "high"}


def inherent_risk(likelihood: str, impact: str) -> str:
    """The risk level of likelihood x impact on the 3x3 matrix pbd uses for the Model DPIA (see VA-13).

    low x low and low x medium give low; low x high and medium x medium give medium; medium x high and
    high x high give high.
    """
    score = _LEVELS[likelihood] + _LEVELS[impact]
    return _LEVEL_NAMES[0 if score <= 1 else 1 if score == 2 else 2]


def risk_register_covers_sources(view: Json) -> list[PredicateResult]:
    """Project view: risks are recorded, and a supplier headquartered outside the EEA has a risk on its processings (VA-12)."""
    risks: list[Json] = view.get("_risks", [])
    if not risks:
        return [
            PredicateResult(
                "open",
                ("_risks",),
                "er staan nog geen risico's in de risicoparagraaf: beschrijf elk risico met bron, kans en impact (met motivering), maatregelen en restrisico",
                "no risks are recorded in the risk section yet: describe each risk with its origin, likelihood and impact (with reasons), measures and residual risk",
            )
        ]
    processings: list[Json] = view.get("_processings", [])
    foreign_hq = {
        str(p["name"]).casefold(): p["headquarters_country"]
        for p in view.get("_parties", [])
        if p.get("headquarters_country") and p["headquarters_country"] not in EEA_COUNTRIES
    }
    linked = {pid for r in risks for pid in r.get("processings", [])}
    missing: list[str] = []
    for system in view.get("_systems", []):
        hosting: Json = system.get("hosting", {})
        hq = hosting.get("provider_hq_country")
        if hq is None:
            for name in (system.get("supplier"), hosting.get("provider")):
                if name and str(name).casefold() in foreign_hq:
                    hq = foreign_hq[str(name).casefold()]
        if hq is None or hq in EEA_COUNTRIES:
            continue
        served = {
            p["id"]
            for p in processings
            if p.get("personal_data") is not False and (system["id"] in p.get("systems", []) or not p.get("systems"))
        }
        if served and not served & linked:
            missing.append(f"{system['id']} ({hq})")
    if not missing:
        return []
    names = ", ".join(missing)
    return [
        PredicateResult(
            "open",
            ("_risks",),
            f"de leverancier van {names} heeft zijn hoofdkantoor buiten de EER; geen risico in de risicoparagraaf gaat over de verwerkingen die dat systeem gebruikt (afgedwongen toegang onder buitenlands recht is een risico, geen doorgifte)",
            f"the supplier of {names} is headquartered outside the EEA; no risk in the risk section concerns the processings that use that system (compelled access under foreign law is a risk, not a transfer)",
        )
    ]


def residual_risk_follows_measures(view: Json) -> list[PredicateResult]:
    """Project view: a residual risk lower than likelihood x impact needs measures (VA-13)."""
    out: list[PredicateResult] = []
    for i, risk in enumerate(view.get("_risks", [])):
        likelihood, impact, residual = risk.get("likelihood"), risk.get("impact"), risk.get("residual")
        if residual is None and risk.get("residual_likelihood") and risk.get("residual_impact"):
            residual = inherent_risk(risk["residual_likelihood"], risk["residual_impact"])
        if likelihood is None or impact is None or residual is None:
            continue  # VA-12 asks for the missing answers
        inherent = inherent_risk(likelihood, impact)
        if _LEVELS[residual] < _LEVELS[inherent] and not risk.get("measures"):
            out.append(
                PredicateResult(
                    "gap",
                    ("_risks", i, "residual"),
                    f"restrisico '{residual}' is lager dan het risico '{inherent}' (kans {likelihood} × impact {impact}), maar er staan geen maatregelen bij",
                    f"residual risk '{_LEVEL_EN[residual]}' is lower than the risk '{_LEVEL_EN[inherent]}' (likelihood {_LEVEL_EN[likelihood]} × impact {_LEVEL_EN[impact]}), but no measures are listed",
                )
            )
    return out


_ART28_CLAUSES: tuple[tuple[str, str, str, str], ...] = (
    ("instructions", "a", "alleen op instructie", "only on instructions"),
    ("confidentiality", "b", "geheimhouding", "confidentiality"),
    ("security", "c", "beveiliging", "security"),
    ("sub_processors", "d", "subverwerkers", "sub-processors"),
    ("data_subject_rights", "e", "hulp bij rechten van betrokkenen", "help with data subject rights"),
    ("assistance", "f", "hulp bij beveiliging, datalekken en DPIA", "help with security, breaches and DPIA"),
    ("deletion_or_return", "g", "wissen of teruggeven", "deletion or return"),
    ("audits", "h", "informatie en audits", "information and audits"),
)


def processing_agreement_covers_art28(view: Json) -> list[PredicateResult]:
    """Party view: the processing agreement covers every point of AVG 28(3)(a)-(h) (VA-16)."""
    covers = view.get("agreement_covers")
    if covers is None:
        return [
            PredicateResult(
                "open",
                ("agreement_covers",),
                "nog niet vastgelegd welke punten van art. 28(3)(a)–(h) AVG de verwerkersovereenkomst regelt",
                "not yet recorded which points of GDPR art. 28(3)(a)–(h) the processing agreement covers",
            )
        ]
    missing = [c for c in _ART28_CLAUSES if c[0] not in covers]
    if not missing:
        return []
    return [
        PredicateResult(
            "gap",
            ("agreement_covers",),
            "de verwerkersovereenkomst regelt niet: " + "; ".join(f"28(3)({c[1]}) {c[2]}" for c in missing),
            "the processing agreement does not cover: " + "; ".join(f"28(3)({c[1]}) {c[3]}" for c in missing),
        )
    ]


# ---------------------------------------------------------------------------------------------
# lawfulness, purpose and storage (groups RM, DB, OB; issue #11)

_POLICE_KINDS = ("police", "boa_organisation")
#: retention rule bases that carry a period beyond the ceiling (recorded per rule)
_GROUNDED_BASES = ("statute", "selectielijst", "investigation")


def _police_names(view: Json) -> set[str]:
    return {
        str(p.get("name", "")).strip().casefold() for p in view.get("_parties", []) if p.get("kind") in _POLICE_KINDS
    }


def criminal_data_from_police_under_wpg(view: Json) -> list[PredicateResult]:
    """Criminal data that come from a police or boa party name the Wpg provision they are disclosed under (RM-06)."""
    police = _police_names(view)
    out: list[PredicateResult] = []
    for i, item in enumerate(view.get("data_items", [])):
        if item.get("type") != "criminal" and item.get("category") != "criminal":
            continue
        if str(item.get("source_party", "")).strip().casefold() not in police:
            continue
        provision = str(item.get("uavg_provision", ""))
        if re.search(r"(?i)\bwpg\b|wet politiegegevens|police data act", provision):
            continue
        out.append(
            _about_item(
                "gap",
                i,
                item,
                "uavg_provision",
                "'{}' komt van de politie of boa's; die verstrekken alleen op grond van de Wet politiegegevens, en die bepaling staat er niet bij",
                "'{}' comes from the police or boa's; they disclose only under the Police Data Act, and that provision is not given",
            )
        )
    return out


def police_disclosure_has_a_basis(view: Json) -> list[PredicateResult]:
    """Every disclosure to a police or boa party is a purpose with that recipient and a statutory basis (DB-05)."""
    police = _police_names(view)
    purposes: list[Json] = view.get("purposes", [])
    out: list[PredicateResult] = []
    served = False
    # camera surveillance the mayor designated under Gemeentewet art. 151c: the police watching is the measure
    # itself, on that statutory basis, not a later disclosure of the municipality's data
    art_151c = view.get("collection", {}).get("camera_rules", {}).get("art_151c") is True
    for i, purpose in enumerate(purposes):
        if not any(str(r).strip().casefold() in police for r in purpose.get("recipients", [])):
            continue
        served = True
        if art_151c and purpose.get("further_processing") is not True:
            continue
        compatibility = purpose.get("compatibility")
        if compatibility is None:
            out.append(
                PredicateResult(
                    "open",
                    ("purposes", i, "compatibility"),
                    "nog niet vastgelegd op welke wettelijke bepaling of eigen grondslag de verstrekking aan politie of boa's rust",
                    "not yet recorded which statutory provision or legal ground of its own the disclosure to the police or boa's rests on",
                )
            )
        elif compatibility not in ("permitted_by_law", "own_legal_ground"):
            out.append(
                PredicateResult(
                    "gap",
                    ("purposes", i, "compatibility"),
                    "verstrekking aan politie of boa's vraagt een wettelijke bepaling of een eigen grondslag; een verenigbaarheidstoets alleen is niet genoeg",
                    "disclosure to the police or boa's needs a statutory provision or a legal ground of its own; a compatibility test alone is not enough",
                )
            )
        if compatibility is not None and not purpose.get("compatibility_assessment"):
            out.append(
                PredicateResult(
                    "open",
                    ("purposes", i, "compatibility_assessment"),
                    "de onderbouwing van de verstrekking aan politie of boa's is nog niet vastgelegd",
                    "the reasoning for the disclosure to the police or boa's is not yet recorded",
                )
            )
    for j, name in enumerate(view.get("shared_with", [])):
        key = str(name).strip().casefold()
        if key in police and not any(
            str(r).strip().casefold() == key for p in purposes for r in p.get("recipients", [])
        ):
            out.append(
                PredicateResult(
                    "gap",
                    ("shared_with", j),
                    f"'{name}' (politie of boa's) krijgt gegevens, maar geen doel noemt hen als ontvanger",
                    f"'{name}' (police or boa's) receives data, but no purpose names them as recipient",
                )
            )
    access = view.get("regime", {}).get("police_access")
    if access in ("on_request", "live_viewing", "direct_access") and not served and not out:
        out.append(
            PredicateResult(
                "open",
                ("purposes",),
                "de politie heeft toegang tot de gegevens, maar geen doel noemt een partij van de politie of boa's als ontvanger",
                "the police have access to the data, but no purpose names a police or boa party as recipient",
            )
        )
    return out


def purpose_descriptions_answered(view: Json) -> list[PredicateResult]:
    """A purpose whose (required) description only promises an answer is not specified (DB-01)."""
    return [
        PredicateResult(
            "open",
            ("purposes", i, "description"),
            f"‘{p['description']}’ is geen antwoord: het doel is nog niet beschreven",
            f"‘{p['description']}’ is not an answer: the purpose is not described yet",
        )
        for i, p in enumerate(view.get("purposes", []))
        if isinstance(p.get("description"), str) and is_placeholder(p["description"])
    ]


def _days(value: Any) -> float | None:
    try:
        return duration_days(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _show_days(days: float) -> str:
    return f"{days:g}"


def _distinct(candidates: list[tuple[ViewPath, float]]) -> list[tuple[ViewPath, float]]:
    """A retention rule that repeats a period already reported adds nothing; an item's own period is its own finding."""
    seen: set[float] = set()
    out = []
    for candidate in candidates:
        if candidate[0][:2] == ("retention", "rules") and candidate[1] in seen:
            continue
        seen.add(candidate[1])
        out.append(candidate)
    return out


def _exception(view: Json) -> tuple[bool, list[PredicateResult]]:
    """Whether a recorded ceiling exception covers the processing; open findings when it is half answered."""
    exc = view.get("retention", {}).get("ceiling_exception")
    if exc is None:
        return False, []
    missing = [k for k in ("reason", "decided_by") if not exc.get(k)]
    if not missing:
        return True, []
    return True, [
        PredicateResult(
            "open",
            ("retention", "ceiling_exception", k),
            f"uitzondering op de bewaartermijn vastgelegd, maar zonder {'reden' if k == 'reason' else 'besluitnemer'}",
            f"exception to the retention ceiling recorded, but without {'reason' if k == 'reason' else 'decision-maker'}",
        )
        for k in missing
    ]


def _answered(value: Any) -> bool:
    """A text that says something (placeholders are stripped before the predicates run)."""
    return isinstance(value, str) and bool(value.strip())


def _item_period_reasoned(item: Json, retention: Json) -> bool:
    """Whether an item's own retention period is explained: by its own justification, by a rule for the item
    (``item:<name>``) or for the same period with a reason, or by the processing's justified period when the
    item is kept exactly as long."""
    if _answered(item.get("retention_justification")):
        return True
    days = _days(item.get("retention"))
    for rule in retention.get("rules", []):
        if not _answered(rule.get("reason")):
            continue
        if rule.get("applies_to") == f"item:{item.get('name')}" or (
            days is not None and _days(rule.get("period")) == days
        ):
            return True
    return days is not None and _days(retention.get("period")) == days and _answered(retention.get("justification"))


def retention_is_grounded(view: Json) -> list[PredicateResult]:
    """Every period has its reason, and one beyond a year rests on a statute, the selectielijst or a recorded
    exception (OB-01).

    A data item kept for a period of its own needs a reason for it, unless a retention rule or the
    processing's justified period already gives one for that period. Counts and aggregates made from the
    data (``form: aggregated`` or ``anonymised``) no longer identify anyone: the year limit is not theirs
    (art. 5(1)(e) covers data in a form that permits identification)."""
    retention: Json = view.get("retention", {})
    out: list[PredicateResult] = []
    for i, item in enumerate(view.get("data_items", [])):
        if "retention" in item and not _item_period_reasoned(item, retention):
            out.append(
                _about_item(
                    "open",
                    i,
                    item,
                    "retention_justification",
                    "nog niet vastgelegd waarom ‘{}’ zo lang wordt bewaard: geen motivering bij het gegeven, en geen bewaarregel of algemene termijn die dezelfde termijn onderbouwt",
                    "not yet recorded why ‘{}’ is kept that long: no justification with the item, and no retention rule or general period that grounds the same period",
                )
            )
    covered, excepted = _exception(view)
    out += excepted
    if covered:
        return out
    archive = bool(retention.get("archive_selection_list")) or any(
        r.get("basis") in ("statute", "selectielijst") and r.get("applies_to", "all") == "all"
        for r in retention.get("rules", [])
    )
    candidates: list[tuple[ViewPath, float]] = []
    days = _days(retention.get("period"))
    if days is not None and not archive:
        candidates.append((("retention", "period"), days))
    for i, rule in enumerate(retention.get("rules", [])):
        days = _days(rule.get("period"))
        if days is not None and rule.get("basis") not in _GROUNDED_BASES:
            candidates.append((("retention", "rules", i, "period"), days))
    for i, item in enumerate(view.get("data_items", [])):
        days = _days(item.get("retention"))
        if days is not None and not archive and item.get("form") not in ("aggregated", "anonymised"):
            candidates.append((("data_items", i, "retention"), days))
    for path, days in _distinct(candidates):
        if days > 365:
            out.append(
                PredicateResult(
                    "gap",
                    path,
                    f"bewaartermijn van {_show_days(days)} dagen (langer dan een jaar) zonder wettelijke termijn, selectielijst of vastgelegde uitzondering",
                    f"retention of {_show_days(days)} days (longer than a year) without a statutory period, selection list or recorded exception",
                )
            )
    return out


#: ceilings per kind of data (days) and what they are called in a finding
_CEILINGS: dict[str, tuple[float, str, str]] = {
    "camera": (
        28,
        "beelden van cameratoezicht (vier weken, artikel 151c Gemeentewet)",
        "footage of camera surveillance (four weeks, Municipalities Act art. 151c)",
    ),
    "raw": (7, "ruwe sensorgegevens en camerabeelden", "raw sensor data and camera images"),
    "location": (28, "locatiesporen van personen", "location tracks of people"),
    "smart_meter": (365, "slimme-meterdata per kwartier", "quarter-hourly smart meter data"),
    "children": (7, "locatie- of waarnemingsgegevens over kinderen", "location or observation data about children"),
}
_IMAGE_METHODS = {"camera", "drone", "body_camera"}
_OBSERVING = {str(m) for m in OBSERVING_METHODS}


def retention_within_ceiling(view: Json) -> list[PredicateResult]:
    """Retention of high-risk kinds of data stays within its ceiling, unless grounded per rule or by a recorded exception (OB-03)."""
    derived: Json = view.get("_derived", {})
    methods = set(view.get("collection", {}).get("methods", []))
    kinds: list[str] = []
    children = any(
        s.get("minors") == "yes" and s.get("relation", "targeted") == "targeted" for s in view.get("data_subjects", [])
    )
    if children and (derived.get("location_tracks") or derived.get("observing")):
        kinds.append("children")
    art_151c = view.get("collection", {}).get("camera_rules", {}).get("art_151c") is True
    if methods & _IMAGE_METHODS and art_151c:
        kinds.append("camera")  # the four weeks of 151c hold only for camera surveillance under 151c
    if methods & (_OBSERVING | _IMAGE_METHODS) - {"gps_tracker"} - (_IMAGE_METHODS if art_151c else set()):
        kinds.append("raw")
    if derived.get("location_tracks"):
        kinds.append("location")
    if "smart_meter" in methods:
        kinds.append("smart_meter")
    if not kinds:
        return []
    ceiling, name_nl, name_en = min((_CEILINGS[k] for k in kinds), key=lambda c: c[0])
    covered, out = _exception(view)
    if covered:
        return out
    retention: Json = view.get("retention", {})
    candidates: list[tuple[ViewPath, float]] = []
    raw = _days(retention.get("raw_data_period"))
    period = _days(retention.get("period"))
    if raw is not None:
        candidates.append((("retention", "raw_data_period"), raw))
    elif period is not None:
        candidates.append((("retention", "period"), period))
    for i, rule in enumerate(retention.get("rules", [])):
        days = _days(rule.get("period"))
        if days is not None and rule.get("basis") not in _GROUNDED_BASES:
            candidates.append((("retention", "rules", i, "period"), days))
    for i, item in enumerate(view.get("data_items", [])):
        days = _days(item.get("retention"))
        # counts and aggregates made from the observations are no longer raw data: the ceiling is not theirs
        if days is not None and item.get("form") not in ("aggregated", "anonymised"):
            candidates.append((("data_items", i, "retention"), days))
    if not candidates:
        return [
            PredicateResult(
                "open",
                ("retention", "period"),
                f"nog niet vastgelegd hoe lang {name_nl} worden bewaard (plafond {ceiling:g} dagen)",
                f"not yet recorded how long {name_en} are kept (ceiling {ceiling:g} days)",
            )
        ]
    for path, days in _distinct(candidates):
        if days > ceiling:
            out.append(
                PredicateResult(
                    "gap",
                    path,
                    f"{_show_days(days)} dagen is langer dan het plafond voor {name_nl} ({ceiling:g} dagen), zonder grondslag per bewaarregel of vastgelegde uitzondering",
                    f"{_show_days(days)} days exceeds the ceiling for {name_en} ({ceiling:g} days), without a basis per retention rule or a recorded exception",
                )
            )
    return out


def wpg_retention_per_purpose(view: Json) -> list[PredicateResult]:
    """Under the Wpg, each data item has a retention for the purposes it serves (RM-12).

    Police data are kept only as long as the purpose they are processed for needs them, and that term
    differs per purpose. An item is settled by its own period, a rule ``item:<name>``, or a rule with a
    period for every purpose it serves. The processing's general period settles only the items that
    serve all the processing's purposes: a part kept for one purpose alone (a pre-record buffer kept for
    evidence, the metadata of an official report) needs that purpose's term. Only for a processing wholly
    under the Wpg (boa enforcement); OB-01 and OB-03 are exempt there.
    """
    if view.get("_derived", {}).get("regime") != "wpg":
        return []  # mixed: the municipality's own processing stays under the AVG, where OB-01 and OB-03 judge retention
    retention: Json = view.get("retention", {})
    rules: list[Json] = retention.get("rules", [])
    purposes = [str(p["id"]) for p in view.get("purposes", []) if p.get("id")]
    items_ruled = {
        str(r.get("applies_to", "")).removeprefix("item:")
        for r in rules
        if str(r.get("applies_to", "")).startswith("item:")
    }
    timed = {
        str(r.get("applies_to", "")).removeprefix("purpose:")
        for r in rules
        if str(r.get("applies_to", "")).startswith("purpose:") and _days(r.get("period")) is not None
    }
    general = _days(retention.get("period")) is not None or any(
        r.get("applies_to") == "all" and _days(r.get("period")) is not None for r in rules
    )
    out: list[PredicateResult] = []
    for i, item in enumerate(view.get("data_items", [])):
        if _days(item.get("retention")) is not None or item.get("name") in items_ruled:
            continue
        served = [str(p) for p in item.get("purposes", [])]
        if not served or set(served) >= set(purposes):
            if general:
                continue
        elif all(p in timed for p in served):
            continue
        untimed = ", ".join(f"'{p}'" for p in served if p not in timed) or "-"
        out.append(
            _about_item(
                "open",
                i,
                item,
                "retention",
                "onder de Wpg hangt de bewaartermijn af van het doel: voor '{}' (alleen voor "
                + untimed
                + ") staat geen termijn vast; de algemene termijn geldt voor wat alle doelen dient",
                "under the Wpg the retention depends on the purpose: '{}' (only for "
                + untimed
                + ") has no term; the general period covers what serves every purpose",
            )
        )
    return out


def dpia_review_not_overdue(view: Json) -> list[PredicateResult]:
    """A completed DPIA is reviewed by the date the project set for it (VA-01; AVG art. 35(11)).

    The project's view carries the evaluation date as ``_today``; dates are ISO strings, so they compare
    as text. Without a date of evaluation (the screening alone) nothing is judged here."""
    dpia: Json = view.get("dpia", {})
    due, today = dpia.get("review_due"), view.get("_today")
    if dpia.get("status") != "completed" or not isinstance(due, str) or not isinstance(today, str) or due >= today:
        return []
    return [
        PredicateResult(
            "gap",
            ("dpia", "review_due"),
            f"de DPIA had uiterlijk {due} opnieuw beoordeeld moeten worden; leg de herbeoordeling vast (met een nieuwe datum) of herzie de DPIA",
            f"the DPIA was due for review by {due}; record the review (with a new date) or revise the DPIA",
        )
    ]


#: the registry: predicate name -> function
PREDICATES: dict[str, Callable[[Json], list[PredicateResult]]] = {
    "criminal_data_from_police_under_wpg": criminal_data_from_police_under_wpg,
    "retention_is_grounded": retention_is_grounded,
    "police_disclosure_has_a_basis": police_disclosure_has_a_basis,
    "purpose_descriptions_answered": purpose_descriptions_answered,
    "retention_within_ceiling": retention_within_ceiling,
    "wpg_retention_per_purpose": wpg_retention_per_purpose,
    "data_items_serve_a_purpose": data_items_serve_a_purpose,
    "non_eea_transfers_recorded": non_eea_transfers_recorded,
    "shared_data_tied_to_a_purpose": shared_data_tied_to_a_purpose,
    "risk_register_covers_sources": risk_register_covers_sources,
    "residual_risk_follows_measures": residual_risk_follows_measures,
    "processing_agreement_covers_art28": processing_agreement_covers_art28,
    "dpia_review_not_overdue": dpia_review_not_overdue,
}

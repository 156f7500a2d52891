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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pbd.vocabulary import EEA_COUNTRIES

Json = dict[str, Any]
ViewPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class PredicateResult:
    status: str  # "gap" or "open"
    path: ViewPath
    detail_nl: str
    detail_en: str


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
                PredicateResult(
                    "open",
                    ("data_items", i, "purposes"),
                    f"bij '{item.get('name')}' staat niet voor welk doel het nodig is",
                    f"'{item.get('name')}' does not say which purpose needs it",
                )
            )
        elif not set(linked) & purposes:
            out.append(
                PredicateResult(
                    "gap",
                    ("data_items", i, "purposes"),
                    f"'{item.get('name')}' verwijst niet naar een doel van deze verwerking",
                    f"'{item.get('name')}' does not refer to a purpose of this processing",
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


#: the registry: predicate name -> function
PREDICATES: dict[str, Callable[[Json], list[PredicateResult]]] = {
    "data_items_serve_a_purpose": data_items_serve_a_purpose,
    "non_eea_transfers_recorded": non_eea_transfers_recorded,
    "shared_data_tied_to_a_purpose": shared_data_tied_to_a_purpose,
    "risk_register_covers_sources": risk_register_covers_sources,
    "residual_risk_follows_measures": residual_risk_follows_measures,
    "processing_agreement_covers_art28": processing_agreement_covers_art28,
}

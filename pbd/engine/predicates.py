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


#: the registry: predicate name -> function
PREDICATES: dict[str, Callable[[Json], list[PredicateResult]]] = {
    "data_items_serve_a_purpose": data_items_serve_a_purpose,
    "non_eea_transfers_recorded": non_eea_transfers_recorded,
    "shared_data_tied_to_a_purpose": shared_data_tied_to_a_purpose,
}

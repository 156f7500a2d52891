"""The register of processing activities (AVG art. 30(1)): one entry per processing, extracted from descriptions."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pbd import __version__
from pbd.description import LoadedDescription
from pbd.description.model import ImpactClassification, Processing, Security
from pbd.messages import pick
from pbd.messages import t as msg
from pbd.vocabulary import Level, label

Json = dict[str, Any]

#: the columns of the register: key, Dutch and English heading, and the article part it records
COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("file", "Bestand", "File", ""),
    ("organisation", "Organisatie", "Organisation", ""),
    ("project", "Project", "Project", ""),
    ("processing_id", "Kenmerk verwerking", "Processing id", ""),
    ("processing", "Verwerking", "Processing", ""),
    ("controller", "Verwerkingsverantwoordelijke", "Controller", "30(1)(a)"),
    ("contact", "Contactgegevens", "Contact details", "30(1)(a)"),
    ("dpo", "Functionaris gegevensbescherming", "Data protection officer", "30(1)(a)"),
    ("purposes", "Doeleinden", "Purposes", "30(1)(b)"),
    ("legal_basis", "Grondslag", "Legal basis", "6(1)"),
    ("data_subjects", "Categorieën betrokkenen", "Categories of data subjects", "30(1)(c)"),
    ("personal_data", "Categorieën persoonsgegevens", "Categories of personal data", "30(1)(c)"),
    ("recipients", "Categorieën ontvangers", "Categories of recipients", "30(1)(d)"),
    ("transfers", "Doorgifte naar derde landen", "Transfers to third countries", "30(1)(e)"),
    ("retention", "Bewaartermijnen", "Time limits for erasure", "30(1)(f)"),
    ("security", "Beveiligingsmaatregelen", "Security measures", "30(1)(g)"),
    ("systems", "Systemen", "Systems", ""),
)

_CONTROLLER_ROLES = ("controller", "joint_controller")
_SECURITY_ORDER = tuple(Security.model_fields)


def _title(model: Any, field: str, lang: str) -> str:
    info = model.model_fields[field]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(pick(lang, str(info.title), str(extra.get("x-title-en", field))))


def _unique(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def register_entries(loaded: LoadedDescription, lang: str = "nl") -> list[Json]:
    """The register entries of one description: one per processing of personal data, in file order.

    Values are lists of texts (in ``lang``); a list is empty when the description does not answer it.
    """
    data = loaded.data()
    model = loaded.model
    project = model.project
    parties = model.parties or []
    systems = {s.id: s for s in model.systems or []}
    controllers = [p.name for p in parties if p.role is not None and p.role.value in _CONTROLLER_ROLES]
    if not controllers and project.organisation:
        controllers = [project.organisation]
    contact = _unique([project.contact or "", project.department or ""])
    dpo = [project.dpo] if project.dpo else []
    entries: list[Json] = []
    for i, proc in enumerate(model.processings or []):
        if proc.personal_data is False:
            continue
        raw: Json = data["processings"][i]
        entries.append(
            {
                "file": [loaded.name],
                "organisation": [project.organisation] if project.organisation else [],
                "project": [project.name],
                "processing_id": [proc.id],
                "processing": [proc.name] if proc.name else [],
                "controller": controllers,
                "contact": contact,
                "dpo": dpo,
                "purposes": [p.description for p in proc.purposes or []],
                "legal_basis": _legal_basis(proc, lang),
                "data_subjects": [s.category for s in proc.data_subjects or []],
                "personal_data": [
                    _item(it.name, raw["data_items"][j], lang) for j, it in enumerate(proc.data_items or [])
                ],
                "recipients": _recipients(proc),
                "transfers": _transfers(proc, lang),
                "retention": _retention(proc, lang),
                "security": _security(proc, model.project.impact_classification, lang),
                "systems": [systems[s].name or s if s in systems else s for s in proc.systems or []],
            }
        )
    return entries


def _legal_basis(proc: Processing, lang: str) -> list[str]:
    basis = proc.legal_basis
    if basis is None:
        return []
    parts = []
    if basis.ground is not None:
        parts.append(label(basis.ground, lang))
    if basis.provision:
        parts.append(basis.provision)
    return ["; ".join(parts)] if parts else []


def _item(name: str, raw: Json, lang: str) -> str:
    kinds = [label(raw[k], lang, enum) for k, enum in (("category", "DataCategory"), ("type", "DataType")) if k in raw]
    if "special_category" in raw:
        kinds.append(label(raw["special_category"], lang, "SpecialCategory"))
    kinds = _unique(kinds)
    return f"{name} ({', '.join(kinds)})" if kinds else name


def _recipients(proc: Processing) -> list[str]:
    values = list(proc.shared_with or [])
    for p in proc.purposes or []:
        values.extend(p.recipients or [])
    values.extend(t.recipient for t in proc.transfers or [] if t.recipient)
    return _unique(values)


def _transfers(proc: Processing, lang: str) -> list[str]:
    out = []
    for t in proc.transfers or []:
        parts = [t.country]
        if t.recipient:
            parts.append(t.recipient)
        if t.mechanism is not None:
            parts.append(label(t.mechanism, lang))
        if t.supplementary_measures:
            parts.append(t.supplementary_measures)
        out.append(" — ".join(parts))
    return out


def _retention(proc: Processing, lang: str) -> list[str]:
    out = []
    r = proc.retention
    if r is not None:
        if r.period:
            out.append(msg(lang, "register.retention", period=r.period))
        if r.raw_data_period:
            out.append(msg(lang, "register.raw_data", period=r.raw_data_period))
        if r.deletion is not None:
            out.append(msg(lang, "register.deletion", how=label(r.deletion, lang)))
        if r.justification:
            out.append(r.justification)
    for it in proc.data_items or []:
        if it.retention:
            out.append(f"{it.name}: {it.retention}")
    return out


def _security(proc: Processing, impact: ImpactClassification | None, lang: str) -> list[str]:
    s = proc.security
    out = []
    if impact is not None and impact.done:

        def level(value: Level | None) -> str:
            return "?" if value is None else label(value, lang)

        c, i, a = impact.confidentiality, impact.integrity, impact.availability
        out.append(msg(lang, "register.impact_classification", c=level(c), i=level(i), a=level(a)))
    if s is not None:
        answered = s.model_dump(exclude_none=True)
        for name in _SECURITY_ORDER:
            value = answered.get(name)
            if value is True:
                out.append(_title(Security, name, lang))
            elif name == "pentest" and value is not None:
                out.append(f"{_title(Security, name, lang)} {value}")
        if answered and not out:
            out.append(msg(lang, "register.no_measures"))
    m = proc.minimisation
    if m is not None:
        for name in ("pseudonymised", "anonymised", "aggregated_at_source"):
            if getattr(m, name) is True:
                out.append(_title(type(m), name, lang))
    return out


def render_csv(entries: list[Json], lang: str) -> str:
    """One row per entry; several values in one cell are separated by ``; ``; no cell starts a formula."""
    from pbd.render.todo import safe_cell

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([pick(lang, nl, en) for _k, nl, en, _ref in COLUMNS])
    for e in entries:
        writer.writerow([safe_cell("; ".join(e[key])) for key, _nl, _en, _ref in COLUMNS])
    return buf.getvalue()


def render_json(entries: list[Json], lang: str) -> str:
    doc = {
        "register": entries,
        "columns": [{"key": k, "title": pick(lang, nl, en), "article": ref or None} for k, nl, en, ref in COLUMNS],
        "lang": lang,
        "pbd_version": __version__,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


__all__ = ["COLUMNS", "register_entries", "render_csv", "render_json"]

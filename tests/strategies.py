"""Hypothesis strategies that build valid project descriptions from the model's vocabularies."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from pbd.capabilities import CAPABILITIES
from pbd.vocabulary import (
    Agreement,
    Answer,
    Area,
    Art9Exception,
    Classification,
    CollectionMethod,
    Compatibility,
    DataCategory,
    DataType,
    Deletion,
    DpiaStatus,
    Frequency,
    Gate,
    HostingModel,
    KeyHolder,
    LegalGround,
    Level,
    Minors,
    Role,
    Source,
    SpecialCategory,
    Technique,
    TransferMechanism,
)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)
ident = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
duration = st.sampled_from(["PT1M", "PT24H", "P7D", "P30D", "P1Y", "P7Y", "P2W", "P1M"])
country = st.sampled_from(["NL", "DE", "BE", "US", "GB", "IN", "NO", "CH"])
date = st.dates().map(lambda d: d.isoformat())


def enum(e: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in e])


def optional_fields(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with a random subset of the given fields (absent = not answered)."""
    return st.fixed_dictionaries({}, optional=fields)


right = optional_fields(procedure=enum(Answer), explanation=text)

data_item = st.builds(
    lambda name, rest: {"name": name, **rest},
    text,
    optional_fields(
        category=enum(DataCategory),
        type=enum(DataType),
        special_category=enum(SpecialCategory),
        art9_exception=enum(Art9Exception),
        uavg_provision=text,
        source=enum(Source),
        necessity=text,
        optional=st.booleans(),
        pseudonymised=st.booleans(),
        retention=duration,
        national_id=optional_fields(statutory_basis=text),
    ),
)


@st.composite
def processing(draw: st.DrawFn, pid: str, systems: list[str], parties: list[str]) -> dict[str, Any]:
    purpose_ids = draw(st.lists(ident, max_size=3, unique=True))
    purposes = [
        {
            "id": p,
            "description": draw(text),
            **draw(
                optional_fields(
                    further_processing=st.booleans(), compatibility=enum(Compatibility), original_purpose=text
                )
            ),
        }
        for p in purpose_ids
    ]
    items = draw(st.lists(data_item, max_size=4))
    for item in items:
        if purpose_ids and draw(st.booleans()):
            item["purposes"] = draw(st.lists(st.sampled_from(purpose_ids), min_size=1, max_size=2, unique=True))
    body = draw(
        optional_fields(
            name=text,
            description=text,
            personal_data=st.booleans(),
            legal_basis=optional_fields(
                ground=enum(LegalGround),
                provision=text,
                explanation=text,
                consent=optional_fields(
                    recorded=st.booleans(),
                    freely_given=st.booleans(),
                    withdrawal_as_easy=st.booleans(),
                    parental_consent=st.booleans(),
                ),
            ),
            data_subjects=st.lists(
                st.builds(
                    lambda c, r: {"category": c, **r},
                    text,
                    optional_fields(
                        minors=enum(Minors),
                        under_16=st.booleans(),
                        vulnerable=st.booleans(),
                        employees=st.booleans(),
                        count=st.integers(0, 10**6),
                    ),
                ),
                max_size=2,
            ),
            collection=optional_fields(
                methods=st.lists(enum(CollectionMethod), max_size=3, unique=True),
                public_space=st.booleans(),
                covert=st.booleans(),
                sensors=optional_fields(
                    resolution_minimised=st.booleans(),
                    privacy_masking=st.booleans(),
                    audio_recording=st.booleans(),
                    facial_recognition=st.booleans(),
                    edge_processing=st.booleans(),
                ),
            ),
            scale=optional_fields(
                data_subjects=st.integers(0, 10**7),
                area=enum(Area),
                frequency=enum(Frequency),
                systematic=st.booleans(),
            ),
            techniques=st.lists(enum(Technique), max_size=4, unique=True),
            algorithm=optional_fields(
                self_learning=st.booleans(),
                high_risk_ai=st.booleans(),
                impactful=st.booleans(),
                significant_effect=st.booleans(),
                human_intervention=st.booleans(),
                bias_tested=st.booleans(),
            ),
            retention=optional_fields(
                period=duration,
                justification=text,
                raw_data_period=duration,
                deletion=enum(Deletion),
                includes_backups=st.booleans(),
            ),
            minimisation=optional_fields(
                aggregated_at_source=st.booleans(),
                needs_individual_data=st.booleans(),
                pseudonymised=st.booleans(),
                key_holder=enum(KeyHolder),
                privacy_friendly_defaults=st.booleans(),
                treated_as_personal_data=st.booleans(),
            ),
            transparency=optional_fields(
                privacy_statement=text,
                signage=st.booleans(),
                sensor_register=st.booleans(),
                processing_register=st.booleans(),
            ),
            rights=optional_fields(
                access=right, objection=right, erasure=right, opt_out=st.booleans(), response_days=st.integers(0, 90)
            ),
            security=optional_fields(
                classification=enum(Classification),
                encryption_at_rest=st.booleans(),
                access_logging=st.booleans(),
                pentest=date,
                backups=st.booleans(),
            ),
            necessity=optional_fields(
                alternatives_considered=st.lists(text, max_size=2), why_rejected=text, proportionality=text
            ),
            transfers=st.lists(
                st.builds(
                    lambda c, r: {"country": c, **r},
                    country,
                    optional_fields(mechanism=enum(TransferMechanism), dtia=st.booleans()),
                ),
                max_size=2,
            ),
            access_to_service=st.booleans(),
        )
    )
    out: dict[str, Any] = {"id": pid, **body}
    if purposes:
        out["purposes"] = purposes
    if items:
        out["data_items"] = items
    if systems and draw(st.booleans()):
        out["systems"] = draw(st.lists(st.sampled_from(systems), min_size=1, unique=True))
    if parties and draw(st.booleans()):
        out["shared_with"] = draw(st.lists(st.sampled_from(parties), min_size=1, unique=True))
    return out


@st.composite
def descriptions(draw: st.DrawFn) -> dict[str, Any]:
    """A valid description: every reference resolves, ids are unique."""
    party_names = draw(st.lists(text, max_size=3, unique=True))
    system_ids = draw(st.lists(ident, max_size=2, unique=True))
    proc_ids = draw(st.lists(ident, max_size=3, unique=True))
    desc: dict[str, Any] = {
        "project": {
            "name": draw(text),
            **draw(
                optional_fields(
                    phase=enum(Gate),
                    organisation=text,
                    pilot=st.booleans(),
                    new_legislation=st.booleans(),
                    residents_involved=st.booleans(),
                    dpia=optional_fields(status=enum(DpiaStatus), published=st.booleans()),
                    contract=optional_fields(exit_plan=st.booleans(), audit_rights=st.booleans()),
                    digital_service=optional_fields(offered=st.booleans(), aimed_at_minors=st.booleans()),
                )
            ),
        }
    }
    if party_names:
        desc["parties"] = [
            {"name": n, **draw(optional_fields(role=enum(Role), agreement=enum(Agreement), country=country))}
            for n in party_names
        ]
    if proc_ids:
        desc["processings"] = [draw(processing(p, system_ids, party_names)) for p in proc_ids]
    if system_ids:
        desc["systems"] = [
            {
                "id": s,
                **draw(
                    optional_fields(
                        hosting=optional_fields(model=enum(HostingModel), country=country),
                        capabilities=st.lists(st.sampled_from(sorted(CAPABILITIES)), max_size=6, unique=True),
                    )
                ),
            }
            for s in system_ids
        ]
    risks = draw(
        st.lists(
            st.tuples(ident, optional_fields(likelihood=enum(Level), impact=enum(Level), residual=enum(Level))),
            max_size=2,
            unique_by=lambda r: r[0],
        )
    )
    if risks:
        desc["risks"] = [{"id": rid, **rest} for rid, rest in risks]
    return desc

"""Branching: which questions apply, given the answers so far.

:data:`ASK_WHEN` maps a field (by generic path such as ``processings[].legal_basis.provision``) to
the condition under which it is asked. Conditions read the answers given so far through the same
derived facts the criteria use (:func:`pbd.engine.views.processing_derived`), so the questionnaire
asks exactly what the evaluation will look at. A field that already has an answer is always shown,
so no answer is ever hidden (see :class:`pbd.questionnaire.plan.Planner`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pbd.messages import pick
from pbd.questionnaire.paths import Json
from pbd.vocabulary import EEA_COUNTRIES


@dataclass(slots=True)
class Ctx:
    """What a branching condition can read: the answers so far, normalised (enums as values)."""

    root: Json
    obj: Json  # the mapping that holds the field ({} when it does not exist yet)
    item: Json  # the nearest list item around the field ({} at project level)
    proc: Json  # the processing around the field ({} outside processings)
    derived: Json  # the processing's derived facts (pbd.engine.views.processing_derived); {} outside processings


@dataclass(frozen=True, slots=True)
class When:
    """A branching condition with its description in plain words (shown in help and in ``pbd init``)."""

    test: Callable[[Ctx], bool]
    nl: str
    en: str

    def text(self, lang: str) -> str:
        return pick(lang, self.nl, self.en)


_CLOUD = ("iaas", "paas", "saas")
_PERSONAL = When(
    lambda c: c.derived.get("personal_data", True),
    "de verwerking persoonsgegevens betreft",
    "the processing concerns personal data",
)
_OBSERVING = When(
    lambda c: bool(c.derived.get("observing")),
    "er een sensor, camera, drone of tracker wordt gebruikt",
    "a sensor, camera, drone or tracker is used",
)
_CAMERAS = When(
    lambda c: bool(c.derived.get("cameras")), "er camera's of drones worden gebruikt", "cameras or drones are used"
)
_IN_PUBLIC = When(
    lambda c: bool(c.derived.get("sensors_in_public_space")),
    "sensoren of camera's in de openbare ruimte meten",
    "sensors or cameras observe public space",
)
_IN_PUBLIC_OR_NUDGE = When(
    lambda c: bool(c.derived.get("sensors_in_public_space") or c.derived.get("behaviour_influencing")),
    "sensoren of camera's in de openbare ruimte meten, of gedrag wordt beïnvloed",
    "sensors or cameras observe public space, or behaviour is influenced",
)
_ALGORITHM = When(
    lambda c: bool(c.derived.get("uses_algorithm")),
    "er een algoritme, AI, profilering, scoring, voorspelling of geautomatiseerd besluit wordt gebruikt",
    "an algorithm, AI, profiling, scoring, prediction or automated decision is used",
)
_FURTHER = When(
    lambda c: c.item.get("further_processing") is True,
    "het doel gegevens hergebruikt die voor een ander doel zijn verzameld",
    "the purpose reuses data collected for another purpose",
)
_REUSE_OR_RECIPIENTS = When(
    lambda c: c.item.get("further_processing") is True or bool(c.item.get("recipients")),
    "gegevens voor dit doel worden hergebruikt of aan ontvangers gegeven",
    "data for this purpose are reused or given to recipients",
)
_SPECIAL = When(
    lambda c: c.item.get("type") == "special" or c.item.get("category") in ("health", "biometric"),
    "het gegeven bijzonder is (art. 9), of over gezondheid of biometrie gaat",
    "the item is special category data (art. 9), or about health or biometrics",
)
_NON_EEA = When(
    lambda c: "country" in c.item and c.item["country"] not in EEA_COUNTRIES,
    "het land buiten de EER ligt",
    "the country is outside the EEA",
)
_STATUTORY = When(
    lambda c: bool(c.derived.get("statutory_ground")),
    "de grondslag een wettelijke verplichting of een publieke taak is",
    "the ground is a legal obligation or a public task",
)
_DIGITAL = When(
    lambda c: c.obj.get("offered") is True,
    "het project een digitale dienst aanbiedt",
    "the project offers a digital service",
)
_DPIA_STARTED = When(
    lambda c: c.obj.get("status") in ("in_progress", "completed", "not_needed"),
    "de DPIA loopt, is afgerond of niet nodig bevonden",
    "the DPIA is in progress, completed or found not needed",
)

_POLICE_KINDS = ("police", "boa_organisation")
_ENFORCING_PURPOSES = ("enforcement", "public_order", "safety")


def _boa_or_police(c: Ctx) -> bool:
    """Personal data, and cameras, a police or boa organisation, an enforcement, public-order or safety
    purpose, or purposes whose kind is not known yet (the screening cannot rule out the Wpg then)."""
    purposes: list[Json] = c.proc.get("purposes", [])
    return c.derived.get("personal_data", True) is not False and (
        bool(c.derived.get("cameras"))
        or bool(c.derived.get("police_recipient"))
        or any(p.get("kind") in _POLICE_KINDS for p in c.root.get("parties", []))
        or any(p.get("kind") in _ENFORCING_PURPOSES for p in purposes)
        or not purposes
        or any("kind" not in p for p in purposes)
    )


def _employees(c: Ctx) -> bool:
    """Employees are data subjects of some processing, or a purpose is to monitor employees."""
    return any(
        any(s.get("employees") is True for s in p.get("data_subjects", []))
        or any(u.get("kind") == "employee_monitoring" for u in p.get("purposes", []))
        for p in c.root.get("processings", [])
    )


def _ai_system(c: Ctx) -> bool:
    """AI as a technique, biometric identification, or a self-learning or high-risk algorithm."""
    techniques = set(c.proc.get("techniques", []))
    algorithm: Json = c.proc.get("algorithm", {})
    return (
        bool(techniques & {"ai", "biometric_identification"})
        or algorithm.get("self_learning") is True
        or algorithm.get("high_risk_ai") is True
    )


_REGIME = When(
    _boa_or_police,
    "er camera's zijn, boa's of politie betrokken zijn (handhaving, openbare orde, veiligheid), of de soort doelen nog niet bekend is",
    "cameras are used, boa's or the police are involved (enforcement, public order, safety), or the kinds of purpose are not known yet",
)
_WPG = When(
    lambda c: c.derived.get("regime") == "wpg",
    "de verwerking onder de Wet politiegegevens valt (boa-handhaving, live meekijken of directe toegang politie)",
    "the processing falls under the Police Data Act (boa enforcement, police live viewing or direct access)",
)
_EMPLOYEES = When(_employees, "medewerkers tot de betrokkenen behoren", "employees are among the data subjects")
_EMPLOYEES_MONITORED = When(
    lambda c: bool(c.derived.get("employees_monitored")),
    "medewerkers worden gevolgd of waargenomen",
    "employees are tracked or observed",
)
_AI = When(
    _ai_system,
    "er een AI-systeem wordt gebruikt (AI, biometrische identificatie, zelflerend of hoog-risico algoritme)",
    "an AI system is used (AI, biometric identification, a self-learning or high-risk algorithm)",
)
_AI_HIGH_RISK = When(
    lambda c: c.obj.get("high_risk") not in (None, "none"),
    "het AI-systeem hoog-risico is (bijlage I of III AI-verordening)",
    "the AI system is high-risk (Annex I or III AI Act)",
)
_AI_CONFIRMED = When(lambda c: c.obj.get("ai_system") is True, "het een AI-systeem is", "it is an AI system")
_CAMERAS_IN_PUBLIC = When(
    lambda c: bool(c.derived.get("cameras")) and bool(c.derived.get("public_space")),
    "camera's de openbare ruimte in beeld brengen",
    "cameras observe public space",
)
_EDGE_TRANSIENT = When(
    lambda c: c.obj.get("transient") is True,
    "de gegevens alleen vluchtig op het apparaat worden verwerkt",
    "the data are processed only transiently on the device",
)
_IMAGES = When(
    lambda c: c.item.get("category") == "image" or c.item.get("source") == "camera",
    "het gegeven een beeld is of van een camera komt",
    "the item is an image or comes from a camera",
)
_OPEN_DATA = When(
    lambda c: c.obj.get("open_data") is True, "de gegevens als open data uitgaan", "the data are released as open data"
)
_ADVICE_NOT_FOLLOWED = When(
    lambda c: c.obj.get("followed") in ("no", "partly"),
    "het advies niet (geheel) is opgevolgd",
    "the advice was not (fully) followed",
)
_PROCESSOR = When(
    lambda c: c.item.get("role") in ("processor", "sub_processor"),
    "de partij verwerker of subverwerker is",
    "the party is a processor or sub-processor",
)
_RESIDUAL_RATED = When(
    lambda c: "residual" in c.item, "het restrisico is ingeschat", "the residual risk has been rated"
)

#: The branching table: a field is asked only when its condition holds (or it already has an answer).
ASK_WHEN: dict[str, When] = {
    # project
    "project.evaluation_planned": When(
        lambda c: c.obj.get("pilot") is True, "het project een pilot of proeftuin is", "the project is a pilot"
    ),
    "project.dpo_advice.deviation_reason": _ADVICE_NOT_FOLLOWED,
    "project.dpo_advice.deviation_decided_by": _ADVICE_NOT_FOLLOWED,
    "project.decision.conditions": When(
        lambda c: c.obj.get("outcome") == "go_with_conditions",
        "het besluit 'go onder voorwaarden' is",
        "the decision is 'go with conditions'",
    ),
    "project.works_council": _EMPLOYEES,
    "project.works_council.date": When(
        lambda c: c.obj.get("consent") in ("given", "requested", "refused"),
        "instemming is gevraagd",
        "consent has been requested",
    ),
    "project.impact_classification.confidentiality": When(
        lambda c: c.obj.get("done") is True, "de classificatie is gedaan", "the classification has been done"
    ),
    "project.impact_classification.integrity": When(
        lambda c: c.obj.get("done") is True, "de classificatie is gedaan", "the classification has been done"
    ),
    "project.impact_classification.availability": When(
        lambda c: c.obj.get("done") is True, "de classificatie is gedaan", "the classification has been done"
    ),
    "project.dpia.date": _DPIA_STARTED,
    "project.dpia.review_due": _DPIA_STARTED,
    "project.dpia.published": When(
        lambda c: c.obj.get("status") == "completed", "de DPIA is afgerond", "the DPIA is completed"
    ),
    "project.dpia.not_needed_reason": When(
        lambda c: c.obj.get("status") == "not_needed", "de DPIA niet nodig is bevonden", "the DPIA was found not needed"
    ),
    "project.prior_consultation": When(
        lambda c: any(r.get("residual") == "hoog" for r in c.root.get("risks", [])),
        "een risico een hoog restrisico heeft",
        "a risk has a high residual risk",
    ),
    "project.prior_consultation.date": When(
        lambda c: c.obj.get("requested") is True, "de AP is geraadpleegd", "the DPA was consulted"
    ),
    "project.digital_service.aimed_at_minors": _DIGITAL,
    "project.digital_service.non_functional_cookies": _DIGITAL,
    "project.digital_service.cookie_consent": When(
        lambda c: c.obj.get("non_functional_cookies") is True,
        "de dienst niet-functionele cookies of vergelijkbare technieken gebruikt",
        "the service uses non-functional cookies or similar techniques",
    ),
    # parties
    "parties[].agreement": When(
        lambda c: c.item.get("role") != "controller",
        "de partij niet de verwerkingsverantwoordelijke zelf is",
        "the party is not the controller itself",
    ),
    "parties[].agreement_limits_purposes": When(
        lambda c: c.item.get("role") != "controller",
        "de partij niet de verwerkingsverantwoordelijke zelf is",
        "the party is not the controller itself",
    ),
    "parties[].agreement_covers": _PROCESSOR,
    # systems
    "systems[].hosting.provider": When(
        lambda c: c.obj.get("model") in _CLOUD,
        "het systeem in de cloud draait (IaaS, PaaS, SaaS)",
        "the system runs in the cloud (IaaS, PaaS, SaaS)",
    ),
    "systems[].hosting.provider_hq_country": When(
        lambda c: c.obj.get("model") in _CLOUD,
        "het systeem in de cloud draait (IaaS, PaaS, SaaS)",
        "the system runs in the cloud (IaaS, PaaS, SaaS)",
    ),
    # processings
    "processings[].personal_data_reason": When(
        lambda c: c.obj.get("personal_data") is False,
        "de verwerking geen persoonsgegevens zou betreffen",
        "the processing is said not to concern personal data",
    ),
    "processings[].data_subjects": _PERSONAL,
    "processings[].legal_basis": _PERSONAL,
    "processings[].rights": _PERSONAL,
    "processings[].transfers": _PERSONAL,
    "processings[].purposes[].original_purpose": _FURTHER,
    "processings[].purposes[].compatibility": _REUSE_OR_RECIPIENTS,
    "processings[].purposes[].compatibility_assessment": _REUSE_OR_RECIPIENTS,
    "processings[].purposes[].compatibility_factors": _REUSE_OR_RECIPIENTS,
    "processings[].regime": _REGIME,
    "processings[].regime.wpg_dpia_done": _WPG,
    "processings[].data_subjects[].under_16": When(
        lambda c: c.item.get("minors") in ("yes", "possible"),
        "er (mogelijk) minderjarigen bij zijn",
        "there are (or may be) minors",
    ),
    "processings[].data_subjects[].vulnerable_explanation": When(
        lambda c: c.item.get("vulnerable") is True, "de groep kwetsbaar is", "the group is vulnerable"
    ),
    # sensor settings are asked whenever a sensor or camera is used, also indoors: DM-06 checks them there too
    "processings[].collection.sensors": _OBSERVING,
    "processings[].collection.sensors.privacy_masking": _CAMERAS,
    "processings[].algorithm": _ALGORITHM,
    "processings[].algorithm.impactful_reason": When(
        lambda c: c.obj.get("impactful") is False,
        "het algoritme niet impactvol is genoemd",
        "the algorithm was called not impactful",
    ),
    "processings[].algorithm.significant_effect_reason": When(
        lambda c: c.obj.get("significant_effect") is False,
        "er geen rechtsgevolg of aanmerkelijk effect zou zijn",
        "there would be no legal or similarly significant effect",
    ),
    "processings[].algorithm.ai_act": _AI,
    "processings[].algorithm.ai_act.prohibited_practice": _AI_CONFIRMED,
    "processings[].algorithm.ai_act.high_risk": _AI_CONFIRMED,
    "processings[].algorithm.ai_act.transparency_notice": _AI_CONFIRMED,
    "processings[].algorithm.ai_act.fria_done": _AI_HIGH_RISK,
    "processings[].algorithm.ai_act.eu_registered": _AI_HIGH_RISK,
    "processings[].collection.observes_persons": When(
        lambda c: bool(c.derived.get("observing")) or c.proc.get("personal_data") is False,
        "er een sensor of camera wordt gebruikt, of de verwerking geen persoonsgegevens zou betreffen",
        "a sensor or camera is used, or the processing is said not to concern personal data",
    ),
    "processings[].collection.camera_rules": _CAMERAS_IN_PUBLIC,
    "processings[].edge": _OBSERVING,
    "processings[].edge.retention_seconds": _EDGE_TRANSIENT,
    "processings[].edge.verified_by": _EDGE_TRANSIENT,
    "processings[].edge.verification": _EDGE_TRANSIENT,
    "processings[].edge.date": _EDGE_TRANSIENT,
    "processings[].publication.location_precision_m": _OPEN_DATA,
    "processings[].publication.contains_personal_data": _OPEN_DATA,
    "processings[].publication.photos": _OPEN_DATA,
    "processings[].data_items[].strip_metadata": _IMAGES,
    "processings[].data_items[].special_category": _SPECIAL,
    "processings[].data_items[].art9_exception": _SPECIAL,
    "processings[].data_items[].uavg_provision": When(
        lambda c: (
            c.item.get("type") in ("special", "criminal")
            or c.item.get("category") in ("health", "biometric", "criminal")
        ),
        "het gegeven bijzonder (art. 9) of strafrechtelijk (art. 10) is",
        "the item is special category (art. 9) or criminal (art. 10) data",
    ),
    "processings[].data_items[].national_id": When(
        lambda c: "national_id" in (c.item.get("type"), c.item.get("category")),
        "het gegeven het BSN is",
        "the item is the BSN",
    ),
    "processings[].data_items[].source_party": When(
        lambda c: c.item.get("source") in ("third_party", "base_register", "public_source"),
        "het gegeven van een andere partij, een basisregistratie of een openbare bron komt",
        "the item comes from another party, a base register or a public source",
    ),
    "processings[].data_items[].retention_justification": When(
        lambda c: "retention" in c.item,
        "het gegeven een eigen bewaartermijn heeft",
        "the item has its own retention period",
    ),
    "processings[].legal_basis.provision": _STATUTORY,
    "processings[].legal_basis.consent": When(
        lambda c: bool(c.derived.get("consent")), "de grondslag toestemming is", "the ground is consent"
    ),
    "processings[].legal_basis.specificity": _STATUTORY,
    "processings[].legal_basis.necessity_tested": _STATUTORY,
    "processings[].legal_basis.necessity_outcome": When(
        lambda c: c.obj.get("necessity_tested") is True,
        "de noodzaak is getoetst",
        "the necessity has been tested",
    ),
    "processings[].legal_basis.consent.representative": When(
        lambda c: c.obj.get("capacity") in ("minors", "incapacitated"),
        "niet alle betrokkenen zelf toestemming kunnen geven (minderjarigen, wilsonbekwamen)",
        "not every data subject can consent alone (minors, persons lacking capacity)",
    ),
    "processings[].legal_basis.consent.freely_given_explanation": When(
        lambda c: c.obj.get("freely_given") is True, "de toestemming vrij gegeven is", "consent is freely given"
    ),
    "processings[].legal_basis.consent.parental_consent": When(
        lambda c: bool(c.derived.get("minors") or c.derived.get("under_16")),
        "er (mogelijk) minderjarigen onder de betrokkenen zijn",
        "there are (or may be) minors among the data subjects",
    ),
    "processings[].legal_basis.council_ordinance": _IN_PUBLIC_OR_NUDGE,
    "processings[].retention.raw_data_period": _OBSERVING,
    "processings[].minimisation.key_holder": When(
        lambda c: (
            c.obj.get("pseudonymised") is True
            or bool(c.derived.get("has_device_ids"))
            or any(i.get("pseudonymised") is True for i in c.proc.get("data_items", []))
        ),
        "gegevens worden gepseudonimiseerd of apparaat-ID's, kentekens of online ID's verwerkt",
        "data are pseudonymised, or device IDs, plates or online IDs are processed",
    ),
    "processings[].minimisation.treated_as_personal_data": When(
        lambda c: (
            c.obj.get("pseudonymised") is True
            or bool(c.derived.get("has_device_ids"))
            or any(i.get("pseudonymised") is True for i in c.proc.get("data_items", []))
            or bool({"wifi_sensor", "bluetooth_sensor"} & set(c.proc.get("collection", {}).get("methods", [])))
        ),
        "gehashte apparaat-ID's, kentekens of pseudoniemen voorkomen",
        "hashed device IDs, plates or pseudonyms occur",
    ),
    "processings[].minimisation.sensitive_categories_filtered": When(
        lambda c: any(c.derived.get(k) for k in ("has_social_media", "has_financial", "has_special", "has_health")),
        "sociale media, financiële, gezondheids- of bijzondere gegevens worden verwerkt",
        "social media, financial, health or special category data are processed",
    ),
    "processings[].collection.signage": _IN_PUBLIC_OR_NUDGE,
    "processings[].transparency.sensor_register": _IN_PUBLIC,
    "processings[].transparency.algorithm_register": _ALGORITHM,
    "processings[].rights.portability": When(
        lambda c: c.proc.get("legal_basis", {}).get("ground") in ("consent", "contract"),
        "de grondslag toestemming of een overeenkomst is",
        "the ground is consent or a contract",
    ),
    "processings[].rights.objection": When(
        lambda c: c.proc.get("legal_basis", {}).get("ground") in ("public_task", "legitimate_interest"),
        "de grondslag een publieke taak of gerechtvaardigd belang is",
        "the ground is a public task or legitimate interest",
    ),
    "processings[].rights.opt_out": _IN_PUBLIC,
    "processings[].minimisation.needs_individual_data_reason": When(
        lambda c: c.obj.get("needs_individual_data") is True,
        "gegevens per persoon nodig zouden zijn",
        "individual data would be needed",
    ),
    "processings[].minimisation.anonymisation": When(
        lambda c: (
            c.obj.get("anonymised") is True
            or c.obj.get("aggregated_at_source") is True
            or bool(c.derived.get("hashed_identifiers"))
        ),
        "gegevens geanonimiseerd, aan de bron geaggregeerd, gehasht of ingekort worden",
        "data are anonymised, aggregated at source, hashed or truncated",
    ),
    "processings[].minimisation.blurring": _CAMERAS,
    "processings[].minimisation.privacy_switch": _EMPLOYEES_MONITORED,
    "processings[].security.iot_hardening": _OBSERVING,
    "processings[].security.pentest_planned": When(
        lambda c: "pentest" not in c.obj,
        "er nog geen penetratietest is gedaan",
        "no penetration test has been done yet",
    ),
    "processings[].transfers[].mechanism": _NON_EEA,
    "processings[].transfers[].tia_done": _NON_EEA,
    "processings[].transfers[].supplementary_measures": _NON_EEA,
    "processings[].transfers[].structural": _NON_EEA,
    "processings[].transfers[].recipient_certified_dpf": When(
        lambda c: c.item.get("country") == "US",
        "de ontvanger in de Verenigde Staten zit (EU-VS Data Privacy Framework)",
        "the recipient is in the United States (EU-US Data Privacy Framework)",
    ),
    # risks
    "risks[].acceptance": _RESIDUAL_RATED,
    "risks[].accepted_by": _RESIDUAL_RATED,
    "risks[].accepted_on": _RESIDUAL_RATED,
}

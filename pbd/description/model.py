"""The project description: the pydantic model every part of pbd reads.

Every field carries a Dutch title and help text (``title``/``description``, shown by editors) and
an English one (``x-title-en``/``x-help-en``), plus ``x-ref``, the article it serves. These feed
the questionnaire and the reports: there is no second copy of the questions.

Every answer that can legitimately be unknown early in a project is optional: absent means
"not yet answered", which the evaluation reports as an open question, not as a gap.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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

SCHEMA_VERSION = 1

_DURATION = re.compile(
    r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)


def duration_days(value: str) -> float:
    """Length of an ISO 8601 duration in days (a year counts 365 days, a month 30)."""
    m = _DURATION.match(value)
    if m is None:
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + s / 86400


def _check_duration(value: str) -> str:
    if _DURATION.match(value) is None:
        raise ValueError(
            "geen geldige ISO 8601-duur; schrijf bijvoorbeeld P30D (30 dagen), PT24H (24 uur), "
            "P2Y (2 jaar) / not a valid ISO 8601 duration; write e.g. P30D, PT24H, P2Y"
        )
    return value


def _check_capability(value: str) -> str:
    if value not in CAPABILITIES:
        raise ValueError(f"onbekende capability {value!r}; zie `pbd criteria capabilities` / unknown capability")
    return value


def _check_country(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(
            "gebruik een ISO 3166-landcode van twee hoofdletters, zoals NL of US / "
            "use a two-letter ISO 3166 country code such as NL or US"
        )
    return value


Duration = Annotated[
    str,
    AfterValidator(_check_duration),
    Field(json_schema_extra={"pattern": _DURATION.pattern, "examples": ["P30D", "PT24H", "P2Y"]}),
]
Capability = Annotated[str, AfterValidator(_check_capability), Field(json_schema_extra={"enum": sorted(CAPABILITIES)})]
Country = Annotated[str, AfterValidator(_check_country), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
NoteKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def f(
    nl: str,
    en: str,
    help_nl: str,
    help_en: str,
    default: Any = None,
    *,
    ref: str | None = None,
    **kwargs: Any,
) -> Any:
    """A model field with Dutch and English title and help text, and the article it serves."""
    extra: dict[str, Any] = {"x-title-en": en, "x-help-en": help_en}
    if ref:
        extra["x-ref"] = ref
    factory = kwargs.pop("default_factory", None)
    if factory is not None:
        return Field(default_factory=factory, title=nl, description=help_nl, json_schema_extra=extra, **kwargs)
    return Field(default, title=nl, description=help_nl, json_schema_extra=extra, **kwargs)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False)


# --------------------------------------------------------------------------------------------
# project


class DpoAdvice(_Model):
    date: dt.date | None = f(
        "Datum advies", "Date of advice", "Wanneer de FG advies gaf.", "When the DPO gave advice.", ref="AVG 35(2)"
    )
    summary: Text | None = f(
        "Samenvatting advies",
        "Summary of the advice",
        "De kern van het advies van de functionaris gegevensbescherming.",
        "The gist of the data protection officer's advice.",
        ref="AVG 35(2)",
    )
    followed: bool | None = f(
        "Advies opgevolgd",
        "Advice followed",
        "Is het advies overgenomen? Zo niet, leg vast waarom.",
        "Was the advice followed? If not, record why.",
        ref="AVG 39(1)(c)",
    )
    deviation_reason: Text | None = f(
        "Reden van afwijken",
        "Reason for deviating",
        "Waarom het advies niet (geheel) is gevolgd.",
        "Why the advice was not (fully) followed.",
    )


class Dpia(_Model):
    status: DpiaStatus | None = f(
        "Status DPIA",
        "DPIA status",
        "Hoe ver de DPIA voor dit project is.",
        "How far the DPIA for this project has got.",
        ref="AVG 35(1)",
    )
    date: dt.date | None = f(
        "Datum DPIA", "DPIA date", "Datum van de laatste versie van de DPIA.", "Date of the latest version of the DPIA."
    )
    review_due: dt.date | None = f(
        "Herbeoordeling uiterlijk",
        "Review due",
        "Wanneer de DPIA opnieuw wordt bekeken (en in elk geval bij wijziging van de verwerking).",
        "When the DPIA is reviewed again (and in any case when the processing changes).",
        ref="AVG 35(11)",
    )
    published: bool | None = f(
        "DPIA gepubliceerd",
        "DPIA published",
        "Is de DPIA of een samenvatting openbaar gemaakt?",
        "Has the DPIA or a summary been made public?",
        ref="WP248; Woo",
    )
    not_needed_reason: Text | None = f(
        "Motivering geen DPIA",
        "Reason no DPIA",
        "Als er geen DPIA wordt gedaan: waarom niet.",
        "If no DPIA is carried out: why not.",
        ref="WP248",
    )


class PriorConsultation(_Model):
    requested: bool | None = f(
        "Voorafgaande raadpleging aangevraagd",
        "Prior consultation requested",
        "Is de Autoriteit Persoonsgegevens geraadpleegd omdat een hoog restrisico overblijft?",
        "Was the Dutch DPA consulted because a high residual risk remains?",
        ref="AVG 36",
    )
    date: dt.date | None = f(
        "Datum raadpleging", "Date of consultation", "Wanneer de AP is geraadpleegd.", "When the DPA was consulted."
    )


class Contract(_Model):
    data_ownership: bool | None = f(
        "Eigendom gegevens geregeld",
        "Data ownership agreed",
        "Staat in het contract dat de gegevens van de gemeente zijn?",
        "Does the contract say the data belong to the municipality?",
        ref="AVG 28(3)(g)",
    )
    return_and_deletion: bool | None = f(
        "Teruggave en verwijdering bij einde",
        "Return and deletion at end",
        "Zijn teruggave en aantoonbare verwijdering van de gegevens bij contracteinde afgesproken?",
        "Are return and verifiable deletion of the data at contract end agreed?",
        ref="AVG 28(3)(g)",
    )
    exit_plan: bool | None = f(
        "Exitplan",
        "Exit plan",
        "Is er een exitplan zodat de gemeente zonder verlies kan overstappen (geen vendor lock-in)?",
        "Is there an exit plan so the municipality can switch without loss (no vendor lock-in)?",
    )
    system_requirements_in_tender: bool | None = f(
        "Systeemeisen in aanbesteding",
        "System requirements in tender",
        "Zijn de privacy-systeemeisen opgenomen in de aanbesteding en het contract?",
        "Are the privacy system requirements part of the tender and the contract?",
        ref="AVG 25(1); AVG 28(1)",
    )
    audit_rights: bool | None = f(
        "Auditrecht",
        "Audit rights",
        "Mag de gemeente de naleving (laten) controleren?",
        "May the municipality audit compliance (or have it audited)?",
        ref="AVG 28(3)(h)",
    )
    term: Text | None = f("Looptijd", "Term", "Looptijd van het contract.", "Term of the contract.")


class DigitalService(_Model):
    offered: bool | None = f(
        "Digitale dienst",
        "Digital service",
        "Biedt het project een digitale dienst (app, website) aan burgers aan?",
        "Does the project offer a digital service (app, website) to residents?",
        ref="Pre-scan 7.1.1",
    )
    aimed_at_minors: bool | None = f(
        "Bedoeld voor minderjarigen",
        "Aimed at minors",
        "Is de dienst (mede) bedoeld voor personen jonger dan 18 jaar?",
        "Is the service (also) meant for people under 18?",
        ref="Pre-scan 7.1.2; KIA",
    )


class Project(_Model):
    name: Text = f(
        "Projectnaam",
        "Project name",
        "De naam waaronder het project bekend is.",
        "The name the project is known by.",
        default=...,
    )
    organisation: Text | None = f(
        "Organisatie",
        "Organisation",
        "De gemeente of organisatie die verantwoordelijk is.",
        "The municipality or organisation responsible.",
        ref="AVG 4(7)",
    )
    department: Text | None = f(
        "Afdeling", "Department", "De afdeling die het project trekt.", "The department leading the project."
    )
    contact: Text | None = f(
        "Contactpersoon",
        "Contact person",
        "Wie vragen over het project beantwoordt.",
        "Who answers questions about the project.",
    )
    phase: Gate | None = f(
        "Fase",
        "Phase",
        "Waar het project nu staat: idee, verkenning, ontwerp, aanbesteding, realisatie of beheer.",
        "Where the project stands now.",
    )
    summary: Text | None = f(
        "Beschrijving",
        "Summary",
        "Wat het project doet, in gewone taal (Model DPIA §1).",
        "What the project does, in plain words (Model DPIA §1).",
        ref="Model DPIA §1",
    )
    societal_goal: Text | None = f(
        "Maatschappelijk doel",
        "Societal goal",
        "Welke maatschappelijke vraag het project beantwoordt.",
        "Which societal question the project answers.",
        ref="Model DPIA §1; AVG 35(7)(a)",
    )
    pilot: bool | None = f(
        "Pilot of proeftuin",
        "Pilot or living lab",
        "Is dit een pilot of living lab die later kan worden opgeschaald?",
        "Is this a pilot or living lab that may later be scaled up?",
    )
    evaluation_planned: bool | None = f(
        "Evaluatie gepland",
        "Evaluation planned",
        "Wordt de pilot geëvalueerd, inclusief privacy-effecten, vóór opschaling?",
        "Will the pilot be evaluated, privacy effects included, before scaling up?",
        ref="AVG 24(1)",
    )
    new_legislation: bool | None = f(
        "Nieuwe regelgeving",
        "New legislation",
        "Gaat het om nieuwe wet- of regelgeving (zoals een verordening)?",
        "Does this concern new legislation or regulation (such as a by-law)?",
        ref="Pre-scan 0.1",
    )
    residents_involved: bool | None = f(
        "Bewoners betrokken",
        "Residents involved",
        "Zijn betrokkenen of hun vertegenwoordigers (bewoners, ondernemers, wijkraad) om hun mening gevraagd?",
        "Were data subjects or their representatives asked for their views?",
        ref="AVG 35(9)",
    )
    residents_involvement: Text | None = f(
        "Hoe bewoners betrokken zijn",
        "How residents were involved",
        "Hoe en met welke uitkomst betrokkenen zijn geraadpleegd (Model DPIA §7).",
        "How data subjects were consulted and with what outcome (Model DPIA §7).",
        ref="AVG 35(9)",
    )
    dpo: Text | None = f(
        "Functionaris gegevensbescherming",
        "Data protection officer",
        "Naam of functie van de FG.",
        "Name or title of the DPO.",
        ref="AVG 37",
    )
    dpo_advice: DpoAdvice | None = f(
        "Advies FG",
        "DPO advice",
        "Het advies van de functionaris gegevensbescherming over dit project.",
        "The data protection officer's advice on this project.",
        ref="AVG 35(2)",
    )
    dpia: Dpia | None = f(
        "DPIA",
        "DPIA",
        "De gegevensbeschermingseffectbeoordeling voor dit project.",
        "The data protection impact assessment for this project.",
        ref="AVG 35",
    )
    prior_consultation: PriorConsultation | None = f(
        "Voorafgaande raadpleging",
        "Prior consultation",
        "Raadpleging van de AP bij hoog restrisico.",
        "Consultation of the DPA when residual risk is high.",
        ref="AVG 36",
    )
    contract: Contract | None = f(
        "Contract",
        "Contract",
        "Afspraken met leveranciers en partners over gegevens, systeemeisen en exit.",
        "Agreements with suppliers and partners on data, system requirements and exit.",
        ref="AVG 28",
    )
    digital_service: DigitalService | None = f(
        "Digitale dienst",
        "Digital service",
        "Of het project een digitale dienst aanbiedt en voor wie.",
        "Whether the project offers a digital service and to whom.",
    )
    breach_procedure: bool | None = f(
        "Procedure datalekken",
        "Breach procedure",
        "Is er een procedure om datalekken binnen 72 uur bij de AP te melden en betrokkenen te informeren?",
        "Is there a procedure to notify breaches to the DPA within 72 hours and to inform data subjects?",
        ref="AVG 33, 34",
    )
    breach_procedure_covers_partners: bool | None = f(
        "Datalekprocedure geldt ook voor partners",
        "Breach procedure covers partners",
        "Melden verwerkers en partners een datalek direct aan de gemeente?",
        "Do processors and partners report a breach to the municipality without delay?",
        ref="AVG 33(2)",
    )


# --------------------------------------------------------------------------------------------
# parties


class Party(_Model):
    name: Text = f("Naam", "Name", "Naam van de organisatie.", "Name of the organisation.", default=...)
    role: Role | None = f(
        "Rol (AVG)",
        "Role (GDPR)",
        "De rol van deze partij: verwerkingsverantwoordelijke, gezamenlijke verwerkingsverantwoordelijke, verwerker, subverwerker, derde, verstrekker of ontvanger.",
        "The party's role under the GDPR.",
        ref="AVG 4(7), 4(8), 26, 28",
    )
    agreement: Agreement | None = f(
        "Overeenkomst",
        "Agreement",
        "De overeenkomst die de rol regelt: verwerkersovereenkomst, regeling gezamenlijke verantwoordelijkheid, convenant, contract of geen.",
        "The agreement that governs the role.",
        ref="AVG 26, 28(3)",
    )
    agreement_limits_purposes: bool | None = f(
        "Overeenkomst beperkt doelen",
        "Agreement limits purposes",
        "Staat in de overeenkomst voor welke doelen deze partij de gegevens mag gebruiken, en dat ander gebruik niet mag?",
        "Does the agreement state for which purposes this party may use the data, and forbid other use?",
        ref="AVG 5(1)(b), 28(3)(a)",
    )
    country: Country | None = f(
        "Land",
        "Country",
        "Land van vestiging (ISO-code, bijv. NL).",
        "Country of establishment (ISO code, e.g. NL).",
        ref="AVG 44",
    )
    description: Text | None = f(
        "Taak in het project",
        "Task in the project",
        "Wat deze partij in het project doet en welke functies toegang hebben (Model DPIA §6).",
        "What this party does in the project and which functions have access (Model DPIA §6).",
        ref="Model DPIA §6",
    )
    interests: Text | None = f(
        "Belangen",
        "Interests",
        "Het belang van deze partij bij de verwerking (Model DPIA §7).",
        "This party's interest in the processing (Model DPIA §7).",
        ref="Model DPIA §7",
    )


# --------------------------------------------------------------------------------------------
# processings


class Purpose(_Model):
    id: Identifier | None = f(
        "Kenmerk",
        "Identifier",
        "Kort kenmerk van het doel, om gegevens aan het doel te koppelen.",
        "Short identifier of the purpose, used to link data items to it.",
    )
    description: Text = f(
        "Doel",
        "Purpose",
        "Het doel, welbepaald en uitdrukkelijk omschreven.",
        "The purpose, specific and explicit.",
        ref="AVG 5(1)(b)",
        default=...,
    )
    further_processing: bool | None = f(
        "Verdere verwerking",
        "Further processing",
        "Worden hiervoor gegevens gebruikt die voor een ander doel zijn verzameld?",
        "Does this purpose reuse data collected for another purpose?",
        ref="AVG 6(4)",
    )
    original_purpose: Text | None = f(
        "Oorspronkelijk doel",
        "Original purpose",
        "Het doel waarvoor de gegevens oorspronkelijk zijn verzameld.",
        "The purpose for which the data were originally collected.",
        ref="Model DPIA §13",
    )
    compatibility: Compatibility | None = f(
        "Verenigbaarheid",
        "Compatibility",
        "Hoe het nieuwe gebruik is gerechtvaardigd: verenigbaar, bij wet toegestaan, eigen grondslag, of niet beoordeeld.",
        "How the new use is justified.",
        ref="AVG 6(4); Model DPIA §13",
    )
    compatibility_assessment: Text | None = f(
        "Verenigbaarheidstoets",
        "Compatibility assessment",
        "De afweging volgens art. 6(4): verband tussen de doelen, context, aard van de gegevens, gevolgen, waarborgen.",
        "The art. 6(4) weighing: link between purposes, context, nature of the data, consequences, safeguards.",
        ref="AVG 6(4)",
    )
    recipients: list[Text] | None = f(
        "Ontvangers",
        "Recipients",
        "Partijen die voor dit doel gegevens ontvangen.",
        "Parties that receive data for this purpose.",
        ref="AVG 30(1)(d)",
    )


class Consent(_Model):
    recorded: bool | None = f(
        "Toestemming vastgelegd",
        "Consent recorded",
        "Kan worden aangetoond wie wanneer waarvoor toestemming gaf?",
        "Can it be shown who consented to what and when?",
        ref="AVG 7(1)",
    )
    freely_given: bool | None = f(
        "Vrij gegeven",
        "Freely given",
        "Kan de betrokkene weigeren zonder nadeel? Bij afhankelijkheid van de gemeente is dat zelden zo.",
        "Can the data subject refuse without detriment? Rarely so when people depend on the municipality.",
        ref="AVG 4(11), 7(4); overweging 43",
    )
    freely_given_explanation: Text | None = f(
        "Toelichting vrijwilligheid",
        "Why it is freely given",
        "Waarom de toestemming ondanks de positie van de gemeente vrij is.",
        "Why consent is free despite the municipality's position.",
        ref="overweging 43",
    )
    withdrawal_as_easy: bool | None = f(
        "Intrekken even makkelijk",
        "Withdrawal as easy",
        "Is intrekken net zo makkelijk als geven?",
        "Is withdrawing as easy as giving?",
        ref="AVG 7(3)",
    )
    informed: bool | None = f(
        "Geïnformeerd",
        "Informed",
        "Weet de betrokkene vooraf waarvoor hij toestemming geeft?",
        "Does the data subject know beforehand what they consent to?",
        ref="AVG 4(11)",
    )
    parental_consent: bool | None = f(
        "Toestemming ouders",
        "Parental consent",
        "Geven ouders of voogd toestemming voor kinderen jonger dan 16?",
        "Do parents or guardians consent for children under 16?",
        ref="AVG 8; UAVG 5",
    )


class LegalBasis(_Model):
    ground: LegalGround | None = f(
        "Grondslag",
        "Legal ground",
        "De grondslag uit art. 6(1) AVG.",
        "The art. 6(1) GDPR legal ground.",
        ref="AVG 6(1)",
    )
    provision: Text | None = f(
        "Wettelijke bepaling",
        "Statutory provision",
        "Het wetsartikel waarop de wettelijke verplichting of publieke taak berust, bijvoorbeeld 'Gemeentewet art. 160'.",
        "The statutory article underlying the legal obligation or public task.",
        ref="AVG 6(3)",
    )
    explanation: Text | None = f(
        "Toelichting",
        "Explanation",
        "Waarom deze grondslag past bij dit doel (Model DPIA §11).",
        "Why this ground fits this purpose (Model DPIA §11).",
        ref="Model DPIA §11",
    )
    consent: Consent | None = f(
        "Toestemming",
        "Consent",
        "Alleen als de grondslag toestemming is.",
        "Only when the ground is consent.",
        ref="AVG 7, 8",
    )
    council_ordinance: Text | None = f(
        "Raadsbesluit / APV",
        "Council ordinance",
        "Voor cameratoezicht op openbare plaatsen: de APV-bepaling en het aanwijzingsbesluit van de burgemeester.",
        "For camera surveillance of public places: the by-law and the mayor's designation.",
        ref="Gemeentewet 151c",
    )


class DataSubjects(_Model):
    category: Text = f(
        "Categorie betrokkenen",
        "Category of data subjects",
        "Bijvoorbeeld bezoekers, bewoners, kentekenhouders, cliënten.",
        "For example visitors, residents, vehicle keepers, clients.",
        ref="AVG 30(1)(c)",
        default=...,
    )
    minors: Minors | None = f(
        "Minderjarigen",
        "Minors",
        "Kunnen er kinderen onder de betrokkenen zijn?",
        "Can there be children among the data subjects?",
        ref="AVG 8; overweging 38",
    )
    under_16: bool | None = f(
        "Jonger dan 16",
        "Under 16",
        "Zijn er kinderen jonger dan 16 die een online dienst gebruiken?",
        "Are there children under 16 using an online service?",
        ref="AVG 8; UAVG 5",
    )
    vulnerable: bool | None = f(
        "Kwetsbaar",
        "Vulnerable",
        "Zijn de betrokkenen kwetsbaar (kinderen, cliënten, mensen in schulden, asielzoekers, werknemers)?",
        "Are the data subjects vulnerable?",
        ref="WP248 criterium 7",
    )
    employees: bool | None = f(
        "Medewerkers",
        "Employees",
        "Gaat het (ook) om medewerkers van de gemeente of van partners?",
        "Does this concern (also) staff of the municipality or of partners?",
        ref="AP-lijst 11",
    )
    vulnerable_explanation: Text | None = f(
        "Toelichting kwetsbaarheid",
        "Why vulnerable",
        "Waarom deze groep kwetsbaar is.",
        "Why this group is vulnerable.",
    )
    count: int | None = f(
        "Aantal",
        "Number",
        "Geschat aantal betrokkenen in deze categorie.",
        "Estimated number of data subjects in this category.",
        ge=0,
    )


class NationalId(_Model):
    statutory_basis: Text | None = f(
        "Wettelijke basis BSN",
        "Statutory basis for the BSN",
        "De wet die het gebruik van het BSN voor dit doel regelt.",
        "The statute that governs BSN use for this purpose.",
        ref="UAVG 46",
    )


class DataItem(_Model):
    name: Text = f(
        "Gegeven",
        "Data item",
        "Naam van het persoonsgegeven, zoals 'kenteken' of 'gehashte MAC-adres'.",
        "Name of the personal data item.",
        ref="Model DPIA §2",
        default=...,
    )
    category: DataCategory | None = f("Categorie", "Category", "Soort gegeven.", "Kind of data.", ref="AVG 30(1)(c)")
    type: DataType | None = f(
        "Type",
        "Type",
        "Gewoon, gevoelig, bijzonder (art. 9), strafrechtelijk (art. 10) of nationaal identificatienummer (BSN).",
        "Ordinary, sensitive, special (art. 9), criminal (art. 10) or national id number.",
        ref="Model DPIA §2",
    )
    special_category: SpecialCategory | None = f(
        "Bijzondere categorie",
        "Special category",
        "Welke categorie van art. 9(1) AVG.",
        "Which art. 9(1) GDPR category.",
        ref="AVG 9(1)",
    )
    art9_exception: Art9Exception | None = f(
        "Uitzondering art. 9(2)",
        "Art. 9(2) exception",
        "De uitzondering op het verwerkingsverbod.",
        "The exception to the processing ban.",
        ref="AVG 9(2)",
    )
    uavg_provision: Text | None = f(
        "UAVG-bepaling",
        "UAVG provision",
        "De bepaling uit UAVG 22–30 (bijzondere gegevens) of 31–33 (strafrechtelijke gegevens).",
        "The UAVG 22–30 or 31–33 provision relied on.",
        ref="UAVG 22–33",
    )
    source: Source | None = f(
        "Bron",
        "Source",
        "Waar het gegeven vandaan komt.",
        "Where the data item comes from.",
        ref="AVG 14(2)(f); Model DPIA §2",
    )
    source_party: Text | None = f(
        "Verstrekkende partij",
        "Providing party",
        "De partij die het gegeven levert, als het niet van de betrokkene zelf komt.",
        "The party providing the item if not the data subject.",
        ref="Model DPIA §2",
    )
    purposes: list[Identifier] | None = f(
        "Nodig voor doelen",
        "Needed for purposes",
        "Kenmerken van de doelen waarvoor dit gegeven nodig is.",
        "Identifiers of the purposes this item is needed for.",
        ref="AVG 5(1)(c)",
    )
    necessity: Text | None = f(
        "Noodzaak",
        "Necessity",
        "Waarom dit gegeven nodig is voor het doel.",
        "Why this item is needed for the purpose.",
        ref="AVG 5(1)(c)",
    )
    optional: bool | None = f(
        "Optioneel",
        "Optional",
        "Is het gegeven optioneel voor de betrokkene?",
        "Is the item optional for the data subject?",
        ref="AVG 25(2)",
    )
    pseudonymised: bool | None = f(
        "Gepseudonimiseerd",
        "Pseudonymised",
        "Wordt het gegeven direct gepseudonimiseerd (bijv. gehasht)?",
        "Is the item pseudonymised at once (e.g. hashed)?",
        ref="AVG 4(5)",
    )
    retention: Duration | None = f(
        "Bewaartermijn",
        "Retention period",
        "Eigen bewaartermijn van dit gegeven, als die afwijkt van die van de verwerking (ISO 8601, bijv. P30D).",
        "Own retention period if it differs from the processing's (ISO 8601, e.g. P30D).",
        ref="AVG 5(1)(e)",
    )
    retention_justification: Text | None = f(
        "Motivering bewaartermijn",
        "Retention justification",
        "Waarom dit gegeven zo lang wordt bewaard.",
        "Why this item is kept that long.",
        ref="Model DPIA §10",
    )
    national_id: NationalId | None = f(
        "BSN",
        "BSN",
        "Alleen bij het BSN: de wettelijke basis.",
        "Only for the BSN: its statutory basis.",
        ref="UAVG 46",
    )


class SensorSettings(_Model):
    resolution_minimised: bool | None = f(
        "Resolutie beperkt",
        "Resolution limited",
        "Zijn resolutie en beeldhoek zo klein als het doel toelaat?",
        "Are resolution and field of view as small as the purpose allows?",
        ref="AVG 25(2)",
    )
    privacy_masking: bool | None = f(
        "Privacymaskering",
        "Privacy masking",
        "Worden woningen, ramen en andere privézones in beeld gemaskeerd?",
        "Are homes, windows and other private zones masked in the image?",
        ref="AVG 25(1)",
    )
    audio_recording: bool | None = f(
        "Geluidsopname",
        "Audio recording",
        "Neemt de sensor geluid op (meer dan alleen meetwaarden)?",
        "Does the sensor record audio (more than measurements)?",
        ref="AVG 5(1)(c)",
    )
    facial_recognition: bool | None = f(
        "Gezichtsherkenning",
        "Facial recognition",
        "Wordt gezichtsherkenning gebruikt?",
        "Is facial recognition used?",
        ref="AVG 9; UAVG 29",
    )
    edge_processing: bool | None = f(
        "Verwerking op het apparaat",
        "Processing on the device",
        "Worden ruwe gegevens op het apparaat verwerkt en direct verwijderd, zodat alleen uitkomsten worden verstuurd?",
        "Are raw data processed on the device and deleted at once, sending only results?",
        ref="AVG 25(1)",
    )
    locations: Text | None = f(
        "Locaties",
        "Locations",
        "Waar de sensoren of camera's hangen.",
        "Where the sensors or cameras are.",
        ref="Model DPIA §8",
    )


class Collection(_Model):
    methods: list[CollectionMethod] | None = f(
        "Verzamelmethoden",
        "Collection methods",
        "Hoe de gegevens worden verzameld.",
        "How the data are collected.",
        ref="Model DPIA §4",
    )
    public_space: bool | None = f(
        "Openbare ruimte",
        "Public space",
        "Worden gegevens verzameld in de openbare ruimte of een publiek toegankelijke plek?",
        "Are data collected in public space or a publicly accessible place?",
        ref="AVG 35(3)(c)",
    )
    covert: bool | None = f(
        "Heimelijk",
        "Covert",
        "Gebeurt het verzamelen zonder dat mensen het vooraf weten?",
        "Are data collected without people knowing beforehand?",
        ref="AP-lijst 1",
    )
    sensors: SensorSettings | None = f(
        "Sensoren en camera's",
        "Sensors and cameras",
        "Instellingen van sensoren en camera's.",
        "Settings of sensors and cameras.",
        ref="AVG 25",
    )


class Scale(_Model):
    data_subjects: int | None = f(
        "Aantal betrokkenen",
        "Number of data subjects",
        "Geschat aantal betrokkenen per jaar.",
        "Estimated number of data subjects per year.",
        ref="WP248 criterium 5",
        ge=0,
    )
    records: int | None = f(
        "Aantal records",
        "Number of records",
        "Geschat aantal records per jaar.",
        "Estimated number of records per year.",
        ge=0,
    )
    area: Area | None = f("Gebied", "Area", "Hoe groot het gebied is.", "How large the area is.")
    frequency: Frequency | None = f(
        "Frequentie", "Frequency", "Hoe vaak gegevens worden verzameld.", "How often data are collected."
    )
    systematic: bool | None = f(
        "Stelselmatig",
        "Systematic",
        "Worden mensen stelselmatig gevolgd of geobserveerd?",
        "Are people systematically followed or observed?",
        ref="WP248 criterium 3",
    )


class Algorithm(_Model):
    description: Text | None = f(
        "Beschrijving",
        "Description",
        "Wat het algoritme doet en met welke gegevens.",
        "What the algorithm does and with which data.",
        ref="Algoritmekader",
    )
    self_learning: bool | None = f(
        "Zelflerend",
        "Self-learning",
        "Is het een zelflerend (machine learning) model?",
        "Is it a self-learning (machine learning) model?",
    )
    high_risk_ai: bool | None = f(
        "Hoog-risico AI",
        "High-risk AI",
        "Is het een hoog-risico AI-systeem volgens de AI-verordening?",
        "Is it a high-risk AI system under the AI Act?",
        ref="AI-verordening art. 6; Pre-scan 6.1.2",
    )
    impactful: bool | None = f(
        "Impactvol",
        "Impactful",
        "Heeft de uitkomst gevolgen voor burgers (rechtsgevolg, toezicht, handhaving, toekenning)?",
        "Do its outcomes affect residents?",
        ref="Pre-scan 6.1.3",
    )
    significant_effect: bool | None = f(
        "Aanmerkelijk gevolg",
        "Significant effect",
        "Leidt de uitkomst tot een besluit met rechtsgevolg of een vergelijkbaar wezenlijk gevolg?",
        "Does the outcome lead to a decision with legal or similarly significant effect?",
        ref="AVG 22(1)",
    )
    human_intervention: bool | None = f(
        "Menselijke tussenkomst",
        "Human intervention",
        "Beoordeelt een mens de uitkomst inhoudelijk voordat er een besluit volgt?",
        "Does a person review the outcome in substance before a decision?",
        ref="AVG 22(3)",
    )
    contest_possible: bool | None = f(
        "Aanvechtbaar",
        "Contestable",
        "Kan de betrokkene het besluit aanvechten en zijn standpunt geven?",
        "Can the data subject contest the decision and give their view?",
        ref="AVG 22(3)",
    )
    bias_tested: bool | None = f(
        "Getest op bias",
        "Tested for bias",
        "Is getest op foutpercentages en ongelijke uitkomsten tussen groepen?",
        "Has it been tested for error rates and unequal outcomes between groups?",
        ref="AVG 5(1)(d); Grondwet 1",
    )
    monitored: bool | None = f(
        "Gemonitord",
        "Monitored",
        "Worden prestaties en bias tijdens gebruik gevolgd?",
        "Are performance and bias monitored in use?",
        ref="Algoritmekader",
    )
    registered: bool | None = f(
        "In Algoritmeregister",
        "In Algorithm Register",
        "Staat het algoritme in het Algoritmeregister?",
        "Is the algorithm in the Algorithm Register?",
        ref="urn:nl:ak:ver:bzk-01",
    )
    iama_done: bool | None = f(
        "IAMA uitgevoerd",
        "IAMA done",
        "Is een Impact Assessment Mensenrechten en Algoritmes (of FRIA) gedaan?",
        "Has a human rights and algorithms impact assessment (or FRIA) been done?",
        ref="IAMA; AI-verordening art. 27",
    )


class Retention(_Model):
    period: Duration | None = f(
        "Bewaartermijn",
        "Retention period",
        "Hoe lang de gegevens worden bewaard (ISO 8601, bijv. P30D, PT24H, P2Y).",
        "How long the data are kept (ISO 8601).",
        ref="AVG 5(1)(e)",
    )
    justification: Text | None = f(
        "Motivering",
        "Justification",
        "Waarom deze termijn nodig is (Model DPIA §10).",
        "Why this period is needed (Model DPIA §10).",
        ref="Model DPIA §10",
    )
    raw_data_period: Duration | None = f(
        "Bewaartermijn ruwe data",
        "Retention of raw data",
        "Hoe lang ruwe sensor-, beeld- of geluidsdata worden bewaard voordat ze worden verwijderd of geaggregeerd.",
        "How long raw sensor, image or sound data are kept before deletion or aggregation.",
        ref="AVG 5(1)(e)",
    )
    deletion: Deletion | None = f(
        "Verwijdering",
        "Deletion",
        "Hoe gegevens na de termijn worden verwijderd: automatisch, via een procedure, of niet geregeld.",
        "How data are deleted after the period.",
        ref="AVG 5(1)(e), 17",
    )
    includes_backups: bool | None = f(
        "Ook back-ups en logs",
        "Includes backups and logs",
        "Worden ook back-ups en logbestanden na de termijn opgeschoond?",
        "Are backups and logs cleaned up too?",
        ref="AVG 5(1)(e)",
    )
    archive_selection_list: Text | None = f(
        "Selectielijst",
        "Selection list",
        "De Archiefwet-selectielijst en categorie die de termijn bepaalt, als die van toepassing is.",
        "The Archives Act selection list entry that sets the period, where it applies.",
        ref="Archiefwet 1995",
    )


class Minimisation(_Model):
    aggregated_at_source: bool | None = f(
        "Geaggregeerd bij de bron",
        "Aggregated at source",
        "Worden gegevens op de sensor of bij de bron geaggregeerd of geanonimiseerd vóór opslag?",
        "Are data aggregated or anonymised at the sensor before storage?",
        ref="AVG 25(1)",
    )
    needs_individual_data: bool | None = f(
        "Individuele gegevens nodig",
        "Individual data needed",
        "Is voor het doel echt informatie over individuen nodig, of volstaan aantallen, stromen of trends?",
        "Does the purpose really need data on individuals, or do counts, flows or trends suffice?",
        ref="AVG 5(1)(c)",
    )
    pseudonymised: bool | None = f(
        "Gepseudonimiseerd",
        "Pseudonymised",
        "Worden direct identificerende gegevens vervangen door een pseudoniem?",
        "Are directly identifying data replaced by a pseudonym?",
        ref="AVG 4(5), 25(1)",
    )
    anonymised: bool | None = f(
        "Geanonimiseerd",
        "Anonymised",
        "Worden gegevens onomkeerbaar geanonimiseerd?",
        "Are data irreversibly anonymised?",
        ref="overweging 26",
    )
    treated_as_personal_data: bool | None = f(
        "Gehashte ID's als persoonsgegeven behandeld",
        "Hashed IDs treated as personal data",
        "Worden gehashte MAC-adressen, kentekens of apparaat-ID's als persoonsgegevens behandeld (en niet als anoniem)?",
        "Are hashed MAC addresses, plates or device IDs treated as personal data (not as anonymous)?",
        ref="overweging 26; AVG 4(5)",
    )
    key_holder: KeyHolder | None = f(
        "Sleutelbeheerder",
        "Key holder",
        "Wie de sleutel of zout-waarde van de pseudonimisering beheert.",
        "Who holds the pseudonymisation key or salt.",
        ref="AVG 4(5)",
    )
    privacy_friendly_defaults: bool | None = f(
        "Privacyvriendelijke standaardinstellingen",
        "Privacy-friendly defaults",
        "Staan optionele gegevens, delen en zichtbaarheid standaard uit en is de kortste termijn de standaard?",
        "Are optional data, sharing and visibility off by default, with the shortest period as default?",
        ref="AVG 25(2)",
    )
    items_reviewed: bool | None = f(
        "Gegevens per doel getoetst",
        "Items reviewed per purpose",
        "Is van elk gegeven vastgesteld dat het nodig is voor een doel?",
        "Has each item been confirmed as needed for a purpose?",
        ref="AVG 5(1)(c)",
    )
    sensitive_categories_filtered: bool | None = f(
        "Gevoelige categorieën gefilterd",
        "Sensitive categories filtered",
        "Worden gegevens die iets over gezondheid, geloof of andere bijzondere zaken verraden (bijv. banktransacties) weggefilterd als ze niet nodig zijn?",
        "Are data revealing health, religion etc. (e.g. bank transactions) filtered out when not needed?",
        ref="AVG 5(1)(c), 9",
    )


class Transparency(_Model):
    privacy_statement: Text | None = f(
        "Privacyverklaring",
        "Privacy statement",
        "Adres (URL) of vindplaats van de privacyverklaring voor deze verwerking.",
        "Address (URL) or location of the privacy statement for this processing.",
        ref="AVG 13, 14",
    )
    plain_language: bool | None = f(
        "Begrijpelijke taal",
        "Plain language",
        "Is de informatie in eenvoudige taal (B1), ook voor kinderen als zij betrokken zijn?",
        "Is the information in plain language, also for children where they are concerned?",
        ref="AVG 12(1)",
    )
    signage: bool | None = f(
        "Borden of markering",
        "Signs or markings",
        "Staan er borden of markeringen bij sensoren en camera's?",
        "Are there signs or markings at sensors and cameras?",
        ref="AVG 12, 13",
    )
    sensor_register: bool | None = f(
        "Sensorregister",
        "Sensor register",
        "Staan de sensoren en camera's in een openbaar sensorregister?",
        "Are sensors and cameras listed in a public sensor register?",
        ref="Amsterdam APV 2.25a",
    )
    information_at_collection: bool | None = f(
        "Informatie bij verzamelen",
        "Information at collection",
        "Krijgen mensen informatie op het moment van verzamelen (app, formulier, bord)?",
        "Do people get information at the moment of collection?",
        ref="AVG 13(1)",
    )
    processing_register: bool | None = f(
        "Verwerkingsregister",
        "Register of processing",
        "Staat de verwerking in het verwerkingsregister van de gemeente?",
        "Is the processing in the municipality's register of processing activities?",
        ref="AVG 30",
    )
    algorithm_register: bool | None = f(
        "Algoritmeregister",
        "Algorithm Register",
        "Staat het algoritme in het Algoritmeregister (alleen bij algoritmen)?",
        "Is the algorithm in the Algorithm Register (algorithms only)?",
        ref="urn:nl:ak:ver:bzk-01",
    )


class RightHandling(_Model):
    procedure: Answer | None = f(
        "Procedure aanwezig",
        "Procedure in place",
        "Is er een procedure: ja, nee of niet van toepassing?",
        "Is there a procedure: yes, no or not applicable?",
        ref="Model DPIA §15",
    )
    explanation: Text | None = f(
        "Toelichting",
        "Explanation",
        "Hoe het recht wordt uitgeoefend, of waarom het niet van toepassing of beperkt is.",
        "How the right is exercised, or why it does not apply or is restricted.",
        ref="Model DPIA §15",
    )


class Rights(_Model):
    access: RightHandling | None = f(
        "Inzage",
        "Access",
        "Recht op inzage en een kopie (binnen een maand).",
        "Right of access and a copy (within one month).",
        ref="AVG 12(3), 15",
    )
    rectification: RightHandling | None = f(
        "Rectificatie",
        "Rectification",
        "Recht op correctie en aanvulling.",
        "Right to rectification.",
        ref="AVG 16, 19",
    )
    erasure: RightHandling | None = f(
        "Wissen", "Erasure", "Recht op vergetelheid.", "Right to erasure.", ref="AVG 17, 19"
    )
    restriction: RightHandling | None = f(
        "Beperking",
        "Restriction",
        "Recht op beperking van de verwerking.",
        "Right to restriction of processing.",
        ref="AVG 18, 19",
    )
    portability: RightHandling | None = f(
        "Overdraagbaarheid",
        "Portability",
        "Recht op gegevensoverdraagbaarheid (bij toestemming of overeenkomst).",
        "Right to data portability (consent or contract).",
        ref="AVG 20",
    )
    objection: RightHandling | None = f(
        "Bezwaar",
        "Objection",
        "Recht van bezwaar tegen verwerking op grond van publieke taak of gerechtvaardigd belang.",
        "Right to object to public-task or legitimate-interest processing.",
        ref="AVG 21",
    )
    automated_decision: RightHandling | None = f(
        "Geen uitsluitend geautomatiseerd besluit",
        "No solely automated decision",
        "Recht om niet aan een uitsluitend geautomatiseerd besluit te worden onderworpen.",
        "Right not to be subject to a solely automated decision.",
        ref="AVG 22; UAVG 40",
    )
    opt_out: bool | None = f(
        "Opt-out of alternatief",
        "Opt-out or alternative",
        "Kunnen mensen in de openbare ruimte zich aan de meting onttrekken of is er een alternatief?",
        "Can people in public space opt out of the measurement, or is there an alternative?",
        ref="AVG 21; AVG 25(2)",
    )
    response_days: int | None = f(
        "Afhandeltermijn (dagen)",
        "Response time (days)",
        "Binnen hoeveel dagen een verzoek wordt afgehandeld.",
        "Within how many days a request is handled.",
        ref="AVG 12(3)",
        ge=0,
    )


class Security(_Model):
    classification: Classification | None = f(
        "Classificatie (BBN)",
        "Classification (BBN)",
        "Het basisbeveiligingsniveau uit de BIO2.",
        "The BIO2 baseline security level.",
        ref="BIO2 5.12",
    )
    risk_analysis: bool | None = f(
        "Risicoanalyse beveiliging",
        "Security risk analysis",
        "Is een informatiebeveiligingsrisicoanalyse gedaan?",
        "Has an information security risk analysis been done?",
        ref="AVG 32; BIO2 5.12",
    )
    encryption_in_transit: bool | None = f(
        "Versleuteld transport",
        "Encryption in transit",
        "Worden gegevens versleuteld verstuurd (TLS 1.2 of hoger)?",
        "Are data sent encrypted (TLS 1.2 or higher)?",
        ref="AVG 32(1)(a); BIO2 8.24",
    )
    encryption_at_rest: bool | None = f(
        "Versleutelde opslag",
        "Encryption at rest",
        "Worden opgeslagen gegevens versleuteld?",
        "Are stored data encrypted?",
        ref="AVG 32(1)(a); BIO2 8.24",
    )
    role_based_access: bool | None = f(
        "Rolgebaseerde toegang",
        "Role-based access",
        "Hebben medewerkers alleen toegang die hun rol nodig heeft?",
        "Do staff only have the access their role needs?",
        ref="AVG 32; BIO2 5.15",
    )
    access_review: bool | None = f(
        "Periodieke autorisatiecontrole",
        "Periodic access review",
        "Worden autorisaties periodiek gecontroleerd?",
        "Are authorisations reviewed periodically?",
        ref="BIO2 5.18",
    )
    access_logging: bool | None = f(
        "Logging van toegang",
        "Access logging",
        "Wordt vastgelegd wie wanneer welke persoonsgegevens inziet of wijzigt, en waarom?",
        "Is it logged who reads or changes which personal data, when and why?",
        ref="AVG 5(2), 32; BIO2 8.15",
    )
    logs_protected: bool | None = f(
        "Logbestanden beschermd",
        "Logs protected",
        "Zijn de logbestanden beschermd tegen wijziging en onbevoegde inzage?",
        "Are logs protected against change and unauthorised access?",
        ref="BIO2 8.15",
    )
    pentest: dt.date | None = f(
        "Penetratietest",
        "Penetration test",
        "Datum van de laatste penetratietest.",
        "Date of the latest penetration test.",
        ref="AVG 32(1)(d); BIO2 8.8",
    )
    pentest_planned: bool | None = f(
        "Penetratietest gepland",
        "Penetration test planned",
        "Is vóór livegang een penetratietest gepland?",
        "Is a penetration test planned before go-live?",
        ref="AVG 32(1)(d)",
    )
    iot_hardening: bool | None = f(
        "IoT-apparaten gehard",
        "IoT devices hardened",
        "Zijn sensoren en apparaten gehard (geen standaardwachtwoorden) en op afstand bij te werken?",
        "Are sensors and devices hardened and remotely updatable?",
        ref="AVG 32; BIO2 8.9",
    )
    backups: bool | None = f(
        "Back-ups en continuïteit",
        "Backups and continuity",
        "Zijn back-ups en herstel geregeld en getest?",
        "Are backups and restore arranged and tested?",
        ref="AVG 32(1)(c); BIO2 8.13",
    )


class Necessity(_Model):
    alternatives_considered: list[Text] | None = f(
        "Overwogen alternatieven",
        "Alternatives considered",
        "Minder ingrijpende manieren om het doel te bereiken die zijn overwogen.",
        "Less intrusive ways to reach the purpose that were considered.",
        ref="Model DPIA §14.1",
    )
    why_rejected: Text | None = f(
        "Waarom afgewezen",
        "Why rejected",
        "Waarom die alternatieven het doel niet redelijkerwijs bereiken (subsidiariteit).",
        "Why those alternatives cannot reasonably reach the purpose (subsidiarity).",
        ref="Model DPIA §14.1",
    )
    proportionality: Text | None = f(
        "Proportionaliteit",
        "Proportionality",
        "De afweging tussen de inbreuk op de privacy en het belang van het doel.",
        "The weighing of the privacy intrusion against the purpose.",
        ref="Model DPIA §14.2",
    )
    effectiveness: Text | None = f(
        "Doeltreffendheid",
        "Effectiveness",
        "Waarom de verwerking het doel werkelijk dichterbij brengt.",
        "Why the processing actually helps reach the purpose.",
        ref="Model DPIA §14",
    )


class Transfer(_Model):
    country: Country = f(
        "Land",
        "Country",
        "Land waar de gegevens heen gaan of worden ingezien (ISO-code).",
        "Country the data go to or are accessed from (ISO code).",
        ref="AVG 44",
        default=...,
    )
    recipient: Text | None = f(
        "Ontvanger",
        "Recipient",
        "De partij die de gegevens ontvangt of inziet.",
        "The party receiving or accessing the data.",
        ref="AVG 30(1)(e)",
    )
    mechanism: TransferMechanism | None = f(
        "Doorgiftemechanisme",
        "Transfer mechanism",
        "De grondslag voor doorgifte buiten de EER (hoofdstuk V AVG).",
        "The basis for transfer outside the EEA (GDPR chapter V).",
        ref="AVG 45–49",
    )
    dtia: bool | None = f(
        "DTIA uitgevoerd",
        "DTIA done",
        "Is een data transfer impact assessment gedaan?",
        "Has a data transfer impact assessment been done?",
        ref="AVG 46; Schrems II",
    )
    supplementary_measures: Text | None = f(
        "Aanvullende maatregelen",
        "Supplementary measures",
        "Extra maatregelen zoals versleuteling met sleutels in de EER.",
        "Additional measures such as encryption with keys in the EEA.",
        ref="EDPB Recommendations 01/2020",
    )


class Processing(_Model):
    id: Identifier = f(
        "Kenmerk",
        "Identifier",
        "Kort, stabiel kenmerk van de verwerking, zoals 'kentekenscan'.",
        "Short, stable identifier of the processing.",
        default=...,
    )
    name: Text | None = f("Naam", "Name", "Naam van de verwerking.", "Name of the processing.", ref="Model DPIA §3")
    description: Text | None = f(
        "Beschrijving",
        "Description",
        "Wat er met de gegevens gebeurt (Model DPIA §3).",
        "What happens to the data (Model DPIA §3).",
        ref="Model DPIA §3",
    )
    purposes: list[Purpose] | None = f(
        "Doeleinden",
        "Purposes",
        "De doelen van deze verwerking (Model DPIA §5).",
        "The purposes of this processing (Model DPIA §5).",
        ref="AVG 5(1)(b)",
    )
    legal_basis: LegalBasis | None = f(
        "Rechtsgrond",
        "Legal basis",
        "De grondslag voor deze verwerking (Model DPIA §11).",
        "The legal basis of this processing (Model DPIA §11).",
        ref="AVG 6",
    )
    data_subjects: list[DataSubjects] | None = f(
        "Betrokkenen",
        "Data subjects",
        "Van wie gegevens worden verwerkt.",
        "Whose data are processed.",
        ref="AVG 30(1)(c)",
    )
    data_items: list[DataItem] | None = f(
        "Persoonsgegevens",
        "Personal data",
        "Welke persoonsgegevens worden verwerkt (Model DPIA §2).",
        "Which personal data are processed (Model DPIA §2).",
        ref="Model DPIA §2",
    )
    personal_data: bool | None = f(
        "Persoonsgegevens",
        "Personal data",
        "Worden in deze verwerking persoonsgegevens verwerkt? Antwoord nee als er alleen anonieme meetwaarden ontstaan, zonder herleidbaarheid tot personen.",
        "Does this processing handle personal data? Answer no when only anonymous measurements arise that cannot be traced to people.",
        ref="AVG 4(1); overweging 26",
    )
    collection: Collection | None = f(
        "Verzameling",
        "Collection",
        "Hoe en waar de gegevens worden verzameld.",
        "How and where the data are collected.",
        ref="Model DPIA §4",
    )
    scale: Scale | None = f(
        "Omvang",
        "Scale",
        "Hoeveel mensen en gegevens, hoe vaak en waar.",
        "How many people and records, how often and where.",
        ref="WP248 criterium 5",
    )
    techniques: list[Technique] | None = f(
        "Technieken",
        "Techniques",
        "Gebruikte technieken zoals profilering, algoritmen, AI, koppelen van datasets, nieuwe technologie, cloud (Model DPIA §4).",
        "Techniques used (Model DPIA §4).",
        ref="Model DPIA §4",
    )
    algorithm: Algorithm | None = f(
        "Algoritme",
        "Algorithm",
        "Alleen als een algoritme of AI wordt gebruikt.",
        "Only when an algorithm or AI is used.",
        ref="Algoritmekader",
    )
    retention: Retention | None = f(
        "Bewaren",
        "Retention",
        "Bewaartermijn en verwijdering (Model DPIA §10).",
        "Retention and deletion (Model DPIA §10).",
        ref="AVG 5(1)(e)",
    )
    minimisation: Minimisation | None = f(
        "Minimalisatie",
        "Minimisation",
        "Maatregelen om zo min mogelijk gegevens te verwerken.",
        "Measures to process as little data as possible.",
        ref="AVG 5(1)(c), 25",
    )
    transparency: Transparency | None = f(
        "Transparantie",
        "Transparency",
        "Hoe betrokkenen worden geïnformeerd.",
        "How data subjects are informed.",
        ref="AVG 12–14",
    )
    rights: Rights | None = f(
        "Rechten van betrokkenen",
        "Data subject rights",
        "Hoe de rechten van betrokkenen worden waargemaakt (Model DPIA §15).",
        "How data subject rights are honoured (Model DPIA §15).",
        ref="AVG 12–22",
    )
    security: Security | None = f(
        "Beveiliging", "Security", "Beveiligingsmaatregelen (BIO2).", "Security measures (BIO2).", ref="AVG 32"
    )
    necessity: Necessity | None = f(
        "Noodzaak en evenredigheid",
        "Necessity and proportionality",
        "Subsidiariteit en proportionaliteit (Model DPIA §14).",
        "Subsidiarity and proportionality (Model DPIA §14).",
        ref="AVG 35(7)(b)",
    )
    transfers: list[Transfer] | None = f(
        "Doorgiften",
        "Transfers",
        "Doorgifte of inzage van gegevens buiten Nederland (Model DPIA §8).",
        "Transfer of or access to data outside the Netherlands (Model DPIA §8).",
        ref="AVG 44–49",
    )
    shared_with: list[Text] | None = f(
        "Gedeeld met",
        "Shared with",
        "Namen van partijen (uit 'parties') die gegevens uit deze verwerking ontvangen.",
        "Names of parties (from 'parties') receiving data from this processing.",
        ref="AVG 30(1)(d)",
    )
    systems: list[Identifier] | None = f(
        "Systemen",
        "Systems",
        "Kenmerken van de systemen (uit 'systems') die deze verwerking uitvoeren.",
        "Identifiers of the systems (from 'systems') that run this processing.",
    )
    access_to_service: bool | None = f(
        "Beslist over toegang tot een dienst",
        "Decides on access to a service",
        "Bepaalt de uitkomst of iemand een dienst, voorziening, uitkering of overeenkomst krijgt of houdt?",
        "Does the outcome decide whether someone gets or keeps a service, benefit or contract?",
        ref="WP248 criterium 9",
    )
    legal_framework: list[Text] | None = f(
        "Juridisch kader",
        "Legal framework",
        "Wet- en regelgeving en beleid die op deze verwerking van toepassing zijn (Model DPIA §9).",
        "Laws and policy applying to this processing (Model DPIA §9).",
        ref="Model DPIA §9",
    )


# --------------------------------------------------------------------------------------------
# systems, risks, waivers


class Hosting(_Model):
    model: HostingModel | None = f(
        "Hostingmodel",
        "Hosting model",
        "On-premise, IaaS, PaaS, SaaS of op het apparaat.",
        "On premise, IaaS, PaaS, SaaS or on the device.",
        ref="Pre-scan 0.6",
    )
    country: Country | None = f(
        "Opslagland",
        "Storage country",
        "Land waar de gegevens worden opgeslagen (ISO-code).",
        "Country where the data are stored (ISO code).",
        ref="AVG 44",
    )
    provider: Text | None = f(
        "Hostingpartij", "Hosting provider", "Wie de hosting levert.", "Who provides the hosting."
    )
    provider_hq_country: Country | None = f(
        "Hoofdvestiging hostingpartij",
        "Hosting provider headquarters",
        "Land van de hoofdvestiging van de hostingpartij (ISO-code).",
        "Country of the hosting provider's headquarters.",
        ref="Pre-scan 2.1.2",
    )
    support_country: Country | None = f(
        "Land van ondersteuning",
        "Support country",
        "Van waaruit beheer en ondersteuning plaatsvinden (ISO-code).",
        "Where administration and support happen from.",
        ref="Pre-scan 2.1.4",
    )
    telemetry_country: Country | None = f(
        "Land van telemetrie",
        "Telemetry country",
        "Waar telemetrie- en diagnosegegevens heen gaan (ISO-code).",
        "Where telemetry and diagnostic data go.",
        ref="Pre-scan 2.1.5",
    )


class System(_Model):
    id: Identifier = f(
        "Kenmerk",
        "Identifier",
        "Kort, stabiel kenmerk van het systeem.",
        "Short, stable identifier of the system.",
        default=...,
    )
    name: Text | None = f("Naam", "Name", "Naam van het systeem of product.", "Name of the system or product.")
    supplier: Text | None = f(
        "Leverancier",
        "Supplier",
        "Naam van de leverancier (bij voorkeur ook als partij opgenomen).",
        "Name of the supplier (preferably also listed as a party).",
    )
    description: Text | None = f(
        "Beschrijving", "Description", "Wat het systeem doet in het project.", "What the system does in the project."
    )
    hosting: Hosting | None = f(
        "Hosting", "Hosting", "Waar en hoe het systeem draait.", "Where and how the system runs.", ref="AVG 44"
    )
    capabilities: list[Capability] | None = f(
        "Functionaliteiten",
        "Capabilities",
        "Welke privacy-functionaliteiten het systeem aantoonbaar heeft (zie `pbd criteria capabilities`).",
        "Which privacy capabilities the system demonstrably has.",
        ref="AVG 25",
    )
    assessed: bool | None = f(
        "Beoordeeld",
        "Assessed",
        "Zijn de functionaliteiten geverifieerd (document, demo, test), of gaat het om toezeggingen van de leverancier?",
        "Were the capabilities verified, or are they supplier claims?",
    )


class Risk(_Model):
    id: Identifier = f(
        "Kenmerk", "Identifier", "Kort kenmerk van het risico, zoals R1.", "Short identifier such as R1.", default=...
    )
    description: Text | None = f(
        "Risico",
        "Risk",
        "Wat er mis kan gaan voor betrokkenen (Model DPIA §16).",
        "What can go wrong for data subjects (Model DPIA §16).",
        ref="AVG 35(7)(c)",
    )
    origin: Text | None = f(
        "Oorsprong", "Origin", "Waar het risico vandaan komt.", "Where the risk comes from.", ref="Model DPIA §16"
    )
    processings: list[Identifier] | None = f(
        "Verwerkingen",
        "Processings",
        "Kenmerken van de verwerkingen waarop het risico betrekking heeft.",
        "Identifiers of the processings the risk concerns.",
    )
    likelihood: Level | None = f(
        "Kans", "Likelihood", "Kans: laag, midden of hoog.", "Likelihood: low, medium or high.", ref="Model DPIA §16"
    )
    impact: Level | None = f(
        "Impact",
        "Impact",
        "Impact op betrokkenen: laag, midden of hoog.",
        "Impact on data subjects: low, medium or high.",
        ref="Model DPIA §16",
    )
    measures: list[Text] | None = f(
        "Maatregelen",
        "Measures",
        "Technische, organisatorische en juridische maatregelen (Model DPIA §17).",
        "Technical, organisational and legal measures (Model DPIA §17).",
        ref="AVG 35(7)(d)",
    )
    residual: Level | None = f(
        "Restrisico",
        "Residual risk",
        "Het risico dat na de maatregelen overblijft.",
        "The risk remaining after the measures.",
        ref="AVG 36",
    )
    owner: Text | None = f(
        "Eigenaar", "Owner", "Wie de maatregelen beheert.", "Who owns the measures.", ref="Model DPIA §17"
    )
    acceptance: Text | None = f(
        "Motivering acceptatie",
        "Acceptance reasoning",
        "Waarom een overblijvend risico aanvaardbaar is (Model DPIA §17.3).",
        "Why a remaining risk is acceptable.",
        ref="Model DPIA §17.3",
    )


class Waiver(_Model):
    criterion: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{2}(-[0-9]{2})?$")] = f(
        "Criterium of systeemeis",
        "Criterion or system requirement",
        "Het kenmerk, zoals DM-02 of SE-LG-01.",
        "The id, such as DM-02 or SE-LG-01.",
        default=...,
    )
    target: Identifier | None = f(
        "Verwerking of systeem",
        "Processing or system",
        "Het kenmerk van de verwerking of het systeem waarvoor de afwijking geldt; leeg = alle.",
        "The processing or system the waiver covers; empty = all.",
    )
    reason: Text | None = f(
        "Reden", "Reason", "Waarom het risico wordt geaccepteerd.", "Why the risk is accepted.", ref="AVG 24"
    )
    approved_by: Text | None = f(
        "Goedgekeurd door",
        "Approved by",
        "Wie de afwijking heeft goedgekeurd (bijv. de portefeuillehouder).",
        "Who approved the waiver.",
        ref="AVG 5(2)",
    )
    expires: dt.date | None = f(
        "Geldig tot", "Expires", "Tot wanneer de afwijking geldt.", "Until when the waiver holds."
    )


class ProjectDescription(_Model):
    """A project's data-processing description: the input of every pbd command."""

    schema_version: int = f(
        "Schemaversie",
        "Schema version",
        "Versie van dit beschrijvingsformaat.",
        "Version of this description format.",
        default=SCHEMA_VERSION,
        ge=1,
        le=SCHEMA_VERSION,
    )
    project: Project = f(
        "Project", "Project", "Algemene gegevens van het project.", "General project information.", default=...
    )
    parties: list[Party] | None = f(
        "Partijen",
        "Parties",
        "Alle betrokken organisaties en hun rol (Model DPIA §6).",
        "Every organisation involved and its role (Model DPIA §6).",
        ref="AVG 26, 28",
    )
    processings: list[Processing] | None = f(
        "Verwerkingen",
        "Processings",
        "De gegevensverwerkingen van het project (Model DPIA §3).",
        "The project's processing operations (Model DPIA §3).",
        ref="AVG 30",
    )
    systems: list[System] | None = f(
        "Systemen",
        "Systems",
        "Informatiesystemen, getoetst aan de systeemeisen.",
        "Information systems, checked against the system requirements.",
        ref="AVG 25",
    )
    risks: list[Risk] | None = f(
        "Risico's",
        "Risks",
        "Risico's voor betrokkenen met kans, impact, maatregelen en restrisico (Model DPIA §16–17).",
        "Risks to data subjects (Model DPIA §16–17).",
        ref="AVG 35(7)(c)",
    )
    waivers: list[Waiver] | None = f(
        "Geaccepteerde afwijkingen",
        "Waivers",
        "Bewust geaccepteerde tekortkomingen: wie, waarom, tot wanneer.",
        "Deliberately accepted gaps: who, why, until when.",
        ref="AVG 24",
    )
    notes: dict[NoteKey, Text] | None = f(
        "Aantekeningen",
        "Notes",
        "Vrije tekst per onderwerp die geen eigen veld heeft, zoals antwoorden uit de Invulhulp voor Pre-scan en DPIA die pbd niet kon overnemen; het rapport toont ze.",
        "Free text per topic that has no field of its own, such as answers from the government's Pre-scan/DPIA form that pbd could not map; the report shows them.",
    )

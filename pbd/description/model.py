"""The project description: the pydantic model every part of pbd reads.

Every field carries a Dutch title and help text (``title``/``description``, shown by editors) and
an English one (``x-title-en``/``x-help-en``), plus ``x-ref``, the article it serves. These feed
the questionnaire and the reports: there is no second copy of the questions.

Every answer that can legitimately be unknown early in a project is optional: absent means
"not yet answered", which the evaluation reports as an open question, not as a gap.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from pbd.capabilities import CAPABILITIES
from pbd.description.values import (
    DURATION,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
    check_capability,
    check_country,
    check_duration,
)
from pbd.limits import (
    MAX_COUNT,
    MAX_DATA_ITEMS,
    MAX_DATA_SUBJECT_GROUPS,
    MAX_DURATION_DAYS,
    MAX_PARTIES,
    MAX_PROCESSINGS,
    MAX_PURPOSES,
    MAX_RISKS,
    MAX_SYSTEMS,
    MAX_WAIVERS,
)
from pbd.vocabulary import (
    AdviceFollowed,
    Agreement,
    AgreementClause,
    AiHighRisk,
    AlternativeOutcome,
    AnonymisationMethod,
    Answer,
    Area,
    Art9Exception,
    Assessed,
    CollectionMethod,
    Compatibility,
    Conduct,
    ConsentCapacity,
    ControllerBody,
    DataCategory,
    DataForm,
    DataType,
    DecidedBy,
    DecisionOutcome,
    Deletion,
    DpiaStatus,
    EdgeOutput,
    EffectivenessStatus,
    EvidenceLevel,
    Frequency,
    Gate,
    HostingModel,
    KeyHolder,
    LegalGround,
    Level,
    Minors,
    NecessityOutcome,
    PartyKind,
    PoliceAccess,
    ProhibitedPractice,
    ProportionalityOutcome,
    PurposeKind,
    RejectionReason,
    RetentionBasis,
    Role,
    ScreeningSource,
    Signage,
    Source,
    SpecialCategory,
    Specificity,
    SubjectRelation,
    SystemType,
    Technique,
    TransferMechanism,
    VerificationMethod,
    WorksCouncilConsent,
    YesNoUnknown,
)

Duration = Annotated[
    str,
    AfterValidator(check_duration),
    Field(json_schema_extra={"pattern": DURATION.pattern, "examples": ["P30D", "PT24H", "P2Y"]}),
]
Capability = Annotated[str, AfterValidator(check_capability), Field(json_schema_extra={"enum": sorted(CAPABILITIES)})]
Country = Annotated[str, AfterValidator(check_country), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)]


class _FreeText:
    """Marks free text in ``Annotated`` metadata: the fields whose placeholders are not answers."""

    def __repr__(self) -> str:
        return "FREE_TEXT"


#: the marker on :data:`Text`; :mod:`pbd.description.placeholders` strips placeholders only from these fields
FREE_TEXT = _FreeText()
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000), FREE_TEXT]
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
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False, defer_build=True)


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
    followed: AdviceFollowed | None = f(
        "Advies opgevolgd",
        "Advice followed",
        "Is het advies overgenomen: ja, gedeeltelijk of nee? Bij gedeeltelijk of nee: leg vast waarom en wie daartoe besloot.",
        "Was the advice followed: yes, partly or no? If partly or no, record why and who decided so.",
        ref="AVG 35(2), 39(1)(c)",
    )
    deviation_reason: Text | None = f(
        "Reden van afwijken",
        "Reason for deviating",
        "Waarom het advies niet (geheel) is gevolgd.",
        "Why the advice was not (fully) followed.",
        ref="AVG 35(2); AVG 5(2)",
    )
    deviation_decided_by: DecidedBy | None = f(
        "Afwijking besloten door",
        "Deviation decided by",
        "Wie besloot van het advies af te wijken. Dat hoort de verwerkingsverantwoordelijke te zijn (college, burgemeester of raad), niet een stuurgroep of projectleider.",
        "Who decided to deviate from the advice. That should be the controller (college, mayor or council), not a steering group or project lead.",
        ref="AVG 4(7), 35(2)",
    )
    version: Text | None = f(
        "Versie DPIA van het advies",
        "DPIA version advised on",
        "Op welke versie van de DPIA het advies betrekking heeft (bijv. 'concept 0.9 van 12 maart').",
        "Which version of the DPIA the advice is on (e.g. 'draft 0.9 of 12 March').",
        ref="AVG 35(2)",
    )


class Controller(_Model):
    body: ControllerBody | None = f(
        "Bestuursorgaan",
        "Administrative body",
        "Welk bestuursorgaan verwerkingsverantwoordelijke is: het college, de burgemeester (bijv. cameratoezicht art. 151c Gemeentewet), beide samen, of de raad.",
        "Which administrative body is the controller: the college, the mayor (e.g. camera surveillance under art. 151c Municipalities Act), both jointly, or the council.",
        ref="AVG 4(7); Gemeentewet 151c",
    )
    name: Text | None = f(
        "Naam",
        "Name",
        "De naam zoals in het verwerkingsregister, bijv. 'college van B en W van Zoetermeer'.",
        "The name as in the register of processing, e.g. 'college van B en W van Zoetermeer'.",
        ref="AVG 30(1)(a)",
    )


class Decision(_Model):
    decided_by: DecidedBy | None = f(
        "Besloten door",
        "Decided by",
        "Wie het besluit over de DPIA nam. Een stuurgroep of projectleider is geen verwerkingsverantwoordelijke.",
        "Who took the decision on the DPIA. A steering group or project lead is not the controller.",
        ref="AVG 4(7), 24(1)",
    )
    date: dt.date | None = f(
        "Datum besluit", "Date of decision", "Wanneer het besluit is genomen.", "When the decision was taken."
    )
    outcome: DecisionOutcome | None = f(
        "Uitkomst",
        "Outcome",
        "Doorgaan, doorgaan onder voorwaarden, of niet doorgaan.",
        "Go, go with conditions, or no go.",
        ref="AVG 24(1)",
    )
    version: Text | None = f(
        "Versie DPIA",
        "DPIA version",
        "Op welke versie van de DPIA het besluit is genomen.",
        "Which version of the DPIA the decision is based on.",
        ref="AVG 35(7)",
    )
    conditions: list[Text] | None = f(
        "Voorwaarden",
        "Conditions",
        "De voorwaarden waaronder het project door mag gaan (bij 'doorgaan onder voorwaarden').",
        "The conditions the project must meet to go ahead (with 'go with conditions').",
        ref="AVG 24(1)",
    )


class WorksCouncil(_Model):
    required: YesNoUnknown | None = f(
        "Instemming OR nodig",
        "Works council consent needed",
        "Kan het systeem aanwezigheid, gedrag of prestaties van medewerkers waarnemen of controleren, of gaat het om regels voor het verwerken van personeelsgegevens? Dan is instemming van de ondernemingsraad nodig.",
        "Can the system observe or check employees' presence, behaviour or performance, or does it set rules for processing staff data? Then the works council must consent.",
        ref="WOR 27(1)(k), 27(1)(l)",
    )
    consent: WorksCouncilConsent | None = f(
        "Instemming OR",
        "Works council consent",
        "Stand van zaken: gegeven, gevraagd, geweigerd of niet gevraagd.",
        "Where it stands: given, requested, refused or not requested.",
        ref="WOR 27",
    )
    date: dt.date | None = f(
        "Datum instemming",
        "Date of consent",
        "Wanneer de ondernemingsraad instemde of om instemming is gevraagd.",
        "When the works council consented or was asked to.",
    )


class ImpactClassification(_Model):
    done: bool | None = f(
        "Impactclassificatie gedaan",
        "Impact classification done",
        "Is de informatie geclassificeerd op basis van een risicoafweging (BIO2 5.12.01)? De BIO2 kent geen basisbeveiligingsniveaus (BBN) meer.",
        "Has the information been classified on a risk basis (BIO2 5.12.01)? BIO2 no longer has baseline security levels (BBN).",
        ref="BIO2 5.12.01; AVG 32",
    )
    confidentiality: Level | None = f(
        "Vertrouwelijkheid",
        "Confidentiality",
        "Impact bij verlies van vertrouwelijkheid: laag, midden of hoog.",
        "Impact of a loss of confidentiality: low, medium or high.",
        ref="BIO2 5.12.01",
    )
    integrity: Level | None = f(
        "Integriteit",
        "Integrity",
        "Impact bij verlies van integriteit: laag, midden of hoog.",
        "Impact of a loss of integrity: low, medium or high.",
        ref="BIO2 5.12.01",
    )
    availability: Level | None = f(
        "Beschikbaarheid",
        "Availability",
        "Impact bij verlies van beschikbaarheid: laag, midden of hoog.",
        "Impact of a loss of availability: low, medium or high.",
        ref="BIO2 5.12.01",
    )
    statement_of_applicability: bool | None = f(
        "Verklaring van toepasselijkheid",
        "Statement of applicability",
        "Is vastgelegd welke BIO2-maatregelen van toepassing zijn en waarom (Verklaring van toepasselijkheid)?",
        "Is it recorded which BIO2 controls apply and why (statement of applicability)?",
        ref="BIO2",
    )


APType = Annotated[int, Field(ge=1, le=17)]
WP248Criterion = Annotated[int, Field(ge=1, le=9)]


class ScreeningDeclared(_Model):
    source: ScreeningSource | None = f(
        "Bron",
        "Source",
        "Van wie de aangevinkte punten komen: de eigen beoordeling van FG of privacyadviseur, of de Invulhulp.",
        "Where the ticks come from: the DPO's or privacy adviser's own assessment, or the Invulhulp.",
    )
    ap: list[APType] | None = f(
        "AP-lijst",
        "DPA list",
        "Nummers (1–17) van de soorten verwerkingen op de DPIA-lijst van de AP die volgens de beoordelaar van toepassing zijn. pbd toont ze naast de eigen screening; ze tellen niet als feit.",
        "Numbers (1–17) of the Dutch DPA's DPIA list types the assessor ticked. pbd shows them beside its own screening; they are not facts.",
        ref="AVG 35(4); Stcrt. 2019, 64418",
    )
    wp248: list[WP248Criterion] | None = f(
        "WP248-criteria",
        "WP248 criteria",
        "Nummers (1–9) van de WP248-criteria die volgens de beoordelaar van toepassing zijn.",
        "Numbers (1–9) of the WP248 criteria the assessor ticked.",
        ref="WP248 rev.01",
    )
    date: dt.date | None = f("Datum", "Date", "Wanneer deze beoordeling is gemaakt.", "When this assessment was made.")


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
    non_functional_cookies: bool | None = f(
        "Niet-functionele cookies",
        "Non-functional cookies",
        "Plaatst of leest de app of website iets op het apparaat van de gebruiker dat niet strikt nodig is voor de dienst (analytische of tracking-cookies, SDK's van derden)?",
        "Does the app or site store or read anything on the user's device that is not strictly needed for the service (analytics or tracking cookies, third-party SDKs)?",
        ref="Telecommunicatiewet 11.7a",
    )
    cookie_consent: bool | None = f(
        "Toestemming voor cookies",
        "Cookie consent",
        "Wordt vooraf toestemming gevraagd voor die niet-functionele cookies en SDK's, met weigeren even makkelijk als accepteren?",
        "Is consent asked beforehand for those non-functional cookies and SDKs, with refusing as easy as accepting?",
        ref="Telecommunicatiewet 11.7a; AVG 4(11)",
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
        "Is een evaluatie gepland die laat zien of de verwerking werkt, inclusief de privacy-effecten (bij een proef: vóór opschaling)?",
        "Is an evaluation planned that shows whether the processing works, privacy effects included (for a pilot: before scaling up)?",
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
    controller: Controller | None = f(
        "Verwerkingsverantwoordelijke",
        "Controller",
        "Het bestuursorgaan dat verantwoordelijk is voor de verwerkingen van dit project.",
        "The administrative body responsible for the project's processing.",
        ref="AVG 4(7)",
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
    decision: Decision | None = f(
        "Besluit over de DPIA",
        "Decision on the DPIA",
        "Het besluit van de verwerkingsverantwoordelijke over de DPIA: wie, wanneer, op welke versie, met welke uitkomst.",
        "The controller's decision on the DPIA: who, when, on which version, with what outcome.",
        ref="AVG 24(1), 35",
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
    breach_register: bool | None = f(
        "Register van datalekken",
        "Breach register",
        "Legt de gemeente elk datalek vast in een eigen register, ook als het niet gemeld hoeft te worden?",
        "Does the municipality record every breach in its own register, also when it need not be notified?",
        ref="AVG 33(5)",
    )
    works_council: WorksCouncil | None = f(
        "Ondernemingsraad",
        "Works council",
        "Alleen als medewerkers kunnen worden waargenomen of gecontroleerd, of als het om personeelsgegevens gaat.",
        "Only when employees can be observed or checked, or staff data are concerned.",
        ref="WOR 27(1)(k), 27(1)(l)",
    )
    impact_classification: ImpactClassification | None = f(
        "Impactclassificatie (BIO2)",
        "Impact classification (BIO2)",
        "De risicogebaseerde classificatie van de informatie naar vertrouwelijkheid, integriteit en beschikbaarheid.",
        "The risk-based classification of the information by confidentiality, integrity and availability.",
        ref="BIO2 5.12.01",
    )
    screening_declared: ScreeningDeclared | None = f(
        "Eigen DPIA-screening",
        "Own DPIA screening",
        "De punten die de FG, de privacyadviseur of de Invulhulp heeft aangevinkt. pbd toont ze naast zijn eigen screening.",
        "The points ticked by the DPO, the privacy adviser or the Invulhulp. pbd shows them beside its own screening.",
        ref="AVG 35(1)",
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
    agreement_covers: list[AgreementClause] | None = f(
        "Inhoud verwerkersovereenkomst",
        "Contents of the processing agreement",
        "Welke onderdelen van art. 28(3) AVG de verwerkersovereenkomst regelt: instructies, geheimhouding, beveiliging, subverwerkers, rechten van betrokkenen, bijstand, wissen of teruggeven, audits.",
        "Which parts of art. 28(3) GDPR the processing agreement covers: instructions, confidentiality, security, sub-processors, data subject rights, assistance, deletion or return, audits.",
        ref="AVG 28(3)(a)–(h)",
    )
    kind: PartyKind | None = f(
        "Soort organisatie",
        "Kind of organisation",
        "Wat voor organisatie dit is: gemeente, leverancier, onderzoeksinstelling, politie, boa-organisatie, evenementenorganisator, stichting, netbeheerder of anders.",
        "What kind of organisation this is.",
        ref="Wpg; AVG 4(7)–(10)",
    )
    country: Country | None = f(
        "Land",
        "Country",
        "Land van vestiging (ISO-code, bijv. NL).",
        "Country of establishment (ISO code, e.g. NL).",
        ref="AVG 44",
    )
    headquarters_country: Country | None = f(
        "Land van hoofdvestiging",
        "Headquarters country",
        "Land van de hoofdvestiging of het moederbedrijf (ISO-code). Een moeder buiten de EER kan onder haar eigen recht (zoals de Amerikaanse CLOUD Act) worden gedwongen gegevens af te geven: een risico om te beoordelen, geen doorgifte op zich.",
        "Country of the headquarters or parent company (ISO code). A parent outside the EEA can be compelled by its own law (such as the US CLOUD Act) to hand over data: a risk to assess, not a transfer in itself.",
        ref="AVG 48; EDPB Recommendations 01/2020",
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


class CompatibilityFactors(_Model):
    link: bool | None = f(
        "Verband tussen de doelen",
        "Link between the purposes",
        "Is er een duidelijk verband tussen het oorspronkelijke en het nieuwe doel?",
        "Is there a clear link between the original and the new purpose?",
        ref="AVG 6(4)(a)",
    )
    context_expected: bool | None = f(
        "Past bij de verwachting",
        "Within expectations",
        "Mogen betrokkenen, gezien de context waarin de gegevens zijn verzameld, dit nieuwe gebruik verwachten?",
        "Given the context of collection, may data subjects expect this new use?",
        ref="AVG 6(4)(b)",
    )
    nature_sensitive: bool | None = f(
        "Gevoelige gegevens",
        "Sensitive data",
        "Gaat het om bijzondere of strafrechtelijke gegevens of ander gevoelig materiaal? Dan weegt verder gebruik zwaarder.",
        "Are special-category, criminal or otherwise sensitive data involved? Then further use weighs heavier.",
        ref="AVG 6(4)(c)",
    )
    consequences_serious: bool | None = f(
        "Ernstige gevolgen",
        "Serious consequences",
        "Kan het nieuwe gebruik ernstige gevolgen hebben voor betrokkenen (zoals een boete, sanctie of verlies van een voorziening)?",
        "Can the new use have serious consequences for data subjects (such as a fine, sanction or loss of a benefit)?",
        ref="AVG 6(4)(d)",
    )
    safeguards: bool | None = f(
        "Passende waarborgen",
        "Appropriate safeguards",
        "Zijn er passende waarborgen, zoals versleuteling of pseudonimisering?",
        "Are there appropriate safeguards, such as encryption or pseudonymisation?",
        ref="AVG 6(4)(e)",
    )


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
    kind: PurposeKind | None = f(
        "Soort doel",
        "Kind of purpose",
        "Wat voor doel dit is: dienstverlening, handhaving, fraudebestrijding, openbare orde, veiligheid, onderzoek, statistiek, beleid, controle op medewerkers of anders.",
        "What kind of purpose this is: service, enforcement, fraud control, public order, safety, research, statistics, policy, employee monitoring or other.",
        ref="AVG 5(1)(b), 6(4)",
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
    compatibility_factors: CompatibilityFactors | None = f(
        "Factoren verenigbaarheid",
        "Compatibility factors",
        "De uitkomst van de toets van art. 6(4) AVG, per factor.",
        "The outcome of the art. 6(4) GDPR test, factor by factor.",
        ref="AVG 6(4)(a)–(e)",
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
    dependency: bool | None = f(
        "Afhankelijk van de gemeente",
        "Dependent on the municipality",
        "Is de betrokkene afhankelijk van de gemeente of de partij die toestemming vraagt (uitkering, werk, vergunning, zorg)? Dan is toestemming zelden vrij.",
        "Does the data subject depend on the municipality or the party asking (benefits, employment, permit, care)? Then consent is rarely free.",
        ref="AVG 4(11), 7(4); overweging 43",
    )
    tied_to_service: bool | None = f(
        "Voorwaarde voor toegang of dienst",
        "Condition for entry or service",
        "Is toestemming een voorwaarde om een plek te betreden of een dienst te krijgen, terwijl de verwerking daarvoor niet nodig is?",
        "Is consent a condition for entering a place or getting a service, while the processing is not needed for it?",
        ref="AVG 7(4)",
    )
    invited_by: Text | None = f(
        "Gevraagd door",
        "Asked by",
        "Wie om toestemming vraagt, bijv. 'consulent schuldhulpverlening' of 'de app bij installatie'.",
        "Who asks for consent, e.g. 'debt counselling caseworker' or 'the app at installation'.",
        ref="AVG 7(4); overweging 43",
    )
    capacity: ConsentCapacity | None = f(
        "Handelingsbekwaamheid",
        "Capacity to consent",
        "Kunnen alle betrokkenen zelf toestemming geven, of zijn er minderjarigen of mensen die wilsonbekwaam zijn (zoals bij dementie)?",
        "Can all data subjects consent themselves, or are there minors or people lacking capacity (as with dementia)?",
        ref="AVG 8; UAVG 5",
    )
    representative: bool | None = f(
        "Toestemming door vertegenwoordiger",
        "Consent by a representative",
        "Geeft een ouder, voogd, curator of mentor de toestemming waar de betrokkene dat zelf niet kan?",
        "Does a parent, guardian or legal representative consent where the data subject cannot?",
        ref="UAVG 5",
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
    specificity: Specificity | None = f(
        "Specifiek genoeg",
        "Specific enough",
        "Beschrijft de bepaling deze taak en deze inbreuk (specifiek), of alleen een algemene taak of bevoegdheid zoals 'Gemeentewet art. 160', 'Jeugdwet, preventieve taak' of een convenant? Hoe ingrijpender de verwerking, hoe preciezer de wet moet zijn.",
        "Does the provision describe this task and this intrusion (specific), or only a general task or competence such as 'Gemeentewet art. 160' or a covenant? The more intrusive the processing, the more precise the law must be.",
        ref="AVG 6(3); EVRM 8(2)",
    )
    necessity_tested: bool | None = f(
        "Noodzaak getoetst",
        "Necessity tested",
        "Is getoetst of de verwerking noodzakelijk is voor de wettelijke verplichting of de publieke taak?",
        "Was it tested whether the processing is necessary for the legal obligation or public task?",
        ref="AVG 6(1)(c), 6(1)(e)",
    )
    necessity_outcome: NecessityOutcome | None = f(
        "Uitkomst noodzakelijkheidstoets",
        "Outcome of the necessity test",
        "Noodzakelijk of niet noodzakelijk.",
        "Necessary or not necessary.",
        ref="AVG 6(1)(c), 6(1)(e)",
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
    relation: SubjectRelation | None = f(
        "Relatie tot de verwerking",
        "Relation to the processing",
        "Is de verwerking op deze groep gericht (doelgroep), of komen zij er toevallig in voor (passanten, omstanders)?",
        "Is the processing aimed at this group (targeted), or do they appear in it by chance (passers-by, bystanders)?",
        ref="WP248 criterium 7; overweging 38",
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
        le=MAX_COUNT,
        strict=True,
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
    conduct: Conduct | None = f(
        "Gedrag vastgelegd",
        "Conduct recorded",
        "Legt dit gegeven gedrag van een persoon vast: onrechtmatig gedrag, overlast, of slecht betaalgedrag? Zulke gegevens delen met derden is AP-lijst type 2.",
        "Does this item record a person's conduct: unlawful conduct, antisocial conduct, or bad payment behaviour? Sharing such data with third parties is AP list type 2.",
        ref="AP-lijst DPIA (Stcrt. 2019, 64418) type 2",
    )
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
    form: DataForm | None = f(
        "Vorm",
        "Form",
        "In welke vorm het gegeven wordt bewaard: onbewerkt, gehasht, ingekort, versleuteld, geaggregeerd of geanonimiseerd. Een gehasht of ingekort kenmerk blijft een persoonsgegeven zolang de anonimisering niet is aangetoond.",
        "The form the item is kept in. A hashed or truncated identifier remains personal data unless the anonymisation has been verified.",
        ref="AVG 4(1), 4(5); overweging 26",
    )
    strip_metadata: bool | None = f(
        "Metadata verwijderd",
        "Metadata removed",
        "Worden EXIF- en vergelijkbare metadata (locatie, tijdstip, apparaat) uit foto's en bestanden verwijderd?",
        "Are EXIF and similar metadata (location, time, device) removed from photos and files?",
        ref="AVG 5(1)(c), 25(2)",
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
    retention_purpose: Text | None = f(
        "Doel van het bewaren",
        "Purpose of keeping",
        "Waarvoor het gegeven na het verzamelen nog nodig is, bijv. 'bezwaar tegen de naheffing'.",
        "What the item is still needed for after collection, e.g. 'objection to the tax assessment'.",
        ref="AVG 5(1)(e)",
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


class CameraRules(_Model):
    art_151c: bool | None = f(
        "Cameratoezicht art. 151c",
        "Camera surveillance under art. 151c",
        "Is dit cameratoezicht op openbare plaatsen voor de handhaving van de openbare orde (art. 151c Gemeentewet)? Camera's voor bijvoorbeeld verkeerstellingen of parkeercontrole vallen daar niet onder.",
        "Is this camera surveillance of public places to maintain public order (art. 151c Municipalities Act)? Cameras for e.g. traffic counts or parking enforcement are not.",
        ref="Gemeentewet 151c",
    )
    aanwijzingsbesluit: bool | None = f(
        "Aanwijzingsbesluit",
        "Designation order",
        "Heeft de burgemeester de plaatsen aangewezen in een aanwijzingsbesluit op grond van de APV?",
        "Has the mayor designated the places in a designation order under the by-law (APV)?",
        ref="Gemeentewet 151c(1)",
    )
    burgemeester_decided: bool | None = f(
        "Besluit burgemeester",
        "Mayor's decision",
        "Heeft de burgemeester (niet het college) besloten tot het cameratoezicht?",
        "Did the mayor (not the college) decide on the camera surveillance?",
        ref="Gemeentewet 151c(1)",
    )
    area_and_period_fixed: bool | None = f(
        "Gebied en periode vastgelegd",
        "Area and period fixed",
        "Zijn het gebied en de duur van het toezicht in het besluit vastgelegd?",
        "Are the area and the duration of the surveillance fixed in the decision?",
        ref="Gemeentewet 151c(2)",
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
    observes_persons: bool | None = f(
        "Neemt personen waar",
        "Observes persons",
        "Neemt de sensor mensen (of hun apparaten) waar? Een bezettingssensor of magnetometer die alleen voertuigen of objecten detecteert doet dat niet; een camera, wifi-sensor of radar die voetgangers telt wel.",
        "Does the sensor observe people (or their devices)? An occupancy sensor or magnetometer that detects only vehicles or objects does not; a camera, wifi sensor or radar counting pedestrians does.",
        ref="AVG 4(1); AVG 35(3)(c)",
    )
    signage: Signage | None = f(
        "Borden of markering",
        "Signs or markings",
        "Waar mensen op de waarneming worden gewezen: bij alle toegangen tot het gebied, bij een deel ervan, of nergens.",
        "Where people are told about the observation: at every entrance to the area, at some, or nowhere.",
        ref="AVG 12, 13; Gemeentewet 151c(3)",
    )
    camera_rules: CameraRules | None = f(
        "Regels cameratoezicht (art. 151c)",
        "Camera surveillance rules (art. 151c)",
        "Alleen voor cameratoezicht op openbare plaatsen ter handhaving van de openbare orde.",
        "Only for camera surveillance of public places to maintain public order.",
        ref="Gemeentewet 151c",
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
        le=MAX_COUNT,
        strict=True,
    )
    records: int | None = f(
        "Aantal records",
        "Number of records",
        "Geschat aantal records per jaar.",
        "Estimated number of records per year.",
        ge=0,
        le=MAX_COUNT,
        strict=True,
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


class AiAct(_Model):
    ai_system: bool | None = f(
        "AI-systeem",
        "AI system",
        "Is het een AI-systeem in de zin van de AI-verordening (een systeem dat uit invoer afleidt hoe het uitvoer genereert, zoals voorspellingen, aanbevelingen of besluiten)?",
        "Is it an AI system within the meaning of the AI Act (a system that infers from input how to generate outputs such as predictions, recommendations or decisions)?",
        ref="AI-verordening art. 3(1)",
    )
    prohibited_practice: ProhibitedPractice | None = f(
        "Verboden praktijk",
        "Prohibited practice",
        "Valt het gebruik onder een verboden praktijk van art. 5, zoals emotieherkenning op het werk of in het onderwijs, of real-time biometrische identificatie op afstand in de openbare ruimte voor rechtshandhaving? Kies 'none' als dat niet zo is.",
        "Does the use fall under an art. 5 prohibited practice? Choose 'none' if not.",
        ref="AI-verordening art. 5",
    )
    high_risk: AiHighRisk | None = f(
        "Hoog risico",
        "High risk",
        "Is het een hoog-risico AI-systeem, en zo ja op grond van welke bijlage (III: biometrie, essentiële diensten en uitkeringen, rechtshandhaving, werk, ander gebied; I: productveiligheid)? Kies 'none' als dat niet zo is.",
        "Is it a high-risk AI system, and if so under which annex? Choose 'none' if not.",
        ref="AI-verordening art. 6; bijlagen I en III",
    )
    fria_done: bool | None = f(
        "FRIA uitgevoerd",
        "FRIA done",
        "Is de beoordeling van de gevolgen voor grondrechten gedaan die een overheid als gebruiksverantwoordelijke van een hoog-risicosysteem moet maken (het IAMA kan daarvoor dienen)?",
        "Has the fundamental rights impact assessment a public deployer of a high-risk system must make been done (the IAMA can serve for it)?",
        ref="AI-verordening art. 27",
    )
    eu_registered: bool | None = f(
        "Geregistreerd in de EU-databank",
        "Registered in the EU database",
        "Is het gebruik van het hoog-risicosysteem geregistreerd in de EU-databank?",
        "Is the use of the high-risk system registered in the EU database?",
        ref="AI-verordening art. 49",
    )
    transparency_notice: bool | None = f(
        "Transparantie over AI",
        "AI transparency notice",
        "Worden mensen geïnformeerd dat zij met een AI-systeem te maken hebben of dat inhoud door AI is gemaakt, waar de verordening dat vraagt?",
        "Are people told that they deal with an AI system, or that content is AI-generated, where the Act requires it?",
        ref="AI-verordening art. 50",
    )


class Algorithm(_Model):
    description: Text | None = f(
        "Beschrijving",
        "Description",
        "Wat het algoritme doet en met welke gegevens.",
        "What the algorithm does and with which data.",
        ref="Algoritmekader",
    )
    assesses: Assessed | None = f(
        "Wat wordt beoordeeld",
        "What is assessed",
        "Wat het algoritme over een persoon beoordeelt. Een oordeel over kredietwaardigheid is AP-lijst type 4.",
        "What the algorithm evaluates about a person. An evaluation of creditworthiness is AP list type 4.",
        ref="AP-lijst DPIA (Stcrt. 2019, 64418) type 4 en 15",
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
    impactful_reason: Text | None = f(
        "Waarom niet impactvol",
        "Why not impactful",
        "Als het algoritme niet impactvol is: waarom de uitkomst geen gevolgen heeft voor burgers.",
        "If the algorithm is not impactful: why its outcome does not affect residents.",
        ref="Pre-scan 6.1.3; Algoritmekader",
    )
    significant_effect: bool | None = f(
        "Aanmerkelijk gevolg",
        "Significant effect",
        "Leidt de uitkomst tot een besluit met rechtsgevolg of een vergelijkbaar wezenlijk gevolg?",
        "Does the outcome lead to a decision with legal or similarly significant effect?",
        ref="AVG 22(1)",
    )
    significant_effect_reason: Text | None = f(
        "Waarom geen aanmerkelijk gevolg",
        "Why no significant effect",
        "Als er geen aanmerkelijk gevolg is: waarom de uitkomst de betrokkene niet wezenlijk raakt.",
        "If there is no significant effect: why the outcome does not affect the data subject in a significant way.",
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
    explainable: bool | None = f(
        "Uitlegbaar",
        "Explainable",
        "Kan de gemeente een inwoner uitleggen welke gegevens en welke regels of kenmerken tot een uitkomst over hem hebben geleid?",
        "Can the municipality tell a resident which data and which rules or features led to an outcome about them?",
        ref="AVG 13(2)(f), 15(1)(h); Awb 3:46",
    )
    ai_act: AiAct | None = f(
        "AI-verordening",
        "AI Act",
        "Alleen bij een AI-systeem: verboden praktijken, hoog risico en de plichten van de gebruiksverantwoordelijke.",
        "Only for an AI system: prohibited practices, high risk and the deployer's duties.",
        ref="Verordening (EU) 2024/1689",
    )


RetentionTarget = Annotated[
    str,
    StringConstraints(pattern=r"^(all|hit|no_hit|purpose:[A-Za-z0-9][A-Za-z0-9_.-]*|item:.+)$", max_length=200),
]


class RetentionRule(_Model):
    applies_to: RetentionTarget | None = f(
        "Geldt voor",
        "Applies to",
        "Waarvoor deze termijn geldt: 'all', 'hit', 'no_hit', 'purpose:<kenmerk van het doel>' of 'item:<naam van het gegeven>'.",
        "What the period applies to: 'all', 'hit', 'no_hit', 'purpose:<purpose id>' or 'item:<data item name>'.",
        ref="AVG 5(1)(e)",
    )
    period: Duration | None = f(
        "Termijn",
        "Period",
        "Hoe lang (ISO 8601, bijv. PT24H, P28D, P1Y).",
        "How long (ISO 8601, e.g. PT24H, P28D, P1Y).",
        ref="AVG 5(1)(e)",
    )
    basis: RetentionBasis | None = f(
        "Onderbouwing",
        "Basis",
        "Waar de termijn op berust: een wettelijke termijn, de selectielijst, een lopend onderzoek of afhandeling, eigen beleid, of niets.",
        "What the period rests on: a statutory period, the selection list, an investigation or follow-up, own policy, or nothing.",
        ref="AVG 5(1)(e); Archiefwet 1995",
    )
    reason: Text | None = f(
        "Motivering",
        "Reason",
        "Waarom deze termijn voor dit geval nodig is.",
        "Why this period is needed for this case.",
        ref="Model DPIA §10",
    )


class CeilingException(_Model):
    reason: Text | None = f(
        "Reden",
        "Reason",
        "Waarom de gegevens langer nodig zijn dan de gebruikelijke maximumtermijn.",
        "Why the data are needed longer than the usual ceiling.",
        ref="AVG 5(1)(e)",
    )
    decided_by: DecidedBy | None = f(
        "Besloten door",
        "Decided by",
        "Wie de uitzondering heeft vastgesteld.",
        "Who set the exception.",
        ref="AVG 5(2), 24(1)",
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
    rules: list[RetentionRule] | None = f(
        "Termijnen per soort gegeven of uitkomst",
        "Periods per kind of data or outcome",
        "Als termijnen verschillen per uitkomst (hit / geen hit), doel of gegeven: één regel per geval, met de onderbouwing.",
        "When periods differ per outcome (hit / no hit), purpose or item: one rule per case, with its basis.",
        ref="AVG 5(1)(e)",
    )
    ceiling_exception: CeilingException | None = f(
        "Vastgelegde uitzondering op de maximumtermijn",
        "Recorded exception to the ceiling",
        "Als langer wordt bewaard dan de gebruikelijke maximumtermijn voor dit soort gegevens: waarom, en wie dat besloot.",
        "When data are kept longer than the usual ceiling for this kind of data: why, and who decided.",
        ref="AVG 5(1)(e), 5(2)",
    )


class Anonymisation(_Model):
    method: AnonymisationMethod | None = f(
        "Methode",
        "Method",
        "Aggregatie bij de bron, tellen op het apparaat, k-anonimiteit, ruis toevoegen, of anders.",
        "Aggregation at source, counting on the device, k-anonymity, adding noise, or other.",
        ref="overweging 26; WP29 Opinion 05/2014",
    )
    verified_by: Text | None = f(
        "Gecontroleerd door",
        "Verified by",
        "Wie de anonimisering heeft gecontroleerd, bijv. 'CISO gemeente' of 'extern auditbureau'.",
        "Who checked the anonymisation, e.g. 'municipal CISO' or 'external auditor'.",
        ref="AVG 5(2)",
    )
    verification: VerificationMethod | None = f(
        "Wijze van controle",
        "How verified",
        "Niet gecontroleerd, document van de leverancier, demonstratie, eigen test of onafhankelijke audit.",
        "Not checked, supplier document, demonstration, own test or independent audit.",
        ref="AVG 5(2), 24(1)",
    )
    date: dt.date | None = f("Datum controle", "Date checked", "Wanneer gecontroleerd.", "When it was checked.")


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
    needs_individual_data_reason: Text | None = f(
        "Waarom individuele gegevens nodig zijn",
        "Why individual data are needed",
        "Als individuele gegevens nodig zijn: waarom aantallen, stromen of trends niet volstaan voor het doel.",
        "If individual data are needed: why counts, flows or trends do not serve the purpose.",
        ref="AVG 5(1)(c), 25(1)",
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
    anonymisation: Anonymisation | None = f(
        "Anonimisering",
        "Anonymisation",
        "Hoe gegevens worden geanonimiseerd en hoe dat is gecontroleerd. Zonder controle is het een bewering van de leverancier.",
        "How data are anonymised and how that was checked. Unchecked, it is the supplier's claim.",
        ref="overweging 26",
    )
    privacy_switch: bool | None = f(
        "Privacyknop",
        "Privacy switch",
        "Kunnen medewerkers het volgen (bijv. de locatie van een voertuig of telefoon) uitzetten tijdens pauzes en privégebruik?",
        "Can employees switch the tracking (e.g. of a vehicle's or phone's location) off during breaks and private use?",
        ref="AVG 5(1)(c), 25(2)",
    )
    blurring: bool | None = f(
        "Vervagen",
        "Blurring",
        "Worden personen, tuinen, ramen en kentekens in beelden onherkenbaar gemaakt?",
        "Are persons, gardens, windows and number plates made unrecognisable in images?",
        ref="AVG 5(1)(c), 25(1)",
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
        le=MAX_DURATION_DAYS,
        strict=True,
    )


class Security(_Model):
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


class Effectiveness(_Model):
    status: EffectivenessStatus | None = f(
        "Stand van het bewijs",
        "State of the evidence",
        "Is aangetoond dat de verwerking het doel dichterbij brengt, wordt dat alleen verwacht, of is het niet aangetoond?",
        "Has it been shown that the processing helps reach the purpose, is it only expected, or not shown?",
        ref="AVG 35(7)(b); Model DPIA §14",
    )
    evidence: Text | None = f(
        "Onderbouwing",
        "Evidence",
        "Waarop dat berust: evaluatie, pilotresultaten, onderzoek, ervaring elders.",
        "What it rests on: evaluation, pilot results, research, experience elsewhere.",
        ref="Model DPIA §14",
    )


class Alternative(_Model):
    description: Text = f(
        "Alternatief",
        "Alternative",
        "Een minder ingrijpende manier om het doel te bereiken, bijv. 'handmatige telling' of 'camera's alleen tijdens evenementen'.",
        "A less intrusive way to reach the purpose.",
        ref="Model DPIA §14.1",
        default=...,
    )
    outcome: AlternativeOutcome | None = f(
        "Uitkomst",
        "Outcome",
        "Is het alternatief afgewezen, gekozen of deels gekozen?",
        "Was the alternative rejected, adopted or partly adopted?",
        ref="Model DPIA §14.1",
    )
    reason_kind: RejectionReason | None = f(
        "Soort reden",
        "Kind of reason",
        "Waarom niet (geheel) gekozen: minder doeltreffend, niet uitvoerbaar, onevenredig duur, belang van de leverancier, gemak, of anders. Het belang van de leverancier of gemak rechtvaardigt een zwaardere inbreuk niet.",
        "Why not (fully) adopted. The supplier's interest or convenience does not justify a heavier intrusion.",
        ref="AVG 5(1)(c); Model DPIA §14.1",
    )
    reason: Text | None = f(
        "Toelichting",
        "Explanation",
        "De afweging in eigen woorden.",
        "The weighing in your own words.",
        ref="Model DPIA §14.1",
    )


class Necessity(_Model):
    alternatives: list[Alternative] | None = f(
        "Alternatieven",
        "Alternatives",
        "Minder ingrijpende manieren om het doel te bereiken die zijn overwogen, elk met de uitkomst en de reden (subsidiariteit).",
        "Less intrusive ways to reach the purpose that were considered, each with its outcome and reason (subsidiarity).",
        ref="Model DPIA §14.1",
    )
    why_rejected: Text | None = f(
        "Waarom afgewezen",
        "Why rejected",
        "Algemene toelichting waarom de alternatieven het doel niet redelijkerwijs bereiken (subsidiariteit); de reden per alternatief staat bij het alternatief.",
        "General explanation why the alternatives cannot reasonably reach the purpose (subsidiarity); the reason per alternative goes with the alternative.",
        ref="Model DPIA §14.1",
    )
    proportionality: Text | None = f(
        "Proportionaliteit",
        "Proportionality",
        "De afweging tussen de inbreuk op de privacy en het belang van het doel.",
        "The weighing of the privacy intrusion against the purpose.",
        ref="Model DPIA §14.2",
    )
    proportionality_outcome: ProportionalityOutcome | None = f(
        "Uitkomst proportionaliteit",
        "Outcome of the proportionality test",
        "Is de inbreuk evenredig aan het doel, of niet?",
        "Is the intrusion proportionate to the purpose, or not?",
        ref="AVG 35(7)(b); Model DPIA §14.2",
    )
    effectiveness: Effectiveness | None = f(
        "Doeltreffendheid",
        "Effectiveness",
        "Of de verwerking het doel werkelijk dichterbij brengt, en waarop dat berust.",
        "Whether the processing actually helps reach the purpose, and what that rests on.",
        ref="AVG 35(7)(b); Model DPIA §14",
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
    tia_done: bool | None = f(
        "Doorgiftetoets (TIA) uitgevoerd",
        "Transfer impact assessment done",
        "Is beoordeeld of het recht en de praktijk van het land van bestemming de bescherming ondermijnen (transfer impact assessment)? Nodig bij elk instrument van art. 46: standaardcontractbepalingen, BCR, gedragscode, certificering.",
        "Was it assessed whether the law and practice of the destination undermine the protection (transfer impact assessment)? Needed for every art. 46 tool: SCCs, BCRs, codes, certification.",
        ref="AVG 46; EDPB Recommendations 01/2020",
    )
    recipient_certified_dpf: bool | None = f(
        "Ontvanger gecertificeerd (DPF)",
        "Recipient certified (DPF)",
        "Alleen bij doorgifte naar de VS op grond van het adequaatheidsbesluit: staat de ontvanger op de lijst van het EU-US Data Privacy Framework?",
        "Only for transfers to the US under the adequacy decision: is the recipient on the EU-US Data Privacy Framework list?",
        ref="AVG 45",
    )
    structural: bool | None = f(
        "Structureel",
        "Structural",
        "Gaat het om een structurele of herhaalde doorgifte? Een uitzondering van art. 49 draagt die niet.",
        "Is the transfer structural or repeated? An art. 49 derogation does not carry it.",
        ref="AVG 49",
    )
    supplementary_measures: Text | None = f(
        "Aanvullende maatregelen",
        "Supplementary measures",
        "Extra maatregelen zoals versleuteling met sleutels in de EER.",
        "Additional measures such as encryption with keys in the EEA.",
        ref="EDPB Recommendations 01/2020",
    )


class Regime(_Model):
    boa_enforcement: bool | None = f(
        "Handhaving door boa's",
        "Enforcement by boa's",
        "Verwerken buitengewoon opsporingsambtenaren (boa's) deze gegevens voor handhaving of opsporing? Dan geldt voor die gegevens de Wet politiegegevens.",
        "Do special investigating officers (boa's) process these data for enforcement or investigation? Then the Police Data Act applies to those data.",
        ref="Wpg",
    )
    police_access: PoliceAccess | None = f(
        "Toegang politie",
        "Police access",
        "Krijgt de politie gegevens: niet, op verzoek per geval, door mee te kijken met live beelden, of met rechtstreekse toegang?",
        "Does the police get data: not at all, on request case by case, by live viewing, or with direct access?",
        ref="Wpg; AVG 2(2)(d)",
    )
    wpg_dpia_done: bool | None = f(
        "Gegevensbeschermingseffectbeoordeling Wpg",
        "Data protection impact assessment (Wpg)",
        "Als de Wpg van toepassing is: is de beoordeling van art. 4c Wpg gedaan?",
        "When the Police Data Act applies: has the art. 4c Wpg assessment been done?",
        ref="Wpg 4c",
    )


class Edge(_Model):
    transient: bool | None = f(
        "Vluchtig op het apparaat",
        "Transient on the device",
        "Worden ruwe gegevens alleen kort in het geheugen van het apparaat verwerkt en daarna gewist, zonder opslag of verzending?",
        "Are raw data only processed briefly in the device's memory and then erased, without storage or transmission?",
        ref="AVG 25(1); overweging 26",
    )
    retention_seconds: int | None = f(
        "Bewaartijd op het apparaat (seconden)",
        "Time kept on the device (seconds)",
        "Hoeveel seconden ruwe gegevens op het apparaat blijven voordat ze worden gewist.",
        "How many seconds raw data stay on the device before they are erased.",
        ref="AVG 5(1)(e)",
        ge=0,
        le=MAX_DURATION_DAYS * 86_400,
        strict=True,
    )
    output: EdgeOutput | None = f(
        "Wat het apparaat doorgeeft",
        "What the device sends",
        "Tellingen, geaggregeerde waarden, gebeurtenissen, gegevens per persoon of apparaat, of beelden.",
        "Counts, aggregates, events, records per person or device, or images.",
        ref="AVG 5(1)(c)",
    )
    verified_by: Text | None = f(
        "Gecontroleerd door",
        "Verified by",
        "Wie heeft gecontroleerd dat het apparaat doet wat de leverancier zegt.",
        "Who checked that the device does what the supplier says.",
        ref="AVG 5(2)",
    )
    verification: VerificationMethod | None = f(
        "Wijze van controle",
        "How verified",
        "Niet gecontroleerd, document van de leverancier, demonstratie, eigen test of onafhankelijke audit.",
        "Not checked, supplier document, demonstration, own test or independent audit.",
        ref="AVG 5(2), 24(1)",
    )
    date: dt.date | None = f("Datum controle", "Date checked", "Wanneer gecontroleerd.", "When it was checked.")


class Publication(_Model):
    open_data: bool | None = f(
        "Open data",
        "Open data",
        "Worden (afgeleide) gegevens als open data gepubliceerd?",
        "Are (derived) data published as open data?",
        ref="AVG 5(1)(b)",
    )
    location_precision_m: int | None = f(
        "Precisie locatie (meter)",
        "Location precision (metres)",
        "Tot op hoeveel meter een gepubliceerde locatie nauwkeurig is. Hoe preciezer, hoe eerder een woning of persoon herkenbaar is.",
        "How many metres a published location is precise to. The more precise, the sooner a home or person can be recognised.",
        ref="overweging 26",
        ge=0,
        le=40_075_000,
        strict=True,
    )
    contains_personal_data: bool | None = f(
        "Bevat persoonsgegevens",
        "Contains personal data",
        "Bevat wat wordt gepubliceerd (ook na combinatie met andere bronnen) gegevens die tot personen herleidbaar zijn?",
        "Does what is published (also combined with other sources) contain data traceable to persons?",
        ref="AVG 4(1); overweging 26",
    )
    photos: bool | None = f(
        "Foto's",
        "Photos",
        "Worden foto's of beelden gepubliceerd?",
        "Are photos or images published?",
        ref="AVG 4(1)",
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
    regime: Regime | None = f(
        "Regime (AVG of Wpg)",
        "Regime (GDPR or Police Data Act)",
        "Of boa's of de politie bij deze gegevens betrokken zijn; dat bepaalt of de AVG of de Wet politiegegevens geldt.",
        "Whether boa's or the police are involved with these data; that decides whether the GDPR or the Police Data Act applies.",
        ref="Wpg; AVG 2(2)(d)",
    )
    purposes: list[Purpose] | None = f(
        "Doeleinden",
        "Purposes",
        "De doelen van deze verwerking (Model DPIA §5).",
        "The purposes of this processing (Model DPIA §5).",
        ref="AVG 5(1)(b)",
        max_length=MAX_PURPOSES,
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
        max_length=MAX_DATA_SUBJECT_GROUPS,
    )
    data_items: list[DataItem] | None = f(
        "Persoonsgegevens",
        "Personal data",
        "Welke persoonsgegevens worden verwerkt (Model DPIA §2).",
        "Which personal data are processed (Model DPIA §2).",
        ref="Model DPIA §2",
        max_length=MAX_DATA_ITEMS,
    )
    personal_data: bool | None = f(
        "Persoonsgegevens",
        "Personal data",
        "Worden in deze verwerking persoonsgegevens verwerkt? Antwoord nee als er alleen anonieme meetwaarden ontstaan, zonder herleidbaarheid tot personen.",
        "Does this processing handle personal data? Answer no when only anonymous measurements arise that cannot be traced to people.",
        ref="AVG 4(1); overweging 26",
    )
    personal_data_reason: Text | None = f(
        "Waarom geen persoonsgegevens",
        "Why no personal data",
        "Waarom deze verwerking geen persoonsgegevens oplevert, en wie dat heeft gecontroleerd. Zonder reden telt 'geen persoonsgegevens' als bewering, niet als feit.",
        "Why this processing yields no personal data, and who verified it. Without a reason 'no personal data' counts as a claim, not a fact.",
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
    edge: Edge | None = f(
        "Verwerking op het apparaat",
        "Processing on the device",
        "Alleen als ruwe gegevens op de sensor of camera zelf worden verwerkt en daar vluchtig blijven.",
        "Only when raw data are processed on the sensor or camera itself and stay transient there.",
        ref="AVG 25(1)",
    )
    publication: Publication | None = f(
        "Publicatie",
        "Publication",
        "Alleen als gegevens of uitkomsten openbaar worden gemaakt (open data, kaarten, foto's).",
        "Only when data or results are made public (open data, maps, photos).",
        ref="AVG 5(1)(b), 5(1)(c)",
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


class CapabilityEvidence(_Model):
    level: EvidenceLevel | None = f(
        "Zekerheid",
        "Level",
        "Toegezegd door de leverancier, contractueel vastgelegd, of gecontroleerd.",
        "Claimed by the supplier, laid down in the contract, or verified.",
        ref="AVG 28(1)",
    )
    how: VerificationMethod | None = f(
        "Hoe",
        "How",
        "Waarmee: document, demonstratie, eigen test of onafhankelijke audit.",
        "By what: document, demonstration, own test or independent audit.",
    )
    date: dt.date | None = f("Datum", "Date", "Wanneer vastgesteld.", "When it was established.")


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
    type: SystemType | None = f(
        "Soort systeem",
        "Kind of system",
        "Apparaat met eigen verwerking (edge), sensornetwerk, dataplatform, SaaS-dienst, app, website, backoffice, datawarehouse of anders.",
        "Edge device, sensor network, data platform, SaaS service, app, website, back office, data warehouse or other.",
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
    capability_evidence: dict[Capability, CapabilityEvidence] | None = f(
        "Bewijs per functionaliteit",
        "Evidence per capability",
        "Per functionaliteit: is het een toezegging van de leverancier, contractueel vastgelegd of gecontroleerd, en hoe. Een toezegging alleen telt niet als voldaan.",
        "Per capability: is it the supplier's claim, laid down in the contract, or verified, and how. A claim alone does not count as met.",
        ref="AVG 24(1), 25, 28(1)",
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
    likelihood_reason: Text | None = f(
        "Motivering kans",
        "Reason for the likelihood",
        "Waarom de kans zo wordt ingeschat.",
        "Why the likelihood is rated so.",
        ref="Model DPIA §16",
    )
    impact: Level | None = f(
        "Impact",
        "Impact",
        "Impact op betrokkenen: laag, midden of hoog.",
        "Impact on data subjects: low, medium or high.",
        ref="Model DPIA §16",
    )
    impact_reason: Text | None = f(
        "Motivering impact",
        "Reason for the impact",
        "Waarom de impact op betrokkenen zo wordt ingeschat.",
        "Why the impact on data subjects is rated so.",
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
    residual_likelihood: Level | None = f(
        "Kans na maatregelen",
        "Residual likelihood",
        "De kans die na de maatregelen overblijft. Lager dan vóór de maatregelen kan alleen als er maatregelen zijn.",
        "The likelihood remaining after the measures. Lower than before only when there are measures.",
        ref="Model DPIA §17",
    )
    residual_impact: Level | None = f(
        "Impact na maatregelen",
        "Residual impact",
        "De impact die na de maatregelen overblijft.",
        "The impact remaining after the measures.",
        ref="Model DPIA §17",
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
    accepted_by: DecidedBy | None = f(
        "Geaccepteerd door",
        "Accepted by",
        "Wie het restrisico heeft geaccepteerd. Vanaf 'midden' hoort dat de verwerkingsverantwoordelijke te zijn.",
        "Who accepted the residual risk. From 'medium' upward that should be the controller.",
        ref="AVG 24(1); Model DPIA §17.3",
    )
    accepted_on: dt.date | None = f(
        "Geaccepteerd op",
        "Accepted on",
        "Wanneer het restrisico is geaccepteerd.",
        "When the residual risk was accepted.",
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
        "Versie van dit beschrijvingsformaat: 2. Een bestand zonder versie of met versie 1 wordt bij het lezen omgezet; `pbd migrate` schrijft het om.",
        "Version of this description format: 2. A file without a version or with version 1 is converted when read; `pbd migrate` rewrites it.",
        default=SCHEMA_VERSION,
        ge=SCHEMA_VERSIONS[0],
        le=SCHEMA_VERSIONS[-1],
        strict=True,
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
        max_length=MAX_PARTIES,
    )
    processings: list[Processing] | None = f(
        "Verwerkingen",
        "Processings",
        "De gegevensverwerkingen van het project (Model DPIA §3).",
        "The project's processing operations (Model DPIA §3).",
        ref="AVG 30",
        max_length=MAX_PROCESSINGS,
    )
    systems: list[System] | None = f(
        "Systemen",
        "Systems",
        "Informatiesystemen, getoetst aan de systeemeisen.",
        "Information systems, checked against the system requirements.",
        ref="AVG 25",
        max_length=MAX_SYSTEMS,
    )
    risks: list[Risk] | None = f(
        "Risico's",
        "Risks",
        "Risico's voor betrokkenen met kans, impact, maatregelen en restrisico (Model DPIA §16–17).",
        "Risks to data subjects (Model DPIA §16–17).",
        ref="AVG 35(7)(c)",
        max_length=MAX_RISKS,
    )
    waivers: list[Waiver] | None = f(
        "Geaccepteerde afwijkingen",
        "Waivers",
        "Bewust geaccepteerde tekortkomingen: wie, waarom, tot wanneer.",
        "Deliberately accepted gaps: who, why, until when.",
        ref="AVG 24",
        max_length=MAX_WAIVERS,
    )
    notes: dict[NoteKey, Text] | None = f(
        "Aantekeningen",
        "Notes",
        "Vrije tekst per onderwerp die geen eigen veld heeft, zoals antwoorden uit de Invulhulp voor Pre-scan en DPIA die pbd niet kon overnemen; het rapport toont ze.",
        "Free text per topic that has no field of its own, such as answers from the government's Pre-scan/DPIA form that pbd could not map; the report shows them.",
    )

"""The closed vocabularies of pbd: enums with their Dutch and English labels, EEA countries."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    NL = "nl"
    EN = "en"


class Gate(StrEnum):
    """Decision gates (beslismomenten), in order; also the phase a project is in."""

    IDEE = "idee"
    VERKENNING = "verkenning"
    ONTWERP = "ontwerp"
    AANBESTEDING = "aanbesteding"
    REALISATIE = "realisatie"
    BEHEER = "beheer"

    @property
    def rank(self) -> int:
        return _GATE_RANK[self]


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return _SEVERITY_RANK[self]


#: a gate's place in the order and a severity's weight, looked up rather than worked out: sorting findings asks often
_GATE_RANK = {g: i for i, g in enumerate(Gate)}
_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


class Status(StrEnum):
    MET = "met"
    GAP = "gap"
    OPEN = "open"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"


class Role(StrEnum):
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    THIRD_PARTY = "third_party"
    PROVIDER = "provider"
    RECIPIENT = "recipient"


class Agreement(StrEnum):
    PROCESSING_AGREEMENT = "processing_agreement"
    JOINT_CONTROL_ARRANGEMENT = "joint_control_arrangement"
    DATA_SHARING_AGREEMENT = "data_sharing_agreement"
    CONTRACT = "contract"
    NONE = "none"


class LegalGround(StrEnum):
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTEREST = "vital_interest"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTEREST = "legitimate_interest"


class DataType(StrEnum):
    """The Model DPIA §2 'type' of a data item."""

    ORDINARY = "ordinary"
    SENSITIVE = "sensitive"
    SPECIAL = "special"
    CRIMINAL = "criminal"
    NATIONAL_ID = "national_id"


class SpecialCategory(StrEnum):
    """The art. 9(1) AVG categories."""

    RACIAL_ETHNIC = "racial_ethnic_origin"
    POLITICAL = "political_opinions"
    RELIGIOUS = "religious_beliefs"
    TRADE_UNION = "trade_union_membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE = "sex_life_orientation"


class Art9Exception(StrEnum):
    """The art. 9(2) AVG exceptions."""

    EXPLICIT_CONSENT = "a_explicit_consent"
    EMPLOYMENT_SOCIAL_SECURITY = "b_employment_social_security"
    VITAL_INTEREST = "c_vital_interest"
    NOT_FOR_PROFIT = "d_not_for_profit_body"
    MADE_PUBLIC = "e_made_public"
    LEGAL_CLAIMS = "f_legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "g_substantial_public_interest"
    HEALTH_CARE = "h_health_social_care"
    PUBLIC_HEALTH = "i_public_health"
    ARCHIVING_RESEARCH = "j_archiving_research_statistics"


class DataCategory(StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    NATIONAL_ID = "national_id"
    LOCATION = "location"
    DEVICE_ID = "device_identifier"
    ONLINE_ID = "online_identifier"
    LICENCE_PLATE = "licence_plate"
    IMAGE = "image"
    AUDIO = "audio"
    FINANCIAL = "financial"
    HOUSEHOLD = "household"
    BEHAVIOUR = "behaviour"
    SOCIAL_MEDIA = "social_media"
    COMMUNICATION = "communication"
    HEALTH = "health"
    BIOMETRIC = "biometric"
    CRIMINAL = "criminal"
    MEASUREMENT = "measurement"
    OTHER = "other"


class Source(StrEnum):
    DATA_SUBJECT = "data_subject"
    SENSOR = "sensor"
    CAMERA = "camera"
    BASE_REGISTER = "base_register"
    THIRD_PARTY = "third_party"
    PUBLIC_SOURCE = "public_source"
    MUNICIPALITY = "municipality"
    DERIVED = "derived"


class CollectionMethod(StrEnum):
    FORM = "form"
    APP = "app"
    WEBSITE = "website"
    CAMERA = "camera"
    ANPR_CAMERA = "anpr_camera"
    WIFI_SENSOR = "wifi_sensor"
    BLUETOOTH_SENSOR = "bluetooth_sensor"
    SOUND_SENSOR = "sound_sensor"
    MOTION_SENSOR = "motion_sensor"
    ENVIRONMENT_SENSOR = "environment_sensor"
    DRONE = "drone"
    BODY_CAMERA = "body_camera"
    GPS_TRACKER = "gps_tracker"
    SOCIAL_MEDIA = "social_media"
    API = "api"
    BASE_REGISTER = "base_register"
    MANUAL = "manual"
    RFID = "rfid"
    CARD_READER = "card_reader"
    CONNECTED_CONTAINER = "connected_container"
    RADAR = "radar"
    PRESENCE_SENSOR = "presence_sensor"
    SMART_METER = "smart_meter"
    LIDAR = "lidar"


#: collection methods that observe people in their surroundings (sensors and cameras)
OBSERVING_METHODS: frozenset[CollectionMethod] = frozenset(
    {
        CollectionMethod.CAMERA,
        CollectionMethod.ANPR_CAMERA,
        CollectionMethod.WIFI_SENSOR,
        CollectionMethod.BLUETOOTH_SENSOR,
        CollectionMethod.SOUND_SENSOR,
        CollectionMethod.MOTION_SENSOR,
        CollectionMethod.ENVIRONMENT_SENSOR,
        CollectionMethod.DRONE,
        CollectionMethod.BODY_CAMERA,
        CollectionMethod.GPS_TRACKER,
    }
)
CAMERA_METHODS: frozenset[CollectionMethod] = frozenset(
    {CollectionMethod.CAMERA, CollectionMethod.ANPR_CAMERA, CollectionMethod.DRONE, CollectionMethod.BODY_CAMERA}
)


class Technique(StrEnum):
    PROFILING = "profiling"
    SCORING = "scoring"
    PREDICTION = "prediction"
    AUTOMATED_DECISION = "automated_decision"
    ALGORITHM = "algorithm"
    AI = "ai"
    MATCHING = "matching"
    NEW_TECHNOLOGY = "new_technology"
    CLOUD = "cloud"
    BIG_DATA = "big_data"
    BEHAVIOUR_INFLUENCING = "behaviour_influencing"
    BIOMETRIC_IDENTIFICATION = "biometric_identification"
    LOCATION_TRACKING = "location_tracking"


class Area(StrEnum):
    SPOT = "spot"
    STREET = "street"
    NEIGHBOURHOOD = "neighbourhood"
    DISTRICT = "district"
    CITY = "city"
    REGION = "region"


class Frequency(StrEnum):
    ONCE = "once"
    OCCASIONAL = "occasional"
    PERIODIC = "periodic"
    DAILY = "daily"
    CONTINUOUS = "continuous"


class Deletion(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL_PROCEDURE = "manual_procedure"
    NONE = "none"


class KeyHolder(StrEnum):
    MUNICIPALITY = "municipality"
    SUPPLIER = "supplier"
    TRUSTED_THIRD_PARTY = "trusted_third_party"


class Classification(StrEnum):
    """The BIO 1.04 basisbeveiligingsniveaus: format version 1 only (BIO2 has none; ``pbd migrate`` drops them)."""

    BBN1 = "BBN1"
    BBN2 = "BBN2"
    BBN3 = "BBN3"


class Answer(StrEnum):
    """The Model DPIA §15 answer to 'is there a procedure for this right'."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"


class Minors(StrEnum):
    YES = "yes"
    POSSIBLE = "possible"
    NO = "no"


class TransferMechanism(StrEnum):
    ADEQUACY = "adequacy"
    SCC = "scc"
    BCR = "bcr"
    CERTIFICATION = "certification"
    CODE_OF_CONDUCT = "code_of_conduct"
    LEGAL_INSTRUMENT = "legal_instrument"
    DEROGATION_49 = "derogation_art49"
    OTHER = "other"
    NONE = "none"


class HostingModel(StrEnum):
    ON_PREMISE = "on_premise"
    IAAS = "iaas"
    PAAS = "paas"
    SAAS = "saas"
    EDGE = "edge"


class Compatibility(StrEnum):
    """Model DPIA §13: how further use for a new purpose is justified."""

    COMPATIBLE = "compatible"
    PERMITTED_BY_LAW = "permitted_by_law"
    OWN_LEGAL_GROUND = "own_legal_ground"
    NOT_ASSESSED = "not_assessed"


class Level(StrEnum):
    """Model DPIA §16/§17 three-point scale for likelihood, impact and risk."""

    LAAG = "laag"
    MIDDEN = "midden"
    HOOG = "hoog"

    @property
    def rank(self) -> int:
        return {"laag": 1, "midden": 2, "hoog": 3}[self.value]


class DpiaStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    NOT_NEEDED = "not_needed"


# --------------------------------------------------------------------------------------------
# format version 2 (docs/design/judgement-v2.md §2)


class ControllerBody(StrEnum):
    """The bestuursorgaan that is the controller."""

    COLLEGE = "college"
    BURGEMEESTER = "burgemeester"
    COLLEGE_AND_BURGEMEESTER = "college_and_burgemeester"
    RAAD = "raad"
    OTHER = "other"


class DecidedBy(StrEnum):
    """Who took a decision (on the DPIA, a deviation from the DPO's advice, a risk, an exception)."""

    COLLEGE = "college"
    BURGEMEESTER = "burgemeester"
    COLLEGE_AND_BURGEMEESTER = "college_and_burgemeester"
    RAAD = "raad"
    STEERING_GROUP = "steering_group"
    PROJECT_LEAD = "project_lead"
    OTHER = "other"


#: the values of :class:`DecidedBy` that are a bestuursorgaan of the municipality
ADMINISTRATIVE_BODIES: frozenset[DecidedBy] = frozenset(
    {DecidedBy.COLLEGE, DecidedBy.BURGEMEESTER, DecidedBy.COLLEGE_AND_BURGEMEESTER, DecidedBy.RAAD}
)


class AdviceFollowed(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class DecisionOutcome(StrEnum):
    GO = "go"
    GO_WITH_CONDITIONS = "go_with_conditions"
    NO_GO = "no_go"


class YesNoUnknown(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class WorksCouncilConsent(StrEnum):
    GIVEN = "given"
    REQUESTED = "requested"
    REFUSED = "refused"
    NOT_REQUESTED = "not_requested"


class ScreeningSource(StrEnum):
    OFFICER = "officer"
    INVULHULP = "invulhulp"


class AgreementClause(StrEnum):
    """The contents art. 28(3)(a)-(h) AVG requires in a processing agreement."""

    INSTRUCTIONS = "instructions"
    CONFIDENTIALITY = "confidentiality"
    SECURITY = "security"
    SUB_PROCESSORS = "sub_processors"
    DATA_SUBJECT_RIGHTS = "data_subject_rights"
    ASSISTANCE = "assistance"
    DELETION_OR_RETURN = "deletion_or_return"
    AUDITS = "audits"


class PartyKind(StrEnum):
    MUNICIPALITY = "municipality"
    SUPPLIER = "supplier"
    RESEARCH = "research"
    POLICE = "police"
    BOA_ORGANISATION = "boa_organisation"
    EVENTS_COMPANY = "events_company"
    FOUNDATION = "foundation"
    GRID_OPERATOR = "grid_operator"
    OTHER = "other"


class PoliceAccess(StrEnum):
    NONE = "none"
    ON_REQUEST = "on_request"
    LIVE_VIEWING = "live_viewing"
    DIRECT_ACCESS = "direct_access"


class Specificity(StrEnum):
    """Does the provision describe this task and this intrusion, or only a general competence."""

    SPECIFIC = "specific"
    GENERAL_COMPETENCE = "general_competence"


class NecessityOutcome(StrEnum):
    NECESSARY = "necessary"
    NOT_NECESSARY = "not_necessary"


class ConsentCapacity(StrEnum):
    ALL_CAPABLE = "all_capable"
    MINORS = "minors"
    INCAPACITATED = "incapacitated"


class PurposeKind(StrEnum):
    SERVICE = "service"
    ENFORCEMENT = "enforcement"
    FRAUD_CONTROL = "fraud_control"
    PUBLIC_ORDER = "public_order"
    SAFETY = "safety"
    RESEARCH = "research"
    STATISTICS = "statistics"
    POLICY = "policy"
    EMPLOYEE_MONITORING = "employee_monitoring"
    OTHER = "other"


class SubjectRelation(StrEnum):
    TARGETED = "targeted"
    INCIDENTAL = "incidental"


class DataForm(StrEnum):
    RAW = "raw"
    HASHED = "hashed"
    TRUNCATED = "truncated"
    ENCRYPTED = "encrypted"
    AGGREGATED = "aggregated"
    ANONYMISED = "anonymised"


class Signage(StrEnum):
    ALL_ENTRANCES = "all_entrances"
    SOME_ENTRANCES = "some_entrances"
    NONE = "none"


class EdgeOutput(StrEnum):
    COUNTS = "counts"
    AGGREGATES = "aggregates"
    EVENTS = "events"
    INDIVIDUAL_RECORDS = "individual_records"
    IMAGES = "images"


class VerificationMethod(StrEnum):
    """How a claim (anonymisation, edge processing, a capability) was checked."""

    NONE = "none"
    DOCUMENT = "document"
    DEMO = "demo"
    TEST = "test"
    AUDIT = "audit"


class AnonymisationMethod(StrEnum):
    AGGREGATION_AT_SOURCE = "aggregation_at_source"
    ON_DEVICE_COUNTING = "on_device_counting"
    K_ANONYMITY = "k_anonymity"
    NOISE = "noise"
    OTHER = "other"


class RetentionBasis(StrEnum):
    STATUTE = "statute"
    SELECTIELIJST = "selectielijst"
    INVESTIGATION = "investigation"
    POLICY = "policy"
    NONE = "none"


class EffectivenessStatus(StrEnum):
    DEMONSTRATED = "demonstrated"
    EXPECTED = "expected"
    NOT_SHOWN = "not_shown"


class ProportionalityOutcome(StrEnum):
    PROPORTIONATE = "proportionate"
    NOT_PROPORTIONATE = "not_proportionate"


class AlternativeOutcome(StrEnum):
    REJECTED = "rejected"
    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly_adopted"


class RejectionReason(StrEnum):
    LESS_EFFECTIVE = "less_effective"
    NOT_FEASIBLE = "not_feasible"
    DISPROPORTIONATE_COST = "disproportionate_cost"
    SUPPLIER_INTEREST = "supplier_interest"
    CONVENIENCE = "convenience"
    OTHER = "other"


class ProhibitedPractice(StrEnum):
    """AI Act art. 5: the practices a deployer may not use (``none`` = none of them)."""

    NONE = "none"
    EMOTION_RECOGNITION = "emotion_recognition"
    BIOMETRIC_CATEGORISATION = "biometric_categorisation"
    CRIME_PREDICTION = "crime_prediction"
    REALTIME_RBI_LAW_ENFORCEMENT = "realtime_rbi_law_enforcement"
    SOCIAL_SCORING = "social_scoring"
    MANIPULATION = "manipulation"
    UNTARGETED_FACE_SCRAPING = "untargeted_face_scraping"


class AiHighRisk(StrEnum):
    """AI Act art. 6: why an AI system is high-risk (``none`` = it is not)."""

    NONE = "none"
    ANNEX_III_BIOMETRICS = "annex_iii_biometrics"
    ANNEX_III_ESSENTIAL_SERVICES = "annex_iii_essential_services"
    ANNEX_III_LAW_ENFORCEMENT = "annex_iii_law_enforcement"
    ANNEX_III_EMPLOYMENT = "annex_iii_employment"
    ANNEX_III_OTHER = "annex_iii_other"
    ANNEX_I = "annex_i"


class SystemType(StrEnum):
    EDGE_DEVICE = "edge_device"
    SENSOR_NETWORK = "sensor_network"
    PLATFORM = "platform"
    SAAS = "saas"
    APP = "app"
    WEBSITE = "website"
    BACK_OFFICE = "back_office"
    DATA_WAREHOUSE = "data_warehouse"
    OTHER = "other"


class Assessed(StrEnum):
    """What an algorithm evaluates about a person (AP list type 4 turns on creditworthiness)."""

    CREDITWORTHINESS = "creditworthiness"
    FRAUD_RISK = "fraud_risk"
    NEED_FOR_HELP = "need_for_help"
    ELIGIBILITY = "eligibility"
    BEHAVIOUR = "behaviour"
    PERFORMANCE = "performance"
    OTHER = "other"


class Conduct(StrEnum):
    """Whether a data item records someone's conduct (AP list type 2: unlawful, antisocial, bad payment)."""

    UNLAWFUL = "unlawful"
    ANTISOCIAL = "antisocial"
    BAD_PAYMENT = "bad_payment"
    NONE = "none"


class EvidenceLevel(StrEnum):
    """How firmly a system's capability is established: a supplier's claim, a contract clause, or checked."""

    CLAIMED = "claimed"
    CONTRACTED = "contracted"
    VERIFIED = "verified"


# EEA member states (EU 27 + Iceland, Liechtenstein, Norway), ISO 3166-1 alpha-2.
EEA_COUNTRIES: frozenset[str] = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    }
)

#: Dutch and English labels of every enum value, keyed by (enum class name, value).
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "Gate": {
        "idee": ("idee", "idea"),
        "verkenning": ("verkenning", "exploration"),
        "ontwerp": ("ontwerp", "design"),
        "aanbesteding": ("aanbesteding", "procurement"),
        "realisatie": ("realisatie", "implementation"),
        "beheer": ("beheer", "operation"),
    },
    "Severity": {"high": ("hoog", "high"), "medium": ("middel", "medium"), "low": ("laag", "low")},
    "Status": {
        "met": ("voldaan", "met"),
        "gap": ("tekortkoming", "gap"),
        "open": ("open vraag", "open"),
        "not_applicable": ("n.v.t.", "not applicable"),
        "waived": ("geaccepteerd risico", "waived"),
    },
    "Role": {
        "controller": ("verwerkingsverantwoordelijke", "controller"),
        "joint_controller": ("gezamenlijke verwerkingsverantwoordelijke", "joint controller"),
        "processor": ("verwerker", "processor"),
        "sub_processor": ("subverwerker", "sub-processor"),
        "third_party": ("derde", "third party"),
        "provider": ("verstrekker", "provider of data"),
        "recipient": ("ontvanger", "recipient"),
    },
    "Agreement": {
        "processing_agreement": ("verwerkersovereenkomst", "data processing agreement"),
        "joint_control_arrangement": (
            "regeling gezamenlijke verwerkingsverantwoordelijken",
            "joint controller arrangement",
        ),
        "data_sharing_agreement": ("convenant / gegevensdelingsovereenkomst", "data sharing agreement"),
        "contract": ("contract", "contract"),
        "none": ("geen", "none"),
    },
    "LegalGround": {
        "consent": ("toestemming (art. 6(1)(a))", "consent (art. 6(1)(a))"),
        "contract": ("overeenkomst (art. 6(1)(b))", "contract (art. 6(1)(b))"),
        "legal_obligation": ("wettelijke verplichting (art. 6(1)(c))", "legal obligation (art. 6(1)(c))"),
        "vital_interest": ("vitaal belang (art. 6(1)(d))", "vital interest (art. 6(1)(d))"),
        "public_task": ("taak van algemeen belang / openbaar gezag (art. 6(1)(e))", "public task (art. 6(1)(e))"),
        "legitimate_interest": ("gerechtvaardigd belang (art. 6(1)(f))", "legitimate interest (art. 6(1)(f))"),
    },
    "DataType": {
        "ordinary": ("gewoon", "ordinary"),
        "sensitive": ("gevoelig", "sensitive"),
        "special": ("bijzonder (art. 9)", "special category (art. 9)"),
        "criminal": ("strafrechtelijk (art. 10)", "criminal (art. 10)"),
        "national_id": ("nationaal identificatienummer (BSN)", "national identification number (BSN)"),
    },
    "SpecialCategory": {
        "racial_ethnic_origin": ("ras of etnische afkomst", "racial or ethnic origin"),
        "political_opinions": ("politieke opvattingen", "political opinions"),
        "religious_beliefs": ("godsdienst of levensovertuiging", "religious or philosophical beliefs"),
        "trade_union_membership": ("lidmaatschap vakbond", "trade union membership"),
        "genetic": ("genetische gegevens", "genetic data"),
        "biometric": ("biometrische gegevens voor unieke identificatie", "biometric data for unique identification"),
        "health": ("gezondheid", "health"),
        "sex_life_orientation": ("seksueel gedrag of seksuele gerichtheid", "sex life or sexual orientation"),
    },
    "Art9Exception": {
        "a_explicit_consent": ("uitdrukkelijke toestemming (9(2)(a))", "explicit consent (9(2)(a))"),
        "b_employment_social_security": (
            "arbeidsrecht, sociale zekerheid (9(2)(b))",
            "employment and social security law (9(2)(b))",
        ),
        "c_vital_interest": ("vitaal belang (9(2)(c))", "vital interest (9(2)(c))"),
        "d_not_for_profit_body": (
            "stichting of vereniging zonder winstoogmerk (9(2)(d))",
            "not-for-profit body (9(2)(d))",
        ),
        "e_made_public": (
            "kennelijk openbaar gemaakt door betrokkene (9(2)(e))",
            "manifestly made public by the data subject (9(2)(e))",
        ),
        "f_legal_claims": ("rechtsvordering (9(2)(f))", "legal claims (9(2)(f))"),
        "g_substantial_public_interest": (
            "zwaarwegend algemeen belang (9(2)(g))",
            "substantial public interest (9(2)(g))",
        ),
        "h_health_social_care": ("zorg en sociale diensten (9(2)(h))", "health or social care (9(2)(h))"),
        "i_public_health": ("volksgezondheid (9(2)(i))", "public health (9(2)(i))"),
        "j_archiving_research_statistics": (
            "archief, onderzoek, statistiek (9(2)(j))",
            "archiving, research, statistics (9(2)(j))",
        ),
    },
    "DataCategory": {
        "identity": ("identificerende gegevens", "identity data"),
        "contact": ("contactgegevens", "contact details"),
        "national_id": ("BSN", "citizen service number"),
        "location": ("locatiegegevens", "location data"),
        "device_identifier": ("apparaat-ID (MAC-adres e.d.)", "device identifier (MAC address etc.)"),
        "online_identifier": ("online identificator", "online identifier"),
        "licence_plate": ("kenteken", "licence plate"),
        "image": ("beeld (foto, video)", "image (photo, video)"),
        "audio": ("geluid", "audio"),
        "financial": ("financiële gegevens", "financial data"),
        "household": ("gezinssamenstelling", "household composition"),
        "behaviour": ("gedrag", "behaviour"),
        "social_media": ("sociale-mediaberichten", "social media posts"),
        "communication": ("communicatiegegevens", "communication data"),
        "health": ("gezondheid", "health"),
        "biometric": ("biometrie", "biometrics"),
        "criminal": ("strafrechtelijke gegevens", "criminal data"),
        "measurement": ("meetwaarde", "measurement"),
        "other": ("overig", "other"),
    },
    "Source": {
        "data_subject": ("de betrokkene zelf", "the data subject"),
        "sensor": ("sensor", "sensor"),
        "camera": ("camera", "camera"),
        "base_register": ("basisregistratie", "base register"),
        "third_party": ("andere partij", "another party"),
        "public_source": ("openbare bron", "public source"),
        "municipality": ("eigen gemeentelijke administratie", "the municipality's own records"),
        "derived": ("afgeleid / berekend", "derived / computed"),
    },
    "CollectionMethod": {
        "form": ("formulier", "form"),
        "app": ("app", "app"),
        "website": ("website", "website"),
        "camera": ("camera", "camera"),
        "anpr_camera": ("kentekencamera (ANPR)", "licence plate camera (ANPR)"),
        "wifi_sensor": ("wifi-sensor", "wifi sensor"),
        "bluetooth_sensor": ("bluetooth-sensor", "bluetooth sensor"),
        "sound_sensor": ("geluidssensor", "sound sensor"),
        "motion_sensor": ("bewegingssensor", "motion sensor"),
        "environment_sensor": ("omgevingssensor (lucht, temperatuur)", "environment sensor (air, temperature)"),
        "drone": ("drone", "drone"),
        "body_camera": ("bodycam of andere draagbare camera", "body-worn or other mobile camera"),
        "gps_tracker": ("gps-tracker", "GPS tracker"),
        "social_media": ("sociale media", "social media"),
        "api": ("koppeling (API)", "interface (API)"),
        "base_register": ("basisregistratie", "base register"),
        "manual": ("handmatige invoer", "manual entry"),
        "rfid": ("RFID-tag of -pas", "RFID tag or card"),
        "card_reader": ("paslezer", "card reader"),
        "connected_container": ("slimme container (met pas of chip)", "connected container (card or chip)"),
        "radar": ("radar", "radar"),
        "presence_sensor": (
            "aanwezigheidssensor (bezetting, magnetometer: detecteert objecten)",
            "presence sensor (occupancy, magnetometer: detects objects)",
        ),
        "smart_meter": ("slimme meter", "smart meter"),
        "lidar": ("lidar", "lidar"),
    },
    "Technique": {
        "profiling": ("profilering", "profiling"),
        "scoring": ("scoretoekenning", "scoring"),
        "prediction": ("voorspelling", "prediction"),
        "automated_decision": ("geautomatiseerde besluitvorming", "automated decision-making"),
        "algorithm": ("algoritme", "algorithm"),
        "ai": ("AI-systeem", "AI system"),
        "matching": ("koppelen van datasets", "matching datasets"),
        "new_technology": ("nieuwe technologie", "new technology"),
        "cloud": ("cloud", "cloud"),
        "big_data": ("big data", "big data"),
        "behaviour_influencing": ("beïnvloeding van gedrag", "influencing behaviour"),
        "biometric_identification": ("biometrische identificatie", "biometric identification"),
        "location_tracking": ("volgen van locatie", "location tracking"),
    },
    "Area": {
        "spot": ("één locatie", "a single spot"),
        "street": ("straat", "street"),
        "neighbourhood": ("buurt", "neighbourhood"),
        "district": ("wijk / stadsdeel", "district"),
        "city": ("hele gemeente", "whole municipality"),
        "region": ("regio", "region"),
    },
    "Frequency": {
        "once": ("eenmalig", "once"),
        "occasional": ("incidenteel", "occasional"),
        "periodic": ("periodiek", "periodic"),
        "daily": ("dagelijks", "daily"),
        "continuous": ("continu", "continuous"),
    },
    "Deletion": {
        "automatic": ("automatisch", "automatic"),
        "manual_procedure": ("handmatige procedure", "manual procedure"),
        "none": ("niet geregeld", "not arranged"),
    },
    "KeyHolder": {
        "municipality": ("de gemeente", "the municipality"),
        "supplier": ("de leverancier", "the supplier"),
        "trusted_third_party": ("een vertrouwde derde partij", "a trusted third party"),
    },
    "Classification": {"BBN1": ("BBN1", "BBN1"), "BBN2": ("BBN2", "BBN2"), "BBN3": ("BBN3", "BBN3")},
    "Answer": {"yes": ("ja", "yes"), "no": ("nee", "no"), "not_applicable": ("n.v.t.", "not applicable")},
    "Minors": {"yes": ("ja", "yes"), "possible": ("mogelijk", "possibly"), "no": ("nee", "no")},
    "TransferMechanism": {
        "adequacy": ("adequaatheidsbesluit", "adequacy decision"),
        "scc": ("standaardcontractbepalingen (SCC)", "standard contractual clauses (SCC)"),
        "bcr": ("bindende bedrijfsvoorschriften (BCR)", "binding corporate rules (BCR)"),
        "certification": ("goedgekeurd certificeringsmechanisme", "approved certification mechanism"),
        "code_of_conduct": ("goedgekeurde gedragscode", "approved code of conduct"),
        "legal_instrument": (
            "juridisch bindend instrument tussen overheden",
            "legally binding instrument between public bodies",
        ),
        "derogation_art49": ("uitzondering art. 49 AVG", "art. 49 derogation"),
        "other": ("overig", "other"),
        "none": ("geen", "none"),
    },
    "HostingModel": {
        "on_premise": ("eigen beheer (on-premise)", "on premise"),
        "iaas": ("IaaS", "IaaS"),
        "paas": ("PaaS", "PaaS"),
        "saas": ("SaaS", "SaaS"),
        "edge": ("op het apparaat (edge)", "on the device (edge)"),
    },
    "Compatibility": {
        "compatible": ("verenigbaar met het oorspronkelijke doel", "compatible with the original purpose"),
        "permitted_by_law": (
            "toegestaan op grond van Unie- of lidstaatrecht",
            "permitted by Union or member state law",
        ),
        "own_legal_ground": ("eigen grondslag", "own legal ground"),
        "not_assessed": ("niet beoordeeld", "not assessed"),
    },
    "Level": {"laag": ("laag", "low"), "midden": ("midden", "medium"), "hoog": ("hoog", "high")},
    "Verification": {
        "document": ("document", "document"),
        "demo": ("demonstratie", "demonstration"),
        "test": ("test", "test"),
        "contract_clause": ("contractbepaling", "contract clause"),
    },
    "DpiaStatus": {
        "not_started": ("niet gestart", "not started"),
        "in_progress": ("in uitvoering", "in progress"),
        "completed": ("afgerond", "completed"),
        "not_needed": ("niet nodig (gemotiveerd)", "not needed (reasoned)"),
    },
    "ControllerBody": {
        "college": ("college van burgemeester en wethouders", "municipal executive (college)"),
        "burgemeester": ("burgemeester", "mayor (burgemeester)"),
        "college_and_burgemeester": ("college en burgemeester samen", "college and mayor jointly"),
        "raad": ("gemeenteraad", "municipal council"),
        "other": ("ander orgaan", "another body"),
    },
    "DecidedBy": {
        "college": ("college van burgemeester en wethouders", "municipal executive (college)"),
        "burgemeester": ("burgemeester", "mayor (burgemeester)"),
        "college_and_burgemeester": ("college en burgemeester samen", "college and mayor jointly"),
        "raad": ("gemeenteraad", "municipal council"),
        "steering_group": ("stuurgroep", "steering group"),
        "project_lead": ("projectleider", "project lead"),
        "other": ("ander", "other"),
    },
    "AdviceFollowed": {"yes": ("ja", "yes"), "partly": ("gedeeltelijk", "partly"), "no": ("nee", "no")},
    "DecisionOutcome": {
        "go": ("doorgaan", "go"),
        "go_with_conditions": ("doorgaan onder voorwaarden", "go with conditions"),
        "no_go": ("niet doorgaan", "no go"),
    },
    "YesNoUnknown": {"yes": ("ja", "yes"), "no": ("nee", "no"), "unknown": ("nog niet bekend", "not yet known")},
    "WorksCouncilConsent": {
        "given": ("instemming gegeven", "consent given"),
        "requested": ("instemming gevraagd", "consent requested"),
        "refused": ("instemming geweigerd", "consent refused"),
        "not_requested": ("niet gevraagd", "not requested"),
    },
    "ScreeningSource": {
        "officer": ("eigen beoordeling (FG of privacyadviseur)", "own assessment (DPO or privacy adviser)"),
        "invulhulp": ("Invulhulp Pre-scan en DPIA", "government Pre-scan/DPIA form (Invulhulp)"),
    },
    "AgreementClause": {
        "instructions": ("alleen op schriftelijke instructie (28(3)(a))", "documented instructions only (28(3)(a))"),
        "confidentiality": ("geheimhouding van personeel (28(3)(b))", "confidentiality of staff (28(3)(b))"),
        "security": ("beveiligingsmaatregelen art. 32 (28(3)(c))", "art. 32 security measures (28(3)(c))"),
        "sub_processors": ("voorwaarden subverwerkers (28(3)(d))", "conditions for sub-processors (28(3)(d))"),
        "data_subject_rights": (
            "hulp bij rechten van betrokkenen (28(3)(e))",
            "assistance with data subject rights (28(3)(e))",
        ),
        "assistance": (
            "bijstand bij beveiliging, datalekken en DPIA (28(3)(f))",
            "assistance with security, breaches and DPIA (28(3)(f))",
        ),
        "deletion_or_return": (
            "wissen of teruggeven na afloop (28(3)(g))",
            "deletion or return at the end (28(3)(g))",
        ),
        "audits": ("informatie en audits (28(3)(h))", "information and audits (28(3)(h))"),
    },
    "PartyKind": {
        "municipality": ("gemeente", "municipality"),
        "supplier": ("leverancier", "supplier"),
        "research": ("onderzoeksinstelling", "research institution"),
        "police": ("politie", "police"),
        "boa_organisation": ("organisatie van boa's (handhaving)", "enforcement officers' organisation (boa)"),
        "events_company": ("evenementenorganisator", "events company"),
        "foundation": ("stichting of vereniging", "foundation or association"),
        "grid_operator": ("netbeheerder", "grid operator"),
        "other": ("overig", "other"),
    },
    "PoliceAccess": {
        "none": ("geen", "none"),
        "on_request": ("op verzoek (vordering of verstrekking per geval)", "on request (case by case)"),
        "live_viewing": ("meekijken met live beelden", "live viewing"),
        "direct_access": ("rechtstreekse toegang", "direct access"),
    },
    "Specificity": {
        "specific": ("specifiek: beschrijft deze taak en deze inbreuk", "specific: describes this task and intrusion"),
        "general_competence": (
            "algemene taak of bevoegdheid (zoals Gemeentewet art. 160)",
            "general task or competence (such as Municipalities Act art. 160)",
        ),
    },
    "NecessityOutcome": {
        "necessary": ("noodzakelijk", "necessary"),
        "not_necessary": ("niet noodzakelijk", "not necessary"),
    },
    "ConsentCapacity": {
        "all_capable": ("alle betrokkenen zijn handelingsbekwaam", "all data subjects have capacity"),
        "minors": ("ook minderjarigen", "minors included"),
        "incapacitated": (
            "ook wilsonbekwamen (zoals mensen met dementie)",
            "people lacking capacity included (such as dementia)",
        ),
    },
    "PurposeKind": {
        "service": ("dienstverlening", "service delivery"),
        "enforcement": ("handhaving", "enforcement"),
        "fraud_control": ("fraudebestrijding", "fraud control"),
        "public_order": ("openbare orde", "public order"),
        "safety": ("veiligheid", "safety"),
        "research": ("wetenschappelijk onderzoek", "scientific research"),
        "statistics": ("statistiek", "statistics"),
        "policy": ("beleidsontwikkeling", "policy making"),
        "employee_monitoring": ("controle op medewerkers", "monitoring of employees"),
        "other": ("overig", "other"),
    },
    "SubjectRelation": {
        "targeted": ("doelgroep van de verwerking", "targeted by the processing"),
        "incidental": ("toevallig betrokken (passanten, omstanders)", "incidental (passers-by, bystanders)"),
    },
    "DataForm": {
        "raw": ("onbewerkt", "raw"),
        "hashed": ("gehasht", "hashed"),
        "truncated": ("ingekort", "truncated"),
        "encrypted": ("versleuteld", "encrypted"),
        "aggregated": ("geaggregeerd", "aggregated"),
        "anonymised": ("geanonimiseerd", "anonymised"),
    },
    "Signage": {
        "all_entrances": ("bij alle toegangen tot het gebied", "at every entrance to the area"),
        "some_entrances": ("bij een deel van de toegangen", "at some entrances"),
        "none": ("geen borden", "no signs"),
    },
    "EdgeOutput": {
        "counts": ("tellingen", "counts"),
        "aggregates": ("geaggregeerde waarden", "aggregates"),
        "events": ("gebeurtenissen (meldingen)", "events (alerts)"),
        "individual_records": ("gegevens per persoon of apparaat", "records per person or device"),
        "images": ("beelden", "images"),
    },
    "VerificationMethod": {
        "none": ("niet gecontroleerd", "not checked"),
        "document": ("document van de leverancier", "supplier document"),
        "demo": ("demonstratie", "demonstration"),
        "test": ("eigen test", "own test"),
        "audit": ("audit door een onafhankelijke partij", "independent audit"),
    },
    "AnonymisationMethod": {
        "aggregation_at_source": ("aggregatie bij de bron", "aggregation at source"),
        "on_device_counting": ("tellen op het apparaat", "counting on the device"),
        "k_anonymity": ("k-anonimiteit", "k-anonymity"),
        "noise": ("ruis toevoegen", "adding noise"),
        "other": ("andere methode", "other method"),
    },
    "RetentionBasis": {
        "statute": ("wettelijke termijn", "statutory period"),
        "selectielijst": ("selectielijst (Archiefwet)", "selection list (Archives Act)"),
        "investigation": ("nodig voor onderzoek of afhandeling", "needed for investigation or follow-up"),
        "policy": ("eigen beleid", "own policy"),
        "none": ("geen onderbouwing", "no basis"),
    },
    "EffectivenessStatus": {
        "demonstrated": ("aangetoond", "demonstrated"),
        "expected": ("verwacht, nog niet aangetoond", "expected, not yet demonstrated"),
        "not_shown": ("niet aangetoond", "not shown"),
    },
    "ProportionalityOutcome": {
        "proportionate": ("evenredig", "proportionate"),
        "not_proportionate": ("niet evenredig", "not proportionate"),
    },
    "AlternativeOutcome": {
        "rejected": ("afgewezen", "rejected"),
        "adopted": ("gekozen", "adopted"),
        "partly_adopted": ("deels gekozen", "partly adopted"),
    },
    "RejectionReason": {
        "less_effective": ("minder doeltreffend", "less effective"),
        "not_feasible": ("niet uitvoerbaar", "not feasible"),
        "disproportionate_cost": ("onevenredig hoge kosten", "disproportionate cost"),
        "supplier_interest": ("belang van de leverancier", "the supplier's interest"),
        "convenience": ("gemak", "convenience"),
        "other": ("andere reden", "other reason"),
    },
    "ProhibitedPractice": {
        "none": ("geen verboden praktijk", "no prohibited practice"),
        "emotion_recognition": (
            "emotieherkenning op het werk of in het onderwijs",
            "emotion recognition at work or in education",
        ),
        "biometric_categorisation": (
            "biometrische categorisering naar ras, geloof of politieke opvatting",
            "biometric categorisation by race, religion or political opinion",
        ),
        "crime_prediction": (
            "voorspellen van strafbare feiten op basis van alleen profilering",
            "predicting crime from profiling alone",
        ),
        "realtime_rbi_law_enforcement": (
            "real-time biometrische identificatie op afstand in de openbare ruimte voor rechtshandhaving",
            "real-time remote biometric identification in public spaces for law enforcement",
        ),
        "social_scoring": ("sociale scoring", "social scoring"),
        "manipulation": (
            "manipulatie of uitbuiting van kwetsbaarheden",
            "manipulation or exploitation of vulnerabilities",
        ),
        "untargeted_face_scraping": (
            "ongericht verzamelen van gezichtsbeelden voor databanken",
            "untargeted scraping of facial images for databases",
        ),
    },
    "AiHighRisk": {
        "none": ("geen hoog risico", "not high-risk"),
        "annex_iii_biometrics": ("bijlage III: biometrie", "Annex III: biometrics"),
        "annex_iii_essential_services": (
            "bijlage III: toegang tot essentiële publieke diensten en uitkeringen",
            "Annex III: access to essential public services and benefits",
        ),
        "annex_iii_law_enforcement": ("bijlage III: rechtshandhaving", "Annex III: law enforcement"),
        "annex_iii_employment": ("bijlage III: werk en personeel", "Annex III: employment"),
        "annex_iii_other": ("bijlage III: ander gebied", "Annex III: other area"),
        "annex_i": ("bijlage I: veiligheidscomponent van een product", "Annex I: safety component of a product"),
    },
    "SystemType": {
        "edge_device": ("apparaat met eigen verwerking (edge)", "edge device"),
        "sensor_network": ("sensornetwerk", "sensor network"),
        "platform": ("dataplatform", "data platform"),
        "saas": ("SaaS-dienst", "SaaS service"),
        "app": ("app", "app"),
        "website": ("website", "website"),
        "back_office": ("backofficesysteem", "back-office system"),
        "data_warehouse": ("datawarehouse", "data warehouse"),
        "other": ("overig", "other"),
    },
    "Assessed": {
        "creditworthiness": ("kredietwaardigheid", "creditworthiness"),
        "fraud_risk": ("risico op fraude", "risk of fraud"),
        "need_for_help": ("hulpbehoefte", "need for help"),
        "eligibility": ("recht op een voorziening", "eligibility for a service"),
        "behaviour": ("gedrag", "behaviour"),
        "performance": ("prestaties", "performance"),
        "other": ("anders", "other"),
    },
    "Conduct": {
        "unlawful": ("onrechtmatig gedrag", "unlawful conduct"),
        "antisocial": ("overlast of hinderlijk gedrag", "antisocial conduct"),
        "bad_payment": ("slecht betaalgedrag", "bad payment behaviour"),
        "none": ("geen gedrag", "no conduct"),
    },
    "EvidenceLevel": {
        "claimed": ("toegezegd door de leverancier", "claimed by the supplier"),
        "contracted": ("contractueel vastgelegd", "laid down in the contract"),
        "verified": ("gecontroleerd", "verified"),
    },
}


def label(enum_value: StrEnum | str, lang: Lang | str, enum_name: str | None = None) -> str:
    """The label of an enum value in a language; the raw value when none is known."""
    name = enum_name or type(enum_value).__name__
    pair = LABELS.get(name, {}).get(str(enum_value))
    if pair is None:
        return str(enum_value)
    return pair[0] if str(lang) == "nl" else pair[1]


# --- rule vocabulary (knowledge base and findings) ---------------------------------------------


class RuleKind(StrEnum):
    """What kind of rule a finding comes from."""

    CRITERION = "criterion"
    SYSTEM_REQUIREMENT = "system_requirement"


class Basis(StrEnum):
    """Where a rule's force comes from (design note §1): the law, guidance, or a municipal choice."""

    LAW = "law"  # AVG, UAVG, Wpg or another statute: may be high
    GUIDANCE = "guidance"  # EDPB, AP, BIO2, Algoritmekader: medium at most
    POLICY = "policy"  # a municipality's own choice: low, and off unless a profile enables it

    @property
    def ceiling(self) -> Severity:
        """The highest severity a rule of this basis may have without a profile raising it."""
        return {"law": Severity.HIGH, "guidance": Severity.MEDIUM, "policy": Severity.LOW}[self.value]


class Scope(StrEnum):
    """The kind of object a criterion is evaluated on."""

    PROJECT = "project"
    PROCESSING = "processing"
    PARTY = "party"
    SYSTEM = "system"


LABELS["RuleKind"] = {
    "criterion": ("criterium", "criterion"),
    "system_requirement": ("systeemeis", "system requirement"),
}
LABELS["Basis"] = {"law": ("wet", "law"), "guidance": ("richtsnoer", "guidance"), "policy": ("beleid", "policy")}
LABELS["Scope"] = {
    "project": ("project", "project"),
    "processing": ("verwerking", "processing"),
    "party": ("partij", "party"),
    "system": ("systeem", "system"),
}


class DpiaOutcome(StrEnum):
    """The DPIA screening's outcome (:mod:`pbd.engine.screening`)."""

    MANDATORY = "mandatory"
    MANDATORY_UNLESS_ARGUED = (
        "mandatory_unless_argued"  # two or more WP248 criteria: the controller may argue otherwise
    )
    RECOMMENDED = "recommended"
    NOT_NEEDED = "not_needed"
    UNDETERMINED = "undetermined"  # a deciding question is not answered yet

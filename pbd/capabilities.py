"""The capability vocabulary: what an information system can declare it does.

One list, shared by the description model (``systems[].capabilities``) and the systeemeisen
(each systeemeis names the one capability that meets it). Keys are stable; labels are NL/EN.
Grouped by the function areas of the systeemeisenset.
"""

from __future__ import annotations

#: capability keyword -> (Dutch label, English label)
CAPABILITIES: dict[str, tuple[str, str]] = {
    # TG — toegang (access)
    "role_based_access": ("toegang op basis van rollen", "role-based access control"),
    "least_privilege": ("minimale rechten per rol", "least privilege per role"),
    "mfa_admins": ("meerfactorauthenticatie voor beheerders", "multi-factor authentication for administrators"),
    "mfa_users": (
        "meerfactorauthenticatie voor gebruikers met toegang tot persoonsgegevens",
        "multi-factor authentication for users with access to personal data",
    ),
    "access_review_report": ("rapportage voor periodieke autorisatiecontrole", "report for periodic access review"),
    "purpose_bound_access": ("toegang per doel (doelgebonden autorisatie)", "purpose-bound access"),
    "no_production_data_in_test": (
        "geen productiegegevens in test- en ontwikkelomgevingen",
        "no production data in test and development environments",
    ),
    "session_timeout": ("automatische sessiebeëindiging", "automatic session timeout"),
    "account_lifecycle": (
        "accounts worden tijdig ingetrokken bij uitdiensttreding",
        "accounts are revoked when people leave",
    ),
    "bulk_export_control": (
        "export van persoonsgegevens alleen voor bevoegde rollen en gelogd",
        "export of personal data restricted to authorised roles and logged",
    ),
    "scoped_api_access": (
        "ontvangers en koppelingen krijgen alleen de afgesproken velden",
        "recipients and integrations receive only the agreed fields",
    ),
    "supplier_access_on_request": (
        "toegang van de leverancier alleen na toestemming, tijdelijk en gelogd",
        "supplier access only on approval, time-limited and logged",
    ),
    # LG — logging
    "access_logging": (
        "logging van inzage en wijziging van persoonsgegevens",
        "logging of reads and changes of personal data",
    ),
    "log_purpose_field": (
        "doel en grondslag vastgelegd per logregel",
        "purpose and legal basis recorded per log entry",
    ),
    "tamper_evident_logs": ("logbestanden beschermd tegen wijziging", "tamper-evident logs"),
    "log_retention_limit": ("begrensde bewaartermijn van logbestanden", "limited retention of logs"),
    "logboek_dataverwerkingen": (
        "export volgens de standaard Logboek dataverwerkingen",
        "export in the Logboek dataverwerkingen standard",
    ),
    "admin_action_logging": ("logging van beheerhandelingen", "logging of administrator actions"),
    "log_monitoring": ("actieve controle van logbestanden op misbruik", "active monitoring of logs for misuse"),
    "time_synchronisation": ("betrouwbare tijdsynchronisatie", "reliable time synchronisation"),
    "log_data_minimisation": (
        "geen inhoudelijke of gevoelige gegevens in logbestanden",
        "no content or sensitive data in logs",
    ),
    "algorithm_version_logging": (
        "vastlegging van invoer, modelversie en uitkomst per algoritmische uitkomst",
        "recording of input, model version and result per algorithmic outcome",
    ),
    "privacy_metrics_report": ("periodieke rapportage van privacykengetallen", "periodic report of privacy metrics"),
    # BW — bewaren (retention)
    "retention_per_category": (
        "bewaartermijn instelbaar per gegevenscategorie",
        "retention configurable per data category",
    ),
    "automatic_deletion": (
        "automatische verwijdering na de bewaartermijn",
        "automatic deletion after the retention period",
    ),
    "backup_deletion": ("verwijdering werkt door in back-ups", "deletion propagated to backups"),
    "deletion_report": ("verwijderrapportage", "deletion report"),
    "anonymisation_function": (
        "anonimiseringsfunctie voor langer bewaren",
        "anonymisation function for longer storage",
    ),
    "raw_data_short_retention": (
        "ruwe sensor- of beelddata apart en kort bewaard",
        "raw sensor or image data stored separately and briefly",
    ),
    "legal_hold": (
        "blokkeren van verwijdering bij lopend bezwaar of onderzoek",
        "hold on deletion during an objection or investigation",
    ),
    "archive_export": (
        "overbrengen van archiefwaardige stukken (Archiefwet)",
        "transfer of records to be archived (Archives Act)",
    ),
    "retention_start_event": (
        "bewaartermijn die start bij een gebeurtenis (zoals einde traject)",
        "retention period that starts at an event (such as end of a case)",
    ),
    "immediate_deletion_no_hit": (
        "directe verwijdering van waarnemingen zonder vervolg",
        "immediate deletion of observations without follow-up",
    ),
    # MN — minimalisatie
    "optional_fields_off": ("optionele velden standaard uit", "optional fields off by default"),
    "edge_aggregation": (
        "aggregatie of anonimisering op het apparaat (edge)",
        "aggregation or anonymisation on the device (edge)",
    ),
    "pseudonymisation": ("pseudonimisering", "pseudonymisation"),
    "municipal_key_control": (
        "sleutels voor pseudonimisering in beheer van de gemeente",
        "pseudonymisation keys held by the municipality",
    ),
    "camera_privacy_masking": (
        "privacymaskering van woningen en zones in camerabeeld",
        "privacy masking of homes and zones in camera images",
    ),
    "camera_resolution_limit": (
        "instelbare resolutie en beeldhoek van camera's",
        "configurable camera resolution and field of view",
    ),
    "no_audio_recording": ("geen geluidsopname, alleen meetwaarden", "no audio recording, measurements only"),
    "no_facial_recognition": ("geen gezichtsherkenning", "no facial recognition"),
    "no_free_text_sensitive": (
        "geen vrije tekstvelden voor gevoelige gegevens",
        "no free-text fields for sensitive data",
    ),
    "field_level_minimisation": ("velden uitschakelbaar per doel", "fields can be switched off per purpose"),
    "mac_address_rotation_salt": (
        "wisselende zout-waarde bij hashen van apparaat-ID's",
        "rotating salt when hashing device identifiers",
    ),
    "data_separation_per_purpose": ("gescheiden opslag per doel", "separate storage per purpose"),
    "transaction_category_filter": (
        "filteren van gevoelige transactiecategorieën",
        "filtering of sensitive transaction categories",
    ),
    "privacy_friendly_defaults": ("privacyvriendelijke standaardinstellingen", "privacy-friendly default settings"),
    # RE — rechten (rights)
    "subject_data_export": (
        "export van alle gegevens van één persoon (machineleesbaar)",
        "export of all data of one person (machine-readable)",
    ),
    "rectification": ("corrigeren en aanvullen van gegevens", "rectification and completion of data"),
    "correction_propagation": ("correcties doorgegeven aan ontvangers", "corrections passed on to recipients"),
    "restriction_flag": ("markering beperking van de verwerking", "restriction of processing flag"),
    "objection_flag": (
        "bezwaar of opt-out wordt gerespecteerd door de verwerking",
        "objection or opt-out honoured by the processing",
    ),
    "erasure_per_subject": ("verwijderen per persoon, ook bij ontvangers", "erasure per person, also at recipients"),
    "request_tracking": (
        "registratie en termijnbewaking van verzoeken van betrokkenen",
        "registration and deadline tracking of data subject requests",
    ),
    "human_review_workflow": ("menselijke beoordeling vóór een besluit", "human review before a decision"),
    "portability_export": ("gegevensoverdraagbaarheid in open formaat", "data portability in an open format"),
    "consent_management": ("vastleggen en intrekken van toestemming", "recording and withdrawing consent"),
    "parental_consent_verification": ("controle van ouderlijke toestemming", "verification of parental consent"),
    "data_provenance": (
        "herkomst per gegeven vastgelegd, basisregistraties als bron",
        "source recorded per data item, base registers as source",
    ),
    # VS — versleuteling (encryption)
    "tls_transport": ("versleuteld transport (TLS 1.2 of hoger)", "encrypted transport (TLS 1.2 or higher)"),
    "encryption_at_rest": ("versleuteling van opgeslagen gegevens", "encryption at rest"),
    "municipal_key_management": (
        "sleutelbeheer onder controle van de gemeente",
        "key management under municipal control",
    ),
    "device_to_platform_encryption": (
        "versleutelde verbinding van sensor naar platform",
        "encrypted link from sensor to platform",
    ),
    "backup_encryption": ("versleutelde back-ups", "encrypted backups"),
    "key_rotation": (
        "periodieke vernieuwing en intrekking van sleutels en certificaten",
        "periodic renewal and revocation of keys and certificates",
    ),
    "device_certificates": (
        "unieke cryptografische identiteit per apparaat",
        "unique cryptographic identity per device",
    ),
    "field_level_encryption": (
        "extra versleuteling van gevoelige velden in de toepassing",
        "additional application-level encryption of sensitive fields",
    ),
    # HO — hosting
    "eea_storage": ("opslag binnen de EER", "storage within the EEA"),
    "eea_support": ("ondersteuning en beheer vanuit de EER", "support and administration from the EEA"),
    "no_telemetry_outside_eea": ("geen telemetrie buiten de EER", "no telemetry outside the EEA"),
    "subprocessor_list": ("gepubliceerde lijst van subverwerkers", "published list of sub-processors"),
    "data_location_transparency": ("inzicht in de locatie van gegevens", "transparency about where data are stored"),
    "certified_hosting": ("gecertificeerde hosting (ISO 27001 / BIO)", "certified hosting (ISO 27001 / BIO)"),
    "subprocessor_change_notice": (
        "vooraankondiging van nieuwe subverwerkers met recht van bezwaar",
        "advance notice of new sub-processors with a right to object",
    ),
    "foreign_access_request_notice": (
        "melding van verzoeken van niet-EER-autoriteiten om gegevens",
        "notification of requests for data by non-EEA authorities",
    ),
    "standard_processor_agreement": (
        "VNG-model verwerkersovereenkomst aanvaard",
        "VNG model processor agreement accepted",
    ),
    # TP — transparantie
    "privacy_statement_in_ui": (
        "privacyverklaring bereikbaar vanuit de toepassing",
        "privacy statement reachable from the application",
    ),
    "just_in_time_notice": ("informatie op het moment van verzamelen", "information at the moment of collection"),
    "sensor_register_feed": (
        "machineleesbare registratie in het sensorregister",
        "machine-readable entry in the sensor register",
    ),
    "algorithm_explanation": ("uitleg van algoritmische uitkomsten", "explanation of algorithmic outcomes"),
    "algorithm_register_entry": ("gegevens voor het Algoritmeregister", "data for the Algorithm Register"),
    "processing_register_export": (
        "gegevens voor het verwerkingsregister",
        "data for the register of processing activities",
    ),
    "physical_signage": ("borden of markering bij sensoren en camera's", "signs or markings at sensors and cameras"),
    "model_documentation": (
        "technische documentatie van modellen en algoritmes",
        "technical documentation of models and algorithms",
    ),
    "resident_data_overview": (
        "overzicht voor de inwoner van eigen gegevens en toestemmingen",
        "overview for residents of their own data and consents",
    ),
    # BV — beveiliging (security)
    "vulnerability_management": ("kwetsbaarhedenbeheer en patchen", "vulnerability management and patching"),
    "pentest_report": ("rapport van een recente penetratietest", "report of a recent penetration test"),
    "secure_defaults": ("veilige standaardconfiguratie", "secure default configuration"),
    "firmware_updates": ("op afstand bij te werken firmware van IoT-apparaten", "remotely updatable IoT firmware"),
    "device_hardening": (
        "geharde IoT-apparaten (geen standaardwachtwoorden, dichte poorten)",
        "hardened IoT devices (no default passwords, closed ports)",
    ),
    "incident_notification_24h": (
        "melding van incidenten door de leverancier binnen 24 uur",
        "supplier notifies incidents within 24 hours",
    ),
    "backup_restore": ("back-up en getest herstel", "backup and tested restore"),
    "bias_monitoring": ("monitoring van foutpercentages en bias", "monitoring of error rates and bias"),
    "security_monitoring": ("beveiligingsmonitoring (SIEM / SOC)", "security monitoring (SIEM / SOC)"),
    "information_classification": (
        "classificatie van informatie en maatregelen per klasse",
        "information classification and measures per class",
    ),
    "breach_impact_report": (
        "snel overzicht van getroffen personen en gegevens bij een datalek",
        "rapid overview of affected persons and data in a breach",
    ),
    "privacy_change_notice": (
        "vooraankondiging van wijzigingen die de verwerking raken",
        "advance notice of changes that affect the processing",
    ),
    # EX — exit
    "open_format_export": (
        "volledige export in open formaat bij contracteinde",
        "full export in an open format at contract end",
    ),
    "open_api": ("gedocumenteerde API's op basis van open standaarden", "documented APIs based on open standards"),
    "certified_deletion_at_exit": ("aantoonbare verwijdering bij contracteinde", "certified deletion at contract end"),
    "audit_rights": ("auditrecht voor de gemeente", "audit rights for the municipality"),
    "exit_assistance": (
        "ondersteuning bij overstap naar een andere leverancier",
        "assistance when switching to another supplier",
    ),
    "exit_plan": ("gedocumenteerd en beproefd exitplan", "documented and tested exit plan"),
    "device_decommissioning": (
        "veilige buitengebruikstelling van sensoren en camera's",
        "secure decommissioning of sensors and cameras",
    ),
}


def capability_label(key: str, lang: str) -> str:
    """Label of a capability in ``lang`` (nl or en); an unknown key is shown as it is."""
    pair = CAPABILITIES.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]

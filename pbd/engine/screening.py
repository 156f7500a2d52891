"""DPIA screening: is a DPIA mandatory, and are a DTIA, IAMA or KIA indicated — with a reason for every hit.

Every hit is derived from the facts of the description (collection methods, data categories,
scale, techniques, transfers), never from a box the user ticks. The rules mirror the
Rijksoverheid Pre-scan DPIA (``assessments:``): one item on the AP list, two or more WP248
criteria, art. 35(3) or new legislation -> DPIA mandatory; exactly one WP248 criterion ->
recommended. Large scale uses the Pre-scan threshold of 10 000 data subjects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pbd.vocabulary import EEA_COUNTRIES

Json = dict[str, Any]

#: AP list (Stcrt. 2019, 64418): number -> (Dutch name, English name)
AP_TYPES: dict[int, tuple[str, str]] = {
    1: ("Heimelijk onderzoek", "Covert investigation"),
    2: ("Zwarte lijsten", "Blacklists"),
    3: ("Fraudebestrijding", "Fraud prevention"),
    4: ("Creditscores", "Credit scores"),
    5: ("Financiële situatie", "Financial situation"),
    6: ("Genetische persoonsgegevens", "Genetic data"),
    7: ("Gezondheidsgegevens", "Health data"),
    8: ("Samenwerkingsverbanden", "Partnerships"),
    9: ("Cameratoezicht", "Camera surveillance"),
    10: ("Flexibel cameratoezicht", "Flexible camera surveillance"),
    11: ("Controle werknemers", "Monitoring employees"),
    12: ("Locatiegegevens", "Location data"),
    13: ("Communicatiegegevens", "Communication data"),
    14: ("Internet of things", "Internet of things"),
    15: ("Profilering", "Profiling"),
    16: ("Observatie en beïnvloeding van gedrag", "Observation and influencing of behaviour"),
    17: ("Biometrische gegevens", "Biometric data"),
}

#: WP248 rev.01 criteria: number -> (Dutch, English)
EDPB_CRITERIA: dict[int, tuple[str, str]] = {
    1: ("Evaluatie of scoretoekenning", "Evaluation or scoring"),
    2: (
        "Geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "Automated decision-making with legal or similarly significant effect",
    ),
    3: ("Stelselmatige monitoring", "Systematic monitoring"),
    4: (
        "Gevoelige gegevens of gegevens van zeer persoonlijke aard",
        "Sensitive data or data of a highly personal nature",
    ),
    5: ("Op grote schaal verwerkte gegevens", "Data processed on a large scale"),
    6: ("Matching of samenvoeging van datasets", "Matching or combining datasets"),
    7: ("Gegevens met betrekking tot kwetsbare betrokkenen", "Data concerning vulnerable data subjects"),
    8: (
        "Innovatief gebruik of toepassing van nieuwe technologische of organisatorische oplossingen",
        "Innovative use or new technological or organisational solutions",
    ),
    9: (
        "Betrokkenen kunnen een recht niet uitoefenen of geen beroep doen op een dienst of overeenkomst",
        "Data subjects are prevented from exercising a right or using a service or contract",
    ),
}

ART35_3: dict[str, tuple[str, str]] = {
    "a": (
        "stelselmatige en uitgebreide beoordeling van persoonlijke aspecten met besluiten met rechtsgevolg",
        "systematic and extensive evaluation of personal aspects leading to decisions with legal effect",
    ),
    "b": (
        "grootschalige verwerking van bijzondere of strafrechtelijke persoonsgegevens",
        "large-scale processing of special category or criminal data",
    ),
    "c": (
        "stelselmatige en grootschalige monitoring van openbaar toegankelijke ruimte",
        "systematic monitoring of a publicly accessible area on a large scale",
    ),
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One reason the screening found: which framework item, for which processing, and why."""

    framework: str  # "AP", "EDPB", "AVG35(3)", "WETGEVING", "DTIA", "IAMA", "KIA"
    item: str
    target: str  # processing id, or "project"
    reason_nl: str
    reason_en: str

    def as_dict(self, lang: str) -> Json:
        return {
            "framework": self.framework,
            "item": self.item,
            "target": self.target,
            "reason": self.reason_nl if lang == "nl" else self.reason_en,
        }


@dataclass(frozen=True, slots=True)
class Screening:
    """The outcome: DPIA mandatory / recommended / not needed, and DTIA/IAMA/KIA indications."""

    dpia: str  # "mandatory" | "recommended" | "not_needed"
    ap: tuple[int, ...]
    edpb: tuple[int, ...]
    art35_3: tuple[str, ...]
    dtia: bool
    iama: bool
    kia: bool
    hits: tuple[Hit, ...] = field(default=())

    def view(self) -> Json:
        """The ``_screening`` object criteria can test."""
        return {
            "dpia": self.dpia,
            "ap": list(self.ap),
            "edpb": list(self.edpb),
            "art35_3": list(self.art35_3),
            "dtia": self.dtia,
            "iama": self.iama,
            "kia": self.kia,
        }

    def as_dict(self, lang: str) -> Json:
        return {**self.view(), "reasons": [h.as_dict(lang) for h in self.hits]}


def _wide(d: Json) -> bool:
    """Large scale or systematic: the AP list's 'grootschalig en/of stelselmatig'."""
    return d.get("large_scale") is True or d["systematic_monitoring"]


def screen(description: Json, derived_by_processing: dict[str, Json]) -> Screening:
    """Screen a description (plain JSON data) given each processing's ``_derived`` facts."""
    hits: list[Hit] = []

    def hit(framework: str, item: str, target: str, nl: str, en: str) -> None:
        hits.append(Hit(framework, item, target, nl, en))

    project: Json = description.get("project", {})
    if project.get("new_legislation") is True:
        hit(
            "WETGEVING",
            "0.1",
            "project",
            "het project gaat over nieuwe wet- of regelgeving",
            "the project concerns new legislation",
        )

    roles = {p["name"]: p.get("role", "") for p in description.get("parties", [])}
    for proc in description.get("processings", []):
        pid = proc["id"]
        d = derived_by_processing[pid]
        if not d["personal_data"]:
            continue
        _screen_processing(proc, d, roles, lambda fw, item, nl, en, pid=pid: hit(fw, item, pid, nl, en))

    _screen_assessments(description, derived_by_processing, hit)

    ap = tuple(sorted({int(h.item) for h in hits if h.framework == "AP"}))
    edpb = tuple(sorted({int(h.item) for h in hits if h.framework == "EDPB"}))
    art = tuple(sorted({h.item for h in hits if h.framework == "AVG35(3)"}))
    mandatory = bool(ap) or len(edpb) >= 2 or bool(art) or any(h.framework == "WETGEVING" for h in hits)
    dpia = "mandatory" if mandatory else "recommended" if len(edpb) == 1 else "not_needed"
    order = {"WETGEVING": 0, "AVG35(3)": 1, "AP": 2, "EDPB": 3, "DTIA": 4, "IAMA": 5, "KIA": 6}
    hits.sort(key=lambda h: (order[h.framework], h.item.zfill(3), h.target))
    return Screening(
        dpia=dpia,
        ap=ap,
        edpb=edpb,
        art35_3=art,
        dtia=any(h.framework == "DTIA" for h in hits),
        iama=any(h.framework == "IAMA" for h in hits),
        kia=any(h.framework == "KIA" for h in hits),
        hits=tuple(hits),
    )


def _screen_processing(proc: Json, d: Json, roles: dict[str, str], hit: Any) -> None:
    wide = _wide(d)
    # a partnership (AP 8): data go to a joint controller or an independent third party, not to a
    # processor or a mere payee
    partners = [n for n in proc.get("shared_with", []) if roles.get(n) in ("joint_controller", "third_party")]
    scale_nl = "op grote schaal" if d.get("large_scale") else "stelselmatig"
    scale_en = "on a large scale" if d.get("large_scale") else "systematically"
    collection: Json = proc.get("collection", {})
    items: list[Json] = proc.get("data_items", [])
    cats = {i.get("category") for i in items}
    specials = {i.get("special_category") for i in items}
    purposes_text = " ".join(p.get("description", "") for p in proc.get("purposes", [])).lower()
    algorithm: Json = proc.get("algorithm", {})
    significant = algorithm.get("significant_effect") is True
    subjects: list[Json] = proc.get("data_subjects", [])

    # --- AP list -------------------------------------------------------------------------
    if collection.get("covert") is True and wide:
        hit(
            "AP",
            "1",
            f"gegevens worden heimelijk en {scale_nl} verzameld",
            f"data are collected covertly and {scale_en}",
        )
    if d["has_criminal"] and d["shares_with_partners"]:
        hit(
            "AP",
            "2",
            "strafrechtelijke gegevens worden met andere partijen gedeeld",
            "criminal data are shared with other parties",
        )
    if ("fraude" in purposes_text or "fraud" in purposes_text) and (wide or d["matching"]):
        hit(
            "AP",
            "3",
            "een doel is fraudebestrijding met grootschalige of gekoppelde gegevens",
            "a purpose is fraud control with large-scale or matched data",
        )
    if d["profiling"] and d["has_financial"] and wide:
        hit(
            "AP",
            "4",
            "financiële gegevens worden gebruikt om personen te scoren",
            "financial data are used to score people",
        )
    # financial data that reveal someone's situation come from the person or third parties (bank,
    # employer); amounts the municipality itself imposes (a fine, a tax assessment) do not
    revealing = any(
        i.get("category") == "financial" and i.get("source") not in ("municipality", "derived") for i in items
    )
    if revealing and (wide or proc.get("scale", {}).get("frequency") in ("daily", "continuous")):
        hit(
            "AP",
            "5",
            "financiële gegevens geven doorlopend inzicht in inkomen of uitgaven",
            "financial data give ongoing insight into income or spending",
        )
    if "genetic" in specials and wide:
        hit("AP", "6", f"genetische gegevens worden {scale_nl} verwerkt", f"genetic data are processed {scale_en}")
    if d["has_health"] and wide:
        hit("AP", "7", f"gezondheidsgegevens worden {scale_nl} verwerkt", f"health data are processed {scale_en}")
    if (d["has_special"] or d["has_criminal"] or d["has_sensitive"]) and partners:
        hit(
            "AP",
            "8",
            "gevoelige of bijzondere gegevens worden binnen een samenwerkingsverband gedeeld",
            "sensitive or special data are shared within a partnership",
        )
    methods = set(collection.get("methods", []))
    if methods & {"camera", "anpr_camera", "drone"} and d["public_space"] and wide:
        hit(
            "AP",
            "9",
            f"camera's of drones observeren {scale_nl} openbare ruimte",
            f"cameras or drones observe public space {scale_en}",
        )
    if "body_camera" in methods and wide:
        hit(
            "AP",
            "10",
            "bodycams of andere draagbare camera's worden stelselmatig ingezet",
            "body-worn or mobile cameras are used systematically",
        )
    if any(s.get("employees") is True for s in subjects) and (d["observing"] or d["systematic_monitoring"]):
        hit(
            "AP",
            "11",
            "medewerkers worden met sensoren, camera's of volgsystemen gemonitord",
            "employees are monitored with sensors, cameras or tracking",
        )
    if d["has_location"] and wide:
        hit(
            "AP",
            "12",
            f"locatiegegevens van personen worden {scale_nl} verwerkt",
            f"location data of people are processed {scale_en}",
        )
    if "communication" in cats and wide:
        hit(
            "AP",
            "13",
            f"communicatiegegevens worden {scale_nl} verwerkt",
            f"communication data are processed {scale_en}",
        )
    if d["observing"] and wide:
        hit(
            "AP",
            "14",
            f"verbonden sensoren of apparaten verzamelen {scale_nl} gegevens (smart city)",
            f"connected sensors or devices collect data {scale_en} (smart city)",
        )
    if d["profiling"] and wide:
        hit(
            "AP",
            "15",
            "persoonlijke aspecten worden stelselmatig geautomatiseerd beoordeeld",
            "personal aspects are systematically assessed by automated means",
        )
    if d["behaviour_influencing"] and (wide or d["observing"]):
        hit(
            "AP",
            "16",
            "gedrag wordt geautomatiseerd geobserveerd en beïnvloed",
            "behaviour is observed and influenced by automated means",
        )
    elif "behaviour" in cats and d["systematic_monitoring"] and d.get("large_scale") is True:
        hit(
            "AP",
            "16",
            "gedrag wordt grootschalig geautomatiseerd geobserveerd",
            "behaviour is observed by automated means on a large scale",
        )
    if (d["has_biometric"] or "biometric_identification" in proc.get("techniques", [])) and wide:
        hit(
            "AP",
            "17",
            "biometrische gegevens worden gebruikt om personen te herkennen",
            "biometric data are used to identify people",
        )

    # --- WP248 criteria ------------------------------------------------------------------
    if d["profiling"] or "prediction" in proc.get("techniques", []):
        hit(
            "EDPB",
            "1",
            "personen of hun gedrag worden geëvalueerd, gescoord of voorspeld",
            "people or their behaviour are evaluated, scored or predicted",
        )
    if d["automated_decision"] and algorithm.get("significant_effect") is not False:
        hit(
            "EDPB",
            "2",
            "er zijn geautomatiseerde besluiten met (mogelijk) aanmerkelijk gevolg",
            "there are automated decisions with (possibly) significant effect",
        )
    if d["systematic_monitoring"]:
        hit("EDPB", "3", "personen worden stelselmatig gevolgd of geobserveerd", "people are systematically monitored")
    if d["has_special"] or d["has_criminal"] or d["has_sensitive"] or d["has_national_id"]:
        hit(
            "EDPB",
            "4",
            "er worden bijzondere, strafrechtelijke of zeer persoonlijke gegevens verwerkt",
            "special, criminal or highly personal data are processed",
        )
    if d.get("large_scale") is True:
        hit("EDPB", "5", "het gaat om 10.000 of meer betrokkenen", "10,000 or more data subjects are concerned")
    if d["matching"]:
        hit("EDPB", "6", "datasets worden gekoppeld of samengevoegd", "datasets are matched or combined")
    if d["vulnerable"]:
        hit(
            "EDPB",
            "7",
            "de betrokkenen zijn kwetsbaar, bijvoorbeeld kinderen of mensen die afhankelijk zijn van de gemeente",
            "the data subjects are vulnerable, e.g. children or people who depend on the municipality",
        )
    if d["new_technology"]:
        hit("EDPB", "8", "er wordt nieuwe technologie ingezet", "new technology is used")
    if proc.get("access_to_service") is True:
        hit(
            "EDPB",
            "9",
            "de uitkomst bepaalt of iemand een dienst of voorziening krijgt",
            "the outcome decides whether someone gets a service",
        )

    # --- art. 35(3) ----------------------------------------------------------------------
    if (d["profiling"] or d["automated_decision"]) and significant:
        hit("AVG35(3)", "a", ART35_3["a"][0], ART35_3["a"][1])
    if (d["has_special"] or d["has_criminal"]) and d.get("large_scale") is True:
        hit("AVG35(3)", "b", ART35_3["b"][0], ART35_3["b"][1])
    if d["systematic_monitoring"] and d["public_space"] and d.get("large_scale") is True:
        hit("AVG35(3)", "c", ART35_3["c"][0], ART35_3["c"][1])


def _screen_assessments(description: Json, derived: dict[str, Json], hit: Any) -> None:
    for proc in description.get("processings", []):
        pid = proc["id"]
        if not derived[pid]["personal_data"]:
            continue
        for t in proc.get("transfers", []):
            if t["country"] in EEA_COUNTRIES:
                continue
            mech = t.get("mechanism")
            if mech in ("scc", "other", "none") or mech is None:
                shown = mech or "onbekend / unknown"
                hit(
                    "DTIA",
                    "2.1",
                    pid,
                    f"doorgifte naar {t['country']} buiten de EER op basis van {shown}",
                    f"transfer to {t['country']} outside the EEA based on {shown}",
                )
        if derived[pid]["transfers_outside_eea"] and not proc.get("transfers"):
            countries = ", ".join(derived[pid]["non_eea_countries"])
            hit(
                "DTIA",
                "2.1",
                pid,
                f"een systeem slaat gegevens op of wordt beheerd buiten de EER ({countries}) zonder vastgelegd doorgiftemechanisme",
                f"a system stores or is administered from outside the EEA ({countries}) without a recorded transfer mechanism",
            )
        algorithm: Json = proc.get("algorithm", {})
        if algorithm.get("high_risk_ai") is True:
            hit("IAMA", "6.1.2", pid, "er wordt een hoog-risico AI-systeem gebruikt", "a high-risk AI system is used")
        if algorithm.get("impactful") is True:
            hit("IAMA", "6.1.3", pid, "er wordt een impactvol algoritme gebruikt", "an impactful algorithm is used")
    service: Json = description.get("project", {}).get("digital_service", {})
    if service.get("offered") is True and service.get("aimed_at_minors") is True:
        hit(
            "KIA",
            "7.1",
            "project",
            "een digitale dienst is (mede) bedoeld voor minderjarigen",
            "a digital service is (also) aimed at minors",
        )

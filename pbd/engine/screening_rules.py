"""The DPIA screening as a table of rules: one per AP type, WP248 criterion, art. 35(3) case and DTIA/IAMA/FRIA/KIA/Wpg duty.

Each rule is a record — id, framework, item, text reference, Dutch and English name and reason —
with a condition over the three-valued facts of :mod:`pbd.engine.facts`, evaluated with
Kleene's logic: a rule is *yes* (a hit), *no*, or *unknown* (undetermined: the unknown facts it
rests on name the questions that decide it). The table is read, tested and documented rule by
rule (``RULES``, ``rule(id)``); :mod:`pbd.engine.screening` turns the results into an outcome.

Sources: the AP list (Besluit lijst DPIA-verplichte verwerkingen, Stcrt. 2019, 64418), each type
with its own "grootschalig en/of stelselmatig" condition; WP248 rev.01 (nine criteria); AVG art.
35(3); EDPB Recommendations 01/2020 and AVG art. 44–49 for transfers; AI Act art. 27 (FRIA); Wpg
art. 4c. Not a rule for a municipality: "new legislation ⇒ DPIA" (a Rijks Pre-scan rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pbd.engine.facts import Fact, Facts, Question, Tri


class Framework(StrEnum):
    """Where a screening rule comes from (the values are the ``Hit.framework`` strings)."""

    AP = "AP"
    EDPB = "EDPB"
    ART35_3 = "AVG35(3)"
    WPG = "WPG"
    DTIA = "DTIA"
    IAMA = "IAMA"
    FRIA = "FRIA"
    KIA = "KIA"
    AI_ACT = "AIACT"


# ---------------------------------------------------------------------------------------------
# conditions


@dataclass(frozen=True, slots=True)
class Outcome:
    """A condition's value, the facts that decide it (yes/no), and the unknown facts that leave it open."""

    value: Tri
    support: tuple[Fact, ...]
    unknown: tuple[Fact, ...]


class Expr:
    """A condition over facts."""

    def eval(self, facts: Facts) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def names(self) -> tuple[str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __and__(self, other: Expr) -> Expr:
        return All(self, other)

    def __or__(self, other: Expr) -> Expr:
        return AnyOf(self, other)

    def __invert__(self) -> Expr:
        return Not(self)


@dataclass(frozen=True, slots=True)
class F(Expr):
    """One fact."""

    name: str

    def eval(self, facts: Facts) -> Outcome:
        fact = facts[self.name]
        return Outcome(
            fact.value, (fact,) if fact.value is not Tri.UNKNOWN else (), (fact,) if fact.value is Tri.UNKNOWN else ()
        )

    def names(self) -> tuple[str, ...]:
        return (self.name,)


@dataclass(frozen=True, slots=True, init=False)
class _Parts(Expr):
    """A condition over several parts: ``All`` and ``AnyOf``."""

    parts: tuple[Expr, ...]

    def __init__(self, *parts: Expr) -> None:
        object.__setattr__(self, "parts", parts)

    def names(self) -> tuple[str, ...]:
        return tuple(n for p in self.parts for n in p.names())


@dataclass(frozen=True, slots=True, init=False)
class All(_Parts):
    """Every part holds (Kleene AND)."""

    def eval(self, facts: Facts) -> Outcome:
        # the first NO decides (its support is the reason); the parts after it are not asked (they are pure)
        support: list[Fact] = []
        unknown: list[Fact] = []
        undecided = False
        for p in self.parts:
            o = p.eval(facts)
            if o.value is Tri.NO:
                return Outcome(Tri.NO, o.support, ())
            if o.value is Tri.YES:
                support.extend(o.support)
            else:
                undecided = True
                unknown.extend(o.unknown)
        return Outcome(Tri.UNKNOWN if undecided else Tri.YES, tuple(support), tuple(unknown))


@dataclass(frozen=True, slots=True, init=False)
class AnyOf(_Parts):
    """At least one part holds (Kleene OR)."""

    def eval(self, facts: Facts) -> Outcome:
        outs = [p.eval(facts) for p in self.parts]  # every YES part is a reason, so all are asked
        yes = [o for o in outs if o.value is Tri.YES]
        if yes:
            return Outcome(Tri.YES, tuple(f for o in yes for f in o.support), ())
        unknown = [o for o in outs if o.value is Tri.UNKNOWN]
        if not unknown:
            return Outcome(Tri.NO, tuple(f for o in outs for f in o.support), ())
        return Outcome(Tri.UNKNOWN, (), tuple(f for o in unknown for f in o.unknown))


@dataclass(frozen=True, slots=True)
class Not(Expr):
    """The part does not hold."""

    part: Expr

    def eval(self, facts: Facts) -> Outcome:
        o = self.part.eval(facts)
        return Outcome(~o.value, o.support, o.unknown)

    def names(self) -> tuple[str, ...]:
        return self.part.names()


# ---------------------------------------------------------------------------------------------
# rules


@dataclass(frozen=True, slots=True)
class Rule:
    """One screening rule."""

    id: str
    framework: Framework
    item: str
    name_nl: str
    name_en: str
    reason_nl: str  # why it fires, in the words of the source
    reason_en: str
    reference: str
    when: Expr
    scope: str = "processing"  # processing | project
    mandatory: bool = False  # a hit makes the DPIA mandatory (AP list, art. 35(3), Wpg 4c)

    def evaluate(self, facts: Facts) -> Outcome:
        return self.when.eval(facts)

    def questions(self, facts: Facts) -> tuple[Question, ...]:
        """The questions that decide this rule when it is undetermined on ``facts`` (empty when decided)."""
        out = self.evaluate(facts)
        return tuple(dict.fromkeys(q for f in out.unknown for q in f.questions))


PD = F("personal_data")
WIDE = F("large_scale") | F("systematic")  # the AP list's "grootschalig en/of stelselmatig"
LARGE = F("large_scale")
SENSITIVE = F("special_data") | F("criminal_data") | F("sensitive_typed")

_AP_REF = "AP-lijst DPIA-verplichte verwerkingen (Stcrt. 2019, 64418), type "
_WP_REF = "WP248 rev.01, criterium "

RULES: tuple[Rule, ...] = (
    # --- AP list ---------------------------------------------------------------------------------
    Rule(
        "AP-1",
        Framework.AP,
        "1",
        "Heimelijk onderzoek",
        "Covert investigation",
        "gegevens worden op grote schaal of stelselmatig verzameld zonder de betrokkene vooraf te informeren",
        "data are collected on a large scale or systematically without informing the person first",
        _AP_REF + "1",
        PD & F("covert") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-2",
        Framework.AP,
        "2",
        "Zwarte lijsten",
        "Blacklists",
        "strafrechtelijke gegevens of gegevens over onrechtmatig of hinderlijk gedrag of wanbetaling worden met derden gedeeld of door een andere partij aangeleverd",
        "criminal data or data on unlawful or antisocial behaviour or bad payment are shared with third parties or supplied by another party",
        _AP_REF + "2; UAVG art. 33(4)(c)",
        PD & F("conduct_data") & (F("shared_with_third_parties") | F("conduct_from_other_party")),
        mandatory=True,
    ),
    Rule(
        "AP-3",
        Framework.AP,
        "3",
        "Fraudebestrijding",
        "Fraud prevention",
        "een doel is fraudebestrijding, met grootschalige verwerking of stelselmatige monitoring",
        "a purpose is fraud control, with large-scale processing or systematic monitoring",
        _AP_REF + "3",
        PD & F("fraud_control") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-4",
        Framework.AP,
        "4",
        "Creditscores",
        "Credit scores",
        "personen worden op grote schaal of stelselmatig gescoord op hun financiële situatie (kredietwaardigheid)",
        "people are scored on their financial situation (creditworthiness) on a large scale or systematically",
        _AP_REF + "4",
        PD & F("credit_scoring") & (WIDE | F("file_selection")),
        mandatory=True,
    ),
    Rule(
        "AP-5",
        Framework.AP,
        "5",
        "Financiële situatie",
        "Financial situation",
        "gegevens waaruit inkomen, vermogen of uitgavenpatroon blijkt worden op grote schaal of stelselmatig verwerkt (ook: een bestand doorzoeken om personen te selecteren)",
        "data revealing income, wealth or spending are processed on a large scale or systematically (also: searching a file to select people)",
        _AP_REF + "5",
        PD & F("financial_situation") & (WIDE | F("file_selection")),
        mandatory=True,
    ),
    Rule(
        "AP-6",
        Framework.AP,
        "6",
        "Genetische persoonsgegevens",
        "Genetic data",
        "genetische gegevens worden op grote schaal of stelselmatig verwerkt",
        "genetic data are processed on a large scale or systematically",
        _AP_REF + "6",
        PD & F("genetic_data") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-7",
        Framework.AP,
        "7",
        "Gezondheidsgegevens",
        "Health data",
        "gezondheidsgegevens worden op grote schaal verwerkt",
        "health data are processed on a large scale",
        _AP_REF + "7",
        PD & F("health_data") & LARGE,
        mandatory=True,
    ),
    Rule(
        "AP-8",
        Framework.AP,
        "8",
        "Samenwerkingsverbanden",
        "Partnerships",
        "bijzondere, strafrechtelijke of gevoelige gegevens worden gedeeld met partners die geen verwerker zijn",
        "special, criminal or sensitive data are shared with partners that are not processors",
        _AP_REF + "8",
        PD & SENSITIVE & F("shared_in_partnership"),
        mandatory=True,
    ),
    Rule(
        "AP-9",
        Framework.AP,
        "9",
        "Cameratoezicht",
        "Camera surveillance",
        "camera's of drones nemen op grote schaal of stelselmatig de openbare ruimte waar",
        "cameras or drones observe public space on a large scale or systematically",
        _AP_REF + "9",
        PD & F("camera") & F("observes_persons") & F("public_space") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-10",
        Framework.AP,
        "10",
        "Flexibel cameratoezicht",
        "Flexible camera surveillance",
        "bodycams of andere draagbare camera's worden op grote schaal of stelselmatig ingezet",
        "body-worn or other mobile cameras are used on a large scale or systematically",
        _AP_REF + "10",
        PD & F("body_camera") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-11",
        Framework.AP,
        "11",
        "Controle werknemers",
        "Monitoring employees",
        "medewerkers worden op grote schaal of stelselmatig gemonitord",
        "employees are monitored on a large scale or systematically",
        _AP_REF + "11; WOR art. 27(1)(k)(l)",
        PD & F("employees_targeted") & (F("observes_persons") | F("location_data") | F("systematic")) & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-12",
        Framework.AP,
        "12",
        "Locatiegegevens",
        "Location data",
        "locatiegegevens van personen worden op grote schaal of stelselmatig verwerkt",
        "location data of people are processed on a large scale or systematically",
        _AP_REF + "12",
        PD & F("location_data") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-13",
        Framework.AP,
        "13",
        "Communicatiegegevens",
        "Communication data",
        "inhoud of metadata van communicatie worden op grote schaal of stelselmatig verwerkt",
        "communication content or metadata are processed on a large scale or systematically",
        _AP_REF + "13",
        PD & F("communication_data") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-14",
        Framework.AP,
        "14",
        "Internet of things",
        "Internet of things",
        "verbonden apparaten (sensoren, lezers, meters) verzamelen op grote schaal of stelselmatig gegevens over personen",
        "connected devices (sensors, readers, meters) collect data about people on a large scale or systematically",
        _AP_REF + "14",
        PD & F("iot") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-15",
        Framework.AP,
        "15",
        "Profilering",
        "Profiling",
        "persoonlijke aspecten worden op grote schaal of stelselmatig geautomatiseerd beoordeeld",
        "personal aspects are assessed by automated means on a large scale or systematically",
        _AP_REF + "15",
        PD & F("evaluation") & WIDE,
        mandatory=True,
    ),
    Rule(
        "AP-16",
        Framework.AP,
        "16",
        "Observatie en beïnvloeding van gedrag",
        "Observation and influencing of behaviour",
        "gedrag van personen wordt op grote schaal geautomatiseerd waargenomen of gestuurd",
        "people's behaviour is observed or steered by automated means on a large scale",
        _AP_REF + "16",
        PD & (F("behaviour_influencing") | F("behaviour_observed")) & LARGE,
        mandatory=True,
    ),
    Rule(
        "AP-17",
        Framework.AP,
        "17",
        "Biometrische gegevens",
        "Biometric data",
        "biometrische gegevens worden op grote schaal of stelselmatig gebruikt om personen te identificeren",
        "biometric data are used to identify people on a large scale or systematically",
        _AP_REF + "17; UAVG art. 29",
        PD & F("biometric_identification") & WIDE,
        mandatory=True,
    ),
    # --- WP248 -----------------------------------------------------------------------------------
    Rule(
        "WP248-1",
        Framework.EDPB,
        "1",
        "Evaluatie of scoretoekenning",
        "Evaluation or scoring",
        "personen of hun gedrag worden geëvalueerd, gescoord of voorspeld",
        "people or their behaviour are evaluated, scored or predicted",
        _WP_REF + "1",
        PD & F("evaluation"),
    ),
    Rule(
        "WP248-2",
        Framework.EDPB,
        "2",
        "Geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "Automated decision-making with legal or similarly significant effect",
        "geautomatiseerde besluiten hebben rechtsgevolgen of een vergelijkbaar wezenlijk gevolg",
        "automated decisions have legal or similarly significant effects",
        _WP_REF + "2; AVG art. 22",
        PD & F("automated_decision") & F("significant_effect"),
    ),
    Rule(
        "WP248-3",
        Framework.EDPB,
        "3",
        "Stelselmatige monitoring",
        "Systematic monitoring",
        "personen worden stelselmatig gevolgd of waargenomen",
        "people are monitored or observed systematically",
        _WP_REF + "3",
        PD & F("systematic"),
    ),
    Rule(
        "WP248-4",
        Framework.EDPB,
        "4",
        "Gevoelige gegevens of gegevens van zeer persoonlijke aard",
        "Sensitive data or data of a highly personal nature",
        "bijzondere, strafrechtelijke, gevoelige of zeer persoonlijke gegevens (financiën, locatie, communicatie)",
        "special, criminal, sensitive or highly personal data (financial, location, communications)",
        _WP_REF + "4",
        PD & (SENSITIVE | F("financial_situation") | F("location_data") | F("communication_data")),
    ),
    Rule(
        "WP248-5",
        Framework.EDPB,
        "5",
        "Op grote schaal verwerkte gegevens",
        "Data processed on a large scale",
        "het gaat om 10.000 of meer betrokkenen (drempel van de Pre-scan)",
        "10,000 or more data subjects are concerned (the Pre-scan threshold)",
        _WP_REF + "5",
        PD & LARGE,
    ),
    Rule(
        "WP248-6",
        Framework.EDPB,
        "6",
        "Matching of samenvoeging van datasets",
        "Matching or combining datasets",
        "datasets uit verschillende bronnen of voor verschillende doelen worden gekoppeld",
        "datasets from different sources or purposes are matched or combined",
        _WP_REF + "6",
        PD & F("matching"),
    ),
    Rule(
        "WP248-7",
        Framework.EDPB,
        "7",
        "Gegevens met betrekking tot kwetsbare betrokkenen",
        "Data concerning vulnerable data subjects",
        "de verwerking is gericht op kwetsbare mensen (kinderen, medewerkers, cliënten, patiënten)",
        "the processing is aimed at vulnerable people (children, employees, clients, patients)",
        _WP_REF + "7",
        PD & F("vulnerable_targeted"),
    ),
    Rule(
        "WP248-8",
        Framework.EDPB,
        "8",
        "Innovatief gebruik of toepassing van nieuwe technologische of organisatorische oplossingen",
        "Innovative use or new technological or organisational solutions",
        "er wordt nieuwe technologie ingezet",
        "new technology is used",
        _WP_REF + "8",
        PD & F("new_technology"),
    ),
    Rule(
        "WP248-9",
        Framework.EDPB,
        "9",
        "Betrokkenen kunnen een recht niet uitoefenen of geen beroep doen op een dienst of overeenkomst",
        "Data subjects are prevented from exercising a right or using a service or contract",
        "de uitkomst bepaalt of iemand een dienst, voorziening of recht krijgt",
        "the outcome decides whether someone gets a service, benefit or right",
        _WP_REF + "9",
        PD & F("blocks_service"),
    ),
    # --- art. 35(3) ------------------------------------------------------------------------------
    Rule(
        "ART35-3a",
        Framework.ART35_3,
        "a",
        "stelselmatige en uitgebreide beoordeling van persoonlijke aspecten met besluiten met rechtsgevolgen of vergelijkbaar wezenlijke gevolgen",
        "systematic and extensive evaluation of personal aspects with decisions that produce legal effects or similarly significantly affect people",
        "persoonlijke aspecten worden geautomatiseerd beoordeeld en de besluiten hebben rechtsgevolgen of treffen personen vergelijkbaar wezenlijk",
        "personal aspects are evaluated by automated means and the decisions produce legal effects or similarly significantly affect people",
        "AVG art. 35(3)(a)",
        PD & (F("evaluation") | F("automated_decision")) & F("significant_effect"),
        mandatory=True,
    ),
    Rule(
        "ART35-3b",
        Framework.ART35_3,
        "b",
        "grootschalige verwerking van bijzondere of strafrechtelijke persoonsgegevens",
        "large-scale processing of special category or criminal data",
        "bijzondere of strafrechtelijke gegevens worden op grote schaal verwerkt",
        "special category or criminal data are processed on a large scale",
        "AVG art. 35(3)(b)",
        PD & (F("special_data") | F("criminal_data")) & LARGE,
        mandatory=True,
    ),
    Rule(
        "ART35-3c",
        Framework.ART35_3,
        "c",
        "stelselmatige en grootschalige monitoring van openbaar toegankelijke ruimte",
        "systematic monitoring of a publicly accessible area on a large scale",
        "de openbare ruimte wordt stelselmatig en op grote schaal gemonitord",
        "a publicly accessible area is monitored systematically and on a large scale",
        "AVG art. 35(3)(c)",
        PD & F("systematic") & F("public_space") & LARGE,
        mandatory=True,
    ),
    # --- Wpg -------------------------------------------------------------------------------------
    Rule(
        "WPG-4c",
        Framework.WPG,
        "4c",
        "DPIA onder de Wet politiegegevens",
        "DPIA under the Police Data Act (Wpg)",
        "boa's handhaven of de politie kijkt mee: de Wpg geldt voor deze gegevens, met een eigen DPIA-plicht vóór de verwerking",
        "boa's enforce or the police watch: the Wpg applies to these data, with its own duty to assess before processing",
        "Wpg art. 4c",
        PD & F("wpg"),
        mandatory=True,
    ),
    # --- other assessments -----------------------------------------------------------------------
    Rule(
        "DTIA",
        Framework.DTIA,
        "2.1",
        "Doorgifte-effectbeoordeling (TIA)",
        "Transfer impact assessment (TIA)",
        "doorgifte buiten de EER met een art. 46-instrument zonder TIA, of zonder geldig instrument",
        "transfer outside the EEA with an art. 46 tool and no TIA, or without a valid tool",
        "AVG art. 44–49; EDPB Aanbevelingen 01/2020",
        PD & F("tia_needed"),
    ),
    Rule(
        "IAMA",
        Framework.IAMA,
        "6.1",
        "IAMA (impact assessment mensenrechten en algoritmes)",
        "FRAIA (fundamental rights and algorithms impact assessment)",
        "er wordt een impactvol algoritme of een hoog-risico AI-systeem gebruikt",
        "an impactful algorithm or a high-risk AI system is used",
        "IAMA v2; Algoritmekader",
        PD & (F("impactful_algorithm") | F("ai_high_risk")),
    ),
    Rule(
        "FRIA",
        Framework.FRIA,
        "27",
        "Grondrechteneffectbeoordeling (FRIA)",
        "Fundamental rights impact assessment (FRIA)",
        "de gemeente zet als publieke gebruiksverantwoordelijke een hoog-risico AI-systeem in: FRIA vóór ingebruikname en registratie",
        "the municipality, a public deployer, uses a high-risk AI system: a FRIA before first use, and registration",
        "AI-verordening (EU) 2024/1689 art. 27 en 49",
        F("ai_system") & F("ai_high_risk"),
    ),
    Rule(
        "AIACT-5",
        Framework.AI_ACT,
        "5",
        "Verboden AI-praktijk",
        "Prohibited AI practice",
        "het AI-systeem valt onder een verboden praktijk van art. 5 AI-verordening",
        "the AI system falls under a prohibited practice of AI Act art. 5",
        "AI-verordening (EU) 2024/1689 art. 5",
        F("ai_system") & F("ai_prohibited"),
    ),
    Rule(
        "KIA",
        Framework.KIA,
        "7.1",
        "Kinderrechten-impactassessment (KIA)",
        "Children's rights impact assessment (KIA)",
        "een digitale dienst is (mede) bedoeld voor minderjarigen",
        "a digital service is (also) aimed at minors",
        "Code voor Kinderrechten; IVRK art. 3",
        F("service_for_minors"),
        scope="project",
    ),
)

_BY_ID = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id; ``KeyError`` naming it when there is none."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f'no such screening rule: "{rule_id}"') from None


__all__ = ["RULES", "All", "AnyOf", "Expr", "F", "Framework", "Not", "Outcome", "Rule", "rule"]

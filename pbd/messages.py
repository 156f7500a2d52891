"""The words pbd's own code writes, in Dutch and English: one catalogue keyed by message id.

Texts of the knowledge base (criteria, systeemeisen) carry their own NL/EN pairs in the data, and
enum values are labelled by :func:`pbd.vocabulary.label`; everything else a reporter, the CLI or
the engine writes is here. An id is ``area.name``; placeholders are named (``{n}``, ``{gate}``)
and filled by :func:`t`. English texts use GDPR terms ("GDPR art. 35(3)"), Dutch texts the AVG.

A small typed catalogue rather than gettext: the engine needs both languages in one process (a
report in English beside a Dutch terminal), the ids are checked by a test against the code, and
there is no compile step to forget. Babel and Django's gettext can later be fed from the same
table (``CATALOGUE`` maps id → (nl, en)).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Final

LANGS: Final = ("nl", "en")


@dataclass(frozen=True, slots=True)
class T:
    """One message: the Dutch and the English text, with the same named placeholders."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def placeholders(text: str) -> frozenset[str]:
    """The named placeholders of one text (``{n}``, ``{gate}``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class _Plural(string.Formatter):
    """``{n:punt blokkeert|punten blokkeren}``: the singular when ``n`` is 1, else the plural."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if str(value) == "1" else many
        return str(super().format_field(value, format_spec))


_PLURAL = _Plural()


def t(lang: str, msg_id: str, /, **args: object) -> str:
    """The text of ``msg_id`` in ``lang`` with its placeholders filled; an unknown id is a bug (KeyError).

    A placeholder with a ``singular|plural`` spec chooses its words by the number, so no text says "punt(en)".
    """
    text = CATALOGUE[msg_id].get(lang)
    if not args:
        return text
    return _PLURAL.format(text, **args) if "|" in text else text.format(**args)


def lookup(lang: str, msg_id: str) -> str | None:
    """The text of ``msg_id`` when the catalogue has it (for ids built from data, like a framework name)."""
    found = CATALOGUE.get(msg_id)
    return None if found is None else found.get(lang)


def both(msg_id: str, /, **shown: str | tuple[str, str]) -> tuple[str, str]:
    """``msg_id`` filled in Dutch and in English; a pair argument is (Dutch, English), a string is the same in both."""
    nl = {k: v[0] if isinstance(v, tuple) else v for k, v in shown.items()}
    en = {k: v[1] if isinstance(v, tuple) else v for k, v in shown.items()}
    return t("nl", msg_id, **nl), t("en", msg_id, **en)


def pick(lang: str, nl: str, en: str) -> str:
    """One text of a Dutch/English pair that data carries (a screening reason, a waiver note)."""
    return en if lang == "en" else nl


class Section:
    """The messages under one prefix, as attributes (for templates: ``t.dpia_title``); unfilled."""

    __slots__ = ("lang", "prefix")

    def __init__(self, lang: str, prefix: str) -> None:
        self.lang = lang
        self.prefix = prefix

    def __getattr__(self, key: str) -> str:
        found = CATALOGUE.get(f"{self.prefix}.{key}")
        if found is None:
            raise AttributeError(f"no message {self.prefix}.{key}")
        return found.get(self.lang)

    def __getitem__(self, key: str) -> str:
        return self.__getattr__(key)


#: DPIA outcomes of the screening, in the order of how much they ask (for the ids below)
OUTCOMES: Final = ("mandatory", "mandatory_unless_argued", "recommended", "not_needed", "undetermined")


def outcome(lang: str, dpia: str, form: str = "title") -> str:
    """A screening outcome as a title ("DPIA VERPLICHT"), short ("verplicht") or a sentence (``report``)."""
    return t(lang, f"dpia.{form}.{dpia}")


CATALOGUE: Final[dict[str, T]] = {
    # --- the DPIA outcome of the screening: as a title, as a table cell, as a sentence -------------
    "dpia.title.mandatory": T("DPIA VERPLICHT", "DPIA MANDATORY"),
    "dpia.title.mandatory_unless_argued": T("DPIA VERPLICHT, TENZIJ GEMOTIVEERD", "DPIA REQUIRED UNLESS ARGUED"),
    "dpia.title.recommended": T("DPIA AANBEVOLEN", "DPIA RECOMMENDED"),
    "dpia.title.not_needed": T("DPIA NIET NODIG", "DPIA NOT NEEDED"),
    "dpia.title.undetermined": T("DPIA NOG NIET TE BEPALEN", "DPIA NOT YET DETERMINED"),
    "dpia.short.mandatory": T("verplicht", "mandatory"),
    "dpia.short.mandatory_unless_argued": T("verplicht, tenzij gemotiveerd", "required unless argued"),
    "dpia.short.recommended": T("aanbevolen", "recommended"),
    "dpia.short.not_needed": T("niet nodig", "not needed"),
    "dpia.short.undetermined": T("nog niet te bepalen", "not yet determined"),
    "dpia.sentence.mandatory": T("Een DPIA is verplicht.", "A DPIA is mandatory."),
    "dpia.sentence.mandatory_unless_argued": T(
        "Een DPIA is verplicht, tenzij de verwerkingsverantwoordelijke vastlegt waarom de verwerking"
        " ondanks de geraakte criteria waarschijnlijk geen hoog risico oplevert.",
        "A DPIA is required, unless the controller records why the processing is nevertheless unlikely"
        " to result in a high risk despite the criteria it meets.",
    ),
    "dpia.sentence.recommended": T("Een DPIA wordt aanbevolen.", "A DPIA is recommended."),
    "dpia.sentence.not_needed": T(
        "Een DPIA is op basis van de beschrijving niet verplicht.",
        "Based on the description, a DPIA is not mandatory.",
    ),
    "dpia.sentence.undetermined": T(
        "Of een DPIA verplicht is, valt nog niet te bepalen: de beschrijving beantwoordt nog niet alle"
        " vragen die dat beslissen.",
        "Whether a DPIA is mandatory cannot be determined yet: the description does not yet answer every"
        " question that decides it.",
    ),
    # --- screening frameworks (short names) and the headings of `pbd screen` ------------------------
    "framework.DPIA": T("DPIA", "DPIA"),
    "framework.DTIA": T("DTIA", "DTIA"),
    "framework.IAMA": T("IAMA", "IAMA"),
    "framework.KIA": T("KIA", "KIA"),
    "framework.AP": T("AP-lijst", "AP list"),
    "framework.EDPB": T("EDPB/WP248-criterium", "EDPB/WP248 criterion"),
    "framework.AVG35(3)": T("AVG art. 35(3)", "GDPR art. 35(3)"),
    "framework.WETGEVING": T("nieuwe regelgeving", "new legislation"),
    "screening.no_hits": T("Geen enkele screeningsregel is geraakt.", "No screening rule was hit."),
    "screen.head.WPG": T(
        "Wet politiegegevens (eigen DPIA-plicht, art. 4c Wpg)", "Police Data Act (own DPIA duty, Wpg art. 4c)"
    ),
    "screen.head.AVG35(3)": T("AVG art. 35(3) (altijd verplicht)", "GDPR art. 35(3) (always mandatory)"),
    "screen.head.AP": T("AP-lijst (één treffer = verplicht)", "AP list (one hit = mandatory)"),
    "screen.head.EDPB": T(
        "WP248-criteria (twee of meer = verplicht tenzij gemotiveerd, één = aanbevolen)",
        "WP248 criteria (two or more = required unless argued, one = recommended)",
    ),
    "screen.head.DTIA": T("DTIA (doorgifte buiten de EER)", "TIA (transfer outside the EEA)"),
    "screen.head.IAMA": T("IAMA (algoritmen en AI)", "FRAIA (algorithms and AI)"),
    "screen.head.FRIA": T("FRIA (AI-verordening art. 27)", "FRIA (AI Act art. 27)"),
    "screen.head.AIACT": T("AI-verordening art. 5 (verboden praktijken)", "AI Act art. 5 (prohibited practices)"),
    "screen.head.KIA": T("KIA (kinderrechten)", "KIA (children's rights)"),
    "screen.head.DPIA": T("DPIA", "DPIA"),
    "screening.record_reason": T(
        "Leg de motivering vast in project.dpia.not_needed_reason.",
        "Record the reasoning in project.dpia.not_needed_reason.",
    ),
    # --- words several outputs share --------------------------------------------------------------
    "word.line": T("regel", "line"),
    "word.severity": T("Ernst", "Severity"),
    "word.gate": T("Beslismoment", "Gate"),
    "word.group": T("Groep", "Group"),
    "word.area": T("Gebied", "Area"),
    "word.requirement": T("Eis", "Requirement"),
    "word.capability": T("Functionaliteit", "Capability"),
    "word.verification": T("Toetsing", "Verification"),
    "word.serves": T("Dient criteria", "Serves criteria"),
    "word.references": T("Verwijzingen", "References"),
    "word.system_requirements": T("Systeemeisen", "System requirements"),
    "word.indicated": T("aangewezen", "indicated"),
    "word.not_indicated": T("niet aangewezen", "not indicated"),
    "word.unchanged": T("ongewijzigd", "unchanged"),
    "word.invalid": T("ongeldig", "invalid"),
    "finding.met": T("voldaan", "met"),
    "finding.not_answered": T("nog niet beantwoord: {field}", "not answered yet: {field}"),
    "finding.not_an_answer": T("‘{text}’ is geen antwoord: {field}", "‘{text}’ is not an answer: {field}"),
    "finding.enum_not_met": T(
        "{field}: '{value}' voldoet niet aan de norm", "{field}: '{value}' does not meet the norm"
    ),
    "finding.value_not_met": T("{field}: {value} voldoet niet aan de norm", "{field}: {value} does not meet the norm"),
    "finding.exempt_because": T("n.v.t. op grond van: «{reason}»", "not applicable because: «{reason}»"),
    "finding.exempt_not_an_answer": T(
        "uitzondering zonder reden: ‘{text}’ is geen antwoord: {field}",
        "exemption without a reason: ‘{text}’ is not an answer: {field}",
    ),
    "finding.exempt_not_answered": T(
        "uitzondering zonder reden: nog niet beantwoord: {field}",
        "exemption without a reason: not answered yet: {field}",
    ),
    "finding.depends_on": T("hangt af van {rule} ({status}: {detail})", "depends on {rule} ({status}: {detail})"),
    "finding.depends_on_at": T(
        "hangt af van {rule} bij {target} ({status}: {detail})", "depends on {rule} for {target} ({status}: {detail})"
    ),
    "system.achieved_by": T(
        "het doel is bereikt met {names} (contractueel vastgelegd of gecontroleerd)",
        "the aim is achieved by {names} (contracted or verified)",
    ),
    "system.no_capabilities": T(
        "het systeem vermeldt (nog) geen functionaliteiten; nodig: {capability}",
        "the system lists no capabilities (yet); needed: {capability}",
    ),
    "system.missing": T("functionaliteit ontbreekt: {capability}", "capability missing: {capability}"),
    "system.evidence_undated": T(
        "{capability}: datum van de controle ontbreekt (mag niet ouder zijn dan {max_age} dagen)",
        "{capability}: date of the check missing (must not be older than {max_age} days)",
    ),
    "system.evidence_stale": T(
        "{capability}: bewijs van {date} is verouderd ({age} dagen, ten hoogste {max_age}); opnieuw laten uitvoeren",
        "{capability}: evidence of {date} is stale ({age} days, at most {max_age}); have it redone",
    ),
    "system.contracted": T(
        "{capability}: contractueel vastgelegd, nog te controleren met {how} vóór ingebruikname",
        "{capability}: laid down in the contract, still to be checked by {how} before going live",
    ),
    "system.verified_otherwise": T(
        "{capability}: gecontroleerd met {shown}, deze eis vraagt {how}",
        "{capability}: checked by {shown}, this requirement asks for {how}",
    ),
    "system.claimed": T(
        "{capability}: alleen toegezegd door de leverancier; controleer met {how} of leg het vast in het contract",
        "{capability}: only claimed by the supplier; check by {how} or lay it down in the contract",
    ),
    # how a verification method of a systeemeis reads in a sentence ("controleer met demonstratie of test")
    "system.method.document": T("document", "document"),
    "system.method.demo": T("demonstratie", "demonstration"),
    "system.method.test": T("test", "test"),
    "system.method.audit": T("audit", "audit"),
    "system.method.contract_clause": T("contractbepaling", "contract clause"),
    "waiver.incomplete": T("onvolledig: {missing} ontbreekt", "incomplete: {missing} missing"),
    "waiver.expired": T("verlopen op {date}", "expired on {date}"),
    "waiver.unknown": T(
        "noemt {rule}, dat niet in kennisbank {version} staat: deze afwijking accepteert niets (tikfout, of een"
        " criterium dat is vervallen)",
        "names {rule}, which knowledge base {version} does not have: this waiver accepts nothing (a typo, or a"
        " criterion that was withdrawn)",
    ),
    "waiver.unused": T("dekt geen tekortkoming (niets om te accepteren)", "covers no gap (nothing to accept)"),
    "word.yes": T("ja", "yes"),
    "word.no": T("nee", "no"),
    "word.unknown": T("onbekend", "unknown"),
    "finding.not_applicable": T("niet van toepassing op dit onderdeel", "does not apply here"),
    # --- findings as an FG writes them (pbd.render.common.explanation) ------------------------------
    # {who} is the processing, party, system or "het project"; {norm} the articles ("AVG art. 6(1) en 6(3)")
    "sentence.open": T(
        "Voor {who} is nog niet beantwoord: {question} Zonder antwoord is niet aan te tonen dat aan {norm} is voldaan.",
        "Not yet answered for {who}: {question} Without an answer, compliance with {norm} cannot be shown.",
    ),
    "sentence.open_guidance": T(
        "Voor {who} is nog niet beantwoord: {question} Zonder antwoord is niet aan te tonen dat aan de richtlijn ‘{title}’ is voldaan.",
        "Not yet answered for {who}: {question} Without an answer, compliance with the guideline ‘{title}’ cannot be shown.",
    ),
    "sentence.open_policy": T(
        "Voor {who} is nog niet beantwoord: {question} Zonder antwoord is niet aan te tonen dat het gemeentelijk beleid ‘{title}’ is gevolgd.",
        "Not yet answered for {who}: {question} Without an answer, it cannot be shown that the municipality's policy ‘{title}’ is followed.",
    ),
    "sentence.open_plain": T("Voor {who} is nog niet beantwoord: {question}", "Not yet answered for {who}: {question}"),
    "sentence.open_many": T("Voor {who} zijn nog niet beantwoord: {fields}.", "Not yet answered for {who}: {fields}."),
    "sentence.not_an_answer": T(
        "Voor {who} is ‘{text}’ ingevuld; dat is geen antwoord op de vraag: {question}",
        "For {who}, the description says ‘{text}’, which does not answer the question: {question}",
    ),
    "sentence.value": T(
        "Voor {who} luidt het antwoord op ‘{field}’: {value}.", "For {who}, the answer to ‘{field}’ is: {value}."
    ),
    "sentence.enum": T(
        "Voor {who} is bij ‘{field}’ gekozen voor ‘{value}’.", "For {who}, ‘{field}’ is set to ‘{value}’."
    ),
    "sentence.falls_short": T("Dat voldoet niet aan {norm}.", "That does not meet {norm}."),
    "sentence.falls_short_guidance": T(
        "Dat voldoet niet aan de richtlijn ‘{title}’, een uitwerking van {norm}.",
        "That falls short of the guideline ‘{title}’, which gives effect to {norm}.",
    ),
    "sentence.falls_short_guidance_plain": T(
        "Dat voldoet niet aan de richtlijn ‘{title}’.", "That falls short of the guideline ‘{title}’."
    ),
    "sentence.falls_short_policy": T(
        "Dat wijkt af van het gemeentelijk beleid ‘{title}’.", "That departs from the municipality's policy ‘{title}’."
    ),
    "sentence.falls_short_rule": T("Dat voldoet niet aan de norm ‘{title}’.", "That does not meet the norm ‘{title}’."),
    "sentence.detail": T("Bij {who}: {detail}.", "For {who}: {detail}."),
    "sentence.exempt_open": T(
        "Voor {who} volgt uit de antwoorden dat deze norm niet geldt, maar de reden daarvoor ontbreekt. Nog niet beantwoord: {question}",
        "For {who}, the answers say this norm does not apply, but the reason for that is missing. Not yet answered: {question}",
    ),
    "sentence.depends_open": T(
        "Voor {who} hangt deze norm af van {rule} ({title}), en daar staat nog een vraag open.",
        "For {who}, this norm depends on {rule} ({title}), which still has an open question.",
    ),
    "sentence.depends_gap": T(
        "Voor {who} hangt deze norm af van {rule} ({title}), en daar staat nog een tekortkoming open.",
        "For {who}, this norm depends on {rule} ({title}), which still has an unresolved gap.",
    ),
    "sentence.system_missing": T(
        "Systeem {who} mist de functionaliteit ‘{capability}’.", "System {who} lacks the capability ‘{capability}’."
    ),
    "sentence.system_none": T(
        "Van systeem {who} zijn nog geen functionaliteiten vastgelegd; deze eis vraagt ‘{capability}’.",
        "No capabilities are recorded yet for system {who}; this requirement asks for ‘{capability}’.",
    ),
    "sentence.system_claimed": T(
        "Systeem {who}: ‘{capability}’ is alleen door de leverancier toegezegd. Laat het controleren ({how})"
        " of leg het vast in het contract.",
        "System {who}: ‘{capability}’ is only claimed by the supplier. Have it checked ({how}) or lay it down"
        " in the contract.",
    ),
    "sentence.the_project": T("het project", "the project"),
    "sentence.field_of": T("{field} bij {owner}", "{field} of {owner}"),
    "sentence.and": T(" en ", " and "),
    # what is the case, per fact (a no, unless the id names the value)
    "case.agreement_limits_purposes": T(
        "De overeenkomst met {who} beperkt het gebruik van de gegevens niet tot de doelen van de gemeente.",
        "The agreement with {who} does not limit the use of the data to the municipality's purposes.",
    ),
    "case.bias_tested": T(
        "Het algoritme van {who} is niet getest op foutpercentages en ongelijke uitkomsten tussen groepen.",
        "The algorithm of {who} has not been tested for error rates and unequal outcomes between groups.",
    ),
    "case.iama_done": T(
        "Voor {who} is geen Impact Assessment Mensenrechten en Algoritmes (IAMA) of FRIA gedaan.",
        "No human rights and algorithms impact assessment (IAMA) or FRIA has been done for {who}.",
    ),
    "case.monitored": T(
        "Bij {who} worden prestaties en bias van het algoritme tijdens gebruik niet gevolgd.",
        "For {who}, the algorithm's performance and bias are not monitored in use.",
    ),
    "case.registered": T(
        "Het algoritme van {who} staat niet in het Algoritmeregister.",
        "The algorithm of {who} is not in the Algorithm Register.",
    ),
    "case.aanwijzingsbesluit": T(
        "Voor de camera's van {who} heeft de burgemeester de plaatsen niet aangewezen in een aanwijzingsbesluit.",
        "For the cameras of {who} the mayor has not designated the places in a designation order.",
    ),
    "case.art_151c": T(
        "De camera's van {who} zijn niet ingericht als cameratoezicht op grond van art. 151c Gemeentewet.",
        "The cameras of {who} are not set up as camera surveillance under art. 151c of the Municipalities Act.",
    ),
    "case.burgemeester_decided": T(
        "Voor {who} heeft niet de burgemeester besloten tot het cameratoezicht.",
        "For {who}, it was not the mayor who decided on the camera surveillance.",
    ),
    "case.audio_recording.yes": T(
        "De sensoren van {who} nemen geluid op, niet alleen meetwaarden.",
        "The sensors of {who} record audio, not only measurements.",
    ),
    "case.privacy_masking": T(
        "Bij {who} worden woningen, ramen en andere privézones in beeld niet gemaskeerd.",
        "For {who}, homes, windows and other private zones are not masked in the image.",
    ),
    "case.resolution_minimised": T(
        "Bij {who} zijn resolutie en beeldhoek niet beperkt tot wat het doel vraagt.",
        "For {who}, resolution and field of view are not limited to what the purpose needs.",
    ),
    "case.aggregated_at_source": T(
        "Bij {who} worden de gegevens niet op de sensor of bij de bron geaggregeerd of geanonimiseerd vóór opslag.",
        "For {who}, the data are not aggregated or anonymised at the sensor before storage.",
    ),
    "case.privacy_friendly_defaults": T(
        "Bij {who} staan optionele gegevens, delen en zichtbaarheid niet standaard uit.",
        "For {who}, optional data, sharing and visibility are not off by default.",
    ),
    "case.pseudonymised": T(
        "Bij {who} wordt het gegeven niet direct gepseudonimiseerd.",
        "For {who}, the data item is not pseudonymised at once.",
    ),
    "case.sensitive_categories_filtered": T(
        "Bij {who} worden gegevens die iets over gezondheid, geloof of andere bijzondere zaken verraden niet weggefilterd.",
        "For {who}, data revealing health, religion or other special matters are not filtered out.",
    ),
    "case.includes_backups": T(
        "Bij {who} worden back-ups en logbestanden na de bewaartermijn niet opgeschoond.",
        "For {who}, backups and logs are not cleaned up after the retention period.",
    ),
    "case.access_logging": T(
        "Bij {who} wordt niet vastgelegd wie wanneer welke persoonsgegevens inziet of wijzigt.",
        "For {who}, it is not logged who reads or changes which personal data, and when.",
    ),
    "case.access_review": T(
        "Bij {who} worden autorisaties niet periodiek gecontroleerd.",
        "For {who}, authorisations are not reviewed periodically.",
    ),
    "case.pentest_planned": T(
        "Voor {who} is vóór livegang geen penetratietest gepland.",
        "No penetration test is planned for {who} before go-live.",
    ),
    "case.risk_analysis": T(
        "Voor {who} is geen informatiebeveiligingsrisicoanalyse gedaan.",
        "No information security risk analysis has been done for {who}.",
    ),
    "case.tia_done": T(
        "Voor {who} is niet beoordeeld of recht en praktijk van het land van bestemming de bescherming ondermijnen (TIA).",
        "For {who}, it was not assessed whether the law and practice of the destination undermine the protection (TIA).",
    ),
    "case.information_at_collection": T(
        "Bij {who} krijgen mensen geen informatie op het moment dat hun gegevens worden verzameld.",
        "For {who}, people get no information at the moment their data are collected.",
    ),
    "case.plain_language": T(
        "Bij {who} is de informatie niet in eenvoudige taal (B1) geschreven.",
        "For {who}, the information is not written in plain language.",
    ),
    "case.breach_procedure_covers_partners": T(
        "Verwerkers en partners van {who} hoeven een datalek niet direct aan de gemeente te melden.",
        "Processors and partners of {who} are not bound to report a breach to the municipality without delay.",
    ),
    "case.data_ownership": T(
        "Het contract van {who} legt niet vast dat de gegevens van de gemeente zijn.",
        "The contract of {who} does not state that the data belong to the municipality.",
    ),
    "case.exit_plan": T(
        "Voor {who} is er geen exitplan waarmee de gemeente zonder verlies kan overstappen.",
        "There is no exit plan for {who} that lets the municipality switch without loss.",
    ),
    "case.system_requirements_in_tender": T(
        "Voor {who} zijn de privacy-systeemeisen niet opgenomen in de aanbesteding en het contract.",
        "For {who}, the privacy system requirements are not part of the tender and the contract.",
    ),
    "case.published": T(
        "De DPIA van {who} of een samenvatting ervan is niet openbaar gemaakt.",
        "Neither the DPIA of {who} nor a summary has been made public.",
    ),
    "case.requested": T(
        "Voor {who} is de Autoriteit Persoonsgegevens niet geraadpleegd, terwijl een hoog restrisico overblijft.",
        "For {who}, the Dutch DPA has not been consulted, although a high residual risk remains.",
    ),
    "case.signage.none": T(
        "Bij {who} worden mensen nergens met borden of markering op de waarneming gewezen.",
        "For {who}, people are nowhere told about the observation by signs or markings.",
    ),
    "case.deletion.none": T(
        "Bij {who} is niet geregeld hoe de gegevens na de bewaartermijn worden verwijderd.",
        "For {who}, it is not arranged how the data are deleted after the retention period.",
    ),
    "case.deletion.manual_procedure": T(
        "Bij {who} worden de gegevens na de bewaartermijn alleen met de hand verwijderd.",
        "For {who}, the data are deleted only by hand after the retention period.",
    ),
    "case.agreement.none": T(
        "Met {who} is geen overeenkomst gesloten die de rol regelt.",
        "There is no agreement with {who} that governs its role.",
    ),
    "case.agreement.contract": T(
        "Met {who} is alleen een gewoon contract gesloten, geen verwerkersovereenkomst of regeling voor gezamenlijke"
        " verantwoordelijkheid.",
        "{who} has only an ordinary contract, not a processing agreement or a joint-controller arrangement.",
    ),
    "case.key_holder.supplier": T(
        "Bij {who} beheert de leverancier de sleutel van de pseudonimisering, niet de gemeente.",
        "For {who}, the supplier, not the municipality, holds the pseudonymisation key.",
    ),
    "case.reason_kind.supplier_interest": T(
        "Bij {who} is een minder ingrijpend alternatief afgewezen in het belang van de leverancier.",
        "For {who}, a less intrusive alternative was rejected in the supplier's interest.",
    ),
    "case.compatibility.not_assessed": T(
        "Bij {who} is niet beoordeeld of het nieuwe gebruik verenigbaar is met het oorspronkelijke doel.",
        "For {who}, it was not assessed whether the new use is compatible with the original purpose.",
    ),
    "case.status.not_shown": T(
        "Voor {who} is niet aangetoond dat de verwerking doeltreffend is.",
        "For {who}, it has not been shown that the processing is effective.",
    ),
    "case.procedure.no": T(
        "Voor {who} is er geen procedure voor het recht op {right}.",
        "For {who}, there is no procedure for the right to {right}.",
    ),
    "case.ground.legitimate_interest": T(
        "Voor {who} is gerechtvaardigd belang als grondslag gekozen; een overheid kan die grondslag niet gebruiken"
        " voor de uitvoering van haar publieke taken.",
        "For {who}, legitimate interest is chosen as the ground, which a public authority cannot use for its public"
        " tasks.",
    ),
    "case.status.not_started": T("De DPIA voor {who} is nog niet begonnen.", "The DPIA for {who} has not started yet."),
    "case.status.in_progress": T("De DPIA voor {who} is nog niet afgerond.", "The DPIA for {who} is not finished yet."),
    "case.deviation_decided_by.steering_group": T(
        "Bij {who} heeft een stuurgroep besloten van het FG-advies af te wijken, niet de verwerkingsverantwoordelijke.",
        "For {who} a steering group, not the controller, decided to deviate from the DPO's advice.",
    ),
    # --- pbd check: text -------------------------------------------------------------------------
    "text.screening": T("Screening: {outcome}", "Screening: {outcome}"),
    "text.ap": T("AP-lijst: {names}", "AP list: {names}"),
    "text.edpb": T("EDPB-criteria: {names}", "EDPB criteria: {names}"),
    "text.art35_3": T("AVG 35(3): {letters}", "GDPR 35(3): {letters}"),
    "text.also": T("Ook aangewezen: {names}", "Also indicated: {names}"),
    "text.go": T("Beslismoment {gate}: GO — niets blokkeert", "Decision gate {gate}: GO — nothing blocks"),
    "text.nogo": T(
        "Beslismoment {gate}: NO-GO — {n} {n:punt blokkeert|punten blokkeren}",
        "Decision gate {gate}: NO-GO — {n} {n:item blocks|items block}",
    ),
    "text.advice": T(
        "{n} {n:punt is|punten zijn} advies en {n:blokkeert|blokkeren} niet (pbd todo toont ze)",
        "{n} {n:item is|items are} advice and {n:does|do} not block (pbd todo lists them)",
    ),
    "text.later": T(
        "{n} {n:punt is|punten zijn} pas bij een later beslismoment nodig",
        "{n} {n:item is|items are} due only at a later gate",
    ),
    "text.summary": T("Samenvatting: {counts}", "Summary: {counts}"),
    "text.due": T("uiterlijk bij {gate}", "due at {gate}"),
    "text.waivers": T("Afwijkingen die niet meetellen:", "Waivers that do not count:"),
    "text.shown": T(
        "Getoond: tekortkomingen en open vragen. Met --all ook voldaan en n.v.t.",
        "Shown: gaps and open questions. Use --all for met and not applicable too.",
    ),
    # --- pbd check: markdown ---------------------------------------------------------------------
    "markdown.file": T("Bestand: `{file}` (sha256 `{sha}`)", "File: `{file}` (sha256 `{sha}`)"),
    "markdown.date": T(
        "Datum: {date}; pbd {version}; kennisbank {kb} (`{kb_sha}`)",
        "Date: {date}; pbd {version}; knowledge base {kb} (`{kb_sha}`)",
    ),
    "markdown.gate": T("Beslismoment {gate}: **{verdict}**", "Gate {gate}: **{verdict}**"),
    "markdown.header": T(
        "| Status | Id | Onderdeel | Ernst | Norm | Toelichting | Oplossing |",
        "| Status | Id | Target | Severity | Norm | Explanation | Fix |",
    ),
    "markdown.total": T("**Totaal:** {counts}", "**Total:** {counts}"),
    # --- pbd check DIR: the portfolio ------------------------------------------------------------
    "portfolio.gate": T("beslismoment", "gate"),
    "portfolio.total": T("{n} projecten getoetst", "{n} projects checked"),
    "portfolio.invalid": T("{n} ongeldig", "{n} invalid"),
    # --- pbd check --explain ---------------------------------------------------------------------
    "explain.applies": T("Geldt voor elk(e) {scope} waarvoor geldt:", "Applies to each {scope} where:"),
    "explain.requirement": T("Eis (JSON Schema):", "Requirement (JSON Schema):"),
    "explain.predicate": T("Predicaat: {name}", "Predicate: {name}"),
    "explain.fields": T("Gelezen velden en gevonden waarden:", "Fields read and values seen:"),
    "explain.derived": T("afgeleide feiten gebruikt: {names}", "derived facts used: {names}"),
    "explain.conclusion": T("Conclusie:", "Conclusion:"),
    "explain.none": T("(geen bevindingen)", "(no findings)"),
    "explain.basis": T("Grondslag van de regel: {basis}", "Basis of the rule: {basis}"),
    "explain.depends_on": T(
        "Kan niet voldaan zijn zolang deze criteria een tekortkoming of open vraag hebben: {ids}",
        "Cannot be met while these criteria have a gap or an open question: {ids}",
    ),
    "explain.exempt": T(
        "Uitzondering (n.v.t. met reden) wanneer geldt: {schema}; de reden staat in {reason}",
        "Exemption (not applicable, with a reason) when: {schema}; the reason is in {reason}",
    ),
    "explain.chain": T("    via: {chain}", "    through: {chain}"),
    "explain.exempt_reason": T("    reden: «{reason}»", "    reason: «{reason}»"),
    # --- pbd criteria / systeemeisen -------------------------------------------------------------
    "browse.criteria_header": T(
        "| Id | Titel | Ernst | Beslismoment | Verwijzingen |", "| Id | Title | Severity | Gate | References |"
    ),
    "browse.requirements_header": T(
        "| Id | Eis | Functionaliteit | Toetsing | Criteria |",
        "| Id | Requirement | Capability | Verification | Criteria |",
    ),
    "browse.dpia_section": T("DPIA-paragraaf", "DPIA section"),
    "browse.why": T("Waarom", "Why it matters"),
    "browse.fix": T("Oplossing", "How to fix"),
    # --- pbd diff --------------------------------------------------------------------------------
    "diff.title": T(
        "Vergelijking: {old} ({old_date}) → {new} ({new_date})", "Comparison: {old} ({old_date}) → {new} ({new_date})"
    ),
    "diff.title_markdown": T("Vergelijking van resultaten", "Comparison of results"),
    "diff.because": T("omdat {why}", "because {why}"),
    "diff.now_applies": T("nu van toepassing", "now applies"),
    "diff.no_longer_applies": T("niet meer van toepassing", "no longer applies"),
    "diff.new_reason": T("nieuwe reden", "new reason"),
    "diff.reason_gone": T("reden vervallen", "reason gone"),
    "diff.gone": T("verdwenen", "gone"),
    "diff.show_all": T("(toon ze met --all)", "(show them with --all)"),
    "diff.heading.new": T("Nieuw", "New"),
    "diff.heading.changed": T("Status gewijzigd", "Status changed"),
    "diff.heading.resolved": T("Opgelost", "Resolved"),
    "diff.heading.persisting": T("Blijvend", "Persisting"),
    "diff.column.criterion": T("criterium", "criterion"),
    "diff.column.severity": T("ernst", "severity"),
    "diff.column.path": T("pad", "path"),
    "diff.column.title": T("titel", "title"),
    "diff.context.pbd_version": T("pbd-versie", "pbd version"),
    "diff.context.knowledge_base.version": T("versie kennisbank", "knowledge base version"),
    "diff.context.knowledge_base.sha256": T("sha256 kennisbank", "knowledge base sha256"),
    "diff.context.profile.id": T("gemeentelijk profiel", "municipal profile"),
    "diff.context.profile.version": T("versie profiel", "profile version"),
    "diff.context.profile.sha256": T("sha256 profiel", "profile sha256"),
    "diff.context.input.file": T("beschrijving (bestand)", "description (file)"),
    "diff.context.input.sha256": T("sha256 beschrijving", "description sha256"),
    "diff.context.date": T("evaluatiedatum", "evaluation date"),
    "diff.context.gate": T("beslismoment", "gate"),
    "diff.context.lang": T("taal", "language"),
    "diff.context.waivers_applied": T("afwijkingen toegepast", "waivers applied"),
    # --- pbd verify ------------------------------------------------------------------------------
    "verify.verdict.identical": T(
        "IDENTIEK: het resultaat geldt nog; de herhaalde toets geeft hetzelfde resultaat.",
        "IDENTICAL: the result still holds; the repeated check gives the same result.",
    ),
    "verify.verdict.holds": T(
        "GELDT NOG: dezelfde bevindingen en screening, maar niet alles is gelijk (zie hieronder).",
        "HOLDS: the same findings and screening, but not everything is the same (see below).",
    ),
    "verify.verdict.changed": T("GEWIJZIGD: het resultaat geldt niet meer.", "CHANGED: the result no longer holds."),
    "verify.recorded": T(
        "Vastgelegd: {name} — {date}, beslismoment {gate}, pbd {pbd}, kennisbank {kb}",
        "Recorded: {name} — {date}, gate {gate}, pbd {pbd}, knowledge base {kb}",
    ),
    "verify.rerun": T(
        "Opnieuw getoetst: {name} — pbd {pbd}, kennisbank {kb}", "Re-run: {name} — pbd {pbd}, knowledge base {kb}"
    ),
    "verify.why": T("Waarom:", "Why:"),
    "verify.provenance": T("Verschillen in herkomst:", "Provenance differences:"),
    "verify.heading.new": T("Nieuwe bevindingen", "New findings"),
    "verify.heading.changed": T("Status gewijzigd", "Status changed"),
    "verify.heading.resolved": T("Opgelost", "Resolved"),
    "verify.also_differing": T(
        "Verder verschillen (regelnummers, teksten): {names}", "Also differing (line numbers, texts): {names}"
    ),
    "verify.cause.description": T(
        "de beschrijving is gewijzigd (andere sha256 van het invoerbestand)",
        "the description changed (different sha256 of the input file)",
    ),
    "verify.cause.knowledge_base": T(
        "de kennisbank is gewijzigd (versie of sha256)", "the knowledge base changed (version or sha256)"
    ),
    "verify.cause.pbd": T("pbd is gewijzigd (andere versie)", "pbd changed (different version)"),
    "verify.cause.profile": T(
        "het gemeentelijk profiel is anders (id, versie of sha256)",
        "the municipal profile differs (id, version or sha256)",
    ),
    "verify.cause.unexplained": T(
        "beschrijving, kennisbank en pbd zijn gelijk; het resultaatbestand is waarschijnlijk met de hand aangepast",
        "description, knowledge base and pbd are the same; the result file was probably edited by hand",
    ),
    "check.migrated": T(
        "Let op: {file} is geschreven in formaat {version} en is in het geheugen omgezet naar formaat 2;"
        " `pbd migrate {file}` schrijft het om. Wat de omzetting deed en niet kon beslissen:",
        "Note: {file} is written in format {version} and was converted to format 2 in memory;"
        " `pbd migrate {file}` rewrites it. What the conversion did and could not decide:",
    ),
    # --- pbd todo: the gate's action list and the procurement annex (pbd/render/todo.py) --------------
    "todo.title": T("Actielijst", "Action list"),
    "todo.gate": T("beslismoment", "decision gate"),
    "todo.date": T("peildatum", "date"),
    "todo.none": T("Niets te doen vóór dit beslismoment.", "Nothing to do before this gate."),
    "todo.count": T("{n} {n:actie|acties} vóór beslismoment {gate}", "{n} {n:action|actions} before the {gate} gate"),
    "todo.section_holds": T("Houdt het beslismoment tegen ({n})", "Holds the gate ({n})"),
    "todo.section_advice": T("Advies, houdt het beslismoment niet tegen ({n})", "Advice, does not hold the gate ({n})"),
    "todo.overdue_n": T("{n} over de vervaldatum", "{n} overdue"),
    "todo.later": T("Later", "Later"),
    "todo.later_line": T("beslismoment {gate}: {n} {n:actie|acties}", "{gate} gate: {n} {n:action|actions}"),
    "todo.fix": T("Wat te doen", "What to do"),
    "todo.evidence": T("Afgerond met", "Closed by"),
    "todo.closes": T("Sluit", "Closes"),
    "todo.why": T("Bevinding", "Finding"),
    "todo.owner": T("Eigenaar", "Owner"),
    "todo.due": T("Uiterlijk", "Due"),
    "todo.overdue": T("VERLOPEN", "OVERDUE"),
    "todo.advice": T("advies", "advice"),
    "todo.project": T("Project", "Project"),
    "todo.processing": T("Verwerking", "Processing"),
    "todo.party": T("Partij", "Party"),
    "todo.system": T("Systeem", "System"),
    "todo.gap": T("tekortkoming", "gap"),
    "todo.open": T("open vraag", "open question"),
    "todo.annex": T("Programma van eisen privacy", "Privacy requirements"),
    "todo.must": T("eis", "must"),
    "todo.should": T("wens", "should"),
    "todo.verified_by": T("Verificatie", "Verification"),
    # --- pbd register (AVG art. 30) --------------------------------------------------------------
    "register.retention": T("bewaartermijn {period}", "retention period {period}"),
    "register.raw_data": T("ruwe gegevens {period}", "raw data {period}"),
    "register.deletion": T("verwijdering: {how}", "deletion: {how}"),
    "register.no_measures": T("geen maatregelen vastgelegd", "no measures recorded"),
    "register.impact_classification": T(
        "BIO2-impactclassificatie: vertrouwelijkheid {c}, integriteit {i}, beschikbaarheid {a}",
        "BIO2 impact classification: confidentiality {c}, integrity {i}, availability {a}",
    ),
    # --- pbd criteria docs (docs/knowledge-base*.md) --------------------------------------------
    "kbdocs.generated": T(
        "Gegenereerd door `pbd criteria docs` uit kennisbankversie {version}: niet met de hand bewerken. Wijzig de JSON-bestanden in `criteria/` en `system_requirements/` en genereer dit bestand opnieuw. English version: [knowledge-base.en.md](knowledge-base.en.md).",
        "Generated by `pbd criteria docs` from knowledge base version {version}: do not edit by hand. Change the JSON files in `criteria/` and `system_requirements/` and regenerate this file. Nederlandse versie: [knowledge-base.md](knowledge-base.md).",
    ),
    "kbdocs.title": T("Kennisbank", "Knowledge base"),
    "kbdocs.summary": T(
        "Versie {version}: {criteria} criteria in {groups} principegroepen en {ses} systeemeisen in {areas} functiegebieden. Zie [AUTHORING.md](AUTHORING.md) voor hoe een criterium of systeemeis is opgebouwd en getoetst.",
        "Version {version}: {criteria} criteria in {groups} principle groups and {ses} system requirements in {areas} function areas. See [AUTHORING.md](AUTHORING.md) for how a criterion or system requirement is built and tested.",
    ),
    "kbdocs.contents": T("Inhoud", "Contents"),
    "kbdocs.ref": T("Referentiekader", "Reference framework"),
    "kbdocs.ref_intro": T(
        "Negen principegroepen, elk met de normenkaders waaraan de criteria van die groep zijn ontleend.",
        "Nine principle groups, each with the norm frameworks the criteria of that group derive from.",
    ),
    "kbdocs.criteria": T("Criteria per principe", "Criteria per principle"),
    "kbdocs.criteria_intro": T(
        "Elk criterium is een toetsbare norm. Het beslismoment is het moment waarop het uiterlijk moet zijn voldaan; de DPIA-paragraaf is het hoofdstuk van het Model DPIA Rijksdienst waar een bevinding thuishoort.",
        "Each criterion is a checkable norm. The gate is the decision moment by which it must be met; the DPIA section is the chapter of the Model DPIA Rijksdienst (Dutch government model DPIA) a finding belongs in.",
    ),
    "kbdocs.basis_intro": T(
        "De grondslag zegt waar de norm zijn kracht aan ontleent: *wet* (AVG, UAVG, Wpg of een andere wet; kan hoog zijn), *richtsnoer* (EDPB, AP, BIO2, Algoritmekader; hooguit middel) of *beleid* (een eigen keuze van een gemeente; laag). Beleidsregels worden alleen getoetst als een gemeentelijk profiel ze aanzet (`--profile`).",
        "The basis says where the norm's force comes from: *law* (GDPR, UAVG, Wpg or another statute; may be high), *guidance* (EDPB, AP, BIO2, Algoritmekader; medium at most) or *policy* (a municipality's own choice; low). Policy rules are only checked when a municipal profile switches them on (`--profile`).",
    ),
    "kbdocs.basis": T("Grondslag", "Basis"),
    "kbdocs.off": T("alleen met profiel", "only with a profile"),
    "kbdocs.depends_on": T("Hangt af van", "Depends on"),
    "kbdocs.exempt": T("Uitzondering met reden in", "Exemption with its reason in"),
    "kbdocs.ses": T("Systeemeisen per functiegebied", "System requirements per function area"),
    "kbdocs.ses_intro": T(
        "Een systeemeis geldt voor een systeem zodra een van haar criteria van toepassing is op een verwerking die het systeem gebruikt (of op het project). Ze is vervuld als het systeem de functionaliteit opgeeft in `systems[].capabilities`. Zonder verdere voorwaarde geldt een eis alleen voor systemen die persoonsgegevens verwerken.",
        "A system requirement applies to a system once one of its criteria applies to a processing that uses the system (or to the project). It is met when the system declares the capability in `systems[].capabilities`. Without a further condition a requirement applies only to systems that process personal data.",
    ),
    "kbdocs.framework": T("Normenkader", "Framework"),
    "kbdocs.refs_col": T("Verwijzingen", "References"),
    "kbdocs.avg": T("AVG en UAVG", "GDPR (AVG) and UAVG"),
    "kbdocs.other_law": T("Andere wet- en regelgeving", "Other law"),
    "kbdocs.edpb": T("EDPB-richtsnoeren 4/2019 (elementen)", "EDPB Guidelines 4/2019 (elements)"),
    "kbdocs.bio2": T("BIO2", "BIO2"),
    "kbdocs.algoritmekader": T("Algoritmekader", "Algoritmekader (Dutch algorithm framework)"),
    "kbdocs.dpia": T("Model DPIA Rijksdienst", "Model DPIA Rijksdienst"),
    "kbdocs.strategies": T("Ontwerpstrategieën (Hoepman)", "Design strategies (Hoepman)"),
    "kbdocs.group_criteria": T("Criteria", "Criteria"),
    "kbdocs.severity": T("Ernst", "Severity"),
    "kbdocs.gate": T("Beslismoment", "Gate"),
    "kbdocs.dpia_section": T("DPIA-paragraaf", "DPIA section"),
    "kbdocs.scope": T("Toets per", "Checked for"),
    "kbdocs.strategy": T("Strategie", "Strategy"),
    "kbdocs.norm": T("Norm", "Norm"),
    "kbdocs.why": T("Waarom", "Why it matters"),
    "kbdocs.fix": T("Oplossing", "How to fix"),
    "kbdocs.references": T("Verwijzingen", "References"),
    "kbdocs.se": T("Systeemeisen", "System requirements"),
    "kbdocs.no_se": T("Geen systeemeis", "No system requirement"),
    "kbdocs.id": T("Id", "Id"),
    "kbdocs.requirement": T("Eis", "Requirement"),
    "kbdocs.capability": T("Functionaliteit", "Capability"),
    "kbdocs.verification": T("Toetsing", "Verification"),
    "kbdocs.serves": T("Criteria", "Criteria"),
    "kbdocs.applies": T("Geldt voor", "Applies to"),
    "kbdocs.all_systems": T("alle systemen met persoonsgegevens", "all systems with personal data"),
    "kbdocs.own_condition": T("eigen voorwaarde (zie het JSON-bestand)", "own condition (see the JSON file)"),
    "kbdocs.none": T("geen", "none"),
    # the knowledge base docs' names: function areas of the systeemeisen, scopes, design strategies (Hoepman), and
    # what the system ``_derived`` keys of an applies_when mean
    "kbdocs.area.TG": T("Toegang", "Access"),
    "kbdocs.area.LG": T("Logging", "Logging"),
    "kbdocs.area.BW": T("Bewaren", "Retention"),
    "kbdocs.area.MN": T("Minimalisatie", "Minimisation"),
    "kbdocs.area.RE": T("Rechten van betrokkenen", "Data subject rights"),
    "kbdocs.area.VS": T("Versleuteling", "Encryption"),
    "kbdocs.area.HO": T("Hosting", "Hosting"),
    "kbdocs.area.TP": T("Transparantie", "Transparency"),
    "kbdocs.area.BV": T("Beveiliging", "Security"),
    "kbdocs.area.EX": T("Exit", "Exit"),
    "kbdocs.scope.project": T("het project", "the project"),
    "kbdocs.scope.processing": T("elke verwerking", "each processing"),
    "kbdocs.scope.party": T("elke partij", "each party"),
    "kbdocs.scope.system": T("elk systeem", "each system"),
    "kbdocs.strategy.minimise": T("minimaliseren", "minimise"),
    "kbdocs.strategy.hide": T("verbergen", "hide"),
    "kbdocs.strategy.separate": T("scheiden", "separate"),
    "kbdocs.strategy.abstract": T("abstraheren", "abstract"),
    "kbdocs.strategy.inform": T("informeren", "inform"),
    "kbdocs.strategy.control": T("controle geven", "control"),
    "kbdocs.strategy.enforce": T("afdwingen", "enforce"),
    "kbdocs.strategy.demonstrate": T("aantonen", "demonstrate"),
    "kbdocs.condition.devices": T(
        "systemen met sensoren, camera's of edge-apparaten", "systems with sensors, cameras or edge devices"
    ),
    "kbdocs.condition.cameras": T("systemen met camera's", "systems with cameras"),
    "kbdocs.condition.anpr": T("systemen met kentekenherkenning", "systems with licence plate recognition"),
    "kbdocs.condition.has_audio": T("systemen die geluid verwerken", "systems processing sound"),
    "kbdocs.condition.has_device_ids": T(
        "systemen met apparaat-ID's of kentekens", "systems with device identifiers or licence plates"
    ),
    "kbdocs.condition.has_financial": T("systemen met financiële gegevens", "systems with financial data"),
    "kbdocs.condition.uses_algorithm": T("systemen met een algoritme of AI", "systems using an algorithm or AI"),
    "kbdocs.condition.resident_interface": T(
        "systemen met een app, website of formulier voor inwoners", "systems with an app, website or form for residents"
    ),
    "kbdocs.condition.supplied": T(
        "systemen van een leverancier of extern gehost", "systems from a supplier or hosted externally"
    ),
    "kbdocs.condition.observing": T(
        "systemen voor waarnemingen met sensoren of camera's", "systems for observations by sensors or cameras"
    ),
    "kbdocs.condition.has_image": T("systemen die beelden verwerken", "systems processing images"),
    "kbdocs.condition.mac_tracking": T(
        "systemen die telefoons tellen of volgen via wifi of bluetooth",
        "systems counting or following phones via Wi-Fi or Bluetooth",
    ),
    "kbdocs.condition.further_processing": T(
        "systemen voor verwerkingen met verder gebruik voor een ander doel",
        "systems for processing with further use for another purpose",
    ),
    "kbdocs.condition.consent": T(
        "systemen voor verwerkingen op basis van toestemming", "systems for processing based on consent"
    ),
    "kbdocs.condition.minors": T(
        "systemen voor verwerkingen met (mogelijk) kinderen", "systems for processing that (may) involve children"
    ),
    # --- pbd questionnaire: the terminal questionnaire's own words (pbd/questionnaire/) ---------------
    "questionnaire.intro_new": T("Nieuwe projectbeschrijving: {file}", "New project description: {file}"),
    "questionnaire.intro_resume": T(
        "Verder met {file}: {answered} gegeven, {skipped} overgeslagen.",
        "Continuing {file}: {answered} given, {skipped} skipped.",
    ),
    "questionnaire.intro_keys": T(
        "Elk antwoord wordt meteen opgeslagen. Stoppen kan altijd (Ctrl-C); de volgende keer gaat u verder waar u was.\n"
        "Enter = weet ik nog niet / zo laten · ? = uitleg en artikel · - = antwoord wissen\n"
        "< = vorige vraag · > = rest van dit blok overslaan · * = verplichte vraag",
        "Every answer is saved at once. You can stop at any time (Ctrl-C); next time you continue where you were.\n"
        "Enter = don't know yet / keep · ? = explanation and article · - = clear the answer\n"
        "< = previous question · > = skip the rest of this block · * = required question",
    ),
    "questionnaire.reformatted": T(
        "Let op: de opmaak van dit bestand wordt bij het opslaan iets aangepast (inspringing of aanhalingstekens); commentaar en volgorde blijven.",
        "Note: saving adjusts this file's layout slightly (indentation or quotes); comments and key order stay.",
    ),
    "questionnaire.section": T("{title}", "{title}"),
    "questionnaire.section_progress": T(
        "{answered} van {total} vragen beantwoord", "{answered} of {total} questions answered"
    ),
    "questionnaire.required": T(
        "Deze vraag is verplicht; de beschrijving kan niet zonder.",
        "This question is required; the description cannot do without it.",
    ),
    "questionnaire.first": T("Dit is de eerste vraag.", "This is the first question."),
    "questionnaire.skipped_block": T("{n} overgeslagen: de rest van '{title}'.", "{n} skipped: the rest of '{title}'."),
    "questionnaire.now": T("Nu: {value}", "Now: {value}"),
    "questionnaire.now_keep": T("(Enter = zo laten)", "(Enter = keep)"),
    "questionnaire.bool_hint": T("j/n", "y/n"),
    "questionnaire.date_hint": T("datum, JJJJ-MM-DD", "date, YYYY-MM-DD"),
    "questionnaire.duration_hint": T(
        "duur, bijv. 30 dagen, 24 uur, 2 jaar of P30D", "duration, e.g. 30 days, 24 hours, 2 years or P30D"
    ),
    "questionnaire.int_hint": T("getal", "number"),
    "questionnaire.country_hint": T("landcode, bijv. NL, DE, US", "country code, e.g. NL, DE, US"),
    "questionnaire.list_hint": T("één per regel; lege regel = klaar", "one per line; empty line = done"),
    "questionnaire.multi_hint": T("nummers, bijv. 1,3,5 of 2-4", "numbers, e.g. 1,3,5 or 2-4"),
    "questionnaire.one_hint": T("nummer", "number"),
    "questionnaire.part_hint": T(
        "nummers, Enter = zo laten, 0 = geen hiervan", "numbers, Enter = keep, 0 = none of these"
    ),
    "questionnaire.more": T("  + ", "  + "),
    "questionnaire.bad_bool": T("Antwoord met j (ja) of n (nee).", "Answer y (yes) or n (no)."),
    "questionnaire.bad_choice": T("Kies een nummer van 1 tot {n}.", "Choose a number from 1 to {n}."),
    "questionnaire.bad_choice_word": T(
        "'{word}' staat niet in de lijst; kies een nummer van 1 tot {n}.",
        "'{word}' is not in the list; choose a number from 1 to {n}.",
    ),
    "questionnaire.converted": T("= {value}", "= {value}"),
    "questionnaire.none": T("(geen)", "(none)"),
    "questionnaire.slug": T("Voorstel: {slug}", "Suggestion: {slug}"),
    "questionnaire.rejected": T("Dit antwoord kan niet worden opgeslagen:", "This answer cannot be saved:"),
    "questionnaire.group_none": T("Nog geen {title}. Toevoegen? (j/n)", "No {title} yet. Add one? (y/n)"),
    "questionnaire.group_some": T(
        "Kies: + = toevoegen · nummer = bekijken en wijzigen · -nummer = verwijderen · Enter = klaar",
        "Choose: + = add · number = review and change · -number = remove · Enter = done",
    ),
    "questionnaire.group_bad": T(
        "Typ +, een nummer van 1 tot {n}, -nummer of Enter.", "Type +, a number from 1 to {n}, -number or Enter."
    ),
    "questionnaire.group_new": T("Nieuw: {title}", "New: {title}"),
    "questionnaire.group_cancel": T("Niets toegevoegd.", "Nothing added."),
    "questionnaire.remove_confirm": T(
        "'{name}' met al zijn antwoorden verwijderen? (j/n)", "Remove '{name}' with all its answers? (y/n)"
    ),
    "questionnaire.removed": T("'{name}' is verwijderd.", "'{name}' has been removed."),
    "questionnaire.item": T("{title} {n}: {name}", "{title} {n}: {name}"),
    "questionnaire.help_ref": T("Artikel / bron: {ref}", "Article / source: {ref}"),
    "questionnaire.help_when": T("Gevraagd omdat {when}.", "Asked because {when}."),
    "questionnaire.help_checked": T("Waarom het telt — getoetst door:", "Why it matters — checked by:"),
    "questionnaire.help_keys": T(
        "Enter = weet ik nog niet / zo laten · - = antwoord wissen · < = vorige vraag · > = rest van dit blok overslaan · Ctrl-C = stoppen (alles is bewaard)",
        "Enter = don't know yet / keep · - = clear the answer · < = previous question · > = skip the rest of this block · Ctrl-C = stop (everything is saved)",
    ),
    "questionnaire.summary": T("Stand na '{title}'", "Status after '{title}'"),
    "questionnaire.summary_none": T(
        "Geen tekortkomingen of open vragen in dit onderdeel.", "No gaps or open points in this part."
    ),
    "questionnaire.summary_gaps": T("Tekortkomingen ({n}):", "Gaps ({n}):"),
    "questionnaire.summary_open": T("Nog open ({n}):", "Still open ({n}):"),
    "questionnaire.summary_more": T(
        "… en nog {n}; alles zien: pbd check {file}", "… and {n} more; see everything: pbd check {file}"
    ),
    "questionnaire.summary_fix": T("Wat te doen: {fix}", "What to do: {fix}"),
    "questionnaire.summary_unavailable": T(
        "(De toets is nu niet beschikbaar, dus tekortkomingen worden hier niet getoond: {why})",
        "(The checks are not available right now, so gaps are not shown here: {why})",
    ),
    "questionnaire.skipped_offer": T(
        "U hebt {n} overgeslagen (weet ik nog niet). Nu alsnog langslopen? (j/n)",
        "You skipped {n} (don't know yet). Go through them now? (y/n)",
    ),
    "questionnaire.done": T(
        "Klaar: alle vragen die nu van toepassing zijn, zijn beantwoord of overgeslagen. Alles staat in {file}.",
        "Done: every question that applies now has been answered or skipped. Everything is in {file}.",
    ),
    "questionnaire.first_pass_intro": T(
        "Eerste ronde: alleen de vragen die beslissen of een DPIA (en een DTIA, IAMA of kinderrechtentoets) nodig is, zoals de Pre-scan DPIA. 'Weet ik nog niet' (Enter) is geen 'nee': de screening rekent er niet op.",
        "First pass: only the questions that decide whether a DPIA (and a DTIA, IAMA or children's rights assessment) is needed, as the DPIA Pre-scan asks them. 'Don't know yet' (Enter) is not 'no': the screening does not rely on it.",
    ),
    "questionnaire.first_pass_done": T(
        "Screening na de eerste ronde: {outcome}\nDe rest van de vragen: pbd questionnaire {file}",
        "Screening after the first pass: {outcome}\nThe remaining questions: pbd questionnaire {file}",
    ),
    "questionnaire.done_section": T(
        "Klaar met '{title}'. Alles staat in {file}.", "Done with '{title}'. Everything is in {file}."
    ),
    "questionnaire.next": T(
        "Volgende stap, de toets: pbd check {file}\n"
        "Iets wijzigen of toevoegen: pbd questionnaire {file} --section verwerkingen (of project, partijen, systemen, risicos)",
        "Next, the checks: pbd check {file}\n"
        "Change or add something: pbd questionnaire {file} --section processings (or project, parties, systems, risks)",
    ),
    "questionnaire.later": T(
        "Door latere antwoorden zijn nog een paar eerdere vragen van toepassing geworden:",
        "Later answers have made a few earlier questions apply:",
    ),
    "questionnaire.changed_outside": T(
        "{file} is intussen buiten de vragenlijst gewijzigd; de nieuwe versie is ingelezen.",
        "{file} was changed outside the questionnaire; the new version has been read.",
    ),
    "questionnaire.area_other": T("Overig", "Other"),
    # counts that choose their own word (1 vraag, 3 vragen)
    "questionnaire.count.question": T("{n} {n:vraag|vragen}", "{n} {n:question|questions}"),
    "questionnaire.count.answer": T("{n} {n:antwoord|antwoorden}", "{n} {n:answer|answers}"),
    # one item of a list, as the questionnaire names it (Partij 2: …)
    "questionnaire.singular.parties": T("Partij", "Party"),
    "questionnaire.singular.processings": T("Verwerking", "Processing"),
    "questionnaire.singular.systems": T("Systeem", "System"),
    "questionnaire.singular.risks": T("Risico", "Risk"),
    "questionnaire.singular.waivers": T("Afwijking", "Waiver"),
    "questionnaire.singular.purposes": T("Doel", "Purpose"),
    "questionnaire.singular.data_subjects": T("Groep betrokkenen", "Group of data subjects"),
    "questionnaire.singular.data_items": T("Persoonsgegeven", "Data item"),
    "questionnaire.singular.transfers": T("Doorgifte", "Transfer"),
    # --- pbd init (the commented template) -------------------------------------------------------
    "init.header": T(
        "Projectbeschrijving voor pbd (Privacy by Design-toets), gemaakt met `pbd init`.\nVul in wat u weet en laat de rest leeg: leeg betekent 'nog niet beantwoord' (een open vraag in\nde toets, geen fout). Verplicht zijn alleen de velden met (verplicht): de projectnaam en het\neerste veld van elk blok in een lijst (een partij, verwerking, systeem, risico ...). Kopieer zo'n\nblok voor de volgende, en verwijder een blok dat (nog) niet van toepassing is.\nControleren: pbd validate FILE · toetsen: pbd check FILE · liever vragen beantwoorden: pbd questionnaire FILE",
        "Project description for pbd (Privacy by Design checks), made with `pbd init`.\nFill in what you know and leave the rest empty: empty means 'not answered yet' (an open point\nin the checks, not an error). Only the fields marked (required) must be filled in: the project\nname and the first field of each block in a list (a party, processing, system, risk ...). Copy\nsuch a block for the next one, and delete a block that does not apply (yet).\nCheck: pbd validate FILE · assess: pbd check FILE · prefer answering questions: pbd questionnaire FILE",
    ),
    "init.required": T(" (verplicht)", " (required)"),
    "init.choose": T("Kies uit: ", "One of: "),
    "init.choose_list": T("Een lijst, bijv. [{a}, {b}]; kies uit: ", "A list, e.g. [{a}, {b}]; choose from: "),
    "init.bool": T("true of false.", "true or false."),
    "init.date": T("Datum: JJJJ-MM-DD, bijv. 2026-05-01.", "Date: YYYY-MM-DD, e.g. 2026-05-01."),
    "init.duration": T(
        "Duur in ISO 8601: P30D (30 dagen), PT24H (24 uur), P6M (6 maanden), P2Y (2 jaar).",
        "Duration in ISO 8601: P30D (30 days), PT24H (24 hours), P6M (6 months), P2Y (2 years).",
    ),
    "init.int": T("Een heel getal.", "A whole number."),
    "init.country": T("Landcode (ISO 3166), bijv. NL, DE, US.", "Country code (ISO 3166), e.g. NL, DE, US."),
    "init.identifier": T(
        "Kort kenmerk: letters, cijfers, '-' en '_', bijv. wifi-telling.",
        "Short identifier: letters, digits, '-' and '_', e.g. wifi-count.",
    ),
    "init.text_list": T(
        "Een lijst: één regel per punt, beginnend met '- '.", "A list: one line per item, starting with '- '."
    ),
    "init.mapping": T("Per onderwerp een regel 'onderwerp: tekst'.", "One line 'topic: text' per topic."),
    "init.id_list": T("Een lijst van kenmerken, bijv. [a, b].", "A list of identifiers, e.g. [a, b]."),
    "init.capabilities": T(
        "Een lijst, bijv. [role_based_access, access_logging]; alle mogelijkheden met uitleg: pbd criteria capabilities. Kies uit: ",
        "A list, e.g. [role_based_access, access_logging]; every capability explained: pbd criteria capabilities. Choose from: ",
    ),
    "init.when": T("Alleen van toepassing als {when}.", "Only applies when {when}."),
    "init.commented": T(
        "Haal het commentaarteken (# ) weg voor de regels hieronder als dit van toepassing is.",
        "Remove the comment sign (# ) from the lines below when this applies.",
    ),
    # --- pbd import invulhulp --------------------------------------------------------------------
    "import.mapped": T("Overgenomen ({n}):", "Mapped ({n}):"),
    "import.kept": T("Bewaard als notitie ({n}):", "Kept as a note ({n}):"),
    "import.ignored": T("Niet overgenomen ({n}):", "Not imported ({n}):"),
    "import.summary": T(
        "Samenvatting: {answers} antwoorden in de export: {mapped} overgenomen in een veld, {notes} bewaard als "
        "notitie, {dropped} niet overgenomen (waarvan {placeholders} plaatshouders, die open blijven).",
        "Summary: {answers} answers in the export: {mapped} mapped onto a field, {notes} kept as a note, "
        "{dropped} not imported (of which {placeholders} placeholders, which stay open).",
    ),
    "import.read_as": T("Gelezen: {what}", "Read: {what}"),
    "import.questions": T(
        "Open vragen die de import niet kan beantwoorden ({n}):",
        "Open questions the import cannot answer ({n}):",
    ),
    "import.cross_check": T(
        "Eigen uitkomst van de Invulhulp naast de screening van pbd:",
        "The Invulhulp's own outcome next to pbd's screening:",
    ),
    "import.because": T("Invulhulp, omdat: {because}", "Invulhulp, because: {because}"),
    "import.difference": T("Verschil ({reason}): {text}", "Difference ({reason}): {text}"),
    "import.concerns": T("Betreft: {details}", "Concerns: {details}"),
    "import.failing_expressions": T(
        "Expressies die in de Invulhulp falen: {errors}", "Expressions that fail in the Invulhulp: {errors}"
    ),
    # --- the CLI ---------------------------------------------------------------------------------
    "cli.valid": T("{file}: geldig", "{file}: valid"),
    # --- usage errors (click's, in pbd's one-line Error: form and in the chosen language) --------------
    "cli.usage.no_such_option": T(
        "Error: {where}: onbekende optie {option}.{hint} Zie `{where} --help`.",
        "Error: {where}: no such option {option}.{hint} See `{where} --help`.",
    ),
    "cli.usage.no_such_command": T(
        "Error: {where}: onbekende opdracht {command}.{hint} Zie `pbd --help` voor de opdrachten.",
        "Error: {where}: no such command {command}.{hint} See `pbd --help` for the commands.",
    ),
    "cli.usage.did_you_mean": T(" Bedoelt u {options}?", " Did you mean {options}?"),
    "cli.usage.missing": T(
        "Error: {where}: {param} ontbreekt. Zie `{where} --help`.",
        "Error: {where}: {param} is missing. See `{where} --help`.",
    ),
    "cli.usage.choice": T(
        "Error: {where}: {param}: '{value}' is geen keuze. Kies uit {choices}.",
        "Error: {where}: {param}: '{value}' is not a choice. Choose one of {choices}.",
    ),
    "cli.usage.bad_value": T(
        "Error: {where}: {param}: ongeldige waarde ({detail}). Zie `{where} --help`.",
        "Error: {where}: {param}: invalid value ({detail}). See `{where} --help`.",
    ),
    "cli.usage.needs_value": T(
        "Error: {where}: optie {option} vraagt een waarde. Zie `{where} --help`.",
        "Error: {where}: option {option} needs a value. See `{where} --help`.",
    ),
    "cli.usage.extra": T(
        "Error: {where}: te veel argumenten ({extra}). Zie `{where} --help`.",
        "Error: {where}: too many arguments ({extra}). See `{where} --help`.",
    ),
    "cli.usage.other": T(
        "Error: {where}: {detail}. Zie `{where} --help`.",
        "Error: {where}: {detail}. See `{where} --help`.",
    ),
    "cli.migrate_nothing": T(
        "{file}: al formaatversie {version}; niets omgezet", "{file}: already format version {version}; nothing changed"
    ),
    "cli.migrated": T(
        "{file}: omgezet van versie 1 naar 2 ({n} meldingen)", "{file}: migrated from version 1 to 2 ({n} notes)"
    ),
    "cli.imported": T(
        "Geïmporteerd: {export} ({form}, {urn}) → {output}", "Imported: {export} ({form}, {urn}) → {output}"
    ),
    # --- pbd export invulhulp ---------------------------------------------------------------------
    "export.written": T(
        "Geëxporteerd: {file} → {output} ({form}, {urn})", "Exported: {file} → {output} ({form}, {urn})"
    ),
    "export.answers": T("Antwoorden geschreven ({n}):", "Answers written ({n}):"),
    "export.ticks_declared": T(
        "De AP-lijst (3.1) en de EDPB-lijst (4.1) zijn de eigen vinkjes uit de beschrijving "
        "(project.screening_declared), niet de screening van pbd.",
        "The AP list (3.1) and the EDPB list (4.1) are the description's own ticks "
        "(project.screening_declared), not pbd's screening.",
    ),
    "export.ticks_derived": T(
        "De AP-lijst (3.1) en de EDPB-lijst (4.1) zijn aangevinkt volgens de screening van pbd (kennisbank {kb}), "
        "niet door de FG of privacyadviseur: laat die ze in de Invulhulp beoordelen voordat de Pre-scan wordt "
        "vastgesteld (art. 35 lid 2 AVG: de FG adviseert).",
        "The AP list (3.1) and the EDPB list (4.1) are ticked after pbd's screening (knowledge base {kb}), not by "
        "the DPO or privacy adviser: have them review the ticks in the Invulhulp before the Pre-scan is adopted "
        "(GDPR art. 35(2): the DPO advises).",
    ),
    "export.open": T(
        "Open het bestand in de Invulhulp met 'Upload het JSON-bestand'. Wat het formulier niet kan bevatten, "
        "staat alleen in de beschrijving.",
        "Open the file in the Invulhulp with 'Upload het JSON-bestand'. What the form cannot hold stays in the "
        "description only.",
    ),
    "export.by_declared": T(
        "pbd {version}: overgenomen uit de beschrijving (screening_declared, bron: {source})",
        "pbd {version}: taken from the description (screening_declared, source: {source})",
    ),
    "export.by_derived": T(
        "pbd {version}: afgeleid door pbd met kennisbank {kb}, niet aangevinkt door de FG",
        "pbd {version}: derived by pbd with knowledge base {kb}, not ticked by the DPO",
    ),
    "export.created_by": T("pbd {version} (kennisbank {kb})", "pbd {version} (knowledge base {kb})"),
    "export.parties_hidden": T(
        "Let op: de beschrijving heeft {parties} partijen en {processings} verwerkingen. De Invulhulp toont in §6 "
        "één partij per verwerking van §3; de partijen daarna staan in het bestand, maar de Invulhulp laat ze pas "
        "zien als §3 zoveel verwerkingen heeft. Controleer §6 na het openen.",
        "Note: the description has {parties} parties and {processings} processings. The Invulhulp shows one party "
        "per processing of §3 in §6; the later parties are in the file, but the Invulhulp shows them only when §3 "
        "has that many processings. Check §6 after opening the file.",
    ),
    "cli.stopped": T(
        "Gestopt. Alle antwoorden tot nu toe staan in {file}; verder gaan: pbd questionnaire {file}",
        "Stopped. Every answer so far is in {file}; continue with: pbd questionnaire {file}",
    ),
    "cli.stopped_nothing_saved": T(
        "Gestopt; er was nog niets om op te slaan.", "Stopped; there was nothing to save yet."
    ),
    "cli.template_written": T(
        "Sjabloon geschreven: {file}. Vul in wat u weet; controleer met: pbd validate {file}",
        "Template written: {file}. Fill in what you know; check with: pbd validate {file}",
    ),
    # --- the HTML/PDF reports (templates use t.<name>) -------------------------------------------
    "report.dpia_title": T("Gegevensbeschermingseffectbeoordeling (DPIA)", "Data Protection Impact Assessment (DPIA)"),
    "report.art25_title": T(
        "Rapportage Privacy by Design en by Default (AVG art. 25)",
        "Data protection by design and by default report (GDPR art. 25)",
    ),
    "report.concept": T("CONCEPT", "DRAFT"),
    "report.draft_note": T(
        "Conceptversie gegenereerd door pbd uit de projectbeschrijving. Gemarkeerde punten moeten nog worden opgelost of ingevuld voordat dit document kan worden vastgesteld.",
        "Draft generated by pbd from the project description. Flagged items must be resolved or completed before this document can be adopted.",
    ),
    "report.organisation": T("Organisatie", "Organisation"),
    "report.phase": T("Fase", "Phase"),
    "report.date": T("Datum", "Date"),
    "report.gate": T("Beslismoment", "Decision gate"),
    "report.version": T("Versie", "Version"),
    "report.contents": T("Inhoud", "Contents"),
    "report.line": T("regel", "line"),
    "report.imported_note": T("Aanvullende informatie uit de Invulhulp", "Additional information from the Invulhulp"),
    "report.other_notes": T("Overige informatie uit de Invulhulp", "Other information from the Invulhulp"),
    "report.not_relevant": T("niet van toepassing op dit systeem", "does not apply to this system"),
    "report.se_elsewhere": T(
        "Daarnaast ontbreken of zijn onbekend: {n} systeemeisen bij de systemen. Die staan in de AVG art. 25-rapportage (pbd report --kind art25).",
        "In addition, {n} system requirements are missing or unknown for the systems. They are listed in the GDPR art. 25 report (pbd report --kind art25).",
    ),
    "report.minors": T("minderjarigen", "minors"),
    "report.societal_goal": T("Maatschappelijk doel", "Societal goal"),
    "report.summary": T("Managementsamenvatting", "Management summary"),
    "report.screening": T("Uitkomst DPIA-screening", "DPIA screening outcome"),
    "report.also_indicated": T("Ook aangewezen", "Also indicated"),
    "report.dtia": T("DTIA (beoordeling doorgifte buiten de EER)", "DTIA (transfer impact assessment)"),
    "report.iama": T(
        "IAMA (impact op mensenrechten door algoritmen)", "IAMA (human rights and algorithms impact assessment)"
    ),
    "report.kia": T("KIA (kinderrechtentoets)", "KIA (children's rights impact assessment)"),
    "report.status_overview": T("Stand van zaken per principe", "Status per principle"),
    "report.decision_go": T(
        "GO: er blokkeert niets voor het beslismoment {gate}.", "GO: nothing blocks the {gate} gate."
    ),
    "report.decision_nogo": T(
        "NO-GO: vóór het beslismoment {gate} moeten nog {n} punten worden opgelost.",
        "NO-GO: {n} items must be resolved before the {gate} gate.",
    ),
    "report.decision_nogo_one": T(
        "NO-GO: vóór het beslismoment {gate} moet nog {n} punt worden opgelost.",
        "NO-GO: {n} item must be resolved before the {gate} gate.",
    ),
    "report.decision_later": T(
        "{n} punten zijn pas nodig bij een later beslismoment.", "{n} items are due only at a later gate."
    ),
    "report.decision_later_one": T(
        "{n} punt is pas nodig bij een later beslismoment.", "{n} item is due only at a later gate."
    ),
    "report.part_a": T("A. Beschrijving kenmerken gegevensverwerkingen", "A. Description of the processing"),
    "report.part_b": T("B. Beoordeling rechtmatigheid gegevensverwerkingen", "B. Assessment of lawfulness"),
    "report.part_c": T(
        "C. Beschrijving en beoordeling risico's voor de betrokkenen",
        "C. Description and assessment of risks to data subjects",
    ),
    "report.part_d": T("D. Beschrijving voorgenomen maatregelen", "D. Envisaged measures"),
    "report.s1": T("Voorstel", "Proposal"),
    "report.s2": T("Persoonsgegevens", "Personal data"),
    "report.s3": T("Gegevensverwerkingen", "Processing operations"),
    "report.s4": T("Technieken en methoden van de gegevensverwerkingen", "Techniques and methods"),
    "report.s5": T("Verwerkingsdoeleinden", "Purposes"),
    "report.s6": T("Betrokken partijen", "Parties involved"),
    "report.s7": T("Belangen bij de gegevensverwerkingen", "Interests in the processing"),
    "report.s8": T("Verwerkingslocaties", "Processing locations"),
    "report.s9": T("Juridisch en beleidsmatig kader", "Legal and policy framework"),
    "report.s10": T("Bewaartermijnen", "Retention periods"),
    "report.s11": T("Rechtsgrond", "Legal basis"),
    "report.s12": T(
        "Bijzondere persoonsgegevens, strafrechtelijke persoonsgegevens en nationale identificatienummers",
        "Special category data, criminal data and national identification numbers",
    ),
    "report.s13": T("Doelbinding", "Purpose limitation"),
    "report.s14": T("Noodzaak en evenredigheid", "Necessity and proportionality"),
    "report.s15": T("Rechten van de betrokkenen", "Data subject rights"),
    "report.s16": T("Risico's voor de betrokkenen", "Risks to data subjects"),
    "report.s17": T("Maatregelen", "Measures"),
    "report.dpo_advice": T("Advies functionaris gegevensbescherming", "Advice of the data protection officer"),
    "report.name_sign": T("Naam en functie", "Name and title"),
    "report.date_sign": T("Datum", "Date"),
    "report.signature": T("Handtekening", "Signature"),
    "report.open_points": T("Open punten", "Open items"),
    "report.open_points_intro": T(
        "Alle tekortkomingen en open vragen, per beslismoment waarvoor ze moeten zijn opgelost.",
        "All gaps and open questions, by the decision gate by which they must be resolved.",
    ),
    "report.appendix": T("Bijlage: verantwoording voor auditors", "Appendix: audit trail"),
    "report.appendix_intro": T(
        "Met deze gegevens kan de toets later exact opnieuw worden uitgevoerd (pbd verify).",
        "With these values the check can be re-run exactly later (pbd verify).",
    ),
    "report.input_file": T("Invoerbestand", "Input file"),
    "report.input_hash": T("SHA-256 invoer", "Input SHA-256"),
    "report.kb_version": T("Versie kennisbank", "Knowledge base version"),
    "report.kb_hash": T("SHA-256 kennisbank", "Knowledge base SHA-256"),
    "report.pbd_version": T("Versie pbd", "pbd version"),
    "report.eval_date": T("Evaluatiedatum", "Evaluation date"),
    "report.waivers_applied": T("Geaccepteerde afwijkingen toegepast", "Waivers applied"),
    "report.yes": T("ja", "yes"),
    "report.no": T("nee", "no"),
    "report.unknown": T("nog niet ingevuld", "not answered yet"),
    "report.missing_marker": T("NOG IN TE VULLEN", "TO BE COMPLETED"),
    "report.gap_marker": T("TEKORTKOMING", "GAP"),
    "report.open_marker": T("OPEN VRAAG", "OPEN QUESTION"),
    "report.waived_marker": T("GEACCEPTEERD RISICO", "ACCEPTED RISK"),
    "report.fix": T("Oplossing", "Fix"),
    "report.due": T("uiterlijk bij", "due at"),
    "report.criterion": T("criterium", "criterion"),
    "report.processing": T("Verwerking", "Processing"),
    "report.data_item": T("Gegeven", "Data item"),
    "report.category": T("Categorie", "Category"),
    "report.type": T("Type", "Type"),
    "report.source": T("Bron", "Source"),
    "report.data_subjects": T("Betrokkenen", "Data subjects"),
    "report.description": T("Beschrijving", "Description"),
    "report.party": T("Partij", "Party"),
    "report.role": T("Rol", "Role"),
    "report.agreement": T("Overeenkomst", "Agreement"),
    "report.country": T("Land", "Country"),
    "report.residents": T("Raadpleging betrokkenen", "Consultation of data subjects"),
    "report.techniques": T("Technieken", "Techniques"),
    "report.collection": T("Verzamelmethoden", "Collection methods"),
    "report.public_space": T("In de openbare ruimte", "In public space"),
    "report.algorithm": T("Algoritme", "Algorithm"),
    "report.transfers": T("Doorgiften", "Transfers"),
    "report.mechanism": T("Mechanisme", "Mechanism"),
    "report.systems_hosting": T("Systemen en hosting", "Systems and hosting"),
    "report.system": T("Systeem", "System"),
    "report.hosting": T("Hosting", "Hosting"),
    "report.retention": T("Bewaartermijn", "Retention period"),
    "report.justification": T("Motivering", "Justification"),
    "report.deletion": T("Verwijdering", "Deletion"),
    "report.raw_data": T("Ruwe data", "Raw data"),
    "report.ground": T("Grondslag", "Legal ground"),
    "report.provision": T("Wettelijke bepaling", "Statutory provision"),
    "report.explanation": T("Toelichting", "Explanation"),
    "report.exception": T("Uitzondering", "Exception"),
    "report.original_purpose": T("Oorspronkelijk doel", "Original purpose"),
    "report.compatibility": T("Beoordeling", "Assessment"),
    "report.subsidiarity": T("Subsidiariteit", "Subsidiarity"),
    "report.proportionality": T("Proportionaliteit", "Proportionality"),
    "report.alternatives": T("Overwogen alternatieven", "Alternatives considered"),
    "report.to_complete": T("Nog te beschrijven", "Still to be described"),
    "report.right": T("Recht", "Right"),
    "report.risk": T("Risico", "Risk"),
    "report.likelihood": T("Kans", "Likelihood"),
    "report.impact": T("Impact", "Impact"),
    "report.level": T("Risiconiveau", "Risk level"),
    "report.residual": T("Restrisico", "Residual risk"),
    "report.owner": T("Eigenaar", "Owner"),
    "report.risk_matrix": T("Risicomatrix (kans × impact)", "Risk matrix (likelihood × impact)"),
    "report.no_risks": T("Er zijn nog geen risico's beschreven.", "No risks have been described yet."),
    "report.art36": T(
        "Het restrisico van {ids} blijft hoog. Vóór de start van de verwerking moet de Autoriteit Persoonsgegevens worden geraadpleegd (AVG art. 36).",
        "The residual risk of {ids} remains high. The Dutch DPA must be consulted before the processing starts (GDPR art. 36).",
    ),
    "report.art36_done": T(
        "De Autoriteit Persoonsgegevens is geraadpleegd op {date}.", "The Dutch DPA was consulted on {date}."
    ),
    # --- the decision and advice blocks, the weighted summary, the audit references (issue #14) ----
    "report.status_block": T("Versie en status", "Version and status"),
    "report.dpia_status": T("Status van de DPIA", "Status of the DPIA"),
    "report.dpia_started": T("vastgelegd op", "recorded on"),
    "report.controller": T("Verwerkingsverantwoordelijke (bestuursorgaan)", "Controller (administrative body)"),
    "report.dpo_followed": T("Advies gevolgd", "Advice followed"),
    "report.followed_yes": T("Gevolgd", "Followed"),
    "report.followed_partly": T("Gedeeltelijk gevolgd", "Partly followed"),
    "report.followed_no": T("Niet gevolgd", "Not followed"),
    "report.dpo_reason": T("Reden van afwijken", "Reason for departing from the advice"),
    "report.dpo_decided_by": T("Besloten door", "Decided by"),
    "report.dpo_on_version": T("Advies over versie", "Advice on version"),
    "report.dpo_not_controller": T(
        "Het besluit om van het FG-advies af te wijken is genomen door {who}. Dat is niet de verwerkingsverantwoordelijke ({controller}); alleen die kan gemotiveerd afwijken van het advies (AVG art. 35 lid 2 en art. 38).",
        "The decision to depart from the DPO's advice was taken by the {who}. That is not the controller ({controller}); only the controller can depart from the advice, with reasons (GDPR art. 35(2) and art. 38).",
    ),
    "report.dpo_no_reason": T(
        "Er is niet vastgelegd waarom van het advies is afgeweken.",
        "No reason for departing from the advice has been recorded.",
    ),
    "report.controller_decision": T("Besluit van de verwerkingsverantwoordelijke", "Decision of the controller"),
    "report.decision_outcome": T("Besluit", "Decision"),
    "report.decision_conditions": T("Voorwaarden", "Conditions"),
    "report.decision_none": T(
        "De verwerkingsverantwoordelijke heeft nog geen besluit over deze DPIA genomen. Dit document is een concept en is niet vastgesteld.",
        "The controller has not yet taken a decision on this DPIA. This document is a draft and has not been adopted.",
    ),
    "report.adopted_text": T(
        "Deze DPIA is vastgesteld door {who} op {date} (versie {version}).",
        "This DPIA was adopted by the {who} on {date} (version {version}).",
    ),
    "report.stoppers": T("Wat het project tegenhoudt", "What stops the project"),
    "report.stop_art36": T(
        "Het restrisico van {ids} blijft hoog en de Autoriteit Persoonsgegevens is niet voorafgaand geraadpleegd (AVG art. 36). Zonder die raadpleging mag de verwerking niet starten of doorgaan.",
        "The residual risk of {ids} remains high and the Dutch DPA has not been consulted beforehand (GDPR art. 36). Without that consultation the processing may not start or continue.",
    ),
    "report.stop_basis": T(
        "Grondslag ontbreekt of is onvoldoende voor: {targets} ({rules}). Zonder grondslag is de verwerking onrechtmatig (AVG art. 6).",
        "The legal basis is missing or insufficient for: {targets} ({rules}). Without a legal basis the processing is unlawful (GDPR art. 6).",
    ),
    "report.stop_prohibited": T(
        "Verboden AI-praktijk in: {targets} (AI-verordening art. 5). Deze toepassing mag niet worden ingezet.",
        "Prohibited AI practice in: {targets} (AI Act art. 5). This use may not be deployed.",
    ),
    "report.stop_dpo": T(
        "Het advies van de FG is {followed} gevolgd. Besloten door: {who}.{reason}",
        "The DPO's advice was {followed} followed. Decided by: {who}.{reason}",
    ),
    "report.stop_dpo_rule": T(
        "De omgang met het advies van de FG voldoet niet ({rules}).",
        "The handling of the DPO's advice falls short ({rules}).",
    ),
    "report.not_followed": T("niet", "not"),
    "report.stop_dpo_reason": T(" Reden: {reason}", " Reason: {reason}"),
    "report.stop_dpo_not_controller": T(
        " Dat is niet de verwerkingsverantwoordelijke ({controller}).", " That is not the controller ({controller})."
    ),
    "report.partly_followed": T("gedeeltelijk", "partly"),
    "report.no_stoppers": T(
        "Er is niets gevonden dat het project op zichzelf tegenhoudt.",
        "Nothing was found that by itself stops the project.",
    ),
    "report.high_gaps": T(
        "Zwaarste tekortkomingen (wet vóór richtsnoer vóór beleid)",
        "Most serious gaps (law before guidance before policy)",
    ),
    "report.basis": T("Grondslag van de norm", "Basis of the norm"),
    "report.counts_line": T("{gap}, {open}, {met}.", "{gap}, {open}, {met}."),
    "report.advice_line": T(
        "Daarvan {n:is|zijn} {n} advies: {n:het blokkeert|ze blokkeren} het beslismoment niet (de normen die {n:het dient|ze dienen} zijn gehaald, of de ernst is laag); zie de actielijst.",
        "Of these, {n} {n:is|are} advice: {n:it does|they do} not hold the gate (the norms {n:it serves|they serve} are met, or the severity is low); see the to-do list.",
    ),
    "report.n_gap_one": T("{n} tekortkoming", "{n} gap"),
    "report.n_gap_other": T("{n} tekortkomingen", "{n} gaps"),
    "report.n_open_one": T("{n} open punt", "{n} open point"),
    "report.n_open_other": T("{n} open punten", "{n} open points"),
    "report.n_met_one": T("{n} norm voldaan", "{n} norm met"),
    "report.n_met_other": T("{n} normen voldaan", "{n} norms met"),
    "report.audit_refs": T("Bijlage: vindplaatsen in de beschrijving", "Annex: places in the description"),
    "report.reading_guide_head": T("Leeswijzer", "How to read this draft"),
    "report.reading_guide": T(
        "Elke paragraaf geeft eerst wat de projectbeschrijving zegt en daarna waar het tekortschiet. Een"
        " tekortkoming betekent dat de beschrijving niet aan de norm voldoet; een open vraag dat het antwoord nog"
        " ontbreekt, en zolang dat zo is, kan de gemeente niet aantonen dat aan de norm is voldaan (art. 5 lid 2"
        " AVG). Bij elke norm staat het artikel waarop zij rust, en bij elk punt wat er moet gebeuren. Een"
        " verwijzing als A12 (tussen vierkante haken) wijst naar de plaats in de projectbeschrijving; die plaatsen staan met bestand en"
        " regel in de bijlage ‘Vindplaatsen in de beschrijving’.",
        "Each paragraph first gives what the project description says and then where it falls short. A gap means"
        " the description does not meet the norm; an open question that the answer is still missing, and as long"
        " as it is, the municipality cannot show that the norm is met (GDPR art. 5(2)). Each norm names the"
        " article it rests on, and each point what has to be done. A reference such as A12 (in square brackets) points to the place"
        " in the project description; those places are listed with file and line in the annex ‘Places in the"
        " description’.",
    ),
    "report.screening_annex": T(
        "Bijlage: onderbouwing van de DPIA-screening", "Annex: reasoning of the DPIA screening"
    ),
    "report.screening_see_annex": T(
        "De onderbouwing per criterium, met de verwerkingen waarop het betrekking heeft, staat in de bijlage"
        " ‘Onderbouwing van de DPIA-screening’.",
        "The reasoning per criterion, with the processings it concerns, is in the annex ‘Reasoning of the DPIA"
        " screening’.",
    ),
    "report.audit_refs_intro": T(
        "Elke verwijzing in de tekst, zoals [A1], staat hier met het bestand, de plaats in de beschrijving en de regel.",
        "Each reference in the text, such as [A1], is listed here with the file, the place in the description and the line.",
    ),
    "report.ref": T("Ref.", "Ref."),
    "report.place": T("Plaats", "Place"),
    "report.file": T("Bestand", "File"),
    "report.inherent": T("Bruto risico (vóór maatregelen)", "Inherent risk (before measures)"),
    "report.residual_matrix": T("Restrisico (na maatregelen)", "Residual risk (after measures)"),
    "report.no_residual_matrix": T(
        "Kans en impact na maatregelen zijn per risico nog niet beschreven; het restrisico staat alleen als niveau in paragraaf 17.",
        "Likelihood and impact after measures are not yet described per risk; the residual risk is given only as a level in section 17.",
    ),
    "report.accepted_by": T("Geaccepteerd door", "Accepted by"),
    "report.not_accepted": T("niet vastgelegd", "not recorded"),
    "report.effectiveness": T("Doeltreffendheid", "Effectiveness"),
    "report.art36_head": T("AVG art. 36: voorafgaande raadpleging", "GDPR art. 36: prior consultation"),
    "report.todo": T("Actielijst per fase", "Action list per gate"),
    "report.todo_intro": T(
        "Wat er moet gebeuren vóór de fase {gate}, zwaarste eerst. Elke actie sluit een of meer normen.",
        "What must be done before the {gate} gate, most serious first. Each action closes one or more norms.",
    ),
    "report.todo_later": T("Later: {items}.", "Later: {items}."),
    "report.action": T("Actie", "Action"),
    "report.closes": T("Sluit", "Closes"),
    "report.ap_types": T("AP-lijst", "Dutch DPA list"),
    "report.art35_3_label": T("AVG art. 35(3)", "GDPR art. 35(3)"),
    "report.wp248": T("Criteria WP248", "WP248 criteria"),
    "report.no_personal_data": T(
        "Volgens de beschrijving worden in deze verwerking geen persoonsgegevens verwerkt.",
        "According to the description, this processing handles no personal data.",
    ),
    "report.none_listed": T("Niets vermeld.", "Nothing listed."),
    "report.procurement_title": T(
        "Bijlage: programma van eisen privacy voor de aanbesteding", "Annex: privacy requirements for the tender"
    ),
    "report.procurement_intro": T(
        "Per systeem de systeemeisen die deze beoordeling stelt, genummerd zodat inkoop ze in de offerteaanvraag en"
        " het contract kan overnemen. Een eis rust op de wet (AVG, UAVG of een andere wet): een aanbieding die er"
        " niet aan voldoet, valt af. Een wens rust op een richtsnoer (EDPB, AP, BIO2) of op gemeentelijk beleid en"
        " weegt mee in de gunning. Bij elke eis staat hoe de gemeente haar controleert; een toezegging van de"
        " leverancier alleen is geen bewijs (AVG art. 28 lid 1: alleen verwerkers die voldoende garanties bieden).",
        "For each system the system requirements this assessment sets, numbered so that procurement can take them"
        " into the invitation to tender and the contract. A must rests on the law (GDPR, UAVG or another statute):"
        " a bid that does not meet it is excluded. A should rests on guidance (EDPB, AP, BIO2) or municipal policy"
        " and counts in the award. Each line says how the municipality will check it; the supplier's word alone is"
        " no evidence (GDPR art. 28(1): only processors providing sufficient guarantees).",
    ),
    "report.procurement_after": T(
        "Het project is voorbij het beslismoment aanbesteding: de systemen zijn ingekocht. De tabel met"
        " systeemeisen hierboven laat zien wat elk systeem aantoonbaar biedt; ‘pbd todo --procurement SYSTEEM’"
        " geeft het programma van eisen voor een herziening van het contract of een nieuwe aanbesteding.",
        "The project is past the tender gate: the systems have been bought. The table of system requirements above"
        " shows what each system demonstrably offers; ‘pbd todo --procurement SYSTEM’ gives the requirements for a"
        " revision of the contract or a new tender.",
    ),
    "report.procurement_none": T(
        "Aan geen systeem worden systeemeisen gesteld: geen systeem verwerkt persoonsgegevens, of de beschrijving"
        " noemt nog geen systemen.",
        "No system requirement is set for any system: no system processes personal data, or the description names"
        " no systems yet.",
    ),
    "report.procurement_counts": T("{must} eisen en {should} wensen", "{must} musts and {should} shoulds"),
    "report.procurement_priority": T("Eis of wens", "Must or should"),
    "report.procurement_must": T("eis", "must"),
    "report.procurement_should": T("wens", "should"),
    "report.migration_title": T("Omgezet vanuit formaat 1", "Converted from format 1"),
    "report.migration_intro": T(
        "De projectbeschrijving is geschreven in formaat {version} en is voor dit rapport in het geheugen omgezet"
        " naar formaat 2. Hieronder staat wat is omgezet, wat is vervallen en wat formaat 1 niet kon zeggen en nog"
        " moet worden beantwoord. ‘pbd migrate’ schrijft het bestand om.",
        "The project description is written in format {version} and was converted to format 2 in memory for this"
        " report. Below is what was converted, what was dropped, and what format 1 could not say and still needs an"
        " answer. ‘pbd migrate’ rewrites the file.",
    ),
    "report.rights_access": T("Inzage", "Access"),
    "report.rights_rectification": T("Rectificatie en aanvulling", "Rectification"),
    "report.rights_erasure": T("Vergetelheid (wissen)", "Erasure"),
    "report.rights_restriction": T("Beperking", "Restriction"),
    "report.rights_portability": T("Gegevensoverdraagbaarheid", "Portability"),
    "report.rights_automated_decision": T("Geen uitsluitend geautomatiseerd besluit", "No solely automated decision"),
    "report.rights_objection": T("Bezwaar", "Objection"),
    "report.art25_intro": T(
        "Dit rapport laat per principe van het referentiekader zien welke maatregelen voor gegevensbescherming door ontwerp en door standaardinstellingen aanwezig zijn, welke tekortkomingen er zijn, en welke systeemeisen per systeem gelden. Het laatste deel kan als eisenbijlage bij een aanbesteding worden gebruikt.",
        "For each principle of the reference framework, this report shows which data protection by design and by default measures are present, which gaps remain, and which system requirements apply to each system. The last part can serve as a requirements annex in a tender.",
    ),
    "report.present": T("Aanwezige maatregelen (voldaan)", "Measures present (met)"),
    "report.gaps": T("Tekortkomingen en open vragen", "Gaps and open questions"),
    "report.no_gaps": T("Geen tekortkomingen of open vragen.", "No gaps or open questions."),
    "report.none_present": T("Nog geen maatregelen aangetoond.", "No measures demonstrated yet."),
    "report.system_requirements": T("Systeemeisen per systeem", "System requirements per system"),
    "report.se_intro": T(
        "De systeemeisen die gelden via de van toepassing zijnde criteria, getoetst aan de functionaliteiten die het systeem opgeeft.",
        "The system requirements that apply through the applicable criteria, checked against the capabilities the system declares.",
    ),
    "report.requirement": T("Eis", "Requirement"),
    "report.capability": T("Functionaliteit", "Capability"),
    "report.verification": T("Toetsing", "Verification"),
    "report.status": T("Status", "Status"),
    "report.met": T("aanwezig", "present"),
    "report.missing": T("ontbreekt", "missing"),
    "report.not_declared": T("niet opgegeven", "not declared"),
    "report.no_systems": T("De beschrijving noemt (nog) geen systemen.", "The description lists no systems (yet)."),
    "report.norms": T("Normenkaders", "Norm frameworks"),
    "report.likelihood_axis": T("Kans", "Likelihood"),
    "report.impact_axis": T("Impact", "Impact"),
    # --- web dossier: the questionnaire and the live panel (pbd/web/questionnaire.py) --------------
    "web.q.title": T("Vragenlijst", "Questionnaire"),
    "web.q.parts": T("Onderdelen van de vragenlijst", "Parts of the questionnaire"),
    "web.q.first_pass": T("Eerste ronde: de screening", "First pass: the screening"),
    "web.q.first_pass_intro": T(
        "Deze vragen beslissen of een DPIA nodig is (art. 35 AVG, de AP-lijst en de WP248-criteria), en of er"
        " ook een DTIA, IAMA of kinderrechtentoets bij hoort, net als de Pre-scan DPIA van de Rijksoverheid."
        " Beantwoord ze eerst; daarna vraagt elk onderdeel alleen wat op grond van uw antwoorden van"
        " toepassing is. ‘Weet niet’ is geen ‘nee’: de vraag blijft open en de screening rekent er niet op.",
        "These questions decide whether a DPIA is needed (GDPR art. 35, the Dutch DPA's list and the WP248"
        " criteria), and whether a DTIA, IAMA or children's rights assessment goes with it, as the Dutch"
        " government's DPIA Pre-scan does. Answer them first; each part then asks only what applies given your"
        " answers. 'Don't know' is not 'no': the question stays open and the screening does not rely on it.",
    ),
    "web.q.section_intro": T(
        "Alleen de vragen die op grond van de antwoorden tot nu toe van toepassing zijn. Elk antwoord wordt"
        " meteen opgeslagen als nieuwe versie.",
        "Only the questions that apply given the answers so far. Every answer is saved at once as a new version.",
    ),
    "web.q.first_open": T("naar de eerste open vraag", "to the first open question"),
    "web.q.part_progress": T("({answered} van {asked})", "({answered} of {asked})"),
    "web.q.progress": T("{answered} van {asked} vragen beantwoord", "{answered} of {asked} questions answered"),
    "web.q.yes": T("Ja", "Yes"),
    "web.q.no": T("Nee", "No"),
    "web.q.unknown": T("Weet niet (nog open)", "Don't know (still open)"),
    "web.q.not_answered": T("— nog niet beantwoord —", "— not answered yet —"),
    "web.q.country_hint": T(
        "Typ de naam van het land en kies uit de lijst (of de ISO-code, zoals NL of US).",
        "Type the country's name and choose it from the list (or its ISO code, such as NL or US).",
    ),
    "web.q.lines_hint": T("Eén per regel.", "One per line."),
    "web.q.duration_hint": T(
        "Bijvoorbeeld ‘30 dagen’, ‘24 uur’ of ‘1 jaar’ (of ISO 8601: P30D).",
        "For example '30 days', '24 hours' or '1 year' (or ISO 8601: P30D).",
    ),
    "web.q.required_mark": T("verplicht", "required"),
    "web.q.help": T("Toelichting en opmerkingen", "Explanation and comments"),
    "web.q.comments": T("Opmerkingen bij deze vraag", "Comments on this question"),
    "web.q.help_ref": T("Grondslag: {ref}", "Basis: {ref}"),
    "web.q.help_when": T("Gevraagd omdat {when}.", "Asked because {when}."),
    "web.q.help_criteria": T("Deze criteria toetsen het antwoord:", "These criteria check the answer:"),
    "web.q.save": T("Opslaan", "Save"),
    "web.q.saved": T("Opgeslagen als versie {n}.", "Saved as version {n}."),
    "web.q.unchanged": T("Ongewijzigd; geen nieuwe versie.", "Unchanged; no new version."),
    "web.q.not_saved": T("Niet opgeslagen:", "Not saved:"),
    "web.q.add": T("{what} toevoegen", "Add {what}"),
    "web.q.remove": T("Verwijderen", "Remove"),
    "web.q.readonly": T(
        "U kunt dit dossier lezen maar niet wijzigen (rol: kijker).",
        "You can read this dossier but not change it (role: viewer).",
    ),
    "web.q.none": T("Geen van deze", "None of these"),
    "web.q.none_alone": T(
        "kies ‘geen van deze’ óf een of meer antwoorden, niet allebei",
        "choose 'none of these' or one or more answers, not both",
    ),
    "web.q.not_a_choice": T("kies een van de getoonde antwoorden", "choose one of the answers shown"),
    "web.q.not_a_country": T(
        "‘{text}’ is geen land; kies het land uit de lijst", "'{text}' is not a country; choose it from the list"
    ),
    "web.q.required": T(
        "dit veld is verplicht; het benoemt het onderdeel", "this field is required; it names the item"
    ),
    "web.q.stale": T(
        "dit onderdeel bestaat niet meer (iemand anders heeft het net verwijderd); laad de pagina opnieuw",
        "this item no longer exists (someone else just removed it); reload the page",
    ),
    "web.q.conflict": T(
        "intussen is versie {n} opgeslagen (door u of een ander); uw antwoord is op die versie toegepast",
        "version {n} was saved meanwhile (by you or someone else); your answer was applied to that version",
    ),
    "web.q.also.dtia": T("DTIA nodig (doorgifte buiten de EER)", "DTIA needed (transfer outside the EEA)"),
    "web.q.also.iama": T("IAMA aanbevolen (impactvol algoritme)", "IAMA recommended (impactful algorithm)"),
    "web.q.also.fria": T("FRIA verplicht (art. 27 AI-verordening)", "FRIA mandatory (AI Act art. 27)"),
    "web.q.also.kia": T(
        "Kinderrechtentoets aanbevolen (dienst voor minderjarigen)",
        "Children's rights assessment recommended (service aimed at minors)",
    ),
    "web.q.panel": T("Stand van het dossier", "State of the dossier"),
    "web.q.panel_version": T("Na versie {n}", "After version {n}"),
    "web.q.panel_reasons": T("Waarom", "Why"),
    "web.q.panel_deciding": T("Nog te beantwoorden voor de screening", "Still to answer for the screening"),
    "web.q.panel_sections": T("Tekortkomingen en open vragen per onderdeel", "Gaps and open questions per part"),
    "web.q.n_gaps_one": T("1 tekortkoming", "1 gap"),
    "web.q.n_gaps": T("{n} tekortkomingen", "{n} gaps"),
    "web.q.n_open_one": T("1 open vraag", "1 open question"),
    "web.q.n_open": T("{n} open vragen", "{n} open questions"),
    "web.q.panel_none": T("Geen tekortkomingen of open vragen.", "No gaps or open questions."),
    "web.q.panel_todo": T("Te doen vóór beslismoment ‘{gate}’", "To do before decision gate '{gate}'"),
    "web.q.panel_todo_none": T("Niets meer te doen vóór dit beslismoment.", "Nothing left to do before this gate."),
    "web.q.panel_later": T("Daarna: {gate} ({n})", "After that: {gate} ({n})"),
    "web.q.panel_more": T("en nog {n}", "and {n} more"),
    "web.q.overdue": T("te laat", "overdue"),
    "web.q.gap": T("tekortkoming", "gap"),
    "web.q.open": T("open vraag", "open question"),
    # --- web dossier (pbd serve): pbd/web/ -------------------------------------------------------
    "web.app.name": T("Webdossier", "Web dossier"),
    "web.footer": T(
        "pbd toetst de beschrijving aan de Privacy by Design-criteria en systeemeisen; het oordeel en de verantwoordelijkheid blijven bij de verwerkingsverantwoordelijke (AVG art. 5(2), 24).",
        "pbd checks the description against the Privacy by Design criteria and system requirements; the judgement and the responsibility stay with the controller (GDPR art. 5(2), 24).",
    ),
    "web.nav.skip": T("Naar de inhoud", "Skip to content"),
    "web.nav.label": T("Hoofdmenu", "Main menu"),
    "web.nav.dossiers": T("Dossiers", "Dossiers"),
    "web.nav.new": T("Nieuw dossier", "New dossier"),
    "web.nav.other_lang": T("English", "Nederlands"),
    "web.nav.logout": T("Afmelden ({user})", "Log out ({user})"),
    "web.problem": T("Let op:", "Note:"),
    "web.problems.heading": T("Dit kon niet worden opgeslagen", "This could not be saved"),
    "web.form.required": T("verplicht", "required"),
    "web.error.403": T(
        "Uw rol in dit dossier staat dit niet toe. Vraag de eigenaar van het dossier om een andere rol.",
        "Your role in this dossier does not allow this. Ask the dossier's owner for another role.",
    ),
    "web.error.404": T(
        "Deze pagina bestaat niet, of u bent geen lid van dit dossier.",
        "This page does not exist, or you are not a member of this dossier.",
    ),
    "web.profile_error.title": T(
        "Het gemeentelijk profiel kan niet worden gebruikt", "The municipal profile cannot be used"
    ),
    "web.profile_error.lead": T(
        "Dossiers van uw organisatie worden beoordeeld met het gemeentelijk profiel (het eigen beleid van de "
        "gemeente). Dat profiel is niet bruikbaar, dus er is nu niets beoordeeld: een oordeel zonder het profiel "
        "zou er uitzien als dat van de gemeente en toch ander beleid volgen. Geef de melding hieronder door aan "
        "de beheerder van de installatie.",
        "Dossiers of your organisation are judged with the municipal profile (the municipality's own policy). "
        "That profile cannot be used, so nothing has been judged now: a judgement without it would look like "
        "the municipality's and follow other policy. Pass the message below to the installation's administrator.",
    ),
    "web.login.title": T("Aanmelden", "Log in"),
    "web.login.username": T("Gebruikersnaam of e-mailadres", "User name or email address"),
    "web.login.password": T("Wachtwoord", "Password"),
    "web.login.submit": T("Aanmelden", "Log in"),
    "web.login.failed": T(
        "Gebruikersnaam of wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
        "The user name or password is not correct. Check both and try again.",
    ),
    "web.login.throttled": T(
        "Te veel mislukte pogingen voor deze gebruikersnaam vanaf dit adres. Probeer het over {minutes} minuten opnieuw, of vraag de beheerder een nieuw wachtwoord.",
        "Too many failed attempts for this user name from this address. Try again in {minutes} minutes, or ask the administrator for a new password.",
    ),
    "web.login.oidc": T("Inloggen met {provider}", "Log in with {provider}"),
    "web.login.local": T("Of meld u aan met een account van deze server", "Or log in with an account of this server"),
    "web.oidc.no_organisation": T(
        "U bent niet aangemeld: uw account bij {provider} zegt niet bij welke organisatie u hoort (claim {claim}). Vraag de beheerder van {provider} om die in te vullen.",
        "You are not logged in: your account at {provider} does not say which organisation you belong to (claim {claim}). Ask the administrator of {provider} to fill it in.",
    ),
    "web.oidc.unknown_organisation": T(
        "U bent niet aangemeld: uw account bij {provider} hoort bij organisatie '{value}', en die kent deze server niet. Vraag de beheerder van pbd om de organisatie aan te maken of te koppelen (pbd tenant create, PBD_OIDC_ORG_MAP), of de beheerder van {provider} om de juiste organisatie in te vullen.",
        "You are not logged in: your account at {provider} belongs to organisation '{value}', which this server does not know. Ask the pbd administrator to create or link it (pbd tenant create, PBD_OIDC_ORG_MAP), or the administrator of {provider} to fill in the right organisation.",
    ),
    "web.oidc.organisation_changed": T(
        "U bent niet aangemeld: uw account hoort hier bij een andere organisatie dan '{value}', die {provider} nu noemt. Een account verhuist niet vanzelf tussen organisaties: vraag de beheerder van pbd.",
        "You are not logged in: your account here belongs to another organisation than '{value}', which {provider} now names. An account does not move between organisations by itself: ask the pbd administrator.",
    ),
    "web.oidc.inactive": T(
        "U bent niet aangemeld: uw account op deze server is uitgeschakeld. Vraag de beheerder van pbd.",
        "You are not logged in: your account on this server is disabled. Ask the pbd administrator.",
    ),
    "web.oidc.invalid": T(
        "U bent niet aangemeld: het antwoord van {provider} hoort niet bij deze aanmelding of is niet echt (state, nonce of handtekening klopt niet). Begin opnieuw bij de aanmeldpagina.",
        "You are not logged in: the answer from {provider} does not belong to this login or is not genuine (state, nonce or signature does not match). Start again at the login page.",
    ),
    "web.oidc.provider": T(
        "U bent niet aangemeld: {provider} gaf geen geldig antwoord op de aanvraag van deze server. Probeer het opnieuw; blijft het mislukken, meld het dan de beheerder.",
        "You are not logged in: {provider} did not answer this server's request validly. Try again; if it keeps failing, tell the administrator.",
    ),
    "web.oidc.failed": T(
        "U bent niet aangemeld bij {provider}: de aanmelding is afgebroken of geweigerd. Begin opnieuw bij de aanmeldpagina.",
        "You are not logged in with {provider}: the login was cancelled or refused. Start again at the login page.",
    ),
    "web.list.title": T("Mijn dossiers", "My dossiers"),
    "web.list.dossier": T("Dossier", "Dossier"),
    "web.list.version": T("Versie", "Version"),
    "web.list.changed": T("Laatst gewijzigd", "Last changed"),
    "web.list.empty": T(
        "U bent nog geen lid van een dossier. Maak een nieuw dossier aan, of vraag de eigenaar van een bestaand dossier u toe te voegen.",
        "You are not a member of any dossier yet. Create a new dossier, or ask the owner of an existing one to add you.",
    ),
    "web.new.heading": T("Nieuw dossier", "New dossier"),
    "web.new.intro": T(
        "Eén dossier per project. Begin leeg met alleen een naam, of upload een bestaande projectbeschrijving (YAML of JSON) of een export van de Invulhulp (Pre-scan of DPIA).",
        "One dossier per project. Start empty with only a name, or upload an existing project description (YAML or JSON) or an export of the Invulhulp (Pre-scan or DPIA).",
    ),
    "web.new.title": T("Naam van het project", "Name of the project"),
    "web.new.title_help": T(
        "Bijvoorbeeld 'Drukte meten Stratumseind'. Bij een upload mag dit leeg blijven: dan geldt de naam uit het bestand.",
        "For example 'Crowd monitoring Stratumseind'. With an upload this may stay empty: the name in the file is used.",
    ),
    "web.new.upload": T("Bestand (optioneel)", "File (optional)"),
    "web.new.upload_help": T(
        "Een projectbeschrijving (.yaml, .yml, .json) of een Invulhulp-export (.json), hoogstens 2 MB.",
        "A project description (.yaml, .yml, .json) or an Invulhulp export (.json), at most 2 MB.",
    ),
    "web.new.need_title": T(
        "Geef een naam voor het project, of upload een bestand.", "Give a name for the project, or upload a file."
    ),
    "web.new.submit": T("Dossier aanmaken", "Create dossier"),
    "web.dossier.nav": T("Dossiermenu", "Dossier menu"),
    "web.dossier.overview": T("Overzicht", "Overview"),
    "web.dossier.version_line": T(
        "Versie {number} van {date}, door {author}", "Version {number} of {date}, by {author}"
    ),
    "web.dossier.your_role": T("uw rol: {role}", "your role: {role}"),
    "web.dossier.old_version": T(
        "U bekijkt versie {number}, met het oordeel over die versie; de huidige versie is {latest}.",
        "You are viewing version {number}, with the judgement of that version; the current version is {latest}.",
    ),
    "web.dossier.to_latest": T("Naar de huidige versie", "To the current version"),
    "web.todo.choose_gate": T("Beslismoment", "Decision gate"),
    "web.todo.show": T("Toon", "Show"),
    "web.role.owner": T("eigenaar", "owner"),
    "web.role.editor": T("projectteam (bewerken)", "project team (edit)"),
    "web.role.privacy_officer": T("privacyadviseur", "privacy officer"),
    "web.role.fg": T("functionaris gegevensbescherming (FG)", "data protection officer (DPO)"),
    "web.role.viewer": T("meelezer", "viewer"),
    "web.screening.heading": T("DPIA-screening", "DPIA screening"),
    "web.screening.also": T("Ook aangewezen:", "Also indicated:"),
    "web.screening.reasons": T("Waarom", "Why"),
    "web.screening.questions": T("Nog te beantwoorden voor de screening", "Still to answer for the screening"),
    "web.screening.decisive": T("kan de uitkomst veranderen", "may change the outcome"),
    "web.todo.heading": T("Te doen vóór beslismoment {gate}", "To do before decision gate {gate}"),
    "web.todo.go": T("niets blokkeert dit beslismoment.", "nothing blocks this decision gate."),
    "web.todo.nogo": T(
        "{n} {n:punt blokkeert|punten blokkeren} dit beslismoment.",
        "{n} {n:item blocks|items block} this decision gate.",
    ),
    "web.todo.for": T("Voor:", "For:"),
    "web.todo.none": T("Niets te doen vóór dit beslismoment.", "Nothing to do before this decision gate."),
    "web.todo.later": T("Bij latere beslismomenten:", "At later decision gates:"),
    "web.findings.heading": T(
        "Bevindingen: {gaps} {gaps:tekortkoming|tekortkomingen}, {open} open {open:vraag|vragen}, {met} voldaan",
        "Findings: {gaps} {gaps:gap|gaps}, {open} open {open:question|questions}, {met} met",
    ),
    "web.findings.fix": T("Oplossing:", "Fix:"),
    "web.findings.points": T("{n} punten", "{n} points"),
    "web.findings.due": T("Uiterlijk bij beslismoment {gate}", "Due by decision gate {gate}"),
    "web.findings.none": T("Geen tekortkomingen of open vragen.", "No gaps or open questions."),
    "web.downloads.heading": T("Downloaden", "Download"),
    "web.downloads.yaml": T("Projectbeschrijving (YAML, voor pbd check)", "Project description (YAML, for pbd check)"),
    "web.downloads.json": T("Resultaat (JSON)", "Result (JSON)"),
    "web.downloads.sarif": T("Resultaat (SARIF)", "Result (SARIF)"),
    "web.downloads.dpia": T("DPIA-concept (PDF)", "DPIA draft (PDF)"),
    "web.downloads.art25": T("Art. 25-rapportage (PDF)", "Art. 25 report (PDF)"),
    # background jobs (pbd/web/jobs.py, views_jobs.py)
    "web.jobs.heading": T("Rapporten en taken", "Reports and jobs"),
    "web.jobs.make_dpia": T("DPIA-concept (PDF) aanmaken", "Make the DPIA draft (PDF)"),
    "web.jobs.make_art25": T("Art. 25-rapportage (PDF) aanmaken", "Make the art. 25 report (PDF)"),
    "web.jobs.kind.dpia_pdf": T("DPIA-concept (AVG art. 35)", "DPIA draft (GDPR art. 35)"),
    "web.jobs.kind.art25_pdf": T(
        "Art. 25-rapportage (gegevensbescherming door ontwerp)", "Art. 25 report (data protection by design)"
    ),
    "web.jobs.kind.import": T("Import van beschrijvingen", "Import of descriptions"),
    "web.jobs.kind.recheck": T(
        "Herbeoordeling met de geldende kennisbank", "Re-check under the knowledge base in force"
    ),
    "web.jobs.status.queued": T("in de wachtrij", "queued"),
    "web.jobs.status.running": T("bezig ({progress}%)", "running ({progress}%)"),
    "web.jobs.status.done": T("klaar", "done"),
    "web.jobs.status.failed": T("mislukt", "failed"),
    "web.jobs.retrying": T(
        "Poging {attempts} mislukte ({error}); de taak wordt straks opnieuw geprobeerd.",
        "Attempt {attempts} failed ({error}); the job will be tried again shortly.",
    ),
    "web.jobs.failed": T(
        "Fout: {error} Vraag het rapport opnieuw aan; blijft het mislukken, meld het dan aan de beheerder.",
        "Error: {error} Request the report again; if it keeps failing, tell the administrator.",
    ),
    "web.jobs.download": T("Downloaden", "Download"),
    "web.jobs.none": T(
        "Nog geen rapporten aangemaakt. Een rapport wordt op de achtergrond gemaakt; deze pagina toont de voortgang.",
        "No reports made yet. A report is made in the background; this page shows its progress.",
    ),
    "web.import.heading": T("Beschrijvingen importeren", "Import descriptions"),
    "web.import.intro": T(
        "Upload meerdere projectbeschrijvingen (.yaml, .yml, .json of Invulhulp-exports) of één zip-bestand "
        "(hoogstens {n} bestanden). Van elk bestand wordt op de achtergrond een dossier gemaakt, met u als eigenaar.",
        "Upload several project descriptions (.yaml, .yml, .json or Invulhulp exports) or one zip file "
        "(at most {n} files). Each file becomes a dossier, made in the background, with you as its owner.",
    ),
    "web.import.files": T("Bestanden", "Files"),
    "web.import.submit": T("Importeren", "Import"),
    "web.import.job": T("Import {n} ({date})", "Import {n} ({date})"),
    "web.import.none": T("U hebt nog niets geïmporteerd.", "You have not imported anything yet."),
    "web.recheck.heading": T("Herbeoordeling van alle dossiers", "Re-check of all dossiers"),
    "web.recheck.intro": T(
        "Na een nieuwe versie van de kennisbank (nu {kb}) beoordeelt pbd elk dossier van uw organisatie opnieuw, "
        "op de laatste versie. Het resultaat staat daarna bij elk dossier, met de versie van de kennisbank; "
        "eerdere adviezen en besluiten blijven staan.",
        "After a new release of the knowledge base (now {kb}) pbd judges every dossier of your organisation "
        "again, on its latest version. The result then shows with each dossier, with the knowledge base's "
        "version; earlier advice and decisions stay as they are.",
    ),
    "web.recheck.submit": T("Alle dossiers opnieuw beoordelen", "Re-check all dossiers"),
    "web.recheck.admin_only": T(
        "Alleen de beheerder kan een herbeoordeling starten (of: pbd tenant recheck).",
        "Only the administrator can start a re-check (or: pbd tenant recheck).",
    ),
    "web.recheck.batch": T(
        "Gestart {date}: {done} van {total} klaar, {failed} mislukt",
        "Started {date}: {done} of {total} done, {failed} failed",
    ),
    "web.recheck.none": T("Nog geen herbeoordeling gestart.", "No re-check started yet."),
    "web.signoff.heading": T("Advies FG en besluit", "DPO advice and decision"),
    "web.signoff.kind_fg_advice": T("Advies FG (AVG art. 35(2))", "DPO advice (GDPR art. 35(2))"),
    "web.signoff.kind_decision": T(
        "Besluit verwerkingsverantwoordelijke (AVG art. 24(1))", "Controller's decision (GDPR art. 24(1))"
    ),
    "web.signoff.on_version": T("op versie {number}", "on version {number}"),
    "web.signoff.current": T("geldt voor de huidige versie", "applies to the current version"),
    "web.signoff.outdated": T(
        "verouderd: de beschrijving is sindsdien gewijzigd (nu versie {number})",
        "outdated: the description has changed since (now version {number})",
    ),
    "web.signoff.pinned": T(
        "beschrijving sha256 {sha}…, kennisbank {kb}", "description sha256 {sha}…, knowledge base {kb}"
    ),
    "web.signoff.none": T("Nog geen advies of besluit vastgelegd.", "No advice or decision recorded yet."),
    "web.signoff.give_advice": T("Advies geven", "Give advice"),
    "web.signoff.give_decision": T("Besluit vastleggen", "Record the decision"),
    "web.signoff.version": T("Op versie", "On version"),
    "web.signoff.text_fg_advice": T("Samenvatting van het advies", "Summary of the advice"),
    "web.signoff.text_decision": T("Toelichting op het besluit", "Explanation of the decision"),
    "web.signoff.adopt_fg_advice": T(
        "Neem het advies op in de beschrijving (project.dpo_advice, als nieuwe versie)",
        "Write the advice into the description (project.dpo_advice, as a new version)",
    ),
    "web.signoff.adopt_decision": T(
        "Neem het besluit op in de beschrijving (project.decision, als nieuwe versie)",
        "Write the decision into the description (project.decision, as a new version)",
    ),
    "web.signoff.outcome": T("Uitkomst", "Outcome"),
    "web.signoff.submit_advice": T("Advies ondertekenen", "Sign the advice"),
    "web.signoff.submit_decision": T("Besluit vastleggen", "Record the decision"),
    "web.decision.go": T("Doorgaan", "Go"),
    "web.decision.go_with_conditions": T("Doorgaan onder voorwaarden", "Go with conditions"),
    "web.decision.no_go": T("Niet doorgaan", "No go"),
    "web.versions.heading": T("Versies", "Versions"),
    "web.versions.all": T("Alle versies en verschillen", "All versions and differences"),
    "web.upload.label": T(
        "Nieuwe versie uit een bestand (.yaml, .yml, .json)", "New version from a file (.yaml, .yml, .json)"
    ),
    "web.upload.submit": T("Uploaden als nieuwe versie", "Upload as a new version"),
    "web.upload.none": T("Kies een bestand om te uploaden.", "Choose a file to upload."),
    "web.comments.heading": T("Opmerkingen bij het dossier", "Comments on the dossier"),
    "web.comments.show": T("Opmerkingen bij deze bevinding", "Comments on this finding"),
    "web.comments.text": T("Opmerking", "Comment"),
    "web.comments.submit": T("Opmerking plaatsen", "Post comment"),
    "web.comments.reply": T("Antwoord", "Reply"),
    "web.comments.reply_submit": T("Antwoord plaatsen", "Post reply"),
    "web.comments.resolve": T("Afgehandeld", "Resolve"),
    "web.comments.reopen": T("Heropenen", "Reopen"),
    "web.comments.resolved": T("afgehandeld", "resolved"),
    "web.comments.none": T("Nog geen opmerkingen.", "No comments yet."),
    "web.comments.by": T("Opmerking van {author}", "Comment by {author}"),
    "web.members.title": T("Leden en rollen", "Members and roles"),
    "web.members.intro": T(
        "Wie het dossier mag zien en wat zij mogen doen. Alleen de FG kan advies ondertekenen; een meelezer kan niets wijzigen. Elke wijziging komt in het auditlogboek.",
        "Who may see the dossier and what they may do. Only the DPO can sign advice; a viewer cannot change anything. Every change is recorded in the audit log.",
    ),
    "web.members.username": T("Gebruikersnaam", "User name"),
    "web.members.role": T("Rol", "Role"),
    "web.members.actions": T("Acties", "Actions"),
    "web.members.add": T("Lid toevoegen of rol wijzigen", "Add a member or change a role"),
    "web.members.submit": T("Opslaan", "Save"),
    "web.members.remove": T("{user} verwijderen", "Remove {user}"),
    "web.members.no_user": T(
        "Er is geen account '{user}'. Laat de beheerder het account eerst aanmaken.",
        "There is no account '{user}'. Ask the administrator to create it first.",
    ),
    "web.members.last_owner": T(
        "Het dossier moet een eigenaar houden. Maak eerst iemand anders eigenaar.",
        "The dossier must keep an owner. Make someone else owner first.",
    ),
    "web.history.title": T("Geschiedenis", "History"),
    "web.history.from": T("Van versie", "From version"),
    "web.history.to": T("naar versie", "to version"),
    "web.history.compare": T("Vergelijken", "Compare"),
    "web.history.diff": T(
        "Verschillen van versie {a} naar {b}: {n} {n:veld|velden}",
        "Differences from version {a} to {b}: {n} {n:field|fields}",
    ),
    "web.history.field": T("Veld", "Field"),
    "web.history.change": T("Wijziging", "Change"),
    "web.history.added": T("toegevoegd", "added"),
    "web.history.removed": T("verwijderd", "removed"),
    "web.history.changed": T("gewijzigd", "changed"),
    "web.history.same": T("Geen verschillen in de inhoud.", "No differences in content."),
    "web.history.when": T("Wanneer", "When"),
    "web.history.who": T("Wie", "Who"),
    "web.history.note": T("Toelichting", "Note"),
    "web.history.restore": T("Versie {number} terugzetten", "Restore version {number}"),
    "web.history.restored_from": T("teruggezet van versie {number}", "restored from version {number}"),
    "web.audit.title": T("Auditlogboek", "Audit log"),
    "web.audit.intro": T(
        "Wie wat deed in dit dossier: versies, rolwijzigingen, ondertekeningen en downloads (AVG art. 5(2), verantwoordingsplicht). Het logboek kan niet worden gewijzigd.",
        "Who did what in this dossier: versions, role changes, sign-offs and downloads (GDPR art. 5(2), accountability). The log cannot be changed.",
    ),
    "web.audit.event": T("Gebeurtenis", "Event"),
    "web.audit.detail": T("Details", "Details"),
    "web.audit.none": T("Nog niets vastgelegd.", "Nothing recorded yet."),
    "web.audit.intro_all": T(
        "Alle gebeurtenissen van de organisatie: aanmeldingen (ook mislukte), accounts en de gebeurtenissen van elk dossier (AVG art. 5(2), 32). Het logboek kan niet worden gewijzigd.",
        "Every event of the organisation: logins (failed ones too), accounts and every dossier's events (GDPR art. 5(2), 32). The log cannot be changed.",
    ),
    "web.audit.login": T("aangemeld", "logged in"),
    "web.audit.login_failed": T("aanmelden mislukt", "login failed"),
    "web.audit.logout": T("afgemeld", "logged out"),
    "web.audit.role_change": T("rol gewijzigd", "role changed"),
    "web.audit.sign_off": T("ondertekend", "signed"),
    "web.audit.download": T("gedownload", "downloaded"),
    "web.audit.version": T("nieuwe versie", "new version"),
    "web.audit.dossier_created": T("dossier aangemaakt", "dossier created"),
    "web.audit.admin_created": T("beheerder aangemaakt", "administrator created"),
    "web.account.title": T("Wachtwoord wijzigen", "Change password"),
    "web.account.old_password": T("Huidig wachtwoord", "Current password"),
    "web.account.new_password": T("Nieuw wachtwoord", "New password"),
    "web.account.new_password_again": T("Nieuw wachtwoord (nogmaals)", "New password (again)"),
    "web.account.password_rules": T(
        "Minstens 12 tekens, niet alleen cijfers, geen veelgebruikt wachtwoord en niet lijkend op uw naam.",
        "At least 12 characters, not only digits, not a common password and not like your name.",
    ),
    "web.users.title": T("Accounts", "Accounts"),
    "web.users.add": T("Account aanmaken", "Create an account"),
    "web.users.submit": T("Account aanmaken", "Create account"),
    "web.users.username_help": T(
        "Bij voorkeur het e-mailadres van de medewerker.", "Preferably the employee's email address."
    ),
    "web.users.email": T("E-mailadres", "Email address"),
    "web.users.name": T("Naam", "Name"),
    "web.users.admin": T("beheerder", "administrator"),
    "web.users.exists": T("Dit account bestaat al.", "This account already exists."),
    "web.users.reset": T("Nieuw eenmalig wachtwoord voor {user}", "New one-time password for {user}"),
    "web.users.password_once": T(
        "Eenmalig wachtwoord voor {user}. Het wordt maar één keer getoond: geef het veilig door; de gebruiker wijzigt het na het aanmelden.",
        "One-time password for {user}. It is shown only once: pass it on securely; the user changes it after logging in.",
    ),
    # organisation-level rights (pbd/web/rights.py): who may be FG or privacy officer in a dossier
    "web.right.admin": T("beheerder", "administrator"),
    "web.right.fg": T("FG", "DPO"),
    "web.right.privacy_officer": T("privacyadviseur", "privacy officer"),
    "web.users.rights": T("Rechten", "Rights"),
    "web.users.rights_help": T(
        "FG: de door de organisatie aangewezen functionaris gegevensbescherming (AVG art. 37); alleen wie dit recht "
        "heeft, kan in een dossier de rol FG krijgen en advies ondertekenen (AVG art. 35 lid 2). Privacyadviseur: kan "
        "in een dossier de rol privacyadviseur krijgen. Elke wijziging komt in het auditlogboek.",
        "DPO: the data protection officer the organisation designated (GDPR art. 37); only who holds this right can "
        "be given the DPO role in a dossier and sign advice (GDPR art. 35(2)). Privacy officer: can be given the "
        "privacy officer role in a dossier. Every change is recorded in the audit log.",
    ),
    "web.users.rights_save": T("Rechten van {user} opslaan", "Save the rights of {user}"),
    "web.users.rights_saved": T("De rechten van {user} zijn opgeslagen.", "The rights of {user} have been saved."),
    "web.users.provider": T("via {provider}", "via {provider}"),
    "web.users.provider_rights": T(
        "Uit de rollen bij {provider}; wijzig ze daar.", "From the roles at {provider}; change them there."
    ),
    "web.users.provider_password": T(
        "{user} meldt zich aan via {provider}. Een lokaal wachtwoord zou om de identiteitsprovider heen gaan "
        "(wie daar wordt geblokkeerd, kwam hier dan toch binnen) en wordt daarom niet gegeven. Wachtwoord en "
        "toegang regelt u bij {provider}.",
        "{user} logs in through {provider}. A local password would go around the identity provider (someone "
        "blocked there would still get in here), so none is given. Password and access are managed at {provider}.",
    ),
    "web.users.provider_rights_refused": T(
        "De rechten van {user} komen uit de rollen bij {provider} en worden bij elke aanmelding daarvandaan "
        "overgenomen; een wijziging hier zou niet blijven. Wijzig de rol bij {provider}.",
        "The rights of {user} come from the roles at {provider} and are taken from there at every login; a change "
        "here would not last. Change the role at {provider}.",
    ),
    "web.users.identity_provider": T("de identiteitsprovider", "the identity provider"),
    "web.members.needs_right": T(
        "{user} kan in dit dossier niet de rol {role} krijgen: het account heeft dat recht van de organisatie niet. "
        "De organisatie wijst de FG aan (AVG art. 37), niet de eigenaar van een dossier. Vraag de beheerder het "
        "recht toe te kennen op de pagina Accounts, of bij aanmelding via de identiteitsprovider: de rol daar.",
        "{user} cannot be given the role {role} in this dossier: the account does not hold that right of the "
        "organisation. The organisation designates the DPO (GDPR art. 37), not a dossier's owner. Ask the "
        "administrator to grant the right on the Accounts page or, for a login through the identity provider, "
        "the role there.",
    ),
    "web.account.provider": T(
        "U meldt zich aan via {provider}; uw wachtwoord wijzigt u daar. pbd bewaart geen wachtwoord voor dit account.",
        "You log in through {provider}; change your password there. pbd keeps no password for this account.",
    ),
    "web.members.lacks_right.fg": T(
        "heeft het recht FG van de organisatie niet (meer): kan geen advies ondertekenen",
        "does not (or no longer) hold the organisation's DPO right: cannot sign advice",
    ),
    "web.members.lacks_right.privacy_officer": T(
        "heeft het recht privacyadviseur van de organisatie niet (meer)",
        "does not (or no longer) hold the organisation's privacy officer right",
    ),
    "web.signoff.no_fg_right_page": T(
        "U bent FG in dit dossier, maar uw account heeft het recht FG van de organisatie niet (meer). Advies "
        "ondertekenen kan alleen de aangewezen FG (AVG art. 35 lid 2, art. 37): vraag de beheerder het recht toe "
        "te kennen, of bij aanmelding via de identiteitsprovider de rol daar.",
        "You are the DPO in this dossier, but your account does not (or no longer) hold the organisation's DPO "
        "right. Only the designated DPO can sign advice (GDPR art. 35(2), art. 37): ask the administrator to grant "
        "the right or, for a login through the identity provider, the role there.",
    ),
    "web.signoff.no_fg_right": T(
        "U bent FG in dit dossier, maar uw account heeft het recht FG van de organisatie niet meer. Alleen de "
        "aangewezen FG geeft advies (AVG art. 35 lid 2, art. 37); er is niets ondertekend. Vraag de beheerder "
        "(of de beheerder van de identiteitsprovider) of het recht terecht is ingetrokken.",
        "You are the DPO in this dossier, but your account no longer holds the organisation's DPO right. Only the "
        "designated DPO gives advice (GDPR art. 35(2), art. 37); nothing was signed. Ask the administrator (or the "
        "identity provider's administrator) whether the right was withdrawn on purpose.",
    ),
}

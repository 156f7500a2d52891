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


def t(lang: str, msg_id: str, /, **args: object) -> str:
    """The text of ``msg_id`` in ``lang`` with its placeholders filled; an unknown id is a bug (KeyError)."""
    text = CATALOGUE[msg_id].get(lang)
    return text.format(**args) if args else text


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
    "waiver.incomplete": T("onvolledig: {missing} ontbreekt", "incomplete: {missing} missing"),
    "waiver.expired": T("verlopen op {date}", "expired on {date}"),
    "waiver.unused": T("dekt geen tekortkoming (niets om te accepteren)", "covers no gap (nothing to accept)"),
    "word.yes": T("ja", "yes"),
    "word.no": T("nee", "no"),
    "finding.not_applicable": T("niet van toepassing op dit onderdeel", "does not apply here"),
    # --- pbd check: text -------------------------------------------------------------------------
    "text.screening": T("Screening: {outcome}", "Screening: {outcome}"),
    "text.ap": T("AP-lijst: {names}", "AP list: {names}"),
    "text.edpb": T("EDPB-criteria: {names}", "EDPB criteria: {names}"),
    "text.art35_3": T("AVG 35(3): {letters}", "GDPR 35(3): {letters}"),
    "text.also": T("Ook aangewezen: {names}", "Also indicated: {names}"),
    "text.go": T("Beslismoment {gate}: GO — niets blokkeert", "Decision gate {gate}: GO — nothing blocks"),
    "text.nogo": T(
        "Beslismoment {gate}: NO-GO — {n} punt(en) blokkeren", "Decision gate {gate}: NO-GO — {n} item(s) block"
    ),
    "text.later": T(
        "{n} punt(en) zijn pas bij een later beslismoment nodig", "{n} item(s) are due only at a later gate"
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
    "verify.cause.unexplained": T(
        "beschrijving, kennisbank en pbd zijn gelijk; het resultaatbestand is waarschijnlijk met de hand aangepast",
        "description, knowledge base and pbd are the same; the result file was probably edited by hand",
    ),
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
    "cli.migrate_nothing": T(
        "{file}: al formaatversie {version}; niets omgezet", "{file}: already format version {version}; nothing changed"
    ),
    "cli.migrated": T(
        "{file}: omgezet van versie 1 naar 2 ({n} meldingen)", "{file}: migrated from version 1 to 2 ({n} notes)"
    ),
    "cli.imported": T(
        "Geïmporteerd: {export} ({form}, {urn}) → {output}", "Imported: {export} ({form}, {urn}) → {output}"
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
        "NO-GO: {n} punt(en) moeten worden opgelost vóór het beslismoment {gate}.",
        "NO-GO: {n} item(s) must be resolved before the {gate} gate.",
    ),
    "report.decision_later": T(
        "{n} punt(en) zijn pas nodig bij een later beslismoment.", "{n} item(s) are due only at a later gate."
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
    "report.right": T("Recht", "Right"),
    "report.procedure": T("Procedure", "Procedure"),
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
    "report.n_gap_one": T("{n} tekortkoming", "{n} gap"),
    "report.n_gap_other": T("{n} tekortkomingen", "{n} gaps"),
    "report.n_open_one": T("{n} open punt", "{n} open point"),
    "report.n_open_other": T("{n} open punten", "{n} open points"),
    "report.n_met_one": T("{n} norm voldaan", "{n} norm met"),
    "report.n_met_other": T("{n} normen voldaan", "{n} norms met"),
    "report.audit_refs": T("Bijlage: vindplaatsen in de beschrijving", "Annex: places in the description"),
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
    "report.art35_3_label": T("AVG art. 35 lid 3", "GDPR art. 35(3)"),
    "report.wp248": T("Criteria WP248", "WP248 criteria"),
    "report.no_personal_data": T(
        "Volgens de beschrijving worden in deze verwerking geen persoonsgegevens verwerkt.",
        "According to the description, this processing handles no personal data.",
    ),
    "report.none_listed": T("Niets vermeld.", "Nothing listed."),
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
}

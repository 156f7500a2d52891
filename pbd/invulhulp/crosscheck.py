"""pbd's screening of an imported Pre-scan next to the Invulhulp's own verdicts, and why they differ."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA, DeclaredItem, Screening
from pbd.invulhulp.mapping import AP_OPTIONS, EDPB_OPTIONS
from pbd.invulhulp.reader import normalise
from pbd.invulhulp.rules import AssessmentOutcome, InvulhulpOutcome
from pbd.messages import pick

Json = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# pbd's screening of an imported description, and the comparison


def screening_of(description: Json) -> Screening:
    """pbd's screening of an imported description (plain JSON data), through the engine like every command.

    The screening does not depend on the evaluation date, so the date passed is immaterial.
    """
    import json

    from pbd import engine
    from pbd.description import load_text
    from pbd.knowledge_base import default_knowledge_base

    loaded = load_text(json.dumps(description, ensure_ascii=False), "<import>", json_input=True)
    return engine.check(loaded, default_knowledge_base(), engine.Options(today=dt.date(2000, 1, 1))).screening


#: The deliberate differences between the Invulhulp's Pre-scan rules and pbd's screening.
#: Every disagreement the cross-check finds is explained by one or more of these, or called
#: "unexplained" (which would be a bug in the import or in pbd).
DEVIATIONS: dict[str, tuple[str, str]] = {
    "ap_ticked": (
        "De Invulhulp neemt een aangevinkt item van de AP-lijst (vraag 3.1) over als conclusie. pbd leidt de "
        "AP-lijst af uit de feiten van de beschrijving (verzamelmethoden, soorten gegevens, schaal) en de "
        "Pre-scan legt die feiten niet vast: vul ze aan in de beschrijving.",
        "The Invulhulp takes a ticked item of the AP list (question 3.1) as a conclusion. pbd derives the AP "
        "list from the facts of the description (collection methods, kinds of data, scale), which the Pre-scan "
        "does not record: add them to the description.",
    ),
    "edpb_ticked": (
        "De Invulhulp telt een aangevinkt criterium van de EDPB-lijst (vraag 4.1) mee. pbd neemt een vinkje niet "
        "als feit over (het is de conclusie van de invuller) en leidt de WP248-criteria af uit de feiten van de "
        "beschrijving; de Pre-scan legt die feiten voor dit criterium niet (genoeg) vast: vul ze aan.",
        "The Invulhulp counts a ticked criterion of the EDPB list (question 4.1). pbd does not take a tick as a "
        "fact (it is the assessor's conclusion) and derives the WP248 criteria from the facts of the description; "
        "the Pre-scan does not record (enough of) those facts for this criterion: add them.",
    ),
    "new_legislation": (
        "De Invulhulp maakt een DPIA verplicht als het project nieuwe wet- of regelgeving betreft (vraag 0.1). Die "
        "regel is geschreven voor wetsvoorstellen van het Rijk; voor een gemeente maakt pbd er geen DPIA-grond van "
        "en beslissen de AP-lijst, de WP248-criteria en art. 35(3) AVG.",
        "The Invulhulp makes a DPIA mandatory when the project concerns new legislation (question 0.1). That rule "
        "is written for central-government bills; for a municipality pbd does not make it a DPIA ground, and the AP "
        "list, the WP248 criteria and GDPR art. 35(3) decide.",
    ),
    "items_differ": (
        "Het niveau is gelijk, maar de punten niet: de Invulhulp en pbd komen langs andere items van de AP-lijst of "
        "de WP248-criteria tot dezelfde uitkomst. Zie de vergelijking per item.",
        "The level is the same, but the points are not: the Invulhulp and pbd reach the same outcome through "
        "different items of the AP list or the WP248 criteria. See the item-by-item comparison.",
    ),
    "risk_score": (
        "De Invulhulp maakt een DPIA ook verplicht als de som van haar risicoscores groter is dan 4. pbd kent "
        "geen puntentelling en beslist op de AP-lijst, de WP248-criteria, art. 35(3) AVG en nieuwe regelgeving.",
        "The Invulhulp also makes a DPIA mandatory when the sum of its risk scores exceeds 4. pbd has no point "
        "system and decides on the AP list, the WP248 criteria, GDPR art. 35(3) and new legislation.",
    ),
    "derived_not_ticked": (
        "pbd leidt deze items af uit de antwoorden van de Pre-scan zelf (soorten gegevens, betrokkenen, aantal "
        "betrokkenen), ook als ze niet zijn aangevinkt op de AP-lijst (3.1) of de EDPB-lijst (4.1); de Invulhulp "
        "telt alleen vinkjes.",
        "pbd derives these items from the Pre-scan's own answers (kinds of data, data subjects, number of data "
        "subjects), also when they were not ticked on the AP list (3.1) or the EDPB list (4.1); the Invulhulp "
        "counts only ticks.",
    ),
    "dtia_any_route": (
        "pbd wijst een DTIA aan bij elke opgegeven doorgifte buiten de EER (2.1.1) op een instrument van art. 46 AVG "
        "(standaardcontractbepalingen, BCR, certificering, gedragscode, een bindend instrument) of een overig mechanisme. De Invulhulp doet dat alleen als de opslag (2.1.3) of de support (2.1.4) buiten "
        "de EER plaatsvindt en telt telemetrie (2.1.5) of toegang vanuit het hoofdkantoor (2.1.2) niet mee.",
        "pbd indicates a DTIA for every declared transfer outside the EEA (2.1.1) on an art. 46 GDPR tool (standard "
        "contractual clauses, BCRs, certification, a code of conduct, a binding instrument) or another mechanism. The Invulhulp does so only when storage (2.1.3) or support (2.1.4) is outside the "
        "EEA, and ignores telemetry (2.1.5) and access from the headquarters (2.1.2).",
    ),
    "dtia_other_tools": (
        "De Invulhulp vraagt alleen een DTIA bij standaardcontractbepalingen of een overig mechanisme (2.1.6). pbd "
        "ook bij de andere instrumenten van art. 46 AVG (BCR, certificering, gedragscode, een bindend instrument): "
        "ook daarvoor moet de exporteur nagaan of het recht van het land van bestemming de bescherming niet ondermijnt.",
        "The Invulhulp asks for a DTIA only with standard contractual clauses or another mechanism (2.1.6). pbd also "
        "does so for the other art. 46 GDPR tools (BCRs, certification, a code of conduct, a binding instrument): for "
        "those too the exporter must check that the law of the destination does not undermine the protection.",
    ),
    "dtia_no_mechanism": (
        "Er is een doorgifte buiten de EER opgegeven (2.1.1) zonder doorgiftemechanisme (2.1.6). pbd wijst dan een "
        "DTIA aan, omdat niet vaststaat dat de doorgifte op een adequaatheidsbesluit rust; de Invulhulp niet.",
        "A transfer outside the EEA is declared (2.1.1) without a transfer mechanism (2.1.6). pbd then indicates a "
        "DTIA, since it is not established that the transfer rests on an adequacy decision; the Invulhulp does not.",
    ),
    "hidden_answers": (
        "De export bevat antwoorden op vragen die de Invulhulp verbergt (hun voorwaarde geldt niet). De "
        "Invulhulp rekent er toch mee; pbd neemt ze niet over, net als de Invulhulp ze zelf niet zou exporteren.",
        "The export holds answers to questions the Invulhulp hides (their condition does not hold). The "
        "Invulhulp still counts them; pbd does not import them, just as the Invulhulp itself would not export them.",
    ),
    "pbd_undetermined": (
        "pbd stelt de DPIA-plicht nog niet vast: een regel die een DPIA verplicht kan maken, hangt af van een "
        "feit dat de Pre-scan niet vraagt of dat niet is beantwoord. `pbd screen` noemt de vragen die het beslissen; "
        "vul die aan in de beschrijving. De Invulhulp rekent een onbeantwoorde vraag als 'nee'.",
        "pbd does not settle the DPIA duty yet: a rule that can make a DPIA mandatory depends on a fact the "
        "Pre-scan does not ask or that was not answered. `pbd screen` lists the questions that decide it; add them "
        "to the description. The Invulhulp counts an unanswered question as 'no'.",
    ),
    "iama_from_facts": (
        "pbd wijst een IAMA aan omdat de beschrijving een impactvol algoritme of geautomatiseerde besluitvorming "
        "laat zien, ook als dat uit een ander antwoord komt (zoals de EDPB-lijst, 4.1). De Invulhulp kijkt voor de "
        "IAMA alleen naar haar eigen vragen 6.1.",
        "pbd indicates an IAMA because the description shows an impactful algorithm or automated decision-making, "
        "also when that comes from another answer (such as the EDPB list, 4.1). For the IAMA the Invulhulp looks only "
        "at its own questions 6.1.",
    ),
    "unexplained": (
        "Dit verschil is niet verklaard; het is een fout in de import of in pbd. Meld het, met de export.",
        "This difference is not explained; it is a bug in the import or in pbd. Please report it with the export.",
    ),
}

_RANK = {None: 0, "recommended": 1, "required": 2}
#: pbd's DPIA outcome on the Invulhulp's scale. Two or more WP248 criteria make a DPIA required for
#: the Invulhulp too (its rule edpblist2); "undetermined" has no place on that scale and stays itself.
_PBD_DPIA: dict[str, str | None] = {
    "mandatory": "required",
    "mandatory_unless_argued": "required",
    "recommended": "recommended",
    "not_needed": None,
    "undetermined": "undetermined",
}
#: the Pre-scan's 2.1.6 options for which pbd asks a DTIA: every art. 46 tool, and "another mechanism"
#: the 2.1.6 options for which the Invulhulp itself asks a DTIA (its criterion "mechanisme")
_INVULHULP_DTIA_TOOLS = ("Standaard contractsbepaling (SCC)", "Overig mechanisme")
_SCC_OR_OTHER = (
    "Standaard contractsbepaling (SCC)",
    "binding corporate rules/bindend bedrijfsvoorschrift (bcr)",
    "Goedgekeurde certificeringsmechanisme",
    "Goedgekeurde gedragscode",
    "Juridisch bindend en afdwingbaar instrument",
    "Overig mechanisme",
)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The Invulhulp's verdict and pbd's on one assessment; where they differ, the deviations that explain it."""

    assessment: str  # DPIA | DTIA | KIA | IAMA
    invulhulp: str | None  # required | recommended | None
    pbd: str | None
    reasons: tuple[str, ...]  # keys of DEVIATIONS
    details: tuple[str, ...]  # the items concerned (AP/EDPB items, question ids)
    items_agree: bool = True  # DPIA: the declared and derived AP/WP248 items are the same, too

    @property
    def agree(self) -> bool:
        """The same level *and*, for the DPIA, the same AP/WP248 items."""
        return self.invulhulp == self.pbd and self.items_agree

    @property
    def level_agrees(self) -> bool:
        return self.invulhulp == self.pbd


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One AP type or WP248 criterion: the Invulhulp's tick beside pbd's derived hit, and why they differ."""

    framework: str  # AP | EDPB
    item: int
    name_nl: str
    name_en: str
    declared: bool
    derived: str  # yes | no | unknown
    agrees: bool
    reason_nl: str
    reason_en: str

    def as_dict(self, lang: str) -> Json:
        return {
            "framework": self.framework,
            "item": self.item,
            "name": pick(lang, self.name_nl, self.name_en),
            "declared": self.declared,
            "derived": self.derived,
            "agrees": self.agrees,
            "reason": pick(lang, self.reason_nl, self.reason_en),
        }


def item_rows(screening: Screening) -> list[ItemRow]:
    """The declared (ticked) and derived AP/WP248 items side by side, from the screening's own comparison.

    Every item that is ticked, derived, or both has a row; the reason comes from the screening
    (which facts give it, or which answer is missing). Needs ``project.screening_declared``.
    """

    def row(d: DeclaredItem) -> ItemRow:
        names = (AP_TYPES if d.framework == "AP" else EDPB_CRITERIA)[d.item]
        return ItemRow(
            d.framework, d.item, names[0], names[1], d.declared, d.derived, d.agrees, d.reason_nl, d.reason_en
        )

    return [row(d) for d in screening.declared]


def pbd_levels(s: Screening) -> dict[str, str | None]:
    """pbd's screening on the Invulhulp's scale."""
    open_frameworks = {q.framework for q in s.questions}

    def level(indicated: bool, aid: str, word: str) -> str | None:
        # not indicated, but its rule still depends on an unanswered question: undetermined, not "no"
        return word if indicated else ("undetermined" if aid in open_frameworks else None)

    return {
        "DPIA": _PBD_DPIA[s.dpia],
        "DTIA": level(s.dtia, "DTIA", "required"),
        "KIA": level(s.kia, "KIA", "recommended"),
        "IAMA": level(s.iama, "IAMA", "recommended"),
    }


def _ticked(answers: dict[str, Any], qid: str, table: dict[str, int]) -> set[int]:
    value = answers.get(qid)
    return {table[v] for v in value if v in table} if isinstance(value, list) else set()


_RELEVANT = {"DPIA": "", "DTIA": "2.1.", "KIA": "7.1.", "IAMA": "6.1."}


def cross_check(
    answers: dict[str, Any], outcome: InvulhulpOutcome, screening: Screening, hidden: frozenset[str] = frozenset()
) -> list[Comparison]:
    """Compare the Invulhulp's DPIA/DTIA/KIA/IAMA verdicts with pbd's screening of the imported description.

    ``hidden`` names the questions whose answers pbd ignored because the Invulhulp hides them.
    """
    mine = pbd_levels(screening)
    rows = item_rows(screening)
    out: list[Comparison] = []
    for aid in ("DPIA", "DTIA", "KIA", "IAMA"):
        theirs_outcome = outcome.assessments.get(aid, AssessmentOutcome(aid, None, "", ()))
        theirs, ours = theirs_outcome.level, mine[aid]
        reasons: list[str] = []
        details: list[str] = []
        if theirs != ours:
            concerned = sorted(q for q in hidden if q.startswith(_RELEVANT[aid]))
            if aid == "DPIA":
                reasons, details = _explain_dpia(answers, theirs_outcome, screening)
            elif ours == "undetermined":
                reasons = ["pbd_undetermined"] + (["hidden_answers"] if concerned else [])
                details = sorted({f"{q.framework} {q.item}" for q in screening.questions if q.framework == aid})
                details += concerned
            elif aid == "DTIA":
                reasons, details = _explain_dtia(answers, theirs, ours)
            elif aid == "IAMA" and theirs is None and ours == "recommended":
                reasons, details = ["iama_from_facts"], ["4.1", "6.1"]
            if not reasons and concerned:
                reasons, details = ["hidden_answers"], concerned
            if not reasons:
                reasons = ["unexplained"]
        items_agree = True
        if aid == "DPIA":
            differing = [r for r in rows if not r.agrees]
            items_agree = not differing
            if theirs == ours and differing:
                reasons = ["items_differ"]
                details = [f"{r.framework} {r.item}" for r in differing]
        out.append(Comparison(aid, theirs, ours, tuple(reasons), tuple(details), items_agree))
    return out


_FRAMEWORK_ORDER = {"AP": 0, "EDPB": 1, "ART35_3": 2}


def _item_order(key: tuple[str, str]) -> tuple[int, str, int, str]:
    fw, item = key
    return (_FRAMEWORK_ORDER.get(fw, 3), fw, int(item) if item.isdigit() else 0, item)


def _label(fw: str, item: str) -> str:
    """``AP 14 Internet of things``-style label (in Dutch, as the Invulhulp names them) for an AP/EDPB item."""
    names = AP_TYPES if fw == "AP" else EDPB_CRITERIA if fw == "EDPB" else None
    if names is not None and item.isdigit() and int(item) in names:
        return f"{fw} {item} {names[int(item)][0]}"
    return f"{fw} {item}"


def _explain_dpia(answers: dict[str, Any], theirs: AssessmentOutcome, s: Screening) -> tuple[list[str], list[str]]:
    reasons: list[str] = []
    details: list[str] = []
    ap_ticked = _ticked(answers, "3.1", AP_OPTIONS)
    edpb_ticked = _ticked(answers, "4.1", EDPB_OPTIONS)
    ours = _PBD_DPIA[s.dpia]
    if ours == "undetermined":
        # pbd cannot decide yet; the Invulhulp's own reasons (a ticked AP item, its score) are listed too
        open_rules = [q for q in s.questions if q.decisive] or list(s.questions)
        reasons = ["pbd_undetermined"]
        met = {cid for cid, _ in theirs.criteria}
        keys = {(q.framework, q.item) for q in open_rules}
        missing = sorted(ap_ticked - set(s.ap)) if "aplist" in met else []
        if missing:
            reasons.append("ap_ticked")
            keys |= {("AP", str(n)) for n in missing}
        missing = sorted(edpb_ticked - set(s.edpb)) if met & {"edpblist2", "edpblist1"} else []
        if missing:
            reasons.append("edpb_ticked")
            keys |= {("EDPB", str(n)) for n in missing}
        details = [_label(fw, item) for fw, item in sorted(keys, key=_item_order)]
        if "riskscore" in met:
            reasons.append("risk_score")
        if "wetgeving" in met:
            reasons.append("new_legislation")
        return reasons, details
    if _RANK[theirs.level] > _RANK[ours]:
        met = {cid for cid, _ in theirs.criteria}
        unexplained = False
        if "aplist" in met:
            missing = sorted(ap_ticked - set(s.ap))
            if missing:
                reasons.append("ap_ticked")
                details.extend(f"AP {n} {AP_TYPES[n][0]}" for n in missing)
            else:
                unexplained = True
        if "riskscore" in met:
            reasons.append("risk_score")
        if met & {"edpblist2", "edpblist1"}:
            missing = sorted(edpb_ticked - set(s.edpb))
            if missing:  # a tick is declared, never a fact: pbd derives the criterion or not
                reasons.append("edpb_ticked")
                details.extend(f"EDPB {n} {EDPB_CRITERIA[n][0]}" for n in missing)
            else:
                unexplained = True
        if "wetgeving" in met:
            reasons.append("new_legislation")  # information only for a municipality (the screening's note)
        if unexplained or not reasons:
            return [], []
        return reasons, details
    # pbd says more than the Invulhulp: items pbd derived that were not ticked
    derived = [f"AP {n} {AP_TYPES[n][0]}" for n in s.ap if n not in ap_ticked]
    derived += [f"EDPB {n} {EDPB_CRITERIA[n][0]}" for n in s.edpb if n not in edpb_ticked]
    derived += [f"AVG 35(3)({x})" for x in s.art35_3]
    if derived and not any(h.framework == "WETGEVING" for h in s.hits):
        reasons.append("derived_not_ticked")
        details.extend(derived)
    return reasons, details


def _explain_dtia(answers: dict[str, Any], theirs: str | None, ours: str | None) -> tuple[list[str], list[str]]:
    transfer = normalise(answers.get("2.1.1")) is True
    mechanism = answers.get("2.1.6")
    if theirs is None and ours == "required" and transfer:
        if mechanism is None:
            return ["dtia_no_mechanism"], ["2.1.1", "2.1.6"]
        reasons: list[str] = []
        details: list[str] = []
        if mechanism in _SCC_OR_OTHER and mechanism not in _INVULHULP_DTIA_TOOLS:
            reasons, details = ["dtia_other_tools"], ["2.1.6"]
        if mechanism in _SCC_OR_OTHER and answers.get("2.1.3") != "Buiten EER" and answers.get("2.1.4") != "Buiten EER":
            reasons.append("dtia_any_route")
            details.extend(["2.1.2", "2.1.3", "2.1.4", "2.1.5"])
        return reasons, details
    return [], []


__all__ = [
    "AP_OPTIONS",
    "DEVIATIONS",
    "EDPB_OPTIONS",
    "Comparison",
    "ItemRow",
    "cross_check",
    "item_rows",
    "pbd_levels",
    "screening_of",
]

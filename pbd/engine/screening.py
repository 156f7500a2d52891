"""DPIA screening: is a DPIA mandatory, may the controller argue otherwise, or is it not yet known — with the facts for every hit.

The screening reads the three-valued facts of :mod:`pbd.engine.facts` and runs the rule table of
:mod:`pbd.engine.screening_rules` on every processing. The outcome (:class:`DpiaOutcome`):

- ``mandatory``: an AP-list type, an art. 35(3) case or the Wpg art. 4c duty holds;
- ``mandatory_unless_argued``: two or more WP248 criteria and none of the above — a DPIA is
  required "in most cases"; the controller may conclude otherwise with recorded reasons
  (``project.dpia.not_needed_reason``, shown as :attr:`Screening.argued`);
- ``recommended``: exactly one WP248 criterion;
- ``not_needed``: every rule that could ask for a DPIA is decided "no";
- ``undetermined``: a rule that could change that outcome is still unknown, or the description
  says nothing at all; :attr:`Screening.questions` lists the questions that decide it.

Never ``not_needed`` on missing answers. The officer's own ticks (``project.screening_declared``)
are compared with the derived hits item by item (:attr:`Screening.declared`) and never become
facts. "New legislation" is information only: for a municipality it is not a DPIA trigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pbd.description.source import JsonPath, json_path
from pbd.engine.facts import Claim, Fact, Facts, Question, Tri, processing_facts, project_facts
from pbd.engine.screening_rules import RULES, Framework, Rule
from pbd.messages import pick
from pbd.vocabulary import DpiaOutcome

Json = dict[str, Any]

#: AP list (Stcrt. 2019, 64418): number -> (Dutch name, English name)
AP_TYPES: dict[int, tuple[str, str]] = {
    int(r.item): (r.name_nl, r.name_en) for r in RULES if r.framework is Framework.AP
}

#: WP248 rev.01 criteria: number -> (Dutch, English)
EDPB_CRITERIA: dict[int, tuple[str, str]] = {
    int(r.item): (r.name_nl, r.name_en) for r in RULES if r.framework is Framework.EDPB
}

#: AVG art. 35(3): letter -> (Dutch, English)
ART35_3: dict[str, tuple[str, str]] = {
    r.item: (r.name_nl, r.name_en) for r in RULES if r.framework is Framework.ART35_3
}

_ORDER = {f: i for i, f in enumerate(("WPG", "AVG35(3)", "AP", "EDPB", "DTIA", "IAMA", "FRIA", "AIACT", "KIA"))}
#: the frameworks whose rules decide whether a DPIA is needed
_DECIDING = frozenset({Framework.AP, Framework.EDPB, Framework.ART35_3, Framework.WPG})


@dataclass(frozen=True, slots=True)
class FactRef:
    """A fact a hit (or a decided "no") rests on, with the description paths it was read from."""

    name: str
    value: str  # yes | no | unknown
    paths: tuple[JsonPath, ...]
    note_nl: str = ""
    note_en: str = ""

    @staticmethod
    def of(fact: Fact) -> FactRef:
        return FactRef(fact.name, fact.value.value, fact.paths, fact.note_nl, fact.note_en)

    def as_dict(self, lang: str) -> Json:
        out: Json = {"fact": self.name, "value": self.value, "paths": [json_path(p) for p in self.paths]}
        note = pick(lang, self.note_nl, self.note_en)
        if note:
            out["note"] = note
        return out


@dataclass(frozen=True, slots=True)
class Hit:
    """One reason the screening found: which framework item, for which processing, why, and on which facts."""

    framework: str  # "AP", "EDPB", "AVG35(3)", "WPG", "DTIA", "IAMA", "FRIA", "AIACT", "KIA"
    item: str
    target: str  # processing id, or "project"
    reason_nl: str
    reason_en: str
    facts: tuple[FactRef, ...] = ()
    rule: str = ""

    def as_dict(self, lang: str) -> Json:
        return {
            "framework": self.framework,
            "item": self.item,
            "target": self.target,
            "reason": pick(lang, self.reason_nl, self.reason_en),
            "rule": self.rule,
            "facts": [f.as_dict(lang) for f in self.facts],
        }


@dataclass(frozen=True, slots=True)
class OpenRule:
    """A rule the description does not yet decide, for one target, and the questions that decide it."""

    rule: str
    framework: str
    item: str
    target: str
    name_nl: str
    name_en: str
    questions: tuple[Question, ...]
    decisive: bool  # answering could change the DPIA outcome

    def as_dict(self, lang: str) -> Json:
        return {
            "rule": self.rule,
            "framework": self.framework,
            "item": self.item,
            "target": self.target,
            "name": pick(lang, self.name_nl, self.name_en),
            "decisive": self.decisive,
            "questions": [{"path": json_path(q.path), "question": pick(lang, q.nl, q.en)} for q in self.questions],
        }


@dataclass(frozen=True, slots=True)
class DeclaredItem:
    """One AP type or WP248 criterion: what the officer ticked beside what the facts give, and why they differ."""

    framework: str  # AP | EDPB
    item: int
    declared: bool
    derived: str  # yes | no | unknown
    reason_nl: str
    reason_en: str

    @property
    def agrees(self) -> bool:
        return self.declared == (self.derived == "yes") and self.derived != "unknown"

    def as_dict(self, lang: str) -> Json:
        return {
            "framework": self.framework,
            "item": self.item,
            "declared": self.declared,
            "derived": self.derived,
            "agrees": self.agrees,
            "reason": pick(lang, self.reason_nl, self.reason_en),
        }


@dataclass(frozen=True, slots=True)
class Note:
    """Information the screening gives that is not a hit (new legislation, a supplier abroad)."""

    target: str
    paths: tuple[JsonPath, ...]
    nl: str
    en: str

    def as_dict(self, lang: str) -> Json:
        return {
            "target": self.target,
            "paths": [json_path(p) for p in self.paths],
            "note": pick(lang, self.nl, self.en),
        }


@dataclass(frozen=True, slots=True)
class Screening:
    """The outcome: DPIA mandatory / unless argued / recommended / not needed / undetermined, and DTIA/IAMA/FRIA/KIA."""

    dpia: str  # a DpiaOutcome value
    ap: tuple[int, ...]
    edpb: tuple[int, ...]
    art35_3: tuple[str, ...]
    dtia: bool
    iama: bool
    kia: bool
    hits: tuple[Hit, ...] = field(default=())
    fria: bool = False
    wpg: tuple[str, ...] = ()  # processings under the Wet politiegegevens (Wpg art. 4c DPIA duty)
    questions: tuple[OpenRule, ...] = ()
    declared: tuple[DeclaredItem, ...] = ()
    declared_source: str | None = None
    claims: tuple[Claim, ...] = ()
    argued: str | None = None  # the controller's recorded reason not to do a DPIA (mandatory_unless_argued)
    #: the description already records a DPIA done or a reason why none is needed (the advice to record one is moot)
    dpia_recorded: bool = False
    notes: tuple[Note, ...] = ()

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
            "fria": self.fria,
            "wpg": list(self.wpg),
            "undetermined": sorted({f"{q.rule}" for q in self.questions}),
            "declared_differs": [f"{d.framework} {d.item}" for d in self.declared if not d.agrees],
            "claims": sorted({json_path(c.path) for c in self.claims}),
            "argued": self.argued is not None,
        }

    def as_dict(self, lang: str) -> Json:
        return {
            **self.view(),
            "reasons": [h.as_dict(lang) for h in self.hits],
            "questions": [q.as_dict(lang) for q in self.questions],
            "declared": {
                "source": self.declared_source,
                "items": [d.as_dict(lang) for d in self.declared],
            },
            "claims": [c.as_dict(lang) for c in self.claims],
            "argued": self.argued,
            "notes": [n.as_dict(lang) for n in self.notes],
        }


@dataclass(frozen=True, slots=True)
class _Result:
    rule: Rule
    target: str
    value: Tri
    support: tuple[Fact, ...]
    questions: tuple[Question, ...]


def screen(description: Json) -> Screening:
    """Screen a description (plain JSON data): the facts are derived here, not taken from the criteria's views."""
    processings: list[Json] = description.get("processings", [])
    per_processing = [processing_facts(p, i, description) for i, p in enumerate(processings)]
    project = project_facts(description)

    results = _evaluate(per_processing, project)
    wpg = [x.target for x in results if x.rule.framework is Framework.WPG and x.value is Tri.YES]

    hits = [_hit(x) for x in results if x.value is Tri.YES]
    hits.sort(key=lambda h: (_ORDER[h.framework], h.item.zfill(3), h.target))

    dpia = _outcome(results, bool(processings))
    open_rules = _open_rules(results, dpia)
    if not processings:
        open_rules.insert(
            0,
            OpenRule(
                "PROCESSINGS",
                "DPIA",
                "",
                "project",
                "Verwerkingen",
                "Processings",
                (
                    Question(
                        ("processings",),
                        "Welke verwerkingen van (mogelijk) persoonsgegevens omvat het project (processings)?",
                        "Which processings of (possibly) personal data does the project comprise (processings)?",
                    ),
                ),
                True,
            ),
        )

    def items(fw: Framework) -> list[str]:
        return sorted({h.item for h in hits if h.framework == fw.value})

    dpia_block: Json = description.get("project", {}).get("dpia", {})
    reason = dpia_block.get("not_needed_reason")
    argued = reason if dpia == DpiaOutcome.MANDATORY_UNLESS_ARGUED and _answered(reason) else None
    declared, declared_source = _declared(description, results)
    return Screening(
        dpia=dpia.value,
        ap=tuple(sorted(int(i) for i in items(Framework.AP))),
        edpb=tuple(sorted(int(i) for i in items(Framework.EDPB))),
        art35_3=tuple(items(Framework.ART35_3)),
        dtia=any(h.framework == "DTIA" for h in hits),
        iama=any(h.framework == "IAMA" for h in hits),
        kia=any(h.framework == "KIA" for h in hits),
        hits=tuple(hits),
        fria=any(h.framework == "FRIA" for h in hits),
        wpg=tuple(wpg),
        questions=tuple(open_rules),
        declared=declared,
        declared_source=declared_source,
        claims=tuple(c for f in per_processing for c in f.claims),
        argued=argued,
        dpia_recorded=dpia_block.get("status") == "completed" or _answered(reason),
        notes=_notes(project),
    )


def outcome_of(per_processing: Sequence[Facts], project: Facts) -> DpiaOutcome:
    """The DPIA outcome of given facts (what :func:`screen` decides, without the details)."""
    return _outcome(_evaluate(per_processing, project), bool(per_processing))


def _evaluate(per_processing: Sequence[Facts], project: Facts) -> list[_Result]:
    # under the Wpg its own DPIA duty (art. 4c) is the one that applies; the AVG rules still run, so the officer
    # sees what the AP list and WP248 would say about those processings (for comparison, never instead of 4c)
    results = [_run(r, facts) for facts in per_processing for r in RULES if r.scope == "processing"]
    results.extend(_run(r, project) for r in RULES if r.scope == "project")
    return results


def _answered(text: Any) -> bool:
    from pbd.description.placeholders import is_placeholder

    return isinstance(text, str) and bool(text.strip()) and not is_placeholder(text)


def _run(r: Rule, facts: Facts) -> _Result:
    out = r.evaluate(facts)
    questions = tuple(dict.fromkeys(q for f in out.unknown for q in f.questions))
    return _Result(r, facts.target, out.value, out.support, questions)


def _hit(x: _Result) -> Hit:
    r = x.rule
    notes_nl = [f.note_nl for f in x.support if f.note_nl and f.name != "personal_data"]
    notes_en = [f.note_en for f in x.support if f.note_en and f.name != "personal_data"]
    nl = r.reason_nl + (f" ({'; '.join(notes_nl)})" if notes_nl else "")
    en = r.reason_en + (f" ({'; '.join(notes_en)})" if notes_en else "")
    facts = tuple(dict.fromkeys(FactRef.of(f) for f in x.support))
    return Hit(r.framework.value, r.item, x.target, nl, en, facts, r.id)


def _outcome(results: list[_Result], any_processing: bool) -> DpiaOutcome:
    deciding = [x for x in results if x.rule.framework in _DECIDING]
    if any(x.rule.mandatory and x.value is Tri.YES for x in deciding):
        return DpiaOutcome.MANDATORY
    if not any_processing:
        return DpiaOutcome.UNDETERMINED
    if any(x.rule.mandatory and x.value is Tri.UNKNOWN for x in deciding):
        return DpiaOutcome.UNDETERMINED
    wp: dict[str, Tri] = {}
    for x in deciding:
        if x.rule.framework is Framework.EDPB:
            wp[x.rule.item] = wp.get(x.rule.item, Tri.NO) | x.value
    yes = sum(1 for v in wp.values() if v is Tri.YES)
    unknown = sum(1 for v in wp.values() if v is Tri.UNKNOWN)
    low = _by_count(yes)
    high = _by_count(yes + unknown)
    return low if low == high else DpiaOutcome.UNDETERMINED


def _by_count(n: int) -> DpiaOutcome:
    if n >= 2:
        return DpiaOutcome.MANDATORY_UNLESS_ARGUED
    return DpiaOutcome.RECOMMENDED if n == 1 else DpiaOutcome.NOT_NEEDED


def _open_rules(results: list[_Result], dpia: DpiaOutcome) -> list[OpenRule]:
    out = []
    for x in results:
        if x.value is not Tri.UNKNOWN:
            continue
        decisive = dpia is DpiaOutcome.UNDETERMINED and x.rule.framework in _DECIDING
        out.append(
            OpenRule(
                x.rule.id,
                x.rule.framework.value,
                x.rule.item,
                x.target,
                x.rule.name_nl,
                x.rule.name_en,
                x.questions,
                decisive,
            )
        )
    out.sort(key=lambda o: (not o.decisive, _ORDER[o.framework], o.item.zfill(3), o.target))
    return out


def _declared(description: Json, results: list[_Result]) -> tuple[tuple[DeclaredItem, ...], str | None]:
    block: Json = description.get("project", {}).get("screening_declared", {})
    if not block:
        return (), None
    ticks = {"AP": {int(n) for n in block.get("ap", [])}, "EDPB": {int(n) for n in block.get("wp248", [])}}
    out: list[DeclaredItem] = []
    for fw, table in (("AP", AP_TYPES), ("EDPB", EDPB_CRITERIA)):
        for n in sorted(table):
            mine = [x for x in results if x.rule.framework.value == fw and x.rule.item == str(n)]
            value = Tri.NO
            for x in mine:
                value = value | x.value
            ticked = n in ticks[fw]
            if not ticked and value is not Tri.YES:
                continue
            out.append(_compare(fw, n, ticked, value, mine))
    return tuple(out), str(block.get("source")) if block.get("source") else None


def _compare(fw: str, n: int, ticked: bool, value: Tri, mine: list[_Result]) -> DeclaredItem:
    if value is Tri.YES:
        where = ", ".join(sorted({x.target for x in mine if x.value is Tri.YES}))
        basis = ", ".join(dict.fromkeys(f.name for x in mine if x.value is Tri.YES for f in x.support))
        if ticked:
            return DeclaredItem(
                fw, n, True, "yes", f"ook afgeleid ({where}: {basis})", f"also derived ({where}: {basis})"
            )
        return DeclaredItem(
            fw,
            n,
            False,
            "yes",
            f"niet aangevinkt, wel afgeleid uit de feiten ({where}: {basis})",
            f"not ticked, but derived from the facts ({where}: {basis})",
        )
    if value is Tri.UNKNOWN:
        asks = "; ".join(dict.fromkeys(json_path(q.path) for x in mine for q in x.questions))
        return DeclaredItem(
            fw,
            n,
            True,
            "unknown",
            f"aangevinkt; de beschrijving beantwoordt nog niet wat dit beslist ({asks})",
            f"ticked; the description does not yet answer what decides it ({asks})",
        )
    against = ", ".join(dict.fromkeys(f"{x.target}: {f.name}=no" for x in mine for f in x.support if f.value is Tri.NO))
    return DeclaredItem(
        fw,
        n,
        True,
        "no",
        f"aangevinkt, maar de feiten dragen het niet ({against or 'geen verwerking'})",
        f"ticked, but the facts do not support it ({against or 'no processing'})",
    )


def _notes(project: Facts) -> tuple[Note, ...]:
    out: list[Note] = []
    if project["new_legislation"].value is Tri.YES:
        out.append(
            Note(
                "project",
                project["new_legislation"].paths,
                "Het project gaat over nieuwe regelgeving. Dat maakt een DPIA niet verplicht voor een gemeente (de"
                " Pre-scan-regel geldt voor wetsvoorstellen van het Rijk); de AP-lijst, WP248 en art. 35 AVG beslissen.",
                "The project concerns new legislation. That does not make a DPIA mandatory for a municipality (the"
                " Pre-scan rule is for central-government bills); the AP list, WP248 and GDPR art. 35 decide.",
            )
        )
    if project["supplier_hq_outside_eea"].value is Tri.YES:
        out.append(
            Note(
                "project",
                project["supplier_hq_outside_eea"].paths,
                "Een partij heeft haar hoofdkantoor buiten de EER: haar eigen recht (bijvoorbeeld de CLOUD Act) kan"
                " haar dwingen gegevens te verstrekken, ook bij hosting in de EER. Een risico om te beoordelen, geen doorgifte.",
                "A party is headquartered outside the EEA: its own law (e.g. the US CLOUD Act) can compel it to hand"
                " over data even when hosting is in the EEA. A risk to assess, not a transfer.",
            )
        )
    return tuple(out)


__all__ = [
    "AP_TYPES",
    "ART35_3",
    "EDPB_CRITERIA",
    "DeclaredItem",
    "FactRef",
    "Hit",
    "Note",
    "OpenRule",
    "Screening",
    "outcome_of",
    "screen",
]

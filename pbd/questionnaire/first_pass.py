"""The first pass: the questions that decide the DPIA screening, about as many as the Rijksoverheid Pre-scan asks.

A privacy officer starts a project with the screening — is a DPIA (or a DTIA, IAMA, KIA) needed —
and only then goes into the deeper sections. :data:`FIRST_PASS` lists, by generic path, the fields
the screening facts (:mod:`pbd.engine.facts`) read; the questionnaire's own branching
(:data:`~pbd.questionnaire.branching.ASK_WHEN`) still decides which of them apply, so a processing
without cameras is not asked about facial recognition, and one without personal data is not asked
about data subjects. A test checks that every field the screening reads is here, that a blank
description gets at most about 40 questions, and that an example cut down to these fields screens
as it does whole.

The terminal questionnaire and the web dossier share this list (:func:`first_pass_questions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pbd.questionnaire.paths import Json
from pbd.questionnaire.plan import Question, next_questions

#: Generic paths of the first-pass questions (list keys included: a purpose needs its description).
FIRST_PASS: tuple[str, ...] = (
    # project: what it is, and the two project-level screening facts
    "project.name",
    "project.organisation",
    "project.phase",
    "project.summary",
    "project.new_legislation",
    "project.digital_service.offered",
    "project.digital_service.aimed_at_minors",
    "project.dpia.not_needed_reason",  # asked when the DPIA is said not to be needed: the argued exception
    # parties: who receives data and in which role (recipients, police or boa, a head office abroad)
    "parties[].name",
    "parties[].role",
    "parties[].kind",
    "parties[].headquarters_country",
    # systems: where they are hosted (transfers through hosting, support or telemetry)
    "systems[].id",
    "systems[].hosting.country",
    "systems[].hosting.support_country",
    "systems[].hosting.telemetry_country",
    # processings: the facts of the AP list, WP248, art. 35(3), the Wpg, DTIA, IAMA and FRIA
    "processings[].id",
    "processings[].name",
    "processings[].personal_data",
    "processings[].personal_data_reason",
    "processings[].regime.boa_enforcement",
    "processings[].regime.police_access",
    "processings[].regime.wpg_dpia_done",
    "processings[].purposes[].description",
    "processings[].purposes[].kind",
    "processings[].purposes[].recipients",
    "processings[].data_subjects[].category",
    "processings[].data_subjects[].minors",
    "processings[].data_subjects[].under_16",
    "processings[].data_subjects[].relation",
    "processings[].data_subjects[].vulnerable",
    "processings[].data_subjects[].employees",
    "processings[].collection.methods",
    "processings[].collection.public_space",
    "processings[].collection.covert",
    "processings[].collection.observes_persons",
    "processings[].collection.sensors.facial_recognition",
    "processings[].scale.data_subjects",
    "processings[].scale.frequency",
    "processings[].scale.systematic",
    "processings[].techniques",
    "processings[].algorithm.assesses",
    "processings[].algorithm.impactful",
    "processings[].algorithm.significant_effect",
    "processings[].algorithm.high_risk_ai",
    "processings[].algorithm.ai_act.ai_system",
    "processings[].algorithm.ai_act.prohibited_practice",
    "processings[].algorithm.ai_act.high_risk",
    "processings[].algorithm.ai_act.fria_done",
    "processings[].data_items[].name",
    "processings[].data_items[].category",
    "processings[].data_items[].type",
    "processings[].data_items[].special_category",
    "processings[].data_items[].conduct",
    "processings[].data_items[].source",
    "processings[].data_items[].form",
    "processings[].edge.transient",
    "processings[].edge.retention_seconds",
    "processings[].edge.output",
    "processings[].edge.verified_by",
    "processings[].edge.verification",
    "processings[].minimisation.aggregated_at_source",
    "processings[].minimisation.pseudonymised",
    "processings[].minimisation.anonymised",
    "processings[].minimisation.anonymisation.method",
    "processings[].minimisation.anonymisation.verified_by",
    "processings[].minimisation.anonymisation.verification",
    "processings[].transfers[].country",
    "processings[].transfers[].mechanism",
    "processings[].transfers[].tia_done",
    "processings[].transfers[].structural",
    "processings[].transfers[].recipient_certified_dpf",
    "processings[].shared_with",
    "processings[].systems",
    "processings[].access_to_service",
)

_FIRST = frozenset(FIRST_PASS)
#: the lists the first pass offers to add to (a group is shown when one of its fields is in the first pass)
FIRST_PASS_GROUPS: frozenset[str] = frozenset(path.rsplit("[]", 1)[0] for path in FIRST_PASS if "[]" in path)


def in_first_pass(generic: str) -> bool:
    """Is the field at ``generic`` (``processings[].collection.methods``) a first-pass question?"""
    return generic in _FIRST


def first_pass_questions(
    data: Json, *, lang: str = "nl", skipped: Iterable[str] = (), answered: bool = False
) -> Iterator[Question]:
    """The first-pass questions that apply to ``data`` now, in the order the plan asks them.

    Unanswered ones only unless ``answered`` (as :func:`~pbd.questionnaire.plan.next_questions`).
    """
    for question in next_questions(data, lang=lang, skipped=skipped, answered=answered):
        if question.generic in _FIRST:
            yield question


__all__ = ["FIRST_PASS", "FIRST_PASS_GROUPS", "first_pass_questions", "in_first_pass"]

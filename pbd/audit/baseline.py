"""Baselines: an assessment narrowed to the findings that are new or worse since an older JSON result."""

from __future__ import annotations

import dataclasses

from pbd.audit import Json, check_result
from pbd.audit.diff import BADNESS, finding_keys, keyed
from pbd.engine.findings import Assessment
from pbd.vocabulary import Status


def new_since(assessment: Assessment, old_result: Json) -> Assessment:
    """The assessment with only the gaps and open questions that are new since ``old_result``.

    A finding is kept when it is a gap or an open question and its key (see
    :func:`pbd.audit.diff.finding_keys`) was absent from the old result or had a milder status
    there: an open question that became a gap is reported, a gap that became an open question is
    not. Met, not applicable and waived findings are dropped. Everything else in the assessment
    (screening, versions, waiver notes) is kept as it is.
    """
    old = keyed(check_result(old_result, "baseline"))
    keys = finding_keys([(f.rule, f.target, f.path) for f in assessment.findings])
    kept = []
    for key, f in zip(keys, assessment.findings, strict=True):
        if f.status not in (Status.GAP, Status.OPEN):
            continue
        before = old.get(key)
        if before is None or BADNESS[before["status"]] < BADNESS[f.status.value]:
            kept.append(f)
    return dataclasses.replace(assessment, findings=tuple(kept))


__all__ = ["new_since"]

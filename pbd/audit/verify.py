"""Verifying a recorded result: re-run the same check and say whether it still holds, and if not, what changed and why.

The words are written by :mod:`pbd.render.verify`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pbd import engine
from pbd.audit import Json, check_result
from pbd.audit.diff import ResultDiff, diff_dict, diff_results
from pbd.description import LoadedDescription
from pbd.errors import UsageError
from pbd.knowledge_base import KnowledgeBase
from pbd.render.json_result import result_dict
from pbd.vocabulary import Gate

if TYPE_CHECKING:
    from pbd.profiles import Profile

IDENTICAL, HOLDS, CHANGED = "identical", "holds", "changed"

#: what can make a re-run differ from the recorded run, and the provenance field that shows it
_CAUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("description", ("input.sha256",)),
    ("knowledge_base", ("knowledge_base.version", "knowledge_base.sha256")),
    ("profile", ("profile.id", "profile.version", "profile.sha256")),
    ("pbd", ("pbd_version",)),
)


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of re-running a recorded check.

    ``verdict`` is ``identical`` (the re-run writes the same result), ``holds`` (same findings and
    screening, but something around them differs: versions, line numbers, texts) or ``changed``.
    ``causes`` names what differs between the recorded run and the re-run: ``description``,
    ``knowledge_base``, ``profile`` and/or ``pbd`` — or ``unexplained`` when the result changed although
    none of them did (the result file was edited).
    """

    verdict: str
    causes: tuple[str, ...]
    diff: ResultDiff
    cosmetic: tuple[str, ...]  # top-level fields that differ without changing findings or screening
    recorded: Json
    rerun: Json

    @property
    def holds(self) -> bool:
        return self.verdict in (IDENTICAL, HOLDS)


def rerun(recorded: Json, loaded: LoadedDescription, kb: KnowledgeBase, profile: Profile | None = None) -> Json:
    """The result the recorded check gives today: same gate, date, waiver setting, language and profile."""
    gate = Gate(recorded["gate"]) if recorded.get("gate") else None
    options = engine.Options(
        today=dt.date.fromisoformat(recorded["date"]),
        gate=gate,
        waivers=recorded["waivers_applied"],
        profile=profile,
    )
    a = engine.check(loaded, kb, options)
    # round-trip through JSON so both sides have the same types (tuples become lists)
    fresh: Json = json.loads(json.dumps(result_dict(a, kb, recorded["lang"])))
    return fresh


def verify(
    recorded: Json,
    loaded: LoadedDescription,
    kb: KnowledgeBase,
    *,
    profile: Profile | None = None,
    recorded_name: str = "RESULT",
) -> Verification:
    """Re-run the check recorded in ``recorded`` on ``loaded`` with ``kb`` and compare.

    A run recorded with a municipal profile is re-run with ``profile`` (the same file, or a newer
    version of it: then ``profile`` is among the causes). Without one, the re-run would judge without
    the municipality's own rules and report their findings as resolved, so it stops with a
    :class:`UsageError` that names the profile the result records.
    """
    recorded = check_result(recorded, recorded_name)
    used = recorded.get("profile")
    if isinstance(used, dict) and profile is None:
        raise UsageError(
            recorded_name,
            f"the recorded run used the municipal profile '{used.get('id')}' version {used.get('version')}",
            "Give that profile file: pbd verify RESULT.json [FILE] --profile PROFILE.yaml.",
        )
    fresh = rerun(recorded, loaded, kb, profile)
    d = diff_results(recorded, fresh, old_name=recorded_name, new_name=loaded.name)
    differing = {name for name, _o, _n in d.context}
    causes = tuple(cause for cause, fields in _CAUSES if differing & set(fields))
    same_apart_from_file = _without_file(recorded) == _without_file(fresh)
    substance = d.same_substance and _substance(recorded) == _substance(fresh)
    if same_apart_from_file:
        verdict = IDENTICAL
    elif substance:
        verdict = HOLDS
    else:
        verdict = CHANGED
    if verdict != IDENTICAL and not causes:
        causes = ("unexplained",)
    cosmetic = tuple(sorted(k for k in set(recorded) | set(fresh) if k != "input" and recorded.get(k) != fresh.get(k)))
    return Verification(verdict, causes, d, cosmetic, recorded, fresh)


def _without_file(result: Json) -> Json:
    return {**result, "input": {**result["input"], "file": None}}


def _substance(result: Json) -> Any:
    """What a result concludes, without texts, positions or provenance."""
    screening = {k: v for k, v in result["screening"].items() if k != "reasons"}
    reasons = sorted(
        (str(h.get("framework")), str(h.get("item")), str(h.get("target")))
        for h in result["screening"].get("reasons", [])
    )
    return (
        screening,
        reasons,
        result.get("decision"),
        result.get("project"),
        sorted((str(n.get("waiver")), str(n.get("rule"))) for n in result.get("waiver_notes", [])),
    )


def verification_dict(v: Verification) -> Json:
    d = diff_dict(v.diff)
    return {
        "verdict": v.verdict,
        "holds": v.holds,
        "causes": list(v.causes),
        "recorded": d["old"],
        "rerun": d["new"],
        "context_changes": d["context_changes"],
        "screening_changes": d["screening_changes"],
        "findings": {k: d["findings"][k] for k in ("new", "changed", "resolved")},
        "summary": d["summary"],
        "other_differences": list(v.cosmetic),
    }


__all__ = ["CHANGED", "HOLDS", "IDENTICAL", "Verification", "rerun", "verification_dict", "verify"]

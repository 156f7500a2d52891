"""The engine: the one path from a loaded description to a judgement (facts, screening, findings).

Every command, the questionnaire, the importer's cross-check and the web dossier call
:func:`check` (or :func:`screen`, which is the screening part of it); nothing else judges, and
nothing in the engine prints or reads files. Callers use ``engine.check(...)`` through the module
(``from pbd import engine``) so that there is one place to change — or, in a test, to replace —
the judgement.

The evaluation module is imported on first use: ``pbd --help`` and the knowledge base loader
(which needs :mod:`pbd.engine.predicates`) do not pay for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pbd.engine.findings import Assessment, Finding, GateDecision, ProfileStamp, WaiverNote
from pbd.engine.screening import Hit, Screening
from pbd.vocabulary import Gate

if TYPE_CHECKING:
    from pbd.description import LoadedDescription
    from pbd.knowledge_base import KnowledgeBase
    from pbd.profiles import Profile

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Options:
    """What a judgement depends on besides the description and the knowledge base.

    ``today`` is an argument, never the clock, so a result can be reproduced; ``gate`` defaults to
    the project's phase; ``waivers`` False shows every gap as it is (``--no-waivers``);
    ``profile`` is the municipality's profile (``--profile``, :func:`pbd.profiles.load_profile`):
    without one, rules whose basis is policy are not evaluated.
    """

    today: dt.date
    gate: Gate | None = None
    waivers: bool = True
    profile: Profile | None = None


def check(source: LoadedDescription, kb: KnowledgeBase, options: Options) -> Assessment:
    """Judge one loaded description against ``kb``: screening, every finding, waivers applied."""
    from pbd.engine.evaluate import evaluate

    return evaluate(
        source, kb, gate=options.gate, today=options.today, waivers=options.waivers, profile=options.profile
    )


def screen(description: LoadedDescription | Json) -> Screening:
    """The DPIA screening alone (it needs no criteria and no date), of a loaded description or its data."""
    from pbd.engine.evaluate import build_views

    data = description if isinstance(description, dict) else description.data()
    return build_views(data).screening


__all__ = [
    "Assessment",
    "Finding",
    "GateDecision",
    "Hit",
    "Options",
    "ProfileStamp",
    "Screening",
    "WaiverNote",
    "check",
    "screen",
]

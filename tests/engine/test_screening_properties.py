"""Properties of the three-valued screening: answers can settle an undetermined outcome, missing answers never give "not needed".

Facts are drawn directly (every fact the rules read, each yes / no / unknown), so the properties
hold for the rule table as a whole, whatever description produced the facts.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pbd.engine.facts import Fact, Facts, Tri
from pbd.engine.screening import outcome_of, screen
from pbd.engine.screening_rules import RULES
from pbd.vocabulary import DpiaOutcome
from tests.engine.test_screening_kit import description

PROCESSING_FACTS = sorted({n for r in RULES if r.scope == "processing" for n in r.when.names()})
PROJECT_FACTS = sorted({n for r in RULES if r.scope == "project" for n in r.when.names()})
TRI = st.sampled_from([Tri.YES, Tri.NO, Tri.UNKNOWN])
KNOWN = st.sampled_from([Tri.YES, Tri.NO])


def facts(target: str, values: dict[str, Tri]) -> Facts:
    return Facts(target, {n: Fact(n, v, ()) for n, v in values.items()})


def assignment(value: st.SearchStrategy[Tri]) -> st.SearchStrategy[dict[str, Tri]]:
    return st.fixed_dictionaries(dict.fromkeys(PROCESSING_FACTS, value))


def decide(procs: list[dict[str, Tri]], project: dict[str, Tri] | None = None) -> DpiaOutcome:
    proj = project or dict.fromkeys(PROJECT_FACTS, Tri.NO)
    return outcome_of([facts(f"p{i}", p) for i, p in enumerate(procs)], facts("project", proj))


def refine(values: dict[str, Tri], answers: dict[str, Tri]) -> dict[str, Tri]:
    """Answer every unknown fact with the answer drawn for it."""
    return {n: answers[n] if v is Tri.UNKNOWN else v for n, v in values.items()}


@settings(max_examples=300, deadline=None)
@given(assignment(TRI), assignment(KNOWN))
def test_a_decided_outcome_stays_when_the_unknowns_are_answered(
    values: dict[str, Tri], answers: dict[str, Tri]
) -> None:
    before = decide([values])
    after = decide([refine(values, answers)])
    assert after is not DpiaOutcome.UNDETERMINED
    if before is not DpiaOutcome.UNDETERMINED:
        assert after is before


@settings(max_examples=300, deadline=None)
@given(assignment(TRI), st.data())
def test_turning_a_known_no_into_unknown_never_yields_not_needed(values: dict[str, Tri], data: st.DataObject) -> None:
    noes = [n for n, v in values.items() if v is Tri.NO]
    if not noes:
        return
    name = data.draw(st.sampled_from(noes))
    before = decide([values])
    after = decide([{**values, name: Tri.UNKNOWN}])
    if after is DpiaOutcome.NOT_NEEDED:
        assert before is DpiaOutcome.NOT_NEEDED  # the fact did not matter: nothing was lost
    if before is not DpiaOutcome.NOT_NEEDED:
        assert after is not DpiaOutcome.NOT_NEEDED


def test_answering_the_unknowns_can_lead_anywhere() -> None:
    unknown = dict.fromkeys(PROCESSING_FACTS, Tri.UNKNOWN)
    assert decide([unknown]) is DpiaOutcome.UNDETERMINED
    none = dict.fromkeys(PROCESSING_FACTS, Tri.NO) | {"personal_data": Tri.YES}
    reached = {
        decide([none]),
        decide([none | {"large_scale": Tri.YES}]),
        decide([none | {"large_scale": Tri.YES, "matching": Tri.YES}]),
        decide(
            [none | {"camera": Tri.YES, "observes_persons": Tri.YES, "public_space": Tri.YES, "systematic": Tri.YES}]
        ),
    }
    assert reached == {
        DpiaOutcome.NOT_NEEDED,
        DpiaOutcome.RECOMMENDED,
        DpiaOutcome.MANDATORY_UNLESS_ARGUED,
        DpiaOutcome.MANDATORY,
    }


def test_no_processing_is_undetermined() -> None:
    assert decide([]) is DpiaOutcome.UNDETERMINED


# --- the same on descriptions: leaving out an answer never makes a DPIA "not needed" ---------------

VARIANTS = st.fixed_dictionaries(
    {
        "collection": st.fixed_dictionaries(
            {
                "methods": st.sampled_from([["form"], ["camera"], ["wifi_sensor"], ["presence_sensor"], ["app"]]),
                "public_space": st.booleans(),
                "covert": st.booleans(),
            }
        ),
        "scale": st.fixed_dictionaries(
            {"data_subjects": st.sampled_from([50, 9999, 10000, 200000]), "systematic": st.booleans()}
        ),
        "techniques": st.sampled_from([[], ["matching"], ["scoring"], ["new_technology"], ["cloud"]]),
        "access_to_service": st.booleans(),
    }
)


INFERRED = frozenset({"id", "purposes", "techniques", "access_to_service"})


def _leaves(d: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(d, dict):
        return [p for k, v in d.items() for p in _leaves(v, (*prefix, k))] or [prefix]
    return [prefix]


def _without(d: Any, path: tuple[Any, ...]) -> Any:
    if len(path) == 1:
        return {k: v for k, v in d.items() if k != path[0]}
    return {**d, path[0]: _without(d[path[0]], path[1:])}


@settings(max_examples=150, deadline=None)
@given(VARIANTS, st.data())
def test_leaving_out_an_answer_never_gives_not_needed(variant: dict[str, Any], data: st.DataObject) -> None:
    desc = description(variant)
    proc = desc["processings"][0]
    proc["data_subjects"][0].pop("count")  # one answer to "how many", not two
    # every answer whose absence is "unknown"; techniques, access_to_service and the vulnerability marks have
    # documented substitutes (design note §5, "lists are answers") and are tested rule by rule instead
    from_the_person = set(proc["collection"]["methods"]) <= {"form", "app", "website"}
    paths = [p for p in _leaves(proc) if p and p[0] not in INFERRED]
    if from_the_person:  # what a person sends in is not monitoring, unless the description says it is
        paths = [p for p in paths if p != ("scale", "systematic")]
    path = data.draw(st.sampled_from(paths))
    before = screen(desc).dpia
    after = screen({**desc, "processings": [_without(proc, path)]}).dpia
    if before != "not_needed":
        assert after != "not_needed", f"leaving out {path} turned {before} into not_needed"

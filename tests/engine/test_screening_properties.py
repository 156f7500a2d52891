"""Properties of the three-valued screening: answers can settle an undetermined outcome, missing answers never give "not needed".

Facts are drawn directly (every fact the rules read, each yes / no / unknown), so the properties
hold for the rule table as a whole, whatever description produced the facts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pbd.engine.facts import Fact, Facts, Tri
from pbd.engine.screening import outcome_of
from pbd.engine.screening_rules import RULES
from pbd.vocabulary import DpiaOutcome

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

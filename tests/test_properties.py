"""Properties over generated descriptions: round trips, evaluation never raises, waivers and gates behave."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbd.description import load_text
from pbd.engine.evaluate import evaluate
from pbd.errors import DescriptionError
from pbd.knowledge_base import default_knowledge_base
from pbd.render import RenderOptions
from pbd.render.json_result import render
from pbd.vocabulary import Gate, Status
from tests.conftest import EXAMPLES
from tests.strategies import descriptions

TODAY = dt.date(2026, 11, 1)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@SETTINGS
@given(descriptions())
def test_round_trip_yaml_and_json(desc: dict[str, Any]) -> None:
    first = load_text(yaml.safe_dump(desc, allow_unicode=True, sort_keys=False), "gen.yaml")
    dumped = first.model.model_dump(mode="json", exclude_none=True)
    again_yaml = load_text(yaml.safe_dump(dumped, allow_unicode=True), "again.yaml")
    again_json = load_text(json.dumps(dumped, ensure_ascii=False), "again.json", json_input=True)
    assert again_yaml.model == first.model
    assert again_json.model == first.model


@SETTINGS
@given(descriptions())
def test_evaluation_never_raises_and_is_deterministic(desc: dict[str, Any]) -> None:
    kb = default_knowledge_base()
    text = yaml.safe_dump(desc, allow_unicode=True, sort_keys=False)
    one = evaluate(load_text(text, "gen.yaml"), kb, today=TODAY)
    two = evaluate(load_text(text, "gen.yaml"), kb, today=TODAY)
    assert render(one, kb, RenderOptions()) == render(two, kb, RenderOptions())
    assert all(f.status in Status for f in one.findings)


@SETTINGS
@given(descriptions(), st.data())
def test_a_waiver_never_turns_met_into_anything_else(desc: dict[str, Any], data: st.DataObject) -> None:
    kb = default_knowledge_base()
    base = evaluate(load_text(yaml.safe_dump(desc, allow_unicode=True), "gen.yaml"), kb, today=TODAY)
    rule = data.draw(st.sampled_from(sorted(kb.criteria)))
    waived = {
        **desc,
        "waivers": [{"criterion": rule, "reason": "geaccepteerd", "approved_by": "wethouder", "expires": "2099-01-01"}],
    }
    after = evaluate(load_text(yaml.safe_dump(waived, allow_unicode=True), "gen.yaml"), kb, today=TODAY)
    before = {f.key: f.status for f in base.findings}
    for f in after.findings:
        if before.get(f.key) is Status.MET:
            assert f.status is Status.MET
        if f.status is Status.WAIVED:
            assert f.rule == rule and before[f.key] is Status.GAP


@SETTINGS
@given(descriptions())
def test_a_later_gate_never_shortens_the_blocking_list(desc: dict[str, Any]) -> None:
    kb = default_knowledge_base()
    loaded = load_text(yaml.safe_dump(desc, allow_unicode=True), "gen.yaml")
    previous: set[tuple[str, str, str]] = set()
    for gate in Gate:
        decision = evaluate(loaded, kb, gate=gate, today=TODAY).decision()
        assert decision is not None
        blocking = {f.key for f in decision.blocking_findings}
        assert previous <= blocking
        previous = blocking


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(EXAMPLES), st.data())
def test_random_mutations_never_raise_anything_but_description_error(path: Any, data: st.DataObject) -> None:
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "dup-line"]))
        pos = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if op == "flip" and raw:
            raw[pos] = data.draw(st.integers(0, 255))
        elif op == "delete" and raw:
            del raw[pos : pos + data.draw(st.integers(1, 40))]
        elif op == "insert":
            raw[pos:pos] = data.draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"\n  ",
                        b"{",
                        b"]",
                        b"&a ",
                        b"*a",
                        b"!!python/name:os.system ",
                        b"\t",
                        b"'",
                        b"P30D",
                        b"\xff",
                    ]
                )
            )
        else:
            lines = bytes(raw).split(b"\n")
            i = data.draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            raw = bytearray(b"\n".join(lines))
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        loaded = load_text(text, "mutant.yaml")
    except DescriptionError as err:
        assert err.problems
        return
    evaluate(loaded, default_knowledge_base(), today=TODAY)

"""The shortcuts taken for speed give the same answers as the long way round (issue 10)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pbd import limits
from pbd.vocabulary import Gate, Severity

SMALL = limits.Limits(
    kind_nl="een testbestand",
    kind_en="a test file",
    max_bytes=10_000,
    max_depth=4,
    max_nodes=12,
    max_string=40,
    max_int_digits=5,
)


def _outcome(fn: Any) -> str:
    try:
        fn()
    except limits.LimitError as exc:
        return exc.en
    return "ok"


def _nested(depth: int, leaf: str, kind: str) -> str:
    text = leaf
    for _ in range(depth):
        text = f"[{text}]" if kind == "list" else f'{{"k": {text}}}'
    return text


CASES = [
    *(_nested(d, leaf, kind) for d in range(7) for leaf in ("1", "[]", "{}", '"x"') for kind in ("list", "dict")),
    json.dumps(list(range(11))),  # 12 nodes: at the limit
    json.dumps(list(range(12))),  # 13 nodes: over it
    json.dumps({"a": "x" * 40}),
    json.dumps({"a": "x" * 41}),  # a long string in a short text
    json.dumps({"x" * 41: 1}),  # a long key
    json.dumps([[[[1]]], [[[[2]]]]]),  # the deep branch second
    json.dumps({"a": ",:[,:[,:[", "b": [1, 2]}),  # separators inside strings only raise the bounds
    json.dumps([12345, -12345]),
]


@pytest.mark.parametrize("text", CASES)
def test_parse_json_finds_what_the_full_walk_finds(text: str) -> None:
    full = _outcome(lambda: limits.check_tree(json.loads(text), SMALL))
    assert _outcome(lambda: limits.parse_json(text, SMALL)) == full


def test_the_shortcut_is_taken_and_still_catches_depth() -> None:
    deep = _nested(5, "1", "list")
    assert limits._within_by_text(deep, SMALL)  # few nodes, short: only depth can fail
    assert "nested too deeply" in _outcome(lambda: limits.parse_json(deep, SMALL))


def test_lone_surrogate_without_escapes_is_none_and_with_one_is_found() -> None:
    assert limits.lone_surrogate('{"a": "fiets 🚲"}') is None
    found = limits.lone_surrogate('{"a": "\\ud83d"}')
    assert found is not None and "lone surrogate" in found.en


def test_ranks_keep_their_order() -> None:
    assert [g.rank for g in Gate] == list(range(len(Gate)))
    assert [s.rank for s in (Severity.LOW, Severity.MEDIUM, Severity.HIGH)] == [1, 2, 3]


def test_the_lazy_command_table_names_every_command_of_every_module() -> None:
    import importlib
    import pkgutil

    import pbd.commands
    from pbd.cli import COMMAND_MODULES, cli

    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(pbd.commands.__path__):
        module = importlib.import_module(f"pbd.commands.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            found[command.name] = info.name
    assert found == COMMAND_MODULES
    assert cli.list_commands(None) == sorted(found)  # type: ignore[arg-type]


def test_check_of_one_file_imports_no_heavy_module_it_does_not_need(tmp_path: Any) -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['pbd', 'check', 'examples/slimme-straatverlichting.yaml', '-o', 'json:' + sys.argv[1], "
        "'--date', '2026-11-01']\n"
        "from pbd.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('pbd.commands.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "r.json")], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    top, commands = set(out[-2].split()), out[-1].split()
    assert not top & {"jsonschema", "django", "jinja2", "pypdf", "weasyprint", "celery", "babel"}
    assert commands == ["pbd.commands.check", "pbd.commands.options"]
    assert (tmp_path / "r.json").stat().st_size > 1000


def test_kleene_or_is_the_dual_of_and_and_not_swaps_yes_and_no() -> None:
    from pbd.engine.facts import Tri

    swap = {Tri.YES: Tri.NO, Tri.NO: Tri.YES, Tri.UNKNOWN: Tri.UNKNOWN}
    for a in Tri:
        assert ~a is swap[a]
        for b in Tri:
            assert a | b is swap[swap[a] & swap[b]]


def test_all_and_any_of_give_the_outcomes_of_their_definition() -> None:
    """All and AnyOf against Kleene's AND/OR folded over every part, with the reasons the rules give."""
    import functools
    import itertools
    import operator

    from pbd.engine.facts import Fact, Facts, Tri
    from pbd.engine.screening_rules import All, AnyOf, F, Not, Outcome

    def reference(expr: Any, facts: Facts) -> Outcome:
        if isinstance(expr, F):
            fact = facts[expr.name]
            known = fact.value is not Tri.UNKNOWN
            return Outcome(fact.value, (fact,) if known else (), () if known else (fact,))
        if isinstance(expr, Not):
            o = reference(expr.part, facts)
            return Outcome(~o.value, o.support, o.unknown)
        outs = [reference(p, facts) for p in expr.parts]
        if isinstance(expr, All):
            value = functools.reduce(operator.and_, (o.value for o in outs), Tri.YES)
            if value is Tri.NO:
                return Outcome(Tri.NO, next(o for o in outs if o.value is Tri.NO).support, ())
            support = tuple(f for o in outs if o.value is Tri.YES for f in o.support)
            return Outcome(value, support, tuple(f for o in outs if o.value is Tri.UNKNOWN for f in o.unknown))
        value = functools.reduce(operator.or_, (o.value for o in outs), Tri.NO)
        if value is Tri.YES:
            return Outcome(Tri.YES, tuple(f for o in outs if o.value is Tri.YES for f in o.support), ())
        if value is Tri.NO:
            return Outcome(Tri.NO, tuple(f for o in outs for f in o.support), ())
        return Outcome(Tri.UNKNOWN, (), tuple(f for o in outs if o.value is Tri.UNKNOWN for f in o.unknown))

    a, b, c = F("a"), F("b"), F("c")
    exprs = [All(a, b, c), AnyOf(a, b, c), All(a, AnyOf(b, Not(c))), AnyOf(Not(a), All(b, c), c), Not(All(a, b))]
    for values in itertools.product(Tri, repeat=3):
        facts = Facts("p", {n: Fact(n, v, ((n,),)) for n, v in zip("abc", values, strict=True)})
        for expr in exprs:
            assert expr.eval(facts) == reference(expr, facts), (expr, values)


def test_the_gate_decision_of_every_example_is_that_of_its_definition() -> None:
    """One pass over the findings and a precomputed sort key give the lists and order of the definition."""
    import datetime as dt
    from pathlib import Path

    from pbd import engine
    from pbd.description import load_description
    from pbd.engine.findings import holding_criteria, holds
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    root = Path(__file__).resolve().parent.parent / "examples"
    for path in sorted(root.glob("*.yaml")):
        for gate in Gate:
            a = engine.check(load_description(path), kb, engine.Options(today=dt.date(2026, 11, 1), gate=gate))
            d = a.decision()
            assert d is not None
            undone = [f for f in a.findings if f.status in ("gap", "open")]
            due = [f for f in undone if f.gate.rank <= gate.rank]
            criteria = {f.rule for f in due if f.kind == "criterion" and holds(f, a.serves, frozenset())}
            assert holding_criteria(a.findings, gate) == criteria
            assert d.blocking_findings == tuple(f for f in due if holds(f, a.serves, frozenset(criteria)))
            assert d.advice == tuple(f for f in due if not holds(f, a.serves, frozenset(criteria)))
            assert d.later == tuple(f for f in undone if f.gate.rank > gate.rank)
            keys = [
                (-i.severity.rank, {"law": 0, "guidance": 1, "policy": 2}[i.basis.value], i.rule) for i in d.blocking
            ]
            assert keys == sorted(keys)

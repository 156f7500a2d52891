"""The shortcuts that make evaluation fast give exactly what the plain way gives (no timings here: see benchmarks/)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from pbd.cli import cli
from pbd.description import load_description, load_text
from pbd.description.source import MAX_DEPTH, SourceError, _ComposeLoader, _Loader, read_text
from pbd.engine.evaluate import _schema_keys, build_views, evaluate
from pbd.knowledge_base import KnowledgeBase
from pbd.runner import _summary
from tests.conftest import EXAMPLES, TODAY

CASES = sorted((Path(__file__).parent / "criteria" / "cases").glob("*.yaml"))


def _case_descriptions() -> list[str]:
    return [case["description"] for path in CASES for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def _errors(validator: Any, view: dict[str, Any]) -> list[tuple[Any, ...]]:
    out = []
    for err in validator.iter_errors(view):
        path = list(err.instance_path)
        kind = err.kind.name
        prop = getattr(err.kind, "property", None) if kind == "required" else None
        # a root error's instance is the (cut) view itself; the evaluator shows any mapping as {…}
        instance = "{…}" if not path and isinstance(err.instance, dict) else err.instance
        out.append((tuple(path), kind, prop, json.dumps(instance, sort_keys=True, default=str)))
    return out


def test_schema_keys_names_what_a_schema_can_read() -> None:
    schema = {
        "required": ["a"],
        "properties": {"b": {"const": True}},
        "allOf": [{"if": {"properties": {"c": {"const": 1}}}, "then": {"required": ["d"]}}],
        "$ref": "#/$defs/e",
        "$defs": {"e": {"properties": {"e": {"type": "string"}}}},
        "$comment": "annotations read nothing",
    }
    assert _schema_keys(schema, schema) == frozenset("abcde")
    assert _schema_keys(True, {}) == frozenset()
    for any_key in (
        {"additionalProperties": False},
        {"const": {}},
        {"minProperties": 1},
        {"unknownKeyword": 1},
        {"properties": {"a": {}}, "patternProperties": {"^x": {}}},
        {"$ref": "https://example.org/s"},
    ):
        assert _schema_keys(any_key, any_key) is None, any_key


def test_cut_views_give_the_same_errors(kb: KnowledgeBase) -> None:
    """Every requirement, against every view of the examples and of every criterion case, full and cut.

    The same errors, though not always in the same order: the evaluator asks the whole view again
    when the order could matter (two errors on one place), see the next test.
    """
    from pbd.engine.evaluate import _plan

    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES] + _case_descriptions()
    checked = 0
    for text in texts:
        views = build_views(load_text(text).data()).by_scope
        for crit, keys in _plan(kb).criteria:
            if crit.requirement is None or keys is None:
                continue
            for v in views[crit.scope]:
                assert crit.requirement.is_valid(v.view) == crit.requirement.is_valid(v.keys(keys)), crit.id
                assert sorted(_errors(crit.requirement, v.view)) == sorted(_errors(crit.requirement, v.keys(keys))), (
                    crit.id
                )
                checked += 1
    assert checked > 1000


def test_evaluation_with_cut_views_equals_evaluation_with_whole_views(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pbd.engine.evaluate as evaluation

    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES] + _case_descriptions()
    loaded = [load_text(text, f"d{i}.yaml") for i, text in enumerate(texts)]
    fast = [evaluate(ld, kb, today=TODAY) for ld in loaded]
    monkeypatch.setattr(evaluation, "_PLANS", {})
    monkeypatch.setattr(evaluation, "_schema_keys", lambda schema, root: None)  # every requirement sees the whole view
    plain = [evaluate(ld, kb, today=TODAY) for ld in loaded]
    assert fast == plain


def test_portfolio_row_counts_match_the_assessment(kb: KnowledgeBase) -> None:
    for path in EXAMPLES:
        loaded = load_description(path)
        for gate in (None, "idee", "ontwerp", "beheer"):
            from pbd.vocabulary import Gate

            a = evaluate(loaded, kb, gate=Gate(gate) if gate else None, today=TODAY)
            row = _summary(a)
            decision = a.decision()
            assert row["open"] == a.counts()["open"] and row["waived"] == a.counts()["waived"]
            if decision is None:
                assert (row["go"], row["blocking"]) == (None, 0)
            else:
                assert (row["go"], row["blocking"]) == (decision.go, len(decision.blocking))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_portfolio_json_is_plain_json_dumps(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    for i in range(60 if jobs == "2" else 3):  # 50 files or more run in worker processes
        src = EXAMPLES[i % len(EXAMPLES)]
        (folder / f"{i:03d}-{src.name}").write_bytes(src.read_bytes())
    (folder / "zz-broken.yaml").write_text("project: {name: X, phase: nope}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", str(folder), "-o", "json", "--date", TODAY.isoformat(), "--jobs", jobs], catch_exceptions=False
    )
    rows = json.loads(result.stdout)["projects"]
    assert len(rows) == len(list(folder.iterdir()))
    assert result.stdout == json.dumps({"projects": rows}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "zz-broken.yaml" in result.stderr and result.exit_code == 2


def test_quick_resolver_gives_pyyaml_tags() -> None:
    text = (
        "a: [yes, no, On, off, ~, null, '', \"\", 1e3, 1.0e3, 0x1F, 0o17, 0b11, 1_000, 12:30:00, .inf, -.Inf, .NaN,\n"
        "    2026-01-01, 2026-01-01T10:00:00Z, '1', \"2\", =, +1, -2, 0.5, true, FALSE, Null, NO, Norway, 'yes',\n"
        "    ~x, .5, +.5, 0, 00, 09, 1:2, a b, <<]\n<<: {b: 1}\n"
    )

    def tags(node: yaml.Node) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            return [node.tag]
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        return [node.tag, *(t for c in children for t in tags(c))]

    for sample in [text, *(p.read_text(encoding="utf-8") for p in EXAMPLES)]:
        assert tags(yaml.compose(sample, Loader=_ComposeLoader)) == tags(yaml.compose(sample, Loader=_Loader))


def test_text_at_the_depth_limit_is_still_refused() -> None:
    # the root mapping is depth 0, the list under notes depth 1, the text inside k lists depth k + 1
    deep = "project: {name: X}\nnotes: " + "[" * MAX_DEPTH + "text" + "]" * MAX_DEPTH + "\n"
    with pytest.raises(SourceError, match="nested too deeply"):
        read_text(deep, "deep.yaml")
    ok = "project: {name: X}\nnotes: " + "[" * (MAX_DEPTH - 1) + "text" + "]" * (MAX_DEPTH - 1) + "\n"
    assert read_text(ok, "ok.yaml").data["notes"]


def test_evaluation_is_the_same_twice_in_one_process(kb: KnowledgeBase) -> None:
    """Caches (positions, paths, texts) never leak one description's answers into another's."""
    for path in EXAMPLES:
        first = evaluate(load_description(path), kb, today=TODAY)
        for other in EXAMPLES:
            evaluate(load_description(other), kb, today=dt.date(2027, 1, 1))
        again = evaluate(load_description(path), kb, today=TODAY)
        assert first == again

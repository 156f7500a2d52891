"""The malformed corpus: every bad input gives exit 2, one located Error: line per problem, no traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.description import load_description
from pbd.description.source import MAX_BYTES
from pbd.errors import DescriptionError

CORPUS = sorted((Path(__file__).parent / "malformed").iterdir())


def _validate(path: Path) -> tuple[int, str, float]:
    runner = CliRunner()
    start = time.perf_counter()
    result = runner.invoke(cli, ["validate", str(path)], catch_exceptions=False)
    return result.exit_code, result.stderr, time.perf_counter() - start


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_malformed_input_is_a_located_error(path: Path) -> None:
    code, err, _ = _validate(path)
    assert code == 2
    lines = err.strip().splitlines()
    assert lines, "no error message"
    for line in lines:
        assert line.startswith(f"Error: {path}:"), line
        assert ": $" in line, line  # the JSON path
        file_line = line.removeprefix("Error: ").split(":")
        assert file_line[1].isdigit() and int(file_line[1]) >= 1, line
    assert "Traceback" not in err


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_library_raises_description_error(path: Path) -> None:
    with pytest.raises(DescriptionError) as info:
        load_description(path)
    assert info.value.problems


def test_huge_file_fails_fast(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("w") as fh:
        fh.write("project:\n  name: X\n  summary: |\n")
        line = "    " + "x" * 95 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line)):
            fh.write(line)
    assert big.stat().st_size > MAX_BYTES
    code, err, seconds = _validate(big)
    assert code == 2
    assert "big.yaml:1:1: $:" in err
    assert seconds < 1.0


def test_alias_bomb_stops_fast() -> None:
    bomb = next(p for p in CORPUS if "alias-bomb" in p.name)
    _, err, seconds = _validate(bomb)
    assert "YAML-aliassen" in err
    assert seconds < 1.0


def test_all_problems_of_a_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "project:\n  name: X\n  phase: ontwerpp\n  foo: 1\nprocessings:\n"
        "  - id: p1\n    retention: {period: 30 days}\n    scale: {data_subjects: many}\n",
        encoding="utf-8",
    )
    with pytest.raises(DescriptionError) as info:
        load_description(path)
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "$.project.phase",
        "$.project.foo",
        "$.processings[0].retention.period",
        "$.processings[0].scale.data_subjects",
    ]
    assert [p.line for p in info.value.problems] == [3, 4, 7, 8]


def test_did_you_mean_for_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "project: {name: X}\nprocessings:\n  - id: p1\n    legal_basis: {grond: public_task}\n", encoding="utf-8"
    )
    with pytest.raises(DescriptionError) as info:
        load_description(path)
    problem = info.value.problems[0]
    assert problem.path == "$.processings[0].legal_basis.grond"
    assert "bedoelde u 'ground'?" in problem.message_nl
    assert "did you mean 'ground'?" in problem.message_en


def test_english_messages(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("project: {name: X, phase: nope}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--lang", "en", str(path)], catch_exceptions=False)
    assert "is not an allowed value for 'Phase'" in result.stderr


def test_json_format_lists_problems(tmp_path: Path) -> None:
    import json

    path = tmp_path / "x.yaml"
    path.write_text("project: {name: X, phase: nope}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data[0]["valid"] is False
    assert data[0]["problems"][0]["path"] == "$.project.phase"
    assert data[0]["problems"][0]["line"] == 1

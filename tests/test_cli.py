"""The command line as a user runs it: exit codes, one-line errors, formats, portfolio, explain."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pbd.cli import cli, main
from pbd.description import load_text
from tests.conftest import EXAMPLES, ROOT


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_validate_examples() -> None:
    code, out, _ = run("validate", *map(str, EXAMPLES))
    assert code == 0
    assert out.count("geldig") == len(EXAMPLES)


def test_check_exit_codes() -> None:
    path = str(ROOT / "examples" / "stratumseind.yaml")
    assert run("check", path, "--date", "2026-11-01")[0] == 1
    assert run("check", path, "--date", "2026-11-01", "--fail-on", "none")[0] == 0
    assert (
        run(
            "check", str(ROOT / "examples" / "slimme-straatverlichting.yaml"), "--gate", "idee", "--date", "2026-11-01"
        )[0]
        == 0
    )


def test_fail_on_counts_only_gaps_due_by_the_gate(tmp_path: Path) -> None:
    # VA-07 (exit arrangements) is due at aanbesteding: it does not fail the idee gate
    path = str(ROOT / "examples" / "slimme-straatverlichting.yaml")
    assert run("check", path, "--gate", "idee", "--date", "2026-11-01")[0] == 0
    assert run("check", path, "--gate", "aanbesteding", "--date", "2026-11-01")[0] == 1


def test_json_output_is_byte_identical_and_records_versions(tmp_path: Path) -> None:
    path = str(ROOT / "examples" / "huishoudboekje.yaml")
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    run("check", path, "--date", "2026-11-01", "-o", f"json:{one}")
    run("check", path, "--date", "2026-11-01", "-o", f"json:{two}")
    assert one.read_bytes() == two.read_bytes()
    data = json.loads(one.read_text(encoding="utf-8"))
    assert data["result_schema_version"] == 1
    assert set(data["knowledge_base"]) == {"version", "sha256"}
    assert len(data["input"]["sha256"]) == 64
    assert data["date"] == "2026-11-01"


def test_several_outputs_at_once(tmp_path: Path) -> None:
    path = str(ROOT / "examples" / "scanauto-parkeercontrole.yaml")
    _, out, _ = run(
        "check",
        path,
        "--date",
        "2026-11-01",
        "-o",
        "text",
        "-o",
        f"sarif:{tmp_path / 'x.sarif'}",
        "-o",
        f"junit:{tmp_path / 'x.xml'}",
        "-o",
        f"markdown:{tmp_path / 'x.md'}",
    )
    assert "Screening" in out
    assert json.loads((tmp_path / "x.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "x.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith("# Scanauto")


def test_usage_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    for args in (
        ["check", "does-not-exist.yaml"],
        ["check", str(EXAMPLES[0]), "-o", "pdf"],
        ["check", str(EXAMPLES[0]), "--date", "gisteren"],
        ["check", str(EXAMPLES[0]), "-o", "text", "-o", "json"],
        ["criteria", "show", "XX-99"],
        ["criteria", "list", "--group", "ZZ"],
        ["check", str(EXAMPLES[0]), "--explain", "NOPE-1"],
    ):
        code, _, err = run(*args)
        assert code == 2, args
        assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1, (args, err)


def test_main_maps_click_usage_errors(capsys: object) -> None:
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2


def test_portfolio_summary(tmp_path: Path) -> None:
    for p in EXAMPLES:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "broken.yaml").write_text("project: {name: X, phase: nope}\n", encoding="utf-8")
    code, out, err = run("check", str(tmp_path), "--date", "2026-11-01", "--fail-on", "none")
    assert code == 2  # one invalid file makes the run a bad-input run, the others are still reported
    assert "broken.yaml" in err
    assert "5 projecten getoetst, 1 ongeldig" in out
    for p in EXAMPLES:
        name = yaml.safe_load(p.read_text(encoding="utf-8"))["project"]["name"]
        assert name[:20] in out
    code, out, _ = run(
        "check",
        str(tmp_path / EXAMPLES[0].name),
        str(tmp_path / EXAMPLES[1].name),
        "-o",
        "json",
        "--date",
        "2026-11-01",
    )
    rows = json.loads(out)["projects"]
    assert [r["file"] for r in rows] == [str(tmp_path / EXAMPLES[0].name), str(tmp_path / EXAMPLES[1].name)]


def test_portfolio_writes_per_project_files(tmp_path: Path) -> None:
    out_dir = tmp_path / "results"
    run("check", str(ROOT / "examples"), "--date", "2026-11-01", "-o", f"sarif:{out_dir}", "-o", "text")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{p.stem}.sarif" for p in EXAMPLES)


def test_explain_says_what_it_read_and_saw() -> None:
    code, out, _ = run(
        "check", str(ROOT / "examples" / "huishoudboekje.yaml"), "--explain", "RM-07", "--date", "2026-11-01"
    )
    assert code == 0
    assert "national_id" in out and "Conclusie" in out and "voldaan" in out


def test_screen_text_and_json() -> None:
    code, out, _ = run("screen", str(ROOT / "examples" / "scanauto-parkeercontrole.yaml"))
    assert code == 0 and "DPIA VERPLICHT" in out and "12 Locatiegegevens" in out
    code, out, _ = run(
        "screen", "--lang", "en", "--format", "json", str(ROOT / "examples" / "slimme-straatverlichting.yaml")
    )
    assert json.loads(out)["dpia"] == "not_needed"


def test_every_command_has_help_with_an_example() -> None:
    def walk(group: object, prefix: list[str]) -> list[list[str]]:
        import click

        assert isinstance(group, click.Group)
        out = []
        for name, cmd in group.commands.items():
            out.append([*prefix, name])
            if isinstance(cmd, click.Group):
                out.extend(walk(cmd, [*prefix, name]))
        return out

    for path in walk(cli, []):
        code, out, _ = run(*path, "--help")
        assert code == 0, path
        assert "Usage:" in out


def test_readme_example_is_a_valid_description() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", readme, re.S)
    assert block is not None
    loaded = load_text(block.group(1), "README.md")
    assert loaded.model.project.name == "Scanauto parkeercontrole"


def test_schema_command_matches_committed_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    committed = (ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8")
    assert out == committed, (
        "schemas/project.schema.json is stale: run `python cli.py schema > schemas/project.schema.json`"
    )


def test_baseline_reports_only_what_is_new(tmp_path: Path) -> None:
    old_desc = tmp_path / "p.yaml"
    old_desc.write_text(
        "project: {name: Baseline}\nprocessings:\n  - id: p1\n    data_items: [{name: naam}]\n"
        "    legal_basis: {ground: public_task, provision: 'Gemeentewet art. 160', explanation: Openbare orde in de binnenstad}\n",
        encoding="utf-8",
    )
    result = tmp_path / "old.json"
    run("check", str(old_desc), "--date", "2026-11-01", "-o", f"json:{result}", "--fail-on", "none")
    new_desc = tmp_path / "q.yaml"
    new_desc.write_text(
        old_desc.read_text(encoding="utf-8").replace("provision: 'Gemeentewet art. 160', ", ""), encoding="utf-8"
    )
    code, out, _ = run("check", str(new_desc), "--date", "2026-11-01", "--baseline", str(result), "-o", "json")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["status"], f["path"]) for f in findings] == [
        ("RM-02", "open", "$.processings[0].legal_basis.provision")
    ]
    assert code == 0  # an open question is not a gap
    code, out, _ = run("check", str(old_desc), "--date", "2026-11-01", "--baseline", str(result), "-o", "json")
    assert json.loads(out)["findings"] == []
    assert run("check", str(old_desc), "--baseline", str(tmp_path / "nope.json"))[0] == 2


@pytest.mark.parametrize("args", [[], ["criteria"], ["tenant"]])
def test_a_group_without_its_command_shows_its_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        main(args)
    except SystemExit as done:
        assert done.code == 0
    out, err = capsys.readouterr()
    assert out.startswith("Usage: pbd") and "\\n" not in out and not err

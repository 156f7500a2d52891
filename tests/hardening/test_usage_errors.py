"""click's usage errors in pbd's one-line ``Error: where: what. fix`` form, in the language of --lang or PBD_LANG."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pbd.cli import cli, language_of

CASES = [
    (
        ["check", "--bogus", "x"],
        "Error: pbd check: onbekende optie '--bogus'.",
        "Error: pbd check: no such option '--bogus'.",
    ),
    (["check"], "Error: pbd check: 'PATHS' ontbreekt.", "Error: pbd check: 'PATHS' is missing."),
    (
        ["validate", "x.yaml", "--format", "xml"],
        "Error: pbd validate: --format: 'xml' is geen keuze. Kies uit 'text', 'json'.",
        "Error: pbd validate: --format: 'xml' is not a choice. Choose one of 'text', 'json'.",
    ),
    (
        ["check", "x.yaml", "--jobs", "abc"],
        "Error: pbd check: --jobs: ongeldige waarde",
        "Error: pbd check: --jobs: invalid value",
    ),
    (
        ["schema", "extra"],
        "Error: pbd schema: te veel argumenten (extra).",
        "Error: pbd schema: too many arguments (extra).",
    ),
    (["chek"], "Error: pbd: onbekende opdracht 'chek'.", "Error: pbd: no such command 'chek'."),
]


@pytest.mark.parametrize(("args", "nl", "en"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_errors_are_one_line_in_the_chosen_language(
    args: list[str], nl: str, en: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PBD_LANG", raising=False)
    for extra, env, want in (([], None, nl), (["--lang", "en"], None, en), ([], "en", en), (["--lang=nl"], "en", nl)):
        if env:
            monkeypatch.setenv("PBD_LANG", env)
        else:
            monkeypatch.delenv("PBD_LANG", raising=False)
        if extra and args[0] in ("chek", "schema"):
            continue  # these commands have no --lang option of their own
        result = CliRunner().invoke(cli, [*args, *extra], prog_name="pbd")
        assert result.exit_code == 2, result.output
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(want), (extra, env, lines[0])
        assert "Usage:" not in result.output and "Traceback" not in result.output


def test_language_of_reads_the_option_before_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBD_LANG", "en")
    assert language_of(["check", "x"]) == "en"
    assert language_of(["check", "--lang", "nl"]) == "nl"
    monkeypatch.delenv("PBD_LANG")
    assert language_of(["check", "x"]) == "nl"
    assert language_of(["check", "--lang=en"]) == "en"


def test_shell_completion_is_documented_and_works(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "shell-completion.md").read_text(encoding="utf-8")
    for shell in ("bash_source", "zsh_source", "fish_source"):
        assert f"_PBD_COMPLETE={shell} pbd" in doc
    assert "docs/shell-completion.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.setenv("_PBD_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "pbd check --ga")
    monkeypatch.setenv("COMP_CWORD", "2")
    result = CliRunner().invoke(cli, [], prog_name="pbd", complete_var="_PBD_COMPLETE")
    assert "plain,--gate" in result.output

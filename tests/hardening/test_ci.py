"""The CI integrations: pre-commit hooks and the composite action run commands pbd has; --version names the KB."""

from __future__ import annotations

import re
import shlex

import yaml
from click.testing import CliRunner

from pbd import __version__
from pbd.cli import cli
from pbd.knowledge_base import default_knowledge_base
from tests.conftest import ROOT


def test_version_names_the_knowledge_base() -> None:
    kb = default_knowledge_base()
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"pbd {__version__}\nknowledge base {kb.version} (sha256 {kb.sha256})\n"


def test_pre_commit_hooks_run_validate_and_check_with_fail_on() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert sorted(by_id) == ["pbd-check", "pbd-validate"]
    assert by_id["pbd-validate"]["entry"] == "pbd validate"
    assert by_id["pbd-check"]["entry"] == "pbd check --fail-on high"
    for hook in hooks:
        assert hook["language"] == "python"
        pattern = re.compile(hook["files"])
        assert pattern.search("projecten/stratumseind.yaml")
        assert pattern.search("x/slimme-straatverlichting.pbd.yaml")
        assert not pattern.search(".github/workflows/ci.yml")
        assert re.search(hook["exclude"], "projecten/stratumseind.actions.yaml")


def test_the_action_checks_to_sarif_and_uploads_it() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    check = next(s for s in steps if s.get("id") == "check")
    command = next(line for line in check["run"].splitlines() if line.startswith("pbd check"))
    assert shlex.split(command)[:2] == ["pbd", "check"]
    assert '-o "sarif:${PBD_SARIF}"' in command and "--fail-on" in command
    assert action["inputs"]["sarif"]["default"] == "pbd.sarif"
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"
    # the inputs reach the shell through the environment, never pasted into the script
    assert "${{" not in check["run"]

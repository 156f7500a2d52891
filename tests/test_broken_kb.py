"""A broken knowledge base stops every command that uses it: exit 2, one ``Error:`` line naming the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from pbd.cli import cli, main
from pbd.errors import EXIT_BAD_INPUT, KnowledgeBaseError
from pbd.knowledge_base import default_knowledge_base
from tests.conftest import ROOT, TODAY

EXAMPLE = ROOT / "examples" / "huishoudboekje.yaml"
SECOND = ROOT / "examples" / "slimme-straatverlichting.yaml"
CRITERION = "DM-02"  # early in load order, has systeemeisen and no predicate
SYSTEEMEIS = "SE-MN-02"

Json = dict[str, Any]

# ---------------------------------------------------------------------------------------------
# ways to break the knowledge base; each returns the file it broke


def _edit(path: Path, change: Callable[[Json], None]) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _criterion(root: Path) -> Path:
    return root / "criteria" / f"{CRITERION}.json"


def _bad_requirement_schema(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d.update(requirement={"type": "nope"}))


def _bad_applies_when_schema(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d.update(applies_when={"required": "_derived"}))


def _unknown_key(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d.update(colour="red"))


def _dangling_systeemeis(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d["system_requirements"].append("SE-MN-99"))


def _id_differs_from_file_name(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d.update(id="DM-99"))


def _invalid_json(root: Path) -> Path:
    path = _criterion(root)
    path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    return path


def _not_utf8(root: Path) -> Path:
    path = _criterion(root)
    path.write_bytes(path.read_bytes().replace("é".encode(), b"\xe9", 1).replace(b"Tellingen", b"Tellingen \xff", 1))
    return path


def _unknown_predicate(root: Path) -> Path:
    return _edit(_criterion(root), lambda d: d.update(predicate="no_such_predicate"))


def _unknown_capability(root: Path) -> Path:
    return _edit(root / "system_requirements" / f"{SYSTEEMEIS}.json", lambda d: d.update(capability="teleportation"))


def _systeemeis_names_missing_criterion(root: Path) -> Path:
    return _edit(root / "system_requirements" / f"{SYSTEEMEIS}.json", lambda d: d["criteria"].append("DM-98"))


def _referentiekader_without_group(root: Path) -> Path:
    return _edit(root / "criteria" / "referentiekader.json", lambda d: d.update(groups=d["groups"][:-1]))


#: every command is run against each of these
BREAKAGES: dict[str, Callable[[Path], Path]] = {
    "requirement is not a JSON Schema": _bad_requirement_schema,
    "applies_when is not a JSON Schema": _bad_applies_when_schema,
    "unknown key": _unknown_key,
    "dangling systeemeis reference": _dangling_systeemeis,
    "id differs from file name": _id_differs_from_file_name,
    "invalid JSON": _invalid_json,
    "not UTF-8": _not_utf8,
    "unknown predicate": _unknown_predicate,
    "systeemeis with unknown capability": _unknown_capability,
    "referentiekader missing a group": _referentiekader_without_group,
}

#: more breakages, run against a sample of commands (the loader's path is the same for every command)
MORE_BREAKAGES: dict[str, Callable[[Path], Path]] = {
    "systeemeis naming a missing criterion": _systeemeis_names_missing_criterion,
}
SAMPLE_COMMANDS = ("check", "criteria list", "systeemeisen show")

# ---------------------------------------------------------------------------------------------
# the commands: every leaf command of `pbd` is classified, so a new command cannot slip through

#: commands that use the knowledge base, with arguments ({desc}, {dir}, {out} are filled in)
KB_COMMANDS: dict[str, list[str]] = {
    "check": ["check", "{desc}"],
    "check (portfolio)": ["check", "{dir}"],
    "check --explain": ["check", "{desc}", "--explain", "RM-07"],
    "check -o json": ["check", "{desc}", "-o", "json:{out}/result.json"],
    "screen": ["screen", "{desc}"],
    "report": ["report", "{desc}", "-o", "{out}/dpia.html"],
    "report (folder)": ["report", "{dir}", "-o", "{out}", "--format", "html"],
    "criteria list": ["criteria", "list"],
    "criteria list --format json": ["criteria", "list", "--format", "json"],
    "criteria show": ["criteria", "show", "RM-07"],
    "criteria docs": ["criteria", "docs", "-o", "{out}/kb.md"],
    "systeemeisen list": ["systeemeisen", "list"],
    "systeemeisen show": ["systeemeisen", "show", "SE-LG-01"],
    "verify": ["verify", "{result}", "{desc}"],
    "todo": ["todo", "{desc}"],
    "todo -o csv": ["todo", "{desc}", "-o", "csv:{out}/todo.csv"],
    "export invulhulp": ["export", "invulhulp", "{desc}", "--form", "prescan", "-o", "{out}/prescan.json"],
    "serve": ["serve", "--data", "{out}/web", "--port", "1"],  # stops before Django starts or a port is bound
    "worker": ["worker", "--data", "{out}/web"],  # stops before the broker is asked for
    "tenant recheck": ["tenant", "recheck", "--org", "x", "--data", "{out}/web"],  # before the database is made
}

#: commands that never read the knowledge base
NO_KB_COMMANDS = {
    "validate",
    "schema",
    "init",
    "migrate",
    "criteria capabilities",
    "diff",
    "register",
    "import invulhulp",
    # the web dossier's tenant administration: organisations, accounts and dossiers, no judgement
    "tenant create",
    "tenant list",
    "tenant backup",
    "tenant restore",
}

#: commands that use the knowledge base only for hints and show a notice when it does not load
#: (pbd questionnaire: a half-written description must never be lost because a rule file is broken)
HINT_ONLY_COMMANDS = {"questionnaire"}


def _leaf_commands(group: click.Group, prefix: str = "") -> Iterator[str]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _leaf_commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_every_command_is_classified() -> None:
    tested = {
        args[0] if args[0] not in ("criteria", "systeemeisen", "export", "tenant") else " ".join(args[:2])
        for args in KB_COMMANDS.values()
    }
    known = tested | NO_KB_COMMANDS | HINT_ONLY_COMMANDS
    new = sorted(set(_leaf_commands(cli)) - known)
    assert not new, (
        f"commands not yet classified in tests/test_broken_kb.py: {new}. If a command reads the knowledge base, "
        "add it to KB_COMMANDS (it must exit 2 on a broken knowledge base); otherwise to NO_KB_COMMANDS."
    )


# ---------------------------------------------------------------------------------------------
# fixtures


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """``default_knowledge_base`` is cached per process: start and end every test without a cached copy."""
    default_knowledge_base.cache_clear()
    yield
    default_knowledge_base.cache_clear()


@pytest.fixture
def kb_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None) -> Path:
    """A copy of the bundled knowledge base that $PBD_KB points at."""
    root = tmp_path / "kb"
    for folder in ("criteria", "system_requirements"):
        shutil.copytree(ROOT / folder, root / folder)
    monkeypatch.setenv("PBD_KB", str(root))
    return root


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A result of `pbd check -o json`, recorded once with the intact bundled knowledge base (for `pbd verify`)."""
    from pbd.description import load_description
    from pbd.engine.evaluate import evaluate
    from pbd.knowledge_base import KnowledgeBase
    from pbd.render import REPORTERS, RenderOptions

    kb = KnowledgeBase.load(ROOT)
    assessment = evaluate(load_description(EXAMPLE), kb, today=TODAY)
    path = tmp_path_factory.mktemp("recorded") / "result.json"
    path.write_text(REPORTERS["json"].text(assessment, kb, RenderOptions(lang="nl")), encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path, recorded: Path) -> dict[str, str]:
    """Two descriptions, a recorded result and an empty output folder."""
    folder = tmp_path / "projects"
    folder.mkdir()
    for example in (EXAMPLE, SECOND):
        shutil.copy(example, folder / example.name)
    out = tmp_path / "out"
    out.mkdir()
    return {"desc": str(folder / EXAMPLE.name), "dir": str(folder), "out": str(out), "result": str(recorded)}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``pbd`` in this process through :func:`pbd.cli.main`, which maps errors to exit codes."""
    code: int | str | None = 0
    try:
        main(args)
    except SystemExit as exited:
        code = exited.code
    out, err = capsys.readouterr()
    return (code if isinstance(code, int) else 0), out, err


def _assert_one_error_naming(path: Path, code: int, out: str, err: str) -> None:
    assert "Traceback" not in err
    assert code == EXIT_BAD_INPUT, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert str(path) in lines[0], f"the message does not name {path}: {lines[0]}"
    assert out == "", "nothing is printed before the knowledge base loads"


# ---------------------------------------------------------------------------------------------
# the tests


def test_the_intact_copy_works(kb_copy: Path, inputs: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """The copy itself is fine: the failures below come from the breakage, not from the setup."""
    for args in (["criteria", "list"], ["screen", inputs["desc"]], ["check", inputs["dir"], "--fail-on", "none"]):
        code, out, err = _run(args, capsys)
        assert code == 0, err
        assert out
        assert err == ""


@pytest.mark.parametrize("breakage", BREAKAGES)
@pytest.mark.parametrize("command", KB_COMMANDS)
def test_broken_knowledge_base_stops_the_command(
    breakage: str, command: str, kb_copy: Path, inputs: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BREAKAGES[breakage](kb_copy)
    args = [a.format(**inputs) for a in KB_COMMANDS[command]]
    code, out, err = _run(args, capsys)
    _assert_one_error_naming(broken, code, out, err)
    assert not list(Path(inputs["out"]).iterdir()), "no output file is written"


@pytest.mark.parametrize("breakage", MORE_BREAKAGES)
@pytest.mark.parametrize("command", SAMPLE_COMMANDS)
def test_more_breakages_stop_the_command(
    breakage: str, command: str, kb_copy: Path, inputs: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = MORE_BREAKAGES[breakage](kb_copy)
    code, out, err = _run([a.format(**inputs) for a in KB_COMMANDS[command]], capsys)
    _assert_one_error_naming(broken, code, out, err)


@pytest.mark.parametrize("breakage", [*BREAKAGES, *MORE_BREAKAGES])
def test_library_raises_knowledge_base_error(breakage: str, kb_copy: Path) -> None:
    """The loader itself raises a KnowledgeBaseError naming the file, with a fix."""
    broken = {**BREAKAGES, **MORE_BREAKAGES}[breakage](kb_copy)
    with pytest.raises(KnowledgeBaseError) as raised:
        default_knowledge_base()
    assert raised.value.where == str(broken)
    assert raised.value.fix, "the message says how to fix it"


@pytest.mark.parametrize("command", ["criteria list", "check"])
def test_click_runner_exits_2(command: str, kb_copy: Path, inputs: dict[str, str]) -> None:
    """Through click's own runner (catch_exceptions=False), as the other CLI tests run commands."""
    broken = _unknown_key(kb_copy)
    result = CliRunner().invoke(cli, [a.format(**inputs) for a in KB_COMMANDS[command]], catch_exceptions=False)
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert str(broken) in result.stderr


@pytest.mark.parametrize(
    ("breakage", "command"),
    [
        ("requirement is not a JSON Schema", "check (portfolio)"),
        ("invalid JSON", "criteria show"),
        ("systeemeis with unknown capability", "report"),
    ],
)
def test_real_process_exits_2_without_traceback(
    breakage: str, command: str, kb_copy: Path, inputs: dict[str, str]
) -> None:
    """The same through the real entry point in a fresh process (as `pbd` runs), so no cache can hide anything."""
    broken = BREAKAGES[breakage](kb_copy)
    args = [a.format(**inputs) for a in KB_COMMANDS[command]]
    env = {**os.environ, "PBD_KB": str(kb_copy)}
    env.pop("PBD_DEBUG", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    _assert_one_error_naming(broken, done.returncode, done.stdout, done.stderr)

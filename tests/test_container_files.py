"""The container files (Dockerfile, compose.yaml, .dockerignore) checked without a container engine.

No image is built here (there is no Docker on the CI machines): what can be checked statically is — every
command a service or health check runs is a real ``pbd`` command with options that parse, every ``PBD_*``
variable compose sets is one pbd reads, the PDF libraries and fonts are the ones ``.ci/run`` installs (the
ones the PDF tests ran with), the extra installed exists, the user is not root, web and worker share the
data volume, secrets are not written into the file, and ``.dockerignore`` keeps out data and secrets while
letting through what the wheel is built from.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from pbd.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, rest), continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines: list[str] = []
    buf = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        lines.append(buf + line)
        buf = ""
    out = []
    for line in lines:
        key, _, rest = line.partition(" ")
        out.append((key.upper(), rest.strip()))
    return out


def _instr(key: str) -> list[str]:
    return [rest for k, rest in _dockerfile() if k == key]


def _exec_form(rest: str) -> list[str]:
    import json

    value = json.loads(rest)
    assert isinstance(value, list) and all(isinstance(x, str) for x in value), rest
    return value


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _parses_as_pbd(argv: list[str]) -> click.Command:
    """``argv`` (``pbd …``) resolves to a pbd command whose options and arguments parse (nothing is run)."""
    assert argv[0] == "pbd", argv
    group: click.Group = cli
    ctx = click.Context(cli, info_name="pbd")
    args = argv[1:]
    command: click.Command | None = None
    while args:
        name, args = args[0], args[1:]
        command = group.get_command(ctx, name)
        assert command is not None, f"pbd has no command {name!r} ({' '.join(argv)})"
        if isinstance(command, click.Group):
            group = command
            continue
        break
    assert command is not None and not isinstance(command, click.Group), argv
    command.make_context(" ".join(argv[:2]), list(args), parent=ctx)  # raises on an unknown option or bad value
    return command


def _ci_pdf_packages() -> set[str]:
    """The packages of .ci/run's first apt-get install: the libraries WeasyPrint needs, and the fonts."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        if "apt-get install" in line and "libpango" in line:
            words = line.split("install", 1)[1].split()
            return {w for w in words if not w.startswith(("-", ">", "$")) and w != "2>&1"}
    raise AssertionError(".ci/run installs no libpango")


def _pbd_environment_names() -> set[str]:
    """Every ``PBD_*`` name pbd's own source reads (as a string literal)."""
    names: set[str] = set()
    for path in (ROOT / "pbd").rglob("*.py"):
        names |= set(re.findall(r"[\"'](PBD_[A-Z0-9_]+)[\"']", path.read_text(encoding="utf-8")))
    return names


# -- Dockerfile -----------------------------------------------------------------------------------------


def test_the_image_is_python_3_11_slim_bookworm_in_every_stage() -> None:
    froms = [rest.split()[0] for rest in _instr("FROM")]
    assert froms and all(f == "python:3.11-slim-bookworm" for f in froms), froms


def test_the_image_installs_the_pdf_libraries_and_fonts_ci_tests_with() -> None:
    installs = [r for r in _instr("RUN") if "apt-get install" in r]
    assert len(installs) == 1
    cmd = installs[0].split("apt-get install", 1)[1].split("&&", 1)[0]
    packages = {w for w in cmd.split() if not w.startswith("-")}
    assert packages == _ci_pdf_packages()
    assert {"libpango-1.0-0", "libharfbuzz0b", "fonts-dejavu-core"} <= packages
    assert "rm -rf /var/lib/apt/lists/*" in installs[0]


def test_the_extra_installed_exists_and_brings_the_web_and_the_worker() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    pips = [r for r in _instr("RUN") if "pip install" in r]
    named = {e for r in pips for e in re.findall(r"\[([a-z,]+)\]", r) for e in e.split(",")}
    assert named and named <= set(extras), (named, sorted(extras))
    wanted = " ".join(d for e in named for d in extras[e])
    for package in ("django", "waitress", "psycopg", "celery[redis]", "argon2-cffi"):
        assert package in wanted, package
    # the wheel is built from the tree, as pyproject says
    assert any("pip wheel" in r for r in _instr("RUN"))
    assert pyproject["build-system"]["build-backend"] == "hatchling.build"


def test_the_image_runs_as_an_unprivileged_user_with_a_data_volume() -> None:
    users = _instr("USER")
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any("useradd" in r and "--system" in r for r in _instr("RUN"))
    assert _exec_form(_instr("VOLUME")[-1]) == ["/data"]
    env = " ".join(_instr("ENV"))
    assert "PBD_DATA=/data" in env


def test_the_health_check_and_the_command_are_pbd_commands() -> None:
    health = _instr("HEALTHCHECK")[-1]
    options, _, cmd = health.partition("CMD ")
    assert "--interval=" in options and "--start-period=" in options
    argv = _exec_form(cmd)
    assert argv == ["pbd", "serve", "--check"]
    _parses_as_pbd(argv)
    start = _exec_form(_instr("CMD")[-1])
    assert start[:4] == ["pbd", "serve", "--host", "0.0.0.0"]
    _parses_as_pbd(start)
    assert (
        any(r == "8000" for r in _instr("EXPOSE")) and "--port" in start and start[start.index("--port") + 1] == "8000"
    )


# -- compose.yaml -------------------------------------------------------------------------------------------


def test_compose_has_postgresql_redis_web_and_worker() -> None:
    services = _compose()["services"]
    assert set(services) == {"db", "redis", "web", "worker"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["web"]["build"] == "." and services["worker"]["image"] == services["web"]["image"]
    assert services["worker"]["depends_on"]["web"]["condition"] == "service_healthy"  # web migrates first
    for name in ("db", "redis"):
        assert services["web"]["depends_on"][name]["condition"] == "service_healthy"


@pytest.mark.parametrize("service", ["web", "worker"])
def test_every_service_command_and_health_check_is_a_pbd_command(service: str) -> None:
    s = _compose()["services"][service]
    command = s["command"] if isinstance(s["command"], list) else shlex.split(s["command"])
    _parses_as_pbd(command)
    test = s["healthcheck"]["test"]
    assert test[0] == "CMD"
    _parses_as_pbd(test[1:])


def test_the_workers_command_is_pbd_worker_and_the_web_listens_on_all_interfaces() -> None:
    services = _compose()["services"]
    assert _parses_as_pbd(services["worker"]["command"]).name == "worker"
    web = services["web"]["command"]
    assert web[:2] == ["pbd", "serve"] and web[web.index("--host") + 1] == "0.0.0.0"
    assert all(p.startswith("127.0.0.1:") for p in services["web"]["ports"])  # behind the proxy, not the world


@pytest.mark.parametrize("service", ["web", "worker"])
def test_every_variable_compose_sets_is_one_pbd_reads(service: str) -> None:
    env = _compose()["services"][service]["environment"]
    assert isinstance(env, dict)
    unknown = sorted(set(env) - _pbd_environment_names())
    assert not unknown, f"pbd reads none of {unknown}"
    for needed in ("PBD_DATABASE_URL", "PBD_BROKER_URL", "PBD_SECRET_KEY", "PBD_DATA"):
        assert env.get(needed), needed
    assert env["PBD_DATABASE_URL"].startswith("postgresql://") and "@db:5432/" in env["PBD_DATABASE_URL"]
    assert env["PBD_BROKER_URL"] == "redis://redis:6379/0"


def test_secrets_come_from_the_environment_not_the_file() -> None:
    data = _compose()
    web = data["services"]["web"]["environment"]
    assert re.fullmatch(r"\$\{PBD_SECRET_KEY:\?[^}]+\}", web["PBD_SECRET_KEY"])
    assert "${PBD_DB_PASSWORD:?" in web["PBD_DATABASE_URL"]
    assert data["services"]["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${PBD_DB_PASSWORD:?")


def test_web_and_worker_share_the_data_volume_at_pbd_data() -> None:
    data = _compose()
    mounts = {s: data["services"][s]["volumes"] for s in ("web", "worker")}
    target = data["services"]["web"]["environment"]["PBD_DATA"]
    assert (
        mounts["web"] == mounts["worker"] == [f"pbd-data:{target}"]
    )  # job outputs written by one, served by the other
    assert "pbd-data" in data["volumes"]


# -- .dockerignore ---------------------------------------------------------------------------------------------


def _ignored(path: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path.split("/", maxsplit=1)[0], p) for p in patterns)


def test_dockerignore_keeps_out_data_and_secrets_and_lets_the_wheel_through() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert not any(p.startswith("!") for p in patterns)  # no exceptions to reason about
    for secret in (".env", ".env.production", ".git", ".venv", "pbd-data", "secret_key", "pbd.sqlite3"):
        assert _ignored(secret, patterns), secret
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = ["pyproject.toml", "README.md", "pbd/cli.py"]
    needed += list(pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"])
    for path in needed:
        assert not _ignored(path, patterns), path

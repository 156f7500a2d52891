"""The auditor's workflow: recorded JSON results read back and checked, then verified, compared and filtered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pbd.engine.findings import RESULT_SCHEMA_VERSION
from pbd.errors import PbdError
from pbd.files import read_json
from pbd.vocabulary import Gate, Severity, Status

Json = dict[str, Any]

_FIX = "Give a file written by `pbd check FILE -o json:RESULT.json`."


def read_result(path: Path | str) -> Json:
    """Read a JSON result written by ``pbd check -o json``; a clear :class:`PbdError` for anything else."""
    data = read_json(path, _FIX)
    return check_result(data, str(path))


def check_result(data: Any, where: str = "result") -> Json:
    """Check that ``data`` is a pbd result of the format this pbd writes; return it unchanged."""
    if not isinstance(data, dict):
        raise PbdError(where, "not a pbd result (the top level is not a JSON object)", _FIX)
    if "result_schema_version" not in data:
        raise PbdError(where, "not a pbd result ('result_schema_version' is missing)", _FIX)
    version = data["result_schema_version"]
    if version != RESULT_SCHEMA_VERSION:
        raise PbdError(
            where,
            f"written in result format version {version!r}; this pbd reads version {RESULT_SCHEMA_VERSION}",
            "Compare results of the same format: re-run `pbd check -o json` with this pbd on the description.",
        )

    def need(cond: bool, what: str) -> None:
        if not cond:
            raise PbdError(where, f"not a complete pbd result: {what}", _FIX)

    need(isinstance(data.get("pbd_version"), str), "'pbd_version' is missing")
    kb = data.get("knowledge_base")
    need(
        isinstance(kb, dict) and isinstance(kb.get("version"), str) and isinstance(kb.get("sha256"), str),
        "'knowledge_base' needs 'version' and 'sha256'",
    )
    inp = data.get("input")
    need(
        isinstance(inp, dict) and isinstance(inp.get("file"), str) and isinstance(inp.get("sha256"), str),
        "'input' needs 'file' and 'sha256'",
    )
    need(isinstance(data.get("date"), str), "'date' is missing")
    try:
        dt.date.fromisoformat(data["date"])
    except ValueError:
        raise PbdError(where, f"'date' is not a date: {data['date']!r}", _FIX) from None
    gate = data.get("gate")
    need(gate is None or gate in {g.value for g in Gate}, f"'gate' {gate!r} is not a decision gate")
    need(data.get("lang") in ("nl", "en"), "'lang' must be nl or en")
    need(isinstance(data.get("waivers_applied"), bool), "'waivers_applied' is missing")
    screening = data.get("screening")
    need(
        isinstance(screening, dict)
        and all(k in screening for k in ("dpia", "ap", "edpb", "art35_3", "dtia", "iama", "kia")),
        "'screening' is incomplete",
    )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise PbdError(where, "not a complete pbd result: 'findings' is not a list", _FIX)
    statuses = {s.value for s in Status}
    severities = {s.value for s in Severity}
    gates = {g.value for g in Gate}
    for i, f in enumerate(findings):
        need(
            isinstance(f, dict)
            and all(isinstance(f.get(k), str) for k in ("rule", "target", "path", "status", "severity", "gate")),
            f"findings[{i}] needs rule, target, path, status, severity and gate",
        )
        need(f["status"] in statuses, f"findings[{i}] has an unknown status {f['status']!r}")
        need(f["severity"] in severities, f"findings[{i}] has an unknown severity {f['severity']!r}")
        need(f["gate"] in gates, f"findings[{i}] has an unknown gate {f['gate']!r}")
    return data


__all__ = ["Json", "check_result", "read_result"]

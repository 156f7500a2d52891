"""SARIF 2.1.0: gaps and open questions located at lines of the description, for code-review tools.

Written the way GitHub code scanning reads it: a gap is ``kind: fail`` with a level by severity, an
open question ``kind: review`` with ``level: none`` (SARIF 2.1.0 §3.27.10: only ``fail`` carries a
level); file URIs are relative to the folder pbd ran in (``uriBaseId: SRCROOT``, in CI the
repository root); fingerprints name elements by id or name, never by list position, so that
reordering a list does not re-open every alert; every rule links to its entry in the generated
knowledge-base documentation.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.render import RenderOptions
from pbd.render.common import explanation, fix, references, title
from pbd.vocabulary import Severity, Status

_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
_BASE = "SRCROOT"
_DOCS = {"nl": "docs/knowledge-base.md", "en": "docs/knowledge-base.en.md"}
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


@functools.cache
def _repository() -> str | None:
    """The repository URL of the installed pbd (``[project.urls]`` Repository, Source or Homepage), if any."""
    try:
        urls = importlib.metadata.metadata("pbd").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - pbd runs from a source tree
        return None
    named: dict[str, str] = {}
    for entry in urls:
        name, _, url = entry.partition(",")
        named[name.strip().lower()] = url.strip().rstrip("/")
    for key in ("repository", "source", "source code", "homepage"):
        if named.get(key, "").startswith("https://"):
            return named[key]
    return None


def help_uri(rule: str, lang: str) -> str:
    """Where the generated documentation explains ``rule``: in the repository, else relative to its root."""
    page = f"{_DOCS.get(lang, _DOCS['nl'])}#{rule.lower()}"
    repo = _repository()
    if repo is None:
        return page
    return f"{repo}/blob/HEAD/{page}"


def artifact_location(file: str, cwd: str | None = None) -> dict[str, str]:
    """A relative URI under ``SRCROOT`` (the current folder) where the file lies under it, else a file: URI."""
    path = Path(file)
    root = Path(cwd) if cwd else Path.cwd()
    absolute = path if path.is_absolute() else root / path
    try:
        relative = PurePosixPath(Path(os.path.normpath(absolute)).relative_to(os.path.normpath(root)))
    except ValueError:
        return {"uri": Path(os.path.normpath(absolute)).as_uri()}
    return {"uri": quote(str(relative)), "uriBaseId": _BASE}


def _element_key(element: Any) -> str | None:
    if isinstance(element, dict):
        for key in ("id", "name", "party", "title"):
            value = element.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                return f"{key}={value}"
    elif isinstance(element, str | int | float) and not isinstance(element, bool):
        return f"={element}"
    if element is None:
        return None
    # no id or name: the element's content, which stays the same when the list is reordered
    digest = hashlib.sha256(json.dumps(element, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"sha256={digest[:16]}"


def stable_path(path: str, data: Any) -> str:
    """``path`` with every list index replaced by the id or name of the element it points at.

    ``$.processings[0].purposes[2].compatibility`` becomes
    ``$.processings[id=geluid].purposes[id=handhaving].compatibility``; an element without either is
    named by a hash of its content; only where the description cannot be read again (moved or
    changed since the check) is an index written as ``[*]``.
    """
    head = "$" if path.startswith("$") else ""
    rest = path[len(head) :] if head or path.startswith((".", "[")) else "." + path
    out = [head]
    node = data
    pos = 0
    for m in _STEP.finditer(rest):
        if m.start() != pos:
            break
        pos = m.end()
        key, index = m.group(1), m.group(2)
        if key is not None:
            out.append("." + key)
            node = node.get(key) if isinstance(node, dict) else None
        else:
            element = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
            out.append(f"[{_element_key(element) or '*'}]")
            node = element
    text = "".join(out) + re.sub(r"\[\d+\]", "[*]", rest[pos:])
    return text if head or path.startswith((".", "[")) else text[1:]


def _description_data(a: Assessment) -> Any:
    """The description the assessment was made of, when it is still there unchanged (for the fingerprints)."""
    from pbd.description import load_description
    from pbd.errors import PbdError

    try:
        loaded = load_description(Path(a.file))
    except (PbdError, OSError):
        return None
    return loaded.data() if loaded.sha256 == a.input_sha256 else None


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    reported = [f for f in a.findings if f.status in (Status.GAP, Status.OPEN, Status.WAIVED)]
    rule_ids = sorted({f.rule for f in reported})
    rules = []
    for rid in rule_ids:
        sample = next(f for f in reported if f.rule == rid)
        if sample.kind == "criterion":
            crit = kb.criteria[rid]
            full = crit.norm.get(lang)
        else:
            full = kb.system_requirements[rid].text.get(lang)
        rules.append(
            {
                "id": rid,
                "name": rid.replace("-", ""),
                "shortDescription": {"text": title(sample, kb, lang)},
                "fullDescription": {"text": full},
                "help": {"text": fix(sample, kb, lang)},
                "helpUri": help_uri(rid, lang),
                "defaultConfiguration": {"level": _LEVEL[sample.severity]},
                "properties": {"tags": list(references(sample, kb)), "group": sample.group},
            }
        )
    index = {rid: i for i, rid in enumerate(rule_ids)}
    location = artifact_location(a.file)
    data = _description_data(a) if reported else None
    results: list[dict[str, Any]] = []
    for f in reported:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity] if f.status is not Status.OPEN else "none",
            "kind": "fail" if f.status is not Status.OPEN else "review",
            "message": {"text": f"{title(f, kb, lang)} — {explanation(f, kb, lang)} ({f.path})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {**location, "index": 0},
                        "region": {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)},
                    },
                    "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}],
                }
            ],
            "partialFingerprints": {"pbdFinding/v2": f"{f.rule}|{f.target}|{stable_path(f.path, data)}"},
            "properties": {"status": f.status.value, "target": f.target, "gate": f.gate.value},
        }
        if f.status is Status.WAIVED:
            result["suppressions"] = [{"kind": "external", "justification": f"waivers[{f.waiver}]"}]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pbd",
                        "version": a.pbd_version,
                        "informationUri": "https://github.com/pbd-privacy/pbd",
                        "rules": rules,
                        "properties": {"knowledgeBase": {"version": a.kb_version, "sha256": a.kb_sha256}},
                    }
                },
                "originalUriBaseIds": {
                    _BASE: {"description": {"text": "The folder pbd ran in; in CI, the root of the repository."}}
                },
                "artifacts": [{"location": location, "hashes": {"sha-256": a.input_sha256}}],
                "results": results,
                "properties": {
                    "date": a.date.isoformat(),
                    "gate": a.gate.value if a.gate else None,
                    "dpia": a.screening.dpia,
                },
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

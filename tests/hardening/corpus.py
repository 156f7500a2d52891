"""A corpus of bad input: every kind of file pbd must refuse with one ``Error:`` line, exit 2 and nothing written.

Each :class:`Bad` is one kind of bad input, written into a folder by :func:`materialise`. They come
in families: files that are not text or not files at all (FIFOs, devices, folders, dangling
links), YAML and JSON that do not parse or break a limit (size, depth, nodes, aliases, digits,
text length), and files that parse but are not a valid description (every duration field with
absurd or malformed periods, every count with booleans, negatives and huge numbers, lists over
their bounds, wrong types, unknown keys, enum values, references and waivers). The JSON kinds are
also the bad inputs of the readers of results and exports (``verify``, ``diff``, ``--baseline``,
``import invulhulp``).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

BASE_FILE = ROOT / "examples" / "slimme-straatverlichting.yaml"


@dataclass(frozen=True)
class Bad:
    kind: str
    #: the file name to write (its suffix decides YAML or JSON)
    name: str
    content: bytes | None = None
    #: how to make a file that is not plain content: fifo, zero, urandom, folder, dangling, loop
    special: str | None = None
    #: also a bad input for the JSON readers of results and exports
    json_reader: bool = False


def _base() -> dict[str, Any]:
    data = yaml.safe_load(BASE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _dump(data: Any) -> bytes:
    def default(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value))

    return yaml.safe_dump(json.loads(json.dumps(data, default=default)), allow_unicode=True, sort_keys=False).encode()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets ``value`` at a dotted path (``processings.0.retention.period``), making mappings on the way."""

    def change(data: dict[str, Any]) -> None:
        node: Any = data
        parts = path.split(".")
        for part in parts[:-1]:
            key: Any = int(part) if part.isdigit() else part
            if isinstance(node, dict) and node.get(key) is None:
                node[key] = {}
            node = node[key]
        last: Any = int(parts[-1]) if parts[-1].isdigit() else parts[-1]
        node[last] = value

    return change


def _model(kind: str, *changes: Callable[[dict[str, Any]], None], suffix: str = ".yaml") -> Bad:
    data = copy.deepcopy(_base())
    for change in changes:
        change(data)
    content = json.dumps(data, default=str, ensure_ascii=False).encode() if suffix == ".json" else _dump(data)
    return Bad(kind, f"{kind}{suffix}", content)


def _raw(kind: str, content: bytes | str, suffix: str = ".yaml", *, json_reader: bool = False) -> Bad:
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return Bad(kind, f"{kind}{suffix}", raw, json_reader=json_reader)


_DURATION_FIELDS = (
    "processings.0.retention.period",
    "processings.0.retention.raw_data_period",
    "processings.0.data_items.0.retention",
    "processings.0.retention.rules",
)
_BAD_DURATIONS = {
    "nines-d": "P" + "9" * 5000 + "D",
    "nines-y": "P" + "9" * 400 + "Y",
    "p99999y": "P99999Y",
    "p151y": "P151Y",
    "hours": "PT" + "9" * 12 + "H",
    "newline": "P30D\n",
    "arabic": "P\u0663\u0660D",
    "fullwidth": "P\uff13\uff10D",
    "empty-p": "P",
    "empty-t": "PT",
    "negative": "P-1D",
    "fraction": "P1.5D",
    "words": "30 dagen",
    "number": 30,
    "list": ["P30D"],
}
_COUNT_FIELDS = (
    "processings.0.scale.records",
    "processings.0.scale.data_subjects",
    "processings.0.rights.response_days",
    "processings.0.data_subjects.0.count",
    "processings.0.edge.retention_seconds",
)
_BAD_COUNTS = {
    "true": True,
    "negative": -1,
    "huge": 10**40,
    "float": 1.5,
    "text": "veel",
    "over-bound": 10**12,
}


def _too_many(field: str, n: int, item: Callable[[int], Any]) -> Callable[[dict[str, Any]], None]:
    return _set(field, [item(i) for i in range(n)])


def _processing(i: int) -> dict[str, Any]:
    return {"id": f"p{i}", "name": f"verwerking {i}", "purposes": [{"id": "a", "description": "tellen"}]}


def corpus() -> list[Bad]:
    """Every kind of bad input (at least 146), each with a distinct kind name."""
    base_text = BASE_FILE.read_text(encoding="utf-8")
    rng = random.Random(18)
    out: list[Bad] = [
        # -- not a text file, or not a file at all
        _raw("empty", b""),
        _raw("whitespace-only", b"   \n\n\t\n"),
        _raw("comment-only-4mib", b"#" + b"x" * (4 * 1024 * 1024 - 200) + b"\n"),
        _raw("over-size-limit", b"project:\n  summary: |\n" + (b"    " + b"x" * 95 + b"\n") * 45_000),
        _raw("nul-byte", base_text.encode()[:200] + b"\x00" + base_text.encode()[200:]),
        _raw("invalid-utf8", base_text.encode()[:300] + b"\xff\xfe\xc3\x28" + base_text.encode()[300:]),
        _raw("utf16-bom", "\ufeff".encode("utf-16-le") + base_text.encode("utf-16-le")),
        _raw("latin1", "project:\n  name: Caf\xe9 De Kroon\n".encode("latin-1")),
        _raw("random-binary", bytes(rng.randrange(256) for _ in range(4096))),
        _raw("png-header", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        _raw("zip-header", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(300))),
        Bad("fifo", "fifo.yaml", special="fifo", json_reader=True),
        Bad("dev-zero", "zero.yaml", special="zero", json_reader=True),
        Bad("dev-urandom", "urandom.yaml", special="urandom", json_reader=True),
        Bad("folder", "folder.yaml", special="folder", json_reader=True),
        Bad("dangling-symlink", "dangling.yaml", special="dangling", json_reader=True),
        Bad("symlink-loop", "loop.yaml", special="loop", json_reader=True),
        Bad("missing", "missing.yaml", special="missing", json_reader=True),
        _raw("name-with-newline\nError: fake", b"project: [\n"),
        _raw("name-with-ansi\x1b[31m", b"project: [\n"),
        # -- YAML that does not parse, or breaks a limit
        _raw("unclosed-flow", "schema_version: 2\nproject: [\n"),
        _raw("unclosed-quote", 'project:\n  name: "Stratumseind\n'),
        _raw("tab-indent", "project:\n\tname: X\n"),
        _raw("tab-in-value", base_text.replace("  phase: realisatie", "  phase:\trealisatie\n\t- x", 1)),
        _raw("bad-indent", "project:\n  name: X\n   phase: idee\n"),
        _raw("colon-in-plain", "project:\n  name: a: b: c\n"),
        _raw(
            "billion-laughs",
            "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nproject: {name: x}\n",
        ),
        _raw("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "x\n"),
        _raw("deep-flow", "project: " + "[" * 5000 + "]" * 5000 + "\n"),
        _raw("deep-flow-map", "project: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n"),
        _raw("many-nodes", "project: {name: x}\nlist:\n" + "- 1\n" * 300_000),
        _raw("long-list", "project: {name: x}\nlist: [" + ",".join(["1"] * 2000) + "]\n"),
        _raw("python-tag", "project: !!python/object/apply:os.system ['echo pwned']\n"),
        _raw("python-name-tag", "project: !!python/name:os.system\n"),
        _raw("custom-tag", "project: !Ref naam\n"),
        _raw("binary-tag", "project:\n  name: !!binary aGFsbG8=\n"),
        _raw("set-tag", "project: !!set {a, b}\n"),
        _raw("merge-key", "base: &b {name: x}\nproject:\n  <<: *b\n"),
        _raw("duplicate-key", "project:\n  name: A\n  name: B\n"),
        _raw("mapping-key", "project:\n  ? [a, b]\n  : x\n"),
        _raw("top-level-list", "- project: x\n"),
        _raw("top-level-scalar", "Stratumseind\n"),
        _raw("top-level-null", "~\n"),
        _raw("top-level-number", "42\n"),
        _raw("two-documents", "project: {name: a}\n---\nproject: {name: b}\n"),
        _raw("undefined-alias", "project: *nergens\n"),
        _raw("long-text", "project:\n  name: " + "x" * 150_000 + "\n"),
        _raw("long-key", "project:\n  " + "k" * 5000 + ": x\n"),
        _raw("huge-int-yaml", "schema_version: " + "9" * 5000 + "\nproject: {name: x}\n"),
        _raw("huge-int-yaml-underscores", "schema_version: 1_" + "0" * 30 + "\nproject: {name: x}\n"),
        _raw("float-inf", "schema_version: 1e999\nproject: {name: x}\n"),
        _raw("float-nan", "schema_version: .nan\nproject: {name: x}\n"),
        _raw("directive-only", "%YAML 1.1\n---\n"),
        _raw("bad-directive", "%YAML 9.9\n---\nproject: {name: x}\n"),
        _raw("control-chars", "project:\n  name: \x07\x08\x1b\n"),
        _raw("bom-then-garbage", b"\xef\xbb\xbf" + b"\x00\x01\x02"),
        # -- JSON that does not parse, or breaks a limit (also the result and export readers' bad input)
        _raw("json-empty", b"", ".json", json_reader=True),
        _raw("json-trailing-comma", '{"schema_version": 2, "project": {"name": "x"},}', ".json", json_reader=True),
        _raw("json-nan", '{"schema_version": NaN, "project": {"name": "x"}}', ".json", json_reader=True),
        _raw("json-infinity", '{"schema_version": Infinity, "project": {}}', ".json", json_reader=True),
        _raw("json-float-overflow", '{"schema_version": 1e999, "project": {}}', ".json", json_reader=True),
        _raw("json-duplicate-key", '{"project": {"name": "a"}, "project": {"name": "b"}}', ".json"),
        _raw("json-deep", '{"project": ' + "[" * 100_000 + "]" * 100_000 + "}", ".json", json_reader=True),
        _raw("json-deep-objects", '{"a": ' * 2000 + "1" + "}" * 2000, ".json", json_reader=True),
        _raw("json-huge-int", '{"schema_version": ' + "9" * 5000 + ', "project": {}}', ".json", json_reader=True),
        _raw("json-big-int", '{"schema_version": ' + "9" * 30 + ', "project": {}}', ".json", json_reader=True),
        _raw("json-lone-surrogate", '{"project": {"name": "x \\ud83d"}}', ".json", json_reader=True),
        _raw("json-lone-low-surrogate", '{"project": {"name": "x \\udeb2 y"}}', ".json", json_reader=True),
        _raw("json-comment", '// commentaar\n{"project": {"name": "x"}}', ".json", json_reader=True),
        _raw("json-single-quotes", "{'project': {'name': 'x'}}", ".json", json_reader=True),
        _raw("json-unquoted-key", '{project: {"name": "x"}}', ".json", json_reader=True),
        _raw("json-top-level-list", "[]", ".json", json_reader=True),
        _raw("json-top-level-string", '"project"', ".json", json_reader=True),
        _raw("json-top-level-null", "null", ".json", json_reader=True),
        _raw("json-truncated", base_text[:0] + '{"project": {"name": "x", "summ', ".json", json_reader=True),
        _raw("json-invalid-utf8", b'{"project": {"name": "\xff\xfe"}}', ".json", json_reader=True),
        _raw("json-nul", b'{"project": {"name": "a\x00b"}}', ".json", json_reader=True),
        _raw("json-yaml-inside", "project:\n  name: x\n", ".json", json_reader=True),
        _raw("json-many-nodes", '{"project": {}, "x": [' + ",".join(["0"] * 300_000) + "]}", ".json"),
        _raw("json-long-string", '{"project": {"name": "' + "x" * 150_000 + '"}}', ".json"),
        _raw(
            "json-over-size",
            b'{"project": {"summary": "' + b"x" * (51 * 1024 * 1024) + b'"}}',
            ".json",
            json_reader=True,
        ),
        _raw("json-control-in-string", '{"project": {"name": "a\tb\nc"}}', ".json", json_reader=True),
        _raw("json-bad-escape", '{"project": {"name": "\\q"}}', ".json", json_reader=True),
        # -- parses, but is not a valid description
        _raw("no-project", "schema_version: 2\nprocessings: []\n"),
        _raw("only-unknown-keys", "naam: Stratumseind\ngemeente: Eindhoven\n"),
        _model("schema-version-99", _set("schema_version", 99)),
        _model("schema-version-text", _set("schema_version", "twee")),
        _model("schema-version-true", _set("schema_version", True)),
        _model("schema-version-negative", _set("schema_version", -2)),
        _model("project-is-list", _set("project", ["x"])),
        _model("project-is-text", _set("project", "Stratumseind")),
        _model("name-is-number", _set("project.name", 12)),
        _model("name-is-list", _set("project.name", ["a", "b"])),
        _model("name-empty", _set("project.name", "")),
        _model("name-too-long", _set("project.name", "x" * 25_000)),
        _model("unknown-top-key", _set("proessings", [])),
        _model("unknown-project-key", _set("project.naam", "x")),
        _model("unknown-phase", _set("project.phase", "afgerond")),
        _model("phase-is-bool", _set("project.phase", True)),
        _model("pilot-is-text", _set("project.pilot", "misschien")),
        _model("pilot-is-number", _set("project.pilot", 2)),
        _model("date-impossible", _set("project.dpo_advice.date", "2026-02-30")),
        _model("date-words", _set("project.dpo_advice.date", "vorige week")),
        _model("date-number", _set("project.dpo_advice.date", 20260101)),
        _model("date-year-zero", _set("project.dpo_advice.date", "0000-01-01")),
        _model("parties-is-mapping", _set("parties", {"name": "x"})),
        _model("party-role-unknown", _set("parties.0.role", "eigenaar")),
        _model("party-country-3-letters", _set("parties.0.country", "NLD")),
        _model("party-country-lower", _set("parties.0.country", "nl")),
        _model("processings-is-text", _set("processings", "alles")),
        _model("processing-is-list", _set("processings.0", ["x"])),
        _model("processing-id-spaces", _set("processings.0.id", "met spaties")),
        _model("processing-id-too-long", _set("processings.0.id", "x" * 81)),
        _model("processing-id-number", _set("processings.0.id", 7)),
        _model("duplicate-processing-id", lambda d: d["processings"].append(copy.deepcopy(d["processings"][0]))),
        _model("unknown-system-reference", _set("processings.0.systems", ["bestaat-niet"])),
        _model("unknown-purpose-reference", _set("processings.0.data_items.0.purposes", ["bestaat-niet"])),
        _model("data-category-unknown", _set("processings.0.data_items.0.category", "dna")),
        _model("data-items-is-mapping", _set("processings.0.data_items", {"name": "x"})),
        _model("collection-method-unknown", _set("processings.0.collection.methods", ["gedachten-lezen"])),
        _model("capability-unknown", _set("systems.0.capabilities", ["teleportatie"])),
        _model("system-type-unknown", _set("systems.0.type", "quantum")),
        _model("risk-likelihood-unknown", _set("risks.0.likelihood", "zeer groot")),
        _model("risk-id-duplicate", lambda d: d["risks"].append(copy.deepcopy(d["risks"][0]))),
        _model("waiver-unknown-criterion-form", _set("waivers", [{"criterion": "XX", "reason": "r"}])),
        _model("waiver-not-a-mapping", _set("waivers", ["PBD-DM-02"])),
        _model("waiver-expires-not-a-date", _set("waivers", [{"criterion": "DM-02", "expires": "ooit"}])),
        _model("too-many-processings", _too_many("processings", 200, _processing)),
        _model("many-processings-20000", _too_many("processings", 20_000, lambda i: {"id": f"p{i}", "name": "x"})),
        _model("too-many-data-items", _too_many("processings.0.data_items", 150, lambda i: {"name": f"d{i}"})),
        _model("too-many-risks", _too_many("risks", 300, lambda i: {"id": f"R{i}"})),
        _model("too-many-measures", _too_many("risks.0.measures", 1500, lambda i: f"maatregel {i}")),
        _model("too-many-parties", _too_many("parties", 150, lambda i: {"name": f"partij {i}", "role": "processor"})),
        _model("json-valid-syntax-bad-model", _set("project.phase", "afgerond"), suffix=".json"),
        _model("json-data-subjects-true", _set("processings.0.scale.data_subjects", True), suffix=".json"),
        _model("json-retention-nines", _set("processings.0.retention.period", "P" + "9" * 400 + "Y"), suffix=".json"),
    ]
    for field in _DURATION_FIELDS:
        for name, value in _BAD_DURATIONS.items():
            change = (
                _set(field, [{"applies_to": "all", "period": value}]) if field.endswith("rules") else _set(field, value)
            )
            out.append(_model(f"duration-{field.split('.')[-2]}-{field.split('.')[-1]}-{name}", change))
    for field in _COUNT_FIELDS:
        for name, value in _BAD_COUNTS.items():
            if field.endswith("count"):
                change = _set("processings.0.data_subjects", [{"category": "bewoners", "count": value}])
            else:
                change = _set(field, value)
            out.append(_model(f"count-{field.split('.')[-1]}-{name}", change))
    kinds = [b.kind for b in out]
    assert len(kinds) == len(set(kinds)), "kinds must be distinct"
    return out


def materialise(bad: Bad, folder: Path) -> Path:
    """Write ``bad`` into ``folder`` and return its path."""
    path = folder / bad.name
    if bad.special == "fifo":
        os.mkfifo(path)
    elif bad.special == "zero":
        path.symlink_to("/dev/zero")
    elif bad.special == "urandom":
        path.symlink_to("/dev/urandom")
    elif bad.special == "folder":
        path.mkdir()
    elif bad.special == "dangling":
        path.symlink_to(folder / "nowhere.yaml")
    elif bad.special == "loop":
        path.symlink_to(path)
    elif bad.special == "missing":
        pass
    else:
        assert bad.content is not None
        path.write_bytes(bad.content)
    return path

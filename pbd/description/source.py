"""Reading untrusted YAML or JSON into plain data, safely, while remembering where every node is.

Safety: only plain data (no Python objects), limits on file size, nesting depth and the number of
nodes after alias expansion (a "billion laughs" file stops fast), duplicate keys are errors.
YAML 1.1's yes/no/on/off are kept as strings (``country: NO`` stays Norway; the model still
accepts yes/no for booleans).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pbd import limits
from pbd.errors import Problem

try:  # libyaml is much faster; fall back to the pure-Python loader when it is not compiled in
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _ComposeLoader(_Loader):
    """The same loader with a quicker tag resolver: libyaml asks it for every node of every file.

    It gives exactly PyYAML's answers (``BaseResolver.resolve``) for a loader without path
    resolvers, as the safe loader is: a plain scalar's tag depends on its text alone (so short
    texts — keys, enum values, numbers, dates — are remembered), a quoted scalar is a string,
    and a plain scalar whose first character starts no implicit resolver is a string too.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            if value and value[0] not in self.yaml_implicit_resolvers and None not in self.yaml_implicit_resolvers:
                return self.DEFAULT_SCALAR_TAG
            tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(value) <= 64 and len(_PLAIN_TAGS) < 4096:  # bounded: memory stays flat over many files
                _PLAIN_TAGS[value] = tag
        return tag


_PLAIN_TAGS: dict[str, str] = {}

# the limits are pbd's one policy for every reader (pbd.limits); these names stay for the code that reads them
MAX_BYTES = limits.DESCRIPTION.max_bytes
MAX_DEPTH = limits.DESCRIPTION.max_depth
MAX_NODES = limits.DESCRIPTION.max_nodes
MAX_STRING = limits.DESCRIPTION.max_string
MAX_INT_DIGITS = limits.DESCRIPTION.max_int_digits
#: the longest key: keys are field names, ids at most (a longer one would fill an error line)
MAX_KEY = 200

PathElem = str | int
JsonPath = tuple[PathElem, ...]

_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_STR = "tag:yaml.org,2002:str"
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(path: JsonPath) -> str:
    """``('processings', 1, 'retention')`` -> ``$.processings[1].retention``."""
    return _json_path(tuple(path))


@lru_cache(maxsize=4096)  # the same paths come back in every finding; bounded: memory stays flat
def _json_path(path: JsonPath) -> str:
    out = "$"
    for elem in path:
        if isinstance(elem, int):
            out += f"[{elem}]"
        elif _PLAIN_KEY.match(elem):
            out += f".{elem}"
        else:
            out += "[" + json.dumps(elem, ensure_ascii=False) + "]"
    return out


class SourceError(Exception):
    """Raised with the problems that stopped reading a file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message_en)
        self.problems = problems


@dataclass(slots=True)
class Source:
    """Plain data read from a file, and the composed node tree to locate any path in it."""

    name: str
    data: Any
    root: yaml.Node | None
    text: str
    #: positions already looked up: an evaluation asks for the same few paths hundreds of times
    _positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)
    _children: dict[int, dict[str, yaml.Node]] = field(default_factory=dict, repr=False, compare=False)
    #: answers the format migration moved (new path -> path in this file); a prefix maps what is below it
    moved: dict[JsonPath, JsonPath] = field(default_factory=dict, repr=False, compare=False)

    def position(self, path: JsonPath) -> tuple[int, int]:
        """1-based line and column of the deepest node on ``path`` that exists (in the file as written)."""
        found = self._positions.get(path)
        if found is None:
            found = self._positions[path] = self._find(self._original(path) if self.moved else path)
        return found

    def _original(self, path: JsonPath) -> JsonPath:
        for n in range(len(path), 0, -1):
            old = self.moved.get(path[:n])
            if old is not None:
                return (*old, *path[n:])
        return path

    def _find(self, path: JsonPath) -> tuple[int, int]:
        node = self.root
        if node is None:
            return (1, 1)
        best = node
        for elem in path:
            nxt: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode) and isinstance(elem, str):
                children = self._children.get(id(node))
                if children is None:
                    children = self._children[id(node)] = {}
                    for key, value in node.value:
                        if isinstance(key, yaml.ScalarNode):
                            children.setdefault(key.value, value)  # the first one, as a search from the top finds
                nxt = children.get(elem)
            elif isinstance(node, yaml.SequenceNode) and isinstance(elem, int) and 0 <= elem < len(node.value):
                nxt = node.value[elem]
            if nxt is None:
                break
            node = best = nxt
        mark = best.start_mark
        return (mark.line + 1, mark.column + 1)


def _problem(name: str, line: int, col: int, path: str, nl: str, en: str) -> Problem:
    return Problem(name, line, col, path, nl, en)


def read_file(path: Path) -> Source:
    """Read a description file (YAML, or JSON when it ends in .json): a regular file, read with a bound."""
    name = str(path)
    try:
        raw = limits.read_bounded(path, limits.DESCRIPTION)
    except limits.LimitError as exc:
        raise SourceError([_problem(name, 1, 1, "$", exc.nl, exc.en)]) from None
    except OSError as exc:
        nl, en = limits.describe_os_error(exc)
        raise SourceError([_problem(name, 0, 0, "$", nl, en)]) from None
    return read_bytes(raw, name, json_input=path.suffix.lower() == ".json")


def read_bytes(raw: bytes, name: str, *, json_input: bool = False) -> Source:
    """Decode and parse bytes; every failure is a :class:`SourceError` with a located problem."""
    if len(raw) > MAX_BYTES:
        raise SourceError(
            [_problem(name, 1, 1, "$", f"invoer groter dan {MAX_BYTES} bytes", f"input larger than {MAX_BYTES} bytes")]
        )
    if b"\x00" in raw:
        off = raw.index(b"\x00")
        line = raw.count(b"\n", 0, off) + 1
        raise SourceError(
            [
                _problem(
                    name,
                    line,
                    1,
                    "$",
                    "bestand bevat binaire gegevens (NUL-byte); sla de beschrijving op als tekst (YAML of JSON, UTF-8)",
                    "file contains binary data (NUL byte); save the description as text (YAML or JSON, UTF-8)",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            [
                _problem(
                    name,
                    line,
                    1,
                    "$",
                    f"bestand is geen geldige UTF-8 (byte {exc.start}); sla het op als UTF-8",
                    f"file is not valid UTF-8 (byte {exc.start}); save it as UTF-8",
                )
            ]
        ) from None
    return read_text(text, name, json_input=json_input)


def read_text(text: str, name: str, *, json_input: bool = False) -> Source:
    """Parse YAML (or strict JSON) text into plain data with positions."""
    if not text.strip():
        raise SourceError(
            [
                _problem(
                    name,
                    1,
                    1,
                    "$",
                    "bestand is leeg; begin met `pbd init` of een voorbeeld uit examples/",
                    "file is empty; start from `pbd init` or an example in examples/",
                )
            ]
        )
    if json_input:
        text = limits.join_surrogate_escapes(text)  # YAML refuses the escapes json.dumps writes for emoji
        _check_json(text, name)
    try:
        root = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "syntax error"
        raise SourceError(
            [
                _problem(
                    name,
                    line,
                    col,
                    "$",
                    f"YAML-syntaxfout: {what}; controleer inspringing, dubbele punten en aanhalingstekens rond deze plek",
                    f"YAML syntax error: {what}; check indentation, colons and quotes around this place",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError([_problem(name, 1, 1, "$", f"YAML-fout: {exc}", f"YAML error: {exc}")]) from None
    except RecursionError:
        raise SourceError([_depth_problem(name, 1, 1, "$")]) from None
    if root is None:
        raise SourceError([_problem(name, 1, 1, "$", "bestand bevat geen gegevens", "file contains no data")])
    builder = _Builder(name)
    data = _build_guarded(builder, root)
    if builder.problems:
        raise SourceError(builder.problems)
    if not isinstance(data, dict):
        raise SourceError(
            [
                _problem(
                    name,
                    root.start_mark.line + 1,
                    root.start_mark.column + 1,
                    "$",
                    "de beschrijving moet een mapping zijn met ten minste 'project:'",
                    "the description must be a mapping with at least 'project:'",
                )
            ]
        )
    return Source(name, data, root, text, _children=builder.children)


def _check_json(text: str, name: str) -> None:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen[key] = value
        return seen

    try:
        limits.parse_json(text, limits.DESCRIPTION, object_pairs_hook=no_duplicates)
    except limits.LimitError as exc:
        raise SourceError([_problem(name, exc.line or 1, exc.column or 1, "$", exc.nl, exc.en)]) from None
    except json.JSONDecodeError as exc:
        raise SourceError(
            [
                _problem(
                    name,
                    exc.lineno,
                    exc.colno,
                    "$",
                    f"JSON-syntaxfout: {exc.msg}; let op komma's (geen komma na het laatste element) en aanhalingstekens",
                    f"JSON syntax error: {exc.msg}; check commas (none after the last element) and quotes",
                )
            ]
        ) from None
    except ValueError as exc:
        raise SourceError([_problem(name, 1, 1, "$", f"JSON: dubbele sleutel ({exc})", f"JSON: {exc}")]) from None
    except RecursionError:
        raise SourceError([_depth_problem(name, 1, 1, "$")]) from None


def _depth_problem(name: str, line: int, col: int, path: str) -> Problem:
    return _problem(
        name,
        line,
        col,
        path,
        f"te diep genest (meer dan {MAX_DEPTH} niveaus); een projectbeschrijving is veel vlakker",
        f"nested too deeply (more than {MAX_DEPTH} levels); a project description is far flatter",
    )


class _Builder:
    """Turns composed YAML nodes into plain Python data, enforcing the limits."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.nodes = 0
        self.problems: list[Problem] = []
        self._too_many = False
        self._constructor = _Loader("")  # only used for scalar resolution
        #: per mapping node (by id), its value nodes by key: what :meth:`Source.position` walks to locate a path
        self.children: dict[int, dict[str, yaml.Node]] = {}

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def _child(self, node: yaml.Node, path: JsonPath, step: str | int, depth: int) -> Any:
        """A list element or mapping value; plain text within the limits without the recursive call."""
        if node.__class__ is yaml.ScalarNode and node.tag == _STR and depth < MAX_DEPTH and self.nodes < MAX_NODES:
            self.nodes += 1  # what build() would count and return
            if len(node.value) > MAX_STRING:
                return self._long_text(node, (*path, step))
            return node.value
        return self.build(node, (*path, step), depth + 1)

    def _report(self, node: yaml.Node, path: str, nl: str, en: str) -> None:
        """Record a problem at ``node``'s position (``path`` is the JSON path shown)."""
        line, col = self._where(node)
        self.problems.append(_problem(self.name, line, col, path, nl, en))

    def build(self, node: yaml.Node, path: JsonPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            if not self._too_many:
                self._too_many = True
                self._report(
                    node,
                    json_path(path),
                    f"te veel elementen (meer dan {MAX_NODES}, mogelijk door YAML-aliassen die exploderen); vereenvoudig het bestand",
                    f"too many elements (over {MAX_NODES}, possibly from exploding YAML aliases); simplify the file",
                )
            raise _Stop
        if depth > MAX_DEPTH:
            line, col = self._where(node)
            self.problems.append(_depth_problem(self.name, line, col, json_path(path[:8]) + "…"))
            raise _Stop
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if node.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
            self._report(
                node,
                json_path(path),
                f"YAML-tag {node.tag} is niet toegestaan; gebruik gewone tekst, getallen, lijsten en mappings",
                f"YAML tag {node.tag} is not allowed; use plain text, numbers, lists and mappings",
            )
            return None
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > limits.MAX_LIST_ITEMS:
                self._report(
                    node,
                    json_path(path),
                    f"lijst van {len(node.value)} items, meer dan de grens van {limits.MAX_LIST_ITEMS}; "
                    "splits het project in meer beschrijvingen",
                    f"list of {len(node.value)} items, over the limit of {limits.MAX_LIST_ITEMS}; "
                    "split the project into several descriptions",
                )
                raise _Stop
            items: list[Any] = []
            for i, child in enumerate(node.value):
                items.append(self._child(child, path, i, depth))
            return items
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            kids = self.children[id(node)] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self._report(
                        key_node,
                        json_path(path),
                        "YAML-merge-sleutels (<<) worden niet ondersteund; schrijf de velden uit",
                        "YAML merge keys (<<) are not supported; write the fields out",
                    )
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._report(key_node, json_path(path), "een sleutel moet tekst zijn", "a key must be text")
                    continue
                key = str(key_node.value)
                if len(key) > MAX_KEY:
                    self._report(
                        key_node,
                        json_path(path),
                        f"sleutel van {len(key)} tekens; sleutels zijn veldnamen van hoogstens {MAX_KEY} tekens",
                        f"key of {len(key)} characters; keys are field names of at most {MAX_KEY} characters",
                    )
                    continue
                if key in out:
                    self._report(
                        key_node,
                        json_path((*path, key)),
                        f"sleutel '{key}' komt twee keer voor; verwijder een van beide",
                        f"key '{key}' appears twice; remove one of them",
                    )
                    continue
                kids[key] = value_node
                out[key] = self._child(value_node, path, key, depth)
            return out
        return None  # pragma: no cover - PyYAML composes only these three node kinds

    def _long_text(self, node: yaml.ScalarNode, path: JsonPath) -> None:
        self._report(
            node,
            json_path(path),
            f"tekst van {len(node.value)} tekens, meer dan de grens van {MAX_STRING}; een antwoord is veel korter — "
            "verwijs naar een document in plaats van het hier op te nemen",
            f"text of {len(node.value)} characters, over the limit of {MAX_STRING}; an answer is far shorter — "
            "refer to a document instead of including it here",
        )

    def _scalar(self, node: yaml.ScalarNode, path: JsonPath) -> Any:
        tag = node.tag
        value = node.value
        if len(value) > MAX_STRING:
            return self._long_text(node, path)
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:bool":
            if value in _BOOL_TRUE:
                return True
            if value in _BOOL_FALSE:
                return False
            return value  # yes/no/on/off stay text (YAML 1.2 behaviour)
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:int":
            digits = len(value.lstrip("+-").replace("_", ""))
            if digits > MAX_INT_DIGITS:
                self._report(
                    node,
                    json_path(path),
                    f"getal van {digits} cijfers, meer dan de grens van {MAX_INT_DIGITS}; controleer het getal",
                    f"number of {digits} digits, over the limit of {MAX_INT_DIGITS}; check the number",
                )
                return None
            try:
                return self._constructor.construct_yaml_int(node)
            except ValueError:
                return value
        if tag == "tag:yaml.org,2002:float":
            result = self._constructor.construct_yaml_float(node)
            return value if math.isnan(result) or math.isinf(result) else result
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                stamp = self._constructor.construct_yaml_timestamp(node)
            except ValueError:
                return value  # not a real date: the model reports it with the field's name
            if isinstance(stamp, dt.datetime):
                return stamp.isoformat()
            return stamp
        self._report(
            node,
            json_path(path),
            f"YAML-tag {tag} is niet toegestaan; gebruik gewone tekst, getallen, lijsten en mappings",
            f"YAML tag {tag} is not allowed; use plain text, numbers, lists and mappings",
        )
        return None


class _Stop(Exception):
    pass


def _build_guarded(builder: _Builder, root: yaml.Node) -> Any:
    try:
        return builder.build(root, (), 0)
    except _Stop:
        return None

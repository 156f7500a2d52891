"""Edits of the round-trip YAML tree that keep comments where they belong and references valid."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import yaml as pyyaml
from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString
from ruamel.yaml.tokens import CommentToken

from pbd.questionnaire.choices import REFERENCES
from pbd.questionnaire.fields import FieldSpec, _model_at
from pbd.questionnaire.paths import PathT, generic_path

# ruamel attaches the comment lines *before* a key to the end of whatever precedes it (the deepest
# last scalar). So when a key or item is inserted after X, the full-line comments after X belong
# to what follows and move to after the new element; when X is removed, they move to before it.


def _comment_slot(container: Any, key: Any) -> tuple[Any, Any, int]:
    value = container[key]
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _comment_slot(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        return _comment_slot(value, len(value) - 1)
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def _take_following(container: Any, key: Any) -> str:
    """Detach the full-line comments that follow ``container[key]``; its end-of-line comment stays."""
    holder, hkey, index = _comment_slot(container, key)
    entry = holder.ca.items.get(hkey)
    if not entry or len(entry) <= index or entry[index] is None:
        return ""
    token = entry[index]
    value = str(token.value)
    cut = value.find("\n")
    if cut < 0:
        return ""
    head, rest = value[: cut + 1], value[cut + 1 :]
    if head.strip():
        token.value = head
    else:
        entry[index] = None
    return rest


def _put_following(container: Any, key: Any, lines: str) -> None:
    if not lines:
        return
    holder, hkey, index = _comment_slot(container, key)
    entry = holder.ca.items.setdefault(hkey, [None, None, None, None])
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = (token.value if str(token.value).endswith("\n") else token.value + "\n") + lines


def _insert_key(mapping: CommentedMap, model: type[BaseModel], key: str, value: Any) -> None:
    if key in mapping:
        mapping[key] = value
        return
    order = list(model.model_fields)
    rank = order.index(key) if key in order else len(order)
    keys = list(mapping)
    pos = len(keys)
    for i, existing in enumerate(keys):
        if existing in order and order.index(existing) > rank:
            pos = i
            break
    following = _take_following(mapping, keys[pos - 1]) if pos > 0 else ""
    mapping.insert(pos, key, value)
    _put_following(mapping, key, following)


def _delete_key(mapping: CommentedMap, key: str) -> None:
    keys = list(mapping)
    pos = keys.index(key)
    following = _take_following(mapping, key)
    del mapping[key]
    if pos > 0:
        _put_following(mapping, keys[pos - 1], following)


def _container(tree: CommentedMap, path: PathT, *, create: bool) -> Any:
    """The mapping or sequence at ``path``, creating missing mappings (in model order) when asked."""
    node: Any = tree
    for i, elem in enumerate(path):
        if isinstance(elem, int):
            node = node[elem]
            continue
        if elem not in node or node[elem] is None:
            if not create:
                return None
            _insert_key(node, _model_at(path[:i]), elem, CommentedMap())
        node = node[elem]
    return node


_FOLD_WIDTH = 88


def _fold_points(text: str) -> list[int]:
    points: list[int] = []
    start = 0
    while len(text) - start > _FOLD_WIDTH:
        cut = text.rfind(" ", start + 1, start + _FOLD_WIDTH)
        while cut > start and (text[cut - 1] == " " or text[cut + 1] == " "):
            cut = text.rfind(" ", start + 1, cut)
        if cut <= start:
            break
        points.append(cut)
        start = cut + 1
    return points


_RESOLVER: Any = pyyaml.resolver.Resolver()


def _yaml_scalar(value: Any) -> Any:
    if isinstance(value, StrEnum):
        value = value.value
    if not isinstance(value, str):
        return value
    if len(value) > _FOLD_WIDTH and "\n" not in value and value == value.strip():
        points = _fold_points(value)
        if points:
            folded = FoldedScalarString(value)
            folded.fold_pos = points
            return folded
    # quote what a YAML 1.1 reader would not read as text (no, on, 1.0, 2026-01-01, ~ ...)
    if _RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str":
        return DoubleQuotedScalarString(value)
    return value


def _yaml_value(value: Any, spec: FieldSpec) -> Any:
    if isinstance(value, list):
        seq = CommentedSeq([_yaml_scalar(v) for v in value])
        if spec.kind != "text_list":
            seq.fa.set_flow_style()
        return seq
    return _yaml_scalar(value)


def _set(tree: CommentedMap, path: PathT, value: Any, spec: FieldSpec) -> None:
    parent = _container(tree, path[:-1], create=True)
    _insert_key(parent, _model_at(path[:-1]), str(path[-1]), _yaml_value(value, spec))


def _delete(tree: CommentedMap, path: PathT) -> None:
    parent = _container(tree, path[:-1], create=False)
    if parent is None or path[-1] not in parent:
        return
    _delete_key(parent, str(path[-1]))
    # an optional block left empty goes too (never the project block or a list item)
    if len(parent) == 0 and len(path) >= 2 and isinstance(path[-2], str) and path[:-1] != ("project",):
        _delete(tree, path[:-1])


def _append_item(tree: CommentedMap, list_path: PathT, key: str, value: Any, spec: FieldSpec) -> None:
    item = CommentedMap()
    item[key] = _yaml_scalar(value) if not isinstance(value, list) else _yaml_value(value, spec)
    seq = _container(tree, list_path, create=False)
    if seq is None:
        seq = CommentedSeq()
        _insert_key(_container(tree, list_path[:-1], create=True), _model_at(list_path[:-1]), str(list_path[-1]), seq)
    following = _take_following(seq, len(seq) - 1) if len(seq) else ""
    seq.append(item)
    _put_following(seq, len(seq) - 1, following)


def _remove_item(tree: CommentedMap, list_path: PathT, index: int) -> None:
    seq = _container(tree, list_path, create=False)
    following = _take_following(seq, index)
    del seq[index]
    if index > 0:
        _put_following(seq, index - 1, following)
    if len(seq) == 0:
        _delete(tree, list_path)


def _each(node: Any, parts: list[str]) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every value at a generic path like ``risks[].processings`` below ``node``."""
    if not parts or node is None:
        return
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(node, dict) or node.get(name) is None:
        return
    if not rest:
        yield node, name
        return
    children = node[name] if many else [node[name]]
    for child in children:
        yield from _each(child, rest)


def _rewrite_references(tree: CommentedMap, list_path: PathT, old: str, new: str | None) -> None:
    """Point references to item ``old`` of the list at ``list_path`` to ``new`` (or drop them)."""
    refs = REFERENCES.get(generic_path(list_path), ())
    base: Any = tree if len(list_path) == 1 else _container(tree, list_path[:-1], create=False)
    for ref in refs:
        for holder, key in list(_each(base, ref.replace("[].", "[] ").replace(".", " ").split())):
            value = holder[key]
            if isinstance(value, list):
                for i in range(len(value) - 1, -1, -1):
                    if value[i] == old:
                        if new is None:
                            del value[i]
                        else:
                            value[i] = new
                if not value:
                    _delete_key(holder, key)
            elif value == old:
                if new is None:
                    _delete_key(holder, key)
                else:
                    holder[key] = new

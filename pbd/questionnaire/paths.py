"""Paths into the description: a concrete path ``('processings', 0, 'id')`` and its generic form."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]
PathT = tuple[str | int, ...]


def generic_path(path: PathT) -> str:
    """``('processings', 0, 'legal_basis', 'provision')`` -> ``processings[].legal_basis.provision``."""
    out = ""
    for elem in path:
        if isinstance(elem, int):
            out += "[]"
        else:
            out += f".{elem}" if out else elem
    return out


def _get(data: Any, path: PathT) -> Any:
    node = data
    for elem in path:
        if isinstance(elem, int):
            if not isinstance(node, list) or not 0 <= elem < len(node):
                return None
            node = node[elem]
        else:
            if not isinstance(node, dict):
                return None
            node = node.get(elem)
        if node is None:
            return None
    return node

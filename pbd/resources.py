"""Where the bundled content lives: the knowledge base and templates, from a checkout or a wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: in a wheel, hatch force-includes the top-level content folders here
_BUNDLED = _PACKAGE / "_content"
#: in a checkout (or an editable install), they sit next to the package
_CHECKOUT = _PACKAGE.parent


def content_dir(name: str) -> Path:
    """The folder ``criteria``, ``system_requirements``, ``templates`` or ``schemas``."""
    for base in (_BUNDLED, _CHECKOUT):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pbd content folder {name!r} not found next to {_PACKAGE}")


def knowledge_base_dir() -> Path:
    """The knowledge base root: ``$PBD_KB`` when set (it holds criteria/ and system_requirements/)."""
    override = os.environ.get("PBD_KB")
    if override:
        return Path(override)
    return content_dir("criteria").parent


def meta_schema_path(name: str) -> Path:
    return _PACKAGE / "schemas" / name

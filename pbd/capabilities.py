"""The capability vocabulary: what an information system can declare it does.

One list, shared by the description model (``systems[].capabilities``) and the systeemeisen
(each systeemeis names the one capability that meets it). Keys are stable; labels are NL/EN.
Grouped by the function areas of the systeemeisenset. The list is data (``capabilities.json``,
one capability a line, under its area), so adding a capability is a change to one data file.
"""

from __future__ import annotations

import json
from importlib import resources


def _load() -> dict[str, tuple[str, str]]:
    data = json.loads(resources.files("pbd").joinpath("capabilities.json").read_text(encoding="utf-8"))
    return {key: (nl, en) for area in data["areas"].values() for key, (nl, en) in area.items()}


#: capability keyword -> (Dutch label, English label), in the order of the areas in capabilities.json
CAPABILITIES: dict[str, tuple[str, str]] = _load()


def capability_label(key: str, lang: str) -> str:
    """Label of a capability in ``lang`` (nl or en); an unknown key is shown as it is."""
    pair = CAPABILITIES.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]

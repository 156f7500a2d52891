"""Answers that refer to other parts of the description, and where those references live."""

from __future__ import annotations

from collections.abc import Callable

from pbd.capabilities import CAPABILITIES
from pbd.questionnaire.branching import Ctx
from pbd.questionnaire.paths import Json
from pbd.vocabulary import LABELS

Choice = tuple[str, str, str]  # value, Dutch label, English label


def _party_choices(c: Ctx) -> list[Choice]:
    out = []
    for p in c.root.get("parties", []):
        role = p.get("role")
        nl, en = LABELS["Role"].get(role, ("", "")) if role else ("", "")
        out.append((p["name"], f"{p['name']} ({nl})" if nl else p["name"], f"{p['name']} ({en})" if en else p["name"]))
    return out


def _named(items: list[Json], key: str = "id") -> list[Choice]:
    out = []
    for item in items:
        name = item.get("name") or item.get("description") or ""
        shown = f"{item[key]} — {name}" if name else item[key]
        out.append((item[key], shown, shown))
    return out


#: Fields answered by choosing from what the description already holds (empty list: not asked).
CHOICES: dict[str, Callable[[Ctx], list[Choice]]] = {
    "processings[].systems": lambda c: _named(c.root.get("systems", [])),
    "processings[].shared_with": _party_choices,
    "processings[].data_items[].purposes": lambda c: [
        (p["id"], f"{p['id']} — {p['description']}", f"{p['id']} — {p['description']}")
        for p in c.proc.get("purposes", [])
        if p.get("id")
    ],
    "risks[].processings": lambda c: _named(c.root.get("processings", [])),
    "waivers[].target": lambda c: _named(c.root.get("processings", [])) + _named(c.root.get("systems", [])),
    "systems[].capabilities": lambda c: [(key, nl, en) for key, (nl, en) in CAPABILITIES.items()],
}

#: Where the keys of a list are referred to, so renaming or removing an item keeps the file valid.
REFERENCES: dict[str, tuple[str, ...]] = {
    "systems": ("processings[].systems",),
    "parties": ("processings[].shared_with",),
    "processings": ("risks[].processings", "waivers[].target"),
    "processings[].purposes": ("data_items[].purposes",),  # inside the same processing
}

"""Help at a question ('?'): the article, why the question is asked, and the criteria that check the field."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from typing import Any

from pbd.questionnaire.branching import ASK_WHEN
from pbd.questionnaire.fields import FieldSpec
from pbd.questionnaire.paths import PathT, generic_path
from pbd.questionnaire.terminal import Terminal
from pbd.questionnaire.texts import _indent, _t

if typing.TYPE_CHECKING:
    from pbd.knowledge_base import KnowledgeBase


class Explainer:
    """Explains a question; reads the knowledge base lazily and survives one that is being edited."""

    def __init__(self, terminal: Terminal, lang: str, knowledge_base: Callable[[], KnowledgeBase] | None) -> None:
        self.term = terminal
        self.lang = lang
        self._kb_loader = knowledge_base
        self._field_criteria: dict[str, list[tuple[str, str, str]]] | None = None

    def explain(self, path: PathT, spec: FieldSpec) -> None:
        say, lang = self.term.say, self.lang
        if spec.ref:
            say(_indent(_t(lang, "help_ref", ref=spec.ref)), "help")
        when = ASK_WHEN.get(generic_path(path))
        if when is not None:
            say(_indent(_t(lang, "help_when", when=when.text(lang))), "help")
        checked = self._criteria_for(generic_path(path))
        if checked:
            say(_indent(_t(lang, "help_checked")), "help")
            for rule, title, why in checked[:4]:
                say(_indent(f"{rule} {title}", 4), "help")
                if why:
                    say(_indent(why, 6), "dim")
        say(_indent(_t(lang, "help_keys")), "dim")

    def knowledge_base(self) -> KnowledgeBase | None:
        if self._kb_loader is None:
            return None
        try:
            return self._kb_loader()
        except Exception:  # the knowledge base is being edited: no hints rather than a crash
            return None

    def _criteria_for(self, generic: str) -> list[tuple[str, str, str]]:
        if self._field_criteria is None:
            kb = self.knowledge_base()
            if kb is None:
                return []
            self._field_criteria = _criteria_by_field(kb, self.lang)
        return self._field_criteria.get(generic, [])


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not the one in 'art. 28' or 'bijv. een')."""
    m = re.match(r"(.+?[.!?])(?=\s+[A-Z]|$)", text.strip(), re.DOTALL)
    return m.group(1) if m else text.strip()


def _criteria_by_field(kb: KnowledgeBase, lang: str) -> dict[str, list[tuple[str, str, str]]]:
    """Generic field path -> criteria whose requirement looks at that field (for the '?' help)."""
    prefixes = {
        "project": "project.",
        "processing": "processings[].",
        "party": "parties[].",
        "system": "systems[].",
        "data_item": "processings[].data_items[].",
    }
    context = {
        "_project": "project.",
        "_parties": "parties[].",
        "_processings": "processings[].",
        "_systems": "systems[].",
        "_risks": "risks[].",
    }
    out: dict[str, list[tuple[str, str, str]]] = {}

    def walk(schema: Any, prefix: str, parts: list[str], found: set[str]) -> None:
        if not isinstance(schema, dict):
            return
        names = [*schema.get("properties", {}), *schema.get("required", [])]
        for name in names:
            if name in ("_derived", "_screening"):
                continue
            if not parts and name in context:
                sub = schema.get("properties", {}).get(name, {})
                walk(sub.get("items", sub.get("contains", sub)), context[name], [], found)
                continue
            found.add(prefix + ".".join([*parts, name]))
            sub = schema.get("properties", {}).get(name)
            if isinstance(sub, dict):
                for key in ("items", "contains"):
                    if key in sub:
                        walk(sub[key], prefix, [*parts, f"{name}[]"], found)
                walk(sub, prefix, [*parts, name], found)
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(key, []):
                walk(sub, prefix, parts, found)
        for key in ("not", "if", "then", "else"):
            walk(schema.get(key), prefix, parts, found)

    for crit in kb.criteria.values():
        found: set[str] = set()
        walk(crit.data.get("requirement") or {}, prefixes.get(crit.scope, ""), [], found)
        for generic in found:
            out.setdefault(generic, []).append(
                (crit.id, crit.title.get(lang), _first_sentence(crit.rationale.get(lang)))
            )
    return out

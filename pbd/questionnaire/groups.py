"""Repeatable groups (parties, processings, purposes, ...): add an item, review one, or remove one.

Renaming or removing an item rewrites the references to it (:data:`pbd.questionnaire.choices.REFERENCES`),
so the file stays valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap

from pbd.questionnaire.answers import _NO, _YES
from pbd.questionnaire.asking import Asker
from pbd.questionnaire.fields import FieldSpec, _key_spec, _spec
from pbd.questionnaire.paths import Json, PathT, _get
from pbd.questionnaire.plan import QUESTION, Node
from pbd.questionnaire.progress import Progress
from pbd.questionnaire.terminal import Back, Prompt
from pbd.questionnaire.texts import _indent, _short, _singular, _t
from pbd.questionnaire.tree import _remove_item, _rewrite_references

#: walks every question of one list item (its path), the key already asked (or None)
OpenItem = Callable[[PathT, str | None], None]


class GroupEditor:
    """The prompt of a list: '+' adds, a number reviews, '-number' removes, Enter is done."""

    def __init__(self, asker: Asker, progress: Progress, open_item: OpenItem) -> None:
        self.asker = asker
        self.doc = asker.doc
        self.term = asker.term
        self.lang = asker.lang
        self.plan = asker.plan
        self.explainer = asker.explainer
        self.progress = progress
        self.open_item = open_item

    def ask_group(self, node: Node) -> None:
        path, spec, lang, say = node.path, node.spec, self.lang, self.term.say
        assert spec.target is not None
        key_spec = _key_spec(spec.target)
        if len(path) > 1:  # a section's own list already has the section heading
            say()
            say(spec.title(lang) + (f" — {spec.help(lang)}" if spec.help(lang) else ""), "title")
        while True:
            items = _get(self.doc.data, path) or []
            if not items:
                say(_indent(_t(lang, "group_none", title=spec.title(lang).lower())))
            else:
                say()
                say(_indent(f"{spec.title(lang)} ({len(items)}):"), "title")
                for i, item in enumerate(items, start=1):
                    say(_indent(f"{i}. {self._item_label(spec.target, item)}"))
                say(_indent(_t(lang, "group_some")), "dim")
            text = self.term.ask(
                Prompt("group", path, spec, tuple(str(item.get(key_spec.name)) for item in items))
            ).strip()
            word = text.lower()
            if text == "?":
                self.explainer.explain(path, spec)
                continue
            if text == "<":
                raise Back
            if word.isdigit() and 1 <= int(word) <= len(items):  # before yes/no: '1' is an item, not 'yes'
                self.open_item((*path, int(word) - 1), None)
                continue
            m = re.fullmatch(r"(-|v|verwijder|r|remove)\s*(\d+)", word)
            if m and 1 <= int(m.group(2)) <= len(items):
                self._remove(path, spec, int(m.group(2)) - 1)
                continue
            if word in ("", "klaar", "done", "k") or (word in _NO and not word.isdigit()):
                self.progress.finish(self.plan.key(path))
                return
            if word in ("+", "t", "toevoegen", "a", "add") or (word in _YES and not word.isdigit()):
                self._add_item(path, spec)
                continue
            say(_indent(_t(lang, "group_bad", n=len(items))), "error")

    def _item_label(self, model: type[BaseModel], item: Json) -> str:
        key = _key_spec(model).name
        name = _short(item.get(key))
        for other in ("name", "role", "description", "category", "type", "recipient", "target"):
            if other != key and item.get(other) is not None:
                spec = _spec(model, other)
                return f"{name} — {_short(self.asker.show(item[other], spec, self.plan.choices((other,), spec) if spec.enum else None))}"
        return name

    def _add_item(self, list_path: PathT, spec: FieldSpec) -> None:
        assert spec.target is not None
        index = len(_get(self.doc.data, list_path) or [])
        key_spec = _key_spec(spec.target)
        key_path = (*list_path, index, key_spec.name)
        self.term.say()
        self.term.say(_t(self.lang, "group_new", title=_singular(spec, self.lang)), "title")
        try:
            outcome = self.asker.ask_question(Node(key_path, key_spec, QUESTION), "", new_item=list_path)
        except Back:
            outcome = "cancel"
        if outcome == "cancel":
            self.term.say(_indent(_t(self.lang, "group_cancel")), "dim")
            return
        self.open_item((*list_path, index), self.plan.key(key_path))

    def _remove(self, list_path: PathT, spec: FieldSpec, index: int) -> None:
        assert spec.target is not None
        item = _get(self.doc.data, (*list_path, index)) or {}
        name = str(item.get(_key_spec(spec.target).name))
        if not self.asker.yes_no(_indent(_t(self.lang, "remove_confirm", name=name)), (*list_path, index)):
            return

        def change(tree: CommentedMap) -> None:
            _remove_item(tree, list_path, index)
            _rewrite_references(tree, list_path, name, None)

        problems = self.asker.change(change)
        if problems:
            self.term.say(_indent(_t(self.lang, "rejected")), "error")
            for problem in problems[:5]:
                self.term.say(_indent(problem.message(self.lang), 4), "error")
            return
        self.term.say(_indent(_t(self.lang, "removed", name=name)), "ok")

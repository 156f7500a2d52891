"""One question at a time: show it, read the answer, validate it and save it (or say why not)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from pbd.errors import Problem
from pbd.messages import lookup, pick
from pbd.questionnaire.answers import _NO, _NONE_WORDS, _YES, AnswerError, _parse_numbers, _validate, parse_answer
from pbd.questionnaire.choices import REFERENCES, Choice
from pbd.questionnaire.document import DescriptionDocument
from pbd.questionnaire.fields import FieldSpec, _key_spec, _model_at
from pbd.questionnaire.help import Explainer
from pbd.questionnaire.paths import PathT, _get, generic_path
from pbd.questionnaire.plan import Node, Planner
from pbd.questionnaire.progress import Progress
from pbd.questionnaire.terminal import Back, Prompt, SkipBlock, Terminal
from pbd.questionnaire.texts import _indent, _t
from pbd.questionnaire.tree import _append_item, _delete, _rewrite_references, _set


class Asker:
    """Asks single questions for a session; every accepted answer is written to the document at once."""

    def __init__(
        self,
        document: DescriptionDocument,
        terminal: Terminal,
        lang: str,
        progress: Progress,
        plan: Planner,
        explainer: Explainer,
    ) -> None:
        self.doc = document
        self.term = terminal
        self.lang = lang
        self.progress = progress
        self.plan = plan
        self.explainer = explainer

    def _show_question(self, path: PathT, spec: FieldSpec, label: str, choices: list[Choice]) -> None:
        say, lang = self.term.say, self.lang
        hint = {
            "bool": "bool_hint",
            "date": "date_hint",
            "duration": "duration_hint",
            "int": "int_hint",
            "country": "country_hint",
            "text_list": "list_hint",
            "enum_list": "multi_hint",
            "choice_list": "multi_hint",
        }.get(spec.kind)
        title = spec.title(lang) + (" *" if spec.required else "") + (f" ({_t(lang, hint)})" if hint else "")
        say()
        say(f"{label} {title}".strip(), "title")
        if spec.help(lang):
            say(_indent(spec.help(lang)), "help")
        if choices:
            current = _get(self.doc.data, path)
            marked = set(current) if isinstance(current, list) else {current}
            labels = [pick(lang, c[1], c[2]) for c in choices]
            compact = len(choices) <= 8 and all(len(lab) <= 18 for lab in labels)
            if compact:
                say(_indent("   ".join(f"{i}) {lab}" for i, lab in enumerate(labels, start=1))))
            else:
                width = len(str(len(choices)))
                for i, (choice, lab) in enumerate(zip(choices, labels, strict=True), start=1):
                    mark = "•" if choice[0] in marked else " "
                    say(_indent(f"{mark}{i:>{width}}) {lab}"))
        current = _get(self.doc.data, path)
        if current is not None:
            say(_indent(_t(lang, "now", value=self.show(current, spec, choices)) + "  " + _t(lang, "now_keep")), "dim")

    def show(self, value: Any, spec: FieldSpec, choices: list[Choice] | None = None) -> str:
        if isinstance(value, bool):
            return pick(self.lang, "ja" if value else "nee", "yes" if value else "no")
        by_value = {c[0]: pick(self.lang, c[1], c[2]) for c in choices or []}
        if isinstance(value, list):
            if spec.kind == "text_list":
                return "; ".join(str(v) for v in value)
            return ", ".join(by_value.get(str(v), str(v)) for v in value) or "—"
        return by_value.get(str(value), str(value)) if spec.kind in ("enum", "choice") else str(value)

    def ask_question(self, node: Node, label: str, *, new_item: PathT | None = None) -> str:
        """Ask one question until it is answered, kept, skipped or cleared; returns what happened."""
        path, spec, lang = node.path, node.spec, self.lang
        choices = self.plan.choices(path, spec)
        parts = self._choice_parts(path, choices) if spec.kind == "choice_list" else None
        if parts:
            return self._ask_in_parts(node, label, parts)
        self._show_question(path, spec, label, choices)
        prompt = Prompt("question", path, spec, tuple(c[0] for c in choices))
        while True:
            text = self.term.ask(prompt).strip()
            current = _get(self.doc.data, path)
            if text == "?":
                self.explainer.explain(path, spec)
                continue
            if text == "<":
                raise Back
            if text == ">" and new_item is None:
                raise SkipBlock
            if text in ("", "-"):
                if new_item is not None:
                    return "cancel"
                if spec.required:
                    if current is not None and text == "":
                        return "kept"
                    self.term.say(_indent(_t(lang, "required")), "error")
                    continue
                if current is not None and text == "":
                    return "kept"
                if current is not None:
                    self.change(lambda tree: _delete(tree, path))
                self.progress.skip(self.plan.key(path))
                return "cleared" if current is not None else "skipped"
            value: Any
            shown: str | None
            if spec.kind == "text_list" and text.lower() in _NONE_WORDS:
                value, shown = [], _t(lang, "none")
            elif spec.kind == "text_list" and text == "+":
                continue
            else:
                try:
                    value, shown = parse_answer(spec, path, text, choices)
                except AnswerError as err:
                    self.term.say(_indent(err.text(lang)), "error")
                    continue
                if spec.kind == "text_list":
                    value = [*(current if isinstance(current, list) else []), value]
            problems = self.store(path, spec, value, new_item=new_item)
            if problems:
                self.term.say(_indent(_t(lang, "rejected")), "error")
                for problem in problems[:5]:
                    self.term.say(_indent(problem.message(lang), 4), "error")
                continue
            if shown is not None:
                self.term.say(_indent(_t(lang, "converted", value=shown)), "dim")
            self.progress.unskip(self.plan.key(path))
            if spec.kind == "text_list" and value:
                self._more_lines(path, spec)
            return "answered"

    def _choice_parts(self, path: PathT, choices: list[Choice]) -> list[tuple[str, list[Choice]]] | None:
        """A long list of choices split in parts: the capabilities per function area of the systeemeisen."""
        if generic_path(path) != "systems[].capabilities":
            return None
        kb = self.explainer.knowledge_base()
        if kb is None:
            return None  # one long list, then
        from pbd.kb_docs import SE_AREAS  # the area names live with the knowledge base docs

        area_of = {se.capability: se.area for se in kb.system_requirements.values()}
        groups: dict[str, list[Choice]] = {}
        for choice in choices:
            groups.setdefault(area_of.get(choice[0], ""), []).append(choice)
        codes = [c for c in SE_AREAS if c in groups] + sorted(c for c in groups if c not in SE_AREAS)
        return [
            (lookup(self.lang, f"kbdocs.area.{code}") or _t(self.lang, "area_other"), groups[code]) for code in codes
        ]

    def _ask_in_parts(self, node: Node, label: str, parts: list[tuple[str, list[Choice]]]) -> str:
        """A multiple choice asked one part at a time (Enter keeps a part as it is; 0 = none of these)."""
        path, spec, lang, say = node.path, node.spec, self.lang, self.term.say
        self._show_question(path, spec, label, [])
        current = list(_get(self.doc.data, path) or [])
        chosen: list[str] = []
        for i, (title, choices) in enumerate(parts, start=1):
            say()
            say(_indent(f"{title} ({i}/{len(parts)}) — " + _t(lang, "part_hint")), "title")
            width = len(str(len(choices)))
            for n, choice in enumerate(choices, start=1):
                mark = "•" if choice[0] in current else " "
                say(_indent(f"{mark}{n:>{width}}) {choice[1] if lang == 'nl' else choice[2]}"))
            while True:
                text = self.term.ask(Prompt("question", path, spec, tuple(c[0] for c in choices))).strip()
                if text == "?":
                    self.explainer.explain(path, spec)
                    continue
                if text == "<":
                    raise Back
                if text == "-":
                    if current:
                        self.change(lambda tree: _delete(tree, path))
                    self.progress.skip(self.plan.key(path))
                    return "cleared" if current else "skipped"
                if text == "":
                    chosen += [c[0] for c in choices if c[0] in current]
                    break
                if text == "0":
                    break
                numbers = _parse_numbers(text, len(choices))
                if numbers is None:
                    say(_indent(_t(lang, "bad_choice", n=len(choices))), "error")
                    continue
                chosen += [choices[n - 1][0] for n in numbers]
                break
        if chosen == current:
            if not current:
                self.progress.skip(self.plan.key(path))
                return "skipped"
            return "kept"
        problems = (
            self.store(path, spec, chosen, new_item=None) if chosen else self.change(lambda tree: _delete(tree, path))
        )
        if problems:  # pragma: no cover - every choice is valid by construction
            for problem in problems[:5]:
                say(_indent(problem.message(lang)), "error")
            return "skipped"
        self.progress.unskip(self.plan.key(path))
        return "answered"

    def _more_lines(self, path: PathT, spec: FieldSpec) -> None:
        """The next lines of a list, each saved as soon as it is typed; an empty line ends the list."""
        while True:
            text = self.term.ask(Prompt("more", path, spec, text="  +")).strip()
            if not text:
                return
            if text == "+":
                continue
            try:
                item = _validate(spec, path, [text])[0]
            except AnswerError as err:
                self.term.say(_indent(err.text(self.lang)), "error")
                continue
            problems = self.store(path, spec, [*(_get(self.doc.data, path) or []), item], new_item=None)
            for problem in problems[:5]:
                self.term.say(_indent(problem.message(self.lang), 4), "error")

    def store(self, path: PathT, spec: FieldSpec, value: Any, *, new_item: PathT | None) -> list[Problem]:
        """Write ``value`` at ``path`` (a new list item when ``new_item`` is its list); [] when saved."""
        if new_item is not None:
            return self.change(lambda tree: _append_item(tree, new_item, spec.name, value, spec))
        old = _get(self.doc.data, path)
        list_path = path[:-2]
        renames_item = (
            len(path) >= 3
            and isinstance(path[-2], int)
            and spec.name == _key_spec(_model_at(path[:-1])).name
            and old is not None
            and old != value
            and generic_path(list_path) in REFERENCES
        )

        def change(tree: CommentedMap) -> None:
            _set(tree, path, value, spec)
            if renames_item:
                _rewrite_references(tree, list_path, str(old), str(value))

        problems = self.change(change)
        if (
            not problems and isinstance(value, str) and _get(self.doc.data, path) != value
        ):  # pragma: no cover - defensive
            # text that would read back differently (an odd character in a folded line) is written quoted
            quoted = DoubleQuotedScalarString(value)
            return self.change(lambda tree: _set(tree, path, quoted, spec))
        return problems

    def change(self, change: Callable[[CommentedMap], None]) -> list[Problem]:
        problems = self.doc.apply(change)
        if self.doc.changed_outside:
            self.doc.changed_outside = False
            self.term.say(_t(self.lang, "changed_outside", file=str(self.doc.path)), "dim")
        return problems

    def yes_no(self, question: str, path: PathT) -> bool:
        self.term.say(question)
        while True:
            text = self.term.ask(Prompt("confirm", path)).strip().lower()
            if text in _YES:
                return True
            if text in _NO or text == "":
                return False
            self.term.say(_indent(_t(self.lang, "bad_bool")), "error")

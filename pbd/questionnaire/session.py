"""The terminal session: walks the plan section by section, asks what applies, and shows the gaps.

Resuming: the next question is always the first applicable question that has no answer. Answers
skipped on purpose ("weet ik nog niet") and lists the user said are complete are recorded in the
progress sidecar (:mod:`pbd.questionnaire.progress`), so a later run does not ask them again first
thing; it offers them at the end. At any question: ``?`` explains, ``<`` goes back, ``>`` skips
the rest of the block, ``-`` clears the answer.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from dataclasses import dataclass, field

from pbd.description.model import ProjectDescription
from pbd.questionnaire.asking import Asker
from pbd.questionnaire.document import DescriptionDocument
from pbd.questionnaire.fields import _key_spec, _model_at, _spec, _spec_at
from pbd.questionnaire.first_pass import FIRST_PASS_GROUPS, in_first_pass
from pbd.questionnaire.groups import GroupEditor
from pbd.questionnaire.help import Explainer
from pbd.questionnaire.paths import Json, PathT, _get, generic_path
from pbd.questionnaire.plan import GROUP, QUESTION, SECTIONS, Node, Planner
from pbd.questionnaire.progress import Progress
from pbd.questionnaire.summary import show_summary
from pbd.questionnaire.terminal import Back, SkipBlock, Terminal
from pbd.questionnaire.texts import _count, _indent, _short, _singular, _t

if typing.TYPE_CHECKING:
    from pbd.knowledge_base import KnowledgeBase

ALL, UNANSWERED, SKIPPED = "all", "unanswered", "skipped"


def _in_first_pass(node: Node) -> bool:
    generic = generic_path(node.path)
    return generic in FIRST_PASS_GROUPS if node.kind == GROUP else in_first_pass(generic)


@dataclass(slots=True)
class _Walk:
    root: PathT
    mode: str
    visited: set[str] = field(default_factory=set)
    cursor: PathT | None = None  # a question reached with '<'
    return_to: str | None = None  # where to continue after walking forward from the cursor
    asked: bool = False


class Questionnaire:
    """One session: walks the description's questions, asks what applies, and saves every answer."""

    def __init__(
        self,
        document: DescriptionDocument,
        terminal: Terminal,
        *,
        lang: str = "nl",
        today: dt.date | None = None,
        knowledge_base: Callable[[], KnowledgeBase] | None = None,
        progress: Progress | None = None,
        first_pass: bool = False,
    ) -> None:
        self.doc = document
        self.term = terminal
        self.lang = lang
        self.today = today or dt.date.today()
        self._kb_loader = knowledge_base
        self.progress = progress or Progress(document.path)
        self.plan = Planner(lambda: self.doc.data)
        self.explainer = Explainer(terminal, lang, knowledge_base)
        self.asker = Asker(document, terminal, lang, self.progress, self.plan, self.explainer)
        self.groups = GroupEditor(self.asker, self.progress, self._open_item)
        self._headings: list[str] = []
        self._section: str | None = None
        self._section_asked = False
        self._note: str | None = None  # said once before the next section heading
        #: ask only the first pass (:data:`pbd.questionnaire.first_pass.FIRST_PASS`): the screening's questions
        self.first_pass = first_pass

    @property
    def data(self) -> Json:
        return self.doc.data

    def applicable(self, section: str | None = None) -> list[PathT]:
        """The paths of every question that applies now (answered or not), in the order they are asked."""
        return self.plan.applicable(section)

    def _open_item(self, path: PathT, asked: str | None) -> None:
        walk = _Walk(path, ALL)
        if asked is not None:
            walk.visited.add(asked)
        self._walk(walk)
        self._headings = []

    def _needs(self, node: Node, walk: _Walk) -> bool:
        key = self.plan.key(node.path)
        if key in walk.visited:
            return False
        if self.first_pass and not _in_first_pass(node):
            return False
        if walk.mode == ALL:
            return True
        if node.kind == GROUP:
            return walk.mode == UNANSWERED and key not in self.progress.done
        if self.plan.answered(node):
            return False
        return (key in self.progress.skipped) == (walk.mode == SKIPPED)

    def run(self, section: str | None = None) -> None:
        """Ask what applies: everything unanswered, or (with ``section``) every question of one part."""
        say, lang = self.term.say, self.lang
        file = str(self.doc.path)
        if not self.doc.exists:
            say(_t(lang, "intro_new", file=file), "title")
        else:
            answered = sum(
                1
                for s in SECTIONS
                for n in self.plan.nodes((s,), expand=True)
                if n.kind == QUESTION and self.plan.answered(n)
            )
            say(
                _t(
                    lang,
                    "intro_resume",
                    file=file,
                    answered=_count(lang, answered, "answer"),
                    skipped=_count(lang, len(self._skipped_now()), "question"),
                ),
                "title",
            )
        say(_t(lang, "intro_keys"), "dim")
        if self.doc.reformatted:
            say(_t(lang, "reformatted"), "dim")
        if section is not None:
            if not self.doc.exists and section != "project":  # a description cannot exist without its name
                name_path: PathT = ("project", "name")
                self.asker.ask_question(Node(name_path, _spec_at(name_path), QUESTION), "")
            self._walk(_Walk((section,), ALL))
            self._end_section()
            say()
            say(_t(lang, "done_section", title=self._section_title(section), file=file), "ok")
            return
        if self.first_pass:
            say(_t(lang, "first_pass_intro"), "dim")
            for name in SECTIONS:
                self._walk(_Walk((name,), UNANSWERED))
            self._section = None  # no per-section summary: the screening is what the first pass is for
            say()
            say(_t(lang, "first_pass_done", outcome=self._screening_outcome(), file=file), "ok")
            return
        for name in SECTIONS:
            self._walk(_Walk((name,), UNANSWERED))
        # answers given later can make earlier questions apply (a high residual risk -> prior consultation)
        self._note = _t(lang, "later")
        for name in SECTIONS:
            self._walk(_Walk((name,), UNANSWERED))
        self._note = None
        self._end_section()
        skipped = self._skipped_now()
        if skipped:
            say()
            if self.asker.yes_no(_t(lang, "skipped_offer", n=_count(lang, len(skipped), "question")), ("skipped",)):
                for name in SECTIONS:
                    self._walk(_Walk((name,), SKIPPED))
                self._end_section()
        say()
        say(_t(lang, "done", file=file), "ok")
        say(_t(lang, "next", file=file), "dim")

    def _screening_outcome(self) -> str:
        from pbd import engine
        from pbd.messages import outcome

        if self.doc.loaded is None:
            return outcome(self.lang, "undetermined", "sentence")
        return outcome(self.lang, engine.screen(self.doc.loaded).dpia, "sentence")

    def _skipped_now(self) -> list[Node]:
        return [
            n
            for s in SECTIONS
            for n in self.plan.nodes((s,), expand=True)
            if n.kind == QUESTION and not self.plan.answered(n) and self.plan.key(n.path) in self.progress.skipped
        ]

    def _walk(self, walk: _Walk) -> None:
        while True:
            nodes = self.plan.nodes(walk.root, expand=walk.mode != ALL)
            node = None
            if walk.cursor is not None:
                node = next((n for n in nodes if n.path == walk.cursor), None)
                walk.cursor = None
            if node is None:
                walk.return_to = None
                node = next((n for n in nodes if self._needs(n, walk)), None)
            if node is None:
                return
            self._enter(node, nodes, walk)
            try:
                if node.kind == GROUP:
                    self.groups.ask_group(node)
                else:
                    self.asker.ask_question(node, self._progress_label(node, nodes, walk))
            except SkipBlock:
                self._skip_block(node, walk)
                continue
            except Back:
                index = nodes.index(node)
                if index == 0:
                    self.term.say(_t(self.lang, "first"), "dim")
                    continue
                walk.return_to = walk.return_to or self.plan.key(node.path)
                walk.cursor = nodes[index - 1].path
                continue
            walk.asked = True
            walk.visited.add(self.plan.key(node.path))
            if walk.return_to is not None:  # after going back: forward one question at a time
                fresh = self.plan.nodes(walk.root, expand=walk.mode != ALL)
                keys = [self.plan.key(n.path) for n in fresh]
                here = self.plan.key(node.path)
                if here in keys and keys.index(here) + 1 < len(keys) and keys[keys.index(here) + 1] != walk.return_to:
                    walk.cursor = fresh[keys.index(here) + 1].path
                else:
                    walk.return_to = None

    def _skip_block(self, node: Node, walk: _Walk) -> None:
        """Mark every open question from ``node`` to the end of its block as skipped ('weet ik nog niet')."""
        path = node.path
        base = 2 if len(path) > 2 and isinstance(path[1], int) else 1  # the item, or the section
        block = path[: base + 1] if len(path) > base + 1 else path[:base]
        nodes = self.plan.nodes(walk.root, expand=walk.mode != ALL)
        start = nodes.index(node)
        count = 0
        for later in nodes[start:]:
            if later.path[: len(block)] != block:
                continue
            key = self.plan.key(later.path)
            walk.visited.add(key)
            if later.kind == GROUP:
                self.progress.finish(key)
            elif not self.plan.answered(later):
                self.progress.skip(key)
                count += 1
        title = (
            _spec_at(block).title(self.lang)
            if isinstance(block[-1], str)
            else _singular(_spec_at(block[:-1]), self.lang)
        )
        self.term.say(
            _indent(_t(self.lang, "skipped_block", n=_count(self.lang, count, "question"), title=title)), "dim"
        )

    # -- headings and progress ---------------------------------------------------------------

    def _section_title(self, section: str) -> str:
        return _spec(ProjectDescription, section).title(self.lang)

    def _enter(self, node: Node, nodes: list[Node], walk: _Walk) -> None:
        section = str(node.path[0])
        if section != self._section:
            self._end_section()
            if self._note:
                self.term.say()
                self.term.say(self._note, "title")
                self._note = None
            self._section, self._section_asked = section, False
            self._headings = []
            spec = _spec(ProjectDescription, section)
            leaves = [n for n in self.plan.nodes((section,), expand=True) if n.kind == QUESTION]
            answered = sum(1 for n in leaves if self.plan.answered(n))
            progress = _t(self.lang, "section_progress", answered=answered, total=len(leaves)) if leaves else ""
            self.term.say()
            self.term.say(f"══ {spec.title(self.lang)} ══  {progress}".rstrip(), "section")
            if spec.help(self.lang):
                self.term.say(spec.help(self.lang), "dim")
        self._section_asked = True
        headings = self._heading_chain(node.path[:-1])
        common = 0
        while common < min(len(headings), len(self._headings)) and headings[common] == self._headings[common]:
            common += 1
        for depth, text in enumerate(headings[common:], start=common):
            self.term.say()
            self.term.say(_indent("▸ " + text, 2 * depth), "title")
        self._headings = headings

    def _heading_chain(self, path: PathT) -> list[str]:
        """Headings for the blocks and items around a question: 'Verwerking 2: wifi-telling', 'Rechtsgrond'."""
        out: list[str] = []
        for i in range(1, len(path)):
            elem = path[i]
            if isinstance(elem, int):
                list_spec = _spec_at(path[:i])
                model = _model_at(path[: i + 1])
                name = _get(self.data, (*path[: i + 1], _key_spec(model).name))
                title = _singular(list_spec, self.lang)
                out.append(_t(self.lang, "item", title=title, n=elem + 1, name=_short(name)))
            elif i + 1 < len(path) and isinstance(path[i + 1], int):
                continue  # the item heading ('Doel 1: ...') says enough
            else:
                spec = _spec_at(path[: i + 1])
                help_text = spec.help(self.lang)
                out.append(f"{spec.title(self.lang)} — {help_text}" if help_text else spec.title(self.lang))
        return out

    def _progress_label(self, node: Node, nodes: list[Node], walk: _Walk) -> str:
        leaves = (
            [n for n in nodes if n.kind == QUESTION]
            if walk.mode == ALL
            else [n for n in self.plan.nodes((node.path[0],), expand=True) if n.kind == QUESTION]
        )
        paths = [n.path for n in leaves]
        if node.path not in paths:
            return ""
        return f"[{paths.index(node.path) + 1}/{len(paths)}]"

    def _end_section(self) -> None:
        if self._section is not None and self._section_asked:
            show_summary(self.term, self.lang, self.doc, self._kb_loader, self.today, self._section)
        self._section, self._section_asked = None, False

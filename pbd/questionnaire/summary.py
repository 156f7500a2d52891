"""The gaps and open points of a section, shown when the questionnaire leaves it.

The judgement comes from the one engine path, called through the module
(``engine.check``), so what the questionnaire shows is what ``pbd check`` reports.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable

from pbd.capabilities import CAPABILITIES
from pbd.description.model import ProjectDescription
from pbd.questionnaire.document import DescriptionDocument
from pbd.questionnaire.fields import _spec
from pbd.questionnaire.help import _first_sentence
from pbd.questionnaire.terminal import Terminal
from pbd.questionnaire.texts import _indent, _t
from pbd.vocabulary import Status

if typing.TYPE_CHECKING:
    from pbd.knowledge_base import KnowledgeBase


def show_summary(
    terminal: Terminal,
    lang: str,
    document: DescriptionDocument,
    knowledge_base: Callable[[], KnowledgeBase] | None,
    today: dt.date,
    section: str,
) -> None:
    """Show the gaps (most severe first) and open points whose path lies in ``section``."""
    say = terminal.say
    loaded = document.loaded
    if loaded is None or knowledge_base is None:
        return
    try:
        from pbd import engine

        kb = knowledge_base()
        assessment = engine.check(loaded, kb, engine.Options(today=today))
    except Exception as exc:  # the knowledge base is being edited: no hints rather than a crash
        say()
        say(
            _t(lang, "summary_unavailable", why=str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__),
            "dim",
        )
        return
    mine = [f for f in assessment.findings if f.status in (Status.GAP, Status.OPEN) and _section_of(f.path) == section]
    say()
    say(f"── {_t(lang, 'summary', title=_spec(ProjectDescription, section).title(lang))} ──", "section")
    if not mine:
        say(_indent(_t(lang, "summary_none")), "ok")
        return
    gaps = sorted((f for f in mine if f.status is Status.GAP), key=lambda f: (-f.severity.rank, f.target, f.rule))
    opens = [f for f in mine if f.status is Status.OPEN]
    shown = 0
    limit = 12
    if gaps:
        say(_indent(_t(lang, "summary_gaps", n=len(gaps))), "gap")
        for f in gaps[:limit]:
            say(_indent(f"✗ {_rule_title(kb, f.rule, lang)}{_target(f.target)}", 4), "gap")
            if f.detail(lang):
                say(_indent(_plain_words(f.detail(lang), lang), 8))
            fix = _first_sentence(_rule_fix(kb, f.rule, lang))
            if fix:
                say(_indent(_t(lang, "summary_fix", fix=fix), 8), "dim")
            shown += 1
    if opens and shown < limit:
        say(_indent(_t(lang, "summary_open", n=len(opens))), "open")
        for f in opens[: limit - shown]:
            say(_indent(f"? {_rule_title(kb, f.rule, lang)}{_target(f.target)}", 4), "open")
            if f.detail(lang):
                say(_indent(_plain_words(f.detail(lang), lang), 8))
            shown += 1
    if len(mine) > shown:
        say(_indent(_t(lang, "summary_more", n=len(mine) - shown, file=str(document.path))), "dim")


def _plain_words(detail: str, lang: str) -> str:
    """A finding's detail with capability keywords shown as their label ('open_api' -> 'gedocumenteerde API's ...')."""

    def label(m: re.Match[str]) -> str:
        pair = CAPABILITIES.get(m.group(1))
        return f"'{pair[0] if lang == 'nl' else pair[1]}'" if pair else m.group(0)

    return re.sub(r"'([a-z0-9_]+)'", label, detail)


def _section_of(path: str) -> str:
    m = re.match(r"^\$\.([A-Za-z_]+)", path)
    return m.group(1) if m else "project"


def _target(target: str) -> str:
    return "" if target == "project" else f" [{target}]"


def _rule_title(kb: KnowledgeBase, rule: str, lang: str) -> str:
    if rule in kb.criteria:
        return f"{rule} {kb.criteria[rule].title.get(lang)}"
    if rule in kb.system_requirements:
        return f"{rule} {kb.system_requirements[rule].title.get(lang)}"
    return rule


def _rule_fix(kb: KnowledgeBase, rule: str, lang: str) -> str:
    if rule in kb.criteria:
        return kb.criteria[rule].remediation.get(lang)
    return ""

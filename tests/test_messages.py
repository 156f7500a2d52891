"""The message catalogue: both languages with the same placeholders, every id used exists, none unused."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbd.messages import CATALOGUE, Section, outcome, placeholders, t
from pbd.vocabulary import DpiaOutcome

ROOT = Path(__file__).resolve().parent.parent
PBD = ROOT / "pbd"
TEMPLATES = ROOT / "templates"
WEB_TEMPLATES = PBD / "web" / "templates"
#: ``{% msg "id" %}`` in a web template; a second group ``|add:`` marks an id built from a prefix
_WEB_MSG = re.compile(r"""\{%\s*msg\s+["']([a-z][A-Za-z0-9_.()]*)["'](\|add:)?""")
#: a message id handed to a partial: ``{% include "web/partials/post_form.html" with submit="web.login.submit" %}``
_WEB_INCLUDE = re.compile(r"""\{%\s*include\s[^%]*%\}""")
_WEB_INCLUDE_MSG = re.compile(r"""\b[a-z_]+=["'](web\.[a-z0-9_.]+)["']""")
ID = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_()]+)+$")


def _py_files() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PBD.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


#: the functions that take a message id, and the position of the id among their arguments: ``t(lang, id)``
#: (``msg`` where a module imports ``t`` under that name), ``both(id, ...)``, the engine's ``_say(id, neutral_args,
#: ...)`` and ``_verdict(id, neutral_args, ...)``
_TAKES_ID = {"t": 1, "msg": 1, "_say": 0, "both": 0, "_verdict": 0}


def _calls() -> Iterator[tuple[str, ast.expr, ast.Call]]:
    """Every call that names a message: where, the id argument, the call."""
    for path, tree in _py_files():
        if path.name == "messages.py":
            continue  # the catalogue's own API passes ids through
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            at = _TAKES_ID.get(node.func.id)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Name):
                continue  # a helper passing its caller's id on (its callers are checked)
            yield f"{path.relative_to(ROOT)}:{node.lineno}", arg, node


def _prefix(node: ast.expr) -> str | None:
    """The constant start of an f-string id (``f"diff.heading.{name}"`` -> ``diff.heading.``)."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    return None


def _used() -> tuple[set[str], set[str]]:
    """Ids the code and templates name literally, and the prefixes of ids they build."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path, tree in _py_files():
        if path.name == "messages.py":
            continue  # the catalogue itself names every id
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "outcome":
                form = node.args[2] if len(node.args) > 2 else ast.Constant("title")
                assert isinstance(form, ast.Constant), f"{path}:{node.lineno}: name the outcome's form"
                prefixes.add(f"dpia.{form.value!s}.")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CATALOGUE:
                literal.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                start = _prefix(node)
                if start and any(k.startswith(start) for k in CATALOGUE):
                    prefixes.add(start)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "t":
                literal.add(f"report.{node.attr}")  # a Section over report.* in pbd/render/html.py
    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        literal |= {f"report.{name}" for name in re.findall(r"\bt\.([a-z_0-9]+)", text)}
        prefixes |= {f"report.{start}" for start in re.findall(r"\bt\[\"([a-z_0-9]+)\" ~", text)}
    for template in WEB_TEMPLATES.rglob("*.html"):  # the web dossier: {% msg "web.id" %}, {% msg "web.role."|add:x %}
        text = template.read_text(encoding="utf-8")
        for msg_id, joined in _WEB_MSG.findall(text):
            (prefixes if joined else literal).add(msg_id)
        literal |= set(_included_ids(text))
    return literal, prefixes


def _included_ids(text: str) -> list[str]:
    """The message ids a web template hands to a partial as include parameters."""
    return [m for tag in _WEB_INCLUDE.findall(text) for m in _WEB_INCLUDE_MSG.findall(tag)]


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for msg_id, text in CATALOGUE.items():
        assert ID.match(msg_id), f"{msg_id}: ids are area.name"
        assert text.nl.strip() and text.en.strip(), f"{msg_id}: empty text"
        assert placeholders(text.nl) == placeholders(text.en), f"{msg_id}: placeholders differ"


def test_english_texts_use_gdpr_terms() -> None:
    for msg_id, text in CATALOGUE.items():
        if re.search(r"\bAVG\b", text.en):  # the Dutch name only beside the English one ("GDPR (AVG)")
            assert "GDPR" in text.en, f"{msg_id}: English text says AVG; write GDPR"


def test_every_id_the_code_uses_exists_with_the_placeholders_it_fills() -> None:
    seen = 0
    for where, arg, call in _calls():
        if isinstance(arg, ast.Constant):
            assert arg.value in CATALOGUE, f"{where}: no message {arg.value!r}"
            given = {k.arg for k in call.keywords}
            assert given == set(placeholders(CATALOGUE[arg.value].nl)), f"{where}: {arg.value} is filled with {given}"
            seen += 1
        else:
            start = _prefix(arg)
            assert start is not None, f"{where}: give the message id as a string or an f-string with a constant start"
            assert any(k.startswith(start) for k in CATALOGUE), f"{where}: no message starts with {start!r}"
    assert seen > 50  # the scan found the calls (a broken scan would pass everything)


def test_templates_name_only_existing_report_messages() -> None:
    for template in TEMPLATES.glob("*.j2"):
        for name in re.findall(r"\bt\.([a-z_0-9]+)", template.read_text(encoding="utf-8")):
            assert f"report.{name}" in CATALOGUE, f"{template.name}: no message report.{name}"


def test_web_templates_name_only_existing_messages() -> None:
    seen = 0
    for template in WEB_TEMPLATES.rglob("*.html"):
        for msg_id, joined in _WEB_MSG.findall(template.read_text(encoding="utf-8")):
            seen += 1
            if joined:
                assert any(k.startswith(msg_id) for k in CATALOGUE), f"{template.name}: no message starts with {msg_id}"
            else:
                assert msg_id in CATALOGUE, f"{template.name}: no message {msg_id}"
        for msg_id in _included_ids(template.read_text(encoding="utf-8")):
            seen += 1
            assert msg_id in CATALOGUE, f"{template.name}: no message {msg_id} (an include parameter)"
    assert seen > 20  # the scan found the tags


def test_no_message_is_unused() -> None:
    literal, prefixes = _used()
    unused = [k for k in CATALOGUE if k not in literal and not any(k.startswith(p) for p in prefixes)]
    assert unused == []


@pytest.mark.parametrize("dpia", list(DpiaOutcome))
def test_every_screening_outcome_has_a_title_a_cell_and_a_sentence(dpia: DpiaOutcome) -> None:
    for form in ("title", "short", "sentence"):
        assert outcome("nl", dpia, form) != outcome("en", dpia, form)


def test_outcome_labels_of_the_new_screening() -> None:
    assert outcome("nl", "mandatory_unless_argued") == "DPIA VERPLICHT, TENZIJ GEMOTIVEERD"
    assert outcome("en", "mandatory_unless_argued") == "DPIA REQUIRED UNLESS ARGUED"
    assert outcome("nl", "undetermined") == "DPIA NOG NIET TE BEPALEN"
    assert outcome("en", "undetermined") == "DPIA NOT YET DETERMINED"


def test_api() -> None:
    assert t("nl", "text.nogo", gate="ontwerp", n=2) == "Beslismoment ontwerp: NO-GO — 2 punten blokkeren"
    assert t("nl", "text.nogo", gate="ontwerp", n=1) == "Beslismoment ontwerp: NO-GO — 1 punt blokkeert"
    assert t("en", "text.nogo", gate="ontwerp", n=1) == "Decision gate ontwerp: NO-GO — 1 item blocks"
    assert t("en", "portfolio.total", n=3) == "3 projects checked"
    report = Section("en", "report")
    assert report.concept == "DRAFT"
    assert report["concept"] == "DRAFT"
    with pytest.raises(AttributeError, match=r"no message report\.nothing"):
        _ = report.nothing
    with pytest.raises(KeyError):
        t("nl", "no.such.message")


def test_findings_carry_message_ids_with_neutral_arguments() -> None:
    from pbd import engine
    from pbd.description import load_description
    from pbd.knowledge_base import default_knowledge_base
    from pbd.vocabulary import Status
    from tests.conftest import EXAMPLES, TODAY

    kb = default_knowledge_base()
    by_message: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
    for path in EXAMPLES:
        a = engine.check(load_description(path), kb, engine.Options(today=TODAY))
        for f in a.findings:
            if f.message:
                assert f.message in CATALOGUE, f.message
                by_message.setdefault(f.message, []).append((f.status.value, f.detail_nl, dict(f.args)))
    assert {"finding.not_answered", "finding.value_not_met"} <= set(by_message)
    for status, detail, args in by_message["finding.not_answered"]:
        assert status == Status.OPEN.value
        assert detail.startswith("nog niet beantwoord: ")
        assert args["field"].startswith("$")
    for _status, detail, args in by_message.get("finding.enum_not_met", []):
        assert detail.endswith("voldoet niet aan de norm")
        assert set(args) - {"about"} == {"field", "value"}  # "about": the party or processing a project norm names


def test_no_text_hedges_its_plural() -> None:
    """A count chooses its own word ({n:punt|punten}); no reader should see "punt(en)" or "item(s)"."""
    hedged = re.compile(r"\w\((?:en|s|n)\)")
    found = [(msg_id, lang) for msg_id, m in CATALOGUE.items() for lang in ("nl", "en") if hedged.search(m.get(lang))]
    assert found == []

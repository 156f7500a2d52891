"""``pbd init``: a YAML template with every field of the description, commented with its question, help and article.

Generated from the description model (titles, help texts, ``x-ref``, enum labels) and the
questionnaire's branching table, like the questionnaire itself: there is no hand-written copy.
Every key is present with an empty value ("not yet answered"), so a user fills in what they know
and leaves the rest. The file is valid as soon as the required fields are filled in: the project
name and the first field of each item (a party's name, a processing's id, ...). Blocks that most
projects do not need (transfers outside the Netherlands, waivers) are commented out.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from pydantic import BaseModel

from pbd.capabilities import CAPABILITIES
from pbd.description.model import ProjectDescription
from pbd.description.values import SCHEMA_VERSION
from pbd.messages import pick, t
from pbd.questionnaire import ASK_WHEN, FieldSpec, field_specs
from pbd.resources import content_dir
from pbd.vocabulary import LABELS

__all__ = ["COMMENTED_OUT", "template"]

#: lists that stay commented out in the template: most projects have none
COMMENTED_OUT = frozenset({"transfers", "waivers"})

_WIDTH = 100


def _model_order(model: type[BaseModel]) -> list[FieldSpec]:
    """Fields in the model's own order (the order keys appear in a description file)."""
    by_name = {spec.name: spec for spec in field_specs(model)}
    return [by_name[name] for name in model.model_fields]


def _comment(text: str, indent: int) -> list[str]:
    prefix = " " * indent + "# "
    out: list[str] = []
    for para in text.split("\n"):
        out.extend(textwrap.wrap(para, _WIDTH - len(prefix), break_long_words=False, break_on_hyphens=False) or [""])
    return [(prefix + line).rstrip() for line in out]


def _hint(spec: FieldSpec, lang: str) -> str:
    if spec.enum is not None:
        labels = LABELS.get(spec.enum.__name__, {})
        values = [m.value for m in spec.enum]
        shown = ", ".join(
            f"{v} ({pick(lang, *labels[v])})" if v in labels and pick(lang, *labels[v]) != v else v for v in values
        )
        if spec.kind == "enum_list":
            return t(lang, "init.choose_list", a=values[0], b=values[1]) + shown + "."
        return t(lang, "init.choose") + shown + "."
    if spec.name == "capabilities":
        return t(lang, "init.capabilities") + ", ".join(CAPABILITIES) + "."
    if spec.name == "capability_evidence":
        return pick(
            lang,
            "Per functionaliteit uit 'capabilities' een blok, bijv. 'access_logging: {level: verified, how: test, "
            "date: 2026-03-01}'; level is claimed (toegezegd), contracted (in het contract) of verified "
            "(gecontroleerd); how is document, demo, test of audit.",
            "One block per capability from 'capabilities', e.g. 'access_logging: {level: verified, how: test, "
            "date: 2026-03-01}'; level is claimed, contracted or verified; how is document, demo, test or audit.",
        )
    if spec.kind == "choice_list":
        return t(lang, "init.id_list")
    return (
        t(lang, f"init.{spec.kind}")
        if spec.kind in ("bool", "date", "duration", "int", "country", "identifier", "text_list", "mapping")
        else ""
    )


def _field_comments(spec: FieldSpec, generic: str, indent: int, lang: str) -> list[str]:
    title = spec.title(lang) + (t(lang, "init.required") if spec.required else "")
    first = f"{title}: {spec.help(lang)}" if spec.help(lang) else title
    if spec.ref:
        first += f" [{spec.ref}]"
    lines = _comment(first, indent)
    hint = _hint(spec, lang)
    if hint:
        lines += _comment(hint, indent)
    when = ASK_WHEN.get(generic)
    if when is not None:
        lines += _comment(t(lang, "init.when", when=when.text(lang)), indent)
    return lines


def _emit_model(
    model: type[BaseModel], prefix: str, indent: int, lang: str, out: list[str], *, item: bool = False
) -> None:
    """The fields of ``model`` at ``indent``; for a list item the first key carries the dash."""
    for i, spec in enumerate(_model_order(model)):
        dash = item and i == 0
        comment_indent = indent - 2 if dash else indent
        key = " " * (indent - 2) + "- " + spec.name if dash else " " * indent + spec.name
        _emit_field(
            spec, f"{prefix}{spec.name}", key=key, comment_indent=comment_indent, indent=indent, lang=lang, out=out
        )


def _emit_field(
    spec: FieldSpec, generic: str, *, key: str, comment_indent: int, indent: int, lang: str, out: list[str]
) -> None:
    """One field: its comments, its key, and (for a block or a list) what is inside."""
    out += _field_comments(spec, generic, comment_indent, lang)
    commented = spec.kind == "model_list" and spec.name in COMMENTED_OUT
    if commented:
        out += _comment(t(lang, "init.commented"), comment_indent)
    body = [f"{key}:"]
    if spec.kind == "model":
        assert spec.target is not None
        _emit_model(spec.target, f"{generic}.", indent + 2, lang, body)
    elif spec.kind == "model_list":
        assert spec.target is not None
        _emit_model(spec.target, f"{generic}[].", indent + 4, lang, body, item=True)
    if commented:
        body = [line[:comment_indent] + "# " + line[comment_indent:] for line in body]
    out += body


def _schema_line(target: Path | None) -> list[str]:
    if target is None:
        return []
    try:
        schema = content_dir("schemas") / "project.schema.json"
        rel = os.path.relpath(schema, Path(target).resolve().parent)
    except (OSError, ValueError):  # no bundled schema, or another drive (Windows)
        return []
    return [f"# yaml-language-server: $schema={Path(rel).as_posix()}"]


def template(lang: str = "nl", *, schema_for: Path | None = None) -> str:
    """The commented template; ``schema_for`` (the file it is written to) adds an editor schema hint."""
    out: list[str] = [*_schema_line(schema_for), *_comment(t(lang, "init.header"), 0), ""]
    for spec in _model_order(ProjectDescription):
        if spec.name == "schema_version":
            out += [*_comment(f"{spec.title(lang)}: {spec.help(lang)}", 0), f"schema_version: {SCHEMA_VERSION}"]
            continue
        out.append("")
        _emit_field(spec, spec.name, key=spec.name, comment_indent=0, indent=0, lang=lang, out=out)
    return "\n".join(out) + "\n"

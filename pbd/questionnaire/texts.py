"""Small text helpers for the terminal questionnaire; its words are in the catalogue (``questionnaire.*`` in
:mod:`pbd.messages`)."""

from __future__ import annotations

import textwrap
import typing
from typing import Any

from pbd.messages import lookup, t

if typing.TYPE_CHECKING:
    from pbd.questionnaire.fields import FieldSpec


def _t(lang: str, key: str, **kwargs: Any) -> str:
    """The questionnaire's message ``key`` (``questionnaire.<key>`` in the catalogue), filled."""
    return t(lang, f"questionnaire.{key}", **kwargs)


def _count(lang: str, n: int, what: str) -> str:
    """'1 vraag', '3 vragen', '1 answer' ... (``what``: question or answer)."""
    return t(lang, f"questionnaire.count.{what}", n=n)


def _indent(text: str, width: int = 2) -> str:
    lines = textwrap.wrap(text, 100 - width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(" " * width + line for line in lines)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value) if value is not None else "?"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _singular(spec: FieldSpec, lang: str) -> str:
    """One item of a list field ("Partij", "Data item"); the field's own title for lists without a name."""
    found = lookup(lang, f"questionnaire.singular.{spec.name}")
    return spec.title(lang) if found is None else found

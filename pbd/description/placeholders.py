"""Placeholders: texts that stand where an answer should be ("n.t.b.", "nog te implementeren", "TBD").

A description often carries a text that only promises an answer. Such a text is not an answer:
the engine removes it from the data before it builds views (:func:`strip_placeholders`), so the
criterion that needs the field reports an open question instead of accepting the promise.

The test is deliberately narrow. A text counts as a placeholder when, after lower-casing and
removing punctuation, it *is* one of the known non-answers, or when it is short (at most
:data:`SHORT_WORDS` words) and *starts* with one ("Nog te implementeren in fase 2"). A real
sentence that mentions "onbekend" halfway, or a reason that begins with "niet van toepassing
omdat ...", is an answer and stays.
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

__all__ = ["PHRASES", "SHORT_WORDS", "is_placeholder", "strip_placeholders"]

#: the non-answers, written normalised (lower case, words separated by one space, no punctuation)
PHRASES: frozenset[str] = frozenset(
    {
        # Dutch
        "ntb",
        "nog te bepalen",
        "nader te bepalen",
        "ntb nader te bepalen",
        "nnb",
        "nog niet bekend",
        "nog niet bepaald",
        "nog niet vastgesteld",
        "nog niet beschikbaar",
        "nog te implementeren",
        "nog te regelen",
        "nog te doen",
        "nog uit te werken",
        "nog uitwerken",
        "nader uit te werken",
        "nog te onderzoeken",
        "nog in onderzoek",
        "wordt onderzocht",
        "wordt nog onderzocht",
        "wordt uitgewerkt",
        "wordt nog uitgewerkt",
        "wordt nog bepaald",
        "nog niet",
        "niet onderzocht",
        "niet bekend",
        "onbekend",
        "geen vastgestelde termijn",
        "geen termijn",
        "geen termijn vastgesteld",
        "volgt",
        "volgt nog",
        "volgt later",
        "in overleg",
        "in afstemming",
        "pm",
        "p m",
        "nvt",
        "niet van toepassing",
        "weet ik niet",
        "weet niet",
        "geen idee",
        "navragen",
        "nog navragen",
        "zie later",
        "leeg",
        "invullen",
        "nog invullen",
        # English
        "tbd",
        "tba",
        "tbc",
        "todo",
        "to do",
        "fixme",
        "to be determined",
        "to be decided",
        "to be defined",
        "to be confirmed",
        "to be implemented",
        "to be announced",
        "not yet",
        "not yet known",
        "not yet decided",
        "not determined",
        "not investigated",
        "not assessed",
        "unknown",
        "not known",
        "na",
        "n a",
        "not applicable",
        "none yet",
        "pending",
        "later",
        "xxx",
        "xx",
        "x",
        "tbd later",
        "dont know",
        "placeholder",
        "lorem ipsum",
    }
)

#: a text of at most this many words that starts with a non-answer is itself a non-answer
SHORT_WORDS = 6

#: phrases that count only as the whole text: "n.v.t. omdat ..." gives a reason, "Volgt uit de
#: Parkeerverordening" is an answer, "Later wordt ..." starts an ordinary sentence
_ONLY_WHOLE: frozenset[str] = frozenset(
    {
        "nvt",
        "niet van toepassing",
        "na",
        "n a",
        "not applicable",
        "later",
        "x",
        "xx",
        "pm",
        "p m",
        "leeg",
        "volgt",
        "invullen",
        "navragen",
        "pending",
        "placeholder",
    }
)

_SYMBOLS_ONLY = re.compile(r"^[\W_]*$")
_NON_WORD = re.compile(r"[^\w]+")
_MAX_PHRASE_WORDS = max(len(p.split()) for p in PHRASES)
#: how much of a long text is normalised first (see :func:`is_placeholder`)
_HEAD_CHARS = 64
#: texts up to this length have their verdict remembered
_CACHED_CHARS = 200
assert SHORT_WORDS >= _MAX_PHRASE_WORDS  # a text of more words than SHORT_WORDS is never a whole phrase


def _normalise(text: str) -> str:
    """Lower case, accents folded, dots inside abbreviations joined, other punctuation as spaces."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"(?<=\w)\.(?=\w)", "", folded)  # n.t.b. -> ntb., t.b.d -> tbd
    folded = folded.replace("'", "")  # don't -> dont
    return " ".join(_NON_WORD.sub(" ", folded).split())


def is_placeholder(text: str) -> bool:
    """True when ``text`` stands in for an answer rather than giving one.

    >>> is_placeholder("n.t.b.")
    True
    >>> is_placeholder("Nog te implementeren in fase 2")
    True
    >>> is_placeholder("Niet van toepassing omdat geen persoonsgegevens worden verwerkt")
    False
    """
    if len(text) <= _CACHED_CHARS:
        return _short_is_placeholder(text)
    return _is_placeholder(text)


@lru_cache(maxsize=8192)  # bounded, and only short texts: the same answers come back in every description
def _short_is_placeholder(text: str) -> bool:
    return _is_placeholder(text)


def _is_placeholder(text: str) -> bool:
    if not text.strip() or _SYMBOLS_ONLY.match(text):
        return True  # "", "-", "?", "…", "---"
    if len(text) > _HEAD_CHARS and len(_normalise(text[:_HEAD_CHARS]).split()) > SHORT_WORDS:
        # a sentence: its start already has more words than any non-answer (normalising is per
        # character, so the whole has at least as many); spares the evaluation most of the work
        return False
    norm = _normalise(text)
    if not norm:
        return True
    if norm in PHRASES:
        return True
    words = norm.split()
    if len(words) > SHORT_WORDS:
        return False
    for n in range(min(_MAX_PHRASE_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if head in PHRASES and head not in _ONLY_WHOLE:
            return True
    return False


def strip_placeholders(data: Any, *, model: type[BaseModel] | None = None, every_string: bool = False) -> Any:
    """A copy of plain JSON data without placeholder answers (dict values and list items), at any depth.

    By default ``data`` is read as a project description (:class:`ProjectDescription`, the shape
    ``LoadedDescription.data()`` gives): only free-text fields are tested — enum values such as
    ``not_applicable`` or ``unknown``, identifiers, dates, durations and required texts (names,
    purpose descriptions, which the views need) are kept. ``model`` names another model class for
    a part of a description; ``every_string=True`` tests every string in the data instead.

    A mapping that loses a value keeps its other keys; an emptied mapping or list stays (``{}`` or
    ``[]``). Keys are never touched. The input is not changed.
    """
    if every_string:
        return _strip_all(data)
    if model is None:
        from pbd.description.model import ProjectDescription

        model = ProjectDescription
    return _strip_model(data, model)


def _placeholder(value: Any) -> bool:
    return isinstance(value, str) and is_placeholder(value)


def _strip_all(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _strip_all(value) for key, value in data.items() if not _placeholder(value)}
    if isinstance(data, list):
        return [_strip_all(item) for item in data if not _placeholder(item)]
    return data


def _strip_model(data: Any, model: type[BaseModel]) -> Any:
    if not isinstance(data, dict):
        return data
    kinds = _field_kinds(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        kind, sub = kinds.get(key, ("other", None))
        if kind == "text" and _placeholder(value):
            continue
        out[key] = _strip_value(kind, sub, value)
    return out


def _strip_value(kind: str, sub: type[BaseModel] | None, value: Any) -> Any:
    if kind == "text_list" and isinstance(value, list):
        return [item for item in value if not _placeholder(item)]
    if kind == "text_map" and isinstance(value, dict):
        return {k: v for k, v in value.items() if not _placeholder(v)}
    if kind == "model" and sub is not None:
        return _strip_model(value, sub)
    if kind == "model_list" and sub is not None and isinstance(value, list):
        return [_strip_model(item, sub) for item in value]
    return value


_KINDS: dict[type[BaseModel], dict[str, tuple[str, type[BaseModel] | None]]] = {}


def _field_kinds(model: type[BaseModel]) -> dict[str, tuple[str, type[BaseModel] | None]]:
    """Per field of ``model``: text, text_list, text_map, model, model_list or other (computed once)."""
    found = _KINDS.get(model)
    if found is not None:
        return found
    from pbd.description.model import FREE_TEXT

    def free_text(ann: Any) -> bool:
        if typing.get_origin(ann) is typing.Annotated:
            return any(meta is FREE_TEXT for meta in getattr(ann, "__metadata__", ()))
        return False

    def strip_none(ann: Any) -> Any:
        if typing.get_origin(ann) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            return args[0] if len(args) == 1 else ann
        return ann

    kinds: dict[str, tuple[str, type[BaseModel] | None]] = {}
    for name, info in model.model_fields.items():
        ann = strip_none(info.annotation)
        origin = typing.get_origin(ann)
        args = typing.get_args(ann)
        if free_text(ann):
            kinds[name] = ("other", None) if info.is_required() else ("text", None)
        elif origin is list and args and free_text(args[0]):
            kinds[name] = ("text_list", None)
        elif origin is dict and len(args) == 2 and free_text(args[1]):
            kinds[name] = ("text_map", None)
        elif isinstance(ann, type) and issubclass(ann, BaseModel):
            kinds[name] = ("model", ann)
        elif origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            kinds[name] = ("model_list", args[0])
        else:
            kinds[name] = ("other", None)
    _KINDS[model] = kinds
    return kinds

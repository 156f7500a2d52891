"""Answers: typed text becomes a valid value through the model's own validators, or the reason why not."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from pydantic import ValidationError

from pbd.description.loading import _translate
from pbd.description.source import Source
from pbd.messages import pick
from pbd.questionnaire.choices import Choice
from pbd.questionnaire.fields import FieldSpec
from pbd.questionnaire.paths import PathT
from pbd.questionnaire.texts import _t

_YES = {"j", "ja", "y", "yes", "true", "waar", "1"}
_NONE_WORDS = {"geen", "none", "nee", "n", "no", "niets", "nothing"}  # a list answered with "none"
_NO = {"n", "nee", "no", "false", "onwaar", "0"}


class AnswerError(Exception):
    """Why a typed answer cannot be taken, in Dutch and English."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(f"{nl} / {en}")
        self.nl, self.en = nl, en

    def text(self, lang: str) -> str:
        return pick(lang, self.nl, self.en)


def _validate(spec: FieldSpec, path: PathT, value: Any) -> Any:
    """Run the model's own validators for this field; their message, in both languages, on failure."""
    try:
        return spec.adapter().validate_python(value)
    except ValidationError as exc:
        err: dict[str, Any] = dict(exc.errors(include_url=False)[0])
        loc = [e for e in err["loc"] if isinstance(e, int)]
        err["loc"] = (*path, *loc)
        problem = _translate(Source("<answer>", None, None, ""), err)
        raise AnswerError(problem.message_nl, problem.message_en) from None


_UNITS: dict[str, tuple[str, bool]] = {}
for _unit, _words in {
    ("Y", False): "jaar jaren j year years y yr",
    ("M", False): "maand maanden month months mnd",
    ("W", False): "week weken weeks w wk",
    ("D", False): "dag dagen day days d",
    ("H", True): "uur uren hour hours h u",
    ("M", True): "minuut minuten minute minutes min m",
    ("S", True): "seconde seconden second seconds sec s",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit


def _friendly_duration(text: str) -> str | None:
    """'30 dagen' -> P30D, '1 jaar en 6 maanden' -> P1Y6M, '24 uur' -> PT24H; None when not of that form."""
    pairs = re.findall(r"(\d+)\s*([A-Za-z]+)", text)
    rest = re.sub(r"(\d+)\s*([A-Za-z]+)|\ben\b|\band\b|[,\s]", "", text)
    if not pairs or rest:
        return None
    date_part: dict[str, int] = {}
    time_part: dict[str, int] = {}
    for number, word in pairs:
        unit = _UNITS.get(word.lower())
        if unit is None:
            return None
        (time_part if unit[1] else date_part)[unit[0]] = int(number)
    out = "P" + "".join(f"{date_part[u]}{u}" for u in "YMWD" if u in date_part)
    if time_part:
        out += "T" + "".join(f"{time_part[u]}{u}" for u in "HMS" if u in time_part)
    return out


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60] or "x"


def _parse_numbers(text: str, n: int) -> list[int] | None:
    out: list[int] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", part)
        if m:
            lo, hi = int(m.group(1)), int(m.group(2))
            out.extend(range(lo, hi + 1))
        elif part.isdigit():
            out.append(int(part))
        else:
            return None
    if not out or any(not 1 <= i <= n for i in out):
        return None
    return list(dict.fromkeys(out))


def _match_choice(word: str, choices: list[Choice]) -> str | None:
    """The value a typed word stands for: a value or label, or the start of exactly one of them."""
    word = word.strip().lower()
    values = {c[0] for c in choices}
    if word in _YES - {"1"} and "yes" in values:  # ja/nee/n.v.t. questions answered with j or n
        return "yes"
    if word in _NO - {"0"} and "no" in values:
        return "no"
    for value, nl, en in choices:
        if word in (value.lower(), nl.lower(), en.lower()):
            return value
    starts = {value for value, nl, en in choices if any(x.lower().startswith(word) for x in (value, nl, en))}
    if len(word) >= 2 and len(starts) == 1:
        return starts.pop()
    inside = {value for value, nl, en in choices if any(word in x.lower() for x in (value, nl, en))}
    return inside.pop() if len(word) >= 4 and len(inside) == 1 else None


def _close_choice(word: str, choices: list[Choice]) -> tuple[str, str]:
    labels = {}
    for i, choice in enumerate(choices, start=1):
        for text in choice:
            labels[text.lower().replace("_", " ")] = i
    close = difflib.get_close_matches(word.lower(), list(labels), n=1, cutoff=0.5)
    if not close:
        return "", ""
    i = labels[close[0]]
    return f" Bedoelt u {i}) {choices[i - 1][1]}?", f" Did you mean {i}) {choices[i - 1][2]}?"


def parse_answer(spec: FieldSpec, path: PathT, text: str, choices: list[Choice]) -> tuple[Any, str | None]:
    """The value for typed ``text``, and the value to echo back when it was rewritten (30 dagen -> P30D)."""
    kind = spec.kind
    if kind == "bool":
        word = text.lower()
        if word in _YES:
            return True, None
        if word in _NO:
            return False, None
        raise AnswerError(_t("nl", "bad_bool"), _t("en", "bad_bool"))
    if kind in ("enum", "choice"):
        n = len(choices)
        if text.isdigit():
            if 1 <= int(text) <= n:
                return _validate(spec, path, choices[int(text) - 1][0]), None
            raise AnswerError(_t("nl", "bad_choice", n=n), _t("en", "bad_choice", n=n))
        found = _match_choice(text, choices)
        if found is not None:
            return _validate(spec, path, found), None
        hint_nl, hint_en = _close_choice(text, choices)
        raise AnswerError(
            _t("nl", "bad_choice_word", word=text, n=n) + hint_nl, _t("en", "bad_choice_word", word=text, n=n) + hint_en
        )
    if kind in ("enum_list", "choice_list"):
        n = len(choices)
        numbers = _parse_numbers(text, n)
        if numbers is None:
            words = [w.strip() for w in text.split(",") if w.strip()]
            matched = [_match_choice(w, choices) for w in words]
            if words and all(m is not None for m in matched):
                return _validate(spec, path, list(dict.fromkeys(matched))), None
            raise AnswerError(_t("nl", "bad_choice", n=n), _t("en", "bad_choice", n=n))
        value = _validate(spec, path, [choices[i - 1][0] for i in numbers])
        return [str(v) for v in value], None
    if kind == "int":
        digits = re.sub(r"(?<=\d)[. _](?=\d{3}\b)", "", text)  # 50.000 is fifty thousand in Dutch
        # a count is a strict int in the model (a quoted "50000" in a file is refused): typed digits are the number
        return _validate(spec, path, int(digits) if re.fullmatch(r"-?\d+", digits) else digits), None
    if kind == "date":
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)  # 1-5-2026, the Dutch way
        shown = None
        if m:
            text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
            shown = text
        return _validate(spec, path, text), shown
    if kind == "duration":
        iso = _friendly_duration(text)
        if iso is not None:
            return _validate(spec, path, iso), iso
        try:
            return _validate(spec, path, text.upper()), None
        except AnswerError as err:
            raise AnswerError(
                err.nl + " (of typ bijvoorbeeld '30 dagen')", err.en + " (or type e.g. '30 days')"
            ) from None
    if kind == "country":
        return _validate(spec, path, text.upper()), None
    if kind == "text_list":
        return _validate(spec, path, [text])[0], None
    if kind == "identifier":
        try:
            return _validate(spec, path, text), None
        except AnswerError as err:
            slug = _slug(text)
            raise AnswerError(
                f"{err.nl}. {_t('nl', 'slug', slug=slug)}", f"{err.en}. {_t('en', 'slug', slug=slug)}"
            ) from None
    return _validate(spec, path, text), None

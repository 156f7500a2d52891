"""Countries by name: the ISO 3166-1 codes the description stores, with their Dutch and English names.

The description stores a country as its two-letter code (``NL``, ``US``); people choose it by name
("Verenigde Staten"). The names ship as data (``countries.json``, ISO 3166-1 with the short names
of the iso-codes translations), so no front end needs a package for them.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

from pbd.vocabulary import EEA_COUNTRIES


@cache
def _table() -> dict[str, tuple[str, str]]:
    raw = json.loads(resources.files("pbd.questionnaire").joinpath("countries.json").read_text(encoding="utf-8"))
    return {row["code"]: (row["nl"], row["en"]) for row in raw["countries"]}


def _sort_key(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()


def country_name(code: str, lang: str = "nl") -> str:
    """The country's name (``US`` -> ``Verenigde Staten``); the code itself when it is not an ISO country."""
    found = _table().get(code)
    if found is None:
        return code
    return found[1] if lang == "en" else found[0]


@cache
def country_choices(lang: str = "nl", *, marked: bool = True) -> tuple[tuple[str, str], ...]:
    """Every country as (code, name), sorted by name in ``lang``; with ``marked`` the EEA countries say so."""
    eea = (" (EER)" if lang != "en" else " (EEA)") if marked else ""
    rows = [
        (code, (en if lang == "en" else nl) + (eea if code in EEA_COUNTRIES else ""))
        for code, (nl, en) in _table().items()
    ]
    return tuple(sorted(rows, key=lambda r: _sort_key(r[1])))


def country_code(text: str) -> str | None:
    """The code for a typed name or code (``duitsland``, ``DE``); None when it names no country."""
    word = _sort_key(text.strip())
    if not word:
        return None
    if word.upper() in _table():
        return word.upper()
    for code, (nl, en) in _table().items():
        if word in (_sort_key(nl), _sort_key(en)):
            return code
    return None


__all__ = ["country_choices", "country_code", "country_name"]

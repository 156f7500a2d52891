"""The values a description field can hold that a type alone does not say: durations, countries, capabilities.

These checks are shared by the pydantic model (:mod:`pbd.description.model`) and the plain validator
that ``pbd check`` uses (:mod:`pbd.description.normalise`), so the two cannot drift; this module imports
neither pydantic nor the model.
"""

from __future__ import annotations

import re

from pbd.capabilities import CAPABILITIES
from pbd.limits import MAX_DURATION_DAYS

#: the format version pbd writes; version 1 (or no version) still loads, migrated in memory (pbd.migrate)
SCHEMA_VERSION = 2
SCHEMA_VERSIONS = (1, 2)

# ASCII digits only (Python's \d also takes Arabic-Indic ones), at most 9 per part; matched whole (fullmatch:
# no trailing newline); the length is bounded in days as well (MAX_DURATION_DAYS)
DURATION = re.compile(
    r"^P(?!$)(?:([0-9]{1,9})Y)?(?:([0-9]{1,9})M)?(?:([0-9]{1,9})W)?(?:([0-9]{1,9})D)?"
    r"(?:T(?=[0-9])(?:([0-9]{1,9})H)?(?:([0-9]{1,9})M)?(?:([0-9]{1,9})S)?)?$"
)


def duration_days(value: str) -> float:
    """Length of an ISO 8601 duration in days (a year counts 365 days, a month 30)."""
    m = DURATION.fullmatch(value)
    if m is None:
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return y * 365 + mo * 30 + w * 7 + d + h / 24 + mi / 1440 + s / 86400


def check_duration(value: str) -> str:
    if DURATION.fullmatch(value) is None:
        raise ValueError(
            "geen geldige ISO 8601-duur; schrijf bijvoorbeeld P30D (30 dagen), PT24H (24 uur), "
            "P2Y (2 jaar) / not a valid ISO 8601 duration; write e.g. P30D, PT24H, P2Y"
        )
    if duration_days(value) > MAX_DURATION_DAYS:
        years = MAX_DURATION_DAYS // 365
        raise ValueError(
            f"een duur van meer dan {years} jaar is geen bewaartermijn; geef de termijn die werkelijk geldt "
            f"(blijvend bewaren voor het archief is geen bewaartermijn maar overbrenging, Archiefwet) / "
            f"a duration of more than {years} years is not a retention period; give the period that really applies"
        )
    return value


def check_capability(value: str) -> str:
    if value not in CAPABILITIES:
        raise ValueError(f"onbekende capability {value!r}; zie `pbd criteria capabilities` / unknown capability")
    return value


def check_country(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(
            "gebruik een ISO 3166-landcode van twee hoofdletters, zoals NL of US / "
            "use a two-letter ISO 3166 country code such as NL or US"
        )
    return value

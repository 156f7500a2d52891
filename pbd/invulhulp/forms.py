"""The Invulhulp's forms by family and version, and its form URNs (``urn:nl:dpia:3.0``, ``urn:nl:dpia:3.1.0-concept.2``).

An Invulhulp export names the form it was made with in ``metadata.urn``: the definition's ``urn``
(``urn:nl:dpia``) and its version. Since June 2026 the Invulhulp stamps an official version coarse
(``MAJOR.MINOR``: ``urn:nl:dpia:3.0``) and a concept (prerelease) version precisely
(``urn:nl:dpia:3.1.0-concept.2``). pbd reads a form only with the definition of that version, shipped
in this folder (:data:`KNOWN`). A concept of a version pbd knows (``3.0.1-concept.1``: the same
``MAJOR.MINOR`` as ``3.0``) is read with that definition and the import says so; any other version
is refused with one line that names the version and the versions pbd knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pbd.errors import PbdError

#: the Invulhulp repository and the commit of its main branch whose form definitions pbd ships
UPSTREAM = "MinBZK/par-dpia-form"
UPSTREAM_COMMIT = "56b7cb8"
UPSTREAM_DATE = "2026-08-22"

_URN = re.compile(
    r"^urn:nl:(?P<family>[a-z]+):(?P<version>(?P<release>[0-9]+(?:\.[0-9]+){0,2})(?P<concept>-concept(?:\.[0-9]+)?)?)$"
)


@dataclass(frozen=True, slots=True)
class Form:
    """A form pbd imports: its family (``dpia``), version (``3.0``), definition file and name."""

    family: str
    version: str
    file: str
    name_nl: str
    name_en: str

    @property
    def urn(self) -> str:
        return f"urn:nl:{self.family}:{self.version}"


#: every form and version on the Invulhulp's main branch (commit :data:`UPSTREAM_COMMIT`)
KNOWN: dict[str, dict[str, Form]] = {
    "prescan": {"2.0": Form("prescan", "2.0", "prescan.yaml", "Pre-scan DPIA 2.0", "Pre-scan DPIA 2.0")},
    "dpia": {"3.0": Form("dpia", "3.0", "dpia.yaml", "DPIA Rapportagemodel Rijksdienst 3.0", "DPIA report model 3.0")},
    "iama": {
        "2.0": Form(
            "iama",
            "2.0",
            "iama.yaml",
            "Impact Assessment Mensenrechten en Algoritmes 2.0",
            "Human rights and algorithms impact assessment (IAMA) 2.0",
        )
    },
}
#: the version of each family an export without a URN (made before June 2026) is read with
CURRENT: dict[str, Form] = {family: versions[max(versions)] for family, versions in KNOWN.items()}


@dataclass(frozen=True, slots=True)
class FormUrn:
    """A parsed form URN."""

    text: str
    family: str
    version: str  # as written: "3.0", "3.1.0-concept.2"
    release: tuple[int, ...]  # (3, 1, 0)
    concept: bool

    @property
    def coarse(self) -> str:
        """``MAJOR.MINOR`` of the version (``3.1`` for ``3.1.0-concept.2``)."""
        parts = (*self.release, 0)[:2]
        return f"{parts[0]}.{parts[1]}"


def parse_urn(text: str) -> FormUrn | None:
    """The family and version of a form URN, or None when it is not one."""
    m = _URN.match(text)
    if m is None:
        return None
    release = tuple(int(p) for p in m["release"].split("."))
    concept = m["concept"] is not None
    if not concept and len(release) != 2:
        return None  # an official version is stamped MAJOR.MINOR only
    return FormUrn(text, m["family"], m["version"], release, concept)


def _known_list() -> str:
    return ", ".join(form.urn for versions in KNOWN.values() for form in versions.values())


def resolve(text: object, where: str) -> tuple[Form, FormUrn]:
    """The form an export's URN names, or one :class:`PbdError` naming the family or version pbd does not know."""
    fix = (
        "Export the file with a form version pbd knows, or update pbd; "
        "docs/invulhulp.md says which Invulhulp version pbd follows"
    )
    urn = parse_urn(text) if isinstance(text, str) else None
    if urn is None:
        raise PbdError(
            where,
            f"{text!r} is not an Invulhulp form URN (urn:nl:<form>:<version>, e.g. urn:nl:dpia:3.0)",
            "Export the file again from the Invulhulp (JSON or PDF export).",
        )
    versions = KNOWN.get(urn.family)
    if versions is None:
        raise PbdError(
            where,
            f"form {urn.text}: the form {urn.family} is not known; pbd knows {_known_list()}",
            fix + ".",
        )
    form = versions.get(urn.version) or (versions.get(urn.coarse) if urn.concept else None)
    if form is None:
        known = ", ".join(sorted(versions))
        raise PbdError(
            where,
            f"form {urn.text} version {urn.version} is not known; pbd knows {urn.family} {known} ({_known_list()})",
            fix + ".",
        )
    return form, urn


__all__ = [
    "CURRENT",
    "KNOWN",
    "UPSTREAM",
    "UPSTREAM_COMMIT",
    "UPSTREAM_DATE",
    "Form",
    "FormUrn",
    "parse_urn",
    "resolve",
]

"""Invulhulp answers onto a project description: one explicit table per form, answer id -> description field."""

# Every answer of an export ends up in exactly one of three places: *mapped* onto a field of the
# description (``PRESCAN`` / ``DPIA`` below say which), *kept* as free text under ``notes`` (one note
# per section of the form, so the report can show it), or *ignored* with a reason (images, questions
# the form hides, ids the form does not have). Where a mapping loses detail — a range of retention
# periods becomes one ISO duration, "outside the EEA" becomes the unknown-country code ``ZZ`` — the
# original answer is kept in the notes too.

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from pbd import __version__
from pbd.description.model import ProjectDescription
from pbd.description.placeholders import is_placeholder
from pbd.description.values import SCHEMA_VERSION, duration_days
from pbd.invulhulp.reader import FORM_NAMES, Export, Task, normalise, shown
from pbd.messages import pick, t

Json = dict[str, Any]
NOTE = "notes"  # in the tables: kept as free text in the description's notes
IGNORED = "-"  # in the tables: not imported (images)
UNKNOWN_COUNTRY = "ZZ"  # CLDR "unknown region": the Pre-scan only says "outside the EEA"
MAX_TEXT = 20_000

# ---------------------------------------------------------------------------------------------
# value tables

LEGAL_GROUNDS = {
    "Rechtsgrond toestemming": "consent",
    "Rechtsgrond noodzakelijk voor de uitvoering van een overeenkoms": "contract",
    "Rechtsgrond wettelijke verplichting": "legal_obligation",
    "Rechtsgrond vitaal belang": "vital_interest",
    "Rechtsgrond taak van algemeen belang": "public_task",
    "Rechtsgrond gerechtvaardigd belang": "legitimate_interest",
}
#: Pre-scan 1.1.2 option -> (data item name, category)
ORDINARY_DATA = {
    "Categorie gewone persoonsgegevens: Apparaat- en internetgegevens": (
        "Apparaat- en internetgegevens",
        "online_identifier",
    ),
    "Categorie gewone persoonsgegevens: Content": ("Content", "other"),
    "Categorie gewone persoonsgegevens: Demografische gegevens": ("Demografische gegevens", "other"),
    "Categorie gewone persoonsgegevens: Diagnostische gegevens of telemetrie": (
        "Diagnostische gegevens of telemetrie",
        "other",
    ),
    "Categorie gewone persoonsgegevens: Gegevens verzameld via een website": (
        "Gegevens verzameld via een website",
        "online_identifier",
    ),
    "Categorie gewone persoonsgegevens: Helpdeskgegevens": ("Helpdeskgegevens", "contact"),
    "Categorie gewone persoonsgegevens: Logging": ("Logging", "online_identifier"),
    "Categorie gewone persoonsgegevens: Naam, contactgegevens": ("Naam, contactgegevens", "contact"),
    "Categorie gewone persoonsgegevens: Overige": ("Overige gewone persoonsgegevens", "other"),
}
#: Pre-scan 1.2.2 / DPIA 12.1.2.4 option (without its prefix) -> art. 9 category
SPECIAL_DATA = {
    "Biometrische gegevens met het oog op de unieke identificatie van een persoon": "biometric",
    "Gegevens met betrekking tot iemands seksueel gedrag of seksuele gerichtheid": "sex_life_orientation",
    "Gegevens over gezondheid": "health",
    "Genetische gegevens": "genetic",
    "Persoonsgegevens waaruit het lidmaatschap van een vakbond blijkt": "trade_union_membership",
    "Persoonsgegevens waaruit politieke opvattingen blijken": "political_opinions",
    "Persoonsgegevens waaruit ras of etnische afkomst blijkt": "racial_ethnic_origin",
    "Persoonsgegevens waaruit religieuze of levensbeschouwelijke overtuigingen blijken": "religious_beliefs",
}
_SPECIAL_CATEGORY_OF = {"biometric": "biometric", "health": "health"}
COMBINED_OPTION = "Categorie gevoelige persoonsgegevens: Communicatie- en locatiegegevens"
#: Pre-scan 1.3.2 option -> the data items it stands for: (name, type, category; "" = not said)
SENSITIVE_DATA: dict[str, tuple[tuple[str, str, str], ...]] = {
    "Categorie gevoelige persoonsgegevens: Surfgedrag": (("Surfgedrag", "sensitive", "behaviour"),),
    "Categorie gevoelige persoonsgegevens: Gegevens over de financiële situatie van de betrokkene": (
        ("Gegevens over de financiële situatie", "sensitive", "financial"),
    ),
    "Categorie gevoelige persoonsgegevens: Gegevens die kunnen worden gebruikt voor (identiteits)fraude": (
        ("Gegevens die kunnen worden gebruikt voor (identiteits)fraude", "sensitive", "identity"),
    ),
    "Categorie gevoelige persoonsgegevens: Gegevens die betrekking hebben op kwetsbare groepen": (
        ("Gegevens over kwetsbare groepen", "sensitive", "other"),
    ),
    "Categorie gevoelige persoonsgegevens: Gebruikersnamen, wachtwoorden en andere inloggegevens": (
        ("Gebruikersnamen, wachtwoorden en andere inloggegevens", "sensitive", "online_identifier"),
    ),
    # one option for two kinds of data: the answer says "communication and/or location data", not which,
    # so it becomes one item without a category (AP 12 and AP 13 are not derived from it) and a question
    COMBINED_OPTION: (("Communicatie- en locatiegegevens", "sensitive", ""),),
    "Categorie gevoelige persoonsgegevens: Nationale identificatienummers (bijv. BSN)": (
        ("Nationaal identificatienummer (BSN)", "national_id", "national_id"),
    ),
    "Categorie gevoelige persoonsgegevens: Strafrechtelijke gegevens": (
        ("Strafrechtelijke gegevens", "criminal", "criminal"),
    ),
    "Categorie gevoelige persoonsgegevens: Andere gegevens die kunnen leiden tot stigmatisering of uitsluiting van de betrokkene": (
        ("Gegevens die kunnen leiden tot stigmatisering of uitsluiting", "sensitive", "other"),
    ),
}
#: Pre-scan 1.4.1 option -> data subject category
DATA_SUBJECTS: dict[str, Json] = {
    "Categorie betrokkenen: Medewerkers/bewindspersonen": {
        "category": "Medewerkers en bewindspersonen",
        "employees": True,
    },
    "Categorie betrokkenen: Burgers over wie gegevens worden verwerkt in het proces/systeem/applicatie": {
        "category": "Burgers over wie gegevens worden verwerkt"
    },
    "Categorie betrokkenen: Kinderen jonger dan 16 jaar": {
        "category": "Kinderen jonger dan 16 jaar",
        "minors": "yes",
        "under_16": True,
    },
    "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)": {
        "category": "Andere kwetsbare groepen (gehandicapten, minderheden, etc.)",
        "vulnerable": True,
    },
    "Categorie betrokkenen: Specificatie categorie betrokkenen (bijv. vanuit uitvoeringswetgeving)": {
        "category": "Overige categorie betrokkenen"
    },
}
#: Pre-scan 1.5.3 -> frequency (the last three lose detail: kept in the notes too)
FREQUENCY = {
    "Continu": "continuous",
    "Vaker dan maandelijks": "periodic",
    "Minstens maandelijks": "periodic",
    "Minstens jaarlijks": "periodic",
    "Onregelmatig": "occasional",
    "Eenmalig": "once",
}
_EXACT_FREQUENCY = {"Continu", "Onregelmatig", "Eenmalig"}
#: Pre-scan 1.5.4 / DPIA 10.1.1.4 -> ISO 8601 duration: "less than" becomes the upper bound,
#: "several years" the lower bound two years (both kept in the notes too)
RETENTION = {
    "Minder dan 24 uur": "PT24H",
    "Minder dan 1 week": "P7D",
    "Minder dan 1 maand": "P1M",
    "Jaar": "P1Y",
    "Aantal jaren": "P2Y",
}
#: Pre-scan 3.1 option -> the type of the AP's DPIA list (Stcrt. 2019, 64418) it stands for
AP_OPTIONS: dict[str, int] = {
    "Lijst AP: Heimelijk onderzoek": 1,
    "Lijst AP: Zwarte lijsten": 2,
    "Lijst AP: Fraudebestrijding": 3,
    "Lijst AP: Creditscores": 4,
    "Lijst AP: Financiële situatie": 5,
    "Lijst AP: Genetische persoonsgegevens": 6,
    "Lijst AP: Gezondheidsgegevens": 7,
    "Lijst AP: Samenwerkingsverbanden": 8,
    "Lijst AP: Cameratoezicht": 9,
    "Lijst AP: Flexibel cameratoezicht": 10,
    "Lijst AP: Controle werknemers": 11,
    "Lijst AP: Locatiegegevens": 12,
    "Lijst AP: Communicatiegegevens": 13,
    "Lijst AP: Internet of things": 14,
    "Lijst AP: Profilering": 15,
    "Lijst AP: Observatie en beïnvloeding van gedrag": 16,
    "Lijst AP: Biometrische gegevens": 17,
}
#: Pre-scan 4.1 option -> the WP248 rev.01 criterion it stands for
EDPB_OPTIONS: dict[str, int] = {
    "Lijst EDPB: Mensen beoordelen met persoonskenmerken (evaluatie of scoring)": 1,
    "Lijst EDPB: Geautomatiseerde besluitvorming": 2,
    "Lijst EDPB: Stelselmatige en grootschalige monitoring": 3,
    "Lijst EDPB: Bijzondere persoonsgegevens of zeer gevoelige persoonsgegevens": 4,
    "Lijst EDPB: Grootschalige gegevensverwerkingen": 5,
    "Lijst EDPB: Koppelen van datasets": 6,
    "Lijst EDPB: Verwerking van persoonsgegevens over kwetsbare groepen of personen": 7,
    "Lijst EDPB: Gebruik van nieuwe technologieën": 8,
    "Lijst EDPB: Blokkering van een dienst, recht of contract": 9,
}
MECHANISMS = {
    "Adequaatheidsbesluit": "adequacy",
    "Standaard contractsbepaling (SCC)": "scc",
    "binding corporate rules/bindend bedrijfsvoorschrift (bcr)": "bcr",
    "Goedgekeurde certificeringsmechanisme": "certification",
    "Goedgekeurde gedragscode": "code_of_conduct",
    "Juridisch bindend en afdwingbaar instrument": "legal_instrument",
    "uitzondering artikel 49 avg": "derogation_art49",
    "Overig mechanisme": "other",
}
DATA_TYPES = {
    "gewoon": "ordinary",
    "gevoelig": "sensitive",
    "bijzonder": "special",
    "strafrechtelijk": "criminal",
    "nationaal identificatienummer": "national_id",
}
ROLES = {
    "Verwerkingsverantwoordelijke": "controller",
    "Gezamenlijke verwerkingsverantwoordelijke": "joint_controller",
    "Verwerker": "processor",
    "Sub-verwerker": "sub_processor",
    "Verstrekker": "provider",
    "Ontvanger": "recipient",
    "Derde": "third_party",
}
_ROLE_ORDER = list(ROLES.values())
LEVELS = {"laag": "laag", "midden": "midden", "hoog": "hoog"}
#: DPIA 8.1.1.1 place names pbd recognises (lower case) -> ISO 3166 country code
COUNTRIES = {
    "nederland": "NL",
    "the netherlands": "NL",
    "netherlands": "NL",
    "belgië": "BE",
    "belgie": "BE",
    "belgium": "BE",
    "duitsland": "DE",
    "germany": "DE",
    "frankrijk": "FR",
    "france": "FR",
    "ierland": "IE",
    "ireland": "IE",
    "luxemburg": "LU",
    "luxembourg": "LU",
    "denemarken": "DK",
    "denmark": "DK",
    "zweden": "SE",
    "sweden": "SE",
    "finland": "FI",
    "oostenrijk": "AT",
    "austria": "AT",
    "spanje": "ES",
    "spain": "ES",
    "portugal": "PT",
    "italië": "IT",
    "italie": "IT",
    "italy": "IT",
    "polen": "PL",
    "poland": "PL",
    "tsjechië": "CZ",
    "czechia": "CZ",
    "noorwegen": "NO",
    "norway": "NO",
    "ijsland": "IS",
    "iceland": "IS",
    "liechtenstein": "LI",
    "verenigde staten": "US",
    "vs": "US",
    "usa": "US",
    "united states": "US",
    "verenigd koninkrijk": "GB",
    "united kingdom": "GB",
    "uk": "GB",
    "zwitserland": "CH",
    "switzerland": "CH",
    "canada": "CA",
    "japan": "JP",
    "india": "IN",
    "china": "CN",
    "israël": "IL",
    "israel": "IL",
    "singapore": "SG",
    "australië": "AU",
    "australia": "AU",
    "zuid-korea": "KR",
    "south korea": "KR",
    "brazilië": "BR",
    "brazil": "BR",
    "oekraïne": "UA",
    "ukraine": "UA",
    "turkije": "TR",
    "turkey": "TR",
    "marokko": "MA",
    "morocco": "MA",
}

# ---------------------------------------------------------------------------------------------
# the import


@dataclass(frozen=True, slots=True)
class Imported:
    """An imported description and the account of every answer: mapped, kept as a note, or ignored (dropped).

    Every answer the export holds is in exactly one of ``mapped``, ``kept`` and ``ignored``, so their
    lengths add up to :attr:`total` (``Export.answer_count``). ``unanswered`` names the answers that
    were placeholders ("Nog te implementeren", "n.t.b."): ignored, and so still open in the description.
    ``questions`` are the open questions the import itself raises (nl, en), e.g. an unknown scale.
    """

    description: Json
    mapped: tuple[tuple[str, str], ...]  # (answer key, description field)
    kept: tuple[tuple[str, str], ...]  # (answer key, note key)
    ignored: tuple[tuple[str, str, str], ...]  # (answer key, reason nl, reason en)
    hidden: frozenset[str]  # question ids ignored because the form hides them
    export: Export
    unanswered: tuple[str, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> int:
        return self.export.answer_count

    def counts(self) -> dict[str, int]:
        """The import summary's numbers: they add up to the export's answers."""
        return {
            "answers": self.total,
            "mapped": len(self.mapped),
            "notes": len(self.kept),
            "dropped": len(self.ignored),
            "placeholders": len(self.unanswered),
        }


Handler = Callable[["_Builder", Any, str], None]


def _text(value: Any) -> str:
    if value in ("true", "false", True, False):
        return "ja" if value in ("true", True) else "nee"
    if isinstance(value, list):
        text = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = str(value.get("title") or value.get("description") or "")
    else:
        text = str(value)
    text = text.strip()
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _dated(timestamp: str) -> bool:
    """An export date worth recording (an export without one is read with a 1970 stand-in)."""
    return bool(_ISO_DATE.match(timestamp)) and not timestamp.startswith("1970-01-01")


def _free_text(task: Task) -> bool:
    """A question answered in the user's own words (not a choice of options, a date or an image)."""
    return not task.options and task.kind not in ("date", "image", "radio_option", "checkbox_option")


#: answers that become names or purpose descriptions: required texts the description needs whatever they
#: say, so a placeholder there stays (as the engine keeps them; docs/design/judgement-v2.md §2 "Placeholders")
NAME_QUESTIONS: dict[str, frozenset[str]] = {
    "prescan": frozenset({"0.3"}),
    "dpia": frozenset({"2.1.1", "3.1.1", "5.1.1", "6.1.1.1", "13.1.1.3", "16.1.1", "20.1.1"}),
    "iama": frozenset({"1.1.2"}),
}


def _placeholder(task: Task, value: Any, form: str) -> bool:
    """A free-text answer that only promises one ("Nog te implementeren", "n.t.b.", "PM", "onbekend")."""
    if task.id in NAME_QUESTIONS.get(form, frozenset()):
        return False
    return _free_text(task) and isinstance(value, str) and is_placeholder(value)


def _list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _strip_prefix(option: str) -> str:
    return option.split(": ", 1)[1] if ": " in option else option


def _slug(text: str) -> str:
    s = re.sub(
        r"[^a-z0-9]+", "-", text.lower().translate(str.maketrans("àáäâèéëêìíïîòóöôùúüûç", "aaaaeeeeiiiioooouuuuc"))
    ).strip("-")
    return (s or "verwerking")[:60].strip("-") or "verwerking"


class _Builder:
    """The description under construction, and the account of what happened to each answer."""

    def __init__(self, export: Export, name: str, organisation: str | None) -> None:
        self.export = export
        self.form_name = FORM_NAMES[export.form][0]
        self.project: Json = {"name": name}
        if organisation:
            self.project["organisation"] = organisation
        self.parties: list[Json] = []
        self.processings: list[Json] = []
        self.systems: list[Json] = []
        self.risks: list[Json] = []
        self.notes: dict[str, list[str]] = {}
        self.mapped: list[tuple[str, str]] = []
        self.kept: list[tuple[str, str]] = []
        self.ignored: list[tuple[str, str, str]] = []
        self.hidden: set[str] = set()
        self.done: set[str] = set()
        self.unanswered: list[str] = []
        self.questions: list[tuple[str, str]] = []
        self.declared: Json = {}

    # -- bookkeeping ------------------------------------------------------------------------

    @staticmethod
    def key(qid: str, index: int | None) -> str:
        return qid if index is None else f"{qid}[{index}]"

    def qid(self, key: str) -> str:
        return key.split("[", 1)[0]

    def map(self, key: str, field: str) -> None:
        if key not in self.done:
            self.mapped.append((key, field))
            self.done.add(key)

    def note_key(self, qid: str) -> str:
        d = self.export.definition
        section = d.section(qid) if qid in d.tasks else None
        if section is None:
            return f"{self.form_name}"
        return f"{self.form_name} {section.id} {section.title}"

    def note(self, key: str, value: Any, *, extra: str = "", keep: bool = True) -> None:
        """Keep an answer's text in the notes of its section (``keep`` False: as an addition to a mapping)."""
        qid = self.qid(key)
        task = self.export.definition.tasks.get(qid)
        title = task.title if task else qid
        text = _text(value)
        if not text and not extra:
            return
        body = f"{key} {title}: {text}" + (f" ({extra})" if extra else "")
        note_key = self.note_key(qid)
        self.add_note(qid, body)
        if keep and key not in self.done:
            self.kept.append((key, note_key))
            self.done.add(key)

    def ask(self, nl: str, en: str) -> None:
        """An open question the import raises (shown in the summary; the description leaves the field open)."""
        if (nl, en) not in self.questions:
            self.questions.append((nl, en))

    def add_note(self, qid: str, text: str) -> None:
        """Free text in the note of the section ``qid`` belongs to."""
        self.notes.setdefault(self.note_key(qid), []).append(text)

    def ignore(self, key: str, nl: str, en: str) -> None:
        if key not in self.done:
            self.ignored.append((key, nl, en))
            self.done.add(key)

    # -- the description --------------------------------------------------------------------

    def processing(self, i: int = 0) -> Json:
        while len(self.processings) <= i:
            n = len(self.processings)
            self.processings.append({"id": "verwerking" if n == 0 else f"verwerking-{n + 1}"})
        return self.processings[i]

    def proc_for(self, index: int) -> tuple[Json, bool]:
        """The processing an element of a per-processing section belongs to: by position (exact when there is one)."""
        if not self.processings:
            self.processing(0)
        if index < len(self.processings):
            return self.processings[index], len(self.processings) > 1
        return self.processings[0], True

    def system(self) -> Json:
        if not self.systems:
            self.systems.append({"id": "clouddienst", "name": f"Clouddienst (uit de {self.form_name})"})
            self.processing(0).setdefault("systems", []).append("clouddienst")
        return self.systems[0]

    def build(self) -> Json:
        if self.declared:
            self.project["screening_declared"] = {
                "source": "invulhulp",
                **{k: sorted(set(v)) for k, v in self.declared.items()},
                **({"date": self.export.created_at[:10]} if _dated(self.export.created_at) else {}),
            }
        doc: Json = {"schema_version": SCHEMA_VERSION, "project": self.project}
        for key, value in (
            ("parties", self.parties),
            ("processings", self.processings),
            ("systems", self.systems),
            ("risks", self.risks),
        ):
            if value:
                doc[key] = value
        order = {
            self.note_key(t.id): i for i, t in enumerate(self.export.definition.tasks.values()) if t.parent is None
        }
        notes = {
            k: _text("\n\n".join(v))
            for k, v in sorted(self.notes.items(), key=lambda kv: (order.get(kv[0], -1), kv[0]))
        }
        if notes:
            doc["notes"] = notes
        return doc


def _set(obj: Json, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def _add(obj: Json, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    items = obj.setdefault(path[-1], [])
    if value not in items:
        items.append(value)


# ---------------------------------------------------------------------------------------------
# Pre-scan DPIA 2.0: handlers


def _bool(path: tuple[str, ...], where: str = "project") -> Handler:
    def handle(b: _Builder, value: Any, key: str) -> None:
        v = normalise(value)
        if not isinstance(v, bool):
            b.note(key, value)
            return
        _set(b.project if where == "project" else b.processing(0), path, v)
        b.map(key, f"{where if where == 'project' else 'processings[0]'}.{'.'.join(path)}")

    return handle


def _p_text(path: tuple[str, ...], field: str, where: str = "processing") -> Handler:
    def handle(b: _Builder, value: Any, key: str) -> None:
        text = _text(value)
        target = b.project if where == "project" else b.processing(0)
        if path == ("purposes",):
            _add(target, path, {"description": text})
        else:
            _set(target, path, text)
        b.map(key, field)

    return handle


def _choice(path: tuple[str, ...], table: dict[str, str], exact: frozenset[str] | set[str] | None = None) -> Handler:
    """An option of the form's list, stored as the description's value for it (noted when ``exact`` says it is
    rounded)."""

    def handle(b: _Builder, value: Any, key: str) -> None:
        if value not in table:
            b.note(key, value)
            return
        _set(b.processing(0), path, table[value])
        b.map(key, f"processings[0].{'.'.join(path)}")
        if exact is not None and value not in exact:
            b.note(key, value, extra=f"overgenomen als {table[value]}", keep=False)

    return handle


def _technique(path: tuple[str, ...], word: str, *, system: bool = False) -> Handler:
    """Yes adds ``word`` to the processing's list at ``path`` (and, with ``system``, the cloud service as a system)."""

    def handle(b: _Builder, value: Any, key: str) -> None:
        if normalise(value) is not True:
            b.note(key, value)
            return
        _add(b.processing(0), path, word)
        if system:
            b.system()
        b.map(key, f"processings[0].{'.'.join(path)}: {word}")

    return handle


def _item(b: _Builder, key: str, item: Json) -> None:
    items = b.processing(0).setdefault("data_items", [])
    if item not in items:
        items.append(item)


def _has_item(b: _Builder, types: set[str]) -> bool:
    return any(i.get("type") in types for i in b.processing(0).get("data_items", []))


def _gate_question(kind: str, name: str) -> Handler:
    """1.1.1 / 1.2.1 / 1.3.1: yes without a choice of categories still says such data are processed."""

    def handle(b: _Builder, value: Any, key: str) -> None:
        follow = {"ordinary": "1.1.2", "special": "1.2.2", "sensitive": "1.3.2"}[kind]
        if normalise(value) is True and not b.export.value(follow):
            _item(b, key, {"name": name, "type": kind})
            b.map(key, f"processings[0].data_items (type {kind})")
        elif normalise(value) is True:
            b.map(key, f"processings[0].data_items (see {follow})")
        else:
            b.note(key, value)

    return handle


def _ordinary(b: _Builder, value: Any, key: str) -> None:
    other = _text(b.export.value("1.1.3") or "")
    for option in value if isinstance(value, list) else []:
        if option in ORDINARY_DATA:
            name, category = ORDINARY_DATA[option]
            if option.endswith(": Overige") and other:
                name = other
            _item(b, key, {"name": name, "category": category, "type": "ordinary"})
    b.map(key, "processings[0].data_items (type ordinary)")


def _special(b: _Builder, value: Any, key: str) -> None:
    for option in value if isinstance(value, list) else []:
        cat = SPECIAL_DATA.get(_strip_prefix(option))
        if cat is not None:
            item = {"name": _strip_prefix(option), "type": "special", "special_category": cat}
            if cat in _SPECIAL_CATEGORY_OF:
                item["category"] = _SPECIAL_CATEGORY_OF[cat]
            _item(b, key, item)
    b.map(key, "processings[0].data_items (type special, special_category)")


def _sensitive(b: _Builder, value: Any, key: str) -> None:
    for option in value if isinstance(value, list) else []:
        for name, kind, category in SENSITIVE_DATA.get(option, ()):
            _item(b, key, {"name": name, "type": kind, **({"category": category} if category else {})})
        if option == COMBINED_OPTION:
            b.note(
                key,
                _strip_prefix(option),
                extra="één optie voor twee soorten gegevens: vul bij het gegeven in of het communicatiegegevens "
                "(category communication) of locatiegegevens (category location) zijn, of splits het in twee",
                keep=False,
            )
            b.ask(
                "Gaat 'Communicatie- en locatiegegevens' (Pre-scan 1.3.2) over communicatiegegevens, locatiegegevens "
                "of beide (processings[0].data_items[].category)?",
                "Does 'Communicatie- en locatiegegevens' (Pre-scan 1.3.2) mean communication data, location data or "
                "both (processings[0].data_items[].category)?",
            )
    b.map(key, "processings[0].data_items (type sensitive, national_id, criminal)")


def _subjects(b: _Builder, value: Any, key: str) -> None:
    other = _text(b.export.value("1.4.2") or "")
    subjects = b.processing(0).setdefault("data_subjects", [])
    for option in value if isinstance(value, list) else []:
        if option in DATA_SUBJECTS:
            s = dict(DATA_SUBJECTS[option])
            if option.endswith("uitvoeringswetgeving)") and other:
                s["category"] = other
            if s not in subjects:
                subjects.append(s)
    b.map(key, "processings[0].data_subjects")


def _specify(field: str) -> Handler:
    def handle(b: _Builder, value: Any, key: str) -> None:
        b.map(key, field)  # read by 1.1.2 / 1.4.1

    return handle


def _at_least(path: tuple[str, ...], field: str) -> Handler:
    def handle(b: _Builder, value: Any, key: str) -> None:
        if normalise(value) is True:
            scale = b.processing(0).setdefault("scale", {})
            scale[path[-1]] = max(int(scale.get(path[-1], 0)), 10_000)
            b.map(key, field)
            b.note(key, value, extra="overgenomen als 10000, een ondergrens", keep=False)
        else:
            b.note(key, value)

    return handle


def _retention_value(b: _Builder, value: Any, key: str, proc: Json, field: str) -> None:
    period = RETENTION.get(value)
    if period is None:
        b.note(key, value)
        return
    current = proc.get("retention", {}).get("period")
    if current is None or duration_days(period) > duration_days(current):
        _set(proc, ("retention", "period"), period)
    b.map(key, field)
    b.note(key, value, extra=f"overgenomen als {period}", keep=False)


def _retention(b: _Builder, value: Any, key: str) -> None:
    _retention_value(b, value, key, b.processing(0), "processings[0].retention.period")


def _transfer(b: _Builder, value: Any, key: str) -> None:
    v = normalise(value)
    proc = b.processing(0)
    if v is True:
        transfer: Json = {"country": UNKNOWN_COUNTRY}
        mechanism = b.export.value("2.1.6")
        if mechanism in MECHANISMS:
            transfer["mechanism"] = MECHANISMS[mechanism]
        proc["transfers"] = [transfer]
        b.map(key, "processings[0].transfers (country ZZ: outside the EEA, country unknown)")
        b.note(key, value, extra="land onbekend, vastgelegd als ZZ; vul het land in", keep=False)
    elif v is False:
        proc["transfers"] = []
        b.map(key, "processings[0].transfers (none)")
    else:
        b.note(key, value)


def _mechanism(b: _Builder, value: Any, key: str) -> None:
    if value in MECHANISMS and b.processing(0).get("transfers"):
        b.map(key, "processings[0].transfers[0].mechanism")  # set by 2.1.1
    else:
        b.note(key, value)


def _hosting(field: str, *, on_premise: bool = False) -> Handler:
    def handle(b: _Builder, value: Any, key: str) -> None:
        if value == "Buiten EER":
            _set(b.system(), ("hosting", field), UNKNOWN_COUNTRY)
            b.map(key, f"systems[clouddienst].hosting.{field} (ZZ: outside the EEA, country unknown)")
            b.note(key, value, extra="land onbekend, vastgelegd als ZZ", keep=False)
        elif on_premise and value == "On premise":
            _set(b.system(), ("hosting", "model"), "on_premise")
            b.map(key, "systems[clouddienst].hosting.model")
        else:
            b.note(key, value)  # inside the EEA, but which country is not said

    return handle


def _registers(b: _Builder, value: Any, key: str) -> None:
    for option in value if isinstance(value, list) else []:
        _item(b, key, {"name": f"Gegevens uit de {_strip_prefix(option)}", "source": "base_register"})
    b.map(key, "processings[0].data_items (source base_register)")


def _declared(kind: str, table: dict[str, int]) -> Handler:
    """3.1 / 4.1: the officer's ticks on the AP list and the EDPB (WP248) list, kept as *declared* items.

    A tick is the assessor's conclusion, not a fact about the processing: it goes to
    ``project.screening_declared`` and the screening shows it beside what pbd derives, item by item
    (``pbd screen``, the cross-check). A tick pbd does not recognise stays in the notes.
    """

    def handle(b: _Builder, value: Any, key: str) -> None:
        options = value if isinstance(value, list) else []
        ticked = [table[o] for o in options if o in table]
        other = [o for o in options if o not in table]
        b.declared.setdefault(kind, []).extend(ticked)
        if other:
            b.note(key, other, extra="onbekende optie, niet overgenomen als aangevinkt punt", keep=not ticked)
        if ticked or not other:
            b.map(key, f"project.screening_declared.{kind}")

    return handle


#: Pre-scan DPIA 2.0 (urn:nl:prescan:2.0): answer id -> (description field or NOTE, handler)
PRESCAN: dict[str, tuple[str, Handler | None]] = {
    "0.1": ("project.new_legislation", _bool(("new_legislation",))),
    "0.2": ("project.summary", _p_text(("summary",), "project.summary", "project")),
    "0.3": ("processings[0].purposes[].description", _p_text(("purposes",), "processings[0].purposes")),
    "0.4": ("processings[0].legal_basis.ground", _choice(("legal_basis", "ground"), LEGAL_GROUNDS)),
    "0.5.1": (
        "processings[0].techniques: cloud (+ system clouddienst)",
        _technique(("techniques",), "cloud", system=True),
    ),
    "0.5.2": (NOTE, None),
    "0.5.3": (NOTE, None),
    "0.5.4": (NOTE, None),
    "1.1.1": (
        "processings[0].data_items (when 1.1.2 is not answered)",
        _gate_question("ordinary", "Gewone persoonsgegevens"),
    ),
    "1.1.2": ("processings[0].data_items[] (type ordinary, category)", _ordinary),
    "1.1.3": ("processings[0].data_items[].name (for 'Overige')", _specify("processings[0].data_items[].name")),
    "1.2.1": (
        "processings[0].data_items (when 1.2.2 is not answered)",
        _gate_question("special", "Bijzondere persoonsgegevens"),
    ),
    "1.2.2": ("processings[0].data_items[] (type special, special_category)", _special),
    "1.3.1": (
        "processings[0].data_items (when 1.3.2 is not answered)",
        _gate_question("sensitive", "Gevoelige persoonsgegevens"),
    ),
    "1.3.2": ("processings[0].data_items[] (type sensitive / national_id / criminal, category)", _sensitive),
    "1.4.1": ("processings[0].data_subjects[]", _subjects),
    "1.4.2": (
        "processings[0].data_subjects[].category (for 'Specificatie')",
        _specify("processings[0].data_subjects[].category"),
    ),
    "1.5.1": (
        "processings[0].scale.data_subjects (>= 10000)",
        _at_least(("data_subjects",), "processings[0].scale.data_subjects"),
    ),
    "1.5.2": ("processings[0].scale.records (>= 10000)", _at_least(("records",), "processings[0].scale.records")),
    "1.5.3": ("processings[0].scale.frequency", _choice(("scale", "frequency"), FREQUENCY, _EXACT_FREQUENCY)),
    "1.5.4": ("processings[0].retention.period", _retention),
    "2.1.1": ("processings[0].transfers[] (country ZZ)", _transfer),
    "2.1.2": ("systems[clouddienst].hosting.provider_hq_country", _hosting("provider_hq_country")),
    "2.1.3": ("systems[clouddienst].hosting.country / model", _hosting("country", on_premise=True)),
    "2.1.4": ("systems[clouddienst].hosting.support_country", _hosting("support_country")),
    "2.1.5": ("systems[clouddienst].hosting.telemetry_country", _hosting("telemetry_country")),
    "2.1.6": ("processings[0].transfers[0].mechanism", _mechanism),
    "2.1.7": (NOTE, None),
    "2.1.8": (NOTE, None),
    "3.1": ("project.screening_declared.ap (declared, never a fact)", _declared("ap", AP_OPTIONS)),
    "4.1": ("project.screening_declared.wp248 (declared, never a fact)", _declared("wp248", EDPB_OPTIONS)),
    "5.1.1": (
        "processings[0].collection.methods: base_register",
        _technique(("collection", "methods"), "base_register"),
    ),
    "5.1.2": ("processings[0].data_items[] (source base_register)", _registers),
    "6.1.1": ("processings[0].techniques: algorithm", _technique(("techniques",), "algorithm")),
    "6.1.2": ("processings[0].algorithm.high_risk_ai", _bool(("algorithm", "high_risk_ai"), "processing")),
    "6.1.3": ("processings[0].algorithm.impactful", _bool(("algorithm", "impactful"), "processing")),
    "7.1.1": ("project.digital_service.offered", _bool(("digital_service", "offered"))),
    "7.1.2": ("project.digital_service.aimed_at_minors", _bool(("digital_service", "aimed_at_minors"))),
    "7.1.3": (NOTE, None),
}


def _import_prescan(b: _Builder, answers: list[tuple[str, int | None, Any]]) -> None:
    b.processing(0)["name"] = "Verwerking uit de Pre-scan"
    for qid, index, value in answers:
        key = b.key(qid, index)
        _field, handler = PRESCAN.get(qid, (NOTE, None))
        if handler is None:
            b.note(key, value)
        else:
            handler(b, value, key)


# ---------------------------------------------------------------------------------------------
# IAMA 2.0 (urn:nl:iama:2.0): the algorithm part of the description


def _iama_prohibited(b: _Builder, value: Any, key: str) -> None:
    v = normalise(value)
    if v is False:
        _set(b.processing(0), ("algorithm", "ai_act", "prohibited_practice"), "none")
        b.map(key, "processings[0].algorithm.ai_act.prohibited_practice: none")
    elif v is True:
        b.note(key, value, extra="welke verboden praktijk van art. 5 AI-verordening zegt het IAMA niet")
        b.ask(
            "Het IAMA (1.3.1) zegt dat het een verboden AI-systeem is: welke praktijk van art. 5 AI-verordening "
            "(processings[0].algorithm.ai_act.prohibited_practice)?",
            "The IAMA (1.3.1) says it is a prohibited AI system: which practice of AI Act art. 5 "
            "(processings[0].algorithm.ai_act.prohibited_practice)?",
        )
    else:
        b.note(key, value)


def _iama_statutory_task(b: _Builder, value: Any, key: str) -> None:
    if normalise(value) is True:
        _set(b.processing(0), ("legal_basis", "ground"), "public_task")
        b.map(key, "processings[0].legal_basis.ground: public_task (AVG 6(1)(e))")
        b.note(
            key, value, extra="wettelijke taak overgenomen als taak van algemeen belang, art. 6(1)(e) AVG", keep=False
        )
    else:
        b.note(key, value)


def _iama_provision(b: _Builder, value: Any, key: str) -> None:
    _set(b.processing(0), ("legal_basis", "provision"), _text(value))
    b.map(key, "processings[0].legal_basis.provision")


def _iama_self_learning(b: _Builder, value: Any, key: str) -> None:
    flag = {"zelflerend": True, "niet-zelflerend": False}.get(str(value))
    if flag is None:
        b.note(key, value)
        return
    _set(b.processing(0), ("algorithm", "self_learning"), flag)
    b.map(key, "processings[0].algorithm.self_learning")


def _iama_description(b: _Builder, value: Any, key: str) -> None:
    _set(b.processing(0), ("algorithm", "description"), _text(value))
    b.map(key, "processings[0].algorithm.description")


#: IAMA 2.0 (urn:nl:iama:2.0): answer id -> (description field or NOTE, handler). The IAMA is a
#: dialogue in free text; only its choices and the texts with an exact counterpart are mapped, the
#: rest is kept per part in the notes. Whether the IAMA is done (``algorithm.iama_done``, and the
#: FRIA of AI Act art. 27 it can serve for, ``algorithm.ai_act.fria_done``) follows from the parts
#: the export marks completed, not from an answer.
IAMA: dict[str, tuple[str, Handler | None]] = {
    "1.1.1": ("project.summary (aanleiding)", _p_text(("summary",), "project.summary", "project")),
    "1.1.2": ("processings[0].purposes[].description", _p_text(("purposes",), "processings[0].purposes")),
    "1.3.1": ("processings[0].algorithm.ai_act.prohibited_practice (none)", _iama_prohibited),
    "1.3.2": ("processings[0].legal_basis.ground (public_task)", _iama_statutory_task),
    "1.3.4": ("processings[0].legal_basis.provision", _iama_provision),
    "2.1.1.1": ("processings[0].algorithm.self_learning", _iama_self_learning),
    "2.1.1.2": ("processings[0].algorithm.description", _iama_description),
}
#: the IAMA's parts (root task ids); all completed and an advice (5.B) given: the IAMA is done
IAMA_PARTS = ("1.0", "2", "3", "4", "5")


def _import_iama(b: _Builder, answers: list[tuple[str, int | None, Any]]) -> None:
    proc = b.processing(0)
    proc["name"] = "Inzet van het algoritme (uit het IAMA)"
    _add(proc, ("techniques",), "algorithm")
    for qid, index, value in answers:
        key = b.key(qid, index)
        _field, handler = IAMA.get(qid, (NOTE, None))
        if handler is None:
            b.note(key, value)
        else:
            handler(b, value, key)
    completed = set(b.export.completed)
    done = all(part in completed for part in IAMA_PARTS) and bool(b.export.value("5.B"))
    algorithm = proc.setdefault("algorithm", {})
    algorithm["iama_done"] = done
    missing = [p for p in IAMA_PARTS if p not in completed]
    if done:
        algorithm.setdefault("ai_act", {})["fria_done"] = True
        b.add_note(
            "5",
            "Het IAMA is afgerond (alle delen en het advies, 5.B); het kan dienen als FRIA (art. 27 AI-verordening).",
        )
    else:
        b.add_note(
            "5",
            "Het IAMA is nog niet af in de Invulhulp"
            + (f" (niet afgerond: deel {', '.join(missing)})" if missing else " (nog geen advies, 5.B)")
            + "; algorithm.iama_done staat daarom op false.",
        )


# ---------------------------------------------------------------------------------------------
# DPIA Rapportagemodel 3.0

#: DPIA Rapportagemodel 3.0 (urn:nl:dpia:3.0): answer id -> description field (or NOTE / IGNORED).
#: Answers in a repeatable section are taken per element; a section per processing (5, 8–11, 13)
#: is matched to the processings of section 3 by position, since the export does not say which.
DPIA: dict[str, str] = {
    "0": NOTE,
    "1.1": "project.summary",
    "1.2.1": IGNORED,
    "2.1.1": "processings[].data_items[].name",
    "2.1.2": "processings[].data_subjects[].category",
    "2.1.3": "processings[].data_items[].category",
    "2.1.4": "processings[].data_items[].type",
    "2.1.5": NOTE,
    "2.1.6": "processings[].data_items[].source (third_party when 'yes')",
    "2.1.7": "processings[].data_items[].source_party",
    "2.1.8": NOTE,
    "2.1.9": NOTE,
    "2.3": NOTE,
    "3.1.1": "processings[].id, name",
    "3.1.2": "processings[].description",
    "3.1.3": "processings[].data_items (by name)",
    "3.2": NOTE,
    "3.3.1": NOTE,
    "4": NOTE,
    "5.1.1": "processings[].purposes[].description",
    "5.2": NOTE,
    "6.1.1.1": "parties[].name",
    "6.1.1.2": "parties[].role",
    "6.1.1.3": "parties[].description",
    "6.1.1.4": NOTE,
    "6.1.1.5": NOTE,
    "6.2": NOTE,
    "7.1.1": "parties[].interests",
    "7.2": NOTE,
    "8.1.1.1": "processings[].transfers[].country (outside the Netherlands)",
    "8.1.1.2": "processings[].transfers[].mechanism",
    "8.1.1.3": "processings[].transfers[].supplementary_measures",
    "8.2": NOTE,
    "9.1.1.1": "processings[].legal_framework[]",
    "9.1.1.2": "processings[].legal_framework[]",
    "9.2": NOTE,
    "10.1.1.1": NOTE,
    "10.1.1.2": NOTE,
    "10.1.1.3": NOTE,
    "10.1.1.4": "processings[].retention.period",
    "10.1.1.5": "processings[].retention.justification",
    "10.2": NOTE,
    "11.1.1.1": "processings[].legal_basis.ground",
    "11.1.1.2": "processings[].legal_basis.explanation",
    "11.2": NOTE,
    "12.1.1": NOTE,
    "12.1.2.1": NOTE,
    "12.1.2.2": NOTE,
    "12.1.2.3": "processings[].data_items[] (type special)",
    "12.1.2.4": "processings[].data_items[].special_category",
    "12.1.2.5": "processings[].data_items[].uavg_provision",
    "12.2.1": NOTE,
    "12.2.2.1": NOTE,
    "12.2.2.2": NOTE,
    "12.2.2.3": "processings[].data_items[] (type criminal)",
    "12.2.2.4": "processings[].data_items[].uavg_provision",
    "12.3.1": NOTE,
    "12.3.2.1": NOTE,
    "12.3.2.2": NOTE,
    "12.3.2.3": "processings[].data_items[] (type national_id)",
    "12.3.2.4": "processings[].data_items[].national_id.statutory_basis",
    "12.4": NOTE,
    "13.1.1.1": NOTE,
    "13.1.1.2": NOTE,
    "13.1.1.3": "processings[].purposes[].description",
    "13.1.1.4": "processings[].purposes[].original_purpose",
    "13.1.1.5": "processings[].purposes[].further_processing, compatibility",
    "13.1.1.6": "processings[].purposes[].compatibility_assessment",
    "13.2": NOTE,
    "14.1": "processings[].necessity.why_rejected",
    "14.2": "processings[].necessity.proportionality",
    **{
        f"15.{n}.{q}": f"processings[].rights.{right}.{'procedure' if q == 1 else 'explanation'}"
        for n, right in (
            (1, "access"),
            (2, "rectification"),
            (3, "erasure"),
            (4, "restriction"),
            (5, "portability"),
            (6, "automated_decision"),
            (7, "objection"),
        )
        for q in (1, 2, 3, 4)
    },
    "15.8.1": NOTE,
    "15.8.2": NOTE,
    "15.8.3": NOTE,
    "15.8.4": NOTE,
    "16.1.1": "risks[].description",
    "16.1.2": "risks[].origin",
    "16.1.3": "risks[].likelihood",
    "16.1.4": NOTE,
    "16.1.5": "risks[].impact",
    "16.1.6": NOTE,
    "16.1.7": NOTE,
    "16.1.8": NOTE,
    "16.2": NOTE,
    "17.1.1": "risks[] (which risks the measures are for)",
    "17.1.2": "risks[].origin",
    "17.1.3": "risks[].measures[]",
    "17.1.4": "risks[].residual",
    "17.1.5": NOTE,
    "17.1.6": NOTE,
    "17.1.7": "risks[].owner",
    "17.2": NOTE,
    "17.3": NOTE,
    "18": NOTE,
    "19.1.1": NOTE,
    "19.1.2": "project.dpia.date (latest version)",
    "19.1.3": NOTE,
    "19.2": "project.dpia.status",
    "19.3.1": NOTE,
    **{f"19.3.2.{q}": NOTE for q in (1, 2, 3, 4)},
    **{f"19.4.{q}": NOTE for q in (1, 2, 3, 4, 5, 6)},
    "19.5.1": NOTE,
    "19.5.2": NOTE,
    "19.5.3": NOTE,
    "19.5.4": "project.dpo",
    "19.5.5": "project.dpo (function)",
    "19.5.6": "project.dpo_advice.date",
    "19.5.7": "project.dpo_advice.summary",
    "19.5.8": NOTE,
    "20.1.1": "project.organisation, parties[] (controller)",
    "20.1.2": NOTE,
    "20.1.3": "project.department",
    "20.1.4": NOTE,
    "20.1.5": NOTE,
    "20.1.6": NOTE,
    "20.1.7": NOTE,
}

#: Model DPIA §15 sections -> the right of the data subject they describe (``processings[].rights``)
RIGHTS = {
    "15.1": "access",
    "15.2": "rectification",
    "15.3": "erasure",
    "15.4": "restriction",
    "15.5": "portability",
    "15.6": "automated_decision",
    "15.7": "objection",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class _Dpia:
    """The DPIA import, section by section."""

    def __init__(self, b: _Builder) -> None:
        self.b = b
        self.e = b.export
        self.items_by_name: dict[str, list[Json]] = {}
        self.items: list[tuple[Json, str | None]] = []
        self.by_position: dict[str, list[str]] = {}

    def run(self) -> None:
        self.data_items()
        self.processings()
        self.project()
        self.purposes()
        self.parties()
        self.locations()
        self.frameworks()
        self.retention()
        self.grounds()
        self.special()
        self.further()
        self.necessity_and_rights()
        self.risks()
        self.dpia_meta()
        self.position_notes()

    def g(self, group: str) -> list[tuple[int, dict[str, Any]]]:
        return self.e.group(group)

    def k(self, qid: str, index: int | None = None) -> str:
        return self.b.key(qid, index)

    def ambiguous(self, key: str, proc: Json) -> None:
        self.by_position.setdefault(self.b.qid(key).split(".")[0], []).append(f"{key} → {proc['id']}")

    def position_notes(self) -> None:
        for section, assigned in self.by_position.items():
            self.b.add_note(
                section,
                "Op volgorde toegekend aan een verwerking (de export zegt niet bij welke verwerking een "
                "antwoord hoort; controleer dit): " + "; ".join(assigned),
            )

    # -- §2, §3 -----------------------------------------------------------------------------

    def data_items(self) -> None:
        for index, el in self.g("2.1"):
            name = _text(el.get("2.1.1", "")) or f"Persoonsgegeven {index + 1}"
            item: Json = {"name": name}
            if "2.1.1" in el:
                self.b.map(self.k("2.1.1", index), DPIA["2.1.1"])
            category = _category(_text(el.get("2.1.3", "")))
            if category is not None:
                item["category"] = category
                self.b.map(self.k("2.1.3", index), DPIA["2.1.3"])
            if el.get("2.1.4") in DATA_TYPES:
                item["type"] = DATA_TYPES[el["2.1.4"]]
                self.b.map(self.k("2.1.4", index), DPIA["2.1.4"])
            via_party = normalise(el.get("2.1.6"))
            if via_party is True:
                item["source"] = "third_party"
                self.b.map(self.k("2.1.6", index), DPIA["2.1.6"])
                if el.get("2.1.7"):
                    item["source_party"] = _text(el["2.1.7"])
                    self.b.map(self.k("2.1.7", index), DPIA["2.1.7"])
            subject = _text(el["2.1.2"]) if el.get("2.1.2") else None
            if subject:
                self.b.map(self.k("2.1.2", index), DPIA["2.1.2"])
            self.items.append((item, subject))
            self.items_by_name.setdefault(name, []).append(item)

    def processings(self) -> None:
        b = self.b
        used: set[str] = set()
        listed: set[int] = set()
        for index, el in self.g("3.1"):
            name = _text(el.get("3.1.1", "")) or f"Verwerking {index + 1}"
            pid = _slug(name)
            n = 2
            while pid in used:
                pid = f"{_slug(name)[:56]}-{n}"
                n += 1
            used.add(pid)
            proc: Json = {"id": pid, "name": name}
            if "3.1.1" in el:
                b.map(self.k("3.1.1", index), DPIA["3.1.1"])
            if el.get("3.1.2"):
                proc["description"] = _text(el["3.1.2"])
                b.map(self.k("3.1.2", index), DPIA["3.1.2"])
            chosen = _list(el.get("3.1.3"))
            for i, (item, subject) in enumerate(self.items):
                if item["name"] in chosen:
                    self._attach(proc, item, subject)
                    listed.add(i)
            if "3.1.3" in el:
                b.map(self.k("3.1.3", index), DPIA["3.1.3"])
            b.processings.append(proc)
        if not b.processings:
            b.processing(0)["name"] = "Verwerking uit de DPIA"
        for i, (item, subject) in enumerate(self.items):
            if i not in listed:
                self._attach(b.processings[0], item, subject)

    @staticmethod
    def _attach(proc: Json, item: Json, subject: str | None) -> None:
        items = proc.setdefault("data_items", [])
        if item not in items:
            items.append(item)
        if subject:
            subjects = proc.setdefault("data_subjects", [])
            if not any(s["category"] == subject for s in subjects):
                subjects.append({"category": subject})

    # -- project-wide answers -----------------------------------------------------------------

    def project(self) -> None:
        b = self.b
        if self.e.value("1.1"):
            b.project["summary"] = _text(self.e.value("1.1"))
            b.map("1.1", DPIA["1.1"])
        for index, el in self.g("20.1")[:1]:
            if el.get("20.1.1"):
                org = _text(el["20.1.1"])
                b.project.setdefault("organisation", org)
                b.map(self.k("20.1.1", index), DPIA["20.1.1"])
            if el.get("20.1.3"):
                b.project["department"] = _text(el["20.1.3"])
                b.map(self.k("20.1.3", index), DPIA["20.1.3"])

    def purposes(self) -> None:
        for index, el in self.g("5.1"):
            if not el.get("5.1.1"):
                continue
            proc, ambiguous = self.b.proc_for(index)
            _add(proc, ("purposes",), {"description": _text(el["5.1.1"])})
            key = self.k("5.1.1", index)
            self.b.map(key, DPIA["5.1.1"])
            if ambiguous:
                self.ambiguous(key, proc)

    def parties(self) -> None:
        b = self.b
        by_name: dict[str, Json] = {}
        order: list[Json] = []
        for index, el in self.g("6.1.1"):
            name = _text(el.get("6.1.1.1", ""))
            if not name:
                continue
            party = by_name.get(name)
            if party is None:
                party = {"name": name}
                by_name[name] = party
                b.parties.append(party)
            order.append(party)
            b.map(self.k("6.1.1.1", index), DPIA["6.1.1.1"])
            roles = [ROLES[r] for r in _list(el.get("6.1.1.2")) if r in ROLES]
            if roles:
                roles.sort(key=_ROLE_ORDER.index)
                party.setdefault("role", roles[0])
                b.map(self.k("6.1.1.2", index), DPIA["6.1.1.2"])
                if len(roles) > 1:
                    b.note(self.k("6.1.1.2", index), el["6.1.1.2"], extra=f"overgenomen als {roles[0]}", keep=False)
            if el.get("6.1.1.3"):
                party["description"] = _text(el["6.1.1.3"])
                b.map(self.k("6.1.1.3", index), DPIA["6.1.1.3"])
        for index, el in self.g("7.1"):
            if el.get("7.1.1") and index < len(order):
                order[index]["interests"] = _text(el["7.1.1"])
                b.map(self.k("7.1.1", index), DPIA["7.1.1"])
        for _index, el in self.g("20.1")[:1]:
            org = _text(el.get("20.1.1", ""))
            if org and org not in by_name:
                b.parties.insert(0, {"name": org, "role": "controller"})
                by_name[org] = b.parties[0]

    # -- per processing -----------------------------------------------------------------------

    def locations(self) -> None:
        b = self.b
        for index, el in self.g("8.1.1"):
            place = _text(el.get("8.1.1.1", ""))
            code = COUNTRIES.get(place.lower())
            key = self.k("8.1.1.1", index)
            if code is None or code == "NL":
                continue  # kept as a note by the final sweep
            proc, ambiguous = b.proc_for(index)
            transfer: Json = {"country": code}
            b.map(key, DPIA["8.1.1.1"])
            if el.get("8.1.1.2") in MECHANISMS:
                transfer["mechanism"] = MECHANISMS[el["8.1.1.2"]]
                b.map(self.k("8.1.1.2", index), DPIA["8.1.1.2"])
            if el.get("8.1.1.3"):
                transfer["supplementary_measures"] = _text(el["8.1.1.3"])
                b.map(self.k("8.1.1.3", index), DPIA["8.1.1.3"])
            proc.setdefault("transfers", []).append(transfer)
            if ambiguous:
                self.ambiguous(key, proc)

    def frameworks(self) -> None:
        for index, el in self.g("9.1.1"):
            name, articles = _text(el.get("9.1.1.1", "")), _text(el.get("9.1.1.2", ""))
            if not name and not articles:
                continue
            proc, ambiguous = self.b.proc_for(index)
            _add(proc, ("legal_framework",), f"{name}: {articles}" if name and articles else name or articles)
            for q in ("9.1.1.1", "9.1.1.2"):
                if el.get(q):
                    self.b.map(self.k(q, index), DPIA[q])
            if ambiguous:
                self.ambiguous(self.k("9.1.1.1", index), proc)

    def retention(self) -> None:
        for index, el in self.g("10.1.1"):
            proc, ambiguous = self.b.proc_for(index)
            if el.get("10.1.1.4"):
                _retention_value(self.b, el["10.1.1.4"], self.k("10.1.1.4", index), proc, DPIA["10.1.1.4"])
                if ambiguous:
                    self.ambiguous(self.k("10.1.1.4", index), proc)
            if el.get("10.1.1.5"):
                retention = proc.setdefault("retention", {})
                text = _text(el["10.1.1.5"])
                retention["justification"] = (
                    f"{retention['justification']} {text}" if retention.get("justification") else text
                )
                self.b.map(self.k("10.1.1.5", index), DPIA["10.1.1.5"])

    def grounds(self) -> None:
        for index, el in self.g("11.1.1"):
            proc, ambiguous = self.b.proc_for(index)
            basis = proc.setdefault("legal_basis", {})
            ground = LEGAL_GROUNDS.get(el.get("11.1.1.1", ""))
            if ground is not None and "ground" not in basis:
                basis["ground"] = ground
                self.b.map(self.k("11.1.1.1", index), DPIA["11.1.1.1"])
                if ambiguous:
                    self.ambiguous(self.k("11.1.1.1", index), proc)
            if el.get("11.1.1.2") and "explanation" not in basis:
                basis["explanation"] = _text(el["11.1.1.2"])
                self.b.map(self.k("11.1.1.2", index), DPIA["11.1.1.2"])
            if not basis:
                del proc["legal_basis"]

    def special(self) -> None:
        b = self.b
        for group, kind, basis_q in (
            ("12.1.2", "special", "12.1.2.5"),
            ("12.2.2", "criminal", "12.2.2.4"),
            ("12.3.2", "national_id", "12.3.2.4"),
        ):
            for index, el in self.g(group):
                names = _list(el.get(f"{group}.3"))
                items = [it for n in names for it in self.items_by_name.get(n, [])]
                if not items:
                    continue
                b.map(self.k(f"{group}.3", index), DPIA[f"{group}.3"])
                special = SPECIAL_DATA.get(_strip_prefix(str(el.get("12.1.2.4", "")))) if kind == "special" else None
                basis = _text(el.get(basis_q, ""))
                for it in items:
                    it["type"] = kind
                    if kind == "national_id":
                        it["category"] = "national_id"
                        if basis:
                            it["national_id"] = {"statutory_basis": basis}
                    elif basis:
                        it["uavg_provision"] = basis
                    if special is not None:
                        it["special_category"] = special
                        if special in _SPECIAL_CATEGORY_OF:
                            it["category"] = _SPECIAL_CATEGORY_OF[special]
                if special is not None:
                    b.map(self.k("12.1.2.4", index), DPIA["12.1.2.4"])
                if basis:
                    b.map(self.k(basis_q, index), DPIA[basis_q])

    def further(self) -> None:
        compat = {
            "Toelaatbaar op grond van Unie- of lidstaatrechtelijk recht": (True, "permitted_by_law"),
            "Verenigbaar met oorspronkelijk doeleinde": (True, "compatible"),
            "Niet van toepassing (geen verdere verwerking)": (False, None),
        }
        for index, el in self.g("13.1.1"):
            text = _text(el.get("13.1.1.3", ""))
            if not text:
                continue
            proc, ambiguous = self.b.proc_for(index)
            purposes = proc.setdefault("purposes", [])
            purpose = next((p for p in purposes if p["description"] == text), None)
            if purpose is None:
                purpose = {"description": text}
                purposes.append(purpose)
            self.b.map(self.k("13.1.1.3", index), DPIA["13.1.1.3"])
            if ambiguous:
                self.ambiguous(self.k("13.1.1.3", index), proc)
            if el.get("13.1.1.4"):
                purpose["original_purpose"] = _text(el["13.1.1.4"])
                self.b.map(self.k("13.1.1.4", index), DPIA["13.1.1.4"])
            if el.get("13.1.1.5") in compat:
                further, compatibility = compat[el["13.1.1.5"]]
                purpose["further_processing"] = further
                if compatibility:
                    purpose["compatibility"] = compatibility
                self.b.map(self.k("13.1.1.5", index), DPIA["13.1.1.5"])
            if el.get("13.1.1.6"):
                purpose["compatibility_assessment"] = _text(el["13.1.1.6"])
                self.b.map(self.k("13.1.1.6", index), DPIA["13.1.1.6"])

    def necessity_and_rights(self) -> None:
        b, e = self.b, self.e
        procs = b.processings
        for qid, field in (("14.1", "why_rejected"), ("14.2", "proportionality")):
            if e.value(qid):
                for proc in procs:
                    _set(proc, ("necessity", field), _text(e.value(qid)))
                b.map(qid, DPIA[qid])
        for section, right in RIGHTS.items():
            procedure = normalise(e.value(f"{section}.1"))
            answer = (
                {True: "yes", False: "no"}.get(procedure)
                if isinstance(procedure, bool)
                else ("not_applicable" if e.value(f"{section}.1") == "null" else None)
            )
            if answer == "yes" and f"{section}.2" in b.unanswered:
                # "yes, there is a procedure" whose description only promises one ("Nog te implementeren"):
                # the procedure is not established, so the question stays open (kept as a note)
                b.note(
                    f"{section}.1",
                    e.value(f"{section}.1"),
                    extra="niet overgenomen: de toelichting is een plaatshouder, de procedure is er nog niet",
                )
                answer = None
            parts = [_text(e.value(f"{section}.2"))] if e.value(f"{section}.2") else []
            if normalise(e.value(f"{section}.3")) is True:
                parts.append(
                    "Beperkt op grond van een wettelijke uitzondering"
                    + (f": {_text(e.value(f'{section}.4'))}" if e.value(f"{section}.4") else ".")
                )
            handling: Json = {}
            if answer is not None:
                handling["procedure"] = answer
                b.map(f"{section}.1", DPIA[f"{section}.1"])
            if parts:
                handling["explanation"] = " ".join(parts)
                for q in (2, 3, 4):
                    if e.value(f"{section}.{q}") is not None and (q == 2 or normalise(e.value(f"{section}.3")) is True):
                        b.map(f"{section}.{q}", DPIA[f"{section}.{q}"])
            if handling:
                for proc in procs:
                    _set(proc, ("rights", right), dict(handling))

    # -- §16, §17, §19 ------------------------------------------------------------------------

    def risks(self) -> None:
        b = self.b
        by_text: dict[str, Json] = {}
        for index, el in self.g("16.1"):
            risk: Json = {"id": f"R{len(b.risks) + 1}"}
            for q, field, table in (
                ("16.1.1", "description", None),
                ("16.1.2", "origin", None),
                ("16.1.3", "likelihood", LEVELS),
                ("16.1.5", "impact", LEVELS),
            ):
                value = el.get(q)
                if not value or (table is not None and value not in table):
                    continue
                risk[field] = _text(value)
                b.map(self.k(q, index), DPIA[q])
            b.risks.append(risk)
            if risk.get("description"):
                by_text[risk["description"]] = risk
        for index, el in self.g("17.1"):
            chosen = _list(el.get("17.1.1"))
            targets = [by_text[t] for t in chosen if t in by_text]
            if not targets and index < len(b.risks):
                targets = [b.risks[index]]
            if not targets:
                continue
            if chosen:
                b.map(self.k("17.1.1", index), DPIA["17.1.1"])
            for risk in targets:
                if el.get("17.1.3"):
                    _add(risk, ("measures",), _text(el["17.1.3"]))
                    b.map(self.k("17.1.3", index), DPIA["17.1.3"])
                if el.get("17.1.4") in LEVELS:
                    risk["residual"] = el["17.1.4"]
                    b.map(self.k("17.1.4", index), DPIA["17.1.4"])
                if el.get("17.1.7"):
                    risk["owner"] = _text(el["17.1.7"])
                    b.map(self.k("17.1.7", index), DPIA["17.1.7"])
                if el.get("17.1.2") and "origin" not in risk:
                    risk["origin"] = _text(el["17.1.2"])
                    b.map(self.k("17.1.2", index), DPIA["17.1.2"])

    def dpia_meta(self) -> None:
        b, e = self.b, self.e
        # the file is a DPIA: in progress, unless its own status (19.2) says it is final
        dpia: Json = {"status": "in_progress"}
        status = {"concept": "in_progress", "definitief": "completed"}.get(str(e.value("19.2")))
        if status:
            dpia["status"] = status
            b.map("19.2", DPIA["19.2"])
        versions = [(i, el) for i, el in self.g("19.1") if _ISO_DATE.match(str(el.get("19.1.2", "")))]
        if versions:
            index, el = versions[-1]
            dpia["date"] = str(el["19.1.2"])[:10]
            b.map(self.k("19.1.2", index), DPIA["19.1.2"])
        b.project["dpia"] = dpia
        if e.value("19.5.4"):
            function = f" ({_text(e.value('19.5.5'))})" if e.value("19.5.5") else ""
            b.project["dpo"] = _text(e.value("19.5.4")) + function
            b.map("19.5.4", DPIA["19.5.4"])
            if function:
                b.map("19.5.5", DPIA["19.5.5"])
        advice: Json = {}
        if _ISO_DATE.match(str(e.value("19.5.6") or "")):
            advice["date"] = str(e.value("19.5.6"))[:10]
            b.map("19.5.6", DPIA["19.5.6"])
        if e.value("19.5.7"):
            advice["summary"] = f"Advies FG vastgelegd in: {_text(e.value('19.5.7'))}"
            b.map("19.5.7", DPIA["19.5.7"])
        if advice:
            b.project["dpo_advice"] = advice


_CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("bsn", "national_id"),
    ("burgerservicenummer", "national_id"),
    ("kenteken", "licence_plate"),
    ("locatie", "location"),
    ("gps", "location"),
    ("contact", "contact"),
    ("e-mail", "contact"),
    ("telefoon", "contact"),
    ("naam", "identity"),
    ("adres", "contact"),
    ("identific", "identity"),
    ("geboortedatum", "identity"),
    ("financ", "financial"),
    ("inkomen", "financial"),
    ("bank", "financial"),
    ("schuld", "financial"),
    ("gezondheid", "health"),
    ("medisch", "health"),
    ("biometr", "biometric"),
    ("strafrecht", "criminal"),
    ("beeld", "image"),
    ("foto", "image"),
    ("video", "image"),
    ("camera", "image"),
    ("geluid", "audio"),
    ("audio", "audio"),
    ("ip-adres", "online_identifier"),
    ("cookie", "online_identifier"),
    ("apparaat", "device_identifier"),
    ("mac-adres", "device_identifier"),
    ("gedrag", "behaviour"),
    ("sociale media", "social_media"),
    ("communicatie", "communication"),
    ("gezin", "household"),
    ("huishouden", "household"),
    ("meetwaarde", "measurement"),
)


def _category(text: str) -> str | None:
    """DPIA 2.1.3 is free text: a category pbd knows when a telling word occurs, else none."""
    low = text.lower()
    for word, category in _CATEGORY_WORDS:
        if word in low:
            return category
    return None


# ---------------------------------------------------------------------------------------------
# entry point


def import_export(export: Export, *, name: str | None = None, organisation: str | None = None) -> Imported:
    """Map an export onto a project description (plain data, valid against the model)."""
    stem = re.sub(r"[_-]+", " ", export.name.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]).strip()
    b = _Builder(export, name or stem or f"Import uit de Invulhulp ({FORM_NAMES[export.form][0]})", organisation)
    d = export.definition
    visible: list[tuple[str, int | None, Any]] = []
    for qid, index, value in export.all_answers():
        task = d.tasks[qid]
        key = b.key(qid, index)
        if value == []:
            b.ignore(key, "leeg antwoord (niets aangevinkt)", "empty answer (nothing ticked)")
            continue
        if task.kind == "image" or isinstance(value, dict):
            b.ignore(key, "afbeeldingen worden niet overgenomen", "images are not imported")
            continue

        def lookup(cid: str, index: int | None = index) -> Any:
            group = d.group_of(cid)
            if group is None:
                return export.value(cid)
            return dict(export.group(group)).get(index or 0, {}).get(cid)

        if _placeholder(task, value, export.form):
            b.unanswered.append(key)
            b.ignore(
                key,
                f"plaatshouder, geen antwoord ('{_text(value)}'): de vraag blijft open",
                f"placeholder, not an answer ('{_text(value)}'): the question stays open",
            )
            continue
        if not shown(task, lookup):
            b.hidden.add(qid)
            b.ignore(
                key,
                "de Invulhulp verbergt deze vraag (haar voorwaarde geldt niet)",
                "the Invulhulp hides this question (its condition does not hold)",
            )
            continue
        visible.append((qid, index, value))
    b.export = _without(export, set(b.unanswered))  # the handlers read the export: a placeholder is no answer
    for key in export.unknown:
        b.ignore(key, "deze vraag bestaat niet in dit formulier", "no such question in this form")
    for key in export.cleared:
        b.ignore(key, "leeg antwoord (gewist of niet ingevuld)", "empty answer (cleared or not filled in)")
    if export.form == "prescan":
        _import_prescan(b, visible)
    elif export.form == "iama":
        _import_iama(b, visible)
    else:
        _Dpia(b).run()
    _open_scale(b)
    for qid, index, value in visible:  # everything not mapped is kept, per section
        key = b.key(qid, index)
        if key not in b.done:
            b.note(key, value)
    doc = b.build()
    model = ProjectDescription.model_validate(doc)  # an invalid import is a bug in this module
    return Imported(
        description=model.model_dump(mode="json", exclude_none=True),
        mapped=tuple(b.mapped),
        kept=tuple(b.kept),
        ignored=tuple(b.ignored),
        hidden=frozenset(b.hidden),
        export=export,
        unanswered=tuple(b.unanswered),
        questions=tuple(b.questions),
    )


def _without(export: Export, keys: set[str]) -> Export:
    """The export without the answers ``keys`` names (``"14.2"``, ``"2.1.1[3]"``)."""
    if not keys:
        return export
    answers = {qid: v for qid, v in export.answers.items() if qid not in keys}
    groups = {
        group: [(i, {qid: v for qid, v in el.items() if f"{qid}[{i}]" not in keys}) for i, el in elements]
        for group, elements in export.groups.items()
    }
    return dataclasses.replace(export, answers=answers, groups=groups)


def _open_scale(b: _Builder) -> None:
    """A processing whose number of data subjects the export does not give: an open question, never a guess.

    The Pre-scan asks only "more than 10,000?" (1.5.1), the DPIA 3.0 and the IAMA not at all; the number
    decides "large scale" for the AP list and WP248 criterion 5.
    """
    for i, proc in enumerate(b.processings):
        if proc.get("scale", {}).get("data_subjects") is None:
            b.ask(
                f"Hoeveel betrokkenen per jaar raakt verwerking '{proc.get('name', proc['id'])}' "
                f"(processings[{i}].scale.data_subjects)? De export zegt het niet; het beslist mee over "
                "'grote schaal' (AP-lijst, WP248 criterium 5).",
                f"How many data subjects a year does processing '{proc.get('name', proc['id'])}' concern "
                f"(processings[{i}].scale.data_subjects)? The export does not say; it decides 'large scale' "
                "(AP list, WP248 criterion 5).",
            )


class _Dumper(yaml.SafeDumper):
    """Safe YAML with multi-line texts as literal blocks, so notes stay readable."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def description_yaml(imported: Imported) -> str:
    """The imported description as YAML, with a header saying where it came from."""
    e = imported.export
    head = [
        f"# Geïmporteerd uit de Invulhulp ({e.urn}, export van {e.created_at}) met pbd {__version__}.",
        "# Antwoorden zonder eigen veld staan onder 'notes'; `pbd import invulhulp` meldt wat niet is overgenomen.",
        "",
    ]
    body = yaml.dump(
        imported.description, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return "\n".join(head) + body


def report_lines(imported: Imported, lang: str) -> list[str]:
    """What happened to each answer: mapped (to which field), kept as a note, ignored (why)."""
    out = [
        t(lang, "import.mapped", n=len(imported.mapped)),
        *(f"  {key} → {field}" for key, field in imported.mapped),
        t(lang, "import.kept", n=len(imported.kept)),
        *(f"  {key} → notes['{note}']" for key, note in imported.kept),
        t(lang, "import.ignored", n=len(imported.ignored)),
        *(f"  {key}: {pick(lang, reason_nl, reason_en)}" for key, reason_nl, reason_en in imported.ignored),
    ]
    return out


__all__ = [
    "AP_OPTIONS",
    "COMBINED_OPTION",
    "DPIA",
    "EDPB_OPTIONS",
    "IAMA",
    "NAME_QUESTIONS",
    "NOTE",
    "PRESCAN",
    "UNKNOWN_COUNTRY",
    "Imported",
    "description_yaml",
    "import_export",
    "report_lines",
]

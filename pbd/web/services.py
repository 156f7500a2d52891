"""What the views do with a dossier, apart from HTTP: versions, judgement through the engine, downloads, diffs, sign-offs.

The engine judges (``engine.check``) and the reporters of :mod:`pbd.render` write; nothing here
decides about privacy on its own. A version's text is what ``pbd check`` would read from the
downloaded file, under the same name (``<slug>.yaml``), so the dossier's JSON result is byte for
byte the CLI's (tested).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.db import transaction

from pbd import __version__, engine
from pbd.description import LoadedDescription, load_text
from pbd.errors import DescriptionError, PbdError
from pbd.web.models import AuditEvent, AuditKind, Dossier, Membership, Role, SignOff, SignOffKind, User, Version

if TYPE_CHECKING:
    from pbd.engine import Assessment
    from pbd.knowledge_base import KnowledgeBase


class UploadError(PbdError):
    """An uploaded file that cannot become a dossier: too large, wrong type, not valid."""


#: the download formats of a version: name → (reporter, content type, file suffix)
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "yaml": ("", "application/yaml; charset=utf-8", ".yaml"),
    "json": ("json", "application/json; charset=utf-8", ".json"),
    "sarif": ("sarif", "application/sarif+json; charset=utf-8", ".sarif"),
    "dpia": ("report-pdf", "application/pdf", "-dpia.pdf"),
    "art25": ("report-pdf", "application/pdf", "-art25.pdf"),
}

#: differences confined to these blocks do not make a sign-off outdated: they record the sign-off itself
SIGNOFF_BLOCKS = (("project", "dpo_advice"), ("project", "decision"))


def knowledge_base(dossier: Dossier | None = None) -> KnowledgeBase:
    """The knowledge base a dossier is judged with: the bundled one with its organisation's profile applied,
    as ``pbd check --profile`` applies it (:mod:`pbd.web.profiles`); without a dossier the bundled one.
    A stored profile that cannot be used raises :class:`~pbd.profiles.ProfileError` (a page that says so)."""
    from pbd.web import profiles

    return profiles.knowledge_base(dossier.organisation if dossier is not None else None)


class _Same:
    """A knowledge base as a cache key: the same object (profiled ones are made once per process)."""

    __slots__ = ("kb",)

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __hash__(self) -> int:
        return id(self.kb)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.kb is self.kb


def slugify(title: str) -> str:
    """A file-name-safe slug of a title (ASCII, lower case, hyphens); ``dossier`` when nothing is left."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    return slug or "dossier"


def unique_slug(dossier_org_id: int, title: str) -> str:
    base = slugify(title)
    slug, n = base, 1
    while Dossier.objects.filter(organisation_id=dossier_org_id, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def load(dossier: Dossier, version: Version) -> LoadedDescription:
    """The version's description, loaded by the CLI's own loader under the dossier's file name."""
    return load_text(version.text, dossier.file_name)


def assess(dossier: Dossier, version: Version, today: dt.date | None = None) -> Assessment:
    """The engine's judgement of one version on ``today`` (default: the date today, as ``pbd check`` without --date).

    Kept for the last few (file name, text, date): a version never changes, so the dossier page and the
    panel after an autosave do not judge the same text twice. ``engine.check`` is looked up on every miss.
    """
    return _assess(dossier.file_name, version.text, today or dt.date.today(), _Same(knowledge_base(dossier)))


@lru_cache(maxsize=32)
def _assess(name: str, text: str, today: dt.date, kb: _Same) -> Assessment:
    return engine.check(load_text(text, name), kb.kb, engine.Options(today=today))


def render(fmt: str, dossier: Dossier, version: Version, lang: str, today: dt.date | None = None) -> bytes:
    """One download of a version, in the bytes ``pbd check -o FMT`` or ``pbd report`` would write."""
    if fmt == "yaml":
        return str(version.text).encode("utf-8")
    from pbd.render import RenderOptions, Report, reporter

    kb = knowledge_base(dossier)
    loaded = load(dossier, version)
    a = engine.check(loaded, kb, engine.Options(today=today or dt.date.today()))
    name = DOWNLOADS[fmt][0]
    if name == "report-pdf":
        out = reporter("report", "pdf").render(Report(loaded, a), kb, RenderOptions(lang=lang, kind=fmt))
    else:
        out = reporter("assessment", name).render(a, kb, RenderOptions(lang=lang))
    return bytes(out) if isinstance(out, bytes) else out.encode("utf-8")


# -- versions -------------------------------------------------------------------------------------


def validate_text(text: str, name: str) -> LoadedDescription:
    """The text as the CLI would load it; raises :class:`DescriptionError` with every problem."""
    return load_text(text, name)


def add_version(
    dossier: Dossier, text: str, author: User | None, note: str = "", *, restored_from: int | None = None
) -> Version:
    """Append a version (validated first); numbers are 1, 2, 3 … per dossier, even under concurrent saves.

    PostgreSQL serialises writers on the dossier row (``select_for_update``); SQLite has one writer
    at a time anyway, and a number taken meanwhile (the unique constraint) is retried with the next.
    """
    from django.db import IntegrityError

    validate_text(text, dossier.file_name)
    for attempt in range(5):
        try:
            return _append(dossier, text, author, note, restored_from)
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _append(dossier: Dossier, text: str, author: User | None, note: str, restored_from: int | None) -> Version:
    with transaction.atomic():
        Dossier.objects.select_for_update().filter(pk=dossier.pk).first()  # one writer per dossier at a time
        last = Version.objects.filter(dossier=dossier).order_by("-number").values_list("number", flat=True).first()
        version = Version(
            dossier=dossier,
            number=(last or 0) + 1,
            text=text,
            author=author,
            note=note[:300],
            restored_from=restored_from,
        )
        version.save()
        AuditEvent.objects.create(
            kind=AuditKind.VERSION,
            user=author,
            username=author.username if author else "",
            dossier=dossier,
            detail={"number": version.number, "sha256": version.sha256, "restored_from": restored_from},
        )
    return version


def blank_text(title: str, organisation: str | None) -> str:
    """The description of a new, empty dossier: a name and (when known) the organisation; everything else open."""
    from pbd.description.values import SCHEMA_VERSION

    project: dict[str, Any] = {"name": title}
    if organisation:
        project["organisation"] = organisation
    return dump_yaml({"schema_version": SCHEMA_VERSION, "project": project})


def dump_yaml(data: dict[str, Any]) -> str:
    """Description data as YAML in the importer's style (block style, key order kept, long texts as literal blocks)."""
    import yaml

    from pbd.invulhulp.mapping import _Dumper

    text: str = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return text


def create_dossier(org_id: int, title: str, text: str, owner: User, note: str) -> Dossier:
    """A new dossier with ``owner`` as its owner and ``text`` as version 1."""
    title = title.strip()[:200]
    validate_text(text, f"{slugify(title)}.yaml")
    with transaction.atomic():
        dossier: Dossier = Dossier.objects.create(
            organisation_id=org_id, title=title, slug=unique_slug(org_id, title), created_by=owner
        )
        Membership.objects.create(dossier=dossier, user=owner, role=Role.OWNER)
        AuditEvent.objects.create(
            kind=AuditKind.DOSSIER_CREATED,
            user=owner,
            username=owner.username,
            dossier=dossier,
            detail={"title": title},
        )
        add_version(dossier, text, owner, note)
    return dossier


def text_from_upload(name: str, raw: bytes, max_bytes: int) -> tuple[str, str]:
    """An uploaded description or Invulhulp export as (description YAML, note); refuses what is not one."""
    lower = name.lower()
    if len(raw) > max_bytes:
        raise UploadError(name, f"the file is larger than {max_bytes // 1024} KB", "Upload a description or export.")
    if not lower.endswith((".yaml", ".yml", ".json")):
        raise UploadError(name, "only .yaml, .yml and .json files are accepted", "Upload a description or export.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError(name, "the file is not UTF-8 text", "Save it as UTF-8 and upload it again.") from None
    if "\x00" in text:
        raise UploadError(name, "the file contains NUL bytes", "Upload a text file.")
    if not lower.endswith(".json"):
        load_text(text, name)  # the safe loader, its limits on size, depth and aliases included
        return text, "upload"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UploadError(
            name, f"not valid JSON (line {err.lineno}: {err.msg})", "Upload the file as exported."
        ) from None
    if isinstance(data, dict) and "schema_version" in data and "project" in data:
        loaded = load_text(text, name, json_input=True)
        return dump_yaml(loaded.data()), "upload-json"
    from pbd.invulhulp.mapping import description_yaml, import_export
    from pbd.invulhulp.reader import parse_export

    imported = import_export(parse_export(data, name))
    return description_yaml(imported), "invulhulp"


def restore(dossier: Dossier, number: int, author: User) -> Version:
    """Restore version ``number`` as a new version (history is never rewritten)."""
    old = Version.objects.get(dossier=dossier, number=number)
    return add_version(dossier, old.text, author, f"restore {number}", restored_from=number)


# -- per-field diff ---------------------------------------------------------------------------------


def flatten(data: Any, path: str = "$") -> dict[str, Any]:
    """Every leaf of description data by JSON path (``$.processings[0].purposes[1]``); empty lists/maps are leaves."""
    out: dict[str, Any] = {}
    if isinstance(data, dict) and data:
        for key, value in data.items():
            out.update(flatten(value, f"{path}.{key}"))
    elif isinstance(data, list) and data:
        for i, value in enumerate(data):
            out.update(flatten(value, f"{path}[{i}]"))
    else:
        out[path] = data
    return out


@dataclass(frozen=True, slots=True)
class FieldChange:
    path: str
    change: str  # added | removed | changed
    old: str
    new: str


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def data_of(dossier: Dossier, version: Version) -> dict[str, Any]:
    try:
        return load(dossier, version).data()
    except DescriptionError:  # pragma: no cover - a version is validated before it is saved
        return {}


def diff(dossier: Dossier, old: Version, new: Version) -> list[FieldChange]:
    """What changed, field by field, from ``old`` to ``new`` (normalised data: a reformatted file shows no change)."""
    a, b = flatten(data_of(dossier, old)), flatten(data_of(dossier, new))
    changes = []
    for path in sorted(set(a) | set(b), key=_path_key):
        if path not in a:
            changes.append(FieldChange(path, "added", "", _show(b[path])))
        elif path not in b:
            changes.append(FieldChange(path, "removed", _show(a[path]), ""))
        elif a[path] != b[path]:
            changes.append(FieldChange(path, "changed", _show(a[path]), _show(b[path])))
    return changes


def _path_key(path: str) -> list[Any]:
    """Sort paths as the document is ordered: list indices numerically."""
    return [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", path) if p]


# -- sign-off -------------------------------------------------------------------------------------


def _without_signoff_blocks(data: dict[str, Any]) -> dict[str, Any]:
    copy = json.loads(json.dumps(data))
    for outer, inner in SIGNOFF_BLOCKS:
        if isinstance(copy.get(outer), dict):
            copy[outer].pop(inner, None)
    return copy  # type: ignore[no-any-return]


def is_current(signoff: SignOff, latest: Version) -> bool:
    """A sign-off holds while the latest version says what the signed one said (the sign-off's own blocks aside)."""
    if latest.pk == signoff.version_id or latest.sha256 == signoff.description_sha256:
        return True
    dossier = signoff.dossier
    return _without_signoff_blocks(data_of(dossier, signoff.version)) == _without_signoff_blocks(
        data_of(dossier, latest)
    )


def sign(
    dossier: Dossier, version: Version, kind: str, author: User, text: str, outcome: str, ip: str | None
) -> SignOff:
    """Record the FG's advice or the controller's decision on ``version``, pinned by hashes, and audit it."""
    kb = knowledge_base()
    with transaction.atomic():
        signoff = SignOff(
            dossier=dossier,
            version=version,
            kind=kind,
            outcome=outcome,
            text=text,
            description_sha256=version.sha256,
            kb_version=kb.version,
            kb_sha256=kb.sha256,
            pbd_version=__version__,
            author=author,
        )
        signoff.save()
        AuditEvent.objects.create(
            kind=AuditKind.SIGN_OFF,
            user=author,
            username=author.username,
            dossier=dossier,
            ip=ip,
            detail={"kind": str(kind), "version": version.number, "sha256": version.sha256, "outcome": outcome},
        )
    return signoff


def with_signoff_block(dossier: Dossier, signoff: SignOff, lang: str) -> str:
    """The latest text with the sign-off written into the description (``project.dpo_advice`` or ``project.decision``).

    Edited as a round-trip YAML tree, so the comments and key order of the file are kept.
    """
    from ruamel.yaml.comments import CommentedMap

    from pbd.questionnaire.document import _yaml_for

    latest = dossier.latest()
    y = _yaml_for(latest.text)
    tree = y.load(latest.text)
    project = tree.setdefault("project", CommentedMap())
    date = signoff.created_at.date()
    ref = f"dossier {dossier.slug} v{signoff.version.number} (sha256 {signoff.description_sha256[:12]})"
    if signoff.kind == SignOffKind.FG_ADVICE:
        block = project.get("dpo_advice") or CommentedMap()
        block["date"] = date
        block["summary"] = signoff.text
        block["version"] = ref
        project["dpo_advice"] = block
    else:
        block = project.get("decision") or CommentedMap()
        block["date"] = date
        if signoff.outcome:
            block["outcome"] = signoff.outcome
        block["version"] = ref
        project["decision"] = block
    out = io.StringIO()
    y.dump(tree, out)
    return out.getvalue()

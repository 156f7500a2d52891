"""Backup and restore of one tenant: its users, dossiers, members, versions, comments, sign-offs and audit log.

The backup is deterministic JSON (sorted keys, rows in a fixed order, times in UTC) that names rows
by what they are in the tenant — a user by user name, a dossier by its short name, a version by its
number, a comment by its place in the dossier — never by database ids, so a restore into another
database and a second backup give the same bytes. Password hashes (Argon2) are kept, so accounts log
in after a restore; an account without a usable password is written as ``null``. A user's
organisation-level rights (``fg``, ``privacy_officer``; ``admin`` is ``is_superuser``) and single sign-on
identities (issuer and ``sub``, :class:`~pbd.web.models.OidcIdentity`) travel along, so a provider's user
finds their own account, memberships and rights again after a restore. The file holds
personal data and those hashes: it is written atomically with mode 0600 (for a new file).

A restore refuses an organisation whose short name exists already and user names that exist already
(user names are unique over the installation), and an identity (issuer, ``sub``) another account
has already: one line, nothing written. Version 1 files (before identities and rights) are read as
having none.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from django.db import transaction

from pbd.atomic import write_atomic
from pbd.errors import PbdError
from pbd.web import rights
from pbd.web.models import (
    AuditEvent,
    Comment,
    Dossier,
    Membership,
    OidcIdentity,
    Organisation,
    SignOff,
    User,
    Version,
)

FORMAT = "pbd-tenant-backup"
FORMAT_VERSION = 2
#: the versions this pbd restores: 1 had no identities and rights
READS = (1, 2)

_USER_FIELDS = ("email", "first_name", "last_name", "is_active", "is_staff", "is_superuser", "lang")


def _time(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


def _parse(value: Any, where: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise PbdError(where, f"not a date and time: {value!r}", "Use a file written by 'pbd tenant backup'.") from None
    if parsed.tzinfo is None:
        raise PbdError(where, f"a time without a time zone: {value!r}", "Use a file written by 'pbd tenant backup'.")
    return parsed


def dump(org: Organisation) -> dict[str, Any]:
    """The tenant ``org`` as plain data (see the module's docstring)."""
    users = {u.pk: u for u in User.objects.filter(organisation=org).order_by("username")}

    def name(user_id: int | None) -> str | None:
        user = users.get(user_id) if user_id is not None else None
        return str(user.username) if user is not None else None

    out_users = []
    for u in users.values():
        row: dict[str, Any] = {"username": u.username, **{f: getattr(u, f) for f in _USER_FIELDS}}
        row["password"] = u.password if u.has_usable_password() else None
        row["date_joined"] = _time(u.date_joined)
        row["last_login"] = _time(u.last_login)
        row["rights"] = sorted(rights.rights_of(u) - {"admin"})  # admin is is_superuser, above
        row["oidc"] = [
            {
                "issuer": i.issuer,
                "sub": i.sub,
                "created_at": _time(i.created_at),
                "last_login_at": _time(i.last_login_at),
            }
            for i in OidcIdentity.objects.filter(user=u).order_by("issuer", "sub")
        ]
        out_users.append(row)

    dossiers = list(Dossier.objects.filter(organisation=org).order_by("slug"))
    slugs = {d.pk: d.slug for d in dossiers}
    out_dossiers = []
    for d in dossiers:
        comments = list(Comment.objects.filter(dossier=d).order_by("created_at", "pk"))
        place = {c.pk: i for i, c in enumerate(comments, start=1)}
        out_dossiers.append(
            {
                "slug": d.slug,
                "title": d.title,
                "created_at": _time(d.created_at),
                "created_by": name(d.created_by_id),
                "members": [
                    {"user": name(m.user_id), "role": m.role, "created_at": _time(m.created_at)}
                    for m in Membership.objects.filter(dossier=d, user_id__in=users).order_by("user__username")
                ],
                "versions": [
                    {
                        "number": v.number,
                        "text": v.text,
                        "sha256": v.sha256,
                        "author": name(v.author_id),
                        "created_at": _time(v.created_at),
                        "note": v.note,
                        "restored_from": v.restored_from,
                    }
                    for v in Version.objects.filter(dossier=d).order_by("number")
                ],
                "comments": [
                    {
                        "place": place[c.pk],
                        "parent": place.get(c.parent_id) if c.parent_id is not None else None,
                        "version_number": c.version_number,
                        "target_kind": c.target_kind,
                        "target": c.target,
                        "author": name(c.author_id),
                        "text": c.text,
                        "created_at": _time(c.created_at),
                        "resolved_at": _time(c.resolved_at),
                        "resolved_by": name(c.resolved_by_id),
                    }
                    for c in comments
                ],
                "signoffs": [
                    {
                        "version": s.version.number,
                        "kind": s.kind,
                        "outcome": s.outcome,
                        "text": s.text,
                        "description_sha256": s.description_sha256,
                        "kb_version": s.kb_version,
                        "kb_sha256": s.kb_sha256,
                        "pbd_version": s.pbd_version,
                        "author": name(s.author_id),
                        "created_at": _time(s.created_at),
                    }
                    for s in SignOff.objects.filter(dossier=d).select_related("version").order_by("created_at", "pk")
                ],
            }
        )
    audit = [
        {
            "kind": e.kind,
            "user": name(e.user_id),
            "username": e.username,
            "dossier": slugs.get(e.dossier_id) if e.dossier_id is not None else None,
            "ip": e.ip,
            "detail": e.detail,
            "created_at": _time(e.created_at),
        }
        for e in AuditEvent.objects.filter(organisation=org).order_by("created_at", "pk")
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "organisation": {
            "slug": org.slug,
            "name": org.name,
            "profile": org.profile,
            "profile_files": org.profile_files or {},
            "created_at": _time(org.created_at),
        },
        "users": out_users,
        "dossiers": out_dossiers,
        "audit": audit,
    }


def dumps(org: Organisation) -> str:
    """The backup's text: the same tenant gives the same bytes."""
    return json.dumps(dump(org), sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write(org: Organisation, path: Path) -> int:
    """Write the backup of ``org`` to ``path`` atomically (a new file gets mode 0600); the number of bytes."""
    text = dumps(org)
    old = os.umask(0o077)
    try:
        write_atomic(path, text)
    finally:
        os.umask(old)
    return len(text.encode("utf-8"))


def read(path: Path) -> dict[str, Any]:
    """A backup file's data; a file that is not one is a one-line error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise PbdError(str(path), f"cannot read ({err.strerror})", "Check the path.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise PbdError(str(path), f"not JSON ({err})", "Use a file written by 'pbd tenant backup'.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PbdError(str(path), "not a tenant backup", "Use a file written by 'pbd tenant backup'.")
    if data.get("format_version") not in READS:
        raise PbdError(
            str(path),
            f"backup format version {data.get('format_version')!r}; this pbd reads versions "
            f"{', '.join(map(str, READS))}",
            "Restore it with the pbd version that wrote it.",
        )
    return data


def restore(data: dict[str, Any], where: str) -> Organisation:
    """Create the tenant of a backup in this database; refuses a tenant or user names that exist already."""
    try:
        with transaction.atomic():
            return _restore(data, where)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise PbdError(
            where, f"the backup is incomplete or damaged ({type(err).__name__}: {err})", "Use an unchanged backup file."
        ) from None


def _restore(data: dict[str, Any], where: str) -> Organisation:
    o = data["organisation"]
    slug = str(o["slug"])
    if Organisation.objects.filter(slug=slug).exists():
        raise PbdError(
            where,
            f"organisation '{slug}' exists already in this database",
            "A restore never overwrites a tenant: restore into a database without it.",
        )
    names = [str(u["username"]) for u in data["users"]]
    taken = sorted(User.objects.filter(username__in=names).values_list("username", flat=True))
    if taken:
        raise PbdError(
            where,
            f"user name(s) {', '.join(taken)} exist already in this database (user names are unique per installation)",
            "Restore into a database without these accounts.",
        )
    identities = [(str(i["issuer"]), str(i["sub"])) for u in data["users"] for i in u.get("oidc") or []]
    if len(set(identities)) != len(identities):
        raise ValueError("one single sign-on identity is given to two accounts")
    linked = sorted(
        f"{issuer} {sub}" for issuer, sub in identities if OidcIdentity.objects.filter(issuer=issuer, sub=sub).exists()
    )
    if linked:
        raise PbdError(
            where,
            f"single sign-on identit(ies) {', '.join(linked)} belong to an account of this database already",
            "Restore into a database where these provider accounts do not log in yet.",
        )
    org: Organisation = Organisation.objects.create(
        slug=slug, name=o["name"], profile=o.get("profile", ""), profile_files=dict(o.get("profile_files") or {})
    )
    Organisation.objects.filter(pk=org.pk).update(created_at=_parse(o["created_at"], where))
    users: dict[str, User] = {}
    for u in data["users"]:
        user = User(username=u["username"], organisation=org, **{f: u[f] for f in _USER_FIELDS})
        if u["password"] is None:
            user.set_unusable_password()
        else:
            user.password = u["password"]
        user.date_joined = _parse(u["date_joined"], where)
        user.last_login = _parse(u["last_login"], where)
        user.save()
        users[user.username] = user
        unknown = sorted(set(u.get("rights") or []) - set(rights.GROUP_RIGHTS))
        if unknown:
            raise ValueError(f"user {user.username}: unknown right(s) {', '.join(unknown)}")
        rights.sync_rights(user, frozenset(u.get("rights") or []) | ({"admin"} if user.is_superuser else set()))
        for i in u.get("oidc") or []:
            identity = OidcIdentity.objects.create(
                user=user, issuer=i["issuer"], sub=i["sub"], last_login_at=_parse(i["last_login_at"], where)
            )
            OidcIdentity.objects.filter(pk=identity.pk).update(created_at=_parse(i["created_at"], where))

    def who(username: str | None) -> User | None:
        return users.get(username) if username is not None else None

    dossiers: dict[str, Dossier] = {}
    for d in data["dossiers"]:
        dossier = Dossier.objects.create(
            organisation=org, slug=d["slug"], title=d["title"], created_by=who(d["created_by"])
        )
        Dossier.objects.filter(pk=dossier.pk).update(created_at=_parse(d["created_at"], where))
        dossiers[dossier.slug] = dossier
        for m in d["members"]:
            member = who(m["user"])
            if member is None:
                raise ValueError(f"dossier {d['slug']}: member {m['user']!r} is not a user of the backup")
            row = Membership.objects.create(dossier=dossier, user=member, role=m["role"])
            Membership.objects.filter(pk=row.pk).update(created_at=_parse(m["created_at"], where))
        versions: dict[int, Version] = {}
        for v in d["versions"]:
            version = Version(
                dossier=dossier,
                number=v["number"],
                text=v["text"],
                author=who(v["author"]),
                note=v["note"],
                restored_from=v["restored_from"],
            )
            version.save()
            if version.sha256 != v["sha256"]:
                raise PbdError(
                    where,
                    f"dossier {d['slug']} version {v['number']}: the text does not match its sha256",
                    "The backup was changed; use the unchanged file.",
                )
            Version.objects.filter(pk=version.pk).update(created_at=_parse(v["created_at"], where))
            versions[version.number] = version
        placed: dict[int, Comment] = {}
        for c in d["comments"]:
            comment = Comment.objects.create(
                dossier=dossier,
                version_number=c["version_number"],
                target_kind=c["target_kind"],
                target=c["target"],
                parent=placed[c["parent"]] if c["parent"] is not None else None,
                author=who(c["author"]),
                text=c["text"],
                resolved_at=_parse(c["resolved_at"], where),
                resolved_by=who(c["resolved_by"]),
            )
            Comment.objects.filter(pk=comment.pk).update(created_at=_parse(c["created_at"], where))
            placed[int(c["place"])] = comment
        for s in d["signoffs"]:
            signoff = SignOff(
                dossier=dossier,
                version=versions[s["version"]],
                kind=s["kind"],
                outcome=s["outcome"],
                text=s["text"],
                description_sha256=s["description_sha256"],
                kb_version=s["kb_version"],
                kb_sha256=s["kb_sha256"],
                pbd_version=s["pbd_version"],
                author=who(s["author"]),
            )
            signoff.save()
            SignOff.objects.filter(pk=signoff.pk).update(created_at=_parse(s["created_at"], where))
    for e in data["audit"]:
        event = AuditEvent(
            kind=e["kind"],
            user=who(e["user"]),
            username=e["username"],
            dossier=dossiers[e["dossier"]] if e["dossier"] is not None else None,
            organisation=org,
            ip=e["ip"],
            detail=e["detail"],
        )
        event.save()
        AuditEvent.objects.filter(pk=event.pk).update(created_at=_parse(e["created_at"], where))
    org.refresh_from_db()  # the times were set with update(), behind the object in memory
    return org

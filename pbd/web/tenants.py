"""Tenants of the team server: organisations, each with its own users, dossiers, profile and audit log.

Isolation lives in the queries: :mod:`pbd.web.access` filters every dossier lookup by the user's
organisation as well as membership, the member form finds only accounts of the dossier's own
organisation, and the administrator's pages (accounts, audit log) show their own organisation only.
The embedded mode has one organisation, ``default``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.db.models import Q

from pbd.errors import PbdError
from pbd.web.models import AuditEvent, Organisation

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def check_slug(slug: str, where: str = "") -> str:
    """``slug`` when it can name an organisation (lower-case letters, digits, hyphens); else a one-line error."""
    if not SLUG.match(slug):
        raise PbdError(
            where or f"--org {slug}",
            "an organisation's short name has lower-case letters, digits and hyphens only (at most 80)",
            "For example: --org utrecht or --org gemeente-den-bosch.",
        )
    return slug


def get(slug: str) -> Organisation:
    """The organisation with this short name; a one-line error naming the ones there are when it does not exist."""
    found: Organisation | None = Organisation.objects.filter(slug=check_slug(slug)).first()
    if found is None:
        there = ", ".join(Organisation.objects.order_by("slug").values_list("slug", flat=True)) or "none"
        raise PbdError(f"--org {slug}", f"no such organisation (there are: {there})", "Give one of these.")
    return found


def create(slug: str, name: str, profile: str = "") -> Organisation:
    """A new organisation; refuses a short name that is taken and a profile that cannot be used (read and
    applied first, then stored as content: :mod:`pbd.web.profiles`)."""
    from pbd.web.profiles import bundle_from_file

    where = f"pbd tenant create {slug}"
    if Organisation.objects.filter(slug=check_slug(slug, where)).exists():
        raise PbdError(where, "this organisation exists already", "Choose another short name.")
    files = bundle_from_file(profile) if profile else {}
    org: Organisation = Organisation.objects.create(
        slug=slug, name=name or slug, profile=Path(profile).name if profile else "", profile_files=files
    )
    return org


def create_admin(org: Organisation, email: str) -> tuple[str, str]:
    """The organisation's administrator (accounts, audit log): user name ``email``, a one-time password (shown once)."""
    import secrets

    from pbd.web.models import AuditKind, User

    username = email.strip().lower()
    where = f"--admin-email {email}"
    if "@" not in username or len(username) > 150:
        raise PbdError(where, "not an email address", "Give the administrator's work address, e.g. fg@utrecht.nl.")
    if User.objects.filter(username=username).exists():
        raise PbdError(where, "this user name exists already (user names are unique per installation)", "Give another.")
    password = secrets.token_urlsafe(15)
    user = User.objects.create_superuser(username=username, email=username, password=password, organisation=org)
    AuditEvent.objects.create(kind=AuditKind.ADMIN_CREATED, user=user, username=username, detail={"tenant": org.slug})
    return username, password


def set_profile(org: Organisation, profile: str | None) -> Organisation:
    """Store the profile at ``profile`` (read and applied first) for ``org``, or none (``None``)."""
    from pbd.web.profiles import bundle_from_file

    files = bundle_from_file(profile) if profile else {}
    org.profile, org.profile_files = (Path(profile).name if profile else ""), files
    org.save(update_fields=["profile", "profile_files"])
    return org


def audit_events(org: Organisation | None) -> Any:
    """The audit log of ``org``, newest first. Failed logins with a user name no organisation has belong
    to no tenant; the installation's own organisation (``default``) sees them."""
    where = Q(organisation=org)
    if org is None or org.slug == Organisation.DEFAULT_SLUG:
        where |= Q(organisation__isnull=True)
    return AuditEvent.objects.filter(where).select_related("user", "dossier")

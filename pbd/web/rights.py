"""Organisation-level rights (issue #16) and what they decide in a dossier.

Three rights, :data:`pbd.web.config.OIDC_RIGHTS`: ``admin`` (``User.is_superuser``), ``fg`` and
``privacy_officer`` (Django groups of the same name). A provider's account (one with an
:class:`~pbd.web.models.OidcIdentity`) gets them from the roles claim at every login and re-check
(:mod:`pbd.web.oidc`); a local account gets ``fg`` and ``privacy_officer`` from the organisation's
administrator on the accounts page (:func:`grant`). Every change is an audit event of kind
``role_change`` with ``detail.scope = "organisation"``.

What they decide:

- the dossier roles FG and privacy officer are given only to a user who holds the right of the same
  name (:func:`may_take_role`): the FG is appointed by the organisation (AVG art. 37), not by whoever
  owns a dossier;
- the FG's advice (AVG art. 35(2)) is signed only while the signer still holds ``fg``
  (:func:`has_right`, read from the database at the moment of signing): a right withdrawn at the
  provider or by the administrator stops a sign-off, even in a session that began before;
- a provider's account never logs in with a local password (:class:`LocalBackend`) and is never
  given one (the accounts page refuses): the provider decides who it is.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group

from pbd.web.config import OIDC_RIGHTS
from pbd.web.models import AuditEvent, AuditKind, OidcIdentity, Role, User

#: the rights kept as Django groups of the same name; ``admin`` is ``User.is_superuser``
GROUP_RIGHTS: tuple[str, ...] = tuple(right for right in OIDC_RIGHTS if right != "admin")
#: the rights an organisation administrator grants to a local account on the accounts page
GRANTABLE: tuple[str, ...] = ("fg", "privacy_officer")
#: the dossier role that needs an organisation-level right, and that right
ROLE_RIGHT: dict[str, str] = {Role.FG: "fg", Role.PRIVACY_OFFICER: "privacy_officer"}


def rights_of(user: User) -> set[str]:
    """The organisation-level rights the user has now (read from the database)."""
    rights = {"admin"} if user.is_superuser else set()
    rights.update(Group.objects.filter(user__pk=user.pk, name__in=GROUP_RIGHTS).values_list("name", flat=True))
    return rights


def has_right(user: Any, right: str) -> bool:
    """Whether ``user`` holds ``right`` now: a fresh query, never what the session or the object remembers."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if right == "admin":
        return bool(User.objects.filter(pk=user.pk, is_superuser=True, is_active=True).exists())
    return bool(Group.objects.filter(user__pk=user.pk, user__is_active=True, name=right).exists())


def needed_right(role: str | None) -> str | None:
    """The organisation-level right a dossier role needs, or ``None``."""
    return ROLE_RIGHT.get(str(role)) if role is not None else None


def may_take_role(user: User, role: str | None) -> bool:
    """Whether ``user`` may be given dossier role ``role`` (FG and privacy officer need the right of that name)."""
    right = needed_right(role)
    return right is None or has_right(user, right)


def is_provider_account(user: Any) -> bool:
    """Whether the account logs in through the identity provider (it has an OpenID Connect identity)."""
    return user is not None and user.pk is not None and OidcIdentity.objects.filter(user_id=user.pk).exists()


def sync_rights(user: User, wanted: frozenset[str]) -> tuple[list[str], list[str]]:
    """Give the user exactly ``wanted``; returns the rights (added, removed). Not audited: the caller logs."""
    have = rights_of(user)
    added, removed = sorted(wanted - have), sorted(have - wanted)
    if ("admin" in added) or ("admin" in removed):
        user.is_superuser = "admin" in wanted
        user.save(update_fields=["is_superuser"])
    for right in added:
        if right in GROUP_RIGHTS:
            group, _ = Group.objects.get_or_create(name=right)
            user.groups.add(group)
    gone = [right for right in removed if right in GROUP_RIGHTS]
    if gone:
        user.groups.remove(*Group.objects.filter(name__in=gone))
    return added, removed


class ProviderAccountError(Exception):
    """A local change (a password, a right) was asked for an account whose provider decides it."""


def grant(user: User, wanted: set[str] | frozenset[str], *, by: User, ip: str | None) -> tuple[list[str], list[str]]:
    """The administrator ``by`` sets the grantable rights of a local account to ``wanted``; audited.

    ``admin`` is kept as it is (it is not granted here). A provider's account raises
    :class:`ProviderAccountError`: its rights come from the roles claim and would be overwritten at its
    next login, so a local change would only look like one.
    """
    if is_provider_account(user):
        raise ProviderAccountError(user.username)
    keep = rights_of(user) - set(GRANTABLE)
    added, removed = sync_rights(user, frozenset(keep | (set(wanted) & set(GRANTABLE))))
    if added or removed:
        AuditEvent.objects.create(
            kind=AuditKind.ROLE_CHANGE,
            user=by,
            username=by.username,
            organisation_id=user.organisation_id,
            ip=ip,
            detail={
                "method": "local",
                "scope": "organisation",
                "member": user.username,
                "added": added,
                "removed": removed,
            },
        )
    return added, removed


class LocalBackend(ModelBackend):
    """Django's user name and password login, refused for a provider's account even when a password hash exists
    (one restored from a backup, or set before the account was linked): the provider logs such an account in."""

    def user_can_authenticate(self, user: Any) -> bool:
        return bool(super().user_can_authenticate(user)) and not is_provider_account(user)

"""Who may see and do what in a dossier: every dossier view goes through :func:`member_of`.

Not a member → 404 (a dossier's existence is not disclosed); a member without the role → 403;
anonymous → the login page (``login_required``). Tenants: every lookup also filters by the user's
organisation, so a membership across tenants (which the application never makes, but a database
edit could) still gives 404 — tests/web/test_tenants.py tries every URL that way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from pbd.web.models import AuditEvent, Dossier, Membership, User
from pbd.web.security import client_ip

View = Callable[..., HttpResponse]


def request_lang(request: HttpRequest) -> str:
    """The request's language (``nl``/``en``), set by the language middleware; ``nl`` without it."""
    return str(getattr(request, "lang", "nl"))


def request_user(request: HttpRequest) -> User:
    """The logged-in user of a view behind ``login_required`` (or :func:`dossier_view`)."""
    user = request.user
    assert isinstance(user, User)
    return user


def record(request: HttpRequest, kind: str, dossier: Dossier, detail: dict[str, Any]) -> AuditEvent:
    """Append to the audit log what the request's user did to ``dossier`` (``kind``: an AuditKind), with the client's address."""
    user = request_user(request)
    event: AuditEvent = AuditEvent.objects.create(
        kind=kind, user=user, username=user.username, dossier=dossier, ip=client_ip(request), detail=detail
    )
    return event


def member_of(request: HttpRequest, pk: int) -> Membership:
    """The request user's membership of dossier ``pk``; 404 when there is none (or no such dossier)."""
    found: Membership | None = (
        Membership.objects.select_related("dossier", "dossier__organisation")
        .filter(dossier_id=pk, user_id=request.user.pk, dossier__organisation_id=_organisation_id(request))
        .first()
    )
    if found is None:
        raise Http404("no such dossier")
    return found


def dossier_view(
    roles: Iterable[str] | None = None, *, post_roles: Iterable[str] | None = None
) -> Callable[[View], View]:
    """Decorate a view ``(request, membership, **kwargs)`` of ``/d/<pk>/…``: login, membership, role.

    ``roles``: who may use the view at all (default every member); ``post_roles``: who may POST to it
    (default: the same as ``roles``).
    """
    allowed = frozenset(roles) if roles is not None else None
    allowed_post = frozenset(post_roles) if post_roles is not None else allowed

    def wrap(view: View) -> View:
        @login_required
        @wraps(view)
        def inner(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
            m = member_of(request, pk)
            need = allowed_post if request.method not in ("GET", "HEAD") else allowed
            if need is not None and m.role not in need:
                raise PermissionDenied("this role may not do this")
            request.membership = m
            return view(request, m, **kwargs)

        inner.dossier_roles = allowed  # read by the authorization test
        inner.dossier_post_roles = allowed_post
        result: View = inner
        return result

    return wrap


def _organisation_id(request: HttpRequest) -> int | None:
    org: int | None = getattr(request.user, "organisation_id", None)
    return org


def memberships_of(request: HttpRequest) -> Any:
    """The user's memberships of dossiers of their own organisation."""
    return Membership.objects.filter(user_id=request.user.pk, dossier__organisation_id=_organisation_id(request))


def dossiers_of(request: HttpRequest) -> Any:
    """The dossiers of the user's organisation the user is a member of."""
    return Dossier.objects.filter(
        memberships__user_id=request.user.pk, organisation_id=_organisation_id(request)
    ).distinct()

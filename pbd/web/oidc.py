"""Single sign-on with OpenID Connect (issue #16): mozilla-django-oidc's code flow, pbd's claim mapping and audit.

Enabled by ``PBD_OIDC_ISSUER``, ``PBD_OIDC_CLIENT_ID`` and ``PBD_OIDC_CLIENT_SECRET`` (see
:func:`pbd.web.config.oidc`; the discovery document is read when the server starts). The library does
the authorization code flow with PKCE (S256), checks the state and the nonce, and verifies the ID
token's RS256 signature against the provider's JWKS; :class:`Backend` adds what it leaves out (the
token's issuer and audience, the userinfo's ``sub``) and maps the claims:

- the user is found by (issuer, ``sub``) in :class:`~pbd.web.models.OidcIdentity`, never by email;
- ``PBD_OIDC_ORG_CLAIM`` (default ``organisation``) names the tenant by its slug, or by a value
  ``PBD_OIDC_ORG_MAP`` maps to a slug (Entra ID's ``tid``); a user whose claim names no organisation of
  this server is refused with a page that says so, never put in a default;
- ``PBD_OIDC_ROLES_CLAIM`` (default ``roles``) lists roles or groups; ``PBD_OIDC_ROLE_MAP`` maps
  them to pbd's organisation-level rights (:data:`pbd.web.config.OIDC_RIGHTS`), re-synced on every
  login, and within a session every ``PBD_OIDC_RECHECK_SECONDS`` (900) by a silent check at the
  provider (:class:`SessionRefresh`), so a role taken away there is taken away here. What the rights
  decide (the FG and privacy officer roles of a dossier, the FG's sign-off) is :mod:`pbd.web.rights`.

Logins, refusals and right changes go to the audit log as local ones do (``detail.method = "oidc"``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.middleware import SessionRefresh as _SessionRefresh
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from pbd.messages import t
from pbd.web.config import OidcConfig
from pbd.web.models import AuditEvent, AuditKind, OidcIdentity, Organisation, User
from pbd.web.rights import sync_rights
from pbd.web.security import client_ip

LOGGER = logging.getLogger(__name__)

_USERNAME_CHARS = re.compile(r"[^\w.@+-]")
_REFUSAL = "pbd_oidc_refusal"


def config() -> OidcConfig:
    cfg: OidcConfig = settings.OIDC
    return cfg


@dataclass(frozen=True)
class Refusal:
    """Why a login through the provider was refused: a message id of ``web.oidc.*`` and what the audit log keeps."""

    reason: str
    status: int = 403
    value: str = ""
    subject: str = ""
    email: str = ""


def _refuse(request: HttpRequest, refusal: Refusal) -> None:
    setattr(request, _REFUSAL, refusal)


def claim_values(value: Any) -> list[str]:
    """A roles or groups claim as a list of strings: a JSON list, or one string with spaces or commas."""
    if isinstance(value, str):
        return [part for part in re.split(r"[\s,]+", value) if part]
    if isinstance(value, list | tuple):
        return [str(item) for item in value if isinstance(item, str | int)]
    return []


def _unique_username(claims: dict[str, Any]) -> str:
    base = str(claims.get("preferred_username") or claims.get("email") or claims["sub"]).strip().lower()
    base = _USERNAME_CHARS.sub("-", base)[:140] or "oidc"
    name, n = base, 1
    while User.objects.filter(username__iexact=name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


def _first_login(cfg: OidcConfig, sub: str, org: Organisation, claims: dict[str, Any]) -> OidcIdentity:
    """A new account for a first login; when a parallel first login of the same person won, that one's."""
    try:
        with transaction.atomic():
            new = User(username=_unique_username(claims), organisation=org)
            new.set_unusable_password()  # never a local password: the provider logs this account in (rights.LocalBackend)
            new.save()
            created: OidcIdentity = OidcIdentity.objects.create(user=new, issuer=cfg.issuer, sub=sub)
            return created
    except IntegrityError:  # the (issuer, sub) constraint, or the user name taken meanwhile
        found: OidcIdentity | None = (
            OidcIdentity.objects.select_related("user").filter(issuer=cfg.issuer, sub=sub).first()
        )
        if found is None:
            raise
        return found


class Backend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with pbd's checks and claim mapping; it takes part only in the OIDC callback."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        if request is None or "nonce" not in kwargs:  # a local login form post, not the provider's callback
            return None
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The library checks signature, expiry and nonce; the issuer and the audience are checked here (Core §3.1.3.7)."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        cfg = config()
        if str(payload.get("iss", "")).rstrip("/") != cfg.issuer:
            raise SuspiciousOperation(f"ID token issuer {payload.get('iss')!r} is not {cfg.issuer!r}")
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        if cfg.client_id not in audiences:
            raise SuspiciousOperation("ID token audience does not include this client")
        if len(audiences) > 1 and payload.get("azp") != cfg.client_id:
            raise SuspiciousOperation("ID token has several audiences and azp is not this client")
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User | None:
        info: dict[str, Any] = self.get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):  # Core §5.3.2: the userinfo must be about the token's subject
            raise SuspiciousOperation("userinfo sub differs from the ID token's sub")
        claims = {**payload, **info}  # Entra ID puts roles and groups in the ID token only
        return self.map_user(claims)

    def map_user(self, claims: dict[str, Any]) -> User | None:
        """Find or create the user of ``claims`` in its organisation and sync its rights; ``None`` when refused."""
        cfg = config()
        request: HttpRequest = self.request
        sub = str(claims.get("sub") or "")
        email = str(claims.get("email") or "")
        if not sub:
            raise SuspiciousOperation("no sub claim")
        named = claims.get(cfg.org_claim)
        if not isinstance(named, str) or not named.strip():
            _refuse(request, Refusal("no_organisation", subject=sub, email=email))
            return None
        slug = cfg.organisation_slug(named.strip())
        org = Organisation.objects.filter(slug=slug).first() if slug else None
        if org is None:
            _refuse(request, Refusal("unknown_organisation", value=named.strip()[:200], subject=sub, email=email))
            return None
        with transaction.atomic():
            identity = (
                OidcIdentity.objects.select_for_update()
                .select_related("user")
                .filter(issuer=cfg.issuer, sub=sub)
                .first()
            )
            if identity is None:
                identity = _first_login(cfg, sub, org, claims)
            user: User = identity.user
            if user.organisation_id != org.pk:
                # moving a person between tenants is an administrator's decision, not a claim's
                _refuse(request, Refusal("organisation_changed", value=named.strip()[:200], subject=sub, email=email))
                return None
            if not user.is_active:
                _refuse(request, Refusal("inactive", subject=sub, email=email))
                return None
            user.email = email[:254]
            user.first_name = str(claims.get("given_name") or "")[:150]
            user.last_name = str(claims.get("family_name") or "")[:150]
            if not (user.first_name or user.last_name) and claims.get("name"):
                user.first_name = str(claims["name"])[:150]
            user.save(update_fields=["email", "first_name", "last_name"])
            identity.last_login_at = timezone.now()
            identity.save(update_fields=["last_login_at"])
            wanted = cfg.rights_of(claim_values(claims.get(cfg.roles_claim)))
            added, removed = sync_rights(user, wanted)
            if added or removed:
                AuditEvent.objects.create(
                    kind=AuditKind.ROLE_CHANGE,
                    user=user,
                    username=user.username,
                    ip=client_ip(request),
                    detail={"method": "oidc", "scope": "organisation", "added": added, "removed": removed},
                )
        return user


class Callback(OIDCAuthenticationCallbackView):
    """The provider's redirect back: the library's checks, then pbd's audit and a clear page for every refusal."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation as err:  # a state not issued to this session, a bad signature, nonce or audience
            LOGGER.warning("OIDC callback refused: %s", err)
            return self._refused(Refusal("invalid", status=400), str(err)[:200])
        except requests.RequestException as err:  # the token or userinfo endpoint failed or refused the code
            LOGGER.warning("OIDC provider request failed: %s", err)
            return self._refused(Refusal("provider", status=502), type(err).__name__)
        return response

    def login_success(self) -> HttpResponse:
        current = getattr(self.request, "user", None)
        recheck = current is not None and current.is_authenticated and current.pk == self.user.pk
        response: HttpResponse = super().login_success()
        user: User = self.user
        if recheck:  # a silent re-check within the session (SessionRefresh): right changes were logged, no new login
            return response
        AuditEvent.objects.create(
            kind=AuditKind.LOGIN,
            user=user,
            username=user.username,
            ip=client_ip(self.request),
            detail={"method": "oidc", "issuer": config().issuer},
        )
        return response

    def login_failure(self) -> HttpResponse:
        refusal = getattr(self.request, _REFUSAL, None)
        if refusal is None:
            error = str(self.request.GET.get("error", ""))[:100]
            return self._refused(Refusal("failed", status=400 if not error else 403), error)
        return self._refused(refusal, "")

    def _refused(self, refusal: Refusal, why: str) -> HttpResponse:
        request = self.request
        cfg = config()
        if request.user.is_authenticated:  # a refused re-check ends the session it was checking
            auth.logout(request)
        detail: dict[str, Any] = {"method": "oidc", "reason": refusal.reason}
        if refusal.value:
            detail[cfg.org_claim if "organisation" in refusal.reason else "value"] = refusal.value
        if refusal.email:
            detail["email"] = refusal.email
        if why:
            detail["why"] = why
        AuditEvent.objects.create(
            kind=AuditKind.LOGIN_FAILED,
            username=f"oidc:{refusal.subject}"[:150] if refusal.subject else "oidc",
            ip=client_ip(request),
            detail=detail,
        )
        lang = str(getattr(request, "lang", "nl"))
        message = t(
            lang,
            f"web.oidc.{refusal.reason}",
            provider=cfg.provider_name,
            claim=cfg.org_claim,
            value=refusal.value,
        )
        return render(
            request,
            "web/error.html",
            {"code": refusal.status, "message": message},
            status=refusal.status,
        )


class SessionRefresh(_SessionRefresh):
    """After ``PBD_OIDC_RECHECK_SECONDS`` a page view of a provider's user goes by the provider (prompt=none):
    the callback re-syncs the rights, or ends the session when the provider or pbd no longer lets the user in.

    Only whole pages: an HTMX request (an autosave, a panel) is never redirected away; the next page is.
    """

    @cached_property
    def exempt_urls(self) -> set[str]:  # the library's list names an "oidc_logout" URL pbd does not have
        return {reverse("oidc_authentication_init"), reverse("oidc_authentication_callback"), reverse("web:logout")}

    def is_refreshable_url(self, request: HttpRequest) -> bool:
        if request.headers.get("HX-Request") or request.path.startswith(settings.STATIC_URL):
            return False
        return bool(super().is_refreshable_url(request))


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context: the login button (``oidc_login.url``, ``.name``) and whether local login is off."""
    cfg = config()
    return {"oidc_login": {"url": reverse("oidc_authentication_init"), "name": cfg.provider_name, "only": cfg.only}}


urlpatterns = [
    path("oidc/aanmelden/", OIDCAuthenticationRequestView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", Callback.as_view(), name="oidc_authentication_callback"),
]

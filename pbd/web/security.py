"""Security headers (a strict Content-Security-Policy: no inline script or style), the interface language, and login throttling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from pbd.messages import LANGS

#: nothing inline, nothing from elsewhere: HTMX is a static file and reads its config from a meta tag
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and Permissions-Policy to every response; pages are never cached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(settings.STATIC_URL):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def request_lang(request: HttpRequest) -> str:
    """The interface language: the session's choice, else the user's, else Dutch."""
    chosen = request.session.get("lang") if hasattr(request, "session") else None
    if chosen in LANGS:
        return str(chosen)
    user = getattr(request, "user", None)
    lang = getattr(user, "lang", None) if user is not None and user.is_authenticated else None
    return lang if lang in LANGS else "nl"


class LanguageMiddleware:
    """Sets ``request.lang`` (nl or en) for the views and templates."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.lang = request_lang(request)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.lang)
        return response


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context for every page: the language, and the other language to switch to."""
    lang = getattr(request, "lang", "nl")
    return {"lang": lang, "other_lang": "en" if lang == "nl" else "nl"}


def client_ip(request: HttpRequest) -> str | None:
    """The peer's address. Behind a reverse proxy waitress sets it from that proxy's X-Forwarded-For, and only when
    ``PBD_TRUSTED_PROXY`` names it (:func:`pbd.web.server.proxy_settings`); no header is read here."""
    ip = request.META.get("REMOTE_ADDR")
    return str(ip) if ip else None


def login_throttled(username: str, ip: str | None) -> bool:
    """Too many failed logins for this user name from this address within the window."""
    from pbd.web.models import AuditEvent, AuditKind

    since = timezone.now() - dt.timedelta(seconds=settings.LOGIN_WINDOW_SECONDS)
    failures = AuditEvent.objects.filter(
        kind=AuditKind.LOGIN_FAILED, username=username.strip().lower(), ip=ip, created_at__gte=since
    ).count()
    return bool(failures >= settings.LOGIN_MAX_FAILURES)

"""The root URL configuration: the web dossier under the ``web`` namespace, its static files, and its error pages.

The static files (CSS, HTMX, a little JS) are this package's own few files, served by Django's
``static.serve`` (which refuses paths outside the folder); a team server behind a reverse proxy
may serve ``pbd/web/static`` itself instead.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

STATIC_DIR = Path(__file__).resolve().parent / "static"

urlpatterns: list[URLPattern | URLResolver] = [
    re_path(r"^static/(?P<path>.+)$", serve, {"document_root": str(STATIC_DIR)}, name="static"),
    path("", include("pbd.web.urls")),
]
if settings.OIDC is not None:  # single sign-on (pbd.web.oidc): /oidc/aanmelden/ and the provider's /oidc/callback/
    from pbd.web.oidc import urlpatterns as oidc_patterns

    urlpatterns += oidc_patterns


handler403 = "pbd.web.views.forbidden"
handler404 = "pbd.web.views.not_found"

"""The WSGI application that ``pbd serve`` hands to waitress (or any WSGI server on a team server)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbd.web.settings")
application = get_wsgi_application()

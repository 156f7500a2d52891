"""Django settings of the web dossier, built from the environment (the Common Ground way: Open Zaak, Open Formulieren).

``PBD_DATA``            data folder: the SQLite database, the secret key (default ``./pbd-data``)
``PBD_DATABASE_URL``    ``postgresql://USER:PASSWORD@HOST:5432/NAME`` for a team server (default: SQLite in the data folder)
``PBD_SECRET_KEY``      the signing key (default: a random key kept in the data folder)
``PBD_ALLOWED_HOSTS``   comma-separated host names (default: loopback only)
``PBD_SECURE_COOKIES``  1 (default) sends session and CSRF cookies over HTTPS only; ``pbd serve`` on loopback sets 0
``PBD_WEB_DEBUG``       1 shows Django's debug pages (never on a server others can reach)
``PBD_OIDC_*``          single sign-on with OpenID Connect (pbd.web.config.oidc, pbd.web.oidc; README "Single sign-on")
"""

from __future__ import annotations

import os

from pbd.web.config import data_dir, database, flag, oidc, secret_key

DATA_DIR = data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = flag("PBD_WEB_DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("PBD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "pbd.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pbd.web.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pbd.web.security.LanguageMiddleware",
    "pbd.web.profiles.ProfileErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pbd.web.root_urls"
WSGI_APPLICATION = "pbd.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "pbd.web.security.context",
            ],
            "builtins": ["pbd.web.templatetags.pbd_web"],
        },
    }
]

DATABASES = {"default": database(os.environ.get("PBD_DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "web.User"
#: user name and password, refused for a provider's account (pbd.web.rights); single sign-on adds its backend below
AUTHENTICATION_BACKENDS = ["pbd.web.rights.LocalBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dossiers"
LOGOUT_REDIRECT_URL = "web:login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
USE_I18N = False  # the words come from pbd.messages, one catalogue for the CLI, the reports and the web
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")

# -- security ---------------------------------------------------------------------------------
SECURE_COOKIES = flag("PBD_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the token travels in the page (a meta tag for HTMX), never read from the cookie
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600  # a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_NAME = "pbd_session"
CSRF_COOKIE_NAME = "pbd_csrf"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("PBD_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

#: the largest upload (a description YAML or an Invulhulp export) and the largest form post
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 64 * 1024
#: failed logins per user name and address within LOGIN_WINDOW_SECONDS before the login is refused for a while
LOGIN_MAX_FAILURES = 5
LOGIN_WINDOW_SECONDS = 15 * 60

# -- single sign-on (OpenID Connect, issue #16): only when PBD_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are set;
# the provider's discovery document is read here, at start. PBD_OIDC_ONLY=1 leaves local passwords out.
OIDC = oidc(os.environ)
if OIDC is not None:
    globals().update(OIDC.django_settings())
    TEMPLATES[0]["OPTIONS"]["context_processors"].append("pbd.web.oidc.context")  # type: ignore[index]
    if OIDC.recheck_seconds:  # rights re-synced within a session too: a silent check at the provider now and then
        MIDDLEWARE.insert(
            MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
            "pbd.web.oidc.SessionRefresh",
        )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}

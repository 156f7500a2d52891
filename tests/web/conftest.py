"""Fixtures of the web dossier's tests (pytest-django): settings from a temporary data folder, users, dossiers, logins.

The database is SQLite (in memory) by default. With ``PBD_WEB_TEST_BACKEND=postgresql`` and
``PBD_TEST_DATABASE_URL=postgresql://USER@HOST/NAME`` the same tests run against PostgreSQL;
``tests/web/test_postgresql.py`` reruns this folder that way when ``PBD_TEST_DATABASE_URL`` is set
(``.ci/run`` starts a PostgreSQL cluster and sets it), and says why it is skipped when it is not.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PASSWORD = "correct horse battery staple 42"

_DATA = tempfile.mkdtemp(prefix="pbd-web-test-")
os.environ["PBD_DATA"] = _DATA
os.environ.setdefault("PBD_SECRET_KEY", "test-only-not-secret-" + "x" * 40)
os.environ["PBD_SECURE_COOKIES"] = "1"
if os.environ.get("PBD_WEB_TEST_BACKEND") == "postgresql":
    url = os.environ.get("PBD_TEST_DATABASE_URL")
    if not url:
        raise pytest.UsageError("PBD_WEB_TEST_BACKEND=postgresql needs PBD_TEST_DATABASE_URL")
    os.environ["PBD_DATABASE_URL"] = url
else:
    os.environ.pop("PBD_DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "pbd.web.settings"

import django  # noqa: E402

django.setup()


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    """Argon2 is the hasher in production (tested in test_models); MD5 keeps logins in tests fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    """A local account of the default organisation; ``rights=["fg"]`` grants organisation-level rights (pbd.web.rights)."""
    from pbd.web.models import Organisation, User
    from pbd.web.rights import rights_of, sync_rights

    def make(username: str, rights: tuple[str, ...] | list[str] = (), **extra: Any) -> Any:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            organisation=Organisation.default(),
            **extra,
        )
        if rights:
            sync_rights(user, frozenset(rights_of(user) | set(rights)))
        return user

    return make


@pytest.fixture
def make_dossier(db: None) -> Callable[..., Any]:
    """A dossier owned by ``owner`` with ``text`` (default: a blank description) as version 1, and more members.

    A member made FG or privacy officer is given the organisation-level right the role needs (pbd.web.rights),
    as the members page requires; tests of a right taken away remove it afterwards."""
    from pbd.web import services
    from pbd.web.models import Membership, Organisation
    from pbd.web.rights import needed_right, rights_of, sync_rights

    def make(owner: Any, title: str = "Slimme lantaarnpalen", text: str | None = None, **members: Any) -> Any:
        org = Organisation.default()
        dossier = services.create_dossier(org.pk, title, text or services.blank_text(title, None), owner, "test")
        for role, user in members.items():
            right = needed_right(role)
            if right is not None:
                sync_rights(user, frozenset(rights_of(user) | {right}))
            Membership.objects.create(dossier=dossier, user=user, role=role)
        return dossier

    return make


@pytest.fixture
def login(client: Any) -> Callable[[Any], Any]:
    """Log a user in on the test client (through the real login view) and return the client."""

    def do(user: Any) -> Any:
        response = client.post("/login/", {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302, response.content[:500]
        return client

    return do


@pytest.fixture
def team(make_user: Callable[..., Any], make_dossier: Callable[..., Any]) -> dict[str, Any]:
    """One dossier with a member in every role, and an outsider who is in another dossier."""
    users = {role: make_user(role.replace("_", "")) for role in ("owner", "editor", "privacy_officer", "fg", "viewer")}
    outsider = make_user("outsider")
    dossier = make_dossier(
        users["owner"],
        editor=users["editor"],
        privacy_officer=users["privacy_officer"],
        fg=users["fg"],
        viewer=users["viewer"],
    )
    other = make_dossier(outsider, title="Ander project")
    return {"users": users, "outsider": outsider, "dossier": dossier, "other": other}

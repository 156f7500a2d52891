"""An organisation's municipal profile (:mod:`pbd.profiles`) in the web dossier: stored, applied, reported.

The database keeps the profile's *content*, not only the path it came from: the profile file and the
criterion files of its ``criteria_dir``, byte for byte (``Organisation.profile_files``). Why: the web
process and the workers of a team server run on other machines and in containers that do not share a
folder with the administrator's laptop; a tenant backup must carry the profile to a new installation;
and a profile edited on disk must not silently change the judgement of every dossier — a new profile is
taken in on purpose (``pbd tenant profile``). ``Organisation.profile`` keeps the file name it came from.

To load it, the files are written once per process into a private temporary folder under the same
relative names and read by :func:`pbd.profiles.load_profile`, so the web judges with exactly the profile
``pbd check --profile`` reads: the same sha256 in the result and the same JSON, byte for byte (tested).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbd.profiles import Profile, ProfileError, load_profile, profiled

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from pbd.knowledge_base import KnowledgeBase
    from pbd.web.models import Organisation

__all__ = [
    "ProfileError",
    "ProfileErrorMiddleware",
    "bundle_from_file",
    "check_all",
    "key_of",
    "knowledge_base",
    "profile_of",
]

#: the largest profile with its criteria that an organisation stores (the files are small JSON/YAML)
MAX_BUNDLE_BYTES = 2 * 1024 * 1024

_LOCK = threading.Lock()
_ROOT: list[Path] = []  # the process's private folder, made on first use
_LOADED: dict[str, Profile] = {}


def bundle_from_file(path: str | Path) -> dict[str, Any]:
    """The profile at ``path`` as stored content: ``{"main": name, "files": {relative name: text}}``.

    The profile is loaded and applied to the bundled knowledge base first, so a broken profile is refused
    here (one :class:`ProfileError` line naming the file) and never stored.
    """
    from pbd.knowledge_base import default_knowledge_base
    from pbd.profiles import apply_profile

    path = Path(path)
    profile = load_profile(path)  # ProfileError for a missing or broken file, or a broken criterion
    apply_profile(default_knowledge_base(), profile)  # ids that do not exist, a lowered legal rule …
    files = {path.name: _text(path)}
    for crit in profile.criteria:
        file = Path(crit.file)
        files[file.relative_to(path.parent).as_posix()] = _text(file)
    size = sum(len(v.encode("utf-8")) for v in files.values())
    if size > MAX_BUNDLE_BYTES:
        raise ProfileError(
            str(path), f"the profile with its criteria is {size} bytes", f"Keep it under {MAX_BUNDLE_BYTES} bytes."
        )
    return {"main": path.name, "files": dict(sorted(files.items()))}


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as err:
        raise ProfileError(str(path), f"cannot read ({err.strerror})", "Check the path.") from None
    except UnicodeDecodeError:
        raise ProfileError(str(path), "not UTF-8 text", "Save the file as UTF-8.") from None


def key_of(org: Organisation) -> str:
    """A short name for the organisation's stored profile: the sha256 of its content, or ``""`` for none."""
    bundle = org.profile_files or {}
    if not bundle:
        return ""
    return hashlib.sha256(json.dumps(bundle, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _root() -> Path:
    if not _ROOT:
        _ROOT.append(Path(tempfile.mkdtemp(prefix="pbd-profiles-")))  # private (0700), this process's own
        atexit.register(shutil.rmtree, _ROOT[0], True)
    return _ROOT[0]


def _where(org: Organisation) -> str:
    return f"organisation {org.slug}: profile {org.profile or (org.profile_files or {}).get('main', '?')}"


def profile_of(org: Organisation) -> Profile | None:
    """The organisation's profile, loaded from its stored content (once per process); None without one.

    A stored profile that no longer loads (say a knowledge base release removed a rule it switches on
    is caught by :func:`knowledge_base`) is a :class:`ProfileError` naming the organisation and file.
    """
    key = key_of(org)
    if not key:
        return None
    with _LOCK:
        found = _LOADED.get(key)
        if found is not None:
            return found
        bundle = org.profile_files
        try:
            main, files = str(bundle["main"]), dict(bundle["files"])
            folder = _root() / key[:32]
            if not folder.exists():
                tmp = Path(tempfile.mkdtemp(dir=_root()))
                for name, text in files.items():
                    target = (tmp / name).resolve()
                    if tmp.resolve() not in target.parents:
                        raise ValueError(f"file name {name!r} leaves the profile's folder")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(str(text).encode("utf-8"))
                tmp.rename(folder)
            profile = load_profile(folder / main)
        except ProfileError as err:
            raise _named(org, err) from None
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise ProfileError(
                _where(org), f"the stored profile is damaged ({err})", _FIX.format(slug=org.slug)
            ) from None
        _LOADED[key] = profile
        return profile


_FIX = "Store a corrected profile: pbd tenant profile {slug} FILE (or --none to judge without one)."


def _plain(text: str) -> str:
    """A message without this process's temporary folder in it (the names are the profile's own)."""
    return re.sub(re.escape(str(_root())) + r"/[^/]+/", "", text)


def _named(org: Organisation, err: ProfileError) -> ProfileError:
    """``err`` of a stored profile, said of the organisation and the profile's own file names."""
    return ProfileError(
        f"organisation {org.slug}: profile {_plain(err.where)}", _plain(err.what), _FIX.format(slug=org.slug)
    )


def knowledge_base(org: Organisation | None) -> KnowledgeBase:
    """The bundled knowledge base with ``org``'s profile applied (as ``pbd check --profile`` does)."""
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    if org is None:
        return kb
    profile = profile_of(org)
    try:
        return profiled(kb, profile)
    except ProfileError as err:
        raise _named(org, err) from None


def check_all() -> str:
    """``pbd serve --check``: every organisation's profile loads and applies; a line saying how many have one."""
    from pbd.web.models import Organisation

    n = 0
    for org in Organisation.objects.order_by("slug"):
        if key_of(org):
            knowledge_base(org)
            n += 1
        elif org.profile:  # a file name recorded but no content (an organisation from before profiles were stored)
            raise ProfileError(_where(org), "the profile's content is not stored", _FIX.format(slug=org.slug))
    return f"profiles: ok ({n} organisation(s) with a profile)"


class ProfileErrorMiddleware:
    """A dossier of an organisation whose profile cannot be used: a page that says so (503), never a 500.

    Nothing is judged without the profile: a judgement without it would look like the municipality's
    own and be wrong. The administrator fixes it with ``pbd tenant profile``.
    """

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ProfileError):
            return None
        from django.template.response import TemplateResponse

        from pbd.messages import t

        lang = str(getattr(request, "lang", "nl"))
        response = TemplateResponse(
            request,
            "web/profile_error.html",
            {
                "title": t(lang, "web.profile_error.title"),
                "lead": t(lang, "web.profile_error.lead"),
                "line": f"{exception.where}: {exception.what}. {exception.fix}",
            },
            status=503,
        )
        response.render()
        return response

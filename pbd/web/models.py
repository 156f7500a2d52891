"""What the web dossier stores: organisations, users, dossiers with their members, versions, comments, sign-offs, audit.

A dossier's description lives in its versions: each version keeps the description's YAML text
exactly as the CLI reads it, with its sha256, so the dossier, the file and ``pbd check`` are the
same thing. Versions, sign-offs and audit events are append-only: the model refuses to change or
delete a saved row (the database of a team server can add a trigger; this is the application's half).
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class AppendOnlyError(Exception):
    """A version, sign-off or audit event was about to be changed or deleted."""


class AppendOnly(models.Model):
    """A row that is written once: saving an existing row or deleting one raises :class:`AppendOnlyError`."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise AppendOnlyError(f"{type(self).__name__} {self.pk} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError(f"{type(self).__name__} {self.pk} is append-only")


class Organisation(models.Model):
    """A tenant. The embedded mode has one, ``default``; the team server (issue #16) adds more."""

    DEFAULT_SLUG = "default"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    #: the municipal profile (pbd/profiles.py) this organisation uses: the file it was read from, or empty
    profile = models.CharField(max_length=500, blank=True, default="")
    #: the profile's content, applied to every check of the organisation's dossiers (pbd.web.profiles):
    #: {"main": file name, "files": {relative name: text}}; empty for none
    profile_files = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return str(self.name)

    @classmethod
    def default(cls) -> Organisation:
        org: Organisation
        org, _ = cls.objects.get_or_create(slug=cls.DEFAULT_SLUG, defaults={"name": "Gemeente"})
        return org


class User(AbstractUser):
    """A local account (Argon2-hashed password); OIDC accounts of the team server map onto the same model."""

    #: the tenant: a user sees only dossiers of this organisation (pbd.web.access)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="users")
    #: the interface language the user chose (nl or en)
    lang = models.CharField(max_length=2, default="nl")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.organisation_id is None:  # ``createsuperuser`` and the embedded mode: the one organisation
            self.organisation = Organisation.default()
        super().save(*args, **kwargs)

    def display(self) -> str:
        return str(self.get_full_name() or self.email or self.username)


class Role(models.TextChoices):
    OWNER = "owner"
    EDITOR = "editor"
    PRIVACY_OFFICER = "privacy_officer"
    FG = "fg"
    VIEWER = "viewer"


#: the roles that may change the description, comment and upload; a viewer only reads
EDIT_ROLES = frozenset({Role.OWNER, Role.EDITOR, Role.PRIVACY_OFFICER, Role.FG})
COMMENT_ROLES = EDIT_ROLES
#: who may read the audit log of a dossier
AUDIT_ROLES = frozenset({Role.OWNER, Role.FG})


class Dossier(models.Model):
    """One project: its description's versions, members, comments and sign-offs."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="dossiers")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering: ClassVar = ["title", "pk"]
        constraints: ClassVar = [models.UniqueConstraint(fields=["organisation", "slug"], name="dossier_slug_per_org")]

    def __str__(self) -> str:
        return str(self.title)

    def latest(self) -> Version:
        version: Version = self.versions.order_by("-number").first()
        return version

    @property
    def file_name(self) -> str:
        """The name the description has as a file: in downloads and in the JSON result's ``input.file``."""
        return f"{self.slug}.yaml"


class Membership(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints: ClassVar = [models.UniqueConstraint(fields=["dossier", "user"], name="one_role_per_dossier")]
        ordering: ClassVar = ["dossier", "user__username"]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Version(AppendOnly):
    """One saved state of the description: its YAML text (byte for byte what ``pbd check`` reads)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    sha256 = models.CharField(max_length=64)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True, default="")
    #: the version this one restores, when it is a restore
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["dossier", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["dossier", "number"], name="version_number_per_dossier")
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sha256 = sha256_text(self.text)
        super().save(*args, **kwargs)


class TargetKind(models.TextChoices):
    QUESTION = "question"  # a JSON path of the description, e.g. $.processings[0].legal_basis
    FINDING = "finding"  # a finding: rule and target, e.g. PBD-DM-02@crowd-counting
    DOSSIER = "dossier"  # the dossier as a whole


class Comment(models.Model):
    """A remark on a question or a finding; replies hang under their parent; a thread is resolved at its root."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="comments")
    version_number = models.PositiveIntegerField()
    target_kind = models.CharField(max_length=10, choices=TargetKind.choices)
    target = models.CharField(max_length=300, blank=True, default="")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["created_at", "pk"]


class SignOffKind(models.TextChoices):
    FG_ADVICE = "fg_advice"  # AVG art. 35(2): the FG's advice
    DECISION = "decision"  # AVG art. 24(1), 35: the controller's decision


class SignOff(AppendOnly):
    """The FG's advice or the controller's decision on one version, with the hashes that pin what was signed."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="signoffs")
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="signoffs")
    kind = models.CharField(max_length=12, choices=SignOffKind.choices)
    #: advice: followed-by-default summary; decision: go / go_with_conditions / no_go (DecisionOutcome)
    outcome = models.CharField(max_length=30, blank=True, default="")
    text = models.TextField(max_length=10000)
    description_sha256 = models.CharField(max_length=64)
    kb_version = models.CharField(max_length=40)
    kb_sha256 = models.CharField(max_length=64)
    pbd_version = models.CharField(max_length=40)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["created_at", "pk"]


class AuditKind(models.TextChoices):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    ROLE_CHANGE = "role_change"
    SIGN_OFF = "sign_off"
    DOWNLOAD = "download"
    VERSION = "version"
    DOSSIER_CREATED = "dossier_created"
    ADMIN_CREATED = "admin_created"


class AuditEvent(AppendOnly):
    """Who did what, when and from where: logins (failed ones too), role changes, sign-offs, downloads."""

    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: the user name typed at a (failed) login, or the user's name when the account is later removed
    username = models.CharField(max_length=150, blank=True, default="")
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit")
    #: the tenant whose log shows the event: the dossier's, else the user's (also for a failed login of a
    #: known user name); empty only for a failed login with a name no tenant has (see pbd.web.tenants)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]
        indexes: ClassVar = [models.Index(fields=["kind", "username", "ip", "created_at"], name="audit_throttle")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is None and self.organisation is None:
            self.organisation = Organisation.objects.filter(pk=_organisation_of_event(self)).first()
        super().save(*args, **kwargs)


def _organisation_of_event(event: AuditEvent) -> int | None:
    if event.dossier_id is not None:
        org: int | None = Dossier.objects.filter(pk=event.dossier_id).values_list("organisation_id", flat=True).first()
        return org
    if event.user_id is not None:
        org = User.objects.filter(pk=event.user_id).values_list("organisation_id", flat=True).first()
        return org
    if event.username:
        org = User.objects.filter(username__iexact=event.username).values_list("organisation_id", flat=True).first()
        return org
    return None


class JobKind(models.TextChoices):
    DPIA_PDF = "dpia_pdf"  # the DPIA draft of one version (AVG art. 35)
    ART25_PDF = "art25_pdf"  # the art. 25 report of one version
    IMPORT = "import"  # several uploaded descriptions → one dossier each
    RECHECK = "recheck"  # one dossier's latest version judged again under the knowledge base in force


class JobStatus(models.TextChoices):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(models.Model):
    """Work done outside the request (pbd.web.jobs): on a Celery worker of the team server, or in-process.

    A job belongs to one organisation (and, except an import, one dossier); every lookup filters by
    both, as the dossier's own views do. The output file lives in the data folder, written atomically,
    with its sha256; a finished job is never run again.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="jobs")
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=12, choices=JobKind.choices)
    version = models.ForeignKey(Version, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    lang = models.CharField(max_length=2, default="nl")
    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True)
    #: how often a worker started it (a worker killed mid-job and a retry both count)
    attempts = models.PositiveSmallIntegerField(default=0)
    #: the last error, one line for the user (the traceback goes to the worker's log only)
    error = models.CharField(max_length=500, blank=True, default="")
    #: 0–100
    progress = models.PositiveSmallIntegerField(default=0)
    #: the output, relative to the data folder, and its sha256
    result_path = models.CharField(max_length=500, blank=True, default="")
    result_sha256 = models.CharField(max_length=64, blank=True, default="")
    #: what the job needs besides its version (an import's file names) and what it found (a re-check's counts)
    payload = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    #: the re-check of a portfolio: the jobs enqueued together share a batch
    batch = models.CharField(max_length=32, blank=True, default="", db_index=True)
    #: the worker holding it (host:pid) and when it last said it was alive
    worker = models.CharField(max_length=200, blank=True, default="")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]
        indexes: ClassVar = [
            models.Index(fields=["dossier", "kind", "version", "lang", "status"], name="job_reuse"),
        ]

    def __str__(self) -> str:
        return f"job {self.pk} {self.kind} {self.status}"

    @property
    def active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)


class OidcIdentity(models.Model):
    """The single sign-on account a user logs in with: the provider (issuer) and its ``sub``, never the email.

    A provider may reuse or change an email address; ``sub`` is the subject's stable identifier at that
    issuer (OpenID Connect Core §2), so the same person is found again on every login (pbd.web.oidc).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identities")
    issuer = models.CharField(max_length=300)
    sub = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [models.UniqueConstraint(fields=["issuer", "sub"], name="oidc_identity_per_issuer")]

"""The organisation-level rights ``fg`` and ``privacy_officer`` now decide who may hold those dossier roles and who
signs the FG's advice (pbd.web.rights). An installation that already has FG or privacy officer members gives each
of them the right of their role here, so an upgrade stops nobody's work; each grant is an audit event
(``detail.method = "migration"``). A provider's account gets its rights from the roles claim again at its next
login, which takes away what the provider does not give."""

from __future__ import annotations

from typing import Any

from django.db import migrations

ROLE_RIGHT = {"fg": "fg", "privacy_officer": "privacy_officer"}


def grant_rights_of_present_roles(apps: Any, schema_editor: Any) -> None:
    Group = apps.get_model("auth", "Group")
    Membership = apps.get_model("web", "Membership")
    AuditEvent = apps.get_model("web", "AuditEvent")
    User = apps.get_model("web", "User")
    wanted: dict[int, set[str]] = {}
    for user_id, role in Membership.objects.filter(role__in=list(ROLE_RIGHT)).values_list("user_id", "role"):
        wanted.setdefault(user_id, set()).add(ROLE_RIGHT[role])
    for user in User.objects.filter(pk__in=list(wanted)).order_by("pk"):
        have = set(user.groups.values_list("name", flat=True))
        added = sorted(wanted[user.pk] - have)
        for right in added:
            group, _ = Group.objects.get_or_create(name=right)
            user.groups.add(group)
        if added:
            AuditEvent.objects.create(
                kind="role_change",
                user=None,
                username=user.username,
                organisation_id=user.organisation_id,
                detail={"method": "migration", "scope": "organisation", "member": user.username, "added": added,
                        "removed": []},
            )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("web", "0006_organisation_profile_files"),
    ]

    operations = [migrations.RunPython(grant_rights_of_present_roles, migrations.RunPython.noop)]

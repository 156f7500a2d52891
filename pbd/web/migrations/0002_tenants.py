"""Tenants (issue #16): every user belongs to one organisation, audit events name theirs, organisations a profile."""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps: Any, schema_editor: Any) -> None:
    organisation = apps.get_model("web", "Organisation")
    user = apps.get_model("web", "User")
    event = apps.get_model("web", "AuditEvent")
    if user.objects.filter(organisation__isnull=True).exists():
        default, _ = organisation.objects.get_or_create(slug="default", defaults={"name": "Gemeente"})
        user.objects.filter(organisation__isnull=True).update(organisation=default)
    for e in event.objects.filter(organisation__isnull=True).iterator():
        org = None
        if e.dossier_id is not None:
            org = e.dossier.organisation_id
        elif e.user_id is not None:
            org = e.user.organisation_id
        elif e.username:
            org = user.objects.filter(username__iexact=e.username).values_list("organisation_id", flat=True).first()
        if org is not None:
            event.objects.filter(pk=e.pk).update(organisation_id=org)


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="profile",
            field=models.CharField(blank=True, default="", max_length=500),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit",
                to="web.organisation",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]

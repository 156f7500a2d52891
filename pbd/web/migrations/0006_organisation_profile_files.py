"""The organisation's municipal profile stored as content (pbd.web.profiles), taken in from the recorded file where it can be read."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models


def take_in_profiles(apps: Any, schema_editor: Any) -> None:
    """An organisation that names a profile file gets its content; one whose file cannot be read keeps the name,
    and ``pbd serve --check`` and its dossier pages say so until ``pbd tenant profile`` stores one."""
    from pbd.profiles import ProfileError
    from pbd.web.profiles import bundle_from_file

    Organisation = apps.get_model("web", "Organisation")
    for org in Organisation.objects.exclude(profile=""):
        try:
            org.profile_files = bundle_from_file(org.profile)
        except ProfileError:
            continue
        org.save(update_fields=["profile_files"])


class Migration(migrations.Migration):
    dependencies = [("web", "0005_oidc")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="profile_files",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(take_in_profiles, migrations.RunPython.noop),
    ]

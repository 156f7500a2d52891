"""Every user belongs to one organisation (own migration: PostgreSQL alters no table with the data update pending)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0002_tenants"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="users", to="web.organisation"
            ),
        ),
    ]

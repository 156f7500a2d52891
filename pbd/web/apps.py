"""The Django app configuration of the web dossier."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "pbd.web"
    label = "web"
    verbose_name = "pbd web dossier"
    default_auto_field = "django.db.models.BigAutoField"

"""The questionnaire's URLs, included under ``d/<pk>/vragen/`` by :mod:`pbd.web.urls` (same ``web`` namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from pbd.web import views_questionnaire as views

urlpatterns: list[URLPattern] = [
    path("", views.questionnaire, name="questionnaire"),
    path("paneel/", views.live_panel, name="q_panel"),
    path("<str:part>/", views.questionnaire_part, name="questionnaire_part"),
    path("<str:part>/opslaan/", views.save, name="q_save"),
    path("<str:part>/toevoegen/", views.add, name="q_add"),
    path("<str:part>/verwijderen/", views.remove, name="q_remove"),
]

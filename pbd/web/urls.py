"""The URLs of the web dossier. Every ``d/<pk>/…`` view checks membership (see :mod:`pbd.web.access`).

``tests/web/test_authorization.py`` walks every pattern here, so a new URL is checked without
being listed anywhere else.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path
from django.views.generic.base import RedirectView

from pbd.web import views, views_jobs

app_name = "web"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", RedirectView.as_view(pattern_name="web:dossiers", permanent=False), name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("taal/", views.lang_view, name="lang"),
    path("dossiers/", views.dossier_list, name="dossiers"),
    path("dossiers/nieuw/", views.dossier_new, name="dossier_new"),
    path("d/<int:pk>/", views.dossier_detail, name="dossier"),
    path("d/<int:pk>/upload/", views.dossier_upload, name="upload"),
    path("d/<int:pk>/leden/", views.members, name="members"),
    path("d/<int:pk>/geschiedenis/", views.history, name="history"),
    path("d/<int:pk>/versies/<int:number>/herstel/", views.restore, name="restore"),
    path("d/<int:pk>/opmerkingen/", views.comments, name="comments"),
    path("d/<int:pk>/opmerkingen/<int:cid>/afgehandeld/", views.comment_resolve, name="comment_resolve"),
    path("d/<int:pk>/advies/", views.advice, name="advice"),
    path("d/<int:pk>/besluit/", views.decision, name="decision"),
    path("d/<int:pk>/download/<str:fmt>/", views.download, name="download"),
    path("d/<int:pk>/versies/<int:number>/download/<str:fmt>/", views.download, name="download_version"),
    path("d/<int:pk>/audit/", views.audit, name="audit"),
    # background jobs (pbd/web/views_jobs.py): PDFs as jobs, their status and files; a folder import
    path("d/<int:pk>/pdf/<str:fmt>/", views_jobs.job_pdf, name="job_pdf"),
    path("d/<int:pk>/taken/", views_jobs.job_list, name="jobs"),
    path("d/<int:pk>/taken/<int:job>/", views_jobs.job_status, name="job"),
    path("d/<int:pk>/taken/<int:job>/download/", views_jobs.job_download, name="job_download"),
    path("dossiers/import/", views_jobs.import_view, name="import"),
    path("beheer/herbeoordeling/", views_jobs.recheck_view, name="recheck"),
    path("konto/wachtwoord/", views.password_change, name="password"),
    path("beheer/gebruikers/", views.users, name="users"),
    path("beheer/audit/", views.audit_all, name="audit_all"),
    # --- FORMS: the questionnaire as web forms and the live panel (pbd/web/views_questionnaire.py) -----
    path("d/<int:pk>/vragen/", include("pbd.web.urls_questionnaire")),
    # Their views must use pbd.web.access.dossier_view so the authorization test covers them.
    # --- end FORMS -------------------------------------------------------------------------------------
]

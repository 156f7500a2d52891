"""The Celery task: a thin wrapper around :func:`pbd.web.jobs.run`, the body the embedded runner calls too.

Retries are counted in the job's row (``attempts``), not in the message: a worker killed mid-job is a
start as well, and the count must survive the redelivery. So the task does not use Celery's
``autoretry_for`` (whose counter lives in the message and restarts at 0 on a redelivered one) but asks
for a retry itself, with the backoff :func:`pbd.web.jobs.backoff` computes (base, 2×, 4× …), until
:data:`pbd.web.jobs.MAX_ATTEMPTS` starts; then the body marks the job failed with its error.
"""

from __future__ import annotations

from typing import Any

from pbd.web.celery_app import app


@app.task(name="pbd.run_job", bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def run_job(self: Any, job_id: int) -> str:
    from django.apps import apps

    if not apps.ready:  # the worker's process: Django once, from the same environment as pbd serve
        import django

        django.setup()
    from pbd.web import jobs

    try:
        return jobs.run(job_id)
    except jobs.RetryLater as again:
        raise self.retry(countdown=again.countdown) from None
    except Exception as err:
        # the bookkeeping failed (the database restarting): the message is not lost, it comes back a few times
        retries = int(self.request.retries or 0)
        raise self.retry(exc=err, countdown=jobs.backoff(retries + 1), max_retries=jobs.DB_ERROR_TRIES) from err

"""The Celery application of the team server: Redis as broker (``PBD_BROKER_URL``), no result backend.

The job's row in the database is its state (status, progress, error, output); Celery only carries
the job's id to a worker. Settings for a queue that loses nothing when a worker is killed:

* ``task_acks_late`` and ``task_reject_on_worker_lost``: a message is acknowledged after the task
  returns, so one whose worker died is delivered again;
* ``visibility_timeout`` (``PBD_BROKER_VISIBILITY_TIMEOUT``, default 300 s): how long Redis waits for
  that acknowledgement before handing the message to another worker. Keep it above the longest job
  (a DPIA of a large dossier takes ~20 s here); a redelivery of a job that is still running is
  harmless (the heartbeat tells the second worker to wait), only wasted. Workers look for such
  messages every third of the timeout (at most every 10 s), instead of kombu's default 100 s;
* ``worker_prefetch_multiplier = 1``: a worker reserves one message per process, so messages do not
  sit in a busy worker's buffer while another is idle (and are not redelivered from there).
"""

from __future__ import annotations

import os

from celery import Celery

from pbd.web.jobs import broker_url


def visibility_timeout() -> int:
    try:
        return max(1, int(os.environ.get("PBD_BROKER_VISIBILITY_TIMEOUT") or 300))
    except ValueError:
        return 300


def make_app() -> Celery:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbd.web.settings")
    app = Celery("pbd", broker=broker_url() or "memory://", include=["pbd.web.tasks"])
    timeout = visibility_timeout()
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        task_default_queue="pbd",
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": timeout,
            # look for messages of dead workers every third of the timeout (kombu's default: every 100 s)
            "unacked_restore_interval": max(1, min(10, timeout // 3)),
            "unacked_restore_throttle": 1,
            "unacked_mutex_expire": 60,
        },
        task_serializer="json",
        accept_content=["json"],
        timezone="Europe/Amsterdam",
        enable_utc=True,
    )
    return app


app = make_app()

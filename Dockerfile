# syntax=docker/dockerfile:1
# The pbd team server: the web dossier (pbd serve, waitress) and its background worker (pbd worker, Celery)
# from one image. Build:   docker build -t pbd .
# Run the whole team set-up with PostgreSQL and Redis: docker compose up -d  (compose.yaml, docs/TEAM.md).

# -- build: the wheel, from the source tree (hatchling, as pyproject.toml says) ---------------------------
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN python -m pip wheel --no-deps --wheel-dir /wheels .

# -- run ----------------------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PBD_DATA=/data

# What WeasyPrint needs to render the DPIA and art. 25 PDFs (Pango, HarfBuzz) and the fonts they are set in:
# the same packages .ci/run installs (tests/test_container_files.py keeps the two lists equal).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
      shared-mime-info \
 && rm -rf /var/lib/apt/lists/*

# pbd with the team extra: Django, waitress, PostgreSQL driver, Celery with Redis
COPY --from=build /wheels /wheels
RUN python -m pip install "$(ls /wheels/pbd-*.whl)[team]" && rm -rf /wheels

# An unprivileged user; the data folder (uploads, job outputs, the signing key when PBD_SECRET_KEY is not set)
# is a volume that web and worker share.
RUN groupadd --system --gid 10001 pbd \
 && useradd --system --uid 10001 --gid pbd --home-dir /data --no-create-home --shell /usr/sbin/nologin pbd \
 && mkdir -p /data && chown pbd:pbd /data && chmod 0700 /data
VOLUME ["/data"]
USER pbd:pbd
WORKDIR /data

EXPOSE 8000
# settings, database, migrations, knowledge base and every organisation's profile; exit 2 with one line when not
HEALTHCHECK --interval=30s --timeout=15s --start-period=90s --retries=3 CMD ["pbd", "serve", "--check"]
CMD ["pbd", "serve", "--host", "0.0.0.0", "--port", "8000"]

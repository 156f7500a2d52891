"""Benchmark of the web questionnaire (issue 15): page and autosave times on every example, through Django's test client.

Not a timed test: it prints the median of a few runs (warm: the knowledge base and templates loaded)
for the first pass, one processing's page and one autosave (validate the field, the whole
description, append a version, judge it with ``engine.check`` and build the live panel).

    python benchmarks/bench_web_questionnaire.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["PBD_DATA"] = tempfile.mkdtemp(prefix="pbd-bench-web-")
    os.environ.setdefault("PBD_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.pop("PBD_DATABASE_URL", None)
    from pbd.web.server import configure, migrate

    configure()
    migrate()
    from django.test import Client

    from pbd.web import services
    from pbd.web.models import Organisation, User

    org = Organisation.default()
    user = User.objects.create_user(username="bench", password="bench-password-123", organisation=org)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    print(
        f"{'example':28} {'KB':>5} {'first pass':>11} {'processing':>11} {'autosave':>9}  (ms, median of {args.runs})"
    )
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        dossier = services.create_dossier(org.pk, path.stem, text, user, "bench")
        base = f"/d/{dossier.pk}/vragen"
        client.get(f"{base}/eerste/")  # warm
        first, proc, save = [], [], []
        for i in range(args.runs):
            t0 = time.perf_counter()
            assert client.get(f"{base}/eerste/").status_code == 200
            t1 = time.perf_counter()
            assert client.get(f"{base}/processings.0/").status_code == 200
            t2 = time.perf_counter()
            response = client.post(
                f"{base}/processings.0/opslaan/",
                {"field": "processings.0.description", "value": f"Gemeten {i}", "version": dossier.latest().number},
                HTTP_HX_REQUEST="true",
            )
            t3 = time.perf_counter()
            assert response.status_code == 200, response.content[:300]
            first.append(t1 - t0)
            proc.append(t2 - t1)
            save.append(t3 - t2)

        def ms(xs: list[float]) -> str:
            return f"{1000 * statistics.median(xs):.0f}"

        size = len(text) // 1024
        print(f"{path.stem:28} {size:>4}K {ms(first):>11} {ms(proc):>11} {ms(save):>9}")


if __name__ == "__main__":
    main()

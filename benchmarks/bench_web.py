"""Benchmark of the web dossier (issue 15): the dossier page, an autosave and the DPIA PDF on the largest example.

Not a timed test: it prints the median and p95 of N requests through Django's test client, in
process (no network, no browser; the server's own time), with the knowledge base and templates
loaded by a first request that is not counted. The largest example (``examples/stratumseind.yaml``)
is uploaded as a dossier through the new-dossier form, as a user would.

- dossier page: ``GET /d/<pk>/`` (screening, to-do list, every finding, sign-off, versions);
- autosave: one field of the first processing saved as HTMX does (validate the field and the whole
  description, append a version, judge it and build the live panel);
- DPIA PDF: ``GET /d/<pk>/download/dpia/`` (the direct download: the report rendered in the request).

It also prints the dossier page's size and what its largest parts weigh.

    python benchmarks/bench_web.py [--runs 20] [--pdf-runs 3] [--example examples/stratumseind.yaml]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def percentile(xs: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of xs."""
    ordered = sorted(xs)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed(n: int, request: Callable[[int], object]) -> list[float]:
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        request(i)
        out.append(time.perf_counter() - t0)
    return out


def parts(html: str) -> list[tuple[str, int]]:
    """The bytes of the dossier page's sections (by id), largest first."""
    sizes = []
    for m in re.finditer(r'<section [^>]*id="([^"]+)"', html):
        end = html.find("</section>", m.end())
        sizes.append((m.group(1), end - m.start()))
    return sorted(sizes, key=lambda x: -x[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="requests per page and autosave (default 20)")
    parser.add_argument("--pdf-runs", type=int, default=3, help="DPIA PDF downloads (default 3; each takes seconds)")
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "stratumseind.yaml")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["PBD_DATA"] = tempfile.mkdtemp(prefix="pbd-bench-web-")
    os.environ.setdefault("PBD_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.pop("PBD_DATABASE_URL", None)
    os.environ["PBD_SECURE_COOKIES"] = "0"
    from pbd.web.server import configure, migrate

    configure()
    migrate()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from pbd.web.models import Dossier, Organisation, User

    org = Organisation.default()
    user = User.objects.create_user(username="bench", password="bench-password-123", organisation=org)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    raw = args.example.read_bytes()
    response = client.post("/dossiers/nieuw/", {"upload": SimpleUploadedFile(args.example.name, raw)})
    assert response.status_code == 302, response.content[:300]
    dossier = Dossier.objects.get()
    pk = dossier.pk

    def page(_: int) -> None:
        r = client.get(f"/d/{pk}/")
        assert r.status_code == 200

    def autosave(i: int) -> None:
        r = client.post(
            f"/d/{pk}/vragen/processings.0/opslaan/",
            {"field": "processings.0.description", "value": f"Gemeten {i}", "version": dossier.latest().number},
            HTTP_HX_REQUEST="true",
        )
        assert r.status_code == 200, r.content[:300]

    pdf_bytes = 0

    def pdf(_: int) -> None:
        nonlocal pdf_bytes
        r = client.get(f"/d/{pk}/download/dpia/")
        assert r.status_code == 200 and r.content.startswith(b"%PDF-"), r.content[:300]
        pdf_bytes = len(r.content)

    page(0)
    autosave(-1)
    rows = [
        ("dossier page   GET /d/<pk>/", timed(args.runs, page)),
        ("autosave       POST …/opslaan/ (HTMX)", timed(args.runs, autosave)),
    ]
    pdf(0)
    rows.append(("DPIA PDF       GET …/download/dpia/", timed(args.pdf_runs, pdf)))
    html = client.get(f"/d/{pk}/").content.decode("utf-8")

    print(f"{args.example.name}: {len(raw) / 1024:.0f} KB YAML, {len(dossier.latest().text) / 1024:.0f} KB canonical")
    print(f"{'request':42} {'N':>4} {'median ms':>10} {'p95 ms':>8} {'min ms':>8}")
    for name, xs in rows:
        ms = [1000 * x for x in xs]
        print(f"{name:42} {len(ms):>4} {statistics.median(ms):>10.0f} {percentile(ms, 95):>8.0f} {min(ms):>8.0f}")
    print(f"dossier page: {len(html.encode('utf-8')) / 1024:.0f} KB HTML; DPIA PDF: {pdf_bytes / 1024:.0f} KB")
    print("  largest sections: " + ", ".join(f"#{name} {size / 1024:.0f} KB" for name, size in parts(html)[:4]))


if __name__ == "__main__":
    main()

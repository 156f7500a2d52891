"""Shared fixtures: the knowledge base (loaded once), example files, a fixed evaluation date, the example PDFs.

Slow tests (PDF rendering, building and installing the wheel) carry the ``slow`` marker, set here
so that a test file need not remember it: ``python -m pytest -m "not slow"`` is the quick loop while
you work; ``python -m pytest`` (what ``.ci/run`` runs) runs everything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pbd.knowledge_base import KnowledgeBase, default_knowledge_base

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = dt.date(2026, 11, 1)

#: fixtures whose users are slow: they render PDFs
SLOW_FIXTURES = frozenset({"pdfs"})
#: test files that are slow as a whole
SLOW_FILES = frozenset({"test_packaging.py"})
#: single tests that render a PDF of their own
SLOW_TESTS = frozenset(
    {
        "test_pdf_is_byte_identical_for_identical_input",
        "test_dates_in_pdf_are_the_evaluation_date",
        "test_injection_is_literal_text_and_nothing_is_fetched",
        "test_report_failure_keeps_the_old_file_and_leaves_no_temp",
    }
)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_knowledge_base()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files in tests/golden/ from the current output.",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow = pytest.mark.slow
    for item in items:
        name = getattr(item, "originalname", item.name)
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.path.name in SLOW_FILES or name in SLOW_TESTS:
            item.add_marker(slow)


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-goldens"))


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], str]:
    """The text of every example's PDF — DPIA in NL and EN, art. 25 report in NL — rendered once per session.

    Keyed by (example stem, kind, lang). Rendered by ``pbd report examples/ -o DIR`` (the folder
    mode renders in parallel), dated 2026-11-01.
    """
    import pypdf
    from click.testing import CliRunner

    from pbd.cli import cli

    folder = tmp_path_factory.mktemp("pdf")
    texts: dict[tuple[str, str, str], str] = {}
    for kind, lang in (("dpia", "nl"), ("dpia", "en"), ("art25", "nl")):
        args = ["report", str(ROOT / "examples"), "-o", str(folder), "--kind", kind, "--lang", lang]
        result = CliRunner().invoke(cli, [*args, "--format", "pdf", "--date", TODAY.isoformat()])
        assert result.exit_code == 0, result.output
        for path in EXAMPLES:
            reader = pypdf.PdfReader(folder / f"{path.stem}-{kind}-{lang}.pdf")
            assert reader.metadata is not None
            assert reader.metadata["/CreationDate"].startswith("D:20261101")
            texts[(path.stem, kind, lang)] = "\n".join(page.extract_text() for page in reader.pages)
    return texts

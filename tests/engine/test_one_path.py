"""There is one judgement path: replace ``pbd.engine.check`` and every command's outcome follows.

Each test replaces the engine's ``check`` with a wrapper that marks the real assessment — an extra
gap finding for a target that does not exist, or a flipped DTIA indication in the screening — and
shows the mark in what the user gets: ``pbd check``, ``pbd report`` (HTML), ``pbd verify``, the
questionnaire's gap summary and the Invulhulp importer's cross-check. Every test first shows the
output *without* the mark, so it cannot pass by accident. A command that judged on a path of its
own would miss the mark and fail here.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pbd import engine
from pbd.cli import cli
from pbd.invulhulp.crosscheck import screening_of
from pbd.invulhulp.mapping import import_export
from pbd.invulhulp.reader import read_export
from pbd.knowledge_base import default_knowledge_base
from pbd.questionnaire import DescriptionDocument, Questionnaire
from pbd.vocabulary import Status
from tests.conftest import ROOT, TODAY

TINY_KB = ROOT / "tests" / "fixtures" / "tiny_kb"
MARK = "EENPADMARKERING"
DATE = TODAY.isoformat()
REAL_CHECK = engine.check


def _marked(source: Any, kb: Any, options: engine.Options) -> engine.Assessment:
    """The real assessment plus one gap for target MARK (a copy of a finding, so every field is valid)."""
    a = REAL_CHECK(source, kb, options)
    template = next(f for f in a.findings if f.kind == "criterion" and f.path.startswith("$.processings"))
    fake = dataclasses.replace(template, target=MARK, status=Status.GAP)
    return dataclasses.replace(a, findings=(*a.findings, fake))


def _flipped_dtia(source: Any, kb: Any, options: engine.Options) -> engine.Assessment:
    a = REAL_CHECK(source, kb, options)
    return dataclasses.replace(a, screening=dataclasses.replace(a.screening, dtia=not a.screening.dtia))


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the tiny fixture description, judged against the tiny knowledge base."""
    monkeypatch.setenv("PBD_KB", str(TINY_KB))
    default_knowledge_base.cache_clear()
    path = tmp_path / "project.yaml"
    shutil.copy(TINY_KB / "description.yaml", path)
    yield path
    default_knowledge_base.cache_clear()


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _patch(monkeypatch: pytest.MonkeyPatch, wrapper: Callable[..., engine.Assessment]) -> None:
    monkeypatch.setattr(engine, "check", wrapper)


def test_check(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "result.json"
    code, output = _cli("check", str(tiny), "--date", DATE, "-o", f"json:{out}", "-o", "text")
    assert code == 1, output
    assert MARK not in output and MARK not in out.read_text(encoding="utf-8")
    _patch(monkeypatch, _marked)
    code, output = _cli("check", str(tiny), "--date", DATE, "-o", f"json:{out}", "-o", "text")
    assert code == 1, output
    assert MARK in output
    assert MARK in out.read_text(encoding="utf-8")


def test_check_exit_code_follows_the_engine(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without gaps the exit code is 0: the engine's gaps, not the command's own, decide it."""

    def no_gaps(source: Any, kb: Any, options: engine.Options) -> engine.Assessment:
        a = REAL_CHECK(source, kb, options)
        return dataclasses.replace(a, findings=tuple(f for f in a.findings if f.status is not Status.GAP))

    assert _cli("check", str(tiny), "--date", DATE)[0] == 1
    _patch(monkeypatch, no_gaps)
    code, output = _cli("check", str(tiny), "--date", DATE)
    assert code == 0, output


def test_report(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dpia.html"
    assert _cli("report", str(tiny), "-o", str(out), "--date", DATE)[0] == 0
    assert MARK not in out.read_text(encoding="utf-8")
    _patch(monkeypatch, _marked)
    code, output = _cli("report", str(tiny), "-o", str(out), "--date", DATE)
    assert code == 0, output
    assert MARK in out.read_text(encoding="utf-8")


def test_verify(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = tmp_path / "recorded.json"
    _cli("check", str(tiny), "--date", DATE, "-o", f"json:{recorded}")
    code, output = _cli("verify", str(recorded), str(tiny))
    assert code == 0, output  # the same judgement: the record still holds
    _patch(monkeypatch, _marked)
    code, output = _cli("verify", str(recorded), str(tiny), "--format", "json")
    assert code == 1, output  # the judgement changed, so the record no longer holds
    assert MARK in output


def test_questionnaire_gap_summary(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def summary() -> str:
        shown: list[str] = []

        class Enter:
            """Presses Enter at every question: keeps every answer, so only the summary is new."""

            def say(self, text: str = "", style: str = "") -> None:
                shown.append(text)

            def ask(self, prompt: Any) -> str:
                return ""

        session = Questionnaire(
            DescriptionDocument(tiny, "nl"), Enter(), lang="nl", today=TODAY, knowledge_base=default_knowledge_base
        )
        session.run(section="processings")
        return "\n".join(shown)

    before = summary()
    assert "OB-01" in before or "bewaartermijn" in before  # the real gap of the fixture is summarised
    assert MARK not in before
    _patch(monkeypatch, _marked)
    assert MARK in summary()


def test_importer_cross_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = ROOT / "tests" / "invulhulp" / "exports" / "living-lab-scheveningen.prescan.json"
    imported = import_export(read_export(str(export)))
    real = screening_of(imported.description)

    def dtia_levels() -> dict[str, Any]:
        out = tmp_path / f"imported-{len(list(tmp_path.iterdir()))}.yaml"
        code, output = _cli("import", "invulhulp", str(export), "-o", str(out), "--format", "json")
        assert code == 0, output
        return {c["assessment"]: c["pbd"] for c in json.loads(output)["cross_check"]}

    before = dtia_levels()
    assert before["DTIA"] == ("required" if real.dtia else None)
    _patch(monkeypatch, _flipped_dtia)
    assert screening_of(imported.description).dtia is not real.dtia
    after = dtia_levels()
    assert after["DTIA"] == (None if real.dtia else "required")
    assert {k: v for k, v in after.items() if k != "DTIA"} == {k: v for k, v in before.items() if k != "DTIA"}

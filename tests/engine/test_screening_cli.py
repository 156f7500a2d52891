"""``pbd screen``: per hit the facts with file:line, undetermined rules with their questions, declared vs derived; NL and EN."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pbd.cli import cli
from tests.conftest import ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


SCAN = str(ROOT / "examples" / "scanauto-parkeercontrole.yaml")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_text_shows_each_hit_with_its_facts_and_lines() -> None:
    code, out = run("screen", SCAN)
    assert code == 0
    assert out.splitlines()[0].endswith("DPIA VERPLICHT")
    assert "  9 Cameratoezicht — kentekenscan:" in out
    line = _line_of(Path(SCAN), "public_space: true")
    assert f"public_space = ja: {SCAN}:{line} $.processings[0].collection.public_space" in out


def test_json_gives_lines_for_every_path() -> None:
    code, out = run("screen", "--format", "json", "--lang", "en", SCAN)
    assert code == 0
    doc = json.loads(out)
    assert doc["dpia"] == "mandatory" and doc["ap"] == [9, 12, 14]
    ap9 = next(r for r in doc["reasons"] if r["rule"] == "AP-9" and r["target"] == "kentekenscan")
    public = next(f for f in ap9["facts"] if f["fact"] == "public_space")
    assert public["paths"] == ["$.processings[0].collection.public_space"]
    assert public["lines"] == [_line_of(Path(SCAN), "public_space: true")]


def test_undetermined_lists_the_deciding_questions(tmp_path: Path) -> None:
    f = tmp_path / "half.yaml"
    f.write_text(
        "schema_version: 2\nproject:\n  name: Half\nprocessings:\n  - id: tellen\n    name: Bezoekers tellen\n",
        encoding="utf-8",
    )
    code, out = run("screen", str(f))
    assert code == 0
    assert "Half: DPIA NOG NIET TE BEPALEN" in out
    assert (
        "? Over hoeveel betrokkenen gaat het per jaar" in out and f"{f}:5 $.processings[0].scale.data_subjects" in out
    )
    code, out = run("screen", "--lang", "en", "--format", "json", str(f))
    doc = json.loads(out)
    assert doc["dpia"] == "undetermined"
    decisive = [q for q in doc["questions"] if q["decisive"]]
    assert any(x["path"] == "$.processings[0].personal_data" for q in decisive for x in q["questions"])


def test_declared_beside_derived() -> None:
    text = (ROOT / "tests" / "calibration" / "C2-parkeervergunning.yaml").read_text(encoding="utf-8")
    assert "screening_declared" in text
    code, out = run("screen", str(ROOT / "tests" / "calibration" / "C2-parkeervergunning.yaml"))
    assert code == 0 and "DPIA AANBEVOLEN" in out
    assert "Aangevinkt (officer) naast afgeleid" in out and "= WP248 5: aangevinkt, afgeleid ja" in out


def test_the_advice_to_record_why_no_dpia_is_needed_only_where_nothing_is_recorded(tmp_path: Path) -> None:
    newsletter = tmp_path / "nieuwsbrief.yaml"
    newsletter.write_text(
        """project: {name: Nieuwsbrief, organisation: Gemeente Test, phase: ontwerp}
processings:
  - id: p1
    purposes: [{id: nieuws, kind: service, description: Bewoners die dat willen een nieuwsbrief sturen.}]
    legal_basis: {ground: consent}
    data_subjects: [{category: Abonnees, relation: targeted, minors: "no", vulnerable: false, count: 300}]
    data_items: [{name: e-mailadres, category: contact, type: ordinary, source: data_subject}]
    collection: {methods: [form], public_space: false, covert: false}
    scale: {data_subjects: 300, systematic: false}
    techniques: []
    regime: {boa_enforcement: false, police_access: none}
""",
        encoding="utf-8",
    )
    code, out = run("screen", str(newsletter))
    assert code == 0 and "DPIA NIET NODIG" in out and "Leg de motivering vast" in out
    for recorded in (
        "dpia: {status: not_needed, not_needed_reason: Alleen e-mailadressen van 300 abonnees op eigen verzoek.}",
        "dpia: {status: completed}",
    ):
        newsletter.write_text(
            newsletter.read_text(encoding="utf-8").replace("phase: ontwerp}", f"phase: ontwerp, {recorded}}}"),
            encoding="utf-8",
        )
        code, out = run("screen", str(newsletter))
        assert code == 0 and "DPIA NIET NODIG" in out and "Leg de motivering vast" not in out, recorded
        newsletter.write_text(newsletter.read_text(encoding="utf-8").replace(f", {recorded}", ""), encoding="utf-8")

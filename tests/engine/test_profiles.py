"""Municipal profiles (design note §4): policy off by default, switched on, severities, own criteria, stamps."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.errors import KnowledgeBaseError
from pbd.knowledge_base import KnowledgeBase
from pbd.profiles import ProfileError, apply_profile, load_profile
from pbd.vocabulary import Basis, Severity
from tests.engine.kbkit import check, criterion, make_kb, of, statuses, system_requirement

NEEDS_PROVISION = {
    "properties": {"legal_basis": {"required": ["provision"]}},
    "required": ["legal_basis"],
}
DESCRIPTION = """
project: {name: Test, organisation: Gemeente Test}
processings:
  - id: tellen
    legal_basis: {ground: public_task}
systems:
  - id: platform
    capabilities: [role_based_access]
"""


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return make_kb(
        tmp_path / "kb",
        [
            criterion("RM-01", requirement=NEEDS_PROVISION, system_requirements=["SE-LG-01", "SE-HO-01"]),
            criterion("TR-02", basis="policy", severity="low", requirement=NEEDS_PROVISION),
            criterion("IV-04", basis="guidance", severity="medium", requirement=NEEDS_PROVISION),
        ],
        [
            system_requirement("SE-LG-01", ["RM-01"], capability="access_logging"),
            system_requirement("SE-HO-01", ["RM-01"], capability="eea_storage", basis="policy", severity="low"),
        ],
    )


def _profile(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "profiel.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_without_a_profile_policy_rules_are_not_evaluated(kb: KnowledgeBase) -> None:
    a = check(kb, DESCRIPTION)
    assert statuses(a, "TR-02") == []
    assert statuses(a, "SE-HO-01") == []
    assert statuses(a, "SE-LG-01") == [("gap", "platform", "$.systems[0].capabilities")]
    assert statuses(a, "RM-01") == [("open", "tellen", "$.processings[0].legal_basis.provision")]
    assert a.profile is None
    assert {f.rule for f in a.findings} == {"RM-01", "IV-04", "SE-LG-01"}


def test_a_profile_switches_policy_on_and_is_recorded(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = _profile(
        tmp_path,
        "id: testgemeente\nversion: 1.2.0\norganisation: Gemeente Test\nenable: [TR-02, SE-HO-01]\nseverity: {TR-02: medium}\n",
    )
    profile = load_profile(path)
    a = check(kb, DESCRIPTION, profile)
    assert statuses(a, "TR-02") == [("open", "tellen", "$.processings[0].legal_basis.provision")]
    assert of(a, "TR-02")[0].severity is Severity.MEDIUM
    assert of(a, "TR-02")[0].basis is Basis.POLICY
    assert statuses(a, "SE-HO-01") == [("gap", "platform", "$.systems[0].capabilities")]
    assert of(a, "SE-HO-01")[0].basis is Basis.POLICY
    assert a.profile is not None
    assert (a.profile.id, a.profile.version, a.profile.organisation) == ("testgemeente", "1.2.0", "Gemeente Test")
    assert a.profile.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # the knowledge base itself is untouched
    assert not kb.criteria["TR-02"].enabled
    assert kb.criteria["TR-02"].severity is Severity.LOW


def test_guidance_to_high_needs_a_reason(kb: KnowledgeBase, tmp_path: Path) -> None:
    bare = load_profile(_profile(tmp_path, "id: t\nversion: 1\nseverity: {IV-04: high}\n"))
    with pytest.raises(ProfileError, match=r"IV-04 is guidance; high is for what the law demands"):
        apply_profile(kb, bare)
    reasoned = load_profile(
        _profile(tmp_path, "id: t\nversion: 1\nseverity:\n  IV-04: {level: high, reason: Raadsbesluit 2026-14}\n")
    )
    a = check(kb, DESCRIPTION, reasoned)
    assert of(a, "IV-04")[0].severity is Severity.HIGH


def test_a_profile_cannot_lower_the_law(kb: KnowledgeBase, tmp_path: Path) -> None:
    profile = load_profile(_profile(tmp_path, "id: t\nversion: 1\nseverity: {RM-01: low}\n"))
    with pytest.raises(ProfileError, match=r"RM-01 rests on the law; a profile cannot lower it"):
        apply_profile(kb, profile)


def test_an_unknown_rule_in_a_profile_is_an_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    profile = load_profile(_profile(tmp_path, "id: t\nversion: 1\nenable: [TR-99]\n"))
    with pytest.raises(ProfileError, match=r"enable: no rule TR-99 in the knowledge base"):
        apply_profile(kb, profile)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("id: Utrecht Stad\nversion: 1\n", r"id: missing or not a short lower-case name"),
        ("id: t\n", r"version: missing or not a version number"),
        ("id: t\nversion: 1\nenable: TR-02\n", r"enable: not a list of rule ids"),
        ("id: t\nversion: 1\nseverity: {TR-02: urgent}\n", r"severity.TR-02: 'urgent' is not a severity"),
        ("id: t\nversion: 1\nextra: 1\n", r"unknown key\(s\) extra"),
        ("id: t\nversion: 1\ncriteria_dir: eigen\n", r"own criteria need a prefix"),
        ("id: t\nversion: 1\nprefix: RM\n", r"'RM' is not a usable prefix"),
        ("- a list\n", r"a profile is a mapping"),
        ("id: [\n", r"profiel.yaml:\d+:\d+"),
    ],
)
def test_a_bad_profile_file_is_one_error(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        load_profile(_profile(tmp_path, body))


def test_own_criteria_are_prefixed_validated_and_evaluated(kb: KnowledgeBase, tmp_path: Path) -> None:
    own = tmp_path / "eigen"
    own.mkdir()
    register = criterion("TST-01", group="TR", basis="law", severity="medium", requirement=NEEDS_PROVISION)
    (own / "TST-01.json").write_text(json.dumps(register), encoding="utf-8")
    profile = load_profile(_profile(tmp_path, "id: t\nversion: 1\nprefix: TST\ncriteria_dir: eigen\n"))
    a = check(kb, DESCRIPTION, profile)
    assert statuses(a, "TST-01") == [("open", "tellen", "$.processings[0].legal_basis.provision")]
    # the profile's files are part of its hash
    assert a.profile is not None
    assert a.profile.sha256 != hashlib.sha256((tmp_path / "profiel.yaml").read_bytes()).hexdigest()


def test_own_criteria_need_the_prefix_and_the_meta_schema(tmp_path: Path) -> None:
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "AMS-01.json").write_text(json.dumps(criterion("AMS-01", group="TR")), encoding="utf-8")
    path = _profile(tmp_path, "id: t\nversion: 1\nprefix: TST\ncriteria_dir: eigen\n")
    with pytest.raises(ProfileError, match=r"id AMS-01 does not start with the profile's prefix TST-"):
        load_profile(path)
    broken = criterion("TST-01", group="TR")
    del broken["basis"]
    (own / "AMS-01.json").unlink()
    (own / "TST-01.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(
        KnowledgeBaseError, match=r"TST-01.json: does not match criterion.schema.json .*'basis' is a required property"
    ):
        load_profile(path)


def test_check_with_a_broken_profile_exits_2_with_one_line(tmp_path: Path) -> None:
    from pbd.cli import cli

    description = tmp_path / "d.yaml"
    description.write_text(DESCRIPTION, encoding="utf-8")
    bad = _profile(tmp_path, "id: t\n")
    result = CliRunner().invoke(cli, ["check", str(description), "--profile", str(bad)], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {bad}: version: missing or not a version number. Write e.g. version: 1.0.0."
    ]


def test_a_missing_profile_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"^Error: [^:]*nope\.yaml: cannot read file"):
        load_profile(tmp_path / "nope.yaml")


def test_a_json_profile_loads(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"id": "t", "version": "2.0", "enable": ["TR-02"]}', encoding="utf-8")
    profile = load_profile(path)
    assert (profile.id, profile.version, profile.enable) == ("t", "2.0", ("TR-02",))


def test_the_json_result_records_the_profile_and_each_basis(kb: KnowledgeBase, tmp_path: Path) -> None:
    import jsonschema

    from pbd.render.json_result import result_dict

    path = _profile(tmp_path, "id: testgemeente\nversion: 1.2.0\nenable: [TR-02]\n")
    profile = load_profile(path)
    result = result_dict(check(kb, DESCRIPTION, profile), apply_profile(kb, profile), "nl")
    schema = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "result.schema.json").read_text())
    for part in ("findings", "profile"):  # the parts this engine writes (the screening has its own tests)
        jsonschema.validate(result[part], {"$defs": schema["$defs"], **schema["properties"][part]})
    assert result["profile"] == {"id": "testgemeente", "version": "1.2.0", "sha256": profile.sha256}
    assert [(f["rule"], f["basis"]) for f in result["findings"] if f["rule"] in ("TR-02", "IV-04")] == [
        ("IV-04", "guidance"),
        ("TR-02", "policy"),
    ]
    assert result_dict(check(kb, DESCRIPTION), kb, "nl")["profile"] is None

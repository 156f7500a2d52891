"""The nine calibration cases give the outcome an FG labelled them with (CALIBRATION.md, issue 11/12).

Each case in ``tests/calibration/`` is a description written from the facts, as the project team
would write it; the labels live here and in ``tests/calibration/LABELS.md``. Every label is its own
test: the screening outcome (where two answers are defensible both are accepted), each AP type and
WP248 criterion the label names, each "must flag" as a finding of the stated status on the stated
path, each "must not", and the gate verdict of the two positive controls (C1, C2).

A label that pbd cannot meet yet is marked ``xfail(strict=True)`` with the reason: it turns red the
moment it starts to hold, and must then be unmarked. Nothing here is shaped to make a label pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from pbd import engine
from pbd.description import load_description
from pbd.knowledge_base import default_knowledge_base
from pbd.vocabulary import Severity, Status
from tests.conftest import EXAMPLES, ROOT, TODAY

CALIBRATION = ROOT / "tests" / "calibration"
CASES = sorted(CALIBRATION.glob("C*.yaml"))

GAP = frozenset({"gap"})
OPEN = frozenset({"open"})
GAP_OR_OPEN = frozenset({"gap", "open"})


def _case_path(case: str) -> Path:
    (path,) = CALIBRATION.glob(f"{case}-*.yaml")
    return path


@cache
def _assess(case: str) -> engine.Assessment:
    """The case judged on the shared date, at the gate of its own phase (the default)."""
    return engine.check(load_description(_case_path(case)), default_knowledge_base(), engine.Options(today=TODAY))


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- the files ----------------------------------------------------------------------------------


def test_the_nine_cases_are_there() -> None:
    assert [p.name.split("-", 1)[0] for p in CASES] == [f"C{n}" for n in range(1, 10)]


@pytest.mark.parametrize("path", CASES + EXAMPLES, ids=lambda p: p.stem)
def test_every_case_and_example_is_format_v2(path: Path) -> None:
    """Written in format 2 itself: no in-memory migration, nothing version 1 could not say."""
    loaded = load_description(path)
    assert loaded.from_version == 2
    assert loaded.model.schema_version == 2
    assert loaded.migration_notes == ()


# --- screening ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Screen:
    """One screening label: ``what`` is "outcome", "AP n", "WP248 n", "35(3)(x)", "IAMA", "KIA" or "Wpg"."""

    case: str
    what: str
    expect: frozenset[str] | bool | int | str
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{self.case}-{self.what}"


NOT_MANDATORY = frozenset({"not_needed", "recommended"})
MANDATORY = frozenset({"mandatory"})

SCREENING: list[Screen] = [
    # C1: no personal data, no person observed
    Screen("C1", "outcome", frozenset({"not_needed"})),
    Screen("C1", "no AP type", 0),
    Screen("C1", "no WP248 criterion", 0),
    # C2: one WP248 criterion at most (large scale); the RDW check is expected, so not WP248 6
    Screen("C2", "outcome", NOT_MANDATORY),
    Screen("C2", "no AP type", 0),
    Screen("C2", "not WP248 6", False),
    # C3: the Wpg applies to the recordings, with its own DPIA duty (Wpg 4c)
    Screen("C3", "outcome", MANDATORY),
    Screen("C3", "Wpg", "bodycam-opnamen"),
    Screen("C3", "KIA", False),
    # C4: employees followed by GPS
    Screen("C4", "outcome", MANDATORY),
    Screen("C4", "AP 11", True),
    Screen("C4", "AP 12", True),
    Screen("C4", "WP248 3", True),
    Screen("C4", "WP248 7", True),
    Screen("C4", "KIA", False),
    # C5: risk scores for families
    Screen(
        "C5",
        "outcome",
        MANDATORY,
    ),
    Screen(
        "C5",
        "AP 15",
        True,
    ),
    Screen("C5", "WP248 1", True),
    Screen("C5", "WP248 4", True),
    Screen("C5", "WP248 6", True),
    Screen("C5", "WP248 7", True),
    Screen(
        "C5",
        "IAMA",
        True,
    ),
    # C6: residents' reports with photos
    Screen("C6", "outcome", NOT_MANDATORY),
    Screen("C6", "not AP 9", False),
    Screen("C6", "not WP248 3", False),
    # C7: face recognition at the festival gates
    Screen("C7", "outcome", MANDATORY),
    Screen("C7", "AP 17", True),
    Screen("C7", "AP 9", True),
    Screen("C7", "AP 2", True),
    Screen("C7", "WP248 3", True),
    Screen("C7", "WP248 4", True),
    Screen("C7", "WP248 5", True),
    Screen("C7", "WP248 8", True),
    Screen("C7", "35(3)(b)", True),
    Screen("C7", "35(3)(c)", True),
    # C8: energy coaching with smart-meter data
    Screen("C8", "outcome", MANDATORY),
    Screen("C8", "AP 14", True),
    Screen("C8", "AP 5", True),
    Screen("C8", "WP248 4", True),
    Screen("C8", "WP248 6", True),
    Screen("C8", "WP248 7", True),
    # C9: drones over every roof
    Screen("C9", "outcome", MANDATORY),
    Screen("C9", "AP 9", True),
    Screen("C9", "WP248 3", True),
    Screen("C9", "WP248 5", True),
    Screen("C9", "WP248 8", True),
    Screen("C9", "KIA", False),
]


def _screen_value(s: engine.Screening, what: str) -> object:
    if what == "outcome":
        return s.dpia
    if what == "no AP type":
        return len(s.ap)
    if what == "no WP248 criterion":
        return len(s.edpb)
    if what == "Wpg":
        return ",".join(s.wpg)
    if what in ("IAMA", "KIA"):
        return s.iama if what == "IAMA" else s.kia
    kind, _, number = what.removeprefix("not ").partition(" ")
    if kind == "AP":
        return int(number) in s.ap
    if kind == "WP248":
        return int(number) in s.edpb
    if what.startswith("35(3)("):
        return what[6] in s.art35_3
    raise AssertionError(f"unknown screening label {what!r}")


@pytest.mark.parametrize(
    "label",
    [pytest.param(x, id=x.id, marks=[_xfail(x.xfail)] if x.xfail else []) for x in SCREENING],
)
def test_screening_label(label: Screen) -> None:
    s = _assess(label.case).screening
    got = _screen_value(s, label.what)
    if isinstance(label.expect, frozenset):
        assert got in label.expect, f"{label.case}: DPIA {got!r}, label {sorted(label.expect)}"
    else:
        assert got == label.expect, (
            f"{label.case}: {label.what} is {got!r} (AP {s.ap}, WP248 {s.edpb}, 35(3) {s.art35_3})"
        )


# --- must flag ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """A theme the FG raises: ``rule`` on ``target`` at ``path`` with one of ``statuses``."""

    case: str
    theme: str
    rule: str
    target: str
    path: str
    statuses: frozenset[str] = GAP
    severity: Severity | None = None
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{self.case}-{self.theme}"


P0 = "$.processings[0]"
P1 = "$.processings[1]"

FLAGS: list[Flag] = [
    # C3 bodycams: the regime first, then the Wpg duties
    Flag("C3", "regime AVG or Wpg", "RM-12", "bodycam-opnamen", f"{P0}.regime.wpg_dpia_done", GAP_OR_OPEN),
    Flag("C3", "Wpg authorisation and logging", "RM-12", "bodycam-opnamen", f"{P0}.security", GAP_OR_OPEN),
    Flag("C3", "who may view and export", "IV-03", "bodycam-opnamen", f"{P0}.security", GAP_OR_OPEN),
    Flag("C3", "logging of viewing and export", "IV-04", "bodycam-opnamen", f"{P0}.security", GAP_OR_OPEN),
    Flag(
        "C3", "deletion of recordings and buffer", "OB-02", "bodycam-opnamen", f"{P0}.retention.deletion", GAP_OR_OPEN
    ),
    Flag(
        "C3",
        "retention of the pre-record buffer",
        "RM-12",
        "bodycam-opnamen",
        f"{P0}.data_items[1].retention",
        GAP_OR_OPEN,
    ),
    Flag("C3", "provision to the police", "DB-05", "bodycam-opnamen", f"{P0}.purposes[2].compatibility", GAP_OR_OPEN),
    # C4 GPS in service vans
    Flag("C4", "works council consent", "RM-14", "gps-ritten", "$.project.works_council.consent"),
    Flag("C4", "performance checks incompatible", "DB-02", "gps-ritten", f"{P0}.purposes[1].compatibility"),
    Flag("C4", "employees not told", "TR-01", "gps-ritten", f"{P0}.transparency.information_at_collection"),
    Flag("C4", "one year for dispatch", "OB-03", "gps-ritten", f"{P0}.retention.period"),
    Flag("C4", "no privacy switch in breaks", "DM-09", "gps-ritten", f"{P0}.minimisation.privacy_switch"),
    # C5 risk scores for families
    Flag("C5", "general task does not carry profiling", "RM-02", "risicoscore-gezinnen", f"{P0}.legal_basis.provision"),
    Flag(
        "C5",
        "further use of debt and benefit data",
        "DB-02",
        "risicoscore-gezinnen",
        f"{P0}.purposes[1].compatibility",
    ),
    Flag("C5", "bias test", "JU-03", "risicoscore-gezinnen", f"{P0}.algorithm.bias_tested"),
    Flag("C5", "families not told", "TR-01", "risicoscore-gezinnen", f"{P0}.transparency.information_at_collection"),
    Flag("C5", "algorithm register", "TR-03", "risicoscore-gezinnen", f"{P0}.algorithm.registered"),
    Flag(
        "C5",
        "meaningful human oversight",
        "RB-05",
        "risicoscore-gezinnen",
        f"{P0}.algorithm.significant_effect",
        GAP_OR_OPEN,
    ),
    Flag(
        "C5", "AI Act high-risk question raised", "VA-17", "risicoscore-gezinnen", f"{P0}.algorithm.ai_act", GAP_OR_OPEN
    ),
    # C6 reports with photos
    Flag("C6", "photos kept five years", "OB-01", "meldingen", f"{P0}.data_items[0].retention"),
    Flag("C6", "EXIF location not stripped", "DM-08", "meldingen", f"{P0}.data_items[0].strip_metadata"),
    # C7 face recognition at the gates
    Flag(
        "C7",
        "art. 9: consent tied to entry",
        "RM-05",
        "toegang-gezichtsherkenning",
        f"{P0}.legal_basis.consent.tied_to_service",
        severity=Severity.HIGH,
    ),
    Flag(
        "C7",
        "consent not free (art. 7(4))",
        "RM-03",
        "toegang-gezichtsherkenning",
        f"{P0}.legal_basis.consent.tied_to_service",
    ),
    Flag(
        "C7",
        "necessity: ticket and ID checks",
        "RM-08",
        "toegang-gezichtsherkenning",
        f"{P0}.necessity.alternatives[0].reason_kind",
    ),
    Flag(
        "C7", "watch list from the police", "RM-06", "toegang-gezichtsherkenning", f"{P0}.data_items[1].uavg_provision"
    ),
    Flag(
        "C7",
        "roles of municipality and events company",
        "VA-03",
        "Festivalbureau Zomerzinnen BV",
        "$.parties[1].role",
        GAP_OR_OPEN,
    ),
    Flag(
        "C7",
        "AI Act: remote biometric identification",
        "VA-17",
        "toegang-gezichtsherkenning",
        f"{P0}.algorithm.ai_act.high_risk",
        GAP_OR_OPEN,
    ),
    # C8 energy coaching
    Flag(
        "C8",
        "consent of benefit recipients not free",
        "RM-03",
        "meterdata-coaching",
        f"{P1}.legal_basis.consent.dependency",
        GAP_OR_OPEN,
    ),
    Flag(
        "C8",
        "income-support files reused to select",
        "DB-02",
        "selectie-huishoudens",
        f"{P0}.purposes[0].compatibility",
        GAP_OR_OPEN,
    ),
    Flag(
        "C8", "role of the foundation", "VA-03", "Stichting Energiecoach Kempenstad", "$.parties[1].role", GAP_OR_OPEN
    ),
    Flag("C8", "quarter-hour data kept two years", "OB-03", "meterdata-coaching", f"{P1}.retention.period"),
    # C9 drones over the roofs
    Flag("C9", "reuse for building enforcement", "DB-02", "dakbeelden", f"{P0}.purposes[1].compatibility"),
    Flag("C9", "no blurring of people and gardens", "DM-06", "dakbeelden", f"{P0}.minimisation.blurring"),
    Flag("C9", "images kept indefinitely", "OB-01", "dakbeelden", f"{P0}.retention.deletion"),
    Flag("C9", "announced on the website only", "TR-01", "dakbeelden", f"{P0}.transparency.information_at_collection"),
    Flag("C9", "nothing visible on the spot", "TR-02", "dakbeelden", f"{P0}.collection.signage"),
]


@pytest.mark.parametrize(
    "flag",
    [pytest.param(x, id=x.id, marks=[_xfail(x.xfail)] if x.xfail else []) for x in FLAGS],
)
def test_must_flag(flag: Flag) -> None:
    findings = _assess(flag.case).findings
    at = [f for f in findings if (f.rule, f.target, f.path) == (flag.rule, flag.target, flag.path)]
    other = sorted({(f.path, f.status.value) for f in findings if f.rule == flag.rule and f.target == flag.target})
    assert at, f"{flag.case}: no {flag.rule} finding on {flag.target} at {flag.path}; {flag.rule} gives {other}"
    (finding,) = at
    assert finding.status.value in flag.statuses, f"{flag.case}: {flag.rule} is {finding.status.value}"
    if flag.severity is not None:
        assert finding.severity is flag.severity


# --- must not -----------------------------------------------------------------------------------


Check = Callable[[engine.Assessment], list[str]]


def _no(rule: str, statuses: frozenset[str], target: str | None = None) -> Check:
    def check(a: engine.Assessment) -> list[str]:
        return [
            f"{f.rule} {f.target} {f.status.value} {f.path}"
            for f in a.findings
            if f.rule == rule and f.status.value in statuses and (target is None or f.target == target)
        ]

    return check


def _no_gap_in_groups(*groups: str) -> Check:
    def check(a: engine.Assessment) -> list[str]:
        return [
            f"{f.rule} {f.target} {f.path}"
            for f in a.findings
            if f.kind == "criterion" and f.group in groups and f.status is Status.GAP
        ]

    return check


def _no_high_gap(a: engine.Assessment) -> list[str]:
    return [
        f"{f.rule} {f.target} {f.path}" for f in a.findings if f.status is Status.GAP and f.severity is Severity.HIGH
    ]


#: system requirements about cameras, images and device identifiers (C1 has none of them)
CAMERA_AND_DEVICE_ID = ("SE-MN-05", "SE-MN-06", "SE-MN-07", "SE-MN-08", "SE-MN-11", "SE-BW-07", "SE-BW-08")


def _no_camera_or_device_id_requirements(a: engine.Assessment) -> list[str]:
    return [
        f"{f.rule} {f.status.value}"
        for f in a.findings
        if f.rule in CAMERA_AND_DEVICE_ID and f.status in (Status.GAP, Status.OPEN)
    ]


def _no_storage_location_gap(a: engine.Assessment) -> list[str]:
    rules = ("VA-04", "VA-11", "SE-HO-01", "SE-HO-02")
    return [f"{f.rule} {f.target} {f.path}" for f in a.findings if f.rule in rules and f.status is Status.GAP]


def _no_gap_on_verified_capabilities(a: engine.Assessment) -> list[str]:
    """A systeemeis whose capability the system declares with contract or verification evidence is not a gap."""
    kb = default_knowledge_base()
    model = load_description(_case_path("C2")).model
    evidenced = {
        (s.id, cap)
        for s in model.systems or []
        for cap, ev in (s.capability_evidence or {}).items()
        if ev.level is not None and ev.level.value in ("contracted", "verified") and cap in (s.capabilities or [])
    }
    capability = {r.id: r.capability for r in kb.system_requirements.values()}
    return [
        f"{f.rule} ({capability.get(f.rule)}) {f.target}"
        for f in a.findings
        if f.kind == "system_requirement" and f.status is Status.GAP and (f.target, capability.get(f.rule)) in evidenced
    ]


def _no_gap_on(path_prefix: str) -> Check:
    def check(a: engine.Assessment) -> list[str]:
        return [f"{f.rule} {f.path}" for f in a.findings if f.status is Status.GAP and f.path.startswith(path_prefix)]

    return check


def _no_special_category_finding(a: engine.Assessment) -> list[str]:
    return [
        f"{f.rule} {f.status.value} {f.path}"
        for f in a.findings
        if f.rule == "RM-05" and f.status in (Status.GAP, Status.OPEN)
    ]


def _not_tested_against_art6(a: engine.Assessment) -> list[str]:
    """Under the Wpg the AVG art. 6 criteria are n.v.t. for the recordings, with that reason."""
    return [
        f"{f.rule} {f.status.value}"
        for f in a.findings
        if f.rule in ("RM-01", "RM-02") and f.target == "bodycam-opnamen" and f.status is not Status.NOT_APPLICABLE
    ]


def _rm01_not_met(a: engine.Assessment) -> list[str]:
    return [f"RM-01 met at {f.path}" for f in a.findings if f.rule == "RM-01" and f.status is Status.MET]


@dataclass(frozen=True)
class Never:
    case: str
    theme: str
    check: Check
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{self.case}-{self.theme}"


NEVER: list[Never] = [
    Never("C1", "lawfulness, transparency, rights or retention as a gap", _no_gap_in_groups("RM", "TR", "RB", "OB")),
    Never("C1", "camera or device-identifier systeemeisen", _no_camera_or_device_id_requirements),
    Never("C1", "storage outside NL as a gap", _no_storage_location_gap),
    Never("C2", "BSN use as a gap or open", _no("RM-07", GAP_OR_OPEN)),
    Never("C2", "any high gap", _no_high_gap),
    Never("C2", "systeemeis gap for declared and evidenced capabilities", _no_gap_on_verified_capabilities),
    Never("C3", "an opt-out for the persons recorded as a gap", _no("RB-03", GAP)),
    Never("C3", "an opt-out (policy) as a gap", _no("RB-07", GAP)),
    Never("C3", "recordings tested against AVG art. 6", _not_tested_against_art6),
    Never("C4", "art. 9 special categories", _no_special_category_finding),
    Never("C5", "RM-01 met because a statute is named", _rm01_not_met),
    Never("C6", "the rounded public map as a gap", _no_gap_on(f"{P0}.publication")),
    Never("C9", "art. 9 special categories", _no_special_category_finding),
]


@pytest.mark.parametrize(
    "never",
    [pytest.param(x, id=x.id, marks=[_xfail(x.xfail)] if x.xfail else []) for x in NEVER],
)
def test_must_not(never: Never) -> None:
    wrong = never.check(_assess(never.case))
    assert not wrong, f"{never.case}: {never.theme}: {wrong}"


# --- gate of the positive controls ----------------------------------------------------------------


@pytest.mark.parametrize(("case", "gate"), [("C1", "aanbesteding"), ("C2", "beheer")])
def test_positive_control_is_go_at_its_own_gate(case: str, gate: str) -> None:
    a = _assess(case)
    assert a.gate is not None and a.gate.value == gate
    decision = a.decision()
    assert decision is not None
    blocking = sorted(f"{f.rule} {f.target} {f.status.value} {f.path}" for f in decision.blocking_findings)
    assert decision.go and blocking == [], f"{case}: NO-GO at {gate}: {blocking}"

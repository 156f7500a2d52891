"""The questionnaire: complete scripted runs, branching, answer validation, resuming, and never losing an answer."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from pbd.cli import cli
from pbd.description import load_description
from pbd.description.model import ProjectDescription
from pbd.engine.evaluate import evaluate
from pbd.errors import DescriptionError
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from pbd.questionnaire import (
    ASK_WHEN,
    CHOICES,
    DescriptionDocument,
    Progress,
    Prompt,
    Questionnaire,
    _get,
    _spec_at,
    field_specs,
    generic_path,
    next_questions,
    parse_answer,
    progress_path,
)
from tests.conftest import ROOT, TODAY

DATE = TODAY.isoformat()


# --------------------------------------------------------------------------------------------
# scripted terminals


class ExampleDriver:
    """A terminal that answers every question from an example description, and records what it typed.

    The answers come from the example by the path of each question, so the questionnaire's order
    and branching decide what is asked; the typed lines are then replayed through the real CLI.
    """

    def __init__(self, example: dict[str, Any]) -> None:
        self.example = example
        self.typed: list[str] = []
        self.output: list[str] = []
        self._queue: list[str] = []
        self._last: tuple[Any, ...] | None = None
        self._repeats = 0

    def say(self, text: str = "", style: str = "") -> None:
        self.output.append(text)

    def ask(self, prompt: Prompt) -> str:
        # the same question again means its answer was refused (a list's next line or a part of a long list is not)
        key = (prompt.kind, prompt.path, prompt.choices, len(self.typed) if prompt.kind == "more" else 0)
        self._repeats = self._repeats + 1 if key == self._last else 0
        self._last = key
        if self._repeats > 3:
            raise AssertionError(f"asked again and again: {prompt.path}\n" + "\n".join(self.output[-15:]))
        answer = self._answer(prompt)
        self.typed.append(answer)
        return answer

    def _answer(self, p: Prompt) -> str:
        if p.kind == "more":
            return self._queue.pop(0) if self._queue else ""
        if p.kind == "confirm":
            return "n"
        if p.kind == "group":
            return "+" if len(p.choices) < len(_get(self.example, p.path) or []) else ""
        value = _get(self.example, p.path)
        if value is None or p.spec is None:
            return ""
        kind = p.spec.kind
        if kind == "bool":
            return "j" if value else "n"
        if kind in ("enum", "choice"):
            return str(p.choices.index(value) + 1)
        if kind in ("enum_list", "choice_list"):
            numbers = [str(p.choices.index(v) + 1) for v in value if v in p.choices]
            if numbers:
                return ",".join(numbers)
            return "0" if p.path[-1] == "capabilities" else ""  # capabilities are asked per area: 0 = none here
        if kind == "text_list":
            self._queue = [str(v) for v in value[1:]] + [""]
            return str(value[0])
        return str(value)


class Script:
    """A terminal that types given lines (or answers by path), and keeps what was shown."""

    def __init__(
        self,
        lines: list[str] | None = None,
        by_path: dict[tuple[Any, ...], str] | None = None,
        on_ask: Callable[[Prompt], None] | None = None,
    ) -> None:
        self.lines = list(lines or [])
        self.by_path = by_path
        self.on_ask = on_ask
        self.output: list[str] = []
        self.prompts: list[Prompt] = []
        self.typed: list[str] = []

    def say(self, text: str = "", style: str = "") -> None:
        self.output.append(text)

    def ask(self, prompt: Prompt) -> str:
        self.prompts.append(prompt)
        if self.on_ask is not None:
            self.on_ask(prompt)
        if self.by_path is not None:
            answer = self.by_path.get(prompt.path, "") if prompt.kind == "question" else ""
        elif self.lines:
            answer = self.lines.pop(0)
        else:
            raise EOFError
        self.typed.append(answer)
        return answer

    @property
    def text(self) -> str:
        return "\n".join(self.output)


def _session(path: Path, terminal: Any, *, lang: str = "nl", kb: bool = False) -> Questionnaire:
    return Questionnaire(
        DescriptionDocument(path, lang),
        terminal,
        lang=lang,
        today=TODAY,
        knowledge_base=default_knowledge_base if kb else None,
    )


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    out: dict[tuple[Any, ...], Any] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(_leaves(v, (*path, k)))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for i, v in enumerate(data):
            out.update(_leaves(v, (*path, i)))
    else:
        out[path] = sorted(data) if path and path[-1] == "capabilities" else data
    return out


def _findings(path: Path, kb: KnowledgeBase) -> set[tuple[str, str, str, str]]:
    assessment = evaluate(load_description(path), kb, today=TODAY)
    return {(f.rule, f.target, f.status.value, f.path) for f in assessment.findings}


# --------------------------------------------------------------------------------------------
# complete runs: two examples, answered from scratch through the real command line


@pytest.mark.parametrize("example", ["living-lab-scheveningen.yaml", "slimme-straatverlichting.yaml"])
def test_complete_scripted_run_reproduces_the_example(example: str, tmp_path: Path, kb: KnowledgeBase) -> None:
    source = ROOT / "examples" / example
    expected = load_description(source).data()

    # 1. answer every question from the example: this decides the script (order and branching are the questionnaire's)
    driver = ExampleDriver(expected)
    _session(tmp_path / "engine.yaml", driver, kb=True).run()

    # 2. type exactly those lines into `pbd questionnaire` on a new file
    target = tmp_path / "project.yaml"
    result = CliRunner().invoke(
        cli,
        ["questionnaire", str(target), "--date", DATE],
        input="\n".join(driver.typed) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output[-3000:]
    assert "Klaar: alle vragen die nu van toepassing zijn" in result.output
    assert "Stand na 'Verwerkingen'" in result.output  # the gaps of each section were shown on the way

    # the file is valid, holds exactly the example's answers, and evaluates like the example
    got = load_description(target).data()
    assert _leaves(got) == _leaves(expected)  # capabilities compared as sets: they are asked per function area
    assert _findings(target, kb) == _findings(source, kb)
    assert target.read_text(encoding="utf-8") == (tmp_path / "engine.yaml").read_text(encoding="utf-8")


def test_street_lighting_asks_nothing_about_people(tmp_path: Path, kb: KnowledgeBase) -> None:
    """No personal data: no legal ground, data subjects or rights are asked; the screening says no DPIA is needed."""
    path = tmp_path / "p.yaml"
    shutil.copy(ROOT / "examples" / "slimme-straatverlichting.yaml", path)
    asked = {generic_path(p) for p in _session(path, Script()).applicable("processings")}
    assert not any(
        p.startswith(("processings[].legal_basis", "processings[].data_subjects", "processings[].rights"))
        for p in asked
    )
    assert "processings[].collection.sensors.edge_processing" in asked  # motion sensors in public space
    assessment = evaluate(load_description(path), kb, today=TODAY)
    assert assessment.screening.dpia == "not_needed"


# --------------------------------------------------------------------------------------------
# never loses an answer: SIGKILL in the middle of a session, then resume


class _Process:
    """``pbd questionnaire`` in a child process over pipes, as a user at a terminal would drive it."""

    def __init__(self, path: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(  # our own CLI, fixed arguments
            [sys.executable, str(ROOT / "cli.py"), "questionnaire", str(path), "--date", DATE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
        self.out = b""
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 4096):
            with self._lock:
                self.out += chunk

    @property
    def text(self) -> str:
        with self._lock:
            return self.out.decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if re.search(pattern, self.text):
                return
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"did not see {pattern!r}; output so far:\n{self.text[-2000:]}")

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


def test_sigkill_mid_session_keeps_every_answer_and_a_second_run_resumes(tmp_path: Path) -> None:
    path = tmp_path / "kill.yaml"
    first = _Process(path)
    answers = [
        ("Projectnaam", "Drukte meten Neude"),
        ("Organisatie", "Gemeente Utrecht"),
        ("Afdeling", ""),
        ("Contactpersoon", "Team Openbare Ruimte"),
        ("Fase", "3"),
    ]
    for title, answer in answers:
        first.wait_for(rf"\] {title}[^\n]*\n(.*\n)*?> ?$")
        first.type(answer)
    first.wait_for(r"\[6/\d+\] Beschrijving")  # the answer to 'Fase' has been taken: the next question is up
    first.type("Wifi-sensoren tellen telefoons rond de Neude.")  # ... and killed while it may be writing
    first.kill()
    assert first.proc.returncode == -signal.SIGKILL

    loaded = load_description(path)  # valid: never half written
    project = loaded.data()["project"]
    assert project["name"] == "Drukte meten Neude"
    assert project["organisation"] == "Gemeente Utrecht"
    assert project["contact"] == "Team Openbare Ruimte"
    assert project["phase"] == "ontwerp"
    assert "department" not in project
    assert "project.department" in json.loads(progress_path(path).read_text(encoding="utf-8"))["skipped"]
    summary_saved = "summary" in project

    second = _Process(path)
    # resumes at the first unanswered question: not 'Afdeling' (skipped on purpose), not 'Projectnaam'
    expected, key, following = (
        ("Maatschappelijk doel", "societal_goal", "Pilot of proeftuin")
        if summary_saved
        else ("Beschrijving", "summary", "Maatschappelijk doel")
    )
    second.wait_for(r"\] \w[^\n]*\n(.*\n)*?> ?$")
    first_question = re.findall(r"\[\d+/\d+\] ([^\n(]+)", second.text)[0].strip()
    assert first_question == expected, second.text
    assert "Verder met" in second.text
    second.type("Veilige drukte op het plein.")
    second.wait_for(rf"\] {following}")
    second.kill()
    assert load_description(path).data()["project"][key] == "Veilige drukte op het plein."


def test_ctrl_c_says_everything_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    result = CliRunner().invoke(
        cli, ["questionnaire", str(path)], input="Project X\nGemeente Y\n", catch_exceptions=False
    )
    assert result.exit_code == 130  # input ended (like Ctrl-D / Ctrl-C): stopped, not failed
    assert "Alle antwoorden tot nu toe staan in" in result.output
    assert load_description(path).data()["project"] == {"name": "Project X", "organisation": "Gemeente Y"}


# --------------------------------------------------------------------------------------------
# resuming, skipping, going back


def test_skipped_questions_are_not_asked_first_and_are_offered_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    with pytest.raises(EOFError):
        _session(path, Script(["Naam", "", "Afdeling Z"])).run()  # organisation skipped
    assert Progress(path).skipped == {"project.organisation"}

    script = Script(["Contact"])
    with pytest.raises(EOFError):
        _session(path, script).run()
    assert script.prompts[0].path == ("project", "contact")  # not the skipped organisation

    # to the end, skipping everything; then the skipped questions are offered, organisation first
    asked: list[Prompt] = []

    def ask(prompt: Prompt) -> str:
        asked.append(prompt)
        return "j" if prompt.kind == "confirm" and prompt.path == ("skipped",) else ""

    script = Script()
    script.ask = ask  # type: ignore[method-assign]
    _session(path, script).run()
    offer = next(i for i, p in enumerate(asked) if p.path == ("skipped",))
    assert ("project", "organisation") not in [p.path for p in asked[:offer]]
    assert asked[offer + 1].path == ("project", "organisation")


def test_back_goes_to_the_previous_question_and_forward_again(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    script = Script(["Naam", "Gemeente A", "<", "<", "", "Gemeente B", "Afdeling"])
    with pytest.raises(EOFError):
        _session(path, script).run()
    asked = [p.path[-1] for p in script.prompts]
    assert asked[:7] == ["name", "organisation", "department", "organisation", "name", "organisation", "department"]
    data = load_description(path).data()["project"]
    assert data == {"name": "Naam", "organisation": "Gemeente B", "department": "Afdeling"}


def test_skip_rest_of_block(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n  dpo: FG\n", encoding="utf-8")
    script = Script(by_path={})
    seen: list[tuple[Any, ...]] = []

    def ask(prompt: Prompt) -> str:
        seen.append(prompt.path)
        return ">" if prompt.path == ("project", "dpo_advice", "date") else ""

    script.ask = ask  # type: ignore[method-assign]
    _session(path, script).run()
    assert ("project", "dpo_advice", "summary") not in seen
    assert "project.dpo_advice.summary" in Progress(path).skipped
    assert "vragen overgeslagen: de rest van 'Advies FG'" in script.text


# --------------------------------------------------------------------------------------------
# answers are validated as they are typed


def test_bad_date_and_duration_are_asked_again_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n  dpo: FG\n", encoding="utf-8")
    by_prompt = iter(["31-02-2026", "gisteren", "1-5-2026"])

    def ask(prompt: Prompt) -> str:
        return next(by_prompt) if prompt.path == ("project", "dpo_advice", "date") else ""

    script = Script()
    script.ask = ask  # type: ignore[method-assign]
    _session(path, script).run()
    assert "'2026-02-31' is geen geldige datum voor 'Datum advies'; schrijf JJJJ-MM-DD" in script.text
    assert "'gisteren' is geen geldige datum" in script.text
    assert load_description(path).data()["project"]["dpo_advice"]["date"] == "2026-05-01"


def test_parse_answer_uses_the_models_validators() -> None:
    def spec(*path: Any) -> Any:
        return _spec_at(path)

    period = spec("processings", 0, "retention", "period")
    assert parse_answer(period, ("processings", 0, "retention", "period"), "30 dagen", []) == ("P30D", "P30D")
    assert parse_answer(period, (), "1 jaar en 6 maanden", [])[0] == "P1Y6M"
    assert parse_answer(period, (), "24 uur", [])[0] == "PT24H"
    assert parse_answer(period, (), "p2y", [])[0] == "P2Y"
    with pytest.raises(Exception, match="ISO 8601") as err:
        parse_answer(period, ("processings", 0, "retention", "period"), "een tijdje", [])
    assert "30 dagen" in err.value.nl  # type: ignore[attr-defined]
    count = spec("processings", 0, "scale", "data_subjects")
    assert parse_answer(count, (), "50.000", [])[0] == 50000  # Dutch thousands
    with pytest.raises(Exception, match=r"bereik|range"):
        parse_answer(count, ("processings", 0, "scale", "data_subjects"), "-3", [])
    country = spec("parties", 0, "country")
    assert parse_answer(country, (), "nl", [])[0] == "NL"
    with pytest.raises(Exception, match="landcode"):
        parse_answer(country, ("parties", 0, "country"), "Nederland", [])
    ident = spec("processings", 0, "id")
    with pytest.raises(Exception, match="Voorstel: wifi-telling") as err2:
        parse_answer(ident, ("processings", 0, "id"), "wifi telling", [])
    assert "Suggestion: wifi-telling" in err2.value.en  # type: ignore[attr-defined]
    ground = spec("processings", 0, "legal_basis", "ground")
    choices = [("consent", "toestemming", "consent"), ("public_task", "taak van algemeen belang", "public task")]
    assert parse_answer(ground, (), "2", choices)[0] == "public_task"
    assert parse_answer(ground, (), "taak van", choices)[0] == "public_task"
    with pytest.raises(Exception, match="Kies een nummer van 1 tot 2"):
        parse_answer(ground, (), "7", choices)
    flag = spec("project", "pilot")
    assert parse_answer(flag, (), "ja", [])[0] is True
    assert parse_answer(flag, (), "n", [])[0] is False


def test_an_answer_that_would_make_the_file_invalid_is_refused(tmp_path: Path) -> None:
    """Two processings with the same id: refused with the loader's reason, asked again, file stays valid."""
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\nprocessings:\n  - id: tellen\n", encoding="utf-8")
    script = Script(["+", "tellen", "tellen-2", ">", ""])
    _session(path, script).run(section="processings")
    assert "komt twee keer voor" in script.text
    assert [p["id"] for p in load_description(path).data()["processings"]] == ["tellen", "tellen-2"]


# --------------------------------------------------------------------------------------------
# branching: asks only what applies


def _applicable(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    return {generic_path(p) for p in _session(path, Script()).applicable()}


BASE = "project:\n  name: X\nprocessings:\n  - id: p\n"


def test_branching_legal_basis(tmp_path: Path) -> None:
    asked = _applicable(tmp_path, BASE + "    legal_basis:\n      ground: consent\n")
    assert "processings[].legal_basis.consent.recorded" in asked
    assert "processings[].legal_basis.provision" not in asked
    assert "processings[].legal_basis.consent.parental_consent" not in asked  # no minors
    assert "processings[].rights.portability.procedure" in asked
    assert "processings[].rights.objection.procedure" not in asked
    asked = _applicable(tmp_path, BASE + "    legal_basis:\n      ground: public_task\n")
    assert "processings[].legal_basis.provision" in asked
    assert "processings[].legal_basis.consent.recorded" not in asked
    assert "processings[].rights.objection.procedure" in asked
    assert "processings[].rights.portability.procedure" not in asked
    minors = (
        BASE
        + "    data_subjects:\n      - category: kinderen\n        minors: yes\n    legal_basis:\n      ground: consent\n"
    )
    asked = _applicable(tmp_path, minors)
    assert "processings[].legal_basis.consent.parental_consent" in asked
    assert "processings[].data_subjects[].under_16" in asked


def test_branching_special_categories_and_bsn(tmp_path: Path) -> None:
    item = BASE + "    data_items:\n      - name: x\n        type: {t}\n"
    ordinary = _applicable(tmp_path, item.format(t="ordinary"))
    assert "processings[].data_items[].art9_exception" not in ordinary
    assert "processings[].data_items[].national_id.statutory_basis" not in ordinary
    special = _applicable(tmp_path, item.format(t="special"))
    assert {
        "processings[].data_items[].art9_exception",
        "processings[].data_items[].special_category",
        "processings[].data_items[].uavg_provision",
    } <= special
    assert "processings[].data_items[].national_id.statutory_basis" in _applicable(
        tmp_path, item.format(t="national_id")
    )


def test_branching_transfers_outside_the_eea(tmp_path: Path) -> None:
    transfer = BASE + "    transfers:\n      - country: {c}\n"
    assert "processings[].transfers[].mechanism" not in _applicable(tmp_path, transfer.format(c="DE"))
    assert {"processings[].transfers[].mechanism", "processings[].transfers[].tia_done"} <= _applicable(
        tmp_path, transfer.format(c="US")
    )


def test_branching_sensors_and_public_space(tmp_path: Path) -> None:
    form = _applicable(tmp_path, BASE + "    collection:\n      methods: [form]\n      public_space: false\n")
    assert not any(p.startswith("processings[].collection.sensors") for p in form)
    assert "processings[].collection.signage" not in form
    assert "processings[].rights.opt_out" not in form
    assert "processings[].retention.raw_data_period" not in form
    wifi = _applicable(tmp_path, BASE + "    collection:\n      methods: [wifi_sensor]\n      public_space: true\n")
    assert {
        "processings[].collection.sensors.edge_processing",
        "processings[].collection.signage",
        "processings[].transparency.sensor_register",
        "processings[].rights.opt_out",
        "processings[].retention.raw_data_period",
        "processings[].legal_basis.council_ordinance",
        "processings[].minimisation.treated_as_personal_data",
    } <= wifi
    assert "processings[].collection.sensors.privacy_masking" not in wifi  # cameras only
    camera = _applicable(tmp_path, BASE + "    collection:\n      methods: [camera]\n      public_space: true\n")
    assert "processings[].collection.sensors.privacy_masking" in camera


def test_branching_no_personal_data_and_algorithms(tmp_path: Path) -> None:
    none = _applicable(tmp_path, BASE + "    personal_data: false\n")
    assert not any(
        p.startswith(("processings[].legal_basis", "processings[].rights", "processings[].data_subjects")) for p in none
    )
    assert "processings[].algorithm.description" not in none
    algo = _applicable(tmp_path, BASE + "    techniques: [ai]\n")
    assert {"processings[].algorithm.description", "processings[].transparency.algorithm_register"} <= algo


def test_an_answer_is_never_hidden_by_branching(tmp_path: Path) -> None:
    """A field answered by hand stays visible (and editable) even when its condition does not hold."""
    asked = _applicable(
        tmp_path, BASE + "    legal_basis:\n      ground: consent\n      provision: Gemeentewet art. 160\n"
    )
    assert "processings[].legal_basis.provision" in asked


def test_every_branching_and_choice_key_names_a_model_field() -> None:
    def resolves(generic: str) -> bool:
        model: Any = ProjectDescription
        for part in generic.split("."):
            spec = next((s for s in field_specs(model) if s.name == part.removesuffix("[]")), None)
            if spec is None:
                return False
            model = spec.target or model
        return True

    for key in [*ASK_WHEN, *CHOICES]:
        assert resolves(key), key


# --------------------------------------------------------------------------------------------
# repeatable groups


def test_groups_add_edit_and_remove_keep_references_valid(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "project:\n  name: X\n"
        "processings:\n  - id: tellen\n    systems: [platform]\n  - id: meten\n"
        "systems:\n  - id: platform\n"
        "risks:\n  - id: R1\n    processings: [tellen, meten]\n",
        encoding="utf-8",
    )
    # rename the system: the processing follows
    _session(path, Script(["1", "dataplatform", ">", ""])).run(section="systems")
    assert load_description(path).data()["processings"][0]["systems"] == ["dataplatform"]
    # remove a processing: the risk no longer points at it
    _session(path, Script(["-1", "j", ""])).run(section="processings")
    data = load_description(path).data()
    assert [p["id"] for p in data["processings"]] == ["meten"]
    assert data["risks"][0]["processings"] == ["meten"]


def test_new_processing_gets_its_id_first_and_the_file_stays_valid(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n", encoding="utf-8")
    script = Script(["+", "wifi-telling", "Wifi-telling"])
    with pytest.raises(EOFError):
        _session(path, script).run(section="processings")
    assert load_description(path).data()["processings"] == [{"id": "wifi-telling", "name": "Wifi-telling"}]


# --------------------------------------------------------------------------------------------
# comments and key order survive; unsafe files are refused


def test_comments_and_key_order_survive_an_update(tmp_path: Path) -> None:
    source = ROOT / "examples" / "stratumseind.yaml"
    answers = {("project", "contact"): "Nieuwe contactpersoon", ("project", "dpia", "review_due"): "2027-01-01"}
    engine = tmp_path / "engine.yaml"
    shutil.copy(source, engine)
    script = Script(by_path=answers)
    _session(engine, script).run(section="project")

    target = tmp_path / "stratumseind.yaml"
    shutil.copy(source, target)
    result = CliRunner().invoke(
        cli,
        ["questionnaire", str(target), "--section", "project", "--date", DATE],
        input="\n".join(script.typed) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output[-2000:]
    before = source.read_text(encoding="utf-8").splitlines()
    after = target.read_text(encoding="utf-8").splitlines()
    removed = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert removed == ["  contact: Programmamanager Living Lab Stratumseind"]
    assert added == ["  contact: Nieuwe contactpersoon", "    review_due: 2027-01-01"]
    assert after.index("    review_due: 2027-01-01") == after.index("    date: 2025-09-01") + 1  # model order
    comments = [line.strip() for line in before if line.strip().startswith("#")]
    assert comments == [line.strip() for line in after if line.strip().startswith("#")]


def test_inserted_key_goes_after_its_predecessor_and_before_the_comment_of_its_successor(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X  # naam\n  # over de fase\n  phase: idee\n", encoding="utf-8")
    _session(path, Script(by_path={("project", "organisation"): "Gemeente"})).run(section="project")
    assert path.read_text(encoding="utf-8").startswith(
        "project:\n  name: X  # naam\n  organisation: Gemeente\n  # over de fase\n  phase: idee\n"
    )


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        "project:\n  name: !!python/object/apply:os.system ['echo hacked > /tmp/pbd-hacked']\n", encoding="utf-8"
    )
    with pytest.raises(DescriptionError, match="niet toegestaan"):
        DescriptionDocument(path)
    # and the round-trip loader on its own builds no Python object from such a tag
    tree = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    assert type(tree["project"]["name"]).__module__.startswith("ruamel.yaml")


def test_invalid_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("project:\n  name: X\n  phase: morgen\n", encoding="utf-8")
    from pbd.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["questionnaire", str(path)])
    assert exit_info.value.code == 2
    assert path.read_text(encoding="utf-8") == "project:\n  name: X\n  phase: morgen\n"


def test_a_change_made_in_an_editor_meanwhile_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n", encoding="utf-8")

    def edit(prompt: Prompt) -> None:
        if prompt.path == ("project", "department"):  # someone edits the file while this question waits
            path.write_text("# met de hand\nproject:\n  name: X\n  contact: Via editor\n", encoding="utf-8")

    script = Script(["Gemeente", "Afdeling"], on_ask=edit)
    with pytest.raises(EOFError):
        _session(path, script).run()
    text = path.read_text(encoding="utf-8")
    assert "# met de hand" in text
    # the editor's version (without the organisation typed before it) is the base for the next answer
    assert load_description(path).data()["project"] == {"name": "X", "contact": "Via editor", "department": "Afdeling"}
    assert "buiten de vragenlijst gewijzigd" in script.text


def test_json_descriptions_stay_json(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"project": {"name": "X"}}', encoding="utf-8")
    with pytest.raises(EOFError):
        _session(path, Script(["Gemeente"])).run()
    assert json.loads(path.read_text(encoding="utf-8")) == {"project": {"name": "X", "organisation": "Gemeente"}}


# --------------------------------------------------------------------------------------------
# help, language, section summaries


def test_help_shows_article_and_the_criteria_that_check_the_field(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(BASE + "    legal_basis:\n      ground: public_task\n", encoding="utf-8")
    provision = ("processings", 0, "legal_basis", "provision")
    replies = iter(["?", "Gemeentewet art. 160"])
    opened: list[bool] = []

    def ask(prompt: Prompt) -> str:
        if prompt.kind == "group" and prompt.path == ("processings",) and not opened:
            opened.append(True)
            return "1"  # review the processing
        return next(replies) if prompt.path == provision else ""

    script = Script()
    script.ask = ask  # type: ignore[method-assign]
    _session(path, script, kb=True).run(section="processings")
    assert "Artikel / bron: AVG 6(3)" in script.text
    assert "Gevraagd omdat de grondslag een wettelijke verplichting of een publieke taak is." in script.text
    assert "RM-02" in script.text
    assert load_description(path).data()["processings"][0]["legal_basis"]["provision"] == "Gemeentewet art. 160"


def test_section_summary_shows_gaps_and_survives_a_broken_knowledge_base(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n  pilot: true\n", encoding="utf-8")

    def broken() -> KnowledgeBase:
        raise RuntimeError("criteria/XX-01.json: being edited")

    answers = {("project", "evaluation_planned"): "n"}
    script = Script(by_path=answers)
    Questionnaire(DescriptionDocument(path), script, today=TODAY, knowledge_base=broken).run(section="project")
    assert "De toets is nu niet beschikbaar" in script.text
    assert load_description(path).data()["project"]["evaluation_planned"] is False

    script = Script(by_path={})
    _session(path, script, kb=True).run(section="project")
    assert "Stand na 'Project'" in script.text
    assert "VA-09" in script.text  # pilot without evaluation: a gap, in plain words


def test_english_questions(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    result = CliRunner().invoke(
        cli, ["questionnaire", str(path), "--lang", "en"], input="X\n\n", catch_exceptions=False
    )
    assert "Project name" in result.output
    assert "Organisation" in result.output
    assert "Every answer so far is in" in result.output


def test_commands_have_help_with_an_example() -> None:
    for name in ("questionnaire", "init"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Voorbeeld" in result.output
        assert f"pbd {name} " in result.output


@pytest.mark.parametrize(
    "value", ["no", "yes", "NO", "on", "1.0", "2026-01-01", "~", "null", "# not a comment", "a: b", "- x"]
)
def test_awkward_text_answers_round_trip(tmp_path: Path, value: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n", encoding="utf-8")
    _session(path, Script(by_path={("project", "contact"): value})).run(section="project")
    assert load_description(path).data()["project"]["contact"] == value
    assert YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))["project"]["contact"] == value


def test_long_text_is_folded_and_reads_back_identically(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n", encoding="utf-8")
    long_text = "Bewoners openen de container met hun afvalpas; " * 6 + "en dat is alles."
    _session(path, Script(by_path={("project", "summary"): long_text.strip()})).run(section="project")
    assert "summary: >-" in path.read_text(encoding="utf-8")
    assert load_description(path).data()["project"]["summary"] == long_text.strip()


def test_each_line_of_a_list_is_saved_as_it_is_typed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(BASE + "    personal_data: false\n", encoding="utf-8")
    lines = iter(["Omgevingswet", "Wegenverkeerswet 1994"])  # then the session stops (Ctrl-C) before the empty line
    opened: list[bool] = []

    def ask(prompt: Prompt) -> str:
        if prompt.kind == "group" and prompt.path == ("processings",):
            if opened:  # once: a second visit means the list question was never reached
                raise AssertionError("the legal framework was not asked")
            opened.append(True)
            return "1"
        if prompt.path == ("processings", 0, "legal_framework"):
            return next(lines)
        return "" if prompt.kind != "more" else next(lines)

    script = Script()
    script.ask = ask  # type: ignore[method-assign]
    with pytest.raises(StopIteration):
        _session(path, script).run(section="processings")
    assert load_description(path).data()["processings"][0]["legal_framework"] == [
        "Omgevingswet",
        "Wegenverkeerswet 1994",
    ]


def test_a_new_file_asks_the_project_name_first_even_with_section(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.yaml"
    script = Script(["", "Naam", "+", "tellen"])
    with pytest.raises(EOFError):
        _session(path, script).run(section="processings")
    assert [p.path for p in script.prompts[:3]] == [("project", "name"), ("project", "name"), ("processings",)]
    assert "verplicht" in script.text
    assert load_description(path).data()["processings"] == [{"id": "tellen"}]


#: what the questionnaire reads as a command at any question, not as an answer: help, back, skip the
#: rest of the block, skip/clear (see Questionnaire._ask_question)
COMMANDS = ("?", "<", ">", "-")


class _CommandOnce(Script):
    """Types ``command`` at the question at ``path`` the first time it is asked; Enter everywhere else."""

    def __init__(self, path: tuple[Any, ...], command: str) -> None:
        super().__init__(by_path={})
        self.pending = {path: command}

    def ask(self, prompt: Prompt) -> str:
        if prompt.kind == "question" and prompt.path in self.pending:
            self.prompts.append(prompt)
            return self.pending.pop(prompt.path)
        return super().ask(prompt)


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_typed_at_a_text_question_are_never_stored(command: str, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: X\n", encoding="utf-8")
    script = _CommandOnce(("project", "summary"), command)
    _session(path, script).run(section="project")
    assert not script.pending, "the summary question was never asked"
    assert load_description(path).data()["project"] == {"name": "X"}


@given(
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=400)
    .map(str.strip)
    .filter(lambda text: bool(text) and text not in COMMANDS)  # a command is not text: see the test above
)
@settings(max_examples=80, deadline=None)
def test_any_text_answer_reads_back_identically(value: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text("project:\n  name: X\n", encoding="utf-8")
        _session(path, Script(by_path={("project", "summary"): value})).run(section="project")
        assert load_description(path).data()["project"]["summary"] == value


# --------------------------------------------------------------------------------------------
# format v2: the new facts are asked where they apply, and only there


PROC = "processings[]."


@pytest.mark.parametrize(
    ("field", "applies", "does_not_apply"),
    [
        # the regime (AVG or Wpg) where cameras, boa's or the police are involved
        (
            "regime.boa_enforcement",
            "    purposes:\n      - description: Loket\n        kind: service\n    collection:\n      methods: [camera]\n",
            "    purposes:\n      - description: Loket\n        kind: service\n    collection:\n      methods: [form]\n",
        ),
        (
            "regime.boa_enforcement",
            "    purposes:\n      - description: Loket\n",  # the kind of purpose is not known yet
            "    personal_data: false\n    purposes:\n      - description: Loket\n",
        ),
        (
            "regime.police_access",
            "    purposes:\n      - description: Handhaven\n        kind: enforcement\n",
            "    purposes:\n      - description: Dienstverlening\n        kind: service\n",
        ),
        (
            "regime.wpg_dpia_done",
            "    regime:\n      boa_enforcement: true\n",
            "    regime:\n      boa_enforcement: false\n",
        ),
        # consent: its v2 details only when the ground is consent
        (
            "legal_basis.consent.dependency",
            "    legal_basis:\n      ground: consent\n",
            "    legal_basis:\n      ground: public_task\n",
        ),
        (
            "legal_basis.consent.representative",
            "    legal_basis:\n      ground: consent\n      consent:\n        capacity: incapacitated\n",
            "    legal_basis:\n      ground: consent\n      consent:\n        capacity: all_capable\n",
        ),
        (
            "legal_basis.specificity",
            "    legal_basis:\n      ground: public_task\n",
            "    legal_basis:\n      ground: consent\n",
        ),
        (
            "legal_basis.necessity_outcome",
            "    legal_basis:\n      ground: public_task\n      necessity_tested: true\n",
            "    legal_basis:\n      ground: public_task\n      necessity_tested: false\n",
        ),
        # transient processing on the device: only for sensors and cameras
        (
            "edge.transient",
            "    collection:\n      methods: [wifi_sensor]\n",
            "    collection:\n      methods: [form]\n",
        ),
        (
            "edge.verification",
            "    collection:\n      methods: [camera]\n    edge:\n      transient: true\n",
            "    collection:\n      methods: [camera]\n    edge:\n      transient: false\n",
        ),
        (
            "collection.camera_rules.art_151c",
            "    collection:\n      methods: [camera]\n      public_space: true\n",
            "    collection:\n      methods: [camera]\n      public_space: false\n",
        ),
        (
            "minimisation.blurring",
            "    collection:\n      methods: [drone]\n",
            "    collection:\n      methods: [wifi_sensor]\n",
        ),
        (
            "minimisation.privacy_switch",
            "    collection:\n      methods: [gps_tracker]\n    data_subjects:\n      - category: medewerkers\n        employees: true\n",
            "    collection:\n      methods: [gps_tracker]\n    data_subjects:\n      - category: bewoners\n        employees: false\n",
        ),
        (
            "minimisation.needs_individual_data_reason",
            "    minimisation:\n      needs_individual_data: true\n",
            "    minimisation:\n      needs_individual_data: false\n",
        ),
        # the AI Act only when an AI system is used
        ("algorithm.ai_act.ai_system", "    techniques: [ai]\n", "    techniques: [algorithm]\n"),
        (
            "algorithm.ai_act.fria_done",
            "    techniques: [ai]\n    algorithm:\n      ai_act:\n        ai_system: true\n        high_risk: annex_iii_essential_services\n",
            "    techniques: [ai]\n    algorithm:\n      ai_act:\n        ai_system: true\n        high_risk: none\n",
        ),
        (
            "algorithm.impactful_reason",
            "    techniques: [scoring]\n    algorithm:\n      impactful: false\n",
            "    techniques: [scoring]\n    algorithm:\n      impactful: true\n",
        ),
        (
            "publication.location_precision_m",
            "    publication:\n      open_data: true\n",
            "    publication:\n      open_data: false\n",
        ),
        (
            "data_items[].strip_metadata",
            "    data_items:\n      - name: foto\n        category: image\n",
            "    data_items:\n      - name: adres\n        category: contact\n",
        ),
        (
            "transfers[].recipient_certified_dpf",
            "    transfers:\n      - country: US\n",
            "    transfers:\n      - country: CH\n",
        ),
        (
            "purposes[].compatibility_factors.link",
            "    purposes:\n      - description: Hergebruik\n        further_processing: true\n",
            "    purposes:\n      - description: Eigen doel\n        further_processing: false\n",
        ),
    ],
)
def test_v2_processing_fields_are_asked_only_where_they_apply(
    field: str, applies: str, does_not_apply: str, tmp_path: Path
) -> None:
    assert PROC + field in _applicable(tmp_path, BASE + applies)
    assert PROC + field not in _applicable(tmp_path, BASE + does_not_apply)


def test_v2_works_council_only_when_employees_are_data_subjects(tmp_path: Path) -> None:
    staff = BASE + "    data_subjects:\n      - category: handhavers\n        employees: true\n"
    residents = BASE + "    data_subjects:\n      - category: bewoners\n"
    assert "project.works_council.required" in _applicable(tmp_path, staff)
    assert "project.works_council.required" not in _applicable(tmp_path, residents)
    monitoring = BASE + "    purposes:\n      - description: Rijgedrag volgen\n        kind: employee_monitoring\n"
    assert "project.works_council.consent" in _applicable(tmp_path, monitoring)


@pytest.mark.parametrize(
    ("field", "applies", "does_not_apply"),
    [
        (
            "project.dpo_advice.deviation_decided_by",
            "  dpo_advice:\n    followed: partly\n",
            '  dpo_advice:\n    followed: "yes"\n',
        ),
        (
            "project.decision.conditions",
            "  decision:\n    outcome: go_with_conditions\n",
            "  decision:\n    outcome: go\n",
        ),
        (
            "project.digital_service.cookie_consent",
            "  digital_service:\n    offered: true\n    non_functional_cookies: true\n",
            "  digital_service:\n    offered: true\n    non_functional_cookies: false\n",
        ),
        (
            "project.digital_service.non_functional_cookies",
            "  digital_service:\n    offered: true\n",
            "  digital_service:\n    offered: false\n",
        ),
    ],
)
def test_v2_project_fields_are_asked_only_where_they_apply(
    field: str, applies: str, does_not_apply: str, tmp_path: Path
) -> None:
    assert field in _applicable(tmp_path, "project:\n  name: X\n" + applies)
    assert field not in _applicable(tmp_path, "project:\n  name: X\n" + does_not_apply)


def test_v2_agreement_contents_only_for_processors(tmp_path: Path) -> None:
    party = "project:\n  name: X\nparties:\n  - name: Leverancier\n    role: {r}\n"
    assert "parties[].agreement_covers" in _applicable(tmp_path, party.format(r="processor"))
    assert "parties[].agreement_covers" not in _applicable(tmp_path, party.format(r="controller"))


def test_a_new_file_is_written_in_format_2(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.yaml"
    with pytest.raises(EOFError):
        _session(path, Script(["Naam"])).run()
    text = path.read_text(encoding="utf-8")
    assert "\nschema_version: 2\n" in text
    assert load_description(path).data()["schema_version"] == 2


def test_the_question_plan_works_without_a_terminal() -> None:
    """next_questions: given the data, the questions that apply, with their path, texts, article and choices."""
    data: dict[str, Any] = {
        "project": {"name": "X"},
        "processings": [{"id": "p", "legal_basis": {"ground": "public_task"}}],
    }
    questions = {q.path: q for q in next_questions(data, section="processings")}
    provision = questions[("processings", 0, "legal_basis", "provision")]
    assert provision.ref == "AVG 6(3)"
    assert provision.asked_because == "de grondslag een wettelijke verplichting of een publieke taak is"
    assert provision.kind == "text"
    specificity = questions[("processings", 0, "legal_basis", "specificity")]
    assert [value for value, _ in specificity.choices] == ["specific", "general_competence"]
    assert ("processings", 0, "legal_basis", "consent", "recorded") not in questions
    assert ("processings", 0, "legal_basis", "ground") not in questions  # answered
    english = next(next_questions(data, lang="en", section="project"))
    assert english.path == ("project", "organisation")
    assert english.title == "Organisation"

"""Two questionnaires answering one file at once lose nothing: the save path takes the file's advisory lock."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pbd.atomic import lock_path, locked
from pbd.description import load_description
from pbd.errors import PbdError
from pbd.questionnaire import DescriptionDocument, Progress

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and flock")

ANSWERS = 6
START = "schema_version: 2\nproject:\n  name: Gedeeld bestand\n  phase: ontwerp\n"


def _add_processing(pid: str) -> object:
    def change(tree: CommentedMap) -> None:
        if tree.get("processings") is None:
            tree["processings"] = CommentedSeq()
        item = CommentedMap()
        item["id"] = pid
        item["name"] = f"verwerking {pid}"
        tree["processings"].append(item)

    return change


def _questionnaire(path: str, who: str, start: multiprocessing.synchronize.Barrier) -> None:
    """What one questionnaire does per answer: open the file once, then save answer after answer."""
    doc = DescriptionDocument(Path(path))
    progress = Progress(Path(path))
    start.wait()
    for i in range(ANSWERS):
        problems = doc.apply(_add_processing(f"{who}{i}"))  # type: ignore[arg-type]
        assert problems == [], problems
        progress.skip(f"{who}-skipped-{i}")


@pytest.mark.slow
def test_two_questionnaires_on_one_file_lose_nothing_in_20_of_20_tries(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    for attempt in range(20):
        path = tmp_path / f"gedeeld-{attempt}.yaml"
        path.write_text(START, encoding="utf-8")
        start = ctx.Barrier(2)
        procs = [ctx.Process(target=_questionnaire, args=(str(path), who, start)) for who in ("a", "b")]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0, 0], f"try {attempt + 1}: a questionnaire failed"
        model = load_description(path).model
        ids = sorted(p.id for p in model.processings or [])
        assert ids == sorted(f"{w}{i}" for w in "ab" for i in range(ANSWERS)), f"try {attempt + 1} lost answers"
        assert model.project.name == "Gedeeld bestand"
        skipped = Progress(path).skipped
        assert skipped == {f"{w}-skipped-{i}" for w in "ab" for i in range(ANSWERS)}, f"try {attempt + 1}"
        assert not [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")]


def _hold(path: str, held: multiprocessing.synchronize.Event, release: multiprocessing.synchronize.Event) -> None:
    with locked(Path(path)):
        held.set()
        release.wait(30)


def test_a_second_writer_that_cannot_get_the_lock_is_told(tmp_path: Path) -> None:
    path = tmp_path / "bezet.yaml"
    path.write_text(START, encoding="utf-8")
    ctx = multiprocessing.get_context("fork")
    held, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(str(path), held, release))
    holder.start()
    try:
        assert held.wait(30)
        doc = DescriptionDocument(path)
        with (
            pytest.raises(PbdError, match=r"lock .*bezet\.yaml\.pbd-lock.* Close the other questionnaire"),
            locked(path, wait=0.2),
        ):
            pass
        assert path.read_text(encoding="utf-8") == START  # nothing written while the other one holds the lock
        release.set()
        holder.join(30)
        assert doc.apply(_add_processing("na")) == []  # type: ignore[arg-type]
        assert [p.id for p in load_description(path).model.processings or []] == ["na"]
    finally:
        release.set()
        holder.join(30)
    assert lock_path(path).name == ".bezet.yaml.pbd-lock"  # hidden: a folder run skips it

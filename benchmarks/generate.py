"""Deterministic generator of N realistic project descriptions, varied from the five examples/."""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pbd import vocabulary as voc  # noqa: E402
from pbd.description import load_text  # noqa: E402
from pbd.description.source import read_file  # noqa: E402
from pbd.errors import DescriptionError  # noqa: E402

DEFAULT_SEED = 2026
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

Json = dict[str, Any]

CITIES = (
    "Amsterdam",
    "Rotterdam",
    "Den Haag",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Apeldoorn",
    "Arnhem",
    "Haarlem",
    "Enschede",
    "Amersfoort",
    "Zaanstad",
    "Den Bosch",
    "Zwolle",
    "Leiden",
    "Maastricht",
    "Dordrecht",
    "Zoetermeer",
    "Delft",
    "Deventer",
    "Alkmaar",
    "Heerlen",
    "Venlo",
    "Leeuwarden",
)

#: fields whose value is varied among the allowed enum values ("*" = any list index)
ENUM_FIELDS: dict[tuple[str, ...], type[Enum]] = {
    ("project", "phase"): voc.Gate,
    ("project", "dpia", "status"): voc.DpiaStatus,
    ("parties", "*", "role"): voc.Role,
    ("processings", "*", "legal_basis", "ground"): voc.LegalGround,
    ("processings", "*", "data_subjects", "*", "minors"): voc.Minors,
    ("processings", "*", "data_items", "*", "source"): voc.Source,
    ("processings", "*", "scale", "area"): voc.Area,
    ("processings", "*", "scale", "frequency"): voc.Frequency,
    ("processings", "*", "retention", "deletion"): voc.Deletion,
    ("processings", "*", "security", "classification"): voc.Classification,
    ("systems", "*", "hosting", "model"): voc.HostingModel,
    ("risks", "*", "likelihood"): voc.Level,
    ("risks", "*", "impact"): voc.Level,
    ("risks", "*", "residual"): voc.Level,
}

#: keys never dropped: required by the model, or identities other parts refer to
KEEP = {"schema_version", "project", "name", "id", "description", "category", "country", "criterion"}


@cache
def _examples() -> list[tuple[str, Json]]:
    return [(p.stem, read_file(p).data) for p in EXAMPLES]


def _walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict[str, Any], str]]:
    """Every (pattern path, parent dict, key) in the tree; list indexes appear as "*"."""
    if isinstance(node, dict):
        for key in list(node):
            yield (*path, key), node, key
            yield from _walk(node.get(key), (*path, key))
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, (*path, "*"))


def _rename_processings(data: Json, rename: Callable[[str], str]) -> None:
    mapping = {}
    for proc in data.get("processings", []):
        mapping[proc["id"]] = proc["id"] = rename(proc["id"])
    for risk in data.get("risks", []):
        if "processings" in risk:
            risk["processings"] = [mapping.get(p, p) for p in risk["processings"]]
    for waiver in data.get("waivers", []):
        if waiver.get("target") in mapping:
            waiver["target"] = mapping[waiver["target"]]


def _vary_counts(rng: random.Random, data: Json, i: int) -> None:
    procs: list[Json] = data.get("processings", [])
    if procs and rng.random() < 0.3:  # a second, similar processing (e.g. the same sensors in another district)
        extra = copy.deepcopy(rng.choice(procs))
        extra["id"] = f"{extra['id']}-{i}b"
        if "name" in extra:
            extra["name"] += f" (tweede locatie {i})"
        procs.append(extra)
    if len(procs) > 1 and rng.random() < 0.2:
        procs.pop(rng.randrange(len(procs)))
    for proc in procs:
        items: list[Json] = proc.get("data_items", [])
        if items and rng.random() < 0.25:
            extra = copy.deepcopy(rng.choice(items))
            extra["name"] += " (afgeleid)"
            items.append(extra)
        if len(items) > 1 and rng.random() < 0.2:
            items.pop(rng.randrange(len(items)))
        scale = proc.get("scale")
        if isinstance(scale, dict) and isinstance(scale.get("data_subjects"), int):
            scale["data_subjects"] = max(1, int(scale["data_subjects"] * rng.choice((0.05, 0.2, 0.5, 1, 2, 5))))
    risks: list[Json] = data.get("risks", [])
    if risks and rng.random() < 0.3:
        extra = copy.deepcopy(rng.choice(risks))
        extra["id"] = f"{extra['id']}-{i}"
        risks.append(extra)


def _vary_answers(rng: random.Random, data: Json, p_enum: float, p_drop: float, p_flip: float) -> None:
    for path, parent, key in list(_walk(data)):
        if key not in parent:
            continue  # an ancestor was dropped
        enum = ENUM_FIELDS.get(path)
        value = parent[key]
        if enum is not None and rng.random() < p_enum:
            parent[key] = rng.choice([e.value for e in enum])
        elif isinstance(value, bool) and rng.random() < p_flip:
            parent[key] = not value
        elif len(path) > 1 and key not in KEEP and rng.random() < p_drop:
            del parent[key]  # "not answered yet"


def _repair(data: Json) -> None:
    """Drop references that a removed object or answer left dangling, so the description stays valid."""
    parties = {p["name"] for p in data.get("parties", [])}
    systems = {s["id"] for s in data.get("systems", [])}
    procs = {p["id"] for p in data.get("processings", [])}

    def keep(obj: Json, key: str, known: set[str]) -> None:
        if key in obj:
            obj[key] = [x for x in obj[key] if x in known]
            if not obj[key]:
                del obj[key]

    for proc in data.get("processings", []):
        keep(proc, "systems", systems)
        keep(proc, "shared_with", parties)
        purposes = {p["id"] for p in proc.get("purposes", []) if "id" in p}
        for item in proc.get("data_items", []):
            keep(item, "purposes", purposes)
    for risk in data.get("risks", []):
        keep(risk, "processings", procs)
    if "waivers" in data:
        data["waivers"] = [w for w in data["waivers"] if w.get("target") in (None, *procs, *systems)]


def variant(i: int, seed: int = DEFAULT_SEED, *, attempt: int = 0) -> tuple[str, Json]:
    """Description number ``i``: an example, renamed, with varied counts, enums and unanswered fields."""
    rng = random.Random(f"{seed}:{i}:{attempt}")
    stem, base = _examples()[i % len(_examples())]
    data = copy.deepcopy(base)
    city = rng.choice(CITIES)
    project = data["project"]
    old_org = project.get("organisation")
    project["organisation"] = f"Gemeente {city}"
    project["name"] = f"{project['name']} – {city} {i}"
    for party in data.get("parties", []):
        if party["name"] == old_org:
            party["name"] = project["organisation"]
            for proc in data.get("processings", []):
                if "shared_with" in proc:
                    proc["shared_with"] = [project["organisation"] if n == old_org else n for n in proc["shared_with"]]
    _rename_processings(data, lambda pid: f"{pid}-{city.lower().replace(' ', '-')}")
    if attempt < 3:  # later attempts keep only the renaming, which is valid by construction
        _vary_counts(rng, data, i)
        p_drop = rng.choice((0.0, 0.02, 0.05, 0.1, 0.2))  # from complete to a questionnaire half filled in
        _vary_answers(rng, data, p_enum=0.15, p_drop=p_drop, p_flip=0.05)
        _repair(data)
    return stem, data


def render(i: int, seed: int = DEFAULT_SEED) -> tuple[str, str]:
    """File name and YAML text of description ``i``; checked with pbd's own loader (valid per `pbd validate`)."""
    for attempt in range(4):
        stem, data = variant(i, seed, attempt=attempt)
        head = f"# generated by benchmarks/generate.py (seed {seed}, number {i}) from examples/{stem}.yaml\n"
        text = head + yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
        name = f"{i:05d}-{stem}.yaml"
        try:
            load_text(text, name)
        except DescriptionError:
            continue
        return name, text
    raise RuntimeError(f"description {i} (seed {seed}) is not valid after every attempt")  # a generator bug


def _render_chunk(args: tuple[int, int, int, str]) -> list[str]:
    start, stop, seed, out = args
    names = []
    for i in range(start, stop):
        name, text = render(i, seed)
        (Path(out) / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def generate(n: int, out: Path, *, seed: int = DEFAULT_SEED, jobs: int = 2) -> list[Path]:
    """Write descriptions 0..n-1 into ``out`` (description i is the same for every n) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    step = 250
    chunks = [(s, min(s + step, n), seed, str(out)) for s in range(0, n, step)]
    if jobs > 1 and n > step:
        with ProcessPoolExecutor(jobs) as pool:
            names = [name for chunk in pool.map(_render_chunk, chunks) for name in chunk]
    else:
        names = [name for chunk in map(_render_chunk, chunks) for name in chunk]
    return [out / name for name in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help="number of descriptions")
    parser.add_argument("--out", type=Path, help="folder to write to (default: a new temporary folder)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="pbd-descriptions-"))
    paths = generate(args.n, out, seed=args.seed, jobs=args.jobs)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} descriptions ({size / len(paths) / 1024:.1f} KB on average) in {out}")


if __name__ == "__main__":
    main()

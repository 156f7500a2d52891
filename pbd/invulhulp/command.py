"""`pbd import invulhulp`: read an export, write the description, and report what happened (text or JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pbd.errors import UsageError
from pbd.invulhulp.crosscheck import Comparison, ItemRow
from pbd.invulhulp.mapping import Imported
from pbd.invulhulp.rules import InvulhulpOutcome
from pbd.messages import pick, t

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Result:
    """What one import produced: the description's text and the account of it."""

    imported: Imported
    text: str
    outcome: InvulhulpOutcome | None
    comparisons: tuple[Comparison, ...]
    rows: tuple[ItemRow, ...] | None  # None: the export has no ticks to compare (DPIA, IAMA)


def run_import(export: str, output: str, name: str | None, organisation: str | None, force: bool) -> Result:
    """Read, map, check that the description loads, cross-check a Pre-scan, and write the description."""
    from pbd.atomic import write_atomic
    from pbd.description import load_text
    from pbd.invulhulp.mapping import description_yaml, import_export
    from pbd.invulhulp.reader import read_export

    out = Path(output)
    if out.exists() and not out.is_file():  # a folder, /dev/null: an atomic write would replace it
        raise UsageError(output, "is not a regular file", "Give the path of the description file to write with -o.")
    if out.exists() and not force:
        raise UsageError(output, "exists already", "Use --force to replace it, or choose another -o.")
    exp = read_export(export)
    imported = import_export(exp, name=name, organisation=organisation)
    text = description_yaml(imported)
    load_text(text, output)  # what we write must load like any description
    outcome: InvulhulpOutcome | None = None
    comparisons: list[Comparison] = []
    rows: list[ItemRow] | None = None
    if exp.form == "prescan":
        from pbd.invulhulp.crosscheck import cross_check, item_rows, screening_of
        from pbd.invulhulp.rules import evaluate_prescan

        screening = screening_of(imported.description)
        outcome = evaluate_prescan(exp.answers)
        comparisons = cross_check(exp.answers, outcome, screening, imported.hidden)
        rows = item_rows(screening)
    write_atomic(out, text)
    return Result(imported, text, outcome, tuple(comparisons), None if rows is None else tuple(rows))


def report_json(result: Result, export: str, output: str, lang: str) -> str:
    """The import report as deterministic JSON."""
    imp = result.imported
    exp = imp.export
    doc: Json = {
        "export": export,
        "urn": exp.urn,
        "form": exp.form,
        "version": exp.version,
        "concept": exp.concept,
        "container": exp.container,
        "format": exp.shape,
        "read_notes": [pick(lang, nl, en) for nl, en in exp.notes],
        "output": output,
        "counts": imp.counts(),
        "mapped": [{"answer": k, "field": f} for k, f in imp.mapped],
        "kept": [{"answer": k, "note": n} for k, n in imp.kept],
        "ignored": [{"answer": k, "reason": pick(lang, nl, en)} for k, nl, en in imp.ignored],
        "unanswered": list(imp.unanswered),
        "questions": [pick(lang, nl, en) for nl, en in imp.questions],
        "cross_check": None
        if result.outcome is None
        else [
            {
                "assessment": c.assessment,
                "invulhulp": c.invulhulp,
                "pbd": c.pbd,
                "agree": c.agree,
                "level_agrees": c.level_agrees,
                "reasons": list(c.reasons),
                "details": list(c.details),
            }
            for c in result.comparisons
        ],
        "items": None if result.rows is None else [r.as_dict(lang) for r in result.rows],
        "invulhulp_scores": None if result.outcome is None else result.outcome.scores,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)


def report_text(result: Result, export: str, output: str, lang: str) -> str:
    """The import report as text: what was read, the counts, every answer's fate, open questions, the cross-check."""
    from pbd.invulhulp.mapping import report_lines
    from pbd.invulhulp.reader import FORM_NAMES
    from pbd.invulhulp.report import render_cross_check

    imp = result.imported
    exp = imp.export
    form = pick(lang, *FORM_NAMES[exp.form])
    lines = [t(lang, "cli.imported", export=export, form=form, urn=exp.urn, output=output)]
    for nl, en in exp.notes:
        lines.append("  " + t(lang, "import.read_as", what=pick(lang, nl, en)))
    if exp.container == "pdf":
        lines.append("  " + t(lang, "import.read_as", what="PDF export (AssessmentData)"))
    n = imp.counts()
    lines.append(
        t(
            lang,
            "import.summary",
            answers=n["answers"],
            mapped=n["mapped"],
            notes=n["notes"],
            dropped=n["dropped"],
            placeholders=n["placeholders"],
        )
    )
    lines.append("")
    lines.extend(report_lines(imp, lang))
    if imp.questions:
        lines.append(t(lang, "import.questions", n=len(imp.questions)))
        lines.extend(f"  - {pick(lang, nl, en)}" for nl, en in imp.questions)
    if result.outcome is not None:
        lines.append("")
        lines.extend(
            render_cross_check(
                list(result.comparisons), result.outcome, lang, None if result.rows is None else list(result.rows)
            )
        )
    return "\n".join(lines)


__all__ = ["Result", "report_json", "report_text", "run_import"]

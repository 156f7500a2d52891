"""The cross-check as text: the Invulhulp's verdicts and pbd's side by side, and why they differ."""

from __future__ import annotations

from pbd.invulhulp.crosscheck import DEVIATIONS, Comparison, ItemRow
from pbd.invulhulp.rules import InvulhulpOutcome
from pbd.messages import pick, t

_LEVEL_TEXT = {
    None: ("niet nodig", "not needed"),
    "recommended": ("aanbevolen", "recommended"),
    "required": ("verplicht", "required"),
    "undetermined": ("nog niet te bepalen", "undetermined"),
}
_KIND_TEXT = {
    ("DTIA", "required"): ("aangewezen", "indicated"),
    ("KIA", "recommended"): ("aanbevolen", "recommended"),
    ("IAMA", "recommended"): ("aanbevolen", "recommended"),
}


def level_text(aid: str, level: str | None, lang: str) -> str:
    pair = _KIND_TEXT.get((aid, level or ""), _LEVEL_TEXT[level])
    return pick(lang, *pair)


_DERIVED_TEXT = {"yes": ("ja", "yes"), "no": ("nee", "no"), "unknown": ("onbekend", "unknown")}


def render_items(rows: list[ItemRow], lang: str) -> list[str]:
    """The AP/WP248 items side by side: ticked in the Invulhulp, derived by pbd, and the reason for each."""
    out = ["  " + pick(lang, "Per item (AP-lijst en WP248):", "Item by item (AP list and WP248):")]
    if not rows:
        out.append("    " + pick(lang, "geen item aangevinkt of afgeleid", "no item ticked or derived"))
    for r in rows:
        mark = "=" if r.agrees else "≠"
        ticked = pick(lang, "aangevinkt", "ticked") if r.declared else pick(lang, "niet aangevinkt", "not ticked")
        derived = pick(lang, *_DERIVED_TEXT[r.derived])
        label = "AP" if r.framework == "AP" else "WP248"
        out.append(
            f"    {mark} {label} {r.item} {pick(lang, r.name_nl, r.name_en)}: Invulhulp {ticked}, "
            f"pbd {derived} — {pick(lang, r.reason_nl, r.reason_en)}"
        )
    return out


def render_cross_check(
    comparisons: list[Comparison], outcome: InvulhulpOutcome, lang: str, rows: list[ItemRow] | None = None
) -> list[str]:
    """The cross-check as text lines: both verdicts side by side, the items side by side, and why they differ."""
    out = [t(lang, "import.cross_check")]
    for c in comparisons:
        mark = "=" if c.agree else ("≈" if c.level_agrees else "≠")
        out.append(
            f"  {c.assessment}: Invulhulp {level_text(c.assessment, c.invulhulp, lang)} {mark} "
            f"pbd {level_text(c.assessment, c.pbd, lang)}"
        )
        inv = outcome.assessments.get(c.assessment)
        if inv is not None and inv.criteria:
            because = "; ".join(e for _cid, e in inv.criteria)
            out.append("    " + t(lang, "import.because", because=because))
        for reason in c.reasons:
            out.append("    " + t(lang, "import.difference", reason=reason, text=pick(lang, *DEVIATIONS[reason])))
        if c.details:
            out.append("    " + t(lang, "import.concerns", details=", ".join(c.details)))
    if rows is not None:
        out.extend(render_items(rows, lang))
    if outcome.errors:
        out.append("  " + t(lang, "import.failing_expressions", errors="; ".join(outcome.errors)))
    return out


__all__ = ["level_text", "render_cross_check", "render_items"]

"""The cross-check as text: the Invulhulp's verdicts and pbd's side by side, and why they differ."""

from __future__ import annotations

from pbd.invulhulp.crosscheck import DEVIATIONS, Comparison
from pbd.invulhulp.rules import InvulhulpOutcome

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
    return pair[0] if lang == "nl" else pair[1]


def render_cross_check(comparisons: list[Comparison], outcome: InvulhulpOutcome, lang: str) -> list[str]:
    """The cross-check as text lines: both verdicts side by side, and why they differ."""
    nl = lang == "nl"
    out = [
        "Eigen uitkomst van de Invulhulp naast de screening van pbd:"
        if nl
        else "The Invulhulp's own outcome next to pbd's screening:"
    ]
    for c in comparisons:
        mark = "=" if c.agree else "≠"
        out.append(
            f"  {c.assessment}: Invulhulp {level_text(c.assessment, c.invulhulp, lang)} {mark} "
            f"pbd {level_text(c.assessment, c.pbd, lang)}"
        )
        inv = outcome.assessments.get(c.assessment)
        if inv is not None and inv.criteria:
            because = "; ".join(e for _cid, e in inv.criteria)
            out.append(f"    {'Invulhulp, omdat' if nl else 'Invulhulp, because'}: {because}")
        for reason in c.reasons:
            out.append(f"    {'Verschil' if nl else 'Difference'} ({reason}): {DEVIATIONS[reason][0 if nl else 1]}")
        if c.details:
            out.append(f"    {'Betreft' if nl else 'Concerns'}: {', '.join(c.details)}")
    if outcome.errors:
        out.append(
            ("  Expressies die in de Invulhulp falen: " if nl else "  Expressions that fail in the Invulhulp: ")
            + "; ".join(outcome.errors)
        )
    return out


__all__ = ["level_text", "render_cross_check"]

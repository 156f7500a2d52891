"""``pbd verify``: whether a recorded result still holds, and if not, what changed and why."""

from __future__ import annotations

import json
from typing import Any

from pbd.audit.verify import HOLDS, Verification, verification_dict
from pbd.messages import t
from pbd.render import RenderOptions
from pbd.render.diff import context_lines, finding_line, screening_line
from pbd.vocabulary import label


def render_text(v: Verification, kb: Any, options: RenderOptions) -> str:
    lang = options.lang
    r = v.recorded
    gate = label(r["gate"], lang, "Gate") if r.get("gate") else "—"
    out = [
        t(lang, f"verify.verdict.{v.verdict}"),
        "",
        t(
            lang,
            "verify.recorded",
            name=v.diff.old_name,
            date=r["date"],
            gate=gate,
            pbd=r["pbd_version"],
            kb=r["knowledge_base"]["version"],
        ),
        t(
            lang,
            "verify.rerun",
            name=v.diff.new_name,
            pbd=v.rerun["pbd_version"],
            kb=v.rerun["knowledge_base"]["version"],
        ),
    ]
    if v.causes:
        out.append("")
        out.append(t(lang, "verify.why"))
        out.extend(f"  - {t(lang, f'verify.cause.{c}')}" for c in v.causes)
    ctx = context_lines(v.diff, lang)
    if ctx:
        out.append("")
        out.append(t(lang, "verify.provenance"))
        out.extend(f"  {line}" for line in ctx)
    if v.diff.screening:
        out.append("")
        out.append("Screening:")
        out.extend(f"  {screening_line(c, lang)}" for c in v.diff.screening)
    for name in ("new", "changed", "resolved"):
        items = v.diff.category(name)
        if items:
            out.append("")
            out.append(f"{t(lang, f'verify.heading.{name}')} ({len(items)}):")
            out.extend(f"  {finding_line(c, lang)}" for c in items)
    if v.verdict == HOLDS:
        rest = [k for k in v.cosmetic if k not in ("pbd_version", "knowledge_base")]
        if rest:
            out.append("")
            out.append(t(lang, "verify.also_differing", names=", ".join(rest)))
    return "\n".join(out) + "\n"


def render_json(v: Verification, kb: Any, options: RenderOptions) -> str:
    return json.dumps(verification_dict(v), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

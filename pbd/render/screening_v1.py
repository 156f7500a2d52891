"""``pbd screen`` for the screening of format v1: the outcome and the reason for every rule hit.

The screening v2 (judgement-v2.md §5) brings its own reporter, ``pbd/render/screen.py``; until
the CLI switches to it, this one writes the text and JSON of ``pbd screen``.
"""

from __future__ import annotations

import json
from typing import Any

from pbd.engine.screening import Screening
from pbd.messages import outcome, pick, t
from pbd.render import RenderOptions
from pbd.render.common import hit_name


def render_text(screened: tuple[str, str, Screening], kb: Any, options: RenderOptions) -> str:
    """``screened`` is (file, project name, screening)."""
    _file, project, s = screened
    lang = options.lang
    out = [f"{project}: {outcome(lang, s.dpia)}", ""]
    current = None
    for h in s.hits:
        if h.framework != current:
            current = h.framework
            out.append(t(lang, f"screening.head.{h.framework}"))
        name = hit_name(h.framework, h.item, lang)
        out.append(f"  {h.item}{' ' + name if name else ''} — {h.target}: {pick(lang, h.reason_nl, h.reason_en)}")
    if not s.hits:
        out.append(t(lang, "screening.no_hits"))
    if s.dpia == "not_needed":
        out.append("")
        out.append(t(lang, "screening.record_reason"))
    return "\n".join(out) + "\n"


def render_json(screened: tuple[str, str, Screening], kb: Any, options: RenderOptions) -> str:
    file, _project, s = screened
    return json.dumps({"file": file, **s.as_dict(options.lang)}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""SVG charts drawn by pbd itself (no plotting service): criteria status per principle group, and the risk matrix."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

#: status -> fill colour (colour-blind safe, prints in greyscale with distinct lightness)
STATUS_COLOURS = {
    "gap": "#c0392b",
    "open": "#e6a23c",
    "waived": "#8e6bbf",
    "met": "#2e8b57",
    "not_applicable": "#c8cdd2",
}
_LEVEL_COLOURS = {1: "#b7e1cd", 2: "#fce8b2", 3: "#f4c7c3"}


def status_bars(rows: Sequence[tuple[str, str, dict[str, int]]], legend: dict[str, str], title: str) -> str:
    """Horizontal stacked bars: one row per (code, name, counts by status)."""
    bar_w, label_w, row_h, top = 330, 210, 22, 34
    height = top + row_h * len(rows) + 40
    width = label_w + bar_w + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" font-family="DejaVu Sans, sans-serif" font-size="10">',
        f'<text x="0" y="14" font-size="12" font-weight="bold">{escape(title)}</text>',
    ]
    biggest = max((sum(c.values()) for _, _, c in rows), default=0) or 1
    for i, (code, name, counts) in enumerate(rows):
        y = top + i * row_h
        out.append(f'<text x="0" y="{y + 14}">{escape(code)} {escape(name)}</text>')
        x = float(label_w)
        for status, colour in STATUS_COLOURS.items():
            n = counts.get(status, 0)
            if not n:
                continue
            w = bar_w * n / biggest
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{colour}"/>')
            if w >= 14:
                ink = "#ffffff" if status in ("gap", "met", "waived") else "#222222"
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + 14}" text-anchor="middle" fill="{ink}">{n}</text>')
            x += w
        total = sum(counts.values())
        out.append(f'<text x="{x + 4:.1f}" y="{y + 14}" fill="#555555">{total}</text>')
    ly = top + row_h * len(rows) + 18
    lx = 0.0
    for status, colour in STATUS_COLOURS.items():
        out.append(f'<rect x="{lx:.1f}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        text = legend[status]
        out.append(f'<text x="{lx + 14:.1f}" y="{ly}">{escape(text)}</text>')
        lx += 24 + 6.2 * len(text)
    out.append("</svg>")
    return "".join(out)


def risk_matrix(risks: Sequence[tuple[str, int, int]], axis: dict[str, str], levels: Sequence[str], title: str) -> str:
    """3×3 kans × impact matrix; each risk (id, likelihood 1–3, impact 1–3) placed in its cell."""
    cell, left, top = 110, 70, 40
    width, height = left + 3 * cell + 10, top + 3 * cell + 50
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" font-family="DejaVu Sans, sans-serif" font-size="10">',
        f'<text x="0" y="14" font-size="12" font-weight="bold">{escape(title)}</text>',
    ]
    for likelihood in (1, 2, 3):
        for impact in (1, 2, 3):
            x = left + (impact - 1) * cell
            y = top + (3 - likelihood) * cell
            score = likelihood * impact
            level = 1 if score <= 2 else 2 if score <= 4 else 3
            out.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{_LEVEL_COLOURS[level]}" stroke="#ffffff" stroke-width="2"/>'
            )
            ids = [rid for rid, lk, im in risks if lk == likelihood and im == impact]
            for k, rid in enumerate(ids[:6]):
                out.append(f'<text x="{x + 8}" y="{y + 18 + 15 * k}" font-weight="bold">{escape(rid)}</text>')
            if len(ids) > 6:
                out.append(f'<text x="{x + 8}" y="{y + 18 + 15 * 6}">+{len(ids) - 6}</text>')
    for i, name in enumerate(levels):
        out.append(
            f'<text x="{left - 6}" y="{top + (2 - i) * cell + cell / 2 + 4}" text-anchor="end">{escape(name)}</text>'
        )
        out.append(
            f'<text x="{left + i * cell + cell / 2}" y="{top + 3 * cell + 16}" text-anchor="middle">{escape(name)}</text>'
        )
    out.append(
        f'<text x="{left + 1.5 * cell}" y="{top + 3 * cell + 34}" text-anchor="middle" font-weight="bold">{escape(axis["impact"])}</text>'
    )
    out.append(
        f'<text x="12" y="{top + 1.5 * cell}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 12 {top + 1.5 * cell})">{escape(axis["likelihood"])}</text>'
    )
    out.append("</svg>")
    return "".join(out)

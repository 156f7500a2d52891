"""Reporters: one module per output format, looked up by name. Only ``pdf`` imports weasyprint."""

from __future__ import annotations

from collections.abc import Callable

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.reporters import json_result, junit, markdown, sarif, text

Reporter = Callable[[Assessment, KnowledgeBase, str], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_result.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "markdown": markdown.render,
}

__all__ = ["REPORTERS", "Reporter"]

"""The project description: model, safe loading with positions, and validation."""

from __future__ import annotations

from pbd.description.loading import LoadedDescription, load_description, load_text
from pbd.description.model import ProjectDescription, duration_days

__all__ = ["LoadedDescription", "ProjectDescription", "duration_days", "load_description", "load_text"]

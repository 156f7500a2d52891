"""The project description: model, safe loading with positions, and validation.

``pbd check`` never imports the pydantic model (:mod:`pbd.description.model`): a description that
is plainly valid is read by :mod:`pbd.description.normalise`; the model is built on first use.
"""

from __future__ import annotations

from pbd.description.loading import LoadedDescription, load_description, load_text
from pbd.description.values import duration_days

__all__ = ["LoadedDescription", "duration_days", "load_description", "load_text"]

"""pbd: Privacy by Design and DPIA checks for Dutch municipal (smart city) projects."""

from __future__ import annotations

__version__ = "0.2.0"

__all__ = ["__version__"]

#!/usr/bin/env python3
"""Run pbd from a checkout without installing it: ``python cli.py check examples/``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pbd.cli import main

if __name__ == "__main__":
    main()

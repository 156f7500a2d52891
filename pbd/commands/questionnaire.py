"""Commands of the questionnaire feature (being built; see the issue tracker)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

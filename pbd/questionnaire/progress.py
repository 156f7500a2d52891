"""The progress sidecar: questions skipped on purpose and lists declared complete, outside the description."""

from __future__ import annotations

import json
from pathlib import Path

from pbd import limits
from pbd.atomic import locked, write_atomic


def progress_path(description: Path) -> Path:
    """The sidecar that records skipped questions: ``.FILE.pbd-progress.json`` next to FILE."""
    return description.with_name(f".{description.name}.pbd-progress.json")


class Progress:
    """Questions skipped on purpose and lists declared complete, by stable key (written atomically)."""

    VERSION = 1

    def __init__(self, description: Path) -> None:
        self.description = description
        self.path = progress_path(description)
        self.skipped: set[str] = set()
        self.done: set[str] = set()
        self._load()

    def _load(self) -> None:
        try:
            raw = limits.parse_json(limits.read_bounded(self.path, limits.SIDECAR).decode("utf-8"), limits.SIDECAR)
            if isinstance(raw, dict) and raw.get("pbd_questionnaire_progress") == self.VERSION:
                self.skipped = {str(k) for k in raw.get("skipped", [])}
                self.done = {str(k) for k in raw.get("done", [])}
        except (OSError, ValueError, limits.LimitError):
            pass  # no sidecar, or a broken one: the worst case is that skipped questions are offered again

    def _change(self, which: str, key: str, add: bool) -> None:
        """Re-read the sidecar under the description's lock, make the one change and write it.

        A second questionnaire on the same file may have skipped other questions meanwhile; they stay.
        """
        with locked(self.description):
            self._load()
            keys = self.skipped if which == "skipped" else self.done
            if (key in keys) == add:
                return
            if add:
                keys.add(key)
            else:
                keys.discard(key)
            self._save()

    def _save(self) -> None:
        data = {
            "pbd_questionnaire_progress": self.VERSION,
            "note": "Written by pbd questionnaire: questions skipped on purpose and lists marked complete. Safe to delete.",
            "skipped": sorted(self.skipped),
            "done": sorted(self.done),
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def skip(self, key: str) -> None:
        if key not in self.skipped:
            self._change("skipped", key, add=True)

    def unskip(self, key: str) -> None:
        if key in self.skipped:
            self._change("skipped", key, add=False)

    def finish(self, key: str) -> None:
        if key not in self.done:
            self._change("done", key, add=True)

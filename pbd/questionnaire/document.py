"""The description being filled in: a round-trip YAML tree that is only ever written when it is valid.

The description is edited as a round-trip YAML tree (``ruamel.yaml``), so comments and key order in
an existing file survive; after every answer the whole file is checked with the normal safe loader
(:func:`pbd.description.load_text`) and written atomically — an answer that would make the file
invalid is refused with the reason, so the file on disk is always valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from pbd.atomic import locked, write_atomic
from pbd.description import LoadedDescription, load_description, load_text
from pbd.description.values import SCHEMA_VERSION
from pbd.errors import DescriptionError, PbdError, Problem
from pbd.messages import pick
from pbd.questionnaire.paths import Json
from pbd.questionnaire.progress import progress_path


def _yaml_for(text: str | None) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the user's lines
    mapping, sequence, offset = 2, 4, 2
    if text:
        _, seq_indent, dash_offset = load_yaml_guess_indent(text)
        if isinstance(seq_indent, int) and isinstance(dash_offset, int):
            offset = dash_offset
            sequence = dash_offset + 2
        indents = [len(m.group(1)) for m in re.finditer(r"(?m)^( +)[A-Za-z_][\w-]*:", text)]
        if indents:
            mapping = min(indents)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_HEADER = {
    "nl": "Projectbeschrijving voor pbd (Privacy by Design-toets), bijgehouden met `pbd questionnaire`.\n"
    "U kunt dit bestand ook met de hand bewerken; commentaar en volgorde blijven bewaard.",
    "en": "Project description for pbd (Privacy by Design checks), kept with `pbd questionnaire`.\n"
    "You can also edit this file by hand; comments and key order are kept.",
}


class DescriptionDocument:
    """The description being filled in. Every change is validated whole and written atomically, or refused."""

    def __init__(self, path: Path, lang: str = "nl") -> None:
        self.path = path
        self.lang = lang
        self.is_json = path.suffix.lower() == ".json"
        self.tree: CommentedMap | None = None
        self.text = ""
        self.loaded: LoadedDescription | None = None
        self.data: Json = {}
        self.reformatted = False
        self.changed_outside = False
        self._yaml = _yaml_for(None)
        self._disk: str | None = None  # digest of what we last read or wrote
        _remove_stale_temporaries(path)
        if path.exists():
            self._read()

    @property
    def exists(self) -> bool:
        return self.tree is not None

    def _read(self) -> None:
        loaded = load_description(self.path)  # the safe loader decides what is valid; raises DescriptionError
        text = loaded.source.text
        self._yaml = _yaml_for(None if self.is_json else text)
        self.tree = self._parse(text)
        self.text, self.loaded, self.data = text, loaded, loaded.data()
        self._disk = _digest(self.path.read_bytes())
        self.reformatted = not self.is_json and self._dump(self.tree) != text

    def _parse(self, text: str) -> CommentedMap:
        tree = self._yaml.load(text)
        if not isinstance(tree, CommentedMap):  # pragma: no cover - the safe loader already insists on a mapping
            raise PbdError(str(self.path), "the description is not a mapping", "Start from `pbd init`.")
        return tree

    def _dump(self, tree: CommentedMap) -> str:
        if self.is_json:
            return json.dumps(_plain(tree), ensure_ascii=False, indent=2) + "\n"
        out = io.StringIO()
        self._yaml.dump(tree, out)
        return out.getvalue()

    def _new_tree(self) -> CommentedMap:
        tree = CommentedMap()
        tree["schema_version"] = SCHEMA_VERSION
        tree["project"] = CommentedMap()
        if not self.is_json:
            lines = _HEADER[pick(self.lang, "nl", "en")].split("\n")
            tokens = [CommentToken(f"# {line}\n", CommentMark(0), None) for line in lines]
            tokens[-1].value += "\n"  # a blank line between the header and the data
            tree.ca.comment = [None, tokens]
        return tree

    def _read_created(self) -> None:
        self._reread("created by another program while the questionnaire ran, and not valid")

    def _reread(self, what: str) -> None:
        """Read the file another program wrote meanwhile; ``what`` says what happened when it is not valid."""
        try:
            self._read()
        except DescriptionError as err:
            raise PbdError(
                str(self.path),
                f"{what} ({err.problems[0].message_en})",
                f"Fix it (pbd validate {self.path}), then run pbd questionnaire again.",
            ) from None
        self.changed_outside = True

    def refresh(self) -> None:
        """Re-read the file when another program changed it since we last read or wrote it."""
        if self._disk is None or not self.path.exists():
            return
        if _digest(self.path.read_bytes()) == self._disk:
            return
        self._reread("changed by another program while the questionnaire ran, and is no longer valid")

    def apply(self, change: Callable[[CommentedMap], None]) -> list[Problem]:
        """Apply ``change`` to the tree; write the file if the result is valid, else undo and return the problems.

        Read, change and write happen under the file's advisory lock (:func:`pbd.atomic.locked`): a
        second questionnaire on the same file waits its turn, re-reads what the first one saved and
        adds its own answer to it, so nothing is lost (the session says the file changed outside).
        """
        with locked(self.path):
            return self._apply(change)

    def _apply(self, change: Callable[[CommentedMap], None]) -> list[Problem]:
        self.refresh()
        if self.tree is None and self.path.exists():  # another questionnaire created the file meanwhile
            self._read_created()
        tree = self.tree if self.tree is not None else self._new_tree()
        change(tree)
        text = self._dump(tree)
        try:
            loaded = load_text(text, str(self.path), json_input=self.is_json)
        except DescriptionError as err:
            self.tree = self._parse(self.text) if self.text else None  # undo: back to what is on disk
            return err.problems
        write_atomic(self.path, text)
        self.tree, self.text, self.loaded, self.data = tree, text, loaded, loaded.data()
        self._disk = _digest(text.encode("utf-8"))
        return []


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files a killed run left behind (``.FILE.xxxx.tmp``; the file itself was never touched)."""
    cutoff = dt.datetime.now().timestamp() - 60  # a minute old: no other run can still be writing it
    for name in (path.name, progress_path(path).name):
        for stale in path.parent.glob(f".{name}.*.tmp"):
            try:
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
            except OSError:
                pass  # gone already, or not ours to remove


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


# -- tree edits that keep comments where they belong -----------------------------------------

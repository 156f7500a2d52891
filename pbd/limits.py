"""One limit policy for every file pbd reads: how big, how deep, how many nodes, how long a text, how many digits.

Every reader goes through this module: descriptions (:mod:`pbd.description.source`), results and
Invulhulp exports (:func:`pbd.files.read_json`), knowledge base files, profiles and their criteria,
to-do actions files and the questionnaire's progress file. It gives them

- :func:`read_bounded`: the bytes of a *regular* file, read with a bound. A FIFO, a device
  (``/dev/zero`` behind a ``.yaml`` symlink), a socket or a folder is refused before a byte is
  read, and a file that grows while it is read is cut at the bound and refused — never an
  unbounded read, never a hang;
- :func:`parse_json`: strict JSON with the limits on depth, node count, text length and integer
  digits checked without recursion, surrogate pairs (``\\ud83d\\udeb2``, as ``json.dumps`` writes
  emoji) accepted and lone surrogates refused;
- :func:`check_tree`: the same structural limits on data another parser built (YAML).

A breach is a :class:`LimitError` with a Dutch and an English text; each reader turns it into its
own one-line ``Error:`` (exit 2). The numbers are far above anything a real file needs: a project
description of a large municipal programme is well under 1 MB, 10 levels deep and 20 000 nodes.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds one kind of file is read with."""

    #: what the file is, in both languages, for the messages ("een projectbeschrijving", "a project description")
    kind_nl: str
    kind_en: str
    max_bytes: int
    max_depth: int
    max_nodes: int
    #: the longest text (a key or a value), in characters
    max_string: int
    #: the most digits an integer may have (``2**63`` has 19)
    max_int_digits: int


#: a project description (YAML or JSON), a profile, an actions file
DESCRIPTION = Limits("een projectbeschrijving", "a project description", 4 * 1024 * 1024, 48, 250_000, 100_000, 18)
#: a result, a portfolio or a baseline that pbd wrote, and an Invulhulp export (which may hold images)
RESULT = Limits("een resultaatbestand", "a result file", 50 * 1024 * 1024, 64, 5_000_000, 20_000_000, 20)
#: one file of the knowledge base (a criterion, a systeemeis, the referentiekader)
KNOWLEDGE_BASE = Limits("een kennisbankbestand", "a knowledge base file", 2 * 1024 * 1024, 64, 200_000, 100_000, 18)
#: pbd's own small bookkeeping files (the questionnaire's progress file)
SIDECAR = Limits("een hulpbestand van pbd", "a pbd bookkeeping file", 1024 * 1024, 8, 100_000, 1_000, 18)

#: the longest duration pbd accepts anywhere (150 years: the Archiefwet's longest selection periods
#: are around 110 years; permanent archiving is not a retention period)
MAX_DURATION_DAYS = 150 * 365
#: the largest count a description may give (people, records, days): more than the world's population
MAX_COUNT = 10**10
#: the most items of each list in a description. A project description is one project: a DPIA covers a
#: handful of processings (Stratumseind has 4); a programme of hundreds is a folder of descriptions
#: (``pbd check DIR``). The bounds keep the cost of one file in check: evaluation is linear in the
#: processings (~75 KB of JSON and ~0.5 MB of memory each), so 50 processings stay under 100 MB.
MAX_PROCESSINGS = 50
MAX_SYSTEMS = 50
MAX_PARTIES = 100
MAX_RISKS = 200
MAX_WAIVERS = 200
MAX_DATA_ITEMS = 100
MAX_PURPOSES = 30
MAX_DATA_SUBJECT_GROUPS = 30
#: the most items any other list may hold (measures, recipients, capabilities, …)
MAX_LIST_ITEMS = 1_000


class LimitError(Exception):
    """A file breaks a limit, or is not a regular file; ``nl`` and ``en`` say which, ``line`` where (0: unknown)."""

    def __init__(self, nl: str, en: str, line: int = 0, column: int = 0) -> None:
        super().__init__(en)
        self.nl = nl
        self.en = en
        self.line = line
        self.column = column


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def too_large(size: int, limits: Limits) -> LimitError:
    return LimitError(
        f"bestand is te groot ({size} bytes; {limits.kind_nl} mag hoogstens {_mb(limits.max_bytes)} zijn); "
        "controleer of dit het goede bestand is",
        f"file is too large ({size} bytes; {limits.kind_en} may be at most {_mb(limits.max_bytes)}); "
        "check this is the right file",
    )


def _not_regular(mode: int) -> LimitError:
    if stat.S_ISDIR(mode):
        nl, en = "een map", "a folder"
    elif stat.S_ISFIFO(mode):
        nl, en = "een named pipe (FIFO)", "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        nl, en = "een apparaat (zoals /dev/zero)", "a device (such as /dev/zero)"
    elif stat.S_ISSOCK(mode):
        nl, en = "een socket", "a socket"
    else:  # pragma: no cover - every other kind is listed above
        nl, en = "geen gewoon bestand", "not a regular file"
    return LimitError(
        f"is {nl}, geen gewoon bestand; pbd leest alleen gewone bestanden — geef het bestand zelf",
        f"is {en}, not a regular file; pbd reads regular files only — give the file itself",
    )


def check_regular(path: Path | str) -> None:
    """Raise :class:`LimitError` unless ``path`` (symlinks followed) is a regular file; ``OSError`` when absent."""
    mode = Path(path).stat().st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(mode)


def read_bounded(path: Path | str, limits: Limits) -> bytes:
    """The bytes of the regular file ``path``, at most ``limits.max_bytes`` of them.

    Raises :class:`LimitError` for anything that is not a regular file or is too large, and
    ``OSError`` (``FileNotFoundError``, ``PermissionError``, …) for the reader to word itself.
    The file is opened non-blocking, so a FIFO that slipped in between the check and the open
    does not hang the run, and read with a bound, so a file that grows is not read without end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    check_regular(path)  # before open: opening a FIFO or a tape device can have effects of its own
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the check and the open
            raise _not_regular(st.st_mode)
        if st.st_size > limits.max_bytes:
            raise too_large(st.st_size, limits)
        chunks: list[bytes] = []
        left = limits.max_bytes + 1
        while left > 0:
            try:
                chunk = os.read(fd, min(left, 1024 * 1024))
            except BlockingIOError:  # pragma: no cover - a regular file never blocks
                raise OSError(errno.EAGAIN, "the file would block") from None
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limits.max_bytes:
            raise too_large(len(data), limits)
        return data
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> tuple[str, str]:
    """Dutch and English words for why a file could not be read."""
    if isinstance(exc, FileNotFoundError):
        return "bestand niet te lezen: het bestaat niet", "cannot read file: no such file"
    if isinstance(exc, PermissionError):
        return "bestand niet te lezen: geen toegang (rechten)", "cannot read file: permission denied"
    reason = exc.strerror or type(exc).__name__
    return f"bestand niet te lezen ({reason})", f"cannot read file ({reason})"


# -- JSON --------------------------------------------------------------------------------------

# a surrogate pair written as two escapes (json.dumps writes every emoji so), preceded by an even number of backslashes
_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_LONE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89a-fA-F][0-9a-fA-F]{2})")


def join_surrogate_escapes(text: str) -> str:
    """``\\ud83d\\udeb2`` -> the character itself (🚲), so readers that refuse surrogate escapes (YAML) read it."""
    if "\\u" not in text and "\\U" not in text:
        return text

    def pair(m: re.Match[str]) -> str:
        high, low = int(m.group(2), 16), int(m.group(3), 16)
        return m.group(1) + chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    return _PAIR.sub(pair, text)


def lone_surrogate(text: str) -> LimitError | None:
    """The error for a lone surrogate escape (``\\ud83d`` without its pair) in text whose pairs are joined."""
    if "\\u" not in text:  # the usual case, found in C; the pattern's look-behind tries every position
        return None
    m = _LONE.search(text)
    if m is None:
        return None
    line = text.count("\n", 0, m.start()) + 1
    col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1 + len(m.group(1))
    return LimitError(
        f"losse surrogaat-escape \\u{m.group(2)} (de helft van een teken, zoals een kapotte emoji); "
        "verwijder hem of schrijf het hele teken",
        f"lone surrogate escape \\u{m.group(2)} (half a character, such as a broken emoji); "
        "remove it or write the whole character",
        line,
        col,
    )


def _int_parser(limits: Limits) -> Any:
    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_int_digits:
            raise _BigInt(digits)
        return int(digits)

    return parse_int


class _OutOfRange(ValueError):
    pass


class _BigInt(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = len(digits.lstrip("-"))


def _big_int(digits: int, limits: Limits, line: int = 0, column: int = 0) -> LimitError:
    return LimitError(
        f"getal van {digits} cijfers; {limits.kind_nl} rekent met getallen van hoogstens "
        f"{limits.max_int_digits} cijfers — controleer het getal",
        f"number of {digits} digits; {limits.kind_en} holds numbers of at most {limits.max_int_digits} digits — "
        "check the number",
        line,
        column,
    )


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _OutOfRange(text)
    return value


def _reject_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def parse_json(text: str, limits: Limits, *, object_pairs_hook: Any = None) -> Any:
    """Strict JSON text -> data, within ``limits``; raises :class:`LimitError` or :class:`json.JSONDecodeError`.

    ``NaN`` and ``Infinity`` are not JSON and are refused; so are numbers out of range, nesting
    deeper than the limit (checked on the result, and a ``RecursionError`` of the parser itself
    reported as depth), too many nodes and too long texts.
    """
    text = join_surrogate_escapes(text)
    lone = lone_surrogate(text)
    if lone is not None:
        raise lone
    try:
        data = json.loads(
            text,
            parse_int=_int_parser(limits),
            parse_float=_parse_float,
            parse_constant=_reject_constant,
            object_pairs_hook=object_pairs_hook,
        )
    except _BigInt as exc:
        raise _big_int(exc.digits, limits) from None
    except _OutOfRange as exc:
        shown = str(exc)[:40]
        raise LimitError(
            f"getal {shown} is buiten elk bereik; controleer het getal",
            f"number {shown} is out of any range; check the number",
        ) from None
    except RecursionError:
        raise _too_deep(limits) from None
    if object_pairs_hook is not None or not _within_by_text(text, limits):
        check_tree(data, limits)
    elif isinstance(data, dict | list) and _deeper_than(data, 0, limits.max_depth):
        raise _too_deep(limits)
    return data


def _within_by_text(text: str, limits: Limits) -> bool:
    """True when the JSON ``text`` can break no limit but depth, judged from counts of its characters.

    Every node but the root follows a ``:`` (an object's value), a ``[`` or a ``,`` (a list's item),
    and no string is longer than the text; characters inside strings only raise these bounds.
    Integers are bounded by the parser already (``parse_int``). So when this holds, :func:`check_tree`
    could only find the nesting too deep, which :func:`_deeper_than` checks walking the containers
    alone: a knowledge base file of a few thousand strings and numbers is not walked node by node.
    """
    if len(text) > limits.max_string:
        return False
    return 1 + text.count(":") + text.count("[") + text.count(",") <= limits.max_nodes


def _deeper_than(node: dict[str, Any] | list[Any], depth: int, max_depth: int) -> bool:
    """Whether a node below the container ``node`` (at ``depth``) lies deeper than ``max_depth``, as :func:`check_tree` counts."""
    children = node.values() if isinstance(node, dict) else node
    if not children:
        return False
    if depth + 1 > max_depth:
        return True
    return any(isinstance(c, dict | list) and _deeper_than(c, depth + 1, max_depth) for c in children)


def _too_deep(limits: Limits, where: str = "") -> LimitError:
    at_nl = f" bij {where}" if where else ""
    at_en = f" at {where}" if where else ""
    return LimitError(
        f"te diep genest{at_nl} (meer dan {limits.max_depth} niveaus); {limits.kind_nl} is veel vlakker",
        f"nested too deeply{at_en} (more than {limits.max_depth} levels); {limits.kind_en} is far flatter",
    )


def check_tree(data: Any, limits: Limits) -> None:
    """Check parsed data against the structural limits, iteratively (no recursion, however deep the data)."""
    nodes = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise LimitError(
                f"te veel elementen (meer dan {limits.max_nodes}); {limits.kind_nl} is veel kleiner",
                f"too many elements (more than {limits.max_nodes}); {limits.kind_en} is far smaller",
            )
        if depth > limits.max_depth:
            raise _too_deep(limits)
        if isinstance(node, dict):
            for key, value in node.items():
                _check_string(key, limits)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)
        elif isinstance(node, str):
            _check_string(node, limits)
        elif isinstance(node, int) and not isinstance(node, bool) and _int_too_big(node, limits):
            raise _big_int(int(abs(node).bit_length() * 0.30103) + 1, limits)


def _int_too_big(value: int, limits: Limits) -> bool:
    return bool(abs(value) >= 10**limits.max_int_digits)


def _check_string(text: Any, limits: Limits) -> None:
    if isinstance(text, str) and len(text) > limits.max_string:
        raise LimitError(
            f"tekst van {len(text)} tekens; {limits.kind_nl} heeft teksten van hoogstens {limits.max_string} tekens",
            f"text of {len(text)} characters; {limits.kind_en} holds texts of at most {limits.max_string} characters",
        )

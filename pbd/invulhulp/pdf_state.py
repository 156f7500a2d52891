"""The Invulhulp's PDF export carries its JSON state: read it back from the PDF's document information.

The Invulhulp (its ``pdfExport.ts``) writes the full assessment-output JSON as a custom entry
``AssessmentData`` of the PDF's document information dictionary (the trailer's ``/Info``), beside
``Title`` and the other standard entries; its ``pdfImport.ts`` reads that entry back, whether the
writer stored it as a literal or a hexadecimal string. pbd does the same with pypdf, which decodes
both string forms (PDFDocEncoding and UTF-16 with byte-order mark).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from pbd.errors import PbdError

#: the document-information key the Invulhulp writes its state under
INFO_KEY = "/AssessmentData"
PDF_MAGIC = b"%PDF-"


def is_pdf(path: Path) -> bool:
    """Whether the file starts like a PDF (its extension aside)."""
    try:
        with path.open("rb") as fh:
            return fh.read(1024).lstrip().startswith(PDF_MAGIC)
    except OSError:
        return False


def _pypdf(where: str) -> Any:
    try:
        return importlib.import_module("pypdf")
    except ImportError:  # pragma: no cover - pypdf is a dependency of pbd
        raise PbdError(
            where,
            "reading a PDF export needs the Python package pypdf, which is not installed",
            "Install it (pip install pypdf), or export JSON from the Invulhulp instead.",
        ) from None


def read_pdf_state(path: Path, *, max_bytes: int) -> str:
    """The JSON text the Invulhulp embedded in a PDF export, or one clear :class:`PbdError`."""
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PbdError(where, f"cannot read ({exc.strerror})", "Check the path.") from None
    if size > max_bytes:
        mb = 1024 * 1024
        raise PbdError(where, f"too large ({size // mb} MB; at most {max_bytes // mb} MB)", "Export it again.")
    pypdf = _pypdf(where)
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        info = reader.metadata
        raw = None if info is None else info.get(INFO_KEY)
    except Exception as exc:  # pypdf raises many kinds; each means "not a readable PDF"
        raise PbdError(
            where, f"not a readable PDF ({type(exc).__name__})", "Export the PDF again from the Invulhulp."
        ) from None
    if raw is None:
        raise PbdError(
            where,
            "this PDF holds no Invulhulp data (no AssessmentData in its document information)",
            "Use a PDF exported by the Invulhulp itself, or its JSON export.",
        )
    value = raw.get_object() if hasattr(raw, "get_object") else raw
    if isinstance(value, bytes):  # a string pypdf could not decode as text: UTF-16 with BOM, else PDFDocEncoding
        text = value.decode("utf-16") if value[:2] in (b"\xfe\xff", b"\xff\xfe") else value.decode("latin-1")
    else:
        text = str(value)
    if not text.strip():
        raise PbdError(where, "the Invulhulp data in this PDF are empty", "Export the PDF again from the Invulhulp.")
    return text


__all__ = ["INFO_KEY", "is_pdf", "read_pdf_state"]

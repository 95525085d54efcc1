"""Bytes to text: reading a source, recognising binary files, choosing the encoding."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from netkit.errors import EncodingProblem, UnsupportedFormat

__all__ = ["Source", "decode", "load_source", "sniff_binary"]

Src = str | os.PathLike[str] | BinaryIO

#: Largest file netkit reads into memory (LinkedIn's 30,000-contact cap is ~5 MB).
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """A file's name and bytes, as read once from a path or an open binary file."""

    name: str
    data: bytes


def load_source(src: Src) -> Source:
    """Read ``src`` (a path or an open binary file) into memory.

    Raises
    ------
    UnsupportedFormat
        When the path is missing, a folder, unreadable or over 512 MiB.
    """
    if hasattr(src, "read"):
        name = str(getattr(src, "name", "<stream>"))
        data = src.read(MAX_BYTES + 1)  # type: ignore[union-attr]
        if isinstance(data, str):
            raise UnsupportedFormat("open the file in binary mode ('rb')", path=name)
    else:
        path = Path(src)  # type: ignore[arg-type]
        name = str(path)
        if path.is_dir():
            raise UnsupportedFormat("is a folder; name the export file inside it", path=name)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise UnsupportedFormat("no such file; check the path", path=name) from None
        except OSError as exc:
            raise UnsupportedFormat(f"cannot be read ({exc.strerror})", path=name) from None
    if len(data) > MAX_BYTES:
        raise UnsupportedFormat("is larger than 512 MiB: not a contacts export", path=name)
    return Source(name, data)


_MAGIC = (
    (b"%PDF", "a PDF document; download the export as CSV instead"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file (.xls); save it as CSV (UTF-8)"),
    (b"\x89PNG", "a PNG image, not an export"),
    (b"\xff\xd8\xff", "a JPEG image, not an export"),
    (b"GIF8", "a GIF image, not an export"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
    (b"SQLite format 3", "an SQLite database, not an export"),
)


def sniff_binary(source: Source) -> str | None:
    """Classify ``source`` when it is a known binary container.

    Returns ``"zip"`` for a readable zip that is not an Office document, None for
    anything that may be text, and raises for binary files netkit cannot read.

    Raises
    ------
    UnsupportedFormat
        For an Excel workbook, a PDF, an image, a damaged zip and the like.
    """
    data = source.data
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(f"is {what}", path=source.name)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, EOFError, ValueError):
            raise UnsupportedFormat(
                "is a damaged or truncated zip archive; download it again", path=source.name
            ) from None
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormat(
                "is an Excel workbook (.xlsx); use the original CSV from the export, "
                "or in Excel save it as 'CSV UTF-8'",
                path=source.name,
            )
        if any(n.startswith(("word/", "ppt/")) for n in names):
            raise UnsupportedFormat("is an Office document, not an export", path=source.name)
        return "zip"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2 or 1
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(source: Source) -> tuple[str, str]:
    """Decode ``source`` to text, returning ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16), UTF-16 without BOM
    (recognised by its zero bytes), strict UTF-8, then cp1252 (Excel on Windows in
    western Europe). A BOM never reaches the text.

    Raises
    ------
    UnsupportedFormat
        For an empty or binary file.
    EncodingProblem
        For a damaged or truncated UTF-16 file.
    """
    data, name = source.data, source.name
    bare = data
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        bare = bare.removeprefix(bom)
    if not bare.strip(b" \t\r\n\x00"):
        raise UnsupportedFormat("the file is empty; export your data again", path=name)
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data[:4096]) or "utf-8"
        if encoding == "utf-8" and b"\x00" in data[:4096]:
            raise UnsupportedFormat("is a binary file, not a text export", path=name)
    if encoding.startswith("utf-16"):
        if len(data) % 2:
            raise EncodingProblem(
                "is a truncated UTF-16 file (odd number of bytes); save or download it again",
                path=name,
            )
        try:
            return data.decode(encoding), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingProblem(
                f"is damaged UTF-16 text (bad bytes at offset {exc.start}); save it again",
                path=name,
            ) from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"

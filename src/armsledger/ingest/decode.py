"""Bytes -> text, for files whose encoding nobody wrote down.

Order of trust: a byte-order mark, then strict UTF-8 (what nearly everything
is), then an encoding the document declares (``<meta charset>``, XML
declaration), then Windows-1252, which is a superset of the printable part of
Latin-1 and so decodes both correctly ("Türkiye", "café", curly quotes, €).
Declarations come after UTF-8 because pages often declare ISO-8859-1 while
actually serving UTF-8. A UTF-8 file with a few stray bytes stays UTF-8 (with
replacement characters) instead of turning all its accents into mojibake.

Binary data is recognised by NUL bytes (unless the file is UTF-16/32) or by a
high share of control characters after decoding.
"""

from __future__ import annotations

import codecs
import re

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CONTROL_RATIO = 0.02  # share of control characters above which decoded "text" is really binary

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_XML_DECL_ENCODING = re.compile(r"""(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""", re.IGNORECASE)


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we accept."""


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """The encoding announced by a byte-order mark and the BOM's length, or (None, 0)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def _bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without BOM from NUL bytes sitting on one parity (ASCII-heavy text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def declared_encoding(head: bytes) -> str | None:
    """Encoding named by ``<meta charset>`` / ``http-equiv`` or the XML declaration, if Python knows it."""
    match = _DECLARED.search(head[:8192])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(head: bytes) -> bool:
    """True for data with NUL bytes that is not UTF-16/32 text (cheap check on the first bytes)."""
    if b"\x00" not in head:
        return False
    encoding, _ = sniff_bom(head)
    return encoding is None and _bomless_utf16(head) is None


def _check_text(text: str) -> str:
    if text:
        controls = _CONTROL.subn("", text[:65536])[1]
        if controls / min(len(text), 65536) > MAX_CONTROL_RATIO:
            raise BinaryContent(f"{controls} control characters in the first {min(len(text), 65536)}")
    return text


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding used); raise BinaryContent for non-text.

    ``declared`` is an encoding the document itself names; it is tried after UTF-8.
    """
    encoding, skip = sniff_bom(data)
    if encoding:
        try:
            return _check_text(data[skip:].decode(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise BinaryContent(f"not valid {encoding} despite its byte-order mark") from exc
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise BinaryContent("contains NUL bytes")
        try:
            return _check_text(data.decode(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise BinaryContent("contains NUL bytes") from exc
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", "replace").count("\ufffd")
    if valid > invalid:  # mostly UTF-8 with a few damaged bytes
        return _check_text(data.decode("utf-8", "replace")), "utf-8"
    for candidate in (declared, "cp1252"):
        if candidate and candidate not in ("utf-8", "ascii"):
            try:
                return _check_text(data.decode(candidate)), candidate
            except (UnicodeDecodeError, LookupError):
                continue
    return _check_text(data.decode("latin-1")), "latin-1"


def strip_xml_encoding(text: str) -> str:
    """Drop ``encoding="..."`` from an XML declaration once the text is already decoded.

    Parsers reject (lxml) or misapply (feedparser) a declaration that no longer
    matches the UTF-8 bytes we hand them.
    """
    return _XML_DECL_ENCODING.sub(r"\1", text, count=1)

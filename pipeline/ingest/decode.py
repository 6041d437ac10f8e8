"""Bytes -> text: refuse binary input, detect the encoding, decode strictly.

Supported: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, and GBK/GB18030.
Detection is a strict-decode cascade, not a statistical guess: a BOM decides first,
then strict UTF-8, then strict GBK/GB18030 accepted only when the result is plausible
Chinese text. Everything else is refused with a reason a user can act on.

The BOM is *not* part of the decoded text: ``data.decode(encoding)`` with the returned
codec name (``utf-8-sig``, ``utf-16``, ``utf-32``) reproduces the text exactly, and all
offsets in the pipeline index that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class DecodeRefused(ValueError):
    """The bytes are not a text report in a supported encoding; ``str()`` is the reason."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the Python codec name that reproduces it from the bytes."""

    text: str
    encoding: str


#: Magic numbers of binary formats users rename to ``.txt`` by mistake.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx)"),
    (b"PK\x05\x06", "empty zip archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (doc/xls)"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file (wav/avi/webp)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# C0 controls other than \t \n \v \f \r, DEL and C1 controls: a text file has (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
# A GB18030 decoding is accepted when at least this share of its distinct non-ASCII
# characters is in GB2312 (the 7,445 common characters): real Chinese text is ~100%,
# random or Latin-1 bytes that happen to decode land mostly in rare GBK/GB18030 areas.
_MIN_GB2312_SHARE = 0.6


def check_binary(data: bytes) -> str | None:
    r"""Return why ``data`` is binary (a magic number or NUL bytes), or ``None``.

    >>> check_binary(b"\x89PNG\r\n\x1a\n....")
    'binary file (PNG image)'
    >>> check_binary("报告".encode()) is None
    True
    """
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            return f"binary file ({what})"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at offset {nul})"
    return None


def decode_report(data: bytes) -> Decoded:
    r"""Decode report bytes, or raise :class:`DecodeRefused` saying why not.

    >>> decode_report("增长5%".encode("gb18030"))
    Decoded(text='增长5%', encoding='gbk')
    >>> decode_report(b"\xef\xbb\xbfok").encoding
    'utf-8-sig'
    """
    if not data:
        raise DecodeRefused("file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_with_bom(data, codec, len(bom)), codec)
    binary = check_binary(data)
    if binary:
        raise DecodeRefused(binary)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if _is_truncated_at_end(utf8_error, len(data)) and _decodes(data[: utf8_error.start], "utf-8"):
        raise DecodeRefused(
            f"truncated multi-byte UTF-8 sequence at the end (byte {utf8_error.start} of {len(data)}): "
            "the file looks cut off"
        )
    for codec in ("gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as err:
            if codec == "gb18030" and _is_truncated_at_end(err, len(data)):
                head = data[: err.start]
                if _decodes(head, "gb18030") and _plausible_chinese(head.decode("gb18030")):
                    raise DecodeRefused(
                        f"truncated multi-byte GB18030 sequence at the end (byte {err.start} of "
                        f"{len(data)}): the file looks cut off"
                    ) from None
            continue
        if _plausible_chinese(text):
            return _checked(text, codec)
    raise DecodeRefused(
        "decodes in no supported encoding (UTF-8, UTF-16/32 with BOM, GBK/GB18030): "
        f"invalid UTF-8 at byte {utf8_error.start} ({utf8_error.reason})"
    )


def _decode_with_bom(data: bytes, codec: str, bom_len: int) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        if _is_truncated_at_end(err, len(data)):
            raise DecodeRefused(
                f"truncated multi-byte {codec.upper()} sequence at the end (byte {err.start} of "
                f"{len(data)}): the file looks cut off"
            ) from None
        raise DecodeRefused(
            f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
            f"(byte {err.start}: {err.reason})"
        ) from None


def _is_truncated_at_end(err: UnicodeDecodeError, size: int) -> bool:
    """True when the only problem is an incomplete multi-byte sequence at the very end."""
    return err.end >= size and err.reason in {"unexpected end of data", "incomplete multibyte sequence"}


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return bool(data)


def _checked(text: str, codec: str) -> Decoded:
    """Refuse text that decodes but is mostly control characters (binary without NULs)."""
    if text:
        n_control = sum(1 for _ in _CONTROL.finditer(text, 0, min(len(text), 1 << 20)))
        if n_control > _MAX_CONTROL_SHARE * min(len(text), 1 << 20):
            raise DecodeRefused(f"binary file ({n_control} control characters in the first MiB)")
    return Decoded(text, codec)


def _plausible_chinese(text: str) -> bool:
    """Decide whether a GBK/GB18030 decoding is real text rather than coincidence."""
    distinct = {ch for ch in set(text) if ord(ch) > 0x7F}
    if not distinct:
        return True
    common = 0
    for ch in distinct:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common >= _MIN_GB2312_SHARE * len(distinct)

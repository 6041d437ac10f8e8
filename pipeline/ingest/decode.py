"""Bytes -> text: refuse binary input, detect the encoding, decode strictly.

Supported: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, GBK/GB18030 and Big5
(``cp950``, then ``big5hkscs`` for Hong Kong characters). Detection is a strict-decode
cascade, not a statistical guess: a BOM decides first, then strict UTF-8, then strict
GBK/GB18030 accepted only when the result is plausible Chinese text, then strict Big5.

GBK and Big5 share their byte ranges, so when both decode strictly the one whose
characters are common Chinese wins (:func:`score_common_han`: the share of Han characters
whose Simplified form is among GB2312's 3,755 level-1 characters; the right decoding scores
~1.0, the wrong one ~0.3-0.5). A ``charset=big5`` declared in the first bytes of an HTML
page settles a tie. Everything else is refused with a reason a user can act on.

The BOM is *not* part of the decoded text: ``data.decode(encoding)`` with the returned
codec name (``utf-8-sig``, ``utf-16``, ``utf-32``) reproduces the text exactly, and all
offsets in the pipeline index that text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from pipeline.ingest.script import build_tables


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
#: A Big5 decoding is accepted when at least this share of its Han characters (read as
#: Simplified) are GB2312 level-1 characters; real text scores above 0.95.
_MIN_BIG5_COMMON_SHARE = 0.7
#: Characters scored by :func:`score_common_han` (a sample bounds the cost on large files).
_SCORE_SAMPLE = 100_000
_GB_CODECS = ("gbk", "gb18030")
_BIG5_CODECS = ("cp950", "big5hkscs")
#: Labels of Big5 in ``<meta charset>`` / ``Content-Type`` (WHATWG lists big5, big5-hkscs, cn-big5,
#: csbig5, x-x-big5; cp950/windows-950 are Microsoft's).
_BIG5_LABELS = frozenset(
    ["big5", "big5-hkscs", "big5hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "windows-950"]
)
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DECLARATION_HEAD = 4096


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
    gb = _decode_strict(data, _GB_CODECS, "GB18030", _plausible_chinese)
    big5 = _decode_strict(data, _BIG5_CODECS, "Big5", _plausible_big5)
    if (
        gb is not None
        and _plausible_chinese(gb.text)
        and (big5 is None or not _prefer_big5(data, gb.text, big5.text))
    ):
        return _checked(gb.text, gb.encoding)
    if big5 is not None and _plausible_big5(big5.text):
        return _checked(big5.text, big5.encoding)
    raise DecodeRefused(
        "decodes in no supported encoding (UTF-8, UTF-16/32 with BOM, GBK/GB18030): "
        f"invalid UTF-8 at byte {utf8_error.start} ({utf8_error.reason}), and not Big5 either"
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, lower-cased, or ``None``.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=BIG5">')
    'big5'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    match = _DECLARED_CHARSET.search(data, 0, _DECLARATION_HEAD)
    return match.group(1).decode("ascii").lower() if match else None


def score_common_han(text: str) -> float:
    """Share of the Han characters of ``text`` whose Simplified form is a GB2312 level-1 character.

    Level 1 holds the 3,755 most used characters; real Chinese, Simplified or Traditional,
    is nearly all made of them. Bytes decoded with the wrong one of GBK and Big5 give rare
    characters, symbols and kana instead. ``1.0`` for a text without Han characters.

    >>> score_common_han("國內生產總值增長5%"), score_common_han("国内生产总值增长5%")
    (1.0, 1.0)
    >>> "国内生产总值增长5%".encode("gbk").decode("big5hkscs")  # GBK bytes read as Big5
    '弊囀汜莉軞硉崝酗5%'
    >>> score_common_han("弊囀汜莉軞硉崝酗5%") < 0.5
    True
    """
    tables = build_tables()
    codes = np.frombuffer(text[:_SCORE_SAMPLE].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = np.minimum(codes, len(tables.target) - 1)
    han = codes[tables.han[codes]]
    if not han.size:
        return 1.0
    return float(np.count_nonzero(_level1_mask(len(tables.target))[tables.target[han]])) / han.size


def _plausible_big5(text: str) -> bool:
    return score_common_han(text) >= _MIN_BIG5_COMMON_SHARE


def _prefer_big5(data: bytes, gb_text: str, big5_text: str) -> bool:
    """Both GBK and Big5 decode the bytes: Big5 when it reads as more common Chinese."""
    gb_score, big5_score = score_common_han(gb_text), score_common_han(big5_text)
    if big5_score != gb_score:
        return big5_score > gb_score
    return declared_charset(data) in _BIG5_LABELS


def _decode_strict(
    data: bytes, codecs: tuple[str, ...], family: str, plausible: Callable[[str], bool]
) -> Decoded | None:
    """The first of ``codecs`` that decodes ``data`` strictly; refuse a plausible file cut off."""
    for codec in codecs:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as err:
            if codec == codecs[-1] and _is_truncated_at_end(err, len(data)):
                head = data[: err.start]
                if _decodes(head, codec) and plausible(head.decode(codec)):
                    raise DecodeRefused(
                        f"truncated multi-byte {family} sequence at the end (byte {err.start} of "
                        f"{len(data)}): the file looks cut off"
                    ) from None
    return None


@cache
def _level1_mask(size: int) -> np.ndarray:
    """mask[c]: code point ``c`` is one of GB2312's level-1 characters (rows 0xB0-0xD7)."""
    mask = np.zeros(size, dtype=bool)
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                mask[ord(bytes((row, cell)).decode("gb2312"))] = True
            except UnicodeDecodeError:  # the last row has five empty cells
                continue
    return mask


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
    """Decide whether a GBK/GB18030 decoding is real text rather than coincidence.

    A character counts as common when it or its Simplified form is in GB2312, so that
    Traditional text saved as GBK (國內 -> 国内) is as plausible as Simplified text.
    """
    distinct = {ch for ch in set(text) if ord(ch) > 0x7F}
    if not distinct:
        return True
    target = build_tables().target
    common = 0
    for ch in distinct:
        code = ord(ch)
        try:
            (chr(target[code]) if code < len(target) else ch).encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common >= _MIN_GB2312_SHARE * len(distinct)

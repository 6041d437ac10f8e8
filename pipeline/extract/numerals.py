"""Parse written numbers exactly: Arabic, full-width, Chinese and mixed numerals.

Values are ``Decimal`` (or ``Fraction`` for 三分之二) so that 1.2万亿 or 1亿3千多万 never pass
through binary floating point before they are scaled. A numeral that cannot be read one
way only (三四个, 一万五 written without 千) raises ``ValueError``; the extractor then
records it as skipped instead of guessing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 4, "亿": 8}
_APPROX = "多余"


def normalize_digits(text: str) -> str:
    """Full-width digits and points to ASCII.

    >>> normalize_digits("４８．２")
    '48.2'
    """
    return text.translate(_FULL_WIDTH)


def split_magnitude(text: str) -> tuple[str, int]:
    """Split a numeral into its value part and the power of ten of its trailing magnitude.

    The trailing 万/亿 is the written magnitude that belongs to the unit (亿元, 万个);
    a 多/余 at the very end is ignored here (it is a bound word).

    >>> split_magnitude("1.2万亿")
    ('1.2', 12)
    >>> split_magnitude("3万多亿")
    ('3万多', 8)
    >>> split_magnitude("1万6千多")
    ('1万6千多', 0)
    >>> split_magnitude("千亿")
    ('千', 8)
    """
    core = text.rstrip(_APPROX)
    end = len(core)
    while end and core[end - 1] in _BIG:
        end -= 1
    mult = sum(_BIG[ch] for ch in core[end:])
    return text[:end] if end < len(core) else text, mult


def parse_number(text: str) -> Decimal:
    """The exact value of a written number; 多/余 inside it are dropped (they qualify it).

    >>> parse_number("1,234.5")
    Decimal('1234.5')
    >>> parse_number("４８．２")
    Decimal('48.2')
    >>> parse_number("一千二百万")
    Decimal('12000000')
    >>> parse_number("1万6千多")
    Decimal('16000')
    >>> parse_number("1亿3千多万")
    Decimal('130000000')
    >>> parse_number("3万多亿")
    Decimal('3000000000000')
    >>> parse_number("1.2万亿")
    Decimal('1200000000000.0')
    >>> parse_number("三点五亿")
    Decimal('350000000.0')
    >>> parse_number("两"), parse_number("十三"), parse_number("一百零五"), parse_number("千亿")
    (Decimal('2'), Decimal('13'), Decimal('105'), Decimal('100000000000'))
    >>> parse_number("二〇二〇")
    Decimal('2020')
    >>> parse_number("十三五")
    Traceback (most recent call last):
    ...
    ValueError: two digits without a unit between them in '十三五'
    """
    text = normalize_digits(text).replace(",", "")
    if not text:
        raise ValueError("empty numeral")
    if text.count(".") > 1:
        raise ValueError(f"more than one decimal point in {text!r}")
    if text.replace(".", "", 1).isdigit():
        return Decimal(text)
    body = text.replace("多", "").replace("余", "")
    if body and all(ch in _CN_DIGITS for ch in body) and len(body) > 1:
        if "零" not in body and "〇" not in body:
            raise ValueError(f"run of Chinese digits is ambiguous in {text!r}")
        return Decimal("".join(str(_CN_DIGITS[ch]) for ch in body))
    return _parse_mixed(body, text)


def _parse_mixed(body: str, text: str) -> Decimal:
    """Positional parse of Chinese (and Arabic-with-Chinese) numerals."""
    yi_part = Decimal(0)
    wan_part = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    last_small = 10**5
    seen_zero = False
    digit_after_zero = False
    last_place = 1
    i = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch.isdigit() or (ch == "." and i + 1 < n and body[i + 1].isdigit()):
            j = i
            while j < n and (body[j].isdigit() or body[j] == "."):
                j += 1
            if number is not None:
                raise ValueError(f"two digits without a unit between them in {text!r}")
            number = Decimal(body[i:j])
            digit_after_zero = seen_zero
            i = j
            continue
        if ch in _CN_DIGITS:
            if _CN_DIGITS[ch] == 0:
                seen_zero = True
                i += 1
                continue
            if number is not None:
                raise ValueError(f"two digits without a unit between them in {text!r}")
            number = Decimal(_CN_DIGITS[ch])
            digit_after_zero = seen_zero
            if i + 1 < n and body[i + 1] == "点":
                j = i + 2
                while j < n and body[j] in _CN_DIGITS:
                    j += 1
                if j == i + 2:
                    raise ValueError(f"点 without decimals in {text!r}")
                number = Decimal(f"{_CN_DIGITS[ch]}." + "".join(str(_CN_DIGITS[c]) for c in body[i + 2 : j]))
                i = j
                continue
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if unit >= last_small:
                raise ValueError(f"magnitudes out of order in {text!r}")
            section += (number if number is not None else Decimal(1)) * unit
            last_small = unit
            last_place = unit
            number = None
        elif ch == "万":
            if wan_part:
                raise ValueError(f"万 twice in {text!r}")
            seg = section + (number or 0)
            wan_part = (seg or Decimal(1)) * 10**4
            last_place = 10**4
            section, number, last_small = Decimal(0), None, 10**5
        elif ch == "亿":
            if yi_part:
                raise ValueError(f"亿 twice in {text!r}")
            seg = wan_part + section + (number or 0)
            yi_part = (seg or Decimal(1)) * 10**8
            last_place = 10**8
            wan_part, section, number, last_small = Decimal(0), Decimal(0), None, 10**5
        else:
            raise ValueError(f"not a numeral character {ch!r} in {text!r}")
        if seen_zero and ch in _SMALL:
            raise ValueError(f"零 before a magnitude in {text!r}")
        seen_zero = False
        i += 1
    if number is not None and last_place > 10 and not digit_after_zero:
        # 一万五 / 两千三: a trailing digit whose place is only implied.
        raise ValueError(f"trailing digit with an implied place in {text!r}")
    return yi_part + wan_part + section + (number or 0)


#: Arabic digits with at most one point and a plain trailing magnitude: most figures.
#: (Full-width forms are accepted as ``normalize_digits`` would map them.)
_PLAIN = re.compile(r"([0-9０-９][0-9０-９,，]{0,20}(?:[.．][0-9０-９]{1,8})?)(万亿|万|亿)?")
_MAGNITUDE_POWER = {"万": 4, "亿": 8, "万亿": 12}


def read_numeral(text: str) -> tuple[Decimal, int]:
    """(value in the written magnitude, power of ten of that magnitude) of a numeral.

    The same as ``parse_number`` scaled down by ``split_magnitude``'s power, read directly
    for the common 12345.6亿 / 4.8% shapes instead of through the positional parser.

    >>> read_numeral("1,234.5亿"), read_numeral("1.2万亿"), read_numeral("３万多亿")
    ((Decimal('1234.5'), 8), (Decimal('1.2'), 12), (Decimal('30000.00000000'), 8))
    >>> read_numeral("1498"), read_numeral("4.8")
    ((Decimal('1498'), 0), (Decimal('4.8'), 0))
    """
    if text.isascii() and text.replace(".", "", 1).isdigit():
        # plain 1498 / 4.8 (six numbers in ten): what both paths below return, in two C calls
        return Decimal(text), 0
    if text.count(".") + text.count("．") > 1:
        raise ValueError(f"more than one decimal point in {text!r}")
    m = _PLAIN.fullmatch(text)
    if m is not None:
        digits, magnitude = m.group(1, 2)
        if not digits.isascii():
            digits = normalize_digits(digits)
        value = Decimal(digits.replace(",", ""))
        if not magnitude:
            return value, 0
        if value:  # 0万 reads as 万 (10000) in the positional parser
            return value, _MAGNITUDE_POWER[magnitude]
    total = parse_number(text)
    _, mult = split_magnitude(text)
    return (total.scaleb(-mult) if mult else total), mult


def parse_fraction(numerator: str, denominator: str) -> Fraction:
    """The exact value of ``denominator分之numerator`` (三分之二 is 2/3).

    >>> parse_fraction("二", "三")
    Fraction(2, 3)
    >>> parse_fraction("五十", "百")
    Fraction(1, 2)
    """
    den = parse_number(denominator)
    if den == 0:
        raise ValueError("zero denominator")
    return Fraction(parse_number(numerator)) / Fraction(den)


def has_approx_mark(text: str) -> bool:
    """True when the numeral carries 多/余 (more than).

    >>> has_approx_mark("40多万"), has_approx_mark("1498")
    (True, False)
    """
    return "多" in text or "余" in text

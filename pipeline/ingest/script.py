"""Traditional -> Simplified characters, one for one, so that offsets do not move.

Reposts of government work reports from Hong Kong, Macao and Taiwan outlets are written in
Traditional characters (國內生產總值增長5%左右, 萬億元, 個百分點). The extractor's grammar, units
and vocabularies are Simplified, so the text it reads is converted here, **character by
character**: the converted text has the same length as its input, every clean offset still maps
to the same source offset, and quotes stay verbatim Traditional spans of the source.

The mapping is OpenCC's ``TSCharacters`` dictionary (shipped by ``opencc-python-reimplemented``,
Apache-2.0), first candidate per character, applied as a vectorised lookup over the code
points. OpenCC's phrase dictionary is not used: it may change the length of a span, and
character-level conversion is what the grammar needs (a few one-to-many characters may read as
the wrong Simplified form, e.g. 乾 -> 干; the quote keeps the source).

Which text is converted, line by line:

- A *Traditional-only* character is a key of the table that no Simplified text uses: its
  first candidate differs from it and it is not in GB2312 (the Simplified charset). It is
  converted wherever it stands (國 -> 国, also a stray 內 in 国內 on a Simplified page).
- 乾, 後, 於, 徵, 夥 and a few more are in GB2312 (乾隆, 於 as a surname...): they decide
  nothing and are converted only inside a Traditional line.
- A line is Traditional when at least :data:`MIN_LINE_SHARE` of its Han characters are
  Traditional-only; such a line is converted with the whole table (後 -> 后, 於 -> 于 too).
  A mixed page (Simplified navigation around a Traditional article, or a Simplified article
  quoting a Traditional title) converts its Traditional lines whole, and in its Simplified
  lines only the Traditional-only characters, so a Simplified 乾隆 or 於 never changes.

A document without a single Traditional-only character (every Simplified report) costs one
encode to UTF-32 and one table lookup, and comes back as the same ``str`` object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from pipeline.ingest.markup import Markup

#: Share of a line's Han characters that must be Traditional-only for the line to be converted.
#: In Traditional twins of the corpus (OpenCC s2t/s2tw/s2hk) the median line has 36%, the 5th
#: percentile 14%; a Simplified line quoting one Traditional name has a few %.
MIN_LINE_SHARE = 0.1
#: OpenCC's Traditional -> Simplified character dictionary, inside the ``opencc`` package.
DICTIONARY = ("opencc", "dictionary", "TSCharacters.txt")

HANS = "hans"
HANT = "hant"
MIXED = "mixed"


@dataclass(frozen=True)
class Tables:
    """Lookup arrays indexed by code point, built once from the dictionary."""

    #: target[c] is the Simplified code point of c (c itself when it has none).
    target: np.ndarray
    #: traditional_only[c]: c is a Traditional character no Simplified text uses.
    traditional_only: np.ndarray
    #: han[c]: c is a CJK ideograph (the denominator of a line's share).
    han: np.ndarray
    #: simplified_only[c]: c is the Simplified form of another character and not in Big5 (国, 长, not
    #: 表 or 台, which Traditional text uses too): a line holding one is written in Simplified.
    simplified_only: np.ndarray


@dataclass(frozen=True)
class Simplified:
    """The converted text and its script: ``hans`` (no Traditional line), ``hant`` or ``mixed``."""

    text: str
    script: str
    n_changed: int = 0


def read_ts_characters() -> dict[str, str]:
    """OpenCC's ``TSCharacters`` as {Traditional: first Simplified candidate}, identities dropped.

    >>> table = read_ts_characters()
    >>> table["國"], table["萬"], table["長"], table["點"]
    ('国', '万', '长', '点')
    >>> "国" in table or "著" in table
    False
    """
    package, *parts = DICTIONARY
    path = resources.files(package).joinpath(*parts)
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, candidates = line.partition("\t")
        first = candidates.split(" ", 1)[0]
        if len(key) == 1 and len(first) == 1 and first != key:
            table[key] = first
    return table


@cache
def build_tables() -> Tables:
    """The lookup arrays (about 1.3 MB, built once per process in about 10 ms)."""
    table = read_ts_characters()
    size = max(0x9FFF, *map(ord, table), *map(ord, table.values())) + 2  # last entry: "no change"
    target = np.arange(size, dtype=np.uint32)
    traditional_only = np.zeros(size, dtype=bool)
    for key, value in table.items():
        target[ord(key)] = ord(value)
        traditional_only[ord(key)] = not _in_gb2312(key)
    simplified_only = np.zeros(size, dtype=bool)
    simplified_only[[ord(value) for value in table.values() if not _in_big5(value)]] = True
    han = np.zeros(size, dtype=bool)
    for start, end in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, size - 2)):
        han[start : min(end, size - 2) + 1] = True
    return Tables(target, traditional_only, han, simplified_only)


def to_simplified(text: str) -> Simplified:
    r"""Convert the Traditional lines (and Traditional-only characters) of ``text``, keeping its length.

    >>> to_simplified("國內生產總值增長5%左右").text
    '国内生产总值增长5%左右'
    >>> done = to_simplified("首页 > 新闻\n今年發展主要預期目標是：城鎮新增就業1200萬人以上")
    >>> done.script, done.text
    ('mixed', '首页 > 新闻\n今年发展主要预期目标是：城镇新增就业1200万人以上')
    >>> plain = "乾隆年间，於是增长"
    >>> to_simplified(plain).text is plain
    True
    >>> to_simplified("据香港《大公報》报道，於是乾隆年间的旧城改造完成")  # a quoted title
    Simplified(text='据香港《大公报》报道，於是乾隆年间的旧城改造完成', script='hans', n_changed=1)
    """
    tables = build_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    limit = len(tables.target) - 1
    beyond = bool(codes.size) and int(codes.max()) > limit
    clipped = np.minimum(codes, limit) if beyond else codes  # tables[limit] is "no change"
    traditional = tables.traditional_only[clipped]
    if not traditional.any():
        return Simplified(text, HANS)
    # Per line: counts of Traditional-only and Han characters, then a flag per character.
    starts = np.concatenate(([0], np.flatnonzero(codes[:-1] == 0x0A) + 1))
    n_traditional = np.add.reduceat(traditional.astype(np.int32), starts)
    n_han = np.add.reduceat(tables.han[clipped].astype(np.int32), starts)
    converted_lines = (n_traditional > 0) & (n_traditional >= MIN_LINE_SHARE * n_han)
    in_converted = np.repeat(converted_lines, np.diff(np.append(starts, codes.size)))
    mapped = np.where(in_converted | traditional, tables.target[clipped], codes)
    if beyond:
        mapped = np.where(codes > limit, codes, mapped)
    mapped = mapped.astype(np.uint32)
    n_changed = int(np.count_nonzero(mapped != codes))
    left = ~in_converted
    if not converted_lines.any():
        script = HANS
    elif left.any() and tables.simplified_only[clipped[left]].any():
        script = MIXED
    else:
        script = HANT
    return Simplified(mapped.tobytes().decode("utf-32-le", "surrogatepass"), script, n_changed)


def _in_gb2312(char: str) -> bool:
    return _encodes(char, "gb2312")


def _in_big5(char: str) -> bool:
    return _encodes(char, "cp950")


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def simplify_markup(markup: Markup) -> str:
    """Convert the markup pass's text (and ``<title>``, ``<meta>``, front-matter values) in place.

    Runs before the line pass so that bylines (來源：), widgets (分享到) and place names
    (廣州市) are recognised by the Simplified vocabularies; the offset map is untouched.
    Returns the script found in the text (``hans`` when no line is Traditional).
    """
    done = to_simplified(markup.text)
    if not done.n_changed:
        return done.script
    markup.text = done.text
    if markup.html_title:
        markup.html_title = to_simplified(markup.html_title).text
    markup.meta = {key: to_simplified(value).text for key, value in markup.meta.items()}
    markup.front_matter = {
        key: to_simplified(value).text if isinstance(value, str) else value
        for key, value in markup.front_matter.items()
    }
    return done.script

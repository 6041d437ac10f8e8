"""Spans that hold digits but never figures, blanked out before the grammar runs.

One linear pass builds a copy of the clean text of the same length in which markup,
URLs, front matter, dates and times, standard numbers, footnote markers, list
enumerators, short quoted slogans and book titles are replaced by spaces. Offsets
stay valid, and the grammar never sees 12345 in a URL, 2021-01-17, GB/T 28398-2023,
the [2] of 国内生产总值[2]1349084亿元 or the 六 of “六稳”.
"""

from __future__ import annotations

import re

from pipeline.extract.anchored import Anchored

#: A quoted figure is a figure, not a slogan: a rate or an amount with nothing but bound
#: words around it (经济增长“5.5%左右”的预期目标). Bare numbers (“12345”热线) and group
#: labels (“3万亿级”) stay masked.
_QUOTED_FIGURE = (
    r"[约近超逾]?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:%|％|‰|个百分点|[万亿]*元|倍)(?:左右|以上|以内)?"
)

#: Units of computing power, energy and power written in Latin letters right after a number
#: (4800PF, 10EFLOPS, 55GWh): a figure, unlike 5G or 555X.
_COMPUTE = r"(?:[PET]FLOPS|[PET]F[Ll]ops|PF|[kMG]Wh|[MG]W)"  # also energy and power: 55GWh, 300MW

#: Branches open with a character class where they can (``[0-9][0-9]{3}`` for ``[0-9]{4}``, a
#: look-behind after the first letter instead of before it): ``re`` skips such a branch on one
#: character test, where a repeat or an assertion first is entered and tried at every candidate.
#: Each rewrite matches the same strings, in the same order of backtracking.
_MASK_RE = re.compile(
    r"""
    \A\ufeff?---\r?\n.*?\r?\n---\r?\n               # YAML front matter
    | <(?:style|script)\b.*?</(?:style|script)>       # CSS and scripts
    | <!--.*?-->                                      # HTML comments
    | <[A-Za-z/!][^<>\n]{0,2000}>                      # tags and their attributes
    | &\#?\w{1,8};                                    # character entities
    | (?:https?://|www\.)[^\s"'<>）)\]，。]+            # URLs
    | [0-9][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}     # dates 2021-01-17
    | [0-9][0-9]?:[0-9]{2}(?::[0-9]{2})?              # times 09:55:20
    | [A-Z][A-Z]{0,4}/[A-Z]{1,3}[ \t]?[0-9]+(?:[.\-－][0-9]+)*   # GB/T 28398-2023
    | [A-Za-z](?<![A-Za-z].)(?<!(?=(?:GDP|CPI|PPI|PMI|GNI)[0-9]).)  # SF031, R1, PM2.5, not GDP2021
        [A-Za-z]{0,4}_?[0-9]+(?:[.\-－][0-9]+)*
    | [0-9](?<![0-9.].)[0-9]*(?:\.[0-9]+)?(?!_COMPUTE(?![A-Za-z0-9]))[A-Za-z]+[0-9A-Za-z]*  # 5G, 1.5MA
    | [\[［〔][0-9０-９]{1,3}[\]］〕]                   # footnote markers [2]
    | [（(][0-9０-９一二三四五六七八九十]{1,3}[）)]      # enumerators （二） (1)
    | (?m:^[ \t　]*[0-9０-９]{1,2}[、.．](?![0-9０-９]))  # numbered lines 1、 2.
    | (?m:^[ \t　]*[一二三四五六七八九十]{1,3}、)       # heading ordinals 一、
    | “(?!_QUOTED_FIGURE”)[^”\n]{1,12}”                # short quoted slogans “六稳”, not “5.5%左右”
    | 《[^》\n]{1,60}》                                 # titles of documents
    """.replace("_QUOTED_FIGURE", _QUOTED_FIGURE).replace("_COMPUTE", _COMPUTE),
    re.VERBOSE | re.DOTALL,
)


_MASK = Anchored(_MASK_RE)  # tried only where a mask can start (see ``anchored``)


def _blank(text: str) -> str:
    """Spaces of the same length, keeping newlines so line-based rules still see breaks."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))


def build_mask(text: str) -> str:
    """``text`` with every never-a-figure span replaced by spaces (same length).

    >>> build_mask("国内生产总值[2]1349084亿元")
    '国内生产总值   1349084亿元'
    >>> build_mask("推进5G建设，落实“六稳”")
    '推进  建设，落实    '
    >>> build_mask("经济增长“5.5%左右”的预期目标，“12345”热线")
    '经济增长“5.5%左右”的预期目标，       热线'
    >>> build_mask("GB/T 28398-2023于2021-01-17发布") == " " * 15 + "于" + " " * 10 + "发布"
    True
    """
    parts: list[str] = []
    last = 0
    for m in _MASK.finditer(text):
        start, end = m.span()
        parts.append(text[last:start])
        parts.append(_blank(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)

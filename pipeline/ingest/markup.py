"""First cleaning pass: remove markup, keep an offset map into the decoded source.

Removes YAML front matter, HTML comments, tags and whole non-article elements
(``<script>``, ``<style>``, ``<head>``, ``<nav>``, ``<footer>``...), decodes HTML entities
(the decoded character maps to the entity's first character, ``&``), drops markdown
image/link syntax, heading markers and ``**``, and turns CRLF/CR into LF (the LF keeps
the offset of the source LF; a lone CR becomes an LF at the CR's offset). Block tags
become a line break so that paragraphs stay on their own lines for the line pass.

One left-to-right scan with a single regex; elements whose whole content is dropped are
skipped with ``str.find`` on the lowered text, remembering tags that are never closed,
so the pass stays linear even on hostile input.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np
import yaml

from pipeline.ingest.offsets import Piece, edits_to_pieces, identity_offsets, rewrite

#: HTML elements whose content is not article text.
DROPPED_ELEMENTS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "template",
        "head",
        "nav",
        "footer",
        "aside",
        "form",
        "select",
        "button",
        "svg",
        "canvas",
        "object",
        "video",
        "audio",
        "map",
        "title",
        "textarea",
    ]
)
#: Elements that start a new line of text.
BLOCK_ELEMENTS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "section",
        "article",
        "header",
        "main",
        "blockquote",
        "pre",
        "hr",
        "figure",
        "figcaption",
        "center",
        "address",
        "caption",
        "body",
        "html",
    ]
)
#: Inline elements (removed, content kept). Unknown names are left alone as text.
INLINE_ELEMENTS = frozenset(
    [
        "a",
        "span",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "s",
        "font",
        "small",
        "big",
        "sub",
        "sup",
        "img",
        "label",
        "abbr",
        "cite",
        "code",
        "q",
        "mark",
        "ins",
        "del",
        "time",
        "wbr",
        "td",
        "th",
        "meta",
        "link",
        "base",
        "input",
        "source",
        "picture",
        "col",
        "colgroup",
    ]
)
#: Table cells: their closing tag becomes CELL_SEPARATOR, so neighbouring cells stay apart.
CELL_ELEMENTS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "
#: Elements whose text is a heading, with their section level.
HEADING_LEVELS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "strong": 3, "b": 3}

_TOKEN = re.compile(
    r"""
    (?P<comment><!--.*?(?:-->|\Z))
  | (?P<tag><(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9_.-]*)?)(?:[\s/][^<>]*)?>)
  | (?P<decl><![A-Za-z][^<>]*>|<\?[^<>]*>)
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<cr>\r\n?)
  | (?P<mdimage>!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\))
  | (?P<mdlink>\[[^\]\n]{1,500}\]\((?:https?://|/|\.|\#)[^)\n]{0,2000}\))
  | (?P<mdheading>(?<=\n)\#{1,6}[ \t]+)
  | (?P<emphasis>\*\*)
    """,
    re.S | re.X,
)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_HEADING_AT = re.compile(r"\#{1,6}[ \t]+")
_META = re.compile(r"<meta\s[^<>]*>", re.I)
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TITLE = re.compile(r"<title[^<>]*>(.*?)</title\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^<>]*>")
_SPACE = re.compile(r"\s+")


@dataclass
class Markup:
    """Result of the markup pass: text without markup, and what the markup said."""

    text: str
    offsets: np.ndarray  # offsets[i]: source offset of text[i]; one trailing sentinel
    front_matter: dict = field(default_factory=dict)
    html_title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    #: (source_start, source_end, level) of heading elements (<h1>..., markdown #).
    heading_spans: list[tuple[int, int, int]] = field(default_factory=list)
    is_html: bool = False


def strip_markup(source: str) -> Markup:
    """Run the markup pass over the decoded source text."""
    result = Markup(text=source, offsets=identity_offsets(len(source)))
    edits: list[Piece] = []
    pos = _front_matter(source, result, edits)
    heading = _MD_HEADING_AT.match(source, pos)
    if heading:
        edits.append((pos, heading.end(), ""))
        result.heading_spans.append((heading.end(), _line_end(source, pos), heading.group().count("#")))
        pos = heading.end()
    if pos == 0 and not any(ch in source for ch in "<&\r[*#"):
        return result
    _scan(source, pos, result, edits)
    if not edits:
        return result
    text, offsets = rewrite(source, result.offsets, edits_to_pieces(len(source), edits), len(source))
    result.text, result.offsets = text, offsets
    return result


def _front_matter(source: str, result: Markup, edits: list[Piece]) -> int:
    match = _FRONT_MATTER.match(source)
    if not match:
        return 0
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return 0
    if not isinstance(data, dict):
        return 0
    result.front_matter = {str(k): v for k, v in data.items()}
    edits.append((0, match.end(), ""))
    return match.end()


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _scan(source: str, pos: int, result: Markup, edits: list[Piece]) -> None:
    lowered: str | None = None
    unclosed: set[str] = set()
    open_headings: dict[str, list[int]] = {}
    search = _TOKEN.search
    while True:
        match = search(source, pos)
        if match is None:
            return
        kind = match.lastgroup
        start, end = match.span()
        pos = end
        if kind == "tag":
            name = match.group("name").lower()
            closing = bool(match.group("close"))
            if name in DROPPED_ELEMENTS and not closing and not match.group().endswith("/>"):
                result.is_html = True
                if lowered is None:
                    lowered = source.lower()
                close_end = _find_close(lowered, name, end, unclosed)
                if close_end is not None:
                    _read_dropped(name, source[start:close_end], result)
                    edits.append((start, close_end, "\n"))
                    pos = close_end
                    continue
                edits.append((start, end, ""))
            elif name in BLOCK_ELEMENTS or name in INLINE_ELEMENTS or name in DROPPED_ELEMENTS:
                result.is_html = True
                if closing and name in CELL_ELEMENTS:
                    # </td><td>: cells of a row stay apart, as in a Markdown table row
                    # (43214.85 | 8.1%), instead of running together into one number
                    edits.append((start, end, CELL_SEPARATOR))
                else:
                    edits.append((start, end, "\n" if name in BLOCK_ELEMENTS else ""))
                if name == "meta":
                    _read_meta(match.group(), result)
                if name in HEADING_LEVELS:
                    _track_heading(name, closing, start, end, open_headings, result)
            elif ":" in name:
                # Office's namespaced tags in pages pasted from Word (<o:p></o:p>, <st1:chsdate>):
                # markup whatever their name, kept inline as their text runs on
                edits.append((start, end, ""))
        elif kind == "entity":
            decoded = html.unescape(match.group())
            if decoded != match.group():
                edits.append((start, end, decoded))
        elif kind == "cr":
            edits.append((start, start + 1, "" if end - start == 2 else "\n"))
        elif kind == "mdlink":
            text_end = source.index("](", start)
            edits.append((start, start + 1, ""))
            edits.append((text_end, end, ""))
        elif kind == "mdheading":
            edits.append((start, end, ""))
            result.heading_spans.append((end, _line_end(source, end), match.group().count("#")))
        else:  # comment, declaration, markdown image, emphasis
            edits.append((start, end, ""))


def _find_close(lowered: str, name: str, pos: int, unclosed: set[str]) -> int | None:
    """End offset of the ``</name>`` closing tag after ``pos``, or None (remembered)."""
    if name in unclosed:
        return None
    at = lowered.find(f"</{name}", pos)
    if at < 0:
        unclosed.add(name)
        return None
    gt = lowered.find(">", at)
    return len(lowered) if gt < 0 else gt + 1


def _track_heading(
    name: str, closing: bool, start: int, end: int, open_headings: dict[str, list[int]], result: Markup
) -> None:
    stack = open_headings.setdefault(name, [])
    if not closing:
        stack.append(end)
    elif stack:
        result.heading_spans.append((stack.pop(), start, HEADING_LEVELS[name]))


def _read_dropped(name: str, element: str, result: Markup) -> None:
    """Keep what a dropped ``<head>``/``<title>`` says (title, meta tags) before it goes."""
    if name not in {"head", "title"}:
        return
    title = _TITLE.search(element)
    if title and result.html_title is None:
        text = _SPACE.sub(" ", html.unescape(_TAGS.sub("", title.group(1)))).strip()
        result.html_title = text or None
    for meta in _META.finditer(element):
        _read_meta(meta.group(), result)


def _read_meta(tag: str, result: Markup) -> None:
    attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
    key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
    if key and attrs.get("content"):
        result.meta.setdefault(key, html.unescape(attrs["content"]).strip())

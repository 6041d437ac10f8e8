"""Value objects passed from ingest to extraction and tables."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A heading detected in the clean text."""

    title: str
    clean_start: int  # offset of the heading in Document.clean_text
    source_start: int  # offset of the heading in Document.source_text
    level: int = 1


@dataclass(frozen=True)
class SourceInfo:
    """What the optional side file (``<stem>.source.yaml`` / ``.json``) says about a report."""

    url: str | None = None
    license: str | None = None
    publisher: str | None = None
    title: str | None = None
    area: str | None = None
    published_at: str | None = None


@dataclass(frozen=True)
class Document:
    """A decoded report: the source as published, its clean article text, and metadata.

    ``clean_to_source[i]`` is the offset in ``source_text`` of ``clean_text[i]``; it has
    one extra trailing entry (``len(source_text)`` or the end of the last kept run) so
    that half-open spans map with :meth:`source_span`.

    ``script`` says whether lines written in Traditional characters were found (``hant``:
    the article, ``mixed``: some lines only, ``hans``: none). Their clean text (and the
    title, sections and area read from it) is the Simplified form, one character for
    one, as is any Traditional-only character elsewhere (:mod:`pipeline.ingest.script`);
    ``source_text`` and every quote stay as published.
    """

    report_id: str
    file_name: str
    sha256: str
    n_bytes: int
    encoding: str
    source_text: str
    clean_text: str
    clean_to_source: array = field(repr=False)
    title: str | None = None
    area: str | None = None
    year: int | None = None
    published_at: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    editor: str | None = None
    site: str | None = None
    sections: tuple[Section, ...] = ()
    info: SourceInfo = field(default_factory=SourceInfo)
    script: str = "hans"

    def source_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Map a half-open span of ``clean_text`` to the covering span of ``source_text``."""
        if clean_end <= clean_start:
            raise ValueError(f"empty span {clean_start}:{clean_end}")
        return self.clean_to_source[clean_start], self.clean_to_source[clean_end - 1] + 1

    def section_at(self, clean_offset: int) -> Section | None:
        """The nearest section heading at or above ``clean_offset``."""
        found = None
        for section in self.sections:
            if section.clean_start > clean_offset:
                break
            found = section
        return found

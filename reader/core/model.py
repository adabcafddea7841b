"""The dataclasses that flow through the pipeline.

decode → normalise → split → metadata → entities → index → search → export.
Every stage takes and returns these; nothing here imports Qt.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str  # Python codec name as used, e.g. "utf-8", "gb18030", "utf-16-le"


@dataclass(frozen=True, slots=True)
class Line:
    """One source line after clean-up.

    `no` is the 1-based line number in the source file; `text` is the line with
    layout noise removed (full-width digits folded, spaces inside dates and
    quantities dropped, outer whitespace stripped). Blank lines are kept (text "").
    Running headers and page numbers are not Lines at all.
    """

    no: int
    text: str


ENTITY_TYPES = ("date", "number", "unit", "docref")


@dataclass(frozen=True)
class Span:
    """A highlighted entity on a document's reading text: text[start:end]."""

    type: str  # one of ENTITY_TYPES
    start: int
    end: int
    text: str


@dataclass
class Segment:
    """The source lines of one document, in reading order.

    Lines may come from several places of the file when a two-column
    extraction interleaved the document with its neighbours.
    """

    lines: list[Line]


@dataclass
class Metadata:
    title: str
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)  # as printed, in printed order
    canonical_issuers: list[str] = field(default_factory=list)  # for grouping; same order
    date: str | None = None  # "YYYY-MM-DD"
    year: int | None = None
    kind: str = ""  # 文种: 通知, 意见, … ; "" when unknown
    attachments: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One 公文 as the index, the reading pane and export need it."""

    file: str  # source path as given
    encoding: str
    first_line: int  # 1-based, inclusive, in the source file
    last_line: int
    meta: Metadata
    text: str  # reading text: reflowed paragraphs separated by "\n"
    entities: list[Span] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def id(self) -> str:
        """Stable identifier: the same file, place and title give the same id."""
        key = f"{self.file}\0{self.first_line}\0{self.last_line}\0{self.meta.title}"
        # surrogateescape: a file name in GBK bytes on Linux arrives as lone surrogates
        return hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()

    def to_json(self) -> dict:
        """The `reader parse --json` record (the CLI contract)."""
        m = self.meta
        return {
            "file": self.file,
            "encoding": self.encoding,
            "title": m.title,
            "doc_number": m.doc_number,
            "issuers": list(m.issuers),
            "date": m.date,
            "year": m.year,
            "kind": m.kind,
            "attachments": list(m.attachments),
            "lines": [self.first_line, self.last_line],
            "text": self.text,
            "entities": [
                {"type": s.type, "start": s.start, "end": s.end, "text": s.text}
                for s in self.entities
            ],
        }


class ReadError(Exception):
    """A file that cannot be read as text: names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class ParseResult:
    """What parsing one file gave: its documents, or the reason it could not be read."""

    file: str
    encoding: str | None = None
    documents: list[Document] = field(default_factory=list)
    error: str | None = None

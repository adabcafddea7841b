"""The dataclasses that flow through the pipeline.

decode → normalise → split → metadata → entities → index → search → export.
Every stage takes and returns these; nothing here imports Qt.
"""
from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
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


class Lines(Sequence[Line]):
    """Many Lines stored as two columns: line numbers in an array of 4-byte ints, texts in a list.

    A file of a million short lines would otherwise hold a million Line objects (and a million
    int objects for their numbers): here a line costs its text and 12 bytes. Indexing and
    iteration give Line values made on the fly (equal, not identical, each time); code that
    walks many lines reads the columns `nos` and `texts` (or line_columns()) instead.
    """

    __slots__ = ("nos", "texts")

    def __init__(self, nos: Iterable[int] = (), texts: Iterable[str] = ()):
        self.nos: array = nos if isinstance(nos, array) else array("i", nos)
        self.texts: list[str] = texts if isinstance(texts, list) else list(texts)
        if len(self.nos) != len(self.texts):
            raise ValueError("Lines: as many numbers as texts")

    @classmethod
    def of(cls, lines: Iterable[Line]) -> Lines:
        """The Lines holding these lines (the same object when they are a Lines already)."""
        if isinstance(lines, Lines):
            return lines
        nos, texts = array("i"), []
        for line in lines:
            nos.append(line.no)
            texts.append(line.text)
        return cls(nos, texts)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return Lines(self.nos[k], self.texts[k])
        return Line(self.nos[k], self.texts[k])

    def __iter__(self) -> Iterator[Line]:
        return map(Line, self.nos, self.texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lines):
            return self.nos == other.nos and self.texts == other.texts
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable columns, like a list

    def __add__(self, other: Iterable[Line]) -> Lines:
        o = Lines.of(other)
        return Lines(self.nos + o.nos, self.texts + o.texts)

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


def line_columns(lines: Sequence[Line]) -> tuple[Sequence[int], list[str]]:
    """(line numbers, texts) of any sequence of Lines, without a Line object per line for a Lines."""
    if isinstance(lines, Lines):
        return lines.nos, lines.texts
    return [line.no for line in lines], [line.text for line in lines]


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
    extraction interleaved the document with its neighbours. The splitter gives a Lines
    (compact columns); any sequence of Line is accepted.
    """

    lines: Sequence[Line]


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
    # where the year comes from: "date", "doc_number" (〔2022〕), "issue" (the gazette issue
    # the document is printed in, when it carries neither) or "" (no year). Provenance of
    # `year`, not a value of its own: equal metadata may differ in it (an index that keeps
    # only the year gives back an equal document).
    year_source: str = field(default="", compare=False)
    # what `date` is: "成文" (signature, or the date line of a report), "通过" (adoption note),
    # "公布" (promulgation note), "修订"/"修正" ("" when no date). Provenance like year_source.
    date_role: str = field(default="", compare=False)
    # every dated role the header states, in printed order: [("通过", "2019-06-28"), ("修正", …),
    # ("公布", …), ("施行", …), ("成文", …)]; `date` is one of them, never the 施行 one
    dated_roles: list[tuple[str, str]] = field(default_factory=list, compare=False)


@dataclass
class Table:
    """A table of a reading text: rows of cell strings (all rows as wide as the widest).

    text[start:end] holds the rows, one paragraph each, cells separated by tabs;
    first_line–last_line are the source lines it was read from.
    """

    rows: list[list[str]]
    first_line: int
    last_line: int
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"rows": [list(r) for r in self.rows], "lines": [self.first_line, self.last_line],
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict) -> Table:
        first, last = data["lines"]
        return cls([list(r) for r in data["rows"]], int(first), int(last), int(data["start"]), int(data["end"]))


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
    tables: list[Table] = field(default_factory=list)
    # the pages first_line–last_line are printed on, for paged sources (PDF, OFD): (3, 5) is
    # 第 3-5 页; None for text and Word files, whose lines are not pages
    pages: tuple[int, int] | None = None

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def id(self) -> str:
        """Stable identifier: the same file, place and title give the same id."""
        key = f"{self.file}\0{self.first_line}\0{self.last_line}\0{self.meta.title}"
        # surrogateescape: a file name in GBK bytes on Linux arrives as lone surrogates
        return hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()

    def to_dict(self) -> dict:
        """All fields, JSON-serialisable (what an index needs to store): see from_dict."""
        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        return document_from_dict(data)

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
            "year_source": m.year_source,
            "date_role": m.date_role,
            "dates": [{"role": r, "date": d} for r, d in m.dated_roles],
            "kind": m.kind,
            "attachments": list(m.attachments),
            "lines": [self.first_line, self.last_line],
            "pages": list(self.pages) if self.pages else None,
            "text": self.text,
            "entities": [
                {"type": s.type, "start": s.start, "end": s.end, "text": s.text}
                for s in self.entities
            ],
            "tables": [t.to_dict() for t in self.tables],
        }


def document_to_dict(doc: Document) -> dict:
    """Everything a Document carries, as JSON-serialisable values (document_from_dict reverses it)."""
    m = doc.meta
    return {
        "file": doc.file, "encoding": doc.encoding, "first_line": doc.first_line, "last_line": doc.last_line,
        "meta": {"title": m.title, "doc_number": m.doc_number, "issuers": list(m.issuers),
                 "canonical_issuers": list(m.canonical_issuers), "date": m.date, "year": m.year,
                 "kind": m.kind, "attachments": list(m.attachments), "year_source": m.year_source,
                 "date_role": m.date_role, "dated_roles": [list(x) for x in m.dated_roles]},
        "text": doc.text,
        "entities": [[s.type, s.start, s.end, s.text] for s in doc.entities],
        "tables": [t.to_dict() for t in doc.tables],
        "pages": list(doc.pages) if doc.pages else None,
    }


def document_from_dict(data: dict) -> Document:
    m = data["meta"]
    meta = Metadata(title=m["title"], doc_number=m.get("doc_number"), issuers=list(m.get("issuers", [])),
                    canonical_issuers=list(m.get("canonical_issuers", [])), date=m.get("date"),
                    year=m.get("year"), kind=m.get("kind", ""), attachments=list(m.get("attachments", [])),
                    year_source=m.get("year_source", ""), date_role=m.get("date_role", ""),
                    dated_roles=[tuple(x) for x in m.get("dated_roles", [])])
    return Document(file=data["file"], encoding=data["encoding"], first_line=data["first_line"],
                    last_line=data["last_line"], meta=meta, text=data["text"],
                    entities=[Span(*e) for e in data.get("entities", [])],
                    tables=[Table.from_dict(t) for t in data.get("tables", [])],
                    pages=tuple(data["pages"]) if data.get("pages") else None)


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
    encoding: str | None = None  # the text's codec, or the format read: "PDF", "DOCX", "OFD"
    documents: list[Document] = field(default_factory=list)
    error: str | None = None
    pages: int = 0  # pages of a paged source (PDF, OFD); 0 for text

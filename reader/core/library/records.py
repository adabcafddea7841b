"""What the library keeps of each document for trees, lists and ranking (no text).

Its own module so that the library, the searcher and the query layer share it without
importing one another.
"""
from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import Document, Metadata

UNKNOWN = "未识别"  # a missing value is said so, never shown as "—" (which reads as 一 in a CJK font)
UNKNOWN_ISSUER = UNKNOWN
UNKNOWN_YEAR = "未知"


@dataclass
class DocInfo:
    """Light metadata for trees and lists."""

    id: str
    title: str
    doc_number: str | None
    issuers: list[str]
    canonical_issuers: list[str]
    date: str | None
    year: int | None
    kind: str
    file: str
    first_line: int
    last_line: int
    pages: tuple[int, int] | None = None  # first and last page of a paged source (PDF, OFD)


    def as_document(self) -> Document:
        """A Document with this metadata and no text: what a ledger row needs of its document."""
        meta = Metadata(title=self.title, doc_number=self.doc_number, issuers=list(self.issuers),
                        canonical_issuers=list(self.canonical_issuers), date=self.date, year=self.year,
                        kind=self.kind)
        return Document(file=self.file, encoding="", first_line=self.first_line, last_line=self.last_line,
                        meta=meta, text="", pages=self.pages)


def date_number(date: str | None) -> int:
    """'2022-05-17' → 20220517 (the sort key); 0 when unknown."""
    if not date:
        return 0
    digits = date.replace("-", "")
    return int(digits) if digits.isdigit() else 0

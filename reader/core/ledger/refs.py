"""Cross-references: which documents a document cites (its docref spans), and which cite it.

Every cited 文号 (a docref span) is resolved against a set of documents by its normalised
form (reader.core.text.patterns.docno_key: brackets folded to 〔〕, spaces dropped, full-width digits
folded, 號 read as 号), so 国发[2020]14号, 国发（2020）14号 and 国发〔2020〕14号 are one
number. A document's own 文号 printed in its
header is not a citation of itself.

Build a CrossRefs over parsed Documents (CrossRefs.from_documents) or over an indexed
Library (CrossRefs.from_library: DocInfo.doc_number for the targets, Library.document(id)
for the spans).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.text.patterns import docno_key, normalise_docno

@dataclass(frozen=True)
class DocRef:
    """A document as a reference end: enough to list it and open it."""

    id: str
    title: str
    doc_number: str | None


@dataclass
class Citation:
    """One docref span in `source`, resolved to the library's documents with that number."""

    source: DocRef
    printed: str  # as printed in the text
    doc_number: str  # normalised
    start: int  # offsets in the citing document's reading text
    end: int
    targets: list[DocRef] = field(default_factory=list)  # empty: not in the library

    @property
    def resolved(self) -> bool:
        return bool(self.targets)

    def to_json(self) -> dict:
        return {
            "source": self.source.id,
            "source_title": self.source.title,
            "printed": self.printed,
            "doc_number": self.doc_number,
            "start": self.start,
            "end": self.end,
            "targets": [{"id": t.id, "title": t.title, "doc_number": t.doc_number} for t in self.targets],
        }


class CrossRefs:
    """Both directions of citation over one set of documents."""

    def __init__(self) -> None:
        self.docs: dict[str, DocRef] = {}
        self._by_number: dict[str, list[DocRef]] = {}
        self._spans: dict[str, list[tuple[str, int, int]]] = {}
        self._cites: dict[str, list[Citation]] | None = None
        self._cited_by: dict[str, list[Citation]] = {}

    # ------------------------------------------------------------ building
    def add(self, doc: DocRef, docref_spans: Iterable[tuple[str, int, int]]) -> None:
        """A document and its docref spans (printed text, start, end)."""
        self.docs[doc.id] = doc
        if doc.doc_number:
            self._by_number.setdefault(docno_key(doc.doc_number), []).append(doc)
        self._spans[doc.id] = list(docref_spans)
        self._cites = None

    @classmethod
    def from_documents(cls, documents: Iterable) -> CrossRefs:
        refs = cls()
        for d in documents:
            refs.add(DocRef(d.id, d.meta.title, d.meta.doc_number),
                     [(s.text, s.start, s.end) for s in d.entities if s.type == "docref"])
        return refs

    @classmethod
    def from_library(cls, library) -> CrossRefs:
        """From the cited 文号 the library stored at index time (no document is re-read)."""
        refs = cls()
        for info, _tasks, spans in library.stored_links() or []:
            refs.add(DocRef(info.id, info.title, info.doc_number), spans)
        return refs

    def _build(self) -> None:
        self._cites, self._cited_by = {}, {}
        for doc_id, spans in self._spans.items():
            source = self.docs[doc_id]
            own = docno_key(source.doc_number) if source.doc_number else None
            out: list[Citation] = []
            for printed, start, end in spans:
                key = docno_key(printed)
                if key == own:
                    continue  # the document's own 文号 in its header
                targets = [t for t in self._by_number.get(key, []) if t.id != doc_id]
                c = Citation(source, printed, normalise_docno(printed), start, end, targets)
                out.append(c)
                for t in targets:
                    self._cited_by.setdefault(t.id, []).append(c)
            self._cites[doc_id] = out

    # ------------------------------------------------------------ queries
    def resolve(self, doc_number: str) -> list[DocRef]:
        """The documents holding a 文号 (however its brackets are printed)."""
        return list(self._by_number.get(docno_key(doc_number), []))

    def cites(self, doc_id: str) -> list[Citation]:
        """What a document cites, in reading order, resolved or not."""
        if self._cites is None:
            self._build()
        return list(self._cites.get(doc_id, []))

    def cited_by(self, doc_id: str) -> list[Citation]:
        """The citations of this document in other documents."""
        if self._cites is None:
            self._build()
        return list(self._cited_by.get(doc_id, []))

    def find(self, key: str) -> list[DocRef]:
        """Documents by id, id prefix (≥ 6 characters) or 文号."""
        key = key.strip()
        if key in self.docs:
            return [self.docs[key]]
        by_number = self.resolve(key)
        if by_number:
            return by_number
        if len(key) >= 6:
            return [d for i, d in self.docs.items() if i.startswith(key)]
        return []

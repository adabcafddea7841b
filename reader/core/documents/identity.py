"""A document's identity for what the user keeps about it (recent list, bookmarks, notes).

A document's `id` hashes its file, line range and title, so editing the file above it or a
parser change gives it a new id. What the user attached to it must survive that: a DocKey keeps
the id and, as the fallback, the title and file; `resolve` finds the document again.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocKey:
    id: str
    title: str
    file: str

    @classmethod
    def of(cls, doc) -> "DocKey":
        """From a Document or a DocInfo (both have id, title and file)."""
        return cls(doc.id, doc.title, doc.file)

    def same_document(self, other: "DocKey") -> bool:
        return self.id == other.id or (self.title, self.file) == (other.title, other.file)

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "file": self.file}

    @classmethod
    def from_json(cls, value) -> "DocKey | None":
        if not isinstance(value, dict) or not value.get("id"):
            return None
        return cls(str(value["id"]), str(value.get("title") or ""), str(value.get("file") or ""))


def resolve(key: DocKey, docs: Iterable) -> str | None:
    """The current id of the document `key` names: the same id, else the only document with
    the same title in the same file (a title repeated in one file is ambiguous: None)."""
    fallback: list[str] = []
    for doc in docs:
        if doc.id == key.id:
            return doc.id
        if key.title and doc.title == key.title and doc.file == key.file:
            fallback.append(doc.id)
    return fallback[0] if len(fallback) == 1 else None

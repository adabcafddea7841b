"""What the reader keeps about documents: 收藏 (stars), 已读 (read marks) and 批注 (notes).

Stored in one small SQLite file in the user's data folder (never in a documents folder), so
it survives restarts and re-indexing. Each record carries the document's DocKey (id, title,
file): a document's id changes when its file is edited above it or the parser changes, and
`reconcile` then moves the records to the new id when the title and file still name exactly
one document (reader.core.documents.identity). A note on a passage keeps the quoted text besides its
offsets, so `locate` finds the passage again after the text moved.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.paths import user_data_dir

from reader.core.documents.identity import DocKey

NOTES_FILE = "notes.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, file TEXT NOT NULL,
    starred INTEGER NOT NULL DEFAULT 0, read INTEGER NOT NULL DEFAULT 0, updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, title TEXT NOT NULL, file TEXT NOT NULL,
    start INTEGER, "end" INTEGER, quote TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
    created REAL NOT NULL, updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_doc ON notes(doc_id);
"""


def default_notes_path() -> Path:
    """READER_NOTES_FILE, else notes.sqlite in the user's data folder."""
    override = os.environ.get("READER_NOTES_FILE")
    return Path(override) if override else user_data_dir() / NOTES_FILE


@dataclass(frozen=True)
class Note:
    id: int
    key: DocKey
    start: int | None  # None: a note on the whole document
    end: int | None
    quote: str  # the passage's text when the note was made ("" for a document note)
    body: str
    created: float
    updated: float

    @property
    def on_passage(self) -> bool:
        return self.start is not None


def locate(note: Note, text: str) -> tuple[int, int] | None:
    """Where the note's passage is in `text` now: its offsets if the quote is still there,
    else the occurrence of the quote nearest to them; None if the quote is gone."""
    if not note.on_passage:
        return None
    start, end = note.start or 0, note.end or 0
    if note.quote and text[start:end] == note.quote:
        return start, end
    if not note.quote:
        return (start, end) if 0 <= start <= end <= len(text) else None
    found, pos = [], text.find(note.quote)
    while pos >= 0:
        found.append(pos)
        pos = text.find(note.quote, pos + 1)
    if not found:
        return None
    best = min(found, key=lambda p: abs(p - start))
    return best, best + len(note.quote)


class NotesStore:
    """One connection; every change is its own transaction (autocommit)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_notes_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ marks
    def _mark(self, key: DocKey, column: str, value: bool) -> None:
        now = time.time()
        self.conn.execute(
            f"INSERT INTO marks(doc_id, title, file, {column}, updated) VALUES (?, ?, ?, ?, ?) "
            f"ON CONFLICT(doc_id) DO UPDATE SET {column}=excluded.{column}, title=excluded.title, "
            "file=excluded.file, updated=excluded.updated",
            (key.id, key.title, key.file, int(value), now),
        )

    def _flag(self, key: DocKey, column: str) -> bool:
        row = self.conn.execute(f"SELECT {column} FROM marks WHERE doc_id=?", (key.id,)).fetchone()
        return bool(row and row[0])

    def set_starred(self, key: DocKey, on: bool = True) -> None:
        self._mark(key, "starred", on)

    def is_starred(self, key: DocKey) -> bool:
        return self._flag(key, "starred")

    def set_read(self, key: DocKey, on: bool = True) -> None:
        self._mark(key, "read", on)

    def is_read(self, key: DocKey) -> bool:
        return self._flag(key, "read")

    def starred(self) -> list[DocKey]:
        """Starred documents, most recently starred first."""
        rows = self.conn.execute("SELECT doc_id, title, file FROM marks WHERE starred=1 ORDER BY updated DESC")
        return [DocKey(*r) for r in rows]

    def read_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT doc_id FROM marks WHERE read=1")}

    # ------------------------------------------------------------ notes
    def add_note(self, key: DocKey, body: str, start: int | None = None, end: int | None = None,
                 quote: str = "") -> Note:
        now = time.time()
        cur = self.conn.execute(
            'INSERT INTO notes(doc_id, title, file, start, "end", quote, body, created, updated) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key.id, key.title, key.file, start, end, quote, body, now, now),
        )
        return self.note(cur.lastrowid)

    def note(self, note_id: int) -> Note | None:
        row = self.conn.execute(
            'SELECT id, doc_id, title, file, start, "end", quote, body, created, updated FROM notes WHERE id=?',
            (note_id,)).fetchone()
        return self._note(row) if row else None

    @staticmethod
    def _note(row) -> Note:
        return Note(row[0], DocKey(row[1], row[2], row[3]), row[4], row[5], row[6], row[7], row[8], row[9])

    def notes_for(self, key: DocKey) -> list[Note]:
        """The document's notes: document notes first, then passages in text order."""
        rows = self.conn.execute(
            'SELECT id, doc_id, title, file, start, "end", quote, body, created, updated FROM notes '
            "WHERE doc_id=? ORDER BY start IS NOT NULL, start, created", (key.id,))
        return [self._note(r) for r in rows]

    def noted_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT DISTINCT doc_id FROM notes")}

    def export_lines(self, doc_ids) -> dict[str, list[str]]:
        """The notes of these documents as export writes them with each document:
        「passage」note for a note on a passage, the note alone otherwise."""
        out: dict[str, list[str]] = {}
        for doc_id in dict.fromkeys(doc_ids):
            rows = self.conn.execute(
                'SELECT quote, body FROM notes WHERE doc_id=? ORDER BY start IS NOT NULL, start, created', (doc_id,))
            lines = [f"「{q}」{b}" if q else b for q, b in rows]
            if lines:
                out[doc_id] = [line.replace("\n", " ") for line in lines]
        return out

    def ids_noting(self, folded_text: str) -> set[str]:
        """Ids of documents with a note whose text (or quoted passage) contains folded_text,
        folded as search folds (the query language's 备注: field)."""
        from reader.core.library.analysis import fold

        return {doc_id for doc_id, body, quote in self.conn.execute("SELECT doc_id, body, quote FROM notes")
                if folded_text in fold(body) or folded_text in fold(quote)}

    def update_note(self, note_id: int, body: str) -> None:
        self.conn.execute("UPDATE notes SET body=?, updated=? WHERE id=?", (body, time.time(), note_id))

    def delete_note(self, note_id: int) -> None:
        self.conn.execute("DELETE FROM notes WHERE id=?", (note_id,))

    # ------------------------------------------------------------ re-indexing
    def reconcile(self, docs: Iterable) -> int:
        """Move marks and notes whose id is gone to the document with the same title and file
        (when exactly one has them); returns how many ids moved. Records whose document is
        gone entirely are kept: the folder may only be offline."""
        docs = list(docs)
        current = {d.id for d in docs}
        by_name: dict[tuple[str, str], list[str]] = {}
        for d in docs:
            by_name.setdefault((d.title, d.file), []).append(d.id)
        stored = self.conn.execute(
            "SELECT doc_id, title, file FROM marks UNION SELECT doc_id, title, file FROM notes").fetchall()
        moved = 0
        with self.conn:
            self.conn.execute("BEGIN")
            for doc_id, title, file in stored:
                if doc_id in current:
                    continue
                target = by_name.get((title, file), [])
                if len(target) != 1:
                    continue
                new_id = target[0]
                exists = self.conn.execute("SELECT 1 FROM marks WHERE doc_id=?", (new_id,)).fetchone()
                if exists:  # the new id has marks of its own: keep the union of both
                    self.conn.execute(
                        "UPDATE marks SET starred = starred OR (SELECT starred FROM marks WHERE doc_id=?), "
                        "read = read OR (SELECT read FROM marks WHERE doc_id=?) WHERE doc_id=?",
                        (doc_id, doc_id, new_id))
                    self.conn.execute("DELETE FROM marks WHERE doc_id=?", (doc_id,))
                else:
                    self.conn.execute("UPDATE marks SET doc_id=? WHERE doc_id=?", (new_id, doc_id))
                self.conn.execute("UPDATE notes SET doc_id=? WHERE doc_id=?", (new_id, doc_id))
                moved += 1
        return moved

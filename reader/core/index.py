"""The on-disk index: one SQLite database plus immutable bigram segment files.

Layout of an index folder::

    library.sqlite       files, documents (metadata, compressed reading text and
                         folded text, entities), problems, segment list, versions
    seg-<n>.grams        one bigram segment: sorted bigram keys, offsets, doc keys

Why not Whoosh postings: measured here, Whoosh's writer spends ~13 µs per
posting in add_document and ~25 µs per posting in commit (1.9 M bigram postings
of 10 MB of text: 74 s), so any per-character index through it is far beyond
the 120 s / 100 MB budget. A bigram *set* per document (no positions, no
frequencies) packed into sorted uint32 arrays costs ~70 ns per character and
gives the candidate documents; the substring check on the folded text gives
exact results.

Atomicity: a segment file is written, flushed and fsynced before the SQLite
transaction that lists it commits; SQLite (WAL) commits atomically. A killed
indexer leaves at most an unlisted segment file, removed on the next open.
"""
from __future__ import annotations

import json
import mmap
import os
import sqlite3
import sys
import zlib
from array import array
from bisect import bisect_left
from pathlib import Path

from reader.core.analysis import ANALYZER_VERSION

# Bump when the database layout or segment format changes.
STORE_VERSION = 2
SEGMENT_MAGIC = b"GWRG0002"
DB_NAME = "library.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS folders (pos INTEGER PRIMARY KEY, path TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT,
    error TEXT, ndocs INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS docs (
    key INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL, file TEXT NOT NULL, pos INTEGER, seg INTEGER,
    title TEXT, doc_number TEXT, issuers TEXT, canonical TEXT, date TEXT, year INTEGER,
    kind TEXT, units TEXT, first_line INTEGER, last_line INTEGER, encoding TEXT,
    length INTEGER, text BLOB, ftext BLOB, extra BLOB);
CREATE INDEX IF NOT EXISTS docs_file ON docs(file);
CREATE INDEX IF NOT EXISTS docs_id ON docs(id);
CREATE TABLE IF NOT EXISTS segments (seq INTEGER PRIMARY KEY, ndocs INTEGER, nterms INTEGER, name TEXT);
CREATE TABLE IF NOT EXISTS problems (file TEXT PRIMARY KEY, reason TEXT);
"""


def version_key() -> str:
    from reader.core.pipeline import PIPELINE_VERSION

    return f"store={STORE_VERSION};analyzer={ANALYZER_VERSION};pipeline={PIPELINE_VERSION}"


def default_index_dir() -> Path:
    """READER_INDEX_DIR, else the per-user data folder of this platform."""
    override = os.environ.get("READER_INDEX_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "gongwen-reader" / "index"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "gongwen-reader" / "index"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "gongwen-reader" / "index"


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(blob: bytes | None) -> str:
    if not blob:
        return ""
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def pack_json(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False).encode("utf-8"), 6)


def unpack_json(blob: bytes | None):
    if not blob:
        return None
    return json.loads(zlib.decompress(blob).decode("utf-8"))


class SegmentBuilder:
    """Collects the key sets of documents; writes them as one segment file.

    Doc keys are stored relative to the first key added, as uint16 while they
    fit (a segment holds a few thousand consecutive keys): half the size of
    uint32 postings. Keys must be added in increasing order.
    """

    def __init__(self) -> None:
        self.postings: dict[int, array] = {}
        self.ndocs = 0
        self.chars = 0
        self.base: int | None = None
        self.typecode = "H"

    def add(self, key: int, grams, length: int) -> None:
        if self.base is None:
            self.base = key
        rel = key - self.base
        if rel < 0:
            raise ValueError("segment keys must increase")
        if rel > 0xFFFF and self.typecode == "H":
            self.postings = {g: array("I", a) for g, a in self.postings.items()}
            self.typecode = "I"
        postings = self.postings
        tc = self.typecode
        for g in grams:
            a = postings.get(g)
            if a is None:
                postings[g] = array(tc, (rel,))
            else:
                a.append(rel)
        self.ndocs += 1
        self.chars += length

    def write(self, path: Path) -> int:
        """Write the segment file (fsynced); returns the number of terms."""
        terms = array("I", sorted(self.postings))
        offs = array("I", [0])
        post = array(self.typecode)
        postings = self.postings
        for t in terms:
            post.extend(postings[t])
            offs.append(len(post))
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(SEGMENT_MAGIC)
            f.write(array("I", (len(terms), len(post), self.base or 0, post.itemsize)).tobytes())
            f.write(terms.tobytes())
            f.write(offs.tobytes())
            f.write(post.tobytes())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return len(terms)


class Segment:
    """A read-only segment: key → ascending doc keys (relative to base)."""

    def __init__(self, path: Path):
        self.path = path
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        mm = self._mm
        if mm[:8] != SEGMENT_MAGIC or len(mm) < 24:
            raise ValueError(f"{path.name}: not a segment file")
        nterms, npost, self.base, self.width = array("I", mm[8:24])
        if self.width not in (2, 4):
            raise ValueError(f"{path.name}: not a segment file")
        self.typecode = "H" if self.width == 2 else "I"
        self.terms = array("I")
        self.terms.frombytes(mm[24 : 24 + 4 * nterms])
        start = 24 + 4 * nterms
        self.offs = array("I")
        self.offs.frombytes(mm[start : start + 4 * (nterms + 1)])
        self._post_start = start + 4 * (nterms + 1)
        if len(mm) != self._post_start + self.width * npost:
            raise ValueError(f"{path.name}: truncated segment file")

    def doc_count(self, gram: int) -> int:
        i = bisect_left(self.terms, gram)
        if i < len(self.terms) and self.terms[i] == gram:
            return self.offs[i + 1] - self.offs[i]
        return 0

    def rel_docs(self, gram: int) -> array:
        """Doc keys minus base."""
        out = array(self.typecode)
        i = bisect_left(self.terms, gram)
        if i < len(self.terms) and self.terms[i] == gram:
            w = self.width
            out.frombytes(self._mm[self._post_start + w * self.offs[i] : self._post_start + w * self.offs[i + 1]])
        return out

    def docs(self, gram: int) -> list[int]:
        base = self.base
        return [k + base for k in self.rel_docs(gram)]

    def close(self) -> None:
        try:
            self._mm.close()
        except (BufferError, ValueError):
            pass


def connect(index_dir: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(index_dir / DB_NAME, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def open_store(index_dir: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating, upgrading or repairing) the store; returns (conn, notice).

    notice says in Chinese why the index was emptied, when it was: a version
    change (schema, analyzer or pipeline) or a database that would not open.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    notice = None
    try:
        conn = connect(index_dir)
        conn.executescript(_SCHEMA)
        conn.execute("SELECT count(*) FROM docs").fetchone()
        row = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    except sqlite3.DatabaseError as exc:
        notice = f"索引无法打开（{exc}），已清空并重新建立。"
        _wipe(index_dir)
        conn = connect(index_dir)
        conn.executescript(_SCHEMA)
        row = None
    if row is None or row[0] != version_key():
        if row is not None:
            notice = "索引格式或解析规则已更新，已清空，将重新建立索引。"
            with conn:
                for table in ("docs", "files", "segments", "problems", "folders"):
                    conn.execute(f"DELETE FROM {table}")
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version_key(),))
    damaged = _empty_if_segments_damaged(index_dir, conn)
    if damaged:
        notice = f"索引文件损坏（{damaged}），已清空，将重新建立索引。"
    remove_orphan_segments(index_dir, conn)
    return conn, notice


def segment_problem(path: Path) -> str | None:
    """Why a segment file cannot be used (missing, truncated, not a segment), else None.

    Reads only the header and the size, so it is cheap enough for every open.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(24)
            size = os.fstat(f.fileno()).st_size
    except OSError as exc:
        return f"{path.name}: {exc.strerror or exc}"
    if len(head) < 24 or head[:8] != SEGMENT_MAGIC:
        return f"{path.name}: not a segment file"
    nterms, npost, _base, width = array("I", head[8:24])
    if width not in (2, 4) or size != 24 + 4 * nterms + 4 * (nterms + 1) + width * npost:
        return f"{path.name}: truncated segment file"
    return None


def _empty_if_segments_damaged(index_dir: Path, conn: sqlite3.Connection) -> str | None:
    """A listed segment that is missing or damaged: empty the index (folders kept), so the
    next update rebuilds it at once instead of the first search finding the damage.

    Under the write lock, like remove_orphan_segments: while another indexer writes (or
    compacts and deletes old segments) the check is skipped.
    """
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        conn.execute("PRAGMA busy_timeout=30000")
        return None
    try:
        for (name,) in conn.execute("SELECT name FROM segments").fetchall():
            problem = segment_problem(index_dir / name)
            if problem:
                for table in ("docs", "files", "segments", "problems"):
                    conn.execute(f"DELETE FROM {table}")
                return problem
        return None
    finally:
        conn.execute("COMMIT")
        conn.execute("PRAGMA busy_timeout=30000")


def _wipe(index_dir: Path) -> None:
    for p in index_dir.iterdir():
        if p.name.startswith(DB_NAME) or p.suffix in (".grams", ".tmp"):
            try:
                p.unlink()
            except OSError:
                pass


def remove_orphan_segments(index_dir: Path, conn: sqlite3.Connection) -> None:
    """Delete segment files no committed transaction lists.

    Only while holding the write lock: an indexer in another process writes its
    segment files inside its write transaction, so they are never taken for orphans.
    """
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:  # another indexer is writing
        conn.execute("PRAGMA busy_timeout=30000")
        return
    try:
        listed = {name for (name,) in conn.execute("SELECT name FROM segments")}
        for p in index_dir.glob("seg-*"):
            if p.name not in listed:
                try:
                    p.unlink()
                except OSError:  # in use by another reader (Windows): next time
                    pass
    finally:
        conn.execute("COMMIT")
        conn.execute("PRAGMA busy_timeout=30000")


def segment_name(seq: int) -> str:
    return f"seg-{seq:08d}.grams"

"""The index folder: a Whoosh index of the documents, a SQLite database for the rest,
and the one commit protocol that keeps the two in step.

Layout of an index folder (created 0700, files 0600: they hold every document's text)::

    GONGWEN-INDEX        marker: this folder is a 公文阅读器 index
    library.sqlite       folders, files (stat, hash, problem), problems, reading
                         texts and entities by document key, the Whoosh
                         generation that is committed and its file manifest
    whoosh/              the Whoosh index (one Whoosh document per parsed document;
                         schema and codec in reader.core.library.schema)

Commit protocol. An update holds SQLite's write lock (BEGIN IMMEDIATE) from start
to end, then: (1) the Whoosh writer writes its new segment and a new table of
contents (generation G+1), fsynced, without deleting the files of generation G;
(2) one SQLite transaction records G+1, its file manifest, the files' states and
the documents' texts, and commits (synchronous=FULL): this is the commit point;
(3) the files of generation G are deleted. A start (or a failed update) that finds
Whoosh files of a generation other than the recorded one removes them: killed
before (2), the index is the state before; killed after it, the new state. Only
files this index made are ever deleted: Whoosh's in whoosh/, library.sqlite*, and
the marker.
"""
from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import sqlite3
import stat
import struct
import time
import zlib
from contextlib import suppress
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.index import IndexError as WhooshIndexError
from whoosh.writing import SegmentWriter

from reader.core.library.analysis import ANALYZER_VERSION
from reader.core.library.schema import (
    CONTENT, FORMAT_VERSION, GRAM_EXT, GramCodec, GramPostingsBuilder, file_crc, make_schema, verified_once,
)

# Bump when the database layout changes.
STORE_VERSION = 5
DB_NAME = "library.sqlite"
WHOOSH_DIR = "whoosh"
INDEX_NAME = "MAIN"
MARKER = "GONGWEN-INDEX"
WRITER_PID = "writer.pid"
# Rewrite all segments as one when there are more than this many, or when more
# than half of their documents were since deleted (Whoosh marks, never removes).
MAX_SEGMENTS = 24

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS folders (pos INTEGER PRIMARY KEY, path TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT,
    error TEXT, ndocs INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS docs (
    key INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL, file TEXT NOT NULL, pos INTEGER, encoding TEXT,
    length INTEGER, text BLOB, extra BLOB, tasks BLOB, refs BLOB);
CREATE INDEX IF NOT EXISTS docs_file ON docs(file);
CREATE INDEX IF NOT EXISTS docs_id ON docs(id);
CREATE TABLE IF NOT EXISTS problems (file TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE IF NOT EXISTS manifest (name TEXT PRIMARY KEY, size INTEGER, crc INTEGER);
"""
_SCHEMA_STATEMENTS = [x.strip() for x in _SCHEMA.split(";") if x.strip()]


def _schema_columns() -> dict[str, list[str]]:
    """Every table of _SCHEMA with its columns, as SQLite reports them."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(_SCHEMA)
        return _table_columns(conn)
    finally:
        conn.close()


def _table_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    names = [r[0] for r in conn.execute(tables)]
    return {name: [r[1] for r in conn.execute(f"PRAGMA table_info({name})")] for name in names}


_SCHEMA_COLUMNS = _schema_columns()
_OWN_DB_FILES = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal")
# Files of the index format before Whoosh (store version 2), removed on upgrade.
_OLD_SEGMENT = re.compile(r"^seg-\d{8}\.(grams|tmp)$")


# What damaged index files raise when read (truncated, garbled, missing): the index
# is then emptied and rebuilt. Anything else is a bug and propagates.
DAMAGE_ERRORS = (OSError, ValueError, EOFError, struct.error, zlib.error, pickle.UnpicklingError,
                 sqlite3.DatabaseError, WhooshIndexError)


class IndexFolderError(ValueError):
    """An index folder that cannot be used; the message is for the user, in Chinese."""


class IndexBusy(RuntimeError):
    """Another process is updating this index; the message says which, in Chinese."""


def version_key() -> str:
    from reader.core.documents.pipeline import PIPELINE_VERSION

    return f"store={STORE_VERSION};whoosh={FORMAT_VERSION};analyzer={ANALYZER_VERSION};pipeline={PIPELINE_VERSION}"


def default_index_dir() -> Path:
    """READER_INDEX_DIR, else the per-user data folder of this platform."""
    from reader.core.paths import user_data_dir

    override = os.environ.get("READER_INDEX_DIR")
    return Path(override) if override else user_data_dir() / "index"


def check_index_dir(index_dir: Path, folders) -> None:
    """Refuse an index folder that is, contains or lies inside a library folder:
    the index would index itself, and its housekeeping would work among documents."""
    idx = Path(os.path.realpath(index_dir))
    for folder in folders:
        f = Path(os.path.realpath(folder))
        if idx == f or f in idx.parents or idx in f.parents:
            raise IndexFolderError(
                f"索引文件夹（{index_dir}）不能是文库文件夹，也不能在文库文件夹之内或包含它（{folder}）。"
                "请用 --index-dir 或 READER_INDEX_DIR 另选一个文件夹。"
            )


# ---------------------------------------------------------------- packing
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


# ---------------------------------------------------------------- private files
class PrivateStorage(FileStorage):
    """Whoosh's file storage, creating files 0600 and folders 0700 (full texts inside)."""

    def create_file(self, name, excl=False, mode="wb", **kwargs):
        from whoosh.filedb.structfile import StructFile

        if self.readonly:
            from whoosh.filedb.filestore import ReadOnlyError

            raise ReadOnlyError
        flags = os.O_CREAT | os.O_RDWR | (os.O_EXCL if excl else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
        fd = os.open(self._fpath(name), flags, 0o600)
        return StructFile(os.fdopen(fd, mode), name=name, **kwargs)

    def temp_storage(self, name=None):
        from whoosh.util import random_name

        path = os.path.join(self.folder, name or f"{random_name()}.tmp")
        os.makedirs(path, mode=0o700, exist_ok=True)
        return PrivateStorage(path)


def make_private(index_dir: Path) -> None:
    """Folder 0700, every file of the index 0600 (repairs an index made with umask 022)."""
    if os.name != "posix":
        return
    for d, _dirs, files in os.walk(index_dir):
        with suppress(OSError):
            os.chmod(d, 0o700)
        for name in files:
            p = os.path.join(d, name)
            with suppress(OSError):
                if not os.path.islink(p) and stat.S_IMODE(os.stat(p).st_mode) & 0o077:
                    os.chmod(p, 0o600)


def _touch_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


# ---------------------------------------------------------------- SQLite
def connect(index_dir: Path) -> sqlite3.Connection:
    db = index_dir / DB_NAME
    if not db.exists():
        _touch_private(db)  # SQLite gives its -wal and -shm files the database's mode
    conn = sqlite3.connect(db, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _try_write_lock(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE without waiting; False while another process writes."""
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.execute("PRAGMA busy_timeout=30000")


def committed_generation(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key='whoosh_gen'").fetchone()
    return int(row[0]) if row else None


# ---------------------------------------------------------------- Whoosh
def whoosh_storage(index_dir: Path) -> PrivateStorage:
    path = index_dir / WHOOSH_DIR
    path.mkdir(mode=0o700, exist_ok=True)
    return PrivateStorage(str(path))


def _whoosh_files(storage: FileStorage, gen: int, segments) -> list[str]:
    names = [TOC._filename(INDEX_NAME, gen)]
    for seg in segments:
        prefix = seg.segment_id() + "."
        names.extend(n for n in storage.list() if n.startswith(prefix))
    return sorted(names)


def _is_whoosh_name(name: str) -> bool:
    return (
        TOC._pattern(INDEX_NAME).match(name) is not None
        or TOC._segment_pattern(INDEX_NAME).match(name) is not None
        or name.startswith(f"_{INDEX_NAME}_")
        or name.endswith(".tmp")
        or name == f"{INDEX_NAME}_WRITELOCK"
    )


def reconcile(storage: FileStorage, gen: int) -> None:
    """Make the Whoosh folder hold generation gen only: newer tables of contents (a
    writer killed before its SQLite commit), older ones not yet cleaned, files of
    segments gen does not list, temporary folders and half-written TOC files go.

    Only under the SQLite write lock, so no writer is at work."""
    toc = TOC.read(storage, INDEX_NAME, gen=gen)
    for name in storage.list():
        m = TOC._pattern(INDEX_NAME).match(name)
        if (m and int(m.group(1)) != gen) or (name.startswith(f"_{INDEX_NAME}_") and ".toc." in name):
            with suppress(OSError):
                storage.delete_file(name)
        elif name.endswith(".tmp") and os.path.isdir(os.path.join(storage.folder, name)):
            shutil.rmtree(os.path.join(storage.folder, name), ignore_errors=True)
    clean_files(storage, INDEX_NAME, gen, toc.segments)


def _check_file(path: str, size: int, crc: int) -> None:
    actual = os.path.getsize(path)
    if actual != size:
        raise ValueError(f"大小不符 (size {actual}, expected {size})")
    if file_crc(path) != crc:
        raise ValueError("校验和不符 (checksum mismatch)")


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _merge_policy(writer, segments):
    """Whoosh merge policy: keep segments as they are (their postings are large and
    copying them is the slow part) until there are too many or they are mostly
    deleted documents; then rewrite all of them into the new segment."""
    deleted = sum(s.deleted_count() for s in segments)
    total = sum(s.doc_count_all() for s in segments)
    if len(segments) <= MAX_SEGMENTS and deleted <= total // 2 + 500:
        return list(segments)
    from whoosh.reading import SegmentReader

    for seg in segments:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    writer.compacted = True
    return []


class GramWriter(SegmentWriter):
    """Whoosh's segment writer, taking each document's content terms in bulk.

    add_document(content=(keys, counts, length), ...): keys is an array of the
    document's distinct gram keys, counts their occurrence counts as bytes; they
    go to a :class:`GramPostingsBuilder` instead of Whoosh's posting pool, and are
    written as the segment's .gpo file. Merged segments' content postings are
    copied array by array. The table of contents is fsynced and old files are
    kept: the caller commits SQLite, then calls :meth:`clean`.
    """

    def __init__(self, ix, **kwargs):
        super().__init__(ix, codec=GramCodec(), compound=False, limitmb=64, **kwargs)
        self.grams = GramPostingsBuilder()
        self.compacted = False
        self.committed_segments = None

    def add_document(self, **fields):
        gram = fields.pop(CONTENT, None)
        docnum = self.docnum
        super().add_document(**fields)
        if gram is not None:
            keys, counts, length = gram
            self.grams.add(docnum, keys, counts)
            # The per-document writer still points at this document: record the
            # field length for BM25, as Whoosh does for the fields it indexes.
            assert self.perdocwriter._docnum == docnum
            self.perdocwriter.add_field(CONTENT, self.schema[CONTENT], None, length)

    def add_reader(self, reader):
        """Copy a segment's documents (Whoosh's code for everything but content)."""
        self._check_state()
        basedoc = self.docnum
        names = set(self.schema.names()) | {f for f in reader.indexed_field_names() if f in self.schema}
        docmap = self.write_per_doc(names, reader)

        def postings():
            for fieldname, btext in reader.all_terms():
                if fieldname == CONTENT:
                    break  # content terms come last (see GramTermsReader.terms)
                m = reader.postings(fieldname, btext)
                while m.is_active():
                    yield fieldname, btext, m.id(), m.weight(), m.value()
                    m.next()

        add = self.pool.add
        for item in self._process_posts(postings(), basedoc, docmap):
            add(item)
        grams = reader._terms.grams  # Whoosh's SegmentReader has no accessor for its terms reader
        if grams is not None:
            deleted = reader.deleted_docs_set if reader.has_deletions() else None
            for key in grams.terms:
                ids = grams.docnums(key)
                counts = grams.counts(key)
                if deleted:
                    pairs = [(docmap[d], c) for d, c in zip(ids, counts) if d not in deleted]
                    new_ids = [d for d, _ in pairs]
                    new_counts = bytes(c for _, c in pairs)
                else:
                    new_ids = [basedoc + d for d in ids]
                    new_counts = counts
                if new_ids:
                    self.grams.add_term_postings(key, new_ids, new_counts)
        self._added = True

    def _flush_segment(self):
        super()._flush_segment()
        f = self.newsegment.create_file(self.storage, GRAM_EXT)
        try:
            self.grams.write(f, self.docnum)
        finally:
            f.close()

    def _commit_toc(self, segments):
        folder = self.storage.folder
        for name in _whoosh_files(self.storage, self.generation, segments):
            if name != TOC._filename(INDEX_NAME, self.generation):
                _fsync(os.path.join(folder, name))
        TOC(self.schema, segments, self.generation).write(self.storage, INDEX_NAME)
        _fsync(os.path.join(folder, TOC._filename(INDEX_NAME, self.generation)))
        if os.name == "posix":
            _fsync(folder)
        self.committed_segments = segments


# ---------------------------------------------------------------- the store
class Store:
    """Both halves of an index folder, opened and reconciled.

    ``notice`` says in Chinese why the index was emptied, when it was: a version
    change (schema, analyzer or pipeline), a database that would not open, or
    damaged Whoosh files.
    """

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self.notice: str | None = None
        self._open()

    # -- opening
    def _open(self) -> None:
        d = self.index_dir
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        _touch_private(d / MARKER)
        make_private(d)
        try:
            self.conn = connect(d)
            self.conn.executescript(_SCHEMA)
            self.conn.execute("SELECT count(*) FROM docs").fetchone()
            row = self.conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.DatabaseError as exc:
            with suppress(Exception):
                self.conn.close()
            self._wipe_database()
            self._set_notice(f"索引无法打开（{exc}），已清空并重新建立。")
            self.conn = connect(d)
            self.conn.executescript(_SCHEMA)
            row = None
        self.storage = whoosh_storage(d)
        if row is None or row[0] != version_key() or not self._tables_current():
            self.reset(keep_folders=False, unless_current=True)
        self._remove_old_format()
        problem = self.check()
        if problem:
            self._set_notice(f"索引文件损坏（{problem}），已清空，将重新建立索引。")
            self.reset(keep_folders=True)

    def _set_notice(self, text: str) -> None:
        if self.notice != text:
            self.notice = text if self.notice is None else f"{self.notice}\n{text}"

    def _wipe_database(self) -> None:
        for name in _OWN_DB_FILES:
            with suppress(FileNotFoundError):
                (self.index_dir / name).unlink()

    def _remove_old_format(self) -> None:
        for p in self.index_dir.iterdir():
            if _OLD_SEGMENT.match(p.name):
                with suppress(OSError):
                    p.unlink()

    def _tables_current(self) -> bool:
        """The SQLite tables have this version's columns. An index of an older version may not:
        CREATE TABLE IF NOT EXISTS keeps an old table as it was."""
        return _table_columns(self.conn) == _SCHEMA_COLUMNS

    def reset(self, keep_folders: bool, unless_current: bool = False) -> None:
        """Empty both stores (under the write lock): a new Whoosh index at generation 0, and
        the SQLite tables made again as this version has them (an older version's table may
        lack a column).

        unless_current: only if, under the lock, the index is still of another version or
        not made yet (another process may have made it, and even filled it, meanwhile).
        """
        conn = self.conn
        while not _try_write_lock(conn):  # an update of another process may take minutes
            time.sleep(0.2)
        try:
            if unless_current:
                row = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                if row is not None and row[0] == version_key() and self._tables_current():
                    conn.rollback()
                    return
                if row is not None:
                    self._set_notice("索引格式或解析规则已更新，已清空，将重新建立索引。")
            folders = conn.execute("SELECT pos, path FROM folders").fetchall() if keep_folders else []
            for table in _table_columns(conn):
                conn.execute(f"DROP TABLE {table}")
            for statement in _SCHEMA_STATEMENTS:
                conn.execute(statement)
            conn.executemany("INSERT INTO folders VALUES (?, ?)", folders)
            for name in self.storage.list():
                if _is_whoosh_name(name):
                    p = os.path.join(self.storage.folder, name)
                    if os.path.isdir(p):
                        shutil.rmtree(p, ignore_errors=True)
                    else:
                        with suppress(OSError):
                            os.unlink(p)
            TOC.create(self.storage, make_schema(), INDEX_NAME)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version_key(),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('whoosh_gen', '0')")
            self._write_manifest(conn, 0, [])
            conn.commit()
        except BaseException:
            conn.rollback()
            raise

    def check(self) -> str | None:
        """Reconcile Whoosh with the committed generation (when no writer is at work) and
        check that every file of that generation is there with its recorded size and
        checksum (each file read whole, once per process: part of the opening time that
        tests/benchmarks/run.py reports).

        Returns why the index cannot be used, else None.
        """
        conn = self.conn
        gen = committed_generation(conn)
        if gen is None:
            return "没有记录的索引版本 (no committed generation)"
        locked = _try_write_lock(conn)
        try:
            if locked:
                try:
                    reconcile(self.storage, gen)
                except Exception as exc:  # the committed TOC is missing or unreadable
                    return f"{TOC._filename(INDEX_NAME, gen)}: {exc}"
            if not locked:
                return None  # a writer is at work: it may be replacing these very files
            for name, size, crc in conn.execute("SELECT name, size, crc FROM manifest"):
                path = os.path.join(self.storage.folder, name)
                try:
                    verified_once(path, lambda p: _check_file(p, size, crc))
                except FileNotFoundError:
                    return f"{name}: 文件缺失 (missing)"
                except (OSError, ValueError) as exc:
                    return f"{name}: {exc}"
            return None
        finally:
            if locked:
                conn.execute("COMMIT")

    # -- reading
    def open_reader(self):
        """A Whoosh IndexReader at the committed generation (retrying if a writer
        commits and cleans meanwhile)."""
        last: Exception | None = None
        for _ in range(5):
            gen = committed_generation(self.conn)
            try:
                toc = TOC.read(self.storage, INDEX_NAME, gen=gen)
                return FileIndex._reader(self.storage, toc.schema, toc.segments, toc.generation)
            except Exception as exc:  # a garbled TOC can raise anything unpickling
                last = exc
                if gen == committed_generation(self.conn):
                    break  # not a writer cleaning meanwhile: the files are damaged
        raise OSError(f"索引无法读取：{type(last).__name__}: {last}")

    def generation(self) -> int | None:
        return committed_generation(self.conn)

    # -- writing
    def begin_update(self, wait: bool, cancel=None) -> sqlite3.Connection:
        """A connection holding the write lock, for one update; raises IndexBusy when another
        process holds it and wait is False, or while waiting once cancel() says so."""
        conn = connect(self.index_dir)
        conn.execute("PRAGMA synchronous=FULL")  # the commit point of both stores survives power loss
        while not _try_write_lock(conn):
            if not wait or (cancel is not None and cancel()):
                who = self.writer_process()
                conn.close()
                raise IndexBusy(
                    f"另一个索引程序正在更新这个索引{who}，请等它完成后再试，或用 reader index --wait 等待 "
                    f"(another indexer is updating this index{who})。"
                )
            time.sleep(0.2)
        with suppress(OSError):
            (self.index_dir / WRITER_PID).write_text(str(os.getpid()))
            os.chmod(self.index_dir / WRITER_PID, 0o600)
        return conn

    def end_update(self, conn: sqlite3.Connection) -> None:
        with suppress(OSError):
            if (self.index_dir / WRITER_PID).read_text().strip() == str(os.getpid()):
                (self.index_dir / WRITER_PID).unlink()
        conn.close()

    def writer_running(self) -> str:
        """'（进程 1234）' (or ' ' when the process is not known) while another process
        holds the write lock, else ''."""
        conn = connect(self.index_dir)
        try:
            if _try_write_lock(conn):
                conn.rollback()
                return ""
            return self.writer_process() or " "
        finally:
            conn.close()

    def writer_process(self) -> str:
        """'（进程 1234）' for the process that holds the write lock, when known and alive."""
        try:
            pid = int((self.index_dir / WRITER_PID).read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return ""
        return f"（进程 {pid}）"

    def writer(self, conn: sqlite3.Connection) -> GramWriter:
        gen = committed_generation(conn)
        reconcile(self.storage, gen)  # leftovers of a failed run of this process
        _touch_private(Path(self.storage.folder) / f"{INDEX_NAME}_WRITELOCK")  # Whoosh would make it 0755
        return GramWriter(FileIndex(self.storage, indexname=INDEX_NAME))

    def next_writer(self, writer: GramWriter) -> GramWriter:
        """A writer continuing an update after writer committed a segment to Whoosh only."""
        return GramWriter(FileIndex(self.storage, indexname=INDEX_NAME))

    def commit(self, conn: sqlite3.Connection, writer: GramWriter) -> None:
        """Steps (1)-(3) of the commit protocol (see the module docstring)."""
        writer.commit(mergetype=_merge_policy)
        gen = writer.generation
        self._write_manifest(conn, gen, writer.committed_segments or [])
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('whoosh_gen', ?)", (str(gen),))
        conn.commit()  # synchronous=FULL on an update's connection (begin_update)
        clean_files(self.storage, INDEX_NAME, gen, writer.committed_segments or [])

    def _write_manifest(self, conn, gen: int, segments) -> None:
        conn.execute("DELETE FROM manifest")
        rows = []
        for name in _whoosh_files(self.storage, gen, segments):
            path = os.path.join(self.storage.folder, name)
            rows.append((name, os.path.getsize(path), file_crc(path)))
        conn.executemany("INSERT INTO manifest VALUES (?, ?, ?)", rows)

    def rollback(self, conn: sqlite3.Connection, writer: GramWriter | None) -> None:
        """After a failed update: SQLite rolled back, Whoosh back to the committed
        generation, and the space taken meanwhile given back (the WAL, temp files)."""
        with suppress(Exception):
            conn.rollback()
        if writer is not None and not writer.is_closed:
            with suppress(Exception):
                writer.cancel()
        with suppress(Exception):
            reconcile(self.storage, committed_generation(conn))
        with suppress(Exception):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with suppress(Exception):
            self.conn.close()

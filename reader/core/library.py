"""A library: folders of text files → parsed documents → an index kept up to date.

Incremental: a file whose size and mtime are unchanged is not read; when they
changed, its content hash decides whether it is parsed again. Files that left
the folders leave the index. Every update is one SQLite transaction, so a
killed indexer leaves the previous index intact. The document folders are
only ever read.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from array import array
from pathlib import Path

from reader.core import index as store
from reader.core.analysis import fold, gram_keys, query_keys
from reader.core.model import Document, Metadata, Span
from reader.core.walk import READABLE_SUFFIXES as TEXT_SUFFIXES
from reader.core.walk import walk_folders
# A bigram segment is written once this many characters were collected (bounds memory).
SEGMENT_CHARS = 8_000_000
# Rewrite all segments as one when there are more than this many, or when
# more than half of their documents were since removed or replaced.
MAX_SEGMENTS = 24


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


@dataclass
class Progress:
    done: int
    total: int
    current: str  # the file being read


@dataclass
class UpdateSummary:
    files: int
    documents: int
    new: int
    changed: int
    removed: int
    problems: int
    seconds: float
    cancelled: bool
    notice: str | None = None  # why the index was rebuilt from scratch, when it was


@dataclass
class Problem:
    file: str
    reason: str


def _hash_file(path: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            h.update(chunk)
    return h.hexdigest()


NAME_NOT_UTF8 = ("文件名不是 UTF-8 编码（多半是 GBK），无法建立索引，请给文件改名 "
                 "(file name is not valid UTF-8, probably GBK: rename the file)")


def _storable(path: str) -> bool:
    """A Linux file name in GBK bytes arrives as lone surrogates, which SQLite text cannot
    hold: one such name used to abort the whole update."""
    try:
        path.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _shown_name(path: str) -> str:
    """The name as its author saw it (GBK bytes read as GB18030), storable and readable."""
    return os.fsencode(path).decode("gb18030", "replace")


def _walk(folders: Sequence[Path], skip: Path, problems: list[Problem]) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every text file under the folders (reader.core.walk's rules);
    the links it does not follow are added to problems."""
    walked = walk_folders(folders, skip)
    problems.extend(Problem(p if _storable(p) else _shown_name(p), r) for p, r in walked.problems)
    return walked.files


def prepare_file(path: str) -> tuple[str, str | None, str | None, list[tuple]]:
    """Read, hash, parse, fold and bigram one file: (path, digest, error, rows).

    Everything CPU-heavy per file happens here, so it can run in a worker
    process; rows are ready for the docs table, each with its bigram keys as
    bytes and its folded length.
    """
    from reader.core.pipeline import parse_file

    try:
        digest = _hash_file(path)
    except PermissionError:
        return path, None, "没有读取权限 (permission denied)", []
    except FileNotFoundError:
        return path, None, "文件在读取前被删除或改名 (file vanished before it was read)", []
    except OSError as exc:
        return path, None, f"无法读取 ({exc.strerror or exc})", []
    try:
        result = parse_file(path)
        error = result.error
        docs = result.documents if error is None else []
    except Exception as exc:  # the pipeline promises not to raise; never lose the run
        error, docs = f"解析失败：{type(exc).__name__}: {exc}", []
    rows = []
    for pos, doc in enumerate(docs):
        m = doc.meta
        folded = fold(doc.text)
        units = sorted({s.text for s in doc.entities if s.type == "unit"})
        extra = {
            "attachments": list(m.attachments),
            "entities": [[s.type, s.start, s.end, s.text] for s in doc.entities],
        }
        row = (
            doc.id, path, pos, m.title, m.doc_number,
            json.dumps(m.issuers, ensure_ascii=False), json.dumps(m.canonical_issuers, ensure_ascii=False),
            m.date, m.year, m.kind, json.dumps(units, ensure_ascii=False),
            doc.first_line, doc.last_line, doc.encoding, len(doc.text),
            store.pack_text(doc.text), store.pack_text(folded), store.pack_json(extra),
        )
        rows.append((row, array("I", gram_keys(folded)).tobytes(), len(folded)))
    return path, digest, error, rows


def _worker_count(nfiles: int) -> int:
    env = os.environ.get("READER_INDEX_WORKERS")
    if env is not None:
        try:
            return max(1, int(env))
        except ValueError:
            return 1
    if getattr(sys, "frozen", False) or nfiles < 8:
        # A frozen app must call multiprocessing.freeze_support() before workers
        # can be spawned; set READER_INDEX_WORKERS where it does.
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _prepared(paths: list[str], cancel, progress, total: int):
    """prepare_file over paths, in worker processes when worth it; yields in order.

    Yields (None, None, None, None) once when cancelled.
    """
    workers = _worker_count(len(paths))
    if workers <= 1:
        for i, path in enumerate(paths):
            if cancel is not None and cancel():
                yield None, None, None, None
                return
            if progress is not None:
                progress(Progress(i, total, path))
            yield prepare_file(path)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        pending: deque = deque()
        it = iter(paths)
        for path in it:
            pending.append(pool.submit(prepare_file, path))
            if len(pending) >= 3 * workers:
                break
        i = 0
        while pending:
            if cancel is not None and cancel():
                yield None, None, None, None
                return
            result = pending.popleft().result()
            if progress is not None:
                progress(Progress(i, total, result[0]))
            i += 1
            nxt = next(it, None)
            if nxt is not None:
                pending.append(pool.submit(prepare_file, nxt))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _RankMeta:
    """Per-document values every search needs, computed once per index version."""

    def __init__(self, st: "_State"):
        from reader.core.search import BM25_B, BM25_K1

        n = max(1, len(st.infos))
        avg = max(1.0, sum(st.lengths.values()) / n)
        self.norms = {k: BM25_K1 * (1 - BM25_B + BM25_B * st.lengths.get(k, 0) / avg) for k in st.infos}
        self.titles: list[tuple[int, str, str]] = []
        self.dates: dict[int, str] = {}
        self.by_norm = sorted(self.norms, key=self.norms.__getitem__)
        self.n_docs = n
        self._boosts: dict[str, dict[int, float]] = {}
        self.issuer_labels: dict[int, tuple[str, ...]] = {}
        self.year_labels: dict[int, str] = {}
        self.kind_labels: dict[int, str] = {}
        for k, info in st.infos.items():
            meta = st.folded_meta(k)
            self.titles.append((k, meta[0], meta[1]))
            self.dates[k] = info.date or ""
            self.issuer_labels[k] = tuple(dict.fromkeys(info.canonical_issuers)) or ("未识别",)
            self.year_labels[k] = str(info.year) if info.year is not None else "未知"
            self.kind_labels[k] = info.kind or "未识别"


    def boost(self, w: str) -> dict[int, float]:
        """Title and doc-number weight of w per document (only where it occurs)."""
        b = self._boosts.get(w)
        if b is None:
            from reader.core.search import DOCNO_WEIGHT, TITLE_WEIGHT

            b = {}
            for key, ftitle, fdocno in self.titles:
                if w in ftitle or w in fdocno:
                    b[key] = TITLE_WEIGHT * ftitle.count(w) + DOCNO_WEIGHT * fdocno.count(w)
            if len(self._boosts) > 256:
                self._boosts.clear()
            self._boosts[w] = b
        return b

    def idf(self, w: str, matched: dict[str, set[int]]) -> float:
        import math

        df = len(matched.get(w, ())) or 1
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))


class _State:
    """What a search needs, loaded once per index version and kept in memory."""

    def __init__(self, conn: sqlite3.Connection, index_dir: Path, lock: threading.RLock):
        self.conn = conn
        self.infos: dict[int, DocInfo] = {}
        self.lengths: dict[int, int] = {}
        self.units: dict[int, list[str]] = {}
        self.order: list[int] = []
        rows = conn.execute(
            "SELECT key, id, title, doc_number, issuers, canonical, date, year, kind, units,"
            " file, first_line, last_line, length FROM docs ORDER BY file, pos, key"
        ).fetchall()

        for (key, id_, title, docno, issuers, canonical, date, year, kind, units, file,
             first, last, length) in rows:
            self.infos[key] = DocInfo(
                id=id_, title=title or "", doc_number=docno, issuers=json.loads(issuers or "[]"),
                canonical_issuers=json.loads(canonical or "[]"), date=date, year=year,
                kind=kind or "", file=file, first_line=first, last_line=last,
            )
            self.lengths[key] = length or 0
            self.units[key] = json.loads(units or "[]")
            self.order.append(key)
        self.by_id: dict[str, int] = {}
        for key in self.order:
            self.by_id.setdefault(self.infos[key].id, key)
        self.segments: list[store.Segment] = []
        for (name,) in conn.execute("SELECT name FROM segments ORDER BY seq"):
            self.segments.append(store.Segment(index_dir / name))
        self.texts: dict[int, str] = {}
        self.all_texts = False
        self.lock = lock  # the library's: one connection, used by one thread at a time
        self._load_lock = threading.Lock()
        self.index_dir = index_dir
        self._folded_meta: dict[int, tuple[str, str, list[str], str, list[str]]] = {}
        self._rank: _RankMeta | None = None

    # -- folded texts, loaded lazily
    def load_all_texts(self) -> None:
        """Load every folded text (once), on a connection of its own so that
        document() and small reads are not held up meanwhile."""
        if self.all_texts:
            return
        with self._load_lock:
            if self.all_texts:
                return
            conn = store.connect(self.index_dir)
            try:
                texts = self.texts
                keys = self.infos
                for key, blob in conn.execute("SELECT key, ftext FROM docs"):
                    if key in keys and key not in texts:
                        texts[key] = store.unpack_text(blob)
            finally:
                conn.close()
            self.all_texts = True

    def folded_texts(self, keys) -> dict[int, str]:
        """Folded reading texts of keys (loading the missing ones)."""
        texts = self.texts
        if not self.all_texts:
            missing = [k for k in keys if k not in texts]
            if len(missing) > 500:
                self.load_all_texts()
            elif missing:
                with self.lock:
                    for i in range(0, len(missing), 400):
                        chunk = missing[i : i + 400]
                        q = ",".join("?" * len(chunk))
                        for key, blob in self.conn.execute(
                            f"SELECT key, ftext FROM docs WHERE key IN ({q})", chunk
                        ):
                            texts[key] = store.unpack_text(blob)
        return texts

    def folded_meta(self, key: int) -> tuple[str, str, list[str], str, list[str]]:
        """(title, doc number, issuers incl. canonical, kind, units), folded."""
        m = self._folded_meta.get(key)
        if m is None:
            info = self.infos[key]
            m = (
                fold(info.title),
                fold(info.doc_number or ""),
                [fold(x) for x in (*info.issuers, *info.canonical_issuers)],
                fold(info.kind),
                [fold(u) for u in self.units.get(key, [])],
            )
            self._folded_meta[key] = m
        return m

    def rank_meta(self) -> "_RankMeta":
        if self._rank is None:
            with self.lock:
                if self._rank is None:
                    self._rank = _RankMeta(self)
        return self._rank

    # -- candidates from the bigram segments
    def candidates(self, folded_word: str) -> set[int] | None:
        """Doc keys that may contain folded_word; None when every document may."""
        grams = query_keys(folded_word)
        if not grams:
            return None
        counts = []
        for g in grams:
            n = sum(seg.doc_count(g) for seg in self.segments)
            if n == 0:
                return set()
            counts.append((n, g))
        counts.sort()
        if counts[0][0] > 0.95 * max(1, len(self.infos)):
            return None  # every key is in nearly every document: scanning is as cheap
        chosen = [g for n, g in counts[:3] if n <= 8 * counts[0][0] + 64]
        result: set[int] = set()
        for seg in self.segments:
            rel: set[int] | None = None
            for g in chosen:
                docs = seg.rel_docs(g)
                rel = set(docs) if rel is None else rel.intersection(docs)
                if not rel:
                    break
            if rel:
                base = seg.base
                result.update([k + base for k in rel] if base else rel)
        return result

    def gram_doc_count(self, folded_word: str) -> int | None:
        grams = query_keys(folded_word)
        if not grams:
            return None
        return min(sum(seg.doc_count(g) for seg in self.segments) for g in grams)

    def close(self) -> None:
        for seg in self.segments:
            seg.close()


class Library:
    """Folders of 公文 text files, indexed for exact Chinese search."""

    def __init__(self, folders: Sequence[str | Path], index_dir: str | Path | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else store.default_index_dir()
        self._conn, self.notice = store.open_store(self.index_dir)
        self._lock = threading.RLock()
        self._state: _State | None = None
        self._compacted = False
        given = [Path(f).expanduser() for f in folders or []]
        if not given:
            given = [Path(p) for (p,) in self._conn.execute("SELECT path FROM folders ORDER BY pos")]
        if not given:
            from reader.core.seeds import seeds_dir

            given = [seeds_dir()]
        self.folders: list[Path] = [Path(os.path.abspath(f)) for f in given]

    # ------------------------------------------------------------ update
    def update(
        self,
        progress: Callable[[Progress], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> UpdateSummary:
        """Bring the index up to date with the folders; one atomic commit."""
        t0 = time.perf_counter()
        self._compacted = False
        notice = self.notice
        self.notice = None
        conn = store.connect(self.index_dir)
        try:
            summary = self._update(conn, progress, cancel, t0)
        finally:
            conn.close()
        summary.notice = notice
        if summary.new or summary.changed or summary.removed or notice or self._compacted:
            with self._lock:
                # Searches still running keep the old state (and its mapped segments) alive;
                # it is closed when the last reference goes.
                self._state = None
        return summary

    def _update(self, conn, progress, cancel, t0) -> UpdateSummary:
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("BEGIN IMMEDIATE")
        try:
            return self._update_in_transaction(conn, progress, cancel, t0)
        except BaseException:
            conn.rollback()
            raise

    def _update_in_transaction(self, conn, progress, cancel, t0) -> UpdateSummary:
        problems: list[Problem] = []
        found: dict[str, tuple[int, int]] = {}
        unavailable: list[str] = []
        present: list[Path] = []
        for folder in self.folders:
            if not folder.is_dir():
                problems.append(Problem(str(folder), "文件夹不存在或无法访问"))
                unavailable.append(os.path.join(str(folder), ""))
                continue
            present.append(folder)
        for path, size, mtime in _walk(present, self.index_dir, problems):
            if not _storable(path):
                problems.append(Problem(_shown_name(path), NAME_NOT_UTF8))
                continue
            found[path] = (size, mtime)
        known = {
            p: (size, mtime, h, err)
            for p, size, mtime, h, err in conn.execute("SELECT path, size, mtime_ns, hash, error FROM files")
        }
        # A folder that is away (an unplugged disk, a network share) keeps its documents
        # until it is taken out of the library; files gone from present folders leave.
        removed = [p for p in known if p not in found and not p.startswith(tuple(unavailable))]
        todo: list[tuple[str, bool]] = []  # (path, is_new)
        for path in sorted(found):
            size, mtime = found[path]
            k = known.get(path)
            if k is None:
                todo.append((path, True))
            elif (k[0], k[1]) != (size, mtime):
                todo.append((path, False))

        seq = conn.execute("SELECT coalesce(max(seq), 0) FROM segments").fetchone()[0]
        builder = store.SegmentBuilder()
        new_segments: list[tuple[int, int, int, str]] = []

        def flush() -> None:
            nonlocal seq, builder
            if builder.ndocs == 0:
                return
            seq += 1
            name = store.segment_name(seq)
            nterms = builder.write(self.index_dir / name)
            new_segments.append((seq, builder.ndocs, nterms, name))
            conn.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", new_segments[-1])
            builder = store.SegmentBuilder()

        for path in removed:
            conn.execute("DELETE FROM docs WHERE file=?", (path,))
            conn.execute("DELETE FROM files WHERE path=?", (path,))

        # Files whose stat changed but whose bytes did not: only the stat is new.
        queue: list[tuple[str, bool]] = []
        for path, is_new in todo:
            if not is_new:
                k = known[path]
                try:
                    same = k[3] is None and k[2] == _hash_file(path)
                except OSError:
                    same = False
                if same:
                    size, mtime = found[path]
                    conn.execute("UPDATE files SET size=?, mtime_ns=? WHERE path=?", (size, mtime, path))
                    continue
            queue.append((path, is_new))

        new = changed = 0
        cancelled = False
        total = len(queue)
        is_new_of = dict(queue)
        done = 0
        for path, digest, error, rows in _prepared([p for p, _ in queue], cancel, progress, total):
            if path is None:
                cancelled = True
                break
            done += 1
            if is_new_of[path]:
                new += 1
            else:
                changed += 1
            self._store_file(conn, builder, path, found[path], digest, error, rows)
            if builder.chars >= SEGMENT_CHARS:
                flush()
        flush()
        if progress is not None and not cancelled:
            progress(Progress(total, total, ""))

        conn.execute("DELETE FROM folders")
        conn.executemany("INSERT INTO folders VALUES (?, ?)", [(i, str(f)) for i, f in enumerate(self.folders)])
        conn.execute("DELETE FROM problems")
        conn.executemany(
            "INSERT OR REPLACE INTO problems VALUES (?, ?)",
            [(p.file, p.reason) for p in problems]
            + list(conn.execute("SELECT path, error FROM files WHERE error IS NOT NULL")),
        )
        old_segment_files = self._compact_if_needed(conn)
        conn.commit()
        if todo or removed:
            try:  # give the WAL's pages back to the database file: the index stays small
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.DatabaseError:
                pass
        for name in old_segment_files:
            try:
                (self.index_dir / name).unlink()
            except OSError:
                pass  # still mapped by a reader (Windows): removed at the next open
        nfiles = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        ndocs = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        nproblems = conn.execute("SELECT count(*) FROM problems").fetchone()[0]
        return UpdateSummary(
            files=nfiles, documents=ndocs, new=new, changed=changed, removed=len(removed),
            problems=nproblems, seconds=time.perf_counter() - t0, cancelled=cancelled,
        )

    def _store_file(self, conn, builder: store.SegmentBuilder, path, stat, digest, error, rows) -> None:
        size, mtime = stat
        conn.execute("DELETE FROM docs WHERE file=?", (path,))
        for row, grams, length in rows:
            cur = conn.execute(
                "INSERT INTO docs (id, file, pos, seg, title, doc_number, issuers, canonical, date, year,"
                " kind, units, first_line, last_line, encoding, length, text, ftext, extra)"
                " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            keys = array("I")
            keys.frombytes(grams)
            builder.add(cur.lastrowid, keys, length)
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", (path, size, mtime, digest, error, len(rows))
        )

    def _compact_if_needed(self, conn) -> list[str]:
        """Rewrite the segments when too many or too stale; returns files to delete."""
        segs = conn.execute("SELECT seq, ndocs, name FROM segments ORDER BY seq").fetchall()
        live = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        indexed = sum(n for _, n, _ in segs)
        if len(segs) <= MAX_SEGMENTS and indexed <= 2 * live + 1000:
            return []
        self._compacted = True
        seq = segs[-1][0] if segs else 0
        builder = store.SegmentBuilder()
        conn.execute("DELETE FROM segments")
        for key, blob in conn.execute("SELECT key, ftext FROM docs ORDER BY key").fetchall():
            folded = store.unpack_text(blob)
            builder.add(key, gram_keys(folded), len(folded))
            if builder.chars >= 4 * SEGMENT_CHARS:
                seq += 1
                name = store.segment_name(seq)
                conn.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", (seq, builder.ndocs, builder.write(self.index_dir / name), name))
                builder = store.SegmentBuilder()
        if builder.ndocs:
            seq += 1
            name = store.segment_name(seq)
            conn.execute("INSERT INTO segments VALUES (?, ?, ?, ?)", (seq, builder.ndocs, builder.write(self.index_dir / name), name))
        return [name for _, _, name in segs]

    # ------------------------------------------------------------ reading
    def _current(self) -> _State:
        with self._lock:
            if self._state is None:
                try:
                    self._state = _State(self._conn, self.index_dir, self._lock)
                except (sqlite3.DatabaseError, OSError, ValueError) as exc:
                    # A damaged index: start again from nothing; the next update refills it.
                    self._conn.close()
                    store._wipe(self.index_dir)
                    self._conn, _ = store.open_store(self.index_dir)
                    self.notice = f"索引已损坏（{exc}），已清空，请重新建立索引。"
                    self._state = _State(self._conn, self.index_dir, self._lock)
            return self._state

    def warm(self) -> None:
        """Load every folded text now (a GUI can call this in the background)."""
        self._current().load_all_texts()

    def documents(self) -> list[DocInfo]:
        st = self._current()
        return [st.infos[k] for k in st.order]

    def document(self, doc_id: str) -> Document | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT file, encoding, first_line, last_line, title, doc_number, issuers, canonical, date,"
                " year, kind, text, extra FROM docs WHERE id=? ORDER BY key LIMIT 1",
                (doc_id,),
            ).fetchone()
        if row is None:
            return None

        (file, encoding, first, last, title, docno, issuers, canonical, date, year, kind, text, extra) = row
        extra = store.unpack_json(extra) or {}
        meta = Metadata(
            title=title or "", doc_number=docno, issuers=json.loads(issuers or "[]"),
            canonical_issuers=json.loads(canonical or "[]"), date=date, year=year, kind=kind or "",
            attachments=list(extra.get("attachments", [])),
        )
        return Document(
            file=file, encoding=encoding or "", first_line=first, last_line=last, meta=meta,
            text=store.unpack_text(text),
            entities=[Span(t, s, e, x) for t, s, e, x in extra.get("entities", [])],
        )

    def original_texts(self, keys: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        with self._lock:
            for i in range(0, len(keys), 400):
                chunk = list(keys[i : i + 400])
                q = ",".join("?" * len(chunk))
                for key, blob in self._conn.execute(f"SELECT key, text FROM docs WHERE key IN ({q})", chunk):
                    out[key] = store.unpack_text(blob)
        return out

    def search(
        self,
        query: str,
        *,
        issuer: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        kind: str | None = None,
        sort: str = "relevance",
        limit: int = 50,
    ):
        from reader.core.search import run_search

        return run_search(
            self, self._current(), query, issuer=issuer, year_from=year_from, year_to=year_to,
            kind=kind, sort=sort, limit=limit,
        )

    def problems(self) -> list[Problem]:
        with self._lock:
            rows = self._conn.execute("SELECT file, reason FROM problems ORDER BY file").fetchall()
        return [Problem(f, r) for f, r in rows]

    def close(self) -> None:
        with self._lock:
            if self._state is not None:
                self._state.close()
                self._state = None
            self._conn.close()

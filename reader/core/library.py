"""A library: folders of text files → parsed documents → an index kept up to date.

Incremental: a file whose size and mtime are unchanged is not read; when they
changed, its content hash decides whether it is parsed again. Files that left
the folders leave the index. Every update is one SQLite transaction, so a
killed indexer leaves the previous index intact. The document folders are
only ever read.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core import index as store
from reader.core.analysis import fold, gram_keys
from reader.core.model import Document, Metadata, Span

TEXT_SUFFIXES = (".txt", ".text")
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


def _walk(folder: Path, skip: Path) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every text file under folder, hidden ones excluded."""
    found: list[tuple[str, int, int]] = []
    stack = [str(folder)]
    skip_s = str(skip)
    while stack:
        d = stack.pop()
        try:
            it = os.scandir(d)
        except OSError:
            continue
        with it:
            for e in it:
                if e.name.startswith("."):
                    continue
                try:
                    if e.is_dir(follow_symlinks=False):
                        if e.path != skip_s:
                            stack.append(e.path)
                    elif e.name.lower().endswith(TEXT_SUFFIXES) and e.is_file():
                        st = e.stat()
                        found.append((e.path, st.st_size, st.st_mtime_ns))
                except OSError:
                    continue
    return found


class _State:
    """What a search needs, loaded once per index version and kept in memory."""

    def __init__(self, conn: sqlite3.Connection, index_dir: Path):
        self.conn = conn
        self.infos: dict[int, DocInfo] = {}
        self.lengths: dict[int, int] = {}
        self.units: dict[int, list[str]] = {}
        self.order: list[int] = []
        rows = conn.execute(
            "SELECT key, id, title, doc_number, issuers, canonical, date, year, kind, units,"
            " file, first_line, last_line, length FROM docs ORDER BY file, pos, key"
        ).fetchall()
        import json

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
        self.lock = threading.Lock()
        self._folded_meta: dict[int, tuple[str, str, list[str], str, list[str]]] = {}

    # -- folded texts, loaded lazily
    def load_all_texts(self) -> None:
        if self.all_texts:
            return
        with self.lock:
            if self.all_texts:
                return
            texts = self.texts
            for key, blob in self.conn.execute("SELECT key, ftext FROM docs"):
                if key not in texts:
                    texts[key] = store.unpack_text(blob)
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

    # -- candidates from the bigram segments
    def candidates(self, folded_word: str) -> set[int] | None:
        """Doc keys that may contain folded_word; None when every document may."""
        grams = gram_keys(folded_word)
        if not grams:
            return None
        counts = []
        for g in grams:
            n = sum(seg.doc_count(g) for seg in self.segments)
            if n == 0:
                return set()
            counts.append((n, g))
        counts.sort()
        if counts[0][0] > 0.5 * max(1, len(self.infos)):
            return None  # every bigram is common: scanning the texts is cheaper
        result: set[int] | None = None
        for n, g in counts[:3]:
            if result is not None and n > 8 * len(result) + 64:
                break  # verifying the few candidates beats reading a long list
            docs: set[int] = set()
            for seg in self.segments:
                docs.update(seg.docs(g))
            result = docs if result is None else result & docs
            if not result:
                break
        return result

    def gram_doc_count(self, folded_word: str) -> int | None:
        grams = gram_keys(folded_word)
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
        notice = self.notice
        self.notice = None
        conn = store.connect(self.index_dir)
        try:
            summary = self._update(conn, progress, cancel, t0)
        finally:
            conn.close()
        summary.notice = notice
        with self._lock:
            if self._state is not None:
                self._state.close()
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
        for folder in self.folders:
            if not folder.is_dir():
                problems.append(Problem(str(folder), "文件夹不存在或无法访问"))
                continue
            for path, size, mtime in _walk(folder, self.index_dir):
                found[path] = (size, mtime)
        known = {
            p: (size, mtime, h, err)
            for p, size, mtime, h, err in conn.execute("SELECT path, size, mtime_ns, hash, error FROM files")
        }
        removed = [p for p in known if p not in found]
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

        new = changed = 0
        cancelled = False
        total = len(todo)
        for done, (path, is_new) in enumerate(todo):
            if cancel is not None and cancel():
                cancelled = True
                break
            if progress is not None:
                progress(Progress(done, total, path))
            size, mtime = found[path]
            try:
                digest = _hash_file(path)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                conn.execute("DELETE FROM docs WHERE file=?", (path,))
                conn.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, 0)", (path, size, mtime, None, reason)
                )
                continue
            k = None if is_new else (conn.execute("SELECT hash, error FROM files WHERE path=?", (path,)).fetchone())
            if k is not None and k[0] == digest and k[1] is None:
                conn.execute("UPDATE files SET size=?, mtime_ns=? WHERE path=?", (size, mtime, path))
                continue
            if is_new:
                new += 1
            else:
                changed += 1
            self._index_file(conn, builder, path, size, mtime, digest)
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

    def _index_file(self, conn, builder: store.SegmentBuilder, path, size, mtime, digest) -> None:
        from reader.core.pipeline import parse_file

        conn.execute("DELETE FROM docs WHERE file=?", (path,))
        try:
            result = parse_file(path)
            error = result.error
            docs = result.documents if error is None else []
        except Exception as exc:  # the pipeline promises not to raise; never lose the run
            error, docs = f"解析失败：{type(exc).__name__}: {exc}", []
        import json

        for pos, doc in enumerate(docs):
            m = doc.meta
            folded = fold(doc.text)
            units = sorted({s.text for s in doc.entities if s.type == "unit"})
            extra = {
                "attachments": list(m.attachments),
                "entities": [[s.type, s.start, s.end, s.text] for s in doc.entities],
            }
            cur = conn.execute(
                "INSERT INTO docs (id, file, pos, seg, title, doc_number, issuers, canonical, date, year,"
                " kind, units, first_line, last_line, encoding, length, text, ftext, extra)"
                " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id, path, pos, m.title, m.doc_number,
                    json.dumps(m.issuers, ensure_ascii=False), json.dumps(m.canonical_issuers, ensure_ascii=False),
                    m.date, m.year, m.kind, json.dumps(units, ensure_ascii=False),
                    doc.first_line, doc.last_line, doc.encoding, len(doc.text),
                    store.pack_text(doc.text), store.pack_text(folded), store.pack_json(extra),
                ),
            )
            builder.add(cur.lastrowid, gram_keys(folded), len(folded))
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", (path, size, mtime, digest, error, len(docs))
        )

    def _compact_if_needed(self, conn) -> list[str]:
        """Rewrite the segments when too many or too stale; returns files to delete."""
        segs = conn.execute("SELECT seq, ndocs, name FROM segments ORDER BY seq").fetchall()
        live = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        indexed = sum(n for _, n, _ in segs)
        if len(segs) <= MAX_SEGMENTS and indexed <= 2 * live + 1000:
            return []
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
                    self._state = _State(self._conn, self.index_dir)
                except (sqlite3.DatabaseError, OSError, ValueError) as exc:
                    # A damaged index: start again from nothing; the next update refills it.
                    self._conn.close()
                    store._wipe(self.index_dir)
                    self._conn, _ = store.open_store(self.index_dir)
                    self.notice = f"索引已损坏（{exc}），已清空，请重新建立索引。"
                    self._state = _State(self._conn, self.index_dir)
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
        import json

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

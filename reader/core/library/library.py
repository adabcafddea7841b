"""A library: folders of text files → parsed documents → a Whoosh index kept up to date.

Incremental: a file whose size and mtime are unchanged is not read; when they
changed, its content hash decides whether it is parsed again. Files that left
the folders leave the index. Every update is one commit of both stores (see
reader.core.library.index), so a killed indexer leaves the previous index intact. The
document folders are only ever read.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.library import index as store
from reader.core.library.analysis import fold, fold_docno, gram_counts
from reader.core.model import Document, Metadata, Span, Table
from reader.core.documents import workers as parse_workers
from reader.core.library.records import UNKNOWN_ISSUER, UNKNOWN_YEAR, DocInfo, date_number
from reader.core.library.schema import CONTENT
from reader.core.library.walk import walk_folders

# The writer starts a new Whoosh segment (inside the same update) after this many
# content postings: bounds the memory of a large first build (~5 bytes a posting).
SEGMENT_POSTINGS = 6_000_000
ORIGINALS_CACHE_CHARS = 40_000_000  # reading texts kept for snippets (~80 MB at most)


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
    remaining: int = 0  # files left for the next update (update(max_files=…))


@dataclass
class Problem:
    file: str
    reason: str


NAME_NOT_UTF8 = ("文件名不是 UTF-8 编码（多半是 GBK），无法建立索引，请给文件改名 "
                 "(file name is not valid UTF-8, probably GBK: rename the file)")
VANISHED = "文件在读取前被删除或改名 (file vanished before it was read)"


def _hash_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _hash_file(path: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


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
    """(path, size, mtime_ns) of every text file under the folders (reader.core.library.walk's rules);
    the links it does not follow are added to problems."""
    walked = walk_folders(folders, skip)
    problems.extend(Problem(p if _storable(p) else _shown_name(p), r) for p, r in walked.problems)
    return walked.files


@dataclass
class PreparedDoc:
    """One parsed document, ready for both stores (built in a worker process)."""

    id: str
    pos: int
    fields: dict  # Whoosh fields, content excepted
    keys: bytes  # content term keys (array 'I')
    counts: bytes
    length: int
    encoding: str
    text: bytes  # packed reading text
    extra: bytes  # packed entities, attachments
    tasks: bytes  # packed Task.to_json records, extracted once here
    refs: bytes  # packed docref spans [text, start, end]


def prepare_file(path: str) -> tuple[str, str | None, str | None, list[PreparedDoc]]:
    """Read (once), hash, parse, fold and count one file: (path, digest, error, docs).

    Everything CPU-heavy per file happens here, so it can run in a worker process.
    """
    from reader.core.text.decode import read_file
    from reader.core.model import ReadError
    from reader.core.documents.pipeline import parse_bytes

    try:
        data = read_file(path)
    except ReadError as exc:
        reason = VANISHED if isinstance(exc.__cause__, FileNotFoundError) else exc.reason
        return path, None, reason, []
    digest = _hash_bytes(data)
    try:
        result = parse_bytes(data, path)
        error = result.error
        docs = result.documents if error is None else []
    except Exception as exc:  # the pipeline promises not to raise; never lose the run
        error, docs = f"解析失败：{type(exc).__name__}: {exc}", []
    del data
    return path, digest, error, [_prepare_doc(pos, doc) for pos, doc in enumerate(docs)]


def _prepare_doc(pos: int, doc: Document) -> PreparedDoc:
    from reader.core.ledger.tasks import extract_tasks, index_units

    m = doc.meta
    folded = fold(doc.text)
    keys, counts = gram_counts(folded)
    try:
        tasks = extract_tasks(doc)
    except Exception:  # a task the extractor cannot read never costs the document
        tasks = []
    units = index_units(doc, tasks)
    fields = {
        "id": doc.id,
        "file": doc.file,
        "pos": pos,
        "first_line": doc.first_line,
        "last_line": doc.last_line,
        "pages": list(doc.pages) if doc.pages else None,
        "title": fold(m.title),
        "title_shown": m.title,
        "doc_number": fold_docno(m.doc_number) if m.doc_number else None,
        "doc_number_shown": m.doc_number,
        "issuers": [fold(x) for x in (*m.issuers, *m.canonical_issuers)],
        "issuers_shown": list(m.issuers),
        "canonical_shown": list(m.canonical_issuers),
        "issuer_facet": list(dict.fromkeys(m.canonical_issuers)) or [UNKNOWN_ISSUER],
        "kind": fold(m.kind) if m.kind else None,
        "kind_shown": m.kind,
        "kind_facet": m.kind or UNKNOWN_ISSUER,
        "date": m.date or "",
        "date_sort": date_number(m.date),
        "year": m.year if m.year is not None and 0 <= m.year <= 0xFFFF else None,
        "year_facet": str(m.year) if m.year is not None else UNKNOWN_YEAR,
        "units": [fold(u) for u in units],
        "length": len(folded),
    }
    extra = {
        "attachments": list(m.attachments),
        "entities": [[s.type, s.start, s.end, s.text] for s in doc.entities],
        "tables": [t.to_dict() for t in doc.tables],
        "year_source": m.year_source,
        "date_role": m.date_role,
        "dated_roles": [list(x) for x in m.dated_roles],
        "pages": list(doc.pages) if doc.pages else None,
    }
    refs = [[s.text, s.start, s.end] for s in doc.entities if s.type == "docref"]
    return PreparedDoc(
        id=doc.id, pos=pos, fields=fields, keys=keys.tobytes(), counts=counts, length=len(folded),
        encoding=doc.encoding, text=store.pack_text(doc.text),
        extra=store.pack_json(extra), tasks=store.pack_json([t.to_json() for t in tasks]),
        refs=store.pack_json(refs),
    )


def _worker_count(nfiles: int) -> int:
    env = os.environ.get("READER_INDEX_WORKERS")
    if env is not None:
        try:
            return max(1, int(env))
        except ValueError:
            return 1
    if nfiles < 8:
        return 1
    # The same in the frozen bundle: its entry point (resources/launcher.py) calls
    # multiprocessing.freeze_support(), so a spawned worker runs its task (tests/test_bundle.py).
    return max(1, min(4, os.cpu_count() or 1))


def _prepared(paths: list[str], cancel, progress, total: int):
    """prepare_file over paths, in worker processes when worth it; yields in order.

    PDF, Word and OFD files (by name: DOCUMENT_SUFFIXES) are always parsed in a worker process:
    their readers are native libraries (PDFium, lxml), and a crash or a hang inside one must cost
    that file, not the update (see _pooled). Yields (None, None, None, None) once when cancelled.
    """
    from reader.core.text.formats import DOCUMENT_SUFFIXES

    workers = _worker_count(len(paths))
    if workers <= 1 and not any(p.lower().endswith(DOCUMENT_SUFFIXES) for p in paths):
        for i, path in enumerate(paths):
            if cancel is not None and cancel():
                yield None, None, None, None
                return
            if progress is not None:
                progress(Progress(i, total, path))
            yield prepare_file(path)
        return
    yield from _pooled(paths, max(1, workers), cancel, progress, total)


WORKER_CRASHED = parse_workers.PARSER_CRASHED
WARM_MODULES = (*parse_workers.WARM_MODULES, "reader.core.ledger.tasks")
"""What prepare_file imports, imported when a worker starts: not a file's time."""


def _hard_limit(path: str) -> float:
    """Seconds the file may run in a worker once the worker started it (workers.hard_limit)."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return parse_workers.hard_limit(size)


def _pooled(paths: list[str], workers: int, cancel, progress, total: int):
    """prepare_file over paths in worker processes, yielded in order, surviving a worker that
    crashes (the file it was reading is retried alone: if it crashes again it is the culprit, and a
    problem) or hangs. A file still running _hard_limit seconds after its worker STARTED it is
    hung, wherever it stands in the queue (reader.core.documents.workers): its worker is killed,
    the file is a problem (Job.hung_reason: the seconds it had), and the files not finished yet
    are resubmitted, so the files waiting behind a slow one never count that wait."""
    from collections import deque
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    depth = 3 * workers

    def new_pool() -> parse_workers.Workers:
        return parse_workers.Workers(workers, depth, WARM_MODULES)

    pool = new_pool()
    pending: deque = deque()  # [path, Job], in the order of paths
    it = iter(paths)

    def submit(path: str) -> parse_workers.Job:
        return pool.submit(prepare_file, path, limit=_hard_limit(path))

    def fill() -> None:
        while len(pending) < depth:
            nxt = next(it, None)
            if nxt is None:
                return
            pending.append([nxt, submit(nxt)])

    def restart() -> None:
        """A new pool; what the old one finished is kept, the rest submitted again."""
        nonlocal pool
        finished = {id(entry) for entry in pending if entry[1].succeeded()}
        pool.kill()
        pool = new_pool()
        for entry in pending:
            if id(entry) not in finished:
                entry[1] = submit(entry[0])

    try:
        fill()
        i = 0
        while pending:
            entry = pending[0]
            result = None
            while result is None:
                if cancel is not None and cancel():
                    yield None, None, None, None
                    return
                job = entry[1]
                if job.waiting_since is None:
                    job.waiting_since = time.monotonic()  # the next one due from now
                try:
                    result = job.future.result(timeout=parse_workers.POLL_SECONDS)
                except FutureTimeout:
                    now = time.monotonic()
                    hung = [e for e in pending if e[1].overdue(now)]
                    for e in hung:
                        e[1] = parse_workers.Job.resolved((e[0], None, e[1].hung_reason(), []))
                    if hung:
                        restart()
                except BrokenProcessPool:
                    pending.popleft()
                    restart()
                    result = _alone(entry[0])
            if pending and pending[0] is entry:
                pending.popleft()
            entry[1].release()
            if progress is not None:
                progress(Progress(i, total, result[0]))
            i += 1
            fill()
            yield result
    finally:
        pool.kill() if pending else pool.close()


def _alone(path: str):
    """prepare_file(path) in a worker of its own: the result, or the crash/hang as its problem."""
    try:
        return parse_workers.call_alone(prepare_file, path, limit=_hard_limit(path), warm=WARM_MODULES)
    except parse_workers.WorkerCrashed:
        return path, None, WORKER_CRASHED, []
    except parse_workers.WorkerHung as exc:
        return path, None, exc.reason, []


class TextCache:
    """Folded reading texts by document key, loaded from the database (and folded: storing
    the folded text too made the index 1.9 times the text) on demand.

    Keys are never reused (AUTOINCREMENT), so an entry stays right across index
    generations; texts of removed documents are dropped when a snapshot is made.
    """

    def __init__(self, index_dir: Path):
        self.index_dir = index_dir
        self.texts: dict[int, str] = {}
        self.complete = False
        self._lock = threading.Lock()
        self._conn = None

    def _connection(self):
        if self._conn is None:
            self._conn = store.connect(self.index_dir)
        return self._conn

    def get(self, keys) -> dict[int, str]:
        texts = self.texts
        missing = [k for k in keys if k not in texts]
        if missing:
            with self._lock:
                conn = self._connection()
                for i in range(0, len(missing), 500):
                    chunk = missing[i : i + 500]
                    q = ",".join("?" * len(chunk))
                    for key, blob in conn.execute(f"SELECT key, text FROM docs WHERE key IN ({q})", chunk):
                        texts[key] = fold(store.unpack_text(blob))
        return texts

    def load_all(self, live: set[int]) -> None:
        if self.complete:
            return
        with self._lock:
            conn = self._connection()
            texts = self.texts
            for key, blob in conn.execute("SELECT key, text FROM docs"):
                if key in live and key not in texts:
                    texts[key] = fold(store.unpack_text(blob))
            self.complete = True

    def retain(self, live: set[int]) -> None:
        with self._lock:
            for k in [k for k in self.texts if k not in live]:
                del self.texts[k]
            self.complete = self.complete and all(k in self.texts for k in live)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Library:
    """Folders of 公文 text files, indexed with Whoosh for exact Chinese search."""

    def __init__(self, folders: Sequence[str | Path], index_dir: str | Path | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else store.default_index_dir()
        given = [Path(f).expanduser() for f in folders or []]
        store.check_index_dir(self.index_dir, given)  # before anything is written there
        self._store = store.Store(self.index_dir)
        self.notice = self._store.notice
        if not given:
            given = [Path(p) for p in self.stored_folders()]
        if not given:
            from reader.core.seeds import seeds_dir

            given = [seeds_dir()]
        self.folders: list[Path] = [Path(os.path.abspath(f)) for f in given]
        try:
            store.check_index_dir(self.index_dir, self.folders)
        except store.IndexFolderError:
            self._store.close()
            raise
        self._lock = threading.RLock()
        self._snapshot = None
        self.texts = TextCache(self.index_dir)
        self._originals: OrderedDict[int, str] = OrderedDict()
        self._originals_chars = 0

    def stored_folders(self) -> list[str]:
        return [p for (p,) in self._store.conn.execute("SELECT path FROM folders ORDER BY pos")]

    def is_built(self) -> bool:
        """Whether an update committed since the index was made or emptied (an index whose
        first build was killed or is still running is not)."""
        return self._store.conn.execute("SELECT 1 FROM meta WHERE key='built'").fetchone() is not None

    def indexer_running(self) -> str:
        """'（进程 N）' (' ' when the process is not known) while another process is
        updating this index, else ''."""
        return self._store.writer_running()

    # ------------------------------------------------------------ update
    def update(
        self,
        progress: Callable[[Progress], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        wait: bool = True,
        max_files: int | None = None,
    ) -> UpdateSummary:
        """Bring the index up to date with the folders; one atomic commit.

        max_files: read at most this many new or changed files and commit (the summary says
        how many remain): the app's first indexing commits in batches so its tree fills as
        it goes; each batch is a whole update, so a kill still leaves a consistent index.

        wait=False: raise store.IndexBusy at once when another process is updating; with
        wait=True, while cancel() stays false (an app being closed stops waiting).
        """
        t0 = time.perf_counter()
        notice = self.notice
        self.notice = None
        conn = self._store.begin_update(wait, cancel)
        try:
            summary = _Update(self, conn, progress, cancel, max_files).run()
        finally:
            self._store.end_update(conn)
        summary.seconds = time.perf_counter() - t0
        summary.notice = notice
        with self._lock:
            self._snapshot = None if self._snapshot is None or self._snapshot.stale() else self._snapshot
        return summary

    # ------------------------------------------------------------ reading
    def _current(self):
        from reader.core.library.searcher import Snapshot

        with self._lock:
            snap = self._snapshot
            if snap is None or snap.stale():
                try:
                    snap = Snapshot(self._store, self.texts)
                except store.DAMAGE_ERRORS as exc:
                    # A damaged index: start again from nothing; the next update refills it.
                    self._store.reset(keep_folders=True)
                    self.notice = f"索引已损坏（{exc}），已清空，请重新建立索引。"
                    snap = Snapshot(self._store, self.texts)
                if self._snapshot is not None:
                    self._snapshot.close()
                self._snapshot = snap
            return snap

    def changed(self) -> bool:
        """Whether the committed index differs from what this object shows (another
        process updated it): the next call of any reading method shows the new one."""
        with self._lock:
            return self._snapshot is not None and self._snapshot.stale()

    def generation(self) -> int | None:
        return self._store.generation()

    def warm(self) -> None:
        """Load every folded text now (a GUI can call this in the background)."""
        snap = self._current()
        self.texts.load_all(set(snap.infos))

    def documents(self) -> list[DocInfo]:
        snap = self._current()
        return [snap.infos[k] for k in snap.order]

    def document(self, doc_id: str) -> Document | None:
        snap = self._current()
        key = snap.by_id.get(doc_id)
        if key is None:
            return None
        info = snap.infos[key]
        with self._lock:
            row = self._store.conn.execute(
                "SELECT encoding, text, extra FROM docs WHERE key=?", (key,)
            ).fetchone()
        if row is None:
            return None
        encoding, text, extra = row
        extra = store.unpack_json(extra) or {}
        meta = Metadata(
            title=info.title, doc_number=info.doc_number, issuers=list(info.issuers),
            canonical_issuers=list(info.canonical_issuers), date=info.date, year=info.year,
            kind=info.kind, attachments=list(extra.get("attachments", [])),
            year_source=extra.get("year_source", ""), date_role=extra.get("date_role", ""),
            dated_roles=[tuple(x) for x in extra.get("dated_roles", [])],
        )
        return Document(
            file=info.file, encoding=encoding or "", first_line=info.first_line, last_line=info.last_line,
            meta=meta, text=store.unpack_text(text),
            entities=[Span(t, s, e, x) for t, s, e, x in extra.get("entities", [])],
            tables=[Table.from_dict(t) for t in extra.get("tables", [])],
            pages=tuple(extra["pages"]) if extra.get("pages") else None,
        )

    def tasks(self, doc_id: str) -> list:
        """The document's tasks, as extracted once at index time ([] for an unknown id)."""
        from reader.core.ledger.tasks import Task

        key = self._current().by_id.get(doc_id)
        if key is None:
            return []
        with self._lock:
            row = self._store.conn.execute("SELECT tasks FROM docs WHERE key=?", (key,)).fetchone()
        return [Task.from_json(t) for t in (store.unpack_json(row[0]) or [])] if row else []

    def stored_links(self, cancelled: Callable[[], bool] = lambda: False):
        """(DocInfo, tasks, docref spans) of every document, in the tree's order, from what was
        stored at index time: the ledger, the unit view and the cross-references read this
        instead of parsing each document again. None if cancelled."""
        from reader.core.ledger.tasks import Task

        snap = self._current()
        conn = store.connect(self.index_dir)  # its own connection: the GUI reads meanwhile
        try:
            stored = {}
            for key, tasks, refs in conn.execute("SELECT key, tasks, refs FROM docs"):
                if cancelled():
                    return None
                if key in snap.infos:
                    stored[key] = (tasks, refs)
        finally:
            conn.close()
        out = []
        for key in snap.order:
            tasks, refs = stored.get(key, (None, None))
            out.append((snap.infos[key], [Task.from_json(t) for t in (store.unpack_json(tasks) or [])],
                        [tuple(r) for r in (store.unpack_json(refs) or [])]))
        return out

    def original_texts(self, keys: Sequence[int]) -> dict[int, str]:
        """Reading texts by key, for snippets. The last ORIGINALS_CACHE_CHARS characters
        read are kept: search as you type asks for the same top documents again, and
        unpacking a large document again on every keystroke would be felt."""
        out: dict[int, str] = {}
        cache = self._originals
        with self._lock:
            missing = []
            for k in keys:
                if k in cache:
                    cache.move_to_end(k)
                    out[k] = cache[k]
                else:
                    missing.append(k)
            for i in range(0, len(missing), 400):
                chunk = missing[i : i + 400]
                q = ",".join("?" * len(chunk))
                for key, blob in self._store.conn.execute(f"SELECT key, text FROM docs WHERE key IN ({q})", chunk):
                    out[key] = cache[key] = store.unpack_text(blob)
                    self._originals_chars += len(out[key])
            while self._originals_chars > ORIGINALS_CACHE_CHARS and len(cache) > len(keys):
                _, old = cache.popitem(last=False)
                self._originals_chars -= len(old)
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
        snippets: bool = True,
    ):
        """snippets=False: ids and scores only (export of a whole result set)."""
        from reader.core.library.search import run_search

        return run_search(
            self, self._current(), query, issuer=issuer, year_from=year_from, year_to=year_to,
            kind=kind, sort=sort, limit=limit, snippets=snippets,
        )

    def problems(self) -> list[Problem]:
        with self._lock:
            rows = self._store.conn.execute("SELECT file, reason FROM problems ORDER BY file").fetchall()
        return [Problem(f, r) for f, r in rows]

    def close(self) -> None:
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None
            self.texts.close()
            self._store.close()


class _Update:
    """One update of a library: scan, parse what changed, write both stores, commit."""

    def __init__(self, library: Library, conn, progress, cancel, max_files: int | None = None):
        self.lib = library
        self.st = library._store
        self.conn = conn
        self.progress = progress
        self.cancel = cancel
        self.max_files = max_files
        self.writer = None
        self.postings = 0

    def run(self) -> UpdateSummary:
        try:
            summary = self._run()
        except BaseException:
            self.st.rollback(self.conn, self.writer)
            raise
        return summary

    def _writer(self):
        if self.writer is None:
            self.writer = self.st.writer(self.conn)
        return self.writer

    def _scan(self, problems: list[Problem]) -> tuple[dict[str, tuple[int, int]], list[str]]:
        found: dict[str, tuple[int, int]] = {}
        unavailable: list[str] = []
        present: list[Path] = []
        for folder in self.lib.folders:
            if not folder.is_dir():
                problems.append(Problem(str(folder), "文件夹不存在或无法访问"))
                unavailable.append(os.path.join(str(folder), ""))
                continue
            present.append(folder)
        for path, size, mtime in _walk(present, self.lib.index_dir, problems):
            if not _storable(path):
                problems.append(Problem(_shown_name(path), NAME_NOT_UTF8))
                continue
            found[path] = (size, mtime)
        return found, unavailable

    def _run(self) -> UpdateSummary:
        conn = self.conn
        problems: list[Problem] = []
        found, unavailable = self._scan(problems)
        known = {
            p: (size, mtime, h, err)
            for p, size, mtime, h, err in conn.execute("SELECT path, size, mtime_ns, hash, error FROM files")
        }
        # A folder that is away (an unplugged disk, a network share) keeps its documents
        # until it is taken out of the library; files gone from present folders leave.
        removed = [p for p in known if p not in found and not p.startswith(tuple(unavailable))]
        todo: list[tuple[str, bool]] = []  # (path, is_new)
        for path in sorted(found):
            k = known.get(path)
            if k is None:
                todo.append((path, True))
            elif (k[0], k[1]) != found[path]:
                todo.append((path, False))

        for path in removed:
            self._remove(path)
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

        remaining = 0
        if self.max_files is not None and len(queue) > self.max_files:
            remaining = len(queue) - self.max_files
            queue = queue[: self.max_files]
        new = changed = 0
        cancelled = False
        total = len(queue)
        is_new_of = dict(queue)
        for path, digest, error, docs in _prepared([p for p, _ in queue], self.cancel, self.progress, total):
            if path is None:
                cancelled = True
                break
            if is_new_of[path]:
                new += 1
            else:
                changed += 1
            self._store_file(path, found[path], digest, error, docs, known_before=path in known)
        if self.progress is not None and not cancelled:
            self.progress(Progress(total, total, ""))

        conn.execute("DELETE FROM folders")
        conn.executemany("INSERT INTO folders VALUES (?, ?)", [(i, str(f)) for i, f in enumerate(self.lib.folders)])
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('built', '1')")
        conn.execute("DELETE FROM problems")
        conn.executemany(
            "INSERT OR REPLACE INTO problems VALUES (?, ?)",
            [(p.file, p.reason) for p in problems]
            + list(conn.execute("SELECT path, error FROM files WHERE error IS NOT NULL")),
        )
        if self.writer is not None:
            self.st.commit(conn, self.writer)
        else:
            conn.commit()
        if todo or removed:
            try:  # give the WAL's pages back to the database file: the index stays small
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:
                pass
        nfiles = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        ndocs = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        nproblems = conn.execute("SELECT count(*) FROM problems").fetchone()[0]
        return UpdateSummary(
            files=nfiles, documents=ndocs, new=new, changed=changed, removed=len(removed),
            problems=nproblems, seconds=0.0, cancelled=cancelled, remaining=0 if cancelled else remaining,
        )

    def _remove(self, path: str) -> None:
        if self.conn.execute("SELECT 1 FROM docs WHERE file=? LIMIT 1", (path,)).fetchone():
            self._writer().delete_by_term("file", path)
            self.conn.execute("DELETE FROM docs WHERE file=?", (path,))

    def _store_file(self, path, stat, digest, error, docs: list[PreparedDoc], known_before: bool) -> None:
        conn = self.conn
        size, mtime = stat
        if known_before:
            self._remove(path)
        if docs:
            writer = self._writer()
            for d in docs:
                cur = conn.execute(
                    "INSERT INTO docs (id, file, pos, encoding, length, text, extra, tasks, refs)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (d.id, path, d.pos, d.encoding, d.length, d.text, d.extra, d.tasks, d.refs),
                )
                keys = array("I")
                keys.frombytes(d.keys)
                fields = {k: v for k, v in d.fields.items() if v is not None}
                writer.add_document(key=cur.lastrowid, **fields, **{CONTENT: (keys, d.counts, d.length)})
                self.postings += len(keys)
            if self.postings >= SEGMENT_POSTINGS:
                # A segment of its own, inside this update: committed to Whoosh only,
                # so the update stays one commit (the SQLite one) and memory stays bounded.
                writer.commit(merge=False)
                self.writer = self.st.next_writer(writer)
                self.postings = 0
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", (path, size, mtime, digest, error, len(docs))
        )

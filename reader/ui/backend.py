"""The library as the UI sees it: reader.core.library.library.Library plus a background indexer.

Library.update runs in a QThread with progress and cancel callbacks; the GUI thread keeps
reading from the committed index meanwhile. Progress signals are throttled so a fast
indexer cannot flood the event loop. Changes in the library folders are picked up by a
QFileSystemWatcher (debounced) and a periodic rescan, both of which just run update again:
with nothing changed it is nearly free.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThread, QThreadPool, QTimer, Signal

PROGRESS_INTERVAL_S = 0.05
WATCH_DEBOUNCE_MS = 1500
# A safety net for what the watcher misses (network drives, more files than watches):
# Library.update drops its in-memory search state, so it is not run every few seconds.
RESCAN_INTERVAL_MS = 60_000
MAX_WATCHED_DIRS = 2000
MAX_WATCHED_FILES = 4000
FOLLOW_INTERVAL_MS = 2000  # how soon another process's index update shows
FIRST_BATCH_FILES = 100  # a larger update commits this many files first, then doubles


class IndexWorker(QThread):
    """Runs Library.update, reporting progress; cancel() asks it to stop soon.

    A large update (a first indexing) is committed in batches of growing size
    (FIRST_BATCH_FILES, then twice as many each time): `partial` carries the documents
    committed so far, so the window's tree fills while the rest is read.
    """

    progress = Signal(int, int, str)
    partial = Signal(object)  # (worker, IndexResult): documents committed so far, more to come
    done = Signal(object)  # (worker, IndexResult | Exception)

    def __init__(self, get_library, parent: QObject | None = None, unknown_label: str = "未识别",
                 *, do_update: bool = True):
        super().__init__(parent)
        self.get_library = get_library  # called here, on the worker thread: opening may be slow
        self.do_update = do_update  # False: only open the index and read what it holds
        self.unknown_label = unknown_label
        self.need_data = True  # False: the window has documents; only report changes
        self.first_update = True  # the first update of a session also warms the search texts
        self._cancelled = False
        self._last_emit = 0.0
        self._offset = self._left = 0  # files done in earlier batches, and left after this one

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def _on_progress(self, p) -> None:
        now = time.monotonic()
        done, total = p.done + self._offset, p.total + self._offset + self._left
        if now - self._last_emit >= PROGRESS_INTERVAL_S or done >= total:
            self._last_emit = now
            self.progress.emit(int(done), int(total), str(p.current))

    def _update_in_batches(self):
        """Library.update, committed in batches while more than a batch is left."""
        from reader.core.library.library import UpdateSummary

        batch, self._offset, self._left = FIRST_BATCH_FILES, 0, 0
        totals = UpdateSummary(0, 0, 0, 0, 0, 0, 0.0, False)
        while True:
            s = self.library.update(progress=self._on_progress, cancel=self.is_cancelled, max_files=batch)
            totals.files, totals.documents, totals.problems = s.files, s.documents, s.problems
            totals.new += s.new
            totals.changed += s.changed
            totals.removed += s.removed
            totals.seconds += s.seconds
            totals.cancelled = s.cancelled
            totals.notice = totals.notice or s.notice
            if not s.remaining or self._cancelled:
                return totals
            self._offset += s.new + s.changed
            self._left = s.remaining
            docs = list(self.library.documents())
            from reader.core.library.grouping import plan_tree

            self.partial.emit((self, IndexResult(s, docs, None, plan_tree(docs, self.unknown_label))))
            batch *= 2

    def run(self) -> None:
        try:
            self.library = self.get_library()
            if not self.do_update:
                docs = list(self.library.documents())
                problems = list(self.library.problems())
                from reader.core.library.grouping import plan_tree

                self.done.emit((self, IndexResult(None, docs, problems, plan_tree(docs, self.unknown_label))))
                return
            summary = self._update_in_batches()
            unchanged = not (summary.new or summary.changed or summary.removed)
            if unchanged and not self.need_data and not self.first_update:
                # A rescan that found nothing: the window keeps what it has. (Library.update
                # drops its search state anyway; the next search rebuilds it on its thread.)
                self.done.emit((self, IndexResult(summary, None, None, None)))
                return
            warm = getattr(self.library, "warm", None)
            if warm is not None and not self._cancelled:
                warm()  # load the search texts here, not on the GUI's first keystroke
            # Everything the window needs next is read here too, so the GUI thread neither
            # waits on the library's locks nor groups 10 000 documents itself.
            docs = list(self.library.documents())
            problems = list(self.library.problems())
            from reader.core.library.grouping import plan_tree

            plan = plan_tree(docs, self.unknown_label)
        except Exception as exc:  # reported in the status bar, never a crash
            self.done.emit((self, exc))
            return
        self.done.emit((self, IndexResult(summary, docs, problems, plan)))


class IndexResult:
    def __init__(self, summary, docs, problems, plan):
        self.summary, self.docs, self.problems, self.plan = summary, docs, problems, plan


class _SearchJob(QRunnable):
    """One search off the GUI thread; skipped if a newer search was asked for meanwhile."""

    def __init__(self, service: "LibraryService", seq: int, query: str, filters: dict):
        super().__init__()
        self.service, self.seq, self.query, self.filters = service, seq, query, filters

    def run(self) -> None:
        if self.seq != self.service._search_seq:
            return
        try:
            result = self.service.library.search(self.query, **self.filters)
        except Exception as exc:  # shown as a message, never a crash
            result = exc
        self.service.search_finished.emit(self.seq, result)


def make_library(folders: Sequence[str]):
    from reader.core.library.library import Library

    return Library([Path(f) for f in folders])


class LibraryService(QObject):
    indexing_started = Signal()
    indexing_progress = Signal(int, int, str)
    indexing_finished = Signal(object)  # UpdateSummary | Exception
    library_opened = Signal()
    documents_changed = Signal()
    links_ready = Signal()  # links() has the ledger rows, unit → documents and cross-references
    search_finished = Signal(int, object)  # seq, SearchResult | Exception

    def __init__(self, folders: Sequence[str], parent: QObject | None = None, *, watch: bool = True,
                 library_factory=make_library):
        super().__init__(parent)
        self._factory = library_factory
        self.folders = [str(f) for f in folders]
        self._library = None  # opened on first use, so the window can paint before it
        self._library_lock = threading.Lock()
        self._then_update = False
        self._docs: list | None = None
        self._problems: list | None = None
        self._plan = None
        self._updated_once = False
        self._by_number: dict[str, str] | None = None
        self.unknown_label = "未识别"  # the tree's label for unknown issuer/year (translated by the window)
        self.worker: IndexWorker | None = None
        self._links = None
        self._links_worker = None
        self._links_workers: set = set()  # running, including cancelled ones not yet finished
        self._pending_update = False
        self.last_summary = None
        self.watch_enabled = watch
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._watcher.fileChanged.connect(self._folder_changed)
        # Searches run on one worker thread, so a search never stalls the event loop, even
        # while the indexer holds the library's locks; only the newest request is answered.
        self._search_pool = QThreadPool(self)
        self._search_pool.setMaxThreadCount(1)
        self._search_seq = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(WATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.update_in_background)
        self._rescan = QTimer(self)
        self._rescan.setInterval(RESCAN_INTERVAL_MS)
        self._rescan.timeout.connect(self._periodic_rescan)
        # Another process (`reader index`, the app that owns the index) may commit a new
        # generation: a cheap check of the committed generation, then a reload off-thread.
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_INTERVAL_MS)
        self._follow.timeout.connect(self._follow_index)
        self._follow.start()
        if watch:
            self._watch_folders()
            self._rescan.start()

    @property
    def library(self):
        with self._library_lock:  # the opening worker and the GUI thread may both ask
            if self._library is None:
                self._library = self._factory(self.folders)
            return self._library

    @library.setter
    def library(self, value) -> None:
        self._library = value

    # ------------------------------------------------------------ folders
    def set_folders(self, folders: Sequence[str]) -> None:
        self.cancel()
        self._search_seq += 1
        self._search_pool.waitForDone()
        if self.worker is not None:
            self._retire(self.worker)
            self.worker = None
        self.folders = [str(f) for f in folders]
        self._stop_links()
        self._links = None
        self._close_library()
        self._library = None
        self._updated_once = False
        self._invalidate()
        if self.watch_enabled:
            self._watch_folders()
        self.open_then_update()  # documents_changed when the new library is open

    def _watch_folders(self) -> None:
        """Watch every folder (new, removed, renamed files) and, up to a cap, every text file
        (edits in place). Beyond the cap the periodic rescan still finds edits."""
        from reader.core.library.walk import READABLE_SUFFIXES

        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        dirs: list[str] = []
        files: list[str] = []
        stack = [str(Path(f)) for f in self.folders if Path(f).is_dir()]
        while stack and len(dirs) < MAX_WATCHED_DIRS:
            d = stack.pop()
            dirs.append(d)
            try:
                with os.scandir(d) as it:
                    for entry in it:
                        if entry.name.startswith("."):
                            continue
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif len(files) < MAX_WATCHED_FILES and entry.name.lower().endswith(READABLE_SUFFIXES):
                            files.append(entry.path)
            except OSError:
                continue
        if dirs or files:
            self._watcher.addPaths(dirs + files)

    def _folder_changed(self, _path: str) -> None:
        self._debounce.start()

    def _follow_index(self) -> None:
        if self._library is None or self.is_indexing() or self._docs is None:
            return
        changed = getattr(self._library, "changed", None)
        try:
            stale = bool(changed()) if changed is not None else False
        except Exception:  # the index is being replaced: the next tick sees it
            return
        if stale:
            self.reload()

    def reload(self) -> None:
        """Read the committed index again (documents_changed), without updating it."""
        self._read_index(then_update=False)

    def _periodic_rescan(self) -> None:
        if not self.is_indexing():
            self.update_in_background()

    # ------------------------------------------------------------ indexing
    def is_indexing(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    read_only = False  # set for a second app on the same index (see reader.ui.app)

    def open_then_update(self) -> None:
        """Open the index and read what it holds on a worker thread (documents_changed), then
        bring it up to date (indexing_started … indexing_finished)."""
        self._read_index(then_update=True)

    def _read_index(self, then_update: bool) -> None:
        if self.is_indexing():
            self._pending_update = True
            return
        worker = IndexWorker(lambda: self.library, self, self.unknown_label, do_update=False)
        worker.done.connect(self._worker_done)
        self.worker = worker
        self._then_update = then_update
        worker.start()

    def update_in_background(self) -> None:
        if self.read_only:  # another app on this index keeps it up to date
            return
        if self.is_indexing():
            self._pending_update = True
            return
        worker = IndexWorker(lambda: self.library, self, self.unknown_label)
        worker.need_data = self._docs is None
        worker.first_update = not self._updated_once
        self._updated_once = True
        worker.progress.connect(self.indexing_progress)
        worker.partial.connect(self._worker_partial)
        worker.done.connect(self._worker_done)
        self.worker = worker
        self.indexing_started.emit()
        worker.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        self._pending_update = False
        if self.worker is not None:
            self.worker.cancel()

    def _retire(self, worker: IndexWorker) -> None:
        worker.wait()
        # Break worker → get_library → service: with that cycle the garbage collector
        # deleted the service (and with it the worker) under a pending deleteLater.
        worker.get_library = None
        worker.library = None
        worker.deleteLater()

    def _worker_partial(self, message) -> None:
        """Documents committed by a batch of a larger update: show them while the rest is read."""
        worker, result = message
        if worker is not self.worker:
            return
        self._invalidate()
        self._docs, self._plan = result.docs, result.plan
        self.documents_changed.emit()

    def _worker_done(self, message) -> None:
        worker, result = message
        if worker is not self.worker:  # a worker stopped by set_folders: its result is stale
            return
        if worker is not None:
            self._retire(worker)
        self.worker = None
        if isinstance(result, IndexResult) and result.summary is None:  # opened, not updated
            self._invalidate()
            self._docs, self._problems, self._plan = result.docs, result.problems, result.plan
            self.documents_changed.emit()
            self._start_links()
            self.library_opened.emit()
            if self._then_update:
                self._then_update = False
                self._pending_update = False
                self.update_in_background()
            return
        if isinstance(result, IndexResult):
            summary = result.summary
            changed = result.docs is not None and bool(
                summary.new or summary.changed or summary.removed or self._docs is None)
            if changed:
                self._invalidate()
                self._docs, self._plan = result.docs, result.plan
            if result.problems is not None:
                self._problems = result.problems
        else:
            summary, changed = result, True
            self._invalidate()
        self.last_summary = summary
        self.indexing_finished.emit(summary)
        if changed:
            self.documents_changed.emit()
            self._start_links()
        if self.watch_enabled and changed:
            self._watch_folders()
        if self._pending_update:
            self._pending_update = False
            self.update_in_background()

    def shutdown(self) -> None:
        self._follow.stop()
        self._rescan.stop()
        self._debounce.stop()
        self.cancel()
        self._stop_links()
        self._search_seq += 1  # queued searches are skipped
        self._search_pool.waitForDone()
        if self.worker is not None:
            self.worker.wait()
            self.worker.get_library = None  # no cycle back to the service (see _worker_done)
            self.worker.library = None
        self._close_library()

    def _close_library(self) -> None:
        close = getattr(self._library, "close", None)
        if close is not None:
            try:
                close()
            except Exception:
                pass

    # ------------------------------------------------------------ links
    def links(self):
        """LibraryLinks (reader.core.ledger.links) of the documents, or None while being computed.
        Kept from the previous update until the new one is ready."""
        return self._links

    def links_pending(self) -> bool:
        return self._links_worker is not None

    def _start_links(self) -> None:
        """Ledger rows, units and cross-references of the current documents, on a thread."""
        from reader.ui.links import LinksWorker

        if self._links_worker is not None:
            self._links_worker.cancel()
        library = self.library
        worker = LinksWorker(library.stored_links, self.unknown_label, self.state_version, self)
        worker.done.connect(self._links_done)
        self._links_worker = worker
        self._links_workers.add(worker)
        worker.start(QThread.Priority.LowPriority)

    def _links_done(self, message) -> None:
        worker, result = message
        worker.wait()
        self._links_workers.discard(worker)
        worker.stored = None  # no cycle back to the library
        worker.deleteLater()
        if worker is not self._links_worker:
            return  # superseded by a newer library state
        self._links_worker = None
        if result is None or isinstance(result, Exception):
            return
        self._links = result
        self.links_ready.emit()

    def _stop_links(self) -> None:
        for worker in list(self._links_workers):
            worker.cancel()
        for worker in list(self._links_workers):
            worker.wait()
        self._links_worker = None

    # ------------------------------------------------------------ reading
    state_version = 0  # counts the library states the window was shown (links and ledger compare it)

    def tasks(self, doc_id: str) -> list:
        """The document's tasks as stored at index time."""
        tasks = getattr(self.library, "tasks", None)
        return tasks(doc_id) if tasks is not None else []

    def _invalidate(self) -> None:
        self.state_version += 1
        self._docs = None
        self._plan = None
        self._problems = None
        self._by_number = None

    def documents(self) -> list:
        if self._docs is None:
            try:
                self._docs = list(self.library.documents())
            except Exception:
                self._docs = []
        return self._docs

    def tree_plan(self):
        """The tree prepared by the indexing thread for the current documents, if any."""
        return self._plan if self._docs is not None else None

    def document(self, doc_id: str):
        try:
            return self.library.document(doc_id)
        except Exception:
            return None

    def doc_info(self, doc_id: str):
        for doc in self.documents():
            if doc.id == doc_id:
                return doc
        return None

    def doc_id_for_number(self, doc_number: str) -> str | None:
        if self._by_number is None:
            self._by_number = {}
            for doc in self.documents():
                if doc.doc_number:
                    self._by_number.setdefault(doc.doc_number, doc.id)
        return self._by_number.get(doc_number)

    def known_numbers(self) -> set[str]:
        self.doc_id_for_number("")
        return set(self._by_number or {})

    def search(self, query: str, **filters):
        """Synchronous search (CLI-like callers and tests); the window uses search_async."""
        return self.library.search(query, **filters)

    def search_async(self, query: str, **filters) -> int:
        """Start a search in the background; search_finished(seq, result) answers it."""
        self._search_seq += 1
        self._search_pool.start(_SearchJob(self, self._search_seq, query, filters))
        return self._search_seq

    def cancel_searches(self) -> None:
        self._search_seq += 1

    def latest_search(self) -> int:
        return self._search_seq

    def problems(self) -> list:
        if self._problems is None:
            try:
                self._problems = list(self.library.problems())
            except Exception:
                return []
        return self._problems

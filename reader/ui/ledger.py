"""The 任务台账 window: LedgerView (tasks_panel.py) filled from the whole library.

The rows come from the library's links (reader.core.ledger.links: the tasks stored at index time,
grouped once per update, with their LedgerTable); until they are ready a worker gathers the
same stored tasks into a LedgerTable. The GUI thread only swaps the finished table in.
"""
from __future__ import annotations

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from reader.ui.dialogs import resize_within_screen
from reader.core.ledger.rows import LedgerTable, stored_ledger_rows
from reader.ui.tasks_panel import LedgerView


LINKS_WAIT_MS = 300
"""While the service computes the library's links, the dialog looks again this often."""


class LedgerWorker(QThread):
    done = Signal(object)  # LedgerTable or Exception

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.stored = service.library.stored_links
        self.version = service.state_version
        self.cancelled = False

    def run(self) -> None:
        try:
            stored = self.stored(lambda: self.cancelled)
            if stored is None:
                return
            table = LedgerTable(stored_ledger_rows(stored, cancelled=lambda: self.cancelled))
            if not self.cancelled:
                self.done.emit(table)
        except Exception as exc:  # shown in the dialog, never a crash
            self.done.emit(exc)


class LedgerDialog(QDialog):
    rows_loaded = Signal(int)

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.worker: LedgerWorker | None = None
        self._wait = QTimer(self)  # while the service's links are pending: look again
        self._wait.setInterval(LINKS_WAIT_MS)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._waited)
        self._shown_version = -1
        self.setWindowTitle(self.tr("任务台账"))
        resize_within_screen(self, 1240, 680)
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.view = LedgerView(self)
        layout.addWidget(self.view, 1)
        ready = getattr(service, "links_ready", None)
        if ready is not None:  # the library changed: show its new ledger
            ready.connect(self._library_changed)

    def refresh(self) -> None:
        """Rows of the library's links (reader.core.ledger.links, computed once per update) when ready;
        while the service computes them, wait for them (a second worker reading the same
        stored tasks at the same time would only slow both, and the window); else gather
        them here on a worker thread."""
        self._refresh(grace=True)

    def _refresh(self, grace: bool) -> None:
        if self.worker is not None:
            return
        links = self._current_links()
        if links is not None:
            self._wait.stop()
            self._shown_version = links.version
            self._done(links.ledger)
            return
        self.status.setText(self.tr("正在汇总全部公文中的任务…"))
        pending = getattr(self.service, "links_pending", None)
        if pending is not None and (pending() or grace):
            # links are on their way (or about to start: the service starts them right after
            # it announces new documents): links_ready brings them; look again shortly in case
            # they fail
            self._wait.start()
            return
        self._wait.stop()
        self.worker = LedgerWorker(self.service, self)
        self._shown_version = self.worker.version
        self.worker.done.connect(self._done)
        self.worker.start(QThread.Priority.LowPriority)

    def _current_links(self):
        """The service's links if they are of the library as shown now. The service keeps the
        previous state's links until the new ones are ready: rows of documents that may be gone."""
        links_of = getattr(self.service, "links", None)
        links = links_of() if links_of is not None else None
        if links is not None and links.version == getattr(self.service, "state_version", links.version):
            return links
        return None

    def _waited(self) -> None:
        if self.isVisible() and self.worker is None:
            self._refresh(grace=False)

    def _library_changed(self) -> None:
        links_of = getattr(self.service, "links", None)
        links = links_of() if links_of is not None else None
        if links is not None and links.version == self._shown_version:
            return  # the rows shown are of this very library state: keep them (and the user's row)
        if self.isVisible():
            self.refresh()

    def _done(self, result) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
        self.worker = None
        if isinstance(result, Exception):
            self.status.setText(self.tr("无法汇总任务：%1").replace("%1", str(result)))
            return
        self.view.set_rows(result)
        self.status.setText(self.tr("%1 篇公文中的任务；双击一行打开公文。").replace("%1", str(result.documents)))
        self.rows_loaded.emit(len(result))

    def done(self, code: int) -> None:  # closing the dialog stops the worker
        self._wait.stop()
        if self.worker is not None:
            self.worker.cancelled = True
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        super().done(code)

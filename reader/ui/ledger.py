"""The 任务台账 window: LedgerView (tasks_panel.py) filled from the whole library.

The rows come from the library's links (reader.ui.links: the tasks stored at index time,
grouped once per update); until they are ready a worker gathers the same stored tasks.
"""
from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from reader.ui.dialogs import resize_within_screen
from reader.ui.tasks_panel import LedgerView


class LedgerWorker(QThread):
    progress = Signal(int, int)
    done = Signal(object)  # list of (doc, task) or Exception

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
            rows = []
            for info, tasks, _refs in stored:
                doc = info.as_document()
                rows += [(doc, t) for t in tasks]
            self.done.emit(rows)
        except Exception as exc:  # shown in the dialog, never a crash
            self.done.emit(exc)


class LedgerDialog(QDialog):
    rows_loaded = Signal(int)

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.worker: LedgerWorker | None = None
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
        """Rows of the library's links (reader.ui.links, computed once per update) when ready,
        else gathered here on a worker thread."""
        if self.worker is not None:
            return
        links_of = getattr(self.service, "links", None)
        links = links_of() if links_of is not None else None
        # The service keeps the previous state's links until the new ones are ready: rows of
        # documents that may be gone. Only links of the library as shown now will do.
        if links is not None and links.version == getattr(self.service, "state_version", links.version):
            self._shown_version = links.version
            self._done(links.rows)
            return
        self.status.setText(self.tr("正在汇总全部公文中的任务…"))
        self.worker = LedgerWorker(self.service, self)
        self._shown_version = self.worker.version
        self.worker.progress.connect(
            lambda done, total: self.status.setText(
                self.tr("正在汇总全部公文中的任务… %1/%2").replace("%1", str(done)).replace("%2", str(total))))
        self.worker.done.connect(self._done)
        self.worker.start(QThread.Priority.LowPriority)

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
        documents = len({doc.id for doc, _ in result})
        self.status.setText(self.tr("%1 篇公文中的任务；双击一行打开公文。").replace("%1", str(documents)))
        self.rows_loaded.emit(len(result))

    def done(self, code: int) -> None:  # closing the dialog stops the worker
        if self.worker is not None:
            self.worker.cancelled = True
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        super().done(code)

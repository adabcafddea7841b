"""The 任务台账 window: LedgerView (tasks_panel.py) filled from the whole library.

Loading every document and extracting its tasks runs on a worker thread; the dialog
shows how far it got and can be used as soon as the rows arrive.
"""
from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from reader.ui.tasks_panel import LedgerView, ledger_rows


class LedgerWorker(QThread):
    progress = Signal(int, int)
    done = Signal(object)  # list of (doc, task) or Exception

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.ids = [d.id for d in service.documents()]
        self.load = service.document
        self.cancelled = False

    def run(self) -> None:
        try:
            rows = []
            for i, doc_id in enumerate(self.ids):
                if self.cancelled:
                    return
                doc = self.load(doc_id)
                if doc is not None:
                    rows += ledger_rows([doc])
                if i % 20 == 0:
                    self.progress.emit(i + 1, len(self.ids))
            self.done.emit(rows)
        except Exception as exc:  # shown in the dialog, never a crash
            self.done.emit(exc)


class LedgerDialog(QDialog):
    rows_loaded = Signal(int)

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.worker: LedgerWorker | None = None
        self.setWindowTitle(self.tr("任务台账"))
        self.resize(1240, 680)
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
        if links is not None:
            self._done(links.rows)
            return
        self.status.setText(self.tr("正在汇总全部公文中的任务…"))
        self.worker = LedgerWorker(self.service, self)
        self.worker.progress.connect(
            lambda done, total: self.status.setText(
                self.tr("正在汇总全部公文中的任务… %1/%2").replace("%1", str(done)).replace("%2", str(total))))
        self.worker.done.connect(self._done)
        self.worker.start(QThread.Priority.LowPriority)

    def _library_changed(self) -> None:
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

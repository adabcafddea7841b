"""Files opened one by one (Ctrl+Shift+O, or dropped on the window) without joining the library.

A single file is parsed by the same pipeline as the library (reader.core.documents.pipeline.parse_file)
on a worker thread, held in memory for the session, and listed in the 单个文件 tab: file →
its documents. Nothing is indexed or written; the library and its folders are unchanged.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.model import Document, ParseResult
from reader.ui.plain import plain_tooltip
from reader.core.library.grouping import doc_subline

ROLE_DOC_ID = Qt.ItemDataRole.UserRole + 1
ROLE_FILE = Qt.ItemDataRole.UserRole + 2


class _ParseJob(QRunnable):
    def __init__(self, owner: "SingleFiles", path: str):
        super().__init__()
        self.owner, self.path = owner, path

    def run(self) -> None:
        from reader.core.documents.pipeline import parse_file_isolated

        try:
            result = parse_file_isolated(self.path)  # a PDF's reader crashing must not close the window
        except Exception as exc:  # a parser bug is a message for this file, never a crash
            result = ParseResult(file=self.path, error=str(exc))
        try:
            self.owner._parsed.emit(self.path, result)
        except RuntimeError:  # the window closed meanwhile
            pass


class SingleFiles(QObject):
    """The documents of the files opened one by one, by id."""

    loaded = Signal(str, object)  # path, ParseResult (error set when it could not be read)
    _parsed = Signal(str, object)  # from the worker thread; handled on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.files: dict[str, list[Document]] = {}
        self._by_id: dict[str, Document] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._parsed.connect(self._store)

    def load(self, path: str | Path) -> None:
        """Parse in the background; `loaded` answers (a file opened again is re-read)."""
        self._pool.start(_ParseJob(self, str(Path(path).absolute())))

    def _store(self, path: str, result: ParseResult) -> None:
        if not result.error:
            self._forget(path)
            self.files[path] = list(result.documents)
            for doc in result.documents:
                self._by_id[doc.id] = doc
        self.loaded.emit(path, result)

    def _forget(self, path: str) -> None:
        for doc in self.files.pop(path, []):
            self._by_id.pop(doc.id, None)

    def close_file(self, path: str) -> None:
        self._forget(path)

    def get(self, doc_id: str | None) -> Document | None:
        return self._by_id.get(doc_id) if doc_id else None

    def documents(self) -> list[Document]:
        return list(self._by_id.values())

    def wait(self) -> None:
        self._pool.waitForDone()


class SingleFilesPanel(QWidget):
    """The 单个文件 tab: each file opened on its own, with its documents below it."""

    open_requested = Signal(str)  # doc id

    def __init__(self, files: SingleFiles, parent: QWidget | None = None):
        super().__init__(parent)
        self.files = files
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.note = QLabel(self.tr("用 Ctrl+Shift+O 或把文件拖到窗口上，即可单独打开一个文件，不加入公文库。"), self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("singleFiles")
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._current_changed(item, None))
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        files.loaded.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for path, docs in self.files.files.items():
            top = QTreeWidgetItem([f"{Path(path).name}（{len(docs)}）"])
            top.setToolTip(0, plain_tooltip(path))
            top.setData(0, ROLE_FILE, path)
            for doc in docs:
                child = QTreeWidgetItem([doc.title or self.tr("（无标题）")])
                child.setToolTip(0, plain_tooltip("\n".join(x for x in (doc.title, doc_subline(doc.meta)) if x)))
                child.setData(0, ROLE_DOC_ID, doc.id)
                child.setData(0, ROLE_FILE, path)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self.note.setVisible(not self.files.files)

    def select(self, doc_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, ROLE_DOC_ID) == doc_id:
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(top.child(j))
                    self.tree.blockSignals(False)
                    return

    def current_file(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE_FILE) if item is not None else None

    def doc_ids(self) -> list[str]:
        ids = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            ids += [top.child(j).data(0, ROLE_DOC_ID) for j in range(top.childCount())]
        return ids

    def _current_changed(self, item, _previous) -> None:
        doc_id = item.data(0, ROLE_DOC_ID) if item is not None else None
        if doc_id:
            self.open_requested.emit(doc_id)

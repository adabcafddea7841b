"""The 收藏 tab (starred documents) and the 批注 side tab (the open document's notes).

Both are views over reader.core.library.notes.NotesStore; the window owns the store and tells them
when something changed. Notes are plain text (list items, never rich text).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents.identity import DocKey
from reader.core.library.notes import Note, NotesStore
from reader.ui.plain import plain_tooltip

ROLE_KEY = Qt.ItemDataRole.UserRole + 1
ROLE_NOTE = Qt.ItemDataRole.UserRole + 2
QUOTE_CHARS = 60  # a long passage is shown cut, in full in the tooltip


class StarredPanel(QWidget):
    """收藏: starred documents, most recently starred first; click opens one."""

    open_requested = Signal(object)  # DocKey

    def __init__(self, store: NotesStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.note = QLabel(self.tr("还没有收藏的公文。打开一篇公文后按 Ctrl+D 收藏。"), self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("starredList")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(lambda item: self.open_requested.emit(item.data(ROLE_KEY)))
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ROLE_KEY)))
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        keys = self.store.starred()
        for key in keys:
            item = QListWidgetItem("★ " + (key.title or self.tr("（无标题）")))
            item.setToolTip(plain_tooltip(f"{key.title}\n{key.file}"))
            item.setData(ROLE_KEY, key)
            self.list.addItem(item)
        self.note.setVisible(not keys)

    def keys(self) -> list[DocKey]:
        return [self.list.item(i).data(ROLE_KEY) for i in range(self.list.count())]


def note_label(note: Note) -> str:
    if note.on_passage:
        quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[: QUOTE_CHARS - 1] + "…"
        return f"「{quote}」\n{note.body}"
    return note.body


class NotesPanel(QWidget):
    """批注: the open document's notes beside its text; click a passage note to go to it."""

    add_requested = Signal()
    scroll_requested = Signal(int, int)
    edit_requested = Signal(object)  # Note
    delete_requested = Signal(object)  # Note

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("notesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemDoubleClicked.connect(lambda item: self.edit_requested.emit(item.data(ROLE_NOTE)))
        # one button, edit/delete in the list's context menu and double-click: the side panel is narrow
        self.add_button = QPushButton(self.tr("添加批注…"), self)
        self.add_button.setToolTip(self.tr("选中一段文字再添加，即为该段的批注；不选则为全文批注"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_action = QAction(self.tr("编辑批注…"), self.list)
        self.edit_action.triggered.connect(lambda: self._emit_current(self.edit_requested))
        self.delete_action = QAction(self.tr("删除批注"), self.list)
        self.delete_action.triggered.connect(lambda: self._emit_current(self.delete_requested))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addActions([self.edit_action, self.delete_action])
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.positions: dict[int, tuple[int, int] | None] = {}
        self.set_notes([], {}, enabled=False)

    def set_notes(self, notes: list[Note], positions: dict[int, tuple[int, int] | None], enabled: bool = True) -> None:
        """`positions`: each passage note's place in the current text (None: the passage is gone)."""
        self.positions = dict(positions)
        self.list.clear()
        for note in notes:
            text = note_label(note)
            if note.on_passage and positions.get(note.id) is None:
                text += "\n" + self.tr("（原文已改动，找不到这段文字）")
            item = QListWidgetItem(text)
            item.setData(ROLE_NOTE, note)
            item.setToolTip(plain_tooltip(f"{note.quote}\n\n{note.body}" if note.on_passage else note.body))
            self.list.addItem(item)
        self.title.setText(self.tr("本文批注（%1）").replace("%1", str(len(notes))) if enabled
                           else self.tr("打开一篇公文后可添加批注。"))
        self.add_button.setEnabled(enabled)

    def notes(self) -> list[Note]:
        return [self.list.item(i).data(ROLE_NOTE) for i in range(self.list.count())]

    def _emit_current(self, signal) -> None:
        item = self.list.currentItem()
        if item is not None:
            signal.emit(item.data(ROLE_NOTE))

    def _clicked(self, item: QListWidgetItem) -> None:
        place = self.positions.get(item.data(ROLE_NOTE).id)
        if place is not None:
            self.scroll_requested.emit(*place)

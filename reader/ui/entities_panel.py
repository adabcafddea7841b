"""Side panel: the document's dates, numbers, units and cited doc numbers.

Each distinct text is one row with its number of occurrences; clicking a row scrolls the
reading pane to its next occurrence; a unit (or any row) can be searched in the library
with a double click or the context menu.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.model import Span
from reader.ui import theme
from reader.ui.plain import plain_tooltip

ROLE_OFFSETS = Qt.ItemDataRole.UserRole + 1
ROLE_NEXT = Qt.ItemDataRole.UserRole + 2
ROLE_KIND = Qt.ItemDataRole.UserRole + 3
ROLE_VALUE = Qt.ItemDataRole.UserRole + 4  # the entity's text (the tooltip may be escaped)


class EntityPanel(QWidget):
    scroll_requested = Signal(int, int)  # start, end in the reading text
    search_requested = Signal(str)
    docref_requested = Signal(str)  # open the cited document

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entityPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("本文要素"), self)
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.setToolTip(self.tr("单击：跳到文中位置；双击责任单位：在全部公文中搜索；双击引用文号：打开该公文"))
        layout.addWidget(self.tree, 1)
        self.groups: dict[str, QTreeWidgetItem] = {}

    def set_spans(self, text: str, spans: Sequence[Span], enabled: set[str] | None = None) -> None:
        self.tree.setUpdatesEnabled(False)
        try:
            self._fill(text, spans, enabled)
        finally:
            self.tree.setUpdatesEnabled(True)

    def _fill(self, text: str, spans: Sequence[Span], enabled: set[str] | None) -> None:
        self.tree.clear()
        self.groups = {}
        groups: list[QTreeWidgetItem] = []
        expand: list[QTreeWidgetItem] = []
        for kind, style in theme.HIGHLIGHTS.items():
            if enabled is not None and kind not in enabled:
                continue
            occurrences: dict[str, list[int]] = {}
            for span in spans:
                if span.type == kind:
                    occurrences.setdefault(text[span.start : span.end], []).append(span.start)
            group = QTreeWidgetItem([f"{theme.highlight_label(kind)}（{len(occurrences)}）"])
            group.setData(0, ROLE_KIND, kind)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, QBrush(QColor(style.foreground)))
            groups.append(group)
            self.groups[kind] = group
            for value, starts in occurrences.items():
                label = value if len(starts) == 1 else f"{value}  ×{len(starts)}"
                item = QTreeWidgetItem(group, [label])
                item.setData(0, ROLE_OFFSETS, [(s, s + len(value)) for s in starts])
                item.setData(0, ROLE_NEXT, 0)
                item.setData(0, ROLE_KIND, kind)
                item.setData(0, ROLE_VALUE, value)
                item.setToolTip(0, plain_tooltip(value))
                item.setBackground(0, QBrush(QColor(style.background)))
            if kind != "number" or len(occurrences) <= 30:
                expand.append(group)
        self.tree.addTopLevelItems(groups)  # children first, then one insert: far fewer relayouts
        for group in expand:
            group.setExpanded(True)

    def item_texts(self, kind: str) -> list[str]:
        group = self.groups.get(kind)
        if group is None:
            return []
        return [group.child(i).data(0, ROLE_VALUE) for i in range(group.childCount())]

    def _clicked(self, item: QTreeWidgetItem) -> None:
        offsets = item.data(0, ROLE_OFFSETS)
        if not offsets:
            return
        index = int(item.data(0, ROLE_NEXT) or 0) % len(offsets)
        item.setData(0, ROLE_NEXT, index + 1)
        start, end = offsets[index]
        self.scroll_requested.emit(int(start), int(end))

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if not item.data(0, ROLE_OFFSETS):
            return
        if item.data(0, ROLE_KIND) == "unit":
            self.search_requested.emit(item.data(0, ROLE_VALUE))
        elif item.data(0, ROLE_KIND) == "docref":
            self.docref_requested.emit(item.data(0, ROLE_VALUE))

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, ROLE_OFFSETS):
            return
        value = item.data(0, ROLE_VALUE)
        menu = QMenu(self)
        menu.addAction(self.tr("跳到文中位置"), lambda: self._clicked(item))
        menu.addAction(self.tr("在全部公文中搜索“%1”").replace("%1", value), lambda: self.search_requested.emit(value))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

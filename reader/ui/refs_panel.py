"""引用 tab: what the open document cites and what cites it (reader.core.ledger.refs.CrossRefs).

本文引用: each cited 文号 once (×n when cited several times). One held by the library opens
that document on a click; one the library does not hold is shown in grey, and a click
scrolls the reading pane to where it is cited. 被引用: the documents citing this one, one
row per citing document; a click opens it at the citation.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.itempaint import draw_item_frame
from reader.ui.plain import plain_tooltip

ROLE_ACTION = Qt.ItemDataRole.UserRole + 1  # ("open", doc_id, start, end) | ("scroll", start, end)
UNRESOLVED = QColor("#6b7280")


_WRAP = Qt.TextFlag.TextWrapAnywhere


class WrappingDelegate(QStyledItemDelegate):
    """Rows wrapped to the panel's width: titles of 公文 are long and the panel is narrow
    (QTreeView's own word wrap does not break Chinese text without spaces)."""

    def _text_width(self, option: QStyleOptionViewItem, index) -> int:
        view = self.parent()
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = view.viewport().width() - view.indentation() * (depth + 1) - 8  # as paint's rect
        return max(60, width)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        fm = QFontMetrics(opt.font)
        width = self._text_width(opt, index)
        rect = fm.boundingRect(QRect(0, 0, width, 10_000), int(_WRAP), opt.text)
        return QSize(width, rect.height() + 8)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        opt, text = draw_item_frame(self, painter, option, index)
        painter.save()
        painter.setFont(opt.font)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(brush.color() if isinstance(brush, QBrush) else opt.palette.text().color())
        painter.drawText(opt.rect.adjusted(4, 4, -4, -4), int(_WRAP | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()


class RefsPanel(QWidget):
    open_requested = Signal(str, int, int)  # doc id, start, end of the citation there (-1: none)
    scroll_requested = Signal(int, int)  # a citation in the open document

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("refsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("引用关系"), self)
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.tree.setToolTip(self.tr("单击：打开公文（灰色的文号不在公文库中，单击跳到文中位置）"))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout.addWidget(self.tree, 1)
        self.cites_group: QTreeWidgetItem | None = None
        self.cited_by_group: QTreeWidgetItem | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.tree.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.tree.scheduleDelayedItemsLayout()  # row heights follow the width
        return super().eventFilter(obj, event)

    def show_pending(self) -> None:
        self.tree.clear()
        self.cites_group = self.cited_by_group = None
        self.title.setText(self.tr("正在汇总引用关系…"))

    def set_refs(self, cites, cited_by) -> None:
        """Citation lists from CrossRefs.cites(doc) and CrossRefs.cited_by(doc)."""
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        # 本文引用: one row per cited number, in reading order
        by_number: dict[str, list] = {}
        for c in cites:
            by_number.setdefault(c.doc_number, []).append(c)
        self.cites_group = QTreeWidgetItem([self.tr("本文引用（%1）").replace("%1", str(len(by_number)))])
        self.cites_group.setFont(0, bold)
        for number, group in by_number.items():
            first = group[0]
            times = f" ×{len(group)}" if len(group) > 1 else ""
            if first.targets:
                for target in first.targets:
                    item = QTreeWidgetItem(self.cites_group, [f"{first.printed}{times}\n《{target.title}》"])
                    item.setData(0, ROLE_ACTION, ("open", target.id, -1, -1))
                    item.setToolTip(0, plain_tooltip(f"{first.printed}\n{target.title}"))
            else:
                item = QTreeWidgetItem(self.cites_group, [f"{first.printed}{times}\n{self.tr('（公文库中没有）')}"])
                item.setForeground(0, QBrush(UNRESOLVED))
                item.setData(0, ROLE_ACTION, ("scroll", "", first.start, first.end))
                item.setToolTip(0, plain_tooltip(first.printed))
        # 被引用: one row per citing document
        by_source: dict[str, list] = {}
        for c in cited_by:
            by_source.setdefault(c.source.id, []).append(c)
        self.cited_by_group = QTreeWidgetItem([self.tr("被引用（%1）").replace("%1", str(len(by_source)))])
        self.cited_by_group.setFont(0, bold)
        for group in by_source.values():
            c = group[0]
            times = f" ×{len(group)}" if len(group) > 1 else ""
            number = f"{c.source.doc_number}\n" if c.source.doc_number else ""
            item = QTreeWidgetItem(self.cited_by_group, [f"{number}《{c.source.title}》{times}"])
            item.setData(0, ROLE_ACTION, ("open", c.source.id, c.start, c.end))
            item.setToolTip(0, plain_tooltip(f"{c.source.title}\n{c.source.doc_number or ''}\n{c.printed}"))
        if not by_source:
            none = QTreeWidgetItem(self.cited_by_group, [self.tr("公文库中没有引用本文的公文")])
            none.setForeground(0, QBrush(UNRESOLVED))
        self.tree.addTopLevelItems([self.cites_group, self.cited_by_group])
        self.cites_group.setExpanded(True)
        self.cited_by_group.setExpanded(True)
        self.title.setText(self.tr("引用 %1 个文号 · 被 %2 篇公文引用")
                           .replace("%1", str(len(by_number))).replace("%2", str(len(by_source))))

    def clear(self) -> None:
        self.tree.clear()
        self.cites_group = self.cited_by_group = None
        self.title.setText(self.tr("引用关系"))

    # -- queries for the window and the tests
    def rows(self, group: str) -> list[tuple[str, tuple | None]]:
        """(text, action) of the rows under "cites" or "cited_by"."""
        item = self.cites_group if group == "cites" else self.cited_by_group
        if item is None:
            return []
        return [(item.child(i).text(0), item.child(i).data(0, ROLE_ACTION)) for i in range(item.childCount())]

    def _clicked(self, item: QTreeWidgetItem) -> None:
        action = item.data(0, ROLE_ACTION)
        if not action:
            return
        kind, doc_id, start, end = action
        if kind == "open":
            self.open_requested.emit(doc_id, int(start), int(end))
        else:
            self.scroll_requested.emit(int(start), int(end))

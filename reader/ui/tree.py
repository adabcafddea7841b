"""The document tree's Qt model and delegate: they show a plan of
reader.core.library.grouping (issuer → year → documents, unit → documents, or source file →
documents), made on a worker thread for a large library."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.core.library.grouping import UNKNOWN, Node, TreePlan, Twin, build_nodes, doc_subline, plan_tree
from reader.ui.itempaint import draw_item_frame, draw_two_lines
from reader.ui.plain import plain_tooltip

ROLE_DOC_ID = Qt.ItemDataRole.UserRole + 1
ROLE_NODE = Qt.ItemDataRole.UserRole + 2  # "issuer" | "year" | "unit" | "source" | "doc"
ROLE_SUBLINE = Qt.ItemDataRole.UserRole + 4
ROLE_KEY = Qt.ItemDataRole.UserRole + 5  # issuer name / year for node rows
ROLE_UNREAD = Qt.ItemDataRole.UserRole + 6  # group rows: documents under it not yet read (badge)


def twin_text(twin: Twin | None) -> str:
    """同名第1篇，共3篇（第12行起）, or （第3页起） in a PDF: tells a row apart from same-titled ones."""
    if twin is None:
        return ""
    note = QCoreApplication.translate("DocTree", "同名第%1篇，共%2篇").replace("%1", str(twin.place)).replace(
        "%2", str(twin.of))
    if twin.page:
        note += QCoreApplication.translate("DocTree", "（第%1页起）").replace("%1", str(twin.page))
    elif twin.line:
        note += QCoreApplication.translate("DocTree", "（第%1行起）").replace("%1", str(twin.line))
    return note


class DocTreeModel(QAbstractItemModel):
    """Issuer → year → document rows over plain Python nodes.

    A QStandardItemModel plus a filtering proxy took seconds for 10 000 documents (one
    Python call per row); here the grouping is computed once, and the filter rebuilds the
    (small) node list in Python, then resets the model.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unknown = UNKNOWN
        self._grouped: list[tuple[str, list[tuple[str, list]]]] = []
        self._haystack: dict[str, str] = {}
        self._words: list[str] = []
        self._top_kind = "issuer"
        self._group_text: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._nodes: list[Node] = [Node("root", "", "", -1, 0)]
        self._doc_nodes: dict[str, int] = {}
        self._read: set[str] | None = None  # read doc ids; None: no unread counts shown
        self._unread: dict[int, int] = {}  # group node → documents under it not yet read

    # -- building
    def set_documents(self, docs: Sequence) -> None:
        self.set_plan(plan_tree(docs, self.tr("未识别")))

    def set_plan(self, plan: "TreePlan") -> None:
        """Show a plan made by plan_tree (possibly on another thread: it holds no Qt objects)."""
        self.unknown = plan.unknown
        self._grouped, self._haystack = plan.grouped, plan.haystack
        self._top_kind, self._group_text, self._labels = plan.top_kind, plan.group_text, plan.labels
        if plan.words == self._words:
            self.beginResetModel()
            self._nodes, self._doc_nodes = plan.nodes, plan.doc_nodes
            self._count_unread()
            self.endResetModel()
        else:
            self._rebuild()

    def set_read_ids(self, read: set[str] | None) -> None:
        """Show each group's unread count (None: hide the counts)."""
        self._read = set(read) if read is not None else None
        self._count_unread()
        for node_id, node in enumerate(self._nodes):
            if node_id and node.doc is None:  # group rows: their text changed
                index = self.createIndex(node.row, 0, node_id)
                self.dataChanged.emit(index, index, [ROLE_UNREAD])

    def _count_unread(self) -> None:
        self._unread = {}
        if self._read is None:
            return
        read, nodes = self._read, self._nodes

        def walk(node_id: int) -> set[str]:
            node = nodes[node_id]
            if node.doc is not None:
                return set() if node.doc.id in read else {node.doc.id}
            unread: set[str] = set()
            for child in node.children:
                unread |= walk(child)
            if node_id:
                self._unread[node_id] = len(unread)
            return unread

        walk(0)

    def unread_count(self, index: QModelIndex) -> int | None:
        return self._unread.get(index.internalId()) if index.isValid() else None

    def set_filter_text(self, text: str) -> None:
        words = [w for w in text.lower().split() if w]
        if words != self._words:
            self._words = words
            self._rebuild()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def _rebuild(self) -> None:
        nodes, doc_nodes = build_nodes(self._grouped, self._haystack, self._words, self._top_kind, self._group_text,
                                       self._labels)
        self.beginResetModel()
        self._nodes, self._doc_nodes = nodes, doc_nodes
        self._count_unread()
        self.endResetModel()

    # -- Qt model interface
    def index(self, row: int, column: int = 0, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        parent_id = parent.internalId() if parent.isValid() else 0
        children = self._nodes[parent_id].children
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = self._nodes[index.internalId()].parent
        if parent_id <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[parent_id].row, 0, parent_id)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0 if parent.column() else len(self._nodes[parent.internalId()].children)
        return len(self._nodes[0].children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return node.text
        if role == ROLE_UNREAD:
            return self._unread.get(index.internalId())
        if role == ROLE_DOC_ID:
            return node.doc.id if node.doc is not None else None
        if role == ROLE_NODE:
            return node.kind
        if role == ROLE_KEY:
            return node.key
        if role == ROLE_SUBLINE:
            if node.doc is None:
                return ""
            return "　".join(x for x in (doc_subline(node.doc), twin_text(node.note)) if x)
        if role == Qt.ItemDataRole.ToolTipRole and node.doc is not None:
            doc = node.doc
            issuers = "、".join(doc.issuers) or "、".join(doc.canonical_issuers)
            parts = (doc.title, doc_subline(doc), twin_text(node.note), issuers)
            return plain_tooltip("\n".join(x for x in parts if x))
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "source":
            return plain_tooltip(node.key)  # the file's full path
        if role == Qt.ItemDataRole.FontRole and node.kind in ("issuer", "unit", "source"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("公文")
        return None

    # -- queries used by the window and the tests
    def top_kind(self) -> str:
        """"issuer", "unit" or "source": which view the model shows."""
        return self._top_kind

    def top_keys(self) -> list[str]:
        """Issuers, or units in the unit view, or files in the source view, in display order."""
        return [self._nodes[i].key for i in self._nodes[0].children]

    def docs_under(self, key: str) -> list[str]:
        """Doc ids under a top node (issuer or unit), as shown (filtered)."""
        for i in self._nodes[0].children:
            if self._nodes[i].key == key:
                return self.doc_ids_under([self.createIndex(self._nodes[i].row, 0, i)])
        return []

    def issuers(self) -> list[str]:
        return [self._nodes[i].key for i in self._nodes[0].children]

    def years(self, issuer: str) -> list[str]:
        for i in self._nodes[0].children:
            if self._nodes[i].key == issuer:
                return [self._nodes[j].key for j in self._nodes[i].children]
        return []

    def find_doc(self, doc_id: str) -> QModelIndex:
        node_id = self._doc_nodes.get(doc_id)
        if node_id is None:
            return QModelIndex()
        return self.createIndex(self._nodes[node_id].row, 0, node_id)

    def doc_ids_under(self, indexes: Iterable[QModelIndex]) -> list[str]:
        ids: dict[str, None] = {}
        nodes = self._nodes

        def walk(node_id: int) -> None:
            node = nodes[node_id]
            if node.doc is not None:
                ids.setdefault(node.doc.id, None)
            for child in node.children:
                walk(child)

        for index in indexes:
            if index.isValid() and index.column() == 0 and index.model() is self:
                walk(index.internalId())
        return list(ids)


def doc_ids_under(model, indexes: Iterable[QModelIndex]) -> list[str]:
    """Doc ids of the selected rows; an issuer or year row stands for all documents under it."""
    if isinstance(model, DocTreeModel):
        return model.doc_ids_under(indexes)
    ids: dict[str, None] = {}

    def walk(index: QModelIndex) -> None:
        doc_id = index.data(ROLE_DOC_ID)
        if doc_id:
            ids.setdefault(doc_id, None)
            return
        for r in range(model.rowCount(index)):
            walk(model.index(r, 0, index))

    for index in indexes:
        if index.column() == 0:
            walk(index)
    return list(ids)


_GROUP_COUNT = re.compile(r"（\d+）$")  # a group row's document count, after its name


def fit_group_label(text: str, fm: QFontMetrics, width: int) -> str:
    """A group row's label within width pixels: the name shortened with "…", its count kept
    (宁波市人民代表大会常务…（16）)."""
    name, count = text, ""
    counted = _GROUP_COUNT.search(text)
    if counted:
        name, count = text[:counted.start()], counted.group()
    return fm.elidedText(name, Qt.TextElideMode.ElideRight, max(0, width - fm.horizontalAdvance(count))) + count


class DocTreeDelegate(QStyledItemDelegate):
    """Two lines for documents: the title, then 文号 and date in grey."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(ROLE_NODE) == "doc" and index.data(ROLE_SUBLINE):
            fm = QFontMetrics(option.font)
            return QSize(size.width(), fm.height() * 2 + 8)
        return QSize(size.width(), max(size.height(), QFontMetrics(option.font).height() + 6))

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        sub = index.data(ROLE_SUBLINE)
        if index.data(ROLE_NODE) != "doc" or not sub:
            unread = index.data(ROLE_UNREAD)
            if not unread:
                super().paint(painter, option, index)
                return
            self._paint_unread_row(painter, option, index, unread)
            self._paint_unread(painter, option, unread)
            return
        opt, text = draw_item_frame(self, painter, option, index)
        rect = opt.rect.adjusted(4, 3, -4, -3)
        draw_two_lines(painter, opt, rect, text, sub)

    @staticmethod
    def _unread_badge(option: QStyleOptionViewItem, unread: int) -> tuple[str, QFont, QRect]:
        label = QCoreApplication.translate("DocTreeModel", "未读 %1").replace("%1", str(unread))
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        width = QFontMetrics(font).horizontalAdvance(label) + 10
        return label, font, option.rect.adjusted(option.rect.width() - width - 4, 3, -4, -3)

    def _paint_unread_row(self, painter, option: QStyleOptionViewItem, index: QModelIndex, unread: int) -> None:
        """A group row with an unread badge: its name elided before the badge (at a narrow tree
        the badge covered the end of the name and its count)."""
        _label, _font, badge = self._unread_badge(option, unread)
        opt, text = draw_item_frame(self, painter, option, index)
        style = opt.widget.style() if opt.widget else None
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, opt.widget) if style else opt.rect
        area.setRight(min(area.right(), badge.left() - 6))
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.text().color())
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fit_group_label(text, QFontMetrics(opt.font), area.width() - 4))
        painter.restore()

    def _paint_unread(self, painter, option: QStyleOptionViewItem, unread: int) -> None:
        """A group row's unread count, right-aligned in the accent colour over the row's end."""
        label, font, rect = self._unread_badge(option, unread)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dbe8fb"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("#1d4f91"))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

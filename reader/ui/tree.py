"""The document tree: issuer → year → documents, built from DocInfo records (not folders).

Issuers are grouped by canonical name; a joint issuance sits under each of its issuers;
unknown issuer or year go under 未识别 nodes. Every node shows its count. Documents are
newest first within a year.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ROLE_DOC_ID = Qt.ItemDataRole.UserRole + 1
ROLE_NODE = Qt.ItemDataRole.UserRole + 2  # "issuer" | "year" | "doc"
ROLE_FILTER = Qt.ItemDataRole.UserRole + 3
ROLE_SUBLINE = Qt.ItemDataRole.UserRole + 4
ROLE_KEY = Qt.ItemDataRole.UserRole + 5  # issuer name / year for node rows

UNKNOWN = "未识别"


def _doc_sort_key(doc) -> tuple:
    # newest first; undated last; then by title for a stable order
    return (0 if doc.date else 1, _negate_date(doc.date or ""), doc.title)


def _negate_date(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) if c.isdigit() else c for c in date)


def doc_subline(doc) -> str:
    parts = []
    if doc.doc_number:
        parts.append(doc.doc_number)
    if doc.date:
        parts.append(doc.date)
    return "　".join(parts)


class DocTreeModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("公文")])
        self.unknown = UNKNOWN

    def set_documents(self, docs: Sequence) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("公文")])
        unknown = self.tr("未识别")
        self.unknown = unknown
        grouped: dict[str, dict[str, list]] = {}
        for doc in docs:
            issuers = list(dict.fromkeys(doc.canonical_issuers or [])) or [unknown]
            year = str(doc.year) if doc.year else unknown
            for issuer in issuers:
                grouped.setdefault(issuer, {}).setdefault(year, []).append(doc)

        def issuer_order(item):
            name, years = item
            count = len({d.id for docs_ in years.values() for d in docs_})
            return (name == unknown, -count, name)

        root = self.invisibleRootItem()
        for issuer, years in sorted(grouped.items(), key=issuer_order):
            total = sum(len(v) for v in years.values())
            issuer_item = self._node(f"{issuer}（{total}）", "issuer", issuer)
            for year in sorted(years, key=lambda y: (y == unknown, -int(y) if y.isdigit() else 0)):
                year_docs = sorted(years[year], key=_doc_sort_key)
                year_item = self._node(f"{year}（{len(year_docs)}）", "year", year)
                for doc in year_docs:
                    year_item.appendRow(self._doc_item(doc, issuer))
                issuer_item.appendRow(year_item)
            root.appendRow(issuer_item)

    def _node(self, text: str, kind: str, key: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(kind, ROLE_NODE)
        item.setData(key, ROLE_KEY)
        item.setData("", ROLE_FILTER)
        if kind == "issuer":
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _doc_item(self, doc, issuer: str) -> QStandardItem:
        item = QStandardItem(doc.title)
        item.setEditable(False)
        item.setData("doc", ROLE_NODE)
        item.setData(doc.id, ROLE_DOC_ID)
        sub = doc_subline(doc)
        item.setData(sub, ROLE_SUBLINE)
        issuers = "、".join(doc.issuers) if doc.issuers else issuer
        item.setToolTip("\n".join(x for x in (doc.title, sub, issuers) if x))
        item.setData(
            " ".join([doc.title, doc.doc_number or "", doc.date or "", " ".join(doc.issuers),
                      " ".join(doc.canonical_issuers), doc.kind or ""]).lower(),
            ROLE_FILTER,
        )
        return item

    # -- queries used by the window and the tests
    def issuers(self) -> list[str]:
        root = self.invisibleRootItem()
        return [root.child(i).data(ROLE_KEY) for i in range(root.rowCount())]

    def years(self, issuer: str) -> list[str]:
        root = self.invisibleRootItem()
        for i in range(root.rowCount()):
            node = root.child(i)
            if node.data(ROLE_KEY) == issuer:
                return [node.child(j).data(ROLE_KEY) for j in range(node.rowCount())]
        return []

    def find_doc(self, doc_id: str) -> QModelIndex:
        hits = self.match(self.index(0, 0), ROLE_DOC_ID, doc_id, 1,
                          Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return hits[0] if hits else QModelIndex()


class DocTreeFilter(QSortFilterProxyModel):
    """Keeps documents whose title, 文号, date, issuer or kind contain every typed word."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter is deprecated there
            self.beginFilterChange()
            self._words = [w for w in text.lower().split() if w]
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = [w for w in text.lower().split() if w]
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        haystack = index.data(ROLE_FILTER) or ""
        if not haystack:
            return False
        return all(w in haystack for w in self._words)


def doc_ids_under(model, indexes: Iterable[QModelIndex]) -> list[str]:
    """Doc ids of the selected rows; an issuer or year row stands for all documents under it."""
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
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(4, 3, -4, -3)
        fm = QFontMetrics(opt.font)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.text().color())
        top = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() - 1))
        painter.setFont(small)
        painter.setPen(QColor("#6b7280"))
        bottom = QRect(rect.left(), rect.top() + fm.height() + 2, rect.width(), fm.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(sub, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

"""任务 tab and 台账 view: the task ledger in the GUI.

TaskPanel lists the open document's tasks (clicking one scrolls the reading pane to it:
`scroll_requested(start, end)`, the same signal EntityPanel has). LedgerView lists tasks
over many documents, filterable by unit, year, issuer and deadline text, sortable by any
column, exportable to CSV for Excel (UTF-8 with BOM). Task extraction runs in the caller's
worker thread: LedgerView.set_rows() only takes finished rows.

Wiring into the main window (done by its owner): add TaskPanel as a tab beside the
entity panel, call `set_document(doc)` when a document opens, connect
`scroll_requested` to `reading.view.scroll_to(s, e, select=True)`.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Document
from reader.core.tasks import Task, extract_tasks
from reader.ui.plain import plain_tooltip

ROLE_SPAN = Qt.ItemDataRole.UserRole + 1


def _units(units) -> str:
    return "、".join(u.printed for u in units)


class TaskPanel(QWidget):
    """The open document's tasks: 条目 · 任务 · 牵头 · 配合 · 时限."""

    scroll_requested = Signal(int, int)  # start, end in the reading text
    search_requested = Signal(str)  # a unit, to search the library for it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("本文任务"), self)
        self.title.setObjectName("panelTitle")
        layout.addWidget(self.title)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("条目"), self.tr("任务"), self.tr("牵头"), self.tr("配合"), self.tr("时限")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip(self.tr("单击：跳到文中位置；双击：在全部公文中搜索牵头单位"))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.tree, 1)
        self.tasks: list[Task] = []

    def set_document(self, doc: Document | None) -> None:
        self.set_tasks(extract_tasks(doc) if doc is not None else [])

    def set_tasks(self, tasks: Sequence[Task]) -> None:
        self.tasks = list(tasks)
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            items = []
            for t in self.tasks:
                text = t.text if len(t.text) <= 60 else t.text[:58] + "…"
                item = QTreeWidgetItem([t.path, text, _units(t.lead_units) or "、".join(t.lead_officials),
                                        _units(t.cooperating_units), "；".join(t.deadlines)])
                item.setData(0, ROLE_SPAN, (t.start, t.end))
                item.setToolTip(1, plain_tooltip(t.text))
                items.append(item)
            self.tree.addTopLevelItems(items)
        finally:
            self.tree.setUpdatesEnabled(True)
        self.title.setText(self.tr("本文任务（%1）").replace("%1", str(len(self.tasks))))

    def _clicked(self, item: QTreeWidgetItem) -> None:
        span = item.data(0, ROLE_SPAN)
        if span:
            self.scroll_requested.emit(int(span[0]), int(span[1]))

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        i = self.tree.indexOfTopLevelItem(item)
        if 0 <= i < len(self.tasks) and self.tasks[i].lead_units:
            self.search_requested.emit(self.tasks[i].lead_units[0].printed)


# ---------------------------------------------------------------- 台账
COLUMNS = ("公文", "文号", "发文机关", "年份", "条目", "任务", "牵头单位", "配合单位", "牵头领导", "完成时限", "目标指标")


class LedgerModel(QAbstractTableModel):
    """Rows of (Document-like metadata, Task)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []  # (doc, task)

    def set_rows(self, rows: Sequence[tuple]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section])
        return None

    def cell(self, row: int, col: int) -> str:
        doc, t = self.rows[row]
        m = doc.meta
        values = (m.title, m.doc_number or "", "、".join(m.issuers), str(m.year or ""), t.path, t.text,
                  _units(t.lead_units), _units(t.cooperating_units), "、".join(t.lead_officials),
                  "；".join(t.deadlines), "；".join(t.targets))
        return values[col]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.cell(index.row(), index.column()))
        return None


class LedgerFilter(QSortFilterProxyModel):
    """Unit (printed or canonical, short forms too), year, issuer and deadline filters."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit = ""
        self.year = ""
        self.issuer = ""
        self.deadline = ""

    def set_filters(self, *, unit: str = "", year: str = "", issuer: str = "", deadline: str = "") -> None:
        self.beginFilterChange()
        self.unit, self.year, self.issuer, self.deadline = unit.strip(), year.strip(), issuer.strip(), deadline.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        model: LedgerModel = self.sourceModel()
        doc, t = model.rows[source_row]
        if self.unit and not t.involves(self.unit):
            return False
        if self.year and str(doc.meta.year or "") != self.year:
            return False
        if self.issuer and not any(self.issuer in x for x in list(doc.meta.issuers) + list(doc.meta.canonical_issuers)):
            return False
        if self.deadline and not any(self.deadline in d for d in t.deadlines):
            return False
        return True


class LedgerView(QWidget):
    """台账: tasks across the library, filterable, sortable, exportable to CSV."""

    scroll_requested = Signal(str, int, int)  # doc id, start, end: open the document there

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ledgerView")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("单位，如 市经信局"))
        self.year_edit = QLineEdit(self)
        self.year_edit.setPlaceholderText(self.tr("年份"))
        self.issuer_edit = QLineEdit(self)
        self.issuer_edit.setPlaceholderText(self.tr("发文机关"))
        self.deadline_edit = QLineEdit(self)
        self.deadline_edit.setPlaceholderText(self.tr("时限，如 6月底"))
        for w in (self.unit_edit, self.year_edit, self.issuer_edit, self.deadline_edit):
            w.textChanged.connect(self._apply_filters)
            bar.addWidget(w)
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.export_button.clicked.connect(self._export_clicked)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.model = LedgerModel(self)
        self.proxy = LedgerFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self._update_count()

    def set_rows(self, rows: Sequence[tuple]) -> None:
        """(doc, task) pairs, computed off the GUI thread by the caller."""
        self.model.set_rows(rows)
        self._update_count()

    def visible_rows(self) -> list[tuple]:
        out = []
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            out.append(self.model.rows[src])
        return out

    def _apply_filters(self) -> None:
        self.proxy.set_filters(unit=self.unit_edit.text(), year=self.year_edit.text(),
                               issuer=self.issuer_edit.text(), deadline=self.deadline_edit.text())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 %1 项任务").replace("%1", str(self.proxy.rowCount())))

    def export_csv(self, path: str) -> int:
        """Write the visible rows, in view order, as the CLI's CSV (UTF-8 with BOM)."""
        from reader.commands_tasks import write_csv

        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            return write_csv(self.visible_rows(), f)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出任务台账"), "任务台账.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def _activated(self, index) -> None:
        src = self.proxy.mapToSource(index).row()
        doc, t = self.model.rows[src]
        self.scroll_requested.emit(doc.id, t.start, t.end)


def ledger_rows(documents) -> list[tuple]:
    """(doc, task) for every task of the documents: run this in a worker thread."""
    return [(doc, t) for doc in documents for t in extract_tasks(doc)]

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

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.ledger.export import parse_date_bound, save_csv, write_xlsx
from reader.core.ledger.rows import COL_DEADLINE, LedgerQuery, LedgerTable, units_text
from reader.core.model import Document
from reader.core.ledger.tasks import Task, extract_tasks
from reader.ui.itempaint import draw_item_frame, draw_two_lines
from reader.ui.plain import plain_tooltip

ROLE_SPAN = Qt.ItemDataRole.UserRole + 1


class TaskRowDelegate(QStyledItemDelegate):
    """A task in two lines for the narrow side panel: 条目 and the task text on top; 牵头,
    配合 and 时限 below in grey (the columns they come from stay in the item, hidden)."""

    def _lines(self, index) -> tuple[str, str]:
        path = index.siblingAtColumn(0).data() or ""
        text = index.siblingAtColumn(1).data() or ""
        lead = index.siblingAtColumn(2).data() or ""
        coop = index.siblingAtColumn(3).data() or ""
        deadline = index.siblingAtColumn(4).data() or ""
        parts = []
        if lead:
            parts.append(QCoreApplication.translate("TaskPanel", "牵头：") + lead)
        if coop:
            parts.append(QCoreApplication.translate("TaskPanel", "配合：") + coop)
        if deadline:
            parts.append(QCoreApplication.translate("TaskPanel", "时限：") + deadline)
        return (f"{path} {text}" if path else text), "　".join(parts)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        fm = QFontMetrics(option.font)
        return QSize(super().sizeHint(option, index).width(), fm.height() * 2 + 10)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        opt, _ = draw_item_frame(self, painter, option, index)
        top_text, sub = self._lines(index)
        rect = opt.rect.adjusted(4, 4, -4, -4)
        draw_two_lines(painter, opt, rect, top_text, sub)


class TaskPanel(QWidget):
    """The open document's tasks, two lines each (条目 · 任务 / 牵头 · 配合 · 时限), and the
    whole of the selected task in a details area under the list."""

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
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.tree = QTreeWidget(splitter)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("条目"), self.tr("任务"), self.tr("牵头"), self.tr("配合"), self.tr("时限")])
        self.tree.setHeaderHidden(True)
        for col in (0, 2, 3, 4):  # shown in the two-line row of column 1 and in the details
            self.tree.setColumnHidden(col, True)
        self.tree.setItemDelegateForColumn(1, TaskRowDelegate(self.tree))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip(self.tr("单击：跳到文中位置；双击：在全部公文中搜索牵头单位"))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(lambda item, _prev: self._show_details(item))
        self.details = QTextBrowser(splitter)
        self.details.setObjectName("taskDetails")
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(self.tr("选中一项任务，这里显示全文、责任单位、时限和指标。"))
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 160])
        layout.addWidget(splitter, 1)
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
                item = QTreeWidgetItem([t.path, t.text, units_text(t.lead_units) or "、".join(t.lead_officials),
                                        units_text(t.cooperating_units), "；".join(t.deadlines)])
                item.setData(0, ROLE_SPAN, (t.start, t.end))
                item.setToolTip(1, plain_tooltip(t.text))
                items.append(item)
            self.tree.addTopLevelItems(items)
        finally:
            self.tree.setUpdatesEnabled(True)
        self.details.clear()
        self.title.setText(self.tr("本文任务（%1）").replace("%1", str(len(self.tasks))))

    def details_text(self) -> str:
        return self.details.toPlainText()

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        i = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        if not 0 <= i < len(self.tasks):
            self.details.clear()
            return
        t = self.tasks[i]
        lines = [f"{t.path} {t.text}".strip()]
        for label, value in ((self.tr("牵头单位"), units_text(t.lead_units)),
                             (self.tr("联系单位") if t.kind == "duty" else self.tr("配合单位"),
                              units_text(t.cooperating_units)),
                             (self.tr("牵头领导"), "、".join(t.lead_officials)),
                             (self.tr("完成时限"), "；".join(t.deadlines)),
                             (self.tr("目标指标"), "；".join(t.targets))):
            if value:
                lines.append(f"{label}：{value}")
        self.details.setPlainText("\n".join(lines))  # plain text: never markup from the document

    def _clicked(self, item: QTreeWidgetItem) -> None:
        self._show_details(item)
        span = item.data(0, ROLE_SPAN)
        if span:
            self.scroll_requested.emit(int(span[0]), int(span[1]))

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        i = self.tree.indexOfTopLevelItem(item)
        if 0 <= i < len(self.tasks) and self.tasks[i].lead_units:
            self.search_requested.emit(self.tasks[i].lead_units[0].printed)


# ---------------------------------------------------------------- 台账
# QT_TRANSLATE_NOOP marks the labels for translation (LedgerModel.headerData translates them);
# they are reader.core.ledger.rows.COLUMNS, the column order the core's cells come in
COLUMNS = (
    QT_TRANSLATE_NOOP("LedgerModel", "公文"),
    QT_TRANSLATE_NOOP("LedgerModel", "文号"),
    QT_TRANSLATE_NOOP("LedgerModel", "发文机关"),
    QT_TRANSLATE_NOOP("LedgerModel", "年份"),
    QT_TRANSLATE_NOOP("LedgerModel", "条目"),
    QT_TRANSLATE_NOOP("LedgerModel", "任务"),
    QT_TRANSLATE_NOOP("LedgerModel", "牵头单位"),
    QT_TRANSLATE_NOOP("LedgerModel", "配合单位"),
    QT_TRANSLATE_NOOP("LedgerModel", "牵头领导"),
    QT_TRANSLATE_NOOP("LedgerModel", "完成时限"),
    QT_TRANSLATE_NOOP("LedgerModel", "目标指标"),
)


class LedgerModel(QAbstractTableModel):
    """The ledger's rows as a table: a LedgerTable (built off the GUI thread) seen through
    the current filters and sort order.

    Filtering and sorting are done here on the table's columns (LedgerQuery.select,
    LedgerTable.order), not by a QSortFilterProxyModel: a proxy calls a Python filter
    per row and asks for every sort value through data() (17,000 rows: 0.1 s a keystroke,
    3 s a sort). Cells are made when the view asks for them.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = LedgerTable()
        self.query = LedgerQuery()
        self.visible: list[int] = []  # row numbers of self.table, in view order
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    @property
    def rows(self) -> list[tuple]:
        """Every (doc, task) row, filtered or not, in library order."""
        return self.table.rows

    def set_table(self, table: LedgerTable) -> None:
        self.beginResetModel()
        self.table = table
        self.visible = self._selected()
        self.endResetModel()

    def set_rows(self, rows: Sequence[tuple]) -> None:
        """Rows as (doc, task) pairs (a LedgerTable is built here: small sets only)."""
        self.set_table(LedgerTable(rows))

    def set_query(self, query: LedgerQuery) -> None:
        if query == self.query:
            return
        self.beginResetModel()
        self.query = query
        self.visible = self._selected()
        self.endResetModel()

    def _selected(self) -> list[int]:
        chosen = self.query.select(self.table)
        if self.sort_column >= 0:
            chosen = self.table.order(chosen, self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder)
        return chosen

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self.visible = self.table.order(self.visible, column, order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> tuple:
        """The (doc, task) shown in view row `row`."""
        return self.table.rows[self.visible[row]]

    def visible_rows(self) -> list[tuple]:
        return [self.table.rows[r] for r in self.visible]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section])
        return None

    def cell(self, row: int, col: int) -> str:
        return self.table.cell(self.visible[row], col)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.cell(index.row(), index.column()))
        return None


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
        self.deadline_edit.setPlaceholderText(self.tr("时限文字，如 6月底"))
        self.due_from_edit = QLineEdit(self)
        self.due_from_edit.setPlaceholderText(self.tr("时限自，如 2023-01"))
        self.due_from_edit.setToolTip(self.tr("完成时限不早于：年、年-月或年-月-日（6月底前按当年 6 月 30 日计）"))
        self.due_to_edit = QLineEdit(self)
        self.due_to_edit.setPlaceholderText(self.tr("时限至，如 2023-06"))
        self.due_to_edit.setToolTip(self.tr("完成时限不晚于：年、年-月或年-月-日"))
        self.unit_edit.setMinimumWidth(160)
        self.year_edit.setMaximumWidth(80)
        for w in (self.unit_edit, self.year_edit, self.issuer_edit, self.deadline_edit,
                  self.due_from_edit, self.due_to_edit):
            w.setClearButtonEnabled(True)
            w.textChanged.connect(self._apply_filters)
            bar.addWidget(w, 2 if w is self.unit_edit else 1)
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.export_button.setToolTip(self.tr("导出当前筛选和排序的任务（UTF-8 带 BOM，Excel 可直接打开）"))
        self.export_button.clicked.connect(self._export_clicked)
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"), self)
        self.xlsx_button.setToolTip(self.tr("导出当前筛选和排序的任务为 .xlsx 工作簿"))
        self.xlsx_button.clicked.connect(self._export_xlsx_clicked)
        bar.addWidget(self.export_button)
        bar.addWidget(self.xlsx_button)
        layout.addLayout(bar)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.model = LedgerModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Rows come in the library's order (documents as in the tree, tasks in reading order)
        # until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)
        # 完成时限 and 配合单位 within the dialog's default width (1240 px): narrower 公文 and 任务
        # (their whole text is in the tooltip), and 完成时限 shown before 牵头领导
        for col, width in enumerate((170, 135, 120, 45, 75, 240, 125, 140, 80, 105, 110)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().moveSection(COL_DEADLINE, COLUMNS.index("牵头领导"))
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self._update_count()

    def set_rows(self, rows: LedgerTable | Sequence[tuple]) -> None:
        """A LedgerTable built off the GUI thread by the caller (or, for a few rows, the
        (doc, task) pairs themselves)."""
        table = rows if isinstance(rows, LedgerTable) else LedgerTable(rows)
        self.model.set_table(table)
        completer = QCompleter(table.units, self.unit_edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit_edit.setCompleter(completer)
        self._update_count()

    def visible_rows(self) -> list[tuple]:
        """The rows that pass the filters, in view order."""
        return self.model.visible_rows()

    def _apply_filters(self) -> None:
        due_from = parse_date_bound(self.due_from_edit.text(), end=False)
        due_to = parse_date_bound(self.due_to_edit.text(), end=True)
        self.model.set_query(LedgerQuery(unit=self.unit_edit.text(), year=self.year_edit.text(),
                                         issuer=self.issuer_edit.text(), deadline=self.deadline_edit.text(),
                                         due_from=due_from, due_to=due_to))
        self._bad_bounds = [e.text() for e, d in ((self.due_from_edit, due_from), (self.due_to_edit, due_to))
                            if e.text().strip() and d is None]
        self._update_count()

    def _update_count(self) -> None:
        text = self.tr("共 %1 项任务（全部 %2 项）").replace("%1", str(self.model.rowCount())) \
            .replace("%2", str(len(self.model.rows)))
        bad = getattr(self, "_bad_bounds", [])
        if bad:
            text += self.tr("　无法识别的日期：%1（请写 2023、2023-06 或 2023-06-30）").replace("%1", "、".join(bad))
        self.count_label.setText(text)

    def export_csv(self, path: str) -> int:
        """Write the visible rows, in view order, as the CLI's CSV (UTF-8 with BOM)."""
        return save_csv(self.visible_rows(), path)

    def export_xlsx(self, path: str) -> int:
        """Write the visible rows, in view order, as an Excel workbook (same columns as CSV)."""
        return write_xlsx(self.visible_rows(), path)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出任务台账"), "任务台账.csv", "CSV (*.csv)")
        if path:
            self._export(self.export_csv, path)

    def _export_xlsx_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出任务台账"), "任务台账.xlsx",
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self._export(self.export_xlsx, path)

    def _export(self, write, path: str) -> None:
        try:
            n = write(path)
        except Exception as exc:  # a locked or unwritable file: a message, not a crash
            QMessageBox.warning(self, self.tr("导出任务台账"), self.tr("无法写入 %1：%2").replace("%1", path)
                                .replace("%2", str(exc)))
            return
        self.count_label.setText(self.tr("已导出 %1 项任务到 %2").replace("%1", str(n)).replace("%2", path))

    def _activated(self, index) -> None:
        doc, t = self.model.row_at(index.row())
        self.scroll_requested.emit(doc.id, t.start, t.end)

"""The 时限提醒 window: the library's tasks by deadline — overdue, this week, this month, later.

Rows come from the library's links (reader.core.ledger.links: every document's tasks, gathered once per
update on a worker thread); the bucketing is reader.core.ledger.deadlines, relative to `today`.
Double-click a task to open its document at the task.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.ledger.deadlines import BUCKETS, LATER, OVERDUE, THIS_MONTH, THIS_WEEK, counts, deadline_items
from reader.ui.dialogs import resize_within_screen
from reader.ui.plain import plain_tooltip

ROLE_TARGET = Qt.ItemDataRole.UserRole + 1  # (doc_id, start, end) on task rows
OVERDUE_COLOUR = "#b42318"
SOON_COLOUR = "#b54708"
FILTER_DELAY_MS = 200


class DeadlinesDialog(QDialog):
    open_requested = Signal(str, int, int)  # doc id, task start, task end

    def __init__(self, service, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("deadlinesDialog")
        self.service = service
        self.today = today or date.today()
        self.rows: list[tuple] | None = None
        self.items = []
        self.setWindowTitle(self.tr("时限提醒"))
        resize_within_screen(self, 1100, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.today_label = QLabel(self.tr("今天：%1").replace("%1", self.today.isoformat()), self)
        self.unit = QLineEdit(self)
        self.unit.setObjectName("deadlineUnit")
        self.unit.setPlaceholderText(self.tr("按责任单位筛选，如 市财政局"))
        self.unit.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.today_label)
        top.addWidget(self.unit, 1)
        top.addWidget(self.summary)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("deadlineTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("时限"), self.tr("剩余"), self.tr("任务"), self.tr("牵头单位"), self.tr("公文")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (1, 120), (3, 200), (4, 260)):
            self.tree.setColumnWidth(col, width)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("按印发的完成时限计算（如“6月底前”按公文当年 6 月 30 日）；"
                              "没有具体日期的任务（如“长期坚持”）不列出。双击一项打开公文。"), self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.fill)
        self.unit.textChanged.connect(self._filter_timer.start)
        ready = getattr(service, "links_ready", None)
        if ready is not None:
            ready.connect(self._library_changed)

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        """Take the library's task rows when they are ready (links_ready calls again)."""
        links = self.service.links()
        if links is None:
            self.rows = None
            self.tree.clear()
            self.summary.setText(self.tr("正在汇总全部公文中的任务…"))
            return
        self.rows = list(links.rows)
        units = sorted(links.unit_printed) + sorted({p for v in links.unit_printed.values() for p in v})
        completer = QCompleter(list(dict.fromkeys(units)), self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.setCompleter(completer)
        self.fill()

    def _library_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def set_unit(self, unit: str) -> None:
        self.unit.setText(unit)
        self._filter_timer.stop()
        self.fill()

    def fill(self) -> None:
        if self.rows is None:
            return
        self.items = deadline_items(self.rows, self.today, self.unit.text())
        n = counts(self.items)
        self.tree.clear()
        titles = {
            OVERDUE: self.tr("已逾期（%1）"),
            THIS_WEEK: self.tr("本周到期（%1）"),
            THIS_MONTH: self.tr("本月到期（%1）"),
            LATER: self.tr("以后（%1）"),
        }
        bold = QFont()
        bold.setBold(True)
        groups = {}
        for bucket in BUCKETS:
            group = QTreeWidgetItem([titles[bucket].replace("%1", str(n[bucket]))])
            group.setFirstColumnSpanned(False)
            group.setFont(0, bold)
            group.setData(0, Qt.ItemDataRole.UserRole + 2, bucket)
            if bucket == OVERDUE and n[bucket]:
                group.setForeground(0, QBrush(QColor(OVERDUE_COLOUR)))
            self.tree.addTopLevelItem(group)
            groups[bucket] = group
        for it in self.items:
            days = it.days_left(self.today)
            left = (self.tr("逾期 %1 天").replace("%1", str(-days)) if days < 0
                    else self.tr("今天") if days == 0 else self.tr("%1 天").replace("%1", str(days)))
            lead = "、".join(u.printed for u in it.task.lead_units) or "、".join(u.printed for u in it.task.units)
            printed = "；".join(it.task.deadlines)
            row = QTreeWidgetItem([it.due.isoformat(), left, it.task.text, lead, it.doc.meta.title])
            row.setData(0, ROLE_TARGET, (it.doc.id, it.task.start, it.task.end))
            row.setToolTip(0, plain_tooltip(self.tr("原文时限：%1").replace("%1", printed)))
            row.setToolTip(2, plain_tooltip(it.task.text))
            doc_lines = (it.doc.meta.title, it.doc.meta.doc_number or "")
            row.setToolTip(4, plain_tooltip("\n".join(x for x in doc_lines if x)))
            if it.bucket == OVERDUE:
                row.setForeground(1, QBrush(QColor(OVERDUE_COLOUR)))
            elif it.bucket == THIS_WEEK:
                row.setForeground(1, QBrush(QColor(SOON_COLOUR)))
            groups[it.bucket].addChild(row)
        for bucket, group in groups.items():
            group.setExpanded(bucket != LATER or n[LATER] <= 50)
        self.summary.setText(self.tr("%1 项有时限的任务").replace("%1", str(len(self.items))))

    # ------------------------------------------------------------ queries for tests and the window
    def bucket_rows(self, bucket: str) -> list[QTreeWidgetItem]:
        group = self.tree.topLevelItem(BUCKETS.index(bucket))
        return [group.child(i) for i in range(group.childCount())] if group is not None else []

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, ROLE_TARGET)
        if target:
            self.open_requested.emit(*target)

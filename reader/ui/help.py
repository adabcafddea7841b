"""帮助 → 搜索语法 (F1): the query language with an example per row, in the interface's language.

The rows are the README's "Search: the query language" table; double-clicking an example (or
选中后“试一试”) runs it in the search bar, so the help is also a way to learn by doing.
Everything is plain text (table items and labels), never rich text.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.dialogs import resize_within_screen


def syntax_rows() -> list[tuple[str, str]]:
    """(what you type, what it finds), in the interface's language; the examples stay Chinese
    because the documents are."""
    return [
        ("金融 监管", QCoreApplication.translate("SearchHelp", "同时包含两个词（空格分隔的词须全部出现）")),
        ('"支持 政策"', QCoreApplication.translate("SearchHelp", "包含引号中的原文（含空格）；中文引号“…”同样可用")),
        ("通知 OR 意见", QCoreApplication.translate(
            "SearchHelp", "包含任一个（也可写 通知 | 意见）；OR 比空格结合得更紧："
                          "外贸 金融 OR 财政 = 外贸 且（金融 或 财政）")),
        ("市政府 -办公厅", QCoreApplication.translate("SearchHelp", "包含“市政府”但不包含“办公厅”")),
        ("发文机关:财政局", QCoreApplication.translate(
            "SearchHelp", "发文机关（原文或规范名称）包含“财政局”；也可写 issuer:")),
        ("年份:2022", QCoreApplication.translate(
            "SearchHelp", "成文于该年份；year:2021-2023 或 年份:2021至2023 表示年份范围")),
        ("文号:〔2022〕19号", QCoreApplication.translate(
            "SearchHelp", "文号包含该文字；[2022]、（2022）都按〔2022〕读；也可写 docno:")),
        ("文种:通知", QCoreApplication.translate("SearchHelp", "按文种；也可写 kind:")),
        ("标题:实施意见", QCoreApplication.translate("SearchHelp", "按标题；也可写 title:")),
        ("单位:市财政局", QCoreApplication.translate(
            "SearchHelp", "按任务中的责任单位（原文或规范名称）；也可写 unit:")),
        ("备注:跟进", QCoreApplication.translate("SearchHelp", "自己写的批注包含该文字；也可写 批注: 或 note:")),
        ("-文种:通知", QCoreApplication.translate(
            "SearchHelp", "字段条件也可取反（-）或用 OR 连接；全角冒号“：”与“:”相同")),
    ]


def intro_text() -> str:
    return QCoreApplication.translate(
        "SearchHelp",
        "搜索找到的正是在正文中按 Ctrl+F 能找到的内容：全角与半角、“…”与“...”视为相同，"
        "英文字母不分大小写；不按词典切词，“金融监管”也能找到“市地方金融监管局”。"
    )


def notes_text() -> str:
    return QCoreApplication.translate(
        "SearchHelp",
        "像运算符的文字加引号即按原文搜索（\"OR\"、\"-1\"、\"责任单位：市\"）。"
        "无法执行的查询（单独的 OR 或 -、年份:abc、超过 1000 个字符）会说明原因。"
        "结果按相关度（标题和文号加权）或日期排序。双击一个示例即可试用。"
    )


class SearchHelpDialog(QDialog):
    """Non-modal: it can stay open beside the window while the user tries queries."""

    try_query = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchHelp")
        self.setWindowTitle(self.tr("搜索语法"))
        resize_within_screen(self, 760, 440)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro_text(), self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        rows = syntax_rows()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("syntaxTable")
        self.table.setHorizontalHeaderLabels([self.tr("输入"), self.tr("找到的公文")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, (example, meaning) in enumerate(rows):
            item = QTableWidgetItem(example)
            item.setToolTip(self.tr("双击：用这个示例搜索"))
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(meaning))
        # Row heights follow the wrapped meaning column once it has its real width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemDoubleClicked.connect(lambda item: self._try(item.row()))
        layout.addWidget(self.table, 1)
        self.notes = QLabel(notes_text(), self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.try_button = QPushButton(self.tr("试一试"), self)
        self.try_button.setToolTip(self.tr("用所选示例搜索全部公文"))
        self.try_button.clicked.connect(lambda: self._try(self.table.currentRow()))
        buttons.addButton(self.try_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def examples(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def _try(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.try_query.emit(self.table.item(row, 0).text())

"""Small dialogs: problems (unreadable files), library folders, About."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.ui.plain import plain_tooltip


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog or window to width x height, or to its screen's free area (less room
    for a window frame) when that is smaller: on a 1024x700 screen a 1100-pixel dialog ran
    off the edge."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 24), min(height, area.height() - 48)
    window.resize(max(width, 320), max(height, 240))


class ProblemsDialog(QDialog):
    def __init__(self, problems: Sequence, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("无法读取的文件"))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        if problems:
            intro = self.tr("以下 %1 个文件未能读取，其中的公文不在库中：").replace("%1", str(len(problems)))
        else:
            intro = self.tr("所有文件均已成功读取。")
        label = QLabel(intro, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        self.table = QTableWidget(len(problems), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("原因")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, problem in enumerate(problems):
            file_item = QTableWidgetItem(str(problem.file))
            file_item.setToolTip(plain_tooltip(str(problem.file)))
            self.table.setItem(row, 0, file_item)
            self.table.setItem(row, 1, QTableWidgetItem(str(problem.reason)))
        self.table.setColumnWidth(0, 380)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def about_text() -> str:
    import sqlite3

    try:
        from importlib.metadata import version

        chardet = version("chardet")
    except Exception:
        chardet = "?"
    py = ".".join(str(x) for x in sys.version_info[:3])
    return (
        QCoreApplication.translate("About", "公文阅读器") + f" {__version__}\n\n"
        + QCoreApplication.translate("About", "离线阅读、检索和导出中文公文（政府公报、通知、意见、规划、纪要）。")
        + "\n"
        + QCoreApplication.translate("About", "高亮日期与时限、数量与指标、责任单位和引用文号。") + "\n\n"
        + QCoreApplication.translate("About", "使用的开源软件：") + "\n"
        f"  Python {py}\n"
        f"  Qt {qVersion()} / PySide6 {pyside_version}（LGPLv3）\n"
        f"  SQLite {sqlite3.sqlite_version}（public domain）\n"
        f"  chardet {chardet}（MIT）\n"
        + "  Noto Sans CJK SC（SIL OFL）"
    )


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "关于公文阅读器"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.setIcon(QMessageBox.Icon.Information)
    if parent.windowIcon() and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.exec()
